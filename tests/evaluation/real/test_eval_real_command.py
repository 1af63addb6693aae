from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from resume_etl.cli import app
from resume_etl.config import ExtractSettings
from resume_etl.evaluation.real import evaluate

runner = CliRunner()


def test_eval_real_help_explains_every_option() -> None:
    result = runner.invoke(app, ["eval-real", "--help"], terminal_width=200)
    assert result.exit_code == 0
    for option in ("--data", "--set", "--split", "--layouts", "--limit", "--json", "--worst"):
        assert option in result.output


def test_a_missing_data_folder_exits_2_with_e104(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval-real", "--data", str(tmp_path / "nowhere"), "-q"])
    assert result.exit_code == 2
    assert "E104" in result.output


def test_an_unknown_layout_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval-real", "--data", str(tmp_path), "--layouts", "poster"])
    assert result.exit_code == 2
    assert "poster" in result.output


def test_a_small_run_writes_json_and_markdown_reports(
    data_dir: Path, nlp: Language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def session_model(_settings: ExtractSettings) -> Language:
        return nlp

    monkeypatch.setattr(evaluate, "build_nlp", session_model)
    report_file, tables_file = tmp_path / "report.json", tmp_path / "tables.md"
    arguments = ["eval-real", "--data", str(data_dir), "--set", "jsonresume", "--split", "dev"]
    arguments += ["--layouts", "markdown,pdf,oneline", "--limit", "1", "--json", str(report_file)]
    keep = tmp_path / "keep"
    arguments += ["--keep", str(keep), "--worst", "3"]
    result = runner.invoke(app, [*arguments, "--markdown", str(tables_file), "-q"])
    assert result.exit_code == 0, result.output
    groups = json.loads(report_file.read_text(encoding="utf-8"))["groups"]
    assert [(g["layout"], g["half"]) for g in groups] == [
        ("markdown", "dev"),
        ("pdf", "dev"),
        ("oneline", "dev"),
        ("all", "dev"),
    ]
    assert all(g["documents"] for g in groups)
    assert groups[-1]["documents"] == 2, "oneline re-reads the pdf text: never pooled"
    assert "entry accuracy" in tables_file.read_text(encoding="utf-8")
    assert "entry accuracy" in result.output
    assert "worst 3 dev documents" in result.output
    kept = keep / "jsonresume"
    assert sorted(path.suffix for path in (kept / "in").iterdir()) == [".md", ".txt", ".txt"]
    assert len(list((kept / "gold").glob("*.json"))) == 3
    assert (kept / "out" / "experiences.parquet").is_file()
