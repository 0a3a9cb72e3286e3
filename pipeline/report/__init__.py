"""The review report: `python run_pipeline.py report [--out DIR]` writes DIR/report.html.

One self-contained HTML file (CSS, JavaScript and chart data inlined) that works offline: a corpus overview,
one page per document with every extracted value highlighted at its offsets, and the comparison views."""

from __future__ import annotations

import functools
import shutil
from importlib import resources
from pathlib import Path
from typing import Callable

import jinja2
from markupsafe import Markup

from .comparison import CompareView, compare_view, script_json
from .data import ReportData, read_output, read_overview
from .views import ROW_TABLES, doc_view, overview_rows

TABLE_TITLES = {
    "references": "引用文件 References",
    "assignments": "责任分工 Assignments",
    "tasks": "任务 Tasks",
    "deadlines": "时限 Deadlines",
    "domains": "领域提及 Domain mentions",
}


def _static(name: str) -> str:
    return resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")


def _script_safe(js: str) -> Markup:
    """Inline JavaScript: a literal `</script` inside it would end the element early."""
    return Markup(js.replace("</script", "<\\/script"))


@functools.lru_cache(maxsize=1)
def vega_bundle() -> str:
    """vega, vega-lite and vega-embed as one script, from the vl-convert-python wheel (no network)."""
    import altair as alt
    import vl_convert as vlc

    major_minor = ".".join(alt.VEGALITE_VERSION.split(".")[:2])
    known: list[str] = list(getattr(vlc, "get_vegalite_versions", lambda: [])())
    version = f"v{major_minor}" if major_minor in known else None
    # snippet=None (the default) exposes window.vegaEmbed; the package's stub marks it required
    return str(vlc.javascript_bundle(vl_version=version))  # type: ignore[call-arg]


OVERVIEW_INLINE = 300  # overview rows written as HTML in a paged report; the rest are built by the page
PAGE_BATCH = 500  # documents whose rows are read from the store at once while their pages are written
PAGED_FROM = 200  # documents from which each document's page is a file of its own (issue 14: a report that opens fast)
DOCS_DIR = "report_docs"


@functools.lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader(__package__, "templates"),
        autoescape=True,  # every value from the tables is escaped; only our own markup is marked safe
        undefined=jinja2.StrictUndefined,
    )


def _page(**kw: object) -> str:
    return _env().get_template("report.html.j2").render(
        table_titles=TABLE_TITLES, css=Markup(_static("report.css")), js=_script_safe(_static("report.js")), **kw
    )


def render(data: ReportData, *, compare: CompareView | None = None, vega_js: str = "", paged: bool = False) -> str:
    """The report page: the overview, the comparisons and, unless `paged`, every document's page inline."""
    records = data.tables["documents"].to_dict("records")
    docs = [] if paged else [doc_view(data, i, doc) for i, doc in enumerate(records)]
    overview = overview_rows(data)
    # a large corpus: the first rows as HTML, the others as data the page turns into rows after it shows
    inline = OVERVIEW_INLINE if paged else len(overview)
    rest = [
        [f"{DOCS_DIR}/doc-{r['index']}.html", r["doc"]["doc_number"] or "（无文号）", r["doc"]["issuer"], r["doc"]["title"] or r["doc"]["doc_id"],
         r["doc"]["signed_date"], r["doc"]["issued_date"], r["region"], r["doc"]["admin_level"], r["doc"]["topic"],
         r["counts"]["references"], r["n_domains"], r["counts"]["assignments"], r["counts"]["tasks"], r["counts"]["deadlines"], r["errors"],
         r["doc"]["doc_id"], f"doc-{r['index']}", f"{r['doc']['doc_number'] or r['doc']['doc_id']} {r['doc']['title'][:30]}"]
        for r in overview[inline:]
    ]
    return _page(
        overview=overview, overview_inline=inline, overview_rest=script_json(rest) if rest else "",
        docs=docs, source_dir=str(data.out_dir), compare=compare,
        vega_js=_script_safe(vega_js) if vega_js else "", home="", default_page="",
        doc_base=f"{DOCS_DIR}/" if paged else "", doc_href=(lambda i: f"{DOCS_DIR}/doc-{i}.html") if paged else (lambda i: f"#doc-{i}"),
    )


def render_doc(data: ReportData, index: int, doc: dict[str, str]) -> str:
    """One document's page as a file of its own (a large corpus), linking back to the report."""
    return _page(
        overview=[], overview_inline=0, overview_rest="", docs=[doc_view(data, index, doc)], source_dir=str(data.out_dir), compare=None, vega_js="",
        home="../report.html", default_page=f"doc-{index}", doc_base="", doc_href=lambda i: f"doc-{i}.html",
    )


def build_report(out_dir: Path, *, dest: Path | None = None) -> Path:
    """Read the output folder's tables and write the report next to them (or to `dest`). From PAGED_FROM
    documents on, each document's page is its own file in report_docs/ and the report links to them; with a
    store, the pages are written a batch of documents at a time, read from the store, and the overview's
    counts are counted there: the report's memory does not grow with the corpus's rows (issue 14)."""
    comp = compare_view(out_dir)  # first: its tables are let go before the pages' tables are read (issue 14)
    path = dest or out_dir / "report.html"
    folder = path.parent / DOCS_DIR
    overview = read_overview(out_dir, tuple(ROW_TABLES), min_documents=PAGED_FROM)
    if overview is not None:
        data = overview
        comp.link_leads(read_output(out_dir, doc_ids=list(comp.column_ids)))
        records = data.tables["documents"].to_dict("records")
        _write_pages(folder, records, lambda ids: read_output(out_dir, doc_ids=ids))
        paged = True
    else:
        data = read_output(out_dir)
        comp.link_leads(data)
        records = data.tables["documents"].to_dict("records")
        paged = len(records) >= PAGED_FROM
        if paged:
            _write_pages(folder, records, lambda ids: data)
        elif folder.is_dir():
            shutil.rmtree(folder)  # a smaller corpus now: every page is inline again
    html = render(data, compare=comp, vega_js=vega_bundle() if comp.specs else "", paged=paged)
    tmp = path.with_suffix(".html.tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(path)
    return path


def _write_pages(folder: Path, records: list[dict[str, str]], read: Callable[[list[str]], ReportData]) -> None:
    """Each document's page as report_docs/doc-<index>.html, its rows read `PAGE_BATCH` documents at a time;
    pages of documents no longer in the corpus are removed."""
    folder.mkdir(parents=True, exist_ok=True)
    keep = set()
    for first in range(0, len(records), PAGE_BATCH):
        batch = records[first : first + PAGE_BATCH]
        data = read([doc["doc_id"] for doc in batch])
        for i, doc in enumerate(batch, start=first):
            page = folder / f"doc-{i}.html"
            page.write_text(render_doc(data, i, doc), encoding="utf-8")
            keep.add(page.name)
    for old in folder.glob("doc-*.html"):
        if old.name not in keep:
            old.unlink()
