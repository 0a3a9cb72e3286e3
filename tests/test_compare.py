"""`compare` (issue 5): coverage, responsibility, milestones, citations and text reuse across documents."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from conftest import SEEDS, run_cli
from corpus_helpers import SEED_IDS, built
from pipeline.compare import build_comparisons, canonical_domains, iter_comparisons, load_corpus
from pipeline.export import Chunks
from pipeline.store import StoreTexts, TextsById
from pipeline.store import load_tables as load_corpus_tables

HENAN, TIELING = SEED_IDS
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")

PARENT = """河北省人民政府办公厅

冀政办〔2021〕3号

河北省人民政府办公厅关于加强基层政务公开工作的通知

各市（含定州、辛集市）人民政府，省政府各部门：

为加强基层政务公开工作，现就有关事项通知如下。

一、明确工作目标

基层政府要全面梳理本级政务公开事项，编制完成政务公开事项标准目录并向社会公布。各级政务公开主管部门要加强对基层政务公开工作的指导和监督检查。

二、强化工作保障

各地要把政务公开工作经费纳入本级财政预算，配齐配强专职工作人员。省政府办公厅将适时组织专项督查，督查结果在全省范围内通报。

河北省人民政府办公厅

2021年3月1日
"""

# quotes the parent's first sentence verbatim and its second with 切实 added; the rest is its own
CHILD = """石家庄市人民政府办公室

石政办〔2021〕8号

石家庄市人民政府办公室关于做好基层政务公开工作的通知

各县（市、区）人民政府，市政府各部门：

为贯彻落实《河北省人民政府办公厅关于加强基层政务公开工作的通知》（冀政办〔2021〕3号），现就我市有关工作通知如下。

一、工作任务

基层政府要全面梳理本级政务公开事项，编制完成政务公开事项标准目录并向社会公布。各级政务公开主管部门要切实加强对基层政务公开工作的指导和监督检查。各县（市、区）要在2021年6月底前完成本地区目录编制工作。

二、工作要求

市政府办公室每季度对各地工作进展情况进行调度，调度情况纳入年度绩效考核。

石家庄市人民政府办公室

