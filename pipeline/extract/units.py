"""Responsible units: split a 责任单位 list into units, and type each unit (rules/units.yaml)."""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from .. import rules
from ..orgnames import looks_like_org
from .region import is_place_name

_SEPARATORS = "，,、；;"


def split_top(text: str, seps: str) -> list[str]:
    """Split on separators outside parentheses. '各县（市、区）政府，市财政局' -> ['各县（市、区）政府', '市财政局'];
    inside （） a nested pair is written 〔〕 (GB/T 9704 style): '各县〔市、区〕人民政府' is one unit too."""
    if "（" not in text and "(" not in text and "〔" not in text:
        parts = _separators(seps).split(text)  # no bracket: every separator splits (one C call, no loop)
        return [p.strip().strip("。.").strip() for p in parts if p.strip().strip("。.").strip()]
    parts = []
    depth = 0
    cur: list[str] = []
    for ch in text:
        if ch in "（(〔":
            depth += 1
        elif ch in "）)〕":
            depth = max(0, depth - 1)
        if ch in seps and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip().strip("。.").strip() for p in parts if p.strip().strip("。.").strip()]


@lru_cache(maxsize=32)
def _separators(seps: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(seps) + "]")


# "列第一位者为牵头单位，下同": a note on how to read the list, not a unit
LEAD_FIRST = r"(?:(?:列|排)(?:在|名)?(?:第一位|首位|第一)|第一个)(?:者|的)?(?:责任)?(?:部门|单位)?(?:为|是)牵头(?:或汇总)?(?:单位|部门)"  # also in tags' patterns
LEAD_FIRST_NOTE = regex.compile(LEAD_FIRST)
# the note may be bracketed after the last unit: "A、B（除标注“分别牵头”外，列第一位为牵头或汇总单位，下同）"
LIST_NOTE = regex.compile(rf"[（(][^（）()]{{0,30}}?{LEAD_FIRST}[^（）()]{{0,10}}[）)]|[，,；;]?\s*{LEAD_FIRST}(?:[，,；;]\s*下同)?|[，,；;]\s*下同")
# "A、B分别牵头": each of the units leads its own part; the words are no part of the last unit's name
_EACH_LEADS = regex.compile(r"(?:分别|各自)(?:牵头|负责)$")


def _strip_role_label(text: str) -> str:
    text = _EACH_LEADS.sub("", LIST_NOTE.sub("", text.strip()))
    return _role_label().sub("", text.strip())


@rules.cached
def _role_label() -> regex.Pattern[str]:
    return regex.compile(rf"^(?:{rules.alternation('lead_label', 'co_label', 'responsible_label')})[：:]")


_OWN_PLACE = regex.compile(r"\p{Han}{2,}(?:省|市|县|区|州|盟|旗)")


@rules.cached
def _department_words() -> tuple[str, ...]:
    return tuple(sorted({w for w, _ in rules.unit_lexicon().departments}, key=len, reverse=True))


def _opens_with_place(unit: str) -> bool:
    """上海金融监管局 opens with a place's short name: it names its own place, whatever its level; so does
    丰台运管分局, a county's name without its 区 (丰台区)."""
    return any(is_place_name(unit[:k]) or any(is_place_name(unit[:k] + end) for end in "区县") for k in range(2, min(len(unit), 6)))


def _inherit_prefix(units: list[str]) -> list[str]:
    """A bare department after a prefixed one takes its level prefix: 省市场监管局、药监局 -> 省药监局."""
    lex = rules.unit_lexicon()
    dept_words = _department_words()
    levels = tuple(lex.level_prefixes)
    out: list[str] = []
    for u in units:
        if out:
            prev = out[-1]
            # 市场监管总局 starts with a department word, not with the level prefix 市
            prefix = "" if prev.startswith(dept_words) else next((p for p in levels if prev.startswith(p)), "")
            # 人行铁岭市中心支行 names its own place: no prefix to inherit
            # a department the lexicon knows, or a short office name of no place (外经贸局, 地税局)
            if prefix and not u.startswith(levels) and not _OWN_PLACE.search(u) and (
                u.startswith(dept_words) or rules.words("bare_department").match(u) is not None and not _opens_with_place(u)
            ):
                u = prefix + u
        out.append(u)
    return out




# "A等和各有关省级人民政府", "A会同有关部门", "A等有关部门和单位": one item of a list naming two units
_JOINED = regex.compile(r"等?(?:会同)|等?(?:和|及|以及)(?=各|有关|其他|相关)|等(?=各|有关|其他|相关)")


def _split_joined(items: list[str]) -> list[str]:
    return [part for item in items for part in _JOINED.split(item) if part]


def _split_glued(items: list[str]) -> list[str]:
    """Units printed side by side with spaces, run together by normalisation ('市住建局市财政局各区人民政府'):
    cut where a unit ends and a level word starts the next (rules/words.yaml glued_unit_start), only when
    every piece is a unit ('市公安局交警支队' is one)."""
    cut = rules.words("glued_unit_start")
    out: list[str] = []
    for item in items:
        starts = [m.start() for m in cut.finditer(item)] if len(item) >= 6 else []
        pieces = [item[a:b] for a, b in zip([0, *starts], [*starts, len(item)])]
        if len(pieces) > 1 and all(unit_type(p) != rules.unit_lexicon().generic_type or looks_like_org(p) for p in pieces):
            out.extend(pieces)
        else:
            out.append(item)
    return out


