"""Hostile and broken inputs in one batch with a good notice (issue 15): each ends as one errors row or a
clean document, the batch goes on, no traceback reaches the user, CSV cells never start a formula, and
nothing reaches for the network."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, read_table


@pytest.fixture(scope="module")
def hostile_batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "good.txt").write_bytes((SEEDS / "000_0ac1c0e2edb665b1.txt").read_bytes())
    # a GBK file name, as zips made on Chinese Windows unpack on Linux
    gbk = os.fsencode(str(folder)) + b"/" + "国文通知".encode("gbk") + b".txt"
    with open(gbk, "wb") as fh:
        fh.write("国务院办公厅关于某事的通知\n各省：\n请于2020年5月底前报送。\n国务院办公厅\n2020年3月1日\n".encode("gbk"))
    (folder / ("长" * 80 + ".txt")).write_text("某某县人民政府关于某事的通知\n各乡镇：\n请于2020年5月底前报送。\n某某县人民政府\n2020年3月1日\n", encoding="utf-8")
    (folder / "spans.html").write_text(
        '<html><body><p>某某市人民政府办公室关于印发工作方案的通知</p><p>各区人民政府：</p><p>现将方案印发给你们。</p>'
        '<table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td></tr>'
        '<tr><td rowspan="3000">1</td><td colspan="2;">编制目录</td></tr>'
        '<tr><td colspan="2000000000">x</td></tr></table><p>某某市人民政府办公室</p><p>2024年1月2日</p></body></html>',
        encoding="utf-8",
    )
    (folder / "formula.txt").write_text("=HYPERLINK(\"http://x\")关于某事的通知\n各单位：\n@SUM(1)请于2020年5月底前报送。\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\n")
    out = tmp_path_factory.mktemp("hostile-out")
    proc = subprocess.run([sys.executable, str(ROOT / "run_pipeline.py"), str(folder), "--out", str(out)], capture_output=True, text=True, timeout=600)
    return out, proc


def test_batch_goes_on_without_traceback(hostile_batch: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    out, proc = hostile_batch
    assert proc.returncode == 1, proc.stderr  # some inputs became errors rows
    assert "Traceback" not in proc.stderr, proc.stderr
    docs = read_table(out, "documents").set_index("doc_id")
    assert docs.loc["good", "doc_number"] == "豫政办〔2020〕5号"
    assert docs.loc["国文通知", "source"].endswith("国文通知.txt"), "a GBK name is read as GB18030"
    long_ids = [d for d in docs.index if d.startswith("长")]
    assert len(long_ids) == 1 and len(long_ids[0]) <= 60, long_ids
    assert (out / "text" / f"{long_ids[0]}.txt").exists()
    errors = read_table(out, "errors")
    assert set(errors["doc_id"]) >= {"empty", "broken"}, errors


def test_span_attributes_are_capped(hostile_batch: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    out, _ = hostile_batch
    docs = read_table(out, "documents").set_index("doc_id")
    assert docs.loc["spans", "title"] == "某某市人民政府办公室关于印发工作方案的通知"
    text = (out / "text" / "spans.txt").read_text(encoding="utf-8")
    assert "编制目录" in text and len(text) < 20_000, len(text)


def test_csv_cells_do_not_start_formulas(hostile_batch: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    out, _ = hostile_batch
    for name in ("documents", "deadlines", "sections"):
        for row in read_table(out, name).itertuples(index=False):
            for cell in row:
                assert not str(cell).lstrip("\t\r ").startswith(("=", "+", "@")), (name, cell)


def test_no_network_during_a_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipeline and its store never open a connection (DuckDB's extension autoload is off)."""
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("network is off in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, a[0]))  # type: ignore[arg-type]
    from pipeline.cli import main

    db = tmp_path / "sqlite.db"
    import sqlite3

    sqlite3.connect(db).close()  # a SQLite file at --db: DuckDB would fetch its sqlite extension
    rc = main([str(SEEDS / "000_0ac1c0e2edb665b1.txt"), "--out", str(tmp_path / "out")])
    assert rc == 0
    main([str(SEEDS / "000_0ac1c0e2edb665b1.txt"), "--out", str(tmp_path / "out2"), "--db", str(db)])
    assert attempts == [], attempts


def test_huge_page_rendered_within_the_pixel_cap() -> None:
    from pipeline.ingest.ocr import MAX_PIXELS, render_dpi

    assert render_dpi(595, 842) == 150, "an A4 page keeps the OCR resolution"
    dpi = render_dpi(14400, 14400)
    assert dpi < 40 and 14400 * 14400 * (dpi / 72) ** 2 <= MAX_PIXELS * 1.001


def test_input_over_the_size_limit_is_an_errors_row(tmp_path: Path) -> None:
    from pipeline.run import run_batch
    from pipeline.workers import Limits

    big = tmp_path / "in" / "big.txt"
    big.parent.mkdir()
    big.write_text("关于某事的通知\n" * 200_000, encoding="utf-8")  # about 3.8 MB
    (tmp_path / "in" / "good.txt").write_bytes((SEEDS / "000_0ac1c0e2edb665b1.txt").read_bytes())
    result = run_batch(sorted((tmp_path / "in").iterdir()), tmp_path / "out", workers=1, limits=Limits(input_mb=1))
    errors = {e.doc_id: e.error for x in result.extractions for e in x.errors}
    assert "exceeds the input limit of 1 MB" in errors.get("big", ""), errors
    assert "good" not in errors


def test_worker_over_its_memory_limit_is_an_errors_row(tmp_path: Path) -> None:
    """A document whose processing needs more memory than a worker may have ends as one errors row."""
    from pipeline.workers import Limits, process_all

    f = tmp_path / "wide.html"
    rows = "".join(f"<tr>{'<td>单元格内容</td>' * 900}</tr>" for _ in range(300))  # 270,000 cells
    f.write_text(f"<html><body><p>关于某事的通知</p><table>{rows}</table></body></html>", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_bytes((SEEDS / "000_0ac1c0e2edb665b1.txt").read_bytes())
    out = list(process_all([f, good], workers=1, limits=Limits(memory_mb=300, seconds=120)))
    assert out[0].errors and ("limit" in out[0].errors[0].error or "MemoryError" in out[0].errors[0].error), out[0].errors
    assert not out[1].errors and out[1].document.doc_number == "豫政办〔2020〕5号"


def test_fifo_symlink_out_folder_and_empty_files(tmp_path: Path) -> None:
    """A FIFO would block the run, a symlink may lead anywhere, --out inside the input folder must not be
    read back, and two empty files are two errors rows (not one file 'unchanged')."""
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "good.txt").write_bytes((SEEDS / "000_0ac1c0e2edb665b1.txt").read_bytes())
    os.mkfifo(inp / "pipe.txt")
    outside = tmp_path / "secret.txt"
    outside.write_text("关于某事的通知\n", encoding="utf-8")
    (inp / "link.txt").symlink_to(outside)
    (inp / "a.txt").write_bytes(b"")
    (inp / "b.txt").write_bytes(b"")
    out = inp / "out"
    proc = subprocess.run([sys.executable, str(ROOT / "run_pipeline.py"), str(inp), "--out", str(out)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert "skipped" in proc.stderr and "pipe.txt" in proc.stderr and "link.txt" in proc.stderr, proc.stderr
    errors = read_table(out, "errors")
    assert {"a", "b"} <= set(errors["doc_id"]), errors
    again = subprocess.run([sys.executable, str(ROOT / "run_pipeline.py"), str(inp), "--out", str(out)], capture_output=True, text=True, timeout=300)
    docs = read_table(out, "documents")
    assert not any(str(s).startswith(str(out)) for s in docs["source"]), "the output folder is never read as input"
    assert "Traceback" not in again.stderr


def test_text_over_the_limit_and_many_titles(tmp_path: Path) -> None:
    """A text over MAX_TEXT_CHARS is one errors row at once; a text dense with 《》 and limits stays fast."""
    import time

    from pipeline.process import MAX_TEXT_CHARS, process_path

    big = tmp_path / "big.txt"
    big.write_text("关于某事的通知\n" + "各单位要认真落实。" * (MAX_TEXT_CHARS // 9 + 10), encoding="utf-8")
    out = process_path(big)
    assert out.errors and "exceeds the limit" in out.errors[0].error, out.errors
    dense = tmp_path / "dense.txt"
    dense.write_text("某某市人民政府关于某事的通知\n各单位：\n" + "根据《某某办法》（某府〔2020〕1号），请于2020年5月底前报送。\n" * 4000, encoding="utf-8")
    start = time.perf_counter()
    x = process_path(dense)
    assert not x.errors and len(x.deadlines) >= 3900, len(x.deadlines)
    assert time.perf_counter() - start < 120, "near-linear on a text of 4,000 citations and limits"


def test_docx_zip_bomb_is_refused(tmp_path: Path) -> None:
    import zipfile

    from pipeline.process import process_path

    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (210 * 1024 * 1024))
    assert bomb.stat().st_size < 2 * 1024 * 1024
    out = process_path(bomb)
    assert out.errors and "unpack" in out.errors[0].error, out.errors


@pytest.mark.parametrize("case", ["out-is-a-file", "read-only-out", "truncated-store"])
def test_output_problems_are_one_line(tmp_path: Path, case: str) -> None:
    notice = tmp_path / "n.txt"
    notice.write_bytes((SEEDS / "000_0ac1c0e2edb665b1.txt").read_bytes())
    out = tmp_path / "out"
    if case == "out-is-a-file":
        out.write_text("not a folder")
    elif case == "read-only-out":
        if os.geteuid() == 0:
            pytest.skip("root writes through read-only permissions")
        out.mkdir()
        out.chmod(0o500)
    else:
        out.mkdir()
        (out / "corpus.duckdb").write_bytes(b"DUCK" + os.urandom(3000))
    proc = subprocess.run([sys.executable, str(ROOT / "run_pipeline.py"), str(notice), "--out", str(out)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr and proc.stderr.startswith("error:"), proc.stderr


def _nested_pdf(depth: int = 12, fan: int = 8) -> bytes:
    """A small PDF whose form XObjects draw each other `fan` times per level: fan**depth draws."""
    objs = []
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /F%d %d 0 R >> /Font << /T 4 0 R >> >> /Contents 5 0 R >>" % (depth, 6 + depth))
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    page = b"q /F%d Do Q" % depth
    objs.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(page), page))
    for k in range(depth + 1):
        if k == 0:
            body = b"BT /T 12 Tf 10 10 Td (x) Tj ET"
            res = b"<< /Font << /T 4 0 R >> >>"
        else:
            body = b" ".join([b"q /F%d Do Q" % (k - 1)] * fan)
            res = b"<< /XObject << /F%d %d 0 R >> /Font << /T 4 0 R >> >>" % (k - 1, 6 + k - 1)
        objs.append(b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources %s /Length %d >>\nstream\n%s\nendstream" % (res, len(body), body))
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, o in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def test_nested_form_xobjects_cost_one_errors_row(tmp_path: Path) -> None:
    """A 4 KB PDF whose forms draw each other 8**12 times: the worker hits its memory or time limit, the
    file becomes one errors row and the good notice beside it is processed."""
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "nested.pdf").write_bytes(_nested_pdf())
    (inp / "good.txt").write_bytes((SEEDS / "000_0ac1c0e2edb665b1.txt").read_bytes())
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "run_pipeline.py"), str(inp), "--out", str(out), "--timeout", "60", "--max-memory-mb", "1024"],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    errors = read_table(out, "errors").set_index("doc_id")
    assert "limit" in errors.loc["nested", "error"], errors
    assert read_table(out, "documents").set_index("doc_id").loc["good", "doc_number"] == "豫政办〔2020〕5号"


def test_disk_full_is_one_line(tmp_path: Path) -> None:
    """--out on a full file system (a 256 KB tmpfs): one line, exit 2, no traceback."""
    small = tmp_path / "small"
    small.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(small)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        notice = tmp_path / "n.txt"
        notice.write_bytes((SEEDS / "000_0ac1c0e2edb665b1.txt").read_bytes())
        proc = subprocess.run([sys.executable, str(ROOT / "run_pipeline.py"), str(notice), "--out", str(small / "out"), "--format", "csv,xlsx"], capture_output=True, text=True, timeout=300)
        assert proc.returncode == 2, (proc.returncode, proc.stderr)
        assert proc.stderr.startswith("error:") and "Traceback" not in proc.stderr, proc.stderr
    finally:
        subprocess.run(["umount", str(small)], capture_output=True)


def test_unclosed_table_in_text_keeps_the_notice(tmp_path: Path) -> None:
    from pipeline.process import process_path

    f = tmp_path / "unclosed.txt"
    f.write_text(
        "某某市人民政府关于某事的通知\n各区人民政府：\n现将有关事项通知如下。\n<table><tr><td>序号</td><td>工作任务</td>\n"
        "一、加强领导\n请于2020年5月底前报送。\n某某市人民政府\n2020年3月1日\n",
        encoding="utf-8",
    )
    x = process_path(f)
    assert x.document.signed_date == "2020-03-01" and [s.heading for s in x.sections] == ["加强领导"], x.document
    assert [d.end for d in x.deadlines] == ["2020-05-31"]


@pytest.mark.slow
def test_huge_page_and_wide_word_table_in_one_batch(tmp_path: Path) -> None:
    """A 14400 pt scanned page is rendered within the pixel cap; a Word cell with gridSpan 3000 is capped;
    the good notice beside them is processed."""
    import zipfile

    from docx import Document
    from PIL import Image
    from reportlab.pdfgen import canvas

    inp = tmp_path / "in"
    inp.mkdir()
    Image.new("RGB", (100, 100), "white").save(tmp_path / "white.png")
    c = canvas.Canvas(str(inp / "huge.pdf"), pagesize=(14400, 14400))
    c.drawImage(str(tmp_path / "white.png"), 0, 0, 14400, 14400)
    c.save()
    d = Document()
    d.add_paragraph("某某市人民政府办公室关于印发工作方案的通知")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text, t.cell(1, 0).text = "序号", "工作任务", "1"
    d.save(str(tmp_path / "plain.docx"))
    with zipfile.ZipFile(tmp_path / "plain.docx") as zin, zipfile.ZipFile(inp / "wide.docx", "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="3000"/>', 1)
                assert b'w:val="3000"' in data
            zout.writestr(item, data)
    (inp / "good.txt").write_bytes((SEEDS / "000_0ac1c0e2edb665b1.txt").read_bytes())
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, str(ROOT / "run_pipeline.py"), str(inp), "--out", str(out)], capture_output=True, text=True, timeout=600)
    assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr, proc.stderr
    docs = read_table(out, "documents").set_index("doc_id")
    assert docs.loc["good", "doc_number"] == "豫政办〔2020〕5号"
    assert {"huge", "wide"} <= set(docs.index)
    assert len((out / "text" / "wide.txt").read_text(encoding="utf-8")) < 5000 if (out / "text" / "wide.txt").exists() else True


def test_an_empty_pdf_says_it_is_empty(tmp_path: Path) -> None:
    """A download that left a 0-byte .pdf is an errors row saying the file is empty (PDFium would only say
    "Data format error")."""
    from pipeline.process import process_path

    path = tmp_path / "notice.pdf"
    path.write_bytes(b"")
    out = process_path(path)
    assert len(out.errors) == 1 and "empty" in out.errors[0].error, out.errors


def test_a_file_under_the_wrong_extension_is_read_as_what_it_is(tmp_path: Path) -> None:
    """A PDF saved as .txt and a .docx saved as .doc (made here) are read as what their first bytes say, each
    with an errors row that names the right extension; neither is decoded as text."""
    from docx import Document
    from pdfgen import notice_from_text, write_pdf

    from pipeline.process import process_path

    text = "关于印发某市某方案的通知\n某政办发〔2024〕1号\n各区人民政府：\n现将《某方案》印发给你们，请认真贯彻执行。\n"
    pdf = write_pdf(notice_from_text(text), tmp_path / "made.pdf")
    as_txt = tmp_path / "notice_pdf.txt"
    as_txt.write_bytes(pdf.read_bytes())
    word = Document()
    for line in text.splitlines():
        word.add_paragraph(line)
    as_doc = tmp_path / "notice_docx.doc"
    word.save(str(as_doc))
    for path, fmt, ext in ((as_txt, "pdf", ".pdf"), (as_doc, "docx", ".docx")):
        out = process_path(path)
        assert (out.document.format, out.document.doc_number) == (fmt, "某政办发〔2024〕1号"), out.document
        assert [e.stage for e in out.errors] == ["ingest"] and f"give it the {ext} extension" in out.errors[0].error, out.errors


def test_a_web_page_saved_as_pdf(tmp_path: Path) -> None:
    """A download that saved the site's page as .pdf (written here): the notice page is read as a web page with
    an errors row naming .html; a server's error page says it is a web page named .pdf and holds no notice."""
    from pipeline.process import process_path

    page = tmp_path / "notice.pdf"
    page.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><div class='article'>"
        "<p>某市人民政府办公室关于印发某方案的通知</p><p>某政办发〔2024〕2号</p><p>各区人民政府，市政府各部门：</p>"
        "<p>现将《某方案》印发给你们，请认真贯彻执行。</p><p>某市人民政府办公室</p><p>2024年3月1日</p></div></body></html>",
        encoding="utf-8",
    )
    out = process_path(page)
    assert (out.document.format, out.document.doc_number) == ("html", "某政办发〔2024〕2号"), out.document
    assert "give it the .html extension" in out.errors[0].error, out.errors
    error_page = tmp_path / "missing.pdf"
    error_page.write_text("<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>", encoding="utf-8")
    out = process_path(error_page)
    assert len(out.errors) == 1 and "is a web page (HTML) file named .pdf" in out.errors[0].error, out.errors


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_a_text_whose_characters_became_question_marks(tmp_path: Path, suffix: str) -> None:
    """A page or export saved in an encoding without Chinese turns every character into "?": no decoding
    brings them back, so the errors row says so and what to do (not "no notice" or "an empty page")."""
    from pipeline.process import process_path

    body = "???????????,???????????????,??????2023???6????,?“????”???????。\n" * 6
    path = tmp_path / f"notice{suffix}"
    path.write_text(body if suffix == ".txt" else f"<html><body><div><p>{body}</p></div></body></html>", encoding="utf-8")
    out = process_path(path)
    assert len(out.errors) == 1, out.errors
    message = out.errors[0].error
    assert "lost" in message and "UTF-8" in message and "'?'" in message, message
    # a notice that asks a question keeps its question marks and is read
    path = tmp_path / f"asks{suffix}"
    text = "丁县人民政府关于征求意见的通知\n各乡镇人民政府：\n现就以下问题征求意见：是否需要调整？如何调整？请于2024年3月1日前反馈。\n丁县人民政府\n2024年2月1日\n"
    path.write_text(text if suffix == ".txt" else "<html><body><div>" + "".join(f"<p>{ln}</p>" for ln in text.splitlines()) + "</div></body></html>", encoding="utf-8")
    out = process_path(path)
    assert not out.errors and out.document.title == "丁县人民政府关于征求意见的通知", (out.errors, out.document.title)


