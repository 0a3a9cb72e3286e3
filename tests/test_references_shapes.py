"""Cited documents on real shapes (issue 12): forms are no documents, a notice does not cite itself, a title
it carries out is cited, orders get one canonical key."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract.references import _is_own, canonical_number
from pipeline.model import ReferenceRow
from pipeline.process import process_path


def _references(tmp_path: Path, text: str) -> list[ReferenceRow]:
    """The references of a notice written here as a text file."""
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    return process_path(path).references


@pytest.mark.parametrize(
    ("title", "own", "expected"),
    [
        ("国务院关于X的意见", "广州市人民政府关于贯彻落实《国务院关于X的意见》的实施意见", False),
        ("苏州市养老服务设施布局专项规划（征求意见稿）", "苏州市自然资源和规划局关于征求《苏州市养老服务设施布局专项规划（征求意见稿）》意见的函", True),
        ("2024—2026年海南省农机购置与应用补贴实施方案", "海南省农业农村厅海南省财政厅关于印发2024-2026年海南省农机购置与应用补贴实施方案的通知", True),
        ("实施方案", "关于印发某某实施方案的通知", True),
        ("中华人民共和国政府信息公开条例", "关于印发某某实施方案的通知", False),
    ],
    ids=["carried-out-is-cited", "own-draft", "issued-plan-dash", "issued-short-name", "unrelated"],
)
def test_own_title(title: str, own: str, expected: bool) -> None:
    assert _is_own(title, own) is expected


@pytest.mark.parametrize(
    ("number", "province", "city", "key"),
    [
        ("省政府令第181号", "广东省", "", "广东省人民政府令第181号"),
        ("广东省人民政府令第181号", "广东省", "广州市", "广东省人民政府令第181号"),
        ("广东省政府令第181号", "", "", "广东省人民政府令第181号"),
        ("市政府令第5号", "广东省", "广州市", "广州市人民政府令第5号"),
        ("省政府令第181号", "", "", "省政府令第181号"),
        ("国务院令第707号", "", "", "国务院令第707号"),
    ],
    ids=["short-province", "full", "no-renmin", "short-city", "place-unknown", "state-council"],
)
def test_canonical_order_numbers(number: str, province: str, city: str, key: str) -> None:
    assert canonical_number(number, province=province, city=city) == key


def test_forms_and_shared_words(tmp_path: Path) -> None:
    f = tmp_path / "n.txt"
    f.write_text(
        "广州市人民政府办公厅关于印发广州市公共租赁住房管理办法的通知\n穗府办规〔2024〕13号\n各区人民政府，市政府各部门：\n"
        "现将《广州市公共租赁住房管理办法》印发给你们，请认真贯彻执行。\n"
        "第一条 根据《公共租赁住房管理办法》（住房城乡建设部令第11号）、《广东省城镇住房保障办法》（省政府令第181号），制定本办法。\n"
        "第二条 申请人应填写《公共租赁住房申请表》，并提交《法定代表人授权书》和《新生录取通知书》复印件。\n"
        # (渝商务〔2025〕22号: an invoice is a paper to hand in, not a document)
        "第三条 仅部分取得《报废机动车回收证明》《机动车注销证明》《机动车销售统一发票》《机动车登记证书》等4类证明的，不给予补贴。\n"
        "广州市人民政府办公厅\n2024年7月26日\n",
        encoding="utf-8",
    )
    x = process_path(f)
    got = sorted((r.cited_title, r.cited_doc_number) for r in x.references)
    assert got == [("公共租赁住房管理办法", "住房城乡建设部令第11号"), ("广东省城镇住房保障办法", "广东省人民政府令第181号")], got


def test_a_document_type_alone_in_book_marks_is_a_short_name_not_a_citation() -> None:
    """"落实《若干措施》要求" after the full title was named: 《若干措施》 (likewise 《条例》, 《方案》) is the short
    name of a document cited in full elsewhere, not one more cited document."""
    import hashlib

    from pipeline.ingest.text import blocks_from_text
    from pipeline.model import SourceDocument
    from pipeline.process import process_source

    body = (
        "关于落实前沿技术若干措施的通知\n各区人民政府：\n"
        "为贯彻《关于加快推动前沿技术创新与未来产业培育的若干措施》，现就有关事项通知如下。\n"
        "一、各区要落实《若干措施》要求，依照《条例》做好信息公开。\n"
    )
    src = SourceDocument(doc_id="short", source="short.txt", format="text", sha256=hashlib.sha256(body.encode()).hexdigest(), blocks=tuple(blocks_from_text(body)))
    titles = [r.cited_title for r in process_source(src).references]
    assert titles == ["关于加快推动前沿技术创新与未来产业培育的若干措施"], titles


def test_the_short_name_of_what_the_notice_issues_is_no_citation(tmp_path: Path) -> None:
    """"制定了《辰县…抽查工作计划》（以下简称《年度工作计划》）。现印发给你们": the plan is what the notice issues,
    so neither it nor its short name is a document it cites."""
    text = (
        "关于印发辰县市场监管领域2024年度部门联合抽查工作计划的通知\n联办字〔2024〕2号\n各成员单位：\n"
        "根据《安徽省市场监管领域部门联合抽查实施办法》，我办牵头制定了《辰县市场监管领域2024年度部门联合抽查工作计划》"
        "（以下简称《年度工作计划》）。现印发给你们，请按照《年度工作计划》抓好组织实施。\n"
    )
    refs = _references(tmp_path, text)
    assert [r.cited_title for r in refs] == ["安徽省市场监管领域部门联合抽查实施办法"], refs



def test_the_short_name_of_a_plan_the_writer_drew_up_is_no_citation(tmp_path: Path) -> None:
    """上海's 督察整改 report: "制订《上海市贯彻落实…整改方案》（以下简称《整改方案》）" names the writer's own plan (after 制订,
    no citation), so its short name, in the bracket and later, is none either (it was a citation of 《整改方案》)."""
    text = (
        "上海市关于贯彻落实督察反馈意见整改情况的报告\n上海市委、市政府高度重视生态环境保护工作，根据督察组反馈意见，"
        "制订《上海市贯彻落实中央生态环境保护督察反馈意见整改方案》（以下简称《整改方案》）。全市上下狠抓整改落实。\n"
        "一、总体情况\n按照要求公开督察组向上海市反馈督察情况和《整改方案》，落实《中华人民共和国水污染防治法》。\n"
        "中共上海市委\n2021年11月19日\n"
    )
    refs = _references(tmp_path, text)
    assert [r.cited_title for r in refs] == ["中华人民共和国水污染防治法"], refs


def test_a_number_pointed_at_with_jian_in_its_bracket(tmp_path: Path) -> None:
    """海政发〔2024〕8号: "《2030年前碳达峰行动方案》（见国发〔2021〕23号）及《北京市碳达峰实施方案》（见京政发〔2022〕31号）": 见 points
    at the number; it is no first character of the city's 代字 (it gave 见京政发〔2022〕31号)."""
    text = (
        "北京市海淀区人民政府关于印发碳达峰实施方案的通知\n海政发〔2024〕8号\n各相关单位：\n"
        "落实《2030年前碳达峰行动方案》（见国发〔2021〕23号）及《北京市碳达峰实施方案》（见京政发〔2022〕31号）相关要求，特制定本实施方案。\n"
    )
    refs = _references(tmp_path, text)
    assert [r.cited_doc_number for r in refs] == ["国发〔2021〕23号", "京政发〔2022〕31号"], refs

