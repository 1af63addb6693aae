from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from resume_etl.stages.extract import ExtractedDocument, classify_link
from resume_etl.vocab import EmploymentType, LinkPlatform, SkillSource

Extract = Callable[[str], ExtractedDocument]


def test_role_and_organization_come_from_lexicons_not_position(extract_text: Extract) -> None:
    (job,) = extract_text(
        "Experience\nNorthwind Bank | Senior Data Analyst | Full-time | Jan 2020 - Present\n"
        "- Built dashboards\n"
    ).experiences
    assert job.organization is not None and job.organization.value == "Northwind Bank"
    assert job.role is not None and job.role.value == "Senior Data Analyst"
    assert job.employment_type is not None
    assert job.employment_type.value is EmploymentType.FULL_TIME
    assert job.dates is not None and job.dates.is_current


def test_role_at_organization_on_one_line(extract_text: Extract) -> None:
    (job,) = extract_text(
        "Work History\nStaff Nurse at Riverside General Hospital, 2018 - 2021\n"
        "- Cared for patients\n"
    ).experiences
    assert job.role is not None and job.role.value == "Staff Nurse"
    assert job.organization is not None
    assert job.organization.value == "Riverside General Hospital"


def test_intern_title_implies_an_internship(extract_text: Extract) -> None:
    (job,) = extract_text(
        "Experience\nJun 2021 - Aug 2021\nMarketing Intern\nBrightpath Media\nWrote copy.\n"
    ).experiences
    assert job.employment_type is not None
    assert job.employment_type.value is EmploymentType.INTERNSHIP
    assert job.employment_type.found.confidence < 0.9


def test_technology_names_are_not_taken_for_organizations(extract_text: Extract) -> None:
    (job,) = extract_text(
        "Experience\n### Harbor Labs | Contract | 2022 - 2023\n"
        "- Ran Kafka and GKE clusters for Kubernetes workloads\n"
    ).experiences
    assert job.organization is not None and job.organization.value == "Harbor Labs"


def test_unsupported_organization_is_left_low_confidence(extract_text: Extract) -> None:
    (job,) = extract_text("Experience\n### Zorblax | 2022 - 2023\n- Did things\n").experiences
    assert job.confidence <= 0.6


def test_education_degree_field_and_gpa(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n2015 - 2019\nRiverside University\nBachelor of Science in Nursing\n"
        "GPA: 3.7 / 4.0, Dean's List\n"
    ).education
    assert school.institution is not None and school.institution.value == "Riverside University"
    assert school.degree is not None and school.degree.value == "Bachelor of Science"
    assert school.field_of_study is not None and school.field_of_study.value == "Nursing"
    assert school.gpa is not None and (school.gpa.value, school.gpa_scale) == (3.7, 4.0)
    assert school.honors == ("Dean's List",)


def test_emails_phones_and_links_are_found(extract_text: Extract) -> None:
    extracted = extract_text(
        "Jane Roe\njane.roe@example.org | +1 (555) 010-2030 | "
        "[LinkedIn](https://www.linkedin.com/in/jane-roe) | github.com/janeroe\n"
    )
    assert [c.found("value").value for c in extracted.contacts] == [
        "jane.roe@example.org",
        "+1 (555) 010-2030",
    ]
    assert extracted.contacts[1].normalized == "+15550102030"
    assert [(link.platform, link.username) for link in extracted.links] == [
        (LinkPlatform.LINKEDIN, "jane-roe"),
        (LinkPlatform.GITHUB, "janeroe"),
    ]


