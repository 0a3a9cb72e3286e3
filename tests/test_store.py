"""The corpus store (issue 5): incremental ingestion keyed by content hash, replacement of a changed file's
rows, --rebuild, and atomic writes that survive a run killed mid-way."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from conftest import ROOT, SEEDS, run_cli
from corpus_helpers import SEED_IDS, built, corpus, csv_tables, private_copy
from pipeline.store import read_store

pytestmark = pytest.mark.shared

TIELING = SEED_IDS[1]


def assert_same_corpus(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame], *, skip: tuple[str, ...] = ()) -> None:
    for name in a:
        if name in skip:
            continue
        pd.testing.assert_frame_equal(a[name], b[name], obj=f"table {name}")


def test_second_run_skips_every_unchanged_file(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    inp, wild, out = private_copy(tmp_path, tmp_path_factory)
    before = corpus(out / "corpus.duckdb")
    n = len(before["files"])
    proc = run_cli(str(inp), str(wild), "--out", str(out))
    assert proc.returncode == 0, f"nothing processed, so no errors rows: {proc.stdout}{proc.stderr}"
    assert f"0 documents processed, {n} unchanged" in proc.stdout, proc.stdout
    assert_same_corpus(before, corpus(out / "corpus.duckdb"))
    assert set(csv_tables(out)["documents"].doc_id) == set(before["documents"].doc_id), "CSV 描述整个语料库"


def test_the_store_remembers_source_and_hash_of_every_document(tmp_path_factory: pytest.TempPathFactory) -> None:
    inp, _, out = built(tmp_path_factory)
    files = read_store(out / "corpus.duckdb")["files"].set_index("doc_id")
    docs = read_store(out / "corpus.duckdb")["documents"]
    assert set(files.index) == set(docs.doc_id)
    src = inp / "seeds" / f"{TIELING}.txt"
    import hashlib

    assert files.loc[TIELING, "source"] == str(src.resolve())
    assert files.loc[TIELING, "sha256"] == hashlib.sha256(src.read_bytes()).hexdigest()


def test_a_changed_file_replaces_only_its_rows(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    inp, wild, out = private_copy(tmp_path, tmp_path_factory)
    before = corpus(out / "corpus.duckdb")
    seed = inp / "seeds" / f"{TIELING}.txt"
    text = seed.read_text(encoding="utf-8")
    assert "铁公开领〔2020〕1号" in text and "2022年6月底前" in text
    seed.write_text(text.replace("铁公开领〔2020〕1号", "铁公开领〔2020〕9号").replace("2022年6月底前", "2022年9月底前"), encoding="utf-8")
    proc = run_cli(str(inp), str(wild), "--out", str(out))
    assert f"1 documents processed, {len(before['files']) - 1} unchanged" in proc.stdout, proc.stdout
    after = corpus(out / "corpus.duckdb")
    for name, old in before.items():
        new = after[name]
        if name == "files":
            continue  # the changed file's row has its new hash
        if name == "documents":
            # duplicate_of relates documents across the corpus: the other copy of the Tieling notice (same
            # 文号 before the edit) is no copy any more, and says so
            copies = old[old.duplicate_of == TIELING].doc_id.tolist()
            assert copies and (new.set_index("doc_id").loc[copies, "duplicate_of"] == "").all()
            old, new = old.drop(columns="duplicate_of"), new.drop(columns="duplicate_of")
        pd.testing.assert_frame_equal(
            old[old.doc_id != TIELING].reset_index(drop=True), new[new.doc_id != TIELING].reset_index(drop=True), obj=f"{name}: other documents"
        )
        assert (new.doc_id == TIELING).sum() == (old.doc_id == TIELING).sum(), f"{name}: 铁岭的行被替换而不是追加"
    doc = after["documents"].set_index("doc_id").loc[TIELING]
    assert doc.doc_number == "铁公开领〔2020〕9号"
    ends = set(after["deadlines"].query("doc_id == @TIELING").end)
    assert "2022-09-30" in ends and "2022-06-30" not in ends, f"新的期限替换旧的: {sorted(ends)}"
    assert csv_tables(out)["documents"].set_index("doc_id").loc[TIELING, "doc_number"] == "铁公开领〔2020〕9号"


def test_same_content_under_another_name_is_not_ingested_twice(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    shutil.copy(SEEDS / f"{TIELING}.txt", inp)
    out = tmp_path / "out"
    assert run_cli(str(inp), "--out", str(out)).returncode == 0
    shutil.copy(SEEDS / f"{TIELING}.txt", inp / "copy_of_tieling.txt")
    proc = run_cli(str(inp), "--out", str(out))
    assert "0 documents processed, 2 unchanged" in proc.stdout, proc.stdout
    assert list(read_store(out / "corpus.duckdb")["documents"].doc_id) == [TIELING]


def test_rebuild_starts_over(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_cli(str(SEEDS), "--out", str(out)).returncode == 0
    proc = run_cli(str(SEEDS / f"{TIELING}.txt"), "--out", str(out), "--rebuild")
    assert proc.returncode == 0 and "1 documents processed, 0 unchanged" in proc.stdout, proc.stdout
    assert list(read_store(out / "corpus.duckdb")["documents"].doc_id) == [TIELING]
    assert list(csv_tables(out)["documents"].doc_id) == [TIELING]
    assert [p.stem for p in (out / "text").glob("*.txt")] == [TIELING], "河南的文本也不再在输出中"


def test_db_flag_puts_the_store_elsewhere(tmp_path: Path) -> None:
    db = tmp_path / "elsewhere" / "my.duckdb"
    assert run_cli(str(SEEDS), "--out", str(tmp_path / "out"), "--db", str(db)).returncode == 0
    con = duckdb.connect(str(db), read_only=True)
    try:
        got = con.execute("SELECT doc_number FROM documents ORDER BY doc_id").fetchall()
    finally:
        con.close()
    assert got == [("豫政办〔2020〕5号",), ("铁公开领〔2020〕1号",)]
    assert not (tmp_path / "out" / "corpus.duckdb").exists()


def _start(inp: Path, wild: Path, out: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "run_pipeline.py"), str(inp), str(wild), "--out", str(out), "--rebuild", "-v"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_a_run_killed_while_processing_leaves_the_previous_corpus(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    inp, wild, out = private_copy(tmp_path, tmp_path_factory)
    before = corpus(out / "corpus.duckdb")
    proc = _start(inp, wild, out)
    assert proc.stderr is not None
    started = 0
    for line in proc.stderr:  # -v logs one line per document it starts
        started += "processing" in line
        if started == 3:
            break
    assert proc.poll() is None, "the run should still be going after its third document"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert_same_corpus(before, corpus(out / "corpus.duckdb"))
    again = run_cli(str(inp), str(wild), "--out", str(out))
    assert f"0 documents processed, {len(before['files'])} unchanged" in again.stdout, again.stdout


def test_a_run_killed_while_writing_leaves_a_whole_corpus(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Killed the moment the store is being written (a changed document is saved in place, in one DuckDB
    transaction whose write-ahead log appears beside the file; a rebuild writes a new file and moves it): the
    store is the old corpus or the new one, never a mix."""
    inp, wild, out = private_copy(tmp_path, tmp_path_factory)
    db = out / "corpus.duckdb"
    before = corpus(db)
    seed = inp / "seeds" / f"{TIELING}.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("铁公开领〔2020〕1号", "铁公开领〔2020〕9号"), encoding="utf-8")
    tmp = db.with_name(db.name + ".tmp")
    wal = db.with_name(db.name + ".wal")
    proc = subprocess.Popen([sys.executable, str(ROOT / "run_pipeline.py"), str(inp), str(wild), "--out", str(out)], cwd=ROOT)
    caught = False
    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline:
        if tmp.exists() or wal.exists():
            os.kill(proc.pid, signal.SIGKILL)
            caught = True
            break
        time.sleep(0.0005)
    proc.wait(timeout=30)
    assert caught, "the run ended before it was seen writing the store; nothing was tested"
    after = corpus(db)  # opens: the file in place is a complete database
    number = after["documents"].set_index("doc_id").loc[TIELING, "doc_number"]
    if number == "铁公开领〔2020〕1号":
        assert_same_corpus(before, after)
    else:  # the move had happened: then everything of the new run is there
        assert number == "铁公开领〔2020〕9号"
        assert len(after["sections"]) == len(before["sections"]), "新语料库是完整的"
    again = run_cli(str(inp), str(wild), "--out", str(out))
    assert not tmp.exists(), again.stdout + again.stderr
    assert read_store(db)["documents"].set_index("doc_id").loc[TIELING, "doc_number"] == "铁公开领〔2020〕9号"


