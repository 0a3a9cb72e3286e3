"""Line cleaners: small pure str -> str functions applied in a fixed order.

Offsets in the output tables point into the text these cleaners produce (SCHEMA.md), so they run on each
source line before lines are grouped into paragraphs. No blanket NFKC: it would turn `（` into `(`, full-width
spaces into spaces and destroy `①` (STYLE.md), so each cleaner changes one thing deliberately.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Callable

import regex

from . import rules

HAN = r"\p{Han}"
_HAN = regex.compile(HAN)
# characters that count as "Chinese context" around a space or a half-width punctuation mark
_CJK_CONTEXT = r"[\p{Han}\u3000-\u303F\uFF00-\uFFEF“”‘’《》〔〕—…·]"

# zero-width characters, and the control characters a broken export leaves (NUL, BEL…) that are no whitespace
ZERO_WIDTH = regex.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad\x00-\x08\x0e-\x1b\x7f]")  # also read by docnumber (a number with one inside)
_ODD_SPACES = regex.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_INVISIBLE_OR_ODD = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad\u00a0\u2000-\u200a\u202f\u205f\u3000\t\x00-\x08\x0e-\x1b\x7f]")


def strip_invisible(text: str) -> str:
    """Drop zero-width characters and the BOM; odd spaces become plain spaces. 'a\u200bb' -> 'ab'"""
    if not _INVISIBLE_OR_ODD.search(text):
        return text
    return _ODD_SPACES.sub(" ", ZERO_WIDTH.sub("", text))


# A page saved in an encoding that lacks a character (GBK has no U+00A0 or some of the spaces Word puts in
# "第一章　总　则") shows "?" for it, often in runs after a 署名 ("甘肃省人民政府????????"). A run of "?" beside
# Han text is never a question mark, so a text holding one lost its spaces; its other "?" beside Han text are
# lost spaces too ("第一条?第十四届").
_LOST_SPACE_RUN = re.compile(r"(?:(?<=[\u4e00-\u9fff])|^)\?{2,}|\?{2,}(?=[\u4e00-\u9fff]|$)", re.MULTILINE)
_LOST_SPACE = regex.compile(rf"\?+(?={_CJK_CONTEXT}|$)|(?<={_CJK_CONTEXT})\?+")


def has_lost_spaces(text: str) -> bool:
    """True when the text shows runs of "?" beside Han characters: spaces an encoding could not hold."""
    return "??" in text and _LOST_SPACE_RUN.search(text) is not None


def lost_spaces(text: str) -> str:
    """'?' beside Han text becomes a space (for a text has_lost_spaces found). '第一章?总?则' -> '第一章 总 则',
    '甘肃省人民政府????' -> '甘肃省人民政府 '; '?id=3' in a link is left alone."""
    if "?" not in text:
        return text
    return _LOST_SPACE.sub(" ", text)


_PAREN = regex.compile(r"\(([^()]{0,40})\)")


# full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ: text typed in full-width mode, older databases): their
# ASCII forms, so "２０１２年１２月３日" is a date the rules read and "令第１２５号" a number
_FULLWIDTH_ALNUM = {c: c - 0xFEE0 for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)) for c in range(r[0], r[1] + 1)}
# the small form variants (U+FE50…): a page's "附件：1﹒2026年市级重点开工项目名单" numbers its attachments with
# ﹒ for ．; each becomes the full-width mark it stands for
_FULLWIDTH_ALNUM |= {ord(a): ord(b) for a, b in zip("﹐﹑﹒﹔﹕﹖﹗﹙﹚﹝﹞", "，、．；：？！（）〔〕")}


def fullwidth_alphanumerics(text: str) -> str:
    """'２０１２年１２月３日' -> '2012年12月3日'; '1﹒名单' -> '1．名单'"""
    return text.translate(_FULLWIDTH_ALNUM)


def fullwidth_parentheses(text: str) -> str:
    """Half-width parentheses around Chinese text or numbers become full-width. '各县 (市)' -> '各县 （市）'

    Parentheses holding Latin words are left alone ('(cid:12)', '(PDF)')."""
    if "(" not in text and ")" not in text:
        return text

    def sub(m: regex.Match[str]) -> str:
        inner = m.group(1)
        if _LATIN.search(inner) and not _HAN_CHAR.search(inner):
            return m.group(0)
        return f"（{inner}）"

    prev = None
    while prev != text:  # nested parentheses: innermost first
        prev, text = text, _PAREN.sub(sub, text)
    # a lone half-width parenthesis next to Chinese (line-wrapped pairs)
    text = _LONE_OPEN.sub("（", text)
    return _LONE_CLOSE.sub("）", text)


_LATIN = regex.compile(r"[A-Za-z]")
_HAN_CHAR = regex.compile(HAN)
# (a "(" after Chinese text or a closing title mark and before a figure opens a bracket the line broke:
# "…行动方案(2022—" / "2024年)的通知", "附件：《…预案》(2020年6月修" / "订稿)")
_LONE_OPEN = regex.compile(rf"\s*\((?=\s*{_CJK_CONTEXT})|(?<=[\p{{Han}}》”])\s*\((?=\s*\d)")
_LONE_CLOSE = regex.compile(rf"(?<={_CJK_CONTEXT})\s*\)")


_ANY_HALF_PUNCT = re.compile("[,:;?!]")
_HALF_PUNCT = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_HALF_PUNCT_RE = regex.compile(rf"(?<={_CJK_CONTEXT}|[）)])\s*([,:;?!])|([,:;?!])\s*(?={_CJK_CONTEXT})")


def fullwidth_punctuation(text: str) -> str:
    """Half-width , : ; ? ! in Chinese text become full-width. '政府,省人民政府各部门:' -> '政府，省人民政府各部门：'

    '1,000' and 'http://' keep theirs: a mark between two ASCII characters is not in Chinese context."""

    def sub(m: regex.Match[str]) -> str:
        mark = m.group(1) or m.group(2)
        return _HALF_PUNCT[mark]

    if not _ANY_HALF_PUNCT.search(text):
        return text
    return _HALF_PUNCT_RE.sub(sub, text)


_SPACE_RUN = regex.compile(r"\s+")


@lru_cache(maxsize=8)
def _spaced_labels(labels: tuple[str, ...]) -> regex.Pattern[str]:
    # a label may be letter-spaced to the width of the longest one ("索 引 号", "文    号")
    gap = r"[ \t\u3000\u00a0]*"
    alts = "|".join(gap.join(map(regex.escape, label)) for label in sorted(labels, key=len, reverse=True))
    return regex.compile(rf"(?:^|(?<=\s))(?P<label>{alts})[ \t\u3000\u00a0]+(?=\S)")


def _bare(label: str) -> str:
    return _SPACE_RUN.sub("", label)


def colon_spaced_labels(text: str) -> str:
    """A web page's metadata table copied as text puts labels and values side by side with spaces
    ("发文字号 武自然资规〔2022〕35号 主题分类 城乡建设"), or one field to a line ("发布机构 区政府"); once the
    spaces between Han characters go, labels and values would run together. A line that starts with such a
    label and holds two, or one of three characters or more, gets a colon after each (the "label：value" form
    structure reads, rules/html.yaml metadata_labels)."""
    if " " not in text and "\u3000" not in text and "\u00a0" not in text:
        return text
    pattern = _page_labels()
    line = text.lstrip()
    if not pattern.match(line):
        return text  # most lines: no label at the start, and the line is not searched further
    hits = list(pattern.finditer(line))
    if len(hits) < 2 and len(_bare(hits[0].group("label"))) < 3:
        from .docnumber import parse_doc_number  # (here: docnumber imports this module)

        if parse_doc_number(line[hits[0].end() :].strip()) is None:
            return text  # one short label ("名称 …", "来源 …") may open a sentence; 索引号/发布机构 alone do not, nor
            # a short one before a 文号 ("文  号 内政办发〔2012〕40号")
    return pattern.sub(lambda m: _bare(m.group("label")) + "：", line)


# a copy list of the 版记 whose items a county sets apart with spaces, not commas ("抄送：市委办公室　市人大常委会办
# 公室　市政协办公室"): the spaces between them are the list's separators, which removing CJK spaces would lose
_LIST_GAP = regex.compile(r"(?<=[\p{Han}）)])[ \u3000\u00a0]+(?=\p{Han})")


def spaced_list_items(text: str) -> str:
    """'抄送：市委办公室　市人大常委会办公室' -> '抄送：市委办公室，市人大常委会办公室' (GB/T 9704 §7.4.2 separates
    them with commas); a 主送机关 line set the same way ('各区人民政府　市政府各部门：', §7.3.2) when every piece
    ends as a unit's name does."""
    line = text.strip()
    el = rules.element_rules()  # the labels as structure reads them: cc (抄送/抄报/分送), record_recipients (主送)
    # (an older 版记's 主题词 sets its terms apart with spaces too: "主题词：城乡建设  规划  通知", GB/T 9704-1999 §6.3.1)
    m = el["cc"].pattern.match(line) or el["record_recipients"].pattern.match(line) or el["subject_terms"].pattern.match(line)
    if m is not None:
        return line[: m.start("value")] + _LIST_GAP.sub("，", m.group("value").strip())
    if not line.endswith(("：", ":")) or len(line) > 120 or _SENTENCE_PUNCT.search(line) or not _LIST_GAP.search(line):
        return text
    if all(_addressee_piece(piece.rstrip("：:")) for piece in _LIST_GAP.split(line)):
        return _LIST_GAP.sub("，", line)
    return text


