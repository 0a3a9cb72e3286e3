"""DOCX reader on documents built here with python-docx: document order, merged cells, cues, bad files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import RGBColor

from pipeline.ingest import read_document
from pipeline.model import IngestError, Line, SourceDocument, Table
from pipeline.process import process_path


def _build(path: Path) -> Path:
    d = Document()
    p = d.add_paragraph()
    red = p.add_run("某某市人民政府办公室文件")
    red.font.color.rgb = RGBColor(0xFF, 0x00, 0x00)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("某府办函〔2024〕12号").alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("某某市人民政府办公室关于印发数据共享工作方案的通知").alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("各区人民政府，市政府各部门、各直属机构：")
    p = d.add_paragraph("《某某市数据共享工作方案》已经市人民政府同意，现印发给你们，请认真贯彻执行。")
    p.add_run().add_break()
    p.add_run("执行中遇到的问题，请径向市政务数据局反映。")
    d.add_paragraph("一、主要任务")
    d.add_paragraph("各部门要按照职责分工，于2024年12月底前完成首批数据接入。")
    d.add_paragraph("附件：任务分工表")
    t = d.add_table(rows=5, cols=4)
    for j, h in enumerate(("序号", "工作任务", "牵头单位", "配合单位")):
        t.cell(0, j).text = h
    t.cell(1, 0).text = "1"
    t.cell(1, 1).text = "编制数据资源目录"
    t.cell(1, 2).text = "市政务数据局"
    t.cell(1, 3).text = "市财政局"
    t.cell(1, 3).add_paragraph("市民政局")  # two paragraphs in one cell: two units
    t.cell(2, 2).text = "各区人民政府"
    t.cell(2, 3).text = "市发展改革委"
    t.cell(1, 0).merge(t.cell(3, 0))  # vMerge restart + 2 continue
    t.cell(1, 1).merge(t.cell(2, 1))
    t.cell(3, 1).text = "建设共享交换平台"
    t.cell(3, 2).text = "市公安局"
    t.cell(3, 3).text = "市司法局"
    merged = t.cell(4, 0).merge(t.cell(4, 3))  # gridSpan 4
    merged.text = "注：各区于每季度末报送进展。"
    d.add_paragraph("某某市人民政府办公室")
    d.add_paragraph("2024年3月1日")
    d.save(str(path))
    return path


@pytest.fixture(scope="module")
def notice_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("docx") / "notice.docx")


@pytest.fixture(scope="module")
def notice(notice_path: Path) -> SourceDocument:
    return read_document(notice_path)


def test_paragraphs_in_order_one_line_each(notice: SourceDocument) -> None:
    lines = [b for b in notice.blocks if isinstance(b, Line)]
    assert [ln.text for ln in lines[:4]] == [
        "某某市人民政府办公室文件",
        "某府办函〔2024〕12号",
        "某某市人民政府办公室关于印发数据共享工作方案的通知",
        "各区人民政府，市政府各部门、各直属机构：",
    ]
    assert lines[4].text.endswith("请认真贯彻执行。") and lines[5].text.startswith("执行中遇到"), "<w:br/> 应分行"
    assert all(ln.full is False for ln in lines)
    assert lines[-2].text == "某某市人民政府办公室" and lines[-1].text == "2024年3月1日", "表格之后的段落应在表格后"
    k = next(i for i, b in enumerate(notice.blocks) if isinstance(b, Table))
    assert notice.blocks[k - 1] == next(ln for ln in lines if ln.text == "附件：任务分工表")


def test_red_and_centred_cues(notice: SourceDocument) -> None:
    first, second, *_ = [b for b in notice.blocks if isinstance(b, Line)]
    assert "red" in first.cues and "centered" in first.cues
    assert "red" not in second.cues and "centered" in second.cues


def test_merged_cells_are_expanded_and_recorded(notice: SourceDocument) -> None:
    (t,) = [b for b in notice.blocks if isinstance(b, Table)]
    assert t.spans_known
    assert t.rows == (
        ("序号", "工作任务", "牵头单位", "配合单位"),
        ("1", "编制数据资源目录", "市政务数据局", "市财政局；市民政局"),
        ("1", "编制数据资源目录", "各区人民政府", "市发展改革委"),
        ("1", "建设共享交换平台", "市公安局", "市司法局"),
        ("注：各区于每季度末报送进展。",) * 4,
    )
    assert t.filled == frozenset({(2, 0), (3, 0), (2, 1), (4, 1), (4, 2), (4, 3)})


def test_end_to_end_row_and_tasks(notice_path: Path) -> None:
    out = process_path(notice_path)
    assert not out.errors, out.errors
    row = out.document
    assert row.format == "docx"
    assert row.doc_number == "某府办函〔2024〕12号"
    assert row.title == "某某市人民政府办公室关于印发数据共享工作方案的通知"
    assert row.signed_date == "2024-03-01"
    by_title = {(t.title, t.lead_unit) for t in out.tasks}
    assert ("编制数据资源目录", "市政务数据局") in by_title and ("编制数据资源目录", "各区人民政府") in by_title
    units = {a.unit for a in out.assignments} | {u for t in out.tasks for u in t.units.split("；")}
    assert {"市财政局", "市民政局"} <= units, f"单元格内两段应为两个单位：{units}"


def _broken(tmp_path: Path, notice_path: Path) -> dict[str, Path]:
    files = {
        "empty.docx": b"",
        "truncated.docx": notice_path.read_bytes()[:3000],
        "encrypted.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
        "garbage.docx": bytes(range(256)) * 8,
    }
    out = {}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        out[name] = tmp_path / name
    no_doc = tmp_path / "nodocument.docx"
    with zipfile.ZipFile(no_doc, "w") as z:
        z.writestr("hello.txt", "not a word document")
    out["nodocument.docx"] = no_doc
    return out


@pytest.mark.parametrize(
    "name,words",
    [
        ("empty.docx", "empty"),
        ("truncated.docx", "zip"),
        ("encrypted.docx", "password"),
        ("garbage.docx", "zip"),
        ("nodocument.docx", "re-save"),
    ],
    ids=["empty", "truncated-zip", "encrypted-ole", "garbage", "zip-without-document"],
)
def test_bad_docx_becomes_error_row(tmp_path: Path, notice_path: Path, name: str, words: str) -> None:
    path = _broken(tmp_path, notice_path)[name]
    with pytest.raises(IngestError, match=words):
        read_document(path)
    out = process_path(path)
    assert len(out.errors) == 1 and out.errors[0].stage == "ingest"
    assert out.errors[0].error.startswith(name) and words in out.errors[0].error
    assert out.document.error == out.errors[0].error


def test_docx_without_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "blank.docx"
    Document().save(str(path))
    with pytest.raises(IngestError, match="no text"):
        read_document(path)


def test_text_in_content_controls_insertions_smart_tags_and_fields_is_read(tmp_path: Path) -> None:
    """OA templates wrap the 文号, title and date in content controls (<w:sdt>); a file sent with its changes
    tracked holds inserted words in <w:ins> and keeps deleted ones in <w:del>; older files tag dates with
    <w:smartTag>; a simple field (<w:fldSimple>) shows its result. python-docx's Paragraph.text sees none of
    these but the runs directly in the paragraph."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from pipeline.process import process_path

    def para(xml: str) -> None:
        doc.element.body.insert(len(doc.element.body) - 1, parse_xml(f'<w:p {nsdecls("w")}>{xml}</w:p>'))

    doc = Document()
    para('<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent><w:r><w:t>壬市人民政府关于加强安全生产工作的通知</w:t></w:r></w:sdtContent></w:sdt>')
    para('<w:r><w:t>壬政发〔</w:t></w:r><w:sdt><w:sdtContent><w:r><w:t>2024</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t>〕9号</w:t></w:r>')
    para('<w:r><w:t>各县（市、区）人民政府：</w:t></w:r>')
    para('<w:r><w:t>请各地于</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>2024年5月底前</w:delText></w:r></w:del>'
         '<w:ins w:id="2" w:author="a"><w:r><w:t>2024年6月底前</w:t></w:r></w:ins><w:r><w:t>完成隐患排查。</w:t></w:r>')
    para('<w:r><w:t>壬市人民政府</w:t></w:r>')
    para('<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="chsdate"><w:r><w:t>2024年3月1日</w:t></w:r></w:smartTag>')
    para('<w:fldSimple w:instr=" DOCPROPERTY 印发 "><w:r><w:t>壬市人民政府办公室2024年3月1日印发</w:t></w:r></w:fldSimple>')
    path = tmp_path / "controls.docx"
    doc.save(str(path))
    x = process_path(path)
    d = x.document
    assert (d.title, d.doc_number, d.signed_date) == ("壬市人民政府关于加强安全生产工作的通知", "壬政发〔2024〕9号", "2024-03-01"), d
    assert "请各地于2024年6月底前完成隐患排查" in x.text and "5月底前" not in x.text
    assert [(t.text, t.end) for t in x.deadlines] == [("2024年6月底前", "2024-06-30")], x.deadlines


