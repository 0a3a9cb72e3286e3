"""The deadlines table: every time limit in the body (pipeline.find_deadlines), tied to its task and its
evidence, plus the document's own term (施行/有效期) as a row of kind validity."""

from __future__ import annotations

import dataclasses

import regex

from .. import rules
from ..evidence import sentence
from ..model import DeadlineRow, DocumentRow, NormDoc, Span, TaskRow
from ..structure import Structure
from .deadlines import find_deadlines

_BOOK_TITLE = regex.compile(r"《[^《》]{1,120}》")
_WRITTEN_YEAR = regex.compile(r"(?:19|20)\d{2}\s*年|[〇○零一二三四五六七八九]{4}\s*年")  # a year the text writes
_DATED_KINDS = ("by", "target", "date", "range")
_DUE_KINDS = ("by", "target", "date", "range", "relative")  # kinds whose end is a date a task is due by
_CALENDAR_KINDS = ("by", "target", "date")  # kinds that name a day of the calendar, when their year is told
_YEAR_CELL = regex.compile(r"\s*(?:19|20)\d{2}\s*年?(?:度)?\s*")
_MIN_YEAR_LABELS = 3


def _year_labels(row: str) -> bool:
    """A table row holding several cells that are only a year: the column labels of yearly figures."""
    return sum(1 for cell in row.split("\t") if _YEAR_CELL.fullmatch(cell)) >= _MIN_YEAR_LABELS


def extract_deadlines(doc: NormDoc, st: Structure, row: DocumentRow, validity: Span | None, tasks: list[TaskRow]) -> list[DeadlineRow]:
    """Deadline rows of the body text. Dates inside a cited title (…行动计划（2023—2025年）) and inside the
    validity clause are not limits of this document's work; relative limits take the signing date as base (the
    publication date when the text prints none)."""
    titles = [(m.start(), m.end()) for m in _BOOK_TITLE.finditer(doc.text)]
    if validity is not None:
        titles.append((validity.start, validity.end))
    base_date = row.own_date
    # a page that prints no 成文日期 still dates the notice by its publication ("发布时间：2022-11-04"): the year a
    # limit leaves out ("于11月20日前") is read from it, marked inferred; it never drops a limit as past, since a
    # page may publish an older notice again
    infer_base = row.dated_by
    dated_line = rules.element_rules()["signed_date"].pattern
    out: list[DeadlineRow] = []
    for start, end in st.body_ranges(doc):
        for dl in find_deadlines(doc.text[start:end], base_date=infer_base):
            s, e = start + dl.start_char, start + dl.end_char
            if any(a <= s < b for a, b in titles):
                continue
            para = doc.para_at(s)
            if para is not None and dated_line.match(doc.text[para.start : para.end].strip()):
                continue  # a date alone on its line signs something (a forwarded report, an enclosed plan)
            if para is not None and para.kind == "row" and dl.rule == "limit_cell" and _year_labels(doc.text[para.start : para.end]):
                continue  # "1996年	1997年	1998年": a row of year columns labels figures, it sets no limit
            if dl.kind == "validity" and validity is not None and (dl.start or dl.end) and (dl.start, dl.end) == (row.valid_from, row.valid_until):
                continue  # the document's own term said again (公布令 and last article): its one validity row follows
            if base_date and dl.kind in _DATED_KINDS and dl.end and dl.end[:4] < base_date[:4]:
                continue  # a cell too: a 完成时限 of a year before the document's is a report of work done
            task_id = next((t.task_id for t in tasks if t.start_char <= s < t.end_char), "")
            out.append(
                DeadlineRow(
                    doc.doc_id, dl.text, dl.kind, dl.start, dl.end, dl.frequency, task_id, doc.page_at(s), sentence(doc, s, e), s, e,
                    dl.duration_value, dl.duration_unit, dl.anchor, dl.inferred,
                )
            )
    if validity is not None and (row.valid_from or row.valid_until):
        # the document's own term: a deadlines row of kind validity beside documents.valid_from/until
        s, e = validity.start, validity.end
        # a clause that writes no year takes its dates from the document's ("自印发之日起施行", "于2月9日生效"): inferred
        inferred = _WRITTEN_YEAR.search(doc.text, s, e) is None
        out.append(
            DeadlineRow(
                doc.doc_id, doc.text[s:e], "validity", row.valid_from, row.valid_until, "", "", doc.page_at(s), sentence(doc, s, e), s, e,
                inferred=inferred,
            )
        )
    return out


def _task_limit(limits: list[DeadlineRow], deadline_text: str) -> DeadlineRow | None:
    """The limit that dates a task: with a 完成时限 of its own, the limit those words are (a milestone its measures
    name, "10月底前选取1家…" under a 年底前 cell, is not it); else the first dated limit, else the first undated
    one of the calendar ("5月底前", not "14个工作日内", which counts from an event)."""
    if deadline_text:
        limits = [d for d in limits if d.text in deadline_text]
    return next((d for d in limits if d.end), None) or next((d for d in limits if d.kind in _CALENDAR_KINDS), None)


def with_due_dates(tasks: list[TaskRow], deadlines: list[DeadlineRow]) -> list[TaskRow]:
    """A task whose text holds a dated limit gets that date as due_date when it has none of its own, and the
    limit's words as deadline_text when it has none ("5月底前", its year taken from the document's date). A
    task whose own limit names no date ("长期坚持") keeps it: a date told elsewhere in its text is not its limit.
    A limit whose year nothing tells ("5月底前" in a notice without a date) gives its words only: the date stays
    empty, never guessed."""
    by_task: dict[str, list[DeadlineRow]] = {}
    for d in deadlines:
        if d.task_id and d.kind in _DUE_KINDS:
            by_task.setdefault(d.task_id, []).append(d)
    out = []
    for t in tasks:
        limit = _task_limit(by_task.get(t.task_id, []), t.deadline_text)
        if t.due_date or limit is None:
            out.append(t)
        elif not limit.end:
            out.append(t if t.deadline_text else dataclasses.replace(t, deadline_text=limit.text))
        else:
            out.append(dataclasses.replace(t, due_date=limit.end, deadline_text=t.deadline_text or limit.text))
    return out
