"""Quality flags: say when a document's rows are thin, so a bad read is never silent.

A document that loads with no jobs at all looks the same in the tables as a résumé without
jobs, unless something says why. The flags read only the records a document produced (its
sections and entry rows) and what ingest did (its repairs, a doubtful encoding), so they state
facts a user can check: "this section of jobs gave no job", never a guess at what went wrong.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pydantic import BaseModel

from resume_etl.records import DocumentRecord, SectionRecord
from resume_etl.stages.reflow import REPAIR as LINE_BREAKS_REPAIR
from resume_etl.vocab import ENTRY_SECTION_KINDS, QualityFlag, SectionKind

__all__ = ["ENTRY_TABLES", "flag_document", "quality_flags"]

ENTRY_TABLES = ("experiences", "education", "projects", "publications")
"""Tables whose rows are the entries of a section (each row names its ``section_id``)."""


def quality_flags(
    document: DocumentRecord, rows: dict[str, list[BaseModel]], metrics_capped: bool = False
) -> list[QualityFlag]:
    """The flags of one document, from its rows per table, in the vocabulary's order.

    ``metrics_capped``: a cap of the metrics component left a metric out (``nlp.metrics``).
    """
    sections = [row for row in rows.get("sections", []) if isinstance(row, SectionRecord)]
    found: set[QualityFlag] = set()
    if LINE_BREAKS_REPAIR in document.repairs:
        found.add(QualityFlag.COLLAPSED_LINE_BREAKS)
    if document.encoding_doubt is not None:
        found.add(QualityFlag.ENCODING_DOUBTFUL)
    if all(section.kind is SectionKind.HEADER for section in sections):
        found.add(QualityFlag.NO_SECTIONS)
    if _sections_without_entries(sections, _entry_section_ids(rows), document.text):
        found.add(QualityFlag.SECTION_WITHOUT_ENTRIES)
    if metrics_capped:
        found.add(QualityFlag.METRICS_CAPPED)
    return [flag for flag in QualityFlag if flag in found]


def flag_document(rows: dict[str, list[BaseModel]], metrics_capped: bool = False) -> None:
    """Replace the document row of ``rows`` by one that carries its quality flags."""
    documents = rows.get("documents", [])
    if len(documents) == 1 and isinstance(documents[0], DocumentRecord):
        document = documents[0]
        flags = quality_flags(document, rows, metrics_capped)
        rows["documents"] = [document.model_copy(update={"quality_flags": flags})]


def _entry_section_ids(rows: dict[str, list[BaseModel]]) -> set[str]:
    ids: set[str] = set()
    for table in ENTRY_TABLES:
        for row in rows.get(table, []):
            section_id = getattr(row, "section_id", None)
            if isinstance(section_id, str):
                ids.add(section_id)
    return ids


def _sections_without_entries(
    sections: Sequence[SectionRecord], with_entries: Iterable[str], text: str
) -> list[SectionRecord]:
    filled = set(with_entries)
    following: list[SectionRecord | None] = [*sections[1:], None]
    return [
        section
        for section, next_one in zip(sections, following, strict=True)
        if section.kind in ENTRY_SECTION_KINDS
        and section.section_id not in filled
        and not _heads_subsections(section, next_one, text)
    ]


def _heads_subsections(section: SectionRecord, next_one: SectionRecord | None, text: str) -> bool:
    """An empty heading over sections of its own kind ("PUBLICATIONS" over "Books" and
    "Conference Papers") is their parent: its entries are theirs, so it lacks none. Where both
    headings are markdown, the next must be deeper ("## Books" over "### Articles"): an empty
    "### Books" beside "### Articles" is a section that lost its entries."""
    if next_one is None or next_one.kind is not section.kind:
        return False
    body_start = section.heading_span.end if section.heading_span else section.span.start
    if text[body_start : section.span.end].strip():
        return False
    levels = [_markdown_level(heading, text) for heading in (section, next_one)]
    return 0 in levels or levels[1] > levels[0]


def _markdown_level(section: SectionRecord, text: str) -> int:
    """The number of ``#`` before the heading on its line; 0 when it is no markdown heading."""
    if section.heading_span is None:
        return 0
    line_start = text.rfind("\n", 0, section.heading_span.start) + 1
    marks = text[line_start : section.heading_span.start].strip()
    return len(marks) if marks and set(marks) == {"#"} else 0
