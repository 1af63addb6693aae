"""A month number and a two-digit year ("08/20 -- Present", "07/19 - 06/20"): read as a range's
end, never alone, where it may be a day and month or a score."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_etl.config import DateSettings
from resume_etl.dates import DateParser, DateRangeMatch, PartialDate
from resume_etl.dates.fast import SHORT_YEAR_AHEAD, month_short_year
from resume_etl.vocab import DatePrecision

MONTH = DatePrecision.MONTH
REFERENCE = DateSettings(reference_date=dt.date(2026, 1, 15))
_LATEST = REFERENCE.today().year + SHORT_YEAR_AHEAD
_months = st.dates(dt.date(_LATEST - 99, 1, 1), dt.date(_LATEST, 12, 31)).map(
    lambda value: value.replace(day=1)
)
_SEPARATORS = [" - ", "-", " -- ", " – ", "–", " to ", " until "]


@pytest.fixture(scope="module")
def parser() -> DateParser:
    return DateParser(REFERENCE)


def only(parser: DateParser, text: str) -> DateRangeMatch:
    """The one range ``parser`` reads in ``text`` (a second one fails the test)."""
    (found,) = parser.find_ranges(text)
    return found


def _short(value: dt.date, padded: bool) -> str:
    month = f"{value.month:02d}" if padded else str(value.month)
    return f"{month}/{value.year % 100:02d}"


@pytest.mark.parametrize(
    ("text", "start", "end", "is_current"),
    [
        ("08/20 -- Present", dt.date(2020, 8, 1), None, True),
        ("07/19 - 06/20", dt.date(2019, 7, 1), dt.date(2020, 6, 1), False),
        ("03/2019 – 11/21", dt.date(2019, 3, 1), dt.date(2021, 11, 1), False),
        ("1/18–now", dt.date(2018, 1, 1), None, True),
        ("Jan 2019 - 11/21", dt.date(2019, 1, 1), dt.date(2021, 11, 1), False),
        ("05/98 - 02/03", dt.date(1998, 5, 1), dt.date(2003, 2, 1), False),
    ],
)
def test_a_range_with_a_month_and_two_digit_year(
    parser: DateParser, text: str, start: dt.date, end: dt.date | None, is_current: bool
) -> None:
    found = only(parser, f"Engineer | Acme | {text}")
    assert found.start == PartialDate(start, MONTH)
    assert found.end == (PartialDate(end, MONTH) if end else None)
    assert found.is_current is is_current
    assert found.text == text


@pytest.mark.parametrize(
    "text",
    [
        "08/20",
        "rated 10/10",
        "scored 3/4 - 4/4",
        "since 08/20",
        "13/19 - 06/20",
        "08/20 -",
        "1/2/3",
    ],
)
def test_a_lone_month_and_two_digit_year_is_not_read(parser: DateParser, text: str) -> None:
    assert parser.find_ranges(text) == []


@settings(max_examples=200, deadline=None)
@given(_months, _months, st.sampled_from(_SEPARATORS), st.booleans())
def test_any_short_year_range_reads_back_its_months(
    parser: DateParser, first: dt.date, second: dt.date, separator: str, padded: bool
) -> None:
    start, end = sorted((first, second))
    text = f"{_short(start, padded)}{separator}{_short(end, padded)}"
    found = only(parser, f"Analyst, Acme ({text})")
    assert found.start is not None
    assert found.end is not None
    assert (found.start.value, found.end.value) == (start, end)
    assert found.start.precision is found.end.precision is MONTH
    assert found.text == text


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 31), st.integers(1, 99), st.sampled_from(["", "rated ", "page ", "on "]))
def test_dates_and_fractions_alone_stay_unread(
    parser: DateParser, first: int, second: int, lead: str
) -> None:
    assert parser.find_ranges(f"{lead}{first}/{second} overall") == []


@given(st.integers(0, 99))
def test_the_century_window_ends_a_few_years_after_the_reference(short: int) -> None:
    found = month_short_year(f"06/{short:02d}", REFERENCE.today())
    assert found is not None
    assert found.value.year % 100 == short
    assert _LATEST - 99 <= found.value.year <= _LATEST


def test_month_numbers_outside_one_to_twelve_are_no_month() -> None:
    assert month_short_year("13/20", REFERENCE.today()) is None
    assert month_short_year("00/20", REFERENCE.today()) is None
