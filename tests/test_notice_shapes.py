"""Shapes of notices beyond the seeds, each on a short notice written here (not taken from any corpus)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from notice_helpers import process_text as run
from pipeline.model import Extraction, TaskRow
from pipeline.process import process_path


def task_rows(tasks: list[TaskRow]) -> list[tuple[str, str, str, str]]:
    """The tasks as an analyst checks them: title, units, lead unit, due date."""
    return [(t.title, t.units, t.lead_unit, t.due_date) for t in tasks]


def table_notice(tmp_path: Path, name: str, table_rows: str) -> Extraction:
    """A municipal 印发 notice page whose attachment is the given HTML table rows (written here, not taken from
    any site)."""
    html = (
        "<html><body><p>子市人民政府办公室关于印发子市2024年重点工作分工方案的通知</p><p>子政办发〔2024〕3号</p>"
        "<p>各区人民政府，市政府各部门：</p><p>现将《子市2024年重点工作分工方案》印发给你们，请认真抓好落实。</p>"
        f"<p>子市人民政府办公室</p><p>2024年2月1日</p><table border='1'>{table_rows}</table></body></html>"
    )
    path = tmp_path / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    return process_path(path)


JOINT = """甲市科学技术委员会
甲市财政局
甲市人民政府办公室
甲科发〔2024〕12号
关于印发《甲市科技创新券管理办法》的通知
各区人民政府，市政府各委、办、局：
经市政府同意，现将《甲市科技创新券管理办法》印发给你们，请认真贯彻执行。本办法自印发之日起施行，有效期5年。
甲市科学技术委员会
甲市财政局
甲市人民政府办公室
2024年3月15日
"""


def test_joint_issuers_and_validity(tmp_path: Path) -> None:
    d = run(tmp_path, JOINT).document
    assert d.issuer == "甲市科学技术委员会；甲市财政局；甲市人民政府办公室", d.issuer
    assert d.title == "关于印发《甲市科技创新券管理办法》的通知", d.title
    assert (d.doc_number, d.signed_date) == ("甲科发〔2024〕12号", "2024-03-15"), d
    assert d.recipients == "各区人民政府；市政府各委、办、局", d.recipients
    # 自印发之日起施行 counts from the 成文日期; 5 years end the day before the fifth anniversary
    assert (d.valid_from, d.valid_until) == ("2024-03-15", "2029-03-14"), d.validity_text


OLD_DATE = """乙县人民政府关于做好防汛工作的通知
乙政〔1999〕 第7号
各乡镇人民政府：
请各乡镇于印发后3个月内完成排查，3个工作日内报送结果，每月报告进展，按季度汇总。防汛检查要长期坚持，隐患整改要持续推进。到2035年基本建成防洪体系，至2027年完成堤防加固。
二〇〇〇年一月九日
"""


def test_old_date_relative_and_recurring_limits(tmp_path: Path) -> None:
    x = run(tmp_path, OLD_DATE)
    d = x.document
    assert (d.doc_number, d.doc_number_year, d.doc_number_serial) == ("乙政〔1999〕7号", 1999, 7), d
    assert d.signed_date == "2000-01-09", "〇 written dates"
    assert d.issuer == "乙县人民政府", d.issuer
    got = {(t.text, t.kind, t.end, t.frequency) for t in x.deadlines}
    for want in [
        ("印发后3个月内", "relative", "2000-04-09", ""),  # counted from the signing date 2000-01-09: inferred
        ("3个工作日内", "relative", "", ""),
        ("每月", "recurring", "", "monthly"),
        ("按季度", "recurring", "", "quarterly"),
        ("长期坚持", "ongoing", "", ""),
        ("持续推进", "ongoing", "", ""),
        ("到2035年", "target", "2035-12-31", ""),
        ("至2027年", "target", "2027-12-31", ""),
    ]:
        assert want in got, f"缺少 {want}；实际 {got}"
    assert d.topic == "农业、林业、水利", (d.topic, d.topic_evidence)


LEAD_CO_TABLE = """丙市人民政府办公室关于印发丙市家庭医生签约服务实施方案的通知
丙府办〔2023〕5号
各区人民政府：
现将任务分工表印发给你们，请认真组织实施。
丙市人民政府办公室
2023年6月1日
附件
任务分工表
序号\t工作事项\t主要内容\t牵头单位\t配合单位\t完成时限
1\t扩大签约覆盖\t提高重点人群签约率\t市卫生健康委\t市医保局、市财政局\t2023年12月底前
2\t完善激励机制\t落实签约服务费\t市医保局\t市卫生健康委\t2024年6月底前
"""


def test_lead_co_table(tmp_path: Path) -> None:
    x = run(tmp_path, LEAD_CO_TABLE)
    assert [(t.title, t.units, t.lead_unit, t.due_date, t.source) for t in x.tasks] == [
        ("扩大签约覆盖", "市卫生健康委；市医保局；市财政局", "市卫生健康委", "2023-12-31", "table"),
        ("完善激励机制", "市医保局；市卫生健康委", "市医保局", "2024-06-30", "table"),
    ], x.tasks


INLINE_TAGS = """丁市人民政府办公厅关于印发《丁市促进人工智能产业发展行动方案》的通知
丁府办发〔2025〕3号
各区人民政府，市政府各委、办、局：
《丁市促进人工智能产业发展行动方案》已经市政府同意，现印发给你们，请认真按照执行。
丁市人民政府办公厅
2025年1月6日
丁市促进人工智能产业发展行动方案
一、重点任务
1.加强算力供给。建设公共算力平台。（责任单位：市经济信息化委、市数据局）
2.开放应用场景。每年发布一批应用场景。（责任单位：市科委、各区政府）
"""


def test_inline_responsibility_tags(tmp_path: Path) -> None:
    x = run(tmp_path, INLINE_TAGS)
    assert [(t.units, t.lead_unit) for t in x.tasks] == [
        ("市经济信息化委；市数据局", "市经济信息化委"),
        ("市科委；各区政府", "市科委"),
    ], x.tasks
    assert x.document.issuer == "丁市人民政府办公厅", x.document.issuer


ALIAS_AND_CHAPTERS = """戊省人民政府关于印发戊省河道管理条例实施办法的通知
戊政 [2019] 21号
各市人民政府：
为贯彻《国务院关于加强河湖管理的意见》（国发〔2018〕9号，以下简称《意见》），制定本办法。各地落实《意见》情况按年度报告。
戊省人民政府
2019年5月20日
戊省河道管理条例实施办法
第一章 总则
第一条 为加强河道管理，制定本办法。
第二条 本办法适用于本省行政区域内的河道。
第二章 附则
第三条 本办法自2019年7月1日起施行。
"""


def test_alias_resolution_and_articles(tmp_path: Path) -> None:
    x = run(tmp_path, ALIAS_AND_CHAPTERS)
    assert x.document.doc_number == "戊政〔2019〕21号", "spaces and [] brackets"
    assert [(r.cited_title, r.cited_doc_number, r.alias) for r in x.references] == [
        ("国务院关于加强河湖管理的意见", "国发〔2018〕9号", "意见")
    ], "the alias used again names the same document, not a second one"
    assert [(s.label, s.level) for s in x.sections] == [
        ("第一章", 1), ("第一条", 3), ("第二条", 3), ("第二章", 1), ("第三条", 3)
    ], [(s.label, s.level) for s in x.sections]
    assert x.document.valid_from == "2019-07-01", x.document.validity_text
    assert x.document.valid_until == ""


@pytest.mark.parametrize(
    "title,topic",
    [
        ("关于进一步做好特困人员救助供养工作的通知", "民政、扶贫、救灾"),
        ("关于推进家庭医生签约服务高质量发展的实施方案", "卫生、体育"),
        ("关于启用新印章的通知", "其他"),
    ],
    ids=["civil", "health", "other"],
)
def test_topic_from_title(title: str, topic: str) -> None:
    from pipeline.extract.topic import classify

    assert classify(title, "").topic == topic


def test_the_titles_class_wins_over_the_bodys_generic_words() -> None:
    # a regulation on tourism names plans, prices and investment in its body more often than tourism itself;
    # the class its title names is what it is about (rules/topics.yaml title_first)
    from pipeline.extract.topic import classify

    body = "编制旅游发展规划，合理确定价格，鼓励社会投资。" * 4 + "统计部门做好统计工作。" * 3
    assert classify("丁省旅游条例", body).topic == "商贸、海关、旅游", classify("丁省旅游条例", body)
    assert classify("丁省条例", body).topic == "国民经济管理、国有资产监管", classify("丁省条例", body)


def test_topic_rule_examples() -> None:
    """Every must_match / must_not_match example of rules/topics.yaml."""
    from pipeline import rules
    from pipeline.extract.topic import classify

    cfg = rules.topics()
    assert len(cfg.classes) == 22, [c.id for c in cfg.classes]
    bad = []
    for cls in cfg.classes:
        bad += [f"{t!r} 应归 {cls.id}，得 {classify(t, '').topic}" for t in cls.must_match if classify(t, "").topic != cls.id]
        bad += [f"{t!r} 不应归 {cls.id}" for t in cls.must_not_match if classify(t, "").topic == cls.id]
    assert not bad, "\n".join(bad)


def test_an_order_names_its_issuer_in_its_number(tmp_path: Path) -> None:
    """A 令 has no 关于-title or 署名 organisation: 江南省人民政府令第31号 is issued by 江南省人民政府."""
    ex = run(
        tmp_path,
        "江南省人民政府令第31号\n"
        "《江南省城市供水管理办法》已经2019年5月6日省人民政府第12次常务会议审议通过，现予公布，自2019年7月1日起施行。\n"
        "省长　王某某\n"
        "2019年5月20日\n",
    )
    assert ex.document.doc_number == "江南省人民政府令第31号"
    assert ex.document.issuer == "江南省人民政府", ex.document.issuer
    import json

    start, end, _ = json.loads(ex.document.evidence)["issuer"]
    assert ex.text[start:end] == "江南省人民政府"


def test_table_of_contents_is_not_sections(tmp_path: Path) -> None:
    """A plan printed with its 目录 (heading, leader dots, page number): only the real headings are sections."""
    f = tmp_path / "plan.txt"
    f.write_text(
        "国务院关于印发某某规划的通知\n国发〔2099〕9号\n各省、自治区、直辖市人民政府：\n现将《某某规划》印发给你们，请认真贯彻执行。\n"
        "国务院\n2099年1月2日\n某某规划\n目录\n一、规划背景……………………1\n二、总体要求……………………3\n（一）指导思想…………………3\n"
        "三、保障措施……………………34\n一、规划背景\n近年来取得进展。\n二、总体要求\n（一）指导思想\n坚持创新。\n三、保障措施\n加强领导。\n",
        encoding="utf-8",
    )
    x = process_path(f)
    got = [(s.level, s.heading) for s in x.sections]
    assert got == [(1, "规划背景"), (1, "总体要求"), (2, "指导思想"), (1, "保障措施")], got
    assert all("…" not in s.heading for s in x.sections)


IDENTITY_SHAPES = {
    "order-two-lines": (
        "广州市人民政府令\n第179号\n《广州市公共租赁住房保障办法》已经2021年3月1日市政府第16届第145次常务会议通过，现予公布，"
        "自2021年5月1日起施行。\n市长 温国辉\n2021年3月24日\n广州市公共租赁住房保障办法\n第一条 为了完善住房保障体系，根据有关法律、法规，"
        "结合本市实际，制定本办法。\n第二条 本办法适用于本市行政区域内公共租赁住房的保障工作。\n",
        {"doc_number": "广州市人民政府令第179号", "issuer": "广州市人民政府", "region_city": "广州市", "signed_date": "2021-03-24"},
    ),
    "repost-prefix": (
        "（转载）关于印发广州市临时救助实施细则的通知\n各区人民政府，市政府各部门、各直属机构：\n《广州市临时救助实施细则》已经市人民政府同意，"
        "现印发给你们，请认真组织实施。\n广州市人民政府办公厅\n2021年12月1日\n",
        {"title": "关于印发广州市临时救助实施细则的通知", "issuer": "广州市人民政府办公厅", "region_city": "广州市"},
    ),
    "bare-measures": (
        "广州市临时救助实施细则\n第一条 为完善广州市社会救助体系，制定本实施细则。\n第二条 本细则适用于本市。\n第三条 本细则自2022年1月1日起施行。\n",
        {"title": "广州市临时救助实施细则", "issuer": "", "region_city": "广州市", "admin_level": "municipal"},
    ),
    "banji-date-glued": (
        "某某县人民政府办公室关于做好防汛工作的通知\n某政办〔2023〕12号\n各乡镇人民政府，县政府各部门：\n为做好今年防汛工作，现将有关事项通知如下。\n"
        "一、加强值班值守\n各单位要严格执行24小时值班制度。\n某某县人民政府办公室\n2023年8月8日\n（此件公开发布）\n"
        "抄送：县委办公室，县人大常委会办公室。\n某某县人民政府办公室2023年8月9日印发\n",
        {"printer": "某某县人民政府办公室", "issued_date": "2023-08-09", "signed_date": "2023-08-08"},
    ),
    "title-two-lines": (
        "国务院办公厅关于全面推行行政规范性\n文件合法性审核机制的指导意见\n国办发〔2018〕115号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
        "为全面推行行政规范性文件合法性审核机制，经国务院同意，现提出以下意见。\n一、总体要求\n全面推行合法性审核机制。\n国务院办公厅\n2018年12月4日\n",
        {"title": "国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见", "issuer": "国务院办公厅", "admin_level": "national"},
    ),
}


@pytest.mark.parametrize("name", sorted(IDENTITY_SHAPES))
def test_identity_shapes(name: str, tmp_path: Path) -> None:
    text, want = IDENTITY_SHAPES[name]
    f = tmp_path / f"{name}.txt"
    f.write_text(text, encoding="utf-8")
    d = process_path(f).document
    got = {k: getattr(d, k) for k in want}
    assert got == want, f"{name}: {got}"


LABEL_LINES = """甲市人民政府办公室关于印发甲市优化营商环境三年行动方案的通知
甲政办发〔2024〕12号
各县（市、区）人民政府，市政府各部门：
现将《甲市优化营商环境三年行动方案》印发给你们，请认真贯彻执行。
甲市人民政府办公室
2024年3月5日
甲市优化营商环境三年行动方案
一、重点任务
（一）深化“一网通办”改革。推进政务服务事项全程网办，全程网办率达到90%以上。
牵头单位：市政务服务和大数据管理局
配合单位：市直各部门
完成时限：2024年12月底
（二）压减企业开办时间。企业开办时间压减至1个工作日以内。
责任单位：市市场监管局、市公安局、市税务局
完成时限：2024年6月底前
（三）加强信用监管。建立健全信用分级分类监管制度。
责任单位：市发展改革委（牵头），市市场监管局、人行甲市中心支行
二、应急预案
1.完善应急预案体系
（1）加强应急预案管理，规范应急预案编制、审批、发布、备案和评估工作。
（2）推进应急预案“精编化”，及时修订完善现有应急预案。
（责任单位：市应急局、各县（市、区）人民政府）
2.健全应急管理机制
（1）推进三级政府应急管理办事机构建设。
（责任单位：市应急局、市委编办）
"""


def test_labelled_unit_lines_and_tags_after_sub_items(tmp_path: Path) -> None:
    """Task lists of implementation plans: units on labelled lines under each item (their time-limit line is
    the task's due date), and a tag that closes a list of sub-items naming the units of the parent item."""
    tasks = run(tmp_path, LABEL_LINES).tasks
    got = task_rows(tasks)
    assert got == [
        ("深化“一网通办”改革", "市政务服务和大数据管理局；市直各部门", "市政务服务和大数据管理局", "2024-12-31"),
        ("压减企业开办时间", "市市场监管局；市公安局；市税务局", "市市场监管局", "2024-06-30"),
        ("加强信用监管", "市发展改革委；市市场监管局；人行甲市中心支行", "市发展改革委", ""),
        ("完善应急预案体系", "市应急局；各县（市、区）人民政府", "市应急局", ""),
        ("健全应急管理机制", "市应急局；市委编办", "市应急局", ""),
    ], got
    assert "（2）推进应急预案“精编化”" in tasks[3].detail and "（1）加强应急预案管理" in tasks[3].detail


def test_office_kinds_after_a_qualifier_stay_one_addressee() -> None:
    """"市政府有关委、办、局" (Kunming's 主送) is one collective, like "市政府各委、办、局"; places before one
    head stay one addressee too."""
    from pipeline.extract.metadata import split_addressees

    got = split_addressees("五华区、盘龙区、官渡区、西山区人民政府，市政府有关委、办、局，三个开发（度假）区管委会")
    assert got == ["五华区、盘龙区、官渡区、西山区人民政府", "市政府有关委、办、局", "三个开发（度假）区管委会"], got
    assert split_addressees("各区人民政府，市政府各委、办、局") == ["各区人民政府", "市政府各委、办、局"]
    # a kind of office alone after a qualified one shares its qualifier (Baotou: 市直有关部门、单位)
    got = split_addressees("各旗、县、区人民政府，稀土高新区管委会，市直有关部门、单位")
    assert got == ["各旗、县、区人民政府", "稀土高新区管委会", "市直有关部门、单位"], got
    assert split_addressees("县直各部门、各单位") == ["县直各部门", "各单位"]
    # a zone named alone before another zone's 管委会 shares it (Jiading, Panjin)
    got = split_addressees("各镇人民政府，嘉定工业区、菊园新区管委会")
    assert got == ["各镇人民政府", "嘉定工业区、菊园新区管委会"], got
    assert split_addressees("嘉定工业区、区政府各部门") == ["嘉定工业区", "区政府各部门"]
    # zones after a level word wait with it for the head they all share (渝商务〔2025〕22号)
    got = split_addressees("各区县（自治县）、两江新区、西部科学城重庆高新区、万盛经开区商务主管部门，市级有关行业协会，有关单位")
    assert got == ["各区县（自治县）、两江新区、西部科学城重庆高新区、万盛经开区商务主管部门", "市级有关行业协会", "有关单位"], got
    # villages and residents' committees named as one (a town's 主送机关, 青朱府〔2025〕17号): 各村、居
    got = split_addressees("各村、居、企事业单位、机关各科室")
    assert got == ["各村、居", "企事业单位", "机关各科室"], got
    # a party committee named by its level before a government's departments names the departments of both
    # (区委、区人民政府各部、委、办、局); the office beside a working committee is the same places' (党工委、办事处)
    got = split_addressees("各街道党工委、办事处，区委、区人民政府各部、委、办、局，各人民团体")
    assert got == ["各街道党工委、办事处", "区委、区人民政府各部、委、办、局", "各人民团体"], got
    assert split_addressees("各园区党工委、管委会，市委、市政府各部门") == ["各园区党工委、管委会", "市委、市政府各部门"]
    assert split_addressees("县委，县政府各部门") == ["县委", "县政府各部门"]  # apart: two addressees
    # after a government a 管委会 is the zones', not the same places' (新余's 主送机关)
    assert split_addressees("各县（区）人民政府、管委会") == ["各县（区）人民政府", "管委会"]
    # a new town is a zone with a committee too (嘉府发〔2014〕33号); so is a 新片区
    got = split_addressees("各街道办事处，嘉定新城、嘉定工业区、菊园新区管委会")
    assert got == ["各街道办事处", "嘉定新城、嘉定工业区、菊园新区管委会"], got
    # a sector named without its head shares the next item's (和田: 各事业、企业单位)
    got = split_addressees("行署各部门、各直属机构，各事业、企业单位，各群众团体")
    assert got == ["行署各部门", "各直属机构", "各事业、企业单位", "各群众团体"], got
    # a bare zone word between named zones shares their head too (濮阳: 示范区、开发区、工业园区管委会)
    got = split_addressees("各县（区）人民政府，市城乡一体化示范区、开发区、工业园区管委会，市人民政府各部门")
    assert got == ["各县（区）人民政府", "市城乡一体化示范区、开发区、工业园区管委会", "市人民政府各部门"], got
    got = split_addressees("长白山管委会，长春新区、中韩（长春）国际合作示范区管委会，市直各企业、事业单位")
    assert got == ["长白山管委会", "长春新区、中韩（长春）国际合作示范区管委会", "市直各企业、事业单位"], got
    # any 区 with a 管委会 is a zone's committee (a district has a 人民政府): Luohe's 西城区管委会
    got = split_addressees("各县区人民政府，城乡一体化示范区、经济技术开发区、西城区管委会，市人民政府各部门")
    assert got == ["各县区人民政府", "城乡一体化示范区、经济技术开发区、西城区管委会", "市人民政府各部门"], got
    # every zone of a run before the committee, a scenic area's among them (Yichun)
    got = split_addressees("各县（市、区）人民政府，宜春经济技术开发区、宜阳新区、明月山温泉风景名胜区管委会，市政府各部门")
    assert got == ["各县（市、区）人民政府", "宜春经济技术开发区、宜阳新区、明月山温泉风景名胜区管委会", "市政府各部门"], got
    # the committee's office named after it in brackets (Jining's 曲阜文化建设示范区管委会（推进办公室）)
    got = split_addressees("各县（市、区）人民政府，济宁高新区、太白湖新区、曲阜文化建设示范区管委会（推进办公室），市政府各部门")
    assert got == ["各县（市、区）人民政府", "济宁高新区、太白湖新区、曲阜文化建设示范区管委会（推进办公室）", "市政府各部门"], got


def test_compound_and_bracketed_levels_share_their_head() -> None:
    """"各市州、县市区人民政府" (Hunan) and "各县（市）、区人民政府" (Nantong) each name the governments of several
    levels: one addressee, as "各省、自治区、直辖市人民政府" is."""
    from pipeline.extract.metadata import split_addressees

    assert split_addressees("各市州、县市区人民政府，省政府各厅委、各直属机构")[0] == "各市州、县市区人民政府"
    assert split_addressees("各县（市）、区人民政府，市有关部门和单位")[0] == "各县（市）、区人民政府"


PAGE_TABLE_AS_TEXT = """政府信息公开
发文字号 甲自然资规〔2022〕35号 主题分类 城乡建设
发文单位 甲市自然资源和规划局 效力状态 有效
发文日期 2022-06-25 发布日期 2022-06-27
甲市自然资源和规划局关于印发强化要素保障助力稳增长实施方案的通知
各区（分）局、局属事业单位、机关各处室：
现将《强化要素保障助力稳增长实施方案》印发给你们，请认真贯彻落实。
"""


def test_a_web_page_metadata_table_copied_as_text(tmp_path: Path) -> None:
    """A page's metadata table copied as text puts labels and values side by side with spaces; the labels
    are read as fields (not glued to the title above the notice), with offsets into the text."""
    out = run(tmp_path, PAGE_TABLE_AS_TEXT)
    d = out.document
    assert d.doc_number == "甲自然资规〔2022〕35号", d.doc_number
    assert d.issuer == "甲市自然资源和规划局", d.issuer
    assert d.title == "甲市自然资源和规划局关于印发强化要素保障助力稳增长实施方案的通知", d.title
    assert d.signed_date == "2022-06-25", d.signed_date
    assert d.recipients == "各区（分）局；局属事业单位；机关各处室", d.recipients
    s, e, _ = __import__("json").loads(d.evidence)["doc_number"]
    assert out.text[s:e] == "甲自然资规〔2022〕35号"


PIPE_TABLE_AS_TEXT = """索 引 号: | 000014349/2023-00001 | 信息分类: | |
发布机构: | 生成日期: | 2022-12-02 08:54:33 | |
文 号: | 乙府办发〔2022〕10号 | 是否有效: | |
名 称: | 市人民政府办公室关于印发乙市新型基础设施建设三年行动方案的通知 |
各市、特区、区人民政府，市人民政府各部门：
经市人民政府同意，现将《乙市新型基础设施建设三年行动方案》印发给你们，请认真抓好贯彻落实。
"""


def test_a_metadata_table_copied_with_its_bars(tmp_path: Path) -> None:
    """The same block copied with the table's bars: the title is the cell's value, not its bars, and
    levels sharing one head (各市、特区、区人民政府) stay one addressee."""
    d = run(tmp_path, PIPE_TABLE_AS_TEXT).document
    assert d.doc_number == "乙府办发〔2022〕10号", d.doc_number
    assert d.title == "市人民政府办公室关于印发乙市新型基础设施建设三年行动方案的通知", d.title
    assert d.recipients == "各市、特区、区人民政府；市人民政府各部门", d.recipients


TITLE_AND_NUMBER_ON_ONE_LINE = """|
|||||||||
关于印发2023年《政府工作报告》重点任务分解落实方案的通知 丙政发〔2023〕1号 |
|||||||||
各辖市、区人民政府，市各委办局：
现将2023年《政府工作报告》重点任务分解落实方案印发给你们，请认真贯彻落实。
"""


def test_title_and_number_on_one_line_of_a_list_page(tmp_path: Path) -> None:
    """A list page copied as text: the title and its 文号 share a line between rows of bars."""
    d = run(tmp_path, TITLE_AND_NUMBER_ON_ONE_LINE).document
    assert d.doc_number == "丙政发〔2023〕1号", d.doc_number
    assert d.title == "关于印发2023年《政府工作报告》重点任务分解落实方案的通知", d.title


def test_addressees_and_the_first_sentence_on_one_line(tmp_path: Path) -> None:
    """A crawl that lost its line breaks: the 主送机关 and the body's first sentence share a line."""
    text = TITLE_AND_NUMBER_ON_ONE_LINE.replace("市各委办局：\n现将", "市各委办局： 现将")
    d = run(tmp_path, text).document
    assert d.recipients == "各辖市、区人民政府；市各委办局", d.recipients
    assert d.doc_number == "丙政发〔2023〕1号", d.doc_number


LABELS_OVER_VALUES = """甲市人民政府第五次全国经济普查领导小组办公室关于印发《甲市经济普查实施办法》的通知

索引号
011080691/2023-70749
主题分类
统计
发文日期
2023年09月03日 16:25:00
发布机构
甲市人民政府第五次全国经济普查领导小组办公室
文号
甲经普办文〔2023〕9号

各县（市、区）人民政府经济普查领导小组办公室：

现将《甲市经济普查实施办法》印发给你们，请结合实际，认真贯彻落实。

甲市人民政府第五次全国经济普查领导小组办公室
2023年8月30日
"""


def test_a_metadata_block_with_each_label_over_its_value(tmp_path: Path) -> None:
    # a page copied as text: "文号" on one line, "甲经普办文〔2023〕9号" on the next; the title above the block
    d = run(tmp_path, LABELS_OVER_VALUES).document
    assert d.title == "甲市人民政府第五次全国经济普查领导小组办公室关于印发《甲市经济普查实施办法》的通知", d.title
    assert (d.doc_number, d.signed_date) == ("甲经普办文〔2023〕9号", "2023-08-30"), d
    assert d.recipients == "各县（市、区）人民政府经济普查领导小组办公室", d.recipients


# a page that lists its fields' values without their labels (索引号, 主题分类, 文号, 发布机构, two dates, 有效性),
# then prints the notice with its 文号 again (济南市长清区, 2021)
BARE_VALUES = """政府信息公开
丙市丁区人民政府办公室关于印发《政府工作报告》重点工作任务分工的通知
113701130042070099-A/2021-4059841
综合政务
丙丁政办字〔2021〕3号
丁区政府
2021-04-01
2021-04-01
有效

丙市丁区人民政府办公室关于印发《政府工作报告》重点工作任务分工的通知

丙市丁区人民政府办公室

关于印发《政府工作报告》重点工作任务分工的通知

丙丁政办字〔2021〕3号

各街道办事处、镇人民政府，区政府各部门：

2021年《政府工作报告》重点工作责任分工已经区政府同意，现印发给你们，请一并抓好贯彻落实。
"""


def test_a_metadata_block_of_bare_values(tmp_path: Path) -> None:
    ex = run(tmp_path, BARE_VALUES)
    d = ex.document
    assert d.title == "丙市丁区人民政府办公室关于印发《政府工作报告》重点工作任务分工的通知", d.title
    assert (d.doc_number, d.recipients) == ("丙丁政办字〔2021〕3号", "各街道办事处；镇人民政府；区政府各部门"), d
    assert not [x for x in ex.deadlines if x.text == "2021-04-01"], "a page's date is no time limit"


BULLETED_FIELDS = """返回顶部

乙县人民政府工作规则

  • 索引号:

    6107280000/2024-001005
  • 主题分类:

  • 来源:

  • 发文字号:

    乙政发〔2024〕7号
  • 发文日期:

    2024年04月06日 16:40
  • 有效性:

乙县人民政府工作规则

第一章总则

一、根据《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》，结合本县实际，制定本规则。
"""


def test_bulleted_fields_with_values_below(tmp_path: Path) -> None:
    d = run(tmp_path, BULLETED_FIELDS).document
    assert (d.title, d.doc_number, d.signed_date) == ("乙县人民政府工作规则", "乙政发〔2024〕7号", "2024-04-06"), d
    assert d.recipients == "", "a field label is no addressee"


FIELDS_SIDE_BY_SIDE = """首页 > 丙县人民政府办公室信息公开 > 信息浏览
索引号: 003129766/201901-00336 组配分类: 规范性文件发布
信息分类: 通知   发布机构: 丙县人民政府办公室
生成日期: 2019-01-23 文号:
发文日期: 2019-01-23 生效时间: 2019-01-23
废止时间: 2020-01-23 名称: 丙县人民政府关于印发《丙县人民政府工作规则》的通知
信息来源: 关键词:
浏览次数: 590 内容概述:

丙县人民政府关于印发《丙县人民政府工作规则》的通知

各乡、镇人民政府，县政府各部门、各直属机构：

  《丙县人民政府工作规则》已经2019年1月4日县政府第三次全体会议通过，现予印发，请遵照执行。

丙县人民政府
2019年1月17日
"""


def test_a_breadcrumb_and_fields_side_by_side(tmp_path: Path) -> None:
    # the page's 生效时间/废止时间 give the term when the text states none
    d = run(tmp_path, FIELDS_SIDE_BY_SIDE).document
    assert d.title == "丙县人民政府关于印发《丙县人民政府工作规则》的通知", d.title
    assert d.recipients == "各乡、镇人民政府；县政府各部门；各直属机构", d.recipients
    assert (d.issuer, d.signed_date) == ("丙县人民政府", "2019-01-17"), d
    assert (d.valid_from, d.valid_until) == ("2019-01-23", "2020-01-23"), d


COLUMN_TAG = """首页 > 政务公开 > 重点领域公开 > 水利

【预警信息】丁县防汛抗旱指挥部 关于终止防汛Ⅳ级应急响应的通知

发布日期：2024-07-04 信息来源：

  各乡镇防汛抗旱指挥部、县防指各成员单位：

  7月3日至4日影响我县的强降雨过程已结束。经县防汛抗旱指挥部会商研究，决定于7月4日16时终止我县防汛Ⅳ级应急响应。

   2024年7月4日

扫一扫在手机打开当前页
"""


def test_a_column_tag_before_the_title(tmp_path: Path) -> None:
    d = run(tmp_path, COLUMN_TAG).document
    assert d.title == "丁县防汛抗旱指挥部关于终止防汛Ⅳ级应急响应的通知", d.title
    assert d.issuer == "丁县防汛抗旱指挥部", d.issuer
    assert d.recipients == "各乡镇防汛抗旱指挥部；县防指各成员单位", d.recipients


LAW_DATABASE = """戊部关于印发《戊项目前期工作经费管理暂行办法》的通知

戊部

戊部关于印发《戊项目前期工作经费管理暂行办法》的通知

2006年10月26日 戊建〔2006〕689号

各省、自治区、直辖市、计划单列市财政厅（局），新疆生产建设兵团财务局：
为进一步加强和规范项目前期工作经费管理，我部制定了《戊项目前期工作经费管理暂行办法》，现印发你们，请遵照执行。
附件：戊项目前期工作经费管理暂行办法
"""


def test_a_law_database_prints_date_and_number_on_one_line(tmp_path: Path) -> None:
    # the title printed as the page's heading and again over the notice; the date beside the 文号 signs it
    d = run(tmp_path, LAW_DATABASE).document
    assert d.title == "戊部关于印发《戊项目前期工作经费管理暂行办法》的通知", d.title
    assert (d.doc_number, d.signed_date, d.issuer) == ("戊建〔2006〕689号", "2006-10-26", "戊部"), d


ACCESSIBILITY_AND_DASHED_FIELDS = """• 无障碍|
  • 长辈版
己县上庄镇人民政府
您现在所在的位置: 网站首页> 政府信息公开首页 > 上庄镇> 应急管理
- 索 引 号:SM04101-1100-2018-00010
- 备注/文号:己政办〔2018〕21号
- 发布机构:己县上庄镇人民政府
- 公文生成日期:2018-03-16
关于印发己县防汛应急预案的通知
作者：sc_zfb      发布时间：2018-03-20 16:03      来源：      选择阅读字号：[ ]      阅读次数：

关于印发己县防汛应急预案的通知

各村民委员会，镇直各单位：

《己县防汛应急预案》已修订，现印发给你们，请结合实际，认真贯彻实施。
"""


def test_page_fields_name_the_number_date_and_issuer_the_text_lacks(tmp_path: Path) -> None:
    d = run(tmp_path, ACCESSIBILITY_AND_DASHED_FIELDS).document
    assert d.title == "关于印发己县防汛应急预案的通知", d.title
    assert (d.doc_number, d.signed_date) == ("己政办〔2018〕21号", "2018-03-16"), d
    assert d.issuer == "己县上庄镇人民政府", "the page's 发布机构 when the notice names no issuer"
    assert d.recipients == "各村民委员会；镇直各单位", "the author/font line is page chrome, not addressees"


COLONLESS_ADDRESSEES = """庚市庚区人民政府办公室关于印发庚区城市精细化管理实施细则的通知

庚区府办发〔2020〕26号

各街道办事处，区级各部门，庚新区管委会

《庚区城市精细化管理实施细则》已经区政府常务会审议通过，现印发你们，请认真遵照执行。

庚市庚区人民政府办公室

2020年10月28日
"""


def test_addressees_copied_without_their_colon(tmp_path: Path) -> None:
    d = run(tmp_path, COLONLESS_ADDRESSEES).document
    assert d.recipients == "各街道办事处；区级各部门；庚新区管委会", d.recipients
    assert (d.doc_number, d.signed_date) == ("庚区府办发〔2020〕26号", "2020-10-28"), d


CLOSING_FORMULA_ONLY = """为组织开展好这次评议工作，市人大常委会特向社会公告，征求人民群众对两个部门工作的建议、批评和意见。
有关建议、批评和意见，请于9月10日前通过电话或书面形式向市人大常委会工作评议小组反映。
特此公告
辛市人民代表大会常务委员会
2012年8月16日
"""


def test_a_closing_formula_is_no_title(tmp_path: Path) -> None:
    x = run(tmp_path, CLOSING_FORMULA_ONLY)
    d = x.document
    assert d.title == "", "特此公告 closes the notice; the page printed its title elsewhere"
    assert (d.issuer, d.signed_date) == ("辛市人民代表大会常务委员会", "2012-08-16"), d
    assert [(t.text, t.end, t.inferred) for t in x.deadlines] == [("9月10日前", "2012-09-10", True)]


MARKDOWN_FIELDS = """关于上报第三季度专项治理工作督查情况通报的整改报告
索引号: | GS5183/2020-771 | 部门: | 壬镇 |
---|---|---|---|
栏目: | 部门文件 | 来源: | 壬镇 |
作者: | 日期: | 2020-10-20 |
县专项治理办公室:
针对10月9日市专项治理办公室督查出的问题，镇党委、政府高度重视，立即组织安排整改。
特此报告。
壬镇人民政府
2020年10月15日
"""


def test_a_metadata_table_exported_as_markdown(tmp_path: Path) -> None:
    d = run(tmp_path, MARKDOWN_FIELDS).document
    assert d.title == "关于上报第三季度专项治理工作督查情况通报的整改报告", d.title
    assert (d.recipients, d.issuer, d.signed_date) == ("县专项治理办公室", "壬镇人民政府", "2020-10-15"), d


TAGGED_ITEMS = """癸区稳增长促发展若干政策措施
为认真贯彻落实稳增长各项决策部署，结合本区实际，特制定如下政策措施。
一、提高投资项目审批效率
1.精简项目审批手续。加快建立“中介超市”，5月底前实现我区中介超市上线运行。（区政务服务局牵头，区发改局、区审改办、区级相关部门配合）
2.提高环评审批效率。环评报告书14个工作日内、环评报告表7个工作日内完成审批。（区环保局牵头，区水务局配合）
癸区人民政府
2016年4月20日
"""


def test_a_yearless_limit_in_a_tagged_item_dates_the_task(tmp_path: Path) -> None:
    tasks = run(tmp_path, TAGGED_ITEMS).tasks
    first, second = tasks
    assert (first.lead_unit, first.units) == ("区政务服务局", "区政务服务局；区发改局；区审改办；区级相关部门"), first
    # the limit names no year: the document's year, and the limit's words stand as the task's deadline text
    assert (first.deadline_text, first.due_date) == ("5月底前", "2016-05-31"), first
    assert (second.lead_unit, second.due_date) == ("区环保局", ""), "working days from no dated event give no date"


BRACKETED_LABELS = """[ 索引号 ] | 11500229759293419E/2025-00009 | [ 发文字号 ] | 子发改委发〔2025〕4号 |
[ 主题分类 ] | 国民经济发展规划、计划 | [ 体裁分类 ] | 规划计划 |
[ 发布机构 ] | 子县发展和改革委员会 | ||
[ 成文日期 ] | 2025-02-17 | [ 发布日期 ] | 2025-02-21 |
子县发展和改革委员会关于印发《子县2024年国民经济和社会发展计划执行情况与2025年计划草案报告》的通知
各乡镇人民政府、街道办事处，县政府各部门，有关单位：
现将县人民代表大会审议通过的《子县2024年国民经济和社会发展计划执行情况与2025年计划草案报告》印发给你们，请认真抓好学习贯彻。
"""


def test_a_metadata_table_with_bracketed_labels(tmp_path: Path) -> None:
    # no 文号 line, no 署名 or date closes the text: the page's fields stand in
    d = run(tmp_path, BRACKETED_LABELS).document
    assert d.title.startswith("子县发展和改革委员会关于印发《子县2024年"), d.title
    assert (d.doc_number, d.signed_date, d.published_date) == ("子发改委发〔2025〕4号", "2025-02-17", "2025-02-21"), d
    assert d.issuer == "子县发展和改革委员会", d.issuer


UPWARD_SLIP = """丙市丁区人民政府督查通知单

丙丁政督字〔2024〕3 号    签发人：王某


丙市丁区人民政府督查室

关于对城区道路保洁工作检查情况的

整改通知


甲街道办事处、乙街道办事处、
  区住建局、区执法局：

  6月3日，区政府主要领导对城区道路保洁工作进行检查，共梳理出3条问题，请各单位立即整改，并于6月10日前将整改情况报区政府督查室。

                                             丙市丁区人民政府督查室

                                              2024年6月4日
"""


def test_a_number_beside_its_signer_a_title_broken_by_a_blank_line_and_a_wrapped_addressee_list(tmp_path: Path) -> None:
    """GB/T 9704 §7.2.4: an upward document prints its 文号 on the line of its 签发人; a title a blank line
    broke after 的 is one title; an addressee list broken before its colon is one list; an office (…督查室)
    signs."""
    x = run(tmp_path, UPWARD_SLIP)
    d = x.document
    assert d.doc_number == "丙丁政督字〔2024〕3号", d.doc_number
    # the office's name over "关于…" opens the title (发文机关 + 事由 + 文种, GB/T 9704 §7.3.1)
    assert d.title == "丙市丁区人民政府督查室关于对城区道路保洁工作检查情况的整改通知", d.title
    assert d.recipients == "甲街道办事处；乙街道办事处；区住建局；区执法局", d.recipients
    assert (d.issuer, d.signed_date) == ("丙市丁区人民政府督查室", "2024-06-04"), d
    assert [(t.text, t.end) for t in x.deadlines] == [("6月10日前", "2024-06-10")]


BROKEN_TITLE_PAGE = """首页 > 信息公开 > 通知公告

发布时间：2024-06-05 来源：区政府督查室

关于对城区道路保洁工作检查情况的

整改通知

甲街道办事处、乙街道办事处：

  6月3日，区政府主要领导对城区道路保洁工作进行检查，共梳理出3条问题，请各单位立即整改，并于6月10日前将整改情况报区政府督查室。

丙市丁区人民政府督查室

2024年6月4日
"""


def test_a_title_broken_by_a_blank_line_on_a_page_copy(tmp_path: Path) -> None:
    """A title cannot end in 的: the line after the blank line finishes it (the page kept no 文号)."""
    d = run(tmp_path, BROKEN_TITLE_PAGE).document
    assert d.title == "关于对城区道路保洁工作检查情况的整改通知", d.title
    assert d.recipients == "甲街道办事处；乙街道办事处", d.recipients


ATTACHED_FILES = """各镇人民政府，县政府各有关部门：
为做好我县创建国家卫生城市工作，现对创卫工作任务再次进行细化分解，量化考核，并进一步明晰各责任单位工作任务。
附：1、创建国家卫生城市目标任务分解和分值责任细则.docx
2、县各单位创城主要工作任务.docx
丁县人民政府办公室
2016年9月8日
"""


def test_attachments_listed_as_files_after_a_bare_fu(tmp_path: Path) -> None:
    """附： stands for 附件：, and a page's file names lose their extensions."""
    d = run(tmp_path, ATTACHED_FILES).document
    assert d.attachments == "创建国家卫生城市目标任务分解和分值责任细则；县各单位创城主要工作任务", d.attachments
    assert (d.issuer, d.signed_date) == ("丁县人民政府办公室", "2016-09-08"), d


SITE_COPY = """戊区人民政府 The People's Government of Wu District

政府信息公开

关于戊河沿岸环境整治工作的通报

来源:戊区人民政府办公室 时间:2023-12-27

  5月10日，区政府督查室对戊河沿岸环境整治工作进行了检查，现将有关情况通报如下。各相关部门要于5月31日前完成整改。
"""

REPOST = """己市人民政府关于大气污染防治审计发现问题整改情况的函
，日前，己市人民政府发布关于大气污染防治审计发现问题整改情况的函，详情如下：
己市人民政府关于大气污染防治审计发现问题整改情况的函
自治区审计厅：
根据审计报告要求，我市高度重视，立即组织相关单位推进问题整改。现将整改情况函告如下：
"""

BYLINE_AND_CELLS = """庚区人民政府 2019-12-13 16:36 来源: 区河湖管理中心
关于庚区河道整治任务整改情况的公示 | |
各乡镇人民政府，区直各单位：现对整改完成情况进行公示。公示时间：2019年12月13日至2019年12月19日。
|
庚区河湖管理中心
2019年12月13日
"""

# a law site's category heading over a title with no issuer (公通字〔2005〕48号 as a reposting site prints it)
CATEGORY_HEADING = """文章检索：
全国性的法律、法规、规章及规范性文件（七）

关于加强辛类产品质量监督管理的通知
公通字[2005]48号
各省、自治区、直辖市公安厅（局）：
根据有关规定，现就加强辛类产品质量监督管理通知如下。
"""


@pytest.mark.parametrize(
    ("text", "title", "recipients"),
    [
        (CATEGORY_HEADING, "关于加强辛类产品质量监督管理的通知", "各省、自治区、直辖市公安厅（局）"),
        (SITE_COPY, "关于戊河沿岸环境整治工作的通报", ""),
        (REPOST, "己市人民政府关于大气污染防治审计发现问题整改情况的函", "自治区审计厅"),
        (BYLINE_AND_CELLS, "关于庚区河道整治任务整改情况的公示", "各乡镇人民政府；区直各单位"),
    ],
    ids=["site-category-heading", "site-name-in-english-and-column", "reposting-lead", "byline-empty-cells-run-in-addressees"],
)
def test_page_copies_around_the_notice(tmp_path: Path, text: str, title: str, recipients: str) -> None:
    """What a site prints around a notice (its name with the English one, a column's name, a byline, a
    reposting lead, the bars of empty cells) is no part of the title; addressees run into the first paragraph
    are read."""
    d = run(tmp_path, text).document
    assert d.title == title, d.title
    assert d.recipients == recipients, d.recipients


CONTINGENCY_PLAN = """辛县森林火灾事故应急预案
目 录
1 总则
1.1 编制目的
1.2 编制依据
2 组织指挥体系
2.1 应急指挥机构
1 总 则
1.1 编制目的
建立反应灵敏、运转高效的森林火灾处置体系，提高保障生态安全和人民生命财产安全的能力。
1.2 编制依据
依据《中华人民共和国森林法》《森林防火条例》制定本预案。
2 组织指挥体系
2.1 应急指挥机构
县政府设立县森林防火指挥部，负责全县森林火灾扑救工作。
2.1.1 指挥部组成
（1）总指挥由分管副县长担任。
（2）副总指挥由县应急管理局局长担任。
"""


def test_a_contents_list_and_decimal_headings(tmp_path: Path) -> None:
    """A 应急预案 numbers its headings 1 / 1.1 / 1.1.1 and prints them first as a contents list without page
    numbers: the list opens no sections, the headings nest by their numbers."""
    x = run(tmp_path, CONTINGENCY_PLAN)
    got = [(s.label, s.level, s.heading, s.parent_id) for s in x.sections]
    assert [g[:3] for g in got] == [
        ("1", 1, "总则"), ("1.1", 2, "编制目的"), ("1.2", 2, "编制依据"), ("2", 1, "组织指挥体系"),
        ("2.1", 2, "应急指挥机构"), ("2.1.1", 3, "指挥部组成"), ("（1）", 4, "总指挥由分管副县长担任"), ("（2）", 4, "副总指挥由县应急管理局局长担任"),
    ], got
    assert got[5][3] == x.sections[4].section_id and got[6][3] == x.sections[5].section_id, "each heading under the one its number extends"


def test_a_numbered_list_under_an_item_is_no_decimal_scheme(tmp_path: Path) -> None:
    """Without a printed top level ("1 总则"), "1.1" under an item "1." stays part of that item's list."""
    text = "壬市农机购置补贴实施方案\n各县（市、区）农业农村局：\n现将补贴范围通知如下。\n一、补贴范围\n1.耕整地机械\n1.1 耕地机械\n1.1.2 旋耕机\n2.种植施肥机械\n"
    x = run(tmp_path, text)
    assert [(s.label, s.level) for s in x.sections] == [("一", 1), ("1.", 3), ("2.", 3)], [(s.label, s.level, s.heading) for s in x.sections]


def test_decimal_headings_with_a_point_after_the_top_level(tmp_path: Path) -> None:
    """An 应急预案 may print its top level "1.总则" (a point, as a 1. item) over "1.1编制目的": where its own
    "N.M" headings follow each "N." and no 一、 scheme is printed, both levels are headings and nest."""
    text = (
        "辛县突发地质灾害应急预案\n1.总则\n1.1编制目的\n高效有序做好突发地质灾害应急防治工作。\n1.2 编制依据\n"
        "依据《地质灾害防治条例》制定本预案。\n2．组织体系及职责\n2.1 县地质灾害应急指挥部\n县政府成立指挥部。\n"
        "2.1.1 指挥部办公室\n指挥部办公室设在县自然资源局。\n3.附则\n本预案自印发之日起施行。\n"
    )
    x = run(tmp_path, text)
    got = [(s.section_id, s.label, s.level, s.heading) for s in x.sections]
    assert got == [
        ("s1", "1", 1, "总则"), ("s1.1", "1.1", 2, "编制目的"), ("s1.2", "1.2", 2, "编制依据"), ("s2", "2", 1, "组织体系及职责"),
        ("s2.1", "2.1", 2, "县地质灾害应急指挥部"), ("s2.1.1", "2.1.1", 3, "指挥部办公室"), ("s3", "3", 1, "附则"),
    ], got


def test_a_minutes_mark_over_its_own_number(tmp_path: Path) -> None:
    """A 纪要's mark ("…常务会议纪要", GB/T 9704 §10.3) over its own "〔2022〕8号": the mark is the title, and the
    number line is not glued to it (glued, it read as a citation of a 纪要 "常务会议纪要〔2022〕8号")."""
    x = run(tmp_path, "濮阳市人民政府常务会议纪要\n\n〔2022〕8号\n\n濮阳市人民政府办公室   2022年5月16日\n\n会议研究了以下事项：\n一、关于老旧小区改造\n会议要求，市住房城乡建设局牵头，市财政局配合，于2022年10月底前完成。\n")
    d = x.document
    assert (d.title, d.doc_type, d.issuer, d.signed_date) == ("濮阳市人民政府常务会议纪要", "纪要", "濮阳市人民政府办公室", "2022-05-16"), d
    assert x.references == [], x.references


def test_items_counted_in_a_paragraph_each_with_its_tag_are_titled_by_their_own_words(tmp_path: Path) -> None:
    """"一是清理…（县市场监管局牵头）；二是规范涉企收费（县发改局、县财政局负责）。": each counted item ends where its
    tag starts, so its own words title its task, not the section's heading."""
    x = run(
        tmp_path,
        "某县优化营商环境工作要点\n各乡镇人民政府，县直各单位：\n现将工作要点印发给你们。\n一、优化市场环境\n"
        "一是清理妨碍统一市场的政策措施（县市场监管局牵头）；二是规范涉企收费（县发改局、县财政局负责）。\n",
    )
    assert [(t.title, t.units) for t in x.tasks] == [("清理妨碍统一市场的政策措施", "县市场监管局"), ("规范涉企收费", "县发改局；县财政局")], x.tasks


TITLE_WITH_NUMBER = """归档时间:2018-11-21
当前位置: 首页 > 政务公开 > 政策法规

中共癸市委办公室癸市人民政府办公室印发《关于全面推进政务公开工作的实施意见》的通知(癸办发〔2017〕2号)

来源:癸市政府门户网 日期:2017-01-12 17:08 字号:【
视力保护色:
浏览量:

各县市区委、人民政府,癸市经济技术开发区,市直各单位,中央、省驻癸单位:

《关于全面推进政务公开工作的实施意见》已经市委、市人民政府同意,现印发给你们,请结合实际认真贯彻执行。

中共癸市委办公室

癸市人民政府办公室

2017年1月10日
"""


def test_a_title_printed_with_its_number_in_brackets(tmp_path: Path) -> None:
    """A page prints the 文号 in brackets after the title; its empty fields (视力保护色:, 浏览量:) take nothing
    from the next line; addressees that share a head stay one (各县市区委、人民政府; 中央、省驻癸单位)."""
    d = run(tmp_path, TITLE_WITH_NUMBER).document
    assert d.title == "中共癸市委办公室癸市人民政府办公室印发《关于全面推进政务公开工作的实施意见》的通知", d.title
    assert d.doc_number == "癸办发〔2017〕2号", d.doc_number
    assert d.recipients == "各县市区委、人民政府；癸市经济技术开发区；市直各单位；中央、省驻癸单位", d.recipients
    assert (d.issuer, d.signed_date) == ("中共癸市委办公室；癸市人民政府办公室", "2017-01-10"), d


def test_a_title_whose_line_ends_in_a_book_title(tmp_path: Path) -> None:
    """A title line ending in 》 ("关于印发2022年《政府工作报告》") goes on when the next line finishes it."""
    text = "子旗人民政府办公室\n关于印发2022年《政府工作报告》\n重点任务责任落实分工的通知\n各苏木乡镇人民政府，旗政府各部门：\n经旗人民政府同意，现将分工印发给你们，请认真贯彻落实。\n2022年2月21日\n"
    d = run(tmp_path, text).document
    assert d.title == "子旗人民政府办公室关于印发2022年《政府工作报告》重点任务责任落实分工的通知", d.title



def test_a_title_whose_kind_is_followed_by_the_field_it_covers(tmp_path: Path) -> None:
    """生态环境部's quota plan for one industry, as a PDF export heads it ("…配额总量设定与分配实施方案（发电行业）"): the
    bracket after its kind names the field the plan covers, so the line is still the title and its kind 实施方案."""
    text = (
        "# 2019-2020 年全国碳排放权交易配额总量设定与分配 实 施 方 案 （ 发 电 行 业 ）\n\n"
        "一、纳入配额管理的重点排放单位名单\n\n筛选确定纳入2019-2020年全国碳市场配额管理的重点排放单位名单，并实行名录管理。\n\n"
        "二、配额总量\n\n省级生态环境主管部门核定各重点排放单位的配额数量。\n"
    )
    d = run(tmp_path, text, suffix=".md").document
    assert (d.title, d.doc_type) == ("2019-2020年全国碳排放权交易配额总量设定与分配实施方案（发电行业）", "实施方案"), d



def test_an_attachments_items_are_not_the_last_body_items_children(tmp_path: Path) -> None:
    """A report whose 附件1 lists problems with numbered measures ("（1）…"): after the attachment's label the
    headings start a tree of their own, so its （1） items are not sub-items of the body's last （二）."""
    text = (
        "上海市关于贯彻落实督察反馈意见整改情况的报告\n"
        "一、坚决扛起督察整改政治责任\n（一）加强组织领导。成立市生态文明建设领导小组。\n（二）狠抓责任落实。逐一细化责任分工。\n"
        "特此报告。\n附件：1.具体问题整改进展情况\n中共上海市委\n上海市人民政府\n2021年11月19日\n"
        "附件1\n具体问题整改进展情况\n项目1.1：一些地方贯彻绿色发展理念的内在动力还不强。\n整改时限：2021年底。\n"
        "（1）定期调度重点项目进展，统筹推进三大保卫战。\n（2）印发现代环境治理体系实施意见。\n"
    )
    ex = run(tmp_path, text)
    items = [x for x in ex.sections if x.label in ("（1）", "（2）")]
    assert len(items) == 2 and all(x.parent_id == "" for x in items), ex.sections
    assert [x.section_id for x in ex.sections if x.label == "（二）"] == ["s1.2"], ex.sections


BARRED_METADATA = """索引号: | 11341602003166647K/202004-00328 | 信息分类: | 规范性文件 |
发布机构: | 丑区政府(办公室) | 主题分类: | 综合政务 / 通知 |
成文日期: | 发布日期: | 2020-04-09 08:44 | |
发文字号: | 无 | 有 效 性: | 失效 |
标 题: | 丑区人民政府办公室关于印发2020年政府工作报告重点工作任务分解表的通知 | ||
各乡镇人民政府、街道办事处,区政府各部门:
现将《丑区2020年度政府工作报告重点工作任务分解表》印发给你们,请按照要求,结合实际认真抓好落实。
"""


def test_a_barred_metadata_block_gives_title_status_and_date(tmp_path: Path) -> None:
    """A page's metadata table copied with its bars, two fields a line: its 标题, 发布日期 and 有效性 are read,
    an empty 成文日期 and a 文号 of 无 give nothing."""
    d = run(tmp_path, BARRED_METADATA).document
    assert d.title == "丑区人民政府办公室关于印发2020年政府工作报告重点工作任务分解表的通知", d.title
    assert (d.status, d.published_date, d.doc_number, d.signed_date) == ("失效", "2020-04-09", "", ""), d


def test_a_metadata_table_copied_with_bars_and_no_colons(tmp_path: Path) -> None:
    """"文号 | 鹿山政〔2020〕72号 |": a page's table copied with its bars and without colons is read as fields;
    addressees ending in 村 or 站所 run into the first paragraph are read."""
    text = (
        "索引号 | 001008003001086/2020-42401 | ||\n组配分类 | 部门文件 | 发布机构 | 寅镇 |\n生成日期 | 2020-10-22 | 公开方式 | 主动公开 |\n"
        "文号 | 寅山政〔2020〕72号 |\n各科室,各站所,各村: 为提高政府处置突发公共事件的能力,经研究,制定《寅镇突发公共事件总体应急预案》,现印发给你们,请认真执行。\n"
    )
    d = run(tmp_path, text).document
    assert (d.doc_number, d.published_date, d.recipients) == ("寅山政〔2020〕72号", "2020-10-22", "各科室；各站所；各村"), d


STANDING_COMMITTEE = """卯省村务公开条例

卯省人大常委会


卯省村务公开条例

(2009年7月22日卯省第十一届人民代表大会常务委员会第十次会议通过)


卯省第十一届人民代表大会常务委员会公告

  第28号


  《卯省村务公开条例》已由卯省第十一届人民代表大会常务委员会第十次会议于2009年7月22日通过,现予公布,自2009年11月1日起施行。

卯省人民代表大会常务委员会
2009年7月22日

第一章 总 则

  第一条 为了规范村务公开,完善村民自治,根据《中华人民共和国村民委员会组织法》,结合本省实际,制定本条例。
"""


def test_a_standing_committee_announcement_promulgating_a_regulation(tmp_path: Path) -> None:
    """A people's congress standing committee numbers its 公告 within its term (第28号 on the line under it);
    the regulation's title stands above its 题注, and the regulation does not cite itself."""
    x = run(tmp_path, STANDING_COMMITTEE)
    d = x.document
    assert (d.doc_number, d.title, d.valid_from) == ("卯省第十一届人民代表大会常务委员会公告第28号", "卯省村务公开条例", "2009-11-01"), d
    assert [r.cited_title for r in x.references] == ["中华人民共和国村民委员会组织法"], x.references


def test_an_html_body_pasted_as_one_line(tmp_path: Path) -> None:
    """A text export holding the page's HTML body on one line ("<p>各市…：</p><p>现将…</p>"): each <p> is a
    paragraph, so the 署名 and 成文日期 after the body are read."""
    text = (
        "发文机关:巳省人民政府\n文号 :巳政发〔2018〕13号\n"
        '<p>各市、县人民政府,省人民政府各委、办、厅、局:</p><p> 现将《巳省城乡居民增收实施方案》印发给你们,请认真组织实施。</p>'
        '<p style="text-align: right;"> 巳省人民政府</p><p style="text-align: right;"> 2018年3月27日</p><p><br/></p>'
        "<p><strong> 一、指导思想</strong></p><p> 到2020年,城镇就业规模逐步扩大。</p>\n"
    )
    d = run(tmp_path, text).document
    assert (d.doc_number, d.issuer, d.signed_date) == ("巳政发〔2018〕13号", "巳省人民政府", "2018-03-27"), d
    assert d.recipients == "各市、县人民政府；省人民政府各委、办、厅、局", d.recipients


def test_units_in_hexagonal_brackets_and_a_title_in_parts(tmp_path: Path) -> None:
    """"〔省发展改革委、省数据局（省营商局）等按职责分工负责〕": a unit list whose units carry brackets is put in
    〔〕; "…分工方案（一）" is a title, part one of several."""
    text = (
        "2025年省《政府工作报告》重点工作分工方案（一）\n"
        "为确保省《政府工作报告》各项重点工作落地见效，现制定分工方案如下。\n"
        "一、加快推进300个省级重大项目建设。〔省发展改革委、省数据局（省营商局）、省交通运输厅等按职责分工负责〕\n"
    )
    x = run(tmp_path, text)
    assert (x.document.title, x.document.doc_type) == ("2025年省《政府工作报告》重点工作分工方案（一）", "方案"), x.document
    assert [t.units for t in x.tasks] == ["省发展改革委；省数据局（省营商局）；省交通运输厅"], x.tasks


def test_a_closing_formula_signature_and_date_run_on(tmp_path: Path) -> None:
    """A page that lost its line breaks runs 特此通告, the 署名 and the 成文日期 on after the body: each is read."""
    text = (
        "关于对午市体育馆周边道路实施临时交通管制的通告\n"
        "午市将举办新春文艺晚会,我支队决定对体育馆周边道路实施临时交通管制。现通告如下:\n"
        "一、临时交通管制时间 2023年1月20日 17:00-22:30 二、交通管制路段 体育支路。 "
        "敬请广大市民自觉遵守本通告。 特此通告 午市公安局交通警察支队 2023年1月20日\n"
    )
    x = run(tmp_path, text)
    assert (x.document.issuer, x.document.signed_date) == ("午市公安局交通警察支队", "2023-01-20"), x.document
    assert [(d.text, d.kind, d.start, d.end) for d in x.deadlines] == [("2023年1月20日17:00-22:30", "range", "2023-01-20", "2023-01-20")], x.deadlines


RULES_IN_CHAPTERS = """甲县人民政府工作规则
第一章　总则
一、根据有关法律法规，结合本县实际，制定本规则。
二、县政府工作的指导思想是坚持依法行政。
第二章　组成人员和政府职能
三、县政府由县长、副县长组成。
（一）县长主持县政府全面工作。
（二）副县长协助县长工作。
四、县政府实行县长负责制。
第三章　附则
第一节　一般规定
五、本规则自印发之日起施行。
"""


def test_chapters_hold_the_numbered_headings_under_them(tmp_path: Path) -> None:
    """A 工作规则 or a 规划 numbers its paragraphs 一、二、 inside 第X章 (and 第X节): they are children of their
    chapter, each section_id is unique, and the level stays the scheme's (SCHEMA.md: 1 = 一、)."""
    x = run(tmp_path, RULES_IN_CHAPTERS)
    got = [(s.section_id, s.parent_id, s.level, s.label) for s in x.sections]
    assert got == [
        ("s1", "", 1, "第一章"), ("s1.1", "s1", 1, "一"), ("s1.2", "s1", 1, "二"),
        ("s2", "", 1, "第二章"), ("s2.1", "s2", 1, "三"), ("s2.1.1", "s2.1", 2, "（一）"), ("s2.1.2", "s2.1", 2, "（二）"), ("s2.2", "s2", 1, "四"),
        ("s3", "", 1, "第三章"), ("s3.1", "s3", 2, "第一节"), ("s3.1.1", "s3.1", 1, "五"),
    ], got


ARTICLES_THEN_SECTIONS = """甲市物业管理条例
第一章　总则
第一条　为了规范物业管理活动，制定本条例。
第二章　业主
第二条　业主享有下列权利。
第三条　业主履行下列义务。
第一节　业主委员会
第四条　业主委员会是业主大会的执行机构。
"""


def test_articles_before_the_first_section_of_a_chapter_keep_unique_ids(tmp_path: Path) -> None:
    """第二条 and 第三条 stand under 第二章 before its 第一节: the 节 is the chapter's third child (s2.3), not a
    second s2.1."""
    x = run(tmp_path, ARTICLES_THEN_SECTIONS)
    ids = [s.section_id for s in x.sections]
    assert len(ids) == len(set(ids)), ids
    got = {s.label: (s.section_id, s.parent_id) for s in x.sections}
    assert got["第一节"] == ("s2.3", "s2") and got["第四条"] == ("s2.3.1", "s2.3"), got


JOINT_TITLE_WITH_PARTY_BODY = """甲乙市发展和改革委员会 中共甲乙市委社会工作部 甲乙市规划和自然资源局 甲乙市住房和城乡建设局 关于印发甲乙市城市社区嵌入式服务设施建设工程实施方案的通知

各区(市)县政府(管委会),市级有关部门:

经市领导同意,现将《甲乙市城市社区嵌入式服务设施建设工程实施方案》印发给你们,请结合实际认真贯彻落实。

一、主要目标

到2025年底前,全市首批100个示范社区全面建成。
"""


def test_four_joint_issuers_at_the_head_of_a_title_one_a_party_body(tmp_path: Path) -> None:
    """A page copy without 署名: the issuers are the head of the title, four of them (over forty characters),
    one a party body whose place follows 中共."""
    d = run(tmp_path, JOINT_TITLE_WITH_PARTY_BODY).document
    assert d.issuer == "甲乙市发展和改革委员会；中共甲乙市委社会工作部；甲乙市规划和自然资源局；甲乙市住房和城乡建设局", d.issuer


ISSUED_WITHOUT_TITLE = """各县(区)人民政府,市政府各部门:
《2023年甲乙市政务公开工作要点》已经市政府同意,现印发给你们,请结合实际认真贯彻落实。
《甲乙市人民政府常务会议议事规则》已经2024年11月13日召开的市人民政府第93次常务会议通过,现予印发。
甲乙市人民政府办公室
2023年8月7日
为贯彻《中华人民共和国政府信息公开条例》,现印发《甲乙市依申请公开办理规程》,请遵照执行。
"""


def test_what_a_notice_issues_is_no_citation_when_its_title_is_missing(tmp_path: Path) -> None:
    """A page that starts at the addressees: the documents the body issues (现印发给你们, 现予印发) are its
    attachments; the law named before 现印发《…》 is cited."""
    x = run(tmp_path, ISSUED_WITHOUT_TITLE)
    assert [r.cited_title for r in x.references] == ["中华人民共和国政府信息公开条例"], x.references


LAW_DATABASE_JOINT = """您的位置: 首页 » 资料网 » 法律法规 »

关于返还某项基金问题的通知

时间:2024-07-09 06:45:11 来源: 资料网 作者:资料网 阅读:9824
下载地址: 点击此处下载

关于返还某项基金问题的通知

甲市财政局、甲市司法局


关于返还某项基金问题的通知
甲市财政局、甲市司法局



一、返还数额按实际交纳数的70%计算。
二、返还的年限为1990年至1992年。
"""


def test_joint_issuers_on_a_line_under_the_title(tmp_path: Path) -> None:
    """A law database prints the issuers under the title, joined by 、, with no 文号 and no 署名."""
    d = run(tmp_path, LAW_DATABASE_JOINT).document
    assert (d.title, d.issuer) == ("关于返还某项基金问题的通知", "甲市财政局；甲市司法局"), (d.title, d.issuer)


DECISION_AMENDING = """甲乙市人民政府关于修改《甲乙市行政规范性文件管理规定》的决定

甲乙市人民政府令第5号

《甲乙市人民政府关于修改〈甲乙市行政规范性文件管理规定〉的决定》已经市政府常务会议讨论通过，现予公布，自2006年1月1日起施行。

二○○五年十一月二十九日

甲乙市人民政府关于修改《甲乙市行政规范性文件管理规定》的决定

甲乙市人民政府决定对《甲乙市行政规范性文件管理规定》作如下修改：

一、第二条修改为：本规定所称行政规范性文件，是指政府及其职能部门制定并公开发布的文件。
"""


def test_the_first_sentence_of_a_decision_is_no_addressee(tmp_path: Path) -> None:
    """"…决定对《…》作如下修改：" ends with a colon after the title, but names a document: body, not 主送机关."""
    d = run(tmp_path, DECISION_AMENDING).document
    assert d.recipients == "" and d.doc_number == "甲乙市人民政府令第5号", (d.recipients, d.doc_number)


PLAN_WITH_BARE_CONTENTS = """丙县人民政府办公室关于印发丙县突发环境事件应急预案（试行）的通知
丙政办发〔2017〕46号
各乡镇人民政府，县级有关部门：
经县人民政府同意，现将《丙县突发环境事件应急预案（试行）》印发给你们，请认真贯彻执行，原2007年印发的《丙县突发环境事件应急预案》同时废止。
丙县人民政府办公室
2017年6月23日
丙县突发环境事件应急预案（试行）
总则
1.1 编制目的
1.2 编制依据
组织体系及职责
2.1 指挥机构
2.2 办事机构
1 总则
1.1 编制目的
建立健全突发环境事件应急机制，提高政府应对突发环境事件的能力。
1.2 编制依据
依据有关法律法规制定本预案。
2 组织体系及职责
2.1 指挥机构
县人民政府成立突发环境事件应急指挥部，由分管副县长任指挥长。
2.2 办事机构
指挥部办公室设在县生态环境分局。
"""


def test_a_contents_list_without_chapter_numbers_leaves_the_first_chapter_a_heading(tmp_path: Path) -> None:
    """The contents list names its chapters bare ("总则") and the text numbers them ("1 总则"): the run of
    short lines ends before "1 总则", which opens the text, so 1.1 and 1.2 sit under it."""
    x = run(tmp_path, PLAN_WITH_BARE_CONTENTS)
    got = [(s.section_id, s.label, s.heading) for s in x.sections]
    assert got == [
        ("s1", "1", "总则"),
        ("s1.1", "1.1", "编制目的"),
        ("s1.2", "1.2", "编制依据"),
        ("s2", "2", "组织体系及职责"),
        ("s2.1", "2.1", "指挥机构"),
        ("s2.2", "2.2", "办事机构"),
    ], got


def test_the_earlier_text_a_notice_repeals_is_cited(tmp_path: Path) -> None:
    """原2007年印发的《丙县突发环境事件应急预案》同时废止: the plan's older version, named like the plan the
    notice issues but for its （试行）, is a document the notice cites; the issued plan is not."""
    x = run(tmp_path, PLAN_WITH_BARE_CONTENTS)
    assert [r.cited_title for r in x.references] == ["丙县突发环境事件应急预案"], x.references
    assert "同时废止" in x.references[0].evidence


REPOSTED_WITH_CHROME = """返 回
所在位置: 丁网 > 热点专题
丁市人民政府办公厅关于印发2020年政府工作报告重点工作责任分解的通知
发布时间:2020-05-29 14:36:23
各区、县(市)人民政府,市政府各部门、各直属单位:
《2020年政府工作报告重点工作责任分解》已经市政府同意,现印发给你们,请结合以下要求认真贯彻执行。
一、各级各部门要提高站位,强化责任,不折不扣落实重点工作任务。
二、责任分解中,列第一位的责任单位为牵头单位或汇总单位。
丁市人民政府办公厅
2020年5月20日
来源:   作者:   编辑:王五
"""


def test_a_back_button_and_a_breadcrumb_named_so_are_no_part_of_the_title(tmp_path: Path) -> None:
    d = run(tmp_path, REPOSTED_WITH_CHROME).document
    assert d.title == "丁市人民政府办公厅关于印发2020年政府工作报告重点工作责任分解的通知", d.title
    assert (d.issuer, d.signed_date, d.published_date) == ("丁市人民政府办公厅", "2020-05-20", "2020-05-29"), d


DUTY_BREAKDOWN = """戊市政府工作报告重点工作责任分解（2023年）
一、全市经济社会发展主要预期目标
1.生产总值增长6%以上。
责任单位：市发改委
4.固定资产投资增长10%。
责任单位：市发改委、市经信局、市财政局（除标注“分别牵头”外，列第一位为牵头或汇总单位，下同）
6.城乡居民收入增速保持全省领先。
责任单位：市人力社保局、市农业农村局分别牵头
二、重点抓好六方面工作
（一）全力以赴拼经济稳增长促发展。
10.实施招商引资“百千”行动，每年招引亿元以上制造业项目100个。
责任单位：市双招双引办、市发改委，各县（市、区）政府
"""


def test_a_duty_breakdown_with_unit_lines_under_each_item(tmp_path: Path) -> None:
    """责任单位 lines under numbered items: the bracketed note on how to read the list and 分别牵头 are no part of
    a unit's name; the line under the single item of （一） is that item's, not （一）'s."""
    tasks = run(tmp_path, DUTY_BREAKDOWN).tasks
    got = [(t.title, t.units, t.lead_unit) for t in tasks]
    assert got == [
        ("生产总值增长6%以上", "市发改委", "市发改委"),
        ("固定资产投资增长10%", "市发改委；市经信局；市财政局", "市发改委"),
        ("城乡居民收入增速保持全省领先", "市人力社保局；市农业农村局", "市人力社保局"),
        ("实施招商引资“百千”行动，每年招引亿元以上制造业项目100个", "市双招双引办；市发改委；各县（市、区）政府", "市双招双引办"),
    ], got


TAIWAN_PHRASED = """己市人民政府關於印發己市規範性檔案管理規定的通知
己政〔2011〕53號
各縣(市、區)人民政府,市人民政府各部門:
現將《己市規範性檔案管理規定》印發給你們,請認真遵照執行。
己市人民政府
二○一一年七月二十八日
第一條 為了使規範性檔案的制定科學化、制度化,根據《行政法規制定程式條例》,推進“網際網路+政務服務”,最佳化營商環境,制定本規定。
"""

CHARACTER_CONVERTED = """己市人民政府關於加強人事檔案管理的通知
己政〔2011〕54號
各縣(市、區)人民政府:
請各地加強人事檔案管理,推進“互聯網+政務服務”,優化營商環境。
己市人民政府
二○一一年七月二十九日
"""


def test_a_page_converted_with_taiwan_phrasing_gets_its_mainland_words_back(tmp_path: Path) -> None:
    """A wiki mirror's copy converted with Taiwan phrasing (文件 -> 檔案, 程序 -> 程式, 互联网 -> 網際網路, 优化 ->
    最佳化) reads as the mainland notice; a page converted character by character keeps its 档案."""
    x = run(tmp_path, TAIWAN_PHRASED, "tw")
    assert x.document.title == "己市人民政府关于印发己市规范性文件管理规定的通知", x.document.title
    assert [r.cited_title for r in x.references] == ["行政法规制定程序条例"], x.references
    assert "推进“互联网+政务服务”，优化营商环境" in x.text
    y = run(tmp_path, CHARACTER_CONVERTED, "chars")
    assert y.document.title == "己市人民政府关于加强人事档案管理的通知", y.document.title


LINK_ONLY_PAGE = """<html><head><meta charset="utf-8"><title>关于印发《癸市2024年政务公开工作要点》的通知</title></head>
<body><div class="article"><h1>关于印发《癸市2024年政务公开工作要点》的通知</h1>
<div class="info">发布时间：2024-04-02 来源：市政府办公室</div>
<div class="content"><p>附件：<a href="/files/2024/gzyd.pdf">关于印发《癸市2024年政务公开工作要点》的通知.pdf</a></p></div>
</div></body></html>"""


def test_a_page_that_only_links_its_notice_says_so(tmp_path: Path) -> None:
    """A page with the notice's title and, for its text, only a link to a PDF: the document row keeps what the
    page says (title, date) and an errors row tells the analyst the text is in the linked file."""
    path = tmp_path / "linkonly.html"
    path.write_text(LINK_ONLY_PAGE, encoding="utf-8")
    x = process_path(path)
    assert (x.document.title, x.document.error) == ("关于印发《癸市2024年政务公开工作要点》的通知", ""), x.document
    assert len(x.errors) == 1 and "关于印发《癸市2024年政务公开工作要点》的通知.pdf" in x.errors[0].error, x.errors
    assert not run(tmp_path, REPOSTED_WITH_CHROME).errors, "a page with its text is not flagged"


OTHER_TABLE_HEADERS = """子市发展和改革委员会关于印发2024年营商环境改革任务清单的通知
子发改〔2024〕21号
委机关各处室：
现将《2024年营商环境改革任务清单》印发给你们，请认真抓好落实。
子市发展和改革委员会
2024年2月20日
序号\t改革任务\t具体任务\t牵头处室\t协同单位\t完成期限
1\t优化企业开办服务\t推行企业开办一网通办\t体改处\t市市场监管局、市税务局\t2024年6月底前
2\t提升项目审批效率\t推行并联审批\t投资处\t市住房城乡建设局\t2024年9月底前
"""


def test_task_table_headers_of_other_offices(tmp_path: Path) -> None:
    """改革任务 / 具体任务 / 牵头处室 / 协同单位 / 完成期限 are a task table's title, detail, lead, co and limit."""
    tasks = run(tmp_path, OTHER_TABLE_HEADERS).tasks
    got = [(t.title, t.detail, t.units, t.lead_unit, t.due_date) for t in tasks]
    assert got == [
        ("优化企业开办服务", "推行企业开办一网通办", "体改处；市市场监管局；市税务局", "体改处", "2024-06-30"),
        ("提升项目审批效率", "推行并联审批", "投资处；市住房城乡建设局", "投资处", "2024-09-30"),
    ], got


SENTENCE_TAGS = """丑市人民政府办公室关于印发丑市优化营商环境若干措施的通知
丑政办发〔2024〕6号
各县（市、区）人民政府，市政府各部门：
现将《丑市优化营商环境若干措施》印发给你们，请认真贯彻执行。
丑市人民政府办公室
2024年1月8日
一、提升政务服务效能
（一）推行企业开办一网通办。2024年6月底前实现企业开办全程网办。由市市场监管局牵头，市税务局、市公安局配合。
（二）压减工程建设项目审批时间。推行并联审批和区域评估。市住房城乡建设局牵头负责。
（三）加强政策宣传。各地要通过多种渠道宣传政策，由各县（市、区）人民政府负责。
"""


def test_units_named_in_a_closing_sentence_of_an_item(tmp_path: Path) -> None:
    """An item that names its units in a sentence of their own, without brackets (由A牵头，B、C配合。 / A牵头负责。),
    is a task with those units; a sentence of prose that names a unit (各地要…，由…负责) is read no further
    than before."""
    got = task_rows(run(tmp_path, SENTENCE_TAGS).tasks)
    assert got == [
        ("推行企业开办一网通办", "市市场监管局；市税务局；市公安局", "市市场监管局", "2024-06-30"),
        ("压减工程建设项目审批时间", "市住房城乡建设局", "市住房城乡建设局", ""),
        ("加强政策宣传", "", "", ""),
    ], got


PDF_GLYPH_BRACKETS = """寅省人民政府办公厅文件
寅政办发„2009‟24号
寅省人民政府办公厅关于加强高校毕业生就业工作的通知
省直有关部门：根据《国务院办公厅关于加强普通高等学校毕业生就业工作的通知》（国办发„2009‟3号）精神，现就有关问题通知如下：
一、充分认识做好高校毕业生就业工作的重要性。
寅省人民政府办公厅
二〇〇九年二月二十日
"""


def test_doc_number_brackets_a_pdf_font_turned_into_quotes_and_collective_addressees_on_the_body_line(tmp_path: Path) -> None:
    """Text copied from some PDFs has „‟ where the font drew 〔〕 (湘政办发„2009‟24号); addressees named as a
    collective (省直有关部门：) run into the body's first sentence are split off as the 主送机关."""
    x = run(tmp_path, PDF_GLYPH_BRACKETS)
    d = x.document
    assert (d.doc_number, d.title, d.recipients) == ("寅政办发〔2009〕24号", "寅省人民政府办公厅关于加强高校毕业生就业工作的通知", "省直有关部门"), d
    assert [(r.cited_title, r.cited_doc_number) for r in x.references] == [("国务院办公厅关于加强普通高等学校毕业生就业工作的通知", "国办发〔2009〕3号")]


CONSULTATION_PAGE = """今天是:2025年12月06日
巳市水利局
征集调查
主题:
巳市人民政府防汛抗旱指挥部办公室关于征求《巳市防汛应急预案(征求意见稿)》修改意见的函
时限:
截止:2019-06-18
征集状态:
已结束 查看征集结果
结果反馈日期:
巳市人民政府防汛抗旱指挥部办公室关于征求《巳市防汛应急预案(征求意见稿)》修改意见的函
市直有关部门: 为切实做好防汛减灾工作，市防汛办修订完善形成了《巳市防汛应急预案(征求意见稿)》。请各单位于6月18日前将修改意见反馈至市防汛办。
"""


def test_page_field_labels_above_a_notice_do_not_end_the_title_search(tmp_path: Path) -> None:
    """A consultation page prints its fields as labels on their own lines (主题：/时限：/征集状态：) above the
    notice: they are no 主送机关, so the title below them is found, and the addressees run into the body's
    first sentence (市直有关部门：为切实…) are split off."""
    x = run(tmp_path, CONSULTATION_PAGE)
    d = x.document
    assert d.title == "巳市人民政府防汛抗旱指挥部办公室关于征求《巳市防汛应急预案（征求意见稿）》修改意见的函", d.title
    assert (d.issuer, d.recipients, d.doc_type) == ("巳市人民政府防汛抗旱指挥部办公室", "市直有关部门", "函"), d
    assert not x.references, "the draft the letter asks comments on is its own matter"


COPIED_FROM_PDF = """午市人民政府办公室关于印发午市城市更新行动方案的通知
午政办发〔2023〕7号
各县（市、区）人民政府，市政府各部门：
经市政府同意，现将《午市城市更新行动方案》印发给你们，请认真贯彻落实。
午市人民政府办公室
2023年3月15日
— 1 —
午市城市更新行动方案
为推进城市更新，制定本方案。
"""


def test_a_pdf_page_number_copied_with_the_text_runs_into_no_line(tmp_path: Path) -> None:
    """"— 1 —" (GB/T 9704 §7.5) copied from a PDF ends with a dash, which would otherwise carry it into the
    next line: it stays a line of its own, and the plan's title after it stays whole."""
    x = run(tmp_path, COPIED_FROM_PDF)
    lines = x.text.splitlines()
    assert "午市城市更新行动方案" in lines and not any(l.startswith("—1—") and len(l) > 3 for l in lines), lines


LOST_BRACKET_PAGE = """酉县人民政府
首页 >> 公开信息内容
酉县人民政府办公室关于印发酉县突发环境事件应急预案（试行）的通知
索引号:11532323015172622Y-/2018-1220012 公文目录:应急管理 发文日期:2017年06月28日
酉政办发〔201746
各乡镇人民政府，县级有关部门：
经县人民政府同意，现将《酉县突发环境事件应急预案（试行）》印发给你们，请认真贯彻执行。
酉县人民政府办公室
2017年6月23日
"""


def test_a_doc_number_that_lost_its_closing_bracket_and_a_site_banner_above_the_title(tmp_path: Path) -> None:
    """A page that lost the 〕 and 号 of its 文号 (酉政办发〔201746: the year has four digits, the rest is the
    serial) still has its 文号 read from that line; the site's name above the title printed over the 文号 is
    the page's banner, not the 发文机关标志."""
    d = run(tmp_path, LOST_BRACKET_PAGE).document
    assert (d.doc_number, d.doc_number_year, d.doc_number_serial) == ("酉政办发〔2017〕46号", 2017, 46), d
    assert (d.issuer, d.recipients) == ("酉县人民政府办公室", "各乡镇人民政府；县级有关部门"), d


ENCYCLOPEDIA_PAGE = """丙省人民政府办公厅关于同意丁市等3县（市、区）为省级园林城市的复函。
基本介绍
- 中文名:丙省人民政府办公厅关于同意丁市等3县（市、区）为省级园林城市的复函
- 颁布时间:2022年1月11日
- 发布单位:丙省人民政府
- 发文字号:丙政办字〔2022〕2号
复函全文,
复函全文
丁市、戊市、己市人民政府：
经省政府研究，同意丁市、戊县、己市庚区为省级园林城市。请继续指导上述地区做好园林城市建设工作。
"""


def test_an_encyclopedia_page_names_the_notice_in_a_sentence_and_an_infobox(tmp_path: Path) -> None:
    """An encyclopedia mirror writes the title as its first sentence (with a full stop), the 文号 and dates in
    an infobox of bulleted fields (中文名, 颁布时间, 发布单位) and section headings (基本介绍, 复函全文) between the
    title and the 主送机关: the notice's elements are all read, the headings are no part of them."""
    d = run(tmp_path, ENCYCLOPEDIA_PAGE).document
    assert d.title == "丙省人民政府办公厅关于同意丁市等3县（市、区）为省级园林城市的复函", d.title
    assert (d.doc_number, d.issuer, d.doc_type) == ("丙政办字〔2022〕2号", "丙省人民政府办公厅", "函"), d
    assert d.recipients == "丁市、戊市、己市人民政府", d.recipients
    assert (d.published_date, d.signed_date) == ("2022-01-11", ""), d


LOST_SPACES = """甲政发〔2023〕8号
各市、自治州人民政府，省政府各部门：
《甲省人民政府工作规则》已经2023年1月19日省政府常务会议审议通过，现印发给你们，请遵照执行。
甲省人民政府????????
2023年1月19日????????
（此件公开发布）
甲省人民政府工作规则
第一章?总?则
第一条?为了规范省政府工作，制定本规则。
第二条?本规则自印发之日起施行。
"""


def test_spaces_an_encoding_lost_as_question_marks(tmp_path: Path) -> None:
    """A page saved in an encoding without the full-width space shows "?" for it, in runs after the 署名 and
    the date: the 署名 and 成文日期 are read, and "第一章?总?则" is the chapter 总则, not a question."""
    x = run(tmp_path, LOST_SPACES)
    d = x.document
    assert (d.issuer, d.signed_date, d.publicity) == ("甲省人民政府", "2023-01-19", "此件公开发布"), d
    assert [(s.label, s.heading) for s in x.sections][:2] == [("第一章", "总则"), ("第一条", "为了规范省政府工作，制定本规则")], x.sections
    assert "?" not in x.text and "？" not in x.text


def test_a_real_question_mark_stays_where_no_run_shows_lost_spaces(tmp_path: Path) -> None:
    text = LOST_SPACES.replace("????????", "").replace("?", "").replace("为了规范省政府工作", "政府工作如何规范?为了规范省政府工作")
    x = run(tmp_path, text)
    assert "政府工作如何规范？" in x.text


def test_short_names_before_a_shared_head_are_one_addressee(tmp_path: Path) -> None:
    """"城北、城南街道办事处": two places the gazetteer lacks share the head 街道办事处 (one addressee, as
    "唐山、廊坊市人民政府" is); a county's own items stay apart."""
    from pipeline.extract.metadata import split_addressees

    assert split_addressees("各镇人民政府，城北、城南街道办事处，县政府各部门") == ["各镇人民政府", "城北、城南街道办事处", "县政府各部门"]
    assert split_addressees("县委办、县政府办，县直各单位") == ["县委办", "县政府办", "县直各单位"]
    # an abbreviated body ending like one (市妇联, 市残联) is an addressee of its own, not a function sharing a head
    assert split_addressees("团市委、市妇联、市残联") == ["团市委", "市妇联", "市残联"]
    assert split_addressees("市发展改革、财政部门") == ["市发展改革、财政部门"]


POLICY_DESK_FIELDS = """索引号: | 11341602003166647K/202004-00328 | 信息分类: | 规范性文件 |
发布机构: | 乙区政府(办公室) | 主题分类: | 综合政务 / 通知 |
发文字号: | 无 | 有 效 性: | 失效 |
标 题: | 甲市乙区人民政府办公室关于印发2020年政府工作报告重点工作任务分解表的通知 | ||
政策咨询机关: | 政策咨询电话: |
索引号: | 11341602003166647K/202004-00328 | ||
发布机构: | 乙区政府(办公室) | ||
发布日期: | 2020-04-09 | ||
标 题: | 甲市乙区人民政府办公室关于印发2020年政府工作报告重点工作任务分解表的通知 | ||
政策咨询机关: | |||
政策咨询电话: |
各乡镇人民政府、街道办事处,区政府各部门、各直属机构:
经区政府研究同意，现将《乙区2020年度政府工作报告重点工作任务分解表》印发给你们，请认真抓好落实。
"""


def test_a_policy_desk_field_is_page_furniture_not_the_addressees(tmp_path: Path) -> None:
    """"政策咨询机关：| 政策咨询电话：|" (a page's fields for policy questions, its metadata block printed twice)
    ends in an organisation word but names no addressee: the 主送机关 is the line under the block."""
    d = run(tmp_path, POLICY_DESK_FIELDS).document
    assert d.recipients == "各乡镇人民政府；街道办事处；区政府各部门；各直属机构", d.recipients
    assert (d.title, d.status) == ("甲市乙区人民政府办公室关于印发2020年政府工作报告重点工作任务分解表的通知", "失效"), d


LAW_DATABASE_PAGE = """广东规范性文件 > 正文阅览
转第
下载
保留字段信息
页面宽度(px):

页面宽度范围为200至2000

丙市人民政府关于印发《丙市人民政府工作规则》的通知(2019修订)

丙市人民政府关于印发《丙市人民政府工作规则》的通知

各县(市、区)人民政府,市政府各部门、各直属机构:
  新修订的《丙市人民政府工作规则》已经七届第44次市政府常务会议审议通过。现印发给你们,自印发之日起施行,请认真贯彻执行。
丙市人民政府
  2019年11月29日

丙市人民政府工作规则(2019年11月修订)

  一、根据《中华人民共和国宪法》,参照《广东省人民政府工作规则》,制定本规则。
"""


def test_a_law_database_reading_page(tmp_path: Path) -> None:
    """A law database's page (北大法宝) prints its reading controls above the notice ("页面宽度(px):" ends with a
    colon like a field) and the title with its revision mark: the title and 主送机关 are read, and what the
    notice issues ("…审议通过。现印发给你们") is no citation."""
    x = run(tmp_path, LAW_DATABASE_PAGE)
    d = x.document
    assert d.title == "丙市人民政府关于印发《丙市人民政府工作规则》的通知", d.title
    assert (d.issuer, d.recipients, d.signed_date) == ("丙市人民政府", "各县（市、区）人民政府；市政府各部门；各直属机构", "2019-11-29"), d
    assert [r.cited_title for r in x.references] == ["中华人民共和国宪法", "广东省人民政府工作规则"], x.references


DISTRICT_PAGE = """文 号 | 丁政办〔2020〕2 号 | 发文日期 | 2020-04-19 00:00 |
---|---|---|---|
发布机构 | 武汉市江汉区人民政府办公室 | 有 效 性 | 有效 |
标 题 | 丁政办〔2020〕2 号 区人民政府办公室关于印发 2020 年区政府工作报告任务分解方案的通知 |
丁政办〔2020〕2 号 区人民政府办公室关于印发 2020 年区政府工作报告任务分解方案的通知
区人民政府办公室关于印发2020年区政府
工作报告任务分解
方案的通知
各街道办事处,区人民政府各部门,区属各单位:
经区人民政府同意，现将《2020年区政府工作报告任务分解方案》印发给你们，请认真贯彻执行。
一、提高站位，主动担当作为。各责任单位要确保各项目标任务保质保量完成到位。
"""


def test_a_district_page_with_its_number_before_the_title_and_the_title_printed_again(tmp_path: Path) -> None:
    """A district's page: a table of fields (文号 before the title in its title field), the 文号 and title on one
    line, then the title again over three lines. The 文号 and title are split, the second print is no
    发文机关标志 ("区人民政府办公室关于印发2020年区政府" ends like an organisation but holds 关于) and the
    主送机关 under it is read; the title names its issuer without the place, and the page's 发布机构 field names
    it whole."""
    d = run(tmp_path, DISTRICT_PAGE).document
    assert (d.doc_number, d.title) == ("丁政办〔2020〕2号", "区人民政府办公室关于印发2020年区政府工作报告任务分解方案的通知"), d
    assert d.recipients == "各街道办事处；区人民政府各部门；区属各单位", d.recipients
    assert (d.issuer, d.region_city, d.region_county) == ("武汉市江汉区人民政府办公室", "武汉市", "江汉区"), d


def test_a_placeless_issuer_stays_as_written_without_a_fuller_page_field(tmp_path: Path) -> None:
    d = run(tmp_path, DISTRICT_PAGE.replace("武汉市江汉区人民政府办公室", "政府办")).document
    assert d.issuer == "区人民政府办公室", d.issuer


TASK_TAG_SHAPES = """戊市人民政府办公室关于印发戊市2024年优化营商环境重点任务清单的通知
戊政办发〔2024〕9号
各区人民政府，市政府各部门：
现将《戊市2024年优化营商环境重点任务清单》印发给你们，请认真贯彻落实。
戊市人民政府办公室
2024年3月1日
戊市2024年优化营商环境重点任务清单
一、提升政务服务效能
（一）优化企业开办服务。企业开办时间压缩至1个工作日内。（市市场监管局牵头，市公安局、市税务局配合，2024年6月底前完成）
（二）完善惠企政策兑现机制。责任单位：市发展改革委（牵头）、市财政局、市工业和信息化局。完成时限：2024年9月30日前。
（三）拓宽融资渠道。开展政银企对接活动不少于10场。（责任单位：市地方金融管理局、人行戊市分行；时间：全年）
"""


def test_task_tags_with_a_time_after_their_units(tmp_path: Path) -> None:
    """A bracketed "A牵头，B、C配合，<limit>" ends with its time, which is no unit; a 完成时限 line after the units
    line's full stop is the task's limit; a tag's "时间：" label ends its units."""
    x = run(tmp_path, TASK_TAG_SHAPES)
    assert task_rows(x.tasks) == [
        ("优化企业开办服务", "市市场监管局；市公安局；市税务局", "市市场监管局", "2024-06-30"),
        ("完善惠企政策兑现机制", "市发展改革委；市财政局；市工业和信息化局", "市发展改革委", "2024-09-30"),
        ("拓宽融资渠道", "市地方金融管理局；人行戊市分行", "市地方金融管理局", ""),
    ], task_rows(x.tasks)


def test_two_role_labels_on_one_line(tmp_path: Path) -> None:
    """"牵头单位：县住建局 责任单位：各乡镇人民政府" (the space between them gone after normalising): both labels
    are read, the second's units assist; a 包抓领导 (a person) is no unit."""
    text = TASK_TAG_SHAPES.split("一、提升政务服务效能")[0] + (
        "一、扩大有效投资\n"
        "1.推进城市更新。改造老旧小区20个。牵头单位：市住建局 责任单位：各区人民政府\n"
        "2.加快园区建设。包抓领导：王某某副市长；牵头单位：市工信局；配合单位：市自然资源局、市财政局；完成时限：2024年10月底前\n"
    )
    x = run(tmp_path, text)
    assert task_rows(x.tasks) == [
        ("推进城市更新", "市住建局；各区人民政府", "市住建局", ""),
        ("加快园区建设", "市工信局；市自然资源局；市财政局", "市工信局", "2024-10-31"),
    ], task_rows(x.tasks)


JUDICIAL_INTERPRETATION = """# 最高人民法院关于审理某类纠纷案件适用法律若干问题的解释

2015年5月11日 最高人民法院审判委员会第1651次会议通过

2021年4月7日 最高人民法院审判委员会第1835次会议《关于修改〈关于审理某类纠纷案件适用法律若干问题的解释〉的决定》修正，该修正自2021年4月15日施行

<!-- INFO END -->

为依法审理某类纠纷案件，根据有关法律规定，现就审理此类案件具体适用法律的若干问题解释如下：

第一条 具有下列情形之一的，应当依照有关规定处理：

（一）一年内曾因同类行为受过行政处罚的；

（二）造成公私财物损失无法挽回的。

第二条 本解释自发布之日起施行。
"""


def test_a_judicial_interpretation_in_a_law_database_header(tmp_path: Path) -> None:
    """A 司法解释 (…的解释) is a titled document; its date is the last event of its making (修正 on 4月7日),
    not the day the amendment takes effect (该修正自4月15日施行); a first article ending in a colon is no
    主送机关."""
    x = run(tmp_path, JUDICIAL_INTERPRETATION, name="interp")
    d = x.document
    assert (d.title, d.issuer, d.doc_type) == ("最高人民法院关于审理某类纠纷案件适用法律若干问题的解释", "最高人民法院", "解释"), d
    assert (d.signed_date, d.recipients, d.admin_level) == ("2021-04-07", "", "national"), d


def test_a_place_inside_a_title_is_no_issuing_place(tmp_path: Path) -> None:
    """With no issuer, a title that starts with a place gives the region (广州市临时救助实施细则); one that only
    mentions places (往来香港地区或者澳门地区) gives none."""
    text = "# 中国公民因私事往来香港地区或者澳门地区的暂行管理办法\n\n<!-- INFO END -->\n\n第一条 为了便利中国公民因私事往来香港地区或者澳门地区，制定本办法。\n"
    d = run(tmp_path, text, name="hkmo").document
    assert (d.region_province, d.admin_level) == ("", ""), d


ONE_LINE = ("庚市人民政府办公室关于印发庚市城市更新行动方案的通知 庚政办发〔2023〕7号 各县（市、区）人民政府，市政府各部门： "
            "经市政府同意，现将《庚市城市更新行动方案》印发给你们，请认真贯彻落实。 庚市人民政府办公室 2023年3月15日 （此件公开发布） "
            "庚市城市更新行动方案 为推进城市更新，制定本方案。 一、总体要求 到2025年底，完成老旧小区改造100个。 二、重点任务 "
            "（一）实施老旧小区改造。2023年底前完成30个。（责任单位：市住建局、各县市区政府）")


def test_a_notice_whose_line_breaks_became_spaces(tmp_path: Path) -> None:
    """A crawled page saved as one line, its line breaks turned into spaces: the lines come back, so the 文号,
    title, 主送机关, 署名 and headings are read (a text of several lines keeps its spaces)."""
    x = run(tmp_path, ONE_LINE)
    d = x.document
    assert (d.doc_number, d.title, d.issuer, d.signed_date) == ("庚政办发〔2023〕7号", "庚市人民政府办公室关于印发庚市城市更新行动方案的通知", "庚市人民政府办公室", "2023-03-15"), d
    assert d.recipients == "各县（市、区）人民政府；市政府各部门", d.recipients
    assert task_rows(x.tasks) == [("实施老旧小区改造", "市住建局；各县市区政府", "市住建局", "2023-12-31")], task_rows(x.tasks)


def test_spaces_in_a_text_of_many_lines_stay() -> None:
    from pipeline.ingest.text import blocks_from_text
    from pipeline.model import Line

    text = "\n".join(["第一行 有空格 的 文字 内容 在此 处 出现 多次"] * 5)
    assert [b.text for b in blocks_from_text(text) if isinstance(b, Line)] == ["第一行 有空格 的 文字 内容 在此 处 出现 多次"] * 5


def test_a_notice_run_together_under_a_pages_field_list(tmp_path: Path) -> None:
    """A township's page: its field list on lines of their own, then the notice and its attached 应急预案 run
    together on one long line ("… 1.总则 1.1目的依据 提高… 1.2现状特点 …"): that line's breaks come back, the
    numbered headings of the 预案 with them, while the field lines stay as they are."""
    plan = (
        "山福镇突发公共事件总体应急预案(修订) 1.总则 1.1目的依据 提高政府保障公共安全和处置突发公共事件的能力，最大程度地预防和减少突发公共事件"
        "及其造成的损害，保障公众的生命财产安全，维护社会稳定，促进我镇经济社会全面、协调、可持续发展。根据有关法律、法规、规章，结合山福实际，"
        "制定本预案。 1.2现状特点 山福镇地处鹿城西北部，地形地貌以山地丘陵为主，台风、暴雨、干旱、高温、雷击、地质灾害等自然灾害时有发生。 "
        "1.3工作原则 (1)以人为本，预防为主。切实履行政府的社会管理和公共服务职能，把应对突发公共事件的各项工作落实到日常管理之中。"
    )
    x = run(
        tmp_path,
        "索引号 | 001008003001086/2020-42401 | ||\n组配分类 | 部门文件 | 发布机构 | 山福镇 |\n生成日期 | 2020-10-22 | 公开方式 | 主动公开 |\n"
        "文号 | 鹿山政〔2020〕72号 |\n各科室,各站所,各村: 为提高政府处置突发公共事件的能力，维护社会稳定。经研究，制定《山福镇突发公共事件总体应急预案"
        "(修订)》，现印发给你们，请根据本预案的要求制定专项应急预案。 附件:山福镇突发公共事件总体应急预案(修订) 温州市鹿城区山福镇人民政府 "
        "2020年10月22日 " + plan + "\n",
    )
    d = x.document
    assert (d.doc_number, d.issuer, d.signed_date, d.recipients) == ("鹿山政〔2020〕72号", "温州市鹿城区山福镇人民政府", "2020-10-22", "各科室；各站所；各村"), d
    # the 预案's "1.总则" over "1.1目的依据": its decimal headings, nested by their numbers
    assert [(s.label, s.level, s.heading) for s in x.sections][:4] == [("1", 1, "总则"), ("1.1", 2, "目的依据"), ("1.2", 2, "现状特点"), ("1.3", 2, "工作原则")], x.sections
    assert "\n1.1目的依据\n" in x.text and "\n1.2现状特点\n" in x.text, x.text


def test_a_long_paragraph_whose_sentences_an_export_spaced_stays_whole() -> None:
    """A long line among others whose spaces part sentences, not a notice's elements ("…。 一是…。 二是…"), is one
    paragraph: only a line whose spaces part headings, a date or the 附件 note gets its breaks back."""
    from pipeline.ingest.text import blocks_from_text
    from pipeline.model import Line

    para = " ".join(["为进一步加强管理，现通知如下。 一是提高认识，切实加强组织领导工作。 二是明确责任，层层落实到人到岗位。 三是强化督查，确保各项措施落实到位。"] * 5)
    lines = [b.text for b in blocks_from_text(f"关于加强管理的通知\n各单位：\n{para}\n某某局\n2024年1月1日\n") if isinstance(b, Line)]
    assert lines == ["关于加强管理的通知", "各单位：", para, "某某局", "2024年1月1日"], lines


def test_a_signature_and_its_date_on_one_line(tmp_path: Path) -> None:
    text = ("辛县人民政府办公室关于做好冬季安全生产工作的通知\n辛政办〔2023〕12号\n各乡镇人民政府，县直各部门：\n"
            "为做好冬季安全生产工作，现将有关事项通知如下。\n一、各乡镇要于2023年12月10日前完成隐患排查。\n辛县人民政府办公室 2023年11月20日\n")
    d = run(tmp_path, text).document
    assert (d.issuer, d.signed_date) == ("辛县人民政府办公室", "2023-11-20"), d


def test_a_task_table_with_a_header_of_two_rows(tmp_path: Path) -> None:
    """责任单位 over 牵头单位 | 配合单位, the other header cells spanning both rows: one header, the 配合单位
    column's units assist, and the second header row is no task."""
    x = table_notice(tmp_path, "two_row_header",
        "<tr><td rowspan='2'>序号</td><td rowspan='2'>重点任务</td><td colspan='2'>责任单位</td><td rowspan='2'>完成时限</td></tr>"
        "<tr><td>牵头单位</td><td>配合单位</td></tr>"
        "<tr><td>1</td><td>推进老旧小区改造30个</td><td>市住建局</td><td>各区人民政府</td><td>2024年12月底</td></tr>"
        "<tr><td>2</td><td>新增城镇就业2万人</td><td>市人社局</td><td>市财政局、各区人民政府</td><td>2024年12月底</td></tr>")
    assert task_rows(x.tasks) == [
        ("推进老旧小区改造30个", "市住建局；各区人民政府", "市住建局", "2024-12-31"),
        ("新增城镇就业2万人", "市人社局；市财政局；各区人民政府", "市人社局", "2024-12-31"),
    ], task_rows(x.tasks)


def test_a_units_cell_marking_its_lead(tmp_path: Path) -> None:
    """A 责任单位 cell that marks its lead ("市教育局（牵头）、各区人民政府"): the mark is no part of the unit's
    name, that unit leads; a 责任领导 column (a person) gives no unit."""
    x = table_notice(tmp_path, "marked_lead",
        "<tr><td>序号</td><td>工作任务</td><td>责任领导</td><td>责任单位</td><td>完成时限</td></tr>"
        "<tr><td>1</td><td>新建幼儿园10所</td><td>张某某</td><td>各区人民政府、市教育局（牵头）</td><td>2024年8月底前</td></tr>")
    assert task_rows(x.tasks) == [("新建幼儿园10所", "市教育局；各区人民政府", "市教育局", "2024-08-31")]


def test_a_project_table_gives_its_construction_content_as_detail(tmp_path: Path) -> None:
    """A 重点项目推进表: 项目名称 names the task, 建设内容 is its detail, the county leader is no unit."""
    x = table_notice(tmp_path, "projects",
        "<tr><td>序号</td><td>项目名称</td><td>建设内容</td><td>牵头县领导</td><td>责任单位</td><td>进度安排</td></tr>"
        "<tr><td>1</td><td>县城污水处理厂扩建</td><td>新增处理能力2万吨/日</td><td>王某某</td><td>县住建局（牵头）、县发改局</td><td>2024年12月底前建成</td></tr>")
    assert task_rows(x.tasks) == [("县城污水处理厂扩建", "县住建局；县发改局", "县住建局", "2024-12-31")]
    assert x.tasks[0].detail == "新增处理能力2万吨/日", x.tasks[0]


def test_a_responsible_column_beside_a_lead_column(tmp_path: Path) -> None:
    """牵头单位 | 责任单位 columns: the 责任单位 units carry the task out with the lead (as in a tag)."""
    x = table_notice(tmp_path, "lead_and_responsible",
        "<tr><td>序号</td><td>重点工作</td><td>牵头单位</td><td>责任单位</td><td>完成时限</td></tr>"
        "<tr><td>1</td><td>建设智慧停车场5个</td><td>市住建局</td><td>市公安局、各区人民政府</td><td>2024年12月底</td></tr>")
    assert task_rows(x.tasks) == [("建设智慧停车场5个", "市住建局；市公安局；各区人民政府", "市住建局", "2024-12-31")]


def test_a_deadline_cell_listing_stages_is_due_at_its_last(tmp_path: Path) -> None:
    x = table_notice(tmp_path, "stages",
        "<tr><td>序号</td><td>重点工作</td><td>牵头单位</td><td>完成时限</td></tr>"
        "<tr><td>1</td><td>建成市体育中心</td><td>市体育局</td><td>2024年6月底前完成设计，2025年12月底前建成</td></tr>")
    assert task_rows(x.tasks) == [("建成市体育中心", "市体育局", "市体育局", "2025-12-31")]


def test_a_title_with_its_qualifier_after_its_kind(tmp_path: Path) -> None:
    """…管理办法（试行）, …规划（2021—2025年）, …标准（2020年版）: the qualifier after the kind hides no title; the
    title keeps it, the kind is read before it."""
    law = "# 处方药与非处方药分类管理办法（试行）\n\n1999年6月18日 国家药品监督管理局令第10号公布\n\n<!-- INFO END -->\n\n第一条 为保障人民用药安全有效、使用方便，制定本办法。\n"
    d = run(tmp_path, law, name="trial").document
    assert (d.title, d.doc_type, d.issuer, d.doc_number) == ("处方药与非处方药分类管理办法（试行）", "管理办法", "国家药品监督管理局", "国家药品监督管理局令第10号"), d
    plan = "卯市人民政府办公室\n卯市国土空间总体规划（2021—2035年）\n第一章 总则\n第一条 为统筹国土空间开发保护，编制本规划。\n"
    d = run(tmp_path, plan, name="plan").document
    assert (d.title, d.doc_type) == ("卯市国土空间总体规划（2021—2035年）", "规划"), d


def test_a_law_database_title_its_note_and_the_title_again(tmp_path: Path) -> None:
    """A law database prints the title, its 题注, then the text's own title again: the first print heads the
    题注, so the adopting body and date are read; the second is the repeat."""
    text = ("# 辰市促进某区保税维修业务发展若干规定\n\n2024年11月28日 辰市第十六届人民代表大会常务委员会第十七次会议通过\n\n<!-- INFO END -->\n\n"
            "辰市促进某区保税维修业务发展若干规定\n\n第一条 为了促进保税维修业务发展，制定本规定。\n\n第二条 本规定自2025年1月1日起施行。\n")
    d = run(tmp_path, text, name="law_twice").document
    assert (d.title, d.issuer, d.signed_date) == ("辰市促进某区保税维修业务发展若干规定", "辰市人民代表大会常务委员会", "2024-11-28"), d


def test_a_title_line_after_a_pages_cut_off_teaser(tmp_path: Path) -> None:
    """A page's teaser (title, 文号 and the first words run together, cut off mid-sentence) above the notice:
    the title's first line ("午省人民政府关于实施") starts a paragraph of its own, so the title is whole."""
    text = ("午省人民政府关于实施《国务院关于基础教育改革与发展的决定》的意见\n166人看过\n"
            "午省人民政府关于实施《国务院关于基础教育改革与发展的决定》的意见(午政[2001]85号)各市、县人民政府,省政府各部门:为认真贯彻落实《国务院关于基础教育改革与发展\n"
            "午省人民政府关于实施\n《国务院关于基础教育改革与发展的决定》的意见\n(午政[2001]85号)\n各市、县人民政府,省政府各部门:\n"
            "为认真贯彻落实《国务院关于基础教育改革与发展的决定》(国发[2001]21号)精神,现结合实际,提出以下实施意见。\n")
    d = run(tmp_path, text).document
    assert (d.title, d.doc_number) == ("午省人民政府关于实施《国务院关于基础教育改革与发展的决定》的意见", "午政〔2001〕85号"), d


def test_a_column_tag_in_quotes_before_a_title(tmp_path: Path) -> None:
    """“党政混合信息公开” before a title that opens with its issuers (中共…区委办公室…印发…): the site's column, not
    the title; a quoted phrase that is the title's own (“三农”工作领导小组关于…) stays."""
    text = ("“党政混合信息公开” 中共黄浦区委办公室 黄浦区人民政府办公室印发《黄浦区全力打响“服务”品牌加快建设三年行动计划(2018—2020年)》的通知\n"
            "黄浦区全力打响“服务”品牌\n加快建设三年行动计划\n(2018—2020年)\n为贯彻落实有关部署，特制定本行动计划。\n一、总体要求\n")
    assert run(tmp_path, text, name="tag").document.title == "中共黄浦区委办公室 黄浦区人民政府办公室印发《黄浦区全力打响“服务”品牌加快建设三年行动计划（2018—2020年）》的通知"  # the space as printed
    text = "“三农”工作领导小组关于做好春耕工作的通知\n各县（市、区）：\n请认真做好春耕工作。\n"
    assert run(tmp_path, text, name="own").document.title == "“三农”工作领导小组关于做好春耕工作的通知"


def test_a_page_prints_the_number_and_title_again_without_the_book_marks(tmp_path: Path) -> None:
    """A county site prints the 文号 and the title once more under the notice's own, the cited 方案 without its
    《》 ("丙立政发〔2023〕2号" / "丙区人民政府关于印发丙区…方案的通知"): page furniture, so the 主送机关 after
    them is still found and the reprint is no body text."""
    d = run(
        tmp_path,
        "乙市丙区人民政府文件\n丙立政发〔2023〕2号\n丙区人民政府关于印发《丙区2023年重点工作任务分解方案》的通知\n"
        "丙立政发〔2023〕2号\n丙区人民政府关于印发丙区2023年重点工作任务分解方案的通知\n"
        "丙经济开发区，各街道办事处，各区直部门：\n经区政府同意，现将《丙区2023年重点工作任务分解方案》印发给你们，请认真贯彻落实。\n"
        "丙区人民政府\n2023年3月28日\n",
    ).document
    assert d.recipients == "丙经济开发区；各街道办事处；各区直部门", d.recipients
    assert (d.doc_number, d.signed_date) == ("丙立政发〔2023〕2号", "2023-03-28"), d


CELL_PER_LINE = """发文文号: 子政办发〔2023〕7号 发布机关: 市政府办公室
子市人民政府办公室关于印发2023年重点工作责任分解的通知
各县（市、区）人民政府，市级有关部门：
《2023年重点工作责任分解》已经市政府同意，现印发给你们，请认真贯彻执行。
子市人民政府办公室
2023年3月1日
2023年重点工作责任分解
序号

主 要 工 作 任 务

责任单位

1

地区生产总值增长6%左右。

市发展改革委

2

城乡居民人均可支配收入分别增长5.5%、7%左右。

市统计局、市农业农村局

3
市级部门要按季报送进展。
"""


def test_a_table_saved_one_cell_per_line(tmp_path: Path) -> None:
    """A page's table copied as text, one cell per line (序号 / 主要工作任务 / 责任单位 / 1 / … / 市发展改革委 / 2 …):
    its rows are task rows; a numbered line that does not fill a row ends the table and stays text. The page's
    发文文号 field is its 文号."""
    out = run(tmp_path, CELL_PER_LINE)
    assert out.document.doc_number == "子政办发〔2023〕7号", out.document.doc_number
    assert task_rows(out.tasks) == [
        ("地区生产总值增长6%左右", "市发展改革委", "市发展改革委", ""),
        ("城乡居民人均可支配收入分别增长5.5%、7%左右", "市统计局；市农业农村局", "市统计局", ""),
    ], task_rows(out.tasks)
    assert "市级部门要按季报送进展。" in out.text


# A district's 任务清单 as its page printed it (宝山区 2019, shanghai.gov.cn, an excerpt with its rows renumbered):
# 任务名称 is merged over the rows of a group and written once, a 配合部门 cell is broken after its 、 or
# holds two lines, and the table is followed by the next attachment's heading.
MERGED_CELL_PER_LINE = """上海市宝山区人民政府办公室关于印发推进全程分类体系建设实施方案的通知

各镇人民政府，各街道办事处，区政府各委、办、局：

《推进全程分类体系建设的实施方案》已经区政府同意，现印发给你们，请认真按照执行。

上海市宝山区人民政府办公室

2019年5月5日

附件1

2019年宝山区生活垃圾分类减量推进工作联席会议成员单位工作任务清单

序号

任务名称

任务内容

牵头部门

配合部门

时间节点

1

加强组织领导

召开全区生活垃圾分类工作动员大会。建立区生活垃圾分类减量联席会议制度、建立联络员网络。

区政府办公室

各联席会议成员单位

2019年3月

2

将生活垃圾管理作为生态文明建设和城市精细化管理的重要内容，纳入专项督查和绩效评价指标体系。

区委组织部（区公务员局）

区绿化市容局

2019年

3

推进全面覆盖

深入开展生活垃圾分类达标、示范街镇（园区），及农村生活垃圾分类达标、示范村创建活动,落实属地责任。

各街镇（园区）

区绿化市容局、

区农业农村委

2019年

4

党政机关、公共机构垃圾分类完成全覆盖，100%实现达标标准。

区机管局

区绿化市容局

区党政机关、公共机构

2019年9月

5

排摸本区农贸市场、标准化菜场现状，落实新建和已建农贸市场、标准化菜场的湿垃圾就地处理设施配套工作

区市场监管局

区商务委

区绿化市容局

2019年

6

推动源头减量

促进快递包装物减量和循环使用，提高快递包装物回收利用率。

区邮政局、区市场监管局

区绿化市容局

2019年

附件2

2019年街镇（园区）生活垃圾分类目标任务分解表
"""


def test_a_page_whose_inline_elements_each_got_a_line(tmp_path: Path) -> None:
    """A district's 批转 notice as its page was saved (嘉府发〔2014〕33号): every inline element on a line of its own,
    so the 成文日期 reads "2014" / "年6" / "月28" / "日", a 文号 "…55" / "号）收悉", a measure "25" / "厘米" / "，" and a
    cited title "批转<" / "…通知>" / "的请示》". Each goes back into its sentence."""
    text = (
        "上海市嘉定区人民政府关于批转《关于加强本区道路下立交设施防汛防台管理工作的通知》的通知\n\n"
        "各镇人民政府，区政府有关委、办、局，各街道办事处：\n\n"
        "区建交委和区防汛办《关于报请区政府批转<\n关于加强本区道路下立交设施防汛防台管理工作的通知>\n的请示》（嘉建交[2014]55\n号）收悉，经研究同意，现批转给你们，请按照执行。\n\n"
        "上海市嘉定区人民政府\n\n2014\n年6\n月28\n日\n\n关于加强本区道路下立交设施防汛防台管理工作的通知\n\n"
        "一、增设警示性标志标线\n\n对通行机动车的下立交应在车行道内设置黄色积水警戒线，水位线距地面最低点25\n厘米\n，提示积水深度已经达到汽车排气管平均位置。\n"
    )
    out = run(tmp_path, text)
    assert (out.document.issuer, out.document.signed_date) == ("上海市嘉定区人民政府", "2014-06-28"), out.document
    cited = {r.cited_doc_number: r.cited_title for r in out.references}
    assert cited.get("嘉建交〔2014〕55号", "").endswith("工作的通知》的请示"), cited
    assert "水位线距地面最低点25厘米，提示积水深度" in out.text


def test_a_duty_list_gives_a_task_per_unit(tmp_path: Path) -> None:
    """A 职责分工 part with one item a unit (古美路街道's 独居老人消防 plan, 2022: "1.街道消委办。牵头开展…"; a 工作方案's
    "（一）区农业农村局：负责…，2023年4月底前完成。"): each item is a task of its unit, with its own limit; an item
    under it headed by no unit, and a law's article in a chapter so named ("第十条 公安机关履行下列职责："), are not."""
    text = (
        "某某区人民政府办公室关于印发某某区农村人居环境整治工作方案的通知\n\n各镇人民政府，区政府各部门：\n"
        "现将《某某区农村人居环境整治工作方案》印发给你们，请认真贯彻执行。\n\n某某区人民政府办公室\n2023年3月1日\n\n"
        "某某区农村人居环境整治工作方案\n\n一、工作目标\n到2023年底，全区农村生活垃圾收运处置体系实现全覆盖。\n\n二、职责分工\n"
        "（一）区农业农村局：负责统筹协调全区农村人居环境整治工作，牵头制定年度工作计划，2023年4月底前完成。\n"
        "（二）街道消委办。牵头开展独居老人消防安全关爱工作。\n"
        "（三）加强部门协作，形成工作合力。\n\n三、保障措施\n（一）加强组织领导。各镇要成立工作专班。\n"
    )
    got = [(t.title, t.units, t.lead_unit, t.due_date) for t in run(tmp_path, text).tasks if t.units]
    assert got == [("区农业农村局", "区农业农村局", "区农业农村局", "2023-04-30"), ("街道消委办", "街道消委办", "街道消委办", "")], got
    # paragraphs, no items, each opening with its units (吴泾镇's 房屋安全隐患排查整治工作方案, 2021); the parts beside
    # the 职责分工 (组织领导, 督促指导) are no tasks for it
    town = (
        "关于印发《某镇城镇房屋安全隐患排查整治工作方案》的通知\n\n各村（居），机关各办（部门）：\n现将方案印发给你们，请认真贯彻落实。\n\n"
        "某某区某镇人民政府\n2021年7月2日\n\n某镇城镇房屋安全隐患排查整治工作方案\n\n一、保障措施\n（一）强化组织领导\n成立镇排查整治工作领导小组。\n"
        "（二）细化职责分工\n领导小组根据职责，将城镇房屋全部纳入安全监管范围。\n房管所、规建生态办负责牵头组织城镇房屋安全隐患排查整治工作；\n"
        "经发办负责园区、企业、商业体的房屋安全隐患排查整治工作；\n财政所负责将城镇房屋安全管理相关经费纳入政府预算管理。\n（三）强化督促指导\n建立巡查制度。\n"
    )
    got = [(t.title, t.units) for t in run(tmp_path, town, name="town").tasks]
    assert got == [("房管所、规建生态办", "房管所；规建生态办"), ("经发办", "经发办"), ("财政所", "财政所")], got
    law = (
        "某某省实施《中华人民共和国反恐怖主义法》办法\n\n第一章 总则\n\n第一条 为了防范和惩治恐怖活动，制定本办法。\n\n第二章 职责分工\n\n"
        "第二条 公安机关履行下列反恐怖主义工作职责：\n（一）组织开展反恐怖主义宣传教育；\n（二）依法查处恐怖活动。\n\n"
        "第三条 交通运输管理部门：指导和督促运输经营者落实安全查验制度。\n"
    )
    assert not run(tmp_path, law, name="law").tasks


def test_duty_paragraphs_open_with_their_units_and_any_duty_verb(tmp_path: Path) -> None:
    """A 责任分工 part of paragraphs (广州's 残疾人两项补贴 办法, 2021, as a district reposted it): each opens with its
    units, then 牵头, 负责, 要 or 应; a paragraph opening with no unit ("各方按规定…") is none."""
    text = (
        "某市困难残疾人生活补贴实施办法\n\n一、补贴对象\n具有本市户籍的困难残疾人。\n\n二、责任分工\n"
        "市民政部门牵头会同市财政部门和市残联拟订本市补贴制度并组织实施。\n"
        "市、区残联要加强残疾人证核发及管理工作，做好补贴相关审核工作。\n"
        "市、区财政部门负责本级补贴财政资金保障。\n"
        "按规定及时下达补贴资金。\n\n三、申领程序\n（一）自愿申请。申请人向镇（街）提出申请。\n"
    )
    got = [(t.title, t.units, t.lead_unit) for t in run(tmp_path, text).tasks]
    assert got == [("市民政部门", "市民政部门", "市民政部门"), ("市、区残联", "市、区残联", "市、区残联"), ("市、区财政部门", "市、区财政部门", "市、区财政部门")], got


def test_an_attachment_item_broken_over_two_paragraphs(tmp_path: Path) -> None:
    """附件说明 whose first item a page broke over two paragraphs (the 宝山区 notice above as its page printed
    it): the piece between two numbered items goes on the first; a signature after the last item is no item."""
    text = (
        "关于印发某方案的通知\n\n各镇人民政府：\n\n现将方案印发给你们。\n\n附件：1.2019年宝山区生活垃圾分类减量推进工作联席会\n\n"
        "议成员单位工作任务清单\n\n2.2019年街镇（园区）生活垃圾分类目标任务分解表\n\n上海市宝山区人民政府办公室\n\n2019年5月5日\n"
    )
    d = run(tmp_path, text).document
    assert d.attachments == "2019年宝山区生活垃圾分类减量推进工作联席会议成员单位工作任务清单；2019年街镇（园区）生活垃圾分类目标任务分解表", d.attachments
    assert (d.issuer, d.signed_date) == ("上海市宝山区人民政府办公室", "2019-05-05"), d


def test_a_cell_per_line_table_with_merged_and_broken_cells(tmp_path: Path) -> None:
    """The rows of a one-cell-per-line table whose merged 任务名称 is written once per group and whose unit cells
    are broken over lines: each line goes to the column it fits (a sentence to 任务内容, units to the unit
    columns, a year to 时间节点), the merged name fills down, and the heading after the last row stays text."""
    out = run(tmp_path, MERGED_CELL_PER_LINE)
    assert [(t.title, t.units, t.lead_unit, t.due_date) for t in out.tasks] == [
        ("加强组织领导", "区政府办公室；各联席会议成员单位", "区政府办公室", "2019-03-31"),
        ("加强组织领导", "区委组织部（区公务员局）；区绿化市容局", "区委组织部（区公务员局）", "2019-12-31"),
        ("推进全面覆盖", "各街镇（园区）；区绿化市容局；区农业农村委", "各街镇（园区）", "2019-12-31"),
        ("推进全面覆盖", "区机管局；区绿化市容局；区党政机关；公共机构", "区机管局", "2019-09-30"),
        ("推进全面覆盖", "区市场监管局；区商务委；区绿化市容局", "区市场监管局", "2019-12-31"),
        ("推动源头减量", "区邮政局；区市场监管局；区绿化市容局", "区邮政局", "2019-12-31"),
    ], task_rows(out.tasks)
    assert out.tasks[1].detail.startswith("将生活垃圾管理作为生态文明建设"), out.tasks[1].detail
    assert out.tasks[3].detail.startswith("党政机关、公共机构垃圾分类完成全覆盖"), out.tasks[3].detail
    assert "2019年街镇（园区）生活垃圾分类目标任务分解表" in out.text


def test_old_regulation_headers_approved_published_and_numbered_sessions(tmp_path: Path) -> None:
    """A law database's 题注 lines without a meeting or an order number: the body that published the text
    (公安部发布, 辰市人民代表大会常务委员会公告公布) issued it, the one that approved it (国务院批准, 经…批准)
    did not; a session numbered in digits (第5次会议) is an event; the date is the latest event's, not the last
    written; a title ending in its part number (补充规定（三）) is not run into the 题注."""
    d = run(tmp_path, "# 旅馆业治安管理办法\n\n1987年9月23日 国务院批准\n\n1987年11月10日 公安部发布\n\n<!-- INFO END -->\n\n第一条 为了保障旅馆业的正常经营，制定本办法。\n", name="hotel").document
    assert (d.issuer, d.signed_date) == ("公安部", "1987-11-10"), d
    d = run(
        tmp_path,
        "# 辰市城乡规划条例\n\n2017年8月25日 辰市第十一届人民代表大会常务委员会第5次会议通过\n\n"
        "2017年9月30日 经丁省第十二届人民代表大会常务委员会第三十二次会议批准\n\n2017年10月9日 辰市人民代表大会常务委员会公告公布\n\n"
        "2020年3月26日 丁省第十三届人民代表大会常务委员会第十八次会议批准的2020年1月14日辰市第十六届人民代表大会常务委员会第二十次会议《关于修改部分地方性法规的决定》修正\n\n"
        "<!-- INFO END -->\n\n第一条 为了加强城乡规划管理，制定本条例。\n",
        name="city",
    ).document
    assert (d.issuer, d.signed_date) == ("辰市人民代表大会常务委员会", "2020-03-26"), d
    d = run(
        tmp_path,
        "# 最高人民法院、最高人民检察院关于执行刑法确定罪名的补充规定（三）\n\n2007年8月27日 最高人民法院审判委员会第1436次会议通过\n\n"
        "2007年10月25日 最高人民法院、最高人民检察院公告公布\n\n<!-- INFO END -->\n\n根据刑法修正案的规定，现作如下补充：\n",
        name="court",
    ).document
    assert d.title == "最高人民法院、最高人民检察院关于执行刑法确定罪名的补充规定（三）", d.title
    assert d.signed_date == "2007-10-25", d
    # an order of two national bodies, each under its full name: two issuers, as a 署名 gives them
    d = run(tmp_path, "# 军队实施某法办法\n\n2000年9月14日 中华人民共和国国务院、中华人民共和国中央军事委员会令第290号公布\n\n<!-- INFO END -->\n\n第一条 根据某法的规定，制定本办法。\n", name="army").document
    assert (d.issuer, d.admin_level) == ("国务院；中央军事委员会", "national"), d
    # typed in full-width digits (an older database): the dates and the order's number are read all the same
    d = run(tmp_path, "# 某类案件程序规定\n\n２０１２年１２月３日 公安部部长办公会议通过\n\n２０１２年１２月１９日 中华人民共和国公安部令第１２５号发布\n\n<!-- INFO END -->\n\n第一条 为了规范程序，制定本规定。\n", name="police").document
    assert (d.issuer, d.doc_number, d.signed_date) == ("公安部", "公安部令第125号", "2012-12-19"), d
    # adopted at a 部务会议 "经…通过"; an order number written 第N号令; the order read though a meeting comes first
    d = run(tmp_path, "# 某办法\n\n2008年7月17日 经人力资源和社会保障部第6次部务会议通过\n\n<!-- INFO END -->\n\n第一条 为了实施条例，制定本办法。\n", name="ministry").document
    assert d.issuer == "人力资源和社会保障部", d
    d = run(tmp_path, "# 某条例\n\n2008年11月19日 国务院第36次常务会议修订通过\n\n2008年12月1日 中华人民共和国国务院令第541号公布\n\n<!-- INFO END -->\n\n第一条 为了有效预防，制定本条例。\n", name="council").document
    assert (d.issuer, d.doc_number) == ("国务院", "国务院令第541号"), d
    # a procuratorate's committee adopts for the procuratorate
    d = run(tmp_path, "# 人民检察院某规则\n\n2019年12月2日 最高人民检察院第十三届检察委员会第二十八次会议通过\n\n<!-- INFO END -->\n\n第一条 为了规范工作，制定本规则。\n", name="procuratorate").document
    assert d.issuer == "最高人民检察院", d


def test_a_court_interpretation_printed_with_its_title_again_over_its_number(tmp_path: Path) -> None:
    """A database prints the title, the 题注 (通过, 施行), then the title again, broken over lines, over its 法释
    number: the second print is the title (its 文号 under it), the 施行 line is no line of it, and the 题注 is
    still read; a 题注 broken after its body's name ("2020年11月9日 最高人民法院审判委员会" / "第1815次会议通过")
    is no 发文机关标志."""
    d = run(
        tmp_path,
        "# 最高人民法院关于审理某类纠纷案件若干问题的规定\n\n2022年8月16日 最高人民法院审判委员会第1872次会议通过\n\n2023年1月1日 施行\n\n"
        "<!-- INFO END -->\n\n最高人民法院关于\n\n审理某类纠纷案件若干问题的规定\n\n法释〔2022〕18号\n\n为正确审理某类纠纷案件，制定本规定。\n",
        name="court2",
    ).document
    assert (d.title, d.doc_number, d.issuer, d.signed_date) == ("最高人民法院关于审理某类纠纷案件若干问题的规定", "法释〔2022〕18号", "最高人民法院", "2022-08-16"), d
    d = run(
        tmp_path,
        "# 最高人民法院关于某类问题的批复\n\n2020年11月9日 最高人民法院审判委员会\n\n<!-- INFO END -->\n\n第1815次会议通过，自2021年1月1日起施行）\n\n"
        "甲省高级人民法院：\n\n你院《关于某类问题的请示》收悉。经研究，批复如下：\n",
        name="reply",
    ).document
    assert d.issuer == "最高人民法院", d


# a law site's print (法律资料网): the page's title twice, the body that enacted it, the title again, the body again,
# then the 题注 (上海市人民代表大会常务委员会, 1996)
ENACTED_UNDER_ITS_BODY = """未市人民代表大会常务委员会关于罚款限额的规定

作者:法律资料网 时间:2024-07-12 16:19:31  浏览:9513   来源:法律资料网
下载地址: 点击此处下载

未市人民代表大会常务委员会关于罚款限额的规定

未市人大常委会


未市人民代表大会常务委员会关于罚款限额的规定
未市人大常委会


(1996年9月26日未市第十届人民代表大会常务委员会第三十次会议通过 1996年10月1日起施行)


根据《中华人民共和国行政处罚法》第十三条的规定，对本市规章设定罚款的限额作如下规定：
一、对非经营活动中违反行政管理秩序的行为设定罚款，不得超过一千元。
"""

# the same site cut the notice's own title short over its 文号; the page printed it whole twice above (金华, 2010)
TITLE_CUT_SHORT = """关于印发申市办理建议和提案工作规则的通知

作者:法律资料网 时间:2024-07-12 20:48:31   浏览:9581   来源:法律资料网
下载地址: 点击此处下载

关于印发申市办理建议和提案工作规则的通知

申市人民政府办公室


关于印发申市办理建议

申政办发〔2010〕15号


各县（市、区）人民政府，市政府各部门：
《申市办理建议和提案工作规则》已经市政府常务会议研究同意，现印发给你们，请按照执行。


申市人民政府办公室
二○一○年四月七日
"""


def test_a_law_site_prints_the_enacting_body_between_title_and_title_note(tmp_path: Path) -> None:
    d = run(tmp_path, ENACTED_UNDER_ITS_BODY).document
    assert (d.title, d.signed_date) == ("未市人民代表大会常务委员会关于罚款限额的规定", "1996-09-26"), d


def test_a_title_cut_short_over_its_number_is_the_whole_one_printed_above(tmp_path: Path) -> None:
    d = run(tmp_path, TITLE_CUT_SHORT).document
    assert (d.title, d.doc_number, d.signed_date) == ("关于印发申市办理建议和提案工作规则的通知", "申政办发〔2010〕15号", "2010-04-07"), d


# a law database's page of an old joint notice: no number, the issuers under the title, and a note that a later
# list repealed it (财政部、司法部, 1990; the note stood on its own line, run into the first sentence before)
REPEALED_BY_A_LATER_LIST = """关于返还戌类单位基金问题的通知

财政部、司法部


关于返还戌类单位基金问题的通知
财政部、司法部



根据1997年9月8日财政部发布的关于公布废止和失效的财政规章目录（第六批）的通知失效


1990年4月9日《国务院批转司法部关于解决戌类单位经济困难请示的通知》中规定，1990年至1992年，对有困难的戌类单位适当返还一部分基金。现将有关问题通知如下：
一、返还数额按实际交纳数的70%计算。
"""


def test_a_repeal_note_under_the_title_is_the_status(tmp_path: Path) -> None:
    ex = run(tmp_path, REPEALED_BY_A_LATER_LIST)
    assert (ex.document.title, ex.document.issuer, ex.document.status) == ("关于返还戌类单位基金问题的通知", "财政部；司法部", "失效"), ex.document
    assert all("通知失效" not in d.evidence for d in ex.deadlines), [d.evidence for d in ex.deadlines]


# the law database prints the issuer with its province above the title, which names it as the order does
# (广州市人民政府令第5号, 2005)
ISSUER_WITH_ITS_PROVINCE = """热门站点| 世界资料网 | 专利资料网 | 世界资料网论坛
收藏本站| 设为首页| 首页

广州市人民政府关于修改《广州市行政规范性文件管理规定》的决定

作者:法律资料网 时间:2024-07-22 07:20:29  浏览:9863   来源:法律资料网
下载地址: 点击此处下载

广州市人民政府关于修改《广州市行政规范性文件管理规定》的决定

广东省广州市人民政府


广州市人民政府关于修改《广州市行政规范性文件管理规定》的决定

广州市人民政府令第5号


  《广州市人民政府关于修改〈广州市行政规范性文件管理规定〉的决定》已经市政府常务会议讨论通过，现予公布，自2006年1月1日起施行。

二○○五年十一月二十九日


广州市人民政府关于修改《广州市行政规范性文件管理规定》的决定

  广州市人民政府决定对《广州市行政规范性文件管理规定》作如下修改：

  一、第二条修改为：本规定所称行政规范性文件，是指政府及其职能部门依据法定职权和程序制定并公开发布的文件。
"""


def test_an_issuer_printed_with_its_province_is_named_as_the_title_names_it(tmp_path: Path) -> None:
    d = run(tmp_path, ISSUER_WITH_ITS_PROVINCE).document
    assert (d.issuer, d.doc_number, d.signed_date) == ("广州市人民政府", "广州市人民政府令第5号", "2005-11-29"), d


def test_a_tag_whose_time_field_comes_last_dates_its_task(tmp_path: Path) -> None:
    """（牵头单位：A；配合单位：B；完成时限：2023年底前）: the year is the limit's date, not a length of 2,023 years."""
    text = (
        "关于印发酉市营商环境提升行动方案的通知\n酉政办发〔2023〕8号\n各区人民政府，市政府各部门：\n现将方案印发给你们，请认真贯彻落实。\n"
        "一、重点任务\n（一）优化不动产登记。推行不动产登记“一窗受理”。（牵头单位：市自然资源局；配合单位：市住房城乡建设局；完成时限：2023年底前）\n"
    )
    ex = run(tmp_path, text)
    assert [(t.title, t.lead_unit, t.due_date) for t in ex.tasks] == [("优化不动产登记", "市自然资源局", "2023-12-31")], ex.tasks
    assert [(d.text, d.kind) for d in ex.deadlines] == [("2023年底前", "by")], ex.deadlines


def test_a_labelled_time_field_of_a_month_dates_its_task(tmp_path: Path) -> None:
    """完成时限：2023年12月 on its line under the units: the task is due at the month's end."""
    text = (
        "关于印发亥县重点任务分解方案的通知\n亥政办发〔2023〕3号\n各乡镇人民政府，县直各部门：\n现将方案印发给你们，请认真贯彻落实。\n"
        "一、重点任务\n1.推进工业转型升级。新增规模以上工业企业20家。\n牵头单位：县工信局\n责任单位：各乡镇人民政府\n完成时限：2023年12月\n"
        "2.提升城市品质。推进老旧小区改造30个。（县住建局牵头，2023年底前完成）\n"
    )
    ex = run(tmp_path, text)
    got = [(t.title, t.units, t.due_date) for t in ex.tasks]
    assert got == [("推进工业转型升级", "县工信局；各乡镇人民政府", "2023-12-31"), ("提升城市品质", "县住建局", "2023-12-31")], got


# a district's page: its fields one to a line, label and value apart with spaces and no colon; the page's 发布机构
# ("区政府") is no issuer, the notice's glyphs for 〕号 and its date's 年月日 were lost (浦东新区, 2022)
FIELDS_ONE_TO_A_LINE = """酉新区人民政府关于印发《酉新区人民政府工作规则》的通知

索引号 SY-310115-2022-00371
文件编号 酉府〔2022〕1号
发布机构 区政府
公开类别 主动公开
发布时间 2022-01-29

酉府〔20221

酉新区人民政府关于印发

《酉新区人民政府工作规则》的通知

区政府各委、办、局，各管理局（管委会），各直属企业，各街办事处、镇政府

《酉新区人民政府工作规则》已经区政府第1次常务会议审议通过，现予印发。

             2022128

（此件公开发布）
"""


def test_page_fields_one_to_a_line_without_colons(tmp_path: Path) -> None:
    d = run(tmp_path, FIELDS_ONE_TO_A_LINE).document
    assert (d.doc_number, d.issuer, d.published_date) == ("酉府〔2022〕1号", "酉新区人民政府", "2022-01-29"), d
    assert d.title == "酉新区人民政府关于印发《酉新区人民政府工作规则》的通知", d.title
    assert d.signed_date == "", "a date whose 年月日 were lost is unknown, not guessed"


def test_a_sites_region_tag_before_the_title_is_no_part_of_it(tmp_path: Path) -> None:
    """"北京：关于印发《…》的通知" (a policy site's region tag) over a 题注 in one bracket (北京, 2023)."""
    text = (
        "亥市：关于印发《亥市乡村振兴责任制实施细则》的通知\n"
        "（2023年6月21日中共亥市委常委会会议审议批准 2023年7月20日中共亥市委办公厅、亥市人民政府办公厅发布）\n"
        "各区委、区政府，市委各部委办：\n经市委、市政府同意，现将《亥市乡村振兴责任制实施细则》印发给你们，请认真遵照执行。\n"
        "中共亥市委办公厅\n亥市人民政府办公厅\n2023年7月20日\n"
    )
    d = run(tmp_path, text).document
    assert (d.title, d.signed_date) == ("关于印发《亥市乡村振兴责任制实施细则》的通知", "2023-07-20"), d


# a township's page whose body lost its line breaks: addressees, the sentence, the 附件 note, the 署名 and the
# date, then the attached plan, one line parted by spaces (温州市鹿城区山福镇, 2020)
RUN_ON_PAGE = """索引号 | 001008003001086/2020-42401 | ||
组配分类 | 部门文件 | 发布机构 | 山福镇 |
生成日期 | 2020-10-22 | 公开方式 | 主动公开 |
文号 | 鹿山政〔2020〕72号 |
各科室，各站所，各村： 为提高处置突发公共事件的能力，经研究，制定《山福镇突发公共事件总体应急预案（修订）》，现印发给你们，请据此制定专项应急预案。 附件：山福镇突发公共事件总体应急预案（修订） 温州市鹿城区山福镇人民政府 2020年10月22日 山福镇突发公共事件总体应急预案（修订） 1.总则 1.1目的依据 提高政府处置突发公共事件的能力，制定本预案。
"""


def test_a_page_run_into_one_line_keeps_its_signature_date_and_attachment(tmp_path: Path) -> None:
    d = run(tmp_path, RUN_ON_PAGE).document
    assert (d.issuer, d.signed_date, d.doc_number) == ("温州市鹿城区山福镇人民政府", "2020-10-22", "鹿山政〔2020〕72号"), d
    assert d.attachments == "山福镇突发公共事件总体应急预案（修订）", d.attachments
    assert (d.region_county, d.admin_level) == ("鹿城区", "township"), d


COUNTY_TASK_PAGE = """•索引号:0000000000/2021-0000001
•发布机构:县人民政府办公室
•公开范围:全部公开
2021年县政府重点工作任务(华政发〔2021〕2号)
来源:华容县政府   2021-03-23 10:56
各乡镇人民政府、县直各单位:
《2021年县政府重点工作任务分解》已经县人民政府同意,现印发给你们,请认真抓好贯彻落实。
"""


def test_a_county_page_names_itself_over_its_bracketed_number_and_its_place_in_the_source_field(tmp_path: Path) -> None:
    """A county site prints the notice's name with no document type over its bracketed 文号, names the issuer by
    level alone (发布机构：县人民政府办公室) and the county in the page's 来源 field (written here after the
    shape of such a page): the name is the title, the number is read, the region is the county's."""
    x = run(tmp_path, COUNTY_TASK_PAGE)
    d = x.document
    assert (d.title, d.doc_number, d.issuer) == ("2021年县政府重点工作任务", "华政发〔2021〕2号", "县人民政府办公室")
    assert (d.region_province, d.region_city, d.region_county, d.admin_level) == ("湖南省", "岳阳市", "华容县", "county")
    start, end, _ = json.loads(d.evidence)["region"]
    assert (x.text or "")[start:end].startswith("华容县政府")
    # a newspaper or a placeless office in the 来源 field names no region
    for source in ("来源:湖南日报   2021-03-23 10:56", "来源:县政府办   2021-03-23 10:56"):
        d = run(tmp_path, COUNTY_TASK_PAGE.replace("来源:华容县政府   2021-03-23 10:56", source)).document
        assert (d.region_province, d.region_county) == ("", ""), source


def test_a_placeless_issuer_takes_its_place_from_the_pages_publisher_field(tmp_path: Path) -> None:
    """The notice names its issuer by level alone (区人民政府办公室, as a district's own site prints it) and the
    page's 发布机构 field names the district (written here after the shape of such a page)."""
    text = (
        "名 称: 区人民政府办公室 关于印发2020年区政府重点工作责任分解的通知\n"
        "索 引 号: 000014349/2020-105482 发布日期: 2020-06-28 发布机构: 下陆区政府办公室\n"
        "区人民政府办公室关于印发2020年区政府重点工作责任分解的通知\n各新区、区政府各部门：\n"
        "《2020年区政府重点工作责任分解》已经区政府研究同意，现印发给你们，请认真抓好落实。\n2020年6月28日\n"
    )
    x = run(tmp_path, text)
    d = x.document
    assert d.issuer == "区人民政府办公室", d.issuer
    assert (d.region_province, d.region_city, d.region_county, d.admin_level) == ("湖北省", "黄石市", "下陆区", "county"), d
    start, end, _ = json.loads(d.evidence)["region"]
    assert (x.text or "")[start:end].startswith("下陆区政府办公室")


def test_a_task_list_grouped_by_lead_under_headings(tmp_path: Path) -> None:
    """An attachment lists the year's tasks under headings that name their lead ("一、县示范区管委会牵头工作
    （2项）", after the shape of a county's 政府工作报告任务清单; written here): each item is a task of those
    units; a heading that names no unit ("加强组织领导") makes none."""
    text = (
        "辰县人民政府办公室关于印发2025年县政府工作报告任务清单的通知\n县直各有关单位：\n现将任务清单印发给你们，请抓好落实。\n"
        "辰县人民政府办公室\n2025年5月18日\n附件\n2025年县政府工作报告任务清单\n"
        "一、县示范区管委会牵头工作（2项）\n1.投资3000万元建设工厂化循环水养殖基地。\n2.打造食用菌酵素生产基地。\n"
        "二、县农业农村局、县水利局牵头工作（1项）\n3.新建高标准农田2万亩，2025年10月底前完成。\n"
        "三、加强组织领导\n4.各单位要明确专人负责。\n"
    )
    tasks = run(tmp_path, text).tasks
    got = [(t.title, t.units, t.lead_unit, t.due_date) for t in tasks]
    assert got == [
        ("投资3000万元建设工厂化循环水养殖基地", "县示范区管委会", "县示范区管委会", ""),
        ("打造食用菌酵素生产基地", "县示范区管委会", "县示范区管委会", ""),
        ("新建高标准农田2万亩，2025年10月底前完成", "县农业农村局；县水利局", "县农业农村局", "2025-10-31"),
    ], got


def test_items_under_a_heading_that_carries_its_lead_in_a_tag(tmp_path: Path) -> None:
    """A district's policy measures under headings that carry their lead in a tag ("一、强化科技创新（区科技局牵
    头）", after the shape of a Jinhua district's 若干政策举措; written here): each item under such a heading is a
    task of its lead with its own time limit, in place of one row for the heading; an item with a tag of its
    own keeps its own units."""
    text = (
        "丙区人民政府关于印发若干政策举措的通知\n各乡镇人民政府、街道办事处：\n现将政策举措印发给你们，请认真贯彻执行。\n"
        "丙区人民政府\n2025年4月1日\n若干政策举措\n"
        "一、强化科技创新（区科技局牵头）\n力争全社会研发投入强度达到2.95%。\n"
        "（一）加强科创平台效能建设。加快建设光电子研究院。\n（二）加大科技企业培育力度。2025年9月底前完成高新技术企业认定。\n"
        "二、扩大有效投资（区发改局牵头）\n（一）强化要素保障。2025年6月底前完成重大项目用地报批。\n"
        "（二）优化审批服务。推行承诺制审批。（区行政审批局负责）\n"
    )
    tasks = run(tmp_path, text).tasks
    got = [(t.title, t.units, t.lead_unit, t.due_date) for t in tasks]
    assert got == [
        ("加强科创平台效能建设", "区科技局", "区科技局", ""),
        ("加大科技企业培育力度", "区科技局", "区科技局", "2025-09-30"),
        ("强化要素保障", "区发改局", "区发改局", "2025-06-30"),
        ("优化审批服务", "区行政审批局", "区行政审批局", ""),
    ], got


def test_a_regulation_promulgated_by_several_bodies_names_each(tmp_path: Path) -> None:
    """A national regulation whose 题注 names the bodies whose joint order promulgated it (after the shape of
    LawRefBook's 行政法规 texts; written here): each body an issuer, the central bank among them, and the
    regulation national."""
    text = (
        "# 关于某类违规行为的行政处分暂行规定\n\n"
        "1999年1月25日 监察部、人事部、中国人民银行、海关总署令第7号发布\n\n"
        "第一条 为了维护管理秩序，制定本规定。\n第二条 本规定适用于国家公务员。\n"
    )
    d = run(tmp_path, text).document
    assert (d.issuer, d.admin_level) == ("监察部；人事部；中国人民银行；海关总署", "national"), (d.issuer, d.admin_level)


def test_a_city_rules_bracketed_note_holds_every_event(tmp_path: Path) -> None:
    """A city government's 规章 prints its whole 题注 in one bracket (adopted at a meeting, promulgated by an order,
    in force from a date): the order of the second event is the number, the meeting's body the issuer."""
    text = (
        "贵阳市城市道路桥梁管理办法\n\n（2021年6月15日贵阳市人民政府第78次常务会议审议通过  2021年7月1日贵阳市人民政府令第97号公布  "
        "自2021年8月1日起施行）\n\n第一条 为了加强城市道路桥梁管理，根据《城市道路管理条例》，制定本办法。\n第二条 本办法自2021年8月1日起施行。\n"
    )
    d = run(tmp_path, text).document
    assert (d.issuer, d.doc_number, d.signed_date, d.valid_from) == ("贵阳市人民政府", "贵阳市人民政府令第97号", "2021-07-01", "2021-08-01"), d


def test_a_ministrys_rules_named_a_norm_have_their_title(tmp_path: Path) -> None:
    """Rules named 规范 (交通警察道路执勤执法工作规范, 医疗机构制剂配制质量管理规范（试行）: LawRefBook's 部门规章;
    written here after their shape): the name is the title and the 题注 gives the issuer and the order."""
    text = (
        "# 某类机构配制质量管理规范（试行）\n\n2001年3月13日 国家食品药品监督管理局令第27号公布\n\n"
        "第一条 根据《中华人民共和国药品管理法》的规定，制定本规范。\n第二条 医疗机构负责人对本《规范》的实施负责。\n"
    )
    x = run(tmp_path, text)
    d = x.document
    assert (d.title, d.issuer, d.doc_number) == ("某类机构配制质量管理规范（试行）", "国家食品药品监督管理局", "国家食品药品监督管理局令第27号"), d
    assert [r.cited_title for r in x.references] == ["中华人民共和国药品管理法"], x.references


def test_a_first_heading_under_the_number_is_no_title(tmp_path: Path) -> None:
    """A 司法解释 as a law database prints it (LawRefBook, 法释〔2022〕2号; written here after its shape): the title,
    the title again over two lines, the number, a preamble sentence, then "一、一般规定". The heading ends with a
    document type but is the body's first heading, not the title; the preamble's laws are cited."""
    text = (
        "# 最高人民法院关于审理某类纠纷案件的若干规定\n\n最高人民法院关于审理某类\n\n纠纷案件的若干规定\n\n法释〔2022〕2号\n\n"
        "为正确审理某类纠纷案件，根据《中华人民共和国民法典》《中华人民共和国证券法》等法律规定，结合审判实践，制定本规定。\n\n"
        "一、一般规定\n\n第一条 某类纠纷案件，适用本规定。\n\n二、附则\n\n第二条 本规定自2022年1月22日起施行。\n"
    )
    x = run(tmp_path, text)
    d = x.document
    assert (d.title, d.issuer, d.doc_number, d.admin_level) == ("最高人民法院关于审理某类纠纷案件的若干规定", "最高人民法院", "法释〔2022〕2号", "national"), d
    assert [s.heading for s in x.sections if s.level == 1] == ["一般规定", "附则"], x.sections
    assert [r.cited_title for r in x.references] == ["中华人民共和国民法典", "中华人民共和国证券法"], x.references


def test_an_articles_own_enumeration_is_no_part_heading(tmp_path: Path) -> None:
    """Parts above articles go on after them only by their next numeral: a regulation whose 第五条 lists "一、…
    二、…" (no part heading before its first article) keeps them inside the article (written here)."""
    text = (
        "# 某市某事管理条例\n\n第一条 为了加强管理，制定本条例。\n\n第二条 下列事项由市人民政府决定：\n\n"
        "一、规划的编制；\n\n二、资金的安排。\n\n第三条 本条例自2024年1月1日起施行。\n"
    )
    x = run(tmp_path, text)
    assert [s.label for s in x.sections] == ["第一条", "第二条", "第三条"], x.sections


def test_a_placeless_adopting_body_takes_the_place_its_title_names(tmp_path: Path) -> None:
    """A 题注 naming the adopting body by level alone ("市十四届人大常委会", as LawRefBook prints 宁波's and 杭州's
    regulations; written here): the issuer stays as printed, the region is the city the title opens with, at
    the level the body gives."""
    text = (
        "# 宁波市某事促进条例\n\n2014年12月26日 市十四届人大常委会第二十次会议通过\n\n"
        "2015年3月27日 省十二届人大常委会第十八次会议批准\n\n第一条 为了促进某事，制定本条例。\n"
    )
    d = run(tmp_path, text).document
    assert (d.issuer, d.region_province, d.region_city, d.admin_level) == ("市十四届人大常委会", "浙江省", "宁波市", "municipal"), d


def test_a_long_title_note_is_read_to_its_last_event(tmp_path: Path) -> None:
    """A city regulation approved by its province prints three lines per revision (青岛市燃气管理条例: thirteen
    lines of 题注; written here after its shape): the text's date is its last event's, and no amending
    decision in the note is a citation."""
    events = []
    for year in (1995, 2003, 2019):
        events += [
            f"{year}年5月23日 乙市人民代表大会常务委员会第十六次会议修订",
            f"{year}年7月26日 甲省人民代表大会常务委员会第十三次会议批准",
            f"{year}年7月26日 乙市人民代表大会常务委员会公告公布",
            f"{year}年9月1日 施行",
        ]
    events.append("2022年1月21日 甲省人民代表大会常务委员会第三十三次会议批准的2021年12月29日乙市人民代表大会常务委员会第三十七次会议《关于修改〈乙市燃气管理条例〉的决定》修正")
    text = "# 乙市燃气管理条例\n\n" + "\n\n".join(events) + "\n\n第一条 为了加强燃气管理，制定本条例。\n\n第二条 本条例适用于本市。\n"
    x = run(tmp_path, text)
    assert x.document.signed_date == "2022-01-21", x.document
    assert x.references == [], x.references


def test_a_title_over_the_number_with_a_line_ending_in_a_cited_law(tmp_path: Path) -> None:
    """A 司法解释 reprinting its title over three lines above its number (法释〔2022〕9号 in LawRefBook; written here
    after its shape): "关于适用《中华人民共和国某法》" ends in a cited law, not a title of its own, so the three
    lines are one title and the first names the issuer."""
    text = (
        "# 最高人民法院关于适用《中华人民共和国某法》若干问题的解释\n\n2022年1月29日 最高人民法院审判委员会第1862次会议通过\n\n"
        "最高人民法院\n\n关于适用《中华人民共和国某法》\n\n若干问题的解释\n\n法释〔2022〕9号\n\n"
        "为正确审理某类民事案件，根据《中华人民共和国民法典》等法律规定，制定本解释。\n\n第一条 某类案件适用本解释。\n"
    )
    d = run(tmp_path, text).document
    assert (d.title, d.issuer) == ("最高人民法院关于适用《中华人民共和国某法》若干问题的解释", "最高人民法院"), d


RESPONSIBLE_SENTENCES = """丙市人民政府办公室关于印发丙市优化营商环境行动方案的通知
丙政办发〔2024〕7号
各区人民政府，市政府各部门：
现将《丙市优化营商环境行动方案》印发给你们，请认真贯彻执行。
丙市人民政府办公室
2024年3月1日
丙市优化营商环境行动方案
一、重点任务
（一）压缩企业开办时间。全面推行企业开办“一网通办”，2024年6月底前企业开办时间压缩至1个工作日。市市场监管局、市公安局、市税务局按职责分工负责。
（二）加强信用监管。市发展改革委负责，各区人民政府落实。
"""


def test_units_in_a_sentence_closing_an_item(tmp_path: Path) -> None:
    """"A、B、C按职责分工负责。" and "A负责，B落实。" closing an item after its text (written here) name its units;
    a law's "X对Y负责。" or "X负责…的组织实施。" is prose, no task."""
    x = run(tmp_path, RESPONSIBLE_SENTENCES)
    assert task_rows(x.tasks) == [
        ("压缩企业开办时间", "市市场监管局；市公安局；市税务局", "市市场监管局", "2024-06-30"),
        ("加强信用监管", "市发展改革委；各区人民政府", "市发展改革委", ""),
    ], x.tasks
    law = (
        "# 某事管理条例\n\n第一条 为了加强管理，制定本条例。\n\n"
        "第二条 国家实行某项制度。国务院有关主管部门负责全国某项制度的组织实施。\n\n"
        "第三条 行政长官依照本条例行使职权。行政长官对中央人民政府负责。\n"
    )
    assert run(tmp_path, law, name="law").tasks == []


@pytest.mark.parametrize(
    ("head", "issuer", "signed"),
    [
        # an event broken after the body's name (青岛市国有土地上房屋征收与补偿条例 in LawRefBook)
        ("2013年2月26日 乙市第十五届人民代表大会常务委员会\n\n第九次会议通过", "乙市人民代表大会常务委员会", "2013-02-26"),
        # two bodies broken apart (军用标准化管理办法: "1984年1月7日 国务院" / "中央军委发布")
        ("1984年1月7日 国务院\n\n中央军委发布", "国务院；中央军委", "1984-01-07"),
        # a dated line over the preamble's first sentence is no broken event (国务院关于开展全民义务植树运动的实施办法)
        # (the bare date is the text's date; the sentence's 全国人民代表大会 is no issuer)
        ("1982年2月27日\n\n为了切实贯彻执行第五届全国人民代表大会第四次会议《关于某事的决议》，特制定如下实施办法。", "", "1982-02-27"),
    ],
    ids=["body-then-meeting", "two-bodies", "preamble-not-event"],
)
def test_a_title_note_event_broken_over_two_lines(tmp_path: Path, head: str, issuer: str, signed: str) -> None:
    """题注 events a law database broke over two lines (written here after LawRefBook's shapes)."""
    text = f"# 某某管理办法\n\n{head}\n\n第一条 为了加强管理，制定本办法。\n\n第二条 本办法自发布之日起施行。\n"
    d = run(tmp_path, text).document
    assert (d.issuer, d.signed_date) == (issuer, signed), d


@pytest.mark.parametrize(("title", "province"), [("上海某事条例", "上海市"), ("中国（广东）自由贸易试验区某事条例", "广东省")])
def test_a_regulation_titled_by_a_short_place_name(tmp_path: Path, title: str, province: str) -> None:
    """上海港口条例, 中国（上海）自由贸易试验区条例 (LawRefBook, written here after their shape): a title opening with
    a municipality's short name, or with 中国（place）, gives the region when the text names no issuer."""
    d = run(tmp_path, f"# {title}\n\n第一条 为了加强某事管理，制定本条例。\n\n第二条 本条例自公布之日起施行。\n").document
    assert (d.issuer, d.region_province, d.admin_level) == ("", province, "provincial"), d


def test_a_masthead_broken_over_two_lines_under_a_site_column(tmp_path: Path) -> None:
    """A page whose breadcrumb ends in a column named "自治区文件" and whose printed masthead puts 文件 on a line
    of its own (a government's name, then 文件): the masthead names the issuer, the column does not."""
    out = run(
        tmp_path,
        "您的位置：首页>>政务公开>>自治区文件>>正文\n自治区文件\n关于印发《甲自治区稳就业实施意见》的通知\n"
        "新疆维吾尔自治区人民政府\n文件\n新政发〔2020〕99号\n关于印发《甲自治区稳就业实施意见》的通知\n"
        "各州、市、县（市）人民政府，自治区人民政府各部门：\n现将《甲自治区稳就业实施意见》印发给你们，请认真贯彻执行。\n"
        "2020年3月19日\n",
    )
    assert out.document.issuer == "新疆维吾尔自治区人民政府"
    assert out.document.doc_number == "新政发〔2020〕99号"


def test_a_tags_own_limit_without_its_year(tmp_path: Path) -> None:
    """A task's bracketed tag gives its limit without the year ("完成时限：6月底", "年内", "第三季度"): the
    document's year is taken, as for a 完成时限 cell; the tag's limit wins over a date told in the item; a
    limit that names no date ("长期坚持") keeps its words and no due date."""
    out = run(
        tmp_path,
        "甲市人民政府办公室关于印发甲市2024年重点工作任务分工方案的通知\n甲政办发〔2024〕5号\n各区人民政府，市政府各部门：\n"
        "现将《甲市2024年重点工作任务分工方案》印发给你们，请认真贯彻落实。\n甲市人民政府办公室\n2024年3月1日\n一、重点任务\n"
        "1.推进项目建设。完成项目审批。（责任单位：市发展改革委，完成时限：6月底）\n"
        "2.完善制度。出台办法。（责任单位：市司法局，完成时限：年内）\n"
        "3.开展专项行动。今年6月底前完成摸底。（责任单位：市生态环境局；完成时限：年底前）\n"
        "4.加强督查。报送进展情况。（牵头单位：市政府督查室；完成时限：第三季度）\n"
        "5.深化改革。今年5月底前完成摸底。（责任单位：市教育局；完成时限：长期坚持）\n",
    )
    assert [(t.units, t.deadline_text, t.due_date) for t in out.tasks] == [
        ("市发展改革委", "6月底", "2024-06-30"),
        ("市司法局", "年内", "2024-12-31"),
        ("市生态环境局", "年底前", "2024-12-31"),
        ("市政府督查室", "第三季度", "2024-09-30"),
        ("市教育局", "长期坚持", ""),
    ]
    # "完成时限：6月底" is the end of June, not a time allowed of six months
    assert not [d for d in out.deadlines if d.kind == "relative"]


def test_parts_above_the_numbered_headings(tmp_path: Path) -> None:
    """An implementation plan in parts ("第一部分 总体要求" over 一、 over （一）): each part holds the headings
    below it, so the 保障措施 of the third part are not read as children of the second part's last 一、."""
    out = run(
        tmp_path,
        "丙市人民政府关于加快发展现代服务业的实施意见\n丙政发〔2023〕8号\n各县（市、区）人民政府，市政府各部门：\n"
        "为加快发展现代服务业，提出如下实施意见。\n第一部分 总体要求\n一、指导思想\n坚持稳中求进。\n"
        "第二部分 重点任务\n一、发展生产性服务业\n（一）现代物流。\n1、建设物流园区。（市发改委牵头，市商务局配合）\n"
        "二、发展生活性服务业\n第三部分 保障措施\n（一）加强组织领导。\n（二）加大政策支持。\n丙市人民政府\n2023年5月6日\n",
    )
    tree = [(s.section_id, s.label, s.heading) for s in out.sections]
    assert tree == [
        ("s1", "第一部分", "总体要求"),
        ("s1.1", "一", "指导思想"),
        ("s2", "第二部分", "重点任务"),
        ("s2.1", "一", "发展生产性服务业"),
        ("s2.1.1", "（一）", "现代物流"),
        ("s2.1.1.1", "1、", "建设物流园区"),
        ("s2.2", "二", "发展生活性服务业"),
        ("s3", "第三部分", "保障措施"),
        ("s3.1", "（一）", "加强组织领导"),
        ("s3.2", "（二）", "加大政策支持"),
    ]
    assert [(t.section_id, t.units) for t in out.tasks] == [("s2.1.1.1", "市发改委；市商务局")]


def test_a_lead_and_assisting_units_named_inside_a_sentence(tmp_path: Path) -> None:
    """A meeting's minutes decide who does what in a sentence ("会议要求，A牵头，B配合，于…前完成…"): the
    units are the task's, and so is the limit the sentence goes on to give."""
    out = run(
        tmp_path,
        "戊市人民政府常务会议纪要\n戊市人民政府办公室\n2024年4月10日\n2024年4月8日，市长主持召开市政府第5次常务会议。纪要如下：\n"
        "一、关于城区道路改造\n会议要求，市城市管理局牵头，市财政局配合，于2024年6月底前完成城区主干道改造。\n"
        "二、关于老旧小区改造\n由市住房城乡建设局牵头，各区政府等单位配合，加快推进老旧小区改造。\n",
    )
    assert [(t.section_id, t.units, t.lead_unit, t.due_date) for t in out.tasks] == [
        ("s1", "市城市管理局；市财政局", "市城市管理局", "2024-06-30"),
        ("s2", "市住房城乡建设局；各区政府", "市住房城乡建设局", ""),
    ]


def test_paragraphs_under_one_heading_are_titled_by_their_run_in_sentences(tmp_path: Path) -> None:
    """A policy list whose item numbers the export lost: each paragraph under the heading opens with a short
    sentence naming its measure and closes with its own tag. Each task is titled by that sentence, not all by
    the heading above them."""
    out = run(
        tmp_path,
        "安徽省人民政府办公厅关于印发支持工业互联网发展若干政策的通知\n皖政办秘〔2021〕82号\n各市人民政府，省政府各部门：\n"
        "现将《支持工业互联网发展若干政策》印发给你们，请认真贯彻执行。\n安徽省人民政府办公厅\n2021年9月2日\n"
        "一、支持工业互联网平台建设\n培育各类工业互联网平台。重点培育一批工业互联网平台，省级给予奖补。（责任单位：省经济和信息化厅、省财政厅）\n"
        "推动企业上云上平台。建立工业互联网服务商资源池。（责任单位：省经济和信息化厅）\n"
        "二、加强人才培养\n支持高校开设工业互联网专业。（责任单位：省教育厅）\n",
    )
    assert [(t.section_id, t.title, t.units) for t in out.tasks] == [
        ("s1", "培育各类工业互联网平台", "省经济和信息化厅；省财政厅"),
        ("s1", "推动企业上云上平台", "省经济和信息化厅"),
        ("s2", "加强人才培养", "省教育厅"),
    ]


def test_a_law_database_export_with_its_fields_above_the_notice(tmp_path: Path) -> None:
    """北大法宝's export puts URL, 法宝引证码, 发布部门, 公布日期, 施行日期, 时效性, 效力位阶 and 法规类别 between the
    title and the 主送机关: they are the export's fields, so the 主送机关 under them is still found, and the
    dates and status they give fill the fields the notice leaves empty."""
    out = run(
        tmp_path,
        "湖南省人民政府关于印发《湖南省推进数字政府建设实施方案》的通知\nURL: https://www.pkulaw.com/lar/abc.html\n"
        "【法宝引证码】CLI.12.1234567\n发布部门：湖南省人民政府\n发文字号：湘政发〔2022〕12号\n公布日期：2022.08.15\n"
        "施行日期：2022.08.15\n时效性：现行有效\n效力位阶：地方规范性文件\n法规类别：电子政务\n"
        "各市州、县市区人民政府，省政府各厅委、各直属机构：\n现将《湖南省推进数字政府建设实施方案》印发给你们，请认真贯彻执行。\n"
        "湖南省人民政府\n2022年8月10日\n",
    )
    d = out.document
    assert d.recipients == "各市州、县市区人民政府；省政府各厅委；各直属机构"
    assert (d.doc_number, d.signed_date, d.published_date, d.valid_from, d.status) == ("湘政发〔2022〕12号", "2022-08-10", "2022-08-15", "2022-08-15", "现行有效")


def test_a_law_site_prints_number_and_date_in_brackets_under_the_title(tmp_path: Path) -> None:
    """A law site prints "（宁政办发[2010]9号 2010年1月14日）" under the title: the 文号 and the 成文日期, read
    each as what it is, in the order printed."""
    d = run(
        tmp_path,
        "丁自治区人民政府办公厅关于严肃民生计划新闻发布纪律的通知\n(宁政办发[2010]9号 2010年1月14日)\n"
        "自治区政府各部门、直属机构:\n民生计划是一项重大的民心工程。未经批准，任何单位不得擅自发布民生计划的内容。\n特此通知。\n",
    ).document
    assert (d.doc_number, d.signed_date) == ("宁政办发〔2010〕9号", "2010-01-14"), d


def test_a_number_closing_a_bracket_belongs_to_the_title_before_it(tmp_path: Path) -> None:
    """Titles cited one after another, each with its number in brackets ("《A》（沪府办发〔2024〕3号）《B》"): the
    number is A's; B, with none of its own, is still cited (it was lost as a second row of A's number)."""
    out = run(
        tmp_path,
        "甲区人民政府办公室关于印发甲区海绵城市建设实施方案的通知\n甲府办发〔2024〕23号\n各镇人民政府，区政府各部门：\n"
        "根据《乙市海绵城市规划建设管理办法》（乙住建规〔2023〕11号）《本市系统化全域推进海绵城市建设的实施意见》（乙府办发〔2024〕3号）"
        "《甲区海绵城市建设规划（2018-2035）》等部署要求，制定本方案。\n甲区人民政府办公室\n2024年10月10日\n",
    )
    cited = [(r.cited_title, r.cited_doc_number) for r in out.references]
    assert ("本市系统化全域推进海绵城市建设的实施意见", "乙府办发〔2024〕3号") in cited, cited
    assert ("甲区海绵城市建设规划（2018-2035）", "") in cited, cited


JILIN_PAGE = """索  引 号: 11220000013544357T/2021-01510
发文机关: 吉林省人民政府办公厅
成文日期: 2021年03月09日
发文字号: 吉政办发〔2021〕11号

吉林省人民政府办公厅关于印发

吉林省第三个十年绿化美化吉林大地规划

(2021-2030年)的通知

吉政办发〔2021〕11号

各市(州)人民政府,长白山管委会,各县(市)人民政府:

  《吉林省第三个十年绿化美化吉林大地规划(2021-2030年)》已经省政府同意,现印发给你们,请认真贯彻落实。

吉林省人民政府办公厅

2021年3月9日
"""


def test_a_title_whose_last_line_opens_with_the_qualifier_of_a_whole_looking_line(tmp_path: Path) -> None:
    """A title broken over three lines above the 文号, the middle one ending in a document type ("…规划") and
    the last opening with its years ("(2021-2030年)的通知"): the three lines are the one title."""
    d = run(tmp_path, JILIN_PAGE).document
    assert d.title == "吉林省人民政府办公厅关于印发吉林省第三个十年绿化美化吉林大地规划（2021-2030年）的通知", d.title


def test_joint_issuers_signed_by_their_short_names(tmp_path: Path) -> None:
    """Two bureaus named in full at the head of the title and signed by their short names on one line
    ("省发展改革委 省生态环境厅"): each is an issuer, named in full."""
    d = run(
        tmp_path,
        "吉林省发展改革委 吉林省生态环境厅\n关于印发《吉林省进一步加强塑料污染治理重点工作台账》的通知\n吉发改环资联〔2020〕633号\n"
        "各市（州）人民政府，省政府各厅委办：\n现印发给你们，请认真贯彻执行。\n省发展改革委 省生态环境厅\n2020年8月6日\n",
    ).document
    assert d.issuer == "吉林省发展改革委；吉林省生态环境厅", d.issuer


def test_a_signing_date_printed_without_its_characters(tmp_path: Path) -> None:
    """A site's template drops 年月日 from the 成文日期 ("20151214" under the body): read when the digits make a
    calendar date."""
    d = run(
        tmp_path,
        "南宁市人民政府办公厅关于印发《南宁市行政执法公示制度》的通知\n各县、区人民政府，市政府各部门：\n"
        "《南宁市行政执法公示制度》已经市政府常务会议审议通过，现印发给你们，请认真贯彻执行。\n20151214\n南宁市行政执法公示制度\n"
        "第一条 为规范行政执法行为，制定本制度。\n",
    ).document
    assert d.signed_date == "2015-12-14", d.signed_date


def test_a_site_banner_over_a_title_that_opens_with_its_issuers(tmp_path: Path) -> None:
    """A site's banner line ("纪录小康工程") over a title that opens with its joint issuers is no part of the
    title; a 成文日期 whose characters were dropped ("2021416") is read when its digits make one date only."""
    d = run(
        tmp_path,
        "纪录小康工程\n\n中共永德县委办公室  永德县人民政府办公室关于印发永德县城镇化建设三年行动\n\n计划(2020―2022年)的通知\n\n"
        "各乡党委、政府，县委各部门：\n\n现将行动计划印发给你们，请认真贯彻执行。\n\n中共永德县委办公室\n\n永德县人民政府办公室\n\n2021416\n",
    ).document
    # the joint issuers keep the space the page prints between them (metadata._spaced_issuers)
    assert d.title == "中共永德县委办公室 永德县人民政府办公室关于印发永德县城镇化建设三年行动计划（2020―2022年）的通知", d.title
    assert (d.issuer, d.signed_date) == ("中共永德县委办公室；永德县人民政府办公室", "2021-04-16"), d


def test_digits_that_read_as_two_dates_give_none(tmp_path: Path) -> None:
    """"2022128" is 1月28日 or 12月8日: no date is guessed, and no evidence points at it."""
    d = run(
        tmp_path,
        "浦东新区人民政府关于印发《浦东新区人民政府工作规则》的通知\n浦府〔2022〕1号\n各委、办、局：\n现将工作规则印发给你们，请遵照执行。\n"
        "浦东新区人民政府\n2022128\n",
    ).document
    assert d.signed_date == "" and "signed_date" not in json.loads(d.evidence), d


def test_a_doc_number_that_lost_its_closing_bracket_run_into_the_issuer(tmp_path: Path) -> None:
    """A page that dropped the 〕, 号, 年月日 of its header runs the 文号 into the issuer's line over "关于…"
    ("献政字〔201722献县人民政府"): that line is its 文号 (the year has four digits, the rest is the serial), not a
    发文机关 heading the title."""
    d = run(
        tmp_path,
        " 献政字〔201722献县人民政府\n\n关于印发献县行政执法三项制度实施方案的通知\n\n各行政执法部门：\n\n"
        "现将实施方案印发给你们，请认真抓好贯彻落实。\n\n献县人民政府\n\n2017531\n",
    ).document
    assert d.title == "关于印发献县行政执法三项制度实施方案的通知", d.title
    assert (d.issuer, d.doc_number, d.signed_date) == ("献县人民政府", "献政字〔2017〕22号", "2017-05-31"), d


_ANNOUNCEMENTS = [
    # a 公告 prints its head over its number, then its own title
    (
        "国家税务总局公告\n2024年第3号\n国家税务总局关于优化纳税缴费服务的公告\n为进一步优化纳税缴费服务，现将有关事项公告如下：\n"
        "一、自2024年3月1日起，推行新的办税流程。\n特此公告。\n国家税务总局\n2024年2月20日\n",
        {"doc_number": "国家税务总局公告2024年第3号", "title": "国家税务总局关于优化纳税缴费服务的公告"},
    ),
    # a 通告's kind on a line of its own under its issuer, and no other title
    (
        "郑州市人民政府\n通告\n〔2024〕第3号\n为加强城市管理，现就有关事项通告如下：\n一、本市主城区内禁止燃放烟花爆竹。\n"
        "二、本通告自发布之日起施行。\n郑州市人民政府\n2024年1月5日\n",
        {"doc_number": "郑州市人民政府通告2024年第3号", "title": "郑州市人民政府通告", "issuer": "郑州市人民政府"},
    ),
    # a yearless serial ("第12号") names no agency and no year, so it makes no 文号, but the head still titles it
    (
        "郑州市人民政府\n通告\n第12号\n为保障道路交通安全畅通，市政府决定对部分道路实施交通管理措施。现通告如下：\n"
        "一、自2024年3月1日起，禁止货车在三环路以内道路通行。\n特此通告。\n郑州市人民政府\n2024年2月20日\n",
        {"doc_number": "", "title": "郑州市人民政府通告", "issuer": "郑州市人民政府", "signed_date": "2024-02-20"},
    ),
    # a county site prints the serial before the head on one line ("〔2022〕第39号兰考县人民政府征收土地预公告", 兰考县
    # 2022) and signs with a date only: the number is read from both, the head titles it and names its issuer
    (
        "〔2022〕第39号兰考县人民政府征收土地预公告\n打印 【字体:\n为保障城市建设用地需求，经县政府研究决定，现发布征收土地预公告：\n"
        "一、拟征收土地的范围\n宗地一：涉及堌阳镇雷寨一村土地。\n特此公告。\n2022年10月31日\n",
        {"doc_number": "兰考县人民政府征收土地预公告2022年第39号", "title": "兰考县人民政府征收土地预公告", "issuer": "兰考县人民政府", "signed_date": "2022-10-31"},
    ),
    # the kind with its matter under the issuer, over a bracketed 文号 (峨边彝族自治县 2023): both lines are the title
    (
        "峨边彝族自治县人民政府\n土地征收预公告\n(峨征预公告〔2023〕2号)\n根据《中华人民共和国土地管理法》的规定，现发布征收土地预公告：\n"
        "一、拟征收土地范围\n沙坪镇马嘶溪村3组。\n特此公告。\n峨边彝族自治县人民政府\n2023年11月16日\n",
        {"doc_number": "峨征预公告〔2023〕2号", "title": "峨边彝族自治县人民政府土地征收预公告", "issuer": "峨边彝族自治县人民政府"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), _ANNOUNCEMENTS, ids=["head_over_number", "kind_under_issuer", "yearless_serial", "serial_before_head", "kind_with_matter"])
def test_announcements_numbered_under_their_head(tmp_path: Path, text: str, expected: dict[str, str]) -> None:
    """A 公告 prints its head over its number ("国家税务总局公告" / "2024年第3号"), then its title; a 通告 may print
    its kind on a line of its own under its issuer and have no other title ("郑州市人民政府" / "通告" /
    "〔2024〕第3号"): the number is read from the head and the number, and the head titles a 通告 with none."""
    d = run(tmp_path, text).document
    assert {f: getattr(d, f) for f in expected} == expected, d


def test_a_task_table_with_a_two_row_header_and_its_measures(tmp_path: Path) -> None:
    """A task list whose 责任单位 header spans 牵头单位 and 配合单位 on a second header row, a 具体举措 column of
    measures, merged 重点任务 cells, a "/" for no unit and limits that name no date."""
    out = table_notice(
        tmp_path,
        "measures",
        "<tr><td rowspan='2'>序号</td><td rowspan='2'>重点任务</td><td rowspan='2'>具体举措</td><td colspan='2'>责任单位</td><td rowspan='2'>完成时限</td></tr>"
        "<tr><td>牵头单位</td><td>配合单位</td></tr>"
        "<tr><td rowspan='2'>1</td><td rowspan='2'>优化政务服务</td><td>推行“一件事一次办”。</td><td>市政务服务中心</td><td>市直各部门</td><td>6月底前</td></tr>"
        "<tr><td>推进高频事项“跨省通办”。</td><td>市政务服务中心</td><td>市公安局、市人社局</td><td>2024年12月</td></tr>"
        "<tr><td>2</td><td>强化要素保障</td><td>建立重点项目用地保障机制。</td><td>市自然资源局</td><td>/</td><td>长期坚持</td></tr>",
    )
    assert [(t.title, t.detail, t.units, t.lead_unit, t.deadline_text, t.due_date) for t in out.tasks] == [
        ("优化政务服务", "推行“一件事一次办”。", "市政务服务中心；市直各部门", "市政务服务中心", "6月底前", "2024-06-30"),
        ("优化政务服务", "推进高频事项“跨省通办”。", "市政务服务中心；市公安局；市人社局", "市政务服务中心", "2024年12月", "2024-12-31"),
        ("强化要素保障", "建立重点项目用地保障机制。", "市自然资源局", "市自然资源局", "长期坚持", ""),
    ]


def test_a_standing_committee_announcement_numbered_in_chinese_numerals(tmp_path: Path) -> None:
    """A local people's congress standing committee prints its 公告 head over "第三十七号": the 文号, its serial
    in Chinese numerals read as 37."""
    d = run(
        tmp_path,
        "深圳市人民代表大会常务委员会听证条例\n深圳市人民代表大会常务委员会公告\n第三十七号\n"
        "《深圳市人民代表大会常务委员会听证条例》业经批准，现予公布，自2002年1月1日起施行。\n深圳市人民代表大会常务委员会\n2001年12月26日\n"
        "第一章 总 则\n第一条 为了规范听证活动，制定本条例。\n",
    ).document
    assert (d.doc_number, d.doc_number_serial) == ("深圳市人民代表大会常务委员会公告第37号", 37), d


def test_a_page_that_ran_its_headings_on(tmp_path: Path) -> None:
    """A county page that lost its line breaks runs its headings on after spaces ("…通知如下: 一、活动内容 围绕…
    开展活动。 二、时间安排 从…"): each heading is a section with its short name, the text after it its body."""
    out = run(
        tmp_path,
        "安政务办发〔2024〕1号\n安化县政务公开政务服务领导小组办公室 关于开展2024年“政务公开主题日”活动的通知\n"
        "各乡镇人民政府,县直各单位: 为加强政务公开工作宣传，现就有关事项通知如下: 一、活动内容 围绕县政府工作报告组织开展活动。"
        "各乡镇制定活动方案，于2024年9月15日前报县政府办。 二、时间安排 从2024年9月中下旬开始。 三、活动形式 (一)实地调研。组织代表到项目现场调研。"
        " (二)现场观摩。邀请群众观摩办事服务。\n",
    )
    assert [(s.section_id, s.label, s.heading) for s in out.sections] == [
        ("s1", "一", "活动内容"),
        ("s2", "二", "时间安排"),
        ("s3", "三", "活动形式"),
        ("s3.1", "（一）", "实地调研"),
        ("s3.2", "（二）", "现场观摩"),
    ]
    assert out.document.recipients == "各乡镇人民政府；县直各单位"


def test_a_page_that_ran_on_a_heading_after_a_time_not_a_sentence(tmp_path: Path) -> None:
    """A run-on heading that only spaces part from what is before it ("一、临时交通管制时间 2023年1月20日 17:00-22:30
    二、交通管制路段 …": a time ends no sentence), and items "1、…。 2、…" run on under a heading, are cut where
    the next label of the series starts; a decimal ("2.5 3.5") is no label."""
    out = run(
        tmp_path,
        "关于对汕尾体育馆周边道路实施临时交通管制的通告\n关于对汕尾体育馆周边道路实施临时交通管制的通告\n"
        "我支队决定对市城区汕尾体育馆周边道路实施临时交通管制。现通告如下:\n"
        "一、临时交通管制时间 2023年1月20日 17:00-22:30 二、交通管制路段 体育支路、公园路体育馆路段双向。 三、管制措施 "
        "1、管制期间，上述路段禁止一切车辆通行或停放，车速限制2.5 3.5吨以上货车绕行。 2、管制期间，公安交通管理部门将视情况调整管制时间。 "
        "四、其他提示 敬请广大市民积极配合。 特此通告 汕尾市公安局交通警察支队 2023年1月20日\n相关附件：\n",
    )
    assert [(s.section_id, s.label, s.heading[:8]) for s in out.sections] == [
        ("s1", "一", "临时交通管制时间"),
        ("s2", "二", "交通管制路段"),
        ("s3", "三", "管制措施"),
        ("s3.1", "1、", "管制期间，上述路"),
        ("s3.2", "2、", "管制期间，公安交"),
        ("s4", "四", "其他提示"),
    ], out.sections
    window = [dl for dl in out.deadlines if dl.kind == "range"]
    assert [(dl.text, dl.start, dl.end) for dl in window] == [("2023年1月20日17:00-22:30", "2023-01-20", "2023-01-20")], window


def test_a_labelled_limit_no_rule_reads_keeps_its_words(tmp_path: Path) -> None:
    """"完成时限：立行立改" or "即时办理" names no date, but it is the task's limit as the notice states it: the
    task keeps the words with no due date, as a 完成时限 table cell does; a dated limit still gets its date."""
    doc = run(
        tmp_path,
        "某县2024年营商环境优化提升行动方案\n一、重点任务\n1.推行“证照分离”改革。（责任单位：县行政审批局；完成时限：立行立改）\n"
        "2.建立企业诉求响应机制。（责任单位：县营商办；完成时限：即时办理）\n3.压缩企业开办时间。（责任单位：县市场监管局；完成时限：2024年一季度末）\n",
    )
    assert [(t.title, t.deadline_text, t.due_date) for t in doc.tasks] == [
        ("推行“证照分离”改革", "立行立改", ""),
        ("建立企业诉求响应机制", "即时办理", ""),
        ("压缩企业开办时间", "2024年一季度末", "2024-03-31"),
    ], doc.tasks


@pytest.mark.parametrize(
    ("title", "issuer"),
    [("兰考县人民政府征收土地预公告", "兰考县人民政府"), ("某市人民政府办公室公告", "某市人民政府办公室"), ("国家税务总局公告", "国家税务总局")],
)
def test_an_announcement_title_names_its_whole_issuer(title: str, issuer: str) -> None:
    """An announcement titled by its issuer and kind names the issuer in full: an office's 公告 is the office's,
    not its government's ("某市人民政府办公室公告")."""
    from pipeline.extract.metadata import title_head

    assert title_head(title) == issuer


def test_a_heading_led_by_a_unit_that_carries_it_out(tmp_path: Path) -> None:
    """A county's policy heads name their lead as "（由县发改局牵头实施）" (苍政发〔2023〕22号): the unit is 县发改局,
    not "由县发改局", and 实施 is what it does, not an assisting unit; the items under the head carry it."""
    doc = run(
        tmp_path,
        "关于推动经济高质量发展的若干政策\n一、扩大有效投资政策（由县发改局牵头实施）\n"
        "1.加大财政支持力度。县财政统筹安排资金，重点支持重大交通项目建设。\n"
        "二、支持科技创新政策（由县科技局牵头负责，县财政局配合）\n2.加大研发投入奖励。对研发费用增长20%以上的企业给予奖励。\n",
    )
    assert [(t.title, t.units, t.lead_unit) for t in doc.tasks] == [
        ("加大财政支持力度", "县发改局", "县发改局"),
        ("加大研发投入奖励", "县科技局；县财政局", "县科技局"),
    ], doc.tasks


def test_a_cell_per_line_table_whose_header_names_wrapped(tmp_path: Path) -> None:
    """A town's 重点工作计划 copied from its page one cell per line, where the header cells' names wrapped into
    pieces (责任 / 领导, 责任 / 科室, 第二季度 / 完成情况): the pieces joined name the columns, so the rows are
    tasks with their 责任科室 as units (the leader, a person, and the progress are columns no task field takes);
    the page's title ends with 执行情况, a report of a plan's progress."""
    text = (
        "泗洲头镇2024年度重点工作计划二季度执行情况\n\n序号\n\n重点工作\n\n责任\n\n领导\n\n责任\n\n科室\n\n攻坚目标\n\n任务\n\n"
        "工作任务安排\n\n第二季度\n\n完成情况\n\n1\n\n白仙山水库工程政策处理\n\n欧乾震\n\n白仙山水库工程政策处理工作领导小组\n\n"
        "完成项目政策处理工作，推进大坝建设。\n\n推进坟墓迁移工作。\n\n坟墓迁移进度达60%。\n\n2\n\n现代化美丽城镇\n\n吴宇凡\n\n"
        "乡村振兴办\n\n成功创建首批浙江省美丽城镇。\n\n按照时间节点开展项目建设。\n\n19个项目完成投资3000万元。\n"
    )
    out = run(tmp_path, text)
    assert out.document.title == "泗洲头镇2024年度重点工作计划二季度执行情况", out.document.title
    assert task_rows(out.tasks) == [
        ("白仙山水库工程政策处理", "白仙山水库工程政策处理工作领导小组", "白仙山水库工程政策处理工作领导小组", ""),
        ("现代化美丽城镇", "乡村振兴办", "乡村振兴办", ""),
    ], task_rows(out.tasks)


@pytest.mark.parametrize(
    ("text", "issuer", "signed", "title"),
    [
        # the history told as a sentence, as the city's 公告 printed it
        (
            "白城市文明行为促进条例\n（《白城市文明行为促进条例》已由白城市第六届人民代表大会常务委员会第二十三次会议于2019年12月26日通过，"
            "于2020年3月24日经吉林省第十三届人民代表大会常务委员会第二十次会议批准，2020年3月26日白城市第六届人民代表大会常务委员会公告"
            "第15号公布，自公布之日起施行）\n第一章总则\n第一条为了培育和践行社会主义核心价值观，根据有关法律法规，结合本市实际，制定本条例。\n",
            "白城市人民代表大会常务委员会", "2020-03-26", "白城市文明行为促进条例",
        ),
        # a doubled bracket, the second date broken over two lines
        (
            "张家界市文明行为促进条例\n（（2019年10月23日张家界市第七届人民代表大会\n常务委员会第二十三次会议通过2019年11月\n"
            "28日湖南省第十三届人民代表大会常务委员会第十\n四次会议批准））\n第一章总则\n第一条为提升社会文明程度，根据有关法律法规，制定本条例。\n",
            "张家界市人民代表大会常务委员会", "2019-11-28", "张家界市文明行为促进条例",
        ),
        # the attachment's number run into the title
        (
            "附件2福建省生态文明建设促进条例\n（2018年9月30日福建省第十三届人民代表大会\n常务委员会第六次会议通过）\n第一章总则\n"
            "第一条为了促进生态文明建设，根据有关法律、行政法规，结合本省实际，制定本条例。\n",
            "福建省人民代表大会常务委员会", "2018-09-30", "福建省生态文明建设促进条例",
        ),
    ],
    ids=["told-as-a-sentence", "doubled-bracket", "attachment-number"],
)
def test_title_notes_of_regulations_as_word_files_print_them(tmp_path: Path, text: str, issuer: str, signed: str, title: str) -> None:
    """Real shapes of the 文明行为促进条例 Word files of many cities: the regulation's issuer, date and title."""
    d = run(tmp_path, text).document
    assert (d.issuer, d.signed_date, d.title) == (issuer, signed, title), d


START_DATES = """丙市公安局交通管理局关于货车限行的通告
为改善城市交通秩序，现就有关事项通告如下：
一、自2024年3月1日起，每日7时至21时，禁止货车在三环路以内道路通行。
二、2019年1月1日起实行的货车通行证制度继续执行。
三、2024年7月1日起至12月31日，试行夜间分时段通行。
四、本通告自2024年2月20日起施行。
丙市公安局交通管理局
2024年2月10日
"""


def test_a_day_things_begin_is_a_milestone_with_a_start(tmp_path: Path) -> None:
    """"自2024年3月1日起，…禁止…" fixes when a measure begins: a deadlines row with its start and no end. One begun
    before the notice (2019) is history; a start with its end stays a range, one with 施行 the notice's own term."""
    rows = [(d.text, d.kind, d.start, d.end) for d in run(tmp_path, START_DATES).deadlines]
    assert ("自2024年3月1日起", "from", "2024-03-01", "") in rows, rows
    assert not [r for r in rows if r[2].startswith("2019")], rows
    assert ("2024年7月1日起至12月31日", "range", "2024-07-01", "2024-12-31") in rows, rows
    assert [r[1] for r in rows if "施行" in r[0]] == ["validity"], rows


FRONT_MATTER = """---
标题: 丁市住房和城乡建设管理委员会关于开展竣工验收试点的通知
文号: 丁建管〔2026〕29号
发布单位: 丁市住房和城乡建设管理委员会
发布日期: 2026-07-01
层级: 市级
类型: 办法
状态: 有效
---

> 本文正文由脚本自官方公开页面提取，仅供检索查阅。

# 丁市住房和城乡建设管理委员会关于开展竣工验收试点的通知

各有关单位：

经研究，在本市房屋建筑工程中开展竣工验收试点。现就有关事宜通知如下。

一、2026年10月1日起，实施范围内的项目全面推行。

特此通知。

2026年7月1日
"""


def test_a_markdown_exports_yaml_front_matter_is_metadata_not_text(tmp_path: Path) -> None:
    """A crawler's markdown export opens with YAML front matter: its 文号 is the notice's (the body prints none),
    its 类型/状态 lines are no title, and the block is not in the text."""
    path = tmp_path / "notice.md"
    path.write_text(FRONT_MATTER, encoding="utf-8")
    out = process_path(path)
    d = out.document
    assert d.title == "丁市住房和城乡建设管理委员会关于开展竣工验收试点的通知", d.title
    assert (d.doc_number, d.doc_type, d.issuer, d.signed_date) == ("丁建管〔2026〕29号", "通知", "丁市住房和城乡建设管理委员会", "2026-07-01"), d
    assert "层级" not in out.text and "---" not in out.text and not out.text.startswith(">"), out.text[:80]


def test_dashes_over_ordinary_text_are_no_front_matter(tmp_path: Path) -> None:
    """A rule of dashes above a notice whose next lines are no YAML mapping of known fields stays text."""
    text = "---\n戊县人民政府关于做好秋粮收购工作的通知\n---\n各乡镇人民政府：\n请认真做好秋粮收购工作。\n戊县人民政府\n2024年9月1日\n"
    d = run(tmp_path, text).document
    assert (d.title, d.signed_date) == ("戊县人民政府关于做好秋粮收购工作的通知", "2024-09-01"), d


def test_an_order_printed_without_its_ling_keeps_its_date_above_the_title(tmp_path: Path) -> None:
    """A law site prints an order's head without 令 ("壬省壬市人民政府" / "第63号"), then the preamble and its date,
    then the rules' title: the date under the preamble is the 成文日期; the bare serial makes no 文号."""
    text = (
        "壬市体育市场管理规定\n壬省壬市人民政府\n第63号\n"
        "《壬市体育市场管理规定》业经1997年9月4日市人民政府第九次常务会议讨论通过，现予发布施行。市长：某某\n"
        "一九九七年九月十七日\n壬市体育市场管理规定\n第一章总则\n第一条为加强对体育市场的管理，制定本规定。\n"
    )
    d = run(tmp_path, text).document
    assert (d.issuer, d.signed_date, d.title, d.doc_number) == ("壬省壬市人民政府", "1997-09-17", "壬市体育市场管理规定", ""), d


def test_a_masthead_printed_without_its_place_takes_the_signed_name(tmp_path: Path) -> None:
    """A page prints the masthead "行政公署文件" without its league: the 署名 and the title name 兴安盟行政公署, the
    issuer; its place gives the region (兴安盟 is a league, a city-level place of 内蒙古自治区)."""
    text = (
        "行政公署文件\n兴安盟行政公署关于表彰奖励\n乌力格尔艺术保护传承发展突出贡献者的决定\n（兴署发〔2019〕1号）\n"
        "各旗县市人民政府，盟直有关部门：\n为表彰先进，经盟行署研究决定，授予某某“突出贡献胡尔奇”称号。\n兴安盟行政公署\n2019年1月8日\n"
    )
    d = run(tmp_path, text).document
    assert (d.issuer, d.region_province, d.region_city) == ("兴安盟行政公署", "内蒙古自治区", "兴安盟"), d
    assert d.title == "兴安盟行政公署关于表彰奖励乌力格尔艺术保护传承发展突出贡献者的决定", d.title


UNIT_FORMS = """甲市人民政府办公室关于印发甲市2024年优化营商环境工作方案的通知
甲政办发〔2024〕8号
各区人民政府，市政府各部门：
现将《甲市2024年优化营商环境工作方案》印发给你们，请认真贯彻执行。
甲市人民政府办公室
2024年3月1日
甲市2024年优化营商环境工作方案
一、重点任务
（一）加强城市管理执法。由市住建局负责，市城管局配合，2024年9月底前出台实施细则。
（二）加强宣传引导。【牵头单位】市委宣传部【责任单位】市文明办【完成时限】2024年12月底前
（三）加强监督检查。由市审计局负责审计监督。
"""


def test_units_named_by_you_ze_with_assistants_and_in_square_bracket_labels(tmp_path: Path) -> None:
    """"由A负责，B配合，…" names A to lead as "由A牵头" does; labels set in 【】 without a colon ("【牵头单位】A
    【责任单位】B") read as "牵头单位：A". A bare "由A负责审计监督" with nobody assisting is prose, no unit tag."""
    rows = task_rows(run(tmp_path, UNIT_FORMS).tasks)
    assert ("加强城市管理执法", "市住建局；市城管局", "市住建局", "2024-09-30") in rows, rows
    assert ("加强宣传引导", "市委宣传部；市文明办", "市委宣传部", "2024-12-31") in rows, rows
    assert not [r for r in rows if r[0] == "加强监督检查" and r[1]], rows


MAIN_AND_OTHER_UNITS = """乙县人民政府关于印发乙县2024年重点工作任务分解方案的通知
乙政发〔2024〕2号
各乡镇人民政府，县直各单位：
现将《乙县2024年重点工作任务分解方案》印发给你们，请认真抓好落实。
乙县人民政府
2024年2月20日
乙县2024年重点工作任务分解方案
1.抓好招商引资。全年引进亿元以上项目10个。
主要责任单位：县商务局；其他责任单位：县发改局、县工信局
附件
任务清单
序号\t工作任务\t主要责任单位\t其他责任单位\t完成时限
1\t完成园区扩区调规\t县发改局\t县自然资源局、县工信局\t2024年6月底前
"""


def test_main_and_other_responsible_units_are_lead_and_assisting(tmp_path: Path) -> None:
    """主要责任单位 names the lead and 其他责任单位 the rest (a county's 重点工作任务: "主要责任单位要…带头推进，
    其他责任单位要积极履行配合职责"), on a line and as a table's columns."""
    rows = task_rows(run(tmp_path, MAIN_AND_OTHER_UNITS).tasks)
    assert ("抓好招商引资", "县商务局；县发改局；县工信局", "县商务局", "") in rows, rows
    assert ("完成园区扩区调规", "县发改局；县自然资源局；县工信局", "县发改局", "2024-06-30") in rows, rows


def test_an_articles_caption_in_brackets_is_its_heading(tmp_path: Path) -> None:
    """上海's rules caption each article in brackets ("第一条（目的）", on its own line or before the sentence):
    the caption is the section's heading; a bracketed numeral after 第三条 is no caption."""
    text = (
        "子市建设工程设计方案规划公示规定\n第一条（目的）\n为了加强城乡规划管理，制定本规定。\n"
        "第二条（适用范围）本规定适用于本市范围内的建设工程。\n第三条 本规定所称公示包括下列内容：\n（一）项目名称；\n"
    )
    secs = [(s.label, s.heading) for s in run(tmp_path, text).sections]
    assert secs[:2] == [("第一条", "目的"), ("第二条", "适用范围")], secs
    assert secs[2] == ("第三条", "本规定所称公示包括下列内容"), secs


def test_a_task_column_named_in_a_way_of_its_own(tmp_path: Path) -> None:
    """An attachment table "序号 / 检查内容 / 责任单位 / 完成时限": no known task column, but units and a time limit
    beside it, so the first column of no known role before the units holds the tasks; a contact list (units,
    a person, a phone, no time limit) gives none."""
    text = (
        "巳市农业农村局关于开展农机购置补贴资金检查的通知\n巳农发〔2024〕21号\n各区县农业农村局：\n"
        "决定开展专项检查，请按附件要求完成。\n巳市农业农村局\n2024年5月20日\n附件1\n检查表\n"
        "序号\t检查内容\t责任单位\t完成时限\n1\t补贴资金拨付情况\t各区县农业农村局\t2024年6月30日前\n"
        "附件2\n联系表\n序号\t责任单位\t联系人\t联系电话\n1\t市农机推广站\t张某\t12345678\n"
    )
    rows = task_rows(run(tmp_path, text).tasks)
    assert rows == [("补贴资金拨付情况", "各区县农业农村局", "各区县农业农村局", "2024-06-30")], rows


def test_a_rectification_list_is_titled_by_its_problems(tmp_path: Path) -> None:
    """A 整改清单 "序号 / 存在问题 / 整改措施 / 责任单位 / 整改时限": each task is the problem found, its measure the
    detail; the unit marked （牵头） leads."""
    text = (
        "午县人民政府办公室关于印发午县审计发现问题整改方案的通知\n午政办〔2024〕9号\n各乡镇人民政府，县直有关单位：\n"
        "现将整改方案印发给你们，请认真抓好整改落实。\n午县人民政府办公室\n2024年4月2日\n附件\n审计发现问题整改清单\n"
        "序号\t存在问题\t整改措施\t责任单位\t整改时限\n1\t部分项目资金拨付滞后\t加快资金拨付进度\t县财政局（牵头）、县发改局\t2024年6月底前\n"
    )
    t = run(tmp_path, text).tasks
    assert [(x.title, x.detail, x.units, x.lead_unit, x.due_date) for x in t] == [
        ("部分项目资金拨付滞后", "加快资金拨付进度", "县财政局；县发改局", "县财政局", "2024-06-30")
    ], t


def test_copy_number_secrecy_and_urgency_over_the_issuer_mark(tmp_path: Path) -> None:
    # GB/T 9704 §7.2.1-§7.2.3: 份号, 密级和保密期限 and 紧急程度 at the top left, over the 发文机关标志; a PDF's
    # text may run two of them together on one line. Each is read with its place in the text.
    text = (
        "000123\n机密★1年 特急\n某某省人民政府办公厅文件\n某政办发〔2020〕5号\n"
        "某某省人民政府办公厅关于做好汛期安全工作的通知\n各市人民政府，省政府各部门：\n现就做好汛期安全工作通知如下。\n"
        "某某省人民政府办公厅\n2020年6月1日\n"
    )
    ex = run(tmp_path, text)
    d = ex.document
    assert (d.copy_number, d.secrecy, d.urgency) == ("000123", "机密★1年", "特急"), (d.copy_number, d.secrecy, d.urgency)
    assert d.issuer == "某某省人民政府办公厅" and d.doc_number == "某政办发〔2020〕5号", (d.issuer, d.doc_number)
    spans = json.loads(d.evidence)
    assert ex.text[spans["urgency"][0] : spans["urgency"][1]] == "特急", spans


def test_urgency_words_in_the_body_are_no_marks(tmp_path: Path) -> None:
    # a mark is a line of its own over the issuer; "特急" in a sentence or a line under the title is body text
    text = (
        "某县人民政府办公室关于特急物资调运的通知\n某政办〔2021〕9号\n各乡镇人民政府：\n特急\n"
        "请于6月5日前将特急物资调运到位，秘密事项按规定办理。\n某县人民政府办公室\n2021年6月1日\n"
    )
    d = run(tmp_path, text).document
    assert (d.copy_number, d.secrecy, d.urgency) == ("", "", ""), (d.copy_number, d.secrecy, d.urgency)


def test_an_upward_documents_signer_beside_its_number(tmp_path: Path) -> None:
    # GB/T 9704 §7.2.4: a 请示 prints 签发人 right of its 文号; joint signers side by side, which the text's
    # normalisation runs together (a space between Chinese names is taken out), are kept as printed
    text = (
        "丙县人民政府文件\n丙政〔2024〕3号　　　　签发人：阿不都·热合曼\n丙县人民政府关于申请提前下达水利建设资金的请示\n"
        "市人民政府：\n为加快水利设施建设，现请示如下。\n妥否，请批示。\n丙县人民政府\n2024年3月1日\n"
    )
    ex = run(tmp_path, text)
    d = ex.document
    assert (d.signer, d.doc_number, d.doc_type) == ("阿不都·热合曼", "丙政〔2024〕3号", "请示"), (d.signer, d.doc_number, d.doc_type)
    start, end, _ = json.loads(d.evidence)["signer"]
    assert ex.text[start:end] == "阿不都·热合曼", ex.text[start:end]
    joint = run(tmp_path, text.replace("阿不都·热合曼", "王某　李某")).document
    assert joint.signer == "王某李某", joint.signer


def test_a_month_committed_to_without_a_word_of_limit(tmp_path: Path) -> None:
    # "力争9月底全部完工", "今年11月底基本完成…": no 前, 到 or 于, yet each sets the task's date, in the year of the
    # notice; a count up to a month ("截至5月底，已完成…") sets none
    text = (
        "某市人民政府办公室关于加快老旧小区改造的通知\n某政办发〔2023〕12号\n各区人民政府，市政府各部门：\n"
        "截至5月底，全市已完成改造120个小区。\n"
        "一、加快项目建设。各区要倒排工期，力争9月底全部完工。（市住房城乡建设局牵头，各区人民政府负责）\n"
        "二、做好验收移交。今年11月底基本完成竣工验收。（市住房城乡建设局、市财政局按职责分工负责）\n"
        "某市人民政府办公室\n2023年6月1日\n"
    )
    ex = run(tmp_path, text)
    assert [(t.title, t.due_date) for t in ex.tasks] == [("加快项目建设", "2023-09-30"), ("做好验收移交", "2023-11-30")], task_rows(ex.tasks)
    assert [d.text for d in ex.deadlines] == ["9月底", "今年11月底"], [(d.text, d.end) for d in ex.deadlines]


def test_a_title_run_into_its_addressee(tmp_path: Path) -> None:
    # a copy that lost a line break (a book's or a repost's text) runs the title's last line into the 主送机关:
    # "…有关问题的请示省人民政府:"; the title ends at its "的" + type, the rest is the addressee
    text = (
        "某市人民政府关于承办2020年春季\n\n全国糖酒商品交易会有关问题的请示省人民政府:\n\n"
        "商务部决定，春季全国糖酒商品交易会于5月下旬在我市举行。现将有关问题请示如下：\n\n一、成立会务领导小组。\n\n"
        "妥否，请批示。\n\n某市人民政府\n\n2019年3月1日\n"
    )
    d = run(tmp_path, text).document
    assert d.title == "某市人民政府关于承办2020年春季全国糖酒商品交易会有关问题的请示", d.title
    assert (d.recipients, d.doc_type, d.issuer) == ("省人民政府", "请示", "某市人民政府"), (d.recipients, d.doc_type, d.issuer)


def test_a_joint_masthead_printed_on_one_line(tmp_path: Path) -> None:
    # a joint masthead whose spaces a text copy lost ("税务总局办公厅发展改革委办公厅文件"): two issuers, each
    # office with its ministry (a ministry's 办公厅 is not the start of the next name)
    text = (
        "{mark}文件\n某办某规〔2019〕8号\n关于加强纳税信用建设的通知\n各省、自治区、直辖市社会信用体系建设牵头部门：\n"
        "为推进纳税信用建设，现就有关事项通知如下。\n一、总体要求\n按照要求做好工作。\n"
    )
    for mark, issuers in (
        ("税务总局办公厅发展改革委办公厅", "税务总局办公厅；发展改革委办公厅"),
        ("教育部办公厅财政部办公厅", "教育部办公厅；财政部办公厅"),
        ("某省人民政府办公厅", "某省人民政府办公厅"),
    ):
        ex = run(tmp_path, text.format(mark=mark))
        assert ex.document.issuer == issuers, (mark, ex.document.issuer)
        start, end, _ = json.loads(ex.document.evidence)["issuer"]
        assert ex.text[start:end] == mark, ex.text[start:end]


def test_an_announcements_bracketed_number_under_its_head(tmp_path: Path) -> None:
    # a bureau prints its 公告's number in brackets under the head ("某省市场监督管理局公告" / "（2023年第15号）"):
    # the number with its year and serial; a title followed by its bracketed number names no agency
    text = (
        "某省市场监督管理局公告\n（2023年第15号）\n\n关于发布《某省小型餐饮服务提供者登记管理办法》的公告\n\n"
        "为规范登记管理，我局制定了《某省小型餐饮服务提供者登记管理办法》，现予发布，自2023年10月1日起施行。\n\n"
        "特此公告。\n\n某省市场监督管理局\n2023年8月25日\n"
    )
    d = run(tmp_path, text).document
    assert (d.doc_number, d.doc_number_year, d.doc_number_serial) == ("某省市场监督管理局公告2023年第15号", 2023, 15), d.doc_number
    assert (d.issuer, d.doc_type, d.signed_date) == ("某省市场监督管理局", "公告", "2023-08-25"), (d.issuer, d.doc_type)
    titled = run(tmp_path, "国家某局关于调整某项标准的公告（2018年第31号）\n\n现将有关事项公告如下。\n\n国家某局\n2018年6月1日\n").document
    assert "的公告2018" not in titled.doc_number and not titled.doc_number.startswith("调整"), titled.doc_number


def test_a_leaders_label_before_the_units_is_no_task_text(tmp_path: Path) -> None:
    # a county's task list names the leader in charge before the units ("牵头领导：张某某副县长；责任单位：…"), on
    # the item's line or on a line of its own: a person, neither the task's text nor a unit
    text = (
        "某县人民政府办公室关于印发某县2024年重点任务清单的通知\n某政办〔2024〕9号\n各乡镇人民政府，县直各单位：\n"
        "现将《某县2024年重点任务清单》印发给你们，请认真抓好落实。\n某县人民政府办公室\n2024年3月1日\n"
        "一、重点任务\n"
        "1.深化“证照分离”改革。牵头领导：张某某副县长；责任单位：县市场监管局；完成时间：2024年6月30日前。\n"
        "2.开展“标准地”出让。\n分管领导：李某某\n牵头单位：县自然资源局\n配合单位：县发改局\n"
    )
    ex = run(tmp_path, text)
    assert [(t.title, t.detail, t.units, t.due_date) for t in ex.tasks] == [
        ("深化“证照分离”改革", "", "县市场监管局", "2024-06-30"),
        ("开展“标准地”出让", "", "县自然资源局；县发改局", ""),
    ], [(t.title, t.detail, t.units, t.due_date) for t in ex.tasks]


def test_units_printed_side_by_side_with_spaces(tmp_path: Path) -> None:
    # "责任单位：市住建局 市财政局 各区人民政府": the spaces between the units go in normalisation (they go between
    # the characters of a letter-spaced title too); each unit is still one, and a unit with its own detachment
    # (市公安局交警支队) is not cut
    text = plan_notice(
        "一、民生实事项目\n（一）改造老旧小区50个。责任单位：市住建局 市财政局 各区人民政府\n"
        "（二）新增城市停车位5000个。（责任单位：市城管局　市公安局交警支队；完成时限：2024年10月底前）\n"
    )
    rows = task_rows(run(tmp_path, text).tasks)
    assert rows == [
        ("改造老旧小区50个", "市住建局；市财政局；各区人民政府", "市住建局", ""),
        ("新增城市停车位5000个", "市城管局；市公安局交警支队", "市城管局", "2024-10-31"),
    ], rows


def test_a_pages_own_subject_class_is_the_topic(tmp_path: Path) -> None:
    # a 信息公开 page classifies its notice in its metadata table (主题分类：工业、交通, gov.cn's
    # "城乡建设、环境保护\城市规划"): the publisher's class is the topic; a site's own taxonomy (政务公开) is none of
    # the 22, and the keyword rules decide
    page = (
        "<html><body><table><tr><th>主题分类</th><td>{cls}</td><th>文号</th><td>某政办函〔2024〕18号</td></tr></table>"
        "<h1>某市人民政府办公厅关于印发某市加快推进低空经济发展行动计划的通知</h1>"
        "<p>各区人民政府，市政府各部门：</p><p>《某市加快推进低空经济发展行动计划》已经市政府同意，现印发给你们。</p>"
        "<p>某市人民政府办公厅</p><p>2024年5月6日</p><p>一、加强教育培训。开展学校教育和教师培训。</p></body></html>"
    )
    for cls, topic, evidence in (
        ("工业、交通", "工业、交通", "页面主题分类：工业、交通"),
        ("城乡建设、环境保护\\城市规划", "城乡建设、环境保护", "页面主题分类：城乡建设、环境保护"),
        ("政务公开", "科技、教育", "正文：教育×2、学校×1、教师×1"),
    ):
        path = tmp_path / "page.html"
        path.write_text(page.format(cls=cls), encoding="utf-8")
        d = process_path(path).document
        assert (d.topic, d.topic_evidence) == (topic, evidence), (cls, d.topic, d.topic_evidence)
    text = "主题分类：工业、交通\n发文字号：某政办函〔2024〕18号\n某市人民政府办公厅关于印发某市行动计划的通知\n各区人民政府：\n现印发给你们。\n"
    ex = run(tmp_path, text)
    start, end, _ = json.loads(ex.document.evidence)["topic"]
    assert (ex.document.topic, ex.text[start:end]) == ("工业、交通", "工业、交通"), (ex.document.topic, ex.document.evidence)


def test_a_sentence_opening_with_ordinals_is_no_heading(tmp_path: Path) -> None:
    # "一、二级医院要…" lists ordinals (first- and second-class hospitals), it is no 一、 heading: read as one, it
    # would end 二、 and put the items after it under a heading that is not there
    text = (
        "某市人民政府办公室关于印发某市医疗服务能力提升方案的通知\n某政办发〔2024〕7号\n各区人民政府，市政府各部门：\n"
        "现将《某市医疗服务能力提升方案》印发给你们，请认真贯彻执行。\n某市人民政府办公室\n2024年4月1日\n"
        "一、总体要求\n到2025年，全市医疗服务能力明显提升。\n二、重点任务\n（一）提升医院能力。\n"
        "一、二级医院要加强急诊科建设，三级医院要建设胸痛中心。\n（二）提升基层能力。\n三、保障措施\n加强组织领导。\n"
    )
    ex = run(tmp_path, text)
    assert [(s.section_id, s.label) for s in ex.sections] == [
        ("s1", "一"), ("s2", "二"), ("s2.1", "（一）"), ("s2.2", "（二）"), ("s3", "三")
    ], [(s.section_id, s.label, s.heading) for s in ex.sections]


def test_fourth_level_items_printed_without_their_opening_bracket(tmp_path: Path) -> None:
    # a county prints its fourth level "1）" or "1)" or as one character (⑴): items under 1., labelled as
    # GB/T 9704 §7.3.3 writes them, （1）
    text = (
        "某县人民政府关于加强安全生产工作的通知\n某政发〔2024〕3号\n各乡镇人民政府：\n为加强安全生产工作，现通知如下：\n"
        "一、压实责任\n（一）落实主体责任。\n1.建立责任清单。\n1)明确岗位职责。\n2）签订责任书。\n2.开展检查。\n⑴开展自查。\n⑵开展抽查。\n"
        "二、强化保障\n某县人民政府\n2024年1月5日\n"
    )
    ex = run(tmp_path, text)
    assert [(s.section_id, s.label, s.heading) for s in ex.sections] == [
        ("s1", "一", "压实责任"), ("s1.1", "（一）", "落实主体责任"), ("s1.1.1", "1.", "建立责任清单"),
        ("s1.1.1.1", "（1）", "明确岗位职责"), ("s1.1.1.2", "（2）", "签订责任书"), ("s1.1.2", "2.", "开展检查"),
        ("s1.1.2.1", "（1）", "开展自查"), ("s1.1.2.2", "（2）", "开展抽查"), ("s2", "二", "强化保障"),
    ], [(s.section_id, s.label, s.heading) for s in ex.sections]


def test_a_task_table_headed_by_other_common_names(tmp_path: Path) -> None:
    # 主要工作 / 主办单位 / 协办单位 / 实施时间: the same columns as 工作任务 / 牵头单位 / 配合单位 / 完成时限
    ex = table_notice(
        tmp_path, "other_headers",
        "<tr><td>序号</td><td>主要工作</td><td>主办单位</td><td>协办单位</td><td>实施时间</td></tr>"
        "<tr><td>1</td><td>建设智慧停车平台</td><td>市城管局</td><td>市公安局、市大数据局</td><td>2024年10月底前</td></tr>",
    )
    assert task_rows(ex.tasks) == [("建设智慧停车平台", "市城管局；市公安局；市大数据局", "市城管局", "2024-10-31")], task_rows(ex.tasks)


def plan_notice(body: str) -> str:
    """A municipal office's notice issuing a work plan (written here), with `body` after its 成文日期."""
    return (
        "某市人民政府办公室关于印发某市2024年重点工作方案的通知\n某政办发〔2024〕9号\n各区人民政府，市政府各部门：\n"
        "现将《某市2024年重点工作方案》印发给你们，请认真贯彻执行。\n某市人民政府办公室\n2024年2月1日\n" + body
    )


def test_a_text_tables_header_of_two_rows(tmp_path: Path) -> None:
    # a text export writes a header of two rows with the spanning cell once (责任单位 over 牵头单位 | 配合单位, its
    # other slot blank): one header, so the sub-header row is no task and the 配合单位 column is read
    text = plan_notice(
        "附件\n某市2024年重点工作分工表\n序号\t工作任务\t责任单位\t\t完成时限\n\t\t牵头单位\t配合单位\t\n"
        "1\t建设智慧停车平台\t市城管局\t市公安局、市大数据局\t2024年6月\n2\t改造老旧小区\t市住建局\t各区人民政府\t6月30日前\n"
    )
    rows = task_rows(run(tmp_path, text).tasks)
    assert rows == [
        ("建设智慧停车平台", "市城管局；市公安局；市大数据局", "市城管局", "2024-06-30"),
        ("改造老旧小区", "市住建局；各区人民政府", "市住建局", "2024-06-30"),
    ], rows


def test_a_report_given_at_a_meeting_under_its_date_line(tmp_path: Path) -> None:
    # a report to the NPC standing committee, as gov.cn prints it: the title, its date line ("——2022年10月28日在…
    # 会议上"), who gave it, then the addressee; the date is its 成文日期, the addressee its 主送机关
    text = (
        "国务院关于数字经济发展情况的报告\n——2022年10月28日在第十三届全国人民代表大会常务委员会第三十七次会议上\n"
        "国家发展和改革委员会主任 何立峰\n\n全国人民代表大会常务委员会：\n\n"
        "按照全国人大常委会监督工作计划安排，受国务院委托，现就数字经济发展情况报告如下，请审议。\n一、数字经济发展取得显著成效\n"
    )
    d = run(tmp_path, text).document
    assert (d.title, d.recipients, d.signed_date, d.doc_type) == ("国务院关于数字经济发展情况的报告", "全国人民代表大会常务委员会", "2022-10-28", "报告"), (
        d.title, d.recipients, d.signed_date,
    )


def test_units_that_carry_out_an_item_by_their_duties(tmp_path: Path) -> None:
    # "（市人社局，各区人民政府按职责分工落实）": carrying out by their duties (落实, 实施 after 按职责分工/分别) names
    # the item's units as "…按职责分工负责" does; the first group leads
    text = plan_notice(
        "一、重点任务\n（一）做好就业服务。全年新增就业1万人。（市人社局，各区人民政府按职责分工落实）\n"
        "（二）扩大有效投资。全年完成投资500亿元。（市发改委、市财政局分别实施）\n"
    )
    rows = task_rows(run(tmp_path, text).tasks)
    assert rows == [("做好就业服务", "市人社局；各区人民政府", "市人社局", ""), ("扩大有效投资", "市发改委；市财政局", "市发改委", "")], rows


def test_a_short_name_in_a_bracket_of_its_own_after_the_number(tmp_path: Path) -> None:
    # "《…意见》（国发〔2021〕24号）（以下简称创新试点意见）": the alias stands in a second bracket, after the number's
    text = (
        "某市人民政府关于优化营商环境的实施意见\n某政发〔2024〕2号\n各区人民政府，市政府各部门：\n"
        "为落实《国务院关于开展营商环境创新试点工作的意见》（国发〔2021〕24号）（以下简称创新试点意见），现提出如下意见。\n"
        "某市人民政府\n2024年1月5日\n"
    )
    refs = [(r.cited_title, r.cited_doc_number, r.alias) for r in run(tmp_path, text).references]
    assert refs == [("国务院关于开展营商环境创新试点工作的意见", "国发〔2021〕24号", "创新试点意见")], refs


def test_a_replys_addressee_run_into_its_first_sentence(tmp_path: Path) -> None:
    # a web copy of a 批复 that lost its line breaks: "某某市人民政府：你市《关于…的请示》收悉。" — the addressee before
    # the colon, the body opening with the request it answers (你市…, 来函收悉)
    for opener in ("你市《关于申请设立某某开发区的请示》（某政〔2023〕12号）收悉。", "来函收悉。经研究，现批复如下："):
        text = (
            "某省人民政府关于同意设立某某开发区的批复\n某政函〔2023〕56号\n"
            f"某某市人民政府：{opener}\n一、同意设立某某开发区。\n某省人民政府\n2023年8月1日\n"
        )
        d = run(tmp_path, text).document
        assert (d.recipients, d.doc_type) == ("某某市人民政府", "批复"), (opener, d.recipients)


def test_a_townships_notice_named_without_its_county(tmp_path: Path) -> None:
    # a township names itself without its county (泉上镇人民政府) and abbreviates itself in its 机关代字 (泉政): the
    # level is a township's, and 泉 is no abbreviation of 泉州市 here
    text = (
        "泉上镇人民政府关于做好2024年春耕生产工作的通知\n泉政〔2024〕5号\n各村（居）委会，镇直各单位：\n"
        "为做好春耕生产工作，现将有关事项通知如下。\n泉上镇人民政府\n2024年3月1日\n"
    )
    d = run(tmp_path, text).document
    assert (d.admin_level, d.region_province, d.region_city) == ("township", "", ""), (d.admin_level, d.region_province, d.region_city)


def test_addressees_moved_to_the_record(tmp_path: Path) -> None:
    # GB/T 9704 §7.3.2: addressees too many for the first page move to the 版记, printed like the 抄送 ("主送：…")
    text = (
        "某市财政局关于做好2024年预算执行工作的通知\n某财预〔2024〕12号\n为做好预算执行工作，现将有关事项通知如下。\n一、加快支出进度。\n"
        "某市财政局\n2024年3月1日\n主送：各区财政局，市直各预算单位。\n抄送：市审计局。\n某市财政局办公室　　　2024年3月2日印发\n"
    )
    ex = run(tmp_path, text)
    d = ex.document
    assert (d.recipients, d.cc, d.issued_date) == ("各区财政局；市直各预算单位", "市审计局", "2024-03-02"), (d.recipients, d.cc)
    start, end, _ = json.loads(d.evidence)["recipients"]
    assert ex.text[start:end].startswith("各区财政局"), ex.text[start:end]


def test_a_copy_list_set_apart_with_spaces(tmp_path: Path) -> None:
    # a 版记 whose 抄送 items are set apart with spaces, not commas, and ends with no full stop: each item is one
    # (the spaces are the list's separators), and the 印发 line under it is no part of the list
    text = (
        "某市人民政府关于加强城市管理的意见\n某政发〔2024〕3号\n各区人民政府，市政府各部门：\n为加强城市管理，提出如下意见。\n"
        "某市人民政府\n2024年3月1日\n抄送：市委办公室　市人大常委会办公室　市政协办公室　市中级人民法院\n"
        "某市人民政府办公室　　　2024年3月2日印发\n"
    )
    d = run(tmp_path, text).document
    assert (d.cc, d.printer, d.issued_date) == ("市委办公室；市人大常委会办公室；市政协办公室；市中级人民法院", "某市人民政府办公室", "2024-03-02"), (
        d.cc, d.printer, d.issued_date,
    )


def test_addressees_set_apart_with_spaces(tmp_path: Path) -> None:
    # a 主送机关 line whose addressees are set apart with spaces, not commas: each stays one; a name a gap broke
    # ("某某县人民政府 办公室：") stays whole
    text = "某市人民政府关于加强城市管理的意见\n某政发〔2024〕3号\n{rec}\n为加强城市管理，提出如下意见。\n某市人民政府\n2024年3月1日\n"
    for rec, expected in (("各区人民政府　市政府各部门　各直属机构：", "各区人民政府；市政府各部门；各直属机构"), ("某某县人民政府 办公室：", "某某县人民政府办公室")):
        d = run(tmp_path, text.format(rec=rec)).document
        assert d.recipients == expected, (rec, d.recipients)


def test_tasks_keep_every_unit_the_notice_marks_as_leading(tmp_path: Path) -> None:
    # two units leading one item ("（A、B牵头，C配合）", a city's 放管服 要点) both lead: lead_units keeps them all, with
    # the assisting units in co_units; a plain list of 责任单位 marks no role, so both stay empty there
    text = plan_notice(
        "一、重点任务\n1.实施许可事项清单管理。2024年10月底前公布清单。（市政府办公室、市行政审批服务局牵头，各区人民政府配合）\n"
        "2.深化集中许可权改革。梳理划转目录。（责任单位：市行政审批服务局、市司法局）\n"
    )
    got = [(t.lead_unit, t.lead_units, t.co_units) for t in run(tmp_path, text).tasks]
    assert got == [
        ("市政府办公室", "市政府办公室；市行政审批服务局", "各区人民政府"),
        ("市行政审批服务局", "", ""),
    ], got


def test_a_table_after_the_note_that_the_first_unit_leads(tmp_path: Path) -> None:
    # "列第一位的责任单位为牵头单位" said in the notice before its table of tasks (a city's 责任分解 notice): in each
    # row the first unit leads and the others assist; with no such note a plain 责任单位 cell marks no role
    rows = "<tr><td>序号</td><td>工作任务</td><td>责任单位</td></tr><tr><td>1</td><td>建设智慧停车平台</td><td>市城管局、市公安局、市大数据局</td></tr>"
    plain = table_notice(tmp_path, "plain", rows)
    html = (
        "<html><body><p>子市人民政府办公室关于印发子市2024年重点工作责任分解的通知</p><p>各区人民政府，市政府各部门：</p>"
        "<p>现将《子市2024年重点工作责任分解》印发给你们。责任分解中，列第一位的责任单位为牵头单位。</p>"
        f"<p>子市人民政府办公室</p><p>2024年2月1日</p><table border='1'>{rows}</table></body></html>"
    )
    (tmp_path / "noted.html").write_text(html, encoding="utf-8")
    noted = process_path(tmp_path / "noted.html")
    got = [[(t.units, t.lead_unit, t.lead_units, t.co_units) for t in ex.tasks] for ex in (plain, noted)]
    assert got == [
        [("市城管局；市公安局；市大数据局", "市城管局", "", "")],
        [("市城管局；市公安局；市大数据局", "市城管局", "市城管局", "市公安局；市大数据局")],
    ], got


def test_a_page_with_no_signing_date_dates_its_limits_by_its_publication(tmp_path: Path) -> None:
    # a county's page prints the notice with no 成文日期, only the site's 发布时间 (a call for 实事 proposals): the
    # year "于11月20日前" leaves out is the publication's, marked inferred; a limit that writes its year keeps it
    text = (
        "当前位置：首页 > 政民互动 > 意见征集\n发布时间：2022-11-04 10:57 来源：某县人民政府\n"
        "各乡（镇）政府，县直各单位：\n县政府决定面向社会公开征集2023年为民办实事项目。现将有关事项通知如下：\n"
        "一、征集日期\n2022年11月3日至2022年11月20日止。\n"
        "二、征集途径\n各乡镇、县直有关单位按照职责分工认真谋划，于11月20日前报县政府督查室。\n"
    )
    ex = run(tmp_path, text)
    assert (ex.document.signed_date, ex.document.published_date) == ("", "2022-11-04"), ex.document
    got = [(d.text, d.start, d.end, d.inferred) for d in ex.deadlines]
    assert got == [("2022年11月3日至2022年11月20日", "2022-11-03", "2022-11-20", False), ("11月20日前", "", "2022-11-20", True)], got


def test_a_meetings_decision_naming_its_lead_alone(tmp_path: Path) -> None:
    # a 纪要's decision may name its lead with no assisting units ("会议要求，由县城管局牵头，6月底前完成整治"): the
    # lead is the task's, and the task's text is the decision's sentence, the limit after the clause included
    out = run(
        tmp_path,
        "己县人民政府常务会议纪要\n己县人民政府办公室\n2022年5月10日\n2022年5月9日，县长主持召开县政府第8次常务会议。纪要如下：\n"
        "一、关于城市管理工作\n会议要求，由县城管局牵头，6月底前完成背街小巷整治。\n"
        "二、关于学校建设\n会议明确，县教育局牵头，县财政局配合，9月底前完成校舍改造。\n"
        "三、关于项目谋划\n县发改局牵头的项目库建设进展顺利。\n",
    )
    got = [(t.section_id, t.detail, t.units, t.lead_units, t.due_date) for t in out.tasks]
    assert got == [
        ("s1", "会议要求，6月底前完成背街小巷整治", "县城管局", "县城管局", "2022-06-30"),
        ("s2", "会议明确，9月底前完成校舍改造", "县教育局；县财政局", "县教育局", "2022-09-30"),
        ("s3", "", "", "", ""),  # "县发改局牵头的项目库…" reports, it decides nothing: an item with no units
    ], got


def test_a_schedule_whose_lines_open_with_their_month(tmp_path: Path) -> None:
    # a 进度安排 whose steps each open with their month (奉贤区's 城市体检 plan, 2026): "2026年4月，印发…" is due by
    # the month's end; "5月，完成…" by the end of May of the document's year (inferred); a narrative's "2019年8月，
    # 国务院印发…" names who acted before its verb and is no step
    text = plan_notice(
        "一、背景\n2019年8月，国务院印发《关于推进城市体检的意见》。\n二、进度安排\n"
        "2024年4月，印发区级体检工作方案，完成工作部署。\n5月，完成各级城市体检，汇交体检报告初稿。\n"
    )
    got = [(d.text, d.end, d.inferred) for d in run(tmp_path, text).deadlines]
    assert got == [("2024年4月", "2024-04-30", False), ("5月", "2024-05-31", True)], got


def test_steps_whose_headings_give_their_month(tmp_path: Path) -> None:
    # a district's 工作步骤 whose step headings give their month in brackets ("（三）形成体检报告（2024年10月）。",
    # 崇明区's 城市体检 plan, 2021): each step runs through its month; a limit inside the step is read too
    text = plan_notice(
        "一、工作步骤\n（一）数据资料收集（2024年9月）。各相关部门按要求提供指标数据资料。\n"
        "（二）形成体检报告（2024年10月）。10月15日前，形成正式报告。\n"
    )
    got = [(d.text, d.kind, d.start, d.end) for d in run(tmp_path, text).deadlines]
    assert got == [
        ("2024年9月", "range", "2024-09-01", "2024-09-30"),
        ("2024年10月", "range", "2024-10-01", "2024-10-31"),
        ("10月15日前", "by", "", "2024-10-15"),
    ], got


def test_a_responsibility_cell_that_labels_its_lead_and_assisting_units(tmp_path: Path) -> None:
    # a task table whose 责任单位 cell labels the roles itself ("牵头：市城管局；配合：市公安局、市大数据局"): the
    # labels are no part of the units' names, and the roles are marked
    rows = (
        "<tr><td>序号</td><td>工作任务</td><td>责任单位</td><td>完成时限</td></tr>"
        "<tr><td>1</td><td>建设智慧停车平台</td><td>牵头：市城管局；配合：市公安局、市大数据局</td><td>2024年6月</td></tr>"
    )
    got = [(t.units, t.lead_unit, t.lead_units, t.co_units, t.due_date) for t in table_notice(tmp_path, "cell_labels", rows).tasks]
    assert got == [("市城管局；市公安局；市大数据局", "市城管局", "市城管局", "市公安局；市大数据局", "2024-06-30")], got


# a page's heading "文号《title》" copied with its inner 〈〉 garbled to "（…》《", then the title again (北京市
# 2016年政务公开工作要点, as a policy site reprinted it)
GARBLED_HEADING = """京政办发〔2016〕26号《北京市人民政府办公厅关于印发（北京市2016年政务公开工作要点》《的通知》
《北京市人民政府办公厅关于印发《北京市2016年政务公开工作要点》的通知》
京政办发〔2016〕26号
各区人民政府，市政府各委、办、局，各市属机构：
《北京市2016年政务公开工作要点》已经市政府同意，现印发给你们，请结合实际认真贯彻落实。
北京市人民政府办公厅
2016年5月28日
"""


def test_a_garbled_bracket_in_a_heading_does_not_swallow_the_title(tmp_path: Path) -> None:
    """The heading ends with its title's "…的通知》": the 《 its garbled bracket left open does not carry it on into
    the title line under it."""
    d = run(tmp_path, GARBLED_HEADING).document
    assert d.title == "北京市人民政府办公厅关于印发《北京市2016年政务公开工作要点》的通知", d.title
    assert (d.doc_number, d.recipients) == ("京政办发〔2016〕26号", "各区人民政府；市政府各委、办、局；各市属机构")


# a county's 督查通报 as its site prints it (寿县, 2022): the bulletin's name, its issue and the line naming its
# editor and the day (the 日 lost) over the title, which a blank line breaks in two
BULLETIN = """寿县政务督查

20期

寿县人民政府督查室           2022年8月19

关于印发2022年《政府工作报告》主要任务

上半年落实情况的通报

各乡镇人民政府,县政府各部门、各直属机构:

根据县政府工作安排,县政府督查室对2022年县《政府工作报告》上半年落实情况进行了专项督查。

请各乡镇、县直有关单位在剩下的半年时间里,要进一步细化工作措施,压实工作责任。

附件:2022年《政府工作报告》主要任务上半年落实情况
"""


@pytest.mark.parametrize("heading", ["", "关于印发2022年《政府工作报告》主要任务上半年落实情况的通报\n\n发布时间:2022-08-23 14:52信息来源:寿县人民政府\n\n"])
def test_a_bulletin_masthead_names_its_editor_and_day(tmp_path: Path, heading: str) -> None:
    """The masthead is no part of the title; its editor and day stand in for the 署名 and 成文日期 the bulletin does
    not close with, with the page's heading over it or without."""
    d = run(tmp_path, heading + BULLETIN).document
    assert d.title == "关于印发2022年《政府工作报告》主要任务上半年落实情况的通报", d.title
    assert (d.issuer, d.signed_date) == ("寿县人民政府督查室", "2022-08-19"), (d.issuer, d.signed_date)
    assert d.recipients == "各乡镇人民政府；县政府各部门；各直属机构", d.recipients


def test_a_hard_wrapped_line_ending_in_a_date_before_its_day_mark_goes_on(tmp_path: Path) -> None:
    """"…燃油乘用车或2018年4月30" / "日（含当日）前注册…": a line of running text broken inside a date is no bulletin's
    editor line (an organisation and the day) standing on its own."""
    text = (
        "丙市商务局关于落实汽车报废更新补贴标准的通知\n各区商务主管部门：\n"
        "一、在《汽车以旧换新补贴实施细则》基础上，个人消费者报\n"
        "废国三及以下排放标准燃油乘用车或2018年4月30\n"
        "日（含当日）前注册登记的新能源乘用车，并购买纳入目录的\n"
        "新能源乘用车的，补贴标准提高至购买新能源乘用车补贴2万元\n"
        "，购买2.0升及以下排量燃油乘用车补贴1.5万元。各区要按照\n"
        "本通知要求做好补贴资金审核和拨付工作，确保资金及时到位。\n"
        "丙市商务局\n2024年9月1日\n"
    )
    x = run(tmp_path, text)
    assert "个人消费者报废国三及以下排放标准燃油乘用车或2018年4月30日（含当日）前注册登记" in x.text, x.text


# a traditional-character page's metadata block, one field to a line, labels without colons (内蒙古 2012, as a
# mirror site serves it)
TRADITIONAL_FIELDS = """索 引 號
主題分類 教育
發布機構 自治區人民政府辦公廳
文  號 內政辦發〔2012〕40號
成文日期 2012-03-22

內蒙古自治區人民政府辦公廳關于
印發自治區實施《國家農村義務教育學生
營養改善計劃》試點方案的通知

各盟行政公署、市人民政府,各有關旗縣人民政府,自治區各有關委、辦、廳、局:

經自治區人民政府同意,現將《內蒙古自治區實施〈國家農村義務教育學生營養改善計劃〉試點方案》印發給你們,請認真組織實施。
"""


def test_field_labels_of_a_traditional_page_are_read_as_labels(tmp_path: Path) -> None:
    """"發布機構 自治區人民政府辦公廳" and "文  號 內政辦發〔2012〕40號" are fields once simplified, as their simplified
    forms are: the labels are no part of the issuer or the 文号."""
    d = run(tmp_path, TRADITIONAL_FIELDS).document
    assert d.doc_number == "内政办发〔2012〕40号", d.doc_number
    assert d.issuer == "内蒙古自治区人民政府办公厅", d.issuer
    assert d.signed_date == "2012-03-22", d.signed_date


def test_a_short_label_alone_before_a_doc_number_is_a_field(tmp_path: Path) -> None:
    d = run(tmp_path, TRADITIONAL_FIELDS.replace("文  號 內政辦發", "文  号 内政办发").replace("發布機構 自治區人民政府辦公廳\n", "")).document
    assert d.doc_number == "内政办发〔2012〕40号", d.doc_number


# a city site's page: its field block, its heading (文号 glued to the title), then the notice's own red head again —
# 发文机关标志, the separator printed as dashes, the 文号, the title broken over two lines — and the 主送机关
RED_HEAD_AGAIN = """文 号: 某府办函〔2020〕78号 发布机构: 市政府办公厅
成文时间: 2020-09-15 发布时间: 2020-09-15 14:50

某府办函〔2020〕78号市人民政府办公厅关于印发某市气象灾害应急预案的通知

发布时间: 2020-09-15 14:50   浏览次数:0次

某市人民政府办公厅

——————————

某府办函〔2020〕78号

市人民政府办公厅关于印发

某市气象灾害应急预案的通知

各区、县人民政府,市政府有关工作部门:

《某市气象灾害应急预案》已经市政府研究同意,现印发给你们,请抓好贯彻执行。

2020年9月15日
"""


@pytest.mark.parametrize("separator", ["——————————", "────────────"])
def test_a_red_head_printed_again_under_the_pages_heading(tmp_path: Path, separator: str) -> None:
    # the separator under the 发文机关标志 printed as dashes or as box-drawing strokes is the head's furniture
    d = run(tmp_path, RED_HEAD_AGAIN.replace("——————————", separator)).document
    assert d.recipients == "各区、县人民政府；市政府有关工作部门", d.recipients
    assert d.title == "市人民政府办公厅关于印发某市气象灾害应急预案的通知", d.title
    assert d.issuer == "某市人民政府办公厅", d.issuer


# a city bureau's guide page (written here): the page's <title> names it, its text opens with numbered items
# whose first line under a heading ends with a colon; no 主送机关 stands below the body's first heading
GUIDE_PAGE = (
    "<html><head><title>某市高校毕业生创业补贴，请查收</title></head><body><div class='article'>"
    "<p>1、一次性创业资助</p><p>补贴条件：</p>"
    "<p>（1）初创企业的法定代表人或个体户经营者符合以下条件之一，可申请一次性创业资助。</p>"
    "<p>（2）初创企业登记注册满6个月，且在申请补贴时仍正常经营，按规定缴纳社会保险费。</p>"
    "<p>2、创业带动就业补贴</p><p>补贴标准：</p><p>每招用1人并按规定缴纳社会保险费的，给予2000元补贴。</p>"
    "</div></body></html>"
)


def test_a_colon_line_under_the_bodys_first_heading_is_no_recipient(tmp_path: Path) -> None:
    path = tmp_path / "guide.html"
    path.write_text(GUIDE_PAGE, encoding="utf-8")
    ex = process_path(path)
    assert ex.document.recipients == "", ex.document.recipients
    assert [s.heading for s in ex.sections][:1] == ["一次性创业资助"], [s.heading for s in ex.sections]


# a crawler's record of a city commission's 问答实录 page (written here after the records of
# zgch1238/Huace_policy-document-analyzer): the page's heading, the fields the crawler wrote, then the answers
QA_RECORD = """问答实录：《关于加快推动某项技术创新的若干措施》有关情况
发布日期：2025-05-23
发布机构：某市科学技术委员会
原文链接：http://example.gov.cn/zwgk/20250523/a.html
检索时间：2026-02-03 13:11:03
记者：什么是“概念验证”？在科技成果转化中发挥了什么作用？
某某：概念验证是科技成果转化的关键环节，链接基础研究和应用研究。
"""


def test_a_record_of_a_qa_page_is_titled_by_its_heading(tmp_path: Path) -> None:
    ex = run(tmp_path, QA_RECORD)
    assert ex.document.title == "问答实录：《关于加快推动某项技术创新的若干措施》有关情况", ex.document.title
    assert [r.cited_title for r in ex.references] == ["关于加快推动某项技术创新的若干措施"], ex.references
    # a breadcrumb over the fields is no title
    crumbs = run(tmp_path, QA_RECORD.replace("问答实录：《关于加快推动某项技术创新的若干措施》有关情况", "首页 > 政务公开 > 问答实录"), name="crumbs")
    assert crumbs.document.title == "", crumbs.document.title


def test_a_heading_that_issues_a_document_cites_nothing(tmp_path: Path) -> None:
    # the record of a notice whose heading leaves its 的通知 off: what it issues is no citation
    text = QA_RECORD.replace("问答实录：《关于加快推动某项技术创新的若干措施》有关情况", "某市人民政府办公厅印发《关于加快推动某项技术创新的若干措施》")
    ex = run(tmp_path, text)
    assert ex.references == [], ex.references


def test_a_date_inside_a_row_broken_over_lines_is_no_signing_date(tmp_path: Path) -> None:
    # a paper's table of local regulations printed as lines (a PDF's text): one row broke inside 革命, its date
    # cell between the halves; no 署名 stands over it, so it is no 成文日期
    text = (
        "我国红色文化遗产保护立法的进展\n近年来，各地相继出台红色资源保护的地方性法规，详见下表。\n"
        "省级地方性法规发布时间\n湖南省扶持革命老区发展条例2008年11月28日\n河北省人民代表大会常务委员会关于加强革\n"
        "2021年5月28日\n命文物保护利用的决定\n四川省红色资源保护传承条例2021年6月25日\n"
    )
    assert run(tmp_path, text).document.signed_date == ""
    # a notice's date under its last sentence, before its 附件, is its 成文日期
    closing = "关于做好春季防火工作的通知\n各乡镇人民政府：\n请各乡镇认真做好春季防火工作，特此通知\n2024年3月1日\n附件：春季防火工作责任表\n"
    assert run(tmp_path, closing, name="closing").document.signed_date == "2024-03-01"


# a 旗 government site's page as copied (written here after 乌拉特后旗's 政府信息公开 pages): the column menu's
# numbered items, the notice's title, its byline with the share buttons broken over two lines, the 主送机关
MENU_PAGE = (
    "政府信息公开\n\n" + "\n".join(f"{n}. {item}" for n, item in enumerate(["目录", "旗人民政府", "旗人民政府办公室"], 1)) + "\n"
    + "\n".join(f"{n}. {item}" for n, item in enumerate(["国民经济和社会发展规划", "专项规划", "区域规划"], 1)) + "\n"
    + "\n".join(f"{n}. {item}" for n, item in enumerate(["政策问答库", "政策解读"], 1)) + "\n\n"
    "某自治区农牧厅关于印发《某自治区农牧厅农业建设项目实施细则》的通知\n"
    "发布日期:2025-10-27 09:45 字体: 访问量:207 分享到: 微信\n微博 qq 空间\n"
    "各盟市农牧局,相关单位:\n  为进一步规范农业建设项目管理,现将《某自治区农牧厅农业建设项目实施细则》印发给你们,请遵照执行。\n"
    "  某自治区农牧厅\n  2025年7月24日\n"
)


# a county's 征收土地预公告 as a mirror prints it (五华县 2023, letter-spaced head, in traditional characters): the
# issuer, the kind, the batch in brackets on a line of its own, then the 文号
BATCH_ANNOUNCEMENT = (
    "某 華 縣 人 民 政 府\n征收土地預公告\n(2023年度第三批次)\n某府征〔2023〕8號\n"
    "根據《中華人民共和國土地管理法》第四十五條有關規定,為了公共利益的需要,需征收某華縣部分土地。現將有關事項公告如下:\n"
    "一、擬征收土地范圍\n某華縣河東鎮下村村部分土地。\n特此公告。\n某華縣人民政府\n2023年3月27日\n"
)
# an autonomous prefecture's page (伊犁州 2025, written here): its byline holds the date, the 来源 and the
# counter, run together once their spaces are gone; the 来源 names the government, so the place
BYLINE_PAGE = (
    "当前位置: 首页 > 新闻资讯\n\n关于印发《自治州2025年十件民生实事工作方案》的通知\n\n"
    "发布日期: 2025-06-19 22:33:38 来源:伊犁哈萨克自治州人民政府办公厅 浏览次数: 字体【\n\n"
    "自治州直属各县市人民政府,自治州人民政府各部门、直属机构:\n"
    "现将《自治州2025年十件民生实事工作方案》印发你们,请认真贯彻执行。\n"
)


# a county-level city's page (宜兴市 2023, written here): its field table labels with no colons (效力状况, 公开程序,
# 主题(一), 体裁, 分类词, 内容概况) and the notice headed 市政府 as the city calls itself; the site names the city
COUNTY_CITY_PAGE = (
    "市政府文件\n当前位置:首页 > 政策文件库 >  市政府文件\n\n市政府关于表彰某项工作先进单位的决定\n\n"
    "来源:宜兴市人民政府网站    日期:2023-11-21 09:02:08    浏览次数:\n"
    "索引号 014046317/2023-04570 生成日期 2023-11-21 公开日期 2023-11-21\n文件编号 宜政发〔2023〕158号 公开时限 长期公开\n"
    "发布机构 宜兴市人民政府网站 公开形式 网站\n效力状况 有效 公开程序 部门编制,经办公室审核后公开\n"
    "主题(一) 综合政务 主题(二) 文秘工作 体裁 决定\n关键词 决定,公开 分类词 文秘工作,综合\n文件下载 下载\n"
    "内容概况 市政府关于表彰某项工作先进单位的决定\n\n各镇人民政府,各街道办事处,市各委办局:\n"
    "  为弘扬社会正气,经基层推荐,市政府决定对10个先进单位予以表彰。\n"
)
# the same page as a PDF's text layer or a Word file gives it, a paragraph a line: its field table's cells run
# together with no spaces (a value may hold a comma; a line of one field follows the others: "文件下载下载",
# "内容概况…")
GLUED_FIELDS_PAGE = (
    "市政府文件\n当前位置:首页>政策文件库>市政府文件\n市政府关于表彰某项工作先进单位的决定\n"
    "来源:宜兴市人民政府网站  日期:2023-11-21 09:02:08  浏览次数:\n\n索引号014046317/2023-04570生成日期2023-11-21\n\n"
    "文件编号宜政发〔2023〕158号公开时限长期公开\n\n发布机构宜兴市人民政府网站公开形式网站\n\n效力状况有效公开程序部门编制，经办公室审核后公开\n\n"
    "主题（一）综合政务主题（二）文秘工作体裁决定\n\n文件下载下载\n\n内容概况市政府关于表彰某项工作先进单位的决定\n\n"
    "各镇人民政府，各街道办事处，市各委办局：\n为弘扬社会正气，经基层推荐，市政府决定对10个先进单位予以表彰。\n"
)
# an archive's copy of a 令 (潍坊 2003, written here): the archive's "Original URL:" line stands between the 令's
# head and its number
ORDER_WITH_URL = (
    "潍坊市人民政府令\n\nOriginal URL: http://lib.example.cn/bin/mse.exe?K=d70&A=12&rec=202\n\n第77号\n"
    "《潍坊市公共卫生应急办法》已经2003年9月29日市政府常务会议研究通过,现予发布施行。\n\n市长张某\n\n2003年10月15日\n"
    "潍坊市公共卫生应急办法\n\n第一章总则\n第一条为了有效预防公共卫生事件的危害,制定本办法。\n"
)

# a text copy of a whole autonomous region's page (内蒙古 2013, written here): the site's menu of bulleted names
# runs past the header's reach above the title; the page's 收藏 notice and a related-services link stand
# between the title and the 主送机关
MENU_RUN_PAGE = (
    "登录 注册\n" + "\n".join(f"  • {item}" for item in ["蒙古文版", "无障碍浏览", "长者模式", "微信公众号"]) + "\n    微信公众号\n"
    + "\n".join(f"  • {item}" for item in ["客户端", "手机版", "首页", "要闻动态", "政务公开", "政务服务", "政民互动", "政府数据"]) + "\n"
    "当前位置:首页 > 自治区人民政府办公厅 > 政务公开 > 自治区文件\n索 引 号 主题分类 综合政务\n"
    "发布机构 自治区人民政府 文  号 内政发〔2013〕62号\n成文日期 2013-07-02\n"
    "内蒙古自治区人民政府关于印发《内蒙古自治区人民政府工作规则》的通知\n发布日期:2013-07-02 12:41 信息来源:自治区人民政府办公厅\n\n"
    "取消收藏成功!\n\n相关办事指南\n\n各盟行政公署、市人民政府,自治区各委、办、厅、局: \n\n"
    "  《内蒙古自治区人民政府工作规则》已经自治区人民政府常务会议审议通过,现予印发。 \n\n2013年7月2日\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(MENU_RUN_PAGE, {
            "title": "内蒙古自治区人民政府关于印发《内蒙古自治区人民政府工作规则》的通知", "doc_number": "内政发〔2013〕62号",
            "recipients": "各盟行政公署；市人民政府；自治区各委、办、厅、局", "region_province": "内蒙古自治区",
        }, id="site-menu-above-the-title"),
        pytest.param(COUNTY_CITY_PAGE, {
            "doc_number": "宜政发〔2023〕158号", "recipients": "各镇人民政府；各街道办事处；市各委办局", "region_province": "江苏省",
            "region_city": "无锡市", "region_county": "宜兴市", "admin_level": "county",
        }, id="county-level-citys-field-table"),
        pytest.param(
            "成都市人民政府令\n第200号\n《成都市城市绿化管理办法》已经市政府常务会议审议通过，现予公布，自2024年3月1日起施行。\n"
            "市长 王文\n2024年1月15日\n成都市城市绿化管理办法\n第一条 为了加强城市绿化管理，制定本办法。\n",
            {"doc_number": "成都市人民政府令第200号", "signed_date": "2024-01-15", "title": "成都市城市绿化管理办法"},
            # (jieba reads the signer's name into the title below it, "王文成" / "都市": still a 署名 over its date)
            id="order-signers-name-runs-into-the-title-below",
        ),
        pytest.param(ORDER_WITH_URL, {
            "doc_number": "潍坊市人民政府令第77号", "issuer": "潍坊市人民政府", "title": "潍坊市公共卫生应急办法", "signed_date": "2003-10-15",
        }, id="archive-url-between-an-orders-head-and-number"),
        pytest.param(MENU_PAGE, {
            "title": "某自治区农牧厅关于印发《某自治区农牧厅农业建设项目实施细则》的通知", "recipients": "各盟市农牧局；相关单位",
            "signed_date": "2025-07-24",
        }, id="numbered-menu-is-no-title"),
        pytest.param(BATCH_ANNOUNCEMENT, {
            "title": "某华县人民政府征收土地预公告（2023年度第三批次）", "doc_type": "公告", "doc_number": "某府征〔2023〕8号",
        }, id="batch-note-over-the-number-is-the-titles"),
        pytest.param(BYLINE_PAGE, {
            "region_province": "新疆维吾尔自治区", "region_city": "伊犁哈萨克自治州", "published_date": "2025-06-19",
        }, id="byline-of-fields-run-together"),
    ],
)
def test_site_page_shapes(tmp_path: Path, text: str, expected: dict[str, str]) -> None:
    d = run(tmp_path, text).document
    got = {field: getattr(d, field) for field in expected}
    assert got == expected, got


