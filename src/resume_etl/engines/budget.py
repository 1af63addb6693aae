"""The time budget per document (``run.document_seconds``): what the engines enforce, and how.

A document that would cost minutes (or never finish) must cost itself only: it is quarantined
with E051 and the process running it is replaced, while the other documents are committed.
Nothing inside a process can stop a computation stuck in native code (a regular expression, a
model's kernel) or a loop that never reaches a check, so every engine enforces the budget from
outside the process doing the work and stops that process by killing it:

- the process pool (``pool.py``) watches each batch's heartbeat and kills its workers when
  the batch is past its budget; one worker with a budget is the same pool with one forked child;
- the Dask engine (``dask.py``) watches the same heartbeat and has the worker's nanny restart
  it when the batch is past its budget.

A worker running a budgeted batch beats at every step of every document (``heartbeat.py``),
naming the document it is on. A batch is past its budget when one step has taken a whole
budget, or the batch its allowance (a batch of n documents may take n budgets together). When
the last beat named a document, that document is the one quarantined and the others are run
again; so a document that hangs is found one budget after it starts. When the batch was stuck
in a step over all its documents at once (the model's batch phases), each of its documents is
run again alone with one budget, and one that takes longer alone is quarantined: no document
is quarantined for the cost of another.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from resume_etl.config import PipelineConfig
from resume_etl.errors import ErrorCode
from resume_etl.records import QuarantineRecord
from resume_etl.storage.parts import BatchReport, write_parts
from resume_etl.storage.plan import content_sha256
from resume_etl.vocab import Stage

__all__ = ["ONE_WORKER_START", "Budget", "kill_workers", "too_costly"]

ONE_WORKER_START = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
"""How the one worker of a budgeted single-worker run starts.

A forked child inherits the modules the parent imported (and, in tests, the model it was handed),
so it starts in a fraction of the second-plus a spawned interpreter takes to import spaCy; the
child only builds its engine and runs batches, so it uses none of the locks a parent's threads
(a progress bar's) may hold. Where fork is missing, the child is spawned."""


@dataclass(frozen=True, slots=True)
class Budget:
    """``document_seconds`` per document: a batch of n documents may take n of them."""

    document_seconds: float

    @classmethod
    def of(cls, config: PipelineConfig) -> Budget | None:
        """The pipeline's budget, or None when ``run.document_seconds`` is 0 (off)."""
        seconds = config.run.document_seconds
        return cls(seconds) if seconds > 0 else None

    def allowance(self, documents: int) -> float:
        """Seconds a batch of ``documents`` may take before it is stopped."""
        return self.document_seconds * max(1, documents)


def too_costly(path: Path, config: PipelineConfig) -> QuarantineRecord:
    """The quarantine row of a document that took longer than its budget, alone (E051)."""
    seconds = config.run.document_seconds
    return QuarantineRecord(
        source_path=str(path),
        content_sha256=content_sha256(path, config.ingest.max_bytes),
        stage=Stage.EXTRACT,
        error_code=ErrorCode.E051_TOO_COSTLY,
        error_type="TooCostly",
        reason=(
            f"processing this file alone took longer than its time budget of {seconds:g} s "
            "(run.document_seconds in the pipeline file; raise it to give such files more "
            "time), so its worker was stopped"
        ),
    )


def kill_workers(executor: ProcessPoolExecutor) -> None:
    """SIGKILL every worker of ``executor``: the only way to stop a batch that is running.

    The executor then counts as broken, and its other batches fail with ``BrokenProcessPool``.
    """
    kill = getattr(executor, "kill_workers", None)  # Python 3.14 has it public
    if callable(kill):
        kill()
        return
    for process in list((executor._processes or {}).values()):
        process.kill()


def without_culprit(
    index: int,
    batch: list[Path],
    parts: Path,
    position: int,
    config: PipelineConfig,
    rerun: Callable[[list[Path]], BatchReport],
) -> BatchReport:
    """A stopped batch whose last beat named the document at ``position``: that document is
    quarantined (E051), ``rerun`` runs the others again as one batch, and the report keeps the
    batch's order (the engines share this; each reruns in its own way)."""
    culprit = batch[position]
    stuck = write_parts([(culprit, too_costly(culprit, config))], parts, index, config.load.tables)
    others = [path for at, path in enumerate(batch) if at != position]
    if not others:
        return stuck
    rest = rerun(others)
    entries = [*rest.entries[:position], *stuck.entries, *rest.entries[position:]]
    return BatchReport(index, entries, [*stuck.parts, *rest.parts], rest.seconds)
