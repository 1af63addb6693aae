"""Sections whose entries open with a name in bold, each header field a paragraph of its own
(``segment/emphasis.py``; issue 14; every name here is invented)."""

from __future__ import annotations

from collections.abc import Callable

from resume_etl.stages.extract import ExtractedDocument
from resume_etl.stages.segment import split_lines
from resume_etl.stages.segment.emphasis import is_bold_led, leads_in_bold

Extract = Callable[[str], ExtractedDocument]

_PARAGRAPHS = (
    "Experience\n----------\n\n"
    "**Brellow Marine**\n\nJan 2019 - Present\n\nSelf-Employed\n\n"
    "- Wrote course material\n- Various projects\n\n"
    "**Tallowby**\n\nJun 2018 - Aug 2018\n\nEducation Team Intern\n\n"
    "- Kept the grader running\n\n"
    "**Quillon Analytics**\n\nJan 2014 - Present\n\nData Scientist\n\n"
    "- Taught machine learning\n\n"
    "**Orrick Medical Center**\n\n2010 - 2012\n\nWestmere, NY\n\n- Data manager\n"
)


def test_a_bold_label_or_a_definition_is_not_bold_led() -> None:
    lines = split_lines(
        "**Brellow**\n\n**Tools:** Python\n\n**Note**: x\n\n2019\n:   **BSc**\n", True
    )
    assert [is_bold_led(line) for line in lines] == [True, False, False, False, False]


def test_bold_names_after_descriptions_make_a_section_lead_in_bold() -> None:
    assert leads_in_bold(split_lines(_PARAGRAPHS, True)[1:])
    company_then_bold_title = (
        "Brellow Marine, Westmere\n**Surveyor**\nJan 2019 - Present\n\n- Mapped\n\n"
        "Tallowby, Lakeside\n**Intern**\n2018\n\n- Filed\n"
    )
    assert not leads_in_bold(split_lines(company_then_bold_title, True))


def test_each_bold_name_opens_a_job_with_the_paragraphs_under_it(
    extract_markdown: Extract,
) -> None:
    jobs = extract_markdown(_PARAGRAPHS).experiences
    assert [
        (
            job.organization.value if job.organization else None,
            job.role.value if job.role else None,
            job.location.value if job.location else None,
        )
        for job in jobs
    ] == [
        ("Brellow Marine", None, None),
        ("Tallowby", "Education Team Intern", None),
        ("Quillon Analytics", "Data Scientist", None),
        ("Orrick Medical Center", None, "Westmere, NY"),
    ]


def test_lines_of_a_description_under_a_bold_name_stay_its_description(
    extract_markdown: Extract,
) -> None:
    text = (
        "## Experience\n\n**Brellow Marine**\nOct2016-Oct2018\n\n"
        "Senior developer, working on the harbour systems.\n\n"
        "3d design: KELP\nReports: Tide, Swell\n\n"
        "- Working with Windows, Visual Studio, Team City\n\n"
        "**Tallowby**\nSept2004-Sept2007\n\n"
        "Developer. Working on two subsystems:\nSIR (inventory)\n"
    )
    jobs = extract_markdown(text).experiences
    assert [job.organization.value if job.organization else None for job in jobs] == [
        "Brellow Marine",
        "Tallowby",
    ]
    assert "Reports: Tide, Swell" in str(jobs[0].description)
    assert jobs[0].bullets == ("Working with Windows, Visual Studio, Team City",)
    assert str(jobs[1].description).endswith("SIR (inventory)")


def test_periods_in_code_spans_open_entries_and_a_lone_title_item_is_the_role(
    extract_markdown: Extract,
) -> None:
    text = (
        "## Occupation\n\n"
        "`Current`\n__Orrick Systems__, Eastbury\n\n- Data Engineer\n\n"
        "`2014-2016`\n__Brindle Analytics__, Eastbury\n\n- Data Scientist\n- Built tide models\n\n"
        "`Jun. - Sep. 2013`\n__Harbor & Finch__\n- Research Assistant\n\n"
        "`2012`\n__Quillon Labs__\n- Worked as office assistant\n"
    )
    jobs = extract_markdown(text).experiences
    assert [
        (job.organization.value if job.organization else None, job.role.value if job.role else None)
        for job in jobs
    ] == [
        ("Orrick Systems", None),  # no period it could be read with: its title stays unread
        ("Brindle Analytics", "Data Scientist"),
        ("Harbor & Finch", "Research Assistant"),
        ("Quillon Labs", None),
    ]
