"""OFD (GB/T 33190-2016), the fixed-layout format Chinese offices issue beside or instead of PDF.

An OFD file is a ZIP package of XML: OFD.xml names the document (DocBody/DocRoot), whose Document.xml lists
the pages, their size, template pages and resource files; each page's Content.xml holds layers of text
objects (a box, a font size, a fill colour and TextCode runs with each character's offset), path objects
(ruling lines, the red separator), image objects and composite objects (a resource's drawing placed by a
matrix). Units are millimetres with y measured down from the top of the page. The reader turns them into the
same records as a PDF page (pdfpage.PageData: characters with boxes, size and colour, straight edges), so the
PDF reader's line, table and furniture logic reads an OFD unchanged; a page that is one scanned image is read
by the same OCR as a scanned PDF page.
"""

from __future__ import annotations

import io
import math
import posixpath
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator

from lxml import etree

from ..colour import PRINTED_RED
from ..model import IngestError, SourceDocument
from .pdf import assemble, needs_ocr
from .pdfpage import WHITE as WHITE_SHARE
from .pdfpage import Edge, Frag, PageData, is_bad_char

MM = 72 / 25.4  # OFD millimetres to PDF points, the unit the layout settings are written in
MAX_PART = 64 * 1024 * 1024  # a part that inflates beyond this is refused (a ZIP bomb), not read
MAX_DEPTH = 8  # composite objects nested deeper than this are not followed (a resource that draws itself)
ASCENT = 0.88  # of the font size above the baseline: a character's box, as pdfium's loose box gives it
THIN = 3.0 / MM  # a path thinner than this (mm) is a ruling line (pdfpage._THIN, in points)
WHITE = WHITE_SHARE * 255  # paint that does not show on white paper (pdfpage.WHITE, in 0-255 components)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)

Affine = tuple[float, float, float, float, float, float]  # (a, b, c, d, e, f): x' = ax + cy + e, y' = bx + dy + f
IDENTITY: Affine = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _then(outer: Affine, inner: Affine) -> Affine:
    """The transform that applies `inner`, then `outer`."""
    a, b, c, d, e, f = outer
    A, B, C, D, E, F = inner
    return (a * A + c * B, b * A + d * B, a * C + c * D, b * C + d * D, a * E + c * F + e, b * E + d * F + f)


def _at(t: Affine, x: float, y: float) -> tuple[float, float]:
    return t[0] * x + t[2] * y + t[4], t[1] * x + t[3] * y + t[5]


@dataclass
class _Package:
    """An open OFD package and the resources its pages refer to (composite drawings, images)."""

    zf: zipfile.ZipFile
    name: str
    units: dict[str, etree._Element] = field(default_factory=dict)  # CompositeGraphicUnit by ID
    media: dict[str, str] = field(default_factory=dict)  # MultiMedia ID -> the part holding the image
    parts: dict[str, str] = field(default_factory=dict)  # lower-cased part name -> as stored

    def __post_init__(self) -> None:
        # a Windows producer may write "DOC_0/Res/Image_4.JPEG" for the "Doc_0" its XML names
        self.parts = {n.lower(): n for n in self.zf.namelist()}

    def find(self, part: str) -> str | None:
        return self.parts.get(part.lower())


def read_ofd(path: Path, *, doc_id: str, sha256: str, data: bytes, ocr: bool = True) -> SourceDocument:
    """Read an OFD package into lines and tables, each with its page."""
    warnings: list[str] = []
    pages = ofd_pages(data, path.name, ocr=ocr, warnings=warnings)
    if not pages:
        raise IngestError(f"{path.name}: the OFD has no pages")
    return replace(assemble(pages, path=path, doc_id=doc_id, sha256=sha256, warnings=warnings, kind="OFD"), format="ofd")


