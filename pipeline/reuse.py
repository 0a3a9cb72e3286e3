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
from rapidfuzz import fuzz, process

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

_EPS = 1e-9  # bounds are widened by this much so that rounding never drops a pair


class _Sentences:
    """Every sentence of the texts as one row of a sparse matrix of its distinct character bigrams."""

    def __init__(self, sentences: Mapping[str, Sequence[str]], docs: Sequence[str]) -> None:
        from scipy.sparse import csr_matrix  # imported here: only `compare` needs it, and it is slow to load

        vocab: dict[str, int] = {}
        indptr: list[int] = [0]
        indices: list[int] = []
        self.first: dict[str, int] = {}
        self.text: list[str] = []
        for d in docs:
            self.first[d] = len(self.text)
            for s in sentences[d]:
                indices.extend({vocab.setdefault(s[k : k + 2], len(vocab)) for k in range(len(s) - 1)})
                indptr.append(len(indices))
                self.text.append(s)
        self.matrix: csr_matrix = csr_matrix(
            (np.ones(len(indices), dtype=np.int32), np.asarray(indices, dtype=np.int32), np.asarray(indptr)),
            shape=(len(self.text), max(len(vocab), 1)),
        )
        self.grams = np.diff(self.matrix.indptr).astype(np.float64)
        self.length = np.fromiter((len(s) for s in self.text), dtype=np.float64, count=len(self.text))
        self.count = {d: len(sentences[d]) for d in docs}

    def rows(self, doc: str) -> np.ndarray:
        return np.arange(self.first[doc], self.first[doc] + self.count[doc])


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
    loss = 2.0 * (1.0 - cutoff / 100.0)  # bigrams two sentences may differ by, per character of both
    longest = (2.0 - cutoff / 100.0) / (cutoff / 100.0)  # a longer sentence holds its match at most this often
    for a, others in partners.items():
        ra = table.rows(a)
        rb = np.concatenate([table.rows(b) for b in others])
        if not len(ra) or not len(rb):
            continue
        shared = (table.matrix[ra] @ table.matrix[rb].T).tocoo()
        i, j = ra[shared.row], rb[shared.col]
        li, lj = table.length[i], table.length[j]
        keep = (shared.data >= np.maximum(table.grams[i], table.grams[j]) - loss * (li + lj) - _EPS) & (
            np.maximum(li, lj) <= longest * np.minimum(li, lj) + _EPS
        )
        x, y = i[keep], j[keep]
        # a pair that shares no bigram is not in the product: only a sentence so short that the edits allowed
        # may break each of its bigrams (under ten characters at a cutoff of 90) can match so; it is scored
        # against every sentence of the other texts
        weak = table.length - 1.0 - loss * (1.0 + longest) * table.length <= _EPS
        wa, wb = ra[weak[ra]], rb[weak[rb]]
        x = np.concatenate([x, np.repeat(wa, len(rb)), np.tile(ra, len(wb))])
        y = np.concatenate([y, np.tile(rb, len(wa)), np.repeat(wb, len(ra))])
        owner = np.repeat(np.arange(len(others)), [table.count[b] for b in others])
        at = {int(r): k for k, r in enumerate(rb)}
        for u, v in set(zip(x.tolist(), y.tolist())):
            if fuzz.ratio(table.text[u], table.text[v], score_cutoff=cutoff) >= cutoff:
                b = others[owner[at[v]]]
                held[a, b].add(u - table.first[a])
                held[b, a].add(v - table.first[b])
    return held


def scored_every_pair(mine: Sequence[str], theirs: Sequence[str], cutoff: float) -> tuple[set[int], set[int]]:
    """The same answer by scoring every pair of sentences: the reference the tests hold the filter to."""
    if not mine or not theirs:
        return set(), set()
    hit = np.asarray(process.cdist(mine, theirs, scorer=fuzz.ratio, workers=1, score_cutoff=cutoff) >= cutoff)
    return set(np.flatnonzero(hit.any(axis=1)).tolist()), set(np.flatnonzero(hit.any(axis=0)).tolist())
