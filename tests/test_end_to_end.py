"""The whole pipeline over raw/: every table that applies to the three real profiles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language

from resume_etl.config import PipelineConfig
from resume_etl.records import TABLE_MODELS
from resume_etl.runner import RunSummary, discover_inputs, run_files
from tests.conftest import RAW

WEBSITE = "000_b8c6273e340180bd.txt"
GITHUB = "001_c967194f95234ea4.txt"
MARKDOWN = "002_91b2c9230d4b7ab5.txt"
REAL = (WEBSITE, GITHUB, MARKDOWN)


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory, config: PipelineConfig, nlp: Language) -> Path:
    out = tmp_path_factory.mktemp("out")
    files = [RAW / name for name in REAL]
    summary = run_files(config, files, out, nlp=nlp)
    assert isinstance(summary, RunSummary)
    return out


@pytest.fixture(scope="module")
def tables(output: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(output / f"{name}.parquet") for name in TABLE_MODELS}


def _of(tables: dict[str, pd.DataFrame], table: str, source: str) -> pd.DataFrame:
    documents = tables["documents"]
    doc_id = documents.loc[documents["source_path"].str.endswith(source), "doc_id"].item()
    frame = tables[table]
    return frame[frame["doc_id"] == doc_id].reset_index(drop=True)


def test_every_real_document_is_parsed_and_nothing_quarantined(
    tables: dict[str, pd.DataFrame],
) -> None:
    assert len(tables["documents"]) == 3
    assert len(tables["profiles"]) == 3
    assert tables["quarantine"].empty, tables["quarantine"].to_dict("records")


def test_markdown_profile_has_its_six_jobs_with_org_type_and_dates(
    tables: dict[str, pd.DataFrame],
) -> None:
    jobs = _of(tables, "experiences", MARKDOWN)
    assert jobs["organization"].tolist() == [
        "Databricks",
        "Amazon Web Services",
        "Analytics 4 Everyone LLC",
        "Google",
        "Multidisciplinary Design Program",
        "University of Michigan",
    ]
    assert jobs["employment_type"].astype(str).tolist() == [
        "full_time", "full_time", "internship", "internship", "part_time", "internship",
    ]  # fmt: skip
    assert jobs["start_date"].tolist() == [
        dt.date(2025, 2, 1), dt.date(2024, 7, 1), dt.date(2023, 5, 1),
        dt.date(2022, 5, 1), dt.date(2021, 1, 1), dt.date(2021, 5, 1),
    ]  # fmt: skip
    assert (jobs["start_precision"].astype(str) == "month").all()


def test_ongoing_markdown_job_is_open_ended_and_current(tables: dict[str, pd.DataFrame]) -> None:
    jobs = _of(tables, "experiences", MARKDOWN)
    assert jobs["is_current"].tolist() == [True, False, False, False, False, False]
    assert pd.isna(jobs.loc[0, "end_date"])
    assert jobs.loc[1, "end_date"] == dt.date(2025, 1, 1)


def test_website_jobs_have_role_organization_and_dates(tables: dict[str, pd.DataFrame]) -> None:
    jobs = _of(tables, "experiences", WEBSITE)
    assert jobs["role"].tolist() == [
        "Research Assistant",
        "Software Development Engineer Intern",
        "Research Assistant",
        "Instructional Aid",
    ]
    assert jobs["organization"].tolist()[:3] == [
        "University of Virginia",
        "Amazon",
        "University of Michigan",
    ]
    assert jobs["start_date"].tolist()[0] == dt.date(2024, 12, 1)
    assert jobs["end_date"].tolist()[0] == dt.date(2026, 3, 1)
    assert jobs.loc[1, "employment_type"] == "internship"


def test_education_has_degree_field_and_gpa(tables: dict[str, pd.DataFrame]) -> None:
    schools = _of(tables, "education", WEBSITE)
    assert schools["institution"].tolist() == [
        "University of California San Diego",
        "University of Michigan",
        "Shanghai Jiao Tong University",
    ]
    assert schools["degree"].tolist() == ["M.S.", "B.S.", "B.Eng."]
    assert schools["degree_level"].astype(str).tolist() == ["master", "bachelor", "bachelor"]
    assert schools["field_of_study"].tolist()[:2] == [
        "Computer Science",
        "Computer Science and Engineering",
    ]
    assert schools["gpa"].tolist() == [3.97, 3.88, 3.53]
    assert schools["gpa_scale"].tolist() == [4.0, 4.0, 4.0]
    assert "Dean's Honor List 2022" in list(schools.loc[1, "honors"])


def test_projects_have_names_and_dates(tables: dict[str, pd.DataFrame]) -> None:
    projects = _of(tables, "projects", WEBSITE)
    assert projects["name"].tolist() == [
        "Edge Computer-Use Agent (ECUA)",
        "Sharded Key/Value Service with Paxos Groups",
        "Pager",
        "Intel P6-style Out-of-Order Pipeline",
    ]
    assert projects["start_date"].tolist()[0] == dt.date(2025, 9, 1)
    assert projects["end_date"].tolist()[0] == dt.date(2025, 12, 1)
    assert len(projects.loc[0, "bullets"]) == 3


def test_publications_have_venue_and_year(tables: dict[str, pd.DataFrame]) -> None:
    papers = _of(tables, "publications", WEBSITE)
    assert papers[["title", "venue", "year"]].to_dict("records") == [
        {"title": "PILOT", "venue": "NSDI", "year": 2026},
        {"title": "Phoenix", "venue": "SOSP", "year": 2025},
    ]
    github = _of(tables, "publications", GITHUB)
    assert github["venue"].str.startswith("Springer").tolist() == [True]


def test_skills_come_from_the_skills_lists(tables: dict[str, pd.DataFrame]) -> None:
    website = _of(tables, "skills", WEBSITE)
    listed = set(website.loc[website["source"] == "skills_section", "name"])
    assert {"Python", "Go", "Java", "JavaScript", "Docker", "Redis", "Linux"} <= listed
    github = _of(tables, "skills", GITHUB)
    assert {"Java", "Go", "Python", "Kafka", "PostgreSQL", "Kubernetes", "Docker"} <= set(
        github.loc[github["source"] == "skills_section", "name"]
    )


def test_links_are_classified_by_platform(tables: dict[str, pd.DataFrame]) -> None:
    links = _of(tables, "links", GITHUB)
    assert set(links["platform"].astype(str)) == {"scholar", "linkedin"}
    assert "nasitsony" in links["username"].tolist()


def test_names_stated_in_the_text_are_found(tables: dict[str, pd.DataFrame]) -> None:
    assert _of(tables, "profiles", WEBSITE).loc[0, "name"] == "Angting Cai"
    assert _of(tables, "profiles", MARKDOWN).loc[0, "name"] == "Kaiyang"
    assert pd.isna(_of(tables, "profiles", GITHUB).loc[0, "name"])


def test_every_span_points_at_its_value(tables: dict[str, pd.DataFrame]) -> None:
    texts = dict(zip(tables["documents"]["doc_id"], tables["documents"]["text"], strict=True))
    checked = 0
    for table, value_column in (
        ("experiences", "organization"), ("experiences", "role"), ("education", "degree"),
        ("projects", "name"), ("publications", "title"), ("links", "text"), ("metrics", "text"),
    ):  # fmt: skip
        span_column = "span" if value_column == "text" else f"{value_column}_span"
        for row in tables[table].itertuples():
            value, span = getattr(row, value_column), getattr(row, span_column)
            if isinstance(span, dict):
                assert texts[row.doc_id][span["start"] : span["end"]] == value
                checked += 1
    assert checked > 30


def test_markdown_bullets_yield_metrics_tied_to_their_jobs(tables: dict[str, pd.DataFrame]) -> None:
    metrics = _of(tables, "metrics", MARKDOWN)
    assert len(metrics) >= 12
    assert metrics["entry_id"].notna().all()
    assert {"percent", "currency", "ms", "count", "hours"} <= set(metrics["unit"].astype(str))


def test_runs_on_the_whole_raw_folder(
    config: PipelineConfig, nlp: Language, tmp_path: Path
) -> None:
    files = discover_inputs([RAW], config)
    summary = run_files(config, files, tmp_path, nlp=nlp)
    assert summary.documents_read == len(files) >= 3
    assert summary.documents_parsed + summary.documents_quarantined == summary.documents_read
    assert summary.rows_written["documents"] == summary.documents_parsed
