"""Typed records that flow between the pipeline's stages.

ingest/*  -> SourceDocument (raw lines and tables, each with its page)
layout    -> NormDoc         (the normalised text, paragraphs and tables with offsets)
structure -> Structure       (GB/T 9704 role of every paragraph, the elements, the heading tree)
extract/* -> the row records below, one type per output table (SCHEMA.md)
"""

from __future__ import annotations

import dataclasses
import operator
from dataclasses import dataclass, field
from typing import Any, Mapping, NamedTuple, TypeVar, Union

T = TypeVar("T")

# --------------------------------------------------------------------------- ingestion


@dataclass(frozen=True, slots=True)
class Line:
    """One line of source text as the reader saw it.

    `full` says the line reaches the right margin (so the paragraph goes on); PDF readers know it from
    geometry, text readers leave it None and layout estimates it. `cues` carries layout hints a reader
    can see (GB/T 9704-2012 §7.2: "red" 发文机关标志, "rule_below" the red separator line, "centered").
    """

    text: str
    page: int | None = None
    full: bool | None = None
    cues: frozenset[str] = frozenset()
    gap: int = 0  # blank lines just above it in a plain-text source (0 where the reader cannot tell)


@dataclass(frozen=True, slots=True)
class Table:
    """A table as rows of cell strings. Merged cells are already filled by the reader when it knows
    the merge (PDF/DOCX/HTML); `filled` marks cells that were copied from the cell spanning them."""

    rows: tuple[tuple[str, ...], ...]
    row_pages: tuple[int | None, ...]
    filled: frozenset[tuple[int, int]] = frozenset()
    spans_known: bool = False

    @property
    def page(self) -> int | None:
        return self.row_pages[0] if self.row_pages else None


Block = Union[Line, Table]


@dataclass(frozen=True, slots=True)
class SourceDocument:
    doc_id: str
    source: str
    format: str  # pdf/txt/md/html/docx
    sha256: str
    blocks: tuple[Block, ...]
    pages: int | None = None
    pages_ocr: int = 0
    metadata: Mapping[str, str] = field(default_factory=dict)  # a web page's own 发文字号/成文日期… block
    furniture: tuple[Line, ...] = ()  # page numbers, running headers removed by the reader
    warnings: tuple[str, ...] = ()
    ocr_confidence: float | None = None  # mean recognition score over OCR'd characters
    ocr_low: tuple[str, ...] = ()  # OCR'd lines read with a low score: "p8 2025年1月23日 (0.71)"


class IngestError(Exception):
    """A file that cannot be read; the message says what a person can do about it."""

    def __init__(self, message: str, *, stage: str = "ingest") -> None:
        super().__init__(message)
        self.stage = stage


