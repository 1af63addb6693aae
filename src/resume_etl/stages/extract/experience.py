"""The experiences table: employer, role, employment type and place of a job entry."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence

from resume_etl.dates import DateRangeMatch
from resume_etl.nlp import labels
from resume_etl.stages.extract._body_title import title_opening_body
from resume_etl.stages.extract._draft import ExperienceCandidate, Extracted, normalized
from resume_etl.stages.extract._employer_shape import (
    can_name_employer,
    ends_unfinished,
    placed_through,
)
from resume_etl.stages.extract._employer_slot import employer_by_slot
from resume_etl.stages.extract._entity_employer import employer_by_entities
from resume_etl.stages.extract._entry import EntryContext
from resume_etl.stages.extract._header import (
    HeaderSegment,
    SegmentKind,
    first_of_kind,
    line_of,
)
from resume_etl.stages.extract._job_header import job_segments
from resume_etl.stages.extract._named_place import employer_read_as_place
from resume_etl.stages.extract._own_account import own_account_employer
from resume_etl.stages.extract._place_line import employer_before_place, place_past_code
from resume_etl.stages.extract._slots import (
    SURE,
    Slot,
    SlotFrame,
    by_slot,
    slot_kinds,
    slot_of,
    slotted,
    unsure_in_slot_of,
)
from resume_etl.stages.extract._spans import SpanIndex
from resume_etl.stages.extract._team import employer_past_team, title_teams
from resume_etl.stages.extract._team import is_department as _is_department
from resume_etl.stages.extract._units import with_its_unit
from resume_etl.stages.segment import Entry, is_date_line
from resume_etl.vocab import EmploymentType


def _school_as_employer(segments: list[HeaderSegment], spans: SpanIndex) -> HeaderSegment | None:
    """ "St. Brendan Catholic High School" holds a degree phrase ("High School"), but in a job
    header a segment with an organization keyword is the employer."""
    for found in segments:
        if found.kind is SegmentKind.DEGREE and spans.within(
            labels.ORG_KEYWORDS, found.start, found.end
        ):
            return HeaderSegment(found.text, found.start, found.end, SegmentKind.ORGANIZATION, 0.6)
    return None


def _employer(
    segments: list[HeaderSegment], role: HeaderSegment | None, text: str
) -> HeaderSegment | None:
    """The organization, preferring one on a line of its own over one beside the role.

    "Senior Staff Nurse, Intensive Care Unit" then "Aire Valley NHS Trust, Leeds": an
    organization-like phrase after the title on its line is the department, not the employer.
    """
    every_organization = [s for s in segments if s.kind is SegmentKind.ORGANIZATION]
    employers = [s for s in every_organization if not _is_department(s.text)]
    hiring = [s for s in employers if not placed_through(text, s.start)]
    organizations = hiring or employers or every_organization
    if role is not None and len(organizations) > 1:
        role_line = line_of(text, role.start)
        beside = [s for s in organizations if line_of(text, s.start) == role_line]
        elsewhere = [s for s in organizations if line_of(text, s.start) != role_line]
        # "Research Assistant at X University" over a line the NER alone calls an
        # organization: the employer named by a keyword beside the role stays.
        surest_beside = max((s.confidence for s in beside), default=0.0)
        elsewhere = [s for s in elsewhere if s.confidence >= surest_beside]
        if elsewhere:
            return elsewhere[0]
    return organizations[0] if organizations else None


def _degree_as_role(segments: list[HeaderSegment], spans: SpanIndex) -> HeaderSegment | None:
    """ "PhD Researcher", "MBA Intern": in a job header, a degree phrase that holds a job
    title is the role (an employer with a degree phrase is caught by the organization)."""
    for found in segments:
        if found.kind is SegmentKind.DEGREE and spans.within(
            labels.TITLE_HEADS, found.start, found.end
        ):
            return HeaderSegment(found.text, found.start, found.end, SegmentKind.ROLE, 0.7)
    return None


def _employment_type(
    segments: list[HeaderSegment],
    role: HeaderSegment | None,
    spans: SpanIndex,
    categories: dict[str, str | None],
) -> tuple[EmploymentType, Extracted] | None:
    stated = first_of_kind(segments, SegmentKind.EMPLOYMENT_TYPE)
    candidates = [stated] if stated else []
    if role is not None:  # "Software Engineer Intern" implies an internship
        candidates.append(role)
    for segment in candidates:
        for span in spans.within(labels.EMPLOYMENT_TYPES, segment.start, segment.end):
            kind = categories.get(span.label_) or span.label_
            if kind in EmploymentType._value2member_map_:
                confidence = 0.95 if segment is stated else 0.7
                return EmploymentType(kind), Extracted(
                    span.text, span.start_char, span.end_char, confidence
                )
    return None


_GROUP_DURATION_LINE = re.compile(
    r"^[^\W\d_][\w -]{2,30}?\s+·\s+\d{1,2}\s*(?:yrs?|years?|mos?|months?)\b[\w ]*$"
)
"""LinkedIn's line under a company that holds several roles: "Full-time · 5 yrs 4 mos"."""


