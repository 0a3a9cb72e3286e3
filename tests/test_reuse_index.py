"""The reused-sentence filter (pipeline/reuse.py) finds exactly the pairs that scoring every pair finds."""

from __future__ import annotations

import random
from pathlib import Path

from rapidfuzz import fuzz, process

from pipeline.compare import REUSE_MIN_SCORE
from pipeline.families import REUSE_MIN_HAN, REUSE_SENTENCE
from pipeline.reuse import best_matches, held_sentences, reuse_sentences, scored_every_pair

ROOT = Path(__file__).resolve().parents[1]


def _seed_sentences() -> list[str]:
    out: list[str] = []
    for path in sorted((ROOT / "corpora").glob("*.txt")):
        out += reuse_sentences(path.read_text(encoding="utf-8"), REUSE_MIN_HAN)
    return out


def _edited(s: str, rng: random.Random, low: float, high: float) -> str:
    """`s` with characters deleted and inserted at random places until its ratio to `s` falls in [low, high):
    the pairs near the cutoff, where a bound that is too tight would lose one."""
    t = s
    for _ in range(200):
        if fuzz.ratio(s, t) < high:
            break
        k = rng.randrange(len(t))
        t = t[:k] + t[k + 1 :] if rng.random() < 0.5 else t[:k] + rng.choice("的和与及等各级部门单位") + t[k:]
    return t if low <= fuzz.ratio(s, t) < high else s


def test_the_filter_finds_every_pair_that_scoring_all_pairs_finds() -> None:
    sentences = _seed_sentences()
    assert len(sentences) > 100, "the seeds' sentences"
    rng = random.Random(7)
    texts: dict[str, list[str]] = {}
    for n in range(8):
        picked = rng.sample(sentences, 40)
        # half the sentences edited to just above or just below the cutoff, some left as they are
        texts[f"t{n}"] = [_edited(s, rng, REUSE_SENTENCE - 2, REUSE_SENTENCE + 3) if rng.random() < 0.6 else s for s in picked]
    # the same sentences shared across texts: each text also restates another's, edited
    for n in range(8):
        texts[f"t{n}"] += [_edited(s, rng, REUSE_SENTENCE, REUSE_SENTENCE + 2) for s in texts[f"t{(n + 1) % 8}"][:20]]
    # few distinct bigrams for their length, and sentences so short that every bigram may be broken
    texts["repeats"] = ["哈" * 30, "哈哈哈嘿" * 8, "文明" * 12, "落实主体责任", "加强组织领导工作"]
    texts["repeats2"] = ["哈" * 27, "嘿哈哈哈" * 8 + "嘿", "明文" * 12, "落实主体任", "加强组织领导作"]
    names = sorted(texts)
    pairs = [(a, b) for i, a in enumerate(names) for b in names[i + 1 :]]
    held = held_sentences(texts, pairs, REUSE_SENTENCE)
    found = 0
    for a, b in pairs:
        mine, theirs = scored_every_pair(texts[a], texts[b], REUSE_SENTENCE)
        assert (held[a, b], held[b, a]) == (mine, theirs), (a, b)
        found += len(mine)
    assert found > 150, "the texts restate one another's sentences"
    assert held["repeats", "repeats2"] == {0, 1, 2, 3, 4}, "repeated and short sentences are still scored"


def test_a_text_compared_with_nothing_holds_nothing() -> None:
    assert held_sentences({"a": ["某某部门负责组织实施本条例的各项工作任务"]}, [], REUSE_SENTENCE) == {}
    held = held_sentences({"a": [], "b": ["某某部门负责组织实施本条例的各项工作任务"]}, [("a", "b")], REUSE_SENTENCE)
    assert held == {("a", "b"): set(), ("b", "a"): set()}
    # texts with no sentence at all, or none of two characters (no bigram): nothing held, nothing fails
    assert held_sentences({"a": [], "b": []}, [("a", "b")], REUSE_SENTENCE) == {("a", "b"): set(), ("b", "a"): set()}
    assert held_sentences({"a": ["甲"], "b": ["甲"]}, [("a", "b")], REUSE_SENTENCE) == {("a", "b"): {0}, ("b", "a"): {0}}
    assert best_matches({"a": []}, ["某某部门负责组织实施本条例的各项工作任务"], REUSE_MIN_SCORE) == {"a": {}}


def _argmax_of_every_pair(mine: list[str], theirs: list[str], cutoff: float) -> dict[int, tuple[int, float]]:
    """What compare.reuse_tables computed before the filter: cdist over every pair, each row's argmax."""
    if not mine or not theirs:
        return {}
    scores = process.cdist(mine, theirs, scorer=fuzz.ratio, workers=1)
    best = {}
    for i in range(len(mine)):
        j = int(scores[i].argmax())
        if scores[i][j] >= cutoff:
            best[i] = (j, float(scores[i][j]))
    return best


def test_each_childs_closest_parent_sentence_is_the_one_cdist_finds() -> None:
    sentences = _seed_sentences()
    rng = random.Random(11)
    parent = rng.sample(sentences, 60)
    # the parent says one thing twice: of equal scores the first is named, as argmax does
    parent.append(parent[3])
    children: dict[str, list[str]] = {}
    for n in range(6):
        own = rng.sample(sentences, 25)
        restated = [_edited(s, rng, REUSE_MIN_SCORE - 3, REUSE_MIN_SCORE + 4) for s in rng.sample(parent, 25)]
        children[f"c{n}"] = own + restated + [parent[3]]
    children["empty"] = []
    found = best_matches(children, parent, REUSE_MIN_SCORE)
    hits = 0
    for name, mine in children.items():
        expected = _argmax_of_every_pair(mine, parent, REUSE_MIN_SCORE)
        assert found[name] == expected, name
        hits += len(expected)
    assert hits > 60, "the children restate the parent"
    assert found["c0"][len(children["c0"]) - 1][0] == 3, "of two equal parent sentences, the first"
    assert best_matches(children, [], REUSE_MIN_SCORE) == {name: {} for name in children}


def test_a_sentence_numbered_differently_is_the_same_sentence() -> None:
    # a city's regulation restates its province's article under another number: the labels are not compared
    province = "第三条 县级以上人民政府应当加强对文明行为促进工作的领导。"
    city = "第五条 县级以上人民政府应当加强对文明行为促进工作的领导。二、总体要求"
    assert reuse_sentences(province, REUSE_MIN_HAN) == reuse_sentences(city, REUSE_MIN_HAN)[:1]
    assert reuse_sentences(city, REUSE_MIN_HAN)[0].startswith("县级以上"), reuse_sentences(city, REUSE_MIN_HAN)
