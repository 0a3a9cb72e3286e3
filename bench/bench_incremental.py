"""A corpus run again: with nothing changed, and with one file changed, against the first ingest, in one process.

    .venv/bin/python bench/bench_incremental.py [--docs 2000] [--workers 2]

The texts are the seed notices, each copy made distinct by a numbered closing line. Prints the seconds of
the first ingest, of a run with no file changed and of a run with one file changed, each as a share of the
first, and the peak resident memory of this process (the parent: the workers' own peaks are below it).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_workers import corpus  # noqa: E402
from pipeline.run import run_batch  # noqa: E402
from pipeline.workers import Limits  # noqa: E402


def timed(files: list[Path], out: Path, workers: int) -> tuple[float, int]:
    start = time.perf_counter()
    res = run_batch(files, out, workers=workers, limits=Limits())
    return time.perf_counter() - start, res.documents


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        chars = corpus(folder, args.docs)
        files = sorted(folder.iterdir())
        timed(files[:4], Path(tmp) / "warm", 1)  # imports and rule loading, outside the measurement
        out = Path(tmp) / "out"
        first, n1 = timed(files, out, args.workers)
        same, n2 = timed(files, out, args.workers)
        files[len(files) // 2].write_text(files[len(files) // 2].read_text(encoding="utf-8") + "\n（已修改）\n", encoding="utf-8")
        one, n3 = timed(files, out, args.workers)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.docs} documents, {chars:,} characters, {args.workers} workers")
    print(f"first ingest      : {first:8.1f} s  ({n1} documents processed)")
    print(f"nothing changed   : {same:8.2f} s  ({n2} processed)  {same / first:6.1%} of the first")
    print(f"one file changed  : {one:8.2f} s  ({n3} processed)  {one / first:6.1%} of the first")
    print(f"peak RSS (parent) : {peak:8.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
