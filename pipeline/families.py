"""Policy families and article alignment: how each local text carries out the national one it implements.

A child implements a parent when it cites the parent by title (or 文号) in its own title
("北京市实施《中华人民共和国归侨侨眷权益保护法》办法") or in its opening clause ("根据《…》", "为了实施《…》",
the first article or paragraph). Other citations (民法典 named in passing) are citations, not families. A
parent absent from the corpus still makes its children siblings. A text may be a child in one family and
the parent in another (山东省物业管理条例 under 国务院《物业管理条例》, over 潍坊/菏泽).

Alignment pairs the parent's units (第X条 articles, else its headings) with the child's by text similarity
(on the article text without its label: the better of rapidfuzz's whole-text ratio and the shorter article's
best match inside the longer, see _similarity): same (whole texts >= SAME), modified (>= MODIFIED), omitted
(no child unit close enough) and added (a child unit no parent unit took). Each row carries both texts, both
offsets, the time limits found in each (dates and durations, from the deadlines table) and the direction
of a changed duration (10 vs 15 个工作日: stricter).
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
import math
from collections import Counter

from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd
import regex
from rapidfuzz import fuzz, process

from . import rules
from .extract.metadata import title_head
from .orgnames import strip_leading_places, without_part_mark
from .reuse import held_sentences, reuse_sentences


SAME = 90.0  # rapidfuzz ratio of the whole articles at which a child article restates the parent's
MODIFIED = 50.0  # pairing score below which no child article carries the parent's
NAME_SAME = 80.0  # rapidfuzz ratio of two heading units' names at which they are one item (_with_names)
MUTUAL_MIN = 30.0  # below MODIFIED, two articles each the other's best match pair from this score (_mutual_best)
MUTUAL_MARGIN = 5.0  # ... when the parent article's best match leads its next best by this much
MUTUAL_COVERAGE = 10.0  # ... and the child carries this much of the parent's distinctive wording (_coverage)
PARTIAL_MIN_CHARS = 15  # a shorter article is matched inside a longer one only from this length
COVERAGE_MIN_CHARS = 20  # articles scored by the share of the parent's wording the child carries from this length
COVERAGE_LENGTH = 3.0  # a child article up to this many times the parent's length pays nothing for its own additions
OPENING_CHARS = 400  # the opening clause that names what a text implements lies in its first characters
FAMILY_COLUMNS = ["family_id", "doc_id", "role", "parent_doc_id", "link", "evidence"]
ALIGNMENT_COLUMNS = [
    "family_id", "parent_doc_id", "child_doc_id", "parent_unit", "child_unit", "relation", "similarity",
    "parent_text", "child_text", "parent_limits", "child_limits", "limit_direction",
    "parent_start", "parent_end", "child_start", "child_end", "parent_lead_units", "child_lead_units", "whole_similarity",
]
LEVEL_RANK = {"national": 0, "provincial": 1, "municipal": 2, "county": 3, "township": 4}
MIN_SUBJECT = 2  # a shorter shared subject links nothing; so does a generic one (rules/words.yaml generic_subject)
REUSE_SHARE = 0.5  # two texts of one level with this share of their sentences in common are siblings
REUSE_PARENT_SHARE = 0.25  # a lower-level text restating this share of its sentences from a higher one implements it
# (the real 实施办法 of ../shared/corpus/families restate 29-58 % of their sentences from the law)
REUSE_SENTENCE = 90.0  # rapidfuzz ratio at which two sentences are one sentence reused
REUSE_MIN_HAN = 12  # shorter sentences (一、总体要求) are no evidence of reuse
REUSE_TITLE_OVERLAP = 0.2  # title-bigram overlap below which two texts are not compared for reuse
_UNIT_DAYS = {"day": 1.0, "working_day": 1.4, "week": 7.0, "month": 30.0, "year": 365.0, "hour": 1 / 24}
_TITLE_MARKS = regex.compile(r"[\s《》〈〉<>“”\"]")
_FIRST_ARTICLE = regex.compile(r"(?m)^第[一1]条")
_ISSUING_LEAD = regex.compile(r"^(?:关于)?(?:印发|转发)?")
MIN_ISSUED_TITLE = 6  # a shorter issued name (《方案》) names no text of its own
_IMPLEMENTING_LEAD = regex.compile(r"^(?:贯彻落实|贯彻|落实|实施)")
_SPACES_AND_PUNCT = regex.compile(r"[\s，。；：、“”《》（）]")


def _key(title: str) -> str:
    """A title for matching: no marks, no spaces, no 中华人民共和国 (laws are cited both ways)."""
    t = _TITLE_MARKS.sub("", title or "")
    return t.removeprefix("中华人民共和国")


@dataclass(frozen=True, slots=True)
class Link:
    child: str
    parent: str  # doc_id, or "" when the parent is not in the corpus
    parent_key: str  # the cited title's key (family of an absent parent)
    how: str  # cites_title / cites_number / subject / reuse / user
    evidence: str


@rules.cached
def _issued_in_title() -> regex.Pattern[str]:
    """The text a notice's title issues (rules/words.yaml issuing_before): "…关于印发《X》的通知" -> X."""
    return regex.compile(rf"(?:{rules.alternation('issuing_before')})[《〈]?(?P<title>.+?)[》〉]?(?:的(?:通知|决定|公告))?$")


