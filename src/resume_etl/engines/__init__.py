"""Engines: where the stages run. They differ only in how they map the stages over batches.

An engine is a ``BatchSource``: ``local.LocalEngine`` (this process), ``pool.WorkerPool``
(worker processes) or ``dask.DaskEngine`` (a Dask cluster). The run around the batches (plan,
merge, commit) is the runner's (``resume_etl.runner``), the same for every engine.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the protocol names them; importing them here would load spaCy and pyarrow
    from resume_etl.engines.timing import StageClock
    from resume_etl.storage.parts import BatchReport

__all__ = ["BatchSource", "EngineName"]


class EngineName(StrEnum):
    """The engines ``resume-etl run --engine`` and ``resume_etl.run(engine=...)`` accept."""

    LOCAL = "local"
    """This machine: one process, or a pool of worker processes (``--workers``)."""
    DASK = "dask"
    """A Dask cluster (``--scheduler``), or a ``LocalCluster`` started for the run."""


class BatchSource(Protocol):
    """Where a run's batches are run: a ``LocalEngine`` here, a process pool, or Dask workers.

    ``batches`` runs ``files`` in batches, writes each batch's rows as part files into
    ``parts`` and reports, in input order, one ``FileEntry`` per file. ``clock`` holds the
    seconds the stages took, summed over workers.
    """

    clock: StageClock

    def batches(self, files: Sequence[Path], parts: Path) -> Iterator[BatchReport]: ...
