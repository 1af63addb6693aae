"""The process-pool engine: the local engine's batches, run by worker processes.

Each worker builds its ``nlp`` once (the pool initializer, ``worker.py``) and turns batches of
paths into part files (``storage/parts.py``); the parent hands out batches through a bounded
window and takes the reports back in submission order. Tables come out the same whatever the
number of workers: the merge orders rows by file and settles duplicates over all files,
whichever worker finished first. Workers read their own files and write their own rows, so only
paths go out and only one small entry per file comes back.

A worker that dies (the OOM killer, a segfault in a native library) breaks the whole executor:
every batch it held fails. The pool then starts a new executor for the batches to come and
reruns each failed batch one document at a time in a separate single-worker executor, where a
death can only be that document's: it is quarantined (E050), having killed a worker twice, and
the others are committed. Workers die with the parent (``lifeline.py``).

With a time budget (``run.document_seconds``, ``budget.py``), the parent watches each batch's
heartbeat (``heartbeat.py``). A batch past its budget has its executor's workers killed; the
document its last beat named is quarantined (E051) and the others run again as a batch, or, when
no document was named, each is rerun alone with one budget and the one that overruns alone is
quarantined. The other batches that executor held did nothing wrong: they are submitted again,
whole, to a new executor.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from types import TracebackType
from typing import Protocol, TypeVar

from resume_etl._faults import checkpoint
from resume_etl.config import PipelineConfig
from resume_etl.engines.budget import Budget, kill_workers, too_costly, without_culprit
from resume_etl.engines.heartbeat import MARKERS_DIR, POLL_SECONDS, Beat, Watch
from resume_etl.engines.local import BATCH_SIZE
from resume_etl.engines.timing import StageClock
from resume_etl.engines.worker import process_batch, start_worker, worker_pid
from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.records import QuarantineRecord
from resume_etl.storage.parts import BatchReport, write_parts
from resume_etl.storage.plan import content_sha256
from resume_etl.vocab import Stage


def default_workers() -> int:
    """All cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class WorkerPool:
    """A pool of ``workers`` processes, each with its own ``nlp``; use it as a context manager.

    ``spawn`` (the default ``start_method``) starts clean interpreters: no threads (a progress
    bar's) or half-held locks are copied into a worker, at the price of importing spaCy once per
    worker. The one worker of a budgeted single-worker run is forked (``budget.ONE_WORKER_START``).
    """

    def __init__(
        self,
        config: PipelineConfig,
        workers: int,
        batch_size: int = BATCH_SIZE,
        start_method: str = "spawn",
    ) -> None:
        self.config = config
        self.workers = workers
        self.batch_size = batch_size
        self.start_method = start_method
        self.budget = Budget.of(config)
        self.tables = config.load.tables
        self._markers = itertools.count()
        self.clock = StageClock()
        self.worker_deaths = 0
        """Workers that died under a batch or a document (each cost an executor)."""
        self.overruns = 0
        """Batches and documents stopped for taking longer than their time budget."""
        self._overrun_generations: set[int] = set()
        """Executors whose workers were killed for another batch's overrun, not for a death."""
        self._warm_generation = -1
        self._executor = self._new_executor(workers)
        self.generation = 0
        """Counts executors replaced after a worker died; a batch knows the one it went to."""
        self._alone: ProcessPoolExecutor | None = None
        """The single-worker executor that reruns, one by one, the documents of failed batches."""

    def _new_executor(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context(self.start_method),
            initializer=start_worker,
            initargs=(self.config, os.getpid()),
        )

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        if self._alone is not None:
            self._alone.shutdown(wait=True, cancel_futures=True)

    def warm(self) -> None:
        """Start every worker and wait until each has built its ``nlp`` (for fair timings)."""
        seen: set[int] = set()
        while len(seen) < self.workers:
            futures = [self._executor.submit(worker_pid) for _ in range(self.workers)]
            seen.update(future.result() for future in futures)

    def batches(self, files: Sequence[Path], parts: Path) -> Iterator[BatchReport]:
        """Each batch's report in input order, whichever worker ran it."""
        for report in results_in_order(
            files,
            self.batch_size,
            lambda index, batch: _PoolBatch(self, index, batch, parts),
            in_flight=2 * self.workers,
        ):
            checkpoint("pool.report")
            self.clock.merge(report.seconds)
            yield report

    def submit(
        self, index: int, paths: list[Path], parts: Path
    ) -> tuple[int, Future[BatchReport], Path | None]:
        """Hand a batch to the executor; the executor's generation tells a later break apart.

        With a budget, a new executor's workers are started (and their models loaded) first,
        so a batch's deadline counts its own work, not a worker's start, and the batch beats
        in a marker file (``heartbeat.py``), whose path comes back with the future.
        """
        marker = None
        if self.budget is not None:
            if self._warm_generation != self.generation:
                self.warm()
                self._warm_generation = self.generation
            folder = parts / MARKERS_DIR
            folder.mkdir(parents=True, exist_ok=True)
            marker = folder / f"{index:08d}-{next(self._markers)}"
        future = self._executor.submit(process_batch, paths, parts, index, marker)
        return self.generation, future, marker

    def wait(
        self, future: Future[BatchReport], marker: Path | None, documents: int
    ) -> BatchReport | Beat:
        """The batch's report, or its last beat once it ran past its budget (not yet stopped)."""
        if self.budget is None or marker is None:
            return future.result()
        watch = Watch(marker, self.budget, documents)
        while True:
            try:
                return future.result(timeout=POLL_SECONDS)
            except FutureTimeout:
                overdue = watch.overdue()
                if overdue is not None:
                    return overdue

    def allowance(self, documents: int) -> float | None:
        """Seconds to wait for a batch of ``documents`` (None: no budget, wait for ever)."""
        return None if self.budget is None else self.budget.allowance(documents)

    def stop_overrun(self, generation: int) -> None:
        """Kill the workers of the executor running an overrun batch and start a new one."""
        if generation != self.generation:  # that executor broke and was replaced already
            return
        self.overruns += 1
        kill_workers(self._executor)
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._overrun_generations.add(generation)
        self._executor = self._new_executor(self.workers)
        self.generation += 1

    def broken_by_overrun(self, generation: int) -> bool:
        """Whether that executor broke because its workers were killed for an overrun."""
        return generation in self._overrun_generations

    def replace_broken(self, generation: int) -> None:
        """A new executor for the batches to come, unless a failed batch already made one."""
        if generation != self.generation:
            return
        self.worker_deaths += 1
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._new_executor(self.workers)
        self.generation += 1

    def after_overrun(
        self, index: int, paths: list[Path], parts: Path, position: int | None
    ) -> BatchReport:
        """A stopped batch's documents: the one its last beat named is quarantined (E051) and
        the others run again as a batch; without a name, each document alone."""
        if position is None or not 0 <= position < len(paths):
            return self.one_by_one(index, paths, parts)

        def rerun(others: list[Path]) -> BatchReport:
            return _PoolBatch(self, index, others, parts).result()

        return without_culprit(index, paths, parts, position, self.config, rerun)

    def one_by_one(self, index: int, paths: list[Path], parts: Path) -> BatchReport:
        """A failed batch again, each document alone: one that kills its worker is quarantined."""
        entries, written, seconds = [], [], Counter[str]()
        for path in paths:
            report = self._run_alone(index, path, parts)
            entries.extend(report.entries)
            written.extend(report.parts)
            seconds.update(report.seconds)
        return BatchReport(index, entries, written, dict(seconds))

    def _run_alone(self, index: int, path: Path, parts: Path) -> BatchReport:
        executor = self._alone_executor()
        future = executor.submit(process_batch, [path], parts, index)
        try:
            return future.result(timeout=self.allowance(1))
        except FutureTimeout:
            self.overruns += 1
            kill_workers(executor)
            record = too_costly(path, self.config)
        except BrokenProcessPool:
            self.worker_deaths += 1
            record = self._killer(path)
        executor.shutdown(wait=False, cancel_futures=True)
        self._alone = None
        return write_parts([(path, record)], parts, index, self.tables)

    def _alone_executor(self) -> ProcessPoolExecutor:
        """The single worker for documents alone, started and checked before it gets one.

        A worker that cannot even start (no memory for the model) must stop the run with a
        coded error: blaming the document it was about to get would quarantine every file.
        """
        if self._alone is None:
            self._alone = self._new_executor(1)
            try:
                self._alone.submit(os.getpid).result()
            except BrokenProcessPool as error:
                self._alone.shutdown(wait=False, cancel_futures=True)
                self._alone = None
                raise ResumeEtlError(
                    ErrorCode.E125_WORKERS_CANNOT_START, f"a worker process died starting: {error}"
                ) from error
        return self._alone

    def _killer(self, path: Path) -> QuarantineRecord:
        return QuarantineRecord(
            source_path=str(path),
            content_sha256=content_sha256(path, self.config.ingest.max_bytes),
            stage=Stage.EXTRACT,
            error_code=ErrorCode.E050_WORKER_DIED,
            error_type="WorkerDied",
            reason=(
                "a worker process died twice while processing this file: its batch, then the "
                "file alone (out of memory, or a crash in a native library)"
            ),
        )


