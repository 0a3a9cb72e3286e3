"""Documents a notice cites: 《title》, its 文号 in the parentheses after it, and the 以下简称 alias."""

from __future__ import annotations

import regex

from ..docnumber import find_doc_numbers
from ..evidence import sentence
from ..model import NormDoc, ReferenceRow
from ..structure import Layout

_BOOK = regex.compile(r"《(?P<title>[^《》]{2,120})》")
# the parenthesis after a title: （国办发〔2019〕54号，以下简称《指导意见》）
_AFTER = regex.compile(r"^\s*[（(](?P<inner>(?:[^（）()]|[（(][^（）()]*[）)])*)[）)]")
# "（见附件1）", "（附件2）": the title names this notice's own attachment (a form to fill), not a cited document
_OWN_ATTACHMENT = regex.compile(r"^\s*[（(]\s*(?:见|详见)?附件\s*\d{0,2}\s*[）)]")
# 以下简称《意见》, 以下简称“规划”, 以下简称省《办法》 (a prefix before the book title belongs to the alias)
_ALIAS = regex.compile(r"(?:以下简称|以下称|下称|简称)\s*(?P<alias>[^，,。；;）)]{1,30})")
# 《…证》《…登记表》: a certificate or a form named in book-title marks is not a document
_NOT_DOCUMENT = regex.compile(r"(?:证|证书|证件|卡|登记表|申报表|申请表|申报单|申请单|通知单|一览表|明细表)$")


def _alias(inner: str) -> tuple[str, tuple[str, str] | None]:
    """The alias as text without 《》/quotes, and (prefix, title) when it is written with a book title
    ("省《办法》" -> ("省办法", ("省", "办法"))) so its later uses are recognised."""
    am = _ALIAS.search(inner)
    if not am:
        return "", None
    raw = am.group("alias").strip()
    book = regex.search(r"《([^《》]+)》", raw)
    clean = regex.sub(r"[《》“”\"‘’]", "", raw)
    return clean, ((raw[: book.start()], book.group(1)) if book else None)


# "关于转发《X》的通知": X is an upper-level document this notice forwards, so a cited one (not its own text)
_FORWARDED = regex.compile(r"转发[《〈]?(?P<title>.+?)[》〉]?的(?:通知|函)$")


def _forwarded(own_title: str) -> str:
    m = _FORWARDED.search(own_title)
    return m.group("title") if m else ""


_DASHES = str.maketrans({"-": "—", "–": "—", "－": "—", "―": "—", "~": "—", "～": "—"})


def _loose(title: str) -> str:
    """A title for comparison: dashes unified, spaces and quotes dropped ('2024-2026年' = '2024—2026年')."""
    return regex.sub(r"[\s“”\"《》〈〉]", "", title.translate(_DASHES))


def _in_skipped(doc: NormDoc, lay: Layout, offset: int) -> bool:
    """True inside a paragraph that is not notice text (an export's file links, the 版记)."""
    for k in lay.skip:
        p = doc.paras[k]
        if p.start <= offset < p.end:
            return True
    return False


def extract_references(doc: NormDoc, lay: Layout, *, own_title: str, body_start_char: int) -> list[ReferenceRow]:
    text = doc.text
    own_number = lay.doc_number.normalized if lay.doc_number else ""
    rows: dict[str, ReferenceRow] = {}
    aliases: set[str] = set()
    covered: list[tuple[int, int]] = []
    alias_books: set[tuple[str, str]] = set()
    own_core = own_title
    forwarded = _forwarded(own_title)
    for m in _BOOK.finditer(text, body_start_char):
        title = m.group("title")
        is_own = bool(own_title) and (_loose(title) in _loose(own_title) or _loose(title.removeprefix("关于")) in _loose(own_core))
        if forwarded and title in forwarded:
            is_own = False
        if title in aliases or is_own:
            continue  # an alias used again, or the document this notice itself issues
        if any(t == title and text[max(0, m.start() - len(pre)) : m.start()] == pre for pre, t in alias_books):
            continue  # 省《办法》 used again after "以下简称省《办法》"
        if _NOT_DOCUMENT.search(title) or any(r.cited_title == title for r in rows.values()):
            continue
        if _OWN_ATTACHMENT.match(text[m.end() : m.end() + 20]) or _in_skipped(doc, lay, m.start()):
            continue
        number = alias = ""
        end = m.end()
        after = _AFTER.match(text[m.end() : m.end() + 200])
        if after:
            inner = after.group("inner")
            nums = list(find_doc_numbers(inner))
            if nums:
                number = nums[0].normalized
            alias, book = _alias(inner)
            if book is not None:
                alias_books.add(book)
            if nums or alias:
                end = m.end() + after.end()
        if not number:
            before = list(find_doc_numbers(text[max(0, m.start() - 25) : m.start()]))
            if before and max(0, m.start() - 25) + before[-1].end >= m.start() - 1:
                number = before[-1].normalized
        if alias:
            aliases.add(alias)
        covered.append((m.start(), end))
        key = number or title
        if key in rows:
            continue
        rows[key] = ReferenceRow(doc.doc_id, title, number, alias, doc.page_at(m.start()), sentence(doc, m.start(), end), m.start(), end)
    # numbers cited without a title (按照国办发〔2019〕54号文件要求)
    for k, p in enumerate(doc.paras):
        if p.start < body_start_char or k in lay.skip:
            continue
        for d in find_doc_numbers(text[p.start : p.end]):
            s, e = p.start + d.start, p.start + d.end
            if d.normalized == own_number or d.normalized in rows or any(a <= s < b for a, b in covered):
                continue
            alias = ""
            after = _AFTER.match(text[e : e + 60])
            if after:
                alias, _ = _alias(after.group("inner"))
            rows[d.normalized] = ReferenceRow(doc.doc_id, "", d.normalized, alias, doc.page_at(s), sentence(doc, s, e), s, e)
    return list(rows.values())
