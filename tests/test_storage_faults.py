"""What the storage promises under the faults of issue 18: nothing unseen is lost or pruned,
nothing written over a published table reaches the stored runs, and one file is one key."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language

from resume_etl.api import read_tables
from resume_etl.config import PipelineConfig
from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.runner import discover_inputs, run_files
from resume_etl.storage.store import committed_folder
from tests.conftest import RAW, run_folder

CORPUS = ("101_data_scientist_us.md", "104_chef_website_au.txt", "109_lawyer_uk.txt")


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """Two files at the top of the input folder, one in a subfolder."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(RAW / CORPUS[0], folder / CORPUS[0])
    shutil.copy(RAW / CORPUS[1], folder / CORPUS[1])
    shutil.copy(RAW / CORPUS[2], folder / "sub" / CORPUS[2])
    return folder


_run = run_folder


def _refuse_listing(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """``folder`` cannot be listed: tests run as root, so permission bits would not stop it."""
    real_scandir = os.scandir

    def scandir(path: str | int | os.PathLike[str] = ".") -> object:
        if not isinstance(path, int) and Path(os.fsdecode(path)) == folder:
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


@pytest.fixture
def unlistable(monkeypatch: pytest.MonkeyPatch, inputs: Path) -> Path:
    _refuse_listing(monkeypatch, inputs / "sub")
    return inputs / "sub"


def test_an_unlistable_subfolder_is_quarantined_as_e005(
    config: PipelineConfig, nlp: Language, inputs: Path, unlistable: Path, tmp_path: Path
) -> None:
    summary = _run(config, nlp, inputs, tmp_path / "out")
    quarantine = read_tables(tmp_path / "out")["quarantine"]
    row = quarantine[quarantine["source_path"] == str(unlistable)]
    assert list(row["error_code"]) == [ErrorCode.E005_UNREADABLE.value]
    assert "cannot list the folder" in row["reason"].iloc[0]
    assert (summary.documents_read, summary.documents_parsed) == (3, 2)


def test_prune_keeps_the_rows_of_an_unlistable_subfolder(
    config: PipelineConfig,
    nlp: Language,
    inputs: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "out"
    _run(config, nlp, inputs, out)
    before = read_tables(out)["documents"]
    hidden = inputs / "sub" / CORPUS[2]
    assert str(hidden) in set(before["source_path"])
    _refuse_listing(monkeypatch, inputs / "sub")
    summary = _run(config, nlp, inputs, out, prune=True)
    after = read_tables(out)["documents"]
    assert str(hidden) in set(after["source_path"])
    assert summary.documents_pruned == 0
    assert summary.documents_kept == 1
    monkeypatch.undo()
    (inputs / CORPUS[0]).unlink()  # a file really gone is still pruned
    summary = _run(config, nlp, inputs, out, prune=True)
    assert summary.documents_pruned == 2  # the gone file; the folder's E005, listed now
    tables = read_tables(out)
    assert set(tables["documents"]["source_path"]) == {str(inputs / CORPUS[1]), str(hidden)}
    assert str(inputs / "sub") not in set(tables["quarantine"]["source_path"])


def test_an_unlistable_input_folder_itself_is_reported(
    config: PipelineConfig, inputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _refuse_listing(monkeypatch, inputs)
    assert discover_inputs([inputs], config) == [inputs]


def test_listed_documents_keep_their_order_beside_an_unlisted_folder(
    config: PipelineConfig, inputs: Path, unlistable: Path
) -> None:
    found = discover_inputs([inputs], config)
    assert found == [inputs / CORPUS[0], inputs / CORPUS[1], unlistable]


def test_a_write_over_a_published_table_does_not_reach_the_stored_rows(
    config: PipelineConfig, nlp: Language, inputs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    _run(config, nlp, inputs, out)
    skills = read_tables(out)["skills"]
    assert len(skills) > 5
    skills.head(2).to_parquet(out / "skills.parquet")  # a user's edit, written in place
    summary = _run(config, nlp, inputs, out)
    assert summary.documents_skipped == 3
    assert summary.rows_written["skills"] == len(skills)
    pd.testing.assert_frame_equal(read_tables(out)["skills"], skills)


def test_a_changed_stored_table_stops_the_run_with_e108(
    config: PipelineConfig, nlp: Language, inputs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    _run(config, nlp, inputs, out)
    stored = committed_folder(out) / "skills.parquet"
    read_tables(out)["skills"].head(2).to_parquet(stored)
    with pytest.raises(ResumeEtlError) as raised:
        _run(config, nlp, inputs, out)
    assert raised.value.code is ErrorCode.E108_STORED_TABLE_CHANGED
    assert str(stored) in str(raised.value)
    rebuilt = _run(config, nlp, inputs, out, full=True, prune=True)
    assert rebuilt.documents_parsed == 3
    _run(config, nlp, inputs, out)  # the rebuilt run's tables are intact again


def test_an_output_published_by_hard_links_is_published_again_as_copies(
    config: PipelineConfig, nlp: Language, inputs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    _run(config, nlp, inputs, out)
    stored = committed_folder(out) / "skills.parquet"
    published = out / "skills.parquet"
    published.unlink()
    os.link(stored, published)  # how earlier versions published
    _run(config, nlp, inputs, out)
    assert not os.path.samefile(committed_folder(out) / "skills.parquet", published)


def test_one_folder_spelled_two_ways_is_one_set_of_files(
    config: PipelineConfig,
    nlp: Language,
    inputs: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    _run(config, nlp, Path("in"), out)
    summary = _run(config, nlp, inputs.resolve(), out)
    assert (summary.documents_read, summary.documents_skipped) == (3, 3)
    assert (summary.documents_kept, summary.documents_pruned) == (0, 0)
    tables = read_tables(out)
    assert tables["quarantine"].empty
    assert set(tables["documents"]["source_path"]) == {  # the spelling that processed them
        str(Path("in") / CORPUS[0]),
        str(Path("in") / CORPUS[1]),
        str(Path("in") / "sub" / CORPUS[2]),
    }
    monkeypatch.chdir(inputs / "sub")  # a relative spelling from elsewhere: still one file
    again = _run(config, nlp, Path(".."), out)
    assert (again.documents_read, again.documents_skipped) == (3, 3)


def test_one_file_given_in_two_spellings_in_one_run_is_read_once(
    config: PipelineConfig,
    nlp: Language,
    inputs: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    files = [Path("in") / CORPUS[0], inputs.resolve() / CORPUS[0]]
    summary = run_files(config, files, tmp_path / "out", nlp=nlp)
    assert (summary.documents_read, summary.documents_parsed) == (1, 1)
    assert read_tables(tmp_path / "out")["quarantine"].empty
