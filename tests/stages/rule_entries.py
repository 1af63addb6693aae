"""What a test of the segmenter's entry rules compares: each entry's header and body lines."""

from __future__ import annotations

from resume_etl.stages.segment.entries import split_entries
from resume_etl.stages.segment.lines import split_lines
from resume_etl.vocab import SectionKind

EntryLines = tuple[list[str], list[str]]


def rule_entries(text: str) -> list[EntryLines]:
    """The entries the rules (no line-role model) cut a work-history section's ``text`` into."""
    entries, _intro = split_entries(SectionKind.EXPERIENCE, split_lines(text))
    return [
        ([line.content for line in entry.header], [line.content for line in entry.body])
        for entry in entries
    ]
