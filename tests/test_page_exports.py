"""Notices as law databases and reposting sites print them: field lists above the text, titles wrapped in
《》. Each on a short notice written here (not taken from any site)."""

from __future__ import annotations

import json
from pathlib import Path

from notice_helpers import process_text as run

from pipeline.ingest import read_document
from pipeline.layout import normalise
from pipeline.structure import analyse


BRACKETED_FIELDS = """文章属性
∙【制定机关】荆门市人民政府办公厅
∙【公布日期】2021.03.02
∙【字 号】荆政办〔2021〕4号
∙【施行日期】2021.03.02
∙【效力等级】地方规范性文件
∙【时效性】现行有效
∙【主题分类】机关工作
正文
市人民政府办公厅关于印发荆门市2021年
重点工作责任分解方案的通知
荆政办〔2021〕4号
各区人民政府，市人民政府各部门：
《荆门市2021年重点工作责任分解方案》已经市人民政府同意，现印发给你们，请认真贯彻执行。
"""


def test_a_law_databases_bracketed_field_list(tmp_path: Path) -> None:
    # "∙【字 号】" is the database's 发文字号 field; "正文" and "文章属性" mark its sections, not the title
    d = run(tmp_path, BRACKETED_FIELDS).document
    assert d.title == "市人民政府办公厅关于印发荆门市2021年重点工作责任分解方案的通知", d.title
    assert d.issuer == "荆门市人民政府办公厅", d.issuer
    assert d.doc_number == "荆政办〔2021〕4号", d.doc_number
    assert (d.published_date, d.valid_from, d.status) == ("2021-03-02", "2021-03-02", "现行有效"), d


def test_font_size_control_is_no_number_field(tmp_path: Path) -> None:
    # "字号" is read as a field only in 【】: the page's "字号：大 中 小" stays chrome
    text = "字号：大 中 小\n丁县人民政府关于做好春耕工作的通知\n各乡镇人民政府：\n现就做好春耕工作通知如下。\n丁县人民政府\n2022年3月1日\n"
    d = run(tmp_path, text).document
    assert (d.doc_number, d.title) == ("", "丁县人民政府关于做好春耕工作的通知"), d


def test_a_title_wrapped_in_book_marks_gets_its_inner_marks_back(tmp_path: Path) -> None:
    # a reposting site prints the title as 《…〈…〉…》; without the wrapper the inner 〈〉 are the title's 《》
    text = (
        "《戊市人民政府办公厅关于印发〈戊市2019年政务公开工作要点〉的通知》\n戊政办发〔2019〕8号\n"
        "各区人民政府，市政府各委、办、局：\n《戊市2019年政务公开工作要点》已经市政府同意，现印发给你们。\n"
        "戊市人民政府办公厅\n2019年4月2日\n"
    )
    d = run(tmp_path, text).document
    assert d.title == "戊市人民政府办公厅关于印发《戊市2019年政务公开工作要点》的通知", d.title
    assert d.doc_number == "戊政办发〔2019〕8号", d.doc_number


def test_a_title_over_the_pages_dated_byline_and_its_number(tmp_path: Path) -> None:
    # the site prints its byline ("时间:… 点击次数:…") between the title and the 文号
    text = (
        "焦作市人民政府办公室关于印发焦作市政务公开工作实施方案的通知\n时间:2021年03月15日 点击次数:2046\n焦政办〔2021〕9号\n"
        "各县（市）、区人民政府，市人民政府各部门：\n《焦作市政务公开工作实施方案》已经市政府同意，现印发给你们，请认真贯彻落实。\n"
        "焦作市人民政府办公室\n2021年3月2日\n"
    )
    d = run(tmp_path, text).document
    assert d.title == "焦作市人民政府办公室关于印发焦作市政务公开工作实施方案的通知", d.title
    assert (d.doc_number, d.signed_date) == ("焦政办〔2021〕9号", "2021-03-02"), d


def test_a_law_whose_note_breaks_inside_the_enacting_body(tmp_path: Path) -> None:
    # a law site wraps the 题注 after 人民代表大会: the standing committee below is the same body, not a second one
    text = (
        "甘肃省实施《中华人民共和国某某法》办法\n（1995年6月20日甘肃省第八届人民代表大会\n常务委员会第十五次会议通过）\n"
        "第一章 总则\n第一条 根据《中华人民共和国某某法》，结合本省实际，制定本办法。\n"
    )
    d = run(tmp_path, text).document
    assert d.issuer == "甘肃省人民代表大会常务委员会", d.issuer
    assert d.signed_date == "1995-06-20", d.signed_date


def test_a_metadata_table_with_letter_spaced_labels(tmp_path: Path) -> None:
    # the page prints its labels spaced to one width and without colons ("索 引 号 …", "文    号 …")
    text = (
        "区人民政府办公室关于印发2023年重点工作责任分解方案的通知\n"
        "索 引 号 MB1534522/2023-05475 发文日期 2023-01-03\n"
        "发布机构 区人民政府办公室 文    号 己政办〔2023〕1号\n分   类 政务公开 有 效 性 有效\n"
        "各街道办事处，区人民政府各部门：\n《2023年重点工作责任分解方案》已报经区人民政府同意，现印发给你们。\n"
        "己区人民政府办公室\n2023年1月3日\n"
    )
    d = run(tmp_path, text).document
    assert d.doc_number == "己政办〔2023〕1号", d.doc_number
    assert d.signed_date == "2023-01-03", d.signed_date


def test_a_law_database_page_whose_own_title_lacks_the_version_note(tmp_path: Path) -> None:
    # the database titles the page "…办法（1997年修正）", lists its fields, and prints the text's own title
    # without the note: the 题注 under that second print names the body and the date
    text = (
        "庚省实施《中华人民共和国某某法》办法（1997年修正）\n文章属性\n【制定机关】庚省人大及其常委会\n"
        "【公布日期】1997.05.28\n【效力等级】省级地方性法规\n正文\n庚省实施《中华人民共和国某某法》办法\n"
        "（1993年9月29日庚省第八届人民代表大会常务委员会第五次会议通过 根据1997年5月28日庚省第八届人民代表大会"
        "常务委员会第二十七次会议《关于修改〈庚省实施某某法办法〉的决定》修正）\n"
        "第一章 总则\n第一条 为实施《中华人民共和国某某法》，结合本省实际，制定本办法。\n"
    )
    d = run(tmp_path, text).document
    assert d.title == "庚省实施《中华人民共和国某某法》办法（1997年修正）", d.title
    assert d.issuer == "庚省人民代表大会常务委员会", d.issuer
    assert d.signed_date == "1997-05-28", d.signed_date


def test_a_law_sites_order_printed_without_its_ling(tmp_path: Path) -> None:
    # the site titles the page, prints the title again, then the order's head without 令 over its bare number,
    # the promulgating sentence, the 署名 and date, and the regulation's own title a third time
    text = (
        "辛市体育市场管理规定\n作者:法律资料网 时间:2024-06-16 09:38:11   浏览:9841   来源:法律资料网\n"
        "下载地址: 点击此处下载\n辛市体育市场管理规定\n吉林省辛市人民政府\n第63号\n"
        "《辛市体育市场管理规定》业经1997年9月4日市人民政府第九次常务会议讨论通过，现予发布施行。\n"
        "市长：王某\n一九九七年九月十七日\n辛市体育市场管理规定\n第一章 总则\n"
        "第一条 为加强对体育市场的管理，结合本市实际，制定本规定。\n"
    )
    d = run(tmp_path, text).document
    assert d.title == "辛市体育市场管理规定", d.title
    assert d.issuer == "吉林省辛市人民政府", d.issuer
    assert d.doc_number == "", d.doc_number  # "第63号" names no agency: no 文号 is made up
    assert d.signed_date == "1997-09-17", d.signed_date


