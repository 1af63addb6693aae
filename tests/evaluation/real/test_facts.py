from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_etl.evaluation.real.facts import Month, parse_month, parse_period, read_facts


@given(st.integers(1950, 2040), st.integers(1, 12), st.integers(1, 28))
def test_iso_dates_keep_the_precision_they_state(year: int, month: int, day: int) -> None:
    assert parse_month(f"{year}") == Month(year=year)
    assert parse_month(f"{year}-{month:02d}") == Month(year=year, month=month)
    assert parse_month(f"{year}-{month:02d}-{day:02d}") == Month(year=year, month=month)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Jun 2023", Month(year=2023, month=6)),
        ("September 2019", Month(year=2019, month=9)),
        ("'16", Month(year=2016)),
        ("'98", Month(year=1998)),
        ("2017-05 - 2019-04, 2025-02", Month(year=2017, month=5)),
        ("2016 ~ 2020", Month(year=2016)),
        ("2022-02-30", Month(year=2022, month=2)),
    ],
)
def test_real_date_forms_are_read(written: str, expected: Month) -> None:
    assert parse_month(written) == expected


@pytest.mark.parametrize("written", ["", None, "submitted", " -- ", "Present", 2019])
def test_what_is_not_a_date_is_dropped(written: object) -> None:
    assert parse_month(written) is None


@pytest.mark.parametrize("end", ["Present", "now", "today", "Ongoing", "", None])
def test_an_ongoing_or_missing_end_after_a_start_is_current(end: object) -> None:
    period = parse_period({"startDate": "2020-01", "endDate": end})
    assert period.current
    assert period.end is None


def test_a_closed_entry_is_not_current() -> None:
    period = parse_period({"startDate": "2020-01", "endDate": "2021-03"})
    assert not period.current
    assert period.end == Month(year=2021, month=3)


def test_month_at_year_precision_drops_the_month() -> None:
    assert Month(year=2020, month=4).at("year").iso() == "2020"
    assert Month(year=2020, month=4).at("month").iso() == "2020-04"


def test_legacy_keys_are_read() -> None:
    facts = read_facts(
        "x",
        {
            "basics": {"name": "Ana  Lima", "summary": ["First line.", "Second line."]},
            "experience": [
                {"company": "Old Style Ltd", "position": "Clerk", "startDate": "2001"},
                {"employer": "Lab of Things", "address": "Basel", "position": "Fellow"},
            ],
        },
    )
    assert facts.person.name == "Ana Lima"
    assert facts.person.summary == "First line. Second line."
    assert [job.organization for job in facts.jobs] == ["Old Style Ltd", "Lab of Things"]
    assert facts.jobs[1].location == "Basel"


def test_location_parts_are_joined_without_repeats() -> None:
    facts = read_facts(
        "x",
        {
            "basics": {
                "location": {
                    "address": "12 Elm Road",
                    "city": "Springfield",
                    "region": "Springfield",
                    "countryCode": "US",
                }
            }
        },
    )
    assert facts.person.location == "Springfield, US"
    assert facts.person.street == "12 Elm Road"


def test_an_address_without_city_or_digits_is_the_place() -> None:
    facts = read_facts("x", {"basics": {"location": {"address": "Lille", "countryCode": "FR"}}})
    assert facts.person.location == "Lille, FR"
    assert facts.person.street is None


def test_skills_are_the_keywords_or_else_the_name() -> None:
    facts = read_facts(
        "x",
        {"skills": [{"name": "Web", "keywords": ["HTML", "CSS"]}, {"name": "Python"}, {}]},
    )
    assert facts.all_skills() == ["HTML", "CSS", "Python"]


def test_entries_without_any_name_are_left_out() -> None:
    facts = read_facts(
        "x", {"work": [{"summary": "no name"}], "projects": [{"description": "nameless"}]}
    )
    assert facts.jobs == []
    assert facts.projects == []
