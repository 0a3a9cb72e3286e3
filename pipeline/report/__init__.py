"""The review report: `python run_pipeline.py report [--out DIR]` writes DIR/report.html.

One self-contained HTML file (CSS, JavaScript and chart data inlined) that works offline: a corpus overview,
one page per document with every extracted value highlighted at its offsets, and the comparison views."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

import jinja2
from markupsafe import Markup

from .comparison import CompareView, compare_view
from .data import ReportData, read_output
from .views import doc_view, overview_rows

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


def render(data: ReportData, *, compare: CompareView | None = None, vega_js: str = "") -> str:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader(__package__, "templates"),
        autoescape=True,  # every value from the tables is escaped; only our own markup is marked safe
        undefined=jinja2.StrictUndefined,
    )
    docs = [doc_view(data, i, doc) for i, doc in enumerate(data.tables["documents"].to_dict("records"))]
    return env.get_template("report.html.j2").render(
        overview=overview_rows(data),
        docs=docs,
        table_titles=TABLE_TITLES,
        source_dir=str(data.out_dir),
        css=Markup(_static("report.css")),
        js=_script_safe(_static("report.js")),
        compare=compare,
        vega_js=_script_safe(vega_js) if vega_js else "",
    )


def build_report(out_dir: Path, *, dest: Path | None = None) -> Path:
    """Read the output folder's tables and write the report next to them (or to `dest`)."""
    data = read_output(out_dir)
    comp = compare_view(data)
    html = render(data, compare=comp, vega_js=vega_bundle() if comp.specs else "")
    path = dest or out_dir / "report.html"
    tmp = path.with_suffix(".html.tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(path)
    return path