def test_an_old_law_databases_part_labels(tmp_path: Path) -> None:
    # "【题注】" and "【章名】" label the parts: the note is read as the 题注, the chapter as a heading
    text = (
        "壬市人民代表大会及其常务委员会制定地方性法规条例\n颁布日期:2001-6-3\n实施日期:2001-8-1\n"
        "【题注】 (2001年4月29日壬市第十一届人民代表大会第四次会议通过 2001年6月3日某自治区第九届人民代表大会常务委员会第二十三次会议批准)\n"
        "【章名】 第一章 总则\n第一条 为了规范立法活动，结合本市实际，制定本条例。\n"
    )
    result = run(tmp_path, text)
    assert result.document.issuer == "壬市人民代表大会", result.document.issuer
    assert result.document.signed_date == "2001-06-03", result.document.signed_date
    assert [(s.label, s.heading) for s in result.sections][:1] == [("第一章", "总则")], result.sections


def test_a_pdf_page_number_glued_to_the_publicity_note(tmp_path: Path) -> None:
    # text copied from a PDF: the page number "—2—" runs on after "（此件主动公开）"
    text = (
        "关于报送《癸市发展和改革委员会地震应急预案》的报告\n癸发改办〔2020〕1085号\n癸市抗震救灾指挥部办公室：\n"
        "现将我委新修订地震应急预案随文附后上报。\n—1—\n（此页无正文）\n癸市发展和改革委员会\n2020年8月10日\n"
        "（此件主动公开）—2—\n"
    )
    d = run(tmp_path, text).document
    assert d.publicity == "此件主动公开", d.publicity
    assert (d.issuer, d.signed_date) == ("癸市发展和改革委员会", "2020-08-10"), d


def test_a_number_over_its_title_on_one_line_under_an_empty_last_field(tmp_path: Path) -> None:
    # the page's field table ends with an empty "主题词:" and the notice opens with its 文号 and title on one line:
    # the number is the notice's, not the empty field's value
    text = (
        "索 引 号: | 主题分类: | 市政府文件 | |\n发文机关: | 子市政府 | 成文日期: | |\n"
        "发文字号: | 发布日期: | 2010-12-13 | |\n主 题 词: |\n"
        "子政发〔2010〕22号 子市人民政府关于表彰农田基本建设先进单位的决定\n各县、区人民政府，市政府各部门：\n"
        "为表彰先进，市政府决定，表彰一批先进单位。\n"
    )
    d = run(tmp_path, text).document
    assert d.doc_number == "子政发〔2010〕22号", d.doc_number
    assert d.title == "子市人民政府关于表彰农田基本建设先进单位的决定", d.title


def test_a_law_notes_later_events_on_lines_of_their_own(tmp_path: Path) -> None:
    # the 题注 printed one event to a line, blank lines between, the amendment opening with 根据
    text = (
        "丑省人民代表大会常务委员会议事规则\n\n"
        "(1988年8月18日丑省第六届人民代表大会常务委员会第二次会议通过\n\n"
        "根据1997年10月17日丑省第七届人民代表大会常务委员会第二十七次会议《关于修改〈丑省人民代表大会常务委员会议事规则〉的决定》修正\n\n"
        "2011年5月27日丑省第十届人民代表大会常务委员会第二十四次会议修订通过)\n\n"
        "第一章 总 则\n\n第一条 为了规范常务委员会的议事程序，制定本规则。\n"
    )
    d = run(tmp_path, text).document
    assert d.issuer == "丑省人民代表大会常务委员会", d.issuer
    assert d.signed_date == "2011-05-27", d.signed_date


def test_an_announcement_under_an_arrow_breadcrumb_and_a_repeated_byline(tmp_path: Path) -> None:
    # the breadcrumb uses "->"; the title carries its serial in brackets; the site's byline ("时间：…来源：…") is
    # printed again under it as source and date: all page furniture, the notice signs itself at its end
    text = (
        "首页 -> 政务公开 -> 其他政府信息 -> 公 告\n寅市人民代表大会常务委员会办公室公告(第7号)\n"
        "时间:2022年12月06日来源:某省卫生健康委员会\n[字体: ] 打印\n某省卫生健康委员会 2022年12月06日\n\n"
        "  市人大常委会于2022年12月1日对《寅市社会信用条例（草案）》进行了初次审议，现将有关事项公告如下：\n"
        "  一、公民、法人和其他组织均可以通过信函提出意见。\n"
        "  寅市人民代表大会常务委员会办公室\n  2022年12月5日\n"
    )
    d = run(tmp_path, text).document
    assert d.title == "寅市人民代表大会常务委员会办公室公告（第7号）", d.title
    assert d.doc_type == "公告", d.doc_type
    assert (d.issuer, d.signed_date) == ("寅市人民代表大会常务委员会办公室", "2022-12-05"), d


def test_an_announcements_bracketed_serial_under_its_head_is_read_as_on_one_line(tmp_path: Path) -> None:
    # a PDF or a page breaks "…办公室公告（第7号）" before its serial: the title keeps it, as on one line
    body = (
        "\n\n市人大常委会于2022年12月1日对《寅市社会信用条例（草案）》进行了初次审议，现将有关事项公告如下：\n"
        "一、公民、法人和其他组织均可以通过信函提出意见。\n寅市人民代表大会常务委员会办公室\n2022年12月5日\n"
    )
    (tmp_path / "one").mkdir(), (tmp_path / "two").mkdir()
    one = run(tmp_path / "one", "寅市人民代表大会常务委员会办公室公告（第7号）" + body).document
    two = run(tmp_path / "two", "寅市人民代表大会常务委员会办公室公告\n（第7号）" + body).document
    assert one.title == two.title == "寅市人民代表大会常务委员会办公室公告（第7号）", (one.title, two.title)
    assert (two.issuer, two.doc_type, two.signed_date) == ("寅市人民代表大会常务委员会办公室", "公告", "2022-12-05"), two
    # and a 公告 titled with 关于 ("…关于…的公告" / "（第3号）")
    (tmp_path / "three").mkdir()
    three = run(tmp_path / "three", "寅市自然资源局关于某地块征收土地的公告\n（第3号）" + body).document
    assert three.title == "寅市自然资源局关于某地块征收土地的公告（第3号）", three.title


def test_a_title_broken_inside_a_word_under_a_breadcrumb_is_joined(tmp_path: Path) -> None:
    # a page printed to PDF on a narrow column breaks the title inside 委员会, under the site's breadcrumb: the
    # breadcrumb is no title line, and the two lines are one title
    text = (
        "首页->政务公开->其他政府信息->公告\n寅市人民代表大会常务委\n员会办公室公告（第7号）\n时间：2022年12月06日来源：某省卫生健康委员会\n\n"
        "市人大常委会于2022年12月1日对《寅市社会信用条例（草案）》进行了初次审议，现将有关事项公告如下：\n"
        "一、公民、法人和其他组织均可以通过信函提出意见。\n寅市人民代表大会常务委员会办公室\n2022年12月5日\n"
    )
    d = run(tmp_path, text).document
    assert d.title == "寅市人民代表大会常务委员会办公室公告（第7号）", d.title


