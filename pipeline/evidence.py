"""Evidence: the sentence (or table row) around an extracted value, with its offsets."""

from __future__ import annotations

from .model import NormDoc

SENTENCE_END = "。！？；!?"  # the one sentence-end set; a line break ends a sentence too (a heading, a table row)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a text, the end mark kept, surrounding white space dropped."""
    out: list[tuple[int, int]] = []
    start = 0
    for i, ch in enumerate(text):
        if ch in SENTENCE_END or ch == "\n":
            end = i + 1 if ch != "\n" else i
            _add(text, start, end, out)
            start = i + 1
    _add(text, start, len(text), out)
    return out


def _add(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def sentence_bounds(doc: NormDoc, start: int, end: int | None = None) -> tuple[int, int]:
    """Offsets of the sentence holding text[start:end]; a table row is one sentence."""
    end = start if end is None else end
    para = doc.para_at(start)
    if para is None:
        return start, end
    if para.kind == "row":
        return para.start, para.end
    text = doc.text
    # after the last sentence end before `start` (str.rfind per mark: a scan in C, not a loop per character)
    s = max(para.start, *(text.rfind(mark, para.start, start) + 1 for mark in SENTENCE_END))
    e0 = max(end, start)
    ends = [at for mark in SENTENCE_END if (at := text.find(mark, e0, para.end)) != -1]
    e = min(ends) + 1 if ends else para.end  # the full stop kept
    return s, max(e, end)


def sentence(doc: NormDoc, start: int, end: int | None = None) -> str:
    s, e = sentence_bounds(doc, start, end)
    return doc.text[s:e]
