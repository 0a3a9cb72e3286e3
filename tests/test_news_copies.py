"""Documents as news agencies and crawlers carry them: 新华社's copy of a 中共中央、国务院 document (a dateline,
the issuers on a line of their own over "关于…", the 成文日期 in brackets under the title), the same copy
saved by a crawler as Markdown under a heading that drops the issuers, and a city hotline's question-and-answer
page. The texts are the openings of the public documents (中共中央 国务院 2021 and 2023 No. 1 documents, a
Shanghai 12345 reply page), shortened."""

from __future__ import annotations

from pathlib import Path

import pytest

from notice_helpers import process_text as run
from pipeline.orgnames import split_orgs
from pipeline.process import process_path

XINHUA_2021 = """新华社北京2月21日电

中共中央 国务院
关于全面推进乡村振兴加快农业农村现代化的意见
（2021年1月4日）

党的十九届五中全会审议通过的《中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议》，对新发展阶段优先发展农业农村、全面推进乡村振兴作出总体部署，为做好当前和今后一个时期“三农”工作指明了方向。

一、总体要求

（一）指导思想。以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大和十九届二中、三中、四中、五中全会精神。
"""

CRAWLED_2023 = """# 关于做好2023年全面推进乡村振兴重点工作的意见

**发布日期**: 2023年2月14日
**发布机构**: 中共中央
**分类**: 
**来源**: https://www.gov.cn/zhengce/2023-02/13/content_5741370.htm

---

## 政策全文

新华社北京2月13日电

中共中央 国务院关于做好2023年全面推进乡村振兴重点工作的意见
（2023年1月2日）

党的二十大擘画了以中国式现代化全面推进中华民族伟大复兴的宏伟蓝图。全面建设社会主义现代化国家，最艰巨最繁重的任务仍然在农村。

一、抓紧抓好粮食和重要农产品稳产保供

（一）全力抓好粮食生产。确保全国粮食产量保持在1.3万亿斤以上。
"""

HOTLINE_REPLY = """# 《上海市关于进一步加大力度推进消费品以旧换新工作实施方案》具体包括哪些内容？

**发布日期**: 2024-09-04
**发布机构**: 上海市发展和改革委员会

---

问题:

《上海市关于进一步加大力度推进消费品以旧换新工作实施方案》具体包括哪些内容？

回复:

（一）落实国家汽车报废更新补贴标准。在《汽车以旧换新补贴实施细则》（商消费函〔2024〕75 号）基础上，个人消费者报废国三及以下排放标准燃油乘用车的，按规定给予补贴。
"""


@pytest.mark.parametrize(
    "text, suffix, title, signed",
    [
        # the dateline is the carrier's: no part of the title (it ran into it as one paragraph before)
        (XINHUA_2021, ".txt", "中共中央 国务院关于全面推进乡村振兴加快农业农村现代化的意见", "2021-01-04"),
        # the crawler's heading drops the issuers; the text's own title under the dateline names them
        (CRAWLED_2023, ".md", "中共中央 国务院关于做好2023年全面推进乡村振兴重点工作的意见", "2023-01-02"),
    ],
    ids=["xinhua-text", "crawled-markdown"],
)
def test_copies_of_a_central_document_name_both_issuers_and_its_date(tmp_path: Path, text: str, suffix: str, title: str, signed: str) -> None:
    doc = run(tmp_path, text, suffix=suffix).document
    assert doc.title == title
    assert doc.issuer == "中共中央；国务院"
    assert doc.signed_date == signed  # the bracketed date under the title
    assert doc.admin_level == "national"


def test_question_and_answer_labels_are_no_addressees(tmp_path: Path) -> None:
    out = run(tmp_path, HOTLINE_REPLY, suffix=".md")
    assert out.document.recipients == ""
    assert "商消费函〔2024〕75号" in {r.cited_doc_number for r in out.references}


@pytest.mark.parametrize(
    "line, names",
    [
        ("中共中央国务院", ["中共中央", "国务院"]),
        ("中共中央办公厅国务院办公厅", ["中共中央办公厅", "国务院办公厅"]),
        ("国务院中央军委", ["国务院", "中央军委"]),
        # one body each: a central body's own office or department
        ("国务院扶贫开发领导小组办公室", ["国务院扶贫开发领导小组办公室"]),
        ("中共中央组织部", ["中共中央组织部"]),
        ("国务院办公厅", ["国务院办公厅"]),
    ],
)
def test_central_bodies_side_by_side_are_split(line: str, names: list[str]) -> None:
    assert [line[a:b] for a, b in split_orgs(line)] == names


# A crawler's record of a Shanghai notice (沪府办发〔2025〕17号) as a text file, its long source address broken over
# lines where a narrow page or an export wrapped it
WRAPPED_ADDRESS = """上海市人民政府办公厅关于印发《上海市促进高端医疗器械产业全链条发展行动方案》的通知
发布日期: 2025-10-31
发布机构: 上海市科学技术委员会
原文链接: http://stcsm.sh.gov.cn/zwgk/kjzc/zcwj/
qtzcwj/20251031/8feac4b175464c3bbb2e01314d2534ec.html
检索时间: 2026-02-02 15:25:09
沪府办发〔2025〕17号
各区人民政府，市政府各委、办、局，各有关单位：
《上海市促进高端医疗器械产业全链条发展行动方案》已经市政府同意，现印发给你们，请认真按照执行。
上海市人民政府办公厅
2025年9月4日
"""


