"""Dates written the Chinese, Japanese and Korean way: 2019年3月, 2019年3月15日, 2019년 3월."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_etl.config import DateSettings
from resume_etl.dates import DateParser
from resume_etl.vocab import DatePrecision

_PARSER = DateParser(DateSettings(reference_date=dt.date(2026, 1, 15)))
_YEARS = st.integers(1960, 2025)
_MONTHS = st.integers(1, 12)


@given(start_year=_YEARS, start_month=_MONTHS, years=st.integers(0, 10), end_month=_MONTHS)
def test_a_range_of_year_and_month_in_either_script(
    start_year: int, start_month: int, years: int, end_month: int
) -> None:
    end_year = min(start_year + years, 2025)
    for year_mark, month_mark, gap in (("年", "月", ""), ("년", "월", " ")):
        text = (
            f"{start_year}{year_mark}{gap}{start_month}{month_mark} - "
            f"{end_year}{year_mark}{gap}{end_month}{month_mark}"
        )
        (found,) = _PARSER.find_ranges(text)
        assert found.start is not None and found.end is not None
        assert found.start.value == dt.date(start_year, start_month, 1)
        assert found.end.value == dt.date(end_year, end_month, 1)
        assert found.start.precision is DatePrecision.MONTH
        assert found.text == text


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("2019年", dt.date(2019, 1, 1), DatePrecision.YEAR),
        ("2019年3月15日", dt.date(2019, 3, 15), DatePrecision.DAY),
        ("2019 年 3 月", dt.date(2019, 3, 1), DatePrecision.MONTH),
    ],
)
def test_one_date(text: str, value: dt.date, precision: DatePrecision) -> None:
    (found,) = _PARSER.find_ranges(text)
    assert found.start is not None
    assert (found.start.value, found.start.precision) == (value, precision)


def test_a_thirteenth_month_is_no_date() -> None:
    assert _PARSER.find_ranges("2019年13月") == []
