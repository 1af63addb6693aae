"""Schools listed where no education heading says so: in the header before any heading, and
as entries of other sections that name a degree and a school.

Kept apart from ``_school_entries`` (which cuts an education section's entries into schools):
these decide whether lines elsewhere are a school at all.
"""

from __future__ import annotations

from collections.abc import Sequence

from resume_etl.nlp import labels
from resume_etl.stages.extract._school_entries import opens_with_a_degree
from resume_etl.stages.extract._spans import SpanIndex
from resume_etl.stages.segment import Entry, Line


def header_schools(lines: Sequence[Line], spans: SpanIndex) -> list[Entry]:
    """ "Jane Doe" / "jane@…" / "Master of Science in Special Education" / "May 2006" /
    "Brenton University, Baltimore": schools listed before any heading. Each line that opens
    with a degree heads an entry of at most three lines (up to the next such line); only those
    naming a school too (``holds_degree_and_school``) are kept. A degree after a name ("Jane
    Doe, Ph.D.") opens no line, so a title block over an affiliation is no school."""
    starts = [i for i, line in enumerate(lines) if opens_with_a_degree(line, spans)]
    entries: list[Entry] = []
    for number, start in enumerate(starts):
        stop = starts[number + 1] if number + 1 < len(starts) else len(lines)
        entry = Entry(header=tuple(lines[start : min(stop, start + _MAX_SCHOOL_LINES)]), body=())
        if holds_degree_and_school(entry, spans):
            entries.append(entry)
    return entries


_MAX_SCHOOL_LINES = 3
_MAX_SCHOOL_LINE_WORDS = 18


def holds_degree_and_school(entry: Entry, spans: SpanIndex) -> bool:
    """Whether the entry's header names a degree and a school ("X University" / "Master of
    Arts, 2004"): what an education entry holds wherever its section stands."""
    if len(entry.header) > _MAX_SCHOOL_LINES or any(
        len(line.content.split()) > _MAX_SCHOOL_LINE_WORDS for line in entry.header
    ):
        return False  # a citation, a reference's address, a list of awards
    start, end = entry.header[0].start, entry.header[-1].end
    text = spans.text
    degrees = [  # not a link's path: ".../accomplishments/certificate/..."
        d
        for d in spans.within(labels.DEGREES, start, end)
        if "/" not in text[d.start_char - 1 : d.start_char] + text[d.end_char : d.end_char + 1]
    ]
    return any(
        word._.get(labels.CATEGORY_ATTR) == labels.ACADEMIC
        and not any(d.start_char < word.end_char and word.start_char < d.end_char for d in degrees)
        for word in spans.within(labels.ORG_KEYWORDS, start, end)
    ) and bool(degrees)  # "High School" is a degree's word and a school's: it names one of them
