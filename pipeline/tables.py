"""Records -> DataFrames with the fixed columns of SCHEMA.md (headers even when a table is empty)."""

from __future__ import annotations

import dataclasses
from typing import Any, Iterable

import pandas as pd

from .model import AssignmentRow, DeadlineRow, DocumentRow, DomainRow, ErrorRow, Extraction, ReferenceRow, SectionRow, TaskRow

TABLES: dict[str, type] = {
    "documents": DocumentRow,
    "references": ReferenceRow,
    "sections": SectionRow,
    "domains": DomainRow,
    "assignments": AssignmentRow,
    "tasks": TaskRow,
    "deadlines": DeadlineRow,
    "errors": ErrorRow,
}
_INT_COLUMNS = {"pages", "doc_number_year", "doc_number_serial", "page", "level", "start_char", "end_char", "pages_ocr"}


def columns(table: str) -> list[str]:
    return [f.name for f in dataclasses.fields(TABLES[table])]


def frame(table: str, records: Iterable[Any]) -> pd.DataFrame:
    cols = columns(table)
    rows = [dataclasses.astuple(r) for r in records]
    df = pd.DataFrame(rows, columns=cols)
    for c in cols:
        df[c] = df[c].astype("Int64") if c in _INT_COLUMNS else df[c].astype("string").fillna("")
    return df


def frames(extractions: Iterable[Extraction]) -> dict[str, pd.DataFrame]:
    ex = list(extractions)
    return {
        "documents": frame("documents", [e.document for e in ex]),
        "references": frame("references", [r for e in ex for r in e.references]),
        "sections": frame("sections", [r for e in ex for r in e.sections]),
        "domains": frame("domains", [r for e in ex for r in e.domains]),
        "assignments": frame("assignments", [r for e in ex for r in e.assignments]),
        "tasks": frame("tasks", [r for e in ex for r in e.tasks]),
        "deadlines": frame("deadlines", [r for e in ex for r in e.deadlines]),
        "errors": frame("errors", [r for e in ex for r in e.errors]),
    }
