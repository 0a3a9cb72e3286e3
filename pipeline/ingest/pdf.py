"""PDF notices as they really are: text layers exported from Word/WPS in GB/T 9704-2012 layout, garbled
text layers, and scans.

Per page: characters (pdfium by default, see pdfpage.py) or, for a page without a usable text layer, OCR
line boxes (ocr.py) -> ruled tables (pdftables.py) -> the remaining fragments as lines (pdflines.py). Then
for the whole document: page furniture removed and kept (page numbers, running headers), each line's
geometry turned into `Line.full` (it reaches the text block's right margin, so its paragraph goes on) and
cues (`red` 发文机关标志, `rule_below`/`red_rule` for the separator line under the 文号, `centered`,
`right`, `indent`, `bold`, `ocr`, `wraps` when the next line goes on flush at the left margin), and tables continued on the next page stitched into one.
"""

from __future__ import annotations

import itertools
import logging
import os
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Sequence
from typing import Any, Union

import pypdfium2 as pdfium
import regex

from .. import rules
from ..model import Block, IngestError, Line, SourceDocument, Table
from .pdfcolumns import Columns, find_columns
from .pdflines import PLine, group_lines
from .pdfpage import PageData, pdfium_page, plumber_page
from .pdfopentables import find_open_tables
from .pdftables import PTable, find_tables
from .tables import join_continuation

log = logging.getLogger(__name__)

ENGINES = ("pdfium", "hybrid", "plumber")
_ASCII_SYMBOLS = frozenset("!\"#$%&'*+/<=>?@[\\]^_`{|}~")
_SPACES = regex.compile(r"\s+")
_DIGITS = regex.compile(r"\d+")
GARBLED_SHARE = 0.3  # a page whose characters are this share (cid:N)/U+FFFD/private use goes to OCR
SCAN_COVER = 0.3  # a page with (almost) no text and images over this share of its area is a scan
SCAN_FULL = 0.6  # images cover this share of the page: a scanned page, whatever text layer lies over it
WATERMARK_TEXT_SHARE = 0.015  # text boxes covering less than this share of such a page are a watermark
FULL_SLACK = 1.2  # a line ending within this many character sizes of the right margin is full (it wraps on)
OCR_FULL_SLACK = 2.0
PAGE_NUMBER_ZONE = 0.75  # a whole-line page number in the lowest quarter of the page is furniture
RUNNING_HEAD_ZONE = 0.15  # a gazette's running head, ruled off over its columns, starts in this top share of the page
# margins and line cues, in character sizes (s) of the line unless said otherwise
LANDSCAPE = 1.05  # a page this much wider than high is landscape: its own text block
MARGIN_LINE_CHARS = 8  # lines this long or longer set the margins (headings and page numbers do not)
RIGHT_EDGE_SHARE = 0.4  # lines ending together at this share of all make the right edge of the text block
HANGING_SLACK = 3.0  # ...if they end no more than this many character sizes short of the 90th percentile
MARGIN_PERCENTILES = (0.1, 0.9)  # the text block's left and right edges, robust to a few indented/outdented lines
LANDSCAPE_TABLE_LINES = 5  # a landscape page with fewer long lines and a table: the table spans the text block
CENTERED_MIN_GAP = 0.5  # a centred line keeps at least this gap (s) on each side
CENTERED_BALANCE = 1.0  # and its two gaps differ by less than this (s)
RIGHT_GAP = 0.5  # a right-aligned line (署名, 成文日期) ends this far (s) inside the right margin or nearer
INDENT = (1.5, 2.6)  # a paragraph's first line is indented two characters (GB/T 9704 §7.3.3): 1.5-2.6 s
CENTERED_FULL_SLACK = 3.0  # a centred title line within this many s of the block's width wraps on
KINSOKU_SLACK = 2.6  # a line a renderer ended early to keep "，" off the next line's start is this many s short
TOP_ZONE, BOTTOM_ZONE = 0.12, 0.86  # where page numbers and running headers sit (share of page height)

Item = Union[PLine, PTable]


@dataclass(slots=True)
class _Page:
    data: PageData
    items: list[Item]


