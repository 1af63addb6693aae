"""A unit written before the title, after which the header names its employer elsewhere, is
the position's first part (``stages/extract/_title_unit.py``); every name here is invented."""

from __future__ import annotations

import pytest

from tests.stages.job_rows import Extract, job_rows

_POSITION = "Contract Administration, Data Platform Engineer"


@pytest.mark.parametrize(
    "text",
    [
        # Europass: dates, title, employer.
        "WORK EXPERIENCE\n\n2022 – present\n"
        f"{_POSITION}\nQuillmark\nBuilt the reports.\n\n"
        "2017 – 2021\nAssistant Manager\nKettle Systems\nRan the store.\n\n"
        "2014 – 2016\nSupervisor\nBrindle\nRan the shift.\n",
        # PDF paste: employer and dates, then the title.
        "PROFESSIONAL EXPERIENCE\n\n"
        "Quillmark                                          2022 - Present\n"
        f"{_POSITION}\nBuilt the reports.\n\n"
        "Kettle Systems                                     2017 - 2021\n"
        "Assistant Manager\nRan the store.\n\n"
        "Brindle                                            2014 - 2016\n"
        "Supervisor\nRan the shift.\n",
        # One line: "Title, Employer (dates)".
        "Work experience\n\n"
        f"{_POSITION}, Quillmark (since 2022)\nBuilt the reports.\n\n"
        "Assistant Manager, Kettle Systems (2017 – 2021)\nRan the store.\n\n"
        "Supervisor, Brindle (2014 – 2016)\nRan the shift.\n",
    ],
)
def test_a_unit_before_the_title_is_part_of_the_position(extract_text: Extract, text: str) -> None:
    employer, title, _place = job_rows(extract_text, text)[0]
    assert (employer, title) == ("Quillmark", _POSITION)


def test_a_name_before_the_title_with_no_other_employer_stays_the_employer(
    extract_text: Extract,
) -> None:
    text = (
        "Work experience\n\n"
        "Quillmark Systems, Data Platform Engineer (since 2022)\nBuilt the reports.\n\n"
        "Kettle Systems, Assistant Manager (2017 – 2021)\nRan the store.\n"
    )
    employer, title, _place = job_rows(extract_text, text)[0]
    assert (employer, title) == ("Quillmark Systems", "Data Platform Engineer")


def test_a_unit_after_the_title_stays_out_of_the_role(extract_text: Extract) -> None:
    text = (
        "Experience\n\nQuillmark\nData Platform Engineer, Contract Administration\n"
        "2022 - Present (3 years)\n\nKettle Systems\nAssistant Manager\n"
        "2017 - 2021 (4 years)\n"
    )
    employer, title, _place = job_rows(extract_text, text)[0]
    assert (employer, title) == ("Quillmark", "Data Platform Engineer")
