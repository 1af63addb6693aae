from __future__ import annotations

from typing import Any

from resume_etl.evaluation.gold import GoldDocument, GoldEducation, GoldWork
from resume_etl.evaluation.predicted import Predicted
from resume_etl.evaluation.real.expected import expected
from resume_etl.evaluation.real.facts import ResumeFacts
from resume_etl.evaluation.real.jsonresume import (
    Rendering,
    degree_with_field,
    job_is_right,
    job_text,
    school_with_place,
    score_rendering,
    with_place_in_name,
    with_title_head,
)
from resume_etl.evaluation.real.render import layout_named
from resume_etl.evaluation.real.report import Tally
from resume_etl.evaluation.real.runner import DocumentRows, InputText
from resume_etl.evaluation.real.split import Half

JOB = GoldWork(organization="Harbour Ledger", role="Engineer", start="2021-03", end="2022-01")


def test_a_job_is_right_only_when_all_four_fields_are() -> None:
    assert job_is_right(JOB, JOB)
    assert not job_is_right(JOB.model_copy(update={"end": "2022-02"}), JOB)
    assert not job_is_right(JOB.model_copy(update={"role": None}), JOB)


def test_an_empty_field_in_both_counts_as_right() -> None:
    current = JOB.model_copy(update={"end": None, "current": True})
    assert job_is_right(current, current)


def test_a_place_written_into_the_organization_matches_org_and_location_joined() -> None:
    gold = GoldWork(organization="Vision Lab, Northfield University, UK", role="Fellow")
    predicted = GoldWork(
        organization="Vision Lab", role="Fellow", location="Northfield University, UK"
    )
    joined = with_place_in_name(predicted, [gold])
    assert joined.organization == "Vision Lab, Northfield University, UK"
    assert with_place_in_name(predicted, [JOB]) == predicted


def test_an_organization_that_is_already_right_keeps_its_place_apart() -> None:
    plain = GoldWork(organization="Vision Lab", role="Fellow")
    placed = GoldWork(organization="Vision Lab, Northfield University, UK", role="Fellow")
    predicted = GoldWork(
        organization="Vision Lab", role="Fellow", location="Northfield University, UK"
    )
    assert with_place_in_name(predicted, [plain, placed]) == predicted


def test_a_field_written_into_the_degree_matches_degree_and_field_joined() -> None:
    gold = GoldEducation(institution="Northfield University", degree="MSc in Physics", end="2017")
    predicted = GoldEducation(institution="Northfield University", degree="MSc", field="Physics")
    joined = degree_with_field(predicted, [gold])
    assert (joined.degree, joined.field) == ("MSc in Physics", None)
    with_field = gold.model_copy(update={"field": "Optics"})
    assert degree_with_field(predicted, [with_field]).field == "Physics"
    plain = GoldEducation(institution="Northfield University", degree="MSc", field="Physics")
    assert degree_with_field(predicted, [plain, gold]) == predicted
    elsewhere = GoldEducation(institution="Southgate College", degree="MSc in Physics", end="2010")
    assert degree_with_field(predicted, [elsewhere]) == predicted


def test_a_place_written_into_the_school_matches_institution_and_location_joined() -> None:
    gold = GoldEducation(institution="Northfield University, Leeds, UK", degree="BA", end="2017")
    predicted = GoldEducation(institution="Northfield University", location="Leeds, UK", end="2017")
    assert school_with_place(predicted, [gold]).institution == gold.institution
    plain = GoldEducation(institution="Northfield University", end="2017")
    assert school_with_place(predicted, [plain, gold]) == predicted
    elsewhere = GoldEducation(institution="Northfield University, Leeds, UK", end="2010")
    assert school_with_place(predicted, [elsewhere]) == predicted


def test_a_title_without_its_team_is_the_role() -> None:
    gold = GoldWork(organization="Harbour Ledger", role="Tech Lead, Payments Platform")
    predicted = GoldWork(organization="Harbour Ledger", role="Tech Lead")
    assert with_title_head(predicted, [gold]).role == "Tech Lead, Payments Platform"
    dashed = GoldWork(start="2019", role="Software Engineer - Release Tooling")
    predicted = GoldWork(start="2019-04", role="Software Engineer")
    assert with_title_head(predicted, [dashed]).role == dashed.role