def read_pdf(path: Path, *, doc_id: str, sha256: str, data: bytes, engine: str | None = None, ocr: bool = True) -> SourceDocument:
    """Read a PDF into lines and tables, each with its page (`engine`: pdfium, hybrid or plumber)."""
    engine = engine or os.environ.get("GONGWEN_PDF_ENGINE", "pdfium")
    if engine not in ENGINES:
        raise IngestError(f"unknown PDF engine {engine!r}; use one of {', '.join(ENGINES)}")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        msg = str(e)
        if "password" in msg.lower():
            raise IngestError(f"{path.name}: the PDF is password-protected; save an unprotected copy and run again") from e
        raise IngestError(f"{path.name}: not a readable PDF ({msg}); check that the file is complete") from e
    warnings: list[str] = []
    pages: list[PageData] = []
    try:
        n = len(pdf)
        if n == 0:
            raise IngestError(f"{path.name}: the PDF has no pages")
        plumber = _open_plumber(data) if engine != "pdfium" else None
        try:
            for i in range(n):
                page = pdfium_page(pdf, i)
                if plumber is not None and (engine == "plumber" or len(page.edges) >= 4):
                    page = plumber_page(plumber.pages[i])
                if needs_ocr(page):
                    if not ocr:
                        warnings.append(f"page {i + 1} has no usable text layer and OCR is switched off")
                    else:
                        page = _ocr(pdf, i, page, warnings)
                pages.append(page)
        finally:
            if plumber is not None:
                plumber.close()
    finally:
        pdf.close()
    return assemble(pages, path=path, doc_id=doc_id, sha256=sha256, warnings=warnings)


def _open_plumber(data: bytes) -> Any:
    import io

    import pdfplumber

    return pdfplumber.open(io.BytesIO(data))


def needs_ocr(page: PageData) -> bool:
    """A scanned page (images, hardly any characters) or a garbled text layer."""
    n = len(page.frags)  # bad characters are among the fragments
    if n >= 20 and page.bad_chars >= GARBLED_SHARE * n:
        return True
    if n >= 50:
        # glyph codes of a font without ToUnicode can also come out as plain ASCII punctuation ("!\"#$%&'"):
        # a full page of a Chinese notice with hardly any Han characters and mostly symbols is garbled too
        text = "".join(f.text for f in page.frags)
        han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
        symbols = sum(1 for ch in text if ch in _ASCII_SYMBOLS)
        if han < 0.05 * len(text) and symbols + page.bad_chars >= GARBLED_SHARE * len(text):
            return True
    if len(page.frags) < 5 and page.image_cover >= SCAN_COVER:
        return True
    # a scanner app's watermark (扫描全能王 创建) or a stamped page number is the only text over a page-filling
    # image: the text layer covers a sliver of the page, the notice is in the image
    if page.image_cover >= SCAN_FULL and page.width and page.height:
        text_area = sum((f.x1 - f.x0) * (f.bottom - f.top) for f in page.frags)
        return text_area < WATERMARK_TEXT_SHARE * page.width * page.height
    return False


def _ocr(pdf: pdfium.PdfDocument, index: int, page: PageData, warnings: list[str]) -> PageData:
    from .ocr import OcrUnavailable, ocr_page

    try:
        return ocr_page(pdf, index)
    except OcrUnavailable as e:
        warnings.append(f"page {index + 1}: {e}")
        return page


def assemble(pages: list[PageData], *, path: Path, doc_id: str, sha256: str, warnings: list[str], kind: str = "PDF") -> SourceDocument:
    """Pages of fragments and edges to a SourceDocument (`kind` names the format in messages: PDF, OFD)."""
    built: list[_Page] = []
    for p in pages:
        tables, rest = find_tables(p)
        open_tables, rest = find_open_tables(p, rest, tables)
        tables += open_tables
        columns = find_columns(rest, p.edges)
        if columns is None:
            lines = group_lines(rest, p.number, ocr=p.ocr)
            _rule_cues(p, lines, tables)
            items: list[Item] = [*lines, *tables]
            items.sort(key=lambda it: it.top)
        else:
            items = _column_items(p, columns, tables)
        built.append(_Page(p, items))
    furniture = _remove_furniture(built)
    lines = [it for bp in built for it in bp.items if isinstance(it, PLine)]
    if not lines and not any(isinstance(it, PTable) for bp in built for it in bp.items):
        hint = "; it may be a scan that OCR could not read" if any(p.ocr for p in pages) else ""
        raise IngestError(f"{path.name}: no text found in the {kind}{hint}")
    margins = _geometry(lines, built)
    blocks = _blocks(built, margins)
    return SourceDocument(
        doc_id=doc_id,
        source=str(path),
        format="pdf",
        sha256=sha256,
        blocks=tuple(blocks),
        pages=len(pages),
        pages_ocr=sum(1 for p in pages if p.ocr),
        ocr_confidence=_ocr_confidence(pages),
        ocr_low=_ocr_low(pages),
        furniture=tuple(Line(f.text, f.page, None, frozenset({"furniture"})) for f in furniture),
        warnings=tuple(warnings),
    )


