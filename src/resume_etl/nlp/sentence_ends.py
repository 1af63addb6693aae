"""A metric's sentence within its line, for text the model did not split into sentences.

Each metric asks for its sentence twice (its bounds, and where its bullet's opening word is);
the text's sentence ends are found once per document and each ask is a bisection.
"""

from __future__ import annotations

import bisect
import re

from resume_etl.nlp.metric_surface import WORDS_FILE
from resume_etl.wordlists import builtin_forms

_SENTENCE_END = re.compile(r"[.!?](?<=[a-z0-9%)\]][.!?])(\s+)(?=[A-Z0-9])")
"""A sentence ends at ".", "!" or "?" after a lowercase letter or a number ("by 5%. Led"), so
"U.S. Navy" does not end one; the group is the space after it. The pattern starts with the mark,
a class the regex engine scans for quickly, so a long line without one costs a few nanoseconds
a character (starting with the look-behind, it cost a look-behind at every character)."""
_ABBREVIATIONS = builtin_forms(WORDS_FILE, "abbreviation")
"""Words written with a period that a name or number often follows: "approx. 1.2 million",
"Rs. 850 crore", "Acme Inc. Berlin"."""


class SentenceEnds:
    """Where sentences may end in one text, found in one pass when first asked.

    Each metric asks for its sentence twice (its bounds and its opening word), and each ask
    scanned the line again, up to ``METRIC_REACH`` characters on each side: a line dense with
    numbers paid that scan a thousand times. Here the text is scanned once per document and
    each ask is a bisection plus the few ends next to the metric.
    """

    __slots__ = ("_marks", "_space_ends", "_space_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._marks: list[int] | None = None
        self._space_starts: list[int] = []
        self._space_ends: list[int] = []

    def _scanned(self) -> list[int]:
        if self._marks is None:
            matches = list(_SENTENCE_END.finditer(self.text))
            self._space_starts = [match.start(1) for match in matches]
            self._space_ends = [match.end(1) for match in matches]
            self._marks = [match.start() for match in matches]
        return self._marks

    def bounds(self, line_start: int, line_end: int, start: int) -> tuple[int, int]:
        """The sentence of the line ``[line_start, line_end)`` holding ``start``.

        The same as scanning only the line: an end counts when its mark is in the line (or just
        before it) and its space and the next sentence's first character are in the line.
        """
        marks = self._scanned()
        low = bisect.bisect_left(marks, max(0, line_start - 1))
        high = bisect.bisect_left(marks, line_end)
        sentence_start, sentence_end = line_start, line_end
        after = max(low, bisect.bisect_left(self._space_starts, start))
        for at in range(after, high):
            if self._space_ends[at] >= line_end:
                break
            if not self._abbreviated(line_start, at):
                sentence_end = self._space_starts[at]
                break
        before = min(high, bisect.bisect_right(self._space_ends, start)) - 1
        for at in range(before, low - 1, -1):
            if self._space_ends[at] < line_end and not self._abbreviated(line_start, at):
                sentence_start = self._space_ends[at]
                break
        return sentence_start, sentence_end

    def _abbreviated(self, line_start: int, at: int) -> bool:
        """Whether the word before end ``at`` (within the line) is an abbreviation."""
        space_start = self._space_starts[at]
        word_start = self.text.rfind(" ", line_start, space_start) + 1
        word = self.text[max(word_start, line_start) : space_start - 1]
        return word.lower() in _ABBREVIATIONS