def test_a_standing_committees_announcement_numbered_in_brackets_under_its_head(tmp_path: Path) -> None:
    # a standing committee numbers its 公告 within its term (深圳市人民代表大会常务委员会公告 / 第三十七号); printed
    # in brackets under the head, the number is still its 文号 and the head its title
    text = (
        "卯州人民代表大会常务委员会公告\n（第5号）\n"
        "《卯州城乡容貌和环境卫生治理条例》已于2022年12月26日由卯州第十六届人民代表大会常务委员会第六次会议通过，现予公布，"
        "自2023年7月1日起施行。\n特此公告。\n卯州人民代表大会常务委员会\n2023年6月27日\n"
    )
    d = run(tmp_path, text).document
    assert (d.title, d.doc_number) == ("卯州人民代表大会常务委员会公告", "卯州人民代表大会常务委员会公告第5号"), (d.title, d.doc_number)
    assert (d.issuer, d.signed_date) == ("卯州人民代表大会常务委员会", "2023-06-27"), d


def test_a_title_joined_to_its_number_by_a_dash(tmp_path: Path) -> None:
    # a document site prints "…的通知-国税法函[1998]26号": the number is the whole 国税法函, not 函 after a title
    # cut at 法
    text = (
        "卯局政策法规司关于印发《税收执法检查工作考核标准》的通知-卯税法函[1998]26号\n"
        "各省、自治区、直辖市税务局：\n为了做好税收执法检查的总结评比工作，特制定《税收执法检查工作考核标准》，现印发给你们。\n"
        "卯局政策法规司\n1998年7月3日\n"
    )
    d = run(tmp_path, text).document
    assert d.title == "卯局政策法规司关于印发《税收执法检查工作考核标准》的通知", d.title
    assert (d.doc_number, d.doc_type) == ("卯税法函〔1998〕26号", "通知"), d


def test_a_gazette_abstract_runs_number_date_and_addressees_together(tmp_path: Path) -> None:
    # a journal database's copy of a gazette article: its mark "<正>", then the 文号, the 成文日期 and the 主送机关
    # on one line with the body's first sentence
    text = (
        "丁省人民政府办公厅关于2019年度全省林长制工作考核结果的通报\n"
        "<正>丁府厅字[2020]28号2020年4月9日各市、县(区)人民政府,省政府各部门:2019年,全省各地积极推进林长制。"
        "各项工作取得预期成效。\n"
    )
    d = run(tmp_path, text).document
    assert (d.doc_number, d.signed_date) == ("丁府厅字〔2020〕28号", "2020-04-09"), d
    assert d.recipients == "各市、县（区）人民政府；省政府各部门", d.recipients
    # the number and the date on one line with nothing else, as a gazette prints them under the title
    d = run(tmp_path, text.replace("<正>", "").replace("4月9日各", "4月9日\n各"), name="b").document
    assert (d.doc_number, d.signed_date) == ("丁府厅字〔2020〕28号", "2020-04-09"), d


def test_a_signature_a_site_blanked_out_names_no_issuer(tmp_path: Path) -> None:
    # a bid site's copy replaces names with "(略)": the title's organisation is the issuer
    text = (
        "丁省人民政府办公厅关于印发示范区创建工作方案的通知\n丁政办〔2023〕28号\n各市、自治州人民政府，省政府各委、办、厅、局：\n"
        "《示范区创建工作方案》已经 (略) 政府第5次常务会议审议通过，现印发给你们，请认真组织实施。\n"
        "(略) 人民政府办公厅\n2023年3月24日\n"
    )
    d = run(tmp_path, text).document
    assert d.issuer == "丁省人民政府办公厅", d.issuer
    assert d.signed_date == "2023-03-24", d.signed_date


def test_a_posting_office_under_the_title_yields_to_the_signature(tmp_path: Path) -> None:
    # a 政府信息公开 page: its 索引号 without a label over the title, the office that posted it and the date under
    # it; the notice is signed by another office
    text = (
        "11330700MB10327095/2024-00144\n关于印发《丁区重污染天气应急预案》的通知\n丁市生态环境局丁区分局\n2024-03-01\n主动公开\n"
        "各乡镇人民政府、街道办事处：\n《丁区重污染天气应急预案》已经管委会同意，现印发给你们，请认真贯彻执行。\n"
        "丁区管理委员会党政综合办公室\n2024年2月29日\n"
    )
    d = run(tmp_path, text).document
    assert d.title == "关于印发《丁区重污染天气应急预案》的通知", d.title
    assert d.issuer == "丁区管理委员会党政综合办公室", d.issuer


def test_a_law_librarys_english_navigation_and_a_bracketed_number_before_the_first_sentence(tmp_path: Path) -> None:
    # a law library's page (AsianLII): English navigation, its field list with "-----" for empty fields and a
    # code for the issuer, then the text with its date and 文号 in brackets at the head of the first sentence
    text = (
        "AsianLII [Home] [Databases] [WorldLII] [Search] [Feedback]\n\n丁省地方法规\n\n"
        "You are here:  AsianLII >> Databases >> 丁省地方法规 >> 丁省政府关于做好干部任免工作的通知\n\n"
        "[Database Search] [Name Search] [Noteup] [Help]\n\n丁省政府关于做好干部任免工作的通知\n\n"
        "  【发布单位】81202\n\n  【发布文号】-----------\n\n  【发布日期】1985-05-04\n\n"
        "丁省人民政府关于做好干部任免工作的通知\n\n"
        "(1985年5月4日丁政〔1985〕38号)  根据《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》，现将有关问题通知如下：\n\n"
        " 一、任免权限\n\n  省人民政府秘书长由省长提请省人大常委会决定任免。\n"
    )
    out = run(tmp_path, text)
    d = out.document
    assert (d.title, d.issuer) == ("丁省人民政府关于做好干部任免工作的通知", "丁省人民政府"), d
    assert (d.doc_number, d.signed_date) == ("丁政〔1985〕38号", "1985-05-04"), d
    assert [r.cited_doc_number for r in out.references] == [""], out.references  # the number is the notice's own


def test_a_notice_run_into_one_line_with_its_bracketed_number_and_date(tmp_path: Path) -> None:
    # a crawl that lost every line break: the title, "（文号 成文日期）" and the text on one line
    text = (
        "丁省人民政府办公厅关于严肃民生计划新闻发布纪律的通知（丁政办发[2010]9号 2010年1月14日）自治区政府各部门、直属机构："
        "民生计划是省委、省政府决定实施的一项民心工程。未经批准，任何单位不得擅自发布民生计划的内容。特此通知。\n"
    )
    out = run(tmp_path, text)
    d = out.document
    assert d.title == "丁省人民政府办公厅关于严肃民生计划新闻发布纪律的通知", d.title
    assert (d.doc_number, d.signed_date, d.issuer) == ("丁政办发〔2010〕9号", "2010-01-14", "丁省人民政府办公厅"), d
    assert not out.references, out.references  # the bracket is the notice's own number, not a citation


