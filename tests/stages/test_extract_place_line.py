"""An employer's line read all as a place (``stages/extract/_place_line.py``), and a country
after a city and region is no employer; every name here is invented."""

from __future__ import annotations

from tests.stages.job_rows import Extract, job_rows


def test_one_word_employer_before_a_city_and_country(extract_text: Extract) -> None:
    text = (
        "PROFESSIONAL EXPERIENCE\n\n"
        "Tessaly, Lyon, France                                          08/2012 - 02/2016\n"
        "Software Test Engineer\n"
        "  • Tested it.\n"
    )
    assert job_rows(extract_text, text) == [("Tessaly", "Software Test Engineer", "Lyon, France")]


def test_employer_line_under_the_title_with_a_city_region_and_country(
    extract_text: Extract,
) -> None:
    text = (
        "WORK EXPERIENCE\n\n"
        "06/2015 – 01/2019\n"
        "Lead Frontend Developer\n"
        "norvik interactive, Sydney, NSW, Australia\n"
        "▪ Built apps.\n"
    )
    ((organization, role, _),) = job_rows(extract_text, text)
    assert (organization, role) == ("norvik interactive", "Lead Frontend Developer")


def test_place_of_a_job_without_employer_stays_a_place_when_it_is_a_work_mode(
    extract_text: Extract,
) -> None:
    text = (
        "WORK EXPERIENCE\n\n01/2013 – 05/2015\nFrontend Developer\nHybrid, Germany\n▪ Built apps.\n"
    )
    ((organization, _, _),) = job_rows(extract_text, text)
    assert organization is None


def test_role_of_a_linkedin_group_keeps_the_group_company(extract_text: Extract) -> None:
    text = (
        "Experience\n\n"
        "Greenmoor Grocers\n"
        "Full-time · 6 yrs 2 mos\n\n"
        "Store Manager\n"
        "Apr 2021 - Present · 3 yrs 11 mos\n"
        "Birmingham, England, United Kingdom\n"
        "- Led the store.\n\n"
        "Deputy Store Manager\n"
        "Jan 2018 - Mar 2021 · 3 yrs 3 mos\n"
        "Solihull, England, United Kingdom\n"
        "- Ran the store.\n"
    )
    organizations = [organization for organization, _, _ in job_rows(extract_text, text)]
    assert organizations == ["Greenmoor Grocers", "Greenmoor Grocers"]


_FIRMS_WITH_LEGAL_FORMS = (
    "LEGAL EXPERIENCE\n\n"
    "Whitlow Marren Caskey, PA\n"
    "Fairview, Ohio\n"
    "Paralegal (2013 - present)\n\n"
    "Quillmark Legal Group, PA\n"
    "Lakemont, Georgia\n"
    "Legal Secretary (2006 - 2013)\n"
)


def test_a_firm_closed_by_its_legal_form_over_a_whole_place_is_the_employer(
    extract_text: Extract,
) -> None:
    # "PA" (a professional association) reads as a state's code, but the job's place is the
    # line below: the code closes the employer's name.
    assert job_rows(extract_text, _FIRMS_WITH_LEGAL_FORMS) == [
        ("Whitlow Marren Caskey", "Paralegal", "Fairview, Ohio"),
        ("Quillmark Legal Group", "Legal Secretary", "Lakemont, Georgia"),
    ]


def test_the_same_firms_in_text_pulled_as_one_line(extract_text: Extract) -> None:
    collapsed = "   ".join(line for line in _FIRMS_WITH_LEGAL_FORMS.splitlines() if line)
    assert job_rows(extract_text, "Jane Roe  " + collapsed) == job_rows(
        extract_text, _FIRMS_WITH_LEGAL_FORMS
    )


def test_a_town_before_its_code_stays_the_place_without_another_place(
    extract_text: Extract,
) -> None:
    text = "LEGAL EXPERIENCE\n\nWhitlow Marren Caskey\nFairview, PA\nParalegal (2013 - present)\n"
    assert job_rows(extract_text, text) == [("Whitlow Marren Caskey", "Paralegal", "Fairview, PA")]
