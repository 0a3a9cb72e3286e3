"""A government site's data API saved instead of its page: JSON saved as .html or .txt (a .json file is left alone)
whose record holds the notice's text in a content field (HTML or plain text) and its 标题, 文号, 发文机关 and
dates in fields of their own (rules/html.yaml json_content, json_fields). The text is read as a web page or a
text file would be; the fields become the document's page metadata, as a page's metadata block would."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from .. import rules
from ..model import IngestError, SourceDocument
from .text import decode, read_text

MIN_CONTENT_CHARS = 50  # a shorter string is a summary or a label, not the notice
_MAX_DEPTH = 8  # records sit a few levels down ({"data": {"list": [{…}]}}); deeper nesting is not a notice's


def looks_like_json(data: bytes) -> bool:
    """Whether a file's bytes are a JSON object or array (a data API's answer saved under another name)."""
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith((b"{", b"[")):
        return False
    try:
        json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return False
    return True


def _records(value: Any, depth: int = 0) -> list[dict[str, Any]]:
    if depth > _MAX_DEPTH:
        return []
    if isinstance(value, dict):
        out = [value]
        for v in value.values():
            out += _records(v, depth + 1)
        return out
    if isinstance(value, list):
        return [r for v in value for r in _records(v, depth + 1)]
    return []


def _content(record: dict[str, Any], keys: tuple[str, ...]) -> str:
    for k, v in record.items():
        if rules.fold_field(k) in keys and isinstance(v, str) and len(v.strip()) >= MIN_CONTENT_CHARS:
            return v
    return ""


def _field_value(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, (int, float)) and value > 10**11:
        # a time in milliseconds since 1970, as Java back ends write dates: the day in China (UTC+8)
        day = dt.datetime.fromtimestamp(value / 1000, dt.timezone(dt.timedelta(hours=8)))
        return day.strftime("%Y-%m-%d")
    return str(value).strip() if isinstance(value, (str, int, float)) else ""


def read_json(path: Path, *, doc_id: str, sha256: str, data: bytes) -> SourceDocument:
    text = decode(data, source=path.name)
    try:
        parsed = json.loads(text)
    except (ValueError, RecursionError) as e:
        raise IngestError(f"{path.name}: not valid JSON ({e}); save the notice's page or text instead") from e
    hr = rules.html_rules()
    found = [(r, c) for r in _records(parsed) if (c := _content(r, hr.json_content))]
    if not found:
        raise IngestError(
            f"{path.name}: JSON data without a notice's text (no field such as content or 正文 of "
            f"{MIN_CONTENT_CHARS}+ characters); save the notice's page or the file it links instead"
        )
    record, content = max(found, key=lambda rc: len(rc[1]))  # a list's answer: the record with the most text
    from .html_meta import PageMetadata

    fields = dict(hr.json_fields)
    meta = PageMetadata()  # each value as a page's metadata block gives it: dates in 公文 form, no 转载 prefix
    for k, v in record.items():
        if key := fields.get(rules.fold_field(k)):
            meta.put(key, _field_value(v))
    if "<" in content and ">" in content:
        from .html import read_html

        page = f"<html><body><div>{content}</div></body></html>".encode("utf-8")
        doc = read_html(path, doc_id=doc_id, sha256=sha256, data=page)
    else:
        doc = read_text(path, doc_id=doc_id, sha256=sha256, data=content.encode("utf-8"))
    return replace(doc, format="json", metadata={**meta.values, **doc.metadata})
