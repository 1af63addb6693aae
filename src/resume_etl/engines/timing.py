"""Seconds spent per stage, so a run (and the benchmark) can say where its time went.

The clock also keeps each document's own seconds (for ``run_results.json``): the stages that
run one document at a time are timed for it, and a stage that runs a whole batch at once
(spaCy's ``nlp.pipe``, writing the part files) is shared out among the batch's documents.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

STAGES = ("ingest", "segment", "nlp", "extract", "validate", "load")
"""The stages a run reports, in pipeline order; ``nlp`` is spaCy with resume-etl's components."""
MODEL = "model"
"""Not a stage: building the spaCy pipeline (loading the model), once per process."""


class StageClock:
    """Accumulates wall-clock seconds per stage; cheap enough to leave on in every run."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = dict.fromkeys(STAGES, 0.0)
        self.cpu_seconds: dict[str, float] = dict.fromkeys(STAGES, 0.0)
        """CPU seconds of this process per stage: what a loaded machine disturbs least."""
        self.per_document: dict[str, dict[str, float]] = {}
        """Seconds per stage of each document timed, by source path, until ``take``n."""
        self._document: str | None = None

    @contextmanager
    def timing(self, stage: str, shared_by: Mapping[str, float] | None = None) -> Iterator[None]:
        """Time ``stage``: for the current ``document``, or shared out by ``shared_by`` weights."""
        started, cpu_started = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            elapsed = time.perf_counter() - started
            cpu = time.process_time() - cpu_started
            self.cpu_seconds[stage] = self.cpu_seconds.get(stage, 0.0) + cpu
            if shared_by is None:
                self.add(stage, elapsed)
            else:
                self.share(stage, elapsed, shared_by)

    @contextmanager
    def document(self, source_path: str) -> Iterator[None]:
        """Time what runs inside for ``source_path`` as well as for its stages."""
        outer, self._document = self._document, source_path
        try:
            yield
        finally:
            self._document = outer

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds
        if self._document is not None:
            self._add_to(self._document, stage, seconds)

    def share(self, stage: str, seconds: float, weights: Mapping[str, float]) -> None:
        """Add a batch's ``seconds`` to ``stage`` and to its documents, in proportion to weight."""
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds
        total = sum(weights.values())
        for source_path, weight in weights.items():
            share = seconds * weight / total if total else seconds / len(weights)
            self._add_to(source_path, stage, share)

    def _add_to(self, source_path: str, stage: str, seconds: float) -> None:
        tally = self.per_document.setdefault(source_path, {})
        tally[stage] = tally.get(stage, 0.0) + seconds

    def take(self, source_paths: Iterator[str] | list[str]) -> dict[str, dict[str, float]]:
        """The seconds of ``source_paths``, forgotten here (a long run holds no per-file tally)."""
        return {path: self.per_document.pop(path, {}) for path in source_paths}

    def merge(self, other: Mapping[str, float]) -> None:
        """Add another clock's seconds (a worker's) to this one."""
        for stage, seconds in other.items():
            self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    def total(self, *stages: str) -> float:
        return sum(self.seconds.get(stage, 0.0) for stage in stages)


def shares(seconds: Mapping[str, float]) -> dict[str, float]:
    """Each stage's fraction of the summed stage time (0 when nothing was timed)."""
    total = sum(seconds.values())
    return {stage: (value / total if total else 0.0) for stage, value in seconds.items()}