# item shapes of a plan's task list, each with the task rows an analyst reads from it (title, units, lead, due)
ITEM_SHAPES = {
    # units named in an item's own words beside tagged items: "由A负责，B、C按职责分工负责" (the assisting units act
    # "按职责分工") and "A要会同有关部门，…" (the item's text opens with its unit); "各地要…" names no unit
    "units-in-own-words": (
        "某市优化营商环境若干措施\n一、提升政务服务效能\n"
        "1.推行“一件事一次办”。2024年6月底前实现20个高频事项集成办理。（市政务服务和数据管理局，2024年6月底前）\n"
        "2.优化水电气报装服务。由市发展改革委负责，市供电公司、市水务集团按职责分工负责，2024年底前完成。\n"
        "3.加强信用体系建设。市发展改革委要会同有关部门，于2024年10月底前建成信用信息平台。\n"
        "4.营造良好氛围。各地要加大宣传力度。\n",
        [
            ("推行“一件事一次办”", "市政务服务和数据管理局", "市政务服务和数据管理局", "2024-06-30"),
            ("优化水电气报装服务", "市发展改革委；市供电公司；市水务集团", "市发展改革委", "2024-12-31"),
            ("加强信用体系建设", "市发展改革委", "市发展改革委", "2024-10-31"),
            ("营造良好氛围", "", "", ""),
        ],
    ),
    # units alone in brackets followed by a bare period ("（市人力资源社会保障局；2024年全年）", "…，2024年12月）"), and
    # labels set in 【】 with the time limit's among them ("【完成时间】2024年11月": its words without the label)
    "bare-period-and-bracketed-time-label": (
        "某市2024年民生实事工作方案\n一、重点任务\n"
        "（一）开展职业技能培训3万人次。（市人力资源社会保障局；2024年全年）\n"
        "（二）新增托位2000个。（市卫生健康委，2024年12月）\n"
        "（三）改造老旧小区50个。【牵头单位】市住房城乡建设局【配合单位】各区政府【完成时间】2024年11月\n",
        [
            ("开展职业技能培训3万人次", "市人力资源社会保障局", "市人力资源社会保障局", ""),
            ("新增托位2000个", "市卫生健康委", "市卫生健康委", "2024-12-31"),
            ("改造老旧小区50个", "市住房城乡建设局；各区政府", "市住房城乡建设局", "2024-11-30"),
        ],
    ),
    # a page's table copied as text a cell per line, each cell closed by its bar; a leader's column (责任县领导) is
    # no unit's, and 全年 is the row's time limit (no date: the year is the plan's, not the row's)
    "table-a-cell-per-line-closed-by-bars": (
        "某县开发区2025年重点工作及责任清单\n序号 |\n重点工作 |\n责任县领导 |\n责任单位 |\n完成时限 |\n1 |\n"
        "优化“重点项目直通车”工作机制，全力服务重大项目落地见效。 |\n叶林 |\n招商工作部、安商工作部 |\n全年 |\n2 |\n"
        "加快推进开发区污水处理厂及污水管网提升项目。 |\n张云峰 |\n规划建设局 |\n2025年6月底前 |\n",
        [
            ("优化“重点项目直通车”工作机制，全力服务重大项目落地见效", "招商工作部；安商工作部", "招商工作部", ""),
            ("加快推进开发区污水处理厂及污水管网提升项目", "规划建设局", "规划建设局", "2025-06-30"),
        ],
    ),
    # a plan whose labels a document site ran together: a leader's label and name, then the units' label with
    # nothing between ("牵头领导：阮斌副局长责任部门：建工科、安全站、质监站"); the leader is no unit and no task text
    "units-label-glued-to-a-leaders-name": (
        "区建设局创建全国文明城市工作实施方案\n一、实施专项整治工作\n（一）建筑施工场地专项整治\n"
        "建筑施工场地：要求施工企业创建文明施工场地，做到施工场地围档、净车出场。牵头领导：阮斌副局长责任部门：建工科、安全站、质监站\n"
        "（二）小街巷专项整治\n小街巷：对路面坑洼、路灯照明等开展专项整治工作。牵头领导：王元灿副局长责任部门：城建科、市政管理处\n",
        [
            ("建筑施工场地专项整治", "建工科；安全站；质监站", "建工科", ""),
            ("小街巷专项整治", "城建科；市政管理处", "城建科", ""),
        ],
    ),
    # the same table going on from a page before: its header printed again over rows 80, 81, … (a leader's column
    # 分管县领导 with its names spaced, a lead column 牵头责任单位 and the units' 责任单位)
    "table-a-cell-per-line-going-on-from-row-80": (
        "附件\n2024年《政府工作报告》重点工作目标任务分解表\n序号 |\n目标与任务 |\n分 管 县领导 |\n牵头责任单位 |\n责任单位 |\n80 |\n"
        "加大普惠性托育供给，新增托位数400个以上，公办园在园幼儿占比60%以上。 |\n俞 悦 |\n县教育局 |\n县各有关单位 |\n81 |\n"
        "保障职业学院秋季开学，探索职业教育赋能区域发展路径。 |\n陆 明俞 悦 |\n县教育局 |\n县各有关单位 |\n",
        [
            ("加大普惠性托育供给，新增托位数400个以上，公办园在园幼儿占比60%以上", "县教育局；县各有关单位", "县教育局", ""),
            ("保障职业学院秋季开学，探索职业教育赋能区域发展路径", "县教育局；县各有关单位", "县教育局", ""),
        ],
    ),
    # a plan printed without its date: a limit whose year nothing tells is the task's words only, its date empty;
    # a processing time ("14个工作日内完成审批") is no limit of the task
    "undated-limit-words-only": (
        "某区稳增长促发展若干政策措施\n一、提高投资项目审批效率\n"
        "1. 精简项目审批手续。加快推进网上审批，5月底前实现我区中介超市上线运行。（区政务服务局牵头，区发改局、区住建局配合）\n"
        "2. 提高环评审批效率。环评报告书14个工作日内完成审批。（区环保局牵头，区水务局配合）\n",
        [
            ("精简项目审批手续", "区政务服务局；区发改局；区住建局", "区政务服务局", ""),
            ("提高环评审批效率", "区环保局；区水务局", "区环保局", ""),
        ],
    ),
}


