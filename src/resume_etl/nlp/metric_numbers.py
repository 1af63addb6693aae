"""Which numbers of a text the metric finder reads, and which need no look at their tokens.

A text of figures (a table, a data dump) holds a number every few bytes, and each number read
costs its expression, its noun and, as a metric, its sentence and its row. The caps here bound
that per line and per stretch of a document's length; ``no_word_after`` answers the commonest
question about a bare number (does a noun follow it?) from the text alone.
"""

from __future__ import annotations

import re

from resume_etl.nlp.metric_expression import EXPRESSION, Expression, alternation, read_expression
from resume_etl.nlp.metric_surface import COUNTING_WORDS

CAP_CHARS = 10_000
"""Characters a document's caps are counted over. A text up to this long reads at most
``MAX_NUMBERS`` numbers and ``metrics.MAX_METRICS`` metrics; a longer one as many for each
``CAP_CHARS`` characters of its length (``cap_for``), so a large document reads its figures at
the density a small one does. Caps per document made 10 KB of bullets cost 2.4 times 5 MB per
MB: the small document read its every metric, the large one its first thousand (issue 17's
"time per MB flat")."""
MAX_NUMBERS = 10_000
"""Numbers read per ``CAP_CHARS`` of text as candidate metrics (years, phone digits and dates
among them), twenty times the metrics read (``metrics.MAX_METRICS``)."""
NUMBERS_CEILING = 1_000_000
"""Numbers read in any one document, whatever its length: what a text of the default
``ingest.max_chars`` (a million characters) may read, so that a longer one (the limit raised)
holds no more of them in memory."""
MAX_NUMBERS_PER_LINE = 100
"""Numbers read per line; the rest of a line past them is not scanned. The densest line of the
real résumés holds 35 (a collapsed text once its line breaks are restored), a bullet a few; a
line of a thousand figures is a table or a dump, and reading each of them (its expression, its
noun, its sentence) made a 10 KB line of numbers cost eight times a 5 MB one per MB, whose
numbers the per-document caps had stopped reading."""


def cap_for(per_stretch: int, length: int, ceiling: int) -> int:
    """A cap of ``per_stretch`` for each ``CAP_CHARS`` characters of a text of ``length``
    (``per_stretch`` for a text up to ``CAP_CHARS`` long), at most ``ceiling``."""
    return min(ceiling, max(per_stretch, per_stretch * length // CAP_CHARS))


def read_numbers(text: str) -> tuple[list[Expression], bool]:
    """The numbers of ``text`` read as candidate metrics, in text order, and whether a cap left
    some unread: ``MAX_NUMBERS_PER_LINE`` a line, ``MAX_NUMBERS`` per ``CAP_CHARS`` of the
    text's length in all (``cap_for``)."""
    found: list[Expression] = []
    cap = cap_for(MAX_NUMBERS, len(text), NUMBERS_CEILING)
    capped = False
    at, line_end, on_line = 0, -1, 0
    while (match := EXPRESSION.search(text, at)) is not None:
        if len(found) == cap:
            return found, True
        if match.start() > line_end:  # the first number of a line
            newline = text.find("\n", match.start())
            line_end, on_line = len(text) if newline == -1 else newline, 0
        if on_line == MAX_NUMBERS_PER_LINE:
            capped, at = True, line_end + 1  # the rest of the line is skipped, not scanned
            continue
        on_line += 1
        at = max(match.end(), match.start() + 1)
        if (expression := read_expression(match)) is not None:
            found.append(expression)
    return found, capped


_CHUNK = re.compile(r"\S{0,32}(?=\s|\Z)")
"""The characters up to the next whitespace, when there are at most 32 of them."""
_LETTER = re.compile(r"[^\W\d_]")


def no_word_after(text: str, end: int) -> bool:
    """Whether the token after a number ending at ``end`` surely holds no letter, so no noun
    can follow it: the text or the line ends there, or one space comes before a chunk (to the
    next whitespace) without a letter ("4200 17 98.6"). Then the tokens need not be looked up,
    which was most of the cost of a line of figures. False when unsure."""
    if end >= len(text) or text[end] == "\n":
        return True
    if text[end] != " ":
        return False
    chunk = _CHUNK.match(text, end + 1)
    return chunk is not None and _LETTER.search(chunk.group()) is None


SPELLED_NUMBER = re.compile(rf"\b(?:{alternation(COUNTING_WORDS)})\b", re.IGNORECASE)
"""A spelled-out count ("three", "Twelve") as a whole word."""


def folded(text: str) -> str:
    """``text`` with each character ``IGNORECASE`` matches with an ASCII letter written as that
    letter in lower case, one character for one (positions stay positions in ``text``).

    Those are the ASCII letters and four others, which Python's ``re`` documentation names:
    "İ" and "ı" (i), "ſ" (s) and the Kelvin sign (k). ``str.lower`` writes the Kelvin sign as
    "k" and keeps every character one character long except "İ", replaced first; "ı" and "ſ"
    are lower case already and are replaced after it (``tests/nlp/test_metrics.py`` checks all
    of this for every code point)."""
    if text.isascii():
        return text.lower()
    lower = text.replace("\u0130", "i").lower()
    return lower.replace("\u0131", "i").replace("\u017f", "s")


def spelled_numbers(text: str) -> list[tuple[int, int]]:
    """Where ``SPELLED_NUMBER`` matches in ``text``, as ``finditer`` finds them.

    The regex tries each character of the text (its case-insensitive words give the regex
    engine no first character to skip to), about 0.2 µs each: 2 ms for 10 KB, paid again by
    every small document. A match starts only where one of its (ASCII) words occurs in the text
    folded as ``IGNORECASE`` folds it (``folded``), which ``str.find`` locates in a fraction of
    that; the regex is then tried at those places only. Before, only ASCII text took this path
    and any other (a bullet "•", an "é") was scanned whole by the regex.
    """
    lower = folded(text)
    starts: set[int] = set()
    for word in COUNTING_WORDS:
        at = lower.find(word)
        while at != -1:
            starts.add(at)
            at = lower.find(word, at + 1)
    found: list[tuple[int, int]] = []
    for start in sorted(starts):
        if found and start < found[-1][1]:
            continue  # inside the match before, which ``finditer`` would not try again
        if (match := SPELLED_NUMBER.match(text, start)) is not None:
            found.append(match.span())
    return found
