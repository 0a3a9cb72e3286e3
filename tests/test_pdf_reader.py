"""The PDF reader on PDFs the tests draw themselves (tests/pdfgen.py), in GB/T 9704-2012 layout."""

from __future__ import annotations

import json
from pathlib import Path

import pdfplumber
import pytest
import regex

import pdfgen
from pdfgen import Banji, Furniture, NewPage, P, T
from pipeline.evaluate import DOC_FIELDS, evaluate
from pipeline.ingest import read_document
from pipeline.ingest.pdf import needs_ocr, read_pdf
from pipeline.ingest.pdfpage import pdfium_page
from pipeline.layout import normalise
from pipeline.model import IngestError, Line, SourceDocument, Table
from pipeline.process import process_path
from pipeline.run import run_batch
from pipeline.structure import analyse

pytestmark = pytest.mark.slow

TITLE = "江北市人民政府办公室关于做好二〇二四年城乡社区服务体系建设工作的通知"
BODY = [
    "为贯彻落实《城乡社区服务体系建设规划》，进一步提升社区服务能力，经市政府同意，现就做好到2025年的城乡社区服务体系建设工作通知如下。",
    "一、总体目标",
    "（一）工作目标。到2025年，城乡社区综合服务设施实现全覆盖，社区服务项目不少于30项，群众满意度达到90%以上；"
    "各区县要结合实际制定年度工作计划，明确责任分工，细化工作措施，确保各项任务落到实处。"
    "市民政局要会同有关部门加强统筹协调，定期调度工作进展，及时研究解决推进中遇到的困难和问题。",
    "（二）阶段安排。2024年6月底前完成摸底调查，2024年12月底前完成设施改造，每季度报送一次工作进展情况。"
    "各区县政府要把社区服务体系建设纳入经济社会发展规划，加大财政投入力度，落实社区工作者待遇保障政策，"
    "健全社区服务人才培养机制，推动社区服务专业化、标准化、信息化发展，切实增强群众获得感。",
    "二、重点任务",
    "（一）完善服务设施。统筹利用各类闲置资源，采取新建、改建、购置、置换等方式补齐设施短板。"
    "新建住宅小区要按照标准同步配建社区综合服务设施，与住宅同步规划、同步建设、同步验收、同步交付使用。"
    "老旧小区改造要优先安排社区服务设施建设项目。（责任单位：市住房城乡建设局，各区县政府）",
    "（二）丰富服务内容。围绕老年人、儿童、残疾人等群体需求，开展养老服务、托育服务、助残服务和法律咨询等服务项目。"
    "鼓励社会组织、社会工作者和志愿者参与社区服务，形成多方参与的服务格局。（责任单位：市民政局，各区县政府）",
    "（三）推进智慧社区建设。依托政务服务平台建设社区信息系统，推动社区服务事项网上办理，实现数据一次采集、多方共享。"
    "加强社区信息安全管理，保护居民个人信息。（责任单位：市大数据局、市民政局，各区县政府）",
    "三、保障措施",
    "（一）加强组织领导。各地要建立党委领导、政府负责、部门协同、社会参与的工作机制，主要负责同志要亲自部署、亲自推动。"
    "市政府办公室要将社区服务体系建设情况纳入督查范围，对工作推进不力的地方予以通报。",
    "（二）强化资金保障。市财政局要统筹安排专项资金，支持社区服务设施建设和运营，"
    "各区县要按照事权和支出责任落实资金，鼓励社会资本通过多种方式参与社区服务设施建设运营。",
]
DOMAIN_TABLE = T(
    [
        ["序号", "试点领域", "责任部门"],
        *[[str(i + 1), d, u] for i, (d, u) in enumerate([
            ("养老服务", "市民政局"), ("社会救助", None), ("义务教育", "市教育局"), ("就业", "市人力资源社会保障局"),
            ("社会保险", None), ("保障性住房", "市住房城乡建设局"), ("市政服务", None), ("城市综合执法", None),
            ("涉农补贴", "市农业农村局"), ("公共文化服务", "市文化和旅游局"), ("医疗卫生", "市卫生健康委"),
            ("安全生产", "市应急管理局"), ("救灾", None), ("食品药品监管", "市市场监管局"), ("户籍管理", "市公安局"),
            ("公共法律服务", "市司法局"), ("财政预决算", "市财政局"), ("扶贫", "市乡村振兴局"), ("环境保护", "市生态环境局"),
            ("城乡规划", "市自然资源局"), ("征地补偿", None), ("重大建设项目", "市发展改革委"), ("公共资源交易", None),
            ("税收管理", "市税务局"), ("国有土地上房屋征收", "市住房城乡建设局"), ("农村危房改造", None),
        ])],
    ],
    repeat_header=False,
)
TASK_TABLE = T(
    [
        ["序号", "工作任务", "具体事项", "责任单位", "完成时限"],
        ["1", "完善服务设施", "开展社区综合服务设施摸底调查，建立设施台账，明确改造提升项目清单。", "市民政局", "2024年6月底前"],
        [None, None, "按照标准完成社区综合服务设施改造提升，新建住宅小区同步配建服务设施。", "市住房城乡建设局，各区县政府", "2024年12月底前"],
        ["2", "丰富服务内容", "制定社区服务项目清单，开展养老、托育、助残等服务，引导社会组织参与社区服务。", "市民政局，各区县政府", "2025年6月底前"],
        ["3", "推进智慧社区建设", "建设社区信息系统，推动社区服务事项网上办理，实现数据共享。", "市大数据局", "2025年12月底前"],
        [None, None, "加强社区信息安全管理，建立个人信息保护制度，定期开展安全检查。", "市民政局，市公安局", "2025年12月底前"],
        [None, None, "组织开展智慧社区建设试点，总结推广试点经验，形成可复制的工作模式。", "各区县政府", "2025年12月底前"],
    ]
)


def notice() -> list[pdfgen.Element]:
    return [
        P("江北市人民政府办公室文件", "mark"),
        P("江政办〔2024〕7号", "docnum"),
        P(TITLE, "title"),
        P("各区县人民政府，市政府各部门：", "plain"),
        *[P(t) for t in BODY],
        P("附件：1.江北市社区服务领域责任部门", "note"),
        P("2.江北市社区服务体系建设任务分工", "note"),
        P("江北市人民政府办公室", "sign"),
        P("2024年3月5日", "date"),
        P("（此件公开发布）", "publicity"),
        NewPage(),
        P("附件1", "label"),
        P("江北市社区服务领域责任部门", "caption"),
        DOMAIN_TABLE,
        NewPage(),
        P("附件2", "label"),
        P("江北市社区服务体系建设任务分工", "caption"),
        *[P("为推动各项任务落实，现将任务分工明确如下，请各责任单位按照时限要求抓好落实。") for _ in range(5)],
        TASK_TABLE,
        Banji(cc="市委各部门，市人大常委会办公室，市政协办公室。", printer="江北市人民政府办公室", printed="2024年3月6日"),
    ]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("pdf-reader")
    main = pdfgen.write_pdf(notice(), base / "notice.pdf")
    header = pdfgen.write_pdf(notice(), base / "header.pdf", furniture=Furniture(page_number="第{n}页", running_header="江北市人民政府办公室文件"))
    garbled = base / "garbled.pdf"
    garbled.write_bytes(pdfgen.without_tounicode(main.read_bytes()))
    marked = pdfgen.write_pdf(notice(), base / "watermark.pdf", furniture=Furniture(watermark="江北市人民政府办公室 仅供参考"))
    return {"main": main, "header": header, "garbled": garbled, "watermark": marked}


