"""A colon inside a name is no label: "Harbour Light: Maps Online", "Quillmark: Data Lab".

A labelled header line says what it holds ("Company: X"), and a label the reader does not know
("Duration:", "Environment:", "Client:") holds nothing a header is made of, so its line is
dropped. But names have colons too: a site, a product or a firm with a subtitle ("X: Y") stands
where the employer does, and dropping the line lost the employer, or with "Founder at X: Y"
the title as well. A label is one or two common words; a name before the colon, with a name
after it, is written as names are: what comes before the colon has two words or more, every
content word on both sides opens in capitals, and after it come a few words without digits.
Such a line is read as any other header line (cut at its separators, its pieces classified).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from resume_etl.nlp import labels
from resume_etl.stages.extract._spans import SpanIndex
from resume_etl.wordlists import builtin_forms

_MIN_NAME_WORDS = 2
"""A one-word label ("Client:", "Minor:") is a label whatever follows it."""
_MAX_VALUE_WORDS = 6
_NOT_IN_A_SUBTITLE = frozenset(",;:")
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z\u00df-\u00ff]{4,}\b")
"""A content word in lower case, inside brackets too ("(selected)"): a label's value, not a
name, holds one."""


def colon_in_name(spans: SpanIndex, before: tuple[int, int], after: Sequence[str]) -> bool:
    """Whether "``before``: ``after``" is one name with a colon in it, not a label and its
    value (see module); ``before`` is where the would-be label stands, ``after`` what follows
    the colon on its line but for its dates, in the pieces the dates leave (one, for a name)."""
    return _name_before_colon(spans, *before) and name_shaped(spans.text[slice(*before)], after)


_AT = re.compile(r"\s+at\s+")
_LABEL_NOUNS = builtin_forms("entry_words.jsonl", "label_noun")


def ends_in_label_noun(text: str) -> bool:
    """Whether ``text`` (what stands before a colon) ends in a word that ends labels ("College
    Name", "Team Size", "Project Type"): a label, never a name or a school's name."""
    words = text.split()
    return bool(words) and words[-1].lower().strip(".") in _LABEL_NOUNS


def _name_before_colon(spans: SpanIndex, start: int, end: int) -> bool:
    """Whether what stands before a colon may be a name's first half: no title is in it, since
    "Senior Manager: Retail Banking" is a title and its unit, and no school, since "Eastfield
    University: Sociology" is a school and what was studied there; in "Founder at X: Y" only
    what follows "at" counts."""
    if ends_in_label_noun(spans.text[start:end]):
        return False
    at = list(_AT.finditer(spans.text, start, end))
    start = at[-1].end() if at else start
    schools = [
        word
        for word in spans.within(labels.ORG_KEYWORDS, start, end)
        if word._.get(labels.CATEGORY_ATTR) == labels.ACADEMIC
    ]
    return not schools and not spans.within(labels.TITLE_HEADS, start, end)


def name_shaped(before: str, after: Sequence[str]) -> bool:
    """Whether the words on both sides of a colon are written as a name's (see module)."""
    label_words = before.split()
    if len(after) != 1:
        return False
    value = after[0].strip()
    value_words = value.split()
    if len(label_words) < _MIN_NAME_WORDS or not value_words:
        return False
    if len(value_words) > _MAX_VALUE_WORDS or not value[0].isupper():
        return False
    if any(char.isdigit() or char in _NOT_IN_A_SUBTITLE for char in value):
        return False
    return label_words[0][0].isupper() and not _LOWER_WORD.search(f"{before} {value}")
