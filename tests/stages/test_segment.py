from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_etl.stages.segment import (
    LineKind,
    SectionClassifier,
    SegmentedDocument,
    is_date_line,
    is_prose,
    names_a_project,
    segment,
    split_lines,
)
from resume_etl.stages.segment.entries import is_job_item, split_entries
from resume_etl.vocab import SectionKind
from tests.conftest import make_document

Segment = Callable[[str], SegmentedDocument]


def _kinds(segmented: SegmentedDocument) -> list[tuple[SectionKind, str | None]]:
    return [(s.kind, s.heading.content.strip() if s.heading else None) for s in segmented.sections]


def _headers(segmented: SegmentedDocument, kind: SectionKind) -> list[list[str]]:
    section = next(s for s in segmented.sections if s.kind is kind)
    return [[line.content for line in entry.header] for entry in section.entries]


def test_a_dated_header_line_does_not_count_its_separators_as_words() -> None:
    (line,) = split_lines(
        "**Senior Integration Architect - Online Retail Systems** | *Jan 2010 – Jan 2015*"
        " | Bengaluru, Karnataka, India"
    )
    assert not is_prose(line)


def test_a_long_undated_line_with_dashes_is_still_a_sentence() -> None:
    (line,) = split_lines(
        "Led the team - seven engineers - through a migration of every service we ran to a"
        " new cluster and back"
    )
    assert is_prose(line)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Experience", SectionKind.EXPERIENCE),
        ("WORK HISTORY", SectionKind.EXPERIENCE),
        ("Professional Experience:", SectionKind.EXPERIENCE),
        ("Research Experience", SectionKind.EXPERIENCE),
        ("Selected Projects", SectionKind.PROJECTS),
        ("Skills and Systems Stack", SectionKind.SKILLS),
        ("Technical Skills & Tools", SectionKind.SKILLS),
        ("Academic Background", SectionKind.EDUCATION),
        ("Selected Publications", SectionKind.PUBLICATIONS),
        ("About Me", SectionKind.SUMMARY),
        ("Get in touch", SectionKind.CONTACT),
        ("Awards & Honors", SectionKind.OTHER),
    ],
)
def test_headings_are_classified_by_their_phrases(
    classifier: SectionClassifier, heading: str, kind: SectionKind
) -> None:
    assert classifier.classify(heading) is kind


@pytest.mark.parametrize(
    "line", ["Led the work team across three sites", "Python", "Amazon", "Research"]
)
def test_lines_without_a_close_heading_phrase_are_not_headings(
    classifier: SectionClassifier, line: str
) -> None:
    assert classifier.classify(line) is None


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Invited Lectures", SectionKind.PUBLICATIONS),
        ("SEMINARS AND SPEAKING ENGAGEMENTS", SectionKind.PUBLICATIONS),
        ("Professional Conference Participation", SectionKind.PUBLICATIONS),
        ("Committees", SectionKind.OTHER),
        ("Selected University Service", SectionKind.OTHER),
        ("PROFESSIONAL ASSOCIATIONS", SectionKind.OTHER),
        ("Current Research:", SectionKind.OTHER),
        ("Education & Licensure", SectionKind.EDUCATION),
    ],
)
def test_an_academic_cvs_later_headings_close_its_work_history(
    classifier: SectionClassifier, heading: str, kind: SectionKind
) -> None:
    assert classifier.classify(heading.rstrip(":")) is kind


@pytest.mark.parametrize(
    "line", ["TRAINING MANAGER", "Career Center", "Regional Education Association"]
)
def test_a_section_word_before_a_title_or_employer_head_word_names_no_section(
    classifier: SectionClassifier, line: str
) -> None:
    assert classifier.classify(line) is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("W ORK E XPERIENCE", SectionKind.EXPERIENCE),
        ("E MPLOY MENT H IST ORY", SectionKind.EXPERIENCE),
        ("E DUCATION", SectionKind.EDUCATION),
    ],
)
def test_a_heading_in_small_capitals_split_by_a_pdf_is_read_by_its_letters(
    classifier: SectionClassifier, line: str, kind: SectionKind
) -> None:
    (parsed,) = split_lines(line)
    assert classifier.plain_heading_kind(parsed, is_first_line=False) is kind