GARBLED_NOTICE = "丁省人民政府办公厅关于印发丁省推进政务公开工作实施方案的通知\n各市人民政府，省人民政府各部门：\n现将实施方案印发给你们，请认真贯彻执行。\n丁省人民政府办公厅\n2020年1月6日\n"


def test_utf8_read_as_latin1_and_saved_again_is_repaired(tmp_path: Path) -> None:
    """"æ²³å\x8d\x97…": the notice's UTF-8 bytes read as Latin-1 and saved again; every byte survives, so the
    repair (ftfy) gives the notice back whole and nothing is reported."""
    from pipeline.process import process_path

    path = tmp_path / "notice.txt"
    path.write_text(GARBLED_NOTICE.encode("utf-8").decode("latin-1"), encoding="utf-8")
    out = process_path(path)
    assert not out.errors, out.errors
    d = out.document
    assert (d.title, d.issuer, d.signed_date) == ("丁省人民政府办公厅关于印发丁省推进政务公开工作实施方案的通知", "丁省人民政府办公厅", "2020-01-06"), d


@pytest.mark.parametrize("codec", ["mac_cyrillic", "cp1251"])
def test_utf8_read_as_a_cyrillic_code_page_and_saved_again_is_repaired(tmp_path: Path, codec: str) -> None:
    """"дЄ≠еНОдЇЇж∞С…" (a crawl's 国务院令 garbled so): the notice's UTF-8 bytes read as a Cyrillic code page and saved
    again are taken back; Windows-1251 has no letter for byte 98, so what it dropped is reported as lost."""
    from pipeline.process import process_path

    path = tmp_path / "notice.txt"
    path.write_text(GARBLED_NOTICE.encode("utf-8").decode(codec, errors="replace"), encoding="utf-8")
    out = process_path(path)
    d = out.document
    assert d.title.startswith("丁省人民政府办公厅关于印发") and d.signed_date == "2020-01-06", (d.title, d.signed_date)
    assert "各市人民政府" in out.text and "印发给你们" in out.text, out.text[:200]
    if codec == "mac_cyrillic":
        assert not out.errors and d.title == "丁省人民政府办公厅关于印发丁省推进政务公开工作实施方案的通知", (out.errors, d.title)


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_utf8_read_as_gbk_and_saved_again_is_repaired_with_a_note(tmp_path: Path, suffix: str) -> None:
    """"娌冲崡…" (乱码): the notice's UTF-8 bytes read as GBK and saved again. The bytes GBK could not read are
    gone; the rest is taken back, and an errors row says how many characters were lost."""
    from pipeline.process import process_path

    text = GARBLED_NOTICE if suffix == ".txt" else "<html><body><div>" + "".join(f"<p>{ln}</p>" for ln in GARBLED_NOTICE.splitlines()) + "</div></body></html>"
    path = tmp_path / f"notice{suffix}"
    path.write_text(text.encode("utf-8").decode("gbk", errors="replace"), encoding="utf-8")
    out = process_path(path)
    assert len(out.errors) == 1 and "garbled" in out.errors[0].error and "GBK" in out.errors[0].error, out.errors
    assert out.document.title.startswith("丁省人民政府办"), out.document.title
    assert "各市人民政府" in out.text and "印发给你们" in out.text, out.text[:200]


