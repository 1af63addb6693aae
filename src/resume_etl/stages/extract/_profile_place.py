"""The person's own place: stated after a cue ("Based in", "Address:"), or the "City, Region"
field nearest the name in the header.

The header holds other places too (a street line, a school's town in a one-line text, a
headline with a comma), so the fields after the name are read first, and a field that only
has the shape of a place ("Word, Word") counts when nothing with more support is there: a
place the entity recognizer tags, a region or country code ("NY", "DE"), or a postal code.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from resume_etl.nlp import labels
from resume_etl.stages.extract._draft import Extracted
from resume_etl.stages.extract._profile_lines import Piece, profile_words, word_count
from resume_etl.stages.extract._spans import SpanIndex, covers
from resume_etl.stages.segment import Line
from resume_etl.wordlists import grammar_alternation

LOCATION_MAX_WORDS = 8
"""Longer fields of a top line are prose, never searched for the person's location."""
_LOCATION_CUE = re.compile(
    r"(?:\bbased in|\blocated in|\blives in|\bliving in|\b(?:current )?location\s*:"
    r"|(?<!mail )(?<!web )\baddress\s*:|\bresidence\s*:|\bcity\s*:)\s*",
    re.I,
)
_PLACE = re.compile(
    r"^[^\W\d_][\w.'-]*(?:(?: | / )[^\W\d_][\w.'-]*){0,3}"
    r"(?:, (?:[A-Z]{2,3}|[^\W\d_][\w'-]*(?: [^\W\d_][\w'-]*){0,2})){1,2}"
    r"(?: \d{4,6}| [A-Z]\d[A-Z] ?\d[A-Z]\d)?$"
)
""""City, Region", "City, Region, Country", with an optional postal code; a city with two
names ("Donostia / San Sebastián, Spain")."""
_PLACE_SUPPORT = re.compile(r"(?:^|, )[A-Z]{2,3}(?:$|,| \d)|\d{4,6}$|[A-Z]\d[A-Z] ?\d[A-Z]\d$")
"""A region or country code ("Austin, TX", "Berlin, DE") or a postal code after the place."""
_REGION_CODE = re.compile(r"[A-Z]{2,3}")
_IN_PLACE = re.compile(rf"\s+(?:{grammar_alternation('place_preposition')})\s+(?=[^\W\d_])")
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)|\s[-–—·|]\s")
_TRAILING_LABEL = re.compile(r"\s*[\w-]+\s*[:#]\s*$|\s+$")
"""A label right before a contact ("Home:", "Cell #")."""
_LEADING_POSTAL = re.compile(r"^\d{4,6} (?=[^\W\d_])")
"""A postal code written before the town: "0467 Oslo", "75011 Paris"."""
_POSTAL_PART = re.compile(r",\s*\d{4,10}\s*$")
"""A postal code written as a last comma part: "Tehran, Iran, 1231456789"."""
_FIELD_DASH = re.compile(r"\s[-–—]\s")
"""Job boards join the place and a contact line with a spaced dash: "City, State - Email me"."""
_NEAR_NAME_PIECES = 6
_FIRST_PIECES = 8
"""A field with only the shape of a place counts this near the name or the document's start."""
_CITY_WORDS = 3
_ADDRESS_MAX_WORDS = 14
"""A street address line is read for the place at its end up to this long."""
_CLAIMING = (labels.TITLE_HEADS, labels.ORG_KEYWORDS, labels.DEGREES, labels.SKILLS)


