"""The ``resume-etl`` command: a thin layer over the public API (``resume_etl.api`` and friends).

Parsing the command line must stay fast (``resume-etl --version`` and ``--help`` well under a
second), so this module imports only typer and light modules at the top; each command imports
what it runs (spaCy, pandas, pyarrow, rich) when it runs.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from resume_etl._version import __version__
from resume_etl.cli_common import (
    EXIT_BAD_SETUP,
    EXIT_BUSY,
    EXIT_DISK,
    EXIT_QUARANTINE,
    FormatOption,
    PipelineOption,
    fail,
    one_line_paragraphs,
    write_output_file,
)
from resume_etl.cli_real import eval_real
from resume_etl.cli_run import run
from resume_etl.cli_train import train
from resume_etl.errors import ResumeEtlError
from resume_etl.exports import DEFAULT_INDEX, SALT_ENV_VAR
from resume_etl.formatting import OutputFormat

if TYPE_CHECKING:
    from resume_etl.exports.local_search import SearchHit

__all__ = [
    "EXIT_BAD_QUERY",
    "EXIT_BAD_SETUP",
    "EXIT_BUSY",
    "EXIT_DISK",
    "EXIT_INVALID_EXPORT",
    "EXIT_QUARANTINE",
    "app",
]

app = typer.Typer(
    help="Turn raw résumé and profile text into typed records and Parquet tables.",
    no_args_is_help=True,
)


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


app.command(name="run")(run)


@app.command()
def schema(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Write the Markdown here instead of stdout.", readable=False
        ),
    ] = None,
) -> None:
    """Print the documentation of every output table and column (docs/tables.md)."""
    from resume_etl.schema import tables_markdown  # noqa: PLC0415

    text = tables_markdown()
    if out is None:
        typer.echo(text)
    else:
        write_output_file(out, text + "\n")


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
    ``errors.file_system_error`` and the exit status that code documents. A broken pipe is no
    error of the user's (``export ... --out - | head`` stops reading): it goes on to click,
    which exits 1 without a word, as every other command does.
    """
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as error:
        raise fail(error) from error
    except tuple(exit_codes) as error:
        code = next(code for kind, code in exit_codes.items() if isinstance(error, kind))
        from resume_etl._terminal import print_error  # noqa: PLC0415

        print_error(error)
        raise typer.Exit(code) from error


TablesOption = Annotated[
    Path,
    typer.Option(
        "--tables", "-t", help="Output folder of 'resume-etl run' to read.", readable=False
    ),
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
            readable=False,
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
        Path,
        typer.Option("--out", "-o", help="NDJSON file to write, or - for stdout.", readable=False),
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
    sql: Annotated[
        str,
        typer.Argument(metavar="SQL", help="SQL; each table is a view: experiences, skills, …"),
    ],
    tables: TablesOption = Path("output"),
    max_rows: Annotated[
        int,
        typer.Option("--max-rows", min=0, help="Rows a table shows at most (json and csv: all)."),
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
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, help="Profiles to show at most.")
    ] = 10,
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
    gold: Annotated[
        Path, typer.Option("--gold", "-g", help="Folder of gold JSON files.", readable=False)
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Keep the tables of the run here (default: a temp dir).",
            readable=False,
        ),
    ] = None,
    tables: Annotated[
        Path | None,
        typer.Option(
            "--tables", help="Score the tables already in this folder; do not run.", readable=False
        ),
    ] = None,
    json_file: Annotated[
        Path | None,
        typer.Option("--json", help="Also write the report as JSON here.", readable=False),
    ] = None,
    pipeline: PipelineOption = None,
    worst: Annotated[
        int, typer.Option("--worst", min=0, help="How many worst documents to list.")
    ] = 5,
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
        write_output_file(json_file, report.model_dump_json(indent=2) + "\n")


@app.command()
def info(
    output: FormatOption = OutputFormat.TABLE,
    pipeline: PipelineOption = None,
) -> None:
    """Show versions (resume-etl, Python, spaCy, the model), extras, cores and pipeline path."""
    from resume_etl import info as install_info  # noqa: PLC0415 (the command's own module)
    from resume_etl.formatting import print_pairs, write_json  # noqa: PLC0415

    found = install_info.collect(pipeline)
    if output is OutputFormat.JSON:
        write_json(found, sys.stdout)
    else:
        print_pairs(("item", "value"), install_info.rows(found), output)


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
        typer.Option(
            "--html",
            help="Also write the view as an HTML page (spaCy displaCy spans).",
            readable=False,
        ),
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

        write_output_file(html_file, render_html(view))
        messages().print(f"wrote {html_file}", highlight=False)


one_line_paragraphs(app, export_app)  # last: every command is registered by now
