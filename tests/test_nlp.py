"""jieba and spaCy built from the lexicons in rules/."""

from __future__ import annotations

import jieba

from pipeline import nlp


def test_own_tokenizer_keeps_lexicon_phrases_whole() -> None:
    tok = nlp.tokenizer()
    assert tok is not jieba.dt, "our own jieba.Tokenizer, not the module global"
    words = nlp.segment("对照国有土地上房屋征收与补偿、农村集体土地征收领域，广东省人民政府")
    assert "国有土地上房屋征收与补偿" in words and "农村集体土地征收" in words, words
    assert "国有土地上房屋征收与补偿" not in jieba.lcut("国有土地上房屋征收与补偿"), "the global dictionary is untouched"


def test_spacy_pipeline_uses_jieba_and_the_entity_ruler() -> None:
    doc = nlp.pipeline()("各地要对照国土空间规划、就业创业等试点领域标准指引。")
    assert "国土空间规划" in [t.text for t in doc], "tokens come from the jieba segmenter"
    ents = {(e.text, e.ent_id_) for e in doc.ents if e.label_ == "DOMAIN"}
    assert ents == {("国土空间规划", "gov-open-26:城乡规划"), ("就业创业", "gov-open-26:就业")}, ents


def test_domains_found_in_blocks_equal_the_ruler_over_the_whole_text() -> None:
    """find_mentions runs the entity ruler only on the jieba blocks holding a variant; over the seeds and the
    fixture notices it finds exactly what the ruler finds over the whole text (same spans, same codes)."""
    from pathlib import Path

    from pipeline import rules
    from pipeline.extract.domains import _inside_book_title, find_mentions

    here = Path(__file__).resolve().parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((here.parent / "corpora").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((here / "fixtures" / "notices").glob("*.txt"))]
    assert len(texts) >= 8
    total = 0
    for text in texts:
        whole = {
            (e.start_char, e.end_char, e.ent_id_)
            for e in nlp.pipeline()(text).ents
            # find_mentions drops a unit's name (省生态环境厅) and a title in 《》: so does the reference
            if e.label_ == "DOMAIN" and not rules.words("org_tail").match(text[e.end_char : e.end_char + 4]) and not _inside_book_title(text, e.start_char)
        }
        blocks = {(m.start, m.end, f"{m.taxonomy}:{m.canonical}") for m in find_mentions(text)}
        assert blocks == whole
        total += len(blocks)
    assert total > 100
