"""Extract: turn a segmented document and its spaCy ``Doc`` into typed candidates.

Layout and lexicons lead; the statistical NER only breaks ties. An entry header such as
``Research Assistant / Lab, University of X / Dec 2024 - Mar 2026`` is cut into segments (by
line, ``|``, ``·``, `` at ``, wide gaps and, where the parts differ in kind, commas), and each
segment is classified by what the lexicon components found inside it: an employment type, a
degree, an organization keyword ("University", "LLC"), a job-title head word ("Engineer"). Only a
segment none of them claims falls back to NER (ORG/GPE) and, last, to its position. A value no rule
supports is left empty, with a lower confidence, rather than guessed.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypedDict

from spacy.language import Language
from spacy.tokens import Doc, Span

from resume_etl.dates import DateRangeMatch
from resume_etl.nlp import labels
from resume_etl.nlp.components import ContactMatch
from resume_etl.nlp.metrics import MetricMatch
from resume_etl.stages.citations import CitationText, join_citation, parse_citation, split_citations
from resume_etl.stages.segment import (
    Entry,
    Line,
    LineKind,
    Section,
    SegmentedDocument,
    is_date_line,
    is_prose,
)
from resume_etl.vocab import DegreeLevel, EmploymentType, LinkPlatform, SectionKind, SkillSource


@dataclass(frozen=True, slots=True)
class Extracted:
    """A value found in the text, where it is, and how sure the rule that found it is."""

    value: str
    start: int
    end: int
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class EntryBase:
    entry_id: str
    section_id: str
    position: int
    start: int
    end: int
    dates: DateRangeMatch | None
    description: str | None
    bullets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ExperienceCandidate(EntryBase):
    organization: Extracted | None
    role: Extracted | None
    employment_type: tuple[EmploymentType, Extracted] | None
    location: Extracted | None
    confidence: float


@dataclass(frozen=True, slots=True)
class EducationCandidate(EntryBase):
    institution: Extracted | None
    degree: Extracted | None
    degree_level: DegreeLevel | None
    field_of_study: Extracted | None
    gpa: tuple[float, float | None, Extracted] | None
    honors: tuple[str, ...]
    confidence: float


@dataclass(frozen=True, slots=True)
class ProjectCandidate(EntryBase):
    name: Extracted | None
    technologies: tuple[str, ...]
    url: str | None


@dataclass(frozen=True, slots=True)
class PublicationCandidate:
    publication_id: str
    section_id: str | None
    title: Extracted
    venue: Extracted | None
    year: int | None
    status: str | None
    url: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SkillCandidate:
    name: str
    category: str | None
    group: str | None
    source: SkillSource
    in_lexicon: bool
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class LinkCandidate:
    found: Extracted
    url: str
    platform: LinkPlatform
    username: str | None


@dataclass(frozen=True, slots=True)
class ContactCandidate:
    found: Extracted
    kind: str
    normalized: str


@dataclass(frozen=True, slots=True)
class ProfileCandidate:
    name: Extracted | None
    headline: Extracted | None
    location: Extracted | None
    summary: Extracted | None


@dataclass(frozen=True, slots=True)
class MetricCandidate:
    metric_id: str
    entry_id: str | None
    match: MetricMatch


@dataclass(frozen=True, slots=True)
class ExtractedDocument:
    segmented: SegmentedDocument
    profile: ProfileCandidate
    experiences: tuple[ExperienceCandidate, ...]
    education: tuple[EducationCandidate, ...]
    projects: tuple[ProjectCandidate, ...]
    publications: tuple[PublicationCandidate, ...]
    skills: tuple[SkillCandidate, ...]
    metrics: tuple[MetricCandidate, ...]
    links: tuple[LinkCandidate, ...]
    contacts: tuple[ContactCandidate, ...]
    entry_ids: dict[tuple[int, int], str] = field(default_factory=dict)


# --------------------------------------------------------------------------- span lookup


class SpanIndex:
    """The spans each component wrote, and lookups by character range."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # ``Doc.text`` and ``Doc.ents`` rebuild themselves from every token on each access;
        # read once here, lookups stay linear in the document's length.
        self.text: str = doc.text
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        self.groups: dict[str, list[Span]] = {
            key: list(doc.spans[key]) if key in doc.spans else []
            for key in (
                labels.CONTACTS,
                labels.DATES,
                labels.SKILLS,
                labels.DEGREES,
                labels.EMPLOYMENT_TYPES,
                labels.TITLE_HEADS,
                labels.ORG_KEYWORDS,
                labels.PUBLICATION_CUES,
                labels.PERSON_NAMES,
                labels.METRICS,
            )
        }

    def within(self, key: str, start: int, end: int) -> list[Span]:
        """Spans of a group lying inside ``[start, end)``."""
        return [s for s in self.groups[key] if s.start_char >= start and s.end_char <= end]

    def entities(self, start: int, end: int, entity_labels: set[str]) -> list[Span]:
        return [
            ent
            for ent in self.ents
            if ent.label_ in entity_labels and ent.start_char >= start and ent.end_char <= end
        ]


# --------------------------------------------------------------------------- header segments


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


def _covers(span_list: list[Span], start: int, end: int, share: float) -> bool:
    covered = sum(span.end_char - span.start_char for span in span_list)
    return covered >= share * (end - start)


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


_DEPARTMENT_HEADS = frozenset(
    {
        "unit",
        "department",
        "dept",
        "division",
        "team",
        "group",
        "ward",
        "section",
        "lab",
        "laboratory",
        "office",
        "desk",
        "clinic",
        "practice",
        "programme",
        "program",
    }
)
"""Head words of a part of an organization ("Intensive Care Unit", "Group of Prof. X")."""


def _is_department(text: str) -> bool:
    """A department rather than the employer: its head word (before "of") names a part."""
    head = _COMPLEMENT.split(text, maxsplit=1)[0].split()
    return bool(head) and head[-1].lower().strip(".,") in _DEPARTMENT_HEADS


def _school_as_employer(segments: list[HeaderSegment], spans: SpanIndex) -> HeaderSegment | None:
    """ "St. Brendan Catholic High School" holds a degree phrase ("High School"), but in a job
    header a segment with an organization keyword is the employer."""
    for found in segments:
        if found.kind is SegmentKind.DEGREE and spans.within(
            labels.ORG_KEYWORDS, found.start, found.end
        ):
            return HeaderSegment(found.text, found.start, found.end, SegmentKind.ORGANIZATION, 0.6)
    return None


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def _employer(
    segments: list[HeaderSegment], role: HeaderSegment | None, text: str
) -> HeaderSegment | None:
    """The organization, preferring one on a line of its own over one beside the role.

    "Senior Staff Nurse, Intensive Care Unit" then "Aire Valley NHS Trust, Leeds": an
    organization-like phrase after the title on its line is the department, not the employer.
    """
    every_organization = [s for s in segments if s.kind is SegmentKind.ORGANIZATION]
    employers = [s for s in every_organization if not _is_department(s.text)]
    organizations = employers or every_organization
    if role is not None and len(organizations) > 1:
        role_line = _line_of(text, role.start)
        elsewhere = [s for s in organizations if _line_of(text, s.start) != role_line]
        if elsewhere:
            return elsewhere[0]
    return organizations[0] if organizations else None


