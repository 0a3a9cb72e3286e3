"""GB/T 9704-2012 structure of a normalised document: 版头 (发文机关标志, 文号), 主体 (标题, 主送机关, 正文 with
its heading tree, 附件说明, 署名, 成文日期, 公开属性) and 版记 (抄送, 印发机关和印发日期)."""

from __future__ import annotations

import itertools

from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Iterable, Mapping, Sequence

import cn2an
import regex

from . import rules
from .docnumber import DocNumber, find_doc_numbers, number_line, parse_doc_number
from .headmarks import find_head_marks, find_signer
from .model import NormDoc, Para, Section, Span
from .orgnames import addressees, doc_type_of, looks_like_org, opens_with_a_place, split_orgs, title_text, without_part_mark

_PUNCT = regex.compile(r"[。，；：！？、]")
_ANNOUNCEMENT_KINDS = frozenset({"公告", "通告"})


def _element(rule_id: str) -> regex.Pattern[str]:
    """One pattern of rules/elements.yaml (an order's head and number, an announcement's head)."""
    return rules.element_rules()[rule_id].pattern
_SITE_OWNER = regex.compile(r"^(?:主办|承办|协办)(?:单位)?[：:]|^联系我们|^(?:联系电话|地址)[：:]")
_TITLE_PUNCT = regex.compile(r"[。，；：！？]")
_BOOK_TITLE_WITH_PUNCT = regex.compile(r"《[^》]*[，、：][^》]*》")  # a cited title may hold a 、 or ，
_STATUS_MARKS = regex.compile(r"[\s（()）【】\[\]]")
_LIST_SEPARATOR = regex.compile(r"[，,、](?![^（(）)]*[）)])")  # not inside brackets: "各县（市、区）人民政府" is one item
_ATTACHMENT_NUMBER = regex.compile(r"^\d{1,2}[.．、]\s*")
_REPRINT_MARKS = regex.compile(r"[\s《》〈〉]")  # a title printed again may drop the marks of the title it cites


# The role of each paragraph: GB/T 9704-2012 elements (§7.2 版头, §7.3 主体, §7.4 版记) and what a web page or
# database export adds around a notice.
FURNITURE = "页面信息"  # a web page's or export's fields and chrome, a title printed twice
ISSUER_MARK = "发文机关标志"  # §7.2.3
HEADER = "版头"  # other lines above the 文号 (份号, 密级, 紧急程度 and unread lines)
DOC_NUMBER = "发文字号"  # §7.2.4
TITLE = "标题"  # §7.3.1
RECIPIENTS = "主送机关"  # §7.3.2
BODY = "正文"  # §7.3.3
ATTACHMENT_LIST = "附件说明"  # §7.3.4
SIGNATURE = "署名"  # §7.3.5
SIGNED_DATE = "成文日期"  # §7.3.5
NOTE = "附注"  # §7.3.7 (公开属性)
TITLE_NOTE = "题注"  # a law's or regulation's adoption and amendment history under its title
ATTACHMENT = "附件"  # §7.3.8: what follows the 署名 and 成文日期
RECORD = "版记"  # §7.4 (抄送, 印发机关和印发日期)
BODY_ROLES = frozenset({BODY, ATTACHMENT})


@dataclass(frozen=True, slots=True)
class Structure:
    """What each paragraph of a normalised document is, and the elements found: built once by analyse(),
    read by every extractor, changed by none."""

    roles: tuple[str, ...]  # one per doc.paras entry
    sections: tuple[Section, ...] = ()
    issuer_mark: Span | None = None
    doc_number: DocNumber | None = None
    doc_number_span: Span | None = None
    title: Span | None = None
    status: str = ""  # a validity mark the source put on the title (已废止, 失效, 现行有效), without brackets
    recipients: Span | None = None
    signature: tuple[Span, ...] = ()
    promulgation: tuple[Span, ...] = ()  # the 题注 lines of a law or regulation, in order
    signed_date: Span | None = None
    publicity: Span | None = None
    attachments: tuple[Span, ...] = ()
    cc: Span | None = None
    printer: Span | None = None
    issued_date: Span | None = None
    export_fields: Mapping[str, Span] = field(default_factory=dict)  # "发布日期" -> its value, from an export's header
    # elements read into the documents columns of the same name: copy_number, secrecy, urgency, signer
    # (§7.2.1-§7.2.4) and an older 版记's subject_terms (主题词)
    extra_elements: Mapping[str, Span] = field(default_factory=dict)

    def is_body(self, k: int) -> bool:
        return self.roles[k] in BODY_ROLES

    def body_ranges(self, doc: NormDoc) -> list[tuple[int, int]]:
        """Offsets of the body paragraphs (正文 and 附件), adjacent ones merged."""
        ranges: list[tuple[int, int]] = []
        for k, p in enumerate(doc.paras):
            if not self.is_body(k):
                continue
            if ranges and ranges[-1][1] + 1 == p.start:
                ranges[-1] = (ranges[-1][0], p.end)
            else:
                ranges.append((p.start, p.end))
        return ranges

    def element_spans(self, doc: NormDoc) -> list[tuple[int, int]]:
        """Offsets of the paragraphs that are document elements or furniture, not body text."""
        return [(p.start, p.end) for k, p in enumerate(doc.paras) if not self.is_body(k)]


@dataclass(slots=True)
class _Draft:
    """The finders' working state while analyse() runs; frozen into a Structure at the end."""

    issuer_mark: Span | None = None
    doc_number: DocNumber | None = None
    doc_number_span: Span | None = None
    title: Span | None = None
    status: str = ""
    recipients: Span | None = None
    signature: list[Span] = field(default_factory=list)
    promulgation: list[Span] = field(default_factory=list)
    signed_date: Span | None = None
    publicity: Span | None = None
    attachments: list[Span] = field(default_factory=list)
    cc: Span | None = None
    printer: Span | None = None
    issued_date: Span | None = None
    sections: list[Section] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)  # paragraph index -> role, for paragraphs that are not body text
    export_fields: dict[str, Span] = field(default_factory=dict)
    extra_elements: dict[str, Span] = field(default_factory=dict)
    title_paras: tuple[int, int] | None = None
    header_end: int = 0  # first paragraph after the 文号 (a 令's 成文日期 stands between it and the title)
    order_serial: bool = False  # an order's bare serial under its head ("第63号"): its 成文日期 is above the title too
    header_date: tuple[int, Span] | None = None  # a date line above the 文号 (law databases print the 成文日期 there)
    header_signer: tuple[int, Span] | None = None  # a bulletin's editor, named in its masthead with the day
    title_reprinted: int | None = None  # a title the page printed twice: the later print, the notice's own
    body_start: int = 0  # first body paragraph index

    def mark(self, k: int, role: str) -> None:
        self.roles.setdefault(k, role)

    def mark_range(self, a: int, b: int, role: str) -> None:
        for k in range(a, b):
            self.mark(k, role)

    def freeze(self, n_paras: int) -> Structure:
        signed_at = next((k for k, r in self.roles.items() if r == SIGNED_DATE), None)
        roles = []
        for k in range(n_paras):
            if k in self.roles:
                roles.append(self.roles[k])
            elif k < self.body_start:
                roles.append(HEADER)
            elif signed_at is not None and self.body_start <= signed_at < k:
                roles.append(ATTACHMENT)
            else:
                roles.append(BODY)
        return Structure(
            roles=tuple(roles),
            sections=tuple(self.sections),
            issuer_mark=self.issuer_mark,
            doc_number=self.doc_number,
            doc_number_span=self.doc_number_span,
            title=self.title,
            status=self.status,
            recipients=self.recipients,
            signature=tuple(self.signature),
            promulgation=tuple(self.promulgation),
            signed_date=self.signed_date,
            publicity=self.publicity,
            attachments=tuple(self.attachments),
            cc=self.cc,
            printer=self.printer,
            issued_date=self.issued_date,
            export_fields=MappingProxyType(dict(self.export_fields)),
            extra_elements=MappingProxyType(dict(self.extra_elements)),
        )


@dataclass(frozen=True, slots=True)
class StructureSettings:
    """The numbers the element finders decide by, named (counts are paragraphs, lengths characters)."""

    header_window: int = 30  # the 版头 and 标题 are found among the first paragraphs
    page_lead_reach: int = 200  # a browser's print of a whole page reaches its notice within this many paragraphs
    issuer_mark_window: int = 3  # the 发文机关标志 is among the first lines (§7.2.3)
    repost_lead_lines: int = 8  # a reposting site's lead over the notice ends within this many lines
    title_after_number: int = 4  # the 标题 follows the 文号 within this many paragraphs (§7.3.1)
    title_search: int = 8  # with no 文号, the first title-like line within this many paragraphs
    title_above_lines: int = 3  # a title printed above the 文号 may be broken over this many more lines
    max_title_line: int = 40  # a longer line above a title is no part of it
    max_title: int = 150  # a longer paragraph is no title
    min_bare_title: int = 6  # a page's name over its bracketed 文号 with no document type is at least this long
    recipients_window: int = 2  # the 主送机关 follows the title within this many paragraphs (§7.3.2)
    bulletin_name_max: int = 20  # a bulletin's name over its issue ("寿县政务督查", "督查通报") is at most this long
    record_window: int = 12  # the 版记 is among the last paragraphs (§7.4)
    footer_reach: int = 3  # lines around a site-footer marker (网站标识码, ICP备案号) that may be its 主办单位/联系我们
    max_signatures: int = 24  # organisations in a joint 署名 (§7.3.5.2; "十部门关于…" sign one per line)
    max_attachment_line: int = 80  # a longer numbered line after 附件： is body text, not an attachment name
    max_file_link: int = 200  # a longer line ending ".pdf" is text, not a crawler's file link
    max_promulgation_lines: int = 24  # 题注 lines of a law (adoption and many amendments: a city regulation
    # approved by its province prints three lines per revision, 青岛市燃气管理条例 thirteen)
    max_title_lines: int = 5  # a title printed again right under itself is broken over at most this many lines
    preface_lines: int = 2  # sentences an export or a site may set over a notice's title and 主送机关
    max_glued_fields: int = 120  # a longer line is no run of a metadata block's cells printed without colons
    menu_run: int = 4  # bulleted short names in a row at a page's top (rules/elements.yaml menu_item) are its menu
    body_sentence: int = 30  # a paragraph this long holding a full stop is the body's: no 文号 of the 版头 below it


SETTINGS = StructureSettings()


def _span(doc: NormDoc, p: Para, value: str | None = None, start: int | None = None, end: int | None = None) -> Span:
    s = p.start if start is None else start
    e = p.end if end is None else end
    return Span(value if value is not None else doc.text[s:e], s, e, p.page, doc.text[p.start : p.end])


# ("….pdf", "….pdf（PDF）", a Markdown link with the crawler's type tag "[….pdf](./….pdf) (pdf)")
_FILE_LINK = regex.compile(r"\.(?:pdf|docx?|xlsx?|wps|ofd|zip|rar)\)?(?:\s*[（(][A-Za-z]+[）)])?\W*(?:附件预览)?$", regex.I)


_ADDRESS_ONLY = regex.compile(r"[\[(<]?(?:https?://|www\.)[^\s\p{Han}]*")


def _export_furniture(text: str) -> bool:
    """A line an export or crawler adds around the notice: its fields ("原文链接：…"), a file link
    ("….pdf"), an empty "附件：" field of the crawler's header, the page's chrome ("字号：大 中 小", "打印本页",
    "相关链接：…"; rules/html.yaml page_chrome)."""
    el = rules.element_rules()
    return bool(
        el["export_field"].pattern.match(text)
        or _ADDRESS_ONLY.fullmatch(text)  # the value of a "原文链接：" printed on the next line, maybe as a Markdown link
        or (_FILE_LINK.search(text) and len(text) <= SETTINGS.max_file_link)
        or _EMPTY_ATTACHMENT_FIELD.match(text)
        or rules.html_rules().chrome.pattern.fullmatch(text)
    )


def _field_pieces(text: str) -> list[tuple[int, int]]:
    """The line cut before each page field's label after the first (a byline of several fields run together:
    "发布日期：2025-06-19 22:33:38来源：伊犁哈萨克自治州人民政府办公厅浏览次数："), or the whole line."""
    cuts = [m.start() for m in rules.html_rules().field.finditer(text) if m.start() > 0]
    bounds = [0, *cuts, len(text)]
    return list(zip(bounds, bounds[1:]))