@pytest.mark.parametrize("text", ["2019 - 2021", "2021-03-15", "3.97 / 4.0", "05/2021 - 08/2021"])
def test_dates_and_scores_are_not_phone_numbers(extract_text: Extract, text: str) -> None:
    assert extract_text(f"Intro\n{text}\n").contacts == ()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("About\nI am Mara Quill, a civil engineer in Leeds.", "Mara Quill"),
        ("About\nMy name is Tomasz, and I teach chemistry.", "Tomasz"),
        ("Priya Natarajan\nChartered Accountant\n", "Priya Natarajan"),
        ("Name: Olu Adebayo\nEmail: olu@example.org\n", "Olu Adebayo"),
    ],
)
def test_names_are_found_where_the_text_states_them(
    extract_text: Extract, text: str, name: str
) -> None:
    found = extract_text(text).profile.name
    assert found is not None and found.value == name


@pytest.mark.parametrize(
    "text",
    [
        "About\nI am always eager to learn.",
        "CURRICULUM VITAE\nsome text",
        "Senior Software Engineer\nBuilding things",
    ],
)
def test_no_name_is_guessed_without_evidence(extract_text: Extract, text: str) -> None:
    assert extract_text(text).profile.name is None


def test_headline_and_location_from_the_top_lines(extract_text: Extract) -> None:
    profile = extract_text("Jo Park\nSenior Product Designer\nBased in Austin, Texas\n").profile
    assert profile.headline is not None and profile.headline.value == "Senior Product Designer"
    assert profile.location is not None and profile.location.value == "Austin, Texas"


def test_skills_lists_with_labels_groups_and_unknown_items(extract_text: Extract) -> None:
    skills = extract_text(
        "Technical Skills\nLanguages: Python, Java, Zorblang\nTools: Docker, Git\n"
        "\nExperience\n### Acme | 2020\n- Wrote Python services\n"
    ).skills
    by_name = {skill.name: skill for skill in skills}
    assert by_name["Python"].group == "Languages"
    assert by_name["Python"].source is SkillSource.SKILLS_SECTION
    assert len(by_name["Python"].spans) == 2
    assert by_name["Docker"].group == "Tools"
    assert not by_name["Zorblang"].in_lexicon


def test_prose_in_a_skills_section_is_not_split_into_items(extract_text: Extract) -> None:
    skills = extract_text("Skills\nTools, languages, and methods I use every day.\n").skills
    assert all(skill.in_lexicon for skill in skills)


def test_publication_cue_line_gives_venue_and_year(extract_text: Extract) -> None:
    (paper,) = extract_text(
        "Publications\n\nAccepted at ICML '24\n\nSparse Widgets\n\nWe study widgets.\n"
    ).publications
    assert (paper.title.value, paper.venue and paper.venue.value, paper.year) == (
        "Sparse Widgets",
        "ICML",
        2024,
    )


def test_citation_lines_give_title_venue_and_year(extract_text: Extract) -> None:
    (paper,) = extract_text(
        'Selected Publications\n- Roe, J. and Li, K. "Counting birds with drones." '
        "Journal of Field Ornithology, 2021.\n"
    ).publications
    assert paper.title.value == "Counting birds with drones"
    assert paper.venue is not None and paper.venue.value == "Journal of Field Ornithology"
    assert paper.year == 2021


@pytest.mark.parametrize(
    ("raw", "platform", "username"),
    [
        ("https://www.linkedin.com/in/jdoe/", LinkPlatform.LINKEDIN, "jdoe"),
        ("github.com/jdoe", LinkPlatform.GITHUB, "jdoe"),
        (
            "https://scholar.google.com/citations?user=AbC-123&hl=en",
            LinkPlatform.SCHOLAR,
            "AbC-123",
        ),
        ("https://x.com/jdoe", LinkPlatform.TWITTER, "jdoe"),
        ("https://scholar.google.co.uk/citations?user=AbC-123", LinkPlatform.SCHOLAR, "AbC-123"),
        ("kaggle.com/jdoe", LinkPlatform.WEBSITE, None),  # found bare, but no platform of its own
        ("https://jdoe.example.org/blog", LinkPlatform.WEBSITE, None),
    ],
)
def test_links_are_classified(raw: str, platform: LinkPlatform, username: str | None) -> None:
    url, found_platform, found_username = classify_link(raw)
    assert url.startswith("https://")
    assert (found_platform, found_username) == (platform, username)


