"""A title only the NER reads as an organization: in the slot where a section writes its
titles it is the job's title, and the employer is read from its own line ("Employer, City");
before a sure employer on its line it is a piece of its own, not a name the employer describes.
Every name here is invented."""

from __future__ import annotations

from tests.stages.job_rows import Extract, job_rows


def test_a_title_the_ner_calls_an_organization_in_the_title_slot(extract_text: Extract) -> None:
    text = (
        "WORK EXPERIENCE\n\n"
        "11/2021 – present\nPlatform Engineering PMTS\nBrindle, Lisbon\nRan the platform.\n\n"
        "01/2020 – 10/2021\nSecurity Lead\nQuillmark GmbH, Brask\nWrote the rules.\n\n"
        "04/2015 – 12/2019\nDeveloper\nKettle Systems GmbH, Brask\nBuilt the services.\n"
    )
    assert job_rows(extract_text, text) == [
        ("Brindle", "Platform Engineering PMTS", "Lisbon"),
        ("Quillmark GmbH", "Security Lead", "Brask"),
        ("Kettle Systems GmbH", "Developer", "Brask"),
    ]


def test_a_title_the_ner_calls_an_organization_before_a_sure_employer(
    extract_text: Extract,
) -> None:
    text = (
        "Work experience\n\n"
        "Principal SRE, Quillmark S.A (since 2022)\nBrask\n\n"
        "SRE/DevOps, Quillmark S.A (2019 – 2022)\nBrask\n\n"
        "Analyst, Kettle Systems GmbH (2016 – 2019)\nBrask\n"
    )
    jobs = job_rows(extract_text, text)
    assert [(employer, title) for employer, title, _ in jobs] == [
        ("Quillmark S.A", "Principal SRE"),
        ("Quillmark S.A", "SRE/DevOps"),
        ("Kettle Systems GmbH", "Analyst"),
    ]
