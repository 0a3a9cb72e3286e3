"""Load and validate the rule files in rules/.

Rules are data: patterns, lexicons and taxonomies live in YAML/TSV files beside the code. Each loader
checks the keys it knows and raises RuleError naming the file and the rule for anything else, so a typo in
a rule file fails loudly instead of silently matching nothing.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
import functools
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence, TypeVar

import regex
import yaml

_SPACES = regex.compile(r"\s+")
_TEMPLATE_SLOT = regex.compile(r"(?<!\\[pP])\{([A-Za-z][A-Za-z0-9_]*)\}")  # {name}, not \p{Han}


def default_folder() -> Path:
    """The shipped rule files: rules/ beside the package in a checkout, else the installed gongwen_rules
    package (a wheel)."""
    beside = Path(__file__).resolve().parent.parent / "rules"
    if (beside / "deadlines.yaml").exists():
        return beside
    try:
        import gongwen_rules

        return Path(gongwen_rules.__file__).resolve().parent
    except ImportError:
        return beside  # reading a rule then says which file is missing


T = TypeVar("T")


class Rules:
    """The rule files of one folder, each read, checked and compiled once, on first use. One object is in
    use at a time (`use()` chooses the folder, `--rules DIR` on the command line); the loaders below and the
    caches derived from rules elsewhere (`cached`) belong to it, so changing the folder never mixes rules."""

    def __init__(self, folder: Path, codebooks: tuple[Path, ...] = ()) -> None:
        self.folder = Path(folder).resolve()
        self.codebooks = tuple(Path(c).resolve() for c in codebooks)  # an analyst's taxonomies (--taxonomy FILE)
        self._built: dict[str, Any] = {}

    def get(self, key: str, build: Callable[[], T]) -> T:
        if key not in self._built:
            self._built[key] = build()
        return self._built[key]  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return f"Rules({str(self.folder)!r})"


_active: Rules | None = None


def active() -> Rules:
    """The rules in use (the shipped folder unless `use()` chose another)."""
    global _active
    if _active is None:
        _active = Rules(default_folder())
    return _active


def use(folder: Path | str | None, codebooks: Sequence[Path | str] = ()) -> Rules:
    """Use the rule files of `folder` (None: the shipped ones) and the taxonomies of `codebooks` besides
    rules/domains.yaml from now on; returns the new rules. A folder must hold every rule file (copy rules/ and
    edit it); a codebook file has the format of domains.yaml."""
    global _active
    _active = Rules(Path(folder) if folder is not None else default_folder(), tuple(Path(c) for c in codebooks))
    return _active


def cached(fn: Callable[[], T]) -> Callable[[], T]:
    """A loader built once per Rules object: what a rule file gives, or anything derived from rules."""
    key = f"{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def wrapper() -> T:
        # the built value read straight from the active rules' dict: the element finders ask for their rules
        # a few hundred times per document (issue 14: two calls per ask were a few % of a short notice)
        built = (_active or active())._built
        return built[key] if key in built else active().get(key, fn)  # type: ignore[no-any-return]

    return wrapper


class RuleError(ValueError):
    """A rule file is malformed; the message names the file and the rule."""


@dataclass(frozen=True, slots=True)
class PatternRule:
    id: str
    pattern: regex.Pattern[str]
    source: str
    kind: str = ""
    level: int = 0
    must_match: tuple[Any, ...] = ()
    must_not_match: tuple[str, ...] = ()
    words: tuple[str, ...] = ()  # a word-list rule's words, longest first (rules/words.yaml)
    # strings of which every match holds one (a YAML string: its characters; a list: those words): a text
    # with none is not searched
    requires: tuple[str, ...] = ()
    # a second such list, of which the text must hold one too: "于/在" and a verb of submission, a date's
    # "20"/"19" beside the common 时/点 (issue 14: the time-limit rules were half of the per-core time)
    requires_also: tuple[str, ...] = ()

    def may_match(self, text: str) -> bool:
        """False when the text lacks every `requires` string (or every `requires_also` string), so the (slow)
        pattern need not run."""
        return (not self.requires or any(r in text for r in self.requires)) and (not self.requires_also or any(r in text for r in self.requires_also))


# libyaml's safe loader (the same documents as yaml.SafeLoader, a tenth of the time: the rule files take
# 0.3 s to parse in Python at every start); the Python one where PyYAML was built without libyaml
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(name: str | Path) -> dict[str, Any]:
    path = name if isinstance(name, Path) else active().folder / name
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_YAML_LOADER)
    except FileNotFoundError as e:
        raise RuleError(f"{path}: rule file is missing") from e
    except yaml.YAMLError as e:
        raise RuleError(f"{path}: not valid YAML: {e}") from e
    if not isinstance(data, dict):
        raise RuleError(f"{path}: expected a mapping at the top level")
    return data


def read_rule_file(name: str) -> dict[str, Any]:
    """A rule file of the active rules folder, read as YAML (a mapping at the top level)."""
    return _read_yaml(name)


def _check_keys(file: str, rule_id: str, got: Mapping[str, Any], allowed: set[str]) -> None:
    unknown = set(got) - allowed
    if unknown:
        where = file if "/" in file else f"rules/{file}"  # a codebook file is named by its own path
        raise RuleError(f"{where}: rule {rule_id!r} has unknown key(s) {sorted(unknown)}; allowed: {sorted(allowed)}")


def _expand(template: str, blocks: Mapping[str, str], file: str, rule_id: str) -> str:
    def sub(m: regex.Match[str]) -> str:
        name = m.group(1)
        if name not in blocks:
            raise RuleError(f"rules/{file}: rule {rule_id!r} uses unknown block {{{name}}}")
        return blocks[name]

    return _TEMPLATE_SLOT.sub(sub, template)


def _compile(file: str, rule_id: str, pattern: str) -> regex.Pattern[str]:
    try:
        return regex.compile(pattern, regex.V1)
    except regex.error as e:
        raise RuleError(f"rules/{file}: rule {rule_id!r} has a bad pattern: {e}") from e


def _pattern_rules(file: str, section: str, *, extra_keys: set[str] = frozenset()) -> tuple[PatternRule, ...]:  # type: ignore[assignment]
    data = _read_yaml(file)
    blocks = data.get("blocks", {}) or {}
    out: list[PatternRule] = []
    allowed = {"id", "pattern", "must_match", "must_not_match", "examples", "kind", "level", "requires", "requires_also"} | set(extra_keys)
    seen: set[str] = set()
    for raw in data.get(section, []) or []:
        rid = str(raw.get("id", "?"))
        _check_keys(file, rid, raw, allowed)
        if rid in seen:
            raise RuleError(f"rules/{file}: rule id {rid!r} appears twice")
        seen.add(rid)
        if "pattern" not in raw:
            raise RuleError(f"rules/{file}: rule {rid!r} has no pattern")
        own_blocks = blocks
        words: list[str] = []
        if "words" in raw:  # a word list: {words} is its alternation, longest word first (rules/words.yaml)
            words = sorted((str(w) for w in raw["words"] or ()), key=len, reverse=True)
            if not words:
                raise RuleError(f"rules/{file}: rule {rid!r} has an empty word list")
            own_blocks = {**blocks, "words": "|".join(regex.escape(w) for w in words)}
        pat = _compile(file, rid, _expand(raw["pattern"], own_blocks, file, rid))
        examples = tuple(raw.get("must_match", ()) or ()) + tuple(raw.get("examples", ()) or ())
        requires, requires_also = _strings(raw.get("requires")), _strings(raw.get("requires_also"))
        if requires_also and not requires:
            raise RuleError(f"rules/{file}: rule {rid!r} has requires_also without requires")
        for needed in (requires, requires_also):
            shown = "".join(needed) if all(len(r) == 1 for r in needed) else "、".join(needed)
            for ex in examples if needed else ():
                text = str(ex.get("text", "") if isinstance(ex, dict) else ex)
                if not any(r in text for r in needed):
                    raise RuleError(f"rules/{file}: rule {rid!r} requires one of {shown!r}, but its example {text!r} has none")
        out.append(
            PatternRule(
                id=rid,
                pattern=pat,
                source=file,
                kind=str(raw.get("kind", "")),
                level=int(raw.get("level", 0)),
                must_match=examples,
                must_not_match=tuple(raw.get("must_not_match", ()) or ()),
                words=tuple(words),
                requires=requires,
                requires_also=requires_also,
            )
        )
    return tuple(out)


def _strings(spec: Any) -> tuple[str, ...]:
    """A `requires` value: a YAML string is its characters, a list its words."""
    if not spec:
        return ()
    return tuple(str(w) for w in spec) if isinstance(spec, list) else tuple(str(spec))


@cached
def docnumber_rules() -> tuple[PatternRule, ...]:
    return _pattern_rules("docnumber.yaml", "patterns")


@cached
def heading_rules() -> tuple[PatternRule, ...]:
    return _pattern_rules("headings.yaml", "levels")


@cached
def not_heading_rules() -> tuple[PatternRule, ...]:
    """Lines shaped like headings that are not: table-of-contents entries."""
    return _pattern_rules("headings.yaml", "not_headings")


@cached
def deadline_rules() -> tuple[PatternRule, ...]:
    return _pattern_rules("deadlines.yaml", "rules", extra_keys={"not_this_rule", "needs_year_in_sentence", "from_base"})


@cached
def deadline_rules_needing_a_year() -> frozenset[str]:
    """rules/deadlines.yaml `needs_year_in_sentence: true`: rules whose matches count only where a limit
    earlier in the same sentence wrote its year (a bare "第二季度" elsewhere is too often a report)."""
    return frozenset(str(r["id"]) for r in _read_yaml("deadlines.yaml").get("rules", []) if r.get("needs_year_in_sentence"))


@cached
def deadline_rules_from_base() -> frozenset[str]:
    """rules/deadlines.yaml `from_base: true`: rules whose limits are named from the document's date (今年年底前,
    下月10日前, 本周五前) and are read by pipeline.parse_time with that date as its base."""
    return frozenset(str(r["id"]) for r in _read_yaml("deadlines.yaml").get("rules", []) if r.get("from_base"))


@cached
def deadline_not_this_rule() -> dict[str, tuple[str, ...]]:
    """rules/deadlines.yaml `not_this_rule`: text another rule reads, by the rule that must leave it alone."""
    return {str(r["id"]): tuple(str(x) for x in r.get("not_this_rule", ()) or ()) for r in _read_yaml("deadlines.yaml").get("rules", [])}


@dataclass(frozen=True, slots=True)
class DeadlineTrap:
    """Context that shows a time expression is no limit (rules/deadlines.yaml `traps`)."""

    id: str
    before: regex.Pattern[str] | None
    after: regex.Pattern[str] | None
    kinds: frozenset[str]
    text: regex.Pattern[str] | None
    examples: tuple[str, ...]
    must_not_match: tuple[str, ...]

    def applies(self, kind: str, before: str, after: str, text: str = "") -> bool:
        if self.kinds and kind not in self.kinds:
            return False
        if self.text is not None and not self.text.search(text):
            return False
        if self.before is not None and not self.before.search(before):
            return False
        return self.after is None or bool(self.after.search(after))


@cached
def deadline_traps() -> tuple[DeadlineTrap, ...]:
    out = []
    for raw in _read_yaml("deadlines.yaml").get("traps", []) or []:
        rid = str(raw.get("id", "?"))
        _check_keys("deadlines.yaml", rid, raw, {"id", "before", "after", "text", "kinds", "examples", "must_not_match"})
        if "before" not in raw and "after" not in raw:
            raise RuleError(f"rules/deadlines.yaml: trap {rid!r} has neither before nor after")
        out.append(
            DeadlineTrap(
                rid,
                _compile("deadlines.yaml", rid, raw["before"]) if "before" in raw else None,
                _compile("deadlines.yaml", rid, raw["after"]) if "after" in raw else None,
                frozenset(raw.get("kinds", ()) or ()),
                _compile("deadlines.yaml", rid, raw["text"]) if "text" in raw else None,
                tuple(raw.get("examples", ()) or ()),
                tuple(raw.get("must_not_match", ()) or ()),
            )
        )
    return tuple(out)


@dataclass(frozen=True, slots=True)
class PastLimits:
    """rules/deadlines.yaml `past_limits`: which limits told before the document's date are still limits."""

    rules: frozenset[str]
    before: regex.Pattern[str]
    done: regex.Pattern[str]
    examples: tuple[str, ...]
    must_not_match: tuple[str, ...]


