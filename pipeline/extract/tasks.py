"""Who does what by when: tasks and domain assignments, from the body's "（责任单位：…）" tags and from
attachment tables (序号/工作任务/具体事项/责任单位/完成时限, 牵头单位/配合单位, 试点领域/责任部门)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterator

import regex

from .. import rules
from ..model import AssignmentRow, Mention, NormDoc, Para, Section, TableView, TaskRow
from ..orgnames import looks_like_org
from ..structure import Structure, enclosing, section_at
from .deadlines import find_deadlines
from .domains import canonical_domain
from .region import is_place_name
from .units import LEAD_FIRST, LEAD_FIRST_NOTE, split_top, split_units, unit_groups, unit_type

_BAL = r"(?:[^（）()]|[（(][^（）()]*[）)])*"


@dataclass(frozen=True, slots=True)
class _TagPatterns:
    tag: regex.Pattern[str]  # （责任单位：A、B） / （牵头单位：A；配合单位：B）
    labelled: regex.Pattern[str]  # one "牵头单位：A" part of a tag's text
    line: regex.Pattern[str]  # 牵头单位：A on a line of its own, or after a sentence
    more: regex.Pattern[str]  # a further label right after a line's units ("牵头单位：A 责任单位：B", spaces gone)
    time_line: regex.Pattern[str]  # 完成时限：2024年底前, the rest of a label block
    time_label: regex.Pattern[str]  # where a tag's units end at its 完成时限：
    time_line_label: regex.Pattern[str]  # the label opening a time_line ("【完成时间】", "完成时限：")
    next_label: regex.Pattern[str]  # a comma before a tag's next label (（责任单位：A、B，配合单位：C）)


def _label(roles: str) -> str:
    """A role label with its colon, or set in 【】 with the colon left out ("【牵头单位】市委宣传部【责任单位】…")."""
    return rf"(?:【\s*(?P<label>{roles})\s*】\s*[：:]?|(?P<label>{roles})\s*[：:])"


@rules.cached
def _patterns() -> _TagPatterns:
    """The tag patterns, built from the role labels of rules/words.yaml."""
    lead_or_resp = rules.alternation("lead_label", "responsible_label")
    roles = rules.alternation("lead_label", "co_label", "responsible_label")
    time = rules.alternation("time_label")
    aside = rules.alternation("aside_label")
    stop = rf"[；;，,、\s]*(?:{roles}|{time})\s*[：:]"
    units = rf"(?P<units>(?:(?!{stop})(?:[^。\n（）()〔〕【】\[\]]|[（(][^（）()\n]*[）)]))*)"  # up to the next label
    return _TagPatterns(
        # some sites bracket the tag in ASCII []: "[牵头单位:区卫健局;责任单位:各街办(新区)]"
        tag=regex.compile(rf"[（(〔【\[]\s*(?P<label>{lead_or_resp})\s*[：:](?P<units>{_BAL}?)[）)〕】\]]"),
        labelled=regex.compile(rf"^(?P<label>{roles})[：:](?P<units>.*)$"),
        # (a units label may follow a person's label and name with nothing between: "牵头领导：张三副县长责任部门：…")
        line=regex.compile(rf"(?:^|(?<=[。；;])|(?<=(?:{aside})\s*[：:][^。；;，,：:\n（）()]{{1,20}}))[ \t]*{_label(roles)}\s*{units}", regex.M),
        more=regex.compile(rf"[；;，,、 \t]*{_label(roles)}\s*{units}"),
        time_line=regex.compile(rf"[；;，,、。\s]*(?:【\s*(?:{time})\s*】\s*[：:]?|(?:{time})\s*[：:])[^\n]*"),  # after the units' full stop too
        time_label=regex.compile(rf"[；;，,、\s]*(?:{time})\s*[：:]"),
        time_line_label=regex.compile(rf"[；;，,、。\s]*(?:【\s*(?:{time})\s*】\s*[：:]?|(?:{time})\s*[：:])"),
        # (or no mark at all where a space between labels went: "县住建局配合单位：各乡镇人民政府", never inside a
        # longer label, 主要责任单位)
        next_label=regex.compile(rf"(?:[，,]\s*|(?<=[^\s，,；;：:、])(?<!主要|其他|牵头|配合))(?=(?:{roles})\s*[：:])"),
    )


# （省发展改革委牵头，省财政厅等按职责分工负责）
# the lead is one clause: "（A、B负责，排在第一位的部门为牵头部门，下同）" is a note, not a lead
# the time that may close a tag: "（A负责，2024年底前完成）", "（A牵头，B、C配合，2024年6月底前完成）"
# a time limit closing a tag: "…前完成", "…底前", "持续推进", or a bare period ("2024年12月", "2024年全年", "年内")
_TIME_TAIL = (
    r"(?:[，,；;]\s*(?P<limit>[^（）()：:]{2,30}?(?:前完成|底前|前|完成)|[^（）()：:]{0,30}?(?:持续推进|长期坚持)"
    r"|(?:(?:19|20)\d{2}\s*年)?(?:\d{1,2}\s*月(?:底|上旬|中旬|下旬)?|全年|年内|年底)|长期|持续|常态化))?"
)


@dataclass(frozen=True, slots=True)
class _LeadForms:
    """The ways a notice names a task's lead by a verb (rules/words.yaml lead_verb: 牵头, 主办) and the units that
    assist it (assist_verb: 配合, 协办)."""

    verb: regex.Pattern[str]  # where a lead verb stands in a text
    prose_verb: regex.Pattern[str]  # the lead verbs read outside brackets (prose_lead_verb: 牵头)
    clause_verb: regex.Pattern[str]  # where a clause's lead verb stands: 牵头, or 负责 after 由 ("由A负责，B配合")
    assist_words: tuple[str, ...]
    assists: regex.Pattern[str]  # an assisting verb closing a unit ("各县区政府配合")
    bracket: regex.Pattern[str]  # （A牵头，B、C配合） / （省财政厅主办，省国税局、地税局协办）
    sentence: regex.Pattern[str]  # "…。由市发展改革委牵头，市财政局、市自然资源局配合。"
    clause: regex.Pattern[str]  # "会议要求，市城市管理局牵头，市财政局配合，于2024年6月底前完成…"
    # a meeting's decision naming its lead alone (rules/words.yaml decision_lead_in): "会议要求，由县城管局牵头，6月
    # 底前完成整治" (elsewhere a lone "由X负责，" is prose: a law's "由其主管部门给予处分")
    lone_clause: regex.Pattern[str]


@rules.cached
def _lead_forms() -> _LeadForms:
    lead = rf"(?:{rules.alternation('lead_verb')})(?!单位|部门|处室|主业)"
    prose = rf"(?:{rules.alternation('prose_lead_verb')})(?!单位|部门|处室)"
    assist = rules.alternation("assist_verb")
    adverb = rf"(?:{rules.alternation('assist_adverb')})?"  # "各区政府具体落实": how they assist, no unit's name
    tail = rf"(?:{rules.alternation('lead_verb_tail')})?"  # "（由县发改局牵头实施）"
    duty = rules.alternation("duty_adverb")  # how assisting units share the work: "按职责分工", "按职能分别"
    # "（A、B分别牵头）": the adverb is read before the verb so no unit's name keeps it
    lead = rf"(?:{rules.alternation('lead_adverb')})?{lead}"
    prose = rf"(?:{rules.alternation('lead_adverb')})?{prose}"
    return _LeadForms(
        verb=regex.compile(lead),
        prose_verb=regex.compile(prose),
        clause_verb=regex.compile(rf"{prose}|(?<=由[^。；，,（）()：:\n]{{2,40}})负责(?=[，,、])"),
        assist_words=tuple(rules.word_rules()["assist_verb"].words),
        assists=regex.compile(rf"{adverb}(?:{assist}|落实)$"),
        # the assisting units never open with a date: "（县住建局牵头，2023年底前完成）" names none
        bracket=regex.compile(
            rf"[（(〔]由?(?P<lead>[^（）()〔〕：:，,；;。]{{2,60}}?){lead}{tail}[，,、；;]?(?P<co>(?!\s*(?:(?:19|20)\d{{2}}\s*年|\d{{1,2}}\s*月|年底|年内|长期|持续)){_BAL}?)"
            rf"(?:{duty})?{adverb}(?:负责落实|负责|落实|{assist})?{_TIME_TAIL}[）)〕]"
        ),
        # a sentence of its own closing an item's paragraph, no brackets (units only: a clause with anything
        # else is prose)
        sentence=regex.compile(
            rf"(?:^|(?<=[。；]))[ \t]*由?(?P<lead>[^。；，,（）()：:\n]{{2,60}}?){prose}{tail}"
            rf"(?:[，,]\s*(?P<co>[^。；（）()：:\n]{{2,80}}?)(?:等(?:部门|单位))?(?:{duty})?(?:{assist}|负责落实|负责|落实))?"
            + _TIME_TAIL + r"[。；]?[ \t]*$",  # "…配合，2022年10月底前完成。"
            regex.M,
        ),
        # inside a sentence, where both the lead and the assisting units are named (a 纪要's decision,
        # "由市发改委牵头，市财政局等部门配合，加快…")
        # ("由A负责，B配合": 负责 names the lead only after 由, with the assisting units named)
        clause=regex.compile(
            rf"(?:^|(?<=[。；，,：:]))[ \t]*(?:由(?P<lead>[^。；，,（）()：:\n要应]{{2,40}}?)(?:{prose}|负责)|(?P<lead>[^。；，,（）()：:\n要应]{{2,40}}?){prose}){tail}[，,、]\s*"
            rf"(?P<co>[^。；，,（）()：:\n要应]{{2,60}}?)(?:等(?:部门|单位))?(?:按职责分工(?:{assist}|负责)|{assist})(?=[，,。；])",
            regex.M,
        ),
        # ("会议决定，由市住建局牵头，会同市财政局制定实施细则": the units it acts with, rules/words.yaml with_verb,
        # assist, named before the work they do together)
        lone_clause=regex.compile(
            rf"(?<=(?:{rules.alternation('decision_lead_in')})[，,：:])[ \t]*由?(?P<lead>[^。；，,（）()：:\n要应]{{2,40}}?){prose}{tail}"
            rf"(?:[，,]\s*(?:{rules.alternation('with_verb')})(?P<co>[^。；，,（）()：:\n要应]{{2,40}}?)(?:等(?:有关)?(?:部门|单位))?"
            r"(?=研究|制定|推进|开展|做好|落实|完善|建立|组织|抓好|实施|编制|起草|出台)|(?P<co>)(?=[，,]))"
        ),
    )


# （国家发展改革委、财政部等按职责分工负责）: the units named are all responsible, none is singled out to lead
# （A负责）, （各县（市、区）人民政府负责）, （A、B按职责分工负责，各区政府落实）, （A负责，2024年底前完成）
@rules.cached
def _responsible() -> regex.Pattern[str]:
    # a list of units may be bracketed 〔…〕 when its units carry (…) ("〔省发展改革委、省数据局（省营商局）等按职责分工负责〕")
    # ("…按职责分工落实", "…分别实施": carrying out by their duties is being responsible, with the duty words only;
    # how they share it, rules/words.yaml duty_adverb: "（A、B、C分工负责）", "（A、B按职能分别负责）")
    how = rules.alternation("duty_adverb")
    return regex.compile(
        r"[（(〔]由?(?P<units>(?:[^（）()〔〕：:牵]|[（(][^（）()：:]{1,12}[）)]){2,80}?)等?"
        rf"(?:(?:{how})?(?:负责|指导|负责落实|组织实施|督促指导)|(?:{how})(?:落实|实施|推进))"
        r"(?:[，,；;]\s*(?P<co>(?:[^（）()：:，,；;。]|[（(][^（）()：:]{1,12}[）)]){2,40}?)(?:落实|配合|参与|协助|协同))?"
        + _TIME_TAIL +
        rf"(?:[，,；;。]\s*{LEAD_FIRST}(?:[，,；;]\s*下同)?)?[）)〕]"
    )


@rules.cached
def _sentence_responsible() -> regex.Pattern[str]:
    """The same said as a sentence of units alone closing an item after its text: "…压缩至1个工作日。市市场监管局、
    市公安局、市税务局按职责分工负责。", "…。市发展改革委负责，各区人民政府落实。" (outside brackets the units must
    all be units, no verb among them; never a paragraph's only sentence, and never "X对Y负责", a law's
    statement of accountability)"""
    how = rules.alternation("duty_adverb")
    return regex.compile(
        rf"(?<=[。；])[ \t]*由?(?P<units>[^。；（）()：:，,\n牵要应对向的负]{{2,80}}?)等?(?:{how})?"
        r"(?:负责|负责落实|组织实施|督促指导)"
        r"(?:[，,]\s*(?P<co>[^。；（）()：:，,\n要应]{2,40}?)(?:落实|配合|参与|协助|协同))?"
        + _TIME_TAIL + r"[。；]?[ \t]*$",
        regex.M,
    )


@rules.cached
def _bare_units() -> regex.Pattern[str]:
    """Units alone in brackets closing an item, no label and no verb ("…增长6.5%左右。（市发展改革委、市统计局，各县市区
    政府）", "…。（市工业和信息化局；责任人：李四）": a 政府工作报告's 分工), their limit after them or not ("（市公安局、
    市交通运输局，2024年6月底前）"). Only after a finished sentence at the end of its line, no digit among the units
    and no note inside (（以下简称…）, （含县级）); find_tags checks that every part is a unit."""
    aside = rules.alternation("aside_label")
    return regex.compile(
        r"(?<=[。；;！])[ \t]*[（(](?P<units>(?:[^（）()：:。；;\n\d]|[（(][^（）()\n\d]{1,12}[）)]){2,80}?)"
        rf"(?:[；;，,]\s*(?:{aside})\s*[：:][^（）()\n]{{0,40}})?{_TIME_TAIL}[）)][ \t]*$",
        regex.M,
    )


@rules.cached
def _bracket_note() -> regex.Pattern[str]:
    """A bracket that is no bare list of units: a note (rules/words.yaml bracket_note) or a lead or assist verb
    (lead_verb, assist_verb, lead_verb_tail), which the tag forms above read."""
    return regex.compile(rf"{rules.words('bracket_note').pattern}|{rules.alternation('lead_verb', 'assist_verb', 'lead_verb_tail')}")


# an item headed by its units, then its duties: "区农业农村局：负责统筹…", "街道消委办。牵头开展…"
_DUTY_HEAD = regex.compile(r"^(?P<units>[^，,。；;：:（）()]{2,60}?(?:[（(][^（）()]{1,12}[）)])?)\s*[：:。]")
# a paragraph that opens with its units and their duty: "房管所、规建生态办负责牵头组织…；", "镇（街）负责受理…",
# "市民政部门牵头会同…", "市、区残联要加强…"
_DUTY_SUBJECT = regex.compile(
    r"^(?P<units>(?:[^，,。；;：:（）()\s]|[（(][^（）()，,。；;：:\s]{1,12}[）)]){2,40}?)(?:(?:牵头)?负责|牵头(?=会同|会|组织|制定|拟订|开展|推进|协调)|要|应当|应)"
)


# a paragraph that opens with the units assisting a lead named next, then the work: "市发展改革委配合市商务局统筹开展
# 汽车以旧换新相关工作。" (the lead ends at an organisation's last word, the work opens with its verb)
_ASSIST_SUBJECT = regex.compile(
    r"^(?P<units>[^，,。；;：:（）()\s]{2,40}?)(?:协助|配合)(?P<lead>[^，,。；;：:（）()\s、]{2,24}?(?:局|委|办|厅|部|中心|公司|集团|政府|委员会|管委会))"
    r"(?=统筹|做好|开展|推进|落实|负责|完成|抓好|组织|实施|共同|加强|加快|制定|指导)"
)


def _duty_units(head: str) -> list[str]:
    """The units a duty item or paragraph is headed by, or none when a piece is no unit or says something
    (rules/words.yaml duty_statement: "公安机关履行下列职责")."""
    units = split_units(head)
    statement = rules.words("duty_statement")
    return units if units and all(_unitish(u) and not statement.search(u) for u in units) else []


_RESPONSIBLE_WORDS = ("负责", "组织实施", "督促指导")  # one of them in an item, or no sentence of units to look for
_SENTENCE_END = regex.compile(r"[。；\n]|$")
_CLAUSE_START = regex.compile(r"[。；，,：:\n][^。；，,：:\n]{0,41}$")


def _clause_matches(text: str, start: int, end: int, clause: regex.Pattern[str]) -> Iterator[regex.Match[str]]:
    """A clause form's matches, tried only where a clause holding a lead verb starts (the pattern scanned at
    every position cost a tenth of the task stage on the seeds' tables)."""
    forms = _lead_forms()
    done = start
    verb = forms.clause_verb.search(text, start, end)
    while verb is not None:
        at = verb.start()
        lo = max(done, at - 42)
        before = _CLAUSE_START.search(text, lo, at)
        begin = before.start() + 1 if before is not None else lo
        if begin >= done:
            m = clause.match(text, begin, end)
            if m is not None:
                yield m
                done = m.end()
        verb = forms.clause_verb.search(text, max(at + 2, done), end)


_FULL_PLACE = regex.compile(r"\p{Han}{2,}(?:省|市|县|区|州|旗|盟)$")


def _unitish(u: str) -> bool:
    """A unit the lexicon does not type is still a unit when its name ends as organisations' names do; a
    place named in full (郑州市, 兰考县) stands for its government."""
    return (
        unit_type(u) != "其他"
        or "部门" in u
        or looks_like_org(u)
        or (len(u) <= 20 and bool(rules.words("unit_end").search(u)))
        or bool(_FULL_PLACE.match(u)) and is_place_name(u)
        or bool(rules.words("place_collective").match(u))  # 相关区, 各县区: the governments of those places
    )


_DOMAIN_GLUE = regex.compile(r"[、，,和及与等；;。\s]|领域|方面|工作")
_DUE_KINDS = ("by", "target", "date", "range")


@dataclass(slots=True)
class Tag:
    start: int
    end: int
    lead: list[str]
    co: list[str]
    explicit_roles: bool
    line: bool = False  # labelled lines (牵头单位：A), not a bracketed tag
    limit: tuple[int, int] | None = None  # its labelled time-limit line (完成时限：…), the task's own limit
    rest: tuple[int, int] | None = None  # a clause's: the sentence after it, the task's text too ("…配合，于6月底前完成改造")


def _parse_tag_units(label_units: str, label: str = "") -> tuple[list[str], list[str], bool]:
    """'牵头单位：A；配合单位：B、C' or 'A、B，C、D' -> (lead, co, explicit). `label`: the label the units came
    after, which the first part keeps when a later part has a label of its own ('A、B，配合单位：C' after
    责任单位：)."""
    parts = [q for p in split_top(label_units, "；;") for q in _patterns().next_label.split(p)]
    if label and len(parts) > 1 and not _patterns().labelled.match(parts[0]) and any(_patterns().labelled.match(p) for p in parts[1:]):
        parts[0] = f"{label}：{parts[0]}"
    lead: list[str] = []
    co: list[str] = []
    explicit = False
    labelled = [m for m in (_patterns().labelled.match(p) for p in parts) if m]
    has_lead = any(rules.words("lead_label").match(m.group("label")) for m in labelled)
    for m in labelled:
        explicit = True
        label = m.group("label")
        # 责任单位 beside a 牵头单位 names the units that carry it out with the lead: co
        is_lead = bool(rules.words("lead_label").match(label)) or (not has_lead and bool(rules.words("responsible_label").match(label)))
        (lead if is_lead else co).extend(split_units(_tag_units(m.group("units"))))
    if explicit:
        return lead, co, True
    groups = unit_groups(label_units)
    if not groups:
        return [], [], False
    # "各县区政府，市直有关部门配合": the verb that says they assist is no part of the unit's name
    assists = _lead_forms().assists
    return groups[0], [assists.sub("", u) or u for g in groups[1:] for u in g], False


@rules.cached
def _duty_tail() -> regex.Pattern[str]:
    """What closes a labelled tag's units: how they share the work (rules/words.yaml duty_adverb) and the verb."""
    return regex.compile(rf"等?(?:{rules.alternation('duty_adverb')})?(?:负责|落实|实施)?$")


def _tag_units(units: str) -> str:
    """The units of a labelled tag without what follows them: 〔责任单位：A、B按职责分工负责。具体任务均涉及
    相关市（州）人民政府，不再做分工，下同。〕 -> 'A、B'; （责任部门：A；完成时限：2023年12月） -> 'A'."""
    units = units.split("。")[0]
    time = _patterns().time_label.search(units)
    if time:
        units = units[: time.start()]
    aside = rules.words("aside_label").search(units)
    if aside:
        units = units[: aside.start()]  # "…；责任领导：王五": a person, no unit
    return _duty_tail().sub("", units.strip()).strip()


_MARKED_LEAD = regex.compile(r"(?P<unit>[^、，,；;（）()]+?)\s*[（(]\s*牵头\s*[）)]")


def _block_units(label: str, units: str) -> tuple[list[str], list[str]]:
    """(lead, co) of one labelled line. 责任单位：A（牵头），B、C -> A leads, B and C assist."""
    units = units.strip().rstrip("；;，,、")
    if rules.words("lead_label").match(label):
        return split_units(units), []
    if rules.words("co_label").match(label):
        return [], split_units(units)
    marked = [m.group("unit").strip() for m in _MARKED_LEAD.finditer(units)]
    if marked:
        rest = [u for u in split_units(_MARKED_LEAD.sub(lambda m: m.group("unit"), units)) if u not in marked]
        return [u for m in marked for u in split_units(m)], rest
    lead, co, _ = _parse_tag_units(units)
    return lead, co


@rules.cached
def _aside_before() -> regex.Pattern[str]:
    """A person's or a note's label and value ending right where a labelled line of units starts (rules/words.yaml
    aside_label: 牵头领导：张某某副县长；)."""
    aside = rules.alternation("aside_label")
    return regex.compile(rf"(?:(?<=[。；;，,：:\s])|^)(?:{aside})\s*[：:][^。；;，,：:\n]{{1,30}}[；;，,\s]*$")


def _label_blocks(text: str, start: int, end: int) -> list[Tag]:
    """Units named on labelled lines under a task (牵头单位：A / 配合单位：B / 完成时限：…), common in the task
    lists of implementation plans: consecutive labelled lines are one tag; a time-limit line right after
    them belongs to it, so the task's limit is found inside the task."""
    pat = _patterns()
    out: list[Tag] = []
    matches: list[regex.Match[str]] = []
    for m in pat.line.finditer(text, start, end):
        if matches and m.start() < matches[-1].end():
            continue  # read already as a label following another on its line
        matches.append(m)
        while (more := pat.more.match(text, matches[-1].end(), end)) is not None and more.end() > matches[-1].end():
            matches.append(more)
    for m in matches:
        label = m.group("label")
        lead, co = _block_units(label, m.group("units"))
        if not lead and not co:
            continue
        if not all(_unitish(u) for u in lead + co):
            continue  # 责任单位：按属地原则 is a principle, not a unit
        # a 牵头单位 or 配合单位 line, or a unit marked （牵头）, says who leads; 责任单位 alone does not
        marks = bool(rules.words("lead_label").match(label) or rules.words("co_label").match(label) or _MARKED_LEAD.search(m.group("units")))
        prev = out[-1] if out else None
        if prev is not None and not text[prev.end : m.start()].strip("；;，,、。 \t\n") :
            if prev.explicit_roles and prev.lead and not marks:
                lead, co = [], lead + co  # 责任单位 after a 牵头单位 line: the units that carry it out with the lead
            prev.lead.extend(u for u in lead if u not in prev.lead)
            prev.co.extend(u for u in co if u not in prev.co and u not in prev.lead)
            prev.explicit_roles = prev.explicit_roles or marks
            prev.end = m.end()
        else:
            # a person's label just before the units ("牵头领导：张某某副县长；责任单位：…") is the tag's too, not
            # the task's text
            aside = _aside_before().search(text, max(start, m.start() - 48), m.start())
            prev = Tag(aside.start() if aside is not None else m.start(), m.end(), lead, co, marks, line=True)
            out.append(prev)
        after = pat.time_line.match(text, prev.end, end)
        if after:
            prev.limit = (after.start(), after.end())
            prev.end = after.end()
    return out


def find_tags(text: str, start: int, end: int) -> list[Tag]:
    tags: list[Tag] = []
    for m in _patterns().tag.finditer(text, start, end):
        if any(t.start <= m.start() < t.end for t in tags):
            continue
        units = _tag_units(m.group("units"))
        if rules.words("lead_label").match(m.group("label")):
            lead, co, explicit = _parse_tag_units(f"牵头单位：{units}")
        else:
            lead, co, explicit = _parse_tag_units(units, m.group("label"))
        if lead or co:
            # "（责任单位：A；完成时限：6月底）": the tag's own limit, after its label
            time = _patterns().time_label.search(text, m.start("units"), m.end("units"))
            limit = (time.end(), m.end("units")) if time is not None else None
            tags.append(Tag(m.start(), m.end(), lead, co, explicit, limit=limit))
    # "（A牵头，B配合）" in brackets, or the same said as a sentence of units alone closing an item, where the
    # assisting units must be units too (outside brackets anything else is prose)
    chunk = text[start:end]
    # each of these names a lead by a lead verb (牵头, 主办); the clause inside a sentence names assisting units too
    forms = _lead_forms()
    # (a clause naming the lead alone comes last: where the assisting units are named too, the clause with them)
    lead_forms = (
        ((forms.bracket, False), (forms.sentence, True), (forms.clause, True), (forms.lone_clause, True))
        if forms.verb.search(chunk) or "由" in chunk and "负责" in chunk
        else ()
    )
    for pattern, co_checked in lead_forms:
        in_clause = pattern is forms.clause or pattern is forms.lone_clause
        if pattern is forms.clause and not any(w in chunk for w in forms.assist_words) and "按职责分工" not in chunk:
            continue  # (no assisting verb, nor units that act "按职责分工": no clause naming assisting units)
        for m in _clause_matches(text, start, end, pattern) if in_clause else pattern.finditer(text, start, end):
            if any(t.start <= m.start() < t.end for t in tags):
                continue
            lead = split_units(m.group("lead"))
            co = split_units(m.group("co").strip().removesuffix("等")) if m.group("co") else []
            # the lead must be a unit: a typed department, a collective (有关部门) or an organisation's name
            # (街安监站, 县大数据中心), not a phrase that happens to precede 牵头
            if lead and all(_unitish(u) for u in lead) and (not co_checked or all(_unitish(u) for u in co)):
                # a clause inside a sentence: the sentence's rest ("…配合，于6月底前完成…") is the task's too
                stop = _SENTENCE_END.search(text, m.end(), end) if in_clause else None
                rest = (m.end(), stop.start()) if stop is not None else None
                tags.append(Tag(m.start(), stop.end() if stop is not None else m.end(), lead, co, True, rest=rest))
    sentences = _sentence_responsible().finditer(text, start, end) if any(w in chunk for w in _RESPONSIBLE_WORDS) else ()
    for m in (*_responsible().finditer(text, start, end), *sentences):
        if any(t.start <= m.start() < t.end or m.start() <= t.start < m.end() for t in tags):
            continue
        raw = m.group("units")
        if "由" in raw.lstrip("由"):
            continue  # "（技工院校内由人力资源社会保障行政部门负责）": a note on who acts in one setting, not a task's tag
        assisting = split_units(m.group("co")) if m.group("co") else []
        named = split_units(raw.lstrip("由"))
        joint = rules.words("with_verb").search(raw)
        if joint is not None:  # "A会同B负责": A leads, B assists
            named, assisting = split_units(raw[: joint.start()].lstrip("由")), split_units(raw[joint.end() :]) + assisting
        if named and all(_unitish(u) for u in named) and all(_unitish(u) for u in assisting):
            tags.append(Tag(m.start(), m.end(), named, assisting, bool(assisting)))
    if "）" in chunk or ")" in chunk:
        for m in _bare_units().finditer(text, start, end):
            if any(t.start < m.end() and m.start() < t.end for t in tags) or _bracket_note().search(m.group("units")):
                continue
            lead, co, _ = _parse_tag_units(m.group("units"))
            named = lead + co
            # every part a unit, one at least a typed department or an organisation's name (not a bare collective)
            if named and all(_unitish(u) for u in named) and any(unit_type(u) != "其他" or looks_like_org(u) for u in named):
                # the limit after the units is the task's ("（市卫生健康委，2024年12月）": done by the month's end)
                limit = m.span("limit") if m.group("limit") else None
                tags.append(Tag(m.start(), m.end(), lead, co, False, limit=limit))
    # labelled lines outside brackets (a bracketed "（牵头单位：A；配合单位：B）" is one tag already)
    tags.extend(b for b in _label_blocks(text, start, end) if not any(t.start < b.end and b.start < t.end for t in tags))
    note = LEAD_FIRST_NOTE.search(text, 0, end)
    if note is not None:
        # "列第一位者为牵头单位，下同": from the note on, the first unit of a plain list leads, the rest assist
        for t in tags:
            if t.end > note.start() and not t.explicit_roles and len(t.lead) > 1 and not t.co:
                t.lead, t.co, t.explicit_roles = t.lead[:1], t.lead[1:], True
    return sorted(tags, key=lambda t: t.start)


_ITEM_NUMBER = regex.compile(r"^\s*\d{1,2}[.．、]|^（\d{1,2}）")


def _domain_item(text: str, start: int, end: int, mentions: list[Mention]) -> list[str]:
    """The canonical domains when text[start:end] names only domains ('城乡规划领域、征地补偿领域'), else [].

    Uses the document's mentions, found once, rather than running the spaCy pipeline again per item."""
    found = [(m.start - start, m.end - start, m.canonical) for m in mentions if start <= m.start and m.end <= end]
    if not found:
        return []
    rest = text[start:end]
    for s, e, _ in sorted(found, reverse=True):
        rest = rest[:s] + rest[e:]
    rest = _ITEM_NUMBER.sub("", rest)
    if _DOMAIN_GLUE.sub("", rest):
        return []
    seen: list[str] = []
    for _, _, c in found:
        if c not in seen:
            seen.append(c)
    return seen


_UNDATED_KINDS = ("ongoing", "recurring")


def _own_limit(text: str, base_date: str | None) -> tuple[str, str]:
    """(words, due date) of a tag's labelled limit ("完成时限：6月底", "年内", "2024年底前", "长期坚持"): a
    yearless one takes the year of the document's date, as a 完成时限 cell does; one that names no date
    ("长期坚持", "每季度") keeps its words with no due date."""
    label = _patterns().time_line_label.match(text)
    text = text[label.end() :] if label is not None else text  # "【完成时间】2024年11月": the words after the label
    found = find_deadlines(text.strip(), base_date=base_date)
    dated = [d for d in found if d.kind in _DUE_KINDS and d.end]
    if dated:
        return dated[0].text, dated[0].end
    undated = next((d for d in found if d.kind in _UNDATED_KINDS), None)
    if undated is not None:
        return undated.text, ""
    # a limit no rule reads ("完成时限：立行立改", "即时办理", "按省统一部署"): the label's words as written, no date
    words = text.strip().strip("；;，,。 ")
    return (words, "") if 0 < len(words) <= MAX_LIMIT_WORDS and not _SENTENCE_MARK.search(words) else ("", "")


MAX_LIMIT_WORDS = 20  # a labelled limit longer than this is a sentence, not a time limit
_SENTENCE_MARK = regex.compile(r"[。；;！？：:]")


def _due(text: str, *, latest: bool = False, after: str | None = None) -> tuple[str, str]:
    """The first time limit with an end date in the text; with `latest`, the one that ends last (a 完成时限 cell
    that lists stages, "2024年6月底前完成设计，12月底前完工", is done at its last). The traps of the deadlines table
    apply: "2018年4月30日（含当日）前注册登记的新能源乘用车" describes the cars, it sets no limit. A limit that ended
    before `after` (the document's date) is history told in the item ("截至2023年12月31日前已处理…"), not its due date."""
    found = [(d.text, d.end) for d in find_deadlines(text) if d.kind in _DUE_KINDS and d.end and not (after and d.end < after)]
    if not found:
        return "", ""
    return max(found, key=lambda f: f[1]) if latest else found[0]


def _para_before(doc: NormDoc, start: int) -> Para | None:
    prev = None
    for p in doc.paras:
        if p.start >= start:
            break
        prev = p
    return prev


_RUN_IN = regex.compile(r"^(?P<title>[^。；;！？，,：:\n（）()]{4,25})[。；;！？]")


def _run_in_titles(tasks: list[TaskRow]) -> list[TaskRow]:
    """Several tasks of one section, each a paragraph of its own under the heading (a list whose item numbers
    the text lost: "培育各类工业互联网平台。重点培育…（责任单位：…）"), are titled by their run-in first
    sentences, not all by the heading above them."""
    by_title: dict[tuple[str, str], list[int]] = {}
    for i, t in enumerate(tasks):
        if t.section_id and t.source == "body":
            by_title.setdefault((t.section_id, t.title), []).append(i)
    out = list(tasks)
    for (_, title), idx in by_title.items():
        heads = [_RUN_IN.match(tasks[i].detail) for i in idx]
        if len(idx) < 2 or not all(heads) or any(h.group("title") == title for h in heads if h):
            continue
        for i, h in zip(idx, heads):
            if h is not None:
                out[i] = replace(tasks[i], title=h.group("title"))
    return out


def extract_tasks(doc: NormDoc, st: Structure, mentions: list[Mention], base_date: str | None = None) -> tuple[list[TaskRow], list[AssignmentRow]]:
    """Task rows (an item and the units its tag names) from the body text, then from the attachment tables;
    an item that names only policy domains becomes assignments (domain x unit) instead. `base_date`, the
    document's own date, gives a tag's yearless limit ("完成时限：6月底") its year."""
    builder = _TaskBuilder(doc, mentions, base_date)
    builder.body(list(st.sections), st.body_ranges(doc))
    builder.tasks = _run_in_titles(builder.tasks)
    builder.headed_groups(list(st.sections), st.body_ranges(doc))
    builder.tagged_headings(list(st.sections), st.body_ranges(doc))
    builder.duty_lists(list(st.sections), st.body_ranges(doc))
    builder.untagged_siblings(list(st.sections), st.body_ranges(doc))
    for t in doc.tables:
        builder.table(t)
    return builder.tasks, builder.assignments


class _TaskBuilder:
    def __init__(self, doc: NormDoc, mentions: list[Mention], base_date: str | None = None) -> None:
        self.doc = doc
        self.mentions = mentions
        self.base_date = base_date
        self.tasks: list[TaskRow] = []
        self.assignments: list[AssignmentRow] = []

    def _task_id(self) -> str:
        return f"t{len(self.tasks) + 1}"

    def body(self, sections: list[Section], body_ranges: list[tuple[int, int]]) -> None:
        doc = self.doc
        text = doc.text
        prev_end: dict[str, int] = {}  # where the previous tag of a section ended
        ends: list[int] = []  # where every tag so far ended
        own_levels: set[int] = set()  # levels of the items tags so far named units of directly
        by_id = {s.section_id: s for s in sections}
        for r_start, r_end in body_ranges:
            for tag in find_tags(text, r_start, r_end):
                para = doc.para_at(tag.start)
                if para is None or tag.line and para.kind != "para":
                    continue  # a labelled cell of a table row is read with its table
                sec = section_at(sections, tag.start) or enclosing(sections, tag.start)
                key = sec.section_id if sec else ""
                if key in prev_end and prev_end[key] >= para.start:
                    item_start = prev_end[key]
                elif sec is not None and sec.start_char >= para.start:
                    item_start = sec.start_char
                else:
                    item_start = para.start
                prev_end[key] = tag.end
                if not text[item_start : tag.start].strip("。；，、 \n"):
                    # the tag stands on its own line under its item ("（农业农村部指导）"): the item is the
                    # paragraph before it, unless that is a heading
                    before = _para_before(doc, para.start)
                    if before is not None and before.kind == "para" and (sec is None or before.start >= sec.start_char):
                        item_start = before.start
                    parent = by_id.get(sec.parent_id) if sec is not None and before is not None and before.start == sec.start_char else None
                    if parent is not None and self._covers_list(parent, sections, ends, tag.start, sec is not None and sec.level in own_levels):
                        # the tag closes a list of sub-items ((1)…(2)… then （责任单位：…）): it names the
                        # units of their parent item, as the sub-items have no tags of their own
                        sec, key, item_start = parent, parent.section_id, parent.start_char
                if sec is not None:
                    own_levels.add(sec.level)
                ends.append(tag.end)
                item = text[item_start : tag.start]
                if sec is not None and item_start == sec.start_char:
                    item = item[len(sec.label) :].lstrip("、．.")
                domains = _domain_item(text, tag.start - len(item), tag.start, self.mentions)
                if domains:
                    self._assign(domains, tag.lead, tag.co, "body", doc.page_at(item_start), item_start, tag.end)
                    continue
                detail = item.replace("\n", "").strip("。；，、 ")
                if sec is not None and detail.startswith(sec.heading):
                    detail = detail[len(sec.heading) :].lstrip("。！？ ")
                after = text[slice(*tag.rest)].replace("\n", "").strip("。；，,、 ") if tag.rest else ""
                if after:
                    detail = f"{detail}，{after}" if detail else after
                # (the item ends where its tag starts: "一是清理妨碍统一市场的政策措施（县市场监管局牵头）；二是…")
                counted = rules.words("inline_item").match(f"{detail}。")
                title = counted.group("title") if counted else sec.heading if sec is not None else detail[:40]
                units = tag.lead + tag.co
                marked_lead, marked_co = (tag.lead, tag.co) if tag.explicit_roles else ([], [])
                deadline_text, due = _own_limit(text[slice(*tag.limit)], self.base_date) if tag.limit else ("", "")
                if not deadline_text:
                    deadline_text, due = _due(text[item_start : tag.end], after=self.base_date)
                self.tasks.append(
                    TaskRow(
                        doc.doc_id, self._task_id(), key, title, detail, "；".join(units), tag.lead[0] if tag.lead else "",
                        "；".join(marked_lead), "；".join(marked_co), deadline_text, due, "body", doc.page_at(item_start),
                        text[item_start : tag.end], item_start, tag.end,
                    )
                )

    def untagged_siblings(self, sections: list[Section], body_ranges: list[tuple[int, int]]) -> None:
        """Items beside tagged ones that name no unit are tasks too, with no units, so an analyst can ask which
        tasks have nobody responsible: the siblings (same parent, same level) of every tagged item, unless a
        sub-item of theirs carries a tag or they state aims (rules/words.yaml not_task_heading). Body task
        rows are then numbered in the order of the text."""
        tagged = [t for t in self.tasks if t.source == "body"]
        if not tagged:
            return
        text = self.doc.text
        by_id = {s.section_id: s for s in sections}
        tagged_ids = {t.section_id for t in tagged}
        # an item whose tag named domains' units became assignments: it has units
        starts = [t.start_char for t in tagged] + [a.start_char for a in self.assignments]
        not_task = rules.words("not_task_heading")
        added: list[TaskRow] = []
        duty = rules.words("duty_heading")
        for sid in sorted(tagged_ids - {""}):
            sec = by_id.get(sid)
            if sec is None or duty.match(sec.heading):
                continue  # the duties listed under a 职责分工 part make no task of the parts beside it (组织领导, 督导)
            for sib in sections:
                if sib.parent_id != sec.parent_id or sib.level != sec.level or sib.section_id in tagged_ids:
                    continue
                if not_task.match(sib.heading) or any(a.section_id == sib.section_id for a in added):
                    continue
                range_end = next((e for s, e in body_ranges if s <= sib.start_char < e), None)
                if range_end is None:
                    continue
                end = next((s.start_char for s in sections if s.start_char > sib.start_char and s.level <= sib.level), range_end)
                end = min(end, range_end)
                if any(sib.start_char <= x < end for x in starts):
                    continue  # a sub-item carries a tag: its task stands for it
                para = self.doc.para_at(sib.start_char)
                para_end = min(para.end, end) if para is not None else end
                detail = text[sib.start_char : para_end][len(sib.label) :].lstrip("、．.").replace("\n", "").strip("。；，、 ")
                if detail.startswith(sib.heading):
                    detail = detail[len(sib.heading) :].lstrip("。！？ ")
                deadline_text, due = _due(text[sib.start_char : end], after=self.base_date)
                # the item's text may open with the units that act on it ("市发展改革委要会同有关部门，…建成…")
                subject = _DUTY_SUBJECT.match(detail) if not detail.startswith("由") else None  # "由A负责…" alone is prose
                units = _duty_units(subject.group("units")) if subject is not None else []
                if not all(unit_type(u) != "其他" or looks_like_org(u) for u in units):
                    units = []  # "执法部门与行业组织要…", "各地、各有关部门要…": no department named
                added.append(
                    TaskRow(
                        self.doc.doc_id, "", sib.section_id, sib.heading, detail, "；".join(units), units[0] if units else "", "", "",
                        deadline_text, due, "body", self.doc.page_at(sib.start_char), text[sib.start_char : para_end], sib.start_char, para_end,
                    )
                )
        self._merge_body(added)

    def _merge_body(self, added: list[TaskRow]) -> None:
        """Body task rows with `added` among them in text order, numbered again (table rows after them)."""
        if not added:
            return
        body = sorted([t for t in self.tasks if t.source == "body"] + added, key=lambda t: t.start_char)
        rest = [t for t in self.tasks if t.source != "body"]
        self.tasks = [replace(t, task_id=f"t{i + 1}") for i, t in enumerate(body + rest)]

    def headed_groups(self, sections: list[Section], body_ranges: list[tuple[int, int]]) -> None:
        """A task list grouped by lead: a heading that names the units leading the items under it
        ("一、县示范区管委会牵头工作（8项）", rules/words.yaml lead_heading) makes each of its items with no task of
        its own a task of those units (the first leads). Body task rows are then numbered in text order."""
        heading = rules.words("lead_heading")
        covered = [(t.start_char, t.end_char) for t in self.tasks if t.source == "body"]
        added: list[TaskRow] = []
        for sec in sections:
            m = heading.match(sec.heading)
            if m is None:
                continue
            units = split_units(m.group("units"))
            if not units or not all(_unitish(u) for u in units):
                continue
            added += self._item_rows(sections, sec, body_ranges, covered, "；".join(units), units[0], marked=("；".join(units), ""))
        self._merge_body(added)

    def duty_lists(self, sections: list[Section], body_ranges: list[tuple[int, int]]) -> None:
        """A part that lists each unit's duties (rules/words.yaml duty_heading: "二、职责分工") over items headed by
        units ("（一）区农业农村局：负责统筹…", "1.街道消委办。牵头开展…"): each such item with no task of its own is a
        task of its units, the first leading; an item whose head is no unit is left alone."""
        heading = rules.words("duty_heading")
        covered = [(t.start_char, t.end_char) for t in self.tasks if t.source == "body"]
        by_id = {s.section_id: s for s in sections}
        added: list[TaskRow] = []
        for sec in sections:
            if heading.match(sec.heading) is None:
                continue
            for row in self._item_rows(sections, sec, body_ranges, covered, "", "", marked=("", "")):
                m = _DUTY_HEAD.match(row.detail)
                if m is None or by_id[row.section_id].label.startswith("第"):
                    # a law's article (第十条 公安机关履行下列职责：) states duties, no task; an article that opens with
                    # named departments and their duty ("第十六条 市商务局牵头制定…；负责…", a 实施细则's 责任分工) gives one
                    subject = _DUTY_SUBJECT.match(row.detail)
                    named = _duty_units(subject.group("units")) if subject is not None else []
                    if named and all(unit_type(u) != "其他" or looks_like_org(u) for u in named):
                        added.append(replace(row, units="；".join(named), lead_unit=named[0]))
                    continue
                units = _duty_units(m.group("units"))
                if not units:
                    continue
                detail = row.detail[m.end() :].strip("。；，、 ")
                added.append(replace(row, title=m.group("units"), detail=detail or row.detail, units="；".join(units), lead_unit=units[0]))
            if not any(s.parent_id == sec.section_id for s in sections):
                added += self._duty_paragraphs(sec, body_ranges, covered)
        self._merge_body(added)

    def _duty_paragraphs(self, sec: Section, body_ranges: list[tuple[int, int]], covered: list[tuple[int, int]]) -> list[TaskRow]:
        """The paragraphs of a 职责分工 part with no items, each opening with its units ("房管所负责规模租赁场所的
        房屋安全隐患排查整治工作；", a 镇's 排查整治方案): a task of those units each."""
        text = self.doc.text
        if not any(a <= sec.start_char < b for a, b in body_ranges):
            return []
        rows = []
        for p in self.doc.paras:
            if p.kind != "para" or p.start <= sec.start_char or p.start >= sec.end_char or any(a <= p.start < b for a, b in covered):
                continue
            seg = text[p.start : min(p.end, sec.end_char)]
            # "区商务委：负责全区成品油市场秩序整治组日常工作；…" (units, a colon, their duties), or "房管所负责…"
            m = _DUTY_HEAD.match(seg) if "：" in seg[:62] or ":" in seg[:62] else None
            m = m if m is not None and m.group(0).endswith(("：", ":")) else _DUTY_SUBJECT.match(seg)
            assist = _ASSIST_SUBJECT.match(seg) if m is None else None
            marked = ("", "")  # (lead, assisting) as the paragraph marks them: only "A配合B…" does
            if assist is not None:
                lead, assisting = _duty_units(assist.group("lead")), _duty_units(assist.group("units"))
                units = lead + assisting if lead and assisting else []
                marked = ("；".join(lead), "；".join(assisting))
                m = assist
            elif m is not None:
                units = _duty_units(m.group("units"))
            else:
                continue
            if not units:
                continue
            detail = seg[m.end("units") :].strip("。；，、：: ")
            deadline_text, due = _due(seg, after=self.base_date)
            rows.append(
                TaskRow(
                    self.doc.doc_id, "", sec.section_id, m.group("units"), detail, "；".join(units), units[0], *marked, deadline_text, due,
                    "body", p.page, seg, p.start, p.start + len(seg),
                )
            )
        return rows

    def tagged_headings(self, sections: list[Section], body_ranges: list[tuple[int, int]]) -> None:
        """A heading that carries its lead in a tag of its own ("一、强化科技创新（区科技局牵头）") over items with no
        tag of theirs ("（一）加强科创平台效能建设。…", "（二）…"): each item is a task of the heading's units, in
        place of the heading's own row, so each keeps its own time limit."""
        body = [t for t in self.tasks if t.source == "body"]
        covered = [(t.start_char, t.end_char) for t in body]
        replaced: list[TaskRow] = []
        added: list[TaskRow] = []
        for sec in sections:
            para = self.doc.para_at(sec.start_char)
            if para is None or not any(s.parent_id == sec.section_id for s in sections):
                continue
            own = next((t for t in body if t.section_id == sec.section_id and sec.start_char <= t.start_char and t.end_char <= para.end), None)
            if own is None or own.start_char != sec.start_char or own.end_char != min(para.end, sec.end_char):
                continue  # no row of the heading's own line (a tag inside an item's sentence covers that item)
            rows = self._item_rows(sections, sec, body_ranges, covered, own.units, own.lead_unit, marked=(own.lead_units, own.co_units))
            if rows:
                replaced.append(own)
                added += rows
        if added:
            self.tasks = [t for t in self.tasks if not any(t is r for r in replaced)]
        self._merge_body(added)

    def _item_rows(
        self,
        sections: list[Section],
        sec: Section,
        body_ranges: list[tuple[int, int]],
        covered: list[tuple[int, int]],
        units: str,
        lead: str,
        *,
        marked: tuple[str, str],
    ) -> list[TaskRow]:
        """A task row of `units` for each item under `sec` in the body that has no task of its own; `marked`: the
        units the notice marks as leading and as assisting."""
        text = self.doc.text
        rows = []
        for item in (s for s in sections if s.parent_id == sec.section_id):
            range_end = next((e for s, e in body_ranges if s <= item.start_char < e), None)
            if range_end is None or any(a <= item.start_char < b or item.start_char <= a < item.end_char for a, b in covered):
                continue  # outside the body, or the item has a task of its own (a tag names its units)
            para = self.doc.para_at(item.start_char)
            end = min(para.end if para is not None else item.end_char, item.end_char, range_end)
            detail = text[item.start_char : end][len(item.label) :].lstrip("、．.").replace("\n", "").strip("。；，、 ")
            deadline_text, due = _due(text[item.start_char : end], after=self.base_date)
            rows.append(
                TaskRow(
                    self.doc.doc_id, "", item.section_id, item.heading, detail, units, lead, *marked, deadline_text,
                    due, "body", self.doc.page_at(item.start_char), text[item.start_char : end], item.start_char, end,
                )
            )
        return rows

    @staticmethod
    def _covers_list(parent: Section, sections: list[Section], ends: list[int], at: int, items_have_tags: bool) -> bool:
        """A tag on its own line after sub-items covers their parent when it closes the parent's list (the next
        heading is no sub-item of it) and no sub-item before it had a tag of its own. Under a single sub-item
        of a level whose items carried their own tags earlier in the document, the tag is that item's
        ("1. …" / "责任单位：…" before, then "（一）…" / "10. 实施…" / "责任单位：…")."""
        after = next((s for s in sections if s.start_char > at), None)
        closes = after is None or after.parent_id != parent.section_id
        items = sum(1 for s in sections if s.parent_id == parent.section_id and s.start_char < at)
        return closes and (items >= 2 or not items_have_tags) and not any(parent.start_char <= e < at for e in ends)

    def _assign(self, domains: list[str], lead: list[str], co: list[str], source: str, page: int | None, start: int, end: int) -> None:
        evidence = self.doc.text[start:end]
        for role, units in (("lead", lead), ("co", co)):
            for d in domains:
                for u in units:
                    self.assignments.append(AssignmentRow(self.doc.doc_id, d, u, unit_type(u), role, source, page, evidence, start, end))

    def table(self, t: TableView) -> None:
        if not t.header:
            return
        cols = rules.table_columns()
        # (a "牵头部门 | 主责单位" header: the second column of leads names the units carrying the task out)
        roles = {r: j for j, r in reversed(list(enumerate(rules.header_roles(t.header)))) if r}
        has_units = "units" in roles or "lead" in roles
        if not has_units:
            return
        is_task_table = "title" in roles or "detail" in roles
        if not is_task_table and "domain" not in roles and "deadline" in roles:
            # units and a time limit beside a task column named in a way of its own ("检查内容", "整改问题",
            # "建设项目"): the first column of no known role before the units holds the tasks
            first_units = min(roles[r] for r in ("units", "lead") if r in roles)
            named = next((j for j in range(first_units) if t.header[j].strip() and not cols.role(t.header[j])), None)
            if named is not None:
                roles["title"] = named
                is_task_table = True
        first_leads = LEAD_FIRST_NOTE.search(self.doc.text, 0, t.row_spans[0][0] if t.row_spans else 0) is not None
        for row, (s, e), page in zip(t.rows, t.row_spans, t.row_pages):
            if len(row) > 1 and all((c.start, c.end) == (row[0].start, row[0].end) for c in row):
                continue  # one cell spanning the table: a group's heading ("一、知识产权保护方面（共5项）"), no task

            def cell(role: str) -> str:
                j = roles.get(role)
                return row[j].text.strip() if j is not None and j < len(row) else ""

            if "lead" in roles:
                # a 责任单位 column beside a 牵头单位 column names the units that carry the task out with the lead
                lead = split_units(cell("lead"))
                co = [u for u in split_units(cell("co")) + split_units(cell("units")) if u not in lead]
                co = list(dict.fromkeys(co))
                marked = True
            elif _MARKED_LEAD.search(cell("units")):
                # "市教育局（牵头）、各区人民政府": the marked unit leads, the others assist
                lead, co = _block_units("责任单位", cell("units"))
                co += [u for u in split_units(cell("co")) if u not in co]
                marked = True
            elif (labelled := _parse_tag_units(cell("units")))[2]:
                # "牵头：市发改委；配合：市财政局" inside the 责任单位 cell: each label its units
                lead, co = labelled[0], labelled[1] + [u for u in split_units(cell("co")) if u not in labelled[1]]
                marked = True
            else:
                # no label in the cell: its first group of units (A；B、C) leads, parsed once above
                lead, co = labelled[0], labelled[1] + split_units(cell("co"))
                # a 配合单位 column beside the 责任单位 one marks both roles, and so does "列第一位者为牵头单位"
                # said before the table; groups alone ("A；B、C") mark none
                marked = bool(cell("co"))
                if not marked and first_leads and len(lead) + len(co) > 1:
                    listed = lead + co
                    lead, co, marked = listed[:1], listed[1:], True
            if not lead and not co:
                continue
            if is_task_table:
                title = (cell("title") or cell("detail")).rstrip("。；;，,")
                if not title:
                    continue
                deadline_text = cell("deadline")
                _, due = _due(deadline_text, latest=True) if deadline_text else ("", "")
                units = lead + co
                self.tasks.append(
                    TaskRow(
                        self.doc.doc_id, self._task_id(), "", title, cell("detail"), "；".join(units), units[0],
                        "；".join(lead) if marked else "", "；".join(co) if marked else "", deadline_text, due, "table", page,
                        self.doc.text[s:e], s, e,
                    )
                )
            elif "domain" in roles:
                # a cell may name several domains ("重大建设项目、公共资源交易"): each gets the units
                j = roles["domain"]
                domains = _domain_item(self.doc.text, row[j].start, row[j].end, self.mentions) if j < len(row) else []
                if not domains:
                    found = canonical_domain(cell("domain"))
                    if found is None:
                        continue
                    domains = [found[1]]
                self._assign(domains, lead, co, "table", page, s, e)