def test_a_rendering_with_the_same_name_gets_its_own_doc_id(tmp_path_factory: pytest.TempPathFactory) -> None:
    from corpus_helpers import _memo

    inp, _, out = built(tmp_path_factory)
    if not _memo.get("pdfs"):
        pytest.skip("tests/pdfgen.py (branch pdf) or its font is not available: no PDF renderings of the seeds")
    files = read_store(out / "corpus.duckdb")["files"].set_index("source")
    for doc_id in SEED_IDS:
        txt, pdf = files.loc[str((inp / "seeds" / f"{doc_id}.txt").resolve()), "doc_id"], files.loc[str((inp / "seeds_pdf" / f"{doc_id}.pdf").resolve()), "doc_id"]
        assert (txt, pdf) == (doc_id, f"{doc_id}__seeds_pdf"), "文本保留文件名作为 doc_id，PDF 加上文件夹名"


def test_a_crash_keeps_the_documents_finished_before_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 14: a batch saves finished documents into the store as it goes (every `flush_every`); when it dies
    after two of three documents, the store holds those two and the next run processes only the third."""
    from pipeline import run, store
    from pipeline.process import process_path

    inp = tmp_path / "in"
    inp.mkdir()
    for name in ("a", "b", "c"):
        shutil.copy(SEEDS / f"{TIELING}.txt", inp / f"{name}.txt")
        (inp / f"{name}.txt").write_text((inp / f"{name}.txt").read_text(encoding="utf-8") + f"\n（{name}）\n", encoding="utf-8")
    files = sorted(inp.glob("*.txt"))
    out = tmp_path / "out"

    def dies_after_two(paths, **kwargs):  # type: ignore[no-untyped-def]
        for i, p in enumerate(paths):
            if i == 2:
                raise KeyboardInterrupt  # Ctrl-C, or a machine going down
            yield process_path(p)

    monkeypatch.setattr(run, "process_all", dies_after_two)
    with pytest.raises(KeyboardInterrupt):
        run.run_batch(files, out, workers=0, flush_every=1)
    kept = store.read_store(out / "corpus.duckdb")
    assert sorted(kept["files"]["doc_id"]) == ["a", "b"] and sorted(kept["documents"]["doc_id"]) == ["a", "b"]
    assert set(kept["deadlines"]["doc_id"]) == {"a", "b"} and len(kept["texts"]) == 2
    monkeypatch.undo()
    again = run.run_batch(files, out, workers=0, flush_every=1)
    assert (again.documents, again.unchanged) == (1, 2)
    assert sorted(store.read_store(out / "corpus.duckdb")["documents"]["doc_id"]) == ["a", "b", "c"]


def test_a_run_that_changes_nothing_writes_nothing(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Issue 14: with every file unchanged the store and every output keep their bytes and times; removing an
    output makes the next run write the outputs again."""
    inp, wild, out = private_copy(tmp_path, tmp_path_factory)
    first = run_cli(str(inp), str(wild), "--out", str(out))  # writes the stamp of what the outputs hold
    assert first.returncode in (0, 1), first.stderr
    watched = [out / "corpus.duckdb", out / "documents.csv", out / "tasks.csv", *sorted((out / "text").glob("*.txt"))[:3]]
    before = {p: p.stat().st_mtime_ns for p in watched}
    again = run_cli(str(inp), str(wild), "--out", str(out))
    assert "0 documents processed" in again.stdout, again.stdout
    assert {p: p.stat().st_mtime_ns for p in watched} == before
    (out / "tasks.csv").unlink()
    third = run_cli(str(inp), str(wild), "--out", str(out))
    assert (out / "tasks.csv").exists(), third.stdout + third.stderr
    assert f": documents {len(pd.read_csv(out / 'documents.csv', encoding='utf-8-sig'))}, references" in third.stdout, third.stdout


