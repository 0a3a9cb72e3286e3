"""OFD (GB/T 33190-2016), the fixed-layout format Chinese offices issue beside or instead of PDF.

An OFD file is a ZIP package of XML: OFD.xml names the document (DocBody/DocRoot), whose Document.xml lists
the pages and their size; each page's Content.xml holds layers of text objects (a box, a font size, a fill
colour and TextCode runs with each character's offset) and path objects (ruling lines, the red separator).
Units are millimetres with y measured down from the top of the page. The reader turns them into the same
records as a PDF page (pdfpage.PageData: characters with boxes, size and colour, straight edges), so the PDF
reader's line, table and furniture logic reads an OFD unchanged.
"""

from __future__ import annotations

import io
import math
import posixpath
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Iterator

from lxml import etree

from ..colour import PRINTED_RED
from ..model import IngestError, SourceDocument
from .pdf import assemble
from .pdfpage import Edge, Frag, PageData, is_bad_char

MM = 72 / 25.4  # OFD millimetres to PDF points, the unit the layout settings are written in
MAX_PART = 64 * 1024 * 1024  # a part that inflates beyond this is refused (a ZIP bomb), not read
ASCENT = 0.88  # of the font size above the baseline: a character's box, as pdfium's loose box gives it
THIN = 3.0 / MM  # a path thinner than this (mm) is a ruling line (pdfpage._THIN, in points)
WHITE = 0.94 * 255  # paint with every component at least this does not show on white paper
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)


def read_ofd(path: Path, *, doc_id: str, sha256: str, data: bytes) -> SourceDocument:
    """Read an OFD package into lines and tables, each with its page."""
    pages = ofd_pages(data, path.name)
    if not pages:
        raise IngestError(f"{path.name}: the OFD has no pages")
    if not any(p.frags for p in pages) and any(p.image_cover > 0 for p in pages):
        raise IngestError(f"{path.name}: the OFD's pages are images only (a scan) and OCR reads scans from PDF; save it as PDF and run again")
    return replace(assemble(pages, path=path, doc_id=doc_id, sha256=sha256, warnings=[], kind="OFD"), format="ofd")


