"""The person's name in the header: the field that reads most like the author's name.

A labelled "Name:" field wins; then the author a markdown file's front matter states; then a
top-level markdown heading shaped like a name; otherwise every name-shaped field of the header
(two to five name words, in any case, with particles, hyphens and initials; or one word of CJK
script) is weighed by what supports it: standing on a line of its own, coming first, agreeing
with the e-mail or profile handle, the entity recognizer's PERSON, a job title or a place right
after it, a stated "I am …" sharing a word with it. A name stated only in a sentence ("My name
is Tomasz") is the fallback. Kept apart from ``profile.py`` (headline, place, summary): the name
is the one profile field scored.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from resume_etl.nlp import labels
from resume_etl.nlp.word_shape import CJK_LETTERS
from resume_etl.stages.extract._draft import Extracted
from resume_etl.stages.extract._front_matter import front_matter
from resume_etl.stages.extract._profile_lines import Piece, profile_words, word_count
from resume_etl.stages.extract._profile_place import place_in
from resume_etl.stages.extract._spans import SpanIndex, covers
from resume_etl.stages.segment import Line, LineKind
from resume_etl.wordlists import builtin_alternation, grammar_alternation

_NAME_LABEL = re.compile(r"(?:full\s+)?name\s*[:：]\s*", re.I)
_NAME_TOKEN = re.compile(r"^[^\W\d_][\w'’.-]*$")
_CJK_NAME = re.compile(rf"^[{CJK_LETTERS}]{{2,4}}$")
"""A name written in Chinese, Japanese or Korean script, without spaces: "张伟", "김민준"."""
_CREDENTIAL = re.compile(r"^(?:[A-Z]{2,5}(?:-[A-Z]{2,4})?|(?:[A-Z][a-z]{0,3}\.){1,3})$")
"""Post-nominal letters after a name: "RN", "PMP", "FNP-BC", "B.Sc.", "Ph.D."."""
_HONORIFIC = re.compile(
    rf"(?:{builtin_alternation('profile_words.jsonl', 'honorific')})\.?\s+", re.I
)
_TITLE_LEAD = re.compile(
    rf"(?P<title>(?:[\w.'-]+\s+){{0,3}}?)(?:{grammar_alternation('title_lead')})\s+", re.I
)
"""(Used with ``match(text, pos)``, so no ``^``: it would only match at the text's start.)"""
_MAX_NAME_WORDS = 5
_QUOTE_MARKS = "\"'“”‘’"
"""Quotes around a labelled value ('name: "Jane Doe"' in a markdown front matter)."""
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
"""Least score a field needs to be taken for the name."""
_TRUSTED = 1.0
"""A field at least this well supported wins over a name stated in a sentence."""


@dataclass(frozen=True, slots=True)
class _NameShape:
    found: Extracted
    lower_case: bool


def find_name(
    header: Sequence[Line], fields: Sequence[Piece], spans: SpanIndex
) -> Extracted | None:
    """The author's name: a labelled field, the front matter's author, a name heading, or the
    best-supported field."""
    return (
        _labelled_name(fields, spans.text)
        or _front_matter_name(spans)
        or _heading_name(header, fields, spans)
        or _scored_name(fields, spans)
        or _top_word_name(fields, spans)
    )


_CONTACT_WITHIN = 3
"""How many fields after a one-word name may come before its address or contact details."""


def _top_word_name(fields: Sequence[Piece], spans: SpanIndex) -> Extracted | None:
    """A name of one word ("Brightwell") alone on the document's first line, over address or
    contact details: a page that gives its author one name says it first. One word is too
    weak a shape anywhere else, so only there, and only when no other field reads as a name."""
    if len(fields) < 2 or fields[0].line != 0 or not fields[0].alone:
        return None
    following = fields[1 : 1 + _CONTACT_WITHIN]
    if not any(_COUNTED.search(spans.text, f.start, f.end) for f in following):
        return None
    shape = _name_shape((fields[0].start, fields[0].end), spans, least_words=1)
    if shape is None or shape.lower_case or " " in shape.found.value:
        return None
    return shape.found if shape.found.value[1:].islower() else None


def _labelled_name(fields: Sequence[Piece], text: str) -> Extracted | None:
    """ "Name: Jane Doe" as a header field (or its label alone, the name the next field)."""
    for index, field in enumerate(fields):
        label = _NAME_LABEL.match(text, field.start, field.end + _LABEL_COLON)
        if label is None:
            continue
        start, end = label.end(), field.end
        if start >= end - 1 and index + 1 < len(fields):
            if _is_label(fields[index + 1], text):
                return None  # a form of labels with the values after them: "Name:  Date of Birth:"
            start, end = fields[index + 1].start, fields[index + 1].end
        value = text[start:end].strip().strip(_QUOTE_MARKS).strip()
        if value and word_count(value) <= _MAX_NAME_WORDS + 1:
            start = text.index(value, start)
            return Extracted(value, start, start + len(value), 0.9)
    return None


_FRONT_MATTER_AUTHOR_KEYS = ("name", "author")


def _front_matter_name(spans: SpanIndex) -> Extracted | None:
    """The ``name:`` or ``author:`` a front matter states; else its ``title:`` when that is
    shaped like a name (templates that title the page with the author: "title: Jane Doe", or
    "Jane Doe CV"), and not when it is a job ("title: Associate Professor")."""
    keys = front_matter(spans.text)
    for key in _FRONT_MATTER_AUTHOR_KEYS:
        if key not in keys:
            continue
        shape = _name_shape(keys[key], spans)
        if shape is not None:
            return shape.found
        start, end = keys[key]
        if 2 <= word_count(spans.text[start:end]) <= _MAX_NAME_WORDS + 1:
            return Extracted(spans.text[start:end], start, end, 0.9)
    if "title" not in keys:
        return None
    candidate = _after_document_title(Piece(*keys["title"], line=0, alone=True), spans.text)
    shape = None if candidate is None else _name_shape(candidate, spans)
    return None if shape is None else shape.found


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
        if _COUNTED.search(spans.text, field.start, field.end) or _is_label(field, spans.text):
            continue
        shape = _name_shape(candidate_range, spans)
        # What precedes a title ("Jane Doe Curriculum Vitae") is as often a job ("Music
        # Producer Resume Template"): it holds no place and gets no first line's weight, so a
        # name stated on its own line outranks it.
        before_title = candidate_range[1] != field.end
        if shape is None and before_title:
            continue
        position += not before_title
        if shape is None:
            continue
        following = fields[index + 1 : index + 2]
        score = _support(shape, field, max(position, 1), following, spans, leads=not before_title)
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
    leads: bool = True,
) -> float:
    found = shape.found
    score = _ALONE * field.alone + _FIRST * (leads and position == 1)
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
    """The field, or what follows a document title in it ("Resume of Jane Doe"), or what
    precedes one ("JANE DOE RN Curriculum Vitae": a title set beside the name, its gap lost
    when the page was flattened); None when the field is only a title ("Curriculum Vitae",
    "Editor Resume Template")."""
    if not _has_title_word(text[field.start : field.end]):
        return field.start, field.end
    lead = _TITLE_LEAD.match(text, field.start, field.end)
    title_then_name = (
        lead is not None
        and _has_title_word(lead.group("title"))
        and not _has_title_word(text[lead.end() : field.end])
    )
    if lead is not None and title_then_name:
        return lead.end(), field.end
    return _before_title_tail(field, text)


