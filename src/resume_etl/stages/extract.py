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
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from spacy.language import Language
from spacy.tokens import Doc, Span

from resume_etl.dates import DateRangeMatch
from resume_etl.nlp import labels
from resume_etl.nlp.components import ContactMatch
from resume_etl.nlp.metrics import MetricMatch
from resume_etl.stages.segment import Entry, Line, LineKind, Section, SegmentedDocument, is_prose
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
    r"\s+[|·•]\s+|\s*[|·•]\s*$|^\s*[|·•]\s*|\s+-\s+|\s{3,}|\s+@\s+|\s+at\s+(?=[A-Z])"
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


def header_segments(
    lines: Sequence[Line], spans: SpanIndex, masks: Sequence[tuple[int, int]]
) -> list[HeaderSegment]:
    """Cut header lines into classified segments; ``masks`` (dates, GPA) are cut out first."""
    segments: list[HeaderSegment] = []
    for line in lines:
        for start, end in _unmasked_pieces(line.content_start, line.end, masks):
            for piece_start, piece_end in _split(spans.text, start, end):
                segments.extend(_classify_piece(spans, piece_start, piece_end))
    return segments


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
    if "," not in text[start:end] or whole.kind in (SegmentKind.LOCATION, SegmentKind.GPA):
        return [whole]
    parts: list[tuple[int, int]] = []
    cursor = start
    for match in re.finditer(",", text[start:end]):
        parts.extend(_trimmed(text, cursor, start + match.start()))
        cursor = start + match.end()
    parts.extend(_trimmed(text, cursor, end))
    classified = [_classify_range(spans, s, e) for s, e in parts]
    if len({segment.kind for segment in classified}) > 1:
        return classified
    return [whole]


def _covers(span_list: list[Span], start: int, end: int, share: float) -> bool:
    covered = sum(span.end_char - span.start_char for span in span_list)
    return covered >= share * (end - start)


def _classify_range(spans: SpanIndex, start: int, end: int) -> HeaderSegment:
    text = spans.text[start:end]

    def segment(kind: SegmentKind, confidence: float) -> HeaderSegment:
        return HeaderSegment(text, start, end, kind, confidence)

    employment = spans.within(labels.EMPLOYMENT_TYPES, start, end)
    if employment and _covers(employment, start, end, 0.6):
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


# --------------------------------------------------------------------------- entries


def _entry_dates(entry: Entry, spans: SpanIndex) -> DateRangeMatch | None:
    """The entry's period: the first range in its header, else its first lone date."""
    found: list[DateRangeMatch] = []
    for line in entry.header:
        for span in spans.within(labels.DATES, line.content_start, line.end):
            found.append(span._.get(labels.DATE_RANGE_ATTR))
    ranges = [m for m in found if m.end is not None or m.is_current]
    return next(iter(ranges or found), None)


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
    return masks


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


@dataclass(frozen=True, slots=True)
class EntryContext:
    """What building any entry needs: ids, the spans, and the entry's body."""

    entry_id: str
    section_id: str
    position: int
    entry: Entry
    spans: SpanIndex

    def base(self) -> dict[str, object]:
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


def build_experience(
    ctx: EntryContext, employment_categories: dict[str, str | None]
) -> ExperienceCandidate:
    dates = _entry_dates(ctx.entry, ctx.spans)
    segments = header_segments(
        ctx.entry.header, ctx.spans, _date_masks(dates, ctx.entry, ctx.spans)
    )
    role = _first(segments, SegmentKind.ROLE)
    organization = _first(segments, SegmentKind.ORGANIZATION)
    unknown = _first(segments, SegmentKind.UNKNOWN)
    org_value = (
        organization.extracted() if organization else (unknown.extracted(0.6) if unknown else None)
    )
    location = _first(segments, SegmentKind.LOCATION)
    confidences = [value.confidence for value in (org_value, role) if value is not None]
    description, bullets = _body_parts(ctx.entry)
    return ExperienceCandidate(
        entry_id=ctx.entry_id,
        section_id=ctx.section_id,
        position=ctx.position,
        start=ctx.entry.start,
        end=ctx.entry.end,
        dates=dates,
        description=description,
        bullets=bullets,
        organization=org_value,
        role=role.extracted() if role else None,
        employment_type=_employment_type(segments, role, ctx.spans, employment_categories),
        location=location.extracted() if location else None,
        confidence=min(confidences, default=0.3),
    )


_DEGREE_IN_FIELD = re.compile(r"^(.+?)\s+in\s+\S", re.I)
_DEGREE_FIELD_LEAD = re.compile(r"^[\s,:;(-]*(?:(?:in|of)\s+)?", re.I)


