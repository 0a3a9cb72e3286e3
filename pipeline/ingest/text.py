"""Plain text and Markdown: decode, split lines, and lift tables (tab-separated lines, HTML `<table>` or
`<p>` fragments, Markdown pipe tables) out of the line stream."""

from __future__ import annotations

import codecs
from pathlib import Path

import regex
from charset_normalizer import from_bytes
from lxml import html as lxml_html

from .. import rules
from ..model import Block, IngestError, Line, SourceDocument, Table
from .frontmatter import split_front_matter
from .mojibake import repair, repair_note
from .cell_lines import MAX_HEADER_CELL, NONE_CELL, ROW_NUMBER, SPACES, align_cells, cell_per_line_table
from .text_pages import drop_page_furniture
from .tables import html_table_grid, join_cell_paragraphs, split_paragraph_rows, stitch

# Encodings a Chinese notice arrives in; charset-normalizer is asked to choose among these first.
_CANDIDATES = ("utf_8", "gb18030", "big5", "utf_16")


def decode(data: bytes, *, source: str) -> str:
    """Bytes to text: a BOM decides; else strict UTF-8; else charset-normalizer among the Chinese encodings."""
    return decode_noted(data, source=source)[0]


MAX_BAD_UTF8 = 3  # invalid UTF-8 sequences a file may hold (a download cut inside its last character, a stray
BAD_UTF8_PER_CHARS = 2000  # byte) and still be read as UTF-8: one more per this many characters


