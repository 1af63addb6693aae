"""Which header pieces of an education entry may be its school, and how a school is named.

Kept apart from ``education`` (which reads the whole entry) so each stays small: a school word
in a name ("Lakeside High School"), a school after "from", a distinction, a column label or a
grade that is never a school, a full stop that closes a line rather than a name, and a lone
date that is the graduation.
"""

from __future__ import annotations

import re
from dataclasses import replace

from resume_etl.dates import DateRangeMatch, ongoing_words
from resume_etl.nlp import labels
from resume_etl.stages.extract._draft import Extracted
from resume_etl.stages.extract._header import HeaderSegment, SegmentKind
from resume_etl.stages.extract._spans import SpanIndex
from resume_etl.wordlists import (
    alternation,
    builtin_alternation,
    builtin_forms,
    grammar_alternation,
)

DISTINCTION = re.compile(rf"(?i)(?:{builtin_alternation('entry_words.jsonl', 'distinction')})\W*")
"""A distinction the degree was awarded with ("Magna Cum Laude"): never the school."""


def school_named_like_a_degree(segment: HeaderSegment, spans: SpanIndex) -> HeaderSegment:
    """ "Lakeside High School, Springfield", "Lakeside Higher Secondary School": a degree's
    words that a school word holds, or that one right after them closes, after a name, are the
    school's name, not a degree; the degree is elsewhere ("High School Diploma expected in June
    2015")."""
    if segment.kind is not SegmentKind.DEGREE:
        return segment
    degrees = spans.within(labels.DEGREES, segment.start, segment.end)
    schools = spans.within(labels.ORG_KEYWORDS, segment.start, segment.end)
    # "General High School Certificate" names a second degree: a certificate, not a school.
    named = spans.text[segment.start : degrees[0].start_char] if len(degrees) == 1 else ""
    if not any(word[:1].isupper() for word in named.split()) or not any(
        school._.get(labels.CATEGORY_ATTR) == labels.ACADEMIC
        and (
            school.start_char <= degrees[0].start_char < school.end_char
            or (
                degrees[0].start_char < school.start_char <= degrees[0].end_char + 1
                and school.end_char == segment.end
            )
        )
        for school in schools
    ):
        return segment
    return HeaderSegment(segment.text, segment.start, segment.end, SegmentKind.ORGANIZATION, 0.8)


_REGION_CODE = re.compile(r"[A-Z]{2}(?:\s+\d{5}(?:-\d{4})?)?")
_AFTER_TOWN = re.compile(r"[A-Z][\w.'-]*,\s*$")


def region_code_as_place(segment: HeaderSegment, spans: SpanIndex) -> HeaderSegment:
    """ "Lakeside, MD 21222", "Eastvale, MA": a two-letter degree abbreviation after a town's
    comma (and before a postal code, if any) is the state's code, not a degree."""
    if segment.kind is not SegmentKind.DEGREE or not _REGION_CODE.fullmatch(segment.text):
        return segment
    line_start = spans.text.rfind("\n", 0, max(segment.start - 1, 0))
    before = spans.text[max(line_start, segment.start - 40, 0) : segment.start]
    if not _AFTER_TOWN.search(before):
        return segment
    return HeaderSegment(segment.text, segment.start, segment.end, SegmentKind.LOCATION, 0.6)


_FROM_SCHOOL = re.compile(r"^(?:(.*?)\s+)?from\s+(?:the\s+)?(?=[A-Z])")
"""A field that goes on with "from" and a name: "Computer Science from X College"."""


def school_after_from(
    field: Extracted | None, text: str
) -> tuple[Extracted | None, HeaderSegment | None]:
    """ "Bachelor of Engineering in Computer Science from X Eng. college, Dover": the name after
    "from" is the school, and the field ends before it. A degree told as a sentence names its
    school so, where no school word need be ("from St. Agnes'", "from ABIT")."""
    found = _FROM_SCHOOL.match(field.value) if field is not None else None
    if field is None or found is None:
        return field, None
    start = field.start + found.end()
    school = HeaderSegment(text[start : field.end], start, field.end, SegmentKind.ORGANIZATION, 0.8)
    if not found.group(1):
        return None, school
    end = field.start + found.end(1)
    return Extracted(found.group(1), field.start, end, field.confidence), school