def build_education(ctx: EntryContext, degree_levels: dict[str, str | None]) -> EducationCandidate:
    dates = _entry_dates(ctx.entry, ctx.spans)
    masks = _date_masks(dates, ctx.entry, ctx.spans)
    gpa = _find_gpa(ctx.entry, ctx.spans.text)
    segments = header_segments(ctx.entry.header, ctx.spans, masks)
    institution = _first(segments, SegmentKind.ORGANIZATION) or _first(
        segments, SegmentKind.UNKNOWN
    )
    degree_segment = _first(segments, SegmentKind.DEGREE)
    degree, level, field_of_study = _degree_and_field(degree_segment, ctx.spans, degree_levels)
    honors = _honors(gpa, ctx.spans.text)
    description, bullets = _body_parts(ctx.entry)
    confidences = [v.confidence for v in (institution, degree_segment) if v is not None]
    return EducationCandidate(
        entry_id=ctx.entry_id,
        section_id=ctx.section_id,
        position=ctx.position,
        start=ctx.entry.start,
        end=ctx.entry.end,
        dates=dates,
        description=description,
        bullets=bullets,
        institution=institution.extracted() if institution else None,
        degree=degree,
        degree_level=level,
        field_of_study=field_of_study,
        gpa=gpa,
        honors=honors,
        confidence=min(confidences, default=0.3),
    )


def _degree_and_field(
    segment: HeaderSegment | None, spans: SpanIndex, degree_levels: dict[str, str | None]
) -> tuple[Extracted | None, DegreeLevel | None, Extracted | None]:
    if segment is None:
        return None, None, None
    found = spans.within(labels.DEGREES, segment.start, segment.end)[0]
    level_name = degree_levels.get(found.label_)
    level = DegreeLevel(level_name) if level_name in set(DegreeLevel) else None
    # A lexicon may name a degree with its field ("Bachelor of Science in Nursing"): the
    # field is still the field.
    named_field = _DEGREE_IN_FIELD.match(found.text)
    degree_end = found.start_char + (named_field.end(1) if named_field else len(found.text))
    degree = Extracted(spans.text[found.start_char : degree_end], found.start_char, degree_end, 0.9)
    rest_start = degree_end
    rest = spans.text[rest_start : segment.end]
    lead = _DEGREE_FIELD_LEAD.match(rest)
    offset = lead.end() if lead else 0
    field_text = rest[offset:].strip().rstrip(",;)")
    if len(field_text) < 2:
        return degree, level, None
    field_start = rest_start + offset
    return degree, level, Extracted(field_text, field_start, field_start + len(field_text), 0.8)


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
    name = None
    if pieces:
        start, end = pieces[0]
        name = Extracted(ctx.spans.text[start:end], start, end, 0.8)
    skills = ctx.spans.within(labels.SKILLS, ctx.entry.start, ctx.entry.end)
    url = next((u for s, u in link_starts if ctx.entry.start <= s < ctx.entry.end), None)
    description, bullets = _body_parts(ctx.entry)
    return ProjectCandidate(
        entry_id=ctx.entry_id,
        section_id=ctx.section_id,
        position=ctx.position,
        start=ctx.entry.start,
        end=ctx.entry.end,
        dates=dates,
        description=description,
        bullets=bullets,
        name=name,
        technologies=tuple(dict.fromkeys(span.label_ for span in skills)),
        url=url,
    )


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


# --------------------------------------------------------------------------- skills

# No "^" in patterns used with match(text, pos): match() anchors at pos, "^" only at 0.
_LIST_LABEL = re.compile(r"([A-Z][\w&/+ .-]{1,40}):\s*")
_MAX_ITEM_WORDS = 4


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
            for span in lexicon_spans:
                draft = drafts.setdefault(
                    span.label_.lower(),
                    _SkillDraft(span.label_, categories.get(span.label_), None, True),
                )
                draft.spans.append((span.start_char, span.end_char))
                if in_skills:
                    draft.in_skills_section = True
                    draft.group = draft.group or group
            if in_skills and line.kind is LineKind.TABLE_ROW:
                _add_table_row(line, previous, lexicon_spans, text, drafts)
            elif in_skills and not is_prose(line):
                _add_list_items(line, label, group, lexicon_spans, text, drafts)
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
    overlaps = any(s < item_end and item_start < e for s, e in covered)
    if item.count(" ") + 1 > _MAX_ITEM_WORDS or overlaps:
        return
    draft = drafts.setdefault(item.lower(), _SkillDraft(item, None, group, False))
    draft.spans.append((item_start, item_end))
    draft.in_skills_section = True


