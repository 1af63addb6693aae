"""The profile table: the person's name, headline, location and summary from the top lines."""

from __future__ import annotations

import re
from collections.abc import Sequence

from resume_etl.nlp import labels
from resume_etl.stages.extract._draft import Extracted, ProfileCandidate
from resume_etl.stages.extract._header import _FIELD_LABEL
from resume_etl.stages.extract._spans import SpanIndex, _covers
from resume_etl.stages.segment import Line, LineKind, Section
from resume_etl.vocab import SectionKind

_NAME_LABEL = re.compile(r"(?:full\s+)?name\s*:\s*(.+)$", re.I)
_LOCATION_CUE = re.compile(
    r"(?:\bbased in|\blocated in|\blocation\s*:|\baddress\s*:)\s*(.+?)\s*$", re.I
)
_NAME_TOKEN = re.compile(r"^[^\W\d_][\w'.-]*$")
_NAME_PARTICLES = frozenset(
    {
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "da",
        "di",
        "du",
        "dos",
        "das",
        "la",
        "le",
        "bin",
        "binti",
        "binte",
        "ibn",
        "al",
        "el",
        "y",
        "ter",
        "ten",
    }
)
"""Lower-case words inside a name ("Sanne van der Hoeven", "Nur Aisyah binte Rahmat")."""
_CREDENTIAL = re.compile(r"^(?:[A-Z]{2,5}(?:-[A-Z]{2,4})?|(?:[A-Z][a-z]{0,3}\.){1,3})$")
"""Post-nominal letters after a name: "RN", "PMP", "FNP-BC", "B.Sc.", "Ph.D."."""
_HONORIFIC = re.compile(r"^(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.?\s+")
_MAX_NAME_WORDS = 5
_HEADLINE_MAX_WORDS = 12
_LOCATION_MAX_WORDS = 8
"""Longer fields of a top line are prose, never searched for the person's location."""
_DOCUMENT_TITLES = frozenset(
    {
        "curriculum vitae",
        "resume",
        "résumé",
        "cv",
        "profile",
        "about me",
        "lebenslauf",
        "lebenslauf cv",
        "curriculum vitae cv",
        "resume cv",
    }
)
"""First lines that title the document rather than name its author."""
_TOP_LINES = 6
_PIECE_BREAK = re.compile(r"\s{3,}|\s+[|·•]\s+|\t")
"""Where a top line holds several fields: wide gaps, bars and middle dots."""
_PLACE = re.compile(
    r"^[^\W\d_][\w.'-]*(?: [^\W\d_][\w.'-]*){0,3}"
    r"(?:, (?:[A-Z]{2,3}|[^\W\d_][\w'-]*(?: [^\W\d_][\w'-]*){0,2})){1,2}"
    r"(?: \d{4,6}| [A-Z]\d[A-Z] ?\d[A-Z]\d)?$"
)
""""City, Region", "City, Region, Country", with an optional postal code."""
_HEADLINE_LABEL = re.compile(
    r"(?i)(?:title|headline|current (?:title|position)|designation)\s*:\s*"
)
_PIECE_EDGE = re.compile(r"^[\W_]+|[^\w.)]+$")


def extract_profile(sections: Sequence[Section], spans: SpanIndex) -> ProfileCandidate:
    text = spans.text
    top = _top_lines(sections)
    name = _labelled_name(top, text) or _stated_name(spans) or _first_line_name(top, spans)
    headline = _headline(top, spans, name)
    location = _location(top, spans, name)
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


_SURNAME_CONTINUATION = re.compile(r"-[^\W\d_][\w']*")


def _stated_name(spans: SpanIndex) -> Extracted | None:
    """The first "I am X" name, carried over a hyphenated surname the tokenizer cut."""
    text = spans.text
    for span in spans.groups[labels.PERSON_NAMES]:
        end = span.end_char
        while continuation := _SURNAME_CONTINUATION.match(text, end):
            end = continuation.end()
        return Extracted(text[span.start_char : end], span.start_char, end, 0.8)
    return None


def _pieces(line: Line, text: str) -> list[tuple[int, int]]:
    """The fields of a top line, trimmed of markup and emoji at their edges."""
    found: list[tuple[int, int]] = []
    cursor = line.content_start
    breaks = [*_PIECE_BREAK.finditer(text, line.content_start, line.end)]
    for start, end in [
        *((cursor if i == 0 else breaks[i - 1].end(), b.start()) for i, b in enumerate(breaks)),
        (breaks[-1].end() if breaks else cursor, line.end),
    ]:
        piece = text[start:end]
        lead = (
            len(piece) - len(_PIECE_EDGE.sub("", piece, count=1)) if _PIECE_EDGE.match(piece) else 0
        )
        trail = _PIECE_EDGE.search(piece[lead:])
        trail_len = len(trail.group()) if trail and trail.start() > 0 else 0
        if end - trail_len - (start + lead) > 1:
            found.append((start + lead, end - trail_len))
    return found


def _first_line_name(lines: list[Line], spans: SpanIndex) -> Extracted | None:
    """The first line that is not a document title, when its first field reads like a name:
    2-5 capitalized words (name particles allowed) no lexicon claims, credentials dropped."""
    text = spans.text
    for line in lines[:3]:
        words = text[line.content_start : line.end].split()
        if " ".join(w.strip("#*/|") for w in words if w.strip("#*/|")).lower() in _DOCUMENT_TITLES:
            continue
        pieces = _pieces(line, text)
        if not pieces:
            return None
        return _name_in(pieces[0], spans)
    return None


