"""Real PDFs made by government offices (../shared/corpus/realpdf): WPS, LibreOffice, Word -> ilovepdf, PDFium,
a CamScanner scan. Every file is processed; the four with gold score F1 >= 0.95; the text of every text-layer
PDF agrees with poppler's pdftotext, an independent extractor."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
import regex
from rapidfuzz.distance import LCSseq

from conftest import need_shared, run_cli

pytestmark = [pytest.mark.shared, pytest.mark.slow]

TEXT_LAYER = [
    "anhui_land_use_standard_excerpt",
    "guofa_2025_11_ai_plus_wps",
    "hainan_nongji_butie_plan_2024",
    "hongze_2023_xxgk_annual_report",
    "ncha_revolutionary_relics_plan_notice",
]
GOLD = [
    "guofa_2025_11_ai_plus_wps",
    "hainan_nongji_butie_plan_2024",
    "moa_bgt_nongji_butie_opinion_scan",
    "ncha_revolutionary_relics_plan_notice",
]


@pytest.fixture(scope="module")
def realpdf_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = need_shared("corpus", "realpdf")
    out = tmp_path_factory.mktemp("realpdf")
    proc = run_cli(str(folder), "--out", str(out))
    assert proc.returncode == 0, proc.stderr  # no file becomes an errors row
    return out


def test_every_real_pdf_is_a_document(realpdf_out: Path) -> None:
    from conftest import read_table

    docs = read_table(realpdf_out, "documents")
    assert sorted(docs["doc_id"]) == sorted(set(TEXT_LAYER) | set(GOLD))
    assert (docs["error"] == "").all(), docs[["doc_id", "error"]]
    scan = docs.set_index("doc_id").loc["moa_bgt_nongji_butie_opinion_scan"]
    assert int(scan["pages_ocr"]) == 8, "a CamScanner page with only its watermark as text is read by OCR"


@pytest.mark.parametrize("name", GOLD)
def test_gold_f1(realpdf_out: Path, name: str) -> None:
    from pipeline.evaluate import Score, evaluate

    rep = evaluate(need_shared("corpus", "realpdf", "gold"), realpdf_out)
    total = Score()
    for s in rep.per_doc[name].values():
        total.add(s)
    bad = {f: (s.tp, s.fp, s.fn) for f, s in rep.per_doc[name].items() if s.fp or s.fn}
    assert total.f1 >= 0.95, f"{name}: F1 {total.f1:.3f}; fields with misses (tp, fp, fn): {bad}"


def _han_digits(text: str) -> str:
    return "".join(regex.findall(r"[\p{Han}0-9]", text))


# pages that are mostly ruled tables with merged cells: pdftotext -layout reads a merged cell where its text
# sits vertically (between the rows it spans), this pipeline once at the top of the span, so the order of those
# cells differs while the characters agree
TABLE_PAGES = {"anhui_land_use_standard_excerpt", "hongze_2023_xxgk_annual_report"}


@pytest.mark.parametrize("name", TEXT_LAYER)
def test_text_agrees_with_pdftotext(realpdf_out: Path, name: str) -> None:
    """>= 98 % of pdftotext's Han characters and digits appear in our text (in order, but for merged table
    cells); <= 15 % extra (repeated) text."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is absent (scripts/system-deps.sh installs poppler-utils)")
    pdf = need_shared("corpus", "realpdf", f"{name}.pdf")
    ref = _han_digits(subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    ours = _han_digits((realpdf_out / "text" / f"{name}.txt").read_text(encoding="utf-8"))
    common = LCSseq.similarity(ref, ours)
    shared_chars = sum((Counter(ref) & Counter(ours)).values())
    assert shared_chars >= 0.98 * len(ref), f"{name}: {shared_chars}/{len(ref)} of pdftotext's characters found"
    in_order = 0.93 if name in TABLE_PAGES else 0.98
    assert common >= in_order * len(ref), f"{name}: {common}/{len(ref)} of pdftotext's characters in order"
    assert len(ours) - common <= 0.15 * len(ref), f"{name}: {len(ours) - common} extra characters over {len(ref)}"


def test_scan_keeps_ocr_confidence(realpdf_out: Path) -> None:
    from conftest import read_table

    docs = read_table(realpdf_out, "documents").set_index("doc_id")
    scan = docs.loc["moa_bgt_nongji_butie_opinion_scan"]
    assert 0.8 <= float(scan["ocr_confidence"]) <= 1.0, scan["ocr_confidence"]
    assert "—" not in scan["ocr_low_confidence"], "page numbers are furniture, not values to check"
    assert docs.loc["guofa_2025_11_ai_plus_wps", "ocr_confidence"] == "", "no OCR, no score"
    text = (realpdf_out / "text" / "moa_bgt_nongji_butie_opinion_scan.txt").read_text(encoding="utf-8")
    assert "本省—7—" not in text and "实施方案" in text, "a page number level with the last line is furniture"


FIXTURES = Path(__file__).parent / "fixtures" / "realpdf"


def test_gathered_pdf_regression(tmp_path: Path) -> None:
    """A real PDF gathered beyond ../shared (tests/fixtures/realpdf/MANIFEST.tsv): its title, no errors, and
    its text against pdftotext."""
    pdf = FIXTURES / "hongze_2024_xxgk_annual_report.pdf"
    proc = run_cli(str(pdf), "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    from conftest import read_table

    doc = read_table(tmp_path, "documents").iloc[0]
    assert doc["title"] == "淮安市洪泽区人民政府2024年政府信息公开工作年度报告", doc["title"]
    assert (doc["issuer"], doc["region_city"], doc["admin_level"]) == ("淮安市洪泽区人民政府", "淮安市", "county"), doc[["issuer", "region_city", "admin_level"]].tolist()
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is absent")
    ref = _han_digits(subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    ours = _han_digits((tmp_path / "text" / "hongze_2024_xxgk_annual_report.txt").read_text(encoding="utf-8"))
    assert sum((Counter(ref) & Counter(ours)).values()) >= 0.98 * len(ref)
    assert len(ours) - LCSseq.similarity(ref, ours) <= 0.15 * len(ref)
