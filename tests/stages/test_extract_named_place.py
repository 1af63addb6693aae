"""A one-word employer the NER calls a place, over the title, is the employer
(``_named_place``); every name here is invented."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from resume_etl.stages.extract import ExtractedDocument
from tests.stages.job_rows import employers_and_titles

Extract = Callable[[str], ExtractedDocument]


@pytest.mark.parametrize(
    "text",
    [
        "## Experience\n\n### Tessaly\n**Research Assistant** | *Dec 2021 – Mar 2023*\n\n"
        "- Built the rig\n\n### Brindlework\n**Technical Leader** | *Sep 2016 – Apr 2017*\n",
        "Experience\n\nTessaly\nResearch Assistant\n"
        "December 2021 - March 2023 (1 year 4 months)\n\n"
        "Brindlework\nTechnical Leader\nSeptember 2016 - April 2017 (8 months)\n",
    ],
)
def test_a_name_the_ner_calls_a_place_above_the_title(extract_text: Extract, text: str) -> None:
    assert employers_and_titles(extract_text, text) == [
        ("Tessaly", "Research Assistant"),
        ("Brindlework", "Technical Leader"),
    ]


def test_a_place_under_the_dates_stays_the_place(extract_text: Extract) -> None:
    text = (
        "Experience\n\nKettle Systems\nResearch Assistant\n"
        "December 2021 - March 2023 (1 year 4 months)\nTessaly\n"
    )
    job = extract_text(text).experiences[0]
    assert job.location is not None
    assert job.location.value == "Tessaly"
