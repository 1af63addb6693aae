"""A unit written before the title is part of the position: "Contract Administration, BI Engineer".

A position may name the unit a title belongs to first, then the title, on one line and parted by
a comma ("Contract Administration, Business Intelligence Engineer", "Payments Team, Tech Lead").
Cut at the comma, the unit reads as a name ("Administration" is an organization word), and the
title alone was kept while the unit fell away, although it is what the person wrote as their
position. It is the position's first part, not an employer, when three things say so at once:
the header names its employer elsewhere, the unit sits in a slot where the section's other jobs
write their titles, and the title follows it right after the comma. A unit written *after* the
title stays out of the role (the gold convention, ``tests/gold/README.md``; ``_team``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from resume_etl.stages.extract._pieces import HeaderSegment, SegmentKind
from resume_etl.stages.extract._slots import Slot, SlotFrame, slot_of

_UNIT_GAP = re.compile(r"[ \t]*,[ \t]*")
_UNIT_KINDS = frozenset({SegmentKind.ORGANIZATION, SegmentKind.UNKNOWN})


def with_unit_before_title(
    segments: Sequence[HeaderSegment],
    organization: HeaderSegment | None,
    role: HeaderSegment | None,
    where: tuple[SlotFrame, Mapping[Slot, SegmentKind]] | None,
) -> tuple[HeaderSegment | None, HeaderSegment | None]:
    """The employer and the role, the role reaching back over the unit written right before
    it (see module). A unit a lexicon is sure of may have been taken for the employer over a
    name no rule knows ("Quillmark"): then that other name is the employer. Both as given
    when there is no such unit, no other name, or no slots to place it by (``where`` is None
    for an undated entry)."""
    if role is None or where is None:
        return organization, role
    frame, slots = where
    unit = _unit_before(segments, role, frame)
    if (
        unit is None
        or slots.get(slot_of(segments, frame, unit) or _NO_SLOT) is not SegmentKind.ROLE
    ):
        return organization, role
    if organization is None or _same(organization, unit):
        other = _other_name(segments, unit, role, where)
        if other is None:
            return organization, role
        organization = other
    position = HeaderSegment(
        frame.text[unit.start : role.end], unit.start, role.end, SegmentKind.ROLE, role.confidence
    )
    return organization, position


_NO_SLOT = (0, -1)


def _unit_before(
    segments: Sequence[HeaderSegment], role: HeaderSegment, frame: SlotFrame
) -> HeaderSegment | None:
    """The name written right before the title, past a comma, on its line."""
    text = frame.text
    unit = next(
        (
            s
            for s in segments
            if s.end <= role.start and _UNIT_GAP.fullmatch(text, s.end, role.start)
        ),
        None,
    )
    if unit is None or unit.kind not in _UNIT_KINDS or not unit.text[:1].isupper():
        return None
    return unit


def _other_name(
    segments: Sequence[HeaderSegment],
    unit: HeaderSegment,
    role: HeaderSegment,
    where: tuple[SlotFrame, Mapping[Slot, SegmentKind]],
) -> HeaderSegment | None:
    """The employer besides the unit: a name in a slot where the section writes employers
    ("Quillmark" above "Unit, Title"), else a name after the title ("Unit, Title, Quillmark")."""
    frame, slots = where
    names = [s for s in segments if s.kind in _UNIT_KINDS and not _same(s, unit)]
    in_slot = [
        s
        for s in names
        if slots.get(slot_of(segments, frame, s) or _NO_SLOT) is SegmentKind.ORGANIZATION
    ]
    after = [s for s in names if s.start >= role.end]
    found = in_slot or after
    return _as_employer(found[0]) if found else None


def _same(segment: HeaderSegment, other: HeaderSegment) -> bool:
    return (segment.start, segment.end) == (other.start, other.end)


def _as_employer(segment: HeaderSegment) -> HeaderSegment:
    return HeaderSegment(
        segment.text, segment.start, segment.end, SegmentKind.ORGANIZATION, segment.confidence
    )