def _before_title_tail(field: Piece, text: str) -> tuple[int, int] | None:
    """The field up to a run of title words that ends it ("Curriculum Vitae", "- Resume"),
    when something without a title word comes before the run."""
    end = field.end
    words = list(re.finditer(r"\S+", text[field.start : field.end]))
    while words and (
        _has_title_word(words[-1].group()) or not any(c.isalnum() for c in words[-1].group())
    ):
        end = field.start + words.pop().start()
    if not words or end == field.end or _has_title_word(text[field.start : end]):
        return None
    return field.start, field.start + words[-1].end()


def _has_title_word(value: str) -> bool:
    titles = profile_words("document_title")
    return any(word.strip("#*_:|").lower() in titles for word in value.split())


def _name_shape(
    piece: tuple[int, int], spans: SpanIndex, least_words: int = 2
) -> _NameShape | None:
    """The name a field holds when it is shaped like one and no lexicon claims it: its words
    before a comma, an honorific, trailing credentials, masked words ("XXXXX") and a heading
    word the flattened page ran into it ("Jane Doe Education") dropped."""
    text = spans.text
    start, end = piece
    comma = text.find(",", start, end)
    end = comma if comma != -1 and not _surname_first(text, start, comma, end) else end
    honorific = _HONORIFIC.match(text, start, end)
    start = honorific.end() if honorific else start
    words = [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text[start:end])]
    tokens = [text[s:e].strip("*_#,") for s, e in words]
    if len(tokens) == 1 and _CJK_NAME.match(tokens[0]):
        return _NameShape(Extracted(tokens[0], *_inner(text, words[0], tokens[0]), 0.6), False)
    capitals = all(t.isupper() for t in tokens if t.isalpha())
    while len(words) > least_words and _is_credential(tokens[-1], capitals):
        words, tokens = words[:-1], tokens[:-1]
    while len(words) > 1 and _is_tail_word(tokens[-1]):
        words, tokens = words[:-1], tokens[:-1]
    if not least_words <= len(tokens) <= _MAX_NAME_WORDS or not all(
        _NAME_TOKEN.match(t) for t in tokens
    ):
        return None
    lower_case = all(t.islower() for t in tokens)
    if not lower_case and not _capitalized(tokens):
        return None
    not_names = (
        profile_words("document_title")
        | profile_words("heading_word")
        | profile_words("placeholder")
    )
    if any(t.lower() in not_names for t in tokens):
        return None
    begin = _inner(text, words[0], tokens[0])[0]
    finish = _inner(text, words[-1], tokens[-1])[1]
    person = _read_as_person(spans, begin, finish)
    for key in (labels.TITLE_HEADS, labels.ORG_KEYWORDS, labels.SKILLS, labels.DEGREES):
        if spans.within(key, begin, finish) and not (person and key in _NAME_WORD_LEXICONS):
            return None
    places = spans.entities(begin, finish, {"GPE", "LOC"})
    if places and covers(places, begin, finish, 0.5):
        return None
    return _NameShape(Extracted(text[begin:finish], begin, finish, 0.6), lower_case)


