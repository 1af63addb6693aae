"""The local engine freezes the objects alive at its start once per process (gc.freeze), and
pauses the collector while a batch runs."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from resume_etl.config import load_config
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


def test_the_collector_is_paused_while_a_batch_runs_and_back_after() -> None:
    assert gc.isenabled()
    with local._collector_paused():
        assert not gc.isenabled()
        with local._collector_paused():  # nested: the outer one turns it back on
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_is_back_after_a_failure_and_left_off_if_it_was() -> None:
    with pytest.raises(RuntimeError), local._collector_paused():
        raise RuntimeError("a stage failed")
    assert gc.isenabled()
    gc.disable()
    try:
        with local._collector_paused():
            pass
        assert not gc.isenabled()  # a caller that turned it off keeps it off
    finally:
        gc.enable()


def test_a_batch_runs_with_the_collector_paused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The stages of a batch run with the collector off, and it is on again afterwards."""
    seen: list[bool] = []
    engine = local.LocalEngine(load_config())
    real_validate = local.validate

    def watching(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return real_validate(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(local, "validate", watching)
    path = tmp_path / "cv.txt"
    path.write_text("Jane Roe\n\nExperience\nAnalyst, Acme\n- Cut costs by 15%\n", encoding="utf-8")
    report = engine.write_batch([path], {}, tmp_path / "parts", 0)
    assert [entry.error_code for entry in report.entries] == [None]
    assert seen == [False]
    assert gc.isenabled()
