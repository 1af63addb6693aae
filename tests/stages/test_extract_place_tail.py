"""A name then its place in two parts or more on the employer's line, and a title then its town
and region (``_place_tail``); every name here is invented."""

from __future__ import annotations

from tests.stages.job_rows import Extract, job_rows


def test_employer_then_a_town_and_region_the_ner_does_not_know(extract_text: Extract) -> None:
    text = (
        "PROFESSIONAL EXPERIENCE\n\n"
        "Quillmark Team, Tarrow, Norland                       01/2020 - 10/2021\n"
        "Developer\nBuilt the services.\n\n"
        "Harwick Books, Tarrow, Norland                        01/2012 - 03/2015\n"
        "Sales Assistant\nSold books.\n"
    )
    assert job_rows(extract_text, text) == [
        ("Quillmark Team", "Developer", "Tarrow, Norland"),
        ("Harwick Books", "Sales Assistant", "Tarrow, Norland"),
    ]


def test_a_city_region_and_country_stay_one_place(extract_text: Extract) -> None:
    text = (
        "Experience\n\n"
        "Kettle Systems\nDeveloper\nJanuary 2020 - October 2021 (1 year 10 months)\n"
        "Ann Arbor, Michigan, United States\n\n"
        "Grisby\nAnalyst\nApril 2015 - December 2019 (4 years 9 months)\n"
        "Ann Arbor, Michigan, United States\n"
    )
    assert job_rows(extract_text, text) == [
        ("Kettle Systems", "Developer", "Ann Arbor, Michigan, United States"),
        ("Grisby", "Analyst", "Ann Arbor, Michigan, United States"),
    ]


def test_parts_a_lexicon_reads_are_no_place(extract_text: Extract) -> None:
    text = (
        "PROFESSIONAL EXPERIENCE\n\n"
        "Vision Group, Harwick University, Norland             01/2020 - 10/2021\n"
        "Researcher\nBuilt the services.\n"
    )
    employer = extract_text(text).experiences[0].organization
    assert employer is not None
    assert "Harwick University" in employer.value


def test_a_title_then_its_town_without_a_comma_then_the_region(extract_text: Extract) -> None:
    text = (
        "Jane Roe   EXPERIENCE   Quillmark Interactive Group January 2008- Present   "
        "Sr. Web Developer Elm Park, CA   Led the move of the shop to a new platform for the "
        "whole company."
    )
    assert job_rows(extract_text, text) == [
        ("Quillmark Interactive Group", "Sr. Web Developer", "Elm Park, CA")
    ]


def test_a_title_with_a_complement_keeps_it(extract_text: Extract) -> None:
    text = (
        "Jane Roe   EXPERIENCE   Quillmark Interactive Group January 2008- Present   "
        "Director of Marketing Services, CA   Led the move of the shop to a new platform for "
        "the whole company."
    )
    ((_org, role, _place),) = job_rows(extract_text, text)
    assert role == "Director of Marketing Services"
