"""The line cleaners (pipeline/normalize.py): clean_line skips the cleaners a line holds no trigger character
of, and must give what running every cleaner gives."""

from __future__ import annotations

import random
from pathlib import Path

import regex

from pipeline import normalize as N

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _real_lines() -> list[str]:
    paths = sorted((ROOT / "corpora").glob("*.txt"))
    wild = SHARED / "corpus" / "wild"
    if wild.is_dir():
        paths += sorted(p for p in wild.rglob("*") if p.suffix in (".txt", ".md", ".html") and p.name != "MANIFEST.tsv")[:60]
    return [line for p in paths for line in p.read_text(encoding="utf-8", errors="replace").splitlines()]


def _alphabet() -> str:
    triggers = "".join(sorted(set("".join(N._TRIGGERS.values()))))
    return triggers + "中文年号第条政府办发〔〕（）《》“”：，。、aZ1209 \t-—·"


def test_clean_line_equals_every_cleaner_run_in_order() -> None:
    lines = _real_lines()
    assert len(lines) > 300
    rng = random.Random(7)
    alphabet = _alphabet()
    lines += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(30000)]
    lines += ["国办发 [2019]  54号", "二ＯＯ七年二月六日", "一）加强领导", "新鄉(xiāng)市", "㈠总体要求", "**一、总体要求**", "发文字号 武自然资规〔2022〕35号 主题分类 城乡建设"]
    bad = [x for x in lines if N.clean_line(x) != N.clean_line_each(x)]
    assert not bad, bad[:5]


def test_a_cleaner_changes_no_line_without_its_trigger_characters() -> None:
    """The table of trigger characters is what lets clean_line skip a cleaner: a line built from anything but
    a cleaner's triggers comes back from that cleaner unchanged."""
    rng = random.Random(11)
    alphabet = _alphabet()
    for cleaner in N.LINE_CLEANERS:
        triggers = set(N._TRIGGERS[cleaner])
        pool = [c for c in alphabet if c not in triggers]
        for _ in range(4000):
            line = "".join(rng.choice(pool) for _ in range(rng.randint(0, 14)))
            assert cleaner(line) == line, (cleaner.__name__, line)


def test_whitespace_triggers_are_every_space_the_regex_module_knows() -> None:
    spaces = {chr(c) for c in range(0x10000) if regex.match(r"\s", chr(c))}
    assert spaces <= set(N._TRIGGERS[N.remove_cjk_spaces])


def test_spaces_go_inside_chinese_and_one_stays_between_latin_words() -> None:
    assert N.remove_cjk_spaces("到 2020 年底") == "到2020年底"
    assert N.remove_cjk_spaces("Windows  \t XP 系统") == "Windows XP系统"
    assert N.remove_cjk_spaces("  各县（市、区）  人民政府 ") == "各县（市、区）人民政府"
    assert N.remove_cjk_spaces("PDF 文件 a\u3000b") == "PDF文件a b"
    assert N.remove_cjk_spaces("时间：2024-07-02  08:50:40 来源") == "时间：2024-07-02 08:50:40来源"  # a date, then a time
    assert N.remove_cjk_spaces("电话 0371 65501234") == "电话0371 65501234"
    assert N.remove_cjk_spaces("2 0 2 0 年 12 月") == "2020年12月"  # one number letter-spaced
    assert N.fullwidth_alphanumerics("２０１２年１２月３日，ＧＤＰ") == "2012年12月3日，GDP"


def test_quotation_marks_mixed_straight_and_curly_become_a_pair() -> None:
    """A database export closes a curly “ with a straight " inside a title: the pair is made whole, so the
    title is not read as opening outside its 《 (repair_brackets would swap the unclosed “ with the 《)."""
    line = "根据《“十四五\"数字经济发展规划》《北京市“十四五\"时期智慧城市发展行动纲要》等文件"
    assert N.clean_line(line) == "根据《“十四五”数字经济发展规划》《北京市“十四五”时期智慧城市发展行动纲要》等文件"
    assert N.clean_line('开展"放管服"改革') == "开展“放管服”改革"
    # straight quotes around no Chinese are left as they are
    assert N.pair_straight_quotes('class="a"') == 'class="a"'