def _nearly_utf8(data: bytes, source: str) -> tuple[str, str] | None:
    """UTF-8 with a few bytes that are not (a file cut short inside its last character, a stray byte): the text
    with those bytes as U+FFFD and a note naming how many, or None when the bytes are another encoding's."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad > max(MAX_BAD_UTF8, len(text) // BAD_UTF8_PER_CHARS) or len(_HAN_CHAR.findall(text, endpos=2000)) < MIN_UTF8_HAN:
        return None
    if bad == 1 and text.rstrip().endswith("\ufffd"):
        return text, f"{source}: the file ends inside a character (it was cut short, shown as \ufffd); the rest was read as UTF-8"
    return text, f"{source}: {bad} places in the file are not UTF-8 (shown as \ufffd); the rest was read as UTF-8: check values near them"


_HAN_CHAR = regex.compile(r"\p{Han}")
MIN_UTF8_HAN = 10  # Han characters read as UTF-8 that say the file is UTF-8


def decode_noted(data: bytes, *, source: str) -> tuple[str, str]:
    """decode, and a note for the errors table when bytes had to be replaced ('' when none were)."""
    if not data.strip():
        raise IngestError(f"{source}: the file is empty; nothing to extract")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _not_binary(data.decode(enc), source), ""
            except UnicodeDecodeError as e:
                raise IngestError(f"{source}: starts with a {enc} byte-order mark but is not {enc} ({e.reason}); save it as UTF-8", stage="decode") from e
    try:
        return _not_binary(data.decode("utf-8"), source), ""
    except UnicodeDecodeError:
        pass
    if (nearly := _nearly_utf8(data, source)) is not None:
        return _not_binary(nearly[0], source), nearly[1]
    best = from_bytes(data, cp_isolation=list(_CANDIDATES)).best() or from_bytes(data).best()
    if best is None:
        raise IngestError(
            f"{source}: cannot tell the text encoding (not UTF-8, GB18030, Big5 or UTF-16); "
            "save the file as UTF-8 and run again",
            stage="decode",
        )
    text = str(best)
    if text.count("\ufffd") > max(3, len(text) // 100):
        raise IngestError(f"{source}: decoded as {best.encoding} but the text is garbled; save it as UTF-8", stage="decode")
    return _not_binary(text, source), ""


_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


MIN_LOST_MARKS = 20  # "?" or U+FFFD standing for characters an export lost, from this many ...
LOST_SHARE = 0.3  # ... and this share of the visible characters


def _marked_share(text: str, marks: int, share: float) -> tuple[int, int, str] | None:
    """(marks, visible characters, first line) when `marks` odd characters make up `share` of a text's visible
    ones (and number MIN_LOST_MARKS at least), else None."""
    if marks < MIN_LOST_MARKS:
        return None
    shown = sum(1 for c in text if not c.isspace())
    if marks < share * shown:
        return None
    return marks, shown, next((ln.strip()[:60] for ln in text.splitlines() if ln.strip()), "")


def lost_characters(text: str, source: str) -> str:
    """Why a text is beyond reading because its characters were lost before it was saved, or '': a page or
    export saved in an encoding without Chinese turns every character into "?" (or U+FFFD), which no decoding
    brings back."""
    found = _marked_share(text, text.count("?") + text.count("\ufffd"), LOST_SHARE)
    return "" if found is None else (
        f"{source}: its Chinese characters were lost before it reached the pipeline: {found[0]} of {found[1]} "
        f"characters are '?' or '\ufffd' ({found[2]!r}), as when a page is saved or exported in an encoding "
        "without Chinese (ASCII, Latin-1); save or export it again from the original as UTF-8 or GB18030"
    )


GARBLED_SHARE = 0.15  # Latin-1 letters and cp1252 signs among a text's visible characters that make it garbled
_GARBLED = regex.compile(r"[\u00c0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


def garbled_characters(text: str, source: str) -> str:
    """Why a text with almost no Chinese is garbled, or '': Latin accented letters and Windows-1252 signs where
    Chinese should be (":NñmeQ/{…NÑs^;…ÍW"), as a PDF's text layer copied through a wrong font mapping or bytes
    decoded in the wrong encoding leave it; no rule reads such a text, so the file is to be extracted again."""
    found = _marked_share(text, len(_GARBLED.findall(text)), GARBLED_SHARE)
    return "" if found is None else (
        f"{source}: its text is garbled: {found[0]} of {found[1]} characters are accented Latin letters or symbols "
        f"where Chinese is expected ({found[2][:40]!r}), as when a PDF's text is copied through a wrong font mapping "
        "or a file is decoded in the wrong encoding; extract the text again from the original (or run the PDF "
        "itself, which the pipeline reads or OCRs)"
    )


def _not_binary(text: str, source: str) -> str:
    """Control characters (NUL…) do not occur in a notice: many of them mean a binary file named .txt."""
    if len(_CONTROL.findall(text)) > max(2, len(text) // 200):
        raise IngestError(
            f"{source}: holds binary data (control characters), not text; if it is a PDF, Word or image file, "
            "give it its real extension",
            stage="decode",
        )
    return text


_TABLE_OPEN = regex.compile(r"<table\b", regex.I)
_TABLE_CLOSE = regex.compile(r"</table>", regex.I)
_MD_RULE = regex.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_HTML_TAGS = regex.compile(r"</?(?:p|br|span|div|b|strong|font)\b[^>]*>", regex.I)
_HTML_BLOCK = regex.compile(r"</p\s*>|<br\s*/?>|</div\s*>|<p\b[^>]*>|<div\b[^>]*>", regex.I)  # where a paragraph ends
_HTML_COMMENT = regex.compile(r"<!--.*?-->", regex.S)  # Markdown exports mark their parts (<!-- INFO END -->)


def _md_cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [c.strip() for c in inner.split("|")]


_MD_CELL_BREAK = regex.compile(r"<br\s*/?>", regex.I)  # a line break inside a cell ("能源与<br>环境")
LAYOUT_CELL_CHARS = 200  # a cell this long holding line breaks is a page's text set in a table, not a data cell


_NONE_CELL = regex.compile(r"[—–\-－/／\s]+|无")  # "——" in a 协办单位 column: none


def _md_cell_text(cell: str) -> str:
    """A data table's cell with its line breaks: units listed a line each ("区生态环境局<br>各街镇") are a list,
    "区生态环境局、各街镇"; a word or a name the cell's width wrapped ("空气质量<br>目标", "区机关事务管理<br>服务中心",
    "市规划自然资源委<br>丰台分局") runs on; "——" says none."""
    pieces = [p.strip() for p in _MD_CELL_BREAK.split(cell) if p.strip()]
    if not pieces:
        return ""
    if all(_NONE_CELL.fullmatch(p) for p in pieces):
        return NONE_CELL  # kept through the row's alignment and the filling down, emptied after
    return join_cell_paragraphs(pieces, sep="、")  # (a 、 list, as a unit column's cell is read: no sentence mark)


def _layout_table(rows: list[list[str]]) -> bool:
    """A Markdown table that only lays a page out: one column (the title, the byline, the notice as rows of one
    cell), or a cell holding the notice's paragraphs as lines ("各相关部门…：<br>为进一步规范…<br>一、工作目标<br>…",
    a county site's page converted whole)."""
    width = max(len(r) for r in rows)
    return width == 1 or any(len(c) > LAYOUT_CELL_CHARS and _MD_CELL_BREAK.search(c) for r in rows for c in r)


