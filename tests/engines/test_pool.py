"""The process pool writes the same tables as one process, whatever the number of workers."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language
from typer.testing import CliRunner

from resume_etl.cli import app
from resume_etl.config import ComponentSpec, PipelineConfig
from resume_etl.errors import ConfigError, ErrorCode
from resume_etl.records import TABLE_MODELS
from resume_etl.runner import discover_inputs, run_files, run_with_workers
from tests.conftest import RAW


def test_two_workers_write_the_same_tables_as_one_process(
    config: PipelineConfig, nlp: Language, tmp_path: Path
) -> None:
    files = discover_inputs([RAW], config)
    one, two = tmp_path / "one", tmp_path / "two"
    run_files(config, files, one, nlp=nlp)
    # Batches of 3 files make five batches, so both workers get some and finish out of order.
    summary = run_with_workers(config, files, two, workers=2, batch_size=3)
    assert summary.documents_read == len(files)
    assert summary.workers == 2  # a number given is used, small input or not
    for table in TABLE_MODELS:
        pd.testing.assert_frame_equal(
            pd.read_parquet(one / f"{table}.parquet"), pd.read_parquet(two / f"{table}.parquet")
        )


def test_a_duplicate_in_a_later_batch_is_quarantined_like_in_one_process(
    config: PipelineConfig, nlp: Language, tmp_path: Path, files_with_late_duplicate: list[Path]
) -> None:
    files = files_with_late_duplicate
    one, two = tmp_path / "one", tmp_path / "two"
    run_files(config, files, one, nlp=nlp)
    run_with_workers(config, files, two, workers=2, batch_size=1)
    expected = pd.read_parquet(one / "quarantine.parquet")
    assert expected["error_code"].tolist() == ["E006"]
    pd.testing.assert_frame_equal(expected, pd.read_parquet(two / "quarantine.parquet"))


def test_run_command_takes_a_number_of_workers(tmp_path: Path) -> None:
    source = RAW / "101_data_scientist_us.md"
    result = CliRunner().invoke(
        app, ["run", str(source), "--out", str(tmp_path), "--workers", "1", "--quiet"]
    )
    assert result.exit_code == 0, result.output
    assert len(pd.read_parquet(tmp_path / "documents.parquet")) == 1


def test_a_worker_that_cannot_build_its_pipeline_reports_the_coded_error(
    config: PipelineConfig, tmp_path: Path
) -> None:
    unknown = ComponentSpec(factory="resume_etl_no_such_factory_v1")
    extract = config.extract.model_copy(update={"components": (unknown,)})
    broken = config.model_copy(update={"extract": extract})
    files = discover_inputs([RAW], config)[:2]
    with pytest.raises(ConfigError) as caught:  # not E125 "a worker died", nor a traceback
        run_with_workers(broken, files, tmp_path / "out", workers=2, batch_size=1)
    assert caught.value.code is ErrorCode.E100_BAD_CONFIG
    assert "extract.components.0" in caught.value.message