# --------------------------------------------------------------------------- entries


def _entry_dates(entry: Entry, spans: SpanIndex) -> DateRangeMatch | None:
    """The entry's period: the first range in its header, else its first lone date.

    The whole header is searched, not line by line, so a range wrapped over two header lines
    ("Jan 2020 -" / "Mar 2021") is found.
    """
    header_start, header_end = entry.header[0].content_start, entry.header[-1].end
    found: list[DateRangeMatch] = [
        span._.get(labels.DATE_RANGE_ATTR)
        for span in spans.within(labels.DATES, header_start, header_end)
    ]
    ranges = [m for m in found if m.end is not None or m.is_current]
    if not ranges and len(found) == 2:
        return _joined_pair(found[0], found[1], spans.text) or found[0]
    return next(iter(ranges or found), None)


_PAIR_JOINER = re.compile(r"(?i)^\W*(?:to|until|till|bis|au)?\W*$")


def _joined_pair(first: DateRangeMatch, second: DateRangeMatch, text: str) -> DateRangeMatch | None:
    """ "From: Jan 2015   To: Feb 2018": two lone dates a "to" joins on one line are a range."""
    between = text[first.end_char : second.start_char]
    if "\n" in between or not _PAIR_JOINER.match(between):
        return None
    if first.start is None or second.start is None or second.start.value < first.start.value:
        return None
    return DateRangeMatch(
        start=first.start,
        end=second.start,
        is_current=False,
        start_char=first.start_char,
        end_char=second.end_char,
        text=text[first.start_char : second.end_char],
    )


def _body_parts(entry: Entry) -> tuple[str | None, tuple[str, ...]]:
    prose = [line.content.strip() for line in entry.body if line.kind is not LineKind.BULLET]
    bullets = tuple(line.content.strip() for line in entry.body if line.kind is LineKind.BULLET)
    return (" ".join(prose) or None), bullets


def _date_masks(
    dates: DateRangeMatch | None, entry: Entry, spans: SpanIndex
) -> list[tuple[int, int]]:
    masks = [
        (m.start_char, m.end_char)
        for m in (spans.within(labels.DATES, entry.start, entry.header[-1].end))
    ]
    if dates is not None:
        masks.append((dates.start_char, dates.end_char))
    # "3 yrs 2 mos" after a LinkedIn date range says how long, not who or where.
    text = spans.text
    for line in entry.header:
        masks.extend(m.span() for m in _DURATION.finditer(text, line.content_start, line.end))
    return masks


_DURATION = re.compile(
    r"(?i)\b\d{1,2}\s*(?:yrs?|years?)(?:\s+\d{1,2}\s*(?:mos?|months?))?\b|\b\d{1,2}\s*(?:mos?|months?)\b"
)


def _employment_type(
    segments: list[HeaderSegment],
    role: HeaderSegment | None,
    spans: SpanIndex,
    categories: dict[str, str | None],
) -> tuple[EmploymentType, Extracted] | None:
    stated = _first(segments, SegmentKind.EMPLOYMENT_TYPE)
    candidates = [stated] if stated else []
    if role is not None:  # "Software Engineer Intern" implies an internship
        candidates.append(role)
    for segment in candidates:
        for span in spans.within(labels.EMPLOYMENT_TYPES, segment.start, segment.end):
            kind = categories.get(span.label_) or span.label_
            if kind in EmploymentType._value2member_map_:
                confidence = 0.95 if segment is stated else 0.7
                return EmploymentType(kind), Extracted(
                    span.text, span.start_char, span.end_char, confidence
                )
    return None


class EntryFields(TypedDict):
    """``EntryBase``'s fields but ``dates``, typed so builders can pass ``**ctx.base()``."""

    entry_id: str
    section_id: str
    position: int
    start: int
    end: int
    description: str | None
    bullets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EntryContext:
    """What building any entry needs: ids, the spans, and the entry's body."""

    entry_id: str
    section_id: str
    position: int
    entry: Entry
    spans: SpanIndex

    def base(self) -> EntryFields:
        """The fields every entry candidate shares, read from the entry's lines."""
        description, bullets = _body_parts(self.entry)
        return {
            "entry_id": self.entry_id,
            "section_id": self.section_id,
            "position": self.position,
            "start": self.entry.start,
            "end": self.entry.end,
            "description": description,
            "bullets": bullets,
        }


_GROUP_DURATION_LINE = re.compile(
    r"^[^\W\d_][\w -]{2,30}?\s+·\s+\d{1,2}\s*(?:yrs?|years?|mos?|months?)\b[\w ]*$"
)
"""LinkedIn's line under a company that holds several roles: "Full-time · 5 yrs 4 mos"."""


def _company_group(entry: Entry, spans: SpanIndex) -> Extracted | None:
    """The company a LinkedIn role group opens with: the line above "Full-time · 5 yrs"."""
    text = spans.text
    for above, line in itertools.pairwise(entry.header):
        if _GROUP_DURATION_LINE.match(line.content.strip()) and not is_date_line(line.content):
            name = above.content.strip()
            start = text.index(name, above.content_start)
            return Extracted(name, start, start + len(name), 0.7)
    return None


def build_experience(
    ctx: EntryContext,
    employment_categories: dict[str, str | None],
    group_org: Extracted | None = None,
    opens_group: bool = False,
) -> ExperienceCandidate:
    """A job from its entry; ``group_org`` is the company of the LinkedIn role group the entry
    belongs to: the organization of the entry that opens the group, and of later roles in it
    that name none of their own."""
    dates = _entry_dates(ctx.entry, ctx.spans)
    segments = header_segments(
        ctx.entry.header,
        ctx.spans,
        _date_masks(dates, ctx.entry, ctx.spans),
        ctx.entry.columns,
    )
    role = _first(segments, SegmentKind.ROLE)
    organization = _employer(segments, role, ctx.spans.text) or _school_as_employer(
        segments, ctx.spans
    )
    unknown = _first(segments, SegmentKind.UNKNOWN)
    org_value = (
        organization.extracted() if organization else (unknown.extracted(0.6) if unknown else None)
    )
    if opens_group or org_value is None:
        org_value = group_org or org_value

    location = _first(segments, SegmentKind.LOCATION)
    confidences = [value.confidence for value in (org_value, role) if value is not None]
    return ExperienceCandidate(
        **ctx.base(),
        dates=dates,
        organization=org_value,
        role=role.extracted() if role else None,
        employment_type=_employment_type(segments, role, ctx.spans, employment_categories),
        location=location.extracted() if location else None,
        confidence=min(confidences, default=0.3),
    )


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


def build_project(ctx: EntryContext, link_starts: list[tuple[int, str]]) -> ProjectCandidate:
    dates = _entry_dates(ctx.entry, ctx.spans)
    masks = _date_masks(dates, ctx.entry, ctx.spans)
    pieces = [
        piece
        for line in ctx.entry.header
        for piece in _unmasked_pieces(line.content_start, line.end, masks)
        for piece in _trimmed(ctx.spans.text, *piece)
    ]
    name = _project_name(pieces[0], ctx.entry.header[0].start, ctx.spans) if pieces else None
    skills = ctx.spans.within(labels.SKILLS, ctx.entry.start, ctx.entry.end)
    url = next((u for s, u in link_starts if ctx.entry.start <= s < ctx.entry.end), None)
    return ProjectCandidate(
        **ctx.base(),
        dates=dates,
        name=name,
        technologies=tuple(dict.fromkeys(span.label_ for span in skills)),
        url=url,
    )


