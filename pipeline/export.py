"""Writers for the output tables: CSV (utf-8-sig), XLSX (one sheet per table) and Parquet.

Every file is written to a temporary name and moved into place, so a reader never sees half a file.
"""

from __future__ import annotations

import datetime

import unicodedata
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, NamedTuple

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
    writer = TableWriter(out, formats, workbook=workbook, headers=headers)
    for name, df in tables.items():
        writer.add(name, df)
    return writer.close()


class TableWriter:
    """Tables written one at a time, so a caller can build a table, write it and let it go (issue 14: the
    comparison tables of a large corpus need not be in memory together). CSV files are staged and all moved
    into place on close; the workbook's sheets stream to disk (openpyxl write-only mode) and it is saved on
    close."""

    def __init__(self, out: Path, formats: Iterable[str], *, workbook: str, headers: str = "en") -> None:
        self.out, self.formats, self.headers = out, set(formats), headers
        self.book_path = out / f"{workbook}.xlsx"
        self.staged: list[tuple[Path, Path]] = []
        self.written: list[Path] = []
        self.book: Any = None
        out.mkdir(parents=True, exist_ok=True)

    def add(self, name: str, table: "pd.DataFrame | Chunks", *, formats: Iterable[str] | None = None) -> int:
        """Write a table (a frame, or Chunks read a part at a time, each part written to every format before
        the next is read); returns its rows. `formats`: a subset of the writer's formats for this table (a
        table too wide for Excel skips xlsx)."""
        fmts = self.formats & set(formats) if formats is not None else self.formats
        parts = table.parts() if isinstance(table, Chunks) else iter([table])
        csv_file, parquet, sheet = None, None, None
        rows = 0
        try:
            for i, df in enumerate(parts):
                rows += len(df)
                if "csv" in fmts:
                    if csv_file is None:
                        path = self.out / f"{name}.csv"
                        self.staged.append((path.with_suffix(".csv.tmp"), path))
                        csv_file = open(self.staged[-1][0], "w", encoding="utf-8-sig", newline="")
                    csv_safe(df).to_csv(csv_file, index=False, header=i == 0, lineterminator="\r\n")
                if "parquet" in fmts:
                    parquet = _parquet_part(parquet, name, df, self.out)
                if "xlsx" in fmts:
                    if self.book is None:
                        from openpyxl import Workbook

                        self.book = Workbook(write_only=True)
                    sheet = sheet or _xlsx_sheet(self.book, name, df, self.headers)
                    _xlsx_rows(sheet, df)
        finally:
            if csv_file is not None:
                csv_file.close()
            if parquet is not None:
                self.written.append(parquet.close())
        if sheet is not None and sheet.columns:
            from openpyxl.utils import get_column_letter

            # the filter is written after the rows (openpyxl's write_tail), so it can span rows counted as written
            sheet.ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}{rows + 1}"
        return rows

    def close(self) -> list[Path]:
        # every table written first, then all renamed: an interruption while writing leaves the previous CSVs
        # whole and consistent with one another
        for tmp, path in self.staged:
            tmp.replace(path)
            self.written.append(path)
        self.staged = []
        if self.book is not None:
            tmp = self.book_path.with_name(self.book_path.name + ".tmp")
            self.book.save(tmp)
            tmp.replace(self.book_path)
            self.written.append(self.book_path)
            self.book = None
        return self.written


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
    return write_tables(tables, out, ["csv"], workbook="")


class Chunks:
    """A table read a part at a time (issue 14: the codebook of a 20,000-notice corpus is 520,000 rows with a
    sentence each, grouped by DuckDB in the store and written as it comes). `parts` makes a new iterator of
    frames of the same columns, at least one (an empty table is one empty frame)."""

    def __init__(self, parts: Callable[[], Iterator[pd.DataFrame]]) -> None:
        self.parts = parts

    def frame(self) -> pd.DataFrame:
        """The whole table, for a caller that holds tables whole (build_comparisons)."""
        return pd.concat(list(self.parts()), ignore_index=True)


class _ParquetPart:
    """One Parquet file per table, with the same types as the DuckDB store (int64 / string), written a part at
    a time and moved into place when closed."""

    def __init__(self, name: str, out: Path, schema: Any) -> None:
        import pyarrow.parquet as pq

        self.path = out / f"{name}.parquet"
        self.tmp = self.path.with_suffix(".parquet.tmp")
        self.writer = pq.ParquetWriter(self.tmp, schema)

    def close(self) -> Path:
        self.writer.close()
        self.tmp.replace(self.path)
        return self.path


def _parquet_part(open_file: _ParquetPart | None, name: str, df: pd.DataFrame, out: Path) -> _ParquetPart:
    import pyarrow as pa

    from .store import arrow_table, table_names

    table = arrow_table(name, df) if name in table_names() else pa.Table.from_pandas(df, preserve_index=False)
    if open_file is None:
        open_file = _ParquetPart(name, out, table.schema)
    open_file.writer.write_table(table.cast(open_file.writer.schema))
    return open_file


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
    """One sheet per table (see _xlsx_sheet), in one workbook at `path`."""
    writer = TableWriter(path.parent, ["xlsx"], workbook=path.stem, headers=headers)
    for name, df in tables.items():
        writer.add(name, df)
    writer.close()
    return path


class _Sheet(NamedTuple):
    ws: Any
    columns: list[str]
    date_cols: set[int]


def _xlsx_sheet(wb: Any, name: str, df: pd.DataFrame, headers: str) -> _Sheet:
    """A sheet with its header row (frozen) and columns as wide as the first rows' content (capped); the rows
    follow by _xlsx_rows. The workbook is in openpyxl's write-only mode: rows stream to disk instead of living
    as cell objects (a normal workbook held ~300 MB for 120,000 rows of the comparison tables)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from . import rules
    from .store import DATE_COLUMNS

    labels = rules.header_labels().get(headers, {}) if headers != "en" else {}
    ws = wb.create_sheet(title=name[:31])  # Excel limits sheet names to 31 characters
    head = [labels.get(str(c), str(c)) for c in df.columns]
    # a write-only sheet takes its layout before its rows
    ws.freeze_panes = "A2"
    for i, col in enumerate(df.columns, start=1):
        sample = [head[i - 1]] + [str(v) for v in df[col].head(200).tolist() if v is not None]
        width = max((_display_width(s) for s in sample), default=8)
        ws.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 6), _MAX_WIDTH)
    bold = Font(bold=True)
    header = []
    for label in head:
        cell = WriteOnlyCell(ws, value=label)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    return _Sheet(ws, [str(c) for c in df.columns], {i for i, c in enumerate(df.columns) if c in DATE_COLUMNS})


def _xlsx_rows(sheet: _Sheet, df: pd.DataFrame) -> None:
    from openpyxl.cell.cell import TYPE_STRING

    for row in df.itertuples(index=False, name=None):
        sheet.ws.append([_xlsx_cell(sheet.ws, j, _cell(v), sheet.date_cols, TYPE_STRING) for j, v in enumerate(row)])


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
