"""Text garbled by a wrong decoding before it reached us (乱码): a notice's UTF-8 bytes read as GBK
("娌冲崡鐪佷汉姘戞斂搴�" for "河南省人民政府"), as Latin-1/Windows-1252 ("æ²³å\x8d\x97ç\x9c\x81") or as a
Cyrillic code page ("дЄ≠еНОдЇЇж∞С"), then saved again. The bytes are taken back and read as UTF-8: ftfy for the
Western code pages, the codec itself for GBK and the Cyrillic ones (which ftfy does not cover). A repair is kept
only when it turns rare characters into common ones; characters the first decoding dropped stay lost (U+FFFD)
and the caller is told how many."""

from __future__ import annotations

from dataclasses import dataclass

import regex

# full-width punctuation read as GBK: "，" (EF BC 8C) gives "锛�", "、"/"。" (E3 80 81/82) give "銆�"; a notice
# holds them in every sentence
_GBK_MARKS = ("锛", "銆")
_SAMPLE_HAN = 2000  # Han characters looked at to judge a text
COMMON_SHARE = 0.8  # a repaired text's Han characters are this share GB2312 level 1 (the 3,755 common ones)
_MIN_HAN = 20  # fewer Han characters say nothing of how common they are
_LATIN_MARKS = 20  # Latin-1 letters (à-ÿ range) from this many, with no Han, suggest UTF-8 read as Latin-1
_HAN_CHAR = regex.compile(r"\p{Han}")
_LATIN1_LETTER = regex.compile("[\u00c0-\u00ff]")
# UTF-8 read as a Cyrillic code page and saved again ("дЄ≠еНОдЇЇж∞С" for "中华人民", a Mac's or a Russian Windows
# machine's default): every Han character's lead byte E4-E9 becomes д-й, so a garbled notice is mostly Cyrillic
_CYRILLIC_LETTER = regex.compile("[\u0400-\u04ff]")
_CYRILLIC_MARKS = 20
_CYRILLIC_PAGES = (("mac_cyrillic", "Mac Cyrillic"), ("cp1251", "Windows-1251"))


@dataclass(frozen=True, slots=True)
class Repair:
    text: str
    read_as: str = ""  # the wrong encoding undone ("GBK", "Latin-1/Windows-1252"), '' when nothing was done
    lost: int = 0  # characters the wrong decoding dropped, now U+FFFD


def _han(text: str) -> list[str]:
    out = []
    for c in text:
        if "\u4e00" <= c <= "\u9fff":
            out.append(c)
            if len(out) >= _SAMPLE_HAN:
                break
    return out


def common_share(text: str) -> float:
    """The share of the text's Han characters (a sample) that are GB2312 level 1, the 3,755 characters of
    everyday writing; 0.0 when there are too few to judge."""
    han = _han(text)
    if len(han) < _MIN_HAN:
        return 0.0
    common = 0
    for c in han:
        try:
            b = c.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 0xB0 <= b[0] <= 0xD7
    return common / len(han)


def _from_gbk(text: str) -> str:
    # the pieces between the replacement marks the first decoding left, each taken back on its own
    return "\ufffd".join(p.encode("gb18030").decode("utf-8", errors="replace") for p in text.split("\ufffd"))


def repair(text: str) -> Repair:
    """The text with a wrong decoding undone, or unchanged."""
    if any(m in text for m in _GBK_MARKS):
        before = common_share(text)
        if before < COMMON_SHARE:
            fixed = _from_gbk(text)
            after = common_share(fixed)
            if after >= COMMON_SHARE and after > before + 0.2:
                return Repair(fixed, "GBK", max(0, fixed.count("\ufffd") - text.count("\ufffd")))
    # asked of every text: the search for a Han character (found at once in a notice) first, no loop in Python
    if _HAN_CHAR.search(text) is not None:
        return Repair(text)
    if len(_LATIN1_LETTER.findall(text)) >= _LATIN_MARKS:
        import ftfy  # imported lazily: only a garbled text needs it

        fixed = ftfy.fix_encoding(text)
        if common_share(fixed) >= COMMON_SHARE:
            return Repair(fixed, "Latin-1/Windows-1252", max(0, fixed.count("\ufffd") - text.count("\ufffd")))
    if len(_CYRILLIC_LETTER.findall(text)) >= _CYRILLIC_MARKS:
        for codec, name in _CYRILLIC_PAGES:  # (ftfy covers neither)
            fixed = text.encode(codec, errors="replace").decode("utf-8", errors="replace")
            if common_share(fixed) >= COMMON_SHARE:
                return Repair(fixed, name, max(0, fixed.count("\ufffd") - text.count("\ufffd")))
    return Repair(text)


def repair_note(source: str, r: Repair) -> str:
    """The errors-row message of a repair that could not bring every character back, or ''."""
    if not r.read_as or not r.lost:
        return ""
    return (
        f"{source}: the text had been garbled (its UTF-8 read as {r.read_as} and saved again); it was repaired, "
        f"but {r.lost} characters the wrong reading dropped are lost (shown as \ufffd): check values near them "
        "against the original file"
    )
