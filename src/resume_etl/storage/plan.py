"""Plan a run: which inputs need the stages, and which keep the rows an earlier run stored.

An input is reused when its path, raw-byte SHA-256 and the pipeline fingerprint all match the
committed run; everything else is processed. Files an earlier run stored but no longer given are
carried (kept) or, with ``prune``, dropped; ``merge.py`` then writes the tables from the plan.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.storage.fingerprint import schema_digest
from resume_etl.storage.store import CommittedRun, FileEntry

__all__ = ["RunOptions", "RunPlan", "content_sha256", "plan_run"]


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


def plan_run(
    files: Sequence[Path],
    previous: CommittedRun | None,
    fingerprint: str,
    max_bytes: int,
    options: RunOptions,
) -> RunPlan:
    """Split the inputs into files to process and files whose stored rows stay valid."""
    inputs = list(dict.fromkeys(files))
    stored = {entry.source_path: entry for entry in previous.manifest.files} if previous else {}
    reusable = (
        previous is not None and previous.manifest.fingerprint == fingerprint and not options.full
    )
    reused: dict[str, FileEntry] = {}
    to_process: list[Path] = []
    for path in inputs:
        entry = stored.get(str(path))
        if reusable and entry is not None and _unchanged(entry, path, max_bytes):
            reused[str(path)] = entry
        else:
            to_process.append(path)
    given = {str(path) for path in inputs}
    absent = sorted(
        (entry for entry in stored.values() if entry.source_path not in given),
        key=lambda entry: entry.source_path,
    )
    if absent and not options.prune and previous is not None:
        _check_carriable(previous, absent)
    return RunPlan(
        inputs=inputs,
        to_process=to_process,
        reused=reused,
        carried=[] if options.prune else absent,
        pruned=absent if options.prune else [],
        fingerprint=fingerprint,
    )


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
