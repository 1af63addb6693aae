"""Pandoc definition lists in a markdown CV: each term ("2016-2019", "**Firm**") names one
item of the list (issue 14; every name here is invented)."""

from __future__ import annotations

from collections.abc import Callable

from resume_etl.stages.extract import ExtractedDocument
from resume_etl.stages.segment import split_lines

Extract = Callable[[str], ExtractedDocument]


def _terms(text: str) -> list[str]:
    return [line.content for line in split_lines(text, markdown=True) if line.term]


def test_a_line_over_a_definition_is_its_term() -> None:
    text = "2012\n:   **BSc**; Tallowby College\n\n**Brellow Marine**\n\n:   Survey Lead\n"
    assert _terms(text) == ["2012", "**Brellow Marine**"]


def test_terms_are_read_in_markdown_only() -> None:
    assert _terms("Skills\n\n2012\n:   Welding\n") == ["2012"]
    assert not any(line.term for line in split_lines("Skills\n\n2012\n:   Welding\n"))


def test_an_indented_block_or_a_wrapped_line_is_no_term() -> None:
    text = "2012\n:   **BSc**; Tallowby\n    College\n:   Second definition\n\n    Thesis\n:   x\n"
    assert _terms(text) == ["2012"]


def test_a_term_after_a_definitions_blocks_opens_the_next_school(
    extract_markdown: Extract,
) -> None:
    text = (
        "Education\n---------\n\n"
        "2016 Spring (expected)\n:   **PhD, Geology**; Northfield University\n\n"
        "      Advisor: Dr. Ama Quell\n\n"
        "      Thesis title: Sediment Transport in Braided Rivers\n\n"
        "2011\n:   **BS, Physics**; Westmere College\n\n"
        "    Minor in Mathematics\n"
    )
    schools = extract_markdown(text).education
    assert [s.institution.value if s.institution else None for s in schools] == [
        "Northfield University",
        "Westmere College",
    ]
    assert schools[1].dates is not None
    assert str(schools[1].dates.end.value) == "2011-01-01"


def test_a_placeholder_term_over_odd_jobs_names_no_employer(extract_markdown: Extract) -> None:
    text = (
        "Experience\n----------\n\n"
        "**Brellow Marine**\n:    *Survey Lead* Feb 2016 - Present\n\n"
        "    Mapped the harbour floor.\n\n"
        "**Other**\n:    *Various positions* May 2012 - May 2013\n\n"
        "    Deckhand at Orrick Ferries.\n"
    )
    jobs = extract_markdown(text).experiences
    assert [job.organization.value if job.organization else None for job in jobs] == [
        "Brellow Marine",
        None,
    ]
    assert [job.role.value if job.role else None for job in jobs] == [
        "Survey Lead",
        "Various positions",
    ]


def test_a_definition_of_empty_links_only_is_no_line() -> None:
    # A template's link left unfilled renders nothing: the definition under it is the first.
    text = "2019-2021\n: []()\n: **Survey Lead**, Brellow Marine\n\n- [](#) []()\n- Mapped\n"
    contents = [line.content for line in split_lines(text, markdown=True)]
    assert contents == ["2019-2021", "**Survey Lead**, Brellow Marine", "Mapped"]
    assert ": []()" in [line.content for line in split_lines(text)]  # plain text keeps it


def test_the_definition_under_an_empty_one_names_the_job(extract_markdown: Extract) -> None:
    text = (
        "## Experience\n\n"
        "June 2019-\n: []()\n: **Survey Lead**, Brellow Marine, Norway\n\n"
        "August 2017-February 2019\n: []()\n: **Deckhand**, Orrick Ferries, Norway\n"
    )
    jobs = extract_markdown(text).experiences
    assert [job.role.value if job.role else None for job in jobs] == ["Survey Lead", "Deckhand"]
