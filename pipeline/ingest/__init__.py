"""Readers: one module per input format, each turning a file into a SourceDocument."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path
from typing import Callable

from ..model import IngestError, SourceDocument
from .jsondoc import looks_like_json

Reader = Callable[..., SourceDocument]

SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".htm": "html",
    ".html": "html",
    ".shtml": "html",  # a page saved under its server-side-include name (many government sites)
    ".shtm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".doc": "doc",  # Word 97-2003 and WPS: converted by LibreOffice (doc.py)
    ".wps": "doc",
    ".rtf": "doc",  # rich text and OpenDocument text: LibreOffice converts them the same way
    ".odt": "doc",
    ".pdf": "pdf",
    ".ofd": "ofd",  # GB/T 33190 fixed layout (ofd.py), read into the PDF reader's records
    ".png": "image",  # a scanned or photographed page, read by OCR (image.py)
    ".jpg": "image",
    ".jpeg": "image",
    ".tif": "image",
    ".tiff": "image",
    ".bmp": "image",
}
# (a .json file is not read: a folder of notices often holds JSON of other kinds beside them (gold answers,
# manifests, a crawler's records). JSON saved under a notice's name, .html or .txt, is read: jsondoc.py)


def _reader(kind: str) -> Reader:
    # imported on demand so a text-only run does not load pdfplumber, OCR models or lxml's HTML cleaner
    if kind == "text":
        from .text import read_text

        return read_text
    if kind == "html":
        from .html import read_html

        return read_html
    if kind == "docx":
        from .docx import read_docx

        return read_docx
    if kind == "doc":
        from .doc import read_doc

        return read_doc
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf
    if kind == "ofd":
        from .ofd import read_ofd

        return read_ofd
    if kind == "image":
        from .image import read_image_file

        return read_image_file
    if kind == "json":
        from .jsondoc import read_json

        return read_json
    raise IngestError(f"no reader for {kind}")


def is_image(path: Path) -> bool:
    """An image format, read by OCR as a scanned page (image.py)."""
    return SUFFIXES.get(path.suffix.lower()) == "image"


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def read_document(path: Path) -> SourceDocument:
    """Read one file into a SourceDocument, or raise IngestError with a message a person can act on."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise IngestError(
            f"{path.name}: unsupported file type {path.suffix or '(none)'}; "
            f"supported: {', '.join(sorted(SUFFIXES))}"
        )
    try:
        data = path.read_bytes()
    except OSError as e:
        raise IngestError(f"{path.name}: cannot read the file ({e.strerror})") from e
    if not data or data.isspace():
        # one check for every format (a download that left 0 bytes): PDFium would only say "Data format error"
        raise IngestError(f"{path.name}: the file is empty; nothing to extract, check the download")
    sha = hashlib.sha256(data).hexdigest()
    actual = _sniff(data, kind)
    if actual is not None and actual != kind:
        # a file saved under the wrong extension (a PDF named .txt, a .docx named .doc): read what it is, and
        # say so, rather than decode a PDF as text
        what = f"{path.name} is a {_NAMES[actual]} file named {path.suffix}"
        try:
            doc = _reader(actual)(path, doc_id=path.stem, sha256=sha, data=data)
        except IngestError as e:
            raise IngestError(f"{what}; read as such: {e}", stage=e.stage) from e
        if actual not in _EXTENSIONS:
            return doc  # a data API's JSON saved as a page is read as such and needs no other name
        note = f"{what}: read as {_NAMES[actual]}; give it the {_EXTENSIONS[actual]} extension"
        return replace(doc, warnings=(*doc.warnings, note))
    return _reader(kind)(path, doc_id=path.stem, sha256=sha, data=data)


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 and WPS documents (a compound file)
_NAMES = {"pdf": "PDF", "docx": "Word (.docx)", "doc": "Word 97-2003", "html": "web page (HTML)", "json": "JSON data", "ofd": "OFD"}
_EXTENSIONS = {"pdf": ".pdf", "docx": ".docx", "doc": ".doc", "html": ".html", "ofd": ".ofd"}
_BINARY_KINDS = ("pdf", "docx", "doc", "ofd")


def _sniff(data: bytes, kind: str) -> str | None:
    """The reader a file's first bytes call for (PDF, .docx, Word 97-2003; a web page where a binary format was
    expected: a download that saved the site's page as .pdf), or None when the extension decides."""
    head = data[:1024].lstrip().lower()
    if head[:5] == b"%pdf-":
        return "pdf"
    if kind in _BINARY_KINDS and head.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in head:
        return "html"
    if data[:4] == b"PK\x03\x04" and b"word/document.xml" in data:
        return "docx"
    if data[:4] == b"PK\x03\x04" and b"OFD.xml" in data:
        return "ofd"
    if data[:8] == _OLE:
        return "doc"
    if kind in ("html", "text") and head[:1] in (b"{", b"[") and looks_like_json(data):
        return "json"  # a data API's answer saved as a page
    return None
