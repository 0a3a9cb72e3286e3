"""From a SourceDocument to the normalised text: cleaned lines re-joined into paragraphs, tables placed as
one line per row (cells joined by a tab), every paragraph and cell with its offsets and page.

Joining hard-wrapped lines is the delicate part. A line continues into the next when it runs to the right
margin and does not end a sentence. PDF readers know the margin from geometry (`Line.full`); for text the
margin is estimated from the document's most common line width. The 版头 elements are never glued to their
neighbours (STYLE.md: a 文号 glued to the title becomes "…的通知国办发〔2022〕15号"), and a title broken over
several lines (GB/T 9704-2012 §7.3.1) is joined into one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable

import cn2an
import regex

from . import rules
from .rules import cached
from .docnumber import number_line, parse_doc_number
from .model import CellSpan, Line, NormDoc, Para, SourceDocument, Table, TableView
from .orgnames import NATIONAL_HEAD, ORG_THEN_ABOUT, addressees, doc_type_of, looks_like_org, opens_with_a_place, title_text
from .normalize import clean_line, empty_cell_edges, has_lost_spaces, is_traditional, lost_spaces, lost_title_openers, nested_title_marks, taiwan_phrased, to_mainland, to_simplified, visual_width

_SENTENCE_END = regex.compile(r"[。；]")
_FULL_STOP = regex.compile(r"[。！？]")
_TERMINAL = "。！？；：:;!?"
_CONTINUING_END = "、，,（(“‘《—-"
_OPENERS = "（(“‘《〈<［["
_LABEL_START = regex.compile(r"^(?:[-•·]\s*)?(?:附件|抄送|主办|督办|印发|联系人|（此件|此件)")


@dataclass(slots=True)
class _Group:
    texts: list[str]
    page: int | None
    last: Line
    pages: list[int | None] = field(default_factory=list)  # page of each text, for paragraphs over a page break
    gap: int = 0  # blank lines above its first line

    def page_breaks(self, start: int) -> tuple[tuple[int, int], ...]:
        """(offset, page) where the paragraph starting at `start` moves to another page."""
        out: list[tuple[int, int]] = []
        pos, current = start, self.page
        for text, page in zip(self.texts, self.pages or [self.page] * len(self.texts)):
            if page is not None and page != current:
                out.append((pos, page))
                current = page
            pos += len(text)
        return tuple(out)


# an article, chapter or section number alone on its line ("第二条", "第三章" over "有序用电")
_PART_NUMBER_ALONE = regex.compile(r"^第[一二三四五六七八九十百零〇\d]{1,6}[条章节]$")


def _is_heading_start(text: str) -> bool:
    return _heading_start(rules.active(), text)


@lru_cache(maxsize=4096)  # each line is asked about as the line after and again as the line before
def _heading_start(_rules: rules.Rules, text: str) -> bool:
    if any(r.pattern.match(text) for r in rules.not_heading_rules()):
        return False
    return any(r.pattern.match(text) for r in rules.heading_rules())


def _field_line(text: str) -> bool:
    """A labelled metadata line of a page or an export ("发布机构：…", "原文链接：…"), or a page's chrome
    ("您当前的位置：首页>…")."""
    html = rules.html_rules()
    return bool(html.field.match(text) or html.chrome.pattern.fullmatch(text) or rules.element_rules()["export_field"].pattern.match(text))


def _is_standalone(text: str) -> bool:
    """Lines that are a whole element on their own: 文号, 成文日期, 发文机关标志, 公开属性."""
    return _standalone(rules.active(), text)


@lru_cache(maxsize=4096)  # keyed by the rules in use too: `rules.use()` changes the answers
def _standalone(_rules: rules.Rules, text: str) -> bool:
    el = rules.element_rules()
    if el["signed_date"].pattern.match(text) or el["issuer_mark"].pattern.match(text) or el["publicity"].pattern.match(text):
        return True
    if el["attachment_label"].pattern.match(text):
        return True  # "附件1" over the attachment's title (§8): a mark of its own
    if el["printed"].pattern.match(text) or el["cc"].pattern.match(text):
        return True  # the 版记's 印发 line and a copy list (§7.4): never the tail of the line above
    if el["page_value"].pattern.match(text) or el["repeal_note"].pattern.match(text):
        return True  # a page's bare metadata value (2021-04-01, 有效), a database's repeal note
    if el["export_field"].pattern.match(text) or el["news_dateline"].pattern.match(text):
        return True  # an export's "原文链接：…" line, a news agency's dateline: never part of a paragraph
    if el["bulletin_issue"].pattern.match(text) or ((m := el["bulletin_editor"].pattern.match(text)) and looks_like_org(m.group("org"))):
        return True  # a bulletin's issue ("20期") and its editor's line with the day: its masthead, no title's part
        # (a line of running text may end in a date broken before its 日: "…燃油乘用车或2018年4月30")
    if el["promulgation"].pattern.match(text) and text.endswith(("通过", "批准", "发布", "公布", "施行", "修正", "修订", "）", ")")):
        return True  # one event of a 题注 ("2023年9月1日 施行"): not the first line of the title printed under it
    html = rules.html_rules()
    if html.chrome.pattern.fullmatch(text) or html.field.match(text):
        return True  # a web page's chrome ("字号：大中小") or metadata line ("文号：…", "发文字号 …") copied with the notice
    return number_line(text) is not None


def _open_book_title(text: str) -> bool:
    """A 《 not closed yet in a short header paragraph (a title broken inside the name it cites)."""
    if len(text) > _NOTE_MAX or "：" in text or "】" in text:
        return False  # a page's field line may open a 《 and run on into the next field
    if text.endswith("》") and doc_type_of(text):
        return False  # "…关于印发（…要点》《的通知》": a title printed whole in 《》 has ended, whatever a garbled
        # bracket inside it left open
    return text.count("《") > text.count("》")


def _cited_end(text: str) -> bool:
    """'…关于落实《政府工作报告》': the type word ends a document the title cites, and a title ends with its own
    type after the 》 ("…重点工作责任分工的意见"); a title printed whole in 《》 is the exception."""
    return text.endswith("》") and not text.startswith("《")


def _ends_with_doc_type(text: str) -> bool:
    """'…管理办法', '…的通知》', '…补充规定（三）', '…管理办法（试行）': the line ends a title."""
    return bool(doc_type_of(text))


@dataclass(frozen=True, slots=True)
class LayoutSettings:
    """The numbers the layout stage decides by, named (pdfplumber's TableSettings is the model). Widths are
    visual widths: a Han character counts 2, a Latin letter or digit 1."""

    min_counted_width: float = 10  # shorter lines (headings, page numbers) do not vote for the margin
    min_lines_for_margin: int = 5  # fewer counted lines: no margin can be estimated
    margin_tolerance: float = 1.5  # a line within this of the most common width is at the margin
    min_share_at_margin: float = 0.2  # hard-wrapped text has at least this share of lines at its margin
    max_margin: float = 60  # a wider common width is one paragraph per line, not a page's text width
    wider_slack: float = 3  # a line this much wider than the margin is wider than the page's text
    max_share_wider: float = 0.25  # hard-wrapped text has few lines wider than its margin (titles, table rows)
    full_line_share: float = 0.85  # digits and Latin letters make full lines a few units shorter than the margin
    unwrapped_full_width: float = 40  # one paragraph per line: a line this wide that ends mid-sentence goes on
    max_signature_lines: int = 6  # 署名 lines looked for above a 成文日期 (§7.3.5: several organisations)
    title_window: int = 20  # paragraphs at the top searched for the 文号 and the title
    max_title_lines: int = 6  # a title (§7.3.1) over more lines than this is not one
    max_title_line_width: float = 80  # a wider line is a sentence, not a title line
    title_tail_window: int = 8  # lines after the title's start where a hand-broken tail (…的 / 通知) may end it
    max_title_tail_width: float = 8  # a tail line this short ("通知", "实施方案") may end a title


SETTINGS = LayoutSettings()


class _Width:
    """Estimates whether a text line reaches the right margin."""

    def __init__(self, lines: list[str], cfg: LayoutSettings = SETTINGS) -> None:
        self.cfg = cfg
        widths = [w for w in map(visual_width, lines) if w >= cfg.min_counted_width]
        self.wrapped = False
        self.margin = 0.0
        if len(widths) >= cfg.min_lines_for_margin:
            counts = Counter(round(w) for w in widths)
            mode, _ = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
            near = sum(1 for w in widths if abs(w - mode) <= cfg.margin_tolerance)
            # hard-wrapped text has few lines wider than its margin (a title, a table row); one paragraph
            # per line has many, and a common short width there (headings) is no margin
            wider = sum(1 for w in widths if w > mode + cfg.wider_slack)
            if near / len(widths) >= cfg.min_share_at_margin and mode <= cfg.max_margin and wider / len(widths) <= cfg.max_share_wider:
                self.wrapped = True
                self.margin = mode * cfg.full_line_share

    def full(self, text: str) -> bool:
        if self.wrapped:
            return visual_width(text) >= self.margin
        # one paragraph per line: a line continues only when it visibly breaks mid-sentence
        if text and text[-1] in _CONTINUING_END:
            return True
        return visual_width(text) >= self.cfg.unwrapped_full_width and not _ends_with_doc_type(text)


_ORDER_HEAD = regex.compile(r"^[\p{Han}]{2,20}令$")
_NUMBERED_HEAD = regex.compile(r"^(?!\p{Han}*关于)\p{Han}{2,30}(?:令|公告|通告)$")  # an order's or announcement's head
_ORDER_SERIAL = regex.compile(r"^第\s*\d{1,5}\s*号$")
_NUMBER_TAIL = regex.compile(r"^[〔［\[](?:19|20)\d{2}[〕］\]]\d{1,4}号")  # a 文号's year and serial
_TAIL_THEN_NUMBER = regex.compile(r"^[^（(：:。，；\s]{1,12}[（(](?P<number>[^（）()]{4,40})[)）]$")  # a title's last characters, its 文号
_TRAILING_NOTE = regex.compile(r"[（(][^（）()]{1,12}[)）]$")  # "(2019修订)" after a title
_NUMBER_AFTER = regex.compile(r"[（(](?P<number>[^（）()]{4,40})[)）]$")  # a page's title printed with its 文号
_PAREN_LINE = regex.compile(r"^（[^（）]{1,20}）$")
_CONTENTS_ENTRY_END = regex.compile(r"(?:\.{4,}|…{2,}|·{4,}|－{4,}|-{4,})\s*\d{1,3}$")
_SENTENCE_THEN_NOTE = regex.compile(r"[。！？；]（(?:[^（）]|（[^（）]*）)*）$")


def _title_then_number(text: str) -> bool:
    """"…实施细则的通知（京管发〔2024〕9号）": a whole title with the notice's 文号 in brackets after it."""
    m = _NUMBER_AFTER.search(text)
    return m is not None and parse_doc_number(m.group("number")) is not None and _ends_with_doc_type(text[: m.start()])


# a law's or rule's adoption note under its title, "（2013年2月4日贵阳市第十三届人民代表大会…通过）": its own
# paragraph, however many centred lines a narrow page breaks it into (a typed "（（" doubles the bracket)
_DATED_NOTE = regex.compile(r"^[（(]{1,2}\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年")
_DATE_START = regex.compile(r"^(?:19|20)\d{2}年\d{1,2}月\d{1,2}日")  # "2014年1月22日北京市…会议通过"
_NOTE_MAX = 300  # a bracket left open longer than this is no note


def _open_note(group: str) -> bool | None:
    """For a header paragraph that is a dated note: whether its bracket is still open (None: no such note)."""
    if not _DATED_NOTE.match(group) or len(group) > _NOTE_MAX:
        return None
    return group.count("（") + group.count("(") > group.count("）") + group.count(")")  # exports mix the widths


_HAN_END = regex.compile(r"\p{Han}$")
_URL_END = regex.compile(r"(?:https?://|www\.)[^\s\p{Han}]*$")  # a line ending inside an address
_OPEN_LINK = regex.compile(r"\]\([^()\s]*$")  # "[name](target" not closed yet
_URL_TAIL = regex.compile(r"[A-Za-z0-9/._~%?&=#:+,;!*'()@$\-]+")  # the rest of one: no space, no Chinese
_TITLE_LINE_MAX = 40  # a longer line is no title's first line


_NO_LINE_START = "，。、；：？！）》”’〕】」』,;:?!)"  # a line never starts with these (a closing mark goes with its text)
_NUMBER_GOES_ON = regex.compile(r"^(?:年|月|日|号|时|分|%|％|个|元|万|亿|厘米|毫米|公里|千米|米|吨|亩|平方米|立方米|人次|项|家|座|条|次|倍|周岁)")
_CLOSES_FIRST = regex.compile(r"^[^《》]*》")
_CLOSES_BRACKET_FIRST = regex.compile(r"^[^（）()《》]*[）)]")


def _broken_inline(a: str, b: str, group: str, in_header: bool) -> bool:
    """b is no line of its own but the rest of a's text: it starts with a closing mark, it is the unit or date word
    a number at a's end goes on with ("2014" over "年6月"), or it closes a 《 or a bracket a's paragraph left open
    ("批转<" / "关于…的通知>" over "的请示》（…）收悉", "附件：《…预案》（2020年6月修" over "订稿）")."""
    if b[0] in _NO_LINE_START:
        # a 成文日期 or a 署名 stays alone (a garbled note below it starts with "？"), and so does a title above a
        # reposting site's lead ("，日前，己市人民政府发布…")
        return not in_header and not _is_standalone(a)
    if a[-1].isdigit() and _NUMBER_GOES_ON.match(b):
        return True
    text = group or a
    if _is_heading_start(b):
        return False
    if text.count("《") > text.count("》") and _CLOSES_FIRST.match(b):
        return True
    return text.count("（") + text.count("(") > text.count("）") + text.count(")") and bool(_CLOSES_BRACKET_FIRST.match(b))


# a breadcrumb a crawler wrote a link per line ("首页" / "> 政务公开" / "> 规范性文件"): its pieces are no title lines
_BREADCRUMB_PIECE = regex.compile(r"(?:网站)?首页|[>›»＞→]\s*[^>›»＞→。，；：]{1,20}")


def _should_join(a: str, a_line: Line, b: str, width: _Width, *, group: str = "", b_signs: bool = False, in_header: bool = False) -> bool:
    """Whether line b continues line a. `group` is a's paragraph so far, `b_signs` says b is a 署名 line (an
    organisation above the 成文日期, §7.3.5), `in_header` that no sentence has ended yet (版头 and 标题 zone)."""
    if not a or not b:
        return False
    if b_signs:
        return False  # the 署名 stands on its own above the date, whatever the line before
    if _PART_NUMBER_ALONE.match(a) and not _is_heading_start(b):
        return True  # an article's number on a line of its own over its text ("第二条" / "湖南省行政区域内…", a page's <br>),
        # a chapter's over its title ("第三章" / "有序用电", a PDF's line cut at its spaces)
    if _broken_inline(a, b, group, in_header):
        return True  # a page whose inline elements each got a line ("2014" / "年6" / "月28" / "日", "25" / "厘米" / "，")
    if in_header and "centered" in a_line.cues and (m := _TAIL_THEN_NUMBER.match(b)) is not None and _title_line(a) and not _is_standalone(a) and parse_doc_number(m.group("number")) is not None:
        return True  # "2021年县政府重点工作任" over "务（华政发〔2021〕2号）": a page's title printed with its 文号, broken inside
    if in_header and _open_book_title(group or a) and not _is_heading_start(b) and not _is_standalone(a):
        return True  # "安徽省实施《中华人民共和国全国人民代表大" over "会和": inside 《》 the title goes on (a page's
        # chrome line naming a gazette, "本作品收录于《…公报/2000年/第8号", is no title)
    if in_header and b.startswith("的") and visual_width(b) <= SETTINGS.max_title_tail_width and (b == "的" or _ends_with_doc_type(b)):
        return True  # "…责任分解方案" over "的通知" (or "的" / "通知"): the type word above was the subject's
    if in_header and _ends_with_doc_type(a) and not _cited_end(group or a) and rules.words("title_head").search(group or a) and not _SENTENCE_END.search(group or a):
        return False  # the title (§7.3.1) ends here; the 主送机关 follows on its own line
    if in_header and _title_then_number(group or a) and rules.words("title_head").search(group or a) and not _SENTENCE_END.search(group or a):
        return False  # the title ends with its 文号 in brackets ("…的通知（京管发〔2024〕9号）"), however wide the line
    if in_header and _two_whole_titles(a, b) and rules.words("title_head").search(group or a):
        return False  # a page's heading with its source in brackets ("…的通告（长垣市交通管理局）") over the notice's own
        # whole title ("关于实施交通管制的通告"): two titles, not one broken
    if in_header and (note := _open_note(group or a)) is not None:
        return note  # a dated note goes on until its bracket closes and ends there
    if in_header and (_DATED_NOTE.match(b) or (_DATE_START.match(b) and _ends_with_doc_type(a))):
        return False  # the note under a title starts its own paragraph, in brackets or not
    if in_header and a.endswith("的") and b in rules.doc_types():
        return True  # "…暂行办法》的" over "通知": a title's tail broken by hand (§7.3.1)
    if _NUMBER_TAIL.match(b) and a[-1].isalpha():
        # "文号：嘉政办发" over "〔2024〕1号": a narrow line broke the 文号 before its year bracket; a 纪要标志
        # ("…常务会议纪要", GB/T 9704 §10.3) over its own "〔2022〕8号" is a title over a number of its own
        return not _ends_with_doc_type(a)
    if _ORDER_HEAD.match(a) and _ORDER_SERIAL.match(b):
        return True  # "广州市人民政府令" over "第179号": the order's number, split over two centred lines
    if in_header and _ends_with_doc_type(a) and _NUMBERED_HEAD.match(b):
        return False  # "…听证条例" over "深圳市人民代表大会常务委员会公告": the head of the number below, no title line
    wraps = bool(a_line.full and "wraps" in a_line.cues)  # PDF geometry: b starts flush left under a full line
    if in_header and not wraps and len(b) <= _TITLE_LINE_MAX and (m := ORG_THEN_ABOUT.match(b)) is not None and looks_like_org(m.group("org")) and not a.endswith(("的", "和", "与", "及", "关于")):
        return False  # "安徽省人民政府关于实施" starts a title of its own, whatever line stood above it
    if a == b or _PAREN_LINE.match(a) or _PAREN_LINE.match(b):
        return False  # a repeated line (exports print the title twice) or a lone "（2020年）" is no continuation
    if _SENTENCE_THEN_NOTE.search(a):
        return False  # "…。（责任单位：市科委）" ends its paragraph: the note follows a finished sentence
    if _CONTENTS_ENTRY_END.search(a):
        return False  # "一、背景形势……………1": an entry of a 目录 ends at its page number, though its leader fills the line
    if wraps and _HAN_END.search(a) and not _is_standalone(b) and not _is_standalone(a):
        return True  # "…按照本通知第五条第" over "（二）项有关规定执行": a full line that wraps inside a sentence
        # goes on, whatever its next line opens with
    if _is_heading_start(b) or _LABEL_START.match(b) or _is_standalone(b):
        return False
    if _is_standalone(a):
        # a metadata line printed wider than the page ("名称：…关于印发…重点工" / "作责任分解的通知", a browser's
        # print of a notice page) goes on where PDF geometry says the next line is its continuation, unless
        # that line opens a title ("发布时间：…来源：…" over "国务院关于…", both at the margin)
        opens_title = bool(ORG_THEN_ABOUT.match(b)) and a.count("《") <= a.count("》")
        return wraps and _field_line(a) and not _field_line(b) and not opens_title
    if a[-1] in _OPENERS:
        return True  # "…关于征求《" / "遂宁市防汛应急预案…": nothing ends on an opening bracket or quote
    if wraps:
        return True  # PDF geometry: the next line starts flush left, so a 。 at this line's end is not the end
    if a[-1] in _TERMINAL:
        return False
    if b.endswith(("：", ":")) and _ends_with_doc_type(a):
        return False  # title, then 主送机关
    full = a_line.full if a_line.full is not None else width.full(a)
    if a_line.full is None and not full and a[-1] in _CONTINUING_END and width.wrapped:
        full = True
    return bool(full)


def _url_goes_on(texts: list[str], b: str) -> bool:
    """Whether line b goes on with an address the paragraph ends inside: "原文链接：http://…/zcwj/" over "qtzcwj/"
    over "20251031/8feac4….html" (a narrow page breaks a long address at its slashes, over many lines), or
    with a Markdown link the last line left open ("-[…空间布局图.pdf](./杨“数”浦新质秀带创" over "新区空间布局图.pdf)")."""
    if _OPEN_LINK.search(texts[-1]):
        return True
    if not _URL_TAIL.fullmatch(b):
        return False
    j = len(texts) - 1
    while j > 0 and _URL_TAIL.fullmatch(texts[j]):
        j -= 1
    return bool(_URL_END.search("".join(texts[j:])))


def _signature_lines(cleaned: list[tuple[str, Line] | Table]) -> set[int]:
    """Indexes of 署名 lines: organisation names right above the 成文日期 (one or several, §7.3.5.1-2)."""
    el = rules.element_rules()
    out: set[int] = set()
    for i, c in enumerate(cleaned):
        if isinstance(c, Table) or not el["signed_date"].pattern.match(c[0]):
            continue
        j = i - 1
        while j >= 0 and i - j <= SETTINGS.max_signature_lines:
            above = cleaned[j]
            if isinstance(above, Table) or not looks_like_org(above[0]):
                break
            out.add(j)
            j -= 1
    return out


_ANY_SPACE = regex.compile(r"[\s\u00a0\u3000]")  # what every _GAP holds
_GAP = regex.compile(r"[\s\u00a0\u3000]{2,}|(?<=\p{Han})[\s\u00a0\u3000]+(?=\p{Han})")


# a ministry's or a bureau's short name in a joint 署名 ("工业和信息化部 公安部", "市场监管总局 能源局"); a title's
# "中共中央 国务院" over its "关于…" stays one line for the title finder
_SHORT_NAME_ENDS = frozenset("部局委厅署办")


def split_joint_signature(text: str) -> list[str]:
    """A line holding several organisations side by side (a joint 署名, GB/T 9704 §7.3.5.2) becomes one line
    per organisation, before the space cleaner would glue them. '广州市卫生健康委员会   广州市财政局' -> 2 lines"""
    if _ANY_SPACE.search(text.strip()) is None:
        return [text]  # most lines: no gap to part organisations at
    parts = [p for p in _GAP.split(text.strip()) if p]
    if len(parts) >= 2 and all((len(p) >= 4 or len(p) == 3 and p[-1] in _SHORT_NAME_ENDS) and looks_like_org(p) for p in parts):
        return parts
    return [text]


_CELL_BARS = regex.compile(r"[|｜\s]+$")
_BARS_ONLY = regex.compile(r"^(?=.*[|｜])[|｜\s:：\-—]+$")  # "|||", a Markdown table's "---|---|"


def _bars_only(text: str) -> bool:
    return ("|" in text or "｜" in text) and _BARS_ONLY.match(text) is not None  # the check first: most lines hold no bar


_SENTENCE_MARK = regex.compile(r"[。；！？]")
_TITLE_NUMBER_JOIN = regex.compile(r"^[-—–－_·\s]+")


def split_title_number(text: str) -> list[str]:
    """A list or table page copied as text puts a notice's 标题 and its 文号 on one line ("关于印发…方案的通知
    常政发〔2023〕1号 |"): two lines, so the 文号 is read as one (§7.2) and the title as the title. The title
    ends at its document type (a 机关代字 alone would take "通知常政发")."""
    if "〔" not in text:
        return [text]
    body = _CELL_BARS.sub("", text)
    if (tail := _type_then_number(body)) is not None:
        return tail
    if len(body) < 12:
        return [text]
    if (cut := _title_then_bracket(body)) is not None:
        return [body[:cut], body[cut:]]
    if not body.endswith("号"):
        if (pieces := _title_number_rest(body)) is not None:
            return pieces
        # the other order ("江政办〔2020〕2号区人民政府办公室关于印发…的通知", a page's title field)
        end = body.find("号", body.find("〔"))
        head, rest = body[: end + 1], body[end + 1 :]
        num = parse_doc_number(head) if end != -1 else None
        if num is not None and num.text == head and len(rest) >= 6 and rest.endswith(tuple(rules.doc_types())) and not _SENTENCE_MARK.search(rest):
            return [head, rest]
        if num is not None and num.text == head and _opens_with_addressees(rest):
            return [head, rest]  # the 文号 run into the 主送机关 under a title it followed on its own line
        elements = rules.element_rules()
        if end != -1 and elements["order_number"].pattern.match(head) and elements["announcement_head"].pattern.match(rest):
            return [head, rest]  # "〔2022〕第39号兰考县人民政府征收土地预公告": an announcement's serial before its title
        return [text]
    # a site may join them with a dash ("…的通知-国税法函[1998]26号")
    found = _type_word_cut(body, body.rfind("〔"), lambda cut: _TITLE_NUMBER_JOIN.sub("", body[cut:]))
    return [body[: found[0]], found[1]] if found is not None else [text]


def _type_word_cut(body: str, before: int, number_after: Callable[[int], str]) -> tuple[int, str] | None:
    """Where a title's document type word ends before position `before` with a whole 文号 (`number_after(cut)`)
    right after it, and that 文号: the earliest cut ("…通知" + "国税法函…", not "…通知-国税法" + "函…"; "…的函" +
    "国办函〔2021〕12号", the type word before the 机关代字's 函), or None."""
    best: tuple[int, str] | None = None
    for doc_type in rules.doc_types():
        at = body.rfind(doc_type, 0, before)
        while at >= 6:
            cut = at + len(doc_type)
            number = number_after(cut)
            parsed = parse_doc_number(number)
            if parsed is not None and parsed.text == number:
                if best is None or len(number) > len(best[1]):
                    best = (cut, number)
                break
            at = body.rfind(doc_type, 0, at)
    return best


_TITLE_STOP = regex.compile(r"[。；！？，：:《》]")


def _title_number_rest(body: str) -> list[str] | None:
    """A crawl that lost its line breaks runs a title, its 文号 and the text after them into one line ("国务院办公厅
    关于加强环境监管执法的通知国办发〔2014〕56号各省、自治区、直辖市人民政府，…：　　近年来，…"): three lines,
    so the 标题, the 发文字号 (GB/T 9704 §7.2.3) and the 主送机关 with the body are read as such; None when the
    line does not open with a whole title (关于…, its type word) that the 文号 follows at once."""
    bracket = body.find("〔")
    end = body.find("号", bracket)
    if bracket < 8 or end == -1 or end + 1 >= len(body) or _TITLE_STOP.search(body, 0, bracket):
        return None
    found = _type_word_cut(body, bracket, lambda cut: body[cut : end + 1])
    if found is None:
        return None
    title, rest = body[: found[0]], body[end + 1 :].lstrip()
    # the title opens the line (关于…), or its last line does and addressees follow the number ("“十一五”规划的通知
    # 国发〔2007〕37号各省、…：")
    if not rules.words("title_head").search(title) and not _opens_with_addressees(rest):
        return None
    return [title, found[1], rest]


def _opens_with_addressees(text: str) -> bool:
    """The text opens with the 主送机关 (§7.3.2), closed by its colon ("各省、自治区、直辖市人民政府，…：…"); not with
    a date (a gazette's "…28号2020年4月9日各市、…：" is split_date_number's)."""
    at = min((i for i in (text.find("："), text.find(":")) if i != -1), default=-1)
    return 4 <= at <= 200 and not _OPENS_WITH_DATE.match(text) and bool(addressees(text[: at + 1]))


_OPENS_WITH_DATE = regex.compile(r"(?:19|20)\d{2}\s*年|[〇○零一二三四五六七八九OＯ]{4}年")


def split_title_fields(text: str) -> list[str]:
    """A page's title run on into its byline fields ("国务院关于加强政务诚信建设的指导意见来源：发布日期：2017-01-06
    阅读次数："): two lines, the title whole (it ends with its document type) and the fields, read as the page's."""
    if "：" not in text and ":" not in text:
        return [text]
    m = rules.html_rules().field.search(text)
    if m is None or m.start() < 6:
        return [text]
    head = text[: m.start()].rstrip()
    if _ends_with_doc_type(head) and rules.words("title_head").search(head) and not _SENTENCE_MARK.search(head):
        return [head, text[m.start() :]]
    return [text]


def _type_then_number(body: str) -> list[str] | None:
    """"通知（岳办发〔2017〕2号）": the last line of a title that a narrow page broke, with the bracketed 文号 a
    page prints after it; the type word and the bracket, or None."""
    for doc_type in rules.doc_types():
        if body.startswith(doc_type + "（") and body.endswith("）"):
            inner = body[len(doc_type) + 1 : -1]
            num = parse_doc_number(inner)
            if num is not None and num.text == inner:
                return [doc_type, body[len(doc_type) :]]
    return None


def _title_then_bracket(body: str) -> int | None:
    """Where a title ends that a page run into one line with its bracketed 文号 and date and the text after
    them ("…关于…的通知（宁政办发〔2010〕9号 2010年1月14日）自治区政府各部门：…"), or None. The bracket and
    what follows go on to split_date_number."""
    head = body[:_TITLE_REACH]
    if "关于" not in head or "（" not in head:
        return None  # asked of every line holding 〔 (each citation): the cheapest test first
    for doc_type in rules.doc_types():
        at = body.find(doc_type + "（", 6, _TITLE_REACH)
        if at != -1 and "关于" in body[:at] and _NUMBER_DATE_BRACKETED.match(body[at + len(doc_type) :]):
            return at + len(doc_type)
    return None


_TITLE_REACH = 120  # a title run into its line ends within this many characters


_BULLET = regex.compile(r"^[•●▪◦・]\s*")
_LABEL_COLON = regex.compile(r"\s*[：:]\s*$")
_LABEL_REACH = 80  # a page's metadata block is among the first lines


def _label_only(text: str) -> str | None:
    """The metadata label a line holds alone ("• 发文字号:", "文号"), without its bullet and colon, or None."""
    bare = _LABEL_COLON.sub("", _BULLET.sub("", text))
    return bare if bare in _metadata_labels() else None


@cached
def _metadata_labels() -> frozenset[str]:
    return frozenset(label for label, _ in rules.html_rules().labels)


@cached
def _label_keys() -> dict[str, str]:
    return dict(rules.html_rules().labels)


def _foreign_number(label: str, text: str) -> bool:
    """A line that is a 文号 alone is the value of no label but the 发文字号: an empty last field ("主题词:") over
    the notice's own "盘政发〔2010〕22号 盘锦市人民政府关于…的决定", split into its number and title, keeps it."""
    if _label_keys().get(label) == "发文字号":
        return False
    num = parse_doc_number(text) if text.endswith("号") else None
    return num is not None and num.text == text


_ENDS_WITH_COLON = regex.compile(r"[：:]\s*$")


def _wrapped_from(cleaned: list[tuple[str, Line] | Table], i: int, most: int = 6) -> str:
    """The text of the PDF paragraph that starts at cleaned[i]: lines on while each reaches the margin and the
    next starts flush left (the 主送机关 broken over three lines still ends with its colon)."""
    parts: list[str] = []
    for c in cleaned[i : i + most]:
        if not isinstance(c, tuple):
            break
        parts.append(c[0])
        if not (c[1].full and "wraps" in c[1].cues):
            break
    return "".join(parts)


_LABEL_HEADS = regex.compile(r"\p{Han}{1,12}")


def _column_fields(a: str, b: str) -> list[str] | None:
    """A page's metadata table printed with narrow label cells, two fields side by side: each label broken
    after its first characters, so one line holds the heads of both labels and the next their ends with the
    values ("发文字发布日" / "号：国办发〔1996〕2号期：2018年12月24日", a browser's print of a gov.cn page). The
    fields put back together ("发文字号：国办发〔1996〕2号", "发布日期：2018年12月24日"), or None."""
    if not _LABEL_HEADS.fullmatch(a) or "：" not in b:
        return None
    labels = _metadata_labels()
    tail_of_first = b[: b.index("：")]  # no label holds a colon: the first label's end is all before b's first
    for k in range(len(a), 0, -1):
        head, rest = a[:k], a[k:]
        for first in (head + tail_of_first,) if tail_of_first and head + tail_of_first in labels else ():
            if not rest:
                # an empty field ("主题" / "词：") is left as printed: its label alone would take the next line
                return [first + b[len(first) - k :]] if b[len(first) - k + 1 :].strip() else None
            for second in (lab for lab in labels if len(lab) > len(rest) and lab.startswith(rest)):
                tail = second[len(rest) :] + "："
                at = b.rfind(tail)
                if at > len(first) - k:
                    return [first + b[len(first) - k : at], second + b[at + len(tail) - 1 :]]
    return None


def split_label_columns(cleaned: list[tuple[str, Line] | Table]) -> list[tuple[str, Line] | Table]:
    """The fields of a metadata table whose label cells a print broke (see _column_fields), among the first
    lines: each pair of lines becomes its fields, one a line, the form join_label_values and structure read."""
    out: list[tuple[str, Line] | Table] = []
    i = 0
    while i < len(cleaned):
        c, nxt = cleaned[i], cleaned[i + 1] if i + 1 < len(cleaned) else None
        fields = _column_fields(c[0], nxt[0]) if i < _LABEL_REACH and isinstance(c, tuple) and isinstance(nxt, tuple) else None
        if fields is None:
            out.append(c)
            i += 1
            continue
        out.extend((f, line) for f, line in zip(fields, (c[1], nxt[1])))  # type: ignore[index]
        i += 2
    return out


def join_label_values(cleaned: list[tuple[str, Line] | Table]) -> list[tuple[str, Line] | Table]:
    """A page's metadata block copied as text may put each label on its own line and its value on the next
    ("文号" / "十经普办文〔2023〕9号", "• 发文日期:" / "2024年04月06日 16:40"): one "label：value" line each,
    the form structure reads (rules/html.yaml metadata_labels). A label with no value left ("主题分类:" over
    "来源:") stays a field of its own. Only among the first lines, before the notice's first sentence."""
    out: list[tuple[str, Line] | Table] = []
    i = 0
    while i < len(cleaned):
        c = cleaned[i]
        if i >= _LABEL_REACH or not isinstance(c, tuple) or _FULL_STOP.search(c[0]):
            out.extend(cleaned[i:])
            break
        label = _label_only(c[0])
        nxt = cleaned[i + 1] if i + 1 < len(cleaned) else None
        if label is None:
            out.append(c)
        elif (
            isinstance(nxt, tuple)
            and _label_only(nxt[0]) is None
            and not rules.html_rules().field.match(nxt[0])
            and not _ENDS_WITH_COLON.search(_wrapped_from(cleaned, i + 1))
            and not _foreign_number(label, nxt[0])
            # "标题" over a site's "Transcription"; an index number alone is chrome, under its 索引号 label its value
            and (not rules.html_rules().chrome.pattern.fullmatch(nxt[0]) or _label_keys().get(label) == "索引号")
            and (label not in rules.html_rules().counter_labels or _COUNT.fullmatch(nxt[0]) is not None)
            # an empty field over the notice's title ("文件来源：" over "自治区人民政府关于", its "------" lost by
            # OCR): a title's head is the value of a 标题 field only
            and (_label_keys().get(label) == "标题" or not ORG_THEN_ABOUT.match(nxt[0]))
        ):
            # a line ending in a colon is no value: the 主送机关 after an empty "浏览量："
            out.append((f"{label}：{nxt[0]}", c[1]))
            i += 1
        else:
            out.append((f"{label}：", c[1]))
        i += 1
    return out


_COUNT = regex.compile(r"\s*\d[\d,，]*\s*次?\s*")
_DATE_THEN_NUMBER = regex.compile(r"^(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)\s*(?P<number>\S.*号)$")


# the 文号 then the date, nothing else or the 主送机关 (which opens with 各) and what follows it
_NUMBER_THEN_DATE = regex.compile(
    r"^(?P<number>[^\s（()，,。：:]{3,30}?号)\s*(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)\s*(?P<rest>各[^。；：:]{1,200}[：:].*)?$"
)


_NUMBER_DATE_BRACKETED = regex.compile(
    r"^[（(]\s*(?:(?P<number>[^（）()\s]+?号)\s*[，,]?\s*(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)"
    r"|(?P<date2>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)\s*[，,]?\s*(?P<number2>[^（）()\s]+?号))\s*[）)]\s*(?P<rest>.*)$"
)


def split_date_number(text: str) -> list[str]:
    """A law database prints the 成文日期 and the 文号 on one line under the title ("2006年10月26日 财建〔2006〕
    689号", or both in brackets: "（宁政办发〔2010〕9号 2010年1月14日）", maybe before the first sentence), a gazette's abstract the 文号, the date
    and the 主送机关 run together ("赣府厅字[2020]28号2020年4月9日各市、县(区)人民政府，省政府各部门：2019年，…"):
    a line each in the order printed, so each is read as the element it is (§7.2.4, §7.3.2, §7.3.5)."""
    if text.endswith("号"):
        m = _DATE_THEN_NUMBER.match(text)
        parts = [m.group("date"), m.group("number")] if m is not None else []
    elif "号" in text[:40] and (m := _NUMBER_THEN_DATE.match(text)) is not None:
        parts = [m.group("number"), m.group("date")] + ([m.group("rest")] if m.group("rest") else [])
    elif text.startswith(("（", "(")) and "号" in text[:60] and "日" in text[:60]:
        # (the bracket may open the first sentence's line: "(1985年5月4日皖政〔1985〕38号)  根据《…》…")
        m = _NUMBER_DATE_BRACKETED.match(text)
        parts = [] if m is None else [m.group("number"), m.group("date")] if m.group("number") else [m.group("date2"), m.group("number2")]
        if m is not None and m.group("rest"):
            parts.append(m.group("rest"))
    else:
        return [text]
    number = next((p for p in parts if p.endswith("号")), "")
    num = parse_doc_number(number) if number else None
    return parts if num is not None and num.text == number else [text]


# (a 批复's or a 函's body opens with the request it answers: "你市《关于…的请示》收悉", "来函收悉", "贵单位…")
_BODY_OPENER = regex.compile(
    r"^(?:现将|现就|现对|根据|依据|按照|为了?|经|近日|近期|今年以来|近年来|多年来|当前|(?:19|20)\d{2}年[，,以度]"
    r"|[^。：:\n]{0,120}?《[^》\n]{2,80}》(?:已经|已由|业经|经)"  # the opening of a notice that issues (or forwards:
    # "交通运输部、…等单位《…意见》已经国务院同意") what it names (§7.3.3)
    r"|(?:党中央|中共中央|国务院|(?:省|市|州|县|区)(?:委|政府))[、，,]?\p{Han}"  # "党中央、国务院高度重视…", "省政府同意…"
    r"|你(?:省|市|区|县|州|盟|旗|厅|局|委|办|部|院|署|中心|公司|单位|们|镇|乡|校)|贵(?:省|市|区|县|厅|局|委|部|单位|公司)|来函|来文)"
)


# a 成文日期 in figures or in Chinese numerals (GB/T 9704 §7.3.5), as the closing splitters below read it
_FIGURE_DATE = r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_NUMERAL_DATE = r"[〇○零一二三四五六七八九OＯ]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日"
# a 署名 and its date amid a line, parted from the sentence before and the text after by spaces: a page run
# into one line (the line holds a sentence before it)
_SIGNED_MID_LINE = regex.compile(
    rf"(?<=[。；）)][^。；\n]{{0,60}}?)\s+(?P<org>[\p{{Han}}（）()]{{4,40}}?)\s+(?P<date>{_FIGURE_DATE})(?=\s+\S)"
)
_ATTACHMENT_RUN_ON = regex.compile(r"(?<=。)\s+(?=附\s*件\s*\d*\s*[:：])")
# a 附件 note with the 署名 and the date run on at its end ("附件:…名单 阜阳市教育局阜阳军分区政治工作处2023年8月14日")
_ATTACHMENT_THEN_SIGNED = regex.compile(
    rf"^(?P<note>附\s*件\s*\d*\s*[:：]\S.*?)\s+(?P<org>[\p{{Han}}（）()]{{4,40}}?)\s*(?P<date>{_FIGURE_DATE})\s*$"
)
_CLOSING_RUN_ON = regex.compile(r"(?<=特此(?:通告|公告|通知|函告|函复|批复|报告|说明)[。！!]?)\s+(?=\S)")
_ORG_THEN_DATE = regex.compile(
    rf"^(?P<org>[\p{{Han}}（）()]{{2,40}})\s+(?P<date>{_FIGURE_DATE}|{_NUMERAL_DATE})\s*"
    r"(?P<note>[（(]此件[\p{Han}]{2,8}[）)])?\s*$"  # the 公开属性 after them ("…办公厅 2024 年 3 月 30 日 （此件公开发布）")
)


# a 附件 note run on after the body's last sentence ("…并加快组织开展标准规范建设。附件:…名单"), and the date (and a
# copy's 来源 line) run on after the note ("…入选名单2022年2月11日来源:江西省人民政府"), a copy that lost its breaks
_ATTACHMENT_AFTER_SENTENCE = regex.compile(r"(?<=。)\s*(?=附\s*件\s*\d*\s*[:：])")
_ATTACHMENT_THEN_DATE = regex.compile(
    rf"^(?P<note>附\s*件\s*\d*\s*[:：]\S.*?[^\d\s])\s*(?P<date>{_FIGURE_DATE})(?P<tail>\s*来源\s*[:：].*)?$"
)


def _attachment_apart(text: str) -> list[str]:
    """The 附件 note of a line that runs it on after the body (§7.3.4: the note is a paragraph of its own), and
    the date run on after the note, each on a line of its own."""
    if "附" not in text:
        return [text]
    out: list[str] = []
    for piece in _ATTACHMENT_AFTER_SENTENCE.split(text) if "。" in text else [text]:
        m = _ATTACHMENT_THEN_DATE.match(piece.strip()) if "日" in piece else None
        if m is None:
            out.append(piece)
            continue
        out.extend(p for p in (m.group("note"), m.group("date"), (m.group("tail") or "").strip()) if p)
    return out

# a 令's promulgating sentence run into its signer and date ("…自2018年1月1日起施行。总理　　李克强 　　2017年12月25日",
# a crawl that lost its line breaks): the person's office and name (rules/elements.yaml order_signer) and the date
_ORDER_SIGNED_RUN_ON = regex.compile(
    rf"(?:(?<=。)|^)[^\S\n]*(?P<signer>\p{{Han}}[\p{{Han}}\s]{{2,24}}?)[^\S\n]+(?P<date>{_FIGURE_DATE}|{_NUMERAL_DATE})"
    r"[^\S\n]*$"
)
_SPACE_RUN = regex.compile(r"[^\S\n]+")


def _order_signed_apart(text: str) -> list[str] | None:
    """"…起施行。总理　李克强　2017年12月25日" (or the signer and the date alone on the line): the sentence, the
    signer and the date, each a line of its own."""
    m = _ORDER_SIGNED_RUN_ON.search(text) if "日" in text else None
    if m is None:
        return None
    signer = _SPACE_RUN.sub(" ", m.group("signer").strip())
    office, _, name = signer.rpartition(" ")
    if not rules.element_rules()["order_signer"].pattern.match(office.replace(" ", "") + " " + name if office else signer):
        return None
    return [p for p in (text[: m.start()].rstrip(), signer, m.group("date")) if p]


# the 署名, 成文日期 and 公开属性 run on after the body's last sentence with nothing between them (a crawl that
# dropped its <p> tags: "…请认真贯彻落实。国务院办公厅2020年5月31日（此件公开发布）生态环境领域…方案")
_GLUED_CLOSING = regex.compile(
    rf"(?<=。)(?P<org>[\p{{Han}}（）()]{{2,40}}?)(?P<date>{_FIGURE_DATE}|{_NUMERAL_DATE})"
    r"(?P<note>[（(]此件[\p{Han}]{2,8}[）)])?"
)


def _glued_closing_apart(text: str) -> list[str] | None:
    if "。" not in text or "日" not in text or " " in text or "\u3000" in text:
        return None
    for m in _GLUED_CLOSING.finditer(text):
        org = m.group("org")
        if looks_like_org(org) and (opens_with_a_place(org) or org.startswith((*NATIONAL_HEAD, "中共中央"))):
            return [p for p in (text[: m.start()], org, m.group("date"), m.group("note") or "", text[m.end() :]) if p]
    return None


def split_closing(text: str) -> list[str]:
    return [q for p in _split_closing(text) for q in _attachment_apart(p)]


def _split_closing(text: str) -> list[str]:
    """A page that lost its line breaks runs the closing formula, the 署名 and the 成文日期 on ("…遵守本通告。
    特此通告 汕尾市公安局交通警察支队 2023年1月20日"): each on its own line (§7.3.5), where spaces part them; so
    are a 署名 and a date side by side on one line, and a 附件 note, 署名 and date amid a page run into one
    line ("…专项应急预案。 附件:…预案(修订) 温州市鹿城区山福镇人民政府 2020年10月22日 山福镇…预案 1.总则 …") or
    at its end ("附件:…名单 阜阳市教育局阜阳军分区政治工作处2023年8月14日")."""
    mid = _SIGNED_MID_LINE.search(text) if len(text) > 40 and "日" in text and " " in text else None
    if mid is not None and looks_like_org(mid.group("org")):
        head, tail = text[: mid.start()], text[mid.end() :]
        pieces = [p for p in _ATTACHMENT_RUN_ON.split(head, maxsplit=1) if p.strip()]
        return [*pieces, mid.group("org"), mid.group("date"), *([tail] if tail.strip() else [])]
    if (order := _order_signed_apart(text)) is not None:
        return order
    if (glued := _glued_closing_apart(text)) is not None:
        return glued
    signed = _ATTACHMENT_THEN_SIGNED.match(text.strip()) if text.lstrip().startswith("附") and "日" in text else None
    if signed is not None and looks_like_org(signed.group("org")):
        return [signed.group("note"), signed.group("org"), signed.group("date")]
    parts = _CLOSING_RUN_ON.split(text, maxsplit=1) if "特此" in text else [text]
    if len(parts) == 1:
        # the 署名 and the 成文日期 side by side on one line ("辛县人民政府办公室 2023年11月20日")
        m = _ORG_THEN_DATE.match(text.strip()) if "年" in text and "日" in text else None
        if m is not None and looks_like_org(m.group("org")):
            return [m.group("org"), m.group("date"), *filter(None, [m.group("note")])]
        return [text]
    m = _ORG_THEN_DATE.match(parts[1].strip())
    if m is not None and (looks_like_org(m.group("org")) or looks_like_org(to_simplified(m.group("org")))):  # 支隊
        return [parts[0], m.group("org"), m.group("date"), *filter(None, [m.group("note")])]
    return parts


_LABEL = r"(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])"
# a heading label run on after a finished sentence and spaces ("…政务公开组。 二、时间安排 从…"), and a heading's
# short name parted from its text by spaces ("二、时间安排 从2024年9月…"): a page that lost its line breaks
# (a duty note's bracket ends its sentence too: "…（国家发展改革委、财政部按职责分工负责） 四、强化项目保障")
_HEADING_RUN_ON = regex.compile(rf"(?:(?<=[。：:；;！？])|(?<=(?:负责|牵头|配合|参与|。)[）)]))[ \u3000]+(?={_LABEL})")
_HEADING_NAME_THEN_TEXT = regex.compile(rf"^({_LABEL}[^\s。，；：,:;（）()]{{2,14}})[ \u3000]+(?=\S)")
# a heading's short name and, after spaces, the first heading under it ("三、重点方向 （一）源头减碳类"), whatever the
# line's length
_HEADING_NAME_THEN_HEADING = regex.compile(rf"^({_LABEL}[^\s。，；：,:;（）()]{{2,14}})[ \u3000]+(?={_LABEL})")
_RUN_ON_MIN = 60  # a line this long holding a heading's name, spaces and text is a run-on page, not a heading


_NUMERALS = "一二三四五六七八九十"
_HAN_CHAR = regex.compile(r"\p{Han}")
_OPENING_LABEL = regex.compile(r"^(?:(?P<n>[一二三四五六七八九])、|(?P<o>[（(])(?P<m>[一二三四五六七八九])(?P<c>[）)])|(?P<d>[1-9]\d?)(?P<s>[、.．])(?=\p{Han}))")


def _next_heading_apart(piece: str) -> list[str]:
    """A run-on line that opens with a heading or item label, cut before the next label of its series that only
    spaces precede ("一、临时交通管制时间 2023年1月20日 17:00-22:30 二、交通管制路段 …": a time ends no sentence;
    "1、管制期间…。 2、管制期间…")."""
    out: list[str] = []
    while (m := _OPENING_LABEL.match(piece)) is not None:
        if m.group("d"):
            label = str(int(m.group("d")) + 1) + m.group("s")  # "1、…。 2、…": the items of a heading too
        else:
            k = _NUMERALS.index(m.group("n") or m.group("m")) + 1
            label = _NUMERALS[k] + "、" if m.group("n") else m.group("o") + _NUMERALS[k] + m.group("c")
        at = _label_after_spaces(piece, label)
        if at == -1:
            break
        out.append(piece[:at].rstrip(" \u3000"))
        piece = piece[at:]
    return [*out, piece]


def _label_after_spaces(piece: str, label: str) -> int:
    """Where `label` starts after spaces and before a Han character in `piece`, or -1."""
    at = piece.find(label, 1)
    while at != -1:
        after = piece[at + len(label) : at + len(label) + 1]
        if piece[at - 1] in " \u3000" and after and _HAN_CHAR.match(after):
            return at
        at = piece.find(label, at + 1)
    return -1


# a regulation's title run into its first chapter or article after spaces ("气象设施和气象探测环境保护条例　　第一条
# 为了…"), and a 令's number into its promulgating sentence ("中华人民共和国国务院令第　623　号　　《…条例》已经…")
_TITLE_THEN_ARTICLE = regex.compile(
    r"^(?!本|依|按|根据|参照)(?P<head>[^\s。；：，,:;]{4,60}?)(?:[^\S\n]+(?=第[一1][^\S\n]*(?:条[^\S\n]|章))|(?=第[一1]章(?:[^\S\n]*总|$)))"
)
# (or its serial alone, the 令 on the line above: "第　559　号 　　《规划环境影响评价条例》已经…")
_ORDER_NUMBER_THEN_TEXT = regex.compile(r"^(?P<head>(?:\p{Han}{2,30}令[^\S\n]*)?第[^\S\n]*\d{1,4}[^\S\n]*号)[^\S\n]+(?=\S)")


# articles run on after a full stop ("…制定本条例。第二条　环境保护税法所附…"): an article's label that a space
# follows opens its own line, as a regulation prints it; a sentence citing an article ("第二条规定的") has no space
_ARTICLE_RUN_ON = regex.compile(r"(?<=[。；])[^\S\n]*(?=第[一二三四五六七八九十百零〇]{1,6}条[^\S\n])")


# a chapter's heading run into its first article ("第一章　总　　则　　第一条　为了…")
_CHAPTER_THEN_ARTICLE = regex.compile(
    r"^(?P<head>第[一二三四五六七八九十百零〇\d]{1,5}[编章节][^。；，,\n]{1,24}?)[^\S\n]+(?=第[一二三四五六七八九十百零〇\d]{1,6}条[^\S\n])"
)


def _head_apart(text: str) -> list[str] | None:
    if (chapter := _CHAPTER_THEN_ARTICLE.match(text)) is not None:
        return [chapter.group("head"), text[chapter.end() :]]
    m = _TITLE_THEN_ARTICLE.match(text)
    if m is not None and _ends_with_doc_type(m.group("head")):
        return [m.group("head"), text[m.end() :]]
    m = _ORDER_NUMBER_THEN_TEXT.match(text) if "号" in text[:40] else None
    if m is None:
        return None
    if "令" not in m.group("head"):
        # the serial alone: what follows must open the 令's sentence, naming what it promulgates
        return [_SPACE_RUN.sub("", m.group("head")), text[m.end() :]] if text[m.end() :].startswith("《") else None
    if (num := parse_doc_number(m.group("head"))) is not None and num.text == m.group("head"):
        return [m.group("head"), text[m.end() :]]
    return None


# a page whose paragraphs were run together with nothing between them (a crawl that dropped its <p> tags): a
# heading's or an item's label right after a finished sentence, a duty note's bracket or a list's colon
# ("…制定如下方案。一、总体要求…", "…负责）2．简化…", "具体措施：1．及时…")
_GLUED_LABEL = regex.compile(
    r"(?<=[。；！？）)：:])(?:(?P<n>[一二三四五六七八九十]{1,3})、|（(?P<m>[一二三四五六七八九十]{1,3})）|(?P<d>[1-9]\d?)[．.、](?=\p{Han}))"
    r"|(?<=\p{Han})（(?P<h>[一二三四五六七八九十]{1,3})）"  # under a heading that ends in no mark: "…精准性（一）研究将…"
)
_LINE_LABEL = regex.compile(r"^(?:(?P<n>[一二三四五六七八九十]{1,3})、|（(?P<m>[一二三四五六七八九十]{1,3})）|(?P<d>[1-9]\d?)[．.、](?=\p{Han}))")
_GLUED_MIN = 300  # a line this long with no space in it that holds labelled paragraphs
_GLUED_SPLITS = 2  # labels in series a line must hold to be read as paragraphs run together


def _label_series(m: regex.Match[str]) -> tuple[str, int]:
    """A label's series (n: 一、, m: （一）, d: 1．) and its number."""
    if m.group("n"):
        return "n", int(cn2an.cn2an(m.group("n"), "strict"))
    if bracketed := m.group("m") or m.groupdict().get("h"):
        return "m", int(cn2an.cn2an(bracketed, "strict"))
    return "d", int(m.group("d"))


def _glued_paragraphs(text: str) -> list[str] | None:
    """The paragraphs of a line that ran them together without a space, cut before each label that goes on a
    series (一、 二、…, （一） （二）…, 1． 2．…: the next number, or 1 to open one), or None."""
    if len(text) < _GLUED_MIN or " " in text or "\u3000" in text:
        return None
    last: dict[str, int] = {}
    if (first := _LINE_LABEL.match(text)) is not None:
        series, n = _label_series(first)
        last[series] = n
    cuts: list[int] = []
    heading = first is not None and first.group("n") is not None  # the piece since the last cut opens with 一、
    for m in _GLUED_LABEL.finditer(text):
        series, n = _label_series(m)
        if m.group("h") and not (heading and "。" not in text[cuts[-1] if cuts else 0 : m.start()]):
            continue  # "（一）" after a Han character: only where a heading's name ends (no sentence yet)
        if n == 1 or n == last.get(series, 0) + 1:
            last[series] = n
            cuts.append(m.start())
            heading = m.group("n") is not None
    if len(cuts) < _GLUED_SPLITS:
        return None
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:]) if text[a:b]]