@cached
def past_limits() -> PastLimits:
    raw = _read_yaml("deadlines.yaml").get("past_limits") or {}
    _check_keys("deadlines.yaml", "past_limits", raw, {"rules", "before", "done", "examples", "must_not_match"})
    return PastLimits(
        frozenset(str(r) for r in raw.get("rules", ()) or ()),
        _compile("deadlines.yaml", "past_limits", raw.get("before", "(?!)")),
        _compile("deadlines.yaml", "past_limits", raw.get("done", "(?!)")),
        tuple(raw.get("examples", ()) or ()),
        tuple(raw.get("must_not_match", ()) or ()),
    )


@cached
def festivals() -> dict[str, tuple[str, str]]:
    """rules/deadlines.yaml `festivals` (name -> (calendar, value)) with `festival_names` standing for them."""
    data = _read_yaml("deadlines.yaml")
    out: dict[str, tuple[str, str]] = {}
    for name, spec in (data.get("festivals") or {}).items():
        (calendar, value), = dict(spec).items()
        if calendar not in ("solar", "lunar", "term"):
            raise RuleError(f"rules/deadlines.yaml: festival {name!r}: calendar {calendar!r} is not solar, lunar or term")
        out[str(name)] = (str(calendar), str(value))
    for alias, name in (data.get("festival_names") or {}).items():
        if name not in out:
            raise RuleError(f"rules/deadlines.yaml: festival_names {alias!r} stands for {name!r}, which festivals lacks")
        out[str(alias)] = out[str(name)]
    return out


