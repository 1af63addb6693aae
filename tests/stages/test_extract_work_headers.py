"""Job headers: which piece is the employer, which the title, which the place (one test per
shape class of issue 14; every name here is invented)."""

from __future__ import annotations

import pytest

from resume_etl.stages.extract._employer_shape import can_name_employer, ends_unfinished
from resume_etl.stages.extract._firm_names import names_a_firm
from resume_etl.stages.extract._header import looks_like_prose
from tests.stages.job_rows import Extract, job_rows


def test_employer_city_and_state_line_with_right_aligned_dates(extract_text: Extract) -> None:
    text = (
        "PROFESSIONAL EXPERIENCE\n\n"
        "Quillmark, Ann Arbor, MI                                      05/2012 - 08/2012\n"
        "Software Engineer Intern\n"
        "  • Built the API.\n"
    )
    assert job_rows(extract_text, text) == [
        ("Quillmark", "Software Engineer Intern", "Ann Arbor, MI")
    ]


def test_one_word_employer_before_a_work_mode_is_the_employer(extract_text: Extract) -> None:
    text = (
        "PROFESSIONAL EXPERIENCE\n\n"
        "Brindle, Remote                                                06/2022 - Present\n"
        "Tech Lead\n"
        "  • Led the team.\n"
    )
    assert job_rows(extract_text, text) == [("Brindle", "Tech Lead", "Remote")]


def test_legal_form_after_a_comma_stays_in_the_name(extract_text: Extract) -> None:
    text = "Experience\n\nResearch Fellow, Norte Datos y Control, S.L. (2019 - 2020)\n- Built it\n"
    ((organization, role, _),) = job_rows(extract_text, text)
    assert organization == "Norte Datos y Control, S.L."
    assert role == "Research Fellow"


def test_commas_inside_brackets_do_not_cut_the_title(extract_text: Extract) -> None:
    text = (
        "## Experience\n\n### Harbor Power Company\n"
        "**Practice Lead (Collaboration, Portal, Search)** | *Jan 2005 - Jul 2012*\n"
        "- Led the practice\n"
    )
    ((organization, role, _),) = job_rows(extract_text, text)
    assert organization == "Harbor Power Company"
    assert role == "Practice Lead (Collaboration, Portal, Search)"


def test_a_wrapped_sentence_in_the_header_is_not_the_employer(extract_text: Extract) -> None:
    text = (
        "Experience\n\n"
        "Research Assistant, Eastfield Robotics Lab, Eastfield University (2021 - 2023)\n"
        "Research focused on Soft Gripper Control & AI\n"
    )
    ((organization, role, _),) = job_rows(extract_text, text)
    assert organization == "Eastfield University"
    assert role == "Research Assistant"


def test_prose_is_told_from_names_and_titles() -> None:
    assert looks_like_prose("and workflows for the team using several pricing models")
    assert looks_like_prose("Frontend work on a web shop. Worked on the forms and improved")
    assert looks_like_prose("executives.")
    assert not looks_like_prose("Eastvale Signals and Human Machine Interaction Lab")
    assert not looks_like_prose("Senior software engineer in test")
    assert not looks_like_prose("loomwork")


def test_the_slot_the_section_uses_for_employers_names_one_no_rule_knows(
    extract_text: Extract,
) -> None:
    job = (
        "{org}\n{role}\nMarch 2019 - January 2022 (2 years 10 months)\nBirmingham, AL\n• Led it\n\n"
    )
    text = "Experience\n\n" + "".join(
        job.format(org=org, role=role)
        for org, role in (
            ("Qorvix", "Director of Release Testing"),
            ("Qorvix", "Engineering Manager"),
            ("Harbor Communication Services", "Manager of Operations"),
        )
    )
    organizations = [organization for organization, _, _ in job_rows(extract_text, text)]
    assert organizations == ["Qorvix", "Qorvix", "Harbor Communication Services"]


