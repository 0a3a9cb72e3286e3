"""The corpus store: every table in one DuckDB file, so the corpus can be queried with SQL.

Besides the SCHEMA.md tables the store keeps `files` (which source file and content hash produced each
doc_id: the key of incremental ingestion) and `texts` (each document's normalised text, which the
comparisons need). Writes are atomic: a new database file is written next to the old one and moved over it
with os.replace, so a run killed at any moment leaves either the previous corpus or the new one.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Sequence, TypeAlias

import duckdb

# DuckDB installs and loads extensions on demand from the network (a SQLite file at --db asks for the sqlite
# extension): nothing may be fetched at run time
NO_NETWORK: dict[str, str | bool | int | float | list[str]] = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    # DuckDB may take most of the machine's memory for its buffers; the store's work (a batch's rows in,
    # a table streamed out) spills to disk instead (issue 14: bounded memory at any corpus size)
    "memory_limit": "512MB",
}
# a batch saves its rows while the worker processes use every core: the save is small beside the documents'
# work, and DuckDB's own thread pool would only contend with them (reads and exports keep every thread)
SAVING = {**NO_NETWORK, "threads": 1}
import pandas as pd
import pyarrow as pa

from .tables import TABLES, _INT_COLUMNS, columns

DEFAULT_DB_NAME = "corpus.duckdb"

# tables the store adds to the SCHEMA.md ones; every column text except those in _INT_COLUMNS
STORE_TABLES: dict[str, tuple[str, ...]] = {
    "files": ("doc_id", "source", "sha256", "size", "ingested_at", "pipeline_version"),
    "texts": ("doc_id", "text"),
}
_STORE_INTS = {"size"}


class StoreError(RuntimeError):
    """The database cannot be read or written; the message says which file and why."""


def table_names() -> tuple[str, ...]:
    return (*TABLES, *STORE_TABLES)


def table_columns(name: str) -> list[str]:
    return list(STORE_TABLES[name]) if name in STORE_TABLES else columns(name)


Frame: TypeAlias = "pd.DataFrame | pa.Table"  # a table's rows: pandas for the analyst's paths, Arrow for a batch's saves


_STRINGS = {pa.string(): pd.StringDtype(), pa.large_string(): pd.StringDtype()}


def arrow_frame(table: pa.Table) -> pd.DataFrame:
    """Strings straight to the string dtype: its columns then share the Arrow buffers, no second copy; one
    chunk per column, as DuckDB may hand a large table over in several (a take across chunks concatenates them
    first, on every call)."""
    return table.combine_chunks().to_pandas(types_mapper=_STRINGS.get)


def coerce(name: str, df: Frame | None) -> pd.DataFrame:
    """The table with exactly its columns and dtypes (nullable Int64 / string); missing columns are added empty
    so a store written before a column was added still reads."""
    cols = table_columns(name)
    if isinstance(df, pa.Table):
        df = arrow_frame(df)
    df = pd.DataFrame(columns=cols) if df is None else df.reindex(columns=cols)
    out = pd.DataFrame(index=range(len(df)))
    for c in cols:
        s = df[c].reset_index(drop=True)
        if c in _INT_COLUMNS or c in _STORE_INTS:
            out[c] = pd.to_numeric(s, errors="coerce").astype("Int64")
        else:
            out[c] = s.astype("string").fillna("")
    return out


class TextsById(Mapping[str, str]):
    """doc_id -> normalised text over a texts table, each text made a Python string only when read: the texts
    are the bulk of a store, and a dict of them all held a second copy beside the table's Arrow buffers (160 MB
    at 20,000 notices, issue 14)."""

    def __init__(self, texts: pd.DataFrame) -> None:
        self._at = {str(d): i for i, d in enumerate(texts["doc_id"].tolist())}
        self._text = texts["text"].array

    def __getitem__(self, doc_id: str) -> str:
        value = self._text[self._at[doc_id]]
        return value if isinstance(value, str) else ""

    def __iter__(self) -> Iterator[str]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)


class StoreTexts(Mapping[str, str]):
    """doc_id -> normalised text read from the store when asked, never the whole texts table at once (issue 14:
    the texts are 237 MB of a 20,000-notice store and loading them peaked 400 MB higher). A miss reads the
    text and the READ_AHEAD texts after it in store order by their row ids, a range DuckDB reads about thirty
    times faster per text than a lookup by doc_id, so a pass through the corpus in order costs one query per
    READ_AHEAD texts; about KEEP_CHARS characters of recent texts are kept. DuckDB keeps every block it has
    read in its buffers while a connection to the file is open (120 MB after reading the texts of 20,000
    notices), so the connection is opened again after every REOPEN_TEXTS texts read. Close it when done (a
    `with`): DuckDB lets the file's buffers go when its last connection closes."""

    READ_AHEAD = 128
    KEEP_CHARS = 8_000_000
    REOPEN_TEXTS = 4096

    def __init__(self, db: Path) -> None:
        self._db = db
        self._open = contextlib.ExitStack()
        con = self._connect()
        try:
            present = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
            rows = con.sql('SELECT doc_id, rowid FROM "texts"').fetchall() if "texts" in present else []  # as read_store: no table, no texts
            self._row = {str(d): int(r) for d, r in rows}
        except duckdb.Error as e:
            self.close()
            raise StoreError(f"{db}: cannot read the texts of the corpus database ({e}); move it away or run with --rebuild") from e
        self._kept: dict[str, str] = {}  # insertion order: the oldest read is let go first
        self._chars = 0
        self._read = 0  # texts read since the connection was opened

    def _connect(self) -> duckdb.DuckDBPyConnection:
        self._open.close()
        self._read = 0
        self._con = self._open.enter_context(reading_store(self._db))
        return self._con

    def __getitem__(self, doc_id: str) -> str:
        if doc_id in self._kept:
            return self._kept[doc_id]
        at = self._row[doc_id]  # KeyError for a document without a text
        con = self._connect() if self._read >= self.REOPEN_TEXTS else self._con
        got = con.execute('SELECT doc_id, text FROM "texts" WHERE rowid >= ? AND rowid < ?', [at, at + self.READ_AHEAD]).fetchall()
        self._read += len(got)
        found = ""
        for d, text in got:
            text = text if isinstance(text, str) else ""
            found = text if d == doc_id else found
            self._keep(str(d), text)
        return found

    def _keep(self, doc_id: str, text: str) -> None:
        if doc_id in self._kept:
            return
        while self._kept and self._chars + len(text) > self.KEEP_CHARS:
            self._chars -= len(self._kept.pop(next(iter(self._kept))))
        self._kept[doc_id] = text
        self._chars += len(text)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._row

    def __iter__(self) -> Iterator[str]:
        return iter(self._row)

    def __len__(self) -> int:
        return len(self._row)

    def close(self) -> None:
        self._open.close()

    def __enter__(self) -> "StoreTexts":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def empty_corpus() -> dict[str, pd.DataFrame]:
    return {name: coerce(name, None) for name in table_names()}


