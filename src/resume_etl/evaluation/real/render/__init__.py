"""Renderers: a real ``resume.json`` written out as text in the layouts résumés come in.

Each :class:`Layout` is a name, a file suffix (the pipeline reads ``.md`` as markdown), a date
style and a function from facts to the printed lines; each line knows its role
(:meth:`Layout.tagged`, the weak labels the line-role model trains on). ``LAYOUTS`` lists them
in report order; ``POOLED_LAYOUTS`` leaves out ``oneline``, which is the ``pdf`` text again with
its line breaks collapsed: it is reported on its own, never pooled into the ``all`` figures
(it would count the same text twice) and never trained on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from resume_etl.evaluation.real.facts import ResumeFacts
from resume_etl.evaluation.real.render.dates import DateStyle
from resume_etl.evaluation.real.render.flowing import markdown_lines, plain_lines, website_lines
from resume_etl.evaluation.real.render.paged import europass_lines, linkedin_lines, pdf_lines
from resume_etl.evaluation.real.render.text import join_lines, tagged_lines
from resume_etl.nlp.line_roles import LineRole

LINKEDIN_TOP_SKILLS = 3
"""A LinkedIn export lists only the person's top three skills, so only those are gold."""


@dataclass(frozen=True, slots=True)
class Layout:
    """One way of writing a résumé as text."""

    name: str
    suffix: str
    dates: DateStyle
    write: Callable[[ResumeFacts, DateStyle, int | None], list[str]]
    top_skills: int | None = None
    """How many skills the layout prints (None: all of them)."""
    width: int | None = None
    """Columns a paged layout hard-wraps at (None: its usual width; flowing text never wraps)."""
    pooled: bool = True
    """Counted in the ``all`` figures and rendered for the line-role model's training; False
    for a layout that is another layout's text reshaped (``oneline``), measured on its own."""

    def lines(self, facts: ResumeFacts) -> list[str]:
        """The printed lines, each a ``text.RoleLine`` where the layout knows its role."""
        return self.write(facts, self.dates, self.width)

    def render(self, facts: ResumeFacts) -> str:
        return join_lines(self.lines(facts))

    def tagged(self, facts: ResumeFacts) -> list[tuple[str, LineRole]]:
        """The text's lines (blank ones included) with the role of each."""
        return tagged_lines(self.lines(facts))


def _linkedin(facts: ResumeFacts, dates: DateStyle, width: int | None) -> list[str]:
    return linkedin_lines(facts, dates, LINKEDIN_TOP_SKILLS, width)


ONELINE_GAP = "  "
"""What each line break of the ``oneline`` layout becomes: two spaces, as in the job-board
texts of the dotin set (a blank line becomes four)."""


def oneline_lines(facts: ResumeFacts, dates: DateStyle, width: int | None) -> list[str]:
    """The ``pdf`` layout's text as one line: every line break replaced by two spaces, the way
    a text extracted without its line breaks arrives (dotin's real texts are all like this).
    The words, and so the gold, are the pdf rendering's."""
    text = join_lines(pdf_lines(facts, dates, width))
    return [text.rstrip("\n").replace("\n", ONELINE_GAP)]


_PDF_DATES = DateStyle("numeric", dash=" - ")

LAYOUTS: tuple[Layout, ...] = (
    Layout("markdown", ".md", DateStyle("short"), markdown_lines),
    Layout("pdf", ".txt", _PDF_DATES, pdf_lines),
    Layout(
        "linkedin",
        ".txt",
        DateStyle("long", dash=" - "),
        _linkedin,
        top_skills=LINKEDIN_TOP_SKILLS,
    ),
    Layout("website", ".txt", DateStyle("iso", ongoing="now", dash=" — "), website_lines),
    Layout("europass", ".txt", DateStyle("numeric", ongoing="present"), europass_lines),
    Layout("plain", ".txt", DateStyle("year", ongoing="now", since=True), plain_lines),
    Layout("oneline", ".txt", _PDF_DATES, oneline_lines, pooled=False),
)
LAYOUT_NAMES: tuple[str, ...] = tuple(layout.name for layout in LAYOUTS)
POOLED_LAYOUTS: tuple[Layout, ...] = tuple(layout for layout in LAYOUTS if layout.pooled)
"""The layouts the ``all`` figures pool and the line-role model is trained on."""


def layout_named(name: str) -> Layout:
    """The layout called ``name``; ValueError names the ones there are."""
    for layout in LAYOUTS:
        if layout.name == name:
            return layout
    raise ValueError(f"unknown layout {name!r}; choose from {', '.join(LAYOUT_NAMES)}")


__all__ = ["LAYOUTS", "LAYOUT_NAMES", "POOLED_LAYOUTS", "Layout", "layout_named"]
