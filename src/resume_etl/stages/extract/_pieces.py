"""Pieces of header lines, cut at their commas where the parts differ in kind.

A piece (what is left of a header line between separators) is classified by ``_piece_kind``
(lexicons inside it, the shape of a place or a sentence, last the NER). A piece with commas is
cut where its parts differ in kind ("Aire Valley NHS Trust, Leeds"), except inside brackets and
before a legal form ("X y Z, S.L."); the places among the parts are read in ``_piece_places``.
``_header`` cuts the lines into pieces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from resume_etl.nlp import labels
from resume_etl.stages.extract._brackets import balanced_end
from resume_etl.stages.extract._firm_names import partners_joined
from resume_etl.stages.extract._piece_kind import COMPLEMENT, GPA_STATED, classify_range
from resume_etl.stages.extract._piece_places import (
    LOCATION_WORDS,
    SURE_SEGMENT,
    is_legal_form,
    name_before_place,
    organization_then_place,
    trailing_place,
    with_region_codes,
)
from resume_etl.stages.extract._place_tail import name_then_place, title_then_place
from resume_etl.stages.extract._segments import HeaderSegment, SegmentKind
from resume_etl.stages.extract._spans import SpanIndex

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
    classified = with_region_codes([classify_range(spans, s, e) for s, e in parts], text)
    if whole.kind is SegmentKind.PROSE and (sentence := _sentence_parts(classified)):
        return sentence
    if placed := name_then_place(spans, classified) or title_then_place(spans, classified):
        return placed  # "Kettle Systems, Tarrow, Upper Norland", "Clerk Elm Park, MD"
    kinds = [segment.kind for segment in classified]
    if whole.kind is SegmentKind.LOCATION or (
        len(classified) > 1 and name_before_place(spans, classified)
    ):
        named = organization_then_place(spans, classified)
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
        place = trailing_place(spans, classified[1:])
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
    return parts[0].confidence < SURE_SEGMENT and any(
        part.kind is SegmentKind.ORGANIZATION and part.confidence >= SURE_SEGMENT
        for part in parts[1:]
    )


def _sentence_parts(parts: list[HeaderSegment]) -> list[HeaderSegment] | None:
    """The comma parts of a sentence in which no part is a name a lexicon or pattern is sure
    of: prose like their sentence ("hiring" and "training" of "... interviewing, hiring,
    training, and scheduling staff"), which cut short no longer reads as one. With a sure part
    ("velvo s.a., Lisbon"; "Program Coordinator, Department of Law. Responsible for ...") the
    parts are read as the parts of a header."""
    if any(part.confidence >= SURE_SEGMENT for part in parts):
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


def _comma_parts(spans: SpanIndex, start: int, end: int) -> list[tuple[int, int]]:
    """A piece cut at its commas, except commas inside brackets ("Practice Lead (Portal,
    NET)"), between a firm's partners ("Alder, Briskett & Dale") and before a legal form
    ("Sistemas y Redes del Norte, S.L."), which belong to the name."""
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
    for part in partners_joined(text, parts, _claimed(spans, parts)):
        if joined and is_legal_form(spans, *part):
            joined[-1] = (joined[-1][0], part[1])
        else:
            joined.append(part)
    return joined


_CLAIMING = (labels.TITLE_HEADS, labels.ORG_KEYWORDS, labels.DEGREES, labels.SKILLS)


def _claimed(spans: SpanIndex, parts: list[tuple[int, int]]) -> frozenset[tuple[int, int]]:
    """The parts a lexicon or the entity recognizer reads as something a surname is not."""
    return frozenset(
        (start, end)
        for start, end in parts
        if any(spans.within(key, start, end) for key in _CLAIMING)
        or spans.entities(start, end, {"GPE", "LOC"})
    )


def _gpa_after(text: str, start: int, end: int) -> bool:
    """Whether a GPA follows a comma in the piece ("BSc in Physics, GPA: 3.8"): the degree
    before it is a piece of its own."""
    found = GPA_STATED.search(text, start, end)
    return found is not None and "," in text[start : found.start()]


def first_of_kind(segments: list[HeaderSegment], kind: SegmentKind) -> HeaderSegment | None:
    return next((segment for segment in segments if segment.kind is kind), None)


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)
