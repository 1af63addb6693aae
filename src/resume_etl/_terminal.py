"""What the ``resume-etl`` command prints: rich consoles, the progress bar, summary and hits.

Kept apart from ``cli.py`` so that rich is imported when a command prints, not when the command
line is parsed: ``resume-etl --version`` and ``--help`` never pay for it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from resume_etl.formatting import stdout_console

if TYPE_CHECKING:
    from resume_etl.exports.local_search import SearchHit
    from resume_etl.run_summary import RunSummary
    from resume_etl.runner import RunPhase

__all__ = [
    "RunProgress",
    "hits_table",
    "messages",
    "print_error",
    "print_strict_failure",
    "print_summary",
    "progress",
    "results",
]

FAILURES_SHOWN = 10
"""Quarantined files the summary names before saying how many more there are."""


@cache
def messages() -> Console:
    """Messages, progress and errors: stderr, so results stay pipeable."""
    return Console(stderr=True)


@cache
def results() -> Console:
    """Results (search hits, a document's view): stdout, as ``formatting`` prints rows."""
    return stdout_console()


def print_error(error: Exception) -> None:
    """The one-line message a user gets for an error they can fix."""
    messages().print(f"[bold red]error[/] {escape(str(error))}", highlight=False, soft_wrap=True)


def documents_per_second(task: Task) -> float | None:
    """Documents processed per second since processing began (reused ones do not count)."""
    since, done = task.fields.get("since"), task.fields.get("fresh", 0)
    if since is None or not done:
        return None
    return float(done / max(time.monotonic() - since, 1e-9))


class RateColumn(ProgressColumn):
    """Documents per second, once the first new document is done."""

    def render(self, task: Task) -> Text:
        rate = documents_per_second(task)
        return Text(
            "-- docs/s" if rate is None else f"{rate:.1f} docs/s", style="progress.data.speed"
        )


class EtaColumn(ProgressColumn):
    """Time left at the current rate."""

    def render(self, task: Task) -> Text:
        rate = documents_per_second(task)
        if task.finished:
            return Text("ETA 0:00", style="progress.remaining")
        if rate is None or task.total is None:
            return Text("ETA --:--", style="progress.remaining")
        left = int((task.total - task.completed) / rate)
        return Text(f"ETA {left // 60:d}:{left % 60:02d}", style="progress.remaining")


LOG_EVERY_SECONDS = 10.0
"""How often a run whose stderr is no terminal prints a progress line."""


class RunProgress:
    """A run's progress bar, as the callbacks ``api.run`` takes: the total once the inputs are
    known, the phase the run is in, a step per file. The rate and the time left count the
    documents processed since processing began, not the unchanged ones reused before."""

    def __init__(self, console: Console | None = None) -> None:
        self.bar = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            EtaColumn(),
            TimeElapsedColumn(),
            console=console or messages(),
            transient=False,
        )
        self.task: TaskID | None = None
        self.logged_at = time.monotonic()

    def start(self, total: int) -> None:
        self.bar.start()
        self.task = self.bar.add_task("checking inputs", total=total, since=None, fresh=0)

    def phase(self, phase: RunPhase) -> None:
        if self.task is None:
            return
        self.bar.update(self.task, description=phase.value)
        if phase.name == "DOCUMENTS":
            self.bar.update(self.task, since=time.monotonic())

    def advance(self, _: Path) -> None:
        if self.task is None:
            return
        fields = self.bar.tasks[self.task].fields
        if fields["since"] is not None:
            self.bar.update(self.task, fresh=fields["fresh"] + 1)
        self.bar.update(self.task, advance=1)
        self._log_line()

    def _log_line(self) -> None:
        """Where stderr is no terminal (a log file, CI) rich draws the bar once, at the end:
        there, a plain line every ``LOG_EVERY_SECONDS`` shows a long run moving."""
        now = time.monotonic()
        if self.task is None or self.bar.console.is_terminal:
            return
        if now - self.logged_at < LOG_EVERY_SECONDS:
            return
        self.logged_at = now
        task = self.bar.tasks[self.task]
        rate, eta = RateColumn().render(task).plain, EtaColumn().render(task).plain
        self.bar.console.print(
            f"{task.description} {task.completed:.0f}/{task.total or 0:.0f} {rate} {eta}",
            highlight=False,
        )

    def stop(self) -> None:
        if self.task is not None:
            if self.bar.tasks[self.task].finished:
                self.bar.update(self.task, description="done")
            self.bar.stop()


