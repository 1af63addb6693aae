"""Validate: build the Pydantic records of every table from the extracted candidates.

A candidate that breaks a record rule (a span outside the text, a GPA above its scale, a value
that does not match the text at its span) becomes a ``quarantine`` row naming the table and the
rule, and the rest of the document still loads: nothing is dropped silently and nothing crashes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from pydantic import BaseModel, ValidationError

from resume_etl.dates import (
    DateRangeMatch,
    ends_before_start,
    entry_interval,
    interval_months,
    merged_months,
)
from resume_etl.errors import ErrorCode
from resume_etl.nlp.metrics import MAX_METRICS
from resume_etl.records import (
    TABLE_FOR_MODEL,
    CharSpan,
    ContactRecord,
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
from resume_etl.stages.extract import EntryBase, Extracted, ExtractedDocument, MetricCandidate
from resume_etl.stages.quality import flag_document
from resume_etl.vocab import ContactKind, DateIssue, Stage


class SpanMismatchError(ValueError):
    """A value and the text at its span disagree: the span would highlight the wrong text."""


@dataclass(slots=True)
class ValidatedDocument:
    """Rows per table for one document, and what was rejected."""

    doc_id: str
    rows: dict[str, list[BaseModel]] = field(default_factory=dict)
    quarantine: list[QuarantineRecord] = field(default_factory=list)

    def add(self, record: BaseModel) -> None:
        self.rows.setdefault(TABLE_FOR_MODEL[type(record)], []).append(record)


def span_of(found: Extracted | None, text: str) -> CharSpan | None:
    """The span of a value, checked against the text it claims to come from."""
    if found is None:
        return None
    if text[found.start : found.end] != found.value:
        raise SpanMismatchError(
            f"value {found.value!r} does not match the text at [{found.start}, {found.end})"
        )
    return CharSpan(start=found.start, end=found.end)


def wrapped_span_of(found: Extracted | None, text: str) -> CharSpan | None:
    """The span of a value that may be read across a hard line wrap (a citation's title): its
    value states the words of the span with each line break and indentation read as one
    space, so the two are checked for the same characters apart from whitespace."""
    if found is None:
        return None
    if "".join(text[found.start : found.end].split()) != "".join(found.value.split()):
        raise SpanMismatchError(
            f"value {found.value!r} does not match the text at [{found.start}, {found.end})"
        )
    return CharSpan(start=found.start, end=found.end)


def value_of(found: Extracted | None) -> str | None:
    return found.value if found is not None else None


def date_fields(dates: DateRangeMatch | None, text: str, today: dt.date) -> dict[str, object]:
    """The shared date columns of an entry, with an issue flag instead of a fix."""
    if dates is None:
        return {}
    start, end = dates.start, dates.end
    issue = DateIssue.END_BEFORE_START if ends_before_start(dates) else dates.issue
    interval = entry_interval(dates, today)
    return {
        "start_date": start.value if start else None,
        "start_precision": start.precision if start else None,
        "end_date": None if dates.is_current or end is None else end.value,
        "end_precision": None if dates.is_current or end is None else end.precision,
        "is_current": dates.is_current,
        "date_text": dates.text,
        "date_span": span_of(Extracted(dates.text, dates.start_char, dates.end_char), text),
        "date_issue": issue,
        "duration_months": interval_months(interval) if interval else None,
    }


def _entry_fields(
    candidate: EntryBase, doc_id: str, text: str, today: dt.date
) -> dict[str, object]:
    return {
        "doc_id": doc_id,
        "entry_id": candidate.entry_id,
        "section_id": candidate.section_id,
        "position": candidate.position,
        "description": candidate.description,
        "span": CharSpan(start=candidate.start, end=candidate.end),
        **date_fields(candidate.dates, text, today),
    }


def validate(extracted: ExtractedDocument, today: dt.date) -> ValidatedDocument:
    """Stage entry point: every candidate becomes a record or a quarantine row.

    ``today`` is the run's reference date (``[extract.dates] reference_date``): ongoing entries
    end there, so a rerun with the same setting gives the same durations.
    """
    document = extracted.segmented.document
    text = document.text
    doc_id = document.doc_id
    result = ValidatedDocument(doc_id)
    result.add(document)

    @contextmanager
    def guard(model: type[BaseModel]) -> Iterator[None]:
        """A record that breaks a rule becomes a quarantine row; the rest of the document loads."""
        try:
            yield
        except (ValidationError, SpanMismatchError) as error:
            result.quarantine.append(
                _rejected(document.source_path, document.content_sha256, doc_id, model, error)
            )

    profile = extracted.profile
    with guard(ProfileRecord):
        result.add(
            ProfileRecord(
                doc_id=doc_id,
                name=value_of(profile.name),
                name_span=span_of(profile.name, text),
                name_confidence=profile.name.confidence if profile.name else None,
                headline=value_of(profile.headline),
                headline_span=span_of(profile.headline, text),
                location=value_of(profile.location),
                location_span=span_of(profile.location, text),
                summary=value_of(profile.summary),
                summary_span=span_of(profile.summary, text),
                total_experience_months=_total_experience(extracted, today),
            )
        )
    for section in extracted.segmented.sections:
        with guard(SectionRecord):
            result.add(
                SectionRecord(
                    doc_id=doc_id,
                    section_id=f"{doc_id}:s{section.position}",
                    position=section.position,
                    kind=section.kind,
                    heading=section.heading.content.strip() if section.heading else None,
                    heading_span=CharSpan(
                        start=section.heading.content_start, end=section.heading.end
                    )
                    if section.heading
                    else None,
                    span=CharSpan(start=section.start, end=section.end),
                    entry_count=len(section.entries),
                )
            )
    for experience in extracted.experiences:
        with guard(ExperienceRecord):
            result.add(
                ExperienceRecord(
                    **_entry_fields(experience, doc_id, text, today),
                    organization=value_of(experience.organization),
                    organization_span=span_of(experience.organization, text),
                    role=value_of(experience.role),
                    role_span=span_of(experience.role, text),
                    employment_type=experience.employment_type[0]
                    if experience.employment_type
                    else None,
                    employment_type_span=span_of(experience.employment_type[1], text)
                    if experience.employment_type
                    else None,
                    location=value_of(experience.location),
                    location_span=span_of(experience.location, text),
                    bullets=list(experience.bullets),
                    confidence=experience.confidence,
                )
            )
    for school in extracted.education:
        with guard(EducationRecord):
            result.add(
                EducationRecord(
                    **_entry_fields(school, doc_id, text, today),
                    institution=value_of(school.institution),
                    institution_span=span_of(school.institution, text),
                    location=value_of(school.location),
                    location_span=span_of(school.location, text),
                    degree=value_of(school.degree),
                    degree_span=span_of(school.degree, text),
                    degree_level=school.degree_level,
                    field_of_study=value_of(school.field_of_study),
                    field_of_study_span=span_of(school.field_of_study, text),
                    gpa=school.gpa[0] if school.gpa else None,
                    gpa_scale=school.gpa[1] if school.gpa else None,
                    gpa_span=span_of(school.gpa[2], text) if school.gpa else None,
                    honors=list(school.honors),
                    confidence=school.confidence,
                )
            )
    for project in extracted.projects:
        with guard(ProjectRecord):
            result.add(
                ProjectRecord(
                    **_entry_fields(project, doc_id, text, today),
                    name=value_of(project.name),
                    name_span=span_of(project.name, text),
                    bullets=list(project.bullets),
                    technologies=list(project.technologies),
                    url=project.url,
                )
            )
    for publication in extracted.publications:
        with guard(PublicationRecord):
            result.add(
                PublicationRecord(
                    doc_id=doc_id,
                    publication_id=publication.publication_id,
                    section_id=publication.section_id,
                    title=publication.title.value,
                    title_span=wrapped_span_of(publication.title, text),
                    venue=value_of(publication.venue),
                    venue_span=wrapped_span_of(publication.venue, text),
                    year=publication.year,
                    status=publication.status,
                    url=publication.url,
                    span=CharSpan(start=publication.start, end=publication.end),
                )
            )
    for index, skill in enumerate(extracted.skills):
        with guard(SkillRecord):
            result.add(
                SkillRecord(
                    doc_id=doc_id,
                    skill_id=f"{doc_id}:k{index}",
                    name=skill.name,
                    category=skill.category,
                    group=skill.group,
                    source=skill.source,
                    in_lexicon=skill.in_lexicon,
                    mention_count=len(skill.spans),
                    spans=[CharSpan(start=s, end=e) for s, e in skill.spans],
                )
            )
    for metric in extracted.metrics:
        with guard(MetricRecord):
            result.add(_metric_record(doc_id, metric, text))
    for index, link in enumerate(extracted.links):
        with guard(LinkRecord):
            result.add(
                LinkRecord(
                    doc_id=doc_id,
                    link_id=f"{doc_id}:l{index}",
                    url=link.url,
                    platform=link.platform,
                    username=link.username,
                    text=link.found.value,
                    span=span_of(link.found, text),
                )
            )
    for index, contact in enumerate(extracted.contacts):
        with guard(ContactRecord):
            result.add(
                ContactRecord(
                    doc_id=doc_id,
                    contact_id=f"{doc_id}:c{index}",
                    kind=ContactKind(contact.kind),
                    value=contact.found.value,
                    normalized=contact.normalized,
                    span=span_of(contact.found, text),
                )
            )
    # from the rows that loaded: a rejected entry is no entry
    flag_document(result.rows, metrics_capped=len(extracted.metrics) >= MAX_METRICS)
    return result


def _total_experience(extracted: ExtractedDocument, today: dt.date) -> int | None:
    intervals = [
        interval
        for experience in extracted.experiences
        if experience.dates is not None
        and (interval := entry_interval(experience.dates, today)) is not None
    ]
    return merged_months(intervals) if intervals else None


def _metric_record(doc_id: str, candidate: MetricCandidate, text: str) -> MetricRecord:
    match = candidate.match
    found = Extracted(match.text, match.start_char, match.end_char)
    sentence = text[match.sentence_start : match.sentence_end]
    return MetricRecord(
        doc_id=doc_id,
        metric_id=candidate.metric_id,
        entry_id=candidate.entry_id,
        value=match.value,
        unit=match.unit,
        currency=match.currency,
        qualifier=match.qualifier,
        direction=match.direction,
        subject=match.subject,
        range_to=match.range_to,
        text=match.text,
        span=span_of(found, text),
        sentence=sentence,
        sentence_span=CharSpan(start=match.sentence_start, end=match.sentence_end),
    )


def _rejected(
    source_path: str, content_sha256: str, doc_id: str, model: type[BaseModel], error: Exception
) -> QuarantineRecord:
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        reason = f"{where}: {first['msg']}" if where else first["msg"]
    else:
        reason = str(error)
    return QuarantineRecord(
        doc_id=doc_id,
        source_path=source_path,
        content_sha256=content_sha256,
        stage=Stage.VALIDATE,
        error_code=ErrorCode.E030_INVALID_RECORD,
        error_type=type(error).__name__,
        reason=reason.splitlines()[0][:500],
        record_type=TABLE_FOR_MODEL[model],
    )


def flatten(documents: Iterable[ValidatedDocument]) -> dict[str, list[BaseModel]]:
    """All rows of many documents, per table, in document order."""
    tables: dict[str, list[BaseModel]] = {}
    for document in documents:
        for table, rows in document.rows.items():
            tables.setdefault(table, []).extend(rows)
        tables.setdefault("quarantine", []).extend(document.quarantine)
    return tables
