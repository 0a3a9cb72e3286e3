"""HTML reader: a page built here (site chrome, gov.cn-style metadata table, rowspan/colspan task table) and
the real government pages in ../shared/corpus/wild."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import read_document
from pipeline.model import IngestError, Line, SourceDocument, Table
from pipeline.process import process_path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
WILD = SHARED / "corpus" / "wild"

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>某某市人民政府门户网站</title>
<meta name="ArticleTitle" content="（转载）某某市人民政府办公室关于印发数据共享工作方案的通知">
<script>var nav = "不应出现的脚本文字";</script><style>.x{color:red}</style></head>
<body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zw">政务公开</a></li>
<li><a href="/fw">政务服务</a></li><li><a href="/map">网站地图</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a>政策文件</a></div>
<table class="meta">
 <tr><td><b>索 引 号：</b></td><td>11440100000000/2024-00012</td><td><b>主题分类：</b></td><td>综合政务</td></tr>
 <tr><td><b>发文机关：</b></td><td>某某市人民政府办公室</td><td><b>成文日期：</b></td><td>2024-03-01</td></tr>
 <tr><td><b>标　　题：</b></td><td colspan="3">某某市人民政府办公室关于印发数据共享工作方案的通知</td></tr>
 <tr><td><b>发文字号：</b></td><td>某府办函〔2024〕12号</td><td><b>发布日期：</b></td><td>2024年03月05日</td></tr>
</table>
<div class="article">
 <div id="zoom">
  <p style="text-align:center">某府办函〔2024〕12号</p>
  <p style="text-align:center">某某市人民政府办公室关于印发数据共享工作方案的通知</p>
  <p>各区人民政府，市政府各部门、各直属机构：</p>
  <p>　　《某某市数据共享工作方案》已经市人民政府同意，现印发给你们，请认真贯彻执行。执行中遇到的问题，请径向市政务数据局反映。</p>
  <p>某某市人民政府办公室<br>2024年3月1日</p>
  <p>　　一、总体要求。坚持统筹规划、分级负责，推动政务数据按需共享，提升数据共享的质量和效率，为群众和企业办事提供便利。</p>
  <p>　　二、主要任务。各部门要按照职责分工，抓紧编制数据资源目录，建设共享交换平台，于2024年12月底前完成首批数据接入。</p>
  <div style="display:none">隐藏的打印版重复正文</div>
  <p>附件：任务分工表</p>
  <table border="1">
   <tr><td colspan="4">附件<br>数据共享工作任务分工表</td></tr>
   <tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>配合单位</th></tr>
   <tr><td rowspan="2">1</td><td rowspan="2">编制数据资源目录</td><td>市政务数据局</td><td><p>市财政局</p><p>市民政局</p></td></tr>
   <tr><td>各区人民政府</td><td>市发展改革委</td></tr>
   <tr><td>2</td><td colspan="2">建设共享交换平台（市政务数据局）</td><td>市公安局</td></tr>
  </table>
 </div>
 <div class="share">【打印】【关闭】</div>
</div>
<div class="footer"><a>网站地图</a> <a>联系我们</a> 版权所有：某某市人民政府 ICP备案号：粤ICP备00000000号</div>
</body></html>
"""


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8", charset: str | None = None) -> Path:
    path = tmp_path / name
    path.write_bytes(text.replace("{charset}", charset or encoding).encode(encoding))
    return path


@pytest.fixture()
def page(tmp_path: Path) -> SourceDocument:
    return read_document(_write(tmp_path, "notice.html", PAGE))


def _lines(doc: SourceDocument) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Line)]


def _tables(doc: SourceDocument) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def test_metadata_block_is_captured(page: SourceDocument) -> None:
    m = page.metadata
    assert m["索引号"] == "11440100000000/2024-00012"
    assert m["主题分类"] == "综合政务"
    assert m["发文机关"] == "某某市人民政府办公室"
    assert m["发文字号"] == "某府办函〔2024〕12号"
    assert m["成文日期"] == "2024年3月1日", "ISO 日期应改写为公文写法"
    assert m["发布日期"] == "2024年03月05日"
    assert m["标题"] == "某某市人民政府办公室关于印发数据共享工作方案的通知", "页面表格里的标题优先于 <meta>"