_MARKDOWN_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_TOOLS_AFTER_COMMA = re.compile(r",\s*([^,]+)$")


def _project_name(piece: tuple[int, int], line_start: int, spans: SpanIndex) -> Extracted | None:
    """The project's name: the header's first piece up to a separator ("naira-ledger - ledger
    library"), the text of a markdown link ("[tf-cost-diff](https://...)") rather than the
    link, without a trailing list of tools after a comma ("Returns Dashboard, Power BI")."""
    text = spans.text
    link = _MARKDOWN_LINK.search(text, line_start, piece[1])
    if link is not None and link.start() <= piece[0] < link.end(1):
        piece = (piece[0], link.end(1))
    first = next(_split(text, *piece), None)
    if first is None:
        return None
    start, end = first
    tools = _TOOLS_AFTER_COMMA.search(text, start, end)
    if tools is not None and _covers(
        spans.within(labels.SKILLS, *tools.span(1)), *tools.span(1), 0.8
    ):
        end = next(_trimmed(text, start, tools.start()), (start, end))[1]
    return Extracted(text[start:end], start, end, 0.8)


# --------------------------------------------------------------------------- publications

_QUOTED_TITLE = re.compile(r"[\"“]([^\"”]{8,300})[\"”]")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def _cue_at_line_start(line: Line, spans: SpanIndex) -> Span | None:
    cues = spans.within(labels.PUBLICATION_CUES, line.content_start, line.end)
    if cues and spans.text[line.content_start : cues[0].start_char].strip(" -•*") == "":
        return cues[0]
    return None


def _venue_after_cue(
    cue: Span, line: Line, spans: SpanIndex
) -> tuple[Extracted | None, int | None]:
    text = spans.text
    dates = spans.within(labels.DATES, cue.end_char, line.end)
    year = None
    venue_end = line.end
    if dates:
        match: DateRangeMatch = dates[0]._.get(labels.DATE_RANGE_ATTR)
        if match.start is not None:
            year = match.start.value.year
        venue_end = dates[0].start_char
    for start, end in _trimmed(text, cue.end_char, venue_end):
        return Extracted(text[start:end], start, end, 0.85), year
    return None, year


def build_publication(
    publication_id: str,
    section_id: str | None,
    lines: Sequence[Line],
    spans: SpanIndex,
    cue_status: dict[str, str | None],
) -> PublicationCandidate | None:
    """A publication from an entry: a cue line ("Accepted at X '26") plus a title line, or a
    citation with a quoted title and a year."""
    text = spans.text
    for index, line in enumerate(lines):
        cue = _cue_at_line_start(line, spans)
        if cue is None:
            continue
        venue, year = _venue_after_cue(cue, line, spans)
        others = [other for i, other in enumerate(lines) if i != index and not is_prose(other)]
        if not others:
            return None
        title_line = others[0]
        title = Extracted(title_line.content.strip(), title_line.content_start, title_line.end, 0.8)
        return PublicationCandidate(
            publication_id,
            section_id,
            title,
            venue,
            year,
            cue_status.get(cue.label_),
            None,
            min(line.start for line in lines),
            max(line.end for line in lines),
        )
    return _citation(publication_id, section_id, lines[0], text)


_VENUE_END = re.compile(r",|\s\d|\s\(|$")


def _venue_after_title(text: str, start: int, end: int) -> Extracted | None:
    """Author-year citations put the venue after the title: '(2021). "Title." Economic Journal
    131(636)' or a talk's '"Title", EMBO Workshop, Cavtat': up to a comma, number or bracket."""
    lead = re.match(r"[\s.,;:\"”]*(?:In\s+)?", text[start:end])
    venue_start = start + (lead.end() if lead else 0)
    stop = _VENUE_END.search(text, venue_start, end)
    venue_end = stop.start() if stop else end
    value = text[venue_start:venue_end].rstrip(" .;:")
    if len(value) < _MIN_SEGMENT_CHARS or not value[0].isupper():
        return None
    return Extracted(value, venue_start, venue_start + len(value), 0.6)


def _citation(
    publication_id: str, section_id: str | None, line: Line, text: str
) -> PublicationCandidate | None:
    content = text[line.content_start : line.end]
    quoted = _QUOTED_TITLE.search(content)
    year_match = _YEAR.search(content)
    if quoted is None or year_match is None:
        return None
    title_start = line.content_start + quoted.start(1)
    title = Extracted(
        quoted.group(1).strip().rstrip(",."),
        title_start,
        title_start + len(quoted.group(1).strip().rstrip(",.")),
        0.8,
    )
    venue_text_start = line.content_start + quoted.end()
    venue_text_end = line.content_start + year_match.start()
    venue = None
    for start, end in _trimmed(text, venue_text_start, max(venue_text_start, venue_text_end)):
        venue_value = re.sub(r"^(?:In|in)\s+", "", text[start:end])
        venue = Extracted(venue_value, end - len(venue_value), end, 0.7)
    if venue is None:
        venue = _venue_after_title(text, venue_text_start, line.end)
    return PublicationCandidate(
        publication_id,
        section_id,
        title,
        venue,
        int(year_match.group()),
        "published",
        None,
        line.start,
        line.end,
    )


def section_publications(
    section: Section,
    section_id: str,
    spans: SpanIndex,
    categories: LexiconCategories,
    id_prefix: str,
    first_index: int,
) -> list[PublicationCandidate]:
    """The publications of a publications section.

    The section's entries were cut by layout rules made for jobs, which split an unnumbered
    list of hanging-indent citations in the middle of one: unless its entries open with a cue
    line ("Accepted at X '26" over a title), the whole section is first read as one list of
    citations. Entry by entry is the fallback.
    """
    if not any(_cue_at_line_start(entry.header[0], spans) for entry in section.entries):
        cited = cited_publications(
            id_prefix, first_index, section_id, section.lines, spans, categories
        )
        if cited:
            return cited
    found: list[PublicationCandidate] = []
    for lines in (section.intro, *((*e.header, *e.body) for e in section.entries)):
        found.extend(
            listed_publications(
                id_prefix, first_index + len(found), section_id, lines, spans, categories
            )
        )
    return found


def listed_publications(
    id_prefix: str,
    first_index: int,
    section_id: str | None,
    lines: Sequence[Line],
    spans: SpanIndex,
    categories: LexiconCategories,
) -> list[PublicationCandidate]:
    """The publications of one entry (or the loose lines) of a publications section.

    Lines that open with a cue ("Accepted at X '26" over a title) are read by the cue;
    otherwise they are split into citations (a talk list under one date column holds several).
    When no citation reads, the cue and quoted-title rules still get their chance.
    """
    if not lines:
        return []
    if _cue_at_line_start(lines[0], spans) is None:
        cited = cited_publications(id_prefix, first_index, section_id, lines, spans, categories)
        if cited:
            return cited
    found: list[PublicationCandidate] = []
    for group in _cue_groups(lines, spans):
        publication_id = f"{id_prefix}{first_index + len(found)}"
        single = build_publication(
            publication_id, section_id, group, spans, categories.publication_cues
        )
        if single is not None:
            found.append(single)
    return found