def test_a_text_box_is_read_once_after_its_paragraph(tmp_path: Path) -> None:
    """A 版头 set in a text box (a DrawingML shape with its VML fallback, as Word and WPS write it) is read
    once, after the paragraph it is anchored in."""
    from docx import Document
    from docx.oxml import parse_xml

    from pipeline.process import process_path

    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    box = '<w:txbxContent><w:p><w:r><w:t>丑市人民政府文件</w:t></w:r></w:p></w:txbxContent>'
    anchored = (
        f'<w:p {ns}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><wps:txbx>{box}</wps:txbx></mc:Choice>'
        f'<mc:Fallback><v:shape><v:textbox>{box}</v:textbox></v:shape></mc:Fallback></mc:AlternateContent></w:r></w:p>'
    )
    doc = Document()
    doc.element.body.insert(0, parse_xml(anchored))
    for text in ["丑政发〔2024〕3号", "丑市人民政府关于做好春季防火工作的通知", "各县（市、区）人民政府：", "请各地于2024年4月底前完成排查。", "丑市人民政府", "2024年3月1日"]:
        doc.add_paragraph(text)
    path = tmp_path / "textbox.docx"
    doc.save(str(path))
    x = process_path(path)
    assert x.text.count("丑市人民政府文件") == 1 and x.text.startswith("丑市人民政府文件"), x.text[:80]
    assert (x.document.doc_number, x.document.issuer) == ("丑政发〔2024〕3号", "丑市人民政府"), x.document


