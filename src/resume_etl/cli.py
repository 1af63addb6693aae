"""The ``resume-etl`` command: a thin layer over ``resume_etl.api``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from resume_etl import __version__
from resume_etl.config import PipelineConfig, load_config
from resume_etl.engines.local import RunOptions, RunSummary, discover_inputs, run_local
from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.schema import tables_markdown

app = typer.Typer(
    help="Turn raw résumé and profile text into typed records and Parquet tables.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console(stderr=True)

EXIT_BAD_SETUP = 2
"""Exit code for an unusable pipeline file, model, input list or output folder."""
EXIT_QUARANTINE = 3
"""Exit code of a ``--strict`` run whose inputs left any quarantine row (tables are committed)."""
EXIT_BUSY = 75
"""Exit code when another run holds the output folder (EX_TEMPFAIL: try again later)."""


def _version(value: bool) -> None:
    if value:
        typer.echo(f"resume-etl {__version__}")
        raise typer.Exit


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """resume-etl: ingest → segment → extract → validate → load."""


@app.command()
def run(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATHS...",
            help="Files or folders to read (folders recursively). Default: raw/",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Folder for the Parquet tables. Default: load.out of the pipeline file.",
        ),
    ] = None,
    pipeline: Annotated[
        Path, typer.Option("--pipeline", "-p", help="Pipeline definition (TOML).")
    ] = Path("pipelines/default.toml"),
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")
    ] = False,
    full: Annotated[
        bool,
        typer.Option("--full", help="Reprocess every input, even unchanged ones."),
    ] = False,
    prune: Annotated[
        bool,
        typer.Option(
            "--prune",
            help="Remove the rows of files that earlier runs loaded but are not inputs now.",
        ),
    ] = False,
    wait: Annotated[
        bool,
        typer.Option("--wait", help="If another run is writing the output folder, wait for it."),
    ] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help=f"Exit {EXIT_QUARANTINE} if any input left a row in quarantine."
        ),
    ] = False,
) -> None:
    """Run the pipeline and write one Parquet table per record type.

    Only new and changed inputs are processed; unchanged ones keep their stored rows (--full
    redoes all). Exit codes: 0 when every document was parsed or quarantined as designed; 2 when
    the pipeline file, the model, the inputs or the output folder cannot be used; 3 with --strict
    when any input was quarantined; 75 when another run holds the output folder.
    """
    input_paths = paths or [Path("raw")]
    try:
        config = load_config(pipeline)
        missing = [str(path) for path in input_paths if not path.exists()]
        if missing:
            raise ResumeEtlError(
                ErrorCode.E104_NO_INPUT, f"no such file or folder: {', '.join(missing)}"
            )
        files = discover_inputs(input_paths, config)
        target = out if out is not None else config.load.out
        options = RunOptions(full=full, prune=prune, wait=wait)
        summary = _run_with_progress(config, files, target, quiet, options)
    except ResumeEtlError as error:
        console.print(f"[bold red]error[/] {error}", highlight=False)
        busy = error.code is ErrorCode.E105_OUTPUT_LOCKED
        raise typer.Exit(EXIT_BUSY if busy else EXIT_BAD_SETUP) from error
    if not quiet:
        _print_summary(summary)
    if strict and summary.quarantine_rows:
        console.print(
            f"[bold red]strict[/] {summary.quarantine_rows} quarantine rows from this run's inputs",
            highlight=False,
        )
        raise typer.Exit(EXIT_QUARANTINE)


def _run_with_progress(
    config: PipelineConfig, files: list[Path], out: Path, quiet: bool, options: RunOptions
) -> RunSummary:
    if quiet:
        return run_local(config, files, out, options=options)
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as progress:
        task = progress.add_task("loading model", total=len(files))

        def advance(_: Path) -> None:
            progress.update(task, advance=1, description="documents")

        return run_local(config, files, out, on_progress=advance, options=options)


def _print_summary(summary: RunSummary) -> None:
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


@app.command()
def schema(
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the Markdown here instead of stdout.")
    ] = None,
) -> None:
    """Print the documentation of every output table and column (docs/tables.md)."""
    text = tables_markdown()
    if out is None:
        typer.echo(text)
    else:
        out.write_text(text + "\n", encoding="utf-8")
