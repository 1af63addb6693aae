"""Arrow schemas and column docs, derived from the record models (never written twice).

The mapping is small on purpose: a record field may only use the types below, so every table opens
in pandas with real dtypes (dates as dates, lists as lists, enums as categoricals) and no cell ever
holds a JSON string.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import json
import types
from enum import StrEnum
from typing import Any, Union, get_args, get_origin

import pyarrow as pa
from pydantic import BaseModel

from resume_etl.records import TABLE_MODELS

_SCALARS: dict[type, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
    dt.date: pa.date32(),
}
_ENUM_TYPE = pa.dictionary(pa.int32(), pa.string())


def strip_optional(annotation: Any) -> tuple[Any, bool]:
    """Return (inner type, nullable) for ``X | None``."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        members = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(members) != 1:
            raise TypeError(f"only 'X | None' unions map to Arrow, not {annotation!r}")
        return members[0], True
    return annotation, False


def arrow_type(annotation: Any) -> pa.DataType:
    """Arrow type of one (non-optional) Python annotation."""
    origin = get_origin(annotation)
    if origin is list:
        (item,) = get_args(annotation)
        item_type, item_nullable = strip_optional(item)
        return pa.list_(pa.field("item", arrow_type(item_type), nullable=item_nullable))
    if hasattr(annotation, "__metadata__"):  # Annotated[float, Field(...)]
        return arrow_type(get_args(annotation)[0])
    if isinstance(annotation, type) and issubclass(annotation, StrEnum):
        return _ENUM_TYPE
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(arrow_fields(annotation))
    if annotation in _SCALARS:
        return _SCALARS[annotation]
    raise TypeError(f"no Arrow type for {annotation!r}; add it to schema._SCALARS")


def arrow_fields(model: type[BaseModel]) -> list[pa.Field]:
    """One Arrow field per model field, carrying the field's description as metadata."""
    fields = []
    for name, info in model.model_fields.items():
        inner, nullable = strip_optional(info.annotation)
        metadata = {"description": info.description or ""}
        fields.append(pa.field(name, arrow_type(inner), nullable=nullable, metadata=metadata))
    return fields


@functools.cache
def arrow_schema(model: type[BaseModel]) -> pa.Schema:
    """The Arrow schema of the table whose rows are ``model``, with pandas dtype hints.

    Made once per model (a schema is immutable): every batch's part files and the merge ask
    for each table's schema, and deriving it walks every field's annotation."""
    fields = arrow_fields(model)
    return pa.schema(fields, metadata={b"pandas": _pandas_metadata(fields)})


# pandas' nullable dtypes for Arrow types whose default pandas dtype cannot hold a null.
_NULLABLE_PANDAS_DTYPES: dict[pa.DataType, tuple[str, str]] = {
    pa.int64(): ("int64", "Int64"),
    pa.bool_(): ("bool", "boolean"),
}


def _pandas_metadata(fields: list[pa.Field]) -> bytes:
    """The ``pandas`` schema metadata that makes ``pd.read_parquet`` keep integers integers.

    Without it a nullable integer column (``year``, ``duration_months``) opens as float64 and
    a nullable boolean as object; with it they open as ``Int64`` and ``boolean``, no reader
    options needed. Columns not listed keep pandas' default conversion.
    """
    columns = [
        {
            "name": field.name,
            "field_name": field.name,
            "pandas_type": _NULLABLE_PANDAS_DTYPES[field.type][0],
            "numpy_type": _NULLABLE_PANDAS_DTYPES[field.type][1],
            "metadata": None,
        }
        for field in fields
        if field.nullable and field.type in _NULLABLE_PANDAS_DTYPES
    ]
    metadata = {
        "index_columns": [],
        "column_indexes": [],
        "columns": columns,
        "creator": {"library": "resume-etl", "version": "1"},
    }
    return json.dumps(metadata).encode()


def _type_label(annotation: Any) -> str:
    inner, nullable = strip_optional(annotation)
    label = str(arrow_type(inner))
    if _is_vocabulary(inner):
        label = "category: " + ", ".join(member.value for member in inner)
    elif get_origin(inner) is list and _is_vocabulary(item := get_args(inner)[0]):
        label = "list of category: " + ", ".join(member.value for member in item)
    return label + (" (nullable)" if nullable else "")


def _is_vocabulary(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, StrEnum)


def tables_markdown() -> str:
    """Markdown documentation of every table and column, as ``docs/tables.md`` holds it."""
    lines = [
        "# Output tables",
        "",
        "Generated from `src/resume_etl/records.py` by `resume-etl schema`; do not edit by hand.",
        "Every row carries `doc_id`; every `*span` column holds character offsets `[start, end)`",
        "into `documents.text`, so `text[span.start:span.end]` is the value as written.",
        "",
    ]
    for table, model in TABLE_MODELS.items():
        lines += [f"## `{table}`", "", inspect.cleandoc(model.__doc__ or ""), ""]
        lines += ["| column | type | meaning |", "|---|---|---|"]
        for name, info in model.model_fields.items():
            meaning = (info.description or "").replace("|", "\\|")
            lines.append(f"| `{name}` | {_type_label(info.annotation)} | {meaning} |")
        lines.append("")
    return "\n".join(lines)
