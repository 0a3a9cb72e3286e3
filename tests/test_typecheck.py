"""The package type-checks: typed records between stages are only worth it if mypy holds them to it."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_mypy_finds_no_errors() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "pipeline", "--ignore-missing-imports", "--no-error-summary"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