def test_a_second_organization_phrase_beside_the_employer_is_the_title(
    extract_text: Extract,
) -> None:
    text = (
        "## Experience\n\n"
        "### Velmora GmbH\n**Guild Lead Software Security** | *Jan 2020 - Oct 2021*\n- Led\n\n"
        "### Velmora GmbH\n**Platform Engineer** | *Apr 2015 - Dec 2019*\n- Built\n\n"
        "### Tessel Logistics GmbH\n**Data Analyst** | *Oct 2013 - Mar 2015*\n- Counted\n"
    )
    first, *_ = job_rows(extract_text, text)
    assert first[:2] == ("Velmora GmbH", "Guild Lead Software Security")


def test_a_degree_phrase_holding_a_title_is_the_role(extract_text: Extract) -> None:
    text = (
        "## Experience\n\n### Northbridge Vision Group, Leuven, Belgium\n"
        "**PhD Researcher** | *2017 - 2023*\n- Studied detection\n"
    )
    ((_, role, _),) = job_rows(extract_text, text)
    assert role == "PhD Researcher"


def test_title_heads_in_other_languages(extract_text: Extract) -> None:
    text = (
        "Experience\n\n"
        "Software-Entwickler, Brenntal IT-Service GmbH (2013 - 2015)\nWeinheim\n- Gebaut\n\n"
        "Analista de Desarrollo, Cordillera Datos S.A.S (2017 - 2019)\nMedellin\n- Hecho\n"
    )
    roles = [role for _, role, _ in job_rows(extract_text, text)]
    assert roles == ["Software-Entwickler", "Analista de Desarrollo"]


def test_the_piece_after_at_is_the_employer_even_in_lower_case(extract_text: Extract) -> None:
    text = (
        "Experience\n\n"
        "Tech Lead, SDKs at Brindle\n2022-06 — now · Remote\nLed the SDKs team.\n\n"
        "Software Development Intern at quillnote\n2013-05 — 2013-08 · Detroit, MI\nBuilt it.\n"
    )
    jobs = job_rows(extract_text, text)
    assert [organization for organization, _, _ in jobs] == ["Brindle", "quillnote"]
    assert [role for _, role, _ in jobs] == ["Tech Lead", "Software Development Intern"]


def test_a_title_left_above_the_dates_line_yields_to_the_titles_slot(
    extract_text: Extract,
) -> None:
    job = "{role} at {org}\n{dates} · Remote\nBuilt things for customers every day.\n{tail}\n\n"
    text = "Experience\n\n" + "".join(
        job.format(role=role, org=org, dates=dates, tail=tail)
        for role, org, dates, tail in (
            ("Platform Engineer", "Brindle", "2019-06 — now", "Promoted to Staff Engineer 2021."),
            ("Data Analyst", "Quillnote", "2016-09 — 2019-05", "Ran the numbers."),
            ("Support Engineer", "Harbor Labs", "2014-05 — 2016-08", "Answered the calls."),
        )
    )
    roles = [role for _, role, _ in job_rows(extract_text, text)]
    assert roles == ["Platform Engineer", "Data Analyst", "Support Engineer"]


def test_a_title_line_left_at_the_end_of_the_job_above_is_given_back(
    extract_text: Extract,
) -> None:
    text = (
        "Experience\n\n"
        "Platform Engineer at Brindle Systems\n2023-03 — 2024-08\n"
        "Built the platform for the fleet of trucks\n"
        "Reduced false alarms in the downstream components\n"
        "Research Assistant at Eastfield Robotics Lab, Eastfield University\n"
        "2021-12 — 2023-03\nStudied social robots with children and their teachers\n"
    )
    jobs = extract_text(text).experiences
    dated = [job for job in jobs if job.dates is not None]
    assert [job.role.value if job.role else None for job in dated] == [
        "Platform Engineer",
        "Research Assistant",
    ]


def test_a_page_foot_inside_a_job_is_not_its_employer(extract_text: Extract) -> None:
    job = "{dates}\n{role}\nVelmora S.A, Lima, Peru\n{foot}Built the pipelines for the teams.\n\n"
    text = "WORK EXPERIENCE\n\n" + "".join(
        job.format(dates=dates, role=role, foot=foot)
        for dates, role, foot in (
            ("01/2024 - present", "Principal SRE", ""),
            ("01/2021 - 02/2022", "Platform Engineer", "© Northwind Union        Page 1 / 4\n"),
            ("03/2020 - 01/2021", "Data Engineer", ""),
        )
    )
    organizations = [organization for organization, _, _ in job_rows(extract_text, text)]
    assert organizations == ["Velmora S.A", "Velmora S.A", "Velmora S.A"]