def _page_fields(text: str) -> list[tuple[str, int, int]] | None:
    """A line of a web page's metadata block copied with the notice ("文号：浙政发〔2004〕4号",
    "发布机构：省政府办公厅成文日期：2004-02-02"): its (metadata key, value start, value end), or None when
    the line does not start with a label of rules/html.yaml."""
    labels = rules.html_rules().labels
    found = list(rules.html_rules().field.finditer(text))
    if not found:
        return None
    out = []
    lead = text[: found[0].start()]
    if lead.strip() not in _FIELD_BULLETS:
        # a field starts the line, after a list bullet at most ("- 索引号：…", "• 发文字号：…"); or a label OCR
        # misread ("索引1号：1153…") before fields it read right ("公文目录：…发文日期：…"): a field of no known key
        m0 = _MISREAD_LABEL.match(lead)
        if m0 is None or len(found) < 2:
            return None
        out.append(("其他", m0.end(), len(lead)))
    key_of = dict(labels) | dict(rules.html_rules().labels_in_brackets)
    for m, nxt in zip(found, found[1:] + [None]):
        end = nxt.start() if nxt is not None else len(text)
        while end > m.end() and (text[end - 1] in _FIELD_BULLETS or text[end - 1].isspace()):
            end -= 1  # the next field's bullet, when the lines of a list were joined ("…办公厅∙【公布日期】…")
        out.append((key_of[_SPACES.sub("", m.group("label"))], m.end(), end))
    return out


@rules.cached
def _glued_labels() -> regex.Pattern[str]:
    """The labels of rules/html.yaml fields (longest first, as html_rules sorts them); of the 其他 fields only those
    of three characters or more (公开时限, 公开范围, 主题（一）): 来源, 部门 or 作者 may be words of a value."""
    return regex.compile(
        "|".join(regex.escape(label) for label, key in rules.html_rules().labels if key != "其他" or len(label) >= _GLUED_OTHER_LABEL)
    )


_GLUED_OTHER_LABEL = 3
# a line opening with a quoted title that ends in no sentence mark: a 令's promulgating sentence ("《…办法》已经…
# 第七次市政") broken before its end
_OPENS_SENTENCE = regex.compile(r"^[《“].*[^。；！？：:”》）)]$")


def _glued_fields(text: str, alone: bool = False) -> list[tuple[str, int, int]] | None:
    """A metadata block whose cells a browser's print or a PDF's text layer ran together with no colon or bar
    ("索引号MB1534522/2023-05475发文日期2023-01-03", "发布机构区人民政府办公室文号蔡政办〔2023〕1号"): the same
    (key, value start, value end) as _page_fields. Read only over the notice, where such a line opens with a
    label and holds another one and no sentence's punctuation; `alone` (the line under such a line): one field of a
    label no sentence opens with ("文件下载下载", "内容概况市政府关于…的决定")."""
    if len(text) > SETTINGS.max_glued_fields or any(c in text for c in "。；：:"):
        return None
    found = list(_glued_labels().finditer(text))
    if alone and len(found) == 1 and found[0].start() == 0 and len(found[0].group(0)) >= _GLUED_OTHER_LABEL and found[0].end() < len(text):
        pass  # one field under the block's other fields
    elif len(found) < 2 or found[0].start() != 0 or "，" in text and len(found[0].group(0)) < _GLUED_OTHER_LABEL:
        return None  # (a value may hold a comma, "公开程序部门编制，经办公室审核后公开", under a label no sentence opens with)
    key_of = dict(rules.html_rules().labels)
    return [(key_of[m.group(0)], m.end(), nxt.start() if nxt is not None else len(text)) for m, nxt in zip(found, found[1:] + [None])]


_OPENS_WITH_DATE = regex.compile(r"(?:19|20)\d{2}\s*[-年./]")  # a field's value that opens with a date
_FIELD_BULLETS = frozenset(("", "-", "•", "·", "∙", "●", "▪"))
# "索引1号：11532323015172622Y-/2018-1220012公文目录：应急管理": short fields of labels the reader does not know
_MISREAD_LABEL = regex.compile(r"^\p{Han}{1,4}[\dIl|]?\p{Han}{1,4}[：:]\s*(?=(?:[^\s：:，。；]{1,60}?\p{Han}{2,6}[：:])*[^\s：:，。；]{1,60}$)")
_CELL_EDGE = frozenset("|｜ \t")  # the bars and spaces around a cell of a table copied as text
_EMPTY_ATTACHMENT_FIELD = regex.compile(r"^附件[：:]$")


def title_status(title: str) -> str:
    """The validity mark on a title, without its brackets: '（已废止）关于…的通知' -> '已废止'."""
    m = rules.element_rules()["title_status"].pattern.search(title)
    return _STATUS_MARKS.sub("", m.group(0)) if m and m.group(0).strip() else ""


def _trim_title(span: Span) -> Span:
    """The 标题 without a validity mark a site adds ("（已废止）", "[有效]"), without the 《》 a mirror site
    wraps the whole title in and without the column tag a site puts before it ("【保基本民生】")."""
    v, s, e = span.value, span.start, span.end
    repost = rules.html_rules().repost_prefix.pattern.match(v)
    if repost and repost.end() < len(v):
        v, s = v[repost.end() :], s + repost.end()  # "（转载）" a re-posting site puts before the title
    rule = rules.element_rules()["title_status"].pattern
    while (m := rule.search(v)) is not None and m.group(0):
        if m.start() == 0:
            v, s = v[m.end() :], s + m.end()
        else:
            v, e = v[: m.start()], e - (len(v) - m.start())
    if len(v) > 2 and v.startswith("《") and v.endswith("》") and _one_book_title(v):
        # the 〈〉 a title quoted inside the wrapper had to use are its own 《》 again once the wrapper is gone (OCR
        # reads 〈〉 as 《》: "《…印发《…要点》的通知》" is wrapped too)
        v, s, e = own_book_marks(v[1:-1]), s + 1, e - 1
    tag = _COLUMN_TAG.match(v)
    if tag and _is_title(v[tag.end() :]):
        v, s = v[tag.end() :], s + tag.end()  # "【预警信息】南召县…的通知": the site's column, not the title
    site = _SITE_PREFIX.match(v)
    if site and _is_title(v[site.end() :]) and rules.words("title_head").search(v[site.end() : site.end() + 40]):
        v, s = v[site.end() :], s + site.end()  # "北京：关于印发…的通知": a site's region tag, not the title
    mark = _ATTACHMENT_MARK.match(v)
    if mark and _is_title(v[mark.end() :]) and opens_with_a_place(v[mark.end() :]):
        v, s = v[mark.end() :], s + mark.end()  # "附件2福建省生态文明建设促进条例": the attachment's number run into its title
    quoted = _QUOTED_TAG.match(v)
    if quoted and _is_title(v[quoted.end() :]) and opens_with_a_place(v[quoted.end() :]) and rules.words("title_head").search(v[quoted.end() : quoted.end() + 40]):
        # "“党政混合信息公开”中共静安区委办公室…印发…的通知": a column in quotes before a title that opens with its
        # issuer (a place, then 关于/印发); "“三农”工作领导小组关于…" and "“十四五”广东省…规划" keep theirs
        v, s = v[quoted.end() :], s + quoted.end()
    return Span(v, s, e, span.page, span.evidence)


def _one_book_title(text: str) -> bool:
    """The whole text is one 《…》: its first 《 closes at its last 》 ("《A》和《B》" is two)."""
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch == "《") - (ch == "》")
        if depth == 0:
            return i == len(text) - 1
    return False


_QUOTED_TAG = regex.compile(r"^“[^“”]{2,12}”\s*")
_INNER_QUOTES = str.maketrans("〈〉", "《》")


def own_book_marks(title: str) -> str:
    """A title quoted inside 《》 prints its own 《》 as 〈〉; standing alone it has them back.
    '国务院办公厅关于印发〈X〉的通知' -> '国务院办公厅关于印发《X》的通知'"""
    return title.translate(_INNER_QUOTES)

_SITE_PREFIX = regex.compile(r"^\p{Han}{2,8}[：:]\s*")


_COLUMN_TAG = regex.compile(r"^[【\[][^【】\[\]]{1,10}[】\]]\s*")
_ATTACHMENT_MARK = regex.compile(r"^附件\s*\d{0,2}\s*[：:、.．]?\s*")


def _title_over_recipients(texts: list[str], k: int, lay: _Draft) -> bool:
    """The next lines not yet placed are a title and a 主送机关 under it (a notice's header, whatever stands
    above it): at most one more sentence line comes between."""
    rest = [j for j in range(k, min(len(texts), k + 4)) if j not in lay.roles]
    el = rules.element_rules()
    for a, b in zip(rest, rest[1:]):
        if _is_title(texts[a]) and not _opens_heading(texts[a]) and el["recipients"].pattern.match(texts[b]) and addressees(texts[b]):
            return True
        if texts[a][-1:] != "。":
            return False
    return False


def _infobox(texts: list[str], n: int) -> int:
    """Where an encyclopedia mirror's infobox heading ("基本介绍") stands over the notice's fields within the first
    n paragraphs, or -1: its lead paragraphs above it are the page's."""
    heading = rules.element_rules()["infobox_heading"].pattern
    for k in range(min(n, len(texts) - 1)):
        if heading.match(texts[k]) and _page_fields(texts[k + 1]) is not None:
            return k
    return -1


def _titled_sentence(text: str) -> bool:
    """A title written as a sentence, its only full stop at its end: an encyclopedia page's first line names
    the notice so ("河北省人民政府办公厅关于同意…的复函。")."""
    return text.endswith("。") and text.count("。") == 1 and _is_title(text[:-1])


def _is_title(text: str) -> bool:
    """A 标题 (§7.3.1): ends with a document type, no sentence punctuation inside, not a sentence."""
    text = rules.element_rules()["title_status"].pattern.sub("", text)
    if text.startswith("特此") or _page_fields(text) is not None or _opens_heading(text):
        return False  # "特此公告": the closing formula; "标题：…的通知": a field of the page's metadata block;
        # "2.政策解读": an item of a list (a page's menu), not a title
    # a 、 joins coordinated items inside a title ("施工震损、噪声污染补偿暂行规定的通知"); other marks end sentences
    if len(text) > SETTINGS.max_title or _TITLE_PUNCT.search(text) and not _BOOK_TITLE_WITH_PUNCT.search(text):
        return False
    return bool(doc_type_of(text))  # "…分工方案（一）": a part of a title in several ends with its kind too


def _notes_above(doc: NormDoc, lay: _Draft, texts: list[str], a: int, first: int) -> None:
    """A database's print of a title and its 题注 above the notice's own title over its 文号 ("最高人民法院关于…规定"
    / "2022年8月16日 …会议通过" / "2023年1月1日 施行" / "最高人民法院关于" / "…规定" / "法释〔2022〕18号"): the 题注
    lines are read as the title's, the earlier print is the page's."""
    j, notes = a - 1, []
    while j >= first and j not in lay.roles and rules.element_rules()["promulgation"].pattern.match(texts[j]):
        notes.append(j)
        j -= 1
    if not notes or j < first or lay.title is None or _SPACES.sub("", texts[j]) != _SPACES.sub("", lay.title.value):
        return
    lay.mark(j, FURNITURE)
    _take_notes(doc, lay, reversed(notes))


def _take_notes(doc: NormDoc, lay: _Draft, rows: Iterable[int]) -> None:
    """The given paragraphs, in order, as the title's 题注."""
    for k in rows:
        lay.mark(k, TITLE_NOTE)
        lay.promulgation.append(_span(doc, doc.paras[k]))


_QUALIFIER_OPENS = regex.compile(r"^[（(]\s*(?:(?:19|20)\d{2}|试行|暂行|修订|征求意见稿)[^（）()]{0,16}[）)]")


