from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from resume_etl.errors import ResumeEtlError
from resume_etl.records import TABLE_MODELS, CharSpan, ExperienceRecord
from resume_etl.stages.load import load
from resume_etl.vocab import DatePrecision, EmploymentType


def _experience() -> ExperienceRecord:
    return ExperienceRecord(
        doc_id="d1",
        entry_id="d1:e0",
        section_id="d1:s1",
        position=0,
        organization="Northwind",
        organization_span=CharSpan(start=10, end=19),
        employment_type=EmploymentType.FULL_TIME,
        start_date=dt.date(2020, 1, 1),
        start_precision=DatePrecision.MONTH,
        is_current=True,
        bullets=["Cut costs by 5%", "Hired 3 people"],
        span=CharSpan(start=0, end=50),
        confidence=0.9,
    )


def test_tables_open_in_pandas_with_real_dtypes(tmp_path: Path) -> None:
    written = load({"experiences": [_experience()]}, tmp_path, ["experiences", "quarantine"])
    assert written == {"experiences": 1, "quarantine": 0}
    frame = pd.read_parquet(tmp_path / "experiences.parquet")
    row = frame.iloc[0]
    assert row["start_date"] == dt.date(2020, 1, 1)
    assert isinstance(frame["employment_type"].dtype, pd.CategoricalDtype)
    assert list(row["bullets"]) == ["Cut costs by 5%", "Hired 3 people"]
    assert row["organization_span"] == {"start": 10, "end": 19}
    assert frame["confidence"].dtype == "float64"
    assert bool(row["is_current"]) is True


def test_empty_tables_are_written_with_their_schema(tmp_path: Path) -> None:
    load({}, tmp_path, list(TABLE_MODELS))
    for table, model in TABLE_MODELS.items():
        frame = pd.read_parquet(tmp_path / f"{table}.parquet")
        assert len(frame) == 0
        assert list(frame.columns) == list(model.model_fields)


def test_no_staging_folder_is_left_behind(tmp_path: Path) -> None:
    load({"experiences": [_experience()]}, tmp_path, ["experiences"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["experiences.parquet"]


def test_unusable_output_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ResumeEtlError, match="cannot create"):
        load({}, blocker / "out", ["quarantine"])
