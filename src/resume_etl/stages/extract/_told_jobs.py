"""Jobs told in words on a header line: "Role at employer" with the employer in lower case,
"Worked as Role for Employer", and an organization's name before a short qualifier ("X
College, Chennai"). Split from ``_header`` to keep it readable; it holds no state."""

from __future__ import annotations

import re

from resume_etl.stages.extract._pieces import (
    HeaderSegment,
    SegmentKind,
    classify_range,
    trimmed_pieces,
)
from resume_etl.stages.extract._spans import SpanIndex
from resume_etl.wordlists import grammar_alternation

_AT_LOWER = re.compile(r"\s+at\s+(?=[a-z\u00df-\u00ff])")


def role_at_employer(spans: SpanIndex, start: int, end: int) -> list[HeaderSegment] | None:
    at = _AT_LOWER.search(spans.text, start, end)
    if at is None:
        return None
    role = classify_range(spans, start, at.start())
    employer = next(trimmed_pieces(spans.text, at.end(), end), None)
    if role.kind is not SegmentKind.ROLE or employer is None:
        return None
    organization = HeaderSegment(
        spans.text[slice(*employer)], *employer, SegmentKind.ORGANIZATION, 0.8
    )
    return [role, organization]


_WORKED_AS = re.compile(
    r"(?i:currently\s+)?(?:Work(?:ing|ed)?|Serv(?:ing|ed)|Employed)\s+as\s+(?:an?\s+)?(?=[A-Z])"
)
_PERIOD_WORD = re.compile(rf"\s+(?:{grammar_alternation('period_word')})\b")
_EMPLOYER_AFTER = re.compile(
    rf"\s+(?:{grammar_alternation('employer_preposition')})\s+(?:the\s+)?(?=[A-Z])"
)


def worked_as(spans: SpanIndex, start: int, end: int) -> list[HeaderSegment] | None:
    """ "Worked as Java Programmer for X Ltd.", "Working as a Lecturer in the Department of
    Y": a job told as a sentence names the title after "as" and the employer after the
    first "for", "at", "with" or "in" that opens a name."""
    text = spans.text
    lead = _WORKED_AS.match(text, start, end)
    if lead is None:
        return None
    joint = _EMPLOYER_AFTER.search(text, lead.end(), end)
    role_end = joint.start() if joint else end
    role = next(trimmed_pieces(text, lead.end(), role_end), None)
    if role is None:
        return None
    found = [HeaderSegment(text[slice(*role)], *role, SegmentKind.ROLE, 0.8)]
    if joint is not None and (period := _PERIOD_WORD.search(text, joint.end(), end)):
        end = period.start()  # "... for X Ltd. from" once the dates are masked
    employer = next(trimmed_pieces(text, joint.end(), end), None) if joint else None
    if employer is not None:
        name_end = name_before_qualifier(text, *employer)
        found.append(
            HeaderSegment(
                text[employer[0] : name_end], employer[0], name_end, SegmentKind.ORGANIZATION, 0.8
            )
        )
    return found


_QUALIFIER_BREAK = re.compile(r"[,;]\s*")
_MAX_QUALIFIER_WORDS = 3


def name_before_qualifier(text: str, start: int, end: int) -> int:
    """End of an organization's name before a short trailing qualifier: its city ("St. Aloysius
    College, Chennai"), what it is ("X & Associates, Chartered Accountants"), an honour."""
    found = _QUALIFIER_BREAK.search(text, start, end)
    if found is None:
        return end
    short_tail = len(text[found.end() : end].split()) <= _MAX_QUALIFIER_WORDS
    return found.start() if text[found.start()] == ";" or short_tail else end
