"""Run the pipeline over a batch of files into the corpus store, then export the whole corpus.

Ingestion is incremental, keyed by content hash: a file whose path and SHA-256 are already in the store, and
were extracted by this version of the code and rules (`pipeline_version`), is not read again, a file whose content changed replaces the rows of its doc_id, a file whose content is
already in the store under another path is a duplicate and skipped. Files no longer on disk keep their rows
(the corpus grows); `rebuild=True` starts from an empty corpus.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Sequence

import pandas as pd
import pyarrow as pa

from . import rules, store
from .paths import readable, short_id
from .workers import Limits, default_workers, process_all, process_dask
from .corrections import FILE_NAME as CORRECTIONS_FILE, Applied, apply_corrections, read_corrections
from .duplicates import mark_duplicates
from .export import write_tables, write_texts
from .model import Extraction
from .process import named
from .tables import TABLES, arrow_tables

log = logging.getLogger(__name__)


@dataclass
class BatchResult:
    documents: int = 0  # processed in this run
    unchanged: int = 0  # skipped: same content already in the store
    errors: int = 0  # errors rows of the documents processed in this run
    corpus_documents: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # rows per table in the whole corpus
    extractions: list[Extraction] = field(default_factory=list)
    corrections: Applied = field(default_factory=Applied)  # what the analyst's corrections.csv did


FLUSH_EVERY = 500  # documents between saves into the store during a batch (issue 14: a crash keeps finished work)


@dataclass(frozen=True, slots=True)
class Planned:
    path: Path
    doc_id: str
    sha256: str
    size: int
    replaces: bool  # the doc_id is in the store already (its content changed)


def unique_ids(files: Sequence[Path]) -> dict[Path, str]:
    """doc_id is the file name without extension (SCHEMA.md); a clash gets the parent folder's name added."""
    taken: set[str] = set()
    return {f: _free_id(f, taken) for f in files}


def _free_id(f: Path, taken: set[str]) -> str:
    """The file's stem, or when another source has it, the stem with the parent folder, then the suffix, then a number."""
    stem, parent = short_id(f.stem), short_id(readable(f.parent.name))[:20]
    # lazily: most files take their stem, and building 10,000 names per file cost ms per file (issue 14)
    candidates = itertools.chain((stem, f"{stem}__{parent}", f"{stem}__{readable(f.suffix.lstrip('.'))[:10]}"), (f"{stem}__{n}" for n in range(2, 10_000)))
    for c in candidates:
        if c not in taken and not c.endswith("__"):
            taken.add(c)
            return c
    raise ValueError(f"{f}: no free doc_id")  # 10 000 files with one stem


def _digest(path: Path) -> tuple[str, int]:
    """sha256 and size, read in chunks: a file far over the input limit is hashed without being held whole."""
    h = hashlib.sha256()
    size = 0
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
                size += len(chunk)
    except OSError:
        return "", -1  # process_path reports the unreadable file as an errors row
    return h.hexdigest(), size


