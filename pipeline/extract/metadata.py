"""The documents row: GB/T 9704-2012 elements from the layout, with their evidence."""

from __future__ import annotations

import datetime as dt
import json
from typing import Iterator

import regex

from .. import rules
from ..docnumber import DocNumber, parse_doc_number
from ..model import DocumentRow, Line, NormDoc, Para, SourceDocument, Span
from ..orgnames import doc_type_of, looks_like_org, opens_with_a_place, split_orgs
from ..structure import Structure, title_status
from .dates import day_near, parse_date, to_int
from .region import Region, infer_region, is_place_name, opens_with_a_municipality
from .topic import classify, named_class
from .units import split_top

_ISO = regex.compile(r"^\s*((?:19|20)\d{2})(?:[-/.]| +)(\d{1,2})(?:[-/.]| +)(\d{1,2})")  # "2017 6 23": 年月日 lost
_TITLE_ORG = regex.compile(r"^(?P<org>[\p{Han}（）、]{2,120}?(?: (?!关于|印发|转发)[\p{Han}（）、]{2,60}?)*)(?:关于|印发|转发)")
_JOINT_APART = regex.compile("[、 ]")  # joint issuers in a title: "国务院、中央军委", "吉林省发展改革委 吉林省生态环境厅"
_TITLE_ORG_BEFORE_YEAR = regex.compile(r"^(?P<org>[\p{Han}（）]{4,40}?)(?=(?:19|20)\d{2}年)")
_TITLE_VERB = regex.compile(r"关于|印发|转发")
_FORWARDING_VERB = regex.compile(r"批转|转发|印发")
_FULL_DATE = regex.compile(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日")
# a 题注's publication event: its date, then no other date, then 公布/发布; the history's amendments start at 根据/修正
_PUBLICATION = regex.compile(r"((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)(?:(?!(?:19|20)\d{2}年)[^，。；])*?(?:公布|发布)")
_AMENDED = regex.compile(r"根据|修正|修订|修改")
_PRC_BEFORE_A_NATIONAL_BODY = regex.compile(r"(?:^|(?<=、))中华人民共和国(?!主席)(?=\p{Han}{2})")  # 中华人民共和国公安部; not the President
_ORDER_SERIAL = regex.compile(r"令第\s*(\d+)\s*号")
# a court's or procuratorate's committee adopts its interpretations for it (最高人民检察院检察委员会 -> 最高人民检察院)
_COURT_COMMITTEE = regex.compile(r"(?<=人民法院|人民检察院)(?:审判委员会|检察委员会)$")
_COLLECTIVE_LEAD = regex.compile(r"^(?:各|有关|.{1,8}?(?:各|有关|所属))")
_CONJUNCTION = regex.compile(r"及|和|与")


MAX_LOW_LISTED = 30  # low-confidence OCR lines listed on a document row


def _spaced_issuers(title: str, issuer: str, src: SourceDocument) -> str:
    """A joint notice's title with a space between the issuers it opens with where the page prints one
    ("海南省农业农村厅 海南省财政厅关于印发…"): the normaliser drops spaces inside Chinese text, and the names
    ran together. A title that runs them together on the page, or separates them otherwise (国务院、中央军委关于…),
    is left as it is."""
    names = [n for n in issuer.split("；") if n]
    joined = "".join(names)
    if len(names) < 2 or not title.startswith(joined):
        return title
    printed = regex.compile(r"[ \t\u3000\n]+".join(map(regex.escape, names)))
    if not any(printed.search(b.text) for b in src.blocks if isinstance(b, Line)):
        return title
    return " ".join(names) + title[len(joined) :]


def title_head(title: str) -> str:
    """The organisation heading a title, or '': "X关于…的通知", "X印发《…》", "X转发…" (§7.3.1), a report titled
    by its issuer and year ("淮安市洪泽区人民政府2024年政府信息公开工作年度报告"), an announcement by its issuer and
    kind ("兰考县人民政府征收土地预公告")."""
    m = _TITLE_ORG.match(title)
    joint = m is not None and _JOINT_APART.search(m.group("org")) is not None
    if m and (not joint or all(looks_like_org(p) and not _FORWARDING_VERB.match(p) for p in _JOINT_APART.split(m.group("org")))):
        head = m.group("org")  # "国务院、中央军委关于…"; not "批转省经贸委、纺织总会关于…"
        return "" if len(head) <= 3 and not looks_like_org(head) else head  # "关于印发…", "上海关于贯彻落实…"
    if not m:
        m = _TITLE_ORG_BEFORE_YEAR.match(title) or rules.element_rules()["announcing_title"].pattern.match(title)
        if m and looks_like_org(m.group("org")):
            return m.group("org")
    return ""


def _abbreviates(short: str, full: str) -> bool:
    """A 署名 that shortens an organisation's name ("省府办公厅" for "广东省人民政府办公厅"): its characters in
    order, the same last two."""
    return len(short) < len(full) and short[-2:] == full[-2:] and _subsequence(short, full) and looks_like_org(full)


def _issuer(st: Structure) -> tuple[str, Span | None]:
    head = title_head(st.title.value) if st.title is not None else ""
    heads = [part[a:b] for part in _JOINT_APART.split(head) for a, b in split_orgs(part)] if head else []
    # a 署名 a site blanked out ("（略）人民政府办公厅") names nobody: the title's organisation stands
    signature = [s for s in st.signature if not rules.words("redaction_mark").search(s.value)]
    if len(signature) >= 2:
        names = [s.value for s in signature]
        if len(heads) == len(names) and all(_abbreviates(n, h) for n, h in zip(names, heads)):
            # joint issuers signed by their short names ("省发展改革委 省生态环境厅") under their full names
            return "；".join(heads), st.title
        return "；".join(names), signature[0]
    mark = st.issuer_mark
    if mark is not None and signature and st.title is not None and mark.start > st.title.start and "、" not in mark.value:
        signed = signature[0].value
        if signed != mark.value and not _abbreviates(signed, mark.value) and not _abbreviates(mark.value, signed):
            # a page prints the office that posted it under the title ("金华市生态环境局…分局"); the notice's own
            # 署名 ("…管理委员会党政综合办公室") names its issuer (§7.3.5)
            mark = None
    if mark is not None and head and st.title is not None and mark.value != head and mark.value.endswith(head) and _provincial(mark.value[: -len(head)]):
        # a law database prints the issuer with its province before it ("广东省广州市人民政府" over "广州市人民政府关于…
        # 的决定"): the title names it as the text itself does
        return head, st.title
    if mark is not None and "、" not in mark.value and not opens_with_a_place(mark.value):
        for name, span in ((signature[0].value, signature[0]) if signature else ("", None), (head, st.title)):
            if span is not None and name != mark.value and name.endswith(mark.value) and is_place_name(name[: -len(mark.value)]):
                # a masthead a page printed without its place ("行政公署文件" over "兴安盟行政公署关于…的决定", 署名
                # 兴安盟行政公署): the name with its place is the issuer's
                return name, span
    if mark is not None:
        if "、" not in mark.value and len(parts := split_orgs(mark.value)) > 1:
            # a joint masthead printed on one line, its spaces gone ("税务总局办公厅发展改革委办公厅文件")
            return "；".join(mark.value[a:b] for a, b in parts), mark
        return mark.value.replace("、", "；"), mark  # joint issuers on one line: 财政部、司法部
    if signature:
        sig = signature[0]
        # joint issuers signed on one line ("国务院　中央军委", spaces gone) as the title names them
        if len(heads) > 1 and "".join(heads) == sig.value:
            return "；".join(heads), sig
        # a 署名 that shortens the title's organisation ("矿产资源保护监督司" under "自然资源部矿产资源保护监督司…")
        if head and head != sig.value and head.endswith(sig.value):
            return head, st.title
        # a 署名 that abbreviates the title's organisation ("省府办公厅" under "广东省人民政府办公厅…"): its
        # characters in order, the same last two; the title's full name is the one to key on
        if head and _abbreviates(sig.value, head):
            # (joint issuers each abbreviated: "省发展改革委 省生态环境厅" under "吉林省发展改革委 吉林省生态环境厅…")
            return "；".join(heads) if len(heads) > 1 else head, st.title
        # an OCR'd 署名 one character off the title's organisation (办公所 for 办公厅 under a seal): the title's
        # printed line is the cleaner reading
        if head and len(head) == len(sig.value) >= 4 and sum(a != b for a, b in zip(head, sig.value)) == 1 and looks_like_org(head):
            return head, st.title
        return sig.value, sig
    if head and st.title is not None:
        # joint issuers at the head of the title ("浙江省人民政府浙江省军区关于…") are each named
        # ("国务院、中央军委关于…") each named too
        return "；".join(heads), st.title
    num, span = st.doc_number, st.doc_number_span
    if num is not None and span is not None and num.agency.endswith("令"):
        # an order names its issuer in its number: 湖北省人民政府令第282号 is issued by 湖北省人民政府
        # 中华人民共和国国务院令 is 国务院's (gov.cn and citations name national bodies without the state's name)
        org = num.agency[:-1].removeprefix("中华人民共和国")
        at = span.evidence.find(org)
        if looks_like_org(org) and len(org) >= 3 and at != -1:
            return org, Span(org, span.start + at, span.start + at + len(org), span.page, span.evidence)
    return "", None


def _provincial(place: str) -> bool:
    """A province-level place's name alone, as the gazetteer knows it (广东省, 北京市; not 鞍山市 before 立山区)."""
    return is_place_name(place) and infer_region(place).admin_level == "provincial"


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


_TERM = regex.compile(r"第[〇零一二三四五六七八九十百]+届")
_TAKES_EFFECT = regex.compile(r"\s*(?:起)?\s*(?:施行|生效|实施)")


def _promulgation(st: Structure) -> tuple[Span | None, Span | None, DocNumber | None]:
    """From a law's 题注: (the body that adopted or promulgated it, the date of the latest event, an order's
    number). '1998年3月28日 重庆市第一届人民代表大会常务委员会第八次会议通过' -> 重庆市人民代表大会常务委员会.
    The latest by date, not the last written: "2020年3月26日…批准的2020年1月14日…《关于修改…的决定》修正"."""
    if not st.promulgation:
        return None, None, None
    event = rules.element_rules()["promulgation_event"].pattern
    issuer: Span | None = None
    last: Span | None = None
    last_iso = ""
    number: DocNumber | None = None
    for sp in st.promulgation:
        for m in _FULL_DATE.finditer(sp.value):
            if _TAKES_EFFECT.match(sp.value, m.end()):
                continue  # "…修正，该修正自2021年4月15日施行": when it takes effect, not an event of its making
            iso = parse_date(m.group(0))
            if iso >= last_iso:
                last, last_iso = Span(m.group(0), sp.start + m.start(), sp.start + m.end(), sp.page, sp.evidence), iso
        # every event of the line: one bracket may hold them all ("（2021年6月15日贵阳市人民政府第78次常务会议审议
        # 通过  2021年7月1日贵阳市人民政府令第97号公布  自2021年8月1日起施行）", a 规章's 题注)
        for m in event.finditer(sp.value):
            org = _COURT_COMMITTEE.sub("", _PRC_BEFORE_A_NATIONAL_BODY.sub("", _TERM.sub("", m.group("org"))))
            serial = _ORDER_SERIAL.match(sp.value[m.end("org") : m.end()])
            if serial and number is None and "、" not in org:
                # the order that promulgated it, whichever event comes first ("国务院第120次常务会议通过" above it)
                number = parse_doc_number(f"{org}令第{serial.group(1)}号")  # 国务院令第379号
            if issuer is None:
                if "、" in org and all(looks_like_org(p) for p in org.split("、")):
                    org = "；".join(org.split("、"))  # 国务院、中央军事委员会令第290号: joint issuers, as a 署名 gives them
                issuer = Span(org, sp.start + m.start("org"), sp.start + m.end("org"), sp.page, sp.evidence)
    return issuer, last, number


def _export(st: Structure, field: str) -> str:
    """The value of an export header field that stands in for a document field (rules/elements.yaml)."""
    span = _export_span(st, field)
    return span.value if span is not None else ""


_WEBSITE = regex.compile(r"(?:网站|网|门户|平台)$")
# an organisation named by its level alone, as its own staff write it: 区人民政府办公室, 县政府, 市财政局
_PLACELESS = ("省", "市", "区", "县", "州", "盟", "旗", "镇", "乡", "街道")


def _export_span(st: Structure, field: str) -> Span | None:
    """The span of that field, for the evidence of a value taken from it."""
    for label, target in rules.export_labels().items():
        if target == field and label in st.export_fields:
            return st.export_fields[label]
    return None


_LIST_BULLET = regex.compile(r"^[-•·∙*]\s*")
_HAN = regex.compile(r"\p{Han}")
_FIELD_TITLE_MIN_HAN = 4  # fewer Han characters name no document ("标题" over "- 屯 狄", a document site's uploader)


def _field_title(value: str) -> str:
    """A page's 标题 field as the title: without a list bullet, and only when it can be a title at all."""
    value = _LIST_BULLET.sub("", value.strip())
    return value if len(_HAN.findall(value)) >= _FIELD_TITLE_MIN_HAN else ""


def _page_issuer(st: Structure) -> str:
    """The 发文机关 field of a page's metadata block copied with the notice, when it names an organisation."""
    value = _export(st, "issuer")
    return value if looks_like_org(value) and not _WEBSITE.search(value) else ""


_ZONE_PLACE = regex.compile(r"^中国[（(](?P<place>\p{Han}{2,8})[）)]")
_TRAILING_TIME = regex.compile(r"\s*(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?.*$")
# a government's own site names the government ("来源：宜兴市人民政府网站", "发布机构：某县人民政府门户网站")
_GOVERNMENT_SITE = regex.compile(r"(?<=政府)(?:门户)?网站?$")


def _source_region(st: Structure) -> tuple[Region, Span | None]:
    """The region of the government a page's 来源 field names ("来源：华容县政府2021-03-23 10:56"), or its 发布机构
    field ("发布机构：下陆区政府办公室" over a notice signed 区人民政府办公室), and the field; an empty region for a
    newspaper, a portal or a placeless office (a government's own site names that government)."""
    for key in ("来源", "发文机关"):
        span = st.export_fields.get(key)
        value = _GOVERNMENT_SITE.sub("", _TRAILING_TIME.sub("", span.value).strip()) if span is not None else ""
        if not value or not looks_like_org(value) or not rules.words("government_source").search(value):
            continue
        region = infer_region(value)
        if region.province:
            return region, span
    return Region(), None


def _add_years(iso: str, years: int) -> str:
    d = dt.date.fromisoformat(iso)
    try:
        end = d.replace(year=d.year + years)
    except ValueError:  # 29 February
        end = d.replace(year=d.year + years, day=28)
    return (end - dt.timedelta(days=1)).isoformat()


def _compact_date(digits: str) -> str:
    """'20151214' -> '2015-12-14'; '2021416' -> '2021-04-16' (41/6 is no date); '' when the digits give no
    date or more than one ('2021111': 1/11 or 11/1)."""
    if not digits.isdigit() or len(digits) not in (7, 8):
        return ""
    year, rest = int(digits[:4]), digits[4:]
    found = set()
    for cut in (2,) if len(rest) == 4 else (1, 2):  # eight digits are MMDD; seven leave one part a digit
        try:
            found.add(dt.date(year, int(rest[:cut]), int(rest[cut:])).isoformat())
        except ValueError:
            continue
    return found.pop() if len(found) == 1 else ""


def _any_date(text: str) -> str:
    """'2025-10-31', '2025年10月31日' or its digits run together ('20151214', '2021416') -> ISO; '' for a month
    ('2025年8月'), a day the calendar lacks, digits that read two ways, or anything else."""
    if text.strip().isdigit():
        return _compact_date(text.strip())
    m = _ISO.match(text)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            return ""
    return parse_date(text.strip())


@rules.cached
def _functions() -> tuple[str, ...]:
    return tuple({t for _, t in rules.unit_lexicon().departments})


def _bare_function(item: str) -> bool:
    """An item that ends with a department's function (教育, 交通运输) but no organisation's suffix; an
    abbreviated body ending like one (市妇联, 市残联, 市科协) is an addressee of its own."""
    return item.endswith(_functions()) and not looks_like_org(item) and not _ORG_CHAR.search(item[-1:])


def _bare_name(item: str) -> bool:
    """A short name with no organisation in it ("城北"), written before the item whose head it shares; an
    abbreviated body ("市妇联", "团市委", "县委办") is an addressee of its own."""
    return (
        len(item) <= 3
        and not item.startswith(("各", "有关", "省", "市", "县", "区", "乡", "镇", "团"))
        and not _ORG_CHAR.search(item)
        and not looks_like_org(item)
        and not rules.words("org_suffix").search(item)
    )


_ORG_CHAR = regex.compile(r"[委办局厅会联协院所站队部处科室社府署]")


_PARENS = regex.compile(r"[（(][^（）()]*[）)]")
# a party committee named by its level alone (区委, 中共某县委) before a government's departments
_PARTY_COMMITTEE = regex.compile(r"(?:中共)?\p{Han}{0,8}?(?:省|市|县|区|州|旗|盟)委")
_GOVERNMENT_DEPARTMENTS = regex.compile(r"\p{Han}{0,8}?(?:人民政府|政府)(?:各|有关|直属)")
# a body named by its kind alone after the places' first body ("各县市区委、人民政府", "各县（区）人民政府、法院"):
# the same places' body, so one addressee
_BARE_KIND = regex.compile(r"(?:人民政府|政府|党委|人大常委会|政协|人民法院|法院|人民检察院|检察院)")
_LEVEL_WORD = regex.compile(r"(?:中央|国家|省|市|县|区|乡|镇|军队|部队)")


def _zones_share_head(items: list[str]) -> list[str]:
    """'嘉定工业区、菊园新区管委会' names the committees of both zones: a zone named alone before another zone's
    管委会 shares that head, so both stay one addressee; so does every zone of a run of them ("宜春经济技术开发区、
    宜阳新区、明月山温泉风景名胜区管委会")."""
    out: list[str] = []
    zone, committee = rules.words("zone"), rules.words("zone_committee")
    for item in items:
        if committee.match(item):
            run = len(out)
            while run > 0 and all(zone.match(z) for z in out[run - 1].split("、")):
                run -= 1
            if run < len(out):
                out[run:] = ["、".join([*out[run:], item])]
                continue
        out.append(item)
    return out


def split_addressees(text: str) -> list[str]:
    """主送/抄送 list -> addressees. Items that are only an administrative level ("各省、自治区、直辖市人民政府",
    "市政府各委、办、局") share the head of the item they precede, so they stay one addressee."""
    heads = rules.coordinated_heads()
    out: list[str] = []
    for group in split_top(text, "，,；;。"):
        first = len(out)
        pending: list[str] = []
        in_group = 0  # addressees this group has given so far
        for item in _zones_share_head(split_top(group, "、")):
            # the office paired with a party working committee (rules/words.yaml working_committee_office)
            paired = bool(rules.words("working_committee_office").match(item)) and in_group and out[-1].endswith("党工委")
            if (_BARE_KIND.fullmatch(item) or rules.words("office_kind").match(item) or paired) and in_group and not pending:
                # "各县市区委、人民政府": the same places' governments, one addressee; "市直有关部门、单位": a
                # kind of office alone shares the qualifier before it
                out[-1] += "、" + item
                continue
            if _LEVEL_WORD.fullmatch(item):
                pending.append(item)  # "中央、省驻岳单位": a level word before the addressee it qualifies
                continue
            bare = _COLLECTIVE_LEAD.sub("", item)  # 市政府各委 / 市政府有关委: the level word
            parts = _CONJUNCTION.split(_PARENS.sub("", bare))  # 各县（市）、区人民政府: 县（市） is a level word
            pending.append(item)
            if all(p in heads for p in parts if p) and bare:
                continue  # a level word: wait for the head
            if _bare_function(item) or rules.words("bare_sector").search(item):
                continue  # "兵团工业和信息化、教育、科技…主管部门", "各事业、企业单位": the head after it is shared
            if is_place_name(item) or _bare_name(item) or len(pending) > 1 and rules.words("zone").match(item):
                # (a zone after a level word waits for the head too: "各区县（自治县）、两江新区、…、万盛经开区商务主管部门")
                # "北京市、天津市、…、甘肃省人民政府", "沈阳、北京、…、广州军区": places share the head; so do
                # short names of places the gazetteer lacks ("城北、城南街道办事处")
                continue
            out.append("、".join(pending))
            in_group += 1
            pending = []
        if pending and all(is_place_name(p) for p in pending):
            out.extend(pending)  # places with no head after them are addressees each ("郑州市、开封市：")
        elif pending:
            out.append("、".join(pending))
        for i in range(len(out) - 2, first - 1, -1):
            if _PARTY_COMMITTEE.fullmatch(out[i]) and _GOVERNMENT_DEPARTMENTS.match(out[i + 1]):
                out[i : i + 2] = [f"{out[i]}、{out[i + 1]}"]  # "区委、区人民政府各部、委、办、局": both's departments
    return out


def _first_publication(st: Structure) -> str:
    """A law's 公布之日 when its 题注 states it (公布 by an order, 发布 by the offices that issue it) before any
    amendment: an adoption or a later amendment is no publication date, so none is given then (a law in force since
    1992 was amended in 2015). "（2026年2月26日…审议批准 2026年4月12日中共中央办公厅、国务院办公厅发布）" -> 2026-04-12"""
    history = "".join(sp.value for sp in st.promulgation)
    cut = _AMENDED.search(history)
    m = _PUBLICATION.search(history, 0, cut.start() if cut else len(history))
    return parse_date(m.group(1)) if m else ""


# the text naming itself as the subject of its in-force clause ("本条例自2002年1月1日起施行"), not a rule it lays
# down for others ("规章应当自公布之日起30日后施行", 规章制定程序条例 §32)
_OWN_SUBJECT = regex.compile(r"本\p{Han}{1,6}$")


def _own_clause_first(doc: NormDoc, rule: rules.PatternRule) -> Iterator[tuple[Para, str, regex.Match[str]]]:
    """The paragraphs' matches of a validity rule, those whose subject is the text itself first."""
    found = [(p, seg, m) for p in doc.paras if (m := rule.pattern.search(seg := doc.text[p.start : p.end]))]
    yield from sorted(found, key=lambda f: not _OWN_SUBJECT.search(f[1], 0, f[2].start()))


def _validity(doc: NormDoc, st: Structure, row: DocumentRow) -> Span | None:
    """有效期 (规范性文件): valid_from/valid_until from the body's clause (the one naming the text itself, "本条例自…",
    first); an event start (印发之日) takes the 成文日期 (or 印发日期) because that is the date the clause counts
    from; nothing is guessed otherwise."""
    for rule in rules.validity_rules():
        for p, seg, m in _own_clause_first(doc, rule):
            frm = m.group("from")
            if not rules.words("publishing_event").match(frm):
                start = parse_date(frm)
                own_date = row.signed_date or row.issued_date
                if not start and own_date:
                    start = day_near(frm, dt.date.fromisoformat(own_date))  # 于2月9日生效: the year nearest the text's date
            elif st.promulgation:
                start = _first_publication(st)
            else:
                start = row.signed_date or row.issued_date
            delay = m.groupdict().get("delay")
            if start and delay:
                # 自公布之日起30日后施行 (规章制定程序条例 §32): in force that many days after its publication
                start = (dt.date.fromisoformat(start) + dt.timedelta(days=to_int(delay))).isoformat()
            row.validity_text = m.group(0)
            row.valid_from = start
            until = m.groupdict().get("until")
            years = m.groupdict().get("years")
            if until:
                row.valid_until = parse_date(until)
            elif start and years:
                row.valid_until = _add_years(start, to_int(years))
            return Span(m.group(0), p.start + m.start(), p.start + m.end(), p.page, seg)
    return None


def build_document_row(doc: NormDoc, st: Structure) -> tuple[DocumentRow, Span | None]:
    src = doc.source
    meta = src.metadata
    row = DocumentRow(doc_id=src.doc_id, source=src.source, format=src.format, pages=src.pages, sha256=src.sha256, pages_ocr=src.pages_ocr)
    if src.ocr_confidence is not None:
        row.ocr_confidence = f"{src.ocr_confidence:.3f}"
        row.ocr_low_confidence = "；".join(src.ocr_low[:MAX_LOW_LISTED])
    ev: dict[str, list[int | None]] = {}

    def note(field: str, span: Span | None) -> None:
        if span is not None:
            ev[field] = [span.start, span.end, span.page]

    issuer, span = _issuer(st)
    enacted_by, enacted_on, order = _promulgation(st)
    if not issuer and enacted_by is not None:
        issuer, span = enacted_by.value, enacted_by
    # with no issuer in the text: the head of the page's own title (天津市财政局关于…), else its 发文机关 field
    row.issuer = issuer or title_head(meta.get("标题", "") or _export(st, "title")).replace("、", "；").replace(" ", "；") or meta.get("发文机关", "") or _page_issuer(st)
    page_issuer = meta.get("发文机关", "") if looks_like_org(meta.get("发文机关", "")) else _page_issuer(st)
    if issuer and "；" not in issuer and page_issuer != issuer and page_issuer.endswith(issuer) and issuer.startswith(_PLACELESS):
        # a title naming its issuer without the place ("区人民政府办公室关于…", the county's site prints no
        # name of its own) under a page field that names it whole (发布机构：江汉区人民政府办公室)
        row.issuer, span = page_issuer, _export_span(st, "issuer") or span
    elif issuer and page_issuer and is_place_name(issuer) and page_issuer[:2] == issuer[:2] and not is_place_name(page_issuer):
        # a title headed by its place alone ("宁洱哈尼族彝族自治县关于…的实施意见") under a page field that names
        # the government of that place (发布机构：宁洱县人民政府): a place is no organisation, the field's is
        row.issuer, span = page_issuer, _export_span(st, "issuer") or span
    note("issuer", span)
    num: DocNumber | None = st.doc_number or order
    if num is not None:
        note("doc_number", st.doc_number_span)
    else:
        num = parse_doc_number(meta.get("发文字号", "")) or parse_doc_number(_export(st, "doc_number"))
    if num is not None:
        row.doc_number, row.doc_number_agency, row.doc_number_year, row.doc_number_serial = num.normalized, num.agency, num.year, num.serial
    if st.title is not None:
        row.title = st.title.value
        note("title", st.title)
    else:
        row.title = _field_title(meta.get("标题", "")) or _field_title(_export(st, "title"))
    row.title = _spaced_issuers(row.title, row.issuer, src)
    # a mark on the title, else the page's 有效性 field (a copied block, or an HTML page's metadata)
    row.status = st.status or title_status(f"（{meta.get('有效性', '').strip()}）")
    row.doc_type = doc_type_of(row.title)
    if st.recipients is not None:
        row.recipients = "；".join(split_addressees(st.recipients.value))
        note("recipients", st.recipients)
    signed = _any_date(st.signed_date.value) if st.signed_date is not None else ""
    if signed:
        row.signed_date = signed
        note("signed_date", st.signed_date)
    elif enacted_on is not None:
        # a law's text is the one its last adoption or amendment made
        row.signed_date = parse_date(enacted_on.value)
        note("signed_date", enacted_on)
    elif meta.get("成文日期"):
        row.signed_date = parse_date(meta["成文日期"])
    elif _export(st, "signed_date"):
        row.signed_date = _any_date(_export(st, "signed_date"))
    if st.issued_date is not None:
        row.issued_date = parse_date(st.issued_date.value)
        note("issued_date", st.issued_date)
    if st.printer is not None:
        row.printer = st.printer.value
        note("printer", st.printer)
    if st.cc is not None:
        row.cc = "；".join(split_addressees(rules.element_rules()["cc_label"].pattern.sub("\n", st.cc.value)))
        note("cc", st.cc)
    if st.publicity is not None:
        row.publicity = st.publicity.value
        note("publicity", st.publicity)
    for name, span in st.extra_elements.items():
        # the 主题词 are a list: one term each, as the other lists
        setattr(row, name, "；".join(split_top(span.value, "，,、；;")) if name == "subject_terms" else span.value)
        note(name, span)
    row.attachments = "；".join(a.value for a in st.attachments)
    if meta.get("发布日期"):
        row.published_date = _any_date(meta["发布日期"])
    elif _export(st, "published_date"):
        row.published_date = _any_date(_export(st, "published_date"))
    region = infer_region(row.issuer, row.doc_number_agency)
    # an issuer named by its level alone (a 题注's "市十四届人大常委会第二十次会议通过") knows the level, not the place
    placeless_issuer = bool(row.issuer) and row.issuer.startswith(_PLACELESS) and not region.province
    if (not region.admin_level and not row.issuer or placeless_issuer) and row.title:
        # a re-posted 办法 without its wrapper names its place in the title ("广州市临时救助实施细则"): the
        # region is that place, at the level the issuer gives if it gives one; the issuer stays as written
        head = _TITLE_VERB.split(row.title)[0]
        titled = infer_region(head)
        # a national body heading the title names the level too (最高人民法院关于…的若干规定, 全国年节…办法)
        # (a municipality by its short name too: 上海港口条例; a free trade zone's place in brackets after 中国:
        # 中国（上海）自由贸易试验区条例)
        zone = _ZONE_PLACE.match(head)
        leads = (
            opens_with_a_place(head)
            or opens_with_a_municipality(head)
            or bool(zone and is_place_name(zone.group("place")))
            or bool(rules.words("national_issuer").match(head))
        )
        if leads and (titled.province or titled.admin_level == "national") and region.admin_level in ("", titled.admin_level):
            # the place must head the title: 中国公民因私事往来香港地区或者澳门地区的暂行管理办法 is about 澳门,
            # not issued there
            region = titled  # 中华人民共和国…法 is national
    if not region.province:
        sourced, source = _source_region(st)
        # (a county-level city's site calls its government 市政府 as a prefecture's does: 宜兴市 is a 市)
        county_city = sourced.admin_level == "county" and sourced.county.endswith("市") and row.issuer.startswith("市")
        if sourced.province and (region.admin_level in ("", sourced.admin_level) or county_city):
            # a county site's page names its issuer by level alone (发布机构：县人民政府办公室) and the place
            # in its 来源 field (来源：华容县政府): the region is that place's, at the issuer's level
            region = sourced
            note("region", source)
    if not region.province and st.printer is not None:
        printed = infer_region(st.printer.value)
        if printed.province and region.admin_level in ("", printed.admin_level):
            # a page that lost the notice's head keeps its 版记: the 印发机关 is the issuer's own office (GB/T 9704
            # §7.4.3), in its place ("温州市龙湾区人民政府办公室 2007年12月13日印发")
            region = printed
            note("region", st.printer)
    row.region_province, row.region_city, row.region_county, row.admin_level = region.province, region.city, region.county, region.admin_level
    validity = _validity(doc, st, row)
    note("validity", validity)
    if not row.valid_from and (meta.get("实施日期") or _export(st, "valid_from")):
        row.valid_from = _any_date(meta.get("实施日期") or _export(st, "valid_from"))
    if not row.valid_until and (meta.get("失效日期") or _export(st, "valid_until")):
        row.valid_until = _any_date(meta.get("失效日期") or _export(st, "valid_until"))
    body = "\n".join(doc.text[p.start : p.end] for k, p in enumerate(doc.paras) if st.is_body(k))
    page_class = st.export_fields.get("主题分类")
    named = named_class(meta.get("主题分类", "") or (page_class.value if page_class is not None else ""))
    if named:
        # the page's own 主题分类 field names a gov.cn class: the publisher classified it (GB/T 9704 has no such
        # element; the 信息公开 catalogue does)
        row.topic, row.topic_evidence = named, f"页面主题分类：{named}"
        note("topic", page_class if page_class is not None and named_class(page_class.value) else None)
    else:
        topic = classify(row.title, body)
        row.topic, row.topic_evidence = topic.topic, topic.evidence
    row.evidence = json.dumps(ev, ensure_ascii=False)
    return row, validity
