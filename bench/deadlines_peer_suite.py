"""find_deadlines on a peer suite: the date cases of JioNLP's own time-parser tests (test/test_time_parser.py
of dongrixinyu/JioNLP, read from a local copy; clock times, weekdays, festivals, the lunar calendar and
centuries left out as no policy limit). A case is right when some found expression gives JioNLP's expected
end date (and start, for a range). Prints the score and the misses.

    .venv/bin/python bench/deadlines_peer_suite.py PATH/TO/JioNLP/test/test_time_parser.py
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline import find_deadlines  # noqa: E402

TS1 = dt.date(2021, 6, 14)  # JioNLP's _ts_1
_CASE = re.compile(
    r"\[\s*'([^']+)',\s*([^{]+?),\s*\{'type': '(\w+)', 'definition': '\w+', 'time': \[(?:'([^']*)'|(-?inf)|'(-?inf)'), '([^']*)'\]\}\]"
)
_OUT_OF_SCOPE = re.compile(r"\d{1,2}[:：点时分秒]|[点时分秒]$|刻|凌晨|早上|晚上|下午|上午|中午|周[一二三四五六日末]|星期|礼拜|节|农历|阴历|腊月|闰|世纪|年代|前天|昨天|今天|明天|后天|天前|天后|小时|分钟|钟头|白天|午")


def cases(source: str) -> list[tuple[str, dt.date, str, str]]:
    out = []
    for m in _CASE.finditer(source):
        text, base, _typ, t0, _a, _b, t1 = m.groups()
        base = base.strip()
        if base == "_ts_1":
            b = TS1
        elif base[:1] in "{[":
            try:
                v = ast.literal_eval(base)
            except (ValueError, SyntaxError):
                continue
            b = dt.date(v.get("year", 2021), v.get("month", 1), v.get("day", 1)) if isinstance(v, dict) else dt.date(*(list(v) + [1, 1])[:3])
        else:
            continue
        if not _OUT_OF_SCOPE.search(text):
            out.append((text, b, (t0 or "")[:10], t1[:10]))
    return out


def main() -> int:
    source = Path(sys.argv[1]).read_text(encoding="utf-8")
    right, misses = 0, []
    all_cases = cases(source)
    for text, base, start, end in all_cases:
        found = find_deadlines(text, base_date=base)
        if any(d.end == end and (d.kind != "range" or not start or d.start == start) for d in found):
            right += 1
        else:
            misses.append(f"  {text}  (base {base}): want {start}..{end}, got {[(d.text, d.start, d.end) for d in found]}")
    print(f"peer suite: {right} of {len(all_cases)} date cases right")
    print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
