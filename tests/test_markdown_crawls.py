"""Government pages a crawler saved as Markdown (tests/fixtures/markdown/): the page's field block, the notice's
elements and the task tables converted from HTML, read as an analyst would read the page."""

from __future__ import annotations

from pathlib import Path

from notice_helpers import process_text
from pipeline.model import Extraction

FIXTURES = Path(__file__).parent / "fixtures" / "markdown"


def _crawl(tmp_path: Path, name: str) -> Extraction:
    """The extraction of tests/fixtures/markdown/<name>.md, read as the crawler saved it."""
    return process_text(tmp_path, (FIXTURES / f"{name}.md").read_text(encoding="utf-8"), name=name, suffix=".md")


def test_a_city_page_with_labels_over_values_and_tables_that_lost_their_merged_cells(tmp_path: Path) -> None:
    """苏府〔2024〕33号 on suzhou.gov.cn: the 索引号 over its value is a field, not a title ending in the next
    field's 通知; the page's 内容概述 sentence is a field, not the body's first sentence, so the notice's own title
    and its 主送机关 (groups set apart by "；") are read; a task table row whose 领域 (or 领域 and 牵头责任部门) a merged
    cell spanned keeps its task in the task column and takes the spanned cells from the row above (both units of a 牵头责任部门 cell lead); a group's
    heading row is no task, nor is the header; a 部门职责清单 row under a merged 部门 cell is that 部门's; a task
    cell without a full stop that names a field (新能源城市公交车辆) is the task, not a 牵头责任部门."""
    ex = _crawl(tmp_path, "suzhou_sufu_2024_33")
    d = ex.document
    assert (d.title, d.doc_number, d.issuer) == ("市政府关于印发苏州市推动大规模设备更新和消费品以旧换新实施方案的通知", "苏府〔2024〕33号", "苏州市人民政府")
    assert d.recipients == "各县级市（区）人民政府；苏州工业园区；苏州高新区；太仓港口管委会；市各委办局；各直属单位", d.recipients
    table = {t.title: t.units for t in ex.tasks if t.source == "table"}
    assert table["新建10家绿色工厂、2家绿色供应链管理企业、1个绿色园区和15个（近）零碳园区（企业）试点"] == "市工信局；市发改委", table
    assert table["加快“先立后改”支撑性电源项目730万千瓦机组建设"] == "市发改委", table
    assert table["梳理总结重点领域产品设备更新改造和回收利用优秀项目、典型案例，推广一批可借鉴、可复制的先进经验"] == "市发改委", table
    assert table["保障废旧物资回收车辆合理路权"] == "市公安局", table
    # a task with no full stop is still a task: the field word it holds (能源 in 新能源) makes it no unit's name
    assert table["完成改造港口储罐1个"] == table["新增和更新新能源城市公交车辆200辆"] == "市交通局", table
    assert not {"2024年推进任务", "一、实施设备更新行动", "二、实施消费品以旧换新行动"} & set(table), table
    assert len(table) == 24, sorted(table)


def test_a_district_plan_with_a_duty_list_and_a_monthly_report(tmp_path: Path) -> None:
    """綦油联办发〔2024〕2号 on cqqj.gov.cn: the number comes from the page's bracketed field list (the notice prints
    none); the office that sealed for the issuer ("…商务委员会（代章）") is no co-issuer; "区商务委按职责牵头" names 区商务委;
    each paragraph of the 责任分工 part ("区商务委：负责…", three units before one colon) is a task of its units; "次月
    3日前" after a monthly reporting system is a monthly schedule, not a date."""
    ex = _crawl(tmp_path, "qijiang_youlianbanfa_2024_2")
    d = ex.document
    assert (d.doc_number, d.issuer, d.signed_date) == ("綦油联办发〔2024〕2号", "重庆市綦江区成品油市场监管联席会议办公室", "2024-04-16")
    units = {t.title: t.units for t in ex.tasks}
    assert units["严格油品源头管控"] == "区公安局；区交通局；区商务委；区市场监管局；区税务局", units
    assert units["区商务委"] == "区商务委" and units["区公安局"] == "区公安局", units
    assert units["区经济信息委、区住房城乡建委、区城市管理局"] == "区经济信息委；区住房城乡建委；区城市管理局", units
    limits = {(x.text, x.kind, x.frequency, x.end) for x in ex.deadlines}
    assert {("次月3日前", "recurring", "monthly", ""), ("4月25日前", "by", "", "2024-04-25"), ("2024年12月6日前", "by", "", "2024-12-06")} <= limits, limits


def test_a_county_page_laid_out_as_markdown_tables(tmp_path: Path) -> None:
    """平川区's page: the metadata table of label and value cells is the page's field block (an empty 文号 and
    发布机构 take nothing; 所属机构 names the office, 信息来源 the place), not a table of the notice and no 生成日期 limit;
    the one-column table holding the title, the byline and the notice's paragraphs between <br> is the notice's
    text, so its title, 主送机关, items and their 责任单位 are read; "《关于印发＜…实施意见》的通知》" is one title."""
    ex = _crawl(tmp_path, "pingchuan_chengpinyou_2025")
    d = ex.document
    assert (d.title, d.issuer, d.doc_number, d.region_county) == ("关于开展2025年全区成品油流通市场集中整治的通知", "平川区政府办", "", "平川区"), d
    assert d.recipients == "各相关部门；成品油经营企业", d.recipients
    assert ("关于印发《甘肃省成品油流通管理实施意见》的通知", "甘商务运行发〔2021〕189号") in {(r.cited_title, r.cited_doc_number) for r in ex.references}, ex.references
    units = {t.title: t.units for t in ex.tasks}
    assert units["成品油非法运输整治"] == "区交通运输局；市公安局平川分局", units
    assert units["硬件设施不达标整治"] == "区发展改革局；区商务局；市生态环境局平川分局；区应急局", units
    limits = [(x.text, x.end) for x in ex.deadlines]
    assert ("7月25日前", "2025-07-25") in limits and not any(t == "2025-06-18" for t, _ in limits), limits


