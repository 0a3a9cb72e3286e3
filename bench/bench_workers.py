"""Ingest throughput with 1 and with N worker processes on the same texts, in one process tree.

    .venv/bin/python bench/bench_workers.py [--docs 80] [--workers 2] [--rounds 2]

The texts are the two seed notices, each copy made distinct by a numbered closing line (identical files
would be skipped as duplicates). Prints documents/s, characters/s and the speed-up.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.run import run_batch  # noqa: E402
from pipeline.workers import Limits  # noqa: E402


def corpus(folder: Path, n: int) -> int:
    seeds = sorted((ROOT / "corpora").glob("*.txt"))
    chars = 0
    for i in range(n):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8") + f"\n（第{i}份）\n"
        (folder / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


def timed(files: list[Path], out: Path, workers: int) -> float:
    start = time.perf_counter()
    run_batch(files, out, workers=workers, limits=Limits())  # a first ingest into an empty folder
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=80)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        chars = corpus(folder, args.docs)
        files = sorted(folder.iterdir())
        timed(files[:4], Path(tmp) / "warm", 1)  # imports and rule loading, outside the measurement
        ones, manys = [], []
        for r in range(args.rounds):  # alternately, the best of each: other jobs on the machine move both alike
            ones.append(timed(files, Path(tmp) / f"one{r}", 1))
            manys.append(timed(files, Path(tmp) / f"many{r}", args.workers))
        one, many = min(ones), min(manys)
    print(f"{args.docs} documents, {chars:,} characters")
    print(f"1 worker : {one:6.1f} s  {args.docs / one:6.1f} docs/s  {chars / one:10,.0f} chars/s")
    print(f"{args.workers} workers: {many:6.1f} s  {args.docs / many:6.1f} docs/s  {chars / many:10,.0f} chars/s")
    print(f"speed-up {one / many:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
