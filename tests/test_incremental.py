"""Idempotent, incremental runs: unchanged inputs keep their rows; tables match a full run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language

from resume_etl.api import read_tables
from resume_etl.config import PipelineConfig
from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.runner import RunOptions, discover_inputs, run_files
from tests.conftest import RAW, run_folder

CORPUS = ("101_data_scientist_us.md", "104_chef_website_au.txt", "109_lawyer_uk.txt")


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in CORPUS:
        shutil.copy(RAW / name, folder / name)
    return folder


_run = run_folder


def assert_same_tables(left: Path, right: Path) -> None:
    left_tables, right_tables = read_tables(left), read_tables(right)
    assert left_tables.keys() == right_tables.keys()
    for name, frame in left_tables.items():
        pd.testing.assert_frame_equal(frame, right_tables[name], obj=name)


def test_same_inputs_twice_give_identical_tables(
    config: PipelineConfig, nlp: Language, inputs: Path, tmp_path: Path
) -> None:
    _run(config, nlp, inputs, tmp_path / "once")
    _run(config, nlp, inputs, tmp_path / "twice")
    _run(config, nlp, inputs, tmp_path / "twice")
    assert_same_tables(tmp_path / "once", tmp_path / "twice")


def test_second_run_skips_every_unchanged_document(
    config: PipelineConfig, nlp: Language, inputs: Path, tmp_path: Path
) -> None:
    _run(config, nlp, inputs, tmp_path / "out")
    summary = _run(config, nlp, inputs, tmp_path / "out")
    assert summary.documents_skipped == 3
    assert (summary.documents_read, summary.documents_parsed) == (3, 3)


def test_unchanged_run_does_not_load_the_model(
    config: PipelineConfig,
    nlp: Language,
    inputs: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _run(config, nlp, inputs, tmp_path / "out")

    def no_model(_: object) -> Language:
        raise AssertionError("the model was loaded for a run with nothing to process")

    monkeypatch.setattr("resume_etl.engines.local.build_nlp", no_model)
    files = discover_inputs([inputs], config)
    assert run_files(config, files, tmp_path / "out").documents_skipped == 3


def test_changed_document_alone_is_reprocessed(
    config: PipelineConfig, nlp: Language, inputs: Path, tmp_path: Path
) -> None:
    _run(config, nlp, inputs, tmp_path / "out")
    changed = inputs / CORPUS[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nSkills: Python\n", "utf-8")
    summary = _run(config, nlp, inputs, tmp_path / "out")
    assert summary.documents_skipped == 2
    _run(config, nlp, inputs, tmp_path / "full", full=True)
    assert_same_tables(tmp_path / "out", tmp_path / "full")


def test_full_reprocesses_every_input(
    config: PipelineConfig, nlp: Language, inputs: Path, tmp_path: Path
) -> None:
    _run(config, nlp, inputs, tmp_path / "out")
    assert _run(config, nlp, inputs, tmp_path / "out", full=True).documents_skipped == 0


def test_a_new_pipeline_fingerprint_reprocesses_everything(
    config: PipelineConfig, nlp: Language, inputs: Path, tmp_path: Path
) -> None:
    _run(config, nlp, inputs, tmp_path / "out")
    bumped = config.model_copy(update={"version": config.version + 1})
    assert _run(bumped, nlp, inputs, tmp_path / "out").documents_skipped == 0


def test_removed_input_keeps_its_rows_without_prune(
    config: PipelineConfig, nlp: Language, inputs: Path, tmp_path: Path
) -> None:
    _run(config, nlp, inputs, tmp_path / "out")
    (inputs / CORPUS[0]).unlink()
    summary = _run(config, nlp, inputs, tmp_path / "out")
    assert (summary.documents_read, summary.documents_kept) == (2, 1)
    documents = read_tables(tmp_path / "out")["documents"]
    assert documents["source_path"].str.endswith(CORPUS[0]).sum() == 1


def test_prune_removes_rows_of_files_no_longer_given(
    config: PipelineConfig, nlp: Language, inputs: Path, tmp_path: Path
) -> None:
    _run(config, nlp, inputs, tmp_path / "out")
    (inputs / CORPUS[0]).unlink()
    summary = _run(config, nlp, inputs, tmp_path / "out", prune=True)
    assert summary.documents_pruned == 1
    _run(config, nlp, inputs, tmp_path / "fresh")
    assert_same_tables(tmp_path / "out", tmp_path / "fresh")


def test_duplicate_added_later_ends_as_in_a_full_run(
    config: PipelineConfig, nlp: Language, inputs: Path, tmp_path: Path
) -> None:
    _run(config, nlp, inputs, tmp_path / "out")
    shutil.copy(inputs / CORPUS[2], inputs / "000_copy_first.txt")
    _run(config, nlp, inputs, tmp_path / "out")
    _run(config, nlp, inputs, tmp_path / "full", full=True)
    assert_same_tables(tmp_path / "out", tmp_path / "full")
    quarantine = read_tables(tmp_path / "out")["quarantine"]
    assert quarantine["error_code"].tolist() == ["E006"]
    assert quarantine["reason"].str.endswith("000_copy_first.txt").all()


def test_a_carried_duplicate_ahead_of_its_original_keeps_the_text_in_the_tables(
    config: PipelineConfig, nlp: Language, inputs: Path, tmp_path: Path
) -> None:
    """Carried files are ranked by path, so the duplicate can come before its original."""
    original, copy = inputs / "z_original.txt", inputs / "a_copy.txt"
    shutil.copy(inputs / CORPUS[2], original)
    shutil.copy(original, copy)
    run_files(config, [original, copy], tmp_path / "out", nlp=nlp)
    run_files(config, [inputs / CORPUS[0]], tmp_path / "out", nlp=nlp)
    tables = read_tables(tmp_path / "out")
    assert str(original) in tables["documents"]["source_path"].tolist()
    quarantine = tables["quarantine"]
    assert quarantine["source_path"].tolist() == [str(copy)]
    assert quarantine["reason"].tolist() == [f"same text as {original}"]


def test_inputs_in_a_new_order_give_the_tables_of_a_full_run_in_that_order(
    config: PipelineConfig, nlp: Language, inputs: Path, tmp_path: Path
) -> None:
    """The stored rows are then out of rank order: they are sorted through spilled pieces."""
    files = discover_inputs([inputs], config)
    run_files(config, files, tmp_path / "out", nlp=nlp)
    (inputs / CORPUS[1]).write_text("Jane Roe\nChef\n\nSkills\nBaking, Plating\n")
    reordered = list(reversed(files))
    summary = run_files(config, reordered, tmp_path / "out", nlp=nlp)
    assert (summary.documents_skipped, summary.documents_parsed) == (2, 3)
    run_files(config, reordered, tmp_path / "full", nlp=nlp, options=RunOptions(full=True))
    assert_same_tables(tmp_path / "out", tmp_path / "full")
    documents = read_tables(tmp_path / "out")["documents"]
    assert documents["source_path"].tolist() == [str(path) for path in reordered]


def test_a_committed_run_holds_only_its_tables_and_manifest(
    config: PipelineConfig, nlp: Language, inputs: Path, tmp_path: Path
) -> None:
    _run(config, nlp, inputs, tmp_path / "out")
    (run_folder,) = (tmp_path / "out" / ".resume-etl" / "runs").iterdir()
    names = {path.name for path in run_folder.iterdir()}
    assert names == {"manifest.json"} | {f"{table}.parquet" for table in config.load.tables}


def test_quarantined_input_is_kept_and_counted_on_a_skipped_run(
    config: PipelineConfig, nlp: Language, inputs: Path, tmp_path: Path
) -> None:
    (inputs / "scan.txt").write_bytes(b"%PDF-1.7 binary")
    _run(config, nlp, inputs, tmp_path / "out")
    summary = _run(config, nlp, inputs, tmp_path / "out")
    assert (summary.documents_skipped, summary.documents_quarantined) == (4, 1)
    assert summary.quarantine_rows == 1


def test_absent_files_under_a_changed_schema_need_prune(
    config: PipelineConfig,
    nlp: Language,
    inputs: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _run(config, nlp, inputs, tmp_path / "out")
    (inputs / CORPUS[0]).unlink()
    monkeypatch.setattr("resume_etl.storage.plan.schema_digest", lambda: "another schema")
    with pytest.raises(ResumeEtlError) as raised:
        _run(config, nlp, inputs, tmp_path / "out")
    assert raised.value.code is ErrorCode.E107_CANNOT_CARRY
