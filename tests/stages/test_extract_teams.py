"""A team written after the title is no employer (``stages/extract/_team.py``); every name
here is invented."""

from __future__ import annotations

from collections.abc import Callable

from resume_etl.stages.extract import ExtractedDocument
from resume_etl.stages.extract._pieces import HeaderSegment, SegmentKind
from resume_etl.stages.extract._team import employer_past_team

Extract = Callable[[str], ExtractedDocument]


def _employers_and_titles(extract_text: Extract, text: str) -> list[tuple[str | None, str | None]]:
    return [
        (
            job.organization.value if job.organization else None,
            job.role.value if job.role else None,
        )
        for job in extract_text(text).experiences
    ]


def test_team_after_the_title_under_a_heading_is_not_the_employer(extract_text: Extract) -> None:
    text = (
        "## Experience\n\n"
        "### Brindle\n"
        "**Software Engineering Lead, Cloud Services** | *Aug 2021 – Present*\n\n"
        "- Led the team\n\n"
        "### Quillmark\n"
        "**Senior Software Engineer** | *Mar 2018 – Jul 2021*\n\n"
        "- Built it\n"
    )
    assert _employers_and_titles(extract_text, text) == [
        ("Brindle", "Software Engineering Lead"),
        ("Quillmark", "Senior Software Engineer"),
    ]


def test_team_before_at_is_not_the_employer(extract_text: Extract) -> None:
    text = (
        "Experience\n\n"
        "Director of Quality Engineering, Risk Analytics at Quillmark\n"
        "2019-11 — 2022-01 · Ann Arbor, MI\n"
        "Led the test team.\n"
    )
    assert _employers_and_titles(extract_text, text) == [
        ("Quillmark", "Director of Quality Engineering")
    ]


def test_team_between_title_and_employer_on_one_line(extract_text: Extract) -> None:
    text = (
        "Work experience\n\n"
        "Tech Lead, Payments, Brindle (since 2022)\n"
        "Remote\n"
        "I lead the payments team.\n\n"
        "Software Engineer, Quillmark (2016 - 2022)\n"
        "Remote\n"
        "I built the API.\n"
    )
    assert _employers_and_titles(extract_text, text) == [
        ("Brindle", "Tech Lead"),
        ("Quillmark", "Software Engineer"),
    ]


def test_team_above_a_europass_employer_line(extract_text: Extract) -> None:
    text = (
        "WORK EXPERIENCE\n\n"
        "01/2019 – 05/2022\n"
        "Engineering Manager – Machine Learning\n"
        "Brindle, Ann Arbor, MI\n"
        "▪ Led the team\n\n"
        "03/2016 – 12/2018\n"
        "Software Engineer\n"
        "Quillmark, Detroit, MI\n"
        "▪ Built the API\n"
    )
    assert _employers_and_titles(extract_text, text) == [
        ("Brindle", "Engineering Manager"),
        ("Quillmark", "Software Engineer"),
    ]


def test_employer_after_the_title_stays_with_a_place_beside_the_dates(
    extract_text: Extract,
) -> None:
    text = (
        "## Experience\n\n"
        "### Financial Analyst — Norte Datos SA\n"
        "*Villeurbanne · 09/2018 – 08/2021*\n"
        "- Cut month-end reporting from 8 to 3 days\n"
    )
    assert _employers_and_titles(extract_text, text) == [("Norte Datos SA", "Financial Analyst")]


def test_employer_after_the_title_stays_when_the_section_writes_it_there(
    extract_text: Extract,
) -> None:
    text = (
        "Experience\n\n"
        "01.04.2019 – 31.03.2023\n"
        "Senior Urban Planner, City of Eastfield – Office for Renewal\n"
        "Eastfield\n"
        "- Lead planner for 3 areas.\n\n"
        "01.10.2014 – 31.03.2019\n"
        "Urban Planner, Halvorsen Stadtplanung GmbH\n"
        "Dresden\n"
        "- Drew the plans.\n\n"
        "01.09.2013 – 30.09.2014\n"
        "Trainee, Ministry of the Interior\n"
        "Dresden\n"
        "- Reviewed the plans.\n"
    )
    organizations = [org for org, _ in _employers_and_titles(extract_text, text)]
    assert organizations == [
        "City of Eastfield",
        "Halvorsen Stadtplanung GmbH",
        "Ministry of the Interior",
    ]


def test_only_name_after_the_title_is_the_employer(extract_text: Extract) -> None:
    text = "Experience\n\nSoftware Engineer, Brindle (2019 - 2022)\nRemote\nBuilt the API.\n"
    assert _employers_and_titles(extract_text, text) == [("Brindle", "Software Engineer")]


def test_company_word_team_over_a_europass_employer_and_place_line(extract_text: Extract) -> None:
    text = (
        "WORK EXPERIENCE\n\n"
        "08/2024 – present\n"
        "Software Engineer Leader, Cloud Services\n"
        "Brindle, Berlin, Germany\n"
        "▪ Led the platform team\n\n"
        "03/2021 – 07/2024\n"
        "Senior Software Engineer, Risk Analytics\n"
        "Quillmark, Ann Arbor, MI\n"
        "▪ Built the scoring service\n\n"
        "01/2018 – 02/2021\n"
        "Software Engineer\n"
        "Norvik, Detroit, MI\n"
        "▪ Built the API\n"
    )
    assert [org for org, _ in _employers_and_titles(extract_text, text)] == [
        "Brindle",
        "Quillmark",
        "Norvik",
    ]


def test_page_foot_two_lines_above_the_title_is_no_employer(extract_text: Extract) -> None:
    text = (
        "Experience\n\n"
        "Teacher, Eastfield School, Baltimore, MD, 1991 to 1996\n"
        "- Taught.\n\n"
        "Resume Written For Sample Purposes Only\n"
        "Ana Lima ⎯ page three\n"
        "Principal, Calloway School, Baltimore, MD, 1984 to 1991\n"
        "- Led the school.\n"
    )
    organizations = [org for org, _ in _employers_and_titles(extract_text, text)]
    assert organizations[-1] == "Calloway School"


def test_name_only_the_ner_calls_a_place_after_the_team_is_the_employer() -> None:
    text = "Director of Testing, Payments, Brindle (2019 - 2022)\nBirmingham, AL\n"

    def at(part: str, kind: SegmentKind, confidence: float) -> HeaderSegment:
        start = text.index(part)
        return HeaderSegment(part, start, start + len(part), kind, confidence)

    role = at("Director of Testing", SegmentKind.ROLE, 0.9)
    team = at("Payments", SegmentKind.UNKNOWN, 0.5)
    segments = [
        role,
        team,
        at("Brindle", SegmentKind.LOCATION, 0.6),
        at("Birmingham, AL", SegmentKind.LOCATION, 0.8),
    ]
    employer = employer_past_team(segments, text, team, role)
    assert employer is not None
    assert employer.text == "Brindle"
