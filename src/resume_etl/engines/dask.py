"""The Dask engine: the local engine's batches, run by the workers of a Dask cluster.

The same shape as the process pool (``pool.py``): batches of paths go out, each worker runs
``LocalEngine.write_batch`` with an engine it builds once per process and writes the batch's
rows as Parquet part files into the run's staging folder; the driver takes the reports (one
entry per file) back in submission order and commits through the runner (``runner.run_files``),
so a Dask run has the same ledger, lock and crash-safety as a local one and no partial run is
ever visible. A worker that dies mid-run loses its batches to the scheduler, which runs them on
another worker; a retried batch writes part files of its own, and the driver reads only the
files named by the report it accepted, so a batch's rows land once.

Dask is an optional extra: this module imports it only when a ``DaskEngine`` is built, so
``--engine local`` runs without it. Workers read the input files and write the part files
themselves, from another working directory than the driver's: each batch goes out with the
driver's directory, so relative input paths are read from there yet named in the tables as the
user gave them, and the part files go to the staging folder's absolute path. Every worker must
therefore see the driver's input files and output folder at the same absolute paths (the same
machine, or a shared file system mounted at the same place).

With a time budget (``run.document_seconds``, ``budget.py``), each batch keeps a heartbeat
marker in the staging folder from when it starts on a worker (its engine built), naming that
worker and the document it is on (``heartbeat.py``); the driver counts the budget from the beats
it sees, so time a batch spends queued or a worker spends loading its model is not counted. A
batch stuck on one step for a budget (or past its whole allowance) is cancelled, its worker
process ended and started anew by its nanny (a worker without a nanny cannot be replaced); the
document the last beat named is quarantined (E051) and the others submitted again, or, when
the batch was stuck in a step over all its documents, each document is submitted alone with
one budget, and one that overruns alone is quarantined.
"""

from __future__ import annotations

import itertools
import os
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, cast

from resume_etl._faults import checkpoint
from resume_etl.config import PipelineConfig
from resume_etl.engines.budget import Budget, too_costly, without_culprit
from resume_etl.engines.heartbeat import MARKERS_DIR, POLL_SECONDS, Beat, Heartbeat, Watch
from resume_etl.engines.local import BATCH_SIZE, LocalEngine
from resume_etl.engines.pool import Pending, results_in_order
from resume_etl.engines.timing import StageClock
from resume_etl.engines.worker import timed_batch
from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.storage.fingerprint import pipeline_fingerprint
from resume_etl.storage.parts import BatchReport, write_parts

__all__ = ["DEFAULT_LOCAL_WORKERS", "DaskEngine"]

DEFAULT_LOCAL_WORKERS = 2
"""Worker processes of the ``LocalCluster`` started when no scheduler address is given."""
LOCAL_SCHEDULER_HTTP: dict[str, object] = {"dashboard": False, "dashboard_address": ":0"}
"""The LocalCluster scheduler's HTTP server: no dashboard, on a port the system picks."""

CONNECT_TIMEOUT = "10s"
"""How long to try reaching a scheduler before giving up with E123."""

TASK_RETRIES = 2
"""Extra attempts of a batch whose task raised; a lost worker's batches are rescheduled anyway."""

_worker_engines: dict[str, LocalEngine] = {}
"""This worker process's engines by pipeline fingerprint: the model loads once per process."""

EXIT_OVERRUN = 75
"""Exit status of a worker process ended because its batch overran its time budget."""

_worker_lock = threading.Lock()
"""One batch at a time per process: a worker may run several threads, a spaCy ``nlp`` may not."""


def _process_batch(
    config: PipelineConfig,
    fingerprint: str,
    paths: list[Path],
    root: Path,
    parts: Path,
    index: int,
    started: Path | None = None,
) -> BatchReport:
    """Run on a worker: ``paths`` (relative to the driver's ``root``) into ``parts``.

    ``started``, when given, is the batch's heartbeat marker (``heartbeat.py``), naming this
    worker's address.
    """
    from distributed import get_worker  # noqa: PLC0415 - runs on a worker, where Dask is installed

    address = str(get_worker().address)
    with _worker_lock:
        engine = _worker_engines.get(fingerprint)
        if engine is None:
            engine = _worker_engines[fingerprint] = LocalEngine(config)
            engine.warm_up()
        engine.root = root  # the engine outlives this batch; another driver may run elsewhere
        # Same fingerprint, same processing; but ``load.out`` (the anchor of person keys,
        # left out of the fingerprint) is this run's, not the run that built the engine.
        engine.config = config
        beat = None if started is None else Heartbeat(started, address)
        report = timed_batch(engine, paths, parts, index, beat)
    report.worker = address
    return report


