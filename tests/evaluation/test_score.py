from __future__ import annotations

from pathlib import Path

from resume_etl.evaluation.counts import FieldScore
from resume_etl.evaluation.gold import GoldDocument, GoldEducation, GoldWork
from resume_etl.evaluation.predicted import Predicted
from resume_etl.evaluation.score import score_document, score_documents


def _gold(**fields: object) -> GoldDocument:
    return GoldDocument.model_validate({"document": "x.txt", **fields})


def test_a_wrong_value_counts_as_a_false_positive_and_a_miss() -> None:
    counts = score_document(_gold(name="Ana Lima"), Predicted(_gold(name="Senior Engineer")))
    name = counts["profile.name"]
    assert (name.true_positives, name.false_positives, name.false_negatives) == (0, 1, 1)


def test_jobs_are_paired_by_agreement_not_by_order() -> None:
    gold = _gold(
        work=[
            GoldWork(organization="Acme", role="Engineer", start="2020"),
            GoldWork(organization="Globex", role="Intern", start="2018"),
        ]
    )
    predicted = _gold(
        work=[
            GoldWork(organization="Globex Inc.", role="Intern", start="2018-06"),
            GoldWork(organization="Acme", role="Engineer", start="2020-01"),
        ]
    )
    counts = score_document(gold, Predicted(predicted))
    for field in ("work.entry", "work.organization", "work.role", "work.start"):
        assert counts[field].true_positives == 2, field
        assert counts[field].errors == 0, field


def test_an_unpaired_gold_entry_misses_every_field_it_fills() -> None:
    gold = _gold(education=[GoldEducation(institution="Rice University", degree="B.A.")])
    counts = score_document(gold, Predicted(_gold()))
    assert counts["education.entry"].false_negatives == 1
    assert counts["education.institution"].false_negatives == 1
    assert counts["education.degree"].false_negatives == 1
    assert counts["education.field"].false_negatives == 0


def test_a_missing_prediction_scores_every_gold_value_a_miss() -> None:
    report = score_documents({Path("x.txt"): _gold(emails=["a@example.org"])}, {})
    email = next(score for score in report.fields if score.field == "contact.email")
    assert (email.recall, email.false_negatives) == (0.0, 1)


def test_a_field_with_no_gold_and_no_prediction_scores_one() -> None:
    assert FieldScore(field="x", true_positives=0, false_positives=0, false_negatives=0).f1 == 1.0
