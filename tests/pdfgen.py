"""Build PDF fixtures in GB/T 9704-2012 layout from notice text the tests own.

reportlab draws the pages with an embedded TrueType CJK font (reportlab cannot embed the CFF outlines of
fonts-noto-cjk, so fonts-wqy-microhei is used; scripts/system-deps.sh installs it). The layout follows the
standard where it matters to a reader: the red 发文机关标志 and the red separator line under the 文号 (§7.2),
a centred title broken over lines (§7.3.1), justified body lines of 16 pt with a two-character first-line
indent, 署名 and 成文日期 at the right (§7.3.5), 附件 on new pages with ruled tables whose merged cells are
drawn as real spans and which run over page breaks (with or without the header repeated), the 版记 between
rules at the end (§7.4) and page numbers `— N —` (§7.5). Two things PDF exports really do are imitated on
purpose: Latin/digit runs are set in another font with a quarter-em gap (so extraction sees `到 2023 年`), and
titles and level-1 headings are "fake bold" (every glyph drawn twice, offset by 0.4 pt).

`image_only(pdf, out)` renders each page to an image and writes a PDF holding only those images (a scan).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence, Union

import regex
from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)
CJK = "CJK"
LATIN = "Helvetica"
RED = Color(0.85, 0.05, 0.05)

PAGE_W, PAGE_H = A4
LEFT = 28 * mm  # 订口 (GB/T 9704 §5.2.1)
TOP = 37 * mm  # 天头
TEXT_W = 156 * mm
TEXT_H = 225 * mm
RIGHT = LEFT + TEXT_W
BOTTOM = PAGE_H - TOP - TEXT_H
BODY = 16.0  # 3号
LINE_H = TEXT_H / 22  # 22 lines a page

_LATIN_RUN = regex.compile(r"[0-9A-Za-z][0-9A-Za-z.%/:\-]*")
_CLOSING = set("，。、；：？！）》”’〕】")
_LEVEL1 = regex.compile(r"^[一二三四五六七八九十]+、")


class FixtureUnavailable(RuntimeError):
    """The CJK font needed to draw fixtures is not installed."""


def register_font() -> None:
    if CJK in pdfmetrics.getRegisteredFontNames():
        return
    for path in FONT_CANDIDATES:
        if Path(path).exists():
            pdfmetrics.registerFont(TTFont(CJK, path, subfontIndex=0))
            return
    raise FixtureUnavailable("no TrueType CJK font found; run `make system-deps` (installs fonts-wqy-microhei)")


# --------------------------------------------------------------------------- the notice as elements


@dataclass
class P:
    """A paragraph; style: mark, docnum, title, subtitle, plain, body, sign, date, publicity, note, label, caption."""

    text: str
    style: str = "body"


@dataclass
class T:
    """A ruled table: rows[0] is the header; a cell None is covered by the cell above it (a vertical merge)."""

    rows: list[list[str | None]]
    repeat_header: bool = True
    borders: str = "grid"  # "grid": every cell ruled; "rules": 三线表, horizontal rules only (top, under the header, bottom)


@dataclass
class Banji:
    """版记 (GB/T 9704 §7.4): office lines, 抄送机关, 印发机关 and 印发日期."""

    office: list[str] = field(default_factory=list)
    cc: str = ""
    printer: str = ""
    printed: str = ""


@dataclass
class NewPage:
    """A page break; `orient` switches the following pages to portrait, landscape (wide MediaBox),
    rotate90 or rotate270 (portrait MediaBox with /Rotate, content drawn sideways)."""

    orient: str | None = None


Element = Union[P, T, Banji, NewPage]


@dataclass
class Furniture:
    """Page furniture to draw: the page-number format ({n}) and an optional running header from page 2."""

    page_number: str = "— {n} —"
    running_header: str = ""
    page_number_top: bool = False  # a Word template's header: the number centred just over the text block
    watermark: str = ""  # light grey text drawn diagonally over every page (a download platform's mark)


# --------------------------------------------------------------------------- drawing


def _runs(text: str) -> list[tuple[str, str]]:
    """Split text into (font, run): Latin/digit runs in the Latin font, the rest in the CJK font."""
    out: list[tuple[str, str]] = []
    pos = 0
    for m in _LATIN_RUN.finditer(text):
        if m.start() > pos:
            out.append((CJK, text[pos : m.start()]))
        out.append((LATIN, m.group(0)))
        pos = m.end()
    if pos < len(text):
        out.append((CJK, text[pos:]))
    return out


def _tokens(text: str) -> list[str]:
    """Wrapping units: each CJK character, each Latin/digit run."""
    toks: list[str] = []
    for font, run in _runs(text):
        toks.extend([run] if font == LATIN else list(run))
    return toks


def _tok_width(tok: str, size: float) -> float:
    if _LATIN_RUN.fullmatch(tok):
        return pdfmetrics.stringWidth(tok, LATIN, size) + size * 0.5  # Word's autospace: a quarter em each side
    return pdfmetrics.stringWidth(tok, CJK, size)


def text_width(text: str, size: float) -> float:
    return sum(_tok_width(t, size) for t in _tokens(text))


def wrap(text: str, width: float, size: float, first_indent: float = 0.0, indent: float = 0.0) -> list[str]:
    """Greedy wrap by CJK character; closing punctuation never starts a line (it squeezes onto the line)."""
    lines: list[str] = []
    cur: list[str] = []
    w = 0.0
    avail = width - first_indent
    for tok in _tokens(text):
        tw = _tok_width(tok, size)
        if cur and w + tw > avail + 0.01 and tok not in _CLOSING:
            lines.append("".join(cur))
            cur, w, avail = [], 0.0, width - indent
        cur.append(tok)
        w += tw
    if cur:
        lines.append("".join(cur))
    return lines


class Writer:
    def __init__(self, path: Path, furniture: Furniture) -> None:
        register_font()
        self.c = Canvas(str(path), pagesize=A4, pageCompression=1)
        self.c.setTitle("fixture")
        self.furniture = furniture
        self.page = 1
        self.orient = "portrait"
        self._geometry()
        self.y = self.page_h - self.top  # top of the next line box
        self._started = False

    def _geometry(self) -> None:
        """The text block of the current page: GB/T 9704 margins on portrait pages; on landscape pages
        (attachment tables, which the standard leaves to the drafter) 25 mm sides and 28 mm top and bottom."""
        if self.orient == "portrait":
            self.page_w, self.page_h, self.left, self.top, self.text_w = PAGE_W, PAGE_H, LEFT, TOP, TEXT_W
            self.bottom = BOTTOM
        else:
            self.page_w, self.page_h, self.left, self.top = PAGE_H, PAGE_W, 25 * mm, 28 * mm
            self.text_w = self.page_w - 50 * mm
            self.bottom = 28 * mm
        self.right = self.left + self.text_w

    def _begin_page(self) -> None:
        """Set up a page of the current orientation. `landscape` is a wide MediaBox (Word/LibreOffice
        landscape sections); `rotate90`/`rotate270` draw the landscape page on a portrait MediaBox turned by
        /Rotate (WPS, scanners): the content is drawn sideways and the viewer turns the page upright."""
        c = self.c
        self._geometry()
        if self.orient in ("portrait", "landscape"):
            c.setPageSize((self.page_w, self.page_h))
            c.setPageRotation(0)
            return
        c.setPageSize((self.page_w, self.page_h))  # reportlab writes the MediaBox turned (portrait) under /Rotate 90/270
        if self.orient == "rotate90":
            c.setPageRotation(90)
            c.transform(0, 1, -1, 0, PAGE_W, 0)  # landscape (X, Y) -> portrait (W - Y, X)
        else:
            c.setPageRotation(270)
            c.transform(0, -1, 1, 0, 0, PAGE_H)  # landscape (X, Y) -> portrait (Y, H - X)

    # page handling
    def _furniture(self) -> None:
        c = self.c
        if self.furniture.watermark:
            c.saveState()
            c.setFillColor(Color(0.8, 0.8, 0.8))
            c.translate(self.page_w / 2, self.page_h / 2)
            c.rotate(45)
            for k in (-1, 0, 1):  # three copies across the page, over the body text
                c.setFont(CJK, 36)
                c.drawCentredString(0, k * 200, self.furniture.watermark)
            c.restoreState()
        if self.furniture.page_number:
            label = self.furniture.page_number.format(n=self.page)
            w = text_width(label, 14)
            if self.furniture.page_number_top:
                self.draw_line(label, self.left + (self.text_w - w) / 2, self.page_h - self.top + 2, 14)
            else:
                x = self.right - 14 - w if self.page % 2 else self.left + 14  # odd pages right, even left (§7.5)
                self.draw_line(label, x, self.bottom - 7 * mm - 10, 14)
        if self.furniture.running_header and self.page > 1:
            self.draw_line(self.furniture.running_header, self.left + (self.text_w - text_width(self.furniture.running_header, 10.5)) / 2, self.page_h - self.top + 12 * mm, 10.5)
            c.setLineWidth(0.5)
            c.setStrokeColor(black)
            c.line(self.left, self.page_h - self.top + 10 * mm, self.right, self.page_h - self.top + 10 * mm)

    def new_page(self, orient: str | None = None) -> None:
        self._furniture()
        self.c.showPage()
        self.page += 1
        if orient is not None:
            self.orient = orient
        self._begin_page()
        self.y = self.page_h - self.top

    def need(self, h: float) -> None:
        if self.y - h < self.bottom - 0.5:
            self.new_page()

    def save(self) -> None:
        self._furniture()
        self.c.showPage()
        self.c.save()

    # text
    def draw_line(self, text: str, x: float, baseline: float, size: float, *, color: Color = black, justify_to: float | None = None, bold: bool = False) -> None:
        """One line: CJK runs and Latin runs in their fonts; `justify_to` spreads the characters to that width."""
        toks = _tokens(text)
        natural = sum(_tok_width(t, size) for t in toks)
        extra = 0.0
        if justify_to is not None and len(toks) > 1:
            extra = (justify_to - natural) / (len(toks) - 1)
        for dx in ((0.0, 0.4) if bold else (0.0,)):
            t = self.c.beginText()
            t.setFillColor(color)
            cx = x + dx
            for font, run in _runs(text):
                if font == LATIN:
                    t.setTextOrigin(cx + size * 0.25, baseline)
                    t.setFont(LATIN, size)
                    t.setCharSpace(0)
                    t.textOut(run)
                    cx += _tok_width(run, size) + extra
                else:
                    t.setTextOrigin(cx, baseline)
                    t.setFont(CJK, size)
                    t.setCharSpace(extra)
                    t.textOut(run)
                    cx += sum(pdfmetrics.stringWidth(ch, CJK, size) + extra for ch in run)
            self.c.drawText(t)

    def para(self, p: P) -> None:
        s = p.style
        size = {"mark": 30.0, "title": 22.0, "subtitle": 20.0, "caption": 18.0}.get(s, BODY)
        line_h = max(LINE_H, size * 1.45)
        color = RED if s == "mark" else black
        bold = s in ("title", "subtitle") or (s == "body" and bool(_LEVEL1.match(p.text)))
        if s in ("mark", "docnum", "title", "subtitle", "caption"):
            lines = wrap(p.text, self.text_w - 2 * size, size)
            for ln in lines:
                self.need(line_h)
                x = self.left + (self.text_w - text_width(ln, size)) / 2
                self.draw_line(ln, x, self.y - size, size, color=color, bold=bold)
                self.y -= line_h
            if s == "docnum":  # the red separator line 4 mm under the 文号 (§7.2.5)
                self.c.setStrokeColor(RED)
                self.c.setLineWidth(1.2)
                self.c.line(self.left, self.y + line_h - size - 4 * mm, self.right, self.y + line_h - size - 4 * mm)
                self.y -= line_h
            if s == "mark":
                self.y -= line_h
            if s in ("title", "subtitle"):
                self.y -= line_h * 0.5
            return
        if s in ("sign", "date"):
            self.need(line_h)
            w = text_width(p.text, size)
            x = self.right - 4 * size - w if s == "date" else self.right - 4 * size - w + size
            self.draw_line(p.text, x, self.y - size, size)
            self.y -= line_h
            return
        if s == "label":
            self.need(line_h)
            self.draw_line(p.text, self.left, self.y - size, size, bold=True)
            self.y -= line_h
            return
        if s == "note":  # 附件说明: hanging indent after "附件：" (§7.3.4)
            text = p.text
            first = 2 * size
            hang = first + text_width("附件：", size) if text.startswith("附件") else first + text_width("附件：", size)
            lines = wrap(text, self.text_w, size, first_indent=first if text.startswith("附件") else hang, indent=hang + text_width("1.", size))
            for k, ln in enumerate(lines):
                self.need(line_h)
                x = self.left + (first if k == 0 and text.startswith("附件") else hang)
                self.draw_line(ln, x, self.y - size, size)
                self.y -= line_h
            return
        first = 0.0 if s == "plain" else 2 * size
        lines = wrap(p.text, self.text_w, size, first_indent=first)
        for k, ln in enumerate(lines):
            self.need(line_h)
            x = self.left + (first if k == 0 else 0.0)
            last = k == len(lines) - 1
            self.draw_line(ln, x, self.y - size, size, justify_to=None if last else self.right - x, bold=bold and k == 0)
            self.y -= line_h

    # tables
    def table(self, t: T, *, size: float = 12.0) -> None:
        register_font()
        rows = t.rows
        ncols = max(len(r) for r in rows)
        rows = [list(r) + [""] * (ncols - len(r)) for r in rows]
        pad, lh = 4.0, size * 1.35
        header = [c or "" for c in rows[0]]
        min_w = [text_width(h, size) + 2 * pad + 2 for h in header]
        longest = [max(text_width(r[j] or "", size) for r in rows) for j in range(ncols)]
        want = [max(0.0, min(lw, 40 * size) - (mw - 2 * pad)) for lw, mw in zip(longest, min_w)]
        spare = self.text_w - sum(min_w)
        widths = [mw + spare * (w / sum(want)) if sum(want) else self.text_w / ncols for mw, w in zip(min_w, want)]
        xs = [self.left]
        for w in widths:
            xs.append(xs[-1] + w)

        def cell_lines(text: str | None, j: int) -> list[str]:
            return wrap(text or "", widths[j] - 2 * pad, size) if text else []

        # row heights; a span's text that does not fit its rows makes its last row taller
        heights = [max([len(cell_lines(c, j)) for j, c in enumerate(r) if not self._spanned(rows, i, j)] + [1]) * lh + 2 * pad for i, r in enumerate(rows)]
        for i, r in enumerate(rows):
            for j, c in enumerate(r):
                if c is None or i == 0:
                    continue
                k = self._span_len(rows, i, j)
                if k > 1:
                    need = len(cell_lines(c, j)) * lh + 2 * pad
                    have = sum(heights[i : i + k])
                    if need > have:
                        heights[i + k - 1] += need - have
        placed: list[tuple[int, float]] = []  # (row, top y) on the current page

        def flush(last_on_page: bool) -> None:
            self._draw_rows(rows, placed, heights, xs, size, pad, lh, cell_lines, t.borders)
            placed.clear()

        self.need(heights[0] + heights[1] if len(rows) > 1 else heights[0])
        placed.append((0, self.y))
        self.y -= heights[0]
        for i in range(1, len(rows)):
            if self.y - heights[i] < self.bottom:
                flush(True)
                self.new_page()
                if t.repeat_header:
                    placed.append((0, self.y))
                    self.y -= heights[0]
            placed.append((i, self.y))
            self.y -= heights[i]
        flush(True)
        self.y -= LINE_H * 0.5

    @staticmethod
    def _spanned(rows: list[list[str | None]], i: int, j: int) -> bool:
        return rows[i][j] is None or (i > 0 and Writer._span_len(rows, i, j) > 1)

    @staticmethod
    def _span_len(rows: list[list[str | None]], i: int, j: int) -> int:
        k = 1
        while i + k < len(rows) and rows[i + k][j] is None:
            k += 1
        return k

    def _draw_rows(self, rows, placed, heights, xs, size, pad, lh, cell_lines, borders="grid") -> None:  # type: ignore[no-untyped-def]
        c = self.c
        c.setStrokeColor(black)
        c.setLineWidth(0.75)
        on_page = [i for i, _ in placed]
        top = {i: y for i, y in placed}
        ncols = len(xs) - 1
        first_y = placed[0][1]
        last_i = placed[-1][0]
        bottom_y = top[last_i] - heights[last_i]
        c.line(xs[0], first_y, xs[-1], first_y)
        if borders == "rules":  # 三线表: a rule under the header and one at the bottom, no vertical lines
            c.line(xs[0], bottom_y, xs[-1], bottom_y)
            if 0 in top:
                c.line(xs[0], top[0] - heights[0], xs[-1], top[0] - heights[0])
        else:
            for x in xs:
                c.line(x, first_y, x, bottom_y)
        for n, i in enumerate(on_page):
            y_bot = top[i] - heights[i]
            nxt = on_page[n + 1] if n + 1 < len(on_page) else None
            for j in range(ncols if borders != "rules" else 0):
                continues = nxt is not None and nxt == i + 1 and rows[nxt][j] is None
                if not continues:
                    c.line(xs[j], y_bot, xs[j + 1], y_bot)
            for j in range(ncols):
                text = rows[i][j]
                if text is None:
                    # the continuation of a span that began on an earlier page is left blank, as Word draws it
                    continue
                k = self._span_len(rows, i, j) if i > 0 else 1
                span_rows = [r for r in range(i, i + k) if r in top]
                part_h = sum(heights[r] for r in span_rows)
                lines = cell_lines(text, j)
                block_h = len(lines) * lh
                y0 = top[i] - pad if k == 1 else top[i] - max(pad, (part_h - block_h) / 2)
                for m, ln in enumerate(lines):
                    self.draw_line(ln, xs[j] + pad, y0 - size - m * lh + (lh - size) / 2 * 0.5, size)


def write_pdf(elements: Sequence[Element], path: Path, *, furniture: Furniture | None = None) -> Path:
    w = Writer(path, furniture or Furniture())
    for el in elements:
        if isinstance(el, P):
            w.para(el)
        elif isinstance(el, T):
            w.table(el)
        elif isinstance(el, NewPage):
            w.new_page(el.orient)
        elif isinstance(el, Banji):
            _banji(w, el)
    w.save()
    return path


def _banji(w: Writer, b: Banji) -> None:
    """版记 at the foot of the last page (§7.4): thick rule, 抄送, thin rule, 印发机关 … 印发日期, thick rule."""
    size = 14.0
    lh = LINE_H
    cc_lines = wrap("抄送：" + b.cc, w.text_w - 2 * size, size, indent=text_width("抄送：", size)) if b.cc else []
    n = len(b.office) + len(cc_lines) + (1 if b.printer else 0)
    height = n * lh + 4
    w.need(height + lh)
    y = w.bottom + height
    c = w.c
    c.setStrokeColor(black)
    c.setLineWidth(1.0)
    c.line(w.left, y, w.right, y)
    for line in b.office:
        w.draw_line(line, w.left + size, y - lh + (lh - size) / 2, size)
        y -= lh
    for k, line in enumerate(cc_lines):
        x = w.left + size + (0 if k == 0 else text_width("抄送：", size))
        w.draw_line(line, x, y - lh + (lh - size) / 2, size)
        y -= lh
    c.setLineWidth(0.7)
    c.line(w.left, y, w.right, y)
    if b.printer:
        w.draw_line(b.printer, w.left + size, y - lh + (lh - size) / 2, size)
        right = b.printed + "印发"
        w.draw_line(right, w.right - size - text_width(right, size), y - lh + (lh - size) / 2, size)
        y -= lh
    c.setLineWidth(1.0)
    c.line(w.left, y, w.right, y)
    w.y = w.bottom


# --------------------------------------------------------------------------- notice text -> elements


def notice_from_text(text: str) -> list[Element]:
    """Lay a notice's text out as GB/T 9704 elements, using the text pipeline to find the elements.

    Table cells left blank under a filled cell (how a text export writes a vertical merge), or copied from
    a merged cell by the text reader, become real spans."""
    from pipeline.ingest.text import blocks_from_text
    from pipeline.layout import normalise
    from pipeline.model import SourceDocument, Table
    from pipeline.structure import analyse

    src = SourceDocument(doc_id="fixture", source="fixture", format="txt", sha256="", blocks=tuple(blocks_from_text(text)))
    doc = normalise(src)
    lay = analyse(doc)
    tables = [b for b in src.blocks if isinstance(b, Table)]
    paras = doc.paras
    texts = [doc.text[p.start : p.end] for p in paras]

    def at(span: object) -> int | None:
        if span is None:
            return None
        start = span.start  # type: ignore[attr-defined]
        return next(k for k, p in enumerate(paras) if p.start <= start <= p.end)

    role: dict[int, str] = {}
    for span, r in ((lay.issuer_mark, "mark"), (lay.doc_number_span, "docnum"), (lay.title, "title"), (lay.recipients, "plain"), (lay.signed_date, "date"), (lay.publicity, "publicity")):
        k = at(span)
        if k is not None:
            role[k] = r
    for s in lay.signature:
        role[at(s)] = "sign"  # type: ignore[index]
    for s in lay.attachments:
        role[at(s)] = "note"  # type: ignore[index]
    banji = Banji()
    banji_idx: set[int] = set()
    if lay.printer is not None and lay.issued_date is not None:
        k = at(lay.printer)
        banji.printer, banji.printed = lay.printer.value, lay.issued_date.value
        banji_idx.add(k)  # type: ignore[arg-type]
    if lay.cc is not None:
        banji.cc = lay.cc.value.replace("\n", "")
        banji_idx |= {k for k, p in enumerate(paras) if p.start < lay.cc.end and p.end > lay.cc.start}
    for k in (k for k in range(len(paras)) if not lay.is_body(k)):
        if k not in role and k not in banji_idx and regex.match(r"^(?:主办|督办|联系人|承办)[：:]", texts[k]):
            banji.office.append(texts[k])
            banji_idx.add(k)
    captions = {}
    for n, tv in enumerate(doc.tables):
        if tv.caption_span is not None:
            captions[next(k for k, p in enumerate(paras) if p.start == tv.caption_span[0])] = n

    out: list[Element] = []
    k = 0
    table_no = 0
    after_date = False
    while k < len(paras):
        p = paras[k]
        if p.kind == "row":
            tv = doc.tables[table_no]
            src_t = tables[table_no]
            out.append(T(_spans(src_t.rows, src_t.filled)))
            k += len(tv.rows) + (1 if tv.header else 0)
            table_no += 1
            continue
        if k in banji_idx:
            k += 1
            continue
        t = texts[k]
        r = role.get(k, "body")
        if k in captions:
            out += [NewPage(), P(f"附件{captions[k] + 1}", "label"), P(t, "caption")]
        elif r == "note":
            out.append(P(regex.sub(r"^[-•·]\s*", "", t), "note"))
        elif r == "body" and after_date and len(t) <= 40 and t[-1] not in "。；：！？" and regex.search(r"(?:方案|意见|办法|规定|细则|计划)$", t):
            out += [NewPage(), P(t, "subtitle")]
        else:
            out.append(P(t, r))
        if r == "date":
            after_date = True
        k += 1
    if banji.cc or banji.printer:
        out.append(banji)
    return out


def _spans(rows: tuple[tuple[str, ...], ...], filled: frozenset[tuple[int, int]]) -> list[list[str | None]]:
    """Cells copied from a merged cell, or blank under a filled cell in a row with content, are merged up."""
    out: list[list[str | None]] = []
    for i, r in enumerate(rows):
        row: list[str | None] = []
        for j, c in enumerate(r):
            above = out[i - 1][j] if i > 1 and j < len(out[i - 1]) else ""
            merged = i > 1 and ((i, j) in filled or (not c.strip() and any(x.strip() for x in r) and (above is None or bool(above))))
            row.append(None if merged else c)
        out.append(row)
    return out


# --------------------------------------------------------------------------- scans


def image_only(pdf: Path, out: Path, *, dpi: int = 150, keep_rotation: bool = False) -> Path:
    """A copy of the PDF that holds only page images (as a scanner makes), rendered with pdfium.
    `keep_rotation`: a page with /Rotate is stored as scanned, sideways, with the same /Rotate."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        rotations = [doc[i].get_rotation() if keep_rotation else 0 for i in range(len(doc))]
        # pdfium renders a page upright; turning it back by its /Rotate gives the image as stored
        images = [doc[i].render(scale=dpi / 72, rotation=(360 - r) % 360).to_pil().convert("RGB") for i, r in enumerate(rotations)]
    finally:
        doc.close()
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", save_all=True, append_images=images[1:], resolution=dpi, quality=80)
    if any(rotations):
        scan = pdfium.PdfDocument(buf.getvalue())
        try:
            for i, r in enumerate(rotations):
                if r:
                    scan[i].set_rotation(r)
            buf = io.BytesIO()
            scan.save(buf)
        finally:
            scan.close()
    out.write_bytes(buf.getvalue())
    return out


