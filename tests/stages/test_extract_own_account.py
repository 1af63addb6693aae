"""An own-account employment type written where the employer stands is the employer as
written (``stages/extract/_own_account.py``); every name here is invented."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from resume_etl.stages.extract import ExtractedDocument
from resume_etl.vocab import EmploymentType

Extract = Callable[[str], ExtractedDocument]


def _first_job(extract_text: Extract, text: str) -> tuple[str | None, str | None, str | None]:
    job = extract_text(text).experiences[0]
    return (
        job.organization.value if job.organization else None,
        job.role.value if job.role else None,
        job.employment_type.value if job.employment_type else None,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Experience\n\nCloud Developer at Freelance\n2018-03 — 2019-10 · Remote\nBuilt it.\n\n"
        "Developer at Kettle Systems\n2015-01 — 2018-02 · Brask\n",
        "Experience\n\nFreelance\nCloud Developer\nMarch 2018 - October 2019 (1 year 8 months)\n"
        "Remote\n\nKettle Systems\nDeveloper\nJanuary 2015 - February 2018 (3 years 2 months)\n",
        "Work experience\n\nCloud Developer, Freelance (2018 – 2019)\nRemote\n\n"
        "Developer, Kettle Systems (2015 – 2018)\nBrask\n",
    ],
)
def test_freelance_where_the_employer_stands_is_the_employer(
    extract_text: Extract, text: str
) -> None:
    assert _first_job(extract_text, text) == (
        "Freelance",
        "Cloud Developer",
        EmploymentType.FREELANCE,
    )


def test_an_employment_type_in_brackets_qualifies_the_title(extract_text: Extract) -> None:
    text = "Work experience\n\nWeb Developer (freelance) (2013 – 2015)\nBrask\n"
    employer, _title, employment = _first_job(extract_text, text)
    assert employer is None
    assert employment == EmploymentType.FREELANCE
