"""Organisation names, shared by the layout (a 署名 line is not joined to the body) and the structure
finders (署名, 发文机关标志) and the unit extractor: one place that decides what an organisation's name
looks like (its end words are rules/words.yaml org_suffix)."""

from __future__ import annotations

from typing import Sequence

import regex

from . import rules

# a sentence's marks, and the brackets of a 文号's year (GB/T 9704 §7.2.3), which no organisation's name holds: a
# page that lost the 〕 and 号 of its 文号 runs it into the issuer ("献政字〔201722献县人民政府")
_PUNCT = regex.compile(r"[。，；：！？、〔〕]")
_PLACE_HEAD = regex.compile(r"^[\p{Han}]{2,8}?(?:自治区|自治州|省|市|县|区|盟|旗)")
_ITEM_SEPARATOR = regex.compile(r"[，,、；;]")
MAX_ORG_CHARS = 40  # the longest 署名 line taken for one organisation (GB/T 9704 §7.3.5 prints it on one line)


def looks_like_org(text: str) -> bool:
    """A line that is an organisation's name: short, no punctuation, ends like an organisation."""
    # "区人民政府办公室关于印发2020年区政府" (the first line of a title broken over three) ends like one, but no
    # organisation's name holds 关于
    # nor does one open with a number ("2020年11月9日最高人民法院审判委员会": a 题注 broken over lines)
    return 2 <= len(text) <= MAX_ORG_CHARS and not _PUNCT.search(text) and "关于" not in text and not text[:1].isdigit() and bool(rules.words("org_suffix").search(text))


_PARTY_PREFIXES = ("中共", "共青团", "中国共产党")


def split_orgs(text: str) -> list[tuple[int, int]]:
    """Offsets of the organisations in a 署名 line that names several side by side (their separating
    spaces are gone after normalisation): '广州市卫生健康委员会广州市财政局' -> two. An organisation starts
    where the first one's place name (广州市) repeats right after an organisation's suffix."""
    lead = next((len(p) for p in _PARTY_PREFIXES if text.startswith(p)), 0)
    m = _PLACE_HEAD.match(text[lead:])
    if not m:
        return _split_national(text)
    place = m.group(0)
    cuts = [0]
    suffix = rules.words("org_suffix")
    vertical = rules.words("vertical_head")
    for pos in _place_starts(text, place):
        # a party body names its place after 中共/共青团: '…发展和改革委员会中共成都市委社会工作部' cuts before 中共;
        # a national body's branch after its head: '…财政局国家税务总局上海市税务局' cuts before 国家税务总局
        before = text[cuts[-1] : pos]
        head = vertical.search(before)
        if head is not None:
            start = cuts[-1] + head.start()
        else:
            start = next((pos - len(p) for p in _PARTY_PREFIXES if text.endswith(p, 0, pos) and pos - len(p) > cuts[-1]), pos)
        if start > cuts[-1] and suffix.search(text[cuts[-1] : start]):
            cuts.append(start)
    if len(cuts) == 1:
        cuts += _department_cuts(text)
    return [(a, b) for a, b in zip(cuts, cuts[1:] + [len(text)])]


_DEPARTMENT_END = ("厅", "局", "委")


def _department_cuts(text: str) -> list[int]:
    """Where a department named without its place follows a whole organisation's name, as joint issuers share
    one place in a title ("内蒙古自治区交通运输厅 财政厅关于…", the space gone): the rest is exactly a department's
    keyword (rules/units.yaml) and 厅, 局 or 委 ("财政厅"); a body under the first ("公安厅交通管理局") is none."""
    if text[-1:] not in _DEPARTMENT_END:
        return []
    keywords = _department_keywords()
    suffix = rules.words("org_suffix")
    for pos in range(3, len(text) - 2):
        rest = text[pos:]
        if rest[:-1] in keywords and suffix.search(text[:pos]) and looks_like_org(text[:pos]):
            return [pos]
    return []


@rules.cached
def _department_keywords() -> frozenset[str]:
    return frozenset(word for word, _ in rules.unit_lexicon().departments)


def _place_starts(text: str, place: str) -> list[int]:
    """Where the first organisation's place comes again in `text`: in full (上海市…), or by its short name
    before a body that does not name the 市 ('上海市绿化和市容管理局上海海关': 上海海关 is one of the city's)."""
    starts = set(_find_all(text, place))
    short = place[:-1] if place.endswith(("省", "市")) and len(place) >= 3 else ""
    if short:
        starts |= {pos for pos in _find_all(text, short) if not text.startswith(place, pos) and looks_like_org(_to_next(text, pos, short))}
    return sorted(starts)


