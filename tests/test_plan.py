"""Planning a run from the store's files table (issue 14: the store is the truth): which files are read,
which are unchanged, and which are copies of a stored document."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from pipeline.paths import readable
from pipeline.run import pipeline_version, plan
from pipeline.store import coerce

NOTICE = Path(__file__).parent / "fixtures" / "notices"


def _notice_text() -> str:
    return sorted(NOTICE.glob("*.txt"))[0].read_text(encoding="utf-8")


def _known(path: Path, doc_id: str, version: str) -> pd.DataFrame:
    row = {"doc_id": doc_id, "source": readable(path.resolve()), "sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "pipeline_version": version}
    return coerce("files", pd.DataFrame([row]))


def test_a_copy_stays_skipped_when_new_rules_reread_the_corpus(tmp_path: Path) -> None:
    original, copy = tmp_path / "a.txt", tmp_path / "b.txt"
    original.write_text(_notice_text(), encoding="utf-8")
    copy.write_bytes(original.read_bytes())
    todo, unchanged = plan([original, copy], coerce("files", None))
    assert [p.path for p in todo] == [original] and unchanged == [copy], "首次运行：副本跳过"
    # the rules changed since: the original is read again, the copy is still a copy
    todo, unchanged = plan([original, copy], _known(original, "a", "an older version"))
    assert [(p.path, p.doc_id, p.replaces) for p in todo] == [(original, "a", True)]
    assert unchanged == [copy], "规则更新后副本不得变成新文件"
    todo, unchanged = plan([original, copy], _known(original, "a", pipeline_version()))
    assert todo == [] and unchanged == [original, copy]


def test_a_copy_of_an_edited_file_is_its_own_document(tmp_path: Path) -> None:
    original, copy = tmp_path / "a.txt", tmp_path / "b.txt"
    original.write_text(_notice_text(), encoding="utf-8")
    copy.write_bytes(original.read_bytes())
    known = _known(original, "a", pipeline_version())
    original.write_text(_notice_text() + "\n附件：工作台账", encoding="utf-8")
    todo, unchanged = plan([original, copy], known)
    assert [p.path for p in todo] == [original, copy] and unchanged == [], "原件已改，副本保存旧内容，须单独处理"
