"""Records -> Arrow tables with the fixed columns of SCHEMA.md (headers even when a table is empty)."""

from __future__ import annotations

import dataclasses
import functools
import operator
from typing import Any, Iterable

import pyarrow as pa

from .model import AssignmentRow, DeadlineRow, DocumentRow, DomainRow, ErrorRow, Extraction, PackedRows, ReferenceRow, SectionRow, TaskRow

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
ROW_TABLES = ("references", "sections", "domains", "assignments", "tasks", "deadlines")  # what pack_rows packs
_INT_COLUMNS = {"pages", "doc_number_year", "doc_number_serial", "page", "level", "start_char", "end_char", "pages_ocr"}


def columns(table: str) -> list[str]:
    return [f.name for f in dataclasses.fields(TABLES[table])]


@functools.lru_cache(maxsize=None)
def _schema(table: str) -> pa.Schema:
    return pa.schema([pa.field(c, pa.int64() if c in _INT_COLUMNS else pa.string()) for c in columns(table)])


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
    return pa.Table.from_arrays(arrays, schema=_schema(table))


def _text(value: Any) -> str:
    """A cell as the string dtype writes it: None -> "", True -> "True"."""
    return "" if value is None else value if isinstance(value, str) else str(value)


def pack_rows(ex: Extraction) -> Extraction:
    """The extraction with its row tables as Arrow record batches (PackedRows): built in the worker that
    extracted the document, they cross to the parent as a few byte strings (issue 14)."""
    batches = {}
    for name in ROW_TABLES:
        records = getattr(ex, name)
        if records:
            batches[name] = arrow_rows(name, records).combine_chunks().to_batches()[0].serialize().to_pybytes()
    return Extraction(document=ex.document, errors=ex.errors, text=ex.text, packed=PackedRows(batches))


def arrow_tables(extractions: Iterable[Extraction]) -> dict[str, pa.Table]:
    """Every table's rows of these documents, in document order; packed rows are read back without
    conversion, the others built from their records."""
    ex = list(extractions)
    out = {"documents": arrow_rows("documents", [e.document for e in ex]), "errors": arrow_rows("errors", [r for e in ex for r in e.errors])}
    for name in ROW_TABLES:
        parts: list[pa.Table] = []
        records: list[Any] = []
        for e in ex:
            batch = e.packed.batches.get(name) if e.packed else None
            if batch is None:
                records.extend(getattr(e, name))
                continue
            if records:
                parts.append(arrow_rows(name, records))
                records = []
            parts.append(pa.Table.from_batches([pa.ipc.read_record_batch(pa.py_buffer(batch), _schema(name))]))
        if records or not parts:
            parts.append(arrow_rows(name, records))
        out[name] = parts[0] if len(parts) == 1 else pa.concat_tables(parts).combine_chunks()
    return {name: out[name] for name in TABLES}
