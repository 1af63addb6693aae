"""Education entries holding several schools are cut into one per school (issue 14): the
segmenter parts entries at their dates, so a section written without them, or with its dates
moved away from the schools, reached the extractor as one entry."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from resume_etl.stages.extract import ExtractedDocument, analyse
from resume_etl.stages.extract._school_entries import school_entries
from resume_etl.stages.segment import Entry, SegmentedDocument
from resume_etl.vocab import SectionKind

Extract = Callable[[str], ExtractedDocument]
Segment = Callable[[str], SegmentedDocument]


def _values(document: ExtractedDocument, name: str) -> list[str | None]:
    return [getattr(getattr(school, name), "value", None) for school in document.education]


def test_a_degree_led_entry_is_cut_at_each_degree(extract_text: Extract) -> None:
    document = extract_text(
        "EDUCATION\n Masters, Business Administration, Lakemont University\n"
        " 3.6 GPA while working part-time\n Bachelors, Computer Science, Eastvale College\n"
        " 3.4 GPA while on the rowing team\n"
    )
    assert _values(document, "institution") == ["Lakemont University", "Eastvale College"]
    assert _values(document, "degree") == ["Masters", "Bachelors"]


def test_a_school_led_entry_is_cut_at_each_school(extract_text: Extract) -> None:
    document = extract_text(
        "Education\n\nNorthvale University\nPh.D. in Physics\nEastmoor Institute of Technology\n"
        "Bachelor of Science in Physics\n"
    )
    assert _values(document, "institution") == [
        "Northvale University",
        "Eastmoor Institute of Technology",
    ]
    assert _values(document, "degree") == ["Ph.D.", "Bachelor of Science"]


def test_dates_before_the_degree_go_with_it_and_a_lone_school_joins_it(
    extract_text: Extract,
) -> None:
    document = extract_text(
        "Training\n\n2011 - 2014\n\nCertificate III in Commercial Cookery\n\n"
        "Derwent Institute of TAFE, Hobart\n\n2019\n\nCertificate IV in Kitchen Management\n\n"
        "Northgate TAFE, Sydney\n\nProjects\n\nA cookbook\n"
    )
    assert _values(document, "institution") == ["Derwent Institute of TAFE", "Northgate TAFE"]
    assert _values(document, "degree") == ["Certificate III", "Certificate IV"]
    # A school's lone date is its graduation (its end).
    years = [
        p.value.year for s in document.education if s.dates and (p := s.dates.start or s.dates.end)
    ]
    assert years == [2011, 2019]


def test_a_sentence_naming_a_school_word_describes_the_school_above(
    extract_text: Extract,
) -> None:
    document = extract_text(
        "Education\n\nWestbrook Academy for Science and Engineering\n"
        "College entry programme with three years of applied electronics, 2007-2011.\n"
    )
    assert _values(document, "institution") == ["Westbrook Academy for Science and Engineering"]


def test_a_degree_alone_on_its_line_heads_the_degree_under_it(extract_text: Extract) -> None:
    document = extract_text(
        "Education\n\nUNDERGRADUATE DEGREE\nBSc - Computer Science\nUniversity of Lakemont\n"
        "2000 - 2003\n"
    )
    assert _values(document, "institution") == ["University of Lakemont"]


_LINES = st.sampled_from(
    [
        "Bachelor of Science in Physics",
        "MBA, Finance, Lakemont University",
        "Northvale University",
        "Eastmoor College, Springfield",
        "2010 - 2014",
        "2019",
        "GPA 3.8",
        "- Thesis on small boats",
        "Minor: Economics",
    ]
)


@given(st.lists(_LINES, min_size=1, max_size=8))
def test_cutting_keeps_every_line_once_in_order(
    segment_text: Segment, nlp: Language, lines: list[str]
) -> None:
    segmented = segment_text("Education\n\n" + "\n".join(lines) + "\n")
    spans = analyse(nlp, [segmented])[0]
    for section in segmented.sections:
        if section.kind is not SectionKind.EDUCATION:
            continue
        before = [line for entry in section.entries for line in (*entry.header, *entry.body)]
        parts = school_entries(section.entries, spans)
        after = [line for entry in parts for line in (*entry.header, *entry.body)]
        assert after == before
        assert all(part.header for part in parts)


def test_schools_alternating_with_dated_degrees_are_paired_in_order(
    extract_text: Extract,
) -> None:
    document = extract_text(
        "EDUCATION\n Lakemont University\n Ed. D, Curriculum Leadership, May 2006.\n"
        " Eastvale University\n M.Ed., Reading Education , June, 1981\n"
        " Northvale University\n Certificate for Literacy Coach Leader, June 1999\n"
        " Westbrook University\n BA, Early Childhood, May 1977\n"
    )
    assert _values(document, "institution") == [
        "Lakemont University",
        "Eastvale University",
        "Northvale University",
        "Westbrook University",
    ]
    assert _values(document, "degree") == ["Ed. D", "M.Ed.", "Certificate", "BA"]


def test_a_school_left_over_a_degree_without_one_is_its_school(extract_text: Extract) -> None:
    # The date closing each degree line ends the segmenter's entry there, so the second
    # school's name ends the first entry; the degree under it names no school of its own.
    document = extract_text(
        "Jane Roe\n\nEDUCATION\n\nEastvale College - Springfield, Canada\n"
        "Network Technician Diploma, 2003\nNorthmoor State University, Lakeside, MD\n"
        "Bachelor of Commerce, Accounting Systems, 2000\nMagna Cum Laude\n\n"
        "EXPERIENCE\n\nHelp Desk Technician, Acme Widgets, 2004 - 2006\n"
    )
    assert _values(document, "institution") == ["Eastvale College", "Northmoor State University"]
    assert _values(document, "degree") == ["Network Technician Diploma", "Bachelor of Commerce"]
    assert _values(document, "field_of_study") == [None, "Accounting Systems"]


def test_a_degree_in_a_bullet_under_the_heading_opens_the_first_school(
    extract_text: Extract,
) -> None:
    document = extract_text(
        "Jane Roe\n\nExperience\n\nSales Clerk, Acme Widgets, 2010 - 2012\n"
        "- Reported to the sales director\nEducation:\n- Bachelor's Degree in Electronics\n"
        "Lakemont University, New York, NY\n2012\nReference\nOn request.\n"
    )
    assert _values(document, "institution") == ["Lakemont University"]
    assert _values(document, "degree") == ["Bachelor's Degree"]
    assert _values(document, "field_of_study") == ["Electronics"]


def test_an_undated_list_of_degree_bullets_is_read(extract_text: Extract) -> None:
    document = extract_text(
        "Education\n\n- Bachelor of Arts in History, Lakemont University\n"
        "- Master of Arts in History, Eastvale University\n\nSkills\n\nExcel\n"
    )
    assert _values(document, "institution") == ["Lakemont University", "Eastvale University"]
    assert _values(document, "degree") == ["Bachelor of Arts", "Master of Arts"]


def test_lines_opening_with_a_verb_and_a_degree_are_one_school_each(
    extract_text: Extract,
) -> None:
    document = extract_text(
        "Academic History:\nCompleted Masters in Maritime Law from Lakemont University\n"
        "Completed Bachelors in Social Law from Eastvale University\n"
        "Declaration: I hereby declare that the information above is true.\n"
    )
    assert _values(document, "institution") == ["Lakemont University", "Eastvale University"]
    assert _values(document, "field_of_study") == ["Maritime Law", "Social Law"]


def test_a_name_cut_on_its_joint_word_takes_the_next_entrys_first_line(
    segment_text: Segment, nlp: Language
) -> None:
    segmented = segment_text(
        "Education\n\nB.A. in Media Studies, BRENTON COLLEGE OF\nNEW YORK\n"
        "Physics coursework, TARROW STATE UNIVERSITY\n"
    )
    spans = analyse(nlp, [segmented])[0]
    (section,) = [s for s in segmented.sections if s.kind is SectionKind.EDUCATION]
    lines = [line for entry in section.entries for line in (*entry.header, *entry.body)]
    # The segmenter's cut after "OF", as the collapsed page made it.
    cut = (Entry(header=(lines[0],), body=()), Entry(header=tuple(lines[1:]), body=()))
    parts = school_entries(cut, spans)
    assert [[line.content for line in part.header] for part in parts] == [
        ["B.A. in Media Studies, BRENTON COLLEGE OF", "NEW YORK"],
        ["Physics coursework, TARROW STATE UNIVERSITY"],
    ]


def test_a_dated_field_line_cut_off_a_lone_degree_goes_back_to_it(
    segment_text: Segment, nlp: Language
) -> None:
    segmented = segment_text(
        "Education\n\nBrenton College\nBachelors Degree\nComputer Science/ Banking & Finance 1992\n"
    )
    spans = analyse(nlp, [segmented])[0]
    (section,) = [s for s in segmented.sections if s.kind is SectionKind.EDUCATION]
    lines = [line for entry in section.entries for line in (*entry.header, *entry.body)]
    # The segmenter's cut before the dated line, as the collapsed page made it.
    cut = (Entry(header=tuple(lines[:2]), body=()), Entry(header=(lines[2],), body=()))
    (joined,) = school_entries(cut, spans)
    assert [line.content for line in joined.header] == [
        "Brenton College",
        "Bachelors Degree",
        "Computer Science/ Banking & Finance 1992",
    ]


def test_a_period_line_closing_a_school_is_the_next_school_s_when_periods_lead(
    extract_text: Callable[[str], ExtractedDocument],
) -> None:
    """Each school follows its period: the segmenter ended the first entry with the second
    school's period."""
    schools = extract_text(
        "Education\n2008\n\nPhD., University of Brenton, Santa Barbara.\nComputer Science\n\n"
        "2002\n\nMS., Northvale Institute of Technology, Bombay, India.\nApplied Mathematics\n"
    ).education
    years = [
        school.dates.end.value.year if school.dates and school.dates.end else None
        for school in schools
    ]
    assert years == [2008, 2002]


