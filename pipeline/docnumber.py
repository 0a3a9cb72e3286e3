"""发文字号 (GB/T 9704-2012 §7.2.4): find, parse and normalise document numbers.

Public API: `parse_doc_number(text)` -> DocNumber | None.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import regex

from . import rules


@dataclass(frozen=True, slots=True)
class DocNumber:
    agency: str  # 机关代字, e.g. 豫政办
    year: int | None  # None for orders numbered without a year (省政府令第102号)
    serial: int
    normalized: str  # 豫政办〔2023〕43号
    text: str  # as matched
    start: int
    end: int


@lru_cache(maxsize=1)
def _leading_words() -> tuple[str, ...]:
    data = rules._read_yaml("docnumber.yaml")
    return tuple(sorted(data.get("leading_words", []), key=len, reverse=True))


def _trim_agency(agency: str) -> str:
    changed = True
    while changed and len(agency) > 1:
        changed = False
        for w in _leading_words():
            if agency.startswith(w) and len(agency) > len(w):
                agency = agency[len(w) :]
                changed = True
                break
    return agency


def find_doc_numbers(text: str) -> Iterator[DocNumber]:
    """Every document number in running text, left to right, without overlaps."""
    found: list[DocNumber] = []
    for rule in rules.docnumber_rules():
        for m in rule.pattern.finditer(text):
            raw_agency = regex.sub(r"\s+", "", m.group("agency"))
            agency = _trim_agency(raw_agency)
            start = m.start("agency") + (len(m.group("agency")) - len(m.group("agency").lstrip()))
            start += m.group("agency").strip().find(agency) if agency in m.group("agency") else 0
            year = int(m.group("year")) if "year" in m.groupdict() and m.group("year") else None
            serial = int(m.group("serial"))
            agency = agency.replace("(", "（").replace(")", "）")
            normalized = f"{agency}〔{year}〕{serial}号" if year is not None else f"{agency}第{serial}号"
            found.append(DocNumber(agency, year, serial, normalized, text[start : m.end()], start, m.end()))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    last_end = -1
    for d in found:
        if d.start >= last_end:
            last_end = d.end
            yield d


_WRAPPERS = "（）()[]［］【】〔〕“”\"' 　\t\n，,。；;：:"


def parse_doc_number(text: str) -> DocNumber | None:
    """Parse a document number; None when the text is not (only) a document number.

    >>> parse_doc_number("豫政办 〔2023〕43号").normalized
    '豫政办〔2023〕43号'
    """
    if not text:
        return None
    stripped = text.strip(_WRAPPERS)
    stripped = regex.sub(r"^(?:发文字号|文号)[：:]\s*", "", stripped)
    for d in find_doc_numbers(stripped):
        if d.start == 0 and stripped[d.end :].strip(_WRAPPERS) in ("", "文件"):
            return d
        return None
    return None
