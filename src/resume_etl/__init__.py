"""resume-etl: turn raw résumé and profile text into typed records and Parquet tables.

Public API::

    import resume_etl
    summary = resume_etl.run(["raw/"], out="output")   # the packaged default pipeline
    tables = resume_etl.read_tables("output")

Importing the package registers its spaCy components (``resume_etl_*_v1`` factories).
"""

from __future__ import annotations

__version__ = "0.1.0"

from resume_etl import nlp as _nlp  # noqa: F401
from resume_etl.api import Tables, read_tables, run
from resume_etl.config import PipelineConfig, load_config
from resume_etl.engines.local import RunSummary
from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.exports.jsonresume import JsonResume, export_json_resume, to_json_resume
from resume_etl.exports.local_search import SearchHit, search_profiles
from resume_etl.exports.profiles import ProfileRecords, read_profiles
from resume_etl.exports.redact import Redactor
from resume_etl.exports.search import SearchDocument, export_search_feed, to_search_document
from resume_etl.exports.sql import QueryResult, run_sql
from resume_etl.records import (
    CharSpan,
    ContactRecord,
    DocumentRecord,
    EducationRecord,
    ExperienceRecord,
    LinkRecord,
    MetricRecord,
    ProfileRecord,
    ProjectRecord,
    PublicationRecord,
    QuarantineRecord,
    SectionRecord,
    SkillRecord,
)

__all__ = [
    "CharSpan",
    "ContactRecord",
    "DocumentRecord",
    "EducationRecord",
    "ErrorCode",
    "ExperienceRecord",
    "JsonResume",
    "LinkRecord",
    "MetricRecord",
    "PipelineConfig",
    "ProfileRecord",
    "ProfileRecords",
    "ProjectRecord",
    "PublicationRecord",
    "QuarantineRecord",
    "QueryResult",
    "Redactor",
    "ResumeEtlError",
    "RunSummary",
    "SearchDocument",
    "SearchHit",
    "SectionRecord",
    "SkillRecord",
    "Tables",
    "__version__",
    "export_json_resume",
    "export_search_feed",
    "load_config",
    "read_profiles",
    "read_tables",
    "run",
    "run_sql",
    "search_profiles",
    "to_json_resume",
    "to_search_document",
]
