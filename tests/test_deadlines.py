"""find_deadlines on time expressions in policy sentences (tests/fixtures/deadline_cases.yaml) and the traps
of rules/deadlines.yaml: every written form, durations and anchors, inference from the document's date, and
expressions that are no limit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from pipeline import find_deadlines, rules

_FIXTURES = Path(__file__).parent / "fixtures"
CASES = [
    case
    for name in ("deadline_cases.yaml", "deadline_cases_generated.yaml")
    for case in yaml.safe_load((_FIXTURES / name).read_text(encoding="utf-8"))["cases"]
]


def _s(value: Any) -> str:
    return "" if value is None else str(value)  # YAML reads 2020-03-11 as a date


@pytest.mark.parametrize("case", CASES, ids=[f"case-{i}" for i in range(len(CASES))])
def test_deadline_case(case: dict[str, Any]) -> None:
    found = find_deadlines(case["text"], base_date=_s(case.get("base_date")) or None)
    if case.get("none"):
        assert not found, f"{case['text']!r} holds no limit, found {[(d.text, d.kind) for d in found]}"
        return
    assert found, f"{case['text']!r}: nothing found"
    d = found[0]
    assert d.kind == case["kind"], f"{case['text']!r}: kind {d.kind!r} ({d.text!r}), expected {case['kind']!r}"
    for key in ("start", "end", "frequency", "duration_value", "duration_unit", "anchor"):
        if key in case:
            assert getattr(d, key) == _s(case[key]), f"{case['text']!r}: {key} {getattr(d, key)!r}, expected {case[key]!r}"
    if "inferred" in case:
        assert d.inferred is case["inferred"], f"{case['text']!r}: inferred {d.inferred}"
    assert case["text"][d.start_char : d.end_char] == d.text


def test_no_inferred_value_without_the_flag() -> None:
    for case in CASES:
        for d in find_deadlines(case["text"]):
            assert not d.inferred, f"{case['text']!r}: inferred without a base date"


def _trap_cases(field: str) -> list[Any]:
    return [pytest.param(t, ex, id=f"{t.id}-{i}") for t in rules.deadline_traps() for i, ex in enumerate(getattr(t, field))]


@pytest.mark.parametrize(("trap", "example"), _trap_cases("examples"))
def test_trap_examples_hold_no_limit(trap: rules.DeadlineTrap, example: str) -> None:
    found = [d for d in find_deadlines(example) if not trap.kinds or d.kind in trap.kinds]
    assert not found, f"{trap.id}: {example!r} holds no limit, found {[d.text for d in found]}"


@pytest.mark.parametrize(("trap", "example"), _trap_cases("must_not_match"))
def test_trap_leaves_real_limits(trap: rules.DeadlineTrap, example: str) -> None:
    assert find_deadlines(example), f"{trap.id}: {example!r} holds a limit the trap must not remove"


def test_a_yearless_limit_takes_the_year_written_earlier_in_its_sentence() -> None:
    """"2022年6月底前完成试点，12月底前全面完成" in a notice signed in 2021: the second limit is the end of 2022
    (the sentence's year, flagged inferred), not of 2021; a new sentence falls back to the signing year."""
    found = find_deadlines("2022年6月底前完成试点，12月底前全面完成；明年3月底前总结。下半年起，12月底前报送。", base_date="2021-03-01")
    got = [(d.text, d.end, d.inferred) for d in found]
    assert got[:2] == [("2022年6月底前", "2022-06-30", False), ("12月底前", "2022-12-31", True)], got
    assert ("明年3月底前", "2022-03-31", True) in got, "今年/明年 count from the document's date"
    assert got[-1] == ("12月底前", "2021-12-31", True), "another sentence: the signing year"


def test_a_part_of_the_year_counts_only_after_a_year_in_its_sentence() -> None:
    """"2021年第一季度完成摸底排查，第二季度完成整改": 第二季度 is the second quarter of 2021; alone ("第三季度末前完成
    核查" in a report signed in November) it may tell of the past, so it is no limit; before a figure it is a
    statistics window."""
    got = [(d.text, d.end, d.inferred) for d in find_deadlines("2021年第一季度完成摸底排查，第二季度完成整改。", base_date="2021-01-10")]
    assert got == [("2021年第一季度", "2021-03-31", False), ("第二季度", "2021-06-30", True)], got
    assert not find_deadlines("市大数据局要按季度开展抽查，第三季度末前完成全市政务新媒体备案信息核查。", base_date="2021-11-05")[1:]
    assert not find_deadlines("上半年，全市生产总值增长5%。", base_date="2021-08-01")


_LATER = "2099-12-31"  # a document signed after every example's day: each limit in it is over


@pytest.mark.parametrize("example", rules.past_limits().examples)
def test_a_limit_set_with_yu_stays_when_its_day_has_passed(example: str) -> None:
    """rules/deadlines.yaml `past_limits`: "于2021年6月20日前…完成" in a plan signed later is still its limit."""
    found = [d for d in find_deadlines(example, base_date=_LATER) if d.rule in rules.past_limits().rules]
    assert found, f"{example!r}: the limit set with 于…前 was dropped as history"


@pytest.mark.parametrize("example", rules.past_limits().must_not_match)
def test_work_done_before_the_document_is_history(example: str) -> None:
    """已于…前完成, an age (2000年以前建成) or a day without 前 told before the document's date: no limit."""
    assert not find_deadlines(example, base_date=_LATER), f"{example!r} tells of the past, no limit"


def test_quarters_listed_after_a_year_that_opens_the_sentence() -> None:
    """"2019年垃圾焚烧设施开工建设：一季度完成…；二季度完成…" (宝山区 2019): the quarters, written without 第, are
    that year's (inferred); a year inside the sentence names something ("确定的2021年重点工作上半年完成情况" is
    a report) and one that starts a span (2020年以来) frames no limit."""
    text = "1.推进垃圾焚烧设施建设。2019年垃圾焚烧设施开工建设：一季度完成设施规划选址、启动立项；二季度完成立项及规划许可；三季度完成工可及环评；四季度完成施工许可、开工。"
    got = [(d.text, d.end, d.inferred) for d in find_deadlines(text, base_date="2019-05-05")]
    assert got == [("一季度", "2019-03-31", True), ("二季度", "2019-06-30", True), ("三季度", "2019-09-30", True), ("四季度", "2019-12-31", True)], got
    assert not find_deadlines("2020年以来，第二季度完成整改。", base_date="2021-05-05")
    assert not find_deadlines("市政府政务督查室近期对《政府工作报告》确定的2021年重点工作上半年完成情况进行了督办。", base_date="2022-01-10")


def test_this_year_and_the_next_are_read_from_the_documents_date() -> None:
    """"今明两年投资30亿元" (沁县's 政府工作报告 task list): a period of the signing date's year and the one after,
    inferred; no date without a base, and "今明两天" is no such period."""
    got = [(d.text, d.kind, d.start, d.end, d.inferred) for d in find_deadlines("2.推进民航基础设施建设，今明两年投资30亿元。", base_date="2025-02-01")]
    assert got == [("今明两年", "range", "2025-01-01", "2026-12-31", True)], got
    assert [(d.start, d.end) for d in find_deadlines("今明两年投资30亿元。")] == [("", "")]
    assert not find_deadlines("今明两天气温下降。", base_date="2025-02-01")


def test_a_period_whose_end_a_comma_sets_apart_after_qi() -> None:
    """北京's 问答 on the 2024 car trade-in rules: "自2024年4月24日起，至2024年12月31日24时" is one period, not a target at
    its end; so is the application window after it."""
    text = "汽车以旧换新政策实施时间？自2024年4月24日起，至2024年12月31日24时。补贴申请时间为2024年4月24日起，至2025年1月10日24时止。"
    got = [(d.kind, d.start, d.end) for d in find_deadlines(text, base_date="2024-07-03")]
    assert got == [("range", "2024-04-24", "2024-12-31"), ("range", "2024-04-24", "2025-01-10")], got
