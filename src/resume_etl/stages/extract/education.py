"""The education table: institution, degree, level, field of study, GPA and honors."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span

from resume_etl.nlp import labels
from resume_etl.stages.extract._draft import EducationCandidate, Extracted, Normalized
from resume_etl.stages.extract._entry import EntryContext, date_masks, entry_dates
from resume_etl.stages.extract._header import (
    GPA_STATED,
    HeaderSegment,
    SegmentKind,
    first_of_kind,
    header_segments,
    line_of,
)
from resume_etl.stages.extract._school_pieces import (
    DISTINCTION,
    graduation_dates,
    is_school,
    region_code_as_place,
    school_across_lines,
    school_after_from,
    school_name,
    school_named_like_a_degree,
    stands_as_school,
)
from resume_etl.stages.extract._spans import SpanIndex
from resume_etl.stages.segment import Entry
from resume_etl.vocab import DegreeLevel
from resume_etl.wordlists import builtin_alternation, builtin_forms, grammar_alternation

_HONOURS_WORDS = builtin_alternation("entry_words.jsonl", "honours")
""""Hons", "Honours", "Honors": written as a degree's note, "(Hons)", or before its field."""
_DEGREE_IN_FIELD = re.compile(r"^(.+?)\s+in\s+\S", re.I)
_FIELD_PREPOSITION = grammar_alternation("field_preposition")
"""The "in" or "of" between a degree and its field ("BSc in Physics", "Master of Arts")."""
_DEGREE_FIELD_LEAD = re.compile(
    rf"^[\s,:;(-]*(?:(?:{_HONOURS_WORDS})\.?\s+)?(?:(?:{_FIELD_PREPOSITION})\s+)?", re.I
)


def build_education(ctx: EntryContext, degree_levels: dict[str, str | None]) -> EducationCandidate:
    dates = graduation_dates(entry_dates(ctx.entry, ctx.spans), ctx.spans.text)
    masks = date_masks(dates, ctx.entry, ctx.spans)
    gpa = _find_gpa(ctx.entry, ctx.spans.text)
    segments = [
        school_named_like_a_degree(region_code_as_place(segment, ctx.spans), ctx.spans)
        for segment in header_segments(ctx.entry.header, ctx.spans, masks, ctx.entry.columns)
        if DISTINCTION.fullmatch(segment.text) is None
    ]
    gpa = gpa or _gpa_cell(first_of_kind(segments, SegmentKind.GPA) if ctx.entry.columns else None)
    degree_segment = first_of_kind(segments, SegmentKind.DEGREE)
    degree, level, field_of_study = _degree_and_field(degree_segment, ctx.spans, degree_levels)
    used: list[HeaderSegment] = [] if degree_segment is None else [degree_segment]
    if field_of_study is None and degree_segment is not None:
        field_segment = _field_after_degree(segments, degree_segment, ctx.spans)
        if field_segment is not None:
            field_of_study = field_segment.extracted(0.6)
            used.append(field_segment)
    if degree is None and (unnamed := _unnamed_degree(segments, ctx.spans)) is not None:
        taken, degree, field_of_study = unnamed
        used.extend(taken)
    if degree is None and (level_of := _level_of_subject(segments)) is not None:
        degree = level_of.extracted(0.6)
        used.append(level_of)
    field_of_study, named = school_after_from(field_of_study, ctx.spans.text)
    if named is not None and degree_segment is not None:
        segments.insert(segments.index(degree_segment) + 1, named)
    institution = named or _institution(segments, ctx.spans, used)
    if institution is not None and named is None:
        institution = school_across_lines(institution, segments, ctx.spans)
    if institution is not None and not stands_as_school(institution, degree, dates, ctx.spans):
        institution = None
    honors = _honors(gpa, ctx.spans.text)
    confidences = [v.confidence for v in (institution, degree_segment) if v is not None]
    return EducationCandidate(
        **ctx.base(with_bullets=False),
        dates=dates,
        institution=school_name(institution) if institution else None,
        location=_place_after(institution, segments, ctx.spans.text) if institution else None,
        degree=degree,
        degree_level=level,
        field_of_study=field_of_study,
        gpa=Normalized(gpa[0], gpa[2]) if gpa else None,
        gpa_scale=gpa[1] if gpa else None,
        honors=honors,
        confidence=min(confidences, default=0.3),
    )


