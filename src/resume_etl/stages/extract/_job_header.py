"""A job entry's header as read: its period and its classified segments, once per entry."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from resume_etl.dates import DateRangeMatch
from resume_etl.stages.extract._entry import date_masks, entry_dates
from resume_etl.stages.extract._header import HeaderSegment, header_segments
from resume_etl.stages.extract._header_end import within_header
from resume_etl.stages.extract._running_head import repeated_running_head
from resume_etl.stages.extract._spans import SpanIndex
from resume_etl.stages.segment import Entry

_JobRead = tuple[DateRangeMatch | None, tuple[HeaderSegment, ...]]
_JOBS_READ: WeakKeyDictionary[SpanIndex, dict[Entry, _JobRead]] = WeakKeyDictionary()
"""Each document's jobs as read, forgotten with the document's span index."""


def job_segments(
    entry: Entry, spans: SpanIndex
) -> tuple[DateRangeMatch | None, list[HeaderSegment]]:
    """A job entry's period and its header cut into classified segments.

    Asked at least twice of each job (its section's slots, then the job itself) and the
    costliest read of a header, so remembered; the answer depends on the entry's lines (a
    frozen value) and the document's spans alone."""
    read = _JOBS_READ.setdefault(spans, {})
    found = read.get(entry)
    if found is None:
        dates, segments = _job_segments(entry, spans)
        found = read[entry] = (dates, tuple(segments))
    return found[0], list(found[1])


def _job_segments(
    entry: Entry, spans: SpanIndex
) -> tuple[DateRangeMatch | None, list[HeaderSegment]]:
    dates = entry_dates(entry, spans)
    masks = date_masks(dates, entry, spans)
    # A running head repeated above the next job ("Name – Curriculum Vitae") holds no field.
    lines = [line for line in entry.header if not repeated_running_head(line, spans.text)]
    segments = header_segments(lines or entry.header, spans, masks, entry.columns)
    return dates, within_header(segments, dates, spans.text)
