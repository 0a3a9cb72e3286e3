"""Documents a notice cites: 《title》, its 文号 in the parentheses after it, and the 以下简称 alias."""

from __future__ import annotations

import bisect

import regex

from .. import rules

from ..docnumber import find_doc_numbers
from ..evidence import sentence
from ..model import NormDoc, ReferenceRow
from ..structure import Structure, own_book_marks

_BOOK = regex.compile(r"《(?P<title>[^《》]{2,120})》")
# the parenthesis after a title: （国办发〔2019〕54号，以下简称《指导意见》）
_SEE = regex.compile(r"^\s*(?:详见|参见|见)(?=\p{Han})")  # a bracket pointing at the number ("见国发〔2021〕23号")
_AFTER = regex.compile(r"^\s*[（(](?P<inner>(?:[^（）()]|[（(][^（）()]*[）)])*)[）)]")
# "关于印发《X》的通知（鄂社〔2024〕4号）": the notice's kind after the title it issued, then the notice's number
_ISSUING_NOTICE_TAIL = regex.compile(r"的(?:通知|决定|通报|函|批复)(?=\s*[（(])")
_ISSUING_VERB = regex.compile(r"(?:印发|转发|颁发|发布)\s*$")
# "（见附件1）", "（附件2）": the title names this notice's own attachment (a form to fill), not a cited document
_OWN_ATTACHMENT = regex.compile(r"^\s*[（(]\s*(?:见|详见)?附件\s*\d{0,2}\s*[）)]")
# 以下简称《意见》, 以下简称“规划”, 以下简称省《办法》 (a prefix before the book title belongs to the alias)
_ALIAS = regex.compile(r"(?:以下简称|以下称|下称|简称)\s*(?P<alias>[^，,。；;）)]{1,30})")
def is_form(title: str) -> bool:
    """《…证》《…申请表》《…录取通知书》: a certificate or a form to fill in (rules/references.yaml), not a
    document. '营业执照' is a document name here only because it ends with no listed form word."""
    return title.endswith(rules.not_document_suffixes())


_BOOK_TITLE = regex.compile(r"《([^《》]+)》")
_TITLE_MARKS = regex.compile(r"[《》“”\"‘’]")


def _alias(inner: str) -> tuple[str, tuple[str, str] | None]:
    """The alias as text without 《》/quotes, and (prefix, title) when it is written with a book title
    ("省《办法》" -> ("省办法", ("省", "办法"))) so its later uses are recognised."""
    am = _ALIAS.search(inner)
    if not am:
        return "", None
    raw = am.group("alias").strip()
    book = _BOOK_TITLE.search(raw)
    clean = _TITLE_MARKS.sub("", raw)
    return clean, ((raw[: book.start()], book.group(1)) if book else None)


# "关于转发《X》的通知": X is an upper-level document this notice forwards, so a cited one (not its own text)
_FORWARDED = regex.compile(r"转发[《〈]?(?P<title>.+?)[》〉]?的(?:通知|函)$")


def _forwarded(own_title: str) -> str:
    m = _FORWARDED.search(own_title)
    return m.group("title") if m else ""


_DASHES = str.maketrans({"-": "—", "–": "—", "－": "—", "―": "—", "~": "—", "～": "—"})


_TITLE_NOISE = regex.compile(r"[\s“”\"《》〈〉]")


def _loose(title: str) -> str:
    """A title for comparison: dashes unified, spaces and quotes dropped ('2024-2026年' = '2024—2026年')."""
    return _TITLE_NOISE.sub("", title.translate(_DASHES))


# what a notice itself issues: "关于印发《X》的通知" issues X
_ISSUES = regex.compile(r"(?:印发|颁发|发布|公布|出台)[《〈“]?(?P<title>.+?)[》〉”]?的(?:通知|决定|公告|通告|函)$")



@rules.cached
def _heading_issues() -> regex.Pattern[str]:
    """An issuing verb right before a title in a heading ("…办公厅印发《X》"); 转发 cites, as carries_out says."""
    return regex.compile(rf"(?:{rules.alternation('issuing_before')})\s*$")


def _is_own(title: str, own_title: str) -> bool:
    """Whether 《title》 is this notice itself or what it issues, not a document it cites. A title named in
    the notice's own title after 贯彻/落实/转发 ("关于贯彻落实《国务院关于X的意见》的实施意见") is cited."""
    if not own_title:
        return False
    t, own = _loose(title), _loose(own_title)
    if t == own or (own.endswith(t) and len(t) >= 0.6 * len(own)):
        return True  # the notice's own title, with or without its issuer
    at = own.find(t)
    if at > 0:
        # named in the own title: cited when the notice carries it out (贯彻落实《…》的实施意见), the notice's
        # own matter otherwise (征求《…（征求意见稿）》意见的函, 印发《…》的通知)
        return not rules.words("carries_out").search(own[:at])
    m = _ISSUES.search(own_title)
    if not m:
        return False
    issued = _loose(m.group("title"))
    # what it issues, by its full name, a short name ("现将《实施方案》印发给你们") or with a place before it
    return issued in (t, _loose(title.removeprefix("关于"))) or (min(len(t), len(issued)) >= 4 and (issued.endswith(t) or t.endswith(issued)))


