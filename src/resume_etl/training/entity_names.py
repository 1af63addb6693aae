"""Training windows whose employers and schools carry invented names.

The recognizer tuned on the dev résumés learned many employers by their words: a name it has
read is ORG wherever it stands. A name it has never read ("Brindle", "Quillmark") it reads by
its neighbours, and before "Berlin, Germany" the neighbours say place: the first tuned model
read such a name as a place (GPE) in "Brindle, Berlin, Germany" and a partner of "Alder,
Briskett, Corran & Dale" as one. Copies of the training windows in which each capitalised word
of an organization and of a place's part is, by a seeded draw, replaced by a word made of
syllables (no word of any data set) teach the model to read an employer, and a town, by where
it stands, as it must on documents it never saw. The other spans of the window move with the
text; the base model's reading of the copy (the rehearsal teacher) is taken on the copy itself
(``entities.labelled``). One copy per window was tried (docs/entities.md): it mended invented
names before a place and lost on the real dev documents, so the shipped model uses none.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import replace

from resume_etl.training.entity_windows import Spans, Window

_ONSETS = ("b", "br", "c", "d", "dr", "f", "g", "gr", "h", "k", "l", "m", "n", "p", "qu", "r")
_ONSETS_MORE = ("s", "st", "t", "tr", "v", "w", "z", "th", "sh", "ch", "pl", "cl", "fl")
_VOWELS = ("a", "e", "i", "o", "u", "ay", "ee", "oa", "ai", "ou")
_CODAS = ("", "", "n", "r", "l", "s", "x", "ck", "nd", "rt", "ll", "m", "sk", "ton", "ley")
_NAME_WORD = re.compile(r"\b[A-Z][a-z][^\W\d_]*")
"""A capitalised word of a name: the words an invented name replaces (not "&", "of", a code
such as "IBM" or "MI")."""
REPLACED_SHARE = 0.6
"""The chance that each capitalised word of an organization is replaced (at least one is)."""


def invented_word(rng: random.Random) -> str:
    """A capitalised word of two or three syllables that reads like a name and names nothing."""
    onsets = (*_ONSETS, *_ONSETS_MORE)
    syllables = [rng.choice(onsets) + rng.choice(_VOWELS) for _ in range(rng.randint(1, 2))]
    return "".join([*syllables, rng.choice(_CODAS)]).capitalize()


def _renamed(text: str, start: int, end: int, rng: random.Random) -> str:
    """The organization at ``[start, end)`` with some of its capitalised words invented."""
    words = list(_NAME_WORD.finditer(text, start, end))
    if not words:
        return text[start:end]
    chosen = [rng.random() < REPLACED_SHARE for _ in words]
    if not any(chosen):
        chosen[rng.randrange(len(words))] = True
    pieces, cursor = [], start
    for word, replace_it in zip(words, chosen, strict=True):
        pieces.append(text[cursor : word.start()])
        pieces.append(invented_word(rng) if replace_it else word.group())
        cursor = word.end()
    pieces.append(text[cursor:end])
    return "".join(pieces)


def _moved(spans: Spans, edits: Sequence[tuple[int, int, int]]) -> Spans:
    """``spans`` after the edits ``(start, old_end, new_end)`` (in text order) changed lengths;
    a span an edit replaced moves with it, and one that only overlaps a replaced span (a place
    found inside an organization's name) is left out: its words are no longer there."""
    moved = []
    for start, end in dict.fromkeys(spans):
        if any(
            start < old and begin < end and (start, end) != (begin, old) for begin, old, _ in edits
        ):
            continue
        shift_start = sum(new - old for _, old, new in edits if old <= start)
        shift_end = sum(new - old for _, old, new in edits if old <= end)
        moved.append((start + shift_start, end + shift_end))
    return moved


def with_invented_names(window: Window, rng: random.Random) -> Window | None:
    """A copy of ``window`` with its organizations and places renamed (a place's part as an
    organization's words: so an invented town before its region stays a place), or None when
    it names no organization. A span listed twice is renamed once, and one inside or across
    a span renamed before it is not renamed again (the dev half's spans are found by search,
    and a name found twice is one place in the text)."""
    if not window.orgs:
        return None
    text, cursor, parts = window.text, 0, []
    edits: list[tuple[int, int, int]] = []
    # The longest of spans that start together first: an organization over a place in it.
    for start, end in sorted({*window.orgs, *window.places}, key=lambda s: (s[0], -s[1])):
        if start < cursor:
            continue  # inside or across the span renamed before it
        parts.append(text[cursor:start])
        name = _renamed(text, start, end, rng)
        parts.append(name)
        edits.append((start, end, start + len(name)))
        cursor = end
    parts.append(text[cursor:])
    return replace(
        window,
        text="".join(parts),
        orgs=_moved(window.orgs, edits),
        persons=_moved(window.persons, edits),
        places=_moved(window.places, edits),
        not_orgs=_moved(window.not_orgs, edits),
    )


def renamed_copies(windows: Sequence[Window], seed: int, copies: int) -> list[Window]:
    """``copies`` renamed copies of each window that names an organization, seeded."""
    rng = random.Random(f"entity-names:{seed}")
    found = []
    for window in windows:
        for _ in range(copies):
            copy = with_invented_names(window, rng)
            if copy is not None:
                found.append(copy)
    return found
