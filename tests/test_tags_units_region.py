"""Responsibility tags, unit lists and issuer regions in the shapes real notices write them (issue 12)."""

from __future__ import annotations

import pytest

from pipeline.extract.region import infer_region
from pipeline.extract.tasks import find_tags
from pipeline.extract.units import split_units, unit_type

TAGS = [
    ("加强农机安全监管。（农业农村部指导）", [(["农业农村部"], [])]),
    ("开展质量抽查。（市场监管总局、工业和信息化部等负责）", [(["市场监管总局", "工业和信息化部"], [])]),
    ("开展工作（人民银行、银保监会按职责分工负责）", [(["人民银行", "银保监会"], [])]),
    ("推进改革（国家发展改革委牵头，财政部、人民银行配合）", [(["国家发展改革委"], ["财政部", "人民银行"])]),
    ("（责任单位：市发展改革委、市财政局，列第一位者为牵头单位，下同）推进。（责任单位：市科委、市财政局）", [(["市发展改革委"], ["市财政局"]), (["市科委"], ["市财政局"])]),
    ("（人行负责）", [(["人行"], [])]),
    ("（技工院校内由人力资源社会保障行政部门负责）", []),
    ("（由市教育局负责）", [(["市教育局"], [])]),
    ("（责任单位：市政府有关委、办、局）", [(["市政府有关委、办、局"], [])]),
    ("（以上工作均由各地负责）", []),
    ("（具体办法另行制定）", []),
    # bracketed in 〔〕 with a note after the units (a provincial plan's form, seen in real notices)
    ("实行“非禁即入”。〔责任单位：省发展改革委、省市场监管局按职责分工负责。具体任务均涉及相关市（州）人民政府，不再做分工，下同。〕", [(["省发展改革委", "省市场监管局"], [])]),
    ("〔责任单位：省市场监管局〕", [(["省市场监管局"], [])]),
    # labelled lines under the item; the time-limit line belongs to the tag
    ("推进全程网办。\n牵头单位：市政务服务数据管理局\n配合单位：市直各部门\n完成时限：2024年12月底", [(["市政务服务数据管理局"], ["市直各部门"])]),
    ("压减开办时间。\n责任单位：市市场监管局、市公安局", [(["市市场监管局", "市公安局"], [])]),
    ("建立信用监管制度。\n责任单位：市发展改革委（牵头），市市场监管局、人行铁岭市中心支行", [(["市发展改革委"], ["市市场监管局", "人行铁岭市中心支行"])]),
    ("推进改革。牵头单位：市发展改革委；配合单位：市财政局。", [(["市发展改革委"], ["市财政局"])]),
    # a 责任单位 line after a 牵头单位 line names the units that carry the task out with the lead, as inside brackets
    ("提升效能。\n牵头单位：区发改局\n责任单位：立山经济开发区，各街道、区直各部门", [(["区发改局"], ["立山经济开发区", "各街道", "区直各部门"])]),
    # mixed labels, assisting clauses, a time clause, nested brackets in a unit's name
    ("推进改革。（牵头单位：市发展改革委；责任单位：市财政局、市商务局）", [(["市发展改革委"], ["市财政局", "市商务局"])]),
    # a time clause closing the tag or the sentence of units
    ("开展村庄清洁行动。（各乡镇人民政府负责，长期坚持）", [(["各乡镇人民政府"], [])]),
    # the time limit closing the list after a comma is no unit
    ("加大消费补贴力度。（牵头单位：市商务局；责任单位：市财政局、市总工会，2023年6月底前完成）", [(["市商务局"], ["市财政局", "市总工会"])]),
    ("建立收运体系。县城管局牵头，县财政局、各乡镇人民政府配合，2022年10月底前完成。", [(["县城管局"], ["县财政局", "各乡镇人民政府"])]),
    ("提升城市品质。（县住建局牵头，2023年底前完成）", [(["县住建局"], [])]),
    # the second label after a comma (东阳市促进残疾人就业行动实施方案, 2023)
    ("带头安置残疾人就业。（责任单位：市人力社保局、市残联，配合单位：市财政局）", [(["市人力社保局", "市残联"], ["市财政局"])]),
    ("推进改革。（市发展改革委、市财政局等按职责分工负责，各区政府落实）", [(["市发展改革委", "市财政局"], ["各区政府"])]),
    ("推进改革。（责任单位：各县区政府，市直有关部门配合）", [(["各县区政府"], ["市直有关部门"])]),
    ("推进改革。（市教育局负责，2024年底前完成）", [(["市教育局"], [])]),
    ("推进改革。（责任部门：市委网信办、市公安局；完成时限：2023年12月）", [(["市委网信办", "市公安局"], [])]),
    ("推进改革。（各县（市、区）人民政府负责）", [(["各县（市、区）人民政府"], [])]),
    # places named in full stand for their governments; places alone share the head after them (Heilongjiang)
    ("推进改革。（郑州市、开封市负责）", [(["郑州市", "开封市"], [])]),
    ("推进民航建设。（省发改委、哈尔滨、黑河、绥芬河市政府负责）", [(["省发改委", "哈尔滨、黑河、绥芬河市政府"], [])]),
    # a tag bracketed in ASCII [] (a district's 重点工作责任分解, 2020)
    ("抓好疫情防控工作。[牵头单位：区卫健局；责任单位：区疫情防控指挥部成员单位、各街办（新区）]", [(["区卫健局"], ["区疫情防控指挥部成员单位", "各街办（新区）"])]),
    # labels inside one bracket whose spaces went with the normalising ("县住建局配合单位：…"): each label its units
    ("提升村容村貌。（牵头单位：县住建局配合单位：各乡镇人民政府完成时限：2023年12月31日以前）", [(["县住建局"], ["各乡镇人民政府"])]),
    ("推进改革。（主要责任单位：市商务局其他责任单位：市财政局）", [(["市商务局"], ["市财政局"])]),
    ("推进改革。（牵头部门：县住建局协办部门：县财政局）", [(["县住建局"], ["县财政局"])]),
    ("推进改革。（主办部门：县住建局；协办部门：县财政局）", [(["县住建局"], ["县财政局"])]),
    ("推进改革。（牵头部门：县住建局；协同部门：县财政局、各乡镇）", [(["县住建局"], ["县财政局", "各乡镇"])]),
    # "A会同B负责": the unit before 会同 leads, those after it assist
    ("推进改革。（市发展改革委会同市财政局、市税务局负责，2023年底前完成）", [(["市发展改革委"], ["市财政局", "市税务局"])]),
    ("推进改革。市发展改革委会同有关部门负责。", [(["市发展改革委"], ["有关部门"])]),
    # units alone in brackets closing an item (a 政府工作报告's 分工, Shanghai's 食品科技 plan): the first group
    # leads; a person's label after them is no unit; a note in brackets names none
    ("全年地区生产总值增长6.5%左右。（市发展改革委、市统计局，各县市区政府）", [(["市发展改革委", "市统计局"], ["各县市区政府"])]),
    ("打造产业集聚区。（市经济信息化委、市科委、相关区）", [(["市经济信息化委", "市科委", "相关区"], [])]),
    ("规模以上工业增加值增长8%。（市工业和信息化局；责任人：李四）", [(["市工业和信息化局"], [])]),
    # ... with their limit after them (the limit is a deadline row of its own)
    ("优化信号配时。（市公安局、市交通运输局，2024年6月底前）", [(["市公安局", "市交通运输局"], [])]),
    ("推进市场化改革。（市发改委、市财政局，长期坚持）", [(["市发改委", "市财政局"], [])]),
    ("实施城市更新行动。（责任单位：市住房城乡建设局；责任领导：王五；完成时限：2023年12月底）", [(["市住房城乡建设局"], [])]),
    ("新开工亿元以上项目200个。（市发展改革委牵头，各县市区政府落实）", [(["市发展改革委"], ["各县市区政府"])]),
    # how the assisting units act (rules/words.yaml assist_adverb) is no part of their names
    ("推进改革。（市发改委牵头负责，各区政府具体落实）", [(["市发改委"], ["各区政府"])]),
    ("推进改革。（市发改委牵头，各乡镇分别配合）", [(["市发改委"], ["各乡镇"])]),
    # the verbs alone as labels (牵头：…；配合：…), in brackets or on lines of their own
    ("推进改革。（牵头：市发改委；配合：市财政局）", [(["市发改委"], ["市财政局"])]),
    ("推进改革。\n牵头：市发改委\n配合：市财政局、市商务局", [(["市发改委"], ["市财政局", "市商务局"])]),
    # a meeting's decision naming its lead alone, or with the units it acts with (会同)
    ("会议要求，由县城管局牵头，6月底前完成整治。", [(["县城管局"], [])]),
    ("会议决定，由市住建局牵头，会同市财政局、市商务局等部门研究制定实施细则。", [(["市住建局"], ["市财政局", "市商务局"])]),
    ("推进市场化改革。（以下简称市发改委）", []),
    ("推进市场化改革。（含县级政府）", []),
    ("推进市场化改革。（2023年）", []),
    ("推进市场化改革。（试行）", []),
    ("市发展改革委负责全市政府投资项目的综合管理。（市财政局配合）", []),
    # several leads each leading their part ("分别牵头", "共同牵头"): the adverb is no part of a unit's name
    ("深化改革。（市发展改革委、市市场监管局分别牵头，各县区人民政府配合）", [(["市发展改革委", "市市场监管局"], ["各县区人民政府"])]),
    ("完善体系。由市财政局、市税务局共同牵头，各区人民政府配合。", [(["市财政局", "市税务局"], ["各区人民政府"])]),
    # a labelled line that names a principle, not a unit; a label inside a sentence
    ("责任单位：按属地管理原则确定", []),
    ("各地要明确责任单位：属地负责。", []),
]


