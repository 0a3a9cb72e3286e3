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
