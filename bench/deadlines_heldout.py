"""Score find_deadlines on the held-out passages of bench/heldout_deadlines.yaml: the end dates of the limits an
analyst reads in each passage, written down by hand before the finder ran. A found limit counts when its end
is expected (each expected end once); a bare date alone on its line (a signature) is left out, as the
deadlines table leaves it; ends listed as `optional` count neither way. Prints each batch's score as first
read and now, the misses and false finds, and the totals. With --jionlp-python (a venv holding JioNLP, GPLv3,
never a dependency) JioNLP's extract_time is scored the same way on the same passages: every time it reads
with a definite end date counts as a limit found, as an analyst taking its output would count it.

    .venv/bin/python bench/deadlines_heldout.py [--jionlp-python /tmp/jio/bin/python]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline import find_deadlines  # noqa: E402
from pipeline.extract.deadlines import Deadline  # noqa: E402

HELDOUT = Path(__file__).with_name("heldout_deadlines.yaml")
_JIO_SCRIPT = r"""
import json, sys
import jionlp as jio
out = []
for p in json.load(sys.stdin):
    y, m, d = (int(x) for x in (p.get("base_date") or "2020-06-15").split("-"))
    try:
        found = jio.ner.extract_time(p["text"], time_base={"year": y, "month": m, "day": d}, with_parsing=True)
    except Exception:
        found = []
    out.append([[f.get("text", ""), f.get("offset", [0, 0]), f.get("detail", {})] for f in found])
sys.stdout.write("\n@@RESULT@@" + json.dumps(out, ensure_ascii=False, default=str))
"""


def _signature(text: str, d: Deadline) -> bool:
    """A date alone on its line signs something; the deadlines table drops it."""
    a = text.rfind("\n", 0, d.start_char) + 1
    b = text.find("\n", d.end_char)
    line = text[a : len(text) if b < 0 else b]
    return d.kind == "date" and line.strip() == d.text.strip()


def _jio_ends(text: str, found: list) -> list[str]:
    """The end dates of JioNLP's readings that name a definite day (points and spans; not periods or deltas)."""
    ends = []
    for span, offset, det in found:
        t = det.get("time") if isinstance(det, dict) else None
        if det.get("type") not in ("time_point", "time_span") or not (isinstance(t, list) and len(t) == 2):
            continue
        end = str(t[1])[:10]
        if len(end) != 10 or end[:1] not in "12":
            continue  # an open end ('inf'): no date
        a = text.rfind("\n", 0, offset[0]) + 1
        b = text.find("\n", offset[1])
        if text[a : len(text) if b < 0 else b].strip() == span.strip():
            continue  # a date alone on its line (a signature), left out for both
        ends.append(end)
    return ends


def score_ends(p: dict, ends: list[str]) -> tuple[int, int, int]:
    got, want = Counter(ends), Counter(p.get("ends") or [])
    optional = set(p.get("optional") or [])
    extra = got - want
    return sum((got & want).values()), sum(n for end, n in extra.items() if end not in optional), sum((want - got).values())


def score_passage(p: dict) -> tuple[int, int, int, list[str]]:
    """(found, false, missed, notes) for one passage."""
    text = p["text"]
    found = [d for d in find_deadlines(text, base_date=p.get("base_date") or None) if d.end and not _signature(text, d)]
    got, want = Counter(d.end for d in found), Counter(p.get("ends") or [])
    optional = set(p.get("optional") or [])
    extra = got - want
    false = sum(n for end, n in extra.items() if end not in optional)
    missed = sum((want - got).values())
    notes = [f"missed {end}" for end in (want - got).elements()]
    notes += [f"false {d.end} {d.rule} {d.text!r}" for d in found if d.end in extra and d.end not in optional]
    return sum((got & want).values()), false, missed, notes


def _prf(t: Counter[str]) -> str:
    p = t["found"] / (t["found"] + t["false"]) if t["found"] + t["false"] else 1.0
    r = t["found"] / t["expected"] if t["expected"] else 1.0
    return f"{t['expected']} limits, {t['found']} found, {t['false']} false, {t['missed']} missed: precision {p:.2f}, recall {r:.2f}"


def jionlp_total(python: str, passages: list[dict]) -> Counter[str]:
    proc = subprocess.run([python, "-c", _JIO_SCRIPT], input=json.dumps(passages, ensure_ascii=False, default=str), capture_output=True, text=True, check=True)
    results = json.loads(proc.stdout.split("@@RESULT@@", 1)[1])
    total: Counter[str] = Counter()
    for p, found in zip(passages, results):
        f, fa, mi = score_ends(p, _jio_ends(p["text"], found))
        total.update(expected=len(p.get("ends") or []), found=f, false=fa, missed=mi)
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jionlp-python", help="python of a venv where jionlp is installed")
    args = ap.parse_args()
    data = yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))
    total_first: Counter[str] = Counter()
    total_now: Counter[str] = Counter()
    for batch in data["batches"]:
        now: Counter[str] = Counter()
        for p in batch["passages"]:
            f, fa, mi, notes = score_passage(p)
            now.update(expected=len(p.get("ends") or []), found=f, false=fa, missed=mi)
            for n in notes:
                print(f"  batch {batch['batch']}: {n}  in {p['text'][:60]!r}")
        first = Counter(batch["first_read"])
        total_first.update(first)
        total_now.update(now)
        print(f"batch {batch['batch']}: {len(batch['passages'])} passages, {now['expected']} limits; first read "
              f"{first['found']} found / {first['false']} false / {first['missed']} missed; now {now['found']} / {now['false']} / {now['missed']}")
    print(f"total first read: {_prf(total_first)}")
    print(f"total now: {_prf(total_now)}")
    if args.jionlp_python:
        passages = [p for b in data["batches"] for p in b["passages"]]
        print(f"JioNLP extract_time on the same passages: {_prf(jionlp_total(args.jionlp_python, passages))}")


if __name__ == "__main__":
    main()