async def _exit_worker() -> None:
    """Run on a worker's event loop: end its process at once (Dask runs coroutines unwaited)."""
    os._exit(EXIT_OVERRUN)


def _import_distributed() -> Any:
    try:
        import distributed  # noqa: PLC0415 - optional extra, imported only for --engine dask
    except ImportError as error:
        raise ResumeEtlError(
            ErrorCode.E122_NO_DASK, "--engine dask needs Dask, which is not installed"
        ) from error
    return distributed


class DaskEngine:
    """A ``BatchSource`` on a Dask cluster; use it as a context manager.

    With ``scheduler`` (``tcp://HOST:PORT``) it connects to a running cluster; without, it starts
    a ``LocalCluster`` of ``workers`` single-threaded processes on this machine and stops it on
    exit. ``documents_per_worker`` counts, per worker address, the documents whose outcomes came
    from that worker.
    """

    def __init__(
        self,
        config: PipelineConfig,
        scheduler: str | None = None,
        workers: int | None = None,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        distributed = _import_distributed()
        self.config = config
        self.batch_size = batch_size
        self.clock = StageClock()
        self.documents_per_worker: Counter[str] = Counter()
        self.budget = Budget.of(config)
        self.overruns = 0
        """Batches and documents stopped for taking longer than their time budget."""
        self._markers = itertools.count()
        self._fingerprint = pipeline_fingerprint(config)
        self._cluster: Any = None
        if scheduler is None:
            self._cluster = distributed.LocalCluster(
                n_workers=workers or DEFAULT_LOCAL_WORKERS,
                processes=True,
                threads_per_worker=1,
                dashboard_address=None,
                # the scheduler's HTTP server (health routes) on a free port, not on 8787: when
                # another cluster holds 8787 Dask warns on stderr, which a user reads as a fault
                scheduler_kwargs=LOCAL_SCHEDULER_HTTP,
            )
        try:
            self.client: Any = _connect(distributed, scheduler or self._cluster)
        except BaseException:
            if self._cluster is not None:
                self._cluster.close()
            raise

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def batches(self, files: Sequence[Path], parts: Path) -> Iterator[BatchReport]:
        """Each batch's report in input order, whichever worker ran it."""
        workers = max(1, len(self.client.scheduler_info()["workers"]))

        def submit(index: int, batch: list[Path]) -> Pending[BatchReport]:
            if self.budget is None:
                future: Pending[BatchReport] = self._submit(index, batch, parts, None)
                return future
            return _BudgetedBatch(self, index, batch, parts)

        for report in results_in_order(files, self.batch_size, submit, in_flight=2 * workers):
            self.clock.merge(report.seconds)
            if report.worker:  # documents run one by one were counted as they came back
                self.documents_per_worker[report.worker] += len(report.entries)
            checkpoint("dask.report")
            yield report

    def _submit(self, index: int, batch: list[Path], parts: Path, started: Path | None) -> Any:
        return self.client.submit(
            _process_batch,
            self.config,
            self._fingerprint,
            batch,
            Path.cwd(),
            parts.absolute(),
            index,
            started,
            pure=False,
            retries=TASK_RETRIES,
        )

    def submit_timed(self, index: int, batch: list[Path], parts: Path) -> tuple[Any, Path]:
        """Submit a batch that leaves a start marker; the future and the marker's path."""
        folder = parts.absolute() / MARKERS_DIR
        folder.mkdir(parents=True, exist_ok=True)
        marker = folder / f"{index:08d}-{next(self._markers)}"
        return self._submit(index, batch, parts, marker), marker

    def within_budget(self, future: Any, marker: Path, documents: int) -> BatchReport | Beat:
        """The batch's report, or its last beat once it ran past its budget (it is then stopped).

        The budget counts from when the driver first sees each beat of the marker, and the
        allowance from the start of each attempt (a retry beats anew). Before the batch is
        stopped, the scheduler must confirm it still runs on the worker the marker names: a batch
        whose worker died, or whose result was lost with its worker, waits to be run again, and
        that is no overrun.
        """
        if self.budget is None:
            return cast("BatchReport", future.result())
        watch = Watch(marker, self.budget, documents)
        while True:
            report = _poll(future)
            if report is not None:
                return report
            overdue = watch.overdue()
            if overdue is None:
                continue
            if self._running_on(future) != overdue.worker:
                watch.restart()
                continue
            self._stop(future, overdue.worker)
            return overdue

    def _running_on(self, future: Any) -> str | None:
        """The worker the scheduler has ``future``'s task processing on, if any."""

        def processing_on(dask_scheduler: Any, key: Any) -> str | None:  # runs on the scheduler
            # nested, so it is sent by value: the scheduler need not have resume_etl installed
            task = dask_scheduler.tasks.get(key)
            worker = task.processing_on if task is not None else None
            return None if worker is None else str(worker.address)

        on: str | None = self.client.run_on_scheduler(processing_on, key=future.key)
        return on

    def _stop(self, future: Any, worker: str) -> None:
        """Cancel an overrun batch, then end the worker process that runs it.

        A thread cannot be stopped, so the process exits; its nanny starts a new one (a worker
        without a nanny is gone for the rest of the run). The exit runs on the worker's event
        loop, beside the busy task thread, and is not waited for: ``restart_workers`` would
        first ask the busy worker to close and wait seconds for it.
        """
        self.overruns += 1
        future.cancel()  # first, so the scheduler does not hand it to another worker
        self.client.run(_exit_worker, workers=[worker], wait=False)

    def after_overrun(
        self, index: int, batch: list[Path], parts: Path, position: int | None
    ) -> BatchReport:
        """A stopped batch's documents: the one its last beat named is quarantined (E051) and
        the others submitted again as a batch; without a name, each document alone."""
        if position is None or not 0 <= position < len(batch):
            return self.one_by_one(index, batch, parts)

        def rerun(others: list[Path]) -> BatchReport:
            rest = _BudgetedBatch(self, index, others, parts).result()
            if rest.worker:
                self.documents_per_worker[rest.worker] += len(rest.entries)
            return rest

        return without_culprit(index, batch, parts, position, self.config, rerun)

    def one_by_one(self, index: int, batch: list[Path], parts: Path) -> BatchReport:
        """An overrun batch's documents, each alone with one budget; one that overruns is E051."""
        submitted = [(path, *self.submit_timed(index, [path], parts)) for path in batch]
        entries, written, seconds = [], [], Counter[str]()
        for path, future, marker in submitted:
            report = self.within_budget(future, marker, 1)
            if isinstance(report, Beat):
                record = too_costly(path, self.config)
                report = write_parts([(path, record)], parts, index, self.config.load.tables)
            elif report.worker:
                self.documents_per_worker[report.worker] += len(report.entries)
            entries.extend(report.entries)
            written.extend(report.parts)
            seconds.update(report.seconds)
        return BatchReport(index, entries, written, dict(seconds))


def _poll(future: Any) -> BatchReport | None:
    """The batch's report if it is ready within one poll, else None.

    ``future.result(timeout=...)`` can raise ``UnboundLocalError`` from distributed's ``sync``
    (dask/distributed#8514): when the wait ends in a cancellation, which is no ``Exception``, its
    result is never set. Seen once under a load of 20 while a killed driver's batches were being
    released. The future's own status then says what happened: done, its result is read without
    a timeout (no wait to cancel); still pending, the next poll asks again; cancelled by the
    cluster, the run stops with a clear error (the tables stay as the last commit left them).
    """
    try:
        return cast("BatchReport", future.result(timeout=POLL_SECONDS))
    except TimeoutError:
        return None
    except UnboundLocalError:
        if future.status in ("finished", "error"):
            return cast("BatchReport", future.result())
        if future.status == "cancelled":
            raise RuntimeError(f"the Dask cluster cancelled batch {future.key}") from None
        return None


class _BudgetedBatch:
    """A batch on the cluster under a time budget: past its allowance, its documents alone."""

    def __init__(self, engine: DaskEngine, index: int, batch: list[Path], parts: Path) -> None:
        self.engine, self.index, self.batch, self.parts = engine, index, batch, parts
        self.future, self.marker = engine.submit_timed(index, batch, parts)

    def result(self) -> BatchReport:
        report = self.engine.within_budget(self.future, self.marker, len(self.batch))
        if isinstance(report, Beat):
            return self.engine.after_overrun(self.index, self.batch, self.parts, report.position)
        return report


def _connect(distributed: Any, address: Any) -> Any:
    """A client of the scheduler at ``address`` (or of a ``LocalCluster``), or E123."""
    try:
        return distributed.Client(address, timeout=CONNECT_TIMEOUT)
    except OSError as error:
        raise ResumeEtlError(
            ErrorCode.E123_CLUSTER_UNREACHABLE, f"cannot reach the Dask scheduler {address}"
        ) from error
