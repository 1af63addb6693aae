"""Ids: the one module that mints them, and the check of ids read back from tables.

A ``doc_id`` is 16 lowercase hex digits of the normalized text's SHA-256 (``doc_id_for``).
Every other id is the document's id, a letter naming what the row is, and its number in the
document (``f"{doc_id}:e3"``): entries (``e``) are numbered across experiences, education and
projects, so a metric's ``entry_id`` names one row whatever its table. The functions below are
the only place an id is written, so the form cannot drift between the stages that mint them.

The exports make a folder per id, so an id from a table someone edited ("../../home/x") would
write outside the export folder; ids are checked as they are read, before any is used in a path.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from resume_etl.errors import ErrorCode, ResumeEtlError

DOC_ID = re.compile(r"[0-9a-f]{16}")
"""The form of every ``doc_id`` resume-etl writes."""


def doc_id_for(text: str) -> str:
    """Stable id from the normalized text: the same résumé gets the same id in any encoding."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def section_id(doc_id: str, position: int) -> str:
    """The id of the document's ``position``-th section."""
    return f"{doc_id}:s{position}"


def entry_id(doc_id: str, position: int) -> str:
    """The id of the document's ``position``-th entry (experience, education or project)."""
    return f"{doc_id}:e{position}"


def publication_id(doc_id: str, index: int) -> str:
    return f"{doc_id}:p{index}"


def skill_id(doc_id: str, index: int) -> str:
    return f"{doc_id}:k{index}"


def metric_id(doc_id: str, index: int) -> str:
    return f"{doc_id}:m{index}"


def link_id(doc_id: str, index: int) -> str:
    return f"{doc_id}:l{index}"


def contact_id(doc_id: str, index: int) -> str:
    return f"{doc_id}:c{index}"


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