class _PoolBatch:
    """A batch on the pool; if a worker dies under it, its documents are rerun one by one, and
    if it overruns its time budget, ``WorkerPool.after_overrun`` settles them. One whose
    executor was killed for another batch's overrun is submitted again, whole.

    Its budget counts from the beats the parent sees while waiting for it, the oldest batch
    (a batch behind it that ran a while unwatched gets a full budget from the first look: it is
    stopped after one to two budgets, never before one).
    """

    def __init__(self, pool: WorkerPool, index: int, paths: list[Path], parts: Path) -> None:
        self.pool, self.index, self.paths, self.parts = pool, index, paths, parts
        self.generation = -1
        self.future: Future[BatchReport] | None = None
        self.marker: Path | None = None
        self._submit()

    def _submit(self) -> None:
        self.future = None
        try:
            self.generation, self.future, self.marker = self.pool.submit(
                self.index, self.paths, self.parts
            )
        except BrokenProcessPool:  # the executor broke before this batch got to it
            self.generation = self.pool.generation

    def result(self) -> BatchReport:
        while self.future is not None:
            try:
                outcome = self.pool.wait(self.future, self.marker, len(self.paths))
            except BrokenProcessPool:
                if not self.pool.broken_by_overrun(self.generation):
                    break
                self._submit()
                continue
            if isinstance(outcome, BatchReport):
                return outcome
            self.pool.stop_overrun(self.generation)
            return self.pool.after_overrun(self.index, self.paths, self.parts, outcome.position)
        self.pool.replace_broken(self.generation)
        return self.pool.one_by_one(self.index, self.paths, self.parts)


ResultT_co = TypeVar("ResultT_co", covariant=True)
ResultT = TypeVar("ResultT")


class Pending(Protocol[ResultT_co]):
    """A submitted batch: a ``concurrent.futures.Future`` or a Dask ``Future``."""

    def result(self) -> ResultT_co: ...


def results_in_order(
    files: Sequence[Path],
    batch_size: int,
    submit: Callable[[int, list[Path]], Pending[ResultT]],
    in_flight: int,
) -> Iterator[ResultT]:
    """``submit``'s results over numbered batches of ``files``, in submission order.

    Waiting on the oldest batch first makes the order independent of which worker finishes
    first; keeping at most ``in_flight`` batches submitted bounds what waits in memory.
    """
    window: deque[Pending[ResultT]] = deque()
    for index, start in enumerate(range(0, len(files), batch_size)):
        window.append(submit(index, list(files[start : start + batch_size])))
        if len(window) >= in_flight:
            yield window.popleft().result()
    while window:
        yield window.popleft().result()
