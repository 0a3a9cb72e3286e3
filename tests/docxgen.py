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
from docx.enum.section import WD_ORIENT, WD_SECTION
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

    def new_page(self, orient: str | None = None) -> None:
        if orient is None:
            p = self._p()
            _fmt(p)
            p.add_run().add_break(WD_BREAK.PAGE)
            return
        # a new section turns the page: Word and LibreOffice write a wide MediaBox, no /Rotate
        # (pdfgen's rotate90/rotate270 imitate WPS; a Word section can only be landscape)
        landscape = orient != "portrait"
        sec = self.doc.add_section(WD_SECTION.NEW_PAGE)
        sec.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
        if landscape:
            sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(28), Mm(28), Mm(25), Mm(25)
        else:
            sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)

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
    if spare < 0:  # headers wider than the page together: each column its share of the page, no wider
        return [TEXT_W_PT * mw / sum(min_w) for mw in min_w]
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
            w.new_page(el.orient)
        elif isinstance(el, Banji):
            w.banji(el)
    return w.save(path)


# --------------------------------------------------------------------------- LibreOffice


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


# The template fonts mapped to Noto CJK (CFF outlines, embedded as CIDFontType0) instead of fontconfig's
# default choice for unknown Chinese families (WenQuanYi Micro Hei, TrueType, embedded as CIDFontType2).
_NOTO_MAP = {FANGSONG: "Noto Serif CJK SC", KAITI: "Noto Serif CJK SC", XBS: "Noto Serif CJK SC", HEITI: "Noto Sans CJK SC", SONG: "Noto Serif CJK SC"}


def _fontconfig(prof: str) -> str:
    aliases = "".join(
        f"<match target=\"pattern\"><test name=\"family\"><string>{a}</string></test>"
        f"<edit name=\"family\" mode=\"assign\" binding=\"strong\"><string>{b}</string></edit></match>"
        for a, b in _NOTO_MAP.items()
    )
    path = Path(prof) / "fonts.conf"
    path.write_text(f'<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>{aliases}</fontconfig>', encoding="utf-8")
    return str(path)


