"""The education table: institution, degree, level, field of study, GPA and honors."""

from __future__ import annotations

import re

from spacy.tokens import Span

from resume_etl.nlp import labels
from resume_etl.stages.extract._draft import EducationCandidate, Extracted
from resume_etl.stages.extract._entry import EntryContext, _date_masks, _entry_dates
from resume_etl.stages.extract._header import (
    _GPA,
    HeaderSegment,
    SegmentKind,
    _first,
    _line_of,
    header_segments,
)
from resume_etl.stages.extract._spans import SpanIndex
from resume_etl.stages.segment import Entry
from resume_etl.vocab import DegreeLevel

_DEGREE_IN_FIELD = re.compile(r"^(.+?)\s+in\s+\S", re.I)
_DEGREE_FIELD_LEAD = re.compile(
    r"^[\s,:;(-]*(?:(?:hons|honours|honors)\.?\s+)?(?:(?:in|of)\s+)?", re.I
)


def build_education(ctx: EntryContext, degree_levels: dict[str, str | None]) -> EducationCandidate:
    dates = _entry_dates(ctx.entry, ctx.spans)
    masks = _date_masks(dates, ctx.entry, ctx.spans)
    gpa = _find_gpa(ctx.entry, ctx.spans.text)
    segments = header_segments(ctx.entry.header, ctx.spans, masks, ctx.entry.columns)
    gpa = gpa or _gpa_cell(_first(segments, SegmentKind.GPA) if ctx.entry.columns else None)
    institution = _first(segments, SegmentKind.ORGANIZATION) or _first(
        segments, SegmentKind.UNKNOWN
    )
    degree_segment = _first(segments, SegmentKind.DEGREE)
    degree, level, field_of_study = _degree_and_field(degree_segment, ctx.spans, degree_levels)
    if field_of_study is None and degree_segment is not None:
        field_segment = _field_after_degree(segments, degree_segment, ctx.spans.text)
        if field_segment is not None:
            field_of_study = field_segment.extracted(0.6)
            if institution is field_segment:
                institution = _first(segments, SegmentKind.ORGANIZATION)
    honors = _honors(gpa, ctx.spans.text)
    confidences = [v.confidence for v in (institution, degree_segment) if v is not None]
    return EducationCandidate(
        **ctx.base(),
        dates=dates,
        institution=institution.extracted() if institution else None,
        degree=degree,
        degree_level=level,
        field_of_study=field_of_study,
        gpa=gpa,
        honors=honors,
        confidence=min(confidences, default=0.3),
    )


_QUALIFICATION_GRADE = re.compile(r" (?:[IVX]{1,4}|Level \d{1,2})\b")
_HONOURS = re.compile(r"\s*\((?:Hons|Honours|Honors)\.?\)")
_PARENTHESIS = re.compile(r"\s*\([^()]{1,40}\)")
_OF_SUBJECT = re.compile(r" of (?:[A-Z][\w'-]*)(?: (?:and|&) [A-Z][\w'-]*| [A-Z][\w'-]*)*")
_BARE_LEVELS = frozenset({"bachelor", "master", "doctor", "diploma", "certificate", "licence"})


def _degree_extent(found: Span, degree_end: int, limit: int, spans: SpanIndex) -> int:
    """Where a degree ends: over a grade ("Certificate III"), a subject after a bare level
    ("Bachelor of Economics", "Diploma of Teaching"), "(Hons)" and a parenthesized
    abbreviation of the degree ("Bachelor of Education (B.Ed.)")."""
    text = spans.text
    end = degree_end
    if grade := _QUALIFICATION_GRADE.match(text, end, limit):
        end = grade.end()
    if found.text.lower() in _BARE_LEVELS and (subject := _OF_SUBJECT.match(text, end, limit)):
        end = subject.end()
    if honours := _HONOURS.match(text, end, limit):
        end = honours.end()
    paren = _PARENTHESIS.match(text, end, limit)
    if paren and spans.within(labels.DEGREES, paren.start(), paren.end()):
        end = paren.end()
    return end


