"""Text encodings of Chinese notices, written here byte for byte: GB18030/GBK, Big5, UTF-16 with and without
BOM; traditional characters converted to simplified; pinyin glosses removed; undecodable files rejected."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest

from pipeline.ingest import read_document
from pipeline.ingest.text import decode
from pipeline.model import IngestError
from pipeline.normalize import drop_pinyin_glosses
from pipeline.process import process_path

SIMPLIFIED = """某某市人民政府办公室文件
某府办发〔2020〕15号
某某市人民政府办公室关于进一步规范行政规范性文件管理的通知
各县（市、区）人民政府，市人民政府各部门：
为进一步加强行政规范性文件管理，推进依法行政，经市政府同意，现将有关事项通知如下。
一、严格制定程序
各部门要认真执行合法性审核制度，确保文件质量。市司法局负责指导监督，2020年12月底前完成清理。
某某市人民政府办公室
2020年5月8日
"""

TRADITIONAL = """新鄉市人民政府辦公室文件
新政辦〔2020〕15號
新鄉市人民政府辦公室關於進一步規範行政規範性文件管理的通知
各縣（市、區）人民政府，市人民政府各部門：
為進一步加強行政規範性文件管理，推進依法行政，經市政府同意，現將有關事項通知如下。
一、嚴格制定程序
各部門要認真執行合法性審核制度，確保文件質量。市司法局負責指導監督，2020年12月底前完成清理。
新鄉市人民政府辦公室
2020年5月8日
"""


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_simplified_notice_decodes(encoding: str) -> None:
    assert decode(SIMPLIFIED.encode(encoding), source="x.txt") == SIMPLIFIED


@pytest.mark.parametrize("encoding", ["big5", "cp950", "gb18030", "utf-16-le", "utf-16-be"])
def test_traditional_notice_decodes(encoding: str) -> None:
    assert decode(TRADITIONAL.encode(encoding), source="x.txt") == TRADITIONAL


@pytest.mark.parametrize(
    "text",
    ["附件：1.表格 2.清單\n", "第1條 2020年5月8日起施行，有效期5年。\n"],
    ids=["short-big5", "digits-big5"],
)
def test_short_big5_is_not_mistaken(text: str) -> None:
    assert decode(text.encode("big5"), source="x.txt") == text


def test_gb18030_four_byte_characters() -> None:
    text = "䶮𠀀 某某县人民政府关于印发方案的通知\n"
    assert decode(text.encode("gb18030"), source="x.txt") == text


@pytest.mark.parametrize("encoding", ["big5", "utf-16-le"])
def test_big5_traditional_notice_end_to_end(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"trad_{encoding}.txt"
    path.write_bytes(TRADITIONAL.encode(encoding))
    out = process_path(path)
    row = out.document
    assert not out.errors, out.errors
    assert row.doc_number == "新政办〔2020〕15号", "繁体应转为简体"
    assert row.title == "新乡市人民政府办公室关于进一步规范行政规范性文件管理的通知"
    assert row.signed_date == "2020-05-08"
    assert "市人民政府各部门" in row.recipients
    # offsets point into the simplified text
    start = out.text.index("新政办〔2020〕15号")
    assert out.text[start : start + 12] == "新政办〔2020〕15号"
    assert any(d.end == "2020-12-31" and out.text[d.start_char : d.end_char] == d.text for d in out.deadlines)


def test_pinyin_glosses_removed_end_to_end(tmp_path: Path) -> None:
    glossed = TRADITIONAL.replace("新鄉市人民政府辦公室關於", "新鄉(xiāng)市人民政府辦公室關於").replace("規範行政規範性", "規(guī)範行政規範性")
    path = tmp_path / "mirror.txt"
    path.write_text(glossed, encoding="utf-8")
    out = process_path(path)
    assert out.document.title == "新乡市人民政府办公室关于进一步规范行政规范性文件管理的通知"
    assert "xiāng" not in out.text and "guī" not in out.text


@pytest.mark.parametrize(
    "text,expected",
    [
        ("新鄉(xiāng)市", "新鄉市"),
        ("規(guī)范化", "規范化"),
        ("规（guī）范（fàn）化", "规范化"),
        ("新乡 (xiāng) 市", "新乡 市"),
        (unicodedata.normalize("NFD", "规(guī)范化"), "规范化"),
        ("附件（PDF）", "附件（PDF）"),
        ("A类(A)", "A类(A)"),
        ("平台(App)", "平台(App)"),
        ("(shí)施意見》的通知", "施意見》的通知"),
        ("(A)類項目", "(A)類項目"),
    ],
    ids=["basic", "traditional", "fullwidth-twice", "spaced", "nfd-tone", "pdf-kept", "letter-kept", "app-kept", "line-start", "line-start-kept"],
)
def test_drop_pinyin_glosses(text: str, expected: str) -> None:
    assert drop_pinyin_glosses(text) == expected


def test_random_bytes_are_rejected(tmp_path: Path) -> None:
    rng = random.Random(7)
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(rng.randrange(256) for _ in range(4000)))
    with pytest.raises(IngestError, match="encoding|binary|garbled"):
        read_document(path)
    out = process_path(path)
    assert out.errors and out.errors[0].stage == "decode" and "noise.txt" in out.errors[0].error


def test_binary_file_named_txt_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "zeros.txt"
    path.write_bytes(b"\x00" * 512 + "国务院".encode())
    with pytest.raises(IngestError, match="binary"):
        read_document(path)


def test_empty_text_file_is_an_error_row(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n")
    out = process_path(path)
    assert out.errors and "empty" in out.errors[0].error


def test_bom_that_lies_is_rejected() -> None:
    with pytest.raises(IngestError, match="byte-order mark"):
        decode(b"\xff\xfe" + b"\x00\xd8\x41", source="x.txt")  # a lone high surrogate is not UTF-16