def test_a_state_council_opinion_reposted_by_a_city_bureau(tmp_path: Path) -> None:
    """国办发〔2025〕5号 on 承德's site: the note "（转自中华人民共和国中央人民政府网站）" between the page's heading and
    the bold title is the site's, not a line of the title; the issuer and level are the State Council office's,
    not the reposting bureau's."""
    text = (FIXTURES / "chengde_repost_guobanfa_2025_5.md").read_text(encoding="utf-8")
    d = process_text(tmp_path, text, name="chengde_repost_guobanfa_2025_5", suffix=".md").document
    assert (d.title, d.issuer, d.doc_number, d.admin_level, d.region_city) == (
        "国务院办公厅关于推动成品油流通高质量发展的意见", "国务院办公厅", "国办发〔2025〕5号", "national", ""
    ), d


def test_a_project_list_under_an_empty_converted_header(tmp_path: Path) -> None:
    """渝府办发〔2026〕16号: the attachments numbered "1﹒" and "2﹒" are both read; the project list's empty header row
    (the converter's) gives way to its first row (序号 / 项目名称 / … / 牵头单位), so each project is a task of its 牵头
    单位, and its total and group rows are none."""
    ex = _crawl(tmp_path, "chongqing_yufubanfa_2026_16")
    assert ex.document.attachments == "2026年市级重点开工项目名单；2026年市级重点在建项目名单", ex.document.attachments
    table = {t.title: t.lead_units for t in ex.tasks if t.source == "table"}
    assert len(table) == 8, table
    assert table["重庆市2026年设备更新项目"] == "市发展改革委" and table["“酆都神话城”项目"] == "丰都县政府", table
    assert not any(t.startswith(("合计", "一、", "（一）", "（二）")) for t in table), table


def test_a_joint_notice_whose_title_stands_over_a_byline_and_its_number(tmp_path: Path) -> None:
    """沪商市场〔2024〕159号: the title over the page's byline ("发布日期（2024-07-17）") and the 文号 is the title, not a
    masthead line; the eight departments that sign are the issuers; each paragraph of its 职责分工 naming a unit that
    负责 something is that unit's task."""
    ex = _crawl(tmp_path, "shanghai_hushangshichang_2024_159")
    d = ex.document
    assert (d.title, d.doc_number, d.doc_type) == ("市商务委等八部门关于推进本市落实国家汽车以旧换新补贴政策工作的通知", "沪商市场〔2024〕159号", "通知"), d
    assert len(d.issuer.split("；")) == 8 and d.issuer.startswith("上海市商务委员会；上海市财政局"), d.issuer
    assert {"市商务委", "市财政局", "财政部上海监管局", "市税务局"} <= {t.lead_unit for t in ex.tasks}, [t.lead_unit for t in ex.tasks]


def test_joint_departments_sharing_one_place_and_numbers_in_small_form_brackets(tmp_path: Path) -> None:
    """内蒙古's revised 奖补实施细则: "内蒙古自治区交通运输厅 财政厅" in the title is two issuers (the second named
    without the place they share) and the title keeps the space between them (GB/T 9704 §7.3.1); 文号 printed
    with ﹝﹞ are read as 〔〕; "原《…实施细则》内交发﹝2022﹞618号" gives the title its number though no bracket holds it."""
    ex = _crawl(tmp_path, "neimenggu_jiaotong_xiuding_2024")
    d = ex.document
    assert d.issuer == "内蒙古自治区交通运输厅；财政厅", d.issuer
    assert d.title.startswith("内蒙古自治区交通运输厅 财政厅关于修订《"), d.title
    refs = {(r.cited_title, r.cited_doc_number) for r in ex.references}
    assert ("“十四五”推广应用新能源巡游出租汽车奖补实施细则", "内交发〔2023〕607号") in refs, refs
    assert any(n == "内交发〔2022〕618号" and t.endswith("奖补实施细则") for t, n in refs), refs


def test_a_page_whose_field_cells_hold_label_and_value_and_a_share_bar_before_the_addressees(tmp_path: Path) -> None:
    """桂能电力〔2024〕594号: each cell of the field table holds a bold label and its value, so its 发文字号 is the
    notice's number, not a number the notice cites; the title printed again below the fields is the title, and the
    主送机关 is looked for below it, past the share bar's unknown short words ("我要收藏", "公共资源调用站点")."""
    ex = _crawl(tmp_path, "guangxi_guinengdianli_2024_594")
    d = ex.document
    assert (d.doc_number, d.issuer, d.signed_date) == ("桂能电力〔2024〕594号", "广西壮族自治区能源局；国家能源局南方监管局", "2024-12-21"), d
    assert d.recipients == "各设区市电力市场化交易主管部门；广西电力交易中心；广西电力调度控制中心；各电网企业；各经营主体", d.recipients
    assert "桂能电力〔2024〕594号" not in {r.cited_doc_number for r in ex.references}, ex.references


def test_a_task_table_whose_rows_lost_their_merged_task_cells(tmp_path: Path) -> None:
    """丰政办发〔2026〕4号's 附件1: a row under the task above ("| 落实全市交通运输结构调整工作方案…。 | 年底前 |
    区城市管理委<br>丰台运管分局 | …|") keeps its measure, limit and units in their columns and takes the task from
    the row above; units listed a line each are a list, a name wrapped over two lines is one; 主责单位 beside
    牵头部门 names the units carrying the task out; "——" is none, so nothing is filled down into it; a branch named
    by its county (丰台运管分局) takes no 区 from the unit before it."""
    ex = _crawl(tmp_path, "fengtai_fengzhengbanfa_2026_4")
    rows = [(t.title, t.lead_units, t.co_units, t.due_date) for t in ex.tasks if t.source == "table"]
    assert ("空气质量目标", "区生态环境局；各街镇", "区城市管理委；区科技信息化局；区住房城乡建设委", "2026-12-31") in rows, rows
    assert ("总量减排目标", "区生态环境局", "", "2026-12-31") in rows, rows
    assert ("推动机动车结构优化升级", "区城市管理委；丰台运管分局", "区住房城乡建设委；区科技信息化局；区商务局", "2026-12-31") in rows, rows
    assert ("推动机动车结构优化升级", "南区邮政管理局", "", "2026-12-31") in rows, rows
    assert ("加强关停退出企业地块污染管控", "区生态环境局", "市规划自然资源委丰台分局；区科技信息化局", "2026-11-30") in rows, rows
    assert any(co.endswith("区机关事务管理服务中心") for _, _, co, _ in rows), rows