def ofd_pages(data: bytes, name: str) -> list[PageData]:
    """Every page of an OFD package as the PDF reader's page records (points, top down)."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as e:
        raise IngestError(f"{name}: not a readable OFD (it is not a ZIP package); check that the file is complete") from e
    with package:
        root = _xml(package, "OFD.xml", name)
        doc_root = next((el.text.strip() for el in _all(root, "DocRoot") if el.text and el.text.strip()), None)
        if doc_root is None:
            raise IngestError(f"{name}: OFD.xml names no document (DocRoot); the package is incomplete")
        doc_root = doc_root.lstrip("/")
        document = _xml(package, doc_root, name)
        base = posixpath.dirname(doc_root)
        default_box = _box(next(_all(document, "PhysicalBox"), None))
        templates = {el.get("ID", ""): _part(base, el.get("BaseLoc", "")) for el in _all(document, "TemplatePage")}
        pages: list[PageData] = []
        for number, page in enumerate((el for el in _all(document, "Page") if el.get("BaseLoc")), start=1):
            content = _xml(package, _part(base, page.get("BaseLoc", "")), name)
            parts = [content]
            for t in _all(content, "Template"):
                loc = templates.get(t.get("TemplateID", ""))
                if loc and loc in package.namelist():
                    parts.insert(0, _xml(package, loc, name))  # a template's furniture under the page's own objects
            box = _box(next(_all(content, "PhysicalBox"), None)) or default_box or (0.0, 0.0, 210.0, 297.0)
            pages.append(_page(number, box, parts))
    return pages


def _part(base: str, loc: str) -> str:
    loc = loc.strip()
    return posixpath.normpath(loc.lstrip("/") if loc.startswith("/") else posixpath.join(base, loc))


def _xml(package: zipfile.ZipFile, part: str, name: str) -> etree._Element:
    try:
        info = package.getinfo(part)
    except KeyError as e:
        raise IngestError(f"{name}: the OFD package lacks {part}; the file is incomplete") from e
    if info.file_size > MAX_PART:
        raise IngestError(f"{name}: {part} inflates to {info.file_size:,} bytes, more than an OFD page holds; not read")
    try:
        return etree.fromstring(package.read(part), _PARSER)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError) as e:
        raise IngestError(f"{name}: {part} is not readable XML ({e}); the file may be damaged") from e


def _local(el: etree._Element) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _all(root: etree._Element, name: str) -> Iterator[etree._Element]:
    """Elements of a local name at any depth, whatever namespace prefix the producer used."""
    return (el for el in root.iter() if _local(el) == name)


def _floats(text: str | None) -> list[float]:
    out = []
    for token in (text or "").split():
        try:
            out.append(float(token))
        except ValueError:
            continue
    return out


def _box(el: etree._Element | None) -> tuple[float, float, float, float] | None:
    values = _floats(el.text if el is not None else None)
    return (values[0], values[1], values[2], values[3]) if len(values) == 4 else None


def _deltas(text: str | None) -> list[float]:
    """DeltaX/DeltaY: offsets between characters, "g N v" standing for N times v (GB/T 33190 §11.3)."""
    tokens = (text or "").split()
    out: list[float] = []
    i = 0
    while i < len(tokens):
        if tokens[i] == "g" and i + 2 < len(tokens):
            try:
                out.extend([float(tokens[i + 2])] * int(tokens[i + 1]))
            except ValueError:
                pass
            i += 3
            continue
        try:
            out.append(float(tokens[i]))
        except ValueError:
            pass
        i += 1
    return out


def _matrix(el: etree._Element) -> tuple[float, float, float, float, float, float]:
    m = _floats(el.get("CTM"))
    return (m[0], m[1], m[2], m[3], m[4], m[5]) if len(m) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _colour(el: etree._Element, child: str) -> tuple[float, float, float] | None:
    found = next((c for c in el if _local(c) == child), None)
    values = _floats(found.get("Value")) if found is not None else []
    return (values[0], values[1], values[2]) if len(values) >= 3 else None


def _page(number: int, box: tuple[float, float, float, float], parts: list[etree._Element]) -> PageData:
    x0, y0, width, height = box
    data = PageData(number, width * MM, height * MM)
    images = 0.0
    for part in parts:
        for el in part.iter():
            kind = _local(el)
            if kind == "TextObject":
                _text(el, x0, y0, data)
            elif kind == "PathObject":
                data.edges.extend(_path(el, x0, y0))
            elif kind == "ImageObject":
                b = _floats(el.get("Boundary"))
                if len(b) == 4:
                    images += abs(b[2] * b[3])
    data.image_cover = min(1.0, images / (width * height)) if width and height else 0.0
    return data


def _text(el: etree._Element, ox: float, oy: float, data: PageData) -> None:
    b = _floats(el.get("Boundary"))
    if len(b) != 4:
        return
    bx, by = b[0] - ox, b[1] - oy
    a, bm, c, d, e, f = _matrix(el)
    size = _floats(el.get("Size"))
    base_size = size[0] if size else b[3]
    scale = math.hypot(c, d) or 1.0
    fill = _colour(el, "FillColor")
    red = fill is not None and PRINTED_RED.rgb(int(fill[0]), int(fill[1]), int(fill[2]))
    x = y = 0.0
    for code in (c_ for c_ in el if _local(c_) == "TextCode"):
        chars = code.text or ""
        x = float(code.get("X", x))
        y = float(code.get("Y", y))
        dx, dy = _deltas(code.get("DeltaX")), _deltas(code.get("DeltaY"))
        for i, ch in enumerate(chars):
            step = dx[i] if i < len(dx) else (base_size if ord(ch) > 0x2E80 else base_size / 2)
            if not ch.isspace():
                if is_bad_char(ch):
                    data.bad_chars += 1
                px, py = bx + a * x + c * y + e, by + bm * x + d * y + f
                height = base_size * scale
                right = px + max(step * (abs(a) or 1.0), height / 2 if ord(ch) <= 0x2E80 else height)
                data.frags.append(Frag(ch, px * MM, right * MM, (py - ASCENT * height) * MM, (py + (1 - ASCENT) * height) * MM, height * MM, red))
            x += step
            if i < len(dy):
                y += dy[i]


def _path(el: etree._Element, ox: float, oy: float) -> list[Edge]:
    b = _floats(el.get("Boundary"))
    if len(b) != 4:
        return []
    stroked = el.get("Stroke", "true").lower() != "false"
    filled = el.get("Fill", "false").lower() == "true"
    if not stroked and not filled:
        return []
    paint = _colour(el, "StrokeColor" if stroked else "FillColor") or (0.0, 0.0, 0.0)
    if min(paint) >= WHITE:
        return []  # white shading: nothing on the page
    red = PRINTED_RED.rgb(int(paint[0]), int(paint[1]), int(paint[2]))
    bx, by, w, h = b[0] - ox, b[1] - oy, b[2], b[3]
    if h <= THIN < w:  # a horizontal line or a thin filled bar (the red separator)
        yy = (by + h / 2) * MM
        return [Edge(bx * MM, yy, (bx + w) * MM, yy, "h", red)]
    if w <= THIN < h:
        xx = (bx + w / 2) * MM
        return [Edge(xx, by * MM, xx, (by + h) * MM, "v", red)]
    data = next((c for c in el if _local(c) == "AbbreviatedData"), None)
    a, bm, c, d, e, f = _matrix(el)
    out: list[Edge] = []
    for p, q in _segments(data.text if data is not None else ""):
        (x1, y1), (x2, y2) = [(bx + a * x + c * y + e, by + bm * x + d * y + f) for x, y in (p, q)]
        if abs(y1 - y2) < 1.0 / MM and abs(x1 - x2) > THIN:
            yy = (y1 + y2) / 2 * MM
            out.append(Edge(min(x1, x2) * MM, yy, max(x1, x2) * MM, yy, "h", red))
        elif abs(x1 - x2) < 1.0 / MM and abs(y1 - y2) > THIN:
            xx = (x1 + x2) / 2 * MM
            out.append(Edge(xx, min(y1, y2) * MM, xx, max(y1, y2) * MM, "v", red))
    return out


_ARGS = {"M": 2, "S": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}


def _segments(text: str) -> Iterator[tuple[tuple[float, float], tuple[float, float]]]:
    """The straight segments of an AbbreviatedData path (GB/T 33190 §9.2: S/M move, L line, Q/B curves, A arc,
    C close); curves move the pen without drawing a ruling line."""
    tokens = text.split()
    start = pen = (0.0, 0.0)
    i = 0
    while i < len(tokens):
        op = tokens[i]
        n = _ARGS.get(op)
        if n is None:
            i += 1
            continue
        args = _floats(" ".join(tokens[i + 1 : i + 1 + n]))
        i += 1 + n
        if len(args) < n:
            break
        if op in ("M", "S"):
            start = pen = (args[0], args[1])
        elif op == "L":
            yield pen, (args[0], args[1])
            pen = (args[0], args[1])
        elif op == "C":
            yield pen, start
            pen = start
        else:
            pen = (args[-2], args[-1])
