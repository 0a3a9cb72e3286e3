"""Tables drawn with horizontal rules only (三线表: a rule above and below the header and one at the
bottom, no vertical borders), which Word exports produce for some attachment tables.

With no vertical lines pdfplumber's lines strategy finds nothing, and its text strategy would turn any
justified paragraph into columns. So a region is taken as a table only when horizontal rules of the same
extent bound it and the first text row under the top rule is a header whose every cell is a known column
role (rules/tables.yaml: 序号, 工作任务, 责任单位, 完成时限 ...). Column boundaries are then the widest gaps in
the characters' horizontal coverage between neighbouring header cells; rows are the spaces between inner
rules when the rows are ruled, else a row starts where the first column (序号) has text.
"""

from __future__ import annotations

import statistics
from typing import Callable, Sequence

from .. import rules
from .pdflines import _rows, cell_text
from .pdfpage import Edge, Frag, PageData
from .pdftables import PTable

MIN_RULE = 120.0  # pt: a table rule spans most of the text block; shorter strokes are underlines
ALIGN = 6.0  # pt: rules of one table start and end at the same x within this
PIECE_GAP = 0.25  # in character sizes: a wider gap between header characters may separate two cells


def _rules(page: PageData, tables: Sequence[PTable]) -> list[Edge]:
    """Long non-red horizontal rules outside the ruled tables, one per y (a rule drawn in pieces is joined)."""
    out: list[Edge] = []
    for e in sorted((e for e in page.edges if e.orientation == "h" and not e.red), key=lambda e: (round(e.top), e.x0)):
        if any(t.x0 - 3 <= e.x0 and e.x1 <= t.x1 + 3 and t.top - 3 <= e.top <= t.bottom + 3 for t in tables):
            continue
        if out and abs(out[-1].top - e.top) <= 2 and e.x0 <= out[-1].x1 + 3:
            last = out[-1]
            out[-1] = Edge(last.x0, last.top, max(last.x1, e.x1), last.bottom, "h", False)
            continue
        out.append(e)
    return [e for e in out if e.x1 - e.x0 >= MIN_RULE]


def _stacks(edges: list[Edge]) -> list[list[Edge]]:
    """Runs of rules, top to bottom, that share their left and right ends."""
    stacks: list[list[Edge]] = []
    for e in sorted(edges, key=lambda e: e.top):
        if stacks and abs(stacks[-1][0].x0 - e.x0) <= ALIGN and abs(stacks[-1][0].x1 - e.x1) <= ALIGN:
            stacks[-1].append(e)
        else:
            stacks.append([e])
    return [s for s in stacks if len(s) >= 2]


def _cells(frags: list[Frag], role: Callable[[str], str]) -> list[list[Frag]]:
    """A header's fragments as cells. Pieces split where characters leave a gap (cells may wrap over
    lines, so pieces are cut by x only); a piece without a column role of its own continues its neighbour
    (`序 号` set with a space, `完成时限` + `（年底前）`)."""
    pieces: list[list[Frag]] = []
    right = 0.0
    for f in sorted(frags, key=lambda f: f.x0):
        size = f.size or (f.bottom - f.top)
        if pieces and f.x0 - right <= PIECE_GAP * size:
            pieces[-1].append(f)
            right = max(right, f.x1)
            continue
        pieces.append([f])
        right = f.x1
    cells: list[list[Frag]] = []
    for piece in pieces:
        if cells and (not role(cell_text(cells[-1])) or not role(cell_text(piece))):
            cells[-1] = cells[-1] + piece
        else:
            cells.append(piece)
    return cells


def _boundary(frags: list[Frag], a: float, b: float, size: float) -> float | None:
    """Middle of the widest x-range in (a, b) that no fragment covers, if one is at least a third of a
    character wide."""
    spans = sorted((max(a, f.x0), min(b, f.x1)) for f in frags if f.x1 > a and f.x0 < b)
    best: tuple[float, float] | None = None
    pos = a
    for x0, x1 in spans:
        if x0 > pos and (best is None or x0 - pos > best[1] - best[0]):
            best = (pos, x0)
        pos = max(pos, x1)
    if b > pos and (best is None or b - pos > best[1] - best[0]):
        best = (pos, b)
    if best is None or best[1] - best[0] < size / 3:
        return None
    return (best[0] + best[1]) / 2


