"""Dates: every documented form, ranges, odd values, and generated dates in every format."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from dateparser.date import DateDataParser
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_etl.config import DateSettings
from resume_etl.dates import (
    DateParser,
    DateRangeMatch,
    PartialDate,
    document_date_order,
    entry_interval,
    fast_parse,
    merged_months,
)
from resume_etl.dates import parser as date_parser
from resume_etl.vocab import DatePrecision

MONTH = DatePrecision.MONTH
YEAR = DatePrecision.YEAR
SEASON = DatePrecision.SEASON
DAY = DatePrecision.DAY
REFERENCE = DateSettings(reference_date=dt.date(2026, 1, 15))


@pytest.fixture(scope="module")
def parser() -> DateParser:
    return DateParser(REFERENCE)


def only(parser: DateParser, text: str) -> DateRangeMatch:
    found = parser.find_ranges(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Sept 2025", dt.date(2025, 9, 1), MONTH),
        ("Sep. 2025", dt.date(2025, 9, 1), MONTH),
        ("September 2025", dt.date(2025, 9, 1), MONTH),
        ("09/2025", dt.date(2025, 9, 1), MONTH),
        ("9/2025", dt.date(2025, 9, 1), MONTH),
        ("2025-09", dt.date(2025, 9, 1), MONTH),
        ("2025.09", dt.date(2025, 9, 1), MONTH),
        ("Summer 2023", dt.date(2023, 6, 1), SEASON),
        ("Fall '22", dt.date(2022, 9, 1), SEASON),
        ("2019", dt.date(2019, 1, 1), YEAR),
        ("'19", dt.date(2019, 1, 1), YEAR),
        ("12 March 2021", dt.date(2021, 3, 12), DAY),
        ("2024.05.02", dt.date(2024, 5, 2), DAY),
    ],
)
def test_single_dates(parser: DateParser, text: str, value: dt.date, precision: str) -> None:
    found = only(parser, f"Acme | {text}")
    assert found.start == PartialDate(value, DatePrecision(precision))
    assert found.end is None and not found.is_current
    assert found.text == text


@pytest.mark.parametrize(
    ("text", "start", "end", "is_current"),
    [
        ("2019 - 2021", dt.date(2019, 1, 1), dt.date(2021, 1, 1), False),
        ("2019–2021", dt.date(2019, 1, 1), dt.date(2021, 1, 1), False),
        ("2019—Present", dt.date(2019, 1, 1), None, True),
        ("Jan 2020 to date", dt.date(2020, 1, 1), None, True),
        ("since 2021", dt.date(2021, 1, 1), None, True),
        ("2021 - now", dt.date(2021, 1, 1), None, True),
        ("02/2025 - 🚀", dt.date(2025, 2, 1), None, True),
        ("Mar 2021 - Jun", dt.date(2021, 3, 1), dt.date(2021, 6, 1), False),
        ("Mar - Jun 2021", dt.date(2021, 3, 1), dt.date(2021, 6, 1), False),
        ("Nov 2021 - Feb", dt.date(2021, 11, 1), dt.date(2022, 2, 1), False),
        ("Nov - Feb 2022", dt.date(2021, 11, 1), dt.date(2022, 2, 1), False),
        ("Jan 2020 -\nMar 2021", dt.date(2020, 1, 1), dt.date(2021, 3, 1), False),
        ("2023/24", dt.date(2023, 1, 1), dt.date(2024, 1, 1), False),
        ("1999-00", dt.date(1999, 1, 1), dt.date(2000, 1, 1), False),
        ("Oct2018-Dec2021", dt.date(2018, 10, 1), dt.date(2021, 12, 1), False),
        ("Sept2007-Present", dt.date(2007, 9, 1), None, True),
    ],
)
def test_ranges(
    parser: DateParser, text: str, start: dt.date, end: dt.date | None, is_current: bool
) -> None:
    found = only(parser, f"Engineer | {text}")
    assert found.start is not None and found.start.value == start
    assert (found.end.value if found.end else None) == end
    assert found.is_current is is_current
    assert found.text == text


def test_an_ongoing_range_whose_end_is_a_lost_icon_or_missing(parser: DateParser) -> None:
    text = "Databricks | Full-Time | 02/2025 -\nBuilt things"
    found = only(parser, text)
    assert found.is_current and found.text == "02/2025 -"
    assert text[found.start_char : found.end_char] == found.text


@pytest.mark.parametrize("word", ["Current", "Ongoing"])
def test_a_bare_current_word_in_a_header(parser: DateParser, word: str) -> None:
    found = only(parser, f"Volunteer tutor | {word}")
    assert found.start is None and found.is_current


def test_current_in_prose_is_not_a_date(parser: DateParser) -> None:
    assert parser.find_ranges("Current projects include ongoing work.") == []


@pytest.mark.parametrize(
    ("order", "value"),
    [("MDY", dt.date(2014, 4, 9)), ("DMY", dt.date(2014, 9, 4))],
)
def test_ambiguous_numeric_dates_follow_the_setting(order: str, value: dt.date) -> None:
    parser = DateParser(DateSettings.model_validate({"date_order": order}))
    assert only(parser, "04/09/2014").start == PartialDate(value, DAY)


def test_a_part_over_twelve_decides_the_order_whatever_the_setting() -> None:
    parser = DateParser(DateSettings(date_order="MDY"))
    assert only(parser, "15/09/2016").start == PartialDate(dt.date(2016, 9, 15), DAY)


def test_month_thirteen_keeps_its_year_with_an_issue(parser: DateParser) -> None:
    found = only(parser, "13/2025")
    assert found.start == PartialDate(dt.date(2025, 1, 1), YEAR, issue="invalid_month")
    assert found.issue == "invalid_month"


def test_dates_beyond_the_horizon_are_flagged_not_dropped(parser: DateParser) -> None:
    found = only(parser, "Jan 2031 - Present")
    assert found.issue == "future"
    assert only(parser, "Jan 2026").issue is None


@pytest.mark.parametrize(
    ("horizon", "last_plain", "first_future"),
    [(0, "Jan 2026", "Feb 2026"), (24, "Jan 2028", "Feb 2028")],
)
def test_the_future_horizon_is_a_setting_in_months(
    horizon: int, last_plain: str, first_future: str
) -> None:
    parser = DateParser(REFERENCE.model_copy(update={"future_horizon_months": horizon}))
    assert only(parser, last_plain).issue is None
    assert only(parser, first_future).issue == "future"


def test_other_configured_languages_go_through_dateparser() -> None:
    parser = DateParser(DateSettings(languages=("de", "en"), date_order="DMY"))
    found = only(parser, "März 2021 - Mai 2022")
    assert found.start == PartialDate(dt.date(2021, 3, 1), MONTH)
    assert found.end == PartialDate(dt.date(2022, 5, 1), MONTH)


def test_numbers_that_are_not_dates(parser: DateParser) -> None:
    for text in (
        "+1 555 2019 1234",
        "$2019",
        "v2019.1.x",
        "ISO-9001",
        "3.8/4.0",
        "2019%",
        "Mar20190",
        "Version2019",
    ):
        assert parser.find_ranges(text) == [], text


def test_an_unknown_language_is_a_settings_error() -> None:
    with pytest.raises(ValueError, match="xx"):
        DateSettings(languages=("xx",))


# ----------------------------------------------------------------------- generated dates

_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_SEASONS = {"Winter": 1, "Spring": 3, "Summer": 6, "Fall": 9, "Autumn": 9}
Render = Callable[[dt.date], str]


def _abbreviation(value: dt.date) -> str:
    return "Sept" if value.month == 9 else _MONTH_NAMES[value.month - 1][:3]


_MONTH_FORMATS: list[Render] = [
    lambda d: f"{_MONTH_NAMES[d.month - 1]} {d.year}",
    lambda d: f"{_MONTH_NAMES[d.month - 1][:3]} {d.year}",
    lambda d: f"{_MONTH_NAMES[d.month - 1][:3]}. {d.year}",
    lambda d: f"{_abbreviation(d)} {d.year}",
    lambda d: f"{_abbreviation(d)}. {d.year}",
    lambda d: f"{d.month:02d}/{d.year}",
    lambda d: f"{d.month}/{d.year}",
    lambda d: f"{d.year}-{d.month:02d}",
    lambda d: f"{d.year}.{d.month:02d}",
    lambda d: f"{d.year}/{d.month:02d}",
]
_YEAR_FORMATS: list[Render] = [lambda d: str(d.year), lambda d: f"'{d.year % 100:02d}"]
_DAY_FORMATS: dict[str, list[Render]] = {
    "MDY": [
        lambda d: f"{d.month:02d}/{d.day:02d}/{d.year}",
        lambda d: f"{d.month}/{d.day}/{d.year}",
    ],
    "DMY": [
        lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
        lambda d: f"{d.day}.{d.month}.{d.year}",
    ],
    "YMD": [
        lambda d: f"{d.year}-{d.month:02d}-{d.day:02d}",
        lambda d: f"{d.year}.{d.month:02d}.{d.day:02d}",
    ],
}
_SPELLED_DAY_FORMATS: list[Render] = [
    lambda d: f"{d.day} {_MONTH_NAMES[d.month - 1]} {d.year}",
    lambda d: f"{_MONTH_NAMES[d.month - 1]} {d.day}, {d.year}",
]
_ORDERS = ("MDY", "DMY", "YMD")
_dates = st.dates(min_value=dt.date(1960, 1, 1), max_value=dt.date(2026, 12, 31))
# Two-digit years read back only inside the pivot's century: '50..'99 -> 19xx, '00..'49 -> 20xx.
_short_year_dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2026, 12, 31))


@pytest.fixture(scope="module")
def parsers() -> dict[str, DateParser]:
    """One parser per date order, as a pipeline file would configure it."""
    return {
        order: DateParser(REFERENCE.model_copy(update={"date_order": order})) for order in _ORDERS
    }


@settings(max_examples=150, deadline=None)
@given(_dates, st.sampled_from(_MONTH_FORMATS))
def test_month_formats_parse_back(parser: DateParser, value: dt.date, render: Render) -> None:
    text = render(value)
    found = only(parser, f"Role | {text} | Place")
    assert found.start == PartialDate(value.replace(day=1), MONTH)
    assert found.text == text


@settings(max_examples=60, deadline=None)
@given(_short_year_dates, st.sampled_from(_YEAR_FORMATS))
def test_year_formats_parse_back(parser: DateParser, value: dt.date, render: Render) -> None:
    text = render(value)
    found = only(parser, f"Role | {text} | Place")
    assert found.start == PartialDate(dt.date(value.year, 1, 1), YEAR)
    assert found.text == text


@settings(max_examples=60, deadline=None)
@given(_short_year_dates, st.sampled_from(sorted(_SEASONS)), st.sampled_from(_YEAR_FORMATS))
def test_season_formats_parse_back(
    parser: DateParser, value: dt.date, season: str, render_year: Render
) -> None:
    text = f"{season} {render_year(value)}"
    found = only(parser, f"Intern | {text}")
    assert found.start == PartialDate(dt.date(value.year, _SEASONS[season], 1), SEASON)
    assert found.text == text


@settings(max_examples=150, deadline=None)
@given(_dates, st.sampled_from(_ORDERS), st.integers(0, 1))
def test_day_formats_parse_back_under_their_date_order(
    parsers: dict[str, DateParser], value: dt.date, order: str, form: int
) -> None:
    text = _DAY_FORMATS[order][form](value)
    found = only(parsers[order], f"Role | {text}")
    assert found.start == PartialDate(value, DAY)
    assert found.text == text


@settings(max_examples=40, deadline=None)
@given(_dates, st.sampled_from(_SPELLED_DAY_FORMATS))
def test_spelled_day_formats_parse_back(parser: DateParser, value: dt.date, render: Render) -> None:
    text = render(value)
    assert only(parser, f"Role | {text}").start == PartialDate(value, DAY)


@settings(max_examples=100, deadline=None)
@given(_dates, _dates, st.sampled_from([" - ", "-", " to ", " – ", " until "]))
def test_ranges_of_generated_dates(
    parser: DateParser, first: dt.date, second: dt.date, separator: str
) -> None:
    start, end = sorted((first, second))
    text = f"{_MONTH_NAMES[start.month - 1][:3]} {start.year}{separator}{end.month:02d}/{end.year}"
    found = only(parser, f"Analyst, Acme ({text})")
    assert found.start == PartialDate(start.replace(day=1), MONTH)
    assert found.end == PartialDate(end.replace(day=1), MONTH)
    assert found.text == text


_BOTH_READ: list[Render] = [
    *_MONTH_FORMATS,
    _YEAR_FORMATS[0],
    *(render for renders in _DAY_FORMATS.values() for render in renders),
]
"""Forms the fast path reads and dateparser reads too (seasons and 'YY it does not)."""


@settings(max_examples=300, deadline=None)
@given(_dates, st.sampled_from(_BOTH_READ), st.sampled_from(_ORDERS))
def test_the_fast_path_agrees_with_dateparser(
    parsers: dict[str, DateParser], value: dt.date, render: Render, order: str
) -> None:
    """The fast path is an optimization: on every form both read, under every date order, the
    two give the same value and precision, so turning the fast path off changes no result."""
    parser = parsers[order]
    text = render(value)
    fast = fast_parse(text, parser.settings)
    if fast is None:  # declined, so dateparser decides: only YMD's "01/02/2000" is left to it
        assert order == "YMD" and not text.startswith(str(value.year)), text
        return
    assert fast == parser._slow_parse(text)


def test_the_fast_path_leaves_other_languages_to_dateparser() -> None:
    assert fast_parse("März 2021", DateSettings(languages=("de",))) is None


def test_dateparser_reads_only_the_configured_languages() -> None:
    assert DateParser(DateSettings(languages=("en",)))._slow_parse("12 März 2021") is None
    german = DateParser(DateSettings(languages=("de",)))._slow_parse("12 März 2021")
    assert german == PartialDate(dt.date(2021, 3, 12), DAY)


def test_one_dateparser_object_serves_every_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """dateparser's ``parse()`` builds a parser per call; ours builds one per ``DateParser``."""
    built: list[object] = []

    class CountingDateDataParser(DateDataParser):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            built.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(date_parser, "DateDataParser", CountingDateDataParser)
    parser = DateParser(DateSettings(languages=("de", "en")))
    for text in ("März 2021 - Mai 2022", "12 März 2021", "1. Juni 2020", "Oktober 2019"):
        assert parser.find_ranges(text)
    assert len(built) == 1


def test_a_point_seen_before_comes_from_the_cache() -> None:
    parser = DateParser(DateSettings(languages=("de", "en")))
    parser.find_ranges("März 2021 - Mai 2022")
    hits = parser.parse_point.cache_info().hits
    parser.find_ranges("Dezember 2019 - März 2021")
    assert parser.parse_point.cache_info().hits == hits + 1


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_text_gives_well_formed_matches(parser: DateParser, text: str) -> None:
    for found in parser.find_ranges(text):
        assert text[found.start_char : found.end_char] == found.text
        assert found.start is not None or found.is_current


_intervals = st.lists(
    st.tuples(st.integers(0, 400), st.integers(0, 60)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(_intervals)
def test_merged_months_is_the_size_of_the_union(intervals: list[tuple[int, int]]) -> None:
    covered = {month for first, last in intervals for month in range(first, last + 1)}
    assert merged_months(intervals) == len(covered)


def test_entry_interval_covers_the_stated_periods() -> None:
    def interval(text: str) -> tuple[int, int] | None:
        (found,) = DateParser(REFERENCE).find_ranges(text)
        return entry_interval(found, dt.date(2026, 1, 15))

    def months(text: str) -> int | None:
        found = interval(text)
        return None if found is None else found[1] - found[0] + 1

    assert months("Jan 2020 - Mar 2020") == 3
    assert months("2019 - 2021") == 36
    assert months("Summer 2023") == 3
    assert months("Nov 2025 - Present") == 3
    assert interval("Mar 2021 - Jan 2020") is None


@pytest.mark.parametrize(
    ("text", "configured", "expected"),
    [
        ("04/05/2020 - 25/03/2021", "MDY", "DMY"),  # a first part over 12: day-first
        ("04/05/2020 - 03/25/2021", "DMY", "MDY"),  # a second part over 12: month-first
        ("Joined 01.03.2019", "MDY", "DMY"),  # dotted dates are day-first
        ("04/05/2020 - 06/07/2021", "DMY", "DMY"),  # no evidence: the setting holds
        ("13/01/2020 and 01/13/2020", "MDY", "MDY"),  # evidence both ways: the setting holds
        ("25/03/2021", "YMD", "YMD"),  # year-first documents are never re-read
        ("v1.2.2020 and 1.10.20201", "MDY", "MDY"),  # not dates: glued to more digits/dots
    ],
)
def test_a_documents_own_dates_reveal_its_date_order(
    text: str, configured: str, expected: str
) -> None:
    settings = DateSettings.model_validate({"date_order": configured})
    assert document_date_order(text, settings) == expected


def test_inferring_the_order_can_be_switched_off() -> None:
    settings = DateSettings(date_order="MDY", date_order_from_document=False)
    assert document_date_order("25/03/2021", settings) == "MDY"
