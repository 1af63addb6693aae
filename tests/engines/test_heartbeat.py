"""The heartbeat of a budgeted batch: a step stuck for one budget is overdue, naming its
document, while a batch that keeps beating may take its whole allowance. The clock is faked:
no test here waits."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_etl.engines import heartbeat
from resume_etl.engines.budget import Budget
from resume_etl.engines.heartbeat import Beat, Heartbeat, Watch


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(heartbeat.time, "monotonic", fake)
    return fake


@given(
    st.text(alphabet="abc:/.0123456789", min_size=1, max_size=20),
    st.text(alphabet="0123456789abcdef", min_size=1, max_size=12),
    st.integers(0, 10**6),
    st.one_of(st.none(), st.integers(0, 100)),
)
def test_a_beat_reads_back_as_written(
    worker: str, attempt: str, step: int, position: int | None
) -> None:
    beat = Beat(worker, attempt, step, position)
    assert Beat.parse(beat.text()) == beat


def test_an_old_start_marker_or_a_torn_record_is_no_beat() -> None:
    assert Beat.parse("tcp://127.0.0.1:4242") is None
    new, old = Beat("w", "a", 12, 3).text(), Beat("w", "a", 11, 2).text()
    assert Beat.parse(new[:5] + old[5:]) is None


def test_a_torn_read_keeps_the_last_beat_seen(clock: FakeClock, tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    watch = Watch(marker, Budget(2.0), documents=1)
    Heartbeat(marker, "worker-1")(0)
    assert watch.overdue() is None
    marker.write_text("1\nworker-1\n", encoding="utf-8")  # half a record
    clock.now += 2.5
    overdue = watch.overdue()
    assert overdue is not None
    assert overdue.position == 0


def test_a_batch_not_started_is_never_overdue(clock: FakeClock, tmp_path: Path) -> None:
    watch = Watch(tmp_path / "marker", Budget(2.0), documents=5)
    clock.now += 1000
    assert watch.overdue() is None


def test_a_step_stuck_for_one_budget_is_overdue_and_names_its_document(
    clock: FakeClock, tmp_path: Path
) -> None:
    marker = tmp_path / "marker"
    beat, watch = Heartbeat(marker, "worker-1"), Watch(marker, Budget(2.0), documents=5)
    beat(None)
    beat(0)
    assert watch.overdue() is None
    clock.now += 1.5
    beat(1)
    assert watch.overdue() is None
    clock.now += 1.5  # 3 s since the batch started, 1.5 s on document 1
    assert watch.overdue() is None
    clock.now += 1.0
    overdue = watch.overdue()
    assert overdue is not None
    assert (overdue.worker, overdue.position) == ("worker-1", 1)


def test_a_batch_that_keeps_beating_is_stopped_at_its_allowance(
    clock: FakeClock, tmp_path: Path
) -> None:
    marker = tmp_path / "marker"
    beat, watch = Heartbeat(marker, "worker-1"), Watch(marker, Budget(2.0), documents=3)
    beat(0)
    assert watch.overdue() is None
    for position in range(5):  # a step every 1.5 s: never one budget on one step
        clock.now += 1.5
        beat(position % 3)
        stopped = watch.overdue()
        if clock.now - 1000.0 > 6.0:  # three documents, three budgets
            assert stopped is not None
        else:
            assert stopped is None


def test_a_retry_counts_its_allowance_anew(clock: FakeClock, tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    watch = Watch(marker, Budget(2.0), documents=1)
    first = Heartbeat(marker, "worker-1")
    first(0)
    assert watch.overdue() is None
    clock.now += 1.9
    Heartbeat(marker, "worker-2")(0)  # the batch started again elsewhere
    assert watch.overdue() is None
    clock.now += 1.9  # 3.8 s since the first start, 1.9 s since the retry's
    assert watch.overdue() is None
