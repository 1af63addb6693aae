"""The rows of one document, read back into the record models every export is written from.

Exports work on validated records rather than DataFrame cells: the fields are typed (dates are
``datetime.date``, spans are ``CharSpan``), so a mapping is plain attribute access that mypy
checks, and a table written by another version of the schema fails loudly here, not halfway
through an export.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pyarrow.parquet as pq

from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.hints import require_tables
from resume_etl.ids import check_doc_ids
from resume_etl.records import (
    ContactRecord,
    DocumentRecord,
    EducationRecord,
    ExperienceRecord,
    LinkRecord,
    MetricRecord,
    ProfileRecord,
    ProjectRecord,
    PublicationRecord,
    Record,
    SectionRecord,
    SkillRecord,
)

RecordT = TypeVar("RecordT", bound=Record)


@dataclass(frozen=True)
class ProfileRecords:
    """Everything the tables hold about one document, in document order."""

    document: DocumentRecord
    profile: ProfileRecord
    experiences: Sequence[ExperienceRecord] = field(default_factory=list)
    education: Sequence[EducationRecord] = field(default_factory=list)
    projects: Sequence[ProjectRecord] = field(default_factory=list)
    publications: Sequence[PublicationRecord] = field(default_factory=list)
    skills: Sequence[SkillRecord] = field(default_factory=list)
    metrics: Sequence[MetricRecord] = field(default_factory=list)
    links: Sequence[LinkRecord] = field(default_factory=list)
    contacts: Sequence[ContactRecord] = field(default_factory=list)
    sections: Sequence[SectionRecord] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return self.document.doc_id

    @property
    def person_key(self) -> str:
        """The person's key, stable across edits: exports name folders and search ids by it."""
        return self.document.person_key


def read_profiles(tables_dir: Path | str) -> list[ProfileRecords]:
    """One ``ProfileRecords`` per document of an output folder, in ``documents`` order."""
    folder = Path(tables_dir)
    require_tables(folder)
    profiles = {row.doc_id: row for row in _read(folder, "profiles", ProfileRecord)}
    experiences = _by_doc(_read(folder, "experiences", ExperienceRecord))
    education = _by_doc(_read(folder, "education", EducationRecord))
    projects = _by_doc(_read(folder, "projects", ProjectRecord))
    publications = _by_doc(_read(folder, "publications", PublicationRecord))
    skills = _by_doc(_read(folder, "skills", SkillRecord))
    metrics = _by_doc(_read(folder, "metrics", MetricRecord))
    links = _by_doc(_read(folder, "links", LinkRecord))
    contacts = _by_doc(_read(folder, "contacts", ContactRecord))
    sections = _by_doc(_read(folder, "sections", SectionRecord))
    documents = _read(folder, "documents", DocumentRecord)
    check_doc_ids((row.person_key for row in documents), str(folder), "person_key")
    return [
        ProfileRecords(
            document=document,
            profile=profiles.get(document.doc_id) or ProfileRecord(doc_id=document.doc_id),
            experiences=experiences.get(document.doc_id, []),
            education=education.get(document.doc_id, []),
            projects=projects.get(document.doc_id, []),
            publications=publications.get(document.doc_id, []),
            skills=skills.get(document.doc_id, []),
            metrics=metrics.get(document.doc_id, []),
            links=links.get(document.doc_id, []),
            contacts=contacts.get(document.doc_id, []),
            sections=sections.get(document.doc_id, []),
        )
        for document in documents
    ]


def check_person_keys(profiles: Sequence[ProfileRecords]) -> None:
    """Raise E134 when two documents share a person key: one would overwrite the other."""
    seen: dict[str, str] = {}
    for profile in profiles:
        other = seen.setdefault(profile.person_key, profile.document.source_path)
        if other != profile.document.source_path:
            raise ResumeEtlError(
                ErrorCode.E134_DUPLICATE_PERSON_KEY,
                f"{other} and {profile.document.source_path} have the same person_key "
                f"{profile.person_key}",
            )


def _read(folder: Path, table: str, model: type[RecordT]) -> list[RecordT]:
    """Rows of ``<table>.parquet`` as ``model`` instances; none when the table was not written."""
    file = folder / f"{table}.parquet"
    if not file.exists():
        return []
    rows = [model.model_validate(row) for row in pq.read_table(file).to_pylist()]
    check_doc_ids((row.doc_id for row in rows), str(file))  # ids become folder names
    return rows


def _by_doc(rows: list[RecordT]) -> dict[str, list[RecordT]]:
    grouped: dict[str, list[RecordT]] = defaultdict(list)
    for row in rows:
        grouped[row.doc_id].append(row)
    return grouped