def test_a_name_label_on_a_later_line_gives_the_name(extract_text: Extract) -> None:
    profile = extract_text("CURRICULUM VITAE\nName: Amara Okafor\nLagos, Nigeria\n").profile
    assert profile.name is not None and profile.name.value == "Amara Okafor"


def test_labelled_fields_say_what_each_header_line_holds(extract_text: Extract) -> None:
    (job,) = extract_text(
        "Work Experience\n\nPosition: Audit Senior - Tax\nCompany: Sriram & Associates\n"
        "Location: Chennai\nFrom: Mar 2018   To: Jun 2021\nDuties:\n- Led audits\n"
    ).experiences
    assert job.role is not None and job.role.value == "Audit Senior - Tax"
    assert job.organization is not None and job.organization.value == "Sriram & Associates"
    assert job.location is not None and job.location.value == "Chennai"


def test_a_parenthesized_employment_type_stays_out_of_the_role(extract_text: Extract) -> None:
    (job,) = extract_text(
        "Experience\nResearch Associate (part-time), University of Heidelberg, 2020 - 2021\n"
        "- Ran assays\n"
    ).experiences
    assert job.role is not None and job.role.value == "Research Associate"
    assert job.employment_type is not None
    assert job.employment_type.value is EmploymentType.PART_TIME


def test_organization_comma_city_is_split_into_employer_and_place(
    extract_text: Extract,
) -> None:
    (job,) = extract_text(
        "Experience\n\n2016 - 2020\nAssociate\nFenwick Marr Solicitors, Manchester\n- Ran cases\n"
    ).experiences
    assert job.organization is not None
    assert job.organization.value == "Fenwick Marr Solicitors"
    assert job.location is not None and job.location.value == "Manchester"


def test_the_employer_line_wins_over_a_department_beside_the_title(
    extract_text: Extract,
) -> None:
    (job,) = extract_text(
        "Experience\nStaff Nurse (Band 5), Acute Medical Unit        Sep 2015 - Mar 2019\n"
        "Calder Valley Hospital, Bradford\n- Cared for patients\n"
    ).experiences
    assert job.organization is not None and job.organization.value == "Calder Valley Hospital"


def _value(found: object) -> str | None:
    return getattr(found, "value", None)


def test_name_follows_a_document_title_and_drops_credentials(extract_text: Extract) -> None:
    profile = extract_text("CURRICULUM VITAE\n\nDEVON MACKAY, PMP, GSC\nProject Manager\n").profile
    assert _value(profile.name) == "DEVON MACKAY"


def test_name_headline_and_place_share_a_pdf_top_line(extract_text: Extract) -> None:
    profile = extract_text(
        "THANDIWE MOKOENA-PILLAY          Pharmacist | Durban, South Africa\n\nExperience\n"
    ).profile
    assert _value(profile.name) == "THANDIWE MOKOENA-PILLAY"
    assert _value(profile.headline) == "Pharmacist"
    assert _value(profile.location) == "Durban, South Africa"


def test_name_particles_stay_in_the_name(extract_text: Extract) -> None:
    profile = extract_text("Sanne van der Hoeven\nWarehouse Manager\n").profile
    assert _value(profile.name) == "Sanne van der Hoeven"


def test_a_stated_name_keeps_its_hyphenated_surname(extract_text: Extract) -> None:
    profile = extract_text("Hi there, I'm Chidera Nwankwo-Bello\nBackend engineer\n").profile
    assert _value(profile.name) == "Chidera Nwankwo-Bello"


def test_headline_leaves_out_the_place_after_it(extract_text: Extract) -> None:
    profile = extract_text(
        "Ciara Byrne\nRegistered Electrical Contractor · Cork, Ireland\n"
    ).profile
    assert _value(profile.headline) == "Registered Electrical Contractor"
    assert _value(profile.location) == "Cork, Ireland"


