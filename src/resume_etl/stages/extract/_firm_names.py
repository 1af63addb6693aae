"""Employer names written in lower case: "acme gmbh", "foo s.a.", "bar ltd".

A name in lower case reads like a wrapped sentence to ``looks_like_prose`` (lower-case first
word, lower-case content words), and no NER tags it. But a short phrase that *ends* in a
company's legal form names a firm, whatever its case: no sentence or title ends in "gmbh &
co. kg" or "pvt ltd". Only abbreviated legal forms count ("gmbh", "ltd", "s.a.", "llc"): the
spelled-out ones are ordinary words ("corporation", "limited") a clause may end with. The
forms are the organization lexicon's ``legal_form`` entries (``nlp/data/org_keywords.jsonl``),
the same the scorer drops from a name.

A firm named after its partners lists their surnames, the last two joined by "&" ("Alder,
Briskett, Corran & Dale"): its commas are no breaks between pieces (``partners_joined``).

A trade word of that lexicon ("Software", "Consulting") heads a firm's name only where it
closes the name ("Brook Software"); with a word after it, it qualifies that word, as in a
title ("Software Testing").
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from resume_etl.nlp import labels
from resume_etl.stages.extract._spans import SpanIndex
from resume_etl.wordlists import alternation, builtin_lexicon

ORG_KEYWORDS_FILE = "org_keywords.jsonl"
LEGAL_FORM = "legal_form"
_MAX_SPELLED = 4
"""A legal form of one alphabetic word longer than this is spelled out ("limited")."""
_MAX_NAME_WORDS = 6


def _abbreviated(form: str) -> bool:
    return not (form.isalpha() and len(form) > _MAX_SPELLED) and " " not in form.strip(" .")


def _lower_case_forms() -> list[str]:
    forms = {
        form.lower()
        for entry in builtin_lexicon(ORG_KEYWORDS_FILE)
        if entry.category == LEGAL_FORM and not entry.case_sensitive
        for form in entry.forms
    }
    # A form of several words counts when each of its words is an abbreviation ("pvt ltd",
    # "gmbh & co. kg"), not when one is spelled out ("private limited").
    return sorted(form for form in forms if all(_abbreviated(word) for word in form.split()))


_LEGAL_FORM_END = re.compile(rf"\s(?:{alternation(_lower_case_forms())})$")


def names_a_firm(text: str) -> bool:
    """A short phrase of two words or more whose last words are a legal form: a firm's name
    in any case ("planetline gmbh & co. kg", "Norte Datos S.L.")."""
    words = text.split()
    return 2 <= len(words) <= _MAX_NAME_WORDS and bool(_LEGAL_FORM_END.search(text.lower()))


_INDUSTRY = "company"
"""The category of org keywords that name a trade ("Software", "Consulting"): a firm's head
word when it closes the name, a modifier when a word follows ("Software Testing")."""
_NAME_WORD = re.compile(r"[^\W\d_][\w&.'-]*")


def is_trade_word(word: Span) -> bool:
    """An organization word that names a trade ("Software", "Consulting")."""
    return bool(word._.get(labels.CATEGORY_ATTR) == _INDUSTRY)


def trade_word_modifies(spans: SpanIndex, span: Span, head_end: int) -> bool:
    """A trade word with another word after it in the phrase's head, one no org keyword
    covers: "Software" of "Quality Lead Software Testing" or "Software Delivery Manager"
    qualifies what follows and is no firm's head ("Brook Software GmbH" ends in a legal
    form, which is a keyword)."""
    if not is_trade_word(span):
        return False
    after = [
        found.start_char
        for found in spans.within(labels.ORG_KEYWORDS, span.end_char, head_end)
        if found.start_char >= span.end_char
    ]
    stop = min(after, default=head_end)
    return _NAME_WORD.search(spans.text, span.end_char, stop) is not None


_SURNAME = re.compile(r"[A-Z][a-z]+(?:['-][A-Z]?[a-z]+)?")
_LAST_PARTNERS = re.compile(rf"{_SURNAME.pattern}(?: {_SURNAME.pattern})?\s+&\s+{_SURNAME.pattern}")


def partners_joined(
    text: str,
    parts: list[tuple[int, int]],
    claimed: frozenset[tuple[int, int]] = frozenset(),
) -> list[tuple[int, int]]:
    """Comma parts of a line with a firm's list of partners joined into one ("Alder",
    "Briskett", "Corran & Dale" are "Alder, Briskett, Corran & Dale"): single surnames,
    then a part that joins the last two by "&". A list that runs on after the partners (a
    legal form, a town) keeps those parts. A ``claimed`` part (one a lexicon or the entity
    recognizer reads as a title, a trade, a department or a place: "Coordinator, Marketing &
    Communications", "Leeds, Sales & Marketing") is no partner."""
    for index, (start, end) in enumerate(parts):
        if index == 0 or (start, end) in claimed or not _LAST_PARTNERS.fullmatch(text, start, end):
            continue
        lead = index
        while (
            lead > 0
            and parts[lead - 1] not in claimed
            and _SURNAME.fullmatch(text, *parts[lead - 1])
        ):
            lead -= 1
        if lead < index:
            joined = (parts[lead][0], end)
            rest = partners_joined(text, parts[index + 1 :], claimed)
            return [*parts[:lead], joined, *rest]
    return parts
