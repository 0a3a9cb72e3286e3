"""gov.cn 主题分类 of a document from keyword rules (rules/topics.yaml): weighted keyword hits in the title
(high weight) and the body; the evidence names the words that decided."""

from __future__ import annotations

from dataclasses import dataclass

from .. import rules


@dataclass(frozen=True, slots=True)
class Topic:
    topic: str
    score: int
    evidence: str  # "标题：应急体系；正文：安全生产×8、应急管理×8"


def _hits(words: tuple[str, ...], text: str) -> dict[str, int]:
    """Occurrences of each keyword; a keyword inside a longer keyword's hit is not counted again."""
    counts: dict[str, int] = {}
    taken = bytearray(len(text))  # 1 where a counted hit lies: the overlap test is a slice, not a scan of hits
    for w in sorted(words, key=len, reverse=True):
        start = 0
        while (pos := text.find(w, start)) != -1:
            end = pos + len(w)
            if not any(taken[pos:end]):
                counts[w] = counts.get(w, 0) + 1
                taken[pos:end] = b"\x01" * (end - pos)
            start = pos + 1
    return counts


def classify(title: str, body: str) -> Topic:
    cfg = rules.topics()
    best: tuple[int, int, int] | None = None
    best_topic = Topic(cfg.fallback, 0, "")
    for order, cls in enumerate(cfg.classes):
        if not cls.keywords:
            continue
        in_title = _hits(cls.keywords, title)
        in_body = {w: min(c, cfg.body_cap) for w, c in _hits(cls.keywords, body).items()}
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