def test_schools_listed_before_any_heading_are_read(
    extract_text: Callable[[str], ExtractedDocument],
) -> None:
    schools = extract_text(
        '"Master of Science in Special Education\nMay 2006\nBrenton University, Baltimore, MD\n'
        "Bachelor of Arts in Social Sciences\nNorthvale University, Baltimore, MD\n\n"
        "PROFESSIONAL EXPERIENCE\nTeacher, Brenton Public Schools, 2008 - present\n"
    )
    assert _values(schools, "institution") == ["Brenton University", "Northvale University"]


def test_a_degree_after_a_name_over_an_affiliation_is_no_school(
    extract_text: Callable[[str], ExtractedDocument],
) -> None:
    schools = extract_text(
        "Jane Doe, Ed. D.\nBrenton University\n1 University Avenue\n\n"
        "EXPERIENCE\nDean, Brenton University, 2014 - present\n"
    ).education
    assert schools == ()


def test_a_level_s_heading_over_a_degree_is_no_degree(
    extract_text: Callable[[str], ExtractedDocument],
) -> None:
    schools = extract_text(
        "Education\nUNDERGRADUATE DEGREE\nBSc - Computer Science\nUniversity of Brenton\n"
        "2000 - 2003\n"
    )
    assert _values(schools, "degree") == ["BSc"]


def test_a_column_of_degrees_keeps_its_first_degree(
    extract_text: Callable[[str], ExtractedDocument],
) -> None:
    """ "Ph.D." over "M.A." names a degree, not a level: no heading."""
    schools = extract_text(
        "EDUCATION\nPh.D.\nM.A.\nBrenton University: Education, 1987\n"
        "Brenton University: Sociology, 1986\n"
    )
    assert "Ph.D." in _values(schools, "degree")


def test_lines_that_each_name_a_school_and_a_period_are_a_school_each(
    extract_text: Callable[[str], ExtractedDocument],
) -> None:
    schools = extract_text(
        "Educational Qualification :\nGraduate in Commerce, Marigold College of Arts, 2003 - 04\n"
        "Post graduate in Commerce, University of Brenton, 2004-05\n"
    )
    assert _values(schools, "institution") == ["Marigold College of Arts", "University of Brenton"]
