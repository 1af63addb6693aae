"""The driver's poll of a budgeted batch survives distributed's lost cancellation (#8514)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from resume_etl.engines.dask import _poll


@dataclass
class _Future:
    """A stand-in future: each timed wait raises ``UnboundLocalError`` as distributed's sync
    does when a cancellation ends the wait; an untimed wait gives the result."""

    status: str
    key: str = "batch-1"
    calls: list[float | None] = field(default_factory=list)

    def result(self, timeout: float | None = None) -> object:
        self.calls.append(timeout)
        if timeout is not None:
            raise UnboundLocalError("cannot access local variable 'result'")
        return "report"


def test_a_finished_batch_is_read_without_a_timeout() -> None:
    future = _Future("finished")
    assert _poll(future) == "report"
    assert future.calls[-1] is None


def test_a_pending_batch_is_asked_again_at_the_next_poll() -> None:
    future = _Future("pending")
    assert _poll(future) is None
    assert len(future.calls) == 1


def test_a_batch_the_cluster_cancelled_stops_the_run_with_a_clear_error() -> None:
    with pytest.raises(RuntimeError, match="cancelled batch batch-1"):
        _poll(_Future("cancelled"))


def test_a_timeout_is_no_report_yet() -> None:
    class _Slow(_Future):
        def result(self, timeout: float | None = None) -> object:
            raise TimeoutError

    assert _poll(_Slow("pending")) is None
