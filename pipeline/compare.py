"""Cross-document tables over the corpus: how provinces and cities carry out the same national policy.

`build_comparisons(tables)` turns the corpus tables (as `store.load_tables` returns them) into:

- coverage:       one row per document, one 1/0 column per gov-open-26 pilot domain (rules/domains.yaml order)
- responsibility: one row per domain, one column per document naming lead units: the lead unit_type(s)
- milestones:     every deadline with its `family` and the earliest / latest date of that family
- citations:      who cites whom, resolved to corpus documents by 文号 (or exact title)
- reuse / reuse_pairs: near-verbatim sentences a document takes from a cited document in the corpus

Milestone families. A deadline belongs to the task it sits in (its title), else to the nearest 一、/（一）
heading before it (GB/T 9704 §7.3.3 heading levels 1-2), else to its year ("2021年"), else to its own text
(每季度). Labels are normalised (label numbers and end punctuation dropped) and grouped across documents
when they are near-identical (rapidfuzz ratio >= FAMILY_MIN_SCORE): 全面落实试点领域标准指引 and
全面落实国家试点领域标准指引 are one family. The family is named by its first label in document order.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import logging
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

import pandas as pd
import regex
from rapidfuzz import fuzz, process

from . import rules
from .docnumber import parse_doc_number
from .extract.region import infer_region
from .families import Link, build_families, user_links
from .reuse import best_matches, reuse_sentences
from .export import Chunks
from .store import StoreTexts, TextsById, arrow_frame, coerce, load_tables, query_store, reading_store, store_file, table_names

log = logging.getLogger(__name__)

TAXONOMY = "gov-open-26"
FAMILY_MIN_SCORE = 80.0  # rapidfuzz ratio for two task / heading labels to be one milestone family
REUSE_MIN_SCORE = 85.0  # rapidfuzz ratio for a sentence to count as reusing a parent sentence near-verbatim
REUSE_MIN_CHARS = 10  # shorter sentences (headings, 一、总体要求) are not evidence of reuse
_LABEL = regex.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、]|（\d+）)\s*")
_SPACES = regex.compile(r"\s+")
_SPACES_AND_BOOK_MARKS = regex.compile(r"[\s《》]")
_TRAIL = "。；;：:，, \t"

COVERAGE_HEAD = ["doc_id", "doc_number", "title", "region_province", "region_city", "admin_level"]
MILESTONE_COLUMNS = ["doc_id", "doc_number", "family", "text", "kind", "start", "end", "frequency", "task_title", "earliest", "latest", "policy_family"]
CITATION_COLUMNS = ["citing_doc_id", "citing_doc_number", "citing_admin_level", "cited_doc_number", "cited_title", "cited_doc_id", "cited_admin_level"]
REUSE_COLUMNS = ["doc_id", "parent_doc_id", "sentences", "reused", "share"]
PAIR_COLUMNS = ["doc_id", "parent_doc_id", "sentence", "parent_sentence", "score"]


# --------------------------------------------------------------------------- loading

# What the comparisons read of each table (issue 14): the evidence cells are half of a store (assignments,
# tasks, deadlines), only lead units make the responsibility tables, only headings of levels 1-2 and articles
# name a milestone's family or a family's units, and the mention rows come from the store already grouped as
# the codebook by DuckDB (_CODEBOOK_SQL). Errors and files are not read at all.
COMPARE_TABLES = ("documents", "references", "sections", "assignments", "tasks", "deadlines", "texts")
COMPARE_SELECT = {
    "sections": "doc_id, section_id, level, label, heading, start_char, end_char",
    "assignments": "doc_id, domain, unit, unit_type, role",
    "tasks": "doc_id, task_id, title, lead_unit, start_char",
    "deadlines": "doc_id, text, kind, start, \"end\", frequency, task_id, start_char, duration_value, duration_unit",
}
COMPARE_WHERE = {
    "sections": "level <= 3 OR regexp_full_match(label, '第[一二三四五六七八九十百零〇0-9]+条')",  # families.units
    "assignments": "role = 'lead'",
}


class CompareTables(dict[str, pd.DataFrame]):
    """The tables the comparisons read, and the store whose texts they read one document at a time when the
    texts are not among the tables (store.StoreTexts, issue 14)."""

    def __init__(self, tables: Mapping[str, pd.DataFrame], store: Path | None = None) -> None:
        super().__init__(tables)
        self.store = store


def load_corpus(source: Path | str) -> dict[str, pd.DataFrame]:
    """The corpus tables as build_comparisons reads them. From a store: only the rows and columns it uses, the
    codebook grouped by DuckDB, and no texts (read from the store as the comparisons need them): the same
    comparisons as from the whole tables, in a fraction of the memory; a folder of CSV files is read whole."""
    db = store_file(source)
    if db is None:
        return load_tables(source)
    tables = load_tables(db, names=[n for n in COMPARE_TABLES if n != "texts"], select=COMPARE_SELECT, where=COMPARE_WHERE)
    tables[COVERAGE_ROWS] = arrow_frame(query_store(db, f"SELECT DISTINCT doc_id, taxonomy, domain FROM \"domains\" WHERE taxonomy = '{TAXONOMY}'"))
    return CompareTables(tables, store=db)


# --------------------------------------------------------------------------- the comparison tables


def build_comparisons(tables: Mapping[str, pd.DataFrame], *, family_file: Path | None = None) -> dict[str, pd.DataFrame]:
    """All comparison tables, each whole; `family_file` names families by hand (families.user_links)."""
    return {name: table.frame() if isinstance(table, Chunks) else table for name, table in iter_comparisons(tables, family_file=family_file)}


def iter_comparisons(tables: Mapping[str, pd.DataFrame], *, family_file: Path | None = None) -> Iterator[tuple[str, pd.DataFrame | Chunks]]:
    """The comparison tables one at a time, each built when asked for, so a writer can let each go before the
    next is built (issue 14); from a store (load_corpus), the codebook comes as Chunks read as they are
    written. A --family file naming unknown documents is a ValueError here, before any."""
    t = {name: coerce(name, tables.get(name)) for name in table_names()}
    # a copy of a document from another source (documents.duplicate_of) is compared once, as its original
    docs = t["documents"][(t["documents"]["error"] == "") & (t["documents"]["duplicate_of"] == "")].reset_index(drop=True)
    user = user_links(family_file, docs) if family_file is not None else []
    store = getattr(tables, "store", None)
    if store is not None:  # from load_corpus: the codebook is grouped and written from the store as it is read
        return _tables(t, docs, user, tables[COVERAGE_ROWS], store_codebook(store), lambda: StoreTexts(store))
    grouped = grouped_codebook(t["domains"])
    texts = TextsById(t["texts"])
    return _tables(t, docs, user, grouped, codebook_table(docs, grouped), lambda: contextlib.nullcontext(texts))


def _tables(
    t: Mapping[str, pd.DataFrame], docs: pd.DataFrame, user: list[Link], coded: pd.DataFrame, codebooks: pd.DataFrame | Chunks,
    texts: Callable[[], contextlib.AbstractContextManager[Mapping[str, str]]],
) -> Iterator[tuple[str, pd.DataFrame | Chunks]]:
    """`coded`: the codebook's keys (doc_id, taxonomy, domain) of at least the pilot domains, for coverage;
    `texts`: doc_id -> text, opened for the step that reads them and closed after it (store.StoreTexts)."""
    # only what a later table needs (the citations, the families table) is kept between them
    with texts() as text_of:
        fam = build_families(docs, t["references"], t["sections"], text_of, t["deadlines"], t["tasks"], user=user)
    families = fam["families"]
    yield "families", families
    yield "alignment", fam.pop("alignment")
    yield "coverage", coverage_table(docs, coded)
    long = responsibility_long(docs, t["assignments"])
    yield "responsibility", responsibility_table(docs, t["assignments"], long)
    yield "responsibility_long", long
    del long
    yield "codebooks", codebooks
    yield "milestones", milestone_table(docs, t["deadlines"], t["tasks"], t["sections"], families)
    citations = citation_table(docs, t["references"])
    yield "citations", citations
    with texts() as text_of:
        reuse, pairs = reuse_tables(citations, text_of)
    yield "reuse", reuse
    yield "reuse_pairs", pairs


def canonical_domains() -> tuple[str, ...]:
    tax = next((x for x in rules.taxonomies() if x.id == TAXONOMY), None)
    if tax is None:
        raise rules.RuleError(f"rules/domains.yaml: taxonomy {TAXONOMY} is missing")
    return tax.canonical


def coverage_table(docs: pd.DataFrame, grouped: pd.DataFrame) -> pd.DataFrame:
    """One row per document, a 1/0 column per pilot domain; `grouped`: the codebook rows (doc_id, taxonomy, domain)."""
    canon = canonical_domains()
    named = grouped[grouped["taxonomy"] == TAXONOMY].groupby("doc_id")["domain"].agg(set).to_dict()
    rows = []
    for d in docs.itertuples(index=False):
        have = named.get(d.doc_id, set())
        row: dict[str, object] = {c: getattr(d, c) for c in COVERAGE_HEAD}
        row.update({dom: int(dom in have) for dom in canon})
        row["n_domains"] = sum(int(dom in have) for dom in canon)
        rows.append(row)
    out = pd.DataFrame(rows, columns=[*COVERAGE_HEAD, *canon, "n_domains"])
    for c in [*canon, "n_domains"]:
        out[c] = out[c].astype("int64")
    for c in COVERAGE_HEAD:
        out[c] = out[c].astype("string")
    return out


CODEBOOK_COLUMNS = ["doc_id", "doc_number", "taxonomy", "domain", "mentions", "section_ids", "first_evidence"]
COVERAGE_ROWS = "coverage_rows"  # load_corpus's key for the pilot domains each document names, from the store
CODEBOOK_PART_ROWS = 10_000  # the codebook is written this many rows at a time, their sentences read for each part

# The codebook's grouping, one SQL over the store's domains table or over a frame of them (issue 14: the
# 900,000 mention rows of a 20,000-notice corpus never become pandas rows): per document and code, how often,
# the sections in the order they first name it, and `first`, the position of its first mention; codes in the
# order first named. The groups are made of the keys alone ({keys}: the rows without their sentences) and only
# each code's first sentence is joined to them afterwards: holding a sentence per group cost a third more
# memory, and joining them all in DuckDB peaked 600 MB at 20,000 notices.
_CODEBOOK_GROUPS_SQL = """
WITH s AS (
    SELECT doc_id, taxonomy, domain, section_id, count(*) AS n, min(pos) AS first
    FROM ({keys}) GROUP BY doc_id, taxonomy, domain, section_id)
