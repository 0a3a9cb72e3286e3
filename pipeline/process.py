"""One document through every stage: read -> normalise -> structure -> extract."""

from __future__ import annotations

import dataclasses
import itertools
import logging
import re
from pathlib import Path

from . import rules
from .extract.deadline_rows import extract_deadlines, with_due_dates
from .extract.domains import extract_domains, find_mentions
from .extract.metadata import build_document_row
from .extract.references import extract_references
from .extract.tasks import extract_tasks
from .ingest import read_document
from .ingest.text import garbled_characters, lost_characters
from .layout import normalise
from .model import DocumentRow, ErrorRow, Extraction, IngestError, NormDoc, SectionRow, SourceDocument
from .paths import readable
from .structure import analyse

log = logging.getLogger(__name__)


def extract(doc: NormDoc) -> Extraction:
    """Every table's rows for one normalised document: the structure once, then each extractor, a pure
    function of the document, its structure and what earlier extractors returned."""
    st = analyse(doc)
    row, validity = build_document_row(doc, st)
    sections = [
        SectionRow(doc.doc_id, s.section_id, s.parent_id, s.level, s.label, s.heading, s.page, s.start_char, s.end_char)
        for s in st.sections
    ]
    references = extract_references(doc, st, own_title=row.title, province=row.region_province, city=row.region_city)
    mentions = list(find_mentions(doc.text))  # once per document: domains and domain-only task items share them
    domains = extract_domains(doc, st, mentions)
    tasks, assignments = extract_tasks(doc, st, mentions, row.dated_by)
    deadlines = extract_deadlines(doc, st, row, validity, tasks)
    tasks = with_due_dates(tasks, deadlines)
    return Extraction(
        document=row, text=doc.text, sections=sections, references=references, domains=domains,
        tasks=tasks, assignments=assignments, deadlines=deadlines,
    )


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
    elif elsewhere := _text_elsewhere(out):
        out.errors.append(ErrorRow(src.doc_id, src.source, "extract", elsewhere))  # the row's metadata stands
    return out


_HAN = re.compile("[\u4e00-\u9fff]")
_MIN_NOTICE_HAN = 80  # fewer Han characters than a one-sentence notice


def _no_notice(out: Extraction) -> str:
    """Why a readable file holds no notice (a map or figure attachment, a cover page), or ''."""
    d = out.document
    if d.doc_number or d.title or out.sections:
        return ""
    han = len(_HAN.findall(out.text))
    if han >= _MIN_NOTICE_HAN:
        return ""
    first = out.text.strip().splitlines()[0][:60] if out.text.strip() else ""
    lost = lost_characters(out.text, Path(d.source).name) or garbled_characters(out.text, Path(d.source).name)
    if lost:
        return lost
    if (error := rules.words("error_page").search(out.text)) is not None:
        return (
            f"{Path(d.source).name}: the site's error page ({error.group(0)!r}: {first!r}) was saved, not the notice; "
            "fetch the page again (in a browser, or later) and save the notice itself"
        )
    return (
        f"{Path(d.source).name}: holds no notice, only {han} Chinese characters ({first!r}); it may be an "
        "attachment such as a map or figure: process it together with the notice it belongs to"
    )


def _text_elsewhere(out: Extraction) -> str:
    """Why a page that names a notice holds none of its text, or '': besides its title it has less than a
    sentence and a link to a file (附件：….pdf), so the notice is in that file."""
    title = out.document.title
    rest = out.text.replace(title, "", 1) if title else out.text
    # stop counting at the threshold: a notice passes it in its first lines, so its whole text is not counted
    if not title or sum(1 for _ in itertools.islice(_HAN.finditer(rest), _MIN_NOTICE_HAN)) >= _MIN_NOTICE_HAN:
        return ""
    linked = rules.words("attached_file").search(rest)
    if linked is None:
        return ""
    return (
        f"{Path(out.document.source).name}: the page names the notice ({title}) but holds its text only as the "
        f"linked file {linked.group(0)!r}; download that file and process it with the page"
    )


def named(ex: Extraction, doc_id: str) -> Extraction:
    """The extraction under the doc_id the batch gave its file (a clash of file names adds the folder's name)
    and with a printable source; unchanged when both are so already."""
    if ex.document.doc_id == doc_id and readable(ex.document.source) == ex.document.source:
        return ex
    ex.document.doc_id = doc_id
    ex.document.source = readable(ex.document.source)
    for name in ("references", "sections", "domains", "assignments", "tasks", "deadlines", "errors"):
        setattr(ex, name, [dataclasses.replace(r, doc_id=doc_id) for r in getattr(ex, name)])
    ex.errors = [dataclasses.replace(e, source=readable(e.source), error=readable(e.error)) for e in ex.errors]
    return ex


def failed(path: Path, stage: str, message: str) -> Extraction:
    """The extraction of a file that could not be processed: an empty document row and one errors row."""
    row = DocumentRow(doc_id=path.stem, source=readable(path), format=path.suffix.lower().lstrip("."), pages=None, sha256="", error=message)
    return Extraction(document=row, errors=[ErrorRow(path.stem, readable(path), stage, message)])