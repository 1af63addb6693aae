"""JSON Resume export: one ``<person_key>/resume.json`` per profile, validated against the schema.

JSON Resume (https://jsonresume.org) is what résumé themes and profile sites read. The models
below are the part of its schema this project can fill; they dump with camelCase keys and without
empty fields, and every file is checked against the official schema shipped with the package
(``jsonresume-schema.json``) before it is written. The mapping, and what it loses, is in
``docs/jsonresume.md``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar

import jsonschema

from resume_etl.exports._files import export_root, remove_stale, subfolder, write_atomically
from resume_etl.exports._readable import certificates, skill_groups, spoken_languages
from resume_etl.exports.jsonresume_schema import (
    Award,
    Basics,
    Certificate,
    Education,
    JsonResume,
    Language,
    Location,
    Meta,
    Project,
    Publication,
    Skill,
    SocialProfile,
    Work,
    partial_iso_date,
)
from resume_etl.exports.profiles import ProfileRecords, check_person_keys, read_profiles
from resume_etl.exports.redact import Redactor
from resume_etl.records import (
    ContactRecord,
    EducationRecord,
    ExperienceRecord,
    LinkRecord,
    ProjectRecord,
    PublicationRecord,
    SkillRecord,
)
from resume_etl.vocab import ContactKind, LinkPlatform

RESUME_FILE_NAME = "resume.json"

NETWORK_NAMES: dict[LinkPlatform, str] = {
    LinkPlatform.LINKEDIN: "LinkedIn",
    LinkPlatform.GITHUB: "GitHub",
    LinkPlatform.GITLAB: "GitLab",
    LinkPlatform.SCHOLAR: "Google Scholar",
    LinkPlatform.ORCID: "ORCID",
    LinkPlatform.TWITTER: "X (Twitter)",
    LinkPlatform.STACKOVERFLOW: "Stack Overflow",
}
"""Display names of social networks for ``basics.profiles[].network``."""

T = TypeVar("T")


class InvalidExportError(ValueError):
    """An exported document breaks its schema: a bug in the mapping, never the user's input."""


JSON_RESUME_KEPT_KEYS = frozenset({"startDate", "endDate", "releaseDate", "meta"})
"""Values redaction leaves alone: ISO dates and the export's own metadata (never personal)."""


def to_json_resume(profile: ProfileRecords, redactor: Redactor | None = None) -> JsonResume:
    """Map one document's records to JSON Resume; with a redactor, every string is scrubbed.

    Contacts become their tokens, and every other string (names of organizations, titles,
    summaries, skills, URLs) is scrubbed of emails, phones and addresses wherever the extractor
    put them.
    """
    languages = spoken_languages(profile.skills, profile.document.text)
    resume = JsonResume(
        basics=_basics(profile, redactor),
        work=_non_empty([_work(job) for job in profile.experiences]),
        education=_non_empty([_education(school) for school in profile.education]),
        awards=_non_empty(_awards(profile.education)),
        certificates=_non_empty(
            [
                Certificate(name=found.name, date=found.date, issuer=found.issuer)
                for found in certificates(profile.sections, profile.document.text)
            ]
        ),
        skills=_non_empty(_skills(profile.skills, languages)),
        languages=_non_empty(
            [Language(language=skill.name, fluency=level) for skill, level in languages]
        ),
        projects=_non_empty([_project(project) for project in profile.projects]),
        publications=_non_empty([_publication(paper) for paper in profile.publications]),
        meta=Meta(doc_id=profile.doc_id, person_key=profile.person_key),
    )
    if redactor is None:
        return resume
    redacted = redactor.for_document(profile.contacts, profile.document.text).redact_strings(
        resume.to_json_dict(), JSON_RESUME_KEPT_KEYS
    )
    return JsonResume.model_validate(redacted)


def _basics(profile: ProfileRecords, redactor: Redactor | None) -> Basics:
    websites = [link for link in profile.links if link.platform == LinkPlatform.WEBSITE]
    person = profile.profile
    return Basics(
        name=person.name,
        label=person.headline or None,
        email=_first_contact(profile.contacts, ContactKind.EMAIL, redactor),
        phone=_first_contact(profile.contacts, ContactKind.PHONE, redactor),
        url=websites[0].url if websites else None,
        summary=person.summary or None,
        location=_location(person.location),
        profiles=_non_empty(
            [_social(link) for link in profile.links if link.platform != LinkPlatform.WEBSITE]
        ),
    )


def _first_contact(
    contacts: Sequence[ContactRecord], kind: ContactKind, redactor: Redactor | None
) -> str | None:
    """The first email (normalized: lower-cased) or phone (as written), or its token."""
    first = next((contact for contact in contacts if contact.kind == kind), None)
    if first is None:
        return None
    if redactor is not None:
        return redactor.contact(first)
    return first.normalized if kind == ContactKind.EMAIL else first.value


def _location(location: str | None) -> Location | None:
    """'Austin, TX' -> city Austin, region TX: an approximation of a free-text place."""
    if not location:
        return None
    city, _, region = (part.strip() for part in location.partition(","))
    return Location(city=city or None, region=region or None)


def _social(link: LinkRecord) -> SocialProfile:
    return SocialProfile(
        network=NETWORK_NAMES.get(link.platform, str(link.platform)),
        username=link.username,
        url=link.url,
    )


