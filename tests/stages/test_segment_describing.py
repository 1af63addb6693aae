"""Duties written without bullets or full stops go on describing the job above them; they open
no job of their own (``segment/describing.py``). The layout rules alone are asked, as in a
text whose line breaks were restored. Every name here is invented."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from resume_etl.stages.segment.describing import goes_on_describing
from resume_etl.stages.segment.lines import split_lines
from tests.stages.rule_entries import rule_entries

_DUTIES_WITHOUT_MARKS = (
    "Harwick Books, Leeds\n"
    "2016 - 2019\n"
    "Shop Assistant\n"
    "Served customers at the till and answered questions by phone.\n"
    "Ordering stock for the weekend markets\n"
    "Coaching new staff on the till\n"
    "Kestrel Garden Centre, York\n"
    "2013 - 2016\n"
    "Sales Assistant\n"
)


def test_duties_without_bullets_or_stops_stay_in_the_job_above() -> None:
    entries = rule_entries(_DUTIES_WITHOUT_MARKS)
    assert entries == [
        (
            ["Harwick Books, Leeds", "2016 - 2019", "Shop Assistant"],
            [
                "Served customers at the till and answered questions by phone.",
                "Ordering stock for the weekend markets",
                "Coaching new staff on the till",
            ],
        ),
        (["Kestrel Garden Centre, York", "2013 - 2016", "Sales Assistant"], []),
    ]


def test_a_title_in_sentence_case_over_its_period_still_opens_a_job() -> None:
    entries = rule_entries(
        "Harwick Books, Leeds\n2016 - 2019\nShop Assistant\n"
        "Served customers at the till and answered questions by phone.\n"
        "Customer service advisor\n2013 - 2016\nKestrel Garden Centre, York\n"
    )
    assert [header for header, _body in entries] == [
        ["Harwick Books, Leeds", "2016 - 2019", "Shop Assistant"],
        ["Customer service advisor", "2013 - 2016", "Kestrel Garden Centre, York"],
    ]


def test_a_line_of_names_after_a_description_opens_the_next_job() -> None:
    entries = rule_entries(_DUTIES_WITHOUT_MARKS)
    assert entries[1][0][0] == "Kestrel Garden Centre, York"


_NAME_WORD = st.sampled_from(["Harwick", "Kestrel", "Marlow", "Brask", "Quillmark", "Tallow"])
_KIND_WORD = st.sampled_from(["Books", "Systems", "Garden Centre", "Media", "Partners", "of"])


@given(st.lists(st.one_of(_NAME_WORD, _KIND_WORD), min_size=1, max_size=6))
def test_a_line_of_capitalized_names_never_goes_on_describing(words: list[str]) -> None:
    (line,) = split_lines(" ".join(words) + "\n")
    assert not goes_on_describing(line, [])
