"""The HTML review report report_out from the two seed notices: content, escaping, offsets, self-containment."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from lxml import html as lxml_html

from conftest import read_table as _csv
from pipeline.cli import main
from pipeline.report.highlight import Span, highlight

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def tree(report_out: Path) -> lxml_html.HtmlElement:
    return lxml_html.fromstring((report_out / "report.html").read_text(encoding="utf-8"))


def _doc_page(tree: lxml_html.HtmlElement, doc_id: str) -> lxml_html.HtmlElement:
    pages = tree.xpath(f'//section[@data-doc-id="{doc_id}"]')
    assert len(pages) == 1, f"文件 {doc_id} 应有且只有一个页面"
    return pages[0]


def _marked_text(page: lxml_html.HtmlElement, rid: str) -> str:
    return "".join(s.text_content() for s in page.xpath('.//pre[@class="doctext"]//span[@data-r]') if rid in s.get("data-r").split())


def test_overview_lists_every_document(report_out: Path, tree: lxml_html.HtmlElement) -> None:
    docs = _csv(report_out, "documents")
    rows = tree.xpath('//table[@id="docs-table"]/tbody/tr')
    assert [r.get("data-doc-id") for r in rows] == list(docs["doc_id"]), "概览表应按顺序列出每个文件"
    for row, doc in zip(rows, docs.to_dict("records")):
        cells = [c.text_content().strip() for c in row.xpath("./td")]
        assert cells[0] == doc["doc_number"] and cells[2] == doc["title"], f"概览行应显示文号和标题: {cells}"
        assigned = (_csv(report_out, "assignments")["doc_id"] == doc["doc_id"]).sum()
        assert cells[10] == str(assigned), f"分工数应为 {assigned}"


def test_text_is_the_normalised_text_unchanged(report_out: Path, tree: lxml_html.HtmlElement) -> None:
    for doc_id in _csv(report_out, "documents")["doc_id"]:
        with (report_out / "text" / f"{doc_id}.txt").open(encoding="utf-8", newline="") as f:
            text = f.read()
        shown = _doc_page(tree, doc_id).xpath('.//pre[@class="doctext"]')[0].text_content()
        assert shown == text, f"{doc_id} 页面上的正文应与 text/{doc_id}.txt 完全一致"


@pytest.mark.parametrize("table,prefix", [("assignments", "asg"), ("tasks", "task"), ("deadlines", "dl"), ("references", "ref"), ("domains", "dom")])
def test_every_row_marks_exactly_its_offsets(report_out: Path, tree: lxml_html.HtmlElement, table: str, prefix: str) -> None:
    df = _csv(report_out, table)
    assert len(df), f"种子文件应产生 {table} 行"
    for doc_id, rows in df.groupby("doc_id", sort=False):
        text = (report_out / "text" / f"{doc_id}.txt").read_text(encoding="utf-8")
        page = _doc_page(tree, str(doc_id))
        for i, rec in enumerate(rows.to_dict("records")):
            s, e = int(rec["start_char"]), int(rec["end_char"])
            assert _marked_text(page, f"{prefix}-{i}") == text[s:e], f"{table} 第{i}行的高亮应正好是原文[{s}:{e}]"
            tr = page.xpath(f'.//tr[@data-target="{prefix}-{i}"]')
            assert tr and tr[0].get("data-start") == str(s), f"{table} 第{i}行应链接到其证据"


def test_document_fields_link_to_their_evidence(report_out: Path, tree: lxml_html.HtmlElement) -> None:
    for doc in _csv(report_out, "documents").to_dict("records"):
        text = (report_out / "text" / f"{doc['doc_id']}.txt").read_text(encoding="utf-8")
        page = _doc_page(tree, doc["doc_id"])
        marked = _marked_text(page, "fld-doc_number")
        assert marked and marked in text and doc["doc_number"] == marked, f"文号 {doc['doc_number']} 应在正文中按位置高亮"


def test_report_is_self_contained(report_out: Path, tree: lxml_html.HtmlElement) -> None:
    assert not tree.xpath("//script[@src] | //link | //img[@src] | //iframe"), "报告不应引用外部资源"
    raw = (report_out / "report.html").read_text(encoding="utf-8")
    assert not [u for u in ("src=\"http", "href=\"http", "url(http", "@import") if u in raw], "报告不应加载网络资源"
    assert tree.xpath("//meta[@charset='utf-8']"), "报告应声明 UTF-8"


def _report_of(tmp_path: Path, name: str, text: str) -> tuple[Path, lxml_html.HtmlElement]:
    """The output folder and the parsed report of one notice, `name`.txt, run through the CLI."""
    src = tmp_path / "in" / f"{name}.txt"
    src.parent.mkdir()
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    main([str(src), "--out", str(out)])
    assert main(["report", "--out", str(out)]) == 0
    return out, lxml_html.fromstring((out / "report.html").read_text(encoding="utf-8"))


def test_text_and_values_are_escaped(tmp_path: Path) -> None:
    """A notice whose text looks like markup shows it as text; nothing in it becomes an element."""
    out, tree = _report_of(
        tmp_path,
        "escape_test",
        "某县人民政府办公室文件\n某政办〔2021〕3号\n关于<script>alert(1)</script>做好<b>政务公开</b>工作的通知\n"
        "各乡镇人民政府：\n一、工作目标\n2021年年底前，完成<i>财政预决算</i>领域公开事项目录。\n某县人民政府办公室\n2021年3月1日\n",
    )
    assert not tree.xpath("//main//b | //main//i | //main//script[not(@type='application/json')]"), "正文中的标记应作为文字显示"
    title = _csv(out, "documents")["title"].iloc[0]
    assert "<script>" in title and title in str(_spec(tree, "coverage")), "图表数据中的标题应完整保留（JSON 内已转义）"
    shown = tree.xpath('//pre[@class="doctext"]')[0].text_content()
    assert shown == (out / "text" / "escape_test.txt").read_text(encoding="utf-8"), "正文应原样显示"
    assert "<script>alert" in shown and "<i>财政预决算</i>" in shown, "转义后的标记应作为文字可见"


def test_missing_output_folder_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--out", str(tmp_path / "nothing")]) == 2
    assert "run the pipeline first" in capsys.readouterr().err


def test_overlapping_spans_cut_into_pieces() -> None:
    text = "甲乙<丙>丁戊己"
    out = lxml_html.fragment_fromstring(highlight(text, [Span("t", "task", 0, 7), Span("d", "domain", 2, 5), Span("bad", "unit", 5, 99)]), create_parent="pre")
    assert out.text_content() == text
    pieces = [(s.text_content(), s.get("data-r").split()) for s in out.xpath(".//span")]
    assert pieces == [("甲乙", ["t"]), ("<丙>", ["t", "d"]), ("丁戊", ["t"])], f"重叠的片段应各自带上覆盖它的行: {pieces}"


def test_report_without_texts_still_renders(report_out: Path, tmp_path: Path) -> None:
    """A document whose text is gone (a failed ingest) gets a page saying so instead of breaking the report."""
    import duckdb

    out = tmp_path / "out"
    shutil.copytree(report_out, out)
    victim = _csv(out, "documents")["doc_id"].iloc[0]
    (out / "text" / f"{victim}.txt").unlink()
    with duckdb.connect(str(out / "corpus.duckdb")) as con:  # the report reads the store, the corpus's truth
        con.execute("DELETE FROM texts WHERE doc_id = ?", [victim])
    assert main(["report", "--out", str(out)]) == 0
    page = _doc_page(lxml_html.fromstring((out / "report.html").read_text(encoding="utf-8")), victim)
    assert "没有规范化文本" in page.text_content()


def _spec(tree: lxml_html.HtmlElement, name: str) -> dict:
    import json

    scripts = tree.xpath(f'//script[@id="spec-{name}"]')
    assert scripts, f"比较页应有 {name} 图"
    return json.loads(scripts[0].text)


def test_heatmap_has_one_cell_per_document_and_domain(report_out: Path, tree: lxml_html.HtmlElement) -> None:
    from pipeline.compare import canonical_domains

    spec = _spec(tree, "coverage")
    values = next(iter(spec["datasets"].values()))
    docs = _csv(report_out, "documents")
    assert len(values) == len(docs) * 26 == len(docs) * len(canonical_domains()), "热力图应为 文件数×26 个格子"
    domains = _csv(report_out, "domains")
    for v in values:
        doc_id = docs["doc_id"].iloc[v["doc_page"]]
        named = ((domains["doc_id"] == doc_id) & (domains["domain"] == v["domain"]) & (domains["taxonomy"] == "gov-open-26")).any()
        assert v["named"].startswith("是") == bool(named), f"{doc_id} {v['domain']} 的覆盖应与 domains 表一致"


def test_matrix_marks_disagreements(report_out: Path, tree: lxml_html.HtmlElement) -> None:
    asg = _csv(report_out, "assignments")
    lead = asg[(asg["role"] == "lead") & (asg["unit_type"] != "")]
    rows = tree.xpath('//table[@id="matrix-table"]/tbody/tr')
    assert len(rows) >= 26, "责任矩阵应每个领域一行"
    for tr in rows:
        domain = tr.xpath("./td")[0].text_content()
        types = {"；".join(sorted(set(g["unit_type"]))) for _, g in lead[lead["domain"] == domain].groupby("doc_id")}
        assert (tr.get("class") == "disagree") == (len(types) > 1), f"{domain}: 牵头单位类型 {types} 的不一致标记有误"


def test_matrix_cells_link_to_a_lead_assignment(report_out: Path, tree: lxml_html.HtmlElement) -> None:
    docs = list(_csv(report_out, "documents")["doc_id"])
    asg = _csv(report_out, "assignments")
    links = tree.xpath('//table[@id="matrix-table"]//a[@data-goto]')
    assert links, "矩阵单元格应链接到分工证据"
    for a in links:
        doc_id = docs[int(a.get("href").removeprefix("#doc-"))]
        i = int(a.get("data-goto").removeprefix("asg-"))
        row = asg[asg["doc_id"] == doc_id].iloc[i]
        domain = a.getparent().getparent().xpath("./td")[0].text_content()
        assert row["role"] == "lead" and row["domain"] == domain and row["unit_type"] in a.text_content(), f"{domain} 的链接应指向牵头分工行"


def test_a_large_corpus_gets_a_page_per_document_and_aggregated_charts(report_out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 14: from PAGED_FROM documents each document's page is its own file (the report stays small and
    opens fast), the coverage chart counts per place instead of per document, the matrix shows the first
    documents with a note; a smaller corpus again puts every page back inline. Thresholds lowered to the two
    seeds here; the figures at 10,000 documents are in bench/README.md."""
    import json

    from pipeline import report as rep
    from pipeline.report import comparison

    out = tmp_path / "out"
    shutil.copytree(report_out, out)
    monkeypatch.setattr(rep, "PAGED_FROM", 2)
    monkeypatch.setattr(comparison, "CHART_MAX_DOCS", 1)
    monkeypatch.setattr(comparison, "MATRIX_MAX_DOCS", 1)
    path = rep.build_report(out)
    page = lxml_html.fromstring(path.read_text(encoding="utf-8"))
    assert not page.xpath("//section[contains(@class, 'doc')]")
    assert page.xpath("//body/@data-doc-base") == ["report_docs/"]
    links = page.xpath("//table[@id='docs-table']//a/@href")
    assert links and all(h.startswith("report_docs/doc-") for h in links)
    files = sorted((out / "report_docs").glob("doc-*.html"))
    assert [f.name for f in files] == ["doc-0.html", "doc-1.html"]
    one = lxml_html.fromstring(files[1].read_text(encoding="utf-8"))
    assert one.xpath("//body/@data-default") == ["doc-1"]
    assert one.xpath("//header//a/@href")[0] == "../report.html#overview"
    assert one.xpath("//section[@id='doc-1']//pre[@class='doctext']")
    spec = json.loads(page.xpath("//script[@id='spec-coverage']")[0].text)
    assert "share" in json.dumps(spec) and "河南省" in json.dumps(spec, ensure_ascii=False)
    assert "矩阵只列出前 1 份文件（共 2 份）" in path.read_text(encoding="utf-8")
    monkeypatch.setattr(rep, "PAGED_FROM", 200)
    rep.build_report(out)
    assert not (out / "report_docs").exists()