@pytest.mark.parametrize("shape", ITEM_SHAPES)
def test_task_rows_of_item_shapes(tmp_path: Path, shape: str) -> None:
    text, expected = ITEM_SHAPES[shape]
    ex = run(tmp_path, text)
    assert task_rows(ex.tasks) == expected, task_rows(ex.tasks)
    if shape == "bare-period-and-bracketed-time-label":
        assert ex.tasks[2].deadline_text == "2024年11月"
    if shape == "undated-limit-words-only":
        assert [t.deadline_text for t in ex.tasks] == ["5月底前", ""]
    if shape == "table-a-cell-per-line-closed-by-bars":
        assert [t.deadline_text for t in ex.tasks] == ["全年", "2025年6月底前"]
    if shape == "units-label-glued-to-a-leaders-name":
        assert not any("副局长" in t.title + t.detail for t in ex.tasks), [(t.title, t.detail) for t in ex.tasks]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "泰安市人民政府关于公布第五批市级非物质文化遗产代表性项目名录的通知\n各县、市、区人民政府，市政府各部门、各直属机构：\n"
            "市文化和旅游局组织评审的第五批市级非物质文化遗产代表性项目名录已经市政府同意，现予公布。\n"
            "泰安市人民政府\n2023年6月12日\n（泰政字〔2023〕31号）\n",
            {"title": "泰安市人民政府关于公布第五批市级非物质文化遗产代表性项目名录的通知", "doc_number": "泰政字〔2023〕31号",
             "recipients": "各县、市、区人民政府；市政府各部门；各直属机构", "signed_date": "2023-06-12"},
            id="number-under-the-date",
        ),
        pytest.param(
            "【洛阳市人民政府办公室关于做好2024年春季森林防火工作的通知】\n洛政办〔2024〕9号\n各县区人民政府，市直各有关单位：\n"
            "为切实做好今年春季森林防火工作，现就有关事项通知如下：\n洛阳市人民政府办公室\n2024年2月20日\n",
            {"title": "洛阳市人民政府办公室关于做好2024年春季森林防火工作的通知", "doc_type": "通知", "doc_number": "洛政办〔2024〕9号"},
            id="title-in-brackets",
        ),
    ],
)
def test_a_number_printed_under_the_date_and_a_bracketed_title(tmp_path: Path, text: str, expected: dict[str, str]) -> None:
    """Sites print a notice's 文号 under its 成文日期 ("（泰政字〔2023〕31号）", the last line): the document's own number,
    and no 版头 above the 主送机关 and body; a title set in 【】 on a line of its own is the title."""
    d = run(tmp_path, text).document
    got = {field: getattr(d, field) for field in expected}
    assert got == expected, got


