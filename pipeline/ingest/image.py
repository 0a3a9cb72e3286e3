"""A notice scanned or photographed to an image file (PNG, JPEG, TIFF, BMP): each frame is read by OCR as a
scanned PDF page is (ocr.read_image: seals masked, boxes and ruling lines), then laid out by the PDF reader's
`assemble`, so its lines, tables, page furniture and OCR confidence come out as a scanned PDF's do."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import numpy as np

from ..model import IngestError, SourceDocument
from .ocr import MAX_PIXELS, OcrUnavailable, read_image
from .pdfpage import PageData
from .pdf import assemble

A4_WIDTH_INCHES = 8.27  # a frame that states no resolution is taken to be an A4 page's width (GB/T 9704 §5.2.1)
MIN_DPI = 50  # a stated resolution below this is a camera's placeholder (72 dpi photos), not the page's
MAX_FRAMES = 200  # frames of a multi-page TIFF read; the rest is named in a warning
MIN_PAGE_SIDE = 600  # pixels on a frame's longer side: below it an icon or a logo, not a page (A4 at 75 dpi: 877)


def read_image_file(path: Path, *, doc_id: str, sha256: str, data: bytes) -> SourceDocument:
    from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as e:
        raise IngestError(f"{path.name}: not a readable image ({e}); save the scan again as PNG, JPEG or PDF") from e
    if max(image.size) < MIN_PAGE_SIDE:
        raise IngestError(f"{path.name}: an image of {image.size[0]}×{image.size[1]} pixels is too small to be a scanned page; scan it at 150 dpi or more")
    pages: list[PageData] = []
    warnings: list[str] = []
    try:
        for index, frame in enumerate(ImageSequence.Iterator(image)):
            if index >= MAX_FRAMES:
                warnings.append(f"only the first {MAX_FRAMES} frames of the image were read")
                break
            pages.append(_read_frame(ImageOps.exif_transpose(frame.copy()), number=index + 1))
    except OcrUnavailable as e:
        raise IngestError(f"{path.name}: an image is read by OCR, which is not available here ({e})") from e
    return replace(assemble(pages, path=path, doc_id=doc_id, sha256=sha256, warnings=warnings, kind="image"), format="image")


def _read_frame(frame: object, *, number: int) -> PageData:
    """One frame (a PIL image) as a page: its size in points from its resolution, shrunk to MAX_PIXELS."""
    from PIL import Image

    assert isinstance(frame, Image.Image)
    rgb = frame.convert("RGB")
    width, height = rgb.size
    dpi = _dpi(rgb.info.get("dpi"), width)
    if width * height > MAX_PIXELS:
        shrink = (MAX_PIXELS / (width * height)) ** 0.5
        rgb = rgb.resize((max(1, int(width * shrink)), max(1, int(height * shrink))))
        dpi *= shrink
        width, height = rgb.size
    bgr = np.ascontiguousarray(np.asarray(rgb)[:, :, ::-1])  # RapidOCR and OpenCV expect BGR
    return read_image(bgr, number=number, width=width * 72 / dpi, height=height * 72 / dpi, dpi=max(1, round(dpi)))


def _dpi(stated: object, width_px: int) -> float:
    """The frame's stated resolution, else the one that makes its width an A4 page's."""
    if isinstance(stated, tuple) and stated and isinstance(stated[0], (int, float)) and stated[0] >= MIN_DPI:
        return float(stated[0])
    return max(float(MIN_DPI), width_px / A4_WIDTH_INCHES)