def test_name_before_a_city_and_region_code_is_the_employer(extract_text: Extract) -> None:
    # The small NER reads a brand as a place and a state code as an organization.
    text = (
        "PROFESSIONAL EXPERIENCE\n"
        " Tarvelle, Stamford, CT | Mar 2008 - Present\n"
        " Digital Marketing Lead\n"
        "- Devised the plans\n"
    )
    assert job_rows(extract_text, text) == [("Tarvelle", "Digital Marketing Lead", "Stamford, CT")]


def test_city_and_region_after_a_school_stay_its_place(extract_text: Extract) -> None:
    # The section's other jobs write the employer second; this one leaves out the title.
    text = (
        "TEACHING EXPERIENCE\n"
        " Substitute Teacher, Corbel Community Schools, Kokomo, IN; May 2013 - present\n"
        "  Taught classes as needed\n"
        " Student Teacher, Oakmere Elementary School, Oakmere, Indiana; January 2013 - May 2013\n"
        "  Assessed student learning\n"
        " Larchfield Christian School, Fairview, Indiana; September 2011 - December 2011\n"
        "  Planned and taught a unit on fractions for 22 students\n"
    )
    organizations = [organization for organization, _, _ in job_rows(extract_text, text)]
    assert organizations[-1] == "Larchfield Christian School"


def test_a_job_told_as_a_sentence_names_title_and_employer(extract_text: Extract) -> None:
    text = (
        "EXPERIENCE\n"
        " -Working as Sr. Python developer for Quillon Systems Ltd., Indore from Mar 2011 to date\n"
        " -Worked as Python developer for Brellow Pvt Ltd. from 2007 to 2010\n"
    )
    assert [(org, role) for org, role, _ in job_rows(extract_text, text)] == [
        ("Quillon Systems Ltd.", "Sr. Python developer"),
        ("Brellow Pvt Ltd.", "Python developer"),
    ]


def test_a_sentence_opened_by_a_verb_is_prose() -> None:
    assert looks_like_prose("Reviewed and approved pending designs")
    assert looks_like_prose("Training and supervising shifts of staff")
    assert not looks_like_prose("Engineering and Structural Consultancy")
    assert not looks_like_prose("Training and Development Manager")


def test_a_dash_glued_to_the_employer_parts_it_from_its_place(extract_text: Extract) -> None:
    text = (
        "EXPERIENCE\n"
        " QUILLWAVE- Kansas City, MO\n"
        " Sales & Marketing Intern\n"
        " Summer 2014\n"
        " • Educated customers\n"
    )
    assert job_rows(extract_text, text) == [
        ("QUILLWAVE", "Sales & Marketing Intern", "Kansas City, MO")
    ]


def test_a_name_ending_in_a_plural_head_is_a_firm(extract_text: Extract) -> None:
    text = (
        "EXPERIENCE\n"
        " Whitcombe Associates\n"
        " Wheaton, IL 2006 to 2009\n"
        " SENIOR DIVISION OPERATIONS EXECUTIVE\n"
        " Doubled sales.\n"
    )
    ((organization, _, _),) = job_rows(extract_text, text)
    assert organization == "Whitcombe Associates"


def test_a_lower_case_name_ending_in_a_legal_form_is_a_firm() -> None:
    assert names_a_firm("quarrytown gmbh & co. kg")
    assert names_a_firm("velvo s.a.")
    assert names_a_firm("Brantel pvt ltd")
    assert not names_a_firm("gmbh")  # a legal form alone names nobody
    assert not names_a_firm("we sold the business to a corporation")  # spelled out: a word
    assert not names_a_firm("a new product line for the whole team in ltd markets")


def test_a_lower_case_employer_heading_with_a_legal_form(extract_text: Extract) -> None:
    text = (
        "## Experience\n\n### Ferrow Labs\n**Data Engineer** | *Jan 2019 - Present* | Remote\n\n"
        "### quarrytown gmbh & co. kg\n**Lead Developer** | *Jul 2015 - Aug 2018* | Bremen\n"
        "- Built the shop\n"
    )
    jobs = job_rows(extract_text, text)
    assert jobs[1] == ("quarrytown gmbh & co. kg", "Lead Developer", "Bremen")


