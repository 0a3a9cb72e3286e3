"""Mark extracted values in the normalised text by their offsets (never by searching for the string).

Spans may nest or overlap (a domain inside an assignment's sentence inside a task), so the text is cut at
every span boundary and each piece carries the kinds and row ids of all spans that cover it."""

from __future__ import annotations

import html
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    rid: str  # row id, unique within a document ("asg-3"); the table row with data-target=rid points here
    kind: str  # css kind: docno, field, unit, domain, deadline, task, section
    start: int
    end: int


def valid_spans(spans: list[Span], length: int) -> list[Span]:
    """Spans that fit in a text of this length (a bad offset must not break the page)."""
    return [s for s in spans if 0 <= s.start < s.end <= length]


def highlight(text: str, spans: list[Span]) -> str:
    """HTML of `text` with <span class="hl k-KIND" data-r="ID ..."> around every covered piece; all text escaped."""
    spans = valid_spans(spans, len(text))
    cuts = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    by_start = sorted(spans, key=lambda s: s.start)
    out: list[str] = []
    active: list[Span] = []
    i = 0
    for a, b in zip(cuts, cuts[1:]):
        while i < len(by_start) and by_start[i].start <= a:
            active.append(by_start[i])
            i += 1
        active = [s for s in active if s.end > a]
        piece = html.escape(text[a:b], quote=False)
        if not active:
            out.append(piece)
            continue
        kinds = " ".join(sorted({f"k-{s.kind}" for s in active}))
        rids = " ".join(s.rid for s in active)
        out.append(f'<span class="hl {kinds}" data-r="{html.escape(rids)}" data-o="{a}">{piece}</span>')
    return "".join(out)