def test_a_period_from_another_documents_issue_dated_in_brackets(tmp_path: Path) -> None:
    """沪商市场〔2024〕159号: "自细则印发之日（即2024年4月24日）起至2024年12月31日" runs from the bracket's date, not from
    nowhere (it was read as a bare target, 至2024年12月31日)."""
    ex = _crawl(tmp_path, "shanghai_hushangshichang_2024_159")
    spans = {(d.kind, d.start, d.end) for d in ex.deadlines}
    assert ("range", "2024-04-24", "2024-12-31") in spans and ("target", "", "2024-12-31") not in spans, spans


def test_a_breadcrumb_a_link_per_line_and_a_field_table_without_colons(tmp_path: Path) -> None:
    """沪浦发改规〔2025〕1号: the breadcrumb's pieces over the title are no lines of it; the field table's labels
    (文件编号, 发布时间) are the rules' labels though no colon follows them, so its number is the notice's (not a
    citation of itself) and its 发布时间 no time limit; the nine departments that sign are the issuers."""
    ex = _crawl(tmp_path, "pudong_fagai_2025_1")
    d = ex.document
    assert (d.title, d.doc_number) == ("关于印发《浦东新区节能低碳专项资金管理办法》的通知", "沪浦发改规〔2025〕1号"), d
    assert len(d.issuer.split("；")) == 9 and d.recipients.startswith("区政府各委、办、局"), d
    assert "沪浦发改规〔2025〕1号" not in {r.cited_doc_number for r in ex.references}
    assert "2025-01-24" not in {x.text for x in ex.deadlines}, [x.text for x in ex.deadlines]


def test_bracketed_field_labels_and_a_title_printed_again_below_the_notice(tmp_path: Path) -> None:
    """渝商务〔2025〕22号: the field table's labels stand in brackets (`\\[ 发文字号 \\]`), no colon, so its number is
    the notice's; the title printed again in the page's footer, after the 署名 and date, is the page's: the notice
    still starts under the first print, with its 主送机关, its headings and the document it cites."""
    ex = _crawl(tmp_path, "chongqing_yushangwu_2025_22")
    d = ex.document
    assert (d.doc_number, d.signed_date) == ("渝商务〔2025〕22号", "2025-01-24"), d
    assert d.recipients.startswith("各区县（自治县）") and d.recipients.endswith("有关单位"), d.recipients
    assert [(s.level, s.heading) for s in ex.sections][:2] == [(1, "补贴适用时间、对象条件及标准方式"), (2, "补贴适用时间")], ex.sections
    assert len(ex.sections) == 4, ex.sections
    assert {r.cited_doc_number for r in ex.references} == {"发改环资〔2025〕13号"}, ex.references


def test_a_joint_opinion_under_a_share_box_and_above_a_page_ranking_list(tmp_path: Path) -> None:
    """发改环资〔2023〕178号: the notice's own title, which names its lead issuer and 等部门, stands under the page's
    heading (no issuers) past a share box's lines, so it is the title and the 主送机关 under its number is found;
    the titles linked in the page's 相关政策与解读 and 排行榜 under the date are no documents the notice cites."""
    ex = _crawl(tmp_path, "ndrc_fagaihuanzi_2023_178")
    d = ex.document
    assert d.title == "国家发展改革委等部门关于统筹节能降碳和回收利用加快重点领域产品设备更新改造的指导意见", d.title
    assert (d.doc_number, d.signed_date) == ("发改环资〔2023〕178号", "2023-02-20"), d
    assert d.recipients.startswith("各省、自治区、直辖市") and d.recipients.endswith("副省级城市中心支行"), d.recipients
    assert len(d.issuer.split("；")) == 9, d.issuer
    cited = {r.cited_title for r in ex.references}
    assert "关于企业国有资产交易流转有关事项的通知" in cited, cited
    assert not any("节能降碳工作的意见" in c or "电力重大事故" in c for c in cited), cited


def test_a_converted_pdf_whose_line_ends_became_spaces(tmp_path: Path) -> None:
    """绿色低碳先进技术示范工程实施方案: "到 2025 年" is a target, not a line ending in 到 over one opening with a year;
    a heading run on after a duty note's bracket (`负责） 四、强化项目保障 （一）…`) and one before its first sub-heading
    (`三、重点方向 （一）源头减碳类`) are headings of their own, so each item's units stay with its own item."""
    ex = _crawl(tmp_path, "ndrc_lvse_ditan_shifan")
    assert {(d.text, d.end) for d in ex.deadlines} >= {("到2025年", "2025-12-31"), ("到2030年", "2030-12-31")}
    heads = [(s.level, s.heading) for s in ex.sections]
    assert (1, "主要目标") in heads and (1, "重点方向") in heads and (2, "源头减碳类") in heads, heads
    assert (1, "强化项目保障") in heads and (2, "加强中央预算内投资等资金支持") in heads, heads
    units = {t.title: t.units for t in ex.tasks}
    assert units["加强中央预算内投资等资金支持"] == "国家发展改革委；财政部", units
    assert "财政部" not in units["二氧化碳资源化利用及固碳示范项目"], units


