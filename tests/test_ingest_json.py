"""A site's data API saved instead of its page: JSON whose record holds the notice's text and its fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.process import process_path

RECORD = {
    "id": 12345,
    "title": "丁省人民政府办公厅关于做好春耕生产工作的通知",
    "file_Num": "丁政办〔2024〕5号",
    "publisher": "丁省人民政府办公厅",
    "publishDate": 1709251200000,  # 2024-03-01 08:00 in China, in milliseconds
    "content": "<p>各市人民政府，省人民政府各部门：</p><p>为做好今年春耕生产工作，现将有关事项通知如下：</p>"
    "<p>一、加强组织领导。各地要于2024年3月15日前制定工作方案。（牵头单位：省农业农村厅；配合单位：省财政厅）</p>"
    "<p>丁省人民政府办公厅</p><p>2024年2月28日</p>",
}


@pytest.mark.parametrize("name", ["notice.html", "notice.txt"])
def test_a_data_api_record_gives_the_notice_and_its_fields(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(json.dumps({"code": 200, "data": {"list": [{"id": 1, "title": "上一篇"}, RECORD]}}, ensure_ascii=False), encoding="utf-8")
    out = process_path(path)
    d = out.document
    # the number and the title stand only in the record's fields; the text gives the rest
    assert (d.title, d.doc_number, d.issuer, d.signed_date) == ("丁省人民政府办公厅关于做好春耕生产工作的通知", "丁政办〔2024〕5号", "丁省人民政府办公厅", "2024-02-28"), d
    assert d.published_date == "2024-03-01" and d.format == "json", (d.published_date, d.format)
    assert [t.lead_unit for t in out.tasks] == ["省农业农村厅"], out.tasks
    assert not out.errors, out.errors


def test_json_files_beside_the_notices_are_left_alone(tmp_path: Path) -> None:
    """A folder of notices may hold JSON of other kinds (gold answers, manifests): a .json file is no input, and
    the notice beside it keeps its own doc_id."""
    import subprocess
    import sys

    from conftest import ROOT, read_table

    src = tmp_path / "in"
    src.mkdir()
    (src / "notice.txt").write_text("丁县人民政府关于做好防汛工作的通知\n各乡镇人民政府：\n现就做好防汛工作通知如下。\n丁县人民政府\n2024年5月1日\n", encoding="utf-8")
    (src / "notice.json").write_text(json.dumps({"title": "丁县人民政府关于做好防汛工作的通知", "issuer": "丁县人民政府"}, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    subprocess.run([sys.executable, str(ROOT / "run_pipeline.py"), str(src), "--out", str(out)], check=True, capture_output=True)
    docs = read_table(out, "documents")
    assert list(docs["doc_id"]) == ["notice"] and list(docs["format"]) == ["txt"], docs[["doc_id", "format"]]
    assert read_table(out, "errors").empty


def test_plain_text_content_and_a_record_without_text(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    text = "各乡镇人民政府：\n现就做好防汛工作通知如下。各乡镇要于2024年5月31日前完成隐患排查。\n丁县人民政府\n2024年5月1日\n"
    path.write_text(json.dumps({"wjbt": "丁县人民政府关于做好防汛工作的通知", "zw": text, "fwrq": "2024-05-01"}, ensure_ascii=False), encoding="utf-8")
    d = process_path(path).document
    assert (d.title, d.signed_date) == ("丁县人民政府关于做好防汛工作的通知", "2024-05-01"), d
    empty = tmp_path / "list.html"
    empty.write_text(json.dumps({"data": [{"title": "丁县人民政府关于做好防汛工作的通知", "url": "/a/1.html"}]}, ensure_ascii=False), encoding="utf-8")
    errors = process_path(empty).errors
    assert len(errors) == 1 and "without a notice's text" in errors[0].error, errors
    # a text file that only opens with a brace is text
    brace = tmp_path / "brace.txt"
    brace.write_text("{附件}\n丁县人民政府关于做好防汛工作的通知\n各乡镇人民政府：\n现就做好防汛工作通知如下。\n丁县人民政府\n2024年5月1日\n", encoding="utf-8")
    out = process_path(brace)
    assert not out.errors and out.document.format == "txt", (out.errors, out.document.format)
