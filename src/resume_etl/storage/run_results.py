"""``run_results.json``: what the last run did to each document, for scripts and CI (dbt's idea).

dbt writes ``target/run_results.json`` after every invocation: one result per node with its
status, timing and message, and the run's totals. A run of resume-etl writes the same kind of
file into the output's metadata folder, ``<out>/.resume-etl/run_results.json``, replacing the
previous run's: one result per input file (``success``, ``warn`` when some of its records were
quarantined, ``error`` when the whole file was), its seconds per stage, its error codes and
reasons, and the run's totals. The fields are documented in ``docs/run-results.md``.

The quarantine reasons are read back from the committed ``quarantine`` table: it is the one
place every reason is kept, also for files whose rows an earlier run wrote.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from resume_etl._version import __version__
from resume_etl.storage.store import STATE_DIR, FileEntry, Outcome
from resume_etl.storage.streaming import read_parquet

__all__ = [
    "RESULTS_FILE",
    "RUN_RESULTS_VERSION",
    "QuarantineNote",
    "document_results",
    "quarantine_notes",
    "write_run_results",
]

RESULTS_FILE = "run_results.json"
RUN_RESULTS_VERSION = "resume-etl/run-results/v1"
"""Names the layout of the file; a changed layout gets ``v2`` (docs/run-results.md)."""
NOTE_COLUMNS = ("source_path", "error_code", "stage", "reason", "record_type")


@dataclass(frozen=True, slots=True)
class QuarantineNote:
    """One quarantine row of an input: which file, which code, why."""

    source_path: str
    error_code: str
    stage: str
    reason: str
    record_type: str | None = None
    """The table of a rejected record; empty when the whole file was quarantined."""


def quarantine_notes(table: Path, inputs: Sequence[FileEntry]) -> list[QuarantineNote]:
    """The rows of the ``quarantine`` table at ``table`` that belong to ``inputs``, in order."""
    if not table.is_file():
        return []
    wanted = {entry.source_path for entry in inputs}
    columns = read_parquet(table, NOTE_COLUMNS).to_pydict()
    return [
        QuarantineNote(*(columns[name][row] for name in NOTE_COLUMNS))
        for row, path in enumerate(columns["source_path"])
        if path in wanted
    ]


def document_results(
    inputs: Sequence[FileEntry],
    processed: set[str],
    notes: Sequence[QuarantineNote],
    seconds: Mapping[str, Mapping[str, float]],
) -> list[dict[str, Any]]:
    """One result per input file, in input order (the fields: docs/run-results.md)."""
    by_file: dict[str, list[QuarantineNote]] = defaultdict(list)
    for note in notes:
        by_file[note.source_path].append(note)
    results = []
    for entry in inputs:
        timing = {
            stage: round(value, 6) for stage, value in seconds.get(entry.source_path, {}).items()
        }
        own_notes = by_file.get(entry.source_path, [])
        results.append(
            {
                "source_path": entry.source_path,
                "doc_id": entry.doc_id,
                "status": _status(entry, own_notes),
                "reused": entry.source_path not in processed,
                "error_code": entry.error_code,
                "quarantine": [_note_fields(note) for note in own_notes],
                "quality_flags": [str(flag) for flag in entry.quality_flags],
                "timing": timing,
                "execution_time": round(sum(timing.values()), 6),
            }
        )
    return results


def _status(entry: FileEntry, notes: Sequence[QuarantineNote]) -> str:
    if entry.outcome is Outcome.QUARANTINED:
        return "error"
    return "warn" if notes else "success"


def _note_fields(note: QuarantineNote) -> dict[str, Any]:
    fields = asdict(note)
    del fields["source_path"]
    return fields


def write_run_results(
    out: Path,
    metadata: Mapping[str, Any],
    totals: Mapping[str, Any],
    results: Sequence[Mapping[str, Any]],
) -> Path:
    """Replace ``<out>/.resume-etl/run_results.json`` (written aside, then renamed)."""
    document = {
        "metadata": {
            "run_results_version": RUN_RESULTS_VERSION,
            "generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "resume_etl_version": __version__,
            **metadata,
        },
        **totals,
        "results": list(results),
    }
    target = out / STATE_DIR / RESULTS_FILE
    scratch = target.with_name(f"{RESULTS_FILE}.tmp")
    scratch.write_text(json.dumps(document, indent=1, default=str) + "\n", encoding="utf-8")
    os.replace(scratch, target)
    return target
