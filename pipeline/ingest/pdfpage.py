"""What a reader needs from one PDF page: text fragments with their boxes, size and colour, straight ruling
lines (edges) with their colour, and how much of the page images cover.

Two sources give the same records. pypdfium2 (the default) reads characters, loose character boxes and
colours through pdfium's C API and decomposes path objects into axis-parallel segments; it is about 30x
faster than pdfminer, on which pdfplumber builds (bench/README.md has the figures). pdfplumber gives the same
records from its `chars` and `edges` and serves as the reference engine (`engine="plumber"`).
Coordinates are PDF points with `top` measured down from the top of the page, as pdfplumber does.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass, field
from typing import Any, Sequence

import pypdfium2 as pdfium
import pypdfium2.raw as R

from ..colour import PRINTED_RED, is_red_components


@dataclass(slots=True)
class Frag:
    """A piece of text with its box: one character from a text layer, or one OCR line box."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    red: bool = False
    conf: float = 1.0  # OCR recognition score (1.0 for a text layer)


@dataclass(frozen=True, slots=True)
class Edge:
    """A horizontal ("h") or vertical ("v") ruling line."""

    x0: float
    top: float
    x1: float
    bottom: float
    orientation: str
    red: bool = False

    def as_plumber(self) -> dict[str, Any]:
        return {
            "x0": self.x0, "x1": self.x1, "top": self.top, "bottom": self.bottom,
            "width": self.x1 - self.x0, "height": self.bottom - self.top, "orientation": self.orientation,
            "object_type": "line",
        }


@dataclass(slots=True)
class PageData:
    number: int  # 1-based
    width: float
    height: float
    frags: list[Frag] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    image_cover: float = 0.0  # share of the page area covered by images
    bad_chars: int = 0  # characters without a Unicode mapping: (cid:N), U+FFFD, private use, controls
    ocr: bool = False


SLANT = (10.0, 80.0)  # degrees: a baseline turned this far from the page's axes is diagonal text


def slanted(a: float, b: float) -> bool:
    """A character whose baseline (the text matrix's first column, a b) runs diagonally: a download platform's
    or an office's watermark ("仅供参考", the site's name) laid at 30-60 degrees over the text. Text turned a
    quarter (a landscape table drawn sideways, a /Rotate page) is upright text once the page is turned."""
    if not (a or b):
        return False
    angle = math.degrees(math.atan2(abs(b), abs(a)))
    return SLANT[0] < angle < SLANT[1]


def is_red(rgb: Sequence[float]) -> bool:
    """A red fill or stroke (0-1 components, RGB or CMYK): the red 发文机关标志 and separator line."""
    return is_red_components(rgb)


def is_bad_char(ch: str) -> bool:
    """U+FFFD, private use, controls, and Latin-1/Latin Extended letters: a font without a usable
    ToUnicode map yields its glyph codes read as Latin-1 (`ææ�Òî`), which a Chinese notice does not hold."""
    o = ord(ch)
    return ch == "\ufffd" or 0xE000 <= o <= 0xF8FF or (o < 32 and ch not in "\t\n\r") or 0x80 <= o <= 0x2FF


# --------------------------------------------------------------------------- pdfium


def pdfium_page(pdf: pdfium.PdfDocument, index: int) -> PageData:
    page = pdf[index]
    try:
        width, height = page.get_size()  # as displayed, i.e. after /Rotate
        rotation = page.get_rotation() % 360
        if rotation in (90, 270):
            width, height = height, width
        data = PageData(index + 1, width, height)  # the page as stored; turned upright below
        _pdfium_objects(page, data)
        tp = page.get_textpage()
        try:
            _pdfium_chars(tp, data)
        finally:
            tp.close()
    finally:
        page.close()
    if rotation:
        turn_upright(data, rotation)
    return data


def turn_upright(data: PageData, rotation: int) -> None:
    """Turn a page stored sideways (/Rotate 90, 180 or 270: WPS landscape sections, scanners) as a viewer
    shows it. pdfium's characters and paths are in the page's own space; a reader lays lines out as
    displayed, or a landscape table comes out one character per line."""
    w, h = data.width, data.height

    def at(x: float, t: float) -> tuple[float, float]:
        if rotation == 90:
            return h - t, x
        if rotation == 180:
            return w - x, h - t
        return t, w - x  # 270

    for f in data.frags:
        (ax, at_), (bx, bt) = at(f.x0, f.top), at(f.x1, f.bottom)
        f.x0, f.x1, f.top, f.bottom = min(ax, bx), max(ax, bx), min(at_, bt), max(at_, bt)
    edges = []
    for e in data.edges:
        (ax, at_), (bx, bt) = at(e.x0, e.top), at(e.x1, e.bottom)
        x0, x1, top, bottom = min(ax, bx), max(ax, bx), min(at_, bt), max(at_, bt)
        orient = e.orientation if rotation == 180 else ("v" if e.orientation == "h" else "h")
        edges.append(Edge(x0, top, x1, bottom, orient, e.red))
    data.edges = edges
    if rotation in (90, 270):
        data.width, data.height = h, w


