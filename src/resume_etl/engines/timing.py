"""Seconds spent per stage, so a run (and the benchmark) can say where its time went."""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

STAGES = ("ingest", "segment", "nlp", "extract", "validate", "load")
"""The stages a run reports, in pipeline order; ``nlp`` is spaCy with resume-etl's components."""


class StageClock:
    """Accumulates wall-clock seconds per stage; cheap enough to leave on in every run."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = dict.fromkeys(STAGES, 0.0)

    @contextmanager
    def timing(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.add(stage, time.perf_counter() - started)

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    def merge(self, other: Mapping[str, float]) -> None:
        """Add another clock's seconds (a worker's) to this one."""
        for stage, seconds in other.items():
            self.add(stage, seconds)

    def total(self, *stages: str) -> float:
        return sum(self.seconds.get(stage, 0.0) for stage in stages)


def shares(seconds: Mapping[str, float]) -> dict[str, float]:
    """Each stage's fraction of the summed stage time (0 when nothing was timed)."""
    total = sum(seconds.values())
    return {stage: (value / total if total else 0.0) for stage, value in seconds.items()}
