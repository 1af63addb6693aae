"""``resume-etl run``: the pipeline over files and folders (registered by ``cli.py``).

Light at import, as the whole command line is: the API, spaCy and rich load when the command
runs. The run's wall-clock time counts from the start of this process, so the summary's figure
is what the user waited for: start-up, loading the model, the run and the commit.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from resume_etl.cli_common import EXIT_QUARANTINE, PipelineOption, fail
from resume_etl.engines import EngineName
from resume_etl.errors import ResumeEtlError
from resume_etl.formatting import OutputFormat

if TYPE_CHECKING:
    from resume_etl._terminal import RunProgress
    from resume_etl.run_summary import RunSummary

DEFAULT_INPUT = Path("raw")
"""What ``resume-etl run`` reads when no paths are given."""


def process_started() -> float:
    """``time.perf_counter()`` at this process's start (Linux: from ``/proc``; else: now).

    The interpreter's own start-up and imports happen before any line of ours runs, so only
    the kernel's record of the process's start time counts them.
    """
    try:
        stat = Path("/proc/self/stat").read_text(encoding="ascii")
        uptime = float(Path("/proc/uptime").read_text(encoding="ascii").split()[0])
        ticks = int(stat.rsplit(")", 1)[1].split()[19])  # field 22, starttime, after the name
        age = uptime - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter()
    return time.perf_counter() - max(age, 0.0)


class RunRequest(NamedTuple):
    """The ``run`` command's arguments, handed to ``api.run``."""

    paths: list[Path]
    pipeline: Path | None
    out: Path | None
    engine: EngineName
    scheduler: str | None
    workers: int | None
    full: bool
    prune: bool
    wait: bool

    def run(self, quiet: bool) -> RunSummary:
        """The run, with a progress bar unless ``quiet``."""
        from resume_etl import _terminal  # noqa: PLC0415 - rich loads when a command prints

        started = process_started()
        if quiet:
            return self._run(started, None)
        with _terminal.progress() as bar:
            return self._run(started, bar)

    def _run(self, started: float, bar: RunProgress | None) -> RunSummary:
        from resume_etl.api import run  # noqa: PLC0415 - loads the stages: only when running

        return run(
            self.paths,
            self.pipeline,
            self.out,
            bar.advance if bar else None,
            self.workers,
            full=self.full,
            prune=self.prune,
            wait=self.wait,
            engine=self.engine,
            scheduler=self.scheduler,
            on_start=bar.start if bar else None,
            on_phase=bar.phase if bar else None,
            started=started,
        )


_PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="PATHS...",
        help="Files or folders to read (folders recursively). Default: raw/",
        readable=False,
    ),
]
_OutOption = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        help="Folder for the Parquet tables. Default: load.out of the pipeline file.",
        readable=False,
    ),
]
_QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]
_WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers",
        "-w",
        min=1,
        help="Worker processes, each with its own model. Default: this process alone for "
        "a few documents, all cores when each gets 100 or more new or changed ones (with "
        "--engine dask: the LocalCluster's workers, default 2; not with --scheduler, "
        "whose cluster has its own). The tables are the same for any number.",
    ),
]
_EngineOption = Annotated[
    EngineName,
    typer.Option(
        "--engine",
        "-e",
        help="Where the stages run: this machine, or a Dask cluster (needs "
        "pip install 'resume-etl\\[dask]'). The tables are the same.",
    ),
]
_SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="Dask scheduler to run on (with --engine dask). Default: start a LocalCluster.",
    ),
]
_FullOption = Annotated[
    bool,
    typer.Option("--full", help="Reprocess every input, even unchanged ones."),
]
_PruneOption = Annotated[
    bool,
    typer.Option(
        "--prune",
        help="Remove the rows of files that earlier runs loaded but are not inputs now.",
    ),
]
_WaitOption = Annotated[
    bool,
    typer.Option("--wait", help="If another run is writing the output folder, wait for it."),
]
_StrictOption = Annotated[
    bool,
    typer.Option(
        "--strict",
        help=f"Exit {EXIT_QUARANTINE} if any input left a row in quarantine, naming them.",
    ),
]
_FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        "-f",
        help="The summary: a table on stderr, or json / csv (one row) on stdout, "
        "printed even with --quiet.",
    ),
]


def run(
    paths: _PathsArgument = None,
    out: _OutOption = None,
    pipeline: PipelineOption = None,
    quiet: _QuietOption = False,
    workers: _WorkersOption = None,
    engine: _EngineOption = EngineName.LOCAL,
    scheduler: _SchedulerOption = None,
    full: _FullOption = False,
    prune: _PruneOption = False,
    wait: _WaitOption = False,
    strict: _StrictOption = False,
    output: _FormatOption = OutputFormat.TABLE,
) -> None:
    """Run the pipeline and write one Parquet table per record type.

    Only new and changed inputs are processed; unchanged ones keep their stored rows (--full
    redoes all). Each input's status, seconds and error codes go to
    OUT/.resume-etl/run_results.json. Exit codes: 0 when every document was parsed or
    quarantined as designed; 2 when the pipeline file, the model, the inputs or the output
    folder cannot be used; 3 with --strict when any input was quarantined; 74 when the disk
    refused a write (full, read-only); 75 when another run holds the output folder.
    """
    _check_engine_options(engine, scheduler, workers)
    request = RunRequest(
        paths or [DEFAULT_INPUT], pipeline, out, engine, scheduler, workers, full, prune, wait
    )
    try:
        if not paths and not DEFAULT_INPUT.exists():  # the CLI's own default, its own hint
            from resume_etl.hints import missing_inputs_error  # noqa: PLC0415

            raise missing_inputs_error([str(DEFAULT_INPUT)], defaulted=True)
        summary = request.run(quiet)
    except (ResumeEtlError, OSError) as error:
        raise fail(error) from error
    _report(summary, output, quiet, strict)


def _check_engine_options(engine: EngineName, scheduler: str | None, workers: int | None) -> None:
    """--scheduler names a Dask cluster, whose workers are its own: refuse what contradicts it."""
    if scheduler is not None and engine is not EngineName.DASK:
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    if scheduler is not None and workers is not None:
        raise typer.BadParameter(
            "--workers cannot be used with --scheduler: the cluster's workers are those "
            "started with dask worker",
            param_hint="--workers",
        )


def _report(summary: RunSummary, output: OutputFormat, quiet: bool, strict: bool) -> None:
    """The run's summary in the format asked for; with --strict, exit 3 naming the quarantined."""
    from resume_etl import _terminal  # noqa: PLC0415 - rich loads when a command prints

    if output is not OutputFormat.TABLE:
        from resume_etl.formatting import print_summary  # noqa: PLC0415

        print_summary(summary, output)
    elif not quiet:
        _terminal.print_summary(summary)
    if strict and summary.quarantine_rows:
        _terminal.print_strict_failure(summary, named=not quiet and output is OutputFormat.TABLE)
        raise typer.Exit(EXIT_QUARANTINE)
