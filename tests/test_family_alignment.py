"""Article alignment of a policy family on texts written here: a local article that carries the national one
inside a longer text of its own is paired with it, and one local article may carry two national ones."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from conftest import compare_files
from pipeline.families import MODIFIED, SAME, _similarity

PARENT = """# 甲事务管理条例

<!-- INFO END -->

第一条 为了规范甲事务管理，保障相关主体的合法权益，制定本条例。

第二条 国家建立甲事务信用评价制度，推动评价结果在行政管理和公共服务中的应用，依法保护信用主体的合法权益。

第三条 有关部门应当公开甲事务办理的服务标准、资费标准和办理时限，不得收取不合理费用。

第四条 甲事务主体应当接受有关部门和社会公众的监督。

第五条 本条例自2020年1月1日起施行。
"""

CHILD = """# 乙省甲事务管理条例

<!-- INFO END -->

第一条 为了规范本省甲事务管理，根据《甲事务管理条例》，结合本省实际，制定本条例。

第二条 县级以上人民政府应当建立甲事务信用评价制度，推动评价结果在行政管理和公共服务中的应用，依法保护信用主体的合法权益；对评价结果良好的主体，可以在项目申报、资金安排、评优评先中给予支持，对评价结果较差的主体，依法加强检查频次；评价标准和程序由省人民政府有关部门制定，并定期向社会公布评价情况，接受社会监督。

第三条 本省甲事务主体在全省统一的服务平台办理有关事项。供水、供电等单位应当公开甲事务办理的服务标准、资费标准和办理时限，不得收取不合理费用。甲事务主体应当接受有关部门和社会公众的监督。

第四条 省人民政府设立甲事务发展专项资金，用于支持甲事务基础设施建设。

第五条 本条例自2021年3月1日起施行。
"""


def test_similarity_pairs_an_article_carried_inside_a_longer_one() -> None:
    parent = "国家建立甲事务信用评价制度推动评价结果在行政管理和公共服务中的应用依法保护信用主体的合法权益"
    child = "县级以上人民政府应当建立甲事务信用评价制度推动评价结果在行政管理和公共服务中的应用依法保护信用主体的合法权益对评价结果良好的主体可以在项目申报资金安排评优评先中给予支持对评价结果较差的主体依法加强检查频次评价标准和程序由省人民政府有关部门制定并定期向社会公布评价情况接受社会监督"
    score, whole = _similarity(parent, child)
    assert whole < MODIFIED <= score < SAME, (score, whole)  # the whole-text ratio alone would drop the pair
    assert _similarity("本条例自2020年1月1日起施行", "本条例自2020年1月1日起施行") == (100.0, 100.0)


def test_alignment_of_a_written_family(tmp_path: Path) -> None:
    al = compare_files(tmp_path, {"parent.md": PARENT, "child.md": CHILD}, table="alignment")
    pairs = {(r.parent_unit, r.child_unit, r.relation) for r in al.itertuples(index=False)}
    # 第二条 is carried with more duties added; 第三条 and 第四条 both live in the child's 第三条; 第四条 of the
    # child is its own
    assert {("第二条", "第二条", "modified"), ("第三条", "第三条", "modified"), ("第四条", "第三条", "modified")} <= pairs, pairs
    assert ("", "第四条", "added") in pairs, pairs


def test_a_promotion_regulation_shares_its_subject_with_the_provinces(tmp_path: Path) -> None:
    """泰安市…志愿服务促进条例 cites no parent by title (根据有关法律法规); its subject without the generic 促进 is
    the province's (志愿服务), so it is the child of 山东省志愿服务条例 (the nearest level above in its province)."""
    fam = compare_files(tmp_path, {
        "province.md": "# 山东省志愿服务条例\n\n<!-- INFO END -->\n\n第一条 为了规范志愿服务，根据有关法律、行政法规，结合本省实际，制定本条例。\n\n第二条 本条例自2021年1月1日起施行。\n",
        "city.md": "# 泰安市志愿服务促进条例\n\n<!-- INFO END -->\n\n第一条 为了促进志愿服务事业发展，根据有关法律法规，结合本市实际，制定本条例。\n\n第二条 本条例自2022年3月1日起施行。\n",
    })
    child = fam[fam["doc_id"] == "city"]
    assert list(zip(child["parent_doc_id"], child["link"])) == [("province", "subject")], fam


