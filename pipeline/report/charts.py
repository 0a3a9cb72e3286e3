"""Vega-Lite chart specs (built with altair) for the comparison views; rendered in the page by vega-embed.

Vega-Lite rather than static pictures: the charts are data (inspectable, with tooltips naming the document,
domain or deadline and its evidence), and the browser draws the Chinese labels with the system CJK font.
The JavaScript comes inlined from vl-convert-python's bundle, so the report needs no network."""

from __future__ import annotations

import math
from typing import Any

import altair as alt
import networkx as nx
import pandas as pd

FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif'
# GB/T 9704 does not rank issuers; this order is the administrative hierarchy the cascade runs down
LEVELS = ["national", "provincial", "municipal", "county", "township", ""]
LEVEL_NAMES = {"national": "国家 national", "provincial": "省 provincial", "municipal": "市 municipal", "county": "县 county", "township": "乡镇 township", "": "未知 unknown"}


def _config(chart: alt.TopLevelMixin) -> dict[str, Any]:
    spec: dict[str, Any] = chart.configure(font=FONT).configure_view(stroke=None).to_dict()
    return spec


_PX_X, _PX_Y = 760.0, 110.0  # citation picture: pixels per unit of x and per admin level (its width and row height)


def doc_labels(coverage: pd.DataFrame) -> dict[str, str]:
    """doc_id -> a short unique label: 文号 and place (the doc_id when the number is missing or repeated)."""
    labels: dict[str, str] = {}
    for r in coverage.itertuples(index=False):
        place = r.region_city or r.region_province
        labels[r.doc_id] = f"{r.doc_number or r.doc_id} {place}".strip()
    seen = pd.Series(list(labels.values())).value_counts()
    return {d: (lab if seen[lab] == 1 else f"{lab} [{d}]") for d, lab in labels.items()}


def coverage_heatmap(coverage: pd.DataFrame, domains: list[str], doc_index: dict[str, int]) -> dict[str, Any]:
    """One cell per document and pilot domain: named (1) or not (0)."""
    labels = doc_labels(coverage)
    rows = [
        {"doc": labels[r["doc_id"]], "doc_page": doc_index.get(r["doc_id"], -1), "domain": dom, "named": "是 named" if int(r[dom]) else "否 not named",
         "title": r["title"]}
        for r in coverage.to_dict("records")
        for dom in domains
    ]
    chart = (
        alt.Chart(pd.DataFrame(rows), title="领域覆盖 Coverage of the 26 pilot domains")
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            x=alt.X("domain:N", sort=domains, title="领域 domain", axis=alt.Axis(labelAngle=-60)),
            y=alt.Y("doc:N", sort=list(labels.values()), title=None),
            color=alt.Color(
                "named:N", scale=alt.Scale(domain=["是 named", "否 not named"], range=["#2f7d4f", "#e8eaed"]), legend=alt.Legend(title="文件提及 named")
            ),
            tooltip=[alt.Tooltip("doc:N", title="文件"), alt.Tooltip("title:N", title="标题"), alt.Tooltip("domain:N", title="领域"), alt.Tooltip("named:N", title="提及")],
        )
        .properties(width=max(len(domains) * 30, 300), height=max(30 * len(labels), 40))
    )
    return _config(chart)


def coverage_by_region(coverage: pd.DataFrame, domains: list[str]) -> dict[str, Any]:
    """A large corpus: one cell per province (or level, for documents of no province) and pilot domain, the
    share of its documents that name the domain. The chart grows with the places, not the documents."""
    df = coverage.copy()
    df["group"] = [p or LEVEL_NAMES.get(a, a) for p, a in zip(df["region_province"], df["admin_level"])]
    rows = []
    for group, part in df.groupby("group", sort=True):
        for dom in domains:
            named = int(part[dom].astype(int).sum())
            rows.append({"group": group, "domain": dom, "share": named / len(part), "named": named, "docs": len(part)})
    chart = (
        alt.Chart(pd.DataFrame(rows), title="领域覆盖 Coverage: share of each place's documents naming a domain")
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            x=alt.X("domain:N", sort=domains, title="领域 domain", axis=alt.Axis(labelAngle=-60)),
            y=alt.Y("group:N", title=None),
            color=alt.Color("share:Q", scale=alt.Scale(domain=[0, 1], range=["#e8eaed", "#2f7d4f"]), legend=alt.Legend(title="提及比例 share", format="%")),
            tooltip=[alt.Tooltip("group:N", title="地区"), alt.Tooltip("domain:N", title="领域"), alt.Tooltip("named:Q", title="提及文件数"),
                     alt.Tooltip("docs:Q", title="文件数"), alt.Tooltip("share:Q", title="比例", format=".0%")],
        )
        .properties(width=max(len(domains) * 30, 300), height=max(24 * df["group"].nunique(), 40))
    )
    return _config(chart)