def test_a_national_notice_on_the_same_page_template_with_two_issuers(tmp_path: Path) -> None:
    """发改环资〔2025〕13号: the notice's own title over its number, not the page's heading without issuers; its
    citations with their numbers and none from the ranking list; its time limits and no eligibility date
    (报废2012年6月30日前…注册登记的汽油乘用车) read as one."""
    ex = _crawl(tmp_path, "ndrc_fagaihuanzi_2025_13")
    d = ex.document
    assert d.title.startswith("国家发展改革委") and d.title.endswith("以旧换新政策的通知"), d.title
    assert (d.doc_number, d.signed_date, d.issuer) == ("发改环资〔2025〕13号", "2025-01-05", "国家发展改革委；财政部"), d
    assert d.recipients == "各省、自治区、直辖市人民政府；国务院各部委；各直属机构", d.recipients
    numbers = {r.cited_doc_number for r in ex.references}
    assert {"国发〔2024〕7号", "交规划发〔2024〕90号", "农办机〔2024〕5号", "商消费函〔2024〕392号"} <= numbers, numbers
    assert not any("节能降碳工作" in r.cited_title for r in ex.references)
    ends = {x.end for x in ex.deadlines}
    assert "2025-12-31" in ends and not ends & {"2012-06-30", "2014-06-30", "2018-12-31"}, ends


def test_a_signer_date_and_publicity_on_one_line_and_units_wrapped_in_their_names(tmp_path: Path) -> None:
    """渝府办发〔2024〕29号: "重庆市人民政府办公厅 2024 年 3 月 30 日 （此件公开发布）" gives the 署名, the 成文日期 and the
    公开属性; a unit name the print wrapped ("市发展改 革委") is one name in a task's units, with no line break in it."""
    ex = _crawl(tmp_path, "chongqing_yufubanfa_2024_29")
    d = ex.document
    assert (d.doc_number, d.signed_date, d.publicity) == ("渝府办发〔2024〕29号", "2024-03-30", "此件公开发布"), d
    assert not any("\n" in t.units or "\n" in t.lead_unit for t in ex.tasks), [t.units for t in ex.tasks]
    assert any(t.lead_unit == "市发展改革委" and "重庆交通开投集团" in t.units for t in ex.tasks), [t.units for t in ex.tasks]


def test_page_numbers_and_running_heads_of_a_converted_pdf_go_and_its_sentences_read_on(tmp_path: Path) -> None:
    """渝府办发〔2024〕29号 converted from its PDF: every page ends "- N -" / "重庆市人民政府办公厅发布" and the next one
    starts with the 发文机关标志 printed again, glued to the page's first words ("重庆市人民政府办公厅文件 源局、…").
    Those lines are the pages' furniture: a duty note running over the break keeps its units, and the masthead
    of the first page stays the document's."""
    ex = _crawl(tmp_path, "chongqing_yufubanfa_2024_29")
    assert ex.document.issuer == "重庆市人民政府办公厅", ex.document
    assert ex.text.count("重庆市人民政府办公厅文件") == 1 and "办公厅发布" not in ex.text and "-4-" not in ex.text, ex.text[:400]
    assert ex.tasks and all(t.units for t in ex.tasks), [(t.title, t.units) for t in ex.tasks]
    placing = next(t for t in ex.tasks if t.title == "合理选址布点")
    assert "市规划自然资源局" in placing.units and "重庆高速集团" in placing.units, placing.units


def test_a_numbered_field_list_with_dashes_and_a_back_to_top_button(tmp_path: Path) -> None:
    """京政发〔2024〕1号 on beijing.gov.cn: its fields are numbered and bracketed, dashes between label and value
    (`02. \\[发文机构\\] \\-\\-\\-\\--北京市人民政府`); `回到顶部` among the menu lines is a button, not the 发文机关标志
    (it ends like 部, a ministry); the items' `主责单位：` lines give the tasks their units."""
    ex = _crawl(tmp_path, "beijing_jingzhengfa_2024_1")
    d = ex.document
    assert (d.issuer, d.doc_number, d.signed_date, d.published_date) == ("北京市人民政府", "京政发〔2024〕1号", "2024-01-26", "2024-02-01"), d
    assert (d.region_province, d.admin_level, d.status) == ("北京市", "provincial", "现行有效"), d
    assert d.recipients == "各区人民政府；市政府各委、办、局；各市属机构", d.recipients
    assert len(ex.tasks) == 9 and all(t.units for t in ex.tasks), [(t.title, t.units) for t in ex.tasks]
    third = next(t for t in ex.tasks if t.title.startswith("坚持“一年一体检"))
    assert third.units == "市规划自然资源委；市统计局", third.units


def test_a_converted_pdf_s_spaced_figures_start_no_line_and_its_digitless_page_numbers_go(tmp_path: Path) -> None:
    """生态环境部's draft quota plan converted from its PDF: a year set apart from the word before it (`做好 2022 年`)
    is the PDF's spacing of figures, not a line break, so the cited title over it stays whole with its 文号 (it was
    cut into `…根据《关于做好` / `2022年…的通` / `《知》`); the pages' `— —` (page numbers without their digits) go."""
    ex = _crawl(tmp_path, "mee_carbon_quota_2021_2022_draft")
    cited = {r.cited_doc_number: r.cited_title for r in ex.references}
    assert cited.get("环办气候函〔2022〕111号") == "关于做好2022年企业温室气体排放报告管理相关重点工作的通知", cited
    assert "《知》" not in ex.text and "— —" not in ex.text and "——本方案" not in ex.text, ex.text[:600]
    assert ex.document.title == "2021、2022年度全国碳排放权交易配额总量设定与分配实施方案", ex.document.title
    assert "2023-12-31" in {d.end for d in ex.deadlines}, [d.end for d in ex.deadlines]