def ofd_pages(data: bytes, name: str, *, ocr: bool = False, warnings: list[str] | None = None) -> list[PageData]:
    """Every page of an OFD package as the PDF reader's page records (points, top down); with `ocr`, a page
    that is a scanned image is read by OCR."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as e:
        raise IngestError(f"{name}: not a readable OFD (it is not a ZIP package); check that the file is complete") from e
    with zf:
        pkg = _Package(zf, name)
        root = _xml(pkg, "OFD.xml")
        doc_root = next((el.text.strip() for el in _all(root, "DocRoot") if el.text and el.text.strip()), None)
        if doc_root is None:
            raise IngestError(f"{name}: OFD.xml names no document (DocRoot); the package is incomplete")
        doc_root = doc_root.lstrip("/")
        document = _xml(pkg, doc_root)
        base = posixpath.dirname(doc_root)
        for tag in ("PublicRes", "DocumentRes"):
            for el in _all(document, tag):
                if el.text and el.text.strip() and pkg.find(_part(base, el.text)):
                    _resources(pkg, _part(base, el.text))
        default_box = _box(next(_all(document, "PhysicalBox"), None))
        templates = {el.get("ID", ""): _part(base, el.get("BaseLoc", "")) for el in _all(document, "TemplatePage")}
        pages: list[PageData] = []
        for number, page in enumerate((el for el in _all(document, "Page") if el.get("BaseLoc")), start=1):
            loc = _part(base, page.get("BaseLoc", ""))
            content = _xml(pkg, loc)
            for el in _all(content, "PageRes"):
                if el.text and el.text.strip() and pkg.find(_part(posixpath.dirname(loc), el.text)):
                    _resources(pkg, _part(posixpath.dirname(loc), el.text))
            parts = [content]
            for t in _all(content, "Template"):
                tpl = templates.get(t.get("TemplateID", ""))
                if tpl and pkg.find(tpl):
                    parts.insert(0, _xml(pkg, tpl))  # a template's furniture under the page's own objects
            box = _box(next(_all(content, "PhysicalBox"), None)) or default_box or (0.0, 0.0, 210.0, 297.0)
            data_page, scan = _page(pkg, number, box, parts)
            if needs_ocr(data_page):
                if scan is not None and data_page.image_cover > 0 and ocr:
                    data_page = _ocr(pkg, data_page, scan, warnings if warnings is not None else [])
                elif warnings is not None and data_page.bad_chars:
                    # no renderer draws an OFD page here, so a garbled text layer cannot go to OCR
                    warnings.append(f"page {number}: {data_page.bad_chars} characters are a font's private codes, not text; save the OFD as PDF so its pages can be read by OCR")
                elif warnings is not None and not ocr:
                    warnings.append(f"page {number} is a scanned image and OCR is switched off")
            pages.append(data_page)
    return pages


def _resources(pkg: _Package, loc: str) -> None:
    res = _xml(pkg, loc)
    folder = posixpath.join(posixpath.dirname(loc), (res.get("BaseLoc") or "").strip())
    for el in res.iter():
        kind = _local(el)
        if kind == "CompositeGraphicUnit" and el.get("ID"):
            pkg.units[el.get("ID", "")] = el
        elif kind == "MultiMedia" and el.get("ID"):
            media = next((c for c in el if _local(c) == "MediaFile" and c.text), None)
            if media is not None and media.text:
                pkg.media[el.get("ID", "")] = _part(folder, media.text)


def _part(base: str, loc: str) -> str:
    loc = loc.strip()
    return posixpath.normpath(loc.lstrip("/") if loc.startswith("/") else posixpath.join(base, loc))


def _read(pkg: _Package, part: str) -> bytes:
    stored = pkg.find(part)
    if stored is None:
        raise IngestError(f"{pkg.name}: the OFD package lacks {part}; the file is incomplete")
    info = pkg.zf.getinfo(stored)
    if info.file_size > MAX_PART:
        raise IngestError(f"{pkg.name}: {part} inflates to {info.file_size:,} bytes, more than an OFD page holds; not read")
    try:
        return pkg.zf.read(stored)
    except (zipfile.BadZipFile, OSError, EOFError) as e:
        raise IngestError(f"{pkg.name}: {part} cannot be unpacked ({e}); the file may be damaged") from e


def _xml(pkg: _Package, part: str) -> etree._Element:
    raw = _read(pkg, part)
    try:
        return etree.fromstring(raw, _PARSER)
    except etree.XMLSyntaxError as e:
        raise IngestError(f"{pkg.name}: {part} is not readable XML ({e}); the file may be damaged") from e


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


def _placed(el: etree._Element, outer: Affine) -> Affine | None:
    """The transform from an object's own coordinates to the page: its box's origin, then its matrix."""
    b = _floats(el.get("Boundary"))
    if len(b) != 4:
        return None
    m = _floats(el.get("CTM"))
    ctm: Affine = (m[0], m[1], m[2], m[3], m[4], m[5]) if len(m) == 6 else IDENTITY
    return _then(_then(outer, (1.0, 0.0, 0.0, 1.0, b[0], b[1])), ctm)


def _colour(el: etree._Element, child: str) -> tuple[float, float, float] | None:
    found = next((c for c in el if _local(c) == child), None)
    values = _floats(found.get("Value")) if found is not None else []
    return (values[0], values[1], values[2]) if len(values) >= 3 else None


@dataclass
class _Scan:
    """The largest image of a page: the OCR reads it when the page has no text of its own."""

    resource: str
    place: Affine
    area: float


def _page(pkg: _Package, number: int, box: tuple[float, float, float, float], parts: list[etree._Element]) -> tuple[PageData, _Scan | None]:
    x0, y0, width, height = box
    data = PageData(number, width * MM, height * MM)
    scans: list[_Scan] = []
    origin: Affine = (1.0, 0.0, 0.0, 1.0, -x0, -y0)
    for part in parts:
        _walk(pkg, part, origin, data, scans, 0)
    area = sum(s.area for s in scans)
    data.image_cover = min(1.0, area / (width * height)) if width and height else 0.0
    return data, max(scans, key=lambda s: s.area) if scans else None


def _walk(pkg: _Package, el: etree._Element, t: Affine, data: PageData, scans: list[_Scan], depth: int) -> None:
    for child in el:
        kind = _local(child)
        if kind == "TextObject":
            _text(child, t, data)
        elif kind == "PathObject":
            data.edges.extend(_path(child, t))
        elif kind == "ImageObject":
            place = _placed(child, t)
            if place is not None:
                # an image is drawn on the unit square its matrix maps
                scans.append(_Scan(child.get("ResourceID", ""), place, abs(place[0] * place[3] - place[1] * place[2])))
        elif kind == "CompositeObject":
            unit = pkg.units.get(child.get("ResourceID", ""))
            place = _placed(child, t)
            if unit is not None and place is not None and depth < MAX_DEPTH:
                for content in (c for c in unit if _local(c) == "Content"):
                    _walk(pkg, content, place, data, scans, depth + 1)
        elif kind in ("Content", "Layer", "PageBlock"):
            _walk(pkg, child, t, data, scans, depth)


def _text(el: etree._Element, outer: Affine, data: PageData) -> None:
    t = _placed(el, outer)
    if t is None:
        return
    size = _floats(el.get("Size"))
    base_size = size[0] if size else 3.5
    height = base_size * (math.hypot(t[2], t[3]) or 1.0)
    across = math.hypot(t[0], t[1]) or 1.0
    fill = _colour(el, "FillColor")
    red = fill is not None and PRINTED_RED.rgb(int(fill[0]), int(fill[1]), int(fill[2]))
    x = y = 0.0
    for code in (c for c in el if _local(c) == "TextCode"):
        x = float(code.get("X", x))
        y = float(code.get("Y", y))
        dx, dy = _deltas(code.get("DeltaX")), _deltas(code.get("DeltaY"))
        for i, ch in enumerate(code.text or ""):
            wide = ord(ch) > 0x2E80
            step = dx[i] if i < len(dx) else (base_size if wide else base_size / 2)
            if not ch.isspace():
                if is_bad_char(ch):
                    data.bad_chars += 1
                px, py = _at(t, x, y)
                right = px + max(step * across, height if wide else height / 2)
                data.frags.append(Frag(ch, px * MM, right * MM, (py - ASCENT * height) * MM, (py + (1 - ASCENT) * height) * MM, height * MM, red))
            x += step
            if i < len(dy):
                y += dy[i]


def _path(el: etree._Element, outer: Affine) -> list[Edge]:
    t = _placed(el, outer)
    if t is None:
        return []
    stroked = el.get("Stroke", "true").lower() != "false"
    filled = el.get("Fill", "false").lower() == "true"
    if not stroked and not filled:
        return []
    paint = _colour(el, "StrokeColor" if stroked else "FillColor") or (0.0, 0.0, 0.0)
    if min(paint) >= WHITE:
        return []  # white shading: nothing on the page
    red = PRINTED_RED.rgb(int(paint[0]), int(paint[1]), int(paint[2]))
    b = _floats(el.get("Boundary"))
    (left, top), (right, bottom) = _at(outer, b[0], b[1]), _at(outer, b[0] + b[2], b[1] + b[3])
    w, h = abs(right - left), abs(bottom - top)
    left, top = min(left, right), min(top, bottom)
    if h <= THIN < w:  # a horizontal line or a thin filled bar (the red separator)
        yy = (top + h / 2) * MM
        return [Edge(left * MM, yy, (left + w) * MM, yy, "h", red)]
    if w <= THIN < h:
        xx = (left + w / 2) * MM
        return [Edge(xx, top * MM, xx, (top + h) * MM, "v", red)]
    data = next((c for c in el if _local(c) == "AbbreviatedData"), None)
    out: list[Edge] = []
    for p, q in _segments(data.text if data is not None and data.text else ""):
        (x1, y1), (x2, y2) = _at(t, *p), _at(t, *q)
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


def _ocr(pkg: _Package, page: PageData, scan: _Scan, warnings: list[str]) -> PageData:
    """A scanned page: its largest image read by the OCR that reads scanned PDF pages, placed where the page
    draws it."""
    from .ocr import OcrUnavailable, read_image

    part = pkg.media.get(scan.resource)
    if part is None or pkg.find(part) is None:
        warnings.append(f"page {page.number}: its image (resource {scan.resource}) is missing from the package")
        return page
    import cv2
    import numpy as np

    img = cv2.imdecode(np.frombuffer(_read(pkg, part), dtype=np.uint8), cv2.IMREAD_COLOR)
    if img is None:
        warnings.append(f"page {page.number}: its image {part} cannot be decoded (not JPEG, PNG, BMP or TIFF)")
        return page
    (left, top), (right, bottom) = _at(scan.place, 0.0, 0.0), _at(scan.place, 1.0, 1.0)
    width_mm = abs(right - left) or 1.0
    dpi = max(1, round(img.shape[1] / (width_mm / 25.4)))
    try:
        read = read_image(np.ascontiguousarray(img), number=page.number, width=page.width, height=page.height, dpi=dpi)
    except OcrUnavailable as e:
        warnings.append(f"page {page.number}: {e}")
        return page
    dx, dy = min(left, right) * MM, min(top, bottom) * MM
    for f in read.frags:
        f.x0, f.x1, f.top, f.bottom = f.x0 + dx, f.x1 + dx, f.top + dy, f.bottom + dy
    read.edges = [Edge(e.x0 + dx, e.top + dy, e.x1 + dx, e.bottom + dy, e.orientation, e.red) for e in read.edges]
    return read
