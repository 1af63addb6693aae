"""The time budget per document: a document that takes too long is quarantined (E051), the
worker running it replaced, and the other documents committed, on every engine.

``RESUME_ETL_SLOW_INPUT`` makes one document sleep far past a budget of a few seconds: if the
budget were not enforced the test would take the whole sleep and then fail, never hang. The
heartbeat finds the hang one budget after it starts, in its batch, naming the document: no
batch is rerun one document at a time for it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from resume_etl import _faults
from resume_etl.config import PipelineConfig
from resume_etl.engines.pool import WorkerPool
from resume_etl.runner import run_files, run_with_workers
from tests.engines.conftest import (
    BUDGET_SECONDS,
    SLOW,
    assert_only_the_slow_document_quarantined,
    budgeted,
)


def test_one_worker_stops_a_document_past_its_budget(
    config: PipelineConfig,
    nlp: Language,
    slow_inputs: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The one worker is forked from this process: it inherits the test's model.
    monkeypatch.setattr("resume_etl.engines.local.build_nlp", lambda _settings: nlp)
    out = tmp_path / "out"
    summary = run_with_workers(budgeted(config), slow_inputs, out, workers=1, batch_size=2)
    assert_only_the_slow_document_quarantined(summary, out)


def test_a_pool_replaces_the_worker_of_a_document_past_its_budget(
    config: PipelineConfig,
    nlp: Language,
    slow_inputs: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Forked workers, so none loads a model: the budget's handling is the same as when spawned
    # (test_crash.py runs spawned workers), and this costs seconds instead of a minute.
    monkeypatch.setattr("resume_etl.engines.local.build_nlp", lambda _settings: nlp)
    out, pipeline = tmp_path / "out", budgeted(config)
    with WorkerPool(pipeline, workers=2, batch_size=2, start_method="fork") as pool:
        summary = run_files(pipeline, slow_inputs, out, source=pool)
        assert pool.overruns == 1  # its batch, whose heartbeat named it
    assert_only_the_slow_document_quarantined(summary, out)


def test_a_hang_is_found_within_one_budget_not_the_batch_allowance(
    config: PipelineConfig,
    nlp: Language,
    slow_inputs: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # One batch of all five documents may take five budgets; the slow one sleeps for about three
    # of them. Were the budget counted per batch, it would finish and be committed.
    monkeypatch.setenv(_faults.SLOW_ENV, f"{SLOW}:{3 * BUDGET_SECONDS}")
    monkeypatch.setattr("resume_etl.engines.local.build_nlp", lambda _settings: nlp)
    out, pipeline = tmp_path / "out", budgeted(config)
    with WorkerPool(pipeline, workers=1, batch_size=len(slow_inputs), start_method="fork") as pool:
        summary = run_files(pipeline, slow_inputs, out, source=pool)
        assert pool.overruns == 1
    assert_only_the_slow_document_quarantined(summary, out)


def test_a_stop_that_names_no_document_reruns_each_alone(
    config: PipelineConfig,
    nlp: Language,
    slow_inputs: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A batch stopped in a step over all its documents (the model's batch phases) says no name:
    # each document then runs alone with one budget, and only the slow one overruns.
    monkeypatch.setattr("resume_etl.engines.local.build_nlp", lambda _settings: nlp)
    batch = slow_inputs[1:4]
    with WorkerPool(budgeted(config), workers=1, start_method="fork") as pool:
        report = pool.after_overrun(0, batch, tmp_path / "parts", position=None)
        assert pool.overruns == 1
    codes = [str(entry.error_code) if entry.error_code else None for entry in report.entries]
    assert [Path(entry.source_path).name for entry in report.entries] == [p.name for p in batch]
    assert codes == [None, "E051", None]
