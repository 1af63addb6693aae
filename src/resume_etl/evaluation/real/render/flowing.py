"""Layouts of text that flows without pages: markdown, a personal website's text, plain text.

Each function returns the document text; the dates are written in the style it is given, so
the gold (``expected.py``) knows the precision the text states.
"""

from __future__ import annotations

from resume_etl.evaluation.real.facts import ResumeFacts
from resume_etl.evaluation.real.render.dates import DateStyle
from resume_etl.evaluation.real.render.parts import (
    citation,
    contact_items,
    degree_line,
    extras,
    present,
    skill_lines,
)
from resume_etl.evaluation.real.render.text import join_lines


def render_markdown(facts: ResumeFacts, dates: DateStyle) -> str:
    """A README-style résumé: ``#`` name, ``##`` sections, ``###`` entries, ``-`` bullets."""
    person = facts.person
    lines = [f"# {person.name}" if person.name else "# Résumé", ""]
    if person.label:
        lines += [f"**{person.label}**", ""]
    lines += [" · ".join(present(person.location, *contact_items(person))), ""]
    if person.summary:
        lines += ["## Summary", "", person.summary, ""]
    if facts.jobs:
        lines += ["## Experience", ""]
    for job in facts.jobs:
        lines.append(f"### {job.organization or job.role}")
        meta = present(
            f"**{job.role}**" if job.role and job.organization else None,
            f"*{dates.period(job.period)}*" if dates.period(job.period) else None,
            job.location,
        )
        lines += [" | ".join(meta), ""]
        if job.summary:
            lines += [job.summary, ""]
        lines += [f"- {item}" for item in job.highlights] + [""]
    if facts.schools:
        lines += ["## Education", ""]
    for school in facts.schools:
        lines.append(f"### {school.institution or degree_line(school)}")
        detail = present(
            degree_line(school, ", ") if school.institution else None,
            f"*{dates.period(school.period)}*" if dates.period(school.period) else None,
        )
        lines += [" · ".join(detail), ""]
    if facts.projects:
        lines += ["## Projects", ""]
    for project in facts.projects:
        lines += [f"### {project.name}", ""]
        lines += present(project.description)
        lines += [f"- {item}" for item in project.highlights] + [""]
    if facts.publications:
        lines += ["## Publications", ""]
        lines += [f"- {citation(item)}" for item in facts.publications] + [""]
    if facts.skills:
        lines += ["## Skills", ""] + [f"- {line}" for line in skill_lines(facts)] + [""]
    for heading, items in extras(facts):
        lines += [f"## {heading}", "", ", ".join(items), ""]
    return join_lines(lines)


def render_website(facts: ResumeFacts, dates: DateStyle) -> str:
    """Text copied from a personal site: a menu, long unwrapped lines, lists without bullet
    marks, "Role at Organization" entries and a footer that repeats the name."""
    person = facts.person
    lines = [person.name or "Home", "Home    About    Resume    Projects    Contact", ""]
    lines += ["About", " · ".join(present(person.label, person.location))]
    lines += [*present(person.summary), ""]
    if facts.jobs:
        lines += ["Experience", ""]
    for job in facts.jobs:
        title = " at ".join(present(job.role, job.organization))
        lines += [title, " · ".join(present(dates.period(job.period) or None, job.location))]
        lines += present(job.summary) + job.highlights + [""]
    if facts.schools:
        lines += ["Education", ""]
    for school in facts.schools:
        lines += present(degree_line(school) or None, school.institution)
        lines += [*present(dates.period(school.period) or None), ""]
    if facts.projects:
        lines += ["Projects", ""]
    for project in facts.projects:
        lines += [project.name, *present(project.description), *project.highlights, ""]
    if facts.publications:
        lines += ["Publications", ""]
    for item in facts.publications:
        venue = ", ".join(present(item.venue, str(item.year) if item.year else None))
        lines += [item.title, *present(venue or None), ""]
    if facts.skills:
        lines += ["Skills", ""]
    for group in facts.skills:
        if group.keywords:
            lines += [*present(group.name), "  ·  ".join(group.keywords), ""]
        elif group.name:
            lines.append(group.name)
    if facts.languages:
        lines += ["", "Languages", "  ·  ".join(facts.languages)]
    lines += ["", "Contact", *contact_items(person), ""]
    lines.append(f"© 2025 {person.name}" if person.name else "© 2025")
    return join_lines(lines)


def render_plain(facts: ResumeFacts, dates: DateStyle) -> str:
    """One plain column: "Role, Organization (since 2019)" entry lines, years only, dashes
    for bullets, headings in sentence case."""
    person = facts.person
    lines = present(person.name, person.label)
    lines += [" · ".join(present(person.location, *contact_items(person))), ""]
    if person.summary:
        lines += ["Profile", person.summary, ""]
    if facts.jobs:
        lines += ["Work experience", ""]
    for job in facts.jobs:
        when = dates.period(job.period)
        head = ", ".join(present(job.role, job.organization))
        lines.append(f"{head} ({when})" if when else head)
        lines += present(job.location, job.summary)
        lines += [f"- {item}" for item in job.highlights] + [""]
    if facts.schools:
        lines += ["Education", ""]
    for school in facts.schools:
        when = dates.period(school.period)
        head = ", ".join(present(degree_line(school) or None, school.institution))
        lines += [f"{head} ({when})" if when else head, ""]
    if facts.projects:
        lines += ["Projects", ""]
    for project in facts.projects:
        lines.append(": ".join(present(f"- {project.name}", project.description)))
    if facts.publications:
        lines += ["", "Publications", ""]
        lines += [f"- {citation(item, ', ')}" for item in facts.publications]
    if facts.skills:
        lines += ["", "Skills", *skill_lines(facts)]
    for heading, items in extras(facts):
        lines += ["", f"{heading}: {', '.join(items)}"]
    return join_lines(lines)
