"""The process-pool engine: the local engine's batches, run by worker processes.

Each worker builds its ``nlp`` once (the pool initializer) and turns batches of paths into part
files (``storage/parts.py``); the parent hands out batches through a bounded window and takes
the reports back in submission order. Tables come out the same whatever the number of workers:
the merge orders rows by file and settles duplicates over all files, whichever worker finished
first. Workers read their own files and write their own rows, so only paths go out and only one
small entry per file comes back.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import Protocol, TypeVar

from resume_etl.config import PipelineConfig
from resume_etl.engines.local import BATCH_SIZE, LocalEngine
from resume_etl.engines.timing import StageClock
from resume_etl.storage.parts import BatchReport

_worker_engine: LocalEngine | None = None
"""The engine of this worker process, built once by ``_start_worker``."""


def _start_worker(config: PipelineConfig) -> None:
    global _worker_engine  # noqa: PLW0603  (one engine per worker process, by design)
    _worker_engine = LocalEngine(config)


def _process_batch(paths: list[Path], parts: Path, index: int) -> BatchReport:
    engine = _worker_engine
    if engine is None:  # pragma: no cover - the initializer always ran
        raise RuntimeError("worker started without its engine")
    return timed_batch(engine, paths, parts, index)


def timed_batch(engine: LocalEngine, paths: list[Path], parts: Path, index: int) -> BatchReport:
    """A worker's batch, reporting the seconds its stages took (the driver's clock sums them)."""
    engine.clock = StageClock()
    report = engine.write_batch(paths, {}, parts, index)
    report.seconds = dict(engine.clock.seconds)
    return report


def _worker_pid() -> int:
    time.sleep(0.05)  # long enough that one worker cannot answer for all
    return os.getpid()


def default_workers() -> int:
    """All cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class WorkerPool:
    """A pool of ``workers`` processes, each with its own ``nlp``; use it as a context manager.

    ``spawn`` starts clean interpreters: no threads (a progress bar's) or half-held locks are
    copied into a worker, at the price of importing spaCy once per worker.
    """

    def __init__(self, config: PipelineConfig, workers: int, batch_size: int = BATCH_SIZE) -> None:
        self.config = config
        self.workers = workers
        self.batch_size = batch_size
        self.clock = StageClock()
        self._executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(config,),
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

    def warm(self) -> None:
        """Start every worker and wait until each has built its ``nlp`` (for fair timings)."""
        seen: set[int] = set()
        while len(seen) < self.workers:
            futures = [self._executor.submit(_worker_pid) for _ in range(self.workers)]
            seen.update(future.result() for future in futures)

    def batches(self, files: Sequence[Path], parts: Path) -> Iterator[BatchReport]:
        """Each batch's report in input order, whichever worker ran it."""
        for report in results_in_order(
            files,
            self.batch_size,
            lambda index, batch: self._executor.submit(_process_batch, batch, parts, index),
            in_flight=2 * self.workers,
        ):
            self.clock.merge(report.seconds)
            yield report


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
