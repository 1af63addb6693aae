"""Pieces of header lines, classified: organization, role, degree, place, prose, ...

A piece (what is left of a header line between separators) is classified by what the lexicons
found inside it (an organization keyword, a job-title head, a degree, an employment type), by
the shape of a place ("Leeds, UK", "Remote") or of a sentence, and last by the NER. A piece with
commas is cut where its parts differ in kind ("Aire Valley NHS Trust, Leeds"), except inside
brackets and before a legal form ("X y Z, S.L."). ``_header`` cuts the lines into pieces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from resume_etl.nlp import labels
from resume_etl.stages.extract._brackets import CITY_REGION, balanced_end
from resume_etl.stages.extract._firm_names import names_a_firm, partners_joined, trade_word_modifies
from resume_etl.stages.extract._place_tail import name_then_place, title_then_place
from resume_etl.stages.extract._prose import looks_like_prose
from resume_etl.stages.extract._segments import HeaderSegment, SegmentKind
from resume_etl.stages.extract._spans import SpanIndex, covers
from resume_etl.wordlists import builtin_forms, grammar_alternation

# What other modules read from here, including the segment types that live in ``_segments``.
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
GPA_STATED = re.compile(
    r"(?i)\b(?:c?gpa|grade point average|grade)\b\s*[:=]?\s*(\d{1,2}(?:\.\d{1,3})?)"
    r"(?:\s*(?:/|out of|of)\s*(\d{1,3}(?:\.\d{1,2})?))?"
)
LOCATION_WORDS = builtin_forms("entry_words.jsonl", "work_place")
"""Where a job is done when it is no town: "Remote", "Hybrid", "On-site"."""
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
    classified = _with_region_codes([classify_range(spans, s, e) for s, e in parts], text)
    if whole.kind is SegmentKind.PROSE and (sentence := _sentence_parts(classified)):
        return sentence
    if placed := name_then_place(spans, classified) or title_then_place(spans, classified):
        return placed  # "Kettle Systems, Tarrow, Upper Norland", "Clerk Elm Park, MD"
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
    NET)"), between a firm's partners ("Alder, Briskett & Dale") and before a legal form
    ("Comunicaciones y Automatización, S.L."), which belong to the name."""
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
    for part in partners_joined(text, parts):
        if joined and _is_legal_form(spans, *part):
            joined[-1] = (joined[-1][0], part[1])
        else:
            joined.append(part)
    return joined


_LEGAL_FORM_CHARS = re.compile(r"^[A-Z][A-Za-z.&/ ]{0,11}$")


def _is_legal_form(spans: SpanIndex, start: int, end: int) -> bool:
    """A part that is only a company's legal form ("S.L.", "Inc.", "GmbH & Co. KG")."""
    text = spans.text[start:end]
    if not _LEGAL_FORM_CHARS.match(text):
        return False
    keywords = spans.within(labels.ORG_KEYWORDS, start, end + 1)
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


def classify_range(spans: SpanIndex, start: int, end: int) -> HeaderSegment:
    text = spans.text[start:end]

    def segment(kind: SegmentKind, confidence: float) -> HeaderSegment:
        return HeaderSegment(text, start, end, kind, confidence)

    if names_a_firm(text):  # "planetline gmbh & co. kg": lower case, yet a name
        return segment(SegmentKind.ORGANIZATION, 0.9)
    if looks_like_prose(text):
        return segment(SegmentKind.PROSE, 0.3)
    employment = spans.within(labels.EMPLOYMENT_TYPES, start, end)
    titled = bool(spans.within(labels.TITLE_HEADS, start, end))
    # "Seasonal Cook", "Apprentice Chef": a title that implies its employment type is a role.
    if employment and covers(employment, start, end, 0.6) and not titled:
        return segment(SegmentKind.EMPLOYMENT_TYPE, 0.95)
    if GPA_STATED.search(text):
        return segment(SegmentKind.GPA, 0.95)
    if spans.within(labels.DEGREES, start, end):
        return segment(SegmentKind.DEGREE, 0.9)
    if (head_kind := _phrase_head_kind(spans, start, end)) is not None:
        return segment(head_kind, 0.9)
    if text.lower() in LOCATION_WORDS or CITY_REGION.match(text):
        return segment(SegmentKind.LOCATION, 0.8)
    places = spans.entities(start, end, {"GPE", "LOC"})
    if places and covers(places, start, end, 0.8):
        return segment(SegmentKind.LOCATION, 0.6)
    if spans.entities(start, end, {"ORG"}):
        return segment(SegmentKind.ORGANIZATION, 0.7)
    return segment(SegmentKind.UNKNOWN, 0.5)


COMPLEMENT = re.compile(rf"\s(?:{grammar_alternation('complement_preposition')})\s", re.I)
_LOWER_WORD_NEXT = re.compile(r"\s+[a-z\u00df-\u00ff]{4,}\b")
"""A lower-case content word right after a keyword: "Research focused on ..." is a clause,
and its first word is not the head of a name."""


def _phrase_head_kind(spans: SpanIndex, start: int, end: int) -> SegmentKind | None:
    """Role or organization, decided by the phrase's head word.

    An English noun phrase ends in its head, before any "of/for" complement: "Marketing
    Intern" is a role, "Brightpath Media" an organization, "Head of Marketing" a role and
    "University of Leeds" an organization, although each holds words of both lexicons.
    Titles joined by a slash name one person's posts: "Plant Manager/VP Field Operations"
    is a role by its first title's head, whatever the last title ends in.
    """
    slash = _TITLES_SLASH.search(spans.text, start, end)
    if slash is not None and _phrase_head_kind(spans, start, slash.start()) is SegmentKind.ROLE:
        return SegmentKind.ROLE
    complement = _HEAD_END.search(spans.text, start, end)
    head_end = complement.start() if complement else end
    keywords = [
        (span.end_char, kind)
        for key, kind in (
            (labels.ORG_KEYWORDS, SegmentKind.ORGANIZATION),
            (labels.TITLE_HEADS, SegmentKind.ROLE),
        )
        for span in spans.within(key, start, end)
        if not _LOWER_WORD_NEXT.match(spans.text, span.end_char, head_end)
        and not (kind is _ORG and trade_word_modifies(spans, span, head_end))
    ]
    if not keywords:
        return None
    in_head = [found for found in keywords if found[0] <= head_end]
    # A head word both lexicons hold is a plural ("Whitcombe Associates", "Brook Consultants"):
    # a firm's name, since a job title names one person.
    return max(in_head or keywords, key=lambda found: (found[0], found[1] is _ORG))[1]


_ORG = SegmentKind.ORGANIZATION
_TITLES_SLASH = re.compile(r"(?<=\w\w)\s*/\s*(?=\w\w)")
"""A slash between two words ("Manager/VP"), not inside an abbreviation ("A/P", "I/O")."""
_HEAD_END = re.compile(rf"{COMPLEMENT.pattern}|\s[-–—]\s", re.I)
"""A complement, or a spaced dash left inside a piece ("*Developer - Finance Team*": the team)."""


def first_of_kind(segments: list[HeaderSegment], kind: SegmentKind) -> HeaderSegment | None:
    return next((segment for segment in segments if segment.kind is kind), None)


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)
