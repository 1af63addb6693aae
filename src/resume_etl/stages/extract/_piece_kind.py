"""A header piece's kind: organization, role, degree, place, prose, ... by what is inside it.

The kind is decided by what the lexicons found inside the piece (an organization keyword, a
job-title head, a degree, an employment type), by the shape of a place ("Leeds, UK", "Remote")
or of a sentence, and last by the NER. Where a piece holds words of both lexicons, the phrase's
head decides ("Head of Marketing" is a role, "Brightpath Media" an organization). ``_pieces``
cuts a piece at its commas where its parts differ in kind.
"""

from __future__ import annotations

import re

from resume_etl.nlp import labels
from resume_etl.stages.extract._brackets import CITY_REGION
from resume_etl.stages.extract._firm_names import names_a_firm, trade_word_modifies
from resume_etl.stages.extract._piece_places import LOCATION_WORDS
from resume_etl.stages.extract._prose import looks_like_prose
from resume_etl.stages.extract._segments import HeaderSegment, SegmentKind
from resume_etl.stages.extract._spans import SpanIndex, covers
from resume_etl.wordlists import grammar_alternation

GPA_STATED = re.compile(
    r"(?i)\b(?:c?gpa|grade point average|grade)\b\s*[:=]?\s*(\d{1,2}(?:\.\d{1,3})?)"
    r"(?:\s*(?:/|out of|of)\s*(\d{1,3}(?:\.\d{1,2})?))?"
)


def _opens_with_degree(spans: SpanIndex, start: int, end: int) -> bool:
    """ "B.A. Communication Studies with a concentration in ...": a piece a degree opens is
    that degree and its field, however long it runs."""
    return any(found.start_char == start for found in spans.within(labels.DEGREES, start, end))


def classify_range(spans: SpanIndex, start: int, end: int) -> HeaderSegment:
    text = spans.text[start:end]

    def segment(kind: SegmentKind, confidence: float) -> HeaderSegment:
        return HeaderSegment(text, start, end, kind, confidence)

    if names_a_firm(text):  # "planetline gmbh & co. kg": lower case, yet a name
        return segment(SegmentKind.ORGANIZATION, 0.9)
    if looks_like_prose(text) and not _opens_with_degree(spans, start, end):
        return segment(SegmentKind.PROSE, 0.3)
    employment = spans.within(labels.EMPLOYMENT_TYPES, start, end)
    titled = bool(spans.within(labels.TITLE_HEADS, start, end))
    # "Seasonal Cook", "Apprentice Chef": a title that implies its employment type is a role.
    if employment and covers(employment, start, end, 0.6) and not titled:
        return segment(SegmentKind.EMPLOYMENT_TYPE, 0.95)
    if GPA_STATED.search(text) and not _opens_with_degree(spans, start, end):
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
    spelled_name = _spelled_out_name(spans, start, end)
    keywords = [
        (span.end_char, kind)
        for key, kind in (
            (labels.ORG_KEYWORDS, SegmentKind.ORGANIZATION),
            (labels.TITLE_HEADS, SegmentKind.ROLE),
        )
        for span in spans.within(key, start, end)
        if not _LOWER_WORD_NEXT.match(spans.text, span.end_char, head_end)
        and not (kind is _ORG and trade_word_modifies(spans, span, head_end))
        and not (kind is SegmentKind.ROLE and spelled_name)
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
_SPELLED_OUT = re.compile(r"([A-Z][A-Za-z&]{1,7})\s*\(([^()]{3,80})\)(?=\s*(?:,|$))")
_MIN_ACRONYM_CAPITALS = 2


def _spelled_out_name(spans: SpanIndex, start: int, end: int) -> bool:
    """ "KP (Kessler Partner)", "NPA (Northvale Progressive Associates)": an acronym whose
    words the brackets after it spell out is a name, and a title word in it ("Partner",
    "Associates"), or the acronym read as a title's ("KP"), makes no title of it. Unless the
    brackets hold one title whole: "CTO (Chief Technology Officer)" is a title."""
    text = spans.text
    found = _SPELLED_OUT.match(text, start, end)
    if found is None:
        return False
    acronym = found.group(1).replace("&", "")
    if sum(char.isupper() for char in acronym) < _MIN_ACRONYM_CAPITALS:
        return False
    initials = "".join(word[0] for word in found.group(2).split() if word[:1].isupper())
    if initials.upper() != acronym.upper():
        return False
    inside = found.group(2).strip()
    titles = spans.within(labels.TITLE_HEADS, found.start(2), found.end(2))
    return not any(title.text == inside for title in titles)
