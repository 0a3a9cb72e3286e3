"""Exports (issue 5): XLSX that opens with openpyxl with the Chinese intact, Parquet and DuckDB holding the same
rows as the CSV files."""

from __future__ import annotations

import datetime

from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook

from conftest import SEEDS, run_cli
from corpus_helpers import as_text, built, csv_tables
from pipeline.export import Chunks, TableWriter, parse_formats, write_xlsx
from pipeline.tables import TABLES


@pytest.mark.shared
def _unguarded(df: pd.DataFrame) -> pd.DataFrame:
    """The CSV's cell values without the apostrophe that keeps a formula-like cell text (export.csv_safe)."""
    return df.map(lambda v: v[1:] if isinstance(v, str) and len(v) > 1 and v[0] == "'" and v[1:].lstrip("\t\r ")[:1] in ("=", "+", "-", "@") else v)


def test_xlsx_opens_with_the_chinese_text_intact(tmp_path_factory: pytest.TempPathFactory) -> None:
    _, _, out = built(tmp_path_factory)
    wb = load_workbook(out / "tables.xlsx", read_only=False)
    assert wb.sheetnames == list(TABLES)
    csvs = csv_tables(out)
    for name in TABLES:
        ws = wb[name]
        assert ws.freeze_panes == "A2", f"{name}: 表头行应冻结"
        rows = [["" if v is None else v.date().isoformat() if isinstance(v, datetime.datetime) else str(v) for v in row] for row in ws.iter_rows(values_only=True)]
        assert rows[0] == list(csvs[name].columns)
        assert rows[1:] == _unguarded(csvs[name]).values.tolist(), f"{name}: XLSX 与 CSV 的内容不同"
    docs = wb["documents"]
    header = [c.value for c in docs[1]]
    titles = {docs.cell(row=r, column=header.index("title") + 1).value for r in range(2, docs.max_row + 1)}
    assert "河南省人民政府办公厅关于全面推进基层政务公开标准化规范化工作的通知" in titles
    width = docs.column_dimensions[chr(ord("A") + header.index("title"))].width
    assert width >= 40, f"标题列应足够宽以便阅读: {width}"


@pytest.mark.shared
def test_parquet_and_duckdb_hold_the_same_rows_as_the_csv(tmp_path_factory: pytest.TempPathFactory) -> None:
    _, _, out = built(tmp_path_factory)
    csvs = csv_tables(out)
    con = duckdb.connect(str(out / "corpus.duckdb"), read_only=True)
    try:
        for name in TABLES:
            expected = _unguarded(csvs[name])
            parquet = as_text(pq.read_table(out / f"{name}.parquet").to_pandas(integer_object_nulls=True))
            db = as_text(con.execute(f'SELECT * FROM "{name}"').df())
            pd.testing.assert_frame_equal(parquet, expected, check_dtype=False, obj=f"{name}.parquet")
            pd.testing.assert_frame_equal(db, expected, check_dtype=False, obj=f"duckdb {name}")
            assert len(expected) > 0 or name == "errors", f"{name}: the corpus should have rows"
    finally:
        con.close()