def _title_before(doc: NormDoc, lay: _Draft, texts: list[str], k_num: int, first: int) -> tuple[int, int] | None:
    """The title printed above the 文号 (web pages and database exports put it there): the nearest title-like
    paragraph before it, joined with a short line above it when the title was broken ("国务院关于印发" /
    "“十四五”国家应急体系规划的通知")."""
    k = k_num - 1
    dated = rules.element_rules()["signed_date"].pattern
    note = None
    if k >= first and k not in lay.roles and doc.paras[k].kind == "para" and _TITLE_NOTE_LINE.fullmatch(texts[k]) and not _EVENT_END.search(texts[k]):
        note = k  # the title's note on a line of its own over the 文号 ("征收土地预公告" / "（2023年度第三批次）")
        k -= 1
    while k >= first and (
        k in lay.roles or _export_furniture(texts[k]) or dated.fullmatch(texts[k]) or _DATED_FIELD.match(texts[k]) or texts[k][:1] in "（(" and _EVENT_END.search(texts[k])
    ):
        k -= 1  # a date line between the title and the 文号 ("2006年10月26日" / "财建〔2006〕689号") is no title,
        # nor the page's dated byline ("时间:2020年09月15日 点击次数:13460"), nor a law's 题注
        # ("（2009年7月22日…常务委员会第十次会议通过）" over its 公告 and number)
    if k < first or doc.paras[k].kind != "para" or not _is_title(texts[k]):
        return None
    # a title broken over up to four lines: extend upwards over short lines without punctuation, as far as
    # the line holding its head ("X关于", "X印发")
    start = k
    j = k - 1
    # a last line that opens with the bracketed qualifier of what it names ("（2021-2030年）的通知") goes on a line
    # above that looks whole ("…吉林大地规划"): that line is the name the qualifier belongs to
    qualified = bool(_QUALIFIER_OPENS.match(texts[k]))
    while (
        j >= first
        and k - j <= SETTINGS.title_above_lines
        and j not in lay.roles
        and doc.paras[j].kind == "para"
        and not _export_furniture(texts[j])
        and len(texts[j]) <= SETTINGS.max_title_line
        and not _TITLE_PUNCT.search(texts[j])  # a 、 joins items inside a title ("国务院关于同意乌鲁木齐、昌吉")
        # a whole title above stops it; "…《…药品管理法" and "关于适用《…反不正当竞争法》" go on (a line ending
        # in a cited title has its kind inside the book marks, not its own)
        and not (
            _is_title(texts[j])
            and texts[j].count("《") <= texts[j].count("》")
            and not texts[j].endswith("》")
            and not (qualified and j == k - 1)
            # a line holding the head over a last line holding none is the title's first line, though it ends
            # like a kind ("…关于进一步加强突发事件应急预案" / "管理工作的通知")
            and not (j == k - 1 and rules.words("title_head").search(texts[j]) and not rules.words("title_head").search(texts[k]))
        )
        and not rules.element_rules()["promulgation"].pattern.match(texts[j])  # "2023年9月1日 施行" over it: 题注
    ):
        j -= 1
    head = rules.words("title_head")
    for cand in range(j + 1, k):
        # the head in the lines above or where they meet the last ("广东省人民政府" / "关于印发…"); a line that
        # opens with its own organisation ("戊部关于…") is whole, the name above it is the page's. Where they
        # meet, the lines above must name the issuer: a site's heading ("全国性的法律、法规、规章及规范性文件（七）")
        # over "关于…的通知" is no part of it
        above = "".join(texts[cand:k])
        if head.search(above) or (head.search(above + texts[k][:2]) and looks_like_org(above)):
            start = cand
            break
    if start == k and j < k - 1 and _element("announcement_kind_only").match(texts[k]) and looks_like_org(texts[k - 1]):
        # an announcement's kind under its issuer over its number ("峨边彝族自治县人民政府" / "土地征收预公告" /
        # "（峨征预公告〔2023〕2号）"): the two lines are its title, as "郑州市人民政府" / "通告" are
        start = k - 1
    return start, note if note is not None else k


_TITLE_NOTE_LINE = regex.compile(r"[（(][^（）()。，,；：:]{2,20}[）)]")
# a page's byline between a title and its 文号: a label, a date (and time), its counters ("时间：2020年09月15日
# 点击次数：13460"); only read above the 文号, where a 会议 notice's "时间：" line never stands
_DATED_FIELD = regex.compile(
    r"^\p{Han}{1,6}[：:]\s*(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*\p{Han}{2,6}[：:]\s*[\d,]*)*$"
)
# the first lines of a 主送机关 list broken before its colon: organisations separated by 、 or ，, no sentence
_RECIPIENTS_HEAD = regex.compile(r"[^。：:；;！？]{2,80}?[、，,][^。：:；;！？]*")
_TITLE_BREAK = regex.compile(r"(?:的|和|与|及|暨|关于|对|、)$")


def _title_lines(doc: NormDoc, lay: _Draft, texts: list[str], k: int, first: int) -> tuple[int, int]:
    """The paragraphs of a title that a blank line broke where it cannot end ("…检查情况的" / "整改通知"):
    from the title-like paragraph `k`, up over lines ending so and down while it ends so."""
    def part(j: int) -> bool:
        return (
            first <= j < len(texts)
            and j not in lay.roles
            and doc.paras[j].kind == "para"
            and len(texts[j]) <= SETTINGS.max_title_line
            and not _TITLE_PUNCT.search(texts[j])
            and not _element("news_dateline").match(texts[j])  # "新华社北京2月21日电" over the title
        )

    a = b = k
    while part(a - 1) and _TITLE_BREAK.search(texts[a - 1]):
        a -= 1
    head = rules.words("title_head")
    if a == k and not head.search(texts[k]) and part(k - 1) and head.search(texts[k - 1]) and not _is_title(texts[k - 1]):
        # a title broken after a place name, its head on the line above ("江西省人民政府办公厅关于印发江西省" /
        # "县级公立医院综合改革试点工作实施意见的通知"): the last line alone names no issuer and no 关于; that line
        # may itself be the second of three ("自治区人民政府关于" / "印发新疆维吾尔自治区" / "…计划的通知")
        a -= 1
        while part(a - 1) and _TITLE_BREAK.search(texts[a - 1]):
            a -= 1
    if a == k and texts[k].startswith("关于") and part(k - 1) and _issuers_alone(texts[k - 1]):
        a -= 1  # the issuers on a line of their own over "关于…" ("中共中央 国务院" / "关于…的意见"): §7.3.1's 发文机关名称
    while part(b + 1) and (_TITLE_BREAK.search(texts[b]) or texts[b].endswith("》") and _is_title(texts[b + 1]) and not texts[b + 1].startswith("《")):
        b += 1  # "关于印发2022年《政府工作报告》" / "重点任务责任落实分工的通知": the book title is not the end
    if part(b + 1) and texts[b].endswith(tuple(_ANNOUNCEMENT_KINDS)) and _bracketed_serial(texts[b + 1]):
        b += 1  # "…征收土地的公告" / "（第3号）": the serial is the title's, as a site prints it on one line
    return a, b


def _bracketed_serial(text: str) -> bool:
    """A 公告's serial in brackets ("（第7号）"): the title's, as a site prints it on the title's line."""
    return text.startswith(("（", "(")) and _element("order_number").match(text) is not None


_LEADING_NUMBER = regex.compile(r"^[（(](?P<number>[^（）()]{4,40})[)）]\s*(?=\S)")
_TITLE_NUMBER = regex.compile(r"^(?P<title>.+?)\s*[（(](?P<number>[^（）()]{4,40})[)）]$")


def _title_and_number(text: str) -> tuple[int, DocNumber, int] | None:
    """A title a web page printed with its 文号 in brackets ("…实施意见》的通知（岳办发〔2017〕2号）"): the
    title's length, the number and where the number starts; None for any other line."""
    m = _TITLE_NUMBER.match(text)
    if m is None or not (_is_title(m.group("title")) or _names_the_page(m.group("title"))):
        return None
    num = parse_doc_number(m.group("number"))
    return (len(m.group("title")), num, m.start("number")) if num is not None else None


def _names_the_page(text: str) -> bool:
    """A name with no document type that a page printed over its bracketed 文号 ("2021年县政府重点工作任务（华政发
    〔2021〕2号）"): the number alone in the brackets says the line is the notice's title, as a site shows it."""
    return SETTINGS.min_bare_title <= len(text) <= SETTINGS.max_title and not _TITLE_PUNCT.search(text) and not text.startswith(("《", "“"))


def _set_title(doc: NormDoc, lay: _Draft, texts: list[str], k: int, first: int) -> int:
    """Mark the title found at paragraph `k` (with the lines a blank line broke off it); the next index."""
    both = _title_and_number(texts[k])
    if both is not None:
        length, num, at = both
        p = doc.paras[k]
        lay.title = _span(doc, p, texts[k][:length], p.start, p.start + length)
        if lay.doc_number is None:
            lay.doc_number = num
            lay.doc_number_span = _span(doc, p, num.normalized, p.start + at + num.start, p.start + at + num.end)
        lay.mark(k, TITLE)
        return k + 1
    a, b = _title_lines(doc, lay, texts, k, first)
    if a == b:
        lay.title = _span(doc, doc.paras[k])
    else:
        p, q = doc.paras[a], doc.paras[b]
        lay.title = Span(title_text(texts[a : b + 1]), p.start, q.end, p.page, doc.text[p.start : q.end])
        lay.title_paras = (a, b)
    lay.mark_range(a, b + 1, TITLE)
    return b + 1


_BYLINE_SOURCE = regex.compile(r"来源[：:]\s*(?P<source>[^\s：:]{2,30}?)\s*(?=(?:作者|编辑|时间|日期|发布时间|浏览|点击)[：:]|$)")
_BYLINE_REACH = 4


MIN_FIELDS_UNDER_HEADING = 2


def _heading_over_fields(doc: NormDoc, lay: _Draft, texts: list[str]) -> int | None:
    """The first paragraph when it stands right over a page's metadata fields (at least two lines of label and
    value) and reads as a heading (short, no sentence, no page chrome such as a breadcrumb); else None."""
    k = next((j for j in range(min(len(texts), SETTINGS.header_window)) if j not in lay.roles), None)
    if k is None or doc.paras[k].kind != "para" or len(texts[k]) > SETTINGS.max_title or _FULL_STOP.search(texts[k].rstrip("？?")) or _export_furniture(texts[k]):
        return None
    under = texts[k + 1 : k + 1 + MIN_FIELDS_UNDER_HEADING]
    if len(under) < MIN_FIELDS_UNDER_HEADING or any(_page_fields(t) is None for t in under):
        return None
    return k


def _byline_repeated(doc: NormDoc, lay: _Draft, texts: list[str]) -> None:
    """A site's byline ("时间：2022年12月06日来源：辽宁省卫生健康委员会", page chrome) printed again under it as its
    source and date ("辽宁省卫生健康委员会 2022年12月06日"): the repeat is the page's too, not a 发文机关标志 and
    成文日期 over the notice (the notice signs itself at its end)."""
    for k in range(min(len(texts), SETTINGS.header_window)):
        m = _BYLINE_SOURCE.search(texts[k]) if lay.roles.get(k) == FURNITURE else None
        if m is None:
            continue
        for j in range(k + 1, min(len(texts), k + 1 + _BYLINE_REACH)):
            if j in lay.roles:
                continue
            if texts[j] == m.group("source"):
                lay.mark(j, FURNITURE)
                if j + 1 < len(texts) and j + 1 not in lay.roles and rules.element_rules()["signed_date"].pattern.fullmatch(texts[j + 1]):
                    lay.mark(j + 1, FURNITURE)
            break


def _site_menu(doc: NormDoc, lay: _Draft, texts: list[str], n: int) -> None:
    """A text copy of a whole page keeps its menus above the notice ("• 首页" / "• 要闻动态" / "• 政务公开" / …):
    a run of bulleted short names is furniture, so the title is looked for below it."""
    item = rules.element_rules()["menu_item"].pattern
    run: list[int] = []
    for k in range(n + 1):
        if k < n and doc.paras[k].kind == "para" and (item.match(texts[k]) or run and k in lay.roles):
            run.append(k)
            continue
        if sum(1 for j in run if j not in lay.roles) >= SETTINGS.menu_run:
            for j in run:
                lay.mark(j, FURNITURE)
        run = []


def _page_chrome(text: str) -> bool:
    """A line of the page's own under a notice's title: its fields (发布日期：… 访问量：…) or chrome (分享到, 微博)."""
    return _export_furniture(text) or _page_fields(text) is not None or _glued_fields(text) is not None


def _page_lead_in(doc: NormDoc, texts: list[str]) -> int:
    """How many leading paragraphs are a web page's own, when a browser printed the whole page to PDF: its
    menus, search box and related links run past the header window before the notice's title and 主送机关
    ("市民网页" / "语言" / "简体" / … / "穗府办规〔2021〕7号" / "广州市人民政府办公厅关于…的通知" / "各区人民政府，…：").
    0 when a 主送机关 under a title stands within the window, or none stands within the page's reach."""
    for k in range(min(len(texts), SETTINGS.page_lead_reach)):
        if doc.paras[k].kind != "para":
            continue
        if texts[k].endswith(("：", ":")) and addressees(texts[k]):
            # the 主送机关 under its title, maybe with the page's byline and share buttons between them
            above = [j for j in range(k - 1, max(k - 1 - SETTINGS.recipients_window - _BYLINE_REACH, -1), -1) if not _page_chrome(texts[j])]
            title = next((j for j in above[: SETTINGS.recipients_window] if _is_title(texts[j])), None)
        elif "号" in texts[k] and len(texts[k]) <= SETTINGS.max_title_line and number_line(texts[k]) is not None and not _page_fields(texts[k]):
            # or the 文号 right over its title (a 公告, a 令, a notice printed without its 主送机关)
            title = next((j for j in range(k + 1, min(k + 1 + SETTINGS.recipients_window, len(texts))) if _is_title(texts[j])), None)
        else:
            continue
        if title is None:
            continue
        if title + SETTINGS.recipients_window < SETTINGS.header_window or any(len(texts[j]) > SETTINGS.max_title for j in range(title)):
            return 0  # within reach of the header finders, or body text above (a notice printed inside another)
        # the lines the title may have over it (its 发文机关标志 and 文号) stay for the header finders
        return max(0, title - SETTINGS.title_above_lines)
    return 0


