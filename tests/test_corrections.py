"""An analyst's corrections (corrections.csv, issue 16): applied on the next run, marked in every table, kept
when the corpus is re-extracted, and applying them twice changes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from conftest import SEEDS, read_table, run_cli

HENAN = "000_0ac1c0e2edb665b1"
TIELING = "003_2fba04c4cb047aff"


def _corrections(out: Path) -> pd.DataFrame:
    docs = read_table(out, "documents").set_index("doc_id")
    deadlines = read_table(out, "deadlines")
    tasks = read_table(out, "tasks")
    asg = read_table(out, "assignments")
    dl = deadlines[deadlines["doc_id"] == TIELING].iloc[0]
    task = tasks[tasks["doc_id"] == HENAN].iloc[0]
    a = asg[asg["doc_id"] == HENAN].iloc[0]
    text = (out / "text" / f"{HENAN}.txt").read_text(encoding="utf-8")
    at = text.index("2020年3月11日")  # the signing date line, which the seed's body does not repeat as a limit
    rows = [
        (docs.loc[HENAN, "sha256"], HENAN, "documents", "issuer", "", "", docs.loc[HENAN, "issuer"], "edit", "河南省人民政府办公厅（校）"),
        (docs.loc[TIELING, "sha256"], TIELING, "deadlines", "text", dl["start_char"], dl["end_char"], dl["text"], "reject", ""),
        (docs.loc[HENAN, "sha256"], HENAN, "tasks", "title", task["start_char"], task["end_char"], task["title"], "edit", "改写后的任务"),
        (docs.loc[HENAN, "sha256"], HENAN, "assignments", "unit", a["start_char"], a["end_char"], a["unit"], "accept", ""),
        (docs.loc[HENAN, "sha256"], HENAN, "deadlines", "text", str(at), str(at + len("2020年3月11日")), "", "add", "2020年3月11日"),
    ]
    return pd.DataFrame([[*r, "", "2026-12-04T00:00:00"] for r in rows], columns=["sha256", "doc_id", "table", "field", "start_char", "end_char", "original", "action", "value", "note", "created_at"])


def test_corrections_apply_mark_and_survive_reextraction(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, inp)
    out = tmp_path / "out"
    assert run_cli(str(inp), "--out", str(out)).returncode == 0
    before = {n: read_table(out, n) for n in ("deadlines", "tasks")}
    fixes = _corrections(out)
    fixes.to_csv(out / "corrections.csv", index=False, encoding="utf-8-sig")

    def check() -> None:
        docs = read_table(out, "documents").set_index("doc_id")
        assert docs.loc[HENAN, "issuer"] == "河南省人民政府办公厅（校）" and docs.loc[HENAN, "corrected"] == "issuer:edit"
        dl = read_table(out, "deadlines")
        rejected = fixes.iloc[1]
        gone = dl[(dl["doc_id"] == TIELING) & (dl["start_char"] == rejected["start_char"]) & (dl["text"] == rejected["original"])]
        assert gone.empty, "the rejected deadline is gone"
        assert len(dl[dl["doc_id"] == TIELING]) == len(before["deadlines"].query("doc_id == @TIELING")) - 1
        added = dl[(dl["doc_id"] == HENAN) & (dl["corrected"] == "added")]
        assert list(added["text"]) == ["2020年3月11日"] and list(added["evidence"]) == ["2020年3月11日"]
        tasks = read_table(out, "tasks")
        edited = tasks[(tasks["doc_id"] == HENAN) & (tasks["corrected"] == "edited")]
        assert list(edited["title"]) == ["改写后的任务"]
        asg = read_table(out, "assignments")
        assert (asg["corrected"] == "accepted").sum() >= 1

    proc = run_cli(str(inp), "--out", str(out))
    assert proc.returncode == 0 and "corrections: 5 applied" in proc.stdout, proc.stdout
    check()
    again = run_cli(str(inp), "--out", str(out))
    assert "corrections: 0 applied, 5 already in effect, 0 matching nothing" in again.stdout, again.stdout
    check()
    # a re-extraction (new code or rules: --rebuild) gets the same corrections again, matched by content hash
    rebuilt = run_cli(str(inp), "--out", str(out), "--rebuild")
    assert rebuilt.returncode == 0 and "5 applied" in rebuilt.stdout, rebuilt.stdout
    check()


def test_bad_corrections_file_is_a_usage_error(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "corrections.csv").write_text("sha256,table,field,action\nabc,tasks,title,delete\n", encoding="utf-8")
    proc = run_cli(str(SEEDS), "--out", str(out))
    assert proc.returncode == 2 and "delete" in proc.stderr and "corrections.csv" in proc.stderr, proc.stderr
