"""Date forms per layout: each layout writes its dates one way, as real documents do.

A style says how a point is written ("Jan 2020", "01/2020", "2020-01", "January 2020", "2020"),
how far it keeps the precision (``year`` styles drop the month, and so does the gold), what an
ongoing end is called ("Present", "now", …) and which dash joins a range.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from typing import Literal

from resume_etl.evaluation.real.facts import Month, Period

PointForm = Literal["short", "numeric", "iso", "long", "year"]

SHORT_MONTHS = tuple(calendar.month_abbr[number] for number in range(1, 13))
LONG_MONTHS = tuple(calendar.month_name[number] for number in range(1, 13))


@dataclass(frozen=True, slots=True)
class DateStyle:
    """How one layout writes dates and ranges."""

    form: PointForm
    ongoing: str = "Present"
    dash: str = " – "
    since: bool = False
    """Write an ongoing range as "since 2019" instead of "2019 – now"."""
    period_second: bool = False
    """Set an entry's period on the line under its first, not last (a narrow column's
    "Degree" / "2019 - 2021" / "School"); for the layouts that give the period a line."""
    emphasis: tuple[str, str] = ("*", "*")
    """The marks a markdown layout sets a period off with, before and after it ("*…*";
    real CVs also write "_…_", "**…**", "(_…_)"); layouts without markup ignore them."""

    @property
    def precision(self) -> str:
        """The finest precision this style prints: ``month`` or ``year``."""
        return "year" if self.form == "year" else "month"

    def point(self, when: Month) -> str:
        if when.month is None or self.form == "year":
            return str(when.year)
        if self.form == "short":
            return f"{SHORT_MONTHS[when.month - 1]} {when.year}"
        if self.form == "long":
            return f"{LONG_MONTHS[when.month - 1]} {when.year}"
        if self.form == "numeric":
            return f"{when.month:02d}/{when.year}"
        return f"{when.year}-{when.month:02d}"

    def emphasized(self, text: str) -> str:
        """``text`` (a period) in this style's emphasis marks; nothing when it is empty."""
        return f"{self.emphasis[0]}{text}{self.emphasis[1]}" if text else ""

    def period(self, period: Period) -> str:
        """The range as text; empty when the entry states no date at all."""
        start = self.point(period.start) if period.start else None
        if period.current:
            if start is None:
                return self.ongoing
            return f"since {start}" if self.since else f"{start}{self.dash}{self.ongoing}"
        end = self.point(period.end) if period.end else None
        if start and end:
            return f"{start}{self.dash}{end}"
        return start or end or ""


def months_between(start: Month, end: Month) -> int:
    """Whole months from start to end, both counted, as LinkedIn does ("1 year 2 months")."""
    return max(0, (end.year - start.year) * 12 + (end.month or 1) - (start.month or 1) + 1)


def duration_text(months: int) -> str:
    """LinkedIn's duration: "3 years 2 months", "1 year", "less than a year"."""
    years, rest = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if rest:
        parts.append(f"{rest} month{'s' if rest != 1 else ''}")
    return " ".join(parts) or "less than a year"
