"""The education table: institution, degree, level, field of study, GPA and honors."""

from __future__ import annotations

import re

from resume_etl.stages.extract._degree_reading import (
    INSTITUTION_KINDS,
    degree_and_field,
    field_after_degree,
    field_on_next_line,
    field_without_notes,
    level_of_subject,
    unnamed_degree,
)
from resume_etl.stages.extract._draft import EducationCandidate, Extracted, Normalized
from resume_etl.stages.extract._entry import EntryContext, date_masks, entry_dates
from resume_etl.stages.extract._header import (
    GPA_STATED,
    HeaderSegment,
    SegmentKind,
    first_of_kind,
    header_segments,
    line_of,
)
from resume_etl.stages.extract._school_pieces import (
    DISTINCTION,
    graduation_dates,
    is_field_label,
    is_school,
    region_code_as_place,
    school_across_lines,
    school_after_from,
    school_after_sentence_lead,
    school_as_field,
    school_name,
    school_named_like_a_degree,
    stands_as_school,
)
from resume_etl.stages.extract._spans import SpanIndex
from resume_etl.stages.segment import Entry


def build_education(ctx: EntryContext, degree_levels: dict[str, str | None]) -> EducationCandidate:
    dates = graduation_dates(entry_dates(ctx.entry, ctx.spans), ctx.spans.text)
    masks = date_masks(dates, ctx.entry, ctx.spans)
    gpa = _find_gpa(ctx.entry, ctx.spans.text)
    segments = [
        school_named_like_a_degree(region_code_as_place(segment, ctx.spans), ctx.spans)
        for segment in _without_column_labels(
            header_segments(ctx.entry.header, ctx.spans, masks, ctx.entry.columns), ctx.spans
        )
        if DISTINCTION.fullmatch(segment.text) is None
    ]
    gpa = gpa or _gpa_cell(first_of_kind(segments, SegmentKind.GPA) if ctx.entry.columns else None)
    degree_segment = first_of_kind(segments, SegmentKind.DEGREE)
    degree, level, field_of_study = degree_and_field(degree_segment, ctx.spans, degree_levels)
    used: list[HeaderSegment] = [] if degree_segment is None else [degree_segment]
    if field_of_study is None and degree_segment is not None:
        field_segment = field_after_degree(segments, degree_segment, ctx.spans) or (
            field_on_next_line(segments, degree_segment, ctx.spans)
        )
        if field_segment is not None:
            field_of_study = field_segment.extracted(0.6)
            used.append(field_segment)
    if degree is None and (unnamed := unnamed_degree(segments, ctx.spans)) is not None:
        taken, degree, field_of_study = unnamed
        used.extend(taken)
    if degree is None and (level_of := level_of_subject(segments)) is not None:
        degree = level_of.extracted(0.6)
        used.append(level_of)
    field_of_study, named = school_after_from(field_without_notes(field_of_study), ctx.spans.text)
    if named is None and degree_segment is not None and not _school_elsewhere(segments, ctx.spans):
        field_of_study, named = school_as_field(field_of_study, ctx.spans)
    if named is not None and degree_segment is not None:
        segments.insert(segments.index(degree_segment) + 1, named)
    institution = named or _institution(segments, ctx.spans, used)
    if institution is not None and named is None:
        institution = school_across_lines(institution, segments, ctx.spans)
        institution = school_after_sentence_lead(institution, segments, ctx.spans)
    if institution is not None and not stands_as_school(institution, degree, dates, ctx.spans):
        institution = None
    honors = _honors(gpa, ctx.spans.text)
    confidences = [v.confidence for v in (institution, degree_segment) if v is not None]
    return EducationCandidate(
        **ctx.base(with_bullets=False),
        dates=dates,
        institution=school_name(institution) if institution else None,
        location=_place_after(institution, segments, ctx.spans.text) if institution else None,
        degree=degree,
        degree_level=level,
        field_of_study=field_of_study,
        gpa=Normalized(gpa[0], gpa[2]) if gpa else None,
        gpa_scale=gpa[1] if gpa else None,
        honors=honors,
        confidence=min(confidences, default=0.3),
    )


