"""A name, then its place in two parts or more: "Kettle Systems, Tarrow, Upper Norland".

PDF and Europass layouts write the employer and where the job was on one line, joined by commas.
When the place's towns are ones the small NER does not know, the parts read as names: the whole
line was taken for the employer ("Kettle Systems, Tarrow, Norland"), or the place's last part
was (the NER calls many a region an organization). A line of three comma parts or more whose
first part is a name (no place to the NER) and whose other parts are each written as a short
place name (capitalized words, no digits, nothing a lexicon reads as an organization, a title
or a degree) is that name and its place. A city, its region and its country ("Ann Arbor,
Michigan, United States") start with a town the NER knows, and stay one place.
"""

from __future__ import annotations

import re

from resume_etl.nlp import labels
from resume_etl.stages.extract._brackets import CITY_REGION
from resume_etl.stages.extract._segments import HeaderSegment, SegmentKind
from resume_etl.stages.extract._spans import SpanIndex

_MIN_PARTS = 3
_MAX_PLACE_PART_WORDS = 3
_NAME_KINDS = frozenset(
    {SegmentKind.UNKNOWN, SegmentKind.ORGANIZATION, SegmentKind.EMPLOYMENT_TYPE}
)
_PLACE_KINDS = frozenset({SegmentKind.UNKNOWN, SegmentKind.LOCATION, SegmentKind.ORGANIZATION})
_PLACE_WORD = re.compile(r"(?:[^\W\d_][^\W\d_'.-]*(?:[-'.][^\W\d_]+)*\.?|[a-z]{1,3})")
"""A word of a place's name: capitalized ("Upper", "Baden-Württemberg", "St."), or a short
joining word ("am", "de", "upon" is no place word and ends the test)."""
_SURE = 0.8
_LEXICONS = (labels.ORG_KEYWORDS, labels.TITLE_HEADS, labels.DEGREES)


def _place_like(spans: SpanIndex, part: HeaderSegment) -> bool:
    words = part.text.split()
    if part.kind not in _PLACE_KINDS or not 0 < len(words) <= _MAX_PLACE_PART_WORDS:
        return False
    if part.kind is SegmentKind.ORGANIZATION and part.confidence >= _SURE:
        return False
    if not words[0][:1].isupper() or not all(_PLACE_WORD.fullmatch(word) for word in words):
        return False
    return not any(spans.within(key, part.start, part.end) for key in _LEXICONS)


def name_then_place(spans: SpanIndex, parts: list[HeaderSegment]) -> list[HeaderSegment] | None:
    """The name and the place of a line of comma parts (see module); None when it is not
    written so."""
    if len(parts) < _MIN_PARTS:
        return None
    name, rest = parts[0], parts[1:]
    if name.kind not in _NAME_KINDS or spans.entities(name.start, name.end, {"GPE", "LOC"}):
        return None
    if not all(_place_like(spans, part) for part in rest):
        return None
    start, end = rest[0].start, rest[-1].end
    place = HeaderSegment(spans.text[start:end], start, end, SegmentKind.LOCATION, 0.6)
    return [name, place]


_TITLE_PLACE_PARTS = 2


def title_then_place(spans: SpanIndex, parts: list[HeaderSegment]) -> list[HeaderSegment] | None:
    """ "Sr. Web Developer Elm Park, MD": a title and its town written without a comma
    between them, then the region after one. The words after the title's last head word, a
    short place name that with the region reads as a city and region ("Elm Park, MD"),
    are the job's place, not words of the title. None when the line is not written so."""
    if len(parts) != _TITLE_PLACE_PARTS or parts[0].kind is not SegmentKind.ROLE:
        return None
    title, region = parts
    heads = spans.within(labels.TITLE_HEADS, title.start, title.end)
    if not heads or heads[-1].end_char >= title.end:
        return None
    text = spans.text
    head_end = heads[-1].end_char
    town_start = (
        head_end + len(text[head_end : title.end]) - len(text[head_end : title.end].lstrip())
    )
    town = HeaderSegment(
        text[town_start : title.end], town_start, title.end, SegmentKind.UNKNOWN, 0.5
    )
    if not _place_like(spans, town) or spans.entities(town.start, town.end, {"ORG", "PERSON"}):
        return None
    if not CITY_REGION.match(f"{town.text}, {region.text}"):
        return None
    role = HeaderSegment(
        text[title.start : head_end], title.start, head_end, SegmentKind.ROLE, title.confidence
    )
    place = HeaderSegment(
        text[town_start : region.end], town_start, region.end, SegmentKind.LOCATION, 0.6
    )
    return [role, place]
