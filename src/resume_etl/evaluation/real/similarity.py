"""Prose compared as a reader sees it: the same words in the same order, wraps aside.

Both texts become sequences of case-folded words (runs of letters and digits): whitespace,
hard line wraps, bullet marks and punctuation do not count, a word broken or lost does. The
similarity is difflib's ratio over the two word sequences (2 * matched words / all words);
a predicted text is *right* when it reaches :data:`TEXT_MATCH_THRESHOLD`.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

TEXT_MATCH_THRESHOLD = 0.9
"""Least similarity at which a predicted summary or job text counts as the gold text."""

_WORD = re.compile(r"\w+")


def words(text: str | None) -> list[str]:
    return _WORD.findall(text.casefold()) if text else []


def text_similarity(predicted: str | None, gold: str | None) -> float:
    """0..1; two empty texts are equal (1.0), one empty text shares nothing (0.0)."""
    left, right = words(predicted), words(gold)
    if not left and not right:
        return 1.0
    if not left or not right:
        return 0.0
    return SequenceMatcher(None, left, right, autojunk=False).ratio()
