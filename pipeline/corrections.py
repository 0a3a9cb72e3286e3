"""An analyst's corrections (corrections.csv), applied to the corpus on every run and kept across upgrades.

A correction names the document by its content hash (sha256: a renamed file or a new doc_id still matches), the
table and field, the evidence offsets and the value it had when the analyst saw it, and what to do:
accept (mark as checked), reject (drop the row; for a document field, empty it), edit (set `value`) or add (a
row the pipeline missed, its evidence the text at the offsets). Re-applying a correction changes nothing, so
the store may hold corrected rows: a re-extracted document (new code, new rules) gets its corrections again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import pandas as pd

log = logging.getLogger(__name__)

COLUMNS = ["sha256", "doc_id", "table", "field", "start_char", "end_char", "original", "action", "value", "note", "created_at"]
ACTIONS = ("accept", "reject", "edit", "add")
ROW_TABLES = ("references", "domains", "assignments", "tasks", "deadlines")
FILE_NAME = "corrections.csv"


class CorrectionError(ValueError):
    """The corrections file cannot be used; the message names the file and the row."""


@dataclass
class Applied:
    applied: int = 0  # corrections that changed a table
    kept: int = 0  # corrections already in effect (the store holds corrected rows)
    unmatched: int = 0  # corrections whose document or row is not in the corpus (changed text, removed file)


def read_corrections(path: Path) -> pd.DataFrame:
    """The corrections file as text columns; an empty table when it does not exist."""
    if not path.exists():
        return pd.DataFrame({c: pd.Series(dtype="string") for c in COLUMNS})
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, ValueError, UnicodeDecodeError) as e:
        raise CorrectionError(f"{path}: cannot read the corrections file ({e})") from e
    missing = {"sha256", "table", "field", "action"} - set(df.columns)
    if missing:
        raise CorrectionError(f"{path}: needs the columns {', '.join(COLUMNS)} (missing {', '.join(sorted(missing))})")
    for c in COLUMNS:
        if c not in df.columns:
            df[c] = ""
    bad = df[~df["action"].isin(ACTIONS)]
    if len(bad):
        raise CorrectionError(f"{path}: row {int(bad.index[0]) + 2}: action {bad['action'].iloc[0]!r} is not one of {', '.join(ACTIONS)}")
    return df[COLUMNS].astype("string").fillna("")


def _mark(old: str, tag: str) -> str:
    parts = [p for p in str(old or "").split("；") if p]
    return "；".join(dict.fromkeys([*parts, tag]))


def apply_corrections(tables: Mapping[str, pd.DataFrame], corrections: pd.DataFrame) -> tuple[dict[str, pd.DataFrame], Applied]:
    """The tables with the corrections applied (in file order), and what happened to them."""
    out = {k: v.copy() for k, v in tables.items()}
    result = Applied()
    if corrections.empty:
        return out, result
    docs = out["documents"]
    by_hash = {h: d for d, h in zip(docs["doc_id"], docs["sha256"]) if h}
    texts = dict(zip(out["texts"]["doc_id"], out["texts"]["text"])) if "texts" in out else {}
    for c in corrections.to_dict("records"):
        doc_id = by_hash.get(c["sha256"], "")
        if not doc_id:
            result.unmatched += 1
            continue
        if c["table"] == "documents":
            _document_field(out, doc_id, c, result)
        elif c["table"] in ROW_TABLES and c["table"] in out:
            _row(out, doc_id, c, texts.get(doc_id, ""), result)
        else:
            result.unmatched += 1
    if result.unmatched:
        log.warning("%d corrections match no document or row of the corpus (the text changed or the file is gone)", result.unmatched)
    return out, result


def _document_field(out: dict[str, pd.DataFrame], doc_id: str, c: Mapping[str, str], result: Applied) -> None:
    docs = out["documents"]
    field = c["field"]
    if field not in docs.columns or field in ("doc_id", "sha256", "corrected"):
        result.unmatched += 1
        return
    i = docs.index[docs["doc_id"] == doc_id][0]
    new = {"edit": c["value"], "add": c["value"], "reject": ""}.get(c["action"])
    tag = f"{field}:{c['action']}"
    if new is not None and docs.at[i, field] != new:
        docs.at[i, field] = new
        result.applied += 1
    elif tag in str(docs.at[i, "corrected"]).split("；"):
        result.kept += 1
    else:
        result.applied += 1
    docs.at[i, "corrected"] = _mark(docs.at[i, "corrected"], tag)


def _row(out: dict[str, pd.DataFrame], doc_id: str, c: Mapping[str, str], text: str, result: Applied) -> None:
    table = out[c["table"]]
    field = c["field"]
    if field not in table.columns:
        result.unmatched += 1
        return
    try:
        start, end = int(c["start_char"]), int(c["end_char"])
    except ValueError:
        result.unmatched += 1
        return
    at = (table["doc_id"] == doc_id) & (table["start_char"] == start) & (table["end_char"] == end)
    original = at & (table[field] == c["original"])
    action = c["action"]
    if action == "add":
        if (at & (table[field] == c["value"])).any():
            result.kept += 1
            return
        row: dict[str, object] = {col: "" for col in table.columns}
        row.update({"doc_id": doc_id, field: c["value"], "start_char": start, "end_char": end, "corrected": "added"})
        row["evidence"] = text[start:end] if 0 <= start < end <= len(text) else ""
        new = pd.DataFrame([row]).astype({k: v for k, v in table.dtypes.items()}, errors="ignore")
        out[c["table"]] = pd.concat([table, new], ignore_index=True)
        result.applied += 1
    elif action == "reject":
        if original.any():
            out[c["table"]] = table[~original].reset_index(drop=True)
            result.applied += 1
        else:
            result.kept += 1  # gone already (or never there: nothing left to reject)
    elif action == "edit":
        done = at & (table[field] == c["value"]) & table["corrected"].str.contains("edited", regex=False)
        if original.any():
            table.loc[original, field] = c["value"]
            table.loc[original, "corrected"] = [_mark(v, "edited") for v in table.loc[original, "corrected"]]
            result.applied += 1
        elif done.any():
            result.kept += 1
        else:
            result.unmatched += 1
    elif action == "accept":
        if not original.any():
            result.unmatched += 1
        elif table.loc[original, "corrected"].str.contains("accepted", regex=False).all():
            result.kept += 1
        else:
            table.loc[original, "corrected"] = [_mark(v, "accepted") for v in table.loc[original, "corrected"]]
            result.applied += 1