def test_a_title_with_a_comma_is_not_taken_for_a_place(extract_text: Extract) -> None:
    profile = extract_text(
        "Wanjiku Ndungu\nSenior Policy Analyst, Public Finance\nNairobi, Kenya\n"
    ).profile
    assert _value(profile.location) == "Nairobi, Kenya"


def _listed(document: ExtractedDocument) -> set[str]:
    return {s.name for s in document.skills if s.source is SkillSource.SKILLS_SECTION}


def test_a_one_per_line_skills_list_keeps_items_that_name_a_section(
    extract_text: Extract,
) -> None:
    listed = _listed(extract_text("Skills\nPrimary Care\nDiabetes Education\nEpic Systems\n"))
    assert {"Primary Care", "Diabetes Education", "Epic Systems"} <= listed


def test_a_longer_item_wins_over_a_lexicon_word_inside_it(extract_text: Extract) -> None:
    listed = _listed(extract_text("Ana Lima\n\nSkills\nSAP FICO, Tally ERP 9, Zoho Books\n"))
    assert {"SAP FICO", "Tally ERP 9"} <= listed
    assert "SAP" not in listed


def test_a_proficiency_in_parentheses_is_not_a_skill(extract_text: Extract) -> None:
    listed = _listed(extract_text("Languages\nGerman (native), English (C1), French (B1)\n"))
    assert {"German", "English", "French"} <= listed
    assert not listed & {"native", "C1", "B1"}


@pytest.mark.parametrize("level", ["reading", "spoken", "upper intermediate", "very good"])
def test_a_stated_level_of_one_skill_of_a_language_is_not_a_skill(
    extract_text: Extract, level: str
) -> None:
    listed = _listed(extract_text(f"Languages\nFrench (fluent), Arabic ({level})\n"))
    assert {"French", "Arabic"} <= listed
    assert level not in listed


def test_a_level_after_a_dash_or_a_colon_is_not_a_skill(extract_text: Extract) -> None:
    text = "Languages\nCzech - elementary, German – fluent\nRussian: reading\nSpanish: good\n"
    listed = _listed(extract_text(text))
    assert {"Czech", "German", "Russian", "Spanish"} <= listed
    assert not listed & {"Czech - elementary", "German – fluent", "reading", "good"}


def test_tools_in_parentheses_are_skills_of_their_own(extract_text: Extract) -> None:
    listed = _listed(
        extract_text("Ana Lima\n\nKey Skills\nSepsis bundle, EPR (SystmOne, Cerner)\n")
    )
    assert {"EPR", "SystmOne", "Cerner"} <= listed


def test_a_skills_line_under_a_job_lists_its_items(extract_text: Extract) -> None:
    document = extract_text(
        "Experience\nMarketing Manager\nJan 2020 - Dec 2022\nRan webinars.\n"
        "Skills: Partner Marketing · Event Marketing · Account Planning\n"
    )
    assert {"Partner Marketing", "Event Marketing", "Account Planning"} <= _listed(document)


def test_a_qualification_grade_belongs_to_the_degree(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Training\n2011 - 2014\nCertificate III in Commercial Cookery\nDerwent Institute of TAFE\n"
    ).education
    assert _value(school.degree) == "Certificate III"
    assert _value(school.field_of_study) == "Commercial Cookery"


def test_a_department_is_not_taken_for_the_employer(extract_text: Extract) -> None:
    (job,) = extract_text(
        "Academic Appointments\n\n10/2021 - present   Postdoctoral Researcher, Rhineland "
        "Institute for Cell Biology, Bonn\n                    Group of Prof. Katrin Albers\n"
        "- Built a reporter\n"
    ).experiences
    assert _value(job.organization) == "Rhineland Institute for Cell Biology"


