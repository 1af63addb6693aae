from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import resume_etl
from resume_etl.records import TABLE_MODELS
from resume_etl.vocab import MetricUnit


@pytest.fixture(scope="module")
def tables(raw_tables_dir: Path) -> resume_etl.Tables:
    return resume_etl.read_tables(raw_tables_dir)


def test_every_table_is_an_attribute_and_a_key(tables: resume_etl.Tables) -> None:
    assert list(tables) == list(TABLE_MODELS)
    for name in TABLE_MODELS:
        assert tables[name] is getattr(tables, name)


def test_unknown_table_name_is_a_key_error(tables: resume_etl.Tables) -> None:
    with pytest.raises(KeyError):
        tables["frames"]


def test_columns_are_arrow_backed(tables: resume_etl.Tables) -> None:
    experiences = tables.experiences
    assert isinstance(experiences["start_date"].dtype, pd.ArrowDtype)
    assert isinstance(experiences["bullets"].dtype, pd.ArrowDtype)
    assert isinstance(experiences["organization"].dtype, pd.ArrowDtype)


def test_dates_read_back_as_dates(tables: resume_etl.Tables) -> None:
    start = tables.experiences["start_date"].dropna().iloc[0]
    assert isinstance(start, dt.date)


def test_enum_columns_are_categoricals_with_the_whole_vocabulary(
    tables: resume_etl.Tables,
) -> None:
    unit = tables.metrics["unit"]
    assert isinstance(unit.dtype, pd.CategoricalDtype)
    assert list(unit.cat.categories) == [member.value for member in MetricUnit]


def test_few_valued_open_columns_are_categoricals(tables: resume_etl.Tables) -> None:
    assert isinstance(tables.skills["category"].dtype, pd.CategoricalDtype)


def test_missing_table_reads_as_empty_frame_with_its_columns(
    raw_tables_dir: Path, tmp_path: Path
) -> None:
    (tmp_path / "profiles.parquet").write_bytes((raw_tables_dir / "profiles.parquet").read_bytes())
    tables = resume_etl.read_tables(tmp_path)
    assert len(tables.profiles) > 0
    assert tables.metrics.empty
    assert list(tables.metrics.columns) == list(TABLE_MODELS["metrics"].model_fields)


def test_other_files_in_the_folder_are_ignored(raw_tables_dir: Path, tmp_path: Path) -> None:
    (tmp_path / ".ledger").write_text("not a table", encoding="utf-8")
    (tmp_path / "documents.parquet").write_bytes(
        (raw_tables_dir / "documents.parquet").read_bytes()
    )
    assert len(resume_etl.read_tables(tmp_path).documents) > 0
