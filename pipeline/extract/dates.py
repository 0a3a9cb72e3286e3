"""Dates and time limits: the deadline rules of rules/deadlines.yaml, normalised to ISO dates."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

import cn2an
import regex

from .. import rules
from .festivals import day_before_festival
from ..rules import PatternRule

_DIGIT = {"〇": "0", "○": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}


def to_int(text: str) -> int:
    """'2020' -> 2020, '二〇二〇' -> 2020, '十二' -> 12, '三十一' -> 31"""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if all(ch in _DIGIT for ch in text) and len(text) >= 3:
        return int("".join(_DIGIT[ch] for ch in text))
    return int(cn2an.cn2an(text, "smart"))


def _month_end(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _iso(y: int, m: int, d: int) -> str:
    return dt.date(y, m, d).isoformat()


_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@rules.cached
def _month_part_ends() -> dict[str, int]:
    """The last day of each part of a month (rules/time_words.yaml month_parts; 31: the month's last day),
    as parse_time reads them: 上旬 10, 中旬 20, 上中旬 20, 下旬/中下旬/底 the month's end."""
    return {str(k): int(v[1]) for k, v in rules.read_rule_file("time_words.yaml")["month_parts"].items()}


def _period_end(y: int, m: int | None, d: int | None, eop: str | None) -> str:
    if d is not None and m is not None:
        return _iso(y, m, d)
    if m is not None:
        if eop in _month_part_ends():
            return _iso(y, m, min(_month_part_ends()[eop], _month_end(y, m)))
        return _iso(y, m, _month_end(y, m))
    if eop == "上半年":
        return _iso(y, 6, 30)
    if eop == "首季度":
        return _iso(y, 3, 31)
    if eop == "下半年" or eop == "年内":
        return _iso(y, 12, 31)
    if eop and "季度" in eop:
        q = next((v for k, v in _QUARTER.items() if k in eop), 4)
        return _iso(y, q * 3, _month_end(y, q * 3))
    return _iso(y, 12, 31)


@dataclass(frozen=True, slots=True)
class TimeExpr:
    text: str
    kind: str
    start: str
    end: str
    frequency: str
    begin: int  # offsets in the searched text
    stop: int
    rule: str
    duration_value: str = ""  # "30" of 30日内
    duration_unit: str = ""  # day, working_day, week, month, year, hour
    anchor: str = ""  # the event a duration counts from: 印发之日, 收到申请之日


UNITS = {
    "个工作日": "working_day", "工作日": "working_day", "个自然日": "day", "自然日": "day", "日": "day", "天": "day",
    "个星期": "week", "星期": "week", "周": "week", "个月": "month", "月": "month", "年": "year", "小时": "hour",
}


def _group(m: regex.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _int_group(m: regex.Match[str], name: str) -> int | None:
    """A number group as int, or None when the pattern has no such group or it did not take part."""
    value = _group(m, name)
    return to_int(value) if value else None


_DECIMAL = regex.compile(r"\d+\.\d+")


def _duration(m: regex.Match[str]) -> tuple[str, str]:
    n, unit = _group(m, "n"), _group(m, "unit")
    if not n or not unit:
        return "", ""
    value = "0.5" if n == "半" else str(to_int(n)) if not _DECIMAL.fullmatch(n) else n
    return value, UNITS.get(unit, "")


def _interpret(rule: rules.PatternRule, m: regex.Match[str]) -> TimeExpr | None:
    kind = rule.kind
    start = end = freq = ""
    value = unit = anchor = ""
    try:
        if _group(m, "slot") is not None:  # any time expression in a limit's slot ("于下月九号前"): parse_time reads it
            found = _slot_read(rules.active(), m.group("slot"))
            if found is None:
                return None  # "于会议召开前", "在此之前": no time in the slot
            skip, end = found  # "各单位本周五前": the time is the slot's end, "本周五"
            begin = m.start("slot") + skip
            return TimeExpr(m.string[begin : m.end()], kind, "", end, "", begin, m.end(), rule.id)
        elif _group(m, "fest"):  # before a festival: the day before it, in the year written (else left to infer)
            if _group(m, "y"):
                day = day_before_festival(m.group("fest"), to_int(m.group("y")))
                end = day.isoformat() if day is not None else ""
        elif _group(m, "fyp"):  # the n-th five-year plan (十四五): from the 3rd (1966-1970) on, five years each
            end = _iso(1966 + 5 * (to_int(m.group("fyp")) - 3) + 4, 12, 31)
        elif kind in ("by", "target", "date", "validity") and not _group(m, "y"):
            pass  # month and day without a year ("4月28日前"): the limit is kept, no date is guessed here
        elif kind in ("by", "target", "date", "validity"):
            y = to_int(m.group("y"))
            end = _period_end(y, _int_group(m, "m"), _int_group(m, "d"), _group(m, "eop"))
        elif kind == "range" and not _group(m, "y") and _group(m, "y2"):
            # "自即日起至2024年12月31日": the end is written, the start is the document's date (inferred later)
            end = _period_end(to_int(m.group("y2")), _int_group(m, "m2"), _int_group(m, "d2"), None)
        elif kind == "range" and not _group(m, "y"):
            pass  # a stated length ("公示期为5个工作日"): a period with a duration and no dates
        elif kind == "range":
            y = to_int(m.group("y"))
            y2 = _int_group(m, "y2") or (y + 1 if _group(m, "ny") else y)  # "至次年5月31日": the year after
            m1, d1, m2, d2 = (_int_group(m, g) for g in ("m", "d", "m2", "d2"))
            if m2 is None and d2 is not None:
                m2 = m1  # "2019年4月12-19日": the second part names only the day
            if _group(m, "sameday") is not None:
                y2, m2, d2 = y, m1, d1  # "2017年12月6日8:30—10:30": hours of one day
            if d1 is None and _group(m, "sx") in ("底", "末"):
                start = _period_end(y, m1, None, None)  # 10月底-12月底: from the month's last day
            else:
                if d1 is None and _group(m, "sx"):
                    d1 = {"上旬": 1, "中旬": 11, "下旬": 21}[m.group("sx")]  # 9月下旬至…: from the 21st
                start = _iso(y, m1 or 1, d1 or 1)
            end = _period_end(y2, m2, d2, None)
            if end < start:
                return None
        elif kind == "from":  # 2026年10月1日起: a start only; a month alone starts on its first day
            start = _iso(to_int(m.group("y")), to_int(m.group("m")), _int_group(m, "d") or 1)
        elif kind == "recurring":
            freq = rules.frequencies().get(_group(m, "freq") or "", "")  # every N periods: none, its period is the duration
        if kind == "validity" and _group(m, "fy"):  # 自2023年5月1日起施行: the day it takes effect
            start = _iso(to_int(m.group("fy")), to_int(m.group("fm")), to_int(m.group("fd")))
        value, unit = _duration(m)
        anchor = (_group(m, "anchor") or "").lstrip("自从在于")
    except (ValueError, KeyError):
        return None  # 2月30日 and the like: not a date, so nothing is invented
    return TimeExpr(m.group(0), kind, start, end, freq, m.start(), m.end(), rule.id, value, unit, anchor)


_ANY_BASE = dt.date(2000, 1, 15)  # only to ask whether a slot holds a time at all; never an output
_SLOT_LEADS = "于在从自至到"
_COUNT = regex.compile(r"(?:内|以来|以后|之后|后)$|^(?:后|近|过去|未来|今后|最近|再过|过)")
_DAY_ONLY = regex.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号天]")
_BARE_PERIOD = "年月季周旬"  # a period word with nothing to say which: 年度, 月底
_HAN = regex.compile(r"\p{Han}")
_AFTER_EVENT = "次翌下同"  # 次月, 翌年, 下月, 同月: counted from what precedes them


@functools.lru_cache(maxsize=4096)
def _slot_read(active: rules.Rules, slot: str) -> tuple[int, str] | None:
    """_slot, remembered per rules folder: the same slots come back in every notice (年底前, 6月底前报送) and
    reading one tries parse_time on each of its tails (a tenth of a millisecond each)."""
    return _slot(slot)


def _slot(slot: str) -> tuple[int, str] | None:
    """The longest time expression ending a limit's slot: (where it starts in the slot, its end date when it
    names its own ('2024.3.7'), or '' when it is read from the document's date ('下月九号', filled in by
    find_deadlines)); None when the slot ends in no time."""
    from .timeparse import is_time_of_day, parse_time  # the normaliser is built on this module's numerals

    for skip in range(len(slot)):
        tail = slot[skip:]
        if tail[0] in _SLOT_LEADS:
            continue  # parse_time reads past "于"; the limit's text starts at its time
        if tail[0] == "当" or is_time_of_day(tail):
            return None  # 当日17时前: the day of an event the notice names; 17时前: a clock with no day
        if "每" in slot[:skip]:
            return None  # 每年1月31日前: the day of every year, which the recurring rule reads
        if skip and _DAY_ONLY.fullmatch(tail):
            return None  # 会议召开十五日前: fifteen days before an event, not the 15th
        if skip and tail[0] in _BARE_PERIOD and _HAN.fullmatch(slot[skip - 1]):
            continue  # 预算年度开始前: the end of a word (预算年度), not "this year"
        if tail[0] in _AFTER_EVENT and slot[:skip].endswith("的"):
            return None  # 审核通过的次月10日前: the month after an event the notice names, not after its date
        if _COUNT.search(tail):
            continue  # "后2小时内", "近三个月": a count of time, which the duration rules read
        # with a base first: what reads without one reads with one too, so a tail that fails here is done
        read = parse_time(tail, base_date=_ANY_BASE)
        if read is None or not read.end:
            continue
        span = parse_time(tail)
        return skip, span.end if span is not None and span.end else ""
    return None


def _matches(rule: PatternRule, text: str) -> Iterator[regex.Match[str]]:
    """The rule's matches; a rule with `requires` characters is run only on the lines holding one of them
    (its slow pattern would otherwise be tried at every position of a long body), and on the line after it."""
    if not rule.requires:
        yield from rule.pattern.finditer(text)
        return
    if "\n" not in text:  # a sentence or a table cell
        if rule.may_match(text):
            yield from rule.pattern.finditer(text)
        return
    also = _required(rule.requires_also) if rule.requires_also else None
    required = _required(rule.requires)
    pos = 0
    while (hit := required.search(text, pos)) is not None:
        line_start = text.rfind("\n", 0, hit.start()) + 1
        line_end = text.find("\n", hit.start())
        if line_end == -1:
            line_end = len(text)
        pos = line_end + 1  # the next search starts on the next line: one search per line, not one step per hit
        # a match starts on this line and may end on the next: a limit broken after its cue ("截止日期为\n2010年
        # 2月22日"); one starting on the next line is that line's own (it holds a required character too)
        reach = text.find("\n", line_end + 1) if line_end < len(text) else -1
        stop = reach if reach != -1 else len(text)
        if also is not None and also.search(text, line_start, stop) is None:
            continue
        for m in rule.pattern.finditer(text, line_start, stop):
            if m.start() >= line_end:
                break
            yield m


@functools.lru_cache(maxsize=128)
def _required(strings: tuple[str, ...]) -> regex.Pattern[str]:
    return regex.compile("|".join(regex.escape(r) for r in sorted(strings, key=len, reverse=True)))


@rules.cached
def _required_strings() -> tuple[Any, tuple[tuple[frozenset[str], frozenset[str]], ...]]:
    """One Aho-Corasick automaton of every time-limit rule's `requires` and `requires_also` strings, and each
    rule's two sets: a text is read once for all sixty rules instead of once per rule and string (a table
    cell is asked for its limits, and most cells hold none)."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    sets = []
    for rule in rules.deadline_rules():
        sets.append((frozenset(rule.requires), frozenset(rule.requires_also)))
        for r in (*rule.requires, *rule.requires_also):
            auto.add_word(r, r)
    auto.make_automaton()
    return auto, tuple(sets)


@dataclass(frozen=True, slots=True)
class _RequiredHits:
    """Where a text holds the time-limit rules' required strings, from one automaton pass: its lines' bounds
    and, for each string, the lines holding it (ascending) and, for each line, its strings."""

    starts: list[int]
    ends: list[int]
    lines_of: dict[str, list[int]]
    words_of: dict[int, set[str]]

    @classmethod
    def of(cls, text: str) -> _RequiredHits:
        auto, _ = _required_strings()
        starts, ends = [0], []
        at = text.find("\n")
        while at != -1:
            ends.append(at)
            starts.append(at + 1)
            at = text.find("\n", at + 1)
        ends.append(len(text))
        lines_of: dict[str, list[int]] = {}
        words_of: dict[int, set[str]] = {}
        if text and len(auto):
            for last, w in auto.iter(text):  # in order of their ends: a string's lines come ascending
                line = bisect.bisect_right(starts, last - len(w) + 1) - 1
                seen = lines_of.setdefault(w, [])
                if not seen or seen[-1] != line:
                    seen.append(line)
                words_of.setdefault(line, set()).add(w)
        return cls(starts, ends, lines_of, words_of)

    def present(self) -> set[str]:
        return set(self.lines_of)


def _indexed_matches(rule: PatternRule, req: frozenset[str], also: frozenset[str], text: str, hits: _RequiredHits) -> Iterator[regex.Match[str]]:
    """_matches, with the lines holding the rule's strings read from `hits` (one pass over the text for every
    rule) instead of a search of the text per rule: the same matches in the same order."""
    lines: set[int] = set()
    for w in req:
        lines.update(hits.lines_of.get(w, ()))
    last = len(hits.ends) - 1
    for line in sorted(lines):
        line_end = hits.ends[line]
        stop = hits.ends[line + 1] if line < last else len(text)
        if also and also.isdisjoint(hits.words_of.get(line, ())) and also.isdisjoint(hits.words_of.get(line + 1, ())):
            continue
        for m in rule.pattern.finditer(text, hits.starts[line], stop):
            if m.start() >= line_end:
                break
            yield m


def _candidate_rules(text: str, present: set[str] | None = None) -> Iterator[tuple[int, PatternRule, frozenset[str], frozenset[str]]]:
    """The rules (with their order and required strings) whose `requires` strings the text holds: what
    PatternRule.may_match asks of each rule, asked of the text once."""
    auto, sets = _required_strings()
    if present is None:
        present = {w for _, w in auto.iter(text)} if text and len(auto) else set()
    for order, (rule, (req, also)) in enumerate(zip(rules.deadline_rules(), sets)):
        if (not req or not present.isdisjoint(req)) and (not also or not present.isdisjoint(also)):
            yield order, rule, req, also


def find_time_expressions(text: str) -> Iterator[TimeExpr]:
    """Every time limit in the text; overlapping matches resolve to the longest, then the earlier rule."""
    cands: list[tuple[int, int, int, TimeExpr]] = []
    hits = _RequiredHits.of(text) if "\n" in text else None
    for order, rule, req, also in _candidate_rules(text, hits.present() if hits is not None else None):
        if hits is None or not req:
            found: Iterable[regex.Match[str]] = rule.pattern.finditer(text)
        else:
            found = _indexed_matches(rule, req, also, text, hits)
        for m in found:
            te = _interpret(rule, m)
            if te is not None:
                cands.append((te.begin, -(te.stop - te.begin), order, te))
    cands.sort(key=lambda c: (c[1], c[2]))  # longest first, then rule order
    starts: list[int] = []  # the chosen spans, disjoint, kept sorted by start: an overlap test is a bisect
    stops: list[int] = []
    chosen: list[TimeExpr] = []
    for _, _, _, te in cands:
        i = bisect.bisect_left(starts, te.stop)  # chosen spans starting before this one ends
        if i and stops[i - 1] > te.begin:
            continue  # the nearest of them reaches into this span
        starts.insert(i, te.begin)
        stops.insert(i, te.stop)
        chosen.append(te)
    yield from sorted(chosen, key=lambda t: t.begin)


def parse_date(text: str) -> str:
    """A date as written to ISO, or '' when it is not a whole date. '2020年3月11日' -> '2020-03-11'"""
    for te in find_time_expressions(text):
        if te.kind == "date":
            return te.end
    return ""


_YEARLESS_DAY = regex.compile(r"(?<![\d年])(?P<m>1[0-2]|0?[1-9])\s*月\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*[日号]")


def day_near(text: str, base: dt.date) -> str:
    """The first day `text` writes without its year ("2月9日", "本实施细则于2月9日生效") in the year that puts it nearest
    `base` (the document's date), or '' when it writes none: a notice dated 2026-02-06 that takes effect "于2月9日"
    does so in 2026, one dated 12月28日 "自1月1日起" in the year after."""
    m = _YEARLESS_DAY.search(text)
    if m is None:
        return ""
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(dt.date(year, int(m.group("m")), int(m.group("d"))))
        except ValueError:
            continue  # 2月29日 outside a leap year
    return min(candidates, key=lambda day: abs((day - base).days)).isoformat() if candidates else ""