def test_parquet_keeps_integer_columns_as_integers(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_cli(str(SEEDS), "--out", str(out), "--format", "parquet").returncode == 0
    schema = pq.read_schema(out / "sections.parquet")
    assert str(schema.field("level").type) == "int64" and str(schema.field("heading").type) == "string"
    assert not (out / "sections.csv").exists(), "only the chosen formats are written"


def test_xlsx_keeps_text_that_looks_like_a_formula(tmp_path: Path) -> None:
    df = pd.DataFrame({"evidence": ["=SUM(A1:A2)", "铁岭市", None], "page": pd.array([1, None, 3], dtype="Int64")})
    path = write_xlsx({"t": df}, tmp_path / "x.xlsx")
    ws = load_workbook(path)["t"]
    assert [c.value for c in ws["A"]] == ["evidence", "=SUM(A1:A2)", "铁岭市", None]
    assert ws["A2"].data_type == "s", "以 = 开头的文本不能变成公式"
    assert [c.value for c in ws["B"]] == ["page", 1, None, 3]


@pytest.mark.parametrize("spec, expected", [("csv", ("csv",)), ("xlsx, parquet", ("xlsx", "parquet")), ("CSV,csv", ("csv",))], ids=["csv", "two", "dupe"])
def test_parse_formats(spec: str, expected: tuple[str, ...]) -> None:
    assert parse_formats(spec) == expected


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    proc = run_cli(str(SEEDS), "--out", str(tmp_path / "out"), "--format", "csv,json")
    assert proc.returncode == 2 and "unknown format json" in proc.stderr, proc.stderr


def test_csv_cells_never_start_a_formula(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pandas as pd

    from pipeline.export import write_csv

    df = pd.DataFrame({"title": ["=HYPERLINK(\"http://x\")", "+1", "\t-2", "@SUM(A1)", "\t关于印发的通知"], "page": pd.array([1, 2, 3, 4, 5], dtype="Int64")})
    write_csv({"documents": df}, tmp_path)
    back = pd.read_csv(tmp_path / "documents.csv", dtype=str, encoding="utf-8-sig")
    assert list(back["title"]) == ["'=HYPERLINK(\"http://x\")", "'+1", "'\t-2", "'@SUM(A1)", "\t关于印发的通知"]
    assert list(back["page"]) == ["1", "2", "3", "4", "5"]


def test_xlsx_dates_are_dates_and_sheets_filter(tmp_path_factory: pytest.TempPathFactory) -> None:
    _, _, out = built(tmp_path_factory)
    wb = load_workbook(out / "tables.xlsx")
    docs = wb["documents"]
    header = [c.value for c in docs[1]]
    cell = docs.cell(row=2, column=header.index("signed_date") + 1)
    assert isinstance(cell.value, datetime.datetime) and cell.number_format == "yyyy-mm-dd", (cell.value, cell.number_format)
    assert docs.auto_filter.ref and docs.auto_filter.ref.startswith("A1:"), docs.auto_filter.ref
    pages = docs.cell(row=2, column=header.index("pages") + 1).value
    assert pages is None or isinstance(pages, int)


def test_a_table_written_in_parts_is_the_table_written_whole(tmp_path: Path) -> None:
    """A table too large to hold (compare's codebook from the store, issue 14) is written a part at a time:
    the CSV is byte for byte, the Parquet file and the workbook's sheet (filter over every row) the same as
    the table written whole, also for a table of no rows."""
    df = pd.DataFrame({"doc_id": [f"d{i}" for i in range(7)], "text": ["=1+1", "中文", "", "a,b", "第二行\n", "x", "2021-06-30"], "n": list(range(7))})
    df = df.astype({"doc_id": "string", "text": "string", "n": "int64"})
    for table in (df, df.iloc[:0]):
        cuts = [0, 1, 4, len(table)] if len(table) else [0, 0]
        parts = Chunks(lambda t=table, c=cuts: (t.iloc[a:b] for a, b in zip(c, c[1:])))
        outs = {}
        for how, source in (("whole", table), ("parts", parts)):
            outs[how] = tmp_path / how / str(len(table))
            writer = TableWriter(outs[how], ["csv", "xlsx", "parquet"], workbook="book")
            assert writer.add("t", source) == len(table)
            writer.close()
        whole, part = outs["whole"], outs["parts"]
        assert (part / "t.csv").read_bytes() == (whole / "t.csv").read_bytes()
        assert pq.read_table(part / "t.parquet").equals(pq.read_table(whole / "t.parquet"))
        a, b = load_workbook(whole / "book.xlsx")["t"], load_workbook(part / "book.xlsx")["t"]
        assert [list(r) for r in b.iter_rows(values_only=True)] == [list(r) for r in a.iter_rows(values_only=True)]
        assert b.auto_filter.ref == a.auto_filter.ref == f"A1:C{len(table) + 1}"
        assert parts.frame().reset_index(drop=True).equals(table.reset_index(drop=True))


def test_every_table_has_distinct_chinese_headers() -> None:
    """--headers zh must not head two columns of one sheet alike (tasks' lead_unit and lead_units, the one lead
    and every marked lead, were both 牵头单位)."""
    from pipeline import rules
    from pipeline.tables import columns

    zh = rules.header_labels()["zh"]
    for name in TABLES:
        labels = [zh.get(c, c) for c in columns(name)]
        assert len(labels) == len(set(labels)), (name, sorted({x for x in labels if labels.count(x) > 1}))
