"""The run summary counts the documents per quality flag, reused documents included."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language
from typer.testing import CliRunner

from resume_etl.cli import app
from resume_etl.config import PipelineConfig
from resume_etl.runner import run_files
from tests.conftest import DEFAULT_PIPELINE

RESUME = (
    "Jane Roe\njane.roe@example.org\n\nExperience\n"
    "Data Analyst | Northwind Bank | Jan 2020 - Present\n"
    "- Cut report time by 30%\n\nEducation\nState University\nB.Sc. Statistics\n"
)


def _inputs(folder: Path) -> list[Path]:
    folder.mkdir()
    texts = {
        "lines.txt": RESUME,
        "collapsed.txt": RESUME.replace("\n\n", "    ").replace("\n", "  "),
        "plain.txt": "Jane Roe\njane.roe@example.org\nI have worked with data for ten years.\n",
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(folder.iterdir())


def test_the_summary_counts_documents_per_flag_in_every_run(
    tmp_path: Path, config: PipelineConfig, nlp: Language
) -> None:
    files = _inputs(tmp_path / "in")
    expected = {"collapsed_line_breaks": 1, "no_sections": 1}
    first = run_files(config, files, tmp_path / "out", nlp=nlp)
    assert first.quality_flags == expected
    again = run_files(config, files, tmp_path / "out", nlp=nlp)
    assert again.documents_skipped == len(files)
    assert again.quality_flags == expected
    documents = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    flags = {Path(row.source_path).name: list(row.quality_flags) for row in documents.itertuples()}
    assert flags == {
        "collapsed.txt": ["collapsed_line_breaks"],
        "lines.txt": [],
        "plain.txt": ["no_sections"],
    }


def test_the_cli_prints_the_flag_counts(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("resume_etl.engines.local.build_nlp", lambda _settings: nlp)
    _inputs(tmp_path / "in")
    result = CliRunner().invoke(
        app,
        ["run", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-p", str(DEFAULT_PIPELINE)],
        terminal_width=200,
    )
    assert result.exit_code == 0, result.output
    assert "collapsed_line_breaks 1, no_sections 1" in result.output
