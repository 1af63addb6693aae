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
from resume_etl.evaluation.real.render.text import (
    entry_lines,
    paginate,
    right_aligned,
    tag,
    tag_each,
    wrap,
)
from resume_etl.nlp.line_roles import LineRole as R

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
    return [line for item in items for line in tag(R.BULLET, wrap(item, width, mark, indent))]


def pdf_lines(facts: ResumeFacts, dates: DateStyle, width: int | None = None) -> list[str]:
    """A one-column CV printed to PDF and pasted as text: capital headings, the employer and
    right-aligned dates on one line, the role under it, paragraphs and bullets hard-wrapped."""
    width = width or PDF_WIDTH
    lines = _pdf_head(facts, width)
    lines += _pdf_jobs(facts, dates, width)
    lines += _pdf_schools(facts, dates, width)
    lines += _pdf_projects(facts, width)
    lines += _pdf_lists(facts, width)
    return _pdf_pages(lines, facts.person.name, width)


def _pdf_head(facts: ResumeFacts, width: int) -> list[str]:
    """Name and title, the street, a wrapped line of contacts, then the summary."""
    person = facts.person
    lines = [*present(person.name, person.label), *tag(R.CONTACT, present(person.street))]
    contacts = " | ".join(present(person.location, *contact_items(person)))
    lines += [*tag(R.CONTACT, wrap(contacts, width)), ""]
    if person.summary:
        lines += [*tag(R.HEADING, ["SUMMARY"]), *tag(R.PROSE, wrap(person.summary, width)), ""]
    return lines


def _pdf_jobs(facts: ResumeFacts, dates: DateStyle, width: int) -> list[str]:
    """Each job: employer with the dates at the right margin, the role under it, its text."""
    lines = [*tag(R.HEADING, ["PROFESSIONAL EXPERIENCE"]), ""] if facts.jobs else []
    for job in facts.jobs:
        employer = ", ".join(present(job.organization, job.location)) or job.role or ""
        lines += entry_lines(
            (right_aligned(employer, dates.period(job.period), width), R.ENTRY_START),
            (job.role if job.organization and job.role else None, R.ENTRY_HEADER),
        )
        lines += tag(R.PROSE, wrap(job.summary, width)) if job.summary else []
        lines += [*_bullets(job.highlights, width, "  • "), ""]
    return lines


def _pdf_schools(facts: ResumeFacts, dates: DateStyle, width: int) -> list[str]:
    """Each school: the institution with the dates at the right margin, the degree under it."""
    lines = [*tag(R.HEADING, ["EDUCATION"]), ""] if facts.schools else []
    for school in facts.schools:
        head = school.institution or degree_line(school)
        lines += entry_lines(
            (right_aligned(head, dates.period(school.period), width), R.ENTRY_START),
            (
                degree_line(school) if school.institution and degree_line(school) else None,
                R.ENTRY_HEADER,
            ),
        )
        lines.append("")
    return lines


def _pdf_projects(facts: ResumeFacts, width: int) -> list[str]:
    """Each project: its name, an indented description, its bullets."""
    lines = [*tag(R.HEADING, ["PROJECTS"]), ""] if facts.projects else []
    for project in facts.projects:
        lines += entry_lines((project.name, R.ENTRY_START))
        lines += (
            tag(R.PROSE, wrap(project.description, width, "  ", "  "))
            if project.description
            else []
        )
        lines += [*_bullets(project.highlights, width, "  • "), ""]
    return lines


def _pdf_lists(facts: ResumeFacts, width: int) -> list[str]:
    """Publications as bullets, skill lines, and the other lists (languages, awards, …)."""
    lines: list[str] = []
    if facts.publications:
        lines += tag(R.HEADING, ["PUBLICATIONS"])
        lines += _bullets([citation(p) for p in facts.publications], width, "• ")
        lines.append("")
    if facts.skills:
        lines += tag(R.HEADING, ["SKILLS"])
        lines += [row for line in skill_lines(facts) for row in tag(R.OTHER, wrap(line, width))]
        lines.append("")
    for heading, items in extras(facts):
        lines += [
            *tag(R.HEADING, [heading.upper()]),
            *tag(R.OTHER, wrap(", ".join(items), width)),
            "",
        ]
    return lines