def _bulletin_masthead(doc: NormDoc, lay: _Draft, texts: list[str], n: int) -> None:
    """A bulletin's masthead (简报, 督查通报): its name, the issue ("20期") and the line naming its editor and the
    day ("寿县人民政府督查室  2022年8月19"), above the title. The editor and the day stand in for a 署名 and a
    成文日期 the text does not close with."""
    el = rules.element_rules()
    for k in range(n):
        if k in lay.roles or doc.paras[k].kind != "para" or not el["bulletin_issue"].pattern.match(texts[k]):
            continue
        if k and k - 1 not in lay.roles and len(texts[k - 1]) <= SETTINGS.bulletin_name_max and not _SENTENCE_OR_INTRO.search(texts[k - 1]):
            lay.mark(k - 1, HEADER)  # the bulletin's name ("寿县政务督查")
        lay.mark(k, HEADER)
        m = el["bulletin_editor"].pattern.match(texts[k + 1]) if k + 1 < n and k + 1 not in lay.roles else None
        if m is not None and looks_like_org(m.group("org")):
            p = doc.paras[k + 1]
            lay.header_signer = (k + 1, _span(doc, p, m.group("org"), p.start + m.start("org"), p.start + m.end("org")))
            if lay.header_date is None:
                lay.header_date = (k + 1, _span(doc, p, m.group("date"), p.start + m.start("date"), p.start + m.end("date")))
            lay.mark(k + 1, HEADER)
        return


_WIDGET_WORD = regex.compile(r"[\p{Han}A-Za-z]{1,8}")  # a page widget's word: short, no figure, no mark


