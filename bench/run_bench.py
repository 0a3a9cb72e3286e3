"""Benchmark of the PDF path: pages/s and peak memory of the whole pipeline and of each stage, beside two
baselines run in the same process on the same pages (pdfplumber `extract_text`, pypdfium2 text extraction).

    python bench/run_bench.py [--docs 200] [--scans 2] [--dir /tmp/gongwen-bench] [--engines-docs 40]

The corpus (generated GB/T 9704 notices, bench/corpus.py) is built once into --dir and reused. Peak memory
is the process's peak resident set size during each measurement (Linux: VmHWM, reset between measurements
through /proc/self/clear_refs).
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402


def reset_peak() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def peak_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Result:
    name: str
    pages: int
    seconds: float
    peak: float

    @property
    def rate(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


def measure(name: str, files: Iterable[Path], fn: Callable[[Path], int]) -> Result:
    gc.collect()
    reset_peak()
    pages = 0
    start = time.perf_counter()
    for f in files:
        pages += fn(f)
    return Result(name, pages, time.perf_counter() - start, peak_mb())


def plumber_text(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.flush_cache()
        return len(pdf.pages)


def pdfium_text(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            tp.get_text_range()
            tp.close()
            page.close()
        return len(pdf)
    finally:
        pdf.close()


class Stages:
    """The pipeline on each file with each stage timed: ingest (read_pdf), normalise, extract."""

    def __init__(self) -> None:
        self.t = {"ingest": 0.0, "normalise": 0.0, "extract": 0.0}
        self.rows = 0
        self.ocr_pages = 0

    def __call__(self, path: Path) -> int:
        from pipeline.ingest import read_document
        from pipeline.layout import normalise
        from pipeline.process import extract

        t0 = time.perf_counter()
        src = read_document(path)
        t1 = time.perf_counter()
        doc = normalise(src)
        t2 = time.perf_counter()
        ex = extract(doc)
        t3 = time.perf_counter()
        self.t["ingest"] += t1 - t0
        self.t["normalise"] += t2 - t1
        self.t["extract"] += t3 - t2
        self.rows += len(ex.tasks) + len(ex.assignments) + len(ex.deadlines)
        self.ocr_pages += src.pages_ocr
        return src.pages or 0


def reader(engine: str) -> Callable[[Path], int]:
    def read(path: Path) -> int:
        from pipeline.ingest.pdf import read_pdf

        data = path.read_bytes()
        return read_pdf(path, doc_id=path.stem, sha256="", data=data, engine=engine).pages or 0

    return read


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200, help="text-layer notices (about 10 pages each)")
    ap.add_argument("--scans", type=int, default=2, help="image-only notices (about 10 pages each)")
    ap.add_argument("--engines-docs", type=int, default=40, help="notices read with every PDF engine (split comparison)")
    ap.add_argument("--dir", type=Path, default=Path("/tmp/gongwen-bench"), help="corpus cache folder")
    ap.add_argument("--no-ocr", action="store_true", help="skip the image-only PDFs")
    ap.add_argument("--ocr-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if args.ocr_only:
        ocr_main(corpus.build(args.dir, docs=args.docs, scans=args.scans)[1])
        return 0

    t = time.perf_counter()
    pdfs, scans = corpus.build(args.dir, docs=args.docs, scans=args.scans)
    print(f"corpus: {len(pdfs)} text-layer PDFs, {len(scans)} image-only PDFs in {args.dir} ({time.perf_counter() - t:.0f}s to build or check)")

    # warm up imports and models so that no measurement pays for them
    Stages()(pdfs[0])
    plumber_text(pdfs[0])

    results: list[Result] = []
    results.append(measure("baseline: pdfplumber extract_text", pdfs, plumber_text))
    results.append(measure("baseline: pypdfium2 get_text_range", pdfs, pdfium_text))
    stages = Stages()
    whole = measure("pipeline (pdfium engine), whole", pdfs, stages)
    results.append(whole)
    base = results[0]

    print()
    print(f"text-layer PDFs: {whole.pages} pages in {len(pdfs)} documents")
    print(f"{'measurement':44} {'pages/s':>9} {'seconds':>8} {'peak MB':>8} {'vs pdfplumber':>14}")
    for r in results:
        print(f"{r.name:44} {r.rate:9.1f} {r.seconds:8.1f} {r.peak:8.0f} {r.rate / base.rate:13.1f}x")
    for name, secs in stages.t.items():
        rate = whole.pages / secs if secs else 0.0
        print(f"{'  stage: ' + name:44} {rate:9.1f} {secs:8.1f} {'':>8} {rate / base.rate:13.1f}x")

    sub = pdfs[: args.engines_docs]
    print()
    print(f"reader engines on the first {len(sub)} documents (ingest stage only; same output, see tests):")
    sub_base = measure("baseline: pdfplumber extract_text", sub, plumber_text)
    print(f"{'measurement':44} {'pages/s':>9} {'seconds':>8} {'peak MB':>8} {'vs pdfplumber':>14}")
    for r in [sub_base] + [measure(f"read_pdf engine={e}", sub, reader(e)) for e in ("pdfium", "hybrid", "plumber")]:
        print(f"{r.name:44} {r.rate:9.1f} {r.seconds:8.1f} {r.peak:8.0f} {r.rate / sub_base.rate:13.1f}x")

    if scans and not args.no_ocr:
        # in a fresh process, so that its peak memory is the OCR path's own
        import subprocess

        print()
        subprocess.run([sys.executable, __file__, "--ocr-only", "--docs", str(args.docs), "--scans", str(args.scans), "--dir", str(args.dir)], check=True)
    return 0


def ocr_main(scans: list[Path]) -> None:
    from pipeline.ingest.ocr import engine

    engine()  # the models load once per process; not part of the per-page figures
    base_peak = peak_mb()
    stages = Stages()
    ocr = measure("pipeline on image-only PDFs (OCR), whole", scans, stages)
    ocr_base = measure("baseline: pdfplumber extract_text (no text)", scans, plumber_text)
    print(f"image-only PDFs: {ocr.pages} pages, {stages.ocr_pages} read with OCR (models loaded: {base_peak:.0f} MB)")
    print(f"{'measurement':44} {'pages/s':>9} {'seconds':>8} {'peak MB':>8}")
    for r in (ocr, ocr_base):
        print(f"{r.name:44} {r.rate:9.2f} {r.seconds:8.1f} {r.peak:8.0f}")
    for name, secs in stages.t.items():
        rate = ocr.pages / secs if secs else 0.0
        print(f"{'  stage: ' + name:44} {rate:9.2f} {secs:8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
