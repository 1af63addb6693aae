"""The records every stage produces and every table stores: the one schema of resume-etl.

Each model is one row of one Parquet table. The Arrow schema of a table and its documentation
(``docs/tables.md``, ``resume-etl schema``) are derived from these models in ``schema.py``, so a
field added to a model appears in its table with no second edit. Field descriptions are the
column docs.

The models are written in ``_records/`` by what they are about: ``base`` (spans, the row base,
date columns), ``document`` (the file, its person, its sections, the quarantine), ``entries``
(jobs, schools, projects, publications) and ``mentions`` (skills, metrics, links, contacts).
This module is their one public face: import them from here.
"""

from __future__ import annotations

from pydantic import BaseModel

from resume_etl._records.base import CharSpan, Confidence, DatedEntry, Record, SpanOf
from resume_etl._records.document import (
    DocumentRecord,
    ProfileRecord,
    QuarantineRecord,
    SectionRecord,
)
from resume_etl._records.entries import (
    EducationRecord,
    ExperienceRecord,
    ProjectRecord,
    PublicationRecord,
)
from resume_etl._records.mentions import ContactRecord, LinkRecord, MetricRecord, SkillRecord

__all__ = [
    "TABLE_FOR_MODEL",
    "TABLE_MODELS",
    "CharSpan",
    "Confidence",
    "ContactRecord",
    "DatedEntry",
    "DocumentRecord",
    "EducationRecord",
    "ExperienceRecord",
    "LinkRecord",
    "MetricRecord",
    "ProfileRecord",
    "ProjectRecord",
    "PublicationRecord",
    "QuarantineRecord",
    "Record",
    "SectionRecord",
    "SkillRecord",
    "SpanOf",
]

TABLE_MODELS: dict[str, type[BaseModel]] = {
    "documents": DocumentRecord,
    "profiles": ProfileRecord,
    "sections": SectionRecord,
    "experiences": ExperienceRecord,
    "education": EducationRecord,
    "projects": ProjectRecord,
    "publications": PublicationRecord,
    "skills": SkillRecord,
    "metrics": MetricRecord,
    "links": LinkRecord,
    "contacts": ContactRecord,
    "quarantine": QuarantineRecord,
}
"""Table name -> the model of its rows. The order is the order tables are documented in."""

TABLE_FOR_MODEL: dict[type[BaseModel], str] = {model: name for name, model in TABLE_MODELS.items()}