def family_links(docs: pd.DataFrame, references: pd.DataFrame, texts: Mapping[str, str]) -> list[Link]:
    """Child -> parent links: citations in the child's title or opening clause."""
    places = {r.doc_id: _place(r) for r in docs.itertuples(index=False)}
    by_title = {_local_key(_key(r.title), places[r.doc_id]): r.doc_id for r in docs.itertuples(index=False) if r.title}
    for r in docs.itertuples(index=False):
        # the text a notice issues is cited by its own title ("…办公厅印发《X》的通知" is cited as 《X》): the notice
        # that carries it stands for it
        issued = _issued_in_title().search(r.title or "")
        if issued is not None and len(key := _key(issued.group("title"))) >= MIN_ISSUED_TITLE:
            by_title.setdefault(_local_key(key, places[r.doc_id]), r.doc_id)
    # a title headed by its issuers ("国家发展改革委 国家能源局关于…的指导意见") is cited without them after their names
    # ("国家发展改革委、国家能源局等部门《关于…的指导意见》"): its "关于…" part, with the issuers to look for before the 《
    headless: dict[str, list[tuple[str, list[str]]]] = {}
    for r in docs.itertuples(index=False):
        head = title_head(r.title or "")
        rest = (r.title or "")[len(head) :].lstrip(" \u3000")
        if head and rest.startswith("关于") and len(key := _key(rest)) >= MIN_ISSUED_TITLE:
            names = [n for n in str(getattr(r, "issuer", "") or head).split("；") if n]
            headless.setdefault(key, []).append((r.doc_id, names))
    by_number = {r.doc_number: r.doc_id for r in docs.itertuples(index=False) if r.doc_number}
    titles = {r.doc_id: r.title for r in docs.itertuples(index=False)}
    evidence = dict(zip(docs["doc_id"], docs["evidence"])) if "evidence" in docs.columns else {}
    links: dict[tuple[str, str], Link] = {}
    absent_titles: dict[str, str] = {}  # an absent parent's number -> the title key its family goes by
    for ref in references.itertuples(index=False):
        child = ref.doc_id
        if child not in titles:
            continue
        key = _key(ref.cited_title)
        in_title = bool(key) and key in _key(titles[child])
        if key and rules.words("own_government_document").match(key):
            if not places[child]:
                continue  # 《政府工作报告》 of a text whose place is unknown: no document to name
            key = _local_key(key, places[child])
        at = int(ref.start_char) if str(ref.start_char).isdigit() else -1
        text = texts.get(child, "")
        opening = any(lo <= at < hi for lo, hi in _openings(text, evidence.get(child, "")))
        if not (in_title or opening) or _repeals(text, at, int(ref.end_char) if str(ref.end_char).isdigit() else -1):
            continue
        parent = by_number.get(ref.cited_doc_number, "") if ref.cited_doc_number else ""
        how = "cites_number" if parent else "cites_title"
        parent = parent or by_title.get(key, "") or _named_before(headless.get(key, ()), text, at)
        if parent == child or (not parent and not key):
            continue
        if not parent and ref.cited_doc_number:
            # an absent parent cited by its number is one parent however each text words its title (发改环资〔2024〕
            # 1104号 with its issuers or without): the first title seen names the family
            key = absent_titles.setdefault(ref.cited_doc_number, key)
        fam_key = parent or key
        links.setdefault((child, fam_key), Link(child, parent, key, how, ref.evidence))
    return list(links.values())


ISSUER_REACH = 40  # characters before a 《 where the cited text's issuers are named


def _named_before(candidates: Iterable[tuple[str, list[str]]], text: str, at: int) -> str:
    """The one text among those sharing a "关于…" title whose first issuer, as the documents table names it, stands
    just before the citation ("国家发展改革委、国家能源局等部门《关于…》"), else '': a title many issuers use
    ("关于做好…工作的通知") names no parent by itself."""
    if at < 0:
        return ""
    before = text[max(0, at - ISSUER_REACH) : at]
    found = [doc for doc, names in candidates if names and names[0] in before]
    return found[0] if len(found) == 1 else ""


def _repeals(text: str, start: int, end: int) -> bool:
    """The citation at text[start:end] repeals the cited text ("废止《…》", "《…》同时废止", rules/words.yaml
    repeal_before / repeal_after): a repealing document is no child of what it repeals."""
    if start < 0 or end < 0:
        return False
    return bool(rules.words("repeal_before").search(text[max(0, start - 8) : start]) or rules.words("repeal_after").match(text[end : end + 40]))