# a 令 as a Word file, its promulgating sentence broken over two paragraphs (as a PDF's lines are): the sentence
# counts once on the way from the 令's number to the title of the rules it promulgates
ORDER_BROKEN_PREAMBLE = (
    "潍坊市人民政府令\n第77号\n《潍坊市突发公共卫生事件应急办法》已经2003年9月29日第七次市政\n府常务会议研究通过，现予发布施行。\n"
    "市长 张新起\n2003年10月15日\n潍坊市突发公共卫生事件应急办法\n第一章 总则\n第一条 为了有效预防公共卫生事件的危害，制定本办法。\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(GLUED_FIELDS_PAGE, {"doc_number": "宜政发〔2023〕158号", "recipients": "各镇人民政府；各街道办事处；市各委办局", "region_county": "宜兴市"}, id="glued-field-table"),
        pytest.param(ORDER_BROKEN_PREAMBLE, {"doc_number": "潍坊市人民政府令第77号", "title": "潍坊市突发公共卫生事件应急办法", "signed_date": "2003-10-15"}, id="order-preamble-in-two-paragraphs"),
    ],
)
def test_pages_as_word_files_a_paragraph_a_line(tmp_path: Path, text: str, expected: dict[str, str]) -> None:
    """Shapes whose lines stay apart as a PDF's or a Word file's paragraphs do (a text file would join them): a
    page's field table whose cells ran together (GLUED_FIELDS_PAGE: every field line is the page's, so the 主送机关
    under them is found), a 令's preamble broken over two paragraphs."""
    import docx

    word = docx.Document()
    for line in text.split("\n"):
        if line.strip():
            word.add_paragraph(line)
    path = tmp_path / "lines.docx"
    word.save(str(path))
    d = process_path(path).document
    got = {field: getattr(d, field) for field in expected}
    assert got == expected, got


