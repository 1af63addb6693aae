from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

from resume_etl.formatting import (
    COLUMN_CHROME,
    csv_cell,
    cut,
    flatten,
    to_json_value,
    visible_columns,
)


def test_every_column_shows_when_the_table_fits() -> None:
    assert visible_columns([5, 5, 5], 3 * (5 + COLUMN_CHROME)) == ([0, 1, 2], [])


def test_a_wide_table_keeps_columns_from_both_edges() -> None:
    left, right = visible_columns([10] * 20, 60)
    assert left[0] == 0
    assert right[-1] == 19
    assert len(left) + len(right) < 20
    assert sum(10 + COLUMN_CHROME for _ in [*left, *right]) + 1 + COLUMN_CHROME <= 60


def test_the_first_column_shows_even_when_nothing_fits() -> None:
    assert visible_columns([200, 200], 40) == ([0], [])


def test_cut_marks_cut_values_and_keeps_one_line() -> None:
    assert cut("abcdef", 4) == "abc…"
    assert cut("ab\ncd", 10) == "ab⏎cd"


def test_json_values_are_plain() -> None:
    value = {"d": dt.date(2021, 3, 1), "n": math.nan, "p": Path("out"), "l": (1, 2)}
    assert to_json_value(value) == {"d": "2021-03-01", "n": None, "p": "out", "l": [1, 2]}


def test_csv_cells_hold_lists_as_json_and_null_as_empty() -> None:
    assert csv_cell(["a", "b"]) == '["a","b"]'
    assert csv_cell(None) == ""
    assert csv_cell({"start": 1, "end": 2}) == '{"start":1,"end":2}'


def test_nested_summaries_flatten_to_dotted_columns() -> None:
    assert flatten({"a": 1, "rows": {"x": 2}}) == {"a": 1, "rows.x": 2}
