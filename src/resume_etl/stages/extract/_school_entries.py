"""Education entries that hold several schools: one entry per degree or per school line.

The segmenter parts entries at their dates. An education section written without dates, or
with its dates in a column of their own that a collapsed text moved elsewhere, reaches the
extractor as one entry holding every school ("Masters, Business Administration, University of
X" / "3.6 GPA" / "Bachelors, Computer Science, University of Y"), and only the first was read.
The entry is cut again where its own first line repeats: a line that opens with a degree when
the entry opens with one, a line that opens with a school name when the entry opens with one
("University of X" / "Ph.D. in Physics" / "University of Y" / "B.S. in Physics").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from enum import Enum

from spacy.tokens import Span

from resume_etl.nlp import labels
from resume_etl.stages.extract._prose import looks_like_prose
from resume_etl.stages.extract._spans import SpanIndex
from resume_etl.stages.segment import Entry, Line, LineKind
from resume_etl.wordlists import builtin_alternation, builtin_forms, grammar_alternation

_FIRST_PIECE = re.compile(r"(?:[^,;|(\s]|\s(?![-–—]\s))*")
"""A line's first piece: the name before a comma, a bar, a parenthesis or a spaced dash
("2010 Brenton University - Bachelor in Commerce"; "Wilkes-Barre" is one name)."""


_DEGREE_VERB = re.compile(
    rf"(?i)(?:{builtin_alternation('entry_words.jsonl', 'degree_verb')})\s+(?=[A-Z])"
)
"""A verb before a degree that opens its line: "Completed Masters in Law from X"."""
_MIN_ALTERNATING = 4
"""Two schools with their degrees at least, before a section's layout is read from them."""
_WORD = re.compile(r"[^\W\d_]{2,}")


class _Lead(Enum):
    DEGREE = "degree"
    SCHOOL = "school"


def school_entries(
    entries: Iterable[Entry], spans: SpanIndex, intro: Sequence[Line] = ()
) -> list[Entry]:
    """Every entry of an education section, those holding several schools cut into one each,
    and a school's name the segmenter left alone joined to the degree above it, or to the
    degree below it when that one names no school. A degree or school the segmenter kept
    before the first entry (a bullet under the heading) opens that entry."""
    entries = _with_intro(list(entries), intro, spans)
    regrouped = _regrouped(entries, spans)
    cut = regrouped or [part for entry in entries for part in _split(entry, spans)]
    parts: list[Entry] = []
    for piece in cut:
        part = piece
        if parts and (moved := _name_rest_moved(parts[-1], part, spans)) is not None:
            parts[-1], part = moved
        if parts and (
            _joins_above(parts[-1], part, spans)
            or _joins_below(parts[-1], part, spans)
            or _field_under_lone_degree(parts[-1], part, spans)
        ):
            parts[-1] = Entry(header=parts[-1].header + part.header, body=part.body)
        else:
            parts.append(part)
    return _dates_to_the_school_below(_without_level_headings(parts, spans), spans)


def _without_level_headings(parts: list[Entry], spans: SpanIndex) -> list[Entry]:
    """ "UNDERGRADUATE DEGREE" over "BSc - Computer Science" / "University of X": an entry that
    is one line naming a degree and nothing else, over an entry that opens with a degree, is a
    heading over it (as ``_cut`` reads it inside an entry), not a school."""
    kept = []
    for index, part in enumerate(parts):
        below = parts[index + 1] if index + 1 < len(parts) else None
        lone = len(part.header) == 1 and not part.body and _names_a_level(part.header[0], spans)
        if lone and below is not None and _lead(below.header[0], spans) is _Lead.DEGREE:
            continue
        kept.append(part)
    return kept


_LEVEL_WORDS = builtin_forms("entry_words.jsonl", "bare_degree_level")


def _names_a_level(line: Line, spans: SpanIndex) -> bool:
    """A line that is only a degree's level, no degree of a subject: "UNDERGRADUATE DEGREE",
    "Master's Degree", "Diploma" (not "Ph.D." or "M.A.", which a column of degrees stacks)."""
    if _stands_alone([line], spans):
        return False
    found = spans.within(labels.DEGREES, line.content_start, line.end)
    level = found[0].label_.lower().endswith("degree") or found[0].text.lower() in _LEVEL_WORDS
    return len(found) == 1 and level