@rules.cached
def pipeline_version() -> str:
    """A digest of the code and rules that extract: a store built by other code or rules is re-extracted."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for folder in (root, rules.active().folder):
        for p in sorted(folder.rglob("*")):
            if p.is_file() and p.suffix in {".py", ".yaml", ".yml", ".tsv", ".txt", ".json"}:
                h.update(str(p.relative_to(folder)).encode())
                h.update(p.read_bytes())
    for book in rules.active().codebooks:  # an analyst's codebook changes what is extracted too
        h.update(book.name.encode())
        h.update(book.read_bytes())
    return h.hexdigest()[:16]


def plan(files: Sequence[Path], known: pd.DataFrame) -> tuple[list[Planned], list[Path]]:
    """Which files to process (with their doc_id) and which are unchanged. `known` is the store's files table.
    A file with the content of a stored document is a copy and is skipped, whatever version of the code read
    that document (a copy skipped on the first run must stay skipped when new rules reread the corpus)."""
    version = pipeline_version()
    by_source = {s: (d, h) for d, s, h in zip(known["doc_id"], known["source"], known["sha256"] + "|" + known["pipeline_version"])}
    digests = [(f, *_digest(f), readable(f.resolve())) for f in files]
    edited = {by_source[src][0] for _, sha, _, src in digests if src in by_source and not by_source[src][1].startswith(f"{sha}|")}
    known_hashes = {h: d for d, h in zip(known["doc_id"], known["sha256"]) if h and d not in edited}
    taken = set(known["doc_id"])
    todo: list[Planned] = []
    unchanged: list[Path] = []
    seen_hashes: dict[str, Path] = {}
    for f, sha, size, source in digests:
        if source in by_source:
            doc_id, old = by_source[source]
            if sha and f"{sha}|{version}" == old:
                unchanged.append(f)
            else:
                todo.append(Planned(f, doc_id, sha, size, True))
            continue
        if sha and size > 0 and (sha in known_hashes or sha in seen_hashes):  # two empty files are two errors rows
            log.info("%s: same content as %s, skipped", f, known_hashes.get(sha) or seen_hashes[sha])
            unchanged.append(f)
            continue
        if sha:
            seen_hashes[sha] = f
        todo.append(Planned(f, _free_id(f, taken), sha, size, False))
    return todo, unchanged


def run_batch(
    files: Sequence[Path],
    out: Path,
    *,
    db: Path | None = None,
    formats: Iterable[str] = ("csv",),
    rebuild: bool = False,
    progress: bool = False,
    workers: int | None = None,
    limits: Limits | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    headers: str = "en",
    corrections: Path | None = None,
    flush_every: int = FLUSH_EVERY,
) -> BatchResult:
    """Process new and changed files into the store at `db` (default out/corpus.duckdb), then write every
    table of the whole corpus into `out` in the chosen formats. Documents run in `workers` processes (default:
    the machine's cores; 0 = in this process), each within `limits` (workers.Limits).

    The store is the truth and is changed in place (issue 14): the plan reads only its `files` table,
    finished documents are saved every `flush_every` documents and at the end in one transaction each, and
    a run that changed nothing (same store, corrections, formats and outputs) writes nothing at all."""
    db = db or out / store.DEFAULT_DB_NAME
    result = BatchResult()
    with store.locked(db):
        # --rebuild keeps the old store until the new corpus is whole, then writes it at once (atomic)
        known = store.coerce("files", None) if rebuild else store.read_store(db, names=["files"])["files"]
        todo, unchanged = plan(files, known)
        result.unchanged = len(unchanged)
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        bar = _progress(len(todo), enabled=progress)
        n_workers = default_workers() if workers is None else workers
        if engine == "dask" and todo:
            extractions = process_dask([p.path for p in todo], scheduler=scheduler, workers=n_workers or 1, limits=limits or Limits(), done=bar)
        else:
            extractions = process_all([p.path for p in todo], ids=[p.doc_id for p in todo], workers=min(n_workers, len(todo)) if n_workers else 0, limits=limits or Limits(), done=bar)
        flushed = 0
        for p, ex in zip(todo, extractions):
            ex = named(ex, p.doc_id)  # a pool's workers named it already
            result.extractions.append(ex)
            done = len(result.extractions)
            if flush_every > 0 and done - flushed >= flush_every and not rebuild:
                # finished work reaches the store now: a crash or Ctrl-C later keeps it
                chunk = result.extractions[flushed:done]
                store.flush(db, _tables_for(todo[flushed:done], chunk, now), [q.doc_id for q in todo[flushed:done]])
                write_texts({e.document.doc_id: e.text for e in chunk if e.text}, out)
                # saved and exported: keep only each document's row and errors, so memory does not grow
                # with the batch (issue 14)
                result.extractions[flushed:done] = [Extraction(document=e.document, errors=e.errors) for e in chunk]
                flushed = done
        if rebuild:
            store.write_store(db, _tables_for(todo, result.extractions, now))
        elif flushed < len(todo) or not db.exists():
            store.flush(db, _tables_for(todo[flushed:], result.extractions[flushed:], now), [q.doc_id for q in todo[flushed:]])
        result.documents = len(todo)
        result.errors = sum(len(ex.errors) for ex in result.extractions)
        fixes = read_corrections(corrections or out / CORRECTIONS_FILE)
        settings = _export_settings(formats, headers, fixes)
        # with corrections the full path runs every time, so the run reports what each one did
        if not todo and not rebuild and fixes.empty and _exported(out, db, settings, formats):
            counts = store.row_counts(db)  # nothing changed: the outputs already hold this corpus
        elif fixes.empty and set(formats) == {"csv"}:
            # the common case streams: only the documents table is read (duplicates), DuckDB writes the CSVs
            marked = _marked_documents(db, store.read_store(db, names=["documents"])["documents"])
            store.export_csv(db, out, TABLES)
            _export_texts(out, db, set(marked["doc_id"]), result.extractions)
            _stamp(out, db, settings)
            counts = store.row_counts(db)
        else:
            merged = _finish(db, fixes, result)
            write_tables({k: merged[k] for k in TABLES}, out, formats, workbook="tables", headers=headers)
            _export_texts(out, db, set(merged["documents"]["doc_id"]), result.extractions)
            _stamp(out, db, settings)
            counts = {k: len(v) for k, v in merged.items()}
    result.corpus_documents = counts["documents"]
    result.counts = {k: counts[k] for k in TABLES if k != "errors"}
    return result


def _finish(db: Path, fixes: pd.DataFrame, result: BatchResult) -> dict[str, pd.DataFrame]:
    """The corpus tables after duplicates are marked and the analyst's corrections applied; what they change
    goes back into the store. Texts are read only when corrections need them (an addition's evidence)."""
    corpus = store.read_store(db, texts_of=None if not fixes.empty else ())
    corpus["documents"] = _marked_documents(db, corpus["documents"])
    merged, applied = apply_corrections(corpus, fixes)
    result.corrections = applied
    if applied.applied:
        store.write_store(db, merged)  # corrections are rare and touch any table: the store is rewritten
    return merged


def _marked_documents(db: Path, docs: pd.DataFrame) -> pd.DataFrame:
    """The documents with duplicates marked; the store's documents table updated when a mark changed."""
    marked = mark_duplicates(docs)
    if not marked["duplicate_of"].equals(docs["duplicate_of"]):
        store.replace_table(db, "documents", marked)
    return marked


def _export_texts(out: Path, db: Path, ids: set[str], extractions: list[Extraction]) -> None:
    """text/<doc_id>.txt written for the documents of this run (and read from the store for any other whose
    file is missing), removed for documents no longer in the corpus."""
    folder = out / "text"
    on_disk = {p.stem for p in folder.glob("*.txt")} if folder.is_dir() else set()
    texts = {e.document.doc_id: e.text for e in extractions if e.text}
    missing = ids - on_disk - set(texts)
    if missing:
        stored = store.read_store(db, names=["texts"], texts_of=sorted(missing))["texts"]
        texts.update({d: t for d, t in zip(stored["doc_id"], stored["text"]) if t})
    write_texts(texts, out)
    for stale in on_disk - ids:
        (folder / f"{stale}.txt").unlink(missing_ok=True)


_STAMP = ".export-stamp.json"  # what the outputs in a folder were written from


def _export_settings(formats: Iterable[str], headers: str, fixes: pd.DataFrame) -> dict[str, object]:
    digest = hashlib.sha256(fixes.to_csv(index=False).encode()).hexdigest()[:16] if not fixes.empty else ""
    return {"formats": sorted(set(formats)), "headers": headers, "corrections": digest, "version": pipeline_version()}


def _db_state(db: Path) -> list[int]:
    st = db.stat()
    return [st.st_mtime_ns, st.st_size]


def _exported(out: Path, db: Path, settings: dict[str, object], formats: Iterable[str]) -> bool:
    """The outputs in `out` were written from this very store file with these settings, and are all there."""
    stamp = out / _STAMP
    if not stamp.exists() or not db.exists():
        return False
    try:
        saved = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    files = [out / f"{name}.csv" for name in TABLES] if "csv" in set(formats) else []
    files += [out / f"{name}.parquet" for name in TABLES] if "parquet" in set(formats) else []
    files += [out / "tables.xlsx"] if "xlsx" in set(formats) else []
    return saved == {"db": _db_state(db), **settings} and all(f.exists() for f in files) and (out / "text").is_dir()


def _stamp(out: Path, db: Path, settings: dict[str, object]) -> None:
    (out / _STAMP).write_text(json.dumps({"db": _db_state(db), **settings}), encoding="utf-8")


def _tables_for(planned: Sequence[Planned], extractions: Sequence[Extraction], now: str) -> dict[str, store.Frame]:
    """The rows of these documents for every table of the store, `files` and `texts` included, as Arrow
    tables (no pandas on the way from the workers to the store)."""
    new: dict[str, store.Frame] = dict(arrow_tables(extractions))
    new["files"] = pa.table(
        {
            "doc_id": pa.array([p.doc_id for p in planned], pa.string()),
            "source": pa.array([readable(p.path.resolve()) for p in planned], pa.string()),
            "sha256": pa.array([p.sha256 for p in planned], pa.string()),
            "size": pa.array([p.size if p.size >= 0 else None for p in planned], pa.int64()),
            "ingested_at": pa.array([now] * len(planned), pa.string()),
            "pipeline_version": pa.array([pipeline_version()] * len(planned), pa.string()),
        }
    )
    new["texts"] = pa.table({"doc_id": pa.array([e.document.doc_id for e in extractions], pa.string()), "text": pa.array([e.text or "" for e in extractions], pa.string())})
    return new


def _progress(total: int, *, enabled: bool) -> Callable[[], None]:
    """A callback that advances a progress bar by one document (a no-op when disabled)."""
    if not enabled:
        return lambda: None
    from tqdm import tqdm

    bar = tqdm(total=total, unit="doc", desc="documents", leave=False)
    return lambda: bar.update(1)