@pytest.fixture(scope="module")
def source(built: dict[str, Path]) -> SourceDocument:
    return read_document(built["main"])


def _lines(src: SourceDocument) -> list[Line]:
    return [b for b in src.blocks if isinstance(b, Line)]


def _tables(src: SourceDocument) -> list[Table]:
    return [b for b in src.blocks if isinstance(b, Table)]


def test_header_cues(source: SourceDocument) -> None:
    lines = _lines(source)
    assert "red" in lines[0].cues and lines[0].text == "江北市人民政府办公室文件", f"发文机关标志应为红色：{lines[0]}"
    num = next(ln for ln in lines if ln.text.startswith("江政办"))
    assert {"red_rule", "rule_below"} <= num.cues, f"文号下应有红色分隔线：{num}"
    title_lines = [ln for ln in lines[2:6] if "centered" in ln.cues]
    assert len(title_lines) >= 2, "标题应跨两行居中"


def test_fake_bold_glyphs_dropped(built: dict[str, Path]) -> None:
    with pdfplumber.open(built["main"]) as pdf:
        page = pdf.pages[0]
        doubled = len(page.chars) - len(page.dedupe_chars().chars)
    assert doubled >= len(TITLE), f"夹具的标题应为重复字形的假粗体：{doubled}"
    row = process_path(built["main"]).document
    assert row.title == TITLE, f"标题：{row.title}"
    # pdfium drops a glyph drawn twice at one place itself; pdfminer (pdfplumber) keeps both, and the line
    # builder drops the copy
    ref = read_pdf(built["main"], doc_id="n", sha256="", data=built["main"].read_bytes(), engine="plumber")
    title = [ln for ln in _lines(ref)[2:6] if "bold" in ln.cues]
    assert len(title) == 2 and "".join(ln.text for ln in title) == TITLE, f"假粗体应去重：{title}"


def test_spurious_spaces_removed(built: dict[str, Path], source: SourceDocument) -> None:
    with pdfplumber.open(built["main"]) as pdf:
        naive = pdf.pages[0].extract_text()
    assert regex.search(r"到 ?2025 年", naive) and " " in naive, "夹具中数字与汉字之间应有空隙"
    text = normalise(source).text
    assert "到2025年" in text and "江政办〔2024〕7号" in text, "数字与汉字间的空格应去除"
    assert not regex.search(r"\p{Han} +\p{Han}", text), "汉字之间不应有空格"


def test_furniture_removed_and_recorded(built: dict[str, Path], source: SourceDocument) -> None:
    assert [f.text for f in source.furniture] == [f"—{n}—" for n in range(1, source.pages + 1)], "每页页码应记入 furniture"
    assert all(f.page == n for n, f in enumerate(source.furniture, 1))
    other = read_document(built["header"])
    texts = [ln.text for ln in _lines(other)]
    assert not any(regex.fullmatch(r"第\d+页", t) for t in texts), "「第N页」页码应去除"
    assert texts.count("江北市人民政府办公室文件") == 1, "页眉应去除，只留版头的发文机关标志"
    assert sum(1 for f in other.furniture if f.text == "江北市人民政府办公室文件") == other.pages - 1


def test_paragraphs_joined_across_lines_and_pages(source: SourceDocument) -> None:
    doc = normalise(source)
    paras = [doc.text[p.start : p.end] for p in doc.paras]
    for body in BODY:
        assert body in paras, f"段落应完整重组：{body[:20]}…"
    pages = {p.page for p in doc.paras if doc.text[p.start : p.end] in BODY}
    assert len(pages) >= 2, "正文应跨页"
    lines = [ln for ln in _lines(source) if ln.text.startswith("（二）阶段安排")]
    assert lines, "段首行应存在"


def test_every_line_and_row_has_a_page(source: SourceDocument) -> None:
    assert all(isinstance(b.page, int) and 1 <= b.page <= source.pages for b in _lines(source))
    assert all(all(isinstance(p, int) for p in t.row_pages) for t in _tables(source))


def test_domain_table_merged_cells_and_page_break(source: SourceDocument) -> None:
    t = next(t for t in _tables(source) if t.rows[0][1] == "试点领域")
    assert len(t.rows) == 27, f"领域表应有表头加26行（跨页拼接、无重复表头）：{len(t.rows)}"
    assert len(set(t.row_pages)) == 2, f"领域表应跨两页：{t.row_pages}"
    by_domain = {r[1]: (i, r[2]) for i, r in enumerate(t.rows)}
    for dom, unit in [("社会救助", "市民政局"), ("城市综合执法", "市住房城乡建设局"), ("救灾", "市应急管理局"), ("公共资源交易", "市发展改革委")]:
        i, got = by_domain[dom]
        assert got == unit, f"{dom} 的合并单元格应填为 {unit}，实为 {got}"
        assert (i, 2) in t.filled, f"{dom} 的填充应记入 filled"
    i, _ = by_domain["公共资源交易"]
    assert t.row_pages[i] == t.row_pages[i - 1] + 1, "夹具中「公共资源交易」的合并单元格应被分页截断"
    assert t.spans_known


def test_task_table_stitched_with_header_repeated(source: SourceDocument) -> None:
    t = next(t for t in _tables(source) if t.rows[0][0] == "序号" and len(t.rows[0]) == 5)
    assert [r[0] for r in t.rows].count("序号") == 1, "重复的表头应去除"
    assert len(t.rows) == 7 and len(set(t.row_pages)) == 2, f"任务表应跨页拼接为6行：{t.row_pages}"
    assert [r[1] for r in t.rows[1:]] == ["完善服务设施"] * 2 + ["丰富服务内容"] + ["推进智慧社区建设"] * 3, "合并的工作任务单元格应填充"
    assert "，" in t.rows[2][3] and "\n" not in "".join(t.rows[1]), "单元格内的折行应去除"
    assert t.row_pages[5] == t.row_pages[4] + 1, "夹具中第3项的合并单元格应被分页截断"
    assert t.rows[5][:2] == t.rows[6][:2] == ("3", "推进智慧社区建设"), "被分页截断的合并单元格应填充"
    assert {(5, 0), (5, 1), (6, 0), (6, 1)} <= t.filled