_NAME_WORD_LEXICONS = frozenset({labels.SKILLS})
"""Lexicons whose words are many people's names too: "Julia" and "Ruby" are languages.
A field the entity recognizer reads whole as a person is a name all the same, when no other
lexicon claims a word of it: a title's head ("Java *Developer*"), a school's or a firm's word
or a degree still says it is none (the recognizer reads many a title line as a person)."""


def _read_as_person(spans: SpanIndex, start: int, end: int) -> bool:
    """Whether one PERSON entity covers the whole of ``start:end``."""
    return any(
        ent.label_ == "PERSON" and ent.start_char <= start and ent.end_char >= end
        for ent in spans.ents
    )


_SURNAME_FIRST = re.compile(r"[^\W\d_][\w'’-]*,\s+[^\W\d_][\w'’-]*(?:\s+[^\W\d_]\.?)?\s*")


def _surname_first(text: str, start: int, comma: int, end: int) -> bool:
    """ "Smith, John", "Okafor, Ada N.": one word, a comma and a given name (an initial after
    it) are a name written surname first, not a name and what follows it; credentials after
    the comma ("Doe, MBA") are not a given name."""
    if _SURNAME_FIRST.fullmatch(text, start, end) is None or " " in text[start:comma].strip():
        return False
    given = text[comma + 1 : end].split(maxsplit=1)[0]
    return not _is_credential(given, capitals=False) and given.lower() not in _CREDENTIAL_WORDS


_CREDENTIAL_WORDS = profile_words("credential")


_LABEL_END = re.compile(r"[ \t]*[:：]")


def _is_label(field: Piece, text: str) -> bool:
    """A field right before a colon labels the value after it ("Date of Birth:"): a form
    whose labels and values were set in two columns reads label, label, value, value."""
    return _LABEL_END.match(text, field.end) is not None


_MASK = re.compile(r"^(?:X{3,}|x{3,})$")


def _is_tail_word(token: str) -> bool:
    """A word that ends a name's field without being a name's: a mask an anonymized page put
    in ("XXXXX"), or a section heading's word ("Education") run onto the name's line."""
    return bool(_MASK.match(token)) or token.lower() in profile_words("heading_word")


_INITIAL = re.compile(r"[^\W\d_]\.?")


def _is_credential(token: str, capitals: bool) -> bool:
    """Post-nominal letters: by their shape ("PMP", "Ph.D."), or, in a name written in
    capitals, where every word has that shape, only the known ones ("RN", "MBA"). A lone
    initial ("N.") is a middle name's, as in "Okafor, Ada N.", never a credential."""
    if _INITIAL.fullmatch(token):
        return False
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