SELECT doc_id, taxonomy, domain, sum(n)::BIGINT AS mentions,
       coalesce(string_agg(section_id, '；' ORDER BY first) FILTER (WHERE section_id <> ''), '') AS section_ids,
       min(first) AS first
FROM s GROUP BY doc_id, taxonomy, domain
"""

# from a frame of mention rows: the groups with their first sentences
_CODEBOOK_SQL = (
    "SELECT c.doc_id, c.taxonomy, c.domain, c.mentions, c.section_ids, e.evidence AS first_evidence FROM ("
    + _CODEBOOK_GROUPS_SQL
    + ") AS c JOIN ({source}) AS e ON e.pos = c.first ORDER BY c.first"
)

# from the store: the groups of one code ($1 taxonomy, $2 code) in the documents compared (neither failed nor
# a copy of another), with their 文号; one code at a time, as every code at once held 250 MB more of DuckDB's
# memory at 20,000 notices
_STORE_CODEBOOK_SQL = (
    "SELECT c.doc_id, coalesce(d.doc_number, '') AS doc_number, c.taxonomy, c.domain, c.mentions, c.section_ids, c.first FROM ("
    + _CODEBOOK_GROUPS_SQL.format(keys='SELECT doc_id, taxonomy, domain, section_id, rowid AS pos FROM "domains" WHERE taxonomy IS NOT DISTINCT FROM $1 AND domain IS NOT DISTINCT FROM $2')
    + """) AS c JOIN "documents" AS d ON d.doc_id = c.doc_id
