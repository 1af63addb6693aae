"""Gaps: what one run of spaces inside a collapsed line stood for.

A run is padding around a mark ("a  |  b", "•  item"), the lost dash of a date range
("2003  Present"), a line break, or two of them (a blank line). The evidence and the thresholds
are set out in the package docstring (``reflow/__init__.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cache

from resume_etl.config import DateSettings
from resume_etl.dates import DateParser, DateRangeMatch

BLANK_LINE_RUN = 4
"""Runs at least this long stood for a blank line: they get two line breaks (one before a list
item or a lower-case continuation)."""

_DATE_REACH = 40
"""Characters on each side of a run that the date-range check reads."""

_RUN = re.compile(r" {2,}")
_SENTENCE_ENDS = ".!?"
_CLOSERS = "\"')]"
_ESCAPED_BYTES = re.compile(r"(?:\\x[0-9a-fA-F]{2})+")
_BULLET_MARK = re.compile(r"[•●▪■◦‣∙○◆►▸➢✓✔*\-–—+\uf000-\uf8ff]")
"""A cell that is one of these marks opens a list item ("a  •  b": break before the mark)."""
_SYMBOL = re.compile(r"[^\w\s]{1,3}")
_FIELD_LABEL = re.compile(r"[ \t]+\w+(?:[ \t]+\w+)?[ \t]*:")
"""What follows "Current"/"Present" when it opens a field label ("Current Location: Pune")."""


class Gap(Enum):
    """What one run of spaces inside a line stood for."""

    KEEP = "keep"
    BREAK = "break"
    BLANK_LINE = "blank_line"
    DASH = "dash"


BREAKS = frozenset({Gap.BREAK, Gap.BLANK_LINE})


@dataclass(frozen=True, slots=True)
class Run:
    start: int
    end: int
    gap: Gap
    counts: bool
    """Whether it is evidence that the line is collapsed: a break not after a sentence end, or
    a tab-wide gap after a bullet mark (a list item in the middle of a line)."""


def runs(line: str) -> Iterator[Run]:
    """Each run of two or more spaces between two cells of text, and what it stood for."""
    inner = [
        match for match in _RUN.finditer(line) if match.start() > 0 and match.end() < len(line)
    ]
    edges = [0, *(edge for match in inner for edge in match.span()), len(line)]
    cells = [line[edges[index] : edges[index + 1]] for index in range(0, len(edges), 2)]
    dates = _DatesOf(line)
    for index, match in enumerate(inner):
        left, right = cells[index], cells[index + 1]
        gap = _gap(left, right, match.start(), match.end(), dates)
        tab_after_bullet = len(match.group()) >= BLANK_LINE_RUN and _is_bullet(left)
        breaks = gap in BREAKS or tab_after_bullet  # a mid-line bullet is a break before it
        counts = breaks and left.rstrip(_CLOSERS)[-1:] not in _SENTENCE_ENDS
        yield Run(match.start(), match.end(), gap, counts)


def _gap(left: str, right: str, start: int, end: int, dates: _DatesOf) -> Gap:
    """A run is padding around a mark, part of a date range, or a line break."""
    narrow = end - start < BLANK_LINE_RUN
    if _is_bullet(left) or (narrow and _is_symbol(left)):
        return Gap.KEEP  # the space after a bullet (a tab, however wide) or a separator
    if narrow and _is_symbol(right) and not _is_bullet(right):
        return Gap.KEEP  # the space before a separator: "a  |  b" is one line
    if narrow and dates.lost_dash(left, right, start, end):
        return Gap.DASH
    if not narrow and not _continues_a_block(right):
        return Gap.BLANK_LINE
    return Gap.BREAK


def _continues_a_block(cell: str) -> bool:
    """A list item or a wrapped line: after a wide run, its spaces were indentation, not a
    blank line ("...dispatch    rose from 91%", "...teachers    - Raised ...")."""
    return cell[:1].islower() or _is_bullet(cell.split(" ", 1)[0])


def _is_symbol(cell: str) -> bool:
    if len(cell) <= 3:
        return bool(_SYMBOL.fullmatch(cell))
    return cell[:2] == "\\x" and bool(_ESCAPED_BYTES.fullmatch(cell))


def _is_bullet(cell: str) -> bool:
    if len(cell) == 1:
        return bool(_BULLET_MARK.fullmatch(cell))
    return cell[:2] == "\\x" and bool(_ESCAPED_BYTES.fullmatch(cell))


class _DatesOf:
    """The dates of one line, found in one scan, so each run asks about its two sides in
    constant time and only a run between two dates pays for a closer look."""

    def __init__(self, line: str) -> None:
        found = _date_parser().find_ranges(line)
        self.ending_at = {date.end_char: date for date in found}
        self.starting_at = {date.start_char: date for date in found}

    def lost_dash(self, left: str, right: str, start: int, end: int) -> bool:
        """Two dates with nothing but spaces between them: a range once its dash is back.

        Not when either side already is a whole range ("Honors 2022  Sept 2020 - Aug 2024"),
        nor when the second date opens a field label ("1994  Current Location: Pune").
        """
        before, after = self.ending_at.get(start), self.starting_at.get(end)
        if (before and _is_whole_range(before)) or (after and _is_whole_range(after)):
            return False
        if after is None and not _CURRENT_WORD.match(right):
            return False
        if before is None and not left[-1:].isalpha():  # a bare month is no date on its own
            return False
        return _reads_as_range(left[-_DATE_REACH:], right[:_DATE_REACH], end - start)


def _reads_as_range(head: str, tail: str, width: int) -> bool:
    joined = head + "-" + " " * (width - 1) + tail
    junction = len(head)
    for found in _date_parser().find_ranges(joined):
        if found.start_char < junction and found.end_char >= junction + width + 3:
            rest = joined[found.end_char :]
            return _is_whole_range(found) and not _FIELD_LABEL.match(rest)
    return False


def is_period(cell: str) -> bool:
    """Whether ``cell`` is one date or one date range and nothing else ("03/2021 - Present")."""
    text = cell.strip()
    return any(
        found.start_char == 0 and found.end_char >= len(text)
        for found in _date_parser().find_ranges(text)
    )


def is_bullet(cell: str) -> bool:
    """Whether ``cell`` is a list item's mark alone ("•", a Symbol-font glyph, an escape)."""
    return _is_bullet(cell)


def _is_whole_range(found: DateRangeMatch) -> bool:
    return found.start is not None and (found.end is not None or found.is_current)


@cache
def _date_parser() -> DateParser:
    """One parser per process, built only when a collapsed line is met."""
    return DateParser()


_CURRENT_WORD = re.compile(
    "(?i)(?:" + "|".join(map(re.escape, DateSettings().current_words)) + r")(?!\w)"
)
"""The words that end an ongoing range ("Present"), as the date settings list them."""
