"""Every failure a user can cause or meet ends in a coded one-line message and a documented exit.

No traceback reaches the terminal: a full disk during the commit, a pipeline file that is not
UTF-8, an absurd size limit, an export aimed at a file, a table whose ``doc_id`` is a path.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import Result
from spacy.language import Language
from typer.testing import CliRunner

from resume_etl import _faults
from resume_etl.cli import EXIT_BAD_SETUP, EXIT_DISK, app
from resume_etl.records import TABLE_MODELS
from tests.conftest import DEFAULT_PIPELINE, RAW

runner = CliRunner()
CODED = re.compile(r"\[E\d{3}\]")


def _assert_coded(result: Result, exit_code: int, code: str | None = None) -> str:
    """The command exited ``exit_code`` with a coded message (``code`` if given), no traceback."""
    assert result.exit_code == exit_code, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert CODED.search(result.output), result.output
    if code is not None:
        assert f"[{code}]" in result.output
    return " ".join(result.output.split())  # rich wraps long messages at the terminal width


def test_a_full_disk_during_the_commit_exits_74_and_keeps_the_last_run(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("resume_etl.engines.local.build_nlp", lambda _settings: nlp)
    source, out = RAW / "109_lawyer_uk.txt", tmp_path / "out"
    args = ["run", str(source), "-o", str(out), "-p", str(DEFAULT_PIPELINE), "-q", "--full"]
    assert runner.invoke(app, args).exit_code == 0
    before = {name: pd.read_parquet(out / f"{name}.parquet") for name in TABLE_MODELS}

    monkeypatch.setenv(_faults.FAIL_ENV, "load.table:1:ENOSPC")
    _faults.reset()
    try:
        output = _assert_coded(runner.invoke(app, args), EXIT_DISK, "E110")
    finally:
        _faults.reset()
    assert "No space left on device" in output
    for name, frame in before.items():
        pd.testing.assert_frame_equal(pd.read_parquet(out / f"{name}.parquet"), frame)
    assert not list((out / ".resume-etl").glob("staging-*"))


def test_a_pipeline_file_that_is_not_utf8_exits_2_naming_the_byte(tmp_path: Path) -> None:
    pipeline = tmp_path / "latin1.toml"
    text = DEFAULT_PIPELINE.read_text(encoding="utf-8") + "\n# Résumé settings\n"
    pipeline.write_bytes(text.encode("latin-1", errors="replace"))
    result = runner.invoke(app, ["run", str(RAW), "-o", str(tmp_path / "out"), "-p", str(pipeline)])
    output = _assert_coded(result, EXIT_BAD_SETUP, "E100")
    assert "not UTF-8" in output
    assert "0xe9" in output


def test_an_absurd_max_bytes_exits_2_naming_the_key(tmp_path: Path) -> None:
    pipeline = tmp_path / "huge.toml"
    text = DEFAULT_PIPELINE.read_text(encoding="utf-8")
    pipeline.write_text(
        text.replace("max_bytes = 20_000_000", "max_bytes = 20_000_000_000_000"), encoding="utf-8"
    )
    assert "20_000_000_000_000" in pipeline.read_text(encoding="utf-8")
    result = runner.invoke(app, ["run", str(RAW), "-o", str(tmp_path / "out"), "-p", str(pipeline)])
    assert "ingest.max_bytes" in _assert_coded(result, EXIT_BAD_SETUP, "E100")


@pytest.mark.parametrize(
    "command",
    [["export", "jsonresume"], ["export", "search"]],
    ids=["jsonresume-out-is-a-file", "search-out-is-a-folder"],
)
def test_an_export_aimed_at_the_wrong_kind_of_path_exits_2(
    tmp_path: Path, raw_tables_dir: Path, command: list[str]
) -> None:
    if command[-1] == "jsonresume":
        target = tmp_path / "a-file"
        target.write_text("not a folder", encoding="utf-8")
    else:
        target = tmp_path / "a-folder"
        target.mkdir()
    result = runner.invoke(app, [*command, "--out", str(target), "--tables", str(raw_tables_dir)])
    _assert_coded(result, EXIT_BAD_SETUP)


def test_a_doc_id_that_is_a_path_is_refused_before_any_export_is_written(
    tmp_path: Path, raw_tables_dir: Path
) -> None:
    tables = tmp_path / "tables"
    tables.mkdir()
    for name in TABLE_MODELS:
        shutil.copyfile(raw_tables_dir / f"{name}.parquet", tables / f"{name}.parquet")
    crafted = "../../escaped"
    for name in ("documents", "profiles"):
        frame = pd.read_parquet(tables / f"{name}.parquet")
        first = frame["doc_id"].iloc[0]
        frame["doc_id"] = frame["doc_id"].where(frame["doc_id"] != first, crafted)
        frame.to_parquet(tables / f"{name}.parquet")
    sites = tmp_path / "deep" / "er" / "sites"
    result = runner.invoke(app, ["export", "jsonresume", "--out", str(sites), "-t", str(tables)])
    assert crafted in _assert_coded(result, EXIT_BAD_SETUP, "E111")
    assert not (tmp_path / "deep" / "escaped").exists()
    assert not sites.exists() or not any(sites.iterdir())


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["query", "SELECT 1", "--tables", "{folder}"], "E104"),
        (["export", "search", "--out", "-", "--tables", "{folder}"], "E104"),
        (["show", "abcdef", "--tables", "{folder}"], "E104"),
        (["eval", "--gold", "{folder}"], "E104"),
        (["run", "{folder}", "-p", "{folder}/p.toml", "-o", "{folder}/out"], "E100"),
    ],
)
def test_a_path_the_user_cannot_read_gets_the_coded_error_not_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], code: str
) -> None:
    """The command line checks no path's permissions itself (typer would answer with an uncoded
    usage error): the run quarantines an unreadable input with E005, and the others say E1xx."""
    real_access = os.access  # the tests run as root, whom no permission stops: deny it here
    monkeypatch.setattr(
        os,
        "access",
        lambda path, mode, **kw: False if mode & os.R_OK else real_access(path, mode, **kw),
    )
    argv = [arg.format(folder=tmp_path) for arg in args]
    output = _assert_coded(runner.invoke(app, argv), EXIT_BAD_SETUP, code)
    assert "not readable" not in output
