"""Extract: turn a segmented document and its spaCy ``Doc`` into typed candidates.

Layout and lexicons lead; the statistical NER only breaks ties. An entry header such as
``Research Assistant / Lab, University of X / Dec 2024 - Mar 2026`` is cut into segments (by
line, ``|``, ``·``, `` at ``, wide gaps and, where the parts differ in kind, commas), and each
segment is classified by what the lexicon components found inside it: an employment type, a
degree, an organization keyword ("University", "LLC"), a job-title head word ("Engineer"). Only a
segment none of them claims falls back to NER (ORG/GPE) and, last, to its position: the jobs of a
section are written alike, so the slot (line offset from the dates line, ordinal on the line)
that holds the employer where a lexicon can tell holds it where none can (``_slots``). A piece
that reads as a sentence is never a name (``_pieces.looks_like_prose``). A value no rule
supports is left empty, with a lower confidence, rather than guessed.

This module holds only the stage's loop over sections and entries. Each table is read in a module
of its own (``experience``, ``education``, ``projects``, ``publications`` with ``citations``,
``skills``, ``contacts``, ``profile``, ``metrics``) over shared helpers: ``_spans`` (what the
components found), ``_header`` (entry headers cut into pieces), ``_pieces`` (each piece
classified), ``_slots`` (what each header slot holds in a section), ``_entry`` (an entry's dates
and body) and ``_draft`` (the candidate types). Table modules never import each other;
``entity_focus`` says which lines the entity recognizer must read, and ``analysis`` runs the
spaCy components in phases around it.
"""

from __future__ import annotations

from resume_etl.stages.extract._draft import (
    EducationCandidate,
    EntryBase,
    ExperienceCandidate,
    Extracted,
    ExtractedDocument,
    MetricCandidate,
    ProjectCandidate,
    PublicationCandidate,
)
from resume_etl.stages.extract._entry import EntryContext
from resume_etl.stages.extract._header import SegmentKind
from resume_etl.stages.extract._slots import Slot
from resume_etl.stages.extract._spans import LexiconCategories, SpanIndex
from resume_etl.stages.extract.analysis import analyse
from resume_etl.stages.extract.contacts import classify_link, extract_contacts
from resume_etl.stages.extract.education import build_education
from resume_etl.stages.extract.experience import (
    _company_group,
    build_experience,
    rejoin_split_headers,
    section_slots,
)
from resume_etl.stages.extract.metrics import _metrics
from resume_etl.stages.extract.profile import extract_profile
from resume_etl.stages.extract.projects import build_project, project_entries
from resume_etl.stages.extract.publications import (
    _cites,
    _cued_publications,
    _persons_link,
    section_publications,
)
from resume_etl.stages.extract.skills import extract_skills
from resume_etl.stages.segment import SegmentedDocument
from resume_etl.vocab import SectionKind

__all__ = [
    "EntryBase",
    "Extracted",
    "ExtractedDocument",
    "LexiconCategories",
    "MetricCandidate",
    "PublicationCandidate",
    "SpanIndex",
    "analyse",
    "classify_link",
    "extract",
]


def extract(
    segmented: SegmentedDocument, spans: SpanIndex, categories: LexiconCategories
) -> ExtractedDocument:
    """Stage entry point: candidates for every table, from layout plus ``analyse``'s spans."""
    doc_id = segmented.document.doc_id
    links, contacts = extract_contacts(spans)
    link_starts = [(link.found.start, link.url) for link in links]
    experiences: list[ExperienceCandidate] = []
    education: list[EducationCandidate] = []
    projects: list[ProjectCandidate] = []
    publications: list[PublicationCandidate] = []
    entry_ids: dict[tuple[int, int], str] = {}
    position = 0
    group_org: Extracted | None = None
    group_section: str | None = None
    page_width = max(len(line) for line in spans.text.split("\n"))
    for section in segmented.sections:
        section_id = f"{doc_id}:s{section.position}"
        if section.kind is SectionKind.PUBLICATIONS:
            publications.extend(
                section_publications(
                    section, section_id, spans, categories, f"{doc_id}:p", len(publications)
                )
            )
        listed = (
            project_entries(section, spans.text.split("\n", 1)[0].strip(), page_width)
            if section.kind is SectionKind.PROJECTS
            else None
        )
        if listed is not None:
            for entry, name_end in listed:
                entry_id = f"{doc_id}:e{position}"
                ctx = EntryContext(entry_id, section_id, position, entry, spans)
                projects.append(build_project(ctx, link_starts, name_end))
                entry_ids[(entry.start, entry.end)] = entry_id
                position += 1
        entries = () if listed is not None else section.entries
        slots: dict[Slot, SegmentKind] = {}
        if section.kind is SectionKind.EXPERIENCE:
            entries = tuple(rejoin_split_headers(entries, spans))
            slots = section_slots(entries, spans)
        for entry in entries:
            entry_id = f"{doc_id}:e{position}"
            ctx = EntryContext(entry_id, section_id, position, entry, spans)
            if section.kind is SectionKind.EXPERIENCE:
                group = _company_group(entry, spans)
                if group is not None or section_id != group_section:
                    group_org, group_section = group, section_id
                job = build_experience(
                    ctx, categories.employment_types, group_org, group is not None, slots
                )
                if job.organization is not group_org:  # a company of its own ends the group
                    group_org = None
                experiences.append(job)
            elif section.kind is SectionKind.EDUCATION:
                education.append(build_education(ctx, categories.degrees))
            elif section.kind is SectionKind.PROJECTS:
                projects.append(build_project(ctx, link_starts))
            elif section.kind is SectionKind.PUBLICATIONS:
                pass  # read once per section above: a citation can run across entries
            entry_ids[(entry.start, entry.end)] = entry_id
            position += 1
        if section.kind is not SectionKind.PUBLICATIONS:
            publications.extend(
                _cued_publications(
                    section, section_id, spans, categories, doc_id, len(publications)
                )
            )
    links = tuple(link for link in links if _persons_link(publications, link))
    # A phone-like number inside a citation is a page range or an arXiv id.
    contacts = tuple(c for c in contacts if not _cites(publications, c.found))
    return ExtractedDocument(
        segmented=segmented,
        profile=extract_profile(segmented.sections, spans),
        experiences=tuple(experiences),
        education=tuple(education),
        projects=tuple(projects),
        publications=tuple(publications),
        skills=extract_skills(segmented.sections, spans, categories.skills),
        metrics=_metrics(spans, entry_ids, doc_id, experiences, projects),
        links=links,
        contacts=contacts,
        entry_ids=entry_ids,
    )
