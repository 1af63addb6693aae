"""The lines a profile is read from, cut into the fields they hold.

A résumé states who its author is before its first body section: in the header lines, a
contact block, or (in a LinkedIn PDF export) after a sidebar of contacts, top skills and
languages. Text pulled from a PDF or a web form may have lost its line breaks, the breaks
collapsed into runs of two or more spaces; a run like that separates fields as a line break
does.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from resume_etl.stages.segment import Line, LineKind, Section
from resume_etl.vocab import SectionKind
from resume_etl.wordlists import builtin_values

PROFILE_WORDS_FILE = "profile_words.jsonl"
_BODY_KINDS = frozenset(
    {
        SectionKind.SUMMARY,
        SectionKind.EXPERIENCE,
        SectionKind.EDUCATION,
        SectionKind.PROJECTS,
        SectionKind.PUBLICATIONS,
    }
)
"""Sections whose start ends the part of a résumé that says who its author is."""
MAX_HEADER_LINES = 40
_BODY_FIRST_LINES = 3
MAX_HEADER_PIECES = 30
HEADER_CHARS = 1500
"""How far into a document without line breaks the header's fields are looked for."""
_PIECE_BREAK = re.compile(r"\s{2,}|\s+[|·•●▪■◆♦◦~]\s+|\t")
"""Where a top line holds several fields: runs of spaces, bars and middle dots."""
_LINE_BREAK = re.compile(r"\s{2,}|\t")
"""A gap as wide as this is a line break the text lost (it stands on a line of its own)."""
_PIECE_EDGE = re.compile(r"^[\W_]+|(?:[^\w.)]|_)+$")
"""Markup, emoji and punctuation around a field (a trailing '.' or ')' belongs to it)."""
_WHOLE_LINK = re.compile(
    r"[*_\s]*\[(?P<label>[^\]\n]+)\]"
    r"\((?!\S*\.(?:pdf|docx?|odt|rtf|txt|md|tex)\))(?:https?://|www\.)[^)\s]*\)[*_\s]*$",
    re.I,
)
"""A field that is one markdown link to a web page ("[Jane Doe](https://…)", bold or not); not a
link to a file ("[Download PDF](cv.pdf)"), whose text is an action, not a name."""


@dataclass(frozen=True, slots=True)
class Piece:
    """One field of a header line: where it is, and whether it stands on a line of its own."""

    start: int
    end: int
    line: int
    """Index of its line in the header lines."""
    alone: bool


@functools.cache
def profile_words(category: str) -> frozenset[str]:
    """The words of one category of ``nlp/data/profile_words.jsonl``, read once."""
    return frozenset(builtin_values(PROFILE_WORDS_FILE, category))


def top_lines(sections: Sequence[Section]) -> list[Line]:
    """Lines of the header, contact and summary sections (and the first section's), with the
    first section's markdown heading: where labelled places ("Based in …") are stated."""
    lines: list[Line] = []
    for section in sections:
        if (
            section.kind in (SectionKind.HEADER, SectionKind.CONTACT, SectionKind.SUMMARY)
            or section.position == 0
        ):
            if (
                section.heading is not None
                and section.heading.kind is LineKind.MD_HEADING
                and section.position == 0
            ):
                lines.append(section.heading)
            lines.extend(section.lines)
    return lines


def header_lines(sections: Sequence[Section]) -> list[Line]:
    """Every line before the first body section (a summary, jobs, schools, projects,
    publications), the first section's markdown heading included: a contact sidebar and what
    follows it belong to the header; at least the first section's lines do."""
    lines: list[Line] = []
    for section in sections:
        first = section.position == 0
        contacts = not first and section.kind in _BODY_KINDS and _contact_block(section)
        if section.kind in _BODY_KINDS and not first and not contacts:
            break
        if first and section.heading is not None and section.heading.kind is LineKind.MD_HEADING:
            lines.append(section.heading)
        if section.kind in _BODY_KINDS and not contacts:  # opens with its jobs: their first lines
            lines.extend(section.lines[:_BODY_FIRST_LINES])
            break
        lines.extend(section.lines)
        if len(lines) >= MAX_HEADER_LINES:
            break
    return lines[:MAX_HEADER_LINES]


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_CONTACT_BLOCK_LINES = 6


def _contact_block(section: Section) -> bool:
    """A "section" whose first lines hold an e-mail address is the header's contact block
    under a headline the segmenter took for a heading ("TRAINING MANAGER" over a street, a
    town and an e-mail): the person's own address is written there, not in a job or a school."""
    return any(_EMAIL.search(line.text) for line in section.lines[:_CONTACT_BLOCK_LINES])


def pieces(line: Line, text: str) -> list[tuple[int, int]]:
    """The fields of a top line, trimmed of markup and emoji at their edges."""
    return [(piece.start, piece.end) for piece in _line_pieces(line, 0, text)]


def header_pieces(lines: Sequence[Line], text: str) -> list[Piece]:
    """The fields of the header lines in reading order, no further than ``HEADER_CHARS`` into
    the first line's text and no more than ``MAX_HEADER_PIECES`` of them."""
    found: list[Piece] = []
    for index, line in enumerate(lines):
        found.extend(_line_pieces(line, index, text))
        if len(found) >= MAX_HEADER_PIECES:
            break
    limit = (lines[0].content_start + HEADER_CHARS) if lines else 0
    return [piece for piece in found if piece.start < limit][:MAX_HEADER_PIECES]


def _line_pieces(line: Line, index: int, text: str) -> list[Piece]:
    found: list[Piece] = []
    end_of_line = min(line.end, line.content_start + HEADER_CHARS)
    breaks = [*_PIECE_BREAK.finditer(text, line.content_start, end_of_line)]
    bounds = [line.content_start, *(b for m in breaks for b in m.span()), end_of_line]
    for number in range(0, len(bounds), 2):
        start, end = bounds[number], bounds[number + 1]
        before = breaks[number // 2 - 1] if number else None
        after = breaks[number // 2] if number // 2 < len(breaks) else None
        alone = all(b is None or _LINE_BREAK.fullmatch(b.group()) for b in (before, after))
        trimmed = _trim(text, start, end)
        if trimmed is not None:
            found.append(Piece(trimmed[0], trimmed[1], index, alone))
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    link = _WHOLE_LINK.match(text, start, end)
    if link is not None:  # a field that is one markdown link says its link text
        start, end = link.span("label")
    piece = text[start:end]
    lead_match = _PIECE_EDGE.match(piece)
    lead = lead_match.end() if lead_match else 0
    trail = _PIECE_EDGE.search(piece[lead:])
    trail_len = len(trail.group()) if trail and trail.start() > 0 else 0
    if end - trail_len - (start + lead) > 1:
        return start + lead, end - trail_len
    return None


def word_count(text: str) -> int:
    return sum(1 for word in text.split() if any(char.isalnum() for char in word))
