"""Web pages as saved from government sites: the notice's own text and tables, without the site around it.

trafilatura finds the main text of the page; the reader then takes the smallest element of the page that
holds nearly all of that text (the article container) and walks it in document order, so paragraphs stay
paragraphs (one Line per <p>/<div>, <br> splits) and <table>s become Table blocks with their rowspan/colspan
expanded. The page's metadata block (索引号, 发文字号, 成文日期…) goes to SourceDocument.metadata.
"""

from __future__ import annotations

import codecs
import logging
from pathlib import Path

import regex
from lxml import etree
from lxml import html as lxml_html

from .. import rules
from ..model import Block, IngestError, Line, SourceDocument, Table
from .html_meta import PageMetadata, head_metadata, page_metadata, squash
from .tables import MAX_COLSPAN, html_table_grid, join_cell_paragraphs, span_attribute, stitch_runs
from .mojibake import repair, repair_note
from .text import decode, lost_characters
from .text_pages import drop_page_furniture

log = logging.getLogger(__name__)

_META_CHARSET = regex.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", regex.I)
_XML_DECL = regex.compile(r"^\s*<\?xml[^>]*\?>", regex.I)
# Chinese pages declare the narrow GB2312/GBK and then use characters only GB18030 has
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "big5": "big5hkscs"}

_DROP = frozenset(
    "script style noscript template iframe object embed button input select textarea svg canvas video audio "
    "nav head title link meta form map area".split()
)
_BLOCK = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd section article blockquote pre center header footer aside main "
    "figure figcaption address hr tr td th tbody thead tfoot caption body html table".split()
)
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.I)
_CENTER_STYLE = regex.compile(r"text-align\s*:\s*center", regex.I)
_MIN_KEY = 8  # trafilatura lines shorter than this (menu items, 首页) do not vote for the container


# --------------------------------------------------------------------------- decoding


def decode_html(data: bytes, *, source: str) -> str:
    """Bytes to text: a BOM, else the page's <meta charset> when the bytes decode under it, else detection."""
    if not data.strip():
        raise IngestError(f"{source}: the file is empty; nothing to extract")
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data, source=source)
    m = _META_CHARSET.search(data[:8192])
    if m:
        name = m.group(1).decode("ascii", "replace").lower()
        enc = _WIDER.get(name, name)
        try:
            codecs.lookup(enc)
            return data.decode(enc)
        except LookupError:
            log.info("%s: unknown charset %r in <meta>; detecting", source, name)
        except UnicodeDecodeError:
            log.info("%s: bytes are not %s as the page declares; detecting", source, name)
    return decode(data, source=source)


# --------------------------------------------------------------------------- page cleaning


def _parse(text: str, *, source: str) -> lxml_html.HtmlElement:
    text = _XML_DECL.sub("", text)  # lxml refuses a str that still declares its encoding
    try:
        root = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as e:
        raise IngestError(f"{source}: not an HTML page ({e}); save the page as HTML or the notice as text") from e
    return root


def _hidden(el: lxml_html.HtmlElement) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN_STYLE.search(el.get("style", "")))


