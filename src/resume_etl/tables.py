"""``read_tables``: an output folder as one typed object of pandas DataFrames, for analysts.

Columns keep their Arrow types (``pd.ArrowDtype``: dates stay dates, lists stay lists, spans stay
``{start, end}`` structs, nulls stay ``<NA>``), closed vocabularies and a few open columns with few
values become ``pd.Categorical`` so ``value_counts`` and ``groupby`` are cheap and show every
category. A table missing from the folder is an empty frame with the table's columns, so an
analysis written for one run works on any run.

Join keys: every table has ``doc_id`` (one ``profiles`` and one ``documents`` row per document);
``metrics.entry_id`` points at ``experiences.entry_id`` or ``projects.entry_id``; ``section_id``
points at ``sections.section_id``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from enum import StrEnum
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from resume_etl.records import TABLE_MODELS
from resume_etl.schema import arrow_schema, strip_optional
from resume_etl.storage.store import committed_folder

FEW_VALUED_COLUMNS: dict[str, frozenset[str]] = {
    "documents": frozenset({"encoding"}),
    "skills": frozenset({"category", "group"}),
    "metrics": frozenset({"currency"}),
    "publications": frozenset({"status"}),
    "quarantine": frozenset({"record_type", "error_type"}),
}
"""Open (non-enum) string columns that hold few distinct values, read as categoricals."""


@dataclass(frozen=True, eq=False)
class Tables(Mapping[str, pd.DataFrame]):
    """Every output table of one run, one attribute per table.

    Also a read-only mapping (``tables["skills"]``, ``dict(tables)``), as ``read_tables`` returned
    a plain dict before it returned this.
    """

    documents: pd.DataFrame
    profiles: pd.DataFrame
    sections: pd.DataFrame
    experiences: pd.DataFrame
    education: pd.DataFrame
    projects: pd.DataFrame
    publications: pd.DataFrame
    skills: pd.DataFrame
    metrics: pd.DataFrame
    links: pd.DataFrame
    contacts: pd.DataFrame
    quarantine: pd.DataFrame

    def __getitem__(self, table: str) -> pd.DataFrame:
        if table not in TABLE_MODELS:
            raise KeyError(table)
        frame: pd.DataFrame = getattr(self, table)
        return frame

    def __iter__(self) -> Iterator[str]:
        return iter(field.name for field in fields(self))

    def __len__(self) -> int:
        return len(fields(self))


def read_tables(path: Path | str) -> Tables:
    """Every table of an output folder, all from the same committed run.

    Reads the run folder ``CURRENT`` names (``store.committed_folder``), so a reader never mixes
    two runs even while a commit is publishing; a folder of bare ``<table>.parquet`` files
    (no run state) is read as it is.
    """
    folder = committed_folder(Path(path))
    frames = {table: read_table(folder, table) for table in TABLE_MODELS}
    return Tables(**frames)


def read_table(folder: Path, table: str) -> pd.DataFrame:
    """One table with Arrow-backed dtypes and categoricals; empty with its columns if absent."""
    model = TABLE_MODELS[table]
    file = folder / f"{table}.parquet"
    arrow_table = pq.read_table(file) if file.exists() else arrow_schema(model).empty_table()
    frame = arrow_table.to_pandas(types_mapper=_arrow_dtype_unless_dictionary)
    for column, categories in _categories(model, table, frame).items():
        frame[column] = pd.Categorical(frame[column].astype("object"), categories=categories)
    return frame


def _arrow_dtype_unless_dictionary(arrow_type: pa.DataType) -> pd.ArrowDtype | None:
    """Arrow dtype for every column but dictionary-encoded ones, which pandas makes categorical."""
    if pa.types.is_dictionary(arrow_type):
        return None
    return pd.ArrowDtype(arrow_type)


def _categories(model: type[BaseModel], table: str, frame: pd.DataFrame) -> dict[str, list[Any]]:
    """Categories per categorical column: the whole vocabulary for enums, else the values seen."""
    categories: dict[str, list[Any]] = {}
    for name, info in model.model_fields.items():
        inner, _ = strip_optional(info.annotation)
        if isinstance(inner, type) and issubclass(inner, StrEnum):
            categories[name] = [member.value for member in inner]
        elif name in FEW_VALUED_COLUMNS.get(table, frozenset()):
            categories[name] = sorted(frame[name].dropna().unique().tolist())
    return categories
