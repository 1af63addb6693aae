"""What each header slot holds across one section: the layout's own evidence for a field.

A résumé writes every job the same way: if the first header line names the employer in the
jobs where a lexicon can tell ("Harbor Communication Services"), it names the employer in the
jobs where none can ("Brindle"), whatever the NER thinks of the word. A *slot* is a segment's
place in its entry's header: its line's offset from the line holding the entry's dates, and its
ordinal on that line. The segments a rule is
sure of vote for their slot's kind; a segment no rule is sure of takes its slot's kind when
its entry lacks that field.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from resume_etl.stages.extract._header import HeaderSegment, SegmentKind, line_of

Slot = tuple[int, int]
"""(line offset from the entry's dates line, segment ordinal on that line)."""


@dataclass(frozen=True, slots=True)
class SlotFrame:
    """Where an entry's slots are counted from: the document's text and the line holding
    the entry's dates, the one line every layout's job has and the parser finds surely
    (lines above it that a page break or a wrapped paragraph left there do not shift the
    employer's and the title's slots below it)."""

    text: str
    anchor: int


HEADER_REACH = 2
"""How many lines from its dates line a job's employer, title and place are written, in every
layout seen (a LinkedIn company two lines above, a Europass employer two lines below); a line
further away is the body, or a page's head or foot, and has no slot."""
SURE = 0.8
"""Least confidence of a segment that votes: a lexicon head, a label, a city-and-region."""
_VOTING_KINDS = frozenset({SegmentKind.ORGANIZATION, SegmentKind.ROLE, SegmentKind.LOCATION})
_RELABELLED_KINDS = frozenset(
    {SegmentKind.UNKNOWN, SegmentKind.ORGANIZATION, SegmentKind.LOCATION, SegmentKind.ROLE}
)


def slotted(
    segments: Sequence[HeaderSegment], frame: SlotFrame
) -> list[tuple[Slot, HeaderSegment]]:
    """Each segment near the dates line with its slot, in header order."""
    on_line: Counter[int] = Counter()
    found = []
    for segment in sorted(segments, key=lambda s: s.start):
        line = line_of(frame.text, segment.start) - frame.anchor
        if abs(line) > HEADER_REACH:
            continue
        found.append(((line, on_line[line]), segment))
        on_line[line] += 1
    return found


def slot_kinds(
    entries: Iterable[tuple[Sequence[HeaderSegment], SlotFrame]],
) -> dict[Slot, SegmentKind]:
    """The kind each slot holds in a section: the kind its sure segments vote for, when it
    has more votes than every other kind together."""
    votes: dict[Slot, Counter[SegmentKind]] = {}
    for segments, frame in entries:
        for slot, segment in slotted(segments, frame):
            if segment.kind in _VOTING_KINDS and segment.confidence >= SURE:
                votes.setdefault(slot, Counter())[segment.kind] += 1
    kinds = {}
    for slot, counted in votes.items():
        (kind, count), *_ = counted.most_common(1)
        if count > sum(counted.values()) - count:
            kinds[slot] = kind
    return kinds


def by_slot(
    segments: Sequence[HeaderSegment],
    frame: SlotFrame,
    kinds: Mapping[Slot, SegmentKind],
    wanted: SegmentKind,
    taken: Sequence[HeaderSegment | None] = (),
) -> HeaderSegment | None:
    """The first segment no rule is sure of that sits in a slot holding ``wanted``, as that
    kind; None when there is none (``taken`` segments are already another field's)."""
    for slot, segment in slotted(segments, frame):
        if kinds.get(slot) is not wanted or segment.confidence >= SURE:
            continue
        if segment.kind not in _RELABELLED_KINDS or any(
            t is not None and (t.start, t.end) == (segment.start, segment.end) for t in taken
        ):
            continue
        return HeaderSegment(segment.text, segment.start, segment.end, wanted, 0.7)
    return None


def slot_of(
    segments: Sequence[HeaderSegment], frame: SlotFrame, segment: HeaderSegment
) -> Slot | None:
    """The slot ``segment`` sits in, if it is near the dates line."""
    return next(
        (
            slot
            for slot, found in slotted(segments, frame)
            if (found.start, found.end) == (segment.start, segment.end)
        ),
        None,
    )


def unsure_in_slot_of(
    segments: Sequence[HeaderSegment],
    frame: SlotFrame,
    kinds: Mapping[Slot, SegmentKind],
    segment: HeaderSegment | None,
    wanted: SegmentKind,
) -> bool:
    """Whether ``segment`` is one no rule is sure of ("Delivery Desk PMO", an organization to
    the NER alone) sitting in a slot that holds ``wanted`` in its section."""
    if segment is None or segment.confidence >= SURE:
        return False
    where = slot_of(segments, frame, segment)
    return where is not None and kinds.get(where) is wanted
