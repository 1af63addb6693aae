"""Layouts of text pulled out of a PDF: a classic CV, a LinkedIn export, a Europass CV.

What they share is what PDF-to-text gives: hard line wraps inside paragraphs and bullets, page
headers and footers ("Page 2 of 3") between the lines of an entry, and (for the classic CV)
dates pushed to the right margin.
"""

from __future__ import annotations

from resume_etl.evaluation.real.facts import Job, Month, ResumeFacts
from resume_etl.evaluation.real.render.dates import DateStyle, duration_text, months_between
from resume_etl.evaluation.real.render.parts import (
    citation,
    contact_items,
    degree_line,
    extras,
    present,
    skill_lines,
)
from resume_etl.evaluation.real.render.text import join_lines, paginate, right_aligned, wrap

PDF_WIDTH = 80
"""Columns of the classic CV's text lines."""
PDF_PAGE_LINES = 46
LINKEDIN_WIDTH = 88
LINKEDIN_PAGE_LINES = 52
EUROPASS_WIDTH = 74
EUROPASS_PAGE_LINES = 50

RENDER_TODAY = Month(year=2026, month=1)
"""The month LinkedIn's "(x years)" of an ongoing job counts to; fixed so renders repeat."""


def _bullets(items: list[str], width: int, mark: str) -> list[str]:
    indent = " " * len(mark)
    return [line for item in items for line in wrap(item, width, mark, indent)]


def render_pdf(facts: ResumeFacts, dates: DateStyle) -> str:
    """A one-column CV printed to PDF and pasted as text: capital headings, the employer and
    right-aligned dates on one line, the role under it, paragraphs and bullets hard-wrapped."""
    person = facts.person
    width = PDF_WIDTH
    lines = present(person.name, person.label, person.street)
    lines += [*wrap(" | ".join(present(person.location, *contact_items(person))), width), ""]
    if person.summary:
        lines += ["SUMMARY", *wrap(person.summary, width), ""]
    if facts.jobs:
        lines += ["PROFESSIONAL EXPERIENCE", ""]
    for job in facts.jobs:
        employer = ", ".join(present(job.organization, job.location)) or job.role or ""
        lines.append(right_aligned(employer, dates.period(job.period), width))
        if job.organization and job.role:
            lines.append(job.role)
        lines += wrap(job.summary, width) if job.summary else []
        lines += [*_bullets(job.highlights, width, "  • "), ""]
    if facts.schools:
        lines += ["EDUCATION", ""]
    for school in facts.schools:
        head = school.institution or degree_line(school)
        lines.append(right_aligned(head, dates.period(school.period), width))
        lines += [*present(degree_line(school) if school.institution else None), ""]
    if facts.projects:
        lines += ["PROJECTS", ""]
    for project in facts.projects:
        lines.append(project.name)
        lines += wrap(project.description, width, "  ", "  ") if project.description else []
        lines += [*_bullets(project.highlights, width, "  • "), ""]
    if facts.publications:
        lines += ["PUBLICATIONS", *_bullets([citation(p) for p in facts.publications], width, "• ")]
        lines.append("")
    if facts.skills:
        lines += ["SKILLS", *[row for line in skill_lines(facts) for row in wrap(line, width)], ""]
    for heading, items in extras(facts):
        lines += [heading.upper(), *wrap(", ".join(items), width), ""]
    title = f"{person.name} – Curriculum Vitae" if person.name else "Curriculum Vitae"

    def header(page: int, _pages: int) -> list[str]:
        return [title, ""] if page > 1 else []

    def footer(page: int, pages: int) -> list[str]:
        return ["", right_aligned("", f"Page {page} of {pages}", width), ""]

    return join_lines(paginate(lines, PDF_PAGE_LINES, header, footer))


def _linkedin_job(job: Job, dates: DateStyle) -> list[str]:
    lines = present(job.organization, job.role)
    when = dates.period(job.period)
    if when and job.period.start:
        end = job.period.end or (RENDER_TODAY if job.period.current else None)
        if end is not None:
            when += f" ({duration_text(months_between(job.period.start, end))})"
    lines += present(when or None, job.location)
    lines += wrap(job.summary, LINKEDIN_WIDTH) if job.summary else []
    return lines + _bullets(job.highlights, LINKEDIN_WIDTH, "• ") + [""]


