"""pipeline.parse_time: the examples of rules/time_words.yaml, what it refuses, and peer suites kept as published."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pytest

from pipeline import parse_time, rules

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import time_peer_suites as peers  # noqa: E402

_WORDS = rules.read_rule_file("time_words.yaml")


@pytest.mark.parametrize(("text", "base", "start", "end"), [pytest.param(*map(str, ex), id=f"ex-{i}") for i, ex in enumerate(_WORDS["examples"])])
def test_examples(text: str, base: str, start: str, end: str) -> None:
    span = parse_time(text, base_date=base)
    assert span is not None, f"{text!r} should name days"
    assert (span.start, span.end) == (start, end), f"{text!r} from {base}: {span}"


@pytest.mark.parametrize("text", _WORDS["not_times"])
def test_not_times(text: str) -> None:
    assert parse_time(str(text), base_date="2021-06-14") is None


def test_relative_needs_a_base_date() -> None:
    """Nothing is read from today: without a base, 明年 names no days, while a written date still does."""
    assert parse_time("明年6月底") is None
    assert parse_time("下周五") is None
    span = parse_time("2024年6月30日")
    assert span is not None and (span.start, span.end, span.relative) == ("2024-06-30", "2024-06-30", False)


def test_relative_is_flagged() -> None:
    span = parse_time("明年6月底", base_date=dt.date(2021, 6, 14))
    assert span is not None and span.relative and span.grain == "day"
    written = parse_time("2022年6月底", base_date=dt.date(2021, 6, 14))
    assert written is not None and not written.relative and written.end == "2022-06-30"


def test_open_sides() -> None:
    after = parse_time("2025年1月1日起", base_date="2021-06-14")
    before = parse_time("2016年以前", base_date="2021-06-14")
    assert after is not None and (after.start, after.end) == ("2025-01-01", "")
    assert before is not None and (before.start, before.end) == ("", "2016-12-31")


@pytest.mark.parametrize("text", ["二月三十日", "2019-13-45", "农历正月三十", "", "   ", "\x00", "年" * 5000, "第" + "一" * 300 + "周", "1-" * 20000])
def test_bad_text_is_no_time(text: str) -> None:
    """A day that does not exist, noise or a very long run is None, never an exception."""
    assert parse_time(text, base_date="2021-06-14") is None


def _duckling() -> list[Any]:
    return peers.duckling_cases((peers.PEERS / "duckling_zh_corpus.hs").read_text(encoding="utf-8"))


def test_duckling_suite() -> None:
    """Duckling's Chinese corpus (day to year grains), as published. Where Duckling reads 下周三 as the coming
    Wednesday and 三天后 as the next three days, parse_time keeps the Chinese reading (next week's Wednesday,
    the day three days on), so some cases stay apart; the floor keeps the rest from slipping."""
    cases = _duckling()
    assert len(cases) == 238
    right, misses = peers.score(cases, peers.ours(cases))
    assert right >= 202, "\n".join(misses)


def test_recognizers_suite() -> None:
    """Microsoft Recognizers-Text's Chinese date and date-period specs, as published (either resolution)."""
    cases = peers.recognizers_cases(peers.RECOGNIZERS)
    assert len(cases) == 135
    right, misses = peers.score_any(cases, peers.ours([(t, b, "", "") for t, b, _ in cases]))
    assert right >= 92, "\n".join(misses)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("下周三", "2013-02-20", "2013-02-20"),  # next week's Wednesday; Duckling: the coming one (02-13)
        ("三天后", "2013-02-15", "2013-02-15"),  # the day three days on; Duckling: the next three days
        ("上两个月", "2012-12-01", "2013-01-31"),  # with Duckling: the two whole months before this one
        ("明年九月", "2014-09-01", "2014-09-30"),
    ],
)
def test_readings_where_peers_differ(text: str, start: str, end: str) -> None:
    span = parse_time(text, base_date="2013-02-12")
    assert span is not None and (span.start, span.end) == (start, end)


def test_find_deadlines_reads_what_parse_time_reads_in_a_limit_slot() -> None:
    """Every point of Duckling's suite that parse_time reads and that lies ahead of its base date is a limit
    when a notice sets it in a limit's slot ("请各单位于下周三前报送材料。")."""
    right, total, misses = peers.in_a_slot(_duckling())
    assert total >= 140 and right == total, "\n".join(misses)
