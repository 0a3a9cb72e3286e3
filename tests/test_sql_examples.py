"""The README's SQL examples run against the store of the seed corpus, each returning rows."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
import regex

from conftest import ROOT

SQL = regex.findall(r"```sql\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), flags=regex.S)


def test_readme_has_sql_examples() -> None:
    assert len(SQL) >= 3


@pytest.mark.parametrize("query", SQL, ids=[f"sql-{i}" for i in range(len(SQL))])
def test_readme_sql_runs(seed_out: Path, query: str) -> None:
    con = duckdb.connect(str(seed_out / "corpus.duckdb"), read_only=True)
    try:
        rows = con.execute(query).fetchall()
    finally:
        con.close()
    assert rows, f"no rows from:\n{query}"


def test_views_type_dates_and_nulls(seed_out: Path) -> None:
    con = duckdb.connect(str(seed_out / "corpus.duckdb"), read_only=True)
    try:
        kinds = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'documents_v'").fetchall())
        empty = con.execute("SELECT count(*) FROM documents_v WHERE cc = ''").fetchone()
    finally:
        con.close()
    assert kinds["signed_date"] == "DATE" and kinds["pages"] in ("BIGINT", "INTEGER"), kinds
    assert empty == (0,), "missing values are NULL in the views"
