"""A name then its place in two parts or more on the employer's line (``_place_tail``); every
name here is invented."""

from __future__ import annotations

from collections.abc import Callable

from resume_etl.stages.extract import ExtractedDocument

Extract = Callable[[str], ExtractedDocument]


def _jobs(extract_text: Extract, text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [
        (
            job.organization.value if job.organization else None,
            job.role.value if job.role else None,
            job.location.value if job.location else None,
        )
        for job in extract_text(text).experiences
    ]


def test_employer_then_a_town_and_region_the_ner_does_not_know(extract_text: Extract) -> None:
    text = (
        "PROFESSIONAL EXPERIENCE\n\n"
        "Quillmark Team, Tarrow, Norland                       01/2020 - 10/2021\n"
        "Developer\nBuilt the services.\n\n"
        "Harwick Books, Tarrow, Norland                        01/2012 - 03/2015\n"
        "Sales Assistant\nSold books.\n"
    )
    assert _jobs(extract_text, text) == [
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
    assert _jobs(extract_text, text) == [
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
