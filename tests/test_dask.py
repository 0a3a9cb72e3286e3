"""The Dask engine: the same run on a LocalCluster of worker processes gives tables identical to the local
engine's (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEEDS, SHARED, read_table
from pipeline.run import run_batch
from pipeline.store import TABLES


@pytest.mark.slow
def test_dask_engine_matches_local(tmp_path: Path) -> None:
    files = sorted(SEEDS.glob("*.txt"))
    wild = SHARED / "corpus" / "wild" / "huace"
    if wild.is_dir():
        files += sorted(wild.glob("*.md"))[:4]
    local = run_batch(files, tmp_path / "local", workers=1)
    dask = run_batch(files, tmp_path / "dask", workers=2, engine="dask")
    assert len(local.extractions) == len(dask.extractions) == len(files)
    for name in TABLES:
        a, b = read_table(tmp_path / "local", name), read_table(tmp_path / "dask", name)
        assert a.equals(b), f"{name}: the Dask engine's table differs from the local engine's"