@pytest.mark.parametrize("line", ["S ENIOR B UYER", "M ASTER OF A RTS", "C ONSTRUCTION E XECUTIVE"])
def test_small_capitals_that_spell_no_section_phrase_exactly_are_no_heading(
    classifier: SectionClassifier, line: str
) -> None:
    (parsed,) = split_lines(line)
    assert classifier.plain_heading_kind(parsed, is_first_line=False) is None


def test_a_small_capitals_work_heading_opens_the_work_history(segment_text: Segment) -> None:
    segmented = segment_text(
        "Tamsin Oakhurst\nS KILLS\nBudgeting\nRota planning\n\nW ORK E XPERIENCE\n"
        "Shift Supervisor, Corrin Bakeries, 2015 - 2019\n"
    )
    assert [kind for kind, _ in _kinds(segmented)] == [
        SectionKind.HEADER,
        SectionKind.SKILLS,
        SectionKind.EXPERIENCE,
    ]


def test_a_job_titled_with_a_section_word_stays_in_the_work_history(
    segment_text: Segment,
) -> None:
    segmented = segment_text(
        "EXPERIENCE\n\nTRAINING MANAGER\nOrbell Foods, 2014 - 2018\n"
        "Volunteer Adviser\nNorth Quay Law Centre, 2012 - 2014\n"
    )
    assert _kinds(segmented) == [(SectionKind.EXPERIENCE, "EXPERIENCE")]
    assert len(segmented.sections[0].entries) == 2


def test_markdown_headings_make_sections_and_nested_headings_make_entries(
    segment_text: Segment,
) -> None:
    segmented = segment_text(
        "# Jane Roe\nData engineer\n\n## Experience\n### Acme | Full-time | 2020 - 2022\n"
        "- Built pipelines\n### Beta | Contract | 2019\n- Cleaned data\n\n## Education\n"
        "### State College\n"
    )
    assert _kinds(segmented) == [
        (SectionKind.HEADER, None),
        (SectionKind.EXPERIENCE, "Experience"),
        (SectionKind.EDUCATION, "Education"),
    ]
    assert _headers(segmented, SectionKind.EXPERIENCE) == [
        ["Acme | Full-time | 2020 - 2022"],
        ["Beta | Contract | 2019"],
    ]


def test_website_cards_split_at_each_date_line(segment_text: Segment) -> None:
    segmented = segment_text(
        "Experience\n\nDepth with care.\n\nJan 2021 - Mar 2022\n\nAnalyst\n\nNorthwind Bank\n\n"
        "Built the reports.\n\nApr 2019 - Dec 2020\n\nClerk\n\nSouthwind Bank\n\nFiled.\n"
    )
    section = segmented.sections[-1]
    assert [line.content for line in section.intro] == ["Depth with care."]
    assert _headers(segmented, SectionKind.EXPERIENCE) == [
        ["Jan 2021 - Mar 2022", "Analyst", "Northwind Bank"],
        ["Apr 2019 - Dec 2020", "Clerk", "Southwind Bank"],
    ]


def test_consecutive_date_lines_without_body_still_split(segment_text: Segment) -> None:
    segmented = segment_text(
        "Education\nSep 2015 - Jun 2019\nState University\nB.Sc. Physics\n"
        "Sep 2019 - Jun 2020\nCity University\nM.Sc. Physics\n"
    )
    assert len(_headers(segmented, SectionKind.EDUCATION)) == 2


def test_hard_wrapped_bullet_continuation_stays_in_the_entry(segment_text: Segment) -> None:
    segmented = segment_text(
        "EXPERIENCE\nSenior Accountant, Harbor Ltd    Jan 2019 - Present\n"
        "- Closed the books monthly for three\nsubsidiaries across two regions\n"
        "- Cut close time by 20%\n"
    )
    section = segmented.sections[-1]
    assert len(section.entries) == 1
    assert [line.content for line in section.entries[0].body][1] == (
        "subsidiaries across two regions"
    )


