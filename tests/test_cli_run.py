"""``resume-etl run``'s report: time from start to end, per-stage seconds, failures by name."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from resume_etl.cli import EXIT_QUARANTINE, app
from resume_etl.cli_run import process_started
from tests.conftest import DEFAULT_PIPELINE

runner = CliRunner()


@pytest.fixture
def empty_inputs(tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Twelve empty files (each quarantined with E001), and the session's model."""
    monkeypatch.setattr("resume_etl.engines.local.build_nlp", lambda _settings: nlp)
    inputs = tmp_path / "in"
    inputs.mkdir()
    for index in range(12):
        (inputs / f"empty_{index:02d}.txt").write_text("", encoding="utf-8")
    return inputs


def _run(inputs: Path, *options: str) -> tuple[int, str]:
    out = inputs.parent / "out"
    result = runner.invoke(
        app, ["run", str(inputs), "-o", str(out), "-p", str(DEFAULT_PIPELINE), *options]
    )
    return result.exit_code, result.output


def test_the_summary_names_the_first_ten_failures_then_counts_the_rest(
    empty_inputs: Path,
) -> None:
    code, output = _run(empty_inputs)
    assert code == 0, output
    assert "E001" in output and "empty_00.txt" in output and "empty_09.txt" in output
    assert "empty_10.txt" not in output
    assert "and 2 more" in output and "run_results.json" in output


def test_the_summary_says_seconds_from_start_to_end_and_per_stage(empty_inputs: Path) -> None:
    code, output = _run(empty_inputs)
    assert code == 0, output
    assert "from start to end (start-up" in output and "new documents/s" in output
    assert "ingest" in output and "1 process" in output


def test_strict_names_the_failures_even_when_quiet(empty_inputs: Path) -> None:
    code, output = _run(empty_inputs, "--quiet", "--strict")
    assert code == EXIT_QUARANTINE
    assert "E001" in output and "empty_00.txt" in output and "strict" in output


def test_the_json_summary_carries_failures_and_wall_time(empty_inputs: Path) -> None:
    result = runner.invoke(
        app,
        ["run", str(empty_inputs), "-o", str(empty_inputs.parent / "out"), "-q", "-f", "json"],
    )
    summary = json.loads(result.stdout)
    assert summary["failures"][0]["error_code"] == "E001"
    assert summary["wall_seconds"] >= summary["seconds"]
    assert summary["results_file"].endswith("run_results.json")


def test_the_process_start_is_before_now() -> None:
    assert process_started() <= time.perf_counter()


def test_files_a_folder_holds_in_other_formats_are_named_not_skipped_silently(
    empty_inputs: Path,
) -> None:
    (empty_inputs / "letter.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (empty_inputs / "notes.RTF").write_text("{\\rtf1}", encoding="utf-8")
    code, output = _run(empty_inputs)
    assert code == 0, output
    assert "not read: 2 files" in output and ".doc 1" in output and ".rtf 1" in output


def test_a_folder_with_no_documents_stops_with_e104_naming_what_it_holds(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "letter.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    code, output = _run(inputs)
    assert code == 2, output
    text = " ".join(output.split())
    assert "[E104] no documents to read in" in text
    assert "only files of other endings: .doc 1" in text
    assert not (tmp_path / "out").exists()  # nothing was written


def test_an_empty_folder_with_prune_runs_and_removes_every_stored_row(
    empty_inputs: Path,
) -> None:
    assert _run(empty_inputs, "-q")[0] == 0
    for document in empty_inputs.iterdir():
        document.unlink()
    code, output = _run(empty_inputs, "--prune")
    assert code == 0, output
    assert "pruned 12 no longer given" in " ".join(output.split())


def test_a_file_name_that_is_not_utf8_stops_the_run_naming_it(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "cv.txt").write_text("Jane Roe\nAnalyst\n", encoding="utf-8")
    with open(os.fsencode(inputs) + b"/caf\xe9.txt", "wb") as latin1_named:
        latin1_named.write(b"Jane Roe\nChef\n")
    code, output = _run(inputs)
    assert code == 2, output
    text = " ".join(output.split())
    assert "[E104] file names that are not UTF-8" in text and "caf\\xe9.txt" in text
    assert not (tmp_path / "out").exists()
