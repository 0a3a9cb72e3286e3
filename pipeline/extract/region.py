"""Region and administrative level of the issuing body: the gazetteer (rules/places.tsv) on the issuer's
name, then the 机关代字 prefixes (rules/agency_prefixes.yaml: 豫 -> 河南省)."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .. import rules

_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
# a ministry (农业农村部, 工业和信息化部办公厅) or a 总局/总署 named without a place is national; 铁岭市委宣传部
# names its city and is not
_SHORT_SUFFIX = regex.compile(r"(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$")
_TOWNSHIP_BODY = regex.compile(r"[乡镇]人民政府|[乡镇]政府|街道办事处|[乡镇]党委|街道党工委")
_LEVEL_LEAD = regex.compile(r"^(?:(省)(?!略)|(市)(?!场)|([县区旗]))")  # 省委宣传部; not 省略, 市场


@dataclass(frozen=True, slots=True)
class Region:
    province: str = ""
    city: str = ""
    county: str = ""
    admin_level: str = ""


@rules.cached
def _index() -> dict[str, list[rules.Place]]:
    idx: dict[str, list[rules.Place]] = {}
    for p in rules.places():
        idx.setdefault(p.name, []).append(p)
        if p.level in ("province", "city"):
            short = _SHORT_SUFFIX.sub("", p.name)
            if len(short) >= 2 and short != p.name:
                idx.setdefault(short, []).append(p)
        elif p.level == "county" and (m := rules.words("autonomous_county").match(p.name)) is not None:
            idx.setdefault(m.group("stem") + m.group("kind"), []).append(p)  # 宁洱县 for 宁洱哈尼族彝族自治县
    by_name = {p.name: p for p in rules.places() if p.level == "city"}
    for short, full in rules.agency_prefixes().place_short_names:
        if full in by_name:
            idx.setdefault(short, []).append(by_name[full])
    return idx


@rules.cached
def _name_lengths() -> tuple[int, int]:
    lengths = [len(name) for name in _index()]
    return min(lengths), max(lengths)


def _city_spelled_out(agency: str) -> rules.Place | None:
    """The city an agency spells out by name before its 机关代字 (六盘水府办发, 张家界政发): the longest name at
    the start that the gazetteer gives one city and no province (吉林 is both: its one-character 吉 decides)."""
    shortest, longest = _name_lengths()
    for ln in range(min(longest, len(agency) - 1), max(shortest, 2) - 1, -1):
        places = _index().get(agency[:ln], [])
        cities = [p for p in places if p.level == "city"]
        if len(cities) == 1 and len(places) == 1:
            return cities[0]
        if places:
            return None
    return None


@rules.cached
def _municipality_short_names() -> tuple[str, ...]:
    """The short names of the municipalities directly under the State Council (上海 for 上海市): a local
    regulation's title may open with one (上海港口条例)."""
    return tuple(p.name.removesuffix("市") for p in rules.places() if p.level == "province" and p.name.endswith("市"))


def opens_with_a_municipality(text: str) -> bool:
    """'上海港口条例' -> True; '上海市…' too (the full name starts with the short one)."""
    return text.startswith(_municipality_short_names())


def is_place_name(text: str) -> bool:
    """A place's name alone, full or short (北京市, 沈阳, 广西壮族自治区), as the gazetteer knows it."""
    return text in _index()


def _find_places(text: str) -> list[rules.Place]:
    idx = _index()
    shortest, longest = _name_lengths()
    first_at: dict[str, int] = {}  # each name's first occurrence, as text.find gives it
    for i in range(len(text)):  # the text's substrings, not the gazetteer's thousands of names
        for ln in range(shortest, min(longest, len(text) - i) + 1):
            name = text[i : i + ln]
            if name in idx and name not in first_at:
                first_at[name] = i
    found = [(pos, len(name), p) for name, pos in first_at.items() for p in idx[name]]
    # keep the longest name at each position, and drop names inside a longer one
    found.sort(key=lambda f: (f[0], -f[1]))
    out: list[rules.Place] = []
    covered_to = -1
    for pos, ln, p in found:
        if pos < covered_to and pos + ln <= covered_to:
            if out and out[-1].name == p.name:
                out.append(p)
            continue
        covered_to = max(covered_to, pos + ln)
        out.append(p)
    return out


