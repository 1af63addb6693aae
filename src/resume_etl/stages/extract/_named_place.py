"""A one-word employer the NER calls a place: "Brindlework" over the title.

Brand names the small NER does not know (one invented word, a founder's surname) are often
read as places. A job with a title and no employer, whose header holds such a name alone on a
line above the title (a markdown heading, a LinkedIn company line), or alone on its line while
the job states another place too (a job has one place), names its employer there: the name is
the employer, and the other place, if any, is where the job was.
"""

from __future__ import annotations

from collections.abc import Sequence

from resume_etl.stages.extract._pieces import HeaderSegment, SegmentKind, line_of
from resume_etl.stages.extract._slots import SURE


def _alone_on_its_line(text: str, found: HeaderSegment, segments: Sequence[HeaderSegment]) -> bool:
    line = line_of(text, found.start)
    return not any(other is not found and line_of(text, other.start) == line for other in segments)


def employer_read_as_place(
    segments: Sequence[HeaderSegment], text: str, role: HeaderSegment | None
) -> tuple[HeaderSegment, HeaderSegment | None] | None:
    """The employer and the place (see module), or None when the header holds no such name."""
    if role is None:
        return None
    places = [s for s in segments if s.kind is SegmentKind.LOCATION]
    title_line = line_of(text, role.start)
    for found in places:
        if found.confidence >= SURE or not _alone_on_its_line(text, found, segments):
            continue
        others = [s for s in places if s is not found]
        if line_of(text, found.start) < title_line or others:
            employer = HeaderSegment(
                found.text, found.start, found.end, SegmentKind.ORGANIZATION, 0.6
            )
            return employer, (others[0] if others else None)
    return None