def test_a_title_broken_over_two_lines_is_cited_whole(tmp_path: Path) -> None:
    """A hard-wrapped PDF text breaks 《关于加强新时代\\n街道工作的意见》 (石景山区, 2019): one title, no line break in it."""
    text = (
        "巳区街道工作任务分解方案\n"
        "为贯彻落实全市街道工作会议精神及《关于加强新时代\n街道工作的意见》相关要求，现结合巳区实际，制定如下任务分解方案。\n"
    )
    refs = _references(tmp_path, text)
    assert [r.cited_title for r in refs] == ["关于加强新时代街道工作的意见"], refs


def test_what_a_titleless_page_issues_under_its_short_name_is_no_citation(tmp_path: Path) -> None:
    """A page copy without the notice's title (after 菏政办字〔2023〕1号, written here): "现将《X》（以下简称
    《方案》）印发给你们" issues X, so X is no citation; "《Y》（以下简称《意见》）印发以来" names an earlier
    document, which is cited."""
    text = (
        "午政办字〔2023〕1号\n各县区人民政府，市政府各部门：\n"
        "为深入贯彻落实《国务院关于支持午地发展的意见》（国发〔2022〕18号），经市政府同意，现将《午市推动高质量发展分工落实方案》"
        "（以下简称《方案》）印发给你们，请认真贯彻实施。\n"
        "自《午省推动高质量发展的实施意见》（以下简称《意见》）印发以来，各县区积极推进，取得明显成效。\n"
    )
    refs = _references(tmp_path, text)
    assert [r.cited_title for r in refs] == ["国务院关于支持午地发展的意见", "午省推动高质量发展的实施意见"], refs


def test_a_cited_title_gets_its_own_book_marks_back(tmp_path: Path) -> None:
    # inside 《》 a quoted title prints its inner marks as 〈〉; cited alone it carries 《》, as its document does
    text = (
        "庚市人民政府办公室关于做好政务公开工作的通知\n各区人民政府：\n"
        "根据《省人民政府办公厅关于印发〈省政务公开工作要点〉的通知》（辛政办发〔2023〕9号）要求，现就有关事项通知如下。\n"
    )
    refs = _references(tmp_path, text)
    assert [(r.cited_title, r.cited_doc_number) for r in refs] == [("省人民政府办公厅关于印发《省政务公开工作要点》的通知", "辛政办发〔2023〕9号")], refs