def _addressee_piece(piece: str) -> bool:
    """An addressee named whole: it opens with a level or a collective (各区人民政府, 市政府各部门, 有关单位) and ends
    as a unit's name does; "办公室" alone (the tail of a name a gap broke) is none."""
    return len(piece) >= 3 and (piece[0] in "各省市县区州盟旗乡镇" or piece.startswith(("有关", "相关", "中共"))) and (
        piece.endswith(("部门", "单位", "机构")) or bool(rules.words("unit_end").search(piece))
    )


_SENTENCE_PUNCT = regex.compile(r"[，,。；;！？、]")


@rules.cached
def _page_labels() -> regex.Pattern[str]:
    return _spaced_labels(tuple(label for label, _ in rules.html_rules().labels))


_FIELD_NUMBER = regex.compile(r"^\d{1,2}[.．]\s*(?=[\[【])")


@lru_cache(maxsize=8)
def _bracketed_labels(labels: tuple[str, ...]) -> regex.Pattern[str]:
    alts = "|".join(regex.escape(label) for label in sorted(labels, key=len, reverse=True))
    # the separator after a label: a table's bar, or a run of dashes a site fills an empty value with too
    # ("[联合发文单位] -----", "[发文机构] ----北京市人民政府")
    return regex.compile(rf"[\[【]\s*(?P<label>{alts})\s*[\]】]\s*(?:[|｜]|[-－—]{{2,}})?\s*")