_FIELD_LABEL_CELL = regex.compile(r"^\p{Han}[\p{Han}\s]{0,10}[：:]$")
_FIELD_IN_CELL = regex.compile(r"^(?P<label>\p{Han}[\p{Han}\s]{0,10}?)\s*[：:]\s*(?P<value>\S.*)$")
FIELD_TABLE_MIN_KNOWN = 2  # labels rules/html.yaml knows, among a field table's
_BRACKETED_LABEL = regex.compile(r"^\\?[\[【]\s*(\p{Han}[\p{Han}\s]{0,10}?)\s*\\?[\]】]$")


def _field_lines(rows: list[list[str]]) -> list[str] | None:
    """A page's metadata block converted to a Markdown table, labels and values side by side ("| 索  引  号： |
    11620403013912770D/2025-201869 | 生成日期： | 2025-06-18 |"): its fields as "label：value" lines, the form a
    page's field block copied as text takes (structure reads them as the page's, not the notice's); None when
    the table is no such block (every label cell ends with its colon or is a known label, two at least known)."""
    known = {a for a, _ in rules.html_rules().labels}
    out: list[str] = []
    hits = 0
    for raw in rows:
        # a bold label ("**发文单位：**"); a bracketed one ("\[ 索引号 \]") is a label as a colon makes one
        r = [c.replace("**", "").strip() for c in raw]
        r = [_BRACKETED_LABEL.sub(r"\1：", c) for c in r]
        if not any(r):
            continue
        in_cells = [_FIELD_IN_CELL.match(c) for c in r if c]
        if all(in_cells):
            # each cell a field of its own, label and value together ("发文单位： 广西壮族自治区能源局 …")
            for m in filter(None, in_cells):
                bare = SPACES.sub("", m.group("label"))
                hits += bare in known
                if m.group("value").strip():
                    out.append(f"{bare}：{m.group('value').strip()}")
            continue
        if len(r) % 2:
            return None
        for label, value in zip(r[0::2], r[1::2]):
            if not label.strip():
                if value.strip():
                    return None
                continue
            bare = SPACES.sub("", label).rstrip("：:")
            if not _FIELD_LABEL_CELL.match(label.strip()) and bare not in known:
                return None  # a label cell ends with its colon, or is a label the rules know ("| 文件编号 | …号 |")
            hits += bare in known
            if value.strip():  # an empty field ("文       号：" over nothing) is left out: alone, a label takes the next line
                out.append(f"{bare}：{value.strip()}")
    return out if hits >= FIELD_TABLE_MIN_KNOWN else None


