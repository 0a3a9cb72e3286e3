"""OFD input (GB/T 33190-2016): two files WPS Office wrote (tests/fixtures/ofd/README.md), a package written
here to pin the reader's reading of the format (offsets, matrices, nested blocks, template pages), and broken
packages that must become errors a person can act on."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from pipeline.ingest import read_document
from pipeline.ingest.ofd import MM, ofd_pages
from pipeline.model import IngestError, Line
from pipeline.process import process_path

FIXTURES = Path(__file__).parent / "fixtures" / "ofd"
NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def test_a_wps_notice_reads_with_its_header_body_and_record_on_page_two() -> None:
    out = process_path(FIXTURES / "wps_notice_two_pages.ofd")
    assert not out.errors, out.errors
    d = out.document
    assert (d.format, d.pages) == ("ofd", 2)
    assert d.doc_number == "国防部发〔2012〕21号" and d.title == "国防部关于放假的通知", (d.doc_number, d.title)
    assert (d.recipients, d.signed_date) == ("各有关单位", "2012-12-12"), (d.recipients, d.signed_date)
    # the 版记 on the second page: 抄送 and 分送 lists, the 印发 line ending with its print run
    assert d.cc == "教育局；教育局；教育局；教育局", d.cc
    assert (d.printer, d.issued_date) == ("国防部", "2012-12-12"), (d.printer, d.issued_date)
    spans = json.loads(d.evidence)
    assert spans["cc"][2] == 2 and spans["doc_number"][2] == 1, spans
    assert out.text[spans["title"][0] : spans["title"][1]] == "国防部关于放假的通知"
    # the page number "–– 1 ––" is furniture, not text
    assert "––" not in out.text


def test_copy_number_secrecy_and_urgency_from_a_wps_template() -> None:
    d = process_path(FIXTURES / "wps_marks_template.ofd").document
    assert (d.copy_number, d.secrecy, d.urgency) == ("001012", "机密★5年", "特急"), (d.copy_number, d.secrecy, d.urgency)


def _package(path: Path, content: str, *, template: str | None = None, res: str | None = None, files: dict[str, bytes] | None = None) -> Path:
    """An OFD package with one page (A4, millimetres) whose Content.xml layer holds `content`; `res` is the body
    of its PublicRes.xml and `files` more parts (images)."""
    tpl_decl = '<ofd:TemplatePage ID="9" BaseLoc="Tpls/Tpl_0/Content.xml"/>' if template is not None else ""
    tpl_decl += "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>" if res is not None else ""
    tpl_ref = '<ofd:Template TemplateID="9"/>' if template is not None else ""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} DocType="OFD" Version="1.1"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        z.writestr(
            "Doc_0/Document.xml",
            f'<ofd:Document {NS}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>{tpl_decl}</ofd:CommonData>'
            '<ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>',
        )
        z.writestr("Doc_0/Pages/Page_0/Content.xml", f'<ofd:Page {NS}>{tpl_ref}<ofd:Content><ofd:Layer ID="2">{content}</ofd:Layer></ofd:Content></ofd:Page>')
        if template is not None:
            z.writestr("Doc_0/Tpls/Tpl_0/Content.xml", f'<ofd:Page {NS}><ofd:Content><ofd:Layer ID="3">{template}</ofd:Layer></ofd:Content></ofd:Page>')
        if res is not None:
            z.writestr("Doc_0/PublicRes.xml", f'<ofd:Res {NS} BaseLoc="Res">{res}</ofd:Res>')
        for name, data in (files or {}).items():
            z.writestr(name, data)
    return path


def _text(x: float, y: float, chars: str, *, size: float = 5.6, delta: str | None = None, ctm: str | None = None, red: bool = False) -> str:
    attrs = f' CTM="{ctm}"' if ctm else ""
    colour = '<ofd:FillColor Value="255 0 0"/>' if red else ""
    dx = f' DeltaX="{delta}"' if delta else ""
    return f'<ofd:TextObject ID="1" Boundary="{x} {y} 150 {size * 2}" Size="{size}"{attrs}>{colour}<ofd:TextCode X="0" Y="{size}"{dx}>{chars}</ofd:TextCode></ofd:TextObject>'


def test_offsets_matrices_nested_blocks_and_template_pages(tmp_path: Path) -> None:
    size = 5.6
    body = (
        # the issuer in red, its characters spaced by "g N v" (N times v)
        _text(60, 40, "某某县人民政府文件", size=8, delta="g 8 9", red=True)
        # a red separator drawn as a thin filled bar
        + '<ofd:PathObject ID="5" Boundary="28 60 154 0.8" Stroke="false" Fill="true"><ofd:FillColor Value="255 0 0"/>'
        '<ofd:AbbreviatedData>M 0 0 L 154 0 L 154 0.8 L 0 0.8 C</ofd:AbbreviatedData></ofd:PathObject>'
        # the 文号 in a PageBlock (OFD nests objects in blocks), the title split over two text objects
        + f'<ofd:PageBlock ID="6">{_text(80, 50, "某政〔2024〕3号", delta="g 10 5.6")}</ofd:PageBlock>'
        + _text(40, 75, "某某县人民政府关于做好", delta="g 10 5.6")
        + _text(101.6, 75, "春耕生产工作的通知", delta="g 8 5.6")
        # the 主送机关 written at half size under a matrix that doubles it
        + _text(28, 95, "各乡镇人民政府：", size=size / 2, delta="g 7 2.8", ctm="2 0 0 2 0 0")
        + _text(39, 110, "现就做好春耕生产工作通知如下。", delta="g 14 5.6")
        # the 署名 drawn from a composite resource (a converter's form drawing), placed at half its own scale
        + '<ofd:CompositeObject ID="7" Boundary="120 140 100 20" CTM="0.5 0 0 0.5 0 0" ResourceID="30"/>'
        + _text(122, 150, "2024年3月1日", delta="5.6 5.6 5.6 5.6 5.6 5.6 5.6 5.6")
    )
    unit = f'<ofd:CompositeGraphicUnits><ofd:CompositeGraphicUnit ID="30" Width="200" Height="40"><ofd:Content>{_text(0, 0, "某某县人民政府", size=11.2, delta="g 6 11.2")}</ofd:Content></ofd:CompositeGraphicUnit></ofd:CompositeGraphicUnits>'
    # the template page carries the page number, as WPS puts furniture on a template
    ofd = _package(tmp_path / "notice.ofd", body, template=_text(100, 280, "1", size=4), res=unit)
    out = process_path(ofd)
    assert not out.errors, out.errors
    d = out.document
    assert d.issuer == "某某县人民政府" and d.doc_number == "某政〔2024〕3号", (d.issuer, d.doc_number)
    assert d.title == "某某县人民政府关于做好春耕生产工作的通知", d.title
    assert d.recipients == "各乡镇人民政府" and d.signed_date == "2024-03-01", (d.recipients, d.signed_date)
    lines = out.text.split("\n")
    assert lines[0] == "某某县人民政府文件", lines
    assert "各乡镇人民政府：" in lines, lines
    source = read_document(ofd)
    marks = [b for b in source.blocks if isinstance(b, Line) and b.text == "某某县人民政府文件"]
    assert marks and "red" in marks[0].cues, ("the issuer's red fill is kept", marks)
    assert any(isinstance(b, Line) and "rule_below" in b.cues or "red_rule" in getattr(b, "cues", ()) for b in source.blocks), "the red bar under the 文号 is a rule"
    # the geometry itself: "g 8 9" spaces the issuer's characters 9 mm apart; the matrix doubles the 主送机关's
    # size and its offsets
    page = ofd_pages(ofd.read_bytes(), ofd.name)[0]
    issuer = [f for f in page.frags if f.red]
    assert [round((b.x0 - a.x0) / MM, 2) for a, b in zip(issuer, issuer[1:])] == [9.0] * 8, [f.x0 for f in issuer]
    addressed = [f for f in page.frags if 95 * MM < f.bottom < 110 * MM]
    assert [f.text for f in addressed] == list("各乡镇人民政府："), addressed
    assert round(addressed[0].size / MM, 2) == size and round((addressed[1].x0 - addressed[0].x0) / MM, 2) == 5.6, addressed[:2]
    signer = [f for f in page.frags if 140 * MM < f.top < 150 * MM]
    assert "".join(f.text for f in signer) == "某某县人民政府" and round(signer[0].size / MM, 2) == 5.6, signer
    assert round(signer[0].x0 / MM, 2) == 120.0, "the composite's box, then its matrix, then the unit's own offsets"
    template = [f for f in page.frags if f.top > 270 * MM]
    assert [f.text for f in template] == ["1"], "the template page's objects are read under the page's own"


def test_broken_packages_become_errors_a_person_can_act_on(tmp_path: Path) -> None:
    cut = tmp_path / "cut.ofd"
    cut.write_bytes((FIXTURES / "wps_notice_two_pages.ofd").read_bytes()[:900])
    with pytest.raises(IngestError, match="not a readable OFD"):
        read_document(cut)
    empty = tmp_path / "nodoc.ofd"
    with zipfile.ZipFile(empty, "w") as z:
        z.writestr("OFD.xml", f"<ofd:OFD {NS}><ofd:DocBody/></ofd:OFD>")
    with pytest.raises(IngestError, match="names no document"):
        read_document(empty)
    lost = _package(tmp_path / "lost_image.ofd", '<ofd:ImageObject ID="3" Boundary="0 0 210 297" CTM="210 0 0 297 0 0" ResourceID="8"/>')
    with pytest.raises(IngestError, match="no text found in the OFD"):
        read_document(lost)
    bad_xml = _package(tmp_path / "badxml.ofd", "<ofd:TextObject")
    out = process_path(bad_xml)
    assert out.errors and "not readable XML" in out.errors[0].error, out.errors


def test_a_county_reply_written_by_another_producer() -> None:
    # ofdrw's test package (tests/fixtures/ofd/README.md): a 批复 under a red 版头, a different producer's XML
    d = process_path(FIXTURES / "ofdrw_county_reply.ofd").document
    assert (d.doc_number, d.doc_type, d.title) == ("路卫发〔2011〕76号", "批复", "关于同意张阿三同志辞职的批复"), (d.doc_number, d.doc_type, d.title)
    assert (d.issuer, d.recipients, d.signed_date) == ("测试符路桥区卫生局", "区中医院", "2011-03-10"), (d.issuer, d.recipients, d.signed_date)
    assert (d.printer, d.issued_date, d.region_county) == ("测试符路桥区卫生局办公室", "2011-03-10", "路桥区"), (d.printer, d.issued_date, d.region_county)


@pytest.mark.slow
def test_a_scanned_page_is_read_by_ocr(tmp_path: Path) -> None:
    # a scanner saving to OFD: each page one image, drawn on the page by its matrix. The image here is a page
    # drawn with the PDF fixtures and rendered at 150 dpi, as a scan would be.
    import pdfgen
    import pypdfium2 as pdfium
    from pdfgen import P

    pdf = pdfgen.write_pdf(
        [P("东湖市人民政府办公室文件", "mark"), P("东政办〔2023〕12号", "docnum"), P("东湖市人民政府办公室关于加强社区养老服务设施建设的通知", "title"),
         P("各区人民政府，市政府各部门：", "plain"), P("为加快补齐社区养老服务设施短板，经市政府同意，现通知如下。")],
        tmp_path / "page.pdf",
    )
    doc = pdfium.PdfDocument(str(pdf))
    image = doc[0].render(scale=150 / 72).to_pil()
    jpeg = tmp_path / "scan.jpg"
    image.convert("RGB").save(jpeg, quality=90)
    fixed = _package(
        tmp_path / "scan.ofd", '<ofd:ImageObject ID="3" Boundary="0 0 210 297" CTM="210 0 0 297 0 0" ResourceID="8"/>',
        res='<ofd:MultiMedias><ofd:MultiMedia ID="8" Type="Image" Format="JPEG"><ofd:MediaFile>scan.jpg</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias>',
        files={"Doc_0/Res/scan.jpg": jpeg.read_bytes()},
    )
    out = process_path(fixed)
    assert not out.errors, out.errors
    d = out.document
    assert (d.format, d.pages_ocr) == ("ofd", 1), (d.format, d.pages_ocr)
    assert d.doc_number == "东政办〔2023〕12号" and d.title == "东湖市人民政府办公室关于加强社区养老服务设施建设的通知", (d.doc_number, d.title)
    assert d.recipients == "各区人民政府；市政府各部门", d.recipients


def test_hostile_packages_end_without_hanging(tmp_path: Path) -> None:
    # a composite resource that draws itself twice (followed to a fixed depth, not forever: 2^8 copies of its
    # one character, MAX_DEPTH levels) and an entity bomb in a page (entities are not expanded)
    selfish = (
        '<ofd:CompositeGraphicUnits><ofd:CompositeGraphicUnit ID="30" Width="10" Height="10"><ofd:Content>'
        '<ofd:CompositeObject ID="1" Boundary="0 0 10 10" ResourceID="30"/><ofd:CompositeObject ID="2" Boundary="0 0 10 10" ResourceID="30"/>'
        f'{_text(0, 0, "某")}</ofd:Content></ofd:CompositeGraphicUnit></ofd:CompositeGraphicUnits>'
    )
    loop = _package(tmp_path / "loop.ofd", _text(28, 40, "某某县人民政府关于做好春耕生产工作的通知", delta="g 19 5.6") + '<ofd:CompositeObject ID="9" Boundary="28 80 10 10" ResourceID="30"/>', res=selfish)
    pages = ofd_pages(loop.read_bytes(), loop.name)
    assert len(pages[0].frags) == 20 + 2**8 - 1, len(pages[0].frags)  # the title, one "某" per unit drawn
    bomb = '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
    ofd = _package(tmp_path / "bomb.ofd", "")
    with zipfile.ZipFile(ofd) as src:
        items = {i.filename: src.read(i.filename) for i in src.infolist()}
    items["Doc_0/Pages/Page_0/Content.xml"] = (bomb + f'<ofd:Page {NS}><ofd:Content><ofd:Layer ID="1">{_text(28, 40, "&d;&d;&d;")}</ofd:Layer></ofd:Content></ofd:Page>').encode()
    with zipfile.ZipFile(ofd, "w") as dst:
        for name, data in items.items():
            dst.writestr(name, data)
    out = process_path(ofd)
    assert out.errors, "a page of unexpanded entities holds no text: an error row, not a hang"


def test_a_garbled_text_layer_says_what_to_do(tmp_path: Path) -> None:
    # a font's private-use codes instead of text (a producer that embedded a subset without a Unicode map): no
    # renderer draws an OFD page here for OCR, so the reader says to save it as PDF
    garbled = "".join(chr(0xE100 + k) for k in range(30))
    ofd = _package(tmp_path / "garbled.ofd", _text(28, 40, garbled, delta="g 29 5.6") + _text(28, 60, "某某县人民政府", delta="g 6 5.6"))
    source = read_document(ofd)
    assert any("private codes" in w and "save the OFD as PDF" in w for w in source.warnings), source.warnings
