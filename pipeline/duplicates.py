"""The same document from two sources (a PDF and its gov.cn page, a re-post on a city site): one document,
the other recorded as its copy (documents.duplicate_of), so comparisons count it once."""

from __future__ import annotations

import pandas as pd


def mark_duplicates(documents: pd.DataFrame) -> pd.DataFrame:
    """documents with duplicate_of filled: rows with the same 发文字号 (and the same issuer where both name one)
    or the same content hash are copies of the first such row in corpus order. A failed document is no copy."""
    docs = documents.copy()
    if "duplicate_of" not in docs.columns:
        docs["duplicate_of"] = ""
    docs["duplicate_of"] = ""
    first_by_number: dict[str, tuple[str, str]] = {}
    first_by_hash: dict[str, str] = {}
    marks: list[str] = []
    for doc_id, number, issuer, sha, error in zip(docs["doc_id"], docs["doc_number"], docs["issuer"], docs["sha256"], docs["error"]):
        mark = ""
        if not error:
            if sha and sha in first_by_hash:
                mark = first_by_hash[sha]
            elif number and number in first_by_number:
                first, first_issuer = first_by_number[number]
                if not issuer or not first_issuer or issuer == first_issuer:
                    mark = first
            if not mark:
                if sha:
                    first_by_hash.setdefault(sha, doc_id)
                if number:
                    first_by_number.setdefault(number, (doc_id, issuer))
        marks.append(mark)
    docs["duplicate_of"] = pd.array(marks, dtype="string")
    return docs