def _column_items(p: PageData, columns: Columns, tables: list[PTable]) -> list[Item]:
    """A page set in two columns in reading order: each full-width band, and between them the left column
    before the right one. The right column's lines are moved left onto the left one's, so that both are
    measured against one pair of column margins (a line that reaches the column's edge wraps on into the
    next, the right column's first line continues the left one's last paragraph)."""
    by_segment = [group_lines(seg.frags, p.number, ocr=p.ocr) for seg in columns.segments]
    _rule_cues(p, [ln for seg_lines in by_segment for ln in seg_lines], tables)
    keyed: list[tuple[int, float, Item]] = []
    # the gazette's running head (its name, the issue) over a rule across the page at its top: furniture
    rule = min((e.top for e in p.edges if e.orientation == "h" and e.x0 < columns.gutter < e.x1 and e.top < RUNNING_HEAD_ZONE * p.height), default=None)
    for i, (seg, seg_lines) in enumerate(zip(columns.segments, by_segment)):
        for ln in seg_lines:
            ln.column = seg.side != "full"
            if rule is not None and ln.bottom <= rule:
                ln.cues.add("running_head")
            if seg.side == "right":
                ln.x0 -= columns.shift
                ln.x1 -= columns.shift
            keyed.append((i, ln.top, ln))
    for t in tables:
        side = "full" if t.x0 < columns.gutter < t.x1 else "left" if t.x1 <= columns.gutter else "right"
        # after the last segment of its side that starts above it
        at = max((i for i, seg in enumerate(columns.segments) if seg.side == side and seg.top <= t.top), default=0)
        keyed.append((at, t.top, t))
    keyed.sort(key=lambda k: (k[0], k[1]))
    return [it for _, _, it in keyed]


# --------------------------------------------------------------------------- OCR confidence

OCR_LOW = 0.8  # a box recognised with a lower score is listed for checking (documents.ocr_low_confidence)


def _ocr_confidence(pages: list[PageData]) -> float | None:
    scored = [(f.conf, len(f.text)) for p in pages if p.ocr for f in p.frags]
    chars = sum(n for _, n in scored)
    return round(sum(c * n for c, n in scored) / chars, 3) if chars else None


def _ocr_low(pages: list[PageData]) -> tuple[str, ...]:
    numbers = rules.page_number_rules()
    return tuple(
        f"p{p.number} {f.text} ({f.conf:.2f})"
        for p in pages if p.ocr for f in p.frags
        if f.conf < OCR_LOW and not any(r.pattern.match(f.text.strip()) for r in numbers)
    )


# --------------------------------------------------------------------------- furniture


def _digits_key(text: str) -> str:
    return _DIGITS.sub("#", _SPACES.sub("", text))


def _remove_furniture(pages: list[_Page]) -> list[PLine]:
    """Page numbers at the top or bottom of a page, and running headers/footers repeated on most pages."""
    page_numbers = rules.page_number_rules()
    removed: list[PLine] = []
    zone_keys: Counter[str] = Counter()
    for bp in pages:
        seen = {_digits_key(it.text) for it in _zone_lines(bp)}
        zone_keys.update(seen)
    many = max(3, len(pages) // 2)
    repeated = {k for k, c in zone_keys.items() if c >= many}
    # a page number as the first or last line of most pages, below the top zone (a Word template's header
    # 36 mm down, "─ 1 ─" over the text): its shape repeating page after page is the evidence
    edge_keys = Counter(k for bp in pages for k in {_digits_key(it.text) for it in _edge_lines(bp) if _is_page_number(it, page_numbers)})
    numbered = {k for k, c in edge_keys.items() if c >= many}
    # a gazette's running head seen over its columns: the same words head its pages set in one column too
    running = {_digits_key(it.text) for bp in pages for it in bp.items if isinstance(it, PLine) and "running_head" in it.cues}
    for bp in pages:
        drop = [it for it in bp.items if isinstance(it, PLine) and "running_head" in it.cues]
        for it in _zone_lines(bp):
            if it in drop:
                continue
            if _is_page_number(it, page_numbers) or _digits_key(it.text) in repeated or (running and all(_digits_key(w) in running for w in it.text.split())):
                drop.append(it)
        for it in _edge_lines(bp):
            if it not in drop and _digits_key(it.text) in numbered and _is_page_number(it, page_numbers):
                drop.append(it)
        # a page number alone on one of the last lines, lower than the zone on a scan with a deep margin
        h = bp.data.height
        lines = [it for it in bp.items if isinstance(it, PLine)]
        for it in lines[-3:]:
            if it not in drop and it.top >= PAGE_NUMBER_ZONE * h and _is_page_number(it, page_numbers):
                drop.append(it)
        for it in drop:
            bp.items.remove(it)
            removed.append(it)
    return removed


def _is_page_number(it: PLine, page_numbers: Sequence[Any]) -> bool:
    compact = _SPACES.sub(" ", it.text).strip()
    return any(r.pattern.match(compact) for r in page_numbers)


def _edge_lines(bp: _Page) -> list[PLine]:
    """The first and the last line of a page, wherever they lie."""
    lines = [it for it in bp.items if isinstance(it, PLine)]
    return lines[:1] + lines[-1:] if len(lines) > 1 else lines


def _zone_lines(bp: _Page) -> list[PLine]:
    """The first two and last two lines of a page when they lie in its top or bottom margin zone."""
    lines = [it for it in bp.items if isinstance(it, PLine)]
    h = bp.data.height
    cand = lines[:2] + lines[-2:]
    out: list[PLine] = []
    for it in cand:
        if it in out:
            continue
        if it.bottom <= TOP_ZONE * h or it.top >= BOTTOM_ZONE * h:
            out.append(it)
    return out


# --------------------------------------------------------------------------- geometry


def _percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, int(q * (len(values) - 1))))]


