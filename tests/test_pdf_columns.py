"""Notices printed in a gazette (政府公报): two justified columns under a masthead, read column by column.

Read row by row across the page, each line of the left column is glued to the right column's line beside it
and the notice loses its title, its 主送机关 and every paragraph. The gazette here sets a real notice (the
浙江 fixture) the way provincial gazettes do (tests/gazettegen.py); a page that only looks two-sided (a
member list, the whole corpus of single-column PDFs the tests draw) keeps its rows."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import regex

import pdfgen
from gazettegen import GP, gazette_pdf
from pdfgen import NewPage, P
from pipeline.ingest import read_document
from pipeline.ingest.pdfcolumns import find_columns
from pipeline.ingest.pdfpage import pdfium_page
from pipeline.model import Line
from pipeline.run import run_batch

pytestmark = pytest.mark.slow

NOTICE = Path(__file__).parent / "fixtures" / "notices" / "zj_prov_shishiyijian.txt"


def _paragraphs() -> tuple[list[GP], list[str]]:
    lines = [ln for ln in NOTICE.read_text(encoding="utf-8").splitlines() if ln.strip()]
    number, title, recipients, body = lines[1], lines[2], lines[3], lines[4:]
    end = body.index("浙江省人民政府办公厅")
    paras = [GP(title, "title"), GP(number, "docnum"), GP(recipients, "plain")]
    paras += [GP(t) for t in body[:end]] + [GP(body[end], "sign"), GP(body[end + 1], "date")]
    return paras, body[:end]


@pytest.fixture(scope="module")
def gazette(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pdfgen.register_font()
    paras, _ = _paragraphs()
    # two notices one after the other, as a gazette prints them: the first fills the left column and runs
    # on into the right one, the second starts there and runs onto page 2
    return gazette_pdf(tmp_path_factory.mktemp("gazette") / "gazette.pdf", paras + paras)


def _compact(text: str) -> str:
    return regex.sub(r"\s+", "", text)


def test_first_page_is_found_to_have_two_columns(gazette: Path) -> None:
    import pypdfium2 as pdfium

    page = pdfium_page(pdfium.PdfDocument(str(gazette)), 0)
    columns = find_columns(page.frags, page.edges)
    assert columns is not None
    assert {"left", "right"} <= {s.side for s in columns.segments}
    # the gutter lies between the columns (20 mm margin + 81 mm column; 8 mm gutter)
    assert 285 < columns.gutter < 312, columns.gutter


def test_every_paragraph_reads_whole_in_column_order(gazette: Path) -> None:
    src = read_document(gazette)
    text = _compact("".join(b.text for b in src.blocks if isinstance(b, Line)))
    _, body = _paragraphs()
    for para in body:
        assert _compact(para) in text, para
    # the first notice's last body paragraph comes after its first: the left column is read before the right
    assert text.index(_compact(body[0])) < text.index(_compact(body[-1]))


def test_header_fields_of_the_gazette_notice(gazette: Path, tmp_path: Path) -> None:
    run_batch([gazette], tmp_path, db=tmp_path / "corpus.duckdb")
    doc = pd.read_csv(tmp_path / "documents.csv", dtype=str, encoding="utf-8-sig").fillna("").iloc[0]
    assert doc.title == "浙江省人民政府办公厅关于加快推进政务服务“一网通办”的实施意见"
    assert doc.doc_number == "浙政办发〔2021〕38号"
    assert doc.recipients == "各市、县（市、区）人民政府；省政府直属各单位"
    assert doc.signed_date == "2021-06-18"
    tasks = pd.read_csv(tmp_path / "tasks.csv", dtype=str, encoding="utf-8-sig").fillna("")
    # （牵头单位：省大数据局；配合单位：省司法厅、省市场监管局） ends a paragraph set over two column lines
    row = tasks[tasks.lead_units == "省大数据局"]
    assert not row.empty and row.iloc[0].co_units == "省司法厅；省市场监管局", tasks[["lead_units", "co_units"]]


def test_a_scanned_gazette_reads_column_by_column(gazette: Path, tmp_path: Path) -> None:
    """OCR line boxes of the two columns: read by column too (a box may reach into the gutter; only one
    over its middle, a centred page number, makes a full-width band)."""
    scan = pdfgen.image_only(gazette, tmp_path / "scan.pdf")
    src = read_document(scan)
    assert src.pages_ocr == src.pages
    text = _compact("".join(b.text for b in src.blocks if isinstance(b, Line)))
    _, body = _paragraphs()
    # paragraphs without 〔〕, which OCR reads as [ 】, and each within one column or running on into the next
    for para in (body[2], body[5], body[9]):
        assert _compact(para) in text, para


MEMBERS = [
    "组    长：王建国                    市人民政府市长",
    "副组长：李明华                    市人民政府副市长",
    "成    员：张小军                    市发展改革委主任",
    "          赵丽娟                    市财政局局长",
    "          孙志刚                    市教育局局长",
    "          周海燕                    市民政局局长",
    "          吴建平                    市司法局局长",
    "          郑晓东                    市自然资源局局长",
    "          冯立新                    市生态环境局局长",
    "          陈国庆                    市住房城乡建设局局长",
]


def test_a_member_list_set_in_two_parts_keeps_its_rows(tmp_path: Path) -> None:
    """Names on the left, offices on the right, a wide gap between: short ragged parts, no columns."""
    pdfgen.register_font()
    els = [P("东湖市人民政府办公室关于成立政务公开工作领导小组的通知", "title"), P("各县（市、区）人民政府，市政府各部门：", "plain")]
    els += [P("为加强对全市政务公开工作的组织领导，经市政府同意，决定成立东湖市政务公开工作领导小组，组成人员如下：")]
    els += [P("东湖市人民政府办公室", "sign"), P("2024年3月1日", "date"), NewPage(), P("附件", "label")]
    # the list fills its page: only the caption crosses the middle, so the gutter between names and offices
    # is there; the parts' length and ragged ends tell it from columns
    els += [P("东湖市政务公开工作领导小组成员名单", "caption")] + [P(m, "plain") for m in MEMBERS * 3]
    pdf = pdfgen.write_pdf(els, tmp_path / "members.pdf")
    import pypdfium2 as pdfium

    page = pdfium_page(pdfium.PdfDocument(str(pdf)), 1)
    assert find_columns(page.frags, page.edges) is None
    lines = [_compact(b.text) for b in read_document(pdf).blocks if isinstance(b, Line)]
    assert "副组长：李明华市人民政府副市长" in lines, lines


def test_single_column_pages_are_never_split(tmp_path: Path) -> None:
    """The fixture notices drawn in GB/T 9704 layout and a real office PDF with tables: no page has columns."""
    import pypdfium2 as pdfium

    from pipeline.ingest.pdfopentables import find_open_tables
    from pipeline.ingest.pdftables import find_tables

    fixtures = Path(__file__).parent / "fixtures"
    pdfs = [
        pdfgen.write_pdf(pdfgen.notice_from_text(t.read_text(encoding="utf-8")), tmp_path / f"{t.stem}.pdf")
        for t in sorted((fixtures / "notices").glob("*.txt"))
    ] + sorted((fixtures / "realpdf").glob("*.pdf"))
    pages = 0
    for pdf in pdfs:
        doc = pdfium.PdfDocument(str(pdf))
        for i in range(len(doc)):
            page = pdfium_page(doc, i)
            tables, rest = find_tables(page)
            _, rest = find_open_tables(page, rest, tables)
            assert find_columns(rest, page.edges) is None, (pdf.name, i + 1)
            pages += 1
    assert pages >= 10


def test_a_title_set_across_the_columns_and_the_running_head(tmp_path: Path) -> None:
    """The title and 文号 centred over both columns are full-width bands over them; the gazette's name and
    issue over the rule at the top of each page are its running head: furniture, on a page of one column too."""
    pdfgen.register_font()
    paras, body = _paragraphs()
    title, number, recipients = paras[0].text, paras[1].text, paras[2]
    # enough text for a second page, whose columns are not full
    pdf = gazette_pdf(tmp_path / "across.pdf", [GP(title, "across"), GP(number, "across_docnum"), recipients] + paras[3:] * 3)
    src = read_document(pdf)
    assert src.pages == 2
    text = [b.text for b in src.blocks if isinstance(b, Line)]
    assert not any("公报" in t or "2023年第6期" in t for t in text), [t for t in text if "公报" in t]
    assert {"丙省人民政府公报", "2023年第6期"} <= {w for f in src.furniture for w in f.text.split()}
    run_batch([pdf], tmp_path / "out", db=tmp_path / "out" / "corpus.duckdb")
    doc = pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str, encoding="utf-8-sig").fillna("").iloc[0]
    assert (doc.title, doc.doc_number) == (title, number), (doc.title, doc.doc_number)
    assert doc.recipients == "各市、县（市、区）人民政府；省政府直属各单位"
    compact = _compact("".join(text))
    for para in body:
        assert _compact(para) in compact, para
