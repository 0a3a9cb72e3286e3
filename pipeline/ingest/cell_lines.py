"""A table saved as one cell per line (a page's <table> copied as text): the header's column names, then rows
numbered 1, 2, … whose cells follow one per line. A cell merged over several rows (任务名称 spanning three
tasks) is written once, an empty cell not at all, and a long cell may be broken over two lines, so a row's
lines are matched to the columns by what each column holds (a time limit, a list of units, a sentence)."""

from __future__ import annotations

import regex

from .. import rules
from ..model import Table
from ..orgnames import looks_like_org

ROW_NUMBER = regex.compile(r"^(\d{1,3})[.．、]?$")
SPACES = regex.compile(r"\s+")
MAX_HEADER_CELL = 12  # characters of a column name (主要工作任务, 牵头责任单位)
MAX_HEADER_PIECES = 3  # lines a wrapped column name was saved as
MAX_EXTRA_LINES = 3  # lines a row may hold beyond its columns (cells broken over lines)
MAX_CELL_LINES = 4  # lines one cell may have been broken into
_UNIT_ROLES = ("units", "lead", "co")
_SHORT_ROLES = ("title", "domain")
_SENTENCE = regex.compile(r"[。；;！？]")
_WRAPPED = regex.compile(r"[、，,]$")  # a line that stops inside a list goes on in the next
_ITEMS = regex.compile(r"[、，,；;\s]+")
MISFIT = -3.0  # a cell that cannot be in its column: the alignment is refused


def _next_line(lines: list[str], j: int) -> int:
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j


def cell_per_line_table(lines: list[str], i: int) -> tuple[Table, int] | None:
    """The table whose header (known column names of rules/tables.yaml, 序号 first) starts at line `i`, and
    the line after it. Rows count up from 1 (or from the row a page before stopped at); the table ends at the
    first row that does not fit, whose lines stay text ("序号 / 主要工作任务 / 责任单位 / 1 / 地区生产总值增长6%左右。 /
    市发展改革委 / 2 / …")."""
    if len(lines[i].strip()) > 4:
        return None  # no 序号 cell: asked of every line of a text, so the cheapest test first
    cols = rules.table_columns()
    if cols.role(lines[i]) != "seq":
        return None
    header: list[str] = []
    j = i
    while j < len(lines):
        cell = SPACES.sub("", lines[j].strip())
        after = _next_line(lines, j + 1)
        if not cols.role(cell):
            # a header cell whose name wrapped was saved a line per piece ("责任" / "科室", "第二季度" / "完成情况"):
            # the pieces joined name the column
            for _ in range(MAX_HEADER_PIECES - 1):
                if after >= len(lines) or ROW_NUMBER.match(lines[after].strip()) or len(cell) > MAX_HEADER_CELL:
                    break
                cell += SPACES.sub("", lines[after].strip())
                after = _next_line(lines, after + 1)
                if cols.role(cell):
                    break
        if len(cell) > MAX_HEADER_CELL or ROW_NUMBER.match(cell) or not cols.role(cell):
            break
        header.append(cell)
        j = after
    roles = tuple(cols.role(h) for h in header)
    if len(header) < 2 or not set(roles) & {"title", "detail", "units", "lead"}:
        return None
    rows: list[tuple[str, ...]] = [tuple(header)]
    first = ROW_NUMBER.match(lines[j].strip()) if j < len(lines) else None
    # rows count up from the first one, which is 1 unless the table goes on from a page before (its header
    # printed again over rows 80, 81, …)
    end, n = j, int(first.group(1)) if first else 1
    while j < len(lines) and (m := ROW_NUMBER.match(lines[j].strip())) and int(m.group(1)) == n:
        found = _row(lines, j, n, roles)
        if found is None:
            break  # the columns can no longer be told apart
        cells, k = found
        rows.append((str(n), *cells))
        end, j, n = k, k, n + 1
    if len(rows) < 2:
        return None
    return Table(tuple(rows), (None,) * len(rows), frozenset()), end


def _row(lines: list[str], j: int, n: int, roles: tuple[str, ...]) -> tuple[list[str], int] | None:
    """Row `n`, whose number stands on line `j`: its cells after the number and the line after the row."""
    want = len(roles) - 1
    taken: list[str] = []
    ends: list[int] = []  # the line after each taken line
    k = _next_line(lines, j + 1)
    while k < len(lines) and len(taken) < want + MAX_EXTRA_LINES and lines[k].strip() != str(n + 1):
        taken.append(lines[k].strip())
        k = _next_line(lines, k + 1)
        ends.append(k)
    if k < len(lines) and lines[k].strip() == str(n + 1):  # the next row's number closes this one
        if len(taken) == want and _plain(roles[1:], taken):
            return taken, k
        cells = align_cells(roles[1:], taken)
        if cells is None and len(taken) == want:
            return taken, k  # a line per column, as the header asks, though some read oddly there
        return (cells, k) if cells is not None else None
    # the last row, text after it: as many of its lines as fit its columns ("…2019年 / 附件2": 附件2 is no date)
    if len(taken) >= want and _plain(roles[1:], taken[:want]):
        return taken[:want], ends[want - 1]
    for size in range(min(len(taken), want) - 1, max(0, want - 3), -1):
        cells = align_cells(roles[1:], taken[:size])
        if cells is not None:
            return cells, ends[size - 1]
    return (taken[:want], ends[want - 1]) if len(taken) >= want else None


def _plain(roles: tuple[str, ...], cells: list[str]) -> bool:
    """One line per column, none of them out of place."""
    return all(_fit(r, c) > MISFIT for r, c in zip(_as_read(roles), cells))