WHERE coalesce(d.error, '') = '' AND coalesce(d.duplicate_of, '') = ''"""
)


def store_codebook(db: Path) -> Chunks:
    """The codebook table from the store, CODEBOOK_PART_ROWS rows at a time: the groups are read without their
    sentences (37 MB at 20,000 notices), and each part's first sentences are read by the range of row ids its
    groups start at (a part is in the order of those row ids), so the 316 MB of sentences are never all in
    memory (issue 14)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    def parts() -> Iterator[pd.DataFrame]:
        with reading_store(db) as con:
            codes = con.sql('SELECT DISTINCT taxonomy, domain FROM "domains"').fetchall() or [(None, None)]
            groups = pa.concat_tables([con.sql(_STORE_CODEBOOK_SQL, params=list(code)).to_arrow_table() for code in codes]).sort_by("first")
            for at in range(0, max(groups.num_rows, 1), CODEBOOK_PART_ROWS):
                part = groups.slice(at, CODEBOOK_PART_ROWS)
                first = part.column("first")
                lo, hi = (first[0].as_py(), first[-1].as_py()) if part.num_rows else (0, -1)
                rows = con.sql(f'SELECT rowid AS pos, evidence FROM "domains" WHERE rowid BETWEEN {int(lo)} AND {int(hi)}').to_arrow_table()
                sentences = pc.take(rows.column("evidence"), pc.index_in(first, value_set=rows.column("pos")))
                yield _typed_codebook(arrow_frame(part.drop_columns(["first"]).append_column("first_evidence", sentences)))

    return Chunks(parts)


