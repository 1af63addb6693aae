"""Heartbeats of a budgeted batch: which document a worker is on, and since when.

Under a time budget (``budget.py``) the worker running a batch rewrites a small marker file
as the batch starts and at every step of every document (read, segment, tokenize, extract,
and each document the model's batch phases hand back). The process waiting for the batch
polls the file: a batch whose marker has not changed for one ``document_seconds`` is stuck on
one step, and when that step belongs to one document (every step but the model's batch
phases) the marker names it. So a hang is found one budget after it starts, not after the
whole batch's allowance, and the document it is in is known without rerunning the batch.

Time is measured where the marker is read, from when a change is first seen: workers on
other machines (Dask) may have other clocks, and a batch first looked at late is given a
budget from then, never less. A batch also may not take longer than its allowance in all
(``Budget.allowance``), counted from its start as first seen.
"""

from __future__ import annotations

import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from resume_etl.engines.budget import Budget

__all__ = ["MARKERS_DIR", "POLL_SECONDS", "Beat", "Heartbeat", "Watch"]

POLL_SECONDS = 0.25
"""How often the waiting process looks at a budgeted batch's marker."""

MARKERS_DIR = "started"
"""Folder of the part files' folder where budgeted batches keep their markers."""


@dataclass(frozen=True, slots=True)
class Beat:
    """One state of a batch's marker: who runs it, which attempt, which step, which document."""

    worker: str
    attempt: str
    """New for every start of the batch (a retry elsewhere counts its allowance anew)."""
    step: int
    position: int | None
    """The index in the batch of the document being worked on; None in a batch-wide step."""

    def text(self) -> str:
        """The marker's record: the step first and last, so a read torn by a write shows."""
        position = "" if self.position is None else str(self.position)
        return f"{self.step}\n{self.worker}\n{self.attempt}\n{position}\n{self.step}"

    @classmethod
    def parse(cls, text: str) -> Beat | None:
        """The beat a marker holds, or None for anything else (a torn read, an older format)."""
        lines = text.rstrip(" ").split("\n")
        if len(lines) != 5 or not lines[0].isdigit() or lines[0] != lines[4]:
            return None
        position = int(lines[3]) if lines[3].isdigit() else None
        return cls(lines[1], lines[2], int(lines[0]), position)


class Heartbeat:
    """The worker's side: ``beat(position)`` as each step of a document starts."""

    def __init__(self, marker: Path, worker: str) -> None:
        self.marker = marker
        self.worker = worker
        self.attempt = uuid.uuid4().hex[:12]
        self.steps = 0
        self._width = len(worker) + len(self.attempt) + 48  # room for any step and position

    def __call__(self, position: int | None = None) -> None:
        """Record that the document at ``position`` (None: the whole batch) is being worked on.

        Each beat overwrites the file in place with a record of one width (open, write,
        close: a few microseconds, where writing a new file and renaming it cost a hundred
        times more); closing it makes the beat visible on a shared file system too.
        """
        self.steps += 1
        record = Beat(self.worker, self.attempt, self.steps, position).text().ljust(self._width)
        descriptor = os.open(self.marker, os.O_WRONLY | os.O_CREAT, 0o644)
        try:
            os.write(descriptor, record.encode("utf-8"))
        finally:
            os.close(descriptor)


class Watch:
    """The waiting side: whether a budgeted batch must be stopped, from its marker."""

    def __init__(self, marker: Path, budget: Budget, documents: int) -> None:
        self.marker = marker
        self.step_seconds = budget.document_seconds
        self.allowance = budget.allowance(documents)
        self._beat: Beat | None = None
        self._since = 0.0
        self._started = 0.0

    def overdue(self) -> Beat | None:
        """The marker's last beat once the batch is past its budget; None while it may go on.

        A batch that has not started (no marker: queued, or its worker still loading the
        model) is never overdue.
        """
        beat = self._read()
        if beat is None:
            return None
        now = time.monotonic()
        if beat != self._beat:
            if self._beat is None or beat.attempt != self._beat.attempt:
                self._started = now
            self._beat, self._since = beat, now
        if now - self._since > self.step_seconds or now - self._started > self.allowance:
            return beat
        return None

    def restart(self) -> None:
        """Count the batch's budget anew from its next beat (it was found running elsewhere)."""
        self._beat = None

    def _read(self) -> Beat | None:
        """The marker's beat; the last one seen when the file holds none (a torn read)."""
        try:
            text = self.marker.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return None
        return Beat.parse(text) or self._beat