def test_tasks_and_assignments_rows(built: dict[str, Path]) -> None:
    ex = process_path(built["main"])
    table_tasks = [t for t in ex.tasks if t.source == "table"]
    assert len(table_tasks) == 6, f"任务表应得6条任务：{len(table_tasks)}"
    assert {t.due_date for t in table_tasks} == {"2024-06-30", "2024-12-31", "2025-06-30", "2025-12-31"}
    table_asg = [a for a in ex.assignments if a.source == "table"]
    assert {a.domain for a in table_asg} >= {"养老服务", "社会救助", "救灾", "农村危房改造"}, "领域表应得分工"
    cut = [a for a in table_asg if a.domain == "公共资源交易"]
    assert cut and cut[0].unit == "市发展改革委" and cut[0].page == max(a.page for a in table_asg), "跨页合并单元格应填充并保留行页码"


def test_rows_have_pages_and_offsets_into_evidence(built: dict[str, Path], tmp_path: Path) -> None:
    run_batch([built["main"]], tmp_path)
    text = (tmp_path / "text" / "notice.txt").read_text(encoding="utf-8")
    import pandas as pd

    pages = int(pd.read_csv(tmp_path / "documents.csv", dtype=str, encoding="utf-8-sig")["pages"][0])
    for name in ("references", "sections", "domains", "assignments", "tasks", "deadlines"):
        df = pd.read_csv(tmp_path / f"{name}.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
        for r in df.to_dict("records"):
            assert r["page"] and 1 <= int(r["page"]) <= pages, f"{name} 行缺页码：{r}"
            s, e = int(r.get("start_char", 0)), int(r.get("end_char", 0) or r.get("start_char", 0))
            if "evidence" in r:
                ev = r["evidence"]
                at = [m.start() for m in regex.finditer(regex.escape(ev), text)] if ev else []
                assert any(a <= s and e <= a + len(ev) for a in at), f"{name} 行的偏移应落在证据内：{r}"


def test_engines_agree(built: dict[str, Path]) -> None:
    data = built["main"].read_bytes()
    fast = read_pdf(built["main"], doc_id="n", sha256="", data=data, engine="pdfium")
    ref = read_pdf(built["main"], doc_id="n", sha256="", data=data, engine="plumber")
    assert [b.text for b in _lines(fast)] == [b.text for b in _lines(ref)], "pdfium 与 pdfplumber 的行应一致"
    assert [t.rows for t in _tables(fast)] == [t.rows for t in _tables(ref)], "两种引擎的表格应一致"
    assert [b.full for b in _lines(fast)] == [b.full for b in _lines(ref)]


@pytest.mark.parametrize("engine", ["pdfium", "plumber"])
def test_a_diagonal_watermark_is_no_text(built: dict[str, Path], engine: str) -> None:
    """Grey text laid at 45 degrees over every page (a download platform's "仅供参考"): its characters fall
    between the notice's on every row they cross; left out, the lines and tables are the unmarked PDF's."""
    plain = read_pdf(built["main"], doc_id="n", sha256="", data=built["main"].read_bytes(), engine=engine)
    marked = read_pdf(built["watermark"], doc_id="w", sha256="", data=built["watermark"].read_bytes(), engine=engine)
    assert [b.text for b in _lines(marked)] == [b.text for b in _lines(plain)]
    assert [t.rows for t in _tables(marked)] == [t.rows for t in _tables(plain)]


def test_garbled_text_layer_goes_to_ocr(built: dict[str, Path]) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(built["garbled"]))
    try:
        assert all(needs_ocr(pdfium_page(pdf, i)) for i in range(len(pdf))), "无 ToUnicode 的页面应送 OCR"
    finally:
        pdf.close()
    pdf = pdfium.PdfDocument(str(built["main"]))
    try:
        assert not any(needs_ocr(pdfium_page(pdf, i)) for i in range(len(pdf))), "正常文本层不应送 OCR"
    finally:
        pdf.close()
    src = read_pdf(built["garbled"], doc_id="g", sha256="", data=built["garbled"].read_bytes(), ocr=False)
    assert src.warnings and "OCR" in src.warnings[0]


@pytest.mark.parametrize("data,needle", [(b"not a pdf at all", "not a readable PDF"), (b"%PDF-1.4\n%%EOF", "not a readable PDF")], ids=["text", "truncated"])
def test_bad_files_raise_ingest_errors(tmp_path: Path, data: bytes, needle: str) -> None:
    p = tmp_path / "bad.pdf"
    p.write_bytes(data)
    with pytest.raises(IngestError, match=needle):
        read_document(p)


