"""The review report in a real headless Chromium (Debian's, driven by Playwright): it loads without console
errors, lists every document, and clicking a table row highlights that row's evidence in the text."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Iterator

import pandas as pd
import pytest

from conftest import read_table as _csv

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# No network, no profile services: the report must work offline.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extra: pip install -e '.[test]'")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed: run `bash scripts/system-deps.sh` (as root)")
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Page:
    """A report page with every console error and uncaught exception collected."""

    def __init__(self, browser: object, url: str) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
        self.errors: list[str] = []
        self.remote: list[str] = []  # requests that would need the network
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: None if r.url.split(":")[0] in ("file", "data", "blob", "about") else self.remote.append(r.url))
        self.page.goto(url)


@pytest.fixture()
def report(browser: object, report_out: Path) -> Iterator[Page]:
    p = Page(browser, (report_out / "report.html").as_uri())
    yield p
    p.page.close()


def test_loads_without_console_errors_or_network(report: Page, report_out: Path) -> None:
    n = len(_csv(report_out, "documents"))
    for hash_ in ["#overview", *[f"#doc-{i}" for i in range(n)]]:
        report.page.evaluate(f"location.hash = '{hash_}'")
        assert report.page.locator(f"{hash_}.page").is_visible(), f"{hash_} 页应显示"
    _charts_drawn(report)
    assert report.errors == [], f"控制台不应有错误: {report.errors}"
    assert report.remote == [], f"报告应离线可用，不应请求网络: {report.remote}"


def test_documents_table_lists_every_document(report: Page, report_out: Path, tmp_path: Path) -> None:
    docs = _csv(report_out, "documents")
    rows = report.page.locator("#docs-table tbody tr")
    assert rows.count() == len(docs), "概览表应每个文件一行"
    shown = [rows.nth(i).locator("td").first.inner_text() for i in range(rows.count())]
    assert shown == list(docs["doc_number"]), f"概览表应列出每个文号: {shown}"
    report.page.screenshot(path=str(tmp_path / "overview.png"))
    # filtering by one document's number leaves its row only
    report.page.fill("input.filter", docs["doc_number"].iloc[1])
    visible = report.page.locator("#docs-table tbody tr:visible")
    assert visible.count() == 1 and visible.first.get_attribute("data-doc-id") == docs["doc_id"].iloc[1], "筛选后应只剩一行"


def test_sorting_by_assignments_orders_rows(report: Page, report_out: Path) -> None:
    counts = _csv(report_out, "assignments")["doc_id"].value_counts()
    report.page.locator("#docs-table th", has_text="分工").click()
    first = report.page.locator("#docs-table tbody tr").first.get_attribute("data-doc-id")
    assert first == counts.idxmin(), "按分工数升序排序后，分工最少的文件应在第一行"


def test_clicking_an_assignment_highlights_its_evidence(report: Page, report_out: Path, tmp_path: Path) -> None:
    docs = _csv(report_out, "documents")
    assignments = _csv(report_out, "assignments")
    for index, doc_id in enumerate(docs["doc_id"]):
        rows = assignments[assignments["doc_id"] == doc_id]
        assert len(rows), f"{doc_id} 应有分工行"
        i = len(rows) // 2  # a row from the middle, so the text must scroll to it
        rec = rows.iloc[i]
        text = (report_out / "text" / f"{doc_id}.txt").read_text(encoding="utf-8")
        expected = text[int(rec["start_char"]) : int(rec["end_char"])]
        report.page.evaluate(f"location.hash = '#doc-{index}'")
        section = report.page.locator(f"#doc-{index}")
        section.locator(f"table.assignments tr[data-target='asg-{i}']").click()
        active = section.locator(".doctext .hl.active")
        got = "".join(active.all_inner_texts())
        assert got == expected, f"点击分工行（{rec['unit']} / {rec['domain']}）应高亮其证据: {got!r} != {expected!r}"
        assert active.first.is_visible(), "证据应可见"
        box, pane = active.first.bounding_box(), section.locator(".textcol").bounding_box()
        assert box and pane and pane["y"] <= box["y"] <= pane["y"] + pane["height"], "证据应滚动到正文窗格内"
        status = section.locator(".status").inner_text()
        page_label = f"page {rec['page']}" if rec["page"] else "page —"
        assert page_label in status and f"{rec['start_char']}–{rec['end_char']}" in status, f"状态栏应显示页码和位置: {status}"
        report.page.screenshot(path=str(tmp_path / f"doc-{index}-assignment.png"))
    assert report.errors == [], f"控制台不应有错误: {report.errors}"


def _charts_drawn(report: Page) -> None:
    report.page.evaluate("location.hash = '#compare'")
    report.page.wait_for_function("document.querySelectorAll('.vega[data-spec]').length > 0 && "
                                  "[...document.querySelectorAll('.vega[data-spec]')].every(e => e.getAttribute('data-rendered') === '1')", timeout=20000)


def test_heatmap_has_one_cell_per_document_and_domain(report: Page, report_out: Path, tmp_path: Path) -> None:
    _charts_drawn(report)
    cells = report.page.locator("#chart-coverage g.mark-rect path")
    n = len(_csv(report_out, "documents"))
    assert cells.count() == n * 26, f"热力图应有 {n}×26 个格子，实际 {cells.count()}"
    for chart in ("timeline", "citations"):
        assert report.page.locator(f"#chart-{chart} svg .role-mark").count() > 0, f"{chart} 图应已绘制"
    report.page.screenshot(path=str(tmp_path / "compare.png"), full_page=True)
    assert report.errors == [], f"控制台不应有错误: {report.errors}"


def test_matrix_cell_opens_the_assignment_evidence(report: Page, report_out: Path) -> None:
    _charts_drawn(report)
    link = report.page.locator("#matrix-table a[data-goto]").first
    href, goto = link.get_attribute("href"), link.get_attribute("data-goto")
    link.click()
    section = report.page.locator(str(href))
    assert section.is_visible(), "点击矩阵单元格应打开文件页"
    assert section.locator(f"tr.selected[data-target='{goto}']").count() == 1, "对应的分工行应被选中"
    assert section.locator(".doctext .hl.active").count() > 0, "其证据应被高亮"


def test_pdf_evidence_shows_its_page(browser: object, tmp_path: Path) -> None:
    """Built from the seed notices drawn as PDFs: clicking a task row on a later page shows that page."""
    from conftest import need_shared
    from pipeline.cli import main

    pdfgen = pytest.importorskip("pdfgen", reason="tests/pdfgen.py builds the PDF fixtures")
    need_shared("seeds")
    try:
        pdfs = pdfgen.seed_pdfs(tmp_path / "pdf")
    except pdfgen.FixtureUnavailable as e:
        pytest.skip(str(e))
    out = tmp_path / "out"
    assert main([str(p) for p in pdfs.values()] + ["--out", str(out)]) == 0
    assert main(["report", "--out", str(out)]) == 0
    docs, tasks = _csv(out, "documents"), _csv(out, "tasks")
    page = Page(browser, (out / "report.html").as_uri())
    try:
        for index, doc_id in enumerate(docs["doc_id"]):
            rows = tasks[tasks["doc_id"] == doc_id].reset_index(drop=True)
            i = len(rows) - 1  # the last task sits on a later page than the first
            rec = rows.iloc[i]
            assert rec["page"] and int(rec["page"]) > 1, f"{doc_id}: task rows from a PDF carry their page"
            page.page.evaluate(f"location.hash = '#doc-{index}'")
            section = page.page.locator(f"#doc-{index}")
            section.locator(f"table.tasks tr[data-target='task-{i}']").click()
            status = section.locator(".status").inner_text()
            assert f"page {rec['page']}" in status, f"{doc_id}: status should name page {rec['page']}: {status}"
        assert page.errors == [], page.errors
    finally:
        page.page.close()


@pytest.fixture(scope="module")
def family_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Pipeline, compare and report on the real policy families of ../shared/corpus/families."""
    from conftest import need_shared
    from pipeline.cli import main

    folder = need_shared("corpus", "families")
    out = tmp_path_factory.mktemp("families-report") / "out"
    assert main([str(folder), "--out", str(out)]) == 0
    assert main(["compare", "--out", str(out), "--format", "csv"]) == 0
    assert main(["report", "--out", str(out)]) == 0
    return out


