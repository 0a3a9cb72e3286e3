"""Shared fixtures. Tests that read ../shared skip with a stated reason when it is absent."""

from __future__ import annotations

from typing import TYPE_CHECKING
import subprocess
import sys
from pathlib import Path

import pytest

if TYPE_CHECKING:
    import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "corpora"


def need_shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: these tests read the shared corpus/gold that sits beside the project as ../shared")
    return path


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "run_pipeline.py"), *args], cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def seed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pipeline's output on the two seed notices in corpora/."""
    out = tmp_path_factory.mktemp("seed-out")
    proc = run_cli(str(SEEDS / "000_0ac1c0e2edb665b1.txt"), str(SEEDS / "003_2fba04c4cb047aff.txt"), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return out


def compare_files(tmp_path: Path, files: dict[str, str], *extra: str, table: str = "families") -> "pd.DataFrame":
    """Write the texts to a folder, run the pipeline and `compare` on it, and read one comparison table."""
    import pandas as pd

    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli(str(folder), "--out", str(out)).returncode == 0
    proc = run_cli("compare", "--out", str(out), "--format", "csv", *extra)
    assert proc.returncode == 0, proc.stderr
    return pd.read_csv(out / "compare" / f"{table}.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")


def read_table(out: Path, name: str) -> "pd.DataFrame":
    import pandas as pd

    return pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")


@pytest.fixture(scope="session")
def report_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Pipeline + report on the seeds, through the command line entry point as a user runs them."""
    from pipeline.cli import main

    seeds = sorted(SEEDS.glob("*.txt"))
    if len(seeds) < 2:
        pytest.skip("corpora/ should hold the two seed notices")
    out = tmp_path_factory.mktemp("report") / "out"
    assert main([*map(str, seeds), "--out", str(out)]) == 0
    assert main(["report", "--out", str(out)]) == 0
    return out
