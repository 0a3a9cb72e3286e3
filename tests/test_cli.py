"""The command line: inputs, exit status, errors rows that do not stop the batch."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd

from conftest import SEEDS, run_cli

ROOT = Path(__file__).resolve().parent.parent


def test_bad_file_becomes_an_errors_row_and_the_batch_goes_on(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    shutil.copy(SEEDS / "003_2fba04c4cb047aff.txt", inp)
    (inp / "empty.txt").write_bytes(b"")
    (inp / "broken.txt").write_bytes(bytes(range(128, 256)) * 40)
    (inp / "notes.xlsx").write_bytes(b"PK")  # not a notice format: skipped with a reason, not an error
    out = tmp_path / "out"
    proc = run_cli(str(inp), "--out", str(out))
    assert proc.returncode == 1, f"an errors row means exit 1; stderr: {proc.stderr}"
    errors = pd.read_csv(out / "errors.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert set(errors.doc_id) == {"empty", "broken"}, errors.to_string()
    assert errors.set_index("doc_id").loc["empty", "error"].find("empty") != -1
    docs = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert docs.set_index("doc_id").loc["003_2fba04c4cb047aff", "doc_number"] == "铁公开领〔2020〕1号"
    assert "1 other files skipped" in proc.stdout


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run_cli(str(tmp_path / "missing.txt")).returncode == 2
    assert run_cli("--no-such-flag").returncode == 2
    assert run_cli("evaluate").returncode == 2, "evaluate needs --gold"


def test_unsupported_file_named_explicitly_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "data.sql"
    f.write_text("INSERT INTO t VALUES (1);", encoding="utf-8")
    proc = run_cli(str(f), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1
    errors = pd.read_csv(tmp_path / "out" / "errors.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert "unsupported file type .sql" in errors.error[0]


def test_help_lists_every_subcommand() -> None:
    proc = run_cli("--help")
    assert proc.returncode == 0
    for cmd in ("run", "compare", "report", "evaluate"):
        assert f"\n  {cmd} " in proc.stdout, proc.stdout
    assert "exit status" in proc.stdout and "--workers" in proc.stdout


def test_mistyped_command_suggests_the_right_one() -> None:
    proc = run_cli("compar")
    assert proc.returncode == 2
    assert "did you mean compare?" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr


def test_rules_option_uses_an_edited_copy(tmp_path: Path) -> None:
    """--rules DIR runs with an analyst's edited copy of rules/: a document type added there (工作备忘录) makes
    a title the shipped rules do not know a title; the worker processes use the copy too."""
    import shutil

    import yaml

    from pipeline import rules

    copy = tmp_path / "myrules"
    shutil.copytree(rules.default_folder(), copy, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    data = yaml.safe_load((copy / "elements.yaml").read_text(encoding="utf-8"))
    assert "工作备忘录" not in data["doc_types"]
    data["doc_types"].append("工作备忘录")
    (copy / "elements.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    notice = tmp_path / "in" / "n.txt"
    notice.parent.mkdir()
    notice.write_text("某市教育局\n某教〔2024〕3号\n某市中小学课后服务工作备忘录\n各学校：\n现将有关事项通知如下。各学校要于2024年9月1日前完成课后服务安排。\n某市教育局\n2024年8月1日\n", encoding="utf-8")

    def title(out: Path, *extra: str) -> str:
        proc = subprocess.run([sys.executable, str(ROOT / "run_pipeline.py"), str(notice.parent), "--out", str(out), "--workers", "1", *extra], capture_output=True, text=True, timeout=300)
        assert proc.returncode in (0, 1), proc.stderr
        return str(pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)["title"].iloc[0])

    assert title(tmp_path / "shipped") != "某市中小学课后服务工作备忘录"
    assert title(tmp_path / "edited", "--rules", str(copy)) == "某市中小学课后服务工作备忘录"


def test_rules_option_names_a_bad_folder(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "run_pipeline.py"), str(tmp_path), "--rules", str(tmp_path / "none")], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "not a rules folder" in proc.stderr, proc.stderr
