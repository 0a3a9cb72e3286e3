"""Page texts crawled from government sites and mirrors (../shared/corpus/wild/ptc/crossref_sample_with_bodies.xlsx,
column Body) read as plain-text notices. Expected values were found by reading each body: site chrome
('字号：大 中 小', 打印本页, 相关链接：…) around the notice must not become its title or 主送机关, and a value the
crawl dropped (a title cut off the page) stays empty."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pipeline import rules
from pipeline.ingest.text import blocks_from_text
from pipeline.model import Extraction, SourceDocument
from pipeline.process import process_source

XLSX = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wild" / "ptc" / "crossref_sample_with_bodies.xlsx"

pytestmark = pytest.mark.shared

# row (0-based, after the header) -> (文号, 标题, 发文机关, 成文日期) as the body states them
EXPECTED = {
    0: ("密政发〔2016〕20号", "北京市密云区人民政府关于印发京沈铁路客运专线密云段施工震损、噪声污染补偿暂行规定的通知", "北京市密云区人民政府", "2016-04-20"),
    3: ("京财科文〔2014〕1218号", "北京市财政局关于印发《北京市公益性科研院所行业定额实施指导意见》的函", "北京市财政局", "2014-07-03"),
    4: ("浙政发〔2004〕4号", "浙江省人民政府 浙江省军区关于表彰2002年冬季退役士兵安置工作先进单位和先进个人的通报", "浙江省人民政府；浙江省军区", "2004-02-02"),
    6: ("", "", "", "2017-11-24"),
    7: ("商务部令2018年第2号", "反倾销和反补贴调查听证会规则", "商务部", "2018-04-04"),  # 令 over its number on two lines
    11: ("粤办函〔2017〕176号", "广东省人民政府办公厅关于印发广东省推进涉烟打假打私工作方案的通知", "广东省人民政府办公厅", "2017-03-21"),  # 署名 省府办公厅
    10: ("沪科〔2014〕12号", "关于《上海市大学生科技创业基金管理办法（试行）》等5件规范性文件失效的通知", "上海市科学技术委员会", "2014-01-16"),
    16: ("自然资矿保函〔2020〕5号", "自然资源部矿产资源保护监督司关于延长2020年矿业权人勘查开采公示信息填报期限等事项的函", "自然资源部矿产资源保护监督司", "2020-02-19"),
    17: ("", "", "安徽省人民政府", "2015-01-16"),
    24: ("浙政发〔2016〕49号", "浙江省人民政府关于印发浙江省盐业体制改革实施方案的通知", "浙江省人民政府", "2016-12-28"),
    26: ("辽政发〔1998〕34号", "批转省经贸委、纺织总会关于纺织行业深化改革调整结构扭亏解困若干意见的通知", "", "1998-08-11"),
    30: ("沪财法〔2007〕9号", "", "上海市财政局；上海市国家税务局；上海市地方税务局", "2007-02-06"),
    31: ("", "", "", ""),
    40: ("甘政办发〔2020〕25号", "", "甘肃省人民政府办公厅", "2020-03-11"),
    41: ("辽政发〔2017〕46号", "辽宁省人民政府关于新形势下加强打击侵犯知识产权和制售假冒伪劣商品工作的实施意见", "辽宁省人民政府", "2017-09-27"),
    # the page wraps the title in 《》 and so prints its inner marks as 〈〉: the title itself has 《》
    44: ("发改经体〔2016〕2120号", "国家发展改革委国家能源局关于印发《售电公司准入与退出管理办法》和《有序放开配电网业务管理办法》的通知", "国家发展改革委；国家能源局", "2016-10-08"),
    45: ("教社科司函〔2006〕68号", "关于教育部哲学社会科学研究重大课题攻关项目最终成果鉴定出版有关事项的通知", "教育部社会科学司", "2006-06-08"),
}


@pytest.fixture(scope="module")
def crawled() -> dict[int, Extraction]:
    if not XLSX.is_file():
        pytest.skip(f"{XLSX} is absent (the ../shared corpus is not mounted next to this repo)")
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(XLSX, read_only=True)
    rows = list(wb.active.iter_rows(values_only=True))
    col = list(rows[0]).index("Body")
    out = {}
    for i, row in enumerate(rows[1:]):
        body = str(row[col] or "")
        src = SourceDocument(doc_id=f"row{i:02d}", source=f"row{i}", format="text", sha256=hashlib.sha256(body.encode()).hexdigest(), blocks=tuple(blocks_from_text(body)))
        out[i] = process_source(src)
    return out


@pytest.mark.parametrize("row", sorted(EXPECTED), ids=[f"row{r:02d}" for r in sorted(EXPECTED)])
def test_header_fields(crawled: dict[int, Extraction], row: int) -> None:
    d = crawled[row].document
    got = (d.doc_number, d.title, d.issuer, d.signed_date)
    assert got == EXPECTED[row], f"第{row}行: 得到 {got}, 应为 {EXPECTED[row]}"


def test_no_chrome_as_title_or_recipient(crawled: dict[int, Extraction]) -> None:
    chrome = rules.html_rules().chrome.pattern
    bad = []
    for i, x in crawled.items():
        for field, value in (("title", x.document.title), *(("recipient", r) for r in x.document.recipients.split("；") if r)):
            if value and (chrome.fullmatch(value) or any(w in value for w in ("字号", "打印", "关闭窗口", "分享到", "相关链接", "扫一扫", "浏览次数"))):
                bad.append((i, field, value))
    assert not bad, f"网页框架文字被当作标题或主送机关: {bad}"


def test_sentences_are_not_recipients(crawled: dict[int, Extraction]) -> None:
    # "根据…安排如下：" (row 15) and "为进一步规范…" (row 27) open the body; they name no addressee
    for row in (15, 27, 36):
        assert crawled[row].document.recipients == "", f"第{row}行: 主送机关 {crawled[row].document.recipients!r}"


def test_order_date_above_its_rules(crawled: dict[int, Extraction]) -> None:
    # a 令 (row 32) prints its 成文日期 under the 文号, above the title of the rules it promulgates
    d = crawled[32].document
    assert (d.doc_number, d.title, d.signed_date) == ("湖北省人民政府令第282号", "湖北省推广使用车用乙醇汽油试点办法", "2005-11-21"), d