@pytest.mark.parametrize(("text", "expected"), TAGS, ids=[f"tag-{i}" for i in range(len(TAGS))])
def test_tag_forms(text: str, expected: list[tuple[list[str], list[str]]]) -> None:
    got = [(t.lead, t.co) for t in find_tags(text, 0, len(text))]
    assert got == expected, f"{text}: {got}"


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("市场监管总局、工业和信息化部", ["市场监管总局", "工业和信息化部"]),
        ("省市场监管局、药监局", ["省市场监管局", "省药监局"]),
        ("市政府有关委、办、局", ["市政府有关委、办、局"]),
        # a level word shares the head of the unit after it, unless that unit is the bodies under a level
        ("各乡、镇人民政府", ["各乡、镇人民政府"]),
        ("各街道、区直各部门", ["各街道", "区直各部门"]),
        ("各镇、区级各部门", ["各镇", "区级各部门"]),
        # a short office name the lexicon lacks takes the level too; one naming its own place or a party
        # working committee does not
        ("省发展改革委、财政厅、地税局", ["省发展改革委", "省财政厅", "省地税局"]),
        ("市经贸委、外经贸局、规划局", ["市经贸委", "市外经贸局", "市规划局"]),
        ("市委金融办、上海金融监管局", ["市委金融办", "上海金融监管局"]),
        ("区民政局、园区党工委", ["区民政局", "园区党工委"]),
        # a qualified level word shares the head after it; places alone share a place's unit after them
        ("省发改委、铁路办、相关市、县政府", ["省发改委", "省铁路办", "相关市、县政府"]),
        ("机场扩建指挥部、哈尔滨、黑河、绥芬河市政府、省农垦总局", ["机场扩建指挥部", "哈尔滨、黑河、绥芬河市政府", "省农垦总局"]),
        ("省财政厅、郑州市、开封市", ["省财政厅", "郑州市", "开封市"]),
        # "等部门" closing a group only says the list is open (官渡区稳增长措施, 2016)
        ("区财政局、区水务局等部门，区国投公司、各街道办事处", ["区财政局", "区水务局", "区国投公司", "各街道办事处"]),
    ],
    ids=[
        "no-prefix-from-shichang",
        "prefix-inherited",
        "office-kinds",
        "levels-share-head",
        "directly-under",
        "level-bodies",
        "bare-offices-inherit",
        "bare-offices-inherit-city",
        "own-place-keeps",
        "party-committee-keeps",
        "qualified-levels-share-head",
        "places-share-head",
        "places-stay-units",
        "etc-closes-a-group",
    ],
)
def test_unit_lists(text: str, units: list[str]) -> None:
    assert split_units(text) == units, f"{text}: {split_units(text)}"


