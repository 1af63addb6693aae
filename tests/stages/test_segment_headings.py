"""Headings in spaced capitals (issue 14): a PDF's letter spacing or small capitals cut a heading's
words apart ("E D U C AT IO N"); its letters run together still name the section."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_etl.stages.segment import SectionClassifier, SegmentedDocument
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
