"""Incremental runs: decide which inputs need the stages, then merge fresh rows with stored ones.

An input is reused when its path, raw-byte SHA-256 and the pipeline fingerprint all match the
committed run; everything else is processed. The merged tables are the same as a full run would
write: rows are ordered by the rank of their file (inputs in the order given, then files kept
from earlier runs by path), and duplicates are settled over all files, the first ranked wins.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

import resume_etl
from resume_etl._faults import checkpoint
from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.fingerprint import schema_digest
from resume_etl.parts import PART_SOURCE, PartFile
from resume_etl.records import TABLE_MODELS, QuarantineRecord
from resume_etl.schema import arrow_schema
from resume_etl.stages.load import to_arrow
from resume_etl.store import (
    PARTS_DIR,
    SPILL_DIR,
    CommittedRun,
    FileEntry,
    Outcome,
    RunCounts,
    RunManifest,
    TableFile,
    file_sha256,
)
from resume_etl.store import now_iso as _now_iso
from resume_etl.streaming import (
    READ_ROWS,
    ChunkSource,
    RankedChunk,
    Ranker,
    TableWriter,
    merge_runs,
    run_in_memory,
    runs_of,
)
from resume_etl.vocab import Stage


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
class RunSummary:
    """What a run did: the figures the CLI prints at the end.

    ``documents_read == documents_parsed + documents_quarantined``: every input ends in exactly
    one place. ``documents_skipped`` of them were unchanged and kept their stored rows.
    """

    documents_read: int = 0
    documents_parsed: int = 0
    documents_quarantined: int = 0
    documents_skipped: int = 0
    documents_pruned: int = 0
    documents_kept: int = 0
    """Files absent from the inputs whose rows were kept (no ``--prune``)."""
    documents_encoding_doubtful: int = 0
    """Parsed inputs whose legacy encoding is in doubt (``documents.encoding_doubt``)."""
    quarantine_rows: int = 0
    """Quarantine rows of this run's inputs, document or record level; ``--strict`` fails on any."""
    rows_written: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    out: Path = Path()
    run_id: str = ""
    stage_seconds: dict[str, float] = field(default_factory=dict)
    """Seconds per stage (``engines.timing.STAGES``), summed over workers."""
    documents_per_worker: dict[str, int] = field(default_factory=dict)
    """Documents each worker (by address) processed; filled by the Dask engine only."""

    @classmethod
    def of(cls, merged: MergedRun, out: Path, seconds: float) -> RunSummary:
        manifest = merged.manifest
        counts = manifest.counts
        inputs = manifest.files[: counts.inputs]
        return cls(
            documents_read=counts.inputs,
            documents_parsed=sum(entry.outcome is Outcome.PARSED for entry in inputs),
            documents_quarantined=sum(entry.outcome is Outcome.QUARANTINED for entry in inputs),
            documents_skipped=counts.reused,
            documents_pruned=counts.pruned,
            documents_kept=counts.carried,
            documents_encoding_doubtful=sum(entry.encoding_doubt for entry in inputs),
            quarantine_rows=merged.quarantine_rows,
            rows_written={name: table.rows for name, table in manifest.tables.items()},
            seconds=seconds,
            out=out,
            run_id=manifest.run_id,
        )


@dataclass(slots=True)
class RunPlan:
    inputs: list[Path]
    """Input files without repeats, in the order given: the order of the tables."""
    to_process: list[Path]
    reused: dict[str, FileEntry]
    carried: list[FileEntry]
    pruned: list[FileEntry]
    fingerprint: str


@dataclass(slots=True)
class MergedRun:
    manifest: RunManifest
    """The run's manifest, its tables' row counts and digests included."""
    quarantine_rows: int
    """Quarantine rows naming one of this run's inputs (``--strict`` fails on any)."""


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


@dataclass(slots=True)
class _Ranked:
    """One file's entry in table order, and whether its rows are fresh (in parts) or stored."""

    entry: FileEntry
    fresh: bool
    rank: int


@dataclass(slots=True)
class _Settled:
    """Who keeps which rows, once duplicates are settled over every ranked file."""

    entries: list[FileEntry]
    """The manifest's entries, in table order."""
    driver_quarantine: list[QuarantineRecord]
    """Rows the driver writes itself: duplicates, and files the stages gave no outcome for."""
    fresh_rows: dict[str, int] = field(default_factory=dict)
    """Path -> rank of each processed file whose rows stand (its parts are read)."""
    stored_rows: dict[str, int] = field(default_factory=dict)
    """doc_id -> rank of each stored file whose rows stand."""
    fresh_quarantine: dict[str, int] = field(default_factory=dict)
    stored_quarantine: dict[str, int] = field(default_factory=dict)
    ranks: dict[str, int] = field(default_factory=dict)
    """Path -> rank of every file: the order of the tables."""


