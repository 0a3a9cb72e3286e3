"""Lines as OCR gives back a county page's metadata block scanned with its notice (the pages of 太湖县 2019 and
牟定县 2017, public; bench/pdf_vs_text.py --scan made them from the pages' text): a field's value broken off at
the end of the line, and a label misread by one stray character. The notice's own title must still be found."""

from __future__ import annotations

from pathlib import Path

from notice_helpers import process_text as run

# "名称：" holds the title; the scan broke it after 关于印发, so its tail stands on a line of its own and ends
# like a title
VALUE_BROKEN_OFF = """首页>太湖县人民政府办公室信息公开>信息浏览
信息分类：通知发布机构：太湖县人民政府办公室
生成日期：2019-01-23文号：
发文日期：2019-01-23生效时间：2019-01-23
废止时间：2020-01-23名称：太湖县人民政府关于印发
《太湖县人民政府工作规则》的通知
信息来源：关键词：
浏览次数：590内容概述：
太湖县人民政府关于印发《太湖县人民政府工作规则》的通知
各乡、镇人民政府，县政府各部门、各直属机构：
《太湖县人民政府工作规则》已经2019年1月4日县政府第三次全体会议通过，现予印发，请遵照执行。
太湖县人民政府
2019年1月17日
"""

# "索引号" read as "索引1号", and 公文目录 is no label the reader knows: the line is still the page's fields
LABEL_MISREAD = """牟定县人民政府
首页>>公开信息内容
牟定县人民政府办公室关于印发牟定县突发环境事件应急预案（试行）的通知
索引1号：11532323015172622Y-/2018-1220012公文目录：应急管理发文日期：2017年06月28日主题词：文号：成文日期：
牟政办发〔2017〕46号
各乡镇人民政府，县级有关部门：
经县人民政府同意，现将《牟定县突发环境事件应急预案（试行）》印发给你们，请认真贯彻执行。
牟定县人民政府办公室
（此件公开发布）
2017年6月23日
"""


def test_a_title_tail_broken_off_a_field_is_not_the_title(tmp_path: Path) -> None:
    doc = run(tmp_path, VALUE_BROKEN_OFF).document
    assert doc.title == "太湖县人民政府关于印发《太湖县人民政府工作规则》的通知"
    assert doc.issuer == "太湖县人民政府"
    assert doc.signed_date == "2019-01-17"


def test_a_misread_label_keeps_its_line_a_field_line(tmp_path: Path) -> None:
    doc = run(tmp_path, LABEL_MISREAD).document
    # the title printed above the fields, found from the 文号 upwards past the field line
    assert doc.title == "牟定县人民政府办公室关于印发牟定县突发环境事件应急预案（试行）的通知"
    assert doc.doc_number == "牟政办发〔2017〕46号"
    assert doc.issuer == "牟定县人民政府办公室"

