from __future__ import annotations

import json
from pathlib import Path

import pytest

from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.evaluation.real.data import (
    DATA_ENV_VAR,
    find_data_dir,
    jsonresume_files,
    main_checkout,
    markdown_files,
    read_dotin,
    require_data_dir,
)


def _fake_data(root: Path) -> Path:
    (root / "dotin").mkdir(parents=True)
    row = {
        "id": "zip/9.xml",
        "text": '"Al Bo  Rome',
        "spans": [{"start": 1, "end": 6, "label": "Name", "text": "Al Bo"}],
    }
    (root / "dotin" / "train.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    (root / "jsonresume").mkdir()
    for name in ("a__one.json", "manifest.json"):
        (root / "jsonresume" / name).write_text("{}", encoding="utf-8")
    (root / "markdown").mkdir()
    for name in ("b__two.md", "SOURCES.md"):
        (root / "markdown" / name).write_text("# B", encoding="utf-8")
    return root


def test_the_folder_given_is_used(tmp_path: Path) -> None:
    folder = _fake_data(tmp_path / "data")
    assert find_data_dir(folder) == folder.resolve()


def test_the_environment_variable_names_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _fake_data(tmp_path / "elsewhere")
    monkeypatch.setenv(DATA_ENV_VAR, str(folder))
    assert find_data_dir() == folder.resolve()


def test_a_missing_folder_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(ResumeEtlError) as raised:
        require_data_dir(tmp_path / "nothing")
    assert raised.value.code == ErrorCode.E104_NO_INPUT


def test_the_sets_are_read_without_their_description_files(tmp_path: Path) -> None:
    folder = _fake_data(tmp_path)
    [document] = read_dotin(folder)
    assert document.number == "9"
    assert document.text[document.spans[0].start : document.spans[0].end] == "Al Bo"
    assert [path.name for path in jsonresume_files(folder)] == ["a__one.json"]
    assert [path.name for path in markdown_files(folder)] == ["b__two.md"]


def test_a_linked_worktree_finds_the_main_checkout(tmp_path: Path) -> None:
    main = tmp_path / "main"
    gitdir = main / ".git" / "worktrees" / "topic"
    gitdir.mkdir(parents=True)
    (gitdir / "commondir").write_text("../..\n", encoding="utf-8")
    worktree = tmp_path / "wt" / "topic"
    worktree.mkdir(parents=True)
    (worktree / ".git").write_text(f"gitdir: {gitdir}\n", encoding="utf-8")
    assert main_checkout(worktree) == main.resolve()
    assert main_checkout(main) is None
