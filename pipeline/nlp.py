"""jieba and spaCy, built from the lexicons in rules/.

jieba: our own `jieba.Tokenizer` (not the module global, which other code may have changed) with every
lexicon phrase added as a user word, so 广东省人民政府 or 国有土地上房屋征收 stay whole (STYLE.md).
spaCy: a blank Chinese pipeline whose tokenizer is that jieba segmenter, and an entity ruler whose phrase
patterns come from the same lexicons. The tokenizer is set before patterns are added, because phrase patterns
are tokenised when they are added.
"""

from __future__ import annotations

import bisect
import logging
import warnings
from typing import Iterable

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # jieba imports pkg_resources, which warns on import
    import jieba
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from . import rules

jieba.setLogLevel(logging.WARNING)


def lexicon_words() -> Iterable[str]:
    """Every phrase the lexicons know: domain variants, department keywords, places, document types."""
    for tax in rules.taxonomies():
        for mention, _ in tax.variants:
            yield mention
    lex = rules.unit_lexicon()
    for word, _ in lex.departments:
        yield word
    yield from lex.generic
    yield from lex.government
    for place in rules.places():
        if place.level in ("province", "city"):
            yield place.name
    yield from rules.doc_types()


@rules.cached
def tokenizer() -> jieba.Tokenizer:
    tok = jieba.Tokenizer()
    tok.initialize()
    for word in set(lexicon_words()):
        # jieba ignores user words containing "(", "-" or spaces (STYLE.md); lexicon phrases have none
        tok.add_word(word, freq=tok.suggest_freq(word, tune=False) + 1000)
    return tok


class JiebaTokenizer:
    """A spaCy tokenizer that segments with our own jieba.Tokenizer."""

    def __init__(self, vocab: Vocab, tok: jieba.Tokenizer) -> None:
        self.vocab = vocab
        self.tok = tok

    def __call__(self, text: str) -> Doc:
        words = _cut(self.tok, text)
        return Doc(self.vocab, words=words, spaces=[False] * len(words))


def _cut(tok: jieba.Tokenizer, text: str) -> list[str]:
    """jieba's words of the text, as the spaCy tokenizer takes them (no HMM: lexicon words stay whole)."""
    return [w for w in tok.cut(text, HMM=False) if w]


@rules.cached
def pipeline() -> Language:
    nlp = spacy.blank("zh")
    nlp.tokenizer = JiebaTokenizer(nlp.vocab, tokenizer())
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True})
    patterns = []
    for tax in rules.taxonomies():
        for mention, canonical in tax.variants:
            patterns.append({"label": "DOMAIN", "pattern": mention, "id": f"{tax.id}:{canonical}"})
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp


_BLOCK_BREAK = "\n"  # a token between blocks: no phrase pattern holds it, so no match spans two blocks


def ruler_entities(text: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """(start, end, label, ent_id) of the entity ruler's matches in the given blocks of `text` (runs of
    jieba.re_han_default, as blocks_with gives them), from one
    spaCy Doc holding every block's jieba tokens (one pipeline call per document, not per block: spaCy's
    cost per call is many times jieba's on a block of a few words). Within a block the ruler sees the same
    tokens as over the block alone, so it resolves overlaps the same way."""
    if not blocks:
        return []
    tok, nlp = tokenizer(), pipeline()
    words: list[str] = []
    starts: list[int] = []
    # one jieba call for all blocks, joined by the break: jieba cuts each run of Han characters and letters
    # alone and gives the break back as a word of its own, so each block gets the words it gets alone (a
    # call per block cost more than the segmenting on the short blocks of task tables)
    k, pos = 0, blocks[0][0]
    for w in _cut(tok, _BLOCK_BREAK.join(text[a:b] for a, b in blocks)):
        if w == _BLOCK_BREAK:
            words.append(w)
            starts.append(blocks[k][1])
            k += 1
            pos = blocks[k][0]
            continue
        words.append(w)
        starts.append(pos)
        pos += len(w)
    words.append(_BLOCK_BREAK)
    starts.append(blocks[k][1])
    doc = Doc(nlp.vocab, words=words, spaces=[False] * len(words))
    for _, component in nlp.pipeline:
        doc = component(doc)
    return [(starts[e.start], starts[e.end - 1] + len(words[e.end - 1]), e.label_, e.ent_id_) for e in doc.ents]


def segment(text: str) -> list[str]:
    return [w for w in tokenizer().cut(text, HMM=False) if w.strip()]


def blocks_with(text: str, phrases: Iterable[str]) -> list[tuple[int, int]]:
    """The (start, end) of each of jieba's blocks of `text` that contains one of the phrases, in text order."""
    hits: list[int] = []
    for phrase in phrases:
        at = text.find(phrase)
        while at != -1:
            hits.append(at)
            at = text.find(phrase, at + 1)
    if not hits:
        return []
    # jieba splits a text into runs of these characters and segments each run alone
    spans = [(m.start(), m.end()) for m in jieba.re_han_default.finditer(text)]
    starts = [a for a, _ in spans]
    found: dict[int, tuple[int, int]] = {}
    for at in hits:
        i = bisect.bisect_right(starts, at) - 1
        if i >= 0 and spans[i][0] <= at < spans[i][1]:
            found[i] = spans[i]
    return [found[i] for i in sorted(found)]