@cached
def frequencies() -> dict[str, str]:
    return dict(_read_yaml("deadlines.yaml").get("frequencies", {}))


@cached
def page_number_rules() -> tuple[PatternRule, ...]:
    """Page numbers that PDF readers remove as page furniture (rules/pdf.yaml)."""
    return _pattern_rules("pdf.yaml", "page_numbers")


@dataclass(frozen=True, slots=True)
class OcrFix:
    rule: PatternRule
    replace: str
    examples: tuple[tuple[str, str], ...]

    def apply(self, text: str) -> str:
        return self.rule.pattern.sub(self.replace, text)


@cached
def not_document_suffixes() -> tuple[str, ...]:
    """rules/references.yaml: title endings of forms and certificates, which are no cited documents."""
    data = _read_yaml("references.yaml")
    _check_keys("references.yaml", "<top>", data, {"not_document", "examples"})
    return tuple(sorted((str(x) for x in data.get("not_document", []) or []), key=len, reverse=True))


@cached
def radical_map() -> dict[str, str]:
    """rules/radicals.yaml: CJK Radicals Supplement code points -> the ordinary character."""
    data = _read_yaml("radicals.yaml")
    _check_keys("radicals.yaml", "<top>", data, {"map", "examples"})
    out = {str(k): str(v) for k, v in (data.get("map") or {}).items()}
    for k, v in out.items():
        if len(k) != 1 or not 0x2E80 <= ord(k) <= 0x2EFF or len(v) != 1:
            raise RuleError(f"rules/radicals.yaml: {k!r} -> {v!r} is not one radical to one character")
    return out