def test_a_nested_markdown_heading_with_a_section_word_is_an_entry(
    segment_text: Segment,
) -> None:
    segmented = segment_text(
        "# Jane Roe\n\n## Projects\n### Client Projects (NDA)\nConsulting.\n"
        "### ledger-tools\nA ledger library.\n### Route Planner\nPlans routes.\n\n"
        "## Experience\n### Acme\n- Built pipelines\n### Skills\nPython\n"
    )
    assert _kinds(segmented) == [
        (SectionKind.HEADER, None),
        (SectionKind.PROJECTS, "Projects"),
        (SectionKind.EXPERIENCE, "Experience"),
        (SectionKind.SKILLS, "Skills"),
    ]
    assert _headers(segmented, SectionKind.PROJECTS) == [
        ["Client Projects (NDA)"],
        ["ledger-tools"],
        ["Route Planner"],
    ]


def test_a_line_naming_the_section_kind_right_under_its_heading_is_an_entry(
    segment_text: Segment,
) -> None:
    segmented = segment_text(
        "Jane Roe\n\nProjects\n\nSmall Java Projects\nPlugins for a video game.\n\n"
        "Education\n\nEducation\nState College\n"
    )
    assert _kinds(segmented) == [
        (SectionKind.HEADER, None),
        (SectionKind.PROJECTS, "Projects"),
        (SectionKind.EDUCATION, "Education"),
        (SectionKind.EDUCATION, "Education"),
    ]


def test_a_quiet_title_naming_a_section_kind_is_an_entry_where_headings_shout(
    segment_text: Segment,
) -> None:
    segmented = segment_text(
        "Jane Roe\n\nPROJECTS\n\nLedger Sync\n  Reconciles ledgers.\n\n"
        "Video Automation Toolkit\n  Uploads videos.\n\nSKILLS\n\nPython\n"
    )
    assert _kinds(segmented) == [
        (SectionKind.HEADER, None),
        (SectionKind.PROJECTS, "PROJECTS"),
        (SectionKind.SKILLS, "SKILLS"),
    ]


def test_plain_skills_subheadings_group_inside_one_section(segment_text: Segment) -> None:
    segmented = segment_text("Skills\nLanguages\nPython, Go\nTools\nDocker, Git\n")
    assert _kinds(segmented) == [(SectionKind.SKILLS, "Skills")]


def test_each_bullet_of_a_publication_list_is_an_entry(segment_text: Segment) -> None:
    segmented = segment_text(
        'Publications\n- A. Roe. "Fast things." In Proc. of X, 2021.\n'
        '- A. Roe. "Slow things." Journal Y, 2019.\n'
    )
    assert len(segmented.sections[-1].entries) == 2


def test_first_line_is_not_a_heading_unless_it_shouts(segment_text: Segment) -> None:
    assert _kinds(segment_text("Projects Lead\nSome text here\n"))[0][0] is SectionKind.HEADER


def test_sections_cover_the_text_in_order(segment_text: Segment) -> None:
    segmented = segment_text("Intro line\n\nSkills\nPython\n\nEducation\nState College\n")
    starts = [section.start for section in segmented.sections]
    assert starts == sorted(starts)
    text = segmented.document.text
    for section in segmented.sections:
        assert text[section.start : section.end].strip()


def test_split_lines_records_offsets_and_markers() -> None:
    text = "# Title\n\n- bullet\n| a | b |\n|---|---|\nplain"
    lines = split_lines(text)
    assert [line.kind for line in lines] == [
        LineKind.MD_HEADING,
        LineKind.BULLET,
        LineKind.TABLE_ROW,
        LineKind.TEXT,
    ]
    for line in lines:
        assert text[line.start : line.end] == line.text
    assert lines[0].content == "Title"
    assert lines[1].content == "bullet"
    assert lines[1].blank_before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sept 2025 - Dec 2025", True),
        ("05/2023 - 08/2023", True),
        ("2019 - Present", True),
        ("Fall '22", True),
        ("NSDI '26", False),
        ("GPA: 3.97 / 4.0", False),
        ("Served 100 clients", False),
    ],
)
def test_date_lines_are_recognized(text: str, expected: bool) -> None:
    assert is_date_line(text) is expected


def test_a_range_wrapped_over_two_header_lines_stays_one_entry(segment_text: Segment) -> None:
    segmented = segment_text(
        "Experience\nData Analyst, Northwind Bank\nJan 2020 -\nMar 2021\n- Built reports\n"
    )
    assert _headers(segmented, SectionKind.EXPERIENCE) == [
        ["Data Analyst, Northwind Bank", "Jan 2020 -", "Mar 2021"]
    ]