def _typed_codebook(df: pd.DataFrame) -> pd.DataFrame:
    out = df.reindex(columns=CODEBOOK_COLUMNS)
    for c in CODEBOOK_COLUMNS:
        out[c] = out[c].astype("int64") if c == "mentions" else out[c].astype("string").fillna("")
    return out


def grouped_codebook(domains: pd.DataFrame) -> pd.DataFrame:
    """The codebook rows (without doc_number) of a frame of mention rows, grouped by the same SQL as in the store."""
    src = domains[["doc_id", "taxonomy", "domain", "section_id", "evidence"]].assign(pos=range(len(domains)))
    return _typed_codebook(_sql_over({"mention_rows": src}, _CODEBOOK_SQL.format(keys="SELECT * FROM mention_rows", source="SELECT evidence, pos FROM mention_rows")))


def _sql_over(frames: Mapping[str, pd.DataFrame], sql: str, *, each: Sequence[Sequence[Any]] | None = None) -> pd.DataFrame:
    """One DuckDB query over frames (their Arrow columns handed over, not copied): a grouping of hundreds of
    thousands of rows without a Python object per row. With `each`, the query is run once per list of
    parameters and the results are concatenated in that order."""
    import duckdb
    import pyarrow as pa

    from .store import NO_NETWORK

    con = duckdb.connect(config=NO_NETWORK)
    try:
        for name, df in frames.items():
            con.register(name, pa.Table.from_pandas(df, preserve_index=False))
        if each is None:
            return arrow_frame(con.sql(sql).to_arrow_table())
        parts = [con.sql(sql, params=list(params)).to_arrow_table() for params in each]
        return arrow_frame(pa.concat_tables(parts)) if parts else arrow_frame(con.sql(sql, params=[None]).to_arrow_table())
    finally:
        con.close()


def codebook_table(docs: pd.DataFrame, grouped: pd.DataFrame) -> pd.DataFrame:
    """Coverage for every codebook (shipped or --taxonomy), long form: one row per document and code it names,
    with how often and where. A document a codebook does not apply to has no rows: no data, not zeros."""
    out = grouped[grouped["doc_id"].isin(set(docs["doc_id"]))].reset_index(drop=True)
    out["doc_number"] = out["doc_id"].map(dict(zip(docs["doc_id"], docs["doc_number"]))).astype("string").fillna("")
    return out


EXCEL_MAX_COLUMNS = 16384  # a wider responsibility table goes to Excel in long form only
RESPONSIBILITY_LONG_COLUMNS = ["domain", "doc_id", "doc_number", "lead_unit_types", "lead_units"]