def _as_read(roles: tuple[str, ...]) -> tuple[str, ...]:
    """The roles cells are matched by: where no column holds the details, the task's column holds its whole
    text ("序号 / 工作任务 / 责任单位": 工作任务 is a sentence)."""
    return roles if "detail" in roles else tuple("detail" if r == "title" else r for r in roles)


def _time_like(text: str) -> bool:
    return len(text) <= 40 and bool(rules.cell_kinds()["time"].pattern.search(text))


def _unit_like(text: str) -> bool:
    """Every item of the cell names a unit: an organisation's name, a department of the unit lexicon, or a
    collective (各联席会议成员单位, 各街镇（园区）)."""
    items = [t for t in _ITEMS.split(text) if t]
    departments = [word for word, _ in rules.unit_lexicon().departments]
    kinds = rules.cell_kinds()
    return bool(items) and all(
        not kinds["not_unit"].pattern.search(t) and (looks_like_org(t) or bool(kinds["unit_end"].pattern.search(t)) or _ends_with_department(t, departments)) for t in items
    )


DEPARTMENT_TAIL = 2  # characters a short department name may carry after its word (市发改委, 区教体局)


def _ends_with_department(item: str, departments: list[str]) -> bool:
    """A department word at the item's end (区发改, 公安, 市教体局): a task that only names a field ("新增和更新新能源
    城市公交车辆200辆" holds 能源, "推动教育领域…" 教育) is no unit."""
    return any(w in item[-(len(w) + DEPARTMENT_TAIL) :] for w in departments)


NONE_CELL = "——"  # a cell that says none ("——" under 协办单位): it fits any column, as an empty cell would


def _fit(role: str, text: str) -> float:
    """How well `text` sits in a column of `role`: above 0 where it is what such a column holds."""
    if text == NONE_CELL:
        return -_empty_cost(role) - 0.1 if role in ("units", "co", "lead", "deadline") else -2.0
    if role == "deadline":
        return 2.0 if _time_like(text) else MISFIT
    if role in _UNIT_ROLES:
        if _SENTENCE.search(text) or len(text) > 80 or _time_like(text):
            return MISFIT
        return 1.5 if _unit_like(text) else -1.0
    if role in _SHORT_ROLES:
        return MISFIT if _SENTENCE.search(text) or len(text) > 30 else 0.5
    if role == "detail":
        if _time_like(text):
            return -2.0
        if len(text) >= 12 or _SENTENCE.search(text):
            return 1.0
        return -1.0 if _unit_like(text) else 0.0
    return 0.0


def _empty_cost(role: str) -> float:
    """A column left without a line: a merged cell written in an earlier row (filled down later) or an empty one."""
    if role in _SHORT_ROLES:
        return -0.3
    if role == "detail":
        return -3.0
    if role == "co":
        return -0.8  # a task without 配合单位 is common, one without its 牵头单位 is not
    return -1.2 if role == "lead" else -1.0 if role in ("deadline", "units") else -0.5


def _joined(role: str, pieces: list[str]) -> tuple[str, float]:
    """A cell broken over lines, joined, and what the breaks cost (none where a list stopped at its 、)."""
    text, cost = pieces[0], 0.0
    for piece in pieces[1:]:
        if _WRAPPED.search(text):
            text += piece
        else:
            text += ("、" if role in _UNIT_ROLES else "") + piece
            cost -= 0.4 if role in ("co", "units") else 0.6
    return text, cost


def align_cells(roles: tuple[str, ...], lines: list[str]) -> list[str] | None:
    """The cells of one row, one per column of `roles`, from its lines: a column may take no line (a merged or
    empty cell, left blank) or several (a cell broken over lines). The alignment with the best fit, or None
    when every alignment puts some line where it cannot be (a sentence among units, a name as a date).

    >>> align_cells(("title", "detail", "lead", "co", "deadline"), ["将生活垃圾管理纳入考核。", "区委组织部", "区绿化市容局", "2019年"])
    ['', '将生活垃圾管理纳入考核。', '区委组织部', '区绿化市容局', '2019年']
    """
    h, n = len(roles), len(lines)
    if n == 0 or n > h + MAX_EXTRA_LINES:
        return None
    read = _as_read(roles)  # cells are matched by what the column holds, a blank costs by what it is
    neg = float("-inf")
    # best[c][i]: the best score with the first c columns holding the first i lines
    best = [[neg] * (n + 1) for _ in range(h + 1)]
    back: list[list[tuple[int, str]]] = [[(0, "")] * (n + 1) for _ in range(h + 1)]
    best[0][0] = 0.0
    for c in range(h):
        for i in range(n + 1):
            if best[c][i] == neg:
                continue
            score = best[c][i] + _empty_cost(roles[c])
            if score > best[c + 1][i]:
                best[c + 1][i], back[c + 1][i] = score, (i, "")
            for m in range(1, min(MAX_CELL_LINES, n - i) + 1):
                text, cost = _joined(read[c], lines[i : i + m])
                fit = _fit(read[c], text)
                if fit <= MISFIT:
                    continue
                score = best[c][i] + fit + cost
                if score > best[c + 1][i + m]:
                    best[c + 1][i + m], back[c + 1][i + m] = score, (i, text)
    if best[h][n] == neg:
        return None
    cells: list[str] = []
    i = n
    for c in range(h, 0, -1):
        i, text = back[c][i][0], back[c][i][1]
        cells.append(text)
    return cells[::-1]
