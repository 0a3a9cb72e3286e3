"""Table helpers shared by the readers: HTML grids with rowspan/colspan, `<p>`-split cells, stitching a
table continued on the next page, and filling merged cells."""

from __future__ import annotations

from typing import Iterable, Sequence

import regex
from lxml import html as lxml_html

from .. import rules
from ..orgnames import looks_like_org
from ..model import Block, IngestError, Table

_P_SPLIT = regex.compile(r"<p\b[^>]*>(.*?)</p>", regex.S | regex.I)
_TAG = regex.compile(r"<[^>]+>")
_SOURCE_SPACES = regex.compile(r"[\s\u00a0]+")
_SPACES = regex.compile(r"\s+")
_LEADING_DIGITS = regex.compile(r"\s*(\d+)")
_LATIN_END = regex.compile(r"[A-Za-z]$")
_LATIN_START = regex.compile(r"^[A-Za-z]")


def strip_tags(fragment: str) -> str:
    """'<b>市财政局</b>' -> '市财政局'"""
    text = _TAG.sub("", fragment)
    return lxml_html.fromstring(f"<span>{text}</span>").text_content() if "&" in text else text


def cell_paragraphs(cell: str) -> list[str]:
    """The `<p>` paragraphs of a cell, or the cell itself. '<p>a</p> <p>b</p>' -> ['a', 'b']"""
    parts = [strip_tags(p).strip() for p in _P_SPLIT.findall(cell)]
    return parts if parts else [strip_tags(cell).strip()]


def split_paragraph_rows(cells: Sequence[str]) -> tuple[list[list[str]], set[tuple[int, int]]]:
    """A row whose cells hold several `<p>` items side by side becomes one row per item.

    Cells holding a single value (序号, 工作任务) are repeated on every row, as the merged cell they are;
    the returned set marks those copies as (row, column) relative to the first returned row."""
    parts = [cell_paragraphs(c) for c in cells]
    n = max((len(p) for p in parts), default=1)
    if n <= 1:
        return [[p[0] if p else "" for p in parts]], set()
    rows: list[list[str]] = []
    filled: set[tuple[int, int]] = set()
    for i in range(n):
        row = []
        for j, p in enumerate(parts):
            if len(p) == n:
                row.append(p[i])
            elif len(p) == 1:
                row.append(p[0])
                if i > 0:
                    filled.add((i, j))
            else:
                row.append(p[i] if i < len(p) else "")
        rows.append(row)
    return rows, filled


