"""Each error's hint fits the situation, not just the error code."""

from __future__ import annotations

import errno
import os
import pickle
from pathlib import Path

import pytest
from typer.testing import CliRunner

import resume_etl
from resume_etl.cli import EXIT_BAD_SETUP, app
from resume_etl.config import default_pipeline_path, load_config
from resume_etl.errors import HINTS, ConfigError, ErrorCode, ResumeEtlError, file_system_error
from resume_etl.evaluation.gold import load_gold
from resume_etl.evaluation.real.data import require_data_dir
from resume_etl.hints import no_tables_error
from resume_etl.nlp.build import build_nlp
from resume_etl.wordlists import load_lexicon

runner = CliRunner()
INPUTS_HINT = HINTS[ErrorCode.E104_NO_INPUT]


def _failure(*args: str) -> str:
    result = runner.invoke(app, list(args), terminal_width=300)
    assert result.exit_code == EXIT_BAD_SETUP, result.output
    return result.output


@pytest.mark.parametrize(
    "command",
    [
        ("export", "search", "--out", "-"),
        ("export", "jsonresume", "--out", "sites"),
        ("query", "SELECT 1"),
        ("search", "python"),
        ("show", "abcdef"),
    ],
)
def test_reading_tables_before_any_run_says_to_run_first(
    command: tuple[str, ...], tmp_path: Path
) -> None:
    output = _failure(*command, "--tables", str(tmp_path))
    assert "E104" in output
    assert f"resume-etl run PATHS... --out {tmp_path}" in output
    assert INPUTS_HINT not in output


def test_a_missing_tables_folder_is_named_as_missing(tmp_path: Path) -> None:
    error = no_tables_error(tmp_path / "nope")
    assert "does not exist" in error.message
    assert "--tables" in error.hint


def test_a_parent_of_output_folders_points_at_them(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "documents.parquet").write_bytes(b"")
    error = no_tables_error(tmp_path)
    assert str(tmp_path / "out") in error.hint


def test_a_folder_with_run_records_but_no_tables_says_the_run_did_not_finish(
    tmp_path: Path,
) -> None:
    (tmp_path / ".resume-etl").mkdir()
    error = no_tables_error(tmp_path)
    assert "not finished" in error.hint


def test_run_without_paths_and_without_raw_asks_for_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    output = _failure("run")
    assert "no inputs given" in output
    assert "resume-etl run PATHS" in output


def test_a_misspelled_input_names_the_folder_paths_are_read_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    output = _failure("run", "cvs/")
    assert "no such file or folder: cvs" in output
    assert str(tmp_path) in output


def test_a_missing_pipeline_file_points_at_the_packaged_default(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "mine.toml")
    assert str(default_pipeline_path()) in caught.value.hint
    assert "Fix the named key" not in caught.value.hint


def test_a_missing_lexicon_explains_where_relative_paths_are_read(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_lexicon(tmp_path / "skills.jsonl")
    assert caught.value.code is ErrorCode.E102_BAD_LEXICON
    assert "pipeline file's folder" in caught.value.hint


def test_an_empty_gold_folder_describes_gold_files(tmp_path: Path) -> None:
    with pytest.raises(ResumeEtlError) as caught:
        load_gold(tmp_path)
    assert "gold JSON files" in caught.value.hint
    assert caught.value.hint != INPUTS_HINT


def test_the_hint_survives_the_trip_from_a_worker_process() -> None:
    error = ConfigError(ErrorCode.E100_BAD_CONFIG, "message", "the fix for this case")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is ConfigError
    assert str(copy) == str(error)


def test_a_missing_model_says_in_one_line_how_to_install_it() -> None:
    settings = load_config().extract.model_copy(update={"model": "xx_resume_model_sm"})
    with pytest.raises(ConfigError) as caught:
        build_nlp(settings)
    assert caught.value.code is ErrorCode.E101_MODEL_MISSING
    assert "\n" not in caught.value.message
    assert "python -m spacy download xx_resume_model_sm" in caught.value.hint


def test_a_missing_model_stops_the_run_before_it_touches_the_output_folder(
    tmp_path: Path,
) -> None:
    config = load_config()
    config = config.model_copy(
        update={"extract": config.extract.model_copy(update={"model": "xx_resume_model_sm"})}
    )
    (tmp_path / "in.txt").write_text("Jane Doe\nEngineer", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        resume_etl.run([tmp_path / "in.txt"], config, tmp_path / "out")
    assert caught.value.code is ErrorCode.E101_MODEL_MISSING
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (errno.ENOENT, "does not exist"),
        (errno.EISDIR, "is a folder"),
        (errno.EACCES, "No permission"),
        (errno.ENOSPC, "disk is full"),
        (errno.EROFS, "read-only"),
    ],
)
def test_a_file_system_error_gets_the_hint_for_what_went_wrong(number: int, words: str) -> None:
    error = file_system_error(OSError(number, os.strerror(number), "out/x.parquet"))
    assert words in error.hint
    assert error.hint != HINTS[error.code]


def test_a_missing_real_data_folder_says_where_to_point_data() -> None:
    with pytest.raises(ResumeEtlError) as caught:
        require_data_dir(Path("/nonexistent-real-data"))
    assert "--data" in caught.value.hint and caught.value.hint != INPUTS_HINT
