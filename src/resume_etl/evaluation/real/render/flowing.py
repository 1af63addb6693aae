"""Layouts of text that flows without pages: markdown, a personal website's text, plain text.

Each function returns the document's lines, each with its role (``text.RoleLine``); the dates
are written in the style it is given, so the gold (``expected.py``) knows the precision the
text states.
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
from resume_etl.evaluation.real.render.text import entry_lines, tag, tag_each
from resume_etl.nlp.line_roles import LineRole as R


def markdown_lines(facts: ResumeFacts, dates: DateStyle, _width: int | None = None) -> list[str]:
    """A README-style résumé: ``#`` name, ``##`` sections, ``###`` entries, ``-`` bullets."""
    person = facts.person
    lines = [f"# {person.name}" if person.name else "# Résumé", ""]
    if person.label:
        lines += [f"**{person.label}**", ""]
    lines += [*tag(R.CONTACT, [" · ".join(present(person.location, *contact_items(person)))]), ""]
    if person.summary:
        lines += [*tag(R.HEADING, ["## Summary"]), "", *tag(R.PROSE, [person.summary]), ""]
    if facts.jobs:
        lines += [*tag(R.HEADING, ["## Experience"]), ""]
    for job in facts.jobs:
        meta = present(
            f"**{job.role}**" if job.role and job.organization else None,
            dates.emphasized(dates.period(job.period)) or None,
            job.location,
        )
        meta_role = R.ENTRY_HEADER if job.role and job.organization else R.DATE_LINE
        lines += entry_lines(
            (f"### {job.organization or job.role}", R.ENTRY_START), (" | ".join(meta), meta_role)
        )
        lines.append("")
        if job.summary:
            lines += [*tag(R.PROSE, [job.summary]), ""]
        lines += [*tag_each(R.BULLET, [f"- {item}" for item in job.highlights]), ""]
    if facts.schools:
        lines += [*tag(R.HEADING, ["## Education"]), ""]
    for school in facts.schools:
        detail = present(
            degree_line(school, ", ") if school.institution else None,
            dates.emphasized(dates.period(school.period)) or None,
        )
        detail_role = R.ENTRY_HEADER if school.institution and degree_line(school) else R.DATE_LINE
        lines += entry_lines(
            (f"### {school.institution or degree_line(school)}", R.ENTRY_START),
            (" · ".join(detail), detail_role),
        )
        lines.append("")
    if facts.projects:
        lines += [*tag(R.HEADING, ["## Projects"]), ""]
    for project in facts.projects:
        lines += [*entry_lines((f"### {project.name}", R.ENTRY_START)), ""]
        lines += tag(R.PROSE, present(project.description))
        lines += [*tag_each(R.BULLET, [f"- {item}" for item in project.highlights]), ""]
    if facts.publications:
        lines += [*tag(R.HEADING, ["## Publications"]), ""]
        lines += [*tag_each(R.BULLET, [f"- {citation(item)}" for item in facts.publications]), ""]
    if facts.skills:
        lines += [*tag(R.HEADING, ["## Skills"]), ""]
        lines += [*tag_each(R.BULLET, [f"- {line}" for line in skill_lines(facts)]), ""]
    for heading, items in extras(facts):
        lines += [*tag(R.HEADING, [f"## {heading}"]), "", ", ".join(items), ""]
    return lines


def website_lines(facts: ResumeFacts, dates: DateStyle, _width: int | None = None) -> list[str]:
    """Text copied from a personal site: a menu, long unwrapped lines, lists without bullet
    marks, "Role at Organization" entries and a footer that repeats the name."""
    lines = _website_head(facts)
    lines += _website_jobs(facts, dates)
    lines += _website_schools(facts, dates)
    lines += _website_projects(facts)
    lines += _website_publications(facts)
    lines += _website_skills(facts)
    return lines + _website_foot(facts)


def _website_head(facts: ResumeFacts) -> list[str]:
    """The site's name, its menu, and an "About" block with title, place and summary."""
    person = facts.person
    lines = [
        person.name or "Home",
        *tag(R.FURNITURE, ["Home    About    Resume    Projects    Contact"]),
        "",
    ]
    lines += [*tag(R.HEADING, ["About"]), " · ".join(present(person.label, person.location))]
    return [*lines, *tag(R.PROSE, present(person.summary)), ""]


def _website_jobs(facts: ResumeFacts, dates: DateStyle) -> list[str]:
    """Each job: "Role at Organization", "dates · place", its text and unmarked bullets."""
    lines = [*tag(R.HEADING, ["Experience"]), ""] if facts.jobs else []
    for job in facts.jobs:
        title = " at ".join(present(job.role, job.organization))
        when = dates.period(job.period)
        lines += entry_lines(
            (title, R.ENTRY_START),
            (
                " · ".join(present(when or None, job.location)),
                R.DATE_LINE if when else R.ENTRY_HEADER,
            ),
        )
        lines += tag(R.PROSE, present(job.summary)) + tag_each(R.BULLET, job.highlights) + [""]
    return lines