@rules.cached
def _bracketed_title() -> regex.Pattern[str]:
    kinds = "|".join(regex.escape(t) for t in rules.doc_types())
    return regex.compile(rf"^\s*[【\[](?P<title>[^【】\[\]]{{6,150}}?(?:{kinds}))[】\]]\s*$")


_GLUED_LABEL_STARTS = "公文发成印生实施颁失废"  # the first characters of the long 标题 and date labels (rules/html.yaml)


@rules.cached
def _glued_labels() -> regex.Pattern[str]:
    """A field's label of four characters or more glued to its value with nothing between (rules/html.yaml
    metadata_labels, 标题 and date labels): the whole rest is a title ending in its document type, or a date."""
    labels = dict(rules.html_rules().labels)
    title = "|".join(regex.escape(x) for x in sorted((x for x, k in labels.items() if k == "标题" and len(x) >= 4), key=len, reverse=True))
    dates = "|".join(regex.escape(x) for x in sorted((x for x, k in labels.items() if k.endswith("日期") and len(x) >= 4), key=len, reverse=True))
    kinds = "|".join(regex.escape(t) for t in rules.doc_types())
    return regex.compile(
        rf"^(?P<label>{title})(?=[^\s：:|｜].{{4,150}}(?:{kinds})$)|^(?P<label>{dates})(?=(?:19|20)\d{{2}}(?:-\d{{1,2}}-\d{{1,2}}|年\d{{1,2}}月\d{{1,2}}日)$)"
    )


def glued_labels(text: str) -> str:
    """A page's field block whose labels lost their separators ("公文名称商务部等14部门关于印发…的通知",
    "发布日期2024-03-27", mofcom.gov.cn): the label gets its colon, so the line is a field, not a title."""
    if text[:1] not in _GLUED_LABEL_STARTS:
        return text  # most lines hold a trigger character, few open with it
    m = _glued_labels().match(text)
    return text if m is None else f"{m.group('label')}：{text[m.end('label'):]}"


def unwrap_bracketed_title(text: str) -> str:
    """A title a site sets in brackets on a line of its own is the title. '【洛阳市人民政府办公室关于做好春季森林防火
    工作的通知】' -> '洛阳市人民政府办公室关于做好春季森林防火工作的通知'"""
    m = _bracketed_title().match(text) if text.lstrip()[:1] in "【[" else None
    return m.group("title") if m is not None else text


def bracketed_labels(text: str) -> str:
    """A page's metadata table copied with its labels in brackets ("[ 发文字号 ] | 城发改委发〔2025〕4号 |"): each
    label gets its colon (the "label：value" form structure reads, rules/html.yaml metadata_labels)."""
    stripped = _FIELD_NUMBER.sub("", text.lstrip(), count=1)  # a field list numbered by the page ("01. [主题分类]")
    if not stripped.startswith(("[", "【")):
        return text
    pattern = _bracketed_labels(tuple(label for label, _ in rules.html_rules().labels))  # labels hold no spaces
    first = pattern.match(stripped)
    return pattern.sub(lambda m: m.group("label") + "：", stripped) if first is not None else text


# a run of spaces not between two Latin letters nor between two numbers of two digits or more ("2024-07-02
# 08:50" is a date and a time, "0371 65501234" two numbers; "2 0 2 0" is one number letter-spaced by a PDF);
# a run is matched whole: no lookbehind inside it
_SPACE_RUN_NOT_LATIN = regex.compile(r"(?<![A-Za-z\s])(?<!\d\d)\s++|(?<=[A-Za-z])\s++(?![A-Za-z])|(?<=\d\d)\s++(?!\d\d)")


def remove_cjk_spaces(text: str) -> str:
    """Remove spaces inside Chinese text; keep one between two Latin words or two numbers. '到 2020 年底' ->
    '到2020年底', '2024-07-02 08:50' stays"""
    if not _SPACE_RUN.search(text):
        return text.strip()
    # two passes in C, no call per run: the runs beside anything but two Latin letters go, the others become
    # one space
    return _SPACE_RUN.sub(" ", _SPACE_RUN_NOT_LATIN.sub("", text)).strip()