def test_a_transcription_with_a_space_after_every_character(tmp_path: Path) -> None:
    # a document site's transcription of a PDF: every character followed by a space, all on one line, under the
    # site's labels ("标题" / "Transcription"). The spaces are letter-spacing, not lost line breaks: the text
    # is read as running text, not cut into one line per character, and the site's label is no title
    spaced = " ".join("丁省人民政府关于促进金融业发展的意见各市人民政府，省政府各委办厅局：") + " " + " ".join(
        "为深入贯彻落实全省金融工作会议决策部署，现提出如下意见。一、全力扩大有效信贷投放。银行业金融机构要积极争取信贷规模。"
    )
    out = run(tmp_path, "标题\nTranscription\n" + spaced + "\n")
    assert "丁省人民政府关于促进金融业发展的意见" in out.text and "\n为\n" not in out.text, out.text[:120]
    assert out.document.title != "Transcription", out.document.title


def test_a_reposting_sites_lead_of_several_lines(tmp_path: Path) -> None:
    # a news site's lead over the notice it copies: what it is, what it says, then "文件详情如下："
    text = (
        "日前，丁市丙区人民政府印发关于推动经济高质量发展若干政策举措的通知。\n"
        "文件指出，全年新增光伏装机5万千瓦以上。\n文件详情如下：\n"
        "丁市丙区人民政府关于印发关于推动经济高质量发展若干政策举措的通知\n各乡镇人民政府、街道办事处：\n"
        "《关于推动经济高质量发展若干政策举措》已经区政府同意，现印发给你们，请认真贯彻执行。\n丁市丙区人民政府\n2025年4月1日\n"
    )
    d = run(tmp_path, text).document
    assert d.title == "丁市丙区人民政府关于印发关于推动经济高质量发展若干政策举措的通知", d.title
    assert (d.recipients, d.signed_date) == ("各乡镇人民政府；街道办事处", "2025-04-01"), d


# 黑龙江省人民政府关于落实《政府工作报告》重点工作责任分工的意见 (2013), as a policy site saved it: the lead is
# named by 主办 and the assisting units by 协办, and the line break before an item was lost after the tag of
# the item before it.
HEILONGJIANG_DIVISION = """黑龙江省人民政府关于落实《政府工作报告》重点工作责任分工的意见

各市(地)人民政府(行署),绥芬河市、抚远县人民政府,省政府各有关直属单位:

  按照省委经济工作会议的部署和省政府第一次常务会议的要求,现就2013年《政府工作报告》确定的重点工作任务提出责任分工意见如下:

  一、全省经济社会发展主要目标

  (一)地区生产总值增长11%左右。(省发改委负责)(二)公共财政收入增长13%左右。(省财政厅主办,省国税局、地税局协办)

  (三)全社会固定资产投资增长30%以上。(省发改委主办,省工信委、国土资源厅、住建厅、环保厅协办)

  二、大力推进产业项目建设,促进结构优化升级和质量效益提升

  (一)全力推进产业项目建设。

  1.抓好600个省级重点产业项目,确保年度投资达到2000亿元。(省发改委主办,省工信委、科技厅协办)2.重点抓好哈尔滨中小型燃气轮机等一大批技术领先、附加值高的项目,提供优惠政策和优质服务。(省工信委主办,省发改委协办)
"""


def test_a_lead_named_by_zhuban_and_a_run_on_item_after_a_tag(tmp_path: Path) -> None:
    tasks = run(tmp_path, HEILONGJIANG_DIVISION, name="hlj_division").tasks
    by_title = {t.title: t for t in tasks}
    revenue = by_title["公共财政收入增长13%左右"]
    assert revenue.lead_unit == "省财政厅" and revenue.units == "省财政厅；省国税局；省地税局"
    investment = by_title["全社会固定资产投资增长30%以上"]
    assert investment.lead_unit == "省发改委" and investment.units.endswith("省环保厅")
    turbines = by_title["重点抓好哈尔滨中小型燃气轮机等一大批技术领先、附加值高的项目"]
    assert turbines.units == "省工信委；省发改委" and turbines.lead_unit == "省工信委"
    assert [t.title for t in tasks][0] == "地区生产总值增长11%左右" and len(tasks) == 5


# 江西省人民政府办公厅 2012, as a document-sharing site (写写帮文库) printed it: the page's cut title, its byline and
# blurb, "第一篇:" before the cut title again, then the notice's own title broken after a place name.
JIANGXI_DOCSITE = """江西省人民政府办公厅关于印发江西省

时间:2019-05-13 23:02:23下载本文作者:会员上传
简介:写写帮文库小编为你整理了多篇相关的《江西省人民政府办公厅关于印发江西省》,但愿对你工作学习有帮助,当然你在写写帮文库还可以找到更多《江西省人民政府办公厅关于印发江西省》。

第一篇:江西省人民政府办公厅关于印发江西省

江西省人民政府办公厅关于印发江西省

县级公立医院综合改革试点工作实施意见的通知

各市、县(区)人民政府,省政府各部门:

《江西省县级公立医院综合改革试点工作的实施意见》已经省政府同意,现印发给你们,请认真贯彻落实。

2012年9月26日

(此件主动公开)

江西省县级公立医院综合改革试点

工作的实施意见

根据《国务院办公厅印发关于县级公立医院综合改革试点意见的通知》(国办发„2012‟33号)精神,特制订如下实施意见。
"""


def test_a_document_sites_byline_and_a_title_broken_after_a_place(tmp_path: Path) -> None:
    doc = run(tmp_path, JIANGXI_DOCSITE, name="jiangxi_docsite").document
    assert doc.title == "江西省人民政府办公厅关于印发江西省县级公立医院综合改革试点工作实施意见的通知"
    assert doc.issuer == "江西省人民政府办公厅" and doc.signed_date == "2012-09-26"
    assert doc.recipients.startswith("各市、县（区）人民政府")


# 重庆市渝北区人民政府 2017, from the city portal's 信息公开 page: its breadcrumb of site names above the notice.
YUBEI_PORTAL = """重庆市渝北区政府信息公开
重庆市政府网 - 信息公开 - 重庆市渝北区政府
索 引 号: 009315877/2017-00733 信息分类名称: 行政事务/其他公文/全社会
发布机构: 渝北区政府 生成日期: 2017-03-21 发布日期: 2017-03-21
名  称: 重庆市渝北区人民政府关于印发渝北区第十八届人民政府工作规则的通知
文  号: 渝北府发 〔2017〕 7号 主 题 词: 行政事务

渝北府发〔2017〕7号

重庆市渝北区人民政府关于印发渝北区第十八届人民政府工作规则的通知

各镇人民政府,区政府各部门,各街道办事处,各区属国有企业,有关单位:
《渝北区第十八届人民政府工作规则》已经区第十八届人民政府第3次常务会议审议通过,现印发给你们,请遵照执行。

重庆市渝北区人民政府
2017年2月28日

渝北区第十八届人民政府工作规则

第一章  总  则

第一条  根据《中华人民共和国宪法》和《重庆市人民政府工作规则》,结合我区实际,制定本规则。
"""


def test_a_portals_breadcrumb_of_site_names_is_no_issuer(tmp_path: Path) -> None:
    doc = run(tmp_path, YUBEI_PORTAL, name="yubei_portal").document
    assert doc.issuer == "重庆市渝北区人民政府" and doc.doc_number == "渝北府发〔2017〕7号"
    assert doc.title == "重庆市渝北区人民政府关于印发渝北区第十八届人民政府工作规则的通知"


