"""Evidence: the sentence (or table row) around an extracted value, with its offsets."""

from __future__ import annotations

from .model import NormDoc

_SENTENCE_END = "。！？；"


def sentence_bounds(doc: NormDoc, start: int, end: int | None = None) -> tuple[int, int]:
    """Offsets of the sentence holding text[start:end]; a table row is one sentence."""
    end = start if end is None else end
    para = doc.para_at(start)
    if para is None:
        return start, end
    if para.kind == "row":
        return para.start, para.end
    s = start
    while s > para.start and doc.text[s - 1] not in _SENTENCE_END:
        s -= 1
    e = max(end, start)
    while e < para.end and doc.text[e] not in _SENTENCE_END:
        e += 1
    if e < para.end:
        e += 1  # keep the full stop
    return s, max(e, end)


def sentence(doc: NormDoc, start: int, end: int | None = None) -> str:
    s, e = sentence_bounds(doc, start, end)
    return doc.text[s:e]