def _join_office_kinds(items: list[str]) -> list[str]:
    """'市政府有关委、办、局' split on 、 gives 委 / 办 / 局 pieces: a lone office kind joins the item before it."""
    out: list[str] = []
    for item in items:
        if out and rules.words("office_kind").match(item):
            out[-1] = f"{out[-1]}、{item}"
        else:
            out.append(item)
    return out


# a unit named as the bodies directly under a level (区直各部门, 市直有关单位, 县属各单位, 市级各部门): whole
_DIRECTLY_UNDER = regex.compile(r"^各?[省市县区乡镇](?:直|属|级(?!市))")


_QUALIFIER = regex.compile(r"^(?:各|有关|相关|其他)")


def _join_levels(items: list[str]) -> list[str]:
    """'各市、县（市、区）人民政府' names the governments of both levels: an item that is only a level word
    (市, 县, 区…, rules/elements.yaml coordinated_heads; '相关市、县政府' too) shares the head of the item after
    it. Places named alone share the head of a place's unit after them ('哈尔滨、黑河、绥芬河市政府'); before
    any other unit they stay units of their own."""
    heads = rules.coordinated_heads()
    out: list[str] = []
    pending: list[str] = []
    places: list[str] = []
    for item in items:
        if is_place_name(item) and not pending:
            places.append(item)
            continue
        if places:
            if _opens_with_place(item):
                pending = places + pending
            else:
                out.extend(places)
            places = []
        if pending and _DIRECTLY_UNDER.match(item):
            out.extend(pending)  # "各街道、区直各部门": 区直各部门 is a whole unit, no head for 街道 to share
            pending = []
        pending.append(item)
        bare = _QUALIFIER.sub("", item)
        if bare in heads:
            continue
        out.append("、".join(pending))
        pending = []
    if pending:
        out.append("、".join(pending))
    out.extend(places)
    return out


# an empty table cell written as "/", "—" or "无" names no unit
_PLACEHOLDER = regex.compile(r"^[/／\\\-—–－无暂无]+$")


# "区水务局等部门" closing one group of a list that goes on ("…、区水务局等部门，区国投公司…配合"): the unit named
# is 区水务局; "等部门" only says the list is not closed
_ETC_TAIL = regex.compile(r"(?<=\p{Han}{2})等(?:有关|相关|其他)?(?:部门|单位|机构)?$")


# a line break inside a list of units, a name wrapped at the print's line end ("市发展改\n革委"): no break in a name
_BROKEN_NAME = regex.compile(r"(?<=\p{Han})[^\S\n]*\n\s*(?=\p{Han})")


def unit_groups(text: str) -> list[list[str]]:
    """The comma groups of a 责任单位 list, each a list of units. By convention the first group leads.

    '省市场监管局、药监局，各省辖市政府、济源示范区管委会' -> [['省市场监管局', '省药监局'], ['各省辖市政府', '济源示范区管委会']]"""
    lex = rules.unit_lexicon()
    text = _strip_role_label(_BROKEN_NAME.sub("", text))
    groups = []
    timing = rules.words("timing_clause")
    for g in split_top(text, "，,；;"):
        if timing.match(g.strip()):
            continue  # "…、市总工会，2023年6月底前完成": the time limit closing the list
        if any(k in g for k in lex.keep_together):
            groups.append([g])  # "X及其所属乡（镇）政府、街道办事处" names one unit
            continue
        items = _join_office_kinds(_split_glued(_split_joined([_ETC_TAIL.sub("", u) for u in split_top(g, "、") if not _PLACEHOLDER.match(u)])))
        groups.append(_inherit_prefix(_join_levels(items)))
    return [g for g in groups if g]


def split_units(text: str) -> list[str]:
    return [u for g in unit_groups(text) for u in g]


def unit_type(unit: str) -> str:
    """The function of a unit, the same at every level. '市自然资源局' -> '自然资源'"""
    return _unit_type(rules.active(), unit)


_GOVERNMENT_HEAD = regex.compile(r"^.{0,12}?(?:人民政府|政府)(?=.)(?!办$)")


@lru_cache(maxsize=4096)
def _unit_type(active: rules.Rules, unit: str) -> str:
    lex = rules.unit_lexicon()  # of `active`, the key that keeps one cache per rules folder
    if any(k in unit for k in lex.generic):
        return lex.generic_type
    # set aside a leading "<place>政府" so 省政府办公厅 is typed by 办公厅
    # ("县政府办" is the government's office itself: 政府办 is kept whole)
    m = _GOVERNMENT_HEAD.match(unit)
    # 人民政府 holds 民政: "市人民政府" and "各县（市、区）人民政府" are governments, not civil-affairs bureaus
    rest = (unit[m.end() :] if m else unit).replace("人民政府", "政府")
    best: tuple[int, int, str] | None = None
    for word, utype in lex.departments:
        pos = rest.find(word)
        if pos != -1:
            key = (pos, -len(word), utype)
            if best is None or key < best:
                best = key
    if best is not None:
        return best[2]
    if any(k in unit for k in lex.government):
        return lex.government_type
    return lex.generic_type
