"""Search feed: one document per profile, as NDJSON for the Elasticsearch/OpenSearch bulk API.

Each profile becomes an action line (``{"index": {"_index": ..., "_id": person_key}}``) and a
document line, so ``curl -H 'Content-Type: application/x-ndjson' --data-binary @feed.ndjson
$ES/_bulk`` loads it as it is, and a re-export replaces documents in place (the id is the
``person_key``, which survives edits); ids the previous feed indexed and that are gone get a
``delete`` action. Fields are flat lists of strings for facets and matching, metric facts as nested
objects (text and numbers), dates as ``date_range`` values. The mapping is in ``docs/search.md``
and ``INDEX_MAPPING``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from resume_etl.exports import DEFAULT_INDEX
from resume_etl.exports._files import export_root, read_lines, write_atomically
from resume_etl.exports.jsonresume_schema import partial_iso_date
from resume_etl.exports.profiles import ProfileRecords, check_person_keys, read_profiles
from resume_etl.exports.redact import Redactor
from resume_etl.records import DatedEntry, MetricRecord
from resume_etl.vocab import ContactKind, DatePrecision


class _FeedPart(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DateRange(_FeedPart):
    """An Elasticsearch ``date_range`` value: first and last day covered; no ``lte`` if ongoing."""

    gte: str
    lte: str | None = None


class MetricFact(_FeedPart):
    text: str
    value: float
    range_to: float | None = None
    unit: str
    currency: str | None = None
    qualifier: str
    direction: str
    subject: str | None = None


class ExperienceFact(_FeedPart):
    organization: str | None = None
    role: str | None = None
    employment_type: str | None = None
    start: str | None = None
    end: str | None = None
    is_current: bool = False
    dates: DateRange | None = None


class SearchDocument(_FeedPart):
    """What a search engine indexes for one profile."""

    doc_id: str
    person_key: str
    name: str | None = None
    headline: str | None = None
    location: str | None = None
    summary: str | None = None
    emails: list[str]
    phones: list[str]
    organizations: list[str]
    roles: list[str]
    employment_types: list[str]
    schools: list[str]
    degrees: list[str]
    degree_levels: list[str]
    fields_of_study: list[str]
    skills: list[str]
    projects: list[str]
    publications: list[str]
    metrics: list[MetricFact]
    metrics_text: list[str]
    experience: list[ExperienceFact]
    experience_dates: list[DateRange]
    education_dates: list[DateRange]
    career_start: str | None = None
    total_experience_months: int | None = None
    text: str


INDEX_MAPPING: dict[str, Any] = {
    "mappings": {
        "dynamic": "strict",
        "properties": {
            "doc_id": {"type": "keyword"},
            "person_key": {"type": "keyword"},
            "name": {"type": "text", "fields": {"raw": {"type": "keyword"}}},
            "headline": {"type": "text"},
            "location": {"type": "text", "fields": {"raw": {"type": "keyword"}}},
            "summary": {"type": "text"},
            "emails": {"type": "keyword"},
            "phones": {"type": "keyword"},
            "organizations": {"type": "text", "fields": {"raw": {"type": "keyword"}}},
            "roles": {"type": "text", "fields": {"raw": {"type": "keyword"}}},
            "employment_types": {"type": "keyword"},
            "schools": {"type": "text", "fields": {"raw": {"type": "keyword"}}},
            "degrees": {"type": "keyword"},
            "degree_levels": {"type": "keyword"},
            "fields_of_study": {"type": "text", "fields": {"raw": {"type": "keyword"}}},
            "skills": {"type": "text", "fields": {"raw": {"type": "keyword"}}},
            "projects": {"type": "text"},
            "publications": {"type": "text"},
            "metrics": {
                "type": "nested",
                "properties": {
                    "text": {"type": "text"},
                    "value": {"type": "double"},
                    "range_to": {"type": "double"},
                    "unit": {"type": "keyword"},
                    "currency": {"type": "keyword"},
                    "qualifier": {"type": "keyword"},
                    "direction": {"type": "keyword"},
                    "subject": {"type": "text"},
                },
            },
            "metrics_text": {"type": "text"},
            "experience": {
                "type": "nested",
                "properties": {
                    "organization": {"type": "text", "fields": {"raw": {"type": "keyword"}}},
                    "role": {"type": "text", "fields": {"raw": {"type": "keyword"}}},
                    "employment_type": {"type": "keyword"},
                    "start": {"type": "keyword"},
                    "end": {"type": "keyword"},
                    "is_current": {"type": "boolean"},
                    "dates": {"type": "date_range", "format": "yyyy-MM-dd"},
                },
            },
            "experience_dates": {"type": "date_range", "format": "yyyy-MM-dd"},
            "education_dates": {"type": "date_range", "format": "yyyy-MM-dd"},
            "career_start": {"type": "date", "format": "yyyy-MM-dd"},
            "total_experience_months": {"type": "integer"},
            "text": {"type": "text"},
        },
    }
}
"""A suggested index definition (``PUT /resumes`` with this body) for the feed's documents."""


