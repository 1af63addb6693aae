"""Worker processes die with the process that started them.

A pool worker outlives a parent killed by SIGKILL (the OOM killer, ``kill -9``, a CI timeout):
it keeps working for a run nobody will commit, writes into a staging folder the next run
deletes, and holds the parent's stdout open, so a caller reading that output waits for
minutes. On Linux the kernel sends a worker SIGKILL the moment its parent dies
(``PR_SET_PDEATHSIG``, asked for with ``prctl`` through ctypes); everywhere, a worker checks
before each batch that its parent is still the process that started it.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1
"""``prctl`` option from <linux/prctl.h>: the signal this process gets when its parent dies."""
EXIT_ORPHANED = 70
"""Exit status of a worker that found its parent gone (EX_SOFTWARE)."""


def die_with_parent(parent_pid: int) -> None:
    """Have the kernel kill this process when its parent dies; exit now if it already has.

    The check after ``prctl`` closes the race of a parent that died while this process was
    starting: the signal is only sent for deaths after the call.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no libc prctl: the per-batch check remains
            pass
    exit_if_orphaned(parent_pid)


def exit_if_orphaned(parent_pid: int) -> None:
    """Exit at once when the process that started this one is no longer its parent."""
    if os.getppid() != parent_pid:
        os._exit(EXIT_ORPHANED)
