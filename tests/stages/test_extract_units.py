"""A unit named with its parent on the employer's line is one employer
(``stages/extract/_units.py``); every name here is invented."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from resume_etl.stages.extract import ExtractedDocument

Extract = Callable[[str], ExtractedDocument]


def _employers(extract_text: Extract, text: str) -> list[str | None]:
    return [
        job.organization.value if job.organization else None
        for job in extract_text(text).experiences
    ]


def test_unit_then_parent_under_a_markdown_heading(extract_text: Extract) -> None:
    text = (
        "## Experience\n\n"
        "### Quasar Physics Division (QP2), Marlow Research Institute\n"
        "**Postdoctoral researcher** | *Oct 2020 – Jan 2022* | Brask\n\n"
        "### Marlow Research Institute\n"
        "**Research Assistant** | *Oct 2016 – Sep 2020* | Brask\n"
    )
    assert _employers(extract_text, text) == [
        "Quasar Physics Division (QP2), Marlow Research Institute",
        "Marlow Research Institute",
    ]


def test_parent_then_unit_on_a_line_with_the_dates(extract_text: Extract) -> None:
    text = (
        "PROFESSIONAL EXPERIENCE\n\n"
        "Tarrow Institute of Science - Vision Lab, Brask, Norland     01/2014 - 06/2016\n"
        "Research Associate\n\n"
        "Kettle Systems, Brask                                        03/2012 - 12/2013\n"
        "Analyst\n"
    )
    assert _employers(extract_text, text) == [
        "Tarrow Institute of Science - Vision Lab",
        "Kettle Systems",
    ]


def test_unit_and_parent_after_at(extract_text: Extract) -> None:
    text = (
        "Experience\n\n"
        "Research Associate at Tarrow Institute of Science - Vision Lab\n"
        "2014-01 — 2016-06 · Brask, Norland\n\n"
        "Analyst at Kettle Systems\n"
        "2012-03 — 2013-12 · Brask\n"
    )
    assert _employers(extract_text, text)[0] == "Tarrow Institute of Science - Vision Lab"


@pytest.mark.parametrize(
    "header",
    [
        "Assistant Professor, Department of Botany, Eastfield University (2019 – 2022)",
        "Senior Planner, City of Harwick - Office for Street Renewal (2019 – 2022)",
    ],
)
def test_a_unit_right_after_the_title_is_its_department(extract_text: Extract, header: str) -> None:
    text = f"Work experience\n\n{header}\nHarwick\n\nClerk, Kettle Systems (2016 – 2019)\n"
    employer = _employers(extract_text, text)[0]
    assert employer in {"Eastfield University", "City of Harwick"}