Margins = dict[tuple[bool, bool, bool], tuple[float, float]]


def _right_edge(x1s: list[float], size: float) -> float:
    """The right edge of the text block: a high percentile of where lines end, unless most lines end together
    a little short of it. Word's justified Chinese text ends its lines at the margin and lets a line-end
    、，。 hang beyond it; where over a tenth of the lines hang, the percentile is the hanging edge and the
    lines at the margin would read as short (not wrapping on)."""
    right = _percentile(x1s, MARGIN_PERCENTILES[1])
    edges = Counter(round(x) for x in x1s)
    edge, count = max(edges.items(), key=lambda kv: (kv[1], kv[0]))
    near = sum(c for x, c in edges.items() if abs(x - edge) <= 1)
    if near >= RIGHT_EDGE_SHARE * len(x1s) and right - HANGING_SLACK * size <= edge < right:
        return float(max(x for x in edges if abs(x - edge) <= 1))
    return right


def _key(ln: PLine, wide: set[int]) -> tuple[bool, bool, bool]:
    return ln.ocr, ln.page in wide, ln.column


def _geometry(lines: list[PLine], pages: list[_Page]) -> Margins:
    """Set cues from where each line sits in the text block; returns the block's (left, right) margins for
    text-layer lines and for OCR lines (whose boxes are measured differently), on portrait and on landscape
    pages (an attachment table on a landscape page has a text block of its own)."""
    margins: Margins = {}
    wide = {bp.data.number for bp in pages if bp.data.width > bp.data.height * LANDSCAPE}
    keys: list[tuple[bool, bool, bool]] = [(o, w, c) for o, w, c in itertools.product((False, True), repeat=3)]
    for key in keys:
        group = [ln for ln in lines if _key(ln, wide) == key]
        if not group:
            continue
        long_lines = [ln for ln in group if len(ln.text) >= MARGIN_LINE_CHARS]
        tables = [it for bp in pages if bp.data.number in wide for it in bp.items if isinstance(it, PTable)]
        if key[1] and len(long_lines) < LANDSCAPE_TABLE_LINES and tables:
            # a landscape page holding a table and a few headings: the table spans the text block
            left, right = min(t.x0 for t in tables), max(t.x1 for t in tables)
        else:
            long_lines = long_lines or group
            left = _percentile([ln.x0 for ln in long_lines], MARGIN_PERCENTILES[0])
            right = _right_edge([ln.x1 for ln in long_lines], statistics.median(ln.size for ln in long_lines))
        margins[key] = (left, right)
        mid = (left + right) / 2
        for ln in group:
            s = ln.size
            if ln.red:
                ln.cues.add("red")
            if ln.bold:
                ln.cues.add("bold")
            if key[0]:
                ln.cues.add("ocr")
            gap_l, gap_r = ln.x0 - left, right - ln.x1
            if min(gap_l, gap_r) >= CENTERED_MIN_GAP * s and abs(gap_l - gap_r) < CENTERED_BALANCE * s:
                ln.cues.add("centered")
            elif ln.x0 > mid and ln.x1 < right - RIGHT_GAP * s:
                ln.cues.add("right")
            elif left + INDENT[0] * s <= ln.x0 <= left + INDENT[1] * s:
                ln.cues.add("indent")
    return margins


