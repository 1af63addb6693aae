"""Inputs shared by the engine tests, and the slow corpus of the time budget's tests."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from resume_etl import _faults
from resume_etl.config import PipelineConfig, RunSettings
from resume_etl.runner import RunSummary, discover_inputs
from tests.conftest import RAW


@pytest.fixture
def files_with_late_duplicate(config: PipelineConfig, tmp_path: Path) -> list[Path]:
    """Three documents, then a copy of the first: with batches of one, the copy is in a later
    batch than its original, so only the merge can tell it is a duplicate."""
    source = sorted(RAW.glob("10*.txt"))[:3]
    inputs = tmp_path / "in"
    inputs.mkdir()
    for index, path in enumerate([*source, source[0]]):
        (inputs / f"{index}_{path.name}").write_bytes(path.read_bytes())
    return discover_inputs([inputs], config)


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