def split_run_on_headings(text: str) -> list[str]:
    """A page that lost its line breaks runs its headings on ("…通知如下: 一、活动内容 围绕…开展活动。 二、时间
    安排 从…"): each heading on a line of its own, its short name apart from the text after it (§7.3.3); so is a
    title before its first article and a 令's number before its sentence. Tabs (a table's cells) are never split."""
    if " " not in text and "\u3000" not in text and "\xa0" not in text:
        return _glued_paragraphs(text) or [text]
    if (head := _head_apart(text)) is not None:
        return [head[0], *split_run_on_headings(head[1])]
    if "条" in text and (articles := _ARTICLE_RUN_ON.split(text)) and len(articles) > 1:
        return [q for p in articles for q in split_run_on_headings(p)]
    out: list[str] = []
    run_on = len(text) >= _RUN_ON_MIN
    for piece in _HEADING_RUN_ON.split(text):
        for part in _next_heading_apart(piece) if run_on else [piece]:
            # a heading's name apart from its text only in a long run-on line: a short "（一）目标 2024年…" stays whole
            m = _HEADING_NAME_THEN_TEXT.match(part) if run_on else _HEADING_NAME_THEN_HEADING.match(part)
            rest = [m.group(1), *_next_heading_apart(part[m.end() :])] if m is not None else [part]
            out.extend(rest)
    return [p for p in out if p.strip()]