# per domain and document: the lead units' types (sorted, distinct) and the lead units in the order first named
# (one domain at a time, $1: every domain at once held 370 MB of DuckDB's memory at 20,000 notices, issue 14)
_RESPONSIBILITY_LONG_SQL = """
WITH l AS (SELECT * FROM lead_rows WHERE domain = $1),
u AS (SELECT domain, doc_id, unit, min(pos) AS first FROM l GROUP BY domain, doc_id, unit),
t AS (SELECT domain, doc_id,
             coalesce(string_agg(DISTINCT unit_type, '；' ORDER BY unit_type) FILTER (WHERE unit_type <> ''), '') AS lead_unit_types
      FROM l GROUP BY domain, doc_id)
SELECT t.domain, t.doc_id, n.doc_number, t.lead_unit_types, string_agg(u.unit, '；' ORDER BY u.first) AS lead_units
FROM t JOIN u USING (domain, doc_id) JOIN numbers n USING (doc_id)
GROUP BY t.domain, t.doc_id, n.doc_number, t.lead_unit_types ORDER BY t.domain, t.doc_id
"""


def responsibility_long(docs: pd.DataFrame, assignments: pd.DataFrame) -> pd.DataFrame:
    """The responsibility matrix in long form: one row per domain and document naming a lead, any corpus size
    (grouped by DuckDB: 520,000 rows at 20,000 notices, issue 14)."""
    lead = assignments[(assignments["role"] == "lead") & assignments["doc_id"].isin(set(docs["doc_id"]))]
    src = lead[["domain", "doc_id", "unit_type", "unit"]].assign(pos=range(len(lead)))
    numbers = docs[["doc_id", "doc_number"]].drop_duplicates("doc_id")
    out = _sql_over({"lead_rows": src, "numbers": numbers}, _RESPONSIBILITY_LONG_SQL, each=[[d] for d in sorted(set(src["domain"]))])
    return out.reindex(columns=RESPONSIBILITY_LONG_COLUMNS).astype("string").fillna("")


