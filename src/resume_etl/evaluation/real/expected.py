"""The gold of one rendering: what the text of a layout states, in the scorer's terms.

The gold is derived from the same facts the renderer printed, at the precision the layout's
date style prints (a ``year`` style's gold has no months), with the skills the layout shows
(a LinkedIn export shows three) and the spoken languages every layout lists (the gold rules of
``tests/gold/README.md`` count a Languages section's items as skills). Beside the
:class:`GoldDocument` it keeps the texts a profile page shows: the summary and each job's
prose (summary, then highlights).
"""

from __future__ import annotations

from dataclasses import dataclass

from resume_etl.evaluation.gold import (
    GoldDocument,
    GoldEducation,
    GoldProject,
    GoldPublication,
    GoldWork,
)
from resume_etl.evaluation.real.facts import Month, ResumeFacts
from resume_etl.evaluation.real.render import Layout


@dataclass(frozen=True, slots=True)
class ExpectedRendering:
    """What a rendering states: the gold record, the summary and each gold job's prose."""

    gold: GoldDocument
    summary: str | None
    job_texts: tuple[str, ...]


def _date(when: Month | None, precision: str) -> str | None:
    return when.at(precision).iso() if when else None


def expected(facts: ResumeFacts, layout: Layout, document: str) -> ExpectedRendering:
    """The gold of ``facts`` rendered in ``layout`` as the file named ``document``."""
    precision = layout.dates.precision
    person = facts.person
    skills = facts.all_skills()
    if layout.top_skills is not None:
        skills = skills[: layout.top_skills]
    skills += [language for language in facts.languages if language not in skills]
    gold = GoldDocument(
        document=document,
        name=person.name,
        headline=person.label,
        location=person.location,
        emails=[person.email] if person.email else [],
        phones=[person.phone] if person.phone else [],
        links=[link for link in (person.url, *person.profiles) if link],
        work=[
            GoldWork(
                organization=job.organization,
                role=job.role,
                location=job.location,
                start=_date(job.period.start, precision),
                end=None if job.period.current else _date(job.period.end, precision),
                current=job.period.current,
            )
            for job in facts.jobs
        ],
        education=[
            GoldEducation(
                institution=school.institution,
                degree=school.degree,
                field=school.field,
                start=_date(school.period.start, precision),
                end=None if school.period.current else _date(school.period.end, precision),
            )
            for school in facts.schools
        ],
        projects=[GoldProject(name=project.name) for project in facts.projects],
        publications=[
            GoldPublication(title=item.title, venue=item.venue, year=item.year)
            for item in facts.publications
        ],
        skills=skills,
    )
    return ExpectedRendering(
        gold=gold, summary=person.summary, job_texts=tuple(job.text() for job in facts.jobs)
    )