def read_store(
    db: Path,
    *,
    names: Iterable[str] | None = None,
    texts_of: Iterable[str] | None = None,
    select: Mapping[str, str] | None = None,
    where: Mapping[str, str] | None = None,
    doc_ids: Sequence[str] | None = None,
) -> dict[str, pd.DataFrame]:
    """Tables of the store (empty tables when the file does not exist yet): all of them, or only `names`.
    With `texts_of`, the texts table holds only those documents' texts (the bulk of the store is text).
    `select` maps a table to the SQL select list a reader needs (its rows stay in store order); the columns
    it leaves out come back empty: a reader that never looks at the evidence cells need not hold them.
    `where` maps a table to the SQL condition on the rows a reader needs. With `doc_ids`, every table holds
    only those documents' rows, in store order (a reader that goes through the corpus a batch at a time)."""
    wanted = tuple(names) if names is not None else table_names()
    if not db.exists():
        return {name: coerce(name, None) for name in wanted}
    try:
        con = duckdb.connect(str(db), read_only=True, config=NO_NETWORK)
    except duckdb.Error as e:
        raise StoreError(f"{db}: cannot open the corpus database ({e}); move it away or run with --rebuild") from e
    try:
        present = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        out = {}
        for name in wanted:
            if name not in present:
                out[name] = coerce(name, None)
            elif name == "texts" and (texts_of is not None or doc_ids is not None):
                ids = list(texts_of if texts_of is not None else doc_ids or ())
                out[name] = coerce(name, con.execute('SELECT * FROM "texts" WHERE doc_id IN (SELECT UNNEST(?::VARCHAR[]))', [ids]).df())
            else:
                # through Arrow, not .df(): the conversion left about a third more memory held (issue 14)
                cols = select.get(name, "*") if select else "*"
                conds = [f"({where[name]})"] if where and name in where else []
                if doc_ids is not None:
                    conds.append("doc_id IN (SELECT UNNEST(?::VARCHAR[]))")
                cond = f" WHERE {' AND '.join(conds)}" if conds else ""
                query = f'SELECT {cols} FROM "{name}"{cond} ORDER BY rowid' if cols != "*" or cond else f'SELECT * FROM "{name}"'
                out[name] = coerce(name, con.sql(query, params=[list(doc_ids)] if doc_ids is not None else None).to_arrow_table())
        return out
    except duckdb.Error as e:  # a truncated or damaged file opens but cannot be read
        raise StoreError(f"{db}: the corpus database is damaged ({type(e).__name__}: {e}); move it away or run with --rebuild") from e
    finally:
        con.close()


