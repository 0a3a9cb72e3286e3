"""Policy families in ../shared/corpus/families: parents found by citation in the child's title or first
article, the Shandong chain, an absent parent's siblings, and article alignment checked against the texts."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from conftest import compare_files, need_shared, run_cli
from pipeline.families import _direction, _Limit

pytestmark = [pytest.mark.shared, pytest.mark.slow]

NPC = "parent_cn_npc_deputies_law_2015"
FIXTURES = Path(__file__).parent / "fixtures" / "markdown"
QIAO = "parent_cn_returned_overseas_chinese_rights_law_2009"


@pytest.fixture(scope="module")
def compared(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    folder = need_shared("corpus", "families")
    out = tmp_path_factory.mktemp("families")
    assert run_cli(str(folder), "--out", str(out)).returncode == 0
    proc = run_cli("compare", "--out", str(out), "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    tables = {n: pd.read_csv(out / "compare" / f"{n}.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig") for n in ("families", "alignment")}
    for n in ("documents", "deadlines"):
        tables[n] = pd.read_csv(out / f"{n}.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    return tables


@pytest.mark.parametrize(
    ("doc", "issuer", "signed", "number", "level"),
    [
        # facts read from each file's header (the 题注 under the title) and the families MANIFEST
        ("child_shandong_2021_property_management_regulation", "山东省人民代表大会常务委员会", "2021-12-03", "", "provincial"),
        ("child_beijing_2014_npc_deputies_law_implementation_measures", "北京市人民代表大会", "2014-01-22", "", "provincial"),
        ("child_heze_2022_property_management_regulation", "菏泽市人民代表大会常务委员会", "2022-01-21", "", "municipal"),
        ("parent_cn_guowuyuanling379_2018_property_management", "国务院", "2016-02-06", "国务院令第379号", "national"),
        ("parent_cn_npc_deputies_law_2015", "全国人民代表大会", "2015-08-29", "", "national"),
        ("child_shanghai_2015_npc_deputies_law_implementation_measures", "", "", "", "provincial"),  # empty header: nothing invented
    ],
)
def test_law_identity_from_its_title_note(compared: dict[str, pd.DataFrame], doc: str, issuer: str, signed: str, number: str, level: str) -> None:
    """A law's 题注 (adoption and amendment history) gives its issuer (the first body that adopted it), the
    date of the text (its last adoption or amendment) and an order's number; its dates are no deadlines."""
    docs = compared["documents"]
    row = docs[docs["doc_id"].str.startswith(doc)].iloc[0]
    assert (row["issuer"], row["signed_date"], row["doc_number"], row["admin_level"]) == (issuer, signed, number, level)
    dl = compared["deadlines"]
    mine = dl[dl["doc_id"] == row["doc_id"]]
    assert not mine["text"].str.contains("会议").any(), mine["text"].tolist()


def _children(fam: pd.DataFrame, family_id: str) -> set[str]:
    rows = fam[(fam["family_id"] == family_id) & (fam["role"] == "child")]
    return {d.split("_")[1] for d in rows["doc_id"]}


def test_parents_and_children(compared: dict[str, pd.DataFrame]) -> None:
    fam = compared["families"]
    assert _children(fam, NPC) == {"beijing", "chongqing", "shandong", "shanghai", "zhejiang"}
    assert _children(fam, QIAO) == {"beijing", "chongqing", "henan", "shandong", "shanghai", "zhejiang"}
    national = fam[fam["family_id"].str.startswith("parent_cn_guowuyuanling379")]
    assert {d.split("_")[1] for d in national[national["role"] == "child"]["doc_id"]} == {"shandong", "weifang", "heze"}
    shandong = fam[fam["family_id"] == "child_shandong_2021_property_management_regulation"]
    assert set(shandong[shandong["role"] == "parent"]["doc_id"]) == {"child_shandong_2021_property_management_regulation"}
    assert {d.split("_")[1] for d in shandong[shandong["role"] == "child"]["doc_id"]} == {"weifang", "heze"}


