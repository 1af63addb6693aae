"""Scriptable output: --format table|json|csv, --out - and shell completion."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from resume_etl.cli import app
from resume_etl.config import PipelineConfig
from resume_etl.runner import run_files
from tests.conftest import RAW

runner = CliRunner()

TERMINAL_WIDTH = 100
SAMPLE = RAW / "101_data_scientist_us.md"


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory, config: PipelineConfig, nlp: Language) -> Path:
    out = tmp_path_factory.mktemp("formats")
    run_files(config, [SAMPLE], out, nlp=nlp)
    return out


def _invoke(*args: str) -> str:
    result = runner.invoke(app, list(args), terminal_width=TERMINAL_WIDTH)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_wide_query_keeps_one_line_per_row_and_says_which_columns_it_hid(tables: Path) -> None:
    width = _invoke(
        "query", "SELECT count(*) AS n FROM experiences", "-t", str(tables), "-f", "csv"
    )
    rows = int(width.splitlines()[1])
    text = _invoke("query", "SELECT * FROM experiences", "-t", str(tables))
    lines = text.splitlines()
    assert all(len(line) <= TERMINAL_WIDTH for line in lines)
    assert len(lines) <= rows + 6  # borders, header, caption: no row folds onto more lines
    assert "columns shown" in text
    assert "doc_id" in lines[1]
    assert "confidence" in lines[1]  # the last column stays in view, as in the DuckDB shell


def test_query_json_has_every_column_with_iso_dates_and_real_lists(tables: Path) -> None:
    sql = "SELECT role, start_date, bullets FROM experiences ORDER BY position"
    rows = json.loads(_invoke("query", sql, "-t", str(tables), "--format", "json"))
    assert rows
    assert set(rows[0]) == {"role", "start_date", "bullets"}
    dated = [row for row in rows if row["start_date"] is not None]
    assert dated
    assert all(len(row["start_date"]) == len("2021-03-01") for row in dated)
    assert any(isinstance(row["bullets"], list) and row["bullets"] for row in rows)


def test_query_csv_prints_all_rows_past_max_rows(tables: Path) -> None:
    text = _invoke("query", "SELECT name FROM skills", "-t", str(tables), "-f", "csv")
    records = list(csv.DictReader(io.StringIO(text)))
    assert len(records) > 2
    text = _invoke("query", "SELECT name FROM skills", "-t", str(tables), "--max-rows", "2")
    assert f"2 of {len(records)} rows" in text


def test_search_json_lists_ranked_hits(tables: Path) -> None:
    hits = json.loads(_invoke("search", "forecasting", "-t", str(tables), "-f", "json"))
    assert [hit["rank"] for hit in hits] == list(range(1, len(hits) + 1))
    assert hits
    assert {"score", "doc_id", "person", "snippet", "highlights"} <= set(hits[0])


def test_eval_formats_give_the_field_scores(tables: Path, tmp_path: Path) -> None:
    gold = {"document": str(SAMPLE), "emails": ["dana.whitfield@example.com"]}
    (tmp_path / "one.json").write_text(json.dumps(gold), encoding="utf-8")
    common = ("eval", "--gold", str(tmp_path), "--tables", str(tables))
    report = json.loads(_invoke(*common, "--format", "json"))
    email = next(row for row in report["fields"] if row["field"] == "contact.email")
    assert email["true_positives"] == 1
    rows = list(csv.DictReader(io.StringIO(_invoke(*common, "--format", "csv"))))
    assert {"field", "precision", "recall", "f1", "tp", "fp", "fn"} == set(rows[0])
    assert any(row["field"] == "contact.email" and row["tp"] == "1" for row in rows)


def test_run_summary_as_json_and_as_one_csv_row(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("resume_etl.engines.local.build_nlp", lambda _settings: nlp)
    source = tmp_path / "in" / "cv.md"
    source.parent.mkdir()
    shutil.copy(SAMPLE, source)
    common = ("run", str(source.parent), "-o", str(tmp_path / "out"), "-w", "1", "-q")
    summary = json.loads(_invoke(*common, "--format", "json"))
    assert (summary["documents_read"], summary["documents_parsed"]) == (1, 1)
    assert summary["rows_written"]["experiences"] > 0
    rows = list(csv.DictReader(io.StringIO(_invoke(*common, "--format", "csv"))))
    assert len(rows) == 1
    assert rows[0]["documents_skipped"] == "1"  # the second run found it unchanged
    assert int(rows[0]["rows_written.experiences"]) == summary["rows_written"]["experiences"]


def test_export_search_to_stdout_writes_the_feed_and_no_file_named_dash(
    tables: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    lines = _invoke("export", "search", "--out", "-", "-t", str(tables)).splitlines()
    assert len(lines) == 2
    assert json.loads(lines[0])["index"]["_index"] == "resumes"
    assert json.loads(lines[1])["person_key"] == json.loads(lines[0])["index"]["_id"]
    assert not (tmp_path / "-").exists()


def test_export_jsonresume_to_stdout_writes_one_resume_a_line(
    tables: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    lines = _invoke("export", "jsonresume", "--out", "-", "-t", str(tables)).splitlines()
    assert len(lines) == 1
    resume = json.loads(lines[0])
    assert resume["meta"]["docId"]
    assert resume["basics"]["name"]
    assert list(tmp_path.iterdir()) == []


def test_shell_completion_is_offered() -> None:
    help_text = _invoke("--help")
    assert "--install-completion" in help_text
    assert "--show-completion" in help_text
    script = _invoke("--show-completion", "bash")
    assert "COMP_WORDS" in script


def test_an_export_to_a_reader_that_stopped_ends_quietly_not_as_a_disk_error(
    tables: Path,
) -> None:
    """``export ... --out - | head``: the reader leaving is not a full disk (E110, exit 74)."""
    command = [sys.executable, "-m", "resume_etl", "export", "jsonresume", "--out", "-"]
    process = subprocess.Popen(
        [*command, "-t", str(tables)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line is written
    errors = process.stderr.read().decode()
    assert process.wait(timeout=120) == 1, errors
    assert "E110" not in errors
    assert "Traceback" not in errors
