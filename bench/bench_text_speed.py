"""Per-core speed on real text notices: the whole per-document pipeline against `jieba.lcut` alone.

    .venv/bin/python bench/bench_text_speed.py [FOLDER ...] [--reps 3]

With no folder it reads the seed notices in corpora/ and the text and markdown notices of
../shared/corpus/wild/ (real documents). Every file is read and extracted (`process_path`: read ->
normalise -> structure -> extract, no store); then `jieba.lcut` segments the same normalised texts. Both are
timed in CPU seconds of this one process, alternately, and the best of `--reps` rounds is reported, so other
jobs on the machine move both figures alike.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.process import process_path  # noqa: E402

TEXT_SUFFIXES = (".txt", ".md")


def default_files() -> list[Path]:
    folders = [ROOT / "corpora", ROOT.parent / "shared" / "corpus" / "wild"]
    return sorted(p for f in folders if f.is_dir() for p in f.rglob("*") if p.suffix in TEXT_SUFFIXES and p.name != "MANIFEST.tsv")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args()
    files = sorted(p for f in args.folders for p in f.rglob("*") if p.suffix in TEXT_SUFFIXES) if args.folders else default_files()
    if not files:
        print("no .txt or .md files found")
        return 1
    import jieba

    jieba.lcut("预热")  # the dictionary loads once, outside the measurement
    texts = [process_path(f).text or "" for f in files]  # also loads every rule file once
    chars = sum(len(t) for t in texts)
    pipeline_s, jieba_s = [], []
    for _ in range(args.reps):
        t = time.process_time()
        for f in files:
            process_path(f)
        pipeline_s.append(time.process_time() - t)
        t = time.process_time()
        for text in texts:
            jieba.lcut(text)
        jieba_s.append(time.process_time() - t)
    best_p, best_j = min(pipeline_s), min(jieba_s)
    print(f"{len(files)} text notices, {chars:,} characters, best of {args.reps} rounds (CPU seconds, one process)")
    print(f"pipeline (read + extract): {best_p:6.2f} s  {chars / best_p:10,.0f} characters/s")
    print(f"jieba.lcut alone         : {best_j:6.2f} s  {chars / best_j:10,.0f} characters/s")
    print(f"pipeline / jieba.lcut speed: {best_j / best_p:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