def test_a_page_without_a_date_under_its_text_still_leads_out_at_its_related_links(tmp_path: Path) -> None:
    """An interpretation on ndrc.gov.cn has no 成文日期 under its text; the 相关政策与解读 and 排行榜 lists after it are
    the page's (only titles and dates follow): a ranking entry's date is no 成文日期 (it was 2026-04-21, a date the
    notice never gave) and its titles are no citations."""
    ex = _crawl(tmp_path, "nea_jiedu_dianli_zhongchangqi")
    d = ex.document
    assert (d.signed_date, d.published_date) == ("", "2025-12-26"), d
    titles = {r.cited_title for r in ex.references}
    assert "电力重大事故隐患判定标准及治理监督管理规定" not in titles and "电力市场运行基本规则" in titles, titles


def test_a_copied_regulation_after_its_full_text_lead_takes_its_title_and_publication_from_its_note(tmp_path: Path) -> None:
    """新华社's copy of 《碳达峰碳中和综合评价考核办法》: the lead down to `《…》全文如下。` is the carrier's; the regulation's own
    title and 题注 follow. Its 题注 names the approval first and the publication second (`…审议批准 2026年4月12日…发布`):
    `自发布之日起施行` starts on that publication date (nothing was given before)."""
    ex = _crawl(tmp_path, "mee_repost_tandafeng_kaohe")
    d = ex.document
    assert (d.title, d.issuer) == ("碳达峰碳中和综合评价考核办法", "中共中央办公厅；国务院办公厅"), d
    assert (d.signed_date, d.valid_from, d.published_date) == ("2026-04-12", "2026-04-12", "2026-04-23"), d


def test_the_starting_date_of_a_repealed_text_is_no_limit_of_the_new_one(tmp_path: Path) -> None:
    """The draft 《电力需求侧管理办法》 ends `本办法自发布之日起施行，有效期 5 年。2017 年 9 月 20 日起实施的《电力需求侧管理办法》
    （修订版）即行废止`: the 2017 date describes the text it repeals, so it is neither this text's validity nor a start
    (it was a deadlines row of kind validity from 2017-09-20)."""
    ex = _crawl(tmp_path, "ndrc_dianli_xuqiuce_draft")
    assert sorted((d.kind, d.end) for d in ex.deadlines) == [("target", "2025-12-31"), ("target", "2030-12-31")], ex.deadlines
    assert (ex.document.title, ex.document.valid_from, ex.document.validity_text) == ("电力需求侧管理办法", "", "自发布之日起施行，有效期5年"), ex.document
    assert "电力需求侧管理办法" in {r.cited_title for r in ex.references}


def test_an_eligibility_date_inside_an_item_is_not_its_task_s_deadline(tmp_path: Path) -> None:
    """上海's 消费品以旧换新 plan: `…或 2018 年 4 月 30 日（含当日）前注册登记的新能源乘用车` says which cars qualify; the
    item's task has no deadline (it was due 2018-04-30, six years before the plan), while its units stay."""
    ex = _crawl(tmp_path, "pudong_shanghai_yijiuhuanxin_fangan")
    task = next(t for t in ex.tasks if t.title == "落实国家汽车报废更新补贴标准")
    assert (task.deadline_text, task.due_date) == ("", ""), task
    assert task.lead_unit == "市商务委" and "市税务局" in task.units, task.units
    assert "发改环资〔2024〕1104号" in {r.cited_doc_number for r in ex.references}


def test_units_sharing_a_duty_by_their_parts_and_history_dates_in_items(tmp_path: Path) -> None:
    """青政办函〔2024〕72号: `（省财政厅、省生态环境厅分工负责）` names two units (the second was `省生态环境厅分工`) and
    `（…、省电影局按职能分别负责）` three (none was read); a date the item tells as history or as a condition, before the
    notice was signed (`截至2023年12月31日前已处理…`, `2009年1月1日前办理使用登记`), is no task's due date."""
    ex = _crawl(tmp_path, "qinghai_qingzhengbanhan_2024_72")
    assert (ex.document.doc_number, ex.document.signed_date) == ("青政办函〔2024〕72号", "2024-08-14"), ex.document
    tasks = {t.title: t for t in ex.tasks}
    assert tasks["废弃电器电子产品回收处理"].units == "省财政厅；省生态环境厅", tasks["废弃电器电子产品回收处理"].units
    assert tasks["文旅领域设备更新改造"].units == "省住房城乡建设厅；省文化和旅游厅；省电影局", tasks["文旅领域设备更新改造"].units
    assert tasks["废弃电器电子产品回收处理"].due_date == "" and tasks["住宅老旧电梯更新改造"].due_date == "", ex.tasks
    assert tasks["家装焕新"].due_date == "2024-12-31"


def test_a_plan_s_period_on_its_own_line_under_the_title_is_part_of_the_title(tmp_path: Path) -> None:
    """新型储能规模化建设专项行动方案 over `（2025—2027 年）`: the period is the title's (it was a deadlines row of its own and
    the title lacked it); a cited title wrapped inside its 《》 is one title."""
    ex = _crawl(tmp_path, "nea_xinxing_chuneng_2025_2027")
    assert ex.document.title == "新型储能规模化建设专项行动方案（2025—2027年）", ex.document.title
    assert "加快构建新型电力系统行动方案（2024—2027年）" in {r.cited_title for r in ex.references}
    assert [(d.text, d.end) for d in ex.deadlines] == [("2027年", "2027-12-31")], ex.deadlines