# pages of other provinces' sites (Heilongjiang, Hainan, Xizang, Jilin, Liaoning), their shapes written here
BYLINE_UNDER_LABEL = (
    "中国政府网 English 市人大 市政协\n某齐市人民政府办公室关于印发《某齐市突发环境事件应急预案》的通知\n"
    "上载日期: 2019-11-21 来源: 市人民政府办公室\n\n某政办规〔2019〕13号\n\n各县(市)、区人民政府,市政府各委、办、局:\n"
    "  经市政府同意,现将《某齐市突发环境事件应急预案》印发给你们,请认真贯彻执行。\n某齐市人民政府办公室\n2019年11月20日\n"
)
BARE_DATE_BYLINE = (
    "关于印发《某口市人民政府工作规则》的通知\n2011-06-18 00:00:00 来源: 本站原创\n【字体:\n\n某府〔2011〕33号\n\n"
    "各区人民政府,市政府直属各单位:\n    《某口市人民政府工作规则》已于2011年3月24日经市政府第74次常务会议修订通过,现予印发。\n"
    "                                                 二○一一年四月八日\n"
)
EMPTY_FIELDS_BYLINE = (
    "• 索引号:dqxs/2025-00048\n• 名 称:某里地区行政公署关于印发《某里地区行政公署工作规则》的通知\n"
    "某里地区行政公署关于印发《某里地区行政公署工作规则》的通知\n文章来源: 发布日期:2025-08-15 浏览:\n\n某里地区行政公署\n\n"
    "关于印发《某里地区行政公署工作规则》的通知\n\n各县人民政府,行署各局、委、办、处:\n\n《某里地区行政公署工作规则》已经行署专员办公会议研究通过,现予印发。\n\n"
    "某里地区行政公署\n\n2025年4月23日\n"
)
# a 部门目录 page: the title, then a date over empty 作者/点击数 fields, the 索引号 block (a 文 号 label spaced)
DATED_EMPTY_FIELDS_BYLINE = (
    "部门目录\n\n首页  >  正文\n中共某洱市委办公室 某洱市人民政府办公室 关于印发《某洱市教育服务工作任务清单》的通知\n"
    "2024-03-18   作者: 点击数:  \n 索引号:  1004/20240318-00002  公开目录:  教育督导  发布日期:  2024-03-18\n"
    " 主题词:  教育  发布机构:  市教育体育局  文  号: \n\n各县、区党委和人民政府,市委和市级国家机关各部委办局,各人民团体:\n\n"
    "为深入贯彻党的二十大精神,结合我市实际,制定《某洱市教育服务工作任务清单》,请认真抓好贯彻落实。\n"
)
# a 信息公开 page's block with labels of its own (信息索引, 编辑人) and a widget row ("【浏览字号: 】  浏览次数   收藏")
OWN_LABELS_BLOCK = (
    "中共某阳市委教育工作领导小组关于进一步加强我市教育工作的意见\n信息来源 :党工委办\n发文机关 :某阳市教育局\n"
    "信息索引 :-01-2022-00102\n发文字号 :某教组〔2022〕4号\n编辑人 :冯兴荣\n发布日期 :2022-06-22\n【浏览字号: 】  浏览次数   收藏\n分享:\n\n"
    "各县(市、区)党委教育工作领导小组,市直各有关单位:\n\n  为加快推进教育现代化,提升我市教育水平,制定如下意见。\n\n  一、总体要求\n"
)
# a page's field list copied as Markdown bullets, its breadcrumb first ("- 首頁 > 政務公開 > …")
BULLETED_BREADCRUMB = (
    "- 首頁 > 政務公開 > 政府信息公開 > 市政府文件 > 應主動公開的其他政府信息\n- 索 引 號:QZ05101-3000-2025-00003\n"
    "- 發布機構:石獅市人民政府辦公室\n- 公文生成日期:2025-01-24\n"
    "- 標題:石獅市人民政府辦公室關于2025年市《政府工作報告》目標任務責任分解的通知\n- 備注/文號:獅政辦〔2025〕1號\n"
    "- 發布日期:2025-01-26\n各鎮人民政府、街道辦事處,市直各單位:\n現將2025年市《政府工作報告》目標任務責任分解給你們,請認真抓好落實。\n"
)
# a county site's field rows: an empty 主题词 before 发布机构 and a letter-spaced "文    号" on one line, a title headed
# by the autonomous county's place alone, the government named by its short name in the field
AUTONOMOUS_COUNTY_PAGE = (
    "您当前所在的位置: 网站首页 > 公开信息内容\n\n宁洱哈尼族彝族自治县关于加强困境儿童保障工作的实施意见\n"
    "索引号: P532722-/2018-1102001 公开目录: 政府文件 发布日期: 2018年11月02日\n"
    "主题词: 发布机构: 宁洱县人民政府 文    号: 宁政发〔2018〕83号\n \n\n \n\n各乡(镇)人民政府,县属各有关单位\n\n"
    "为认真贯彻落实《国务院关于加强困境儿童保障工作的意见》(国发〔201636号)精神,结合我县实际,现提出以下\n\n意见:\n\n"
    "一、总体要求\n\n(一)指导思想\n\n以习近平新时代中国特色社会主义思想为指导,为困境儿童健康成长营造良好环境。\n"
)
# an encyclopedia mirror's page: its lead about the rules, then its infobox ("基本介绍") with the 令's number
INFOBOX_BELOW_LEAD = (
    "黑龍江省重大行政決策程式暫行規定\n\n《黑龍江省重大行政決策程式暫行規定》旨在健全科學、民主、依法決策機制。\n\n"
    "2021年6月21日,黑龍江省人民政府令第4號公布《黑龍江省重大行政決策程式暫行規定》,自2021年8月1日起施行。\n\n基本介紹\n\n"
    "  • 中文名:黑龍江省重大行政決策程式暫行規定\n  • 公布機關:黑龍江省人民政府 \n  • 發文字號:黑龍江省人民政府令第4號 \n"
    "  • 實施時間:2021年8月1日 \n\n黑龍江省重大行政決策程式暫行規定\n(2021年6月21日黑龍江省人民政府令第4號公布 自2021年8月1日起施行)\n\n"
    "第一章 總 則\n  第一條 為了健全科學、民主、依法決策機制,制定本規定。\n"
)
# joint issuers over the title on one line, and their short names as the joint 署名 (a traditional-character copy)
JOINT_ISSUERS_TRADITIONAL = (
    "吉林省發展改革委 吉林省生態環境廳\n關於印發《吉林省進一步加強塑料污染治理重點工作臺賬》的通知\n吉發改環資聯﹝2020﹞633號\n"
    "各市(州)人民政府,長白山管委會:\n為進一步加強我省塑料污染治理,經省政府同意,現印發給你們,請認真貫徹執行。\n"
    "省發展改革委 省生態環境廳\n2020年8月6日\n"
)

