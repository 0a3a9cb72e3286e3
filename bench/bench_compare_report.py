"""`compare` and `report` on corpora of growing size, to see whether they grow linearly.

    .venv/bin/python bench/bench_compare_report.py [--sizes 500,1000,2000] [--workers 2]

Each corpus is the seed notices copied with distinct 文号 and a place from a list of real cities in the
title and issuer (copies with one number would be duplicates and be left out of the comparisons). Prints,
per size, the seconds of the ingest, of `compare` and of `report`, the report's size on disk, and the time
per document, so a growth faster than linear shows as a rising per-document time.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.compare import iter_comparisons, load_corpus, write_comparisons  # noqa: E402
from pipeline.report import build_report  # noqa: E402
from pipeline.run import run_batch  # noqa: E402
from pipeline.workers import Limits  # noqa: E402

CITIES = ["铁岭市", "郑州市", "洛阳市", "开封市", "南阳市", "成都市", "绵阳市", "广州市", "深圳市", "杭州市", "宁波市", "长沙市", "南宁市", "苏州市"]


def corpus(folder: Path, n: int) -> None:
    seeds = sorted((ROOT / "corpora").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    for i in range(n):
        city = CITIES[i % len(CITIES)]
        text = texts[i % len(texts)].replace("铁岭市", city).replace("〔2020〕1号", f"〔2020〕{i + 1}号").replace("〔2020〕5号", f"〔2020〕{i + 1}号")
        (folder / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")


def _open_seconds(path: Path) -> str:
    """Seconds until Debian's headless Chromium shows the report's overview ("-" without Playwright/Chromium)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "-"
    if not Path("/usr/bin/chromium").exists():
        return "-"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(path.as_uri(), wait_until="load")
        page.wait_for_selector("#overview.page.shown")
        seconds = time.perf_counter() - start
        browser.close()
    return f"{seconds:.1f} s"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="500,1000,2000")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'documents':>9} {'ingest s':>9} {'compare s':>10} {'ms/doc':>7} {'report s':>9} {'ms/doc':>7} {'report.html MB':>15} {'doc pages MB':>13} opens in Chromium")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder, out = Path(tmp) / "in", Path(tmp) / "out"
            folder.mkdir()
            corpus(folder, n)
            t0 = time.perf_counter()
            run_batch(sorted(folder.iterdir()), out, workers=args.workers, limits=Limits())
            t1 = time.perf_counter()
            # what `compare` does: the lean store read, each table written as it is built
            tables = load_corpus(out)
            write_comparisons(iter_comparisons(tables), out / "compare", ["csv"], docs=tables["documents"])
            del tables
            t2 = time.perf_counter()
            path = build_report(out)
            t3 = time.perf_counter()
            pages = sum(p.stat().st_size for p in (out / "report_docs").glob("*.html"))
            opened = _open_seconds(path)
            print(f"{n:>9} {t1 - t0:>9.1f} {t2 - t1:>10.1f} {1000 * (t2 - t1) / n:>7.1f} {t3 - t2:>9.1f} {1000 * (t3 - t2) / n:>7.1f} {path.stat().st_size / 1e6:>15.1f} {pages / 1e6:>13.1f} {opened}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
