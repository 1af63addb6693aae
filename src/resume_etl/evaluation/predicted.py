"""The pipeline's tables read back in gold terms, one :class:`Predicted` per document.

The scorers compare :class:`~resume_etl.evaluation.gold.GoldDocument` to
:class:`~resume_etl.evaluation.gold.GoldDocument`; this module is the one place that knows how
table columns map onto gold fields (dates at their stated precision, skills by every spelling the
text used).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from resume_etl.evaluation.gold import (
    GoldDocument,
    GoldEducation,
    GoldMetric,
    GoldProject,
    GoldPublication,
    GoldWork,
)
from resume_etl.vocab import DatePrecision


@dataclass(frozen=True, slots=True)
class Predicted:
    """What the pipeline wrote for one document, in gold terms."""

    record: GoldDocument
    skill_spellings: list[frozenset[str]] = field(default_factory=list)


def _cell(value: Any) -> Any:
    """A table cell as a plain Python value, with NaN/NaT/None all None."""
    if value is None:
        return None
    if isinstance(value, float | pd.Timestamp) and pd.isna(value):
        return None
    return value


def date_text(value: Any, precision: Any) -> str | None:
    """A stored date at the precision the text stated, as a gold date string."""
    if _cell(value) is None or _cell(precision) is None:
        return None
    day = value.date() if isinstance(value, pd.Timestamp) else value
    assert isinstance(day, dt.date)
    if precision == DatePrecision.YEAR:
        return f"{day.year:04d}"
    if precision in (DatePrecision.MONTH, DatePrecision.SEASON):
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _rows(tables: Mapping[str, pd.DataFrame], table: str) -> dict[str, list[dict[str, Any]]]:
    """Rows of a table grouped by doc_id."""
    frame = tables.get(table)
    grouped: dict[str, list[dict[str, Any]]] = {}
    if frame is None:
        return grouped
    for row in frame.to_dict(orient="records"):
        grouped.setdefault(str(row["doc_id"]), []).append(row)
    return grouped


def _dated(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "start": date_text(row.get("start_date"), row.get("start_precision")),
        "end": date_text(row.get("end_date"), row.get("end_precision")),
    }


def _work(row: dict[str, Any]) -> GoldWork:
    return GoldWork(
        organization=_cell(row.get("organization")),
        role=_cell(row.get("role")),
        employment_type=_cell(row.get("employment_type")),
        location=_cell(row.get("location")),
        current=bool(row.get("is_current")),
        **_dated(row),
    )


def _school(row: dict[str, Any]) -> GoldEducation:
    return GoldEducation(
        institution=_cell(row.get("institution")),
        location=_cell(row.get("location")),
        degree=_cell(row.get("degree")),
        field=_cell(row.get("field_of_study")),
        gpa=_cell(row.get("gpa")),
        gpa_scale=_cell(row.get("gpa_scale")),
        **_dated(row),
    )


def _skill_spellings(row: dict[str, Any], text: str) -> frozenset[str]:
    spans = row.get("spans")
    listed_spans = [] if spans is None else list(spans)
    surfaces = {text[int(span["start"]) : int(span["end"])] for span in listed_spans}
    return frozenset({str(row["name"]), *surfaces})


def predictions_from_tables(tables: Mapping[str, pd.DataFrame]) -> dict[Path, Predicted]:
    """The pipeline's rows per document, keyed by the document's resolved source path."""
    found: dict[Path, Predicted] = {}
    by_table = {
        name: _rows(tables, name)
        for name in (
            "profiles",
            "contacts",
            "links",
            "experiences",
            "education",
            "projects",
            "publications",
            "skills",
            "metrics",
        )
    }
    documents = tables.get("documents")
    for document in [] if documents is None else documents.to_dict(orient="records"):
        doc_id, text = str(document["doc_id"]), str(document["text"])

        def rows(table: str, doc_id: str = doc_id) -> list[dict[str, Any]]:
            return by_table[table].get(doc_id, [])

        profile = next(iter(rows("profiles")), {})
        contacts = rows("contacts")
        listed = [row for row in rows("skills") if row.get("source") == "skills_section"]
        record = GoldDocument(
            document=str(document["source_path"]),
            name=_cell(profile.get("name")),
            headline=_cell(profile.get("headline")),
            location=_cell(profile.get("location")),
            emails=[row["normalized"] for row in contacts if row["kind"] == "email"],
            phones=[row["normalized"] for row in contacts if row["kind"] == "phone"],
            links=[row["url"] for row in rows("links")],
            work=[_work(row) for row in rows("experiences")],
            education=[_school(row) for row in rows("education")],
            projects=[
                GoldProject(name=row["name"], **_dated(row))
                for row in rows("projects")
                if _cell(row.get("name"))
            ],
            publications=[
                GoldPublication(
                    title=row["title"], venue=_cell(row.get("venue")), year=_cell(row.get("year"))
                )
                for row in rows("publications")
            ],
            skills=[str(row["name"]) for row in listed],
            metrics=[
                GoldMetric(value=row["value"], unit=row["unit"], text=row["text"])
                for row in rows("metrics")
            ],
        )
        spellings = [_skill_spellings(row, text) for row in listed]
        found[Path(str(document["source_path"])).resolve()] = Predicted(record, spellings)
    return found