def test_a_title_note_broken_inside_the_committee_s_name(tmp_path: Path) -> None:
    """A city regulation's Word file sets its 题注 in narrow paragraphs that break 委员会 after 委 ("…人民代表大会
    常务委" / "员会第十七次会议通过", Henan cities' 文明行为促进条例): one body, the city's standing committee, not
    two joined by 、; the date is the latest event's (the province's approval)."""
    d = Document()
    d.add_paragraph("商丘市文明行为促进条例").alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in ("（2019年8月29日商丘市第五届人民代表大会常务委", "员会第十七次会议通过  2019年9月27日河南省第十", "三届人民代表大会常务委员会第十二次会议批准）"):
        d.add_paragraph(line)
    d.add_paragraph("第一章　总则").alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("第一条　为了规范、引导和促进公民文明行为，根据有关法律、法规，结合本市实际，制定本条例。")
    d.add_paragraph("第二条　本市行政区域内的文明行为促进工作适用本条例。")
    path = tmp_path / "regulation.docx"
    d.save(str(path))
    row = process_path(path).document
    assert (row.issuer, row.signed_date) == ("商丘市人民代表大会常务委员会", "2019-09-27"), row


def test_a_package_with_a_dangling_relationship_is_read(tmp_path: Path, notice_path: Path) -> None:
    """A city's Word file whose package relates a part it does not hold (an add-in's
    userCustomization/customUI.xml; 九江 and 萍乡's 文明行为促进条例): Word opens it, and so does the reader,
    without the dangling relationship (python-docx #678); nothing else of the file changes."""
    broken = tmp_path / "dangling.docx"
    with zipfile.ZipFile(notice_path) as z, zipfile.ZipFile(broken, "w") as w:
        for info in z.infolist():
            blob = z.read(info)
            if info.filename == "_rels/.rels":
                blob = blob.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/relationships/ui/userCustomization" '
                    b'Target="userCustomization/customUI.xml"/></Relationships>',
                )
            w.writestr(info, blob)
    assert read_document(broken).blocks == read_document(notice_path).blocks