def test_a_header_padded_to_a_right_hand_date_is_not_prose(segment_text: Segment) -> None:
    text = (
        "Experience\n\n"
        "Aire Valley Hospital, Leeds" + " " * 40 + "Apr 2019 - present\n"
        "- Led the unit's pressure-ulcer bundle.\n"
    )
    assert _headers(segment_text(text), SectionKind.EXPERIENCE) == [
        ["Aire Valley Hospital, Leeds" + " " * 40 + "Apr 2019 - present"]
    ]


def test_page_numbers_footers_and_running_headers_are_left_out() -> None:
    text = "JANE ROE   CV\nExperience\nJane Roe - CV      Page 1 of 2\n\n1\n\nJANE ROE   CV\nClerk"
    assert [line.content for line in split_lines(text)] == ["JANE ROE   CV", "Experience", "Clerk"]


def test_a_skills_label_line_stays_in_the_entry_body(segment_text: Segment) -> None:
    text = (
        "Experience\n\n"
        "Marketing Manager\nJan 2020 - Dec 2022\nRan the webinar program.\n"
        "Skills: HubSpot · Salesforce\n"
        "Marketing Coordinator\nJan 2018 - Dec 2019\n"
    )
    assert _headers(segment_text(text), SectionKind.EXPERIENCE) == [
        ["Marketing Manager", "Jan 2020 - Dec 2022"],
        ["Marketing Coordinator", "Jan 2018 - Dec 2019"],
    ]


def test_consecutive_lines_each_closing_with_a_year_are_separate_entries(
    segment_text: Segment,
) -> None:
    text = (
        "Education\n"
        "Ph.D. in Economics, London School of Economics, 2015\n"
        "M.A. in Economics, Rice University, 2010\n"
    )
    assert len(_headers(segment_text(text), SectionKind.EDUCATION)) == 2


def test_a_blank_line_after_a_header_closed_by_its_dates_opens_the_next_entry(
    segment_text: Segment,
) -> None:
    text = (
        "Experience\n\nClassroom Teacher\nKiri School\n2017 - 2019\n\n"
        "Beginning Teacher\nWaikato School\n2015 - 2016\n"
    )
    assert len(_headers(segment_text(text), SectionKind.EXPERIENCE)) == 2


def test_each_row_of_a_table_in_an_entry_section_is_an_entry(segment_text: Segment) -> None:
    text = (
        "## Experience\n\n| Period | Role | Company |\n|---|---|---|\n"
        "| 2021 - now | Senior Data Engineer | Vistula Payments |\n"
        "| 2018 - 2021 | Data Engineer | Krakowska Analityka |\n"
    )
    section = next(s for s in segment_text(text).sections if s.kind is SectionKind.EXPERIENCE)
    assert len(section.entries) == 2
    assert all(entry.columns is not None for entry in section.entries)


def test_dated_bullets_of_an_education_list_are_entries(segment_text: Segment) -> None:
    text = (
        "## Education\n\n- **Diploma in Law**, Temasek Polytechnic (2013 - 2016)\n"
        "- **GCE 'O' Level**, Bedok Green Secondary School (2012)\n"
    )
    assert len(_headers(segment_text(text), SectionKind.EDUCATION)) == 2


def test_a_timeline_under_an_unknown_heading_is_an_experience_section(
    segment_text: Segment,
) -> None:
    text = (
        "Hi, I'm Matilda Fenwick, head chef.\n\nKitchens\n\nWhere I've cooked.\n\n"
        "2021 - Now\n\nHead Chef\n\nSaltbush Dining Room\n\n"
        "Mar 2018 - Dec 2020\n\nSous Chef\n\nHarbour & Vine\n"
    )
    section = next(s for s in segment_text(text).sections if s.kind is SectionKind.EXPERIENCE)
    assert section.heading is not None and section.heading.content == "Kitchens"
    assert len(section.entries) == 2


def test_a_single_period_before_the_first_heading_is_not_a_timeline(
    segment_text: Segment,
) -> None:
    text = "Ana Lima\n\nLocum Cover\n\n2024 - 2025\n\nExperience\n2019 - 2021\nStaff Nurse\n"
    kinds = [s.kind for s in segment_text(text).sections]
    assert kinds == [SectionKind.HEADER, SectionKind.EXPERIENCE]


