"""Write more deadline cases: sentences built from templates, expectations computed here from the calendar
(never from the pipeline's output)."""
import calendar, datetime as dt, random, yaml
random.seed(7)
CN = "〇一二三四五六七八九"
def cn_year(y): return "".join(CN[int(c)] for c in str(y))
def cn_num(n):
    if n <= 10: return "零一二三四五六七八九十"[n]
    if n < 20: return "十" + "零一二三四五六七八九"[n-10].replace("零","")
    t, u = divmod(n, 10)
    return "零一二三四五六七八九"[t] + "十" + ("" if u == 0 else "零一二三四五六七八九"[u])
def mend(y, m): return calendar.monthrange(y, m)[1]
iso = lambda y, m, d: dt.date(y, m, d).isoformat()
cases = []
pre = ["请各单位于", "各地要在", "务必于", "", "并于", "各县（市、区）应于", "牵头单位须于"]
verbs = ["完成", "报送市政府办公室", "上报", "全面完成整改", "建成投用", "提交书面报告", "出台实施细则"]
before = ["前", "之前", "以前", "或之前", "及以前", "及之前"]
for i in range(40):
    y, m = random.randint(2018, 2030), random.randint(1, 12)
    d = random.randint(1, mend(y, m))
    b = random.choice(before)
    cases.append({"text": f"{random.choice(pre)}{y}年{m}月{d}日{b}{random.choice(verbs)}", "kind": "by", "end": iso(y, m, d)})
for i in range(20):
    y, m = random.randint(2018, 2030), random.randint(1, 12)
    cases.append({"text": f"{random.choice(pre)}{y}年{m}月底前{random.choice(verbs)}", "kind": "by", "end": iso(y, m, mend(y, m))})
for i in range(10):
    y, q = random.randint(2018, 2030), random.randint(1, 4)
    cases.append({"text": f"{random.choice(pre)}{y}年第{'一二三四'[q-1]}季度末前{random.choice(verbs)}", "kind": "by", "end": iso(y, q*3, mend(y, q*3))})
for i in range(8):
    y, m = random.randint(2018, 2030), random.randint(1, 12)
    x, dd = random.choice([("上旬", 10), ("中旬", 20), ("下旬", mend(y, m))])
    cases.append({"text": f"{random.choice(pre)}{y}年{m}月{x}前{random.choice(verbs)}", "kind": "by", "end": iso(y, m, dd)})
for i in range(15):
    y = random.randint(2020, 2035)
    form = random.choice(["到{y}年，", "到{y}年底，", "力争到{y}年，", "至{y}年，"])
    cases.append({"text": form.format(y=y) + "基本建成现代化治理体系", "kind": "target", "end": iso(y, 12, 31)})
for i in range(6):
    y = random.randint(2020, 2035)
    cases.append({"text": f"到{cn_year(y)}年，基本实现现代化", "kind": "target", "end": iso(y, 12, 31)})
for i in range(8):
    y, m = random.randint(2020, 2030), random.randint(1, 12)
    cases.append({"text": f"力争到{y}年{m}月，实现全覆盖", "kind": "target", "end": iso(y, m, mend(y, m))})
for i in range(15):
    y, m1 = random.randint(2018, 2030), random.randint(1, 10)
    m2 = random.randint(m1 + 1, 12)
    sep = random.choice(["至", "—", "－", "-", "到"])
    cases.append({"text": f"{y}年{m1}月{sep}{m2}月，开展集中整治行动", "kind": "range", "start": iso(y, m1, 1), "end": iso(y, m2, mend(y, m2))})
for i in range(10):
    y1 = random.randint(2018, 2028); y2 = y1 + random.randint(1, 5)
    sep = random.choice(["—", "至", "－", "-"])
    cases.append({"text": f"{y1}{sep}{y2}年，每年安排专项资金", "kind": "range", "start": iso(y1, 1, 1), "end": iso(y2, 12, 31)})
for i in range(10):
    y, m = random.randint(2018, 2030), random.randint(1, 12)
    d1 = random.randint(1, 20); d2 = random.randint(d1 + 1, mend(y, m))
    cases.append({"text": f"申报时间为{y}年{m}月{d1}日至{y}年{m}月{d2}日", "kind": "range", "start": iso(y, m, d1), "end": iso(y, m, d2)})