def place_in(piece: tuple[int, int], spans: SpanIndex, strict: bool = False) -> Extracted | None:
    """A place a header field states: "City, Region[, Country]" no lexicon claims, or a field
    the NER reads as a place; for a longer comma list (a street address), its last two parts.
    ``strict`` asks for support beyond the shape (see the module's docstring)."""
    text = spans.text
    start, end = piece
    postal = _POSTAL_PART.search(text, start, end)
    end = postal.start() if postal else end
    candidates = [(start, end)]
    commas = [start + m.start() for m in re.finditer(",", text[start:end])]
    street_parts = [
        index
        for index, (left, right) in enumerate(
            zip([start - 1, *commas], [*commas, end], strict=True)
        )
        if _is_street(text[left + 1 : right])
    ]
    if commas:
        candidates.extend(_after_street(text, start, commas[-1], end))
    if street_parts and street_parts[-1] < len(commas):  # the parts after an address's street
        candidates.append((commas[street_parts[-1]] + 1, end))
    if len(commas) >= 2:
        candidates.append((commas[-2] + 1, end))
    for raw_start, raw_end in candidates:
        value = text[raw_start:raw_end].strip().rstrip(".")
        if "," not in value:  # the town part after a street: "0467 Oslo"
            value = _LEADING_POSTAL.sub("", value)
        if not value or not all(part.strip()[:1].isupper() for part in value.split(",")):
            continue
        if _is_street(value.split(",")[0]):
            continue
        cand_start = text.index(value, raw_start)
        cand_end = cand_start + len(value)
        if _claimed(spans, cand_start, cand_end):
            continue
        places = spans.entities(cand_start, cand_end, {"GPE", "LOC"})
        if _is_region(value):
            return Extracted(value, cand_start, cand_end, 0.6)
        if _PLACE.match(value):
            if not _capitalized(value):
                continue
            if places or _PLACE_SUPPORT.search(value) or not strict:
                return Extracted(value, cand_start, cand_end, 0.7)
        elif places and covers(places, cand_start, cand_end, 0.8):
            return Extracted(value, cand_start, cand_end, 0.5)
    return None


def _capitalized(value: str) -> bool:
    """A place's longer words are capitalized ("Rio de Janeiro, Brazil"), a phrase's are not
    ("Flash, Flex environments")."""
    return all(word[:1].isupper() for word in re.findall(r"[^\W\d_]{4,}", value))


def _is_region(value: str) -> bool:
    """A few capitalized words ending in a region word: "Greater Boston Area"."""
    words = value.split()
    if not 2 <= len(words) <= _CITY_WORDS + 2 or not all(w[:1].isupper() for w in words):
        return False
    lowered = value.lower()
    return any(
        lowered.endswith(" " + suffix) and len(suffix.split()) < len(words)
        for suffix in profile_words("place_suffix")
    )


def _titled_place(field: tuple[int, int], spans: SpanIndex) -> Extracted | None:
    """ "Data engineer in Kraków, Poland. I build …", "Product designer in Tokyo": the place
    after " in " when a job title comes before it (strict: the recognizer or a code says so)."""
    text = spans.text
    cue = _IN_PLACE.search(text, field[0], field[1])
    if cue is None or not spans.within(labels.TITLE_HEADS, field[0], cue.start()):
        return None
    stop = _SENTENCE_END.search(text, cue.end(), field[1])
    return place_in((cue.end(), stop.start() if stop else field[1]), spans, strict=True)


def _claimed(spans: SpanIndex, start: int, end: int) -> bool:
    """Whether a lexicon claims part of the value; a region code after a comma ("Baltimore,
    MD", "Boston, MA") is no degree, whatever the degree lexicon says."""
    text = spans.text
    for key in _CLAIMING:
        for span in spans.within(key, start, end):
            code = _REGION_CODE.fullmatch(span.text)
            if not (code and text[max(start, span.start_char - 2) : span.start_char] == ", "):
                return True
    return False


def _is_street(part: str) -> bool:
    """An address's street part: it has a number or a street word ("Kingston Avenue")."""
    streets = profile_words("street_word")
    words = [word.lower() for word in part.split()]
    return any(char.isdigit() for char in part) or any(
        word in streets or word.rstrip(".,") in streets for word in words
    )


def _has_street_word(part: str) -> bool:
    """A street named by its street word ("Francis Road"), not only a number (a postal code)."""
    streets = profile_words("street_word")
    return any(word.lower().rstrip(".,") in streets for word in part.split())


