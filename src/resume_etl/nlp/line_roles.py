"""The roles a line of a résumé plays in its layout: the labels of the line-role model.

One closed vocabulary shared by the renderers that print weak labels
(``evaluation/real/render``), the model's training (``training/line_roles.py``) and the
segmenter that consults it (``stages/layout``).
"""

from __future__ import annotations

from enum import StrEnum


class LineRole(StrEnum):
    """What one non-blank line is, read from how the page is laid out."""

    HEADING = "heading"
    """A section heading ("EXPERIENCE", "## Education", "Top Skills")."""
    ENTRY_START = "entry_start"
    """The first line of a job's, school's or project's header, whatever it holds."""
    ENTRY_HEADER = "entry_header"
    """A further header line: the role, the organization, the place."""
    DATE_LINE = "date_line"
    """A further header line that is the entry's period ("03/2021 - Present · Berlin")."""
    BULLET = "bullet"
    """The first line of a bullet item."""
    CONTINUATION = "continuation"
    """A hard-wrapped line that continues the line before it (a paragraph or a bullet)."""
    PROSE = "prose"
    """The first line of a paragraph of description or summary."""
    FURNITURE = "furniture"
    """Page furniture: running heads and feet, page numbers, a site's menu and footer."""
    CONTACT = "contact"
    """An e-mail, phone, link or address line of the person."""
    OTHER = "other"
    """Anything else: the name, a headline, skill lists, languages."""


BODY_ROLES = frozenset({LineRole.BULLET, LineRole.CONTINUATION, LineRole.PROSE})
"""Roles of the lines that make an entry's description and bullets."""
HEADER_ROLES = frozenset({LineRole.ENTRY_START, LineRole.ENTRY_HEADER, LineRole.DATE_LINE})
"""Roles of the lines that make an entry's header."""
