"""Text ingestion: encodings, hard-wrapped lines, tables given as tab-separated lines or HTML fragments."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import read_document
from pipeline.ingest.text import blocks_from_text
from pipeline.layout import normalise
from pipeline.model import IngestError, Line, Table
from pipeline.process import process_path

NOTICE = """某某市人民政府办公室文件
某政办〔2021〕12号
某某市人民政府办公室
关于做好2021年度安全生产工作的
通知
各县（区）人民政府，市政府各部门：
为切实做好安全生产工作，现将有关事项通知如下。
一、明确工作目标
到2022年，全市安全生产形势持续稳定好转。
某某市人民政府办公室
2021年3月5日
"""


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_encodings_decode_to_the_same_text(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"notice-{encoding}.txt"
    path.write_bytes(NOTICE.encode(encoding))
    doc = read_document(path)
    lines = [b.text for b in doc.blocks if isinstance(b, Line)]
    assert lines[1] == "某政办〔2021〕12号", f"{encoding}: first lines decoded as {lines[:2]}"
    assert doc.sha256 and doc.format == "txt"


def test_title_lines_join_and_doc_number_stays_alone(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_text(NOTICE, encoding="utf-8")
    ex = process_path(path)
    assert ex.document.doc_number == "某政办〔2021〕12号"
    assert ex.document.title == "某某市人民政府办公室关于做好2021年度安全生产工作的通知", ex.document.title
    assert ex.document.recipients == "各县（区）人民政府；市政府各部门"
    assert ex.document.signed_date == "2021-03-05" and ex.document.issuer == "某某市人民政府办公室"
    assert [d.end for d in ex.deadlines] == ["2022-12-31"], "the signing date is not a deadline"


def test_hard_wrapped_paragraph_is_rejoined() -> None:
    width = "一二三四五六七八九十" * 3
    lines = [
        "为贯彻落实有关要求，全面推进我省基层政务公开标准化规范化工作经",
        "省政府同意，现就有关问题通知如下。",
    ] + [width[:28] for _ in range(8)]
    from pipeline.model import SourceDocument

    src = SourceDocument("x", "x.txt", "txt", "0", tuple(Line(t) for t in lines))
    norm = normalise(src)
    assert norm.text.splitlines()[0] == "为贯彻落实有关要求，全面推进我省基层政务公开标准化规范化工作经省政府同意，现就有关问题通知如下。"


def test_tab_separated_table_split_over_pages_is_stitched_and_filled() -> None:
    text = "\n".join(
        [
            "任务分工",
            "序号\t工作任务\t具体事项\t责任单位\t完成时限",
            "1\t编制目录\t梳理事项\t市财政局\t2021年6月底前",
            "\t\t发布目录\t市政府办公室\t",
            "",
            "序号\t工作任务\t具体事项\t责任单位\t完成时限",
            "2\t开展培训\t组织培训\t市人社局、市财政局\t2021年12月底前",
        ]
    )
    blocks = blocks_from_text(text)
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1 and len(tables[0].rows) == 4, "the repeated header starts no new table"
    from pipeline.model import SourceDocument

    norm = normalise(SourceDocument("x", "x.txt", "txt", "0", tuple(blocks)))
    t = norm.tables[0]
    assert t.header[1] == "工作任务" and t.caption == "任务分工"
    second = [c.text for c in t.rows[1]]
    assert second[:2] == ["1", "编制目录"], "merged 序号/工作任务 cells take the value above"
    assert second[4] == "2021年6月底前"
    for row in t.rows:
        for c in row:
            assert norm.text[c.start : c.end] == c.text


def test_html_paragraph_cells_become_rows() -> None:
    line = "3\t开展试点\t<p>1. 甲事项。</p> <p>2. 乙事项。</p>\t<p>市公安局</p> <p>市民政局</p>\t<p>2021年12月底前</p> <p>2022年6月底前</p>"
    blocks = blocks_from_text("序号\t工作任务\t具体事项\t责任单位\t完成时限\n" + line)
    table = next(b for b in blocks if isinstance(b, Table))
    assert [r[3] for r in table.rows[1:]] == ["市公安局", "市民政局"]
    assert table.rows[2][1] == "开展试点" and (2, 1) in table.filled


def test_html_table_with_spans() -> None:
    html = "<table><tr><th>领域</th><th>牵头单位</th><th>配合单位</th></tr><tr><td>就业</td><td rowspan=2>市人社局</td><td>市财政局</td></tr><tr><td>社会保险</td><td>市医保局</td></tr></table>"
    table = next(b for b in blocks_from_text(html) if isinstance(b, Table))
    assert table.rows[2] == ("社会保险", "市人社局", "市医保局") and (2, 1) in table.filled


@pytest.mark.parametrize(("content", "message"), [(b"", "empty"), (b"   \n\n", "empty")])
def test_empty_file_is_a_clear_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(IngestError, match=message):
        read_document(path)
    ex = process_path(path)
    assert ex.errors and message in ex.errors[0].error and ex.document.error


def test_joint_signature_on_one_line_lists_every_issuer(tmp_path: Path) -> None:
    """Two issuers side by side in the 署名 (GB/T 9704 §7.3.5.2) are not glued by the space cleaner."""
    text = NOTICE.replace("某某市人民政府办公室\n2021年3月5日", "某某市财政局　　　某某市应急管理局\n2021年3月5日")
    path = tmp_path / "joint.txt"
    path.write_text(text.replace("某某市人民政府办公室文件\n", ""), encoding="utf-8")
    ex = process_path(path)
    assert ex.document.issuer == "某某市财政局；某某市应急管理局", ex.document.issuer


def test_title_broken_by_hand_after_a_document_type_word(tmp_path: Path) -> None:
    """'…实施方案' / '的' / '通知': the title goes on past the first line that ends with a document type."""
    text = NOTICE.replace("某某市人民政府办公室\n关于做好2021年度安全生产工作的\n通知", "某某市人民政府办公室关于印发某某市安全生产实施方案\n的\n通知")
    path = tmp_path / "broken-title.txt"
    path.write_text(text, encoding="utf-8")
    ex = process_path(path)
    assert ex.document.title == "某某市人民政府办公室关于印发某某市安全生产实施方案的通知", ex.document.title
    assert ex.document.doc_type == "通知" and ex.document.recipients.startswith("各县（区）人民政府")


def test_markdown_comment_is_no_text() -> None:
    """A real family export (../shared/corpus/families, Chongqing 2016) marks the end of its info block with
    <!-- INFO END -->: it must not end up in the text, the evidence or a cited title."""
    from conftest import need_shared

    path = need_shared("corpus", "families", "npc_deputies_law_implementation", "child_chongqing_2016_npc_deputies_law_implementation_measures.md")
    text = path.read_text(encoding="utf-8")
    assert "<!-- INFO END -->" in text
    lines = [b.text for b in blocks_from_text(text) if hasattr(b, "text")]
    assert not any("<!" in ln or "-->" in ln for ln in lines)
    assert any(ln.startswith("2016年3月31日") for ln in lines), "the line before the comment stays"


def test_a_sharing_sites_paragraph_marks_break_the_lines() -> None:
    # Word's ¶ saved as a Cyrillic "Р" between paragraphs: each heading starts its own line again
    text = "二、时间安排Р本次活动分两个阶段：Р（一）宣传发动阶段（2022年3月1日—3月5日）Р各单位广泛宣传。Р（二）集中整治阶段Р各单位集中清理。"
    lines = [b.text for b in blocks_from_text(text) if isinstance(b, Line)]
    assert lines == ["二、时间安排", "本次活动分两个阶段：", "（一）宣传发动阶段（2022年3月1日—3月5日）", "各单位广泛宣传。", "（二）集中整治阶段", "各单位集中清理。"], lines
    # a text with Russian in it keeps its Р
    russian = "中俄合作项目Р1Р2Р3 Россия"
    assert [b.text for b in blocks_from_text(russian) if isinstance(b, Line)] == [russian]


def test_a_table_set_in_columns_with_spaces_is_read_as_a_table(tmp_path: Path) -> None:
    # a text notice whose attachment table is aligned with runs of spaces (as a PDF saved with its layout)
    text = (
        "某县人民政府办公室关于印发重点工作任务分工的通知\n各乡镇人民政府，县直各单位：\n现将任务分工印发给你们，请认真落实。\n"
        "某县人民政府办公室\n2024年2月20日\n"
        "序号    工作任务                    牵头单位        配合单位              完成时限\n"
        "1       完成污水处理厂提标改造      县住建局        县生态环境分局        2024年6月底前\n"
        "2       新建高标准农田2万亩        县农业农村局    县财政局、县水利局    2024年10月底前\n"
        "本表由县政府督查室负责解释。\n"
    )
    blocks = blocks_from_text(text)
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1 and tables[0].rows[0] == ("序号", "工作任务", "牵头单位", "配合单位", "完成时限"), tables
    assert tables[0].rows[2] == ("2", "新建高标准农田2万亩", "县农业农村局", "县财政局、县水利局", "2024年10月底前")
    assert "本表由县政府督查室负责解释。" in [b.text for b in blocks if isinstance(b, Line)]
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    tasks = process_path(path).tasks
    assert [(t.title, t.lead_unit, t.due_date) for t in tasks] == [
        ("完成污水处理厂提标改造", "县住建局", "2024-06-30"),
        ("新建高标准农田2万亩", "县农业农村局", "2024-10-31"),
    ], tasks
    # a sentence with a wide gap is no table: its header names no columns
    assert not [b for b in blocks_from_text("一、工作目标    到2025年，全县完成改造。\n") if isinstance(b, Table)]


def test_a_column_set_tables_cells_wrapped_onto_indented_lines(tmp_path: Path) -> None:
    """A row whose cells wrap onto indented lines (a PDF saved with its layout counts characters, a table retyped
    in an editor display columns, a wide character two): each piece goes on the cell it stands under, the rows
    after it are read, and a paragraph after the table stays text."""
    by_characters = (
        "序号    任务内容                          牵头单位        配合单位                完成时限\n"
        "1       新建城市公园10个，提升城市        市住建局        市自然资源局、          2023年10月底\n"
        "        绿化品质                                          各县（市、区）政府\n"
        "2       新增公办学位5000个                市教育局        市发展改革委、市财政局  2023年8月底\n"
        "3       改造老旧小区50个，完善            市住建局        各县（市、区）政府      2023年12月底\n"
        "        配套设施\n"
        "\n"
        "　　各地要加强组织领导，确保任务按期完成。\n"
    )
    by_display = (
        "序号  任务内容                  牵头单位    配合单位        完成时限\n"
        "1     新建城市公园10个，提升    市住建局    市自然资源局、  2023年10月底\n"
        "      城市绿化品质                          各县区政府\n"
        "2     新增公办学位5000个        市教育局    市财政局        2023年8月底\n"
    )
    for text, first, numbers in (
        (by_characters, ("1", "新建城市公园10个，提升城市绿化品质", "市住建局", "市自然资源局、各县（市、区）政府", "2023年10月底"), ["1", "2", "3"]),
        (by_display, ("1", "新建城市公园10个，提升城市绿化品质", "市住建局", "市自然资源局、各县区政府", "2023年10月底"), ["1", "2"]),
    ):
        tables = [b for b in blocks_from_text(text) if isinstance(b, Table)]
        assert len(tables) == 1 and tables[0].rows[1] == first, tables
        assert [r[0] for r in tables[0].rows[1:]] == numbers, tables
    tables = [b for b in blocks_from_text(by_characters) if isinstance(b, Table)]
    assert tables[0].rows[3][1] == "改造老旧小区50个，完善配套设施", tables[0].rows[3]
    assert "各地要加强组织领导，确保任务按期完成。" in [b.text.strip("　") for b in blocks_from_text(by_characters) if isinstance(b, Line)]


@pytest.mark.parametrize(
    ("roles", "lines", "cells"),
    [
        # no 配合部门 in this row: the blank is 配合, not 牵头
        (("title", "detail", "lead", "co", "deadline"), ["加强组织领导", "召开动员大会。", "区政府办公室", "2019年3月"], ["加强组织领导", "召开动员大会。", "区政府办公室", "", "2019年3月"]),
        # the merged 任务名称 left out, and a 动员大会 is work, not a unit though it ends like one
        (("title", "detail", "lead", "co", "deadline"), ["召开动员大会", "区政府办公室", "2019年3月"], ["", "召开动员大会", "区政府办公室", "", "2019年3月"]),
        # a 配合部门 cell broken after its 、
        (("title", "detail", "lead", "co", "deadline"), ["召开动员大会。", "区政府办公室", "区财政局、", "区民政局", "2019年"], ["", "召开动员大会。", "区政府办公室", "区财政局、区民政局", "2019年"]),
        # no 具体内容 column: the task's sentence stands in 工作任务; a merged task left out of the next row
        (("title", "units", "deadline"), ["完善制度建设。", "市发展改革委"], ["完善制度建设。", "市发展改革委", ""]),
        (("title", "units", "deadline"), ["市发展改革委", "2024年底前"], ["", "市发展改革委", "2024年底前"]),
    ],
    ids=["no-co", "merged-title", "broken-co", "task-is-sentence", "merged-task"],
)
def test_cell_per_line_rows_are_matched_to_their_columns(roles: tuple[str, ...], lines: list[str], cells: list[str]) -> None:
    from pipeline.ingest.cell_lines import align_cells

    assert align_cells(roles, lines) == cells


def test_a_sentence_among_units_refuses_the_row() -> None:
    from pipeline.ingest.cell_lines import align_cells

    assert align_cells(("lead", "deadline"), ["请各单位认真落实。", "附件2"]) is None


def test_stray_control_characters_are_dropped(tmp_path: Path) -> None:
    # an export that left a NUL and a BEL inside the title and the 文号 (too few to be a binary file): they
    # are no part of the title, the number or the normalised text
    path = tmp_path / "stray.txt"
    path.write_text(NOTICE.replace("安全生产工作的", "安全生产工作的\x00").replace("某政办〔2021〕", "某政办\x07〔2021〕"), encoding="utf-8")
    out = process_path(path)
    assert out.document.title == "某某市人民政府办公室关于做好2021年度安全生产工作的通知", out.document.title
    assert out.document.doc_number == "某政办〔2021〕12号", out.document.doc_number
    assert not any(ch in out.text for ch in "\x00\x07"), out.text[:80]


def test_a_tab_table_with_group_rows_gives_no_header_row_and_no_filled_group_row(tmp_path: Path) -> None:
    """苏府〔2024〕33号's 任务清单 as a text export (tab-separated): the 领域 and 牵头责任部门 cells a merged cell spanned
    are filled from the row above, but a group's heading row ("一、实施设备更新行动" and blanks) takes nothing from the
    header above it and gives nothing to the row under it, so the header is no task and no task is counted twice."""
    f = tmp_path / "suzhou_tasks.txt"
    f.write_text(
        "附件1\n2024年苏州市推动大规模设备更新和消费品以旧换新任务清单\n"
        "序号\t领域\t2024年推进任务\t牵头责任部门\n"
        "一、实施设备更新行动\t\t\t\n"
        "1\t工业\t组织实施技术改造项目1000个以上。\t市工信局\n"
        "2\t\t新建10家绿色工厂、2家绿色供应链管理企业、1个绿色园区和15个（近）零碳园区（企业）试点。\t市工信局、市发改委\n"
        "11\t交通运输\t编制完成G1521常嘉高速和G1521常台高速智慧化扩容技术改造方案。\t市交通局\n"
        "12\t\t完成改造港口储罐1个。\t\n"
        "13\t\t新增和更新新能源城市公交车辆200辆\t\n"
        "二、实施消费品以旧换新行动\t\t\t\n"
        "20\t车辆\t开展2024年汽车“以旧换新”及购车补贴活动，财政补贴资金1亿元。\t市商务局\n",
        encoding="utf-8",
    )
    rows = [(t.title, t.units) for t in process_path(f).tasks]
    assert rows == [
        ("组织实施技术改造项目1000个以上", "市工信局"),
        ("新建10家绿色工厂、2家绿色供应链管理企业、1个绿色园区和15个（近）零碳园区（企业）试点", "市工信局；市发改委"),
        ("编制完成G1521常嘉高速和G1521常台高速智慧化扩容技术改造方案", "市交通局"),
        ("完成改造港口储罐1个", "市交通局"),
        ("新增和更新新能源城市公交车辆200辆", "市交通局"),
        ("开展2024年汽车“以旧换新”及购车补贴活动，财政补贴资金1亿元", "市商务局"),
    ], rows


def test_a_tab_table_row_holding_only_its_measure_takes_the_merged_cells_above(tmp_path: Path) -> None:
    """A task table exported with tabs, one 工作措施 per row under a 重点任务, 牵头单位 and 完成时限 written once: the
    row that holds only its measure ("\\t\\t制定工作方案。\\t\\t") is a task of the cells above, unlike a group's
    heading row, which holds only its first cell."""
    f = tmp_path / "measures.txt"
    f.write_text(
        "序号\t重点任务\t工作措施\t牵头单位\t完成时限\n"
        "1\t加强组织领导\t建立工作专班。\t区发改委\t2024年6月底前\n"
        "\t\t制定工作方案。\t\t\n"
        "2\t完善政策\t出台支持政策。\t区财政局\t2024年12月底前\n",
        encoding="utf-8",
    )
    rows = [(t.title, t.detail, t.units, t.deadline_text) for t in process_path(f).tasks]
    assert rows[1] == ("加强组织领导", "制定工作方案。", "区发改委", "2024年6月底前"), rows
    assert len(rows) == 3, rows