def test_a_long_line_ending_in_a_capital_and_period_is_a_sentence() -> None:
    (line,) = split_lines(
        "Ran content and events for a 40-person analytics startup through its Series B."
    )
    assert is_prose(line)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Skills and kitchen toolkit", SectionKind.SKILLS),
        ("📌 Pinned repositories", SectionKind.PROJECTS),
        ("🤝 Connect with me", SectionKind.CONTACT),
        ("📊 GitHub stats", SectionKind.OTHER),
        ("Recent blog posts", SectionKind.OTHER),
    ],
)
def test_headings_joining_two_phrases_or_naming_profile_furniture(
    classifier: SectionClassifier, heading: str, kind: SectionKind
) -> None:
    assert classifier.classify(heading) is kind


def test_words_beside_a_phrase_of_another_kind_still_count(classifier: SectionClassifier) -> None:
    assert classifier.classify("Skills for the education team") is None


@pytest.mark.parametrize(
    "text",
    [
        "Projects\n\n**QuickShard** - a sharded store (Jan 2024 - Apr 2024)\n\n"
        "**CampusEats** - a food app used by 2,000+ students on campus every single day (2022).\n",
        "Open-source projects\n⭐ ledger-kit - a ledger library for Go\n"
        "⭐ hook-replay - replays hooks\n",
        "Selected projects\n- Slotting Review (2022) - re-slotted 3,400 SKUs; walks fell by 18%.\n"
        "- [**cost-diff**](https://example.org/cost-diff) - posts the cost of a plan ⭐ 12\n",
    ],
)
def test_each_named_line_of_a_project_list_is_one_project(segment_text: Segment, text: str) -> None:
    assert [len(header) for header in _headers(segment_text(text), SectionKind.PROJECTS)] == [1, 1]


def test_a_projects_description_bullets_stay_its_body(segment_text: Segment) -> None:
    segmented = segment_text(
        "Projects\nLedger Lens | 2021\n- Parser - reads bank exports\n- Served 10,000+ users\n\n"
        "Sept 2025 - Dec 2025\nEdge Agent\n- Grounding - constrained action schema\n"
    )
    section = next(s for s in segmented.sections if s.kind is SectionKind.PROJECTS)
    assert [len(entry.body) for entry in section.entries] == [2, 1]


@pytest.mark.parametrize(
    "line",
    ["Sept 2025 - Dec 2025", "2021 - 2022", "Built the whole ingestion layer from scratch - alone"],
)
def test_dates_and_sentences_do_not_name_a_project(line: str) -> None:
    (parsed,) = split_lines(line)
    assert not names_a_project(parsed)


def test_a_title_over_its_period_line_goes_with_that_period(segment_text: Segment) -> None:
    """A narrow column sets each degree's dates on a line under its title, with no blank line
    between the schools: the second title belongs with the second period, not the first."""
    text = (
        "Education\n\nMSc Advanced Clinical Practice\n2023 - present\nUniversity of Bradford\n"
        "BSc (Hons) Adult Nursing\n2012 - 2015\nUniversity of Leeds\n"
    )
    assert _headers(segment_text(text), SectionKind.EDUCATION) == [
        ["MSc Advanced Clinical Practice", "2023 - present", "University of Bradford"],
        ["BSc (Hons) Adult Nursing", "2012 - 2015", "University of Leeds"],
    ]


def test_periods_set_above_their_titles_keep_their_entries(segment_text: Segment) -> None:
    text = (
        "Education\n\n2013 - 2014\nLegal Practice Course\nNorthbridge Law School\n"
        "2010 - 2013\nLLB (Hons) Law\nUniversity of Bristol\n"
    )
    assert _headers(segment_text(text), SectionKind.EDUCATION) == [
        ["2013 - 2014", "Legal Practice Course", "Northbridge Law School"],
        ["2010 - 2013", "LLB (Hons) Law", "University of Bristol"],
    ]


def test_a_team_named_technologies_inside_a_job_history_is_no_skills_heading(
    segment_text: Segment,
) -> None:
    segmented = segment_text(
        "Professional Experience\n"
        "Quorvant, Inc., Apex, North Carolina\n"
        "Radio Technologies\n"
        "Senior Engineer - May 2005 to Present\n"
        "Skills\n"
        "Python\n"
    )
    assert _kinds(segmented) == [
        (SectionKind.EXPERIENCE, "Professional Experience"),
        (SectionKind.SKILLS, "Skills"),
    ]


