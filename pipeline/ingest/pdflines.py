"""Text fragments of a page to lines in reading order.

Fragments whose vertical extents overlap form a line, read left to right. "Fake bold" (WPS and some Word
exports draw every glyph twice, a fraction of a point apart) is removed: a fragment repeating the previous
one's text at almost the same place is dropped. Spaces come from geometry, not from the file: PDF
extraction puts spurious spaces between Han characters and around digits (`〔2020〕5 号`, `到 2023 年`), so
a space is kept only between two Latin/digit fragments a word-space apart, or where a wide gap separates two
items on one line (`河南省人民政府办公厅        2020年3月12日印发`).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

import regex

from ..orgnames import looks_like_org
from .pdfpage import Frag

_LATIN_END = regex.compile(r"[A-Za-z0-9]$")
_LATIN_START = regex.compile(r"^[A-Za-z0-9]")
_DIGIT_END = regex.compile(r"\d$")
WIDE_GAP = 1.5  # in character sizes: a gap this wide separates two items on one line
# in character sizes: the space set between joint issuers' names in a title or a 署名 ("鹤岗市人民政府 鹤岗市中级
# 人民法院印发", GB/T 9704 §7.3.1), on a line whose other characters stand close
JOINT_GAP = 0.4
TIGHT_GAP = 0.1
_HAN_END = regex.compile(r"\p{Han}$")
_HAN_START = regex.compile(r"^\p{Han}")
DUP_OFFSET = 0.3  # a repeated glyph closer than this share of its width to its twin is fake bold


@dataclass(slots=True)
class PLine:
    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    red: bool = False
    bold: bool = False
    ocr: bool = False
    cues: set[str] = field(default_factory=set)
    column: bool = False  # a line of a page set in two columns (pdfcolumns): measured against the column's margins


def _rows(frags: list[Frag]) -> list[list[Frag]]:
    """Cluster fragments into rows by vertical overlap (sorted by their vertical centre)."""
    rows: list[list[Frag]] = []
    top = bottom = 0.0
    for f in sorted(frags, key=lambda f: (f.top + f.bottom) / 2):
        h = f.bottom - f.top
        if rows:
            overlap = min(bottom, f.bottom) - max(top, f.top)
            if overlap >= 0.5 * min(h, bottom - top):
                rows[-1].append(f)
                top, bottom = min(top, f.top), max(bottom, f.bottom)
                continue
        rows.append([f])
        top, bottom = f.top, f.bottom
    return rows


def _tight(row: list[Frag], size: float) -> bool:
    """The row's characters stand close (a title's, a 署名's), not spread out by justification."""
    gaps = sorted(b.x0 - a.x1 for a, b in zip(row, row[1:]))
    return bool(gaps) and gaps[len(gaps) // 2] < TIGHT_GAP * size


def join_row(row: list[Frag]) -> tuple[str, list[Frag], bool]:
    """Left-to-right text of one row, the fragments kept, and whether duplicated glyphs were dropped."""
    row = sorted(row, key=lambda f: f.x0)
    kept: list[Frag] = []
    bold = False
    parts: list[str] = []
    for f in row:
        size = f.size or (f.bottom - f.top)
        dup = False
        # a duplicate really overlaps its twin: offset by a fraction of the glyph's own width, not of the
        # font size (two equal digits side by side, `2025`, are one glyph width apart)
        width = min(size, max(f.x1 - f.x0, 0.1 * size))
        for k in kept[-3:]:
            if k.text == f.text and abs(k.x0 - f.x0) < DUP_OFFSET * width and abs(k.top - f.top) < DUP_OFFSET * size:
                dup = True
                break
        if dup:
            bold = True
            continue
        if kept:
            prev = kept[-1]
            gap = f.x0 - prev.x1
            if gap > WIDE_GAP * size:
                parts.append(" ")
            elif gap > 0.2 * size and _LATIN_END.search(prev.text) and _LATIN_START.search(f.text):
                parts.append(" ")
            elif gap > JOINT_GAP * size and _HAN_END.search(prev.text) and _HAN_START.search(f.text) and _tight(row, size) and looks_like_org("".join(parts)):
                parts.append(" ")  # the name before it is a whole issuer's: the next issuer's name follows
        parts.append(f.text)
        kept.append(f)
    return "".join(parts), kept, bold


def _page_number_box(f: Frag) -> bool:
    from .. import rules

    text = f.text.strip()
    return bool(text) and any(r.pattern.match(text) for r in rules.page_number_rules())


def group_lines(frags: list[Frag], page: int, *, ocr: bool = False) -> list[PLine]:
    """Fragments to lines, top to bottom. On a scan, an OCR box that is a page number ("—7—") stands on its
    own line even where skew puts it level with the last line of text, so furniture removal finds it."""
    rows = _rows(frags)
    if ocr:
        alone = [f for f in frags if _page_number_box(f)]
        if alone:
            rows = [r for r in _rows([f for f in frags if not _page_number_box(f)])] + [[f] for f in alone]
            rows.sort(key=lambda r: min((f.top + f.bottom) / 2 for f in r))
    out: list[PLine] = []
    for row in rows:
        text, kept, bold = join_row(row)
        if not text.strip():
            continue
        sizes = [f.size for f in kept if f.size]
        out.append(
            PLine(
                text=text,
                page=page,
                x0=min(f.x0 for f in kept),
                x1=max(f.x1 for f in kept),
                top=min(f.top for f in kept),
                bottom=max(f.bottom for f in kept),
                size=statistics.median(sizes) if sizes else 10.0,
                red=sum(1 for f in kept if f.red) * 2 > len(kept),
                bold=bold,
                ocr=ocr,
            )
        )
    return out


def cell_text(frags: list[Frag]) -> str:
    """Text of a table cell: its lines joined without the breaks the cell's width made."""
    parts: list[str] = []
    for row in _rows(frags):
        text, _, _ = join_row(row)
        text = " ".join(text.split())  # a cell value never carries tabs or line breaks into the tables
        if not text:
            continue
        if parts and _LATIN_END.search(parts[-1]) and _LATIN_START.search(text) and not _DIGIT_END.search(parts[-1]):
            parts.append(" ")
        parts.append(text)
    return "".join(parts)
