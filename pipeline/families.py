"""Policy families and article alignment: how each local text carries out the national one it implements.

A child implements a parent when it cites the parent by title (or 文号) in its own title
("北京市实施《中华人民共和国归侨侨眷权益保护法》办法") or in its opening clause ("根据《…》", "为了实施《…》",
the first article or paragraph). Other citations (民法典 named in passing) are citations, not families. A
parent absent from the corpus still makes its children siblings. A text may be a child in one family and
the parent in another (山东省物业管理条例 under 国务院《物业管理条例》, over 潍坊/菏泽).

Alignment pairs the parent's units (第X条 articles, else its headings) with the child's by text similarity
(rapidfuzz ratio on the article text without its label): same (>= SAME), modified (>= MODIFIED), omitted
(no child unit close enough) and added (a child unit no parent unit took). Each row carries both texts, both
offsets, the time limits found in each (dates and durations, from the deadlines table) and the direction
of a changed duration (10 vs 15 个工作日: stricter).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import pandas as pd
import regex
from rapidfuzz import fuzz

SAME = 90.0  # rapidfuzz ratio at which a child article restates the parent's
MODIFIED = 55.0  # below this no child article carries the parent's
OPENING_CHARS = 400  # the opening clause that names what a text implements lies in its first characters
FAMILY_COLUMNS = ["family_id", "doc_id", "role", "parent_doc_id", "link", "evidence"]
ALIGNMENT_COLUMNS = [
    "family_id", "parent_doc_id", "child_doc_id", "parent_unit", "child_unit", "relation", "similarity",
    "parent_text", "child_text", "parent_limits", "child_limits", "limit_direction",
    "parent_start", "parent_end", "child_start", "child_end",
]
_UNIT_DAYS = {"day": 1.0, "working_day": 1.4, "week": 7.0, "month": 30.0, "year": 365.0, "hour": 1 / 24}


def _key(title: str) -> str:
    """A title for matching: no marks, no spaces, no 中华人民共和国 (laws are cited both ways)."""
    t = regex.sub(r"[\s《》〈〉<>“”\"]", "", title or "")
    return t.removeprefix("中华人民共和国")


@dataclass(frozen=True, slots=True)
class Link:
    child: str
    parent: str  # doc_id, or "" when the parent is not in the corpus
    parent_key: str  # the cited title's key (family of an absent parent)
    how: str  # cites_title / cites_number
    evidence: str


def family_links(docs: pd.DataFrame, references: pd.DataFrame, texts: Mapping[str, str]) -> list[Link]:
    """Child -> parent links: citations in the child's title or opening clause."""
    by_title = {_key(r.title): r.doc_id for r in docs.itertuples(index=False) if r.title}
    by_number = {r.doc_number: r.doc_id for r in docs.itertuples(index=False) if r.doc_number}
    titles = {r.doc_id: r.title for r in docs.itertuples(index=False)}
    links: dict[tuple[str, str], Link] = {}
    for ref in references.itertuples(index=False):
        child = ref.doc_id
        if child not in titles:
            continue
        key = _key(ref.cited_title)
        in_title = bool(key) and key in _key(titles[child])
        lo, hi = _opening(texts.get(child, ""))
        opening = str(ref.start_char).isdigit() and lo <= int(ref.start_char) < hi
        if not (in_title or opening):
            continue
        parent = by_number.get(ref.cited_doc_number, "") if ref.cited_doc_number else ""
        how = "cites_number" if parent else "cites_title"
        parent = parent or by_title.get(key, "")
        if parent == child or (not parent and not key):
            continue
        fam_key = parent or key
        links.setdefault((child, fam_key), Link(child, parent, key, how, ref.evidence))
    return list(links.values())


def _opening(text: str) -> tuple[int, int]:
    """The opening clause: the first article (第一条) to its line's end, or, in a text without articles, its
    first OPENING_CHARS characters. Amendment notes in a header above 第一条 are not part of it."""
    m = regex.search(r"(?m)^第[一1]条", text)
    if not m:
        return 0, OPENING_CHARS
    end = text.find("\n", m.start() + 1)
    return m.start(), min(end if end != -1 else len(text), m.start() + OPENING_CHARS)


def families_table(links: list[Link], titles: Mapping[str, str]) -> pd.DataFrame:
    rows = []
    groups: dict[str, list[Link]] = {}
    for ln in links:
        groups.setdefault(ln.parent or f"absent:{ln.parent_key}", []).append(ln)
    for fam_id, members in sorted(groups.items()):
        parent = members[0].parent
        if parent:
            rows.append({"family_id": fam_id, "doc_id": parent, "role": "parent", "parent_doc_id": "", "link": "", "evidence": titles.get(parent, "")})
        for ln in sorted(members, key=lambda x: x.child):
            rows.append({
                "family_id": fam_id, "doc_id": ln.child, "role": "child" if parent else "sibling",
                "parent_doc_id": parent, "link": ln.how, "evidence": ln.evidence,
            })
    return pd.DataFrame(rows, columns=FAMILY_COLUMNS).astype("string").fillna("")


@dataclass(frozen=True, slots=True)
class Unit:
    label: str
    text: str  # without the label
    start: int
    end: int


