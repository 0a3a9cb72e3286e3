"""Writers for the output tables: CSV (utf-8-sig), XLSX (one sheet per table) and Parquet.

Every file is written to a temporary name and moved into place, so a reader never sees half a file.
"""

from __future__ import annotations

import datetime

import unicodedata
from pathlib import Path
from typing import Iterable, Mapping

import pandas as pd
import regex

FORMATS = ("csv", "xlsx", "parquet")
XLSX_MAX_CELL = 32767  # Excel's limit on characters in one cell
_MAX_WIDTH = 60  # column width cap, in Excel character units


def parse_formats(spec: str) -> tuple[str, ...]:
    """'csv,xlsx' -> ('csv', 'xlsx'); ValueError naming the unknown format otherwise."""
    got = tuple(dict.fromkeys(s.strip().lower() for s in spec.split(",") if s.strip()))
    bad = [f for f in got if f not in FORMATS]
    if bad or not got:
        raise ValueError(f"unknown format {', '.join(bad) or '(none)'}; choose from {', '.join(FORMATS)} (comma-separated)")
    return got


HEADERS = ("en", "zh")


def write_tables(tables: Mapping[str, pd.DataFrame], out: Path, formats: Iterable[str], *, workbook: str, headers: str = "en") -> list[Path]:
    """Each table in each format: out/<name>.csv, out/<name>.parquet, and out/<workbook>.xlsx with one sheet each.
    `headers="zh"` heads the workbook's columns in Chinese (rules/headers.yaml); the other formats keep the
    contract's names."""
    written: list[Path] = []
    fmts = set(formats)
    if "csv" in fmts:
        written += write_csv(tables, out)
    if "parquet" in fmts:
        written += write_parquet(tables, out)
    if "xlsx" in fmts:
        written.append(write_xlsx(tables, out / f"{workbook}.xlsx", headers=headers))
    return written


_FORMULA_START = ("=", "+", "-", "@")


def csv_safe(df: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as a formula (starting with = + - @, also after leading tabs or
    CRs: OWASP's CSV injection list) get a leading apostrophe, as the XLSX export stores them as text: =1+1 becomes '=1+1."""
    out = df
    for col in df.columns:
        if df[col].dtype.kind in "iufb" or str(df[col].dtype) == "Int64":
            continue
        values = df[col].astype("string")
        # a leading tab or CR is skipped by spreadsheets before they look for a formula (OWASP)
        risky = values.str.lstrip("\t\r ").str.startswith(_FORMULA_START).fillna(False)
        if risky.any():
            if out is df:
                out = df.copy()
            out[col] = values.where(~risky, "'" + values)
    return out


def write_csv(tables: Mapping[str, pd.DataFrame], out: Path) -> list[Path]:
    """UTF-8 with BOM so Excel shows Chinese (SCHEMA.md), RFC 4180 quoting."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    staged = []
    for name, df in tables.items():
        path = out / f"{name}.csv"
        tmp = path.with_suffix(".csv.tmp")
        csv_safe(df).to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\r\n")
        staged.append((tmp, path))
    # every table written first, then all renamed: an interruption while writing leaves the previous CSVs
    # whole and consistent with one another
    for tmp, path in staged:
        tmp.replace(path)
        written.append(path)
    return written


def write_parquet(tables: Mapping[str, pd.DataFrame], out: Path) -> list[Path]:
    """One Parquet file per table, with the same types as the DuckDB store (int64 / string)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .store import arrow_table, table_names

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, df in tables.items():
        path = out / f"{name}.parquet"
        tmp = path.with_suffix(".parquet.tmp")
        table = arrow_table(name, df) if name in table_names() else pa.Table.from_pandas(df, preserve_index=False)
        pq.write_table(table, tmp)
        tmp.replace(path)
        written.append(path)
    return written


_ISO_DATE = regex.compile(r"\d{4}-\d{2}-\d{2}")


def _display_width(value: str) -> int:
    """Width in Excel character units: a Han character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in value)


def _cell(value: object) -> object:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    if hasattr(value, "item"):  # numpy scalar -> Python
        value = value.item()  # type: ignore[union-attr]
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)[:XLSX_MAX_CELL]
    return value


def write_xlsx(tables: Mapping[str, pd.DataFrame], path: Path, *, headers: str = "en") -> Path:
    """One sheet per table, header row frozen, columns as wide as their content (capped). The workbook is
    written in openpyxl's write-only mode: rows stream to disk instead of living as cell objects (a normal
    workbook held ~300 MB for 120,000 rows of the comparison tables)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import TYPE_STRING
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from .store import DATE_COLUMNS

    from . import rules

    labels = rules.header_labels().get(headers, {}) if headers != "en" else {}
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    for name, df in tables.items():
        ws = wb.create_sheet(title=name[:31])  # Excel limits sheet names to 31 characters
        head = [labels.get(str(c), str(c)) for c in df.columns]
        # a write-only sheet takes its layout before its rows
        ws.freeze_panes = "A2"
        if len(df.columns):
            ws.auto_filter.ref = f"A1:{get_column_letter(len(df.columns))}{len(df) + 1}"
        for i, col in enumerate(df.columns, start=1):
            sample = [head[i - 1]] + [str(v) for v in df[col].head(200).tolist() if v is not None]
            width = max((_display_width(s) for s in sample), default=8)
            ws.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 6), _MAX_WIDTH)
        header = []
        for label in head:
            cell = WriteOnlyCell(ws, value=label)
            cell.font = bold
            header.append(cell)
        ws.append(header)
        date_cols = {i for i, c in enumerate(df.columns) if c in DATE_COLUMNS}
        for row in df.itertuples(index=False, name=None):
            ws.append([_xlsx_cell(ws, j, _cell(v), date_cols, TYPE_STRING) for j, v in enumerate(row)])
    tmp = path.with_name(path.name + ".tmp")
    wb.save(tmp)
    tmp.replace(path)
    return path


def _xlsx_cell(ws: object, j: int, value: object, date_cols: set[int], text_type: str) -> object:
    """A plain value, or a cell when it needs a type or format: text starting with "=" stays text (not a
    formula), an ISO date in a date column becomes a real date Excel sorts and filters."""
    if not isinstance(value, str):
        return value
    from openpyxl.cell import WriteOnlyCell

    if value.startswith("="):
        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = text_type
        return cell
    if j in date_cols and _ISO_DATE.fullmatch(value):
        cell = WriteOnlyCell(ws, value=datetime.date.fromisoformat(value))
        cell.number_format = "yyyy-mm-dd"
        return cell
    return value


def write_texts(texts: Mapping[str, str], out: Path) -> None:
    """text/<doc_id>.txt for each document (an unchanged file is not written again)."""
    folder = out / "text"
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, text in texts.items():
        path = folder / f"{doc_id}.txt"
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        path.write_text(text, encoding="utf-8")