def _place(doc: Any) -> str:
    """The most specific place of a document row (county, else city, else province; 国务院 for a national
    text, whose 《政府工作报告》 is the State Council's); '' when unknown."""
    place = getattr(doc, "region_county", "") or getattr(doc, "region_city", "") or getattr(doc, "region_province", "")
    return str(place or ("国务院" if getattr(doc, "admin_level", "") == "national" else ""))


_OWN_LEVEL = regex.compile(r"^((?:19|20)\d{2}年度?)?(?:[省市县区旗镇乡州盟]|自治区)?(?:人民)?")


def _local_key(key: str, place: str) -> str:
    """A placeless name of a government's own yearly document (rules/words.yaml own_government_document:
    《政府工作报告》, 《县政府工作报告》) keyed with the place of the text that names it: every place's is
    another document ('政府工作报告（大洼区）'); its level word is dropped (县政府工作报告 in a county is its
    政府工作报告), a year kept. Any other key is returned as it is."""
    if not place or not rules.words("own_government_document").match(key):
        return key
    return f"{_OWN_LEVEL.sub(lambda m: m.group(1) or '', key, count=1)}（{place}）"


def _openings(text: str, evidence: str) -> list[tuple[int, int]]:
    """Where a text says what it implements: its opening (_opening), the first OPENING_CHARS characters after
    its head (标题, 发文字号, 主送机关: a web page's metadata block can fill the text's first characters) and,
    in a notice that issues a text (印发), those after its 成文日期, where the issued text opens ("一、根据…
    参照《国务院工作规则》…"). The heads' offsets come from the document row's evidence."""
    spans = [_opening(text)]
    try:
        ev = json.loads(evidence) if evidence else {}
    except ValueError:
        ev = {}
    ends = [int(v[1]) for k, v in ev.items() if k in ("title", "doc_number", "recipients") and isinstance(v, list) and len(v) > 1]
    if ends:
        spans.append((max(ends), max(ends) + OPENING_CHARS))
    signed = ev.get("signed_date")
    if isinstance(signed, list) and len(signed) > 1 and (not ends or int(signed[1]) > max(ends)):
        spans.append((int(signed[1]), int(signed[1]) + OPENING_CHARS))
    return spans


def _opening(text: str) -> tuple[int, int]:
    """The opening clause: the first article (第一条) to its line's end, or, in a text without articles, its
    first OPENING_CHARS characters. Amendment notes in a header above 第一条 are not part of it."""
    m = _FIRST_ARTICLE.search(text)
    if not m:
        return 0, OPENING_CHARS
    end = text.find("\n", m.start() + 1)
    return m.start(), min(end if end != -1 else len(text), m.start() + OPENING_CHARS)


def _subject(title: str) -> str:
    """What a text is about, without its place and its kind: '潍坊市物业管理条例', '山东省物业管理条例' and
    '物业管理条例' are all 物业管理; '北京市实施《…归侨侨眷权益保护法》办法' is 归侨侨眷权益保护. A notice that issues a
    text is about that text: '辽宁省人民政府关于印发《辽宁省推动大规模设备更新和消费品以旧换新实施方案》的通知' is
    推动大规模设备更新和消费品以旧换新, as 国务院's notice issuing its 行动方案 is."""
    issued = _issued_in_title().search(title or "")
    if issued is not None and len(_key(issued.group("title"))) >= MIN_ISSUED_TITLE:
        title = issued.group("title")
    t = strip_leading_places(without_part_mark(_key(title))).removeprefix("经济特区")  # 汕头经济特区消防条例: a city's own laws
    t = _ISSUING_LEAD.sub("", t)
    t = _IMPLEMENTING_LEAD.sub("", t).removeprefix("中华人民共和国")
    types = rules.doc_types()
    for _ in range(2):  # 实施办法 after a law's name: …保护法办法 -> …保护法 -> …保护
        for dt in types:
            if t.endswith(dt) and len(t) > len(dt):
                t = t[: -len(dt)]
                break
    return t.removesuffix("的")


def _bigrams(text: str) -> set[str]:
    t = strip_leading_places(_key(text))
    return {t[i : i + 2] for i in range(len(t) - 1)}


def _rank(level: str) -> int | None:
    return LEVEL_RANK.get(level or "")


def subject_links(docs: pd.DataFrame, linked: set[str]) -> list[Link]:
    """A text that names no parent but shares its subject with a text of a higher level (the nearest level
    above it, in its own province or national) implements it: 潍坊市物业管理条例 under 山东省物业管理条例.
    Texts are grouped by subject once, so only texts of one subject are compared."""
    by_subject: dict[str, list[tuple[int, str, str]]] = {}  # subject -> (level rank, doc_id, province)
    rows = []
    for r in docs.itertuples(index=False):
        rank, subj = _rank(r.admin_level), _subject(r.title)
        core = rules.words("subject_tail").sub("", subj)
        subj = core if len(core) >= MIN_SUBJECT else subj  # 志愿服务促进 is 志愿服务
        if rank is None or len(subj) < MIN_SUBJECT or rules.words("generic_subject").match(subj):
            continue
        by_subject.setdefault(subj, []).append((rank, r.doc_id, r.region_province))
        rows.append((rank, r.doc_id, r.region_province, subj))
    out: list[Link] = []
    for rank, doc_id, province, subj in rows:
        if doc_id in linked:
            continue
        above = [(r, d) for r, d, prov in by_subject[subj] if r < rank and (r == 0 or prov == province)]
        if above:
            parent = max(above)[1]  # the nearest level above
            out.append(Link(doc_id, parent, _key(subj), "subject", f"同一主题：{subj}"))
    return out


