"""Rows whose dates were pushed to the right margin stay whole when their breaks collapse."""

from __future__ import annotations

from hypothesis import given, settings

from resume_etl.stages.reflow import margin, restore_line_breaks
from resume_etl.stages.reflow.gaps import Run
from tests.stages.reflow import slicing_reference as reference

WIDTH = 72


def _row(left: str, right: str) -> str:
    return left + " " * (WIDTH - len(left) - len(right)) + right


def _restored_lines(lines: list[str]) -> list[str]:
    return [line.strip() for line in restore_line_breaks("  ".join(lines)).split("\n")]


HEAD = ["Robin Vale", "Data Engineer", "Leeds | robin@example.org", "", "EXPERIENCE", ""]


def test_rows_ending_at_one_column_keep_their_dates() -> None:
    lines = [
        *HEAD,
        _row("Northwind Freight, Leeds", "03/2021 - Present"),
        "Senior Data Engineer",
        "",
        _row("Bluefin Labs", "09/2017 - 02/2021"),
        "Data Engineer",
        "",
        "EDUCATION",
        "",
        _row("University of Elmsford", "2013 - 2016"),
        "BSc Mathematics",
    ]
    assert _restored_lines(lines) == lines


def test_one_row_alone_is_no_margin() -> None:
    """A line, a blank line and a date line can add up to any width once."""
    lines = [*HEAD, _row("Northwind Freight, Leeds", "03/2021 - Present"), "Data Engineer"]
    restored = _restored_lines(lines)
    assert "Northwind Freight, Leeds" in restored
    assert "03/2021 - Present" in restored


def test_a_right_cell_that_is_no_period_is_no_margin_column() -> None:
    lines = [
        *HEAD,
        _row("Northwind Freight", "Leeds, UK"),
        "Senior Data Engineer",
        "",
        _row("Bluefin Labs", "York, UK"),
        "Data Engineer",
    ]
    restored = _restored_lines(lines)
    assert "Northwind Freight" in restored
    assert "Bluefin Labs" in restored


def test_two_rows_of_one_employer_keep_their_dates() -> None:
    lines = [
        *HEAD,
        _row("Northwind Freight, Leeds", "03/2021 - Present"),
        "Senior Data Engineer",
        "",
        _row("Northwind Freight, Leeds", "09/2017 - 02/2021"),
        "Data Engineer",
    ]
    assert _restored_lines(lines) == lines


def test_rows_that_reach_one_column_through_blank_lines_are_no_margin() -> None:
    """Two sentences as long as each other, each with a blank line and a date line after it."""
    lines = [
        *HEAD,
        "Northwind Freight",
        "Learned the loaders, the dashboards and the depot.",
        "",
        "03/2019 - 02/2021",
        "Bluefin Labs",
        "Learned the sensors, the queues and the gate logs.",
        "",
        "09/2017 - 02/2019",
        "Data Engineer",
    ]
    assert _restored_lines(lines) == lines


@settings(max_examples=300, deadline=None)
@given(reference.lines_and_runs)
def test_each_rows_end_is_found_as_by_slicing_the_runs_after_its_break(
    line_and_runs: tuple[str, list[Run]],
) -> None:
    """The next break looked up in a list of breaks (a slice of the runs after each break grew
    with a text's square)."""
    line, runs = line_and_runs
    assert margin._row_ends(line, runs) == reference.row_ends(line, runs)