# --------------------------------------------------------------------------- normalised text


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph (or header element, or table row) of the normalised text: text[start:end]."""

    start: int
    end: int
    page: int | None  # the page the paragraph starts on
    kind: str = "para"  # para | row
    page_breaks: tuple[tuple[int, int], ...] = ()  # (offset, page) where a paragraph runs onto the next page
    gap: int = 0  # blank lines above it in a plain-text source (the 署名 block is set apart by them)


@dataclass(frozen=True, slots=True)
class CellSpan:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TableView:
    """A table placed in the normalised text: each row is one line, cells joined by a tab."""

    header: tuple[str, ...]
    rows: tuple[tuple[CellSpan, ...], ...]  # body rows (header excluded)
    row_spans: tuple[tuple[int, int], ...]
    row_pages: tuple[int | None, ...]
    caption: str = ""
    caption_span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class NormDoc:
    source: SourceDocument
    text: str
    paras: tuple[Para, ...]
    tables: tuple[TableView, ...]

    @property
    def doc_id(self) -> str:
        return self.source.doc_id

    def para_at(self, offset: int) -> Para | None:
        lo, hi = 0, len(self.paras) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            p = self.paras[mid]
            if offset < p.start:
                hi = mid - 1
            elif offset > p.end:
                lo = mid + 1
            else:
                return p
        return None

    def page_at(self, offset: int) -> int | None:
        """The page of a character: a paragraph over a page break is on two pages."""
        p = self.para_at(offset)
        if p is None:
            return None
        page = p.page
        for at, pg in p.page_breaks:
            if offset >= at:
                page = pg
        return page


class Mention(NamedTuple):
    """A policy-domain phrase found in the text (rules/domains.yaml), shared by the domain and task extractors."""

    taxonomy: str
    canonical: str
    text: str
    start: int
    end: int


# --------------------------------------------------------------------------- structure


@dataclass(frozen=True, slots=True)
class Span:
    """A value found in the normalised text, with the sentence it came from."""

    value: str
    start: int
    end: int
    page: int | None
    evidence: str


@dataclass(frozen=True, slots=True)
class Section:
    section_id: str
    parent_id: str
    level: int
    label: str
    heading: str
    page: int | None
    start_char: int
    end_char: int  # end of the section's own text (before the next heading of any level)
    para_index: int


# --------------------------------------------------------------------------- output rows (SCHEMA.md)


def _pickled_as_values(cls: type[T]) -> type[T]:
    """A row travels from a worker process as its class and field values, rebuilt by calling the class:
    several times cheaper to unpickle than the generic path for slotted dataclasses (issue 14: the parent
    receives every row of every document)."""
    values = operator.attrgetter(*(f.name for f in dataclasses.fields(cls)))  # type: ignore[arg-type]

    def __reduce__(self: T) -> tuple[type[T], tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls


@_pickled_as_values
@dataclass(slots=True)
class DocumentRow:
    doc_id: str
    source: str
    format: str
    pages: int | None
    sha256: str
    issuer: str = ""
    doc_number: str = ""
    doc_number_agency: str = ""
    doc_number_year: int | None = None
    doc_number_serial: int | None = None
    doc_type: str = ""
    title: str = ""
    recipients: str = ""
    signed_date: str = ""
    issued_date: str = ""
    printer: str = ""
    cc: str = ""
    publicity: str = ""
    attachments: str = ""
    region_province: str = ""
    region_city: str = ""
    region_county: str = ""
    admin_level: str = ""
    error: str = ""
    # additions to the contract
    pages_ocr: int = 0
    topic: str = ""
    topic_evidence: str = ""
    valid_from: str = ""
    valid_until: str = ""
    validity_text: str = ""
    published_date: str = ""
    evidence: str = ""  # JSON: field -> [start, end, page]
    ocr_confidence: str = ""  # mean OCR recognition score (0-1) when pages were OCR'd
    ocr_low_confidence: str = ""  # OCR'd lines read with a low score, to check by eye: "p8 …(0.71)；…"
    status: str = ""  # validity mark the source put on the title: 已废止, 失效, 现行有效 (else empty)
    duplicate_of: str = ""  # the doc_id of the same document from another source (same 文号 or content), else empty
    corrected: str = ""  # fields an analyst corrected (corrections.csv): "signed_date:edit；issuer:reject"
    copy_number: str = ""  # 份号 (GB/T 9704 §7.2.1), six figures as printed: 000123
    secrecy: str = ""  # 密级和保密期限 (§7.2.2) as printed: 机密★5年
    urgency: str = ""  # 紧急程度 (§7.2.3): 特急, 加急 (a telegram's 特提, 平急)
    signer: str = ""  # 签发人 of an upward document (§7.2.4), names joined with ；
    subject_terms: str = ""  # 主题词 of an older 版记 (GB/T 9704-1999), as printed

    @property
    def own_date(self) -> str | None:
        """The date the document gives itself: its 成文日期 (GB/T 9704 §7.3.5.2), else the day it was 印发."""
        return self.signed_date or self.issued_date or None

    @property
    def dated_by(self) -> str | None:
        """The date a limit without a year is read against: the document's own, else (a page that prints no
        成文日期) the day the page published it."""
        return self.own_date or self.published_date or None


@_pickled_as_values
@dataclass(frozen=True, slots=True)
class ReferenceRow:
    doc_id: str
    cited_title: str
    cited_doc_number: str
    alias: str
    page: int | None
    evidence: str
    start_char: int
    end_char: int
    corrected: str = ""  # an analyst's correction applied from corrections.csv: accepted, edited, added, or the edited fields


@_pickled_as_values
@dataclass(frozen=True, slots=True)
class SectionRow:
    doc_id: str
    section_id: str
    parent_id: str
    level: int
    label: str
    heading: str
    page: int | None
    start_char: int
    end_char: int


@_pickled_as_values
@dataclass(frozen=True, slots=True)
class DomainRow:
    doc_id: str
    taxonomy: str
    domain: str
    mention: str
    section_id: str
    page: int | None
    evidence: str
    start_char: int
    end_char: int
    corrected: str = ""  # an analyst's correction applied from corrections.csv: accepted, edited, added, or the edited fields


@_pickled_as_values
@dataclass(frozen=True, slots=True)
class AssignmentRow:
    doc_id: str
    domain: str
    unit: str
    unit_type: str
    role: str
    source: str
    page: int | None
    evidence: str
    start_char: int
    end_char: int
    corrected: str = ""  # an analyst's correction applied from corrections.csv: accepted, edited, added, or the edited fields


@_pickled_as_values
@dataclass(frozen=True, slots=True)
class TaskRow:
    doc_id: str
    task_id: str
    section_id: str
    title: str
    detail: str
    units: str
    lead_unit: str
    # the units the notice itself marks as leading (牵头, 牵头单位：, a 牵头单位 column, "列第一位者为牵头单位") and
    # as assisting (配合, 协助, a 配合单位 column); both empty when it marks no role (a plain list of units)
    lead_units: str
    co_units: str
    deadline_text: str
    due_date: str
    source: str
    page: int | None
    evidence: str
    start_char: int
    end_char: int
    corrected: str = ""  # an analyst's correction applied from corrections.csv: accepted, edited, added, or the edited fields


@_pickled_as_values
@dataclass(frozen=True, slots=True)
class DeadlineRow:
    doc_id: str
    text: str
    kind: str
    start: str
    end: str
    frequency: str
    task_id: str
    page: int | None
    evidence: str
    start_char: int
    end_char: int
    duration_value: str = ""  # 30 of "30日内"
    duration_unit: str = ""  # day, working_day, week, month, year, hour
    anchor: str = ""  # the event a duration counts from: 印发之日, 收到申请之日
    inferred: bool = False  # start/end computed from the document's date, not written in the text
    corrected: str = ""  # an analyst's correction applied from corrections.csv: accepted, edited, added, or the edited fields


@_pickled_as_values
@dataclass(frozen=True, slots=True)
class ErrorRow:
    doc_id: str
    source: str
    stage: str
    error: str


@dataclass(frozen=True, slots=True)
class PackedRows:
    """One document's rows of the row tables (references ... deadlines) as Arrow IPC record batches, one per
    table that has rows (tables.pack_rows). A worker process builds them, so the parent of a pool only stacks
    bytes instead of unpickling and converting thousands of records (issue 14: 2 workers ~2x one)."""

    batches: dict[str, bytes]


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one document. Packed (`packed` set), the row lists are empty and the rows
    are in `packed`; the document row, errors and text are kept as they are."""

    document: DocumentRow
    references: list[ReferenceRow] = field(default_factory=list)
    sections: list[SectionRow] = field(default_factory=list)
    domains: list[DomainRow] = field(default_factory=list)
    assignments: list[AssignmentRow] = field(default_factory=list)
    tasks: list[TaskRow] = field(default_factory=list)
    deadlines: list[DeadlineRow] = field(default_factory=list)
    errors: list[ErrorRow] = field(default_factory=list)
    text: str = ""
    packed: PackedRows | None = None