@pytest.mark.parametrize(
    ("unit", "utype"),
    [("人民银行", "金融"), ("银保监会", "金融"), ("证监会", "证券监管"), ("海关总署", "海关"), ("国家知识产权局", "知识产权")],
    ids=["pbc", "cbirc", "csrc", "customs", "cnipa"],
)
def test_national_bodies_typed(unit: str, utype: str) -> None:
    assert unit_type(unit) == utype


@pytest.mark.parametrize(
    ("issuer", "level", "city"),
    [
        ("铁岭市委宣传部", "municipal", "铁岭市"),
        ("农业农村部", "national", ""),
        ("市场监管总局", "national", ""),
        ("工业和信息化部办公厅", "national", ""),
        # promulgating bodies a national regulation's 题注 names (LawRefBook 行政法规): the central bank, a
        # commission named from 中国, the State Council's predecessor
        ("中国人民银行", "national", ""),
        ("中国证券监督管理委员会；财政部", "national", ""),
        ("政务院", "national", ""),
        # the Party's central rules cited by their full name; a provincial committee's full name has its place
        ("中国共产党党内监督条例", "national", ""),
        ("中国共产党菏泽市委员会", "municipal", "菏泽市"),
    ],
    ids=["city-party-dept", "ministry", "general-administration", "ministry-office", "central-bank", "csrc-joint", "zhengwuyuan", "party-central", "party-city"],
)
def test_issuer_region(issuer: str, level: str, city: str) -> None:
    r = infer_region(issuer)
    assert (r.admin_level, r.city) == (level, city), r


