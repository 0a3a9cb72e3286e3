"""parse_time: one Chinese time expression -> the first and last day it names.

find_deadlines says which dates in a notice are limits; parse_time reads what a single expression means,
as JioNLP's parse_time and Duckling do: '明年6月底' -> 2022-06-25..2022-06-30 from a base date of 2021-06-14.
The words (relative years, months, weeks and days, units, parts of periods) are rules/time_words.yaml.
Where peer parsers disagree the reading is the one a Chinese reader gives: '下周三' is next week's Wednesday,
'三年前' the year three years back, '上两个月' the two whole months before this one. Clock times are read to
their day. Nothing is guessed: an expression read from the base date needs one (none given: None), and a
date that does not exist (二月三十日) is no time.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass
from typing import Any, Callable

import regex

from .. import rules
from .dates import to_int
from .festivals import festival_date


@dataclass(frozen=True, slots=True)
class TimeSpan:
    text: str
    start: str  # the first day, ISO; '' when open towards the past ("2016年以前")
    end: str  # the last day, ISO; '' when open towards the future ("2025年起")
    grain: str  # day, week, month, quarter, year: the size of the period named
    relative: bool  # read from the base date (今年, 下个月, 三天后)


@dataclass(frozen=True, slots=True)
class _Span:
    start: dt.date | None
    end: dt.date | None
    grain: str
    relative: bool = False


@dataclass(frozen=True, slots=True)
class _Words:
    years: dict[str, int]
    months: dict[str, int]
    quarters: dict[str, int]
    weeks: dict[str, int]
    days: dict[str, int]
    weekdays: dict[str, int]
    units: dict[str, str]
    year_parts: dict[str, tuple[int, int]]
    month_parts: dict[str, tuple[int, int]]
    approximate: tuple[str, ...]



# inline patterns compiled once (the slot rules read many tails per notice)
_FOUR_DIGIT_YEAR = regex.compile(r"(?:19|20)\d{2}")
_YEAR_COUNT = regex.compile(r"(?:1[5-9]|20)\d\d")  # "2020年" read as a count of years is a year
_UNTIL_NOW = regex.compile(r"(?:至今|到现在|到目前|至现在)$")
_DAY_OR_MONTH_END = regex.compile(r"[月日号]份?$")
_THIS_AND_NEXT = regex.compile(r"今明两(年|天)")

def _alt(words: Any) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@rules.cached
def _words() -> _Words:
    data = rules.read_rule_file("time_words.yaml")
    pair = lambda d: {str(k): (int(v[0]), int(v[1])) for k, v in d.items()}  # noqa: E731
    return _Words(
        {str(k): int(v) for k, v in data["years"].items()},
        {str(k): int(v) for k, v in data["months"].items()},
        {str(k): int(v) for k, v in data["quarters"].items()},
        {str(k): int(v) for k, v in data["weeks"].items()},
        {str(k): int(v) for k, v in data["days"].items()},
        {str(k): int(v) for k, v in data["weekdays"].items()},
        {str(k): str(v) for k, v in data["units"].items()},
        pair(data["year_parts"]),
        pair(data["month_parts"]),
        tuple(data.get("approximate", ())),
    )


_N = r"(?:\d+(?:\.\d+)?|[零〇○一二两仨俩三四五六七八九十百千]+)"
_CN_DAY = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_MONTH = r"(?:\d{1,2}|十[一二]?|[一二三四五六七八九]|正|冬|腊)"
_WEEKDAY = r"(?:星期|礼拜|周)(?P<wd>[一二三四五六日天1-7])"
# parts of a day and clock times: read to their day ("9日上午", "2018-11-29 18:59", "明天下午3点")
_DAYTIME = r"下班|上班|凌晨|黎明|清晨|早上|早晨|上午|中午|午后|下午|傍晚|晚上|晚间|夜里|夜间|前半夜|后半夜|半夜|午夜|白天|晚|早"


@rules.cached
def _grammar() -> dict[str, regex.Pattern[str]]:
    w = _words()
    c = regex.compile
    return {
        "ymd": c(r"(?P<y>\d{4})\s*[-./年]\s*(?P<m>\d{1,2})\s*[-./月]\s*(?P<d>\d{1,2})\s*[日号]?"),
        "compact": c(r"(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])"),
        "spaced": c(r"(?P<y>\d{4})\s+(?P<m>\d{1,2})\s+(?P<d>\d{1,2})"),
        "mdy": c(r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})"),
        "ym": c(r"(?P<y>\d{4})\s*[-./]\s*(?P<m>\d{1,2})"),
        "md": c(r"(?P<m>\d{1,2})\s*[-/·.]\s*(?P<d>\d{1,2})"),
        "year": c(r"(?:民国(?P<roc>" + _N + r")年)|(?P<y>\d{4}|\d{2}(?=年)|[零〇○一二三四五六七八九]{2,4}(?=年)|[两一二]千[零〇一二三四五六七八九十]*(?=年))年?"
                  r"|(?P<yw>" + _alt(w.years) + ")"),
        "month": c(r"(?P<m>" + _MONTH + r")月份?|(?P<mw>" + _alt(w.months) + ")"),
        "day": c(r"(?P<d>" + _CN_DAY + r"|[廿卅][一二三四五六七八九]?)(?P<unit>[日号])?(?=$|[日号至到\-~—\s]|周|星期|礼拜|" + _DAYTIME + r"|\d|[一二三四五六七八九十两]{1,3}[点时])"),
        "daytime": c(r"\s*(?:(?:周|星期|礼拜)[一二三四五六日天])?\s*(?:" + _DAYTIME + r")?\s*(?:(?:\d{1,2}|[零一二两三四五六七八九十]{1,3})\s*(?:[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?|[点时])"
                     r"(?:\s*(?:\d{1,2}|[零一二三四五六七八九十]{1,3})\s*分?|半|整|钟|多钟|[一二三1-3]刻)?[钟时]?)?"),
        "year_part": c(r"前(?P<n>" + _N + r")个?(?P<u>季度|月)|后(?P<ln>" + _N + r")个?月|首(?P<first>月|季度)|第(?P<k>" + _N + r")个月"
                       r"|第?(?P<q>[一二三四1-4])季度|(?P<part>" + _alt(w.year_parts) + ")"),
        "quarter_word": c(r"(?P<qw>" + _alt(w.quarters) + r")(?P<qp>初|末)?"),
        "quarter_part": c(r"(?P<qp>初|末)"),
        "month_part": c(r"前(?P<n>" + _N + r")天|(?:最后|后)(?P<ln>" + _N + r")天|的?最后一个?(?:周|星期|礼拜)(?P<lwd>[一二三四五六日天])|的?第(?P<k>" + _N + r")个?(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])?"
                        r"|(?P<part>" + _alt(w.month_parts) + ")"),
        "week_of_year": c(r"第(?P<k>" + _N + r")个?(?:周|星期|礼拜)"),
        "week_word": c(r"(?P<ww>" + _alt(w.weeks) + r")(?:周|星期|礼拜)?(?:(?P<wd>[一二三四五六日天1-7])|(?P<we>末))?"),
        "weekend": c(r"周末"),
        "lunar": c(r"农历|阴历"),
        "era": c(r"(?:(?P<c>" + _N + r")世纪|(?P<cw>上世纪|本世纪))?(?:(?P<d>\d0|[一二三四五六七八九]十)年代)?(?P<part>初期|初|前期|中期|中叶|末期|末|后期)?"),
        "weekday": c(_WEEKDAY),
        "day_word": c(r"(?P<dw>" + _alt(w.days) + ")"),
        "count": c(r"(?P<pre>近|最近|过去|未来|今后|再过|过|上|前|下|后)?(?P<n>" + _N + r"|半)个?(?P<more>多|半)?(?P<u>" + _alt(w.units) + r")(?P<half>半|多)?"
                   r"(?P<post>以?内|之内|以来|之?后|以后|之前|以前|前|起)?"),
        "ordinal": c(r"第(?P<n>" + _N + r")(?P<u>天|年)(?P<post>起)?"),
    }


def is_time_of_day(text: str) -> bool:
    """A part of a day or a clock time and nothing else ("17时", "下午三点", "中午12：00")."""
    text = text.translate(_HALF_WIDTH).strip()
    return bool(text) and not text.startswith(("周", "星期", "礼拜")) and _grammar()["daytime"].fullmatch(text) is not None


def _int(text: str) -> int:
    return to_int(text.replace("仨", "三").replace("俩", "两").replace("廿", "二十").replace("卅", "三十").replace("正", "一").replace("冬", "十一").replace("腊", "十二"))


def _number(text: str) -> float:
    return 0.5 if text == "半" else float(text) if text[:1].isdigit() else float(_int(text))


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    return dt.date(d.year + y, m + 1, min(d.day, calendar.monthrange(d.year + y, m + 1)[1]))


def _full_year(yy: int, base: dt.date | None) -> int:
    """A two-digit year in the century that puts it at most ten years after the base ('98年' in 1997 -> 1998,
    '33年' in 2021 -> 1933); with no base, 19xx above 50."""
    ref = base.year if base else 2050
    year = ref // 100 * 100 + yy
    return year - 100 if year > ref + 10 else year


def _unit_span(d: dt.date, grain: str) -> tuple[dt.date, dt.date]:
    """The whole period of `grain` holding `d`."""
    if grain == "year":
        return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
    if grain == "quarter":
        q = (d.month - 1) // 3
        return dt.date(d.year, 3 * q + 1, 1), _month_end(d.year, 3 * q + 3)
    if grain == "month":
        return d.replace(day=1), _month_end(d.year, d.month)
    if grain == "week":
        monday = d - dt.timedelta(days=d.weekday())
        return monday, monday + dt.timedelta(days=6)
    return d, d


def _shift(d: dt.date, value: float, unit: str) -> dt.date:
    """`d` moved by `value` units (negative: back); halves of months and years are counted in days/months."""
    sign = -1 if value < 0 else 1
    value = abs(value)
    if unit in ("year", "quarter", "month"):
        months = value * {"year": 12, "quarter": 3, "month": 1}[unit]
        whole = int(months)
        out = _add_months(d, sign * whole)
        return out + dt.timedelta(days=sign * round((months - whole) * 30))
    if unit == "week":
        return d + dt.timedelta(days=sign * round(value * 7))
    if unit in ("hour", "minute", "second"):  # the base has no clock time: whole days only
        days = value / {"hour": 24, "minute": 1440, "second": 86400}[unit]
        return d + dt.timedelta(days=sign * math.floor(days))
    if unit == "working_day":
        n, out = int(value), d
        while n:
            out += dt.timedelta(days=sign)
            if out.weekday() < 5:
                n -= 1
        return out
    return d + dt.timedelta(days=sign * math.floor(value) if sign > 0 else -math.ceil(value))


class _Reader:
    """Reads one expression left to right; each step consumes a piece or fails (None)."""

    def __init__(self, text: str, base: dt.date | None) -> None:
        self.text, self.pos, self.base = text, 0, base
        self.relative = False
        self.g = _grammar()

    def time_of_day(self) -> bool:
        """The rest is a part of the day and/or a clock time (or nothing): consumed."""
        m = self.g["daytime"].fullmatch(self.text, self.pos)
        if m is None:
            return False
        self.pos = len(self.text)
        return True

    def take(self, name: str) -> regex.Match[str] | None:
        m = self.g[name].match(self.text, self.pos)
        if m is None or m.end() == self.pos:
            return None
        self.pos = m.end()
        return m

    def need_base(self) -> dt.date:
        if self.base is None:
            raise LookupError("relative expression without a base date")
        self.relative = True
        return self.base

    @property
    def done(self) -> bool:
        return self.pos >= len(self.text)


def _numeric(s: str, base: dt.date | None) -> _Span | None:
    try:
        return _numeric_date(s, base)
    except ValueError:  # 2019-13-45: no date
        return None


def _numeric_date(s: str, base: dt.date | None) -> _Span | None:
    g = _grammar()
    for name in ("ymd", "compact", "spaced", "mdy"):
        m = g[name].fullmatch(s)
        if m:
            y = int(m["y"])
            y = _full_year(y, base) if y < 100 else y
            d = dt.date(y, int(m["m"]), int(m["d"]))
            return _Span(d, d, "day")
    m = g["ym"].fullmatch(s)
    if m and 1 <= int(m["m"]) <= 12:
        y, mo = int(m["y"]), int(m["m"])
        return _Span(dt.date(y, mo, 1), _month_end(y, mo), "month")
    m = g["md"].fullmatch(s)
    if m and base is not None and "." not in s:
        d = dt.date(base.year, int(m["m"]), int(m["d"]))
        return _Span(d, d, "day", True)
    if _FOUR_DIGIT_YEAR.fullmatch(s):
        return _Span(dt.date(int(s), 1, 1), dt.date(int(s), 12, 31), "year")
    return None


def _festival(s: str, base: dt.date | None, year: int | None) -> _Span | None:
    spec = rules.festivals()
    name = s[:-1] if s.endswith("节") and s not in spec and s[:-1] in spec else s
    if name not in spec:
        return None
    if year is None:
        if base is None:
            return None
        year = base.year
    day = festival_date(name, year)
    return _Span(day, day, "day", True) if day else None


def _calendar(r: _Reader, inherit: _Span | None = None) -> _Span | None:
    """Year, month, day and their parts, each optional, in that order; `inherit` gives the year and month a
    range's second part leaves out (2019年4月12-19日)."""
    w = _words()
    year: int | None = None
    month: int | None = None
    lunar = r.take("lunar") is not None
    if (era := _era(r)) is not None:
        return era
    if (m := r.take("year")) is not None:
        if m["yw"]:
            year = r.need_base().year + w.years[m["yw"]]
        elif m["roc"]:  # 民国三年: years of the Republic of China, 1912 its first
            year = 1911 + _int(m["roc"])
        else:
            y = m["y"]
            year = _int(y)
            year = _full_year(year, r.base) if year < 100 and len(y) == 2 else year  # '98年', '三三年'

            if not m.group(0).endswith("年") and not r.done:
                r.pos = m.start()  # a bare 4-digit number is a year only on its own
                year = None
        if year is not None:
            if r.done:
                return _Span(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", r.relative)
            if (fest := _festival(r.text[r.pos :], None, year)) is not None:
                r.pos = len(r.text)
                return fest
            if (p := r.take("year_part")) is not None:
                return _year_part(p, year, r)
            lunar = lunar or r.take("lunar") is not None
            if (wk := r.take("week_of_year")) is not None:
                return _nth_week(dt.date(year, 1, 1), _int(wk["k"]), r.relative)
    if (m := r.take("quarter_word")) is not None:
        b = r.need_base()
        first, _ = _unit_span(_add_months(b, 3 * w.quarters[m["qw"]]), "quarter")
        return _quarter(first, m["qp"], r.relative)
    if (m := r.take("month")) is not None:
        if m["mw"]:
            if year is not None:
                if w.months[m["mw"]] != 0:
                    return None
                m_base = r.need_base()  # 去年本月十日: the base's month of that year
                first = dt.date(year, m_base.month, 1)
            else:
                first = _add_months(r.need_base().replace(day=1), w.months[m["mw"]])
            year, month = first.year, first.month
        else:
            month = _int(m["m"])
            lunar = lunar or m["m"] in ("正", "冬", "腊")
            if year is None:
                year = inherit.start.year if inherit and inherit.start else r.need_base().year
    elif year is None and inherit is not None and inherit.start is not None and inherit.grain == "day":
        year, month = inherit.start.year, inherit.start.month  # "12-19日": the day of the same month
    if month is not None and year is not None:
        if not 1 <= month <= 12:
            return None
        if r.done:
            return _lunar_month(year, month, r.relative) if lunar else _Span(dt.date(year, month, 1), _month_end(year, month), "month", r.relative)
        if (d := r.take("day")) is not None:
            day = dt.date(year, month, _int(d["d"])) if d["unit"] or d["d"][:1].isdigit() and not lunar else None
            if not d["unit"] and not d["d"][:1].isdigit() or lunar:  # 八月十五, 农历正月十五: the Chinese calendar
                return _lunar_day(year, month, _int(d["d"]), r) if r.time_of_day() else None
            return _Span(day, day, "day", r.relative) if r.time_of_day() else None
        if (p := r.take("month_part")) is not None:
            return _month_part(p, year, month, r.relative)
        return None
    if year is not None:
        return None
    p = r.take("year_part")
    if p is not None and len(p.group(0)) > 1 and not (p["n"] or p["ln"] or p["k"]):  # 上半年, 年底, 一季度
        return _year_part(p, r.need_base().year, r)
    r.pos = 0
    if (m := r.take("day")) is not None and m.group(0)[-1] in "日号":  # "30日": a day of the base's month
        b = r.need_base()
        day = dt.date(b.year, b.month, _int(m["d"]))
        return _Span(day, day, "day", True)
    return None


def _lunar_day(year: int, month: int, day: int, r: _Reader) -> _Span:
    from lunar_python import Lunar  # the Chinese calendar: loaded when an expression names a lunar date

    try:
        s = Lunar.fromYmd(year, month, day).getSolar()
    except Exception as e:  # lunar-python raises a bare Exception for a day the month lacks (正月三十)
        raise ValueError(str(e)) from e
    d = dt.date(s.getYear(), s.getMonth(), s.getDay())
    return _Span(d, d, "day", r.relative)


def _lunar_month(year: int, month: int, rel: bool) -> _Span:
    from lunar_python import Lunar, LunarMonth

    try:
        s = Lunar.fromYmd(year, month, 1).getSolar()
    except Exception as e:
        raise ValueError(str(e)) from e
    first = dt.date(s.getYear(), s.getMonth(), s.getDay())
    return _Span(first, first + dt.timedelta(days=LunarMonth.fromYm(year, month).getDayCount() - 1), "month", rel)


# parts of a century or a decade, as (first, last) of its years; a century's in tens of years
_ERA_PARTS = {"初": (0, 2), "初期": (0, 2), "前期": (0, 2), "中期": (3, 6), "中叶": (3, 6), "末": (7, 9), "末期": (7, 9), "后期": (7, 9)}


def _era(r: _Reader) -> _Span | None:
    """Centuries and decades: 18世纪, 上世纪80年代, 二十世纪九十年代末期, 11世纪初."""
    m = r.g["era"].fullmatch(r.text, r.pos)
    if m is None or not (m["c"] or m["cw"]) and not m["d"] or not (m["c"] or m["cw"] or m["d"]):
        return None
    if m["c"]:
        first_year = (_int(m["c"]) - 1) * 100
    elif m["cw"]:
        first_year = (r.need_base().year // 100 - (1 if m["cw"] == "上世纪" else 0)) * 100
    else:
        first_year = r.need_base().year // 100 * 100  # 80年代 alone: of the base's century
        if first_year + _int(m["d"]) > r.base.year:  # type: ignore[union-attr]
            first_year -= 100
    lo, hi = _ERA_PARTS.get(m["part"] or "", (0, 9))
    if m["d"]:
        first_year += _int(m["d"]) if not m["d"].isdigit() else int(m["d"])
        span = (first_year + lo, first_year + hi)
    elif m["part"]:
        span = (first_year + lo * 10, first_year + hi * 10 + 9) if lo else (first_year, first_year + 19)
    else:
        span = (first_year, first_year + 99)
    r.pos = len(r.text)
    return _Span(dt.date(max(span[0], 1), 1, 1), dt.date(span[1], 12, 31), "year", r.relative)


def _year_part(p: regex.Match[str], year: int, r: _Reader) -> _Span | None:
    w = _words()
    rel = r.relative
    if p["n"]:
        last = int(_number(p["n"])) * (3 if p["u"] == "季度" else 1)
        return _months(year, 1, last, rel) if r.done else None
    if p["ln"]:
        return _months(year, 13 - int(_number(p["ln"])), 12, rel) if r.done else None
    if p["first"]:
        return _months(year, 1, 3 if p["first"] == "季度" else 1, rel) if r.done else None
    if p["k"]:
        return _months(year, int(_number(p["k"])), int(_number(p["k"])), rel) if r.done else None
    if p["q"]:
        q = _int(p["q"]) if not p["q"].isdigit() else int(p["q"])
        first = dt.date(year, 3 * q - 2, 1)
        part = r.take("quarter_part")
        return _quarter(first, part["qp"] if part else None, rel) if r.done else None
    lo, hi = w.year_parts[p["part"]]
    return _months(year, lo, hi, rel) if r.done else None


def _months(year: int, lo: int, hi: int, rel: bool) -> _Span | None:
    if not 1 <= lo <= hi <= 12:
        return None
    grain = "year" if (lo, hi) == (1, 12) else "month"
    return _Span(dt.date(year, lo, 1), _month_end(year, hi), grain, rel)


def _quarter(first: dt.date, part: str | None, rel: bool) -> _Span:
    if part == "初":
        return _Span(first, _month_end(first.year, first.month), "month", rel)
    last = _add_months(first, 2)
    if part == "末":
        return _Span(last, _month_end(last.year, last.month), "month", rel)
    return _Span(first, _month_end(last.year, last.month), "quarter", rel)


def _nth_week(first_day: dt.date, k: int, rel: bool) -> _Span:
    """Week k of a month or year, weeks counted from its first Monday."""
    monday = first_day + dt.timedelta(days=(7 - first_day.weekday()) % 7)
    start = monday + dt.timedelta(weeks=k - 1)
    return _Span(start, start + dt.timedelta(days=6), "week", rel)


def _month_part(p: regex.Match[str], year: int, month: int, rel: bool) -> _Span | None:
    end = _month_end(year, month)
    if p["n"]:
        n = int(_number(p["n"]))
        return _Span(dt.date(year, month, 1), dt.date(year, month, min(n, end.day)), "day", rel)
    if p["ln"]:
        n = int(_number(p["ln"]))
        return _Span(end - dt.timedelta(days=n - 1), end, "day", rel)
    if p["lwd"]:  # 四月的最后一个星期一
        day = end - dt.timedelta(days=(end.weekday() - _words().weekdays[p["lwd"]]) % 7)
        return _Span(day, day, "day", rel)
    if p["k"]:
        k = int(_number(p["k"]))
        first = dt.date(year, month, 1)
        if p["wd"]:  # 十月第一个星期一: the k-th such weekday of the month
            wd = _words().weekdays[p["wd"]]
            day = first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (k - 1))
            return _Span(day, day, "day", rel) if day.month == month else None
        return _nth_week(first, k, rel)
    lo, hi = _words().month_parts[p["part"]]
    return _Span(dt.date(year, month, lo), dt.date(year, month, min(hi, end.day)), "day", rel)


def _weeks(r: _Reader) -> _Span | None:
    w = _words()
    if (m := r.take("week_word")) is not None:
        monday, _ = _unit_span(r.need_base() + dt.timedelta(weeks=w.weeks[m["ww"]]), "week")
        if m["wd"]:
            day = monday + dt.timedelta(days=w.weekdays[m["wd"]])
            return _Span(day, day, "day", True)
        if m["we"]:  # 下周末: its Saturday and Sunday
            return _Span(monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "day", True)
        return _Span(monday, monday + dt.timedelta(days=6), "week", True)
    if r.take("weekend") is not None:  # 周末 alone: the coming one (this one on a Saturday or Sunday)
        b = r.need_base()
        saturday = b + dt.timedelta(days=(5 - b.weekday()) % 7) if b.weekday() < 5 else b - dt.timedelta(days=b.weekday() - 5)
        return _Span(saturday, saturday + dt.timedelta(days=1), "day", True)
    if (m := r.take("weekday")) is not None:  # a bare weekday is the next one to come
        b = r.need_base()
        ahead = (w.weekdays[m["wd"]] - b.weekday()) % 7 or 7
        day = b + dt.timedelta(days=ahead)
        return _Span(day, day, "day", True)
    if (m := r.take("day_word")) is not None:
        day = r.need_base() + dt.timedelta(days=w.days[m["dw"]])
        return _Span(day, day, "day", True)
    if r.time_of_day():  # a part of the day or a clock time alone: the base's day
        b = r.need_base()
        return _Span(b, b, "day", True)
    return None


_GRAINS = ("day", "week", "month", "quarter", "year")


def _count(r: _Reader) -> _Span | None:
    """A count of units from the base: 30日内, 三年前, 20天以后, 近三个月, 上两个月, 过两天."""
    if (m := r.take("ordinal")) is not None:
        b = r.need_base()
        unit = "day" if m["u"] == "天" else "year"
        first, last = _unit_span(_shift(b, _number(m["n"]) - 1, unit), unit)
        return _Span(first, None if m["post"] else last, unit, True)
    m = r.take("count")
    if m is None or not r.done:
        return None
    unit = _words().units[m["u"]]
    if unit == "year" and _YEAR_COUNT.fullmatch(m["n"]) and "多" not in (m["more"], m["half"]):
        return None  # 2016年以前: a year, not 2016 years
    b = r.need_base()
    n = _number(m["n"]) + (0.5 if "半" in (m["half"], m["more"]) else 0)
    pre, post = m["pre"] or "", m["post"] or ""
    grain = {"year": "month", "quarter": "month"}.get(unit, "day") if n != int(n) else unit if unit in _GRAINS else "day"
    if "多" in (m["more"], m["half"]) and pre == "" and post in ("前", "以前", "之前") and n >= 10 and n % 10 == 0:
        first, _ = _unit_span(_shift(b, -(n + 10), unit), grain)  # 40多年前: between 50 and 40 years back
        _, last = _unit_span(_shift(b, -n, unit), grain)
        return _Span(first, last, grain, True)
    if post in ("内", "以内", "之内") or pre in ("未来", "今后"):
        if pre in ("过去", "近", "最近"):
            return _Span(_shift(b, -n, unit), b, "day", True)
        end = _shift(b, n, unit)
        return _Span(b, _unit_span(end, grain)[1] if grain == "month" and unit == "year" else end, "day", True)
    if pre in ("近", "最近", "过去"):
        return _Span(_shift(b, -n, unit), b, "day", True)
    if post == "以来":
        return _Span(_unit_span(_shift(b, -n, unit), grain)[0], b, grain, True)
    if pre in ("过", "再过") or post in ("以后", "之后", "起"):
        return _Span(_unit_span(_shift(b, n, unit), grain)[0], None, grain, True)
    if post == "后":
        first, last = _unit_span(_shift(b, n, unit), grain)
        return _Span(first, last, grain, True)
    if post == "前":
        first, last = _unit_span(_shift(b, -n, unit), grain)
        return _Span(first, last, grain, True)
    if post in ("以前", "之前"):
        return _Span(None, _unit_span(_shift(b, -n, unit), grain)[1], grain, True)
    if pre in ("上", "前") and n == int(n) and unit in _GRAINS:  # 上两个月: the whole ones before this one
        first, _ = _unit_span(_shift(b, -n, unit), unit)
        _, last = _unit_span(_shift(b, -1, unit), unit)
        return _Span(first, last, unit, True)
    if pre in ("下", "后") and n == int(n) and unit in _GRAINS:
        first, _ = _unit_span(_shift(b, 1, unit), unit)
        _, last = _unit_span(_shift(b, n, unit), unit)
        return _Span(first, last, unit, True)
    return None


_CLOCK_TAIL = regex.compile(r"\s*(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|\d{1,2}时(?:\d{1,2}分)?)\s*$")


def _point(text: str, base: dt.date | None, inherit: _Span | None = None) -> _Span | None:
    """One date or period, whole text."""
    if not text:
        return None
    if (s := _numeric(text, base) or _numeric(_CLOCK_TAIL.sub("", text).rstrip("-"), base)) is not None:
        return s
    if (s := _festival(text, base, None)) is not None:
        return s
    for read in (_calendar, _weeks, _count):
        r = _Reader(text, base)
        try:
            span = read(r, inherit) if read is _calendar else read(r)  # type: ignore[operator]
        except (LookupError, ValueError, OverflowError, KeyError):
            continue
        if span is not None and (r.done or r.time_of_day()):
            return span
    return None


_CONNECTOR = regex.compile(r"\s*(?:至|到|——|—|－|–|~|～|-)\s*")
_BETWEEN = regex.compile(r"(?P<a>.+?)(?:与|和|及)(?P<b>.+?)之?间")
_AFTER_BEFORE = regex.compile(r"(?P<a>.+?)(?:之后|以后)(?P<b>.+?)(?:之前|以前)")
_ALL_NUMBERS = regex.compile(r"\d+([-/.])\d+\1\d+")
_LIST = regex.compile(r"\s*[，,、]\s*")


def _range(text: str, base: dt.date | None) -> _Span | None:
    if (m := _BETWEEN.fullmatch(text)) is not None:
        text = m["a"] + "至" + m["b"]
    if (m := _AFTER_BEFORE.fullmatch(text)) is not None:  # 2010年之后2018年之前: up to the day before the second
        a, b = _point(m["a"], base), _point(m["b"], base)
        if a and b and a.start and b.start and b.start > a.start:
            return _Span(a.start, b.start - dt.timedelta(days=1), a.grain, a.relative or b.relative)
    if text.endswith(("至今", "到现在", "到目前", "至现在")) and base is not None:
        head = _strip(_UNTIL_NOW.sub("", text).removesuffix("起"))
        first = _point(head, base)
        return _Span(first.start, base, first.grain, True) if first and first.start else None
    if _ALL_NUMBERS.fullmatch(text):
        return None  # 3-7-2017, 12-11-10: a date in an order not read here, no range
    for c in _CONNECTOR.finditer(text):
        left, right = _strip(text[: c.start()]).removesuffix("起"), text[c.end() :].removesuffix("止")
        a = _point(left, base)
        if a is None and left[-1:].isdigit() and (unit := _DAY_OR_MONTH_END.search(right)):
            a = _point(left + unit.group(0), base)  # "2018年1-9月份": the first part takes the unit of the second
        if a is None or a.start is None:
            continue
        b = _point(right, base, a)
        if a.grain == "day" and _grammar()["daytime"].fullmatch(right):
            b = _Span(a.end, a.end, "day")  # "2019年6月28日9:30~11:30": the same day
        if b is None and right.isdigit() and a.grain in ("day", "month"):
            b = _point(right + ("日" if a.grain == "day" else "月"), base, a)  # "1月3至2月10", "2018年1-9月份"
        if b is not None and b.end is not None and b.end >= a.start:
            return _Span(a.start, b.end, a.grain, a.relative or b.relative)
    return None


def _list(text: str, base: dt.date | None) -> _Span | None:
    """9月10号，11号，12号 -> the first to the last; a weekday beside a date ('周日, 二月十号') gives way to it."""
    parts = _LIST.split(text)
    if len(parts) < 2:
        return None
    spans: list[_Span] = []
    for part in parts:
        s = _point(part, base, spans[-1] if spans else None)
        if s is None or s.start is None or s.end is None:
            return None
        spans.append(s)
    dated = [s for s, p in zip(spans, parts) if not _grammar()["weekday"].match(p)]
    spans = dated or spans
    return _Span(min(s.start for s in spans if s.start), max(s.end for s in spans if s.end), spans[0].grain, any(s.relative for s in spans))


_OPEN_AFTER = ("以后", "之后", "起", "开始", "以来")
_OPEN_BEFORE = ("之前", "以前", "前")


def _open(text: str, base: dt.date | None) -> _Span | None:
    """X起 / X以后 (to the future or, for a past X with a base, to the base), X之前 (from the base)."""
    for suffix in _OPEN_AFTER:
        if text.endswith(suffix) and (s := _point(text[: -len(suffix)], base)) is not None and s.start:
            if base is not None and s.start <= base and suffix in ("起", "开始", "以来"):
                return _Span(s.start, base, s.grain, True)
            return _Span(s.start, None, s.grain, s.relative)
    for suffix in _OPEN_BEFORE:
        if text.endswith(suffix) and (s := _point(text[: -len(suffix)], base)) is not None and s.end:
            start = base if base is not None and base <= s.end else None
            return _Span(start, s.end, s.grain, s.relative or start is not None)
    return None


def _both(text: str, base: dt.date | None) -> _Span | None:
    """今明两年, 今明两天: this one and the next."""
    m = _THIS_AND_NEXT.fullmatch(text)
    if m is None or base is None:
        return None
    if m[1] == "年":
        return _Span(dt.date(base.year, 1, 1), dt.date(base.year + 1, 12, 31), "year", True)
    return _Span(base, base + dt.timedelta(days=1), "day", True)


_HALF_WIDTH = str.maketrans("０１２３４５６７８９／．－：", "0123456789/.-:")


def _strip(text: str) -> str:
    text = text.strip().strip("。；;,，")
    for lead in ("从", "自", "在", "于"):
        if text.startswith(lead) and len(text) > 1:
            text = text[1:]
            break
    changed = True
    while changed:
        changed = False
        for tail in _words().approximate:
            if text.endswith(tail) and len(text) > len(tail):
                text, changed = text[: -len(tail)], True
    return text.strip()


_HAN_SPACE = regex.compile(r"(?<=\p{Han})\s+|\s+(?=\p{Han})")


def _clean(text: str) -> str:
    from ..normalize import is_traditional, to_simplified

    text = _HAN_SPACE.sub("", text.translate(_HALF_WIDTH))  # "2009 年 到 2010 年"
    if is_traditional(text, threshold=0.01):
        text = to_simplified(text)
    return _strip(text)


def _iso(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


MAX_EXPRESSION = 200  # characters


_READERS: tuple[Callable[[str, dt.date | None], _Span | None], ...] = (_point, _both, _list, _range, _open)


def parse_time(text: str, *, base_date: dt.date | str | None = None) -> TimeSpan | None:
    """The days a time expression names, or None when it names none (or needs a base date it was not given).

    >>> parse_time("明年6月底", base_date="2021-06-14")
    TimeSpan(text='明年6月底', start='2022-06-25', end='2022-06-30', grain='day', relative=True)
    """
    if len(text) > MAX_EXPRESSION:
        return None  # a time expression is a phrase; a longer text is no one expression (and would cost much)
    base = dt.date.fromisoformat(base_date) if isinstance(base_date, str) else base_date
    s = _clean(text)
    for read in _READERS:
        try:
            span = read(s, base)
        except (ValueError, LookupError, OverflowError):  # a date that does not exist, a base it would need
            continue
        if span is not None and (span.start or span.end):
            return TimeSpan(text, _iso(span.start), _iso(span.end), span.grain, span.relative)
    return None