def test_a_short_subject_links_and_a_generic_one_does_not(tmp_path: Path) -> None:
    """山东省消防条例 whose copy lost the title it cites (根据《》等法律) shares the two-character subject 消防 with
    中华人民共和国消防法; two texts about nothing more than 管理工作 are no family."""
    law = "# 中华人民共和国消防法\n\n<!-- INFO END -->\n\n第一条 为了预防火灾和减少火灾危害，制定本法。\n\n第二条 本法自2009年5月1日起施行。\n"
    province = "# 山东省消防条例\n\n<!-- INFO END -->\n\n第一条 为了预防火灾和减少火灾危害，根据《》等法律、行政法规，结合本省实际，制定本条例。\n\n第二条 本条例自2011年3月1日起施行。\n"
    generic_a = "# 国务院关于加强管理工作的规定\n\n第一条 各地要加强管理。\n"
    generic_b = "# 山东省加强管理工作规定\n\n第一条 各市要加强管理。\n"
    fam = compare_files(tmp_path, {"law.md": law, "province.md": province, "a.md": generic_a, "b.md": generic_b})
    child = fam[fam["doc_id"] == "province"]
    assert list(zip(child["parent_doc_id"], child["link"])) == [("law", "subject")], fam
    assert "b" not in set(fam["doc_id"]), fam


def test_a_text_citing_only_an_absent_parent_still_finds_a_present_one_by_subject(tmp_path: Path) -> None:
    """山东省学前教育条例 (2021) cites 《中华人民共和国教育法》, which is not in the corpus, and could not cite
    the 学前教育法 of 2024, which is: it is that law's child by subject, and a sibling under the absent 教育法."""
    law = "# 中华人民共和国学前教育法\n\n<!-- INFO END -->\n\n第一条 为了保障适龄儿童接受学前教育，根据宪法，制定本法。\n\n第二条 本法自2025年6月1日起施行。\n"
    province = "# 山东省学前教育条例\n\n<!-- INFO END -->\n\n第一条 为了促进学前教育发展，根据《中华人民共和国教育法》等法律、行政法规，结合本省实际，制定本条例。\n\n第二条 本条例自2022年3月1日起施行。\n"
    fam = compare_files(tmp_path, {"law.md": law, "province.md": province})
    rows = set(zip(fam["family_id"], fam["doc_id"], fam["role"], fam["link"]))
    assert ("law", "province", "child", "subject") in rows, fam
    assert ("absent:教育法", "province", "sibling", "cites_title") in rows, fam


def test_a_set_of_provisions_shares_the_subject_of_its_law(tmp_path: Path) -> None:
    """上海市法律援助若干规定 (2020) cites only the absent 国务院《法律援助条例》; its subject is 法律援助 as the
    法律援助法's is (若干 is left of 若干规定), so it is that law's child by subject too."""
    law = "# 中华人民共和国法律援助法\n\n<!-- INFO END -->\n\n第一条 为了规范和促进法律援助工作，制定本法。\n\n第二条 本法自2022年1月1日起施行。\n"
    city = "# 上海市法律援助若干规定\n\n<!-- INFO END -->\n\n第一条 为了促进和规范本市的法律援助工作，根据《法律援助条例》，结合本市实际，制定本规定。\n\n第二条 本规定自2020年7月1日起施行。\n"
    fam = compare_files(tmp_path, {"law.md": law, "city.md": city})
    rows = set(zip(fam["family_id"], fam["doc_id"], fam["role"], fam["link"]))
    assert ("law", "city", "child", "subject") in rows, fam


