"""Where a job header ends: a line closed by its dates in brackets, after a title and a name,
says all a header says.

"Senior Developer, Qorvex (since 2019)" and "Data Analyst, Trelio AG (2012 – 2016)" name the
title, the employer and the period on one line, and the bracket that closes the line closes the
header: what the next lines hold is where the job was ("Berlin, Germany") or what the employer
does ("Startup - a savings app", "Design & Print, Consulting"), never a second
employer or title. Without this, a keyword in that description ("Startup", "Consulting") was
taken for the employer over the name beside the title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from resume_etl.dates import DateRangeMatch
from resume_etl.stages.extract._pieces import HeaderSegment, SegmentKind, line_of

_OPENS = re.compile(r"\S\s*\(\s*(?:[^\W\d_]+\s+)?$")
"""Something, then the bracket the dates open in, with at most one word before them
("(since 2019)", "(seit 2019)")."""
_CLOSES = re.compile(r"\s*\)\s*")
_NAME_KINDS = frozenset({SegmentKind.ROLE, SegmentKind.ORGANIZATION, SegmentKind.UNKNOWN})
_TITLE_AND_NAME = 2


def closes_its_line(text: str, dates: DateRangeMatch) -> bool:
    """The dates stand in brackets at the end of a line that holds something before them."""
    line_start = text.rfind("\n", 0, dates.start_char) + 1
    line_end = text.find("\n", dates.end_char)
    line_end = len(text) if line_end < 0 else line_end
    return bool(_OPENS.search(text, line_start, dates.start_char)) and bool(
        _CLOSES.fullmatch(text, dates.end_char, line_end)
    )


def within_header(
    segments: Sequence[HeaderSegment], dates: DateRangeMatch | None, text: str
) -> list[HeaderSegment]:
    """The segments of a header that ends at its dates line when the dates close that line in
    brackets after a title and a name (below it only the job's place is still header); all of
    them otherwise."""
    if dates is None or not closes_its_line(text, dates):
        return list(segments)
    last = line_of(text, dates.start_char)
    on_line = [s.kind for s in segments if line_of(text, s.start) == last]
    named = [kind for kind in on_line if kind in _NAME_KINDS]
    if SegmentKind.ROLE not in on_line or len(named) < _TITLE_AND_NAME:
        return list(segments)
    return [
        segment
        for segment in segments
        if line_of(text, segment.start) <= last or segment.kind is SegmentKind.LOCATION
    ]