def split_recipients_body(text: str) -> list[str]:
    """A crawl that lost the line breaks puts the 主送机关 and the body's first sentence on one line ("各辖市、区
    人民政府，市各委办局： 现将…印发给你们"): two lines, when what precedes the first colon reads as addressees
    (rules/elements.yaml recipients, §7.3.2) and what follows opens a body sentence."""
    at = min((i for i in (text.find("："), text.find(":")) if i != -1), default=-1)
    if at < 4 or at > 200:
        return [text]
    head, rest = text[: at + 1], text[at + 1 :].lstrip()
    if len(rest) < 8 or not _BODY_OPENER.match(rest) or not addressees(head):
        return [text]  # "注意：根据…": a label, not addressees
    return [head, rest]


def split_title_recipients(text: str) -> list[str]:
    """A copy that lost a line break puts the title's end and the 主送机关 on one line ("…抚恤问题的请示最高人民法院：",
    a book's or a repost's text): two lines, cut after the title's "的" + document type when what follows reads
    as addressees (§7.3.2) and the whole line would otherwise be taken for them."""
    if not text.endswith(("：", ":")) or "的" not in text or not rules.element_rules()["recipients"].pattern.match(text):
        return [text]
    for doc_type in rules.doc_types():
        at = text.rfind("的" + doc_type)
        while at >= 3:
            cut = at + 1 + len(doc_type)
            head, rest = text[:cut], text[cut:]
            if len(rest) > 2 and not _SENTENCE_MARK.search(head) and addressees(rest):
                return [head, rest]
            at = text.rfind("的" + doc_type, 0, at)
    return [text]


