"""What a run reports about itself: processes used, wall time, per-stage seconds, failures."""

from __future__ import annotations

import json
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


def _inputs(folder: Path, empty: int) -> list[Path]:
    folder.mkdir()
    for source in SOME_RAW:
        shutil.copy(source, folder / source.name)
    for index in range(empty):
        (folder / f"empty_{index:02d}.txt").write_text("", encoding="utf-8")
    return sorted(folder.iterdir())


def test_a_small_run_by_default_stays_in_this_process(
    config: PipelineConfig, nlp: Language, tmp_path: Path
) -> None:
    files = _inputs(tmp_path / "in", empty=0)
    summary = run_files(config, files, tmp_path / "out", nlp=nlp, source=LocalWorkers())
    assert summary.workers == 1
    assert summary.documents_parsed == len(files)


def test_the_summary_names_each_quarantined_file_with_its_code_and_reason(
    config: PipelineConfig, nlp: Language, tmp_path: Path
) -> None:
    files = _inputs(tmp_path / "in", empty=2)
    summary = run_files(config, files, tmp_path / "out", nlp=nlp)
    assert [(Path(note.source_path).name, note.error_code) for note in summary.failures] == [
        ("empty_00.txt", "E001"),
        ("empty_01.txt", "E001"),
    ]
    assert all(note.reason for note in summary.failures)


def test_wall_time_counts_from_the_callers_start_and_stages_include_the_model(
    config: PipelineConfig, nlp: Language, tmp_path: Path
) -> None:
    files = _inputs(tmp_path / "in", empty=0)
    hooks = RunHooks(started=time.perf_counter() - 5.0)  # as if start-up had taken 5 s
    summary = run_files(config, files, tmp_path / "out", nlp=nlp, hooks=hooks)
    assert summary.wall_seconds >= summary.seconds + 5.0
    assert list(summary.stage_seconds) == [MODEL, *STAGES]


def test_phases_are_reported_in_the_order_the_run_goes_through_them(
    config: PipelineConfig, nlp: Language, tmp_path: Path
) -> None:
    phases: list[RunPhase] = []
    files = _inputs(tmp_path / "in", empty=1)
    run_files(config, files, tmp_path / "out", nlp=nlp, hooks=RunHooks(phases.append))
    assert phases == [RunPhase.PLAN, RunPhase.START, RunPhase.DOCUMENTS, RunPhase.COMMIT]


def test_each_document_is_reported_as_it_is_done_in_this_process(
    config: PipelineConfig, nlp: Language, tmp_path: Path
) -> None:
    files = _inputs(tmp_path / "in", empty=1)
    done: list[Path] = []
    run_files(config, files, tmp_path / "out", done.append, nlp=nlp)
    assert sorted(done) == files


def test_run_results_json_holds_every_input_with_status_timing_and_codes(
    config: PipelineConfig, nlp: Language, tmp_path: Path
) -> None:
    files = _inputs(tmp_path / "in", empty=1)
    summary = run_files(config, files, tmp_path / "out", nlp=nlp)
    assert summary.results_file == tmp_path / "out" / ".resume-etl" / "run_results.json"
    report = json.loads(summary.results_file.read_text(encoding="utf-8"))
    by_name = {Path(result["source_path"]).name: result for result in report["results"]}
    assert by_name["empty_00.txt"]["status"] == "error"
    assert by_name["empty_00.txt"]["error_code"] == "E001"
    assert by_name["empty_00.txt"]["quarantine"][0]["error_code"] == "E001"
    parsed = by_name[SOME_RAW[0].name]
    assert parsed["status"] == "success"
    assert parsed["reused"] is False
    assert set(parsed["timing"]) == set(STAGES)
    assert report["totals"]["documents_read"] == len(files)
    assert report["metadata"]["run_id"] == summary.run_id


def test_run_results_of_a_second_run_mark_unchanged_inputs_reused(
    config: PipelineConfig, nlp: Language, tmp_path: Path
) -> None:
    files = _inputs(tmp_path / "in", empty=1)
    run_files(config, files, tmp_path / "out", nlp=nlp)
    again = run_files(config, files, tmp_path / "out", nlp=nlp)
    assert again.results_file is not None
    results = json.loads(again.results_file.read_text(encoding="utf-8"))["results"]
    assert all(result["reused"] and not result["timing"] for result in results)
    assert [note.error_code for note in again.failures] == ["E001"]  # read back, reason and all
