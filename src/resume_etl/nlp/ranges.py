"""Character ranges that answer "does any of you overlap this?" in O(log n).

Components check each match against the matches of other kinds (a phone inside a URL, a number
inside a date). Scanning a list per match is quadratic on a document of thousands of matches;
a sorted list with a running maximum of ends keeps it ``O(n log n)``.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable


class CharRanges:
    """Half-open ``[start, end)`` ranges, in any order, overlapping or not."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self._starts = [start for start, _ in ordered]
        self._furthest_end = list(itertools.accumulate((end for _, end in ordered), max))

    def overlap(self, start: int, end: int) -> bool:
        """Whether any range shares a character with ``[start, end)``."""
        before_end = bisect.bisect_left(self._starts, end)  # ranges starting before ``end``
        return before_end > 0 and self._furthest_end[before_end - 1] > start

    def contain(self, position: int) -> bool:
        """Whether any range holds the character at ``position``."""
        return self.overlap(position, position + 1)
