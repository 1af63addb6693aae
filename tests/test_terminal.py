"""The run's progress bar: documents per second and time left, counted from processing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from resume_etl import _terminal
from resume_etl._terminal import EtaColumn, RateColumn, RunProgress
from resume_etl.run_summary import RunSummary
from resume_etl.runner import RunPhase


def _rendered(bar: RunProgress) -> tuple[str, str, str]:
    assert bar.task is not None
    task = bar.bar.tasks[bar.task]
    rate, eta = RateColumn().render(task), EtaColumn().render(task)
    return task.description, rate.plain, eta.plain


def test_before_any_document_is_processed_there_is_no_rate_and_no_eta() -> None:
    bar = RunProgress(Console(file=io.StringIO()))
    bar.start(10)
    bar.phase(RunPhase.START)
    bar.advance(Path("reused.txt"))  # an unchanged file reused: no work, no rate
    try:
        assert _rendered(bar) == ("loading model", "-- docs/s", "ETA --:--")
    finally:
        bar.stop()


def test_processed_documents_give_a_rate_and_the_time_left() -> None:
    bar = RunProgress(Console(file=io.StringIO()))
    bar.start(10)
    bar.phase(RunPhase.DOCUMENTS)
    for index in range(3):
        bar.advance(Path(f"{index}.txt"))
    try:
        description, rate, eta = _rendered(bar)
    finally:
        bar.stop()
    assert description == "documents"
    assert rate.endswith(" docs/s") and rate != "-- docs/s"
    assert eta.startswith("ETA ") and eta != "ETA --:--"


def test_the_summary_names_a_long_output_folder_on_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stream = io.StringIO()
    monkeypatch.setattr(_terminal, "messages", lambda: Console(file=stream, width=40))
    out = Path("/srv/resumes/outputs/2026-12-03/nightly_batch")
    _terminal.print_summary(RunSummary(out=out, rows_written={"documents": 1}))
    assert f"tables in {out}" in stream.getvalue().splitlines()


def test_where_stderr_is_no_terminal_a_long_run_prints_progress_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stream = io.StringIO()  # a log file: rich would draw the bar only once, at the end
    monkeypatch.setattr(_terminal, "LOG_EVERY_SECONDS", 0.0)
    bar = RunProgress(Console(file=stream))
    bar.start(4)
    bar.phase(RunPhase.DOCUMENTS)
    bar.advance(Path("a.txt"))
    bar.advance(Path("b.txt"))
    lines = stream.getvalue().splitlines()
    bar.stop()
    assert [line.split(" docs/s")[0].rsplit(" ", 1)[0] for line in lines] == [
        "documents 1/4",
        "documents 2/4",
    ]


def test_in_a_terminal_the_bar_alone_shows_progress(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.StringIO()
    monkeypatch.setattr(_terminal, "LOG_EVERY_SECONDS", 0.0)
    bar = RunProgress(Console(file=stream, force_terminal=True, width=80))
    bar.start(4)
    bar.phase(RunPhase.DOCUMENTS)
    bar.advance(Path("a.txt"))
    logged = stream.getvalue()
    bar.stop()
    assert "documents 1/4 " not in logged
