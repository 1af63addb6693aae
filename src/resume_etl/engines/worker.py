"""What runs inside a worker process: its engine, built once, and each batch it is handed.

A pool worker (``pool.py``) starts by building its ``LocalEngine`` (``start_worker``, the
executor's initializer) and then runs batches (``process_batch``), beating into a marker file
when the run has a time budget; a Dask worker (``dask.py``) runs its batches through
``timed_batch`` too. Kept apart from the pool, which is the parent's side: what is here is
pickled by name into fresh interpreters, and holds the only per-process state.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from resume_etl._faults import lethal_input
from resume_etl.config import PipelineConfig
from resume_etl.engines.heartbeat import Heartbeat
from resume_etl.engines.lifeline import die_with_parent, exit_if_orphaned
from resume_etl.engines.local import LocalEngine, no_beat
from resume_etl.engines.timing import MODEL, StageClock
from resume_etl.errors import ResumeEtlError
from resume_etl.storage.parts import BatchReport

__all__ = ["process_batch", "start_worker", "timed_batch", "worker_pid"]

_worker_engine: LocalEngine | None = None
"""The engine of this worker process, built once by ``start_worker``."""
_parent_pid = 0
"""The process that started this worker; a worker whose parent changed has been orphaned."""
_start_error: ResumeEtlError | None = None
"""Why this worker could not build its engine (a factory, a lexicon): raised with each batch."""


def start_worker(config: PipelineConfig, parent_pid: int) -> None:
    global _worker_engine, _parent_pid, _start_error  # noqa: PLW0603  (one engine per worker)
    _parent_pid = parent_pid
    die_with_parent(parent_pid)
    try:
        _worker_engine = LocalEngine(config)
        _worker_engine.warm_up()
    except ResumeEtlError as error:  # an initializer's error breaks the pool as a crash would
        _start_error = error


def process_batch(
    paths: list[Path], parts: Path, index: int, marker: Path | None = None
) -> BatchReport:
    """Run in a worker; with a ``marker`` (a budget), the batch's heartbeat is written there."""
    if _start_error is not None:  # the driver gets the coded error, not "a worker died"
        raise _start_error
    engine = _worker_engine
    if engine is None:  # pragma: no cover - the initializer always ran
        raise RuntimeError("worker started without its engine")
    exit_if_orphaned(_parent_pid)  # where PR_SET_PDEATHSIG is missing, at least per batch
    lethal_input(paths)
    beat = None if marker is None else Heartbeat(marker, str(os.getpid()))
    return timed_batch(engine, paths, parts, index, beat)


def timed_batch(
    engine: LocalEngine,
    paths: list[Path],
    parts: Path,
    index: int,
    beat: Heartbeat | None = None,
) -> BatchReport:
    """A worker's batch, reporting the seconds its stages took (the driver's clock sums them).

    A worker's first batch also reports the seconds it took to load the model. ``beat``, when
    given, is the batch's heartbeat while it runs.
    """
    model_seconds = engine.clock.seconds.get(MODEL, 0.0)
    engine.clock = StageClock()
    if beat is not None:
        beat(None)
        engine.heartbeat = beat
    try:
        report = engine.write_batch(paths, {}, parts, index)
    finally:
        engine.heartbeat = no_beat
    report.seconds = dict(engine.clock.seconds)
    if model_seconds:
        report.seconds[MODEL] = model_seconds
    return report


def worker_pid() -> int:
    time.sleep(0.05)  # long enough that one worker cannot answer for all
    return os.getpid()
