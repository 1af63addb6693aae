"""The line-role model's say in entry splitting: what its guess for a line means, and when the
rules decide instead."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from enum import StrEnum

from resume_etl.nlp.line_roles import BODY_ROLES, HEADER_ROLES, LineRole
from resume_etl.stages.layout import RoleGuess
from resume_etl.stages.segment.drafts import MAX_HEADER_LINES, EntryDraft
from resume_etl.stages.segment.lines import Line, LineKind, is_prose
from resume_etl.stages.segment.periods import (
    DATE_LINE,
    ONGOING,
    YEAR_FIELD_AT_END,
    has_closing_period,
    has_date_field,
    is_date_line,
)
from resume_etl.stages.segment.timeline import is_date_only

RoleAt = Mapping[int, RoleGuess]
"""The line-role model's guess for each line, by the line's start offset."""
MIN_ROLE_CONFIDENCE = 0.6
"""Below this marginal probability the model's role is not used and the rules decide."""
_MAX_HEADER_WORDS = 16
MIN_DATED_BODY_CONFIDENCE = 0.9
"""A line with a date goes to an entry's body only when the model is this sure it belongs
there (the rules read a date as an entry's period)."""


class Step(StrEnum):
    """What the line-role model says to do with a line of an entry section."""

    DROP = "drop"
    CONTINUE = "continue"
    BODY = "body"
    NEW_ENTRY = "new_entry"
    HEADER = "header"


def model_step(guess: RoleGuess | None, line: Line, current: EntryDraft | None) -> Step | None:
    """The model's decision for a line, or None when the rules should decide (no model, a
    role that says nothing about entries, or too little confidence).

    Dates stay with the rules, which read them exactly: a line that states a period (or closes
    with a year) is placed by the rules (one entry has one period; a sentence that mentions
    years is still a sentence). So are bullets that would open an entry (one-line citations,
    listed projects and schools have exact rules), and lines as long as a sentence.
    """
    if guess is None or guess.confidence < MIN_ROLE_CONFIDENCE:
        return None
    role = guess.role
    if _states_period(line.content):
        if not _dated_body_line(guess, line, current):
            return None
        return Step.CONTINUE if role is LineRole.CONTINUATION else Step.BODY
    if role is LineRole.FURNITURE:
        return Step.DROP
    if _left_to_rules(line) or _doubtful_body(guess, line, current):
        return None
    if role is LineRole.CONTINUATION:
        # A header is not wrapped over a blank line: what follows one is its body's first line.
        wraps = current is not None and (current.body or not line.blank_before)
        return Step.CONTINUE if wraps else Step.BODY
    if role in BODY_ROLES:
        return Step.BODY
    if role not in HEADER_ROLES or line.kind is LineKind.BULLET or _is_long(line):
        return None
    if is_prose(line):
        return None  # a sentence is no header line, whatever the model says
    if current is None or current.body or len(current.header) >= MAX_HEADER_LINES:
        return Step.NEW_ENTRY
    if is_date_only(current.header[0]):
        # An entry led by its period ("May 2024 - Aug 2024", then the project's name, or a
        # card's "Apr 2019 - Dec 2020", "Clerk", "Southwind Bank"): each entry of such a list
        # opens with its period, so the lines before the body are this entry's header.
        return Step.HEADER
    return Step.NEW_ENTRY if role is LineRole.ENTRY_START else Step.HEADER


_MIN_WORDS_BESIDE_DATES = 3
_DATED_BODY_ROLES = frozenset({LineRole.BULLET, LineRole.CONTINUATION})
"""A paragraph's first line is not among them: "Analyst | Bank | 02/2025 -" after a bullet
reads as one to the model as much as a header does."""
# "Analyst | Northwind Bank | Current": a period stated by its ongoing word alone.
_ONGOING_FIELD_AT_END = re.compile(rf"(?i)(?:\s[|·•,-]\s*|,\s*|\s{{2,}})(?:{ONGOING})\s*$")


_SURE_CONTINUATION = 0.9
_MAX_NAME_WORDS = 4


