"""The profile table: the person's name, headline, location and summary from the header.

The name is the header field that reads most like the author's name: a labelled "Name:" field
wins; otherwise every name-shaped field of the header (two to five name words, in any case,
with particles, hyphens and initials; or one word of CJK script) is weighed by what supports
it: standing on a line of its own, coming first, agreeing with the e-mail or profile handle,
the entity recognizer's PERSON, a job title or a place right after it, a stated "I am …"
sharing a word with it. So the name after a LinkedIn export's contact sidebar is found, and a
``# Name`` heading is not overridden by a later "I'm Jo". A name stated only in a sentence
("My name is Tomasz") is the fallback.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from resume_etl.nlp import labels
from resume_etl.stages.extract._draft import Extracted, ProfileCandidate
from resume_etl.stages.extract._header import _FIELD_LABEL
from resume_etl.stages.extract._profile_lines import (
    Piece,
    header_lines,
    header_pieces,
    pieces,
    profile_words,
    top_lines,
    word_count,
)
from resume_etl.stages.extract._profile_place import (
    LOCATION_MAX_WORDS,
    is_place_or_contact,
    location,
    place_in,
)
from resume_etl.stages.extract._spans import SpanIndex, _covers
from resume_etl.stages.segment import Line, LineKind, Section
from resume_etl.vocab import SectionKind
from resume_etl.wordlists import builtin_alternation

__all__ = [
    "HEADLINE_MAX_WORDS",
    "LOCATION_MAX_WORDS",
    "TOP_LINES",
    "extract_profile",
    "profile_entity_ranges",
]

_NAME_LABEL = re.compile(r"(?:full\s+)?name\s*[:：]\s*", re.I)
_NAME_TOKEN = re.compile(r"^[^\W\d_][\w'’.-]*$")
_CJK_NAME = re.compile(r"^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{2,4}$")
"""A name written in Chinese, Japanese or Korean script, without spaces: "张伟", "김민준"."""


def _words(category: str) -> str:
    """A regex alternation of one category of ``nlp/data/profile_words.jsonl``."""
    return builtin_alternation("profile_words.jsonl", category)


_CREDENTIAL = re.compile(r"^(?:[A-Z]{2,5}(?:-[A-Z]{2,4})?|(?:[A-Z][a-z]{0,3}\.){1,3})$")
"""Post-nominal letters after a name: "RN", "PMP", "FNP-BC", "B.Sc.", "Ph.D."."""
_HONORIFIC = re.compile(rf"(?:{_words('honorific')})\.?\s+", re.I)
_TITLE_LEAD = re.compile(r"(?P<title>(?:[\w.'-]+\s+){0,3}?)(?:of|de|von|du)\s+", re.I)
"""(Used with ``match(text, pos)``, so no ``^``: it would only match at the text's start.)"""
_MAX_NAME_WORDS = 5
HEADLINE_MAX_WORDS = 12
TOP_LINES = 6
_HEADLINE_LABEL = re.compile(rf"(?i)(?:{_words('headline_label')})\s*:\s*")
"""A label whose value is the headline: "Title: Data Engineer"."""
_HEADLINE_LABEL_LINE = re.compile(rf"(?i)(?:{_words('headline_heading')})")
"""A line that is only a label, the headline on the line below: "Desired Position"."""
_LABEL_COLON = 2
"""A field's edges are trimmed of punctuation: its label's colon is just past its end."""
_COUNTED = re.compile(r"[\d@/\\]")
"""A header field with a digit, '@' or a slash (a date, street, contact, link or escape) takes
no place in the order in which a name is expected first."""
_SURNAME_CONTINUATION = re.compile(r"-[^\W\d_][\w']*")
_HANDLE_CHARS = re.compile(r"[^a-z]+")

_ALONE, _FIRST, _HANDLE, _PERSON, _NEXT, _STATED = 0.5, 0.5, 1.0, 0.5, 0.3, 1.0
"""What each kind of support adds to a name-shaped field's score."""
_POSITION_STEP, _POSITION_CAP, _LOWER_CASE = 0.04, 0.6, 1.0
_ACCEPT = 0.5
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|my)\b")
"""A line in the first person is a sentence about the author, never their headline."""
"""Least score a field needs to be taken for the name."""
_TRUSTED = 1.0
"""A field at least this well supported wins over a name stated in a sentence."""


