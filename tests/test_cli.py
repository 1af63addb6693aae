from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language
from typer.testing import CliRunner

from resume_etl.cli import EXIT_BAD_SETUP, EXIT_BUSY, EXIT_QUARANTINE, app
from resume_etl.storage.lock import OutputLock
from tests.conftest import DEFAULT_PIPELINE, RAW

runner = CliRunner()


def test_help_lists_every_command() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("run", "schema"):
        assert command in result.output


def test_run_help_explains_every_option() -> None:
    result = runner.invoke(app, ["run", "--help"], terminal_width=200)
    assert result.exit_code == 0
    options = ("--out", "--pipeline", "--quiet", "--full", "--prune", "--wait", "--strict")
    for option in (*options, "PATHS"):
        assert option in result.output


def test_version_prints_the_package_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("resume-etl ")


def test_bad_pipeline_file_exits_2_naming_the_key(tmp_path: Path) -> None:
    pipeline = tmp_path / "bad.toml"
    pipeline.write_text(
        DEFAULT_PIPELINE.read_text(encoding="utf-8").replace("max_bytes =", "max_byts ="),
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["run", str(RAW), "--pipeline", str(pipeline), "--out", str(tmp_path)]
    )
    assert result.exit_code == EXIT_BAD_SETUP
    assert "ingest.max_byts" in result.output
    assert "E100" in result.output


def test_missing_input_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["run", str(tmp_path / "nope"), "--pipeline", str(DEFAULT_PIPELINE), "-o", str(tmp_path)],
    )
    assert result.exit_code == EXIT_BAD_SETUP
    assert "no such file" in result.output


def test_run_writes_tables_and_prints_a_summary(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("resume_etl.engines.local.build_nlp", lambda _settings: nlp)
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(RAW / "002_91b2c9230d4b7ab5.txt", inputs / "profile.md")
    (inputs / "broken.txt").write_bytes(b"%PDF-1.4 binary")
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["run", str(inputs), "--out", str(out), "-p", str(DEFAULT_PIPELINE)]
    )
    assert result.exit_code == 0, result.output
    assert "documents read 2, parsed 1, quarantined 1" in result.output
    assert len(pd.read_parquet(out / "experiences.parquet")) == 6
    assert pd.read_parquet(out / "quarantine.parquet")["error_code"].tolist() == ["E002"]


def test_schema_prints_the_table_docs() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert "## `experiences`" in result.output


def _inputs_with_a_pdf(tmp_path: Path) -> Path:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(RAW / "109_lawyer_uk.txt", inputs / "lawyer.txt")
    (inputs / "broken.txt").write_bytes(b"%PDF-1.4 binary")
    return inputs


def test_strict_run_with_a_quarantined_input_exits_3(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("resume_etl.engines.local.build_nlp", lambda _settings: nlp)
    inputs, out = _inputs_with_a_pdf(tmp_path), tmp_path / "out"
    args = ["run", str(inputs), "-o", str(out), "-p", str(DEFAULT_PIPELINE), "-q", "--strict"]
    result = runner.invoke(app, args)
    assert result.exit_code == EXIT_QUARANTINE, result.output
    assert len(pd.read_parquet(out / "quarantine.parquet")) == 1  # committed all the same


def test_strict_run_fails_again_when_the_bad_input_is_skipped_as_unchanged(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("resume_etl.engines.local.build_nlp", lambda _settings: nlp)
    inputs, out = _inputs_with_a_pdf(tmp_path), tmp_path / "out"
    args = ["run", str(inputs), "-o", str(out), "-p", str(DEFAULT_PIPELINE), "-q"]
    assert runner.invoke(app, args).exit_code == 0
    assert runner.invoke(app, [*args, "--strict"]).exit_code == EXIT_QUARANTINE


def test_run_on_a_locked_output_folder_exits_75_naming_the_holder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / ".resume-etl").mkdir(parents=True)
    with OutputLock(out / ".resume-etl" / "lock"):
        result = runner.invoke(
            app, ["run", str(RAW), "-o", str(out), "-p", str(DEFAULT_PIPELINE), "-q"]
        )
    assert result.exit_code == EXIT_BUSY
    assert f"pid {os.getpid()}" in result.output
    assert "E105" in result.output


def test_summary_says_how_many_unchanged_documents_were_skipped(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("resume_etl.engines.local.build_nlp", lambda _settings: nlp)
    inputs, out = _inputs_with_a_pdf(tmp_path), tmp_path / "out"
    args = ["run", str(inputs), "-o", str(out), "-p", str(DEFAULT_PIPELINE)]
    runner.invoke(app, args)
    result = runner.invoke(app, args, terminal_width=300)
    assert result.exit_code == 0, result.output
    assert "skipped 2 unchanged" in result.output


@pytest.mark.parametrize(
    ("command", "phrase"),
    [("run", "(--full redoes all)"), ("eval", "and matches values after normalization")],
)
def test_help_paragraphs_wrap_to_the_terminal_not_to_the_source_lines(
    command: str, phrase: str
) -> None:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert phrase in result.output


def test_schema_out_makes_the_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "new" / "tables.md"
    result = runner.invoke(app, ["schema", "--out", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("# Output tables")


def test_an_output_file_under_a_file_is_a_coded_error_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["schema", "--out", str(tmp_path / "taken" / "tables.md")])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert "[E103]" in result.output


@pytest.mark.parametrize(
    "args",
    [["search", "kafka", "--limit", "0"], ["query", "SELECT 1", "--max-rows", "-1"]],
)
def test_a_count_below_its_range_is_refused_before_any_work(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
