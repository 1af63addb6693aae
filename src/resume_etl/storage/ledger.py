"""The ledger: one line per committed run, kept small enough to read whole on every run.

Every run reads the ledger (recovery asks whether the current run is listed, clean-up which runs
are the newest), so it must not grow with the output folder's age: at 300,000 lines a run with
nothing to do took 16 s and 1.2 GB. Once ``ledger.jsonl`` passes ``COMPACT_BYTES`` it is
compacted: each run's newest line is kept (a run listed twice, or a line a crash cut short, is
dropped), the newest ``KEEP_LINES`` runs stay in ``ledger.jsonl`` and the older ones move,
unchanged, into ``ledger-archive/<oldest run_id>.jsonl``, which no run reads (``history``
does, for people). Compaction streams the file twice and holds one key per run, not its lines.

Crash-safe: the archive piece is written and renamed before the shorter ledger replaces the long
one, and a piece is named after its first run, so a compaction cut between the two renames is
redone over the same lines and replaces the same piece.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from resume_etl.storage.io import fsync_path

if TYPE_CHECKING:
    from resume_etl.storage.store import RunManifest

__all__ = [
    "ARCHIVE_DIR",
    "COMPACT_BYTES",
    "KEEP_LINES",
    "LEDGER_FILE",
    "Ledger",
    "LedgerLine",
    "RunCounts",
]

LEDGER_FILE = "ledger.jsonl"
ARCHIVE_DIR = "ledger-archive"
COMPACT_BYTES = 1 << 20
"""A ledger past this size (about 2,500 runs) is compacted by the next commit or recovery."""
KEEP_LINES = 1000
"""Runs that stay in ``ledger.jsonl`` after a compaction, the newest; well under the limit."""
_UNSAFE_NAME = re.compile(r"[^\w.-]")


class RunCounts(BaseModel):
    """What a run did with its inputs (figures for the ledger and the summary)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    inputs: int = 0
    processed: int = Field(default=0, description="Inputs run through the stages.")
    reused: int = Field(default=0, description="Unchanged inputs whose stored rows were kept.")
    carried: int = Field(default=0, description="Files absent from the inputs, rows kept.")
    pruned: int = Field(default=0, description="Files absent from the inputs, rows removed.")


class LedgerLine(BaseModel):
    """One committed run, as listed in ``ledger.jsonl``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    run_id: str
    committed_at: str
    fingerprint: str
    counts: RunCounts
    rows: dict[str, int]

    @classmethod
    def of(cls, manifest: RunManifest) -> LedgerLine:
        return cls(
            run_id=manifest.run_id,
            committed_at=manifest.committed_at,
            fingerprint=manifest.fingerprint,
            counts=manifest.counts,
            rows={name: table.rows for name, table in manifest.tables.items()},
        )


class Ledger:
    """``ledger.jsonl`` and its archive in one output folder's state folder."""

    def __init__(self, state: Path) -> None:
        self.file = state / LEDGER_FILE
        self.archive = state / ARCHIVE_DIR

    def lines(self) -> list[LedgerLine]:
        """The runs in ``ledger.jsonl``, oldest first; a line cut short by a crash is skipped."""
        return list(_parsed(self.file))

    def history(self) -> Iterator[LedgerLine]:
        """Every run ever committed, oldest first: the archive's pieces, then the ledger."""
        if self.archive.is_dir():
            for piece in sorted(self.archive.glob("*.jsonl")):
                yield from _parsed(piece)
        yield from _parsed(self.file)

    def append(self, line: LedgerLine) -> None:
        with self.file.open("a", encoding="utf-8") as handle:
            handle.write(line.model_dump_json() + "\n")
            handle.flush()
            os.fsync(handle.fileno())

    def repair_tail(self) -> None:
        """Cut a last line a crash left without its newline, so the next append stays whole.

        Reads from the end only: the ledger may be long (one written before compaction).
        """
        try:
            handle = self.file.open("r+b")
        except FileNotFoundError:
            return
        with handle:
            end = handle.seek(0, os.SEEK_END)
            position = end
            while position > 0:
                start = max(0, position - (1 << 16))
                handle.seek(start)
                block = handle.read(position - start)
                if position == end and block.endswith(b"\n"):
                    return
                newline = block.rfind(b"\n")
                if newline >= 0:
                    handle.truncate(start + newline + 1)
                    os.fsync(handle.fileno())
                    return
                position = start
            handle.truncate(0)
            os.fsync(handle.fileno())

    def compact_if_large(self) -> bool:
        """Compact once the ledger passes ``COMPACT_BYTES``; True when it did."""
        try:
            size = self.file.stat().st_size
        except FileNotFoundError:
            return False
        if size <= COMPACT_BYTES:
            return False
        self.compact(KEEP_LINES)
        return True

    def compact(self, keep: int) -> None:
        """Keep each run's newest line: the newest ``keep`` runs here, the rest archived."""
        newest = _newest_line_of_each_run(self.file)
        kept = set(sorted(newest.values())[-keep:])
        archived = set(newest.values()) - kept
        self.archive.mkdir(exist_ok=True)
        temporary = self.file.with_name(self.file.name + ".tmp")
        piece = self.archive / "piece.tmp"
        first_archived: str | None = None
        with (
            temporary.open("w", encoding="utf-8") as live,
            piece.open("w", encoding="utf-8") as old,
        ):
            for index, (run_id, text) in enumerate(_keyed_lines(self.file)):
                if index in kept:
                    live.write(text)
                elif index in archived:
                    first_archived = first_archived or run_id
                    old.write(text)
            _flush(live)
            _flush(old)
        if first_archived is None:
            piece.unlink()
        else:
            os.replace(piece, self.archive / f"{_safe(first_archived)}.jsonl")
            fsync_path(self.archive)
        os.replace(temporary, self.file)
        fsync_path(self.file.parent)


def _flush(handle: TextIO) -> None:
    handle.flush()
    os.fsync(handle.fileno())


def _parsed(path: Path) -> Iterator[LedgerLine]:
    try:
        handle = path.open(encoding="utf-8")
    except FileNotFoundError:
        return
    with handle:
        for text in handle:
            try:
                yield LedgerLine.model_validate_json(text)
            except ValidationError:
                continue


def _keyed_lines(path: Path) -> Iterator[tuple[str | None, str]]:
    """Each line with its run_id (None for a line that is no run: cut short, or not JSON)."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        for read in handle:
            text = read if read.endswith("\n") else read + "\n"
            try:
                value = json.loads(text)
            except json.JSONDecodeError:
                yield None, text
                continue
            run_id = value.get("run_id") if isinstance(value, dict) else None
            yield (run_id if isinstance(run_id, str) else None), text


def _newest_line_of_each_run(path: Path) -> dict[str, int]:
    """run_id -> index of its last line; lines that name no run are left out."""
    newest: dict[str, int] = {}
    for index, (run_id, _) in enumerate(_keyed_lines(path)):
        if run_id is not None:
            newest[run_id] = index
    return newest


def _safe(run_id: str) -> str:
    """A file name for an archive piece: run ids are timestamps and pids, but a file is data."""
    return _UNSAFE_NAME.sub("_", run_id)[:120] or "run"