def _header(doc: NormDoc, lay: _Draft, texts: list[str]) -> None:
    el = rules.element_rules()
    lead = _page_lead_in(doc, texts)
    for k in range(lead):
        if _page_fields(texts[k]) is None and _glued_fields(texts[k]) is None:
            lay.mark(k, FURNITURE)  # the page's chrome; its metadata fields are still read below
    n = min(len(texts), lead + SETTINGS.header_window)
    _site_menu(doc, lay, texts, n)
    # 0. what an export or crawler put around the notice, and a title printed twice (北大法宝 exports)
    for k in range(len(texts)):
        if doc.paras[k].kind == "para" and _export_furniture(texts[k]):
            lay.mark(k, FURNITURE)
            p = doc.paras[k]
            for a, b in _field_pieces(texts[k]):
                m = el["export_field"].pattern.match(texts[k][a:b])  # (its ^ holds at a string's start only)
                if m and m.group("label") and m.group("value"):
                    value = m.group("value").strip()
                    at = p.start + a + m.start("value")
                    lay.export_fields.setdefault(m.group("label"), _span(doc, p, value, at, at + len(value)))
    _byline_repeated(doc, lay, texts)
    lead_end = next((k for k in range(min(n, SETTINGS.repost_lead_lines)) if el["repost_lead_end"].pattern.match(texts[k])), None)
    if lead_end is not None and lead_end + 1 < n and len(texts[lead_end + 1]) >= SETTINGS.body_sentence and "。" in texts[lead_end + 1]:
        # the copied text's sentences follow the lead at once: the page's heading above it is the text's only title,
        # so the lead is left as it stands (not the headline with it)
        lead_end = None
    if lead_end is not None:
        # a reposting site's lead over the notice it copies ("日前，…印发…" / "文件指出，…" / "文件详情如下：")
        lay.mark_range(0, lead_end + 1, FURNITURE)
    footer = [k for k in range(len(texts)) if el["site_footer"].pattern.search(texts[k]) and len(texts[k]) <= SETTINGS.max_title]
    for k in footer:
        # the site's footer block: its marker lines and the 主办单位/联系我们 lines beside them
        for j in range(max(0, k - SETTINGS.footer_reach), min(len(texts), k + SETTINGS.footer_reach + 1)):
            if j == k or _SITE_OWNER.match(texts[j]):
                lay.mark(j, FURNITURE)
    for k in range(n):
        if doc.paras[k].kind == "para" and el["separator_line"].pattern.match(texts[k]):
            lay.mark(k, FURNITURE)  # the separator under the 发文机关标志 printed as dashes (§7.2.4)
    seen: dict[str, int] = {}
    for k in range(n):
        # a line printed twice in a row, or a title printed again (as the page's heading and over the notice):
        # the earlier print is the page's, the later one the notice's. A 署名 repeating the 发文机关标志 is no
        # repeat of this kind.
        earlier = seen.get(texts[k])
        if earlier is not None and doc.paras[k].kind == "para" and (earlier == k - 1 or _is_title(texts[k])):
            between = range(earlier + 1, k)
            if between and all(el["promulgation"].pattern.match(texts[j]) for j in between):
                if k + 1 < n and number_line(texts[k + 1]) is not None:
                    # the second print stands over the 文号 (法释〔2022〕18号): it is the notice's title, and the
                    # lines between are still its 题注
                    lay.mark(earlier, FURNITURE)
                    _take_notes(doc, lay, between)
                else:
                    # a law database's title, its 题注 under it, then the text's own title again: the first print
                    # heads the 题注, the second is the repeat
                    lay.mark(k, FURNITURE)
            elif (
                _is_title(texts[k])
                and any("。" in texts[j] and _page_fields(texts[j]) is None for j in between)
                and not any("。" in texts[j] for j in range(k + 1, n))
            ):
                # the title printed again below the notice's sentences, with none after it (a page's footer or
                # share box repeats it): the earlier print heads the notice, the later one is the page's
                lay.mark(k, FURNITURE)
            else:
                lay.mark(earlier, FURNITURE)
                if _is_title(texts[k]) and lay.title_reprinted in (None, earlier):
                    # printed a third time (the page's heading, its title field, the text's own title over
                    # its 第一章): the latest print is the one left to stand as the title
                    lay.title_reprinted = k
        seen[texts[k]] = k
    # a web page's metadata block copied above the notice (up to the first sentence or 主送机关): furniture,
    # its 发文字号 stands in for a 文号 line the notice lacks, its 成文日期 for a missing date
    page_number: tuple[int, DocNumber, int] | None = None
    glued_above = -2  # the last line read as fields run together (a line of one field may follow it)
    infobox = _infobox(texts, n)
    for k in range(n):
        if doc.paras[k].kind != "para" or k not in lay.roles and el["recipients"].pattern.match(texts[k]) and _page_fields(texts[k]) is None:
            break
        if "。" in texts[k] and not (k == 0 and _titled_sentence(texts[k])):
            if (summary := _page_fields(texts[k])) and summary[0][0] == "摘要":
                lay.mark(k, FURNITURE)  # the page's summary of the notice (内容概述：…。), a field of its block
                continue
            if k < infobox:
                lay.mark(k, FURNITURE)  # an encyclopedia's lead about the notice, above the fields it lists
                continue
            break  # the body's first sentence; a wiki's first line, its title with a full stop, is not one
        if el["page_value"].pattern.match(texts[k]):
            lay.mark(k, FURNITURE)  # a field's value printed without its label (2021-04-01, 有效)
            continue
        labelled = _page_fields(texts[k])
        fields = labelled or _glued_fields(texts[k], alone=glued_above == k - 1)
        if fields and not labelled:
            glued_above = k
        for key, a, b in fields or ():
            lay.mark(k, FURNITURE)
            # a value between the bars of a table copied as text ("名 称: | 市人民政府办公室关于…的通知 |")
            while a < b and texts[k][a] in _CELL_EDGE:
                a += 1
            while b > a and texts[k][b - 1] in _CELL_EDGE:
                b -= 1
            value = texts[k][a:b].strip()
            p = doc.paras[k]
            if key == "发文字号" and page_number is None:
                num0 = next(iter(find_doc_numbers(texts[k][a:b])), None)
                if num0 is not None:
                    page_number = (k, num0, a)
            elif key in ("成文日期", "标题", "实施日期", "失效日期", "发文机关", "发布日期", "有效性") and value:
                lay.export_fields.setdefault(key, _span(doc, p, value, p.start + a, p.start + a + len(value)))
                if key in ("成文日期", "发布日期") and page_number is None and "号" in value and _OPENS_WITH_DATE.match(value):
                    # shanghai.gov.cn's 公文库 prints the 文号 after the dates with no label of its own ("印发日期：
                    # 2026-01-30 发布日期：2026-01-30 沪松府〔2026〕18 号 字号：…")
                    num0 = next(iter(find_doc_numbers(texts[k][a:b])), None)
                    if num0 is not None:
                        page_number = (k, num0, a)
    _bulletin_masthead(doc, lay, texts, n)
    first = 0
    while first < n and first in lay.roles:
        first += 1
    i = first
    # 发文机关标志: "<机关>文件", or an organisation's name alone above the 文号
    # the first lines not yet placed: a page's byline and counters between them ("来源：…" / "浏览次数：") do not count
    unplaced = list(itertools.islice((k for k in range(first, n) if k not in lay.roles), SETTINGS.issuer_mark_window))
    for k in unplaced:
        # a page copied from a printed masthead may break "文件" onto a line of its own
        split = k + 1 < n and texts[k + 1] == "文件" and texts[k] != "文件"
        m = el["issuer_mark"].pattern.match(texts[k] + "文件" if split else texts[k])
        if m:
            lay.issuer_mark = _span(doc, doc.paras[k], m.group("issuer"), doc.paras[k].start, doc.paras[k].start + len(m.group("issuer")))
            lay.mark_range(k, k + 1 + split, ISSUER_MARK)
            i = k + 1 + split
            break
    k_num = None
    announced: tuple[int, int] | None = None  # the paragraphs of an announcement's head over its number
    for k in range(i, n):
        if k in lay.roles:
            continue
        if doc.paras[k].kind == "para" and (
            texts[k].endswith(("：", ":")) and addressees(texts[k]) or len(texts[k]) >= SETTINGS.body_sentence and "。" in texts[k]
        ):
            break  # the 主送机关 or the body has begun: a number below them closes the text, no 版头's (§7.2.4 order)
        num = parse_doc_number(texts[k])
        if num is None and "签发人" in texts[k]:
            num = number_line(texts[k])  # an upward document's 文号 beside its 签发人 (GB/T 9704 §7.2.4)
        if (
            num is None and lay.issuer_mark is None and k + 1 < n and doc.paras[k].kind == "para"
            and _element("order_number").match(texts[k + 1]) and not _element("order_head").match(texts[k]) and looks_like_org(texts[k])
        ):
            # a law site prints an order's head without its 令 ("吉林省长春市人民政府" / "第63号"): the body is the
            # issuer; a bare number names no agency, so no 文号 is made of it
            lay.issuer_mark = _span(doc, doc.paras[k])
            lay.mark(k, ISSUER_MARK)
            continue
        if num is None and lay.roles.get(k - 1) == ISSUER_MARK and _element("order_number").match(texts[k]):
            # the serial under an order's head printed without its 令 ("吉林省长春市人民政府" / "第63号"): no 文号
            # (a bare number names no agency), but the order's preamble and 成文日期 follow it, above the title
            lay.mark(k, HEADER)
            lay.order_serial = True
            i = k + 1
            break
        if (
            num is None and k + 1 < n and k + 1 not in lay.roles and _element("order_number").match(texts[k]) and _element("announcement_head").match(texts[k + 1])
            and "关于" not in texts[k + 1] and (both := parse_doc_number(texts[k + 1] + texts[k])) is not None
        ):
            # the serial printed before the announcement's head ("〔2022〕第39号" / "兰考县人民政府征收土地预公告"): the
            # number is read from both, the head titles it
            k_num = k
            lay.doc_number = both
            p, q = doc.paras[k], doc.paras[k + 1]
            lay.doc_number_span = Span(both.normalized, p.start, q.end, p.page, doc.text[p.start : q.end])
            lay.mark_range(k, k + 2, DOC_NUMBER)
            announced = (k + 1, k + 1)
            i = k + 2
            break
        # (the page's own lines between a 令's head and its number do not part them: an archive's "Original URL: …")
        below = next((j for j in range(k + 1, n) if j not in lay.roles), n) if num is None else n
        if below < n and _element("order_head").match(texts[k]) and _element("order_number").match(texts[below]):
            # a 令 printed as its 发文机关标志 over its number (§10.2: "中华人民共和国商务部令" / "2018年第2号"); an
            # announcement's kind printed on a line of its own under its issuer ("郑州市人民政府" / "通告")
            top = k - 1 if texts[k] in _ANNOUNCEMENT_KINDS and k - 1 >= first and k - 1 not in lay.roles and looks_like_org(texts[k - 1]) else k
            num = parse_doc_number("".join(texts[top : k + 1]) + texts[below])
            if num is not None and doc.paras[k].kind == "para":
                k_num = below
                lay.doc_number = num
                p, q = doc.paras[top], doc.paras[below]
                lay.doc_number_span = Span(num.normalized, p.start, q.end, p.page, doc.text[p.start : q.end])
                lay.mark_range(top, k + 1, DOC_NUMBER)
                lay.mark(below, DOC_NUMBER)
                announced = (top, k) if _element("announcement_head").match("".join(texts[top : k + 1])) else None
                i = below + 1
                break
            if num is None and doc.paras[k].kind == "para" and _element("announcement_head").match("".join(texts[top : k + 1])):
                # an announcement numbered by a yearless serial ("郑州市人民政府" / "通告" / "第12号"): its head is its
                # title, as with a 文号; the bare serial names no agency and no year, so no 文号 is made of it. A
                # serial in brackets is the title's as a site prints it on one line ("…办公室公告（第7号）")
                announced = (top, below) if _bracketed_serial(texts[below]) else (top, k)
                lay.mark_range(top, k + 1, HEADER)
                lay.mark(below, HEADER)
                i = below + 1
                break
        if num is not None and doc.paras[k].kind == "para":
            k_num = k
            lay.doc_number = num
            lay.doc_number_span = _span(doc, doc.paras[k], num.normalized, doc.paras[k].start + num.start, doc.paras[k].start + num.end)
            lay.mark(k, DOC_NUMBER)
            i = k + 1
            break
    if k_num is None and page_number is not None:
        k, num, a = page_number
        lay.doc_number = num
        lay.doc_number_span = _span(doc, doc.paras[k], num.normalized, doc.paras[k].start + a + num.start, doc.paras[k].start + a + num.end)
    lay.header_end = i
    # 标题: right after the 文号 (GB/T 9704 order), else printed above it, else the first title-like line
    title_idx = None
    looked = 0
    open_sentence = False  # the line before ended inside a sentence (a 令's preamble broken over lines)
    for k in range(i, len(texts)):
        if k in lay.roles:
            continue  # furniture between the 文号 and the title does not count
        looked += 0 if open_sentence else 1  # a sentence broken over lines counts once
        if looked > SETTINGS.title_after_number:
            break
        open_sentence = k_num is not None and len(texts[k]) >= SETTINGS.max_title_line // 2 and _OPENS_SENTENCE.search(texts[k]) is not None
        t = texts[k].rstrip("》”")
        if doc.paras[k].kind != "para" or t.endswith("：") or k_num is None and _FULL_STOP.search(texts[k]):
            break  # the 主送机关, or with no 文号 the body's first sentence: no title below them (a 令's
            # promulgating sentence stands between its number and the title of what it promulgates)
        if _opens_heading(texts[k]):
            break  # the body's first heading ("一、一般规定" under a 司法解释's preamble): no title below it
        if _broken_off_field(texts, k, lay):
            lay.mark(k, FURNITURE)  # the rest of a field's value ("名称：…关于印发" / "《…规则》的通知")
            looked -= 1
            continue
        if any(t.endswith(dt) for dt in rules.doc_types()) and not _PUNCT.search(texts[k][-1:]) and not t.startswith("特此") and "。" not in t or _is_title(texts[k]) or _title_and_number(texts[k]):
            # (a title holds no full stop: a run-on line of sentences that happens to end with a type word is none)
            title_idx = k
            break
    if title_idx is not None:
        i = _set_title(doc, lay, texts, title_idx, first)
    elif k_num is not None:
        found = _title_before(doc, lay, texts, k_num, first)
        if found is not None:
            a, b = found
            p, q = doc.paras[a], doc.paras[b]
            lay.title = Span(title_text(texts[a : b + 1]), p.start, q.end, p.page, doc.text[p.start : q.end])
            lay.title_paras = (a, b)
            lay.mark_range(a, b + 1, TITLE)
            _notes_above(doc, lay, texts, a, first)
    else:
        looked = 0
        for k in range(first, len(texts)):
            if k in lay.roles:
                continue  # furniture between the lines (a page's metadata block) does not count
            if _FIELD_LABEL.match(texts[k]) and not addressees(texts[k]):
                continue  # a page field's label on its own line ("主题：", "时限："), its value on the next
            looked += 1
            titled = looked == 1 and _titled_sentence(texts[k])
            if looked <= SETTINGS.preface_lines and texts[k][-1:] == "。" and not titled and _title_over_recipients(texts, k + 1, lay):
                lay.mark(k, FURNITURE)  # an export's or a site's note over the notice ("依《著作权法》…不适用著作权法。")
                continue
            if looked > SETTINGS.title_search or doc.paras[k].kind != "para" or texts[k][-1:] in "。：:" and not titled:
                break
            if titled or _is_title(texts[k]) or _title_and_number(texts[k]):
                i = _set_title(doc, lay, texts, k, first)
                break
    if lay.title is None and announced is not None:
        # an announcement with no title of its own is titled by its head ("郑州市人民政府" / "通告" over
        # "〔2024〕第3号": 郑州市人民政府通告), as GB/T 9704 prints a 公告's 标题
        a, b = announced
        p, q = doc.paras[a], doc.paras[b]
        lay.title = Span(title_text(texts[a : b + 1]), p.start, q.end, p.page, doc.text[p.start : q.end])
        lay.title_paras = (a, b)
    if lay.title is None and lay.title_reprinted is not None and lay.title_reprinted not in lay.roles:
        # no title by the 文号 (a site cut its print short: "关于印发金华市人民政府办理人大代表建议" over the
        # number), and the page printed a whole one twice above the notice: the later print is the title
        lay.title = _span(doc, doc.paras[lay.title_reprinted])
        lay.mark(lay.title_reprinted, TITLE)
        i = max(i, lay.title_reprinted + 1)  # the 主送机关 is looked for below it, not among the page's top lines
    if lay.title is None and (heading := _heading_over_fields(doc, lay, texts)) is not None:
        # a crawler's record of a page that is no 公文 (问答实录, a hotline's answer): its heading over the page's
        # fields (发布日期 / 发布机构 / 原文链接) is all the title it has
        lay.title = _span(doc, doc.paras[heading])
        lay.mark(heading, TITLE)
        i = max(i, heading + 1)
    if lay.title is not None and (whole := _whole_print_above(doc, lay, texts)) is not None:
        lay.title = whole
    if k_num is not None and lay.issuer_mark is None:
        # lines above the 文号 that are not the title: the 发文机关标志 (an organisation's name) or furniture
        title_above = lay.title_paras[0] if lay.title is not None and lay.title_paras and lay.title_paras[0] < k_num else None
        for j in range(first, k_num):
            if j in lay.roles:
                continue
            if lay.title is None and _is_title(texts[j]):
                # the title over a byline of the page's own ("市商务委等八部门关于…的通知" / "发布日期（…）" / the 文号):
                # no masthead line, the title
                lay.title = _span(doc, doc.paras[j])
                lay.mark(j, TITLE)
                continue
            # a law database prints its 发布机关 field between two prints of the title ("…投资的规定" / "辽宁省沈阳市人民
            # 政府" / "…投资的规定" / "沈政令[1997]29号"): the organisation there is the issuer, not a banner
            between_prints = (
                title_above is not None and j == title_above - 1 and lay.roles.get(j - 1) == FURNITURE
                and _SPACES.sub("", texts[j - 1]) == _SPACES.sub("", texts[title_above])
            )
            if looks_like_org(texts[j]) and (title_above is None or j > title_above or between_prints):
                # an organisation above a title that is itself above the 文号 is the page's banner (a county
                # site's name over the notice it shows), not the 发文机关标志, which stands right over the 文号
                lay.issuer_mark = _span(doc, doc.paras[j])
            m = el["signed_date"].pattern.fullmatch(texts[j])
            if m:
                lay.header_date = (j, _span(doc, doc.paras[j], m.group("date")))
            lay.mark(j, HEADER)
    if lay.title is not None and lay.title.value.endswith("。"):
        lay.title = Span(lay.title.value[:-1], lay.title.start, lay.title.end - 1, lay.title.page, lay.title.evidence)
    if lay.title is not None:
        lay.status = title_status(lay.title.value)
        lay.title = _trim_title(lay.title)
    field = lay.export_fields.get("有效性")
    if not lay.status and field is not None:
        value = field.value.strip("".join(_CELL_EDGE))
        lay.status = title_status(f"（{value}）")  # the page's 有效性 field: 失效, 有效
    for k in range(min(len(texts), SETTINGS.header_window)):
        m = el["repeal_note"].pattern.match(texts[k]) if doc.paras[k].kind == "para" else None
        if m:
            lay.mark(k, FURNITURE)  # a database's note that a later act repealed the text: its status
            lay.status = lay.status or m.group("status")
            break
    if lay.title is not None:
        i = _title_reprint(doc, lay, texts, i)
        i = _promulgation(doc, lay, texts, i)
        i = _title_date(doc, lay, texts, i)
    elif i < len(texts) and texts[i][:1] in "（(":
        # a page that prints the title outside the text (an <h1> the reader took as metadata) starts with the
        # bracketed 题注 itself: "（2021年7月27日中华人民共和国国务院令第746号公布）"
        i = _promulgation(doc, lay, texts, i)
    # 主送机关: the paragraph ending with a colon right after the title
    while i < len(texts) and i in lay.roles:
        i += 1
    if lay.issuer_mark is None and lay.title is not None and i < len(texts) and doc.paras[i].kind == "para" and _org_list(texts[i]):
        # a law database prints the issuers on their own line under the title ("财政部、司法部"), as a
        # 发文机关标志 would stand above it (§7.2.3)
        lay.issuer_mark = _span(doc, doc.paras[i])
        lay.mark(i, ISSUER_MARK)
        i += 1
    window = [k for k in range(i, min(i + SETTINGS.recipients_window + SETTINGS.header_window, len(texts))) if k not in lay.roles]
    # a page's furniture between title and 主送机关 does not count, nor do a share bar's short words the rules do not
    # know ("我要收藏" / "公共资源调用站点" / "文章分享" / "头条") under a title (with none, short lines may be a
    # figure's labels over a heading that ends in a colon)
    counted = [k for k in window if lay.title is None or not _WIDGET_WORD.fullmatch(texts[k])]
    if counted[: SETTINGS.recipients_window]:
        window = [k for k in window if k <= counted[: SETTINGS.recipients_window][-1]]
    for k in window:
        if _opens_heading(texts[k]) and doc.paras[k].kind == "para":
            # the body's first heading ("1、一次性创业资助" over "补贴条件：", or a first article ending in a colon,
            # "第一条 明知是…下列情形之一的…处罚："): the 主送机关 stands above the body (§7.3.2)
            break
        m = el["recipients"].pattern.match(texts[k])
        if m and doc.paras[k].kind == "para":
            a = k
            while a - 1 >= i and a - 1 not in lay.roles and _RECIPIENTS_HEAD.fullmatch(texts[a - 1]) and doc.paras[a - 1].kind == "para":
                a -= 1  # the list began on lines the source broke ("各县、区人民政府，…、苏州" / "宿迁工业园区，…：")
            p = doc.paras[a]
            begin = p.start
            lead = _LEADING_NUMBER.match(texts[a])
            num = parse_doc_number(lead.group("number")) if lead is not None else None
            if lead is not None and num is not None:
                # the 文号 a database printed in brackets at the head of the 主送机关's line ("（新政发〔1994〕103号）伊犁
                # 哈萨克自治州，…："): the number is the notice's, the addressees start after it
                begin = p.start + lead.end()
                if k_num is None:
                    at = p.start + lead.start("number")
                    lay.doc_number = num
                    lay.doc_number_span = _span(doc, p, num.normalized, at + num.start, at + num.end)
            end = doc.paras[k].start + len(m.group("value"))
            lay.recipients = Span(doc.text[begin:end].replace("\n", ""), begin, end, p.page, doc.text[p.start : doc.paras[k].end])
            lay.mark_range(a, k + 1, RECIPIENTS)
            i = k + 1
            break
    else:
        # (the next line a sentence, or one that introduces what follows: "…现就有关事项通知如下：")
        if lay.title is not None and i + 1 < len(texts) and _colonless_recipients(texts[i]) and doc.paras[i].kind == "para" and _SENTENCE_OR_INTRO.search(texts[i + 1]):
            lay.recipients = _span(doc, doc.paras[i])
            lay.mark(i, RECIPIENTS)
            i += 1
        elif lay.title is not None and i < len(texts) and doc.paras[i].kind == "para" and (head := _recipients_run_in(texts[i])):
            # a page that lost the break after the 主送机关: "各县（市、区）人民政府，市政府各部门：今年5月，…" —
            # the addressees are read, the paragraph stays body text
            p = doc.paras[i]
            lay.recipients = _span(doc, p, head, p.start, p.start + len(head))
    lay.body_start = i


_FULL_STOP = regex.compile(r"[。！？]")
_SENTENCE_OR_INTRO = regex.compile(r"[。！？]|\p{Han}{6}[：:]$")
MAX_JOINT_ISSUERS = 8


