"""Notices of shapes the seeds do not have (other provinces, levels, document types, layouts, formats),
written for these tests in tests/fixtures/notices/ (Word files built by tests/fixture_docx.py), each scored
against its hand-checked gold in tests/fixtures/gold/ with pipeline.evaluate."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from fixture_docx import BUILDERS
from pipeline.evaluate import evaluate, read_tables
from pipeline.run import run_batch

HERE = Path(__file__).resolve().parent
NOTICES = HERE / "fixtures" / "notices"
GOLD = HERE / "fixtures" / "gold"
DOC_IDS = sorted(p.stem for p in GOLD.glob("*.json"))
MIN_F1 = 0.95


@pytest.fixture(scope="module")
def fixture_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("fixture-notices")
    for p in NOTICES.iterdir():
        shutil.copy(p, src / p.name)
    for doc_id, build in BUILDERS.items():
        build(src / f"{doc_id}.docx")
    out = tmp_path_factory.mktemp("fixture-out")
    res = run_batch(sorted(src.iterdir()), out)
    assert res.errors == 0, f"出错的文档：{res.errors}"
    return out


@pytest.fixture(scope="module")
def report(fixture_out: Path):  # type: ignore[no-untyped-def]
    return evaluate(GOLD, fixture_out)


@pytest.fixture(scope="module")
def tables(fixture_out: Path) -> dict[str, pd.DataFrame]:
    return read_tables(fixture_out)


def test_every_fixture_has_gold_and_a_source() -> None:
    sources = {p.stem for p in NOTICES.iterdir()} | set(BUILDERS)
    assert sources == set(DOC_IDS), f"无金标准或无原文：{sources ^ set(DOC_IDS)}"
    assert len(DOC_IDS) >= 12


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_fixture_f1(report, doc_id: str) -> None:  # type: ignore[no-untyped-def]
    assert doc_id not in report.missing, f"{doc_id} 不在输出中"
    failures = [
        f"{field}: F1={s.f1:.3f} (tp={s.tp} fp={s.fp} fn={s.fn})"
        for field, s in report.per_doc[doc_id].items()
        if s.f1 < MIN_F1
    ]
    assert not failures, f"{doc_id} 字段低于 {MIN_F1}：\n" + "\n".join(failures)


def _rows(tables: dict[str, pd.DataFrame], name: str, doc_id: str) -> pd.DataFrame:
    df = tables[name]
    return df[df["doc_id"] == doc_id]


def _doc(tables: dict[str, pd.DataFrame], doc_id: str) -> dict[str, str]:
    return _rows(tables, "documents", doc_id).iloc[0].to_dict()


# -- the trickiest shapes, asserted on their own so a regression names its cause


def test_title_and_two_line_recipients_stay_apart(tables: dict[str, pd.DataFrame]) -> None:
    """One paragraph per line, but the 主送机关 breaks over two lines: the title must not swallow it, and the
    contact line above the 署名 must not swallow the 署名."""
    d = _doc(tables, "hb_wuchang_jiedao")
    assert d["title"] == "武汉市武昌区中南路街道办事处关于开展2022年度辖区安全生产大检查的通知", d["title"]
    assert d["recipients"] == "各社区居委会；街属各部门；各科室；辖区各单位", d["recipients"]
    assert (d["issuer"], d["admin_level"], d["region_city"]) == ("武汉市武昌区中南路街道办事处", "township", "武汉市"), d


def test_hard_wrapped_notice_rejoins_cc_and_recipients(tables: dict[str, pd.DataFrame]) -> None:
    d = _doc(tables, "henan_lankao_hardwrap")
    assert d["recipients"] == "各乡（镇）人民政府；街道办事处；县人民政府各部门；各有关单位", d["recipients"]
    assert d["cc"].split("；")[-1] == "县检察院", f"抄送末项跨行被截断：{d['cc']}"
    assert (d["region_city"], d["admin_level"]) == ("开封市", "county"), d


def test_forwarded_document_is_a_reference_with_its_alias(tables: dict[str, pd.DataFrame]) -> None:
    refs = _rows(tables, "references", "sc_chengdu_zhuanfa")
    got = {(r.cited_doc_number, r.cited_title, r.alias) for r in refs.itertuples()}
    assert got == {("川办发〔2021〕18号", "四川省人民政府办公厅关于进一步做好稳就业工作的实施意见", "实施意见")}, got


def test_lead_co_parenthesis_with_station_units(tables: dict[str, pd.DataFrame]) -> None:
    """（街安监站牵头，街综合执法中心、街消防工作站配合）: a 站 is a unit even without a known function word."""
    tk = _rows(tables, "tasks", "hb_wuchang_jiedao")
    row = tk[tk["title"] == "开展联合检查"]
    assert len(row) == 1, tk[["title", "units"]].to_dict("records")
    assert row.iloc[0]["units"] == "街安监站；街综合执法中心；街消防工作站", row.iloc[0]["units"]
    assert row.iloc[0]["lead_unit"] == "街安监站"


def test_coordinated_levels_are_one_unit(tables: dict[str, pd.DataFrame]) -> None:
    """各县、区人民政府 and 各市、县（市、区）人民政府 name one kind of government each, not a bare 各县/各市."""
    units = set()
    for doc_id in ("gx_nanning_tongbao", "zj_prov_shishiyijian"):
        for u in _rows(tables, "tasks", doc_id)["units"]:
            units.update(u.split("；"))
    assert {"各县、区人民政府", "各市、县（市、区）人民政府"} <= units, units
    assert not units & {"各县", "各市", "区人民政府"}, units


def test_domain_table_variants_and_merged_bureaus(tables: dict[str, pd.DataFrame]) -> None:
    a = _rows(tables, "assignments", "gs_lintao_fangan")
    lead = {(r.domain, r.unit, r.unit_type) for r in a.itertuples() if r.role == "lead"}
    assert ("公共文化服务", "县文体广电和旅游局", "文化和旅游") in lead, "文体广电和旅游局应归文化和旅游，不是广播电视"
    assert {("重大建设项目", "县发展和改革局", "发展改革"), ("公共资源交易", "县发展和改革局", "发展改革")} <= lead, "一格两个领域"
    assert {("涉农补贴", "县农业农村局", "农业农村"), ("涉农补贴", "县财政局", "财政")} <= lead
    assert ("扶贫", "县乡村振兴局", "乡村振兴") in lead


def test_month_alone_in_a_deadline_cell(tables: dict[str, pd.DataFrame]) -> None:
    tk = _rows(tables, "tasks", "gs_lintao_fangan")
    row = tk[tk["deadline_text"] == "2021年6月"]
    assert list(row["due_date"]) == ["2021-06-30"], tk[["title", "deadline_text", "due_date"]].to_dict("records")
    dl = _rows(tables, "deadlines", "gs_lintao_fangan")
    assert ("2021年6月", "by", "2021-06-30") in {(r.text, r.kind, r.end) for r in dl.itertuples()}


def test_chapters_and_articles(tables: dict[str, pd.DataFrame]) -> None:
    """第X章 are level 1, 第X条 level 3; the （一） items inside 第四条 are enumerations, not headings."""
    secs = _rows(tables, "sections", "nmg_neizhengban_guiding")
    assert [r.heading for r in secs.itertuples() if r.level == "1"] == ["总则", "申请的提出", "申请的处理", "附则"]
    assert not any(r.label.startswith("（") for r in secs.itertuples()), secs[["label", "heading"]].to_dict("records")


def test_joint_issuers_on_a_web_page(tables: dict[str, pd.DataFrame]) -> None:
    d = _doc(tables, "gd_joint_renshe")
    assert d["issuer"] == "广东省人力资源和社会保障厅；广东省财政厅；国家税务总局广东省税务局", d["issuer"]
    assert (d["doc_number"], d["region_province"], d["admin_level"]) == ("粤人社规〔2021〕8号", "广东省", "provincial"), d


def test_letter_without_number(tables: dict[str, pd.DataFrame]) -> None:
    d = _doc(tables, "js_suzhou_han")
    assert (d["doc_number"], d["doc_type"], d["issuer"]) == ("", "函", "苏州市自然资源和规划局"), d


def test_gold_files_are_well_formed() -> None:
    for doc_id in DOC_IDS:
        g = json.loads((GOLD / f"{doc_id}.json").read_text(encoding="utf-8"))
        assert g["doc_id"] == doc_id
        for t in g["tasks"]:
            assert t["units"], f"{doc_id}: 任务 {t['title']} 无责任单位"


def test_units_responsible_by_division_of_duties(tables: dict[str, pd.DataFrame]) -> None:
    """（省自然资源厅、省财政厅按职责分工负责） makes a task whose units are all responsible."""
    tk = _rows(tables, "tasks", "sc_joint_yijian")
    row = tk[tk["title"] == "强化要素保障"]
    assert list(row["units"]) == ["省自然资源厅；省财政厅"], tk[["title", "units"]].to_dict("records")


def test_joint_signature_on_one_line_and_title_after_issuers(tables: dict[str, pd.DataFrame]) -> None:
    d = _doc(tables, "sc_joint_yijian")
    assert d["issuer"] == "四川省发展和改革委员会；四川省财政厅；四川省自然资源厅", d["issuer"]
    assert d["title"] == "四川省发展和改革委员会 四川省财政厅 四川省自然资源厅关于加强省级重大建设项目储备管理的意见", d["title"]  # spaced as printed


def test_an_item_beside_tagged_ones_is_a_task_of_the_units_its_text_opens_with(tables: dict[str, pd.DataFrame]) -> None:
    """四、强化督促落实 has no （责任单位：…） tag while the items before it do: it is a task row all the same, of the
    unit its text opens with ("市人社局要会同有关部门建立工作台账…"; an item naming none is a row with no units,
    test_notice_shapes.py), so an analyst can list every task; the 指导思想-like parts never are."""
    tk = _rows(tables, "tasks", "sc_chengdu_zhuanfa")
    untagged = tk[tk["title"] == "强化督促落实"]
    assert list(zip(untagged["units"], untagged["lead_unit"], untagged["lead_units"])) == [("市人社局", "市人社局", "")], tk[["title", "units"]].to_dict("records")
    assert not (tk["units"] == "").any(), tk[["title", "units"]].to_dict("records")
    assert list(tk["task_id"]) == [f"t{i + 1}" for i in range(len(tk))]  # numbered in the order of the text
    assert list(tk["start_char"].astype(int)) == sorted(tk["start_char"].astype(int))