# what follows an issuer's name when the name opens a title broken over lines ("国务院办公厅" / "关于印发…的通知",
# "洪泽区人民政府" / "2023年政府信息公开工作年度报告")
_TITLE_GOES_ON = regex.compile(r"^(?:关于|印发|转发|批转|贯彻|对|致|[、和及与]|(?:19|20)\d{2}年)")


# a period in brackets ("（2025—2027年）", "(2021-2025年)"), never a single date ("（2021年1月4日）", a 成文日期)
_PERIOD_LINE = regex.compile(r"[（(]\s*(?:19|20)\d{2}\s*年?\s*[—–\-－~～至]\s*(?:19|20)\d{2}\s*年\s*[）)]")
_ATTACHMENT_LABEL = regex.compile(r"附件\s*[\d一二三四五六七八九十]{0,3}\s*[：:]?")


_CRUMB_ITEM = regex.compile(r"^(?P<n>\d{1,2})\s*[.．]\s*(?P<name>[^\s，,。；;：:、]{1,12})$")
_HOME_PAGE = frozenset(("首页", "网站首页"))


def _numbered_crumb(head: list[str], k: int) -> bool:
    """Line k is an item of a breadcrumb set as a numbered list from the home page ("1.首页" / "2.主动公开公文库",
    shanghai.gov.cn): the lines up to it count 1, 2, … from 首页, each short and without punctuation."""
    expected = None
    for j in range(k, -1, -1):
        m = _CRUMB_ITEM.match(head[j])
        n = int(m.group("n")) if m is not None else 0
        if m is None or expected is not None and n != expected:
            return False
        if n == 1:
            return m.group("name") in _HOME_PAGE
        expected = n - 1
    return False


