"""Where the entity recognizer must read: the lines whose entities the table modules use.

The focus component runs NER only on these ranges, so this module keeps in step with every
reader of ``SpanIndex.entities`` (header classification, the profile's name and place).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from resume_etl.stages.extract._entry import date_masks, entry_dates
from resume_etl.stages.extract._header import (
    CITY_REGION,
    SegmentKind,
    classify_range,
    cut_pieces,
    trimmed_pieces,
    unmasked_pieces,
)
from resume_etl.stages.extract._profile_lines import pieces, top_lines, word_count
from resume_etl.stages.extract._spans import SpanIndex
from resume_etl.stages.extract.profile import (
    HEADLINE_MAX_WORDS,
    LOCATION_MAX_WORDS,
    TOP_LINES,
    profile_entity_ranges,
)
from resume_etl.stages.segment import Entry, Line, SegmentedDocument
from resume_etl.vocab import SectionKind
from resume_etl.wordlists import grammar_alternation

MAX_ENTITY_RANGE_CHARS = 1_000
"""The entity recognizer reads at most this many characters of one line: a header line, a top
line or a field is far shorter, and a megabyte-long line (a run of emoji or numbers) would
otherwise be one window as long as the line."""

_NAME_CUE_BEFORE_CAPITALS = re.compile(
    rf"(?i:\b(?:{grammar_alternation('name_cue')}))\s+(?=[A-Z]{{2,}}\b)"
)
""""I am JANE DOE": a stated name in capitals is told from an acronym by the entity recognizer."""


def entity_ranges(segmented: SegmentedDocument, spans: SpanIndex) -> list[tuple[int, int]]:
    """Character ranges whose named entities this stage will read; the model may skip the rest.

    ``spans`` holds the lexicon, contact and date spans but no entities yet. Entities break ties
    only: an entry header line matters when one of its segments is claimed by no lexicon or pattern
    (``classify_range`` then asks for ORG/GPE/LOC); of the profile's top lines, the first (a
    name's PERSON) and those before a "City, Region" line (GPE); and lines that state a name in
    capitals ("I am JANE DOE"). Keep in step with the readers of ``SpanIndex.entities``.
    """
    lines: list[Line] = []
    for section in segmented.sections:
        if section.kind in (SectionKind.EXPERIENCE, SectionKind.EDUCATION):
            for entry in section.entries:
                lines.extend(_unclaimed_header_lines(entry, spans))
    top = top_lines(segmented.sections)[:TOP_LINES]
    lines.extend(top[:1])
    for line in top:
        if CITY_REGION.match(line.content.strip()):
            break
        if _top_line_reads_entities(line, spans.text):
            lines.append(line)
    ranges = [(line.start, line.end) for line in lines]
    text = spans.text
    ranges.extend(profile_entity_ranges(segmented.sections, text))
    for match in _NAME_CUE_BEFORE_CAPITALS.finditer(text):
        ranges.append(_line_around(text, match.start(), match.end()))
    return sorted({(start, min(end, start + MAX_ENTITY_RANGE_CHARS)) for start, end in ranges})


def _line_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The line holding ``[start, end)``, looked for within ``MAX_ENTITY_RANGE_CHARS`` of it (a
    search to the text's ends, once per cue, would be quadratic on a text without newlines)."""
    reach = MAX_ENTITY_RANGE_CHARS
    line_start = text.rfind("\n", max(0, start - reach), start)
    line_end = text.find("\n", end, end + reach)
    return (
        max(0, start - reach) if line_start == -1 else line_start + 1,
        min(len(text), end + reach) if line_end == -1 else line_end,
    )


def _top_line_reads_entities(line: Line, text: str) -> bool:
    """Whether a top line is short enough for ``_headline`` or has a field short enough for
    ``_location`` to look for a place in it: a summary paragraph in the top lines is neither,
    and is most of the text the entity recognizer would otherwise read there."""
    if word_count(line.content) <= 2 * HEADLINE_MAX_WORDS:
        return True
    return any(
        word_count(text[start:end]) <= LOCATION_MAX_WORDS for start, end in pieces(line, text)
    )


def _unclaimed_header_lines(entry: Entry, spans: SpanIndex) -> Iterator[Line]:
    """Header lines with a segment that only the entity recognizer can classify."""
    masks = date_masks(entry_dates(entry, spans), entry, spans)
    for line in entry.header:
        pieces = (
            piece
            for start, end in unmasked_pieces(line.content_start, line.end, masks)
            for piece in cut_pieces(spans.text, start, end)
        )
        if any(_needs_entities(spans, start, end) for start, end in pieces):
            yield line


def _needs_entities(spans: SpanIndex, start: int, end: int) -> bool:
    """Whether classifying this piece (or, as ``classify_piece`` may, its comma parts) reads
    entities: without any, such a segment comes out UNKNOWN."""
    whole = classify_range(spans, start, end)
    if whole.kind is SegmentKind.UNKNOWN:
        return True
    if "," not in spans.text[start:end] or whole.kind in (SegmentKind.LOCATION, SegmentKind.GPA):
        return False
    parts: list[tuple[int, int]] = []
    cursor = start
    for match in re.finditer(",", spans.text[start:end]):
        parts.extend(trimmed_pieces(spans.text, cursor, start + match.start()))
        cursor = start + match.end()
    parts.extend(trimmed_pieces(spans.text, cursor, end))
    return any(classify_range(spans, s, e).kind is SegmentKind.UNKNOWN for s, e in parts)
