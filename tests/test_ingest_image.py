"""A notice scanned or photographed to image files (PNG, JPEG, TIFF) reads as the scanned PDF it was: OCR, then
the PDF reader's layout. Icons, a saved page's resource images and broken files are kept out with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest
import pypdfium2 as pdfium
from PIL import Image

from conftest import need_shared
from pipeline.cli import collect_inputs
from pipeline.process import process_path

SCAN = "moa_bgt_nongji_butie_opinion_scan.pdf"  # a CamScanner scan of a 农业农村部办公厅 意见 (8 pages)


def _pages(pdf: Path, dpi: int = 150) -> list[Image.Image]:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [doc[i].render(scale=dpi / 72).to_pil().convert("RGB") for i in range(len(doc))]
    finally:
        doc.close()


@pytest.mark.slow
@pytest.mark.shared
def test_a_real_scan_saved_as_a_multipage_tiff_reads_as_the_scanned_pdf(tmp_path: Path) -> None:
    """The eight pages of a real CamScanner scan saved as one TIFF (150 dpi, stated in the file) and its first
    page as a JPEG without a stated resolution: the document's elements are the hand-checked answers for the PDF."""
    pages = _pages(need_shared("corpus", "realpdf", SCAN))
    tiff = tmp_path / "scan.tiff"
    pages[0].save(tiff, save_all=True, append_images=pages[1:], dpi=(150, 150), compression="tiff_lzw")
    x = process_path(tiff)
    d = x.document
    assert (d.format, d.pages, d.pages_ocr) == ("image", 8, 8), (d.format, d.pages, d.pages_ocr)
    assert (d.issuer, d.title, d.doc_type, d.signed_date, d.admin_level) == (
        "农业农村部办公厅", "农业农村部办公厅关于加力推进农机购置与应用补贴“优机优补”“有进有出”的意见", "意见", "2025-01-23", "national"
    ), d
    assert d.recipients.split("；")[:2] == ["各省、自治区、直辖市及计划单列市农业农村（农牧）厅（局、委）", "新疆生产建设兵团农业农村局"], d.recipients
    assert 0.8 <= float(d.ocr_confidence) <= 1.0, d.ocr_confidence
    first = tmp_path / "first.jpg"
    pages[0].save(first, quality=85)
    assert process_path(first).document.title == d.title


def test_an_icon_a_saved_pages_images_and_a_broken_file_are_no_notices(tmp_path: Path) -> None:
    """An image too small to be a page becomes an errors row saying so; the images a browser saved beside a page
    (page_files/) are skipped when a folder is read; a file named .png that is no image is an errors row."""
    icon = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), "white").save(icon)
    errors = process_path(icon).errors
    assert len(errors) == 1 and "too small to be a scanned page" in errors[0].error, errors
    broken = tmp_path / "notice.png"
    broken.write_bytes(b"<html>not an image</html>")
    errors = process_path(broken).errors
    assert len(errors) == 1 and "not a readable image" in errors[0].error, errors
    (tmp_path / "page_files").mkdir()
    Image.new("RGB", (1200, 1600), "white").save(tmp_path / "page_files" / "banner.png")
    (tmp_path / "page.html").write_text("<html><body><p>通知</p></body></html>", encoding="utf-8")
    files, skipped = collect_inputs([tmp_path])
    assert {p.name for p in files} == {"logo.png", "notice.png", "page.html"}, files
    assert [(p.name, why) for p, why in skipped] == [("banner.png", "an image of a saved web page's resource folder, not a notice")], skipped
