"""Pieces of header lines, cut at their commas where the parts differ in kind.

A piece (what is left of a header line between separators) is classified by ``_piece_kind``
(lexicons inside it, the shape of a place or a sentence, last the NER). A piece with commas is
cut where its parts differ in kind ("Aire Valley NHS Trust, Leeds"), except inside brackets and
before a legal form ("X y Z, S.L."). ``_header`` cuts the lines into pieces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from resume_etl.nlp import labels
from resume_etl.stages.extract._brackets import CITY_REGION, balanced_end
from resume_etl.stages.extract._firm_names import is_trade_word, lists_trades
from resume_etl.stages.extract._piece_kind import (
    COMPLEMENT,
    GPA_STATED,
    LOCATION_WORDS,
    classify_range,
)
from resume_etl.stages.extract._place_tail import name_then_place
from resume_etl.stages.extract._segments import HeaderSegment, SegmentKind
from resume_etl.stages.extract._spans import SpanIndex, covers

# What other modules read from here, including the segment types that live in ``_segments``
# and the kind of a piece, in ``_piece_kind``.
__all__ = [
    "COMPLEMENT",
    "EDGE_JUNK",
    "GPA_STATED",
    "LOCATION_WORDS",
    "MIN_SEGMENT_CHARS",
    "HeaderSegment",
    "SegmentKind",
    "classify_piece",
    "classify_range",
    "first_of_kind",
    "line_of",
    "trimmed_pieces",
]

EDGE_JUNK = re.compile(r"^[\W_]+|[\W_]+$")
_EDGE_KEEP = re.compile(r"[)\].+#]$")
MIN_SEGMENT_CHARS = 2
_SURE_SEGMENT = 0.8
"""A lexicon's or a pattern's confidence; below it a segment's kind is the NER's guess."""


_TRAILING_MARKS = re.compile(r"[\W_]+$")


def trimmed_pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    piece = text[start:end]
    lead = len(piece) - len(EDGE_JUNK.sub("", piece, count=1)) if EDGE_JUNK.match(piece) else 0
    # Spaces first: "Brellow Pvt Ltd. " before a masked date keeps the stop of "Ltd.".
    spaced = piece[lead:]
    stripped = spaced.rstrip()
    trail = len(spaced) - len(stripped)
    trail_match = _TRAILING_MARKS.search(stripped)
    if trail_match and not (_EDGE_KEEP.search(stripped) and balanced_end(stripped)):
        trail += len(trail_match.group())
    elif trail_match:
        trail += len(stripped) - len(stripped.rstrip(" ,;:-"))
    new_start, new_end = start + lead, end - trail
    new_end = _kept_closing(text, new_start, new_end, end)
    if new_end - new_start >= MIN_SEGMENT_CHARS:
        yield new_start, new_end


_ABBREVIATION_END = re.compile(r"(?:^|[\s.])[A-Z]$")


def _kept_closing(text: str, start: int, end: int, limit: int) -> int:
    """The trimmed end, moved past what the name still needs: the bracket that closes one it
    opened ("Practice Lead (Portal, Search)") and the stop of an abbreviation ("S.L.")."""
    for _ in range(2):
        if end >= limit:
            break
        piece, following = text[start:end], text[end]
        closes = following == ")" and piece.count("(") > piece.count(")")
        if not closes and not (following == "." and _ABBREVIATION_END.search(piece)):
            break
        end += 1
    return end


def classify_piece(spans: SpanIndex, start: int, end: int) -> list[HeaderSegment]:
    """Classify a piece; split it on commas when its parts are of different kinds."""
    text = spans.text
    whole = classify_range(spans, start, end)
    if "," not in text[start:end] or (
        whole.kind is SegmentKind.GPA and not _gpa_after(text, start, end)
    ):
        return [whole]
    parts = _comma_parts(spans, start, end)
    if lists_trades(spans, parts):
        return [HeaderSegment(text[start:end], start, end, SegmentKind.PROSE, 0.3)]
    classified = _with_region_codes([classify_range(spans, s, e) for s, e in parts], text)
    if whole.kind is SegmentKind.PROSE and (sentence := _sentence_parts(classified)):
        return sentence
    if (placed := name_then_place(spans, classified)) is not None:
        return placed  # "Kettle Systems, Tarrow, Upper Norland" (``_place_tail``)
    kinds = [segment.kind for segment in classified]
    if whole.kind is SegmentKind.LOCATION or (
        len(classified) > 1 and _name_before_place(spans, classified)
    ):
        named = _organization_then_place(spans, classified)
        return named or (classified if _weak_place_before_place(classified) else [whole])
    placeable = {SegmentKind.ORGANIZATION, SegmentKind.UNKNOWN, SegmentKind.LOCATION}
    if (
        kinds[0] is SegmentKind.ORGANIZATION
        and set(kinds[1:]) <= placeable
        and not _school_after(spans, classified)
        and not _surer_name_after(classified)
    ):
        # "Aire Valley NHS Trust, Leeds", "GmbH, Esslingen am Neckar": the organization's name
        # comes first; what follows places or describes it.
        place = _trailing_place(spans, classified[1:])
        return [classified[0], place] if place is not None else classified[:1]
    if (
        len(set(kinds)) > 1
        or _weak_place_before_place(classified)
        or _school_after(spans, classified)
        or _surer_name_after(classified)
    ):
        return classified
    return [whole]


def _surer_name_after(parts: list[HeaderSegment]) -> bool:
    """ "Cloud/SRE, Quillmark S.A": a first part only the NER calls an organization, before a
    part a lexicon is sure names one, is no name that the rest describes, but a piece of its
    own (a title the NER misread)."""
    return parts[0].confidence < _SURE_SEGMENT and any(
        part.kind is SegmentKind.ORGANIZATION and part.confidence >= _SURE_SEGMENT
        for part in parts[1:]
    )


def _sentence_parts(parts: list[HeaderSegment]) -> list[HeaderSegment] | None:
    """The comma parts of a sentence in which no part is a name a lexicon or pattern is sure
    of: prose like their sentence ("hiring" and "training" of "... interviewing, hiring,
    training, and scheduling staff"), which cut short no longer reads as one. With a sure part
    ("velvo s.a., Lisbon"; "Program Coordinator, Department of Law. Responsible for ...") the
    parts are read as the parts of a header."""
    if any(part.confidence >= _SURE_SEGMENT for part in parts):
        return None
    return [
        HeaderSegment(part.text, part.start, part.end, SegmentKind.PROSE, 0.3) for part in parts
    ]


def _school_after(spans: SpanIndex, parts: list[HeaderSegment]) -> bool:
    """ "Graduate in Commerce, Lakemont College of Arts": a school named after a first part
    that names none is no description of it, but a piece of its own."""
    return not _academic(spans, parts[0]) and any(_academic(spans, part) for part in parts[1:])


def _academic(spans: SpanIndex, part: HeaderSegment) -> bool:
    return any(
        word._.get(labels.CATEGORY_ATTR) == labels.ACADEMIC
        for word in spans.within(labels.ORG_KEYWORDS, part.start, part.end)
    )


def _weak_place_before_place(parts: list[HeaderSegment]) -> bool:
    """ "Brindle, Birmingham, AL": a name only the NER calls a place, before a sure city and
    region, stays a segment of its own (the header's layout may say it is the employer)."""
    return (
        len(parts) == 2
        and all(part.kind is SegmentKind.LOCATION for part in parts)
        and parts[0].confidence < parts[1].confidence
    )


_MAX_PLACE_WORDS = 3


def _comma_parts(spans: SpanIndex, start: int, end: int) -> list[tuple[int, int]]:
    """A piece cut at its commas, except commas inside brackets ("Practice Lead (Portal,
    NET)") and the comma before a legal form ("Comunicaciones y Automatización, S.L."),
    which belongs to the name."""
    text = spans.text
    cuts = [
        start + match.start()
        for match in re.finditer(",", text[start:end])
        if text.count("(", start, start + match.start())
        <= text.count(")", start, start + match.start())
    ]
    parts: list[tuple[int, int]] = []
    cursor = start
    for cut in [*cuts, end]:
        parts.extend(trimmed_pieces(text, cursor, cut))
        cursor = cut + 1
    joined: list[tuple[int, int]] = []
    for part in parts:
        if joined and _is_legal_form(spans, *part):
            joined[-1] = (joined[-1][0], part[1])
        else:
            joined.append(part)
    return joined


_LEGAL_FORM_CHARS = re.compile(r"^[A-Z][A-Za-z.&/ ]{0,11}$")


def _is_legal_form(spans: SpanIndex, start: int, end: int) -> bool:
    """A part that is only a company's legal form ("S.L.", "Inc.", "GmbH & Co. KG"); a trade
    word alone ("Consulting") is none (``_firm_names.lists_trades``)."""
    text = spans.text[start:end]
    if not _LEGAL_FORM_CHARS.match(text):
        return False
    keywords = [
        word
        for word in spans.within(labels.ORG_KEYWORDS, start, end + 1)
        if not is_trade_word(word)
    ]
    return bool(keywords) and covers(keywords, start, end, 0.6)


def _trailing_place(spans: SpanIndex, rest: list[HeaderSegment]) -> HeaderSegment | None:
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
    if not is_place and len(text.split()) > _MAX_PLACE_WORDS:
        return None
    return HeaderSegment(text, start, end, SegmentKind.LOCATION, 0.6)


def _organization_then_place(
    spans: SpanIndex, parts: list[HeaderSegment]
) -> list[HeaderSegment] | None:
    """ "Fenwick Marr Solicitors, Manchester" reads like a city-and-region pair; when its first
    part is an organization (by NER or lexicon), the rest is where it is."""
    if len(parts) < 2:
        return None
    name = parts[0]
    if _name_before_place(spans, parts):
        name = HeaderSegment(name.text, name.start, name.end, SegmentKind.ORGANIZATION, 0.6)
    elif not _names_an_organization(spans, parts[0], parts[-1]):
        return None
    place_start, place_end = parts[1].start, parts[-1].end
    place = HeaderSegment(
        spans.text[place_start:place_end], place_start, place_end, SegmentKind.LOCATION, 0.6
    )
    return [name, place]


_REGION_CODE = re.compile(r"^[A-Z]{2,3}$")


def _with_region_codes(parts: list[HeaderSegment], text: str) -> list[HeaderSegment]:
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
    unsure = part.kind in _UNSURE_NAME_KINDS and part.confidence < _SURE_SEGMENT
    return unsure and bool(CITY_REGION.match(joined))


def _name_before_place(spans: SpanIndex, parts: list[HeaderSegment]) -> bool:
    """ "Brindle, Birmingham, AL", "Quillnote, Remote": a one-word name the NER does not call a
    place, followed by a city and region code or a work-mode word, is who, not where."""
    first, rest = parts[0], parts[1:]
    ner_place = first.kind is SegmentKind.LOCATION and first.confidence < _SURE_SEGMENT
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


def _gpa_after(text: str, start: int, end: int) -> bool:
    """Whether a GPA follows a comma in the piece ("BSc in Physics, GPA: 3.8"): the degree
    before it is a piece of its own."""
    found = GPA_STATED.search(text, start, end)
    return found is not None and "," in text[start : found.start()]


def first_of_kind(segments: list[HeaderSegment], kind: SegmentKind) -> HeaderSegment | None:
    return next((segment for segment in segments if segment.kind is kind), None)


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)
