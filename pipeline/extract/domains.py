"""Policy domains named in a document (taxonomies in rules/domains.yaml), found by the spaCy entity ruler."""

from __future__ import annotations

from typing import Iterator

import regex

from .. import nlp, rules
from ..evidence import sentence
from ..model import DomainRow, Mention, NormDoc
from ..structure import Structure, section_at

_FIELD_WORD = regex.compile(r"(?:领域|方面)$")  # 征地补偿领域 names the domain 征地补偿

def _inside_book_title(text: str, start: int) -> bool:
    opened = text.rfind("《", 0, start)
    return opened != -1 and text.rfind("》", opened, start) == -1 and text.find("》", start) != -1 and text.find("》", start) - opened < 120


def find_mentions(text: str) -> Iterator[Mention]:
    """Every domain mention in the text; one directly followed by an office word (rules/words.yaml org_tail)
    is part of a unit's name (省生态环境厅, 市扶贫办) and no mention.

    The spaCy entity ruler (over jieba tokens) runs only on the blocks that hold a variant's characters at
    all: jieba segments each run of Han characters and letters on its own, so a block read alone is
    tokenised, and matched, exactly as in the whole text, and most of a notice is never segmented
    (issue 14: jieba and spaCy over every text were half of the time per document). The blocks go to the
    ruler together, as one Doc."""
    for start, end, label, ent_id in nlp.ruler_entities(text, nlp.blocks_with(text, _variants())):
        if label != "DOMAIN":
            continue
        tax, _, canonical = ent_id.partition(":")
        if rules.words("org_tail").match(text[end : end + 4]) or _inside_book_title(text, start):
            continue
        yield Mention(tax, canonical, text[start:end], start, end)


@rules.cached
def _variants() -> tuple[str, ...]:
    return tuple(sorted({m for tax in rules.taxonomies() for m, _ in tax.variants}))


def applies(tax: rules.Taxonomy, text: str, distinct: int) -> bool:
    return any(c in text for c in tax.context) or distinct >= tax.min_distinct


def extract_domains(doc: NormDoc, st: Structure, mentions: list[Mention]) -> list[DomainRow]:
    """Domain rows from the document's mentions (find_mentions over doc.text), outside the document's
    elements (a title or 主送机关 names no domain of the notice's work)."""
    outside = st.element_spans(doc)
    mentions = [m for m in mentions if not any(s <= m.start < e for s, e in outside)]
    rows: list[DomainRow] = []
    for tax in rules.taxonomies():
        mine = [m for m in mentions if m.taxonomy == tax.id]
        if not applies(tax, doc.text, len({m.canonical for m in mine})):
            continue
        for _, canonical, mention, s, e in mine:
            sec = section_at(st.sections, s)
            rows.append(DomainRow(doc.doc_id, tax.id, canonical, mention, sec.section_id if sec else "", doc.page_at(s), sentence(doc, s, e), s, e))
    return rows


def canonical_domain(text: str) -> tuple[str, str] | None:
    """The (taxonomy, canonical) of a table cell naming a domain. '农村集体土地征收' -> ('gov-open-26', '征地补偿')"""
    cell = _FIELD_WORD.sub("", text.strip())
    for tax in rules.taxonomies():
        for mention, canonical in tax.variants:
            if cell == mention:
                return tax.id, canonical
        for mention, canonical in tax.variants:
            if mention in cell:
                return tax.id, canonical
    return None
