"""What a real ``resume.json`` says, read into typed facts the renderers and the gold share.

People write JSON Resume files by hand, so the reader accepts the shapes found in real files:
legacy keys (``company`` for ``name``, ``employer``/``address``, ``experience`` for ``work``),
``basics.summary`` as a list, locations with ``country`` or ``State``, and dates such as
``2019``, ``2019-05``, ``2019-05-17``, ``Jun 2023``, ``'16``, ``2017-05 - 2019-04`` (the first
date counts), ``2022-02-30`` (read at month precision), and ``Present``/``now``/``today``/
``Ongoing`` or an empty end (an ongoing job). A value that is not a date is dropped, never
guessed; whatever the reader drops is simply not rendered, so the gold never asks for it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from resume_etl.dates import ENGLISH_MONTHS, ongoing_words

_ONGOING_WORDS = frozenset(ongoing_words("alone", "adverb"))
_MONTHS = ENGLISH_MONTHS
"""Month names read in gold dates: the one table the pipeline's date parser uses too."""
_ISO = re.compile(r"^\s*(\d{4})(?:[-/.](\d{1,2}))?(?:[-/.]\d{1,2})?\b")
_NAMED = re.compile(r"^\s*([A-Za-z]{3,9})\.?\s+(\d{4})\b")
_SHORT_YEAR = re.compile(r"^\s*['’](\d{2})\s*$")
_SPACE = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")

TWO_DIGIT_PIVOT = 50
"""'49 is 2049 and '50 is 1950: the pivot for two-digit years such as '16."""