def render_linkedin(facts: ResumeFacts, dates: DateStyle, top_skills: int) -> str:
    """A LinkedIn profile saved as PDF, as text: the contact sidebar (contacts, top skills,
    languages) comes before the name; then "Company / Title / Month Year - Present (x years)"
    entries and "Page 1 of 2" footers."""
    person = facts.person
    lines = ["Contact", *contact_items(person), ""]
    skills = facts.all_skills()[:top_skills]
    if skills:
        lines += ["Top Skills", *skills, ""]
    if facts.languages:
        lines += ["Languages", *facts.languages, ""]
    lines += [*present(person.name, person.label, person.location), ""]
    if person.summary:
        lines += ["Summary", *wrap(person.summary, LINKEDIN_WIDTH), ""]
    if facts.jobs:
        lines += ["Experience", ""]
    for job in facts.jobs:
        lines += _linkedin_job(job, dates)
    if facts.schools:
        lines += ["Education", ""]
    for school in facts.schools:
        when = dates.period(school.period)
        detail = " · ".join(present(degree_line(school, ", ") or None, f"({when})" if when else ""))
        lines += [*present(school.institution, detail), ""]
    if facts.projects:
        lines += ["Projects", ""]
    for project in facts.projects:
        lines += [
            project.name,
            *(wrap(project.description, LINKEDIN_WIDTH) if project.description else []),
        ]
        lines.append("")
    if facts.publications:
        lines += ["Publications", *[citation(item) for item in facts.publications], ""]

    def footer(page: int, pages: int) -> list[str]:
        return ["", f"Page {page} of {pages}", ""]

    return join_lines(paginate(lines, LINKEDIN_PAGE_LINES, lambda _p, _n: [], footer))


def render_europass(facts: ResumeFacts, dates: DateStyle) -> str:
    """A Europass CV as text: capital section labels, each entry led by its dates line, then
    the role, then "Organization, Place"; bullets as ▪; "Curriculum vitae  Name" page heads."""
    person = facts.person
    width = EUROPASS_WIDTH
    lines = ["PERSONAL INFORMATION", *present(person.name)]
    lines += present(", ".join(present(person.street, person.location)) or None)
    lines += [*contact_items(person), ""]
    if person.label:
        lines += ["POSITION", person.label, ""]
    if person.summary:
        lines += ["ABOUT ME", *wrap(person.summary, width), ""]
    if facts.jobs:
        lines += ["WORK EXPERIENCE", ""]
    for job in facts.jobs:
        lines += present(dates.period(job.period) or None, job.role)
        lines += present(", ".join(present(job.organization, job.location)) or None)
        lines += wrap(job.summary, width) if job.summary else []
        lines += [*_bullets(job.highlights, width, "▪ "), ""]
    if facts.schools:
        lines += ["EDUCATION AND TRAINING", ""]
    for school in facts.schools:
        lines += present(dates.period(school.period) or None, degree_line(school) or None)
        lines += [*present(school.institution), ""]
    if facts.skills or facts.languages:
        lines += ["PERSONAL SKILLS", ""]
    if facts.languages:
        lines += ["Languages", ", ".join(facts.languages), ""]
    if facts.skills:
        lines += ["Digital skills", *[r for line in skill_lines(facts) for r in wrap(line, width)]]
        lines.append("")
    if facts.projects or facts.publications:
        lines += ["ADDITIONAL INFORMATION", ""]
    if facts.projects:
        lines.append("Projects")
        for project in facts.projects:
            text = ": ".join(present(project.name, project.description))
            lines += wrap(text, width)
        lines.append("")
    if facts.publications:
        lines += ["Publications", *_bullets([citation(p) for p in facts.publications], width, "▪ ")]
    for heading, items in extras(facts):
        if heading != "Languages":
            lines += ["", heading, *wrap(", ".join(items), width)]
    head = f"Curriculum vitae    {person.name}" if person.name else "Curriculum vitae"

    def header(_page: int, _pages: int) -> list[str]:
        return [head, ""]

    def footer(page: int, pages: int) -> list[str]:
        return ["", right_aligned("© European Union", f"Page {page} / {pages}", width), ""]

    return join_lines(paginate(lines, EUROPASS_PAGE_LINES, header, footer))
