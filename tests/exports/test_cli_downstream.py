"""The downstream commands: export jsonresume/search, query, search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from resume_etl.cli import EXIT_BAD_QUERY, EXIT_BAD_SETUP, app
from resume_etl.exports import SALT_ENV_VAR

runner = CliRunner()


def test_export_jsonresume_writes_one_folder_per_profile(
    raw_tables_dir: Path, tmp_path: Path
) -> None:
    result = runner.invoke(
        app, ["export", "jsonresume", "--tables", str(raw_tables_dir), "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    documents = list(tmp_path.glob("*/resume.json"))
    assert documents
    assert all(json.loads(path.read_text("utf-8"))["meta"]["docId"] for path in documents)


def test_export_search_writes_bulk_ndjson(raw_tables_dir: Path, tmp_path: Path) -> None:
    feed = tmp_path / "feed.ndjson"
    result = runner.invoke(
        app, ["export", "search", "--tables", str(raw_tables_dir), "--out", str(feed)]
    )
    assert result.exit_code == 0, result.output
    first_action = json.loads(feed.read_text("utf-8").splitlines()[0])
    assert first_action["index"]["_index"] == "resumes"


@pytest.mark.parametrize("kind", ["jsonresume", "search"])
def test_redact_without_salt_exits_with_setup_error(
    kind: str, raw_tables_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(SALT_ENV_VAR, raising=False)
    arguments = ["export", kind, "--tables", str(raw_tables_dir), "--out", str(tmp_path / "x")]
    result = runner.invoke(app, [*arguments, "--redact"])
    assert result.exit_code == EXIT_BAD_SETUP
    assert "E120" in result.output


def test_salt_is_read_from_the_environment(
    raw_tables_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SALT_ENV_VAR, "from-env")
    feed = tmp_path / "feed.ndjson"
    arguments = ["export", "search", "--tables", str(raw_tables_dir), "--out", str(feed)]
    result = runner.invoke(app, [*arguments, "--redact"])
    assert result.exit_code == 0, result.output
    assert "@redacted.invalid" in feed.read_text("utf-8")


def test_export_from_a_folder_without_tables_exits_with_setup_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["export", "jsonresume", "--tables", str(tmp_path), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == EXIT_BAD_SETUP
    assert "E104" in result.output


def test_query_prints_the_result_table(raw_tables_dir: Path) -> None:
    sql = "SELECT 'marker' || count(*) AS n FROM documents"
    result = runner.invoke(app, ["query", sql, "--tables", str(raw_tables_dir)])
    assert result.exit_code == 0, result.output
    assert "marker" in result.output


def test_query_with_bad_sql_exits_with_query_error(raw_tables_dir: Path) -> None:
    result = runner.invoke(app, ["query", "SELEKT 1", "--tables", str(raw_tables_dir)])
    assert result.exit_code == EXIT_BAD_QUERY


def test_search_prints_ranked_profiles(raw_tables_dir: Path) -> None:
    result = runner.invoke(
        app, ["search", "Kafka", "--tables", str(raw_tables_dir)], terminal_width=200
    )
    assert result.exit_code == 0, result.output
    assert "Kafka" in result.output


def test_help_lists_the_downstream_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("export", "query", "search"):
        assert command in result.output
    export_help = runner.invoke(app, ["export", "--help"])
    assert "jsonresume" in export_help.output
    assert "search" in export_help.output


def test_query_that_writes_a_file_exits_with_a_coded_error(
    raw_tables_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.csv"
    sql = f"COPY (SELECT * FROM contacts) TO '{target}'"
    result = runner.invoke(app, ["query", sql, "--tables", str(raw_tables_dir)])
    assert result.exit_code == EXIT_BAD_QUERY
    assert "E133" in result.output
    assert "Traceback" not in result.output
    assert not target.exists()


def test_query_with_allow_external_reads_another_file(raw_tables_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "teams.csv"
    other.write_text("team\nmarker-alpha\n", "utf-8")
    sql = f"SELECT team FROM read_csv('{other}')"
    arguments = ["query", sql, "--tables", str(raw_tables_dir), "--allow-external"]
    result = runner.invoke(app, arguments)
    assert result.exit_code == 0, result.output
    assert "marker-alpha" in result.output