def test_one_changed_file_is_saved_in_place(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """A changed notice replaces its own rows inside the database file (no new file is written and moved), its
    text file is rewritten, the other documents' text files are left alone."""
    inp, wild, out = private_copy(tmp_path, tmp_path_factory)
    db = out / "corpus.duckdb"
    inode = db.stat().st_ino
    texts = {p: p.stat().st_mtime_ns for p in (out / "text").glob("*.txt") if p.stem != TIELING}
    seed = inp / "seeds" / f"{TIELING}.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("铁公开领〔2020〕1号", "铁公开领〔2020〕7号"), encoding="utf-8")
    proc = run_cli(str(inp), str(wild), "--out", str(out))
    assert proc.stdout.startswith("1 documents processed"), proc.stdout
    assert db.stat().st_ino == inode
    assert read_store(db)["documents"].set_index("doc_id").loc[TIELING, "doc_number"] == "铁公开领〔2020〕7号"
    assert "铁公开领〔2020〕7号" in (out / "text" / f"{TIELING}.txt").read_text(encoding="utf-8")
    assert {p: p.stat().st_mtime_ns for p in texts} == texts


def test_csv_streamed_from_the_store_equals_the_pandas_export(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """store.export_csv (DuckDB COPY, the default run's export) writes the same bytes as export.write_csv: BOM,
    CRLF, quoting, empty cells, integers, and formula-like text behind an apostrophe."""
    from pipeline.export import write_csv
    from pipeline.store import export_csv, write_store
    from pipeline.tables import TABLES

    _, _, out = built(tmp_path_factory)
    tables = read_store(out / "corpus.duckdb")
    docs = tables["documents"].copy()
    docs.loc[0, "title"] = "=1+1"
    docs.loc[1, "title"] = "\t-2，“引号”,逗号\n换行"
    tables["documents"] = docs
    db = tmp_path / "c.duckdb"
    write_store(db, tables)
    a, b = tmp_path / "a", tmp_path / "b"
    export_csv(db, a, TABLES)
    write_csv({k: read_store(db)[k] for k in TABLES}, b)
    for name in TABLES:
        assert (a / f"{name}.csv").read_bytes() == (b / f"{name}.csv").read_bytes(), name
    assert "'=1+1" in (a / "documents.csv").read_text(encoding="utf-8-sig")


def test_a_batch_of_documents_and_the_rows_per_document_read_from_the_store(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Issue 14: a reader that goes through the corpus a batch at a time gets exactly those documents' rows,
    in store order, and the row counts per document are counted in the store."""
    from pipeline.store import rows_per_document

    _, _, out = built(tmp_path_factory)
    db = out / "corpus.duckdb"
    whole = read_store(db)
    ids = list(whole["documents"]["doc_id"])
    assert len(ids) >= 3, "the built corpus has several documents"
    picked = [ids[2], ids[0]]
    batch = read_store(db, doc_ids=picked)
    for name, df in whole.items():
        expected = df[df["doc_id"].isin(picked)].reset_index(drop=True)
        pd.testing.assert_frame_equal(batch[name].reset_index(drop=True), expected, obj=f"table {name}")
    assert all(len(t) == 0 for t in read_store(db, doc_ids=[]).values())
    for name in ("tasks", "references", "deadlines", "errors"):
        assert rows_per_document(db, name) == {str(k): int(v) for k, v in whole[name]["doc_id"].value_counts().items()}, name
    distinct = whole["domains"].groupby("doc_id")["domain"].nunique()
    assert rows_per_document(db, "domains", distinct="domain") == {str(k): int(v) for k, v in distinct.items()}
    with pytest.raises(ValueError):
        rows_per_document(db, "tasks", distinct="no_such_column")