def test_punctuation_a_founder_typeset_pdf_gave_as_its_gb2312_code() -> None:
    """A 方正书版 PDF's text layer gives "，" as U+A3AC ("ꎬ", the GB2312 code read as a code point), "。" as
    U+A3AE and titles in « »: read back as the punctuation they are (a Qinghai government notice). A line
    written in Yi keeps its syllables."""
    line = "各市自治州人民政府ꎬ省政府各委办厅局ꎺ«青海省深入推动金融改革发展的若干政策措施»ꎬ现印发给你们ꎬ请认真贯彻执行ꎮ"
    assert N.clean_line(line) == "各市自治州人民政府，省政府各委办厅局：《青海省深入推动金融改革发展的若干政策措施》，现印发给你们，请认真贯彻执行。"
    assert N.gb_code_punctuation("ꆈꌠꁱꂷ 彝文") == "ꆈꌠꁱꂷ 彝文"


def test_a_forums_anti_copy_strings_are_dropped_and_ascii_text_kept() -> None:
    # Discuz hides random strings in <font class="jammer">; a text copy keeps them, at a line's end, start or whole
    assert N.clean_line("某市人民政府关于对高排放车辆及 ! m! S, O3 Z8 P6 m. P") == "某市人民政府关于对高排放车辆及"
    assert N.clean_line("8 l0 J5 S3 p; c8 `0 X$ o") == ""
    assert N.clean_line("3 m9 N' x! z( k为改善空气质量，特通告如下:1 I\" Y6 m; m' h3 B- _2 T- p$ c") == "为改善空气质量，特通告如下："
    # numbers, English and measurements are no jammer
    for line in ("附件 1 2 3 4 5", "The People's Government of Qinghe Municipality", "PM2.5 和 PM10 浓度 ≤ 75", "A B C D 四级"):
        assert N.drop_forum_jammer(line) == line, line


def test_a_bracket_a_line_broke_after_chinese_text_and_before_a_figure_is_full_width() -> None:
    # a title wrapped inside its bracketed years ("…三年行动方案(2022—" / "2024年)的通知", a page printed to PDF):
    # each half is converted on its own line, so both come out full-width once the lines are joined
    assert N.fullwidth_parentheses("关于印发三年行动方案(2022—") == "关于印发三年行动方案（2022—"
    assert N.fullwidth_parentheses("2024年)的通知") == "2024年）的通知"
    assert N.fullwidth_parentheses("附件：《某县应急预案》(2020年6月修") == "附件：《某县应急预案》（2020年6月修"  # after a closing title mark
    assert N.fullwidth_parentheses("详见附件(PDF") == "详见附件(PDF"  # a Latin word after it: left alone
    assert N.fullwidth_parentheses("ab(12") == "ab(12"


def test_a_year_in_chinese_numerals_whose_zeros_ocr_read_as_figures() -> None:
    # a scan's "二〇〇六年" read as "二00六年": the figures stand for 〇 inside a year that has Chinese numerals
    assert N.chinese_year_zeros("二00六年二月二十日") == "二〇〇六年二月二十日"
    assert N.chinese_year_zeros("一九九0年") == "一九九〇年"
    assert N.chinese_year_zeros("2006年") == "2006年"  # figures only: a year in figures, left alone
    assert N.chinese_year_zeros("12二00六年") == "12二00六年"  # not a year of four characters


def test_a_document_numbers_year_whose_figures_ocr_read_as_letters() -> None:
    # a scan's "〔2020〕" read as "〔2O20〕" (the letter O) or "〔20l9〕" (a small L): a 文号's year holds figures only
    assert N.docnumber_brackets("铁政发〔2O20〕5号") == "铁政发〔2020〕5号"
    assert N.docnumber_brackets("豫政办[20l9]12号") == "豫政办〔2019〕12号"
    assert N.docnumber_brackets("〔2O20〕5号") == "〔2O20〕5号"  # no issuer's code before it: no 文号
    assert N.docnumber_brackets("编号ABCO〔OO20〕5号") == "编号ABCO〔OO20〕5号"  # not a year


def test_a_comma_a_mirror_site_doubled_or_put_before_another_mark_goes() -> None:
    """A mirror of a 嘉兴 notice writes a comma after every comma and stop ("人民政府,,市政府", "表彰,。"):
    one mark stays. A comma in figures or a single comma is untouched."""
    assert N.clean_line("各縣(市,、區)人民政府,,市政府各部門: 受到文化部表彰,。在創建過程中,,湧現") == "各縣（市、區）人民政府，市政府各部門：受到文化部表彰。在創建過程中，湧現"
    for line in ("共计1,000人，分三批。", "一、总体要求，"):
        assert N.clean_line(line) == N.clean_line_each(line) and "，，" not in N.clean_line(line)
    assert N.stray_commas("一、总体要求，") == "一、总体要求，"


