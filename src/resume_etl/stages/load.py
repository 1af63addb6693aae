"""Load: write each table as one Parquet file whose schema is derived from its record model.

Tables are written into a staging folder inside the output folder, flushed to disk, and then
renamed over the previous files, so a reader never sees a half-written file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.records import TABLE_MODELS
from resume_etl.schema import arrow_schema


def to_arrow(table: str, rows: Sequence[BaseModel]) -> pa.Table:
    """An Arrow table of ``rows`` with the table's derived schema (empty tables keep it)."""
    schema = arrow_schema(TABLE_MODELS[table])
    return pa.Table.from_pylist([row.model_dump() for row in rows], schema=schema)


def load(
    rows_by_table: Mapping[str, Sequence[BaseModel]], out: Path, tables: Sequence[str]
) -> dict[str, int]:
    """Write ``tables`` (empty ones too) into ``out``; return the rows written per table."""
    ensure_writable(out)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    written: dict[str, int] = {}
    try:
        for table in tables:
            rows = rows_by_table.get(table, [])
            path = staging / f"{table}.parquet"
            pq.write_table(to_arrow(table, rows), path)
            fsync_path(path)
            written[table] = len(rows)
        for table in tables:
            os.replace(staging / f"{table}.parquet", out / f"{table}.parquet")
        fsync_path(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written


def ensure_writable(out: Path) -> None:
    """Create ``out`` if needed; E103 naming the folder when it cannot be used."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ResumeEtlError(
            ErrorCode.E103_BAD_OUTPUT_DIR, f"cannot create {out}: {error}"
        ) from error
    if not os.access(out, os.W_OK):
        raise ResumeEtlError(ErrorCode.E103_BAD_OUTPUT_DIR, f"cannot write to {out}")


def fsync_path(path: Path) -> None:
    """Flush a file's data, or a folder's entries (so a rename in it survives a power cut)."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