def _full(ln: PLine, right: float, left: float) -> bool:
    if "centered" in ln.cues:
        return ln.x1 - ln.x0 >= (right - left) - CENTERED_FULL_SLACK * ln.size  # a wrapped centred title line
    if "right" in ln.cues:
        return False
    # an OCR box ends at the last glyph's ink (a full-width ，。 inks only its left half) and scans are skewed
    return ln.x1 >= right - (OCR_FULL_SLACK if ln.ocr else FULL_SLACK) * ln.size


_NO_LINE_START = frozenset("，。、；：！？）》”’」』〕】")  # marks a renderer never sets at a line's start (禁则)


def _kept_short(a: PLine, b: PLine, left: float, right: float) -> bool:
    """Line a ends up to KINSOKU_SLACK characters short of the right margin because the next line starts with
    a character and the mark that may not open a line ("期，…"), and a itself ends inside a sentence."""
    return (
        len(b.text) > 1
        and b.text[1] in _NO_LINE_START
        and right - a.x1 <= KINSOKU_SLACK * a.size
        and a.x0 - left <= INDENT[1] * a.size
        and a.text[-1:] not in _NO_LINE_START
    )


def _rule_cues(page: PageData, lines: list[PLine], tables: list[PTable]) -> None:
    """A long horizontal rule under a line, outside tables: the 版头 separator (§7.2.5) or a 版记 rule (§7.4)."""
    if not lines:
        return
    width = max(ln.x1 for ln in lines) - min(ln.x0 for ln in lines)
    for e in page.edges:
        if e.orientation != "h" or e.x1 - e.x0 < 0.5 * width:
            continue
        if any(t.x0 - 3 <= e.x0 and e.x1 <= t.x1 + 3 and t.top - 3 <= e.top <= t.bottom + 3 for t in tables):
            continue
        above = [ln for ln in lines if ln.bottom <= e.top + 2]
        if not above:
            continue
        ln = max(above, key=lambda x: x.bottom)
        if e.top - ln.bottom <= 3 * ln.size:
            ln.cues.add("rule_below")
            if e.red:
                ln.cues.add("red_rule")


# --------------------------------------------------------------------------- blocks


def _blocks(pages: list[_Page], margins: Margins) -> list[Block]:
    out: list[Block] = []
    wide = {bp.data.number for bp in pages if bp.data.width > bp.data.height * LANDSCAPE}
    tables: list[tuple[PTable, Table]] = []  # the table blocks in order, to stitch continuations
    flow = [it for bp in pages for it in bp.items]
    kept_short: set[int] = set()  # lines a renderer ended early to keep a punctuation mark off the next line's start
    for a, b in zip(flow, flow[1:]):
        # a full line followed by one starting flush at the left margin: the paragraph wraps on, even after
        # a 。 at the line's end (GB/T 9704 paragraphs start with a two-character indent)
        if isinstance(a, PLine) and isinstance(b, PLine) and _key(a, wide) == _key(b, wide):
            left, right = margins[_key(a, wide)]
            flush = abs(b.x0 - left) <= 0.5 * b.size
            if flush and _kept_short(a, b, left, right):
                # a browser does not squeeze punctuation: "…给予6个月的过渡" / "期，过渡期内…" ends the line two
                # characters early, and an indented line so short looks centred; it wraps on all the same
                a.cues.discard("centered")
                kept_short.add(id(a))
            if (_full(a, right, left) or id(a) in kept_short) and not a.cues & {"centered", "right"} and flush:
                a.cues.add("wraps")
    for pi, bp in enumerate(pages):
        for k, it in enumerate(bp.items):
            if isinstance(it, PLine):
                left, right = margins[_key(it, wide)]
                out.append(Line(it.text, it.page, _full(it, right, left) or id(it) in kept_short, frozenset(it.cues)))
                continue
            if it.caption:
                out.append(Line(it.caption, it.page, False, frozenset({"caption"})))
            table = Table(tuple(tuple(r) for r in it.rows), (it.page,) * len(it.rows), frozenset(it.filled), spans_known=True)
            prev = out[-1] if out else None
            if k == 0 and isinstance(prev, Table) and tables and _continues(tables[-1][0], it, pages[pi - 1] if pi else None):
                table = join_continuation(prev, table)
                out[-1] = table
                tables[-1] = (it, table)
                continue
            out.append(table)
            tables.append((it, table))
    return out


def _continues(prev: PTable, cur: PTable, prev_page: _Page | None) -> bool:
    """`cur` starts the page after `prev`'s, `prev` ended its page, and their columns line up."""
    if prev_page is None or cur.page != prev.page + 1 or not prev_page.items or prev_page.items[-1] is not prev:
        return False
    if len(prev.cols) != len(cur.cols):
        return False
    return all(abs(a - b) <= 3 for a, b in zip(prev.cols, cur.cols))


