"""A publication written as a definition list item: its title the term, its venue and year the
definitions under it.

CVs rendered from templates (pandoc's markdown, a site generator's) set a paper as

    **A Study of Things**
    : <i>Journal of Stuff</i>, 2019

the title bold, italic or plain, the venue in emphasis or an inline HTML tag (``<i>``, ``<em>``,
``<span class="venue">``), each definition one more fact (the authors, the venue, the year). The
citation reader would see the markup as text ("**A Study …") and find no title. Here the term
is the title, its markup left out; each definition line is read with its markup as blanks of
its width, so every range stays the document's. A term that opens with emphasis or a link
("**Title** (2019)", "[Title](url)") has that run for its title, the rest may hold the year.
The venue is the first definition set off in italics or a tag, else the first that names a
venue and is no author list (full names, "Sam Rivera, Lee Park", are set off by no mark). The
first year in the term or a definition gives the year, the first link target the URL.

Pure (no spaCy): lines in, document ranges out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from resume_etl.stages.extract._markup import markup_marks
from resume_etl.stages.extract.citations import is_author_list, venue_at
from resume_etl.stages.segment import Line, is_definition

_YEAR = re.compile(r"(?<![\d.:/])(?:19[5-9]\d|20\d\d)(?!\d|\.\d)")
_OPENING_RUN = re.compile(
    r"\s*(?:(\*\*|__|\*|_)(?=\S)[^\n]+?(?<=\S)\1(?![\w*])|\[[^\]\n]+\]\([^)\s]*\))"
)
"""An emphasized run or a link opening a term: the title, when the term goes on after it."""
_SET_OFF = re.compile(
    r"(?<![\w*])([*_])(?=[^\s*_])[^*_\n]+?(?<=[^\s*_])\1(?![\w*])|<(?:i|em|cite|span)\b",
    re.IGNORECASE,
)
"""Italics or an inline tag, how a template sets a venue off (bold sets off the person)."""
_LINK_TARGET = re.compile(r"\]\((https?://[^)\s]+)\)")
_TITLE_TRIM = " \t.,;:\"“”'"
_MIN_TITLE_WORDS = 2


@dataclass(frozen=True, slots=True)
class DefinitionCitation:
    """What a definition list item states, as document ranges."""

    title: tuple[int, int]
    venue: tuple[int, int] | None
    year: int | None
    url: str | None = None


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
    run = _OPENING_RUN.match(document, term.content_start, term.end)
    end = run.end() if run else term.end
    text = _unmarked(document, replace(term, end=end))
    kept = text.strip(_TITLE_TRIM)
    if len(kept.split()) < _MIN_TITLE_WORDS or not kept[:1].isalnum():
        return None
    start = term.content_start + text.index(kept)
    return start, start + len(kept)


def _venue(
    document: str, lines: Sequence[Line], venue_leads: Mapping[int, int]
) -> tuple[int, int] | None:
    """The first definition set off in italics or a tag that names a venue, else the first
    that names one and is no author list."""
    found: list[tuple[bool, tuple[int, int]]] = []
    for line in lines:
        text = _unmarked(document, line)
        if is_author_list(text):
            continue
        lead = venue_leads.get(line.start, line.content_start) - line.content_start
        where = venue_at(text, lead, len(text))
        if where is not None:
            set_off = _SET_OFF.search(document, line.content_start, line.end) is not None
            found.append((set_off, (line.content_start + where[0], line.content_start + where[1])))
    return next((where for set_off, where in found if set_off), found[0][1] if found else None)


def _year(document: str, lines: Sequence[Line], title: tuple[int, int] | None) -> int | None:
    """The first year outside the title: in the rest of the term, then in a definition."""
    for line in lines:
        text = _unmarked(document, line)
        for found in _YEAR.finditer(text):
            at = line.content_start + found.start()
            if title is None or not title[0] <= at < title[1]:
                return int(found.group())
    return None


def _url(document: str, lines: Sequence[Line]) -> str | None:
    for line in lines:
        if link := _LINK_TARGET.search(document, line.content_start, line.end):
            return link.group(1)
    return None


def read_definition_citation(
    document: str, lines: Sequence[Line], venue_leads: Mapping[int, int] | None = None
) -> DefinitionCitation | None:
    """Title, venue, year and URL of a definition list item (``is_definition_item``), or None
    when its term is no title of two words or more, or nothing names a venue or a year (a
    label over a list is no paper). ``venue_leads``: where a line's venue starts, by the line's
    start, when words that introduce it come first ("Submitted to <i>Venue</i>")."""
    if not is_definition_item(lines):
        return None
    title = _title(document, lines[0])
    venue = _venue(document, lines[1:], venue_leads or {})
    year = _year(document, lines, title)
    if title is None or (venue is None and year is None):
        return None
    return DefinitionCitation(title, venue, year, _url(document, lines))
