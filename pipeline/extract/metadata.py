"""The documents row: GB/T 9704-2012 elements from the layout, with their evidence."""

from __future__ import annotations

import datetime as dt
import json

import regex

from .. import rules
from ..model import DocumentRow, NormDoc, Span
from ..structure import Layout
from .dates import parse_date, to_int
from .region import infer_region
from .units import split_top

_VALIDITY = regex.compile(
    r"自(?P<from>印发|发布|公布|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)之?日?起(?:施行|实施|执行)[，,]?\s*有效期(?:(?P<years>\d+|[一二三四五六七八九十])年|至(?P<until>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日))"
)


def doc_type_of(title: str) -> str:
    t = title.rstrip("》”）")
    for dt_ in rules.doc_types():
        if t.endswith(dt_):
            return dt_
    return ""


def _issuer(lay: Layout) -> tuple[str, Span | None]:
    if len(lay.signature) >= 2:
        return "；".join(s.value for s in lay.signature), lay.signature[0]
    if lay.issuer_mark is not None:
        return lay.issuer_mark.value, lay.issuer_mark
    if lay.signature:
        return lay.signature[0].value, lay.signature[0]
    if lay.title is not None:
        m = regex.match(r"^(?P<org>[\p{Han}（）]{2,40}?)关于", lay.title.value)
        if m:
            return m.group("org"), lay.title
    return "", None


def _add_years(iso: str, years: int) -> str:
    d = dt.date.fromisoformat(iso)
    try:
        end = d.replace(year=d.year + years)
    except ValueError:  # 29 February
        end = d.replace(year=d.year + years, day=28)
    return (end - dt.timedelta(days=1)).isoformat()


def build_document_row(doc: NormDoc, lay: Layout) -> DocumentRow:
    src = doc.source
    meta = src.metadata
    row = DocumentRow(doc_id=src.doc_id, source=src.source, format=src.format, pages=src.pages, sha256=src.sha256, pages_ocr=src.pages_ocr)
    ev: dict[str, list[int | None]] = {}

    def note(field: str, span: Span | None) -> None:
        if span is not None:
            ev[field] = [span.start, span.end, span.page]

    issuer, span = _issuer(lay)
    row.issuer = issuer or meta.get("发文机关", "")
    note("issuer", span)
    if lay.doc_number is not None:
        num = lay.doc_number
        note("doc_number", lay.doc_number_span)
    else:
        from ..docnumber import parse_doc_number

        num = parse_doc_number(meta.get("发文字号", ""))
    if num is not None:
        row.doc_number, row.doc_number_agency, row.doc_number_year, row.doc_number_serial = num.normalized, num.agency, num.year, num.serial
    if lay.title is not None:
        row.title = lay.title.value
        note("title", lay.title)
    else:
        row.title = meta.get("标题", "")
    row.doc_type = doc_type_of(row.title)
    if lay.recipients is not None:
        row.recipients = "；".join(split_top(lay.recipients.value, "、，,；;"))
        note("recipients", lay.recipients)
    if lay.signed_date is not None:
        row.signed_date = parse_date(lay.signed_date.value)
        note("signed_date", lay.signed_date)
    elif meta.get("成文日期"):
        row.signed_date = parse_date(meta["成文日期"])
    if lay.issued_date is not None:
        row.issued_date = parse_date(lay.issued_date.value)
        note("issued_date", lay.issued_date)
    if lay.printer is not None:
        row.printer = lay.printer.value
        note("printer", lay.printer)
    if lay.cc is not None:
        row.cc = "；".join(split_top(lay.cc.value, "，、,；;。"))
        note("cc", lay.cc)
    if lay.publicity is not None:
        row.publicity = lay.publicity.value
        note("publicity", lay.publicity)
    row.attachments = "；".join(a.value for a in lay.attachments)
    if meta.get("发布日期"):
        row.published_date = parse_date(meta["发布日期"])
    region = infer_region(row.issuer, row.doc_number_agency)
    row.region_province, row.region_city, row.region_county, row.admin_level = region.province, region.city, region.county, region.admin_level
    m = _VALIDITY.search(doc.text)
    if m:
        row.validity_text = m.group(0)
        start = row.signed_date or row.issued_date if m.group("from") in ("印发", "发布", "公布") else parse_date(m.group("from"))
        row.valid_from = start
        if m.group("until"):
            row.valid_until = parse_date(m.group("until"))
        elif start and m.group("years"):
            row.valid_until = _add_years(start, to_int(m.group("years")))
    row.evidence = json.dumps(ev, ensure_ascii=False)
    return row