def column_labels(docs: pd.DataFrame) -> dict[str, str]:
    """doc_id -> the label of its column in exported wide tables: its 文号, else its doc_id (and the doc_id
    after a 文号 two documents share)."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for doc_id, number in zip(docs["doc_id"], docs["doc_number"]):
        label = number if number and number not in used else doc_id
        out[doc_id] = label
        used.add(label)
    return out


def responsibility_table(docs: pd.DataFrame, assignments: pd.DataFrame, long: pd.DataFrame | None = None) -> pd.DataFrame:
    """Columns: the documents that name a lead unit's type for some domain, in corpus order; a cell holds the
    types (responsibility_long's lead_unit_types, `long` when the caller has it). Filled from the long rows
    with one list per document and the type strings shared: a dict keyed by (domain, document) held 300 MB
    at 20,000 notices (issue 14)."""
    long = responsibility_long(docs, assignments) if long is None else long
    named = long[long["lead_unit_types"] != ""]
    canon = list(canonical_domains())
    domains = canon + sorted(set(named["domain"]) - set(canon) - {""})
    row_of = {dom: i for i, dom in enumerate(domains)}
    with_lead = set(named["doc_id"])
    doc_ids = [d for d in docs["doc_id"] if d in with_lead]
    cells = {d: [""] * len(domains) for d in doc_ids}
    shared: dict[str, str] = {}
    for dom, doc_id, types in zip(named["domain"], named["doc_id"], named["lead_unit_types"]):
        if dom in row_of:
            cells[doc_id][row_of[dom]] = shared.setdefault(types, types)
    disagree = []
    for i in range(len(domains)):
        named = [cells[d][i] for d in doc_ids if cells[d][i]]
        # no data is no data: with fewer than two documents naming a lead, nothing can disagree or agree
        disagree.append(len(set(named)) > 1 if len(named) >= 2 else pd.NA)
    # one array per column at once (a frame of 20,000 columns cast column by column took most of this table's time)
    columns = {"domain": pd.array(domains, dtype="string"), **{d: pd.array(v, dtype="string") for d, v in cells.items()}}
    out = pd.DataFrame(columns, columns=["domain", *doc_ids])
    out["disagree"] = pd.array(disagree, dtype="boolean")
    return out


def _label(text: str) -> str:
    return _LABEL.sub("", _SPACES.sub("", text)).strip(_TRAIL)


def _family_label(doc_id: str, task_id: str, start_char: Any, end: str, start: str, text: str,
                  task_titles: Mapping[tuple[str, str], str], headings: Mapping[str, tuple[list[int], list[str]]]) -> str:
    title = task_titles.get((doc_id, task_id), "") if task_id else ""
    if title:
        return _label(title)
    if pd.notna(start_char) and doc_id in headings:
        starts, texts = headings[doc_id]
        i = bisect.bisect_right(starts, int(start_char))
        if i:
            return _label(texts[i - 1])
    date = end or start
    return f"{date[:4]}年" if date else _label(text)


def _headings_by_doc(headings: pd.DataFrame) -> dict[str, tuple[list[int], list[str]]]:
    """doc_id -> (start offsets, headings) in text order: the heading above an offset by bisection."""
    out: dict[str, tuple[list[int], list[str]]] = {}
    h = headings.dropna(subset=["start_char"]).sort_values(["doc_id", "start_char"], kind="stable")
    for doc_id, start, heading in zip(h["doc_id"], h["start_char"], h["heading"]):
        starts, texts = out.setdefault(doc_id, ([], []))
        starts.append(int(start))
        texts.append(str(heading))
    return out


def _group_families(labels: Sequence[str]) -> dict[str, str]:
    """Label -> family name: near-identical labels (ratio >= FAMILY_MIN_SCORE) join the first one seen."""
    names: list[str] = []
    out: dict[str, str] = {}
    for lab in labels:
        if lab in out:
            continue
        hit = process.extractOne(lab, names, scorer=fuzz.ratio, score_cutoff=FAMILY_MIN_SCORE) if names else None
        out[lab] = hit[0] if hit else lab
        if not hit:
            names.append(lab)
    return out


def milestone_table(docs: pd.DataFrame, deadlines: pd.DataFrame, tasks: pd.DataFrame, sections: pd.DataFrame, families: pd.DataFrame | None = None) -> pd.DataFrame:
    """Milestones grouped by what they are the milestone of (task title or heading), only within one policy
    family (or one document outside any family): "主要目标" of five unrelated plans are five groups."""
    dl = deadlines[deadlines["doc_id"].isin(set(docs["doc_id"]))].copy()
    if dl.empty:
        return pd.DataFrame({c: pd.Series(dtype="string") for c in MILESTONE_COLUMNS})
    order = {d: i for i, d in enumerate(docs["doc_id"])}
    dl["_doc_order"] = dl["doc_id"].map(order)
    dl = dl.sort_values(["_doc_order", "start_char"], kind="stable")
    task_titles = {(r.doc_id, r.task_id): r.title for r in tasks.itertuples(index=False)}
    headings = _headings_by_doc(sections[sections["level"].fillna(99) <= 2])
    dl["task_title"] = [task_titles.get((d, tid), "") if tid else "" for d, tid in zip(dl["doc_id"], dl["task_id"])]
    labels = [
        _family_label(d, tid, sc, e, st, tx, task_titles, headings)
        for d, tid, sc, e, st, tx in zip(dl["doc_id"], dl["task_id"], dl["start_char"], dl["end"], dl["start"], dl["text"])
    ]
    family_of: dict[str, str] = {}
    if families is not None and len(families):
        for f, d in zip(families["family_id"], families["doc_id"]):
            family_of.setdefault(d, f)
    scopes = [family_of.get(d, d) for d in dl["doc_id"]]
    grouped: dict[tuple[str, str], str] = {}
    by_scope: dict[str, list[str]] = {}
    for lab, sc in zip(labels, scopes):
        by_scope.setdefault(sc, []).append(lab)
    for scope, mine in by_scope.items():
        for lab, name in _group_families(mine).items():
            grouped[(scope, lab)] = name
    dl["family"] = [grouped[(sc, lab)] for sc, lab in zip(scopes, labels)]
    dl["_group"] = [(sc, grouped[(sc, lab)]) for sc, lab in zip(scopes, labels)]
    dl["policy_family"] = scopes  # the families table's family_id, or the doc_id of a text in none
    dl["doc_number"] = dl["doc_id"].map(dict(zip(docs["doc_id"], docs["doc_number"])))
    first = [s or e for s, e in zip(dl["start"], dl["end"])]
    last = [e or s for s, e in zip(dl["start"], dl["end"])]
    dl["_first"], dl["_last"] = [v or None for v in first], [v or None for v in last]
    dl["earliest"] = dl.groupby("_group")["_first"].transform("min").fillna("")
    dl["latest"] = dl.groupby("_group")["_last"].transform("max").fillna("")
    fam_order = {f: i for i, f in enumerate(dict.fromkeys(dl["_group"]))}
    dl["_fam_order"] = dl["_group"].map(fam_order)
    dl = dl.sort_values(["_fam_order", "_doc_order", "start_char"], kind="stable")
    out = dl[MILESTONE_COLUMNS].reset_index(drop=True)
    return out.astype("string").fillna("")


def _doc_key(number: str) -> tuple[str, int | None, int] | None:
    d = parse_doc_number(number) if number else None
    return (d.agency, d.year, d.serial) if d else None


def _squash(text: str) -> str:
    return _SPACES_AND_BOOK_MARKS.sub("", text)


@functools.lru_cache(maxsize=65536)  # a corpus cites the same documents again and again
def _cited_level(number: str, title: str) -> str:
    d = parse_doc_number(number) if number else None
    if d is not None:
        level = infer_region("", d.agency).admin_level
        if level:
            return level
    issuer = title.split("关于")[0] if "关于" in title else title
    return infer_region(issuer).admin_level if issuer else ""


def citation_table(docs: pd.DataFrame, references: pd.DataFrame) -> pd.DataFrame:
    """Edge list citing -> cited; cited_doc_id is the corpus document with that 文号 (or that exact title)."""
    by_key = {k: r for r in docs.itertuples(index=False) if (k := _doc_key(r.doc_number)) is not None}
    by_title = {_squash(r.title): r for r in docs.itertuples(index=False) if r.title}
    info = {r.doc_id: r for r in docs.itertuples(index=False)}
    rows = []
    for ref in references.itertuples(index=False):
        citing = info.get(ref.doc_id)
        if citing is None:
            continue
        key = _doc_key(ref.cited_doc_number)
        target = by_key.get(key) if key else None
        if target is None and ref.cited_title:
            target = by_title.get(_squash(ref.cited_title))
        if target is not None and target.doc_id == citing.doc_id:
            target = None  # the notice's own 方案 named in its wrapper is not a citation of another document
        rows.append(
            {
                "citing_doc_id": citing.doc_id,
                "citing_doc_number": citing.doc_number,
                "citing_admin_level": citing.admin_level,
                "cited_doc_number": ref.cited_doc_number,
                "cited_title": ref.cited_title,
                "cited_doc_id": target.doc_id if target is not None else "",
                "cited_admin_level": target.admin_level if target is not None else _cited_level(ref.cited_doc_number, ref.cited_title),
            }
        )
    out = pd.DataFrame(rows, columns=CITATION_COLUMNS).drop_duplicates(["citing_doc_id", "cited_doc_number", "cited_title"])
    return out.reset_index(drop=True).astype("string").fillna("")


def citation_graph(citations: pd.DataFrame, coverage: pd.DataFrame) -> "nx.DiGraph":  # type: ignore[name-defined]  # noqa: F821
    """Documents (corpus documents by doc_id, others by 文号 or title) and citing -> cited edges."""
    import networkx as nx

    g = nx.DiGraph()
    for r in coverage.itertuples(index=False):
        g.add_node(r.doc_id, doc_number=r.doc_number, title=r.title, admin_level=r.admin_level, in_corpus=True)
    for r in citations.itertuples(index=False):
        node = r.cited_doc_id or r.cited_doc_number or r.cited_title
        if not node:
            continue
        if node not in g:
            g.add_node(node, doc_number=r.cited_doc_number, title=r.cited_title, admin_level=r.cited_admin_level, in_corpus=False)
        if r.citing_doc_id not in g:
            g.add_node(r.citing_doc_id, doc_number=r.citing_doc_number, title="", admin_level=r.citing_admin_level, in_corpus=True)
        g.add_edge(r.citing_doc_id, node)
    return g


def reuse_tables(citations: pd.DataFrame, text_of: Mapping[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """For each document citing another of the corpus: how many of its sentences restate one of the cited
    document's, and those pairs. The children of one parent are matched in one pass of the q-gram filter
    (pipeline/reuse.py), which scores only the pairs that can reach REUSE_MIN_SCORE (issue 14)."""
    links = citations[(citations["cited_doc_id"] != "") & (citations["cited_doc_id"] != citations["citing_doc_id"])]
    known: list[tuple[str, str]] = []
    for child, parent in dict.fromkeys(zip(links["citing_doc_id"], links["cited_doc_id"])):
        if child not in text_of or parent not in text_of:
            log.info("reuse %s <- %s: text missing from the store", child, parent)
            continue
        known.append((child, parent))
    children: dict[str, list[str]] = {}
    for child, parent in known:
        children.setdefault(parent, []).append(child)
    row_of: dict[tuple[str, str], dict[str, Any]] = {}
    pairs_of: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for parent, kids in children.items():
        theirs = reuse_sentences(text_of[parent], REUSE_MIN_CHARS)
        mine = {child: reuse_sentences(text_of[child], REUSE_MIN_CHARS) for child in kids}
        for child, hits in best_matches(mine, theirs, REUSE_MIN_SCORE).items():
            pairs_of[child, parent] = [
                {"doc_id": child, "parent_doc_id": parent, "sentence": mine[child][i], "parent_sentence": theirs[hits[i][0]], "score": round(hits[i][1], 1)}
                for i in sorted(hits)
            ]
            share = round(len(hits) / len(mine[child]), 3) if mine[child] else 0.0
            row_of[child, parent] = {"doc_id": child, "parent_doc_id": parent, "sentences": len(mine[child]), "reused": len(hits), "share": share}
    rows = [row_of[link] for link in known]  # in the order the citations list them, as before
    pairs = [pair for link in known for pair in pairs_of[link]]
    reuse = pd.DataFrame(rows, columns=REUSE_COLUMNS).astype({"doc_id": "string", "parent_doc_id": "string", "sentences": "int64", "reused": "int64", "share": "float64"})
    pair_df = pd.DataFrame(pairs, columns=PAIR_COLUMNS).astype(
        {"doc_id": "string", "parent_doc_id": "string", "sentence": "string", "parent_sentence": "string", "score": "float64"}
    )
    return reuse, pair_df


# --------------------------------------------------------------------------- writing


def write_comparisons(
    comp: Mapping[str, pd.DataFrame] | Iterable[tuple[str, pd.DataFrame | Chunks]], dest: Path, formats: Sequence[str], *, docs: pd.DataFrame | None = None, headers: str = "en"
) -> dict[str, int]:
    """The comparison tables in the chosen formats (one workbook compare.xlsx) and the citation graph as GraphML,
    each table written as it comes (iter_comparisons) and let go; returns each table's row count. The
    responsibility matrix is headed by 文号 (given `docs`); too wide for Excel, the workbook has only its long
    form (responsibility_long)."""
    import networkx as nx

    from .export import TableWriter

    labels = column_labels(docs) if docs is not None else {}
    writer = TableWriter(dest, formats, workbook="compare", headers=headers)
    kept: dict[str, pd.DataFrame] = {}
    counts: dict[str, int] = {}
    for name, df in comp.items() if isinstance(comp, Mapping) else comp:
        if name in ("citations", "coverage") and isinstance(df, pd.DataFrame):  # the graph's edges and nodes
            kept[name] = df
        fmts = list(formats)
        if name == "responsibility" and isinstance(df, pd.DataFrame):
            df = df.rename(columns=labels)
            if "xlsx" in fmts and len(df.columns) > EXCEL_MAX_COLUMNS:
                log.warning("responsibility has %d columns, more than Excel's %d: compare.xlsx holds responsibility_long only", len(df.columns), EXCEL_MAX_COLUMNS)
                fmts.remove("xlsx")
        counts[name] = writer.add(name, df, formats=fmts)
    writer.close()
    nx.write_graphml(citation_graph(kept["citations"], kept["coverage"]), dest / "citations.graphml")
    return counts