# „2009‟ and ﹝2009﹞: what some PDF fonts' 〔〕 turn into when their text is copied ("湘政办发„2009‟24号"); the
# year's figures may be letters OCR read for them ("〔2O20〕", "〔20l9〕"), as a 文号's year is figures only
_DOCNUM_BRACKETS = regex.compile(
    r"(?<=[\p{Han}A-Za-z）)])\s*[\[［(（【〔„﹝〖]\s*((?:19|2[0O])[\dOoIl]{2})\s*[\]］)）】〕‟﹞〗]\s*(?=第?\s*\d{1,5}\s*号)"
)
_OCR_FIGURES = str.maketrans("OoIl", "0011")


def docnumber_brackets(text: str) -> str:
    """Year brackets of document numbers become 〔〕. '国办发[2019]54号' -> '国办发〔2019〕54号',
    '国办发„2009‟3号' -> '国办发〔2009〕3号', OCR's '铁政发〔2O20〕5号' -> '铁政发〔2020〕5号'"""
    if "号" not in text:
        return text  # the pattern looks ahead to the number's 号
    return _DOCNUM_BRACKETS.sub(lambda m: f"〔{m.group(1).translate(_OCR_FIGURES)}〕", text)


# A forum's anti-copy "jammer" (Discuz prints random strings in hidden <font class="jammer"> that a text copy
# keeps): runs of one-to-three ASCII characters between spaces, mixing letters and punctuation, at a line's end,
# start or whole ("…黄色环保标志及 ! m! S, O3 Z8 P6 m. P", "3 m9 N' x! z( k为改善…")
_JAMMER = regex.compile(r"(?:^|(?<=[\p{Han}\p{P}]) ?)[!-~]{1,3}(?: [!-~]{1,3}){3,}(?=\p{Han}|\s*$)")
_ASCII_PUNCT = regex.compile(r"[!-/:-@\[-`{-~]")


def _jammer(run: str) -> bool:
    tokens = run.split()
    return sum(bool(_ASCII_PUNCT.search(t)) for t in tokens) >= 2 and sum(any(c.isalpha() for c in t) for t in tokens) >= 2


def drop_forum_jammer(text: str) -> str:
    """'…汽车实施限制 ! m! S, O3 Z8 P6 m. P' -> '…汽车实施限制'; numbers, URLs and English words are left."""
    if not _JAMMER.search(text):
        return text

    def drop(m: regex.Match[str]) -> str:
        run = m.group(0)
        if not _jammer(run):
            return run
        # a sentence's own mark glued to the run ("如下:1 I\" Y6…") stays
        return run[0] if run[0] in ",.:;!?" and m.start() > 0 and _HAN.match(text[m.start() - 1]) else ""

    return _JAMMER.sub(drop, text)


_PY = r"[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ\u0300\u0301\u0304\u030c\u0308]"  # NFD tone marks too
# after its character, or opening a line: a PDF broke the line between the character and its gloss
_PINYIN_GLOSS = regex.compile(rf"(?:(?<=\p{{Han}})|^)\s*[（(]\s*{_PY}{{1,10}}(?:\s+{_PY}{{1,10}}){{0,3}}\s*[)）]")
_TONE_MARK = regex.compile(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ\u0300\u0301\u0304\u030c]")


def drop_part_labels(text: str) -> str:
    """An old law database's part label before a line goes (rules/html.yaml part_label). '【章名】 第一章 总则'
    -> '第一章 总则'"""
    m = rules.html_rules().part_label.pattern.match(text)
    return text[m.end() :] if m is not None and m.end() < len(text) else text


def drop_glued_page_numbers(text: str) -> str:
    """A PDF's page number glued to the line before or after it goes (rules/html.yaml glued_page_number).
    '（此件主动公开）—2—' -> '（此件主动公开）'; a page number alone on its line is page chrome, left to it."""
    return rules.html_rules().glued_page_number.pattern.sub("", text)


def drop_site_notes(text: str) -> str:
    """A law site's note on a cited law inside the notice's sentence goes (rules/html.yaml site_note):
    '…条例》【已废止，最新为：《…条例》】，制定本办法' -> '…条例》，制定本办法'."""
    return rules.html_rules().site_note.pattern.sub("", text)


def drop_pinyin_glosses(text: str) -> str:
    """Remove pinyin glosses that mirror sites insert after a character. '新鄉(xiāng)市' -> '新鄉市',
    '规 (guī) 范化' -> '规范化'

    Only glosses carrying a tone mark are removed, so '（PDF）' or '（A类）' stay."""

    def sub(m: regex.Match[str]) -> str:
        return "" if _TONE_MARK.search(m.group(0)) else m.group(0)

    if "(" not in text and "（" not in text:
        return text
    return _PINYIN_GLOSS.sub(sub, text)


@lru_cache(maxsize=1)
def _opencc() -> Callable[[str], str]:
    import opencc  # imported lazily: only documents in traditional characters need it

    return opencc.OpenCC("t2s").convert


_SAMPLE = 4000
_NOT_HAN = regex.compile(r"\P{Han}+")
_SAMPLE_SPAN = 4 * _SAMPLE


