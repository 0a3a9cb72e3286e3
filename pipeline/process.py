"""One document through every stage: read -> normalise -> structure -> extract."""

from __future__ import annotations

import dataclasses
import json
import logging
from pathlib import Path

from .extract.deadlines import find_deadlines
from .extract.domains import extract_domains, find_mentions
from .extract.metadata import build_document_row
from .extract.references import extract_references
from .extract.tasks import TaskBuilder
from .ingest import read_document
from .layout import normalise
from .model import DeadlineRow, DocumentRow, ErrorRow, Extraction, IngestError, NormDoc, SectionRow, SourceDocument
from .evidence import sentence
from .paths import readable
from .structure import Layout, analyse

log = logging.getLogger(__name__)


def _body_ranges(doc: NormDoc, lay: Layout) -> list[tuple[int, int]]:
    """Offsets of the body paragraphs (not the 版头, 署名, 成文日期 or 版记)."""
    ranges: list[tuple[int, int]] = []
    for k, p in enumerate(doc.paras):
        if k < lay.body_start or k in lay.skip:
            continue
        if ranges and ranges[-1][1] + 1 == p.start:
            ranges[-1] = (ranges[-1][0], p.end)
        else:
            ranges.append((p.start, p.end))
    return ranges


def _book_titles(text: str) -> list[tuple[int, int]]:
    import regex

    return [(m.start(), m.end()) for m in regex.finditer(r"《[^《》]{1,120}》", text)]


def extract(doc: NormDoc) -> Extraction:
    lay = analyse(doc)
    row = build_document_row(doc, lay)
    out = Extraction(document=row, text=doc.text)
    out.sections = [
        SectionRow(doc.doc_id, s.section_id, s.parent_id, s.level, s.label, s.heading, s.page, s.start_char, s.end_char)
        for s in lay.sections
    ]
    body = _body_ranges(doc, lay)
    body_start_char = body[0][0] if body else 0
    out.references = extract_references(doc, lay, own_title=row.title, body_start_char=body_start_char, province=row.region_province, city=row.region_city)
    header_spans = [(doc.paras[k].start, doc.paras[k].end) for k in lay.skip]
    mentions = list(find_mentions(doc.text))  # once per document: domains and domain-only task items share them
    out.domains = extract_domains(doc, lay.sections, mentions, skip_spans=header_spans)
    tb = TaskBuilder(doc, mentions)
    tb.body(lay.sections, body)
    for t in doc.tables:
        tb.table(t)
    out.tasks, out.assignments = tb.tasks, tb.assignments
    titles = _book_titles(doc.text)
    # the 有效期 clause is the document's validity (documents.valid_from/valid_until), not a work deadline
    validity = json.loads(row.evidence or "{}").get("validity")
    if validity:
        titles.append((validity[0], validity[1]))
    base_date = row.signed_date or row.issued_date or None
    for start, end in body:
        for dl in find_deadlines(doc.text[start:end], base_date=base_date):
            s, e = start + dl.start_char, start + dl.end_char
            if any(a <= s < b for a, b in titles):
                continue  # a period in a cited title (…行动计划（2023—2025年）) is not a limit of this document
            task_id = next((t.task_id for t in out.tasks if t.start_char <= s < t.end_char), "")
            out.deadlines.append(
                DeadlineRow(
                    doc.doc_id, dl.text, dl.kind, dl.start, dl.end, dl.frequency, task_id, doc.page_at(s), sentence(doc, s, e), s, e,
                    dl.duration_value, dl.duration_unit, dl.anchor, dl.inferred,
                )
            )
    if validity and (row.valid_from or row.valid_until):
        # the document's own term (施行/有效期): a deadlines row of kind validity beside documents.valid_from/until
        s, e = validity[0], validity[1]
        out.deadlines.append(DeadlineRow(doc.doc_id, doc.text[s:e], "validity", row.valid_from, row.valid_until, "", "", doc.page_at(s), sentence(doc, s, e), s, e))
    _link_task_due_dates(out)
    return out


