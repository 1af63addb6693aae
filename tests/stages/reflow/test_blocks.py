"""Wrapped list items and indented paragraphs come back as one block, blank lines as blank."""

from __future__ import annotations

from resume_etl.stages.reflow import restore_line_breaks
from resume_etl.stages.reflow.blocks import MIN_LINES, wrap_column


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