def test_a_large_corpus_report_read_from_the_store_a_batch_at_a_time_is_the_whole_read_report(
    report_out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 14: with a store, the pages of a paged report are written a batch of documents at a time (their
    rows read from the store) and the overview's counts are counted there; the report and every page are
    byte for byte what reading all the tables at once gives."""
    from pipeline import report as rep

    out = tmp_path / "out"
    shutil.copytree(report_out, out)
    monkeypatch.setattr(rep, "PAGED_FROM", 2)
    monkeypatch.setattr(rep, "PAGE_BATCH", 1)
    reads: list[list[str]] = []
    real_read = rep.read_output

    def counted(out_dir: Path, *, doc_ids: list[str] | None = None) -> object:
        reads.append(list(doc_ids) if doc_ids is not None else ["*"])
        return real_read(out_dir, doc_ids=doc_ids)

    monkeypatch.setattr(rep, "read_output", counted)
    rep.build_report(out)
    docs = list(_csv(out, "documents")["doc_id"])
    assert [r for r in reads if len(r) == 1] == [[d] for d in docs], "每批只读一份文件的行"
    assert ["*"] not in reads, "有数据库时不整表读取"
    batched = {p.name: p.read_bytes() for p in (out / "report_docs").glob("*.html")} | {"report.html": (out / "report.html").read_bytes()}
    monkeypatch.setattr(rep, "read_overview", lambda *a, **k: None)  # the whole-read path, as for a CSV-only folder
    rep.build_report(out)
    whole = {p.name: p.read_bytes() for p in (out / "report_docs").glob("*.html")} | {"report.html": (out / "report.html").read_bytes()}
    assert len(batched) == len(docs) + 1 and batched == whole


def test_a_family_lists_at_most_its_cap_of_children_and_counts_them_all(monkeypatch: pytest.MonkeyPatch) -> None:
    """A national text implemented by thousands of local ones: the page lists the first FAMILY_MAX_CHILDREN
    children and says how many there are (the compare tables have them all); the report at 20,000 documents
    was mostly this section before the cap."""
    from pipeline.report import comparison

    monkeypatch.setattr(comparison, "FAMILY_MAX_CHILDREN", 2)
    fam = pd.DataFrame(
        [{"family_id": "f1", "doc_id": "p", "role": "parent", "parent_doc_id": "", "link": "", "evidence": ""}]
        + [{"family_id": "f1", "doc_id": f"c{i}", "role": "child", "parent_doc_id": "p", "link": "cites", "evidence": ""} for i in range(3)]
    )
    alignment = pd.DataFrame(columns=["child_doc_id", "parent_doc_id", "relation", "limit_direction"])
    (view,) = comparison._families(fam, alignment, {}, {})
    assert [c.doc_id for c in view.children] == ["c0", "c1"] and view.children_total == 3


def test_the_citation_graph_cut_keeps_the_graph_order_and_the_busiest_documents() -> None:
    """The report draws at most GRAPH_MAX_NODES documents. The cut keeps them in the graph's own order, so
    the report is the same bytes from run to run (a subgraph copy listed them in a set's hash order)."""
    import networkx as nx

    from pipeline.report.comparison import most_connected

    g = nx.DiGraph()
    names = [f"豫政办〔2020〕{i}号" for i in range(400)]
    g.add_nodes_from((n, {"doc_number": n}) for n in names)
    for i in range(1, 400):
        g.add_edge(names[i], names[i % 7])  # seven documents are cited by everyone
    kept = most_connected(g, 100)
    assert len(kept) == 100
    assert list(kept.nodes) == [n for n in names if n in kept], "原图顺序"
    assert all(names[k] in kept for k in range(7)), "被引最多的文件须保留"
    assert all(kept.has_edge(u, v) for u, v in g.edges if u in kept and v in kept)
    assert kept.nodes[names[0]]["doc_number"] == names[0]


def test_head_marks_show_in_the_document_header_and_link_to_their_text(tmp_path: Path) -> None:
    """份号, 密级 and 紧急程度 of a WPS-written OFD (tests/fixtures/ofd) are shown with the other elements, each
    marked where it stands in the text."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "ofd" / "wps_marks_template.ofd", src)
    out = tmp_path / "out"
    main([str(src), "--out", str(out)])
    assert main(["report", "--out", str(out)]) == 0
    tree = lxml_html.fromstring((out / "report.html").read_text(encoding="utf-8"))
    page = _doc_page(tree, "wps_marks_template")
    for name, value in (("copy_number", "001012"), ("secrecy", "机密★5年"), ("urgency", "特急")):
        assert _marked_text(page, f"fld-{name}") == value, name


def test_a_tasks_assisting_units_show_beside_its_lead(tmp_path: Path) -> None:
    """A task row of the report names the units the notice marks as assisting (配合) in a column of their own."""
    _, tree = _report_of(
        tmp_path,
        "co_units",
        "某市人民政府办公室关于印发某市2024年重点工作方案的通知\n某政办发〔2024〕9号\n各区人民政府，市政府各部门：\n"
        "现将《某市2024年重点工作方案》印发给你们，请认真贯彻执行。\n某市人民政府办公室\n2024年2月1日\n"
        "一、重点任务\n1.建设智慧停车平台。2024年6月底前建成。（市城管局牵头，市公安局、市大数据局配合）\n",
    )
    rows = _doc_page(tree, "co_units").xpath('.//tr[@data-target="task-0"]')
    cells = [td.text_content().strip() for td in rows[0].xpath("./td")] if rows else []
    assert "市公安局；市大数据局" in cells and "市城管局" in cells, cells
