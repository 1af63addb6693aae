"""Load: records as Arrow tables whose schema is derived from their record model, and the
file-system checks the commit relies on.

Writing the tables is the run's job: part files per batch (``storage/parts.py``), a streamed
merge (``storage/merge.py``, ``storage/streaming.py``) and the crash-safe commit
(``storage/store.py``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa
from pydantic import BaseModel

from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.records import TABLE_MODELS
from resume_etl.schema import arrow_schema


def to_arrow(table: str, rows: Sequence[BaseModel]) -> pa.Table:
    """An Arrow table of ``rows`` with the table's derived schema (empty tables keep it)."""
    schema = arrow_schema(TABLE_MODELS[table])
    return pa.Table.from_pylist([row.model_dump() for row in rows], schema=schema)


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
