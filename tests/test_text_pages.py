"""Page furniture of text exports of PDFs (ingest/text_pages.py): page numbers on lines of their own go, and a
line printed beside most of them (a running head or foot) goes too, wherever a converter put it."""

from __future__ import annotations

from pipeline.ingest.text import blocks_from_text
from pipeline.ingest.text_pages import drop_page_furniture
from pipeline.model import Line

# the first two pages of 杭政函〔2024〕16号 as a PDF text extraction gives them (page numbers on top)
HANGZHOU = """— 1 —
杭州市人民政府文件
杭政函〔2024〕16 号
杭州市人民政府印发关于进一步推动
经济高质量发展若干政策的通知
各区、县（市）人民政府，市政府各部门、各直属单位：
现将《关于进一步推动经济高质量发展的若干政策》印发给
你们，请结合实际认真组织实施。
杭州市人民政府
2024 年 2 月 18 日
（此件公开发布）
ZJAC00-2024-0001
— 2 —
关于进一步推动经济高质量发展的若干政策
"""


def _lines(text: str) -> list[str]:
    return [b.text for b in drop_page_furniture(blocks_from_text(text)) if isinstance(b, Line)]


def test_page_numbers_go_and_the_first_page_keeps_its_masthead() -> None:
    lines = _lines(HANGZHOU)
    assert lines[0] == "杭州市人民政府文件" and "— 2 —" not in lines and "— 1 —" not in lines, lines
    assert lines[-1] == "关于进一步推动经济高质量发展的若干政策", lines


def test_a_head_at_most_page_tops_goes_and_is_cut_off_the_words_glued_to_it() -> None:
    pages = [
        "某某市人民政府办公室文件\n某政办〔2024〕3号\n各县区人民政府：\n一、加强领导\n各地要压实责任，（责任单位：市发展",
        "某某市人民政府办公室文件 改革委、市财政局）\n二、强化保障\n做好经费保障。（责任单位：市财政局）",
        "某某市人民政府办公室文件\n三、严格考核\n纳入年度考核。",
    ]
    text = "".join(f"{page}\n\n- {n} -\n某某市人民政府办公室发布\n\n" for n, page in enumerate(pages, start=1))
    lines = _lines(text)
    assert lines.count("某某市人民政府办公室文件") == 1 and lines[0] == "某某市人民政府办公室文件", lines
    assert "改革委、市财政局）" in lines and not any("发布" in x or x.startswith("- ") for x in lines), lines


def test_an_attachment_label_at_two_page_tops_is_no_running_head() -> None:
    text = "正文第一页\n— 1 —\n附件\n第一个附件\n— 2 —\n附件\n第二个附件\n— 3 —\n"
    assert _lines(text) == ["正文第一页", "附件", "第一个附件", "附件", "第二个附件"]
