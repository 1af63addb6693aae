"""How many worker processes a run starts by default, and how its batches are cut."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_etl.engines import sizing
from resume_etl.engines.sizing import (
    MIN_DOCUMENTS_PER_WORKER,
    LocalWorkers,
    balanced_batch_size,
    useful_workers,
)


def test_a_few_documents_start_no_worker_process() -> None:
    assert useful_workers(wanted=8, documents=37) == 1


def test_many_documents_use_every_core_wanted() -> None:
    assert useful_workers(wanted=2, documents=10 * MIN_DOCUMENTS_PER_WORKER) == 2


@given(st.integers(1, 64), st.integers(0, 100_000))
def test_every_worker_started_gets_its_minimum_of_documents(wanted: int, documents: int) -> None:
    workers = useful_workers(wanted, documents)
    assert 1 <= workers <= wanted
    assert workers == 1 or workers * MIN_DOCUMENTS_PER_WORKER <= documents


def test_two_hundred_documents_on_two_workers_are_eight_batches_of_25() -> None:
    assert balanced_batch_size(200, 2, 32) == 25


@given(st.integers(1, 10_000), st.integers(1, 16), st.integers(1, 64))
def test_balanced_batches_are_no_larger_and_no_more_rounds(
    documents: int, workers: int, batch_size: int
) -> None:
    size = balanced_batch_size(documents, workers, batch_size)
    assert 1 <= size <= batch_size
    rounds = math.ceil(math.ceil(documents / batch_size) / workers)
    assert math.ceil(documents / size) <= rounds * workers


def test_the_default_on_a_small_run_is_this_process_alone() -> None:
    assert LocalWorkers().count(37) == 1


def test_a_number_of_workers_given_is_used_up_to_the_batches() -> None:
    assert LocalWorkers(wanted=2).count(37) == 2
    assert LocalWorkers(wanted=4, batch_size=32).count(37) == 2


@pytest.mark.parametrize(("load", "expected"), [(0.2, 4), (1.9, 4), (3.0, 2), (40.0, 1)])
def test_cores_other_programs_keep_busy_get_no_worker(
    monkeypatch: pytest.MonkeyPatch, load: float, expected: int
) -> None:
    monkeypatch.setattr(sizing, "default_workers", lambda: 4)
    monkeypatch.setattr(sizing.os, "getloadavg", lambda: (load, load, load))
    assert sizing.idle_cores() == expected