def test_a_linkedin_duration_is_not_an_organization(extract_text: Extract) -> None:
    (job,) = extract_text(
        "Experience\n\nDeputy Store Manager\nJan 2018 - Mar 2021 · 3 yrs 3 mos\n- Ran the store\n"
    ).experiences
    assert job.organization is None


def test_table_columns_say_what_each_cell_holds(extract_text: Extract) -> None:
    (school,) = extract_text(
        "## Education\n\n| Degree | Institution | Dates | GPA |\n|---|---|---|---|\n"
        "| M.S. Statistics | University of Texas at Austin | 2016 - 2018 | 3.91/4.0 |\n"
    ).education
    assert _value(school.institution) == "University of Texas at Austin"
    assert _value(school.degree) == "M.S."
    assert _value(school.field_of_study) == "Statistics"
    assert school.gpa is not None and (school.gpa.value, school.gpa_scale) == (3.91, 4.0)


def test_the_field_can_follow_the_degree_as_its_own_field(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\nBoston University\nMaster of Science - MS, Marketing Analytics\n2017 - 2019\n"
    ).education
    assert _value(school.field_of_study) == "Marketing Analytics"
    assert _value(school.institution) == "Boston University"


def test_a_bare_degree_level_takes_its_subject(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\nBachelor of Economics (2008 - 2012), Maseno University; Second Class Honours\n"
    ).education
    assert _value(school.degree) == "Bachelor of Economics"
    assert _value(school.institution) == "Maseno University"


def test_a_labelled_school_drops_its_city(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Ananya R\n\nEducational Qualifications:\n\nQualification: B.Com (Accounting & Finance)\n"
        "Institute: St. Aloysius College of Commerce, Chennai\nYear: 2012 - 2015\n"
    ).education
    assert _value(school.institution) == "St. Aloysius College of Commerce"


def test_from_and_to_dates_on_one_line_are_a_range(extract_text: Extract) -> None:
    (job,) = extract_text(
        "Experience\n\nPosition: Articled Assistant\nCompany: Venkat Iyer & Co.\n"
        "From: Jan 2015   To: Feb 2018\nResponsibilities:\n- Vouching\n"
    ).experiences
    assert job.dates is not None and job.dates.start is not None and job.dates.end is not None
    assert (job.dates.start.value.year, job.dates.end.value.year) == (2015, 2018)


def test_the_place_after_an_employer_is_the_job_location(extract_text: Extract) -> None:
    (job,) = extract_text(
        "Experience\n\nSenior Design Engineer                    03.2020 - present\n"
        "Kessler Antriebstechnik GmbH, Esslingen am Neckar\n- Led the housing design\n"
    ).experiences
    assert _value(job.organization) == "Kessler Antriebstechnik GmbH"
    assert _value(job.location) == "Esslingen am Neckar"


def test_a_title_that_implies_its_employment_type_is_still_the_role(
    extract_text: Extract,
) -> None:
    (job,) = extract_text(
        "Experience\n\nJun 2015 - Sep 2015\n\nSeasonal Cook\n\nFalls Creek Alpine Lodge\n"
    ).experiences
    assert _value(job.role) == "Seasonal Cook"
    assert job.employment_type is not None
    assert job.employment_type.value is EmploymentType.SEASONAL


def test_a_school_is_an_employer_in_a_job_header(extract_text: Extract) -> None:
    (job,) = extract_text(
        "Teaching Experience\n\n2013/01 - 2013/06\nLong-Term Occasional Teacher\n"
        "St. Brendan Catholic High School - Ottawa, ON\n"
    ).experiences
    assert _value(job.organization) == "St. Brendan Catholic High School"


