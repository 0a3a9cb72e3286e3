"""Read a pipeline output folder (CSV tables + text/<doc_id>.txt) for the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

# The tables of SCHEMA.md the report shows; documents.csv is required, the others may be absent (empty).
TABLE_NAMES = ("documents", "references", "sections", "domains", "assignments", "tasks", "deadlines", "errors")


@dataclass
class ReportData:
    out_dir: Path
    tables: dict[str, pd.DataFrame]
    texts: dict[str, str] = field(default_factory=dict)

    def rows(self, table: str, doc_id: str) -> pd.DataFrame:
        """The rows of one table that belong to one document, in file order."""
        df = self.tables[table]
        return df[df["doc_id"] == doc_id] if "doc_id" in df.columns else df.iloc[0:0]


def read_output(out_dir: Path) -> ReportData:
    """All tables as strings (empty cell = ""), and the normalised texts the offsets point into."""
    docs = out_dir / "documents.csv"
    if not docs.exists():
        raise FileNotFoundError(f"{docs} is missing: run the pipeline first (python run_pipeline.py INPUT --out {out_dir})")
    tables: dict[str, pd.DataFrame] = {}
    for name in TABLE_NAMES:
        path = out_dir / f"{name}.csv"
        tables[name] = (
            pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig") if path.exists() else pd.DataFrame({"doc_id": []}, dtype=str)
        )
    texts: dict[str, str] = {}
    for doc_id in tables["documents"]["doc_id"]:
        path = out_dir / "text" / f"{doc_id}.txt"
        if path.exists():
            # newline="" keeps \r\n as written: offsets count every character of the file
            with path.open(encoding="utf-8", newline="") as f:
                texts[doc_id] = f.read()
    return ReportData(out_dir=out_dir, tables=tables, texts=texts)


def to_int(value: object) -> int | None:
    """A CSV cell as int, None when empty or not a number."""
    try:
        return int(str(value))
    except ValueError:
        return None
