from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from resume_etl.records import TABLE_MODELS, ExperienceRecord, PublicationRecord, SkillRecord
from resume_etl.schema import arrow_schema, tables_markdown
from tests.conftest import REPO


def test_every_table_model_maps_to_an_arrow_schema() -> None:
    for model in TABLE_MODELS.values():
        schema = arrow_schema(model)
        assert schema.names == list(model.model_fields)


def test_dates_enums_lists_and_spans_get_real_arrow_types() -> None:
    schema = arrow_schema(ExperienceRecord)
    assert schema.field("start_date").type == pa.date32()
    assert pa.types.is_dictionary(schema.field("employment_type").type)
    assert schema.field("bullets").type == pa.list_(pa.field("item", pa.string(), nullable=False))
    assert pa.types.is_struct(schema.field("organization_span").type)
    assert schema.field("organization").nullable
    assert not schema.field("doc_id").nullable


def test_list_of_spans_is_a_list_of_structs() -> None:
    spans_type = arrow_schema(SkillRecord).field("spans").type
    assert pa.types.is_list(spans_type)
    assert pa.types.is_struct(spans_type.value_type)


def test_column_descriptions_travel_as_field_metadata() -> None:
    field = arrow_schema(ExperienceRecord).field("role")
    assert field.metadata == {b"description": b"Job title."}


def test_docs_tables_md_is_current() -> None:
    """docs/tables.md is generated; regenerate it with `make docs` after changing a record model."""
    committed = (REPO / "docs" / "tables.md").read_text(encoding="utf-8")
    assert committed.strip() == tables_markdown().strip()


def test_every_column_is_documented() -> None:
    for model in TABLE_MODELS.values():
        for name, info in model.model_fields.items():
            assert info.description, f"{model.__name__}.{name} has no description"


def test_nullable_integers_open_in_pandas_as_integers(tmp_path: Path) -> None:
    span = {"start": 0, "end": 11}
    row = {
        "doc_id": "d1",
        "publication_id": "d1:p0",
        "title": "Fast things",
        "title_span": span,
        "span": span,
        "year": None,
    }
    known = {**row, "year": 2021}
    frame = _round_trip(tmp_path, PublicationRecord, [row, known])
    assert str(frame["year"].dtype) == "Int64"
    assert pd.isna(frame["year"].iloc[0])
    assert frame["year"].iloc[1] == 2021


def test_every_nullable_integer_and_boolean_column_has_a_pandas_dtype_hint() -> None:
    for model in TABLE_MODELS.values():
        schema = arrow_schema(model)
        hints = {
            column["name"]: column["numpy_type"]
            for column in json.loads(schema.metadata[b"pandas"])["columns"]
        }
        for field in schema:
            if field.nullable and field.type == pa.int64():
                assert hints.get(field.name) == "Int64", (model.__name__, field.name)
            elif field.nullable and field.type == pa.bool_():
                assert hints.get(field.name) == "boolean", (model.__name__, field.name)
            else:
                assert field.name not in hints, (model.__name__, field.name)


def _write(tmp_path: Path, table: pa.Table) -> Path:
    path = tmp_path / "table.parquet"
    pq.write_table(table, path)
    return path


def _round_trip(
    tmp_path: Path, model: type[BaseModel], rows: list[dict[str, object]]
) -> pd.DataFrame:
    records = [model.model_validate(row).model_dump() for row in rows]
    table = pa.Table.from_pylist(records, schema=arrow_schema(model))
    return pd.read_parquet(_write(tmp_path, table))
