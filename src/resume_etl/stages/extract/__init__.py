"""Extract: turn a segmented document and its spaCy ``Doc`` into typed candidates.

Layout and lexicons lead; the statistical NER only breaks ties. An entry header such as
``Research Assistant / Lab, University of X / Dec 2024 - Mar 2026`` is cut into segments (by
line, ``|``, ``·``, `` at ``, wide gaps and, where the parts differ in kind, commas), and each
segment is classified by what the lexicon components found inside it: an employment type, a
degree, an organization keyword ("University", "LLC"), a job-title head word ("Engineer"). Only a
segment none of them claims falls back to NER (ORG/GPE) and, last, to its position: the jobs of a
section are written alike, so the slot (line offset from the dates line, ordinal on the line)
that holds the employer where a lexicon can tell holds it where none can (``_slots``). A piece
that reads as a sentence is never a name (``_prose.looks_like_prose``). A value no rule
supports is left empty, with a lower confidence, rather than guessed.

This module holds only the stage's loop over sections and entries. Each table is read in a module
of its own (``experience``, ``education``, ``projects``, ``publications`` with ``citations``,
``skills``, ``contacts``, ``profile``, ``metrics``, ``sections``) over shared helpers: ``_spans``
(what the components found), ``_header`` (entry headers cut into pieces), ``_pieces`` (each piece
classified), ``_slots`` (what each header slot holds in a section), ``_entry`` (an entry's dates
and body) and ``_draft`` (the draft of each record, keyed by the record model's own fields).
Table modules never import each other; ``entity_focus`` says which lines the entity recognizer
must read, and ``analysis`` runs the spaCy components in phases around it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from resume_etl import ids
from resume_etl.dates import DateRangeMatch
from resume_etl.stages.extract._draft import (
    DATES,
    Draft,
    DraftField,
    DraftValue,
    EducationCandidate,
    ExperienceCandidate,
    Extracted,
    ExtractedDocument,
    Kind,
    MetricCandidate,
    Normalized,
    ProjectCandidate,
    PublicationCandidate,
    numbered,
)
from resume_etl.stages.extract._entry import EntryContext
from resume_etl.stages.extract._header import SegmentKind
from resume_etl.stages.extract._rejoin import rejoin_split_headers
from resume_etl.stages.extract._school_entries import school_entries
from resume_etl.stages.extract._schools_elsewhere import header_schools, holds_degree_and_school
from resume_etl.stages.extract._shared_school import schools_named_once
from resume_etl.stages.extract._slots import Slot
from resume_etl.stages.extract._spans import LexiconCategories, SpanIndex
from resume_etl.stages.extract.analysis import analyse
from resume_etl.stages.extract.contacts import classify_link, extract_contacts
from resume_etl.stages.extract.education import build_education
from resume_etl.stages.extract.experience import (
    build_experience,
    company_group,
    section_slots,
)
from resume_etl.stages.extract.metrics import extract_metrics
from resume_etl.stages.extract.profile import extract_profile
from resume_etl.stages.extract.projects import build_project, project_entries
from resume_etl.stages.extract.publications import (
    cites,
    cued_publications,
    persons_link,
    section_publications,
)
from resume_etl.stages.extract.sections import section_drafts
from resume_etl.stages.extract.skills import extract_skills
from resume_etl.stages.segment import Entry, Section, SegmentedDocument
from resume_etl.vocab import SectionKind

__all__ = [
    "DATES",
    "Draft",
    "DraftField",
    "DraftValue",
    "Extracted",
    "ExtractedDocument",
    "Kind",
    "LexiconCategories",
    "MetricCandidate",
    "Normalized",
    "PublicationCandidate",
    "SpanIndex",
    "analyse",
    "classify_link",
    "extract",
]


@dataclass(slots=True)
class _EntryTables:
    """The entry tables, filled as the sections are read in order.

    Positions run across sections, so an entry's id names its place in the document; an entry
    of a section no table reads (skills, summary) still takes its position. A company heading
    over several roles (``group_org``) carries to the jobs under it within one section.
    """

    doc_id: str
    spans: SpanIndex
    categories: LexiconCategories
    link_starts: list[tuple[int, str]]
    experiences: list[ExperienceCandidate] = field(default_factory=list)
    education: list[EducationCandidate] = field(default_factory=list)
    projects: list[ProjectCandidate] = field(default_factory=list)
    publications: list[PublicationCandidate] = field(default_factory=list)
    position: int = 0
    group_org: Extracted | None = None
    group_section: str | None = None

    def read(self, section: Section, page_width: int) -> None:
        section_id = ids.section_id(self.doc_id, section.position)
        if section.kind is SectionKind.PUBLICATIONS:  # a citation can run across entries
            self.publications.extend(
                section_publications(
                    section,
                    section_id,
                    self.spans,
                    self.categories,
                    self.doc_id,
                    len(self.publications),
                )
            )
        listed = (
            project_entries(section, self.spans.text.split("\n", 1)[0].strip(), page_width)
            if section.kind is SectionKind.PROJECTS
            else None
        )
        if listed is not None:
            for entry, name_end in listed:
                ctx = self._context(section_id, entry)
                self.projects.append(build_project(ctx, self.link_starts, name_end))
        elif section.kind is SectionKind.EXPERIENCE:
            self._jobs(section_id, section.entries)
        elif section.kind is SectionKind.OTHER:
            self._schools_elsewhere(section_id, section)
        elif section.kind is SectionKind.HEADER:
            for entry in header_schools(section.lines, self.spans):
                school = build_education(self._context(section_id, entry), self.categories.degrees)
                self.education.append(school)
        else:
            entries = (
                school_entries(section.entries, self.spans, section.intro)
                if section.kind is SectionKind.EDUCATION
                else section.entries
            )
            schools: list[EducationCandidate] = []
            for entry in entries:
                ctx = self._context(section_id, entry)
                if section.kind is SectionKind.EDUCATION:
                    school = build_education(ctx, self.categories.degrees)
                    if _names_anything(school, "institution", "degree"):
                        schools.append(school)
                elif section.kind is SectionKind.PROJECTS:
                    self.projects.append(build_project(ctx, self.link_starts))
            self.education.extend(schools_named_once(schools))
        if section.kind is not SectionKind.PUBLICATIONS:
            self.publications.extend(
                cued_publications(
                    section,
                    section_id,
                    self.spans,
                    self.categories,
                    self.doc_id,
                    len(self.publications),
                )
            )

    def _schools_elsewhere(self, section_id: str, section: Section) -> None:
        """ "Professional Development" over "X University, Dallas, TX" / "Master of Arts,
        2004": a section no heading names as education still lists schools, and an entry
        naming both a degree and a school is read as one. Only such entries get an id."""
        for entry in school_entries(section.entries, self.spans, section.intro):
            if holds_degree_and_school(entry, self.spans):
                school = build_education(self._context(section_id, entry), self.categories.degrees)
                self.education.append(school)

    def _context(self, section_id: str, entry: Entry) -> EntryContext:
        """The next entry's context; its id is minted from its position in the document."""
        entry_id = ids.entry_id(self.doc_id, self.position)
        ctx = EntryContext(entry_id, section_id, self.position, entry, self.spans)
        self.position += 1
        return ctx

    def _jobs(self, section_id: str, section_entries: tuple[Entry, ...]) -> None:
        entries = tuple(rejoin_split_headers(section_entries, self.spans))
        slots: dict[Slot, SegmentKind] = section_slots(entries, self.spans)
        for entry in entries:
            ctx = self._context(section_id, entry)
            group = company_group(entry, self.spans)
            if group is not None or section_id != self.group_section:
                self.group_org, self.group_section = group, section_id
            job = build_experience(
                ctx, self.categories.employment_types, self.group_org, group is not None, slots
            )
            if job.organization is not self.group_org:  # a company of its own ends the group
                self.group_org = None
            if _names_anything(job, "organization", "role"):
                self.experiences.append(job)


