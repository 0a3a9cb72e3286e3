"""Build a gazette PDF (政府公报): notices set in two justified columns under a running masthead.

Provincial and municipal gazettes print each notice in two columns of 10.5 pt text: the title centred in
its column, the 文号 under it, paragraphs indented two characters, the 署名 and 成文日期 at the column's right,
and a masthead ("丙省人民政府公报" and the issue) over both columns of every page with a page number under them.
Text runs down the left column, then the right one, then on to the next page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm

from pdfgen import PAGE_H, PAGE_W, Furniture, Writer, text_width, wrap

MARGIN = 20 * mm
GUTTER = 8 * mm
COL_W = (PAGE_W - 2 * MARGIN - GUTTER) / 2
SIZE = 10.5
LINE_H = 16.0
TOP = PAGE_H - 32 * mm  # first baseline under the masthead
BOTTOM = 22 * mm


@dataclass
class GP:
    """A paragraph of the gazette: style title, docnum, plain (flush), body (indented), sign, date."""

    text: str
    style: str = "body"


class _Gazette:
    def __init__(self, path: Path, masthead: str, issue: str) -> None:
        self.w = Writer(path, Furniture(page_number=""))
        self.masthead, self.issue = masthead, issue
        self.page = 1
        self.col = 0
        self.y = TOP
        self.col_top = TOP  # where the columns start on this page (under a title set across them)
        self._chrome()

    def _chrome(self) -> None:
        w = self.w
        w.draw_line(self.masthead, MARGIN, PAGE_H - 16 * mm, 14)
        w.draw_line(self.issue, PAGE_W - MARGIN - text_width(self.issue, SIZE), PAGE_H - 16 * mm, SIZE)
        w.c.setLineWidth(0.8)
        w.c.line(MARGIN, PAGE_H - 19 * mm, PAGE_W - MARGIN, PAGE_H - 19 * mm)
        label = f"· {self.page} ·"
        w.draw_line(label, (PAGE_W - text_width(label, SIZE)) / 2, 12 * mm, SIZE)

    def _x(self) -> float:
        return MARGIN + self.col * (COL_W + GUTTER)

    def _next_line(self) -> float:
        if self.y < BOTTOM:
            if self.col == 0:
                self.col = 1
                self.y = self.col_top
            else:
                self.w.c.showPage()
                self.page += 1
                self.col = 0
                self.y = self.col_top = TOP
                self._chrome()
        y = self.y
        self.y -= LINE_H
        return y

    def across(self, text: str, size: float, width: float = 400.0) -> None:
        """A title set across both columns, centred on the page and wrapped to `width`; the columns start under it."""
        for part in wrap(text, width, size):
            y = self._next_line()
            self.y -= size - SIZE
            self.w.draw_line(part, (PAGE_W - text_width(part, size)) / 2, y, size, bold=size > SIZE)
        self.y -= LINE_H / 2
        self.col_top = self.y

    def para(self, p: GP) -> None:
        size = 14.0 if p.style == "title" else SIZE
        if p.style in ("title", "docnum"):
            for ln in wrap(p.text, COL_W - 2 * size, size):
                y = self._next_line()
                self.w.draw_line(ln, self._x() + (COL_W - text_width(ln, size)) / 2, y, size, bold=p.style == "title")
            if p.style == "docnum":
                self.y -= LINE_H / 2
            return
        if p.style in ("sign", "date"):
            y = self._next_line()
            self.w.draw_line(p.text, self._x() + COL_W - 2 * SIZE - text_width(p.text, SIZE), y, SIZE)
            return
        indent = 2 * SIZE if p.style == "body" else 0.0
        lines = wrap(p.text, COL_W, SIZE, first_indent=indent)
        for k, ln in enumerate(lines):
            y = self._next_line()
            x = self._x() + (indent if k == 0 else 0.0)
            last = k == len(lines) - 1
            self.w.draw_line(ln, x, y, SIZE, justify_to=None if last else COL_W - (indent if k == 0 else 0.0))

    def save(self) -> None:
        self.w.c.showPage()
        self.w.c.save()


def gazette_pdf(path: Path, paragraphs: list[GP], *, masthead: str = "丙省人民政府公报", issue: str = "2023年第6期") -> Path:
    """GP styles "across" (a title over both columns) and "across_docnum" (its 文号) are set across the page."""
    g = _Gazette(path, masthead, issue)
    for p in paragraphs:
        if p.style.startswith("across"):
            g.across(p.text, 16.0 if p.style == "across" else SIZE)
            continue
        g.para(p)
    g.save()
    return path
