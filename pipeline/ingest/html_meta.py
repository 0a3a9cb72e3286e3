"""A web page's own metadata block: the 索引号/发文机关/发文字号/成文日期… table or list that government sites
print above the notice (gov.cn 信息公开 table, gz.gov.cn 规范性文件库 基本信息). Labels are data
(rules/html.yaml); the containers holding them are returned so the body reader can leave them out."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex
from lxml import html as lxml_html

from .. import rules

_WS = regex.compile(r"[\s\u3000\u00a0]+")
_ISO_DATE = regex.compile(r"^((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
# elements whose text may be one 'label：value' pair (a <li> of a metadata list, a <span>, a table cell)
_PAIR_TAGS = frozenset({"li", "span", "p", "div", "td", "th", "dd", "dt", "em", "strong", "b", "label", "font"})
_CONTAINERS = ("table", "ul", "ol", "dl")


def squash(text: str) -> str:
    """Collapse whitespace runs to one space and trim. 'a \n b' -> 'a b'"""
    return _WS.sub(" ", text).strip()


@rules.cached
def _label_map() -> dict[str, str]:
    return dict(rules.html_rules().labels)


@rules.cached
def _pair_re() -> regex.Pattern[str]:
    """'索 引 号：000014349/2018-00204' -> label, value; a label's characters may be spaced out."""
    alts = [r"[\s\u3000\u00a0]*".join(regex.escape(ch) for ch in label) for label, _ in rules.html_rules().labels]
    return regex.compile(rf"^[\s\u3000\u00a0]*(?P<label>{'|'.join(alts)})[\s\u3000\u00a0]*[：:][\s\u3000\u00a0]*(?P<value>.*)$", regex.S)


def label_key(text: str) -> str:
    """The metadata key of a text that is only a label. '发文字号：' -> '发文字号'; '' for anything else."""
    t = _WS.sub("", text).rstrip("：:")
    return _label_map().get(t, "")


def _text(el: lxml_html.HtmlElement) -> str:
    return squash(el.text_content())


def _date(value: str) -> str:
    m = _ISO_DATE.match(value)
    if not m:
        return value
    y, mo, d = m.groups()
    return f"{y}年{int(mo)}月{int(d)}日"


@dataclass(slots=True)
class PageMetadata:
    values: dict[str, str] = field(default_factory=dict)
    containers: list[lxml_html.HtmlElement] = field(default_factory=list)  # left out of the body text

    def put(self, key: str, value: str) -> bool:
        value = squash(value)
        if not key or not value or key in self.values:
            return False
        if key in rules.html_rules().date_keys:
            value = _date(value)
        if key == "标题":
            value = rules.html_rules().repost_prefix.pattern.sub("", value)
        self.values[key] = value
        return True


def _next_value(el: lxml_html.HtmlElement) -> str:
    """The value printed after a label element: its tail text, else the next sibling element's text."""
    tail = squash(el.tail or "")
    if tail:
        return tail
    sib = el.getnext()
    while sib is not None and not isinstance(sib.tag, str):
        sib = sib.getnext()
    return _text(sib) if sib is not None else ""


def _container(el: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    for anc in el.iterancestors():
        if anc.tag in _CONTAINERS:
            return anc
    return None


def head_metadata(root: lxml_html.HtmlElement) -> dict[str, str]:
    """Fields some CMSs write into <meta name=ArticleTitle|PubDate> tags (read before <head> is dropped)."""
    wanted = {name.lower(): key for name, key in rules.html_rules().meta_tags}
    out: dict[str, str] = {}
    for m in root.iter("meta"):
        key = wanted.get((m.get("name") or "").lower())
        if key and key not in out and squash(m.get("content") or ""):
            out[key] = squash(m.get("content") or "")
    return out


def page_metadata(root: lxml_html.HtmlElement, head: dict[str, str] | None = None) -> PageMetadata:
    """Read the metadata block of a page (after scripts and hidden elements were removed); `head` fills
    the keys the visible block lacks."""
    meta = PageMetadata()
    found_in: dict[int, tuple[lxml_html.HtmlElement, set[str]]] = {}
    pair = _pair_re()
    for el in root.iter(*_PAIR_TAGS):
        if any(child.tag in ("table", "ul", "ol", "p", "div", "li") for child in el.iterchildren()):
            continue  # a container, not one field
        text = _text(el)
        if not text or len(text) > 300:
            continue
        key = label_key(text)
        value = ""
        if key:
            value = _next_value(el)
        else:
            m = pair.match(text)
            if m:
                key = _label_map()[_WS.sub("", m.group("label"))]
                value = m.group("value")
        if not key:
            continue
        if label_key(value):
            value = ""  # an empty field followed by the next label ('分类：' | '发布机构：')
        meta.put(key, value)
        box = _container(el)
        if box is not None:
            found_in.setdefault(id(box), (box, set()))[1].add(key)
    # a table or list holding two or more fields is the metadata block, not part of the notice
    for box, keys in found_in.values():
        if len(keys) >= 2:
            meta.containers.append(box)
    for key, value in (head or {}).items():
        meta.put(key, value)
    return meta
