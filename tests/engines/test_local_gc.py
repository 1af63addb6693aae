"""The local engine freezes the objects alive at its start once per process (gc.freeze)."""

from __future__ import annotations

import gc

import pytest

from resume_etl.engines import local


def test_start_up_objects_are_frozen_by_the_first_engine_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    freezes: list[int] = []
    monkeypatch.setattr(local, "_settled", False)
    monkeypatch.setattr(gc, "freeze", lambda: freezes.append(1))
    local._settle_long_lived_objects()
    local._settle_long_lived_objects()  # a second engine in the same process
    assert freezes == [1]