def _names_anything(entry: ExperienceCandidate | EducationCandidate, *fields: str) -> bool:
    """A job or a school says who or what, or when: one with none of its names and no period
    is a stray line (a talk, a list item, a comment's rest), not an entry."""
    dated = entry.get("dates", DateRangeMatch) is not None
    return dated or any(entry.found(name) is not None for name in fields)


def extract(
    segmented: SegmentedDocument, spans: SpanIndex, categories: LexiconCategories
) -> ExtractedDocument:
    """Stage entry point: candidates for every table, from layout plus ``analyse``'s spans."""
    doc_id = segmented.document.doc_id
    links, contacts = extract_contacts(spans)
    link_starts = [
        (at.start, link.get("url", str) or "") for link in links if (at := link.found("text"))
    ]
    tables = _EntryTables(doc_id, spans, categories, link_starts)
    page_width = max(len(line) for line in spans.text.split("\n"))
    for section in segmented.sections:
        tables.read(section, page_width)
    publications = tables.publications
    links = tuple(link for link in links if persons_link(publications, link))
    # A phone-like number inside a citation is a page range or an arXiv id.
    contacts = tuple(c for c in contacts if not cites(publications, c.found("value")))
    skills = extract_skills(segmented.sections, spans, categories.skills)
    return ExtractedDocument(
        segmented=segmented,
        profile=extract_profile(segmented.sections, spans),
        experiences=tuple(tables.experiences),
        education=tuple(tables.education),
        projects=tuple(tables.projects),
        publications=tuple(publications),
        skills=numbered(skills, "skill_id", partial(ids.skill_id, doc_id)),
        metrics=extract_metrics(spans, doc_id, tables.experiences, tables.projects),
        links=numbered(links, "link_id", partial(ids.link_id, doc_id)),
        contacts=numbered(contacts, "contact_id", partial(ids.contact_id, doc_id)),
        sections=section_drafts(segmented),
        metrics_capped=spans.metrics_capped,
    )
