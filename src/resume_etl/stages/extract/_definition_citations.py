"""A publication written as a definition list item: its title the term, its venue and year the
definitions under it.

CVs rendered from templates (pandoc's markdown, a site generator's) set a paper as

    **A Study of Things**
    : <i>Journal of Stuff</i>, 2019

the title bold, italic or plain, the venue in emphasis or an inline HTML tag (``<i>``, ``<em>``,
``<span class="venue">``), each definition one more fact (the authors, the venue, the year). The
citation reader would see the markup as text ("**A Study …") and find no title. Here the term
is the title, its markup left out; each definition line is read with its markup as blanks of
its width, so every range stays the document's: the first that names a venue (not an author
list) gives it, the first year in any gives the year.

Pure (no spaCy): lines in, document ranges out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from resume_etl.stages.extract._markup import markup_marks
from resume_etl.stages.extract.citations import is_author_list, venue_at
from resume_etl.stages.segment import Line, is_definition

_YEAR = re.compile(r"(?<![\d.:/])(?:19[5-9]\d|20\d\d)(?!\d|\.\d)")
_TITLE_TRIM = " \t.,;:\"“”'"
_MIN_TITLE_WORDS = 2


@dataclass(frozen=True, slots=True)
class DefinitionCitation:
    """What a definition list item states, as document ranges."""

    title: tuple[int, int]
    venue: tuple[int, int] | None
    year: int | None


def is_definition_item(lines: Sequence[Line]) -> bool:
    """A term with one definition line or more under it, and nothing else."""
    return len(lines) > 1 and lines[0].term and all(map(is_definition, lines[1:]))


def _unmarked(document: str, line: Line) -> str:
    """The line's content with its markup (emphasis marks, link brackets, tags) as blanks of
    its width: offset ``i`` of the result is ``line.content_start + i`` of the document."""
    content = list(document[line.content_start : line.end])
    for start, end in markup_marks(document, line.content_start, line.end):
        content[start - line.content_start : end - line.content_start] = " " * (end - start)
    return "".join(content)


def _title(document: str, term: Line) -> tuple[int, int] | None:
    text = _unmarked(document, term)
    kept = text.strip(_TITLE_TRIM)
    if len(kept.split()) < _MIN_TITLE_WORDS or not kept[:1].isalnum():
        return None
    start = term.content_start + text.index(kept)
    return start, start + len(kept)


def read_definition_citation(
    document: str, lines: Sequence[Line], venue_leads: Mapping[int, int] | None = None
) -> DefinitionCitation | None:
    """Title, venue and year of a definition list item (``is_definition_item``), or None when
    its term is no title of two words or more, or no definition names a venue or a year (a
    label over a list is no paper). ``venue_leads``: where a line's venue starts, by the line's
    start, when words that introduce it come first ("Submitted to <i>Venue</i>")."""
    if not is_definition_item(lines):
        return None
    title = _title(document, lines[0])
    venue: tuple[int, int] | None = None
    year: int | None = None
    for line in lines[1:]:
        text = _unmarked(document, line)
        if year is None and (found := _YEAR.search(text)):
            year = int(found.group())
        if venue is None and not is_author_list(text):
            lead = (venue_leads or {}).get(line.start, line.content_start) - line.content_start
            where = venue_at(text, lead, len(text))
            venue = (
                (line.content_start + where[0], line.content_start + where[1]) if where else None
            )
    if title is None or (venue is None and year is None):
        return None
    return DefinitionCitation(title, venue, year)