def _after_street(text: str, start: int, comma: int, end: int) -> list[tuple[int, int]]:
    """ "… Ave. #212 Oklahoma City, OK 73120", "84100 Thalbrunn, Germany": the capitalized words
    right after the street (or postal code) in the last comma part, through the field's end."""
    words = list(re.finditer(r"\S+", text[start:comma]))
    kept: list[re.Match[str]] = []
    for word in reversed(words):
        token = word.group()
        if not token[:1].isupper() or token.endswith(",") or _is_street(token):
            break
        if len(kept) == _CITY_WORDS:
            break
        kept.insert(0, word)
    before = words[len(words) - len(kept) - 1].group() if 0 < len(kept) < len(words) else ""
    if not before or not _is_street(before):  # the city must follow the street in its part
        return []
    return [(start + kept[0].start(), end)]


def is_place_or_contact(piece: tuple[int, int], spans: SpanIndex) -> bool:
    text = spans.text[piece[0] : piece[1]]
    if "@" in text or spans.within(labels.CONTACTS, piece[0], piece[1]):
        return True
    return place_in(piece, spans) is not None


def location(
    lines: Sequence[Line],
    pieces: Sequence[Piece],
    spans: SpanIndex,
    name: Extracted | None,
) -> Extracted | None:
    """The place a cue states, else the best-supported place field nearest the name."""
    cued = _cued_place(lines, pieces, spans)
    if cued is not None:
        return cued
    ordered = _nearest_name_first(pieces, name)
    near = {(p.start, p.end) for p in ordered[: _NEAR_NAME_PIECES + 1]}
    near |= {(p.start, p.end) for p in pieces[:_FIRST_PIECES]}
    fields = [
        (field, (piece.start, piece.end) in near)
        for piece in ordered
        for field in _dash_fields(piece, spans.text)
        if not _overlaps(field, name)
    ]
    fields = [(cut, near) for field, near in fields if (cut := _before_contact(field, spans))]
    text = spans.text
    short = [f for f in fields if word_count(text[f[0][0] : f[0][1]]) <= _ADDRESS_MAX_WORDS]
    for strict in (True, False):
        for field, is_near in short:
            found = place_in(field, spans, strict) if strict or is_near else None
            if found is not None:
                return found
    found = _town_under_street(short, spans)
    if found is not None:
        return found
    for field, is_near in fields:  # a headline sentence: "Data engineer in Kraków, Poland."
        found = _titled_place(field, spans) if is_near else None
        if found is not None:
            return found
    return None


_STREET_MAX_WORDS = 6
_TOWN_WORD = re.compile(r"[^\W\d_][\w.'-]*")


def _town_under_street(
    fields: Sequence[tuple[tuple[int, int], bool]], spans: SpanIndex
) -> Extracted | None:
    """An address written one part a line: the field right after a short street field ("Francis
    Road" / "San Francisco", "12 Mill Lane" / "GREENVALE") is the town when it is a few
    capitalized words no lexicon claims, near the name."""
    text = spans.text
    by_start = sorted(fields)
    for ((street_start, street_end), _), ((start, end), is_near) in itertools.pairwise(by_start):
        street = text[street_start:street_end]
        value = text[start:end].strip().rstrip(",.")
        words = value.split()
        if (
            is_near
            and "," not in street
            and len(street.split()) <= _STREET_MAX_WORDS
            and _has_street_word(street)
            and 0 < len(words) <= _CITY_WORDS
            and all(_TOWN_WORD.fullmatch(word) and word[:1].isupper() for word in words)
            and not _is_street(value)
        ):
            value_start = text.index(value, start)
            if not _claimed(spans, value_start, value_start + len(value)):
                return Extracted(value, value_start, value_start + len(value), 0.5)
    return None