def _layout_lines(rows: list[list[str]]) -> list[str]:
    """A layout table's text: each cell's lines, in reading order; empty cells and nested tables' rules go."""
    out = []
    for r in rows:
        for c in r:
            out += [piece.strip() for piece in _MD_CELL_BREAK.split(c) if piece.strip() and not _MD_RULE.match(piece)]
    return out


# a space where a line break was: between Han text (or a closing mark) and Han text, an opening mark or a date
# (a numbered heading too: "…(修订) 1.总则 1.1目的依据 提高…", an 应急预案's §1.1)
# (a year after a word that takes it, "到 2025 年" as a PDF spaces figures, is no line's start)
_LOST_BREAK = regex.compile(
    r"(?<=[\p{Han}。；：！？）)》”〕])[ \u3000\xa0]+(?=[\p{Han}（(《“〔【]|\d{1,2}[.．](?:\d{1,2}[.．]?){0,2}\p{Han})"
    r"|(?<=[。；：！？）)》”〕])[ \u3000\xa0]+(?=\d{4}\s*年)"
    # after a word, a year set apart from its 年 ("做好 2022 年…" / "源在 2021 和") is a PDF's spacing of figures, no
    # break, unless a whole date follows (a 成文日期 under its 署名)
    r"|(?<=\p{Han})(?<![到至于在从自])[ \u3000\xa0]+(?=\d{4}年|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
)
LOST_BREAKS_MIN_CHARS = 120  # a one-line text shorter than this is left as it is
LOST_BREAKS_LONG_LINE = 300  # a line this long is a page's text run together, whatever the lines around it
LOST_BREAKS_MIN_SPLITS = 3
# the paragraph mark of a document-sharing site's text layer: Word's ¶ comes out as a Cyrillic "Р" between
# paragraphs ("…行动高效。Р(二)形成整治合力。…"); a text with a few and no other Cyrillic letter uses it so
_PARAGRAPH_MARK = regex.compile(r"[ \u3000]*[Р¶][ \u3000]*")
_OTHER_CYRILLIC = regex.compile(r"[\p{Cyrillic}--[Р]]", regex.V1)
PARAGRAPH_MARKS_MIN = 3


def _md_grid(rows: list[list[str]]) -> tuple[tuple[tuple[str, ...], ...], frozenset[tuple[int, int]]]:
    """A Markdown table's rows, each as wide as the widest. A page's table converted to Markdown drops the
    cells a merged cell spans ("| 2 | 新建10家绿色工厂…。 | 市工信局、市发改委 |" under "| 序号 | 领域 | 2024年推进任务 |
    牵头责任部门 |", its 领域 merged from the row above): under a header of known columns (rules/tables.yaml) a short
    row's cells are matched to the columns by what each holds (cell_lines.align_cells), the spanned ones left
    blank for the task reader to fill down; a row that fits no alignment keeps its cells from the left. A row of
    one cell (a group's heading, "| 一、实施设备更新行动 |") spans the table, as its colspan did: the grid and the
    cells it fills."""
    width = max(len(r) for r in rows)
    roles = rules.header_roles(rows[0]) if len(rows[0]) == width else ()
    out = []
    spanning: set[tuple[int, int]] = set()
    for n, r in enumerate(rows):
        cells = None
        kept = r[: max((k + 1 for k, c in enumerate(r) if c.strip()), default=0)]  # its empty last cells are blank columns
        if width > 1 and sum(1 for c in r if c) == 1 and r[0] and n > 0:
            cells = [r[0]] * width
            spanning |= {(n, c) for c in range(1, width)}
        elif roles and roles[0] == "seq" and 2 <= len(r) < width and ROW_NUMBER.match(r[0].strip()):
            rest = align_cells(roles[1:], [c.strip() for c in kept[1:]]) if len(kept) > 1 else None
            cells = [r[0], *rest] if rest is not None else None
        elif roles and roles[0] == "seq" and 2 <= len(r) < width and n > 0 and kept:
            # a row under the same 序号 and task as the row above, their merged cells dropped ("| 落实…方案。 | 年底前 |
            # 区城市管理委 | 区住房城乡建设委 |" under "| 序号 | 重点任务 | 工作措施 | 完成时限 | 牵头部门 | 主责单位 | …")
            cells = align_cells(roles, [c.strip() for c in kept])
        out.append(tuple(cells if cells is not None else r + [""] * (width - len(r))))
    return _filled_down(out, roles, spanning)


