"""The held-out passages of bench/heldout_deadlines.yaml stay read: once a batch's misses and false finds
were fixed, every later change must keep each passage's limits (the first-read scores are the measurement;
this guards what the fixes bought)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

BENCH = Path(__file__).resolve().parents[1] / "bench"
_spec = importlib.util.spec_from_file_location("deadlines_heldout", BENCH / "deadlines_heldout.py")
assert _spec and _spec.loader
heldout = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(heldout)

PASSAGES = [
    pytest.param(p, id=f"b{b['batch']}-{i}")
    for b in yaml.safe_load((BENCH / "heldout_deadlines.yaml").read_text(encoding="utf-8"))["batches"]
    for i, p in enumerate(b["passages"])
]


@pytest.mark.parametrize("passage", PASSAGES)
def test_heldout_passage_limits(passage: dict) -> None:
    found, false, missed, notes = heldout.score_passage(passage)
    assert (false, missed) == (0, 0), notes
    assert found == len(passage.get("ends") or [])


def test_first_read_scores_add_up() -> None:
    for b in yaml.safe_load((BENCH / "heldout_deadlines.yaml").read_text(encoding="utf-8"))["batches"]:
        fr = b["first_read"]
        assert fr["found"] + fr["missed"] == fr["expected"] == sum(len(p.get("ends") or []) for p in b["passages"])