def merge_run(
    plan: RunPlan,
    previous: CommittedRun | None,
    fresh: Sequence[FileEntry],
    parts: Sequence[PartFile],
    staging: Path,
    tables: Sequence[str],
    pipeline_name: str,
    run_id: str,
) -> MergedRun:
    """Write this run's tables into ``staging``: the processed files' rows from ``parts`` (the
    part files the batches reported, in ``staging/parts``), the stored rows of the rest from
    ``previous``, ordered by file rank.

    Rows stream through in bounded chunks (``streaming.py``); what stays in memory grows with
    the number of files (their entries), not with the number of rows.
    """
    settled = _settle(_rank(plan, {entry.source_path: entry for entry in fresh}))
    table_files: dict[str, TableFile] = {}
    quarantine_rows = 0
    input_rank = Ranker(settled.ranks)
    for name in tables:
        path = staging / f"{name}.parquet"
        named = [part for part in parts if part.table == name]
        runs = _runs(name, settled, previous, staging, named)
        with TableWriter(path, arrow_schema(TABLE_MODELS[name])) as writer:
            for rows in merge_runs(runs):
                writer.write(rows)
                if name == "quarantine":
                    ranks = input_rank(rows["source_path"])
                    quarantine_rows += int(np.count_nonzero(ranks < len(plan.inputs)))
        table_files[name] = TableFile(rows=writer.rows, sha256=file_sha256(path))
        checkpoint("load.table")
    manifest = RunManifest(
        run_id=run_id,
        committed_at=_now_iso(),
        package_version=resume_etl.__version__,
        pipeline_name=pipeline_name,
        fingerprint=plan.fingerprint,
        schema_sha256=schema_digest(),
        counts=RunCounts(
            inputs=len(plan.inputs),
            processed=len(plan.to_process),
            reused=len(plan.reused),
            carried=len(plan.carried),
            pruned=len(plan.pruned),
        ),
        tables=table_files,
        files=settled.entries,
    )
    return MergedRun(manifest, quarantine_rows)


def _runs(
    name: str,
    settled: _Settled,
    previous: CommittedRun | None,
    staging: Path,
    parts: Sequence[PartFile],
) -> list[Iterator[RankedChunk]]:
    """The sorted runs one table is merged from: the parts, the stored table, the driver's rows."""
    schema = arrow_schema(TABLE_MODELS[name])
    is_quarantine = name == "quarantine"
    fresh_ranks = settled.fresh_quarantine if is_quarantine else settled.fresh_rows
    runs = runs_of(
        _parts_reader(staging / PARTS_DIR, parts),
        PART_SOURCE,
        Ranker(fresh_ranks),
        schema,
        staging / SPILL_DIR / name / "fresh",
    )
    stored = previous.table_path(name) if previous is not None else None
    if stored is not None:
        stored_ranks = settled.stored_quarantine if is_quarantine else settled.stored_rows
        runs += runs_of(
            _stored_reader(stored),
            "source_path" if is_quarantine else "doc_id",
            Ranker(stored_ranks),
            schema,
            staging / SPILL_DIR / name / "stored",
        )
    if is_quarantine and settled.driver_quarantine:
        rows = to_arrow(name, settled.driver_quarantine)
        runs.append(run_in_memory(rows, Ranker(settled.ranks)(rows["source_path"])))
    return runs


def _parts_reader(folder: Path, parts: Sequence[PartFile]) -> ChunkSource:
    """Reads exactly the reported part files; one missing or short stops the run (E124)."""

    def read(columns: Sequence[str] | None) -> Iterator[pa.Table]:
        for part in parts:
            path = folder / part.table / part.name
            try:
                rows = pq.read_table(path, columns=list(columns) if columns else None)
            except FileNotFoundError as error:
                raise _missing_part(path, folder, "is missing") from error
            if rows.num_rows != part.rows:
                raise _missing_part(path, folder, f"has {rows.num_rows} rows, not {part.rows}")
            yield rows

    return read


