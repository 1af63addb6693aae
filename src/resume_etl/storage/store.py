"""The output folder as a small crash-safe store: versioned runs, a CURRENT pointer and a ledger.

Layout of an output folder ``<out>``::

    <out>/<table>.parquet                  the committed tables, where pandas looks for them
    <out>/.resume-etl/lock                 flock'ed by the one run allowed to write (lock.py)
    <out>/.resume-etl/runs/<run_id>/       every table of one committed run + manifest.json
    <out>/.resume-etl/CURRENT              the run_id of the committed run
    <out>/.resume-etl/ledger.jsonl         one line per committed run, oldest first, bounded
    <out>/.resume-etl/ledger-archive/      older ledger lines, moved by compaction (ledger.py)

A run's workers write each batch's rows as part files into ``staging-<run_id>/parts/``; the
driver merges them (with the rows it keeps from the committed run) into the tables, writes them
and the manifest into ``staging-<run_id>/``, removes the parts, fsyncs, renames the folder into
``runs/`` and then atomically replaces ``CURRENT``: that rename is the commit point. Only
then are the files copied over ``<out>/<table>.parquet`` (a reflink where the file system
shares blocks), one rename per table, so a write there never reaches a stored run. A run killed
before the commit point leaves the previous run current; a run killed after it is finished by
the next run (``recover``), which republishes the current run's tables before doing anything.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Literal

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from resume_etl._faults import checkpoint
from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.storage.io import ensure_writable, fsync_path
from resume_etl.storage.ledger import Ledger, LedgerLine, RunCounts
from resume_etl.storage.lock import OutputLock
from resume_etl.vocab import QualityFlag

STATE_DIR = ".resume-etl"
KEEP_RUNS = 2
"""Committed runs kept on disk: the current one and the one before, for readers still on it."""
PARTS_DIR = "parts"
"""Inside a staging folder: the batches' part files (``parts.py``), gone before the commit."""
_FICLONE = 0x40049409
"""Linux ``ioctl`` asking the file system for a copy sharing the source's blocks (a reflink)."""
SPILL_DIR = "spill"
"""Inside a staging folder: sorted pieces of tables too large to sort in memory."""


class Outcome(StrEnum):
    PARSED = "parsed"
    QUARANTINED = "quarantined"


class FileEntry(BaseModel):
    """Where one input file ended in a committed run; the key for reusing its rows."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source_path: str
    content_sha256: str | None
    doc_id: str | None
    outcome: Outcome
    error_code: ErrorCode | None = None
    quality_flags: list[QualityFlag] = Field(default_factory=list)
    """The document's ``documents.quality_flags``, kept so the run summary counts them."""
    resolved_path: str | None = None
    """The file's resolved path: the key a later run finds it by, however its path is spelled
    then (``source_path`` keeps the spelling of the run that processed it)."""


class TableFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    rows: int
    sha256: str


class RunManifest(BaseModel):
    """Everything needed to trust and reuse a committed run, stored beside its tables."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format_version: Literal[1] = 1
    run_id: str
    committed_at: str
    package_version: str
    pipeline_name: str
    fingerprint: str
    schema_sha256: str
    counts: RunCounts
    tables: dict[str, TableFile] = Field(default_factory=dict)
    files: list[FileEntry] = Field(description="One entry per file, in table order.")


@dataclass(frozen=True, slots=True)
class CommittedRun:
    manifest: RunManifest
    folder: Path

    def table_path(self, name: str) -> Path | None:
        """The stored table's file (read it in chunks), or None when that run did not write it."""
        if name not in self.manifest.tables:
            return None
        return self.folder / f"{name}.parquet"