def _one_of(t: str, titles: list[str]) -> bool:
    """A title that is one of `titles` (loose forms), by its full name or one ending the other's (a year or a place
    left off: 《县政府重点工作任务分解》 for 《2025年县政府重点工作任务分解》)."""
    return any(t == u or (min(len(t), len(u)) >= 4 and (u.endswith(t) or t.endswith(u))) for u in titles)


def _outside_body(doc: NormDoc, st: Structure, starts: list[int], offset: int) -> bool:
    """True inside a paragraph that is not notice text (an export's file links, the 版记); `starts` are the
    paragraphs' start offsets, for a binary search."""
    k = bisect.bisect_right(starts, offset) - 1
    return 0 <= k and offset < doc.paras[k].end and not st.is_body(k)


_SHORT_ORDER = regex.compile(r"^(?P<place>.*?)(?P<level>省|市|自治区)?(?:人民)?政府令(?P<rest>第\d+号)$")


def canonical_number(number: str, *, province: str = "", city: str = "") -> str:
    """One key for an order however it is written: '省政府令第181号' in a Guangdong notice and
    '广东省人民政府令第181号' are '广东省人民政府令第181号'. Other numbers are returned as they are."""
    m = _SHORT_ORDER.match(number)
    if not m:
        return number
    place, level = m.group("place"), m.group("level") or ""
    if not place:
        place = {"省": province, "自治区": province, "市": city}.get(level, "")
        if not place:
            return number  # the issuer's place is unknown: keep the number as written
        return f"{place}人民政府令{m.group('rest')}"
    return f"{place}{level}人民政府令{m.group('rest')}"