2021年4月2日
"""


@pytest.fixture(scope="module")
def seeds_compared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, pd.DataFrame]]:
    out = tmp_path_factory.mktemp("compare-seeds")
    assert run_cli(str(SEEDS), "--out", str(out)).returncode == 0
    proc = run_cli("compare", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return out, build_comparisons(load_corpus_tables(out))


@pytest.fixture(scope="module")
def parent_child(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("compare-reuse")
    (root / "in").mkdir()
    (root / "in" / "hebei_parent.txt").write_text(PARENT, encoding="utf-8")
    (root / "in" / "sjz_child.txt").write_text(CHILD, encoding="utf-8")
    assert run_cli(str(root / "in"), "--out", str(root / "out")).returncode == 0
    assert run_cli("compare", "--out", str(root / "out")).returncode == 0
    return root / "out"


def test_both_seeds_cover_all_26_domains(seeds_compared: tuple[Path, dict[str, pd.DataFrame]]) -> None:
    cov = seeds_compared[1]["coverage"].set_index("doc_id")
    assert len(canonical_domains()) == 26
    assert list(cov.columns[5:-1]) == list(canonical_domains())
    for doc in (HENAN, TIELING):
        missing = [d for d in canonical_domains() if cov.loc[doc, d] != 1]
        assert cov.loc[doc, "n_domains"] == 26, f"{doc} 缺少试点领域: {missing}"
    assert cov.loc[HENAN, "admin_level"] == "provincial" and cov.loc[TIELING, "region_city"] == "铁岭市"


def test_seeds_agree_on_every_lead_department_except_food_and_drugs(seeds_compared: tuple[Path, dict[str, pd.DataFrame]]) -> None:
    resp = seeds_compared[1]["responsibility"].set_index("domain")
    assert list(resp.columns) == [HENAN, TIELING, "disagree"]
    assert list(resp.index[resp["disagree"].fillna(False)]) == ["食品药品监管"], "只有食品药品监管领域两份文件的牵头部门不同"
    assert resp.loc["食品药品监管", HENAN] == "市场监管；药品监管"
    assert resp.loc["食品药品监管", TIELING] == "市场监管"
    assert (resp.loc[resp.index != "食品药品监管", HENAN] != "").all(), "河南每个领域都有牵头部门"
    assert resp.loc["城乡规划", TIELING] == "自然资源"


def test_milestones_of_both_seeds_side_by_side(seeds_compared: tuple[Path, dict[str, pd.DataFrame]]) -> None:
    out, comp = seeds_compared
    ms = comp["milestones"]
    deadlines = load_corpus_tables(out)["deadlines"]
    assert len(ms) == len(deadlines) and set(ms.doc_id) == {HENAN, TIELING}, "每个期限都列出"
    for col in ("start", "end", "earliest", "latest"):
        assert all(v == "" or ISO.match(v) for v in ms[col]), f"{col} 必须是 ISO 日期"
    dated = ms[ms.earliest != ""]
    assert (dated.earliest <= dated.latest).all()
    # Henan's 2020年5月底前 sits under （一）全面落实试点领域标准指引; Tieling's tasks are 全面落实国家试点领域标准指引
    fam = ms[ms.family.str.contains("试点领域标准指引")]
    assert set(fam.doc_id) == {HENAN, TIELING} and fam.family.nunique() == 1, fam.to_string()
    assert set(fam.earliest) == {"2020-05-31"} and set(fam.latest) == {"2021-12-31"}, fam.to_string()
    assert set(ms[ms.doc_id == TIELING].task_title) >= {"开展政务公开重点工作标准化规范化试点"}


def test_seed_citations_reach_the_national_and_provincial_level(seeds_compared: tuple[Path, dict[str, pd.DataFrame]]) -> None:
    cit = seeds_compared[1]["citations"]
    national = cit[cit.cited_doc_number == "国办发〔2019〕54号"]
    assert set(national.citing_doc_id) == {HENAN, TIELING}
    assert set(national.cited_admin_level) == {"national"} and set(national.cited_doc_id) == {""}, "国办发54号不在语料库中"
    liaoning = cit[(cit.citing_doc_id == TIELING) & (cit.cited_doc_number == "辽政办发〔2020〕13号")]
    assert list(liaoning.cited_admin_level) == ["provincial"] and list(liaoning.citing_admin_level) == ["municipal"]
    assert seeds_compared[1]["reuse"].empty, "被引用的文件不在语料库中，就没有复用行"


def test_compare_writes_csv_xlsx_and_graphml(seeds_compared: tuple[Path, dict[str, pd.DataFrame]]) -> None:
    from pipeline.compare import column_labels

    folder = seeds_compared[0] / "compare"
    docs = load_corpus_tables(seeds_compared[0])["documents"]
    exported = dict(seeds_compared[1])  # the matrix's columns are headed by 文号 in the files
    exported["responsibility"] = exported["responsibility"].rename(columns=column_labels(docs))
    for name in ("coverage", "responsibility", "milestones", "citations", "reuse", "reuse_pairs"):
        df = pd.read_csv(folder / f"{name}.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
        assert list(df.columns) == [str(c) for c in exported[name].columns], name
    from openpyxl import load_workbook

    assert "responsibility" in load_workbook(folder / "compare.xlsx").sheetnames
    g = nx.read_graphml(folder / "citations.graphml")
    assert g.has_edge(TIELING, "国办发〔2019〕54号") and g.nodes["国办发〔2019〕54号"]["admin_level"] == "national"


def test_a_child_citing_a_parent_in_the_corpus_is_resolved_and_its_reuse_measured(parent_child: Path) -> None:
    comp = build_comparisons(load_corpus_tables(parent_child))
    cit = comp["citations"]
    row = cit[cit.citing_doc_id == "sjz_child"].iloc[0]
    assert (row.cited_doc_id, row.cited_admin_level, row.citing_admin_level) == ("hebei_parent", "provincial", "municipal")
    reuse = comp["reuse"]
    assert len(reuse) == 1
    r = reuse.iloc[0]
    assert (r.doc_id, r.parent_doc_id, r.reused) == ("sjz_child", "hebei_parent", 2), reuse.to_string()
    assert r.sentences >= 5 and r.share == round(2 / r.sentences, 3)
    pairs = comp["reuse_pairs"]
    assert set(pairs.parent_sentence) == {
        "基层政府要全面梳理本级政务公开事项，编制完成政务公开事项标准目录并向社会公布。",
        "各级政务公开主管部门要加强对基层政务公开工作的指导和监督检查。",
    }
    assert "各级政务公开主管部门要切实加强对基层政务公开工作的指导和监督检查。" in set(pairs.sentence), "近乎逐字的句子也算复用"
    assert not pairs.sentence.str.contains("每季度").any(), "自己的句子不算复用"
    g = nx.read_graphml(parent_child / "compare" / "citations.graphml")
    assert g.has_edge("sjz_child", "hebei_parent")


def test_compare_reads_only_what_it_uses_and_gives_the_same_tables(seeds_compared: tuple[Path, dict[str, pd.DataFrame]], parent_child: Path) -> None:
    """`compare` loads the store without the evidence cells and rows it never shows (issue 14: memory at scale),
    the mention rows grouped as the codebook by DuckDB; the comparisons are the same as from the whole tables,
    the codebook's first evidence included."""
    for out in (seeds_compared[0], parent_child):
        whole, lean = load_corpus_tables(out), load_corpus(out)
        assert set(lean["assignments"].evidence) <= {""} and set(lean["deadlines"].evidence) == {""} and lean["errors"].empty
        assert lean["domains"].empty and set(lean["assignments"].role) <= {"lead"}
        sec = lean["sections"]
        # (levels 1-3: a family's alignment may read one text's items a level deeper, families._matched_units)
        assert ((sec.level <= 3) | sec.label.str.fullmatch(r"第[一二三四五六七八九十百零〇\d]+条")).all() and len(sec) <= len(whole["sections"])
        assert lean["texts"].empty, "texts are read from the store as the comparisons ask for them"
        parts = dict(iter_comparisons(lean))["codebooks"]
        assert isinstance(parts, Chunks), "from a store, the codebook is read as it is written"
        grouped = parts.frame()
        compared = whole["domains"][whole["domains"].doc_id.isin(set(whole["documents"].query("error == '' and duplicate_of == ''").doc_id))]
        assert grouped.mentions.sum() == len(compared), "every mention counted once"
        first = compared.drop_duplicates(["doc_id", "taxonomy", "domain"])
        assert list(grouped.first_evidence) == list(first.evidence), "a code's first sentence, codes in store order"
        a, b = build_comparisons(whole), build_comparisons(lean)
        assert a.keys() == b.keys()
        for name in a:
            pd.testing.assert_frame_equal(a[name], b[name], obj=name)
    assert len(build_comparisons(load_corpus(seeds_compared[0]))["codebooks"]) > 0
    whole_sections = load_corpus_tables(seeds_compared[0])["sections"]
    kept = (whole_sections.level <= 3) | whole_sections.label.str.fullmatch(r"第[一二三四五六七八九十百零〇\d]+条")
    assert len(load_corpus(seeds_compared[0])["sections"]) == int(kept.sum()), "only the levels the alignment reads are loaded"


