"""What a date found in text is: a point stated to some precision, or a range of two."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from resume_etl.vocab import DateIssue, DatePrecision


@dataclass(frozen=True)
class PartialDate:
    """A date stated to some precision; ``value`` is the first day of that period."""

    value: dt.date
    precision: DatePrecision
    issue: DateIssue | None = None


@dataclass(frozen=True)
class DateRangeMatch:
    """A date or date range found in text, with its character offsets.

    ``start`` is None only for a bare "Current"/"Ongoing" and for a school's lone date, which is
    its graduation (``end``; ``stages/extract/_school_pieces.graduation_dates``); ``end`` is None
    for a single date, an ongoing range (``is_current``) or a range whose end was lost.
    """

    start: PartialDate | None
    end: PartialDate | None
    is_current: bool
    start_char: int
    end_char: int
    text: str
    issue: DateIssue | None = None
