"""The wheel carries the rules: installed without the checkout (not editable) and run from another folder,
the pipeline finds rules/ as the package gongwen_rules and extracts as it does here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS


@pytest.mark.slow
def test_wheel_runs_from_another_folder(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("gongwen_pipeline-*.whl")
    site = tmp_path / "site"
    inst = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)], capture_output=True, text=True, timeout=300)
    assert inst.returncode == 0, inst.stderr
    assert (site / "gongwen_rules" / "deadlines.yaml").exists()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "notice.txt").write_bytes((SEEDS / "000_0ac1c0e2edb665b1.txt").read_bytes())
    env = {**os.environ, "PYTHONPATH": str(site)}
    code = "import pipeline, pipeline.rules as r, sys; from pipeline.cli import main; print(pipeline.__file__); print(r.active().folder); sys.exit(main(['notice.txt', '--out', 'out']))"
    run = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    where, rules_dir = run.stdout.splitlines()[:2]
    assert where.startswith(str(site)), f"the installed copy is used, not the checkout: {where}"
    assert rules_dir.startswith(str(site)), rules_dir
    docs = (elsewhere / "out" / "documents.csv").read_text(encoding="utf-8-sig")
    assert "豫政办〔2020〕5号" in docs