def test_another_jobs_position_is_never_lent() -> None:
    exact = GoldWork(organization="Copperleaf", role="Software Engineer")
    other = GoldWork(organization="Harbour Ledger", role="Software Engineer - Release Tooling")
    predicted = GoldWork(organization="Copperleaf", role="Software Engineer")
    assert with_title_head(predicted, [exact, other]) == predicted
    stranger = GoldWork(organization="Elsewhere", role="Software Engineer")
    assert with_title_head(stranger, [other]) == stranger


def test_a_position_sharing_most_words_does_not_keep_the_title_from_its_job() -> None:
    intern = GoldWork(organization="Copperleaf", role="Software Engineer Intern")
    dashed = GoldWork(organization="Harbour Ledger", role="Software Engineer - Release Tooling")
    predicted = GoldWork(organization="Harbour Ledger", role="Software Engineer")
    assert with_title_head(predicted, [intern, dashed]).role == dashed.role


def test_the_position_whose_title_is_the_prediction_is_chosen() -> None:
    senior = GoldWork(
        organization="Harbour Ledger", role="Senior Software Engineer, Build Platform"
    )
    dashed = GoldWork(organization="Harbour Ledger", role="Software Engineer - Release Tooling")
    predicted = GoldWork(organization="Harbour Ledger", role="Software Engineer")
    assert with_title_head(predicted, [senior, dashed]).role == dashed.role


def test_a_different_title_stays_wrong() -> None:
    gold = GoldWork(role="Tech Lead, Payments Platform")
    predicted = GoldWork(role="Payments")
    assert with_title_head(predicted, [gold]) == predicted


def test_job_text_joins_description_and_bullets() -> None:
    row = {"description": "Runs payments.", "bullets": ["Cut costs", "Hired two"]}
    assert job_text(row) == "Runs payments. Cut costs Hired two"
    assert job_text({"description": None, "bullets": None}) == ""


def _rendering(facts: ResumeFacts) -> Rendering:
    layout = layout_named("markdown")
    return Rendering(
        "invented",
        Half.DEV,
        "markdown",
        InputText("x.md", layout.render(facts)),
        expected(facts, layout, "x.md"),
    )


def test_a_perfect_reading_scores_full_entry_accuracy(facts: ResumeFacts) -> None:
    rendering = _rendering(facts)
    gold = rendering.expected.gold
    experiences: list[dict[str, Any]] = [
        {
            "description": None,
            "bullets": job.highlights if not job.summary else [job.summary, *job.highlights],
        }
        for job in facts.jobs
    ]
    rows = DocumentRows(
        Predicted(gold, [frozenset({skill}) for skill in gold.skills]),
        rendering.input.text,
        {"experiences": experiences, "profiles": [{"summary": facts.person.summary}]},
    )
    tally = Tally()
    score_rendering(rendering, rows, tally)
    group = tally.freeze("jsonresume", "markdown", Half.DEV)
    assert group.entry_accuracy == 1.0
    for field in ("work.organization", "work.text", "profile.summary", "skill", "profile.name"):
        score = group.field(field)
        assert score is not None
        assert score.f1 == 1.0, field


def test_nothing_read_scores_no_job_right(facts: ResumeFacts) -> None:
    tally = Tally()
    score_rendering(_rendering(facts), None, tally)
    group = tally.freeze("jsonresume", "markdown", Half.DEV)
    assert group.entry_accuracy == 0.0
    assert group.jobs == len(facts.jobs)
    name = group.field("profile.name")
    assert name is not None
    assert name.false_negatives == 1


def test_metrics_are_not_scored_for_json_resume(facts: ResumeFacts) -> None:
    rendering = _rendering(facts)
    tally = Tally()
    rows = DocumentRows(Predicted(GoldDocument(document="x.md")), "", {})
    score_rendering(rendering, rows, tally)
    assert "metric" not in tally.fields
    assert "work.employment_type" not in tally.fields
