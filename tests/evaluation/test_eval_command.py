from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language
from typer.testing import CliRunner

from resume_etl.cli import app
from resume_etl.config import PipelineConfig
from resume_etl.runner import run_files
from tests.conftest import RAW

runner = CliRunner()


def test_eval_scores_existing_tables_and_writes_the_json_report(
    config: PipelineConfig, nlp: Language, tmp_path: Path
) -> None:
    document = RAW / "101_data_scientist_us.md"
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    gold = {"document": str(document), "emails": ["dana.whitfield@example.com", "x@example.org"]}
    (gold_dir / "one.json").write_text(json.dumps(gold), encoding="utf-8")
    run_files(config, [document], tmp_path / "tables", nlp=nlp)
    report_file = tmp_path / "report.json"
    result = runner.invoke(
        app,
        [
            "eval",
            "--gold",
            str(gold_dir),
            "--tables",
            str(tmp_path / "tables"),
            "--json",
            str(report_file),
        ],
    )
    assert result.exit_code == 0, result.output
    fields = {row["field"]: row for row in json.loads(report_file.read_text())["fields"]}
    email = fields["contact.email"]
    assert (email["true_positives"], email["false_negatives"]) == (1, 1)


def test_eval_help_explains_every_option() -> None:
    result = runner.invoke(app, ["eval", "--help"], terminal_width=200)
    assert result.exit_code == 0
    for option in ("--gold", "--out", "--tables", "--json", "--pipeline"):
        assert option in result.output


def test_eval_of_a_folder_without_gold_files_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "--gold", str(tmp_path), "--tables", str(tmp_path)])
    assert result.exit_code == 2
    assert "E104" in result.output


def test_a_gold_file_that_is_no_gold_record_exits_2_naming_it(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text('{"document": "cv.txt", "emails": 5}', encoding="utf-8")
    result = runner.invoke(app, ["eval", "--gold", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    text = " ".join(result.output.split())
    assert "[E104]" in text and "one.json is no gold record: emails Input should be" in text


def test_gold_naming_a_document_that_does_not_exist_exits_2_instead_of_scoring_it(
    tmp_path: Path,
) -> None:
    (tmp_path / "one.json").write_text('{"document": "gone.txt"}', encoding="utf-8")
    result = runner.invoke(app, ["eval", "--gold", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert "documents that do not exist" in " ".join(result.output.split())
