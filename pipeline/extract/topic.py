"""gov.cn 主题分类 of a document from keyword rules (rules/topics.yaml): weighted keyword hits in the title
(high weight) and the body; the evidence names the words that decided."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

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


@rules.cached
def _classes_of() -> dict[str, list[tuple[int, int]]]:
    """Each keyword's (class index, place in that class's list): the classes a found word concerns."""
    out: dict[str, list[tuple[int, int]]] = {}
    for i, cls in enumerate(rules.topics().classes):
        for k, w in enumerate(cls.keywords):
            out.setdefault(w, []).append((i, k))
    return out


def _present(found: dict[str, list[int]]) -> dict[int, list[str]]:
    """For each class with a keyword in `found`, those keywords in the class's own order (most classes have
    none: they are never looked at)."""
    by_class: dict[int, list[tuple[int, str]]] = {}
    classes_of = _classes_of()
    for w in found:
        for i, k in classes_of.get(w, ()):
            by_class.setdefault(i, []).append((k, w))
    return {i: [w for _, w in sorted(ws)] for i, ws in by_class.items()}


def _hits(present: list[str], text: str, found: dict[str, list[int]]) -> dict[str, int]:
    """Occurrences of each keyword of `present` (a class's keywords found in the text, in the class's order);
    a keyword inside a longer keyword's hit is not counted again. `found` is _occurrences(text), shared by
    the classes."""
    counts: dict[str, int] = {}
    if not present:
        return counts
    taken = bytearray(len(text))  # 1 where a counted hit lies: the overlap test is a slice, not a scan of hits
    for w in sorted(present, key=len, reverse=True):
        for pos in found.get(w, ()):
            end = pos + len(w)
            if not any(taken[pos:end]):
                counts[w] = counts.get(w, 0) + 1
                taken[pos:end] = b"\x01" * (end - pos)
    return counts


_CLASS_PATH = regex.compile(r"\s*[\\/／>＞|｜]\s*")


def named_class(value: str) -> str:
    """The class a page's own 主题分类 field names ("城乡建设、环境保护\\城市规划" -> 城乡建设、环境保护), when it is one of
    the 22 gov.cn classes other than the fallback; "" for a site's own taxonomy ("政务公开", "规划计划")."""
    head = _CLASS_PATH.split(value.strip(), maxsplit=1)[0].strip()
    cfg = rules.topics()
    return head if head != cfg.fallback and any(c.id == head for c in cfg.classes) else ""


def classify(title: str, body: str) -> Topic:
    cfg = rules.topics()
    in_title_found, in_body_found = _occurrences(title), _occurrences(body)
    title_words, body_words = _present(in_title_found), _present(in_body_found)
    best: tuple[bool, int, int, int] | None = None
    best_topic = Topic(cfg.fallback, 0, "")
    for order, cls in enumerate(cfg.classes):
        if order not in title_words and order not in body_words and cfg.min_score > 0:
            continue  # none of its keywords in the text: a score of 0, below the least that counts
        in_title = _hits(title_words.get(order, []), title, in_title_found)
        in_body = {w: min(c, cfg.body_cap) for w, c in _hits(body_words.get(order, []), body, in_body_found).items()}
        title_score = cfg.title_weight * sum(in_title.values())
        score = title_score + sum(in_body.values())
        if score < cfg.min_score:
            continue
        key = (cfg.title_first and title_score > 0, score, title_score, -order)
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
