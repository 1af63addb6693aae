"""Jobs whose title line the segmenter gave to the job above, given back.

In a layout without bullet marks the segmenter may end a job with the next job's "Role at
Organization" line and start the next job at its dates line. Apart from ``experience.py``
(which reads one entry's fields) because it moves lines between entries of a section.
"""

from __future__ import annotations

from collections.abc import Sequence

from resume_etl.stages.extract._header import header_segments
from resume_etl.stages.extract._job_header import job_segments
from resume_etl.stages.extract._pieces import SegmentKind
from resume_etl.stages.extract._spans import SpanIndex
from resume_etl.stages.segment import Entry


def rejoin_split_headers(entries: Sequence[Entry], spans: SpanIndex) -> list[Entry]:
    """Jobs with their title line given back. In a layout without bullet marks the segmenter
    may end the job above with the next job's "Role at Organization" line, and start the next
    job at its dates line: when an entry opens with its dates and names no title, while the
    entry before it ends with a line that names one (and keeps its own dates and title), that
    line is the entry's first."""
    rejoined = list(entries)
    index = 1
    while index < len(rejoined):
        above, entry = rejoined[index - 1], rejoined[index]
        if _lends_title_line(above, entry, spans):
            line = above.header[-1]
            rejoined[index] = Entry((line, *entry.header), entry.body, entry.columns)
            if len(above.header) > 1:
                rejoined[index - 1] = Entry(above.header[:-1], above.body, above.columns)
            else:
                del rejoined[index - 1]
                continue
        index += 1
    return rejoined


def _lends_title_line(above: Entry, entry: Entry, spans: SpanIndex) -> bool:
    if above.body or above.columns or entry.columns:
        return False
    dates, segments = job_segments(entry, spans)
    opens_with_dates = dates is not None and dates.start_char < entry.header[0].end
    if not opens_with_dates or any(s.kind is SegmentKind.ROLE for s in segments):
        return False
    last = header_segments(above.header[-1:], spans, [])
    if not any(s.kind is SegmentKind.ROLE for s in last):
        return False
    above_dates, _ = job_segments(above, spans)
    if above_dates is None:
        return True
    # A dated job above lends the line only when it keeps its own dates and title.
    rest = above.header[:-1]
    kept = header_segments(rest, spans, []) if rest else []
    return above_dates.end_char <= above.header[-1].start and any(
        s.kind is SegmentKind.ROLE for s in kept
    )
