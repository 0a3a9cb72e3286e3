"""Records -> Arrow tables with the fixed columns of SCHEMA.md (headers even when a table is empty)."""

from __future__ import annotations

import dataclasses
import operator
from typing import Any, Iterable

import pyarrow as pa

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


def arrow_rows(table: str, records: Iterable[Any]) -> pa.Table:
    """The records as an Arrow table with the store's types (int64 / string, a missing text ""), built
    column by column without pandas: what a batch saves every few hundred documents (issue 14)."""
    cols = columns(table)
    values = operator.attrgetter(*cols)
    rows = [values(r) for r in records]
    arrays = []
    for i, c in enumerate(cols):
        if c in _INT_COLUMNS:
            arrays.append(pa.array([row[i] for row in rows], type=pa.int64()))
        else:
            arrays.append(pa.array([_text(row[i]) for row in rows], type=pa.string()))
    return pa.Table.from_arrays(arrays, schema=pa.schema([pa.field(c, pa.int64() if c in _INT_COLUMNS else pa.string()) for c in cols]))


def _text(value: Any) -> str:
    """A cell as the string dtype writes it: None -> "", True -> "True"."""
    return "" if value is None else value if isinstance(value, str) else str(value)


def arrow_tables(extractions: Iterable[Extraction]) -> dict[str, pa.Table]:
    ex = list(extractions)
    return {
        "documents": arrow_rows("documents", [e.document for e in ex]),
        **{name: arrow_rows(name, [r for e in ex for r in getattr(e, name)]) for name in TABLES if name != "documents"},
    }