def _filled_down(
    rows: list[tuple[str, ...]], roles: tuple[str, ...], spanning: set[tuple[int, int]]
) -> tuple[tuple[tuple[str, ...], ...], frozenset[tuple[int, int]]]:
    """The blank cells of columns merged in practice (rules/tables.yaml fill_down) take the value above, as
    layout fills a text export's table; a cell that said none ("——") stays empty, and a group's heading row
    gives nothing to the row under it. The reader fills them here, so the table's merges are known."""
    grid = [list(r) for r in rows]
    filled = set(spanning)
    heading_rows = {i for i, _ in spanning}
    down = rules.table_columns().fill_down
    for j, role in enumerate(roles):
        if role not in down:
            continue
        for i in range(1, len(grid)):
            above = grid[i - 1]
            if not grid[i][j].strip() and above[j].strip() and above[j] != NONE_CELL and i - 1 not in heading_rows:
                if any(c.strip() for k, c in enumerate(grid[i]) if k != j):
                    grid[i][j] = above[j]
                    filled.add((i, j))
    return tuple(tuple("" if c == NONE_CELL else c for c in r) for r in grid), frozenset(filled)


def _restore_paragraph_marks(text: str) -> str:
    """'…高效。Р(二)形成…Р(三)…' -> one paragraph per line; a text with Cyrillic words is left as it is."""
    if text.count("Р") + text.count("¶") < PARAGRAPH_MARKS_MIN or _OTHER_CYRILLIC.search(text):
        return text
    return _PARAGRAPH_MARK.sub("\n", text)


def _restore_lost_breaks(lines: list[str]) -> list[str]:
    """A notice whose line breaks became spaces (a crawled page's text saved as one line: "…的通知 庚政办发〔2023〕7号
    各县（市、区）人民政府，市政府各部门： 经市政府同意，…"): its lines back, so the 文号, title, 主送机关 and
    署名 stand alone again. Only a text of at most three lines is read so, or a line of LOST_BREAKS_LONG_LINE
    characters or more (a page's field list over a notice run together); in any other text a space between Han
    characters is a space (PDF text keeps many)."""
    nonempty = [line for line in lines if line.strip()]
    marked = any("\t" in line or "<" in line for line in nonempty)  # a table's cells, or markup: not prose
    one_line = 0 < len(nonempty) <= 3 and sum(map(len, nonempty)) >= LOST_BREAKS_MIN_CHARS and not marked
    if not one_line and not any(len(line) >= LOST_BREAKS_LONG_LINE for line in nonempty):
        return lines
    out: list[str] = []
    for line in lines:
        if not one_line and (len(line) < LOST_BREAKS_LONG_LINE or "\t" in line or "<" in line):
            out.append(line)  # the short lines of a page whose notice alone ran together (its field list above it)
            continue
        pieces = _rejoin_letter_spaced(_LOST_BREAK.split(line))
        # a text set with a space after every character ("省 政 府 文 件 青 海 省 人 民 政 府 关 于 …", a document
        # site's transcription of a PDF) has no breaks to restore: its spaces are letter-spacing
        spaced = len(_SPACED_PAIR.findall(line))
        restore = len(pieces) > LOST_BREAKS_MIN_SPLITS and spaced < LETTER_SPACED_SHARE * (spaced + len(_CLOSE_PAIR.findall(line)))
        # a long line among others is one paragraph unless what the spaces part are a notice's elements (a heading,
        # a 成文日期, the 附件 note): a paragraph whose sentences an export spaced ("…。 二是…") stays whole
        if restore and not one_line:
            restore = any(_opens_an_element(p) for p in pieces[1:])
        out.extend(pieces if restore else [line])
    return out