# 牟定县人民政府办公室 2017, from the county's 信息公开 page, copied from a PDF whose font lacked 年, 月, 日 and 〕号:
# the 文号 and the 成文日期 under the 署名 lost them ("牟政办发〔201746", "{ 2017 6 23"); the page's 发文日期 field
# (2017年06月28日) is the day it was posted, not the day the notice was signed.
MOUDING_LOST_GLYPHS = """牟定县人民政府
首页 >> 公开信息内容

牟定县人民政府办公室关于印发牟定县突发环境事件应急预案(试行)的通知

索引号:11532323015172622Y-/2018-1220012 公文目录:应急管理 发文日期:2017年06月28日 主题词: 文  号: 成文日期:

牟政办发〔201746

各乡镇人民政府,县级有关部门:

经县人民政府同意,现将《牟定县突发环境事件应急预案(试行)》印发给你们,请认真贯彻执行,原2007年印发的《牟定县突发环境事件应急预案》同时废止。

牟定县人民政府办公室

(此件公开发布)

{ 2017 6 23

牟定县突发环境事件应急预案(试行)

1 总则

1.1 编制目的

建立健全突发环境事件应急机制,提高政府应对突发环境事件的能力,保障公众生命健康和财产安全。
"""


def test_a_signing_date_whose_year_month_and_day_glyphs_were_lost(tmp_path: Path) -> None:
    doc = run(tmp_path, MOUDING_LOST_GLYPHS, name="mouding_glyphs").document
    assert doc.signed_date == "2017-06-23" and doc.doc_number == "牟政办发〔2017〕46号"
    assert doc.issuer == "牟定县人民政府办公室"


# 济南市长清区人民政府办公室 2021, from the district's 政府信息公开 page: its field values without labels, its print
# buttons, the notice's title and 文号 printed again, and a 主送机关 whose close bracket and colon the page lost.
CHANGQING_PAGE = """无障碍阅读 关怀版 返回首页
政府信息公开
济南市长清区人民政府办公室关于印发《政府工作报告》重点工作任务分工的通知
113701130042070099-A/2021-4059841
综合政务
济长政办字〔2021〕3号
长清区政府
2021-04-01
2021-04-01
有效

济南市长清区人民政府办公室关于印发《政府工作报告》重点工作任务分工的通知

字号:

打印整页 打印内容 分享

济南市长清区人民政府办公室

关于印发《政府工作报告》重点工作任务分工的通知

济长政办字〔2021〕3号


各街道办事处、镇人民政府,济南经济开发区管委会,区政府各部门(单位

2021 年《政府工作报告》重点工作责任分工已经区政府同意, 现印发给你们,并提出以下意见,请一并抓好贯彻落实。

一、高度重视,提高站位。2021 年是“十四五”规划开局之年。
"""


def test_a_colonless_addressee_line_under_a_reprinted_title_and_number(tmp_path: Path) -> None:
    doc = run(tmp_path, CHANGQING_PAGE, name="changqing_page").document
    assert doc.recipients == "各街道办事处；镇人民政府；济南经济开发区管委会；区政府各部门（单位"
    assert doc.doc_number == "济长政办字〔2021〕3号" and doc.issuer == "济南市长清区人民政府办公室"


def test_a_colonless_addressee_line_with_a_bracketed_list_over_an_introducing_sentence(tmp_path: Path) -> None:
    """"各县（市、区）人民政府，市政府各部门、各直属机构" without its colon, over "…现就有关事项通知如下：": the 、
    inside （市、区） splits no addressee, and a sentence that introduces what follows is body text too."""
    doc = run(
        tmp_path,
        "某市人民政府关于加强城市管理工作的通知\n\n某政发〔2023〕9号\n\n各县（市、区）人民政府，市政府各部门、各直属机构\n"
        "为进一步加强城市管理，提升城市品质，现就有关事项通知如下：\n一、加强市容环境整治。各县（市、区）要在2023年6月底前完成背街小巷整治。\n"
        "\n某市人民政府\n2023年3月1日\n",
        name="colonless_bracketed",
    ).document
    assert doc.recipients == "各县（市、区）人民政府；市政府各部门；各直属机构", doc.recipients


def test_a_sites_footer_naming_its_organiser_is_no_task(tmp_path: Path) -> None:
    """A county page copied with its footer ("本网站由某县人民政府办公室主办。" after the 署名): 主办 in prose names
    a site's or an event's organiser, so only a bracketed tag ("（省财政厅主办，…协办）") reads it as a lead."""
    tasks = run(
        tmp_path,
        "关于做好2024年防汛工作的通知\n各乡镇人民政府，县直各单位：\n一、加强组织领导。各乡镇要落实防汛责任制。（责任单位：县水利局）\n"
        "二、做好物资储备。县应急局要储备防汛物资。\n特此通知。\n某县人民政府办公室\n2024年5月6日\n本网站由某县人民政府办公室主办。\n",
        name="site_footer",
    ).tasks
    # (the untagged item's own text opens with its unit: "县应急局要储备防汛物资")
    assert [(t.title, t.units) for t in tasks] == [("加强组织领导", "县水利局"), ("做好物资储备", "县应急局")], tasks


GLUED_FIELDS = """区人民政府办公室关于印发2023年重点工作责任分解方案的通知
2023-01-05 10:00区人民政府办公室
索引号MB1534522/2023-05475发文日期2023-01-03
发布机构区人民政府办公室文号庚政办〔2023〕1号
分类政务公开有效性有效
各街道办事处、乡人民政府，区人民政府各部门、各直属机构：
《2023年重点工作责任分解方案》已报经区人民政府同意，现印发给你们，请认真抓好落实。
区人民政府办公室
2023年1月3日
"""


def test_a_metadata_block_printed_without_colons(tmp_path: Path) -> None:
    """A browser's print of the page runs each label into its value and the next label ("…文号庚政办〔2023〕1号"):
    the fields are read as with colons, so the 文号 is the notice's and the 主送机关 follows the block."""
    d = run(tmp_path, GLUED_FIELDS).document
    assert (d.doc_number, d.signed_date) == ("庚政办〔2023〕1号", "2023-01-03"), d
    assert d.recipients == "各街道办事处；乡人民政府；区人民政府各部门；各直属机构", d.recipients
    assert d.title == "区人民政府办公室关于印发2023年重点工作责任分解方案的通知", d.title


def test_a_body_line_opening_with_a_label_word_is_no_glued_field(tmp_path: Path) -> None:
    """"标题" and "名称" also open sentences; a line with one label and sentence punctuation stays text."""
    text = "辛县人民政府关于规范地名标志设置的通知\n各乡镇人民政府：\n名称标志设置要统一，文号标注要规范。\n辛县人民政府\n2024年5月6日\n"
    d = run(tmp_path, text).document
    assert (d.doc_number, d.recipients, d.signed_date) == ("", "各乡镇人民政府", "2024-05-06"), d


