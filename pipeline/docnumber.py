"""发文字号 (GB/T 9704-2012 §7.2.4): find, parse and normalise document numbers.

Public API: `parse_doc_number(text)` -> DocNumber | None.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import cn2an
import regex

from . import rules
from .normalize import ZERO_WIDTH
from .orgnames import looks_like_org


@dataclass(frozen=True, slots=True)
class DocNumber:
    agency: str  # 机关代字, e.g. 豫政办
    year: int | None  # None for orders numbered without a year (省政府令第102号)
    serial: int
    normalized: str  # 豫政办〔2023〕43号
    text: str  # as matched
    start: int
    end: int


@rules.cached
def _leading_words() -> tuple[str, ...]:
    data = rules._read_yaml("docnumber.yaml")
    return tuple(sorted(data.get("leading_words", []), key=len, reverse=True))


def _agency_offset(raw: str, line_start: bool = False) -> int:
    """Offset in `raw` where the 机关代字 starts: skips whitespace and words that precede a number in
    running text ("依据国办发〔2019〕54号" -> 国办发) while at least one character remains. A one-character
    word opening a line is the 代字's own first character, no sentence's (和行办发: 和田地区行署办公室; 即政发:
    即墨; 原政: 原阳)."""
    i = 0
    changed = True
    while changed:
        changed = False
        while i < len(raw) and raw[i].isspace():
            i += 1
        for w in _leading_words():
            if len(w) == 1 and line_start and not raw[:i].strip() and not raw.startswith(rules.agency_prefixes().national, i + 1):
                continue  # (a national 代字 after it is a sentence's: "和国办发〔2019〕2号" broken at 和)
            if raw.startswith(w, i) and len(raw[i + len(w) :].strip()) > 0:
                i += len(w)
                changed = True
                break
    return i


# Full-width digits (web pages, OCR) map one-to-one onto ASCII and zero-width characters onto spaces, so
# offsets stay valid and "豫政办\u200b〔2020〕5号" reads like "豫政办 〔2020〕5号".
_FULLWIDTH_DIGITS = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, **{ch: " " for ch in "\u200b\u200c\u200d\u2060\ufeff"}})
_FULLWIDTH_OR_INVISIBLE = regex.compile("[" + "".join(map(chr, _FULLWIDTH_DIGITS)) + "]")  # what the table changes


@rules.cached
def _agency_cuts() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """rules/docnumber.yaml: words after which a 机关代字 starts when glued to it (a sentence or an issuer's
    full name before the number), and labels that are never a 机关代字."""
    data = rules._read_yaml("docnumber.yaml")
    cuts = tuple(sorted(data.get("agency_cut_after", []), key=len, reverse=True))
    return cuts, tuple(data.get("not_agency", []))


_ISSUER_ENDS = frozenset({"人民政府", "办公厅"})


def _trim_agency(agency: str, kind: str) -> str:
    """'请各单位认真贯彻落实豫政办' -> '豫政办', '上海市人民政府沪府发' -> '沪府发'; an order keeps its issuer
    (广州市人民政府令)."""
    cuts, labels = _agency_cuts()
    if kind != "order" and not agency.endswith("令"):
        best = -1
        for w in cuts:
            if kind == "announcement" and w in _ISSUER_ENDS:
                continue  # 郑州市人民政府公告〔2024〕第3号: an announcement is numbered under its issuer's full name
            at = agency.rfind(w)
            if at != -1 and at + len(w) < len(agency):
                best = max(best, at + len(w))
        if best > 0:
            agency = agency[best:]
    return "" if agency in labels else agency


def _normalized(kind: str, agency: str, year: int | None, serial: int) -> str:
    """Canonical spelling: GB/T 9704 §7.2.4 uses 〔〕 around the year and no 第 before the serial;
    orders (令) and announcements (公告) keep their own official forms."""
    if kind == "announcement" and year is not None:
        return f"{agency}{year}年第{serial}号"
    if year is None:
        return f"{agency}第{serial}号"
    return f"{agency}〔{year}〕{serial}号"


# the end of a date the 代字's Han run reached back into: "21日黑龙江省人民政府令", "二十一日…", "12月日照市…"
_DATE_UNIT = regex.compile(r"(?P<numerals>[〇○零一二三四五六七八九十廿]{0,4})[年月日]")


def _past_date_end(text: str, start: int, stop: int) -> int:
    """Where the 代字 starts once a date's end glued before it is left out: a 年/月/日 after a digit, or after
    Chinese numerals inside the match; a 代字 that opens with 日 after a month (日照, 日政发) keeps it."""
    while (m := _DATE_UNIT.match(text, start, stop)) and stop - m.end() >= 2:
        if not m.group("numerals") and not (start > 0 and text[start - 1] in "0123456789０１２３４５６７８９"):
            break
        start = m.end()
    return start


def _build(kind: str, m: regex.Match[str], text: str, floor: int) -> DocNumber | None:
    a0, a1 = m.span("agency")
    lo = max(a0, floor)
    line_start = lo == 0 or text[lo - 1] == "\n"
    lo = _past_date_end(text, lo, a1)  # then the words a sentence puts before a number ("…21日原国家…局令")
    raw = text[lo:a1]
    start = lo + _agency_offset(raw, line_start=line_start)
    written = _SPACES.sub("", text[start:a1].translate(_FULLWIDTH_DIGITS))
    agency = _trim_agency(written, kind)
    if agency and agency != written:
        at = text.find(agency, start, a1)
        if at == -1:
            return None  # the trimmed 代字 is split by spaces in the text: no clean start to report
        start = at
    agency = agency.replace("(", "（").replace(")", "）")
    if agency.endswith("令") and len(agency) > 9:
        # 中华人民共和国国务院令 is cited as 国务院令 (and a ministry's order likewise): one key for both
        agency = agency.removeprefix("中华人民共和国")
    if not agency or not _WORD_START.match(agency):
        return None
    year = int(m.group("year")) if "year" in m.groupdict() and m.group("year") else None
    written_serial = m.group("serial")
    # an order's number may be written in Chinese numerals (中华人民共和国主席令第三十一号)
    serial = int(written_serial) if written_serial.isdigit() else int(cn2an.cn2an(written_serial, "smart"))
    return DocNumber(agency, year, serial, _normalized(kind, agency, year, serial), text[start : m.end()], start, m.end())


@rules.cached
def _any_required() -> regex.Pattern[str] | None:
    """One pattern for the strings of every 文号 rule's `requires` (None if a rule requires nothing)."""
    strings: set[str] = set()
    for rule in rules.docnumber_rules():
        if not rule.requires:
            return None
        strings.update(rule.requires)
    return regex.compile("|".join(regex.escape(s) for s in sorted(strings, key=len, reverse=True)))