def _cue_groups(lines: Sequence[Line], spans: SpanIndex) -> list[list[Line]]:
    """Lines cut before each cue line that follows a non-cue line: "Accepted at X '24" over a
    title, then "Accepted at Y '23" over the next, are two papers however the entry was cut."""
    groups: list[list[Line]] = []
    for line in lines:
        cued = _cue_at_line_start(line, spans) is not None
        if not groups or (cued and _cue_at_line_start(groups[-1][-1], spans) is None):
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def cited_publications(
    id_prefix: str,
    first_index: int,
    section_id: str | None,
    lines: Sequence[Line],
    spans: SpanIndex,
    categories: LexiconCategories,
) -> list[PublicationCandidate]:
    """Every citation of ``lines`` that reads as one (numbered, wrapped, dated or plain)."""
    found: list[PublicationCandidate] = []
    for group in split_citations(spans.text, lines):
        publication_id = f"{id_prefix}{first_index + len(found)}"
        cited = _read_citation(publication_id, section_id, group, spans, categories)
        if cited is not None:
            found.append(cited)
    return found


def _read_citation(
    publication_id: str,
    section_id: str | None,
    lines: Sequence[Line],
    spans: SpanIndex,
    categories: LexiconCategories,
) -> PublicationCandidate | None:
    """One citation, its values mapped back to the document across its line breaks."""
    joined = join_citation(spans.text, lines)
    parsed = parse_citation(joined.text)
    if parsed is None:
        return None
    start, end = lines[0].start, lines[-1].end
    cues = spans.within(labels.PUBLICATION_CUES, start, end)
    status = categories.publication_cues.get(cues[0].label_) if cues else "published"
    venue = _past_venue_cue(joined, parsed.venue, cues) if parsed.venue else None
    return PublicationCandidate(
        publication_id,
        section_id,
        _wrapped(joined, parsed.title),
        _wrapped(joined, venue) if venue else None,
        parsed.year,
        status,
        _citation_url(joined.text[slice(*parsed.url)]) if parsed.url else None,
        start,
        end,
    )


_VENUE_INTRODUCING = re.compile(r"(?i)\b(?:at|in|to|by|on|for)$")


def _past_venue_cue(
    joined: CitationText, venue: tuple[int, int], cues: Sequence[Span]
) -> tuple[int, int]:
    """The venue without a cue that introduces it ("Paper presented at X", "Submitted to X"):
    only a cue ending in a preposition, as "Journal of" is part of the venue's name."""
    document_start, _ = joined.document_range(*venue)
    for cue in cues:
        if cue.start_char == document_start and _VENUE_INTRODUCING.search(cue.text):
            start = next(i for i, at in enumerate(joined.offsets) if at >= cue.end_char)
            while start < venue[1] and joined.text[start] == " ":
                start += 1
            return (start, venue[1]) if start < venue[1] else venue
    return venue


def _wrapped(joined: CitationText, where: tuple[int, int]) -> Extracted:
    """A value read across line breaks: its words as one line, its span the document's."""
    start, end = joined.document_range(*where)
    return Extracted(joined.text[where[0] : where[1]], start, end, 0.75)


def _citation_url(written: str) -> str:
    """A citation's link as a URL: "doi:10.1/x" names https://doi.org/10.1/x."""
    value = written.rstrip(".,;)")
    doi = re.match(r"(?i)doi:\s*", value)
    return f"https://doi.org/{value[doi.end() :]}" if doi else value


def _cites(publications: Sequence[PublicationCandidate], found: Extracted) -> bool:
    """Whether ``found`` lies inside a publication's text."""
    return any(paper.start <= found.start < paper.end for paper in publications)


def _persons_link(publications: Sequence[PublicationCandidate], link: LinkCandidate) -> bool:
    """A web link inside a citation (its DOI, its page) is the paper's, not the person's; a
    profile (LinkedIn, Scholar, ORCID, ...) stays the person's wherever it is written."""
    return link.platform is not LinkPlatform.WEBSITE or not _cites(publications, link.found)


# --------------------------------------------------------------------------- skills

# No "^" in patterns used with match(text, pos): match() anchors at pos, "^" only at 0.
_LIST_LABEL = re.compile(r"\**([A-Z][\w&/+ .-]{1,40}):\**\s*")
_SKILLS_LABEL = re.compile(r"(?i)\b(?:skills|tools|technologies|tech stack)$")
"""A list label that says its items are skills wherever the line is ("Skills: A · B")."""
_MIN_LISTED_ITEMS = 3
"""Separated items that make even a long line in a skills section a list, not prose."""
_MAX_ITEM_WORDS = 5


def _split_items(text: str, offset: int) -> list[tuple[int, int]]:
    """Comma/semicolon/bar/bullet separated items, not splitting inside parentheses."""
    items: list[tuple[int, int]] = []
    depth = 0
    item_start = 0
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char in ",;|•·" and depth == 0:
            items.extend(_trimmed_item(text, item_start, index, offset))
            item_start = index + 1
    items.extend(_trimmed_item(text, item_start, len(text), offset))
    return items


def _trimmed_item(text: str, start: int, end: int, offset: int) -> list[tuple[int, int]]:
    piece = text[start:end]
    stripped = piece.strip().rstrip(".")
    if not stripped:
        return []
    lead = len(piece) - len(piece.lstrip())
    return [(offset + start + lead, offset + start + lead + len(stripped))]


@dataclass(slots=True)
class _SkillDraft:
    name: str
    category: str | None
    group: str | None
    in_lexicon: bool
    spans: list[tuple[int, int]] = field(default_factory=list)
    in_skills_section: bool = False


def extract_skills(
    sections: Sequence[Section], spans: SpanIndex, categories: dict[str, str | None]
) -> tuple[SkillCandidate, ...]:
    """Lexicon skills mentioned anywhere, plus the items of skills-section lists."""
    text = spans.text
    drafts: dict[str, _SkillDraft] = {}
    for section in sections:
        in_skills = section.kind is SectionKind.SKILLS
        group = _heading_label(section)
        previous: Line | None = None
        for line in section.lines:
            label = _LIST_LABEL.match(text, line.content_start, line.end)
            if label and in_skills:
                group = label.group(1).strip()
            lexicon_spans = spans.within(labels.SKILLS, line.content_start, line.end)
            labelled_skills = label is not None and _SKILLS_LABEL.search(label.group(1).strip())
            listing = line.kind is not LineKind.TABLE_ROW and (
                (in_skills and _reads_as_list(line, text)) or bool(labelled_skills)
            )
            items = _list_items(line, label, spans) if listing else []
            for span in lexicon_spans:
                draft = drafts.setdefault(
                    span.label_.lower(),
                    _SkillDraft(span.label_, categories.get(span.label_), None, True),
                )
                draft.spans.append((span.start_char, span.end_char))
                covered = [(s.start_char, s.end_char) for s in lexicon_spans]
                in_list = in_skills or bool(labelled_skills)
                if in_list and _lists_the_skill(span, label, items, covered, text):
                    draft.in_skills_section = True
                    draft.group = draft.group or group
            if in_skills and line.kind is LineKind.TABLE_ROW:
                _add_table_row(line, previous, lexicon_spans, text, drafts)
            elif listing:
                covered = [(s.start_char, s.end_char) for s in lexicon_spans]
                for item_start, item_end in items:
                    _add_item(item_start, item_end, group, covered, text, drafts)
            previous = line
    return tuple(
        SkillCandidate(
            d.name,
            d.category,
            d.group,
            SkillSource.SKILLS_SECTION if d.in_skills_section else SkillSource.MENTION,
            d.in_lexicon,
            tuple(sorted(d.spans)),
        )
        for d in sorted(drafts.values(), key=lambda d: min(d.spans))
    )