def _find_all(text: str, word: str) -> list[int]:
    out, pos = [], text.find(word, 1)
    while pos != -1:
        out.append(pos)
        pos = text.find(word, pos + 1)
    return out


def _to_next(text: str, pos: int, short: str) -> str:
    """The name that starts at `pos`: up to the next mention of the place, or the end."""
    nxt = text.find(short, pos + len(short))
    return text[pos : nxt if nxt != -1 else len(text)]


def _split_national(text: str) -> list[tuple[int, int]]:
    """Bodies without a place side by side ('最高人民法院最高人民检察院', '国家发展改革委国家能源局'): a new one
    starts where the first one's first two characters come again right after a whole organisation's name;
    else after a whole ministry whose next body is one too ('财政部国家税务总局', '教育部财政部', not
    '农业农村部农业机械化管理司': a department of the ministry)."""
    if len(text) < 6:
        return [(0, len(text))]  # two names of three characters at the least
    central = _central_cuts(text)
    if len(central) > 1:
        return [(a, b) for a, b in zip(central, central[1:] + [len(text)])]
    head = text[:2]
    cuts = [0]
    pos = text.find(head, 2)
    while pos != -1:
        # the part before is a whole name, and so is the rest, or another body follows it (three side by side)
        rest = text[pos:]
        department = rest.endswith("司") and not rest.endswith("公司")  # 农业农村部农业机械化管理司: one body
        if looks_like_org(text[cuts[-1] : pos]) and not department and (looks_like_org(rest) or text.find(head, pos + 2) != -1):
            cuts.append(pos)
        pos = text.find(head, pos + 2)
    if len(cuts) == 1:
        cuts = _ministry_cuts(text)
    return [(a, b) for a, b in zip(cuts, cuts[1:] + [len(text)])]


NATIONAL_HEAD = ("国家", "国务院", "中国", "最高人民", "全国")  # how the names of central bodies open
_OFFICE_OF = ("办公厅", "办公室")


def _central_cuts(text: str) -> list[int]:
    """Central bodies side by side ('中共中央国务院', '中共中央办公厅国务院办公厅'): a cut after each one that
    another of them follows. '国务院扶贫开发领导小组办公室' and '中共中央组织部' are one body each."""
    central = rules.words("central_body")
    cuts = [0]
    while (m := central.match(text[cuts[-1] :])) is not None and cuts[-1] + m.end() < len(text):
        end = cuts[-1] + m.end()
        if central.match(text[end:]) is None:
            return [0]
        cuts.append(end)
    return cuts


def _ministry_cuts(text: str) -> list[int]:
    ministry = rules.words("national_body")
    cuts = [0]
    pos = cuts[-1] + 3
    while pos <= len(text) - 3:
        rest, body = text[pos:], text[cuts[-1] : pos]
        if rest.startswith(_OFFICE_OF):
            pos += 1  # 教育部办公厅财政部办公厅: a ministry's office is part of its name, not the next body
            continue
        # two ministries' offices side by side, the second named without a ministry word (税务总局办公厅
        # 发展改革委办公厅, a joint masthead printed on one line)
        offices = body.endswith(_OFFICE_OF) and rest.endswith(_OFFICE_OF) and looks_like_org(body) and looks_like_org(rest)
        if (ministry.match(body) or offices) and (ministry.match(rest) or (offices or rest.startswith(NATIONAL_HEAD)) and looks_like_org(rest) or _ministry_cuts(rest) != [0]):
            cuts.append(pos)
            pos += 3
            continue
        pos += 1
    return cuts


def addressees(head: str) -> bool:
    """Whether a line ending in its colon names addressees (GB/T 9704 §7.3.2: 各…, an organisation's name, a
    collective such as 市直有关部门), not a label ("注意：", a page's "主题：", "征集状态：")."""
    if not rules.element_rules()["recipients"].pattern.match(head):
        return False
    last = _ITEM_SEPARATOR.split(head.rstrip("：:"))[-1]
    return head.startswith(("各", "有关")) or looks_like_org(last) or last.endswith(tuple(rules.unit_lexicon().generic))


@rules.cached
def _full_names() -> dict[str, tuple[str, ...]]:
    """Gazetteer names by their first character, longest first: a prefix test looks at a handful, not all."""
    out: dict[str, list[str]] = {}
    for name in sorted({p.name for p in rules.places() if len(p.name) >= 2}, key=len, reverse=True):
        out.setdefault(name[0], []).append(name)
    return {k: tuple(v) for k, v in out.items()}


