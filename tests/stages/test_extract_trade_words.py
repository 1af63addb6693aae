"""A trade word heads a firm's name only where it closes it (``_firm_names``): "Software" of
a title ("Quality Lead Software Testing") is no employer's head. A firm named after its
partners keeps their commas. Every name here is invented."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_etl.stages.extract import ExtractedDocument
from resume_etl.stages.extract._firm_names import partners_joined
from tests.stages.job_rows import employers_and_titles

Extract = Callable[[str], ExtractedDocument]


def test_titles_holding_a_trade_word_are_titles(extract_text: Extract) -> None:
    text = (
        "PROFESSIONAL EXPERIENCE\n\n"
        "Quillmark GmbH, Brask                                   01/2020 - 10/2021\n"
        "Quality Lead Software Testing\n"
        "Wrote the test plans.\n\n"
        "Quillmark GmbH, Brask                                   04/2015 - 12/2019\n"
        "Software Delivery PMO\n"
        "Ran the releases.\n\n"
        "Kettle Systems GmbH, Brask                              04/2012 - 03/2015\n"
        "Developer\n"
        "Built the services.\n"
    )
    assert employers_and_titles(extract_text, text) == [
        ("Quillmark GmbH", "Quality Lead Software Testing"),
        ("Quillmark GmbH", "Software Delivery PMO"),
        ("Kettle Systems GmbH", "Developer"),
    ]


def test_a_trade_word_closing_a_name_still_heads_a_firm(extract_text: Extract) -> None:
    text = (
        "Experience\n\n"
        "Senior Developer at Harwick Software\n"
        "2019-01 — 2022-01 · Brask\n\n"
        "Developer at Tallowby Consulting Ltd\n"
        "2016-01 — 2018-12 · Brask\n"
    )
    assert employers_and_titles(extract_text, text) == [
        ("Harwick Software", "Senior Developer"),
        ("Tallowby Consulting Ltd", "Developer"),
    ]


def test_a_firm_named_after_its_partners_keeps_every_partner(extract_text: Extract) -> None:
    # As a job board exports it: every line break collapsed into a run of spaces.
    text = (
        "Jane Roe   LEGAL EXPERIENCE   "
        "Alder, Briskett, Corran & Dale   Lakemont, Georgia   Paralegal (1997 - 1999)   "
        "Osgood, Tarrant, Vell & Prior   Lakemont, Georgia   Receptionist (1990 - 1997)"
    )
    assert employers_and_titles(extract_text, text) == [
        ("Alder, Briskett, Corran & Dale", "Paralegal"),
        ("Osgood, Tarrant, Vell & Prior", "Receptionist"),
    ]


@given(st.lists(st.sampled_from(["Osgood", "Tarrant", "Vell", "Brisk", "Corran"]), min_size=1))
def test_partners_joined_makes_one_part_of_the_surnames_and_the_pair(surnames: list[str]) -> None:
    text = ", ".join([*surnames, "Alder & Dale", "Leeds"])
    parts: list[tuple[int, int]] = []
    cursor = 0
    for piece in text.split(", "):
        parts.append((cursor, cursor + len(piece)))
        cursor += len(piece) + 2
    joined = partners_joined(text, parts)
    assert [text[start:end] for start, end in joined] == [text[: -len(", Leeds")], "Leeds"]


@pytest.mark.parametrize(
    "line", ["Coordinator, Marketing & Communications", "Analyst, Sales & Marketing"]
)
def test_a_title_and_its_department_are_no_list_of_partners(
    extract_text: Extract, line: str
) -> None:
    text = f"Experience\n\n{line}\nKettle Systems, 2015 - 2019\nRan the campaigns.\n"
    ((_employer, role),) = employers_and_titles(extract_text, text)
    assert role in {line.split(",", maxsplit=1)[0], line}
    assert role != line or "," not in line
