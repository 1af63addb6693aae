"""Fault injection for the crash tests, private to the package.

``RESUME_ETL_KILL_AT=<point>:<n>`` makes the process SIGKILL itself the n-th time it reaches
``checkpoint(<point>)``. The kill test uses it to stop a run at exact, repeatable places instead
of racing a timer. When the variable is unset (every real run) a checkpoint is one dict lookup.
"""

from __future__ import annotations

import os
import signal
from collections import Counter

KILL_ENV = "RESUME_ETL_KILL_AT"

_reached: Counter[str] = Counter()


def checkpoint(point: str) -> None:
    """Die here, by SIGKILL, if ``RESUME_ETL_KILL_AT`` names this point and visit count."""
    spec = os.environ.get(KILL_ENV)
    if not spec:
        return
    _reached[point] += 1
    target, _, count = spec.rpartition(":")
    if target == point and count.isdigit() and _reached[point] == int(count):
        os.kill(os.getpid(), signal.SIGKILL)


def reset() -> None:
    """Forget the visits counted so far (a forked test child starts from zero)."""
    _reached.clear()
