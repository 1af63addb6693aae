"""The résumé-tuned entity recognizer names the employer the rules were only guessing.

The rules pick a job's employer among its header pieces by lexicons, shapes and the section's
slots. When the piece they pick is a guess (the slot's or the recognizer's, no lexicon's) in
which the recognizer reads no organization at all, while exactly one other piece of the header
is one organization from edge to edge ("Quorra pizza" beside a season word left in the
employers' slot; "Eastvale Elementary" under a page's running head), that piece is the
employer. Only the résumé-tuned recognizer (``nlp/entity_model.py``) has this say: it reads
employers and schools as ORG and titles as no entity, where the general one reads "Software"
of "Software Engineer" as an organization (with it, the same step loses jobs on every
rendered layout of the dev half; docs/entities.md).
"""

from __future__ import annotations

from collections.abc import Sequence

from resume_etl.stages.extract._segments import HeaderSegment, SegmentKind
from resume_etl.stages.extract._slots import SURE
from resume_etl.stages.extract._spans import SpanIndex

NAMED_SHARE = 0.8
"""Least share of a piece one ORG entity must cover for the piece to be that organization."""
NAMEABLE = frozenset(
    {SegmentKind.UNKNOWN, SegmentKind.ORGANIZATION, SegmentKind.LOCATION, SegmentKind.ROLE}
)
"""Kinds of piece the recognizer may name an employer: not a degree, a date or a sentence."""
_ORG = "ORG"


def _same(segment: HeaderSegment, other: HeaderSegment | None) -> bool:
    return other is not None and (segment.start, segment.end) == (other.start, other.end)


def named_organization(spans: SpanIndex, segment: HeaderSegment) -> bool:
    """Whether one ORG entity inside the piece covers most of it."""
    width = segment.end - segment.start
    return any(
        entity.end_char - entity.start_char >= NAMED_SHARE * width
        for entity in spans.entities(segment.start, segment.end, {_ORG})
    )


def _touches_organization(spans: SpanIndex, segment: HeaderSegment) -> bool:
    """Whether an ORG entity overlaps the piece at all (inside it, or read across its edge)."""
    return any(
        entity.label_ == _ORG
        and entity.start_char < segment.end
        and entity.end_char > segment.start
        for entity in spans.ents
    )


def employer_by_entities(
    spans: SpanIndex,
    segments: Sequence[HeaderSegment],
    organization: HeaderSegment | None,
    role: HeaderSegment | None,
) -> tuple[HeaderSegment | None, HeaderSegment | None]:
    """Employer and title, the employer replaced by the one piece the recognizer names.

    Only with the résumé-tuned recognizer, only where the rules' employer is missing or a guess
    holding no ORG at all, and only when exactly one other piece is one organization: two are a
    unit and its parent, or a list of clients, where the recognizer cannot say which employs. A
    title that is itself a guess may be that piece ("Brindle Cruise Lines" in the titles'
    slot); a title a lexicon's head word named may not, nor a place a rule is sure of ("Hybrid,
    Germany": a work mode and a country, whatever the recognizer reads)."""
    if not spans.tuned_entities or (
        organization is not None
        and (organization.confidence >= SURE or _touches_organization(spans, organization))
    ):
        return organization, role
    unsure_role = role is not None and role.confidence < SURE
    named = [
        segment
        for segment in segments
        if segment.kind in NAMEABLE
        and not (segment.kind is SegmentKind.LOCATION and segment.confidence >= SURE)
        and not _same(segment, organization)
        and (unsure_role or not _same(segment, role))
        and named_organization(spans, segment)
    ]
    if len(named) != 1:
        return organization, role
    found = named[0]
    employer = HeaderSegment(found.text, found.start, found.end, SegmentKind.ORGANIZATION, 0.6)
    return employer, None if _same(found, role) else role