def _add_list_items(
    line: Line,
    label: re.Match[str] | None,
    group: str | None,
    lexicon_spans: list[Span],
    text: str,
    drafts: dict[str, _SkillDraft],
) -> None:
    start = label.end() if label else line.content_start
    items = _split_items(text[start : line.end], start)
    if len(items) < 2 and not (label and items):
        return
    covered = [(s.start_char, s.end_char) for s in lexicon_spans]
    for item_start, item_end in items:
        _add_item(item_start, item_end, group, covered, text, drafts)


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
_NAME_TOKEN = re.compile(r"^[A-Z][a-zA-Z'.-]*$|^[A-Z][A-Z'.-]+$")
_HEADLINE_MAX_WORDS = 12
_DOCUMENT_TITLES = frozenset({"curriculum vitae", "resume", "résumé", "cv", "profile", "about me"})
"""First lines that title the document rather than name its author."""
_TOP_LINES = 6


def extract_profile(sections: Sequence[Section], spans: SpanIndex) -> ProfileCandidate:
    text = spans.text
    top = _top_lines(sections)
    name = _labelled_name(top, text) or _stated_name(spans) or _first_line_name(top, spans)
    headline = _headline(top, spans, name)
    location = _location(top, spans)
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


def _stated_name(spans: SpanIndex) -> Extracted | None:
    for span in spans.groups[labels.PERSON_NAMES]:
        return Extracted(span.text, span.start_char, span.end_char, 0.8)
    return None


def _first_line_name(lines: list[Line], spans: SpanIndex) -> Extracted | None:
    """The first line, when it reads like a name: 2-4 capitalized words no lexicon claims."""
    if not lines:
        return None
    line = lines[0]
    start, end = line.content_start, line.end
    words = spans.text[start:end].split()
    if " ".join(words).lower() in _DOCUMENT_TITLES:
        return None
    if not 2 <= len(words) <= 4 or not all(_NAME_TOKEN.match(word) for word in words):
        return None
    for key in (labels.TITLE_HEADS, labels.ORG_KEYWORDS, labels.SKILLS, labels.DEGREES):
        if spans.within(key, start, end):
            return None
    confidence = 0.7 if spans.entities(start, end, {"PERSON"}) else 0.6
    return Extracted(spans.text[start:end], start, end, confidence)


def _headline(lines: list[Line], spans: SpanIndex, name: Extracted | None) -> Extracted | None:
    for line in lines[:_TOP_LINES]:
        content = line.content.strip()
        if name is not None and line.content_start <= name.start < line.end:
            continue
        if content.count(" ") + 1 > _HEADLINE_MAX_WORDS or line.kind is LineKind.BULLET:
            continue
        if spans.within(labels.TITLE_HEADS, line.content_start, line.end):
            return Extracted(content, line.content_start, line.content_start + len(content), 0.7)
    return None


def _location(lines: list[Line], spans: SpanIndex) -> Extracted | None:
    text = spans.text
    for line in lines:
        match = _LOCATION_CUE.search(text, line.content_start, line.end)
        if match:
            value = match.group(1).rstrip(".")
            return Extracted(value, match.start(1), match.start(1) + len(value), 0.8)
    for line in lines[:_TOP_LINES]:
        if _CITY_REGION.match(line.content.strip()):
            value = line.content.strip()
            return Extracted(value, line.content_start, line.content_start + len(value), 0.7)
        places = spans.entities(line.content_start, line.end, {"GPE"})
        if places and _covers(places, line.content_start, line.end, 0.6):
            return Extracted(places[0].text, places[0].start_char, places[0].end_char, 0.5)
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
        lines.append(line)
    ranges = [(line.start, line.end) for line in lines]
    text = spans.text
    for match in _NAME_CUE_BEFORE_CAPITALS.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        ranges.append((line_start, len(text) if line_end == -1 else line_end))
    return sorted(set(ranges))


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
    for section in segmented.sections:
        section_id = f"{doc_id}:s{section.position}"
        for entry in section.entries:
            entry_id = f"{doc_id}:e{position}"
            ctx = EntryContext(entry_id, section_id, position, entry, spans)
            if section.kind is SectionKind.EXPERIENCE:
                experiences.append(build_experience(ctx, categories.employment_types))
            elif section.kind is SectionKind.EDUCATION:
                education.append(build_education(ctx, categories.degrees))
            elif section.kind is SectionKind.PROJECTS:
                projects.append(build_project(ctx, link_starts))
            elif section.kind is SectionKind.PUBLICATIONS:
                lines = (*entry.header, *entry.body)
                found = build_publication(
                    f"{doc_id}:p{len(publications)}",
                    section_id,
                    lines,
                    spans,
                    categories.publication_cues,
                )
                if found is not None:
                    publications.append(found)
            entry_ids[(entry.start, entry.end)] = entry_id
            position += 1
        if section.kind is not SectionKind.PUBLICATIONS:
            publications.extend(
                _cued_publications(
                    section, section_id, spans, categories, doc_id, len(publications)
                )
            )
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
