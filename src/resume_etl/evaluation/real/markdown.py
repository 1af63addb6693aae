"""The markdown set: real résumés as their authors wrote them, scored against hand-written
gold where there is some, and counted for coverage everywhere.

A CV with gold (``markdown_gold.py``: ranges into the file, read at run time) is scored on the
fields its gold states: jobs (organization, role, start, end, current) and schools
(institution, degree, start, end), by the JSON Resume set's rules
(``jsonresume.score_against``: the same pairing, matching and entry accuracy), so the two
sets' figures mean the same thing.

Every CV is also counted for *coverage*: how many documents yield a name, an e-mail, a
phone, jobs and schools, how many of the jobs have an organization, a role and a start date,
and how many sections were left unclassified (``other``). A drop in coverage on the untouched
half is a regression worth reading.

Jobs and schools are counted only when they hold content (a job with a role or an
organization, a school with an institution or a degree): a row with neither is a misread line
(an HTML comment's ``<!--``, a fragment cut from a job), and counting it would reward reading
more junk rows, and punish a reading that stops writing them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from resume_etl.evaluation.gold import GoldDocument
from resume_etl.evaluation.real.data import markdown_files
from resume_etl.evaluation.real.jsonresume import score_against
from resume_etl.evaluation.real.report import Tally, document_result
from resume_etl.evaluation.real.runner import DocumentRows, InputText
from resume_etl.evaluation.real.split import Half, half_of
from resume_etl.evaluation.score import FIELDS
from resume_etl.vocab import SectionKind

DATASET = "markdown"
GOLD_FIELDS = frozenset(
    {
        "work.entry",
        "work.organization",
        "work.role",
        "work.start",
        "work.end",
        "work.current",
        "education.entry",
        "education.institution",
        "education.degree",
        "education.start",
        "education.end",
    }
)
"""The fields the markdown gold states; the others (contacts, skills, a school's field, …)
are not labelled, so a prediction there could only count against the pipeline."""
UNSCORED_FIELDS = frozenset(FIELDS) - GOLD_FIELDS


def selected(
    data_dir: Path, seed: int, halves: Sequence[Half], limit: int | None = None
) -> list[tuple[Path, Half]]:
    """The markdown files of the chosen halves (one file is one person), ``limit`` per half."""
    files = markdown_files(data_dir)
    chosen: list[tuple[Path, Half]] = []
    for half in halves:
        chosen += [(path, half) for path in files if half_of(path.stem, seed) == half][:limit]
    return chosen


def input_for(path: Path) -> InputText:
    return InputText(f"markdown-{path.name}", path.read_text(encoding="utf-8", errors="replace"))


def _filled(row: Mapping[str, Any], *keys: str) -> bool:
    """Every one of ``keys`` holds a value (a null cell may read as None, NaN or NaT)."""
    return all(row.get(key) is not None and not pd.isna(row.get(key)) for key in keys)


def _complete_job(row: Mapping[str, Any]) -> bool:
    return _filled(row, "organization", "role", "start_date")


def _job_with_content(row: Mapping[str, Any]) -> bool:
    """A job row that names a role or an organization (not an empty row cut from a misread
    line)."""
    return _filled(row, "role") or _filled(row, "organization")


def _school_with_content(row: Mapping[str, Any]) -> bool:
    """A school row that names an institution or a degree."""
    return _filled(row, "institution") or _filled(row, "degree")


def _count_coverage(rows: DocumentRows | None, tally: Tally) -> None:
    if rows is None:
        return
    profile = next(iter(rows.table("profiles")), {})
    kinds = [row.get("kind") for row in rows.table("contacts")]
    jobs = rows.table("experiences")
    schools = rows.table("education")
    tally.count("with a name", _filled(profile, "name"))
    tally.count("with an email", "email" in kinds)
    tally.count("with a phone", "phone" in kinds)
    tally.count("with a job", bool(jobs))
    tally.count("with a school", bool(schools))
    tally.count("jobs with content", sum(_job_with_content(row) for row in jobs))
    tally.count("jobs with org+role+start", sum(_complete_job(row) for row in jobs))
    tally.count("schools with content", sum(_school_with_content(row) for row in schools))
    tally.count("schools with institution", sum(_filled(row, "institution") for row in schools))
    sections = rows.table("sections")
    tally.count("sections", len(sections))
    tally.count("sections left 'other'", sum(row["kind"] == SectionKind.OTHER for row in sections))


def score_document(
    rows: DocumentRows | None, tally: Tally, gold: GoldDocument | None = None
) -> None:
    """Add one document's coverage counts to ``tally``, and with ``gold`` its scores on the
    gold's fields; no rows at all means nothing was read."""
    _count_coverage(rows, tally)
    tally.count("with gold", gold is not None)
    if gold is None:
        tally.documents += 1
        return
    scores = score_against(gold, rows, UNSCORED_FIELDS)
    result = document_result(gold.document, scores.counts, len(gold.work), scores.jobs_right)
    tally.add_document(result, scores.counts)