def _merge_title(groups: list[_Group]) -> list[_Group]:
    """Join the title's lines (GB/T 9704 §7.3.1) that follow the 文号 (or the 发文机关标志) into one paragraph."""
    cfg = SETTINGS
    head = [("".join(g.texts)) for g in groups[: cfg.title_window]]
    start = 0
    for i, t in enumerate(head):
        if number_line(t) is not None or (t.endswith("号") and rules.element_rules()["order_number"].pattern.match(t)):  # "〔2022〕第39号" too
            top = i
            while top > 0 and i - top < SETTINGS.max_title_lines and _title_line(head[top - 1]) and (top == i or _title_goes_on(head[top - 1])):
                top -= 1
            if _title_lines(head[top:i]):
                return groups[:top] + _joined(groups, top, i - 1) + groups[i:]  # a page's title printed over its 文号
            start = i + 1
            break
    else:
        for i, t in enumerate(head[:3]):
            if rules.element_rules()["issuer_mark"].pattern.match(t):
                start = i + 1
                break
        else:
            # joint issuers set one per line over "关于…" (a joint 署名 line the reader split) open the title
            joint = len(head) > 2 and looks_like_org(head[1]) and bool(_TITLE_GOES_ON.match(head[2]))
            if len(head) > 1 and looks_like_org(head[0]) and not _TITLE_GOES_ON.match(head[1]) and not joint:
                start = 1  # "卯市人民政府办公室" over "卯市国土空间总体规划": a banner, not the title's first line
    export_field = rules.element_rules()["export_field"].pattern
    chrome = rules.html_rules().chrome.pattern
    while start < len(head) and (
        export_field.match(head[start])
        or chrome.fullmatch(head[start])
        or _BREADCRUMB_PIECE.fullmatch(head[start])
        or _ATTACHMENT_LABEL.fullmatch(head[start])
        or _numbered_crumb(head, start)
    ):
        start += 1  # an export's own fields or a page's chrome (a breadcrumb) above the notice are not title lines, nor
        # the label over an attachment printed as a text of its own ("附件2" over its title, broken over two lines)
    title_head = rules.words("title_head")
    for j in range(start + 1, min(start + cfg.max_title_lines, len(head))):
        m = ORG_THEN_ABOUT.match(head[j])
        if m is not None and looks_like_org(m.group("org")):
            above = head[start:j]
            if not any(title_head.search(h) or h.endswith(("的", "和", "与", "及", "关于")) for h in above):
                start = j  # "纪录小康工程" over "中共永德县委办公室 …关于印发…": a site's banner, not the title's first line
            break
    end = None
    for j in range(start, min(start + cfg.max_title_lines, len(head))):
        t = head[j]
        if not t or t[-1] in _TERMINAL or t.endswith("：") or visual_width(t) > cfg.max_title_line_width or _is_standalone(t):
            break
        if j > start and _two_whole_titles(head[start], t):
            break  # a whole title under a whole title with a note: the title printed again (a law database's
            # print with its revision mark, "…的通知(2019修订)", over the notice's own), not the first line's end
        if _ends_with_doc_type(t):
            end = j
            break
    # a title broken by hand may end "…实施方案" / "的" / "通知": short tail lines that end the title again
    k = end + 1 if end is not None else len(head)
    while k < min(start + cfg.title_tail_window, len(head)) and 0 < visual_width(head[k]) <= cfg.max_title_tail_width and not _is_standalone(head[k]) and head[k][-1] not in _TERMINAL and not head[k].endswith("："):
        tail = k
        while tail < len(head) and visual_width(head[tail]) <= cfg.max_title_tail_width and not _ends_with_doc_type(head[tail]):
            tail += 1
        if tail >= len(head) or visual_width(head[tail]) > cfg.max_title_tail_width or not _ends_with_doc_type("".join(head[k : tail + 1])):
            break
        if head[tail] in head[start:k]:
            break  # the title printed again (a law database prints it over its 题注): no tail of the first
        end, k = tail, tail + 1
    if end is not None and end + 1 < len(head) and _PERIOD_LINE.fullmatch(head[end + 1]) and _ends_with_doc_type(head[end]):
        end += 1  # a plan's period on a line of its own under it ("…专项行动方案" / "（2025—2027年）"): the title's
    if end is None or end == start:
        return groups
    return groups[:start] + _joined(groups, start, end) + groups[end + 1 :]


