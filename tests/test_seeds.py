"""The two seed notices end to end, from text (issue 2)."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
import regex

from conftest import need_shared, run_cli
from pipeline.evaluate import evaluate

TABLES = ("documents", "references", "sections", "domains", "assignments", "tasks", "deadlines", "errors")


def schema_columns() -> dict[str, list[str]]:
    """Column names per table, read from the contract in ../shared/SCHEMA.md."""
    text = need_shared("SCHEMA.md").read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    for m in regex.finditer(r"^`(\w+)` — .*\n((?:.+\n)+?)(?:\n|$)", text, regex.M):
        body = m.group(2)
        prev = None
        while prev != body:  # drop parenthesised notes, innermost first
            prev, body = body, regex.sub(r"\([^()]*\)", "", body)
        column_list = regex.split(r"\.(?:\s|$)", body.replace("\n", " "))[0]  # the sentence listing the columns
        cols = [c.strip() for c in column_list.split(",")]
        out[m.group(1)] = [c for c in cols if regex.fullmatch(r"[a-z_0-9]+", c)]
    return out


def read(out: Path, table: str) -> pd.DataFrame:
    return pd.read_csv(out / f"{table}.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")


def test_every_schema_table_is_written_with_its_columns(seed_out: Path) -> None:
    schema = schema_columns()
    assert set(TABLES) <= set(schema), f"SCHEMA.md tables: {sorted(schema)}"
    for table in TABLES:
        raw = (seed_out / f"{table}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), f"{table}.csv must be UTF-8 with BOM"
        header = next(csv.reader([raw.decode("utf-8-sig").splitlines()[0]]))
        missing = [c for c in schema[table] if c not in header]
        assert not missing, f"{table}.csv lacks contract columns {missing}"
        assert [c for c in header if c in schema[table]] == schema[table], f"{table}.csv: contract columns out of order"


def test_seeds_score_perfectly_against_gold(seed_out: Path) -> None:
    rep = evaluate(need_shared("gold"), seed_out)
    assert not rep.missing
    bad = {f"{doc}:{field}": round(s.f1, 3) for doc, scores in rep.per_doc.items() for field, s in scores.items() if s.f1 < 1.0}
    assert not bad, f"fields below F1=1.000: {bad}"


def test_evaluate_command_prints_scores(seed_out: Path) -> None:
    proc = run_cli("evaluate", "--gold", str(need_shared("gold")), "--out", str(seed_out))
    assert proc.returncode == 0, proc.stderr
    assert "task_units" in proc.stdout and "1.000" in proc.stdout


@pytest.mark.parametrize("table", ["references", "domains", "assignments", "tasks", "deadlines"])
def test_offsets_point_at_evidence(seed_out: Path, table: str) -> None:
    df = read(seed_out, table)
    assert len(df), f"{table} is empty on the seeds"
    texts = {d: (seed_out / "text" / f"{d}.txt").read_text(encoding="utf-8") for d in df["doc_id"].unique()}
    for r in df.itertuples():
        text = texts[r.doc_id]
        s, e = int(r.start_char), int(r.end_char)
        assert text[s:e] in r.evidence or r.evidence in text[s:e], f"{table} row {r.Index}: offsets {s}-{e} do not point at its evidence"
        assert r.evidence in text, f"{table} row {r.Index}: evidence not found in the normalised text"


def test_section_offsets_point_at_headings(seed_out: Path) -> None:
    df = read(seed_out, "sections")
    for r in df.itertuples():
        text = (seed_out / "text" / f"{r.doc_id}.txt").read_text(encoding="utf-8")
        s = int(r.start_char)
        assert text[s:].startswith(r.label), f"section {r.section_id} of {r.doc_id}: label {r.label} not at {s}"
        assert r.heading in text[s : s + len(r.label) + len(r.heading) + 2], f"heading {r.heading} not at its offset"


def test_document_evidence_offsets(seed_out: Path) -> None:
    import json

    docs = read(seed_out, "documents")
    for r in docs.itertuples():
        text = (seed_out / "text" / f"{r.doc_id}.txt").read_text(encoding="utf-8")
        ev = json.loads(r.evidence)
        assert text[ev["doc_number"][0] : ev["doc_number"][1]] == r.doc_number
        assert text[ev["title"][0] : ev["title"][1]] == r.title
        for field in ("issuer", "signed_date"):
            assert field in ev, f"{r.doc_id}: no evidence for {field}"


def test_normalised_text_has_no_spaces_in_chinese(seed_out: Path) -> None:
    for path in (seed_out / "text").glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        assert not regex.search(r"\p{Han}[ \u3000]+[\p{Han}\d]|\d[ ]+\p{Han}", text), f"{path.name}: spaces left inside Chinese text"
        assert "豫政办 〔" not in text and "(市)" not in text


def test_text_rows_have_no_page(seed_out: Path) -> None:
    for table in ("assignments", "tasks", "deadlines"):
        assert (read(seed_out, table)["page"] == "").all(), f"{table}: text input has no pages"


def test_doc_number_line_not_glued_to_title(seed_out: Path) -> None:
    docs = read(seed_out, "documents")
    for r in docs.itertuples():
        assert r.doc_number not in r.title and not r.title.startswith(r.issuer + "文件"), f"{r.doc_id}: title {r.title}"


def test_henan_notice_elements(seed_out: Path) -> None:
    """Values checked by reading the Henan seed (豫政办〔2020〕5号)."""
    d = read(seed_out, "documents").set_index("doc_id").loc["000_0ac1c0e2edb665b1"]
    assert d.doc_number == "豫政办〔2020〕5号" and d.doc_number_agency == "豫政办"
    assert d.recipients.split("；")[2] == "各省直管县（市）人民政府"
    assert d.cc.split("；")[-1] == "省检察院" and len(d.cc.split("；")) == 8
    assert (d.signed_date, d.issued_date, d.region_province, d.admin_level) == ("2020-03-11", "2020-03-12", "河南省", "provincial")


def test_tieling_plan_tables(seed_out: Path) -> None:
    """The Tieling plan's attachment tables: merged cells filled, the table split over pages stitched."""
    a = read(seed_out, "assignments")
    t = a[(a.doc_id == "003_2fba04c4cb047aff") & (a.domain == "公共资源交易")]
    assert list(t.unit) == ["市发展改革委"], "blank 责任部门 under 市发展改革委 is the merged cell above"
    assert (t.source == "table").all()
    tasks = read(seed_out, "tasks")
    tt = tasks[tasks.doc_id == "003_2fba04c4cb047aff"]
    assert len(tt) == 7, f"7 task rows across the stitched table, got {len(tt)}"
    last = tt.iloc[-1]
    assert last.title == "开展政务公开重点工作标准化规范化试点" and last.due_date == "2022-06-30"
    d = read(seed_out, "deadlines")
    assert set(d[d.task_id != ""].doc_id) == {"003_2fba04c4cb047aff"}, "table deadlines link to their task"


def test_document_dates_are_not_deadlines(seed_out: Path) -> None:
    d = read(seed_out, "deadlines")
    assert "2020-03-11" not in set(d.end) and "2020-03-12" not in set(d.end) and "2020-06-12" not in set(d.end)


def test_list_cells_hold_no_line_breaks(seed_out: Path) -> None:
    docs = read(seed_out, "documents")
    for col in ("recipients", "cc", "attachments", "title", "issuer"):
        for v in docs[col]:
            assert "\n" not in v and " " not in v, f"{col}: {v!r}"
