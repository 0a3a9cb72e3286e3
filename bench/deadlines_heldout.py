"""Score find_deadlines on the held-out passages of bench/heldout_deadlines.yaml: the end dates of the limits an
analyst reads in each passage, written down by hand before the finder ran. A found limit counts when its end
is expected (each expected end once); a bare date alone on its line (a signature) is left out, as the
deadlines table leaves it; ends listed as `optional` count neither way. Prints each batch's score as first
read and now, the misses and false finds, and the totals.

    .venv/bin/python bench/deadlines_heldout.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline import find_deadlines  # noqa: E402
from pipeline.extract.deadlines import Deadline  # noqa: E402

HELDOUT = Path(__file__).with_name("heldout_deadlines.yaml")


def _signature(text: str, d: Deadline) -> bool:
    """A date alone on its line signs something; the deadlines table drops it."""
    a = text.rfind("\n", 0, d.start_char) + 1
    b = text.find("\n", d.end_char)
    line = text[a : len(text) if b < 0 else b]
    return d.kind == "date" and line.strip() == d.text.strip()


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


def main() -> None:
    data = yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))
    total_first = Counter()
    total_now = Counter()
    for batch in data["batches"]:
        now = Counter()
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
    for name, t in (("first read", total_first), ("now", total_now)):
        p = t["found"] / (t["found"] + t["false"]) if t["found"] + t["false"] else 1.0
        r = t["found"] / t["expected"] if t["expected"] else 1.0
        print(f"total {name}: {t['expected']} limits, {t['found']} found, {t['false']} false, {t['missed']} missed: precision {p:.2f}, recall {r:.2f}")


if __name__ == "__main__":
    main()
