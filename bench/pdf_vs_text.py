"""The same notices as text and as PDF: where do the tables differ?

Each text notice in a folder is written to a Word file in GB/T 9704 layout (tests/docxgen.py) and exported to
PDF by LibreOffice; the pipeline runs on the texts and on the PDFs, and every document whose header fields
(title, 文号, issuer, recipients, dates…) or row counts differ is listed. The text is the reference: what the
PDF reader loses (a title broken by a narrow line, a 文号 split at its bracket) shows up here, on real
wording instead of wording the tests wrote. Needs LibreOffice (`make system-deps`).

    python bench/pdf_vs_text.py FOLDER_OF_TXT [--work DIR] [--look plain|border]
"""

from __future__ import annotations

import argparse
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--look", choices=sorted(LOOKS), default="plain")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="pdf-vs-text-"))
    texts = sorted(args.folder.glob("*.txt"))
    (work / "docx").mkdir(parents=True, exist_ok=True)
    docs = [docxgen.write_docx(pdfgen.notice_from_text(t.read_text(encoding="utf-8")), work / "docx" / f"{t.stem}.docx", LOOKS[args.look]) for t in texts]
    pdfs = docxgen.to_pdf(docs, work / "pdf", noto=args.look == "border", timeout=3600)
    run_batch(texts, work / "out_text", rebuild=True)
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
    print(f"{differing} of {len(texts)} documents differ between text and PDF ({work})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