def test_a_utf8_file_cut_short_inside_its_last_character_is_read(tmp_path: Path) -> None:
    """A download cut inside the last character (its UTF-8 bytes incomplete) is read as UTF-8, not refused or
    guessed as another encoding: the notice stands, and an errors row says the file was cut short."""
    from pipeline.process import process_path

    path = tmp_path / "notice.txt"
    path.write_bytes(GARBLED_NOTICE.encode("utf-8")[:-2])  # "…2020年1月6" and two of the three bytes of "日"
    out = process_path(path)
    assert out.document.title == "丁省人民政府办公厅关于印发丁省推进政务公开工作实施方案的通知", out.document.title
    assert [e.error for e in out.errors if "cut short" in e.error], out.errors
    # a stray byte inside the text: read around, and said where to look
    path.write_bytes(GARBLED_NOTICE.encode("utf-8").replace("现将".encode("utf-8"), b"\xff\xfe" + "现将".encode("utf-8")))
    out = process_path(path)
    assert out.document.issuer == "丁省人民政府办公厅" and [e.error for e in out.errors if "not UTF-8" in e.error], (out.document.issuer, out.errors)


@pytest.mark.parametrize(
    ("name", "text", "shown"),
    [
        # a crawler's Markdown of www.qinghai.gov.cn when the server refused it (ZaynShao/energy-policy-analysis staging)
        ("denied.md", "# Access to www.qinghai.gov.cn was denied\n\nYou don't have authorization to view this page.\n\nHTTP ERROR 403\n\nReload\n", "was denied"),
        ("gone.txt", "抱歉，您访问的页面不存在或已被删除！\n返回首页\n", "页面不存在"),
        # a firewall's block page saved for fgw.henan.gov.cn (the same staging)
        (
            "blocked.md",
            "Sorry, you have been blocked\n\nYou are unable to accesshttps://fgw.henan.gov.cn/2025/09-08/3209719.html\n\n"
            "Request-ID :69ec26a8\\_PS-ATL-019Hh28 • 4-24-2026 22:27:52 GMT-4\n",
            "you have been blocked",
        ),
    ],
)
def test_a_saved_error_page_says_to_fetch_the_notice_again(tmp_path: Path, name: str, text: str, shown: str) -> None:
    """A site's error page saved instead of the notice is an errors row that says so (it read "may be an
    attachment such as a map or figure", advice that does not fit)."""
    from pipeline.process import process_path

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    errors = process_path(path).errors
    assert len(errors) == 1 and "error page" in errors[0].error and shown in errors[0].error, errors
    assert "fetch the page again" in errors[0].error