def _heading_label(section: Section) -> str | None:
    if section.heading is None:
        return None
    return _EDGE_JUNK.sub("", section.heading.content.strip()) or None


def _add_table_row(
    line: Line,
    previous: Line | None,
    lexicon_spans: list[Span],
    text: str,
    drafts: dict[str, _SkillDraft],
) -> None:
    """A skills table: the first row is the header; then the first cell names the group."""
    if previous is None or previous.kind is not LineKind.TABLE_ROW:
        return
    cells = [(m.start() + 1, m.end()) for m in re.finditer(r"\|[^|]*", text[line.start : line.end])]
    cells = [
        (line.start + s, line.start + e)
        for s, e in cells
        if text[line.start + s : line.start + e].strip()
    ]
    if len(cells) < 2:
        return
    group = text[cells[0][0] : cells[0][1]].strip().strip("*") or None
    covered = [(s.start_char, s.end_char) for s in lexicon_spans]
    for cell_start, cell_end in cells[1:]:
        for item_start, item_end in _split_items(text[cell_start:cell_end], cell_start):
            _add_item(item_start, item_end, group, covered, text, drafts)


def _add_item(
    item_start: int,
    item_end: int,
    group: str | None,
    covered: list[tuple[int, int]],
    text: str,
    drafts: dict[str, _SkillDraft],
) -> None:
    item = text[item_start:item_end]
    too_long = len(item.split()) > _MAX_ITEM_WORDS
    if too_long or _lexicon_names_it(item_start, item_end, covered) or _GROUP_LABEL.match(item):
        return
    draft = drafts.setdefault(item.lower(), _SkillDraft(item, None, group, False))
    draft.spans.append((item_start, item_end))
    draft.in_skills_section = True


def _reads_as_list(line: Line, text: str) -> bool:
    if not is_prose(line):
        return True
    return len(_split_items(text[line.content_start : line.end], 0)) >= _MIN_LISTED_ITEMS


def _lexicon_share(start: int, end: int, covered: Sequence[tuple[int, int]]) -> float:
    """Share of an item's characters that lexicon matches cover."""
    inside = sum(min(e, end) - max(s, start) for s, e in covered if s < end and start < e)
    return inside / max(1, end - start)


_LEXICON_NAMES_ITEM = 0.6
"""Least share of an item the lexicon must cover for its matches, not the item, to be the
skills: "MATLAB/Simulink" is two lexicon skills, "SAP FICO" is one item."""


def _lexicon_names_it(start: int, end: int, covered: Sequence[tuple[int, int]]) -> bool:
    return _lexicon_share(start, end, covered) >= _LEXICON_NAMES_ITEM


def _lists_the_skill(
    span: Span,
    label: re.Match[str] | None,
    items: list[tuple[int, int]],
    covered: Sequence[tuple[int, int]],
    text: str,
) -> bool:
    """A lexicon match in a skills list is listed unless it names the list ("CAD: …") or is
    only part of a longer item ("SAP" in "SAP FICO", "Audit" in "Night audit")."""
    if label is not None and span.start_char < label.end():
        return False
    holder = next((i for i in items if i[0] <= span.start_char and span.end_char <= i[1]), None)
    if holder is None or len(text[holder[0] : holder[1]].split()) > _MAX_ITEM_WORDS:
        return True
    return _lexicon_names_it(holder[0], holder[1], covered)


# Group names inside a skills section ("Languages", "SPRACHEN / LANGUAGES"): labels, not skills.
_GROUP_WORDS = (
    r"languages?|sprachen|tools|technologies|frameworks|platforms|software|databases|skills"
    r"|competencies|methods|interests|certifications|expertise"
)
_GROUP_LABEL = re.compile(rf"(?i)^\W*(?:{_GROUP_WORDS})(?:\W+(?:{_GROUP_WORDS}))*\W*$")
_LEVEL = re.compile(
    r"(?i)^(?:native|fluent|basic|beginner|intermediate|advanced|conversational|professional"
    r"|business|working|mother tongue|bilingual|[abc][12])(?:\W+(?:native|fluent|[abc][12]))*$"
)


_PROFICIENCY = re.compile(r"(?i)\bproficiency$")
_ABBREVIATION_ONLY = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z0-9&+/.-]{2,8}$")
_TRAILING_PARENTHESIS = re.compile(r"\s*\(([^()]+)\)$")


def _list_items(line: Line, label: re.Match[str] | None, spans: SpanIndex) -> list[tuple[int, int]]:
    """The items a skills-section line lists: comma/bar/dot separated, or the whole short line;
    a parenthesis naming tools is split out ("EPR (SystmOne, Cerner)"), one spelling out an
    abbreviation stays ("Search Engine Optimization (SEO)"). Dates, contacts and proficiency
    notes are not items."""
    text = spans.text
    start = label.end() if label else line.content_start
    items: list[tuple[int, int]] = []
    for item_start, item_end in _split_items(text[start : line.end], start):
        items.extend(_unparenthesized(item_start, item_end, text))
    return [
        (item_start, item_end)
        for item_start, item_end in items
        if not spans.within(labels.DATES, item_start, item_end)
        and not spans.within(labels.CONTACTS, item_start, item_end)
        and "@" not in text[item_start:item_end]
        and not _PROFICIENCY.search(text[item_start:item_end])
    ]


def _unparenthesized(start: int, end: int, text: str) -> list[tuple[int, int]]:
    paren = _TRAILING_PARENTHESIS.search(text, start, end)
    if paren is None or paren.start() == start:
        return [(start, end)]
    inner = paren.group(1)
    if _LEVEL.match(inner.strip()):  # "German (native)", "English (C1)"
        return [(start, paren.start())]
    if "," not in inner and _ABBREVIATION_ONLY.match(inner.strip()):
        return [(start, end)]
    pieces = [(start, paren.start())]
    pieces.extend(_split_items(inner, paren.start(1)))
    return pieces


# --------------------------------------------------------------------------- contacts and links

_PLATFORMS: tuple[tuple[str, LinkPlatform], ...] = (
    ("linkedin.com", LinkPlatform.LINKEDIN),
    ("github.com", LinkPlatform.GITHUB),
    ("gitlab.com", LinkPlatform.GITLAB),
    ("scholar.google.", LinkPlatform.SCHOLAR),
    ("orcid.org", LinkPlatform.ORCID),
    ("twitter.com", LinkPlatform.TWITTER),
    ("x.com", LinkPlatform.TWITTER),
    ("stackoverflow.com", LinkPlatform.STACKOVERFLOW),
)
_HOST = re.compile(r"^(?:https?://)?(?:www\.)?([^/?#]+)([^?#]*)(?:\?([^#]*))?", re.I)