REWORDED_PARENT = """# 甲事务管理条例

<!-- INFO END -->

第一条 为了规范甲事务，制定本条例。

第二条 国家和地方甲事务指导机构建立甲事务工作协调机制，加强对甲事务工作的统筹规划、协调指导、督促检查和经验推广。
国务院乙部门负责全国甲事务行政管理工作；县级以上地方人民政府乙部门负责本行政区域内甲事务行政管理工作。
县级以上人民政府有关部门按照各自职责，负责与甲事务有关的工作。

第三条 甲事务主体可以依法成立行业组织，反映行业诉求，推动行业交流。

第四条 本条例自2020年1月1日起施行。
"""

REWORDED_CHILD = """# 乙省甲事务管理条例

<!-- INFO END -->

第一条 为了规范本省甲事务，根据《甲事务管理条例》，结合本省实际，制定本条例。

第二条 省和设区的市、县（市、区）甲事务指导机构（甲事务工作委员会）应当建立健全甲事务工作协调机制，组织有关部门、人民团体和单位协同做好甲事务工作，加强对本地区甲事务工作的统筹规划、协调指导、督促检查和经验推广，并将甲事务工作纳入群众性创建活动年度考核内容。指导机构的办事机构同时承担工作委员会的日常工作，具体职责由省人民政府规定。
乙部门负责本行政区域内甲事务主体登记、信息系统建设和维护、制定管理规范和服务标准、查处相关违法行为等甲事务行政管理工作。
教育、科技、文化、卫生健康、体育、司法行政等其他有关部门按照各自职责，负责与甲事务有关的工作。
乡镇人民政府、街道办事处应当协助乙部门做好有关工作。

第三条 省人民政府设立甲事务专项资金，用于支持甲事务基础设施建设。

第四条 本条例自2021年3月1日起施行。
"""


def test_a_local_article_restating_the_national_one_in_its_own_words(tmp_path: Path) -> None:
    # the child's 第二条 carries the parent's (协调机制; 统筹规划、协调指导、督促检查和经验推广; the 乙部门's and
    # the other departments' duties) with its own words woven through and more duties: the edit ratios alone
    # (48.7) would leave both articles unpaired; the share of the parent's wording the child carries pairs them
    al = compare_files(tmp_path, {"parent.md": REWORDED_PARENT, "child.md": REWORDED_CHILD}, table="alignment")
    pairs = {(r.parent_unit, r.child_unit, r.relation) for r in al.itertuples(index=False)}
    assert ("第二条", "第二条", "modified") in pairs, pairs
    # an article the child leaves out stays omitted, one of its own stays added
    assert ("第三条", "", "omitted") in pairs and ("", "第三条", "added") in pairs, pairs


def test_articles_rewritten_in_a_provinces_own_words_are_paired(tmp_path: Path) -> None:
    """A provincial regulation that rewrites the national articles (优化营商环境条例 and 河南省优化营商环境条例,
    real excerpts): no pair reaches MODIFIED, but 第三十五条 and the province's 第二十八条 (政务服务标准化), 第二十一条 and
    第十四条 (公平竞争) are each the other's best match; an article the province does not carry stays omitted, and
    two articles of legal boilerplate (制定或者修改法规 / 已有处罚规定的从其规定) do not pair."""
    folder = Path(__file__).parent / "fixtures" / "families" / "business_environment"
    files = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*_excerpt.md")}
    al = compare_files(tmp_path, files, table="alignment")
    pairs = {(r.parent_unit, r.child_unit, r.relation) for r in al.itertuples(index=False)}
    assert {("第一条", "第一条", "modified"), ("第三十五条", "第二十八条", "modified"), ("第二十一条", "第十四条", "modified")} <= pairs, pairs
    assert {("第二十二条", "", "omitted"), ("第六十一条", "", "omitted"), ("", "第八十二条", "added")} <= pairs, pairs
    assert all(float(r.similarity) < MODIFIED / 100 for r in al.itertuples(index=False) if r.relation == "modified")