@contextmanager
def progress() -> Iterator[RunProgress]:
    """A progress bar for a run; it appears once the inputs are found, so a run that fails
    before (a bad pipeline file, a missing input) prints its error alone."""
    bar = RunProgress()
    try:
        yield bar
    finally:
        bar.stop()


def print_summary(summary: RunSummary) -> None:
    """The end of a run: rows per table, what became of the documents, time, failures."""
    console = messages()
    # the folder on a line of its own: as the table's title it was wrapped to the table's width
    console.print(f"tables in {escape(str(summary.out))}", highlight=False, soft_wrap=True)
    table = Table(show_header=True)
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in summary.rows_written.items():
        table.add_row(name, str(count))
    console.print(table)
    console.print(
        f"documents read {summary.documents_read}, parsed {summary.documents_parsed}, "
        f"quarantined {summary.documents_quarantined}; "
        f"skipped {summary.documents_skipped} unchanged, kept {summary.documents_kept} "
        f"and pruned {summary.documents_pruned} no longer given; run {summary.run_id}"
    )
    console.print(time_line(summary), highlight=False)
    if summary.quality_flags:
        flags = ", ".join(f"{flag} {count}" for flag, count in summary.quality_flags.items())
        console.print(f"documents flagged for a second look: {flags}", highlight=False)
    if summary.documents_per_worker:
        per_worker = ", ".join(
            f"{worker} {count}" for worker, count in summary.documents_per_worker.items()
        )
        console.print(f"documents per worker: {per_worker}", highlight=False)
    if summary.not_read:
        endings = ", ".join(f"{ending} {count}" for ending, count in summary.not_read.items())
        console.print(
            f"not read: {sum(summary.not_read.values())} files in the folders given whose "
            f"ending is not in ingest.extensions ({endings})",
            highlight=False,
        )
    if summary.quarantine_rows:
        print_failures(summary)


def time_line(summary: RunSummary) -> str:
    """Wall-clock seconds from start to end, and where they went."""
    start_up = max(summary.wall_seconds - summary.seconds, 0.0)
    processes = "1 process" if summary.workers == 1 else f"{summary.workers} processes"
    stages = ", ".join(
        f"{stage} {seconds:.1f}" for stage, seconds in summary.stage_seconds.items() if seconds
    )
    line = (
        f"{summary.wall_seconds:.1f} s from start to end (start-up {start_up:.1f} s, "
        f"run {summary.seconds:.1f} s)"
    )
    processed = summary.documents_read - summary.documents_skipped
    if processed and summary.seconds:
        line += f", {processed / summary.seconds:.1f} new documents/s"
    return f"{line}; seconds in {processes}: {stages}" if stages else line


def print_failures(summary: RunSummary) -> None:
    """The quarantine rows of this run's inputs: the first few by file, code and reason."""
    console = messages()
    console.print(f"quarantined ({summary.quarantine_rows} rows): code, file, reason")
    for note in summary.failures[:FAILURES_SHOWN]:
        record = f" ({note.record_type})" if note.record_type else ""
        console.print(
            f"  [bold]{note.error_code}[/] {escape(note.source_path)}{escape(record)}: "
            f"{escape(note.reason)}",
            highlight=False,
            soft_wrap=True,
        )
    more = summary.quarantine_rows - min(len(summary.failures), FAILURES_SHOWN)
    where = f"{summary.results_file}" if summary.results_file else "the quarantine table"
    if more > 0:
        console.print(
            f"  and {more} more: every one in {escape(where)}", highlight=False, soft_wrap=True
        )


def print_strict_failure(summary: RunSummary, named: bool) -> None:
    """Why ``--strict`` failed the run: the failures (unless the summary ``named`` them)."""
    console = messages()
    if not named:
        print_failures(summary)
    console.print(
        f"[bold red]strict[/] {summary.quarantine_rows} quarantine rows from this run's inputs "
        "(the tables are committed)",
        highlight=False,
    )


def hits_table(hits: list[SearchHit]) -> Table:
    table = Table(show_lines=True)
    for column in ("#", "score", "profile", "snippet"):
        table.add_column(column, overflow="fold")
    for rank, hit in enumerate(hits, start=1):
        snippet = Text(hit.snippet)
        for start, end in hit.highlights:
            snippet.stylize("bold black on yellow", start, end)
        table.add_row(str(rank), f"{hit.score:.2f}", f"{hit.person}\n{hit.doc_id}", snippet)
    return table
