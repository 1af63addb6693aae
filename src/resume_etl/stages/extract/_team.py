"""A team written after the title is no employer: "Tech Lead, Payments" under "Brindle".

A position often names the team or department the title belongs to, after a comma or a spaced
dash ("Senior Engineer, Cloud Services", "Engineer - Release Tooling"). Cut from the title, that
part looks like a name, and when it reads as an organization ("Services") or sits where the
section's other jobs write their employer ("Title, Employer (dates)"), it was taken for the
employer. A job names one employer; when its header names another one as well (a line of its
own, but for a place: a markdown heading, a LinkedIn company line, "Employer, City"; or a name
after the team on the title's line, "Tech Lead, Payments, Brindle"), the part right after the
title is its team, and the other name is the employer. With no other name, the part after the
title stays the employer, as in "Software Engineer, Brindle (2019 - 2022)".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from resume_etl.stages.extract._pieces import COMPLEMENT, HeaderSegment, SegmentKind, line_of
from resume_etl.stages.extract._slots import SURE, Slot, SlotFrame, slotted
from resume_etl.wordlists import builtin_forms

_DEPARTMENT_HEADS = builtin_forms("entry_words.jsonl", "department_head")
"""Head words of a part of an organization ("Intensive Care Unit", "Group of Prof. X")."""

_TEAM_GAP = re.compile(r"\s*,\s*|\s+[-–—]\s+")
"""What parts a title from its team: a comma, or a spaced dash."""
_AT_GAP = re.compile(r"\s+at\s+|\s*@\s*")
_NAME_AFTER_TEAM = re.compile(r"\s*,\s*|\s+at\s+|\s*@\s*")
"""What parts the team from a name after it on its line: a comma, "at" ("X - Y" may be one
name)."""
_NAME_KINDS = frozenset({SegmentKind.ORGANIZATION, SegmentKind.UNKNOWN})
_NAMED_KINDS = frozenset(
    {SegmentKind.ORGANIZATION, SegmentKind.UNKNOWN, SegmentKind.ROLE, SegmentKind.DEGREE}
)
"""Kinds of segment that name something: a line holding two of them is no employer's line."""


def is_department(text: str) -> bool:
    """A department rather than the employer: its head word (before "of") names a part."""
    head = COMPLEMENT.split(text, maxsplit=1)[0].split()
    return bool(head) and head[-1].lower().strip(".,") in _DEPARTMENT_HEADS


def follows_the_title(text: str, segment: HeaderSegment, role: HeaderSegment | None) -> bool:
    """Whether ``segment`` is written right after the title, past a comma or a spaced dash."""
    return (
        role is not None
        and segment.start >= role.end
        and _TEAM_GAP.fullmatch(text, role.end, segment.start) is not None
    )


def employer_past_team(
    segments: Sequence[HeaderSegment],
    text: str,
    organization: HeaderSegment | None,
    role: HeaderSegment | None,
    where: tuple[SlotFrame, Mapping[Slot, SegmentKind]] | None = None,
) -> HeaderSegment | None:
    """The employer, given the one chosen: another name in the header when the chosen one is
    the title's team (see module); else the chosen one. ``where`` is the entry's frame and its
    section's slots, when the entry has dates."""
    if organization is None or role is None or not follows_the_title(text, organization, role):
        return organization
    other = _other_name(segments, text, organization, role, where)
    if other is None:
        return organization
    return HeaderSegment(other.text, other.start, other.end, SegmentKind.ORGANIZATION, 0.7)


def title_teams(segments: Sequence[HeaderSegment], frame: SlotFrame) -> list[HeaderSegment]:
    """The names an entry writes as its title's team beside another name: they say nothing
    of where the section writes its employers (``_slots`` leaves them out of the vote)."""
    role = next((s for s in segments if s.kind is SegmentKind.ROLE), None)
    if role is None:
        return []
    return [
        found
        for found in segments
        if found.kind in _NAME_KINDS
        and follows_the_title(frame.text, found, role)
        and _other_name(segments, frame.text, found, role, (frame, {}), ranked=False) is not None
    ]


