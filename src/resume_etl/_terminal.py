"""What the ``resume-etl`` command prints: rich consoles, the progress bar, summary and hits.

Kept apart from ``cli.py`` so that rich is imported when a command prints, not when the command
line is parsed: ``resume-etl --version`` and ``--help`` never pay for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
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
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from resume_etl.formatting import stdout_console

if TYPE_CHECKING:
    from resume_etl.exports.local_search import SearchHit
    from resume_etl.runner import RunSummary

__all__ = [
    "hits_table",
    "messages",
    "print_error",
    "print_summary",
    "progress",
    "results",
]


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


@contextmanager
def progress() -> Iterator[tuple[Callable[[int], None], Callable[[Path], None]]]:
    """A progress bar, as the callbacks ``api.run`` takes: the total once known, a step per file.

    The bar appears once the inputs are found, so a run that fails before (a bad pipeline file,
    a missing input) prints its error alone.
    """
    bar = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=messages(),
        transient=False,
    )
    tasks: list[TaskID] = []

    def start(total: int) -> None:
        bar.start()
        tasks.append(bar.add_task("loading model", total=total))

    def advance(_: Path) -> None:
        bar.update(tasks[0], advance=1, description="documents")

    try:
        yield start, advance
    finally:
        if tasks:
            bar.stop()


def print_summary(summary: RunSummary) -> None:
    """The end of a run: rows per table, what became of the documents, workers if any."""
    console = messages()
    table = Table(title=f"resume-etl: {summary.out}", show_header=True)
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in summary.rows_written.items():
        table.add_row(name, str(count))
    console.print(table)
    console.print(
        f"documents read {summary.documents_read}, parsed {summary.documents_parsed}, "
        f"quarantined {summary.documents_quarantined} in {summary.seconds:.1f} s; "
        f"skipped {summary.documents_skipped} unchanged, kept {summary.documents_kept} "
        f"and pruned {summary.documents_pruned} no longer given; run {summary.run_id}"
    )
    if summary.quality_flags:
        flags = ", ".join(f"{flag} {count}" for flag, count in summary.quality_flags.items())
        console.print(f"documents flagged for a second look: {flags}", highlight=False)
    if summary.documents_per_worker:
        per_worker = ", ".join(
            f"{worker} {count}" for worker, count in summary.documents_per_worker.items()
        )
        console.print(f"documents per worker: {per_worker}", highlight=False)


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