def test_an_exports_disclaimer_over_the_title_is_no_first_sentence(tmp_path: Path) -> None:
    """A crawler's export opens with its disclaimer ("本文正文由脚本自…提取，仅供检索查阅；以…为准。"): page
    furniture, so the title and the 主送机关 under it are still the notice's header."""
    text = (
        "> 本文正文由脚本自官方公开页面提取，仅供检索查阅；以官方链接发布版本为准。\n\n"
        "# 丑市人民政府关于核定并公布丑市文物保护单位的通知\n\n各区、县人民政府，市政府各委、办、局：\n\n"
        "市政府核定市文物局提出的新增市级文物保护单位共85处，现予公布。\n\n丑市人民政府\n\n2014年4月4日\n"
    )
    d = run(tmp_path, text).document
    assert (d.title, d.recipients) == ("丑市人民政府关于核定并公布丑市文物保护单位的通知", "各区、县人民政府；市政府各委、办、局"), d


def test_notes_over_the_title_and_its_addressees_are_no_body(tmp_path: Path) -> None:
    """Two sentences an export sets over the notice (a source note, a copyright note) come before its title and
    主送机关: they are furniture and the header under them is read; a fragment whose heading is followed by a
    sentence ending in a colon has no such header."""
    text = (
        "本文由脚本自官方页面提取。\n依《中华人民共和国著作权法》第五条第一项，具有立法、行政、司法性质的文件不适用著作权法。\n"
        "寅镇人民政府关于印发《寅镇文物保护管理办法》的通知\n各相关单位、部门：\n"
        "现将《寅镇文物保护管理办法》印发给你们，请认真抓好落实。\n特此通知\n寅镇人民政府\n2023年10月13日\n"
    )
    d = run(tmp_path, text).document
    assert (d.title, d.recipients, d.signed_date) == ("寅镇人民政府关于印发《寅镇文物保护管理办法》的通知", "各相关单位、部门", "2023-10-13"), d
    fragment = "为整治工作提供保障，确保责任落实。\n（三）注重长效监管。要建立长效机制。\n二、时间安排\n本次整治活动分四个阶段：\n（一）宣传发动阶段\n"
    assert run(tmp_path, fragment, "fragment").document.title == ""


LII_PAGE = """[Home]
[Databases]
[Search]
己省地方法规 |
【发布文号】己政发[1996]41号
【发布日期】1996-05-20
【所属类别】地方法规
【文件来源】-----------
省人民政府关于
印发己省农村公路
养护管理办法的通知
(己政发〔1996〕41号)各市、县人民政府,省人民政府各部门:
现将《己省农村公路养护管理办法》印发给你们,请认真贯彻执行。
"""


def test_a_legal_information_institutes_page(tmp_path: Path) -> None:
    # a LII page: its link bar one link a line, "【发布文号】" the number field, the title broken over three
    # lines after 关于 and a place name, and the 文号 printed in brackets at the head of the 主送机关's line
    d = run(tmp_path, LII_PAGE).document
    assert d.title == "省人民政府关于印发己省农村公路养护管理办法的通知", d.title
    assert d.doc_number == "己政发〔1996〕41号", d.doc_number
    assert d.recipients == "各市、县人民政府；省人民政府各部门", d.recipients
    assert d.published_date == "1996-05-20", d.published_date


def test_a_number_at_the_head_of_the_recipients_line_is_read_without_a_field(tmp_path: Path) -> None:
    # no field list: the bracketed number before the addressees is the only 文号
    text = LII_PAGE.split("【文件来源】-----------\n", 1)[1]
    d = run(tmp_path, text).document
    assert d.doc_number == "己政发〔1996〕41号", d.doc_number
    assert d.recipients == "各市、县人民政府；省人民政府各部门", d.recipients


WIKISOURCE_PAGE = """庚部关于同意设立辛市庚河区的批复
庚函〔2001〕12号
庚部
2001年2月3日
本作品收录于《庚部公报/2001年/第4号
收录于
    辛省人民政府:
      你省《关于辛市设置市辖庚河区的请示》(辛府呈〔2000〕5号)收悉。同意设立辛市庚河区。
      庚河区的各类机构要按照精简、效能的原则设置。
    庚部
    二〇〇一年二月三日
"""


def test_a_wikisource_page(tmp_path: Path) -> None:
    # the page prints the issuer and date under the 文号 and its gazette banner ("本作品收录于《…", an
    # unclosed 《) over the 主送机关: the banner is chrome, the addressees stand on their own, and the date
    # that closes the reply is its 成文日期, the body before it no attachment
    out = run(tmp_path, WIKISOURCE_PAGE)
    d = out.document
    assert d.recipients == "辛省人民政府", d.recipients
    assert d.signed_date == "2001-02-03", d.signed_date
    assert [r.cited_doc_number for r in out.references] == ["辛府呈〔2000〕5号"], out.references
    path = tmp_path / "notice.txt"
    doc = normalise(read_document(path))
    roles = analyse(doc).roles
    body = next(k for k, p in enumerate(doc.paras) if "收悉" in doc.text[p.start : p.end])
    assert roles[body] == "正文", roles


def test_an_empty_view_counter_takes_no_issuer_as_its_value(tmp_path: Path) -> None:
    # the page's "浏览次数：" counter printed empty on a line of its own, over the 发文机关标志: a counter's value
    # is a number, so the issuer's name stays the masthead
    text = (
        "来源：己省政府网 发布时间：2020年03月25日\n浏览次数：\n己省人民政府\n文件\n己政发〔2020〕16号\n"
        "己省人民政府关于做好稳就业工作的通知\n各市、县人民政府：\n现就做好稳就业工作通知如下。\n己省人民政府\n2020年3月19日\n"
    )
    d = run(tmp_path, text).document
    assert d.issuer == "己省人民政府", d.issuer
    assert d.doc_number == "己政发〔2020〕16号", d.doc_number
    doc = normalise(read_document(tmp_path / "notice.txt"))
    st = analyse(doc)
    lines = {doc.text[p.start : p.end]: st.roles[k] for k, p in enumerate(doc.paras)}
    assert lines.get("浏览次数：") == "页面信息", lines
    assert st.issuer_mark is not None and st.issuer_mark.value == "己省人民政府", st.issuer_mark


def test_a_view_counter_still_takes_its_number_from_the_next_line(tmp_path: Path) -> None:
    text = "浏览次数：\n1024\n己省人民政府关于做好春耕工作的通知\n各市、县人民政府：\n现就做好春耕工作通知如下。\n己省人民政府\n2020年3月19日\n"
    d = run(tmp_path, text).document
    assert d.title == "己省人民政府关于做好春耕工作的通知", d.title


def test_a_masthead_under_the_pages_byline_and_counter(tmp_path: Path) -> None:
    # the page's heading, byline and empty counter stand between its breadcrumb and the 发文机关标志: they are
    # the page's, and the masthead under them is still among the notice's first lines
    text = (
        "政府信息公开\n您的位置: 首页 >> 政务公开 >> 自治区文件 >> 正文\n自治区文件\n关于做好稳就业工作的通知\n"
        "来源：己省政府网 发布时间：2020年03月25日 11:31\n浏览次数：\n己省人民政府文件\n己政发〔2020〕16号\n"
        "关于做好稳就业工作的通知\n各市、县人民政府：\n现就做好稳就业工作通知如下。\n2020年3月19日\n"
    )
    d = run(tmp_path, text).document
    assert d.issuer == "己省人民政府", d.issuer
    assert d.doc_number == "己政发〔2020〕16号", d.doc_number


