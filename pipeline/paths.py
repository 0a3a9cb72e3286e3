"""File names as text every table, CSV and database can hold."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

MAX_ID_CHARS = 60  # text/<doc_id>.txt must stay under the 255-byte name limit (3 bytes a Han character)


def readable(path: Path | str) -> str:
    """A path as valid text. Bytes that are not UTF-8 (GBK names from zips unpacked on Linux) are read as
    GB18030, else replaced, so one odd name cannot stop a batch. b'\\xb9\\xfa\\xce\\xc4.txt' -> '国文.txt'"""
    s = str(path)
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        raw = os.fsencode(s)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")


def short_id(stem: str) -> str:
    """A doc_id no longer than MAX_ID_CHARS: a long name keeps its start and gains a hash of the whole."""
    stem = readable(stem)
    if len(stem) <= MAX_ID_CHARS:
        return stem
    digest = hashlib.sha256(stem.encode("utf-8")).hexdigest()[:8]
    return f"{stem[: MAX_ID_CHARS - 9]}_{digest}"
