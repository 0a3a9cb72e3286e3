"""A corpus for the store, export and compare tests: the two seeds, their PDF renderings (when tests/pdfgen.py
and its font are available) and the wild notices of ../shared/corpus/wild, ingested once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from conftest import SEEDS, need_shared, run_cli
from pipeline.store import read_store
from pipeline.tables import TABLES

SEED_IDS = ("000_0ac1c0e2edb665b1", "003_2fba04c4cb047aff")
_memo: dict[str, object] = {}


def render_pdfs(folder: Path) -> list[Path]:
    """PDF renderings of the seeds; none when the PDF fixture builder or its font is missing."""
    try:
        import pdfgen
    except ImportError:
        return []
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for doc_id in SEED_IDS:
        try:
            elements = pdfgen.notice_from_text((SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8"))
            out.append(pdfgen.write_pdf(elements, folder / f"{doc_id}.pdf"))
        except pdfgen.FixtureUnavailable:
            return []
    return out


def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """seeds/ (copies of the seeds) and seeds_pdf/ (their renderings, same file names), built once per session."""
    if "inputs" not in _memo:
        root = tmp_path_factory.mktemp("corpus-in")
        (root / "seeds").mkdir()
        for doc_id in SEED_IDS:
            shutil.copy(SEEDS / f"{doc_id}.txt", root / "seeds")
        _memo["pdfs"] = render_pdfs(root / "seeds_pdf")
        _memo["inputs"] = root
    return _memo["inputs"]  # type: ignore[return-value]


def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(inputs, wild, out): the corpus after one run over the inputs and the wild notices."""
    wild = need_shared("corpus", "wild")
    if "built" not in _memo:
        inp = inputs(tmp_path_factory)
        out = tmp_path_factory.mktemp("corpus-out")
        proc = run_cli(str(inp), str(wild), "--out", str(out), "--format", "csv,xlsx,parquet")
        assert proc.returncode in (0, 1), proc.stderr
        assert "0 unchanged" in proc.stdout, proc.stdout
        _memo["built"] = (inp, wild, out)
    return _memo["built"]  # type: ignore[return-value]


def private_copy(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """A copy of the inputs and the built output folder that a test may change."""
    inp, wild, out = built(tmp_path_factory)
    shutil.copytree(inp, tmp_path / "in")
    shutil.copytree(out, tmp_path / "out")
    # the store remembers absolute source paths: point the copied store at the copied inputs
    import duckdb

    con = duckdb.connect(str(tmp_path / "out" / "corpus.duckdb"))
    con.execute("UPDATE files SET source = replace(source, ?, ?)", [str(inp.resolve()), str((tmp_path / "in").resolve())])
    con.close()
    return tmp_path / "in", wild, tmp_path / "out"


def csv_tables(out: Path) -> dict[str, pd.DataFrame]:
    return {t: pd.read_csv(out / f"{t}.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig") for t in TABLES}


def as_text(df: pd.DataFrame) -> pd.DataFrame:
    """Every cell as the string a CSV holds ('' for missing), for comparing tables across formats."""
    return df.astype(object).where(df.notna(), "").astype(str).reset_index(drop=True)


def corpus(db: Path) -> dict[str, pd.DataFrame]:
    return {name: as_text(df) for name, df in read_store(db).items()}