def _dates_to_the_school_below(parts: list[Entry], spans: SpanIndex) -> list[Entry]:
    """ "2008" / "PhD., University of X" / "Computer Science" / "2002" / "MS., Y Institute":
    in a section whose schools each follow their period, a period line closing an entry is the
    next school's, which the segmenter began after it."""
    if not parts or parts[0].columns is not None or not _date_only(parts[0].header[0], spans):
        return parts
    moved: list[Entry] = [parts[0]]
    for part in parts[1:]:
        above = moved[-1]
        lines = [*above.header, *above.body]
        first = part.header[0]
        if (
            part.columns is not None
            or len(lines) < 2
            or not _date_only(lines[-1], spans)
            or _date_only(first, spans)
        ):
            moved.append(part)
            continue
        if above.body:
            moved[-1] = Entry(header=above.header, body=above.body[:-1])
        else:
            moved[-1] = Entry(header=above.header[:-1], body=())
        moved.append(Entry(header=(lines[-1], *part.header), body=part.body))
    return moved


_NAME_JOINT = re.compile(rf"(?i)\s(?:{grammar_alternation('name_joint')})$")
_MAX_NAME_REST_WORDS = 4


def _name_rest_moved(above: Entry, entry: Entry, spans: SpanIndex) -> tuple[Entry, Entry] | None:
    """ "…, BRENTON COLLEGE OF" / "NEW YORK" / "Physics coursework, …": a school's name that ends
    its entry on a joint word ("of", "for") goes on in the next entry's first line, which the
    segmenter took for the next entry's start; that line moves up when it is short and
    more follows it."""
    if above.body or len(entry.header) < 2 or above.columns is not None:
        return None
    first = entry.header[0]
    words = first.content.split()
    if not _NAME_JOINT.search(above.header[-1].content) or len(words) > _MAX_NAME_REST_WORDS:
        return None
    if any(char.isdigit() for char in first.content) or _lead(first, spans) is _Lead.DEGREE:
        return None
    return Entry(header=(*above.header, first), body=()), Entry(
        header=entry.header[1:], body=entry.body
    )


def _with_intro(entries: list[Entry], intro: Sequence[Line], spans: SpanIndex) -> list[Entry]:
    """ "Education:" / "- Bachelor's Degree in Physics" / "Lakemont University" / "2012": a
    bullet under the heading is no entry's body for the segmenter, so it was its section's
    intro and never read. Each intro line that opens with a degree or a school's name opens
    an entry with the lines after it; the last of them heads the first entry."""
    groups: list[list[Line]] = []
    for line in intro:
        if _lead(line, spans, bullets=True) is not None:
            groups.append([line])
        elif groups:
            groups[-1].append(line)
    if not groups or (entries and entries[0].columns is not None):
        return entries
    if entries:
        groups[-1].extend(entries[0].header)
        entries = [Entry(header=tuple(groups.pop()), body=entries[0].body), *entries[1:]]
    return [Entry(header=tuple(group), body=()) for group in groups] + entries


def _joins_above(above: Entry, entry: Entry, spans: SpanIndex) -> bool:
    """ "Certificate IV in Kitchen Management" / "Harbourside TAFE, Sydney": an entry that opens
    with a school's name and holds no degree and no date is the school of the entry above when
    that one names a degree, no school, and has no body the name would land after."""
    if above.body or above.columns is not None or entry.columns is not None:
        return False
    leads = [_lead(line, spans) for line in (*above.header, *entry.header, *entry.body)]
    mine = leads[len(above.header) :]
    return (
        mine[0] is _Lead.SCHOOL
        and _Lead.SCHOOL not in leads[: len(above.header)]
        and _has(labels.DEGREES, above, spans)
        and not _has(labels.DEGREES, entry, spans)
        and not _has(labels.DATES, entry, spans)
        and not any(_school_word(line, spans) for line in above.header)
    )


