"""Word's automatic list numbers (pipeline/ingest/docx_numbering.py): headings and a 序号 column numbered by
Word, not typed, come back as the labels the notice shows, so its heading tree and tasks are read."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from pipeline.ingest.docx_numbering import format_number
from pipeline.process import process_path


def _abstract(abstract_id: int, levels: list[tuple[str, str]]) -> str:
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:suff w:val="nothing"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    return f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'


def _numbered(paragraph, num_id: int, ilvl: int = 0) -> None:  # type: ignore[no-untyped-def]
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _write(path: Path) -> Path:
    doc = Document()
    root = doc.part.numbering_part.element
    # abstractNum definitions come before every w:num (ECMA-376 §17.9.20)
    first_num = root.find(qn("w:num"))
    for xml in (_abstract(90, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")]), _abstract(91, [("decimal", "%1")])):
        if first_num is not None:
            first_num.addprevious(parse_xml(xml))
        else:
            root.append(parse_xml(xml))
    root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))
    for text in ["庚市人民政府办公室关于印发庚市政务公开工作方案的通知", "庚政办发〔2024〕8号", "各县（市、区）人民政府，市政府各部门："]:
        doc.add_paragraph(text)
    doc.add_paragraph("现将《庚市政务公开工作方案》印发给你们，请认真贯彻执行。")
    doc.add_paragraph("庚市人民政府办公室")
    doc.add_paragraph("2024年3月1日")
    doc.add_paragraph("庚市政务公开工作方案")
    for text, ilvl in [("总体要求", 0), ("工作目标", 1), ("基本原则", 1), ("重点任务", 0)]:
        _numbered(doc.add_paragraph(text), 90, ilvl)
    doc.add_paragraph("各单位要按照下表抓好落实。")
    table = doc.add_table(rows=4, cols=4)
    for c, head in enumerate(["序号", "工作任务", "牵头单位", "完成时限"]):
        table.cell(0, c).text = head
    for r, (task, unit, due) in enumerate([("编制公开事项标准目录", "市政务公开办", "2024年6月底前"), ("建设政策文件库", "市司法局", "2024年9月底前"), ("开展政策解读", "市政府各部门", "2024年12月底前")], start=1):
        _numbered(table.cell(r, 0).paragraphs[0], 91)
        table.cell(r, 1).text, table.cell(r, 2).text, table.cell(r, 3).text = task, unit, due
    out = path / "numbered.docx"
    doc.save(str(out))
    return out


def test_headings_and_a_serial_column_numbered_by_word(tmp_path: Path) -> None:
    x = process_path(_write(tmp_path))
    assert not x.errors, x.errors
    assert [(s.section_id, s.label, s.heading) for s in x.sections] == [
        ("s1", "一", "总体要求"),
        ("s1.1", "（一）", "工作目标"),
        ("s1.2", "（二）", "基本原则"),
        ("s2", "二", "重点任务"),
    ], x.sections
    got = [(t.title, t.lead_unit, t.due_date) for t in x.tasks if t.source == "table"]
    assert got == [("编制公开事项标准目录", "市政务公开办", "2024-06-30"), ("建设政策文件库", "市司法局", "2024-09-30"), ("开展政策解读", "市政府各部门", "2024-12-31")], x.tasks
    assert "\n1\t编制公开事项标准目录\t" in x.text and "\n3\t开展政策解读\t" in x.text, "the 序号 column holds Word's numbers"


@pytest.mark.parametrize(
    ("n", "fmt", "want"),
    [(1, "chineseCounting", "一"), (12, "chineseCounting", "十二"), (20, "chineseCountingThousand", "二十"), (3, "chineseLegalSimplified", "叁"),
     (2, "decimalEnclosedCircle", "②"), (4, "ideographTraditional", "丁"), (12, "decimalFullWidth", "１２"), (3, "lowerLetter", "c"), (4, "upperRoman", "IV"), (7, "decimal", "7")],
)
def test_number_formats(n: int, fmt: str, want: str) -> None:
    assert format_number(n, fmt) == want


def test_a_style_that_numbers_its_paragraphs_and_a_list_started_afresh(tmp_path: Path) -> None:
    """A heading style carrying numPr (w:basedOn followed) numbers every paragraph set in it; a second w:num
    of the same list with a startOverride counts from its start again (ECMA-376 §17.9.8)."""
    from docx.enum.style import WD_STYLE_TYPE

    doc = Document()
    root = doc.part.numbering_part.element
    root.find(qn("w:num")).addprevious(parse_xml(_abstract(93, [("chineseCounting", "%1、"), ("decimal", "%2.")])))
    root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="93"><w:abstractNumId w:val="93"/></w:num>'))
    root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="94"><w:abstractNumId w:val="93"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    base = doc.styles.add_style("NumberedBase", WD_STYLE_TYPE.PARAGRAPH)
    base.element.get_or_add_pPr().append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="93"/></w:numPr>'))
    heading = doc.styles.add_style("TaskHeading", WD_STYLE_TYPE.PARAGRAPH)
    heading.base_style = base
    doc.add_paragraph("辛县2024年工作要点")
    doc.add_paragraph("为做好2024年各项工作，制定本要点。")
    doc.add_paragraph("重点任务", style="TaskHeading")
    _numbered(doc.add_paragraph("完善制度"), 93, 1)
    _numbered(doc.add_paragraph("加强培训"), 93, 1)
    doc.add_paragraph("保障措施", style="TaskHeading")
    _numbered(doc.add_paragraph("加强领导"), 94, 1)
    out = tmp_path / "styled.docx"
    doc.save(str(out))
    x = process_path(out)
    lines = x.text.splitlines()
    assert lines[2:] == ["一、重点任务", "1.完善制度", "2.加强培训", "二、保障措施", "1.加强领导"], lines