def company_group(entry: Entry, spans: SpanIndex) -> Extracted | None:
    """The company a LinkedIn role group opens with: the line above "Full-time · 5 yrs"."""
    text = spans.text
    for above, line in itertools.pairwise(entry.header):
        if _GROUP_DURATION_LINE.match(line.content.strip()) and not is_date_line(line.content):
            name = above.content.strip()
            start = text.index(name, above.content_start)
            return Extracted(name, start, start + len(name), 0.7)
    return None


def section_slots(entries: Sequence[Entry], spans: SpanIndex) -> dict[Slot, SegmentKind]:
    """What each header slot holds across a section's dated jobs (see ``_slots``)."""
    framed = []
    for entry in entries:
        dates, segments = job_segments(entry, spans)
        if dates is not None:
            frame = _frame(spans.text, dates, entry)
            teams = {(team.start, team.end) for team in title_teams(segments, frame)}
            voting = [s for s in segments if (s.start, s.end) not in teams]
            framed.append((voting, frame))
    return slot_kinds(framed)


def _frame(text: str, dates: DateRangeMatch | None, entry: Entry) -> SlotFrame:
    """Slots counted from the dates line, or from the first line of an undated entry."""
    return SlotFrame(text, line_of(text, dates.start_char if dates else entry.start))


def _same(segment: HeaderSegment, other: HeaderSegment | None) -> bool:
    return other is not None and (segment.start, segment.end) == (other.start, other.end)


def _organization_and_role(
    segments: list[HeaderSegment],
    spans: SpanIndex,
    slots: Mapping[Slot, SegmentKind],
    frame: SlotFrame,
) -> tuple[HeaderSegment | None, HeaderSegment | None]:
    """Employer and title: by lexicon and NER first; a field they leave empty or unsure is
    read from the slot that holds it in the section's other jobs. An employer found outside
    the employers' slot, while that slot holds a segment no rule is sure of, swaps: the slot
    decides, and what was taken for the employer is the title ("Tarvelle" over
    "Software Engineering Lead" when every other job names its employer first)."""
    text = spans.text
    role = first_of_kind(segments, SegmentKind.ROLE) or _degree_as_role(segments, spans)
    organization = _employer(segments, role, text) or _school_as_employer(segments, spans)
    organization = _in_its_slot(segments, frame, slots, organization)
    role = _in_its_slot(segments, frame, slots, role)
    # An employer only the NER read, in the slot where the section writes its titles, in a job
    # with no title, is the title: the layout decides for a segment no rule is sure of.
    if role is None and unsure_in_slot_of(segments, frame, slots, organization, SegmentKind.ROLE):
        assert organization is not None
        role = _as_kind(organization, SegmentKind.ROLE)
        organization = None
    in_slot = _unless_the_place(
        segments, by_slot(segments, frame, slots, SegmentKind.ORGANIZATION, [role]), text
    )
    if organization is None or organization.confidence < SURE:
        organization = in_slot or organization
    elif (
        in_slot is not None
        and role is None
        and not _same(in_slot, organization)
        and slot_of(segments, frame, organization) not in _slots_holding(slots)
    ):
        role = HeaderSegment(
            organization.text, organization.start, organization.end, SegmentKind.ROLE, 0.6
        )
        organization = in_slot
    if role is None:
        role = by_slot(segments, frame, slots, SegmentKind.ROLE, [organization])
    if role is None and organization is not None and _slots_holding(slots):
        role = _second_organization(segments, frame, slots, organization)
    organization = organization or _weak_place_beside_place(segments)
    organization = employer_by_slot(spans, segments, frame, slots, organization, role)
    return employer_past_team(segments, text, organization, role, (frame, slots)), role