def _two_whole_titles(a: str, b: str) -> bool:
    """a, a whole title with a note after its type ("…的通知(2019修订)", "…的通告(长垣市交通管理局)"), over b, a whole
    title of its own: two prints of a title (a database's, a site's heading over the notice's), not one broken."""
    return _TRAILING_NOTE.search(a) is not None and _ends_with_doc_type(_TRAILING_NOTE.sub("", a)) and _ends_with_doc_type(b) and bool(rules.words("title_head").search(b))


def _title_line(t: str) -> bool:
    return bool(t) and t[-1] not in _TERMINAL and not _is_standalone(t) and visual_width(t) <= SETTINGS.max_title_line_width


def _title_goes_on(t: str) -> bool:
    """A line over the title's last that is no title of its own (…办法的通知) and no organisation alone (a
    masthead or 署名 over the title, "河南省许昌市人民政府")."""
    return (_cited_end(t) or not _ends_with_doc_type(t)) and not looks_like_org(t)


def _title_lines(lines: list[str]) -> bool:
    """Lines that together are one title broken over them (…关于印发《…方案》的 / 通知): no line a whole element
    or a sentence, the whole opening a title and ending with its type."""
    if len(lines) < 2 or len(lines) > SETTINGS.max_title_lines or not all(map(_title_line, lines)):
        return False
    if rules.words("title_head").search(lines[-1]) and _ends_with_doc_type(lines[-1]):
        return False  # the last line is a whole title ("法规库" over "安徽省人民政府关于…的通知": a banner above it)
    whole = "".join(lines)
    return bool(rules.words("title_head").search(whole)) and _ends_with_doc_type(whole) and not _cited_end(whole)


