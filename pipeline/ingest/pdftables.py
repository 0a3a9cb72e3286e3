"""Ruled tables on a page, with pdfplumber's table finder (its lines strategy) run on the page's edges.

pdfplumber's finder snaps and joins the ruling lines, intersects them and turns the intersections into
cells; a merged cell comes out as one cell covering several grid slots (pdfplumber's `Table.extract` would
return `None` for the covered slots). Here every covered slot is filled from the spanning cell and recorded
in `filled`. The edges may come from a text layer (pdfium or pdfplumber) or from a scan (ocr.py), and the
fragments from characters or OCR line boxes, so scans get the same tables.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field
from typing import Sequence

from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

from .pdflines import cell_text
from .pdfpage import Frag, PageData

SNAP = 3.0  # pdfplumber's default snap/join/intersection tolerances (pt)
MIN_EDGE = 3.0


@dataclass(slots=True)
class PTable:
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    cols: list[float]  # column boundaries
    rows: list[list[str]]
    row_tops: list[float]
    filled: set[tuple[int, int]] = field(default_factory=set)
    caption: str = ""  # a first row spanning every column (a title drawn inside the table)


def _cluster(values: Sequence[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def _index(bounds: list[float], v: float) -> int:
    """Index of the boundary nearest to v (bounds sorted)."""
    i = bisect.bisect_left(bounds, v)
    if i == 0:
        return 0
    if i == len(bounds):
        return i - 1
    return i if bounds[i] - v < v - bounds[i - 1] else i - 1


def _split_wide(frags: list[Frag], cols: list[float]) -> list[Frag]:
    """An OCR box that runs across a column line is split there, its text shared out by width."""
    out: list[Frag] = []
    for f in frags:
        inner = [x for x in cols[1:-1] if f.x0 + 0.5 * f.size < x < f.x1 - 0.5 * f.size]
        if len(f.text) < 2 or not inner:
            out.append(f)
            continue
        cuts = [f.x0, *inner, f.x1]
        n = len(f.text)
        # where each character ends, in em: Latin letters and digits are half as wide as Han characters
        ends = list(itertools.accumulate(0.5 if ch.isascii() else 1.0 for ch in f.text))
        pos = 0
        for a, b in zip(cuts, cuts[1:]):
            at = ends[-1] * (b - f.x0) / (f.x1 - f.x0)
            k = min(range(n + 1), key=lambda i: abs((ends[i - 1] if i else 0.0) - at)) if b != f.x1 else n
            if k > pos:
                out.append(Frag(f.text[pos:k], a, b, f.top, f.bottom, f.size, f.red))
            pos = max(pos, k)
    return out


def _one_text_per_row(grid: list[list[str]]) -> bool:
    """Every row holds one text repeated over its columns: merged-cell filling of a frame, not a table."""
    if not grid or len(grid[0]) < 2:
        return False
    return all(len({c for c in row if c}) <= 1 for row in grid)


def find_tables(page: PageData) -> tuple[list[PTable], list[Frag]]:
    """The page's ruled tables, and the fragments that lie outside them."""
    edges = [e.as_plumber() for e in page.edges if not e.red]  # a red rule is the 版头 separator (§7.2.5)
    if sum(1 for e in edges if e["orientation"] == "v") < 2 or sum(1 for e in edges if e["orientation"] == "h") < 2:
        return [], page.frags
    merged = merge_edges(edges, snap_x_tolerance=SNAP, snap_y_tolerance=SNAP, join_x_tolerance=SNAP, join_y_tolerance=SNAP)
    merged = [e for e in merged if (e["x1"] - e["x0"] if e["orientation"] == "h" else e["bottom"] - e["top"]) >= MIN_EDGE]
    cells = intersections_to_cells(edges_to_intersections(merged, SNAP, SNAP))
    tables: list[PTable] = []
    rest = list(page.frags)
    for group in cells_to_tables(cells):
        xs = _cluster([c[0] for c in group] + [c[2] for c in group])
        ys = _cluster([c[1] for c in group] + [c[3] for c in group])
        if len(xs) < 3 or len(ys) < 3:
            continue  # a framed paragraph, not a table
        x0, x1, top, bottom = xs[0], xs[-1], ys[0], ys[-1]
        inside = [f for f in rest if x0 <= (f.x0 + f.x1) / 2 <= x1 and top <= (f.top + f.bottom) / 2 <= bottom]
        if not inside:
            continue
        if page.ocr:
            inside = _split_wide(inside, xs)
        nr, nc = len(ys) - 1, len(xs) - 1
        grid = [[""] * nc for _ in range(nr)]
        filled: set[tuple[int, int]] = set()
        slots: dict[tuple[int, int], list[Frag]] = {}  # grid slot of each fragment's centre
        for f in inside:
            r = min(nr - 1, max(0, bisect.bisect_right(ys, (f.top + f.bottom) / 2) - 1))
            c = min(nc - 1, max(0, bisect.bisect_right(xs, (f.x0 + f.x1) / 2) - 1))
            slots.setdefault((r, c), []).append(f)
        for cx0, ctop, cx1, cbottom in group:
            c0, c1 = _index(xs, cx0), _index(xs, cx1)
            r0, r1 = _index(ys, ctop), _index(ys, cbottom)
            text = cell_text([f for r in range(r0, max(r1, r0 + 1)) for c in range(c0, max(c1, c0 + 1)) for f in slots.get((r, c), ())])
            for r in range(r0, max(r1, r0 + 1)):
                for c in range(c0, max(c1, c0 + 1)):
                    grid[r][c] = text
                    if (r, c) != (r0, c0):
                        filled.add((r, c))
        if _one_text_per_row(grid):
            continue  # a box around running text (one cell merged over the grid), not a table: its text stays text
        rest = [f for f in rest if not (x0 <= (f.x0 + f.x1) / 2 <= x1 and top <= (f.top + f.bottom) / 2 <= bottom)]
        row_tops = ys[:-1]
        caption = ""
        if nr > 1 and nc > 1 and all((0, c) in filled for c in range(1, nc)) and grid[0][0]:
            caption = grid[0][0]
            grid, row_tops = grid[1:], row_tops[1:]
            filled = {(r - 1, c) for r, c in filled if r > 0}
        tables.append(PTable(page.number, x0, top, x1, bottom, xs, grid, row_tops, filled, caption))
    return tables, rest