_SITE_MENU = ["市民网页", "语言", "简体", "繁體", "English", "手机端", "微信", "微博", "政务邮箱", "搜索", "请输入关键字 搜一下", "首页",
              "政务公开", "政务服务", "互动交流", "政策发布", "魅力己市", "推荐", "新闻", "公开", "服务", "互动", "政策", "人文", "政策解读",
              "【一图读懂】《己市人民政府办公厅关于做好春耕工作的通知》2021-04-21", "当前位置：首页>市政府规范性文件", "基本信息",
              "统一编号：JS0220210007", "文号：己府办规〔2021〕7号", "发布机关：己市人民政府办公厅", "文件状态：",
              "己市人民政府办公厅关于做好春耕工作的通知", "字体加大", "字体适中", "字体减小", "打印", "分享"]
PRINTED_PAGE = "\n".join(_SITE_MENU) + """
己府办规〔2021〕7号
己市人民政府办公厅关于做好春耕工作的通知
各区人民政府，市政府各部门、各直属机构：
现就做好春耕工作通知如下。
一、加强组织领导
各区要于2021年5月1日前制定工作方案。
己市人民政府办公厅
2021年4月13日
公开方式：主动公开
己市人民政府办公厅2021年4月16日印发
【返回顶部】【关闭窗口】
扫一扫在手机打开当前页
内容纠错|使用帮助|关于我们
己市人民政府版权所有 主办单位：己市人民政府办公厅 联系我们：020-12345
网站标识码：4401000004 ICP备案号：己ICP备2022092331号-1
我要查
我要办
应用
电脑版
·市委组织部
·市委宣传部
·市委统战部
·市委政法委
·市委网信办
·市委外办
·市委编办
·市委金融办
·市委机要局
·市委老干部局
·市委党校
·市委党史研究室
"""


def test_a_whole_page_a_browser_printed(tmp_path: Path) -> None:
    # "Save as PDF" of the notice's page: the site's menus and the page's metadata block run past the header
    # window before the 文号, and the site's footer and mobile menu follow the 版记: the notice is read between
    d = run(tmp_path, PRINTED_PAGE).document
    assert d.doc_number == "己府办规〔2021〕7号", d.doc_number
    assert d.title == "己市人民政府办公厅关于做好春耕工作的通知", d.title
    assert d.recipients == "各区人民政府；市政府各部门；各直属机构", d.recipients
    assert (d.signed_date, d.issued_date, d.printer) == ("2021-04-13", "2021-04-16", "己市人民政府办公厅"), d


def test_a_wrapped_title_whose_inner_marks_are_book_marks_too(tmp_path: Path) -> None:
    # OCR reads the inner 〈〉 of a wrapped title as 《》: the wrapper still goes
    text = (
        "《戊市人民政府办公厅关于印发《戊市2019年政务公开工作要点》的通知》\n戊政办发〔2019〕8号\n"
        "各区人民政府，市政府各委、办、局：\n《戊市2019年政务公开工作要点》已经市政府同意，现印发给你们。\n"
        "戊市人民政府办公厅\n2019年4月2日\n"
    )
    d = run(tmp_path, text).document
    assert d.title == "戊市人民政府办公厅关于印发《戊市2019年政务公开工作要点》的通知", d.title


def test_two_book_titles_are_no_wrapper(tmp_path: Path) -> None:
    text = "《戊市河道管理办法》《戊市湖泊管理办法》\n各区人民政府：\n现将两办法印发给你们。\n戊市人民政府\n2019年4月2日\n"
    d = run(tmp_path, text).document
    assert not d.title.startswith("戊市河道管理办法》"), d.title


def test_an_empty_field_over_the_title_takes_no_title_line(tmp_path: Path) -> None:
    # the field's placeholder ("-----------") lost by OCR: the title's first line under it is the title's
    text = LII_PAGE.replace("【文件来源】-----------", "文件来源：")
    d = run(tmp_path, text).document
    assert d.title == "省人民政府关于印发己省农村公路养护管理办法的通知", d.title


def test_a_rights_holder_in_the_body_is_no_site_footer(tmp_path: Path) -> None:
    # one footer word alone in the text ("版权所有人") cuts nothing: a site's footer shows two of its marks
    text = (
        "丁县人民政府办公室关于做好版权保护工作的通知\n各乡镇人民政府，县直各单位：\n现就有关事项通知如下。\n"
        "一、登记对象\n版权所有人\n二、工作要求\n各单位于2024年5月1日前报送登记表。\n丁县人民政府办公室\n2024年3月1日\n"
    )
    out = run(tmp_path, text)
    assert out.document.signed_date == "2024-03-01", out.document.signed_date
    assert [d.end for d in out.deadlines] == ["2024-05-01"], out.deadlines


PRINTED_ANNOUNCEMENT = "\n".join(_SITE_MENU[:25] + [f"·市委{d}" for d in "组织部 宣传部 统战部 政法委 网信办 外办 编办 金融办 机要局 老干部局 党校 党史研究室".split()]) + """
己府规〔2024〕2号
己市人民政府关于禁止燃放烟花爆竹的通告
为保障公共安全，根据有关法律法规，现就禁止燃放烟花爆竹有关事项通告如下：
一、本市城区全年禁止燃放烟花爆竹。
二、本通告自2024年2月1日起施行。
己市人民政府
2024年1月20日
"""


def test_a_printed_page_of_a_notice_without_recipients(tmp_path: Path) -> None:
    # the same menus over a 通告, which has no 主送机关: its 文号 right over its title marks where it starts
    d = run(tmp_path, PRINTED_ANNOUNCEMENT).document
    assert d.doc_number == "己府规〔2024〕2号", d.doc_number
    assert d.title == "己市人民政府关于禁止燃放烟花爆竹的通告", d.title
    assert d.signed_date == "2024-01-20", d.signed_date


def test_a_law_databases_issuer_between_two_prints_of_the_title(tmp_path: Path) -> None:
    # the database prints the title, its byline, the title again, the 发布机关, the title a third time and the
    # 文号: the organisation between the prints is the issuer, not a site's banner
    text = (
        "庚市鼓励外商投资的规定\n作者:法律资料网 时间:2024-07-22 14:39:19 浏览:9201 来源:法律资料网\n下载地址: 点击此处下载\n"
        "庚市鼓励外商投资的规定\n辛省庚市人民政府\n庚市鼓励外商投资的规定\n庚政令[1997]29号\n"
        "第一条 为鼓励外商来我市投资兴办企业，结合我市实际情况，制定本规定。\n第二条 本规定自发布之日起施行。\n"
    )
    d = run(tmp_path, text).document
    assert d.issuer == "辛省庚市人民政府", d.issuer
    assert (d.title, d.doc_number) == ("庚市鼓励外商投资的规定", "庚政令〔1997〕29号"), d


def test_a_law_librarys_field_table_in_pipes(tmp_path: Path) -> None:
    """A law library prints its fields as a table in text, "法规类型 | 101103 | 所属行业 | 100 |": rows whose
    labels are its own are read past, so the 主送机关 under them is still the header's."""
    d = run(
        tmp_path,
        "名称 | 省政府办公厅关于表彰2006年度省市驻沪办事机构先进单位的通知 | ||\n"
        "颁布单位 | 155 | 发文文号 | 苏政办发〔2007〕19号 |\n法规类型 | 101103 | 所属行业 | 100 |\n"
        "有效与否 | 江苏 | 发布日期 | 2007-03-07 |\n各市人民政府，省有关厅、局，省有关直属单位：\n"
        "2006年度，我省省市驻沪办事机构取得了明显成效。现对先进单位予以表彰。\n二○○七年三月七日\n",
    ).document
    assert d.recipients == "各市人民政府；省有关厅、局；省有关直属单位", d.recipients
    assert (d.doc_number, d.published_date, d.signed_date) == ("苏政办发〔2007〕19号", "2007-03-07", "2007-03-07"), d
    assert d.status == "", d.status  # "有效与否 | 江苏": the template's shifted value is no validity


