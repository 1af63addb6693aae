"""Inputs shared by the engine tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from resume_etl.config import PipelineConfig
from resume_etl.runner import discover_inputs
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