def test_texts_read_from_the_store_a_range_at_a_time_are_the_stored_texts(seeds_compared: tuple[Path, dict[str, pd.DataFrame]], parent_child: Path) -> None:
    """compare reads each text from the store when it needs it (issue 14), a range of texts in store order per
    query, a bounded number kept, the connection opened again after so many texts: in any order of asking,
    with any read-ahead, however little is kept and however often it reconnects, every document's text is the
    stored one."""
    for out in (seeds_compared[0], parent_child):
        whole = TextsById(load_corpus_tables(out)["texts"])
        assert len(whole) >= 2
        for ahead, keep, reopen in ((StoreTexts.READ_AHEAD, StoreTexts.KEEP_CHARS, StoreTexts.REOPEN_TEXTS), (1, 1, 1), (2, 10, 3)):
            with StoreTexts(out / "corpus.duckdb") as texts:
                texts.READ_AHEAD, texts.KEEP_CHARS, texts.REOPEN_TEXTS = ahead, keep, reopen
                assert set(texts) == set(whole) and len(texts) == len(whole)
                for doc_id in [*reversed(list(whole)), *whole, *whole]:
                    assert doc_id in texts and texts[doc_id] == whole[doc_id] and texts[doc_id]
                assert sum(map(len, texts._kept.values())) <= max(keep, max(map(len, texts._kept.values()))), "no more kept than asked"
                assert "no-such-doc" not in texts
                with pytest.raises(KeyError):
                    texts["no-such-doc"]


