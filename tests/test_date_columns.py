"""Every documented date form, end to end: a file on disk to the ``experiences`` Parquet columns.

``tests/test_dates.py`` checks the parser; this checks that segment, extract, validate and load
carry each form to the table: the entry is split where it should be, its period is found, and
the typed columns (``date32`` dates, precision, ``is_current``, ``duration_months``,
``date_issue``) come out as documented.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from spacy.language import Language

from resume_etl.config import PipelineConfig, load_config
from resume_etl.nlp.build import build_nlp
from resume_etl.runner import run_files
from tests.conftest import DEFAULT_PIPELINE

REFERENCE = dt.date(2026, 1, 15)
D = dt.date

# form as written -> (start_date, start_precision, end_date, end_precision, is_current,
#                     duration_months with the reference date above, date_issue)
FORMS: dict[str, tuple[Any, ...]] = {
    "Sept 2025": (D(2025, 9, 1), "month", None, None, False, 1, None),
    "Sep. 2025": (D(2025, 9, 1), "month", None, None, False, 1, None),
    "September 2025": (D(2025, 9, 1), "month", None, None, False, 1, None),
    "09/2025": (D(2025, 9, 1), "month", None, None, False, 1, None),
    "9/2025": (D(2025, 9, 1), "month", None, None, False, 1, None),
    "2025-09": (D(2025, 9, 1), "month", None, None, False, 1, None),
    "2025.09": (D(2025, 9, 1), "month", None, None, False, 1, None),
    "Summer 2023": (D(2023, 6, 1), "season", None, None, False, 3, None),
    "Fall '22": (D(2022, 9, 1), "season", None, None, False, 3, None),
    "2019": (D(2019, 1, 1), "year", None, None, False, 12, None),
    "'19": (D(2019, 1, 1), "year", None, None, False, 12, None),
    "2019 - 2021": (D(2019, 1, 1), "year", D(2021, 1, 1), "year", False, 36, None),
    "2019–2021": (D(2019, 1, 1), "year", D(2021, 1, 1), "year", False, 36, None),
    "2019—Present": (D(2019, 1, 1), "year", None, None, True, 85, None),
    "Jan 2020 to date": (D(2020, 1, 1), "month", None, None, True, 73, None),
    "since 2021": (D(2021, 1, 1), "year", None, None, True, 61, None),
    "2021 - now": (D(2021, 1, 1), "year", None, None, True, 61, None),
    "Current": (None, None, None, None, True, None, None),
    "Ongoing": (None, None, None, None, True, None, None),
    "02/2025 - 🚀": (D(2025, 2, 1), "month", None, None, True, 12, None),
    # The same header after a cp1252 round trip; ingest's ftfy repair brings the rocket back.
    "02/2025 - ðŸš€": (D(2025, 2, 1), "month", None, None, True, 12, None),
    "02/2025 -": (D(2025, 2, 1), "month", None, None, True, 12, None),
    "Jan 2020 -\nMar 2021": (D(2020, 1, 1), "month", D(2021, 3, 1), "month", False, 15, None),
    "2019 -\nPresent": (D(2019, 1, 1), "year", None, None, True, 85, None),
    "Mar 2021 - Jun": (D(2021, 3, 1), "month", D(2021, 6, 1), "month", False, 4, None),
    "04/09/2014 - 05/10/2015": (D(2014, 9, 4), "day", D(2015, 10, 5), "day", False, 14, None),
    "Jan 2022 - Jan 2020": (
        D(2022, 1, 1),
        "month",
        D(2020, 1, 1),
        "month",
        False,
        None,
        "end_before_start",
    ),
    "13/2025": (D(2025, 1, 1), "year", None, None, False, 12, "invalid_month"),
    "Jan 2031 - Present": (D(2031, 1, 1), "month", None, None, True, None, "future"),
}
COLUMNS = (
    "start_date",
    "start_precision",
    "end_date",
    "end_precision",
    "is_current",
    "duration_months",
    "date_issue",
)


def _resume(periods: list[str]) -> str:
    entries = [
        f"Analyst {index} | Northwind Bank | {period}\n- Shipped release {index}\n"
        for index, period in enumerate(periods)
    ]
    return "Jane Roe\n\nExperience\n" + "\n".join(entries)


def _run(config: PipelineConfig, nlp: Language, text: str, folder: Path) -> Path:
    """Run the pipeline on ``text`` as a file; the folder the tables went to."""
    source = folder / "resume.txt"
    source.write_text(text, encoding="utf-8")
    run_files(config, [source], folder / "out", nlp=nlp)
    assert pd.read_parquet(folder / "out" / "quarantine.parquet").empty
    return folder / "out"


def _experiences(config: PipelineConfig, nlp: Language, text: str, folder: Path) -> pd.DataFrame:
    path = _run(config, nlp, text, folder) / "experiences.parquet"
    found = pd.read_parquet(path)
    found.attrs["path"] = path
    return found


@pytest.fixture(scope="module")
def pinned(tmp_path_factory: pytest.TempPathFactory) -> tuple[PipelineConfig, Language]:
    """A pipeline file that reads dates day-first and pins the reference date."""
    folder = tmp_path_factory.mktemp("pinned")
    text = DEFAULT_PIPELINE.read_text(encoding="utf-8")
    text = text.replace('date_order = "MDY"', 'date_order = "DMY"', 1)
    text = text.replace("# reference_date = 2026-01-15", f"reference_date = {REFERENCE}", 1)
    path = folder / "pipeline.toml"
    path.write_text(text, encoding="utf-8")
    config = load_config(path)
    assert (config.extract.dates.date_order, config.extract.dates.reference_date) == (
        "DMY",
        REFERENCE,
    )
    return config, build_nlp(config.extract)


@pytest.fixture(scope="module")
def experiences(
    pinned: tuple[PipelineConfig, Language], tmp_path_factory: pytest.TempPathFactory
) -> pd.DataFrame:
    config, nlp = pinned
    found = _experiences(config, nlp, _resume(list(FORMS)), tmp_path_factory.mktemp("forms"))
    assert len(found) == len(FORMS)
    return found


def _row(experiences: pd.DataFrame, form: str) -> tuple[Any, ...]:
    row = experiences.iloc[list(FORMS).index(form)]
    return tuple(None if pd.isna(row[column]) else row[column] for column in COLUMNS)


@pytest.mark.parametrize("form", list(FORMS))
def test_each_form_reaches_the_experiences_columns(experiences: pd.DataFrame, form: str) -> None:
    assert _row(experiences, form) == FORMS[form]


def test_dates_are_stored_as_arrow_dates(experiences: pd.DataFrame) -> None:
    schema = pq.read_schema(experiences.attrs["path"])
    assert schema.field("start_date").type == pa.date32()
    assert schema.field("end_date").type == pa.date32()


def test_the_pipeline_files_date_order_decides_ambiguous_dates(
    config: PipelineConfig, nlp: Language, tmp_path: Path
) -> None:
    """The default pipeline reads month-first; ``pinned`` (day-first) is checked in FORMS."""
    assert config.extract.dates.date_order == "MDY"
    found = _experiences(config, nlp, _resume(["04/09/2014 - 05/10/2015"]), tmp_path)
    assert (found.loc[0, "start_date"], found.loc[0, "end_date"]) == (
        D(2014, 4, 9),
        D(2015, 5, 10),
    )


def test_the_pipeline_files_reference_date_ends_current_entries_and_flags_the_future(
    pinned: tuple[PipelineConfig, Language], tmp_path: Path
) -> None:
    config, nlp = pinned
    found = _experiences(
        config, nlp, _resume(["Jan 2020 - Present", "Mar 2027 - Present"]), tmp_path
    )
    assert found.loc[0, "duration_months"] == 73  # Jan 2020..Jan 2026, the reference month
    assert pd.isna(found.loc[0, "date_issue"])
    # Beyond January 2027 (reference month + 12): flagged whatever the day the tests run.
    assert found.loc[1, "date_issue"] == "future"


def test_total_experience_merges_overlaps_and_ends_current_jobs_at_the_reference_date(
    pinned: tuple[PipelineConfig, Language], tmp_path: Path
) -> None:
    config, nlp = pinned
    jobs = ["Jan 2019 - Dec 2019", "Jun 2019 - Present", "2015"]
    out = _run(config, nlp, _resume(jobs), tmp_path)
    assert pd.read_parquet(out / "experiences.parquet")["duration_months"].tolist() == [12, 80, 12]
    profile = pd.read_parquet(out / "profiles.parquet")
    assert profile.loc[0, "total_experience_months"] == 85 + 12  # Jan 2019..Jan 2026, and 2015


def test_each_date_text_is_what_its_span_highlights(experiences: pd.DataFrame) -> None:
    out = Path(experiences.attrs["path"]).parent
    (text,) = pd.read_parquet(out / "documents.parquet")["text"]
    for row in experiences.itertuples():
        assert text[row.date_span["start"] : row.date_span["end"]] == row.date_text