def test_roles_of_a_linkedin_company_group_share_its_company(extract_text: Extract) -> None:
    jobs = extract_text(
        "Experience\n\nHarborlight\nFull-time · 5 yrs 4 mos\nGreater Boston Area\n\n"
        "Director of Growth Marketing\nJan 2023 - Present · 2 yrs 5 mos\n- Grew pipeline\n\n"
        "Senior Marketing Manager\nFeb 2020 - Dec 2022 · 2 yrs 11 mos\n- Launched referrals\n\n"
        "Marketing Manager\nPinecrest Analytics · Full-time\nJun 2016 - Jan 2020 · 3 yrs 8 mos\n"
        "- Ran events\n"
    ).experiences
    assert [_value(job.organization) for job in jobs] == [
        "Harborlight",
        "Harborlight",
        "Pinecrest Analytics",
    ]


def test_an_author_year_citation_has_its_venue_after_the_title(extract_text: Extract) -> None:
    (paper,) = extract_text(
        'Publications\n1. Lima, A. (2021). "Minimum Wages and the Informal Sector." '
        "Economic Journal 131(636), 1523-1560.\n"
    ).publications
    assert _value(paper.venue) == "Economic Journal"
    assert paper.year == 2021


def test_a_day_first_date_makes_the_whole_document_day_first(extract_text: Extract) -> None:
    first, second = extract_text(
        "Experience\nNurse | City Clinic | 04/05/2020 - 25/03/2021\n- Cared\n\n"
        "Aide | Town Hospital | 02/01/2018 - 03/04/2020\n- Helped\n"
    ).experiences
    assert first.dates is not None and first.dates.start is not None
    assert first.dates.start.value == dt.date(2020, 5, 4)
    assert second.dates is not None and second.dates.start is not None
    assert second.dates.start.value == dt.date(2018, 1, 2)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Projects\n\n**tidy-lite** (2020) - small R package; about 1,200 GitHub stars.\n\n"
            "**Bed Forecaster** (Apr 2022 - Sep 2022) - a volunteer model for bed census.\n",
            ["tidy-lite", "Bed Forecaster"],
        ),
        (
            "Pinned repositories\n- [**pg-drill**](https://example.org/pg-drill) - failover chaos\n"
            "- [tf-diff](https://example.org/tf-diff) - cost of a plan\n",
            ["pg-drill", "tf-diff"],
        ),
        (
            "Selected projects\n- Returns Dashboard, Power BI (Jan 2023 - Jun 2023) - daily view\n"
            "- Route Planner, volunteer - rounds for a food bank\n",
            ["Returns Dashboard", "Route Planner, volunteer"],
        ),
        (  # a dash before a few capitalized words and nothing else: the name goes on
            "Projects\n\nSensor Network - Field Trial\n  Twelve sensors on a farm.\n\n"
            "ledger-kit - a ledger library\n  Reconciles.\n",
            ["Sensor Network - Field Trial", "ledger-kit"],
        ),
    ],
)
def test_project_names_stop_at_the_description_link_and_tools(
    extract_text: Extract, text: str, names: list[str]
) -> None:
    projects = extract_text(text).projects
    assert [p.name.value if p.name else None for p in projects] == names


def test_a_listed_projects_dates_come_from_its_line(extract_text: Extract) -> None:
    first, second = extract_text(
        "Projects\n**Shard** - a key-value store (Jan 2024 - Apr 2024)\n**Eats** - an app (2022)\n"
    ).projects
    assert first.dates is not None and first.dates.end is not None
    assert (first.dates.start.value, first.dates.end.value) == (
        dt.date(2024, 1, 1),
        dt.date(2024, 4, 1),
    )
    assert second.dates is not None and second.dates.start is not None
    assert second.dates.start.value == dt.date(2022, 1, 1)


def test_a_uk_mobile_number_with_a_six_digit_group_is_a_phone(extract_text: Extract) -> None:
    (phone,) = extract_text("Sam Roe\nLeeds | 07700 900461\n").contacts
    assert phone.normalized == "07700900461"


def test_a_dotted_preprint_identifier_is_not_a_phone(extract_text: Extract) -> None:
    assert extract_text("Intro\nbioRxiv 2024.05.02.592201\n").contacts == ()