def _pdf_pages(lines: list[str], name: str | None, width: int) -> list[str]:
    """The lines cut into pages: from page 2 a running head with the name, on each page a
    "Page N of M" footer at the right margin."""
    title = f"{name} – Curriculum Vitae" if name else "Curriculum Vitae"

    def header(page: int, _pages: int) -> list[str]:
        return [*tag(R.FURNITURE, [title]), ""] if page > 1 else []

    def footer(page: int, pages: int) -> list[str]:
        return ["", *tag(R.FURNITURE, [right_aligned("", f"Page {page} of {pages}", width)]), ""]

    return paginate(lines, PDF_PAGE_LINES, header, footer)


def _linkedin_job(job: Job, dates: DateStyle, width: int) -> list[str]:
    when = dates.period(job.period)
    if when and job.period.start:
        end = job.period.end or (RENDER_TODAY if job.period.current else None)
        if end is not None:
            when += f" ({duration_text(months_between(job.period.start, end))})"
    lines = entry_lines(
        (job.organization or None, R.ENTRY_START),
        (job.role or None, R.ENTRY_HEADER),
        (when or None, R.DATE_LINE),
        (job.location or None, R.ENTRY_HEADER),
    )
    lines += tag(R.PROSE, wrap(job.summary, width)) if job.summary else []
    return lines + _bullets(job.highlights, width, "• ") + [""]


def linkedin_lines(
    facts: ResumeFacts, dates: DateStyle, top_skills: int, width: int | None = None
) -> list[str]:
    """A LinkedIn profile saved as PDF, as text: the contact sidebar (contacts, top skills,
    languages) comes before the name; then "Company / Title / Month Year - Present (x years)"
    entries and "Page 1 of 2" footers."""
    person = facts.person
    width = width or LINKEDIN_WIDTH
    lines = [*tag(R.HEADING, ["Contact"]), *tag_each(R.CONTACT, contact_items(person)), ""]
    skills = facts.all_skills()[:top_skills]
    if skills:
        lines += [*tag(R.HEADING, ["Top Skills"]), *skills, ""]
    if facts.languages:
        lines += [*tag(R.HEADING, ["Languages"]), *facts.languages, ""]
    lines += [*present(person.name, person.label, person.location), ""]
    if person.summary:
        lines += [*tag(R.HEADING, ["Summary"]), *tag(R.PROSE, wrap(person.summary, width)), ""]
    if facts.jobs:
        lines += [*tag(R.HEADING, ["Experience"]), ""]
    for job in facts.jobs:
        lines += _linkedin_job(job, dates, width)
    if facts.schools:
        lines += [*tag(R.HEADING, ["Education"]), ""]
    for school in facts.schools:
        when = dates.period(school.period)
        detail = " · ".join(present(degree_line(school, ", ") or None, f"({when})" if when else ""))
        detail_role = R.ENTRY_HEADER if degree_line(school) else R.DATE_LINE
        lines += [
            *entry_lines(
                (school.institution or None, R.ENTRY_START), (detail or None, detail_role)
            ),
            "",
        ]
    if facts.projects:
        lines += [*tag(R.HEADING, ["Projects"]), ""]
    for project in facts.projects:
        lines += [
            *entry_lines((project.name, R.ENTRY_START)),
            *(tag(R.PROSE, wrap(project.description, width)) if project.description else []),
        ]
        lines.append("")
    if facts.publications:
        lines += tag(R.HEADING, ["Publications"])
        lines += [*tag_each(R.ENTRY_START, [citation(item) for item in facts.publications]), ""]

    def footer(page: int, pages: int) -> list[str]:
        return ["", *tag(R.FURNITURE, [f"Page {page} of {pages}"]), ""]

    return paginate(lines, LINKEDIN_PAGE_LINES, lambda _p, _n: [], footer)


def europass_lines(facts: ResumeFacts, dates: DateStyle, width: int | None = None) -> list[str]:
    """A Europass CV as text: capital section labels, each entry led by its dates line, then
    the role, then "Organization, Place"; bullets as ▪; "Curriculum vitae  Name" page heads."""
    width = width or EUROPASS_WIDTH
    lines = _europass_head(facts, width)
    lines += _europass_jobs(facts, dates, width)
    lines += _europass_schools(facts, dates)
    lines += _europass_skills(facts, width)
    lines += _europass_additional(facts, width)
    return _europass_pages(lines, facts.person.name, width)