_BARE_GPA = re.compile(
    r"^(\d{1,2}(?:\.\d{1,3})?)(?:\s*(?:/|out of|of)\s*(\d{1,3}(?:\.\d{1,2})?))?$"
)


def _without_column_labels(segments: list[HeaderSegment], spans: SpanIndex) -> list[HeaderSegment]:
    """The pieces without a row of column labels ("Course | Institute | Year"): on a line where
    two pieces or more are a field's label alone, those pieces name columns, not a school. A
    label word alone elsewhere may be a name's wrapped end ("Eastvale Technological" /
    "University")."""
    text = spans.text
    labelled = [line_of(text, s.start) for s in segments if is_field_label(s.text)]
    rows = {line for line in labelled if labelled.count(line) > 1}
    return [s for s in segments if not (is_field_label(s.text) and line_of(text, s.start) in rows)]


def _school_elsewhere(segments: list[HeaderSegment], spans: SpanIndex) -> bool:
    """Whether a piece of the entry other than the degree's names a school."""
    return any(
        segment.kind is not SegmentKind.DEGREE and is_school(segment, spans) for segment in segments
    )


def _gpa_cell(cell: HeaderSegment | None) -> tuple[float, float | None, Extracted] | None:
    """A GPA from a table cell under a "GPA" column: "3.91/4.0", "3.7"."""
    match = _BARE_GPA.match(cell.text) if cell is not None else None
    if cell is None or match is None:
        return None
    scale = float(match.group(2)) if match.group(2) else None
    return float(match.group(1)), scale, cell.extracted(0.9)


def _place_after(
    school: HeaderSegment, segments: list[HeaderSegment], text: str
) -> Extracted | None:
    """The place written after the school on its line ("University of X, Leeds, UK", "University
    of X (Leeds)"): the school's location, kept apart from its name as a job's place is from
    its employer."""
    index = next(i for i, s in enumerate(segments) if s is school)
    start = end = school.end
    for after in segments[index + 1 :]:
        between = text[end : after.start].strip()
        if after.kind is not SegmentKind.LOCATION or between not in (",", "("):
            break
        if start == school.end:
            start = after.start
        end = after.end
    if end == school.end:
        return None
    return Extracted(text[start:end], start, end, 0.7)


def _institution(
    segments: list[HeaderSegment], spans: SpanIndex, used: list[HeaderSegment]
) -> HeaderSegment | None:
    """The school: a segment holding a school word first, then an organization, then an
    unclassified piece; last, a piece the NER reads as a place when it stands alone on the
    entry's first line, away from the degree ("TU Northvale, Belgium" over "PhD, Physics")."""
    text = spans.text
    free = [s for s in segments if s.kind in INSTITUTION_KINDS and all(s is not u for u in used)]
    schools = [s for s in free if is_school(s, spans)]
    # Two schools in one header: the one on the degree's line took the degree.
    used_lines = {line_of(text, u.start) for u in used}
    beside = [s for s in schools if line_of(text, s.start) in used_lines]
    found = (
        next(iter(beside + schools), None)
        or first_of_kind(free, SegmentKind.ORGANIZATION)
        or first_of_kind(free, SegmentKind.UNKNOWN)
    )
    if found is not None or not free:
        return found
    first_line = line_of(text, segments[0].start)
    on_first = [s for s in segments if line_of(text, s.start) == first_line]
    alone = len(on_first) == 1 and on_first[0] is free[0]
    return free[0] if alone and first_line not in used_lines and len(segments) > 1 else None


def _find_gpa(entry: Entry, text: str) -> tuple[float, float | None, Extracted] | None:
    for line in (*entry.header, *entry.body):
        match = GPA_STATED.search(text, line.content_start, line.end)
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