_QUALIFICATION_GRADE = re.compile(r" (?:[IVX]{1,4}|Level \d{1,2})\b")
_HONOURS = re.compile(rf"\s*\((?:{_HONOURS_WORDS})\.?\)")
_PARENTHESIS = re.compile(r"\s*\([^()]{1,40}\)")
_OF_SUBJECT = re.compile(r" of (?:[A-Z][\w'-]*)(?: (?:and|&) [A-Z][\w'-]*| [A-Z][\w'-]*)*")
_BARE_LEVELS = builtin_forms("entry_words.jsonl", "bare_degree_level")
"""Degree words that name a level alone: "Bachelor" needs its "of Economics" to be a degree."""


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


_NAME_BEFORE_LEVEL = re.compile(r"[A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,4} ")


def _named_level_start(found: Span, start: int, text: str) -> int:
    """Where a degree starts: a bare level word after the name of what was studied takes the
    name in ("Computer System Technician Diploma", "Paralegal Certificate")."""
    if found.text.lower() not in _BARE_LEVELS:
        return found.start_char
    named = _NAME_BEFORE_LEVEL.fullmatch(text, start, found.start_char)
    return start if named else found.start_char


def _named_by_level(found: Sequence[Span], text: str) -> Span:
    """The first degree found, or the one a bare level word right before it qualifies:
    "Master Diploma" is a diploma (its name taken in by ``_named_level_start``)."""
    first = found[0]
    qualified = len(found) > 1 and first.text.lower() in _BARE_LEVELS
    if qualified and not text[first.end_char : found[1].start_char].strip():
        return found[1]
    return first


def _degree_and_field(
    segment: HeaderSegment | None, spans: SpanIndex, degree_levels: dict[str, str | None]
) -> tuple[Extracted | None, DegreeLevel | None, Extracted | None]:
    if segment is None:
        return None, None, None
    lexicon_degrees = spans.within(labels.DEGREES, segment.start, segment.end)
    if not lexicon_degrees:  # labelled "Qualification: ..." that no lexicon entry names
        return segment.extracted(0.7), None, None
    found = _named_by_level(lexicon_degrees, spans.text)
    level_name = degree_levels.get(found.label_)
    level = DegreeLevel(level_name) if level_name in set(DegreeLevel) else None
    # A lexicon may name a degree with its field ("Bachelor of Science in Nursing"): the
    # field is still the field.
    named_field = _DEGREE_IN_FIELD.match(found.text)
    degree_end = found.start_char + (named_field.end(1) if named_field else len(found.text))
    degree_end = _degree_extent(found, degree_end, segment.end, spans)
    start = _named_level_start(found, segment.start, spans.text)
    degree = Extracted(spans.text[start:degree_end], start, degree_end, 0.9)
    rest_start = degree_end
    rest = spans.text[rest_start : segment.end]
    lead = _DEGREE_FIELD_LEAD.match(rest)
    offset = lead.end() if lead else 0
    field_text = rest[offset:].strip().rstrip(",;")
    if field_text.count(")") > field_text.count("("):
        field_text = field_text.rstrip(")")
    field_start = rest_start + offset
    # "Master's Degree in Physics in Nuclear Engineering": the degree names a subject, the field
    # is the last complement.
    inner = field_text.rfind(" in ")
    if inner > 0 and "," not in field_text[:inner]:
        degree = Extracted(
            spans.text[found.start_char : field_start + inner],
            found.start_char,
            field_start + inner,
            0.8,
        )
        field_text, field_start = field_text[inner + 4 :], field_start + inner + 4
    if len(field_text) < 2:
        return degree, level, None
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
    segments: list[HeaderSegment], degree: HeaderSegment, spans: SpanIndex
) -> HeaderSegment | None:
    """ "Master of Science - MS, Marketing Analytics", "PhD, Computer Engineering": the unclaimed
    segment right after the last degree segment on its line is the field, unless a school word
    ("University", "Hochschule") says it is the school. A degree alone on its line ("BS" over
    "Physics, 1995: X University") takes the first piece of the next line, when a school is
    named elsewhere."""
    text = spans.text
    line = line_of(text, degree.start)
    after = [s for s in segments if s.start >= degree.end and line_of(text, s.start) == line]
    while after and after[0].kind is SegmentKind.DEGREE:
        after.pop(0)
    below = not after and _alone_on_its_line(degree, text)
    if below:
        after = [s for s in segments if s.start >= degree.end][:1]
    if not after or after[0].kind not in _FIELD_KINDS:
        return None
    candidate = after[0]
    others = [s for s in segments if s is not candidate and s.kind in _INSTITUTION_KINDS]
    # Under the degree, a school's name is the school, and a field needs a school elsewhere.
    if below and (
        is_school(candidate, spans)
        or not any(s.kind is SegmentKind.ORGANIZATION or is_school(s, spans) for s in others)
    ):
        return None
    # "Abitur, Some Gymnasium": with no other piece to be the school, the piece is the school.
    if not others or (is_school(candidate, spans) and not any(is_school(s, spans) for s in others)):
        return None
    # "Marketing Analytics" reads like a company; it is the field when the school is elsewhere:
    # named as one, or on a line of its own ("TU Northvale" over "PhD, Computer Engineering").
    elsewhere = [
        s
        for s in segments
        if s is not candidate
        and s.kind in _INSTITUTION_KINDS
        and (s.kind is SegmentKind.ORGANIZATION or line_of(text, s.start) != line)
    ]
    if candidate.kind is SegmentKind.ORGANIZATION and not elsewhere:
        return None
    return candidate