def test_markdown_images_titles_emphasis_and_escapes_of_a_crawled_page() -> None:
    """A crawler's Markdown of a government page: an image (a logo, a linked logo, a chart) is no text, a link
    keeps its text whatever title it carries, `_…_` emphasis and escaped brackets go ("_字号：\\[大\\]_"), a hard
    line break's backslash goes, as do those of an export escaped twice over ("县\\\\\\（市、区\\\\\\）"), and a bold run
    closed and reopened inside ("…年****）"); a blank to fill in ("____年__月__日前") and a masked year ("20**年") are text,
    not emphasis (a blank year read as no year let the deadline take the notice's own)."""
    cases = {
        "![](https://www.mee.gov.cn/images/xxgkGb2021_bg.png)": "",
        "[![](https://www.mee.gov.cn/images/logo.png)](http://www.mee.gov.cn/)": "",
        "![指标.png](https://www.shanghai.gov.cn/cmsres/7e/7e68.png)": "",
        '2. [政务公开](https://www.shanghai.gov.cn/nw2319/index.html "")': "2.政务公开",
        "_发布时间：2024-03-18_ _来源：中国政府网_ _字号：\\[大\\]\\[中\\]\\[小\\]_": "发布时间：2024-03-18来源：中国政府网字号：[大][中][小]",
        "**推动大规模设备更新和** **消费品以旧换新行动方案**": "推动大规模设备更新和消费品以旧换新行动方案",
        "**辽宁省推动大规模设备更新和消费品": "辽宁省推动大规模设备更新和消费品",
        "以旧换新实施方案**": "以旧换新实施方案",
        "附件：[实施方案.pdf](/u/x.pdf)": "附件：实施方案.pdf",
        "**上海市加快食品科技创新赋能产业发展行动方案（2026—2030年****）**": "上海市加快食品科技创新赋能产业发展行动方案（2026—2030年）",
        "各市、县\\\\\\（市、区\\\\\\）人民政府": "各市、县（市、区）人民政府",
        "请于____年__月__日前报送": "请于____年__月__日前报送",
        "请于****年底前完成": "请于****年底前完成",
        "于20**年3月底前完成": "于20**年3月底前完成",
    }
    for line, want in cases.items():
        assert N.clean_line(line) == want, (line, N.clean_line(line))
        assert N.clean_line_each(line) == want


def test_small_form_variants_become_the_marks_they_stand_for() -> None:
    """A page numbers its attachments "1﹒…" (U+FE52, a small full stop): the full-width mark, as every reader
    of a label expects; ２０１２ stays 2012."""
    assert N.clean_line("附件：1﹒2026年市级重点开工项目名单") == "附件：1．2026年市级重点开工项目名单"
    assert N.clean_line("各区﹐县﹔市﹕") == "各区，县；市："
    assert N.clean_line_each("附件：1﹒名单") == N.clean_line("附件：1﹒名单")


def test_a_label_glued_to_its_value_gets_its_colon() -> None:
    """mofcom.gov.cn's field block without separators: a long 标题 label before a whole title and a date label
    before a whole date are fields; a sentence that opens with such words is left alone."""
    from pipeline.normalize import glued_labels

    assert glued_labels("公文名称商务部等14部门关于印发《推动消费品以旧换新行动方案》的通知") == "公文名称：商务部等14部门关于印发《推动消费品以旧换新行动方案》的通知"
    assert glued_labels("发布日期2024-03-27") == "发布日期：2024-03-27"
    assert glued_labels("发布日期为2024年3月27日") == "发布日期为2024年3月27日"
    assert glued_labels("文件名称要规范，不得随意简称") == "文件名称要规范，不得随意简称"


def test_every_long_title_and_date_label_opens_with_a_glued_label_trigger() -> None:
    """glued_labels runs only on lines opening with one of its trigger characters: each label it reads must open
    with one (a label added to rules/html.yaml without its first character would never be read)."""
    from pipeline import rules
    from pipeline.normalize import _GLUED_LABEL_STARTS

    labels = dict(rules.html_rules().labels)
    firsts = {x[0] for x, kind in labels.items() if len(x) >= 4 and (kind == "标题" or kind.endswith("日期"))}
    assert firsts <= set(_GLUED_LABEL_STARTS), firsts - set(_GLUED_LABEL_STARTS)