COLLAPSED_WITH_A_GLUED_HEADING = (
    "Ira Quennell  website: www.example.org    email: ira@example.org    Research Interest  "
    "Machine learning and retrieval.  Education    Corbel University  Ph.D. in Computer Science"
    "  2005 - 2010    Work Experience Lanthorn Mellon University  Postdoctoral Scientist  "
    "Pittsburgh, PA  2010 - Present  Developed new ranking methods.  Skills  Python"
)


def test_a_heading_glued_to_its_first_entry_in_restored_text_opens_the_section(
    segment_text: Segment,
) -> None:
    segmented = segment_text(COLLAPSED_WITH_A_GLUED_HEADING)
    assert (SectionKind.EXPERIENCE, "Work Experience") in _kinds(segmented)
    assert _headers(segmented, SectionKind.EXPERIENCE)[0][0].strip() == "Lanthorn Mellon University"


def test_a_printed_line_is_never_cut_at_a_heading_phrase(segment_text: Segment) -> None:
    segmented = segment_text("Summary\nText.\n\nWork Experience Lanthorn Mellon University\n2010\n")
    assert SectionKind.EXPERIENCE not in [kind for kind, _ in _kinds(segmented)]


def test_a_list_of_job_headers_is_a_list_of_jobs(segment_text: Segment) -> None:
    text = (
        "Experience\n\n- 2019-present SOC Engineer at Quorvant Corp\n"
        "- 2016-2019 Analyst at Tallowby Ltd\n"
    )
    assert _headers(segment_text(text), SectionKind.EXPERIENCE) == [
        ["2019-present SOC Engineer at Quorvant Corp"],
        ["2016-2019 Analyst at Tallowby Ltd"],
    ]


@pytest.mark.parametrize(
    "bullet",
    [
        "- Led 5 engineers, cut costs 30% (2019)",
        "- Migrated billing to Kafka, 2019 - 2020",
        "- Shipped the 2020 roadmap on time",
        "- Promoted to lead engineer in March 2020 after the reorganisation of the team.",
    ],
)
def test_dated_bullets_under_a_job_stay_its_description(segment_text: Segment, bullet: str) -> None:
    text = (
        "Experience\n\nData Analyst, Tallowby Ltd (Jan 2019 - Mar 2021)\n"
        f"{bullet}\n- Built the reporting service\n"
    )
    section = next(s for s in segment_text(text).sections if s.kind is SectionKind.EXPERIENCE)
    assert len(section.entries) == 1
    assert section.entries[0].body[0].text == bullet


@pytest.mark.parametrize(
    "bullet",
    ["- Led 5 engineers, cut costs 30% (2019)", "- Won the 2021 hackathon with a team of 4"],
)
def test_a_dated_bullet_with_numbers_is_no_job_header(segment_text: Segment, bullet: str) -> None:
    text = f"Experience\n\n{bullet}\n- Built the reporting service\n"
    assert _headers(segment_text(text), SectionKind.EXPERIENCE) == []


@given(
    words=st.lists(st.sampled_from(["Led", "the", "team", "Analyst", "Tallowby", "Ltd", "cut"])),
    number=st.integers(min_value=1, max_value=999),
    period=st.sampled_from(["(2019)", "2018 - 2020", "(Jan 2019 - Mar 2021)", "2019-present"]),
)
def test_an_item_with_a_number_beside_its_period_is_no_job_header(
    words: list[str], number: int, period: str
) -> None:
    (line,) = split_lines(f"- {' '.join([*words, str(number), 'engineers,'])} {period}")
    assert not is_job_item(line)


@given(
    words=st.lists(
        st.sampled_from(["Senior", "Analyst", "Tallowby", "Ltd", "**Clerk**,", "at", "—"]),
        min_size=1,
        max_size=6,
    ).filter(lambda words: any(word.strip("*,").isalpha() for word in words)),
    period=st.sampled_from(["(2015-2017)", "2018–2020", "(Jan 2019 - Mar 2021)", "2019-present"]),
    first=st.booleans(),
)
def test_a_few_names_and_a_range_are_a_job_header(
    words: list[str], period: str, first: bool
) -> None:
    text = " ".join([period, *words] if first else [*words, period])
    (line,) = split_lines(f"- {text}")
    assert is_job_item(line)


