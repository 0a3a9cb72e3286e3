"""Rows built in the worker (tables.pack_rows, issue 14): a pool's workers send each document's rows as Arrow
record batches; the tables must be the ones built from the records in the parent, in document order and
under the doc_id the batch gave the file."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SEEDS, read_table
from pipeline.process import named, process_path
from pipeline.run import run_batch
from pipeline.store import TABLES
from pipeline.tables import ROW_TABLES, arrow_tables, pack_rows


def test_packed_rows_read_back_as_the_records_tables() -> None:
    extractions = [process_path(p) for p in sorted(SEEDS.glob("*.txt"))]
    plain = arrow_tables(extractions)
    packed = [pack_rows(e) for e in extractions]
    assert all(not getattr(p, name) for p in packed for name in ROW_TABLES)  # the records went into bytes
    assert all(p.packed and "assignments" in p.packed.batches for p in packed)
    assert set(plain) == set(TABLES)
    for name, table in arrow_tables(packed).items():
        assert table.equals(plain[name]), name
    # a mixture keeps document order: the first document's rows as records, the second's packed
    mixed = arrow_tables([extractions[0], packed[1]])
    for name in ROW_TABLES:
        assert mixed[name].column("doc_id").to_pylist() == plain[name].column("doc_id").to_pylist(), name
        assert mixed[name].equals(plain[name]), name


def test_named_renames_every_row() -> None:
    ex = named(process_path(sorted(SEEDS.glob("*.txt"))[0]), "renamed")
    assert ex.document.doc_id == "renamed"
    assert {r.doc_id for name in ROW_TABLES for r in getattr(ex, name)} == {"renamed"}


def test_a_pool_writes_the_tables_of_a_run_in_this_process(tmp_path: Path) -> None:
    """Two files with one name (doc_ids made distinct by the batch) and the seeds: the tables of a run in
    two worker processes equal those of a run without workers, byte for byte."""
    inp = tmp_path / "in"
    for i, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
        (inp / f"d{i}").mkdir(parents=True)
        shutil.copy(seed, inp / f"d{i}" / "notice.txt")
        shutil.copy(seed, inp / seed.name)
        (inp / seed.name).write_text(seed.read_text(encoding="utf-8") + "\n（副本）\n", encoding="utf-8")
    files = sorted(inp.rglob("*.txt"))
    run_batch(files, tmp_path / "w0", workers=0)
    run_batch(files, tmp_path / "w2", workers=2)
    ids = set(read_table(tmp_path / "w2", "documents")["doc_id"])
    assert len(ids) == 4 and {"notice", "notice__d1"} <= ids, ids
    for name in TABLES:
        assert (tmp_path / "w0" / f"{name}.csv").read_bytes() == (tmp_path / "w2" / f"{name}.csv").read_bytes(), name