_PART_LABEL_END = regex.compile(r"第[一二三四五六七八九十百零〇\d]{1,5}[编章节]$")


def _rejoin_letter_spaced(pieces: list[str]) -> list[str]:
    """The pieces of a line cut at its spaces, with a letter-spaced heading's characters back together ("第一章" /
    "总" / "则" -> "第一章　总则": a single character is no line of its own)."""
    out: list[str] = []
    for piece in pieces:
        if out and _HAN_CHAR.fullmatch(piece):
            out[-1] += ("\u3000" if _PART_LABEL_END.search(out[-1]) else "") + piece
        else:
            out.append(piece)
    return out


def _opens_an_element(piece: str) -> bool:
    """A heading (rules/headings.yaml), a 成文日期 or the 附件 note (rules/elements.yaml) opens the piece."""
    el = rules.element_rules()
    return any(r.pattern.match(piece) for r in rules.heading_rules()) or bool(el["signed_date"].pattern.match(piece) or el["attachments"].pattern.match(piece))


_SPACED_PAIR = regex.compile(r"(?<=\p{Han}) (?=\p{Han})")
_CLOSE_PAIR = regex.compile(r"(?<=\p{Han})(?=\p{Han})")
LETTER_SPACED_SHARE = 0.5  # of the Han-to-Han steps of a line, this share or more spaced: letter-spacing


_COLUMN_GAP = regex.compile(r"(?:[ \u00a0]{2,}|\u3000+|\t)+")  # the gap between two cells of a line set in columns


def _column_cells(line: str) -> list[str]:
    return [c for c in _COLUMN_GAP.split(line.strip()) if c]


def _space_aligned_table(lines: list[str], i: int) -> tuple[Table, int] | None:
    """A table set in columns with runs of spaces (a PDF's text saved with its layout, a table retyped in a
    plain-text notice): a header line of known column names (rules/tables.yaml) that starts with 序号, then
    rows numbered 1, 2, … with as many cells ("序号    工作任务    牵头单位    完成时限" / "1    完成…    县住建局
    2024年6月底前"). A row with a cell fewer or more ends the table; its lines stay text."""
    if "  " not in lines[i] and "\u3000" not in lines[i]:
        return None  # asked of every line of a text: the cheapest test first
    cols = rules.table_columns()
    header = [SPACES.sub("", c) for c in _column_cells(lines[i])]
    if len(header) < 3 or cols.role(header[0]) != "seq" or any(len(h) > MAX_HEADER_CELL or not cols.role(h) for h in header):
        return None
    if not {cols.role(h) for h in header} & {"title", "detail", "units", "lead"}:
        return None
    rows: list[list[str]] = [header]
    j, end, n = i + 1, i + 1, 1
    row_line = ""  # the last numbered row's line: where its cells start
    while j < len(lines):
        if not lines[j].strip():
            j += 1
            continue
        cells = _column_cells(lines[j])
        m = ROW_NUMBER.match(cells[0]) if cells else None
        if m is None and row_line and (wrapped := _wrapped_cells(row_line, lines[j])) is not None:
            # a row's cells wrapped onto an indented line ("        绿化品质            各县（市、区）政府"): each
            # piece goes on the cell it stands under; after the last row only pieces set exactly under a cell
            last = not any(ROW_NUMBER.match((_column_cells(t) or [""])[0]) for t in lines[j + 1 : j + 1 + MAX_WRAPPED_LINES] if t.strip())
            if not last or wrapped[1] <= 1:
                for col, piece in wrapped[0]:
                    rows[-1][col] += piece
                j, end = j + 1, j + 1
                continue
        if m is None or int(m.group(1)) != n or len(cells) != len(header):
            break
        rows.append(cells)
        row_line = lines[j]
        j, end, n = j + 1, j + 1, n + 1
    if len(rows) < 2:
        return None
    return Table(tuple(tuple(r) for r in rows), (None,) * len(rows), frozenset()), end


