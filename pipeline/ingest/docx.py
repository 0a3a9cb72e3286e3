"""Word .docx files: paragraphs and tables in document order through python-docx.

Each paragraph is one Line (full=False: a Word paragraph is whole, layout must not glue it to the next); a
line break inside a paragraph (<w:br/>) starts a new Line. Tables are expanded to a full grid: a cell
spanning columns (<w:gridSpan>) or continued down (<w:vMerge/>) is copied into every slot it covers, and the
copies are recorded in Table.filled. Word's automatic list numbers ("一、", a 序号 column) are put back before
the text (docx_numbering.py). A paragraph set mostly in red gets the cue "red" (GB/T 9704-2012 §7.2.3:
the 发文机关标志 is printed in red); a centred one gets "centered".
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path
from typing import Iterator

from docx import Document
from docx.oxml.ns import qn
from docx.opc.exceptions import PackageNotFoundError
from docx.text.paragraph import Paragraph
from lxml import etree

from .. import rules
from ..colour import is_red_hex
from ..model import Block, IngestError, Line, SourceDocument, Table
from .docx_numbering import Numbering
from .flatopc import SAFE_XML, flat_opc_to_docx, is_flat_opc
from .tables import join_cell_paragraphs, stitch_runs

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: a .doc, or a password-protected .docx


MAX_UNPACKED = 200 * 1024 * 1024  # the parts of a notice's .docx unpack to a few MB, with images tens of MB


def _open(data: bytes, name: str):  # type: ignore[no-untyped-def]
    if not data.strip(b"\x00 \r\n\t"):
        raise IngestError(f"{name}: the file is empty; nothing to extract")
    if is_flat_opc(data):
        data = flat_opc_to_docx(data, name)  # Word's single-file XML named .docx
    if data.startswith(_OLE_MAGIC):
        raise IngestError(
            f"{name}: this is not a .docx package but an OLE file: a password-protected (encrypted) .docx or an "
            "old Word 97-2003 .doc renamed; open it in Word/WPS, remove the password and save as .docx",
            stage="ingest",
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unpacked = sum(i.file_size for i in z.infolist())
        if unpacked > MAX_UNPACKED:
            raise IngestError(f"{name}: its parts unpack to {unpacked / 1024 / 1024:,.0f} MB, over the limit of {MAX_UNPACKED // 1024 // 1024} MB (a zip bomb or a document of huge images); it is not read")
        try:
            return Document(io.BytesIO(data))
        except KeyError:
            # a relationship to a part the package does not hold (an add-in's "userCustomization/customUI.xml",
            # "word/NULL"): Word ignores it, python-docx stops (python-docx #678, #797); read it without the
            # dangling relationships
            return Document(io.BytesIO(_without_dangling_relationships(data)))
    except (zipfile.BadZipFile, PackageNotFoundError) as e:
        raise IngestError(f"{name}: not a readable .docx (the zip package is broken: {e}); re-save it from Word/WPS") from e
    except KeyError as e:
        raise IngestError(f"{name}: the .docx package lacks a part ({e}); re-save it from Word/WPS") from e
    except (etree.XMLSyntaxError, ValueError) as e:
        raise IngestError(f"{name}: the .docx holds malformed XML ({e}); re-save it from Word/WPS") from e


def _without_dangling_relationships(data: bytes) -> bytes:
    """The package with every internal relationship whose target part is missing taken out of its .rels part."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        names = set(z.namelist())
        for info in z.infolist():
            blob = z.read(info)
            if info.filename.endswith(".rels"):
                # "word/_rels/document.xml.rels" relates parts of "word/"; "_rels/.rels" those of the root
                base = posixpath.dirname(posixpath.dirname(info.filename))
                root = etree.fromstring(blob, SAFE_XML)
                for rel in list(root):
                    target = rel.get("Target", "")
                    if rel.get("TargetMode") == "External" or not target:
                        continue
                    part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
                    if part not in names:
                        root.remove(rel)
                blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            w.writestr(info, blob)
    return out.getvalue()


# --------------------------------------------------------------------------- paragraphs


def _is_red(hex_rgb: str | None) -> bool:
    """Red as 公文 use it for the 版头: FF0000 and the darker/softer reds WPS templates use."""
    return is_red_hex(hex_rgb)


def _run_colour(run_el: etree._Element) -> str | None:
    color = run_el.find(f"{qn('w:rPr')}/{qn('w:color')}")
    return color.get(qn("w:val")) if color is not None else None