SEARCH_KEPT_KEYS = frozenset({"doc_id", "person_key", "gte", "lte", "start", "end", "career_start"})
"""Values redaction leaves alone: the ids (``person_key`` is the bulk ``_id``) and ISO dates."""


def to_search_document(profile: ProfileRecords, redactor: Redactor | None = None) -> SearchDocument:
    """One profile as a search document; with a redactor, every string is scrubbed.

    Contacts become their tokens, and every other string (organizations, roles, publications,
    skills, metric texts, the full text) is scrubbed of emails, phones and addresses.
    """
    document = _search_document(profile, redactor)
    if redactor is None:
        return document
    redacted = redactor.for_document(profile.contacts, profile.document.text).redact_strings(
        document.model_dump(mode="json"), SEARCH_KEPT_KEYS
    )
    return SearchDocument.model_validate(redacted)


def _search_document(profile: ProfileRecords, redactor: Redactor | None) -> SearchDocument:
    person = profile.profile
    experience_dates = [date_range(job) for job in profile.experiences]
    starts = [job.start_date for job in profile.experiences if job.start_date is not None]
    return SearchDocument(
        doc_id=profile.doc_id,
        person_key=profile.person_key,
        name=person.name,
        headline=person.headline,
        location=person.location,
        summary=person.summary,
        emails=_contacts(profile, ContactKind.EMAIL, redactor),
        phones=_contacts(profile, ContactKind.PHONE, redactor),
        organizations=_distinct(job.organization for job in profile.experiences),
        roles=_distinct(job.role for job in profile.experiences),
        employment_types=_distinct(job.employment_type for job in profile.experiences),
        schools=_distinct(school.institution for school in profile.education),
        degrees=_distinct(school.degree for school in profile.education),
        degree_levels=_distinct(school.degree_level for school in profile.education),
        fields_of_study=_distinct(school.field_of_study for school in profile.education),
        skills=_distinct(skill.name for skill in profile.skills),
        projects=_distinct(project.name for project in profile.projects),
        publications=_distinct(paper.title for paper in profile.publications),
        metrics=[_metric(metric) for metric in profile.metrics],
        metrics_text=[metric.sentence for metric in profile.metrics],
        experience=[
            ExperienceFact(
                organization=job.organization,
                role=job.role,
                employment_type=job.employment_type,
                start=partial_iso_date(job.start_date, job.start_precision),
                end=partial_iso_date(job.end_date, job.end_precision),
                is_current=job.is_current,
                dates=dates,
            )
            for job, dates in zip(profile.experiences, experience_dates, strict=True)
        ],
        experience_dates=[dates for dates in experience_dates if dates is not None],
        education_dates=_present(date_range(school) for school in profile.education),
        career_start=min(starts).isoformat() if starts else None,
        total_experience_months=person.total_experience_months,
        text=profile.document.text,
    )


def _contacts(profile: ProfileRecords, kind: ContactKind, redactor: Redactor | None) -> list[str]:
    contacts = [contact for contact in profile.contacts if contact.kind == kind]
    return _distinct(
        redactor.contact(contact) if redactor else contact.normalized for contact in contacts
    )


def _metric(metric: MetricRecord) -> MetricFact:
    return MetricFact(
        text=metric.text,
        value=metric.value,
        range_to=metric.range_to,
        unit=metric.unit,
        currency=metric.currency,
        qualifier=metric.qualifier,
        direction=metric.direction,
        subject=metric.subject,
    )


