"""The real-data ratchet: a fast subset of the dev halves (a few documents per set) keeps at
least the scores recorded in ``floors.json``. Floors only ever go up: when a change raises a
score, raise its floor to the new value rounded down a little (see docs/evaluation.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from resume_etl.config import PipelineConfig
from resume_etl.evaluation.real.evaluate import RealEvalOptions, evaluate_real
from resume_etl.evaluation.real.report import RealReport
from resume_etl.evaluation.real.split import Half

FLOORS_FILE = Path(__file__).with_name("floors.json")
RECORD: dict[str, object] = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
FLOORS: dict[str, dict[str, float]] = RECORD["floors"]  # type: ignore[assignment]
FAST_LIMIT = int(RECORD["limit"])  # type: ignore[call-overload]
ENTRY_ACCURACY = "entry_accuracy"
COVERAGE = "coverage: "


@pytest.fixture(scope="module")
def report(data_dir: Path, config: PipelineConfig, nlp: Language) -> RealReport:
    options = RealEvalOptions(halves=(Half.DEV,), limit=FAST_LIMIT)
    return evaluate_real(data_dir, config, options, nlp=nlp)


def measured(report: RealReport) -> dict[str, dict[str, float]]:
    """Every figure the floors can hold, per group key."""
    figures: dict[str, dict[str, float]] = {}
    for group in report.groups:
        values = {score.field: score.f1 for score in group.fields}
        if group.entry_accuracy is not None:
            values[ENTRY_ACCURACY] = group.entry_accuracy
        values |= {COVERAGE + name: float(count) for name, count in group.coverage.items()}
        figures[group.key] = values
    return figures


def test_every_measured_figure_has_a_floor(report: RealReport) -> None:
    missing = [
        f"{key} {name}"
        for key, values in measured(report).items()
        for name in values
        if name not in FLOORS.get(key, {})
    ]
    assert missing == []


def test_every_figure_stays_at_or_above_its_floor(report: RealReport) -> None:
    figures = measured(report)
    below = [
        f"{key} {name}: {figures[key].get(name, 0.0):.3f} < floor {floor}"
        for key, floors in FLOORS.items()
        for name, floor in floors.items()
        if figures.get(key, {}).get(name, 0.0) < floor
    ]
    assert below == []


def test_the_fast_subset_covers_every_set_and_layout(report: RealReport) -> None:
    keys = {group.key for group in report.groups}
    assert {"dotin/dev", "jsonresume/all/dev", "jsonresume/pdf/dev", "markdown/dev"} <= keys