def test_navigation_scripts_footer_and_hidden_text_are_dropped(page: SourceDocument) -> None:
    text = "\n".join(_lines(page))
    for chrome in ("首页", "网站地图", "当前位置", "版权所有", "ICP备案号", "不应出现的脚本文字", "隐藏的打印版", "【打印】"):
        assert chrome not in text, f"页面框架文字 {chrome} 不应进入正文"
    assert "索 引 号" not in text and "11440100000000" not in text, "元数据表不应进入正文"


def test_paragraphs_are_whole_lines_and_br_splits(page: SourceDocument) -> None:
    lines = _lines(page)
    assert lines[0] == "某府办函〔2024〕12号"
    assert lines[1] == "某某市人民政府办公室关于印发数据共享工作方案的通知"
    assert "centered" in page.blocks[1].cues
    assert lines[3].startswith("《某某市数据共享工作方案》") and lines[3].endswith("请径向市政务数据局反映。")
    i = lines.index("某某市人民政府办公室")
    assert lines[i + 1] == "2024年3月1日", "<br> 应分行"
    assert all(isinstance(b, Line) and b.full is False for b in page.blocks if isinstance(b, Line))


def test_task_table_keeps_spans_and_reading_order(page: SourceDocument) -> None:
    tables = _tables(page)
    assert len(tables) == 1, "元数据表不应作为正文表格输出"
    t = tables[0]
    assert t.spans_known
    assert t.rows[0] == ("序号", "工作任务", "牵头单位", "配合单位")
    assert t.rows[1] == ("1", "编制数据资源目录", "市政务数据局", "市财政局；市民政局")
    assert t.rows[2] == ("1", "编制数据资源目录", "各区人民政府", "市发展改革委")
    assert t.rows[3] == ("2", "建设共享交换平台（市政务数据局）", "建设共享交换平台（市政务数据局）", "市公安局")
    assert {(2, 0), (2, 1), (3, 2)} <= t.filled and (1, 0) not in t.filled
    # the caption row spanning the table becomes lines just before it
    k = page.blocks.index(t)
    assert [b.text for b in page.blocks[k - 2 : k]] == ["附件", "数据共享工作任务分工表"]


def test_end_to_end_row(tmp_path: Path) -> None:
    out = process_path(_write(tmp_path, "notice.html", PAGE))
    row = out.document
    assert not out.errors, out.errors
    assert row.format == "html"
    assert row.doc_number == "某府办函〔2024〕12号"
    assert row.title == "某某市人民政府办公室关于印发数据共享工作方案的通知"
    assert row.signed_date == "2024-03-01"
    assert row.published_date == "2024-03-05"
    leads = {t.lead_unit for t in out.tasks}
    assert "市政务数据局" in leads, f"任务表的牵头单位应进入任务：{leads}"


@pytest.mark.parametrize("suffix", [".shtml", ".shtm", ".xhtml"])
def test_a_page_saved_under_its_server_name_reads_as_html(tmp_path: Path, suffix: str) -> None:
    """Government sites serve pages as .shtml; a page saved so is a web page, not a skipped file."""
    out = process_path(_write(tmp_path, f"notice{suffix}", PAGE))
    assert not out.errors, out.errors
    assert (out.document.format, out.document.doc_number) == ("html", "某府办函〔2024〕12号")


def test_declared_gbk_charset_is_honoured(tmp_path: Path) -> None:
    page = PAGE
    doc = read_document(_write(tmp_path, "gbk.html", page, encoding="gb18030", charset="gb2312"))
    assert doc.metadata["发文字号"] == "某府办函〔2024〕12号"
    assert "各区人民政府，市政府各部门、各直属机构：" in _lines(doc)


def test_wrong_declared_charset_falls_back_to_detection(tmp_path: Path) -> None:
    page = PAGE
    doc = read_document(_write(tmp_path, "liar.html", page, encoding="utf-8", charset="gbk"))
    assert doc.metadata["发文机关"] == "某某市人民政府办公室"


def test_undeclared_gb18030_is_detected(tmp_path: Path) -> None:
    page = PAGE.replace('<meta charset="{charset}">', "")
    path = tmp_path / "nocharset.html"
    path.write_bytes(page.replace('<meta charset="gb18030">', "").encode("gb18030"))
    assert read_document(path).metadata["发文字号"] == "某府办函〔2024〕12号"