def _overlapping_titles(rows: list[Any], grams: Mapping[str, set[str]]) -> list[tuple[Any, Any]]:
    """The pairs whose title bigrams may overlap by REUSE_TITLE_OVERLAP (Jaccard), found without comparing
    every pair: two sets with Jaccard >= t share one of the rarest |g| - ceil(t*|g|) + 1 grams of each
    (prefix filtering, Bayardo et al., "Scaling up all pairs similarity search", WWW 2007)."""
    freq = Counter(g for r in rows for g in grams[r.doc_id])
    index: dict[str, list[int]] = {}
    pairs: set[tuple[int, int]] = set()
    for i, r in enumerate(rows):
        g = sorted(grams[r.doc_id], key=lambda x: (freq[x], x))
        if not g:
            continue
        prefix = g[: len(g) - math.ceil(REUSE_TITLE_OVERLAP * len(g)) + 1]
        for x in prefix:
            for j in index.get(x, ()):
                pairs.add((j, i))
            index.setdefault(x, []).append(i)
    return [(rows[j], rows[i]) for j, i in sorted(pairs)]


def reuse_links(docs: pd.DataFrame, texts: Mapping[str, str], linked: set[str]) -> list[Link]:
    """Texts that reuse another's wording without naming it. Only pairs whose titles overlap are compared
    (two 复函 on the same matter share their title's words), and their sentences through a bigram count filter
    (pipeline/reuse.py), so the cost stays near linear in practice. A text of a lower level reuses its parent;
    two of one level are siblings."""
    rows = [r for r in docs.itertuples(index=False) if r.doc_id not in linked and texts.get(r.doc_id)]
    grams = {r.doc_id: _bigrams(r.title) for r in rows}
    compared = []
    for a, b in _overlapping_titles(rows, grams):
        ga, gb = grams[a.doc_id], grams[b.doc_id]
        if len(ga & gb) / len(ga | gb) >= REUSE_TITLE_OVERLAP:
            compared.append((a, b))
    sentences = {d: reuse_sentences(texts[d], REUSE_MIN_HAN) for d in sorted({r.doc_id for p in compared for r in p})}
    held = held_sentences(sentences, [(a.doc_id, b.doc_id) for a, b in compared], REUSE_SENTENCE)

    def share(mine: str, theirs: str) -> float:
        return len(held[mine, theirs]) / len(sentences[mine]) if sentences[mine] else 0.0
    out: list[Link] = []
    siblings: list[tuple[str, str, float]] = []
    for a, b in compared:
        ra, rb = _rank(a.admin_level), _rank(b.admin_level)
        upper = a if ra is not None and rb is not None and ra < rb else b
        # a text above reuses down only into its own province (or from the nation): 拉萨市's 条例 that copies
        # 北京市's is no child of it, as subject_links reads levels; across provinces the pair is weighed as two
        # texts of one level are (siblings only when each reuses the other)
        if ra is not None and rb is not None and ra != rb and (_rank(upper.admin_level) == 0 or a.region_province == b.region_province):
            parent, child = (a, b) if ra < rb else (b, a)
            reused = share(child.doc_id, parent.doc_id)
            if reused >= REUSE_PARENT_SHARE:
                out.append(Link(child.doc_id, parent.doc_id, _key(parent.title), "reuse", f"{reused:.0%} 的句子沿用上级文本"))
            continue
        both = min(share(a.doc_id, b.doc_id), share(b.doc_id, a.doc_id))
        if both >= REUSE_SHARE:
            siblings.append((a.doc_id, b.doc_id, both))
    return out + _sibling_groups(siblings)


def _sibling_groups(pairs: list[tuple[str, str, float]]) -> list[Link]:
    """Texts of one level that reuse each other's wording, as families: the texts joined by any chain of reuse
    are one family (three versions of one regulation, 2013, 2019 and 2020, are one, not a family per pair),
    each text listed once with its highest share."""
    head: dict[str, str] = {}

    def find(d: str) -> str:
        while head.setdefault(d, d) != d:
            head[d] = head[head[d]]
            d = head[d]
        return d

    best: dict[str, float] = {}
    for a, b, share in pairs:
        head[find(a)] = find(b)
        for d in (a, b):
            best[d] = max(best.get(d, 0.0), share)
    groups: dict[str, list[str]] = {}
    for d in best:
        groups.setdefault(find(d), []).append(d)
    out: list[Link] = []
    for members in groups.values():
        key = f"reuse:{min(members)}"
        out.extend(Link(d, "", key, "reuse", f"{best[d]:.0%} 的句子与同级文本相同") for d in sorted(members))
    return out