def classify_link(raw: str) -> tuple[str, LinkPlatform, str | None]:
    """(url with scheme, platform, username) of a link as written."""
    url = raw if raw.lower().startswith(("http://", "https://")) else f"https://{raw}"
    match = _HOST.match(raw)
    host = match.group(1).lower() if match else ""
    path_parts = [part for part in (match.group(2) if match else "").split("/") if part]
    query = match.group(3) or "" if match else ""
    for domain, platform in _PLATFORMS:
        if host == domain or host.endswith("." + domain) or host.startswith(domain):
            return url, platform, _username(platform, path_parts, query)
    return url, LinkPlatform.WEBSITE, None


def _username(platform: LinkPlatform, path_parts: list[str], query: str) -> str | None:
    if platform is LinkPlatform.SCHOLAR:
        found = re.search(r"(?:^|&)user=([\w-]+)", query)
        return found.group(1) if found else None
    if platform is LinkPlatform.LINKEDIN:
        return path_parts[1] if len(path_parts) > 1 and path_parts[0] in ("in", "pub") else None
    return path_parts[0] if path_parts else None


def extract_contacts(
    spans: SpanIndex,
) -> tuple[tuple[LinkCandidate, ...], tuple[ContactCandidate, ...]]:
    links, contacts = [], []
    for span in spans.groups[labels.CONTACTS]:
        match: ContactMatch = span._.get(labels.CONTACT_ATTR)
        found = Extracted(match.text, match.start_char, match.end_char, 0.95)
        if match.label == labels.URL:
            url, platform, username = classify_link(match.text)
            links.append(LinkCandidate(found, url, platform, username))
        elif match.label == labels.EMAIL:
            contacts.append(ContactCandidate(found, "email", match.text.lower()))
        else:
            digits = "".join(char for char in match.text if char.isdigit())
            prefix = "+" if match.text.startswith("+") else ""
            contacts.append(ContactCandidate(found, "phone", prefix + digits))
    return tuple(links), tuple(contacts)


# --------------------------------------------------------------------------- profile

_NAME_LABEL = re.compile(r"(?:full\s+)?name\s*:\s*(.+)$", re.I)
_LOCATION_CUE = re.compile(
    r"(?:\bbased in|\blocated in|\blocation\s*:|\baddress\s*:)\s*(.+?)\s*$", re.I
)
_NAME_TOKEN = re.compile(r"^[^\W\d_][\w'.-]*$")
_NAME_PARTICLES = frozenset(
    {
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "da",
        "di",
        "du",
        "dos",
        "das",
        "la",
        "le",
        "bin",
        "binti",
        "binte",
        "ibn",
        "al",
        "el",
        "y",
        "ter",
        "ten",
    }
)
"""Lower-case words inside a name ("Sanne van der Hoeven", "Nur Aisyah binte Rahmat")."""
_CREDENTIAL = re.compile(r"^(?:[A-Z]{2,5}(?:-[A-Z]{2,4})?|(?:[A-Z][a-z]{0,3}\.){1,3})$")
"""Post-nominal letters after a name: "RN", "PMP", "FNP-BC", "B.Sc.", "Ph.D."."""
_HONORIFIC = re.compile(r"^(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.?\s+")
_MAX_NAME_WORDS = 5
_HEADLINE_MAX_WORDS = 12
_LOCATION_MAX_WORDS = 8
"""Longer fields of a top line are prose, never searched for the person's location."""
_DOCUMENT_TITLES = frozenset(
    {
        "curriculum vitae",
        "resume",
        "résumé",
        "cv",
        "profile",
        "about me",
        "lebenslauf",
        "lebenslauf cv",
        "curriculum vitae cv",
        "resume cv",
    }
)
"""First lines that title the document rather than name its author."""
_TOP_LINES = 6
_PIECE_BREAK = re.compile(r"\s{3,}|\s+[|·•]\s+|\t")
"""Where a top line holds several fields: wide gaps, bars and middle dots."""
_PLACE = re.compile(
    r"^[^\W\d_][\w.'-]*(?: [^\W\d_][\w.'-]*){0,3}"
    r"(?:, (?:[A-Z]{2,3}|[^\W\d_][\w'-]*(?: [^\W\d_][\w'-]*){0,2})){1,2}"
    r"(?: \d{4,6}| [A-Z]\d[A-Z] ?\d[A-Z]\d)?$"
)
""""City, Region", "City, Region, Country", with an optional postal code."""
_HEADLINE_LABEL = re.compile(
    r"(?i)(?:title|headline|current (?:title|position)|designation)\s*:\s*"
)
_PIECE_EDGE = re.compile(r"^[\W_]+|[^\w.)]+$")


def extract_profile(sections: Sequence[Section], spans: SpanIndex) -> ProfileCandidate:
    text = spans.text
    top = _top_lines(sections)
    name = _labelled_name(top, text) or _stated_name(spans) or _first_line_name(top, spans)
    headline = _headline(top, spans, name)
    location = _location(top, spans, name)
    summary = _summary(sections, text)
    return ProfileCandidate(name, headline, location, summary)


def _top_lines(sections: Sequence[Section]) -> list[Line]:
    lines: list[Line] = []
    for section in sections:
        if (
            section.kind in (SectionKind.HEADER, SectionKind.CONTACT, SectionKind.SUMMARY)
            or section.position == 0
        ):
            if (
                section.heading is not None
                and section.heading.kind is LineKind.MD_HEADING
                and section.position == 0
            ):
                lines.append(section.heading)
            lines.extend(section.lines)
        if section.kind is SectionKind.HEADER:
            continue
    return lines


def _labelled_name(lines: list[Line], text: str) -> Extracted | None:
    for line in lines:
        match = _NAME_LABEL.match(text, line.content_start, line.end)
        if match:
            return Extracted(
                match.group(1).strip(),
                match.start(1),
                match.start(1) + len(match.group(1).strip()),
                0.9,
            )
    return None


_SURNAME_CONTINUATION = re.compile(r"-[^\W\d_][\w']*")


def _stated_name(spans: SpanIndex) -> Extracted | None:
    """The first "I am X" name, carried over a hyphenated surname the tokenizer cut."""
    text = spans.text
    for span in spans.groups[labels.PERSON_NAMES]:
        end = span.end_char
        while continuation := _SURNAME_CONTINUATION.match(text, end):
            end = continuation.end()
        return Extracted(text[span.start_char : end], span.start_char, end, 0.8)
    return None


def _pieces(line: Line, text: str) -> list[tuple[int, int]]:
    """The fields of a top line, trimmed of markup and emoji at their edges."""
    found: list[tuple[int, int]] = []
    cursor = line.content_start
    breaks = [*_PIECE_BREAK.finditer(text, line.content_start, line.end)]
    for start, end in [
        *((cursor if i == 0 else breaks[i - 1].end(), b.start()) for i, b in enumerate(breaks)),
        (breaks[-1].end() if breaks else cursor, line.end),
    ]:
        piece = text[start:end]
        lead = (
            len(piece) - len(_PIECE_EDGE.sub("", piece, count=1)) if _PIECE_EDGE.match(piece) else 0
        )
        trail = _PIECE_EDGE.search(piece[lead:])
        trail_len = len(trail.group()) if trail and trail.start() > 0 else 0
        if end - trail_len - (start + lead) > 1:
            found.append((start + lead, end - trail_len))
    return found