def _as_kind(segment: HeaderSegment, kind: SegmentKind) -> HeaderSegment:
    return HeaderSegment(segment.text, segment.start, segment.end, kind, 0.7)


def _unless_the_place(
    segments: list[HeaderSegment], in_slot: HeaderSegment | None, text: str
) -> HeaderSegment | None:
    """The segment in the employers' slot, unless it was read as a city and its region
    written right after an organization's name: "Maple Grove Christian School, Fairview, Indiana"
    names the employer and then where it is, whatever slot the place falls in. (One word the
    NER calls a place may still be the employer: "Cloud Engineer, Tarvelle".)"""
    if in_slot is None:
        return None
    was = next((s for s in segments if _same(s, in_slot)), None)
    if was is None or was.kind is not SegmentKind.LOCATION or "," not in was.text:
        return in_slot
    placed = any(
        s.kind is SegmentKind.ORGANIZATION and _COMMA_GAP.fullmatch(text, s.end, was.start)
        for s in segments
    )
    return None if placed else in_slot


_COMMA_GAP = re.compile(r"\s*,\s*")


def _weak_place_beside_place(segments: list[HeaderSegment]) -> HeaderSegment | None:
    """A job has one place: of a name only the NER calls a place ("Quillmark") and a sure
    city and region beside it ("Ann Arbor, MI"), the name is the employer."""
    places = [s for s in segments if s.kind is SegmentKind.LOCATION]
    sure = [s for s in places if s.confidence >= SURE]
    # The name comes before the place: a country after "Sydney, NSW" goes on placing it.
    weak = [s for s in places if s.confidence < SURE and sure and s.start < sure[0].start]
    if not weak:
        return None
    name = weak[0]
    return HeaderSegment(name.text, name.start, name.end, SegmentKind.ORGANIZATION, 0.6)


def _second_organization(
    segments: list[HeaderSegment],
    frame: SlotFrame,
    slots: Mapping[Slot, SegmentKind],
    organization: HeaderSegment,
) -> HeaderSegment | None:
    """A job names one employer: with the employer found in its slot, another phrase read as
    an organization outside the employers' slots ("Guild Lead Software Security", whose
    "Software" is a company word) is the title."""
    holding = _slots_holding(slots)
    for slot, found in slotted(segments, frame):
        if (
            found.kind is SegmentKind.ORGANIZATION
            and slot not in holding
            and not _same(found, organization)
            and not _is_department(found.text)
        ):
            return HeaderSegment(found.text, found.start, found.end, SegmentKind.ROLE, 0.6)
    return None


def _in_its_slot(
    segments: list[HeaderSegment],
    frame: SlotFrame,
    slots: Mapping[Slot, SegmentKind],
    chosen: HeaderSegment | None,
) -> HeaderSegment | None:
    """Of several phrases read as the same field, the one in the slot where the section's
    jobs write that field ("© European Union" in a page foot, or "Contract Administration"
    beside the title, is not the employer; a bullet left above the dates is not the title)."""
    if chosen is None:
        return None
    holding = {slot for slot, kind in slots.items() if kind is chosen.kind}
    where = slot_of(segments, frame, chosen)
    if where in holding:
        return chosen
    for slot, found in slotted(segments, frame):
        if found.kind is chosen.kind and slot in holding:
            return found
    # No slot holds the field surely: at least not one the section uses for another field.
    if where is None or slots.get(where, chosen.kind) is not chosen.kind:
        for near, found in slotted(segments, frame):
            if found.kind is chosen.kind and near not in slots and not _is_department(found.text):
                return found
    return chosen


def _slots_holding(slots: Mapping[Slot, SegmentKind]) -> set[Slot]:
    return {slot for slot, kind in slots.items() if kind is SegmentKind.ORGANIZATION}