class Fact(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Month(Fact):
    """A point in time at the precision the file states: a year, or a year and a month."""

    year: int
    month: int | None = None

    def at(self, precision: str) -> Month:
        """This date no more precise than ``precision`` ("year" or "month")."""
        return self if precision == "month" else Month(year=self.year)

    def iso(self) -> str:
        return f"{self.year:04d}" if self.month is None else f"{self.year:04d}-{self.month:02d}"


class Period(Fact):
    """When something happened; ``current`` means the file says it is still going on."""

    start: Month | None = None
    end: Month | None = None
    current: bool = False


class Job(Fact):
    organization: str | None = None
    role: str | None = None
    location: str | None = None
    period: Period = Period()
    summary: str | None = None
    highlights: list[str] = Field(default_factory=list)

    def text(self) -> str:
        """The job's prose as a profile page shows it: summary, then the highlights."""
        return " ".join(part for part in (self.summary, *self.highlights) if part)


class School(Fact):
    institution: str | None = None
    degree: str | None = None
    field: str | None = None
    period: Period = Period()


class Project(Fact):
    name: str
    description: str | None = None
    highlights: list[str] = Field(default_factory=list)


class Publication(Fact):
    title: str
    venue: str | None = None
    year: int | None = None


class SkillGroup(Fact):
    """A skills entry: a group name and its keywords; a bare name is a skill of its own."""

    name: str | None = None
    keywords: list[str] = Field(default_factory=list)

    def skills(self) -> list[str]:
        if self.keywords:
            return list(self.keywords)
        return [self.name] if self.name else []


class Person(Fact):
    name: str | None = None
    label: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    location: str | None = None
    street: str | None = None
    summary: str | None = None
    profiles: list[str] = Field(default_factory=list)


class ResumeFacts(Fact):
    """Everything the renderers may print, in file order."""

    id: str
    person: Person
    jobs: list[Job] = Field(default_factory=list)
    schools: list[School] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    publications: list[Publication] = Field(default_factory=list)
    skills: list[SkillGroup] = Field(default_factory=list)
    languages: list[str] = Field(default_factory=list)
    interests: list[str] = Field(default_factory=list)
    awards: list[str] = Field(default_factory=list)

    def all_skills(self) -> list[str]:
        return [skill for group in self.skills for skill in group.skills()]


# --------------------------------------------------------------------------- reading values


def clean(value: Any) -> str | None:
    """A text value with its whitespace collapsed, or None when it is not a non-empty string."""
    if not isinstance(value, str):
        return None
    text = _SPACE.sub(" ", value).strip()
    return text or None


def _texts(value: Any) -> list[str]:
    items = value if isinstance(value, list) else []
    return [text for text in (clean(item) for item in items) if text]


def _first(mapping: Mapping[str, Any], *keys: str) -> str | None:
    for key in keys:
        text = clean(mapping.get(key))
        if text:
            return text
    return None


def parse_month(value: Any) -> Month | None:
    """A date as the file writes it, at the precision it states; None when it is no date."""
    text = clean(value)
    if text is None:
        return None
    short = _SHORT_YEAR.match(text)
    if short:
        two = int(short.group(1))
        return Month(year=(2000 if two < TWO_DIGIT_PIVOT else 1900) + two)
    iso = _ISO.match(text)
    if iso:
        month = int(iso.group(2)) if iso.group(2) else None
        return Month(year=int(iso.group(1)), month=month if month and 1 <= month <= 12 else None)
    named = _NAMED.match(text)
    if named and named.group(1).lower() in _MONTHS:
        return Month(year=int(named.group(2)), month=_MONTHS[named.group(1).lower()])
    return None


def is_ongoing(value: Any) -> bool:
    text = clean(value)
    return text is not None and text.lower() in _ONGOING_WORDS


def parse_period(entry: Mapping[str, Any]) -> Period:
    """Start and end of an entry. An end that says "Present", a current-role flag, or a start
    without any end (JSON Resume's way of saying "ongoing") make the entry current."""
    start = parse_month(entry.get("startDate"))
    raw_end = entry.get("endDate")
    end = parse_month(raw_end)
    flagged = entry.get("isCurrentRole") is True
    current = end is None and (
        is_ongoing(raw_end) or flagged or (start is not None and not raw_end)
    )
    return Period(start=start, end=end, current=current)


def _address_is_place(value: Mapping[str, Any]) -> bool:
    """An address without a city and without digits ("Lille") names the place itself."""
    address = clean(value.get("address"))
    return bool(address) and not clean(value.get("city")) and not _DIGIT.search(address or "")


def _location(value: Any) -> str | None:
    if isinstance(value, str):
        return clean(value)
    if not isinstance(value, Mapping):
        return None
    keys: tuple[str, ...] = ("city", "region", "State", "state", "country", "countryCode")
    if _address_is_place(value):
        keys = ("address", *keys)
    parts: list[str] = []
    for key in keys:
        text = clean(value.get(key))
        if text and all(text.lower() not in part.lower() for part in parts):
            parts.append(text)
    return ", ".join(parts) or None


def _street(value: Any) -> str | None:
    """The street line of an address, when the file gives one apart from the place."""
    if not isinstance(value, Mapping) or _address_is_place(value):
        return None
    return clean(value.get("address"))


def _summary(value: Any) -> str | None:
    if isinstance(value, list):
        return clean(" ".join(_texts(value)))
    return clean(value)


def read_person(basics: Mapping[str, Any]) -> Person:
    profiles = basics.get("profiles")
    urls = [
        url
        for url in (clean(item.get("url")) for item in profiles or [] if isinstance(item, Mapping))
        if url
    ]
    return Person(
        name=clean(basics.get("name")),
        label=clean(basics.get("label")),
        email=clean(basics.get("email")),
        phone=clean(basics.get("phone")),
        url=_first(basics, "url", "website"),
        location=_location(basics.get("location")),
        street=_street(basics.get("location")),
        summary=_summary(basics.get("summary")),
        profiles=urls,
    )


def read_job(entry: Mapping[str, Any]) -> Job:
    return Job(
        organization=_first(entry, "name", "company", "employer", "organization"),
        role=_first(entry, "position", "title", "role"),
        location=_location(entry.get("location") or entry.get("address")),
        period=parse_period(entry),
        summary=_first(entry, "summary", "description"),
        highlights=_texts(entry.get("highlights")),
    )


def read_school(entry: Mapping[str, Any]) -> School:
    return School(
        institution=_first(entry, "institution", "school", "name"),
        degree=_first(entry, "studyType", "degree"),
        field=_first(entry, "area", "field", "studyProgram"),
        period=parse_period(entry),
    )


def read_project(entry: Mapping[str, Any]) -> Project | None:
    name = _first(entry, "name", "title")
    if name is None:
        return None
    return Project(
        name=name,
        description=_first(entry, "description", "summary"),
        highlights=_texts(entry.get("highlights")),
    )


def read_publication(entry: Mapping[str, Any]) -> Publication | None:
    title = _first(entry, "name", "title")
    if title is None:
        return None
    released = parse_month(entry.get("releaseDate") or entry.get("date"))
    return Publication(
        title=title,
        venue=_first(entry, "publisher", "venue", "journal"),
        year=released.year if released else None,
    )


def _entries(data: Mapping[str, Any], *keys: str) -> list[Mapping[str, Any]]:
    for key in keys:
        value = data.get(key)
        if isinstance(value, list) and value:
            return [item for item in value if isinstance(item, Mapping)]
    return []


def _names(items: Sequence[Mapping[str, Any]], *keys: str) -> list[str]:
    return [text for text in (_first(item, *keys) for item in items) if text]


def read_facts(resume_id: str, data: Mapping[str, Any]) -> ResumeFacts:
    """The facts of one ``resume.json`` document (already parsed from JSON)."""
    basics = data.get("basics")
    jobs = [read_job(entry) for entry in _entries(data, "work", "experience")]
    schools = [read_school(entry) for entry in _entries(data, "education")]
    projects = [read_project(entry) for entry in _entries(data, "projects")]
    publications = [read_publication(entry) for entry in _entries(data, "publications")]
    skills = [
        SkillGroup(name=clean(entry.get("name")), keywords=_texts(entry.get("keywords")))
        for entry in _entries(data, "skills")
    ]
    return ResumeFacts(
        id=resume_id,
        person=read_person(basics if isinstance(basics, Mapping) else {}),
        jobs=[job for job in jobs if job.organization or job.role],
        schools=[school for school in schools if school.institution or school.degree],
        projects=[project for project in projects if project is not None],
        publications=[item for item in publications if item is not None],
        skills=[group for group in skills if group.skills()],
        languages=_names(_entries(data, "languages"), "language", "name"),
        interests=_names(_entries(data, "interests"), "name"),
        awards=_names(_entries(data, "awards"), "title", "name"),
    )
