"""Real notices beyond the seeds (../shared/corpus/wild): values a careful reader finds in each, checked
against the source text (北大法宝 .txt exports and crawler Markdown with their own header fields)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.model import Extraction
from pipeline.process import process_path

WILD = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wild"

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def wild() -> dict[str, Extraction]:
    if not WILD.is_dir():
        pytest.skip(f"{WILD} is absent (the ../shared corpus is not mounted next to this repo)")
    files = sorted(WILD.glob("bu_spark/*.txt")) + sorted(WILD.glob("huace/*.md"))
    if not files:
        pytest.skip(f"no .txt/.md notices under {WILD}")
    return {f.stem: process_path(f) for f in files}


def doc(wild: dict[str, Extraction], prefix: str) -> Extraction:
    hits = [v for k, v in wild.items() if k.startswith(prefix)]
    assert len(hits) == 1, f"找不到文档 {prefix}*"
    assert not hits[0].errors, f"{prefix}: 出错 {hits[0].errors}"
    return hits[0]


def deadlines(x: Extraction) -> set[tuple[str, str, str, str, str]]:
    return {(d.text, d.kind, d.start, d.end, d.frequency) for d in x.deadlines}


def refs(x: Extraction) -> set[tuple[str, str]]:
    return {(r.cited_title, r.cited_doc_number) for r in x.references}


def test_haikou_announcement_without_number(wild: dict[str, Extraction]) -> None:
    x = doc(wild, "haikou_shuiwu_2020")
    d = x.document
    assert d.title == "海口市水务局关于2020年2月1日—2020年2月29日生产建设项目水土保持方案审批决定的公告", d.title
    assert (d.issuer, d.doc_number, d.signed_date, d.doc_type) == ("海口市水务局", "", "", "公告"), d
    assert refs(x) == {("中华人民共和国行政复议法", ""), ("中华人民共和国行政诉讼法", "")}, refs(x)
    got = deadlines(x)
    assert ("2020年3月1日－2020年3月31日", "range", "2020-03-01", "2020-03-31", "") in got, got
    # the spans count from the end of the notice period, named with them (its date is not given: no end)
    assert ("自公告期限届满之日起六十日内", "relative", "", "", "") in got and ("自公告期限届满之日起六个月内", "relative", "", "", "") in got, got
    assert {t.anchor for t in x.deadlines if t.kind == "relative"} == {"公告期限届满之日"}, x.deadlines
    assert d.topic == "农业、林业、水利", (d.topic, d.topic_evidence)


def test_xinjiang_pkulaw_export(wild: dict[str, Extraction]) -> None:
    x = doc(wild, "xinjiang_zhijian_2012_24")
    d = x.document
    assert d.title == "新疆维吾尔自治区质监局关于进一步加强新闻宣传工作的通知", d.title
    assert (d.doc_number, d.doc_number_agency, d.doc_number_year, d.doc_number_serial) == ("新质监办发〔2012〕24号", "新质监办发", 2012, 24)
    assert d.issuer == "新疆维吾尔自治区质监局", d.issuer
    assert d.signed_date == "", "通知正文未写成文日期（附件表格中的“年月日”是空白）"
    assert d.recipients == "各地、州、市及米东新区质量技术监督局；区局机关各部、处、室、局；各直属单位", d.recipients
    assert d.attachments.split("；") == [
        "自治区质监局各单位信息宣传联络员登记表",
        "自治区质监局各单位（部门）申请宣传申报单",
        "自治区质监局协助宣传报道通知单",
    ], d.attachments
    assert refs(x) == {
        ("关于自治区质量技术监督系统政务信息工作管理办法补充规定的通知", "新质技监办〔2011〕7号"),
        ("关于印发新疆维吾尔自治区质量技术监督局主要职责内设机构各人员编制规定的通知", "新政办发〔2010〕79号"),
    }, f"附件中的登记表不是引用文件：{refs(x)}"
    got = deadlines(x)
    for want in [
        ("按季度", "recurring", "", "", "quarterly"),
        ("按年度", "recurring", "", "", "yearly"),
        ("3天内", "relative", "", "", ""),
        ("2小时内", "relative", "", "", ""),
        ("4月28前", "by", "", "", ""),  # no year written: no date is made up
        ("2012年4月28日前", "by", "", "2012-04-28", ""),
    ]:
        assert want in got, f"缺少 {want}；实际 {got}"


def test_xinyu_regulation_with_chapters(wild: dict[str, Extraction]) -> None:
    x = doc(wild, "xinyu_yufufa_2012_3")
    d = x.document
    assert d.title == "新余市人民政府办公室关于印发《新余市新余市绿色建筑管理办法》的通知", d.title  # 原文如此
    assert (d.doc_number, d.issuer, d.signed_date) == ("余府发〔2012〕3号", "新余市人民政府办公室", "2012-01-09"), d
    assert d.recipients == "各县（区）人民政府；管委会；市政府各部门；市直各单位", d.recipients
    assert (d.valid_from, d.valid_until) == ("2012-02-01", "2017-01-31"), d.validity_text
    chapters = [(s.label, s.heading) for s in x.sections if s.level == 1]
    assert chapters == [("第一章", "总则"), ("第二章", "设计"), ("第三章", "施工"), ("第四章", "商品房销售与运行管理"), ("第五章", "奖惩"), ("第六章", "附则")], chapters
    articles = [s for s in x.sections if s.label.endswith("条")]
    assert len(articles) == 29 and articles[-1].label == "第二十九条", [s.label for s in articles]
    assert all(s.parent_id for s in articles), "每条都应挂在其章下"
    assert refs(x) == {("中华人民共和国节约能源法", ""), ("公共机构节能条例", ""), ("民用建筑节能条例", "")}, refs(x)
    assert not any(dl.text.startswith("2012年2月1日") for dl in x.deadlines), "有效期条款不是工作时限"
    assert d.topic == "城乡建设、环境保护", (d.topic, d.topic_evidence)


def test_guofa_plan_title_over_two_lines(wild: dict[str, Extraction]) -> None:
    x = doc(wild, "guofa_2021_36")
    d = x.document
    assert d.title == "国务院关于印发“十四五”国家应急体系规划的通知", d.title
    assert (d.doc_number, d.issuer, d.signed_date, d.doc_type) == ("国发〔2021〕36号", "国务院", "2021-12-30", "通知"), d
    assert d.recipients == "各省、自治区、直辖市人民政府；国务院各部委；各直属机构", d.recipients
    assert ("中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要", "") in refs(x), refs(x)
    got = deadlines(x)
    assert ("到2025年", "target", "", "2025-12-31", "") in got and ("到2035年", "target", "", "2035-12-31", "") in got, got
    level1 = [s.heading for s in x.sections if s.level == 1]
    assert level1[0] == "规划背景" and level1[-1] == "组织实施", level1
    assert d.topic == "市场监管、安全生产监管", (d.topic, d.topic_evidence)


def test_miit_guidance(wild: dict[str, Extraction]) -> None:
    x = doc(wild, "miit_gongxinbuxinguan_2025_180")
    d = x.document
    assert d.title == "工业和信息化部关于优化业务准入促进卫星通信产业发展的指导意见", d.title
    assert (d.doc_number, d.issuer, d.signed_date, d.doc_type) == ("工信部信管〔2025〕180号", "工业和信息化部", "2025-08-25", "指导意见"), d
    assert d.recipients.split("；") == [
        "各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化主管部门",
        "各省、自治区、直辖市通信管理局",
        "各相关企业",
    ], d.recipients
    assert ("到2030年", "target", "", "2030-12-31", "") in deadlines(x)
    assert d.topic == "工业、交通", (d.topic, d.topic_evidence)


def test_shanghai_truncated_title_keeps_issuer(wild: dict[str, Extraction]) -> None:
    x = doc(wild, "sh_hufubanfa_2023_19")
    d = x.document
    # the page lost the title's first character; the title is kept as written, the issuer comes from the 署名
    assert d.title.startswith("海市人民政府办公厅关于印发《上海市促进商业航天发展打造空间信息产业高地行动计划"), d.title
    assert (d.doc_number, d.issuer, d.signed_date) == ("沪府办发〔2023〕19号", "上海市人民政府办公厅", "2023-10-24"), d
    assert d.recipients == "各区人民政府；市政府各委、办、局", d.recipients
    assert d.published_date == "2023-10-26", "爬虫头部的发布日期"
    assert ("到2025年", "target", "", "2025-12-31", "") in deadlines(x)


def test_shanghai_inline_responsibility_tags(wild: dict[str, Extraction]) -> None:
    x = doc(wild, "sh_hufubanfa_2025_11")
    d = x.document
    assert d.title == "上海市人民政府办公厅印发《关于进一步深化改革创新加快科技服务业高质量发展的若干意见》", d.title
    assert (d.doc_number, d.issuer, d.signed_date) == ("沪府办发〔2025〕11号", "上海市人民政府办公厅", "2025-05-17"), d
    assert len(x.tasks) == 39, f"原文有39处（责任单位：…），实际 {len(x.tasks)}"
    assert x.tasks[0].units == "市科委；市发展改革委" and x.tasks[0].lead_unit == "市科委", x.tasks[0]
    assert x.tasks[-1].units == "市科委；市统计局", x.tasks[-1]
    assert d.topic == "科技、教育", (d.topic, d.topic_evidence)

    x = doc(wild, "sh_hufubanfa_2025_17")
    assert (x.document.doc_number, x.document.issuer, x.document.signed_date) == ("沪府办发〔2025〕17号", "上海市人民政府办公厅", "2025-09-04")
    assert len(x.tasks) == 20, len(x.tasks)
    assert x.tasks[2].units == "市科委；市经济信息化委；市数据局；市卫生健康委；申康医院发展中心", x.tasks[2]
    assert ("到2027年", "target", "", "2027-12-31", "") in deadlines(x)


def test_shanghai_validity_clause(wild: dict[str, Extraction]) -> None:
    x = doc(wild, "sh_hufubangui_2025_5")
    d = x.document
    assert (d.doc_number, d.signed_date) == ("沪府办规〔2025〕5号", "2025-07-23"), d
    assert (d.valid_from, d.valid_until) == ("2025-08-01", "2030-07-31"), d.validity_text
    assert len(x.tasks) == 9, len(x.tasks)
    assert not any("2030年7月31日" in dl.text for dl in x.deadlines if dl.kind != "validity"), "有效期不是工作时限"
    validity = [(dl.start, dl.end) for dl in x.deadlines if dl.kind == "validity"]
    assert validity == [("2025-08-01", "2030-07-31")], validity
    assert d.topic == "科技、教育", (d.topic, d.topic_evidence)


def test_yangpu_joint_issuers_title_without_issuer(wild: dict[str, Extraction]) -> None:
    x = doc(wild, "sh_hukehe_2025_7")
    d = x.document
    assert d.title == "关于印发《杨“数”浦新质秀带创新区建设方案》的通知", d.title
    assert d.issuer == "上海市科学技术委员会；上海市杨浦区人民政府", d.issuer
    assert (d.doc_number, d.signed_date, d.recipients) == ("沪科合〔2025〕7号", "2025-03-10", "各有关单位"), d
    got = deadlines(x)
    for want in [("至2027年", "target", "", "2027-12-31", ""), ("至2030年", "target", "", "2030-12-31", ""), ("展望2035年", "target", "", "2035-12-31", "")]:
        assert want in got, f"缺少 {want}；实际 {got}"


@pytest.fixture(scope="module")
def pages() -> dict[str, Extraction]:
    if not WILD.is_dir():
        pytest.skip(f"{WILD} is absent (the ../shared corpus is not mounted next to this repo)")
    files = sorted(WILD.glob("zhengcetong/*.html"))
    if not files:
        pytest.skip(f"no HTML pages under {WILD}/zhengcetong")
    return {f.stem: process_path(f) for f in files}


def test_guangzhou_joint_plan_with_lead_co_table(pages: dict[str, Extraction]) -> None:
    x = doc(pages, "gz_weijianwei_suiweihan_2023_1930")
    d = x.document
    # 署名: "广州市卫生健康委员会  广州市财政局" / "广州市人力资源和社会保障局  广州市医疗保障局" / 2023年10月19日
    assert d.issuer == "广州市卫生健康委员会；广州市财政局；广州市人力资源和社会保障局；广州市医疗保障局", d.issuer
    assert (d.doc_number, d.signed_date) == ("穗卫函〔2023〕1930号", "2023-10-19"), d
    table = [t for t in x.tasks if t.source == "table"]
    assert table, "附件2 任务分工表（牵头单位/配合单位）应产生任务"
    first = table[0]
    assert (first.title, first.lead_unit) == ("有序扩大家庭医生来源", "各区政府"), first
    assert "市卫生健康委" in first.units.split("；"), first.units
    assert not any(u == "/" for t in table for u in t.units.split("；")), "“/” 表示空单元格，不是单位"
    # the page cites a number with a real typo (粤办含 for 粤办函): kept as written, never corrected
    assert "粤办含〔2022〕260号" in {r.cited_doc_number for r in x.references}
    assert d.topic == "卫生、体育", (d.topic, d.topic_evidence)


def test_guangzhou_rules_alias_and_validity(pages: dict[str, Extraction]) -> None:
    x = doc(pages, "gz_suifubangui_2021_19")
    d = x.document
    assert (d.doc_number, d.issuer, d.signed_date) == ("穗府办规〔2021〕19号", "广州市人民政府办公厅", "2021-12-01"), d
    # 第十八条 本实施细则自印发之日起施行，有效期5年
    assert (d.valid_from, d.valid_until) == ("2021-12-01", "2026-11-30"), d.validity_text
    by_number = {r.cited_doc_number: r for r in x.references}
    assert by_number["粤府办〔2021〕4号"].alias == "省办法", by_number["粤府办〔2021〕4号"]
    assert "办法" not in {r.cited_title for r in x.references}, "省《办法》 is the alias used again"
    assert {"国发〔2014〕47号", "穗府办规〔2019〕13号", "穗府办规〔2019〕14号"} <= set(by_number), set(by_number)
    assert d.topic == "民政、扶贫、救灾", (d.topic, d.topic_evidence)


def test_map_only_attachment_is_reported_not_extracted() -> None:
    """The Yangpu plan's map attachment (a PDF holding a figure and its caption) is not a notice."""
    from conftest import need_shared
    from pipeline.process import process_path

    ex = process_path(need_shared("corpus", "wild", "huace", "sh_hukehe_2025_7_attachment_spatial_layout_map.pdf"))
    assert ex.errors and "holds no notice" in ex.errors[0].error, [e.error for e in ex.errors]
    assert ex.document.pages == 1 and not ex.tasks and not ex.deadlines
