"""Old Word (.doc, Word 97-2003), WPS (.wps), rich text (.rtf) and OpenDocument (.odt) files: converted to
.docx by LibreOffice at ingest, then read as .docx. The conversion runs in a temporary folder with its own
LibreOffice profile (two runs at once do not share a lock) and a time limit; nothing is left behind."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..model import IngestError, SourceDocument
from .docx import read_docx
from .flatopc import flat_opc_to_docx, is_flat_opc

CONVERT_SECONDS = 120  # a long notice converts in a few seconds; a hung conversion must not stop the batch
_SOFFICE = ("soffice", "libreoffice")


def soffice() -> str | None:
    """The LibreOffice executable on PATH, or None."""
    return next((p for p in (shutil.which(n) for n in _SOFFICE) if p), None)


def convert_to_docx(data: bytes, name: str, *, timeout: float = CONVERT_SECONDS) -> bytes:
    """The .docx LibreOffice writes for an old Word/WPS file's bytes."""
    exe = soffice()
    if exe is None:
        raise IngestError(f"{name}: reading .doc/.wps/.rtf/.odt needs LibreOffice (apt-get install libreoffice-writer-nogui), or save the file as .docx")
    with tempfile.TemporaryDirectory(prefix="gongwen-doc-") as tmp:
        folder = Path(tmp)
        src = folder / ("input" + (Path(name).suffix.lower() or ".doc"))
        src.write_bytes(data)
        profile = (folder / "profile").as_uri()
        cmd = [exe, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder / "out"), str(src)]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as e:
            raise IngestError(f"{name}: LibreOffice did not convert the file within {timeout:.0f} s; save it as .docx and run again") from e
        out = folder / "out" / "input.docx"
        if proc.returncode != 0 or not out.exists():
            detail = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
            raise IngestError(f"{name}: LibreOffice could not convert the file ({detail[0]}); it may be damaged or password-protected")
        return out.read_bytes()


def read_doc(path: Path, *, doc_id: str, sha256: str, data: bytes) -> SourceDocument:
    if not data.strip(b"\x00 \r\n\t"):
        raise IngestError(f"{path.name}: the file is empty; nothing to extract")
    # Word's single-file XML saved as .doc: its parts are a .docx package already (LibreOffice would import the
    # XML as text)
    converted = flat_opc_to_docx(data, path.name) if is_flat_opc(data) else convert_to_docx(data, path.name)
    doc = read_docx(path, doc_id=doc_id, sha256=sha256, data=converted)
    return dataclasses.replace(doc, format=path.suffix.lower().lstrip("."))
