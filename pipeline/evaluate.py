"""Score output tables against gold files (format: ../shared/gold/README.md).

Document fields by exact normalised value; recipients, cc, references, sections (levels 1-2), domains, lead
assignments as (domain, unit_type), deadline end dates, ranges and frequencies as sets; task titles, task
title + due date, and task units where one name contains the other. Gold lists the tasks that name their
units, so task rows without units (items beside tagged ones) are not scored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import pandas as pd
import regex

from .store import as_text, load_tables

DOC_FIELDS = (
    "doc_number", "doc_number_agency", "doc_number_year", "doc_number_serial", "issuer", "title", "doc_type",
    "signed_date", "issued_date", "printer", "region_province", "region_city", "admin_level",
)
_BRACKETS = str.maketrans({"〈": "《", "〉": "》", "(": "（", ")": "）", "[": "〔", "]": "〕", "［": "〔", "］": "〕", ",": "，", ":": "：", ";": "；"})
_SPACES = regex.compile(r"\s+")


def norm(value: Any) -> str:
    """Whitespace removed, brackets and parentheses unified."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    s = str(value)
    if s.endswith(".0") and s[:-2].isdigit():
        s = s[:-2]
    return _SPACES.sub("", s).translate(_BRACKETS)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def set_score(gold: Iterable[Any], got: Iterable[Any]) -> Score:
    g, o = set(gold), set(got)
    return Score(len(g & o), len(o - g), len(g - o))


def _value_score(gold: str, got: str) -> Score:
    if not gold:
        return Score(0, 1 if got else 0, 0)
    if gold == got:
        return Score(1, 0, 0)
    return Score(0, 1 if got else 0, 1)


def _units_match(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a in b or b in a)


def _task_units(gold: list[dict[str, Any]], ours: pd.DataFrame) -> Score:
    """Pair gold tasks with ours (same title, then same due date, then most shared units); score units."""
    score = Score()
    pool = [
        (norm(r["title"]), norm(r["due_date"]), [norm(u) for u in str(r["units"]).split("；") if u])
        for _, r in ours.iterrows()
    ]
    used: set[int] = set()
    for g in gold:
        gt, gd, gu = norm(g["title"]), norm(g.get("due_date", "")), [norm(u) for u in g.get("units", [])]
        best, best_key = None, None
        for i, (t, d, u) in enumerate(pool):
            if i in used or t != gt:
                continue
            overlap = sum(1 for x in gu if any(_units_match(x, y) for y in u))
            key = (d == gd, overlap, -abs(len(u) - len(gu)))
            if best_key is None or key > best_key:
                best, best_key = i, key
        if best is None:
            score.fn += len(gu)
            continue
        used.add(best)
        ou = pool[best][2]
        matched_o: set[int] = set()
        for x in gu:
            j = next((j for j, y in enumerate(ou) if j not in matched_o and _units_match(x, y)), None)
            if j is None:
                score.fn += 1
            else:
                matched_o.add(j)
                score.tp += 1
        score.fp += len(ou) - len(matched_o)
    for i, (_, _, u) in enumerate(pool):
        if i not in used:
            score.fp += len(u)
    return score


def _rows(tables: dict[str, pd.DataFrame], name: str, doc_id: str) -> pd.DataFrame:
    df = tables[name]
    return df[df["doc_id"] == doc_id]