def test_a_notice_cited_without_its_own_book_marks_gives_its_number_to_the_title_it_issued(tmp_path: Path) -> None:
    """后湖管理区清洁家园行动方案 (2025) cites "省社会工作部、农业农村厅关于印发《运用…行动方案》的通知(鄂社〔2024〕4号)":
    the notice's number follows 的通知, not the book title; it is the number of the text cited, one row, not a
    title row and a number row of its own."""
    refs = _references(
        tmp_path,
        "后湖管理区清洁家园行动方案\n\n为全面提升农村人居环境质量，根据省社会工作部、农业农村厅关于印发《运用共同缔造理念和方法开展"
        "“清洁家园”行动方案》的通知(鄂社〔2024〕4号)精神，决定组织开展“清洁家园”行动，制定本方案。\n\n一、重点任务\n\n（一）清理农村全域无垃圾。\n",
    )
    assert [(r.cited_title, r.cited_doc_number) for r in refs] == [("运用共同缔造理念和方法开展“清洁家园”行动方案", "鄂社〔2024〕4号")], refs
    # a title the notice's kind does not follow keeps the bracket after the kind for no one
    refs = _references(tmp_path, "关于做好防汛工作的通知\n\n各乡镇：\n\n请对照《防汛工作手册》的要求(2024年修订)开展自查。\n")
    assert [(r.cited_title, r.cited_doc_number) for r in refs] == [("防汛工作手册", "")], refs


def test_a_law_sites_note_on_a_cited_law_is_no_citation(tmp_path: Path) -> None:
    """A law site puts its own note after a law the notice cites ("《…条例》【已廢止，最新為：《…條例》】"): the note
    and the law it names are the site's, so they leave the text and the citations; the notice's citation stays."""
    path = tmp_path / "notice.txt"
    path.write_text(
        "貴州省人民政府辦公廳關于印發貴州省省級財政專項資金管理辦法的通知\n黔府辦發〔2012〕34號\n各市、自治州人民政府：\n"
        "現將《貴州省省級財政專項資金管理辦法》印發給你們，請遵照執行。\n"
        "第一條 為規范省級財政專項資金管理，根據《中華人民共和國預算法》和《貴州省省級預算審查監督條例》【已廢止，最新為：《貴州省預算審查監督條例》】，制定本辦法。\n",
        encoding="utf-8",
    )
    out = process_path(path)
    titles = [r.cited_title for r in out.references]
    assert titles == ["中华人民共和国预算法", "贵州省省级预算审查监督条例"], titles
    assert "已废止" not in out.text and "条例》，制定本办法" in out.text


def test_a_later_mention_gives_the_short_name_and_number_the_first_lacked(tmp_path: Path) -> None:
    """A regulation named first in a plan's own title line and given its 以下简称 in the first sentence (宝山区's
    垃圾分类 plan, 2019), a plan cited bare and then with its number: one row each, with the short name and the
    number, and the evidence of the mention that gave them."""
    text = (
        "关于印发推进全程分类体系建设实施方案的通知\n\n各镇人民政府：\n\n现将实施方案印发给你们，请认真按照执行。\n\n"
        "上海市宝山区人民政府办公室\n\n2019年5月5日\n\n关于贯彻《上海市生活垃圾管理条例》推进全程分类体系建设的实施方案\n\n"
        "为全面贯彻落实《上海市生活垃圾管理条例》（以下简称《条例》），有序推进本区生活垃圾全程分类体系建设。"
        "按照《上海市生活垃圾全程分类体系建设行动计划》要求，对照《上海市生活垃圾全程分类体系建设行动计划》（沪府办〔2018〕38号）逐项落实。\n"
    )
    refs = {r.cited_title: r for r in _references(tmp_path, text)}
    law = refs["上海市生活垃圾管理条例"]
    assert law.alias == "条例", law
    assert "以下简称《条例》" in law.evidence, law.evidence
    plan = refs["上海市生活垃圾全程分类体系建设行动计划"]
    assert plan.cited_doc_number == "沪府办〔2018〕38号", plan
    assert len(refs) == 2, sorted(refs)


def test_several_titles_issued_in_a_row_are_no_citations_also_when_named_again(tmp_path: Path) -> None:
    """沁县's 2025 task notice issues three lists in one sentence, titles side by side with no 和 between them
    ("现将《A》《B》《C》印发给你们"), then names two of them again below ("《B》细化15项具体任务", "《2025年C》明确40项"):
    none is a citation (they were two rows of references); a title cited in the same notice still is one."""
    text = (
        "沁县人民政府办公室关于印发《2025年县<政府工作报告>任务分解》等的通知\n"
        "县示范区管委会，各乡、镇人民政府，县直各有关单位：\n"
        "经县政府同意，现将《2025年县<政府工作报告>任务分解》《2025年十五件民盼实事任务分解》《县政府重点工作任务分解》印发给你们。请各单位认真对照，迅速行动，抓好落实。\n"
        "一、责任到人，闭环管理。《2025年十五件民盼实事任务分解》细化15项具体任务；《2025年县政府重点工作任务分解》明确40项具体任务。"
        "各单位要按照《山西省政府督查工作规定》抓好落实。\n"
        "沁县人民政府办公室\n2025年5月18日\n"
    )
    assert [r.cited_title for r in _references(tmp_path, text)] == ["山西省政府督查工作规定"]