def _joined(groups: list[_Group], start: int, end: int) -> list[_Group]:
    """groups[start..end] as one paragraph."""
    return [
        _Group(
            texts=[t for g in groups[start : end + 1] for t in g.texts],
            page=groups[start].page,
            last=groups[end].last,
            pages=[p for g in groups[start : end + 1] for p in (g.pages or [g.page] * len(g.texts))],
            gap=groups[start].gap,
        )
    ]


def _fill_down(table: Table, header: tuple[str, ...]) -> tuple[list[list[str]], set[tuple[int, int]]]:
    """Blank cells under a filled one, in columns whose role is merged in practice, take the value above."""
    cols = rules.table_columns()
    rows = [list(r) for r in table.rows]
    filled = set(table.filled)
    if table.spans_known:
        return rows, filled
    roles = [cols.role(h) for h in header]
    # a row of one cell is a group's heading across the table ("一、实施设备更新行动" and blanks): it takes nothing
    # from above and gives nothing below, nor does the header (row 0) give its column names to the rows under it
    # (a row whose one cell is a later column's, "\t\t工作措施\t", is a task under merged cells: it is filled)
    lone = {i for i, r in enumerate(rows) if r and r[0].strip() and not any(c.strip() for c in r[1:])}
    for j, role in enumerate(roles):
        if role not in cols.fill_down:
            continue
        for i in range(2, len(rows)):
            if i in lone or i - 1 in lone:
                continue
            if j < len(rows[i]) and not rows[i][j].strip() and rows[i - 1][j].strip():
                if any(c.strip() for k, c in enumerate(rows[i]) if k != j):
                    rows[i][j] = rows[i - 1][j]
                    filled.add((i, j))
    return rows, filled