def extract_references(doc: NormDoc, st: Structure, *, own_title: str, province: str = "", city: str = "") -> list[ReferenceRow]:
    text = doc.text
    own_number = st.doc_number.normalized if st.doc_number else ""
    body = st.body_ranges(doc)
    body_start_char = body[0][0] if body else 0
    starts = [p.start for p in doc.paras]
    rows: dict[str, ReferenceRow] = {}
    aliases: set[str] = set()
    covered: list[tuple[int, int]] = []
    alias_books: set[tuple[str, str]] = set()
    own_core = own_title
    forwarded = _forwarded(own_title)
    issued: list[str] = []  # the titles the notice's body says it issues ("现将《A》《B》《C》印发给你们")
    for m in _BOOK.finditer(text, body_start_char):
        title = m.group("title").replace("\n", "")  # a title broken over two lines of a hard-wrapped text is one
        is_own = _is_own(title, own_title)
        if forwarded and title in forwarded:
            is_own = False
        elif not is_own and (rules.words("issued_here").match(text[m.end() : m.end() + 80]) or rules.words("issuing_before").search(text[max(0, m.start() - 12) : m.start()])):
            is_own = True  # "《X》已经市政府同意，现印发给你们", "现印发《X》": what this notice issues, named in its body
            issued.append(_loose(title))
        elif not is_own and issued and _one_of(_loose(title), issued):
            is_own = True  # named again below ("《B》细化15项具体任务"), by its full name or a shorter one: still its own
        if is_own and rules.words("repealed_after").match(text[m.end() : m.end() + 40]):
            is_own = False  # "原2007年印发的《X》同时废止": the older text the issued one replaces
        if is_own and rules.words("cited_before").search(text[max(0, m.start() - 40) : m.start()]):
            is_own = False  # "根据…、国务院《物业管理条例》" in 潍坊市物业管理条例: the parent it implements
        if is_own and any(d.normalized != own_number for d in find_doc_numbers(text[m.end() : m.end() + 40].split("）")[0])):
            is_own = False  # 《公共租赁住房管理办法》（住房城乡建设部令第11号）: a document of its own number
        if is_own and (own_after := _AFTER.match(text[m.end() : m.end() + 200])):
            own_alias, _ = _alias(own_after.group("inner"))
            if own_alias:
                aliases.add(own_alias)  # "制定了《…工作计划》（以下简称《年度工作计划》）": its short name is no citation
        if title in aliases or is_own:
            continue  # an alias used again, or the document this notice itself issues
        if title.removeprefix("本") in rules.doc_types():
            continue  # 《若干措施》, 《意见》: a short name for a document named in full elsewhere, no citation
        if any(t == title and text[max(0, m.start() - len(pre)) : m.start()] == pre for pre, t in alias_books):
            continue  # 省《办法》 used again after "以下简称省《办法》"
        if is_form(title):
            continue
        # cited again: the first mention keeps its row, unless this one gives the 文号 or 以下简称 it lacked
        # ("关于贯彻《上海市生活垃圾管理条例》" over a plan whose first sentence says "（以下简称《条例》）")
        earlier = next((k for k, r in rows.items() if r.cited_title == own_book_marks(title)), None)
        if rules.words("to_be_made").search(text[max(0, m.start() - 8) : m.start()]):
            if (made_after := _AFTER.match(text[m.end() : m.end() + 200])) and (made_alias := _alias(made_after.group("inner"))[0]):
                aliases.add(made_alias)  # "制订《…整改方案》（以下简称《整改方案》）": its short name is no citation either
            continue  # "研究起草《长征文物保护条例》": a document still to be made, not one this notice cites
        if _OWN_ATTACHMENT.match(text[m.end() : m.end() + 20]) or _outside_body(doc, st, starts, m.start()):
            continue
        number = alias = ""
        end = m.end()
        after_at = m.end()
        after = _AFTER.match(text[after_at : after_at + 200])
        tail = _ISSUING_NOTICE_TAIL.match(text, m.end()) if after is None else None
        if tail is not None and _ISSUING_VERB.search(text, max(0, m.start() - 4), m.start()):
            # "…农业农村厅关于印发《X》的通知(鄂社〔2024〕4号)": the notice that issued X, cited without its own
            # 《》, gives X its number
            after_at = tail.end()
            after = _AFTER.match(text[after_at : after_at + 200])
        if after:
            inner = after.group("inner")
            nums = list(find_doc_numbers(_SEE.sub("", inner)))  # "（见京政发〔2022〕31号）": 见 is no 代字's first character
            if nums:
                number = canonical_number(nums[0].normalized, province=province, city=city)
            alias, book = _alias(inner)
            if nums or alias:
                end = after_at + after.end()
            if nums and not alias and (second := _AFTER.match(text[end : end + 60])) is not None:
                # the short name in a bracket of its own after the number's ("（国发〔2021〕24号）（以下简称创新试点意见）")
                alias, book = _alias(second.group("inner"))
                if alias:
                    end += second.end()
            if book is not None:
                alias_books.add(book)
        if not number and after is None:
            # a number written right after the title, no bracket ("原《…奖补实施细则》内交发﹝2022﹞618号的印发日期")
            adjacent = next(iter(find_doc_numbers(text[m.end() : m.end() + 30])), None)
            if adjacent is not None and adjacent.start == 0:
                number = canonical_number(adjacent.normalized, province=province, city=city)
                end = m.end() + adjacent.end
        if not number:
            # a number written just before the title ("国办发〔2019〕54号《…》"); one closing a bracket belongs to
            # the title before it ("《A》（沪府办发〔2024〕3号）《B》")
            lo = max(0, m.start() - 25)
            before = list(find_doc_numbers(text[lo : m.start()]))
            if before and lo + before[-1].end >= m.start() - 1 and text[lo + before[-1].end : m.start()] not in ("）", ")"):
                number = canonical_number(before[-1].normalized, province=province, city=city)
        if alias:
            aliases.add(alias)
        covered.append((m.start(), end))
        if earlier is not None:
            first = rows[earlier]
            if (number and not first.cited_doc_number or alias and not first.alias) and (not number or not first.cited_doc_number or number == first.cited_doc_number):
                rows[earlier] = ReferenceRow(
                    doc.doc_id, first.cited_title, first.cited_doc_number or number, first.alias or alias, doc.page_at(m.start()), sentence(doc, m.start(), end), m.start(), end
                )
            continue
        key = number or title
        if key in rows:
            continue
        # out of the 《》 that quote it, a title's own 〈〉 are its 《》 again (the same title a document carries)
        rows[key] = ReferenceRow(doc.doc_id, own_book_marks(title), number, alias, doc.page_at(m.start()), sentence(doc, m.start(), end), m.start(), end)
    if st.title is not None and own_title and not own_title.rstrip("？?").endswith(tuple(rules.doc_types())):
        # a page about a document that is no 公文 itself ("问答实录：《X》的有关情况", "《X》具体包括哪些内容？"): the
        # document its heading names is the one it discusses
        cited = {r.cited_title for r in rows.values()}
        for m in _BOOK.finditer(text, st.title.start, st.title.end):
            title = own_book_marks(m.group("title").replace("\n", ""))
            if _heading_issues().search(text, st.title.start, m.start()):
                continue  # "上海市人民政府办公厅印发《关于…的若干意见》": what the heading issues, its 通知 left off
            if title not in cited and title not in rows and not is_form(title):
                rows[title] = ReferenceRow(doc.doc_id, title, "", "", doc.page_at(m.start()), text[st.title.start : st.title.end], m.start(), m.end())
    # numbers cited without a title (按照国办发〔2019〕54号文件要求)
    for k, p in enumerate(doc.paras):
        if not st.is_body(k):
            continue
        for d in find_doc_numbers(text[p.start : p.end]):
            s, e = p.start + d.start, p.start + d.end
            key = canonical_number(d.normalized, province=province, city=city)
            if d.normalized == own_number or key in rows or any(a <= s < b for a, b in covered):
                continue
            alias = ""
            after = _AFTER.match(text[e : e + 60])
            if after:
                alias, _ = _alias(after.group("inner"))
            rows[key] = ReferenceRow(doc.doc_id, "", key, alias, doc.page_at(s), sentence(doc, s, e), s, e)
    return list(rows.values())