def test_a_page_that_opens_with_a_prompt_to_upgrade_the_browser(tmp_path: Path) -> None:
    """渝环办〔2024〕162号 on sthjj.cq.gov.cn: the site's prompt to upgrade an old browser ("当前浏览器版本过低，…获得最佳
    浏览体验。") is the page's, not the notice's first sentence, so the header under it is read: the number from the
    field table (its 发布机构 row has two cells of four), the title, the office as issuer; the plan the notice issues
    is no citation, nor is the notice's own number; a review's time limit counts from an event."""
    ex = _crawl(tmp_path, "chongqing_yuhuanban_2024_162")
    d = ex.document
    assert (d.doc_number, d.doc_type, d.issuer, d.signed_date) == ("渝环办〔2024〕162号", "通知", "重庆市生态环境局办公室", "2024-09-14"), d
    assert d.title == "重庆市生态环境局办公室关于印发《重庆市2023年度碳排放配额分配实施方案》的通知", d.title
    cited = {(r.cited_title, r.cited_doc_number) for r in ex.references}
    assert ("重庆市碳排放配额管理细则", "渝环规〔2023〕3号") in cited, cited
    assert not {n for _, n in cited} & {"渝环办〔2024〕162号", ""}, cited
    assert ("自接到通知之日起七个工作日内", "relative") in {(x.text, x.kind) for x in ex.deadlines}, ex.deadlines


def test_items_whose_bare_bracket_names_party_departments(tmp_path: Path) -> None:
    """浦府〔2022〕171号 on pudong.gov.cn: each item closes with its units in a bare bracket; a party department among
    them (区委组织部, 区委宣传部) is a unit, not a note that something is organised (组织), so those items have their
    units too; the title is the two bold lines under the number, the issuer the district's government."""
    ex = _crawl(tmp_path, "pudong_pufu_2022_171")
    d = ex.document
    assert (d.doc_number, d.issuer, d.signed_date) == ("浦府〔2022〕171号", "浦东新区人民政府", "2022-10-27"), d
    assert d.title == "浦东新区人民政府关于印发《浦东新区碳达峰实施方案》的通知", d.title
    units = {t.title: t.units for t in ex.tasks}
    assert units["全面加强宣传教育"] == "区委宣传部；区委组织部；区教育局", units
    assert units["实施目标责任考核"].startswith("区发改委；区委组织部"), units
    assert units["大力发展可再生能源"] == "区发改委；区科经委；区建交委；区农业农村委；区机管局；临港新片区管委会", units
    assert all(units.values()), units


def test_a_rule_book_whose_duty_chapter_names_a_department_in_each_article(tmp_path: Path) -> None:
    """京商函字〔2026〕125号 on beijing.gov.cn: the 函 inside the 代字 (京商函字) is no title's type word, so the number
    stays whole; "本实施细则于2月9日生效" takes effect on 9 February of the notice's year (2026, inferred); each
    article of the 责任分工 chapter that opens with named departments and their duty is a task of them (a law's
    "第十条 公安机关履行下列职责：" stays none)."""
    ex = _crawl(tmp_path, "beijing_jingshanghan_2026_125")
    d = ex.document
    assert (d.doc_number, d.issuer, d.signed_date) == ("京商函字〔2026〕125号", "北京市商务局", "2026-02-06"), d
    assert (d.valid_from, d.validity_text) == ("2026-02-09", "于2月9日生效"), d
    assert ("validity", "2026-02-09", True) in {(x.kind, x.start, x.inferred) for x in ex.deadlines}, ex.deadlines
    units = [t.units for t in ex.tasks]
    assert units == ["市商务局", "市发展改革委；市财政局", "市公安局", "市政务和数据局", "市市民热线服务中心"], units
    assert ex.tasks[1].lead_unit == "市发展改革委", ex.tasks[1]


def test_a_duty_part_whose_paragraph_names_the_unit_it_assists(tmp_path: Path) -> None:
    """京商流通字〔2024〕8号 on beijing.gov.cn: in the 职责分工 part "市发展改革委配合市商务局统筹开展…" is a task led by 市商务局
    with 市发展改革委 assisting, beside the paragraphs that open with one unit and 负责; the period from the national
    rules' issue dated in brackets runs to its end also when a comma sets the end apart, and so does the same
    period after 于 (the documents' issue window)."""
    ex = _crawl(tmp_path, "beijing_jingshangliutong_2024_8")
    d = ex.document
    assert (d.doc_number, d.signed_date, len(d.issuer.split("；"))) == ("京商流通字〔2024〕8号", "2024-05-31", 8), d
    rows = {t.title: (t.units, t.lead_units, t.co_units) for t in ex.tasks}
    assert rows["市发展改革委"] == ("市商务局；市发展改革委", "市商务局", "市发展改革委"), rows
    assert rows["市财政局"] == ("市财政局", "", ""), rows
    assert len(rows) == 6, rows
    ranges = [(x.start, x.end) for x in ex.deadlines if x.kind == "range"]
    assert ranges.count(("2024-04-24", "2024-12-31")) == 2, ex.deadlines
    assert "target" not in {x.kind for x in ex.deadlines}, ex.deadlines


def test_a_field_block_whose_labels_lost_their_separators(tmp_path: Path) -> None:
    """商消费发〔2024〕58号 on mofcom.gov.cn: "公文名称商务部等14部门关于印发…的通知" is the 标题 field (its label glued to its
    value), not a title beginning with 公文名称; the notice's fourteen 署名 lines are its issuers."""
    ex = _crawl(tmp_path, "mofcom_shangxiaofeifa_2024_58")
    d = ex.document
    assert d.title == "商务部等14部门关于印发《推动消费品以旧换新行动方案》的通知", d.title
    assert (d.doc_number, d.signed_date, len(d.issuer.split("；"))) == ("商消费发〔2024〕58号", "2024-03-27", 14), d


def test_a_repost_under_a_login_box_and_a_share_prompt(tmp_path: Path) -> None:
    """工信厅运行函〔2025〕60号 reposted by ncsti.gov.cn: the site's login box (its greeting and sentences asking to log
    in) and the share prompt under the title are the page's, so the notice's title, number and 主送机关 are read
    and its own number is no citation."""
    ex = _crawl(tmp_path, "miit_gongxintingyunxinghan_2025_60")
    d = ex.document
    assert d.title.startswith("工业和信息化部办公厅关于开展全国工业领域电力需求侧管理典型案例"), d.title
    assert (d.doc_number, d.issuer, d.signed_date) == ("工信厅运行函〔2025〕60号", "工业和信息化部办公厅", "2025-02-20"), d
    assert d.recipients.endswith("中国电力企业联合会"), d.recipients
    assert {r.cited_doc_number for r in ex.references} == {"工信厅运行〔2019〕145号", "发改运行规〔2023〕1283号"}, ex.references


