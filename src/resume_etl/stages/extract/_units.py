"""A unit named with its parent is one employer: "Vision Lab, Eastfield University".

Academic and public employers are often written as a unit and the body it belongs to, joined by
a comma or a spaced dash, in either order: "Quantum Optics Division (QOD), Marlow Institute",
"Tarrow Institute — Robotics Lab". The header cuts such a name at its comma or dash into two
segments, and the employer chosen from them is then only one half of what the page shows. When
the employer chosen sits right beside a name (not a title, not a place) on its line, and one of
the two is a unit by its head word (``_team.is_department``: "Lab", "Division", "Group"), the
two together are the employer, as written.

Only where the line says the name is the employer's: a line without the title (a markdown
heading, a company line, "Employer, City   2019 - 2022"), or the name after "at" on the title's
line ("Researcher at Vision Lab, Eastfield University"). Right after the title and a comma, a
unit is the title's department, and the body after it the employer ("Assistant Professor,
Department of Psychology, Eastfield University": ``tests/gold/README.md``), so it stays apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from resume_etl.stages.extract._pieces import HeaderSegment, SegmentKind, line_of
from resume_etl.stages.extract._team import is_department

_JOINT = re.compile(r"\s*,\s*|\s+[-–—]\s+")
"""What joins a unit and its parent: a comma or a spaced dash."""
_AT = re.compile(r"\s+at\s+|\s*@\s*")
_NAME_KINDS = frozenset({SegmentKind.ORGANIZATION, SegmentKind.UNKNOWN})
_TRAILING_ACRONYM = re.compile(r"\s*\([^()]{1,12}\)$")
"""A short name in brackets after a unit's name: "(QOD)" of "Quantum Optics Division (QOD)"."""


def _is_unit(text: str) -> bool:
    return is_department(_TRAILING_ACRONYM.sub("", text))


def _neighbour(
    segments: Sequence[HeaderSegment], text: str, chosen: HeaderSegment, before: bool
) -> HeaderSegment | None:
    """The name written right before (or after) ``chosen`` on its line, past a comma or a
    spaced dash, if any."""
    line = line_of(text, chosen.start)
    for found in segments:
        if found.kind not in _NAME_KINDS or line_of(text, found.start) != line:
            continue
        left, right = (found, chosen) if before else (chosen, found)
        if left.end <= right.start and _JOINT.fullmatch(text, left.end, right.start):
            return found
    return None


def _the_employers_line(text: str, organization: HeaderSegment, role: HeaderSegment | None) -> bool:
    """Whether the line says ``organization`` is the employer's name: the title is on another
    line, or "at" leads from the title to the name."""
    if role is None or line_of(text, role.start) != line_of(text, organization.start):
        return True
    return role.end <= organization.start and bool(
        _AT.fullmatch(text, role.end, organization.start)
    )


def with_its_unit(
    segments: Sequence[HeaderSegment],
    text: str,
    organization: HeaderSegment | None,
    role: HeaderSegment | None,
) -> HeaderSegment | None:
    """The employer joined with the unit or parent written beside it (see module); the
    employer unchanged when no such name stands beside it."""
    if organization is None:
        return None
    joined = organization
    for before in (True, False):
        found = _neighbour(segments, text, joined, before)
        if found is None or found.text[:1].islower():
            continue
        if not _the_employers_line(text, found if before else joined, role):
            continue
        if _is_unit(found.text) == _is_unit(joined.text) and not _is_unit(found.text):
            continue
        start, end = min(found.start, joined.start), max(found.end, joined.end)
        confidence = max(found.confidence, joined.confidence)
        joined = HeaderSegment(text[start:end], start, end, SegmentKind.ORGANIZATION, confidence)
    return joined
