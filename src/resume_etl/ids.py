"""Document ids: what one looks like, checked wherever an id read back from a table is trusted.

A ``doc_id`` is 16 lowercase hex digits (``stages.ingest.doc_id_for``). The exports make a
folder per id, so an id from a table someone edited ("../../home/x") would write outside the
export folder; ids are checked as they are read, before any is used in a path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from resume_etl.errors import ErrorCode, ResumeEtlError

DOC_ID = re.compile(r"[0-9a-f]{16}")
"""The form of every ``doc_id`` resume-etl writes."""


def check_doc_ids(doc_ids: Iterable[str | None], source: str, column: str = "doc_id") -> None:
    """Raise E111 naming ``source`` when a non-null id is not a document id.

    ``documents.person_key`` has the same form and becomes a folder name too: checked the same.
    """
    for doc_id in doc_ids:
        if doc_id is not None and not DOC_ID.fullmatch(doc_id):
            shown = doc_id if len(doc_id) <= 40 else doc_id[:40] + "…"
            raise ResumeEtlError(
                ErrorCode.E111_NOT_AN_ID,
                f"{source} holds {column} {shown!r}, which is not an id (16 hex digits)",
            )
