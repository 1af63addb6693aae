"""One writer per output folder: a real flock that the kernel releases when its holder dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.storage.lock import OutputLock

HOLD_LOCK = """
import fcntl, os, sys
descriptor = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
fcntl.flock(descriptor, fcntl.LOCK_EX)
os.write(descriptor, f"pid {os.getpid()}".encode())
print("locked", flush=True)
sys.stdin.read()
"""
"""A holder as OutputLock makes one, without importing the package (spaCy) in the child."""


@pytest.fixture
def lock_path(tmp_path: Path) -> Path:
    state = tmp_path / "out" / ".resume-etl"
    state.mkdir(parents=True)
    return state / "lock"


def _holder(lock_path: Path) -> subprocess.Popen[str]:
    """Another process holding the lock until its stdin closes."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(lock_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "locked"
    return child


def test_second_writer_fails_fast_naming_the_holder_pid(lock_path: Path) -> None:
    child = _holder(lock_path)
    try:
        with pytest.raises(ResumeEtlError) as raised, OutputLock(lock_path):
            pass
        assert raised.value.code is ErrorCode.E105_OUTPUT_LOCKED
        assert f"pid {child.pid}" in str(raised.value)
    finally:
        child.communicate("")


def test_lock_of_a_killed_holder_does_not_block(lock_path: Path) -> None:
    child = _holder(lock_path)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    with OutputLock(lock_path):
        assert str(os.getpid()) in lock_path.read_text(encoding="utf-8")


def test_waiting_writer_gets_the_lock_once_the_holder_ends(lock_path: Path) -> None:
    child = _holder(lock_path)
    acquired = threading.Event()

    def wait_for_lock() -> None:
        with OutputLock(lock_path, wait=True):
            acquired.set()

    waiter = threading.Thread(target=wait_for_lock)
    waiter.start()
    assert not acquired.is_set()  # the holder is alive and locked: it cannot be set yet
    child.communicate("")
    waiter.join()
    assert acquired.is_set()


def test_two_locks_in_one_process_also_exclude_each_other(lock_path: Path) -> None:
    with OutputLock(lock_path), pytest.raises(ResumeEtlError), OutputLock(lock_path):
        pass
