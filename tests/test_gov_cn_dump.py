"""Sixty State Council and General Office documents (意见, 通知, 决定, 批复, 复函, 答复, 通报, 条例) crawled
from www.gov.cn into a database dump (../shared/corpus/wild/zyn_platform/ge_policy_raw20190217.sql). Each row
has the page's body (`content`: the title, often broken over two or three lines, then the 文号) and gov.cn's
own catalogue fields (`title`, `release_office`, `release_number`), which are the independent answer here.

The catalogue joins joint issuers with 、 where the tables use ；, and writes an order's number short
(国令第707号 for the printed 中华人民共和国国务院令第707号, which the tables write as it is cited: 国务院令第707号)."""

from __future__ import annotations

import regex
import pytest

from conftest import need_shared
from pipeline.model import Extraction
from pipeline.process import process_path

pytestmark = pytest.mark.shared

_ROW = regex.compile(r"insert into ge_policy_raw \([^)]*\) values \(")


def _values(sql: str, at: int) -> list[str]:
    """One row's values: quoted strings ('' and \\ escapes), numbers or null."""
    out: list[str] = []
    i = at
    while sql[i] != ")":
        if sql[i] in " ,\n":
            i += 1
        elif sql[i] == "'":
            buf, i = [], i + 1
            while not (sql[i] == "'" and sql[i + 1 : i + 2] != "'"):
                if sql[i] == "\\" or sql[i] == "'":
                    i += 1
                buf.append(sql[i])
                i += 1
            out.append("".join(buf))
            i += 1
        else:
            m = regex.compile(r"[^,)]+").match(sql, i)
            assert m is not None
            out.append(m.group().strip())
            i = m.end()
    return out


def dump_rows() -> list[dict[str, str]]:
    sql = need_shared("corpus", "wild", "zyn_platform", "ge_policy_raw20190217.sql").read_text(encoding="utf-8")
    names = ["id", "crawl_url", "crawl_time", "index_number", "title", "release_office", "release_number", "policy_basis",
             "written_time", "release_time", "effect_time", "content", "image_url", "status", "html", "remark"]
    return [dict(zip(names, _values(sql, m.end()))) for m in _ROW.finditer(sql)]


@pytest.fixture(scope="module")
def bodies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict[str, str], Extraction]]:
    folder = tmp_path_factory.mktemp("govcn")
    out = {}
    for row in dump_rows():
        path = folder / f"row{int(row['id']):03d}.html"
        path.write_text(f"<html><body>{row['content']}</body></html>", encoding="utf-8")
        out[path.stem] = (row, process_path(path))
    return out


def test_the_dump_holds_sixty_documents(bodies: dict[str, tuple[dict[str, str], Extraction]]) -> None:
    assert len(bodies) == 60
    kinds = {regex.sub(r"〔.*|第.*", "", row["release_number"]) for row, _ in bodies.values()}
    assert {"国发", "国办发", "国办函", "国函", "国令"} <= kinds


def test_titles_broken_over_lines_are_whole(bodies: dict[str, tuple[dict[str, str], Extraction]]) -> None:
    wrong = {k: (ex.document.title, row["title"]) for k, (row, ex) in bodies.items() if ex.document.title != row["title"]}
    assert not wrong, wrong


def test_doc_numbers_match_the_catalogue(bodies: dict[str, tuple[dict[str, str], Extraction]]) -> None:
    wrong = {}
    for k, (row, ex) in bodies.items():
        got, want = ex.document.doc_number, row["release_number"]
        if want.startswith("国令"):
            want = "国务院" + want[1:]  # 国令第707号, printed 中华人民共和国国务院令第707号, cited 国务院令第707号
        if got != want:
            wrong[k] = (got, want)
    assert not wrong, wrong


def test_issuers_match_the_catalogue(bodies: dict[str, tuple[dict[str, str], Extraction]]) -> None:
    wrong = {}
    for k, (row, ex) in bodies.items():
        if ex.document.issuer.split("；") != row["release_office"].split("、"):
            wrong[k] = (ex.document.issuer, row["release_office"])
    assert not wrong, wrong


