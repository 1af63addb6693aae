"""A run summed up: the ``RunSummary`` the CLI prints, and ``run_results.json`` beside the state.

The runner (``runner.py``) owns the phases of a run; what a finished run amounts to (documents
read, parsed, quarantined, skipped, rows per table, quality flags, the first failures by name)
is built here from the merged manifest, so the figures a user reads and the file a script
reads are written in one place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from resume_etl.storage.merge import MergedRun
from resume_etl.storage.run_results import (
    QuarantineNote,
    document_results,
    quarantine_notes,
    write_run_results,
)
from resume_etl.storage.store import FileEntry, Outcome, Store

__all__ = ["FAILURES_KEPT", "RunSummary", "report_run"]

FAILURES_KEPT = 50
"""Quarantine rows a ``RunSummary`` lists (all of them: ``run_results.json``)."""


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
    """The run itself: from taking the output folder's lock to the commit."""
    wall_seconds: float = 0.0
    """From the start (of the command, or of the ``resume_etl.run`` call) to the end: start-up,
    reading the pipeline file, finding the inputs, starting workers and the run."""
    out: Path = Path()
    run_id: str = ""
    workers: int = 1
    """Processes that ran the stages (1: this one; Dask: the cluster's, counted as batches came)."""
    stage_seconds: dict[str, float] = field(default_factory=dict)
    """Seconds per stage (``engines.timing.STAGES``) and loading the model (``model``), summed
    over workers."""
    failures: list[QuarantineNote] = field(default_factory=list)
    """The first ``FAILURES_KEPT`` quarantine rows of this run's inputs, in input order."""
    results_file: Path | None = None
    """``run_results.json``: every input's status, seconds and codes."""
    not_read: dict[str, int] = field(default_factory=dict)
    """Files in the folders given that were not read, by ending (not in ``ingest.extensions``)."""
    documents_per_worker: dict[str, int] = field(default_factory=dict)
    """Documents each worker (by address) processed; filled by the Dask engine only."""
    quality_flags: dict[str, int] = field(default_factory=dict)
    """Parsed inputs per ``documents.quality_flags`` value (reused ones included), so a run
    whose documents were read thinly says so."""

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
            quarantine_rows=merged.quarantine_rows,
            rows_written={name: table.rows for name, table in manifest.tables.items()},
            quality_flags=_flag_counts(inputs),
            seconds=seconds,
            out=out,
            run_id=manifest.run_id,
        )


def _flag_counts(entries: Sequence[FileEntry]) -> dict[str, int]:
    counts = Counter(
        str(flag)
        for entry in entries
        if entry.outcome is Outcome.PARSED
        for flag in entry.quality_flags
    )
    return dict(sorted(counts.items()))


def report_run(
    store: Store,
    summary: RunSummary,
    merged: MergedRun,
    fresh: Sequence[FileEntry],
    document_seconds: dict[str, dict[str, float]],
) -> None:
    """Name the run's failures in ``summary`` and write ``run_results.json`` for every input.

    ``fresh``: the entries of the inputs the stages ran on this time (the others kept stored
    rows); ``document_seconds``: their seconds per stage, by input.
    """
    inputs = merged.manifest.files[: merged.manifest.counts.inputs]
    notes = quarantine_notes(store.runs / summary.run_id / "quarantine.parquet", inputs)
    summary.failures = notes[:FAILURES_KEPT]
    processed = {entry.source_path for entry in fresh}
    results = document_results(inputs, processed, notes, document_seconds)
    summary.results_file = write_run_results(
        store.out,
        {"run_id": summary.run_id, "out": str(summary.out), "workers": summary.workers},
        {
            "elapsed_time": round(summary.wall_seconds, 3),
            "run_seconds": round(summary.seconds, 3),
            "stage_seconds": {
                name: round(value, 3) for name, value in summary.stage_seconds.items()
            },
            "totals": _totals(summary),
        },
        results,
    )


def _totals(summary: RunSummary) -> dict[str, object]:
    return {
        "documents_read": summary.documents_read,
        "documents_parsed": summary.documents_parsed,
        "documents_quarantined": summary.documents_quarantined,
        "documents_skipped": summary.documents_skipped,
        "documents_kept": summary.documents_kept,
        "documents_pruned": summary.documents_pruned,
        "quarantine_rows": summary.quarantine_rows,
        "rows_written": dict(summary.rows_written),
        "quality_flags": dict(summary.quality_flags),
    }
