"""The same document from two sources (a PDF and its gov.cn page, a re-post on a city site): one document,
the other recorded as its copy (documents.duplicate_of), so comparisons count it once."""

from __future__ import annotations

import pandas as pd


MIN_TITLE = 8  # a shorter title ("通知", "公告（第7号）") names no document on its own


def mark_duplicates(documents: pd.DataFrame) -> pd.DataFrame:
    """documents with duplicate_of filled: rows with the same 发文字号 (and the same issuer where both name one),
    the same content hash, or, for a notice without a 文号 (a 通告, a page's notice), the same issuer, title and
    成文日期 (the same text saved in another encoding or re-posted by another site) are copies of the first such
    row in corpus order. A failed document is no copy."""
    docs = documents.copy()
    if "duplicate_of" not in docs.columns:
        docs["duplicate_of"] = ""
    docs["duplicate_of"] = ""
    first_by_number: dict[str, tuple[str, str]] = {}
    first_by_hash: dict[str, str] = {}
    first_by_name: dict[tuple[str, str, str], str] = {}
    marks: list[str] = []
    for doc_id, number, issuer, sha, error, title, signed in zip(
        docs["doc_id"], docs["doc_number"], docs["issuer"], docs["sha256"], docs["error"], docs["title"], docs["signed_date"]
    ):
        mark = ""
        if not error:
            named = (issuer, title, signed) if issuer and signed and len(title or "") >= MIN_TITLE and not number else None
            if sha and sha in first_by_hash:
                mark = first_by_hash[sha]
            elif number and number in first_by_number:
                first, first_issuer = first_by_number[number]
                if not issuer or not first_issuer or issuer == first_issuer:
                    mark = first
            elif named is not None and named in first_by_name:
                mark = first_by_name[named]
            if not mark:
                if sha:
                    first_by_hash.setdefault(sha, doc_id)
                if number:
                    first_by_number.setdefault(number, (doc_id, issuer))
                if named is not None:
                    first_by_name.setdefault(named, doc_id)
        marks.append(mark)
    docs["duplicate_of"] = pd.array(marks, dtype="string")
    return docs
