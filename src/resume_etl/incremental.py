"""Incremental runs: decide which inputs need the stages, then merge fresh rows with stored ones.

An input is reused when its path, raw-byte SHA-256 and the pipeline fingerprint all match the
committed run; everything else is processed. The merged tables are the same as a full run would
write: rows are ordered by the rank of their file (inputs in the order given, then files kept
from earlier runs by path), and duplicates are settled over all files, the first ranked wins.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from pydantic import BaseModel

import resume_etl
from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.fingerprint import schema_digest
from resume_etl.records import TABLE_MODELS, DocumentRecord, QuarantineRecord
from resume_etl.schema import arrow_schema
from resume_etl.stages.load import to_arrow
from resume_etl.stages.validate import ValidatedDocument
from resume_etl.store import CommittedRun, FileEntry, Outcome, RunCounts, RunManifest, new_run_id
from resume_etl.store import now_iso as _now_iso
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
    def of(
        cls, manifest: RunManifest, tables: dict[str, pa.Table], out: Path, seconds: float
    ) -> RunSummary:
        counts = manifest.counts
        inputs = manifest.files[: counts.inputs]
        input_paths = pa.array([entry.source_path for entry in inputs], type=pa.string())
        quarantine = tables["quarantine"]
        return cls(
            documents_read=counts.inputs,
            documents_parsed=sum(entry.outcome is Outcome.PARSED for entry in inputs),
            documents_quarantined=sum(entry.outcome is Outcome.QUARANTINED for entry in inputs),
            documents_skipped=counts.reused,
            documents_pruned=counts.pruned,
            documents_kept=counts.carried,
            quarantine_rows=pc.sum(pc.is_in(quarantine["source_path"], input_paths)).as_py() or 0,
            rows_written={name: table.num_rows for name, table in tables.items()},
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
    tables: dict[str, pa.Table]


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
    """One file's entry in table order, and whether its rows are fresh or stored."""

    entry: FileEntry
    fresh: bool
    rank: int


@dataclass(slots=True)
class _Fresh:
    entries: dict[str, FileEntry] = field(default_factory=dict)
    rows: dict[str, list[BaseModel]] = field(default_factory=dict)
    quarantine: list[QuarantineRecord] = field(default_factory=list)


def merge_run(
    plan: RunPlan,
    previous: CommittedRun | None,
    parsed: Sequence[ValidatedDocument],
    quarantined: Sequence[QuarantineRecord],
    tables: Sequence[str],
    pipeline_name: str,
) -> MergedRun:
    """The tables and manifest of this run: fresh rows for processed files, stored for the rest."""
    fresh = _collect_fresh(plan, parsed, quarantined)
    ranked = _rank(plan, fresh)
    winners, demoted = _settle_duplicates(ranked)
    fresh_quarantine = [
        _renamed_winner(record, winners)
        for record in fresh.quarantine
        if record.source_path not in demoted
    ]
    fresh_quarantine.extend(
        _duplicate_record(ranked_entry, winners) for ranked_entry in demoted.values()
    )
    stored_doc_ids = [w.entry.doc_id for w in winners.values() if not w.fresh]
    fresh_doc_ids = [w.entry.doc_id for w in winners.values() if w.fresh]
    stored_paths = [
        r.entry.source_path for r in ranked if not r.fresh and r.entry.source_path not in demoted
    ]
    doc_order = [w.entry.doc_id for w in sorted(winners.values(), key=lambda w: w.rank)]
    path_order = [r.entry.source_path for r in ranked]
    merged: dict[str, pa.Table] = {}
    for name in tables:
        old = previous.table(name) if previous is not None else None
        if old is not None:
            old = old.cast(arrow_schema(TABLE_MODELS[name]))
        if name == "quarantine":
            parts = [_select(old, "source_path", stored_paths), to_arrow(name, fresh_quarantine)]
            merged[name] = _ordered(parts, "source_path", path_order)
        else:
            new = to_arrow(name, fresh.rows.get(name, []))
            parts = [_select(old, "doc_id", stored_doc_ids), _select(new, "doc_id", fresh_doc_ids)]
            merged[name] = _ordered(parts, "doc_id", [d for d in doc_order if d is not None])
    entries = [
        _as_duplicate(r.entry) if r.entry.source_path in demoted else r.entry for r in ranked
    ]
    manifest = RunManifest(
        run_id=new_run_id(),
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
        files=entries,
    )
    return MergedRun(manifest, merged)


