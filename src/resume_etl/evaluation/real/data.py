"""Where the real data is, and reading its three sets in place (never copied anywhere).

The folder is ``--data DIR``, else the environment variable ``RESUME_ETL_DATA``, else
``../shared/data`` beside the repository (looked up from the working directory, then from the
source tree, then, in a linked git worktree, from the main checkout). Its layout is described
in that folder's README.md: ``dotin/train.jsonl``, ``jsonresume/*.json`` and ``markdown/*.md``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from resume_etl.errors import ErrorCode, ResumeEtlError

DATA_ENV_VAR = "RESUME_ETL_DATA"
DEFAULT_RELATIVE = Path("..") / "shared" / "data"
SOURCE_REPO = Path(__file__).resolve().parents[4]
"""The repository root when the package runs from its source tree (an editable install)."""
NOT_RESUMES = frozenset({"manifest.json", "README.md", "SOURCES.md"})
"""Files in the JSON and markdown folders that describe the set rather than a person."""


def main_checkout(repo: Path) -> Path | None:
    """The main working tree of ``repo`` when ``repo`` is a linked git worktree (its ``.git``
    is a file naming a ``gitdir`` whose ``commondir`` is the main repository's ``.git``), so a
    worktree finds the data folder beside the main checkout as the main checkout does."""
    marker = repo / ".git"
    if not marker.is_file():
        return None
    line = marker.read_text(encoding="utf-8", errors="replace").strip()
    if not line.startswith("gitdir:"):
        return None
    gitdir = (repo / line.removeprefix("gitdir:").strip()).resolve()
    common_file = gitdir / "commondir"
    if not common_file.is_file():
        return None
    common = (gitdir / common_file.read_text(encoding="utf-8").strip()).resolve()
    return common.parent if common.name == ".git" else None


def candidate_dirs() -> list[Path]:
    """Where the data folder is looked for when none is given, in order."""
    found = [Path(os.environ[DATA_ENV_VAR])] if os.environ.get(DATA_ENV_VAR) else []
    places = [*found, Path.cwd() / DEFAULT_RELATIVE, SOURCE_REPO / DEFAULT_RELATIVE]
    main = main_checkout(SOURCE_REPO)
    if main is not None:
        places.append(main / DEFAULT_RELATIVE)
    return list(dict.fromkeys(path.resolve() for path in places))


def find_data_dir(explicit: Path | None = None) -> Path | None:
    """The real-data folder, or None when there is none (tests skip then)."""
    for folder in [explicit] if explicit is not None else candidate_dirs():
        if (folder / "dotin").is_dir() or (folder / "jsonresume").is_dir():
            return folder.resolve()
    return None


def require_data_dir(explicit: Path | None = None) -> Path:
    """The real-data folder; E104 with the places looked at when it is missing."""
    folder = find_data_dir(explicit)
    if folder is None:
        looked = [explicit] if explicit is not None else candidate_dirs()
        raise ResumeEtlError(
            ErrorCode.E104_NO_INPUT,
            "no real data folder (with dotin/ or jsonresume/) at "
            + ", ".join(str(path) for path in looked)
            + f"; pass --data DIR or set {DATA_ENV_VAR}",
            f"Pass --data the folder holding the real data sets (dotin/, jsonresume/), or set "
            f"{DATA_ENV_VAR} to it.",
        )
    return folder


@dataclass(frozen=True, slots=True)
class DotinSpan:
    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class DotinDocument:
    """One annotated résumé: its id in the source zip, its one-line text, its gold spans."""

    id: str
    text: str
    spans: tuple[DotinSpan, ...]

    @property
    def number(self) -> str:
        """The file number inside the source zip ("82" for ".../82.xml"), as README lists it."""
        return Path(self.id).stem


def read_dotin(folder: Path) -> list[DotinDocument]:
    """Every document of ``dotin/train.jsonl``, in file order (empty when the set is absent)."""
    path = folder / "dotin" / "train.jsonl"
    if not path.is_file():
        return []
    documents = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row: dict[str, Any] = json.loads(line)
        spans = tuple(
            DotinSpan(int(s["start"]), int(s["end"]), str(s["label"]), str(s["text"]))
            for s in row["spans"]
        )
        documents.append(DotinDocument(id=str(row["id"]), text=str(row["text"]), spans=spans))
    return documents


def _files(folder: Path, pattern: str) -> Iterator[Path]:
    if folder.is_dir():
        yield from (
            path
            for path in sorted(folder.glob(pattern))
            if path.is_file() and path.name not in NOT_RESUMES
        )


def jsonresume_files(folder: Path) -> list[Path]:
    """The ``resume.json`` files of the JSON Resume set, by name."""
    return list(_files(folder / "jsonresume", "*.json"))


def markdown_files(folder: Path) -> list[Path]:
    """The markdown résumés, by name."""
    return list(_files(folder / "markdown", "*.md"))
