"""Employer names written in lower case: "acme gmbh", "foo s.a.", "bar ltd".

A name in lower case reads like a wrapped sentence to ``looks_like_prose`` (lower-case first
word, lower-case content words), and no NER tags it. But a short phrase that *ends* in a
company's legal form names a firm, whatever its case: no sentence or title ends in "gmbh &
co. kg" or "pvt ltd". Only abbreviated legal forms count ("gmbh", "ltd", "s.a.", "llc"): the
spelled-out ones are ordinary words ("corporation", "limited") a clause may end with. The
forms are the organization lexicon's ``legal_form`` entries (``nlp/data/org_keywords.jsonl``),
the same the scorer drops from a name.
"""

from __future__ import annotations

import re

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
