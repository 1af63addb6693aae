"""The profile table: the person's name, headline, location and summary from the header.

The name is scored in ``_profile_name.py`` and the place read in ``_profile_place.py``, over the
header's lines and fields (``_profile_lines.py``); this module puts them together with the
headline (a labelled one, the line under the name, or a short top line holding a job title) and
the summary section. So the name after a LinkedIn export's contact sidebar is found, with the
headline under it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from resume_etl.nlp import labels
from resume_etl.stages.extract._draft import Extracted, ProfileCandidate
from resume_etl.stages.extract._header import FIELD_LABEL
from resume_etl.stages.extract._profile_lines import (
    Piece,
    header_lines,
    header_pieces,
    pieces,
    top_lines,
    word_count,
)
from resume_etl.stages.extract._profile_name import find_name
from resume_etl.stages.extract._profile_place import (
    LOCATION_MAX_WORDS,
    is_place_or_contact,
    location,
)
from resume_etl.stages.extract._spans import SpanIndex
from resume_etl.stages.segment import Line, LineKind, Section
from resume_etl.vocab import SectionKind
from resume_etl.wordlists import builtin_alternation, grammar_alternation

__all__ = [
    "HEADLINE_MAX_WORDS",
    "LOCATION_MAX_WORDS",
    "TOP_LINES",
    "extract_profile",
    "profile_entity_ranges",
]


def _words(category: str) -> str:
    """A regex alternation of one category of ``nlp/data/profile_words.jsonl``."""
    return builtin_alternation("profile_words.jsonl", category)


HEADLINE_MAX_WORDS = 12
TOP_LINES = 6
_HEADLINE_LABEL = re.compile(rf"(?i)(?:{_words('headline_label')})\s*:\s*")
"""A label whose value is the headline: "Title: Data Engineer"."""
_HEADLINE_LABEL_LINE = re.compile(rf"(?i)(?:{_words('headline_heading')})")
"""A line that is only a label, the headline on the line below: "Desired Position"."""
_FIRST_PERSON = re.compile(rf"\b(?:{grammar_alternation('first_person_singular')})\b")
"""A line in the first person is a sentence about the author, never their headline."""


def extract_profile(sections: Sequence[Section], spans: SpanIndex) -> ProfileCandidate:
    text = spans.text
    top = top_lines(sections)
    header = header_lines(sections)
    fields = header_pieces(header, text)
    name = find_name(header, fields, spans)
    headline = _under_headline_label([*header, *top], text) or _headline(
        [*_under_name(header, name), *top[:TOP_LINES]], spans, name
    )
    place = location([*top, *header], _with_top_fields(fields, top, text), spans, name)
    summary = _summary(sections, text)
    return ProfileCandidate(name=name, headline=headline, location=place, summary=summary)


def _with_top_fields(fields: list[Piece], top: Sequence[Line], text: str) -> list[Piece]:
    """The header's fields, then those of the first top lines past the header (a summary
    section's first line may say where the person is)."""
    seen = {(field.start, field.end) for field in fields}
    extra = [
        Piece(start, end, len(fields) + number, False)
        for number, line in enumerate(top[:TOP_LINES])
        for start, end in pieces(line, text)
        if (start, end) not in seen
    ]
    return [*fields, *extra]


def profile_entity_ranges(sections: Sequence[Section], text: str) -> list[tuple[int, int]]:
    """The header fields whose entities the profile reads (PERSON for a name, GPE/LOC for a
    place): the short ones, for ``entity_focus``."""
    fields = header_pieces(header_lines(sections), text)
    return [
        (p.start, p.end)
        for p in _with_top_fields(fields, top_lines(sections), text)
        if word_count(text[p.start : p.end]) <= LOCATION_MAX_WORDS
    ]


# --------------------------------------------------------------------------- headline, summary


def _under_name(header: Sequence[Line], name: Extracted | None) -> list[Line]:
    """The header line right after the name's: where a name after a contact sidebar (a
    LinkedIn export) has its headline, past the top lines."""
    if name is None:
        return []
    at = next((i for i, line in enumerate(header) if line.start <= name.start < line.end), None)
    return [] if at is None else list(header[at + 1 : at + 2])


def _under_headline_label(lines: Sequence[Line], text: str) -> Extracted | None:
    """The line under a label standing alone ("POSITION", "Job applied for", as Europass
    writes them): the headline, whatever words it uses."""
    for line, after in itertools.pairwise(lines):
        if not _HEADLINE_LABEL_LINE.fullmatch(line.content.strip()):
            continue
        value = after.content.strip("*_ ")
        if value and word_count(value) <= HEADLINE_MAX_WORDS and not _FIRST_PERSON.search(value):
            start = text.index(value, after.content_start)
            return Extracted(value, start, start + len(value), 0.7)
    return None


def _headline(lines: list[Line], spans: SpanIndex, name: Extracted | None) -> Extracted | None:
    """A short top line (or the fields of it beside the name) holding a job title; places and
    contact details at its ends are left out."""
    text = spans.text
    for line in lines:
        if line.kind is LineKind.BULLET or word_count(line.content) > 2 * HEADLINE_MAX_WORDS:
            continue
        fields = [
            piece
            for piece in pieces(line, text)
            if name is None or piece[0] >= name.end or piece[1] <= name.start
        ]
        label = FIELD_LABEL.match(text, line.content_start, line.end)
        if label and not _HEADLINE_LABEL.match(text, line.content_start, line.end):
            continue
        while fields and is_place_or_contact(fields[-1], spans):
            fields.pop()
        while fields and is_place_or_contact(fields[0], spans):
            fields.pop(0)
        if not fields:
            continue
        start, end = fields[0][0], fields[-1][1]
        if label:
            start = max(start, label.end())
        value = text[start:end].strip("*_ ")
        start = text.index(value, start) if value else start
        if not value or word_count(value) > HEADLINE_MAX_WORDS or _FIRST_PERSON.search(value):
            continue
        if spans.within(labels.TITLE_HEADS, start, start + len(value)):
            return Extracted(value, start, start + len(value), 0.7)
    return None


def _summary(sections: Sequence[Section], text: str) -> Extracted | None:
    for section in sections:
        if section.kind is SectionKind.SUMMARY and section.lines:
            start, end = section.lines[0].content_start, section.lines[-1].end
            return Extracted(text[start:end], start, end, 0.9)
    return None
