"""parse_time against peer test suites of Chinese time expressions, with JioNLP's parse_time on the same cases.

Three suites (nothing is fetched; Duckling's and Recognizers-Text's are kept in tests/fixtures/peer_time):
- JioNLP's own time-parser tests (test/test_time_parser.py of dongrixinyu/JioNLP): every case with a base time,
  compared by day (a clock time counts as its day; an open side is '' on both);
- Duckling's Chinese time corpus (Duckling/Time/ZH/Corpus.hs of facebook/duckling, base 2013-02-12 04:30):
  every example whose grain is a day, week, month or year (points and intervals; an interval's end is exclusive
  in Duckling, so its last day is the one before);
- Microsoft Recognizers-Text's Chinese DateParser and DatePeriodParser specs: a case is right when it gives one
  of the readings the spec accepts (its future or its past resolution).

A case is right when the first and last day both agree. JioNLP (GPLv3) is not a dependency: give the python of
a venv that has it with --jionlp-python and it is run there on the same cases.

    .venv/bin/python bench/time_peer_suites.py [--jionlp-tests PATH/test_time_parser.py] \\
        [--jionlp-python /tmp/jio/bin/python] [--misses]
"""

from __future__ import annotations

import argparse
import ast
import calendar
import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline import find_deadlines, parse_time  # noqa: E402

PEERS = ROOT / "tests" / "fixtures" / "peer_time"  # the Duckling and Recognizers-Text suites, kept as published
RECOGNIZERS = [PEERS / "recognizers_zh_DateParser.json", PEERS / "recognizers_zh_DatePeriodParser.json"]
Case = tuple[str, str, str, str]  # text, base (ISO), first day, last day ('' for an open side)

_JIO_CASE = re.compile(
    r"\[\s*'([^']+)',\s*([^{]+?),\s*\{'type': '(\w+)', 'definition': '\w+', 'time': \[(?:'([^']*)'|(-?inf)|'(-?inf)'),\s*(?:'([^']*)'|(-?inf))\]\}\]"
)
_JIO_TS1 = "2021-06-14"  # _ts_1 of JioNLP's tests


def jionlp_cases(source: str) -> list[Case]:
    out = []
    for m in _JIO_CASE.finditer(source):
        text, base = m.group(1), m.group(2).strip()
        if base == "_ts_1":
            b = _JIO_TS1
        else:
            try:
                v = ast.literal_eval(base)
            except (ValueError, SyntaxError):
                continue
            if isinstance(v, dict):
                b = dt.date(v.get("year", 2021), v.get("month", 1), v.get("day", 1)).isoformat()
            elif isinstance(v, (list, tuple)):
                b = dt.date(*(list(v) + [1, 1])[:3]).isoformat()
            else:
                continue
        first = m.group(4) if m.group(4) is not None else ""
        last = m.group(7) if m.group(7) is not None else ""
        first = "" if "inf" in first else first[:10]
        last = "" if "inf" in last else last[:10]
        out.append((text, b, first, last))
    return out


_DUCK_POINT = re.compile(r"\(datetime \((\d+), (\d+), (\d+), \d+, \d+, \d+\) (Day|Week|Month|Year)\)")
_DUCK_SPAN = re.compile(r"\(datetimeInterval \(\((\d+), (\d+), (\d+), \d+, \d+, \d+\), \((\d+), (\d+), (\d+), \d+, \d+, \d+\)\) (Day|Week|Month|Year)\)")
_DUCK_BASE = "2013-02-12"


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def duckling_cases(source: str) -> list[Case]:
    out = []
    for block in re.split(r"\n\s*[,\[] examples", source)[1:]:
        head, strings = block.split("\n", 1)[0], re.findall(r'"([^"]*)"', block)
        if m := _DUCK_POINT.match(head.strip()):
            y, mo, d, grain = int(m[1]), int(m[2]), int(m[3]), m[4]
            first = dt.date(y, mo, d)
            last = {"Day": first, "Week": first + dt.timedelta(days=6), "Month": _month_end(y, mo), "Year": dt.date(y, 12, 31)}[grain]
        elif m := _DUCK_SPAN.match(head.strip()):
            a = [int(x) for x in m.groups()[:6]]
            grain = m[7]
            if grain == "Year":
                first, last = dt.date(a[0], 1, 1), dt.date(a[3] - 1, 12, 31)
            elif grain == "Month":
                y2, m2 = (a[3], a[4] - 1) if a[4] > 1 else (a[3] - 1, 12)
                first, last = dt.date(a[0], a[1], 1), _month_end(y2, m2)
            else:
                first, last = dt.date(*a[:3]), dt.date(*a[3:6]) - dt.timedelta(days=1)
        else:
            continue
        out.extend((s, _DUCK_BASE, first.isoformat(), last.isoformat()) for s in strings)
    return out


