"""OCR for pages without a usable text layer (scans, image-only exports, garbled fonts).

The page is rendered with pdfium and read with RapidOCR (rapidocr-onnxruntime: its wheel carries the
PP-OCR Chinese detection and recognition models, so nothing is downloaded at run time). Each detected text
box becomes a fragment with its box, so the same line, furniture and table code as for text layers
applies. Ruling lines are found in the image with OpenCV (a morphological opening with long thin kernels
keeps only strokes longer than any character's) and handed to pdfplumber's table finder as edges.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

import numpy as np

from ..colour import SCANNED_INK, SCANNED_TEXT
from .. import rules
from .pdfpage import Edge, Frag, PageData

log = logging.getLogger(__name__)

DPI = 150  # body text (16 pt) is ~33 px high: well inside what PP-OCR reads reliably
INK = 170  # grey level below which a pixel is ink
MIN_LINE_PT = 24.0  # a ruling line is at least this long (longer than any character's stroke)


class OcrUnavailable(RuntimeError):
    """RapidOCR cannot be loaded; the message says how to install it."""


@lru_cache(maxsize=1)
def engine() -> Any:
    try:
        import onnxruntime

        onnxruntime.disable_telemetry_events()  # no telemetry from a run (Windows ETW; a no-op elsewhere)
        from rapidocr_onnxruntime import RapidOCR
    except ImportError as e:
        raise OcrUnavailable("needs OCR but rapidocr-onnxruntime is not installed (pip install rapidocr-onnxruntime)") from e
    # no angle classifier: pages are rendered upright, and it costs a third of the time
    # one text line per recogniser run: lines are wide (a 28-character line is ~1,400 px at 48 px high) and
    # batching them raises peak memory by ~100 MB for no speed gained on two cores (bench/README.md)
    return RapidOCR(use_cls=False, print_verbose=False, rec_batch_num=1)


MAX_PIXELS = 40_000_000  # an A0 sheet at 150 dpi; a larger page (a 14400 pt one) is rendered at a lower dpi


def render_dpi(width_pt: float, height_pt: float, dpi: int = DPI) -> float:
    """The dpi to render a page at: `dpi`, lowered so the bitmap stays within MAX_PIXELS."""
    pixels = width_pt * height_pt * (dpi / 72) ** 2
    if pixels <= MAX_PIXELS:
        return float(dpi)
    return 72 * (MAX_PIXELS / (width_pt * height_pt)) ** 0.5


def ocr_page(pdf: Any, index: int, *, dpi: int = DPI) -> PageData:
    """Render page `index` of a pypdfium2 document and read it."""
    page = pdf[index]
    try:
        width, height = page.get_size()
        scale = render_dpi(width, height, dpi) / 72
        dpi = int(scale * 72) or 1
        bitmap = page.render(scale=scale)
        img = bitmap.to_numpy()[:, :, :3]  # BGR, as RapidOCR and OpenCV expect
    finally:
        page.close()
    return read_image(np.ascontiguousarray(img), number=index + 1, width=width, height=height, dpi=dpi)


def read_image(img: np.ndarray, *, number: int, width: float, height: float, dpi: int) -> PageData:
    """OCR boxes and ruling lines of one page image (BGR), in PDF points."""
    scale = 72 / dpi
    result, _ = engine()(without_seals(img, dpi=dpi), use_cls=False)
    data = PageData(number, width, height, image_cover=1.0, ocr=True)
    fixes = rules.ocr_fix_rules()
    for box, text, score in result or []:
        text = str(text).strip()
        for fix in fixes:
            text = fix.apply(text)
        if not text:
            continue
        xs = [p[0] for p in box]
        ys = [p[1] for p in box]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        # the detector pads its boxes (unclip ratio 1.6): the glyphs are about three quarters of the height
        size = (y1 - y0) * scale * 0.75
        data.frags.append(Frag(text, x0 * scale, x1 * scale, y0 * scale, y1 * scale, size, _red(img, x0, y0, x1, y1), float(score)))
    data.edges = ruling_lines(img, scale=scale)
    data.frags.extend(_empty_cells(img, data, scale=scale))
    log.debug("page %d: %d OCR boxes, %d ruling lines", number, len(data.frags), len(data.edges))
    return data


def _empty_cells(img: np.ndarray, data: PageData, *, scale: float) -> list[Frag]:
    """Table cells with ink where the detector found no text (it misses lone digits such as a 序号 "1"):
    each is read again with the recogniser alone on the cell's image."""
    from .pdftables import find_tables

    out: list[Frag] = []
    tables, _ = find_tables(data)
    for t in tables:
        bottoms = t.row_tops[1:] + [t.bottom]
        for r, row in enumerate(t.rows):
            for c, text in enumerate(row):
                if text or (r, c) in t.filled:
                    continue
                end = r
                while end + 1 < len(t.rows) and (end + 1, c) in t.filled and not t.rows[end + 1][c]:
                    end += 1
                x0, x1, top, bottom = t.cols[c] / scale + 4, t.cols[c + 1] / scale - 4, t.row_tops[r] / scale + 4, bottoms[end] / scale - 4
                crop = img[int(top) : int(bottom), int(x0) : int(x1)]
                if crop.size == 0:
                    continue
                ink = np.argwhere(crop.min(axis=2) < INK)
                if len(ink) < 10:
                    continue
                (y_a, x_a), (y_b, x_b) = ink.min(axis=0), ink.max(axis=0)
                glyphs = np.ascontiguousarray(crop[max(0, y_a - 4) : y_b + 5, max(0, x_a - 4) : x_b + 5])
                result, _ = engine()(glyphs, use_det=False, use_cls=False, use_rec=True)
                if not result:
                    continue
                found, score = result[0][0], float(result[0][1])
                if found.strip() and score >= 0.5:
                    h = (y_b - y_a) * scale
                    out.append(Frag(found.strip(), (x0 + x_a) * scale, (x0 + x_b) * scale, (top + y_a) * scale, (top + y_b) * scale, h, False, score))
    return out


