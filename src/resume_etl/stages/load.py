"""Load: records as Arrow tables whose schema is derived from their record model.

Writing the tables is the run's job, in ``storage/``: part files per batch (``parts.py``), a
streamed merge (``merge.py``, ``streaming.py``) and the crash-safe commit (``store.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa
from pydantic import BaseModel

from resume_etl.records import TABLE_MODELS
from resume_etl.schema import arrow_schema

__all__ = ["to_arrow"]


def to_arrow(table: str, rows: Sequence[BaseModel]) -> pa.Table:
    """An Arrow table of ``rows`` with the table's derived schema (empty tables keep it)."""
    schema = arrow_schema(TABLE_MODELS[table])
    return pa.Table.from_pylist([row.model_dump() for row in rows], schema=schema)
