"""Brackets in header pieces: where a cut leaves one unbalanced, and an aside that is no part
of the name before it ("University of X (Kenwick, MI)", "University of X (UX)")."""

from __future__ import annotations

import re

from resume_etl.nlp import labels
from resume_etl.stages.extract._spans import SpanIndex


def before_unclosed(text: str, start: int, end: int) -> int:
    """The end of a piece before an aside it opens and a link's cut leaves unclosed: "Survey
    Scientist (Staff" of "Survey Scientist (Staff at [Name](url))" is the title. (Only where
    markup cut: in plain text an aside left open is as often the rest of a name.)"""
    opening = text.rfind("(", start, end)
    if opening <= start or text.find(")", opening, end) != -1:
        return end
    return start + len(text[start:opening].rstrip())


def balanced_end(piece: str) -> bool:
    """Whether a closing bracket ending ``piece`` closes one it opened: "(Name)" cut after
    its opening bracket leaves "Name)", whose bracket is no part of the name."""
    for opening, closing in ("()", "[]"):
        if piece.endswith(closing) and piece.count(opening) < piece.count(closing):
            return False
    return True


_TRAILING_ASIDE = re.compile(r"\s*\(([^()\n]{2,40})\)\.?$")
CITY_REGION = re.compile(  # "Leeds, UK", "Ann Arbor, MI": a city and its region
    r"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}, (?:[A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)$"
)
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_PLACE_COVER = 0.8


def trailing_aside(spans: SpanIndex, start: int, end: int) -> tuple[int, int, int, bool] | None:
    """A bracketed aside closing the piece ``[start, end)`` that is no part of the name before
    it: a place ("(Kenwick, MI)", "(Madrid)") or the name's own acronym ("(UW)"). Returns
    where the aside opens, where its inside starts and ends, and whether it is a place."""
    text = spans.text
    found = _TRAILING_ASIDE.search(text, start, end)
    if found is None or found.start() <= start:
        return None
    inside = found.group(1).strip()
    inner_start = found.start(1) + (len(found.group(1)) - len(found.group(1).lstrip()))
    inner = (found.start(), inner_start, inner_start + len(inside))
    if _ACRONYM.match(inside) and _names_an_organization(spans, start, found.start(), inside):
        return (*inner, False)
    places = spans.entities(found.start(1), found.end(1), {"GPE", "LOC"})
    covered = sum(place.end_char - place.start_char for place in places)
    if CITY_REGION.match(inside) or covered >= _PLACE_COVER * len(inside):
        return (*inner, True)
    if _town_after_name(spans, start, found.start(), inner[1:]):
        return (*inner, True)
    return None


_TOWN = re.compile(r"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,2}$")


def _town_after_name(
    spans: SpanIndex, start: int, aside_start: int, inside: tuple[int, int]
) -> bool:
    """ "Awesome University (MyTown)", "Quillon Labs (Lakeside)": a short capitalized name in
    brackets after an organization's name (one with an organization word) is its town, as
    pandoc résumés write it, even where the NER knows no such place. Not when the brackets
    hold an organization word, a degree, a title or an employment type of their own, or a
    word of the name before them, or follow a degree (its field)."""
    text = spans.text[inside[0] : inside[1]]
    if not _TOWN.match(text) or text.isupper():  # "(CIESOL)": an acronym, not a town
        return False
    # "Bachelor of Technology (Computer Science)": after a degree, the brackets hold its field.
    named = spans.within(labels.ORG_KEYWORDS, start, aside_start)
    if not named or spans.within(labels.DEGREES, start, aside_start):
        return False
    # "Harlow Media Group (Druckhaus Harlow)": a word of the name again is another name.
    if set(text.split()) & set(spans.text[start:aside_start].split()):
        return False
    kinds = (labels.ORG_KEYWORDS, labels.DEGREES, labels.TITLE_HEADS, labels.EMPLOYMENT_TYPES)
    return not any(spans.within(kind, *inside) for kind in kinds)


def _names_an_organization(spans: SpanIndex, start: int, end: int, acronym: str) -> bool:
    """Whether ``[start, end)`` ends in an organization's name the acronym is short for: it
    holds an organization word and no degree ("Legal Practice Course (LPC)" keeps its
    acronym)."""
    text = spans.text
    last = max(start, text.rfind(",", start, end) + 1)  # "PhD, Physics, Name (N)"
    if _named_by(spans, last, end) and _initials_spell(text[last:end], acronym):
        return True
    # "University of California, San Diego (UCSD)": a name with a comma in it, whose every
    # word's capital the acronym spells, from an earlier comma part on.
    part = last - 1
    while part > start:
        part = max(start, text.rfind(",", start, part) + 1)
        initials = "".join(word[0] for word in text[part:end].split() if word[:1].isupper())
        if initials == acronym and _named_by(spans, part, end):
            return True
        part -= 1
    return False


def _named_by(spans: SpanIndex, start: int, end: int) -> bool:
    """An organization word, and no degree, in ``[start, end)``."""
    return bool(spans.within(labels.ORG_KEYWORDS, start, end)) and not spans.within(
        labels.DEGREES, start, end
    )


def _initials_spell(name: str, acronym: str) -> bool:
    """Whether the capitals opening the name's words hold the acronym's letters in order."""
    initials = iter(word[0] for word in name.split() if word[:1].isupper())
    return all(letter in initials for letter in acronym)
