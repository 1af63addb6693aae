"""The records every stage produces and every table stores: the one schema of resume-etl.

Each model is one row of one Parquet table. The Arrow schema of a table and its documentation
(``docs/tables.md``, ``resume-etl schema``) are derived from these models in ``schema.py``, so a
field added here appears in its table with no second edit. Field descriptions are the column docs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from resume_etl.errors import ErrorCode
from resume_etl.vocab import (
    ContactKind,
    DateIssue,
    DatePrecision,
    DegreeLevel,
    EmploymentType,
    LinkPlatform,
    MetricDirection,
    MetricQualifier,
    MetricUnit,
    QualityFlag,
    SectionKind,
    SkillSource,
    SourceFormat,
    Stage,
)

Confidence = Annotated[float, Field(ge=0.0, le=1.0)]


@dataclass(frozen=True, slots=True)
class SpanOf:
    """Marks a span column as where a value column is: ``role_span`` is where ``role`` is
    unmarked, a ``span`` is the text its row covers unless marked (``SpanOf("value")``). Extract
    gives the value once, with where it is; validate writes both (``stages/extract/_draft``).
    ``across_lines``: the value reads line breaks as spaces (a wrapped citation title)."""

    field: str
    across_lines: bool = False


class CharSpan(BaseModel):
    """Half-open character offsets ``[start, end)`` into the document's normalized text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int = Field(ge=0, description="Offset of the first character.")
    end: int = Field(ge=0, description="Offset one past the last character.")

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Self:
        if self.end < self.start:
            raise ValueError(f"span ends at {self.end}, before it starts at {self.start}")
        return self