def deadline_histogram(milestones: pd.DataFrame) -> tuple[dict[str, Any] | None, int]:
    """A large corpus: dated limits counted per month and kind (one lane per document would be thousands)."""
    firsts = [(r["end"] or r["start"])[:7] for r in milestones.to_dict("records") if r["end"] or r["start"]]
    undated = len(milestones) - len(firsts)
    if not firsts:
        return None, undated
    kinds = [r["kind"] for r in milestones.to_dict("records") if r["end"] or r["start"]]
    df = pd.DataFrame({"month": firsts, "kind": kinds}).value_counts().reset_index(name="count")
    df["month"] = df["month"] + "-01"
    chart = (
        alt.Chart(df, title="时限 Deadlines per month (all documents)")
        .mark_bar()
        .encode(
            x=alt.X("month:T", timeUnit="yearmonth", title="月份 month"),
            y=alt.Y("count:Q", title="时限数 limits"),
            color=alt.Color("kind:N", title="类型 kind"),
            tooltip=[alt.Tooltip("month:T", timeUnit="yearmonth", title="月份"), alt.Tooltip("kind:N", title="类型"), alt.Tooltip("count:Q", title="数量")],
        )
        .properties(width=760, height=220)
    )
    return _config(chart), undated


def deadline_timeline(milestones: pd.DataFrame, labels: dict[str, str], doc_index: dict[str, int]) -> tuple[dict[str, Any] | None, int]:
    """One lane per document: ranges as bars, dated limits as points. Returns (spec, undated rows left out)."""
    rows = []
    for r in milestones.to_dict("records"):
        first, last = r["start"] or r["end"], r["end"] or r["start"]
        if not first:
            continue
        rows.append(
            {
                "doc": labels.get(r["doc_id"], r["doc_id"]),
                "doc_page": doc_index.get(r["doc_id"], -1),
                "first": first,
                "last": last,
                "is_range": bool(r["start"] and r["end"] and r["start"] != r["end"]),
                "text": r["text"],
                "kind": r["kind"],
                "family": r["family"],
                "task": r["task_title"],
            }
        )
    undated = len(milestones) - len(rows)
    if not rows:
        return None, undated
    df = pd.DataFrame(rows)
    lanes = [lab for lab in labels.values() if lab in set(df["doc"])]
    y = alt.Y("doc:N", sort=lanes, title=None)
    tooltip = [
        alt.Tooltip("doc:N", title="文件"),
        alt.Tooltip("text:N", title="原文"),
        alt.Tooltip("kind:N", title="类型"),
        alt.Tooltip("first:N", title="起"),
        alt.Tooltip("last:N", title="止"),
        alt.Tooltip("family:N", title="事项"),
        alt.Tooltip("task:N", title="任务"),
    ]
    color = alt.Color("kind:N", title="类型 kind")
    base = alt.Chart(df)
    bars = base.transform_filter("datum.is_range").mark_bar(height=10, opacity=0.7).encode(x=alt.X("first:T", title="日期 date"), x2="last:T", y=y, color=color, tooltip=tooltip)
    points = base.transform_filter("!datum.is_range").mark_point(filled=True, size=90, opacity=0.85).encode(
        x="last:T", y=y, color=color, shape=alt.Shape("kind:N", legend=None), tooltip=tooltip
    )
    chart = (
        alt.layer(bars, points, title="时限 Deadline timeline (one lane per document)")
        .resolve_scale(x="shared")
        .properties(width=760, height=max(48 * len(lanes), 60))
        .configure_scale(continuousPadding=12)
    )
    return _config(chart), undated