def _collect_fresh(
    plan: RunPlan, parsed: Sequence[ValidatedDocument], quarantined: Sequence[QuarantineRecord]
) -> _Fresh:
    fresh = _Fresh()
    for document in parsed:
        record = document.rows["documents"][0]
        assert isinstance(record, DocumentRecord)
        fresh.entries[record.source_path] = FileEntry(
            source_path=record.source_path,
            content_sha256=record.content_sha256,
            doc_id=record.doc_id,
            outcome=Outcome.PARSED,
        )
        for table, rows in document.rows.items():
            fresh.rows.setdefault(table, []).extend(rows)
        fresh.quarantine.extend(document.quarantine)
    for failure in quarantined:
        fresh.entries[failure.source_path] = FileEntry(
            source_path=failure.source_path,
            content_sha256=failure.content_sha256,
            doc_id=failure.doc_id,
            outcome=Outcome.QUARANTINED,
            error_code=failure.error_code,
        )
        fresh.quarantine.append(failure)
    for path in plan.to_process:
        if str(path) not in fresh.entries:  # the engine promises an outcome; never lose a file
            lost = QuarantineRecord(
                source_path=str(path),
                stage=Stage.LOAD,
                error_code=ErrorCode.E007_NO_OUTCOME,
                error_type="MissingOutcome",
                reason="the stages returned neither rows nor a quarantine row for this file",
            )
            fresh.entries[str(path)] = FileEntry(
                source_path=str(path),
                content_sha256=None,
                doc_id=None,
                outcome=Outcome.QUARANTINED,
                error_code=ErrorCode.E007_NO_OUTCOME,
            )
            fresh.quarantine.append(lost)
    return fresh


def _rank(plan: RunPlan, fresh: _Fresh) -> list[_Ranked]:
    ranked: list[_Ranked] = []
    for path in plan.inputs:
        key = str(path)
        if key in plan.reused:
            ranked.append(_Ranked(plan.reused[key], fresh=False, rank=len(ranked)))
        else:
            ranked.append(_Ranked(fresh.entries[key], fresh=True, rank=len(ranked)))
    ranked.extend(
        _Ranked(entry, fresh=False, rank=len(ranked) + i) for i, entry in enumerate(plan.carried)
    )
    return ranked


def _settle_duplicates(ranked: list[_Ranked]) -> tuple[dict[str, _Ranked], dict[str, _Ranked]]:
    """Parsed files by doc_id: the first ranked keeps the rows, later ones become duplicates."""
    winners: dict[str, _Ranked] = {}
    demoted: dict[str, _Ranked] = {}
    for item in ranked:
        doc_id = item.entry.doc_id
        if item.entry.outcome is not Outcome.PARSED or doc_id is None:
            continue
        if doc_id in winners:
            demoted[item.entry.source_path] = item
        else:
            winners[doc_id] = item
    return winners, demoted


def _renamed_winner(record: QuarantineRecord, winners: dict[str, _Ranked]) -> QuarantineRecord:
    """A duplicate names the file whose rows stand for it, settled over all files."""
    if record.error_code is not ErrorCode.E006_DUPLICATE or record.doc_id not in winners:
        return record
    reason = f"same text as {winners[record.doc_id].entry.source_path}"
    return record.model_copy(update={"reason": reason})


def _duplicate_record(item: _Ranked, winners: dict[str, _Ranked]) -> QuarantineRecord:
    entry = item.entry
    assert entry.doc_id is not None
    return QuarantineRecord(
        doc_id=entry.doc_id,
        source_path=entry.source_path,
        content_sha256=entry.content_sha256,
        stage=Stage.INGEST,
        error_code=ErrorCode.E006_DUPLICATE,
        error_type="DuplicateDocument",
        reason=f"same text as {winners[entry.doc_id].entry.source_path}",
    )


def _as_duplicate(entry: FileEntry) -> FileEntry:
    return entry.model_copy(
        update={"outcome": Outcome.QUARANTINED, "error_code": ErrorCode.E006_DUPLICATE}
    )


def _select(table: pa.Table | None, column: str, keys: Sequence[str | None]) -> pa.Table | None:
    if table is None:
        return None
    wanted = pa.array([key for key in keys if key is not None], type=pa.string())
    return table.filter(pc.is_in(table[column], value_set=wanted))


def _ordered(parts: Sequence[pa.Table | None], column: str, order: Sequence[str]) -> pa.Table:
    """Rows sorted by their file's rank; a stable sort keeps each file's own row order."""
    present = [part for part in parts if part is not None]
    table = pa.concat_tables(present).unify_dictionaries().combine_chunks()
    rank = pc.index_in(table[column], value_set=pa.array(order, type=pa.string()))
    return _canonical_dictionaries(table.take(pc.sort_indices(rank)))


def _canonical_dictionaries(table: pa.Table) -> pa.Table:
    """Re-encode enum columns so their categories follow the rows, not the merge history.

    pandas compares categoricals with their category order, so without this an incremental
    run and a full run of the same inputs would give frames that differ in order alone.
    """
    for index, column_field in enumerate(table.schema):
        if pa.types.is_dictionary(column_field.type):
            plain = table.column(index).cast(column_field.type.value_type)
            encoded = pc.dictionary_encode(plain).cast(column_field.type)
            table = table.set_column(index, column_field, encoded)
    return table.combine_chunks()