def _doubtful_body(guess: RoleGuess, line: Line, current: EntryDraft | None) -> bool:
    """A body role the rules should check: a "continuation" in capitals the model is not sure
    of (a wrap starts in lower case more often than not; "Research Assistant at Lab" after a
    job's last line opens the next job), a few words with no sentence in them right under
    a header ("Southwind Bank" after "Clerk") or atop the section ("Whitcombe Associates" under
    "EXPERIENCE"), which read as a name more than as prose, and any line with no sentence
    right under a header that holds only its period (an entry led by its dates names itself
    next)."""
    if line.kind is not LineKind.TEXT:
        return False
    first = line.content.lstrip()[:1]
    if guess.role is LineRole.CONTINUATION:
        return (
            current is not None
            and first.isupper()
            and guess.confidence < _SURE_CONTINUATION
            and not guess.after_wrap
        )
    if guess.role is not LineRole.PROSE or is_prose(line):
        return False
    if current is not None and current.header_is_period_alone():
        return True  # "08/20 -- Present", then ": **Engineer** for Tarvelle • _Oregon_"
    return (current is None or not current.body) and len(line.content.split()) <= _MAX_NAME_WORDS


def _dated_body_line(guess: RoleGuess, line: Line, current: EntryDraft | None) -> bool:
    """A line amid an entry's body that mentions a date ("Promoted to Senior Engineer Dec.
    2019.", a wrapped "(2014-2015), I planned the radar upkeep"): the model reads it as a
    bullet or a paragraph's line, surely, and it says more than its dates. The rules would
    take any date for an entry's period. Right under a header the rules decide: there a
    dated line is the next entry's ("Ph.D., LSE, 2015" then "M.A., Rice, 2010")."""
    if current is None or not current.body or guess.role not in _DATED_BODY_ROLES:
        return False
    if guess.confidence < MIN_DATED_BODY_CONFIDENCE:
        return False
    beside = DATE_LINE.sub(" ", line.content)
    return sum(1 for word in beside.split() if any(c.isalpha() for c in word)) >= (
        _MIN_WORDS_BESIDE_DATES
    )


def _states_period(content: str) -> bool:
    """A period the rules read exactly: a range or a month and year anywhere, a year or an
    ongoing word closing the line, a field that is a date and nothing else, or a period in
    brackets closing the line ("(since 2021)"). Every such
    form holds a digit or an ongoing word: most lines are let go on that test alone."""
    if _DIGIT.search(content) is None and _ONGOING_WORD.search(content) is None:
        return False
    return (
        is_date_line(content)
        or YEAR_FIELD_AT_END.search(content) is not None
        or _ONGOING_FIELD_AT_END.search(content) is not None
        or has_date_field(content)
        or has_closing_period(content)
    )


_DIGIT = re.compile(r"\d")
_ONGOING_WORD = re.compile(rf"(?i)\b(?:{ONGOING})\b")
# "GPA: 3.9/4.0", "Tools: Jira, Confluence", "Location: Lisbon": a label and what it says.
_LABEL_AND_VALUE = re.compile(r"^\W{0,3}[A-Za-z][\w /&'-]{0,30}:\s+\S")


def _left_to_rules(line: Line) -> bool:
    """Lines whose reading the rules already know and the model's shapes do not tell apart: a
    label and its value ("GPA: 3.9/4.0"), which belongs to the entry it sits in, and a line
    with no letter at all (a rule, a lone number), which says nothing of a layout."""
    content = line.content
    return _LABEL_AND_VALUE.match(content) is not None or not any(
        char.isalpha() for char in content
    )


def _is_long(line: Line) -> bool:
    """More words than a header line holds: a sentence, whatever the model says."""
    return len(line.content.split()) > _MAX_HEADER_WORDS


def apply_step(
    step: Step,
    line: Line,
    current: EntryDraft | None,
    drafts: list[EntryDraft],
    intro: list[Line],
) -> None:
    if step is Step.NEW_ENTRY:
        drafts.append(EntryDraft(header=[line]))
    elif step is Step.CONTINUE and current is not None:
        (current.body or current.header).append(replace(line, continues=True))
    elif step is Step.HEADER and current is not None:
        current.header.append(line)
    elif step is not Step.DROP:
        (current.body if current else intro).append(line)
