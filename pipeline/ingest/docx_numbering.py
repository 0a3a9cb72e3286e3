"""Word's automatic list numbers (ECMA-376 §17.9): the "一、", "（一）", "1." a .docx shows but does not hold
as text.

Offices that number headings and task rows with Word's lists (a 序号 column filled by numbering, headings
numbered by their style) leave python-docx a paragraph text without its label, and the heading tree and the
tasks are lost with it. `Numbering(document)` reads the numbering part once; `label(p)` gives the label of
a paragraph in document order (numPr on the paragraph or on its style, §17.3.1.19), counting every list's
levels as Word does: a level counts from its w:start, a higher level's step restarts the levels below it,
w:num's startOverride starts a list instance afresh (§17.9.8), and lvlText's %1…%9 name the levels' counters
in their number formats (§17.18.59).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import cn2an
from docx.oxml.ns import qn
from lxml import etree

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def _roman(n: int) -> str:
    out = []
    for value, glyph in _ROMAN:
        while n >= value:
            out.append(glyph)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter past z: a, …, z, aa, bb (§17.18.59 lowerLetter)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A counter in a w:numFmt. format_number(12, "chineseCounting") == "十二"."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "ideographDigital", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return str(cn2an.an2cn(n, "low"))
    if fmt == "chineseLegalSimplified":
        return str(cn2an.an2cn(n, "up"))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt == "ideographTraditional" and 1 <= n <= len(_HEAVENLY_STEMS):
        return _HEAVENLY_STEMS[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) - ord("0") + ord("０")) for c in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    return str(n)  # decimal, and formats with no Chinese use in notices


@dataclass(slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    suffix: str = "tab"
    legal: bool = False  # w:isLgl: the levels' counters in decimal (1.1.1) whatever their own formats


@dataclass(slots=True)
class _List:
    levels: dict[int, _Level] = field(default_factory=dict)
    counters: dict[int, int] = field(default_factory=dict)


def _val(el: Any, tag: str, default: str = "") -> str:
    child = el.find(qn(tag)) if el is not None else None
    return str(child.get(qn("w:val"), default)) if child is not None else default


def _int(text: str, default: int) -> int:
    try:
        return int(text)
    except ValueError:
        return default


class Numbering:
    """The labels of a document's numbered paragraphs, in document order."""

    def __init__(self, document: Any) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._num: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractNumId, start overrides)
        self._lists: dict[str, _List] = {}  # counters per abstract list: Word continues a list across its w:num
        self._started: set[str] = set()  # w:num instances with start overrides already applied
        self._style_num: dict[str, tuple[str, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return  # no numbering part: no automatic numbers
        for absn in root.iterchildren(qn("w:abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in absn.iterchildren(qn("w:lvl")):
                ilvl = _int(lvl.get(qn("w:ilvl"), "0"), 0)
                levels[ilvl] = _Level(
                    start=_int(_val(lvl, "w:start", "1"), 1),
                    fmt=_val(lvl, "w:numFmt", "decimal"),
                    text=_val(lvl, "w:lvlText"),
                    suffix=_val(lvl, "w:suff", "tab"),
                    legal=lvl.find(qn("w:isLgl")) is not None,
                )
            self._abstract[str(absn.get(qn("w:abstractNumId")))] = levels
        for num in root.iterchildren(qn("w:num")):
            overrides = {
                _int(o.get(qn("w:ilvl"), "0"), 0): _int(_val(o, "w:startOverride", "1"), 1)
                for o in num.iterchildren(qn("w:lvlOverride"))
                if o.find(qn("w:startOverride")) is not None
            }
            self._num[str(num.get(qn("w:numId")))] = (_val(num, "w:abstractNumId"), overrides)
        self._read_styles(document)

    def _read_styles(self, document: Any) -> None:
        """Styles that number their paragraphs (a 标题 1 style numbered 一、), with w:basedOn followed."""
        try:
            styles = document.styles.element
        except (KeyError, AttributeError, NotImplementedError):
            return
        own: dict[str, tuple[str, int] | None] = {}
        based: dict[str, str] = {}
        for st in styles.iterchildren(qn("w:style")):
            sid = str(st.get(qn("w:styleId")))
            num_pr = st.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            own[sid] = (_val(num_pr, "w:numId"), _int(_val(num_pr, "w:ilvl", "0"), 0)) if num_pr is not None else None
            parent = _val(st, "w:basedOn")
            if parent:
                based[sid] = parent
        for sid in own:
            seen, at = set(), sid
            while at and at not in seen:
                seen.add(at)
                if own.get(at):
                    self._style_num[sid] = own[at]  # type: ignore[assignment]
                    break
                at = based.get(at, "")

    def label(self, p: etree._Element) -> tuple[str, str]:
        """(label, what follows it: "", " ") of the paragraph <w:p>, ("", "") when it is not numbered. Counts
        the paragraph: call once per paragraph, in document order."""
        if not self._num:
            return "", ""
        ppr = p.find(qn("w:pPr"))
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        style = _val(ppr, "w:pStyle")
        num_id, ilvl = self._style_num.get(style, ("", 0))
        if num_pr is not None:
            num_id = _val(num_pr, "w:numId", num_id)
            ilvl = _int(_val(num_pr, "w:ilvl", str(ilvl)), ilvl)
        if not num_id or num_id == "0" or num_id not in self._num:
            return "", ""  # numId 0 switches numbering off (§17.9.18)
        abstract_id, overrides = self._num[num_id]
        levels = self._abstract.get(abstract_id)
        if not levels or ilvl not in levels:
            return "", ""
        lst = self._lists.setdefault(abstract_id, _List(levels))
        if overrides and num_id not in self._started:
            self._started.add(num_id)
            for k in list(lst.counters):
                del lst.counters[k]
            for k, start in overrides.items():
                lst.counters[k] = start - 1
        level = levels[ilvl]
        lst.counters[ilvl] = lst.counters.get(ilvl, level.start - 1) + 1
        for k in [k for k in lst.counters if k > ilvl]:
            del lst.counters[k]  # a step of this level restarts the levels under it
        if level.fmt in ("bullet", "none") or not level.text:
            return "", ""

        def counter(k: int) -> str:
            lv = levels.get(k, _Level())
            n = lst.counters.get(k, lv.start)
            return format_number(n, "decimal" if level.legal else lv.fmt)

        text = level.text
        for k in range(8, -1, -1):
            text = text.replace(f"%{k + 1}", counter(k))
        return text, "" if level.suffix == "nothing" else " "
