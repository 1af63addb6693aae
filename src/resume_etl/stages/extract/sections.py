"""The sections table: each section the segmenter cut, its heading and the text it covers."""

from __future__ import annotations

from resume_etl import ids
from resume_etl.stages.extract._draft import Extracted, SectionCandidate
from resume_etl.stages.segment import Line, Section, SegmentedDocument


def section_drafts(segmented: SegmentedDocument) -> tuple[SectionCandidate, ...]:
    doc_id = segmented.document.doc_id
    return tuple(_section(section, doc_id) for section in segmented.sections)


def _section(section: Section, doc_id: str) -> SectionCandidate:
    return SectionCandidate(
        section_id=ids.section_id(doc_id, section.position),
        position=section.position,
        kind=section.kind,
        heading=_heading(section.heading) if section.heading else None,
        span=(section.start, section.end),
        entry_count=len(section.entries),
    )


def _heading(line: Line) -> Extracted:
    """The heading's words without the whitespace around them, and where they are."""
    value = line.content.strip()
    start = line.content_start + (line.content.index(value) if value else 0)
    return Extracted(value, start, start + len(value))
