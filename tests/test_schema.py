from __future__ import annotations

import pyarrow as pa

from resume_etl.records import TABLE_MODELS, ExperienceRecord, SkillRecord
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
    """docs/tables.md is generated; regenerate it with `make docs` after changing records.py."""
    committed = (REPO / "docs" / "tables.md").read_text(encoding="utf-8")
    assert committed.strip() == tables_markdown().strip()


def test_every_column_is_documented() -> None:
    for model in TABLE_MODELS.values():
        for name, info in model.model_fields.items():
            assert info.description, f"{model.__name__}.{name} has no description"
