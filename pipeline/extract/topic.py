"""gov.cn 主题分类 of a document from keyword rules (rules/topics.yaml): weighted keyword hits in the title
(high weight) and the body; the evidence names the words that decided."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import rules


@dataclass(frozen=True, slots=True)
class Topic:
    topic: str
    score: int
    evidence: str  # "标题：应急体系；正文：安全生产×8、应急管理×8"


@rules.cached
def _automaton() -> Any:
    """One Aho-Corasick automaton of every class's keywords: a text is read once for all of them."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for cls in rules.topics().classes:
        for w in cls.keywords:
            auto.add_word(w, w)
    auto.make_automaton()
    return auto


def _occurrences(text: str) -> dict[str, list[int]]:
    """Start of every occurrence of every keyword (overlapping ones too), in text order; none inside one of
    the keyword's false friends (rules/topics.yaml: 民政 inside 人民政府 is no 民政)."""
    out: dict[str, list[int]] = {}
    if not text or not len(_automaton()):
        return out
    friends = rules.topics().false_friends
    for end, w in _automaton().iter(text):
        start = end - len(w) + 1
        if w in friends and any(text.startswith(word, start - at) for word, at in friends[w] if start >= at):
            continue
        out.setdefault(w, []).append(start)
    return out


def _hits(words: tuple[str, ...], text: str, found: dict[str, list[int]]) -> dict[str, int]:
    """Occurrences of each keyword; a keyword inside a longer keyword's hit is not counted again. `found` is
    _occurrences(text), shared by the classes."""
    counts: dict[str, int] = {}
    present = [w for w in words if w in found]
    if not present:
        return counts  # most classes: none of their words in this text
    taken = bytearray(len(text))  # 1 where a counted hit lies: the overlap test is a slice, not a scan of hits
    for w in sorted(present, key=len, reverse=True):
        for pos in found.get(w, ()):
            end = pos + len(w)
            if not any(taken[pos:end]):
                counts[w] = counts.get(w, 0) + 1
                taken[pos:end] = b"\x01" * (end - pos)
    return counts


def classify(title: str, body: str) -> Topic:
    cfg = rules.topics()
    in_title_found, in_body_found = _occurrences(title), _occurrences(body)
    best: tuple[int, int, int] | None = None
    best_topic = Topic(cfg.fallback, 0, "")
    for order, cls in enumerate(cfg.classes):
        if not cls.keywords:
            continue
        in_title = _hits(cls.keywords, title, in_title_found)
        in_body = {w: min(c, cfg.body_cap) for w, c in _hits(cls.keywords, body, in_body_found).items()}
        title_score = cfg.title_weight * sum(in_title.values())
        score = title_score + sum(in_body.values())
        if score < cfg.min_score:
            continue
        key = (score, title_score, -order)
        if best is None or key > best:
            best = key
            parts = []
            if in_title:
                parts.append("标题：" + "、".join(in_title))
            if in_body:
                top = sorted(in_body.items(), key=lambda kv: -kv[1])[:6]
                parts.append("正文：" + "、".join(f"{w}×{c}" for w, c in top))
            best_topic = Topic(cls.id, score, "；".join(parts))
    return best_topic