def is_traditional(text: str, *, threshold: float = 0.02) -> bool:
    """True when enough Han characters change under OpenCC t2s to call the text traditional."""
    han = _NOT_HAN.sub("", text[:_SAMPLE_SPAN])  # the sample is the first Han characters: look at the top first
    if len(han) < _SAMPLE and len(text) > _SAMPLE_SPAN:
        han = _NOT_HAN.sub("", text)
    if not han:
        return False
    sample = han[:_SAMPLE]
    converted = _opencc()(sample)
    # simplified text, the usual case, needs no character-by-character count
    changed = 0 if converted == sample else sum(1 for a, b in zip(sample, converted) if a != b)
    return changed / len(sample) >= threshold


def to_simplified(text: str) -> str:
    """Traditional to simplified with OpenCC (t2s keeps length: one character for one). '規範化' -> '规范化'"""
    return _opencc()(text)


def taiwan_phrased(text: str) -> bool:
    """True when a traditional text uses the words of a Taiwan-phrased conversion twice (rules/taiwan.yaml,
    looked up after t2s): it was converted from a mainland text with Taiwan phrasing, and to_mainland undoes
    that."""
    found = _taiwan_words().finditer(to_simplified(text))
    return next(found, None) is not None and next(found, None) is not None


def to_mainland(text: str) -> str:
    """A Taiwan-phrased traditional text in simplified characters (OpenCC t2s) and mainland words (those of
    rules/taiwan.yaml; they may change the length, so only for whole lines before any offset is taken).
    '最佳化營商環境' -> '优化营商环境'"""
    words = rules.taiwan_words()
    return _taiwan_words().sub(lambda m: words[m.group(0)], to_simplified(text))


@rules.cached
def _taiwan_words() -> regex.Pattern[str]:
    return regex.compile("|".join(regex.escape(w) for w in sorted(rules.taiwan_words(), key=len, reverse=True)))


_MD_TITLE = r'(?:\s+"[^"]*")?'  # a link's or image's title: [首页](https://… "首页")
# an image is no text of the notice (a site's logo, a chart: "![指标.png](https://…/7e68.png)")
_MD_IMAGE = regex.compile(r"!\[[^\[\]]*\]\s*\(\s*[^()\s]*" + _MD_TITLE + r"\s*\)")
_MD_LINK = regex.compile(r"!?\[([^\[\]]*)\]\s*[(（]\s*([^()（）\s]*)" + _MD_TITLE + r"\s*[)）]")
# bold ("**一、总体要求**"), or a bold run a line break cut ("**辽宁省推动…消费品" / "以旧换新实施方案**"); a
# masked year ("20**年") is no markup, nor are underscores: a blank to fill in ("____年__月__日前") is text
_MD_EMPHASIS = regex.compile(r"(?<!\*)\*\*(?=[^*\s])([^\n]*?[^*\s])\*\*(?!\*)|^\s*\*\*(?=\S)|(?<=\S)\*\*\s*$")
# one underscore or star around a run set apart by spaces ("_发布时间：2024-03-18_ _来源：中国政府网_")
_MD_SINGLE_EMPHASIS = regex.compile(r"(?:^|(?<=\s))([_*])(?=[^_*\s])([^_*\n]*?[^_*\s])\1(?=\s|$)")
# "字号：\[大\]" -> "字号：[大]"; an export escaped twice over ("县\\\（市、区\\\）") loses every backslash before a mark
_MD_ESCAPE = regex.compile(r"\\+([\[\]()#*_`{}+\-.!|（）【】〔〕《》])")
_MD_HARD_BREAK = regex.compile(r"(?<!\\)\\+\s*$")  # a line ending in "\\": Markdown's hard line break
_MD_HEADING = regex.compile(r"^\s*#{1,6}\s*")
_MD_QUOTE = regex.compile(r"^\s*(?:>\s*)+(?=[\p{Han}《“（(])")  # '> 本文正文由…': a blockquote's marker before text
_MD_RULE = regex.compile(r"^\s*(?:[-*_]\s*){3,}$")
_MD_BULLET = regex.compile(r"^\s*[-*+]\s+(?=\S)")
_MD_MARK = re.compile(r"[#*_\[\-+>\\]")  # every pattern above needs one of these


def markdown_markup(text: str) -> str:
    """Markdown exports of notices (crawler dumps) carry markup that is not part of the notice:
    '**一、总体要求**' -> '一、总体要求', '# 标题' -> '标题', '> 引文' -> '引文', '[名称.pdf](/x.pdf)' -> '名称.pdf', '---' -> ''.
    A bullet '- ' is dropped only before markup, so a dash that is text stays."""
    if not _MD_MARK.search(text):
        return text
    if _MD_RULE.match(text):
        return ""
    if _MD_BULLET.match(text) and ("**" in text or "[" in text):
        text = _MD_BULLET.sub("", text)
    text = _MD_QUOTE.sub("", _MD_HEADING.sub("", text))
    text = _MD_LINK.sub(_link_text, _MD_IMAGE.sub("", text))
    if text.lstrip().startswith("**"):
        # a bold line a converter closed and reopened inside ("**…行动方案（2026—2030年****）**"); elsewhere four
        # stars may mask a year ("****年底前")
        text = text.replace("****", "")
    text = _MD_SINGLE_EMPHASIS.sub(r"\2", _MD_EMPHASIS.sub(lambda m: m.group(1) or "", text))
    return _MD_ESCAPE.sub(r"\1", _MD_HARD_BREAK.sub("", text)) if "\\" in text else text