def _first_line_name(lines: list[Line], spans: SpanIndex) -> Extracted | None:
    """The first line that is not a document title, when its first field reads like a name:
    2-5 capitalized words (name particles allowed) no lexicon claims, credentials dropped."""
    text = spans.text
    for line in lines[:3]:
        words = text[line.content_start : line.end].split()
        if " ".join(w.strip("#*/|") for w in words if w.strip("#*/|")).lower() in _DOCUMENT_TITLES:
            continue
        pieces = _pieces(line, text)
        if not pieces:
            return None
        return _name_in(pieces[0], spans)
    return None


def _name_in(piece: tuple[int, int], spans: SpanIndex) -> Extracted | None:
    text = spans.text
    start, end = piece
    comma = text.find(",", start, end)
    if comma != -1:
        end = comma
    honorific = _HONORIFIC.match(text, start, end)
    if honorific:
        start = honorific.end()
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[start:end])]
    while len(words) > 2 and _CREDENTIAL.match(text[start + words[-1][0] : start + words[-1][1]]):
        words.pop()
    if not 2 <= len(words) <= _MAX_NAME_WORDS:
        return None
    tokens = [text[start + s : start + e] for s, e in words]
    if not all(_NAME_TOKEN.match(t) and (t[0].isupper() or t in _NAME_PARTICLES) for t in tokens):
        return None
    if not tokens[0][0].isupper() or not tokens[-1][0].isupper():
        return None
    end = start + words[-1][1]
    for key in (labels.TITLE_HEADS, labels.ORG_KEYWORDS, labels.SKILLS, labels.DEGREES):
        if spans.within(key, start, end):
            return None
    confidence = 0.7 if spans.entities(start, end, {"PERSON"}) else 0.6
    return Extracted(text[start:end], start, end, confidence)


def _word_count(text: str) -> int:
    return sum(1 for word in text.split() if any(char.isalnum() for char in word))


def _headline(lines: list[Line], spans: SpanIndex, name: Extracted | None) -> Extracted | None:
    """A short top line (or the fields of it beside the name) holding a job title; places and
    contact details at its ends are left out."""
    text = spans.text
    for line in lines[:_TOP_LINES]:
        if line.kind is LineKind.BULLET or _word_count(line.content) > 2 * _HEADLINE_MAX_WORDS:
            continue
        pieces = [
            piece
            for piece in _pieces(line, text)
            if name is None or piece[0] >= name.end or piece[1] <= name.start
        ]
        label = _FIELD_LABEL.match(text, line.content_start, line.end)
        if label and not _HEADLINE_LABEL.match(text, line.content_start, line.end):
            continue
        while pieces and _is_place_or_contact(pieces[-1], spans):
            pieces.pop()
        while pieces and _is_place_or_contact(pieces[0], spans):
            pieces.pop(0)
        if not pieces:
            continue
        start, end = pieces[0][0], pieces[-1][1]
        if label:
            start = max(start, label.end())
        value = text[start:end].strip("*_ ")
        start = text.index(value, start) if value else start
        if not value or _word_count(value) > _HEADLINE_MAX_WORDS:
            continue
        if spans.within(labels.TITLE_HEADS, start, start + len(value)):
            return Extracted(value, start, start + len(value), 0.7)
    return None


def _is_place_or_contact(piece: tuple[int, int], spans: SpanIndex) -> bool:
    text = spans.text[piece[0] : piece[1]]
    if "@" in text or spans.within(labels.CONTACTS, piece[0], piece[1]):
        return True
    return _place_in(piece, spans) is not None


def _place_in(piece: tuple[int, int], spans: SpanIndex) -> Extracted | None:
    """A place a top-line field states: "City, Region[, Country]" no lexicon claims, or a field
    the NER reads as a place; for a longer comma list, its last two parts."""
    text = spans.text
    start, end = piece
    candidates = [(start, end)]
    commas = [m.start() for m in re.finditer(",", text[start:end])]
    if len(commas) >= 2:
        candidates.append((start + commas[-2] + 1, end))
    for raw_start, raw_end in candidates:
        value = text[raw_start:raw_end].strip()
        if not value or not value[0].isupper():
            continue
        cand_start = text.index(value, raw_start)
        cand_end = cand_start + len(value)
        claimed = any(
            spans.within(key, cand_start, cand_end)
            for key in (labels.TITLE_HEADS, labels.ORG_KEYWORDS, labels.DEGREES, labels.SKILLS)
        )
        if claimed:
            continue
        if _PLACE.match(value):
            return Extracted(value, cand_start, cand_end, 0.7)
        places = spans.entities(cand_start, cand_end, {"GPE", "LOC"})
        if places and _covers(places, cand_start, cand_end, 0.8):
            return Extracted(value, cand_start, cand_end, 0.5)
    return None


def _location(
    lines: list[Line], spans: SpanIndex, name: Extracted | None = None
) -> Extracted | None:
    text = spans.text
    for line in lines:
        match = _LOCATION_CUE.search(text, line.content_start, line.end)
        if match:
            value = match.group(1).rstrip(".")
            return Extracted(value, match.start(1), match.start(1) + len(value), 0.8)
    for line in lines[:_TOP_LINES]:
        for piece in _pieces(line, text):
            if _word_count(text[piece[0] : piece[1]]) > _LOCATION_MAX_WORDS:
                continue
            if name is not None and piece[0] < name.end and name.start < piece[1]:
                continue
            found = _place_in(piece, spans)
            if found is not None:
                return found
    return None


def _summary(sections: Sequence[Section], text: str) -> Extracted | None:
    for section in sections:
        if section.kind is SectionKind.SUMMARY and section.lines:
            start, end = section.lines[0].content_start, section.lines[-1].end
            return Extracted(text[start:end], start, end, 0.9)
    return None


# --------------------------------------------------------------------------- where NER is read

_NAME_CUE_BEFORE_CAPITALS = re.compile(r"(?i:\b(?:am|m|im|is))\s+(?=[A-Z]{2,}\b)")
""""I am JANE DOE": a stated name in capitals is told from an acronym by the entity recognizer."""


def entity_ranges(segmented: SegmentedDocument, doc: Doc) -> list[tuple[int, int]]:
    """Character ranges whose named entities this stage will read; the model may skip the rest.

    ``doc`` carries the lexicon and date spans but no entities yet. Entities break ties only:
    an entry header line matters when one of its segments is claimed by no lexicon or pattern
    (``_classify_range`` then asks for ORG/GPE/LOC); of the profile's top lines, the first (a
    name's PERSON) and those before a "City, Region" line (GPE); and lines that state a name in
    capitals ("I am JANE DOE"). Keep in step with the readers of ``SpanIndex.entities``.
    """
    spans = SpanIndex(doc)
    lines: list[Line] = []
    for section in segmented.sections:
        if section.kind in (SectionKind.EXPERIENCE, SectionKind.EDUCATION):
            for entry in section.entries:
                lines.extend(_unclaimed_header_lines(entry, spans))
    top = _top_lines(segmented.sections)[:_TOP_LINES]
    lines.extend(top[:1])
    for line in top:
        if _CITY_REGION.match(line.content.strip()):
            break
        if _top_line_reads_entities(line, spans.text):
            lines.append(line)
    ranges = [(line.start, line.end) for line in lines]
    text = spans.text
    for match in _NAME_CUE_BEFORE_CAPITALS.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        ranges.append((line_start, len(text) if line_end == -1 else line_end))
    return sorted(set(ranges))