MAX_WRAPPED_LINES = 3  # lines one row's cells may wrap onto
_CELL = regex.compile(r"(?:(?![ \u00a0]{2,}|\u3000|\t).)+")
_WIDE = regex.compile(r"[^\x00-\u2E7F]")


def _starts(line: str) -> list[tuple[tuple[int, int], str]]:
    """The cells of a line set in columns: ((start in characters, start in display columns, a wide character
    two), text). A text saved from a PDF's layout counts characters, one retyped in an editor display columns."""
    return [((m.start(), m.start() + len(_WIDE.findall(line, 0, m.start()))), m.group().strip()) for m in _CELL.finditer(line) if m.group().strip()]


def _wrapped_cells(row: str, line: str) -> tuple[list[tuple[int, str]], int] | None:
    """The pieces of an indented line that continue the cells of the row above it, each with the column it stands
    under (the nearer of the two ways of counting), and the largest distance from a cell's start; None when the
    line is not indented or holds a piece for the row's number."""
    if not line[:1].isspace():
        return None
    above, below = _starts(row), _starts(line)
    if len(above) < 2 or not below or below[0][0][0] <= above[0][0][0] or len(below) >= len(above):
        return None
    best: tuple[int, list[tuple[int, str]]] | None = None
    for metric in (0, 1):
        cols = [a[0][metric] for a in above]
        placed, worst = [], 0
        for piece in below:
            at = piece[0][metric]
            col = min(range(1, len(cols)), key=lambda c: abs(cols[c] - at))
            placed.append((col, piece[1]))
            worst = max(worst, abs(cols[col] - at))
        if len({c for c, _ in placed}) == len(placed) and (best is None or worst < best[0]):
            best = (worst, placed)
    return (best[1], best[0]) if best is not None else None


CELL_BAR_RUN = 4  # lines in a row ending with a bar: a table's cells, one per line


def _cell_bars(lines: list[str]) -> list[str]:
    """A table copied as text one cell per line, each cell closed by its bar ("序号 |" / "重点工作 |" / … / "1 |" /
    "坚持服务跟着项目走…。 |"): the bars go, so the cells read as a table saved a cell per line does. A Markdown row
    (opening with a bar too) and a line or two ending in a bar stay as they are."""
    if not any(line.endswith("|") for line in lines):
        return lines
    out = list(lines)
    run: list[int] = []
    for k, line in enumerate([*lines, ""]):
        stripped = line.strip()
        if stripped.endswith("|") and not stripped.startswith("|") and stripped.count("|") == 1:
            run.append(k)
            continue
        if len(run) >= CELL_BAR_RUN:
            for j in run:
                out[j] = lines[j].strip()[:-1].rstrip()
        run = []
    return out


