"""Pieces every layout prints the same way: what a contact block holds, degree lines, lists."""

from __future__ import annotations

from collections.abc import Iterable

from resume_etl.evaluation.real.facts import Person, Publication, ResumeFacts, School


def present(*parts: str | None) -> list[str]:
    """The parts that are there, in order."""
    return [part for part in parts if part]


def contact_items(person: Person) -> list[str]:
    """E-mail, phone and links, in the order a header lists them."""
    return present(person.email, person.phone, person.url, *person.profiles)


def degree_line(school: School, joiner: str = " in ") -> str:
    """ "Degree in Field", or whichever of the two the file gives."""
    if school.degree and school.field:
        return f"{school.degree}{joiner}{school.field}"
    return school.degree or school.field or ""


def citation(publication: Publication, sep: str = ". ") -> str:
    """ "Title. Venue, 2020." with whatever the file gives."""
    tail = ", ".join(present(publication.venue, str(publication.year or "") or None))
    return f"{publication.title}{sep}{tail}." if tail else f"{publication.title}."


def skill_lines(facts: ResumeFacts, sep: str = ": ", joiner: str = ", ") -> list[str]:
    """One line per skills group: "Group: a, b, c"; a bare skill is a line of its own."""
    lines = []
    for group in facts.skills:
        if group.keywords:
            head = f"{group.name}{sep}" if group.name else ""
            lines.append(head + joiner.join(group.keywords))
        elif group.name:
            lines.append(group.name)
    return lines


def extras(facts: ResumeFacts) -> Iterable[tuple[str, list[str]]]:
    """Sections no gold field scores (languages, interests, awards), there as real noise."""
    for heading, items in (
        ("Languages", facts.languages),
        ("Awards", facts.awards),
        ("Interests", facts.interests),
    ):
        if items:
            yield heading, items
