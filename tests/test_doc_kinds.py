"""Kinds of documents beyond the 公文种类 of the 条例 that notices and sites carry, on real openings (public
pages, shortened): each must come out with its own kind, issuer and date."""

from __future__ import annotations

from pathlib import Path

from notice_helpers import process_text as run


# A county people's congress standing committee's 审议意见 as its site prints it (紫金县, 2018; public), the
# adoption note under the title
STANDING_COMMITTEE_OPINION = """关于县人民政府建设县城千家寨生态休闲公园议案办理工作方案的审议意见
(2018年4月13日紫金县第十六届人民代表大会常务委员会第十七次会议通过)
紫金县第十六届人民代表大会常务委员会第十七次会议于2018年4月13日听取和审议了县人民政府《关于建设县城千家寨生态休闲公园议案办理工作方案》。会议同意初审报告，原则通过县人民政府《关于建设县城千家寨生态休闲公园议案办理工作方案》。
紫金县人民代表大会常务委员会
2018年4月13日
"""


def test_a_standing_committee_opinion_is_its_own_kind(tmp_path: Path) -> None:
    doc = run(tmp_path, STANDING_COMMITTEE_OPINION).document
    assert (doc.doc_type, doc.issuer, doc.signed_date) == ("审议意见", "紫金县人民代表大会常务委员会", "2018-04-13")


# A county's 应急预案 published on its own page, no notice around it (牟定县 2017; public, shortened)
CONTINGENCY_PLAN = """牟定县突发环境事件应急预案(试行)

1 总则
1.1 编制目的
建立健全突发环境事件应急机制,提高政府应对突发环境事件的能力,保障公众生命健康和财产安全,保护环境,维护社会稳定。
1.2 编制依据
《中华人民共和国突发事件应对法》《中华人民共和国环境保护法》《中华人民共和国水污染防治法》。
"""


def test_a_contingency_plan_on_its_own_is_titled(tmp_path: Path) -> None:
    doc = run(tmp_path, CONTINGENCY_PLAN).document
    assert (doc.title, doc.doc_type) == ("牟定县突发环境事件应急预案（试行）", "应急预案")
    assert doc.region_county == "牟定县"


# A page's title printed above its 文号, broken right after such a kind (written here: a county office's notice)
BROKEN_AFTER_THE_KIND = """首页 > 政务公开 > 通知公告

丁县人民政府办公室关于进一步加强突发事件应急预案

管理工作的通知

丁政办发〔2024〕3号

各乡镇人民政府，县直各单位：

为进一步加强应急预案管理，现就有关事项通知如下。

丁县人民政府办公室

2024年2月1日
"""


def test_a_title_broken_after_a_kind_is_one_title(tmp_path: Path) -> None:
    # the first line ends like a 预案 but holds the title's head (关于); the last line holds none
    doc = run(tmp_path, BROKEN_AFTER_THE_KIND).document
    assert doc.title == "丁县人民政府办公室关于进一步加强突发事件应急预案管理工作的通知"
    assert doc.doc_type == "通知"