@dataclass(frozen=True, slots=True)
class _NameShape:
    found: Extracted
    lower_case: bool


def extract_profile(sections: Sequence[Section], spans: SpanIndex) -> ProfileCandidate:
    text = spans.text
    top = top_lines(sections)
    header = header_lines(sections)
    fields = header_pieces(header, text)
    name = (
        _labelled_name(fields, text)
        or _heading_name(header, fields, spans)
        or _scored_name(fields, spans)
    )
    headline = _under_headline_label([*header, *top], text) or _headline(
        [*_under_name(header, name), *top[:TOP_LINES]], spans, name
    )
    place = location([*top, *header], _with_top_fields(fields, top, text), spans, name)
    summary = _summary(sections, text)
    return ProfileCandidate(name, headline, place, summary)


def _with_top_fields(fields: list[Piece], top: Sequence[Line], text: str) -> list[Piece]:
    """The header's fields, then those of the first top lines past the header (a summary
    section's first line may say where the person is)."""
    seen = {(field.start, field.end) for field in fields}
    extra = [
        Piece(start, end, len(fields) + number, False)
        for number, line in enumerate(top[:TOP_LINES])
        for start, end in pieces(line, text)
        if (start, end) not in seen
    ]
    return [*fields, *extra]


def profile_entity_ranges(sections: Sequence[Section], text: str) -> list[tuple[int, int]]:
    """The header fields whose entities the profile reads (PERSON for a name, GPE/LOC for a
    place): the short ones, for ``entity_focus``."""
    fields = header_pieces(header_lines(sections), text)
    return [
        (p.start, p.end)
        for p in _with_top_fields(fields, top_lines(sections), text)
        if word_count(text[p.start : p.end]) <= LOCATION_MAX_WORDS
    ]


# --------------------------------------------------------------------------- the name


def _labelled_name(fields: Sequence[Piece], text: str) -> Extracted | None:
    """ "Name: Jane Doe" as a header field (or its label alone, the name the next field)."""
    for index, field in enumerate(fields):
        label = _NAME_LABEL.match(text, field.start, field.end + _LABEL_COLON)
        if label is None:
            continue
        start, end = label.end(), field.end
        if start >= end - 1 and index + 1 < len(fields):
            start, end = fields[index + 1].start, fields[index + 1].end
        value = text[start:end].strip()
        if value and word_count(value) <= _MAX_NAME_WORDS + 1:
            start = text.index(value, start)
            return Extracted(value, start, start + len(value), 0.9)
    return None


def _heading_name(
    header: Sequence[Line], fields: Sequence[Piece], spans: SpanIndex
) -> Extracted | None:
    """A document that opens with a top-level markdown heading shaped like a name ("# Jane
    Doe", "# jane doe") names its author there: an "I am X" sentence later, which may name
    someone else, does not outweigh it."""
    if not header or header[0].kind is not LineKind.MD_HEADING or header[0].md_level != 1:
        return None
    own = [field for field in fields if field.line == 0]
    if len(own) != 1:
        return None
    shape = _name_shape((own[0].start, own[0].end), spans)
    return None if shape is None else shape.found


def _scored_name(fields: Sequence[Piece], spans: SpanIndex) -> Extracted | None:
    stated = _stated_name(spans)
    handles = _handles(spans)
    best: tuple[float, Extracted] | None = None
    position = 0
    for index, field in enumerate(fields):
        candidate_range = _after_document_title(field, spans.text)
        if candidate_range is None:
            continue
        if _COUNTED.search(spans.text, field.start, field.end):
            continue
        shape = _name_shape(candidate_range, spans)
        position += 1
        if shape is None:
            continue
        following = fields[index + 1 : index + 2]
        score = _support(shape, field, position, following, spans)
        score += _HANDLE * _agrees(shape.found.value, handles)
        if stated is not None and _shares_word(shape.found.value, stated.value):
            score += _STATED
        if score >= _ACCEPT and (best is None or score > best[0]):
            best = (score, shape.found)
    if best is not None and (stated is None or best[0] >= _TRUSTED):
        return best[1]
    return stated


