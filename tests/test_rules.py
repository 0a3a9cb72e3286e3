"""Every example in rules/ is a test: must_match / must_not_match / examples with expected values."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import regex

from conftest import SHARED
from pipeline import rules
from pipeline.docnumber import parse_doc_number
from pipeline.extract.dates import find_time_expressions
from pipeline.extract.region import infer_region
from pipeline.extract.units import unit_type


def _cases(rule_list: tuple[rules.PatternRule, ...], kind: str) -> list[Any]:
    out = []
    for r in rule_list:
        examples = r.must_match if kind == "match" else r.must_not_match
        for i, ex in enumerate(examples):
            out.append(pytest.param(r, ex, id=f"{r.source}-{r.id}-{kind}-{i}"))
    return out


@pytest.mark.parametrize(("rule", "example"), _cases(rules.heading_rules() + rules.not_heading_rules(), "match") + _cases(tuple(rules.element_rules().values()) + tuple(rules.word_rules().values()), "match"))
def test_pattern_matches(rule: rules.PatternRule, example: str) -> None:
    assert rule.pattern.search(example), f"{rule.source}:{rule.id} should match {example!r}"


@pytest.mark.parametrize(("rule", "example"), _cases(rules.heading_rules() + rules.not_heading_rules(), "nomatch") + _cases(tuple(rules.element_rules().values()) + tuple(rules.word_rules().values()), "nomatch"))
def test_pattern_rejects(rule: rules.PatternRule, example: str) -> None:
    assert not rule.pattern.search(example), f"{rule.source}:{rule.id} should not match {example!r}"


@pytest.mark.parametrize(("rule", "example"), _cases(rules.docnumber_rules(), "match"))
def test_docnumber_examples_parse(rule: rules.PatternRule, example: str) -> None:
    num = parse_doc_number(example)
    assert num is not None, f"{example!r} should parse as a document number"
    assert regex.fullmatch(r".+(?:〔\d{4}〕\d+号|第\d+号)", num.normalized), f"{example!r} normalised to {num.normalized!r}"


@pytest.mark.parametrize(("rule", "example"), _cases(rules.docnumber_rules(), "nomatch"))
def test_docnumber_examples_reject(rule: rules.PatternRule, example: str) -> None:
    assert parse_doc_number(example) is None, f"{example!r} is not a document number"


@pytest.mark.parametrize(("rule", "example"), _cases(rules.deadline_rules(), "match"))
def test_deadline_examples(rule: rules.PatternRule, example: dict[str, str]) -> None:
    text = example["text"]
    expected = str(example.get("match", text))  # a rule that looks ahead matches part of its example
    found = list(find_time_expressions(text))
    whole = [t for t in found if t.text == expected]
    assert whole, f"{rule.id}: {expected!r} in {text!r} should be one time expression, got {[t.text for t in found]}"
    te = whole[0]
    assert te.rule == rule.id, f"{text!r} is read by rule {te.rule!r}, not by {rule.id!r} whose example it is"
    assert te.kind == rule.kind, f"{text!r}: kind {te.kind!r}, expected {rule.kind!r}"
    for key in ("start", "end", "frequency"):
        if key in example:
            assert getattr(te, key) == str(example[key]), f"{text!r}: {key} {getattr(te, key)!r}, expected {example[key]!r}"
    if rule.kind in ("relative", "ongoing"):
        assert te.start == "" and te.end == "", f"{text!r}: a relative limit has no date of its own"


@pytest.mark.parametrize(("rule", "example"), _cases(rules.deadline_rules(), "nomatch"))
def test_deadline_rejects(rule: rules.PatternRule, example: str) -> None:
    """must_not_match: no rule at all finds a limit there."""
    from pipeline import find_deadlines

    found = find_deadlines(example)
    assert not found, f"{rule.id}: {example!r} holds no limit, found {[(d.text, d.rule) for d in found]}"


def _not_this_rule_cases() -> list[Any]:
    by_id = {r.id: r for r in rules.deadline_rules()}
    return [pytest.param(by_id[rid], ex, id=f"{rid}-other-{i}") for rid, exs in rules.deadline_not_this_rule().items() for i, ex in enumerate(exs)]


@pytest.mark.parametrize(("rule", "example"), _not_this_rule_cases())
def test_deadline_left_to_other_rules(rule: rules.PatternRule, example: str) -> None:
    """not_this_rule: another rule reads the text; this one does not."""
    found = [t for t in find_time_expressions(example) if t.rule == rule.id]
    assert not found, f"{rule.id} should find nothing in {example!r}, found {[t.text for t in found]}"
    assert list(find_time_expressions(example)), f"{example!r} is listed as read by another rule, but none reads it"


@pytest.mark.parametrize(("unit", "expected"), [pytest.param(u, t, id=f"unit-{i}") for i, (u, t) in enumerate(rules.unit_lexicon().examples)])
def test_unit_type_examples(unit: str, expected: str) -> None:
    assert unit_type(unit) == expected, f"{unit} -> {unit_type(unit)}, expected {expected}"


@pytest.mark.parametrize(("kind", "text", "expected"), [pytest.param(k.id, t, e, id=f"cell-{k.id}-{i}") for k in rules.cell_kinds().values() for i, (t, e) in enumerate([*((x, True) for x in k.examples), *((x, False) for x in k.must_not_match)])])
def test_cell_kind_examples(kind: str, text: str, expected: bool) -> None:
    assert bool(rules.cell_kinds()[kind].pattern.search(text)) is expected, f"cell kind {kind}: {text!r} should {'' if expected else 'not '}match"


@pytest.mark.parametrize(("header", "role"), [pytest.param(h, r, id=f"col-{i}") for i, (h, r) in enumerate(rules.table_columns().examples)])
def test_table_column_examples(header: str, role: str) -> None:
    assert rules.table_columns().role(header) == role, f"{header} should be column role {role}"


def _domain_cases() -> list[Any]:
    return [pytest.param(t, ex, id=f"{t.id}-{i}") for t in rules.taxonomies() for i, ex in enumerate(t.examples)]


@pytest.mark.parametrize(("tax", "example"), _domain_cases())
def test_domain_examples(tax: rules.Taxonomy, example: dict[str, Any]) -> None:
    from pipeline.extract.domains import find_mentions

    got = []
    for t, canon, *_ in find_mentions(example["text"]):
        if t == tax.id and canon not in got:
            got.append(canon)
    assert got == list(example["domains"]), f"{example['text']}: {got}, expected {example['domains']}"


@pytest.mark.parametrize(("agency", "expected"), [pytest.param(a, e, id=f"agency-{i}") for i, (a, e) in enumerate(rules.agency_prefixes().examples)])
def test_agency_prefix_examples(agency: str, expected: str) -> None:
    region = infer_region("", agency)
    got = "national" if region.admin_level == "national" else region.city or region.province
    assert got == expected, f"{agency} -> {got}, expected {expected}"


def test_unknown_key_is_reported(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A typo in a rule file fails loudly, naming the file and the rule."""
    bad = tmp_path / "headings.yaml"
    bad.write_text("levels:\n  - id: level1\n    level: 1\n    patern: '^x'\n", encoding="utf-8")
    monkeypatch.setattr(rules, "_active", rules.active())  # the shipped rules come back after the test
    rules.use(tmp_path)
    with pytest.raises(rules.RuleError, match=r"headings.yaml.*level1.*patern"):
        rules.heading_rules()


