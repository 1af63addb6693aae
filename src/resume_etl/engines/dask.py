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
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from resume_etl.config import PipelineConfig
from resume_etl.engines.local import BATCH_SIZE, LocalEngine
from resume_etl.engines.pool import Pending, results_in_order, timed_batch
from resume_etl.engines.timing import StageClock
from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.storage.fingerprint import pipeline_fingerprint
from resume_etl.storage.parts import BatchReport

__all__ = ["DEFAULT_LOCAL_WORKERS", "DaskEngine"]

DEFAULT_LOCAL_WORKERS = 2
"""Worker processes of the ``LocalCluster`` started when no scheduler address is given."""

CONNECT_TIMEOUT = "10s"
"""How long to try reaching a scheduler before giving up with E123."""

TASK_RETRIES = 2
"""Extra attempts of a batch whose task raised; a lost worker's batches are rescheduled anyway."""

_worker_engines: dict[str, LocalEngine] = {}
"""This worker process's engines by pipeline fingerprint: the model loads once per process."""

_worker_lock = threading.Lock()
"""One batch at a time per process: a worker may run several threads, a spaCy ``nlp`` may not."""


def _process_batch(
    config: PipelineConfig,
    fingerprint: str,
    paths: list[Path],
    root: Path,
    parts: Path,
    index: int,
) -> BatchReport:
    """Run on a worker: ``paths`` (relative to the driver's ``root``) into ``parts``."""
    from distributed import get_worker  # noqa: PLC0415 - runs on a worker, where Dask is installed

    with _worker_lock:
        engine = _worker_engines.get(fingerprint)
        if engine is None:
            engine = _worker_engines[fingerprint] = LocalEngine(config)
        engine.root = root  # the engine outlives this batch; another driver may run elsewhere
        report = timed_batch(engine, paths, parts, index)
    report.worker = str(get_worker().address)
    return report


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
        self._fingerprint = pipeline_fingerprint(config)
        self._cluster: Any = None
        if scheduler is None:
            self._cluster = distributed.LocalCluster(
                n_workers=workers or DEFAULT_LOCAL_WORKERS,
                processes=True,
                threads_per_worker=1,
                dashboard_address=None,
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
            future: Pending[BatchReport] = self.client.submit(
                _process_batch,
                self.config,
                self._fingerprint,
                batch,
                Path.cwd(),
                parts.absolute(),
                index,
                pure=False,
                retries=TASK_RETRIES,
            )
            return future

        for report in results_in_order(files, self.batch_size, submit, in_flight=2 * workers):
            self.clock.merge(report.seconds)
            self.documents_per_worker[report.worker] += len(report.entries)
            yield report


def _connect(distributed: Any, address: Any) -> Any:
    """A client of the scheduler at ``address`` (or of a ``LocalCluster``), or E123."""
    try:
        return distributed.Client(address, timeout=CONNECT_TIMEOUT)
    except OSError as error:
        raise ResumeEtlError(
            ErrorCode.E123_CLUSTER_UNREACHABLE, f"cannot reach the Dask scheduler {address}"
        ) from error
