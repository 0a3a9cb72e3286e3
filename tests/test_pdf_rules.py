"""rules/pdf.yaml: page-number patterns and OCR corrections, with their examples."""

from __future__ import annotations

import pytest

from pipeline import rules

_NUMBERS = rules.page_number_rules()
_MATCH = [(r.id, m) for r in _NUMBERS for m in r.must_match]
_NOT = [(r.id, m) for r in _NUMBERS for m in r.must_not_match]


@pytest.mark.parametrize("rule_id,text", _MATCH, ids=[f"{r}-{i}" for i, (r, _) in enumerate(_MATCH)])
def test_page_number_examples_match(rule_id: str, text: str) -> None:
    rule = next(r for r in _NUMBERS if r.id == rule_id)
    assert rule.pattern.match(text), f"{rule_id} 应匹配页码：{text}"


@pytest.mark.parametrize("rule_id,text", _NOT, ids=[f"{r}-{i}" for i, (r, _) in enumerate(_NOT)])
def test_page_number_counter_examples_do_not_match(rule_id: str, text: str) -> None:
    assert not any(r.pattern.match(text) for r in _NUMBERS), f"不是页码，却被当作页码：{text}"


_FIXES = rules.ocr_fix_rules()
_PAIRS = [(f.rule.id, a, b) for f in _FIXES for a, b in f.examples]


@pytest.mark.parametrize("fix_id,before,after", _PAIRS, ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(_PAIRS)])
def test_ocr_fix_examples(fix_id: str, before: str, after: str) -> None:
    fix = next(f for f in _FIXES if f.rule.id == fix_id)
    assert fix.apply(before) == after, f"{fix_id}：{before} -> {fix.apply(before)}，应为 {after}"


_KEEP = [(f.rule.id, m) for f in _FIXES for m in f.rule.must_not_match]


@pytest.mark.parametrize("fix_id,text", _KEEP, ids=[f"{r}-{i}" for i, (r, _) in enumerate(_KEEP)])
def test_ocr_fix_leaves_counter_examples(fix_id: str, text: str) -> None:
    fix = next(f for f in _FIXES if f.rule.id == fix_id)
    assert fix.apply(text) == text, f"{fix_id} 不应改动：{text}"