def _top_line_reads_entities(line: Line, text: str) -> bool:
    """Whether a top line is short enough for ``_headline`` or has a field short enough for
    ``_location`` to look for a place in it: a summary paragraph in the top lines is neither,
    and is most of the text the entity recognizer would otherwise read there."""
    if _word_count(line.content) <= 2 * _HEADLINE_MAX_WORDS:
        return True
    return any(
        _word_count(text[start:end]) <= _LOCATION_MAX_WORDS for start, end in _pieces(line, text)
    )


def _unclaimed_header_lines(entry: Entry, spans: SpanIndex) -> Iterator[Line]:
    """Header lines with a segment that only the entity recognizer can classify."""
    masks = _date_masks(_entry_dates(entry, spans), entry, spans)
    for line in entry.header:
        pieces = (
            piece
            for start, end in _unmasked_pieces(line.content_start, line.end, masks)
            for piece in _split(spans.text, start, end)
        )
        if any(_needs_entities(spans, start, end) for start, end in pieces):
            yield line


def _needs_entities(spans: SpanIndex, start: int, end: int) -> bool:
    """Whether classifying this piece (or, as ``_classify_piece`` may, its comma parts) reads
    entities: without any, such a segment comes out UNKNOWN."""
    whole = _classify_range(spans, start, end)
    if whole.kind is SegmentKind.UNKNOWN:
        return True
    if "," not in spans.text[start:end] or whole.kind in (SegmentKind.LOCATION, SegmentKind.GPA):
        return False
    parts: list[tuple[int, int]] = []
    cursor = start
    for match in re.finditer(",", spans.text[start:end]):
        parts.extend(_trimmed(spans.text, cursor, start + match.start()))
        cursor = start + match.end()
    parts.extend(_trimmed(spans.text, cursor, end))
    return any(_classify_range(spans, s, e).kind is SegmentKind.UNKNOWN for s, e in parts)


def analysis_doc(nlp: Language, segmented: SegmentedDocument) -> Doc:
    """The document's ``Doc``, tokenized, and told how to find where entities are read."""
    doc = nlp.make_doc(segmented.document.text)
    doc._.set(labels.ENTITY_RANGES_ATTR, functools.partial(entity_ranges, segmented))
    return doc


# --------------------------------------------------------------------------- the stage


@dataclass(frozen=True, slots=True)
class LexiconCategories:
    """Canonical label -> category, per lexicon component (for types, levels, statuses)."""

    skills: dict[str, str | None]
    degrees: dict[str, str | None]
    employment_types: dict[str, str | None]
    publication_cues: dict[str, str | None]


def extract(
    segmented: SegmentedDocument, doc: Doc, categories: LexiconCategories
) -> ExtractedDocument:
    """Stage entry point: candidates for every table, from layout plus the components' spans."""
    spans = SpanIndex(doc)
    doc_id = segmented.document.doc_id
    links, contacts = extract_contacts(spans)
    link_starts = [(link.found.start, link.url) for link in links]
    experiences: list[ExperienceCandidate] = []
    education: list[EducationCandidate] = []
    projects: list[ProjectCandidate] = []
    publications: list[PublicationCandidate] = []
    entry_ids: dict[tuple[int, int], str] = {}
    position = 0
    group_org: Extracted | None = None
    group_section: str | None = None
    for section in segmented.sections:
        section_id = f"{doc_id}:s{section.position}"
        if section.kind is SectionKind.PUBLICATIONS:
            publications.extend(
                section_publications(
                    section, section_id, spans, categories, f"{doc_id}:p", len(publications)
                )
            )
        for entry in section.entries:
            entry_id = f"{doc_id}:e{position}"
            ctx = EntryContext(entry_id, section_id, position, entry, spans)
            if section.kind is SectionKind.EXPERIENCE:
                group = _company_group(entry, spans)
                if group is not None or section_id != group_section:
                    group_org, group_section = group, section_id
                job = build_experience(
                    ctx, categories.employment_types, group_org, opens_group=group is not None
                )
                if job.organization is not group_org:  # a company of its own ends the group
                    group_org = None
                experiences.append(job)
            elif section.kind is SectionKind.EDUCATION:
                education.append(build_education(ctx, categories.degrees))
            elif section.kind is SectionKind.PROJECTS:
                projects.append(build_project(ctx, link_starts))
            elif section.kind is SectionKind.PUBLICATIONS:
                pass  # read once per section above: a citation can run across entries
            entry_ids[(entry.start, entry.end)] = entry_id
            position += 1
        if section.kind is not SectionKind.PUBLICATIONS:
            publications.extend(
                _cued_publications(
                    section, section_id, spans, categories, doc_id, len(publications)
                )
            )
    links = tuple(link for link in links if _persons_link(publications, link))
    # A phone-like number inside a citation is a page range or an arXiv id.
    contacts = tuple(c for c in contacts if not _cites(publications, c.found))
    return ExtractedDocument(
        segmented=segmented,
        profile=extract_profile(segmented.sections, spans),
        experiences=tuple(experiences),
        education=tuple(education),
        projects=tuple(projects),
        publications=tuple(publications),
        skills=extract_skills(segmented.sections, spans, categories.skills),
        metrics=_metrics(spans, entry_ids, doc_id, experiences, projects),
        links=links,
        contacts=contacts,
        entry_ids=entry_ids,
    )


def _cued_publications(
    section: Section,
    section_id: str,
    spans: SpanIndex,
    categories: LexiconCategories,
    doc_id: str,
    first_index: int,
) -> list[PublicationCandidate]:
    """Outside a publications section, "Published in X" on its own line names the line above."""
    found: list[PublicationCandidate] = []
    lines = section.lines
    for index in range(1, len(lines)):
        line, previous = lines[index], lines[index - 1]
        if (
            line.kind is not LineKind.TEXT
            or previous.kind is not LineKind.TEXT
            or is_prose(previous)
        ):
            continue
        if _cue_at_line_start(line, spans) is None:
            continue
        publication = build_publication(
            f"{doc_id}:p{first_index + len(found)}",
            section_id,
            (line, previous),
            spans,
            categories.publication_cues,
        )
        if publication is not None:
            found.append(publication)
    return found


def _metrics(
    spans: SpanIndex,
    entry_ids: dict[tuple[int, int], str],
    doc_id: str,
    experiences: list[ExperienceCandidate],
    projects: list[ProjectCandidate],
) -> tuple[MetricCandidate, ...]:
    owners = [(c.start, c.end, c.entry_id) for c in (*experiences, *projects)]
    metrics = []
    for index, span in enumerate(spans.groups[labels.METRICS]):
        match: MetricMatch = span._.get(labels.METRIC_ATTR)
        owner = next((eid for s, e, eid in owners if s <= match.start_char < e), None)
        metrics.append(MetricCandidate(f"{doc_id}:m{index}", owner, match))
    return tuple(metrics)