def test_a_lower_case_employer_before_its_city(extract_text: Extract) -> None:
    text = (
        "PROFESSIONAL EXPERIENCE\n\n"
        "velvo s.a., Lisbon                                            07/2015 - 08/2017\n"
        "Software Developer\n"
        "  • Built the shop.\n"
    )
    assert job_rows(extract_text, text) == [("velvo s.a.", "Software Developer", "Lisbon")]


def test_dates_closing_a_title_and_name_line_end_the_header(extract_text: Extract) -> None:
    text = (
        "Work experience\n\n"
        "Backend Developer, Lumora (since 2019)\nStartup - a pension platform\n- Built it\n\n"
        "Software Entwickler, Qorvex GmbH (seit 2016)\nConsulting\n- Built it\n\n"
        "Data Analyst, Trelio AG (2012 - 2016)\nBerlin, Germany\n- Built it\n"
    )
    assert job_rows(extract_text, text) == [
        ("Lumora", "Backend Developer", None),
        ("Qorvex GmbH", "Software Entwickler", None),
        ("Trelio AG", "Data Analyst", "Berlin, Germany"),
    ]


def test_a_name_alone_before_its_bracketed_dates_leaves_the_title_below(
    extract_text: Extract,
) -> None:
    text = (
        "Professional Experience\n\n"
        "Harrowgate Builders; Boston, MA (2011 - Present)\nDIRECTOR OF FINANCE\n- Ran it\n"
    )
    ((organization, role, _),) = job_rows(extract_text, text)
    assert (organization, role) == ("Harrowgate Builders", "DIRECTOR OF FINANCE")


def test_an_institution_at_a_place_is_one_name(extract_text: Extract) -> None:
    heading = (
        "## Experience\n\n### Harlow Institute at Northfield\n"
        "**Visiting Student** | *Sep 2024 - Dec 2024*\n\n- Studied\n"
    )
    assert job_rows(extract_text, heading) == [
        ("Harlow Institute at Northfield", "Visiting Student", None)
    ]
    titled = (
        "Experience\n\nVisiting Student at Harlow Institute at Northfield University\n"
        "2024-09 — 2024-12\n\nSoftware Engineering TPX at Quorra Software\n2020-01 — 2024-01\n"
    )
    assert [(org, role) for org, role, _ in job_rows(extract_text, titled)] == [
        ("Harlow Institute at Northfield University", "Visiting Student"),
        ("Quorra Software", "Software Engineering TPX"),
    ]


def test_a_name_another_lexicon_claims_in_the_employers_slot_is_the_employer(
    extract_text: Extract,
) -> None:
    text = (
        "## Experience\n\n### Ferrow Labs\n**Data Engineer** | *Jan 2019 - Present* | Remote\n\n"
        "### Quarry Systems\n**Analyst** | *2017 - 2018* | Bremen\n\n"
        "### Freelance\n**Web Developer** | *2015 - 2017* | Remote\n\n"
        "### GP (Gerber Partner)\n**Cashier** | *2013 - 2015* | Bremen\n"
    )
    jobs = [(org, role) for org, role, _ in job_rows(extract_text, text)]
    assert jobs[2:] == [("Freelance", "Web Developer"), ("GP (Gerber Partner)", "Cashier")]


def test_a_bold_title_for_a_linked_employer(extract_text: Extract) -> None:
    text = (
        "## Experience\n\n08/2020 -- Present\n"
        ": **Senior Platform Engineer** for [Quorvant](https://quorvant.example/)"
        " • _Lakeport, Oregon_\n"
        "\n    * Built the login service\n\n07/2018 -- 06/2020\n"
        ": **Software Engineer** for [Brellix](https://brellix.example/) • _Lakeport, Oregon_\n"
        "\n    * Led the team\n"
    )
    assert job_rows(extract_text, text) == [
        ("Quorvant", "Senior Platform Engineer", "Lakeport, Oregon"),
        ("Brellix", "Software Engineer", "Lakeport, Oregon"),
    ]