def _joins_below(school: Entry, entry: Entry, spans: SpanIndex) -> bool:
    """ "University of X, Leeds" / "BSc, Physics, 2014" cut apart: an entry that is a school's
    name alone (no degree, no date, no body) is the school of the entry below when that one
    opens with a degree and names no school. A date closing the degree line above made the
    segmenter end the entry there, with the next school's name still in it."""
    if school.body or school.columns is not None or entry.columns is not None:
        return False
    mine = [_lead(line, spans) for line in school.header]
    return (
        mine[0] is _Lead.SCHOOL
        and _Lead.DEGREE not in mine
        and _lead(entry.header[0], spans) is _Lead.DEGREE
        and all(_region_code(found, spans.text) for found in _found(labels.DEGREES, school, spans))
        and not _has(labels.DATES, school, spans)
        and not any(_school_word(line, spans) for line in (*entry.header, *entry.body))
    )


def _field_under_lone_degree(above: Entry, entry: Entry, spans: SpanIndex) -> bool:
    """ "Brenton College" / "Bachelors Degree" / "Computer Science 1992": a date closing the
    field's line made the segmenter start an entry there. A one-line entry with a date, no
    degree and no school word goes with the entry above when that one ends on a degree
    alone on its line."""
    last = above.header[-1]
    degrees = spans.within(labels.DEGREES, last.content_start, last.end)
    lone = len(degrees) == 1 and degrees[0].text == last.content.strip().rstrip(",.;")
    return (
        lone
        and not above.body
        and len(entry.header) == 1
        and not entry.body
        and _has(labels.DATES, entry, spans)
        and not _has(labels.DEGREES, entry, spans)
        and not _school_word(entry.header[0], spans)
    )


def _has(group: str, entry: Entry, spans: SpanIndex) -> bool:
    return bool(_found(group, entry, spans))


def _found(group: str, entry: Entry, spans: SpanIndex) -> list[Span]:
    return spans.within(group, entry.start, entry.end)


_REGION_CODE = re.compile(r", [A-Z]{2}")


def _region_code(found: Span, text: str) -> bool:
    """A degree abbreviation after a place's comma is a region's code: "Baltimore, MD"."""
    return _REGION_CODE.fullmatch(text, found.start_char - 2, found.end_char) is not None


def _school_word(line: Line, spans: SpanIndex) -> bool:
    words = spans.within(labels.ORG_KEYWORDS, line.content_start, line.end)
    return any(word._.get(labels.CATEGORY_ATTR) == labels.ACADEMIC for word in words)


def _split(entry: Entry, spans: SpanIndex) -> list[Entry]:
    if entry.columns is not None:
        return [entry]
    lines = [*entry.header, *entry.body]
    parts = _cut(lines, set(map(id, entry.header)), spans)
    kept = sum(len(part.header) + len(part.body) for part in parts)
    return [entry] if len(parts) == 1 and kept == len(lines) else parts


def _regrouped(entries: Sequence[Entry], spans: SpanIndex) -> list[Entry] | None:
    """A section whose schools alternate strictly with their degrees ("Eastmoor University" /
    "Ed. D, Curriculum Leadership, May 2006." / "University of Westbrook" / "M.Ed.,
    Reading Education, June, 1981" / …), cut at its first kind of line however the segmenter
    cut it: a date that closes a degree line made it close the entry there, and every school
    after the first landed on the degree above it. None when the section does not alternate."""
    if len(entries) < 2 or any(entry.columns is not None for entry in entries):
        return None
    lines = sorted((line for e in entries for line in (*e.header, *e.body)), key=_start)
    leads = [lead for lead in (_lead(line, spans) for line in lines) if lead is not None]
    if (
        len(leads) < _MIN_ALTERNATING
        or leads[0] is leads[1]
        or any(lead is not leads[index % 2] for index, lead in enumerate(leads))
    ):
        return None
    return _cut(lines, {id(line) for entry in entries for line in entry.header}, spans)


def _start(line: Line) -> int:
    return line.start