# a news site's copy of a joint notice: its byline (来源, 时间, 热度), its lead ending "…印发。全文如下：", the notice
# signed by its issuers two a line, some named short (公安部, 能源局)
REPOST_OF_A_JOINT_NOTICE = (
    "首页 > 新闻\n\n某三角地区秋冬季大气污染综合治理攻坚行动方案\n\n来源: 网\n时间:2020-11-04 09:02:36\n热度:\n\n"
    "大气网讯:日前,大气网获悉,《某三角地区秋冬季大气污染综合治理攻坚行动方案》印发。全文如下:\n\n"
    "关于印发《某三角地区秋冬季大气污染综合治理攻坚行动方案》的通知\n\n南京、无锡市人民政府,中国石油天然气集团有限公司:\n\n"
    "现将《某三角地区秋冬季大气污染综合治理攻坚行动方案》印发给你们,请遵照执行。\n\n生态环境部 发展改革委\n\n工业和信息化部 公安部\n\n"
    "市场监管总局 能源局\n\n上海市人民政府 江苏省人民政府\n\n2020年10月30日\n\n(此件社会公开)\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(REPOST_OF_A_JOINT_NOTICE, {
            "title": "关于印发《某三角地区秋冬季大气污染综合治理攻坚行动方案》的通知", "recipients": "南京、无锡市人民政府；中国石油天然气集团有限公司",
            "issuer": "生态环境部；发展改革委；工业和信息化部；公安部；市场监管总局；能源局；上海市人民政府；江苏省人民政府",
        }, id="repost-of-a-joint-notice-signed-two-a-line"),
        pytest.param(
            "新华社北京2月21日电\n\n中共中央 国务院\n关于全面推进乡村振兴加快农业农村现代化的意见\n（2021年1月4日）\n\n"
            "党的十九届五中全会审议通过的建议，对新发展阶段优先发展农业农村作出总体部署。\n",
            {"title": "中共中央 国务院关于全面推进乡村振兴加快农业农村现代化的意见", "issuer": "中共中央；国务院"},
            id="party-and-state-over-the-title-stay-one-line",
        ),
        pytest.param(
            "某政发〔2025〕4号\n某岗市人民政府 某岗市中级人民法院印发\n关于完善“府院联动”机制的意见的通知\n"
            "各县(区)人民政府、法院,市政府各部门:\n《关于完善“府院联动”机制的意见》已经市政府常务会议审议通过,现印发给你们,请认真贯彻执行。\n"
            "某岗市人民政府 某岗市中级人民法院\n2025年4月30日\n",
            {"title": "某岗市人民政府 某岗市中级人民法院印发关于完善“府院联动”机制的意见的通知",
             "issuer": "某岗市人民政府；某岗市中级人民法院", "recipients": "各县（区）人民政府、法院；市政府各部门"},
            id="a-government-and-a-court-jointly-to-the-counties-governments-and-courts",
        ),
        pytest.param(
            "2023年中小学国防教育示范学校创建拟推荐名单公示\n各县市区教育局,有关直属学校:\n"
            "经县区推荐、专家评审等程序,拟推荐某阳市实验中学等四所学校为创建对象(名单附后)。现予以公示。\n公示时间:2023年8月14日-18日;\n"
            "附件:2023年某阳市中小学国防教育示范学校创建拟推荐单位名单 某阳市教育局某阳军分区政治工作处2023年8月14日\n",
            {"attachments": "2023年某阳市中小学国防教育示范学校创建拟推荐单位名单", "issuer": "某阳市教育局；某阳军分区政治工作处",
             "signed_date": "2023-08-14"},
            id="signers-and-date-run-on-at-the-attachments-end",
        ),
        pytest.param(
            "某西省人民政府政务公开办公室关于公布“十县百乡”建设入选名单的通知\n各市、县(区)人民政府办公室,省政府各部门办公室:"
            "经综合比选,有23个县(市、区)入选。入选的县(市、区)要于2022年2月25日前报省政府政务公开办公室备案。"
            "附件:某西省“十县百乡”建设入选名单2022年2月11日来源:某西省人民政府\n小伙伴们都在看\n",
            {"attachments": "某西省“十县百乡”建设入选名单", "signed_date": "2022-02-11",
             "recipients": "各市、县（区）人民政府办公室；省政府各部门办公室"},
            id="a-copy-runs-the-attachment-and-date-on-after-the-body",
        ),
        pytest.param(
            "某县人民政府办公室关于印发某县农村人居环境整治实施方案的通知\n某政办发〔2023〕8号\n各乡镇人民政府，县直各单位：\n"
            "现将《某县农村人居环境整治实施方案》印发给你们，请认真贯彻执行。本方案自印发之日起实施，至2025年12月31日止。\n"
            "某县人民政府办公室\n2023年6月1日\n",
            {"valid_from": "2023-06-01", "valid_until": "2025-12-31"},
            id="a-term-told-without-its-word-you-xiao-qi",
        ),
        pytest.param(
            "某省人民政府令\n第12号\n《某省安全生产条例实施办法》已经2023年5月20日省人民政府第8次常务会议通过，现予公布，自公布之日起30日后施行。\n"
            "省长 张三\n2023年6月1日\n某省安全生产条例实施办法\n第一条 为了加强安全生产工作，制定本办法。\n",
            {"doc_number": "某省人民政府令第12号", "signed_date": "2023-06-01", "valid_from": "2023-07-01"},
            id="rules-in-force-thirty-days-after-publication",
        ),
        pytest.param(
            "某省规章制定程序规定\n第一条 为了规范规章制定程序，制定本规定。\n"
            "第二十条 规章应当自公布之日起30日后施行；但是，公布后不立即施行将有碍规章施行的，可以自公布之日起施行。\n"
            "第三十条 本规定自2002年1月1日起施行。\n",
            {"valid_from": "2002-01-01", "validity_text": "自2002年1月1日起施行"},
            id="the-texts-own-in-force-clause-not-a-rule-it-lays-down",
        ),
        pytest.param(BYLINE_UNDER_LABEL, {
            "title": "某齐市人民政府办公室关于印发《某齐市突发环境事件应急预案》的通知", "doc_type": "通知", "doc_number": "某政办规〔2019〕13号",
        }, id="byline-under-a-label-below-the-title"),
        pytest.param(BARE_DATE_BYLINE, {
            "title": "关于印发《某口市人民政府工作规则》的通知", "doc_number": "某府〔2011〕33号", "signed_date": "2011-04-08",
        }, id="bare-date-byline-below-the-title"),
        pytest.param(EMPTY_FIELDS_BYLINE, {
            "recipients": "各县人民政府；行署各局、委、办、处", "signed_date": "2025-04-23",
        }, id="byline-of-empty-fields-is-no-addressee"),
        pytest.param(INFOBOX_BELOW_LEAD, {
            "doc_number": "黑龙江省人民政府令第4号", "issuer": "黑龙江省人民政府", "title": "黑龙江省重大行政决策程序暂行规定",
        }, id="infobox-below-an-encyclopedias-lead"),
        pytest.param(JOINT_ISSUERS_TRADITIONAL, {
            "title": "吉林省发展改革委 吉林省生态环境厅关于印发《吉林省进一步加强塑料污染治理重点工作台账》的通知",
            "issuer": "吉林省发展改革委；吉林省生态环境厅", "doc_number": "吉发改环资联〔2020〕633号",
        }, id="joint-issuers-on-one-line-over-the-title"),
        pytest.param(DATED_EMPTY_FIELDS_BYLINE, {
            "recipients": "各县、区党委和人民政府；市委和市级国家机关各部委办局；各人民团体",
        }, id="a-date-over-empty-fields-is-no-addressee"),
        pytest.param(OWN_LABELS_BLOCK, {
            "recipients": "各县（市、区）党委教育工作领导小组；市直各有关单位", "doc_number": "某教组〔2022〕4号",
        }, id="a-metadata-block-with-labels-of-its-own"),
        pytest.param(BULLETED_BREADCRUMB, {
            "title": "石狮市人民政府办公室关于2025年市《政府工作报告》目标任务责任分解的通知", "doc_number": "狮政办〔2025〕1号",
        }, id="a-bulleted-breadcrumb-is-no-title"),
        pytest.param(AUTONOMOUS_COUNTY_PAGE, {
            "doc_number": "宁政发〔2018〕83号", "issuer": "宁洱县人民政府", "region_province": "云南省", "region_county": "宁洱哈尼族彝族自治县",
            "title": "宁洱哈尼族彝族自治县关于加强困境儿童保障工作的实施意见", "recipients": "各乡（镇）人民政府；县属各有关单位",
        }, id="an-empty-subject-field-before-a-spaced-label-and-an-autonomous-countys-short-name"),
    ],
)
def test_page_shapes_of_more_provinces(tmp_path: Path, text: str, expected: dict[str, str]) -> None:
    """A byline under the title (a bare date and 来源, or under a label, or of empty fields) is the page's, so the
    line above it stays the title and the 主送机关 below is found; an encyclopedia's infobox is read below its lead;
    joint issuers keep the space between them in the title (GB/T 9704 §7.3.1) and are each the issuer."""
    d = run(tmp_path, text).document
    got = {field: getattr(d, field) for field in expected}
    assert got == expected, got


