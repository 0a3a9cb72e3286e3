"""Attachment task tables on landscape pages (a wide MediaBox from a Word/LibreOffice landscape section, or a
portrait page turned by /Rotate 90/270 as WPS and scanners write it) and tables ruled with horizontal lines
only (三线表): the rows, units and due dates reach `tasks` with their page, with either PDF engine."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import docxgen
import pdfgen
from pdfgen import Element, NewPage, P, T
from pipeline.ingest import read_document
from pipeline.model import Line, Table
from pipeline.run import run_batch

TASKS = [
    ["序号", "工作任务", "责任单位", "完成时限"],
    ["1", "建立政务公开事项标准目录，逐项明确公开内容、公开依据和公开时限", "市政府办公室、市司法局", "2024年6月30日前"],
    ["2", "推进政务服务事项办事指南公开，规范申请材料和办理流程", "市行政审批局", "2024年9月底前"],
    ["3", "完善政府信息主动公开基本目录并动态更新", "各县（市、区）人民政府", "2024年12月31日前"],
]
# (title start, units, due date) of each task row, checked by hand against TASKS
EXPECTED = [
    ("建立政务公开事项标准目录", "市政府办公室；市司法局", "2024-06-30"),
    ("推进政务服务事项办事指南公开", "市行政审批局", "2024-09-30"),
    ("完善政府信息主动公开基本目录", "各县（市、区）人民政府", "2024-12-31"),
]
BODY = "现将政务公开重点工作任务分工印发给你们，请认真贯彻落实。各责任单位要明确专人负责，按期完成各项任务。"


def notice(orient: str | None, borders: str = "grid", between_rules: bool = False) -> list[Element]:
    """A one-page notice, its task table on page 2 (turned as `orient`), page 3 portrait again."""
    els: list[Element] = [
        P("东湖市人民政府办公室文件", "mark"),
        P("东政办〔2024〕7号", "docnum"),
        P("东湖市人民政府办公室关于印发政务公开重点工作任务分工的通知", "title"),
        P("各县（市、区）人民政府，市政府各部门：", "plain"),
        P(BODY),
        P("附件：政务公开重点工作任务分工表", "note"),
        P("东湖市人民政府办公室", "sign"),
        P("2024年3月1日", "date"),
        NewPage(orient),
        P("附件", "label"),
        P("政务公开重点工作任务分工表", "caption"),
        T([list(r) for r in TASKS], borders=borders),
    ]
    if between_rules:
        # two columns of ordinary text between two rules (no header of column roles): not a table
        els.append(T([["联系人：张明", "联系电话：0371-6590123"], ["传真：0371-6590124", "地址：东湖市人民路1号"]], borders="rules"))
    els += [NewPage("portrait" if orient else None), P("本通知自印发之日起施行。各地执行中遇到的问题，请及时报告市政府办公室。")]
    return els


def _tasks(pdf: Path, out: Path) -> pd.DataFrame:
    run_batch([pdf], out, db=out / "corpus.duckdb")
    return pd.read_csv(out / "tasks.csv", encoding="utf-8-sig")


def _check_tasks(tasks: pd.DataFrame, page: int = 2) -> None:
    assert len(tasks) == len(EXPECTED), f"任务表应有 {len(EXPECTED)} 行：{tasks[['title', 'units']].to_dict('records')}"
    for (_, row), (title, units, due) in zip(tasks.iterrows(), EXPECTED):
        assert str(row["title"]).startswith(title), f"任务名称：{row['title']}"
        assert row["units"] == units, f"责任单位：{row['units']} ≠ {units}"
        assert row["due_date"] == due, f"完成时限：{row['due_date']} ≠ {due}"
        assert int(row["page"]) == page, f"页码：{row['page']} ≠ {page}"


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    try:
        pdfgen.register_font()
    except pdfgen.FixtureUnavailable as e:
        pytest.skip(str(e))
    base = tmp_path_factory.mktemp("landscape")
    out = {o: pdfgen.write_pdf(notice(o), base / f"{o}.pdf") for o in ("landscape", "rotate90", "rotate270")}
    out["rules"] = pdfgen.write_pdf(notice(None, "rules", between_rules=True), base / "rules.pdf")
    return out


@pytest.mark.parametrize("engine", ["pdfium", "plumber"])
@pytest.mark.parametrize("orient", ["landscape", "rotate90", "rotate270"])
def test_landscape_task_table(pdfs: dict[str, Path], orient: str, engine: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGWEN_PDF_ENGINE", engine)
    src = read_document(pdfs[orient])
    tables = [b for b in src.blocks if isinstance(b, Table)]
    assert len(tables) == 1 and tables[0].rows[0] == tuple(TASKS[0]), f"横向页上的表格：{[t.rows[:1] for t in tables]}"
    assert [list(r) for r in tables[0].rows] == TASKS and set(tables[0].row_pages) == {2}
    lines = [b for b in src.blocks if isinstance(b, Line)]
    page2 = [ln.text for ln in lines if ln.page == 2]
    assert page2 == ["附件", "政务公开重点工作任务分工表"], f"横向页文字应按阅读顺序：{page2}"
    page3 = [ln for ln in lines if ln.page == 3]
    assert page3 and page3[0].text.startswith("本通知自印发之日起施行") and page3[0].full, f"横向页后的竖向页应接着读：{page3}"
    assert any(f.text.startswith("—") and f.page == 2 for f in src.furniture), "横向页页码应作为页面附属内容移除"
    _check_tasks(_tasks(pdfs[orient], tmp_path))


@pytest.mark.parametrize("engine", ["pdfium", "plumber"])
def test_horizontal_rules_only_table(pdfs: dict[str, Path], engine: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGWEN_PDF_ENGINE", engine)
    src = read_document(pdfs["rules"])
    tables = [b for b in src.blocks if isinstance(b, Table)]
    assert len(tables) == 1, f"三线表应读成一张表，两条横线间的普通文字不应成表：{[t.rows[:1] for t in tables]}"
    assert [list(r) for r in tables[0].rows] == TASKS, f"三线表各列应按文字对齐切分：{tables[0].rows}"
    text = "\n".join(b.text for b in src.blocks if isinstance(b, Line))
    assert "联系人：张明" in text and "地址：东湖市人民路1号" in text, "横线间无列名表头的文字应留作正文"
    _check_tasks(_tasks(pdfs["rules"], tmp_path))


def test_rules_without_role_header_stay_text(tmp_path: Path) -> None:
    """A justified paragraph between two rules (a boxed note) has wide gaps on no line: it stays text."""
    pdf = pdfgen.write_pdf(
        [P("东湖市人民政府办公室关于做好春节期间值班工作的通知", "title"), P(BODY), T([["说明", "备注"], ["各单位应于节前报送值班表。", "逾期不报的予以通报。"]], borders="rules")],
        tmp_path / "note.pdf",
    )
    src = read_document(pdf)
    assert not [b for b in src.blocks if isinstance(b, Table)], "表头不是已知列名时不应把横线间文字读成表"


@pytest.mark.slow
def test_rotated_scan_is_read_upright(pdfs: dict[str, Path], tmp_path: Path) -> None:
    """A scanned landscape page stored sideways with /Rotate 90 (as scanners write it) is OCRed upright."""
    scan = pdfgen.image_only(pdfs["rotate90"], tmp_path / "scan.pdf", keep_rotation=True)
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(scan))
    try:
        assert doc[1].get_rotation() == 90 and doc[1].get_size()[0] > doc[1].get_size()[1], "扫描件第2页应为 /Rotate 90 横向页"
    finally:
        doc.close()
    src = read_document(scan)
    assert src.pages_ocr == 3
    tables = [b for b in src.blocks if isinstance(b, Table)]
    assert tables and tables[0].rows[0] == tuple(TASKS[0]), f"旋转扫描页的表格：{[t.rows[:2] for t in tables]}"
    _check_tasks(_tasks(scan, tmp_path / "out"))


@pytest.mark.slow
def test_libreoffice_landscape_section(tmp_path: Path) -> None:
    if docxgen.soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: `make system-deps` installs libreoffice-writer-nogui")
    docx = docxgen.write_docx(notice("landscape"), tmp_path / "landscape.docx")
    (pdf,) = docxgen.to_pdf([docx], tmp_path / "pdf")
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        sizes = [doc[i].get_size() for i in range(len(doc))]
        rotations = {doc[i].get_rotation() for i in range(len(doc))}
    finally:
        doc.close()
    assert sizes[1][0] > sizes[1][1] and rotations == {0}, f"LibreOffice 横向节应为宽 MediaBox：{sizes}"
    for engine in ("pdfium", "plumber"):
        from pipeline.ingest.pdf import read_pdf

        src = read_pdf(pdf, doc_id="x", sha256="", data=pdf.read_bytes(), engine=engine)
        tables = [b for b in src.blocks if isinstance(b, Table)]
        assert tables and [list(r) for r in tables[0].rows] == TASKS, f"{engine}: {[t.rows for t in tables]}"
    _check_tasks(_tasks(pdf, tmp_path / "out"))
