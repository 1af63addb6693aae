"""The time budget per document: a document that takes too long is quarantined (E051), the
worker running it replaced, and the other documents committed, on every engine.

``RESUME_ETL_SLOW_INPUT`` makes one document sleep far past a budget of a few seconds: if the
budget were not enforced the test would take the whole sleep and then fail, never hang.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language

from resume_etl import _faults
from resume_etl.config import PipelineConfig, RunSettings
from resume_etl.engines.pool import WorkerPool
from resume_etl.runner import RunSummary, discover_inputs, run_files, run_with_workers

BUDGET_SECONDS = 2.0
"""Small, yet some hundred times what one of these documents takes alone on a busy machine."""
SLOW_SECONDS = 90
"""How long the slow document would take: far past its budget and its batch's."""
SLOW = "2_slow.txt"


def budgeted(config: PipelineConfig) -> PipelineConfig:
    return config.model_copy(update={"run": RunSettings(document_seconds=BUDGET_SECONDS)})


def small_corpus(folder: Path) -> list[str]:
    """Five small résumés, the third of them the slow one."""
    folder.mkdir()
    names = ["0_a.txt", "1_b.txt", SLOW, "3_d.txt", "4_e.txt"]
    for number, name in enumerate(names):
        (folder / name).write_text(
            f"# Person {number}\nAnalyst in Leeds\n\n## Experience\n### Analyst, Firm {number}\n"
            f"Jan {2010 + number} - Present\n- Cut costs by {5 + number}% with Excel\n",
            encoding="utf-8",
        )
    return names


def assert_only_the_slow_document_quarantined(summary: RunSummary, out: Path) -> None:
    quarantine = pd.read_parquet(out / "quarantine.parquet")
    assert quarantine["error_code"].astype(str).tolist() == ["E051"]
    assert quarantine["source_path"].tolist()[0].endswith(SLOW)
    assert "run.document_seconds" in quarantine["reason"].iloc[0]
    documents = pd.read_parquet(out / "documents.parquet")
    assert len(documents) == 4
    assert not documents["source_path"].str.endswith(SLOW).any()
    assert (summary.documents_read, summary.documents_quarantined) == (5, 1)


@pytest.fixture
def slow_inputs(
    tmp_path: Path, config: PipelineConfig, monkeypatch: pytest.MonkeyPatch
) -> list[Path]:
    small_corpus(tmp_path / "in")
    monkeypatch.setenv(_faults.SLOW_ENV, f"{SLOW}:{SLOW_SECONDS}")
    return discover_inputs([tmp_path / "in"], config)


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
        assert pool.overruns == 2  # its batch, then itself alone
    assert_only_the_slow_document_quarantined(summary, out)