def test_absent_parent_makes_siblings(compared: dict[str, pd.DataFrame]) -> None:
    fam = compared["families"]
    # the State Council's 实施办法 (国务院令第410号) is not in the folder; four children cite it in 第一条
    sib = fam[fam["family_id"] == "absent:归侨侨眷权益保护法实施办法"]
    assert set(sib["role"]) == {"sibling"} and len(sib) == 4, sib
    assert not fam["family_id"].str.contains("修改").any(), "amendment notes in a file's header are no parent"


def _row(al: pd.DataFrame, child: str, parent_unit: str, parent: str = NPC) -> pd.Series:
    rows = al[al["child_doc_id"].str.startswith(child) & (al["parent_doc_id"] == parent) & (al["parent_unit"] == parent_unit)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_alignment_read_against_the_texts(compared: dict[str, pd.DataFrame]) -> None:
    al = compared["alignment"]
    # 山东 第三条 repeats the law's 第三条 (代表享有下列权利) word for word
    r = _row(al, "child_shandong_2015", "第三条")
    assert (r["child_unit"], r["relation"]) == ("第三条", "same") and r["child_text"].startswith("代表享有下列权利")
    # 山东 第五条 says 依照代表法和本办法 where the law says 依照本法: still the same article
    assert _row(al, "child_shandong_2015", "第五条")["child_unit"] == "第五条"
    # 菏泽 第三条 rewords 山东 第四条 (遵循业主自治、专业服务与社区管理相结合)
    r = _row(al, "child_heze", "第四条", parent="child_shandong_2021_property_management_regulation")
    assert (r["child_unit"], r["relation"]) == ("第三条", "modified"), r
    added = al[(al["relation"] == "added") & (al["child_unit"] != "")]
    assert (added["parent_unit"] == "").all() and len(added) > 0
    # 北京 第二条 restates the law's 第二条 and holds its 第六条 (代表受原选区选民或者原选举单位的监督) whole
    assert [_row(al, "child_beijing_2014", u)["child_unit"] for u in ("第二条", "第六条")] == ["第二条", "第二条"]
    # 山东 第三十四条 carries the law's 第三十三条 and adds to it (按正常出勤对待…): modified, though the whole
    # texts' ratio is only 0.51; 山东 第三十五条 adds a sentence on who manages the money to 第三十五条
    r = _row(al, "child_shandong_2015", "第三十三条")
    assert (r["child_unit"], r["relation"], float(r["whole_similarity"]) < 0.55) == ("第三十四条", "modified", True), r
    assert (_row(al, "child_shandong_2015", "第三十五条")["child_unit"], _row(al, "child_shandong_2015", "第三十五条")["relation"]) == ("第三十五条", "modified")


@pytest.mark.parametrize(
    ("parent", "child", "direction"),
    [(["10", "working_day"], ["5", "working_day"], "stricter"), (["10", "day"], ["15", "day"], "looser"), (["3", "month"], ["3", "month"], "same")],
    ids=["stricter", "looser", "same"],
)
def test_limit_direction(parent: list[str], child: list[str], direction: str) -> None:
    def lim(v: list[str]) -> list[_Limit]:
        return [_Limit(0, f"{v[0]}{v[1]}内", v[0], v[1])]

    assert _direction(lim(parent), lim(child)) == direction
    assert _direction(lim(parent), []) == "dropped" and _direction([], lim(child)) == "added"


def _real(folder: str, name: str) -> str:
    return (need_shared("corpus", "families") / folder / name).read_text(encoding="utf-8")


def test_child_without_citation_is_linked_by_subject(tmp_path: Path) -> None:
    """潍坊市物业管理条例 with its 第一条 citing nothing by title (根据有关法律法规) is still the child of
    山东省物业管理条例: same subject (物业管理), the nearest level above it in its province."""
    weifang = _real("property_management_chain_shandong", "child_weifang_2022_property_management_regulation.md")
    cited = "根据《中华人民共和国民法典》《物业管理条例》《山东省物业管理条例》等有关法律法规的规定"
    assert cited in weifang
    files = {
        "weifang.md": weifang.replace(cited, "根据有关法律法规的规定"),
        "shandong.md": _real("property_management_chain_shandong", "child_shandong_2021_property_management_regulation.md"),
    }
    fam = compare_files(tmp_path, files)
    child = fam[fam["doc_id"] == "weifang"]
    assert list(child["role"]) == ["child"] and list(child["parent_doc_id"]) == ["shandong"] and list(child["link"]) == ["subject"], fam


def test_child_that_restates_its_parent_is_linked_by_reuse(tmp_path: Path) -> None:
    """The Shandong 2015 measures restate over half their sentences from the deputies law; renamed and with
    the citation removed, they are still found as its child, by reused wording."""
    law = _real("npc_deputies_law_implementation", "parent_cn_npc_deputies_law_2015.md")
    measures = _real("npc_deputies_law_implementation", "child_shandong_2015_npc_deputies_law_implementation_measures.md")
    cited = "根据《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》（以下简称代表法）和其他有关法律的规定"
    assert cited in measures
    measures = measures.replace(cited, "根据有关法律的规定").replace(
        "# 山东省实施《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》办法", "# 山东省各级人民代表大会代表履职办法"
    )
    fam = compare_files(tmp_path, {"law.md": law, "measures.md": measures})
    child = fam[fam["doc_id"] == "measures"]
    assert list(child["parent_doc_id"]) == ["law"] and list(child["link"]) == ["reuse"], fam


def test_family_named_by_the_analyst(tmp_path: Path) -> None:
    """--family FILE: the analyst's grouping wins over what the texts say, and an unknown document is an error."""
    files = {
        "heze.md": _real("property_management_chain_shandong", "child_heze_2022_property_management_regulation.md"),
        "weifang.md": _real("property_management_chain_shandong", "child_weifang_2022_property_management_regulation.md"),
    }
    spec = tmp_path / "family.csv"
    spec.write_text("family_id,doc,role\n物业,heze.md,parent\n物业,weifang,child\n", encoding="utf-8")
    fam = compare_files(tmp_path, files, "--family", str(spec))
    child = fam[(fam["doc_id"] == "weifang") & (fam["link"] == "user")]
    assert list(child["parent_doc_id"]) == ["heze"], fam
    spec.write_text("family_id,doc,role\n物业,nowhere.md,parent\n", encoding="utf-8")
    proc = run_cli("compare", "--out", str(tmp_path / "out"), "--family", str(spec))
    assert proc.returncode == 2 and "nowhere.md" in proc.stderr, proc.stderr


COUNTY_RULES_PAGE = """当前位置：首页 > 政务公开 > 法规公文 > 政府文件
索引号: 011282752/2017-00101 主题分类: 综合政务
发布机构: 乙县人民政府 发文日期: 2017-01-28
文件标题: 县人民政府关于印发《乙县人民政府工作规则》的通知
文号: 乙政发〔2017〕1号 主题词: 工作规则 信息来源: 县政府办公室 浏览次数: 590 公开方式: 主动公开
生效日期: 2017-01-28 有效性: 有效 内容概述: 县人民政府关于印发《乙县人民政府工作规则》的通知，规定县政府组成人员的职责和工作程序
乙县人民政府
县人民政府关于印发《乙县人民政府工作规则》的通知
乙政发〔2017〕1号
各乡镇人民政府，县政府各部门：
《乙县人民政府工作规则》已经2017年1月18日召开的县人民政府第2次常务会议审议通过，现予印发。
乙县人民政府
2017年1月24日
乙县人民政府工作规则
第一章 总则
一、为认真履行政府法定职责，依法规范县政府及其组成人员、工作人员的工作程序和行政行为，提高行政效能，建设人民满意的政府，根据有关法律的规定，参照《甲省人民政府工作规则》，结合县政府工作实际，制定本规则。
二、县政府工作的指导思想是，认真执行党的路线方针政策，严格遵守宪法和法律，全面正确履行政府职能。
"""
PROVINCE_RULES = """甲省人民政府工作规则
第一章 总则
一、根据有关法律的规定，结合省政府工作实际，制定本规则。
二、省政府工作的准则是，执政为民，依法行政，实事求是。
"""


def test_an_issued_text_names_its_parent_past_a_long_page_head(tmp_path: Path) -> None:
    """A county site's page: a metadata block, the 印发 notice, then the issued rules, whose opening cites the
    province's rules (参照《甲省人民政府工作规则》) more than OPENING_CHARS characters into the text. The opening
    after the 成文日期 is read too, so the county text is the province text's child."""
    assert COUNTY_RULES_PAGE.index("参照") > 470
    fam = compare_files(tmp_path, {"county.txt": COUNTY_RULES_PAGE, "province.txt": PROVINCE_RULES})
    child = fam[fam["doc_id"] == "county"]
    assert list(child["parent_doc_id"]) == ["province"] and list(child["link"]) == ["cites_title"], fam


def test_a_child_of_a_parent_in_the_corpus_makes_no_family_of_its_own_under_an_absent_one(tmp_path: Path) -> None:
    """河南省优化营商环境条例's 第一条 cites 《中华人民共和国民法典》 (not in the corpus) and 国务院《优化营商环境条例》 (in
    it): one family, under the regulation, and no family of one text under the absent code."""
    files = {
        "national.md": "优化营商环境条例\n第一条 为了持续优化营商环境，不断解放和发展社会生产力，制定本条例。\n第二条 本条例所称营商环境，是指企业等市场主体在市场经济活动中所涉及的体制机制性因素和条件。\n",
        "province.md": "午省优化营商环境条例\n第一条 为了优化营商环境，维护市场主体合法权益，根据《中华人民共和国民法典》和国务院《优化营商环境条例》等法律、行政法规，结合本省实际，制定本条例。\n第二条 本省行政区域内优化营商环境工作，适用本条例。\n",
    }
    fam = compare_files(tmp_path, files)
    assert not fam["family_id"].str.startswith("absent:").any(), fam
    child = fam[fam["doc_id"] == "province"]
    assert list(child["parent_doc_id"]) == ["national"], fam


def _work_report_notice(place: str, number: str) -> str:
    """A county's 分工 notice that carries out its own 《政府工作报告》 (written here, after the shape of 泾县's and
    大洼区's pages)."""
    return (
        f"{place}人民政府关于分解落实政府工作报告目标任务的通知\n{number}\n各乡镇人民政府，{place[-1]}政府各部门：\n"
        f"《政府工作报告》已经{place[-1]}人民代表大会审议通过。现将《政府工作报告》确定的目标任务予以分解印发，请认真抓好落实。\n"
        f"{place}人民政府\n2023年1月30日\n"
    )


def test_a_placeless_work_report_is_each_places_own(tmp_path: Path) -> None:
    """《政府工作报告》 names the citing government's own report (rules/words.yaml own_government_document):
    two notices of 泾县 are siblings under 泾县's, 大洼区's notice is under another, never all three together."""
    files = {
        "jing_a.txt": _work_report_notice("泾县", "泾政〔2023〕1号"),
        "jing_b.txt": _work_report_notice("泾县", "泾政〔2023〕2号"),
        "dawa.txt": _work_report_notice("盘锦市大洼区", "大政发〔2023〕1号"),
    }
    fam = compare_files(tmp_path, files)
    by_doc = dict(zip(fam["doc_id"], fam["family_id"]))
    assert by_doc["jing_a"] == by_doc["jing_b"] == "absent:政府工作报告（泾县）", fam
    assert by_doc["dawa"] == "absent:政府工作报告（大洼区）", fam


def test_a_decision_that_repeals_a_text_is_no_child_of_it(tmp_path: Path) -> None:
    """A standing committee's decision listing the regulations it repeals ("一、废止《未市邮政通信条例》", after the
    shape of 北京市人民代表大会常务委员会关于废止部分地方性法规的决定) cites them in its opening but implements
    none: no family link (rules/words.yaml repeal_before / repeal_after). A text that replaces an older one
    while implementing a third stays the third's child."""
    files = {
        "post.md": "未市邮政通信条例\n第一条 为了加强邮政通信管理，制定本条例。\n第二条 本市行政区域内的邮政通信活动，适用本条例。\n",
        "repeal.md": (
            "未市人民代表大会常务委员会关于废止部分地方性法规的决定\n未市第十五届人民代表大会常务委员会第十次会议决定：\n"
            "一、废止《未市邮政通信条例》（1994年7月22日未市第十届人民代表大会常务委员会第十一次会议通过）\n"
            "二、《未市信息化促进条例》同时废止。\n本决定自公布之日起施行。\n"
        ),
        "info.md": "未市信息化促进条例\n第一条 为了促进信息化发展，制定本条例。\n",
        "new_post.md": (
            "未市邮政条例\n第一条 为了保障邮政普遍服务，根据《未市邮政通信条例》的有关规定，结合本市实际，制定本条例。\n"
            "第二条 本市行政区域内的邮政活动，适用本条例。\n"
        ),
    }
    fam = compare_files(tmp_path, files)
    assert "repeal" not in set(fam.loc[fam["role"] == "child", "doc_id"]), fam
    child = fam[fam["doc_id"] == "new_post"]
    assert list(child["parent_doc_id"]) == ["post"], fam


_CIVILITY = (
    "第二条 本条例所称文明行为，是指遵守宪法和法律法规，体现社会主义核心价值观，维护公序良俗的行为。\n"
    "第三条 文明行为促进工作坚持党委领导、政府主导、社会协同、公众参与的原则。\n"
    "第四条 公民应当自觉遵守社会公德，爱护公共环境，文明出行，文明就餐，文明旅游。\n"
    "第五条 国家机关、企业事业单位和社会组织应当加强本单位文明行为促进工作。\n"
)


def test_a_city_that_copies_another_provinces_text_is_no_child_of_it(tmp_path: Path) -> None:
    """A city regulation that restates a regulation of a province-level place elsewhere (拉萨市's 文明行为促进条例
    and 北京市's, after the pair the regulation corpus holds) implements its own province's law, not the other
    place's: reused wording links a lower text to a higher one only in its own province, as subject links do;
    the same city text under its own region's regulation is its child."""
    files = {
        "beijing.md": f"北京市文明行为促进条例\n第一条 为了培育和践行社会主义核心价值观，提升社会文明程度，制定本条例。\n{_CIVILITY}",
        "lhasa.md": f"拉萨市文明行为促进条例\n第一条 为了提升城市文明程度，结合本市实际，制定本条例。\n{_CIVILITY}",
        "tibet.md": f"西藏自治区文明行为促进条例\n第一条 为了提升社会文明程度，结合自治区实际，制定本条例。\n{_CIVILITY}",
    }
    fam = compare_files(tmp_path, files)
    child = fam[(fam["doc_id"] == "lhasa") & (fam["role"] == "child")]
    assert list(child["parent_doc_id"]) == ["tibet"], fam
    (tmp_path / "two").mkdir()
    fam = compare_files(tmp_path / "two", {k: v for k, v in files.items() if k != "tibet.md"})
    assert "beijing" not in set(fam["parent_doc_id"]), fam


def test_a_cited_text_is_found_in_the_notice_that_issued_it(tmp_path: Path) -> None:
    """A city's plan cites 《某省数字经济发展实施方案》 in its opening; the corpus holds the province's notice that
    issued it ("某省人民政府办公厅关于印发《某省数字经济发展实施方案》的通知"), not the plan on its own: that
    notice is the city plan's parent (a 问答实录 about 沪府办发〔2025〕11号 in zgch1238/Huace's records, under
    the notice "…办公厅印发《关于…的若干意见》", is the case that showed it)."""
    files = {
        "province.txt": (
            "某省人民政府办公厅关于印发《某省数字经济发展实施方案》的通知\n某政办发〔2024〕5号\n各市人民政府，省政府各部门：\n"
            "现将《某省数字经济发展实施方案》印发给你们，请认真贯彻执行。\n某省人民政府办公厅\n2024年3月1日\n"
            "某省数字经济发展实施方案\n一、总体要求\n加快数字产业化和产业数字化。\n"
        ),
        "city.txt": (
            "某市人民政府办公室关于印发某市数字经济发展行动计划的通知\n各区人民政府，市政府各部门：\n"
            "为贯彻落实《某省数字经济发展实施方案》，结合本市实际，制定本行动计划，现印发给你们。\n某市人民政府办公室\n2024年5月1日\n"
        ),
    }
    fam = compare_files(tmp_path, files)
    child = fam[fam["doc_id"] == "city"]
    assert list(child["parent_doc_id"]) == ["province"] and list(child["link"]) == ["cites_title"], fam


def test_an_absent_parent_cited_by_its_number_is_one_parent_however_its_title_is_worded(tmp_path: Path) -> None:
    """青海's plan cites 《关于加力支持大规模设备更新和消费品以旧换新的若干措施》（发改环资〔2024〕1104号） and 上海's cites the same
    measures with their issuers first (《国家发展改革委 财政部关于加力支持…的若干措施》（发改环资〔2024〕1104号）): one absent
    parent, so the two are siblings (they were in two families of one text each)."""
    files = {
        "qinghai.md": (FIXTURES / "qinghai_qingzhengbanhan_2024_72.md").read_text(encoding="utf-8"),
        "shanghai.md": (FIXTURES / "pudong_shanghai_yijiuhuanxin_fangan.md").read_text(encoding="utf-8"),
    }
    fam = compare_files(tmp_path, files)
    members = fam[fam["family_id"].str.contains("加力支持大规模设备更新")].groupby("family_id")["doc_id"].agg(set)
    assert list(members) == [{"qinghai", "shanghai"}], members


def test_a_parent_titled_with_its_issuers_is_found_by_the_title_cited_after_their_names(tmp_path: Path) -> None:
    """国家能源局's 新型储能 action plan cites "国家发展改革委、国家能源局等部门《关于加快推动新型储能发展的指导意见》"; the
    corpus holds that opinion titled with its issuers first ("国家发展改革委 国家能源局关于…"): the plan is its child (it
    was under an absent parent). A province's text of the same "关于…" title is not the parent: its issuer is not the
    one named before the citation."""
    parent = (
        "国家发展改革委 国家能源局关于加快推动新型储能发展的指导意见\n"
        "积极应对气候变化，努力构建清洁低碳、安全高效能源体系，是党中央、国务院作出的重大决策部署。为推动新型储能快速发展，现提出如下意见。\n"
        "一、总体要求\n（一）指导思想\n以习近平新时代中国特色社会主义思想为指导，推动储能高质量发展。\n"
        "国家发展改革委 国家能源局\n2021年7月15日\n"
    )
    namesake = parent.replace("国家发展改革委 国家能源局", "甲省发展改革委").replace("2021年7月15日", "2021年9月1日")
    files = {
        "plan.md": (FIXTURES / "nea_xinxing_chuneng_2025_2027.md").read_text(encoding="utf-8"),
        "opinion.txt": parent,
        "province.txt": namesake,
    }
    fam = compare_files(tmp_path, files)
    plan = fam[fam["doc_id"] == "plan"]
    assert "opinion" in set(plan["parent_doc_id"]) and "province" not in set(plan["parent_doc_id"]), fam