for i in range(8):
    y, m = random.randint(2018, 2030), random.randint(1, 12)
    d1 = random.randint(1, 20); d2 = random.randint(d1 + 1, mend(y, m))
    cases.append({"text": f"集中受理期为{y}年{m}月{d1}-{d2}日", "kind": "range", "start": iso(y, m, d1), "end": iso(y, m, d2)})
for i in range(8):
    y, m, d = random.randint(2010, 2030), random.randint(1, 12), random.randint(1, 28)
    sep = random.choice(["/", ".", "-"])
    cases.append({"text": f"{y}{sep}{m:02d}{sep}{d:02d}", "kind": "date", "end": iso(y, m, d)})
freqs = [("每年", "yearly"), ("每季度", "quarterly"), ("每月", "monthly"), ("每周", "weekly"), ("每半年", "half-yearly"), ("按月", "monthly"), ("按季度", "quarterly"), ("每旬", "ten-daily"), ("按年度", "yearly"), ("每日", "daily")]
acts = ["向市政府报送工作进展", "召开一次联席会议", "开展督导检查", "通报工作情况"]
for f, code in freqs:
    for a in random.sample(acts, 2):
        cases.append({"text": f"{f}{a}", "kind": "recurring", "frequency": code})
units = [("个工作日", "working_day"), ("日", "day"), ("天", "day"), ("个月", "month"), ("周", "week")]
for i in range(15):
    n = random.randint(1, 30); u, code = random.choice(units)
    num = random.choice([str(n), cn_num(n)])
    cases.append({"text": f"应当在{num}{u}内作出答复", "kind": "relative", "duration_value": str(n), "duration_unit": code})
anchors = ["收到申请之日", "受理之日", "接到通知之日"]
for i in range(6):
    n = random.randint(2, 20); a = random.choice(anchors)
    cases.append({"text": f"自{a}起{n}个工作日内办结", "kind": "relative", "duration_value": str(n), "duration_unit": "working_day", "anchor": a})
for i in range(6):
    base = dt.date(random.randint(2018, 2026), random.randint(1, 12), random.randint(1, 28)); n = random.randint(5, 60)
    cases.append({"text": f"各地自本通知印发之日起{n}日内报送方案", "kind": "relative", "base_date": base.isoformat(), "start": base.isoformat(), "end": (base + dt.timedelta(days=n)).isoformat(), "inferred": True})
for i in range(6):
    base = dt.date(random.randint(2018, 2026), random.randint(1, 6), random.randint(1, 28))
    m = random.randint(base.month + 1, 12); d = random.randint(1, mend(base.year, m))
    cases.append({"text": f"请于{m}月{d}日前报送", "kind": "by", "base_date": base.isoformat(), "end": iso(base.year, m, d), "inferred": True})
for i in range(12):
    n = random.randint(500, 3000); p = random.choice(["每人每月", "每户每年", "每人每年", "每月"])
    cases.append({"text": f"补助标准为{p}{n}元", "none": True})
for i in range(6):
    y = random.randint(2015, 2024)
    cases.append({"text": f"{y}年前三季度，全市地区生产总值同比增长", "none": True})
for i in range(6):
    y, m = random.randint(2015, 2024), random.randint(1, 12)
    cases.append({"text": f"截至{y}年{m}月，全省已累计建成", "none": True})
for i in range(6):
    y, m, d = random.randint(2015, 2024), random.randint(1, 12), random.randint(1, 28)
    ev = random.choice(["市政府常务会议审议通过", "召开全省视频会议", "省领导赴基层调研", "发生较大事故"])
    cases.append({"text": f"{y}年{m}月{d}日，{ev}", "none": True})
doc = {"cases": cases}
print(len(cases))
with open("/work/main/tests/fixtures/deadline_cases_generated.yaml", "w", encoding="utf-8") as fh:
    fh.write("# Generated by bench/gen_deadline_cases.py (seed 7): sentences from templates, expectations computed from\n# the calendar, never from the pipeline. Regenerate with: python bench/gen_deadline_cases.py\n")
    yaml.safe_dump(doc, fh, allow_unicode=True, sort_keys=False, width=200)
