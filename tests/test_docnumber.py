"""parse_doc_number / find_doc_numbers on the shapes 发文字号 take in real notices (GB/T 9704 §7.2.4)."""

from __future__ import annotations

import pytest

from pipeline import find_doc_numbers, parse_doc_number

SHAPES = [
    ("豫政办 〔2023〕43号", "豫政办", 2023, 43, "豫政办〔2023〕43号"),
    ("国办发(2019)54号", "国办发", 2019, 54, "国办发〔2019〕54号"),
    ("国办发[2019]54号", "国办发", 2019, 54, "国办发〔2019〕54号"),
    ("国办发［2019］54号", "国办发", 2019, 54, "国办发〔2019〕54号"),
    ("国办发【2019】54号", "国办发", 2019, 54, "国办发〔2019〕54号"),
    ("国办发﹝2019﹞54号", "国办发", 2019, 54, "国办发〔2019〕54号"),
    ("国办发„2009‟3号", "国办发", 2009, 3, "国办发〔2009〕3号"),
    ("中华人民共和国主席令第三十一号", "主席令", None, 31, "主席令第31号"),
    ("中华人民共和国主席令（第一〇八号）", "主席令", None, 108, "主席令第108号"),
    ("国办发〔２０１９〕５４号", "国办发", 2019, 54, "国办发〔2019〕54号"),
    ("豫政〔2007〕第24号", "豫政", 2007, 24, "豫政〔2007〕24号"),
    ("省政府令 第102号", "省政府令", None, 102, "省政府令第102号"),
    ("国令第707号", "国令", None, 707, "国令第707号"),
    ("国办发明电〔2018〕12号", "国办发明电", 2018, 12, "国办发明电〔2018〕12号"),
    ("（余府发〔2012〕3号）", "余府发", 2012, 3, "余府发〔2012〕3号"),
    ("发文字号：国发〔2021〕36号", "国发", 2021, 36, "国发〔2021〕36号"),
    ("国家税务总局公告2018年第31号", "国家税务总局公告", 2018, 31, "国家税务总局公告2018年第31号"),
    # a government's announcement is numbered under its full name (the name is not cut off as a glued issuer)
    ("郑州市人民政府公告〔2024〕第3号", "郑州市人民政府公告", 2024, 3, "郑州市人民政府公告2024年第3号"),
    ("辽政办发（2020）13号", "辽政办发", 2020, 13, "辽政办发〔2020〕13号"),
    ("豫政\u200b办〔2020〕5号", "豫政办", 2020, 5, "豫政办〔2020〕5号"),  # a web page's zero-width space
    ("国家税务总局2018年第12号", "国家税务总局", 2018, 12, "国家税务总局2018年第12号"),
    ("交通运输部令2016年第62号", "交通运输部令", 2016, 62, "交通运输部令2016年第62号"),
    ("中华人民共和国国务院令 第707号", "国务院令", None, 707, "国务院令第707号"),  # keyed as cited
    ("中华人民共和国交通运输部令2016年第62号", "交通运输部令", 2016, 62, "交通运输部令2016年第62号"),
    # a page lost the closing bracket and 号: no 号 on the line, and still a number (the one-search skip of
    # lines no rule can match takes every rule's `requires`, the brackets too)
    ("牟政办发〔201746", "牟政办发", 2017, 46, "牟政办发〔2017〕46号"),
    # a 代字 opening with a character that also joins sentences (和, 即, 原): on a line of its own it is the
    # place's (和田地区行署办公室, 即墨区, 原阳县), no conjunction
    ("和行办发〔2008〕31号", "和行办发", 2008, 31, "和行办发〔2008〕31号"),
    ("即政发〔2019〕12号", "即政发", 2019, 12, "即政发〔2019〕12号"),
    ("原政办〔2021〕7号", "原政办", 2021, 7, "原政办〔2021〕7号"),
]


@pytest.mark.parametrize("text,agency,year,serial,normalized", SHAPES, ids=[f"shape{i}" for i in range(len(SHAPES))])
def test_parse_shapes(text: str, agency: str, year: int | None, serial: int, normalized: str) -> None:
    d = parse_doc_number(text)
    assert d is not None, f"{text!r} 未被识别为文号"
    assert (d.agency, d.year, d.serial, d.normalized) == (agency, year, serial, normalized), f"{text!r} -> {d}"