def blocks_from_text(text: str) -> list[Block]:
    """Split decoded text into lines and tables, in reading order."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # a comment is no text; its line breaks stay, so line numbers (and tables around it) keep their places
    if "<!--" in text:
        text = _HTML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    lines = _cell_bars(_restore_lost_breaks(_restore_paragraph_marks(text).split("\n")))
    blocks: list[Block] = []
    pending: list[Table] = []  # consecutive tables, stitched when the run ends

    def flush() -> None:
        blocks.extend(stitch(pending))
        pending.clear()

    i = 0
    blank = 0  # blank lines since the last text line
    while i < len(lines):
        line = lines[i]
        if line.strip():
            gap, blank = blank, 0
        else:
            blank += 1
        markup = "<" in line  # every HTML pattern below needs it: most lines of a text hold none
        if markup and _TABLE_OPEN.search(line):
            j = i
            chunk = [line]
            while not _TABLE_CLOSE.search(lines[j]) and j + 1 < len(lines):
                j += 1
                chunk.append(lines[j])
            if not _TABLE_CLOSE.search(lines[j]):
                # an unclosed <table>: it ends with the last line that still holds markup, and the notice
                # text after it stays text
                k = i
                while k + 1 < len(lines) and "<" in lines[k + 1]:
                    k += 1
                j, chunk = k, lines[i : k + 1]
            doc = lxml_html.fromstring("\n".join(chunk))
            tables = [doc] if doc.tag == "table" else doc.findall(".//table")
            for t in tables:
                grid, spans = html_table_grid(t)
                if grid:
                    pending.append(Table(tuple(map(tuple, grid)), (None,) * len(grid), frozenset(spans), spans_known=True))
            i = j + 1
            continue
        if "\t" in line.strip("\t ") or (line.count("\t") >= 1 and pending):
            rows: list[list[str]] = []
            filled: set[tuple[int, int]] = set()
            while i < len(lines) and "\t" in lines[i]:
                sub, sub_filled = split_paragraph_rows(lines[i].split("\t"))
                base = len(rows)
                rows.extend(sub)
                filled |= {(base + r, c) for r, c in sub_filled}
                i += 1
            width = max(len(r) for r in rows)
            tsv_grid = tuple(tuple(r + [""] * (width - len(r))) for r in rows)
            pending.append(Table(tsv_grid, (None,) * len(tsv_grid), frozenset(filled)))
            continue
        if line.strip().startswith("|") and i + 1 < len(lines) and _MD_RULE.match(lines[i + 1]):
            rows = [_md_cells(line)]
            i += 2
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(_md_cells(lines[i]))
                i += 1
            if len(rows) > 1 and not any(c.strip() for c in rows[0]):
                rows = rows[1:]  # a converter's empty header over a table whose header is its first row ("|   |   |" / "| --- |")
            as_text = _layout_lines(rows) if _layout_table(rows) else _field_lines(rows)
            if as_text is not None:
                flush()
                blocks.extend(Line(piece) for piece in as_text)
                continue
            md_grid, md_filled = _md_grid([[_md_cell_text(c) for c in r] for r in rows])
            pending.append(Table(md_grid, (None,) * len(rows), md_filled, spans_known=True))
            continue
        if line.strip() == "":
            i += 1
            continue  # blank lines between tables keep the run open; a text line closes it
        found = cell_per_line_table(lines, i) or _space_aligned_table(lines, i)
        if found is not None:
            pending.append(found[0])
            i = found[1]
            continue
        flush()
        if markup and _HTML_BLOCK.search(line):
            # an HTML body pasted as one line ("<p>各市…：</p><p>现将…</p>"): each paragraph its own line
            blocks.extend(Line(piece) for piece in (_HTML_TAGS.sub("", part) for part in _HTML_BLOCK.split(line)) if piece.strip())
        else:
            blocks.append(Line(_HTML_TAGS.sub("", line) if markup else line, gap=gap))
        i += 1
    flush()
    return blocks


def read_text(path: Path, *, doc_id: str, sha256: str, data: bytes) -> SourceDocument:
    text, decoded_note = decode_noted(data, source=path.name)
    fixed = repair(text)
    fmt = "md" if path.suffix.lower() in (".md", ".markdown") else "txt"
    metadata, body = split_front_matter(fixed.text)
    blocks = drop_page_furniture(blocks_from_text(body))
    if not any(isinstance(b, Line) and b.text.strip() for b in blocks) and not any(isinstance(b, Table) for b in blocks):
        raise IngestError(f"{path.name}: the file holds no text")
    notes = tuple(n for n in (decoded_note, repair_note(path.name, fixed)) if n)
    return SourceDocument(doc_id=doc_id, source=str(path), format=fmt, sha256=sha256, blocks=tuple(blocks), warnings=notes, metadata=metadata)