def test_a_provinces_plan_under_the_state_councils_is_linked_and_its_items_paired_by_heading(tmp_path: Path) -> None:
    """A family of notices (国发〔2024〕7号 and 辽宁's 实施方案, real Markdown crawls): the province names no title, but
    both notices issue a text of one subject (推动大规模设备更新和消费品以旧换新, once the issuing notice's words and the
    kind 行动方案/实施方案 are gone), so the province is the State Council's child; an item carried under its own
    heading with a body of the province's own (（五）开展汽车以旧换新 in its （十五）) is paired; an item the excerpt
    does not carry (（十）再制造和梯次利用) stays omitted."""
    folder = Path(__file__).parent / "fixtures" / "families" / "equipment_renewal"
    files = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.md") if p.name != "README.md"}
    fam = compare_files(tmp_path, files, table="families")
    child = fam[fam["role"] == "child"]
    assert list(zip(child["doc_id"], child["parent_doc_id"], child["link"])) == [
        ("child_liaoning_2024_9_excerpt", "parent_cn_guofa_2024_7", "subject")
    ], fam
    al = pd.read_csv(tmp_path / "out" / "compare" / "alignment.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    pairs = {(r.parent_unit, r.child_unit, r.relation) for r in al.itertuples(index=False)}
    assert {("（五）", "（十五）", "modified"), ("（六）", "（十六）", "modified"), ("（七）", "（十七）", "modified")} <= pairs, pairs
    assert ("（十）", "", "omitted") in pairs, pairs


def test_a_city_plan_one_level_deeper_is_aligned_at_its_items(tmp_path: Path) -> None:
    """苏府〔2024〕33号 puts its items one level below the State Council's ("（一）推进制造业设备更新与技术改造" over
    "1．加快重点行业技术改造", while 国发〔2024〕7号's "（五）开展汽车以旧换新" is an item itself): the city's units are read
    down to its "18．开展汽车以旧换新", which carries the national item."""
    parent = Path(__file__).parent / "fixtures" / "families" / "equipment_renewal" / "parent_cn_guofa_2024_7.md"
    city = Path(__file__).parent / "fixtures" / "markdown" / "suzhou_sufu_2024_33.md"
    files = {p.name: p.read_text(encoding="utf-8") for p in (parent, city)}
    compare_files(tmp_path, files, table="families")
    al = pd.read_csv(tmp_path / "out" / "compare" / "alignment.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    pairs = {(r.parent_unit, r.child_unit, r.relation) for r in al.itertuples(index=False) if r.child_doc_id == "suzhou_sufu_2024_33"}
    assert ("（五）", "18．", "modified") in pairs, pairs


def test_three_versions_of_one_text_are_one_family_of_siblings(tmp_path: Path) -> None:
    """A regulation as adopted and twice amended (珠海经济特区生态文明建设促进条例 2013, 2019, 2020 in the 文明行为
    Word files): each version reuses the others' wording, so the three are one family, each listed once (a family
    per pair listed the first version twice and made a second family of the later two)."""
    articles = [
        "第一条 为了推进生态文明建设，促进经济社会与资源环境协调发展，根据有关法律法规，结合本市实际，制定本条例。",
        "第二条 本市行政区域内的生态文明建设及其促进工作适用本条例，法律法规另有规定的从其规定。",
        "第三条 市人民政府应当将生态文明建设纳入国民经济和社会发展规划，并组织有关部门制定具体实施方案。",
        "第四条 各区人民政府负责本辖区内的生态文明建设工作，组织协调有关部门落实生态文明建设目标任务。",
        "第五条 市生态环境主管部门负责生态文明建设的统筹协调和监督管理工作，其他部门按照各自职责做好相关工作。",
        "第六条 鼓励公民、法人和其他组织参与生态文明建设，对在生态文明建设中做出显著成绩的单位和个人给予表彰奖励。",
        "第七条 本市建立生态文明建设目标责任制和考核评价制度，考核结果作为领导班子和领导干部综合评价的重要依据。",
        "第八条 本市加强生态文明宣传教育，普及生态文明知识，倡导绿色低碳的生产方式和生活方式，营造良好社会氛围。",
    ]

    def version(year: int, changed: int | None) -> str:
        body = [a.replace("。", "，每年向社会公布进展情况。") if i == changed else a for i, a in enumerate(articles)]
        return "# 甲市生态文明建设促进条例\n\n<!-- INFO END -->\n\n" + "\n\n".join(body) + f"\n\n第九条 本条例自{year}年1月1日起施行。\n"

    fam = compare_files(tmp_path, {"v2013.md": version(2013, None), "v2019.md": version(2019, 2), "v2020.md": version(2020, 5)})
    reuse = fam[fam["link"] == "reuse"]
    assert sorted(reuse["doc_id"]) == ["v2013", "v2019", "v2020"], fam
    assert set(reuse["family_id"]) == {"absent:reuse:v2013"} and set(reuse["role"]) == {"sibling"}, fam


NATIONAL_OPINION = """国务院关于加强甲事务诚信建设的指导意见
国发〔2016〕99号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
为加强甲事务诚信建设，现提出以下意见。
一、总体要求
（一）指导思想。将坚持依法行政、阳光行政和加强监督作为推进甲事务诚信建设的重要手段，不断提升诚信行政水平。
（二）基本原则。一是坚持依法行政。切实履行法定职责必须为、法无授权不可为的要求，做到依法决策、依法执行和依法监督。二是坚持政务公开。以公开为常态、不公开为例外，推进决策、执行、管理、服务和结果全过程公开。
（三）工作目标。到2020年，甲事务诚信建设制度基本健全。
二、保障措施
（一）加强组织领导。各地区要把甲事务诚信建设摆上重要议事日程。
国务院
2016年12月22日
"""

PROVINCE_PLAN = """丙省人民政府关于印发丙省加强甲事务诚信建设实施方案的通知
丙政发〔2017〕8号
各市人民政府，省政府各部门：
现将《丙省加强甲事务诚信建设实施方案》印发给你们，请认真贯彻落实。
为贯彻落实《国务院关于加强甲事务诚信建设的指导意见》（国发〔2016〕99号），制定本实施方案。
一、总体要求
（一）指导思想。坚持依法行政、政务公开、守信践诺和失信惩戒，全面提升各级政府诚信行政水平。
（二）基本原则。
1.坚持依法行政。切实履行法定职责必须为、法无授权不可为的要求，做到依法决策、依法执行和依法监督。
2.坚持政务公开。按照以公开为常态、不公开为例外的要求，加快推进决策、执行、管理、服务和结果全过程公开。
（三）工作目标。到2020年，全省甲事务诚信建设制度基本健全。
二、保障措施
（一）加强组织领导。各地要把甲事务诚信建设列入重要议事日程。
丙省人民政府
2017年6月9日
"""


def test_a_headings_items_are_its_unit_whether_run_in_or_listed(tmp_path: Path) -> None:
    """A national opinion writes its principles run in ("（二）基本原则。一是…二是…"), the province lists them as items
    under the heading ("（二）基本原则。" / "1.…" / "2.…"): the heading's unit holds its items, so the two are paired."""
    al = compare_files(tmp_path, {"national.txt": NATIONAL_OPINION, "province.txt": PROVINCE_PLAN}, table="alignment")
    got = {(r.parent_unit, r.child_unit, r.relation) for r in al.itertuples(index=False) if r.child_doc_id == "province"}
    assert {("（二）", "（二）", "modified"), ("（二）", "（二）", "same")} & got, got
    assert not any(rel in ("omitted", "added") for _, _, rel in got), got  # the unit no longer stands alone
