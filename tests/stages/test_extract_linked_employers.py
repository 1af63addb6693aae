"""Employers written as markdown links: the whole link text is the name ("[Firm,
Inc.](url)"), and an agency named with its client is not the employer (issue 14; every name
here is invented)."""

from __future__ import annotations

from collections.abc import Callable

from resume_etl.stages.extract import ExtractedDocument

Extract = Callable[[str], ExtractedDocument]


def _employers(extract: Extract, text: str) -> list[str | None]:
    return [
        job.organization.value if job.organization else None for job in extract(text).experiences
    ]


def test_a_linked_firm_keeps_its_legal_form(extract_markdown: Extract) -> None:
    text = (
        "Experience\n----------\n\n"
        "2009-2015\n:  Survey Scientist (Staff at [Brindle Analytics, Inc.](http://b.example/)).\n\n"
        "2005-2009\n:  Analyst at [Quillon Labs, LLC](http://q.example/)\n"
    )
    assert _employers(extract_markdown, text) == ["Brindle Analytics, Inc.", "Quillon Labs, LLC"]


def test_the_client_not_the_agency_that_placed_the_contractor(extract_markdown: Extract) -> None:
    text = (
        "## Experience\n\n"
        "08/20 -- Present\n"
        ": **Senior Engineer** for [Tallowby](https://t.example/) • _Westmere, Oregon_\n"
        ": (Contract via [Harbor Staffing Consulting](https://h.example/))\n\n"
        "    * Built the login service\n"
    )
    assert _employers(extract_markdown, text) == ["Tallowby"]
