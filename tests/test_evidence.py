"""The one sentence splitter (pipeline/evidence.py): evidence sentences and the reuse comparison share it."""

from __future__ import annotations

from pathlib import Path

from conftest import SEEDS
from pipeline.evidence import sentence_bounds, split_sentences
from pipeline.ingest import read_document
from pipeline.layout import normalise



def test_split_keeps_end_marks_and_drops_space() -> None:
    text = "一、总体要求。加快推进！\n  二、主要任务；完成"
    assert [text[a:b] for a, b in split_sentences(text)] == ["一、总体要求。", "加快推进！", "二、主要任务；", "完成"]


def test_evidence_sentence_is_one_of_the_split_sentences_on_a_seed() -> None:
    """On a real notice, the evidence sentence around any offset of body text is exactly a sentence the
    splitter gives (both use the same end marks)."""
    path = sorted(SEEDS.glob("*.txt"))[0]
    doc = normalise(read_document(path))
    spans = set()
    for p in doc.paras:
        if p.kind != "para":
            continue
        spans |= {(p.start + a, p.start + b) for a, b in split_sentences(doc.text[p.start : p.end])}
    checked = 0
    for p in doc.paras:
        if p.kind != "para" or p.end - p.start < 20:
            continue
        mid = (p.start + p.end) // 2
        if doc.text[mid] in "。！？；!?\n":
            continue
        assert sentence_bounds(doc, mid) in spans, doc.text[slice(*sentence_bounds(doc, mid))]
        checked += 1
    assert checked >= 10