@pytest.mark.parametrize(
    ("issuer", "county"),
    [("宁洱县人民政府", "宁洱哈尼族彝族自治县"), ("石林县教育体育局", "石林彝族自治县"), ("巴里坤县人民政府", "巴里坤哈萨克自治县"), ("围场县人民政府办公室", "围场满族蒙古族自治县")],
)
def test_an_autonomous_county_by_its_short_name(issuer: str, county: str) -> None:
    """An autonomous county's government goes by its place and level alone (宁洱县人民政府): the gazetteer's full
    name is found for it, not a province its 机关代字 might suggest."""
    assert infer_region(issuer).county == county


def test_a_county_name_several_places_share_keeps_its_level() -> None:
    """新华区 is a district of 石家庄, 沧州 and 平顶山: with nothing else to tell them apart the place stays unknown
    (nothing is guessed) but the level is a county's; a 机关代字 naming the city picks the one (杭西政办 -> 杭州)."""
    r = infer_region("新华区人民政府")
    assert (r.province, r.city, r.county, r.admin_level) == ("", "", "", "county"), r
    r = infer_region("西湖区人民政府办公室", "杭西政办")
    assert (r.province, r.city, r.county, r.admin_level) == ("浙江省", "杭州市", "西湖区", "county"), r
    # a town's name many counties share says no county: its place stays unknown, its level is a township's
    r = infer_region("城关镇人民政府")
    assert (r.province, r.city, r.county, r.admin_level) == ("", "", "", "township"), r


@pytest.mark.parametrize(
    "issuer,level",
    [("省委宣传部", "provincial"), ("市委组织部", "municipal"), ("区委统战部", "county"), ("中央宣传部", "national"), ("市场监管总局", "national")],
)
def test_a_party_department_named_by_its_level_is_not_national(issuer: str, level: str) -> None:
    """Any name ending in 部 was once taken for a ministry: 省委宣传部 is a provincial party department."""
    assert infer_region(issuer).admin_level == level


