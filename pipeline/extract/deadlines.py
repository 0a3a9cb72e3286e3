"""Time limits as an analyst reads them: `find_deadlines(text, base_date=...)`.

The deadline rules of rules/deadlines.yaml find every written form (dates.py normalises each match); this
module then sets aside what the context shows is no limit (the `traps`: as-of reports, statistics windows,
periods that name a policy), keeps a bare date only where it stands alone as a limit cell, and, given the
document's own date, infers what the text leaves open: the year of "5月12日前" and "年底前", and the end of
"自印发之日起30日内". Every inferred value carries `inferred=True`; nothing is inferred without a base date.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

import regex

from .. import rules
from .dates import TimeExpr, _period_end, day_near, find_time_expressions
from .festivals import next_day_before
from .timeparse import parse_time

# events whose date is the document's own (印发/发布/公布/签发 = the signing or issuing date)
_OWN_DATE_ANCHOR = regex.compile(r"^(?:(?:本\p{Han}{0,6}?)?(?:印发|发布|公布|签发|下达|下发|颁布|发文)|今后|未来)")  # 今后五年: from the document's date
_MONTH_DAY = regex.compile(r"(?P<m>1[0-2]|0?[1-9])\s*月\s*(?:(?P<d>3[01]|[12]\d|0?[1-9])|(?:[上中]\s*、\s*)?(?P<eop>底|末|上中旬|中下旬|上旬|中旬|下旬))?")
_YEAR_PART = regex.compile(r"(?P<eop>年底|年末|年内|上半年|下半年|首季度|第?[一二三四1-4]季度末?)")
_CONTEXT = 30  # characters either side a trap looks at


@dataclass(frozen=True, slots=True)
class Deadline:
    """One time limit, milestone, period, schedule or duration found in a text."""

    text: str
    kind: str  # by, target, range, date, recurring, relative, duration, validity, ongoing
    start: str  # ISO date or ''
    end: str  # ISO date or ''
    frequency: str  # yearly … daily, ten-daily
    duration_value: str
    duration_unit: str  # day, working_day, week, month, year, hour
    anchor: str  # the event a duration counts from (印发之日, 收到申请之日)
    inferred: bool  # end/start computed from base_date, not written in the text
    start_char: int
    end_char: int
    rule: str


def _is_cell(text: str, begin: int, stop: int) -> bool:
    """The match fills its line or table cell: a 完成时限 cell, not a date told in a sentence."""
    return (begin == 0 or text[begin - 1] in "\t\n") and (stop == len(text) or text[stop] in "\t\n")


def _trapped(te: TimeExpr, text: str) -> bool:
    before = text[max(0, te.begin - _CONTEXT) : te.begin]
    after = text[te.stop : te.stop + _CONTEXT]
    return any(trap.applies(te.kind, before, after, te.text) for trap in rules.deadline_traps())


def term_end(start: str, value: str, unit: str) -> str:
    """The last day of a term of `value` `unit`s from ISO `start` (有效期5年 from 2024-01-01 -> 2028-12-31), or ''."""
    if not start or not value:
        return ""
    try:
        end = add_duration(dt.date.fromisoformat(start), float(value), unit)
    except ValueError:
        return ""
    return (end - dt.timedelta(days=1)).isoformat() if end is not None and unit in ("month", "year") else ""


def add_duration(base: dt.date, value: float, unit: str) -> dt.date | None:
    """The date `value` `unit`s after `base`; working days skip Saturdays and Sundays (no holiday calendar)."""
    n = int(value)
    if n != value or n < 0:
        return None
    if unit == "day":
        return base + dt.timedelta(days=n)
    if unit == "week":
        return base + dt.timedelta(weeks=n)
    if unit == "working_day":
        d = base
        while n:
            d += dt.timedelta(days=1)
            if d.weekday() < 5:
                n -= 1
        return d
    if unit in ("month", "year"):
        months = n * (12 if unit == "year" else 1)
        y, m = divmod(base.month - 1 + months, 12)
        year, month = base.year + y, m + 1
        return dt.date(year, month, min(base.day, calendar.monthrange(year, month)[1]))
    return None


_LIMIT_TAIL = regex.compile(r"\s*(?:(?:或|及)?\s*(?:以|之)?\s*前|\s*内)$")


def _from_base(te: TimeExpr, base: dt.date) -> tuple[str, str]:
    """The span of a limit named from the document's date ('明年6月底前', '本月底前', '本周五前', '今明两年'): its
    start for a period (a limit has an end only), its end; ('', '') when none is read."""
    span = parse_time(_LIMIT_TAIL.sub("", te.text), base_date=base)
    if span is None:
        return "", ""
    return (span.start if te.kind == "range" else ""), span.end


def _infer(te: TimeExpr, base: dt.date) -> tuple[str, str]:
    """(start, end) inferred from the base date, or ('', '') when the text gives nothing to infer from."""
    if te.rule in rules.deadline_rules_from_base():
        return _from_base(te, base)
    if te.rule == "festival_by" and not te.end:
        # "春节前" with no year: before the next such festival after the document's date
        names = [n for n in rules.festivals() if n in te.text]
        last = max(names, key=lambda n: (te.text.rfind(n), len(n))) if names else ""
        day = next_day_before(last, base) if last else None
        return "", day.isoformat() if day is not None else ""
    if te.kind in ("by", "target") and not te.end:
        md = _MONTH_DAY.search(te.text)
        if md:
            m, d = int(md.group("m")), md.group("d")
            try:
                end = _period_end(base.year, m, int(d) if d else None, md.group("eop"))
                if end < base.isoformat():
                    end = _period_end(base.year + 1, m, int(d) if d else None, md.group("eop"))
            except ValueError:
                return "", ""
            return "", end
        yp = _YEAR_PART.search(te.text)
        if yp:
            return "", _period_end(base.year, None, None, yp.group("eop"))
    if te.rule in ("from_today", "from_own_issue"):
        # 自即日起至… / 自本通知印发之日起至…: from the document's date; a yearless end ("即日起至12月底") takes its year
        # as a limit does
        end = te.end or _infer(replace(te, kind="by", rule=""), base)[1]
        return base.isoformat(), end
    if te.kind == "range" and not te.end:
        return _yearless_range(te.text, base)  # a range that wrote no year ("8月12日至9月13日"); a bare length has none
    if te.rule == "in_force_after" and _OWN_DATE_ANCHOR.search(te.anchor):
        # 自公布之日起30日后施行: it takes effect that long after the document's date; no end is told
        start_date = add_duration(base, float(te.duration_value), te.duration_unit) if te.duration_value else None
        return (start_date.isoformat(), "") if start_date is not None else ("", "")
    if te.rule == "in_force_month_day":
        # 本实施细则于2月9日生效: the day in the year nearest the document's date
        start = day_near(te.text, base)
        return (start, term_end(start, te.duration_value, te.duration_unit)) if start else ("", "")
    if te.kind == "validity" and not te.start and te.anchor and _OWN_DATE_ANCHOR.search(te.anchor):
        return base.isoformat(), te.end or term_end(base.isoformat(), te.duration_value, te.duration_unit)  # 自印发之日起施行
    if te.kind == "relative" and te.anchor and _OWN_DATE_ANCHOR.search(te.anchor) and te.duration_value:
        end_date = add_duration(base, float(te.duration_value), te.duration_unit)
        if end_date is not None:
            return base.isoformat(), end_date.isoformat()
    return "", ""


_MONTH_DAYS = regex.compile(r"(?P<m>1[0-2]|0?[1-9])\s*月\s*(?P<d>3[01]|[12]\d|0?[1-9])\D+?(?:(?P<m2>1[0-2]|0?[1-9])\s*月\s*)?(?P<d2>3[01]|[12]\d|0?[1-9])\s*[日号]")


_MONTHS = regex.compile(r"(?P<m>1[0-2]|0?[1-9])\s*月?\D{1,3}?(?P<m2>1[0-2]|0?[1-9])\s*月")


def _yearless_range(text: str, base: dt.date) -> tuple[str, str]:
    """"8月12日至9月13日" in the year of the document's date (the next year for a second part before the first);
    months alone ("6-9月") from the first one's first day to the last one's last."""
    m = _MONTH_DAYS.search(text)
    months = _MONTHS.fullmatch(text.strip()) if m is None else None
    if m is None and months is None:
        return "", ""
    if months is not None:
        m1, m2 = int(months.group("m")), int(months.group("m2"))
        d1, d2 = 1, calendar.monthrange(base.year + (1 if m2 < m1 else 0), m2)[1]
    else:
        m1, d1 = int(m.group("m")), int(m.group("d"))
        m2, d2 = int(m.group("m2") or m1), int(m.group("d2"))
    try:
        start = dt.date(base.year, m1, d1)
        end = dt.date(base.year + (1 if (m2, d2) < (m1, d1) else 0), m2, d2)
    except ValueError:
        return "", ""
    return start.isoformat(), end.isoformat()


_CLAUSE_END = regex.compile(r"[。；;！？\n]")
_FULL_STOP = regex.compile(r"[。！？\n]")
_REACH = 300  # characters looked back for the start of a sentence
_DATED_KINDS = ("by", "target", "range", "date")
_EVERY_YEAR = regex.compile(r"每年|每一年|逐年")
# the year or month of an event the text names ("入学当年的5月1日前", "申请次年的3月底前"): no single year
_EVENT_PERIOD = regex.compile(r"\p{Han}(?:当|次|翌|同)(?:年度?|月|季度?)的\s*$")


def _start_before(ends: regex.Pattern[str], text: str, at: int) -> int:
    """Where the sentence (or clause, by `ends`) holding `at` starts: after the last end mark before it."""
    floor = max(0, at - _REACH)
    return max((m.end() for m in ends.finditer(text, floor, at)), default=floor)


def _every_year(text: str, at: int) -> bool:
    """The clause before `at` says the work recurs every year ("2020年起，每年2月底前…，3月底前…"): a
    yearless limit in it falls every year, so no single year is inferred for it."""
    return bool(_EVERY_YEAR.search(text, _start_before(_CLAUSE_END, text, at), at))


def _still_due(te: TimeExpr, text: str) -> bool:
    """A limit set with 于…前 whose day fell before the document was signed ("各居村于2021年6月20日前完成重点
    排查" in a July plan) is still its limit, unless its clause says the work is done (rules/deadlines.yaml
    `past_limits`)."""
    past = rules.past_limits()
    return (
        te.rule in past.rules
        and bool(past.before.search(text, max(0, te.begin - 4), te.begin))
        and not past.done.search(text, _start_before(_CLAUSE_END, text, te.begin), te.begin)
    )


# a year that opens its sentence (after a list label at most) and frames the work the sentence lists
_FRAMING_YEAR = regex.compile(r"\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[）)、.．]\s*)?((?:19|20)\d{2})\s*年(?!度?\s*[）)〕\]]|\s*(?:以来|以前|之前|至今|起|开始))")


def _framing_year(text: str, sentence: int, at: int) -> int | None:
    """The year a sentence opens with, framing the work it lists ("2019年垃圾焚烧设施开工建设：一季度完成选址；
    二季度完成立项"), or None; a year inside the sentence names something ("确定的2021年重点工作") and one that
    starts a span (2020年以来, 2021年起) is no frame for a limit."""
    m = _FRAMING_YEAR.match(text, sentence, at)
    return int(m.group(1)) if m else None


# a year a template or a redacted copy left blank ("____年3月底前", "20**年12月7日", "20XX年"): the limit's year is
# unknown, so no date is inferred for it from the document's (never a guessed year)
_MASKED_YEAR = regex.compile(r"(?:[_＿]{2,}|[*＊xX×Ｘ]{2,4}|(?:19|20)[*＊xX×Ｘ]{1,2}|20\d[*＊xX×Ｘ])\s*年\s*$")


def find_deadlines(text: str, *, base_date: dt.date | str | None = None) -> list[Deadline]:
    """Every time limit in `text`, with character offsets into it.

    `base_date` is the document's own date (成文日期 or 印发日期): with it a yearless limit ("年底前",
    "5月12日前") takes that year and "自印发之日起30日内" gets its end date, each marked `inferred`.

    >>> [(d.kind, d.end) for d in find_deadlines("请于2020年5月底前报送")]
    [('by', '2020-05-31')]
    """
    base = dt.date.fromisoformat(base_date) if isinstance(base_date, str) and base_date else base_date or None
    out: list[Deadline] = []
    said_year: tuple[int, int] | None = None  # (sentence start, year) of the last limit that wrote its year
    for te in find_time_expressions(text):
        if te.kind == "date" and not _is_cell(text, te.begin, te.stop):
            continue  # a date told in a sentence (会议通过, 印发, 发生) is an event, not a limit
        if _trapped(te, text):
            continue
        # told in a sentence and over (or, for a start, begun) before the document's date: history ("2020年建成…"
        # in a 2021 plan, "自2019年1月1日起，我市实行…" in a 2021 notice)
        told = te.end if te.kind in _DATED_KINDS else te.start if te.kind == "from" else ""
        if told and isinstance(base, dt.date) and told < base.isoformat() and not _is_cell(text, te.begin, te.stop) and not _still_due(te, text):
            continue
        start, end, inferred = te.start, te.end, False
        if te.kind == "validity" and start and not end:
            end = term_end(start, te.duration_value, te.duration_unit)  # 自2024年1月1日起施行，有效期5年
        sentence = _start_before(_FULL_STOP, text, te.begin)  # a ； does not end the sentence here
        if te.end and te.kind in _DATED_KINDS:
            said_year = (sentence, int(te.end[:4]))
        if te.rule in rules.deadline_rules_needing_a_year() and not (said_year and said_year[0] == sentence):
            year = _framing_year(text, sentence, te.begin)
            if year is None:
                continue  # a bare "第二季度完成" with no year written before it in the sentence
            said_year = (sentence, year)  # "2019年垃圾焚烧设施开工建设：…二季度完成立项…": that year's quarters
        recurs = _every_year(text, te.begin) or bool(_EVENT_PERIOD.search(text, max(0, te.begin - 8), te.begin))
        blank_year = not te.end and _MASKED_YEAR.search(text, max(0, te.begin - 10), te.begin) is not None
        if blank_year:
            pass  # its words only: the year was left blank
        elif te.kind == "by" and not te.end and te.rule not in rules.deadline_rules_from_base() and said_year and said_year[0] == sentence and not recurs:
            # "2022年6月底前完成…，12月底前全面完成": the year written earlier in the sentence, not the signing year
            s2, e2 = _infer(te, dt.date(said_year[1], 1, 1))
            if e2:
                start, end, inferred = start or s2, e2, True
        elif base is not None and isinstance(base, dt.date) and not recurs:
            s2, e2 = _infer(te, base)
            if te.kind == "range" and not te.end and e2 and e2 < base.isoformat() and not _is_cell(text, te.begin, te.stop):
                continue  # "8月11日至18日，…连续发生3起事故" in an August report: over before the document, history
            if e2 or s2:  # 自发布之日起施行 with no term: a start only
                start, end, inferred = start or s2, end or e2, True
        out.append(
            Deadline(
                te.text, te.kind, start, end, te.frequency, te.duration_value, te.duration_unit, te.anchor,
                inferred, te.begin, te.stop, te.rule,
            )
        )
    return out