def find_doc_numbers(text: str) -> Iterator[DocNumber]:
    """Every document number in running text, left to right, without overlaps.

    A match whose 机关代字 swallowed the tail of the previous number ("国发〔2019〕1号和国办发〔2019〕2号")
    is rebuilt from the end of that number on."""
    required = _any_required()
    if required is not None and required.search(text) is None:
        return  # no rule can match (most lines of a notice): one search instead of a check per rule
    scan = text.translate(_FULLWIDTH_DIGITS) if _FULLWIDTH_OR_INVISIBLE.search(text) else text
    matches: list[tuple[str, regex.Match[str]]] = []
    for rule in rules.docnumber_rules():
        if rule.may_match(scan):
            matches.extend((rule.kind, m) for m in rule.pattern.finditer(scan))
    candidates = [(k, m, d) for k, m in matches if (d := _build(k, m, text, 0)) is not None]
    candidates.sort(key=lambda c: (c[2].start, -(c[2].end - c[2].start)))
    last_end = -1
    for kind, m, d in candidates:
        if d.start < last_end:
            if m.end("agency") <= last_end:
                continue
            rebuilt = _build(kind, m, text, last_end)
            if rebuilt is None:
                continue
            d = rebuilt
        last_end = d.end
        yield d


_SPACES = regex.compile(r"\s+")
_WORD_START = regex.compile(r"[\p{Han}A-Za-z]")
_NUMBER_LABEL = regex.compile(r"^(?:发文字号|文号)[：:]\s*")
_WRAPPERS = "（）()[]［］【】〔〕“”\"' 　\t\n，,。；;：:\u200b\u200c\u200d\u2060\ufeff"


def parse_doc_number(text: str) -> DocNumber | None:
    """Parse a document number; None when the text is not (only) a document number.

    >>> parse_doc_number("豫政办 〔2023〕43号").normalized
    '豫政办〔2023〕43号'
    """
    return _parse(rules.active(), text)


@lru_cache(maxsize=4096)  # keyed by the rules in use too; the header's lines are asked about again by each pass
def _parse(_rules: rules.Rules, text: str) -> DocNumber | None:
    required = _any_required()
    if not text or required is not None and required.search(text) is None:
        return None  # no 文号 rule can match (a line with no 号 nor bracket): most lines of a notice
    # zero-width characters a web page leaves inside a number ("豫政\u200b办"): the offsets then count without them
    stripped = ZERO_WIDTH.sub("", text).strip(_WRAPPERS)
    stripped = _NUMBER_LABEL.sub("", stripped).strip(_WRAPPERS)
    for d in find_doc_numbers(stripped):
        rest = stripped[d.end :].strip(_WRAPPERS)
        # a page that lost the line break after the number runs the issuer's name into it (bracket_lost)
        if d.start == 0 and (rest in ("", "文件") or looks_like_org(rest)):
            return d
        return None
    return None


def number_line(text: str) -> DocNumber | None:
    """The 发文字号 a line holds by itself (up to two stray characters), or before the 签发人 an upward
    document prints on the same line (GB/T 9704 §7.2.4: "丙政〔2024〕3号    签发人：王某"); else None."""
    head = text.split("签发人", 1)[0] if "签发人" in text else text
    num = parse_doc_number(head)
    if num is None:
        return None
    head = head.rstrip()
    at = head.find(num.text)
    return num if len(num.text) >= len(head) - 2 or at != -1 and looks_like_org(head[at + len(num.text) :].strip()) else None
