"""The ``resume-etl`` command: a thin layer over the public API (``resume_etl.api`` and friends).

Parsing the command line must stay fast (``resume-etl --version`` and ``--help`` well under a
second), so this module imports only typer and light modules at the top; each command imports
what it runs (spaCy, pandas, pyarrow, rich) when it runs.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from resume_etl._version import __version__
from resume_etl.cli_real import eval_real
from resume_etl.cli_train import train
from resume_etl.engines import EngineName
from resume_etl.errors import ErrorCode, ResumeEtlError, file_system_error
from resume_etl.exports import DEFAULT_INDEX, SALT_ENV_VAR
from resume_etl.formatting import OutputFormat

if TYPE_CHECKING:
    from resume_etl.exports.local_search import SearchHit
    from resume_etl.runner import RunSummary

app = typer.Typer(
    help="Turn raw résumé and profile text into typed records and Parquet tables.",
    no_args_is_help=True,
)

PipelineOption = Annotated[
    Path | None,
    typer.Option(
        "--pipeline",
        "-p",
        help="Pipeline definition (TOML). Default: the one shipped with the package "
        "(resume-etl info prints its path).",
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

DEFAULT_INPUT = Path("raw")
"""What ``resume-etl run`` reads when no paths are given."""

EXIT_BAD_SETUP = 2
"""Exit code for an unusable pipeline file, model, input list or output folder."""
EXIT_QUARANTINE = 3
"""Exit code of a ``--strict`` run whose inputs left any quarantine row (tables are committed)."""
EXIT_DISK = 74
"""Exit code when the disk refused a write or read: full, over quota, read-only (EX_IOERR)."""
EXIT_BUSY = 75
"""Exit code when another run holds the output folder (EX_TEMPFAIL: try again later)."""


def _exit_status(code: ErrorCode) -> int:
    """The documented exit status of a coded error (README, "Exit codes")."""
    return {ErrorCode.E105_OUTPUT_LOCKED: EXIT_BUSY, ErrorCode.E110_DISK_ERROR: EXIT_DISK}.get(
        code, EXIT_BAD_SETUP
    )


def _fail(failure: ResumeEtlError | OSError) -> typer.Exit:
    """Print a coded error (an ``OSError`` gets its code here); the exit to raise for it."""
    from resume_etl._terminal import print_error  # noqa: PLC0415 - rich loads when printing

    error = failure if isinstance(failure, ResumeEtlError) else file_system_error(failure)
    print_error(error)
    return typer.Exit(_exit_status(error.code))


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
    pipeline: PipelineOption = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            min=1,
            help="Worker processes, each with its own model. Default: all cores (with "
            "--engine dask: the LocalCluster's workers, default 2; not with --scheduler, "
            "whose cluster has its own). The tables are the same for any number.",
        ),
    ] = None,
    engine: Annotated[
        EngineName,
        typer.Option(
            "--engine",
            "-e",
            help="Where the stages run: this machine, or a Dask cluster (needs "
            "pip install 'resume-etl\\[dask]'). The tables are the same.",
        ),
    ] = EngineName.LOCAL,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="tcp://HOST:PORT",
            help="Dask scheduler to run on (with --engine dask). Default: start a LocalCluster.",
        ),
    ] = None,
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
    output: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="The summary: a table on stderr, or json / csv (one row) on stdout, "
            "printed even with --quiet.",
        ),
    ] = OutputFormat.TABLE,
) -> None:
    """Run the pipeline and write one Parquet table per record type.

    Only new and changed inputs are processed; unchanged ones keep their stored rows (--full
    redoes all). Exit codes: 0 when every document was parsed or quarantined as designed; 2 when
    the pipeline file, the model, the inputs or the output folder cannot be used; 3 with --strict
    when any input was quarantined; 74 when the disk refused a write (full, read-only); 75 when
    another run holds the output folder.
    """
    from resume_etl import _terminal  # noqa: PLC0415 - rich loads when a command prints

    if scheduler is not None and engine is not EngineName.DASK:
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    if scheduler is not None and workers is not None:
        raise typer.BadParameter(
            "--workers cannot be used with --scheduler: the cluster's workers are those "
            "started with dask worker",
            param_hint="--workers",
        )
    request = _RunRequest(
        paths or [DEFAULT_INPUT], pipeline, out, engine, scheduler, workers, full, prune, wait
    )
    try:
        if not paths and not DEFAULT_INPUT.exists():  # the CLI's own default, its own hint
            from resume_etl.hints import missing_inputs_error  # noqa: PLC0415

            raise missing_inputs_error([str(DEFAULT_INPUT)], defaulted=True)
        summary = request.run() if quiet else _run_with_progress(request)
    except (ResumeEtlError, OSError) as error:
        raise _fail(error) from error
    if output is not OutputFormat.TABLE:
        from resume_etl.formatting import print_summary  # noqa: PLC0415

        print_summary(summary, output)
    elif not quiet:
        _terminal.print_summary(summary)
    if strict and summary.quarantine_rows:
        _terminal.messages().print(
            f"[bold red]strict[/] {summary.quarantine_rows} quarantine rows from this run's inputs",
            highlight=False,
        )
        raise typer.Exit(EXIT_QUARANTINE)


class _RunRequest(NamedTuple):
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

    def run(
        self,
        on_start: Callable[[int], None] | None = None,
        on_progress: Callable[[Path], None] | None = None,
    ) -> RunSummary:
        from resume_etl.api import run  # noqa: PLC0415 - loads the stages: only when running

        return run(
            self.paths,
            self.pipeline,
            self.out,
            on_progress,
            self.workers,
            full=self.full,
            prune=self.prune,
            wait=self.wait,
            engine=self.engine,
            scheduler=self.scheduler,
            on_start=on_start,
        )


def _run_with_progress(request: _RunRequest) -> RunSummary:
    """The run with a progress bar: its total once the inputs are found, a step per file."""
    from resume_etl import _terminal  # noqa: PLC0415

    with _terminal.progress() as (start, advance):
        return request.run(on_start=start, on_progress=advance)


@app.command()
def schema(
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the Markdown here instead of stdout.")
    ] = None,
) -> None:
    """Print the documentation of every output table and column (docs/tables.md)."""
    from resume_etl.schema import tables_markdown  # noqa: PLC0415

    text = tables_markdown()
    if out is None:
        typer.echo(text)
    else:
        out.write_text(text + "\n", encoding="utf-8")


export_app = typer.Typer(
    help="Export the output tables for other tools (JSON Resume sites, search engines).",
    no_args_is_help=True,
)
app.add_typer(export_app, name="export")

EXIT_INVALID_EXPORT = 1
"""Exit code when an exported document fails its schema (a mapping bug; nothing was written)."""


@contextmanager
def _exit_on(exit_codes: Mapping[type[Exception], int]) -> Iterator[None]:
    """Turn the errors a user can meet into a one-line message and an exit code.

    A file-system error (an --out that is a file, a full disk) gets its code from
    ``errors.file_system_error`` and the exit status that code documents.
    """
    try:
        yield
    except OSError as error:
        raise _fail(error) from error
    except tuple(exit_codes) as error:
        code = next(code for kind, code in exit_codes.items() if isinstance(error, kind))
        from resume_etl._terminal import print_error  # noqa: PLC0415

        print_error(error)
        raise typer.Exit(code) from error


TablesOption = Annotated[
    Path, typer.Option("--tables", "-t", help="Output folder of 'resume-etl run' to read.")
]
RedactOption = Annotated[
    bool,
    typer.Option(
        "--redact",
        help="Replace emails (also obfuscated ones), phone numbers and postal addresses in every "
        "exported string with salted hashes.",
    ),
]
SaltOption = Annotated[
    str | None,
    typer.Option(
        "--salt",
        envvar=SALT_ENV_VAR,
        help=f"Secret salt of the --redact hashes (or set {SALT_ENV_VAR}); keep it to keep "
        "hashes joinable across exports.",
        show_envvar=True,
    ),
]


@export_app.command("jsonresume")
def export_jsonresume(
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="Folder for <person_key>/resume.json, or - for stdout (NDJSON: one résumé "
            "a line).",
        ),
    ],
    tables: TablesOption = Path("output"),
    redact: RedactOption = False,
    salt: SaltOption = None,
) -> None:
    """Write one JSON Resume file per profile, each validated against the official schema."""
    from resume_etl._terminal import messages  # noqa: PLC0415
    from resume_etl.exports import stdout  # noqa: PLC0415 (the --out - path's own module)
    from resume_etl.exports.jsonresume import InvalidExportError, export_json_resume  # noqa: PLC0415
    from resume_etl.exports.redact import redactor_for  # noqa: PLC0415

    with _exit_on({ResumeEtlError: EXIT_BAD_SETUP, InvalidExportError: EXIT_INVALID_EXPORT}):
        if stdout.is_stdout(out):
            count = stdout.write_json_resumes(sys.stdout, tables, redactor_for(redact, salt))
            messages().print(f"wrote {count} JSON Resume documents to stdout", highlight=False)
            return
        written = export_json_resume(tables, out, redactor_for(redact, salt))
    messages().print(f"wrote {len(written)} JSON Resume files into {out}")


@export_app.command("search")
def export_search(
    out: Annotated[
        Path, typer.Option("--out", "-o", help="NDJSON file to write, or - for stdout.")
    ],
    tables: TablesOption = Path("output"),
    index: Annotated[
        str, typer.Option("--index", help="Index named in each bulk action line.")
    ] = DEFAULT_INDEX,
    redact: RedactOption = False,
    salt: SaltOption = None,
) -> None:
    """Write one search document per profile as Elasticsearch/OpenSearch bulk NDJSON."""
    from resume_etl._terminal import messages  # noqa: PLC0415
    from resume_etl.exports import stdout  # noqa: PLC0415 (the --out - path's own module)
    from resume_etl.exports.redact import redactor_for  # noqa: PLC0415
    from resume_etl.exports.search import export_search_feed  # noqa: PLC0415

    with _exit_on({ResumeEtlError: EXIT_BAD_SETUP}):
        if stdout.is_stdout(out):
            count = stdout.write_search_feed(sys.stdout, tables, index, redactor_for(redact, salt))
        else:
            count = export_search_feed(tables, out, index, redactor_for(redact, salt))
    where = "stdout" if stdout.is_stdout(out) else str(out)
    messages().print(
        f"wrote {count} search documents into {where} (index {index})", highlight=False
    )


EXIT_BAD_QUERY = 1
"""Exit code for SQL that DuckDB rejects, or that reaches outside the tables (E133)."""


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="SQL; each table is a view: experiences, skills, …")],
    tables: TablesOption = Path("output"),
    max_rows: Annotated[
        int, typer.Option("--max-rows", help="Rows a table shows at most (json and csv: all).")
    ] = 100,
    output: FormatOption = OutputFormat.TABLE,
    allow_external: Annotated[
        bool,
        typer.Option(
            "--allow-external",
            help="Let the SQL read and write files and load extensions (COPY … TO, read_csv, "
            "ATTACH). Default: only the output's tables can be read.",
        ),
    ] = False,
) -> None:
    """Run SQL over the output tables with DuckDB (extra: pip install 'resume-etl\\[sql]').

    Read-only by default: SQL that reaches other files exits 1 with E133.
    Example: resume-etl query "SELECT name, count(*) n FROM skills GROUP BY 1 ORDER BY n DESC"
    """
    from resume_etl.exports.sql import QueryDeniedError, QueryError, run_sql  # noqa: PLC0415
    from resume_etl.formatting import print_rows  # noqa: PLC0415

    exits = {
        QueryDeniedError: EXIT_BAD_QUERY,
        ResumeEtlError: EXIT_BAD_SETUP,
        QueryError: EXIT_BAD_QUERY,
    }
    with _exit_on(exits):
        result = run_sql(tables, sql, allow_external=allow_external)
    rows = result.rows if output is not OutputFormat.TABLE else result.rows[:max_rows]
    print_rows(result.columns, rows, output, f"{len(rows)} of {len(result.rows)} rows")


@app.command()
def search(
    text: Annotated[str, typer.Argument(metavar="QUERY", help="Words to look for.")],
    tables: TablesOption = Path("output"),
    limit: Annotated[int, typer.Option("--limit", "-n", help="Profiles to show at most.")] = 10,
    output: FormatOption = OutputFormat.TABLE,
    match_any: Annotated[
        bool, typer.Option("--any", help="Match profiles with any of the words, not all.")
    ] = False,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Rebuild the search index from the tables first.")
    ] = False,
) -> None:
    """Full-text search of the profiles (Tantivy: all words by default, "a phrase", -word,
    OR, skills:kafka), with the best snippet of plain text highlighted."""
    from resume_etl._terminal import hits_table, messages, results  # noqa: PLC0415
    from resume_etl.exports.local_search import search_profiles  # noqa: PLC0415
    from resume_etl.formatting import print_rows  # noqa: PLC0415

    with _exit_on({ResumeEtlError: EXIT_BAD_SETUP}):
        hits = search_profiles(tables, text, limit, match_any=match_any, rebuild=rebuild)
    if output is not OutputFormat.TABLE:
        print_rows(HIT_COLUMNS, [_hit_row(rank, hit) for rank, hit in enumerate(hits, 1)], output)
        return
    if not hits:
        every = "" if match_any else " (every word must match: --any accepts profiles with some)"
        messages().print(f"no profile matches {text!r}{every}", highlight=False)
        return
    results().print(hits_table(hits))


HIT_COLUMNS = ("rank", "score", "doc_id", "person", "snippet", "highlights")


def _hit_row(rank: int, hit: SearchHit) -> tuple[object, ...]:
    return (rank, round(hit.score, 4), hit.doc_id, hit.person, hit.snippet, hit.highlights)


app.command(name="eval-real")(eval_real)
app.command(name="train")(train)


@app.command(name="eval")
def eval_(
    gold: Annotated[Path, typer.Option("--gold", "-g", help="Folder of gold JSON files.")],
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Keep the tables of the run here (default: a temp dir)."),
    ] = None,
    tables: Annotated[
        Path | None,
        typer.Option("--tables", help="Score the tables already in this folder; do not run."),
    ] = None,
    json_file: Annotated[
        Path | None, typer.Option("--json", help="Also write the report as JSON here.")
    ] = None,
    pipeline: PipelineOption = None,
    worst: Annotated[int, typer.Option("--worst", help="How many worst documents to list.")] = 5,
    output: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="table (per field, then the worst documents); json (the whole report) or csv "
            "(one row per field) on stdout.",
        ),
    ] = OutputFormat.TABLE,
) -> None:
    """Score extraction against gold records: precision, recall and F1 per field.

    Runs the pipeline over the documents the gold files name (or reads --tables) and matches
    values after normalization; the rules are in tests/gold/README.md.
    """
    from resume_etl._terminal import messages  # noqa: PLC0415
    from resume_etl.config import load_config  # noqa: PLC0415
    from resume_etl.evaluation import evaluate  # noqa: PLC0415
    from resume_etl.evaluation.render import (  # noqa: PLC0415
        FIELD_COLUMNS,
        field_rows,
        field_table,
        worst_table,
    )
    from resume_etl.formatting import print_rows, write_json  # noqa: PLC0415

    with _exit_on({ResumeEtlError: EXIT_BAD_SETUP}):
        report = evaluate(gold, load_config(pipeline), out=out, tables_dir=tables)
    if output is OutputFormat.JSON:
        write_json(report.model_dump(mode="json"), sys.stdout)
    elif output is OutputFormat.CSV:
        print_rows(FIELD_COLUMNS, field_rows(report), output)
    else:
        messages().print(field_table(report))
        messages().print(worst_table(report, worst))
    if json_file is not None:
        json_file.write_text(report.model_dump_json(indent=2) + "\n", encoding="utf-8")


@app.command()
def info(
    output: FormatOption = OutputFormat.TABLE,
    pipeline: PipelineOption = None,
) -> None:
    """Show versions (resume-etl, Python, spaCy, the model), extras, cores and pipeline path."""
    from resume_etl import info as install_info  # noqa: PLC0415 (the command's own module)
    from resume_etl.formatting import print_rows, write_json  # noqa: PLC0415

    found = install_info.collect(pipeline)
    if output is OutputFormat.JSON:
        write_json(found, sys.stdout)
    else:
        print_rows(("item", "value"), install_info.rows(found), output)


@app.command()
def show(
    document: Annotated[
        str,
        typer.Argument(
            metavar="DOC_ID|PATH", help="A doc_id (or a unique start of one), or the input's path."
        ),
    ],
    tables: TablesOption = Path("output"),
    html_file: Annotated[
        Path | None,
        typer.Option("--html", help="Also write the view as an HTML page (spaCy displaCy spans)."),
    ] = None,
) -> None:
    """Show a document's text with every extracted value marked by table and field."""
    from resume_etl import show as view_module  # noqa: PLC0415 (the command's own module)
    from resume_etl._terminal import messages, results  # noqa: PLC0415

    with _exit_on({ResumeEtlError: EXIT_BAD_SETUP}):
        view = view_module.load_view(tables, document)
    results().print(view_module.legend(view))
    results().print(view_module.terminal_text(view))
    if html_file is not None:
        from resume_etl.show_html import render_html  # noqa: PLC0415 (imports spaCy)

        html_file.write_text(render_html(view), encoding="utf-8")
        messages().print(f"wrote {html_file}", highlight=False)
