from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from resume_etl.errors import ResumeEtlError
from resume_etl.records import TABLE_MODELS, CharSpan, ExperienceRecord
from resume_etl.schema import arrow_schema
from resume_etl.stages.extract import ExtractedDocument
from resume_etl.stages.load import dumped, to_arrow
from resume_etl.stages.validate import validate
from resume_etl.storage.io import ensure_writable
from resume_etl.storage.streaming import TableWriter
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


def _write(table: str, rows: list[ExperienceRecord], path: Path) -> int:
    """The table as a run writes it: records to Arrow, then through the row-group writer."""
    with TableWriter(path, arrow_schema(TABLE_MODELS[table])) as writer:
        writer.write(to_arrow(table, rows))
    return writer.rows


def test_tables_open_in_pandas_with_real_dtypes(tmp_path: Path) -> None:
    assert _write("experiences", [_experience()], tmp_path / "experiences.parquet") == 1
    frame = pd.read_parquet(tmp_path / "experiences.parquet")
    row = frame.iloc[0]
    assert row["start_date"] == dt.date(2020, 1, 1)
    assert isinstance(frame["employment_type"].dtype, pd.CategoricalDtype)
    assert list(row["bullets"]) == ["Cut costs by 5%", "Hired 3 people"]
    assert row["organization_span"] == {"start": 10, "end": 19}
    assert frame["confidence"].dtype == "float64"
    assert bool(row["is_current"]) is True


def test_empty_tables_are_written_with_their_schema(tmp_path: Path) -> None:
    for table in TABLE_MODELS:
        assert _write(table, [], tmp_path / f"{table}.parquet") == 0
    for table, model in TABLE_MODELS.items():
        frame = pd.read_parquet(tmp_path / f"{table}.parquet")
        assert len(frame) == 0
        assert list(frame.columns) == list(model.model_fields)


def test_unusable_output_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ResumeEtlError, match="cannot create"):
        ensure_writable(blocker / "out")


def test_rows_dumped_together_are_each_rows_model_dump(
    extract_text: Callable[[str], ExtractedDocument],
) -> None:
    """``dumped`` serializes a table's rows in one call: the dicts of ``model_dump`` each."""
    text = (
        "Jane Roe\njane.roe@example.org\n\nExperience\n"
        "Data Analyst | Northwind Bank | Jan 2020 - Present\n- Cut report time by 30%\n"
        "- Served 10,000+ users across 12 teams\n\nEducation\nState University\nB.Sc. Statistics\n"
        "GPA: 3.6 / 4.0\n\nSkills\nPython, SQL\n"
    )
    validated = validate(extract_text(text), dt.date(2022, 12, 15))
    assert len(validated.rows) >= 7
    for table, rows in validated.rows.items():
        model = TABLE_MODELS[table]
        assert dumped(model, rows) == [row.model_dump() for row in rows]
        assert (
            to_arrow(table, rows).to_pylist()
            == pa.Table.from_pylist(
                [row.model_dump() for row in rows], schema=arrow_schema(model)
            ).to_pylist()
        )


def test_rows_of_another_model_are_dumped_each_as_their_own() -> None:
    class Wider(ExperienceRecord):
        note: str = "kept"

    rows = [_experience(), Wider(**_experience().model_dump())]
    assert dumped(ExperienceRecord, rows) == [row.model_dump() for row in rows]
    assert dumped(ExperienceRecord, rows)[1]["note"] == "kept"