def _cut(lines: list[Line], header: set[int], spans: SpanIndex) -> list[Entry]:
    """Lines cut where their first kind of line repeats, into entries."""
    leads = [_lead(line, spans) for line in lines]
    first = next((lead for lead in leads if lead is not None), None)
    if first is None and _a_school_a_line(lines, spans):
        return [_entry([line], header) for line in lines]
    if first is None:
        return [_entry(lines, header)]
    opening = leads.index(first)
    starts = [0]
    dated_lead = opening > 0 and all(_date_only(line, spans) for line in lines[:opening])
    for index in range(opening + 1, len(lines)):
        if leads[index] is not first:
            continue
        # "2011 - 2014" / "Certificate III ..." / "2019" / "Certificate IV ...": an entry led by
        # its dates is cut before the dates of the next one.
        cut = index
        while dated_lead and cut - 1 > starts[-1] and _date_only(lines[cut - 1], spans):
            cut -= 1
        if _stands_alone(lines[starts[-1] : cut], spans):
            starts.append(cut)
        elif first is _Lead.DEGREE and _names_a_level(lines[starts[-1]], spans):
            starts[-1] = cut  # "UNDERGRADUATE DEGREE" over "BSc …": a heading, not the school's
    bounds = zip(starts, [*starts[1:], len(lines)], strict=True)
    return [_entry(lines[start:end], header) for start, end in bounds]


def _a_school_a_line(lines: list[Line], spans: SpanIndex) -> bool:
    """ "Graduate in Commerce, X College of Arts, 2003" / "Post graduate in Commerce, Y
    University, 2005": lines that each name a school and a period are a school each, whatever
    opens them."""
    return len(lines) > 1 and all(
        _school_word(line, spans) and spans.within(labels.DATES, line.content_start, line.end)
        for line in lines
    )


def _entry(lines: list[Line], header: set[int]) -> Entry:
    """Lines that headed an entry head their part, with any line before the last of them; a
    part cut inside a body takes its first line as its header."""
    heads = [index for index, line in enumerate(lines) if id(line) in header]
    last = heads[-1] if heads else 0
    return Entry(header=tuple(lines[: last + 1]), body=tuple(lines[last + 1 :]))


def _date_only(line: Line, spans: SpanIndex) -> bool:
    """A line that is its period and at most one word more ("2019", "Year: 2004-2007")."""
    dates = spans.within(labels.DATES, line.content_start, line.end)
    if not dates:
        return False
    rest = (
        spans.text[line.content_start : dates[0].start_char]
        + spans.text[dates[-1].end_char : line.end]
    )
    return len(_WORD.findall(rest)) <= 1


def _stands_alone(part: list[Line], spans: SpanIndex) -> bool:
    """A part is a school of its own unless it is one line naming a degree and nothing else
    ("UNDERGRADUATE DEGREE" over "BSc - Computer Science"): a heading over the next line."""
    if len(part) > 1:
        return True
    line = part[0]
    found = spans.within(labels.DEGREES, line.content_start, line.end)
    return not found or spans.text[found[0].end_char : line.end].strip(" .,:;-") != ""


_LEADING_MARKS = " \t\"'“‘"
"""Space and a stray opening quote (a text pulled from a form often starts with one)."""


def _lead(line: Line, spans: SpanIndex, bullets: bool = False) -> _Lead | None:
    """What a line opens with: a degree, a school's name, or neither (a date, a GPA, a note).

    A bullet (unless ``bullets``) or a sentence opens no school: "Technical high school with
    three years of applied electronics" describes the one above it.
    """
    if line.kind is LineKind.BULLET and not bullets:
        return None
    content = spans.text[line.content_start : line.end]
    start = line.content_start + len(content) - len(content.lstrip(_LEADING_MARKS))
    if verb := _DEGREE_VERB.match(spans.text, start, line.end):
        start = verb.end()
    degrees = spans.within(labels.DEGREES, start, line.end)
    if degrees and degrees[0].start_char == start:
        return _Lead.DEGREE
    piece = _FIRST_PIECE.match(spans.text, start, line.end)
    end = piece.end() if piece else line.end
    name = spans.text[start:end]
    # Only a degree in the name itself stops it: the "MD" of "State University, Baltimore, MD"
    # is the state the school is in.
    if spans.within(labels.DEGREES, start, end) or not name.strip() or looks_like_prose(name):
        return None
    words = spans.within(labels.ORG_KEYWORDS, start, end)
    return (
        _Lead.SCHOOL
        if any(word._.get(labels.CATEGORY_ATTR) == labels.ACADEMIC for word in words)
        else None
    )


def opens_with_a_degree(line: Line, spans: SpanIndex) -> bool:
    """Whether a line opens with a degree (after a verb such as \"Completed\")."""
    return _lead(line, spans) is _Lead.DEGREE