@cached
def ocr_fix_rules() -> tuple[OcrFix, ...]:
    """Corrections of OCR confusions (rules/pdf.yaml `ocr_fixes`); each example pair is checked on load."""
    data = _read_yaml("pdf.yaml")
    raw = {str(r.get("id")): r for r in data.get("ocr_fixes", []) or []}
    out = []
    for r in _pattern_rules("pdf.yaml", "ocr_fixes", extra_keys={"replace"}):
        spec = raw[r.id]
        if "replace" not in spec:
            raise RuleError(f"rules/pdf.yaml: OCR fix {r.id!r} has no replace")
        pairs = tuple((str(a), str(b)) for a, b in (spec.get("examples") or ()))
        fix = OcrFix(PatternRule(r.id, r.pattern, r.source, must_not_match=r.must_not_match), str(spec["replace"]), pairs)
        for before, after in pairs:
            if fix.apply(before) != after:
                raise RuleError(f"rules/pdf.yaml: OCR fix {r.id!r} turns {before!r} into {fix.apply(before)!r}, not {after!r}")
        out.append(fix)
    return tuple(out)


@cached
def element_rules() -> dict[str, PatternRule]:
    return {r.id: r for r in _pattern_rules("elements.yaml", "patterns")}


@cached
def word_rules() -> dict[str, PatternRule]:
    """The shared word lists of rules/words.yaml, by id: word_rules()["org_suffix"].pattern."""
    return {r.id: r for r in _pattern_rules("words.yaml", "patterns", extra_keys={"words"})}


def words(rule_id: str) -> regex.Pattern[str]:
    """One word-list pattern of rules/words.yaml."""
    return word_rules()[rule_id].pattern


