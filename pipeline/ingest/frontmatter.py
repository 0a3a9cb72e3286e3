"""A YAML front matter block above a text or markdown export ("---", 标题: …, 文号: …, 发布日期: …, "---"), as
static-site generators, note apps and crawlers write it. Its fields are the export's metadata, not the
notice's text: the ones a page's metadata block or a data API names (rules/html.yaml metadata_labels,
json_fields) become the document's page metadata; the block leaves the text, so its 类型 or 状态 line is
never read as the title."""

from __future__ import annotations

import datetime as dt

import regex
import yaml

from .. import rules
from .html_meta import PageMetadata

_MAX_LINES = 60  # a front matter block is a record's fields, not a page
_OPENING = regex.compile(r"\A\ufeff?---[ \t]*\r?\n")
_CLOSING = regex.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", regex.M)


def _value(v: object) -> str:
    if isinstance(v, (dt.date, dt.datetime)):
        return v.strftime("%Y-%m-%d")  # YAML reads an unquoted 2023-10-13 as a date
    if isinstance(v, bool) or v is None:
        return ""
    return str(v).strip() if isinstance(v, (str, int, float)) else ""


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(metadata key -> value, the text after the block) of a text opening with a YAML front matter block;
    ({}, text) when it opens with none, the block is no mapping or it names none of the known fields.
    Keys are rules/html.yaml metadata keys (标题, 发文字号, 发文机关, 成文日期, 发布日期…)."""
    opening = _OPENING.match(text)
    if not opening:
        return {}, text
    closing = _CLOSING.search(text, opening.end())
    if not closing or text.count("\n", opening.end(), closing.start()) > _MAX_LINES:
        return {}, text
    try:
        fields = yaml.safe_load(text[opening.end() : closing.start()])
    except yaml.YAMLError:
        return {}, text  # a rule of dashes over ordinary text, not a YAML block
    if not isinstance(fields, dict):
        return {}, text
    hr = rules.html_rules()
    by_label = {label: key for label, key in hr.labels}
    by_field = dict(hr.json_fields)
    meta = PageMetadata()  # each value as a page's metadata block gives it: dates in 公文 form
    for k, v in fields.items():
        key = by_label.get(regex.sub(r"\s+", "", str(k))) or by_field.get(rules.fold_field(k))
        if key and key != "其他":
            meta.put(key, _value(v))
    if not meta.values:
        return {}, text
    return meta.values, text[closing.end() :].lstrip("\r\n")
