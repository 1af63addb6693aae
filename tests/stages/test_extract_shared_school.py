"""A school named once over the degrees taken there (``_shared_school``; every name here is
invented)."""

from __future__ import annotations

from collections.abc import Callable

from resume_etl.stages.extract import ExtractedDocument

Extract = Callable[[str], ExtractedDocument]


def _schools(extract: Extract, text: str) -> list[tuple[str | None, str | None]]:
    return [
        (
            school.institution.value if school.institution else None,
            school.degree.value if school.degree else None,
        )
        for school in extract(text).education
    ]


def test_a_school_named_over_its_degrees_is_each_degrees_school(
    extract_markdown: Extract,
) -> None:
    text = (
        "Education\n---------\n\n**Northfield University**, Advisor: Ama Quell\n\n"
        "2014\n:   **Ph.D.**, thesis on braided rivers\n\n"
        "2010\n:   **B.S. (Geology)**, Department of Earth Sciences\n"
    )
    assert _schools(extract_markdown, text) == [
        ("Northfield University", "Ph.D."),
        ("Northfield University", "B.S."),
    ]


def test_a_degree_with_its_own_school_keeps_it(extract_markdown: Extract) -> None:
    text = (
        "Education\n---------\n\n**Northfield University**\n\n2014\n:   **MSc**, Westmere College\n"
    )
    assert _schools(extract_markdown, text) == [
        ("Northfield University", None),
        ("Westmere College", "MSc"),
    ]