def score_document(gold: dict[str, Any], tables: dict[str, pd.DataFrame], doc_id: str) -> dict[str, Score]:
    out: dict[str, Score] = {}
    docs = _rows(tables, "documents", doc_id)
    ours = docs.iloc[0].to_dict() if len(docs) else {}
    gdoc = gold.get("document", {})
    for f in DOC_FIELDS:
        if f in gdoc:
            out[f] = _value_score(norm(gdoc[f]), norm(ours.get(f, "")))
    for f in ("recipients", "cc"):
        if f in gdoc:
            got = [norm(x) for x in str(ours.get(f, "") or "").split("；") if x]
            out[f] = set_score((norm(x) for x in gdoc[f]), got)
    refs = _rows(tables, "references", doc_id)
    if "references" in gold:
        out["references"] = set_score(
            ((norm(r.get("cited_doc_number")), norm(r.get("cited_title")), norm(r.get("alias"))) for r in gold["references"]),
            ((norm(r.cited_doc_number), norm(r.cited_title), norm(r.alias)) for r in refs.itertuples()),
        )
    if "sections" in gold:
        secs = _rows(tables, "sections", doc_id)
        out["sections"] = set_score(
            ((int(s["level"]), norm(s["heading"])) for s in gold["sections"]),
            ((int(r.level), norm(r.heading)) for r in secs.itertuples() if int(r.level) <= 2),
        )
    doms = _rows(tables, "domains", doc_id)
    doms = doms[doms["taxonomy"] == "gov-open-26"]
    if "domains" in gold:
        out["domains"] = set_score((norm(d) for d in gold["domains"] or []), (norm(d) for d in doms["domain"]))
    if gold.get("domain_mentions") is not None:
        out["domain_mentions"] = set_score((norm(d) for d in gold["domain_mentions"]), (norm(d) for d in doms["mention"]))
    if "assignments" in gold:
        asg = _rows(tables, "assignments", doc_id)
        ga = gold["assignments"] or []
        out["assignments_lead"] = set_score(
            ((norm(a["domain"]), norm(a["unit_type"])) for a in ga if a["role"] == "lead"),
            ((norm(r.domain), norm(r.unit_type)) for r in asg.itertuples() if r.role == "lead"),
        )
        out["assignments"] = set_score(
            ((norm(a["domain"]), norm(a["unit"]), a["role"]) for a in ga),
            ((norm(r.domain), norm(r.unit), r.role) for r in asg.itertuples()),
        )
    if "deadlines" in gold:
        dl = _rows(tables, "deadlines", doc_id)
        gd = gold["deadlines"]
        out["deadline_end"] = set_score((d["end"] for d in gd if d.get("end")), (e for e in dl["end"] if e))
        out["deadline_range"] = set_score(
            ((d["start"], d["end"]) for d in gd if d.get("kind") == "range"),
            ((r.start, r.end) for r in dl.itertuples() if r.kind == "range"),
        )
        out["deadline_frequency"] = set_score((d["frequency"] for d in gd if d.get("frequency")), (f for f in dl["frequency"] if f))
    if "tasks" in gold:
        tk = _rows(tables, "tasks", doc_id)
        tk = tk[tk["units"] != ""]  # gold lists the tasks that name units; the rows without units are extra
        gt = gold["tasks"]
        out["task_title"] = set_score((norm(t["title"]) for t in gt), (norm(t) for t in tk["title"]))
        out["task_title_due"] = set_score(
            ((norm(t["title"]), norm(t.get("due_date", ""))) for t in gt), ((norm(r.title), norm(r.due_date)) for r in tk.itertuples())
        )
        out["task_units"] = _task_units(gt, tk)
    return out


def read_tables(out_dir: Path) -> dict[str, pd.DataFrame]:
    """The output tables as text (the gold files hold text)."""
    return as_text(load_tables(out_dir))


@dataclass
class Report:
    per_doc: dict[str, dict[str, Score]] = field(default_factory=dict)
    total: dict[str, Score] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)


def evaluate(gold_dir: Path, out_dir: Path, *, doc_map: Callable[[str], str] = lambda d: d) -> Report:
    tables = read_tables(out_dir)
    rep = Report()
    present = set(tables["documents"]["doc_id"])
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        gid = gold.get("doc_id", path.stem)
        doc_id = doc_map(gid)
        if doc_id not in present:
            rep.missing.append(gid)
        scores = score_document(gold, tables, doc_id)
        rep.per_doc[gid] = scores
        for f, s in scores.items():
            rep.total.setdefault(f, Score()).add(s)
    return rep


def format_report(rep: Report) -> str:
    lines = []
    for doc_id, scores in rep.per_doc.items():
        lines.append(f"== {doc_id}")
        lines.append(f"{'field':22} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
        for f, s in scores.items():
            lines.append(f"{f:22} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:4d}{s.fp:4d}{s.fn:4d}")
    lines.append("== all documents")
    for f, s in rep.total.items():
        lines.append(f"{f:22} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:4d}{s.fp:4d}{s.fn:4d}")
    for m in rep.missing:
        lines.append(f"missing from the output: {m}")
    return "\n".join(lines)