def _strip_page(root: lxml_html.HtmlElement) -> None:
    """Remove scripts, styles, comments, forms and hidden elements (print copies, pop-ups) in place."""
    doomed = [
        el
        for el in root.iter()
        if not isinstance(el.tag, str) or el.tag in _DROP or (el.tag not in ("html", "body") and _hidden(el))
    ]
    for el in doomed:
        parent = el.getparent()
        if parent is None:
            continue
        # keep the tail text (it belongs to the parent), drop the element
        tail = el.tail
        prev = el.getprevious()
        if tail:
            if prev is not None:
                prev.tail = (prev.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(el)


# --------------------------------------------------------------------------- the article container

_NOSPACE = regex.compile(r"[\s\u3000\u00a0|]+")
_HAN = regex.compile(r"\p{Han}")


def _keys(page_text: str) -> list[str]:
    """The main text as trafilatura sees it, one whitespace-free key per line, table rows left out."""
    import trafilatura  # imported lazily: a text-only run does not need it

    main = trafilatura.extract(page_text, include_tables=False, include_comments=False, include_images=False, deduplicate=False)
    if not main:
        return []
    keys = []
    for line in main.splitlines():
        k = _NOSPACE.sub("", line)
        if len(k) >= _MIN_KEY:
            keys.append(k)
    return keys


def _coverage(el: lxml_html.HtmlElement, keys: list[str]) -> int:
    text = _NOSPACE.sub("", el.text_content())
    return sum(len(k) for k in keys if k in text)


_TITLE_PARTS = regex.compile(r"\s*(?:[_|｜]|\s[-－—–]\s)\s*")
_MIN_PAGE_TITLE = 8  # a shorter piece of <title> is a site's name, not a notice's title
_MAX_PAGE_TITLE = 150  # a longer heading is a block of text, not a title (structure.SETTINGS.max_title)


def page_title_key(root: lxml_html.HtmlElement) -> str:
    """The notice's title as the page names it, without spaces: the longest piece of its <title> ("…的通知_某县
    人民政府" -> "…的通知"), or where that is only the site's name the first heading (<h1>…, an element classed
    as a title) that reads as a notice's (ending in a document type); '' when none is long enough."""
    raw = root.findtext(".//title") or ""
    pieces = [_NOSPACE.sub("", p) for p in _TITLE_PARTS.split(raw.strip())]
    best = max(pieces, key=len, default="")
    kinds = rules.doc_types()
    if best.endswith(kinds) and len(best) >= _MIN_PAGE_TITLE:
        return best
    for el in root.xpath("//h1|//h2|//h3|//*[contains(@class,'title')]"):
        text = _NOSPACE.sub("", el.text_content())
        if _MIN_PAGE_TITLE <= len(text) <= _MAX_PAGE_TITLE and text.endswith(kinds):
            return text
    return best if len(best) >= _MIN_PAGE_TITLE and _HAN.search(best) else ""


def _title_left_above(node: lxml_html.HtmlElement, best: lxml_html.HtmlElement, title_key: str) -> bool:
    """Whether the page's title stands in `node` above `best` and not inside it (an old site's layout table:
    the title in one cell, the text in the next): descending into `best` would lose the title."""
    if not title_key or title_key in _NOSPACE.sub("", best.text_content()):
        return False
    for el in node.iter():
        if el is best:
            return False  # reached the text before any element holding the title
        if isinstance(el.tag, str) and el.tag not in ("table", "tbody", "tr") and title_key in _NOSPACE.sub("", el.text_content()):
            if el.find(".//table") is None and best not in el.iterdescendants():
                return True
    return False


def content_root(root: lxml_html.HtmlElement, page_text: str, title_key: str = "") -> lxml_html.HtmlElement:
    """The smallest element holding nearly all of trafilatura's main text (the body when it finds none), and
    the notice's title printed above it (`title_key`, page_title_key's), which trafilatura leaves out."""
    body = root.find("body")
    node = body if body is not None else root
    keys = _keys(page_text)
    total = _coverage(node, keys) if keys else 0
    if total == 0:
        return node
    while True:
        best, best_cov = None, 0
        for child in node.iterchildren():
            if not isinstance(child.tag, str):
                continue
            cov = _coverage(child, keys)
            if cov > best_cov:
                best, best_cov = child, cov
        if best is None or best_cov < 0.85 * total or _title_left_above(node, best, title_key):
            return node
        node = best


# --------------------------------------------------------------------------- walking the container


def _is_layout_table(t: lxml_html.HtmlElement) -> bool:
    """Tables that position the page (a table inside, or one cell per row) are read as text, not as data."""
    if t.find(".//table") is not None:
        return True
    widths = [sum(_span(c) for c in tr if c.tag in ("td", "th")) for tr in t.iter("tr")]
    return max(widths, default=0) <= 1


def _span(cell: lxml_html.HtmlElement) -> int:
    return span_attribute(cell.get("colspan"), MAX_COLSPAN)


def _table_blocks(t: lxml_html.HtmlElement) -> list[Block]:
    """A data table as a Table block; full-width rows at the top and bottom (附件 captions, 注) become Lines."""
    rows, filled = html_table_grid(t)
    if not rows:
        return []
    width = len(rows[0])
    cells = [[join_cell_paragraphs(c.split("\n")) for c in r] for r in rows]
    keep = [i for i, r in enumerate(cells) if any(c for c in r)]

    def full_width(i: int) -> bool:
        return width > 1 and all((i, j) in filled for j in range(1, width)) and len(set(rows[i])) == 1

    before: list[Block] = []
    after: list[Block] = []
    while keep and full_width(keep[0]):
        before.extend(Line(squash(p), full=False) for p in rows[keep.pop(0)][0].split("\n") if squash(p))
    while keep and full_width(keep[-1]):
        after[:0] = [Line(squash(p), full=False) for p in rows[keep.pop()][0].split("\n") if squash(p)]
    if not keep:
        return before + after
    index = {old: new for new, old in enumerate(keep)}
    grid = tuple(tuple(cells[i]) for i in keep)
    kept_filled = frozenset((index[r], c) for r, c in filled if r in index)
    table = Table(rows=grid, row_pages=(None,) * len(grid), filled=kept_filled, spans_known=True)
    return [*before, table, *after]


class _Walker:
    """Document-order walk: inline text gathers into the current line; block elements and <br> end it."""

    def __init__(self, skip: list[lxml_html.HtmlElement]) -> None:
        self.skip = {id(e) for e in skip}
        self.blocks: list[Block] = []
        self.buf: list[str] = []
        self.cues: set[str] = set()
        self.chrome = rules.html_rules().chrome.pattern

    def flush(self) -> None:
        text = squash("".join(self.buf))
        if text and not self.chrome.fullmatch(text):
            self.blocks.append(Line(text, page=None, full=False, cues=frozenset(self.cues)))
        self.buf.clear()
        self.cues.clear()

    def walk(self, el: lxml_html.HtmlElement) -> None:
        if id(el) in self.skip:
            return
        tag = el.tag
        if tag == "br":
            self.flush()
        elif tag == "table" and not _is_layout_table(el):
            self.flush()
            self.blocks.extend(_table_blocks(el))
        elif tag == "pre":
            self.flush()
            for line in el.text_content().splitlines():
                self.buf.append(line)
                self.flush()
        else:
            block = tag in _BLOCK
            if block:
                self.flush()
                if el.get("align", "").lower() == "center" or tag == "center" or _CENTER_STYLE.search(el.get("style", "")):
                    self.cues.add("centered")
            if el.text:
                self.buf.append(el.text)
            for child in el.iterchildren():
                if isinstance(child.tag, str):
                    self.walk(child)
                if child.tail:
                    self.buf.append(child.tail)
            if block:
                self.flush()


def content_blocks(container: lxml_html.HtmlElement, skip: list[lxml_html.HtmlElement]) -> list[Block]:
    w = _Walker(skip)
    w.walk(container)
    w.flush()
    return stitch_runs(w.blocks)


# --------------------------------------------------------------------------- reader


def _has_text(blocks: list[Block]) -> bool:
    han = sum(len(_HAN.findall(b.text)) for b in blocks if isinstance(b, Line))
    return han >= 20 or any(isinstance(b, Table) for b in blocks)


_REFRESH_URL = regex.compile(r"url\s*=\s*['\"]?([^'\";\s]+)", regex.I)


def _redirect_target(root: lxml_html.HtmlElement) -> str:
    """Where a stub page sends the reader (<meta http-equiv="refresh" content="0;url=…">), or ''."""
    for meta in root.iter("meta"):
        if (meta.get("http-equiv") or "").lower() == "refresh":
            m = _REFRESH_URL.search(meta.get("content") or "")
            if m:
                return m.group(1)
    return ""


def read_html(path: Path, *, doc_id: str, sha256: str, data: bytes) -> SourceDocument:
    fixed = repair(decode_html(data, source=path.name))
    root = _parse(fixed.text, source=path.name)
    head = head_metadata(root)
    title_key = page_title_key(root)  # before the page's head is stripped
    target = _redirect_target(root)  # before the page's head is stripped
    _strip_page(root)
    meta: PageMetadata = page_metadata(root, head)
    container = content_root(root, fixed.text, title_key)
    inside_meta = any(box is container or container in box.iterdescendants() for box in meta.containers)
    blocks = [] if inside_meta else drop_page_furniture(content_blocks(container, meta.containers))
    if inside_meta and meta.values:
        # the page's own metadata block is all it holds: the notice is filled in by JavaScript after loading
        named = "，".join(f"{k}：{meta.values[k]}" for k in ("标题", "发文字号") if meta.values.get(k))
        raise IngestError(
            f"{path.name}: the page holds only its metadata block ({named or '标题/文号'}), not the notice's text "
            "(the site fills it in by JavaScript); save the page after it has loaded, or the notice's PDF/text"
        )
    if not _has_text(blocks):
        lost = lost_characters("\n".join(b.text for b in blocks if isinstance(b, Line)), path.name)
        if lost:
            raise IngestError(lost)
        if target:
            raise IngestError(f"{path.name}: the page only redirects to {target}; save that page instead")
        raise IngestError(
            f"{path.name}: the page holds no notice text (an empty page, a listing, or one filled in by "
            "JavaScript); save the article page itself, or copy the notice into a .txt file"
        )
    return SourceDocument(
        doc_id=doc_id,
        source=str(path),
        format="html",
        sha256=sha256,
        blocks=tuple(blocks),
        metadata=dict(meta.values),
        warnings=(note,) if (note := repair_note(path.name, fixed)) else (),
    )