def _pdfium_chars(tp: pdfium.PdfTextPage, data: PageData) -> None:
    raw = tp.raw
    n = R.FPDFText_CountChars(raw)
    rect = R.FS_RECTF()
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    h = data.height
    frags = data.frags
    bad = 0
    # bound once: this loop runs for every character of every page
    loose_box, font_size, fill_color = R.FPDFText_GetLooseCharBox, R.FPDFText_GetFontSize, R.FPDFText_GetFillColor
    char_matrix = R.FPDFText_GetMatrix
    mat = R.FS_MATRIX()
    # all characters in one call; one UTF-16 unit per character index unless the page holds characters
    # beyond the BMP, in which case each is asked for on its own
    buf = ctypes.create_string_buffer(2 * (n + 1))
    got = R.FPDFText_GetText(raw, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    units = buf.raw[: 2 * max(0, got - 1)].decode("utf-16-le", errors="surrogatepass")
    codes = [ord(c) for c in units] if len(units) == n else [R.FPDFText_GetUnicode(raw, i) for i in range(n)]
    for i, code in enumerate(codes):
        if code in (32, 10, 13, 0xFFFE, 0xFEFF, 2):
            continue  # spaces (generated or not) are decided from geometry (pdflines.py), not taken from the file
        ch = chr(code) if code and not 0xD800 <= code <= 0xDFFF else "\ufffd"
        if is_bad_char(ch):
            bad += 1
        if not loose_box(raw, i, rect):
            continue
        red = False
        if fill_color(raw, i, r, g, b, a):
            rv, gv, bv = r.value, g.value, b.value
            red = PRINTED_RED.rgb(rv, gv, bv)
        # FPDFText_GetFontSize is the size set by Tf, before the text matrix: WPS writes Tf 360 under a 0.05
        # matrix, Chrome 16-24 under its own. The size on the page is Tf times the matrix's vertical scale.
        size = font_size(raw, i)
        if char_matrix(raw, i, mat):
            if slanted(mat.a, mat.b):
                continue  # a diagonal watermark over the page, no line of the notice
            if size:
                size *= math.hypot(mat.c, mat.d) or 1.0
        frags.append(Frag(ch, rect.left, rect.right, h - rect.top, h - rect.bottom, size or (rect.top - rect.bottom), red))
    data.bad_chars = bad


def _pdfium_objects(page: pdfium.PdfPage, data: PageData) -> None:
    raw_page = page.raw
    n = R.FPDFPage_CountObjects(raw_page)
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    h = data.height
    image_area = 0.0
    for i in range(n):
        obj = R.FPDFPage_GetObject(raw_page, i)
        kind = R.FPDFPageObj_GetType(obj)
        if kind == R.FPDF_PAGEOBJ_IMAGE:
            if R.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                image_area += max(0.0, right.value - left.value) * max(0.0, top.value - bottom.value)
        elif kind == R.FPDF_PAGEOBJ_PATH:
            data.edges.extend(_path_edges(obj, h))
    data.image_cover = min(1.0, image_area / (data.width * data.height)) if data.width and data.height else 0.0


_THIN = 3.0  # a path thinner than this (pt) is a ruling line


def _path_edges(obj: Any, page_h: float) -> list[Edge]:
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not R.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return []
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    R.FPDFPath_GetDrawMode(obj, fill_mode, stroke)
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    ok = R.FPDFPageObj_GetStrokeColor(obj, r, g, b, a) if stroke.value else R.FPDFPageObj_GetFillColor(obj, r, g, b, a)
    red = bool(ok) and is_red((r.value / 255, g.value / 255, b.value / 255))
    if not stroke.value and not fill_mode.value:
        return []  # a clipping path draws nothing
    if not _visible(obj, stroked=bool(stroke.value)):
        return []  # white paragraph shading (Word/LibreOffice) or a transparent box: no ruling on the page
    w, hh = right.value - left.value, top.value - bottom.value
    if hh <= _THIN and w > _THIN:  # a horizontal line or a thin filled bar
        y = page_h - (top.value + bottom.value) / 2
        return [Edge(left.value, y, right.value, y, "h", red)]
    if w <= _THIN and hh > _THIN:
        x = (left.value + right.value) / 2
        return [Edge(x, page_h - top.value, x, page_h - bottom.value, "v", red)]
    # a rectangle or a path of several segments: its axis-parallel straight segments are edges
    m = R.FS_MATRIX()
    if not R.FPDFPageObj_GetMatrix(obj, m):
        return []
    out: list[Edge] = []
    px, py = ctypes.c_float(), ctypes.c_float()
    start: tuple[float, float] | None = None
    prev: tuple[float, float] | None = None
    for k in range(R.FPDFPath_CountSegments(obj)):
        seg = R.FPDFPath_GetPathSegment(obj, k)
        R.FPDFPathSegment_GetPoint(seg, px, py)
        x = m.a * px.value + m.c * py.value + m.e
        y = m.b * px.value + m.d * py.value + m.f
        kind = R.FPDFPathSegment_GetType(seg)
        if kind == R.FPDF_SEGMENT_MOVETO:
            start = prev = (x, y)
            continue
        if kind == R.FPDF_SEGMENT_LINETO and prev is not None:
            out.extend(_segment(prev, (x, y), page_h, red))
        prev = (x, y)
        if R.FPDFPathSegment_GetClose(seg) and start is not None:
            out.extend(_segment(prev, start, page_h, red))
            prev = start
    return out


WHITE = 0.94  # every colour component at least this (0-1): paint that does not show on white paper


def _visible(obj: Any, *, stroked: bool) -> bool:
    """Whether a path's paint shows on a white page: not white, not fully transparent."""
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    get = R.FPDFPageObj_GetStrokeColor if stroked else R.FPDFPageObj_GetFillColor
    if not get(obj, r, g, b, a):
        return True  # a pattern or shading paint: assume it shows
    if a.value == 0:
        return False
    return min(r.value, g.value, b.value) < WHITE * 255


def _segment(p: tuple[float, float], q: tuple[float, float], page_h: float, red: bool) -> list[Edge]:
    (x0, y0), (x1, y1) = p, q
    if abs(y0 - y1) < 1.0 and abs(x0 - x1) > _THIN:
        y = page_h - (y0 + y1) / 2
        return [Edge(min(x0, x1), y, max(x0, x1), y, "h", red)]
    if abs(x0 - x1) < 1.0 and abs(y0 - y1) > _THIN:
        x = (x0 + x1) / 2
        return [Edge(x, page_h - max(y0, y1), x, page_h - min(y0, y1), "v", red)]
    return []


# --------------------------------------------------------------------------- pdfplumber


def plumber_page(page: Any) -> PageData:
    """The same records from a pdfplumber page (the reference engine)."""
    data = PageData(page.page_number, float(page.width), float(page.height))
    bad = 0
    for c in page.chars:
        text = c["text"]
        if text.startswith("(cid:"):
            bad += 1
            text = "\ufffd"
        elif any(is_bad_char(ch) for ch in text):
            bad += 1
        if not text.strip():
            continue
        matrix = c.get("matrix")
        if matrix and slanted(float(matrix[0]), float(matrix[1])):
            continue  # a diagonal watermark
        color = c.get("non_stroking_color") or ()
        red = is_red(tuple(color)) if isinstance(color, (tuple, list)) else False
        data.frags.append(Frag(text, float(c["x0"]), float(c["x1"]), float(c["top"]), float(c["bottom"]), float(c["size"]), red))
    data.bad_chars = bad
    for e in page.edges:
        color = e.get("stroking_color") if e.get("stroke") else e.get("non_stroking_color")
        red = is_red(tuple(color)) if isinstance(color, (tuple, list)) else False
        x0, x1, top, bottom = float(e["x0"]), float(e["x1"]), float(e["top"]), float(e["bottom"])
        if e["orientation"] == "h":
            y = (top + bottom) / 2
            data.edges.append(Edge(x0, y, x1, y, "h", red))
        else:
            x = (x0 + x1) / 2
            data.edges.append(Edge(x, top, x, bottom, "v", red))
    area = sum(float(im["width"]) * float(im["height"]) for im in page.images)
    data.image_cover = min(1.0, area / (data.width * data.height)) if data.width and data.height else 0.0
    return data
