"""Per-document view models: the rows of each table with the offsets the page links to the text."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .data import ReportData, to_int
from .highlight import Span, highlight, valid_spans

# table -> (row id prefix, highlight kind, [(column, header)])
ROW_TABLES: dict[str, tuple[str, str, list[tuple[str, str]]]] = {
    "references": ("ref", "docno", [("cited_title", "被引文件 cited title"), ("cited_doc_number", "文号"), ("alias", "简称 alias")]),
    "assignments": (
        "asg",
        "unit",
        [("domain", "领域 domain"), ("unit", "单位 unit"), ("unit_type", "类型 type"), ("role", "role"), ("source", "source")],
    ),
    "tasks": (
        "task",
        "task",
        [
            ("task_id", "id"), ("title", "任务 task"), ("lead_unit", "牵头 lead"), ("units", "单位 units"),
            ("co_units", "配合 assisting"), ("deadline_text", "时限"), ("due_date", "due"),
        ],
    ),
    "deadlines": (
        "dl",
        "deadline",
        [("text", "时限 text"), ("kind", "kind"), ("start", "start"), ("end", "end"), ("frequency", "frequency"), ("task_id", "task")],
    ),
    "domains": ("dom", "domain", [("domain", "领域 domain"), ("mention", "原文 mention"), ("section_id", "section")]),
}

# the field a correction of a row names (its value identifies the row among rows with the same evidence)
MAIN_FIELD: dict[str, str] = {"references": "cited_title", "assignments": "unit", "tasks": "title", "deadlines": "text", "domains": "domain"}

# documents row fields shown in a document's header, with their labels (GB/T 9704-2012 element names)
DOC_FIELDS: list[tuple[str, str]] = [
    ("copy_number", "份号"),
    ("secrecy", "密级"),
    ("urgency", "紧急程度"),
    ("doc_number", "发文字号"),
    ("signer", "签发人"),
    ("issuer", "发文机关"),
    ("title", "标题"),
    ("doc_type", "文种"),
    ("recipients", "主送机关"),
    ("signed_date", "成文日期"),
    ("issued_date", "印发日期"),
    ("printer", "印发机关"),
    ("subject_terms", "主题词"),
    ("cc", "抄送机关"),
    ("publicity", "公开属性"),
    ("attachments", "附件"),
    ("topic", "主题 topic"),
    ("valid_from", "施行 valid from"),
    ("valid_until", "有效期至 valid until"),
]


@dataclass
class RowView:
    rid: str
    cells: list[str]
    page: str
    start: int | None
    end: int | None
    linked: bool  # its offsets fit the text, so clicking it can show the evidence
    field: str = ""  # the field a correction names (MAIN_FIELD)
    original: str = ""  # that field's value
    corrected: str = ""  # a correction already applied by the pipeline (accepted, edited, added)


@dataclass
class TableView:
    name: str
    kind: str
    headers: list[str]
    rows: list[RowView]


@dataclass
class FieldView:
    rid: str
    label: str
    value: str
    page: str
    start: int | None
    end: int | None
    linked: bool
    field: str = ""  # the documents column
    corrected: bool = False


@dataclass
class SectionNode:
    rid: str
    label: str
    heading: str
    page: str
    start: int | None
    end: int | None
    linked: bool
    children: list["SectionNode"] = field(default_factory=list)


@dataclass
class DocView:
    index: int
    doc_id: str
    doc: dict[str, str]
    fields: list[FieldView]
    tables: list[TableView]
    sections: list[SectionNode]
    errors: list[dict[str, str]]
    text_html: str | None
    spans: int
    kinds: list[str]


def _fits(start: int | None, end: int | None, length: int) -> bool:
    return start is not None and end is not None and 0 <= start < end <= length


def _evidence(doc: dict[str, str]) -> dict[str, Any]:
    try:
        ev = json.loads(doc.get("evidence") or "{}")
    except json.JSONDecodeError:
        return {}
    return ev if isinstance(ev, dict) else {}


def _fields(doc: dict[str, str], length: int) -> tuple[list[FieldView], list[Span]]:
    ev = _evidence(doc)
    views: list[FieldView] = []
    spans: list[Span] = []
    for name, label in DOC_FIELDS:
        value = doc.get(name, "")
        if not value:
            continue
        loc = ev.get(name) or [None, None, None]
        start, end = to_int(loc[0]) if len(loc) > 0 else None, to_int(loc[1]) if len(loc) > 1 else None
        page = "" if len(loc) < 3 or loc[2] is None else str(loc[2])
        rid = f"fld-{name}"
        linked = _fits(start, end, length)
        corrected = any(p.startswith(f"{name}:") for p in str(doc.get("corrected", "")).split("；"))
        views.append(FieldView(rid, label, value, page, start, end, linked, name, corrected))
        if linked and start is not None and end is not None:
            spans.append(Span(rid, "docno" if name == "doc_number" else "field", start, end))
    return views, spans


def _table(name: str, records: list[dict[str, str]], length: int) -> tuple[TableView, list[Span]]:
    prefix, kind, cols = ROW_TABLES[name]
    rows: list[RowView] = []
    spans: list[Span] = []
    for i, rec in enumerate(records):
        rid = f"{prefix}-{i}"
        start, end = to_int(rec.get("start_char", "")), to_int(rec.get("end_char", ""))
        linked = _fits(start, end, length)
        main = MAIN_FIELD[name]
        rows.append(RowView(rid, [str(rec.get(c, "")) for c, _ in cols], str(rec.get("page", "")), start, end, linked, main, str(rec.get(main, "")), str(rec.get("corrected", ""))))
        if linked and start is not None and end is not None:
            spans.append(Span(rid, kind, start, end))
    return TableView(name, kind, [h for _, h in cols], rows), spans


def _sections(records: list[dict[str, str]], length: int) -> tuple[list[SectionNode], list[Span]]:
    nodes: dict[str, SectionNode] = {}
    roots: list[SectionNode] = []
    spans: list[Span] = []
    for i, rec in enumerate(records):
        start, end = to_int(rec.get("start_char", "")), to_int(rec.get("end_char", ""))
        if end is None and start is not None:
            end = start + 1  # older outputs have only start_char: mark the heading's first character
        rid = f"sec-{i}"
        linked = _fits(start, end, length)
        node = SectionNode(rid, rec.get("label", ""), rec.get("heading", ""), str(rec.get("page", "")), start, end, linked)
        nodes[rec.get("section_id", "")] = node
        parent = nodes.get(rec.get("parent_id", ""))
        (parent.children if parent is not None else roots).append(node)
        if linked and start is not None and end is not None:
            spans.append(Span(rid, "section", start, end))
    return roots, spans


def doc_view(data: ReportData, index: int, doc: dict[str, str]) -> DocView:
    doc_id = doc["doc_id"]
    text = data.texts.get(doc_id)
    length = len(text) if text is not None else 0
    fields, spans = _fields(doc, length)
    tables: list[TableView] = []
    for name in ROW_TABLES:
        view, s = _table(name, data.records(name, doc_id), length)
        tables.append(view)
        spans += s
    sections, s = _sections(data.records("sections", doc_id), length)
    spans += s
    errors = data.records("errors", doc_id)
    spans = valid_spans(spans, length)
    return DocView(
        index=index,
        doc_id=doc_id,
        doc=doc,
        fields=fields,
        tables=tables,
        sections=sections,
        errors=errors,
        text_html=highlight(text, spans) if text is not None else None,
        spans=len(spans),
        kinds=sorted({s.kind for s in spans}),
    )


def overview_rows(data: ReportData) -> list[dict[str, Any]]:
    """One row per document for the corpus table: identity, dates, region, topic and row counts."""
    if data.counts is not None:  # counted in the store (a large corpus, its tables not read)
        counts = {n: data.counts.get(n, {}) for n in ROW_TABLES}
        n_domains = data.counts.get("domains_distinct", {})
    else:
        counts = {n: data.tables[n]["doc_id"].value_counts().to_dict() for n in ROW_TABLES if "doc_id" in data.tables[n]}
        dom = data.tables["domains"]
        n_domains = dom.groupby("doc_id")["domain"].nunique().to_dict() if {"doc_id", "domain"} <= set(dom.columns) else {}
    errors = data.tables["errors"]["doc_id"].value_counts().to_dict() if "doc_id" in data.tables["errors"] else {}
    out = []
    for i, doc in enumerate(data.tables["documents"].to_dict("records")):
        d = doc["doc_id"]
        region = "".join(doc.get(k, "") for k in ("region_province", "region_city", "region_county"))
        out.append(
            {
                "index": i,
                "doc": doc,
                "region": region,
                "counts": {n: int(counts.get(n, {}).get(d, 0)) for n in ROW_TABLES},
                "n_domains": int(n_domains.get(d, 0)),
                "errors": int(errors.get(d, 0)) + (1 if doc.get("error") and not errors.get(d) else 0),
            }
        )
    return out
