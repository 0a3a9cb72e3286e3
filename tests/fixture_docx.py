"""Fixture notices that are Word files, built here with python-docx (no binaries committed). Each builder
writes tests/fixtures/notices-style content whose gold answers are in tests/fixtures/gold/<doc_id>.json."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import RGBColor


def _table(d: Document, rows: list[list[str]]) -> object:
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            t.cell(i, j).text = v
    return t


def build_gs_lintao_fangan(path: Path) -> Path:
    """甘肃 county government office: 实施方案 issued by a 通知, a domain -> department table with variant
    domain names (two domains in one cell, two units in one cell), a task table with 牵头单位/配合单位/完成时限
    and a vertically merged 工作任务 cell, 〇 in the 成文日期."""
    d = Document()
    p = d.add_paragraph()
    r = p.add_run("临洮县人民政府办公室文件")
    r.font.color.rgb = RGBColor(0xE6, 0x00, 0x12)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("临政办发〔2021〕17号").alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("临洮县人民政府办公室关于印发临洮县全面推进基层政务公开标准化规范化工作实施方案的通知").alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("各乡镇人民政府，县政府各部门，县直各单位：")
    d.add_paragraph("《临洮县全面推进基层政务公开标准化规范化工作实施方案》已经县政府同意，现印发给你们，请结合实际，认真贯彻落实。")
    d.add_paragraph("临洮县人民政府办公室").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    d.add_paragraph("二〇二一年三月十五日").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    d.add_paragraph("（此件公开发布）")
    d.add_paragraph("临洮县全面推进基层政务公开标准化规范化工作实施方案").alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text in (
        "为贯彻落实《甘肃省人民政府办公厅关于印发甘肃省全面推进基层政务公开标准化规范化工作实施方案的通知》（甘政办发〔2020〕48号）精神，结合我县实际，制定本方案。",
        "一、工作目标",
        "到2021年底，全面完成26个试点领域政务公开事项标准目录编制工作。",
        "二、工作任务",
        "（一）编制公开事项标准目录。各责任单位对照试点领域标准指引，按照附件1分工，编制完成本领域政务公开事项标准目录。",
        "（二）推进重点任务落实。按照附件2分工推进各项工作。",
        "三、工作要求",
        "（一）加强组织领导。",
        "（二）严格督查考核。县政府办每半年对各单位工作推进情况进行督查。",
        "附件：1．临洮县试点领域政务公开标准目录编制责任分工",
        "2．临洮县基层政务公开重点任务分工",
        "附件1",
    ):
        d.add_paragraph(text)
    d.add_paragraph("临洮县试点领域政务公开标准目录编制责任分工").alignment = WD_ALIGN_PARAGRAPH.CENTER
    _table(d, [
        ["序号", "试点领域", "责任单位"],
        ["1", "国土空间规划", "县自然资源局"],
        ["2", "农村集体土地征收", "县自然资源局"],
        ["3", "重大建设项目、公共资源交易", "县发展和改革局"],
        ["4", "生态环境", "定西市生态环境局临洮分局"],
        ["5", "就业创业", "县人力资源和社会保障局"],
        ["6", "卫生健康", "县卫生健康局"],
        ["7", "国有土地上房屋征收与补偿", "县住房和城乡建设局"],
        ["8", "公共文化服务", "县文体广电和旅游局"],
        ["9", "扶贫", "县乡村振兴局"],
        ["10", "食品药品监管", "县市场监督管理局"],
        ["11", "救灾", "县应急管理局"],
        ["12", "涉农补贴", "县农业农村局、县财政局"],
    ])
    d.add_paragraph("附件2")
    d.add_paragraph("临洮县基层政务公开重点任务分工").alignment = WD_ALIGN_PARAGRAPH.CENTER
    t = _table(d, [
        ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
        ["1", "规范公开流程", "县政府办", "各乡镇人民政府", "2021年6月"],
        ["2", "", "县政务服务中心", "县政府各部门", "2021年下半年"],
        ["3", "推进基层政务公开向村（社区）延伸", "各乡镇人民政府", "县民政局", "2021年12月31日"],
        ["4", "加强政务公开培训", "县政府办", "—", "每年"],
    ])
    t.cell(1, 1).merge(t.cell(2, 1))  # vMerge: one 工作任务 over two rows
    d.save(str(path))
    return path


BUILDERS: dict[str, Callable[[Path], Path]] = {
    "gs_lintao_fangan": build_gs_lintao_fangan,
}
