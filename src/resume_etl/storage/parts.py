"""Part files: each batch's rows, written where they were made, so nobody holds a whole run.

A worker (a pool process, a Dask worker, or the driver itself) turns a batch's outcomes into one
Parquet file per table, ``<parts>/<table>/<batch:08d>.parquet``, and hands the driver back only
a ``FileEntry`` per file. The driver then streams the parts into the run's tables
(``storage.merge.merge_run``). Every part row carries the path of the file it came from
(``PART_SOURCE``) so the driver can drop a file's rows when it settles that the file is a
duplicate, and order them by the file's place among the inputs.

Each attempt at a batch writes files of its own (the names carry a random attempt id) under a
temporary name, renamed into place when whole, and its report names them with their row counts.
The driver reads exactly the files named by the report it accepted, and fails (E124) when one is
missing or short: a retried batch's first attempt, torn or whole, is never read, and a worker
that cannot write where the driver reads (no shared output folder) stops the run instead of
committing documents without rows.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from resume_etl.records import DocumentRecord, QuarantineRecord
from resume_etl.stages.load import to_arrow
from resume_etl.stages.validate import ValidatedDocument
from resume_etl.storage.store import FileEntry, Outcome

__all__ = ["PART_SOURCE", "BatchReport", "PartFile", "entry_of", "write_parts"]

PART_SOURCE = "__source_path"
"""Column every part row carries: the input file the row was extracted from."""

BatchOutcome = ValidatedDocument | QuarantineRecord
"""What became of one input file: its rows, or the reason it was quarantined."""


@dataclass(frozen=True, slots=True)
class PartFile:
    """One part file a batch wrote: ``<parts>/<table>/<name>``, holding ``rows`` rows."""

    table: str
    name: str
    rows: int


@dataclass(slots=True)
class BatchReport:
    """What a worker sends back for one batch: no rows (they are in the parts), only figures."""

    index: int
    entries: list[FileEntry]
    """One per input file of the batch, in input order."""
    parts: list[PartFile] = field(default_factory=list)
    """The part files this attempt at the batch wrote (none for a table without rows)."""
    seconds: dict[str, float] = field(default_factory=dict)
    """Seconds the worker spent per stage on this batch (empty when the driver's clock ran)."""
    worker: str = ""
    """Who ran the batch (a Dask worker's address); empty for local runs."""
    document_seconds: dict[str, dict[str, float]] = field(default_factory=dict)
    """Seconds per stage of each file of the batch, by source path (``run_results.json``)."""


def entry_of(path: Path, outcome: BatchOutcome) -> FileEntry:
    """The manifest entry of one file, from its outcome."""
    if isinstance(outcome, QuarantineRecord):
        return FileEntry(
            source_path=str(path),
            content_sha256=outcome.content_sha256,
            doc_id=outcome.doc_id,
            outcome=Outcome.QUARANTINED,
            error_code=outcome.error_code,
        )
    document = _document_of(outcome)
    return FileEntry(
        source_path=str(path),
        content_sha256=document.content_sha256,
        doc_id=document.doc_id,
        outcome=Outcome.PARSED,
        quality_flags=list(document.quality_flags),
    )


def write_parts(
    outcomes: Sequence[tuple[Path, BatchOutcome]], parts: Path, index: int, tables: Sequence[str]
) -> BatchReport:
    """Write the batch's rows of each of ``tables`` as part files; report them and each entry."""
    rows: dict[str, list[BaseModel]] = {table: [] for table in tables}
    sources: dict[str, list[str]] = {table: [] for table in tables}
    entries = []
    for path, outcome in outcomes:
        entries.append(entry_of(path, outcome))
        for table, table_rows in _rows_of(outcome).items():
            if table in rows:
                rows[table].extend(table_rows)
                sources[table].extend([str(path)] * len(table_rows))
    attempt = uuid.uuid4().hex[:12]
    written = [
        _write_part(table, rows[table], sources[table], parts, f"{index:08d}-{attempt}")
        for table in tables
        if rows[table]
    ]
    return BatchReport(index, entries, written)


def _rows_of(outcome: BatchOutcome) -> dict[str, Sequence[BaseModel]]:
    if isinstance(outcome, QuarantineRecord):
        return {"quarantine": [outcome]}
    return {**outcome.rows, "quarantine": outcome.quarantine}


def _document_of(outcome: ValidatedDocument) -> DocumentRecord:
    record = outcome.rows["documents"][0]
    assert isinstance(record, DocumentRecord)
    return record


def _write_part(
    table: str, rows: Sequence[BaseModel], sources: list[str], parts: Path, stem: str
) -> PartFile:
    folder = parts / table
    folder.mkdir(parents=True, exist_ok=True)
    arrow = to_arrow(table, rows).append_column(PART_SOURCE, pa.array(sources, pa.string()))
    name = f"{stem}.parquet"
    temporary = folder / f".{stem}.tmp"
    pq.write_table(arrow, temporary)
    os.replace(temporary, folder / name)
    return PartFile(table, name, arrow.num_rows)