def new_run_id() -> str:
    """Sortable and unique per output folder (one writer at a time holds the lock)."""
    now = dt.datetime.now(dt.UTC)
    return f"{now.strftime('%Y%m%dT%H%M%S%fZ')}-{os.getpid()}"


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Store:
    """The state folder of one output folder; use through ``open_store`` (it holds the lock)."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.state = out / STATE_DIR
        self.runs = self.state / "runs"
        self.current_file = self.state / "CURRENT"
        self._ledger = Ledger(self.state)
        self.ledger_file = self._ledger.file

    # reading --------------------------------------------------------------------------------

    def current_run_id(self) -> str | None:
        try:
            run_id = self.current_file.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return run_id or None

    def committed(self) -> CommittedRun | None:
        """The committed run, or None before the first; E106 if its records are damaged."""
        run_id = self.current_run_id()
        if run_id is None:
            return None
        folder = self.runs / run_id
        try:
            manifest = RunManifest.model_validate_json(
                (folder / "manifest.json").read_text(encoding="utf-8")
            )
        except (OSError, ValidationError) as error:
            raise ResumeEtlError(
                ErrorCode.E106_BAD_RUN_STATE,
                f"cannot read the manifest of the current run {run_id}: {error}".splitlines()[0],
            ) from error
        return CommittedRun(manifest, folder)

    def ledger(self) -> list[LedgerLine]:
        """The newest committed runs, oldest first (``ledger.py``: older ones are archived)."""
        return self._ledger.lines()

    # writing --------------------------------------------------------------------------------

    def staging(self, run_id: str) -> Path:
        """A new, empty folder the run ``run_id`` writes its tables (and parts) into."""
        folder = self.state / f"staging-{run_id}"
        folder.mkdir(parents=True)
        return folder

    def commit(self, manifest: RunManifest, tables: dict[str, pa.Table]) -> RunManifest:
        """Make ``tables``, held whole in memory, the committed run; see ``commit_staged``."""
        staging = self.staging(manifest.run_id)
        table_files: dict[str, TableFile] = {}
        for name, table in tables.items():
            path = staging / f"{name}.parquet"
            pq.write_table(table, path)
            table_files[name] = TableFile(rows=table.num_rows, sha256=file_sha256(path))
            checkpoint("load.table")
        return self.commit_staged(manifest.model_copy(update={"tables": table_files}))

    def commit_staged(self, manifest: RunManifest) -> RunManifest:
        """Make the tables written into ``staging(run_id)`` the committed run, crash-safely.

        ``manifest.tables`` names them, with their rows and digests. Part files and spilled
        pieces are removed first: a committed run holds its tables and manifest only.
        """
        staging = self.state / f"staging-{manifest.run_id}"
        for scratch in (PARTS_DIR, SPILL_DIR):
            shutil.rmtree(staging / scratch, ignore_errors=True)
        for name in manifest.tables:
            fsync_path(staging / f"{name}.parquet")
        _write_synced(staging / "manifest.json", manifest.model_dump_json(indent=1))
        fsync_path(staging)
        checkpoint("load.staged")
        self.runs.mkdir(exist_ok=True)
        os.rename(staging, self.runs / manifest.run_id)
        fsync_path(self.runs)
        checkpoint("load.renamed")
        self._point_current_at(manifest.run_id)
        checkpoint("load.committed")
        self._append_ledger(LedgerLine.of(manifest))
        checkpoint("load.ledgered")
        self._publish(CommittedRun(manifest, self.runs / manifest.run_id))
        checkpoint("load.published")
        self._remove_leftovers()
        return manifest

    def recover(self, rebuild: bool = False) -> None:
        """Finish what a killed run left: ledger line, published tables, leftover folders.

        With ``rebuild`` a damaged current run is forgotten instead of stopping the run (E106).
        """
        try:
            committed = self.committed()
        except ResumeEtlError:
            if not rebuild:
                raise
            self.current_file.unlink()
            committed = None
        if committed is not None:
            self._ledger.repair_tail()
            self._ledger.compact_if_large()  # before reading: a ledger older than compaction
            if all(line.run_id != committed.manifest.run_id for line in self.ledger()):
                self._append_ledger(LedgerLine.of(committed.manifest))
            self._publish(committed)
        self._remove_leftovers()

    def _point_current_at(self, run_id: str) -> None:
        temporary = self.state / "CURRENT.tmp"
        _write_synced(temporary, run_id + "\n")
        os.replace(temporary, self.current_file)
        fsync_path(self.state)

    def _append_ledger(self, line: LedgerLine) -> None:
        self._ledger.append(line)
        self._ledger.compact_if_large()

    def verify(self, committed: CommittedRun) -> None:
        """Check the run's stored tables against the digests in its manifest, before any of
        their rows are reused: a table changed after its commit stops the run (E108)."""
        for name, table in committed.manifest.tables.items():
            path = committed.folder / f"{name}.parquet"
            try:
                digest = file_sha256(path)
            except FileNotFoundError:
                digest = "missing"
            if digest != table.sha256:
                raise ResumeEtlError(
                    ErrorCode.E108_STORED_TABLE_CHANGED,
                    f"the stored table {path} no longer matches its run's manifest "
                    f"(changed after run {committed.manifest.run_id} committed it)",
                )

    def _publish(self, committed: CommittedRun) -> None:
        """Put a copy of each of the run's tables at ``<out>/<table>.parquet``, each by one
        atomic rename.

        A copy (a reflink where the file system can share blocks), never a hard link: a user
        writing over ``<out>/<table>.parquet`` must not reach the stored run, whose rows the
        next run reuses. A published file is current while its size and modification time are
        those of the run's (the copy keeps them); otherwise it is published again.
        """
        for name in committed.manifest.tables:
            source = committed.folder / f"{name}.parquet"
            target = self.out / f"{name}.parquet"
            if _is_copy_of(target, source):
                continue
            temporary = self.out / f".{name}.parquet.tmp"
            temporary.unlink(missing_ok=True)
            copy_file(source, temporary)
            os.replace(temporary, target)
            checkpoint("load.publish")
        fsync_path(self.out)

    def _remove_leftovers(self) -> None:
        """Staging folders and temporary files of killed runs; runs older than KEEP_RUNS."""
        for staging in self.state.glob("staging-*"):
            shutil.rmtree(staging, ignore_errors=True)
        for legacy in self.out.glob(".staging-*"):
            shutil.rmtree(legacy, ignore_errors=True)
        for temporary in self.out.glob(".*.parquet.tmp"):
            temporary.unlink(missing_ok=True)
        (self.state / "CURRENT.tmp").unlink(missing_ok=True)
        self._ledger.file.with_name(self._ledger.file.name + ".tmp").unlink(missing_ok=True)
        (self._ledger.archive / "piece.tmp").unlink(missing_ok=True)
        keep = {line.run_id for line in self.ledger()[-KEEP_RUNS:]}
        current = self.current_run_id()
        if current is not None:
            keep.add(current)
        if self.runs.is_dir():
            for folder in self.runs.iterdir():
                if folder.name not in keep:
                    shutil.rmtree(folder, ignore_errors=True)
        checkpoint("load.cleaned")


@contextlib.contextmanager
def open_store(out: Path, wait: bool = False, rebuild: bool = False) -> Iterator[Store]:
    """Lock the output folder, finish any killed run's commit, and hand out the store."""
    ensure_writable(out)
    store = Store(out)
    try:
        store.state.mkdir(exist_ok=True)
    except OSError as error:
        raise ResumeEtlError(
            ErrorCode.E103_BAD_OUTPUT_DIR, f"cannot create {store.state}: {error}"
        ) from error
    with OutputLock(store.state / "lock", wait=wait):
        store.recover(rebuild)
        yield store