def to_pdf(docs: Sequence[Path], outdir: Path, *, noto: bool = False, timeout: float = 300) -> list[Path]:
    """Export Word documents to PDF with one LibreOffice run (its start-up costs seconds), with a private
    user profile so that concurrent runs do not share one; `noto` maps the template fonts to Noto CJK."""
    exe = soffice()
    if exe is None:
        raise SofficeUnavailable("soffice not found; run `make system-deps` (installs libreoffice-writer-nogui)")
    if not docs:
        raise ValueError("to_pdf needs at least one document: soffice --convert-to with none waits forever")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as prof:
        env = {**os.environ, "HOME": prof}
        if noto:
            env["FONTCONFIG_FILE"] = _fontconfig(prof)
        proc = subprocess.run(
            [exe, f"-env:UserInstallation=file://{prof}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(outdir), *map(str, docs)],
            capture_output=True, text=True, timeout=timeout, env=env,
        )
    out = [outdir / (d.stem + ".pdf") for d in docs]
    missing = [p.name for p in out if not p.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice did not write {missing}: {proc.stdout} {proc.stderr}")
    return out


# --------------------------------------------------------------------------- notices written for this producer

_CITY = "临川市"


def _task(no: str, task: str, items: list[tuple[str, str, str]]) -> list[list[str | None]]:
    rows: list[list[str | None]] = []
    for k, (item, unit, due) in enumerate(items):
        rows.append([no, task, item, unit, due] if k == 0 else [None, None, item, unit, due])
    return rows


def written_notice() -> list[Element]:
    """A notice with what the seeds lack: a title broken by hand, a shaded table header, a domain table
    whose 责任部门 cells are merged over several rows and which runs over a page break without its header,
    and a task table whose long rows break across pages (Word lets a row break by default) under a
    repeated header."""
    domains = [
        ("养老服务", "市民政局"), ("社会救助", None), ("义务教育", "市教育局"), ("就业", "市人力资源社会保障局"),
        ("社会保险", None), ("保障性住房", "市住房城乡建设局"), ("市政服务", None), ("城市综合执法", "市城市管理局"),
        ("涉农补贴", "市农业农村局"), ("公共文化服务", "市文化广电旅游局"), ("医疗卫生", "市卫生健康委"),
        ("安全生产", "市应急管理局"), ("救灾", None), ("食品药品监管", "市市场监管局"), ("户籍管理", "市公安局"),
        ("公共法律服务", "市司法局"), ("财政预决算", "市财政局"), ("扶贫", "市乡村振兴局"), ("环境保护", "市生态环境局"),
        ("城乡规划", "市自然资源局"), ("征地补偿", None), ("重大建设项目", "市发展改革委"), ("公共资源交易", None),
        ("税收管理", "市税务局"), ("国有土地上房屋征收", "市住房城乡建设局"), ("农村危房改造", None),
    ]
    long_item = (
        "全面梳理本级政务公开事项，对照国务院部门制定的试点领域标准指引，结合本级政府权责清单和公共服务事项清单，"
        "逐项明确公开事项的名称、内容、依据、时限、主体、方式、渠道和公开对象，编制完成本级政务公开事项标准目录，"
        "并在政府门户网站集中发布；目录发布后要根据法律法规和机构职能变化情况及时调整更新，"
        "每年至少开展一次全面复核，确保目录内容准确完整、动态更新，"
        "同时建立目录编制、审核、发布、更新的工作台账，明确每一环节的责任人和办理时限，"
        "对因机构改革、职能调整而变化的事项，要在调整后二十个工作日内完成目录更新并说明理由。"
    )
    tasks: list[list[str | None]] = [["序号", "工作任务", "具体事项", "责任单位", "完成时限"]]
    tasks += _task("1", "编制政务公开事项标准目录", [
        (long_item, "各县区政府，市政府各部门", "2024年12月底前"),
        (long_item.replace("本级", "县乡两级"), "各县区政府，各乡镇政府、街道办事处", "2025年6月底前"),
    ])
    tasks += _task("2", "规范政务公开工作流程", [
        ("建立健全政务公开事项发布、解读、回应工作机制，明确各环节的工作要求。", "市政府办公室", "2024年9月底前"),
        (long_item.replace("政务公开事项", "办事服务事项"), "市政务服务中心，各县区政府", "2025年3月底前"),
    ])
    tasks += _task("3", "推进政务公开平台建设", [
        ("加强政府门户网站和政务新媒体建设，推动政务公开专栏规范化运行。", "市大数据局", "2024年10月底前"),
        ("在政务服务中心设立政务公开专区，提供政府信息查询、办事咨询等服务。", "市政务服务中心", "2024年12月底前"),
    ])
    body = [
        "为深入推进基层政务公开标准化规范化工作，进一步提升政务公开质量和实效，经市政府同意，现就有关事项通知如下。",
        "一、工作目标",
        "（一）总体目标。到2025年，全市基层政务公开标准体系基本建成，政务公开事项标准目录全面覆盖县乡两级政府，"
        "公开平台规范运行，政务公开能力和水平显著提升，人民群众对政务公开工作的满意度明显提高。",
        "（二）阶段目标。2024年12月底前，各县区完成本级政务公开事项标准目录编制；2025年6月底前，各乡镇政府、"
        "街道办事处完成目录编制并在政府门户网站集中发布；此后每年对目录开展一次全面复核。",
        "二、重点任务",
        "（一）编制政务公开事项标准目录。各县区政府要对照试点领域标准指引，全面梳理政务公开事项，"
        "编制本级政务公开事项标准目录。（责任单位：各县区政府，市政府各部门）",
        "（二）规范政务公开工作流程。建立健全政务公开事项发布、解读、回应工作机制，"
        "推动政务公开与业务工作深度融合。（责任单位：市政府办公室，市政务服务中心）",
        "三、保障措施",
        "（一）加强组织领导。各县区、各部门要高度重视，明确分管领导和工作机构，确保各项任务落到实处。",
        "（二）强化督促检查。市政府办公室要加强工作调度，定期通报工作进展，对工作推进不力的予以督促整改。",
    ]
    return [
        P(f"{_CITY}人民政府办公室文件", "mark"),
        P("临政办〔2024〕12号", "docnum"),
        P(f"{_CITY}人民政府办公室关于深入推进基层政务公开标准化规范化工作的通知", "title"),
        P("各县区人民政府，市政府各部门、各直属机构：", "plain"),
        *[P(t) for t in body],
        P("附件：1.临川市基层政务公开试点领域责任部门", "note"),
        P("2.临川市基层政务公开标准化规范化工作任务分工", "note"),
        P(f"{_CITY}人民政府办公室", "sign"),
        P("2024年3月8日", "date"),
        P("（此件公开发布）", "publicity"),
        NewPage(),
        P("附件1", "label"),
        P("临川市基层政务公开试点领域责任部门", "caption"),
        *[P("各责任部门要按照职责分工，指导本系统做好试点领域标准指引落实工作。") for _ in range(6)],
        T([["序号", "试点领域", "责任部门"], *[[str(i + 1), d, u] for i, (d, u) in enumerate(domains)]], repeat_header=False),
        NewPage(),
        P("附件2", "label"),
        P("临川市基层政务公开标准化规范化工作任务分工", "caption"),
        T(tasks),
        Banji(cc="市委各部门，市人大常委会办公室，市政协办公室，市法院，市检察院。", printer=f"{_CITY}人民政府办公室", printed="2024年3月9日"),
    ]