def recognizers_cases(files: list[Path]) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Microsoft Recognizers-Text's Chinese DateParser and DatePeriodParser specs: each result's text, its
    reference date and the readings it accepts (future and past resolutions; a period's endDate is exclusive
    for whole months, quarters and years and inclusive for a named last day, so both are accepted)."""
    out = []
    for path in files:
        for case in json.loads(path.read_text(encoding="utf-8-sig")):
            base = (case.get("Context") or {}).get("ReferenceDateTime", "")[:10]
            for result in case.get("Results", []) if base else []:
                value, readings = result.get("Value") or {}, []
                for key in ("FutureResolution", "PastResolution"):
                    res = value.get(key) or {}
                    if "date" in res:
                        readings.append((res["date"], res["date"]))
                    elif "startDate" in res and "endDate" in res:
                        end = res["endDate"]
                        day_before = (dt.date.fromisoformat(end) - dt.timedelta(days=1)).isoformat()
                        readings += [(res["startDate"], end), (res["startDate"], day_before)]
                if readings:
                    out.append((result["Text"], base, readings))
    return out


def ours(cases: list[Case]) -> list[tuple[str, str] | None]:
    got = []
    for text, base, _, _ in cases:
        span = parse_time(text, base_date=base)
        got.append((span.start, span.end) if span else None)
    return got


_JIONLP_RUNNER = """
import json, sys, time, jionlp
out = []
for text, base in json.load(sys.stdin):
    y, m, d = (int(x) for x in base.split("-"))
    try:
        t = jionlp.parse_time(text, time_base=time.mktime((y, m, d, 0, 0, 0, 0, 0, -1)))["time"]
        day = lambda v: "" if "inf" in str(v) else str(v)[:10]
        out.append([day(t[0]), day(t[1])])
    except Exception:
        out.append(None)
print(json.dumps(out))
"""


def jionlp(cases: list[Case], python: str) -> list[tuple[str, str] | None]:
    done = subprocess.run(
        [python, "-c", _JIONLP_RUNNER], input=json.dumps([[t, b] for t, b, _, _ in cases]), capture_output=True, text=True, check=True
    )
    return [tuple(x) if x else None for x in json.loads(done.stdout.strip().splitlines()[-1])]


def score_any(cases: list[tuple[str, str, list[tuple[str, str]]]], got: list[tuple[str, str] | None]) -> tuple[int, list[str]]:
    right, misses = 0, []
    for (text, base, readings), g in zip(cases, got):
        if g in readings:
            right += 1
        else:
            misses.append(f"  {text}  (base {base}): want one of {sorted(set(readings))}, got {g}")
    return right, misses


def score(cases: list[Case], got: list[tuple[str, str] | None]) -> tuple[int, list[str]]:
    right, misses = 0, []
    for (text, base, first, last), g in zip(cases, got):
        if g == (first, last):
            right += 1
        else:
            misses.append(f"  {text}  (base {base}): want {first or '-inf'}..{last or 'inf'}, got {g}")
    return right, misses


_NOT_A_POINT = ("前", "后", "以来", "内", "起", "至", "到", "~", "-", "，", ",", "之间")


def in_a_slot(cases: list[Case]) -> tuple[int, int, list[str]]:
    """find_deadlines on each expression set in a limit's slot ("请各单位于{X}前报送材料。"): the cases whose
    expected last day parse_time reads and that lie ahead of the base date (a past one is history in a
    notice), points only (no spans or counts in the slot). Right when a limit ends on that day."""
    right, total, misses = 0, 0, []
    for text, base, _first, last in cases:
        span = parse_time(text, base_date=base)
        if span is None or span.end != last or not last or last < base or any(w in text for w in _NOT_A_POINT):
            continue
        total += 1
        found = find_deadlines(f"请各单位于{text}前报送材料。", base_date=base)
        if any(d.end == last for d in found):
            right += 1
        else:
            misses.append(f"  请各单位于{text}前报送材料。 (base {base}): want {last}, got {[(d.text, d.end) for d in found]}")
    return right, total, misses


def _report(name: str, n: int, judge: Callable[[list[tuple[str, str] | None]], tuple[int, list[str]]], cases: list[Case], args: argparse.Namespace) -> None:
    """One suite's line: parse_time's score, JioNLP's beside it when its python is given, and the misses."""
    right, misses = judge(ours(cases))
    line = f"{name}: {n} cases; parse_time {right}"
    if args.jionlp_python:
        line += f", JioNLP parse_time {judge(jionlp(cases, args.jionlp_python))[0]}"
    print(line)
    if args.misses:
        print("\n".join(misses))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jionlp-tests", type=Path, help="JioNLP's test/test_time_parser.py")
    ap.add_argument("--duckling-corpus", type=Path, default=PEERS / "duckling_zh_corpus.hs", help="Duckling's Duckling/Time/ZH/Corpus.hs")
    ap.add_argument("--recognizers-specs", type=Path, nargs="*", default=RECOGNIZERS, help="Recognizers-Text's Chinese DateParser/DatePeriodParser specs")
    ap.add_argument("--jionlp-python", help="the python of a venv with jionlp installed")
    ap.add_argument("--misses", action="store_true", help="list parse_time's misses")
    args = ap.parse_args()
    suites = []
    if args.jionlp_tests:
        suites.append(("JioNLP test_time_parser", jionlp_cases(args.jionlp_tests.read_text(encoding="utf-8"))))
    if args.duckling_corpus:
        suites.append(("Duckling ZH corpus (day/week/month/year grains)", duckling_cases(args.duckling_corpus.read_text(encoding="utf-8"))))
    for name, cases in suites:
        _report(name, len(cases), lambda got, cases=cases: score(cases, got), cases, args)
        right, total, misses = in_a_slot(cases)
        print(f"  the same expressions as limits (请各单位于X前报送材料。): find_deadlines {right} of {total}")
        if args.misses:
            print("\n".join(misses))
    if args.recognizers_specs:
        ms = recognizers_cases(args.recognizers_specs)
        name = "Microsoft Recognizers-Text Chinese date and date-period specs"
        _report(name, len(ms), lambda got: score_any(ms, got), [(t, b, "", "") for t, b, _ in ms], args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
