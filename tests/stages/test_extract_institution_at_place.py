"""An institution at a place is one name after the title's comma too: "Visiting Student,
Harlow Institute at Northfield University (2024)" (``_header._names_across_at``). Every name
here is invented."""

from __future__ import annotations

from collections.abc import Callable

from resume_etl.stages.extract import ExtractedDocument

Extract = Callable[[str], ExtractedDocument]


def test_title_comma_institution_at_university(extract_text: Extract) -> None:
    text = (
        "Work experience\n\n"
        "Research Intern, Quillmark Labs (since 2025)\n\n"
        "Visiting Student, Harlow Institute at Northfield University (2024 – 2024)\n"
        "Program: Modern Things\n\n"
        "Research Intern, Kettle Team (2023 – 2023)\n"
    )
    jobs = [
        (
            job.organization.value if job.organization else None,
            job.role.value if job.role else None,
        )
        for job in extract_text(text).experiences
    ]
    assert jobs[1] == ("Harlow Institute at Northfield University", "Visiting Student")


def test_a_title_before_at_still_parts_from_its_employer(extract_text: Extract) -> None:
    text = (
        "Work experience\n\n"
        "Lab Technician, Night Shift at Northfield University (2021 – 2023)\n\n"
        "Research Intern, Kettle Team (2019 – 2020)\n"
    )
    employer = extract_text(text).experiences[0].organization
    assert employer is not None
    assert employer.value == "Northfield University"
