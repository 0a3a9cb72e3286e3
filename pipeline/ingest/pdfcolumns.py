"""Pages set in two columns (政府公报 and other gazettes print notices this way) read column by column.

A reader that groups characters into lines across the whole page reads a two-column page row by row, the
left column's line and the right column's line as one. The columns show in the characters' horizontal
coverage: a gutter near the middle of the text block that hardly any character crosses, with justified text
on both sides of it (lines of a column end together at its right edge). A list set in two parts (组长：张三
副省长, the 署名 of two issuers side by side) has short, ragged sides and is left alone. Text that crosses
the gutter (the gazette's masthead, a title set across the page, a centred page number) makes full-width
bands; between them the left column is read before the right one.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from .pdflines import _rows
from .pdfpage import Edge, Frag

MIN_CHARS = 200  # fewer characters than this on a page: not enough text to tell columns
MIDDLE = (0.3, 0.7)  # the gutter lies in this part of the text block's width
MIN_GUTTER = 0.8  # in character sizes: narrower empty strips are gaps between words or figures
CROSSING_SHARE = 0.15  # the gutter is crossed by at most this share of the lines crossing the middle's busiest strip
MIN_COLUMN_ROWS = 8  # each column holds at least this many lines
MIN_COLUMN_CHARS = 10  # and their median length is at least this many characters (a list's parts are shorter)
JUSTIFIED_SHARE = 0.5  # this share of a column's lines end within EDGE_SLACK of its right edge
EDGE_SLACK = 1.5  # in character sizes


@dataclass(slots=True)
class Segment:
    """Part of a page in reading order: a full-width band, or one column of a band set in columns."""

    side: str  # "full", "left" or "right"
    top: float
    bottom: float
    frags: list[Frag]


@dataclass(slots=True)
class Columns:
    segments: list[Segment]
    gutter: float  # x of the gutter's middle
    shift: float  # how far right the right column starts from the left one (its lines are moved back by this)


def find_columns(frags: list[Frag], edges: Sequence[Edge] = ()) -> Columns | None:
    """The page's segments in reading order when it is set in two columns, else None. `edges`: the page's
    ruling lines; a horizontal rule across the gutter (under a gazette's masthead) ends a band too."""
    if sum(len(f.text) for f in frags) < MIN_CHARS:  # a fragment is a character, or an OCR line box
        return None
    size = statistics.median(f.size or (f.bottom - f.top) for f in frags) or 10.0
    gutter = _gutter(frags, size)
    if gutter is None:
        return None
    rows = _rows(frags)
    lo, hi = gutter
    mid = (lo + hi) / 2
    # the rows that cross the gutter are full-width bands (a masthead, a title over both columns)
    # (an OCR box may reach into the gutter; it crosses only if it runs over the gutter's middle)
    full_rows = [(min(f.top for f in r), max(f.bottom for f in r)) for r in rows if any(f.x0 < mid < f.x1 for f in r)]
    full_rows += [(e.top, e.bottom) for e in edges if e.orientation == "h" and e.x0 < lo and e.x1 > hi]
    left = [f for f in frags if f.x1 <= mid and not _in_rows(f, full_rows)]
    right = [f for f in frags if f.x0 >= mid and not _in_rows(f, full_rows)]
    left_rows, right_rows = _rows(left), _rows(right)
    if not (_column_text(left_rows, size) and _column_text(right_rows, size)):
        return None
    shift = _left_edge(right_rows) - _left_edge(left_rows)
    return Columns(_segments(frags, full_rows, mid), mid, shift)


def _gutter(frags: list[Frag], size: float) -> tuple[float, float] | None:
    """The widest strip in the middle of the text block that few lines cross (a masthead, a title or a page
    number set across the page may), at least MIN_GUTTER wide. Characters of one line do not overlap, so
    the characters over a point-wide strip count the lines that cross it; "few" is against the most lines
    crossing any strip of the middle (every line, on a page of one column)."""
    x_min = min(f.x0 for f in frags)
    x_max = max(f.x1 for f in frags)
    a = int(x_min + MIDDLE[0] * (x_max - x_min))
    b = int(x_min + MIDDLE[1] * (x_max - x_min)) + 1
    diff = [0] * (b - a + 1)
    for f in frags:
        lo, hi = max(a, int(f.x0)), min(b, int(f.x1) + 1)
        if lo < hi:
            diff[lo - a] += 1
            diff[hi - a] -= 1
    crossed = list(itertools.accumulate(diff[:-1]))
    allowed = CROSSING_SHARE * max(crossed, default=0)
    best: tuple[int, int] | None = None
    run = None
    for i, c in enumerate(crossed + [allowed + 1]):
        if c <= allowed:
            run = i if run is None else run
            continue
        if run is not None and (best is None or i - run > best[1] - best[0]):
            best = (run, i)
        run = None
    if best is None or best[1] - best[0] < MIN_GUTTER * size:
        return None
    return float(a + best[0]), float(a + best[1])


def _in_rows(f: Frag, rows: list[tuple[float, float]]) -> bool:
    centre = (f.top + f.bottom) / 2
    return any(top <= centre <= bottom for top, bottom in rows)


def _column_text(rows: list[list[Frag]], size: float) -> bool:
    """Lines of running text: enough of them, long enough, most ending at one right edge (justified)."""
    if len(rows) < MIN_COLUMN_ROWS:
        return False
    lengths = [sum(len(f.text) for f in r) for r in rows]
    if statistics.median(lengths) < MIN_COLUMN_CHARS:
        return False
    ends = [max(f.x1 for f in r) for r in rows]
    edge = max(ends)
    return sum(1 for x in ends if edge - x <= EDGE_SLACK * size) >= JUSTIFIED_SHARE * len(rows)


def _left_edge(rows: list[list[Frag]]) -> float:
    """Where a column's lines start (its flush lines; a paragraph's first line is indented)."""
    starts = sorted(min(f.x0 for f in r) for r in rows)
    return starts[len(starts) // 10]


def _segments(frags: list[Frag], full_rows: list[tuple[float, float]], mid: float) -> list[Segment]:
    """Full-width bands and, between them, the left column then the right one, top to bottom."""
    bands: list[tuple[str, float, float]] = []
    pos = float("-inf")
    for top, bottom in sorted(full_rows):
        if bands and bands[-1][0] == "full" and top <= bands[-1][2]:
            bands[-1] = ("full", bands[-1][1], max(bands[-1][2], bottom))
        else:
            bands.append(("cols", pos, top))
            bands.append(("full", top, bottom))
        pos = bands[-1][2]
    bands.append(("cols", pos, float("inf")))
    out: list[Segment] = []
    for kind, top, bottom in bands:
        inside = [f for f in frags if top <= (f.top + f.bottom) / 2 <= bottom] if kind == "full" else [
            f for f in frags if top < (f.top + f.bottom) / 2 < bottom
        ]
        if not inside:
            continue
        if kind == "full":
            out.append(Segment("full", top, bottom, inside))
            continue
        for side, part in (("left", [f for f in inside if (f.x0 + f.x1) / 2 < mid]), ("right", [f for f in inside if (f.x0 + f.x1) / 2 >= mid])):
            if part:
                out.append(Segment(side, min(f.top for f in part), max(f.bottom for f in part), part))
    return out
