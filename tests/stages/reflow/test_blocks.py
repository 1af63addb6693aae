"""Wrapped list items and indented paragraphs come back as one block, blank lines as blank."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from resume_etl.stages.reflow import blocks, restore_line_breaks
from resume_etl.stages.reflow.blocks import MIN_LINES, wrap_column
from resume_etl.stages.reflow.gaps import Run
from tests.stages.reflow import slicing_reference as reference


def _restored_lines(lines: list[str]) -> list[str]:
    return [line.strip() for line in restore_line_breaks("  ".join(lines)).split("\n")]


def _stripped(lines: list[str]) -> list[str]:
    return [line.strip() for line in lines]


HEAD = [
    "Robin Vale",
    "Data Engineer, Leeds",
    "robin@example.org",
    "",
    "SUMMARY",
    "Data engineer who moves the freight data of twelve depots to the people",
    "who plan the routes, and who keeps the nightly loaders quiet and cheap",
    "to run.",
    "",
    "EXPERIENCE",
    "",
]
ITEMS = [
    "Northwind Freight",
    "Senior Data Engineer",
    "  • Moved the nightly loaders of the freight warehouse onto a cluster",
    "    Kubernetes ran for them and cut failed runs by half in a quarter",
    "  • Wrote the runbooks for every loader",
    "",
]


def test_a_wrapped_item_line_that_opens_with_a_capital_stays_in_its_item() -> None:
    lines = [*HEAD, *ITEMS, "Bluefin Labs", "Data Engineer", "  • Built the depot dashboards"]
    assert _restored_lines(lines) == _stripped(lines)


def test_an_indented_paragraph_keeps_its_first_line_under_its_title() -> None:
    """(A paragraph whose last line is full cannot be told from one that goes on: its blank
    line reads as one more wrap.)"""
    lines = [
        *HEAD,
        *ITEMS,
        "PROJECTS",
        "",
        "Tidewater",
        "  Command line tool that checks the shipping manifests of each truck",
        "  Against the customs records before the trucks leave.",
        "",
        "Harbourline",
        "  Dashboard of the depot queues, refreshed every five minutes from the",
        "  Yard-sensor feeds.",
    ]
    assert _restored_lines(lines) == _stripped(lines)


def test_a_lower_case_name_after_a_short_line_follows_a_blank_line() -> None:
    lines = [*HEAD, *ITEMS, "tidewater labs", "Data Engineer", "  • Built the depot dashboards"]
    assert _restored_lines(lines) == _stripped(lines)


def test_a_lower_case_line_after_a_full_line_is_a_wrap() -> None:
    lines = [
        *HEAD,
        *ITEMS,
        "Bluefin Labs",
        "Data Engineer",
        "  Moved the nightly loaders of the freight warehouse onto a cluster that",
        "  the platform team ran, and cut the failed runs by half.",
        "",
        "Copperfield Ltd",
        "Data Analyst",
    ]
    assert _restored_lines(lines) == _stripped(lines)


def test_too_few_lines_give_no_wrap_column() -> None:
    assert wrap_column([80] * (MIN_LINES - 1)) is None


def test_lines_ending_near_the_widest_give_the_wrap_column() -> None:
    assert wrap_column([10, 20, 30, 40, 50, 60, 70, 74, 79, 80, 97]) == 80


def test_long_lines_that_were_never_wrapped_give_no_wrap_column() -> None:
    """One paragraph per line: the widest line stands alone."""
    assert wrap_column([12, 30, 41, 9, 160, 25, 60, 8, 95, 240, 14, 70]) is None


@settings(max_examples=300, deadline=None)
@given(reference.lines_and_runs, st.integers(0, 80))
def test_the_readings_after_a_break_agree_with_slicing_the_rest_of_the_line(
    line_and_runs: tuple[str, list[Run]], column: int
) -> None:
    """Read in place (a copy of the rest of the line per break grew with a text's square)."""
    line, runs = line_and_runs
    for run in runs:
        assert blocks._item_text_run(line, run) == reference.item_text_run(line, run)
        segment = blocks._Segment(0, run.start)
        assert blocks._next_word_passes(line, segment, column) == reference.next_word_passes(
            line, run.start, segment.width, column
        )