@pytest.mark.parametrize(
    "body",
    [
        "",
        "<html><head><title>x</title><script>document.write('正文由脚本生成')</script></head><body></body></html>",
        "<html><body><ul><li><a>首页</a></li><li><a>网站地图</a></li></ul></body></html>",
    ],
    ids=["empty", "script-only", "navigation-only"],
)
def test_page_without_content_is_an_error_row(tmp_path: Path, body: str) -> None:
    path = tmp_path / "blank.html"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(IngestError):
        read_document(path)
    out = process_path(path)
    assert out.errors and out.errors[0].stage == "ingest"
    assert "blank.html" in out.errors[0].error and ("empty" in out.errors[0].error or "no notice text" in out.errors[0].error)


def test_a_redirect_stub_names_the_page_to_save(tmp_path: Path) -> None:
    # a saved stub that only forwards the browser: the error says where the notice is
    path = tmp_path / "stub.html"
    path.write_text('<html><head><meta content="0; URL=\'https://www.example.gov.cn/art/2024/3/1/art_1.html\'" http-equiv="Refresh"></head><body></body></html>', encoding="utf-8")
    out = process_path(path)
    assert out.errors and "redirects to https://www.example.gov.cn/art/2024/3/1/art_1.html" in out.errors[0].error, out.errors


# --------------------------------------------------------------------------- real pages

needs_wild = pytest.mark.skipif(not WILD.is_dir(), reason=f"{WILD} is absent (../shared is not checked out beside the repo)")

# values read off the pages themselves (the gov.cn metadata table / the notice's 版头 and 版记)
WILD_PAGES = {
    "zyn_platform/guobanhan_2018_71_gov_website_consolidation_pilot_plan.html": dict(
        meta={"索引号": "000014349/2018-00204", "发文字号": "国办函〔2018〕71号", "成文日期": "2018年10月27日", "发文机关": "国务院办公厅"},
        number="国办函〔2018〕71号", title="国务院办公厅关于印发《政府网站集约化试点工作方案》的通知", signed="2018-10-27", issuer="国务院办公厅",
    ),
    "zyn_platform/guobanfa_2018_118_admin_enforcement_three_systems.html": dict(
        meta={"发文字号": "国办发〔2018〕118号", "成文日期": "2018年12月05日", "主题分类": "综合政务\\\\政务公开"},
        number="国办发〔2018〕118号", title="国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见",
        signed="2018-12-05", issuer="国务院办公厅",
    ),
    "zyn_platform/guofa_2019_4_vocational_education_reform_plan.html": dict(
        meta={"发文字号": "国发〔2019〕4号", "发文机关": "国务院", "发布日期": "2019年02月13日"},
        number="国发〔2019〕4号", title="国务院关于印发国家职业教育改革实施方案的通知", signed="2019-01-24", issuer="国务院",
    ),
    "zhengcetong/gz_weijianwei_suiweihan_2023_1930_family_doctor_plan.html": dict(
        meta={"索引号": "11440100MB2C90856P/2023-00331", "发文字号": "穗卫函〔2023〕1930号", "成文日期": "2023年10月19日"},
        number="穗卫函〔2023〕1930号", title="广州市卫生健康委等4部门关于印发推进广州市家庭医生签约服务高质量发展实施方案的通知", signed="2023-10-19", issuer="广州市卫生健康委员会；广州市财政局；广州市人力资源和社会保障局；广州市医疗保障局",
    ),
    "zhengcetong/gz_suifubangui_2024_13_public_rental_housing_repost.html": dict(
        meta={"标题": "广州市人民政府办公厅关于印发广州市公共租赁住房管理办法的通知", "成文日期": "2024年7月26日"},
        number="穗府办规〔2024〕13号", title="广州市人民政府办公厅关于印发广州市公共租赁住房管理办法的通知", signed="2024-07-26", issuer="广州市人民政府办公厅",
    ),
    "zhengcetong/gz_zhujianju_suijianguizi_2024_5_housing_security.html": dict(
        meta={"发文字号": "穗建规字〔2024〕5号", "发文机关": "广州市住房和城乡建设局", "实施日期": "2024年03月04日", "失效日期": "2029年03月03日"},
        number="穗建规字〔2024〕5号", title="广州市住房和城乡建设局关于进一步加强户籍家庭住房保障工作的通知", signed="2024-03-04", issuer="广州市住房和城乡建设局",
    ),
    "zhengcetong/gz_suifubangui_2021_7_destitute_support.html": dict(
        meta={"发文字号": "穗府办规〔2021〕7号", "发文机关": "广州市人民政府办公厅", "标题": "广州市人民政府办公厅关于进一步加强特困人员救助供养工作的通知"},
        number="穗府办规〔2021〕7号", title="广州市人民政府办公厅关于进一步加强特困人员救助供养工作的通知", signed="2021-04-13", issuer="广州市人民政府办公厅",
    ),
    "zhengcetong/gz_suifubangui_2021_19_temporary_assistance.html": dict(
        meta={"发文字号": "穗府办规〔2021〕19号", "实施日期": "2021年12月06日"},
        number="穗府办规〔2021〕19号", title="广州市人民政府办公厅关于印发广州市临时救助实施细则的通知", signed="2021-12-01", issuer="广州市人民政府办公厅",
    ),
}

