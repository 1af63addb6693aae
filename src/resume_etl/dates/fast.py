"""The fast path: English month names, seasons, numeric dates and bare years parsed with plain
regexes, so most dates never reach dateparser (the package docstring says where the two differ).
"""

from __future__ import annotations

import datetime as dt
import re

from resume_etl.config import DateOrder, DateSettings
from resume_etl.dates.points import PartialDate
from resume_etl.dates.words import (
    ENGLISH_MONTHS,
    SEASON_MONTHS,
    SEASON_TERMS,
)
from resume_etl.vocab import DateIssue, DatePrecision

_FAST_MONTH_YEAR = re.compile(
    rf"(?P<month>[a-z]+)\.?,? ?(?:(?:of|{'|'.join(SEASON_TERMS)}) )?"
    r"(?P<year>(?:19|20)\d{2}|['’‘]\d{2})",
    re.IGNORECASE,
)
_FAST_QUARTER = re.compile(
    r"Q(?P<quarter>[1-4]) ?[/-]? ?(?P<year>(?:19|20)\d{2}|['’‘]\d{2})"
    r"|(?P<year_first>(?:19|20)\d{2}) ?-? ?Q(?P<quarter_last>[1-4])",
    re.IGNORECASE,
)
_FAST_YEAR = re.compile(r"(?P<year>(?:19|20)\d{2}|['’‘]\d{2})")
_FAST_NUMERIC_MONTH = re.compile(r"(?P<a>\d{1,4})[-./](?P<b>\d{1,4})")
_FAST_CJK = re.compile(
    r"(?P<year>(?:19|20)\d{2}) ?[年년]"
    r"(?: ?(?P<month>\d{1,2}) ?[月월](?: ?(?P<day>\d{1,2}) ?[日일])?)?"
)
"""A date in Chinese, Japanese or Korean: "2019年3月", "2019年3月15日", "2019년 3월"."""
_FAST_NUMERIC_DAY = re.compile(r"(?P<a>\d{1,4})[-./](?P<b>\d{1,2})[-./](?P<c>\d{1,4})")


def fast_parse(text: str, settings: DateSettings) -> PartialDate | None:
    """English month names, seasons, quarters, numeric dates, years and CJK dates; None for
    anything else."""
    for parse in (
        _fast_year,
        _fast_month_year,
        _fast_numeric_month,
        _fast_numeric_day,
        _fast_quarter,
        _fast_cjk,
    ):
        found = parse(text, settings)
        if found is not None:
            return found
    return None


def _year(text: str, settings: DateSettings) -> int:
    if len(text) == 4:
        return int(text)
    short = int(text[-2:])
    return (2000 if short < settings.two_digit_year_pivot else 1900) + short


SHORT_YEAR_AHEAD = 10
"""How many years past the reference year a month's two-digit year may reach ("08/20")."""


def month_short_year(text: str, today: dt.date) -> PartialDate | None:
    """A month number and a two-digit year ("08/20", "1/18"), read as one end of a range.

    The year is the one in the hundred years that end ``SHORT_YEAR_AHEAD`` years after the
    reference date's year: with a reference in 2026, "08/20" is August 2020 and "05/98" May
    1998. Only the range reading calls this: a lone "08/20" may as well be a day and month.
    """
    month_text, _, year_text = text.partition("/")
    if not (month_text.isdigit() and year_text.isdigit() and len(year_text) == 2):
        return None
    month = int(month_text)
    if not 1 <= month <= 12:
        return None
    latest = today.year + SHORT_YEAR_AHEAD
    year = latest // 100 * 100 + int(year_text)
    if year > latest:
        year -= 100
    return PartialDate(dt.date(year, month, 1), DatePrecision.MONTH)


def _fast_year(text: str, settings: DateSettings) -> PartialDate | None:
    match = _FAST_YEAR.fullmatch(text)
    if match is None:
        return None
    return PartialDate(dt.date(_year(match["year"], settings), 1, 1), DatePrecision.YEAR)


def _fast_month_year(text: str, settings: DateSettings) -> PartialDate | None:
    match = _FAST_MONTH_YEAR.fullmatch(text)
    if match is None:
        return None
    word = match["month"].lower()
    year = _year(match["year"], settings)
    if word in ENGLISH_MONTHS:
        return PartialDate(dt.date(year, ENGLISH_MONTHS[word], 1), DatePrecision.MONTH)
    if word in SEASON_MONTHS:
        return PartialDate(dt.date(year, SEASON_MONTHS[word], 1), DatePrecision.SEASON)
    return None


