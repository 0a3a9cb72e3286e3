"""The marks over a notice's 发文机关标志 (GB/T 9704 §7.2.1-§7.2.3): 份号, 密级和保密期限 and 紧急程度, each
on its line at the top left of the first page, or run together on one line by a PDF's text; and the 签发人 an
upward document prints beside its 文号 (§7.2.4)."""

from __future__ import annotations

from typing import Sequence

import regex

from . import rules
from .model import NormDoc, Span

HEAD_MARKS = ("copy_number", "secrecy", "urgency")
_NAME_GAP = regex.compile(r"[\s、，,]+")
_SPACE = regex.compile(r"\s+")


def find_head_marks(doc: NormDoc, texts: Sequence[str], until: int) -> dict[str, Span]:
    """The first 份号, 密级 and 紧急程度 among the paragraphs before `until` (the first of the 发文机关标志, the
    文号 and the 标题) or in the run of them that opens the text, each from a line made only of such marks:
    "特急" inside a sentence is no mark."""
    el = rules.element_rules()
    found: dict[str, Span] = {}
    for k, p in enumerate(doc.paras):
        if p.kind != "para" or not el["head_marks"].pattern.match(texts[k]):
            if k >= until:
                break
            continue
        for m in el["head_mark"].pattern.finditer(texts[k]):
            for name in HEAD_MARKS:
                value = m.group(name)
                if value and name not in found:
                    a, b = m.span(name)
                    found[name] = Span(_SPACE.sub("", value), p.start + a, p.start + b, p.page, texts[k])
    return found


def find_signer(doc: NormDoc, texts: Sequence[str], until: int) -> Span | None:
    """The 签发人 among the paragraphs before `until` (the 标题): its names joined with ；."""
    pattern = rules.element_rules()["signer"].pattern
    for k in range(min(until, len(texts))):
        p = doc.paras[k]
        m = pattern.search(texts[k]) if "签发人" in texts[k] else None
        if m:
            names = "；".join(n for n in _NAME_GAP.split(m.group("signer")) if n)
            return Span(names, p.start + m.start("signer"), p.start + m.end("signer"), p.page, texts[k])
    return None