_CHROME = ("首页", "网站地图", "版权所有", "ICP备", "当前位置", "扫一扫在手机打开当前页", "政策解读", "网站标识码", "返回顶部")


@needs_wild
@pytest.mark.shared
@pytest.mark.parametrize("rel", sorted(WILD_PAGES), ids=lambda r: Path(r).stem[:40])
def test_wild_page_reads_cleanly(rel: str) -> None:
    want = WILD_PAGES[rel]
    doc = read_document(WILD / rel)
    for key, value in want["meta"].items():
        assert doc.metadata.get(key) == value, f"{rel}: 元数据 {key} 应为 {value}，实为 {doc.metadata.get(key)!r}"
    text = "\n".join(_lines(doc))
    for chrome in _CHROME:
        assert chrome not in text, f"{rel}: 导航/页脚文字 {chrome} 进入了正文"
    assert len(text) > 1500, f"{rel}: 正文过短（{len(text)} 字）"
    assert not any(len(t.rows) and "索引号" in "".join(t.rows[0]).replace(" ", "") for t in _tables(doc)), "元数据表被当作正文表格"


@needs_wild
@pytest.mark.shared
@pytest.mark.parametrize("rel", sorted(WILD_PAGES), ids=lambda r: Path(r).stem[:40])
def test_wild_page_documents_row(rel: str) -> None:
    want = WILD_PAGES[rel]
    out = process_path(WILD / rel)
    row = out.document
    assert not out.errors, out.errors
    assert row.doc_number == want["number"]
    assert row.title == want["title"]
    assert row.signed_date == want["signed"]
    if want["issuer"]:
        assert row.issuer == want["issuer"]


@needs_wild
@pytest.mark.shared
def test_wild_task_division_table() -> None:
    """附件2 任务分工表 of 穗卫函〔2023〕1930号: 7 columns, 序号 merged over the rows of one 工作事项."""
    doc = read_document(WILD / "zhengcetong/gz_weijianwei_suiweihan_2023_1930_family_doctor_plan.html")
    tables = _tables(doc)
    assert len(tables) == 2, "附件1 指标体系和附件2 任务分工表"
    t = tables[1]
    assert t.rows[0] == ("序号", "工作事项", "主要内容", "牵头单位", "配合单位", "市卫健委内牵头处室", "市卫健委内配合处室")
    assert t.rows[1][0] == "1" and t.rows[1][1] == "有序扩大家庭医生来源。" and t.rows[1][3] == "各区政府"
    # the page's first 序号/工作事项 cells carry rowspan="3"
    assert t.rows[2][:2] == t.rows[1][:2] and t.rows[3][:2] == t.rows[1][:2]
    assert {(2, 0), (3, 0), (2, 1), (3, 1)} <= t.filled
    k = doc.blocks.index(t)
    assert [b.text for b in doc.blocks[k - 2 : k] if isinstance(b, Line)] == ["附件2", "关于推进广州市家庭医生签约服务高质量发展工作的任务分工表"]
    out = process_path(WILD / "zhengcetong/gz_weijianwei_suiweihan_2023_1930_family_doctor_plan.html")
    assert any(t.lead_unit == "各区政府" for t in out.tasks), "任务分工表的牵头单位应进入 tasks"


def test_html_rules_examples() -> None:
    from pipeline import rules
    from pipeline.ingest.html_meta import label_key

    r = rules.html_rules()
    for rule in (r.chrome, r.repost_prefix, r.part_label, r.glued_page_number, r.site_note):
        for text in rule.must_match:
            assert rule.pattern.search(text), f"rules/html.yaml {rule.id} 应匹配 {text}"
        for text in rule.must_not_match:
            assert not rule.pattern.search(text), f"rules/html.yaml {rule.id} 不应匹配 {text}"
    assert label_key("索 引 号：") == "索引号"
    assert label_key("文　号:") == "发文字号"
    assert label_key("发布机构：") == "发文机关"
    assert label_key("文号：穗府办规〔2021〕7号") == ""


