"""Candidates: what extract found for each table, before validate turns them into records.

Every value keeps where it was found (``Extracted``: text, character range, confidence), so the
validate stage can write spans and the confidence of the rule that found it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from resume_etl.dates import DateRangeMatch
from resume_etl.nlp.metrics import MetricMatch
from resume_etl.stages.segment import SegmentedDocument
from resume_etl.vocab import DegreeLevel, EmploymentType, LinkPlatform, SkillSource


@dataclass(frozen=True, slots=True)
class Extracted:
    """A value found in the text, where it is, and how sure the rule that found it is."""

    value: str
    start: int
    end: int
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class EntryBase:
    entry_id: str
    section_id: str
    position: int
    start: int
    end: int
    dates: DateRangeMatch | None
    description: str | None
    bullets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ExperienceCandidate(EntryBase):
    organization: Extracted | None
    role: Extracted | None
    employment_type: tuple[EmploymentType, Extracted] | None
    location: Extracted | None
    confidence: float


@dataclass(frozen=True, slots=True)
class EducationCandidate(EntryBase):
    institution: Extracted | None
    location: Extracted | None
    degree: Extracted | None
    degree_level: DegreeLevel | None
    field_of_study: Extracted | None
    gpa: tuple[float, float | None, Extracted] | None
    honors: tuple[str, ...]
    confidence: float


@dataclass(frozen=True, slots=True)
class ProjectCandidate(EntryBase):
    name: Extracted | None
    technologies: tuple[str, ...]
    url: str | None


@dataclass(frozen=True, slots=True)
class PublicationCandidate:
    publication_id: str
    section_id: str | None
    title: Extracted
    venue: Extracted | None
    year: int | None
    status: str | None
    url: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SkillCandidate:
    name: str
    category: str | None
    group: str | None
    source: SkillSource
    in_lexicon: bool
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class LinkCandidate:
    found: Extracted
    url: str
    platform: LinkPlatform
    username: str | None


@dataclass(frozen=True, slots=True)
class ContactCandidate:
    found: Extracted
    kind: str
    normalized: str


@dataclass(frozen=True, slots=True)
class ProfileCandidate:
    name: Extracted | None
    headline: Extracted | None
    location: Extracted | None
    summary: Extracted | None


@dataclass(frozen=True, slots=True)
class MetricCandidate:
    metric_id: str
    entry_id: str | None
    match: MetricMatch


@dataclass(frozen=True, slots=True)
class ExtractedDocument:
    segmented: SegmentedDocument
    profile: ProfileCandidate
    experiences: tuple[ExperienceCandidate, ...]
    education: tuple[EducationCandidate, ...]
    projects: tuple[ProjectCandidate, ...]
    publications: tuple[PublicationCandidate, ...]
    skills: tuple[SkillCandidate, ...]
    metrics: tuple[MetricCandidate, ...]
    links: tuple[LinkCandidate, ...]
    contacts: tuple[ContactCandidate, ...]
    entry_ids: dict[tuple[int, int], str] = field(default_factory=dict)