def test_a_number_printed_after_the_dates_of_a_heading_with_no_label(tmp_path: Path) -> None:
    """沪松府〔2026〕18号 in shanghai.gov.cn's 公文库: the heading runs the title, 印发日期, 发布日期 and the 文号 (no label,
    spaces inside it) into one line and the notice prints no 文号 of its own, so the number after the dates is the
    notice's; the title and the 成文日期 are read as before."""
    ex = _crawl(tmp_path, "songjiang_husongfu_2026_18")
    d = ex.document
    assert (d.doc_number, d.signed_date, d.issuer) == ("沪松府〔2026〕18号", "2026-01-30", "上海市松江区人民政府"), d
    assert d.title == "上海市松江区人民政府关于印发《上海市松江区国民经济和社会发展第十五个五年规划纲要》的通知", d.title
    assert "沪松府〔2026〕18号" not in {r.cited_doc_number for r in ex.references}, ex.references


def test_a_gazette_page_under_an_accessibility_prompt_with_articles_numbered_apart(tmp_path: Path) -> None:
    """湘发改能源规〔2025〕289号 on hunan.gov.cn: the accessibility toolbar's key help ("按回车键…打开导盲模式。") is the
    page's, so the notice's number, title and 主送机关 are read and its own number is no citation; an article
    whose number stands on a line of its own over its text ("第二条" / "湖南省行政区域内…") is one article."""
    ex = _crawl(tmp_path, "hunan_xiangfagainengyuangui_2025_289")
    d = ex.document
    assert (d.doc_number, d.doc_type, d.signed_date) == ("湘发改能源规〔2025〕289号", "通知", "2025-04-28"), d
    assert d.title == "湖南省发展和改革委员会关于印发《湖南省电动汽车充换电基础设施建设与运营管理办法》的通知", d.title
    assert d.recipients.startswith("各市州、县市区发展改革委（局）"), d.recipients
    assert "湘发改能源规〔2025〕289号" not in {r.cited_doc_number for r in ex.references}, ex.references
    articles = [s.label for s in ex.sections if s.label.endswith("条")]
    assert articles[:3] == ["第一条", "第二条", "第五条"] and "第十八条" in articles, articles
    assert (d.valid_from, d.valid_until) == ("2025-04-28", "2030-04-27"), d


def test_a_numbered_breadcrumb_over_a_title_without_its_issuer(tmp_path: Path) -> None:
    """沪发改环资〔2025〕61号 in shanghai.gov.cn's 公文库: the breadcrumb numbered from the home page ("1.首页" / "2.主动公开
    公文库") is the page's, not the first lines of a title that opens with 关于; the note of attached tables (附表：)
    lists the attachments, whose numbered lines are no sections."""
    ex = _crawl(tmp_path, "shanghai_hufagaihuanzi_2025_61")
    d = ex.document
    assert d.title == "关于印发《上海市2025年碳达峰碳中和及节能减排重点工作安排》的通知", d.title
    assert (d.doc_number, d.doc_type, d.issuer, d.signed_date) == ("沪发改环资〔2025〕61号", "通知", "上海市发展和改革委员会", "2025-04-22"), d
    assert d.attachments.split("；")[0] == "2025年全市节能减排降碳工作主要目标" and len(d.attachments.split("；")) == 3, d.attachments
    assert [s.heading for s in ex.sections] == ["全面完成“十四五”规划目标", "加速推动交通领域绿色低碳转型", "大力实施绿色低碳区域行动"], ex.sections


def test_windows_whose_days_are_counted_in_and_an_article_of_duties(tmp_path: Path) -> None:
    """沪发改规范〔2025〕5号 in shanghai.gov.cn's 公文库: a window whose days are marked as counted in ("2025年9月1日（含）至
    2026年6月30日（含）并网项目") is one range from its first day to its last, not a limit on its last day alone; the
    three issuers signing one under another are all the notice's; each paragraph of the 职责分工 article that opens with a
    unit is that unit's task; the rules' own term (自2025年6月1日起实施，有效期5年) is the notice's validity; the
    attachment under its label "附件" has headings of its own (一、目录申请…), not the articles'."""
    ex = _crawl(tmp_path, "shanghai_hufagaiguifan_2025_5")
    d = ex.document
    assert d.issuer == "上海市发展和改革委员会；上海市经济和信息化委员会；上海市财政局", d.issuer
    assert (d.valid_from, d.valid_until) == ("2025-06-01", "2030-05-31"), d
    windows = {(x.kind, x.start, x.end) for x in ex.deadlines if "（含）至" in x.text}
    assert windows == {("range", "2025-09-01", "2026-06-30"), ("range", "2026-07-01", "2027-06-30"), ("range", "2027-07-01", "2028-12-31")}, ex.deadlines
    assert not [x for x in ex.deadlines if x.text.startswith("至")], ex.deadlines
    assert [t.units for t in ex.tasks] == ["市发展改革委", "市经济信息化委", "市财政局", "电网企业"], ex.tasks
    # the attachment after "附件" starts a tree of its own: its parts are read although the rules above are articles
    parts = [(x.label, x.heading, x.parent_id) for x in ex.sections if x.level == 1]
    assert parts == [("一", "目录申请", ""), ("二", "目录评审", ""), ("三", "目录公示与发布", "")], ex.sections