def build_experience(
    ctx: EntryContext,
    employment_categories: dict[str, str | None],
    group_org: Extracted | None = None,
    opens_group: bool = False,
    slots: Mapping[Slot, SegmentKind] | None = None,
) -> ExperienceCandidate:
    """A job from its entry; ``group_org`` is the company of the LinkedIn role group the entry
    belongs to: the organization of the entry that opens the group, and of later roles in it
    that name none of their own. ``slots`` says what each header slot holds in the entry's
    section: a field no rule finds is read from the segment in its slot."""
    dates, segments = job_segments(ctx.entry, ctx.spans)
    # An entry without dates is often the wrapped rest of the job above: the layout's slots
    # say nothing about it, and without a title only a sure organization is its employer.
    dated = dates is not None
    frame = _frame(ctx.spans.text, dates, ctx.entry)
    organization, role = _organization_and_role(
        segments, ctx.spans, (slots or {}) if dated else {}, frame
    )
    organization, role = employer_by_entities(ctx.spans, segments, organization, role)
    organization, location = _employer_and_place(
        segments,
        ctx.spans,
        (organization, role),
        (frame, slots or {}) if dated else None,
        in_group=group_org is not None,
    )
    organization = with_its_unit(segments, ctx.spans.text, organization, role)
    org_value = organization.extracted() if organization else None
    if org_value is not None and (
        not can_name_employer(org_value.value) or _only_a_date(ctx.spans, org_value)
    ):
        org_value = None
    if opens_group or org_value is None:
        org_value = group_org or org_value
    if role is not None and ends_unfinished(role.text):
        role = None
    role_value = role.extracted() if role else None
    if role_value is None and dated and org_value is not None:
        role_value = title_opening_body(ctx.entry, ctx.spans)
    employment = _employment_type(segments, role, ctx.spans, employment_categories)
    if org_value is None and role_value is not None:
        org_value = own_account_employer(segments, ctx.spans.text, employment)
    confidences = [value.confidence for value in (org_value, role_value) if value is not None]
    return ExperienceCandidate(
        **ctx.base(),
        dates=dates,
        organization=org_value,
        role=role_value,
        employment_type=normalized(employment),
        location=location.extracted() if location else None,
        confidence=min(confidences, default=0.3),
    )


def _only_a_date(spans: SpanIndex, value: Extracted) -> bool:
    """No name at all: a month, a year or a bare number ("July", "2007 2008", "04") left where
    an employer stands, a date the range pattern did not take. A town stays: the small NER
    calls many an employer a place ("Orvella", "Lakeside County Schools")."""
    if not any(char.isalpha() for char in value.value):
        return True
    return bool(spans.within(labels.DATES, value.start, value.end))


def _employer_and_place(
    segments: list[HeaderSegment],
    spans: SpanIndex,
    chosen: tuple[HeaderSegment | None, HeaderSegment | None],
    where: tuple[SlotFrame, Mapping[Slot, SegmentKind]] | None,
    in_group: bool,
) -> tuple[HeaderSegment | None, HeaderSegment | None]:
    """The employer and the place, given the employer the rules chose. With none, a segment
    no rule is sure of (not the title's team) is the employer, or the first part of a place
    written on the employer's line ("Quillmark, Madrid", also when the employers' slot gave
    the whole place; ``where`` is None for an undated entry: without a title, only a sure
    organization is its employer). A role of a LinkedIn group (``in_group``) has its company
    above it, never on its place's line."""
    organization, role = chosen
    unknown = next(
        (s for s in segments if s.kind is SegmentKind.UNKNOWN and not _same(s, role)), None
    )
    unknown = employer_past_team(segments, spans.text, unknown, role, where)
    if where is None and role is None:
        unknown = None
        if organization is not None and organization.confidence < SURE:
            organization = None
    if organization is None and unknown is not None:
        organization = HeaderSegment(unknown.text, unknown.start, unknown.end, unknown.kind, 0.6)
    place = next((s for s in segments if s.kind is SegmentKind.LOCATION), None)
    # No employer, or the whole place taken for it from the employers' slot.
    unplaced = organization is None or _same(organization, place)
    if where is not None and not in_group and unplaced:
        split = employer_before_place(segments, spans, role)
        if split is not None:
            return split
    if where is not None and not in_group and organization is None:
        named = employer_read_as_place(segments, spans.text, role)
        if named is not None:
            return named
    location = next(
        (s for s in segments if s.kind is SegmentKind.LOCATION and not _same(s, organization)),
        None,
    )
    return organization, place_past_code(segments, spans.text, location)