def school_as_field(
    field: Extracted | None, spans: SpanIndex
) -> tuple[Extracted | None, HeaderSegment | None]:
    """ "M.B.A. Brenton University 2012": what follows a degree with no comma between is read as
    its field, but a name that a school word ends ("... University", "... College") or opens
    ("University of ...") is the school. A school word inside a field ("School Counseling",
    "Music Education") does neither."""
    if field is None or not field.value[:1].isupper():
        return field, None
    for word in spans.within(labels.ORG_KEYWORDS, field.start, field.end):
        if word._.get(labels.CATEGORY_ATTR) != labels.ACADEMIC:
            continue
        closes = word.end_char == field.end
        opens = word.start_char == field.start and spans.text.startswith(" of ", word.end_char)
        if closes or opens:
            school = HeaderSegment(
                field.value, field.start, field.end, SegmentKind.ORGANIZATION, 0.7
            )
            return None, school
    return field, None


_FULL_STOP = re.compile(r"(?<=[a-z]{4})\.$")
"""A full stop after a word, not after an abbreviation ("St.", "Univ.", "Inc.")."""
_COLUMN_LABEL = re.compile(r"\w+(?:\s*/\s*\w+)+")
"""Single words joined by slashes: a table's column label ("University/Board")."""
_LETTERS = re.compile(r"[^\W\d_]{2}")
_FIELD_LABELS = builtin_forms("entry_words.jsonl", "field_label")
"""A field's or a column's label alone ("Institute", "College Name"): never the school."""
_WEB_ADDRESS = re.compile(r"(?i)(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)+/\S*")
"""A link ("fb.me/handle", "www.example.edu"): where a school or a person is online, no name."""
_COURSE = re.compile(rf"(?i)\b(?:{builtin_alternation('entry_words.jsonl', 'course_word')})\b")
"""A word naming a course taken ("Safety Training", "CPR Certification"): no school's name."""


def stands_as_school(
    school: HeaderSegment,
    degree: Extracted | None,
    dates: DateRangeMatch | None,
    spans: SpanIndex,
) -> bool:
    """Whether a piece read as the school may stand as one: it holds a school word, or the
    entry names a degree or a period. A piece with none of them is a course, a skill line or a
    sentence an education section holds ("Filing and typing", "Photography course"): a school
    the text does not name is left empty rather than guessed. A table's column label
    ("College/University"), a number ("81.40", a grade), a web address or a course taken
    ("Safety Training", "CPR Certification") is never one."""
    if (
        _COLUMN_LABEL.fullmatch(school.text)
        or _WEB_ADDRESS.fullmatch(school.text)
        or not _LETTERS.search(school.text)
    ):
        return False
    if DISTINCTION.search(school.text) or _stand_in(school.text):
        return False
    if is_school(school, spans):
        return True
    # A training or certifications list read as education: "First Aid Training, 2019" is a
    # course taken, dated as a school would be; the course is no school.
    return (degree is not None or dates is not None) and _COURSE.search(school.text) is None


_MASK = re.compile(r"(?i)x{4,}")
_STAND_IN_WORDS = builtin_forms("profile_words.jsonl", "placeholder") | {"of", "the"}
_SCHOOL_WORDS = frozenset(
    word for form in builtin_forms("org_keywords.jsonl", "academic") for word in form.split()
)


def _stand_in(text: str) -> bool:
    """A template's stand-in for a school ("Name of University", "University of Name") or a
    masked one ("XXXXXXX"): its words other than school words are only "name" and joints."""
    if _MASK.search(text):
        return True
    words = text.lower().split()
    return "name" in words and all(w in _STAND_IN_WORDS or w in _SCHOOL_WORDS for w in words)


def is_field_label(text: str) -> bool:
    """Whether a piece is a field's or a column's label alone ("Institute", "College Name")."""
    return text.strip(" :*_").lower() in _FIELD_LABELS


def is_school(segment: HeaderSegment, spans: SpanIndex) -> bool:
    """Whether an academic word of the organization lexicon ("University", "École",
    "Hochschule", "Institute of Technology") is in the segment."""
    return any(
        span._.get(labels.CATEGORY_ATTR) == labels.ACADEMIC
        for span in spans.within(labels.ORG_KEYWORDS, segment.start, segment.end)
    )


_NAME_JOINT = re.compile(rf"(?i)\s(?:{grammar_alternation('name_joint')})$")
"""A school's name ending in a joint word ("Institute of") goes on after it."""
_WRAP_KINDS = frozenset({SegmentKind.ORGANIZATION, SegmentKind.UNKNOWN, SegmentKind.LOCATION})