def _name_in(piece: tuple[int, int], spans: SpanIndex) -> Extracted | None:
    text = spans.text
    start, end = piece
    comma = text.find(",", start, end)
    if comma != -1:
        end = comma
    honorific = _HONORIFIC.match(text, start, end)
    if honorific:
        start = honorific.end()
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[start:end])]
    while len(words) > 2 and _CREDENTIAL.match(text[start + words[-1][0] : start + words[-1][1]]):
        words.pop()
    if not 2 <= len(words) <= _MAX_NAME_WORDS:
        return None
    tokens = [text[start + s : start + e] for s, e in words]
    if not all(_NAME_TOKEN.match(t) and (t[0].isupper() or t in _NAME_PARTICLES) for t in tokens):
        return None
    if not tokens[0][0].isupper() or not tokens[-1][0].isupper():
        return None
    end = start + words[-1][1]
    for key in (labels.TITLE_HEADS, labels.ORG_KEYWORDS, labels.SKILLS, labels.DEGREES):
        if spans.within(key, start, end):
            return None
    confidence = 0.7 if spans.entities(start, end, {"PERSON"}) else 0.6
    return Extracted(text[start:end], start, end, confidence)


def _word_count(text: str) -> int:
    return sum(1 for word in text.split() if any(char.isalnum() for char in word))


def _headline(lines: list[Line], spans: SpanIndex, name: Extracted | None) -> Extracted | None:
    """A short top line (or the fields of it beside the name) holding a job title; places and
    contact details at its ends are left out."""
    text = spans.text
    for line in lines[:_TOP_LINES]:
        if line.kind is LineKind.BULLET or _word_count(line.content) > 2 * _HEADLINE_MAX_WORDS:
            continue
        pieces = [
            piece
            for piece in _pieces(line, text)
            if name is None or piece[0] >= name.end or piece[1] <= name.start
        ]
        label = _FIELD_LABEL.match(text, line.content_start, line.end)
        if label and not _HEADLINE_LABEL.match(text, line.content_start, line.end):
            continue
        while pieces and _is_place_or_contact(pieces[-1], spans):
            pieces.pop()
        while pieces and _is_place_or_contact(pieces[0], spans):
            pieces.pop(0)
        if not pieces:
            continue
        start, end = pieces[0][0], pieces[-1][1]
        if label:
            start = max(start, label.end())
        value = text[start:end].strip("*_ ")
        start = text.index(value, start) if value else start
        if not value or _word_count(value) > _HEADLINE_MAX_WORDS:
            continue
        if spans.within(labels.TITLE_HEADS, start, start + len(value)):
            return Extracted(value, start, start + len(value), 0.7)
    return None


def _is_place_or_contact(piece: tuple[int, int], spans: SpanIndex) -> bool:
    text = spans.text[piece[0] : piece[1]]
    if "@" in text or spans.within(labels.CONTACTS, piece[0], piece[1]):
        return True
    return _place_in(piece, spans) is not None


def _place_in(piece: tuple[int, int], spans: SpanIndex) -> Extracted | None:
    """A place a top-line field states: "City, Region[, Country]" no lexicon claims, or a field
    the NER reads as a place; for a longer comma list, its last two parts."""
    text = spans.text
    start, end = piece
    candidates = [(start, end)]
    commas = [m.start() for m in re.finditer(",", text[start:end])]
    if len(commas) >= 2:
        candidates.append((start + commas[-2] + 1, end))
    for raw_start, raw_end in candidates:
        value = text[raw_start:raw_end].strip()
        if not value or not value[0].isupper():
            continue
        cand_start = text.index(value, raw_start)
        cand_end = cand_start + len(value)
        claimed = any(
            spans.within(key, cand_start, cand_end)
            for key in (labels.TITLE_HEADS, labels.ORG_KEYWORDS, labels.DEGREES, labels.SKILLS)
        )
        if claimed:
            continue
        if _PLACE.match(value):
            return Extracted(value, cand_start, cand_end, 0.7)
        places = spans.entities(cand_start, cand_end, {"GPE", "LOC"})
        if places and _covers(places, cand_start, cand_end, 0.8):
            return Extracted(value, cand_start, cand_end, 0.5)
    return None


def _location(
    lines: list[Line], spans: SpanIndex, name: Extracted | None = None
) -> Extracted | None:
    text = spans.text
    for line in lines:
        match = _LOCATION_CUE.search(text, line.content_start, line.end)
        if match:
            value = match.group(1).rstrip(".")
            return Extracted(value, match.start(1), match.start(1) + len(value), 0.8)
    for line in lines[:_TOP_LINES]:
        for piece in _pieces(line, text):
            if _word_count(text[piece[0] : piece[1]]) > _LOCATION_MAX_WORDS:
                continue
            if name is not None and piece[0] < name.end and name.start < piece[1]:
                continue
            found = _place_in(piece, spans)
            if found is not None:
                return found
    return None


def _summary(sections: Sequence[Section], text: str) -> Extracted | None:
    for section in sections:
        if section.kind is SectionKind.SUMMARY and section.lines:
            start, end = section.lines[0].content_start, section.lines[-1].end
            return Extracted(text[start:end], start, end, 0.9)
    return None