def committed_folder(out: Path) -> Path:
    """Folder holding one consistent set of tables: the current run's, or ``out`` itself.

    Readers wanting every table from the same run read here; ``<out>/<table>.parquet`` may mix
    two runs for the moment a commit is publishing (or until the next run if it was killed then).
    """
    run_id = Store(out).current_run_id()
    if run_id is None:
        return out
    folder = out / STATE_DIR / "runs" / run_id
    return folder if folder.is_dir() else out


def _write_synced(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def _is_copy_of(target: Path, source: Path) -> bool:
    """A separate file (not a hard link) with the source's size and modification time."""
    try:
        mine, theirs = target.stat(), source.stat()
    except FileNotFoundError:
        return False
    return (
        (mine.st_dev, mine.st_ino) != (theirs.st_dev, theirs.st_ino)
        and mine.st_size == theirs.st_size
        and mine.st_mtime_ns == theirs.st_mtime_ns
    )


def copy_file(source: Path, target: Path) -> None:
    """A flushed copy of ``source`` with its modification time: a reflink where supported."""
    with source.open("rb") as reading, target.open("wb") as writing:
        try:
            fcntl.ioctl(writing.fileno(), _FICLONE, reading.fileno())
        except OSError:  # no shared blocks on this file system: copy the bytes
            shutil.copyfileobj(reading, writing, 1 << 20)
        writing.flush()
        os.fsync(writing.fileno())
    shutil.copystat(source, target)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
