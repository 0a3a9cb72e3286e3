"""Run the pipeline over a batch of files and write every table."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from .export import write_csv, write_texts
from .model import Extraction
from .process import process_path
from .tables import frames

log = logging.getLogger(__name__)


@dataclass
class BatchResult:
    documents: int = 0
    errors: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    extractions: list[Extraction] = field(default_factory=list)


def unique_ids(files: Sequence[Path]) -> dict[Path, str]:
    """doc_id is the file name without extension (SCHEMA.md); a clash gets the parent folder's name added."""
    ids: dict[Path, str] = {}
    seen: dict[str, int] = {}
    for f in files:
        base = f.stem
        n = seen.get(base, 0)
        seen[base] = n + 1
        ids[f] = base if n == 0 else f"{base}__{f.parent.name or n}"
    return ids


def run_batch(files: Sequence[Path], out: Path) -> BatchResult:
    ids = unique_ids(files)
    result = BatchResult()
    for f in files:
        log.info("processing %s", f)
        ex = process_path(f)
        if ids[f] != ex.document.doc_id:
            ex = _renamed(ex, ids[f])
        result.extractions.append(ex)
    tables = frames(result.extractions)
    write_csv(tables, out)
    write_texts({e.document.doc_id: e.text for e in result.extractions if not e.document.error}, out)
    result.documents = len(result.extractions)
    result.errors = len(tables["errors"])
    result.counts = {k: len(v) for k, v in tables.items() if k != "errors"}
    return result


def _renamed(ex: Extraction, doc_id: str) -> Extraction:
    import dataclasses

    ex.document.doc_id = doc_id
    for name in ("references", "sections", "domains", "assignments", "tasks", "deadlines", "errors"):
        setattr(ex, name, [dataclasses.replace(r, doc_id=doc_id) for r in getattr(ex, name)])
    return ex
