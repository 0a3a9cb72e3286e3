"""Page furniture a text export of a PDF keeps: its page numbers on lines of their own and the running heads and
footers printed beside them on every page ("- 4 -" / "重庆市人民政府办公厅发布" / "重庆市人民政府办公厅文件 源局、…").

A PDF reader knows a page's margins and drops these by position (ingest/pdf.py); a text has lost the geometry, so
here a page number line marks a page break, and a line next to the breaks that repeats at most of them is the
page's furniture. A head a converter glued to the page's first words is cut off them, so a sentence running over
the break (a duty note's unit list) reads on (GB/T 9704-2012 §7.5 puts the page number under the text block;
the 发文机关标志 heads the first page only, §7.2.3).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import regex

from .. import rules
from ..model import Block, Line

WINDOW_AFTER = 3  # text lines after a page number that may be the next page's head
WINDOW_BEFORE = 2  # and before it, the page's foot
MIN_BREAKS = 2  # page numbers a text must show before any line is called a running head
RUNNING_SHARE = 0.5  # of the breaks, the share a line must stand beside to be furniture
_NUMBER_MAX = 24  # a longer line is no page number: the question is not asked of it
MIN_RUNNING_CHARS = 4  # a shorter line ("附件", "目录") is no running head

_RULE_LINE = regex.compile(r"^\s*(?:[*\-_=—]\s*){3,}$")  # a Markdown rule between pages ("* * *", "---")
_SPACE = regex.compile(r"[ \u3000\u00a0\t]+")
_HEAD_THEN_TEXT = regex.compile(r"^(?P<head>\S+)[ \u3000\u00a0\t]+(?P<rest>\S.*)$")


def _key(text: str) -> str:
    return _SPACE.sub("", text)


def _opens_element(text: str) -> bool:
    """A heading or an element's label (附件, 抄送) may repeat at page tops by chance: it is never furniture."""
    t = text.strip()
    return any(r.pattern.match(t) for r in rules.heading_rules()) or t.startswith(("附件", "抄送", "印发", "主送"))


def drop_page_furniture(blocks: list[Block]) -> list[Block]:
    """The blocks without page numbers standing alone and without the running heads and feet beside them."""
    number = rules.words("text_page_number")
    breaks = [i for i, b in enumerate(blocks) if isinstance(b, Line) and len(b.text) <= _NUMBER_MAX and number.match(b.text)]
    if not breaks:
        return blocks
    drop = set(breaks)
    cut: dict[int, str] = {}
    if len(breaks) >= MIN_BREAKS:
        windows = [_window(blocks, i) for i in breaks]
        near = {j for window in windows for j in window}
        seen: Counter[str] = Counter()  # a key counts once per line: a short page's line is near two breaks
        for j in near:
            text = blocks[j].text  # type: ignore[union-attr]
            keys = {_key(text)}
            if (m := _HEAD_THEN_TEXT.match(text.strip())) is not None:
                keys.add(m.group("head"))
            seen.update(keys)
        need = max(MIN_BREAKS, RUNNING_SHARE * len(breaks))
        running = {k for k, c in seen.items() if c >= need and len(k) >= MIN_RUNNING_CHARS and not number.match(k) and not _opens_element(k)}
        # past the first page, a running line goes wherever it stands: an abridged export, or a break whose page
        # number a table swallowed, still prints the head (the first page's masthead above it stays)
        for j in range(breaks[0] + 1, len(blocks)):
            b = blocks[j]
            if not isinstance(b, Line) or j in drop:
                continue
            if _key(b.text) in running or (j in near and _RULE_LINE.match(b.text)):
                drop.add(j)
            elif (m := _HEAD_THEN_TEXT.match(b.text.strip())) is not None and m.group("head") in running:
                cut[j] = m.group("rest")
    out: list[Block] = []
    after_break = False
    for i, b in enumerate(blocks):
        if i in drop:
            after_break = True
            continue
        if isinstance(b, Line):
            if i in cut:
                b = replace(b, text=cut[i])
            if after_break:
                b = replace(b, gap=0)  # the page's text goes on: the blank lines were the break's
        after_break = False
        out.append(b)
    return out


def _window(blocks: list[Block], at: int) -> list[int]:
    """The text lines just before and after a page number, past the rules a converter drew between pages."""
    out: list[int] = []
    for step, size in ((-1, WINDOW_BEFORE), (1, WINDOW_AFTER)):
        j, n = at + step, 0
        while 0 <= j < len(blocks) and n < size and isinstance(blocks[j], Line):
            if not _RULE_LINE.match(blocks[j].text):  # type: ignore[union-attr]
                n += 1
            out.append(j)
            j += step
    return out
