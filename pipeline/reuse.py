"""Sentences that one text restates from another, without scoring every pair of sentences (issue 14).

Two sentences are one sentence reused when their rapidfuzz ratio (the normalised Indel similarity,
1 - d / (la + lb), d the number of characters inserted and deleted) is at least `cutoff`. Each inserted or
deleted character breaks at most two of a sentence's character bigrams, so such a pair shares at least
max(na, nb) - 2 d distinct bigrams (na, nb: how many distinct bigrams each has) with d <= (1 - t)(la + lb),
t = cutoff / 100: the q-gram count filter (Ukkonen 1992; Gravano et al., "Approximate string joins in a
database (almost) for free", VLDB 2001). The shared bigrams of every pair of sentences of two texts are one
sparse matrix product; only the pairs that pass the filter and the length bound are scored, so the result is
exactly that of scoring every pair. The texts of one subject (198 文明行为促进条例) share most of their words,
which rules out n-gram bounds over whole texts but not over sentences.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping, Sequence

import numpy as np
import regex
from rapidfuzz import fuzz, process

from .evidence import split_sentences

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

_EPS = 1e-9  # bounds are widened by this much so that rounding never drops a pair
# an item's own label ("第三条", "二、", "（一）", "1.") is no part of what a text restates: the same sentence is
# numbered differently in a city's regulation and its province's
_ITEM_LABEL = regex.compile(r"^(?:第[一二三四五六七八九十百零〇\d]+条|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])\s*")
_HAN = regex.compile(r"\p{Han}")


def reuse_sentences(text: str, min_han: int) -> list[str]:
    """The sentences of a normalised text, without their item labels, that hold at least `min_han` Chinese
    characters: shorter ones (headings, 一、总体要求) are no evidence of reuse. One picker for the families'
    reuse links and the `compare` reuse tables."""
    out = []
    for a, b in split_sentences(text):
        sentence = _ITEM_LABEL.sub("", text[a:b])
        if len(_HAN.findall(sentence)) >= min_han:
            out.append(sentence)
    return out


class _Sentences:
    """Every sentence of the texts as one row of a sparse matrix of its distinct character bigrams."""

    def __init__(self, sentences: Mapping[str, Sequence[str]], docs: Sequence[str]) -> None:
        from scipy.sparse import csr_matrix  # imported here: only `compare` needs it, and it is slow to load

        self.first: dict[str, int] = {}
        self.text: list[str] = []
        for d in docs:
            self.first[d] = len(self.text)
            self.text.extend(sentences[d])
        n = len(self.text)
        lengths = np.fromiter((len(s) for s in self.text), dtype=np.int64, count=n)
        # a bigram is the pair of code points (< 2**21 each) as one integer: numpy finds every sentence's
        # distinct bigrams at once, without a Python step per character
        points = np.frombuffer("".join(self.text).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        sentence_of = np.repeat(np.arange(n, dtype=np.int64), lengths)
        inside = sentence_of[:-1] == sentence_of[1:]  # the pairs that do not straddle two sentences
        grams, row = ((points[:-1] << 21) | points[1:])[inside], sentence_of[:-1][inside]
        vocab, col = np.unique(grams, return_inverse=True)
        width = max(len(vocab), 1)
        cell = np.sort(row * width + col.reshape(-1))
        if len(cell):
            cell = cell[np.concatenate([[True], cell[1:] != cell[:-1]])]  # np.unique's hash path is slower here
        self.matrix: csr_matrix = csr_matrix(
            (np.ones(len(cell), dtype=np.int32), (cell // width, cell % width)), shape=(n, width)
        )
        self.grams = np.diff(self.matrix.indptr).astype(np.float64)
        self.length = lengths.astype(np.float64)
        self.count = {d: len(sentences[d]) for d in docs}
        self.docs = list(docs)
        self.doc_of = np.repeat(np.arange(len(docs)), [self.count[d] for d in docs]).tolist()  # row -> its text

    def owner(self, row: int) -> str:
        return self.docs[self.doc_of[row]]

    def rows(self, doc: str) -> np.ndarray:
        return np.arange(self.first[doc], self.first[doc] + self.count[doc])


def _candidates(table: _Sentences, ra: np.ndarray, rb: np.ndarray, cutoff: float) -> set[tuple[int, int]]:
    """The pairs (row of `ra`, row of `rb`) that may score at least `cutoff`: every other pair scores less."""
    loss = 2.0 * (1.0 - cutoff / 100.0)  # bigrams two sentences may differ by, per character of both
    longest = (2.0 - cutoff / 100.0) / (cutoff / 100.0)  # a longer sentence holds its match at most this often
    shared = (table.matrix[ra] @ table.matrix[rb].T).tocoo()
    # most pairs share a bigram or two: a bound of each side alone (the other side at most `longest` times
    # as long) drops them before the exact bound is taken over both sides
    slack = loss * (1.0 + longest)
    need_a = (table.grams[ra] - slack * table.length[ra])[shared.row]
    need_b = (table.grams[rb] - slack * table.length[rb])[shared.col]
    near = np.flatnonzero((shared.data >= need_a - _EPS) & (shared.data >= need_b - _EPS))
    i, j, count = ra[shared.row[near]], rb[shared.col[near]], shared.data[near]
    li, lj = table.length[i], table.length[j]
    keep = (count >= np.maximum(table.grams[i], table.grams[j]) - loss * (li + lj) - _EPS) & (
        np.maximum(li, lj) <= longest * np.minimum(li, lj) + _EPS
    )
    x, y = i[keep], j[keep]
    # a pair that shares no bigram is not in the product: only a sentence so short that the edits allowed
    # may break each of its bigrams (under ten characters at a cutoff of 90) can match so; it is scored
    # against every sentence of the other side
    weak = table.length - 1.0 - loss * (1.0 + longest) * table.length <= _EPS
    wa, wb = ra[weak[ra]], rb[weak[rb]]
    x = np.concatenate([x, np.repeat(wa, len(rb)), np.tile(ra, len(wb))])
    y = np.concatenate([y, np.tile(rb, len(wa)), np.repeat(wb, len(ra))])
    return set(zip(x.tolist(), y.tolist()))


def held_sentences(
    sentences: Mapping[str, Sequence[str]], pairs: Sequence[tuple[str, str]], cutoff: float
) -> dict[tuple[str, str], set[int]]:
    """For each pair (a, b) of texts, under both (a, b) and (b, a): the indexes of the first text's sentences
    that the second holds with a ratio of at least `cutoff`."""
    held: dict[tuple[str, str], set[int]] = {}
    partners: dict[str, list[str]] = {}
    for a, b in pairs:
        if a != b and (a, b) not in held:
            held[a, b], held[b, a] = set(), set()
            partners.setdefault(a, []).append(b)
    docs = sorted({d for p in held for d in p})
    if not docs:
        return held
    table = _Sentences(sentences, docs)
    for a, others in partners.items():
        ra = table.rows(a)
        rb = np.concatenate([table.rows(b) for b in others])
        if not len(ra) or not len(rb):
            continue
        for u, v in _candidates(table, ra, rb, cutoff):
            if fuzz.ratio(table.text[u], table.text[v], score_cutoff=cutoff) >= cutoff:
                b = table.owner(v)
                held[a, b].add(u - table.first[a])
                held[b, a].add(v - table.first[b])
    return held


def best_matches(
    children: Mapping[str, Sequence[str]], parent: Sequence[str], cutoff: float
) -> dict[str, dict[int, tuple[int, float]]]:
    """For each child text, each of its sentences whose closest sentence of `parent` scores at least `cutoff`:
    index -> (index of that parent sentence, its ratio). The answer of `process.cdist(...).argmax()` over every
    pair: scores compared as the float32 cdist returns, of equal scores the parent's first."""
    names = list(children)
    found: dict[str, dict[int, tuple[int, float]]] = {c: {} for c in names}
    if not parent or not names:
        return found
    key = "\x00parent"  # no document id starts with a NUL
    table = _Sentences({key: parent, **children}, [key, *names])
    rp = table.rows(key)
    rc = np.concatenate([table.rows(c) for c in names])
    if not len(rc):
        return found
    loose = cutoff - 0.01  # a float64 ratio a hair under the cutoff may round up to it in float32
    best: dict[int, tuple[float, int]] = {}
    for u, v in _candidates(table, rp, rc, loose):
        score = float(np.float32(fuzz.ratio(table.text[v], table.text[u], score_cutoff=loose)))
        if score >= cutoff and (v not in best or (score, -u) > (best[v][0], -best[v][1])):
            best[v] = (score, u)
    for v, (score, u) in best.items():
        child = table.owner(v)
        found[child][v - table.first[child]] = (u - table.first[key], score)
    return found


def scored_every_pair(mine: Sequence[str], theirs: Sequence[str], cutoff: float) -> tuple[set[int], set[int]]:
    """The same answer by scoring every pair of sentences: the reference the tests hold the filter to."""
    if not mine or not theirs:
        return set(), set()
    hit = np.asarray(process.cdist(mine, theirs, scorer=fuzz.ratio, workers=1, score_cutoff=cutoff) >= cutoff)
    return set(np.flatnonzero(hit.any(axis=1)).tolist()), set(np.flatnonzero(hit.any(axis=0)).tolist())
