"""Exports write atomically, only inside --out, never through links, with coded errors."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from resume_etl._faults import KILL_ENV
from resume_etl.cli import EXIT_BAD_SETUP, app
from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.exports._files import KILL_POINT, export_root, subfolder, write_atomically
from resume_etl.exports.jsonresume import RESUME_FILE_NAME
from resume_etl.exports.profiles import read_profiles

runner = CliRunner()
OUTSIDE_TEXT = "a file outside the export folder\n"


def _first_folder(tables: Path) -> str:
    """The folder name of the first profile's site: its person key."""
    return read_profiles(tables)[0].person_key


def _outside_file(tmp_path: Path) -> Path:
    outside = tmp_path / "elsewhere" / "precious.txt"
    outside.parent.mkdir()
    outside.write_text(OUTSIDE_TEXT, "utf-8")
    return outside


def _export(kind: str, tables: Path, out: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["export", kind, "--tables", str(tables), "--out", str(out)])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_link_in_place_of_a_resume_file_is_refused_and_its_target_untouched(
    raw_tables_dir: Path, tmp_path: Path
) -> None:
    outside = _outside_file(tmp_path)
    out = tmp_path / "site"
    (out / _first_folder(raw_tables_dir)).mkdir(parents=True)
    (out / _first_folder(raw_tables_dir) / RESUME_FILE_NAME).symlink_to(outside)
    exit_code, output = _export("jsonresume", raw_tables_dir, out)
    assert exit_code == EXIT_BAD_SETUP
    assert "E131" in output
    assert outside.read_text("utf-8") == OUTSIDE_TEXT


def test_link_in_place_of_a_document_folder_is_refused_and_nothing_written_through_it(
    raw_tables_dir: Path, tmp_path: Path
) -> None:
    outside_folder = _outside_file(tmp_path).parent
    out = tmp_path / "site"
    out.mkdir()
    (out / _first_folder(raw_tables_dir)).symlink_to(outside_folder, target_is_directory=True)
    exit_code, output = _export("jsonresume", raw_tables_dir, out)
    assert exit_code == EXIT_BAD_SETUP
    assert "E131" in output
    assert sorted(path.name for path in outside_folder.iterdir()) == ["precious.txt"]


def test_search_feed_that_is_a_link_is_refused_and_its_target_untouched(
    raw_tables_dir: Path, tmp_path: Path
) -> None:
    outside = _outside_file(tmp_path)
    feed = tmp_path / "feeds" / "feed.ndjson"
    feed.parent.mkdir()
    feed.symlink_to(outside)
    exit_code, output = _export("search", raw_tables_dir, feed)
    assert exit_code == EXIT_BAD_SETUP
    assert "E131" in output
    assert outside.read_text("utf-8") == OUTSIDE_TEXT
    assert feed.is_symlink()


def test_file_where_a_document_folder_should_be_is_a_coded_error(
    raw_tables_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / _first_folder(raw_tables_dir)).write_text("in the way", "utf-8")
    exit_code, output = _export("jsonresume", raw_tables_dir, out)
    assert exit_code == EXIT_BAD_SETUP
    assert "E130" in output


def test_jsonresume_out_that_is_a_file_is_a_coded_error(
    raw_tables_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site.json"
    out.write_text("{}", "utf-8")
    exit_code, output = _export("jsonresume", raw_tables_dir, out)
    assert exit_code == EXIT_BAD_SETUP
    assert "E130" in output
    assert out.read_text("utf-8") == "{}"


def test_out_below_a_file_is_a_coded_error_naming_the_file(
    raw_tables_dir: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x", "utf-8")
    exit_code, output = _export("search", raw_tables_dir, blocker / "feed.ndjson")
    assert exit_code == EXIT_BAD_SETUP
    assert "E130" in output
    assert "notes.txt" in output


def test_search_out_that_is_a_folder_is_a_coded_error(raw_tables_dir: Path, tmp_path: Path) -> None:
    exit_code, output = _export("search", raw_tables_dir, tmp_path)
    assert exit_code == EXIT_BAD_SETUP
    assert "E132" in output


def test_export_replaces_an_earlier_file_and_leaves_no_temporary(
    raw_tables_dir: Path, tmp_path: Path
) -> None:
    feed = tmp_path / "feed.ndjson"
    feed.write_text("old feed\n", "utf-8")
    exit_code, _ = _export("search", raw_tables_dir, feed)
    assert exit_code == 0
    assert json.loads(feed.read_text("utf-8").splitlines()[0])["index"]
    assert [path.name for path in tmp_path.iterdir()] == ["feed.ndjson"]


def test_a_failed_write_keeps_the_old_file_and_removes_its_temporary(tmp_path: Path) -> None:
    target = tmp_path / "feed.ndjson"
    target.write_text("old\n", "utf-8")

    def chunks_that_fail() -> Iterator[str]:
        yield "new first line\n"
        raise OSError(errno.ENOSPC, "No space left on device")

    with export_root(tmp_path) as folder, pytest.raises(ResumeEtlError) as raised:
        write_atomically(folder, target.name, chunks_that_fail())
    assert raised.value.code == ErrorCode.E103_BAD_OUTPUT_DIR
    assert target.read_text("utf-8") == "old\n"
    assert [path.name for path in tmp_path.iterdir()] == ["feed.ndjson"]


@pytest.mark.parametrize("name", ["..", "../escape", "a/b", ""])
def test_a_name_that_leaves_the_folder_is_refused(tmp_path: Path, name: str) -> None:
    with (
        export_root(tmp_path / "out") as root,
        pytest.raises(ResumeEtlError) as raised,
        subfolder(root, name),
    ):
        pass
    assert raised.value.code == ErrorCode.E131_EXPORT_SYMLINK
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out"]


def _killed_export(kind: str, tables: Path, out: Path, visit: int) -> None:
    """Run an export in a child process that SIGKILLs itself at the ``visit``-th chunk."""
    code = "from resume_etl.cli import app; app()"
    arguments = ["export", kind, "--tables", str(tables), "--out", str(out)]
    environment = {**os.environ, KILL_ENV: f"{KILL_POINT}:{visit}"}
    completed = subprocess.run(
        [sys.executable, "-c", code, *arguments], env=environment, check=False, timeout=300
    )
    assert completed.returncode == -9


def test_killed_search_export_leaves_the_old_feed_whole(
    raw_tables_dir: Path, tmp_path: Path
) -> None:
    feed = tmp_path / "feed.ndjson"
    feed.write_text("old feed\n", "utf-8")
    _killed_export("search", raw_tables_dir, feed, visit=3)
    assert feed.read_text("utf-8") == "old feed\n"


def test_killed_jsonresume_export_leaves_only_whole_files(
    raw_tables_dir: Path, tmp_path: Path
) -> None:
    _killed_export("jsonresume", raw_tables_dir, tmp_path, visit=2)
    written = list(tmp_path.glob(f"*/{RESUME_FILE_NAME}"))
    assert len(written) == 1
    assert json.loads(written[0].read_text("utf-8"))["meta"]["personKey"] == written[0].parent.name