def test_an_orders_number_after_a_date_and_an_attachment_broken_inside_its_bracket(tmp_path: Path) -> None:
    """"2021年6月21日黑龙江省人民政府令第4号公布": the date's 日 is no part of the 令's issuer; an attachment's name
    broken inside its bracket ("（2020年6月修" / "订稿）") is one name."""
    ex = run(tmp_path, INFOBOX_BELOW_LEAD)
    assert all(not r.cited_doc_number.startswith("日") for r in ex.references), [r.cited_doc_number for r in ex.references]
    text = (
        "关于报送《某口市发展和改革委员会地震应急预案》的报告\n\n某发改办〔2020〕1085号\n\n某口市抗震救灾指挥部办公室:\n"
        "    根据贵办文件要求,现将我委新修订地震应急预案随文附后上报。\n    附件:《某口市发展和改革委员会地震应急预案》(2020年6月修\n"
        "    订稿)\n    某口市发展和改革委员会\n    2020年8月10日\n"
    )
    d = run(tmp_path, text).document
    assert d.attachments == "《某口市发展和改革委员会地震应急预案》（2020年6月修订稿）", d.attachments


def test_a_reposting_sites_disclaimer_is_no_limit(tmp_path: Path) -> None:
    """A site's disclaimer under the notice it copied ("[免责声明] …请在30日内与本网联系") is the site's: no time limit of
    the notice; the notice's own limit (8月4日前) is read."""
    text = (
        "经各市层层组织推荐，拟认定某镇等11个乡镇为全省乡村治理示范村镇，现予公示。\n如有异议，请于8月4日前以书面形式实名向省农业农村厅反映。\n"
        "某省农业农村厅\n2023年7月31日\n原文链接:http://nync.example.gov.cn/202307/t20230731_4387022.html\n"
        "[免责声明] 本文来源于网络转载,仅供学习交流使用,不构成商业目的。如涉及作品内容、版权和其它问题,请在30日内与本网联系。\n"
    )
    ex = run(tmp_path, text)
    assert [d.text for d in ex.deadlines] == ["8月4日前"], [d.text for d in ex.deadlines]


