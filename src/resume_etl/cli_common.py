"""What the ``resume-etl`` command modules share: exit statuses, coded failures, common options.

Light on purpose (typer and ``errors`` only), as every command module imports it while the
command line is parsed.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Annotated

import typer

from resume_etl.errors import ErrorCode, ResumeEtlError, file_system_error
from resume_etl.formatting import OutputFormat

__all__ = [
    "EXIT_BAD_SETUP",
    "EXIT_BUSY",
    "EXIT_DISK",
    "EXIT_QUARANTINE",
    "FormatOption",
    "PipelineOption",
    "fail",
    "one_line_paragraphs",
    "write_output_file",
]

EXIT_BAD_SETUP = 2
"""Exit code for an unusable pipeline file, model, input list or output folder."""
EXIT_QUARANTINE = 3
"""Exit code of a ``--strict`` run whose inputs left any quarantine row (tables are committed)."""
EXIT_DISK = 74
"""Exit code when the disk refused a write or read: full, over quota, read-only (EX_IOERR)."""
EXIT_BUSY = 75
"""Exit code when another run holds the output folder (EX_TEMPFAIL: try again later)."""

PipelineOption = Annotated[
    Path | None,
    typer.Option(
        "--pipeline",
        "-p",
        help="Pipeline definition (TOML). Default: the one shipped with the package "
        "(resume-etl info prints its path).",
        readable=False,
    ),
]

FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        "-f",
        help="table for people; json or csv (every column, whole values) for scripts.",
    ),
]


def exit_status(code: ErrorCode) -> int:
    """The documented exit status of a coded error (README, "Exit codes")."""
    return {ErrorCode.E105_OUTPUT_LOCKED: EXIT_BUSY, ErrorCode.E110_DISK_ERROR: EXIT_DISK}.get(
        code, EXIT_BAD_SETUP
    )


def fail(failure: ResumeEtlError | OSError) -> typer.Exit:
    """Print a coded error (an ``OSError`` gets its code here); the exit to raise for it."""
    from resume_etl._terminal import print_error  # noqa: PLC0415 - rich loads when printing

    error = failure if isinstance(failure, ResumeEtlError) else file_system_error(failure)
    print_error(error)
    return typer.Exit(exit_status(error.code))


def write_output_file(path: Path, text: str) -> None:
    """Write a file a command was asked for (``--json``, ``--html``, ``schema --out``).

    Its folder is made if missing, as the exports make theirs; a path that cannot be written
    (a file where the folder goes, no permission) is a coded failure, never a traceback, since
    it comes at the end of a command that may have run for minutes.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise fail(error) from error


def one_line_paragraphs(*apps: typer.Typer) -> None:
    """Give each command of ``apps`` its docstring as help with every paragraph on one line.

    typer keeps the line breaks of a docstring's later paragraphs, so text wrapped at the
    source's 100 columns came out ragged in a terminal of 80 (``(--full`` on one line,
    ``redoes all)`` on the next); joined, rich wraps each paragraph to the terminal.
    """
    for app in apps:
        for command in app.registered_commands:
            text = command.help or inspect.getdoc(command.callback) or ""
            command.help = "\n\n".join(" ".join(part.split("\n")) for part in text.split("\n\n"))