_NOT = ["2020年5号楼", "第5号", "〔2020〕", "命令第一条", "根据国办发〔2019〕54号精神", "", "None",
        "请各单位认真贯彻落实豫政办〔2020〕5号", "上海市人民政府沪府发〔2024〕2号", "发文字号〔2020〕5号",
        "和国办发〔2019〕2号",  # a sentence broken before 和: the national 代字 after it is the number's
        "字〔2026〕125号"]  # the tail of 京商函字〔2026〕125号 cut after 函: 字 alone is no 代字


@pytest.mark.parametrize("text", _NOT, ids=[f"not{i}" for i in range(len(_NOT))])
def test_not_a_number(text: str) -> None:
    assert parse_doc_number(text) is None, f"{text!r} 不是(仅是)文号"


def test_adjacent_numbers_in_running_text() -> None:
    text = "根据国发〔2019〕1号和国办发〔2019〕2号、国办函〔2018〕71号精神"
    found = list(find_doc_numbers(text))
    assert [d.normalized for d in found] == ["国发〔2019〕1号", "国办发〔2019〕2号", "国办函〔2018〕71号"]
    # inside a sentence a one-character word before a 代字 is still the sentence's
    assert [d.normalized for d in find_doc_numbers("依照国发〔2019〕1号及豫政办〔2020〕5号执行")] == ["国发〔2019〕1号", "豫政办〔2020〕5号"]
    # an alias given by its number: "（以下简称京缓堵办函〔2017〕27号文）" names 京缓堵办函, not 以下简称京缓堵办函
    assert [d.normalized for d in find_doc_numbers("以下简称京缓堵办函〔2017〕27号文")] == ["京缓堵办函〔2017〕27号"]
    for d in found:
        assert text[d.start : d.end] == d.text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("目录包括的各要素按国办发〔2019〕54号文要求", "国办发〔2019〕54号"),  # a 广州 plan's sentence
        ("有关标准按苏政办发〔2021〕3号执行", "苏政办发〔2021〕3号"),
        ("落实的豫政办〔2020〕5号文件", "豫政办〔2020〕5号"),
        ("苏经信〔2022〕8号", "苏经信〔2022〕8号"),  # a single-character cut never splits a real 代字
        # a page header's masthead glued into a paragraph by a PDF's text layer
        ("对有明确时间节点的重许昌市人民政府文件许政〔2020〕21号大工作实行专项督查", "许政〔2020〕21号"),
    ],
)
def test_a_sentence_glued_before_the_number_is_cut_at_its_last_word(text: str, number: str) -> None:
    assert [d.normalized for d in find_doc_numbers(text)] == [number]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("（2021年6月21日黑龙江省人民政府令第4号公布）", "黑龙江省人民政府令第4号"),  # a rule's 题注: the date's 日 goes
        ("二〇二一年六月二十一日黑龙江省人民政府令第4号公布", "黑龙江省人民政府令第4号"),
        ("2020年1月5日豫政办〔2020〕5号印发", "豫政办〔2020〕5号"),
        ("2019年12月日照市人民政府令第3号", "日照市人民政府令第3号"),  # 日照 keeps its 日: it follows the month's 月
        ("于2020年9月日政发〔2020〕5号", "日政发〔2020〕5号"),
        ("1999年1月1日原国家工商行政管理局令第1号", "国家工商行政管理局令第1号"),  # then the sentence's 原
        ("日政发〔2020〕5号", "日政发〔2020〕5号"),
    ],
)
def test_a_dates_end_before_the_number_is_no_part_of_its_agency(text: str, number: str) -> None:
    found = list(find_doc_numbers(text))
    assert [d.normalized for d in found] == [number]
    assert text[found[0].start : found[0].end] == found[0].text


def test_a_field_line_whose_number_holds_a_type_word_before_its_zi() -> None:
    """京商函字〔2026〕125号 in a page's field list ("发文字号：京商函字〔2026〕125号", beijing.gov.cn): the 函 inside the 代字
    is no title's document type with a number after it, so the line stays whole and the number whole."""
    from pipeline.layout import split_title_number

    assert split_title_number("发文字号：京商函字〔2026〕125号") == ["发文字号：京商函字〔2026〕125号"]
    assert split_title_number("关于做好工作的通知川府函字〔2020〕12号") == ["关于做好工作的通知", "川府函字〔2020〕12号"]
