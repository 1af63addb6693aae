from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import pytest

from resume_etl.evaluation.gold import GoldDocument
from resume_etl.evaluation.predicted import Predicted
from resume_etl.evaluation.real.data import DotinDocument, DotinSpan
from resume_etl.evaluation.real.dotin import (
    TAGGED_LOCATION,
    gold_values,
    header_locations,
    place_matches,
    score_document,
    title_parts,
)
from resume_etl.evaluation.real.report import Tally
from resume_etl.evaluation.real.runner import DocumentRows
from resume_etl.evaluation.real.split import Half

TEXT = (
    '"Jo Rivera  Austin, TX  jo@example.org  EXPERIENCE  Acme Robotics  Field Technician  '
    "2019  Dallas, TX  EDUCATION  Lakeside College  B.S. in Physics  2018  SKILLS  Python"
)


def _span(text: str, label: str, after: int = 0) -> DotinSpan:
    start = TEXT.index(text, after)
    return DotinSpan(start, start + len(text), label, text)


DOCUMENT = DotinDocument(
    id="set/1.xml",
    text=TEXT,
    spans=(
        _span("Jo Rivera", "Name"),
        _span("Austin, TX", "Location"),
        _span("jo@example.org", "Email Address"),
        _span("Acme Robotics", "Companies worked at"),
        _span("Field Technician", "Designation"),
        _span("Dallas, TX", "Location"),
        _span("Lakeside College", "College Name"),
        _span("B.S. in Physics", "Degree"),
        _span("2018", "Graduation Year"),
        _span("Python", "Tech Tools"),
    ),
)


def _rows(tables: Mapping[str, Sequence[Mapping[str, Any]]]) -> DocumentRows:
    return DocumentRows(Predicted(GoldDocument(document="x")), TEXT, tables)


def _f1(tally: Tally, field: str) -> float:
    group = tally.freeze("dotin", None, Half.DEV)
    score = group.field(field)
    assert score is not None, field
    return score.f1


def test_the_header_location_is_the_one_before_the_first_company() -> None:
    assert header_locations(DOCUMENT) == ["Austin, TX"]


def test_graduation_year_gold_is_its_year() -> None:
    document = DotinDocument("d", "May 2016", (DotinSpan(0, 8, "Graduation Year", "May 2016"),))
    assert gold_values(document, frozenset({"Graduation Year"})) == ["2016"]


def test_a_document_read_right_scores_one_on_every_field() -> None:
    rows = _rows(
        {
            "profiles": [{"name": "Jo Rivera", "location": "Austin, TX"}],
            "contacts": [{"kind": "email", "normalized": "jo@example.org"}],
            "experiences": [{"organization": "Acme Robotics", "role": "Field Technician"}],
            "education": [
                {
                    "institution": "Lakeside College",
                    "degree": "B.S.",
                    "field_of_study": "Physics",
                    "end_date": dt.date(2018, 1, 1),
                }
            ],
            "skills": [{"name": "Python", "spans": []}],
        }
    )
    tally = Tally()
    score_document(DOCUMENT, rows, tally)
    for field in (
        "profile.name",
        "profile.location",
        TAGGED_LOCATION,
        "contact.email",
        "work.organization",
        "work.role",
        "education.institution",
        "education.degree",
        "education.year",
        "skill",
    ):
        assert _f1(tally, field) == 1.0, field
    assert tally.coverage == {"documents with a job": 1, "documents with a school": 1}


def test_a_job_location_is_not_the_persons_location() -> None:
    tally = Tally()
    score_document(DOCUMENT, _rows({"profiles": [{"location": "Dallas, TX"}]}), tally)
    counts = tally.fields["profile.location"]
    assert (counts.true_positives, counts.false_positives, counts.false_negatives) == (0, 1, 1)


