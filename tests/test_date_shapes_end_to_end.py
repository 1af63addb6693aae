"""Date shapes through the whole pipeline: a small invented markdown CV per shape, run from file
to tables, and each job's start, end and "current" read back (issue 14).

The shapes are the families of ``tests/dates/test_shapes.py`` set in the header shapes
markdown CVs use (a dates line under a heading, "### Title @ Company (dates)", "**Company** —
Title, dates", "Company | Title | dates", a timeline item "- dates: Title at Company", inline
HTML "<b>Title</b>, Company <span>dates</span>", "### Company" over "Title _dates_", "Title —
Company — dates", a table row). Every name is invented.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language

from resume_etl.config import PipelineConfig
from tests.conftest import run_folder

JOBS = (("Backend Engineer", "Brindle Networks"), ("Data Analyst", "Quillon Labs"))
HEADERS = {
    "line": "### {title}, {org}\n{dates}\n\n- Built the billing service.\n",
    "at": "### {title} @ {org} ({dates})\n\n- Built the billing service.\n",
    "bold": "**{org}** — {title}, {dates}\n\n- Built the billing service.\n",
    "bars": "{org} | {title} | {dates}\n\n- Built the billing service.\n",
    "item": "- {dates}: {title} at {org}\n",
    "html": '<b>{title}</b>, {org} <span class="date">{dates}</span>\n\n- Built the service.\n',
    "under": "### {org}\n{title} _{dates}_\n\n- Built the billing service.\n",
    "dashes": "{title} — {org} — {dates}\n\n- Built the billing service.\n",
}
Job = tuple[dt.date | None, dt.date | None, bool]
# shape: (first job's dates, second job's dates, what each job should read)
SHAPES: dict[str, tuple[str, str, tuple[Job, Job]]] = {
    "italic": (
        "_Mar 2021 – Present_",
        "_2016 – 2020_",
        ((dt.date(2021, 3, 1), None, True), (dt.date(2016, 1, 1), dt.date(2020, 1, 1), False)),
    ),
    "other-language-present": (
        "03.2021 – heute",
        "2016 – 2020",
        ((dt.date(2021, 3, 1), None, True), (dt.date(2016, 1, 1), dt.date(2020, 1, 1), False)),
    ),
    "since-word": (
        "desde 2021",
        "2016 – 2020",
        ((dt.date(2021, 1, 1), None, True), (dt.date(2016, 1, 1), dt.date(2020, 1, 1), False)),
    ),
    "to-date": (
        "Mar 2021 - to date",
        "Jan 2016 − Dec 2020",
        ((dt.date(2021, 3, 1), None, True), (dt.date(2016, 1, 1), dt.date(2020, 12, 1), False)),
    ),
    "onwards": (
        "2021 onwards",
        "2019/2020",
        ((dt.date(2021, 1, 1), None, True), (dt.date(2019, 1, 1), dt.date(2020, 1, 1), False)),
    ),
    "quarter-of": (
        "Q3 2021 – Q1 2022",
        "September of 2016 – May of 2020",
        (
            (dt.date(2021, 7, 1), dt.date(2022, 1, 1), False),
            (dt.date(2016, 9, 1), dt.date(2020, 5, 1), False),
        ),
    ),
    "other-language-months": (
        "janv. 2021 – aujourd'hui",
        "März 2016 - Okt. 2020",
        ((dt.date(2021, 1, 1), None, True), (dt.date(2016, 3, 1), dt.date(2020, 10, 1), False)),
    ),
    "emphasis-each-end": (
        "*Mar 2021* – *Present*",
        "Nov16 - Dec20",
        ((dt.date(2021, 3, 1), None, True), (dt.date(2016, 11, 1), dt.date(2020, 12, 1), False)),
    ),
}  # fmt: skip


def _cv(header: str, first: str, second: str) -> str:
    jobs = "\n".join(
        HEADERS[header].format(title=title, org=org, dates=dates)
        for (title, org), dates in zip(JOBS, (first, second), strict=True)
    )
    return f"# Avery Quill\n\navery@example.org\n\n## Experience\n\n{jobs}"


def _table_cv(first: str, second: str) -> str:
    rows = "\n".join(
        f"| {title} | {org} | {dates} |"
        for (title, org), dates in zip(JOBS, (first, second), strict=True)
    )
    return f"# Avery Quill\n\n## Experience\n\n| Role | Company | Dates |\n|---|---|---|\n{rows}\n"


@pytest.fixture(scope="module")
def experiences(
    tmp_path_factory: pytest.TempPathFactory, config: PipelineConfig, nlp: Language
) -> dict[str, pd.DataFrame]:
    """Each CV's jobs, by file stem ("line--italic")."""
    inputs = tmp_path_factory.mktemp("cvs")
    for shape, (first, second, _) in SHAPES.items():
        for header in HEADERS:
            (inputs / f"{header}--{shape}.md").write_text(_cv(header, first, second))
        (inputs / f"table--{shape}.md").write_text(_table_cv(first, second))
    out = tmp_path_factory.mktemp("out")
    run_folder(config, nlp, inputs, out)
    documents = pd.read_parquet(out / "documents.parquet")
    jobs = pd.read_parquet(out / "experiences.parquet")
    stems = {row.doc_id: Path(row.source_path).stem for row in documents.itertuples()}
    return {stems[doc_id]: rows for doc_id, rows in jobs.groupby("doc_id")}


def _read(rows: pd.DataFrame) -> list[Job]:
    def day(value: object) -> dt.date | None:
        return None if pd.isna(value) else pd.Timestamp(value).date()

    return [
        (day(row.start_date), day(row.end_date), bool(row.is_current))
        for row in rows.sort_values("position").itertuples()
    ]


CASES = [
    (shape, header)
    for shape in SHAPES
    for header in [*HEADERS, "table"]
    # emphasis inside emphasis ("_*Mar 2021* – *Present*_") is no shape a CV writes
    if (shape, header) != ("emphasis-each-end", "under")
]


@pytest.mark.parametrize(("shape", "header"), CASES)
def test_each_job_reads_its_dates_in_every_header_shape(
    experiences: dict[str, pd.DataFrame], header: str, shape: str
) -> None:
    rows = experiences[f"{header}--{shape}"].sort_values("position")
    assert list(rows["organization"]) == [org for _, org in JOBS]
    assert list(rows["role"]) == [title for title, _ in JOBS]
    assert _read(rows) == list(SHAPES[shape][2])
