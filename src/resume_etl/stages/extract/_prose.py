"""Whether a piece of a header line reads as a sentence, which no employer, title or place is.

Words only, no lexicon: a sentence runs long, writes its content words in lower case, may
start lower case (the wrapped rest of a line) and ends with a full stop after a word. Apart
from ``_pieces.py`` (which classifies a header's pieces by kind) because other readers ask it
too: the header (``_header.py``) and a school's name (``_school_entries.py``).
"""

from __future__ import annotations

import re

from resume_etl.nlp.word_shape import is_lower_content_word
from resume_etl.wordlists import grammar_alternation

_PROSE_MAX_WORDS = 12
_PROSE_MIN_WORDS = 7
_PROSE_LOWER_WORDS = 3
_CLAUSE_START = re.compile(rf"(?:{grammar_alternation('clause_start')})\s")
"""The first word of a wrapped sentence's rest ("and the ..."); no name starts so."""
_VERB_CLAUSE = re.compile(
    rf"[A-Z][a-z]+(?:ed|ing)\s+(?:{grammar_alternation('after_opening_verb')})\s"
)
"""A sentence that opens with a verb and goes on in lower case: a bullet without its mark. A
name or a title with such a first word goes on in capitals ("Engineering and Structural
Consultancy", "Training and Development Manager")."""
_SENTENCE_BREAK = re.compile(r"[a-z\u00df-\u00ff]{3,}\. [A-Z]")
_SENTENCE_END = re.compile(r"(?:^|\s)[a-z\u00df-\u00ff]{3,}[.!?]$")


def looks_like_prose(text: str) -> bool:
    """A sentence or a wrapped piece of one, which no employer, title or place is.

    Names and titles are short and capitalize their content words ("Research Group of
    Applied Physics"); a sentence runs long, writes its content words in lower case, may
    start lower case (the wrapped rest of a line) and ends with a full stop after a word.
    Short lower-case names ("loomwork") stay names: one lower-case word is not prose.
    """
    words = text.split()
    if len(words) > _PROSE_MAX_WORDS or _SENTENCE_END.search(text) or _SENTENCE_BREAK.search(text):
        return True
    lower = [word for word in words if is_lower_content_word(word)]
    if words[0][0].islower() and len(words) >= 3 and (lower or _CLAUSE_START.match(text)):
        return True
    if _VERB_CLAUSE.match(text) and lower:
        return True  # "Reviewed and approved pending designs", "Training and supervising staff"
    # A title in sentence case ("Senior software engineer in test") is short.
    return len(lower) >= _PROSE_LOWER_WORDS and len(words) >= _PROSE_MIN_WORDS