def _org_list(text: str) -> bool:
    """An organisation's name, or a few joined by 、 ("财政部、司法部"), and nothing else on the line."""
    parts = text.split("、")
    return len(parts) <= MAX_JOINT_ISSUERS and "各" not in text and not text.startswith("有关") and all(looks_like_org(p) for p in parts)


_ADDRESSEE_END = regex.compile(r"(?:部门|单位|机构|企业|学校|医院|乡镇|街道|管委会|办事处|村|社区|居委会|村委会|站所)$")


def _recipients_run_in(text: str) -> str:
    """The 主送机关 at the head of a body paragraph ("各县（市、区）人民政府，市政府各部门：今年5月…"), or ''."""
    head, colon, rest = text.partition("：")
    if not colon or not rest or not head.startswith("各") or len(head) > 120 or _FULL_STOP.search(head):
        return ""
    items = [t for t in _LIST_SEPARATOR.split(head) if t]
    org_end = rules.words("org_suffix")
    return head if len(items) >= 2 and (org_end.search(items[-1]) or _ADDRESSEE_END.search(items[-1])) else ""


def _colonless_recipients(text: str) -> bool:
    """A 主送机关 printed without its colon (rules/elements.yaml recipients_colonless): each item ends like an
    organisation or a group of them ("区级各部门")."""
    m = rules.element_rules()["recipients_colonless"].pattern.match(text)
    if m is None:
        return False
    items = [t for t in _LIST_SEPARATOR.split(m.group("value")) if t]
    # the last item's bracket may have lost its close with the colon ("…，区政府各部门（单位": a page cut the line)
    items[-1] = _UNCLOSED_NOTE.sub("", items[-1])
    org_end = rules.words("org_suffix")
    return len(items) >= 2 and all(org_end.search(t) or _ADDRESSEE_END.search(t) for t in items)


_UNCLOSED_NOTE = regex.compile(r"[（(][^（）()]{1,6}$")


_EVENT_END = regex.compile(r"(?:通过|修订|修正|批准|公布|发布|施行)[\s　）)]*$")


def _title_reprint(doc: NormDoc, lay: _Draft, texts: list[str], i: int) -> int:
    """Lines right after the title that print it again, broken over lines (a page's title field, then the
    notice's own title in three lines), maybe after the 文号 printed again and without the title's 《》
    ("鞍立政发〔2023〕2号" / "立山区人民政府关于印发立山区政府…方案的通知"): page furniture, so the 主送机关
    after them is found. Returns the first paragraph after them."""
    assert lay.title is not None
    start = i
    dateline = _element("news_dateline")
    while start < len(texts) and (start in lay.roles or dateline.match(texts[start])):
        # a law database's field list between its title and the text's own (文章属性 … 正文); a news agency's
        # dateline over the text it carries ("新华社北京2月13日电")
        lay.roles.setdefault(start, FURNITURE)
        start += 1
    if lay.doc_number_span is not None and start < len(texts) and texts[start] == lay.doc_number_span.value:
        start += 1
    elif lay.doc_number_span is not None and start < len(texts) and doc.paras[start].kind == "para" and looks_like_org(texts[start]):
        # the notice's red head printed again under the page's title and number: its 发文机关标志, the separator
        # (already furniture), the 文号 ("贵阳市人民政府办公厅" / "——————" / "筑府办函〔2020〕78号" / the title)
        at = next((j for j in range(start + 1, min(len(texts), start + 3)) if j not in lay.roles), None)
        if at is not None and texts[at] == lay.doc_number_span.value:
            if lay.issuer_mark is None:
                lay.issuer_mark = _span(doc, doc.paras[start])
            lay.mark(start, ISSUER_MARK)
            start = at + 1
    title, got, k = _REPRINT_MARKS.sub("", lay.title.value), "", start
    while k < len(texts) and k - start < SETTINGS.max_title_lines and doc.paras[k].kind == "para" and k not in lay.roles:
        got += _REPRINT_MARKS.sub("", texts[k])
        if _issuers_before(got, title):
            return _own_title(doc, lay, texts, start, k + 1)
        if not title.startswith(got) and not _issuers_then_part(got, title):
            return i
        k += 1
        # the text's own print may lack the database's version note ("…办法（1997年修正）" over "…办法")
        if got == title or without_part_mark(title) == got:
            if lay.doc_number_span is not None and k < len(texts) and texts[k] == lay.doc_number_span.value:
                k += 1  # the 文号 printed again under it ("济南市长清区人民政府办公室" / "关于印发…的通知" / "济长政办字〔2021〕3号")
            lay.mark_range(i, k, FURNITURE)
            return k
    return i


_HEADLESS = ("关于", "印发", "转发")  # a title without its issuer's name (§7.3.1 puts it first)


_FIELD_VALUE_GOES_ON = regex.compile(r"[：:].*(?:关于|印发|转发|批转)$")


def _broken_off_field(texts: list[str], k: int, lay: _Draft) -> bool:
    """A title's tail that a scan or a narrow print broke off a page's field line ("废止时间：…名称：太湖县人民政府
    关于印发" / "《太湖县人民政府工作规则》的通知"): it opens with the name it issues, and the field above, read
    already, stops at the verb. The notice's own title comes further down."""
    return k > 0 and k - 1 in lay.roles and texts[k].startswith("《") and bool(_FIELD_VALUE_GOES_ON.search(texts[k - 1]))


def _title_date(doc: NormDoc, lay: _Draft, texts: list[str], i: int) -> int:
    """A date alone in brackets right under the title ("（2023年1月2日）", as 新华社 prints a 中共中央、国务院
    document): the 成文日期 when no date closes the text. Returns the first paragraph after it."""
    k = i
    while k < len(texts) and k in lay.roles:
        k += 1
    m = _element("title_date").match(texts[k]) if k < len(texts) and doc.paras[k].kind == "para" else None
    if m is None:
        return i
    lay.mark(k, TITLE_NOTE)
    if lay.header_date is None:
        lay.header_date = (k, _span(doc, doc.paras[k], m.group("date")))
    if k + 1 < len(texts) and doc.paras[k + 1].kind == "para" and _element("speaker_byline").match(texts[k + 1]):
        lay.mark(k + 1, TITLE_NOTE)  # who gave the report under its date line ("国家发展和改革委员会主任 何立峰")
        return k + 2
    return k + 1


_ISSUING_VERB = regex.compile(r"^(?P<org>.+?)(?:关于印发|关于转发|印发|转发)$")


def _whole_print_above(doc: NormDoc, lay: _Draft, texts: list[str]) -> Span | None:
    """The title a page printed whole above the notice, when the title found by the 文号 is its tail only: a site
    cut the issuer and verb off the print over the number ("《吉林省人民政府办公厅关于印发吉林省政务诚信建设实施方案
    的通知》" above, "吉林省政务诚信建设实施方案的通知" over 吉政办发〔2017〕75号). None when the title is whole."""
    if lay.title is None or lay.title.value.startswith(_HEADLESS) or "关于" in lay.title.value:
        return None
    title = lay.title.value
    top = next((k for k, p in enumerate(doc.paras) if p.start <= lay.title.start <= p.end), 0)
    for j in range(top):
        line = texts[j]
        at = line.find(title)
        if at <= 0 or line[at + len(title) :] not in ("", "》"):
            continue
        start = 0
        num = next(iter(find_doc_numbers(line[:at])), None)
        if num is not None and num.start == 0:
            start = num.end  # the page's heading opens with the 文号: "吉政办发〔2017〕75号《…》"
        start += len(line[start:at]) - len(line[start:at].lstrip("《 "))
        m = _ISSUING_VERB.match(line[start:at])
        if m is None or not _issuers_alone(m.group("org")):
            continue
        p = doc.paras[j]
        return _span(doc, p, line[start : at + len(title)], p.start + start, p.start + at + len(title))
    return None


def _issuers_alone(text: str) -> bool:
    """An organisation's name, or several run together ("中共中央国务院", four bureaus of a city: longer than one
    name may be), and nothing else; a joint text's lead names the rest as 等部门 ("国家发展改革委等部门关于…")."""
    text = _AND_OTHERS.sub("", text) or text
    return looks_like_org(text) or len(split_orgs(text)) > 1


_AND_OTHERS = regex.compile(r"等(?:\d{1,2}|[一二三四五六七八九十]{1,3})?个?(?:部门|单位|部委)$")


def _issuers_before(got: str, title: str) -> bool:
    """Whether lines under a page's heading print the heading again with its issuers before it: the heading
    "关于做好2023年…的意见" (a site's, or a news copy's) over "中共中央 国务院关于做好2023年…的意见"."""
    if not title.startswith(_HEADLESS) or not got.endswith(title) or len(got) == len(title):
        return False  # a heading that names its issuer already ("中共永德县委办公室…关于…") is whole
    issuers = got[: -len(title)]
    return _issuers_alone(issuers)


def _issuers_then_part(got: str, title: str) -> bool:
    """The first lines of such a print: issuers, then the start of the heading ("中共中央 国务院关于做好2023年")."""
    if not title.startswith(_HEADLESS):
        return False
    at = got.find(title[:4])
    if at == -1:
        at = len(got)  # the issuers on a line of their own ("中共中央 国务院" / "关于全面推进…的意见")
    return at > 0 and title.startswith(got[at:]) and _issuers_alone(got[:at])


def _own_title(doc: NormDoc, lay: _Draft, texts: list[str], a: int, b: int) -> int:
    """The paragraphs a..b-1, the title with its issuers, become the title; the heading above is the page's."""
    for k in [k for k, role in lay.roles.items() if role == TITLE]:
        lay.roles[k] = FURNITURE
    p, q = doc.paras[a], doc.paras[b - 1]
    lay.title = Span(title_text(texts[a:b]), p.start, q.end, p.page, doc.text[p.start : q.end])
    lay.title_paras = (a, b - 1)
    lay.mark_range(a, b, TITLE)
    return b


_DATED = regex.compile(r"^[（(]{0,2}\s*(?:19|20)\d{2}年\d{1,2}月\d{1,2}日")


def _broken_event(doc: NormDoc, texts: list[str], k: int) -> bool:
    """A 题注 event a database broke over two lines: a dated line that is no event alone but is one joined with
    the next ("2013年2月26日 青岛市第十五届人民代表大会常务委员会" / "第九次会议通过")."""
    line = rules.element_rules()["promulgation"].pattern
    return (
        k + 1 < len(texts)
        and doc.paras[k + 1].kind == "para"
        and bool(_DATED.match(texts[k]))
        and "。" not in texts[k + 1]  # a dated line over the preamble's first sentence is no broken event
        and len(texts[k + 1]) <= SETTINGS.max_title
        and not line.match(texts[k + 1])
        and bool(line.match(_joined_event(texts[k], texts[k + 1])))
    )


def _joined_event(a: str, b: str) -> str:
    """The two lines of a broken event as one: "国务院" / "中央军委发布" are two bodies (joined by 、), "…常务委员会"
    / "第九次会议通过" one sentence."""
    # "…人民代表大会" / "常务委员会第三十三次会议通过": the standing committee of the congress named above, one body
    two = not b.startswith(("第", "常务委员会", "常委会")) and not _breaks_a_word(a, b) and looks_like_org(_DATED.sub("", a).strip())
    return f"{a}、{b}" if two else a + b


_WORD_REACH = 4  # characters each side of a line break segmented to ask whether it falls inside a word


def _inside_a_broken_line(doc: NormDoc, texts: list[str], k: int) -> bool:
    """Whether the lines around paragraph k are one line broken inside a word (jieba finds no word boundary
    where they meet): k sits inside a table row or a text the page broke, not under a 署名."""
    if k == 0 or k + 1 >= len(texts) or doc.paras[k - 1].kind != "para" or doc.paras[k + 1].kind != "para":
        return False
    a, b = texts[k - 1], texts[k + 1]
    if not (_HAN_CHAR.fullmatch(a[-1:]) and _HAN_CHAR.fullmatch(b[:1])) or looks_like_org(a):
        return False
    if rules.element_rules()["order_signer"].pattern.match(a):
        return False  # a 令's signer ("市长 张某") over its date: a name runs into no word of the line below
    from .nlp import tokenizer  # jieba, loaded once for the whole run

    left, right = a[-_WORD_REACH:], b[:_WORD_REACH]
    at, ends = 0, set()
    for w in tokenizer().cut(left + right, HMM=False):
        at += len(w)
        ends.add(at)
    return len(left) not in ends


_HAN_CHAR = regex.compile(r"\p{Han}")


def _breaks_a_word(a: str, b: str) -> bool:
    """The line break falls inside an organisation's ending ("…人民代表大会常务委" / "员会第十七次会议通过", a
    regulation's 题注 set in narrow lines): one body, not two."""
    joined = a + b
    return any(
        joined.startswith(w, len(a) - j) for w in rules.word_rules()["org_suffix"].words if len(w) > 1 for j in range(1, len(w)) if j <= len(a)
    )