def test_a_sentence_wrapped_without_its_full_stop_stays_in_the_job_body(
    classifier: SectionClassifier,
) -> None:
    # No line-role model: the rules alone read a text whose line breaks were restored.
    segmented = segment(
        make_document(
            "EXPERIENCE\n\nQUILLSTONE, Denver, CO\n2010 - 2014\nSenior Content Architect\n"
            "Designed a schema in JSON for city council records.\n"
            "Wrote and maintained shared reporting templates that describe the standard\n"
            "layouts of records about clients, suppliers and partners.\n"
            "BRAMBLE MEDIA, Denver, CO\n2008 - 2010\nSoftware Developer\n"
        ),
        classifier,
    )
    headers = _headers(segmented, SectionKind.EXPERIENCE)
    assert [header[0] for header in headers] == [
        "QUILLSTONE, Denver, CO",
        "BRAMBLE MEDIA, Denver, CO",
    ]


def test_invited_lectures_after_the_jobs_are_no_jobs(segment_text: Segment) -> None:
    segmented = segment_text(
        "EXPERIENCE\n\n2009 - 2011: Lecturer, Harrow College\n\nInvited Lectures\n\n"
        "“Rivers and Rules.” Orbell Foundation Lecture Series, 2001\n"
    )
    assert [kind for kind, _ in _kinds(segmented)] == [
        SectionKind.EXPERIENCE,
        SectionKind.PUBLICATIONS,
    ]


def test_a_shouted_heading_may_qualify_its_phrase_at_more_length(segment_text: Segment) -> None:
    segmented = segment_text(
        "EXPERIENCE\n\n2009 - 2011: Lecturer, Harrow College\n\n"
        "HARROW COLLEGE FACULTY COMMITTEES\n\nCurriculum Review Committee, 2010\n\n"
        "Harrow College Faculty Committees\n\nLibrary Committee, 2011\n"
    )
    assert _kinds(segmented) == [
        (SectionKind.EXPERIENCE, "EXPERIENCE"),
        (SectionKind.OTHER, "HARROW COLLEGE FACULTY COMMITTEES"),
    ]


def test_a_heading_closed_by_a_colon_may_qualify_its_phrase_at_more_length(
    segment_text: Segment,
) -> None:
    segmented = segment_text(
        "Experience:\n\n2009 - 2011: Lecturer, Harrow College\n\n"
        "Education and Professional Qualification:\n\nBachelor of Laws, Harrow University, 2008\n"
    )
    assert [kind for kind, _ in _kinds(segmented)] == [
        SectionKind.EXPERIENCE,
        SectionKind.EDUCATION,
    ]


def _rule_headers(text: str) -> list[list[str]]:
    """The entry headers the layout rules alone cut (as in a text whose line breaks were
    restored, where no line-role model is asked)."""
    entries, _intro = split_entries(SectionKind.EXPERIENCE, split_lines(text))
    return [[line.content for line in entry.header] for entry in entries]


def test_a_title_closing_its_header_with_its_period_ends_the_job() -> None:
    headers = _rule_headers(
        "Hollin & Drew, PA\nExeter, Devon\nConveyancing Clerk (2013 - present)\n"
        "Marrow Legal Group\nTruro, Cornwall\nLegal Secretary (2006 - 2013)\n"
    )
    assert headers == [
        ["Hollin & Drew, PA", "Exeter, Devon", "Conveyancing Clerk (2013 - present)"],
        ["Marrow Legal Group", "Truro, Cornwall", "Legal Secretary (2006 - 2013)"],
    ]


def test_a_place_beside_the_period_leaves_the_header_open_for_its_title() -> None:
    headers = _rule_headers(
        "Brackwater Academy\nMilltown, SD | January 2015 - Present\n"
        "Learning Support Teacher\n- Planned lessons for mixed-ability classes\n"
    )
    assert headers == [
        ["Brackwater Academy", "Milltown, SD | January 2015 - Present", "Learning Support Teacher"]
    ]


