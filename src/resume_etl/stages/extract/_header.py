"""Entry headers cut into classified segments: organization, role, degree, place, ...

A header line is cut at separators (``|``, ``·``, `` at ``, wide gaps, and commas where the parts
differ in kind), then each piece is classified by what the lexicons found inside it; NER only
breaks ties. Labelled lines ("Company: X") and table rows under named columns say their kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from resume_etl.nlp import labels
from resume_etl.stages.extract._draft import Extracted
from resume_etl.stages.extract._spans import SpanIndex, _covers
from resume_etl.stages.segment import Line


class SegmentKind(StrEnum):
    EMPLOYMENT_TYPE = "employment_type"
    GPA = "gpa"
    DEGREE = "degree"
    ORGANIZATION = "organization"
    ROLE = "role"
    LOCATION = "location"
    UNKNOWN = "unknown"
    PROSE = "prose"
    """A sentence or a wrapped fragment of one, never a name or a title."""


@dataclass(frozen=True, slots=True)
class HeaderSegment:
    text: str
    start: int
    end: int
    kind: SegmentKind
    confidence: float

    def extracted(self, confidence: float | None = None) -> Extracted:
        return Extracted(self.text, self.start, self.end, confidence or self.confidence)


_SEPARATORS = re.compile(
    r"\s+[|·•]\s+|\s*[|·•]\s*$|^\s*[|·•]\s*|\s+-\s+|\s{3,}|\s+@\s+|\s+at\s+(?=[A-Z])|;\s+"
)
_EDGE_JUNK = re.compile(r"^[\W_]+|[\W_]+$")
_EDGE_KEEP = re.compile(r"[)\].+#]$")
_GPA = re.compile(
    r"(?i)\b(?:c?gpa|grade point average|grade)\b\s*[:=]?\s*(\d{1,2}(?:\.\d{1,3})?)"
    r"(?:\s*(?:/|out of|of)\s*(\d{1,3}(?:\.\d{1,2})?))?"
)
_LOCATION_WORDS = frozenset({"remote", "hybrid", "on-site", "onsite", "worldwide"})
_CITY_REGION = re.compile(
    r"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}, (?:[A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)$"
)
_MIN_SEGMENT_CHARS = 2


# A labelled CV says what each header line holds ("Company: X", "Designation: Y"): the label
# decides, and the value is not cut further. A label not listed here ("From:", "Percentage:")
# holds nothing a header segment is made of.
_FIELD_LABEL = re.compile(r"([A-Za-z][A-Za-z ]{1,24}?)\s*:\s*")
_LABEL_KINDS: dict[str, SegmentKind] = {
    **dict.fromkeys(
        (
            "company",
            "employer",
            "organization",
            "organisation",
            "firm",
            "institute",
            "institution",
            "school",
            "university",
            "college",
            "company name",
            "employer name",
        ),
        SegmentKind.ORGANIZATION,
    ),
    **dict.fromkeys(
        ("position", "designation", "role", "title", "job title", "post"), SegmentKind.ROLE
    ),
    **dict.fromkeys(("location", "city", "place", "based in"), SegmentKind.LOCATION),
    **dict.fromkeys(
        ("qualification", "degree", "course", "programme", "program"), SegmentKind.DEGREE
    ),
    **dict.fromkeys(("employment type", "type", "job type"), SegmentKind.EMPLOYMENT_TYPE),
    **dict.fromkeys(("gpa", "cgpa", "grade", "grades"), SegmentKind.GPA),
}
_PARENTHESES = re.compile(r"\([^()]{2,60}\)")


_TABLE_CELL = re.compile(r"[^|]+")


def table_cells(line: Line, text: str) -> list[tuple[int, int]]:
    """The cells of a markdown table row, trimmed, in column order (empty cells kept)."""
    cells = []
    inner_start = text.find("|", line.start, line.end) + 1
    inner_end = text.rfind("|", line.start, line.end)
    for match in _TABLE_CELL.finditer(text, inner_start, max(inner_start, inner_end)):
        value = match.group()
        lead = len(value) - len(value.lstrip())
        cells.append((match.start() + lead, match.start() + len(value.rstrip())))
    return cells


def column_segments(row: Line, columns: Line, spans: SpanIndex) -> list[HeaderSegment]:
    """Segments of a table row: a column named like a CV label ("Company", "Degree") says what
    its cell holds; any other cell is classified like a header piece."""
    text = spans.text
    names = [text[s:e].strip("* ").lower() for s, e in table_cells(columns, text)]
    segments: list[HeaderSegment] = []
    for index, (start, end) in enumerate(table_cells(row, text)):
        kind = _LABEL_KINDS.get(names[index]) if index < len(names) else None
        if end - start < _MIN_SEGMENT_CHARS or spans.within(labels.DATES, start, end):
            continue
        if kind is None:
            segments.extend(_classify_piece(spans, start, end))
        elif kind is SegmentKind.ROLE:
            stated = _parenthesized_employment(row, spans)
            segments.extend(stated)
            masks = [(segment.start, segment.end) for segment in stated]
            for piece in _unmasked_pieces(start, end, masks):
                for trimmed in _trimmed(text, *piece):
                    segments.append(HeaderSegment(text[slice(*trimmed)], *trimmed, kind, 0.9))
                    break
        else:
            segments.append(HeaderSegment(text[start:end], start, end, kind, 0.9))
    return segments


def header_segments(
    lines: Sequence[Line],
    spans: SpanIndex,
    masks: Sequence[tuple[int, int]],
    columns: Line | None = None,
) -> list[HeaderSegment]:
    """Cut header lines into classified segments; ``masks`` (dates, GPA) are cut out first.

    A parenthesis that states an employment type ("(part-time)", "(seasonal)") is a segment of
    its own, so it stays out of the role or organization it follows.
    """
    if columns is not None and len(lines) == 1:
        return column_segments(lines[0], columns, spans)
    segments: list[HeaderSegment] = []
    for line in lines:
        stated = _parenthesized_employment(line, spans)
        segments.extend(stated)
        line_masks = [*masks, *((segment.start, segment.end) for segment in stated)]
        labelled = _labelled_segment(line, spans, line_masks)
        if labelled is not None:
            segments.extend(labelled)
            continue
        for start, end in _unmasked_pieces(line.content_start, line.end, line_masks):
            segments.extend(_line_pieces(spans, start, end))
    return segments


_AFTER_AT = re.compile(r"(?:\s+at|\s*@)\s*$")
_AT_LOWER = re.compile(r"\s+at\s+(?=[a-z\u00df-\u00ff])")


def _line_pieces(spans: SpanIndex, start: int, end: int) -> list[HeaderSegment]:
    """The classified pieces of a stretch of a header line. "Role at Organization" names
    its employer by syntax: the piece after "at" or "@" is the organization when no rule
    says what it is, and a title before "at" cuts the piece even where the employer is
    written in lower case ("Intern at backstitch")."""
    found: list[HeaderSegment] = []
    for piece_start, piece_end in _split(spans.text, start, end):
        pieces = _role_at_employer(spans, piece_start, piece_end) or _classify_piece(
            spans, piece_start, piece_end
        )
        first = pieces[0] if pieces else None
        if first is not None and _AFTER_AT.search(spans.text, start, piece_start):
            pieces[0] = _as_employer(first)
        found.extend(pieces)
    return found


def _as_employer(segment: HeaderSegment) -> HeaderSegment:
    unsure = segment.confidence < 0.8  # below a lexicon's or a pattern's
    if segment.kind is SegmentKind.UNKNOWN or (
        unsure and segment.kind in (SegmentKind.LOCATION, SegmentKind.ORGANIZATION)
    ):
        return HeaderSegment(
            segment.text, segment.start, segment.end, SegmentKind.ORGANIZATION, 0.8
        )
    return segment


def _role_at_employer(spans: SpanIndex, start: int, end: int) -> list[HeaderSegment] | None:
    at = _AT_LOWER.search(spans.text, start, end)
    if at is None:
        return None
    role = _classify_range(spans, start, at.start())
    employer = next(_trimmed(spans.text, at.end(), end), None)
    if role.kind is not SegmentKind.ROLE or employer is None:
        return None
    organization = HeaderSegment(
        spans.text[slice(*employer)], *employer, SegmentKind.ORGANIZATION, 0.8
    )
    return [role, organization]


def _parenthesized_employment(line: Line, spans: SpanIndex) -> list[HeaderSegment]:
    found = []
    for match in _PARENTHESES.finditer(spans.text, line.content_start, line.end):
        if spans.within(labels.EMPLOYMENT_TYPES, match.start(), match.end()):
            found.append(
                HeaderSegment(
                    match.group(), match.start(), match.end(), SegmentKind.EMPLOYMENT_TYPE, 0.9
                )
            )
    return found


def _labelled_segment(
    line: Line, spans: SpanIndex, masks: Sequence[tuple[int, int]]
) -> list[HeaderSegment] | None:
    """The segment of a "Label: value" line, [] for a label that holds no header field, or
    None when the line has no label."""
    text = spans.text
    label = _FIELD_LABEL.match(text, line.content_start, line.end)
    if label is None:
        return None
    kind = _LABEL_KINDS.get(" ".join(label.group(1).lower().split()))
    if kind is None:
        return []
    pieces = [
        trimmed
        for piece in _unmasked_pieces(label.end(), line.end, masks)
        for trimmed in _trimmed(text, *piece)
    ]
    if not pieces:
        return []
    start, end = pieces[0][0], pieces[-1][1]
    if kind is SegmentKind.ORGANIZATION:
        end = _name_before_qualifier(text, start, end)
    return [HeaderSegment(text[start:end], start, end, kind, 0.9)]


_QUALIFIER_BREAK = re.compile(r"[,;]\s*")
_MAX_QUALIFIER_WORDS = 3


def _name_before_qualifier(text: str, start: int, end: int) -> int:
    """End of an organization's name before a short trailing qualifier: its city ("St. Aloysius
    College, Chennai"), what it is ("X & Associates, Chartered Accountants"), an honour."""
    found = _QUALIFIER_BREAK.search(text, start, end)
    if found is None:
        return end
    short_tail = len(text[found.end() : end].split()) <= _MAX_QUALIFIER_WORDS
    return found.start() if text[found.start()] == ";" or short_tail else end