def _link_text(m: regex.Match[str]) -> str:
    """A link's text; one with none (an image's link once the image is gone) keeps its target only when that
    is a file a notice attaches ("[](/附件1.pdf)"), not a site's address."""
    if m.group(1):
        return m.group(1)
    return m.group(2) if rules.words("attached_file").search(m.group(2)) else ""


_EMPTY_CELLS = re.compile(r"^([^|｜]*[^|｜\s])\s*(?:[|｜]\s*)+$|^\s*(?:[|｜]\s*)+$")


def empty_cell_edges(text: str) -> str:
    """The bars of empty table cells a page left after a line of text, or alone on a line: page layout, not
    text. '…先进个人的决定 | |' -> '…先进个人的决定', '|' -> ''. A row of cells ('| 序号 | 任务 |') is kept."""
    if "|" not in text and "｜" not in text or text.lstrip()[:1] in "|｜" and text.strip(" |｜"):
        return text
    m = _EMPTY_CELLS.match(text)
    return text if m is None else m.group(1) or ""


_ENCLOSED = re.compile("[\u3220-\u3229]")
_ENCLOSED_IDEOGRAPHS = str.maketrans({chr(0x3220 + i): f"（{n}）" for i, n in enumerate("一二三四五六七八九十")})


def enclosed_numbers(text: str) -> str:
    """Parenthesised ideographs (U+3220-3229) used as item labels become the two-bracket form GB/T 9704
    §7.3.3 uses: '㈠新型节能建筑体系' -> '（一）新型节能建筑体系'."""
    if not _ENCLOSED.search(text):
        return text
    return text.translate(_ENCLOSED_IDEOGRAPHS)


# A year written in Chinese numerals whose zeros were typed as a letter O (Latin, full-width or Cyrillic: "二ＯＯ七年",
# "二ОО六年" on crawled pages) or read as the figure 0 by OCR ("二00六年"): they stand for 〇 only inside such a
# four-character year.
_CN_YEAR_LOOSE = regex.compile(r"(?<![\p{Han}A-Za-z\d])[〇○零一二三四五六七八九OoＯｏОо0]{4}(?=年)")
_ZERO_LETTERS = str.maketrans({ch: "〇" for ch in "OoＯｏОо0"})


def chinese_year_zeros(text: str) -> str:
    """'二ＯＯ七年二月六日' -> '二〇〇七年二月六日', '二00六年' -> '二〇〇六年' (one character for one, so offsets stay
    valid); a year needs at least one real numeral so a Latin word or a figure before 年 is left alone."""

    def fix(m: regex.Match[str]) -> str:
        y = m.group(0)
        return y.translate(_ZERO_LETTERS) if sum(ch in "一二三四五六七八九" for ch in y) >= 1 else y

    if "年" not in text:
        return text
    return _CN_YEAR_LOOSE.sub(fix, text)


def radicals_to_characters(text: str) -> str:
    """Kangxi radicals (NFKC) and CJK Radicals Supplement forms (rules/radicals.yaml) that fonts and browser
    prints put for ordinary characters become those characters. '⻓期⼯作' -> '长期工作'"""
    if not _RADICAL.search(text):
        return text
    table = rules.radical_map()
    return _RADICAL.sub(lambda m: table.get(m.group(0)) or unicodedata.normalize("NFKC", m.group(0)), text)


_RADICAL = regex.compile(r"[\u2E80-\u2EFF\u2F00-\u2FD5]")

_STRAIGHT_QUOTED = regex.compile(r'(?P<open>[“"])(?P<inner>[^“”"\n]{1,40})(?P<close>[”"])')


def pair_straight_quotes(text: str) -> str:
    """A quotation whose marks mix a straight " with a curly one, or a Chinese phrase in two straight ones (a
    database export, a web page): both marks become the curly pair, so a title that holds it keeps its words
    whole. '《“十四五"数字经济发展规划》' -> '《“十四五”数字经济发展规划》' (one character for one)."""

    def fix(m: regex.Match[str]) -> str:
        if m["open"] == "“" and m["close"] == "”" or m["open"] == m["close"] == '"' and not _HAN.search(m["inner"]):
            return m.group(0)  # a curly pair already; straight quotes around no Chinese (code, a Latin name)
        return f"“{m['inner']}”"

    return _STRAIGHT_QUOTED.sub(fix, text)


# GB2312 punctuation a text layer stored as the code itself (方正书版 typesetting: "，" is GB A3AC and comes
# out as U+A3AC "ꎬ", a Yi syllable; "：" as "ꎺ", "《" as "ꆶ"): rows 1 and 3 of GB2312, read back as GB2312.
_GB_CODE_PUNCT = regex.compile(r"[\uA1A1-\uA1FE\uA3A1-\uA3FE]")
_YI_RUN = regex.compile(r"[\uA000-\uA4CF]{3,}")  # text written in Yi: three syllables in a row, left alone
_GUILLEMETS = regex.compile(r"«(?P<inner>[^«»\n]{1,80})»")


