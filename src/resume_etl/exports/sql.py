"""SQL over an output folder with DuckDB: each ``<table>.parquet`` is a view named after the table.

DuckDB is an optional extra (``pip install 'resume-etl[sql]'``): it is imported only when a query
runs, so the rest of the package works without it. Views read the Parquet files in place, so
nothing is copied and a new run is visible to the next query.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.hints import require_tables
from resume_etl.records import TABLE_MODELS


class QueryError(ValueError):
    """The SQL could not run (syntax, unknown column, …); the message is DuckDB's."""


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]


def run_sql(tables_dir: Path | str, sql: str) -> QueryResult:
    """Run ``sql`` with one view per table of ``tables_dir`` (``experiences``, ``skills``, …)."""
    duckdb = _import_duckdb()
    folder = Path(tables_dir)
    require_tables(folder)
    connection = duckdb.connect(":memory:")
    try:
        for table in TABLE_MODELS:
            file = folder / f"{table}.parquet"
            if file.exists():
                quoted_path = str(file.resolve()).replace("'", "''")
                connection.execute(
                    f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{quoted_path}')"
                )
        try:
            cursor = connection.execute(sql)
        except duckdb.Error as error:
            raise QueryError(str(error)) from error
        columns = [column[0] for column in cursor.description or []]
        return QueryResult(columns=columns, rows=cursor.fetchall() if columns else [])
    finally:
        connection.close()


def _import_duckdb() -> Any:
    try:
        import duckdb  # noqa: PLC0415 - optional extra, imported only when SQL is used
    except ImportError as error:
        raise ResumeEtlError(
            ErrorCode.E121_MISSING_EXTRA,
            "resume-etl query needs DuckDB: pip install 'resume-etl[sql]'",
        ) from error
    return duckdb
