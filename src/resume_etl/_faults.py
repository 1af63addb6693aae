"""Fault injection for the crash tests, private to the package.

``RESUME_ETL_KILL_AT=<point>:<n>`` makes the process SIGKILL itself the n-th time it reaches
``checkpoint(<point>)``. The kill test uses it to stop a run at exact, repeatable places instead
of racing a timer. When the variable is unset (every real run) a checkpoint is one dict lookup.

``RESUME_ETL_FAIL_AT=<point>:<n>:<ERRNO>`` makes the n-th visit raise ``OSError(ERRNO)``
instead (``load.table:1:ENOSPC``: the disk fills up as the commit writes its first table).

``RESUME_ETL_LETHAL_INPUT=<file name>`` makes a pool worker SIGKILL itself when it is handed a
file of that name: a stand-in for a document that crashes a native library or exhausts memory,
so the tests can check that such a document costs itself only.

``RESUME_ETL_SLOW_INPUT=<file name>:<seconds>`` makes any engine sleep that long when it starts
on a file of that name: a stand-in for a text that costs minutes, for the time budget's tests.
"""

from __future__ import annotations

import errno
import os
import signal
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

KILL_ENV = "RESUME_ETL_KILL_AT"
FAIL_ENV = "RESUME_ETL_FAIL_AT"
LETHAL_ENV = "RESUME_ETL_LETHAL_INPUT"
SLOW_ENV = "RESUME_ETL_SLOW_INPUT"

_reached: Counter[str] = Counter()


def checkpoint(point: str) -> None:
    """Die here (``RESUME_ETL_KILL_AT``) or fail with an ``OSError`` (``RESUME_ETL_FAIL_AT``)."""
    kill, fail = os.environ.get(KILL_ENV), os.environ.get(FAIL_ENV)
    if not kill and not fail:
        return
    _reached[point] += 1
    if kill and _is_visit(kill, point):
        os.kill(os.getpid(), signal.SIGKILL)
    if fail:
        spec, _, name = fail.rpartition(":")
        if _is_visit(spec, point):
            code = getattr(errno, name)
            raise OSError(code, os.strerror(code), f"<{point}>")


def _is_visit(spec: str, point: str) -> bool:
    """``spec`` is ``<point>:<n>`` and this is the n-th visit of ``point``."""
    target, _, count = spec.rpartition(":")
    return target == point and count.isdigit() and _reached[point] == int(count)


def lethal_input(paths: Iterable[Path]) -> None:
    """Die here, by SIGKILL, if one of ``paths`` has the file name ``RESUME_ETL_LETHAL_INPUT``."""
    name = os.environ.get(LETHAL_ENV)
    if name and any(path.name == name for path in paths):
        os.kill(os.getpid(), signal.SIGKILL)


def slow_input(path: Path) -> None:
    """Sleep here if ``path`` has the file name ``RESUME_ETL_SLOW_INPUT`` names."""
    spec = os.environ.get(SLOW_ENV)
    if spec:
        name, _, seconds = spec.rpartition(":")
        if path.name == name:
            time.sleep(float(seconds))


def reset() -> None:
    """Forget the visits counted so far (a forked test child starts from zero)."""
    _reached.clear()
