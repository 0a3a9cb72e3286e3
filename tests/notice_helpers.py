"""Running the pipeline on one short notice written in a test."""

from __future__ import annotations

from pathlib import Path

from pipeline.model import Extraction
from pipeline.process import process_path


def process_text(tmp_path: Path, text: str, name: str = "notice", suffix: str = ".txt") -> Extraction:
    """The extraction of `text` saved as tmp_path/<name><suffix> (.txt, or .md for a crawler's Markdown); the
    test fails if the file gave an error row."""
    path = tmp_path / f"{name}{suffix}"
    path.write_text(text, encoding="utf-8")
    out = process_path(path)
    assert not out.errors, out.errors
    return out