def _missing_part(path: Path, folder: Path, problem: str) -> ResumeEtlError:
    return ResumeEtlError(
        ErrorCode.E124_PART_MISSING,
        f"the part file {path} a worker reported {problem}; every worker must write to "
        f"{folder} as the driver sees it (a shared file system mounted at the same path)",
    )


def _stored_reader(path: Path) -> ChunkSource:
    def read(columns: Sequence[str] | None) -> Iterator[pa.Table]:
        reader = pq.ParquetFile(path)
        selected = list(columns) if columns else None
        for batch in reader.iter_batches(batch_size=READ_ROWS, columns=selected):
            yield pa.Table.from_batches([batch])

    return read


def _rank(plan: RunPlan, fresh: dict[str, FileEntry]) -> list[_Ranked]:
    """Every file in table order; a processed file the stages lost gets an E007 entry."""
    ranked: list[_Ranked] = []
    for path in plan.inputs:
        key = str(path)
        if key in plan.reused:
            ranked.append(_Ranked(plan.reused[key], fresh=False, rank=len(ranked)))
        else:
            entry = fresh.get(key) or _lost(key)
            ranked.append(_Ranked(entry, fresh=True, rank=len(ranked)))
    ranked.extend(
        _Ranked(entry, fresh=False, rank=len(ranked) + i) for i, entry in enumerate(plan.carried)
    )
    return ranked


def _lost(path: str) -> FileEntry:
    """The engine promises an outcome for every file; one without is never silently lost."""
    return FileEntry(
        source_path=path,
        content_sha256=None,
        doc_id=None,
        outcome=Outcome.QUARANTINED,
        error_code=ErrorCode.E007_NO_OUTCOME,
    )


def _settle(ranked: list[_Ranked]) -> _Settled:
    """The first ranked file with a text (not itself a duplicate) is its original; every other
    file with that text is its duplicate.

    Settled here, over all files at once, so the result depends neither on how the inputs were
    cut into batches nor on which were processed this time and which were stored.
    """
    originals: dict[str, _Ranked] = {}
    for item in ranked:  # a duplicate is no original, even one carried ahead of its original
        doc_id = item.entry.doc_id
        if doc_id is not None and item.entry.error_code is not ErrorCode.E006_DUPLICATE:
            originals.setdefault(doc_id, item)
    settled = _Settled(entries=[], driver_quarantine=[])
    for item in ranked:
        entry, path = item.entry, item.entry.source_path
        settled.ranks[path] = item.rank
        original = originals.get(entry.doc_id) if entry.doc_id is not None else None
        if original is not None and original is not item:
            settled.entries.append(_as_duplicate(entry))
            settled.driver_quarantine.append(_duplicate_record(entry, original.entry))
        elif entry.error_code is ErrorCode.E007_NO_OUTCOME:
            settled.entries.append(entry)
            settled.driver_quarantine.append(_lost_record(path))
        else:
            settled.entries.append(entry)
            _keep_rows(settled, item)
    return settled


def _keep_rows(settled: _Settled, item: _Ranked) -> None:
    entry = item.entry
    if item.fresh:
        settled.fresh_quarantine[entry.source_path] = item.rank
    else:
        settled.stored_quarantine[entry.source_path] = item.rank
    if entry.outcome is Outcome.PARSED and entry.doc_id is not None:
        if item.fresh:
            settled.fresh_rows[entry.source_path] = item.rank
        else:
            settled.stored_rows[entry.doc_id] = item.rank


def _lost_record(path: str) -> QuarantineRecord:
    return QuarantineRecord(
        source_path=path,
        stage=Stage.LOAD,
        error_code=ErrorCode.E007_NO_OUTCOME,
        error_type="MissingOutcome",
        reason="the stages returned neither rows nor a quarantine row for this file",
    )


def _duplicate_record(entry: FileEntry, original: FileEntry) -> QuarantineRecord:
    assert entry.doc_id is not None
    return QuarantineRecord(
        doc_id=entry.doc_id,
        source_path=entry.source_path,
        content_sha256=entry.content_sha256,
        stage=Stage.INGEST,
        error_code=ErrorCode.E006_DUPLICATE,
        error_type="DuplicateDocument",
        reason=f"same text as {original.source_path}",
    )


def _as_duplicate(entry: FileEntry) -> FileEntry:
    return entry.model_copy(
        update={"outcome": Outcome.QUARANTINED, "error_code": ErrorCode.E006_DUPLICATE}
    )