def test_an_address_broken_over_lines_stays_one_field(tmp_path: Path) -> None:
    out = run(tmp_path, WRAPPED_ADDRESS)
    doc = out.document
    # the address's last piece is no line of the header: the title above the fields is still found
    assert doc.title == "上海市人民政府办公厅关于印发《上海市促进高端医疗器械产业全链条发展行动方案》的通知"
    assert doc.doc_number == "沪府办发〔2025〕17号"
    assert doc.issuer == "上海市人民政府办公厅"
    assert doc.signed_date == "2025-09-04"


# The same kind of record printed from a browser: the address under its label as a Markdown link, the
# attachment listed as a link with the crawler's type tag (关于印发《杨“数”浦新质秀带创新区建设方案》的通知)
LINKS_UNDER_LABELS = """关于印发《杨“数”浦新质秀带创新区建设方案》的通知
发布日期：2025-03-10
发布机构：上海市科学技术委员会
原文链接：
[http://stcsm.sh.gov.cn/zwgk/ghjh/20250310/eb5f150f752a4a31851852848375bb25.html](http://stcsm.sh.gov.cn/zwgk/ghjh/20250310/eb5f150f752a4a31851852848375bb25.html)
检索时间：2026-02-02 15:25:09
附件：
- [杨“数”浦新质秀带创新区空间布局图.pdf](./杨“数”浦新质秀带创新区空间布局图.pdf) (pdf)
沪科合〔2025〕7号
各有关单位：
为全面贯彻落实习近平总书记考察上海重要讲话精神，现将《杨“数”浦新质秀带创新区建设方案》印发给你们，请认真贯彻执行。
上海市科学技术委员会
上海市杨浦区人民政府
2025年3月10日
"""


PRINT = Path(__file__).parent / "fixtures" / "prints" / "crawler_record_links.pdf"


@pytest.mark.parametrize("source", ["text", "browser print"])
def test_links_between_the_title_and_the_number_are_the_records(tmp_path: Path, source: str) -> None:
    # printed by Chromium (tests/fixtures/prints/), the address and the file link break over lines: their pieces
    # are the record's, and the title above them is still found from the 文号
    out = run(tmp_path, LINKS_UNDER_LABELS) if source == "text" else process_path(PRINT)
    assert not out.errors
    assert out.document.title == "关于印发《杨“数”浦新质秀带创新区建设方案》的通知"
    assert out.document.doc_number == "沪科合〔2025〕7号"
    assert out.document.issuer == "上海市科学技术委员会；上海市杨浦区人民政府"


# The opening of a gov.cn policy page (国办发〔1996〕2号) as a browser prints it and a PDF reader gives it back: the
# metadata table's label cells are narrow, so each row of two fields comes out as the heads of both labels on one
# line and their ends with the values on the next
PRINTED_FIELDS = """发文机成文日
关：国务院办公厅期：1996年02月05日
标
题：国务院办公厅转发国家地震局关于我国地震重点监视防御区的确定和加强防震减灾工作意见报告的通知
发文字发布日
号：国办发〔1996〕2号期：2018年12月24日
主题
词：
国务院办公厅转发国家地震局
关于我国地震重点监视防御区的确定和加强防震减灾工作意见报告的通知
国办发〔1996〕2号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
国家地震局《关于我国地震重点监视防御区的确定和加强防震减灾工作意见的报告》已经国务院同意，现转发给你们，请认真贯彻执行。
国务院办公厅
一九九六年二月五日
"""


def test_a_printed_metadata_table_gives_its_fields_back(tmp_path: Path) -> None:
    doc = run(tmp_path, PRINTED_FIELDS).document
    assert doc.published_date == "2018-12-24"  # 发布日期, broken over the two lines with 发文字号
    assert doc.title == "国务院办公厅转发国家地震局关于我国地震重点监视防御区的确定和加强防震减灾工作意见报告的通知"
    assert doc.doc_number == "国办发〔1996〕2号"
    assert doc.issuer == "国务院办公厅"
    assert doc.signed_date == "1996-02-05"


# A county page whose heading already names both issuers, the source field's second issuer broken onto a line
# of its own, then the notice printed again (中共永德县委办公室 永德县人民政府办公室, 2021; its punctuation lost by the
# site, shortened)
HEADING_WITH_ISSUERS = """中共永德县委办公室 永德县人民政府办公室关于印发《永德县城镇化建设三年行动 计划(2020―2022年)》的通知

更新时间:2021-07-30 16:55:33来源:中共永德县委办公室 永德县人民政府办公室

中共永德县委办公室  永德县人民政府办公室关于印发永德县城镇化建设三年行动

计划(2020―2022年)的通知

各乡党委政府县委各部门县级国家机关各人民团体各企事业单位中央市驻永德单位

永德县城镇化建设三年行动计划2020―2022)》已经县委县政府同意现印发给你们请认真贯彻执行

中共永德县委办公室

永德县人民政府办公室

2021416
"""


def test_a_heading_that_names_its_issuers_is_not_extended(tmp_path: Path) -> None:
    # the print under the heading repeats it; the source field's issuer above that print is no part of the title
    doc = run(tmp_path, HEADING_WITH_ISSUERS).document
    assert doc.title == "中共永德县委办公室 永德县人民政府办公室关于印发《永德县城镇化建设三年行动计划（2020―2022年）》的通知"
    assert doc.issuer == "中共永德县委办公室；永德县人民政府办公室"
    assert doc.signed_date == "2021-04-16"
