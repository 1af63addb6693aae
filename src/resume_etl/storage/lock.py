"""One writer per output folder: an advisory ``flock`` on ``<out>/.resume-etl/lock``.

The kernel drops a ``flock`` when its holder exits, however it exits (SIGKILL included), so a lock
can never be left stale. The lock file itself is never deleted (deleting it would let two runs
lock two different files); it holds the pid and start time of the current holder so a refused
run can say who is writing.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import socket
from pathlib import Path
from types import TracebackType

from resume_etl.errors import ErrorCode, ResumeEtlError


class OutputLock:
    """Exclusive lock on an output folder; ``wait=False`` fails at once if another run holds it."""

    def __init__(self, path: Path, wait: bool = False) -> None:
        self.path = path
        self.wait = wait
        self._descriptor: int | None = None

    def __enter__(self) -> OutputLock:
        descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX if self.wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            holder = _read_holder(descriptor)
            os.close(descriptor)
            raise ResumeEtlError(
                ErrorCode.E105_OUTPUT_LOCKED,
                f"{self.path.parent.parent} is being written by another run ({holder})",
            ) from error
        except BaseException:
            os.close(descriptor)
            raise
        self._descriptor = descriptor
        _write_holder(descriptor)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._descriptor is not None:
            os.ftruncate(self._descriptor, 0)
            fcntl.flock(self._descriptor, fcntl.LOCK_UN)
            os.close(self._descriptor)
            self._descriptor = None


def _write_holder(descriptor: int) -> None:
    started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    os.ftruncate(descriptor, 0)
    os.pwrite(
        descriptor, f"pid {os.getpid()} on {socket.gethostname()} since {started}".encode(), 0
    )


def _read_holder(descriptor: int) -> str:
    holder = os.pread(descriptor, 200, 0).decode("utf-8", errors="replace").strip()
    return holder or "pid unknown: it has only just started"