SEAL_MIN_MM = 25.0  # an official seal is 40-45 mm across (GB/T 9704 §7.3.5.1); smaller red marks are text
SEAL_FRINGE = 20  # inside a seal, a pixel this much redder than green/blue is the seal's ink
SEAL_ASPECT = (0.6, 1.7)  # a round or oval seal; the red 版头 and its rule are many times wider than high


def red_mask(img: np.ndarray) -> np.ndarray:
    """Pixels of red ink (seal or 版头), BGR image."""
    return SCANNED_INK.pixels(img)


def without_seals(img: np.ndarray, *, dpi: int) -> np.ndarray:
    """The page with the red of its seals turned white, so the recogniser reads the black date under the seal,
    not the seal's ring text (`2021年10月27日` came out `20211年10月25`). Black ink over the seal stays."""
    import cv2

    mask = red_mask(img)
    if not mask.any():
        return img
    min_px = int(SEAL_MIN_MM / 25.4 * dpi)
    # close the gaps between a seal's ring, star and characters so each seal is one component
    blob = cv2.morphologyEx(mask.astype(np.uint8), cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (15, 15)))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(blob, connectivity=8)
    out = img
    for k in range(1, n):
        x, y, w, h = (int(v) for v in stats[k, :4])
        if w < min_px or h < min_px or not SEAL_ASPECT[0] <= w / h <= SEAL_ASPECT[1]:
            continue
        if out is img:
            out = img.copy()
        # every red pixel inside the ring: the star and the characters are components of their own
        # and the pale pink fringe of the ink, which the page-wide red test leaves as outlines
        part = out[y : y + h, x : x + w]
        b, g, r = (part[:, :, c].astype(np.int16) for c in range(3))
        part[mask[y : y + h, x : x + w] | ((r > 120) & (r - np.maximum(g, b) > SEAL_FRINGE))] = 255
    return out


def _red(img: np.ndarray, x0: float, y0: float, x1: float, y1: float) -> bool:
    crop = img[int(y0) : int(y1) + 1, int(x0) : int(x1) + 1].astype(np.int16)
    if crop.size == 0:
        return False
    b, g, r = crop[:, :, 0], crop[:, :, 1], crop[:, :, 2]
    ink = np.minimum(np.minimum(b, g), r) < INK
    red = SCANNED_TEXT.pixels(crop)
    n = int(ink.sum())
    return n > 0 and int((red & ink).sum()) * 2 > n


def ruling_lines(img: np.ndarray, *, scale: float) -> list[Edge]:
    """Horizontal and vertical strokes at least MIN_LINE_PT long, as edges in points."""
    import cv2

    gray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    ink = (gray < INK).astype(np.uint8) * 255
    length = max(10, int(MIN_LINE_PT / scale))
    edges: list[Edge] = []
    for orient, kernel in (("h", (length, 1)), ("v", (1, length))):
        mask = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, kernel))
        n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        for k in range(1, n):
            x, y, w, h = (int(v) for v in stats[k, :4])
            if orient == "h" and h <= 6:
                yc = (y + h / 2) * scale
                edges.append(Edge(x * scale, yc, (x + w) * scale, yc, "h", _red(img, x, y, x + w, y + h)))
            elif orient == "v" and w <= 6:
                xc = (x + w / 2) * scale
                edges.append(Edge(xc, y * scale, xc, (y + h) * scale, "v", False))
    return edges