def _support(
    shape: _NameShape,
    field: Piece,
    position: int,
    following: Sequence[Piece],
    spans: SpanIndex,
) -> float:
    found = shape.found
    score = _ALONE * field.alone + _FIRST * (position == 1)
    persons = spans.entities(found.start, found.end, {"PERSON"})
    if persons and sum(p.end_char - p.start_char for p in persons) * 2 >= found.end - found.start:
        score += _PERSON
    for after in following:
        titled = spans.within(labels.TITLE_HEADS, after.start, after.end)
        if titled or place_in((after.start, after.end), spans) is not None:
            score += _NEXT
    score -= min(_POSITION_CAP, _POSITION_STEP * (position - 1))
    return score - _LOWER_CASE * shape.lower_case


def _after_document_title(field: Piece, text: str) -> tuple[int, int] | None:
    """The field, or what follows a document title in it ("Resume of Jane Doe"); None when
    the field is only a title ("Curriculum Vitae", "Editor Resume Template")."""
    if not _has_title_word(text[field.start : field.end]):
        return field.start, field.end
    lead = _TITLE_LEAD.match(text, field.start, field.end)
    title_then_name = (
        lead is not None
        and _has_title_word(lead.group("title"))
        and not _has_title_word(text[lead.end() : field.end])
    )
    return (lead.end(), field.end) if lead is not None and title_then_name else None


def _has_title_word(value: str) -> bool:
    titles = profile_words("document_title")
    return any(word.strip("#*_:|").lower() in titles for word in value.split())


def _name_shape(piece: tuple[int, int], spans: SpanIndex) -> _NameShape | None:
    """The name a field holds when it is shaped like one and no lexicon claims it: its words
    before a comma, an honorific and trailing credentials dropped."""
    text = spans.text
    start, end = piece
    comma = text.find(",", start, end)
    end = comma if comma != -1 else end
    honorific = _HONORIFIC.match(text, start, end)
    start = honorific.end() if honorific else start
    words = [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text[start:end])]
    tokens = [text[s:e].strip("*_#") for s, e in words]
    if len(tokens) == 1 and _CJK_NAME.match(tokens[0]):
        return _NameShape(Extracted(tokens[0], *_inner(text, words[0], tokens[0]), 0.6), False)
    capitals = all(t.isupper() for t in tokens if t.isalpha())
    while len(words) > 2 and _is_credential(tokens[-1], capitals):
        words, tokens = words[:-1], tokens[:-1]
    if not 2 <= len(tokens) <= _MAX_NAME_WORDS or not all(_NAME_TOKEN.match(t) for t in tokens):
        return None
    lower_case = all(t.islower() for t in tokens)
    if not lower_case and not _capitalized(tokens):
        return None
    not_names = profile_words("document_title") | profile_words("heading_word")
    if any(t.lower() in not_names for t in tokens):
        return None
    begin = _inner(text, words[0], tokens[0])[0]
    finish = _inner(text, words[-1], tokens[-1])[1]
    for key in (labels.TITLE_HEADS, labels.ORG_KEYWORDS, labels.SKILLS, labels.DEGREES):
        if spans.within(key, begin, finish):
            return None
    places = spans.entities(begin, finish, {"GPE", "LOC"})
    if places and _covers(places, begin, finish, 0.5):
        return None
    return _NameShape(Extracted(text[begin:finish], begin, finish, 0.6), lower_case)


def _is_credential(token: str, capitals: bool) -> bool:
    """Post-nominal letters: by their shape ("PMP", "Ph.D."), or, in a name written in
    capitals, where every word has that shape, only the known ones ("RN", "MBA")."""
    if capitals:
        return token.lower() in profile_words("credential")
    return _CREDENTIAL.match(token) is not None


def _capitalized(tokens: Sequence[str]) -> bool:
    """Every word starts with a capital but the particles inside ("van der", "binte")."""
    particles = profile_words("name_particle")
    inner_ok = all(t[0].isupper() or t in particles for t in tokens)
    return inner_ok and tokens[0][0].isupper() and tokens[-1][0].isupper()


def _inner(text: str, word: tuple[int, int], token: str) -> tuple[int, int]:
    start = text.index(token, word[0])
    return start, start + len(token)


