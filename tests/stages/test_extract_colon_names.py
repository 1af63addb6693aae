"""A colon inside a name is no label (``stages/extract/_colon_names.py``): "X: Y" where the
employer stands is the employer; every name here is invented."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_etl.stages.extract._colon_names import name_shaped
from tests.stages.job_rows import Extract, job_rows

_NAME = "The Silver Lantern: Story Archive"


@pytest.mark.parametrize(
    "text",
    [
        f"## Experience\n\n### {_NAME}\n**Founder** | *Apr 1999 – Jan 2005*\n\n"
        "### Kettle Systems\n**Developer** | *Feb 1994 – Mar 1999*\n",
        "PROFESSIONAL EXPERIENCE\n\n"
        f"{_NAME}                                   04/1999 - 01/2005\nFounder\n"
        "Ran the site.\n\n"
        "Kettle Systems                                           02/1994 - 03/1999\n"
        "Developer\nBuilt it.\n",
        f"Experience\n\nFounder at {_NAME}\n1999-04 — 2005-01\nRan the site.\n\n"
        "Developer at Kettle Systems\n1994-02 — 1999-03\nBuilt it.\n",
        f"WORK EXPERIENCE\n\n04/1999 – 01/2005\nFounder\n{_NAME}\nRan the site.\n\n"
        "02/1994 – 03/1999\nDeveloper\nKettle Systems\nBuilt it.\n",
    ],
)
def test_a_name_with_a_colon_is_the_employer(extract_text: Extract, text: str) -> None:
    employer, title, _place = job_rows(extract_text, text)[0]
    assert (employer, title) == (_NAME, "Founder")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("The Silver Lantern", ["Story Archive"]),
        ("Quillmark Labs", ["Data Platform"]),
    ],
)
def test_names_on_both_sides_of_a_colon_are_one_name(before: str, after: list[str]) -> None:
    assert name_shaped(before, after)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Client", ["Kettle Systems"]),  # one word: a label
        ("Team Size", ["11"]),  # a number
        ("Environment", ["Windows, Java"]),
        ("Job Profile", ["planning and erection of plants"]),  # a sentence
        ("External Funding", ["Principal Investigator on Grants (selected)"]),
        ("Relevant Skills", []),  # nothing after the colon
        ("Duration", ["Jan 2007", "Sep 2011"]),  # pieces the dates left
    ],
)
def test_labels_and_their_values_are_no_name(before: str, after: list[str]) -> None:
    assert not name_shaped(before, after)


@given(st.from_regex(r"[A-Z][a-z]{2,9}", fullmatch=True), st.text(max_size=40))
def test_a_one_word_label_is_never_a_name(label: str, value: str) -> None:
    assert not name_shaped(label, [value])


def test_a_title_before_a_colon_keeps_the_line_a_label(extract_text: Extract) -> None:
    text = (
        "Experience\n\nKettle Systems                                01/2010 - 12/2012\n"
        "Senior Manager: Retail Lending\nRan the desk.\n"
    )
    _employer, title, _place = job_rows(extract_text, text)[0]
    assert title != "Senior Manager: Retail Lending"


def test_a_school_before_a_colon_is_followed_by_its_subject(extract_text: Extract) -> None:
    text = "Education\n\nEastfield University: Sociology, 1986\n"
    schools = extract_text(text).education
    assert all(
        school.institution is None or school.institution.value != "Eastfield University: Sociology"
        for school in schools
    )
