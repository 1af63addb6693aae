"""What a run reports while it goes and about itself: processes used, wall time, stage seconds."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from spacy.language import Language

from resume_etl.config import PipelineConfig
from resume_etl.engines.sizing import LocalWorkers
from resume_etl.engines.timing import MODEL, STAGES
from resume_etl.runner import RunHooks, RunPhase, run_files
from tests.conftest import RAW

SOME_RAW = sorted(RAW.glob("10*.md"))[:2]


def some_inputs(folder: Path, empty: int) -> list[Path]:
    folder.mkdir()
    for source in SOME_RAW:
        shutil.copy(source, folder / source.name)
    for index in range(empty):
        (folder / f"empty_{index:02d}.txt").write_text("", encoding="utf-8")
    return sorted(folder.iterdir())


def test_a_small_run_by_default_stays_in_this_process(
    config: PipelineConfig, nlp: Language, tmp_path: Path
) -> None:
    files = some_inputs(tmp_path / "in", empty=0)
    summary = run_files(config, files, tmp_path / "out", nlp=nlp, source=LocalWorkers())
    assert summary.workers == 1
    assert summary.documents_parsed == len(files)


def test_wall_time_counts_from_the_callers_start_and_stages_include_the_model(
    config: PipelineConfig, nlp: Language, tmp_path: Path
) -> None:
    files = some_inputs(tmp_path / "in", empty=0)
    hooks = RunHooks(started=time.perf_counter() - 5.0)  # as if start-up had taken 5 s
    summary = run_files(config, files, tmp_path / "out", nlp=nlp, hooks=hooks)
    assert summary.wall_seconds >= summary.seconds + 5.0
    assert list(summary.stage_seconds) == [MODEL, *STAGES]


def test_phases_are_reported_in_the_order_the_run_goes_through_them(
    config: PipelineConfig, nlp: Language, tmp_path: Path
) -> None:
    phases: list[RunPhase] = []
    files = some_inputs(tmp_path / "in", empty=1)
    run_files(config, files, tmp_path / "out", nlp=nlp, hooks=RunHooks(phases.append))
    assert phases == [RunPhase.PLAN, RunPhase.START, RunPhase.DOCUMENTS, RunPhase.COMMIT]


def test_each_document_is_reported_as_it_is_done_in_this_process(
    config: PipelineConfig, nlp: Language, tmp_path: Path
) -> None:
    files = some_inputs(tmp_path / "in", empty=1)
    done: list[Path] = []
    run_files(config, files, tmp_path / "out", done.append, nlp=nlp)
    assert sorted(done) == files
