from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from resume_etl.cli import app
from resume_etl.config import ExtractSettings
from resume_etl.evaluation.real import evaluate, markdown
from resume_etl.evaluation.real.split import DEFAULT_SEED, Half

runner = CliRunner()


def test_eval_real_help_explains_every_option() -> None:
    result = runner.invoke(app, ["eval-real", "--help"], terminal_width=200)
    assert result.exit_code == 0
    options = ("--data", "--set", "--split", "--layouts", "--limit", "--json", "--worst")
    for option in (*options, "--markdown-gold"):
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
    _session_model(nlp, monkeypatch)
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


def _session_model(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    def session_model(_settings: ExtractSettings) -> Language:
        return nlp

    monkeypatch.setattr(evaluate, "build_nlp", session_model)


def test_the_markdown_set_is_scored_against_its_gold(
    data_dir: Path, nlp: Language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _session_model(nlp, monkeypatch)
    report_file = tmp_path / "report.json"
    arguments = ["eval-real", "--data", str(data_dir), "--set", "markdown", "--split", "dev"]
    result = runner.invoke(app, [*arguments, "--limit", "2", "--json", str(report_file), "-q"])
    assert result.exit_code == 0, result.output
    (group,) = json.loads(report_file.read_text(encoding="utf-8"))["groups"]
    assert group["coverage"]["with gold"] == 2
    assert group["jobs"] > 0
    assert "work.organization" in {field["field"] for field in group["fields"]}
    assert "contact.email" not in {field["field"] for field in group["fields"]}


def test_a_markdown_cv_changed_since_its_gold_stops_the_run_with_e109(
    data_dir: Path, nlp: Language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _session_model(nlp, monkeypatch)
    first = markdown.selected(data_dir, DEFAULT_SEED, [Half.DEV], limit=1)[0][0]
    stale = {"file": first.name, "sha256": "0" * 64, "work": [], "education": []}
    (tmp_path / f"{first.stem}.json").write_text(json.dumps(stale), encoding="utf-8")
    arguments = ["eval-real", "--data", str(data_dir), "--set", "markdown", "--split", "dev"]
    arguments += ["--limit", "1", "--markdown-gold", str(tmp_path), "-q"]
    result = runner.invoke(app, arguments, terminal_width=300)
    assert result.exit_code == 2
    assert "[E109]" in result.output
    assert "E104" not in result.output
    assert "changed since its markdown gold was written" in result.output