def test_a_text_garbled_by_a_wrong_font_mapping_is_an_errors_row_saying_so(tmp_path: Path) -> None:
    """A crawler's copy of a PDF whose text layer came out as Latin-1 letters (ZaynShao/energy-policy-analysis's
    staging, a page of ":NñmeQ/{…NÑs^;…" lines): no notice, and the errors row says the text is garbled and to extract
    it again, not that it may be a map; a page of French, its accents few, is no garbled text."""
    from pipeline.ingest.text import garbled_characters
    from pipeline.process import process_path

    garbled = ":NñmeQ/{\\_\\`NÑs^;\\`fN°‹sQŽNÎW\n\n^å\\]\\\\O„vÍ‘‰º‹ðŒTù\\[Í‘†^Í‘‰\\\n\\\nÿ Rë\\_ú^¾‹ìrwQE››R„výVE–q\\\\4lý\\\n" * 8
    f = tmp_path / "garbled.md"
    f.write_text(garbled, encoding="utf-8")
    ex = process_path(f)
    messages = [e.error for e in ex.errors]
    assert len(messages) == 1 and "garbled" in messages[0] and "a map or figure" not in messages[0], messages
    assert garbled_characters("La réunion a été reportée à la semaine prochaine, selon le ministère. " * 5, "fr.txt") == ""
