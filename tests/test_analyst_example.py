"""docs/examples/analyst.py runs against the tables of raw/ and answers its four questions."""

from __future__ import annotations

import runpy
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import resume_etl
from tests.conftest import REPO

EXAMPLE = REPO / "docs" / "examples" / "analyst.py"


@pytest.fixture(scope="module")
def example() -> dict[str, Any]:
    return runpy.run_path(str(EXAMPLE))


@pytest.fixture(scope="module")
def tables(raw_tables_dir: Path) -> resume_etl.Tables:
    return resume_etl.read_tables(raw_tables_dir)


def test_example_prints_an_answer_to_every_question(
    example: dict[str, Any], raw_tables_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example["main"]([str(raw_tables_dir)])
    printed = capsys.readouterr().out
    for heading in ("Median tenure", "Most common skills", "Metrics per person", "Career timeline"):
        assert f"## {heading}" in printed


def test_median_tenure_is_the_median_of_the_jobs_at_an_organization(
    example: dict[str, Any], tables: resume_etl.Tables
) -> None:
    tenure: pd.DataFrame = example["median_tenure_per_organization"](tables)
    jobs = tables.experiences
    google = jobs.loc[jobs["organization"] == "Google", "duration_months"].dropna()
    assert tenure.loc["Google", "median_months"] == google.median()
    assert tenure.loc["Google", "jobs"] == len(google)


def test_most_common_skills_count_each_person_once(
    example: dict[str, Any], tables: resume_etl.Tables
) -> None:
    skills: pd.DataFrame = example["most_common_skills"](tables)
    top = skills.iloc[0]
    assert (
        top["people"] == tables.skills.loc[tables.skills["name"] == top["name"], "doc_id"].nunique()
    )
    assert skills["people"].is_monotonic_decreasing


def test_metrics_per_person_totals_every_metric(
    example: dict[str, Any], tables: resume_etl.Tables
) -> None:
    per_person: pd.DataFrame = example["metrics_per_person"](tables)
    assert per_person["total"].sum() == len(tables.metrics)


def test_career_timeline_is_ordered_by_start_within_each_person(
    example: dict[str, Any], tables: resume_etl.Tables
) -> None:
    timeline: pd.DataFrame = example["career_timeline"](tables)
    assert len(timeline) == tables.experiences["start_date"].notna().sum()
    for _, jobs in timeline.groupby("person"):
        assert jobs["start_date"].is_monotonic_increasing
    assert "present" in set(timeline["end"])