def alternation(*rule_ids: str) -> str:
    """The words of word-list rules as one regex alternation, longest first: to build a bigger pattern."""
    found = sorted({w for rid in rule_ids for w in word_rules()[rid].words}, key=len, reverse=True)
    return "|".join(regex.escape(w) for w in found)


@cached
def taiwan_words() -> dict[str, str]:
    """rules/taiwan.yaml: Taiwan-phrased words (as a page converted with s2twp prints them) -> the mainland word."""
    data = _read_yaml("taiwan.yaml")
    words = data.get("words")
    if not isinstance(words, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in words.items()):
        raise RuleError("rules/taiwan.yaml: 'words' must map each Taiwan-phrased word to its mainland word")
    return dict(words)


@cached
def taiwan_examples() -> list[tuple[str, str]]:
    """rules/taiwan.yaml examples: (as printed, as normalised)."""
    return [(str(a), str(b)) for a, b in _read_yaml("taiwan.yaml").get("examples", [])]


@cached
def header_labels() -> dict[str, dict[str, str]]:
    """Spreadsheet header labels by language (rules/headers.yaml): header_labels()["zh"]["doc_number"] == "发文字号"."""
    data = _read_yaml("headers.yaml")
    return {str(lang): {str(k): str(v) for k, v in (names or {}).items()} for lang, names in data.items()}


@cached
def validity_rules() -> tuple[PatternRule, ...]:
    return _pattern_rules("elements.yaml", "validity")


@cached
def coordinated_heads() -> frozenset[str]:
    return frozenset(str(w) for w in _read_yaml("elements.yaml").get("coordinated_heads", []))


@cached
def export_labels() -> dict[str, str]:
    return {str(k): str(v) for k, v in (_read_yaml("elements.yaml").get("export_labels") or {}).items()}


