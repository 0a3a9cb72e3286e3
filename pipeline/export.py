"""Writers for the output tables."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def write_csv(tables: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    """UTF-8 with BOM so Excel shows Chinese (SCHEMA.md), RFC 4180 quoting."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, df in tables.items():
        path = out / f"{name}.csv"
        tmp = path.with_suffix(".csv.tmp")
        df.to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\r\n")
        tmp.replace(path)
        written.append(path)
    return written


def write_texts(texts: dict[str, str], out: Path) -> None:
    folder = out / "text"
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, text in texts.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
