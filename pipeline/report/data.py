"""Read a pipeline output folder (its store, or CSV tables + text/<doc_id>.txt) for the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

import pandas as pd
import pyarrow as pa

from ..store import TextsById, as_text, load_tables, rows_per_document, store_file

# The tables of SCHEMA.md the report shows; documents.csv is required, the others may be absent (empty).
TABLE_NAMES = ("documents", "references", "sections", "domains", "assignments", "tasks", "deadlines", "errors")


# Tables the report shows whole as text (one row per document or per error); the others stay typed, one
# copy, and a document's rows become text when its page is written (issue 14: a second, all-text copy of
# every table was half of the report's memory).
WHOLE_AS_TEXT = ("documents", "errors")


def _text(value: object) -> str:
    """A cell as the CSV files hold it: a missing value is "", a number its digits."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return value if isinstance(value, str) else str(value)


@dataclass
class ReportData:
    out_dir: Path
    tables: dict[str, pd.DataFrame]
    texts: Mapping[str, str] = field(default_factory=dict)
    # table -> doc_id -> rows, counted in the store when the tables themselves were not read (the overview
    # of a large corpus); "domains_distinct" counts a document's distinct domains
    counts: dict[str, dict[str, int]] | None = None
    _positions: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)
    _arrow: dict[str, pa.Table] = field(default_factory=dict, repr=False)

    def records(self, table: str, doc_id: str) -> list[dict[str, str]]:
        """The rows of one table that belong to one document, in file order, every cell a string (empty =
        ""). Positions are indexed once per table (a scan per document would make the report quadratic);
        the rows are taken from an Arrow view of the table (its string columns are Arrow already), so only
        this document's cells become Python strings."""
        df = self.tables[table]
        if "doc_id" not in df.columns:
            return []
        if table not in self._positions:
            self._positions[table] = df.groupby("doc_id", sort=False).indices
            # one chunk per column: pyarrow's take over several chunks joins them on every call (quadratic)
            self._arrow[table] = pa.Table.from_pandas(df, preserve_index=False).combine_chunks()
        at = self._positions[table].get(doc_id)
        if at is None:
            return []
        return [{c: _text(v) for c, v in row.items()} for row in self._arrow[table].take(at).to_pylist()]


def read_output(out_dir: Path, *, doc_ids: Sequence[str] | None = None) -> ReportData:
    """The tables (documents and errors as strings, empty cell = "") and the normalised texts the offsets
    point into, from the output folder's store (its CSV files when the store is absent); with `doc_ids`,
    only those documents' rows and texts (from a store)."""
    corpus = load_tables(out_dir, doc_ids=doc_ids)
    texts = TextsById(corpus["texts"])
    tables = {name: corpus[name] for name in TABLE_NAMES} | as_text({name: corpus[name] for name in WHOLE_AS_TEXT})
    return ReportData(out_dir=out_dir, tables=tables, texts=texts)


def read_overview(out_dir: Path, row_tables: Sequence[str], *, min_documents: int = 0) -> ReportData | None:
    """The documents and errors tables (as text) and each document's row counts of `row_tables` and distinct
    domains, counted in the store: the overview of a corpus without its other tables in memory (issue 14).
    None when the folder has no store (its CSV files are read whole) or fewer than `min_documents` documents
    (a corpus small enough to read whole)."""
    db = store_file(out_dir)
    if db is None or len(rows_per_document(db, "documents")) < min_documents:
        return None
    corpus = load_tables(db, names=WHOLE_AS_TEXT)
    counts = {name: rows_per_document(db, name) for name in row_tables}
    counts["domains_distinct"] = rows_per_document(db, "domains", distinct="domain")
    tables = {name: corpus[name] for name in TABLE_NAMES} | as_text({name: corpus[name] for name in WHOLE_AS_TEXT})
    return ReportData(out_dir=out_dir, tables=tables, counts=counts)


def to_int(value: object) -> int | None:
    """A CSV cell as int, None when empty or not a number."""
    try:
        return int(str(value))
    except ValueError:
        return None
