"""Old Word (.doc) and WPS (.wps) files are converted by LibreOffice at ingest; LibreOffice's own .docx
(`<w:jc w:val="start"/>`) reads. The .doc is made here: a notice written with python-docx, saved as
Word 97-2003 by LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from test_ingest_docx import _build

from pipeline.ingest import read_document
from pipeline.ingest.doc import soffice
from pipeline.model import IngestError, Line
from pipeline.process import process_path

needs_soffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is absent: scripts/system-deps.sh installs it")


@pytest.fixture(scope="module")
def old_word(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is absent")
    folder = tmp_path_factory.mktemp("doc")
    docx = _build(folder / "notice.docx")
    out = folder / "out"
    subprocess.run([str(soffice()), f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--convert-to", "doc", "--outdir", str(out), str(docx)], check=True, capture_output=True, timeout=180)
    return out / "notice.doc"


@needs_soffice
@pytest.mark.slow
def test_doc_reads_as_the_notice(old_word: Path) -> None:
    assert old_word.read_bytes()[:8] == bytes.fromhex("d0cf11e0a1b11ae1"), "an OLE compound file, as Word 97-2003 writes"
    out = process_path(old_word)
    assert not out.errors, out.errors
    d = out.document
    assert (d.format, d.doc_number, d.title) == ("doc", "某府办函〔2024〕12号", "某某市人民政府办公室关于印发数据共享工作方案的通知"), d
    assert any(t.lead_unit == "市政务数据局" for t in out.tasks), out.tasks


@needs_soffice
@pytest.mark.slow
def test_wps_file_reads_like_doc(old_word: Path, tmp_path: Path) -> None:
    wps = tmp_path / "notice.wps"
    shutil.copy(old_word, wps)  # WPS 文字 writes the same compound-file format
    out = process_path(wps)
    assert not out.errors and out.document.format == "wps" and out.document.doc_number == "某府办函〔2024〕12号", out


@needs_soffice
@pytest.mark.slow
def test_broken_doc_is_an_errors_row(tmp_path: Path) -> None:
    bad = tmp_path / "broken.doc"
    bad.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 600)
    out = process_path(bad)
    assert out.errors and "broken.doc" in out.errors[0].error, out.errors


def test_libreoffice_justification_start_reads(tmp_path: Path) -> None:
    """LibreOffice writes <w:jc w:val="start"/>; python-docx's enum rejects it with ValueError."""
    src = _build(tmp_path / "notice.docx")
    patched = tmp_path / "lo.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(patched, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                assert 'w:val="center"' in text
                # every centred paragraph stays centred; the first left one becomes "start"
                text = text.replace('<w:jc w:val="left"/>', '<w:jc w:val="start"/>').replace("<w:p>", '<w:p><w:pPr><w:jc w:val="start"/></w:pPr>', 1)
                assert 'w:val="start"' in text
                data = text.encode("utf-8")
            zout.writestr(item, data)
    doc = read_document(patched)
    lines = [b for b in doc.blocks if isinstance(b, Line)]
    assert any("centered" in ln.cues for ln in lines), "centred lines keep their cue"
    assert process_path(patched).document.doc_number == "某府办函〔2024〕12号"


def test_doc_without_libreoffice_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on PATH
    f = tmp_path / "old.doc"
    f.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x01" * 100)
    with pytest.raises(IngestError, match="LibreOffice"):
        read_document(f)


def _rtf(text: str) -> str:
    """A rich-text file as Word or WPS saves one: every Chinese character a \\uN escape, lines as \\par."""
    body = "".join("\\par\n" if ch == "\n" else ch if ord(ch) < 128 else f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?" for ch in text)
    return "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 SimSun;}}\\f0\\fs24 " + body + "\\par}"


@needs_soffice
@pytest.mark.slow
def test_rtf_file_reads_through_libreoffice(tmp_path: Path) -> None:
    rtf = tmp_path / "notice.rtf"
    rtf.write_text(_rtf("某某市人民政府办公室关于做好防汛工作的通知\n某政办发〔2024〕7号\n各县区人民政府：\n请认真做好防汛工作。（市水利局负责）\n某某市人民政府办公室\n2024年5月6日"), encoding="ascii")
    out = process_path(rtf)
    assert not out.errors, out.errors
    d = out.document
    assert (d.format, d.doc_number, d.title, d.signed_date) == ("rtf", "某政办发〔2024〕7号", "某某市人民政府办公室关于做好防汛工作的通知", "2024-05-06"), d
    assert [t.units for t in out.tasks] == ["市水利局"]
