"""Education entries read from where each piece stands: school words in several languages, the
field after the degree, degrees no lexicon names, and the layouts real résumés use (issue 14)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_etl.dates import DateParser, DateRangeMatch
from resume_etl.stages.extract import ExtractedDocument
from resume_etl.stages.extract._school_pieces import graduation_dates
from resume_etl.stages.segment import is_date_line

Extract = Callable[[str], ExtractedDocument]


def _dates(candidate: object) -> DateRangeMatch | None:
    found = getattr(candidate, "dates", None)
    assert found is None or isinstance(found, DateRangeMatch)
    return found


def _value(found: object) -> str | None:
    return getattr(found, "value", None)


def test_the_field_after_the_degree_when_the_school_heads_the_entry(extract_text: Extract) -> None:
    (school,) = extract_text(
        "## Education\n\n### Northvale Polytechnic\nPhD, Applied Geophysics · *2017 – 2023*\n"
    ).education
    assert _value(school.institution) == "Northvale Polytechnic"
    assert _value(school.degree) == "PhD"
    assert _value(school.field_of_study) == "Applied Geophysics"


def test_a_school_word_in_another_language_names_the_institution(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\n10/2008 - 06/2013\nDiplom-Ingenieur in Maschinenbau, Erster Abschnitt\n"
        "Hochschule Brenntal\n"
    ).education
    assert _value(school.institution) == "Hochschule Brenntal"
    assert _value(school.degree) == "Diplom-Ingenieur"


def test_the_lone_piece_after_a_degree_is_the_school(extract_text: Extract) -> None:
    (school,) = extract_text("Education\n\nAbitur, Gymnasium Seeburg (2005 - 2014)\n").education
    assert _value(school.degree) == "Abitur"
    assert _value(school.institution) == "Gymnasium Seeburg"
    assert school.field_of_study is None


def test_a_degree_no_lexicon_names_written_with_in(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\n01/2009 - 12/2010\nTechnical Course in Carpentry\nBrightwater Trade School\n"
    ).education
    assert _value(school.degree) == "Technical Course"
    assert _value(school.field_of_study) == "Carpentry"
    assert _value(school.institution) == "Brightwater Trade School"


def test_a_degree_no_lexicon_names_under_the_school_line(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\nRiverbend School of Design\nClassroom Training, Print Production · "
        "(2008 - 2009)\n"
    ).education
    assert _value(school.institution) == "Riverbend School of Design"
    assert _value(school.degree) == "Classroom Training"
    assert _value(school.field_of_study) == "Print Production"


def test_the_field_is_the_last_in_complement(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\nMaster's Degree in Mechanical Engineering in Industrial Engineering\n"
        "University of Westmarch\n09/2019 - 06/2024\n"
    ).education
    assert _value(school.degree) == "Master's Degree in Mechanical Engineering"
    assert _value(school.field_of_study) == "Industrial Engineering"
    assert _value(school.institution) == "University of Westmarch"


def test_a_minor_stays_in_the_field(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\nB.A. Mathematics, minor in Economics — Larkspur College, 2010 - 2014\n"
    ).education
    assert _value(school.degree) == "B.A."


def test_long_dated_school_lines_are_one_entry_each(extract_text: Extract) -> None:
    schools = extract_text(
        "Education\n\nPhD in Physics (Laser Optics), Faculty of Science and Engineering, "
        "University of Eastmoor, Northern Campus of the Old Town (2020 – 2024)\n\n"
        "MSc in Physics, Faculty of Science and Engineering, University of Eastmoor (2018 – 2020)\n"
    ).education
    assert [_value(school.degree) for school in schools] == ["PhD", "MSc"]
    years = [
        school.dates.start.value.year for school in schools if school.dates and school.dates.start
    ]
    assert years == [2020, 2018]


def test_year_ranges_with_long_dashes_and_iso_months_are_date_lines() -> None:
    assert is_date_line("2010 — 2013")
    assert is_date_line("2016 – 2020")
    assert is_date_line("2010-08 — 2013-08")
    assert not is_date_line("ISO 9001-2015")


def test_the_place_after_the_school_is_its_location(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\nBachelor of Arts in History\nUniversity of Westmarch, Leeds, United Kingdom\n"
        "2014-09 — 2017-06\n"
    ).education
    assert _value(school.institution) == "University of Westmarch"
    assert _value(school.location) == "Leeds, United Kingdom"
    assert _value(school.field_of_study) == "History"


def test_degrees_beyond_us_and_uk_forms_take_their_field(extract_text: Extract) -> None:
    schools = extract_text(
        "Education\n\n2016 - 2018\nLaurea Magistrale in Ingegneria Informatica\n"
        "Politecnico di Valdoria\n\n2012 - 2016\nMPhys Physics\nUniversity of Eastmoor\n"
    ).education
    assert [_value(school.degree) for school in schools] == ["Laurea Magistrale", "MPhys"]
    assert [_value(school.field_of_study) for school in schools] == [
        "Ingegneria Informatica",
        "Physics",
    ]
    assert [_value(school.institution) for school in schools] == [
        "Politecnico di Valdoria",
        "University of Eastmoor",
    ]


def test_a_wrapped_sentence_is_no_unnamed_degree(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\nRiverbend School of Design\n2012-present: Associate Professor, with tenure\n"
    ).education
    assert school.degree is None


def test_a_word_that_qualifies_the_date_is_no_school(extract_text: Extract) -> None:
    schools = extract_text(
        "EDUCATION\n Harwell Technical College\n B.Sc. in Computing\n Expected July 2014\n"
        "\n Oakfield High School\n Expected July 2010\n"
    ).education
    institutions = [_value(school.institution) for school in schools]
    assert "Expected" not in institutions
    assert "Harwell Technical College" in institutions


def test_a_piece_without_school_word_degree_or_date_is_no_school(extract_text: Extract) -> None:
    institutions = [
        _value(school.institution)
        for school in extract_text(
            "Education\n\nBachelor of Arts - History\nLakemont University\n\n"
            "Core Qualifications\n\nClerical skills\nAdministrative support\n"
        ).education
    ]
    assert "Lakemont University" in institutions
    assert "Clerical skills" not in institutions
    assert "Administrative support" not in institutions


def test_a_technical_college_acronym_is_a_school_word(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\nCertificate IV in Kitchen Management\n\nNorthgate TAFE, Sydney\n"
    ).education
    assert _value(school.institution) == "Northgate TAFE"


def test_degree_abbreviations_written_without_their_last_dot(extract_text: Extract) -> None:
    schools = extract_text(
        "Education\n\nM.A Education Administration, Lakemont University (1993)\n\n"
        "B.E in Mechanical Engineering, Eastvale Institute of Technology (2011)\n\n"
        "B.S.Ed., Physical Education, Northvale University (2008)\n\n"
        "Ed.S., Westbrook State University (1989)\n\nPhD., Eastmoor University (1999)\n"
    ).education
    assert [_value(school.degree) for school in schools] == [
        "M.A",
        "B.E",
        "B.S.Ed.",
        "Ed.S.",
        "PhD.",
    ]
    assert [_value(school.institution) for school in schools] == [
        "Lakemont University",
        "Eastvale Institute of Technology",
        "Northvale University",
        "Westbrook State University",
        "Eastmoor University",
    ]


def test_a_degree_written_in_capitals_is_read_whole(extract_text: Extract) -> None:
    # Only short forms that are ordinary words or ambiguous ("BS", "MD", "SSC", "BCL") match in
    # their exact case; a degree's full name matches however it is written.
    schools = extract_text(
        "Education\n\nMATRICULATION, Northvale High School (2004)\n\n"
        "BACHELOR OF CIVIL LAW, Lakemont University (2010)\n\n"
        "DOCTOR OF MEDICINE, Eastmoor University (2016)\n\n"
        "B.S.E in Civil Engineering, Westbrook State University (2008)\n"
    ).education
    assert [(_value(school.degree), school.degree_level) for school in schools] == [
        ("MATRICULATION", "secondary"),
        ("BACHELOR OF CIVIL LAW", "bachelor"),
        ("DOCTOR OF MEDICINE", "doctorate"),
        ("B.S.E", "bachelor"),
    ]


def test_the_name_after_from_is_the_school(extract_text: Extract) -> None:
    schools = extract_text(
        "Education\n\nBachelor of Engineering in Computer Science from Eastvale Eng. college, "
        "Rivermouth, India\nYear: 2004-2007\n"
        "Diploma in Electronics from NVT, Springfield, India\nYear: 2000-2003\n"
    ).education
    assert [_value(school.institution) for school in schools] == ["Eastvale Eng. college", "NVT"]
    assert [_value(school.field_of_study) for school in schools] == [
        "Computer Science",
        "Electronics",
    ]


def test_a_high_school_named_before_its_diploma_is_the_school(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\nLakeside National High School, Springfield CA\n"
        "High School Diploma expected in June 2015\n"
    ).education
    assert _value(school.institution) == "Lakeside National High School"
    assert _value(school.degree) == "High School Diploma"


def test_a_distinction_is_no_school(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\nBachelor of Arts in Music and Drama, June 2014\nMagna Cum Laude\n"
    ).education
    assert school.institution is None
    assert _value(school.field_of_study) == "Music and Drama"


def test_a_school_after_a_comma_is_a_piece_of_its_own(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\nGraduate in Commerce, Lakemont College of Arts, 2003 - 04\n"
    ).education
    assert _value(school.institution) == "Lakemont College of Arts"
    assert _value(school.degree) == "Graduate"
    assert _value(school.field_of_study) == "Commerce"


def test_education_headings_of_job_board_resumes_open_the_section(extract_text: Extract) -> None:
    document = extract_text(
        "Professional Experience:\nSenior Attorney\nDuration: March 2008 to October 2012\n"
        "Academic History:\nCompleted Masters in Maritime Law from Eastvale University\n"
        "Educational Qualification :\nGraduate in Commerce, Lakemont College of Arts, 2003 - 04\n"
    )
    institutions = [_value(school.institution) for school in document.education]
    assert institutions == ["Eastvale University", "Lakemont College of Arts"]


def test_a_column_label_or_a_grade_is_no_school(extract_text: Extract) -> None:
    institutions = [
        _value(school.institution)
        for school in extract_text(
            "Education\n\nUniversity/Board\n2003\n81.40\n\nLakemont University\n1997\n"
        ).education
    ]
    assert "University/Board" not in institutions
    assert "81.40" not in institutions


def test_a_school_line_closed_by_a_full_stop_heads_a_school(extract_text: Extract) -> None:
    schools = extract_text(
        "Education\n\nDiploma in Radio Presenting and Production, Lakemont Media College.\n"
        "Bachelors in Media Studies, Eastvale School of Media Studies.\n"
        "Finished both programmes with distinction.\n"
    ).education
    assert [_value(school.degree) for school in schools] == ["Diploma", "Bachelors"]
    assert [_value(school.field_of_study) for school in schools] == [
        "Radio Presenting and Production",
        "Media Studies",
    ]
    assert [_value(school.institution) for school in schools] == [
        "Lakemont Media College",
        "Eastvale School of Media Studies",
    ]


def test_a_bullet_closing_with_its_year_is_a_school_of_its_own(extract_text: Extract) -> None:
    schools = extract_text(
        "EDUCATION\n- Ed.D., School Finance and Governance, Lakemont University, Springfield, "
        "1988\n- B.S., Elementary Education, Eastvale State University, Towson, 1976\n"
    ).education
    assert [_value(school.institution) for school in schools] == [
        "Lakemont University",
        "Eastvale State University",
    ]
    assert [_value(school.degree) for school in schools] == ["Ed.D.", "B.S."]


def test_a_degree_before_a_colon_is_no_label(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\nLakemont University, May 2016\nBachelor of Science: Elementary Education\n"
    ).education
    assert _value(school.degree) == "Bachelor of Science"
    assert _value(school.field_of_study) == "Elementary Education"


def test_the_name_before_a_bare_level_word_is_part_of_the_degree(extract_text: Extract) -> None:
    schools = extract_text(
        "Education\n\nLakemont College, Springfield\nComputer System Technician Diploma, 2003\n\n"
        "Paralegal Certificate (1999)\nEastvale College\n"
    ).education
    assert [_value(school.degree) for school in schools] == [
        "Computer System Technician Diploma",
        "Paralegal Certificate",
    ]


def test_a_lone_date_is_the_graduation(extract_text: Extract) -> None:
    (school,) = extract_text("Education\n\nBSc Physics, Northvale University, 2014\n").education
    school_dates = _dates(school)
    assert school_dates is not None
    assert school_dates.start is None
    assert school_dates.end is not None and school_dates.end.value.year == 2014
    assert not school_dates.is_current


def test_a_lone_date_labelled_a_start_stays_the_start(extract_text: Extract) -> None:
    for label in ("Enrolled", "From:", "Started"):
        (school,) = extract_text(
            f"Education\n\nMSc Geology, Northvale University, {label} Sep 2021\n"
        ).education
        school_dates = _dates(school)
        assert school_dates is not None
        assert school_dates.start is not None and school_dates.start.value.year == 2021
        assert school_dates.end is None


def test_an_open_or_closed_range_of_a_school_is_kept(extract_text: Extract) -> None:
    ongoing, closed = extract_text(
        "Education\n\nMSc Geology, Northvale University, 2021 - Present\n\n"
        "BSc Physics, Lakemont College, 2014 - 2017\n"
    ).education
    ongoing_dates = _dates(ongoing)
    assert ongoing_dates is not None and ongoing_dates.is_current
    assert ongoing_dates.start is not None and ongoing_dates.start.value.year == 2021
    closed_dates = _dates(closed)
    assert closed_dates is not None and closed_dates.start is not None
    assert closed_dates.start.value.year == 2014
    assert closed_dates.end is not None and closed_dates.end.value.year == 2017


def test_a_jobs_lone_date_stays_its_start(extract_text: Extract) -> None:
    (job,) = extract_text("Experience\n\nData Analyst, Trelio AG, 2019\n").experiences
    job_dates = _dates(job)
    assert job_dates is not None and job_dates.end is None
    assert job_dates.start is not None and job_dates.start.value.year == 2019


def test_a_lone_date_followed_by_an_ongoing_word_is_an_open_start(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\nPhD, Geology (Northvale University)\n: 2018 (current)\n"
    ).education
    school_dates = _dates(school)
    assert school_dates is not None and school_dates.is_current
    assert school_dates.start is not None and school_dates.start.value.year == 2018
    assert school_dates.end is None


_PARSER = DateParser()
_MONTHS = st.sampled_from(["", "May ", "Sep ", "June ", "December "])


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(["BSc Physics, Northvale University, ", "Lakemont College | ", "MBA "]),
    _MONTHS,
    st.integers(1960, 2024),
    st.sampled_from(["", "Enrolled ", "From: ", "since "]),
    st.sampled_from(["", " - 2026", " – Present"]),
)
def test_only_a_lone_unlabelled_school_date_moves_to_the_end(
    school: str, month: str, year: int, label: str, rest: str
) -> None:
    text = f"{school}{label}{month}{year}{rest}"
    (found,) = _PARSER.find_ranges(text)
    read = graduation_dates(found, text)
    assert read is not None
    if label or rest:  # a start label, an open range or a closed one: as the parser read it
        assert read == found
    else:
        assert read.start is None and not read.is_current
        assert read.end == found.start and read.end is not None and read.end.value.year == year


def test_a_school_before_a_colon_is_the_school_not_a_label(extract_text: Extract) -> None:
    first, second = extract_text(
        "Education\n\nNorthvale University: Sociology, 1986\n"
        "Brenton College: Philosophy, 1980, Magna cum laude\n"
    ).education
    assert _value(first.institution) == "Northvale University"
    assert _value(second.institution) == "Brenton College"
    first_dates = _dates(first)
    assert first_dates is not None and first_dates.end is not None
    assert first_dates.end.value.year == 1986


def test_a_label_without_a_school_word_still_holds_nothing(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\nBachelor of Arts, Northvale University, 2001\nPercentage: 78\n"
    ).education
    assert _value(school.institution) == "Northvale University"


def test_a_degree_opening_a_long_line_is_still_the_degree(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\nNorthvale State University\n"
        "B.A. Media Studies with a concentration in Corporate Communications and a minor\n"
    ).education
    assert _value(school.degree) is not None
    assert str(_value(school.degree)).startswith("B.A.")
    assert _value(school.institution) == "Northvale State University"


def test_the_field_alone_under_a_degree_and_school_line(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\nPhD., University of Northvale, Lakemont.\nApplied Geophysics\n"
    ).education
    assert _value(school.degree) == "PhD."
    assert _value(school.field_of_study) == "Applied Geophysics"
    assert _value(school.institution) == "University of Northvale"


def test_a_field_after_a_colon_the_wrap_put_under_its_degree(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\nBachelor of Arts\n\n: Business Administration\n\nBrenton Hill\n\nGPA: 3.9\n"
    ).education
    assert _value(school.degree) == "Bachelor of Arts"
    assert _value(school.field_of_study) == "Business Administration"
    assert _value(school.institution) == "Brenton Hill"


def test_a_place_under_the_school_line_is_no_field(extract_text: Extract) -> None:
    (school,) = extract_text("Education\n\nBSc, University of Northvale\nLeeds, UK\n").education
    assert _value(school.field_of_study) is None


def test_a_degree_with_its_grade_in_brackets_is_still_the_degree(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\nBSc in Physics (GPA 3.8/4.0), Northvale University, 2010\n"
    ).education
    assert _value(school.degree) == "BSc"
    assert _value(school.field_of_study) == "Physics"
    assert _value(school.institution) == "Northvale University"
    assert _value(school.gpa) == 3.8


def test_a_school_told_in_a_sentence_is_the_name_after_its_preposition(
    extract_text: Extract,
) -> None:
    (school,) = extract_text(
        "Education\n\n2003-2004\nSpent one year in University of Lakemont\n"
    ).education
    assert _value(school.institution) == "University of Lakemont"


def test_a_sentence_naming_no_school_word_is_left_whole(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\n2003-2004\nSpent one year in Lakemont Harbour\n"
    ).education
    assert _value(school.institution) == "Spent one year in Lakemont Harbour"


def test_schools_listed_under_a_heading_not_named_education(extract_text: Extract) -> None:
    schools = extract_text(
        "Jane Doe\n\nProfessional Development\n"
        "Lakemont State University, Dallas, TX\nMaster of Arts, Educational Administration, 2004\n"
    ).education
    assert [_value(s.institution) for s in schools] == ["Lakemont State University"]
    assert _value(schools[0].degree) == "Master of Arts"


@pytest.mark.parametrize(
    "section",
    [
        "Awards\nOutstanding Teaching Award, School of Education, Northvale University, 1995\n",
        "Certifications\nAlgorithmic Toolbox by University of Lakemont "
        "https://example.org/accomplishments/certificate/KSF3\n",
        "Activities\nHigh School Testimonial\n",
    ],
)
def test_an_entry_elsewhere_without_a_degree_and_a_school_is_no_school(
    extract_text: Extract, section: str
) -> None:
    assert not extract_text(f"Jane Doe\n\n{section}").education


def test_a_field_the_ner_reads_as_a_place_is_the_field(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\nUniversity of Northvale\nBA, Early Childhood, August 1981\n"
    ).education
    assert _value(school.degree) == "BA"
    assert _value(school.field_of_study) == "Early Childhood"


def test_a_place_a_pattern_names_after_the_degree_stays_no_field(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\nUniversity of Northvale\nBSc, Leeds, UK, 2004\n"
    ).education
    assert school.field_of_study is None


def test_a_status_after_the_degree_is_neither_degree_nor_field(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\nPh.D. candidate in Soil Physics, Northvale University, 2019 - present\n"
    ).education
    assert _value(school.degree) == "Ph.D."
    assert _value(school.field_of_study) == "Soil Physics"
    assert _value(school.institution) == "Northvale University"


def test_a_field_named_studies_keeps_its_first_word(extract_text: Extract) -> None:
    """A field's name may start with "Studies" ("Studies of Religion"); the word says nothing
    of how far the study went, unlike "candidate" or "coursework"."""
    (school,) = extract_text(
        "Education\n\nBachelor of Arts in Studies of Religion, Brenton University, 2014\n"
    ).education
    assert _value(school.field_of_study) == "Studies of Religion"
    assert _value(school.institution) == "Brenton University"


def test_a_distinction_before_the_field_is_no_part_of_it(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\nB.A., Summa Cum Laude; Highest Honors in Political Science; "
        "Brenton State College, 1980.\n"
    ).education
    assert _value(school.degree) == "B.A."
    assert _value(school.field_of_study) == "Political Science"


@pytest.mark.parametrize(
    "line", ["BSc, Computer Engineering 2:1", "BSc, Computer Engineering (Cum Laude)"]
)
def test_a_class_or_distinction_after_the_field_is_no_part_of_it(
    extract_text: Extract, line: str
) -> None:
    (school,) = extract_text(f"Education\n\n2005-2008 Northvale University\n{line}\n").education
    assert _value(school.field_of_study) == "Computer Engineering"


def test_a_status_word_that_begins_the_field_s_name_stays_in_it(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\n\nBSc, Program Management, Northvale University, 2010\n"
    ).education
    assert _value(school.field_of_study) == "Program Management"


def test_a_spaced_dash_ends_the_school_s_name_that_leads_a_line(extract_text: Extract) -> None:
    schools = extract_text(
        "Education\n2010 Brenton University - Bachelor in Commerce\n"
        "2012 Northvale University - Master in Finance\n"
    ).education
    assert [_value(school.institution) for school in schools] == [
        "Brenton University",
        "Northvale University",
    ]


def test_a_school_named_with_a_degree_s_words_is_the_school(extract_text: Extract) -> None:
    (school,) = extract_text("Education\nHSC, Brenton Higher Secondary School, 2001\n").education
    assert _value(school.institution) == "Brenton Higher Secondary School"
    assert _value(school.degree) == "HSC"


def test_a_degree_after_a_verb_with_its_school_after_from_is_still_read(
    extract_text: Extract,
) -> None:
    (school,) = extract_text(
        "Academic History:\nCompleted Masters in Immigration Law from Brenton University\n"
    ).education
    assert _value(school.institution) == "Brenton University"
    assert _value(school.degree) == "Masters"


@pytest.mark.parametrize(("written", "degree"), [("M.Com", "M.Com"), ("M.E.", "M.E.")])
def test_indian_master_s_degrees_are_degrees(
    extract_text: Extract, written: str, degree: str
) -> None:
    (school,) = extract_text(f"Education\n{written} from University of Brenton, 2012\n").education
    assert _value(school.degree) == degree
    assert _value(school.institution) == "University of Brenton"


def test_a_school_s_name_right_after_the_degree_is_the_school_not_the_field(
    extract_text: Extract,
) -> None:
    schools = extract_text("EDUCATION\nM.B.A. Brenton University 2012\n").education
    assert [
        (_value(s.institution), _value(s.degree), _value(s.field_of_study)) for s in schools
    ] == [("Brenton University", "M.B.A.", None)]


def test_a_school_word_inside_a_field_keeps_it_a_field(extract_text: Extract) -> None:
    (school,) = extract_text(
        "Education\nBrenton University\nMaster of Education School Counseling\n2010\n"
    ).education
    assert _value(school.field_of_study) == "School Counseling"
    assert _value(school.institution) == "Brenton University"


def test_a_row_of_column_labels_names_no_school(extract_text: Extract) -> None:
    schools = extract_text(
        "Education\nCourse | Institute | Year | Percentage\n"
        "B.Tech | Brenton Institute of Technology | 2012 | 78%\n"
        "Class XII | Brenton Public School | 2008 | 85%\n"
    ).education
    assert [(_value(s.institution), _value(s.degree)) for s in schools] == [
        ("Brenton Institute of Technology", "B.Tech"),
        ("Brenton Public School", "Class XII"),
    ]


@pytest.mark.parametrize(
    "school", ["Name of University", "University of Name", "XXXXXXXX", "fb.me/some-page"]
)
def test_a_stand_in_or_a_link_is_no_school(extract_text: Extract, school: str) -> None:
    schools = extract_text(f"Education\nBachelor of Arts, English, {school}, 2010\n").education
    assert all(_value(s.institution) != school for s in schools)


def test_an_honour_list_is_no_school(extract_text: Extract) -> None:
    schools = extract_text(
        "Education\nBrenton High School, 2005\nMiddle School Academic Honor Roll, 2001\n"
    ).education
    assert [_value(s.institution) for s in schools if s.institution] == ["Brenton High School"]


@pytest.mark.parametrize(
    "line",
    ["High School Diploma anticipated in June 2009", "Leaving Certificate, 500 points, 2001"],
)
def test_a_status_or_a_score_where_the_field_stands_is_no_field(
    extract_text: Extract, line: str
) -> None:
    (school,) = extract_text(f"Education\nBrenton High School\n{line}\n").education
    assert school.field_of_study is None


def test_a_level_numbered_qualification_before_a_bare_certificate_is_its_name(
    extract_text: Extract,
) -> None:
    (school,) = extract_text(
        "Training\n\n2020 · QQI Level 6 Certificate in Solar PV Installation, Brenton University\n"
    ).education
    assert _value(school.degree) == "QQI Level 6 Certificate"
    assert _value(school.field_of_study) == "Solar PV Installation"