def _fast_quarter(text: str, settings: DateSettings) -> PartialDate | None:
    """A quarter ("Q3 2018", "2018-Q3") is stored like a season: a three-month period from its
    first month (precision ``season``)."""
    match = _FAST_QUARTER.fullmatch(text)
    if match is None:
        return None
    year = _year(match["year"] or match["year_first"], settings)
    quarter = int(match["quarter"] or match["quarter_last"])
    return PartialDate(dt.date(year, quarter * 3 - 2, 1), DatePrecision.SEASON)


def _fast_numeric_month(text: str, settings: DateSettings) -> PartialDate | None:
    match = _FAST_NUMERIC_MONTH.fullmatch(text)
    if match is None:
        return None
    first, second = match["a"], match["b"]
    if len(first) == 4 and len(second) <= 2:
        year, month = int(first), int(second)
    elif len(second) == 4 and len(first) <= 2:
        year, month = int(second), int(first)
    else:
        return None
    if not 1 <= month <= 12:
        return PartialDate(dt.date(year, 1, 1), DatePrecision.YEAR, issue=DateIssue.INVALID_MONTH)
    return PartialDate(dt.date(year, month, 1), DatePrecision.MONTH)


def _fast_numeric_day(text: str, settings: DateSettings) -> PartialDate | None:
    match = _FAST_NUMERIC_DAY.fullmatch(text)
    if match is None:
        return None
    a, b, c = match["a"], match["b"], match["c"]
    if len(a) == 4:
        year, month, day = int(a), int(b), int(c)
    elif len(c) == 4:
        if settings.date_order == "YMD" and int(a) <= 12 and int(b) <= 12:
            return None  # YMD says nothing about "01/02/2000": dateparser's reading stands
        year = int(c)
        month, day = _order_day_month(int(a), int(b), settings.date_order)
    else:
        return None
    try:
        return PartialDate(dt.date(year, month, day), DatePrecision.DAY)
    except ValueError:
        return PartialDate(dt.date(year, 1, 1), DatePrecision.YEAR, issue=DateIssue.INVALID_MONTH)


def _fast_cjk(text: str, settings: DateSettings) -> PartialDate | None:
    match = _FAST_CJK.fullmatch(text)
    if match is None:
        return None
    year = int(match["year"])
    if match["month"] is None:
        return PartialDate(dt.date(year, 1, 1), DatePrecision.YEAR)
    month = int(match["month"])
    if not 1 <= month <= 12:
        return PartialDate(dt.date(year, 1, 1), DatePrecision.YEAR, issue=DateIssue.INVALID_MONTH)
    if match["day"] is None:
        return PartialDate(dt.date(year, month, 1), DatePrecision.MONTH)
    try:
        return PartialDate(dt.date(year, month, int(match["day"])), DatePrecision.DAY)
    except ValueError:
        return PartialDate(dt.date(year, month, 1), DatePrecision.MONTH)


_NUMERIC_DAY_DATE = re.compile(r"(?<![\w./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d./-])")


def document_date_order(text: str, settings: DateSettings) -> DateOrder:
    """The order a document's own numeric dates reveal, else the configured ``date_order``.

    A writer uses one convention throughout, so "25/03/2021" in one entry says how to read
    "04/05/2020" in the next. Dotted dates are day-first wherever they are written. Evidence
    both ways (or none) leaves the setting in charge; ``YMD`` documents are never re-read.
    """
    if not settings.date_order_from_document or settings.date_order == "YMD":
        return settings.date_order
    day_first = month_first = False
    for match in _NUMERIC_DAY_DATE.finditer(text):
        first, second = int(match[1]), int(match[3])
        day_first |= first > 12 >= second or (match[2] == "." and second <= 12)
        month_first |= second > 12 >= first
    if day_first != month_first:
        return "DMY" if day_first else "MDY"
    return settings.date_order


def _order_day_month(first: int, second: int, order: DateOrder) -> tuple[int, int]:
    """(month, day) of "first/second/year"; a part over 12 can only be the day."""
    if first > 12 >= second:
        return second, first
    if second > 12 >= first:
        return first, second
    return (second, first) if order == "DMY" else (first, second)