@pytest.mark.parametrize("keys", ["requires: 号", "requires: 〔\n    requires_also: 号"], ids=["requires", "requires_also"])
def test_requires_is_checked_against_the_examples(keys: str, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule's `requires` (and `requires_also`) strings let a text without them skip its pattern; an example
    lacking them would be a match the shortcut loses, so the rule file is refused."""
    bad = tmp_path / "docnumber.yaml"
    bad.write_text(f"patterns:\n  - id: n\n    kind: bracketed\n    {keys}\n    pattern: '(?P<agency>\\p{{Han}}+)〔(?P<year>\\d{{4}})〕(?P<serial>\\d+)'\n    must_match: ['豫政〔2020〕5']\n", encoding="utf-8")
    monkeypatch.setattr(rules, "_active", rules.active())
    rules.use(tmp_path)
    with pytest.raises(rules.RuleError, match=r"docnumber.yaml.*'n' requires one of '号'.*豫政〔2020〕5"):
        rules.docnumber_rules()


def test_requires_skips_only_texts_without_the_characters() -> None:
    relative = next(r for r in rules.deadline_rules() if r.id == "relative")
    assert "日内" in relative.requires and "之内" in relative.requires
    assert relative.may_match("自印发之日起30日内完成") and not relative.may_match("自印发之日起施行") and not relative.may_match("内容如下")
    slot_at = next(r for r in rules.deadline_rules() if r.id == "slot_at")
    assert slot_at.requires_also and slot_at.may_match("请于6月底报送") and not slot_at.may_match("在全市范围内开展")
    date = next(r for r in rules.deadline_rules() if r.id == "date")
    assert date.may_match("2020年3月1日") and date.may_match("一九九八年三月一日") and not date.may_match("每年三月一日")
    # the shortcut loses nothing: on real notices every rule finds the same matches with and without it
    from pipeline.extract.dates import _RequiredHits, _candidate_rules, _indexed_matches, _matches

    wild = SHARED / "corpus" / "wild"
    real = sorted((Path(__file__).resolve().parents[1] / "corpora").glob("*.txt"))
    real += sorted(p for p in wild.rglob("*") if p.suffix in (".txt", ".md") and p.name != "MANIFEST.tsv")[:40] if wild.is_dir() else []
    for path in real:
        text = path.read_text(encoding="utf-8")
        for rule in rules.deadline_rules():
            full = [m.span() for m in rule.pattern.finditer(text) if m.group(0).count("\n") <= 1]  # a limit may break once
            assert [m.span() for m in _matches(rule, text)] == full, (path.name, rule.id)
        # and the lines read once for every rule (find_time_expressions) give the rules the same matches
        hits = _RequiredHits.of(text)
        for _, rule, req, also in _candidate_rules(text, hits.present()):
            if req:
                assert [m.span() for m in _indexed_matches(rule, req, also, text, hits)] == [m.span() for m in _matches(rule, text)], (path.name, rule.id)


def test_one_pass_over_the_required_strings_picks_the_rules_each_rule_would() -> None:
    """find_time_expressions reads a text once for every rule's `requires` strings (one automaton): the rules
    it keeps are exactly those whose own may_match holds, on every example of every rule and on real lines."""
    from pipeline.extract.dates import _candidate_rules

    texts = [str(x["text"] if isinstance(x, dict) else x) for r in rules.deadline_rules() for x in (*r.must_match, *r.must_not_match)]
    texts += [line for p in sorted((Path(__file__).resolve().parents[1] / "corpora").glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()]
    assert len(texts) > 300
    for text in texts:
        expected = [r.id for r in rules.deadline_rules() if r.may_match(text)]
        assert [c[1].id for c in _candidate_rules(text)] == expected, text
    assert [(k, r) for k, r, _, _ in _candidate_rules("")] == [(k, r) for k, r in enumerate(rules.deadline_rules()) if r.may_match("")]


@pytest.mark.parametrize(("issuer", "expected"), [pytest.param(i, e, id=f"issuer-{k}") for k, (i, e) in enumerate(rules.agency_prefixes().issuer_examples)])
def test_issuer_region_examples(issuer: str, expected: str) -> None:
    r = infer_region(issuer)
    got = f"{r.province}/{r.city}/{r.county}/{r.admin_level}"
    assert got == expected, f"{issuer} -> {got}，应为 {expected}"


def test_new_areas_name_gazetteer_provinces() -> None:
    provinces = {p.name for p in rules.places() if p.level == "province"}
    names = {p.name for p in rules.places()}
    areas = rules.agency_prefixes().new_areas
    assert areas and all(prov in provinces for _, prov in areas), areas
    assert not [a for a, _ in areas if a in names], "a 国家级新区 with a gazetteer entry of its own needs no new_areas entry"


def test_place_short_names_name_gazetteer_places() -> None:
    cities = {p.name for p in rules.places() if p.level == "city"}
    missing = [full for _, full in rules.agency_prefixes().place_short_names if full not in cities]
    assert not missing, f"rules/agency_prefixes.yaml place_short_names 不在地名表中：{missing}"


def _reference_examples() -> list[Any]:
    data = rules._read_yaml("references.yaml")
    return [pytest.param(e["text"], e["document"], id=f"ref-{i}") for i, e in enumerate(data["examples"])]


@pytest.mark.parametrize(("title", "document"), _reference_examples())
def test_reference_form_examples(title: str, document: bool) -> None:
    from pipeline.extract.references import is_form

    assert is_form(title) is (not document), f"《{title}》 document={document}"


@pytest.mark.parametrize(("printed", "normalised"), rules.taiwan_examples())
def test_taiwan_phrasing_examples(printed: str, normalised: str) -> None:
    from pipeline.normalize import to_mainland

    assert to_mainland(printed) == normalised


def test_a_false_friend_must_hold_its_keyword(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """rules/topics.yaml false_friends: a word listed against a keyword must be a longer word holding it, or
    the rule would silently never apply; the shipped list blocks 民政 in 人民政府 but not 民政 itself."""
    from pipeline.extract.topic import classify

    assert classify("镇巴县人民政府关于召开全县大会的通知", "").topic == "其他"
    assert classify("关于加强民政工作的通知", "").topic == "民政、扶贫、救灾"
    bad = tmp_path / "topics.yaml"
    bad.write_text("fallback: 其他\nfalse_friends:\n  民政: [民生]\nclasses:\n  - id: 其他\n  - id: 民政\n    keywords: [民政]\n", encoding="utf-8")
    monkeypatch.setattr(rules, "_active", rules.active())
    rules.use(tmp_path)
    with pytest.raises(rules.RuleError, match=r"topics.yaml: false friend '民生' of '民政'"):
        rules.topics()
