"""Date and range shapes résumés write worldwide, family by family (issue 14).

Each family was written from general knowledge of how people date their CVs (templates,
LinkedIn exports, Europass, German, French, Spanish and East Asian habits), never from the
evaluation's documents: joiners (every dash, a tilde, an arrow, words), numeric month forms,
quarters, "of", running ranges in words and in other languages, "since" words, markdown
marks around a date, and two years with a slash. Dates are generated; the wrapping text is
invented.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_etl.config import DateSettings
from resume_etl.dates import DateParser, DateRangeMatch, PartialDate
from resume_etl.vocab import DatePrecision

MONTH = DatePrecision.MONTH
YEAR = DatePrecision.YEAR
SEASON = DatePrecision.SEASON

_months = st.dates(min_value=dt.date(1960, 1, 1), max_value=dt.date(2025, 12, 31)).map(
    lambda value: value.replace(day=1)
)
_SHORT_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

Render = Callable[[dt.date], str]
_MONTH_FORMS: list[Render] = [
    lambda d: f"{_SHORT_NAMES[d.month - 1]} {d.year}",
    lambda d: f"{_SHORT_NAMES[d.month - 1]}. {d.year}",
    lambda d: f"{_SHORT_NAMES[d.month - 1]}, {d.year}",
    lambda d: f"{d:%B} of {d.year}",
    lambda d: f"{d:%m}/{d.year}",
    lambda d: f"{d.month}/{d.year}",
    lambda d: f"{d:%m}.{d.year}",
    lambda d: f"{d.year}-{d:%m}",
    lambda d: f"{d.year}/{d:%m}",
    lambda d: f"{d.year}.{d:%m}",
]
_JOINERS = [
    " - ", "-", " – ", "–", " — ", " -- ", " ~ ", "~", " → ", " − ", " ‒ ", " ― ", " ‐ ",
    " ～ ", " to ", " until ", " till ", " through ",
]  # fmt: skip
_RUNNING_ENDS = [
    " - Present", "–present", " - Pres", " – to the present", " - Presently", " – Current",
    " - now", " - Now", " – today", " - ongoing",
    " to date", " - to date", " till date", " - till now", " – to present", " - up to now",
    " onwards", " - onward", " – heute", " – aujourd'hui", " - presente", " - actualidad",
    " - actualmente", " - atualmente", " - attuale", " - aktuell", " – 至今",
]  # fmt: skip
_SINCE = ["Since", "since", "seit", "depuis", "desde", "sinds"]
_WRAPS = [
    "{}", "**{}**", "__{}__", "*{}*", "_{}_", "`{}`", "({})", "[{}]", "(_{}_)", "| {} |",
    "@ {}", "Engineer, Brindle Networks                 {}", "Engineer\t{}",
]  # fmt: skip


@pytest.fixture(scope="module")
def parser() -> DateParser:
    return DateParser(DateSettings(reference_date=dt.date(2026, 1, 15)))


def only(parser: DateParser, text: str) -> DateRangeMatch:
    found = parser.find_ranges(text)
    assert len(found) == 1, (text, found)
    return found[0]


@settings(max_examples=200, deadline=None)
@given(
    _months,
    _months,
    st.sampled_from(_MONTH_FORMS),
    st.sampled_from(_JOINERS),
    st.sampled_from(_WRAPS),
)
def test_month_ranges_with_every_joiner_and_wrapping(
    parser: DateParser, first: dt.date, second: dt.date, form: Render, joiner: str, wrap: str
) -> None:
    start, end = sorted((first, second))
    written = f"{form(start)}{joiner}{form(end)}"
    found = only(parser, wrap.format(written))
    assert (found.start, found.end) == (PartialDate(start, MONTH), PartialDate(end, MONTH))
    assert found.text == written


@settings(max_examples=150, deadline=None)
@given(_months, st.sampled_from(_MONTH_FORMS), st.sampled_from(_RUNNING_ENDS))
def test_running_ranges_end_in_words_of_several_languages(
    parser: DateParser, start: dt.date, form: Render, running: str
) -> None:
    written = f"{form(start)}{running}"
    found = only(parser, f"Analyst | {written}")
    assert found.start == PartialDate(start, MONTH)
    assert found.is_current
    assert found.end is None
    assert found.text == written


@settings(max_examples=60, deadline=None)
@given(
    _months, st.sampled_from(_SINCE), st.sampled_from([*_MONTH_FORMS[:4], lambda d: str(d.year)])
)
def test_since_words_open_a_running_range(
    parser: DateParser, start: dt.date, since: str, form: Render
) -> None:
    found = only(parser, f"Lead engineer {since} {form(start)}")
    assert found.start is not None
    assert found.start.value.year == start.year
    assert found.is_current


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1960, 2024),
    st.integers(1, 4),
    st.sampled_from(["Q{q} {y}", "Q{q}/{y}", "{y} Q{q}", "{y}-Q{q}"]),
)
def test_quarters_are_three_month_periods(
    parser: DateParser, year: int, quarter: int, form: str
) -> None:
    found = only(parser, f"Released the app | {form.format(q=quarter, y=year)}")
    assert found.start == PartialDate(dt.date(year, quarter * 3 - 2, 1), SEASON)


@settings(max_examples=60, deadline=None)
@given(st.integers(1960, 2024).filter(lambda year: (year + 1) % 100 > 12), st.sampled_from("/–-"))
def test_two_years_with_a_slash_or_a_short_second_year_are_a_range(
    parser: DateParser, year: int, mark: str
) -> None:
    # "2011/12" is December 2011 (ISO writes months so): a short second year over 12 only.
    short = f"{(year + 1) % 100:02d}"
    for written in (f"{year}/{year + 1}", f"{year}{mark}{short}"):
        found = only(parser, f"Tutor ({written})")
        assert (found.start, found.end) == (
            PartialDate(dt.date(year, 1, 1), YEAR),
            PartialDate(dt.date(year + 1, 1, 1), YEAR),
        )


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Jan–Mar 2020", dt.date(2020, 1, 1), dt.date(2020, 3, 1)),
        ("Nov - Feb 2021", dt.date(2020, 11, 1), dt.date(2021, 2, 1)),
        ("Jan 2019 – Mar 2020 (1 yr 3 mos)", dt.date(2019, 1, 1), dt.date(2020, 3, 1)),
        ("Jan 2019 - Mar 2020 · 1 yr 3 mos", dt.date(2019, 1, 1), dt.date(2020, 3, 1)),
        ("2019.03 – 2020.05", dt.date(2019, 3, 1), dt.date(2020, 5, 1)),
        ("03.2019-05.2020", dt.date(2019, 3, 1), dt.date(2020, 5, 1)),
    ],
)
def test_shared_years_and_durations_after_a_range(
    parser: DateParser, text: str, start: dt.date, end: dt.date
) -> None:
    found = only(parser, text)
    assert (found.start, found.end) == (PartialDate(start, MONTH), PartialDate(end, MONTH))


@pytest.mark.parametrize(
    "text",
    ["x_2019", "build_2019_final", "2019_v2", "Q5 2019", "model Q32019", "MQ3 2019x"],
)
def test_a_year_inside_a_word_or_an_identifier_is_no_date(parser: DateParser, text: str) -> None:
    assert parser.find_ranges(text) == []


def test_a_since_word_before_a_closed_range_keeps_the_range(parser: DateParser) -> None:
    found = only(parser, "seit 2018 bis 2020")
    assert found.start == PartialDate(dt.date(2018, 1, 1), YEAR)
    assert found.end == PartialDate(dt.date(2020, 1, 1), YEAR)
    assert not found.is_current
    assert found.text == "2018 bis 2020"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("janv. 2019 – déc. 2020", dt.date(2019, 1, 1), dt.date(2020, 12, 1)),
        ("März 2018 - Okt. 2020", dt.date(2018, 3, 1), dt.date(2020, 10, 1)),
        ("ene. 2019 – dic. 2020", dt.date(2019, 1, 1), dt.date(2020, 12, 1)),
        ("gennaio 2019 - luglio 2020", dt.date(2019, 1, 1), dt.date(2020, 7, 1)),
        ("maart 2019 - mei 2020", dt.date(2019, 3, 1), dt.date(2020, 5, 1)),
        ("fevereiro 2019 - junho 2020", dt.date(2019, 2, 1), dt.date(2020, 6, 1)),
    ],
)
def test_month_names_of_the_default_languages(
    parser: DateParser, text: str, start: dt.date, end: dt.date
) -> None:
    found = only(parser, text)
    assert (found.start, found.end) == (PartialDate(start, MONTH), PartialDate(end, MONTH))


@pytest.mark.parametrize("text", ["Sold out 2019", "a set 2019 goal", "two years ago 2019"])
def test_an_english_word_is_no_other_languages_month(parser: DateParser, text: str) -> None:
    assert only(parser, text).start == PartialDate(dt.date(2019, 1, 1), YEAR)


@pytest.mark.parametrize("text", ["*2019* – *2020*", "**2019** - **2020**", "_2019_ – _2020_"])
def test_emphasis_around_each_end_keeps_one_range(parser: DateParser, text: str) -> None:
    found = only(parser, text)
    assert (found.start, found.end) == (
        PartialDate(dt.date(2019, 1, 1), YEAR),
        PartialDate(dt.date(2020, 1, 1), YEAR),
    )


@settings(max_examples=40, deadline=None)
@given(_months, _months)
def test_a_month_glued_to_a_two_digit_year_is_read_in_a_range(
    parser: DateParser, first: dt.date, second: dt.date
) -> None:
    start, end = sorted((first, second))
    written = f"{_SHORT_NAMES[start.month - 1]}{start:%y} - {_SHORT_NAMES[end.month - 1]}{end:%y}"
    found = only(parser, f"Analyst | {written}")
    assert (found.start, found.end) == (PartialDate(start, MONTH), PartialDate(end, MONTH))
    assert only(parser, f"{_SHORT_NAMES[start.month - 1]}{start:%y} - now").is_current


def test_a_month_glued_to_a_two_digit_year_alone_is_no_date(parser: DateParser) -> None:
    assert parser.find_ranges("Bought the Jun10 model") == []


@pytest.mark.parametrize(
    ("text", "month"),
    [("Fall semester 2019", 9), ("Spring term 2019", 3), ("Summer session 2019", 6)],
)
def test_a_season_named_with_its_term(parser: DateParser, text: str, month: int) -> None:
    assert only(parser, text).start == PartialDate(dt.date(2019, month, 1), SEASON)


def test_a_since_label_with_a_colon(parser: DateParser) -> None:
    found = only(parser, "Since: 2019")
    assert found.is_current
    assert found.start == PartialDate(dt.date(2019, 1, 1), YEAR)


@pytest.mark.parametrize("joiner", [" bis ", " au ", " à ", " al ", " tot ", " a "])
def test_other_languages_join_two_dates(parser: DateParser, joiner: str) -> None:
    found = only(parser, f"2019{joiner}2021")
    assert found.end == PartialDate(dt.date(2021, 1, 1), YEAR)


def test_a_month_of_a_year_in_spanish(parser: DateParser) -> None:
    found = only(parser, "desde enero de 2019")
    assert found.start == PartialDate(dt.date(2019, 1, 1), MONTH)
    assert found.is_current


@pytest.mark.parametrize(
    ("text", "read", "current"),
    [
        ("2015 - Nu Skin Trading", "2015", False),
        ("2015 - Nu", "2015 - Nu", True),
        ("2019 - actual, Lima", "2019 - actual", True),
        ("Registered Nurse, Mayo 2015 - 2019", "2015 - 2019", False),
        ("Analyst, Mars 2012 - 2016", "2012 - 2016", False),
    ],
)
def test_another_language_s_words_that_are_english_names_are_read_only_as_dates_can_be(
    text: str, read: str, current: bool
) -> None:
    (found,) = DateParser().find_ranges(text)
    assert (found.text, found.is_current) == (read, current)


def test_two_digits_far_past_the_start_are_no_year(parser: DateParser) -> None:
    # "2019 - 05" would end in 2105; "1998-02" is February 1998 (ISO); "2000-15" is a range.
    assert only(parser, "Clerk | 2019 - 05").end is None
    assert only(parser, "2000-15").end == PartialDate(dt.date(2015, 1, 1), YEAR)


@pytest.mark.parametrize("text", ["2019-03 / 2020-05", "03/2019 / 05/2020", "Mar 2019 / May 2020"])
def test_a_spaced_slash_joins_a_range(parser: DateParser, text: str) -> None:
    found = only(parser, text)
    assert (found.start, found.end) == (
        PartialDate(dt.date(2019, 3, 1), MONTH),
        PartialDate(dt.date(2020, 5, 1), MONTH),
    )
