"""The comparison page's model: chart specs and the responsibility matrix, from pipeline.compare's tables."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from .. import compare, rules
from ..store import StoreError
from .charts import citation_picture, coverage_by_region, coverage_heatmap, deadline_histogram, deadline_timeline, doc_labels
from .data import ReportData

log = logging.getLogger(__name__)


@dataclass
class MatrixCell:
    value: str
    doc_page: int
    goto: str  # row id of the assignment that is the evidence, on that document's page


@dataclass
class ChildView:
    doc_id: str
    label: str
    doc_page: int
    link: str  # how it was placed: cites_title, subject, reuse, user…
    counts: dict[str, int]  # relation -> units (same / modified / added / omitted)
    limits: dict[str, int]  # limit_direction -> units (stricter / looser / added / dropped / changed)
    changes: list[dict[str, str]]  # the modified, added and omitted units, first MAX_CHANGES_SHOWN


@dataclass
class FamilyView:
    family_id: str
    parent_label: str
    parent_page: int
    children: list[ChildView]
    children_total: int = 0  # children in the family when the page lists only the first FAMILY_MAX_CHILDREN


CHART_MAX_DOCS = 150  # per-document charts up to this many documents, aggregated charts beyond
GRAPH_MAX_NODES = 150  # the citation picture shows the most connected documents beyond this
LIST_MAX_ROWS = 500  # citation and reuse rows listed on the page (the compare tables have them all)
MATRIX_MAX_DOCS = 200  # responsibility matrix columns on the page (the compare table has them all)
FAMILY_MAX_CHILDREN = 500  # children listed per family on the page (the compare families/alignment tables have them all)
MAX_CHANGES_SHOWN = 40  # per child on the page; the alignment table has them all
RELATIONS = ("same", "modified", "added", "omitted")


@dataclass
class CompareView:
    specs: dict[str, str] = field(default_factory=dict)  # chart name -> JSON safe to inline in <script>
    columns: list[tuple[str, int]] = field(default_factory=list)  # (label, doc page index) of the matrix
    matrix: list[tuple[str, bool, list[MatrixCell]]] = field(default_factory=list)
    disagreements: int = 0
    undated: int = 0
    reuse: list[dict[str, Any]] = field(default_factory=list)
    citations: list[dict[str, Any]] = field(default_factory=list)
    families: list[FamilyView] = field(default_factory=list)
    problem: str = ""
    reuse_total: int = 0
    citations_total: int = 0
    matrix_cut: int = 0  # documents in the corpus when the matrix shows only the first MATRIX_MAX_DOCS
    column_ids: list[str] = field(default_factory=list)  # the matrix columns' doc_ids

    def link_leads(self, data: ReportData) -> None:
        """Each matrix cell's link to the assignment row that is its evidence on the document's page (the
        page numbers rows among all of a document's assignments, which the comparisons do not read)."""
        leads = {d: _lead_rows(data, d) for d in self.column_ids}
        for domain, _, cells in self.matrix:
            for d, cell in zip(self.column_ids, cells):
                cell.goto = leads[d].get(domain, "")


def script_json(obj: Any) -> str:
    """JSON that cannot end the <script> element it sits in, whatever the data holds."""
    return json.dumps(obj, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _lead_rows(data: ReportData, doc_id: str) -> dict[str, str]:
    """domain -> row id of the first lead assignment for it (the row the matrix cell links to)."""
    out: dict[str, str] = {}
    for i, r in enumerate(data.records("assignments", doc_id)):
        if r.get("role") == "lead":
            out.setdefault(r.get("domain", ""), f"asg-{i}")
    return out


def most_connected(g: nx.DiGraph, n: int) -> nx.DiGraph:
    """The n nodes of most edges and the edges between them, in g's own order. Not g.subgraph(...).copy():
    that lists nodes in a set's hash order, and the report changed from run to run."""
    top = set(sorted(g.nodes, key=lambda v: (-g.degree(v), str(v)))[:n])
    kept = type(g)()
    kept.add_nodes_from((v, a) for v, a in g.nodes(data=True) if v in top)
    kept.add_edges_from((u, v) for u, v in g.edges if u in top and v in top)
    return kept


NOT_SHOWN = ("codebooks", "responsibility_long")  # comparison tables the report does not show


def compare_view(out_dir: Path) -> CompareView:
    """The comparison page, from the store read as `compare` reads it (only what the comparisons use), before
    the report reads the whole tables for the document pages: the two are never in memory together (issue 14)."""
    try:
        tables = compare.load_corpus(out_dir)
        # the codebook (from a store, read as it is written) and the long responsibility table (520,000 rows at
        # 20,000 notices) are not shown: let go as they come; of the matrix, only the columns shown are kept
        comp: dict[str, pd.DataFrame] = {}
        matrix_docs = 0
        for name, table in compare.iter_comparisons(tables):
            if not isinstance(table, pd.DataFrame) or name in NOT_SHOWN:
                continue
            if name == "responsibility":
                doc_cols = [c for c in table.columns if c not in ("domain", "disagree")]
                matrix_docs = len(doc_cols)
                table = table[["domain", *doc_cols[:MATRIX_MAX_DOCS], "disagree"]]
            comp[name] = table
        domains = list(compare.canonical_domains())
    except (FileNotFoundError, StoreError, rules.RuleError) as e:
        log.warning("comparison views left out: %s", e)
        return CompareView(problem=f"比较视图不可用 comparisons unavailable: {e}")
    doc_index = {d: i for i, d in enumerate(tables["documents"]["doc_id"])}  # the documents' order, as on the pages
    del tables
    labels = doc_labels(comp["coverage"])
    view = CompareView()
    # per-document charts up to CHART_MAX_DOCS documents; beyond, charts aggregate (issue 14: a report that scales)
    large = len(comp["coverage"]) > CHART_MAX_DOCS
    if large:
        view.specs["coverage"] = script_json(coverage_by_region(comp["coverage"], domains))
        timeline, view.undated = deadline_histogram(comp["milestones"])
    else:
        view.specs["coverage"] = script_json(coverage_heatmap(comp["coverage"], domains, doc_index))
        timeline, view.undated = deadline_timeline(comp["milestones"], labels, doc_index)
    if timeline is not None:
        view.specs["timeline"] = script_json(timeline)
    g = compare.citation_graph(comp["citations"], comp["coverage"])
    if g.number_of_nodes() > GRAPH_MAX_NODES:
        # the most connected documents: a picture of thousands of nodes shows nothing and stalls the browser
        g = most_connected(g, GRAPH_MAX_NODES)
    graph = citation_picture(g, doc_index)
    if graph is not None:
        view.specs["citations"] = script_json(graph)
    resp: pd.DataFrame = comp["responsibility"]
    doc_cols = [c for c in resp.columns if c not in ("domain", "disagree")]
    if matrix_docs > MATRIX_MAX_DOCS:
        view.matrix_cut = matrix_docs
    view.columns = [(labels.get(d, d), doc_index.get(d, -1)) for d in doc_cols]
    view.column_ids = doc_cols
    for r in resp.to_dict("records"):
        cells = [MatrixCell(str(r[d] or ""), doc_index.get(d, -1), "") for d in doc_cols]  # goto: link_leads
        view.matrix.append((str(r["domain"]), r["disagree"] is True, cells))  # NA: fewer than two documents
    view.disagreements = int(resp["disagree"].fillna(False).sum()) if len(resp) else 0
    view.reuse_total, view.citations_total = len(comp["reuse"]), len(comp["citations"])
    view.reuse = comp["reuse"].head(LIST_MAX_ROWS).to_dict("records")
    view.citations = comp["citations"].head(LIST_MAX_ROWS).to_dict("records")
    view.families = _families(comp["families"], comp["alignment"], labels, doc_index)
    return view


_CHANGE_FIELDS = ("relation", "parent_unit", "child_unit", "parent_text", "child_text", "parent_limits", "child_limits", "limit_direction")


def _families(fam: pd.DataFrame, alignment: pd.DataFrame, labels: dict[str, str], doc_index: dict[str, int]) -> list[FamilyView]:
    """Each family with its children: how each was placed and how it carried the parent's units over. The
    alignment is grouped once for all children (a pandas filter per child grew with the corpus, issue 14)."""
    key = ["child_doc_id", "parent_doc_id"]
    relation_counts: dict[tuple[str, str], dict[str, int]] = {}
    limit_counts: dict[tuple[str, str], dict[str, int]] = {}
    changes_of: dict[tuple[str, str], list[dict[str, str]]] = {}
    if len(alignment):
        for (child, parent, rel), n in alignment.groupby([*key, "relation"], sort=False).size().items():
            relation_counts.setdefault((child, parent), {})[rel] = int(n)
        limited = alignment[alignment["limit_direction"] != ""]
        for (child, parent, direction), n in limited.groupby([*key, "limit_direction"], sort=False).size().sort_values(ascending=False, kind="stable").items():
            limit_counts.setdefault((child, parent), {})[direction] = int(n)
        changed = alignment[alignment["relation"] != "same"].groupby(key, sort=False).head(MAX_CHANGES_SHOWN)
        for x in changed.to_dict("records"):
            changes_of.setdefault((x["child_doc_id"], x["parent_doc_id"]), []).append({k: str(x[k]) for k in _CHANGE_FIELDS})
    out: list[FamilyView] = []
    for fam_id, members in fam.groupby("family_id", sort=False):
        parent = next((d for d, r in zip(members["doc_id"], members["role"]) if r == "parent"), "")
        children: list[ChildView] = []
        listed = members[members["role"] != "parent"]
        for r in listed.head(FAMILY_MAX_CHILDREN).itertuples(index=False):
            pair = (r.doc_id, parent)
            found = relation_counts.get(pair, {}) if parent else {}
            counts = {rel: found.get(rel, 0) for rel in RELATIONS}
            limits = dict(limit_counts.get(pair, {})) if parent else {}
            changes = list(changes_of.get(pair, [])) if parent else []
            children.append(ChildView(r.doc_id, labels.get(r.doc_id, r.doc_id), doc_index.get(r.doc_id, -1), r.link, counts, limits, changes))
        out.append(FamilyView(str(fam_id), labels.get(parent, parent) if parent else "（父文件不在语料中 parent not in the corpus）", doc_index.get(parent, -1), children, len(listed)))
    return out