def find_open_tables(page: PageData, frags: list[Frag], ruled: Sequence[PTable]) -> tuple[list[PTable], list[Frag]]:
    """Tables bounded by horizontal rules only, and the fragments left outside them."""
    edges = _rules(page, ruled)
    if len(edges) < 2:
        return [], frags
    cols_rules = rules.table_columns()
    tables: list[PTable] = []
    rest = frags
    stacks: list[list[Edge]] = []
    for stack in _stacks(edges):
        # two tables one under the other: nothing lies between one's bottom rule and the next one's top rule
        part = [stack[0]]
        for a, b in zip(stack, stack[1:]):
            if not any(a.top < (f.top + f.bottom) / 2 < b.top and a.x0 <= (f.x0 + f.x1) / 2 <= a.x1 for f in rest):
                stacks.append(part)
                part = []
            part.append(b)
        stacks.append(part)
    for stack in (s for s in stacks if len(s) >= 2):
        x0, x1 = min(e.x0 for e in stack) - 2, max(e.x1 for e in stack) + 2
        top, bottom = stack[0].top, stack[-1].top
        inside = [f for f in rest if x0 <= (f.x0 + f.x1) / 2 <= x1 and top < (f.top + f.bottom) / 2 < bottom]
        if not inside:
            continue
        text_rows = _rows(inside)
        # the header: what lies between the top rule and the next one when that holds a single row of
        # cells (a header wrapped over two lines included), else the first text row
        inner = [e.top for e in stack[1:-1]]
        if inner:
            header = [f for f in inside if (f.top + f.bottom) / 2 < inner[0]]
        else:
            header = text_rows[0]
        cells = _cells(header, cols_rules.role)
        names = [cell_text(c) for c in cells]
        if len(cells) < 2 or not all(cols_rules.role(n) for n in names):
            continue  # no header of known column roles: ordinary text between rules (版记, a boxed note)
        size = statistics.median(f.size for f in header)
        body = [f for f in inside if f not in header]
        if not body:
            continue
        bounds = [x0]
        for left, right in zip(cells, cells[1:]):
            lo = (min(f.x0 for f in left) + max(f.x1 for f in left)) / 2
            hi = (min(f.x0 for f in right) + max(f.x1 for f in right)) / 2
            cut = _boundary(body + left + right, lo, hi, size)
            if cut is None:
                break
            bounds.append(cut)
        if len(bounds) != len(cells):
            continue
        bounds.append(x1)
        header_bottom = max(f.bottom for f in header)
        # row bands: between inner rules when the body rows are ruled, else from the first column's text
        if len(inner) >= 2:
            bands = list(zip(inner, inner[1:] + [bottom]))
        else:
            starts: list[float] = []
            first_col = cols_rules.role(names[0]) == "seq"
            prev_bottom = None
            pitches: list[float] = []
            body_rows = _rows(body)
            for r in body_rows:
                t = min(f.top for f in r)
                if prev_bottom is not None:
                    pitches.append(t - prev_bottom)
                prev_bottom = max(f.bottom for f in r)
            gap = statistics.median(pitches) if pitches else 0.0
            prev_bottom = None
            for r in body_rows:
                t = min(f.top for f in r)
                in_first = any((f.x0 + f.x1) / 2 < bounds[1] for f in r)
                if first_col:
                    new = in_first or not starts
                else:
                    new = not starts or (prev_bottom is not None and t - prev_bottom > gap + 0.5 * size)
                if new:
                    starts.append(t - 0.5)
                prev_bottom = max(f.bottom for f in r)
            bands = list(zip(starts, starts[1:] + [bottom]))
        grid = [names]
        row_tops = [top]
        for b0, b1 in bands:
            row_frags = [f for f in body if b0 <= (f.top + f.bottom) / 2 < b1]
            if not row_frags:
                continue
            row: list[str] = []
            for c in range(len(cells)):
                row.append(cell_text([f for f in row_frags if bounds[c] <= (f.x0 + f.x1) / 2 < bounds[c + 1]]))
            grid.append(row)
            row_tops.append(max(b0, header_bottom))
        if len(grid) < 2:
            continue
        rest = [f for f in rest if not (x0 <= (f.x0 + f.x1) / 2 <= x1 and top < (f.top + f.bottom) / 2 < bottom)]
        tables.append(PTable(page.number, x0, top, x1, bottom, bounds, grid, row_tops))
    return tables, rest