# --------------------------------------------------------------------------- cached fixtures for the tests

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
_CACHE: dict[str, Path] = {}


def seed_pdfs(base: Path) -> dict[str, Path]:
    """The seed notices as GB/T 9704 PDFs in `base` (built once per process): {doc_id: pdf}."""
    out: dict[str, Path] = {}
    for seed in sorted((SHARED / "seeds").glob("*.txt")):
        key = f"text:{seed}"
        if key not in _CACHE:
            base.mkdir(parents=True, exist_ok=True)
            _CACHE[key] = write_pdf(notice_from_text(seed.read_text(encoding="utf-8")), base / f"{seed.stem}.pdf")
        out[seed.stem] = _CACHE[key]
    return out


def seed_scans(base: Path) -> dict[str, Path]:
    """Image-only copies of the seed PDFs (built once per process)."""
    out: dict[str, Path] = {}
    for doc_id, pdf in seed_pdfs(base / "text").items():
        key = f"scan:{pdf}"
        if key not in _CACHE:
            (base / "scan").mkdir(parents=True, exist_ok=True)
            _CACHE[key] = image_only(pdf, base / "scan" / f"{doc_id}.pdf")
        out[doc_id] = _CACHE[key]
    return out


def without_tounicode(pdf: bytes) -> bytes:
    """The same PDF with its fonts' ToUnicode maps disabled (same length, so the xref stays valid): the
    text layer then extracts as glyph codes, as PDFs from some exporters do."""
    return pdf.replace(b"/ToUnicode", b"/ToUnicodX")
