"""resume-etl: turn raw résumé and profile text into typed records and Parquet tables.

Public API::

    import resume_etl
    summary = resume_etl.run(["raw/"], out="output")   # the packaged default pipeline
    tables = resume_etl.read_tables("output")

Importing the package is cheap: each name below is imported from its module on first use (PEP
562), so ``import resume_etl`` or ``resume-etl --version`` never loads spaCy, pandas or pyarrow.
spaCy finds the package's components (``resume_etl_*_v1`` factories) through the
``spacy_factories`` entry points; importing ``resume_etl.nlp`` registers them as well.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from resume_etl._version import __version__

if TYPE_CHECKING:  # what the lazy names are, for type checkers and editors
    from resume_etl.api import run
    from resume_etl.config import PipelineConfig, load_config
    from resume_etl.errors import ErrorCode, ResumeEtlError
    from resume_etl.exports.jsonresume import export_json_resume, to_json_resume
    from resume_etl.exports.jsonresume_schema import JsonResume
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
    from resume_etl.run_summary import RunSummary
    from resume_etl.tables import Tables, read_tables

_HOMES: dict[str, str] = {
    "run": "resume_etl.api",
    "PipelineConfig": "resume_etl.config",
    "load_config": "resume_etl.config",
    "ErrorCode": "resume_etl.errors",
    "ResumeEtlError": "resume_etl.errors",
    "JsonResume": "resume_etl.exports.jsonresume_schema",
    "export_json_resume": "resume_etl.exports.jsonresume",
    "to_json_resume": "resume_etl.exports.jsonresume",
    "SearchHit": "resume_etl.exports.local_search",
    "search_profiles": "resume_etl.exports.local_search",
    "ProfileRecords": "resume_etl.exports.profiles",
    "read_profiles": "resume_etl.exports.profiles",
    "Redactor": "resume_etl.exports.redact",
    "SearchDocument": "resume_etl.exports.search",
    "export_search_feed": "resume_etl.exports.search",
    "to_search_document": "resume_etl.exports.search",
    "QueryResult": "resume_etl.exports.sql",
    "run_sql": "resume_etl.exports.sql",
    **dict.fromkeys(
        (
            "CharSpan",
            "ContactRecord",
            "DocumentRecord",
            "EducationRecord",
            "ExperienceRecord",
            "LinkRecord",
            "MetricRecord",
            "ProfileRecord",
            "ProjectRecord",
            "PublicationRecord",
            "QuarantineRecord",
            "SectionRecord",
            "SkillRecord",
        ),
        "resume_etl.records",
    ),
    "RunSummary": "resume_etl.run_summary",
    "Tables": "resume_etl.tables",
    "read_tables": "resume_etl.tables",
}
"""Each public name and the module it lives in."""

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


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use, then keep it here."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'resume_etl' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