def _europass_head(facts: ResumeFacts, width: int) -> list[str]:
    """Personal information (name, address, contacts), the position sought, "About me"."""
    person = facts.person
    lines = [*tag(R.HEADING, ["PERSONAL INFORMATION"]), *present(person.name)]
    lines += tag(R.CONTACT, present(", ".join(present(person.street, person.location)) or None))
    lines += [*tag_each(R.CONTACT, contact_items(person)), ""]
    if person.label:
        lines += [*tag(R.HEADING, ["POSITION"]), person.label, ""]
    if person.summary:
        lines += [*tag(R.HEADING, ["ABOUT ME"]), *tag(R.PROSE, wrap(person.summary, width)), ""]
    return lines


def _europass_jobs(facts: ResumeFacts, dates: DateStyle, width: int) -> list[str]:
    """Each job: its dates line, the role, "Organization, Place", its text and ▪ bullets."""
    lines = [*tag(R.HEADING, ["WORK EXPERIENCE"]), ""] if facts.jobs else []
    for job in facts.jobs:
        lines += entry_lines(
            (dates.period(job.period) or None, R.DATE_LINE),
            (job.role or None, R.ENTRY_HEADER),
            (", ".join(present(job.organization, job.location)) or None, R.ENTRY_HEADER),
        )
        lines += tag(R.PROSE, wrap(job.summary, width)) if job.summary else []
        lines += [*_bullets(job.highlights, width, "▪ "), ""]
    return lines


def _europass_schools(facts: ResumeFacts, dates: DateStyle) -> list[str]:
    """Each school: its dates line, the degree, the institution."""
    lines = [*tag(R.HEADING, ["EDUCATION AND TRAINING"]), ""] if facts.schools else []
    for school in facts.schools:
        lines += entry_lines(
            (dates.period(school.period) or None, R.DATE_LINE),
            (degree_line(school) or None, R.ENTRY_HEADER),
            (school.institution or None, R.ENTRY_HEADER),
        )
        lines.append("")
    return lines


def _europass_skills(facts: ResumeFacts, width: int) -> list[str]:
    """Personal skills: the languages on one line, then the digital skills."""
    lines: list[str] = []
    if facts.skills or facts.languages:
        lines += [*tag(R.HEADING, ["PERSONAL SKILLS"]), ""]
    if facts.languages:
        lines += [*tag(R.HEADING, ["Languages"]), ", ".join(facts.languages), ""]
    if facts.skills:
        lines += tag(R.HEADING, ["Digital skills"])
        lines += [r for line in skill_lines(facts) for r in tag(R.OTHER, wrap(line, width))]
        lines.append("")
    return lines


def _europass_additional(facts: ResumeFacts, width: int) -> list[str]:
    """Additional information: one-line projects, ▪ publications, the other lists."""
    lines: list[str] = []
    if facts.projects or facts.publications:
        lines += [*tag(R.HEADING, ["ADDITIONAL INFORMATION"]), ""]
    if facts.projects:
        lines += tag(R.HEADING, ["Projects"])
        for project in facts.projects:
            text = ": ".join(present(project.name, project.description))
            lines += tag(R.ENTRY_START, wrap(text, width))
        lines.append("")
    if facts.publications:
        lines += tag(R.HEADING, ["Publications"])
        lines += _bullets([citation(p) for p in facts.publications], width, "▪ ")
    for heading, items in extras(facts):
        if heading != "Languages":
            lines += ["", *tag(R.HEADING, [heading]), *tag(R.OTHER, wrap(", ".join(items), width))]
    return lines


def _europass_pages(lines: list[str], name: str | None, width: int) -> list[str]:
    """The lines cut into pages, each with the "Curriculum vitae  Name" head and a numbered
    foot."""
    head = f"Curriculum vitae    {name}" if name else "Curriculum vitae"

    def header(_page: int, _pages: int) -> list[str]:
        return [*tag(R.FURNITURE, [head]), ""]

    def footer(page: int, pages: int) -> list[str]:
        feet = right_aligned("© European Union", f"Page {page} / {pages}", width)
        return ["", *tag(R.FURNITURE, [feet]), ""]

    return paginate(lines, EUROPASS_PAGE_LINES, header, footer)