def test_a_bold_title_at_a_linked_employer_written_in_lower_case(extract_text: Extract) -> None:
    text = (
        "## Experience\n\n"
        "**Data Analyst** at [tallowby](https://tallowby.example) | Jan 2019 - Mar 2021\n"
        "- Built dashboards\n\n"
        "**Research Assistant** at [Mirefield Labs](https://mirefield.example) | 2017 - 2018\n"
        "- Ran studies\n"
    )
    assert [job[:2] for job in job_rows(extract_text, text)] == [
        ("tallowby", "Data Analyst"),
        ("Mirefield Labs", "Research Assistant"),
    ]


def test_a_linked_employer_before_its_title(extract_text: Extract) -> None:
    text = (
        "## Experience\n\n"
        "[Tallowby](https://tallowby.example) — Data Analyst | Jan 2019 - Mar 2021\n"
        "- Built dashboards\n\n**Data Analyst**, _Mirefield Labs_ | Apr 2017 - Dec 2018\n- Ran it\n"
    )
    assert [job[:2] for job in job_rows(extract_text, text)] == [
        ("Tallowby", "Data Analyst"),
        ("Mirefield Labs", "Data Analyst"),
    ]


@pytest.mark.parametrize(
    ("item", "job"),
    [
        (
            "- **Data Analyst**, Tallowby Ltd (Jan 2019 - Mar 2021)",
            ("Tallowby Ltd", "Data Analyst"),
        ),
        ("- 2019-present SOC Engineer at Quorvant Corp", ("Quorvant Corp", "SOC Engineer")),
        (
            "* Senior Engineer — Brindlewick GmbH, 2018–2020",
            ("Brindlewick GmbH", "Senior Engineer"),
        ),
        ("1. Analyst, Marrowfield Inc. (2015-2017)", ("Marrowfield Inc", "Analyst")),
    ],
)
def test_a_job_header_written_as_a_list_item_is_a_job(
    extract_text: Extract, item: str, job: tuple[str, str]
) -> None:
    text = f"Experience\n\n{item}\n"
    assert [(organization, role) for organization, role, _ in job_rows(extract_text, text)] == [job]


def test_jobs_as_list_items_keep_their_description_items(extract_text: Extract) -> None:
    text = (
        "## Experience\n\n"
        "- **Data Analyst**, Tallowby Ltd (Jan 2019 - Mar 2021)\n"
        "  - Led 5 engineers, cut costs 30% (2019)\n"
        "  - Built the reporting service\n"
        "- **Clerk**, Brookmere Stores (2016 - 2018)\n"
        "  - Ran the till\n"
    )
    assert [role for _, role, _ in job_rows(extract_text, text)] == ["Data Analyst", "Clerk"]


def test_parts_of_a_sentence_cut_at_its_commas_are_not_the_employer(extract_text: Extract) -> None:
    text = (
        "Experience\n\n"
        "Kestrel Build Group, Tamsworth, OH   1997 to 2007\n"
        "Senior Site Manager (2001-2004) - Promoted to run several sites while supervising all\n"
        "of the crews' duties including recruiting, vetting, coaching, and\n"
        "rostering of up to 30 workers.\n"
        "Site Engineer (1997-2001) - Ran small local projects.\n"
    )
    organizations = [organization for organization, _, _ in job_rows(extract_text, text)]
    assert organizations == ["Kestrel Build Group", None, None]


def test_a_cited_title_or_a_sentence_in_the_employer_slot_is_no_employer(
    extract_text: Extract,
) -> None:
    text = (
        "EXPERIENCE\n\n"
        "2003 - 2006: Panel Chair, “New Teaching Tools in Civic Science.” Annual Meeting\n"
        "2001 - 2002: Program Lead, Section at the yearly meeting of the Northern Civic Science"
        " Association\n"
        "1995 - 1998: Analyst, Harrow Valley Water Board\n"
    )
    organizations = [organization for organization, _, _ in job_rows(extract_text, text)]
    assert organizations == [None, None, "Harrow Valley Water Board"]


