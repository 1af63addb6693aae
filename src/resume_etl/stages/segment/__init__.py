"""Segment: split a document into sections and entry-bearing sections into entries.

Layout leads here, not language: a heading is a markdown heading or a short line whose words are
a known section phrase (configurable per kind in the pipeline file); an entry is a run of short
"header" lines (role, organization, dates) followed by its description and bullets. Every piece
keeps its character offsets into the document's normalized text.

The package, by what each part is about: ``lines`` (the document cut into lines, page furniture
left out), ``periods`` (how a line states a period), ``sections`` and ``timeline`` (headings and
the lines under them), ``drafts`` and ``entries`` (entries and the layout rules that start one),
``model_steps`` and ``shapes`` (the line-role model's say), ``stage`` (the ``segment`` entry
point). Import from here; the modules are the package's own business.
"""

from __future__ import annotations

from resume_etl.stages.segment.drafts import MAX_HEADER_LINES, Entry
from resume_etl.stages.segment.entries import names_a_project, split_entries
from resume_etl.stages.segment.lines import (
    Line,
    LineKind,
    is_definition,
    is_page_furniture,
    is_prose,
    split_lines,
)
from resume_etl.stages.segment.model_steps import (
    MIN_DATED_BODY_CONFIDENCE,
    MIN_ROLE_CONFIDENCE,
    RoleAt,
)
from resume_etl.stages.segment.periods import is_date_line
from resume_etl.stages.segment.sections import SectionClassifier
from resume_etl.stages.segment.shapes import line_shapes
from resume_etl.stages.segment.stage import Section, SegmentedDocument, segment

__all__ = [
    "MAX_HEADER_LINES",
    "MIN_DATED_BODY_CONFIDENCE",
    "MIN_ROLE_CONFIDENCE",
    "Entry",
    "Line",
    "LineKind",
    "RoleAt",
    "Section",
    "SectionClassifier",
    "SegmentedDocument",
    "is_date_line",
    "is_definition",
    "is_page_furniture",
    "is_prose",
    "line_shapes",
    "names_a_project",
    "segment",
    "split_entries",
    "split_lines",
]
