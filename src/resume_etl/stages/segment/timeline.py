"""A jobs section a website names in its own words, found by the timeline under it."""

from __future__ import annotations

import re
from collections.abc import Callable

from resume_etl.stages.segment.lines import Line, LineKind
from resume_etl.stages.segment.periods import ONGOING, is_date_line, is_period_alone
from resume_etl.vocab import SectionKind

_MIN_TIMELINE_DATES = 2
_MAX_DATE_ONLY_WORDS = 6
_MAX_UNNAMED_HEADING_WORDS = 3


def is_date_only(line: Line) -> bool:
    content = line.content.strip()
    return is_date_line(content) and len(content.split()) <= _MAX_DATE_ONLY_WORDS


def unnamed_timeline(
    groups: list[tuple[SectionKind, Line | None, list[Line]]],
) -> list[tuple[SectionKind, Line | None, list[Line]]]:
    """A website names its jobs section in its own words ("Kitchens", "Where I cooked"): when
    the text before the first known heading holds a timeline (several lines that are only a
    period), the last short heading-like line before it opens an experience section."""
    kind, heading, body = groups[0]
    if kind is not SectionKind.HEADER:
        return groups
    dated = [index for index, line in enumerate(body) if is_date_only(line)]
    if len(dated) < _MIN_TIMELINE_DATES:
        return groups
    candidates = [
        index
        for index in range(1, dated[0])
        if _reads_as_heading(body[index]) and body[index].blank_before
    ]
    if not candidates:
        return groups
    split = candidates[-1]
    return [
        (kind, heading, body[:split]),
        (SectionKind.EXPERIENCE, body[split], body[split + 1 :]),
        *groups[1:],
    ]


def _reads_as_heading(line: Line) -> bool:
    text = line.content.strip()
    words = text.split()
    return (
        line.kind is LineKind.TEXT
        and 0 < len(words) <= _MAX_UNNAMED_HEADING_WORDS
        and text[0].isupper()
        and text[-1].isalnum()
        and not is_date_line(text)
    )


_RANGE = re.compile(rf"(?i)\d\s*(?:-{{1,3}}|[–—]|to|until)\s*(?:\S|$)|\b(?:{ONGOING})\b")
"""A period with two ends, or one still running: a job's, not an event's single date."""


def is_timeline_period(line: Line) -> bool:
    """A plain line that is a range and nothing else ("Nov 2018 - March 2019", "2014-present"):
    how a list of positions dates each one (a talk, a grant or a workshop has its one year,
    or its date inside a list item)."""
    content = line.content.strip()
    return (
        line.kind is LineKind.TEXT
        and is_period_alone(content)
        and _RANGE.search(content) is not None
    )


def timelines_as_jobs(
    groups: list[tuple[SectionKind, Line | None, list[Line]]],
    names_kind: Callable[[str], SectionKind | None],
) -> list[tuple[SectionKind, Line | None, list[Line]]]:
    """A markdown heading no section phrase names ("Research", "History", "Academic & Research
    Positions") over a timeline (several lines that are only a range) heads a jobs section:
    a list of periods, each with its position, is what a CV's jobs are. So does a skills
    heading over a longer one, its jobs' own heading missed."""
    found = []
    for kind, heading, body in groups:
        unnamed = (
            kind is SectionKind.OTHER
            and heading is not None
            and heading.kind is LineKind.MD_HEADING
            and names_kind(heading.content) is None
        )
        periods = sum(map(is_timeline_period, body))
        jobs = (unnamed and periods >= _MIN_TIMELINE_DATES) or (
            kind is SectionKind.SKILLS and periods >= _MIN_SKILLS_TIMELINE_DATES
        )
        found.append((SectionKind.EXPERIENCE if jobs else kind, heading, body))
    return found


_MIN_SKILLS_TIMELINE_DATES = 3
"""Periods that make a skills section a work history: a skills list dates nothing, so lines
that are only a range ("2005 to 2012") under "PROFESSIONAL COMPETENCIES" are jobs whose own
heading ("ACCOMPLISHMENTS") no phrase names."""