METADATA_ONLY = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><script src="jquery.min.js"></script></head>
<body><div class="main"><div class="JD_detail"><div class="JD_key02">
<table class="JD_table_key02">
 <tbody id="theader">
  <tr><td>报送单位：</td><td>市财政局</td><td>主题分类：</td><td><span id="span_publisher"></span></td></tr>
  <tr><td>发文字号：</td><td>某财采〔2019〕1号</td><td>成文日期：</td><td>2019-01-04</td></tr>
  <tr><td>标　　题：</td><td colspan="3"><span id="span_docTitle">
    某某市财政局关于做好政府采购定向支持中小企业有关工作的通知
  </span></td></tr>
 </tbody>
</table></div>
<div id="mainContent"></div>
</div></div></body></html>
"""


def test_a_page_holding_only_its_metadata_block_says_so(tmp_path: Path) -> None:
    # the site fills the notice in by JavaScript; a saved copy holds the block around an empty container
    path = tmp_path / "meta_only.html"
    path.write_text(METADATA_ONLY, encoding="utf-8")
    with pytest.raises(IngestError) as err:
        read_document(path)
    message = str(err.value)
    assert "only its metadata block" in message and "某财采〔2019〕1号" in message and "JavaScript" in message, message


ROLLOUT_LIST = """<html><head><meta charset="utf-8"></head><body>
<p>国务院办公厅关于推广第二批支持创新相关改革举措的通知</p>
<p>国办发〔2018〕126号</p>
<p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>
<p>现将有关事项通知如下。</p>
<p>附件：第二批支持创新相关改革举措推广清单</p>
<p>第二批支持创新相关改革举措推广清单</p>
<table>
<tr><td>序号</td><td>改革举措</td><td>主要内容</td><td>指导部门</td><td>推广范围</td></tr>
<tr><td colspan="5">一、知识产权保护方面（共2项）</td></tr>
<tr><td>1</td><td>知识产权民事、刑事、行政案件“三合一”审判</td><td>整合分散的审判资源。</td><td>最高人民法院、国家知识产权局</td><td>全国</td></tr>
<tr><td>2</td><td>以降低侵权损失为核心的专利保险机制</td><td>开发专利保险产品。</td><td>国家知识产权局、中国银保监会</td><td>全国</td></tr>
</table>
</body></html>"""


def test_a_rollout_list_names_its_guiding_departments_and_its_group_rows_are_no_tasks(tmp_path: Path) -> None:
    """国办发〔2018〕126号's 推广清单 (gov.cn): 改革举措 are the tasks, 指导部门 their units; a row of one cell
    spanning the table heads a group and is no task."""
    out = process_path(_write(tmp_path, "rollout.html", ROLLOUT_LIST))
    assert [(t.title, t.units, t.lead_unit) for t in out.tasks] == [
        ("知识产权民事、刑事、行政案件“三合一”审判", "最高人民法院；国家知识产权局", "最高人民法院"),
        ("以降低侵权损失为核心的专利保险机制", "国家知识产权局；中国银保监会", "国家知识产权局"),
    ], out.tasks


# an old county site's page (甘肃 宁县 2008, written here): layout tables position the page; the title stands in
# its own cell above the cell holding the text, in GB18030 as the page declares
OLD_LAYOUT_PAGE = """<html><head><meta charset="gb2312"><title>宁县人民政府办公室关于做好2008年防汛工作的通知_宁县人民政府</title></head>
<body><table width="778"><tr><td><img src="top.jpg"></td></tr><tr><td class="nav">首页 | 政务公开 | 政策法规</td></tr>
<tr><td><table width="100%">
<tr><td align="center"><b>宁县人民政府办公室关于做好2008年防汛工作的通知</b></td></tr>
<tr><td align="center">发布时间：2008-05-20　　来源：县政府办　　点击数：235</td></tr>
<tr><td class="content"><p align="center">宁县政办发〔2008〕35号</p><p>各乡镇人民政府，县直各有关单位：</p>
<p>　　为切实做好今年防汛工作，确保人民群众生命财产安全，经县政府同意，现将有关事项通知如下：</p>
<p>　　一、加强组织领导。各乡镇要成立防汛工作领导小组，于5月31日前将领导小组名单报县防汛办。</p>
<p>　　二、做好应急准备。各乡镇、各有关部门要制定防汛应急预案，6月10日前报县防汛办备案。</p>
<p align="right">宁县人民政府办公室</p><p align="right">二○○八年五月十九日</p></td></tr>
</table></td></tr><tr><td class="footer">版权所有：宁县人民政府　备案号：甘ICP备05000001号</td></tr></table></body></html>"""


def test_a_title_in_a_layout_cell_above_the_text_is_kept(tmp_path: Path) -> None:
    """trafilatura's main text leaves the title out; the container is not narrowed past the cell that holds
    it, the title the page's <title> names."""
    path = tmp_path / "ningxian.html"
    path.write_bytes(OLD_LAYOUT_PAGE.encode("gb18030"))
    d = process_path(path).document
    assert (d.title, d.doc_number, d.recipients, d.signed_date, d.region_county) == (
        "宁县人民政府办公室关于做好2008年防汛工作的通知", "宁县政办发〔2008〕35号", "各乡镇人民政府；县直各有关单位", "2008-05-19", "宁县"
    ), d


