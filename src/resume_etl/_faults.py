"""Fault injection for the crash tests, private to the package.

``RESUME_ETL_KILL_AT=<point>:<n>`` makes the process SIGKILL itself the n-th time it reaches
``checkpoint(<point>)``. The kill test uses it to stop a run at exact, repeatable places instead
of racing a timer. When the variable is unset (every real run) a checkpoint is one dict lookup.

``RESUME_ETL_LETHAL_INPUT=<file name>`` makes a pool worker SIGKILL itself when it is handed a
file of that name: a stand-in for a document that crashes a native library or exhausts memory,
so the tests can check that such a document costs itself only.
"""

from __future__ import annotations

import os
import signal
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

KILL_ENV = "RESUME_ETL_KILL_AT"
LETHAL_ENV = "RESUME_ETL_LETHAL_INPUT"

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


def lethal_input(paths: Iterable[Path]) -> None:
    """Die here, by SIGKILL, if one of ``paths`` has the file name ``RESUME_ETL_LETHAL_INPUT``."""
    name = os.environ.get(LETHAL_ENV)
    if name and any(path.name == name for path in paths):
        os.kill(os.getpid(), signal.SIGKILL)


def reset() -> None:
    """Forget the visits counted so far (a forked test child starts from zero)."""
    _reached.clear()