def test_joint_issuers_are_each_named(bodies: dict[str, tuple[dict[str, str], Extraction]]) -> None:
    joint = {ex.document.issuer for row, ex in bodies.values() if "、" in row["title"].split("关于")[0]}
    assert joint == {"国务院办公厅；中央军委办公厅", "国务院；中央军委"}


def test_every_document_has_its_date(bodies: dict[str, tuple[dict[str, str], Extraction]]) -> None:
    assert all(ex.document.signed_date for _, ex in bodies.values())


def test_tag_units_are_names_not_notes(bodies: dict[str, tuple[dict[str, str], Extraction]]) -> None:
    """（税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同）: three units, the first leads;
    （商务部、发展改革委等和各有关省级人民政府负责）: the ministries and the provincial governments."""
    units = {u for _, ex in bodies.values() for t in ex.tasks for u in t.units.split("；")}
    assert not {u for u in units if regex.search(r"第一位|负责|等和|会同|^部门$|^单位$", u)}
    first = next(t for _, ex in bodies.values() for t in ex.tasks if "排在第一位的部门为牵头部门" in t.evidence)
    assert (first.units, first.lead_unit) == ("税务总局；财政部；海关总署", "税务总局")
    provincial = [t for _, ex in bodies.values() for t in ex.tasks if "等和各有关省级人民政府负责" in t.evidence]
    assert provincial and all(t.units.endswith("；各有关省级人民政府") for t in provincial)


def test_no_event_before_the_document_is_a_deadline(bodies: dict[str, tuple[dict[str, str], Extraction]]) -> None:
    """"自2003年7月下旬以来…" in a 2004 notice, "于2017年印发" in a 2018 one, and the date under a forwarded
    report (一九九六年一月二十五日 alone on its line) report what happened; none is a limit."""
    past, signing = [], []
    for _, ex in bodies.values():
        year = ex.document.signed_date[:4]
        for d in ex.deadlines:
            if d.kind in ("by", "target", "date", "range") and d.end and d.end[:4] < year:
                past.append((ex.document.doc_id, d.text))
            if d.evidence.strip() == d.text:
                signing.append((ex.document.doc_id, d.text))
    assert not past and not signing, (past, signing)
    limits = {(d.text, d.end) for _, ex in bodies.values() for d in ex.deadlines}
    assert ("2019年3月底前", "2019-03-31") in limits and ("2020年12月底前", "2020-12-31") in limits


def test_the_title_index_finds_every_overlapping_pair() -> None:
    """reuse_links compares only pairs found through an index of rare title bigrams (prefix filtering): on the
    dump's 60 real titles it finds every pair the all-pairs comparison finds, from fewer candidates."""
    from collections import namedtuple
    from itertools import combinations

    from pipeline import families

    Row = namedtuple("Row", "doc_id title")
    rows = [Row(r["id"], r["title"]) for r in dump_rows()]
    grams = {r.doc_id: families._bigrams(r.title) for r in rows}

    def jaccard(a: str, b: str) -> float:
        return len(grams[a] & grams[b]) / len(grams[a] | grams[b]) if grams[a] and grams[b] else 0.0

    full = {(a.doc_id, b.doc_id) for a, b in combinations(rows, 2) if jaccard(a.doc_id, b.doc_id) >= families.REUSE_TITLE_OVERLAP}
    candidates = {(a.doc_id, b.doc_id) for a, b in families._overlapping_titles(rows, grams)}
    assert full and full <= candidates
    assert len(candidates) < len(rows) * (len(rows) - 1) // 2


def test_places_sharing_one_head_are_one_addressee(bodies: dict[str, tuple[dict[str, str], Extraction]]) -> None:
    """国办发〔1996〕25号 is addressed to "北京市、天津市、…、甘肃省人民政府，沈阳、北京、…、广州军区": the
    governments of those provinces and those military regions, two addressees, not thirty place names."""
    doc = next(ex.document for row, ex in bodies.values() if row["release_number"] == "国办发〔1996〕25号")
    recipients = doc.recipients.split("；")
    assert len(recipients) == 2, recipients
    assert recipients[0].startswith("北京市、天津市、") and recipients[0].endswith("甘肃省人民政府")
    assert recipients[1] == "沈阳、北京、兰州、济南、南京、广州军区"