def _gb_char(ch: str) -> str:
    code = ord(ch)
    try:
        got = bytes([code >> 8, code & 0xFF]).decode("gb2312")
    except UnicodeDecodeError:
        return ch
    return "。" if got == "．" else got  # 方正 prints the sentence's full stop with the full-width dot's code


def gb_code_punctuation(text: str) -> str:
    """Punctuation a 方正-typeset PDF's text layer gave as its GB2312 code point ("现印发给你们ꎬ请认真贯彻执行ꎮ"
    -> "现印发给你们，请认真贯彻执行。"), and a title in « » (the same layer's 《》): put right, one character for
    one, in a line of Chinese. A line written in Yi (three syllables together) is left as it is."""
    if not _HAN.search(text) or _YI_RUN.search(text):
        return text
    text = _GB_CODE_PUNCT.sub(lambda m: _gb_char(m.group(0)), text)
    return _GUILLEMETS.sub(lambda m: f"《{m['inner']}》" if _HAN.search(m["inner"]) else m.group(0), text)


_LOST_LABEL_OPENER = regex.compile(r"^\s*([一二三四五六七八九十]{1,3}|\d{1,2})）(?=\p{Han})")
_OPEN = {"（": "）", "《": "》", "“": "”", "〔": "〕"}
_CLOSE = {v: k for k, v in _OPEN.items()}
_ANY_CLOSE = regex.compile("[" + "".join(_CLOSE) + "]")
_ANY_BRACKET = regex.compile("[" + "".join(_OPEN) + "".join(_CLOSE) + "]")


def repair_brackets(text: str) -> str:
    """Opening brackets a text layer stored as the wrong kind or out of order (Word -> ilovepdf exports write
    every opening （ and 《 as 《, a little off its place) are put right where the closing bracket shows what was
    meant: '文物局《文化和旅游厅/局）' -> '文物局（文化和旅游厅/局）', '办公厅“《十四五”规划》' -> '办公厅《“十四五”规划》'."""
    if not _ANY_CLOSE.search(text):
        return text
    text = _LOST_LABEL_OPENER.sub(r"（\1）", text)  # '一）加强' -> '（一）加强': a heading label lost its opener
    chars = list(text)
    stack: list[int] = []
    for m in _ANY_BRACKET.finditer(text):  # only the brackets: the loop is in Python
        i = m.start()
        ch = chars[i]
        if ch in _OPEN:
            stack.append(i)
        elif ch in _CLOSE and stack:
            top = stack[-1]
            if chars[top] == _CLOSE[ch]:
                stack.pop()
            elif len(stack) >= 2 and chars[stack[-2]] == _CLOSE[ch] and stack[-2] + 1 == top:
                # '“《十四五”': two openers side by side closed in the other order were swapped
                a = stack[-2]
                chars[a], chars[top] = chars[top], chars[a]
                stack.pop()
                stack.pop()
                stack.append(a + 1)
            elif chars[top] in "《（" and _CLOSE[ch] in "《（" and ch not in chars[top + 1 : i]:
                chars[top] = _CLOSE[ch]  # '《…）' -> '（…）'
                stack.pop()
    return "".join(chars)


_CLAUSE_START = regex.compile(r"[，。；：、》]|^")


def lost_title_openers(text: str) -> list[int]:
    """Where a 》 with no 《 before it lost its opener in the text layer: the 《 goes back after the verb that
    introduces the title in that clause (印发, 根据…) or at the clause's start. Run on whole paragraphs (a
    title broken over two lines has its 《 on the line before). Returns insertion offsets, ascending.
    '关于印发革命文物保护利用规划》的通知' -> [4]"""
    out: list[int] = []
    depth = 0
    for i, ch in enumerate(text):
        if ch == "《":
            depth += 1
        elif ch == "》":
            if depth:
                depth -= 1
                continue
            start = max(m.end() for m in _CLAUSE_START.finditer(text[:i]))
            verb = rules.words("title_verb").search(text[start:i])
            at = start + verb.end() if verb else start
            if at < i:
                out.append(at)
    return out


_NESTED_TITLE = regex.compile(r"《[^《》\n]*[<＜][^《》<>＜＞\n]+[>＞][^《》\n]*》")


def nested_title_marks(text: str) -> str:
    """Angle brackets standing for the inner title marks of a nested title become 〈〉 (GB/T 15834 §4.15).
    '《关于印发<实施意见>的通知》' -> '《关于印发〈实施意见〉的通知》'"""
    if "<" not in text and "＜" not in text:
        return text
    text = _NESTED_TITLE.sub(lambda m: m.group(0).translate(_ANGLE), text)
    # the inner title closed with the outer mark ("《关于印发＜甘肃省成品油流通管理实施意见》的通知》", a 平川区 notice): the
    # first 》 closes the inner title, the second the outer
    return _NESTED_TITLE_MISCLOSED.sub(r"《\1〈\2〉\3》", text) if "》" in text else text


_NESTED_TITLE_MISCLOSED = regex.compile(r"《([^《》<>＜＞\n]*)[<＜]([^《》<>＜＞\n]+)》([^《》<>＜＞\n]{0,12}?)》")


_ANGLE = str.maketrans({"<": "〈", "＜": "〈", ">": "〉", "＞": "〉"})

