"""The quality ratchet: every field keeps at least the F1 it reached on the dev corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from resume_etl.config import PipelineConfig
from resume_etl.evaluation import EvalReport, evaluate, load_gold
from resume_etl.evaluation.score import FIELDS
from tests.conftest import REPO

GOLD = REPO / "tests" / "gold"
FLOORS: dict[str, float] = json.loads((GOLD / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(
    config: PipelineConfig, nlp: Language, tmp_path_factory: pytest.TempPathFactory
) -> EvalReport:
    return evaluate(GOLD, config, out=tmp_path_factory.mktemp("eval"), nlp=nlp)


def test_every_scored_field_has_a_floor() -> None:
    assert sorted(FLOORS) == sorted(FIELDS)


def test_every_gold_file_names_an_existing_document() -> None:
    missing = [str(path) for path in load_gold(GOLD) if not Path(path).is_file()]
    assert missing == []


def test_the_dev_corpus_has_at_least_thirty_documents() -> None:
    assert len(load_gold(GOLD)) >= 30


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_f1_stays_at_or_above_its_floor(report: EvalReport, field: str) -> None:
    measured = report.f1_by_field()[field]
    assert measured >= FLOORS[field], f"{field}: F1 {measured:.3f} < floor {FLOORS[field]}"
