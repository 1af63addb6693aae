"""Smaller markdown CV habits (issue 14; every name here is invented): a timeline item
"- 2016: Title, Firm", a named master's degree, LaTeX layout commands between entries."""

from __future__ import annotations

from collections.abc import Callable

from resume_etl.stages.extract import ExtractedDocument
from resume_etl.stages.segment import split_lines
from resume_etl.stages.segment.periods import has_date_field

Extract = Callable[[str], ExtractedDocument]


def test_a_year_before_a_colon_is_a_date_field() -> None:
    assert has_date_field("2016: Summer of Code intern, _Quillon Labs_")
    assert not has_date_field("Tools: Python, SQL")
    assert not has_date_field("Ratio 3:1 of reads")


def test_a_timeline_item_with_one_year_is_a_job(extract_markdown: Extract) -> None:
    text = (
        "### Work experience\n\n- 2016-now: Backend Developer, _Brindle Networks_\n\n"
        "    > Building a network.\n\n- 2015: Summer of Code intern, _Quillon Labs_\n\n"
        "    > Wrote an init system.\n"
    )
    jobs = extract_markdown(text).experiences
    assert [job.organization.value if job.organization else None for job in jobs] == [
        "Brindle Networks",
        "Quillon Labs",
    ]


def test_a_master_named_by_its_subject_and_a_master_diploma(extract_markdown: Extract) -> None:
    text = (
        "Education\n---------\n\n"
        "**Master of Electrical Engineering** (Northfield University)\n: 2012 to 2014\n\n"
        "2008 - 2010\n: **Master Diploma**; Tallowby Centre\n"
    )
    schools = extract_markdown(text).education
    assert [school.degree.value if school.degree else None for school in schools] == [
        "Master of Electrical Engineering",
        "Master Diploma",
    ]


def test_latex_layout_commands_are_no_lines_of_a_markdown_cv() -> None:
    text = "**A**\n\n- x\n\n\\pagebreak\n\n**B**\n\\vspace{2mm}\n\\textbf{Kept} here\n"
    lines = split_lines(text, markdown=True)
    assert [line.content for line in lines] == ["**A**", "x", "**B**", "\\textbf{Kept} here"]
    assert lines[2].blank_before
    assert "\\pagebreak" in [line.content for line in split_lines(text)]


def test_a_town_in_brackets_after_a_name_is_its_place(extract_markdown: Extract) -> None:
    text = (
        "Education\n---------\n\n"
        "2014\n:   **PhD, Geology**; Northfield University (Eastbury)\n\n"
        "2010\n:   Bachelor of Technology (Computer Science), Westmere Institute of Technology\n\n"
        "Experience\n----------\n\n"
        "2016-2019\n:   **Analyst**; Quillon Labs (Lakeside)\n\n"
        "2012-2016\n:   **Editor**; Harlow Media Group (Druckhaus Harlow)\n\n"
        "2010-2012\n:   **Intern**; Solar Research Center (CIESOL)\n"
    )
    found = extract_markdown(text)
    assert [(s.institution.value if s.institution else None) for s in found.education] == [
        "Northfield University",
        "Westmere Institute of Technology",
    ]
    assert found.education[0].location is not None
    assert found.education[0].location.value == "Eastbury"
    assert [j.organization.value if j.organization else None for j in found.experiences] == [
        "Quillon Labs",
        "Harlow Media Group (Druckhaus Harlow)",
        "Solar Research Center (CIESOL)",  # an acronym, not a town
    ]


def test_a_schools_acronym_closing_its_sentence_is_no_part_of_its_name(
    extract_markdown: Extract,
) -> None:
    text = (
        "Education\n---------\n\n"
        "2003-2009\n:   PhD, School of Marine Sciences, Northfield University (NU).\n\n"
        "1994-1998\n:   BSc, Ecology, University of Westmere, Santa Fe (UWSF).\n"
    )
    assert [
        s.institution.value if s.institution else None for s in extract_markdown(text).education
    ] == [
        "Northfield University",
        "University of Westmere",
    ]