def _flat_opc(docx_path: Path) -> bytes:
    """The Word XML (Flat OPC) form of a .docx, as Word writes it: every part in one <pkg:package>, XML parts
    inline and the others in base64."""
    import base64

    parts = []
    with zipfile.ZipFile(docx_path) as z:
        types = z.read("[Content_Types].xml").decode("utf-8")
        for name in z.namelist():
            if name == "[Content_Types].xml":
                continue
            blob = z.read(name)
            kind = "application/vnd.openxmlformats-package.relationships+xml" if name.endswith(".rels") else "application/xml"
            if name == "word/document.xml":
                kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
            elif f'PartName="/{name}"' in types:
                kind = types.split(f'PartName="/{name}" ContentType="')[1].split('"')[0]
            if name.endswith((".xml", ".rels")):
                body = blob.decode("utf-8").split("?>", 1)[1] if blob.startswith(b"<?xml") else blob.decode("utf-8")
                parts.append(f'<pkg:part pkg:name="/{name}" pkg:contentType="{kind}"><pkg:xmlData>{body}</pkg:xmlData></pkg:part>')
            else:
                parts.append(f'<pkg:part pkg:name="/{name}" pkg:contentType="{kind}" pkg:compression="store"><pkg:binaryData>{base64.b64encode(blob).decode()}</pkg:binaryData></pkg:part>')
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
        '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' + "".join(parts) + "</pkg:package>"
    ).encode("utf-8")


@pytest.mark.parametrize("suffix", [".doc", ".docx"])
def test_a_word_xml_document_is_read_as_its_package(tmp_path: Path, notice_path: Path, suffix: str) -> None:
    """Word's single-file XML (Flat OPC) that a site published as .doc (海南省文明行为促进条例): its parts are the
    .docx package, read as such (LibreOffice imported its XML as text, and the notice's fields were lost)."""
    flat = tmp_path / f"flat{suffix}"
    flat.write_bytes(_flat_opc(notice_path))
    assert read_document(flat).blocks == read_document(notice_path).blocks
    out, direct = process_path(flat), process_path(notice_path)
    assert not out.errors and (out.document.title, out.document.doc_number) == (direct.document.title, direct.document.doc_number), out.document


def test_head_marks_in_a_word_templates_page_header() -> None:
    # a WPS template (tests/fixtures/ofd/README.md) sets 份号, 密级 and 紧急程度 in the first page's header: they
    # open the text and are read; the header's other lines would be page furniture and are not read
    out = process_path(Path(__file__).parent / "fixtures" / "ofd" / "wps_marks_template.docx")
    d = out.document
    assert (d.copy_number, d.secrecy, d.urgency) == ("001012", "机密★5年", "特急"), (d.copy_number, d.secrecy, d.urgency)
    assert out.text.startswith("001012\n"), out.text[:40]
