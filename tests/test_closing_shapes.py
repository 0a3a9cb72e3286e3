"""The end of a notice (署名, 成文日期, GB/T 9704 §7.3.5) as plain-text copies lay it out. Each on a short
notice written here (not taken from any site)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from notice_helpers import process_text
from pipeline.model import DocumentRow


def document(tmp_path: Path, text: str) -> DocumentRow:
    return process_text(tmp_path, text).document


def test_an_organisation_named_last_in_the_body_is_no_joint_signer(tmp_path: Path) -> None:
    # the ranking list ends with a unit's name; two blank lines set the 署名 block apart from it
    text = (
        "关于第二季度全县环境卫生整治情况的通报\n各乡镇人民政府，县直各单位：\n现将督查情况通报如下：\n"
        "1、单位末位排名\n文化馆 供销社\n2、职能单位末位排名\n林业局\n\n\n"
        "宕昌县环境卫生整治领导小组办公室\n2021年7月9日\n"
    )
    d = document(tmp_path, text)
    assert d.issuer == "宕昌县环境卫生整治领导小组办公室", d.issuer
    assert d.signed_date == "2021-07-09", d.signed_date


def test_joint_signers_spaced_as_evenly_as_their_date(tmp_path: Path) -> None:
    # a web page's copy puts a blank line between every line: the signers stay one block
    text = (
        "关于开展春季植树活动的通知\n\n各乡镇党委、人民政府：\n\n现就开展春季植树活动通知如下。\n\n"
        "中共宕昌县委办公室\n\n宕昌县人民政府办公室\n\n2021年3月1日\n"
    )
    d = document(tmp_path, text)
    assert d.issuer == "中共宕昌县委办公室；宕昌县人民政府办公室", d.issuer


def test_a_layout_text_with_joint_issuers_side_by_side(tmp_path: Path) -> None:
    # a PDF saved as text with its layout: the issuers side by side over the title and in the 署名, blank lines
    # above the 署名 line (both organisations sit on that one line, so both are signers)
    text = (
        "          甘肃省农业农村厅 甘肃省财政厅\n\n          关于印发 2024-2026 年甘肃省农机\n\n"
        "             购置补贴实施方案的通知\n\n各市、州农业农村局、财政局：\n"
        "  现将《2024—2026 年甘肃省农机购置补贴实施方案》印发给你们，请遵照执行。\n\n\n\n"
        "   甘肃省农业农村厅         甘肃省财政厅\n                         2024 年 7 月 1 日\n"
    )
    d = document(tmp_path, text)
    assert d.title == "甘肃省农业农村厅 甘肃省财政厅关于印发2024-2026年甘肃省农机购置补贴实施方案的通知", d.title
    assert d.issuer == "甘肃省农业农村厅；甘肃省财政厅", d.issuer
    assert d.signed_date == "2024-07-01", d.signed_date


def test_a_minutes_print_line_ending_with_its_print_mark(tmp_path: Path) -> None:
    # a 纪要 closes with its distribution and "<office> <date>印" (GB/T 9704 §7.4.3 writes 印发; a bureau's
    # minutes print 印 alone): the office printed it on that date
    text = (
        "8月13日下午，市住建局局长主持召开局长办公会。现纪要如下：\n会议原则同意《某市扶持建筑业骨干企业发展实施方案》。\n"
        "会议要求，要加强督导调度，加快工作进度。\n本期发：局领导，局机关各科室，局属各单位。\n某市住房和城乡建设局办公室 2021年8月16日印\n"
    )
    d = document(tmp_path, text)
    assert (d.printer, d.issued_date) == ("某市住房和城乡建设局办公室", "2021-08-16"), d


def test_a_print_line_broken_after_its_printer(tmp_path: Path) -> None:
    # a web page's copy sets the 印发机关 and "…日印发" on lines of their own (§7.4.3 prints them on one)
    text = (
        "己区规划和自然资源局转发《己市建设工程设计方案规划公示规定》的通知\n\n局属各部门：\n\n"
        "现将《己市建设工程设计方案规划公示规定》转发你们，请遵照执行。\n\n己市己区规划和自然资源局\n\n2024年6月25日\n\n"
        "己市建设工程设计方案规划公示规定\n\n第一条 为了加强城乡规划管理，制定本规定。\n\n"
        "己区规划和自然资源局办公室\n\n2024年6月26日印发\n"
    )
    d = document(tmp_path, text)
    assert (d.printer, d.issued_date) == ("己区规划和自然资源局办公室", "2024-06-26"), d
    assert (d.issuer, d.signed_date) == ("己市己区规划和自然资源局", "2024-06-25"), d


def test_copy_lists_above_and_below_the_cc_line_and_a_print_run(tmp_path: Path) -> None:
    # an older 版记: copies to the offices above (抄报), the 抄送 list, a party 文件's 分送 list, then the print
    # line with its print run (GB/T 9704-1999 印数); all three lists are the copies, none keeps its label, and
    # the print line still names the printer and the date
    text = (
        "某县人民政府办公室关于做好防汛工作的通知\n某政办发〔2012〕21号\n各乡镇人民政府，县直各单位：\n"
        "现就做好今年防汛工作通知如下。\n某县人民政府办公室\n2012年5月12日\n"
        "抄报：市政府办公室，市防汛抗旱指挥部。\n抄送：县委办公室，县人大常委会办公室。\n分送：县水务局，县应急管理局。\n"
        "某县人民政府办公室 2012年5月12日印发 共印120份\n"
    )
    d = document(tmp_path, text)
    assert d.cc == "市政府办公室；市防汛抗旱指挥部；县委办公室；县人大常委会办公室；县水务局；县应急管理局", d.cc
    assert (d.printer, d.issued_date) == ("某县人民政府办公室", "2012-05-12"), (d.printer, d.issued_date)
    assert d.signed_date == "2012-05-12" and d.issuer == "某县人民政府办公室", (d.signed_date, d.issuer)


def test_an_older_record_with_subject_terms(tmp_path: Path) -> None:
    # a 2012 notice's 版记 under GB/T 9704-1999: 主题词 over the 抄送 line (the terms set apart with spaces stay
    # apart: one term each, as the 抄送 list) and a 抄送 list broken over two lines
    text = (
        "某县人民政府办公室关于做好防汛工作的通知\n某政办发〔2012〕21号\n各乡镇人民政府：\n现就做好防汛工作通知如下。\n"
        "某县人民政府办公室\n2012年5月12日\n主题词：防汛 通知\n抄送：县委办公室，县人大常委会办公室，\n县政协办公室。\n"
        "某县人民政府办公室　　　　　　2012年5月12日印发\n"
    )
    ex = process_text(tmp_path, text)
    d = ex.document
    assert d.subject_terms == "防汛；通知" and d.cc == "县委办公室；县人大常委会办公室；县政协办公室", (d.subject_terms, d.cc)
    start, end, _ = json.loads(d.evidence)["subject_terms"]
    assert ex.text[start:end] == "防汛，通知"


def test_a_cc_label_printed_alone_over_its_list(tmp_path: Path) -> None:
    # a layout that sets "抄送：" in its own cell or line, the list under it: the list is the cc, not body text
    text = (
        "某县人民政府办公室关于做好防汛工作的通知\n某政办发〔2012〕21号\n各乡镇人民政府：\n现就做好防汛工作通知如下。\n"
        "某县人民政府办公室\n2012年5月12日\n抄送：\n县委办公室，县人大常委会办公室。\n某县人民政府办公室 2012年5月12日印发\n"
    )
    ex = process_text(tmp_path, text)
    assert ex.document.cc == "县委办公室；县人大常委会办公室", ex.document.cc
    start, end, _ = json.loads(ex.document.evidence)["cc"]
    assert ex.text[start:end] == "县委办公室，县人大常委会办公室。", ex.text[start:end]


def test_the_printers_place_is_the_region_of_a_page_without_its_head(tmp_path: Path) -> None:
    """A page that kept the body and 版记 of a district's 通报 but not its head: the 印发机关 is the issuer's own
    office (GB/T 9704 §7.4.3), so its place is the document's region; no issuer is guessed from it."""
    out = process_text(
        tmp_path,
        "各镇人民政府、街道办事处，区各有关单位：\n今年以来，我区全面开展移动村通工程建设，按时保质完成了建设任务。\n"
        "区政府决定对区规划分局、瑶溪镇给予通报表彰。\n二○○七年十二月十三日\n主题词：村通工程 表彰 通报\n"
        "温州市龙湾区人民政府办公室 2007年12月13日印发\n",
    )
    d = out.document
    assert (d.region_province, d.region_city, d.region_county, d.admin_level) == ("浙江省", "温州市", "龙湾区", "county"), d
    assert d.issuer == "" and d.printer == "温州市龙湾区人民政府办公室", d
    start, end, _ = json.loads(d.evidence)["region"]
    assert out.text[start:end] == "温州市龙湾区人民政府办公室", out.text[start:end]