def _other_name(
    segments: Sequence[HeaderSegment],
    text: str,
    team: HeaderSegment,
    role: HeaderSegment,
    where: tuple[SlotFrame, Mapping[Slot, SegmentKind]] | None,
    ranked: bool = True,
) -> HeaderSegment | None:
    """The employer beside the title's team, if the header names one (see module); with
    ``ranked`` False, any other name, however unsure (a team beside one does not vote)."""
    names = [
        s
        for s in segments
        if (s.kind in _NAME_KINDS or _named_place(s, segments))
        and s.start != team.start
        and s.text[:1].isupper()
        and _written_as_a_name(s.text)
    ]
    title_line = line_of(text, role.start)
    after = _name_after_team(names, text, team)
    if after is not None and (
        not ranked or _outranks(after, team, title_line, text, segments) or _at(text, team, after)
    ):
        return after
    if where is None:
        return None
    frame, slots = where
    # Where the section's jobs write their employer ("dates / Title, Employer / City"): a team
    # there is the employer, unless the other name is in such a slot too; a name there, right
    # under the title, outranks a team the lexicons are sure of.
    employer_slots = {slot for slot, kind in slots.items() if kind is SegmentKind.ORGANIZATION}
    placed = {(found.start, found.end): slot for slot, found in slotted(segments, frame)}
    in_slot = [s for s in names if placed.get((s.start, s.end)) in employer_slots]
    if ranked:
        names = [
            s
            for s in names
            if _outranks(s, team, title_line, text, segments)
            or (s in in_slot and line_of(text, s.start) == title_line + 1)
        ]
    own_line = _name_on_own_line(names, segments, frame, title_line)
    if own_line is None:
        return None
    if placed.get((team.start, team.end)) in employer_slots and own_line not in in_slot:
        return None
    return own_line


def _named_place(found: HeaderSegment, segments: Sequence[HeaderSegment]) -> bool:
    """A job has one place: a name only the NER calls a place ("Brindle", "Eastern Valley
    Power"), in a header that holds a sure place as well ("Birmingham, AL"), is a name."""
    return (
        found.kind is SegmentKind.LOCATION
        and found.confidence < SURE
        and any(s.kind is SegmentKind.LOCATION and s.confidence >= SURE for s in segments)
    )


def _outranks(
    name: HeaderSegment,
    team: HeaderSegment,
    title_line: int,
    text: str,
    segments: Sequence[HeaderSegment],
) -> bool:
    """Whether ``name`` may be the employer over ``team``. A name the rules are sure of
    ("Eastfield University") is no team beside a name they are not sure of ("Lakeside Park",
    maybe its place); but the line right above the title, holding a name alone, heads the
    entry (a markdown heading, a LinkedIn company line), and a name right under the title
    followed by its place is the employer's line (Europass's "Employer, City"): their name
    outranks any team."""
    if team.confidence < SURE or name.confidence >= team.confidence:
        return True
    line = line_of(text, name.start)
    if line == title_line - 1:
        return True
    placed = any(
        s.kind is SegmentKind.LOCATION and s.start > name.end and line_of(text, s.start) == line
        for s in segments
    )
    return line == title_line + 1 and placed


def _at(text: str, team: HeaderSegment, name: HeaderSegment) -> bool:
    """ "Title, Team at Employer": the name after "at" is the employer, by syntax."""
    return _AT_GAP.fullmatch(text, team.end, name.start) is not None


_LOWER_WORD = re.compile(r"(?<![\w-])[a-z]{4,}\b")
"""A word of four letters or more in lower case: "rules", "serving" (not "of", "and", "for").

Not ``nlp.word_shape.is_lower_content_word`` on purpose: that one judges whole words of letters,
while a header piece's text keeps the punctuation around its words, and this finds the word inside
it too ("(rules)", "rules,", the "well" of "well-known"); it reads ASCII letters only."""


def _written_as_a_name(text: str) -> bool:
    """Written as a name is: its long words capitalized ("Community Access Project"), not a
    sentence's fragment ("Reviewed test plans with the business rules")."""
    return _LOWER_WORD.search(text) is None


def _name_after_team(
    names: Sequence[HeaderSegment], text: str, team: HeaderSegment
) -> HeaderSegment | None:
    """The name right after the team on its line, after a comma or "at"."""
    after = next((s for s in names if s.start >= team.end), None)
    # "Researcher, Vision Lab, Eastfield University": a named department goes on naming its
    # parent, which the rules for departments read (the gold of such a file joins them).
    if (
        after is not None
        and _NAME_AFTER_TEAM.fullmatch(text, team.end, after.start)
        and not is_department(team.text)
    ):
        return after
    return None


def _name_on_own_line(
    names: Sequence[HeaderSegment],
    segments: Sequence[HeaderSegment],
    frame: SlotFrame,
    title_line: int,
) -> HeaderSegment | None:
    """A name alone on a line of its own, but for places, dates and employment types, next to
    the title's line (a page's head or foot is further away): above the title ("### Employer",
    a LinkedIn company line, "Employer, City   2019 - 2022"), or under it on a line without the
    dates (Europass's "Employer, City"). A name under the title beside the dates ("*Lyon ·
    09/2018 - 08/2021*") is where the job was done."""
    text = frame.text
    for found in names:
        line = line_of(text, found.start)
        if abs(line - title_line) != 1 or (line > title_line and line == frame.anchor):
            continue
        beside = [
            other
            for other in segments
            if other.kind in _NAMED_KINDS
            and other.start != found.start
            and line_of(text, other.start) == line
        ]
        if not beside:
            return found
    return None
