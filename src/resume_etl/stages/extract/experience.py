"""The experiences table: employer, role, employment type and place of a job entry."""

from __future__ import annotations

import itertools
import re

from resume_etl.nlp import labels
from resume_etl.stages.extract._draft import ExperienceCandidate, Extracted
from resume_etl.stages.extract._entry import EntryContext, _date_masks, _entry_dates
from resume_etl.stages.extract._header import (
    _COMPLEMENT,
    HeaderSegment,
    SegmentKind,
    _first,
    _line_of,
    header_segments,
)
from resume_etl.stages.extract._spans import SpanIndex
from resume_etl.stages.segment import Entry, is_date_line
from resume_etl.vocab import EmploymentType

_DEPARTMENT_HEADS = frozenset(
    {
        "unit",
        "department",
        "dept",
        "division",
        "team",
        "group",
        "ward",
        "section",
        "lab",
        "laboratory",
        "office",
        "desk",
        "clinic",
        "practice",
        "programme",
        "program",
    }
)
"""Head words of a part of an organization ("Intensive Care Unit", "Group of Prof. X")."""


def _is_department(text: str) -> bool:
    """A department rather than the employer: its head word (before "of") names a part."""
    head = _COMPLEMENT.split(text, maxsplit=1)[0].split()
    return bool(head) and head[-1].lower().strip(".,") in _DEPARTMENT_HEADS


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
    organizations = employers or every_organization
    if role is not None and len(organizations) > 1:
        role_line = _line_of(text, role.start)
        elsewhere = [s for s in organizations if _line_of(text, s.start) != role_line]
        if elsewhere:
            return elsewhere[0]
    return organizations[0] if organizations else None


def _employment_type(
    segments: list[HeaderSegment],
    role: HeaderSegment | None,
    spans: SpanIndex,
    categories: dict[str, str | None],
) -> tuple[EmploymentType, Extracted] | None:
    stated = _first(segments, SegmentKind.EMPLOYMENT_TYPE)
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


def _company_group(entry: Entry, spans: SpanIndex) -> Extracted | None:
    """The company a LinkedIn role group opens with: the line above "Full-time · 5 yrs"."""
    text = spans.text
    for above, line in itertools.pairwise(entry.header):
        if _GROUP_DURATION_LINE.match(line.content.strip()) and not is_date_line(line.content):
            name = above.content.strip()
            start = text.index(name, above.content_start)
            return Extracted(name, start, start + len(name), 0.7)
    return None


def build_experience(
    ctx: EntryContext,
    employment_categories: dict[str, str | None],
    group_org: Extracted | None = None,
    opens_group: bool = False,
) -> ExperienceCandidate:
    """A job from its entry; ``group_org`` is the company of the LinkedIn role group the entry
    belongs to: the organization of the entry that opens the group, and of later roles in it
    that name none of their own."""
    dates = _entry_dates(ctx.entry, ctx.spans)
    segments = header_segments(
        ctx.entry.header,
        ctx.spans,
        _date_masks(dates, ctx.entry, ctx.spans),
        ctx.entry.columns,
    )
    role = _first(segments, SegmentKind.ROLE)
    organization = _employer(segments, role, ctx.spans.text) or _school_as_employer(
        segments, ctx.spans
    )
    unknown = _first(segments, SegmentKind.UNKNOWN)
    org_value = (
        organization.extracted() if organization else (unknown.extracted(0.6) if unknown else None)
    )
    if opens_group or org_value is None:
        org_value = group_org or org_value

    location = _first(segments, SegmentKind.LOCATION)
    confidences = [value.confidence for value in (org_value, role) if value is not None]
    return ExperienceCandidate(
        **ctx.base(),
        dates=dates,
        organization=org_value,
        role=role.extracted() if role else None,
        employment_type=_employment_type(segments, role, ctx.spans, employment_categories),
        location=location.extracted() if location else None,
        confidence=min(confidences, default=0.3),
    )
