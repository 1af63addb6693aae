"""Which header pieces of an education entry may be the school (``_school_pieces``): a course
taken in a training list is none (issue 14)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from resume_etl.records import EducationRecord
from resume_etl.stages.extract import ExtractedDocument
from resume_etl.stages.validate import validate

Extract = Callable[[str], ExtractedDocument]


def _institutions(document: ExtractedDocument) -> list[str | None]:
    return [getattr(school.institution, "value", None) for school in document.education]


def test_a_dated_course_in_a_training_list_is_no_school(extract_text: Extract) -> None:
    document = extract_text(
        "Training\n\nForklift Safety Training, 2019\nFirst Aid Certification, 2018\n"
        "Spreadsheet workshop at Eastvale Library, 2017\n\n"
        "Experience\n\nWarehouse Clerk, Acme Widgets, 2016 - 2020\n"
    )
    institutions = _institutions(document)
    assert "Forklift Safety Training" not in institutions
    assert "First Aid Certification" not in institutions
    assert not any(name and "workshop" in name for name in institutions)


def test_a_certification_under_a_joint_heading_is_no_school(extract_text: Extract) -> None:
    """A heading like "Education and Certifications" heads education; its certifications are held,
    not schools attended."""
    document = extract_text(
        "Education and Certifications\n\nB.S. Computer Science, Brenton University, 2012\n"
        "Certified Scrum Master, 2016\nPMP Certified, 2017\n\n"
        "Experience\n\nAnalyst, Acme Widgets, 2013 - 2020\n"
    )
    institutions = _institutions(document)
    assert institutions[0] == "Brenton University"
    assert "Certified Scrum Master" not in institutions
    assert "PMP Certified" not in institutions


def test_a_training_school_with_a_school_word_is_still_the_school(extract_text: Extract) -> None:
    document = extract_text(
        "Education\n\nEastvale Teacher Training College\nDiploma in Education, 2012\n"
    )
    assert _institutions(document) == ["Eastvale Teacher Training College"]


def _fields(document: ExtractedDocument) -> list[str | None]:
    return [getattr(school.field_of_study, "value", None) for school in document.education]


def test_a_degree_alone_on_its_line_takes_the_field_under_it(extract_text: Extract) -> None:
    document = extract_text(
        "Jane Roe\n\nEDUCATION\n\nBS\nMechanical Engineering, 1995: Lakemont University, "
        "Eastvale, NJ\n\nSUMMARY\n\nEngineer with ten years of practice.\n"
    )
    assert _institutions(document) == ["Lakemont University"]
    assert _fields(document) == ["Mechanical Engineering"]


def test_a_school_under_a_degree_alone_on_its_line_stays_the_school(
    extract_text: Extract,
) -> None:
    document = extract_text(
        "Education\n\nB.A.\n\nLakemont University, 1976.\nMajor History\n"
        "Eastvale State University, 1980.\nMajor Special Education\n"
    )
    assert "Lakemont University" in _institutions(document)
    assert "Lakemont University" not in _fields(document)


def test_a_name_under_a_degree_with_no_school_elsewhere_is_no_field(extract_text: Extract) -> None:
    document = extract_text("Education\n\nBachelor of Arts\nLakemont Tech\nEastvale, NC\n")
    assert _fields(document) == [None]


def test_a_degree_before_a_gpa_after_a_comma_is_the_degree(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\nEastvale Naval Academy, Springfield, Ohio, 1993\n"
        "Bachelor of Science in General Engineering, GPA: 3.87\nMinor: Economics\n"
    ).education
    assert getattr(school.degree, "value", None) == "Bachelor of Science"
    assert getattr(school.field_of_study, "value", None) == "General Engineering"
    assert getattr(school.gpa, "value", None) == 3.87


def test_a_school_name_cut_by_a_line_break_is_joined(extract_text: Extract) -> None:
    document = extract_text(
        "Education\n\n1996 - 2000: Bachelor of Science in Mechanical Engineering, "
        "Eastvale Technological\nUniversity\n\nBachelor of Arts, Westbrook College of\n"
        "Fine Arts, 2003\n"
    )
    assert _institutions(document) == [
        "Eastvale Technological University",
        "Westbrook College of Fine Arts",
    ]
    # The name's span runs across the break, and validation accepts it.
    validated = validate(document, dt.date(2026, 1, 1))
    assert not validated.quarantine
    text = document.segmented.document.text
    rows = [row for row in validated.rows["education"] if isinstance(row, EducationRecord)]
    spans = [row.institution_span for row in rows if row.institution_span]
    assert [text[span.start : span.end] for span in spans] == [
        "Eastvale Technological\nUniversity",
        "Westbrook College of\nFine Arts",
    ]


def test_a_field_over_a_school_line_is_not_joined_to_it(extract_text: Extract) -> None:
    document = extract_text(
        "Education\n\nBachelor of Science, Physics\nUniversity of Lakemont\n2001 - 2005\n"
    )
    assert _institutions(document) == ["University of Lakemont"]


def test_a_state_code_after_a_town_is_no_degree(extract_text: Extract) -> None:
    document = extract_text(
        "Education\n\nLakemont University, Lakeside, MD\nBachelor of Arts in History, 2010\n"
        "Eligible for Teaching Certification by the state board\n12 Third Street\n"
        "Eastvale, MD 21222\n\nSkills\n\nExcel\n"
    )
    degrees = [getattr(school.degree, "value", None) for school in document.education]
    assert degrees == ["Bachelor of Arts"]


def test_a_degree_after_a_name_and_comma_on_its_own_stays_a_degree(extract_text: Extract) -> None:
    document = extract_text("Education\n\nLakemont University\nMBA, 2012\n")
    degrees = [getattr(school.degree, "value", None) for school in document.education]
    assert degrees == ["MBA"]


def test_a_level_and_its_subject_written_as_a_name_are_a_degree(extract_text: Extract) -> None:
    document = extract_text(
        "Education\n\n2004 - 2005\nLakemont University\nMaster of Software Engineering\n\n"
        "Eastvale University\nDoctorate of Musical Arts (2005-2007)\n"
    )
    degrees = [getattr(school.degree, "value", None) for school in document.education]
    assert degrees == ["Master of Software Engineering", "Doctorate of Musical Arts"]
    assert _institutions(document) == ["Lakemont University", "Eastvale University"]


def test_a_title_ending_in_a_level_word_is_no_degree(extract_text: Extract) -> None:
    document = extract_text("Education\n\nLakemont University\nCertified Scrum Master, 2015\n")
    degrees = [getattr(school.degree, "value", None) for school in document.education]
    assert "Certified Scrum Master" not in degrees


def test_a_web_address_under_an_entry_is_no_school(extract_text: Extract) -> None:
    document = extract_text(
        "EDUCATION\n BACHELOR OF ARTS, MAJOR IN MUSIC\n"
        " Lakemont University, Eastvale, OK | Aug 2017 - May 2021\n GPA: 3.9\n\n"
        "  DIRECTOR OF MERCHANDISING, Marketing Department\n"
        " Alder Phi Society, Delta Chapter | Dec 2017 - Dec 2018\n"
        " Relative experience: Designs/oversees sales of all chapter merchandise,\n"
        " including apparel and accessories.\n   fb.me/alderphisociety\n"
    )
    institutions = _institutions(document)
    assert "Lakemont University" in institutions
    assert "fb.me/alderphisociety" not in institutions