_STRAY_COMMA = regex.compile(r"，+(?=[，。、；：！？])")


def stray_commas(text: str) -> str:
    """A comma doubled or put before another mark is a page's rendering fault (a mirror site writes one after
    every comma and stop of the text it copies), never the writer's: one mark is kept.
    '各县（市，、区）人民政府，，市政府各部门' -> '各县（市、区）人民政府，市政府各部门'"""
    return _STRAY_COMMA.sub("", text) if "，" in text else text


LINE_CLEANERS: tuple[Callable[[str], str], ...] = (
    drop_forum_jammer,
    markdown_markup,
    drop_part_labels,
    drop_glued_page_numbers,
    drop_site_notes,
    empty_cell_edges,
    radicals_to_characters,
    enclosed_numbers,
    strip_invisible,
    gb_code_punctuation,
    fullwidth_alphanumerics,
    drop_pinyin_glosses,
    fullwidth_parentheses,
    fullwidth_punctuation,
    colon_spaced_labels,
    unwrap_bracketed_title,
    bracketed_labels,
    glued_labels,
    spaced_list_items,
    remove_cjk_spaces,
    docnumber_brackets,
    chinese_year_zeros,
    pair_straight_quotes,
    repair_brackets,
    nested_title_marks,
    stray_commas,
)


# The characters without which each cleaner leaves a line as it is (its own first test), by cleaner. A line is
# asked once which of them it holds, and only the cleaners it can concern run; after a cleaner changes the
# line (a "(" made "（", a space let in) the question is asked again. Issue 14: fifteen calls per line were
# a third of the normalising time of a PDF's short lines.
_WHITESPACE = "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
_TRIGGERS: dict[Callable[[str], str], str] = {
    drop_forum_jammer: " ",
    markdown_markup: "#*_[-+>\\",
    drop_part_labels: "【<篇",
    drop_glued_page_numbers: "—－",
    drop_site_notes: "【",
    empty_cell_edges: "|｜",
    radicals_to_characters: "".join(map(chr, range(0x2E80, 0x2F00))) + "".join(map(chr, range(0x2F00, 0x2FD6))),
    enclosed_numbers: "".join(map(chr, range(0x3220, 0x322A))),
    strip_invisible: "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u00a0\u202f\u205f\u3000\t\x7f" + "".join(map(chr, [*range(0x2000, 0x200B), *range(0x00, 0x09), *range(0x0E, 0x1C)])),
    fullwidth_alphanumerics: "".join(map(chr, _FULLWIDTH_ALNUM)),
    drop_pinyin_glosses: "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ\u0300\u0301\u0304\u030c",  # a gloss goes only with its tone mark
    fullwidth_parentheses: "()",
    fullwidth_punctuation: ",:;?!",
    colon_spaced_labels: " \u3000\u00a0",
    spaced_list_items: "抄分主：:",
    unwrap_bracketed_title: "[【",
    bracketed_labels: "[【",
    glued_labels: _GLUED_LABEL_STARTS,
    remove_cjk_spaces: _WHITESPACE,
    docnumber_brackets: "号",
    chinese_year_zeros: "OoＯｏОо0",  # only a letter O or a figure 0 in a year is changed
    gb_code_punctuation: "«" + "".join(map(chr, range(0xA1A1, 0xA1FF))) + "".join(map(chr, range(0xA3A1, 0xA3FF))),
    pair_straight_quotes: '"',
    repair_brackets: "）》”〕",
    nested_title_marks: "<＜",
    stray_commas: "，",
}
_TRIGGER_CHARS = re.compile("[^" + re.escape("".join(sorted(set("".join(_TRIGGERS.values()))))) + "]+")


@lru_cache(maxsize=1)
def _char_bits() -> dict[str, int]:
    """Each trigger character's bit set: bit k for LINE_CLEANERS[k]."""
    bits: dict[str, int] = {}
    for k, cleaner in enumerate(LINE_CLEANERS):
        for ch in _TRIGGERS[cleaner]:
            bits[ch] = bits.get(ch, 0) | 1 << k
    return bits


def _bits(text: str) -> int:
    bits, mask = _char_bits(), 0
    for ch in set(_TRIGGER_CHARS.sub("", text)):
        mask |= bits[ch]
    return mask


def clean_line(text: str) -> str:
    """Apply every line cleaner in order (those the line holds no trigger character of are skipped: they
    would return it unchanged)."""
    mask = _bits(text)
    k = 0
    while mask >> k:
        if mask >> k & 1:
            cleaned = LINE_CLEANERS[k](text)
            if cleaned != text:
                text = cleaned
                mask = _bits(text)
        k += 1
    return text


def clean_line_each(text: str) -> str:
    """Every line cleaner in order, none skipped: what clean_line must equal (tests)."""
    for cleaner in LINE_CLEANERS:
        text = cleaner(text)
    return text


def visual_width(text: str) -> float:
    """Width of a line in full-width character units: Latin letters, digits and ASCII count half."""
    return len(text) - len(_NARROW.findall(text)) / 2  # one C pass, not a Python loop per character


_NARROW = re.compile(r"[\x00-\u2E7F]")  # the standard library's re: a plain class, several times faster here
