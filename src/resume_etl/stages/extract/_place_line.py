"""An employer's line read all as a place: "Brindle, Austin, Texas", "Quillmark, Madrid".

Layouts write a job's employer and its place on one line ("Employer, City, Region" beside the
dates, or under the title). When the employer is one word the lexicons do not know, the whole
line reads as a place: a city and region ("Quillmark, Madrid" has the shape of "Leeds,
Yorkshire"), or a place the NER covers whole. A job has an employer; when no rule found one,
the first part of such a line, on a line of its own apart from the title, is the employer, and
the rest is where the job was.

A law or accounting firm closes its name with its legal form, "PA" or "PC" (a professional
association or corporation), which reads as a state's code: "Whitlow Marren, PA" has the
shape of "Pittsburgh, PA". A job names one place, so where its header writes a whole place on
a line of its own ("Fairview, Ohio"), the code after the employer is no place
(``firm_before_place``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from resume_etl.stages.extract._pieces import (
    LOCATION_WORDS,
    HeaderSegment,
    SegmentKind,
    line_of,
)
from resume_etl.stages.extract._spans import SpanIndex

_FIRST_PART = re.compile(r"\s*([^,]+?)\s*,\s*")
_REGION_CODE = re.compile(r"[A-Z]{2,3}")
_NAMED_KINDS = frozenset(
    {SegmentKind.ORGANIZATION, SegmentKind.UNKNOWN, SegmentKind.ROLE, SegmentKind.DEGREE}
)


def employer_before_place(
    segments: Sequence[HeaderSegment], spans: SpanIndex, role: HeaderSegment | None
) -> tuple[HeaderSegment, HeaderSegment] | None:
    """The employer and the place of a job with a title and no employer, cut from its place
    (the first one of its header) when that has several parts and is alone on its line but
    for the dates; None when there is none."""
    found = next((s for s in segments if s.kind is SegmentKind.LOCATION), None)
    if role is None or found is None:
        return None
    text = spans.text
    line = line_of(text, found.start)
    if line == line_of(text, role.start) or any(
        s.kind in _NAMED_KINDS and line_of(text, s.start) == line for s in segments
    ):
        return None
    return _name_then_place(found, spans) or firm_before_place(segments, spans, found)


def firm_before_place(
    segments: Sequence[HeaderSegment], spans: SpanIndex, found: HeaderSegment
) -> tuple[HeaderSegment, HeaderSegment] | None:
    """ "Whitlow Marren, PA" over "Fairview, Ohio": a name and a code read as a place, where
    the header holds a whole place on another line, are the employer and its legal form; the
    other place is where the job was. A name the NER knows as a place stays one ("Troy, MI")."""
    first = _FIRST_PART.match(spans.text, found.start, found.end)
    if first is None or not _REGION_CODE.fullmatch(spans.text, first.end(), found.end):
        return None
    name_start, name_end = first.start(1), first.end(1)
    if _REGION_CODE.fullmatch(first.group(1)) or spans.entities(
        name_start, name_end, {"GPE", "LOC"}
    ):
        return None
    place = whole_place_elsewhere(segments, spans.text, found)
    if place is None:
        return None
    employer = HeaderSegment(first.group(1), name_start, name_end, SegmentKind.ORGANIZATION, 0.6)
    return employer, place


def place_past_code(
    segments: Sequence[HeaderSegment], text: str, place: HeaderSegment | None
) -> HeaderSegment | None:
    """The job's place: not a lone code after its employer ("Quillmark Legal Group, PA", the
    firm's legal form) where a whole place stands on another line."""
    if place is None or not _REGION_CODE.fullmatch(place.text):
        return place
    return whole_place_elsewhere(segments, text, place) or place


def whole_place_elsewhere(
    segments: Sequence[HeaderSegment], text: str, beside: HeaderSegment
) -> HeaderSegment | None:
    """A place of two parts or more ("Fairview, Ohio") on another line than ``beside``."""
    line = line_of(text, beside.start)
    return next(
        (
            s
            for s in segments
            if s.kind is SegmentKind.LOCATION and "," in s.text and line_of(text, s.start) != line
        ),
        None,
    )


def _name_then_place(
    found: HeaderSegment, spans: SpanIndex
) -> tuple[HeaderSegment, HeaderSegment] | None:
    text = spans.text
    first = _FIRST_PART.match(text, found.start, found.end)
    if first is None or first.end() >= found.end:
        return None
    name, name_start = first.group(1), first.start(1)
    rest = text[first.end() : found.end]
    # "Remote, USA", "NY, USA": a work mode or a region code leads a place, never a name. Of
    # two parts, a town the NER knows ("Munich, Germany") or one before its region code
    # ("Troy, MI") is the place itself; three parts are a name, a town and its region (the
    # small NER calls many a name a place).
    if (
        name.lower() in LOCATION_WORDS
        or _REGION_CODE.fullmatch(name)
        or _REGION_CODE.fullmatch(rest)
        or ("," not in rest and spans.entities(name_start, name_start + len(name), {"GPE", "LOC"}))
    ):
        return None
    employer = HeaderSegment(
        name, name_start, name_start + len(name), SegmentKind.ORGANIZATION, 0.6
    )
    place = HeaderSegment(rest, first.end(), found.end, SegmentKind.LOCATION, 0.6)
    return employer, place