def _link_task_due_dates(out: Extraction) -> None:
    """A task whose text holds a dated limit gets that date as due_date when it has none of its own."""
    by_task: dict[str, str] = {}
    for d in out.deadlines:
        if d.task_id and d.end and d.kind in ("by", "target", "date", "range", "relative") and d.task_id not in by_task:
            by_task[d.task_id] = d.end
    if by_task:
        out.tasks = [t if t.due_date or t.task_id not in by_task else dataclasses.replace(t, due_date=by_task[t.task_id]) for t in out.tasks]


def process_path(path: Path) -> Extraction:
    """Read and extract one file. Never raises for a bad input: the failure becomes an errors row."""
    try:
        src = read_document(path)
    except IngestError as e:
        message = str(e)
        return failed(path, e.stage, message if message.startswith(path.name) else f"{path.name}: {message}")
    except Exception as e:  # a reader bug must not stop the batch; the message names the file and the cause
        # one line; the trace only with -v (a reader bug is reported, the batch goes on)
        log.error("reading %s failed: %s: %s", path, type(e).__name__, e, exc_info=log.isEnabledFor(logging.INFO))
        return failed(path, "ingest", f"{path.name}: could not be read ({type(e).__name__}: {e})")
    return process_source(src)


MAX_TEXT_CHARS = 1_000_000  # spaCy's max_length (E088); a notice with its attachments is far shorter


def _text_chars(src: SourceDocument) -> int:
    from .model import Line

    return sum(len(b.text) if isinstance(b, Line) else sum(len(c) for r in b.rows for c in r) for b in src.blocks)


def process_source(src: SourceDocument) -> Extraction:
    chars = _text_chars(src)
    if chars > MAX_TEXT_CHARS:
        out = failed(Path(src.source), "ingest", f"{Path(src.source).name}: {chars:,} characters of text exceeds the limit of {MAX_TEXT_CHARS:,}; split the file")
        out.document.format, out.document.sha256, out.document.pages = src.format, src.sha256, src.pages
        return out
    try:
        doc = normalise(src)
        out = extract(doc)
    except Exception as e:
        log.error("extracting %s failed: %s: %s", src.source, type(e).__name__, e, exc_info=log.isEnabledFor(logging.INFO))
        out = failed(Path(src.source), "extract", f"{Path(src.source).name}: extraction failed ({type(e).__name__}: {e})")
        out.document.format, out.document.sha256, out.document.pages = src.format, src.sha256, src.pages
        return out
    for w in src.warnings:
        out.errors.append(ErrorRow(src.doc_id, src.source, "ingest", w))
    reason = _no_notice(out)
    if reason:
        out.document.error = reason
        out.errors.append(ErrorRow(src.doc_id, src.source, "extract", reason))
    return out


_MIN_NOTICE_HAN = 80  # fewer Han characters than a one-sentence notice


def _no_notice(out: Extraction) -> str:
    """Why a readable file holds no notice (a map or figure attachment, a cover page), or ''."""
    d = out.document
    han = sum(1 for ch in out.text if "\u4e00" <= ch <= "\u9fff")
    if d.doc_number or d.title or out.sections or han >= _MIN_NOTICE_HAN:
        return ""
    first = out.text.strip().splitlines()[0][:60] if out.text.strip() else ""
    return (
        f"{Path(d.source).name}: holds no notice, only {han} Chinese characters ({first!r}); it may be an "
        "attachment such as a map or figure: process it together with the notice it belongs to"
    )


def failed(path: Path, stage: str, message: str) -> Extraction:
    """The extraction of a file that could not be processed: an empty document row and one errors row."""
    row = DocumentRow(doc_id=path.stem, source=readable(path), format=path.suffix.lower().lstrip("."), pages=None, sha256="", error=message)
    return Extraction(document=row, errors=[ErrorRow(path.stem, readable(path), stage, message)])