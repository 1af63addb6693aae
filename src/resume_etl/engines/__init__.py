"""Engines: where the stages run. They differ only in how they map the stages over batches."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["EngineName"]


class EngineName(StrEnum):
    """The engines ``resume-etl run --engine`` and ``resume_etl.run(engine=...)`` accept."""

    LOCAL = "local"
    """This machine: one process, or a pool of worker processes (``--workers``)."""
    DASK = "dask"
    """A Dask cluster (``--scheduler``), or a ``LocalCluster`` started for the run."""