def _work(job: ExperienceRecord) -> Work:
    return Work(
        name=job.organization,
        position=job.role,
        location=job.location or None,
        start_date=partial_iso_date(job.start_date, job.start_precision),
        end_date=partial_iso_date(job.end_date, job.end_precision),
        summary=job.description or None,
        highlights=_non_empty(list(job.bullets)),
    )


def _education(school: EducationRecord) -> Education:
    """JSON Resume's education has no place: the school's is written after its name, as the
    person did."""
    institution = school.institution
    if institution and school.location:
        institution = f"{institution}, {school.location}"
    return Education(
        institution=institution,
        area=school.field_of_study,
        study_type=school.degree or (school.degree_level and school.degree_level.title()),
        start_date=partial_iso_date(school.start_date, school.start_precision),
        end_date=partial_iso_date(school.end_date, school.end_precision),
        score=_score(school.gpa, school.gpa_scale),
    )


def _score(gpa: float | None, scale: float | None) -> str | None:
    """'3.97/4.0' as JSON Resume's example writes it; the bare GPA when no scale was stated."""
    if gpa is None:
        return None
    return f"{_decimal(gpa)}/{_decimal(scale)}" if scale is not None else _decimal(gpa)


def _decimal(number: float) -> str:
    """3.97 -> '3.97', 4.0 -> '4.0', 4.33 -> '4.33': no float noise, one decimal at least."""
    text = f"{number:g}"
    return text if "." in text else f"{text}.0"


def _awards(education: Sequence[EducationRecord]) -> list[Award]:
    """Honors stated with a degree, awarded by its school: the only awards the tables know."""
    return [
        Award(title=honor, awarder=school.institution)
        for school in education
        for honor in school.honors
    ]


def _skills(
    skills: Sequence[SkillRecord], languages: Sequence[tuple[SkillRecord, str | None]]
) -> list[Skill]:
    """JSON Resume skills are named groups of keywords: the document's groups with readable
    names, then skills only mentioned, by category (``_readable``); spoken languages apart."""
    spoken = {skill.skill_id for skill, _ in languages}
    return [Skill(name=name, keywords=keywords) for name, keywords in skill_groups(skills, spoken)]


def _project(project: ProjectRecord) -> Project:
    return Project(
        name=project.name,
        description=project.description or None,
        highlights=_non_empty(list(project.bullets)),
        keywords=_non_empty(list(project.technologies)),
        start_date=partial_iso_date(project.start_date, project.start_precision),
        end_date=partial_iso_date(project.end_date, project.end_precision),
        url=project.url,
    )


def _publication(paper: PublicationRecord) -> Publication:
    return Publication(
        name=paper.title,
        publisher=paper.venue,
        release_date=str(paper.year) if paper.year is not None else None,
        url=paper.url,
    )


def _non_empty(items: list[T]) -> list[T] | None:
    """None for an empty list, so the field is left out rather than written as []."""
    return items or None


@cache
def json_resume_schema() -> dict[str, Any]:
    """The official JSON Resume schema shipped in this package."""
    text = files("resume_etl.exports").joinpath("jsonresume-schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validation_errors(document: dict[str, Any]) -> list[str]:
    """Every way ``document`` breaks the JSON Resume schema (formats included); [] if none."""
    validator_class = jsonschema.validators.validator_for(json_resume_schema())
    validator = validator_class(json_resume_schema(), format_checker=validator_class.FORMAT_CHECKER)
    return [
        f"{'/'.join(str(part) for part in error.absolute_path) or '(root)'}: {error.message}"
        for error in validator.iter_errors(document)
    ]


def export_json_resume(
    tables_dir: Path | str, out_dir: Path | str, redactor: Redactor | None = None
) -> list[Path]:
    """Write ``<out_dir>/<person_key>/resume.json`` for every document; return the files written.

    Every résumé is validated before any is written: if one breaks the schema,
    ``InvalidExportError`` names the document and the fault and nothing is written, so a site
    never picks up a half-updated, partly invalid export. Each file replaces the old one
    atomically, and a link or a file in the way is a coded error (``_files``), never followed.
    The folder is the person's, not the text's: an edited résumé replaces its old file, and
    the files this export wrote earlier for people no longer in the tables are removed.
    """
    profiles = read_profiles(tables_dir)
    check_person_keys(profiles)
    documents = {
        profile.person_key: to_json_resume(profile, redactor).to_json_dict() for profile in profiles
    }
    faults = [
        f"{profile.doc_id}: {'; '.join(errors)}"
        for profile in profiles
        if (errors := validation_errors(documents[profile.person_key]))
    ]
    if faults:
        raise InvalidExportError("not valid JSON Resume: " + " | ".join(faults))
    written = []
    with export_root(Path(out_dir)) as root:
        for person_key, document in documents.items():
            with subfolder(root, person_key) as folder:
                text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
                written.append(write_atomically(folder, RESUME_FILE_NAME, [text]))
        remove_stale(root, documents.keys(), RESUME_FILE_NAME, _written_by_us)
    return written


def _written_by_us(text: str) -> bool:
    """A ``resume.json`` this package wrote (its ``meta.generator``), not a hand-made one."""
    try:
        meta = json.loads(text).get("meta", {})
    except (json.JSONDecodeError, AttributeError):
        return False
    return isinstance(meta, dict) and str(meta.get("generator", "")).startswith("resume-etl ")