def _justification(p: Paragraph) -> str:
    """The paragraph's w:jc value, or its style's. Read from the XML: python-docx raises ValueError on values
    it does not know, such as the "start"/"end" LibreOffice writes (ECMA-376 2nd edition)."""
    jc = p._p.find(f"{qn('w:pPr')}/{qn('w:jc')}")
    if jc is not None:
        return str(jc.get(qn("w:val"), ""))
    try:
        style = p.style
    except (KeyError, AttributeError, ValueError):  # a style id the styles part does not define
        return ""
    while style is not None:
        sjc = style.element.find(f"{qn('w:pPr')}/{qn('w:jc')}")
        if sjc is not None:
            return str(sjc.get(qn("w:val"), ""))
        style = style.base_style
    return ""


def _paragraph_cues(p: Paragraph) -> frozenset[str]:
    cues: set[str] = set()
    red = total = 0
    for r in p._p.iter(qn("w:r")):
        n = sum(len(t.text or "") for t in r.iter(qn("w:t")))
        total += n
        if _is_red(_run_colour(r)):
            red += n
    if total and red * 2 > total:
        cues.add("red")
    if _justification(p) == "center":
        cues.add("centered")
    return frozenset(cues)


# what a paragraph's text does not include: its properties (a w:tab there is a tab stop), deleted text, the
# paragraphs of a text box anchored in it, field codes
_NOT_TEXT = frozenset(qn(t) for t in ("w:pPr", "w:rPr", "w:del", "w:moveFrom", "w:txbxContent", "w:instrText", "w:delInstrText"))
_TEXT, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def paragraph_text(p: etree._Element) -> str:
    """The text of a <w:p> as Word shows it. python-docx's Paragraph.text reads only the runs directly in the
    paragraph (and hyperlinks), so it drops text inside content controls (<w:sdt>, which OA templates put
    around the 文号, title and date), tracked insertions (<w:ins>), smart tags (<w:smartTag>, on dates and
    places in older files) and simple fields (<w:fldSimple>)."""
    out: list[str] = []

    def walk(el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if tag in _NOT_TEXT:
                continue
            if tag == _TEXT:
                out.append(child.text or "")
            elif tag == _TAB:
                out.append("\t")
            elif tag == _BR:
                out.append("" if child.get(qn("w:type")) in ("page", "column") else "\n")
            elif tag == _CR:
                out.append("\n")
            else:
                walk(child)

    walk(p)
    return "".join(out)


def _paragraph_lines(p: Paragraph, numbering: Numbering) -> list[Line]:
    cues = _paragraph_cues(p)
    label, sep = numbering.label(p._p)  # Word's automatic "一、" is no part of the paragraph's text
    parts = [part.strip() for part in paragraph_text(p._p).split("\n") if part.strip()]
    if label:
        parts = [label + sep + parts[0], *parts[1:]] if parts else [label]
    return [Line(part, page=None, full=False, cues=cues) for part in parts]


# --------------------------------------------------------------------------- tables


def _cell_text(tc: etree._Element, numbering: Numbering) -> str:
    paras = []
    for p in tc.iter(qn("w:p")):
        if any(a.tag == _MC_FALLBACK for a in p.iterancestors()):
            continue  # the VML copy of a text box in the cell, read once from its DrawingML shape
        label, sep = numbering.label(p)  # a 序号 column numbered by Word holds its numbers only so
        text = paragraph_text(p)
        paras.append(label + sep + text if label and text.strip() else label or text)
    return join_cell_paragraphs(paras)


def _int_attr(el: etree._Element | None, default: int) -> int:
    if el is None:
        return default
    try:
        return max(1, int(el.get(qn("w:val"), default)))
    except (TypeError, ValueError):
        return default


MAX_GRID_SPAN = 63  # Word tables have at most 63 columns; a larger gridSpan is damage or an attack


def table_grid(tbl: etree._Element, numbering: Numbering) -> tuple[list[list[str]], set[tuple[int, int]]]:
    """Expand a <w:tbl> into a full grid. gridSpan copies a cell rightwards, vMerge="continue" takes the cell
    above (ECMA-376 §17.4.85); the returned set holds the (row, column) slots that are such copies."""
    rows: list[list[str]] = []
    filled: set[tuple[int, int]] = set()
    for tr in tbl.iterchildren(qn("w:tr")):
        row: list[str] = []
        tr_pr = tr.find(qn("w:trPr"))
        before = min(MAX_GRID_SPAN, _int_attr(tr_pr.find(qn("w:gridBefore")), 0)) if tr_pr is not None else 0
        row.extend([""] * before)
        r = len(rows)
        for tc in _cells(tr):
            tc_pr = tc.find(qn("w:tcPr"))
            span = min(MAX_GRID_SPAN, _int_attr(tc_pr.find(qn("w:gridSpan")) if tc_pr is not None else None, 1))
            vmerge = tc_pr.find(qn("w:vMerge")) if tc_pr is not None else None
            c = len(row)
            if vmerge is not None and vmerge.get(qn("w:val"), "continue") != "restart" and r > 0:
                above = rows[r - 1]
                for k in range(span):
                    row.append(above[c + k] if c + k < len(above) else "")
                    filled.add((r, c + k))
                continue
            text = _cell_text(tc, numbering)
            for k in range(span):
                row.append(text)
                if k:
                    filled.add((r, c + k))
        rows.append(row)
    width = max((len(row) for row in rows), default=0)
    for row in rows:
        row.extend([""] * (width - len(row)))
    return rows, filled


def _cells(tr: etree._Element) -> Iterator[etree._Element]:
    """The <w:tc> of a row, including those wrapped in content controls (<w:sdt>) or custom XML."""
    for child in tr:
        if child.tag == qn("w:tc"):
            yield child
        elif child.tag in (qn("w:sdt"), qn("w:customXml")):
            content = child.find(qn("w:sdtContent")) if child.tag == qn("w:sdt") else child
            if content is not None:
                yield from _cells(content)


def _table_block(tbl: etree._Element, numbering: Numbering) -> list[Block]:
    rows, filled = table_grid(tbl, numbering)
    keep = [i for i, r in enumerate(rows) if any(c.strip() for c in r)]
    if not keep:
        return []
    if len(rows[0]) <= 1:  # a one-column table is a text box, not data
        return [Line(rows[i][0], page=None, full=False) for i in keep]
    index = {old: new for new, old in enumerate(keep)}
    grid = tuple(tuple(rows[i]) for i in keep)
    return [Table(grid, (None,) * len(grid), frozenset((index[r], c) for r, c in filled if r in index), spans_known=True)]


# --------------------------------------------------------------------------- document order


def _text_boxes(p: etree._Element) -> Iterator[etree._Element]:
    """The <w:txbxContent> of the text boxes anchored in a paragraph, each once: a box is written twice, as a
    DrawingML shape (mc:Choice) and a VML fallback (mc:Fallback), and only the first is read."""
    for box in p.iter(qn("w:txbxContent")):
        if not any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
            yield box


def _body_blocks(container: etree._Element, parent, numbering: Numbering) -> Iterator[Block]:  # type: ignore[no-untyped-def]
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            yield from _paragraph_lines(Paragraph(child, parent), numbering)
            for box in _text_boxes(child):  # a 版头 or a note set in a text box: its lines after the anchor's
                yield from _body_blocks(box, parent, numbering)
        elif child.tag == qn("w:tbl"):
            yield from _table_block(child, numbering)
        elif child.tag in (qn("w:sdt"), qn("w:customXml")):
            content = child.find(qn("w:sdtContent")) if child.tag == qn("w:sdt") else child
            if content is not None:
                yield from _body_blocks(content, parent, numbering)


def _head_mark_lines(document) -> list[Line]:  # type: ignore[no-untyped-def]
    """份号, 密级 and 紧急程度 a Word template sets in the first page's header (GB/T 9704 §7.2.1-§7.2.3 print them
    over the 发文机关标志): those lines, to open the text. The header's other lines are page furniture."""
    if not document.sections:
        return []
    section = document.sections[0]
    header = section.first_page_header if section.different_first_page_header_footer else section.header
    if header.is_linked_to_previous and not section.different_first_page_header_footer:
        return []
    pattern = rules.element_rules()["head_marks"].pattern
    texts = [p.text.strip() for p in header.paragraphs]
    return [Line(t, page=None, full=False) for t in texts if t and pattern.match(t)]


def read_docx(path: Path, *, doc_id: str, sha256: str, data: bytes) -> SourceDocument:
    document = _open(data, path.name)
    body = document.element.body
    blocks = stitch_runs(_head_mark_lines(document) + list(_body_blocks(body, document._body, Numbering(document))))
    if not any(isinstance(b, Table) or (isinstance(b, Line) and b.text) for b in blocks):
        raise IngestError(f"{path.name}: the document holds no text (only images or empty paragraphs?); if it is a scan, save it as PDF")
    return SourceDocument(doc_id=doc_id, source=str(path), format="docx", sha256=sha256, blocks=tuple(blocks))