def _alone_on_its_line(degree: HeaderSegment, text: str) -> bool:
    """Whether nothing but the degree (and punctuation) is written on its line."""
    start = text.rfind("\n", 0, degree.start) + 1
    end = text.find("\n", degree.end)
    rest = text[start : degree.start] + text[degree.end : len(text) if end == -1 else end]
    return not any(character.isalnum() for character in rest)


def _place_after(
    school: HeaderSegment, segments: list[HeaderSegment], text: str
) -> Extracted | None:
    """The place written after the school on its line ("University of X, Leeds, UK", "University
    of X (Leeds)"): the school's location, kept apart from its name as a job's place is from
    its employer."""
    index = next(i for i, s in enumerate(segments) if s is school)
    start = end = school.end
    for after in segments[index + 1 :]:
        between = text[end : after.start].strip()
        if after.kind is not SegmentKind.LOCATION or between not in (",", "("):
            break
        if start == school.end:
            start = after.start
        end = after.end
    if end == school.end:
        return None
    return Extracted(text[start:end], start, end, 0.7)


def _institution(
    segments: list[HeaderSegment], spans: SpanIndex, used: list[HeaderSegment]
) -> HeaderSegment | None:
    """The school: a segment holding a school word first, then an organization, then an
    unclassified piece; last, a piece the NER reads as a place when it stands alone on the
    entry's first line, away from the degree ("TU Northvale, Belgium" over "PhD, Physics")."""
    text = spans.text
    free = [s for s in segments if s.kind in _INSTITUTION_KINDS and all(s is not u for u in used)]
    schools = [s for s in free if is_school(s, spans)]
    # Two schools in one header: the one on the degree's line took the degree.
    used_lines = {line_of(text, u.start) for u in used}
    beside = [s for s in schools if line_of(text, s.start) in used_lines]
    found = (
        next(iter(beside + schools), None)
        or first_of_kind(free, SegmentKind.ORGANIZATION)
        or first_of_kind(free, SegmentKind.UNKNOWN)
    )
    if found is not None or not free:
        return found
    first_line = line_of(text, segments[0].start)
    on_first = [s for s in segments if line_of(text, s.start) == first_line]
    alone = len(on_first) == 1 and on_first[0] is free[0]
    return free[0] if alone and first_line not in used_lines and len(segments) > 1 else None


_LEVEL_OF_SUBJECT = re.compile(
    rf"(?:{'|'.join(level.capitalize() for level in _BARE_LEVELS)})(?:'?s)? of [A-Z][\w'-]*"
    r"(?: (?:and |& )?[A-Z][\w'-]*){0,4}"
)