def _promulgation(doc: NormDoc, lay: _Draft, texts: list[str], i: int) -> int:
    """The 题注 right after a law's title: lines starting with a dated event, each with the lines that finish
    it (a decision's title broken over lines ends with 修正). Returns the first paragraph after it."""
    line = rules.element_rules()["promulgation"].pattern
    k = i
    while k < len(texts) and k in lay.roles:
        k += 1
    if k + 1 < len(texts) and k not in lay.roles and looks_like_org(texts[k]) and line.match(texts[k + 1]):
        lay.mark(k, FURNITURE)  # a law site prints the enacting body between the title and its 题注 (上海市人大常委会)
        k += 1
    start = k
    amendment = rules.element_rules()["promulgation_amendment"].pattern
    while k < len(texts) and k - start < SETTINGS.max_promulgation_lines and doc.paras[k].kind == "para":
        if line.match(texts[k]) or k > start and amendment.match(texts[k]):
            lay.mark(k, TITLE_NOTE)
            lay.promulgation.append(_span(doc, doc.paras[k]))
            k += 1
        elif _broken_event(doc, texts, k):
            # an event broken after its date and place ("2017年7月28日 山东省" / "第十二届…会议…修正"): one event
            p, q = doc.paras[k], doc.paras[k + 1]
            lay.mark_range(k, k + 2, TITLE_NOTE)
            lay.promulgation.append(Span(_joined_event(texts[k], texts[k + 1]), p.start, q.end, p.page, doc.text[p.start : q.end]))
            k += 2
        else:
            break
        while (
            k < len(texts)
            and not _EVENT_END.search(texts[k - 1])
            and doc.paras[k].kind == "para"
            and "。" not in texts[k]
            and not line.match(texts[k])
            and not _opens_heading(texts[k])
            and len(texts[k]) <= SETTINGS.max_title
        ):
            lay.mark(k, TITLE_NOTE)
            # the line finishes the event above ("（1992年10月24日安徽省第七届人民代表大会" / "常务委员会第三十三次会议
            # 通过）"): one event, so the body that adopted it is read whole
            prev, q = lay.promulgation[-1], doc.paras[k]
            lay.promulgation[-1] = Span(_joined_event(prev.value, texts[k]), prev.start, q.end, prev.page, doc.text[prev.start : q.end])
            k += 1
    return k if k > start else i


def _page_lead_out(doc: NormDoc, texts: list[str], lay: _Draft) -> int:
    """Where a web page's footer starts under the notice (its 网站标识码 / ICP备案号 / 版权所有 lines, with the
    主办单位 and 联系我们 lines beside them): a browser's print of the whole page goes on past it with the site's
    menus, none of it the notice's. len(texts) when no footer follows the body."""
    pattern = rules.element_rules()["site_footer"].pattern
    if (related := _related_block(doc, texts, lay)) is not None:
        return related
    if lay.body_start >= len(texts) or pattern.search(doc.text, doc.paras[lay.body_start].start) is None:
        return len(texts)  # no footer mark anywhere below the header (most notices): one search, not one a line

    def marks(j: int) -> set[str]:
        if j >= len(texts) or doc.paras[j].kind != "para" or len(texts[j]) > SETTINGS.max_title or "。" in texts[j]:
            return set()
        return {m.group(0) for m in pattern.finditer(texts[j])}

    for k in range(lay.body_start, len(texts)):
        # a footer shows two of its marks or more (版权所有, 网站标识码, ICP备案号, 公网安备) within a few lines: one
        # word alone ("版权所有人" in a table of rights holders) is no footer
        if marks(k) and len(set().union(*(marks(j) for j in range(k, k + SETTINGS.footer_reach + 1)))) >= 2:
            while k - 1 > lay.body_start and (lay.roles.get(k - 1) == FURNITURE or _SITE_OWNER.match(texts[k - 1])):
                k -= 1
            return k
    return len(texts)


def _related_block(doc: NormDoc, texts: list[str], lay: _Draft) -> int | None:
    """A page's block of links (相关政策与解读, 排行榜) under the notice's 成文日期: where the page leads out."""
    el = rules.element_rules()
    related, dated = el["related_block"].pattern, el["signed_date"].pattern
    if lay.body_start >= len(texts) or _line_pattern(related).search(doc.text, doc.paras[lay.body_start].start) is None:
        return None  # no such line below the header (most notices): one search, not one a line
    # under the notice's 成文日期, or (a page with no date under its text: a 解读, a news item) with no sentence after
    # it, only the links' titles and dates (a heading "相关文件" in a notice has its sentences below)
    first_dated = next((j for j in range(lay.body_start, len(texts)) if dated.match(texts[j])), len(texts))
    last_sentence = next((j for j in range(len(texts) - 1, lay.body_start - 1, -1) if "。" in texts[j]), -1)
    return next((k for k in range(lay.body_start + 1, len(texts)) if (k > first_dated or k >= last_sentence) and related.match(texts[k])), None)


@lru_cache(maxsize=8)
def _line_pattern(pattern: regex.Pattern[str]) -> regex.Pattern[str]:
    """A rule anchored on a whole line (^…$), made to find its line within a whole text."""
    return regex.compile(pattern.pattern, pattern.flags | regex.MULTILINE)


def _closing(doc: NormDoc, lay: _Draft, texts: list[str]) -> None:
    el = rules.element_rules()
    paras = doc.paras
    end = _page_lead_out(doc, texts, lay)
    lay.mark_range(end, len(texts), FURNITURE)
    # 版记 from the end: 印发 line, 抄送 and its continuation lines, 主办/督办 lines
    cc_first = -1
    for k in range(end - 1, max(lay.body_start, end - SETTINGS.record_window) - 1, -1):
        if paras[k].kind != "para":
            continue
        m = el["printed"].pattern.match(texts[k])
        if m:
            p = paras[k]
            lay.printer = _span(doc, p, m.group("printer"), p.start + m.start("printer"), p.start + m.end("printer"))
            lay.issued_date = _span(doc, p, m.group("date"), p.start + m.start("date"), p.start + m.end("date"))
            lay.mark(k, RECORD)
        elif (m := el["printed_date"].pattern.match(texts[k])) and k - 1 >= lay.body_start and paras[k - 1].kind == "para" and looks_like_org(texts[k - 1]):
            p, q = paras[k - 1], paras[k]
            lay.printer = _span(doc, p, texts[k - 1], p.start, p.end)
            lay.issued_date = _span(doc, q, m.group("date"), q.start + m.start("date"), q.start + m.end("date"))
            lay.mark(k - 1, RECORD)
            lay.mark(k, RECORD)
        elif el["office_line"].pattern.match(texts[k]):
            lay.mark(k, RECORD)
        elif (m := el["subject_terms"].pattern.match(texts[k])) and k > lay.body_start:
            p = paras[k]
            lay.extra_elements["subject_terms"] = _span(doc, p, m.group("value"), p.start + m.start("value"), p.start + m.end("value"))
            lay.mark(k, RECORD)
        if lay.recipients is None and (m := el["record_recipients"].pattern.match(texts[k])):
            # the 主送机关 printed in the 版记 like the 抄送 (§7.3.2), its list on the label's line
            p = paras[k]
            lay.recipients = _span(doc, p, m.group("value"), p.start + m.start("value"), p.start + m.end("value"))
            lay.mark(k, RECORD)
            continue
        m = el["cc"].pattern.match(texts[k])
        if m:
            p = paras[k]
            end_k = k
            while end_k + 1 < len(texts) and paras[end_k + 1].kind == "para" and end_k + 1 not in lay.roles and not el["printed"].pattern.match(texts[end_k + 1]) and not el["office_line"].pattern.match(texts[end_k + 1]):
                end_k += 1
            for j in range(k, end_k + 1):
                lay.mark(j, RECORD)
            start, page = p.start + m.start("value"), p.page
            if not m.group("value").strip():
                if end_k == k:
                    continue  # a label with no list under it
                start, page = paras[k + 1].start, paras[k + 1].page  # the label printed alone, the list under it
            end = paras[end_k].end
            if lay.cc is not None and cc_first == end_k + 1:
                end = lay.cc.end  # "抄报：" over "抄送：": one list of copies
            lay.cc = Span(doc.text[start:end], start, end, page, doc.text[p.start : end])
            cc_first = k
    # 成文日期 and the 署名 above it; 公开属性 below. A 令 prints its date above the title of the rules it
    # promulgates, so the search starts right after the 文号.
    top = min(lay.header_end, lay.body_start) if lay.doc_number is not None or lay.order_serial else lay.body_start
    rows: Iterable[int] = range(top, len(texts))
    if lay.recipients is not None and top < lay.body_start:
        # a notice with a 主送机关 is no 令: a date between its 文号 and the addressees is a page's byline
        # (Wikisource: title, 文号, issuer, date, then the text), the 成文日期 only if none closes the text
        rows = itertools.chain(range(lay.body_start, len(texts)), range(top, lay.body_start))
    for k in rows:
        if paras[k].kind != "para" or k in lay.roles:
            continue
        m = el["signed_date"].pattern.match(texts[k])
        if m and _inside_a_broken_line(doc, texts, k):
            continue  # a table's date cell set inside a row broken over lines ("…关于加强革" / "2021年5月28日" / "命文物…")
        if m:
            lay.signed_date = _span(doc, paras[k], m.group("date"))
            lay.mark(k, SIGNED_DATE)
            j = k - 1
            # the 署名 block is set evenly (§7.3.5): a wider run of blank lines than the one over the date ends
            # it, and an organisation's name above that gap is the body's ("2、末位排名" / "交通局")
            spacing = max(paras[k].gap, 1)
            while (
                j >= lay.body_start
                and len(lay.signature) < SETTINGS.max_signatures
                and looks_like_org(name := el["seal_note"].pattern.sub("", texts[j]))  # "某某县统计局（盖章）"
                and paras[j].kind == "para"
                and (j == k - 1 or paras[j + 1].gap <= spacing)
            ):
                p = paras[j]
                pieces = [_span(doc, p, name[a:b], p.start + a, p.start + b) for a, b in split_orgs(name)]
                lay.signature[0:0] = pieces
                lay.mark(j, SIGNATURE)
                j -= 1
            below = k + 1
            while below < len(texts) and below in lay.roles:
                below += 1
            num = parse_doc_number(texts[below]) if below < len(texts) and lay.doc_number is None and paras[below].kind == "para" else None
            if num is not None:
                # a site that prints the 文号 under the 成文日期 ("2023年6月12日" / "（泰政字〔2023〕31号）"): the
                # document's own number, not one it cites
                lay.doc_number = num
                lay.doc_number_span = _span(doc, paras[below], num.normalized, paras[below].start + num.start, paras[below].start + num.end)
                lay.mark(below, DOC_NUMBER)
            break
    if lay.signed_date is None and lay.header_date is not None:
        # no date closes the notice: the one a law database printed with the 文号 is its 成文日期
        k, lay.signed_date = lay.header_date
        lay.roles[k] = SIGNED_DATE
    if not lay.signature and lay.header_signer is not None:
        # nor a 署名: a bulletin's editor, named in its masthead
        lay.signature.append(lay.header_signer[1])
    for k in range(lay.body_start, len(texts)):
        if paras[k].kind == "para" and el["publicity"].pattern.match(texts[k]):
            m = el["publicity"].pattern.match(texts[k])
            lay.publicity = _span(doc, paras[k], m.group("value"), paras[k].start + m.start("value"), paras[k].start + m.end("value"))
            lay.mark(k, NOTE)
            break
    # 附件说明: "附件：1.xxx" then numbered lines
    for k in range(lay.body_start, len(texts)):
        m = el["attachments"].pattern.match(texts[k])
        if not m or paras[k].kind != "para":
            continue
        lay.mark(k, ATTACHMENT_LIST)
        first = m.group("value")
        p = paras[k]
        if first:
            v = _ATTACHMENT_NUMBER.sub("", first)
            lay.attachments.append(_attachment(doc, p, v))
        j = k + 1
        while j < len(texts) and paras[j].kind == "para" and _listed(texts[j]):
            if _ATTACHMENT_NUMBER.match(texts[j]):
                v = _ATTACHMENT_NUMBER.sub("", texts[j])
                lay.attachments.append(_attachment(doc, paras[j], v))
            elif lay.attachments and _ATTACHMENT_NUMBER.match(first or "") and j + 1 < len(texts) and _ATTACHMENT_NUMBER.match(texts[j + 1]) and _listed(texts[j + 1]):
                # a numbered item a page broke over two paragraphs ("1.…联席会" / "议成员单位工作任务清单" /
                # "2.…"): the piece between two numbered items goes on the one before it
                last = lay.attachments[-1]
                lay.attachments[-1] = Span(last.value + texts[j], last.start, paras[j].end, last.page, last.evidence + texts[j])
            else:
                break
            lay.mark(j, ATTACHMENT_LIST)
            j += 1
        break


