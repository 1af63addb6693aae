"""How many worker processes a run's documents are worth, and how to cut them into batches.

A worker process costs a start of its own before its first document: a fresh interpreter,
importing spaCy and loading the model (``benchmarks/workers.py`` measures it). A process that
gets only a few documents never earns that back, so a run uses more than this one process only
when every worker gets at least ``MIN_DOCUMENTS_PER_WORKER`` documents to process; the 37
documents of ``raw/`` run in one process, a folder of hundreds on the idle cores. A core other
programs keep busy is no help either: workers are started only for the cores the one-minute
load average leaves idle (as ``make -l`` and GNU parallel's ``--load`` judge). The batches are
cut evenly, so that no worker waits on a long last batch of another (200 documents on 2 workers
are 8 batches of 25, not 6 of 32 and one of 8).
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from spacy.language import Language

from resume_etl.config import PipelineConfig
from resume_etl.engines import BatchSource
from resume_etl.engines.budget import ONE_WORKER_START, Budget
from resume_etl.engines.local import BATCH_SIZE, LocalEngine
from resume_etl.engines.pool import WorkerPool, default_workers

MIN_DOCUMENTS_PER_WORKER = 100
"""Documents a worker process must get for its start-up to pay (the figures: README, *Workers*)."""


def useful_workers(
    wanted: int, documents: int, min_per_worker: int = MIN_DOCUMENTS_PER_WORKER
) -> int:
    """Processes worth starting for ``documents``: at most ``wanted``, at least one (this one)."""
    return max(1, min(wanted, documents // min_per_worker))


def idle_cores() -> int:
    """The cores this process may use, less those the load average says are busy (>= 1).

    This process is running and counts in the load once, so one unit of load is its own.
    """
    cores = default_workers()
    try:
        busy = math.floor(os.getloadavg()[0]) - 1
    except OSError:  # no load average on this system: assume the cores are free
        busy = 0
    return max(1, cores - max(busy, 0))


def balanced_batch_size(documents: int, workers: int, batch_size: int) -> int:
    """A batch size of at most ``batch_size`` that gives every worker the same number of batches,
    so the workers finish together."""
    if documents <= 0 or workers <= 1:
        return batch_size
    rounds = math.ceil(math.ceil(documents / batch_size) / workers)
    return max(1, math.ceil(documents / (rounds * workers)))


@dataclass(frozen=True, slots=True)
class LocalWorkers:
    """This machine's processes for a run, sized once the run knows how many documents are new.

    ``wanted`` given (``--workers N``): up to that many, never more than there are batches.
    Default: the idle cores, as long as each gets ``MIN_DOCUMENTS_PER_WORKER`` documents. One
    process means this one: no pool to start, and the same tables; with a time budget
    (``run.document_seconds``) it is one child process the budget can stop.
    """

    wanted: int | None = None
    batch_size: int | None = None
    """Files per batch; default: ``BATCH_SIZE``, cut evenly over the workers."""

    def count(self, documents: int) -> int:
        if self.wanted is None:
            return useful_workers(idle_cores(), documents)
        return max(1, min(self.wanted, math.ceil(documents / (self.batch_size or BATCH_SIZE))))

    @contextmanager
    def engine(
        self, config: PipelineConfig, documents: int, nlp: Language | None = None
    ) -> Iterator[tuple[BatchSource, int]]:
        """The engine for ``documents`` new or changed files, and how many processes it runs."""
        count = self.count(documents)
        if count == 1 and (nlp is not None or Budget.of(config) is None):
            yield LocalEngine(config, nlp), 1
            return
        if count == 1:
            # A time budget can stop only another process (``engines/budget.py``): the one
            # worker is a child, forked where it can be, so it starts without a second import.
            with WorkerPool(config, 1, self.batch_size or BATCH_SIZE, ONE_WORKER_START) as pool:
                yield pool, 1
            return
        size = self.batch_size or balanced_batch_size(documents, count, BATCH_SIZE)
        with WorkerPool(config, count, size) as pool:
            yield pool, count