class Record(BaseModel):
    """Base of every table row: frozen, strict about unknown fields, tied to a document."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    doc_id: str = Field(
        min_length=1, description="Stable id of the document, derived from its normalized text."
    )


class DatedEntry(Record):
    """Date columns shared by experiences, education and projects."""

    start_date: dt.date | None = Field(
        default=None, description="First day of the period the start date states."
    )
    start_precision: DatePrecision | None = Field(
        default=None, description="How much of the start date the text stated."
    )
    end_date: dt.date | None = Field(
        default=None, description="First day of the period the end date states; null if open."
    )
    end_precision: DatePrecision | None = Field(
        default=None, description="How much of the end date the text stated."
    )
    is_current: bool = Field(
        default=False, description="True when the entry is ongoing (Present, Current, 🚀 …)."
    )
    date_text: str | None = Field(default=None, description="The date expression as written.")
    date_span: CharSpan | None = Field(default=None, description="Where date_text is.")
    date_issue: DateIssue | None = Field(
        default=None, description="Why the dates look wrong; the dates are kept, not fixed."
    )
    duration_months: int | None = Field(
        default=None,
        ge=1,
        description=(
            "Months covered, both ends included ('Jan 2020 - Mar 2020' is 3, '2019 - 2021' is "
            "36); ongoing entries end in the run's reference month."
        ),
    )

    @model_validator(mode="after")
    def _precision_goes_with_date(self) -> Self:
        for side in ("start", "end"):
            has_date = getattr(self, f"{side}_date") is not None
            has_precision = getattr(self, f"{side}_precision") is not None
            if has_date != has_precision:
                raise ValueError(f"{side}_date and {side}_precision must both be set or both null")
        if self.is_current and self.end_date is not None:
            raise ValueError("a current entry cannot have an end_date")
        return self


class DocumentRecord(Record):
    """One input file, decoded and normalized; the text every span points into."""

    source_path: str = Field(description="Path of the input file as given to the run.")
    person_key: str = Field(
        description=(
            "Stable key of the person the file is about (16 hex digits): a hash of the file's "
            "path relative to the output folder (or, with ingest.person_key = 'name', of its "
            "file name), so it survives edits to the text, which change doc_id. Exports name "
            "site folders and search documents by it."
        )
    )
    content_sha256: str = Field(description="SHA-256 of the file's raw bytes.")
    size_bytes: int = Field(ge=0, description="Size of the raw file.")
    encoding: str = Field(description="Encoding the bytes were decoded with.")
    encoding_doubt: str | None = Field(
        default=None,
        description=(
            "Why the encoding chosen for a file that is not Unicode may be the wrong one (too "
            "little text to tell, or odd characters in every reading); null when it is sure. "
            "Check these texts: a wrong encoding garbles every non-ASCII letter."
        ),
    )
    source_format: SourceFormat = Field(
        default=SourceFormat.TEXT, description="Kind of file the text was read from."
    )
    reader: str = Field(
        default="text",
        description="What read the file: 'text', or the library and version (pdfplumber 0.11.10).",
    )
    page_count: int | None = Field(
        default=None, ge=0, description="Pages of a PDF; null for formats without pages."
    )
    repairs: list[str] = Field(
        default_factory=list,
        description=(
            "Repairs made while reading and normalizing (layout: columns, page furniture, joined "
            "wrapped lines, headings; ftfy fixes, bullets, dashes, whitespace, cjk_separators; "
            "line_breaks: line "
            "breaks restored in text that arrived as one line)."
        ),
    )
    text: str = Field(description="Normalized text; every span in every table points into it.")
    char_count: int = Field(ge=0, description="Length of text in characters.")
    line_count: int = Field(ge=0, description="Number of lines in text.")
    quality_flags: list[QualityFlag] = Field(
        default_factory=list,
        description=(
            "Why the document's rows deserve a second look: its line breaks were restored, it "
            "has no section headings, a section of entries yielded none, its legacy encoding "
            "is in doubt, or it held more figures than its metrics are read for (each flag once)."
        ),
    )


class ProfileRecord(Record):
    """Who the document is about: one row per document."""

    name: str | None = Field(
        default=None, description="The person's name, when the text states it."
    )
    name_span: CharSpan | None = Field(default=None, description="Where name is.")
    name_confidence: Confidence | None = Field(
        default=None, description="How sure the name rule was (label > statement > first line)."
    )
    headline: str | None = Field(default=None, description="Short professional headline.")
    headline_span: CharSpan | None = Field(default=None, description="Where headline is.")
    location: str | None = Field(default=None, description="Where the person is based.")
    location_span: CharSpan | None = Field(default=None, description="Where location is.")
    summary: str | None = Field(default=None, description="Text of the summary/about section.")
    summary_span: CharSpan | None = Field(default=None, description="Where summary is.")
    total_experience_months: int | None = Field(
        default=None,
        ge=0,
        description=(
            "Months covered by the experiences' dates, overlapping jobs counted once; null "
            "when no experience has a start date."
        ),
    )


class SectionRecord(Record):
    """A section of the document (Experience, Education, …) and the text it covers."""

    section_id: str = Field(description="Id of the section, unique across tables.")
    position: int = Field(ge=0, description="Order of the section in the document.")
    kind: SectionKind = Field(description="What the section is about, from its heading.")
    heading: str | None = Field(default=None, description="Heading text; null for the header.")
    heading_span: CharSpan | None = Field(default=None, description="Where heading is.")
    span: CharSpan = Field(description="Text the section covers, heading included.")
    entry_count: int = Field(ge=0, description="Number of entries split from the section.")


class ExperienceRecord(DatedEntry):
    """One job, position or role."""

    entry_id: str = Field(description="Id of the entry; metrics point at it.")
    section_id: str = Field(description="Section the entry is in.")
    position: int = Field(ge=0, description="Order of the entry in the document.")
    organization: str | None = Field(default=None, description="Employer or institution.")
    organization_span: CharSpan | None = Field(default=None, description="Where organization is.")
    role: str | None = Field(default=None, description="Job title.")
    role_span: CharSpan | None = Field(default=None, description="Where role is.")
    employment_type: EmploymentType | None = Field(
        default=None, description="Full-time, internship, contract, …"
    )
    employment_type_span: CharSpan | None = Field(
        default=None, description="Where employment_type was stated (or implied by the role)."
    )
    location: str | None = Field(default=None, description="Where the job was.")
    location_span: CharSpan | None = Field(default=None, description="Where location is.")
    description: str | None = Field(default=None, description="Prose under the entry header.")
    bullets: list[str] = Field(default_factory=list, description="Bullet points, in order.")
    span: CharSpan = Field(description="Text the entry covers.")
    confidence: Confidence = Field(description="How sure the header rules were of org and role.")


class EducationRecord(DatedEntry):
    """One degree, diploma or course of study.

    A school written with one date alone ("BSc Physics, 2015") has it as its ``end_date``, the
    graduation, and no ``start_date``, unless the text calls it a start ("Started 2015").
    """

    entry_id: str = Field(description="Id of the entry.")
    section_id: str = Field(description="Section the entry is in.")
    position: int = Field(ge=0, description="Order of the entry in the document.")
    institution: str | None = Field(default=None, description="School or university.")
    # A school's name may be read across a line break ("Lakemont Institute of" / "Technology").
    institution_span: Annotated[CharSpan | None, SpanOf("institution", across_lines=True)] = Field(
        default=None, description="Where institution is."
    )
    location: str | None = Field(
        default=None, description="The school's place, as written after it ('Leeds, UK')."
    )
    location_span: CharSpan | None = Field(default=None, description="Where location is.")
    degree: str | None = Field(default=None, description="Degree as written (e.g. 'M.S.').")
    degree_span: CharSpan | None = Field(default=None, description="Where degree is.")
    degree_level: DegreeLevel | None = Field(default=None, description="Level of the degree.")
    field_of_study: str | None = Field(default=None, description="Major or field.")
    field_of_study_span: CharSpan | None = Field(default=None, description="Where it is.")
    gpa: float | None = Field(default=None, ge=0.0, description="Grade point average.")
    gpa_scale: float | None = Field(default=None, gt=0.0, description="Maximum of the GPA scale.")
    gpa_span: CharSpan | None = Field(default=None, description="Where the GPA is.")
    honors: list[str] = Field(default_factory=list, description="Honors and awards stated.")
    description: str | None = Field(default=None, description="Other text of the entry.")
    span: CharSpan = Field(description="Text the entry covers.")
    confidence: Confidence = Field(description="How sure the header rules were.")

    @model_validator(mode="after")
    def _gpa_within_scale(self) -> Self:
        if self.gpa is not None and self.gpa_scale is not None and self.gpa > self.gpa_scale:
            raise ValueError(f"GPA {self.gpa} is above its scale {self.gpa_scale}")
        return self


class ProjectRecord(DatedEntry):
    """One project."""

    entry_id: str = Field(description="Id of the entry; metrics point at it.")
    section_id: str = Field(description="Section the entry is in.")
    position: int = Field(ge=0, description="Order of the entry in the document.")
    name: str | None = Field(default=None, description="Project name.")
    name_span: CharSpan | None = Field(default=None, description="Where name is.")
    description: str | None = Field(default=None, description="Prose under the project name.")
    bullets: list[str] = Field(default_factory=list, description="Bullet points, in order.")
    technologies: list[str] = Field(
        default_factory=list, description="Skills from the lexicon named in the entry."
    )
    url: str | None = Field(default=None, description="First link in the entry.")
    span: CharSpan = Field(description="Text the entry covers.")


class PublicationRecord(Record):
    """A paper, article or talk."""

    publication_id: str = Field(description="Id of the publication.")
    section_id: str | None = Field(default=None, description="Section it is in.")
    title: str = Field(min_length=1, description="Title.")
    title_span: Annotated[CharSpan, SpanOf("title", across_lines=True)] = Field(
        description="Where title is."
    )
    venue: str | None = Field(default=None, description="Conference, journal or publisher.")
    venue_span: Annotated[CharSpan | None, SpanOf("venue", across_lines=True)] = Field(
        default=None, description="Where venue is."
    )
    year: int | None = Field(default=None, ge=1900, le=2200, description="Year of publication.")
    status: str | None = Field(
        default=None, description="published, accepted, to_appear, submitted or under_review."
    )
    url: str | None = Field(default=None, description="Link given with it.")
    span: CharSpan = Field(description="Text the publication covers.")


class SkillRecord(Record):
    """One skill of one document, with every place it is mentioned."""

    skill_id: str = Field(description="Id of the skill row.")
    name: str = Field(min_length=1, description="Canonical name (lexicon) or the listed text.")
    category: str | None = Field(default=None, description="Lexicon category, e.g. database.")
    group: str | None = Field(
        default=None, description="Label the document listed it under, e.g. 'Languages'."
    )
    source: SkillSource = Field(description="Listed in a skills section, or only mentioned.")
    in_lexicon: bool = Field(description="False for items of a skills list the lexicon lacks.")
    mention_count: int = Field(ge=1, description="How many times it is mentioned.")
    spans: list[CharSpan] = Field(min_length=1, description="Every mention, in order.")


class MetricRecord(Record):
    """A number that shows impact, from a bullet or description."""

    metric_id: str = Field(description="Id of the metric.")
    entry_id: str | None = Field(
        default=None, description="Experience or project entry it belongs to."
    )
    value: float = Field(description="Normalized value ($1.5 million -> 1500000).")
    unit: MetricUnit = Field(description="percent, currency, count, x, ms, hours, …")
    currency: str | None = Field(default=None, description="ISO code when unit is currency.")
    qualifier: MetricQualifier = Field(description="exact, approximately, at_least, …")
    direction: MetricDirection = Field(description="increase, decrease or none.")
    subject: str | None = Field(default=None, description="What it measures, when stated.")
    range_to: float | None = Field(
        default=None, description="Y of a 'from X to Y' pair, in this row's unit."
    )
    text: str = Field(min_length=1, description="The metric expression as written.")
    span: Annotated[CharSpan, SpanOf("text")] = Field(description="Where text is.")
    sentence: str = Field(description="The sentence it is in.")
    sentence_span: CharSpan = Field(description="Where sentence is.")


class LinkRecord(Record):
    """A URL or social profile."""

    link_id: str = Field(description="Id of the link.")
    url: str = Field(min_length=1, description="URL with scheme.")
    platform: LinkPlatform = Field(description="linkedin, github, scholar, …, or website.")
    username: str | None = Field(default=None, description="Handle on the platform, if any.")
    text: str = Field(description="The link as written.")
    span: Annotated[CharSpan, SpanOf("text")] = Field(description="Where text is.")


class ContactRecord(Record):
    """An email address or phone number (personal data)."""

    contact_id: str = Field(description="Id of the contact.")
    kind: ContactKind = Field(description="email or phone.")
    value: str = Field(min_length=1, description="As written.")
    normalized: str = Field(
        description=(
            "Lower-cased email; a phone in E.164 (+442055550123) when it states its country or "
            "[extract.contacts] default_region gives it, else its digits (with its +)."
        )
    )
    span: Annotated[CharSpan, SpanOf("value")] = Field(description="Where value is.")


class QuarantineRecord(BaseModel):
    """Something that could not become rows, and why: nothing handed to a run is dropped."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    doc_id: str | None = Field(default=None, description="Document id, once known.")
    source_path: str = Field(description="Input file.")
    content_sha256: str | None = Field(default=None, description="SHA-256 of the raw bytes.")
    stage: Stage = Field(description="Stage that gave up.")
    error_code: ErrorCode = Field(description="Stable error code (see errors.py).")
    error_type: str = Field(description="Exception or rule name.")
    reason: str = Field(description="One line a person can act on.")
    record_type: str | None = Field(default=None, description="Table of the rejected record.")


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