def _website_schools(facts: ResumeFacts, dates: DateStyle) -> list[str]:
    """Each school: the degree, the institution, the dates (or the dates, then the
    institution: ``DateStyle.period_second``)."""
    lines = [*tag(R.HEADING, ["Education"]), ""] if facts.schools else []
    for school in facts.schools:
        place = (school.institution or None, R.ENTRY_HEADER)
        period = (dates.period(school.period) or None, R.DATE_LINE)
        lines += entry_lines(
            (degree_line(school) or None, R.ENTRY_START),
            *((period, place) if dates.period_second else (place, period)),
        )
        lines += [""]
    return lines


def _website_projects(facts: ResumeFacts) -> list[str]:
    """Each project: its name, its description, unmarked bullets."""
    lines = [*tag(R.HEADING, ["Projects"]), ""] if facts.projects else []
    for project in facts.projects:
        lines += entry_lines((project.name, R.ENTRY_START))
        lines += [
            *tag(R.PROSE, present(project.description)),
            *tag_each(R.BULLET, project.highlights),
            "",
        ]
    return lines


def _website_publications(facts: ResumeFacts) -> list[str]:
    """Each publication: its title, then "venue, year"."""
    lines = [*tag(R.HEADING, ["Publications"]), ""] if facts.publications else []
    for item in facts.publications:
        venue = ", ".join(present(item.venue, str(item.year) if item.year else None))
        lines += [*entry_lines((item.title, R.ENTRY_START), (venue or None, R.ENTRY_HEADER)), ""]
    return lines


def _website_skills(facts: ResumeFacts) -> list[str]:
    """Skill groups (a name, then its keywords set off by dots) and the languages."""
    lines = [*tag(R.HEADING, ["Skills"]), ""] if facts.skills else []
    for group in facts.skills:
        if group.keywords:
            lines += [*present(group.name), "  ·  ".join(group.keywords), ""]
        elif group.name:
            lines.append(group.name)
    if facts.languages:
        lines += [
            "",
            *tag(R.HEADING, ["Languages"]),
            *tag(R.OTHER, ["  ·  ".join(facts.languages)]),
        ]
    return lines


def _website_foot(facts: ResumeFacts) -> list[str]:
    """The contact block and a copyright footer that repeats the name."""
    person = facts.person
    lines = ["", *tag(R.HEADING, ["Contact"]), *tag_each(R.CONTACT, contact_items(person)), ""]
    return lines + tag(R.FURNITURE, [f"© 2025 {person.name}" if person.name else "© 2025"])


def plain_lines(facts: ResumeFacts, dates: DateStyle, _width: int | None = None) -> list[str]:
    """One plain column: "Role, Organization (since 2019)" entry lines, years only, dashes
    for bullets, headings in sentence case."""
    person = facts.person
    lines = present(person.name, person.label)
    lines += [*tag(R.CONTACT, [" · ".join(present(person.location, *contact_items(person)))]), ""]
    if person.summary:
        lines += [*tag(R.HEADING, ["Profile"]), *tag(R.PROSE, [person.summary]), ""]
    if facts.jobs:
        lines += [*tag(R.HEADING, ["Work experience"]), ""]
    for job in facts.jobs:
        when = dates.period(job.period)
        head = ", ".join(present(job.role, job.organization))
        lines += entry_lines((f"{head} ({when})" if when else head, R.ENTRY_START))
        lines += tag(R.ENTRY_HEADER, present(job.location)) + tag(R.PROSE, present(job.summary))
        lines += [*tag_each(R.BULLET, [f"- {item}" for item in job.highlights]), ""]
    if facts.schools:
        lines += [*tag(R.HEADING, ["Education"]), ""]
    for school in facts.schools:
        when = dates.period(school.period)
        head = ", ".join(present(degree_line(school) or None, school.institution))
        lines += [*entry_lines((f"{head} ({when})" if when else head, R.ENTRY_START)), ""]
    if facts.projects:
        lines += [*tag(R.HEADING, ["Projects"]), ""]
    for project in facts.projects:
        lines += entry_lines(
            (": ".join(present(f"- {project.name}", project.description)), R.ENTRY_START)
        )
    if facts.publications:
        lines += ["", *tag(R.HEADING, ["Publications"]), ""]
        lines += tag_each(R.BULLET, [f"- {citation(item, ', ')}" for item in facts.publications])
    if facts.skills:
        lines += ["", *tag(R.HEADING, ["Skills"]), *skill_lines(facts)]
    for heading, items in extras(facts):
        lines += ["", f"{heading}: {', '.join(items)}"]
    return lines
