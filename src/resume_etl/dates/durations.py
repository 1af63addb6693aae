"""Months a dated entry covers, and the months of several entries merged (overlaps counted once)."""

from __future__ import annotations

import datetime as dt

from resume_etl.dates.points import DateRangeMatch, PartialDate
from resume_etl.vocab import DatePrecision

MonthInterval = tuple[int, int]
"""Inclusive (first, last) month indexes, ``year * 12 + month - 1``."""


def month_index(value: dt.date) -> int:
    return value.year * 12 + value.month - 1


def _last_month(point: PartialDate) -> int:
    """The last month a stated period covers: "2021" runs to December, "Summer 2023" to August."""
    first = month_index(point.value)
    if point.precision is DatePrecision.YEAR:
        return first + 11
    if point.precision is DatePrecision.SEASON:
        return first + 2
    return first


def entry_interval(dates: DateRangeMatch, today: dt.date) -> MonthInterval | None:
    """Months an entry spans, both ends included; ongoing entries end in ``today``'s month.

    A single date ("2019") covers only its own period. None when there is no start, or the end
    is before the start (the ``end_before_start`` issue says why).
    """
    if dates.start is None:
        return None
    first = month_index(dates.start.value)
    if dates.is_current:
        last = month_index(today)
    elif dates.end is not None:
        last = _last_month(dates.end)
    else:
        last = _last_month(dates.start)
    return (first, last) if last >= first else None


def ends_before_start(dates: DateRangeMatch) -> bool:
    """True when the stated end period closes before the start period opens.

    Periods, not first days, are compared: "Mar 2021 - 2021" ends in December 2021 and is fine.
    """
    if dates.start is None or dates.end is None:
        return False
    return _last_month(dates.end) < month_index(dates.start.value)


def interval_months(interval: MonthInterval) -> int:
    return interval[1] - interval[0] + 1


def merged_months(intervals: list[MonthInterval]) -> int:
    """Months covered by the union of intervals: concurrent entries count once."""
    total = 0
    current: MonthInterval | None = None
    for first, last in sorted(intervals):
        if current is not None and first <= current[1] + 1:
            current = (current[0], max(current[1], last))
            continue
        if current is not None:
            total += interval_months(current)
        current = (first, last)
    if current is not None:
        total += interval_months(current)
    return total
