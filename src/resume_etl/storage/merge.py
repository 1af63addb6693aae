"""Merge a run: the processed files' fresh rows and the reused files' stored rows, one table each.

Which files are processed and which reused is the plan's (``plan.py``). The merged tables are
the same as a full run would write: rows are ordered by the rank of their file (inputs in the
order given, then files kept from earlier runs by path), and duplicates are settled over all
files, the first ranked wins.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from resume_etl._faults import checkpoint
from resume_etl._version import __version__
from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.records import TABLE_MODELS, QuarantineRecord
from resume_etl.schema import arrow_schema
from resume_etl.stages.load import to_arrow
from resume_etl.storage.fingerprint import schema_digest
from resume_etl.storage.ledger import RunCounts
from resume_etl.storage.parts import PART_SOURCE, PartFile
from resume_etl.storage.plan import RunPlan
from resume_etl.storage.store import (
    PARTS_DIR,
    SPILL_DIR,
    CommittedRun,
    FileEntry,
    Outcome,
    RunManifest,
    TableFile,
    file_sha256,
)
from resume_etl.storage.store import now_iso as _now_iso
from resume_etl.storage.streaming import (
    READ_ROWS,
    ChunkSource,
    RankedChunk,
    Ranker,
    TableWriter,
    merge_runs,
    read_parquet,
    run_in_memory,
    runs_of,
)
from resume_etl.vocab import Stage


@dataclass(slots=True)
class MergedRun:
    """What the merge wrote into the staging folder, ready for the store to commit."""

    manifest: RunManifest
    """The run's manifest, its tables' row counts and digests included."""
    quarantine_rows: int
    """Quarantine rows naming one of this run's inputs (``--strict`` fails on any)."""


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
        package_version=__version__,
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
                rows = read_parquet(path, columns)
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
        keyed = {"resolved_path": plan.keys.get(key)}
        if key in plan.reused:
            entry = plan.reused[key].model_copy(update=keyed)
            ranked.append(_Ranked(entry, fresh=False, rank=len(ranked)))
        else:
            entry = (fresh.get(key) or _lost(key)).model_copy(update=keyed)
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