@contextlib.contextmanager
def _transaction(db: Path, what: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection inside one transaction, committed and checkpointed at the end; on a DuckDB error (a full
    disk) it rolls back, the store keeps what it held, and the error names `what` could not be saved."""
    try:
        con = duckdb.connect(str(db), config=SAVING)
    except duckdb.Error as e:
        raise StoreError(f"{db}: cannot open the corpus database ({e}); move it away or run with --rebuild") from e
    try:
        con.execute("BEGIN TRANSACTION")
        yield con
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    except duckdb.Error as e:
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise StoreError(f"{db}: cannot save {what} ({e}); check the free space and permissions of {db.parent}") from e
    finally:
        con.close()


def _insert(con: duckdb.DuckDBPyConnection, name: str, df: Frame) -> None:
    con.register("incoming", arrow_table(name, df))
    con.execute(f'INSERT INTO "{name}" SELECT * FROM incoming')
    con.unregister("incoming")


def replace_table(db: Path, name: str, df: pd.DataFrame) -> None:
    """One table's rows replaced in place, in one transaction (documents after duplicates were marked)."""
    with _transaction(db, f"the {name} table") as con:
        con.execute(f'DELETE FROM "{name}"')
        _insert(con, name, df)


_BOM = "\ufeff".encode()
_COPY_OPTIONS = "(HEADER, DELIMITER ',', QUOTE '\"', ESCAPE '\"', NEW_LINE '\r\n')"


def export_csv(db: Path, out: Path, names: Iterable[str]) -> list[Path]:
    """Tables written straight from the database as export.write_csv writes them (UTF-8 with BOM, RFC 4180,
    CRLF, an empty cell for an empty value, a formula-like text cell behind an apostrophe), without loading
    them into memory: DuckDB streams each table to a file, which is then renamed over the old one."""
    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db), read_only=True, config=NO_NETWORK)
    staged = []
    try:
        for name in names:
            exprs = []
            for c in table_columns(name):
                q = f'"{c}"'
                if c in _INT_COLUMNS or c in _STORE_INTS:
                    exprs.append(q)
                else:  # OWASP CSV injection, as export.csv_safe
                    exprs.append(f"CASE WHEN regexp_matches({q}, '^[\\t\\r ]*[=+\\-@]') THEN '''' || {q} ELSE NULLIF({q}, '') END AS {q}")
            body = out / f"{name}.csv.body"
            con.execute(f"COPY (SELECT {', '.join(exprs)} FROM \"{name}\") TO '{body}' {_COPY_OPTIONS}")
            tmp = out / f"{name}.csv.tmp"
            with open(tmp, "wb") as dst, open(body, "rb") as src:
                dst.write(_BOM)
                shutil.copyfileobj(src, dst, 1 << 20)
            body.unlink()
            staged.append((tmp, out / f"{name}.csv"))
    finally:
        con.close()
    for tmp, path in staged:  # all written, then all renamed (as write_csv)
        tmp.replace(path)
    return [path for _, path in staged]


def row_counts(db: Path) -> dict[str, int]:
    """Rows per table, counted in the database (no table is loaded)."""
    if not db.exists():
        return {name: 0 for name in table_names()}
    con = duckdb.connect(str(db), read_only=True, config=NO_NETWORK)
    try:
        present = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        return {name: int(con.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]) if name in present else 0 for name in table_names()}  # type: ignore[index]
    finally:
        con.close()


def rows_per_document(db: Path, name: str, *, distinct: str | None = None) -> dict[str, int]:
    """doc_id -> how many rows of the table a document has (or how many distinct values of the column
    `distinct`), counted in the store: the report's overview without the tables in memory (issue 14)."""
    if name not in table_names() or distinct is not None and distinct not in table_columns(name):
        raise ValueError(f"no column {distinct!r} in table {name!r}")
    con = duckdb.connect(str(db), read_only=True, config=NO_NETWORK)
    try:
        if not con.execute("SELECT table_name FROM information_schema.tables WHERE table_name = ?", [name]).fetchall():
            return {}
        what = f'count(DISTINCT "{distinct}")' if distinct else "count(*)"
        return {str(d): int(n) for d, n in con.execute(f'SELECT doc_id, {what} FROM "{name}" WHERE doc_id IS NOT NULL GROUP BY doc_id').fetchall()}
    finally:
        con.close()


