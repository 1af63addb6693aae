"""Plan a run: which inputs need the stages, and which keep the rows an earlier run stored.

An input is reused when its resolved path, raw-byte SHA-256 and the pipeline fingerprint all
match the committed run; everything else is processed. Files an earlier run stored but no longer
given are carried (kept) or, with ``prune``, dropped, except files inside a folder that could not
be listed: unseen is not gone. ``merge.py`` then writes the tables from the plan.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.storage.fingerprint import schema_digest
from resume_etl.storage.store import CommittedRun, FileEntry

__all__ = ["RunOptions", "RunPlan", "content_sha256", "plan_run", "stored_key"]


@dataclass(frozen=True, slots=True)
class RunOptions:
    """How a run treats what earlier runs stored."""

    full: bool = False
    """Reprocess every input even when its stored rows are still valid."""
    prune: bool = False
    """Remove the rows of files that are no longer among the inputs."""
    wait: bool = False
    """Wait for another run on the same output folder instead of failing (E105)."""


@dataclass(slots=True)
class RunPlan:
    """What a run does with each file: process it, reuse its stored rows, carry or prune them."""

    inputs: list[Path]
    """Input files without repeats, in the order given: the order of the tables."""
    to_process: list[Path]
    reused: dict[str, FileEntry]
    carried: list[FileEntry]
    pruned: list[FileEntry]
    fingerprint: str
    keys: dict[str, str] = field(default_factory=dict)
    """Input spelling -> the resolved path it is stored under (``FileEntry.resolved_path``)."""


def plan_run(
    files: Sequence[Path],
    previous: CommittedRun | None,
    fingerprint: str,
    max_bytes: int,
    options: RunOptions,
) -> RunPlan:
    """Split the inputs into files to process and files whose stored rows stay valid."""
    keys = _input_keys(files)
    inputs = [Path(path) for path in keys]
    stored = {stored_key(entry): entry for entry in previous.manifest.files} if previous else {}
    reusable = (
        previous is not None and previous.manifest.fingerprint == fingerprint and not options.full
    )
    reused: dict[str, FileEntry] = {}
    to_process: list[Path] = []
    for path in inputs:
        entry = stored.get(keys[str(path)])
        if reusable and entry is not None and _unchanged(entry, path, max_bytes):
            reused[str(path)] = entry
        else:
            to_process.append(path)
    given = set(keys.values())
    absent = sorted(
        (entry for key, entry in stored.items() if key not in given),
        key=lambda entry: entry.source_path,
    )
    pruned: list[FileEntry] = []
    if options.prune:
        unseen = _unlisted_folders(inputs)
        pruned = [entry for entry in absent if not _inside(entry, unseen)]
        absent = [entry for entry in absent if _inside(entry, unseen)]
    if absent and previous is not None:
        _check_carriable(previous, absent)
    return RunPlan(
        inputs=inputs,
        to_process=to_process,
        reused=reused,
        carried=absent,
        pruned=pruned,
        fingerprint=fingerprint,
        keys=keys,
    )


def _input_keys(files: Sequence[Path]) -> dict[str, str]:
    """Each input's spelling -> the key it is stored under, the first spelling of a file only.

    The key is the resolved path, so ``raw/a.txt`` and ``/home/me/raw/a.txt`` (or a path
    through a symlinked folder) are one file: reused, not processed again as a new one.
    """
    keys: dict[str, str] = {}
    seen: set[str] = set()
    for path in files:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            keys[str(path)] = key
    return keys


def stored_key(entry: FileEntry) -> str:
    """The key of a stored file; manifests written before keys were kept resolve its path."""
    return entry.resolved_path or os.path.realpath(entry.source_path)


def _unlisted_folders(inputs: Sequence[Path]) -> list[Path]:
    """Folders among the inputs: discovery hands a folder over only when it could not list it.

    What such a folder holds was not seen, so ``--prune`` must not take it for removed.
    """
    return [Path(os.path.realpath(path)) for path in inputs if path.is_dir()]


def _inside(entry: FileEntry, folders: Sequence[Path]) -> bool:
    if not folders:
        return False
    path = Path(stored_key(entry))
    return any(path.is_relative_to(folder) for folder in folders)


def _unchanged(entry: FileEntry, path: Path, max_bytes: int) -> bool:
    """Same bytes as stored. Duplicates are always redone: their winner may have changed."""
    if entry.content_sha256 is None or entry.error_code is ErrorCode.E006_DUPLICATE:
        return False
    return content_sha256(path, max_bytes) == entry.content_sha256


def _check_carriable(previous: CommittedRun, absent: list[FileEntry]) -> None:
    if previous.manifest.schema_sha256 != schema_digest():
        raise ResumeEtlError(
            ErrorCode.E107_CANNOT_CARRY,
            f"the table schema changed since the last run, so the rows of {len(absent)} files "
            f"no longer among the inputs (e.g. {absent[0].source_path}) cannot be kept",
        )


def content_sha256(path: Path, max_bytes: int) -> str | None:
    """SHA-256 of a regular file of at most ``max_bytes``; None when it cannot be compared."""
    try:
        if not path.is_file() or path.stat().st_size > max_bytes:
            return None
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()