def test_password_protected_pdf(tmp_path: Path) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen.canvas import Canvas

    p = tmp_path / "locked.pdf"
    c = Canvas(str(p), encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    c.drawString(100, 700, "locked")
    c.save()
    with pytest.raises(IngestError, match="password"):
        read_document(p)
    ex = process_path(p)
    assert ex.errors and "password" in ex.errors[0].error, "错误应进入 errors 表"


# --------------------------------------------------------------------------- the seeds, drawn as PDFs


@pytest.mark.shared
def test_seed_pdfs_reach_gold(tmp_path_factory: pytest.TempPathFactory) -> None:
    if not (pdfgen.SHARED / "gold").is_dir():
        pytest.skip("../shared/gold is absent: the seed notices and their gold answers live there")
    base = tmp_path_factory.mktemp("seed-pdfs")
    pdfs = pdfgen.seed_pdfs(base / "text")
    out = base / "out"
    run_batch(list(pdfs.values()), out)
    rep = evaluate(pdfgen.SHARED / "gold", out, doc_map=lambda gid: gid)
    assert not rep.missing
    low = {f: round(s.f1, 3) for f, s in rep.total.items() if s.f1 < 0.98}
    assert not low, f"PDF 渲染的种子文件各字段 F1 应 ≥ 0.98：{low}"
    docs = {r.doc_id: r for r in __import__("pandas").read_csv(out / "documents.csv", dtype=str, encoding="utf-8-sig").itertuples()}
    assert all(int(d.pages) >= 2 and d.format == "pdf" for d in docs.values())
    assert json.loads(docs["003_2fba04c4cb047aff"].evidence)["doc_number"][2] == 1, "文号的证据页应为第1页"
    assert set(DOC_FIELDS) <= set(rep.total) | {"issued_date", "printer", "region_city"}


def test_a_paragraph_over_a_page_break_reports_each_part_on_its_page(source: SourceDocument) -> None:
    """A value in the second half of a paragraph that runs onto the next page carries the next page."""
    doc = normalise(source)
    crossing = [p for p in doc.paras if p.page_breaks]
    assert crossing, "the fixture has a body paragraph that runs over a page break"
    para = crossing[0]
    at, page = para.page_breaks[0]
    assert page == para.page + 1 and para.start < at < para.end
    assert doc.page_at(para.start) == para.page and doc.page_at(at) == page and doc.page_at(at - 1) == para.page
    first_line_next_page = next(ln.text for ln in _lines(source) if ln.page == page)
    assert doc.text[at:].startswith(regex.sub(r"\s+", "", first_line_next_page)[:6]), "the break sits where the next page's first line starts"


@pytest.mark.parametrize(
    ("text", "ocr"),
    [
        pytest.param("!\"#$%&'()*+,-./0123<=>?@[]^_{|}~" * 3, True, id="ascii-glyph-codes"),
        pytest.param("各县（市）区人民政府，市政府各部门：现将有关事项通知如下。" * 3, False, id="chinese"),
        pytest.param("The State Council issued the plan on 5 March 2021, effective immediately." * 2, False, id="english"),
    ],
)
def test_ascii_garbage_from_a_font_without_tounicode_goes_to_ocr(text: str, ocr: bool) -> None:
    from pipeline.ingest.pdf import needs_ocr
    from pipeline.ingest.pdfpage import Frag, PageData

    page = PageData(1, 595.0, 842.0)
    page.frags = [Frag(ch, 10.0 * i, 10.0 * i + 9, 100.0, 110.0, 12.0) for i, ch in enumerate(text)]
    assert needs_ocr(page) is ocr, f"{text[:20]!r}: OCR {ocr}"


def test_a_page_number_over_the_text_block_is_furniture(tmp_path: Path) -> None:
    """A Word template's header prints "─ 1 ─" (box-drawing dashes) just over the text block, lower than the
    top zone (扬州市文明行为促进条例 exported by LibreOffice: 102 pt down an 842 pt page). On the first line of
    every page it is a page number, not the start of the 发文机关标志 or of a sentence."""
    pdf = pdfgen.write_pdf(notice(), tmp_path / "top.pdf", furniture=Furniture(page_number="─ {n} ─", page_number_top=True))
    src = read_document(pdf)
    assert _lines(src)[0].text == "江北市人民政府办公室文件", _lines(src)[:2]
    assert [f.text for f in src.furniture][:3] == ["─1─", "─2─", "─3─"]
    assert not any(ln.text.startswith("─") for ln in _lines(src))


# Where the lines of 淮北市文明行为促进条例 (a Word file exported by LibreOffice, 22 pages) end, in points: the
# justified lines end at 503, and 44 lines whose last 、，。 hangs past the margin end at 534.
HUAIBEI_LINE_ENDS = [503] * 229 + [502] * 72 + [534] * 44 + [440] * 7 + [408] * 6 + [471] * 6 + [377] * 5 + [518] * 2


def test_hanging_punctuation_does_not_move_the_right_margin() -> None:
    from pipeline.ingest.pdf import _right_edge

    assert _right_edge([float(x) for x in HUAIBEI_LINE_ENDS], 16.0) == 503.0
    # without a common edge short of the 90th percentile the percentile stands
    assert _right_edge([float(x) for x in [503] * 40 + [534] * 5 + list(range(300, 500, 10))], 16.0) == 503.0
    spread = [float(x) for x in range(300, 520, 4)]  # 55 line ends, none shared: the 90th percentile, 300 + 4 * 48
    assert _right_edge(spread, 16.0) == 492.0


def test_an_adoption_note_over_narrow_centred_lines_is_one_paragraph() -> None:
    """The lines pdfium reads from the first page of 贵阳市建设生态文明城市条例 (a narrow page, letter-spaced): the
    title reaches the margin, and the note under it is broken over six centred lines."""
    lines = [
        Line("贵阳市建设生态文明城市条例", 1, True, frozenset({"wraps"})),
        Line("\u3000\u3000（2013年2月4日贵阳市第", 1, False, frozenset()),
        Line("十三届人民代表大会第三", 1, False, frozenset({"centered"})),
        Line("次会议通过\u30002013年3月30", 1, False, frozenset({"centered"})),
        Line("日贵州省第十二届人民代", 1, False, frozenset({"centered"})),
        Line("表大会常务委员会第一次", 1, False, frozenset({"centered"})),
        Line("会议批准）", 1, False, frozenset()),
        Line("目\u3000\u3000录", 1, False, frozenset({"centered"})),
        Line("第一章 总则", 1, False, frozenset({"indent"})),
    ]
    text = normalise(SourceDocument("gy", "gy.pdf", "pdf", "x", tuple(lines))).text.splitlines()
    assert text[0] == "贵阳市建设生态文明城市条例", text[:2]
    assert text[1] == "（2013年2月4日贵阳市第十三届人民代表大会第三次会议通过2013年3月30日贵州省第十二届人民代表大会常务委员会第一次会议批准）", text[1]
    # the note's closing bracket ends it, though its last line reaches the margin (宣城, the next paragraph)
    lines = [
        Line("（2018年9月29日安徽省第十三届", 1, True, frozenset()),
        Line("人民代表大会", 1, False, frozenset({"centered"})),
        Line("常务委员会第五次会议通过）", 1, True, frozenset({"centered"})),
        Line("安徽省第十三届人民代表大", 1, True, frozenset({"wraps"})),
        Line("会常务委员会第五次会议审查了《宣城市文明行为促进条例》，决定予以批准。", 1, False, frozenset()),
    ]
    text = normalise(SourceDocument("xc", "xc.pdf", "pdf", "x", tuple(lines))).text.splitlines()
    assert text[0] == "（2018年9月29日安徽省第十三届人民代表大会常务委员会第五次会议通过）", text
    assert text[1].startswith("安徽省第十三届人民代表大会常务委员会第五次会议审查了"), text


def _norm(lines: list[Line]) -> list[str]:
    return normalise(SourceDocument("x", "x.pdf", "pdf", "x", tuple(lines))).text.splitlines()


def test_lines_a_narrow_page_broke_are_rejoined() -> None:
    """Real notice pages written to Word and exported by LibreOffice (the lines as pdfium reads them): a
    metadata line or a breadcrumb wider than the page, a joint title whose break falls inside an
    organisation's name, and a 文号 broken before its year bracket."""
    xialu = _norm([
        Line("名称：区人民政府办公室关于印发2020年区政府重点工", 1, True, frozenset({"wraps", "indent"})),
        Line("作责任分解的通知", 1, False, frozenset()),
        Line("索引号：000014349/2020-105482发布日期：2020-", 1, True, frozenset({"wraps", "indent"})),
        Line("06-28发布机构：下陆区政府办公室", 1, False, frozenset()),
        Line("文号：文件分类：综合政务所属机构：", 1, False, frozenset({"indent"})),
    ])
    assert xialu[:3] == ["名称：区人民政府办公室关于印发2020年区政府重点工作责任分解的通知", "索引号：000014349/2020-105482发布日期：2020-06-28发布机构：下陆区政府办公室", "文号：文件分类：综合政务所属机构："], xialu
    xiamen = _norm([
        Line("您当前的位置：首页>法规草案征求意见>关于《厦门经", 1, True, frozenset({"indent", "wraps"})),
        Line("济特区社会信用条例（草案修改二稿征求意见稿）》公开征求", 1, True, frozenset({"wraps"})),
        Line("意见的公告", 1, False, frozenset()),
        Line("关于《厦门经济特区社会信用条例（草案修改", 1, True, frozenset()),
        Line("二稿征求意见稿）》公开征求意见的公告", 1, True, frozenset({"centered"})),
    ])
    assert xiamen[0].endswith("公开征求意见的公告") and xiamen[1] == "关于《厦门经济特区社会信用条例（草案修改二稿征求意见稿）》公开征求意见的公告", xiamen
    chengdu = _norm([
        Line("成都市发展和改革委员会中共成都市委社会工", 1, True, frozenset({"wraps"})),
        Line("作部成都市规划和自然资源局成都市住房和城", 1, True, frozenset({"wraps"})),
        Line("乡建设局关于印发成都市城市社区嵌入式服务", 1, True, frozenset()),
        Line("设施建设工程实施方案的通知", 1, False, frozenset({"centered"})),
        Line("各区（市）县政府（管委会），市级有关部门，有关单位：", 1, False, frozenset()),
    ])
    assert chengdu[0] == "成都市发展和改革委员会中共成都市委社会工作部成都市规划和自然资源局成都市住房和城乡建设局关于印发成都市城市社区嵌入式服务设施建设工程实施方案的通知", chengdu
    jiayu = _norm([
        Line("索引号：01105619X/2024-07672文号：嘉政办发", 1, False, frozenset({"centered"})),
        Line("〔2024〕1号", 1, False, frozenset({"centered"})),
        Line("2021年县政府重点工作任务（华政发", 1, False, frozenset({"centered"})),
        Line("〔2021〕2号）", 1, False, frozenset({"centered"})),
    ])
    assert jiayu[:2] == ["索引号：01105619X/2024-07672文号：嘉政办发〔2024〕1号", "2021年县政府重点工作任务（华政发〔2021〕2号）"], jiayu


def test_a_title_broken_by_a_narrow_page_is_one_title() -> None:
    """Titles of real notices set in a Word file (centred, the tail broken by hand) and exported by
    LibreOffice, as pdfium reads them: a cited 《政府工作报告》 ends a line but not the title; a title
    printed over its 文号 (a page's layout) is joined above it, its last line carrying the bracketed 文号."""
    hlj = _norm([
        Line("黑龙江省人民政府关于落实《政府工作报告》", 1, True, frozenset()),
        Line("重点工作责任分工的", 1, False, frozenset({"centered"})),
        Line("意见", 1, False, frozenset({"centered"})),
        Line("各市（地）人民政府（行署），绥芬河市、抚远县人民政府，", 1, True, frozenset({"wraps"})),
        Line("省政府各有关直属单位：", 1, False, frozenset()),
    ])
    assert hlj[0] == "黑龙江省人民政府关于落实《政府工作报告》重点工作责任分工的意见", hlj
    panjin = _norm([
        Line("盘锦市人民政府办公室关于印发《2021年市", 1, True, frozenset({"wraps"})),
        Line("〈政府工作报告〉任务分解和责任分工方案》", 1, True, frozenset()),
        Line("的", 1, False, frozenset({"centered"})),
        Line("通知", 1, False, frozenset({"centered"})),
        Line("盘政办发〔2021〕1号", 1, False, frozenset({"rule_below", "red_rule", "centered"})),
        Line("各县、区人民政府，辽东湾新区、高新技术产业开发区管委会：", 1, False, frozenset()),
    ])
    assert panjin[:2] == ["盘锦市人民政府办公室关于印发《2021年市〈政府工作报告〉任务分解和责任分工方案》的通知", "盘政办发〔2021〕1号"], panjin
    yueyang = _norm([
        Line("当前位置：首页>政务公开>政务公开工作要点>公开制度化>政策法规", 1, False, frozenset({"indent"})),
        Line("中共岳阳市委办公室岳阳市人民政府办公室印", 1, True, frozenset({"wraps"})),
        Line("发《关于全面推进政务公开工作的实施意见》", 1, True, frozenset()),
        Line("的", 1, False, frozenset({"centered"})),
        Line("通知（岳办发〔2017〕2号）", 1, False, frozenset({"centered"})),
        Line("来源：岳阳市政府门户网日期：2017-01-12", 1, False, frozenset({"indent"})),
    ])
    assert yueyang[1:3] == ["中共岳阳市委办公室岳阳市人民政府办公室印发《关于全面推进政务公开工作的实施意见》的通知", "（岳办发〔2017〕2号）"], yueyang
    # a whole title over the 文号 keeps the banner above it apart
    banner = _norm([Line("法规库", 1, False, frozenset()), Line("安徽省人民政府关于任免国家机关工作人员问题的通知", 1, False, frozenset()), Line("皖政〔1985〕38号", 1, False, frozenset())])
    assert banner[:2] == ["法规库", "安徽省人民政府关于任免国家机关工作人员问题的通知"], banner


def test_page_fields_wrapped_by_a_narrow_page_keep_the_header_open() -> None:
    """A law site's page written to Word and exported (吉林 2001, 岳阳 2017): a field line broken after its
    colon ("…浏览：" / "9440来源：…") ends no header, so the title printed again below still takes its
    hand-broken tail ("…》的" / "通知"); an empty "浏览量：" does not take the 主送机关 under it as its value,
    though the 主送机关 is broken over three lines."""
    jilin = _norm([
        Line("您的位置：首页»法律资料网»法律法规»", 1, False, frozenset({"indent"})),
        Line("吉林省人民政府办公厅关于印发《省政府公众信息网站对", 1, True, frozenset({"indent", "wraps"})),
        Line("外发布信息暂行办法》的通知", 1, False, frozenset()),
        Line("作者：法律资料网时间：2024-07-09 22:44:01浏览：", 1, True, frozenset({"wraps", "indent"})),
        Line("9440来源：法律资料网", 1, False, frozenset()),
        Line("下载地址：点击此处下载", 1, False, frozenset({"indent"})),
        Line("吉林省人民政府办公厅关于印发《省政府公众信息网站对", 1, True, frozenset({"indent", "wraps"})),
        Line("外发布信息暂行办法》的通知", 1, False, frozenset()),
        Line("吉林省人民政府办公厅", 1, False, frozenset({"indent"})),
        Line("吉林省人民政府办公厅关于印发《省政府公众", 1, True, frozenset()),
        Line("信息网站对外发布信息暂行办法》的", 1, False, frozenset({"centered"})),
        Line("通知", 1, False, frozenset({"centered"})),
        Line("各市州、县（市）人民政府，省政府各厅委、各直属机构：", 1, False, frozenset()),
    ])
    assert jilin.count("吉林省人民政府办公厅关于印发《省政府公众信息网站对外发布信息暂行办法》的通知") == 3, jilin
    yueyang = _norm([
        Line("浏览量：", 1, False, frozenset({"indent"})),
        Line("各县市区委、人民政府，岳阳经济技术开发区、城陵矶新港", 1, True, frozenset({"wraps"})),
        Line("区、南湖新区、屈原管理区，市直各单位，中央、省驻岳单", 1, True, frozenset({"wraps"})),
        Line("位：", 1, False, frozenset()),
        Line("《关于全面推进政务公开工作的实施意见》已经市委、市人民政府同意。", 1, False, frozenset({"indent"})),
    ])
    assert yueyang[:2] == ["浏览量：", "各县市区委、人民政府，岳阳经济技术开发区、城陵矶新港区、南湖新区、屈原管理区，市直各单位，中央、省驻岳单位："], yueyang


def test_a_line_ending_on_an_opening_mark_goes_on() -> None:
    """遂宁's 函 set in Word with its title broken by hand after "《": a centred short line ending on an opening
    book-title mark is no paragraph's end, and the 主送机关 then follows the whole title."""
    suining = _norm([
        Line("主题：", 1, False, frozenset({"indent"})),
        Line("遂宁市人民政府防汛抗旱指挥部办公室关于征求《遂宁市", 1, True, frozenset({"wraps"})),
        Line("防汛应急预案（征求意见稿）》修改意见的函", 1, False, frozenset()),
        Line("时限：", 1, False, frozenset({"indent"})),
        Line("截止：2019-06-18", 1, False, frozenset({"indent"})),
        Line("遂宁市人民政府防汛抗旱指挥部办公室关于征", 1, True, frozenset()),
        Line("求《", 1, False, frozenset({"centered"})),
        Line("遂宁市防汛应急预案（征求意见稿）》修改意", 1, True, frozenset()),
        Line("见的函", 1, False, frozenset({"centered"})),
        Line("市直有关部门：", 1, False, frozenset()),
    ])
    assert suining[-2:] == ["遂宁市人民政府防汛抗旱指挥部办公室关于征求《遂宁市防汛应急预案（征求意见稿）》修改意见的函", "市直有关部门："], suining


def test_title_lines_inside_a_cited_name_or_before_its_type() -> None:
    """More titles of real pages exported through Word: a field line at the margin over a title at the margin
    (the title is no continuation of the field); a subject ending in a type word (…分解方案) over "的通知";
    a title broken inside the 《》 it cites, the break on a type word (…《税收执法 / 检查工作考核标准》的通知)."""
    guofa = _norm([
        Line("发布时间：2024-11-01 21:09:52来源：sp20241101", 1, True, frozenset({"wraps", "indent"})),
        Line("国务院关于推动内蒙古高质量发展奋力书写中", 1, True, frozenset()),
        Line("国式现代化新篇章的意见", 1, False, frozenset({"centered"})),
        Line("国发〔2023〕16号", 1, False, frozenset({"rule_below", "red_rule", "centered"})),
    ])
    assert guofa[:3] == ["发布时间：2024-11-01 21:09:52来源：sp20241101", "国务院关于推动内蒙古高质量发展奋力书写中国式现代化新篇章的意见", "国发〔2023〕16号"], guofa
    wuhan = _norm([
        Line("∙【主题分类】机关工作", 1, False, frozenset({"indent"})),
        Line("正文", 1, False, frozenset({"indent"})),
        Line("市人民政府办公厅关于印发2020年市《政府", 1, True, frozenset({"wraps"})),
        Line("工作报告》确定的主要目标任务责任分解方案", 1, True, frozenset()),
        Line("的通知", 1, False, frozenset({"centered"})),
        Line("武政办〔2020〕1号", 1, False, frozenset({"rule_below", "centered", "red_rule"})),
    ])
    assert "市人民政府办公厅关于印发2020年市《政府工作报告》确定的主要目标任务责任分解方案的通知" in wuhan, wuhan
    shuiwu = _norm([
        Line("国家税务总局政策法规司关于印发《税收执法检查工作考", 1, True, frozenset({"indent", "wraps"})),
        Line("核标准》的通知", 1, False, frozenset()),
        Line("国税法函〔1998〕26号", 1, False, frozenset({"red_rule", "centered", "rule_below"})),
        Line("国家税务总局政策法规司关于印发《税收执法", 1, True, frozenset()),
        Line("检查工作考核标准》的通知", 1, False, frozenset({"centered"})),
        Line("国税法函〔1998〕26号", 1, False, frozenset({"indent"})),
    ])
    assert shuiwu.count("国家税务总局政策法规司关于印发《税收执法检查工作考核标准》的通知") == 2, shuiwu


def test_an_empty_page_field_does_not_end_the_header() -> None:
    """A 盘锦 page's field block printed with the notice (Word, LibreOffice): the empty "主题词：" is no
    主送机关, so the title below still ends at its type and the 主送机关 stands on its own line."""
    panjin = _norm([
        Line("发文字号：|发布日期：|2010-12-13||", 1, False, frozenset({"indent"})),
        Line("主题词：", 1, False, frozenset({"indent"})),
        Line("盘政发〔2010〕22号", 1, False, frozenset({"rule_below", "centered", "red_rule"})),
        Line("盘锦市人民政府关于表彰第二十二届农田基本", 1, True, frozenset({"wraps"})),
        Line("建设“大禹杯”竞赛优胜单位和先进单位的决定", 1, True, frozenset({"wraps"})),
        Line("各县、区人民政府，辽滨沿海经济区，市政府各部门、各直属", 1, True, frozenset({"wraps"})),
        Line("机构：", 1, False, frozenset()),
    ])
    assert panjin[-2:] == ["盘锦市人民政府关于表彰第二十二届农田基本建设“大禹杯”竞赛优胜单位和先进单位的决定", "各县、区人民政府，辽滨沿海经济区，市政府各部门、各直属机构："], panjin


def test_a_law_title_then_its_unbracketed_note_and_a_lone_de() -> None:
    """北京市实施《代表法》办法 exported through Word: the title reaches the margin and the 题注 under it has no
    brackets ("2014年1月22日…会议通过"), so the date opening the next line ends the title; 国发〔2021〕36号's
    title broken as "…国家应急体系规划" / "的" / "通知" is one title though 规划 is a type word."""
    beijing = _norm([
        Line("北京市实施《中华人民共和国全国人民代表", 1, True, frozenset({"centered"})),
        Line("大会和地方各级人民代表大会代表法》办法", 1, True, frozenset({"centered"})),
        Line("2014年1月22日北京市第十四届人民代表大会第二次会", 1, True, frozenset({"wraps", "indent"})),
        Line("议通过", 1, False, frozenset()),
        Line("第一章总则", 1, False, frozenset({"indent"})),
    ])
    assert beijing[:2] == ["北京市实施《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》办法", "2014年1月22日北京市第十四届人民代表大会第二次会议通过"], beijing
    guofa = _norm([
        Line("政策全文", 1, False, frozenset({"indent"})),
        Line("国务院关于印发“十四五”国家应急体系规划", 1, True, frozenset()),
        Line("的", 1, False, frozenset({"centered"})),
        Line("通知", 1, False, frozenset({"centered"})),
        Line("国发〔2021〕36号", 1, False, frozenset({"rule_below", "red_rule", "centered"})),
    ])
    assert guofa[1:3] == ["国务院关于印发“十四五”国家应急体系规划的通知", "国发〔2021〕36号"], guofa


def test_an_adoption_note_typed_with_a_doubled_bracket() -> None:
    """张家界市文明行为促进条例 as its Word file types it, "（（2019年10月23日…批准））", exported by LibreOffice."""
    zjj = _norm([
        Line("张家界市文明行为促进条例", 1, True, frozenset({"centered"})),
        Line("（（2019年10月23日张家", 1, False, frozenset({"centered"})),
        Line("界市第七届人民代表大会", 1, False, frozenset({"centered"})),
        Line("常务委员会第二十三次会", 1, False, frozenset({"centered"})),
        Line("议通过\u30002019年11月", 1, False, frozenset()),
        Line("28日湖南省第十三届人民", 1, False, frozenset({"centered"})),
        Line("代表大会常务委员会第十", 1, False, frozenset({"centered"})),
        Line("四次会议批准））", 1, False, frozenset()),
        Line("目 录", 1, False, frozenset({"centered"})),
    ])
    assert zjj[:3] == ["张家界市文明行为促进条例", "（（2019年10月23日张家界市第七届人民代表大会常务委员会第二十三次会议通过2019年11月28日湖南省第十三届人民代表大会常务委员会第十四次会议批准））", "目录"], zjj


def test_a_field_line_open_on_a_book_title_goes_on() -> None:
    """A document site's blurb printed with the notice (江西 2012 through Word): "简介：…的《江西省人" at the
    margin goes on to "民政府办公厅关于…》": the line below names an office and 关于, but the 《 above is open."""
    jiangxi = _norm([
        Line("简介：写写帮文库小编为你整理了多篇相关的《江西省人", 1, True, frozenset({"wraps", "indent"})),
        Line("民政府办公厅关于印发江西省》，但愿对你工作学习有帮助，", 1, True, frozenset({"wraps"})),
        Line("当然你在写写帮文库还可以找到更多《江西省人民政府办公厅", 1, True, frozenset({"wraps"})),
        Line("关于印发江西省》。", 1, False, frozenset()),
        Line("江西省人民政府办公厅关于印发江西省", 1, False, frozenset({"centered"})),
        Line("县级公立医院综合改革试点工作实施意见的通知", 1, False, frozenset({"indent"})),
        Line("各市、县（区）人民政府，省政府各部门：", 1, False, frozenset()),
    ])
    assert jiangxi[0].startswith("简介：") and jiangxi[0].endswith("关于印发江西省》。"), jiangxi
    # the blurb is the site's chrome, not a title line: the title's two lines under it are joined into one
    assert jiangxi[1] == "江西省人民政府办公厅关于印发江西省县级公立医院综合改革试点工作实施意见的通知", jiangxi
    assert jiangxi[2] == "各市、县（区）人民政府，省政府各部门：", jiangxi


def test_a_page_title_printed_with_its_number_and_broken_inside_it_is_joined() -> None:
    """A site's page printed to PDF (华容 2021 through Word): the title carries its 文号 in brackets, as the site
    shows it, and the centred line breaks inside the title ("…重点工作任" / "务（华政发〔2021〕2号）"): one line again,
    so the title step reads the title and the number from it."""
    lines = _norm([
        Line("•索引号：6735597301/2021-1801120", 1, False, frozenset({"indent"})),
        Line("•发布机构：县人民政府办公室", 1, False, frozenset({"indent"})),
        Line("2021年县政府重点工作任", 1, False, frozenset({"centered"})),
        Line("务（丁政发〔2021〕2号）", 1, False, frozenset({"centered"})),
        Line("来源：丁县政府2021-03-23 10:56", 1, False, frozenset({"indent"})),
        Line("各乡镇人民政府，县直各单位：", 1, False, frozenset()),
    ])
    assert "2021年县政府重点工作任务（丁政发〔2021〕2号）" in lines, lines


def _page_of_lines(path: Path, lines: list[tuple[str, float]]) -> Path:
    """One A4 page with each text drawn at its x (points), 12 pt, one line under the other."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdfgen.register_font()
    c = canvas.Canvas(str(path), pagesize=A4)
    y = 780.0
    for text, x in lines:
        c.setFont(pdfgen.CJK, 12)
        c.drawString(x, y, text)
        y -= 22
    c.save()
    return path


def test_the_recipients_line_ends_at_its_colon_on_a_page_that_indents_every_paragraph(tmp_path: Path) -> None:
    # a web page printed to PDF indents every paragraph by two characters, the 主送机关 too: its line is full
    # and the body under it starts where most long lines start, so geometry alone says "wraps on"
    recipients = "各县（市、区）人民政府，经济开发区管委会，东城区管委会，市人民政府各工作部门："
    body = "《丁市价格调节基金管理办法》已经市政府第五十一次常务会议研究通过，现予以印发"
    assert len(recipients) == len(body) + 1 == 39
    lines = [
        ("丁市人民政府关于印发丁市价格调节基金管理办法的通知", 114.0),
        ("丁政〔2009〕34号", 250.0),
        (recipients, 90.0),
        (body, 90.0),
        ("给你们。", 66.0),
        ("各区县要在本通知印发之日起三十日内制定本地区的实施细则并报市政府备案。", 90.0),
        ("市发展改革委负责本办法的解释工作，执行中遇到的问题请径向市发展改革委反映。", 90.0),
        ("丁市人民政府", 400.0),
        ("2009年7月16日", 400.0),
    ]
    doc = normalise(read_document(_page_of_lines(tmp_path / "page.pdf", lines)))
    paras = [doc.text[p.start : p.end] for p in doc.paras]
    assert recipients in paras, paras


def test_a_line_a_browser_ended_early_to_keep_a_comma_off_the_next_line_wraps_on(tmp_path: Path) -> None:
    # a browser sets no punctuation compressed: "…给予6个月的过渡" / "期，过渡期内…" leaves the first line two
    # characters short, indented, so it looks centred; and a full line that ends inside "第五条第" goes on into
    # "（二）项…", which is no heading
    full = "申请公共租赁住房的家庭在轮候期间曾参加配租意向登记未获配租且轮候时间超过五年的可申请"
    assert len(full) == 42
    lines = [
        ("五、完善公共租赁住房保障退出机制", 90.0),
        ("（一）领取住房租赁补贴的家庭，经审核不再符合住房保障资格的，给予六个月的过渡", 90.0),
        ("期，过渡期内发放住房租赁补贴的一半，过渡期满停止发放住房租赁补贴。", 66.0),
        ("（二）承租公共租赁住房的家庭不再符合保障资格的，应当在一个月内结清有关费用并腾退住房", 90.0),
        (full, 66.0),
        ("暂时无法腾退的，承租人可申请过渡期，过渡期内租金按本通知第五条第一款第三项和第五条第", 66.0),
        ("（二）项有关规定执行。逾期不腾退的，按照同期公共租赁住房项目租金标准的两倍收取租金。", 66.0),
    ]
    assert len(lines[1][0]) == 38 and len(lines[5][0]) == 42  # 12 pt: 90 + 456 = 546, two characters short of 570
    doc = normalise(read_document(_page_of_lines(tmp_path / "page.pdf", lines)))
    paras = [doc.text[p.start : p.end] for p in doc.paras]
    assert any(p.startswith("（一）") and "过渡期，过渡期内" in p for p in paras), paras
    assert not any(p.startswith("（二）项") for p in paras), paras


def test_a_row_broken_right_after_its_first_line_joins_across_the_page() -> None:
    """A task row LibreOffice broke after its first line (宝山区's 任务清单 exported from Word): every cut cell
    is short, but one stops inside a list ("区委组织部、") or a bracket ("各街镇（园"), so the top row of the next
    page, under the repeated header and with no 序号, is its rest. A new row under a merged 序号 stays a row."""
    from pipeline.ingest.tables import join_continuation

    header = ("序号", "任务名称", "任务内容", "牵头部门", "配合部门", "时间节点")
    prev = Table((header, ("5", "推进基层", "将垃圾分类绿", "区委组织部、", "各街镇（园", "2019年")), (5, 5))
    cur = Table((header, ("", "建设", "色账户工作纳入基层组织居民区。", "区民政局、区绿化市容局", "区）", "6月"), ("6", "", "落实街镇联席办制度。", "区民政局", "各街镇（园区）", "2019年")), (6, 6, 6))
    rows = join_continuation(prev, cur).rows
    assert rows[1] == ("5", "推进基层建设", "将垃圾分类绿色账户工作纳入基层组织居民区。", "区委组织部、区民政局、区绿化市容局", "各街镇（园区）", "2019年6月"), rows[1]
    assert [r[0] for r in rows[1:]] == ["5", "6"], rows
    # a finished cell above and a new item below: two rows (the 序号 merged over both)
    prev = Table((header, ("7", "加强组织领导", "召开动员大会。", "区政府办公室", "各成员单位", "2019年3月")), (5, 5))
    cur = Table((header, ("", "", "建立联席会议制度。", "区民政局", "", "2019年")), (6, 6))
    assert len(join_continuation(prev, cur).rows) == 3


def _contents_entry(heading: str, page: int) -> str:
    """A 目录 entry whose dotted leader fills the line up to its page number, as Word's TOC field sets it."""
    line = heading
    while pdfgen.text_width(line + "." + str(page), pdfgen.BODY) < pdfgen.TEXT_W - 2:
        line += "."
    return f"{line}{page}"


def test_contents_entries_filling_their_lines_stay_apart(tmp_path: Path) -> None:
    # a 规划's 目录 (湖北省文物事业发展"十四五"规划, a WPS export): each entry's leader reaches the margin, so the
    # entries read as one wrapped paragraph unless an entry ends at its page number
    pdfgen.register_font()
    heads = ["一、背景形势", "1.发展成就", "2.形势分析", "二、总体要求", "3.指导思想"]
    els = [P("东湖市文物事业发展规划", "title"), P("目录", "title")]
    els += [P(_contents_entry(h, n), "plain") for n, h in enumerate(heads, start=1)]
    els += [pdfgen.NewPage(), P("一、背景形势", "body"), P("1.发展成就", "body"), P("全市文物事业取得重大成就，文物保护利用水平显著提升。", "body")]
    pdf = pdfgen.write_pdf(els, tmp_path / "contents.pdf")
    doc = normalise(read_document(pdf))
    paras = [doc.text[p.start : p.end] for p in doc.paras]
    entries = [t for t in paras if t.endswith(tuple("12345")) and "..." in t]
    assert len(entries) == len(heads), paras[:8]
    assert [s.heading for s in analyse(doc).sections][:2] == ["背景形势", "发展成就"], analyse(doc).sections[:3]


def _chars(text: str, x: float, size: float = 10.0, gap: float = 0.0) -> list:
    """One character a box, `gap` points apart, from `x` on (a text layer's glyphs on one line)."""
    from pipeline.ingest.pdfpage import Frag

    return [Frag(ch, x + i * (size + gap), x + i * (size + gap) + size, 100.0, 100.0 + size, size) for i, ch in enumerate(text)]


def test_the_space_between_joint_issuers_names_is_kept() -> None:
    """A title "鹤岗市人民政府 鹤岗市中级人民法院印发" (GB/T 9704 §7.3.1: joint issuers apart by a space) keeps its
    space: on a line of close-set glyphs, a half-character gap after a whole issuer's name. A gap of the same
    width after words that are no name, or on a line justification spread out evenly, stays no space."""
    from pipeline.ingest.pdflines import join_row

    first = _chars("鹤岗市人民政府", 0.0)
    second = _chars("鹤岗市中级人民法院印发", first[-1].x1 + 5.0)
    assert join_row(first + second)[0] == "鹤岗市人民政府 鹤岗市中级人民法院印发"
    words = _chars("加强组织领导", 0.0)
    assert join_row(words + _chars("明确责任分工", words[-1].x1 + 5.0))[0] == "加强组织领导明确责任分工"
    spread = _chars("市人民政府负责统筹协调", 0.0, gap=5.0)
    assert join_row(spread)[0] == "市人民政府负责统筹协调"
