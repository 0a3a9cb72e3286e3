"""Codebooks an analyst writes (--taxonomy FILE): applied per sentence with evidence, reported per document in
compare's codebooks table; the 26 pilot domains are one codebook among several (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from conftest import need_shared, run_cli

pytestmark = [pytest.mark.shared]

CODEBOOK = """taxonomies:
  - id: med-devices
    min_distinct: 2
    domains:
      临床试验: [临床试验]
      审评审批: [审评, 审批]
      医保支付: [医保]
"""


def test_codebook_applies_with_evidence(tmp_path: Path) -> None:
    notice = need_shared("corpus", "wild", "huace", "sh_hufubanfa_2025_17_medical_devices_action_plan.md")
    book = tmp_path / "med.yaml"
    book.write_text(CODEBOOK, encoding="utf-8")
    out = tmp_path / "out"
    proc = run_cli(str(notice), str(need_shared("seeds", "000_0ac1c0e2edb665b1.txt")), "--out", str(out), "--taxonomy", str(book))
    assert proc.returncode == 0, proc.stderr
    assert run_cli("compare", "--out", str(out), "--format", "csv").returncode == 0
    codes = pd.read_csv(out / "compare" / "codebooks.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    mine = codes[codes["taxonomy"] == "med-devices"]
    # counted by hand in the notice: 临床试验 5 times; 医保 3 times, one of them in the unit 市医保局 (no mention)
    got = dict(zip(mine["domain"], mine["mentions"].astype(int)))
    assert got["临床试验"] == 5 and got["医保支付"] == 2, got
    assert set(mine["doc_id"]) == {"sh_hufubanfa_2025_17_medical_devices_action_plan"}, "the seed names no code: no rows, not zeros"
    assert all("临床试验" in e for e in mine[mine["domain"] == "临床试验"]["first_evidence"])
    assert len(codes[codes["taxonomy"] == "gov-open-26"]) >= 20, "the shipped 26-domain codebook still applies to the seed"
    domains = pd.read_csv(out / "domains.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    ev = domains[domains["taxonomy"] == "med-devices"]
    assert len(ev) == int(mine["mentions"].astype(int).sum()) and ev["evidence"].str.len().gt(0).all()


def test_bad_codebook_is_a_usage_error(tmp_path: Path) -> None:
    book = tmp_path / "bad.yaml"
    book.write_text("taxonomies:\n  - id: x\n    domian: {}\n", encoding="utf-8")
    proc = run_cli(str(need_shared("seeds")), "--out", str(tmp_path / "out"), "--taxonomy", str(book))
    assert proc.returncode == 2 and "domian" in proc.stderr, proc.stderr
    proc = run_cli(str(need_shared("seeds")), "--out", str(tmp_path / "out"), "--taxonomy", str(tmp_path / "none.yaml"))
    assert proc.returncode == 2 and "not found" in proc.stderr, proc.stderr