@pytest.mark.parametrize(
    ("predicted", "gold", "right"),
    [
        ("Elm Manor, Sandton", "Sandton", True),
        ("Upper Vill., New York City", "New York City", True),
        ("Cedar Lake, NJ 07400", "Lake, NJ", True),
        ("Austin, TX", "Austin, TX", True),
        ("Sandton, Johannesburg", "Sandton", False),
        ("Graduate School of Nursing, San Diego", "San Diego", False),
    ],
)
def test_a_place_named_with_its_district_matches_the_tagged_town(
    predicted: str, gold: str, right: bool
) -> None:
    assert place_matches(predicted, gold) is right


def test_an_untagged_header_counts_only_in_the_strict_location_row() -> None:
    untagged = DotinDocument(
        DOCUMENT.id, TEXT, tuple(s for s in DOCUMENT.spans if s.label != "Location")
    )
    tally = Tally()
    score_document(untagged, _rows({"profiles": [{"location": "Austin, TX"}]}), tally)
    strict, tagged = tally.fields["profile.location"], tally.fields[TAGGED_LOCATION]
    assert (strict.true_positives, strict.false_positives) == (0, 1)
    assert (tagged.true_positives, tagged.false_positives, tagged.false_negatives) == (0, 0, 0)


def test_a_document_the_pipeline_lost_misses_every_gold_value() -> None:
    tally = Tally()
    score_document(DOCUMENT, None, tally)
    assert tally.fields["work.role"].false_negatives == 1
    assert tally.fields["skill"].false_negatives == 1
    assert tally.coverage["documents with a job"] == 0


def _role_counts(spans: list[str], roles: list[str]) -> tuple[int, int, int]:
    """The work.role counts of a document whose Designation spans are ``spans``."""
    text = "  ".join(spans)
    found, start = [], 0
    for span in spans:
        start = text.index(span, start)
        found.append(DotinSpan(start, start + len(span), "Designation", span))
    tally = Tally()
    experiences = [{"role": role} for role in roles]
    score_document(
        DotinDocument("d", text, tuple(found)), _rows({"experiences": experiences}), tally
    )
    counts = tally.fields["work.role"]
    return counts.true_positives, counts.false_positives, counts.false_negatives


def test_a_role_listing_titles_tagged_one_by_one_is_one_hit() -> None:
    assert _role_counts(["Test Analyst", "Test Manager"], ["Test Analyst/Test Manager"]) == (
        1,
        0,
        0,
    )


def test_a_title_list_tagged_whole_is_one_gold_value_found_whole_or_by_its_parts() -> None:
    gold = ["Senior Engineer and Team Lead"]
    assert _role_counts(gold, ["Senior Engineer and Team Lead"]) == (1, 0, 0)
    assert _role_counts(gold, ["Senior Engineer", "Team Lead"]) == (1, 0, 0)
    assert _role_counts(gold, ["Team Lead"]) == (0, 1, 1)


def test_one_title_with_a_joint_in_it_is_still_found_whole() -> None:
    gold = ["Director of Finance and Administration"]
    assert _role_counts(gold, ["Director of Finance and Administration"]) == (1, 0, 0)
    assert _role_counts(gold, ["Director of Finance"]) == (0, 1, 1)


def test_the_titles_a_role_may_name() -> None:
    assert title_parts("Sales Associate & Social Media Manager") == [
        "Sales Associate",
        "Social Media Manager",
    ]
    assert title_parts("Executive Director and CEO") == ["Executive Director", "CEO"]
    assert title_parts("Test Analyst/Test Manager") == ["Test Analyst", "Test Manager"]
    assert title_parts("Sales/Marketing Manager") == ["Sales/Marketing Manager"]
    assert title_parts("Senior A/P Clerk") == ["Senior A/P Clerk"]
    assert title_parts("Field Technician") == ["Field Technician"]


@pytest.mark.parametrize(
    "title",
    [
        "Research and Development Engineer",
        "Director of Finance and Administration",
    ],
)
def test_one_title_cut_at_its_joint_earns_nothing_for_its_fragments(title: str) -> None:
    assert title_parts(title) == [title]
    first, _, rest = title.partition(" and ")
    assert _role_counts([title], [first, rest]) == (0, 2, 1)