def school_across_lines(
    school: HeaderSegment, segments: list[HeaderSegment], spans: SpanIndex
) -> HeaderSegment:
    """A school's name a line break cut in two, joined (``segments`` updated in place).

    Text pulled from a PDF or a web form breaks its lines where the page did, inside a name:
    "Lakemont Institute of" / "Technology", "Eastvale Technological" / "University". A name
    ending in a joint word goes on with the first piece of the next line; a school word alone
    on its line ("University") takes in the name that ends the line above.
    """
    text = spans.text
    index = next(i for i, s in enumerate(segments) if s is school)
    after = segments[index + 1] if index + 1 < len(segments) else None
    before = segments[index - 1] if index > 0 else None
    if after is not None and _NAME_JOINT.search(school.text) and _broken(text, school, after):
        merged = _joined(school, after, text)
        segments[index : index + 2] = [merged]
        return merged
    if before is not None and _lone_school_word(school, spans) and _broken(text, before, school):
        merged = _joined(before, school, text)
        segments[index - 1 : index + 1] = [merged]
        return merged
    return school


def _broken(text: str, first: HeaderSegment, second: HeaderSegment) -> bool:
    """Whether only a line break parts two name-like pieces."""
    return (
        first.kind in _WRAP_KINDS
        and second.kind in _WRAP_KINDS
        and text[first.end : second.start].strip(" \t") == "\n"
        and second.text[:1].isupper()
    )


def _joined(first: HeaderSegment, second: HeaderSegment, text: str) -> HeaderSegment:
    name = " ".join(text[first.start : second.end].split())
    return HeaderSegment(name, first.start, second.end, SegmentKind.ORGANIZATION, 0.7)


def _lone_school_word(school: HeaderSegment, spans: SpanIndex) -> bool:
    """Whether the piece is one academic word and nothing else ("University", "College")."""
    words = spans.within(labels.ORG_KEYWORDS, school.start, school.end)
    return (
        len(words) == 1
        and words[0]._.get(labels.CATEGORY_ATTR) == labels.ACADEMIC
        and words[0].text == school.text
    )


_SENTENCE_LEAD = re.compile(
    rf"[A-Z][a-z]+(?:\s+[a-z0-9]+)*?\s+(?:{grammar_alternation('employer_preposition')})"
    r"\s+(?:the\s+)?(?=[A-Z])"
)
"""A sentence's opening before a name: "Spent one year in ", "Exchange semester at "."""


def school_after_sentence_lead(
    school: HeaderSegment, segments: list[HeaderSegment], spans: SpanIndex
) -> HeaderSegment:
    """ "Spent one year in University of Lakemont": a school told in a sentence is the name
    after its preposition, when that name holds the school word (``segments`` updated in
    place)."""
    lead = _SENTENCE_LEAD.match(spans.text, school.start, school.end)
    if lead is None:
        return school
    named = HeaderSegment(
        spans.text[lead.end() : school.end], lead.end(), school.end, school.kind, school.confidence
    )
    if not is_school(named, spans):
        return school
    segments[next(i for i, s in enumerate(segments) if s is school)] = named
    return named


def school_name(school: HeaderSegment) -> Extracted:
    """The school's name without a full stop that closes its line ("Lakemont Media College.")."""
    if _FULL_STOP.search(school.text):
        return Extracted(school.text[:-1], school.start, school.end - 1, school.confidence)
    return school.extracted()


_START_LABEL = re.compile(
    rf"(?i)\b(?:{builtin_alternation('date_words.jsonl', 'start_label')})\s*[:\-–]?\s*$"
)
"""A word that makes a lone date a start ("Enrolled 2019", "From: Sep 2021", "seit 2020")."""
_ONGOING = alternation(ongoing_words("alone", "adverb"))
_ONGOING_AFTER = re.compile(rf"(?i)[ \t]*[(\[]?[ \t]*(?:{_ONGOING})\b")
"""An ongoing word right after a lone date ("2018 (current)", "2021 ongoing"): a start."""
_LABEL_REACH = 24


def graduation_dates(dates: DateRangeMatch | None, text: str) -> DateRangeMatch | None:
    """A school's lone date is its graduation: "BSc Physics, Leeds, 2014" ends in 2014.

    A job's lone date is its start, but a school is listed by when it was finished (the
    JSON Resume renderers, the dotin annotators and ``tests/gold/README.md`` agree), so the
    date moves to the end, unless a word before it on its line labels it a start
    ("Enrolled 2019", "from 2019"); "since 2019" and "2019 - present" are open ranges already,
    and so is "2018 (current)", whose ongoing word the date parser leaves outside the date.
    """
    if dates is None or dates.start is None or dates.end is not None or dates.is_current:
        return dates
    if _ONGOING_AFTER.match(text, dates.end_char):
        return replace(dates, is_current=True)
    line_start = text.rfind("\n", 0, dates.start_char) + 1
    reach = max(line_start, dates.start_char - _LABEL_REACH)
    if _START_LABEL.search(text, reach, dates.start_char):
        return dates
    return replace(dates, start=None, end=dates.start)