def _level_of_subject(segments: list[HeaderSegment]) -> HeaderSegment | None:
    """ "Master of Liberal Studies", "Doctor of Musical Arts": a level word and its subject
    written as a name are a degree when no lexicon entry names it (its "Master" alone is
    too often a title's word, "Scrum Master", to be a lexicon form)."""
    return next(
        (s for s in segments if s.kind in _FIELD_KINDS and _LEVEL_OF_SUBJECT.fullmatch(s.text)),
        None,
    )


_NAMED_IN_FIELD = re.compile(r"^(\S.{1,60}?) in (\S.{1,80})$")


def _unnamed_degree(
    segments: list[HeaderSegment], spans: SpanIndex
) -> tuple[list[HeaderSegment], Extracted, Extracted] | None:
    """A degree no lexicon names, read from where it stands: "<degree> in <field>" beside
    another piece that can be the school ("Technical Course in Information Systems, Some
    College"), or "<degree>, <field>" on a line under the school's line (a LinkedIn export:
    "Some College" / "Technical Course, Information Systems")."""
    text = spans.text
    for index, segment in enumerate(segments):
        if segment.kind not in _FIELD_KINDS or is_school(segment, spans):
            continue
        others = [s for s in segments if s is not segment and s.kind in _INSTITUTION_KINDS]
        if not others:
            return None
        match = _NAMED_IN_FIELD.match(segment.text)
        if match and _named_like_a_degree(match.group(1), match.group(2).capitalize()):
            return [segment], *_degree_field_match(segment, match)
        line = line_of(text, segment.start)
        if not any(line_of(text, s.start) < line for s in others):
            continue
        match = _DEGREE_COMMA_FIELD.match(segment.text)
        if match and _named_like_a_degree(*match.groups()):
            return [segment], *_degree_field_match(segment, match)
        after = segments[index + 1] if index + 1 < len(segments) else None
        if (
            after is not None
            and _comma_pair(segment, after, spans)
            and _named_like_a_degree(segment.text, after.text)
        ):
            return [segment, after], segment.extracted(0.5), after.extracted(0.5)
    return None


_FIRST_PERSON = re.compile(rf"\b(?:{grammar_alternation('first_person')})\b")


def _named_like_a_degree(degree: str, field: str) -> bool:
    """A degree and field read from shape alone are written as names ("Technical Course",
    "Print Production"): a piece led by a small letter ("with tenure", "on representative") or
    in the first person ("I honed") is a sentence wrapped across lines, not a degree."""
    return degree[:1].isupper() and not field[:1].islower() and _FIRST_PERSON.search(degree) is None


def _comma_pair(first: HeaderSegment, second: HeaderSegment, spans: SpanIndex) -> bool:
    """Two pieces only a comma parts, the second no school: "<degree>, <field>"."""
    between = spans.text[first.end : second.start].strip()
    # The NER often reads a field ("Computer Programming") as a place.
    kinds = _FIELD_KINDS | {SegmentKind.LOCATION}
    return between == "," and second.kind in kinds and not is_school(second, spans)


def _degree_field_match(
    segment: HeaderSegment, match: re.Match[str]
) -> tuple[Extracted, Extracted]:
    degree_end, field_start = segment.start + match.end(1), segment.start + match.start(2)
    degree = Extracted(match.group(1), segment.start, degree_end, 0.5)
    return degree, Extracted(match.group(2), field_start, segment.end, 0.5)


_DEGREE_COMMA_FIELD = re.compile(r"^([^,]{2,50}), ([^,]{2,60})$")


_INSTITUTION_KINDS = frozenset(
    {SegmentKind.ORGANIZATION, SegmentKind.UNKNOWN, SegmentKind.LOCATION}
)
_FIELD_KINDS = frozenset({SegmentKind.UNKNOWN, SegmentKind.ROLE, SegmentKind.ORGANIZATION})


def _find_gpa(entry: Entry, text: str) -> tuple[float, float | None, Extracted] | None:
    for line in (*entry.header, *entry.body):
        match = GPA_STATED.search(text, line.content_start, line.end)
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