def test_family_view_matches_the_alignment(browser: object, family_report: Path) -> None:
    """The family view shows each child of 山东省物业管理条例 with as many same/modified/added/omitted units as
    the alignment table holds; a child's name opens its page; the changes list opens."""
    p = Page(browser, (family_report / "report.html").as_uri() + "#compare")
    try:
        align = pd.read_csv(family_report / "compare" / "alignment.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
        fam = p.page.locator("section.family[data-family='child_shandong_2021_property_management_regulation']")
        assert fam.count() == 1, "山东省物业管理条例 heads a family of its own"
        rows = fam.locator("table.family-table tbody tr")
        children = sorted(rows.nth(i).get_attribute("data-child") for i in range(rows.count()))
        assert children == ["child_heze_2022_property_management_regulation", "child_weifang_2022_property_management_regulation"]
        for i in range(rows.count()):
            child = rows.nth(i).get_attribute("data-child")
            mine = align[(align["child_doc_id"] == child) & (align["parent_doc_id"] == "child_shandong_2021_property_management_regulation")]
            for rel in ("same", "modified", "added", "omitted"):
                shown = int(rows.nth(i).locator(f"td[data-rel='{rel}']").inner_text())
                assert shown == int((mine["relation"] == rel).sum()), f"{child} {rel}"
        weifang = fam.locator("tr[data-child='child_weifang_2022_property_management_regulation'] a")
        weifang.click()
        page_id = weifang.get_attribute("href")
        assert p.page.locator(f"{page_id}.page").is_visible(), "the child's name opens its page"
        p.page.evaluate("location.hash = '#compare'")
        details = fam.locator("details.changes").first
        details.locator("summary").click()
        assert details.locator("tbody tr").first.is_visible()
        assert p.errors == [] and p.remote == [], (p.errors, p.remote)
    finally:
        p.page.close()


def test_report_reflows_at_phone_width(browser: object, report_out: Path, tmp_path: Path) -> None:
    """At 390 px (a phone) no page scrolls sideways: one column, wide tables and charts scroll inside themselves."""
    page = browser.new_page(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    try:
        for hash_ in ("#overview", "#doc-0", "#compare"):
            page.goto((report_out / "report.html").as_uri() + hash_)
            assert page.locator(f"{hash_}.page").is_visible()
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"{hash_}: the page is {width} px wide at a 390 px viewport"
        page.screenshot(path=str(tmp_path / "phone.png"))
        page.goto((report_out / "report.html").as_uri() + "#doc-0")
        text_box = page.locator("#doc-0 .textcol").bounding_box()
        side_box = page.locator("#doc-0 .side").bounding_box()
        assert text_box and side_box and side_box["y"] >= text_box["y"] + text_box["height"] - 1, "text and tables stack in one column"
    finally:
        page.close()


def _review(page: object) -> None:
    """Accept an assignment, reject a deadline, edit a task title and add a missed limit on the Henan page."""
    pg = page  # a playwright page
    answers = iter(["改写后的任务", "deadlines.text", "2020年3月11日"])
    pg.on("dialog", lambda d: d.accept(next(answers)))  # type: ignore[attr-defined]
    pg.evaluate("location.hash = '#doc-0'")  # type: ignore[attr-defined]
    doc = pg.locator("#doc-0")  # type: ignore[attr-defined]
    doc.locator("table.assignments tbody tr").first.locator("button[data-fix='accept']").click()
    doc.locator("table.deadlines tbody tr").first.locator("button[data-fix='reject']").click()
    doc.locator("table.tasks tbody tr").first.locator("button[data-fix='edit']").click()
    assert "fix-reject" in (doc.locator("table.deadlines tbody tr").first.get_attribute("class") or "")
    # select the signing date in the text, then add it as a deadline the pipeline missed
    pg.evaluate(  # type: ignore[attr-defined]
        """() => { const pre = document.querySelector('#doc-0 pre.doctext');
        const w = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT); let n;
        while ((n = w.nextNode())) { const i = n.nodeValue.indexOf('2020年3月11日');
          if (i >= 0) { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + '2020年3月11日'.length);
            const s = window.getSelection(); s.removeAllRanges(); s.addRange(r); return; } } }"""
    )
    doc.locator("button.fix-add").click()
    assert pg.locator("#fix-count").inner_text() == "4"  # type: ignore[attr-defined]


def test_review_in_the_report_corrects_the_next_run(browser: object, tmp_path: Path) -> None:
    """Accept / reject / edit / add in the report (offline, file://) give a corrections.csv that the next run
    applies: the rejected deadline is gone, the task title is the edited one, the added limit is a row."""
    from conftest import SEEDS
    from pipeline.cli import main

    inp = tmp_path / "in"
    inp.mkdir()
    for p in sorted(SEEDS.glob("*.txt")):
        shutil.copy(p, inp)
    out = tmp_path / "out"
    assert main([str(inp), "--out", str(out)]) == 0 and main(["report", "--out", str(out)]) == 0
    henan = _csv(out, "documents")["doc_id"].iloc[0]
    before_dl = _csv(out, "deadlines").query("doc_id == @henan")
    p = Page(browser, (out / "report.html").as_uri())
    try:
        _review(p.page)
        csv_text = p.page.evaluate("window.gongwenCorrections()")
        assert p.errors == [], p.errors
    finally:
        p.page.close()
    (out / "corrections.csv").write_text(csv_text, encoding="utf-8")
    fixes = pd.read_csv(out / "corrections.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(fixes["action"]) == ["accept", "reject", "edit", "add"]
    assert main([str(inp), "--out", str(out)]) == 0
    dl = _csv(out, "deadlines").query("doc_id == @henan")
    rejected = fixes.iloc[1]
    assert not ((dl["start_char"] == rejected["start_char"]) & (dl["text"] == rejected["original"])).any()
    assert list(dl[dl["corrected"] == "added"]["text"]) == ["2020年3月11日"]
    assert len(dl) == len(before_dl), "one rejected, one added"
    tasks = _csv(out, "tasks").query("doc_id == @henan")
    assert "改写后的任务" in set(tasks["title"]) and (tasks["corrected"] == "edited").sum() == 1
    assert (_csv(out, "assignments")["corrected"] == "accepted").sum() >= 1


def _save_one_correction_served(browser: object, out: Path, path: str, page_id: str, action: str) -> pd.DataFrame:
    """Serve `out`, open `path`, click `action` on the first assignment of `page_id`: the saved corrections."""
    import threading

    from pipeline.report.serve import make_server

    server = make_server(out, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        p = Page(browser, f"http://127.0.0.1:{server.server_port}/{path}")
        try:
            p.page.locator(f"#{page_id} table.assignments tbody tr").first.locator(f"button[data-fix='{action}']").click()
            p.page.wait_for_function("document.getElementById('fix-saved').textContent.length > 0")
            assert p.page.locator("#fix-saved").inner_text() == "已保存 saved"
        finally:
            p.page.close()
        return pd.read_csv(out / "corrections.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    finally:
        server.shutdown()
        server.server_close()


def test_served_report_saves_corrections(browser: object, report_out: Path, tmp_path: Path) -> None:
    """`serve`: the report on 127.0.0.1 writes each correction into OUT/corrections.csv at once."""
    out = tmp_path / "out"
    shutil.copytree(report_out, out)
    saved = _save_one_correction_served(browser, out, "report.html#doc-0", "doc-0", "accept")
    assert list(saved["action"]) == ["accept"] and saved["table"].iloc[0] == "assignments"


def test_a_served_paged_report_saves_corrections_from_a_document_file(browser: object, report_out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A paged report's document page (report_docs/doc-1.html) under `serve` saves into OUT/corrections.csv."""
    from pipeline import report as rep

    out = tmp_path / "out"
    shutil.copytree(report_out, out)
    monkeypatch.setattr(rep, "PAGED_FROM", 2)
    rep.build_report(out)
    saved = _save_one_correction_served(browser, out, "report_docs/doc-1.html", "doc-1", "reject")
    assert list(saved["action"]) == ["reject"]


def test_citation_graph_of_many_documents_stays_readable(browser: object, tmp_path: Path) -> None:
    """120 city notices citing one national notice: the graph widens to scroll in its box, drops the labels
    that would overlap (tooltips keep them) and offers a level picker that fades the other levels."""
    import json

    import networkx as nx

    from pipeline.report import _script_safe, vega_bundle
    from pipeline.report.charts import citation_picture

    g = nx.DiGraph()
    g.add_node("gb", doc_number="国办发〔2019〕54号", admin_level="national", in_corpus=False)
    for i in range(120):
        g.add_node(f"d{i}", doc_number=f"某政办发〔2020〕{i}号", admin_level="municipal", in_corpus=True)
        g.add_edge(f"d{i}", "gb")
    spec = citation_picture(g, {f"d{i}": i for i in range(120)})
    assert spec is not None and spec["width"] > 760 and not any(layer.get("mark", {}).get("type") == "text" and layer.get("encoding", {}).get("text", {}).get("field") == "label" for layer in spec["layer"])
    page_html = f"<html><head><meta charset='utf-8'><script>{_script_safe(vega_bundle())}</script></head><body><div id='v'></div><script>vegaEmbed('#v', {json.dumps(spec, ensure_ascii=False)}, {{renderer: 'svg', actions: false}}).then(() => document.body.setAttribute('data-done', '1'));</script></body></html>"
    path = tmp_path / "graph.html"
    path.write_text(page_html, encoding="utf-8")
    p = Page(browser, path.as_uri())
    try:
        p.page.wait_for_selector("body[data-done='1']", timeout=20000)
        select = p.page.locator(".vega-bindings select")
        assert select.count() == 1, "a level picker is bound to the graph"
        select.select_option(label="市 municipal")
        faded = p.page.evaluate("[...document.querySelectorAll('#v svg path')].filter(e => e.getAttribute('opacity') === '0.12').length")
        assert faded >= 1, "the national node fades when the municipal level is picked"
        assert p.errors == [] and p.remote == [], (p.errors, p.remote)
    finally:
        p.page.close()


def test_a_paged_report_opens_each_document_from_its_own_file(browser: object, report_out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large corpus's report (thresholds lowered to the seeds): choosing a document opens its file, which
    shows that document's page with its evidence highlighting, and its overview link leads back."""
    from pipeline import report as rep

    out = tmp_path / "out"
    shutil.copytree(report_out, out)
    monkeypatch.setattr(rep, "PAGED_FROM", 2)
    rep.build_report(out)
    p = Page(browser, (out / "report.html").as_uri())
    try:
        p.page.select_option("#docselect", "doc-1")
        p.page.wait_for_url("**/report_docs/doc-1.html")
        assert p.page.locator("#doc-1.page").is_visible()
        row = p.page.locator("#doc-1 tr[data-target]").first
        row.click()
        assert p.page.locator("#doc-1 .hl.active").count() >= 1
        p.page.click("header a[href='../report.html#overview']")
        p.page.wait_for_url("**/report.html#overview")
        assert p.page.locator("#overview.page").is_visible()
        assert not p.errors and not p.remote, (p.errors, p.remote)
    finally:
        p.page.close()


def test_a_large_overview_builds_its_remaining_rows_in_the_page(browser: object, report_out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the first rows a paged report's overview comes as data: the page builds the rows (same cells,
    links to each document's file) and the document picker's options, and the filter finds them."""
    from pipeline import report as rep

    out = tmp_path / "out"
    shutil.copytree(report_out, out)
    monkeypatch.setattr(rep, "PAGED_FROM", 2)
    monkeypatch.setattr(rep, "OVERVIEW_INLINE", 1)
    rep.build_report(out)
    html = (out / "report.html").read_text(encoding="utf-8")
    assert html.count("<tr data-doc-id=") == 1 and 'id="overview-rest"' in html
    p = Page(browser, (out / "report.html").as_uri())
    try:
        p.page.wait_for_selector("#docs-table[data-complete='1']")
        rows = p.page.locator("#docs-table tbody tr")
        assert rows.count() == 2
        second = rows.nth(1)
        assert second.locator("a").first.get_attribute("href") == "report_docs/doc-1.html"
        assert second.locator("td").count() == 14 and second.locator("td.date").count() == 2
        assert p.page.locator("#docselect option[value='doc-1']").count() == 1
        p.page.fill("input.filter[data-table='docs-table']", "铁公开领")
        assert p.page.locator("#docs-table tbody tr:not([hidden])").count() == 1
        assert not p.errors, p.errors
    finally:
        p.page.close()
