"""A worker's side of a batch (``engines/worker.py``): its stage seconds, the model once."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from resume_etl.config import PipelineConfig
from resume_etl.engines.local import LocalEngine, no_beat
from resume_etl.engines.timing import MODEL, STAGES
from resume_etl.engines.worker import timed_batch
from tests.conftest import RAW


def test_a_batch_reports_its_own_stage_seconds_and_the_model_only_once(
    config: PipelineConfig, nlp: Language, tmp_path: Path
) -> None:
    engine = LocalEngine(config, nlp)
    engine.clock.seconds[MODEL] = 1.5  # as if loading the model had taken that long
    files = sorted(RAW.glob("10*.md"))[:2]
    first = timed_batch(engine, files[:1], tmp_path / "parts", 0)
    second = timed_batch(engine, files[1:], tmp_path / "parts", 1)
    assert first.seconds[MODEL] == 1.5
    assert MODEL not in second.seconds
    assert set(STAGES) <= set(second.seconds)
    assert [Path(entry.source_path) for entry in second.entries] == files[1:]
    assert engine.heartbeat is no_beat
