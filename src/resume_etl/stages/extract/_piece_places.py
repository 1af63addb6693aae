"""Where a classified piece's comma parts name a place: a name then its town ("Aire Valley
NHS Trust, Leeds"), a region code after a town ("Las Cruces, NM"), a legal form that is no
part of its own ("X y Z, S.L."). Split from ``_pieces``, which cuts and classifies pieces."""

from __future__ import annotations

import re

from resume_etl.nlp import labels
from resume_etl.stages.extract._brackets import CITY_REGION
from resume_etl.stages.extract._segments import HeaderSegment, SegmentKind
from resume_etl.stages.extract._spans import SpanIndex, covers
from resume_etl.wordlists import builtin_forms

LOCATION_WORDS = builtin_forms("entry_words.jsonl", "work_place")
SURE_SEGMENT = 0.8
"""A lexicon's or a pattern's confidence: below it a segment's kind is the NER's guess."""
MAX_PLACE_WORDS = 3


_LEGAL_FORM_CHARS = re.compile(r"^[A-Z][A-Za-z.&/ ]{0,11}$")


def is_legal_form(spans: SpanIndex, start: int, end: int) -> bool:
    """A part that is only a company's legal form ("S.L.", "Inc.", "GmbH & Co. KG")."""
    text = spans.text[start:end]
    if not _LEGAL_FORM_CHARS.match(text):
        return False
    keywords = spans.within(labels.ORG_KEYWORDS, start, end + 1)
    return bool(keywords) and covers(keywords, start, end, 0.6)


def trailing_place(spans: SpanIndex, rest: list[HeaderSegment]) -> HeaderSegment | None:
    """The parts after an organization's name, as a place, when no org keyword is in them and
    they are short or the NER reads them as a place."""
    if not rest:
        return None
    start, end = rest[0].start, rest[-1].end
    if spans.within(labels.ORG_KEYWORDS, start, end) or spans.within(
        labels.TITLE_HEADS, start, end
    ):
        return None
    text = spans.text[start:end]
    is_place = bool(spans.entities(start, end, {"GPE", "LOC"}))
    if not is_place and len(text.split()) > MAX_PLACE_WORDS:
        return None
    return HeaderSegment(text, start, end, SegmentKind.LOCATION, 0.6)


def organization_then_place(
    spans: SpanIndex, parts: list[HeaderSegment]
) -> list[HeaderSegment] | None:
    """ "Fenwick Marr Solicitors, Manchester" reads like a city-and-region pair; when its first
    part is an organization (by NER or lexicon), the rest is where it is."""
    if len(parts) < 2:
        return None
    name = parts[0]
    if name_before_place(spans, parts):
        name = HeaderSegment(name.text, name.start, name.end, SegmentKind.ORGANIZATION, 0.6)
    elif not _names_an_organization(spans, parts[0], parts[-1]):
        return None
    place_start, place_end = parts[1].start, parts[-1].end
    place = HeaderSegment(
        spans.text[place_start:place_end], place_start, place_end, SegmentKind.LOCATION, 0.6
    )
    return [name, place]


_REGION_CODE = re.compile(r"^[A-Z]{2,3}$")


def with_region_codes(parts: list[HeaderSegment], text: str) -> list[HeaderSegment]:
    """A region code after a place belongs to it: "Birmingham" and "AL" are one place. So does
    a code after a name no rule is sure of, when the two read as a city and its region
    ("Norwalk, CT": the small NER calls "Norwalk" nothing and "CT" an organization)."""
    joined: list[HeaderSegment] = []
    for part in parts:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and _may_lead_a_region_code(previous, text[previous.start : part.end])
            and _REGION_CODE.match(part.text)
        ):
            place = text[previous.start : part.end]
            joined[-1] = HeaderSegment(place, previous.start, part.end, SegmentKind.LOCATION, 0.8)
        else:
            joined.append(part)
    return joined


_UNSURE_NAME_KINDS = frozenset({SegmentKind.UNKNOWN, SegmentKind.ORGANIZATION})


def _may_lead_a_region_code(part: HeaderSegment, joined: str) -> bool:
    if part.kind is SegmentKind.LOCATION:
        return True
    unsure = part.kind in _UNSURE_NAME_KINDS and part.confidence < SURE_SEGMENT
    return unsure and bool(CITY_REGION.match(joined))


def name_before_place(spans: SpanIndex, parts: list[HeaderSegment]) -> bool:
    """ "Brindle, Birmingham, AL", "Quillnote, Remote": a one-word name the NER does not call a
    place, followed by a city and region code or a work-mode word, is who, not where."""
    first, rest = parts[0], parts[1:]
    ner_place = first.kind is SegmentKind.LOCATION and first.confidence < SURE_SEGMENT
    if not (first.kind is SegmentKind.UNKNOWN or ner_place):
        return False
    tail = spans.text[rest[0].start : rest[-1].end]
    if tail.lower() in LOCATION_WORDS:
        return not spans.entities(first.start, first.end, {"GPE", "LOC"})
    # Only a region code closes a place for sure: "Coventry, England, United Kingdom" is a
    # city, region and country, "Brindle, Birmingham, AL" an employer, city and state. Before
    # a city and its code, a name the NER alone calls a place is the employer too ("Tarvelle,
    # Stamford, CT"): a job names one place.
    region = tail.rsplit(",", 1)[-1].strip()
    return bool(CITY_REGION.match(tail)) and bool(_REGION_CODE.match(region))


def _names_an_organization(spans: SpanIndex, first: HeaderSegment, last: HeaderSegment) -> bool:
    """An organization by NER or lexicon; or a name of several words no NER calls a place,
    unless what follows is a region code ("Las Cruces, NM")."""
    if first.kind is SegmentKind.ORGANIZATION:
        return True
    if first.kind is not SegmentKind.UNKNOWN or _REGION_CODE.match(last.text):
        return False
    places = spans.entities(first.start, first.end, {"GPE", "LOC"})
    return len(first.text.split()) >= 2 and not places