def _cued_place(
    lines: Sequence[Line], pieces: Sequence[Piece], spans: SpanIndex
) -> Extracted | None:
    """The value after "Based in", "Location:" or "Address:", cut at the end of its field; of
    a street address, the place at its end."""
    text = spans.text
    fields = [(p.start, p.end) for p in pieces] + [(ln.content_start, ln.end) for ln in lines]
    for index, (start, end) in enumerate(fields):
        cue = _LOCATION_CUE.search(text, start, min(len(text), end + 2))  # the colon past a field
        if cue is None:
            continue
        value_start, value_end = cue.end(), end
        if value_start >= value_end - 1 and index + 1 < len(fields):  # "Location:" alone, then it
            value_start, value_end = fields[index + 1]
            if text[value_start : value_end + 1].rstrip().endswith(":"):  # a column of labels
                continue
        if again := _LOCATION_CUE.match(text, value_start, value_end):  # "Location: Based in X"
            value_start = again.end()
        value = text[value_start:value_end].strip().rstrip(".")
        if not value or _has_contact((value_start, value_end), spans):
            continue
        value_start = text.index(value, value_start)
        value_end = value_start + len(value)
        if any(char.isdigit() for char in value) or word_count(value) > LOCATION_MAX_WORDS:
            found = place_in((value_start, value_end), spans) or _town_after_street(
                text, value_start, value_end
            )
            if found is not None:
                return Extracted(found.value, found.start, found.end, 0.7)
            continue
        return Extracted(value, value_start, value_end, 0.8)
    return None


def _town_after_street(text: str, start: int, end: int) -> Extracted | None:
    """After an address cue, the comma parts after its last street part, when they are a
    few capitalized words ("P.O. Box 12, City Square, Nairobi" gives "Nairobi")."""
    postal = _POSTAL_PART.search(text, start, end)
    end = postal.start() if postal else end
    commas = [m.start() for m in re.finditer(",", text[start:end])]
    bounds = list(zip([-1, *commas], [*commas, end - start], strict=True))
    streets = [
        i
        for i, (left, right) in enumerate(bounds)
        if _is_street(text[start + left + 1 : start + right])
    ]
    if not streets or streets[-1] == len(bounds) - 1:
        return None
    rest_start = start + bounds[streets[-1] + 1][0] + 1
    value = text[rest_start:end].strip().rstrip(".")
    if not value or word_count(value) > _CITY_WORDS + 2 or not value[0].isupper():
        return None
    value_start = text.index(value, rest_start)
    return Extracted(value, value_start, value_start + len(value), 0.6)


def _nearest_name_first(pieces: Sequence[Piece], name: Extracted | None) -> list[Piece]:
    """The fields after the name's (a few of them), then those before it, then the rest."""
    at = next((i for i, p in enumerate(pieces) if name and p.start <= name.start < p.end), None)
    if at is None:
        return list(pieces)
    after = list(pieces[at : at + 1 + _NEAR_NAME_PIECES])
    return after + list(pieces[:at]) + list(pieces[at + 1 + _NEAR_NAME_PIECES :])


def _dash_fields(piece: Piece, text: str) -> list[tuple[int, int]]:
    cuts = [
        piece.start,
        *(b for m in _FIELD_DASH.finditer(text, piece.start, piece.end) for b in m.span()),
        piece.end,
    ]
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2) if cuts[i + 1] > cuts[i]]


def _before_contact(field: tuple[int, int], spans: SpanIndex) -> tuple[int, int] | None:
    """The field up to the first contact in it, without the label before that contact
    ("Brenham, TX 77833 Home: (123) 345-7890"); None when nothing is left."""
    start, end = field
    contacts = [s.start_char for s in spans.groups[labels.CONTACTS] if start <= s.start_char < end]
    text = spans.text
    if "@" in text[start:end]:  # the e-mail's user part goes too
        end = max(start, text.rfind(" ", start, text.index("@", start, end)))
    if contacts:
        end = min(end, contacts[0])
    if end < field[1]:
        end = start + len(_TRAILING_LABEL.sub("", text[start:end]).rstrip(" ,;:-"))
    return (start, end) if text[start:end].strip() else None


def _overlaps(field: tuple[int, int], name: Extracted | None) -> bool:
    return name is not None and field[0] < name.end and name.start < field[1]


def _has_contact(field: tuple[int, int], spans: SpanIndex) -> bool:
    text = spans.text[field[0] : field[1]]
    return "@" in text or bool(spans.within(labels.CONTACTS, field[0], field[1]))