def test_a_store_without_a_texts_table_has_no_texts(tmp_path: Path) -> None:
    """A store written without the texts table reads as one with no texts (as store.read_store reads it), not as
    a broken database."""
    import duckdb

    db = tmp_path / "corpus.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE documents (doc_id VARCHAR)")
    con.close()
    with StoreTexts(db) as texts:
        assert len(texts) == 0 and "d1" not in texts and list(texts) == []


@pytest.mark.shared
def test_compare_over_seeds_pdfs_and_wild_notices(tmp_path_factory: pytest.TempPathFactory) -> None:
    _, _, out = built(tmp_path_factory)
    comp = build_comparisons(load_corpus_tables(out))
    docs = set(comp["coverage"].doc_id)
    assert {HENAN, TIELING} <= docs
    cit = comp["citations"]
    assert set(cit.citing_doc_id) <= docs and set(cit.cited_doc_id) - {""} <= docs
    xinjiang = cit[cit.cited_doc_number == "新政办发〔2010〕79号"]
    assert list(xinjiang.cited_admin_level) == ["provincial"], "新疆的文号在引用表中"
    resp = comp["responsibility"]
    assert list(resp.columns[1:-1]) == [d for d in comp["coverage"].doc_id if d in set(resp.columns)]


def test_compare_without_a_corpus_is_a_usage_error(tmp_path: Path) -> None:
    proc = run_cli("compare", "--out", str(tmp_path))
    assert proc.returncode == 2 and "no corpus" in proc.stderr, proc.stderr


def test_milestones_group_only_within_a_document_or_family() -> None:
    """Two unrelated plans that both have a heading 主要目标 get two milestone groups, each with its own
    earliest/latest; responsibility says nothing (NA) where fewer than two documents name a lead."""
    from pipeline.compare import milestone_table, responsibility_table

    docs = pd.DataFrame({"doc_id": ["a", "b"], "doc_number": ["甲〔2020〕1号", "乙〔2021〕2号"]})
    dl = pd.DataFrame({
        "doc_id": ["a", "b"], "text": ["到2022年", "到2025年"], "kind": ["target", "target"], "start": ["", ""],
        "end": ["2022-12-31", "2025-12-31"], "frequency": ["", ""], "task_id": ["", ""], "start_char": [30, 30],
    })
    sections = pd.DataFrame({"doc_id": ["a", "b"], "level": [1, 1], "heading": ["主要目标", "主要目标"], "start_char": [10, 10]})
    tasks = pd.DataFrame({"doc_id": pd.Series([], dtype=str), "task_id": pd.Series([], dtype=str), "title": pd.Series([], dtype=str)})
    out = milestone_table(docs, dl, tasks, sections)
    assert list(out["family"]) == ["主要目标", "主要目标"]
    assert list(out["policy_family"]) == ["a", "b"]
    assert list(out["latest"]) == ["2022-12-31", "2025-12-31"], "each plan's group keeps its own dates"
    fam = pd.DataFrame({"family_id": ["f", "f"], "doc_id": ["a", "b"]})
    joint = milestone_table(docs, dl, tasks, sections, fam)
    assert list(joint["latest"]) == ["2025-12-31", "2025-12-31"], "within one family the two are one milestone"
    asg = pd.DataFrame({"doc_id": ["a"], "domain": ["就业"], "unit": ["市人社局"], "unit_type": ["人力资源社会保障"], "role": ["lead"]})
    resp = responsibility_table(docs, asg)
    assert resp["disagree"].isna().all(), "one document alone neither agrees nor disagrees"


