"""Records of the entries a section is split into: jobs, schools, projects and publications."""

from __future__ import annotations

from typing import Annotated, Self

from pydantic import Field, model_validator

from resume_etl._records.base import CharSpan, Confidence, DatedEntry, Record, SpanOf
from resume_etl.vocab import DegreeLevel, EmploymentType


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
