"""A second PDF producer for the tests: notices laid out in GB/T 9704-2012 style as Word documents
(python-docx), then exported to PDF by LibreOffice (`soffice --headless --convert-to pdf`).

reportlab (tests/pdfgen.py) places every glyph itself; this path goes through a word processor as real
notices do, so the PDF has what Word/WPS/LibreOffice exports have: subset CID fonts substituted by the
word processor (仿宋_GB2312, 楷体_GB2312, 黑体 and 方正小标宋简体 are named, as in real templates; fontconfig
picks Noto CJK / WenQuanYi), text justified by the layout engine, table borders and cell shading drawn as
paths, vertically merged cells (w:vMerge), a task table over a page break with the header row repeated
(w:tblHeader), page numbers `— N —` from a PAGE field in odd/even footers (§7.5), the red separator line
under the 文号 (§7.2.5) drawn as a shape or as a paragraph border, and the 版记 (§7.4) between paragraph
borders with a right tab before the 印发日期.

The elements are pdfgen's (P, T, Banji, NewPage), so the seed notices are laid out from their text with
`pdfgen.notice_from_text`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import regex
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from pdfgen import Banji, Element, NewPage, P, T

FANGSONG, KAITI, HEITI, XBS, SONG = "仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", "宋体"
RED = RGBColor(0xE6, 0x00, 0x12)
BODY = 16.0  # 3号
LINE = 28.95  # exact line pitch: 22 lines in the 225 mm text block (§5.2.2)
TEXT_W_PT = 156 / 25.4 * 72

_LEVEL1 = regex.compile(r"^[一二三四五六七八九十]+、")
_LEVEL2 = regex.compile(r"^（[一二三四五六七八九十]+）[^。]{0,40}?。")


class SofficeUnavailable(RuntimeError):
    """LibreOffice is not installed (scripts/system-deps.sh installs libreoffice-writer-nogui)."""


@dataclass
class Look:
    """How a producer varies between documents."""

    red_line: str = "shape"  # shape (a drawn line) | border (the 文号 paragraph's bottom border)
    header_shading: bool = False  # table header rows filled grey
    running_header: str = ""  # a header line on every page
    title_break: bool = False  # the title broken by hand (a line break) rather than wrapped


# --------------------------------------------------------------------------- runs and paragraphs


def _font(run, name: str, size: float, *, bold: bool = False, color: RGBColor | None = None) -> None:  # type: ignore[no-untyped-def]
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = "Times New Roman"  # Latin and digits, as Word's templates set them
    rpr = run._element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), name)
    if color is not None:
        run.font.color.rgb = color


def _fmt(p: Paragraph, *, align=WD_ALIGN_PARAGRAPH.JUSTIFY, first: float = 0.0, left: float = 0.0, right: float = 0.0, exact: float | None = LINE) -> None:  # type: ignore[no-untyped-def]
    f = p.paragraph_format
    f.alignment = align
    f.space_before = f.space_after = Pt(0)
    f.first_line_indent = Pt(first) if first else None
    f.left_indent = Pt(left) if left else None
    f.right_indent = Pt(right) if right else None
    if exact:
        f.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        f.line_spacing = Pt(exact)
    # Word's CJK layout: no snapping to a document grid that LibreOffice would apply differently
    ppr = p._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:snapToGrid {nsdecls("w")} w:val="0"/>'))


def _border(p: Paragraph, **sides: tuple[int, str]) -> None:
    """Paragraph borders: side -> (width in eighths of a point, colour hex)."""
    ppr = p._p.get_or_add_pPr()
    inner = "".join(f'<w:{side} w:val="single" w:sz="{sz}" w:space="1" w:color="{color}"/>' for side, (sz, color) in sides.items())
    ppr.append(parse_xml(f'<w:pBdr {nsdecls("w")}>{inner}</w:pBdr>'))


def _red_line_shape(p: Paragraph) -> None:
    """The separator line as a drawn shape anchored to the paragraph (as WPS/Word 红头 templates do)."""
    width = int(TEXT_W_PT * 12700)
    xml = (
        f'<w:r {nsdecls("w", "wp", "a")} xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" '
        'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{int(14 * 36000)}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{width}" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        '<wp:docPr id="1" name="RedLine"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{width}" cy="0"/></a:xfrm><a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
        '<a:ln w="19050"><a:solidFill><a:srgbClr val="E60012"/></a:solidFill></a:ln></wps:spPr>'
        '<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>'
    )
    p._p.append(parse_xml(xml))


def _page_field(p: Paragraph, size: float) -> None:
    for text in ("— ", None, " —"):
        if text is not None:
            _font(p.add_run(text), SONG, size)
            continue
        for kind in ("begin", None, "separate", "1", "end"):
            r = p.add_run()
            _font(r, SONG, size)
            if kind in ("begin", "separate", "end"):
                r._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="{kind}"/>'))
            elif kind is None:
                r._r.append(parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve"> PAGE </w:instrText>'))
            else:
                r.add_text(kind)


class DocxWriter:
    def __init__(self, look: Look) -> None:
        self.look = look
        self.doc = Document()
        sec = self.doc.sections[0]
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.top_margin, sec.bottom_margin = Mm(37), Mm(35)
        sec.left_margin, sec.right_margin = Mm(28), Mm(26)
        sec.footer_distance, sec.header_distance = Mm(22), Mm(20)
        normal = self.doc.styles["Normal"]
        normal.font.size = Pt(BODY)
        normal.font.name = "Times New Roman"
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FANGSONG)
        # page numbers: 4号 half-width digits, odd pages right, even pages left, one character in (§7.5)
        self.doc.settings.odd_and_even_pages_header_footer = True
        odd = sec.footer.paragraphs[0]
        _fmt(odd, align=WD_ALIGN_PARAGRAPH.RIGHT, right=14, exact=None)
        _page_field(odd, 14)
        even = sec.even_page_footer.paragraphs[0]
        _fmt(even, align=WD_ALIGN_PARAGRAPH.LEFT, left=14, exact=None)
        _page_field(even, 14)
        if look.running_header:
            for hdr in (sec.header, sec.even_page_header):
                hp = hdr.paragraphs[0]
                _fmt(hp, align=WD_ALIGN_PARAGRAPH.CENTER, exact=None)
                _border(hp, bottom=(4, "000000"))
                _font(hp.add_run(look.running_header), SONG, 10.5)
        self._first = True

    def _p(self) -> Paragraph:
        if self._first:  # the default document holds no paragraph; the first one is added
            self._first = False
        return self.doc.add_paragraph()

    def para(self, el: P) -> None:
        s, text = el.style, el.text
        p = self._p()
        if s == "mark":
            _fmt(p, align=WD_ALIGN_PARAGRAPH.CENTER, exact=None)
            p.paragraph_format.space_before = Pt(20)
            p.paragraph_format.space_after = Pt(40)
            _font(p.add_run(text), XBS, 30 if len(text) <= 12 else 26, color=RED)
        elif s == "docnum":
            _fmt(p, align=WD_ALIGN_PARAGRAPH.CENTER)
            _font(p.add_run(text), FANGSONG, BODY)
            if self.look.red_line == "border":
                _border(p, bottom=(18, "E60012"))
            else:
                _red_line_shape(p)
            self._p()  # an empty line under the separator
        elif s in ("title", "subtitle", "caption"):
            self._blank(1 if s == "title" else 0)
            _fmt(p, align=WD_ALIGN_PARAGRAPH.CENTER, exact=None)
            p.paragraph_format.line_spacing = Pt(36)
            p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            size = 22 if s != "caption" else 18
            if self.look.title_break and s == "title" and len(text) > 20:
                cut = _title_cut(text)
                _font(p.add_run(text[:cut]), XBS, size)
                p.runs[-1].add_break(WD_BREAK.LINE)
                _font(p.add_run(text[cut:]), XBS, size)
            else:
                _font(p.add_run(text), XBS, size)
            if s != "caption":
                self._blank(1)
        elif s == "plain":
            _fmt(p)
            _font(p.add_run(text), FANGSONG, BODY)
        elif s == "sign":
            _fmt(p, align=WD_ALIGN_PARAGRAPH.RIGHT, right=3 * BODY)
            _font(p.add_run(text), FANGSONG, BODY)
        elif s == "date":
            _fmt(p, align=WD_ALIGN_PARAGRAPH.RIGHT, right=4 * BODY)
            _font(p.add_run(text), FANGSONG, BODY)
        elif s == "publicity":
            _fmt(p, first=2 * BODY)
            _font(p.add_run(text), FANGSONG, BODY)
        elif s == "note":
            if text.startswith("附件"):
                _fmt(p, first=2 * BODY)
            else:
                _fmt(p, left=5 * BODY)
            _font(p.add_run(text), FANGSONG, BODY)
        elif s == "label":
            _fmt(p, align=WD_ALIGN_PARAGRAPH.LEFT)
            _font(p.add_run(text), HEITI, BODY)
        else:  # body: level-1 headings in 黑体, a run-in level-2 heading in 楷体 (§7.3.3)
            _fmt(p, first=2 * BODY)
            m2 = _LEVEL2.match(text)
            if _LEVEL1.match(text) and len(text) <= 30:
                _font(p.add_run(text), HEITI, BODY)
            elif m2:
                _font(p.add_run(m2.group(0)), KAITI, BODY)
                if text[m2.end() :]:
                    _font(p.add_run(text[m2.end() :]), FANGSONG, BODY)
            else:
                _font(p.add_run(text), FANGSONG, BODY)

    def _blank(self, n: int) -> None:
        for _ in range(n):
            _fmt(self._p())

    def new_page(self) -> None:
        p = self._p()
        _fmt(p)
        p.add_run().add_break(WD_BREAK.PAGE)

    def table(self, t: T, *, size: float = 12.0) -> None:
        rows = t.rows
        ncols = max(len(r) for r in rows)
        rows = [list(r) + [""] * (ncols - len(r)) for r in rows]
        tbl = self.doc.add_table(rows=len(rows), cols=ncols)
        tbl.style = self.doc.styles["Table Grid"]
        tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
        tbl.autofit = False
        widths = _col_widths(rows, size)
        for j, w in enumerate(widths):
            tbl.columns[j].width = Pt(w)
        for i, r in enumerate(rows):
            for j, text in enumerate(r):
                cell = tbl.cell(i, j)
                cell.width = Pt(widths[j])
                p = cell.paragraphs[0]
                _fmt(p, align=WD_ALIGN_PARAGRAPH.CENTER if i == 0 or len(text or "") <= 8 else WD_ALIGN_PARAGRAPH.JUSTIFY, exact=None)
                if text:
                    _font(p.add_run(text), HEITI if i == 0 else FANGSONG, size)
                if i == 0 and self.look.header_shading:
                    cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="D9D9D9"/>'))
        # vertical merges: a None cell is covered by the cell above it (w:vMerge restart/continue)
        for j in range(ncols):
            i = 1
            while i < len(rows):
                k = i
                while k + 1 < len(rows) and rows[k + 1][j] is None:
                    k += 1
                if k > i:
                    tbl.cell(i, j).merge(tbl.cell(k, j))
                i = k + 1
        if t.repeat_header:
            trpr = tbl.rows[0]._tr.get_or_add_trPr()
            trpr.append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))
        self._first = False

    def banji(self, b: Banji) -> None:
        """版记 (§7.4): 4号 fangsong lines one character in, between a thick first and last rule and thin
        rules between items; the 印发日期 at the right by a right tab."""
        self._blank(2)
        size = 14.0
        lines: list[tuple[str, str]] = [(t, "") for t in b.office]
        if b.cc:
            lines.append(("抄送：" + b.cc, ""))
        if b.printer:
            lines.append((b.printer, b.printed + "印发"))
        for k, (left, right) in enumerate(lines):
            p = self._p()
            _fmt(p, left=size, right=size, exact=None)
            p.paragraph_format.line_spacing = Pt(26)
            p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            if left.startswith("抄送："):
                p.paragraph_format.left_indent = Pt(size + 3 * size)
                p.paragraph_format.first_line_indent = Pt(-3 * size)
            sides: dict[str, tuple[int, str]] = {"bottom": (12 if k == len(lines) - 1 else 4, "000000")}
            if k == 0:
                sides["top"] = (12, "000000")
            _border(p, **sides)
            _font(p.add_run(left), FANGSONG, size)
            if right:
                p.paragraph_format.tab_stops.add_tab_stop(Pt(TEXT_W_PT - 2 * size), WD_TAB_ALIGNMENT.RIGHT)
                _font(p.add_run("\t" + right), FANGSONG, size)

    def save(self, path: Path) -> Path:
        self.doc.save(str(path))
        return path


def _title_cut(text: str) -> int:
    """Where a title is broken by hand: after 关于…的 when the rest fits, else in the middle (§7.3.1
    asks for lines of sensible length that keep words whole)."""
    m = regex.search(r"的(?=[^的]{2,20}$)", text)
    if m and 8 <= m.end() <= len(text) - 2:
        return m.end()
    return len(text) // 2


def _col_widths(rows: list[list[str | None]], size: float) -> list[float]:
    ncols = len(rows[0])
    min_w = [len(rows[0][j] or "") * size + 14 for j in range(ncols)]
    longest = [max(len(r[j] or "") for r in rows) * size for j in range(ncols)]
    want = [max(0.0, min(lw, 30 * size) - mw) for lw, mw in zip(longest, min_w)]
    spare = TEXT_W_PT - sum(min_w)
    if sum(want) <= 0:
        return [TEXT_W_PT / ncols] * ncols
    return [mw + spare * w / sum(want) for mw, w in zip(min_w, want)]


def write_docx(elements: Sequence[Element], path: Path, look: Look | None = None) -> Path:
    w = DocxWriter(look or Look())
    for el in elements:
        if isinstance(el, P):
            w.para(el)
        elif isinstance(el, T):
            w.table(el)
        elif isinstance(el, NewPage):
            w.new_page()
        elif isinstance(el, Banji):
            w.banji(el)
    return w.save(path)


# --------------------------------------------------------------------------- LibreOffice


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docs: Sequence[Path], outdir: Path, *, timeout: float = 300) -> list[Path]:
    """Export Word documents to PDF with one LibreOffice run (its start-up costs seconds), with a private
    user profile so that concurrent runs do not share one."""
    exe = soffice()
    if exe is None:
        raise SofficeUnavailable("soffice not found; run `make system-deps` (installs libreoffice-writer-nogui)")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as prof:
        env = {**os.environ, "HOME": prof}
        proc = subprocess.run(
            [exe, f"-env:UserInstallation=file://{prof}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(outdir), *map(str, docs)],
            capture_output=True, text=True, timeout=timeout, env=env,
        )
    out = [outdir / (d.stem + ".pdf") for d in docs]
    missing = [p.name for p in out if not p.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice did not write {missing}: {proc.stdout} {proc.stderr}")
    return out
