"""parse_doc_number on 27,047 real 发文字号 scraped from nine provincial governments' sites (Chongqing,
Guangdong, Hubei, Liaoning, Ningxia, Shanghai, Shanxi, Sichuan, Yunnan: the document-number datasets of
zongtihuoguoguan/Policy-Transparency-China-2024, kept as tests/fixtures/docnumbers/nine_governments.csv.gz),
and on close strings that are not numbers."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest
import regex

from pipeline import find_doc_numbers, parse_doc_number

ROWS = list(csv.DictReader(gzip.open(Path(__file__).parent / "fixtures" / "docnumbers" / "nine_governments.csv.gz", "rt", encoding="utf-8")))


def _scrape_junk(value: str) -> bool:
    """A scraped value that is not a 文号 as it stands: a field label with nothing after it, a number with its
    serial after 号 or without 号, no 机关代字 (公告2018年第14号), or a sentence fragment glued before it
    (的通知沪府发〔2009〕40号, 省人民政府川府发〔1987〕109号), which running-text search still finds."""
    v = value.strip().strip("\u200b\u200c\u200d\ufeff")
    if regex.fullmatch(r"发文字号[：:]?", v) or not regex.search(r"\d\s*号$", v) or regex.match(r"^(?:公告|通告)", v):
        return True
    found = list(find_doc_numbers(v))
    return bool(found) and found[-1].start > 0 or regex.match(r"^[的和见海门]", v) is not None


def test_nine_governments_parse() -> None:
    assert len(ROWS) == 27047
    failed = [r["doc_number"] for r in ROWS if parse_doc_number(r["doc_number"]) is None]
    real = [v for v in failed if not _scrape_junk(v)]
    parsed = 1 - len(real) / len(ROWS)
    assert parsed >= 0.999, f"{len(real)} real numbers not parsed: {real[:20]}"
    # 64 since 的 cuts a glued sentence off ("的通知沪发改价管〔2023〕39号" is no number as it stands; running-text
    # search finds 沪发改价管〔2023〕39号 in it)
    assert len(failed) <= 64, f"{len(failed)} values not parsed (scrape junk included): {failed[:20]}"
    glued = [v for v in failed if v.startswith("的通知")]
    assert glued and all(list(find_doc_numbers(v)) for v in glued), glued


def _near_misses() -> list[str]:
    """Strings one edit away from a real number that are no 文号 as they stand."""
    out: list[str] = []
    for r in ROWS[::40]:
        d = parse_doc_number(r["doc_number"])
        if d is None or d.year is None or "〔" not in d.normalized:
            continue
        n = d.normalized
        out += [
            n.removesuffix("号"),  # no 号
            n.replace(f"{d.serial}号", "号"),  # no serial
            f"请各单位认真贯彻落实{n}",  # a sentence glued before
            f"发文字号{n[len(d.agency):]}",  # the label for the agency
            n.replace(str(d.year), str(d.year)[1:]),  # a three-digit year
            f"{n}的通知要求",  # a sentence after
        ]
    return out


def test_close_strings_are_rejected() -> None:
    misses = _near_misses()
    assert len(misses) > 500
    accepted = [s for s in misses if parse_doc_number(s) is not None]
    assert len(accepted) <= 0.01 * len(misses), f"{len(accepted)} of {len(misses)} accepted: {accepted[:20]}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u200b渝府办发〔2019〕103号", "渝府办发〔2019〕103号"),
        ("发文字号：\u200b晋政办发〔2023〕38号", "晋政办发〔2023〕38号"),
        ("国家税务总局2018年第12号", "国家税务总局2018年第12号"),
        ("交通运输部令2016年第62号", "交通运输部令2016年第62号"),
        ("上海市人民政府令2018年第8号", "上海市人民政府令2018年第8号"),
        ("苏经信〔2020〕1号", "苏经信〔2020〕1号"),
    ],
    ids=["zero-width", "label-zero-width", "tax-year-numbered", "order-year-numbered", "city-order-year", "jing-in-agency"],
)
def test_forms(text: str, expected: str) -> None:
    d = parse_doc_number(text)
    assert d is not None and d.normalized == expected, (text, d)


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("请各单位认真贯彻落实豫政办〔2020〕5号", "豫政办〔2020〕5号"),
        ("上海市人民政府沪府发〔2024〕2号", "沪府发〔2024〕2号"),
        ("发文字号〔2020〕5号", ""),
    ],
    ids=["sentence-prefix", "issuer-prefix", "label-as-agency"],
)
def test_junk_prefix_rejected_but_found_in_text(text: str, inside: str) -> None:
    assert parse_doc_number(text) is None, text
    assert [d.normalized for d in find_doc_numbers(text)] == ([inside] if inside else []), text
