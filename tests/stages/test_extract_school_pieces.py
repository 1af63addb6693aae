"""Which header pieces of an education entry may be the school (``_school_pieces``): a course
taken in a training list is none (issue 14)."""

from __future__ import annotations

from collections.abc import Callable

from resume_etl.stages.extract import ExtractedDocument

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


def test_a_training_school_with_a_school_word_is_still_the_school(extract_text: Extract) -> None:
    document = extract_text(
        "Education\n\nEastvale Teacher Training College\nDiploma in Education, 2012\n"
    )
    assert _institutions(document) == ["Eastvale Teacher Training College"]