def units(doc_id: str, sections: pd.DataFrame, text: str) -> list[Unit]:
    """The articles (第X条) of a text, else its headings of levels 1-2, with their text spans."""
    own = sections[sections["doc_id"] == doc_id]
    articles = own[own["label"].str.match(r"^第[一二三四五六七八九十百零〇\d]+条$")]
    chosen = articles if len(articles) else own[own["level"].astype(int) <= 2]
    out = []
    for r in chosen.itertuples(index=False):
        s, e = int(r.start_char), int(r.end_char)
        body = text[s:e].strip()
        body = body[len(r.label):].lstrip("、．. 　") if body.startswith(r.label) else body
        out.append(Unit(r.label, body, s, e))
    return out


def _limits(deadlines: pd.DataFrame, doc_id: str, start: int, end: int) -> list[pd.Series]:
    own = deadlines[(deadlines["doc_id"] == doc_id)]
    if own.empty:
        return []
    pos = own["start_char"].astype(int)
    return [r for _, r in own[(pos >= start) & (pos < end)].iterrows()]


def _limit_text(rows: list[pd.Series]) -> str:
    return "；".join(str(r["text"]) for r in rows)


def _days(rows: list[pd.Series]) -> float | None:
    for r in rows:
        unit, value = str(r.get("duration_unit", "")), str(r.get("duration_value", ""))
        if unit in _UNIT_DAYS and value:
            try:
                return float(value) * _UNIT_DAYS[unit]
            except ValueError:
                continue
    return None


def _direction(parent: list[pd.Series], child: list[pd.Series]) -> str:
    """stricter / looser / same for a duration both give; added / dropped when only one gives a limit."""
    if not parent and not child:
        return ""
    if parent and not child:
        return "dropped"
    if child and not parent:
        return "added"
    p, c = _days(parent), _days(child)
    if p is None or c is None:
        return "same" if _limit_text(parent) == _limit_text(child) else "changed"
    return "same" if abs(p - c) < 1e-9 else "stricter" if c < p else "looser"


def _squash(s: str) -> str:
    return regex.sub(r"[\s，。；：、“”《》（）]", "", s)


def alignment_table(links: list[Link], sections: pd.DataFrame, texts: Mapping[str, str], deadlines: pd.DataFrame) -> pd.DataFrame:
    rows: list[dict[str, object]] = []
    for ln in links:
        if not ln.parent:
            continue
        ptext, ctext = texts.get(ln.parent, ""), texts.get(ln.child, "")
        pu, cu = units(ln.parent, sections, ptext), units(ln.child, sections, ctext)
        if not pu or not cu:
            continue
        scores = sorted(
            ((fuzz.ratio(_squash(a.text), _squash(b.text)), i, j) for i, a in enumerate(pu) for j, b in enumerate(cu)),
            reverse=True,
        )
        taken_p: dict[int, tuple[float, int]] = {}
        taken_c: set[int] = set()
        for score, i, j in scores:
            if score < MODIFIED:
                break
            if i in taken_p or j in taken_c:
                continue
            taken_p[i] = (score, j)
            taken_c.add(j)
        fam = ln.parent
        for i, a in enumerate(pu):
            plim = _limits(deadlines, ln.parent, a.start, a.end)
            if i in taken_p:
                score, j = taken_p[i]
                b = cu[j]
                clim = _limits(deadlines, ln.child, b.start, b.end)
                rel = "same" if score >= SAME else "modified"
                rows.append(_row(fam, ln, a, b, rel, score, plim, clim))
            else:
                rows.append(_row(fam, ln, a, None, "omitted", 0.0, plim, []))
        for j, b in enumerate(cu):
            if j not in taken_c:
                rows.append(_row(fam, ln, None, b, "added", 0.0, [], _limits(deadlines, ln.child, b.start, b.end)))
    return pd.DataFrame(rows, columns=ALIGNMENT_COLUMNS).astype("string").fillna("")


def _row(fam: str, ln: Link, a: Unit | None, b: Unit | None, rel: str, score: float, plim: list[pd.Series], clim: list[pd.Series]) -> dict[str, object]:
    return {
        "family_id": fam, "parent_doc_id": ln.parent, "child_doc_id": ln.child,
        "parent_unit": a.label if a else "", "child_unit": b.label if b else "", "relation": rel,
        "similarity": f"{score / 100:.2f}", "parent_text": a.text if a else "", "child_text": b.text if b else "",
        "parent_limits": _limit_text(plim), "child_limits": _limit_text(clim), "limit_direction": _direction(plim, clim),
        "parent_start": a.start if a else "", "parent_end": a.end if a else "",
        "child_start": b.start if b else "", "child_end": b.end if b else "",
    }


def build_families(docs: pd.DataFrame, references: pd.DataFrame, sections: pd.DataFrame, texts_df: pd.DataFrame, deadlines: pd.DataFrame) -> dict[str, pd.DataFrame]:
    texts = dict(zip(texts_df["doc_id"], texts_df["text"]))
    links = family_links(docs, references, texts)
    titles = dict(zip(docs["doc_id"], docs["title"]))
    return {"families": families_table(links, titles), "alignment": alignment_table(links, sections, texts, deadlines)}
