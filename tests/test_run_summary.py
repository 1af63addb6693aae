"""The run summed up (``run_summary.py``): the failures by name, ``run_results.json``."""

from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language

from resume_etl.config import PipelineConfig
from resume_etl.engines.timing import STAGES
from resume_etl.runner import run_files
from tests.test_runner import SOME_RAW, some_inputs


def test_every_input_ends_in_exactly_one_place(
    config: PipelineConfig, nlp: Language, tmp_path: Path
) -> None:
    files = some_inputs(tmp_path / "in", empty=1)
    first = run_files(config, files, tmp_path / "out", nlp=nlp)
    assert (first.documents_read, first.documents_parsed, first.documents_quarantined) == (
        len(files),
        len(SOME_RAW),
        1,
    )
    again = run_files(config, files, tmp_path / "out", nlp=nlp)
    assert again.documents_read == again.documents_parsed + again.documents_quarantined
    assert again.documents_skipped == len(files)
    assert again.rows_written == first.rows_written


def test_the_summary_names_each_quarantined_file_with_its_code_and_reason(
    config: PipelineConfig, nlp: Language, tmp_path: Path
) -> None:
    files = some_inputs(tmp_path / "in", empty=2)
    summary = run_files(config, files, tmp_path / "out", nlp=nlp)
    assert [(Path(note.source_path).name, note.error_code) for note in summary.failures] == [
        ("empty_00.txt", "E001"),
        ("empty_01.txt", "E001"),
    ]
    assert all(note.reason for note in summary.failures)


def test_run_results_json_holds_every_input_with_status_timing_and_codes(
    config: PipelineConfig, nlp: Language, tmp_path: Path
) -> None:
    files = some_inputs(tmp_path / "in", empty=1)
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
    files = some_inputs(tmp_path / "in", empty=1)
    run_files(config, files, tmp_path / "out", nlp=nlp)
    again = run_files(config, files, tmp_path / "out", nlp=nlp)
    assert again.results_file is not None
    results = json.loads(again.results_file.read_text(encoding="utf-8"))["results"]
    assert all(result["reused"] and not result["timing"] for result in results)
    assert [note.error_code for note in again.failures] == ["E001"]  # read back, reason and all
