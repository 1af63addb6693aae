"""Reading an education entry's degree and field of study: a lexicon degree and its extent
("Bachelor of Education (B.Ed.) (Hons)"), the field after "in"/"of" or a comma, a field on
the line under a degree, and degrees no lexicon names, read from where they stand."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span

from resume_etl.nlp import labels
from resume_etl.stages.extract._draft import Extracted
from resume_etl.stages.extract._header import GPA_STATED, HeaderSegment, SegmentKind, line_of
from resume_etl.stages.extract._school_pieces import DISTINCTION, is_school
from resume_etl.stages.extract._spans import SpanIndex
from resume_etl.vocab import DegreeLevel
from resume_etl.wordlists import builtin_alternation, builtin_forms, grammar_alternation

INSTITUTION_KINDS = frozenset({SegmentKind.ORGANIZATION, SegmentKind.UNKNOWN, SegmentKind.LOCATION})
"""Pieces that may name the school (the NER often reads a school's town name as a place)."""
FIELD_KINDS = frozenset({SegmentKind.UNKNOWN, SegmentKind.ROLE, SegmentKind.ORGANIZATION})
"""Pieces that may name a field of study or a degree no lexicon names."""


_HONOURS_WORDS = builtin_alternation("entry_words.jsonl", "honours")
""""Hons", "Honours", "Honors": written as a degree's note, "(Hons)", or before its field."""
_DEGREE_IN_FIELD = re.compile(r"^(.+?)\s+in\s+\S", re.I)
_FIELD_PREPOSITION = grammar_alternation("field_preposition")
"""The "in" or "of" between a degree and its field ("BSc in Physics", "Master of Arts")."""
_DEGREE_FIELD_LEAD = re.compile(
    rf"^[\s,:;(-]*(?:(?:{_HONOURS_WORDS})\.?\s+)?(?:(?:{_FIELD_PREPOSITION})\s+)?", re.I
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


_NAME_BEFORE_LEVEL = re.compile(r"[A-Z][\w&'-]*(?: (?:[A-Z][\w&'-]*|\d{1,2})){0,4} ")


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


_LAST_ASIDE = re.compile(r"\s*\([^()]*\)$")
_CLASS_MARK = re.compile(r"(?<![\s,;-])[\s,;-]+\(?[12][:.][12]\)?$")
"""A British degree's class after its field: "Computer Engineering 2:1", "Law, 2.1". The
search tries only where a run of separators starts: from inside a long run each try would
read the run to its end again (quadratic in a line padded with spaces)."""


def _without_grade(field: str) -> str:
    """ "Law and French (grade 2.1)", "Physics (Cum Laude)", "Computer Engineering 2:1": a grade
    or distinction in brackets after a field, or a degree's class, is no part of it (the GPA
    reader takes a grade from the line)."""
    if mark := _CLASS_MARK.search(field):
        return field[: mark.start()]
    aside = _LAST_ASIDE.search(field)
    noted = aside and (GPA_STATED.search(aside.group()) or DISTINCTION.search(aside.group()))
    return field[: aside.start()] if aside and noted else field


_SCORE = re.compile(r"\d[\d.,]*\s*(?:%|[^\W\d_]+)?")
"""A score read where a field stands: "500 points", "78 %", "8.5 CGPA"."""
_FIELD_NOTES = "|".join(
    builtin_alternation("entry_words.jsonl", kind) for kind in ("degree_status", "distinction")
)
_FIELD_NOTE_LEAD = re.compile(
    rf"(?:{_FIELD_NOTES})(?:\s*[,;:-]\s*|\s+(?:{_FIELD_PREPOSITION})(?:\s+|$)|\s*$)", re.I
)
"""How far the study went ("Ph.D. coursework in X", "MBA candidate, Finance") or a distinction
("Highest Honors in Political Science") written before the field: neither degree nor field.
Only before a preposition or a stop: "Program Management" is a field."""


def field_without_notes(field: Extracted | None) -> Extracted | None:
    """The field of study without a status or distinction before it and a grade after it;
    None when nothing else is left."""
    if field is None:
        return None
    value, start = field.value, field.start
    while note := _FIELD_NOTE_LEAD.match(value):
        value, start = value[note.end() :], start + note.end()
    value = _without_grade(value).rstrip(" ,;")
    if len(value) < 2 or not any(char.isalpha() for char in value) or _SCORE.fullmatch(value):
        return None
    if value == field.value:
        return field
    return Extracted(value, start, start + len(value), field.confidence)


def degree_and_field(
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
    while note := _FIELD_NOTE_LEAD.match(rest, offset):
        offset = note.end()
    field_text = _without_grade(rest[offset:].strip().rstrip(",;"))
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


def field_after_degree(
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
    if not after or not (after[0].kind in FIELD_KINDS or _guessed_place(after[0], below)):
        return None
    candidate = after[0]
    others = [s for s in segments if s is not candidate and s.kind in INSTITUTION_KINDS]
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
        and s.kind in INSTITUTION_KINDS
        and (s.kind is SegmentKind.ORGANIZATION or line_of(text, s.start) != line)
    ]
    if candidate.kind is SegmentKind.ORGANIZATION and not elsewhere:
        return None
    return candidate


_MAX_FIELD_WORDS = 6
_SURE = 0.8
"""A lexicon's or a pattern's confidence; below it a piece's kind is the NER's guess."""


def field_on_next_line(
    segments: list[HeaderSegment], degree: HeaderSegment, spans: SpanIndex
) -> HeaderSegment | None:
    """ "PhD., University of X, Lakemont." over "Computer Science"; "Bachelor of Arts"
    over ": Business Administration": a short piece alone on the line under its degree is the
    field when the degree's line names the school, or when a colon opens it (a "Degree: Field"
    line that a page's wrap cut at its colon)."""
    text = spans.text
    line = line_of(text, degree.start)
    later = [line_of(text, s.start) for s in segments if line_of(text, s.start) > line]
    below = [s for s in segments if later and line_of(text, s.start) == min(later)]
    if len(below) != 1 or below[0].kind not in FIELD_KINDS or is_school(below[0], spans):
        return None
    candidate = below[0]
    if len(candidate.text.split()) > _MAX_FIELD_WORDS or not _alone_on_its_line(candidate, text):
        return None
    beside = [s for s in segments if s.start > degree.end and line_of(text, s.start) == line]
    led_by_colon = text[degree.end : candidate.start].strip() == ":"
    return candidate if led_by_colon or any(is_school(s, spans) for s in beside) else None


def _guessed_place(segment: HeaderSegment, below: bool) -> bool:
    """A piece only the NER calls a place, right after the degree on its line ("BA, Early
    Childhood"): the NER reads many a field so; a place a lexicon or a pattern names
    ("Leeds, UK") stays a place."""
    return not below and segment.kind is SegmentKind.LOCATION and segment.confidence < _SURE


def _alone_on_its_line(degree: HeaderSegment, text: str) -> bool:
    """Whether nothing but the degree (and punctuation) is written on its line."""
    start = text.rfind("\n", 0, degree.start) + 1
    end = text.find("\n", degree.end)
    rest = text[start : degree.start] + text[degree.end : len(text) if end == -1 else end]
    return not any(character.isalnum() for character in rest)


_LEVEL_OF_SUBJECT = re.compile(
    rf"(?:{'|'.join(level.capitalize() for level in _BARE_LEVELS)})(?:'?s)? of [A-Z][\w'-]*"
    r"(?: (?:and |& )?[A-Z][\w'-]*){0,4}"
)


def level_of_subject(segments: list[HeaderSegment]) -> HeaderSegment | None:
    """ "Master of Liberal Studies", "Doctor of Musical Arts": a level word and its subject
    written as a name are a degree when no lexicon entry names it (its "Master" alone is
    too often a title's word, "Scrum Master", to be a lexicon form)."""
    return next(
        (s for s in segments if s.kind in FIELD_KINDS and _LEVEL_OF_SUBJECT.fullmatch(s.text)),
        None,
    )


_NAMED_IN_FIELD = re.compile(r"^(\S.{1,60}?) in (\S.{1,80})$")


def unnamed_degree(
    segments: list[HeaderSegment], spans: SpanIndex
) -> tuple[list[HeaderSegment], Extracted, Extracted] | None:
    """A degree no lexicon names, read from where it stands: "<degree> in <field>" beside
    another piece that can be the school ("Technical Course in Information Systems, Some
    College"), or "<degree>, <field>" on a line under the school's line (a LinkedIn export:
    "Some College" / "Technical Course, Information Systems")."""
    text = spans.text
    for index, segment in enumerate(segments):
        if segment.kind not in FIELD_KINDS or is_school(segment, spans):
            continue
        others = [s for s in segments if s is not segment and s.kind in INSTITUTION_KINDS]
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
    kinds = FIELD_KINDS | {SegmentKind.LOCATION}
    return between == "," and second.kind in kinds and not is_school(second, spans)


def _degree_field_match(
    segment: HeaderSegment, match: re.Match[str]
) -> tuple[Extracted, Extracted]:
    degree_end, field_start = segment.start + match.end(1), segment.start + match.start(2)
    degree = Extracted(match.group(1), segment.start, degree_end, 0.5)
    return degree, Extracted(match.group(2), field_start, segment.end, 0.5)


_DEGREE_COMMA_FIELD = re.compile(r"^([^,]{2,50}), ([^,]{2,60})$")