_COUNTY_ENDS = ("区", "县", "旗")  # county-level names; a 市 may be a city or a county-level city


def _abbreviated_city(agency: str) -> rules.Place | None:
    """The city a 机关代字 names by its abbreviation (rules/agency_prefixes.yaml: 铁 -> 铁岭市)."""
    for abbr, city in rules.agency_prefixes().cities:
        if agency.startswith(abbr):
            found = next((p for p in _index().get(city, []) if p.level == "city"), None)
            if found is not None:
                return found
    return None


def _agency_city(agency: str) -> rules.Place | None:
    """The city a 机关代字 names, spelled out (六盘水府办发) or by its abbreviation."""
    return (_city_spelled_out(agency) or _abbreviated_city(agency)) if agency else None


def infer_region(issuer: str, agency: str = "") -> Region:
    """Region of an issuer. '铁岭市政务公开领导小组' -> Region('辽宁省', '铁岭市', '', 'municipal')"""
    first = issuer.split("；")[0] if issuer else ""
    if first and rules.words("national_issuer").search(first):
        return Region(admin_level="national")
    named_area = next(((name, prov) for name, prov in rules.agency_prefixes().new_areas if name in first), None)
    # a place's name inside the area's is no place of its own (白山 in 长白山保护开发区)
    places = _find_places(first.replace(named_area[0], "\u3000") if named_area is not None else first)
    if first and not places and named_area is None and (rules.words("national_body").search(first) or rules.words("party_central").match(first)):
        return Region(admin_level="national")
    provinces = {p.name for p in places if p.level == "province"}
    area = named_area[1] if named_area is not None else None
    if area is not None and (not provinces or provinces == {area}) and not any(p.level in ("city", "county") for p in places):
        return Region(area, "", "", "municipal")  # 河北雄安新区管理委员会: a 国家级新区 of the province
    cities = [p for p in places if p.level == "city" and (not provinces or p.province in provinces)]
    counties = [p for p in places if p.level == "county" and (not cities or p.city in {c.name for c in cities}) and (not provinces or p.province in provinces)]
    township = bool(_TOWNSHIP_BODY.search(first))
    if counties and (len({c.adcode for c in counties}) == 1 or cities):
        c = counties[0]
        return Region(c.province, c.city, c.name, "township" if township else "county")
    if cities:
        c = cities[0]
        return Region(c.province, c.name, "", "municipal")
    named = [c for c in counties if c.name in first and c.name.endswith(_COUNTY_ENDS)]
    if named:
        # a county name several places share (新华区: 石家庄, 沧州, 平顶山): the 机关代字's city picks one; else the
        # place stays unknown but the level is a county's (a 区, 县 or 旗 has no other), and a province they share
        agency_city = _agency_city(agency)
        picked = {c.adcode: c for c in named if agency_city is not None and c.city == agency_city.name}
        if len(picked) == 1:
            c = next(iter(picked.values()))
            return Region(c.province, c.city, c.name, "township" if township else "county")
        shared = {c.province for c in named}
        return Region(shared.pop() if len(shared) == 1 else "", "", "", "township" if township else "county")
    if provinces:
        prov = sorted(provinces)[0]
        return Region(prov, "", "", "provincial")
    if township:
        # a township's own body named without its county (泉上镇人民政府): the level is known, not the place, and
        # its 机关代字 abbreviates the township (泉政 is 泉上镇's, not 泉州市's)
        return Region(admin_level="township")
    pre = rules.agency_prefixes()
    if agency:
        if any(agency.startswith(n) for n in pre.national):
            return Region(admin_level="national")
        spelled = _city_spelled_out(agency)
        if spelled is not None:
            return Region(spelled.province, spelled.name, "", "municipal")
        for abbr, prov in pre.provinces:
            if agency.startswith(abbr):
                return Region(prov, "", "", "provincial")
        found = _abbreviated_city(agency)
        if found is not None:
            return Region(found.province, found.name, "", "municipal")
    level = _LEVEL_LEAD.match(first)
    if level:
        # a body named by its level alone (省委宣传部, 市政府办公室): the level is known, not the place
        return Region(admin_level="provincial" if level.group(1) else "municipal" if level.group(2) else "county")
    return Region()
