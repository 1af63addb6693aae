"""Headings in spaced capitals (issue 14): a PDF's letter spacing or small capitals cut a heading's
words apart ("E D U C AT IO N"); its letters run together still name the section. And an
employer named like a heading right under a job's period is no heading. Every name here is
invented."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_etl.stages.segment import SectionClassifier, SegmentedDocument
from resume_etl.stages.segment.lines import split_lines
from resume_etl.stages.segment.sections import group_by_heading
from resume_etl.vocab import SectionKind

Segment = Callable[[str], SegmentedDocument]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("E D U C AT IO N", SectionKind.EDUCATION),
        ("P ROFE SSI ONAL E XPER IENCE", SectionKind.EXPERIENCE),
        ("S K I L L S", SectionKind.SKILLS),
    ],
)
def test_a_heading_in_spaced_capitals_names_its_section(
    classifier: SectionClassifier, heading: str, kind: SectionKind
) -> None:
    assert classifier.classify(heading) is kind


def test_spaced_letters_in_lower_case_or_of_no_phrase_name_nothing(
    classifier: SectionClassifier,
) -> None:
    assert classifier.classify("e d u c at io n") is None
    assert classifier.classify("S AMPLE WORKS") is None


@given(st.lists(st.integers(min_value=1, max_value=9), min_size=1, max_size=12))
def test_any_cut_of_a_phrase_in_capitals_names_its_section(
    classifier: SectionClassifier, cuts: list[int]
) -> None:
    letters = "EDUCATION"
    pieces, start = [], 0
    for cut in sorted(set(cuts)):
        pieces.append(letters[start:cut])
        start = cut
    pieces.append(letters[start:])
    assert classifier.classify(" ".join(piece for piece in pieces if piece)) is (
        SectionKind.EDUCATION
    )


def test_the_schools_under_a_spaced_heading_are_read(segment_text: Segment) -> None:
    document = segment_text(
        "Jane Roe\n\nS K I L L S\nCooking, baking\n\nE D U C AT IO N\n"
        "Master of Music (2003-2004)\nEastvale University\n"
    )
    kinds = [section.kind for section in document.sections]
    assert SectionKind.EDUCATION in kinds


def test_a_sentence_closed_inside_its_quotes_is_no_heading(segment_text: Segment) -> None:
    document = segment_text(
        "Jane Roe\n\nEducation\n\nEastvale University (Eastvale, MO)\nPh.D. Systems Engineering\n"
        "Dissertation: “A novel method for early stage\nSystems Engineering Methods.”\n"
        "May 2015\n\nLakemont University\nB.S. Computer Engineering\nMay 2011\n"
    )
    kinds = [section.kind for section in document.sections]
    assert SectionKind.SKILLS not in kinds


def _kinds_and_headings(text: str, classifier: SectionClassifier) -> list[tuple[str, str | None]]:
    groups = group_by_heading(split_lines(text), classifier)
    return [(kind.value, heading.content if heading else None) for kind, heading, _ in groups]


_EMPLOYERS_NAMED_LIKE_HEADINGS = (
    "Jane Roe\n"
    "Experience\n"
    "Educational Consultant\n"
    "4/1/2009 - 7/1/2014\n"
    "Brightwell Education\n"
    "Fairview, CA\n"
    "Educational Consultant\n"
    "9/1/2004 - 4/1/2009\n"
    "The Learning Skills Place\n"
    "Fairview, CA\n"
    "Education\n"
    "BA in English, Marlow College, 2004\n"
)


def test_an_employer_named_like_a_heading_under_a_jobs_period_is_no_heading(
    classifier: SectionClassifier,
) -> None:
    assert _kinds_and_headings(_EMPLOYERS_NAMED_LIKE_HEADINGS, classifier) == [
        ("header", None),
        ("experience", "Experience"),
        ("education", "Education"),
    ]


def test_a_section_phrase_under_the_last_jobs_period_still_opens_its_section(
    classifier: SectionClassifier,
) -> None:
    text = "Experience\nShop Assistant, Harwick Books\n2016 - 2019\nSkills\nStock control\n"
    assert [kind for kind, _ in _kinds_and_headings(text, classifier)] == [
        "experience",
        "skills",
    ]


@pytest.mark.parametrize(
    "heading",
    ["SUMMARY OF QUALIFICATIONS", "Key Qualifications:", "Core Qualifications", "Qualifications"],
)
def test_a_summary_of_qualifications_is_no_education(
    classifier: SectionClassifier, heading: str
) -> None:
    """A US résumé's "Summary of Qualifications" lists strengths; "Qualifications" alone is
    still the schools."""
    expected = SectionKind.EDUCATION if heading == "Qualifications" else SectionKind.SUMMARY
    assert classifier.classify(heading) is expected


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("EDUCATION AND CERTIFICATIONS", SectionKind.EDUCATION),
        ("Degrees & Awards", SectionKind.EDUCATION),
        ("Certifications & Training", SectionKind.OTHER),
        ("Honors and Awards", SectionKind.OTHER),
        ("COLLEGE OF EDUCATION COMMITTEES", SectionKind.OTHER),
    ],
)
def test_a_heading_joining_a_catch_all_section_to_the_one_it_names_first_is_that_one(
    classifier: SectionClassifier, heading: str, kind: SectionKind
) -> None:
    """Joined by "and", "&" or a slash, a section whose entries are read, named first, wins
    over awards or certifications after it; named after them, or with nothing joined, the
    heading keeps the kind it had."""
    assert classifier.classify(heading, max_extra_words=4) is kind


@pytest.mark.parametrize("heading", ["ACADEMIC QUALIFICATION", "Educational Profile"])
def test_a_singular_qualification_names_the_schools(
    classifier: SectionClassifier, heading: str
) -> None:
    assert classifier.classify(heading) is SectionKind.EDUCATION


def test_a_heading_closed_by_a_colon_ends_a_one_per_line_skills_list(
    segment_text: Segment,
) -> None:
    sections = segment_text(
        "Jane Doe\n\nRelevant Skills:\nNetwork troubleshooting\nActive Directory\n"
        "Internship/Experience:\nBrenton Systems\nNetwork Administrator\n"
    ).sections
    assert [section.kind for section in sections][-2:] == [
        SectionKind.SKILLS,
        SectionKind.EXPERIENCE,
    ]


def test_additional_information_is_a_section_of_its_own(classifier: SectionClassifier) -> None:
    assert classifier.classify("Additional Information") is SectionKind.OTHER