def _layout(g: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """Documents in rows by administrative level (national on top), spread evenly within a row."""
    pos: dict[str, tuple[float, float]] = {}
    rows: dict[int, list[str]] = {}
    for node, attrs in g.nodes(data=True):
        level = attrs.get("admin_level", "")
        rows.setdefault(LEVELS.index(level) if level in LEVELS else len(LEVELS) - 1, []).append(node)
    for depth, nodes in rows.items():
        nodes.sort(key=lambda n: (g.nodes[n].get("doc_number") or "", n))
        for i, n in enumerate(nodes):
            pos[n] = ((i + 1) / (len(nodes) + 1), float(depth))
    return pos


def _edge(a: tuple[float, float], b: tuple[float, float]) -> dict[str, float]:
    """An edge a -> b with its arrow head 16 px before b, turned to point along the edge on screen."""
    dx, dy = (b[0] - a[0]) * _PX_X, (b[1] - a[1]) * _PX_Y  # screen pixels; y grows downwards
    length = math.hypot(dx, dy) or 1.0
    back = 16.0 / length
    return {
        "x": a[0], "y": a[1], "x2": b[0], "y2": b[1],
        "hx": b[0] - (b[0] - a[0]) * back, "hy": b[1] - (b[1] - a[1]) * back,
        "angle": math.degrees(math.atan2(dx, -dy)) % 360,  # clockwise from "up", as Vega rotates symbols
    }


GRAPH_NODE_WIDTH = 28  # px per node of the busiest level
GRAPH_MAX_WIDTH = 8000  # px; wider graphs scroll inside their box anyway
GRAPH_LABEL_WIDTH = 90  # px per node below which 文号 labels would overlap: tooltips only


def citation_picture(g: nx.DiGraph, doc_index: dict[str, int]) -> dict[str, Any] | None:
    """Nodes placed by admin level; each edge a line from the citing document to the cited one (above it)."""
    if g.number_of_nodes() == 0:
        return None
    pos = _layout(g)
    nodes = pd.DataFrame(
        [
            {
                "id": n,
                "x": pos[n][0],
                "y": pos[n][1],
                "label": a.get("doc_number") or (a.get("title") or n)[:16],
                "title": a.get("title", ""),
                "level": LEVEL_NAMES.get(a.get("admin_level", ""), a.get("admin_level", "")),
                "where": "语料内 in corpus" if a.get("in_corpus") else "语料外 cited only",
                "doc_page": doc_index.get(n, -1),
            }
            for n, a in g.nodes(data=True)
        ]
    )
    edges = pd.DataFrame(
        [_edge(pos[u], pos[v]) | {"citing": g.nodes[u].get("doc_number") or u, "cited": g.nodes[v].get("doc_number") or g.nodes[v].get("title") or v} for u, v in g.edges],
        columns=["x", "y", "x2", "y2", "hx", "hy", "angle", "citing", "cited"],
    )
    depth = int(nodes["y"].max())
    xs = alt.Scale(domain=[0, 1])
    ys = alt.Scale(domain=[-0.5, depth + 0.5], reverse=True)
    noaxis = alt.Axis(labels=False, ticks=False, domain=False, grid=False, title=None)
    lines = (
        alt.Chart(edges)
        .mark_rule(color="#8c959f", strokeWidth=1.5)
        .encode(x=alt.X("x:Q", scale=xs, axis=noaxis), y=alt.Y("y:Q", scale=ys, axis=noaxis), x2="x2:Q", y2="y2:Q", tooltip=[alt.Tooltip("citing:N", title="引用方"), alt.Tooltip("cited:N", title="被引")])
    )
    # Vega-Lite rules have no arrow heads: a triangle turned along the edge, just outside the cited node
    heads = alt.Chart(edges).mark_point(shape="triangle-up", filled=True, size=70, color="#57606a", opacity=1).encode(
        x=alt.X("hx:Q", scale=xs, axis=noaxis), y=alt.Y("hy:Q", scale=ys, axis=noaxis), angle=alt.Angle("angle:Q", scale=None)
    )
    dots = (
        alt.Chart(nodes)
        .mark_circle(size=420, stroke="#24292f", strokeWidth=1)
        .encode(
            x=alt.X("x:Q", scale=xs, axis=noaxis),
            y=alt.Y("y:Q", scale=ys, axis=noaxis),
            color=alt.Color("where:N", scale=alt.Scale(domain=["语料内 in corpus", "语料外 cited only"], range=["#0969da", "#d0d7de"]), title=None),
            tooltip=[alt.Tooltip("label:N", title="文号"), alt.Tooltip("title:N", title="标题"), alt.Tooltip("level:N", title="层级")],
        )
    )
    # many documents: one level at a time can be picked out (the others fade), the chart widens with the
    # busiest level (scrolling inside its box) and labels give way to tooltips when they would overlap
    per_level = int(nodes.groupby("y").size().max())
    width = max(760, min(GRAPH_NODE_WIDTH * per_level, GRAPH_MAX_WIDTH))
    shown_levels = [LEVEL_NAMES[lv] for i, lv in enumerate(LEVELS) if i in set(nodes["y"].astype(int))]
    pick = alt.param(
        name="level_pick", value=None,
        bind=alt.binding_select(options=[None, *shown_levels], labels=["全部 all", *shown_levels], name="层级 level "),
    )
    focus = alt.condition("level_pick == null || datum.level == level_pick", alt.value(1.0), alt.value(0.12))
    dots = dots.add_params(pick).encode(opacity=focus)
    layers = [lines, heads, dots]
    if width / per_level >= GRAPH_LABEL_WIDTH:
        layers.append(alt.Chart(nodes).mark_text(dy=22, fontSize=12).encode(x=alt.X("x:Q", scale=xs, axis=noaxis), y=alt.Y("y:Q", scale=ys, axis=noaxis), text="label:N", opacity=focus))
    levels = pd.DataFrame([{"y": float(i), "name": LEVEL_NAMES[lv]} for i, lv in enumerate(LEVELS) if i <= depth and i in set(nodes["y"].astype(int))])
    layers.append(alt.Chart(levels).mark_text(align="left", x=2, fontSize=11, color="#6e7781").encode(y=alt.Y("y:Q", scale=ys, axis=noaxis), text="name:N"))
    chart = alt.layer(*layers, title="引用关系 Citation graph (arrow: citing → cited)").properties(width=width, height=110 * (depth + 1))
    return _config(chart)
