"""The part of the JSON Resume schema (https://jsonresume.org) this project fills, as models.

They dump with camelCase keys and without empty fields; ``exports/jsonresume.py`` maps records onto
them and checks each file against the official schema before writing it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel

from resume_etl._version import __version__
from resume_etl.vocab import DatePrecision

SCHEMA_VERSION = "v1.0.0"
"""The JSON Resume schema version the shipped schema file describes."""


class _JsonResumePart(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", alias_generator=to_camel, populate_by_name=True
    )


class Location(_JsonResumePart):
    address: str | None = None
    city: str | None = None
    region: str | None = None


class SocialProfile(_JsonResumePart):
    network: str
    username: str | None = None
    url: str


class Basics(_JsonResumePart):
    name: str | None = None
    label: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    summary: str | None = None
    location: Location | None = None
    profiles: list[SocialProfile] | None = None


class Work(_JsonResumePart):
    name: str | None = None
    position: str | None = None
    location: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    summary: str | None = None
    highlights: list[str] | None = None


class Education(_JsonResumePart):
    institution: str | None = None
    area: str | None = None
    study_type: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    score: str | None = None


class Award(_JsonResumePart):
    title: str
    awarder: str | None = None


class Skill(_JsonResumePart):
    name: str
    keywords: list[str] | None = None


class Language(_JsonResumePart):
    language: str
    fluency: str | None = None


class Certificate(_JsonResumePart):
    name: str
    date: str | None = None
    issuer: str | None = None


class Project(_JsonResumePart):
    name: str | None = None
    description: str | None = None
    highlights: list[str] | None = None
    keywords: list[str] | None = None
    start_date: str | None = None
    end_date: str | None = None
    url: str | None = None


class Publication(_JsonResumePart):
    name: str
    publisher: str | None = None
    release_date: str | None = None
    url: str | None = None


class Meta(_JsonResumePart):
    version: str = SCHEMA_VERSION
    generator: str = f"resume-etl {__version__}"
    doc_id: str
    person_key: str


class JsonResume(_JsonResumePart):
    """One résumé in the JSON Resume schema."""

    basics: Basics
    work: list[Work] | None = None
    education: list[Education] | None = None
    awards: list[Award] | None = None
    certificates: list[Certificate] | None = None
    skills: list[Skill] | None = None
    languages: list[Language] | None = None
    projects: list[Project] | None = None
    publications: list[Publication] | None = None
    meta: Meta

    def to_json_dict(self) -> dict[str, Any]:
        """The document as JSON Resume spells it: camelCase keys, empty fields left out."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


def partial_iso_date(date: dt.date | None, precision: DatePrecision | None) -> str | None:
    """A date at the precision the text stated: '2025-02-14', '2025-02' or '2019'.

    A season ('Summer 2021') has no JSON Resume form; it is written as its year, never as a
    month the text did not state.
    """
    if date is None or precision is None:
        return None
    if precision == DatePrecision.DAY:
        return date.isoformat()
    if precision == DatePrecision.MONTH:
        return f"{date.year:04d}-{date.month:02d}"
    return f"{date.year:04d}"