@cached
def doc_types() -> tuple[str, ...]:
    types = _read_yaml("elements.yaml").get("doc_types", [])
    return tuple(sorted((str(t) for t in types), key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class UnitLexicon:
    generic_type: str
    generic: tuple[str, ...]
    departments: tuple[tuple[str, str], ...]  # (keyword, unit_type)
    government_type: str
    government: tuple[str, ...]
    level_prefixes: tuple[str, ...]
    keep_together: tuple[str, ...]
    examples: tuple[tuple[str, str], ...]


@cached
def unit_lexicon() -> UnitLexicon:
    data = _read_yaml("units.yaml")
    _check_keys("units.yaml", "<top>", data, {"generic", "departments", "government", "level_prefixes", "keep_together", "examples"})
    depts: list[tuple[str, str]] = []
    for utype, words in (data.get("departments") or {}).items():
        if not isinstance(words, list) or not words:
            raise RuleError(f"rules/units.yaml: department {utype!r} needs a non-empty keyword list")
        depts.extend((str(w), str(utype)) for w in words)
    return UnitLexicon(
        generic_type=str(data["generic"]["unit_type"]),
        generic=tuple(data["generic"]["keywords"]),
        departments=tuple(depts),
        government_type=str(data["government"]["unit_type"]),
        government=tuple(data["government"]["keywords"]),
        level_prefixes=tuple(sorted(data.get("level_prefixes", []), key=len, reverse=True)),
        keep_together=tuple(data.get("keep_together", [])),
        examples=tuple((str(k), str(v)) for k, v in (data.get("examples") or {}).items()),
    )


@dataclass(frozen=True, slots=True)
class Taxonomy:
    id: str
    context: tuple[str, ...]
    min_distinct: int
    variants: tuple[tuple[str, str], ...]  # (mention, canonical), longest mention first
    canonical: tuple[str, ...]
    examples: tuple[Mapping[str, Any], ...]


@cached
def taxonomies() -> tuple[Taxonomy, ...]:
    """The shipped taxonomies (rules/domains.yaml), then the analyst's codebooks (--taxonomy FILE)."""
    out = list(_taxonomies_of("domains.yaml", _read_yaml("domains.yaml")))
    for book in active().codebooks:
        out.extend(_taxonomies_of(str(book), _read_yaml(book)))
    ids = [t.id for t in out]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise RuleError(f"taxonomy id(s) {dup} defined twice (rules/domains.yaml and --taxonomy files must use distinct ids)")
    return tuple(out)


def _taxonomies_of(file: str, data: Mapping[str, Any]) -> list[Taxonomy]:
    out = []
    for raw in data.get("taxonomies", []) or []:
        tid = str(raw.get("id", "?"))
        _check_keys(file, tid, raw, {"id", "context", "min_distinct", "domains", "examples"})
        if not isinstance(raw.get("domains"), dict) or not raw["domains"]:
            raise RuleError(f"{file}: taxonomy {tid!r} needs a mapping of domains (code: [terms…])")
        pairs = [(str(v), str(canon)) for canon, vs in raw["domains"].items() for v in (vs or [canon])]
        pairs.sort(key=lambda p: len(p[0]), reverse=True)
        out.append(
            Taxonomy(
                id=tid,
                context=tuple(raw.get("context", []) or []),
                min_distinct=int(raw.get("min_distinct", 1)),
                variants=tuple(pairs),
                canonical=tuple(str(c) for c in raw["domains"]),
                examples=tuple(raw.get("examples", []) or []),
            )
        )
    if not out:
        raise RuleError(f"{file}: no taxonomies (expected a 'taxonomies:' list as in rules/domains.yaml)")
    return out


@dataclass(frozen=True, slots=True)
class Place:
    adcode: str
    name: str
    level: str  # province | city | county
    province: str
    city: str


@cached
def places() -> tuple[Place, ...]:
    path = active().folder / "places.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return tuple(Place(r["adcode"], r["name"], r["level"], r["province"], r["city"]) for r in rows)


@dataclass(frozen=True, slots=True)
class AgencyPrefixes:
    national: tuple[str, ...]
    provinces: tuple[tuple[str, str], ...]
    cities: tuple[tuple[str, str], ...]
    examples: tuple[tuple[str, str], ...]
    place_short_names: tuple[tuple[str, str], ...] = ()  # (短称, full gazetteer name): 恩施州 -> 恩施土家族苗族自治州
    issuer_examples: tuple[tuple[str, str], ...] = ()  # (issuer, "province/city/county/admin_level")
    new_areas: tuple[tuple[str, str], ...] = ()  # (国家级新区, its province): 雄安新区 -> 河北省


@cached
def agency_prefixes() -> AgencyPrefixes:
    data = _read_yaml("agency_prefixes.yaml")
    _check_keys("agency_prefixes.yaml", "<top>", data, {"national", "provinces", "cities", "examples", "place_short_names", "issuer_examples", "new_areas"})

    def pairs(d: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
        return tuple(sorted(((str(k), str(v)) for k, v in d.items()), key=lambda p: len(p[0]), reverse=True))

    return AgencyPrefixes(
        national=tuple(data.get("national", [])),
        provinces=pairs(data.get("provinces", {})),
        cities=pairs(data.get("cities", {})),
        examples=tuple((str(k), str(v)) for k, v in (data.get("examples") or {}).items()),
        place_short_names=tuple((str(k), str(v)) for k, v in (data.get("place_short_names") or {}).items()),
        issuer_examples=tuple((str(k), str(v)) for k, v in (data.get("issuer_examples") or {}).items()),
        new_areas=tuple((str(k), str(v)) for k, v in (data.get("new_areas") or {}).items()),
    )


@dataclass(frozen=True, slots=True)
class TableColumns:
    aliases: tuple[tuple[str, str], ...]  # (alias, role), longest alias first
    fill_down: frozenset[str]
    examples: tuple[tuple[str, str], ...]

    def role(self, header: str) -> str:
        """The role of a header cell: '责任单位' -> 'units'; '' when none applies."""
        h = _SPACES.sub("", header)
        for alias, role in self.aliases:
            if h == alias:
                return role
        for alias, role in self.aliases:
            if alias in h:
                return role
        return ""


@cached
def table_columns() -> TableColumns:
    data = _read_yaml("tables.yaml")
    _check_keys("tables.yaml", "<top>", data, {"columns", "fill_down", "examples", "cell_kinds"})
    pairs = [(str(a), str(role)) for role, aliases in data["columns"].items() for a in aliases]
    pairs.sort(key=lambda p: len(p[0]), reverse=True)
    unknown = set(data.get("fill_down", [])) - set(data["columns"])
    if unknown:
        raise RuleError(f"rules/tables.yaml: fill_down names unknown roles {sorted(unknown)}")
    return TableColumns(
        aliases=tuple(pairs),
        fill_down=frozenset(data.get("fill_down", [])),
        examples=tuple((str(k), str(v)) for k, v in (data.get("examples") or {}).items()),
    )


@dataclass(frozen=True, slots=True)
class CellKind:
    """rules/tables.yaml `cell_kinds`: what a cell of some column holds (a time limit, a unit's name)."""

    id: str
    pattern: regex.Pattern[str]
    examples: tuple[str, ...]
    must_not_match: tuple[str, ...]


@cached
def cell_kinds() -> dict[str, CellKind]:
    out = {}
    for kid, raw in (_read_yaml("tables.yaml").get("cell_kinds") or {}).items():
        _check_keys("tables.yaml", str(kid), raw, {"pattern", "examples", "must_not_match"})
        out[str(kid)] = CellKind(
            str(kid), _compile("tables.yaml", str(kid), raw["pattern"]), tuple(raw.get("examples", ()) or ()), tuple(raw.get("must_not_match", ()) or ())
        )
    return out


def header_roles(header: Sequence[str]) -> tuple[str, ...]:
    """Each header cell's role (rules/tables.yaml columns). In a header with no units column, a second column of
    leads named as carrying the task out ("牵头部门 | 主责单位", cell_kinds carrying_lead) is the units' column."""
    cols = table_columns()
    roles = [cols.role(h) for h in header]
    if "lead" in roles and "units" not in roles:
        carrying = cell_kinds()["carrying_lead"].pattern
        first = roles.index("lead")
        j = next((j for j in range(first + 1, len(roles)) if roles[j] == "lead" and carrying.search(header[j])), None)
        if j is not None:
            roles[j] = "units"
    return tuple(roles)


@dataclass(frozen=True, slots=True)
class TopicClass:
    id: str
    keywords: tuple[str, ...]
    must_match: tuple[str, ...]
    must_not_match: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Topics:
    classes: tuple[TopicClass, ...]
    title_weight: int
    body_cap: int
    min_score: int
    fallback: str
    # a class its title names wins over classes found in the body only (a 旅游条例's 发展规划 and 价格 do not
    # make it economic management)
    title_first: bool
    # keyword -> ((longer word holding it, where the keyword starts in that word), ...): 民政 inside 人民政府
    false_friends: Mapping[str, tuple[tuple[str, int], ...]]


@cached
def topics() -> Topics:
    """gov.cn 主题分类 keyword rules (rules/topics.yaml)."""
    data = _read_yaml("topics.yaml")
    _check_keys("topics.yaml", "<top>", data, {"classes", "title_weight", "body_cap", "min_score", "fallback", "false_friends", "title_first"})
    out: list[TopicClass] = []
    seen: set[str] = set()
    for raw in data.get("classes") or []:
        cid = str(raw.get("id", "?"))
        _check_keys("topics.yaml", cid, raw, {"id", "keywords", "must_match", "must_not_match"})
        if cid in seen:
            raise RuleError(f"rules/topics.yaml: class {cid!r} appears twice")
        seen.add(cid)
        out.append(
            TopicClass(
                id=cid,
                keywords=tuple(str(k) for k in raw.get("keywords") or ()),
                must_match=tuple(str(k) for k in raw.get("must_match") or ()),
                must_not_match=tuple(str(k) for k in raw.get("must_not_match") or ()),
            )
        )
    fallback = str(data.get("fallback", "其他"))
    if fallback not in seen:
        raise RuleError(f"rules/topics.yaml: fallback class {fallback!r} is not one of the classes")
    keywords = {k for c in out for k in c.keywords}
    friends: dict[str, tuple[tuple[str, int], ...]] = {}
    for key, words in (data.get("false_friends") or {}).items():
        key = str(key)
        if key not in keywords:
            raise RuleError(f"rules/topics.yaml: false_friends names {key!r}, which is no class's keyword")
        spots = []
        for word in map(str, words or ()):
            at = [i for i in range(len(word)) if word.startswith(key, i)]
            if not at or word == key:
                raise RuleError(f"rules/topics.yaml: false friend {word!r} of {key!r} must be a longer word holding it")
            spots += [(word, i) for i in at]
        friends[key] = tuple(spots)
    return Topics(
        tuple(out), int(data.get("title_weight", 5)), int(data.get("body_cap", 8)), int(data.get("min_score", 4)), fallback,
        bool(data.get("title_first", False)), friends,
    )


@dataclass(frozen=True, slots=True)
class HtmlRules:
    labels: tuple[tuple[str, str], ...]  # (label as written without spaces/colon, metadata key)
    date_keys: frozenset[str]
    meta_tags: tuple[tuple[str, str], ...]  # (<meta name>, metadata key)
    chrome: PatternRule
    repost_prefix: PatternRule
    part_label: PatternRule
    glued_page_number: PatternRule
    site_note: PatternRule
    field: regex.Pattern[str]  # a label, its colon and the spaces around: where each field of a line starts
    # (or a label in 【】, a law database's "【制定机关】…", where its characters may be spaced: "【字 号】")
    labels_in_brackets: tuple[tuple[str, str], ...] = ()  # labels read only inside 【】 ("字号" alone is font size)
    json_content: tuple[str, ...] = ()  # a data API's field names holding the notice's text (lower case, no _ or -)
    json_fields: tuple[tuple[str, str], ...] = ()  # (field name so folded, metadata key)
    counter_labels: frozenset[str] = frozenset()  # a page's view counters: their value is a number or nothing

@cached
def html_rules() -> HtmlRules:
    """rules/html.yaml: a web page's metadata labels and the page chrome left inside article containers."""
    data = _read_yaml("html.yaml")
    _check_keys("html.yaml", "<top>", data, {"metadata_labels", "bracketed_labels", "date_keys", "meta_tags", "json_content", "json_fields", "counter_labels", "patterns"})
    labels = [(_SPACES.sub("", str(a)), str(key)) for key, aliases in data["metadata_labels"].items() for a in aliases]
    labels.sort(key=lambda p: len(p[0]), reverse=True)
    alt = "|".join(regex.escape(a) for a, _ in labels)
    keys = set(data["metadata_labels"])
    bracketed = [(_SPACES.sub("", str(a)), str(key)) for key, aliases in (data.get("bracketed_labels") or {}).items() for a in aliases]
    unknown = {key for _, key in bracketed} - keys
    if unknown:
        raise RuleError(f"rules/html.yaml: bracketed_labels {sorted(unknown)} are not metadata_labels keys")
    spaced = "|".join(
        r"\s*".join(regex.escape(ch) for ch in a) for a in sorted({a for a, _ in labels + bracketed}, key=len, reverse=True)
    )
    json_fields = [(fold_field(a), str(key)) for key, aliases in (data.get("json_fields") or {}).items() for a in aliases]
    for name in list(data.get("date_keys", [])) + list((data.get("meta_tags") or {}).values()) + [k for _, k in json_fields]:
        if name not in keys:
            raise RuleError(f"rules/html.yaml: {name!r} is not a metadata_labels key")
    counters = frozenset(_SPACES.sub("", str(a)) for a in data.get("counter_labels") or [])
    if counters - {a for a, _ in labels}:
        raise RuleError(f"rules/html.yaml: counter_labels {sorted(counters - {a for a, _ in labels})} are not metadata labels")
    pats = {r.id: r for r in _pattern_rules("html.yaml", "patterns")}
    missing = {"page_chrome", "repost_prefix", "part_label", "glued_page_number", "site_note"} - set(pats)
    if missing:
        raise RuleError(f"rules/html.yaml: missing pattern(s) {sorted(missing)}")
    return HtmlRules(
        labels=tuple(labels),
        date_keys=frozenset(data.get("date_keys", [])),
        meta_tags=tuple((str(k), str(v)) for k, v in (data.get("meta_tags") or {}).items()),
        chrome=pats["page_chrome"],
        repost_prefix=pats["repost_prefix"],
        part_label=pats["part_label"],
        glued_page_number=pats["glued_page_number"],
        site_note=pats["site_note"],
        # "文号：…", or a table copied with its bars and no colons ("文号 | 鹿山政〔2020〕72号 |")
        field=regex.compile(r"(?:【\s*(?P<label>" + spaced + r")\s*】|(?P<label>" + alt + r")\s*(?:[：:]|(?=[|｜])))\s*"),
        labels_in_brackets=tuple(bracketed),
        json_content=tuple(fold_field(a) for a in data.get("json_content") or []),
        json_fields=tuple(json_fields),
        counter_labels=counters,
    )


def fold_field(name: object) -> str:
    """A data API's field name as rules/html.yaml lists it: lower case, without '_' and '-'. 'file_Num' -> 'filenum'"""
    return str(name).lower().replace("_", "").replace("-", "")