_CELL_BLOCKS = frozenset({"p", "div", "li", "br", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt"})


def cell_lines(td: lxml_html.HtmlElement) -> list[str]:
    """The lines of an HTML cell: <p>, <div>, <li> and <br> end a line; whitespace from the page source
    inside a line is collapsed (it is not text). '<td><p>市财政局</p><p>市民政局</p></td>' -> ['市财政局', '市民政局']"""
    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        text = _SOURCE_SPACES.sub(" ", "".join(buf)).strip()
        if text:
            lines.append(text)
        buf.clear()

    def walk(el: lxml_html.HtmlElement) -> None:
        block = isinstance(el.tag, str) and el.tag in _CELL_BLOCKS
        if block:
            flush()
        if isinstance(el.tag, str) and el.tag not in ("script", "style") and el.text:
            buf.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                buf.append(child.tail)
        if block:
            flush()

    walk(td)
    flush()
    return lines


MAX_COLSPAN = 1000  # what browsers honour (HTML Living Standard, "the table processing model")
MAX_ROWSPAN = 65534
MAX_TABLE_CELLS = 250_000  # a grid larger than this is no notice's table: the file becomes an errors row


def span_attribute(value: str | None, cap: int) -> int:
    """A colspan/rowspan value read as browsers do: leading digits ('2;' -> 2), else 1; at most `cap`."""
    m = _LEADING_DIGITS.match(value or "")
    n = int(m.group(1)) if m else 1
    return min(max(n, 1), cap)


def html_table_grid(table_el: lxml_html.HtmlElement) -> tuple[list[list[str]], set[tuple[int, int]]]:
    """Expand an HTML `<table>` into a full grid, copying rowspan/colspan cells into every slot they cover.
    A rowspan never reaches past the table's last row; a grid over MAX_TABLE_CELLS raises IngestError.

    Returns the grid and the set of (row, column) slots that were copies of a spanning cell."""
    grid: dict[tuple[int, int], str] = {}
    filled: set[tuple[int, int]] = set()
    trs = list(table_el.iter("tr"))
    r = 0
    for tr in trs:
        c = 0
        for td in tr:
            if td.tag not in ("td", "th"):
                continue
            while (r, c) in grid:
                c += 1
            text = "\n".join(cell_lines(td))
            rs = min(span_attribute(td.get("rowspan"), MAX_ROWSPAN), len(trs) - r)
            cs = span_attribute(td.get("colspan"), MAX_COLSPAN)
            if len(grid) + rs * cs > MAX_TABLE_CELLS:
                raise IngestError(f"a table exceeds the limit of {MAX_TABLE_CELLS:,} cells (rowspan/colspan {rs}×{cs}); the file is not read")
            for dr in range(rs):
                for dc in range(cs):
                    grid[(r + dr, c + dc)] = text
                    if dr or dc:
                        filled.add((r + dr, c + dc))
            c += cs
        r += 1
    if not grid:
        return [], set()
    nrows = max(k[0] for k in grid) + 1
    ncols = max(k[1] for k in grid) + 1
    rows = [[grid.get((i, j), "") for j in range(ncols)] for i in range(nrows)]
    return rows, filled


def normalise_header(cells: Iterable[str]) -> tuple[str, ...]:
    return tuple(_SPACES.sub("", c) for c in cells)


def join_continuation(prev: Table, cur: Table) -> Table:
    """Join a continuation: a repeated header row is dropped; a merged cell cut by the page break (blank at
    the top of the continuation, in a column whose cells are merged in practice) takes the value above."""
    rows = [list(r) for r in cur.rows]
    pages = list(cur.row_pages)
    filled = set(cur.filled)
    if rows and prev.rows and normalise_header(rows[0]) == normalise_header(prev.rows[0]):
        rows, pages = rows[1:], pages[1:]
        filled = {(r - 1, c) for r, c in filled if r > 0}
    if rows and len(prev.rows) > 1 and _split_row(prev.rows[-1], rows[0]):
        # a row broken across the page (Word and WPS let rows break by default): its second part joins the first
        joined = [_join_cell(a, b) for a, b in zip(prev.rows[-1], rows[0])]
        prev = Table(prev.rows[:-1] + (tuple(joined),), prev.row_pages, prev.filled, prev.spans_known)
        rows, pages = rows[1:], pages[1:]
        filled = {(r - 1, c) for r, c in filled if r > 0}
    cols = rules.table_columns()
    header = prev.rows[0] if prev.rows else ()
    last = prev.rows[-1] if prev.rows else ()
    for j, h in enumerate(header):
        if cols.role(h) not in cols.fill_down or j >= len(last) or not last[j].strip():
            continue
        i = 0
        while i < len(rows) and j < len(rows[i]) and not rows[i][j].strip() and (i == 0 or (i, j) in filled):
            if not any(c.strip() for c in rows[i]):
                break
            rows[i][j] = last[j]
            filled.add((i, j))
            i += 1
    offset = len(prev.rows)
    return Table(
        rows=prev.rows + tuple(tuple(r) for r in rows),
        row_pages=prev.row_pages + tuple(pages),
        filled=frozenset(prev.filled | {(r + offset, c) for r, c in filled}),
        spans_known=prev.spans_known and cur.spans_known,
    )


_TERMINAL = regex.compile(r"[。！？；!?;]$")
_NUMBERED = regex.compile(r"^(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)")


def _split_row(last: tuple[str, ...], first: list[str]) -> bool:
    """The continuation's first row is the rest of `last`, cut by the page break: its first (序号) cell is
    blank, every cell it has text in was cut mid-text in `last` (no 。；！？ at the end) and starts no new
    numbered item, and at least one cut cell held several lines. A new row under a merged 序号 fails the
    test because its 具体事项 starts after a finished one."""
    if len(first) != len(last) or not first or first[0].strip():
        return False
    cut = [j for j, c in enumerate(first) if c.strip()]
    if not cut:
        return False
    for j in cut:
        a, b = last[j].strip(), first[j].strip()
        if not a or _TERMINAL.search(a) or _NUMBERED.match(b) or a == b:
            return False
    # a cut cell that stops inside a list or a bracket ("区委组织部、" over "区民政局…", "各街镇（园" over "区）")
    # says so too, when the break came right after the row's first line
    return any(len(last[j].strip()) >= 10 or _cut_inside(last[j].strip()) for j in cut)


_GOES_ON = regex.compile(r"[、，,（(“《]$")


def _cut_inside(text: str) -> bool:
    """A cell that stops inside a list or an open bracket: the rest of it is on the next page."""
    return bool(_GOES_ON.search(text)) or text.count("（") + text.count("(") > text.count("）") + text.count(")")


def _join_cell(a: str, b: str) -> str:
    a, b = a.strip(), b.strip()
    if not a or not b:
        return a or b
    sep = " " if _LATIN_END.search(a) and _LATIN_START.match(b) else ""
    return a + sep + b


def stitch(tables: Sequence[Table]) -> list[Table]:
    """Join tables that continue one another: the next starts with the same header row (repeated on the new
    page) or has the same column count and starts without a header while the previous ran to a page end."""
    out: list[Table] = []
    for t in tables:
        if out and t.rows and out[-1].rows:
            prev = out[-1]
            same_header = normalise_header(t.rows[0]) == normalise_header(prev.rows[0])
            if same_header:
                out[-1] = join_continuation(prev, t)
                continue
        out.append(t)
    return out


_CELL_PART_END = "。；;：:！？!?，,、"
_WS = regex.compile(r"[\s\u3000\u00a0]+")


# the tail of a name a narrow cell wrapped ("市规划自然资源委" / "丰台分局", "区机关事务管理" / "服务中心"): a branch
# named by its place alone, or a centre, is no unit of its own after an organisation's name
_BRANCH_TAIL = regex.compile(r"^\p{Han}{0,3}(?:分局|分公司|分行|分院|支队|大队|中队|分中心|服务中心)$")
WRAPPED_PART_CHARS = 5  # two parts this short, neither an organisation, are one word a narrow cell wrapped


def join_cell_paragraphs(parts: Iterable[str], sep: str = "；") -> str:
    """The paragraphs of one table cell as one value. Parts are kept apart with '；' where no punctuation
    ends a part, so '市卫生健康委' and '市财政局' on two lines of a 牵头单位 cell do not become one unit; a word or
    a name the cell's width wrapped runs on ("空气质量" / "目标", "区机关事务管理" / "服务中心").
    ['市卫生健康委', '市财政局'] -> '市卫生健康委；市财政局'; ['一是…。', '二是…。'] -> '一是…。二是…。'"""
    out = ""
    prev = ""
    for raw in parts:
        p = _WS.sub(" ", raw).strip()
        if not p:
            continue
        if out and out[-1] not in _CELL_PART_END and not _wrapped(prev, p):
            out += sep
        out += p
        prev = p
    return out


def _wrapped(prev: str, part: str) -> bool:
    if _BRANCH_TAIL.match(part) or part.startswith("等"):
        return True  # "丰台分局" after "市规划自然资源委", "服务中心" after "区机关事务管理", "等部门" closing a list
    short = len(prev) <= WRAPPED_PART_CHARS and len(part) <= WRAPPED_PART_CHARS
    return short and not looks_like_org(prev) and not looks_like_org(part) and not part.startswith("各")


def stitch_runs(blocks: Sequence[Block]) -> list[Block]:
    """Stitch each run of adjacent tables in a block stream (see `stitch`); lines stay where they are."""
    out: list[Block] = []
    run: list[Table] = []
    for b in blocks:
        if isinstance(b, Table):
            run.append(b)
            continue
        out.extend(stitch(run))
        run.clear()
        out.append(b)
    out.extend(stitch(run))
    return out
