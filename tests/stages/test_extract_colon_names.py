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
    employer, title, _place = job_rows(extract_text, text)[0]
    assert employer == "Kettle Systems"
    assert title != "Senior Manager: Retail Lending"


def test_a_school_before_a_colon_is_followed_by_its_subject(extract_text: Extract) -> None:
    text = "Education\n\nEastfield University: Sociology, 1986\n"
    (school,) = extract_text(text).education
    assert school.institution is not None
    assert school.institution.value == "Eastfield University"


@pytest.mark.parametrize("label", ["College Name", "University Name", "Name of Institution"])
def test_a_labelled_school_name_is_the_school(extract_text: Extract, label: str) -> None:
    text = f"Education\n\nB.Sc. Chemistry, 2014\n{label}: Northvale University\n"
    (school,) = extract_text(text).education
    assert school.institution is not None
    assert school.institution.value == "Northvale University"


@pytest.mark.parametrize("label", ["Client Name", "Project Type", "Team Size"])
def test_a_label_ending_in_a_label_noun_is_no_name(extract_text: Extract, label: str) -> None:
    text = (
        "Experience\n\nLakemont Soft                                 2013 - 2016\n"
        f"Junior Developer\n{label}: Harwick Retail Group\nBuilt the stock pages.\n"
    )
    assert job_rows(extract_text, text)[0][:2] == ("Lakemont Soft", "Junior Developer")