# gov.cn pages saved by a crawler that lost their line breaks: the title, its 文号, the 主送机关 and the first
# sentence run into one line, a 令's sentence into its signer and date (the spaces between them non-breaking)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "国务院办公厅关于加强环境监管执法的通知国办发〔2014〕56号各省、自治区、直辖市人民政府，国务院各部委、各直属机构："
            "　　近年来，各地区、各部门不断加大工作力度，环境监管执法工作取得一定成效。\n\n国务院办公厅\n\n2014年11月12日\n",
            {"title": "国务院办公厅关于加强环境监管执法的通知", "doc_number": "国办发〔2014〕56号",
             "recipients": "各省、自治区、直辖市人民政府；国务院各部委；各直属机构", "signed_date": "2014-11-12"},
            id="title-number-addressees-and-text-on-one-line",
        ),
        pytest.param(
            "国务院关于印发国家环境保护\n\n“十一五”规划的通知国发〔2007〕37号各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n\n"
            "国务院同意环保总局、发展改革委制定的《国家环境保护“十一五”规划》，现印发给你们，请认真贯彻执行。\n\n国务院\n\n二○○七年十一月二十二日\n",
            {"title": "国务院关于印发国家环境保护“十一五”规划的通知", "doc_number": "国发〔2007〕37号",
             "recipients": "各省、自治区、直辖市人民政府；国务院各部委；各直属机构"},
            id="a-broken-titles-last-line-then-number-and-addressees",
        ),
        pytest.param(
            "国务院办公厅关于优化学术环境的指导意见\n\n国办发〔2015〕94号各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n\n"
            "学术环境是科技创新的土壤。\n",
            {"doc_number": "国办发〔2015〕94号", "recipients": "各省、自治区、直辖市人民政府；国务院各部委；各直属机构"},
            id="number-run-into-the-addressees",
        ),
        pytest.param(
            "国务院办公厅关于同意建立铁路沿线安全环境治理部际联席会议制度的函国办函〔2021〕12号\n\n"
            "交通运输部：你部关于建立铁路沿线安全环境治理部际联席会议制度的请示收悉。经国务院同意，现函复如下：\n",
            {"title": "国务院办公厅关于同意建立铁路沿线安全环境治理部际联席会议制度的函", "doc_number": "国办函〔2021〕12号",
             "recipients": "交通运输部"},
            id="a-letters-type-word-before-its-agencys-han",
        ),
        pytest.param(
            "国务院办公厅关于印发生态环境领域中央与地方财政事权和支出责任划分改革方案的通知\n\n国办发〔2020〕13号\n\n"
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：《生态环境领域中央与地方财政事权和支出责任划分改革方案》已经党中央、"
            "国务院同意，现印发给你们，请结合实际认真贯彻落实。国务院办公厅2020年5月31日（此件公开发布）生态环境领域中央与地方财政事权和支出责任划分改革方案\n\n"
            "按照党中央、国务院有关决策部署，制定如下方案。\n",
            {"title": "国务院办公厅关于印发生态环境领域中央与地方财政事权和支出责任划分改革方案的通知",
             "recipients": "各省、自治区、直辖市人民政府；国务院各部委；各直属机构", "signed_date": "2020-05-31", "publicity": "此件公开发布"},
            id="addressees-run-into-the-text-that-issues-a-plan",
        ),
        pytest.param(
            "国务院办公厅关于进一步优化营商环境更好服务市场主体的实施意见国办发〔2020〕24号\n\n"
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：党中央、国务院高度重视深化“放管服”改革优化营商环境工作。"
            "近年来，我国营商环境明显改善，但仍存在一些短板和薄弱环节，特别是受新冠肺炎疫情等影响，企业生产经营困难增多，"
            "迫切需要进一步聚焦市场主体关切，对标国际先进水平，既立足当前又着眼长远，更多采取改革的办法破解企业生产经营中的堵点痛点，"
            "强化为市场主体服务，加快打造市场化法治化国际化营商环境。为持续深化“放管服”改革，经国务院同意，现提出以下意见。\n\n"
            "一、持续提升投资建设便利度\n\n（一）优化再造投资项目前期审批流程。从办成项目前期“一件事”出发，健全项目谋划、储备、推进机制。\n",
            {"doc_number": "国办发〔2020〕24号", "recipients": "各省、自治区、直辖市人民政府；国务院各部委；各直属机构"},
            id="addressees-run-into-a-sentence-opened-by-the-centre",
        ),
        pytest.param(
            "国务院办公厅转发交通运输部等单位关于加强铁路沿线安全环境治理工作意见的通知国办函〔2021〕49号\n\n"
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：交通运输部、中央政法委、公安部等单位《关于加强铁路沿线安全环境治理工作的意见》"
            "已经国务院同意，现转发给你们，请认真贯彻落实。铁路沿线安全环境直接关系铁路运输安全畅通。随着我国铁路特别是高速铁路运营里程不断增加，"
            "改善铁路沿线安全环境对保障铁路高质量发展和人民群众生命财产安全的作用更加突出。为加强铁路沿线安全环境治理工作，现提出如下意见。"
            "各地区、各有关部门要把加强铁路沿线安全环境治理作为重要任务，压实责任，确保取得实效。\n\n一、总体要求\n\n"
            "以习近平新时代中国特色社会主义思想为指导，坚持人民至上、生命至上。\n",
            {"doc_number": "国办函〔2021〕49号", "recipients": "各省、自治区、直辖市人民政府；国务院各部委；各直属机构"},
            id="addressees-run-into-the-text-that-forwards-a-document",
        ),
        pytest.param(
            "中华人民共和国国务院令第722号\n\n《优化营商环境条例》已经2019年10月8日国务院第66次常务会议通过，现予公布，自2020年1月1日起施行。"
            "总　理　　李克强 \xa0 \xa0 \xa0 \xa02019年10月22日\n\n优化营商环境条例\n\n第一章　总　　则\n\n"
            "第一条　为了持续优化营商环境，制定本条例。第二条　本条例所称营商环境，是指企业等市场主体在市场经济活动中所涉及的体制机制性因素和条件。\n",
            {"doc_number": "国务院令第722号", "title": "优化营商环境条例", "signed_date": "2019-10-22"},
            id="an-orders-sentence-run-into-its-signer-and-date",
        ),
        pytest.param(
            "中华人民共和国国务院令第　623　号　　《气象设施和气象探测环境保护条例》已经2012年8月22日国务院第214次常务会议通过，"
            "现予公布，自2012年12月1日起施行。\n\n总　理　温家宝\n\n2012年8月29日\n\n"
            "气象设施和气象探测环境保护条例　　第一条　为了保护气象设施和气象探测环境，制定本条例。\n",
            {"doc_number": "国务院令第623号", "title": "气象设施和气象探测环境保护条例", "signed_date": "2012-08-29"},
            id="an-orders-number-run-into-its-sentence-a-title-into-its-first-article",
        ),
        pytest.param(
            "中华人民共和国国务院令\n\n第　559　号 　　《规划环境影响评价条例》已经2009年8月12日国务院第76次常务会议通过，现予公布，"
            "自2009年10月1日起施行。\n\n总 理　 温家宝　　　　 二○○九年八月十七日\n\n"
            "规划环境影响评价条例第一章　总　　则\xa0\u3000\u3000第一条　为了加强对规划的环境影响评价工作，提高规划的科学性，"
            "从源头预防环境污染和生态破坏，促进经济、社会和环境的全面协调可持续发展，根据《中华人民共和国环境影响评价法》，制定本条例。"
            "\u3000\u3000第二条　国务院有关部门、设区的市级以上地方人民政府及其有关部门，对其组织编制的有关规划，应当进行环境影响评价。"
            "\u3000\u3000第三条　对规划进行环境影响评价，应当遵循客观、公开、公正的原则。\u3000\u3000第四条　国家建立规划环境影响评价信息共享制度。\n",
            {"doc_number": "国务院令第559号", "title": "规划环境影响评价条例", "signed_date": "2009-08-17"},
            id="an-orders-serial-alone-its-signer-and-date-on-one-line-a-title-glued-to-its-first-chapter",
        ),
    ],
)
def test_a_crawl_that_lost_its_line_breaks(tmp_path: Path, text: str, expected: dict[str, str]) -> None:
    """The 标题, 发文字号 and 主送机关 (GB/T 9704 §7.2.3, §7.3.1-2) are read apart where a crawl ran them into one line;
    a title holds no full stop, so a run-on line of sentences ending in 方案 is none."""
    d = run(tmp_path, text).document
    got = {field: getattr(d, field) for field in expected}
    assert got == expected, got


def test_articles_run_on_after_a_full_stop_are_each_a_section(tmp_path: Path) -> None:
    """"…制定本条例。第二条　本条例所称…": an article's label with a space after it opens its own section; a sentence
    citing an article ("依照本条例第二条规定的…") opens none."""
    text = (
        "中华人民共和国国务院令第722号\n\n《优化营商环境条例》已经国务院常务会议通过，现予公布，自2020年1月1日起施行。\n\n总理　李克强\n\n"
        "2019年10月22日\n\n优化营商环境条例\n\n第一章　总　　则\n\n第一条　为了持续优化营商环境，制定本条例。第二条　本条例所称营商环境，"
        "是指市场主体在市场经济活动中所涉及的体制机制性因素和条件。第三条　国家持续深化简政放权。依照本条例第二条规定的原则推进。\n"
    )
    labels = [s.label for s in run(tmp_path, text).sections]
    assert [x for x in labels if x.startswith("第") and x.endswith("条")] == ["第一条", "第二条", "第三条"], labels


@pytest.mark.parametrize(
    ("text", "title", "doc_type"),
    [
        ("某县开发区2025年重点工作及责任清单\n序号 |\n重点工作 |\n责任单位 |\n完成时限 |\n1 |\n全力服务重大项目落地见效。 |\n招商工作部 |\n全年 |\n",
         "某县开发区2025年重点工作及责任清单", "清单"),
        ("附件\n2024年《政府工作报告》重点工作目标任务分解表\n序号 |\n目标与任务 |\n牵头责任单位 |\n责任单位 |\n1 |\n新增托位数400个以上。 |\n"
         "县教育局 |\n县各有关单位 |\n", "2024年《政府工作报告》重点工作目标任务分解表", "分解表"),
    ],
    ids=["a-list-of-tasks", "a-breakdown-table"],
)
def test_a_task_list_printed_alone_is_titled_by_its_heading(tmp_path: Path, text: str, title: str, doc_type: str) -> None:
    """A plan's task list published or attached on its own (清单, 分解表, 台账: what a 印发 notice issues) is titled by
    its heading over the table."""
    d = run(tmp_path, text).document
    assert (d.title, d.doc_type) == (title, doc_type), (d.title, d.doc_type)


# a gov.cn plan whose paragraphs a crawl ran together with nothing between them (its <p> tags dropped)
GLUED_PLAN = (
    "国务院办公厅关于印发全国深化“放管服”改革优化营商环境电视电话会议重点任务分工方案的通知\n\n国办发〔2020〕43号\n\n"
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n\n《重点任务分工方案》已经国务院同意，现印发给你们，请认真贯彻落实。\n\n"
    "国务院办公厅\n\n2020年11月1日\n\n"
    "为确保会议确定的重点任务落到实处，现制定如下分工方案。一、把实施好宏观政策和深化“放管服”改革结合起来，提高宏观政策实施的时效性和精准性"
    "（一）研究将财政资金直达机制实施中的好做法制度化，落实减税降费政策。（财政部、国家发展改革委等国务院相关部门及各地区按职责分工负责）"
    "具体措施：1．及时总结财政资金直达基层的经验做法，进一步完善财政资金直达机制。（财政部牵头，国务院相关部门及各地区按职责分工负责）"
    "2．简化税费优惠政策适用程序，利用大数据等技术甄别符合条件的纳税人、缴费人。（财政部、税务总局牵头，各地区按职责分工负责）"
    "（二）让企业特别是中小微企业融资更加便利、更加优惠。（人民银行、银保监会牵头，国务院相关部门及各地区按职责分工负责）"
    "二、放要放出活力、放出创造力（三）系统梳理现有各层级审批和各种具有审批性质的管理措施并形成清单。（国务院办公厅牵头，各地区、各部门按职责分工负责）\n"
)


def test_paragraphs_a_crawl_ran_together_without_a_space(tmp_path: Path) -> None:
    """Headings and items glued to the sentence before them ("…方案。一、…精准性（一）研究将…", "…负责）2．简化…")
    are cut back into paragraphs where their labels go on a series, so the heading tree and the items' units are
    read; a label that opens no series and goes on none is left inside its sentence."""
    ex = run(tmp_path, GLUED_PLAN)
    labels = [s.label for s in ex.sections]
    assert labels == ["一", "（一）", "1．", "2．", "（二）", "二", "（三）"], labels
    by_title = {t.title[:10]: t for t in ex.tasks}
    assert by_title["简化税费优惠政策适用"].lead_units == "财政部；税务总局", [(t.title, t.lead_units) for t in ex.tasks]
    # labels that open no series and go on none stay inside their sentences: no cut, no section
    sentence = "各地要按照本方案要求抓好落实，及时报送进展情况，确保各项任务按期完成，形成可复制可推广的经验做法。"
    prose = "某市人民政府关于加强政务服务工作的通知\n\n各区人民政府：\n\n" + sentence * 3 + "3．" + sentence * 2 + "五、" + sentence * 2 + "\n"
    assert [s.label for s in run(tmp_path, prose, name="prose").sections] == [], "labels out of series were cut"


def test_a_letter_spaced_chapter_heading_in_a_run_on_line_stays_whole(tmp_path: Path) -> None:
    """"第一章　总　　则　　第一条　…" in a line a crawl ran together: the line is cut at its spaces (non-breaking
    ones too), but the heading's spaced characters are one heading, 第一章 总则, not lines "总" and "则"."""
    text = (
        "某市人民政府令\n\n第　5　号\n\n某市城市管理办法\n\n第一章　总　　则\xa0\u3000\u3000第一条　为了加强城市管理，制定本办法。"
        "\u3000\u3000第二条　本市行政区域内的城市管理活动，适用本办法。\u3000\u3000第三条　城市管理应当遵循以人为本、依法管理的原则。"
        "\u3000\u3000第四条　市城市管理部门负责本办法的组织实施。\u3000\u3000第五条　各区人民政府负责本辖区的城市管理工作。\n"
    )
    sections = [(s.label, s.heading) for s in run(tmp_path, text).sections]
    assert ("第一章", "总则") in sections and [lab for lab, _ in sections if lab.endswith("条")][:2] == ["第一条", "第二条"], sections


def test_a_contents_list_run_into_one_line_is_no_section(tmp_path: Path) -> None:
    """A plan's 目录 a crawl ran into one line ("第一章　…形势　第一节　…进展　第二节　…第二章　…") lists the parts;
    the chapters and sections are the headings printed after it, once each."""
    text = (
        "国务院关于印发某某生态环境保护规划的通知\n\n国发〔2016〕65号\n\n各省、自治区、直辖市人民政府：\n\n"
        "现将《某某生态环境保护规划》印发给你们，请认真贯彻实施。\n\n国务院\n\n2016年11月24日\n\n某某生态环境保护规划\n\n目　　录\n\n"
        "第一章　全国生态环境保护形势　第一节　生态环境保护取得积极进展　第二节　生态环境保护面临机遇与挑战第二章　指导思想与主要目标"
        "　第一节　指导思想　第二节　主要目标\n\n第一章　全国生态环境保护形势\n\n第一节　生态环境保护取得积极进展\n\n"
        "生态文明建设上升为国家战略。\n\n第二节　生态环境保护面临机遇与挑战\n\n生态环境保护面临重要的战略机遇。\n\n"
        "第二章　指导思想与主要目标\n\n第一节　指导思想\n\n全面贯彻党的十八大精神。\n\n第二节　主要目标\n\n到2020年，生态环境质量总体改善。\n"
    )
    labels = [s.label for s in run(tmp_path, text).sections]
    assert labels == ["第一章", "第一节", "第二节", "第二章", "第一节", "第二节"], labels


def test_a_blank_year_in_a_notice_is_no_year_and_no_date_is_made_up(tmp_path: Path) -> None:
    """A form-like notice leaves the year blank ("于____年3月底前"): the blank survives the cleaning of the text (two
    underscores are no Markdown emphasis here), so the limit keeps its words and gets no date from the notice's
    own 成文日期."""
    text = "关于报送自查报告的通知\n各单位：\n请各单位于____年3月底前报送自查报告。\n某市人民政府办公室\n2023年1月5日\n"
    ex = run(tmp_path, text)
    got = [(d.text, d.end) for d in ex.deadlines]
    assert got == [("3月底前", "")], got
    assert "____年3月底前" in ex.text


# a law database's header (中外合作经营企业法实施细则, as LawRefBook prints it): approval, publication, then revisions
_APPROVED_THEN_PUBLISHED = """# 中华人民共和国中外合作经营企业法实施细则

1995年8月7日 国务院批准

1995年9月4日 对外贸易经济合作部令第6号发布

2014年2月19日 《国务院关于废止和修改部分行政法规的决定》第一次修订

2017年3月1日 《国务院关于修改和废止部分行政法规的决定》第二次修订

## 第一章 总则

第一条 根据《中华人民共和国中外合作经营企业法》，制定本实施细则。

## 第十二章 附则

第五十六条 本实施细则自发布之日起施行。
"""


def test_in_force_from_publication_is_the_publication_before_any_revision(tmp_path: Path) -> None:
    """`自发布之日起施行` counts from the 题注's publication (发布 by an order, after an approval), not from the approval
    and not from a later revision: 1995-09-04."""
    d = run(tmp_path, _APPROVED_THEN_PUBLISHED, name="law_db_header", suffix=".md").document
    assert (d.valid_from, d.validity_text) == ("1995-09-04", "自发布之日起施行"), d


def test_an_attachment_printed_as_a_text_of_its_own_keeps_its_title_broken_under_its_label(tmp_path: Path) -> None:
    """附件2 of 生态环境部's draft quota plan as its PDF prints it: the label `附件2` over a title broken in two
    (`2021、2022年度全国碳排放` / `权交易配额总量设定与分配实施方案`); the label is no title line, the two lines are one title
    (only the second half was the title)."""
    text = (
        "附件2\n2021、2022年度全国碳排放\n权交易配额总量设定与分配实施方案\n（征求意见稿）\n"
        "为进一步发挥市场机制对控制温室气体排放、降低全社会减排成本的重要作用，切实做好全国碳排放权交易市场2021与2022年度配额分配工作，制定本方案。\n"
        "一、总体要求\n"
    )
    assert run(tmp_path, text).document.title == "2021、2022年度全国碳排放权交易配额总量设定与分配实施方案"


def test_a_copy_whose_sentences_follow_its_full_text_lead_keeps_the_page_heading_as_its_title(tmp_path: Path) -> None:
    """新华社's copy of a 中办国办 opinion as a site printed it: the heading, the dateline, `《…》全文如下。`, then the
    opinion's sentences with no title of their own: the heading stays the title (the lead is not the page's chrome)."""
    text = (
        "中共中央办公厅 国务院办公厅印发《关于实施革命文物保护利用工程（2018－2022年）的意见》\n"
        "新华社北京7月29日电 近日，中共中央办公厅、国务院办公厅印发了《关于实施革命文物保护利用工程（2018－2022年）的意见》，并发出通知，要求各地区各部门结合实际认真贯彻落实。\n"
        "《关于实施革命文物保护利用工程（2018－2022年）的意见》全文如下。\n"
        "为切实加强新时代革命文物工作，充分发挥革命文物在开展爱国主义教育、培育社会主义核心价值观中的重要作用，现提出如下意见。\n"
        "一、重要意义\n"
    )
    d = run(tmp_path, text).document
    assert d.title.startswith("中共中央办公厅") and d.title.endswith("的意见》"), d.title
    assert d.issuer == "中共中央办公厅；国务院办公厅", d.issuer


def test_assisting_units_sharing_the_work_keep_no_duty_word_in_their_names(tmp_path: Path) -> None:
    """After a lead, assisting units that share the work by their parts (`市财政局、市国资委按职能分别负责`,
    `市市场监管局等分工负责`) are named without those words (rules/words.yaml duty_adverb), as units alone are."""
    text = (
        "某市人民政府办公室关于印发某市设备更新实施方案的通知\n某政办发〔2024〕3号\n各县区人民政府，市直各部门：\n"
        "现将《某市设备更新实施方案》印发给你们，请认真贯彻执行。\n某市人民政府办公室\n2024年5月1日\n某市设备更新实施方案\n一、重点任务\n"
        "（一）推进工业设备更新。支持企业实施设备更新改造。（市工信局牵头，市财政局、市国资委按职能分别负责）\n"
        "（二）推进建筑设备更新。支持电梯更新改造。（市住建局牵头，市市场监管局等分工负责）\n"
    )
    tasks = {t.title: t.co_units for t in run(tmp_path, text).tasks}
    assert tasks == {"推进工业设备更新": "市财政局；市国资委", "推进建筑设备更新": "市市场监管局"}, tasks