# a city site's article page (濮阳 2023, written here): the title in an <h1> above the text's <div>, the page's
# <title> only the site's name
H1_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>濮阳市人民政府门户网站</title></head><body>
<div class="header"><div class="logo">濮阳市人民政府</div><ul class="nav"><li>首页</li><li>政务公开</li></ul></div>
<div class="main"><div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 政府文件</div><div class="article">
<h1 class="art-title">濮阳市人民政府办公室关于印发濮阳市2023年大气污染防治攻坚实施方案的通知</h1>
<div class="art-info"><span>发布时间：2023-03-15</span><span>来源：市政府办公室</span><span>浏览次数：1024</span></div>
<div class="art-content" id="zoom"><p style="text-align:center">濮政办〔2023〕12号</p>
<p>各县（区）人民政府，市人民政府各部门：</p><p>《濮阳市2023年大气污染防治攻坚实施方案》已经市政府同意，现印发给你们，请认真贯彻落实。</p>
<p style="text-align:right">濮阳市人民政府办公室</p><p style="text-align:right">2023年3月10日</p>
<p>一、工作目标</p><p>2023年，全市PM2.5平均浓度控制在48微克/立方米以下，优良天数比例达到65%以上。</p>
<p>二、重点任务</p><p>（一）推进工业企业深度治理。2023年6月底前完成10家钢铁企业超低排放改造。（责任单位：市生态环境局）</p>
</div></div></div><div class="footer">主办：濮阳市人民政府办公室 网站标识码：4109000001</div></body></html>"""


def test_a_title_in_an_h1_above_the_texts_div_is_kept(tmp_path: Path) -> None:
    """The page's <title> names only the site: the heading that reads as a notice's title is the one kept."""
    path = tmp_path / "puyang.html"
    path.write_text(H1_PAGE, encoding="utf-8")
    d = process_path(path).document
    assert (d.title, d.doc_number, d.recipients) == (
        "濮阳市人民政府办公室关于印发濮阳市2023年大气污染防治攻坚实施方案的通知", "濮政办〔2023〕12号", "各县（区）人民政府；市人民政府各部门"
    ), d


def test_a_cells_wrapped_words_run_on_and_its_listed_units_stay_apart(tmp_path: Path) -> None:
    """An HTML task table's narrow cells: "空气质量<br>目标" is one task name (no "；" inside it), while
    "区生态环境局<br>各街镇" lists two units."""
    from pipeline.ingest.tables import join_cell_paragraphs

    assert join_cell_paragraphs(["空气质量", "目标"]) == "空气质量目标"
    assert join_cell_paragraphs(["推动机动", "车结构优", "化升级"]) == "推动机动车结构优化升级"
    assert join_cell_paragraphs(["区生态环境局", "各街镇"]) == "区生态环境局；各街镇"
    assert join_cell_paragraphs(["市规划自然资源委", "丰台分局"]) == "市规划自然资源委丰台分局"
    assert join_cell_paragraphs(["区机关事务管理", "服务中心"]) == "区机关事务管理服务中心"
    assert join_cell_paragraphs(["区城市管理委", "区住房城乡建设委", "等部门"]) == "区城市管理委；区住房城乡建设委等部门"
    assert join_cell_paragraphs(["市卫生健康委", "市财政局"]) == "市卫生健康委；市财政局"