def test_a_task_table_whose_time_limits_are_months_or_the_year_end(tmp_path: Path) -> None:
    """丰政办发〔2026〕4号 on bjft.gov.cn: a 完成时限 cell of months with no year ("6-9月") is those months of the
    notice's year, so its task is due on 2026-09-30; a row whose 完成时限 is 年底前 is due at the year's end although
    its measure names a milestone of its own (10月底前选取1家混凝土搅拌站)."""
    ex = _crawl(tmp_path, "fengtai_fengzhengbanfa_2026_4")
    d = ex.document
    assert (d.doc_number, d.signed_date, d.valid_from) == ("丰政办发〔2026〕4号", "2026-03-30", "2026-03-30"), d
    due = {t.detail[:8]: (t.deadline_text, t.due_date) for t in ex.tasks}
    assert due["督促加油站和储油"] == ("6-9月", "2026-09-30"), due
    assert due["推动混凝土搅拌车"] == ("年底前", "2026-12-31"), due
    assert due["推动生活和建筑垃"] == ("11月底前", "2026-11-30"), due
    months = [(x.kind, x.start, x.end, x.inferred) for x in ex.deadlines if x.text == "6-9月"]
    assert months == [("range", "2026-06-01", "2026-09-30", True)], ex.deadlines


def test_a_repealed_notice_whose_heading_carries_its_number(tmp_path: Path) -> None:
    """京管发〔2024〕9号 on csglw.beijing.gov.cn: the menu's "政策解读" is no title (it had made the notice a 解读); the
    heading "（失效）…的通知（京管发〔2024〕9号）" ends the title however wide its line, so "日期：" under it is neither
    its tail nor the 主送机关, and the font-size control "大|中|小" does not hide "各有关单位："; the 制发单位 field names
    the issuer; "申报时间：2024年11月23日18：00截止。" is a closing date."""
    ex = _crawl(tmp_path, "beijing_jingguanfa_2024_9")
    d = ex.document
    assert d.title == "北京市城市管理委员会关于印发2024年北京市电动汽车充换电设施建设运营奖励实施细则的通知", d.title
    assert (d.doc_type, d.doc_number, d.recipients, d.status) == ("通知", "京管发〔2024〕9号", "各有关单位", "失效"), d
    assert (d.issuer, d.signed_date, d.published_date) == ("北京市城市管理委员会", "2024-11-20", "2024-11-21"), d
    assert ("by", "2024-11-23") in {(x.kind, x.end) for x in ex.deadlines}, ex.deadlines
    assert not [s for s in ex.sections if "制发单位" in s.heading], ex.sections


def test_a_chapter_number_on_a_line_of_its_own_over_its_title(tmp_path: Path) -> None:
    """A regulation whose PDF text came with its line breaks as spaces (电力负荷管理办法, a page of its text run into one
    line: "…需求响应。 第三章 有序用电 第十三条 本办法所称…"): the chapter's number cut from its title by the restored
    breaks ("第三章" / "有序用电") is one chapter heading, so the articles after it are its own, not 第二章's."""
    text = (
        "电力负荷管理办法（2023 年版）\n\n第一章 总则\n\n第一条 为加强电力需求侧管理，确保电网安全稳定运行，制定本办法。\n\n"
        "第二章 需求响应\n\n"
        "核、响应邀约、过程监测、效果评估、信息披露等工作。 第十条 建立并完善与电力市场衔接的需求响应价格机制。根 据“谁提供、"
        "谁获利，谁受益、谁承担”的原则，支持具备条件的 地区，通过实施尖峰电价、拉大现货市场限价区间等手段提高经济 激励水平。 "
        "第十一条 电力运行主管部门应推动需求响应与电力市场有序 衔接、高效协同，逐步以更多市场化方式实现需求响应。 第三章 有序用电 "
        "第十三条 本办法所称有序用电，是指在可预知电力供应不足 等情况下，依靠提升发电出力、市场组织、需求响应、应急调度等 "
        "各类措施后，仍无法满足电力电量供需平衡时，通过行政措施和技 术方法，依法依规控制部分用电负荷，维护供用电秩序平稳的管理\n\n"
        "第四十四条 本办法自 2023 年 10 月 1 日起施行，有效期 5 年。\n"
    )
    ex = process_text(tmp_path, text, name="dianli_fuhe", suffix=".md")
    parts = {s.label: s for s in ex.sections}
    assert parts["第三章"].heading == "有序用电", ex.sections
    assert parts["第十三条"].parent_id == parts["第三章"].section_id, ex.sections
    assert (ex.document.valid_from, ex.document.valid_until) == ("2023-10-01", "2028-09-30"), ex.document


def test_a_breadcrumb_set_with_ideographic_spaces_is_no_title(tmp_path: Path) -> None:
    """beijing.gov.cn's page of 海政发〔2024〕8号: the breadcrumb "[政务公开]　>　[政策公开]　>　[政策文件]" (no 首页, the
    separators set in ideographic spaces) was the title; the notice prints no title of its own, so none is read,
    and its 文号, 主送机关 and 成文日期 come from the notice as before."""
    text = (
        "回到顶部\n\n[政务公开](https://www.beijing.gov.cn/gongkai/index.html)　>　[政策公开](https://www.beijing.gov.cn/zhengce/ \"政策公开\")"
        "　>　[政策文件](https://www.beijing.gov.cn/zhengce/zhengcefagui/ \"政策文件\")\n\n"
        "05. \\[成文日期\\] 2024-05-28\n06. \\[发文字号\\] 海政发〔2024〕8号\n\n海政发〔2024〕8号\n\n各相关单位：\n\n"
        "现将《北京市海淀区碳达峰实施方案》印发给你们，请认真贯彻执行。\n\n特此通知。\n\n北京市海淀区人民政府\n\n2024年5月28日\n"
    )
    d = process_text(tmp_path, text, name="haidian", suffix=".md").document
    assert (d.title, d.doc_number, d.recipients, d.signed_date) == ("", "海政发〔2024〕8号", "各相关单位", "2024-05-28"), d