def test_a_site_footer_names_no_unit_and_makes_no_task() -> None:
    """A crawled gz.gov.cn page ends with the site's footer (联系我们 / 主办单位：广州市人民政府办公厅 /
    网站标识码 / ICP备案号): 主办单位 there is the site's owner, not a task's lead label."""
    import hashlib

    from pipeline.ingest.text import blocks_from_text
    from pipeline.model import SourceDocument
    from pipeline.process import process_source

    body = (
        "关于做好生育津贴发放工作的通知\n各区医保局：\n一、做好政策衔接\n（一）完善经办流程。（责任单位：市医保局）\n"
        "（二）加强宣传解读。\n二、办理流程\n1.扫码打开穗好办APP。\n2.搜索“生育津贴”。\n"
        "联系我们：020-12345\n主办单位：广州市人民政府办公厅\n网站标识码：4401000004\nICP备案号：粤ICP备2022092331号-1\n"
    )
    src = SourceDocument(doc_id="footer", source="footer.txt", format="text", sha256=hashlib.sha256(body.encode()).hexdigest(), blocks=tuple(blocks_from_text(body)))
    ex = process_source(src)
    assert {t.title: t.units for t in ex.tasks} == {"完善经办流程": "市医保局", "加强宣传解读": ""}


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("广州市卫生健康委员会广州市财政局", ["广州市卫生健康委员会", "广州市财政局"]),
        ("最高人民法院最高人民检察院", ["最高人民法院", "最高人民检察院"]),  # a title's head with no 、 between them
        ("国家发展改革委国家能源局国家统计局", ["国家发展改革委", "国家能源局", "国家统计局"]),
        ("国务院国有资产监督管理委员会", ["国务院国有资产监督管理委员会"]),
        ("国务院办公厅", ["国务院办公厅"]),
        # ministries run together (a law site's "财政部 国家税务总局" without its space), and a ministry's own
        # department, which is one body
        ("财政部国家税务总局", ["财政部", "国家税务总局"]),
        ("教育部财政部人力资源社会保障部", ["教育部", "财政部", "人力资源社会保障部"]),
        ("农业农村部农业机械化管理司", ["农业农村部农业机械化管理司"]),
        ("工业和信息化部办公厅", ["工业和信息化部办公厅"]),
        ("国家税务总局稽查局", ["国家税务总局稽查局"]),
        # ministries' offices side by side: the office stays with its ministry (not 教育部 + 办公厅财政部办公厅),
        # and an office named without a ministry word (发展改革委办公厅) is a body too
        ("教育部办公厅财政部办公厅", ["教育部办公厅", "财政部办公厅"]),
        ("税务总局办公厅发展改革委办公厅", ["税务总局办公厅", "发展改革委办公厅"]),
        ("商务部办公厅发展改革委办公厅财政部办公厅", ["商务部办公厅", "发展改革委办公厅", "财政部办公厅"]),
        # a city's bodies with the national bodies' branches in it (沪商规〔2024〕4号's seven issuers, a 财政局 and
        # 税务局 notice): the short place (上海海关) starts one; a national head keeps its branch's place
        ("上海市绿化和市容管理局上海海关", ["上海市绿化和市容管理局", "上海海关"]),
        ("上海市财政局国家税务总局上海市税务局", ["上海市财政局", "国家税务总局上海市税务局"]),
        ("上海市财政局中国人民银行上海分行", ["上海市财政局", "中国人民银行上海分行"]),
        ("国家税务总局上海市税务局", ["国家税务总局上海市税务局"]),
    ],
    ids=[
        "place-repeats", "national-pair", "national-three", "one-national", "office", "ministry-and-bureau", "three-ministries",
        "ministry-department", "ministry-office", "bureau-branch", "offices-pair", "office-without-ministry-word", "three-offices",
        "short-place", "tax-branch", "bank-branch", "one-tax-branch",
    ],
)
def test_bodies_named_side_by_side(text: str, orgs: list[str]) -> None:
    from pipeline.orgnames import split_orgs

    assert [text[a:b] for a, b in split_orgs(text)] == orgs


MARKED = [
    # the notice marks who leads: a lead verb, a 牵头单位 or 配合单位 label, a unit marked （牵头）, or the note
    # "列第一位者为牵头单位" before a plain list
    ("推进改革（市政府办公室、市行政审批服务局牵头，各县市区政府配合）", True),
    ("推进改革。\n牵头单位：市政务服务数据管理局\n配合单位：市直各部门", True),
    ("建立信用监管制度。\n责任单位：市发展改革委（牵头），市市场监管局", True),
    ("（责任单位：市发展改革委、市财政局，列第一位者为牵头单位，下同）推进。", True),
    ("各项任务涉及多个单位的，第一个单位为牵头单位。\n推进改革。（责任单位：市科委、市财政局）", True),
    ("责任单位排名第一的为牵头单位。\n推进改革。（责任单位：市科委、市财政局）", True),
    ("推进改革。（市教育局负责，各区政府落实）", True),
    # a plain list of responsible units marks no lead, bracketed or on a line of its own
    ("推进改革。（责任单位：市科委、市财政局、各区政府）", False),
    ("压减开办时间。\n责任单位：市市场监管局、市公安局", False),
    ("推进改革。（市发展改革委、市财政局等按职责分工负责）", False),
]


@pytest.mark.parametrize(("text", "marked"), MARKED, ids=[f"marked-{i}" for i in range(len(MARKED))])
def test_a_tag_says_whether_the_notice_marks_the_lead(text: str, marked: bool) -> None:
    tags = find_tags(text, 0, len(text))
    assert [t.explicit_roles for t in tags] == [marked], [(t.lead, t.co, t.explicit_roles) for t in tags]