def test_only_a_history_whose_first_header_closes_at_its_period_is_cut_there() -> None:
    headers = _rule_headers(
        "Senior Engineer (2019 - present)\nTarnfield Systems\nCary, NC\n"
        "- Wrote firmware for radio boards\n"
    )
    assert headers == [["Senior Engineer (2019 - present)", "Tarnfield Systems", "Cary, NC"]]


def test_a_quieter_label_inside_a_shouted_work_history_stays_in_the_job(
    segment_text: Segment,
) -> None:
    segmented = segment_text(
        "PROFESSIONAL EXPERIENCE\nHarbor Lane Systems, Leeds\nMay 2015 to March 2018\n"
        "Senior Analyst\nAchievements:\n- Cut the month-end close from ten days to four\n"
        "Brightmoor Ltd, York\nJune 2012 to April 2015\nAnalyst\n- Kept the ledgers\n"
    )
    assert _kinds(segmented) == [(SectionKind.EXPERIENCE, "PROFESSIONAL EXPERIENCE")]


@pytest.mark.parametrize(
    ("history", "label"), [("Experience:", "Skills:"), ("WORK HISTORY", "SKILLS:")]
)
def test_a_label_in_the_history_headings_own_style_opens_its_section(
    segment_text: Segment, history: str, label: str
) -> None:
    segmented = segment_text(
        f"{history}\nHarbor Lane Systems, Leeds\nMay 2015 to March 2018\nSenior Analyst\n"
        f"{label}\nBudgeting\nForecasting\n"
    )
    assert [kind for kind, _ in _kinds(segmented)] == [SectionKind.EXPERIENCE, SectionKind.SKILLS]


def test_a_skills_heading_over_a_timeline_of_jobs_heads_a_work_history(
    segment_text: Segment,
) -> None:
    segmented = segment_text(
        "Tamsin Oakhurst\n\nCORE COMPETENCIES\nBudgeting\nForecasting\n\nHIGHLIGHTS\n"
        "Harrow Vale Bank, Leeds\n2010 to 2015\nFinancial Controller\n- Closed the books\n"
        "Ashcombe Mills\n2007 to 2010\nSenior Accountant\n- Ran payroll\n"
        "Penwith Freight\n2004 to 2007\nAccountant\n- Kept the ledgers\n"
    )
    assert SectionKind.EXPERIENCE in [kind for kind, _ in _kinds(segmented)]


def test_a_skills_list_with_one_dated_course_stays_a_skills_list(segment_text: Segment) -> None:
    segmented = segment_text(
        "Tamsin Oakhurst\n\nCORE COMPETENCIES\nBudgeting\nForecasting\n"
        "Payroll course\n2019 - 2020\n"
    )
    assert [kind for kind, _ in _kinds(segmented)] == [SectionKind.HEADER, SectionKind.SKILLS]


_WRAPPED_HISTORY = (
    "Harbor Lane Systems, Leeds\nMay 2015 to March 2018\nSenior Analyst\n"
    "Led the monthly close for the group and its four subsidiaries, reporting to the\n"
    "Finance Director on cash, debt and covenant headroom for each quarter\n"
    "Brightmoor Ltd, York\nJune 2012 to April 2015\nAnalyst\n"
    "Kept the ledgers for three sites and closed each month within five days.\n"
)


def test_a_full_width_line_of_prose_wraps_onto_the_next_line() -> None:
    entries, _intro = split_entries(SectionKind.EXPERIENCE, split_lines(_WRAPPED_HISTORY))
    bodies = [[line.content for line in entry.body] for entry in entries]
    assert [
        "Led the monthly close for the group and its four subsidiaries, reporting to the",
        "Finance Director on cash, debt and covenant headroom for each quarter",
    ] in bodies


def test_a_line_of_names_after_a_full_width_line_still_opens_the_next_job() -> None:
    headers = _rule_headers(_WRAPPED_HISTORY)
    assert ["Brightmoor Ltd, York", "June 2012 to April 2015", "Analyst"] in headers


def test_a_full_width_item_wraps_onto_the_next_line() -> None:
    entries, _intro = split_entries(
        SectionKind.EXPERIENCE,
        split_lines(_WRAPPED_HISTORY.replace("Led the monthly", "- Led the monthly")),
    )
    bodies = [[line.content for line in entry.body] for entry in entries]
    assert any(
        "Finance Director on cash, debt and covenant headroom for each quarter" in body
        for body in bodies
    )