def strip_leading_places(text: str) -> str:
    """The text without the place names it starts with: '山东省潍坊市物业管理条例' -> '物业管理条例'. Only
    full names from the gazetteer (潍坊市, not 潍坊), so a subject such as 自然保护区条例 keeps its words."""
    names = _full_names()
    changed = True
    while changed and text:
        changed = False
        for name in names.get(text[0], ()):
            if text.startswith(name) and len(text) > len(name):
                text, changed = text[len(name) :], True
                break
    return text


_PLACE_LEAD = regex.compile(r"^(?:[“\"][^”\"]{1,12}[”\"])?(?:中国共产党|中共)?")


def opens_with_a_place(text: str) -> bool:
    """Whether the text opens with a full place name, past a site's quoted column tag and the 中共 before a
    party body's place: '中共静安区委办公室…' and '“十四五”广东省…规划' do, '自然保护区条例' does not."""
    core = _PLACE_LEAD.sub("", text)
    return strip_leading_places(core) != core


_PART_MARK = regex.compile(
    r"[（(](?:[一二三四五六七八九十\d]{1,3}|试行|暂行|修订|修正|草案|送审稿|征求意见稿|代拟稿|节选|(?:19|20)\d{2}年(?:修订|修正|版)?"
    r"|\p{Han}{1,8}(?:行业|领域|部分|篇)"  # the part of a field it covers: …实施方案（发电行业）
    r"|(?:19|20)\d{2}\s*[—–\-－~～至]\s*(?:19|20)\d{2}年?"
    r"|(?:(?:19|20)\d{2}\s*年\s*)?第\s*(?:\d{1,4}|[一二三四五六七八九十百零〇]{1,6})\s*号"  # 公告（第7号）: its serial
    r"|(?:(?:19|20)\d{2}\s*年度?\s*)?第\s*(?:\d{1,4}|[一二三四五六七八九十百零〇]{1,6})\s*批次?)[)）]$"  # （2023年度第三批次）: a land batch
)


def without_part_mark(title: str) -> str:
    """A title without the part number of a title in several or the qualifier after its kind, to find its kind:
    '…分工方案（一）' -> '…分工方案', '…管理办法（试行）' -> '…管理办法', '…规划（2021—2025年）' -> '…规划',
    '…公告（第7号）' -> '…公告', '…预公告（2023年度第三批次）' -> '…预公告', '…实施方案（发电行业）' -> '…实施方案'."""
    return _PART_MARK.sub("", title)


def doc_type_of(title: str) -> str:
    """The document type a title (or a title's last line) ends with, or '': '…管理办法（试行）' -> '管理办法',
    '…分工方案（一）' -> '方案', '…的通知》' -> '通知'."""
    t = without_part_mark(title).rstrip("》”）")
    lengths, types = _doc_type_ends()
    # the longest type the title ends with: one set lookup per length, not an endswith per type (issue 14: a
    # short notice asks a few hundred times)
    return next((t[-n:] for n in lengths if len(t) >= n and t[-n:] in types), "")


@rules.cached
def _doc_type_ends() -> tuple[tuple[int, ...], frozenset[str]]:
    """The lengths of the document types, longest first, and the types."""
    types = rules.doc_types()
    return tuple(sorted({len(t) for t in types}, reverse=True)), frozenset(types)


# a line opening with an organisation's name and 关于: a title's first line ("安徽省人民政府关于实施…")
ORG_THEN_ABOUT = regex.compile(r"^(?P<org>[\p{Han}（）]{2,30}?)关于")


def title_text(lines: Sequence[str]) -> str:
    """A title's lines as one: joint issuers set one per line over its "关于…" keep the space the title prints
    between them (GB/T 9704 §7.3.1: "国家发展改革委 生态环境部关于…"); a single issuer over "关于…" joins it
    with none, and so do names inside a paragraph's later lines ("…张家" / "界市第七届人民代表大会" / "常务委员会…")."""

    def opens_with_org(text: str) -> bool:
        m = ORG_THEN_ABOUT.match(text)
        return looks_like_org(text) or (m is not None and looks_like_org(m.group("org")))

    out = list(lines)
    for i in range(len(lines) - 1):  # the issuers head the title: a run of whole names from its first line on
        if not looks_like_org(lines[i]) or not opens_with_org(lines[i + 1]):
            break
        out[i] += " "
    return "".join(out)
