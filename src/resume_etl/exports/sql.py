"""SQL over an output folder with DuckDB: each ``<table>.parquet`` is a view named after the table.

DuckDB is an optional extra (``pip install 'resume-etl[sql]'``): it is imported only when a query
runs, so the rest of the package works without it. The tables are handed to DuckDB as Arrow
datasets (read in place, lazily, by pyarrow), so nothing is copied and a new run is visible to the
next query.

An analyst's query is read-only over the output by default: once the views exist, DuckDB's
external access is switched off and its configuration locked, so ``COPY … TO '/any/path'``,
``read_csv('/etc/passwd')``, ``ATTACH`` or ``INSTALL`` fail with E133. DuckDB itself never opens a
file (the views are Arrow objects, not ``read_parquet`` paths), so not even the table files can be
overwritten. ``allow_external=True`` (``--allow-external``) leaves DuckDB's defaults in place for
a user who wants to join other files or export results.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.dataset as pads

from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.hints import require_tables
from resume_etl.records import TABLE_MODELS

LOCKDOWN_STATEMENTS = (
    "SET enable_external_access = false",
    "SET lock_configuration = true",
)
"""Run after the views exist: no file, network or extension access, and no SET to undo it."""


class QueryError(ValueError):
    """The SQL could not run (syntax, unknown column, …); the message is DuckDB's."""


class QueryDeniedError(ResumeEtlError):
    """The SQL tried to reach files, the network or extensions while that was locked (E133)."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            ErrorCode.E133_QUERY_EXTERNAL_ACCESS,
            f"the query reached outside the output tables: {detail}",
        )


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]


def run_sql(tables_dir: Path | str, sql: str, *, allow_external: bool = False) -> QueryResult:
    """Run ``sql`` with one view per table of ``tables_dir`` (``experiences``, ``skills``, …).

    Without ``allow_external`` the query can read those views and nothing else on disk or on the
    network; an attempt raises ``QueryDeniedError`` (E133) rather than a bare DuckDB message.
    """
    duckdb = _import_duckdb()
    folder = Path(tables_dir)
    require_tables(folder)
    connection = duckdb.connect(":memory:")
    try:
        _register_tables(connection, folder)
        if not allow_external:
            for statement in LOCKDOWN_STATEMENTS:
                connection.execute(statement)
        try:
            cursor = connection.execute(sql)
        except duckdb.PermissionException as error:
            raise QueryDeniedError(_first_line(error)) from error
        except duckdb.Error as error:
            raise QueryError(str(error)) from error
        columns = [column[0] for column in cursor.description or []]
        return QueryResult(columns=columns, rows=cursor.fetchall() if columns else [])
    finally:
        connection.close()


def _register_tables(connection: Any, folder: Path) -> None:
    """One view per table file, backed by a pyarrow dataset so DuckDB never holds its path."""
    for table in TABLE_MODELS:
        file = folder / f"{table}.parquet"
        if file.exists():
            connection.register(table, pads.dataset(file, format="parquet"))


def _first_line(error: Exception) -> str:
    """DuckDB's message without the echoed SQL and caret lines it appends."""
    return str(error).strip().splitlines()[0]


def _import_duckdb() -> Any:
    try:
        import duckdb  # noqa: PLC0415 - optional extra, imported only when SQL is used
    except ImportError as error:
        raise ResumeEtlError(
            ErrorCode.E121_MISSING_EXTRA,
            "resume-etl query needs DuckDB: pip install 'resume-etl[sql]'",
        ) from error
    return duckdb