@pytest.mark.parametrize("written", ["2023.3.6", "2023-03-06", "2023/3/6"])
def test_a_signing_date_a_web_copy_prints_with_points_or_hyphens(tmp_path: Path, written: str) -> None:
    """A web copy may print the 成文日期 under the 署名 as "2023.3.6" or "2023-03-06": it is the 成文日期, and
    no limit of the body."""
    x = process_text(tmp_path, f"某县人民政府关于表彰2022年度安全生产先进单位的决定\n\n某政发〔2023〕10号\n\n各乡镇人民政府，县直各单位：\n"
                               f"2022年，全县安全生产形势总体平稳。\n\n某县人民政府\n{written}\n")
    assert (x.document.issuer, x.document.signed_date) == ("某县人民政府", "2023-03-06"), x.document
    assert x.deadlines == [], x.deadlines


def test_a_signature_with_its_seal_noted_after_it(tmp_path: Path) -> None:
    """A copy without the seal notes where it goes after the 署名 ("某某县统计局（盖章）"): the note is no part of
    the issuer's name."""
    d = document(tmp_path, "关于开展2023年度统计执法检查的通知\n\n各乡镇人民政府，县直各单位：\n根据工作安排，县统计局将于2023年6月开展统计执法检查。\n\n"
                           "某某县统计局（盖章）\n2023年5月10日\n")
    assert (d.issuer, d.signed_date) == ("某某县统计局", "2023-05-10"), d


def test_a_signature_and_date_side_by_side_before_an_empty_cells_bar(tmp_path: Path) -> None:
    # a consultation page copied from its layout table: the 署名 and the 成文日期 share a line that ends in the bar
    # of an empty cell ("某县自然资源和规划局 2024年1月30日 |"); the bar is no part of either
    text = "关于征求禁猎区通告意见的公告\n有关单位和各界人士可在2024年2月8日前提出意见建议。\n某县自然资源和规划局 2024年1月30日 |\n"
    d = document(tmp_path, text)
    assert (d.issuer, d.signed_date) == ("某县自然资源和规划局", "2024-01-30"), (d.issuer, d.signed_date)