def _merge_sub_header(table: Table) -> Table:
    """A header of two rows (责任单位 over 牵头单位 | 配合单位, the other cells spanning both): one header row
    whose cells are the lower row's where it names a role, the upper row's elsewhere; the body follows."""
    if len(table.rows) < 3 or not _has_header(table.rows[0]):
        return table
    top, sub = table.rows[0], table.rows[1]
    cols = rules.table_columns()
    # (a text export writes a spanning cell once: its other slots are blank, 责任单位 | "" over 牵头单位 | 配合单位)
    if len(sub) != len(top) or not all(b == a or not b.strip() or cols.role(b) for a, b in zip(top, sub)):
        return table
    if not any(b.strip() and b != a for a, b in zip(top, sub)):
        return table
    merged = tuple(b if b.strip() and b != a and cols.role(b) else a for a, b in zip(top, sub))
    filled = frozenset((r - 1, c) for r, c in table.filled if r >= 2)
    return Table((merged, *table.rows[2:]), (table.row_pages[0] if table.row_pages else None, *table.row_pages[2:]), filled, table.spans_known)


def _has_header(row: tuple[str, ...]) -> bool:
    cols = rules.table_columns()
    return sum(1 for c in row if cols.role(c)) >= 2


def _merged_origin(done: list[tuple[CellSpan, ...]], row: list[CellSpan], i: int, j: int, value: str) -> CellSpan | None:
    """The written cell a merged slot repeats: the one above (rowspan) or to the left (colspan)."""
    if row and j > 0 and row[j - 1].text == value:
        return row[j - 1]
    if i > 0 and j < len(done[i - 1]) and done[i - 1][j].text == value:
        return done[i - 1][j]
    return None


def _nested_marks(group: _Group) -> None:
    """<…> inside a 《…》 that runs over several lines becomes 〈…〉 (normalize.nested_title_marks per
    paragraph; one character for one, so each line keeps its length)."""
    joined = "".join(group.texts)
    if "<" not in joined and "＜" not in joined:
        return
    fixed = nested_title_marks(joined)
    if fixed == joined:
        return
    out, at = [], 0
    for t in group.texts:
        out.append(fixed[at : at + len(t)])
        at += len(t)
    group.texts = out


def _restore_title_openers(group: _Group, before: str) -> None:
    """Put back a 《 the text layer lost (normalize.lost_title_openers), in the line it belongs to. A title
    opened in the paragraph `before` (a title over two paragraphs of a web page) lost nothing."""
    _nested_marks(group)
    joined = "".join(group.texts)
    if "》" not in joined:
        return
    lost = lost_title_openers(joined)
    if lost and before.count("《") > before.count("》"):
        lost = lost[1:]
    for at in reversed(lost):
        base = 0
        for k, t in enumerate(group.texts):
            if at <= base + len(t):
                group.texts[k] = t[: at - base] + "《" + t[at - base :]
                break
            base += len(t)


def normalise(doc: SourceDocument) -> NormDoc:
    """Build the normalised text of a document."""
    raw_text = "\n".join(b.text for b in doc.blocks if isinstance(b, Line))
    all_text = raw_text + "".join(c for b in doc.blocks if isinstance(b, Table) for r in b.rows for c in r)
    simplify = is_traditional(all_text)
    # a page converted with Taiwan phrasing gets its mainland words back (最佳化 -> 优化), not only its characters
    convert = (to_mainland if taiwan_phrased(all_text) else to_simplified) if simplify else None

    lost = has_lost_spaces(all_text)

    def clean(s: str) -> str:
        return clean_line(lost_spaces(s) if lost else s)

    # 1. lines -> paragraph groups, tables kept in place
    cleaned: list[tuple[str, Line] | Table] = []
    for b in doc.blocks:
        if isinstance(b, Table):
            cleaned.append(b)
            continue
        line = b
        # (the bars of empty cells a page left after a line go first: "某县自然资源局 2024年1月30日 |" is a 署名 and a date)
        # simplified first: the cleaners' labels and words are the mainland's ("發布機構 …" is a field as "发布机构 …"
        # is), and so are the names a joint 署名 line is split at ("吉林省生態環境廳")
        source = convert(b.text) if convert is not None else b.text
        for part in (r for p in split_closing(empty_cell_edges(source)) for q in split_joint_signature(p) for r in split_run_on_headings(q)):
            for t in (u for v in split_title_number(clean(part)) for w in split_date_number(v) for u in split_title_fields(w)):
                if t and not _bars_only(t):  # the bars of a table copied as text ("|||||", "---|---|") hold nothing
                    for u in (w for v in split_title_recipients(t) for w in split_recipients_body(v)):
                        cleaned.append((u, line))
                        # the blank lines above a source line are above its first piece only: the organisations of
                        # a joint 署名 split from one line stand as close as the line itself
                        line = replace(b, gap=0) if b.gap else b
    cleaned = join_label_values(split_label_columns(cleaned))
    width = _Width([c[0] for c in cleaned if isinstance(c, tuple)])
    signs = _signature_lines(cleaned)
    items: list[_Group | Table] = []
    header_over = False  # a sentence has ended, or a paragraph ending with a colon (the 主送机关) has
    for idx, c in enumerate(cleaned):
        if isinstance(c, Table):
            items.append(c)
            continue
        text, line = c
        prev = items[-1] if items else None
        # a paragraph ending with a colon ends the header (the 主送机关), a page's empty field ("主题词：") does not
        colon = isinstance(prev, _Group) and prev.texts[-1].endswith(("：", ":")) and _label_only(prev.texts[-1]) is None
        in_header = not header_over and not colon
        # the 主送机关 ends at its colon (§7.3.2), even as a full line over a body that a page indents like it
        addressed = colon and not header_over and isinstance(prev, _Group) and addressees("".join(prev.texts))
        if isinstance(prev, _Group) and (
            _url_goes_on(prev.texts, text)
            or not addressed
            and _should_join(prev.texts[-1], prev.last, text, width, group="".join(prev.texts) if in_header or _CLOSES_FIRST.match(text) else "", b_signs=idx in signs, in_header=in_header)
        ):
            prev.texts.append(text)
            prev.pages.append(line.page)
            prev.last = line
        else:
            # a colon at a line's end that a wrapped line went on from ("…浏览：" / "9440来源：…") ended nothing
            header_over = header_over or colon
            items.append(_Group(texts=[text], page=line.page, last=line, pages=[line.page], gap=line.gap))
        if _FULL_STOP.search(text):
            header_over = True
    # title lines joined (only among the leading paragraphs, before any table)
    lead: list[_Group] = []
    for it in items:
        if not isinstance(it, _Group):
            break
        lead.append(it)
    items = [*_merge_title(lead), *items[len(lead) :]]

    before = ""
    for it in items:
        if isinstance(it, _Group):
            _restore_title_openers(it, before)
            before = "".join(it.texts)

    # 2. emit text
    parts: list[str] = []
    paras: list[Para] = []
    tables: list[TableView] = []
    pos = 0
    last_para_text = ""
    last_para_span: tuple[int, int] | None = None

    def emit(s: str) -> tuple[int, int]:
        nonlocal pos
        start = pos
        parts.append(s)
        parts.append("\n")
        pos += len(s) + 1
        return start, start + len(s)

    for it in items:
        if isinstance(it, _Group):
            text = title_text(it.texts) if len(it.texts) > 1 else it.texts[0] if it.texts else ""
            s, e = emit(text)
            paras.append(Para(s, e, it.page, "para", it.page_breaks(s), it.gap))
            last_para_text, last_para_span = text, (s, e)
            continue
        cleaned_rows = tuple(tuple(clean(convert(cell) if convert is not None else cell) for cell in r) for r in it.rows)
        table = Table(cleaned_rows, it.row_pages, it.filled, it.spans_known)
        table = _merge_sub_header(table)
        header: tuple[str, ...] = table.rows[0] if table.rows and _has_header(table.rows[0]) else ()
        rows, _filled = _fill_down(table, header) if header else ([list(r) for r in table.rows], set(table.filled))
        body_start = 1 if header else 0
        if header:
            s, e = emit("\t".join(header))
            paras.append(Para(s, e, table.row_pages[0] if table.row_pages else None, "row"))
        row_cells: list[tuple[CellSpan, ...]] = []
        row_spans: list[tuple[int, int]] = []
        row_pages: list[int | None] = []
        for i in range(body_start, len(rows)):
            cells: list[CellSpan] = []
            offset = pos
            written: list[str] = []
            for j, cell in enumerate(rows[i]):
                origin = _merged_origin(row_cells, cells, i - body_start, j, cell) if (i, j) in _filled else None
                if origin is not None:
                    # a slot covered by a merged cell keeps the value with the spanning cell's offsets; the text
                    # holds the value once, where the page shows it (no repeated text, no repeated deadlines)
                    cells.append(origin)
                    written.append("")
                    offset += 1
                    continue
                cells.append(CellSpan(cell, offset, offset + len(cell)))
                written.append(cell)
                offset += len(cell) + 1
            s, e = emit("\t".join(written))
            page = table.row_pages[i] if i < len(table.row_pages) else None
            paras.append(Para(s, e, page, "row"))
            row_cells.append(tuple(cells))
            row_spans.append((s, e))
            row_pages.append(page)
        caption = last_para_text if last_para_text and last_para_text[-1] not in _TERMINAL and len(last_para_text) <= 60 else ""
        tables.append(
            TableView(
                header=header,
                rows=tuple(row_cells),
                row_spans=tuple(row_spans),
                row_pages=tuple(row_pages),
                caption=caption,
                caption_span=last_para_span if caption else None,
            )
        )
        last_para_text, last_para_span = "", None
    return NormDoc(source=doc, text="".join(parts), paras=tuple(paras), tables=tuple(tables))