def _degree_and_field(
    segment: HeaderSegment | None, spans: SpanIndex, degree_levels: dict[str, str | None]
) -> tuple[Extracted | None, DegreeLevel | None, Extracted | None]:
    if segment is None:
        return None, None, None
    lexicon_degrees = spans.within(labels.DEGREES, segment.start, segment.end)
    if not lexicon_degrees:  # labelled "Qualification: ..." that no lexicon entry names
        return segment.extracted(0.7), None, None
    found = lexicon_degrees[0]
    level_name = degree_levels.get(found.label_)
    level = DegreeLevel(level_name) if level_name in set(DegreeLevel) else None
    # A lexicon may name a degree with its field ("Bachelor of Science in Nursing"): the
    # field is still the field.
    named_field = _DEGREE_IN_FIELD.match(found.text)
    degree_end = found.start_char + (named_field.end(1) if named_field else len(found.text))
    degree_end = _degree_extent(found, degree_end, segment.end, spans)
    degree = Extracted(spans.text[found.start_char : degree_end], found.start_char, degree_end, 0.9)
    rest_start = degree_end
    rest = spans.text[rest_start : segment.end]
    lead = _DEGREE_FIELD_LEAD.match(rest)
    offset = lead.end() if lead else 0
    field_text = rest[offset:].strip().rstrip(",;")
    if field_text.count(")") > field_text.count("("):
        field_text = field_text.rstrip(")")
    if len(field_text) < 2:
        return degree, level, None
    field_start = rest_start + offset
    return degree, level, Extracted(field_text, field_start, field_start + len(field_text), 0.8)


_BARE_GPA = re.compile(
    r"^(\d{1,2}(?:\.\d{1,3})?)(?:\s*(?:/|out of|of)\s*(\d{1,3}(?:\.\d{1,2})?))?$"
)


def _gpa_cell(cell: HeaderSegment | None) -> tuple[float, float | None, Extracted] | None:
    """A GPA from a table cell under a "GPA" column: "3.91/4.0", "3.7"."""
    match = _BARE_GPA.match(cell.text) if cell is not None else None
    if cell is None or match is None:
        return None
    scale = float(match.group(2)) if match.group(2) else None
    return float(match.group(1)), scale, cell.extracted(0.9)


def _field_after_degree(
    segments: list[HeaderSegment], degree: HeaderSegment, text: str
) -> HeaderSegment | None:
    """ "Master of Science - MS, Marketing Analytics": the unclaimed segment right after the
    last degree segment on its line is the field."""
    line = _line_of(text, degree.start)
    after = [s for s in segments if s.start >= degree.end and _line_of(text, s.start) == line]
    while after and after[0].kind is SegmentKind.DEGREE:
        after.pop(0)
    if not after or after[0].kind not in _FIELD_KINDS:
        return None
    other_schools = [
        s for s in segments if s.kind is SegmentKind.ORGANIZATION and s is not after[0]
    ]
    # "Marketing Analytics" reads like a company; it is the field when the school is elsewhere.
    if after[0].kind is SegmentKind.ORGANIZATION and not other_schools:
        return None
    return after[0]


_FIELD_KINDS = frozenset({SegmentKind.UNKNOWN, SegmentKind.ROLE, SegmentKind.ORGANIZATION})


def _find_gpa(entry: Entry, text: str) -> tuple[float, float | None, Extracted] | None:
    for line in (*entry.header, *entry.body):
        match = _GPA.search(text, line.content_start, line.end)
        if match:
            scale = float(match.group(2)) if match.group(2) else None
            found = Extracted(match.group(), match.start(), match.end(), 0.95)
            return float(match.group(1)), scale, found
    return None


def _honors(gpa: tuple[float, float | None, Extracted] | None, text: str) -> tuple[str, ...]:
    """Text after the GPA on its line ("GPA: 3.9 / 4.0, Dean's List 2022") names honors.

    Read from the line itself, not from header segments, whose dates are masked out: an
    honor's year belongs to the honor.
    """
    if gpa is None:
        return ()
    line_end = text.find("\n", gpa[2].end)
    tail = text[gpa[2].end : len(text) if line_end == -1 else line_end]
    return tuple(part.strip() for part in tail.strip(" ,;").split(",") if part.strip())
