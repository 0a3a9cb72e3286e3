"""gongwen-pipeline: Chinese government notices (公文) -> structured, evidence-backed tables.

Public API:
    parse_doc_number(text) -> DocNumber | None   发文字号 such as '豫政办 〔2023〕43号' -> 豫政办〔2023〕43号
    find_doc_numbers(text) -> Iterator[DocNumber] every 发文字号 in running text
    find_deadlines(text, *, base_date=None) -> list[Deadline]  time limits: kind, start/end, frequency,
                                                 duration, anchor, inferred, character offsets
    parse_time(text, *, base_date=None) -> TimeSpan | None  one time expression -> its first and last day
"""

from .docnumber import DocNumber, find_doc_numbers, parse_doc_number
from .extract.deadlines import Deadline, find_deadlines
from .extract.timeparse import TimeSpan, parse_time

__all__ = ["Deadline", "DocNumber", "find_deadlines", "find_doc_numbers", "parse_doc_number", "parse_time", "TimeSpan"]