def test_same_document_from_two_sources_is_one(tmp_path: Path) -> None:
    """The Henan seed as a text export and as a web page (same 文号, same issuer): one document, the other
    recorded as its copy, and the comparisons count it once."""
    import html

    seed = SEEDS / "000_0ac1c0e2edb665b1.txt"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_export.txt").write_bytes(seed.read_bytes())
    lines = seed.read_text(encoding="utf-8").splitlines()
    page = "<html><head><meta charset='utf-8'><title>转载</title></head><body><div class='content'>" + "".join(f"<p>{html.escape(x)}</p>" for x in lines) + "</div></body></html>"
    (folder / "b_repost.html").write_text(page, encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli(str(folder), "--out", str(out)).returncode in (0, 1)
    docs = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig").set_index("doc_id")
    assert docs.loc["b_repost", "doc_number"] == docs.loc["a_export", "doc_number"] == "豫政办〔2020〕5号"
    assert (docs.loc["a_export", "duplicate_of"], docs.loc["b_repost", "duplicate_of"]) == ("", "a_export")
    assert run_cli("compare", "--out", str(out), "--format", "csv").returncode == 0
    coverage = pd.read_csv(out / "compare" / "coverage.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(coverage["doc_id"]) == ["a_export"]


def test_workbook_headers_in_chinese_and_matrix_by_doc_number(seeds_compared: tuple[Path, dict[str, pd.DataFrame]], tmp_path: Path) -> None:
    """--headers zh heads the workbook in Chinese (CSV keeps the contract's names); the responsibility matrix is
    headed by 文号; a matrix wider than Excel's 16,384 columns goes to the workbook in long form only."""
    from openpyxl import load_workbook

    from pipeline.compare import write_comparisons

    out, comp = seeds_compared
    assert run_cli("compare", "--out", str(out), "--to", str(tmp_path / "zh"), "--headers", "zh").returncode == 0
    wb = load_workbook(tmp_path / "zh" / "compare.xlsx", read_only=True)
    head = [c.value for c in next(wb["responsibility"].iter_rows(max_row=1))]
    assert head == ["领域", "豫政办〔2020〕5号", "铁公开领〔2020〕1号", "不一致"], head
    long_head = [c.value for c in next(wb["responsibility_long"].iter_rows(max_row=1))]
    assert long_head[:3] == ["领域", "文件编号", "发文字号"], long_head
    csv_head = pd.read_csv(tmp_path / "zh" / "responsibility.csv", nrows=0, encoding="utf-8-sig").columns.tolist()
    assert csv_head[0] == "domain" and "豫政办〔2020〕5号" in csv_head
    wide = dict(comp)
    wide["responsibility"] = pd.DataFrame([["就业", *["人社"] * 16400, True]], columns=["domain", *[f"d{i}" for i in range(16400)], "disagree"])
    write_comparisons(wide, tmp_path / "wide", ["xlsx"])
    names = load_workbook(tmp_path / "wide" / "compare.xlsx", read_only=True).sheetnames
    assert "responsibility" not in names and "responsibility_long" in names, names


def test_a_notice_without_a_number_saved_twice_is_one_document(tmp_path: Path) -> None:
    """The same notice without a 文号 (a page's notice) saved in two encodings (bytes differ): same issuer,
    title and 成文日期, one document; a notice of the same title on another date, or of another issuer, is not
    a copy."""
    notice = "丁县人民政府关于做好防汛工作的通知\n各乡镇人民政府：\n现就做好防汛工作通知如下。各乡镇要于2024年5月31日前完成隐患排查。\n丁县人民政府\n{date}\n"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_site.txt").write_bytes(notice.format(date="2024年5月1日").encode("gb18030"))
    (folder / "b_repost.txt").write_bytes(notice.format(date="2024年5月1日").encode("utf-8"))
    (folder / "c_next_year.txt").write_bytes(notice.format(date="2025年5月1日").encode("utf-8"))
    (folder / "d_other_county.txt").write_bytes(notice.format(date="2024年5月1日").replace("丁县", "戊县").encode("utf-8"))
    out = tmp_path / "out"
    assert run_cli(str(folder), "--out", str(out)).returncode == 0
    docs = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig").set_index("doc_id")
    assert dict(docs["duplicate_of"]) == {"a_site": "", "b_repost": "a_site", "c_next_year": "", "d_other_county": ""}, dict(docs["duplicate_of"])
