"""The same notices as text and as PDF: where do the tables differ?

Each notice in a folder is made into a PDF and the pipeline runs on the sources and on the PDFs; every document
whose header fields (title, 文号, issuer, recipients, dates…) or row counts differ is listed. The source is the
reference: what the PDF reader loses (a title broken by a narrow line, a 文号 split at its bracket) shows up
here, on real wording instead of wording the tests wrote. Three ways to a PDF:

- `--via docx` (default): each .txt notice written to a Word file in GB/T 9704 layout (tests/docxgen.py) and
  exported by LibreOffice (`make system-deps`);
- `--via browser`: each .html page (or .txt notice set as a plain page, one paragraph a line) printed to PDF
  by headless Chromium, site menus and footer included, as an analyst's "Save as PDF" does;
- `--scan` with either: every PDF rendered at 150 dpi, turned by 0.6° and blurred, saved image-only, so the
  OCR path reads it (slow: about two seconds a page).

    python bench/pdf_vs_text.py FOLDER [--work DIR] [--via docx|browser] [--look plain|border] [--scan]
"""

from __future__ import annotations

import argparse
import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import docxgen  # noqa: E402
import pdfgen  # noqa: E402
from pipeline.run import run_batch  # noqa: E402

FIELDS = ["title", "doc_number", "issuer", "recipients", "signed_date", "doc_type", "published_date", "valid_from"]
TABLES = ["sections", "deadlines", "tasks", "references"]
LOOKS = {"plain": docxgen.Look(), "border": docxgen.Look(red_line="border", header_shading=True, title_break=True)}


def _tables(folder: Path) -> dict[str, pd.DataFrame]:
    out = {}
    for name in ["documents", *TABLES]:
        path = folder / f"{name}.csv"
        out[name] = pd.read_csv(path, dtype=str, keep_default_na=False) if path.exists() else pd.DataFrame(columns=["doc_id"])
    return out


def _browser_pdfs(sources: list[Path], work: Path) -> list[Path]:
    """Each page (or text set as a plain page) printed to PDF by headless Chromium."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("--via browser needs Chromium (Debian: apt install chromium)")
    (work / "html").mkdir(parents=True, exist_ok=True)
    (work / "pdf").mkdir(parents=True, exist_ok=True)
    out = []
    for src in sources:
        page = src
        if src.suffix == ".txt":
            lines = [ln.strip() for ln in src.read_text(encoding="utf-8").splitlines() if ln.strip()]
            body = "".join(f"<p>{html.escape(ln)}</p>" for ln in lines)
            page = work / "html" / f"{src.stem}.html"
            page.write_text(
                "<!doctype html><meta charset='utf-8'><style>body{font-family:'Noto Serif CJK SC','WenQuanYi Zen Hei',serif;"
                f"font-size:16px;width:640px;margin:40px auto;line-height:1.8}}p{{margin:0 0 8px;text-indent:2em}}</style>{body}",
                encoding="utf-8",
            )
        pdf = work / "pdf" / f"{src.stem}.pdf"
        cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.resolve().as_uri()]
        subprocess.run(cmd, check=True, capture_output=True, timeout=180)
        out.append(pdf)
    return out


def _scans(pdfs: list[Path], work: Path) -> list[Path]:
    """Image-only copies of the PDFs: 150 dpi, turned 0.6°, a little blurred."""
    import pypdfium2 as pdfium
    from PIL import ImageFilter

    (work / "scan").mkdir(parents=True, exist_ok=True)
    out = []
    for pdf in pdfs:
        doc = pdfium.PdfDocument(str(pdf))
        pages = [doc[i].render(scale=150 / 72).to_pil().convert("L").rotate(0.6, fillcolor=255).filter(ImageFilter.GaussianBlur(0.4)).convert("RGB") for i in range(len(doc))]
        target = work / "scan" / pdf.name
        pages[0].save(target, save_all=True, append_images=pages[1:], resolution=150)
        out.append(target)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--via", choices=["docx", "browser"], default="docx")
    ap.add_argument("--look", choices=sorted(LOOKS), default="plain")
    ap.add_argument("--scan", action="store_true", help="compare image-only copies of the PDFs (the OCR path)")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="pdf-vs-text-"))
    if args.via == "browser":
        sources = sorted(p for p in args.folder.iterdir() if p.suffix in (".txt", ".html"))
        pdfs = _browser_pdfs(sources, work)
    else:
        sources = sorted(args.folder.glob("*.txt"))
        (work / "docx").mkdir(parents=True, exist_ok=True)
        docs = [docxgen.write_docx(pdfgen.notice_from_text(t.read_text(encoding="utf-8")), work / "docx" / f"{t.stem}.docx", LOOKS[args.look]) for t in sources]
        pdfs = docxgen.to_pdf(docs, work / "pdf", noto=args.look == "border", timeout=3600)
    if args.scan:
        pdfs = _scans(pdfs, work)
    run_batch(sources, work / "out_text", rebuild=True)
    run_batch(pdfs, work / "out_pdf", rebuild=True)
    a, b = _tables(work / "out_text"), _tables(work / "out_pdf")
    da, db = a["documents"].set_index("doc_id"), b["documents"].set_index("doc_id")
    differing = 0
    for doc in da.index:
        lines = [f"  {f}: {da.at[doc, f]!r} -> {db.at[doc, f]!r}" for f in FIELDS if doc in db.index and f in da and da.at[doc, f] != db.at[doc, f]]
        for t in TABLES:
            na, nb = int((a[t]["doc_id"] == doc).sum()), int((b[t]["doc_id"] == doc).sum())
            if na != nb:
                lines.append(f"  {t}: {na} -> {nb} rows")
        if lines:
            differing += 1
            print(doc, *lines, sep="\n")
    print(f"{differing} of {len(sources)} documents differ between source and PDF ({work})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
