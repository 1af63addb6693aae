"""The line features read a date through the markup that sets it off (``stages/layout/markup``):
emphasis, inline HTML, a list or definition marker."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_etl.stages.layout import LineShape, line_features
from resume_etl.stages.layout.markup import bare_of_markup, without_marker

_DATE_FEATURES = ("range", "date_start", "date_end", "date_only", "ongoing", "years=")


def _date_features(line: str) -> set[str]:
    (row,) = line_features([LineShape(line, False, "experience", False)])
    return {feature for feature in row if feature.startswith(_DATE_FEATURES)}


def _row(line: str) -> list[str]:
    (row,) = line_features([LineShape(line, False, "experience", False)])
    return row


@pytest.mark.parametrize("period", ["2015-2017", "Jan 2019 – Present", "2019", "03/2020 - 11/2021"])
@pytest.mark.parametrize(
    ("before", "after"),
    [("_", "_"), ("*", "*"), ("**", "**"), ("(_", "_)"), ("<em>", "</em>"), ("* **", "**")],
)
def test_a_period_in_markup_states_what_the_bare_period_does(
    period: str, before: str, after: str
) -> None:
    bare = _date_features(period)
    assert "date_only" in bare
    assert _date_features(f"{before}{period}{after}") == bare


def test_a_period_after_a_list_marker_opens_its_line() -> None:
    assert "date_start" in _date_features("* **2019 - 2020** Platform Engineer at Harbour Ledger")
    assert "date_start" in _date_features("1. 2019 - 2020 Platform Engineer")


def test_a_mark_inside_a_word_is_no_emphasis() -> None:
    assert bare_of_markup("build_2019_v2 notes") == "build_2019_v2 notes"
    assert "years=le0" in _date_features("see report_2019_final")


@given(st.text(alphabet=st.characters(blacklist_characters="*_`<"), max_size=40))
def test_a_line_without_inline_marks_keeps_its_text_after_the_marker(text: str) -> None:
    assert bare_of_markup(text) == without_marker(text)


def test_a_definition_marker_is_no_wide_gap() -> None:
    assert "gap" not in _row(":   **Research Fellow**, Northwind Institute")
    assert "gap" in _row("Northwind Institute                         2019 - 2021")


def test_bold_after_a_list_or_definition_marker_is_bold() -> None:
    assert "bold_start" in _row(":   **Research Fellow**, Northwind Institute")
    assert "bold_start" in _row("- **Harbour Ledger**, Leeds")