def _unmasked_pieces(
    start: int, end: int, masks: Sequence[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    cursor = start
    for mask_start, mask_end in sorted(masks):
        if mask_end <= cursor or mask_start >= end:
            continue
        if mask_start > cursor:
            yield cursor, mask_start
        cursor = max(cursor, mask_end)
    if cursor < end:
        yield cursor, end


def _split(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    cursor = start
    for match in _SEPARATORS.finditer(text, start, end):
        yield from _trimmed(text, cursor, match.start())
        cursor = match.end()
    yield from _trimmed(text, cursor, end)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    piece = text[start:end]
    lead = len(piece) - len(_EDGE_JUNK.sub("", piece, count=1)) if _EDGE_JUNK.match(piece) else 0
    stripped = piece[lead:]
    trail_match = re.search(r"[\W_]+$", stripped)
    trail = 0
    if trail_match and not _EDGE_KEEP.search(stripped):
        trail = len(trail_match.group())
    elif trail_match:
        trail = len(stripped) - len(stripped.rstrip(" ,;:-"))
    new_start, new_end = start + lead, end - trail
    new_end = _kept_closing(text, new_start, new_end, end)
    if new_end - new_start >= _MIN_SEGMENT_CHARS:
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


def _classify_piece(spans: SpanIndex, start: int, end: int) -> list[HeaderSegment]:
    """Classify a piece; split it on commas when its parts are of different kinds."""
    text = spans.text
    whole = _classify_range(spans, start, end)
    if "," not in text[start:end] or whole.kind is SegmentKind.GPA:
        return [whole]
    parts = _comma_parts(spans, start, end)
    classified = _with_region_codes([_classify_range(spans, s, e) for s, e in parts], text)
    kinds = [segment.kind for segment in classified]
    if whole.kind is SegmentKind.LOCATION or (
        len(classified) > 1 and _name_before_place(spans, classified)
    ):
        named = _organization_then_place(spans, classified)
        return named or (classified if _weak_place_before_place(classified) else [whole])
    placeable = {SegmentKind.ORGANIZATION, SegmentKind.UNKNOWN, SegmentKind.LOCATION}
    if kinds[0] is SegmentKind.ORGANIZATION and set(kinds[1:]) <= placeable:
        # "Aire Valley NHS Trust, Leeds", "GmbH, Esslingen am Neckar": the organization's name
        # comes first; what follows places or describes it.
        place = _trailing_place(spans, classified[1:])
        return [classified[0], place] if place is not None else classified[:1]
    if len(set(kinds)) > 1 or _weak_place_before_place(classified):
        return classified
    return [whole]


def _weak_place_before_place(parts: list[HeaderSegment]) -> bool:
    """ "Daxko, Birmingham, AL": a name only the NER calls a place, before a sure city and
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
        parts.extend(_trimmed(text, cursor, cut))
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
    """A part that is only a company's legal form ("S.L.", "Inc.", "GmbH & Co. KG")."""
    text = spans.text[start:end]
    if not _LEGAL_FORM_CHARS.match(text):
        return False
    keywords = spans.within(labels.ORG_KEYWORDS, start, end + 1)
    return bool(keywords) and _covers(keywords, start, end, 0.6)


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
    """A region code after a place belongs to it: "Birmingham" and "AL" are one place."""
    joined: list[HeaderSegment] = []
    for part in parts:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind is SegmentKind.LOCATION
            and _REGION_CODE.match(part.text)
        ):
            place = text[previous.start : part.end]
            joined[-1] = HeaderSegment(place, previous.start, part.end, SegmentKind.LOCATION, 0.8)
        else:
            joined.append(part)
    return joined


def _name_before_place(spans: SpanIndex, parts: list[HeaderSegment]) -> bool:
    """ "Daxko, Birmingham, AL", "Stripe, Remote": a one-word name the NER does not call a
    place, followed by a whole city-and-region pair or a work-mode word, is who, not where."""
    first, rest = parts[0], parts[1:]
    if first.kind is not SegmentKind.UNKNOWN or spans.entities(
        first.start, first.end, {"GPE", "LOC"}
    ):
        return False
    tail = spans.text[rest[0].start : rest[-1].end]
    if len(rest) == 1:
        return tail.lower() in _LOCATION_WORDS
    return bool(_CITY_REGION.match(tail))


def _names_an_organization(spans: SpanIndex, first: HeaderSegment, last: HeaderSegment) -> bool:
    """An organization by NER or lexicon; or a name of several words no NER calls a place,
    unless what follows is a region code ("Las Cruces, NM")."""
    if first.kind is SegmentKind.ORGANIZATION:
        return True
    if first.kind is not SegmentKind.UNKNOWN or _REGION_CODE.match(last.text):
        return False
    places = spans.entities(first.start, first.end, {"GPE", "LOC"})
    return len(first.text.split()) >= 2 and not places


def _classify_range(spans: SpanIndex, start: int, end: int) -> HeaderSegment:
    text = spans.text[start:end]

    def segment(kind: SegmentKind, confidence: float) -> HeaderSegment:
        return HeaderSegment(text, start, end, kind, confidence)

    if looks_like_prose(text):
        return segment(SegmentKind.PROSE, 0.3)
    employment = spans.within(labels.EMPLOYMENT_TYPES, start, end)
    titled = bool(spans.within(labels.TITLE_HEADS, start, end))
    # "Seasonal Cook", "Apprentice Chef": a title that implies its employment type is a role.
    if employment and _covers(employment, start, end, 0.6) and not titled:
        return segment(SegmentKind.EMPLOYMENT_TYPE, 0.95)
    if _GPA.search(text):
        return segment(SegmentKind.GPA, 0.95)
    if spans.within(labels.DEGREES, start, end):
        return segment(SegmentKind.DEGREE, 0.9)
    if (head_kind := _phrase_head_kind(spans, start, end)) is not None:
        return segment(head_kind, 0.9)
    if text.lower() in _LOCATION_WORDS or _CITY_REGION.match(text):
        return segment(SegmentKind.LOCATION, 0.8)
    places = spans.entities(start, end, {"GPE", "LOC"})
    if places and _covers(places, start, end, 0.8):
        return segment(SegmentKind.LOCATION, 0.6)
    if spans.entities(start, end, {"ORG"}):
        return segment(SegmentKind.ORGANIZATION, 0.7)
    return segment(SegmentKind.UNKNOWN, 0.5)


_COMPLEMENT = re.compile(r"\s(?:of|for|at|in)\s", re.I)
_LOWER_WORD_NEXT = re.compile(r"\s+[a-z\u00df-\u00ff]{4,}\b")
"""A lower-case content word right after a keyword: "Research focused on ..." is a clause,
and its first word is not the head of a name."""


def _phrase_head_kind(spans: SpanIndex, start: int, end: int) -> SegmentKind | None:
    """Role or organization, decided by the phrase's head word.

    An English noun phrase ends in its head, before any "of/for" complement: "Marketing
    Intern" is a role, "Brightpath Media" an organization, "Head of Marketing" a role and
    "University of Leeds" an organization, although each holds words of both lexicons.
    """
    complement = _COMPLEMENT.search(spans.text, start, end)
    head_end = complement.start() if complement else end
    keywords = [
        (span.end_char, kind)
        for key, kind in (
            (labels.ORG_KEYWORDS, SegmentKind.ORGANIZATION),
            (labels.TITLE_HEADS, SegmentKind.ROLE),
        )
        for span in spans.within(key, start, end)
        if not _LOWER_WORD_NEXT.match(spans.text, span.end_char, head_end)
    ]
    if not keywords:
        return None
    in_head = [found for found in keywords if found[0] <= head_end]
    return max(in_head or keywords)[1]


_FUNCTION_WORD_MAX = 3
_PROSE_MAX_WORDS = 12
_PROSE_MIN_WORDS = 7
_PROSE_LOWER_WORDS = 3
_CLAUSE_START = re.compile(r"(?:and|or|but|to|of|for|with|on|in|by|the|as|from|into)\s")
"""The first word of a wrapped sentence's rest ("and the ..."); no name starts so."""
_SENTENCE_BREAK = re.compile(r"[a-z\u00df-\u00ff]{3,}\. [A-Z]")
_SENTENCE_END = re.compile(r"(?:^|\s)[a-z\u00df-\u00ff]{3,}[.!?]$")


def looks_like_prose(text: str) -> bool:
    """A sentence or a wrapped piece of one, which no employer, title or place is.

    Names and titles are short and capitalize their content words ("Research Group of
    Applied Physics"); a sentence runs long, writes its content words in lower case, may
    start lower case (the wrapped rest of a line) and ends with a full stop after a word.
    Short lower-case names ("backstitch") stay names: one lower-case word is not prose.
    """
    words = text.split()
    if len(words) > _PROSE_MAX_WORDS or _SENTENCE_END.search(text) or _SENTENCE_BREAK.search(text):
        return True
    lower = [
        word
        for word in words
        if word[0].islower() and word.isalpha() and len(word) > _FUNCTION_WORD_MAX
    ]
    if words[0][0].islower() and len(words) >= 3 and (lower or _CLAUSE_START.match(text)):
        return True
    # A title in sentence case ("Senior software engineer in test") is short.
    return len(lower) >= _PROSE_LOWER_WORDS and len(words) >= _PROSE_MIN_WORDS


def _first(segments: list[HeaderSegment], kind: SegmentKind) -> HeaderSegment | None:
    return next((segment for segment in segments if segment.kind is kind), None)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)