def load_tables(
    source: Path | str,
    *,
    names: Iterable[str] | None = None,
    select: Mapping[str, str] | None = None,
    where: Mapping[str, str] | None = None,
    doc_ids: Sequence[str] | None = None,
) -> dict[str, pd.DataFrame]:
    """The one table loader: the corpus tables (SCHEMA.md tables plus `files` and `texts`) from a store file
    or an output folder, typed as coerce() makes them. `names`, `select`, `where`, `doc_ids`: see read_store
    (a store only; CSV files are read whole).

    An output folder is read through its corpus.duckdb; a folder written before the store existed (or copied
    without it) is read from its CSV files and text/ folder."""
    db = store_file(source)
    if db is not None:
        tables = read_store(db, names=names, select=select, where=where, doc_ids=doc_ids)
        return {name: tables[name] if name in tables else coerce(name, None) for name in table_names()}
    path = Path(source)
    if path.is_dir():
        return _from_csv(path)
    raise FileNotFoundError(f"no corpus at {path}: run the pipeline first (python run_pipeline.py FOLDER --out DIR)")


def store_file(source: Path | str) -> Path | None:
    """The corpus database of an output folder or a store file, None when there is none (a CSV-only folder)."""
    path = Path(source)
    if path.is_dir():
        return path / DEFAULT_DB_NAME if (path / DEFAULT_DB_NAME).exists() else None
    return path if path.is_file() else None


@contextlib.contextmanager
def reading_store(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the store for several queries; DuckDB's errors become a StoreError naming
    the file. (One configuration for every reader: DuckDB refuses a second connection to a file with another.)"""
    try:
        con = duckdb.connect(str(db), read_only=True, config=NO_NETWORK)
    except duckdb.Error as e:
        raise StoreError(f"{db}: cannot open the corpus database ({e}); move it away or run with --rebuild") from e
    try:
        yield con
    except duckdb.Error as e:
        raise StoreError(f"{db}: the corpus database is damaged ({type(e).__name__}: {e}); move it away or run with --rebuild") from e
    finally:
        con.close()


def query_store(db: Path, sql: str) -> pa.Table:
    """The result of one read-only SQL query over the store (issue 14: a grouping DuckDB does in the file is
    never a pandas frame of every row)."""
    with reading_store(db) as con:
        return con.sql(sql).to_arrow_table()


def _from_csv(folder: Path) -> dict[str, pd.DataFrame]:
    if not (folder / "documents.csv").exists():
        raise FileNotFoundError(f"no corpus in {folder}: neither {DEFAULT_DB_NAME} nor documents.csv is there; run the pipeline first (python run_pipeline.py INPUT --out {folder})")
    out: dict[str, pd.DataFrame] = {}
    for name in table_names():
        csv = folder / f"{name}.csv"
        df = pd.read_csv(csv, dtype=str, keep_default_na=False, encoding="utf-8-sig") if csv.exists() else None
        out[name] = coerce(name, df)
    texts = sorted((folder / "text").glob("*.txt")) if (folder / "text").is_dir() else []
    out["texts"] = coerce("texts", pd.DataFrame({"doc_id": [p.stem for p in texts], "text": [_read_text(p) for p in texts]}))
    return out


def _read_text(path: Path) -> str:
    # newline="" keeps \r\n as written: offsets count every character of the file
    with path.open(encoding="utf-8", newline="") as f:
        return f.read()


def as_text(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Every cell as a string, a missing value as "" (what the CSV files hold): for readers that compare text."""
    return {name: df.astype("string").fillna("").astype(object) for name, df in tables.items()}


def merge(corpus: Mapping[str, pd.DataFrame], new: Mapping[str, Frame], replaced: Iterable[str]) -> dict[str, pd.DataFrame]:
    """The corpus with every row of the `replaced` doc_ids removed and the `new` rows added."""
    gone = set(replaced)
    out: dict[str, pd.DataFrame] = {}
    for name in table_names():
        if corpus.get(name) is None or not len(corpus[name]):
            out[name] = coerce(name, new.get(name))  # a first ingest: nothing to remove, nothing to join
            continue
        old = coerce(name, corpus.get(name))
        old = old[~old["doc_id"].isin(gone)]
        add = coerce(name, new.get(name))
        parts = [df for df in (old, add) if len(df)]
        out[name] = coerce(name, pd.concat(parts, ignore_index=True) if parts else None)
    return out


def _arrow(name: str, df: pd.DataFrame) -> pa.Table:
    fields = [pa.field(c, pa.int64() if df[c].dtype == "Int64" else pa.string()) for c in df.columns]
    # straight from the pandas arrays (nullable Int64 -> int64 with nulls, string -> string): no Python lists
    arrays = [pa.array(df[c], type=f.type, from_pandas=True) for c, f in zip(df.columns, fields)]
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def arrow_table(name: str, df: Frame) -> pa.Table:
    """The table as Arrow with explicit types (int64 / string), the same for Parquet and DuckDB."""
    if isinstance(df, pa.Table):
        if df.column_names != table_columns(name):
            raise ValueError(f"{name}: columns {df.column_names} are not {table_columns(name)}")
        return df  # built with the store's types (tables.arrow_rows)
    return _arrow(name, coerce(name, df) if name in table_names() else df)


def write_store(db: Path, corpus: Mapping[str, Frame]) -> None:
    """Write the whole corpus to a new database file, then move it over the old one (atomic on POSIX)."""
    db.parent.mkdir(parents=True, exist_ok=True)
    tmp = db.with_name(db.name + ".tmp")
    for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
        leftover.unlink(missing_ok=True)  # from a run killed while writing
    try:
        con = duckdb.connect(str(tmp), config=SAVING)
        try:
            for name in table_names():
                con.register("incoming", arrow_table(name, corpus.get(name, coerce(name, None))))
                con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM incoming')
                con.unregister("incoming")
            _create_views(con)
            con.execute("CHECKPOINT")
        finally:
            con.close()
    except duckdb.Error as e:  # a full or read-only disk: the old store stays as it was
        tmp.unlink(missing_ok=True)
        raise StoreError(f"{db}: cannot write the corpus database ({e}); check the free space and permissions of {db.parent}") from e
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, db)