def user_links(path: Path, docs: pd.DataFrame) -> list[Link]:
    """Families an analyst names (`compare --family FILE`): a CSV with family_id, doc (a doc_id or the input
    file's name) and role (parent / child). Unknown documents are an error naming them."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    missing_cols = {"family_id", "doc", "role"} - set(table.columns)
    if missing_cols:
        raise ValueError(f"{path}: needs the columns family_id, doc, role (missing {sorted(missing_cols)})")
    ids = set(docs["doc_id"])
    by_name = {Path(str(src)).name: d for d, src in zip(docs["doc_id"], docs["source"])}
    def resolve(doc: str) -> str:
        if doc in ids:
            return doc
        if Path(doc).name in by_name:
            return by_name[Path(doc).name]
        raise ValueError(f"{path}: no document {doc!r} in the corpus (give a doc_id or an input file name)")
    out: list[Link] = []
    for fam, rows in table.groupby("family_id", sort=True):
        parents = [resolve(d) for d, role in zip(rows["doc"], rows["role"]) if role.strip() == "parent"]
        parent = parents[0] if parents else ""
        for d, role in zip(rows["doc"], rows["role"]):
            if role.strip() != "parent":
                out.append(Link(resolve(d), parent, f"user:{fam}", "user", f"由分析人员指定：{fam}"))
    return out


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
    name: str = ""  # a heading unit's heading ("开展汽车以旧换新"); an article has none


def units(own: pd.DataFrame, text: str, depth: int = 2) -> list[Unit]:
    """The articles (第X条) of a text, else its headings of levels 1 to `depth`, with their text spans (`own`:
    the text's rows of the sections table)."""
    articles = own[own["label"].str.match(r"^第[一二三四五六七八九十百零〇\d]+条$")]
    chosen = articles if len(articles) else own[own["level"].astype(int) <= depth]
    # a heading's unit runs over the items under it, up to the next heading of levels 1-2 ("（二）基本原则" /
    # "1.坚持依法行政…" / "（三）…"), as a text that writes them as a run-in list ("一是坚持依法行政…") holds them in
    # the heading's own text; the last heading keeps its own span (what follows it may be the 署名 and 附件)
    chosen_starts = chosen["start_char"].astype(int).tolist()
    out = []
    for n, r in enumerate(chosen.itertuples(index=False)):
        s, e = int(r.start_char), int(r.end_char)
        if not len(articles) and n + 1 < len(chosen_starts) and chosen_starts[n + 1] > e:
            e = chosen_starts[n + 1]
        body = text[s:e].strip()
        body = body[len(r.label):].lstrip("、．. 　") if body.startswith(r.label) else body
        out.append(Unit(r.label, body, s, e, "" if len(articles) else _squash(str(r.heading))))
    return out


@dataclass(frozen=True, slots=True)
class _Limit:
    start: int
    text: str
    duration_value: str
    duration_unit: str


_LimitIndex = dict[str, tuple[list[int], list[_Limit]]]


def _limit_index(deadlines: pd.DataFrame, wanted: set[str]) -> _LimitIndex:
    """The time limits of the `wanted` documents by their start, read once (a filter of the whole table per
    article was most of the alignment's time on 90 laws; a pandas row per limit of the corpus held half a GB at
    20,000 notices)."""
    own: dict[str, list[_Limit]] = {}
    if deadlines.empty:
        return {}
    d = deadlines[deadlines["doc_id"].isin(wanted)]
    blank = [""] * len(d)
    values = d["duration_value"] if "duration_value" in d.columns else blank
    unit_names = d["duration_unit"] if "duration_unit" in d.columns else blank
    for doc_id, start, text, value, unit in zip(d["doc_id"], d["start_char"], d["text"], values, unit_names):
        own.setdefault(str(doc_id), []).append(_Limit(int(start), str(text), str(value), str(unit)))
    out: _LimitIndex = {}
    for doc_id, limits in own.items():
        limits.sort(key=lambda lim: lim.start)  # stable: limits at one offset keep the table's order
        out[doc_id] = ([lim.start for lim in limits], limits)
    return out


def _limits(index: _LimitIndex, doc_id: str, start: int, end: int) -> list[_Limit]:
    starts, rows = index.get(doc_id, ([], []))
    return rows[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]


def _limit_text(rows: list[_Limit]) -> str:
    return "；".join(r.text for r in rows)


def _days(rows: list[_Limit]) -> float | None:
    for r in rows:
        unit, value = r.duration_unit, r.duration_value
        if unit in _UNIT_DAYS and value:
            try:
                return float(value) * _UNIT_DAYS[unit]
            except ValueError:
                continue
    return None


def _direction(parent: list[_Limit], child: list[_Limit]) -> str:
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
    return _SPACES_AND_PUNCT.sub("", s)


_LeadIndex = dict[str, list[tuple[int, str]]]


def _lead_index(tasks: pd.DataFrame | None, wanted: set[str]) -> _LeadIndex:
    """The `wanted` documents' tasks as (start, lead units), in the table's order, read once: every unit the
    notice marks as leading ("A、B牵头"), else the task's lead unit."""
    out: _LeadIndex = {}
    if tasks is None or tasks.empty:
        return out
    t = tasks[tasks["doc_id"].isin(wanted)]
    # the frame comes through store.coerce, which gives a store written before lead_units the empty column
    for doc_id, start, lead, leads in zip(t["doc_id"], t["start_char"], t["lead_unit"], t["lead_units"]):
        out.setdefault(str(doc_id), []).append((int(start), str(leads or lead)))
    return out


def _leads(index: _LeadIndex, doc_id: str, start: int, end: int) -> str:
    leads = [u for at, units in index.get(doc_id, ()) if start <= at < end for u in units.split("；") if u]
    return "；".join(dict.fromkeys(leads))


def alignment_table(links: list[Link], sections: pd.DataFrame, texts: Mapping[str, str], deadlines: pd.DataFrame, tasks: pd.DataFrame | None = None) -> pd.DataFrame:
    rows: list[dict[str, object]] = []
    wanted = {d for ln in links if ln.parent for d in (ln.parent, ln.child)}
    limits = _limit_index(deadlines, wanted)
    # each document's section rows found once (a filter of the whole table per link grew with links x sections)
    rows_of = sections.groupby("doc_id", sort=False).indices if len(sections) else {}
    none = sections.iloc[0:0]

    def own(doc_id: str) -> pd.DataFrame:
        at = rows_of.get(doc_id)
        return sections.take(at) if at is not None else none

    for ln in links:
        if not ln.parent:
            continue
        ptext, ctext = texts.get(ln.parent, ""), texts.get(ln.child, "")
        pu, cu = _matched_units(own(ln.parent), ptext, own(ln.child), ctext)
        if not pu or not cu:
            continue
        psq, csq = [_squash(a.text) for a in pu], [_squash(b.text) for b in cu]
        score_m, whole_m, cover_m = _similarities(psq, csq)
        score_m = _with_names(score_m, [a.name for a in pu], [b.name for b in cu])
        scores = sorted(((float(score_m[i, j]), float(whole_m[i, j]), i, j) for i in range(len(psq)) for j in range(len(csq))), reverse=True)
        taken_p: dict[int, tuple[float, float, int]] = {}
        taken_c: dict[int, list[int]] = {}
        for score, whole, i, j in scores:
            if score < MODIFIED:
                break
            if i in taken_p:
                continue
            # a child article may carry several of the parent's, those shorter than it and at most one other (北京
            # 第二条 restates 代表法 第二条 and holds 第六条, "代表受原选区选民或者原选举单位的监督", whole)
            if j in taken_c and len(psq[i]) >= len(csq[j]) and any(len(psq[k]) >= len(csq[j]) for k in taken_c[j]):
                continue
            taken_p[i] = (score, whole, j)
            taken_c.setdefault(j, []).append(i)
        _mutual_best(score_m, whole_m, cover_m, taken_p, taken_c)
        fam = ln.parent
        for i, a in enumerate(pu):
            plim = _limits(limits, ln.parent, a.start, a.end)
            if i in taken_p:
                score, whole, j = taken_p[i]
                b = cu[j]
                clim = _limits(limits, ln.child, b.start, b.end)
                rel = "same" if whole >= SAME else "modified"
                rows.append(_row(fam, ln, a, b, rel, score, plim, clim, whole))
            else:
                rows.append(_row(fam, ln, a, None, "omitted", 0.0, plim, []))
        for j, b in enumerate(cu):
            if j not in taken_c:
                rows.append(_row(fam, ln, None, b, "added", 0.0, [], _limits(limits, ln.child, b.start, b.end)))
    if tasks is not None and len(tasks) and rows:
        leads = _lead_index(tasks, wanted)
        for r in rows:
            if r["parent_start"] != "":
                r["parent_lead_units"] = _leads(leads, str(r["parent_doc_id"]), int(r["parent_start"]), int(r["parent_end"]))  # type: ignore[call-overload]
            if r["child_start"] != "":
                r["child_lead_units"] = _leads(leads, str(r["child_doc_id"]), int(r["child_start"]), int(r["child_end"]))  # type: ignore[call-overload]
    return pd.DataFrame(rows, columns=ALIGNMENT_COLUMNS).astype("string").fillna("")


def _matched_units(parent: pd.DataFrame, ptext: str, child: pd.DataFrame, ctext: str) -> tuple[list[Unit], list[Unit]]:
    """The two texts' units at levels of one grain: a city that puts its items one level deeper than the State
    Council (苏州's "（一）推进制造业设备更新与技术改造" over "1．加快重点行业技术改造", "2．…", under 国发〔2024〕7号's
    "（一）推进重点行业设备更新改造。…") is read down to level 3 when that brings its count of units nearer the
    other's; texts of articles keep their articles."""
    pu, cu = units(parent, ptext), units(child, ctext)
    for side in ("child", "parent"):
        mine, other = (cu, pu) if side == "child" else (pu, cu)
        frame, text = (child, ctext) if side == "child" else (parent, ptext)
        if not mine or not mine[0].name:
            continue  # articles
        deeper = units(frame, text, depth=3)
        if abs(len(deeper) - len(other)) < abs(len(mine) - len(other)):
            if side == "child":
                cu = deeper
            else:
                pu = deeper
    return pu, cu


def _with_names(score_m: Any, parent: Sequence[str], child: Sequence[str]) -> Any:
    """Pairing scores raised where two heading units bear the same name: a province rewrites what the State
    Council's item says under that item's own heading (国发〔2024〕7号 "（五）开展汽车以旧换新。加大政策支持力度…"
    and 辽宁 "（十五）开展汽车以旧换新。利用中央节能减排补助等专项资金…": bodies 0.2 alike, names identical). Names
    at least NAME_SAME alike (rapidfuzz ratio) score their ratio; articles have no names and keep their scores."""
    import numpy as np
    from rapidfuzz import fuzz, process

    if not any(parent) or not any(child):
        return score_m
    names = process.cdist(list(parent), list(child), scorer=fuzz.ratio, processor=None)
    names[[not n for n in parent], :] = 0
    names[:, [not n for n in child]] = 0
    return np.where(names >= NAME_SAME, np.maximum(score_m, names), score_m)


def _mutual_best(score_m: Any, whole_m: Any, cover_m: Any, taken_p: dict[int, tuple[float, float, int]], taken_c: dict[int, list[int]]) -> None:
    """Pairs below MODIFIED that still belong together: a local regulation rewrites the national article in
    its own words and order (河南省优化营商环境条例 第二十八条 "本省应当推进政府服务标准化…" for 优化营商环境条例
    第三十五条, score 35), so no fixed score tells them from chance; but each is the other's best match of all
    the articles left, by a clear margin over the parent article's next best, and the child carries some of
    the parent's distinctive wording (MUTUAL_COVERAGE: two articles of legal boilerplate, "依照法定权限和程序…" and
    "法律、行政法规已有处罚规定的，从其规定", share none). Taken in place in the two maps."""
    import numpy as np

    free_p = [i for i in range(score_m.shape[0]) if i not in taken_p]
    free_c = [j for j in range(score_m.shape[1]) if j not in taken_c]
    if not free_p or not free_c:
        return
    sub = score_m[np.ix_(free_p, free_c)]
    for a, i in enumerate(free_p):
        row = sub[a]
        b = int(np.argmax(row))
        best = float(row[b])
        second = float(np.partition(row, -2)[-2]) if len(row) > 1 else 0.0
        j = free_c[b]
        if best < MUTUAL_MIN or best - second < MUTUAL_MARGIN or int(np.argmax(sub[:, b])) != a or cover_m[i, j] < MUTUAL_COVERAGE:
            continue
        taken_p[i] = (best, float(whole_m[i, j]), j)
        taken_c.setdefault(j, []).append(i)


def _similarity(a: str, b: str) -> tuple[float, float]:
    """(pairing score, whole-text ratio) of two articles (squashed): _similarities for one pair."""
    score, whole, _ = _similarities([a], [b])
    return float(score[0, 0]), float(whole[0, 0])


def _similarities(parent: Sequence[str], child: Sequence[str]) -> tuple[Any, Any, Any]:
    """(pairing scores, whole-text ratios, coverages), parent articles by child articles, all pairs at once
    (rapidfuzz.process.cdist: the pairs in C, not a Python call each). A local article often carries the
    national one inside a longer text of its own (优化营商环境条例 第十六条 in 山东 第二十一条, with more duties
    added): the whole-text ratio is low (42) though the parent's article is all there, so the pairing score is
    the better of the whole-text ratio and the shorter article's best match inside the longer (rapidfuzz
    partial_ratio, 68); `same` still needs the whole texts alike."""
    import numpy as np

    whole = process.cdist(parent, child, scorer=fuzz.ratio, workers=1, dtype=np.float64)
    # one thread: a thread pool left in the process would deadlock a later fork of it (the worker pool, tests)
    part = process.cdist(parent, child, scorer=fuzz.partial_ratio, workers=1, dtype=np.float64)
    shortest = np.minimum.outer(np.array([len(x) for x in parent]), np.array([len(y) for y in child]))
    # the mean with the whole-text ratio: a short article's phrases common to the whole law (本级人民代表大会常务
    # 委员会) find a fair match inside many long articles, which the whole-text ratio does not reward
    score = np.where(shortest >= PARTIAL_MIN_CHARS, np.maximum(whole, (part + whole) / 2), whole)
    cover = _coverage(parent, child)
    return np.maximum(score, cover), whole, cover


def _coverage(parent: Sequence[str], child: Sequence[str]) -> Any:
    """How much of each parent article's wording each child article carries (0-100): the share of the parent
    article's character bigrams found in the child's, each weighted by its rarity among the two texts' articles
    (志愿服务 and 人民代表大会 stand in every article and say nothing of which two belong together). A local text
    often restates a national article with its own words woven through it (浙江省志愿服务条例 第五条 carries
    志愿服务条例 第五条 with 志愿服务工作委员会 and more duties: edit ratio 46, partial 45), which the edit
    ratios miss; a child article more than COVERAGE_LENGTH times the parent's is discounted, since a long
    article holds many phrases of any short one."""
    import numpy as np

    scores = np.zeros((len(parent), len(child)), dtype=np.float64)
    pgrams = [{t[k : k + 2] for k in range(len(t) - 1)} for t in parent]
    cgrams = [{t[k : k + 2] for k in range(len(t) - 1)} for t in child]
    vocab = {g: n for n, g in enumerate(sorted(set().union(*pgrams)))}
    if not vocab or not child:
        return scores
    pm = np.zeros((len(parent), len(vocab)), dtype=np.float32)
    cm = np.zeros((len(child), len(vocab)), dtype=np.float32)
    for m, grams in ((pm, pgrams), (cm, cgrams)):
        for row, gs in enumerate(grams):
            cols = [vocab[g] for g in gs if g in vocab]
            m[row, cols] = 1.0
    df = pm.sum(axis=0) + cm.sum(axis=0)
    idf = np.log((len(parent) + len(child)) / df).astype(np.float32)
    weighted = pm * idf
    own = weighted.sum(axis=1)
    shared = weighted @ cm.T
    plen = np.array([len(t) for t in parent], dtype=np.float64)
    clen = np.array([max(len(t), 1) for t in child], dtype=np.float64)
    share = np.divide(shared, own[:, None], out=np.zeros_like(scores), where=own[:, None] > 0)
    length = np.sqrt(np.minimum(1.0, COVERAGE_LENGTH * plen[:, None] / clen[None, :]))
    long_enough = (plen[:, None] >= COVERAGE_MIN_CHARS) & (clen[None, :] >= COVERAGE_MIN_CHARS)
    return np.where(long_enough, 100.0 * share * length, 0.0)


def _row(fam: str, ln: Link, a: Unit | None, b: Unit | None, rel: str, score: float, plim: list[_Limit], clim: list[_Limit], whole: float | None = None) -> dict[str, object]:
    return {
        "family_id": fam, "parent_doc_id": ln.parent, "child_doc_id": ln.child,
        "parent_unit": a.label if a else "", "child_unit": b.label if b else "", "relation": rel,
        "similarity": f"{score / 100:.2f}", "whole_similarity": f"{whole / 100:.2f}" if whole is not None else "",
        "parent_text": a.text if a else "", "child_text": b.text if b else "",
        "parent_limits": _limit_text(plim), "child_limits": _limit_text(clim), "limit_direction": _direction(plim, clim),
        "parent_start": a.start if a else "", "parent_end": a.end if a else "",
        "child_start": b.start if b else "", "child_end": b.end if b else "",
    }


def build_families(
    docs: pd.DataFrame, references: pd.DataFrame, sections: pd.DataFrame, texts: Mapping[str, str], deadlines: pd.DataFrame,
    tasks: pd.DataFrame | None = None, *, user: Iterable[Link] = (),
) -> dict[str, pd.DataFrame]:
    """Families by the analyst's file first, then by citation, then by shared subject, then by reused wording;
    a text linked by an earlier way is not linked again by a later one. `texts`: doc_id -> normalised text
    (store.TextsById over a texts table, or store.StoreTexts reading them from the store)."""
    links = list(user)
    named = {ln.child for ln in links}
    links += [ln for ln in family_links(docs, references, texts) if ln.child not in named]
    # a text that cites only a parent outside the corpus (《教育法》) may still implement one inside it by
    # subject (北京市学前教育条例 under 学前教育法, which the older text could not cite)
    linked = {ln.child for ln in links if ln.parent}
    links += subject_links(docs, linked)
    linked = {ln.child for ln in links}
    links += reuse_links(docs, texts, linked | {ln.parent for ln in links if ln.parent})
    links = _without_lone_absent(links)
    titles = dict(zip(docs["doc_id"], docs["title"]))
    return {"families": families_table(links, titles), "alignment": alignment_table(links, sections, texts, deadlines, tasks)}


def _without_lone_absent(links: list[Link]) -> list[Link]:
    """A text that cites a parent in the corpus and also one outside it (河南省优化营商环境条例: 根据《民法典》和
    国务院《优化营商环境条例》) makes no family of its own under the absent one, unless another text shares it. A
    text linked to a present parent only by subject keeps the absent one it cites (山东省学前教育条例 cites
    《教育法》)."""
    with_parent = {ln.child for ln in links if ln.parent and ln.how.startswith("cites")}
    members = Counter(ln.parent_key for ln in links if not ln.parent)
    return [ln for ln in links if ln.parent or members[ln.parent_key] > 1 or ln.child not in with_parent]