def date_range(entry: DatedEntry) -> DateRange | None:
    """First day of the start period to last day of the end period; open when ongoing.

    An entry with only an end date (a school's graduation, the date most education lines
    state alone) covers its end period: the person was there then, and a search for that year
    finds them. Reaching back to any earlier day would claim years the text does not state.
    """
    if entry.start_date is None or entry.start_precision is None:
        if entry.end_date is None or entry.end_precision is None:
            return None
        return _whole_period(entry.end_date, entry.end_precision)
    end = None
    if entry.end_date is not None and entry.end_precision is not None:
        end = last_day_of_period(entry.end_date, entry.end_precision).isoformat()
    return DateRange(gte=entry.start_date.isoformat(), lte=end)


def _whole_period(first_day: dt.date, precision: DatePrecision) -> DateRange:
    last_day = last_day_of_period(first_day, precision)
    return DateRange(gte=first_day.isoformat(), lte=last_day.isoformat())


def last_day_of_period(first_day: dt.date, precision: DatePrecision) -> dt.date:
    """'2021-03' ends on 2021-03-31, '2021' on 2021-12-31, a season three months on."""
    if precision == DatePrecision.DAY:
        return first_day
    if precision == DatePrecision.MONTH:
        return first_day.replace(day=calendar.monthrange(first_day.year, first_day.month)[1])
    if precision == DatePrecision.SEASON:
        month_index = first_day.month + 1  # the season's third month, zero-based from January
        year, month = first_day.year + month_index // 12, month_index % 12 + 1
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(first_day.year, 12, 31)


def _distinct(values: Iterable[str | None]) -> list[str]:
    """Non-empty values, first occurrence kept, in document order."""
    return list(dict.fromkeys(str(value) for value in values if value))


def _present(ranges: Iterable[DateRange | None]) -> list[DateRange]:
    return [dates for dates in ranges if dates is not None]


def bulk_lines(
    documents: Sequence[SearchDocument],
    index: str = DEFAULT_INDEX,
    deleted: Iterable[str] = (),
) -> Iterator[str]:
    """Action line then document line per profile, as the ``_bulk`` endpoint reads them; then
    a ``delete`` action per id in ``deleted`` (documents an earlier feed indexed, now gone)."""
    for document in documents:
        yield json.dumps({"index": {"_index": index, "_id": document.person_key}})
        yield document.model_dump_json(exclude_none=True)
    for search_id in deleted:
        yield json.dumps({"delete": {"_index": index, "_id": search_id}})


def indexed_ids(lines: Iterable[str]) -> list[str]:
    """The ``_id`` of every ``index`` action of a bulk feed, in feed order.

    Only action lines are parsed: a document line starts with its first field, never with
    ``{"index"``.
    """
    ids: list[str] = []
    for line in lines:
        if not line.startswith('{"index"'):
            continue
        with suppress(ValueError, KeyError, TypeError, AttributeError):
            ids.append(str(json.loads(line)["index"]["_id"]))
    return ids


def export_search_feed(
    tables_dir: Path | str,
    out_file: Path | str,
    index: str = DEFAULT_INDEX,
    redactor: Redactor | None = None,
) -> int:
    """Write the bulk NDJSON feed of every profile to ``out_file``; return the profile count.

    Each document's ``_id`` is its ``person_key``, so an edited résumé replaces its old search
    document. The ids the feed found at ``out_file`` indexed that are no longer exported get a
    ``delete`` action: the people removed from the tables (``run --prune``), and ids a feed of
    an earlier version named by ``doc_id``. The feed replaces the old one atomically (a killed
    export leaves the old feed whole), and a link, or a folder, at ``out_file`` is a coded
    error: the export never writes through a link.
    """
    profiles = read_profiles(tables_dir)
    check_person_keys(profiles)
    documents = [to_search_document(profile, redactor) for profile in profiles]
    target = Path(out_file)
    with export_root(target.parent) as folder:
        current = {document.person_key for document in documents}
        previous = indexed_ids(read_lines(folder, target.name))
        deleted = [search_id for search_id in dict.fromkeys(previous) if search_id not in current]
        lines = bulk_lines(documents, index, deleted)
        write_atomically(folder, target.name, (line + "\n" for line in lines))
    return len(documents)