def flush(db: Path, new: Mapping[str, Frame], replaced: Iterable[str]) -> None:
    """Save finished documents into the store in place, in one transaction: their old rows go, their new rows
    come. A batch flushes every few hundred documents, so a crash or Ctrl-C keeps the work done so far (a
    run started again skips those files). A store of another shape (older columns) is rewritten whole."""
    ids = list(replaced)
    if not db.exists():
        write_store(db, new)  # the first save: these rows are the corpus
        return
    with _transaction(db, "finished documents") as con:
        shapes = {
            name: [r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position", [name]).fetchall()]
            for name in table_names()
        }
        same_shape = all(cols == table_columns(name) for name, cols in shapes.items())
        if same_shape:
            for name in table_names():
                con.execute(f'DELETE FROM "{name}" WHERE doc_id IN (SELECT UNNEST(?::VARCHAR[]))', [ids])
                _insert(con, name, new.get(name, coerce(name, None)))
    if not same_shape:
        write_store(db, merge(read_store(db), new, ids))


DATE_COLUMNS = {"signed_date", "issued_date", "valid_from", "valid_until", "published_date", "start", "end", "due_date"}


def _create_views(con: duckdb.DuckDBPyConnection) -> None:
    """Views for plain SQL: `<table>_v` with NULL for an empty value and DATE columns typed, and `refs` for
    the table named references (a reserved word in SQL)."""
    for name in table_names():
        cols = [r[0] for r in con.execute(f'DESCRIBE "{name}"').fetchall()]
        types = dict(con.execute(f'SELECT column_name, data_type FROM information_schema.columns WHERE table_name = \'{name}\'').fetchall())
        exprs = []
        for c in cols:
            q = f'"{c}"'
            if c in DATE_COLUMNS:
                exprs.append(f"TRY_CAST(NULLIF({q}, '') AS DATE) AS {q}")
            elif types.get(c) == "VARCHAR":
                exprs.append(f"NULLIF({q}, '') AS {q}")
            else:
                exprs.append(q)
        con.execute(f'CREATE VIEW "{name}_v" AS SELECT {", ".join(exprs)} FROM "{name}"')
    con.execute('CREATE VIEW refs AS SELECT * FROM "references_v"')


@contextlib.contextmanager
def locked(db: Path) -> Iterator[None]:
    """One writer at a time: a second run on the same store waits instead of losing the first run's rows."""
    db.parent.mkdir(parents=True, exist_ok=True)
    with open(db.with_name(db.name + ".lock"), "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
