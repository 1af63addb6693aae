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
            for piece_start, piece_end in _split(spans.text, start, end):
                segments.extend(_classify_piece(spans, piece_start, piece_end))
    return segments


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
    if new_end - new_start >= _MIN_SEGMENT_CHARS:
        yield new_start, new_end


def _classify_piece(spans: SpanIndex, start: int, end: int) -> list[HeaderSegment]:
    """Classify a piece; split it on commas when its parts are of different kinds."""
    text = spans.text
    whole = _classify_range(spans, start, end)
    if "," not in text[start:end] or whole.kind is SegmentKind.GPA:
        return [whole]
    parts: list[tuple[int, int]] = []
    cursor = start
    for match in re.finditer(",", text[start:end]):
        parts.extend(_trimmed(text, cursor, start + match.start()))
        cursor = start + match.end()
    parts.extend(_trimmed(text, cursor, end))
    classified = [_classify_range(spans, s, e) for s, e in parts]
    kinds = [segment.kind for segment in classified]
    if whole.kind is SegmentKind.LOCATION:
        return _organization_then_place(spans, classified) or [whole]
    placeable = {SegmentKind.ORGANIZATION, SegmentKind.UNKNOWN, SegmentKind.LOCATION}
    if kinds[0] is SegmentKind.ORGANIZATION and set(kinds[1:]) <= placeable:
        # "Aire Valley NHS Trust, Leeds", "GmbH, Esslingen am Neckar": the organization's name
        # comes first; what follows places or describes it.
        place = _trailing_place(spans, classified[1:])
        return [classified[0], place] if place is not None else classified[:1]
    if len(set(kinds)) > 1:
        return classified
    return [whole]


_MAX_PLACE_WORDS = 3


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
    if len(parts) < 2 or not _names_an_organization(spans, parts[0], parts[-1]):
        return None
    place_start, place_end = parts[1].start, parts[-1].end
    place = HeaderSegment(
        spans.text[place_start:place_end], place_start, place_end, SegmentKind.LOCATION, 0.6
    )
    return [parts[0], place]


_REGION_CODE = re.compile(r"^[A-Z]{2,3}$")


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
    ]
    if not keywords:
        return None
    in_head = [found for found in keywords if found[0] <= head_end]
    return max(in_head or keywords)[1]


def _first(segments: list[HeaderSegment], kind: SegmentKind) -> HeaderSegment | None:
    return next((segment for segment in segments if segment.kind is kind), None)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)
