"""Renderers: a real ``resume.json`` written out as text in the layouts résumés come in.

Each :class:`Layout` is a name, a file suffix (the pipeline reads ``.md`` as markdown), a date
style and a function from facts to text. ``LAYOUTS`` lists them in report order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from resume_etl.evaluation.real.facts import ResumeFacts
from resume_etl.evaluation.real.render.dates import DateStyle
from resume_etl.evaluation.real.render.flowing import (
    render_markdown,
    render_plain,
    render_website,
)
from resume_etl.evaluation.real.render.paged import render_europass, render_linkedin, render_pdf

LINKEDIN_TOP_SKILLS = 3
"""A LinkedIn export lists only the person's top three skills, so only those are gold."""


@dataclass(frozen=True, slots=True)
class Layout:
    """One way of writing a résumé as text."""

    name: str
    suffix: str
    dates: DateStyle
    write: Callable[[ResumeFacts, DateStyle], str]
    top_skills: int | None = None
    """How many skills the layout prints (None: all of them)."""

    def render(self, facts: ResumeFacts) -> str:
        return self.write(facts, self.dates)


def _linkedin(facts: ResumeFacts, dates: DateStyle) -> str:
    return render_linkedin(facts, dates, LINKEDIN_TOP_SKILLS)


LAYOUTS: tuple[Layout, ...] = (
    Layout("markdown", ".md", DateStyle("short"), render_markdown),
    Layout("pdf", ".txt", DateStyle("numeric", dash=" - "), render_pdf),
    Layout(
        "linkedin",
        ".txt",
        DateStyle("long", dash=" - "),
        _linkedin,
        top_skills=LINKEDIN_TOP_SKILLS,
    ),
    Layout("website", ".txt", DateStyle("iso", ongoing="now", dash=" — "), render_website),
    Layout("europass", ".txt", DateStyle("numeric", ongoing="present"), render_europass),
    Layout("plain", ".txt", DateStyle("year", ongoing="now", since=True), render_plain),
)
LAYOUT_NAMES: tuple[str, ...] = tuple(layout.name for layout in LAYOUTS)


def layout_named(name: str) -> Layout:
    """The layout called ``name``; ValueError names the ones there are."""
    for layout in LAYOUTS:
        if layout.name == name:
            return layout
    raise ValueError(f"unknown layout {name!r}; choose from {', '.join(LAYOUT_NAMES)}")


__all__ = ["LAYOUTS", "LAYOUT_NAMES", "Layout", "layout_named"]
