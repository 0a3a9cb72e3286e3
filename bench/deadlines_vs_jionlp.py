"""Head to head on the deadline cases (tests/fixtures/deadline_cases*.yaml): pipeline.find_deadlines against
JioNLP's time extraction and parsing (jio.ner.extract_time with parsing), on the same sentences.

JioNLP is GPLv3, so it is no dependency: install it into a venv of its own and name that venv's python:

    python3 -m venv /tmp/jio && /tmp/jio/bin/pip install jionlp
    .venv/bin/python bench/deadlines_vs_jionlp.py --jionlp-python /tmp/jio/bin/python

A case counts as right for a system when its first time expression (ours) or any expression (JioNLP, which
does not rank them) gives the expected dates, frequency or duration (for JioNLP, a duration counted from its
base date is accepted); a trap (no limit) is right when nothing is reported. The cases are this project's
own test cases, so our score on them is by construction; JioNLP's score says how a general time parser fares
on policy time limits. Scores are printed per group of cases and in all.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FIXTURES = ROOT / "tests" / "fixtures"
_JIO_SCRIPT = r"""
import json, sys
import jionlp as jio
cases = json.load(sys.stdin)
out = []
for c in cases:
    base = c.get("base_date") or "2020-06-15"
    y, m, d = (int(x) for x in base.split("-"))
    try:
        found = jio.ner.extract_time(c["text"], time_base={"year": y, "month": m, "day": d}, with_parsing=True)
    except Exception as e:  # JioNLP raises on some inputs
        found = []
    out.append([f.get("detail", {}) for f in found])
sys.stdout.write("\n@@RESULT@@" + json.dumps(out, ensure_ascii=False, default=str))
"""
_FREQ = {"year": "yearly", "month": "monthly", "day": "daily", "week": "weekly", "quarter": "quarterly"}
_UNIT = {"day": "day", "workday": "working_day", "month": "month", "year": "year", "week": "week", "hour": "hour"}


def load_cases() -> list[dict[str, Any]]:
    cases = []
    for name in ("deadline_cases.yaml", "deadline_cases_generated.yaml"):
        for c in yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))["cases"]:
            cases.append({k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in c.items()})
    return cases


def group(case: dict[str, Any]) -> str:
    if case.get("none"):
        return "trap"
    if "base_date" in case and case.get("inferred"):
        return "inferred"
    return case["kind"]


def ours_right(case: dict[str, Any]) -> bool:
    from pipeline import find_deadlines

    found = find_deadlines(case["text"], base_date=case.get("base_date") or None)
    if case.get("none"):
        return not found
    if not found:
        return False
    d = found[0]
    for key in ("start", "end", "frequency", "duration_value", "duration_unit"):
        if key in case and str(getattr(d, key)) != str(case[key] or ""):
            return False
    return True


def jio_right(case: dict[str, Any], details: list[dict[str, Any]]) -> bool:
    if case.get("none"):
        return not details
    for det in details:
        t = det.get("time")
        kind = det.get("type")
        if case.get("frequency") and kind == "time_period":
            delta = (t or {}).get("delta", {}) if isinstance(t, dict) else {}
            if any(_FREQ.get(k) == case["frequency"] and v == 1 for k, v in delta.items()):
                return True
            if case["frequency"] == "half-yearly" and (delta.get("month") == 6 or delta.get("year") == 0.5):
                return True
            if case["frequency"] == "ten-daily" and delta.get("day") == 10:
                return True
        if case.get("duration_value") and kind == "time_span" and not case.get("end"):
            return True  # JioNLP counts the duration from its base date: the limit is found (lenient)
        if case.get("duration_value") and kind == "time_delta" and isinstance(t, dict):
            for k, v in t.items():
                if _UNIT.get(k) == case.get("duration_unit") and str(v).rstrip("0").rstrip(".") == str(case["duration_value"]):
                    return True
        if isinstance(t, list) and len(t) == 2 and (case.get("end") or case.get("start")):
            start, end = str(t[0])[:10], str(t[1])[:10]
            if case.get("end") and end != case["end"]:
                continue
            if case.get("start") and case["kind"] == "range" and start != case["start"]:
                continue
            return True
    return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jionlp-python", required=True, help="python of a venv where jionlp is installed")
    args = ap.parse_args()
    cases = load_cases()
    proc = subprocess.run([args.jionlp_python, "-c", _JIO_SCRIPT], input=json.dumps(cases, ensure_ascii=False), capture_output=True, text=True, check=True)
    jio = json.loads(proc.stdout.split("@@RESULT@@", 1)[1])  # JioNLP prints banners to stdout
    total: Counter[str] = Counter()
    ours: Counter[str] = Counter()
    theirs: Counter[str] = Counter()
    for case, details in zip(cases, jio):
        g = group(case)
        total[g] += 1
        ours[g] += ours_right(case)
        theirs[g] += jio_right(case, details)
    print(f"{'cases':<12}{'n':>5}{'ours':>8}{'JioNLP':>8}")
    for g in sorted(total):
        print(f"{g:<12}{total[g]:>5}{ours[g]:>8}{theirs[g]:>8}")
    n = sum(total.values())
    no_trap = n - total["trap"]
    print(f"{'all':<12}{n:>5}{sum(ours.values()):>8}{sum(theirs.values()):>8}")
    print(f"{'no traps':<12}{no_trap:>5}{sum(ours.values()) - ours['trap']:>8}{sum(theirs.values()) - theirs['trap']:>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