@pytest.mark.parametrize(
    "name",
    [
        "loomwork",
        "kestrel labs",
        "brightfeld gmbh & co. kg",
        "Northvale Centre for Applied Signal Processing and Human Interaction Research",
        "the Institute of Information Technology, Eastfield University",
    ],
)
def test_names_in_lower_case_or_of_many_capitalized_words_can_name_an_employer(name: str) -> None:
    assert can_name_employer(name)


@pytest.mark.parametrize(
    "clause",
    [
        "Panel on “New Teaching Tools in Civic Science.” Annual",
        "Section at the yearly meeting of the Northern Civic Science Association",
        "Coached volunteers in grant writing",
        "School",
        "Systems",
    ],
)
def test_cited_titles_and_clauses_cannot_name_an_employer(clause: str) -> None:
    assert not can_name_employer(clause)


def test_a_first_person_sentence_cannot_name_an_employer() -> None:
    assert not can_name_employer("I developed Printwise")
    assert can_name_employer("Our Lady of Lourdes Hospital")


def test_years_left_where_an_employer_stands_are_no_employer(extract_text: Extract) -> None:
    text = (
        "EXPERIENCE\n\nAnalyst, Harrow Valley Water Board, 2015 - 2018\n"
        "Analyst, 2007 2008, 2011 - 2013\n"
    )
    organizations = [organization for organization, _, _ in job_rows(extract_text, text)]
    assert organizations == ["Harrow Valley Water Board", None]


def test_a_title_cut_from_a_sentence_is_no_title(extract_text: Extract) -> None:
    text = (
        "EXPERIENCE\n\nOffice Manager and later as a, Harrow Water Board, 2001 - 2005\n"
        "Analyst, Harrow Valley Water Board, 2005 - 2008\n"
    )
    assert [role for _, role, _ in job_rows(extract_text, text)] == [None, "Analyst"]


@pytest.mark.parametrize("cut", ["University of", "Al Harrow in association with", "later as a"])
def test_a_phrase_ending_in_a_small_grammar_word_is_unfinished(cut: str) -> None:
    assert ends_unfinished(cut)
    assert not can_name_employer(cut)


@pytest.mark.parametrize(
    "title",
    [
        "Visiting Scholar",
        "Parish Council Member",
        "Events Organiser",
        "Dog Sitter",
        "Shop Clerk",
    ],
)
def test_a_title_headed_by_a_common_job_word_is_the_role(extract_text: Extract, title: str) -> None:
    text = f"WORK EXPERIENCE\n\n{title}\nMarlow Ridge Academy\n2014 - 2016\n- Kept the records.\n"
    assert job_rows(extract_text, text) == [("Marlow Ridge Academy", title, None)]


def test_titles_joined_by_a_slash_are_a_role_by_the_first_titles_head(
    extract_text: Extract,
) -> None:
    text = (
        "WORK EXPERIENCE\n\nHarlow Fixtures, Inc., Dayton, OH\n2015 to 2019\n"
        "Plant Division Manager/VP Site Operations\n- Ran the plant.\n"
    )
    assert job_rows(extract_text, text) == [
        ("Harlow Fixtures, Inc.", "Plant Division Manager/VP Site Operations", "Dayton, OH")
    ]


def test_a_labelled_title_in_brackets_is_read_inside_them(extract_text: Extract) -> None:
    text = (
        "Jane Roe   PROFESSIONAL EXPERIENCE   Marlow Institute of Technology   "
        "Signal Processing Group   January 2001 - December 2004   "
        "(Designation: Graduate Research Assistant)   - Built tools to watch the cluster."
    )
    assert [role for _org, role, _place in job_rows(extract_text, text)] == [
        "Graduate Research Assistant"
    ]


def test_a_title_before_a_dash_opening_the_description_is_the_role(
    extract_text: Extract,
) -> None:
    # An employer and its period in the header, the title as the first words of the
    # description, set off from its sentence by a spaced dash.
    text = (
        "Jane Roe   PROFESSIONAL EXPERIENCE   Kettle Mechanics, Inc., Fairview, OH   "
        "2007 to 2010   Vice President of Field Operations - Promoted to review and approve "
        "the plans for every construction site of the company, keeping them safe and on "
        "budget."
    )
    assert [role for _org, role, _place in job_rows(extract_text, text)] == [
        "Vice President of Field Operations"
    ]