def _listed(text: str) -> bool:
    """A line that may be an item of the 附件说明: short, not a sentence."""
    return not _PUNCT.search(text[-1:]) and len(text) <= SETTINGS.max_attachment_line


_FILE_SUFFIX = regex.compile(r"\.(?:docx?|xlsx?|wps|et|pdf|ofd|zip|rar)$", regex.IGNORECASE)


def _attachment(doc: NormDoc, p: Para, name: str) -> Span:
    """One attachment named at the end of paragraph `p`; a page's file name loses its extension (….docx)."""
    span = _span(doc, p, name, p.end - len(name), p.end)
    bare = _FILE_SUFFIX.sub("", name)
    return span if bare == name or not bare else Span(bare, span.start, span.end - (len(name) - len(bare)), span.page, span.evidence)


def _heading_text(text: str, label_end: int) -> str:
    rest = text[label_end:]
    cut = len(rest)
    for mark in ("。", "！", "？"):
        pos = rest.find(mark)
        if pos != -1:
            cut = min(cut, pos)
    return rest[:cut].strip().rstrip("：:；;，,")


_ARTICLE_STYLE = frozenset({"part", "chapter", "chapter_section", "article"})
# an attachment's label on a line of its own where its text starts ("附件1", "附件"; GB/T 9704 §7.3.7: an attachment
# starts a new page, its label at the top left of the first line): its headings are its own, not the body's
_ATTACHMENT_START = regex.compile(r"^附\s*件\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?\s*[：:]?$")
_ARTICLE_CAPTION = regex.compile(r"^[（(【]\s*(?![一二三四五六七八九十\d]+\s*[）)】])(?P<caption>[^（）()【】。，,；;：:]{1,16}?)\s*[）)】]")
# how deep a heading nests: its level, except that a 部分/篇/编 holds its 章 and a 章 its 节, and each holds
# the 一、/（一）… scheme (a 规划 or 工作规则: 第一章 总则 / 一、…; a plan: 第一部分 总体要求 / 一、…); the
# level written to the table stays the scheme's (SCHEMA.md)
_RANK = {"part": -0.5, "chapter": 0.0, "chapter_section": 0.5}


_DECIMAL_STYLE = ("decimal1", "decimal2", "decimal3")
_DOTTED_TOP = "decimal1_dotted"
_DECIMAL_PARENT = regex.compile(r"^(\d{1,2})[.．]\d{1,2}(?![.．\d])")
_OTHER_SCHEME = ("level1", "part", "chapter", "article")


def _dotted_decimal(lines: list[str]) -> bool:
    """Whether a document numbers its headings 1.总则 / 1.1编制目的 (the decimal scheme with a point after its
    top level): some "N.M" heading follows an "N." heading of the same N, and no 一、 or 第X章 scheme is
    printed (there "1." is an item and a "1.1" under it part of that item)."""
    by_id = {r.id: r for r in rules.heading_rules()}
    top, second = by_id.get(_DOTTED_TOP), by_id.get("decimal2")
    if top is None or second is None:
        return False
    current = ""
    for t in lines:
        if (m := top.pattern.match(t)) is not None:
            current = m.group("label")[:-1]
        elif current and second.pattern.match(t) and (n := _DECIMAL_PARENT.match(t)) is not None and n.group(1) == current:
            # (asked only of a text that has the shape: most have no "1." heading at all)
            return not any(by_id[i].pattern.match(x) for x in lines for i in _OTHER_SCHEME if i in by_id)
    return False


_CONTENTS_MARK = regex.compile(r"^目\s*录$")
_FIELD_LABEL = regex.compile(r"^\p{Han}{1,6}[：:]$")  # a page field's label alone on a line
_SPACES = regex.compile(r"\s+")


def _contents(doc: NormDoc, lay: _Draft, texts: list[str]) -> set[int]:
    """Paragraphs of a table of contents without page numbers: a run of at least four short lines (three of
    them headings, or a 目录 line before them) with no sentence among them, whose headings come again after
    it where the text begins ("1 总则 / 1.1 编制目的 / … / 1 总 则 / 1.1 编制目的 / 建立…")."""
    def short(k: int) -> bool:
        return k not in lay.roles and doc.paras[k].kind == "para" and len(texts[k]) <= SETTINGS.max_title_line and not _TITLE_PUNCT.search(texts[k])

    def heading(k: int) -> bool:
        return _opens_heading(texts[k])

    def name(k: int) -> str:
        """The line without its heading label ("1 总则" -> "总则")."""
        for r in rules.heading_rules():
            if m := r.pattern.match(texts[k]):
                return _SPACES.sub("", _heading_text(texts[k], m.end()))
        return _SPACES.sub("", texts[k])

    out: set[int] = set()
    last = {_SPACES.sub("", t): j for j, t in enumerate(texts)}  # where each line is printed last
    k = lay.body_start
    while k < len(texts):
        if not short(k):
            k += 1
            continue
        run = [k]
        seen = {_SPACES.sub("", texts[k])}
        # the run ends where a line comes again: the text begins there with its first heading
        while run[-1] + 1 < len(texts) and short(run[-1] + 1) and _SPACES.sub("", texts[run[-1] + 1]) not in seen:
            run.append(run[-1] + 1)
            seen.add(_SPACES.sub("", texts[run[-1]]))
        # a contents list that prints its chapters without their numbers ("总则" / … / "1 总则" / "1.1 …"): the
        # numbered heading that closes the run names an entry already in it, so the text begins there
        while len(run) > 1 and name(run[-1]) in {name(j) for j in run[:-1]}:
            run.pop()
        k = run[-1] + 1
        heads = [j for j in run if heading(j)]
        if len(run) < 4 or len(heads) < 3 and not _CONTENTS_MARK.match(texts[run[0]]):
            continue
        if any(last[_SPACES.sub("", texts[j])] >= k for j in heads):  # a heading printed again after the run
            out.update(run)
    # a contents list a crawl ran into one line ("第一章　…形势　第一节　…进展　第二节　…第二章　…"): a line of part
    # labels and names, no sentence, under its 目录 line or holding many entries
    for k in range(lay.body_start, len(texts)):
        if k in out or k in lay.roles or "。" in texts[k] or doc.paras[k].kind != "para":
            continue
        entries = len(_PART_ENTRY.findall(texts[k]))
        if entries >= _ONE_LINE_CONTENTS or entries >= 2 and k > 0 and _CONTENTS_MARK.match(texts[k - 1]):
            out.add(k)
    return out


_PART_ENTRY = regex.compile(r"第[一二三四五六七八九十百零〇\d]{1,5}[编章节]")
_ONE_LINE_CONTENTS = 4  # part labels a line without a sentence holds when it is a contents list


def _opens_heading(text: str) -> bool:
    """Whether a line opens with a heading label of rules/headings.yaml (一、 / （一） / 第X条 …)."""
    return any(r.pattern.match(text) for r in rules.heading_rules())


def _numeral(label: str) -> int:
    """A heading label's numeral (cn2an): 一 -> 1, 十二 -> 12; 0 when it is none."""
    try:
        return int(cn2an.cn2an(label.rstrip("、．."), "strict"))
    except (ValueError, KeyError):
        return 0


def _level4_label(label: str) -> str:
    """A fourth-level label in the form of GB/T 9704 §7.3.3 (（1）), however printed: 1）, 1), ⑴ (U+2474)."""
    if len(label) == 1 and "⑴" <= label <= "⒇":
        return f"（{ord(label) - ord('⑴') + 1}）"
    return label if label.startswith("（") else f"（{label.rstrip('）)')}）"


def _sections(doc: NormDoc, lay: _Draft, texts: list[str]) -> None:
    children: dict[str, int] = {}  # headings so far under each parent ("" = the top)
    stack: list[tuple[float, Section]] = []
    found: list[Section] = []
    articles = False  # after the first 第X条 only 章/节/条 are headings (条例 style)...
    # ...and the parts a 司法解释 prints above its articles ("一、一般规定" / 第一条… / "二、附则"): a 一、 heading
    # seen before the first article goes on after it, but only the next numeral of that sequence (an article's
    # own enumeration "一、…二、…" starts again at 一)
    next_part = 0
    contents = _contents(doc, lay, texts)
    decimal_top = next((r for r in rules.heading_rules() if r.id == "decimal1"), None)
    # the decimal scheme (1 总则 / 1.1 / 1.1.1) only where its top level is printed: a "1.1" under a "1." of a
    # list is an item of that list, not a level-2 heading
    body = [k for k in range(lay.body_start, len(texts)) if k not in contents and doc.paras[k].kind == "para"]
    decimal = decimal_top is not None and any(decimal_top.pattern.match(texts[k]) for k in body)
    dotted = not decimal and _dotted_decimal([texts[k] for k in body])
    decimal = decimal or dotted
    heading_rules, not_heading_rules = rules.heading_rules(), rules.not_heading_rules()
    if dotted:  # "1.总则" is the decimal top, read before the 1. items' rule (level3)
        heading_rules = tuple(sorted(heading_rules, key=lambda r: r.id != _DOTTED_TOP))
    for k in range(lay.body_start, len(texts)):
        if k in lay.roles or doc.paras[k].kind != "para" or k in contents:
            continue
        if _ATTACHMENT_START.match(texts[k]):
            stack, articles, next_part = [], False, 0  # an attachment's headings start a tree of their own
            continue
        for rule in heading_rules:
            if not decimal and rule.id in _DECIMAL_STYLE or not dotted and rule.id == _DOTTED_TOP:
                continue
            m = rule.pattern.match(texts[k])
            if not m:
                continue
            numeral = _numeral(m.group("label")) if rule.id == "level1" else 0
            part = next_part > 0 and numeral == next_part
            if articles and rule.id not in _ARTICLE_STYLE and not part:
                continue
            if any(r.pattern.match(texts[k]) for r in not_heading_rules):
                break  # a table of contents entry ("保障措施……34") names a section, it does not open one
            if rule.id == "article":
                articles = True
            elif rule.id == "level1":
                next_part = numeral + 1 if numeral and (not articles or part) else 0
            level = rule.level
            label = m.group("label")
            heading = _heading_text(texts[k], m.end())
            if rule.id == "article" and (cap := _ARTICLE_CAPTION.match(heading)):
                heading = cap.group("caption")  # 第一条（目的）: the article's caption (上海 style), not its sentence
            if not heading:
                break
            rank = _RANK.get(rule.id, float(level))
            while stack and stack[-1][0] >= rank:
                stack.pop()
            parent = stack[-1][1] if stack else None
            pid = parent.section_id if parent else ""
            children[pid] = children.get(pid, 0) + 1
            sid = f"{pid}.{children[pid]}" if parent else f"s{children[pid]}"
            p = doc.paras[k]
            sec = Section(
                section_id=sid,
                parent_id=pid,
                level=level,
                label=label.rstrip("、．.") if level == 1 else _level4_label(label) if rule.id == "level4" else label,
                heading=heading,
                page=p.page,
                start_char=p.start,
                end_char=p.end,
                para_index=k,
            )
            stack.append((rank, sec))
            found.append(sec)
            break
    # a section's text runs to the next heading (or the end of the body paragraphs before a table)
    out: list[Section] = []
    for idx, sec in enumerate(found):
        nxt = found[idx + 1].para_index if idx + 1 < len(found) else len(texts)
        end_k = sec.para_index
        for k in range(sec.para_index + 1, nxt):
            if k in lay.roles or doc.paras[k].kind != "para":
                break
            end_k = k
        out.append(
            Section(sec.section_id, sec.parent_id, sec.level, sec.label, sec.heading, sec.page, sec.start_char, doc.paras[end_k].end, sec.para_index)
        )
    lay.sections = out


def analyse(doc: NormDoc) -> Structure:
    """The GB/T 9704 structure of a document: header finders, closing finders, then the heading tree."""
    texts = [doc.text[p.start : p.end] for p in doc.paras]
    lay = _Draft()
    _header(doc, lay, texts)
    heads = [k for k, r in lay.roles.items() if r in (ISSUER_MARK, DOC_NUMBER, TITLE)]
    lay.extra_elements = find_head_marks(doc, texts, min(heads) if heads else lay.body_start)
    titled = [k for k, r in lay.roles.items() if r == TITLE]
    signer = find_signer(doc, texts, min(titled) if titled else min(lay.body_start, SETTINGS.header_window))
    if signer is not None:
        lay.extra_elements["signer"] = signer
    _closing(doc, lay, texts)
    _sections(doc, lay, texts)
    return lay.freeze(len(doc.paras))


def section_at(sections: Sequence[Section], offset: int) -> Section | None:
    """The innermost section whose text holds the offset."""
    best = None
    for s in sections:
        if s.start_char <= offset <= s.end_char and (best is None or s.level >= best.level):
            best = s
    return best


def enclosing(sections: Sequence[Section], offset: int) -> Section | None:
    """The last heading at or before the offset (the section an offset falls under, for tags in later paras)."""
    best = None
    for s in sections:
        if s.start_char <= offset:
            best = s
    return best
