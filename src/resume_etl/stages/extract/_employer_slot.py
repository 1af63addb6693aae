"""The employer slot decides for a name another lexicon claims.

``_slots`` learns from a section's jobs which header slot holds the employer. A name that
another lexicon claims sits in that slot as a title or an employment type: "GP (Gartenbau
Planung)" (its "GP" is a title head, but the name goes on after it) or "Freelance" (an
employment type), alone on its line but for a place, while the job's title stands on another
line. With no employer found otherwise, that name is the employer: a job has one title, and
the layout says where its employer is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from resume_etl.nlp import labels
from resume_etl.stages.extract._header import HeaderSegment, SegmentKind, line_of
from resume_etl.stages.extract._slots import Slot, SlotFrame, slotted
from resume_etl.stages.extract._spans import SpanIndex

_NAMED_KINDS = frozenset(
    {SegmentKind.UNKNOWN, SegmentKind.ORGANIZATION, SegmentKind.LOCATION, SegmentKind.ROLE}
)
_CLAIMED_KINDS = frozenset({SegmentKind.ROLE, SegmentKind.EMPLOYMENT_TYPE})


def _same(segment: HeaderSegment, other: HeaderSegment | None) -> bool:
    return other is not None and (segment.start, segment.end) == (other.start, other.end)


def _employer_slots(slots: Mapping[Slot, SegmentKind]) -> set[Slot]:
    return {slot for slot, kind in slots.items() if kind is SegmentKind.ORGANIZATION}


def _as_employer(segment: HeaderSegment) -> HeaderSegment:
    return HeaderSegment(segment.text, segment.start, segment.end, SegmentKind.ORGANIZATION, 0.7)


def employer_by_slot(
    spans: SpanIndex,
    segments: Sequence[HeaderSegment],
    frame: SlotFrame,
    slots: Mapping[Slot, SegmentKind],
    organization: HeaderSegment | None,
    role: HeaderSegment | None,
) -> HeaderSegment | None:
    """The employer, given the one the rules chose and the section's slots (see module)."""
    holding = _employer_slots(slots)
    if organization is not None or role is None or not holding:
        return organization
    in_slot = [
        found
        for slot, found in slotted(segments, frame)
        if slot in holding and not _same(found, role)
    ]
    claimed = [
        found
        for found in in_slot
        if _claimed_name(found, segments, frame, role) and not _ends_in_title(spans, found)
    ]
    return _as_employer(claimed[0]) if claimed else None


def _claimed_name(
    found: HeaderSegment,
    segments: Sequence[HeaderSegment],
    frame: SlotFrame,
    role: HeaderSegment,
) -> bool:
    """A title or an employment type alone on its line but for a place, in the employers' slot of
    a job whose title is on another line: its name. A bracketed employment type ("(Contract
    Position)") says what the job was, never who."""
    if found.kind not in _CLAIMED_KINDS or found.text.startswith("("):
        return False
    line = line_of(frame.text, found.start)
    if line == line_of(frame.text, role.start):
        return False
    beside = [
        other
        for other in segments
        if other.kind in _NAMED_KINDS - {SegmentKind.LOCATION}
        and not _same(other, found)
        and line_of(frame.text, other.start) == line
    ]
    return not beside


def _ends_in_title(spans: SpanIndex, segment: HeaderSegment) -> bool:
    """A phrase that ends in a title head is a title ("Senior Marketing Manager"); a title
    head inside a name goes on with the name ("GP (Gerber Partner)")."""
    if segment.kind is not SegmentKind.ROLE:
        return False
    heads = spans.within(labels.TITLE_HEADS, segment.start, segment.end)
    return not heads or heads[-1].end_char >= segment.end