def _fold(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _handles(spans: SpanIndex) -> list[str]:
    """The user parts of the document's e-mail addresses and links, folded to letters: a
    person's handle usually spells their name ("jane.doe@", "linkedin.com/in/jane-doe-1")."""
    found = []
    for span in spans.groups[labels.CONTACTS]:
        match = span._.get(labels.CONTACT_ATTR)
        if match is None or match.label == labels.PHONE:
            continue
        raw = match.text.split("@")[0] if match.label == labels.EMAIL else match.text
        raw = re.sub(r"^(?:https?://)?(?:www\.)?", "", raw, flags=re.I)
        found.append(_HANDLE_CHARS.sub("", _fold(raw)))
    return found


def _agrees(name: str, handles: Sequence[str]) -> float:
    """1 when a word of the name (three letters or more) is in a handle, 1.25 for two."""
    words = {_HANDLE_CHARS.sub("", _fold(word)) for word in name.split()}
    hits = sum(1 for word in words if len(word) >= 3 and any(word in h for h in handles))
    return 0.0 if hits == 0 else (1.0 if hits == 1 else 1.25)


def _shares_word(name: str, stated: str) -> bool:
    return bool({_fold(w) for w in name.split()} & {_fold(w) for w in stated.split()})


def _stated_name(spans: SpanIndex) -> Extracted | None:
    """The first "I am X" name, carried over a hyphenated surname the tokenizer cut."""
    text = spans.text
    for span in spans.groups[labels.PERSON_NAMES]:
        end = span.end_char
        while continuation := _SURNAME_CONTINUATION.match(text, end):
            end = continuation.end()
        return Extracted(text[span.start_char : end], span.start_char, end, 0.8)
    return None


# --------------------------------------------------------------------------- headline, summary


def _under_name(header: Sequence[Line], name: Extracted | None) -> list[Line]:
    """The header line right after the name's: where a name after a contact sidebar (a
    LinkedIn export) has its headline, past the top lines."""
    if name is None:
        return []
    at = next((i for i, line in enumerate(header) if line.start <= name.start < line.end), None)
    return [] if at is None else list(header[at + 1 : at + 2])


def _under_headline_label(lines: Sequence[Line], text: str) -> Extracted | None:
    """The line under a label standing alone ("POSITION", "Job applied for", as Europass
    writes them): the headline, whatever words it uses."""
    for line, after in itertools.pairwise(lines):
        if not _HEADLINE_LABEL_LINE.fullmatch(line.content.strip()):
            continue
        value = after.content.strip("*_ ")
        if value and word_count(value) <= HEADLINE_MAX_WORDS and not _FIRST_PERSON.search(value):
            start = text.index(value, after.content_start)
            return Extracted(value, start, start + len(value), 0.7)
    return None


def _headline(lines: list[Line], spans: SpanIndex, name: Extracted | None) -> Extracted | None:
    """A short top line (or the fields of it beside the name) holding a job title; places and
    contact details at its ends are left out."""
    text = spans.text
    for line in lines:
        if line.kind is LineKind.BULLET or word_count(line.content) > 2 * HEADLINE_MAX_WORDS:
            continue
        fields = [
            piece
            for piece in pieces(line, text)
            if name is None or piece[0] >= name.end or piece[1] <= name.start
        ]
        label = _FIELD_LABEL.match(text, line.content_start, line.end)
        if label and not _HEADLINE_LABEL.match(text, line.content_start, line.end):
            continue
        while fields and is_place_or_contact(fields[-1], spans):
            fields.pop()
        while fields and is_place_or_contact(fields[0], spans):
            fields.pop(0)
        if not fields:
            continue
        start, end = fields[0][0], fields[-1][1]
        if label:
            start = max(start, label.end())
        value = text[start:end].strip("*_ ")
        start = text.index(value, start) if value else start
        if not value or word_count(value) > HEADLINE_MAX_WORDS or _FIRST_PERSON.search(value):
            continue
        if spans.within(labels.TITLE_HEADS, start, start + len(value)):
            return Extracted(value, start, start + len(value), 0.7)
    return None


def _summary(sections: Sequence[Section], text: str) -> Extracted | None:
    for section in sections:
        if section.kind is SectionKind.SUMMARY and section.lines:
            start, end = section.lines[0].content_start, section.lines[-1].end
            return Extracted(text[start:end], start, end, 0.9)
    return None