def test_a_news_sites_heading_with_its_source_over_the_notices_own_title(tmp_path: Path) -> None:
    """A news site heads its copy with the title and the source in brackets, then its channel and time, then the
    notice with its own title: the notice's title is its own, the byline and the tags under it are the page's."""
    out = run(
        tmp_path,
        "新乡长垣市关于实施交通管制的通告(长垣市交通管理局)\n\n社会热点2022-10-12 06:32:26未知\n\n"
        "新乡长垣市关于实施交通管制的通告(长垣市交通管理局)\n\n  关于实施交通管制的通告\n\n"
        "  为保证防汛车辆安全通行，与防汛无关人员严禁进入控导工程之间的连坝路，禁止一切车辆通行。\n\n  特此通告。\n\n"
        "  长垣市公安局\n\n  2021年10月9日\n\n本文标签: ,车辆  ,人员  ,长垣\n\n相关推荐\n\n猜你喜欢\n",
    )
    d = out.document
    assert (d.title, d.doc_type, d.issuer, d.signed_date) == ("关于实施交通管制的通告", "通告", "长垣市公安局", "2021-10-09"), d
    assert d.attachments == "", d.attachments  # the page's tags and recommendations are no attachments


def test_a_title_run_on_into_the_pages_byline_fields(tmp_path: Path) -> None:
    """A law site's heading prints the title glued to its empty byline fields and the view count on a line of
    its own ("…的指导意见来源: 发布日期:2017-01-06阅读次数:" / "4") over the 文号: the title is the part before the
    fields, the count no title."""
    d = run(
        tmp_path,
        "国务院关于加强政务诚信建设的指导意见\n国务院关于加强政务诚信建设的指导意见来源: 发布日期:2017-01-06阅读次数:\n4\n"
        "国发〔2016〕76号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n为加强政务诚信建设，现提出以下意见。\n"
        "一、重要意义\n加强政务诚信建设，是社会信用体系建设的重要组成部分。\n",
    ).document
    assert (d.title, d.issuer, d.doc_number, d.published_date) == ("国务院关于加强政务诚信建设的指导意见", "国务院", "国发〔2016〕76号", "2017-01-06"), d


def test_the_whole_title_printed_above_a_print_cut_to_its_tail(tmp_path: Path) -> None:
    """A mirror prints the title whole in its heading, then over the 文号 only its tail, the issuer and 关于印发
    cut off ("吉林省政务诚信建设实施方案的通知"): the title is the whole print, its evidence the heading's words."""
    out = run(
        tmp_path,
        "吉政办发〔2017〕75号《吉林省人民政府办公厅关于印发吉林省政务诚信建设实施方案的通知》\n浏览量: 时间:2020-05-09 22:46:15\n"
        "《吉林省人民政府办公厅关于印发吉林省政务诚信建设实施方案的通知》\n吉政办发〔2017〕75号\n吉林省政务诚信建设实施方案的通知\n"
        "吉政办发〔2017〕75号\n各市（州）人民政府，省政府各厅委办、各直属机构：\n《吉林省政务诚信建设实施方案》已经省政府同意，现印发给你们，请认真贯彻执行。\n"
        "吉林省人民政府办公厅\n2017年11月15日\n",
    )
    d = out.document
    assert d.title == "吉林省人民政府办公厅关于印发吉林省政务诚信建设实施方案的通知", d.title
    start, end, _ = json.loads(d.evidence)["title"]
    assert out.text[start:end] == d.title, out.text[start:end]


def test_a_title_field_that_names_no_document_is_no_title(tmp_path: Path) -> None:
    """A document site's "标题" field over its uploader's name ("标题" / "- 屯 狄") gives no title; a field that holds
    one still does, without its list bullet."""
    spaced = " ".join("省政府文件青海省人民政府关于印发若干政策措施的通知青政号各市自治州人民政府：现印发给你们，请认真贯彻执行。为深入贯彻落实有关精神，现提出如下政策措施。一、全力扩大有效信贷投放，银行业金融机构要积极争取信贷规模和投放节奏等方面的差别化政策。")
    d = run(tmp_path, f"标题\n|\n- 屯 狄\n- 9 years ago\nTranscription\n1 {spaced}\n").document
    assert d.title == "", d.title
    d = run(tmp_path, "- 标题：某市人民政府关于做好防汛工作的通知\n- 发布日期：2023-06-01\n各县（区）人民政府：\n现就做好防汛工作通知如下。\n").document
    assert d.title == "某市人民政府关于做好防汛工作的通知", d.title


def test_a_forum_posts_link_button_and_image_names_over_the_notice(tmp_path: Path) -> None:
    """A forum post copies a notice under its own heading, its "[复制链接]" button and the file names of the images
    it shows ("通知.jpg"): those are the page's, so the 主送机关 below them is still read."""
    d = run(
        tmp_path,
        "武汉市人民政府2023年《政府工作报告》目标任务责任分解方案(上)\n\n[复制链接]\n\n通知.jpg\n\n\n115819f872rqjzfz3roc2o.jpeg\n\n\n"
        "各区人民政府,市人民政府各部门,各有关单位:\n《2023年市〈政府工作报告〉目标任务责任分解方案》已经市人民政府同意,现印发给你们,请一并贯彻执行。\n"
        "一、高度重视,精心组织,科学制订办理方案。各牵头单位于2023年2月10日前将办理方案报市人民政府督查室。\n武汉市人民政府办公厅\n2023年1月12日\n",
    ).document
    assert d.recipients == "各区人民政府；市人民政府各部门；各有关单位", d.recipients
    assert (d.issuer, d.signed_date) == ("武汉市人民政府办公厅", "2023-01-12"), d


def test_a_pages_tool_line_between_the_title_and_the_number(tmp_path: Path) -> None:
    """A department's page puts its tools between the title and the 文号 ("字号:[ ]  [我要打印][关闭] 视力保护色:"):
    the line is the page's, so the title over it is still the title printed over the number."""
    d = run(
        tmp_path,
        "您当前所在位置: 首页 » 新闻中心 » 通知公告\n贵州省财政厅 贵州省教育厅关于印发《关于建立公办幼儿园生均公用经费财政拨款制度的指导意见》的通知\n"
        " 字号:[ ]  [我要打印][关闭] 视力保护色:\n\n黔财教〔2018〕254号\n\n各市(州)、县(市、区、特区)财政局、教育局,省属有关学校:\n\n"
        "省财政厅、省教育厅研究制定了《关于建立公办幼儿园生均公用经费财政拨款制度的指导意见》，现印发给你们，请遵照执行。\n\n"
        "贵州省财政厅 贵州省教育厅\n\n2018年12月30日\n",
    ).document
    assert d.title == "贵州省财政厅 贵州省教育厅关于印发《关于建立公办幼儿园生均公用经费财政拨款制度的指导意见》的通知", d.title
    assert (d.doc_number, d.doc_type) == ("黔财教〔2018〕254号", "通知"), d
