"""Load: records as Arrow tables whose schema is derived from their record model.

Writing the tables is the run's job, in ``storage/``: part files per batch (``parts.py``), a
streamed merge (``merge.py``, ``streaming.py``) and the crash-safe commit (``store.py``).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import pyarrow as pa
from pydantic import BaseModel, TypeAdapter

from resume_etl.records import TABLE_MODELS
from resume_etl.schema import arrow_schema

__all__ = ["dumped", "to_arrow"]


def to_arrow(table: str, rows: Sequence[BaseModel]) -> pa.Table:
    """An Arrow table of ``rows`` with the table's derived schema (empty tables keep it)."""
    model = TABLE_MODELS[table]
    return pa.Table.from_pylist(dumped(model, rows), schema=arrow_schema(model))


def dumped(model: type[BaseModel], rows: Sequence[BaseModel]) -> list[dict[str, Any]]:
    """Each row as its ``model_dump()``. Rows all of ``model`` itself are dumped in one call of
    pydantic's serializer over the list, the same dicts without a Python call per row (a
    document of bullets has hundreds of metric rows); any other row is dumped alone."""
    if all(type(row) is model for row in rows):
        dicts: list[dict[str, Any]] = _list_of(model).dump_python(list(rows))
        return dicts
    return [row.model_dump() for row in rows]


@functools.cache
def _list_of(model: type[BaseModel]) -> TypeAdapter[list[BaseModel]]:
    """The serializer of a list of ``model`` rows, built once per model."""
    return TypeAdapter(list[model])  # type: ignore[valid-type]
