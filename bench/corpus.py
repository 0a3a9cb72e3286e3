"""A corpus of generated notices for the benchmark: GB/T 9704 layout PDFs of about ten pages each (body,
a domain -> department table with merged cells and a task table over a page break), drawn with
tests/pdfgen.py from text composed here with a seeded random generator, and image-only copies of a few."""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import pdfgen  # noqa: E402
from pdfgen import Banji, Furniture, NewPage, P, T  # noqa: E402

CORPUS_VERSION = "1"
PLACES = ["江北市", "临川市", "青原市", "东湖市", "南溪市", "北山市", "西岭市", "安平市"]
DOMAINS = [
    ("城乡规划", "自然资源局"), ("征地补偿", "自然资源局"), ("重大建设项目", "发展改革委"), ("公共资源交易", "发展改革委"),
    ("财政预决算", "财政局"), ("安全生产", "应急管理局"), ("救灾", "应急管理局"), ("税收管理", "税务局"),
    ("国有土地上房屋征收", "住房城乡建设局"), ("保障性住房", "住房城乡建设局"), ("农村危房改造", "住房城乡建设局"),
    ("城市综合执法", "住房城乡建设局"), ("市政服务", "住房城乡建设局"), ("环境保护", "生态环境局"),
    ("公共文化服务", "文化和旅游局"), ("公共法律服务", "司法局"), ("扶贫", "乡村振兴局"), ("社会救助", "民政局"),
    ("养老服务", "民政局"), ("食品药品监管", "市场监管局"), ("就业", "人力资源社会保障局"),
    ("社会保险", "人力资源社会保障局"), ("户籍管理", "公安局"), ("涉农补贴", "农业农村局"), ("义务教育", "教育局"),
    ("医疗卫生", "卫生健康委"),
]
VERBS = ["完善", "健全", "推进", "落实", "规范", "强化", "优化", "加强"]
OBJECTS = ["政务公开事项标准目录", "信息发布机制", "政策解读工作", "公众参与机制", "办事服务公开", "政务公开平台", "工作考核评估", "专业队伍建设"]
FILLER = [
    "各地要结合实际细化工作措施，明确责任分工和时间安排，确保各项任务按期完成。",
    "要坚持标准引领、需求导向、依法依规、改革创新，推动政务公开工作提质增效。",
    "对工作中遇到的新情况新问题，要及时研究提出解决办法，重大事项及时报告。",
    "要加强统筹协调，形成上下联动、部门协同、社会参与的工作格局。",
    "相关部门要加强业务指导，定期开展督促检查，及时总结推广好的经验做法。",
    "要充分运用政府网站、政务新媒体等渠道，扩大政策知晓度，回应社会关切。",
]
NUMS = "一二三四五六七八九十"


def _deadline(rng: random.Random) -> str:
    return f"{rng.choice([2021, 2022, 2023, 2024])}年{rng.choice([3, 6, 9, 12])}月底前"


def notice(k: int) -> list[pdfgen.Element]:
    rng = random.Random(k)
    place = rng.choice(PLACES)
    issuer = f"{place}人民政府办公室"
    els: list[pdfgen.Element] = [
        P(f"{issuer}文件", "mark"),
        P(f"{place[:2]}政办〔{rng.choice([2020, 2021, 2022])}〕{rng.randint(1, 60)}号", "docnum"),
        P(f"{issuer}关于{rng.choice(VERBS)}{rng.choice(OBJECTS)}的通知", "title"),
        P("各县（市、区）人民政府，市政府各部门：", "plain"),
        P(f"为进一步{rng.choice(VERBS)}{rng.choice(OBJECTS)}，经市政府同意，现就有关事项通知如下。"),
    ]
    for s in range(4):
        els.append(P(f"{NUMS[s]}、{rng.choice(VERBS)}{rng.choice(OBJECTS)}"))
        for sub in range(rng.randint(3, 4)):
            doms = rng.sample(DOMAINS, 2)
            text = (
                f"（{NUMS[sub]}）{rng.choice(VERBS)}{rng.choice(OBJECTS)}。"
                + "".join(rng.sample(FILLER, 3))
                + f"{_deadline(rng)}完成{doms[0][0]}、{doms[1][0]}领域相关工作。"
                + f"（责任单位：市{doms[0][1]}，各县（市、区）人民政府）"
            )
            els.append(P(text))
    els += [
        P("附件：1.政务公开事项标准目录责任部门", "note"),
        P("2.工作任务分工和进度安排", "note"),
        P(issuer, "sign"),
        P(f"{rng.choice([2020, 2021, 2022])}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日", "date"),
        P("（此件公开发布）", "publicity"),
        NewPage(),
        P("附件1", "label"),
        P(f"{place}政务公开事项标准目录责任部门", "caption"),
    ]
    rows: list[list[str | None]] = [["序号", "试点领域", "责任部门"]]
    prev = ""
    for i, (dom, dept) in enumerate(DOMAINS):
        rows.append([str(i + 1), dom, None if dept == prev else f"市{dept}"])
        prev = dept
    els.append(T(rows))
    els += [NewPage(), P("附件2", "label"), P("工作任务分工和进度安排", "caption")]
    task_rows: list[list[str | None]] = [["序号", "工作任务", "具体事项", "责任单位", "完成时限"]]
    for t in range(6):
        task_rows.append([str(t + 1), f"{rng.choice(VERBS)}{rng.choice(OBJECTS)}", "".join(rng.sample(FILLER, 2)), f"市{rng.choice(DOMAINS)[1]}", _deadline(rng)])
        for _ in range(rng.randint(0, 2)):
            task_rows.append([None, None, "".join(rng.sample(FILLER, 2)), f"市{rng.choice(DOMAINS)[1]}", _deadline(rng)])
    els.append(T(task_rows))
    els.append(Banji(cc="市委各部门，市人大常委会办公室，市政协办公室。", printer=issuer, printed=f"{rng.choice([2020, 2021, 2022])}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"))
    return els


def build(base: Path, *, docs: int, scans: int) -> tuple[list[Path], list[Path]]:
    """Text-layer PDFs and image-only copies of the first `scans` of them, built once into `base`."""
    text_dir, scan_dir = base / f"v{CORPUS_VERSION}" / "text", base / f"v{CORPUS_VERSION}" / "scan"
    text_dir.mkdir(parents=True, exist_ok=True)
    scan_dir.mkdir(parents=True, exist_ok=True)
    pdfs = []
    for k in range(docs):
        path = text_dir / f"notice_{k:04d}.pdf"
        if not path.exists():
            furniture = Furniture(page_number=["— {n} —", "- {n} -", "第{n}页"][k % 3])
            pdfgen.write_pdf(notice(k), path.with_suffix(".tmp"), furniture=furniture)
            path.with_suffix(".tmp").rename(path)
        pdfs.append(path)
    scanned = []
    for k in range(scans):
        path = scan_dir / pdfs[k].name
        if not path.exists():
            pdfgen.image_only(pdfs[k], path)
        scanned.append(path)
    return pdfs, scanned
