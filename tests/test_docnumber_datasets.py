"""parse_doc_number on two real scraped 发文字号 datasets (Policy-Transparency-China-2024, in ../shared).

What counts: every non-empty cell of the number column. Empty cells (openpyxl None: the crawler found no
number on the page) are not document numbers and are left out of the denominator; the test reports how
many there were. A cell that is a document number but fails to parse is a failure, even when the cell
itself is damaged (e.g. a year lost in scraping), and is listed in the assertion message.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import parse_doc_number

PTC = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wild" / "ptc"

DATASETS = [
    # (file, header of the number column)
    ("henan_provincial_gov_doc_numbers.xlsx", "doc_number"),
    ("state_council_doc_numbers.xlsx", "document_number_parsed"),
]

pytestmark = pytest.mark.shared


def _column(path: Path, header: str) -> list[tuple[int, object]]:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = wb.active.iter_rows(values_only=True)
        head = list(next(rows))
        if header not in head:
            pytest.fail(f"{path.name}: 找不到列 {header!r}，表头为 {head}")
        col = head.index(header)
        return [(i, row[col]) for i, row in enumerate(rows, start=2)]
    finally:
        wb.close()


@pytest.mark.parametrize("name,header", DATASETS, ids=["henan", "state_council"])
def test_dataset_parse_rate(name: str, header: str) -> None:
    path = PTC / name
    if not path.exists():
        pytest.skip(f"{path} is absent (the ../shared corpus is not mounted next to this repo)")
    cells = _column(path, header)
    empty = [row for row, v in cells if v is None or str(v).strip() in ("", "None")]
    values = [(row, str(v)) for row, v in cells if v is not None and str(v).strip() not in ("", "None")]
    failures: list[str] = []
    for row, v in values:
        d = parse_doc_number(v)
        if d is None:
            failures.append(f"第{row}行 {v!r}: 无法解析")
            continue
        # The normalised form must be the cell without spaces, with 〔〕 around the year and no 第.
        if d.year is None:
            if "令" not in d.agency:
                failures.append(f"第{row}行 {v!r}: 缺少年份却不是令")
        elif str(d.year) not in v or not d.normalized.startswith(d.agency + "〔") or not v.replace(" ", "").startswith(d.agency):
            failures.append(f"第{row}行 {v!r}: 规范化结果 {d.normalized!r} 与原文不符")
    rate = 1 - len(failures) / len(values)
    assert len(values) > 1000, f"{name}: 只有 {len(values)} 个非空文号，数据集不完整"
    assert rate >= 0.999, (
        f"{name}: 解析率 {rate:.4%} < 99.9%（{len(values)} 个非空文号，另有 {len(empty)} 个空单元格不计）；"
        f"失败 {len(failures)} 个:\n" + "\n".join(failures)
    )


def test_dataset_known_shapes() -> None:
    """Shapes that occur in these datasets, each checked field by field (values read from the xlsx)."""
    cases = {
        "豫政办 〔2023〕43号": ("豫政办", 2023, 43, "豫政办〔2023〕43号"),
        "豫政办 〔 2021 〕68 号": ("豫政办", 2021, 68, "豫政办〔2021〕68号"),
        "豫政 〔2023〕27号": ("豫政", 2023, 27, "豫政〔2023〕27号"),
        "豫政文〔2023〕14号": ("豫政文", 2023, 14, "豫政文〔2023〕14号"),
        "省政府令 第219号": ("省政府令", None, 219, "省政府令第219号"),
        "国办发明电〔2018〕12号": ("国办发明电", 2018, 12, "国办发明电〔2018〕12号"),
        "灾总指挥部发明电〔2010〕2号": ("灾总指挥部发明电", 2010, 2, "灾总指挥部发明电〔2010〕2号"),
        "国海管字〔2015〕16号": ("国海管字", 2015, 16, "国海管字〔2015〕16号"),
    }
    for text, (agency, year, serial, normalized) in cases.items():
        d = parse_doc_number(text)
        assert d is not None, f"{text!r} 未被识别为文号"
        assert (d.agency, d.year, d.serial, d.normalized) == (agency, year, serial, normalized), f"{text!r} -> {d}"
