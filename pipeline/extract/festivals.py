"""The date of a festival in a given year (rules/deadlines.yaml `festivals`): solar festivals by month and
day, lunar ones through lunar-python's Chinese calendar, 清明 as its solar term."""

from __future__ import annotations

import datetime as dt

from .. import rules


def festival_date(name: str, year: int) -> dt.date | None:
    """The day `name` falls on in `year` (Gregorian), or None for a name the rules do not know."""
    spec = rules.festivals().get(name)
    if spec is None:
        return None
    calendar, value = spec
    if calendar == "solar":
        month, day = (int(x) for x in value.split("-"))
        return dt.date(year, month, day)
    from lunar_python import Lunar, Solar  # the Chinese calendar: loaded when a limit names a festival

    if calendar == "lunar":
        month, day = (int(x) for x in value.split("-"))
        s = Lunar.fromYmd(year, month, day).getSolar()
    else:  # a solar term of the Gregorian year ("清明": early April)
        s = Solar.fromYmd(year, 6, 1).getLunar().getJieQiTable()[value]
        if s.getYear() != year:
            s = Solar.fromYmd(year, 3, 1).getLunar().getJieQiTable()[value]
    return dt.date(s.getYear(), s.getMonth(), s.getDay())


def day_before_festival(name: str, year: int) -> dt.date | None:
    """The last day of a limit set before the festival ("春节前"): the day before it."""
    day = festival_date(name, year)
    return day - dt.timedelta(days=1) if day is not None else None


def next_day_before(name: str, after: dt.date) -> dt.date | None:
    """The day before the first `name` on or after `after` (a yearless "春节前" in a notice of that date)."""
    for year in (after.year, after.year + 1):
        day = day_before_festival(name, year)
        if day is not None and day >= after:
            return day
    return None
