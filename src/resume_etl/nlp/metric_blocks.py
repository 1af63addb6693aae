"""The bullet or paragraph around a metric, found from per-document line facts.

A metric's subject may not reach past its bullet or paragraph: its lines, hard wraps included,
up to a blank line or the next bullet, within ``reach`` characters on each side. Walked line by
line for each metric, a run of lines with neither a blank line nor a bullet mark (a table, a
list of figures) cost every metric some forty lines each way, three times a metric: 38% of the
CPU of 10 KB of ``metric_lines``. Where a block starts and ends depends only on the lines (a
bullet mark, a blank line), so each line's block head and tail are found once per document and
then clipped to the reach exactly as the walk clipped them (``tests/nlp/test_metric_blocks.py``
holds ``Blocks.bounds`` to the walk).
"""

from __future__ import annotations

import bisect
import re

BLOCK_OPENER = re.compile(r"[ \t]*(?:[-•*▪◦]|\d{1,2}[.)])[ \t]")
"""A line that opens a bullet: a mark ("-", "•", "1.") and a space or tab."""
_NEWLINE = re.compile("\n")


class Blocks:
    """The blocks of one text; lines are read the first time a metric asks, then remembered."""

    def __init__(self, text: str, reach: int) -> None:
        self._text = text
        self._reach = reach
        self._starts: list[int] | None = None
        self._heads: dict[int, int] = {}
        self._tails: dict[int, int] = {}

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """The block around ``[start, end)``: where its first line starts and its last line's
        line break is (the reach's end if none comes before it)."""
        low = max(0, start - self._reach)
        high = min(len(self._text), end + self._reach)
        starts = self._starts if self._starts is not None else self._line_starts()
        return self._block_start(starts, start, low), self._block_end(starts, end, high)

    def _line_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0, *(found.end() for found in _NEWLINE.finditer(self._text))]
        return self._starts

    def _line_end(self, line: int) -> int:
        """Where line ``line`` ends: its line break, or the text's end for the last line."""
        starts = self._line_starts()
        return starts[line + 1] - 1 if line + 1 < len(starts) else len(self._text)

    def _opens(self, line: int) -> bool:
        return BLOCK_OPENER.match(self._text, self._line_starts()[line]) is not None

    def _blank(self, line: int) -> bool:
        return not self._text[self._line_starts()[line] : self._line_end(line)].strip()

    def _block_start(self, starts: list[int], position: int, low: int) -> int:
        line = bisect.bisect_right(starts, position) - 1
        if starts[line] <= low:
            return low  # the line starts before the reach
        head = self._heads.get(line)
        if head is None:
            head = self._head(line)
        if head >= low:
            return head
        # The block runs on before the reach: the walk stopped at the first line inside it,
        # unless the piece of the line before, cut at ``low``, was blank.
        first = bisect.bisect_right(starts, low)
        return starts[first] if not self._text[low : starts[first] - 1].strip() else low

    def _head(self, line: int) -> int:
        """Where the block holding ``line`` starts, the reach aside."""
        visited: list[int] = []
        while line not in self._heads:
            visited.append(line)
            if line == 0 or self._opens(line) or self._blank(line - 1):
                self._heads[line] = self._line_starts()[line]
                break
            line -= 1
        head = self._heads[line]
        self._heads.update(dict.fromkeys(visited, head))
        return head

    def _block_end(self, starts: list[int], position: int, high: int) -> int:
        line = bisect.bisect_right(starts, position) - 1
        if line + 1 == len(starts) or starts[line + 1] - 1 >= high:
            return high  # no line break before the reach's end
        cut = bisect.bisect_right(starts, high, line + 1) - 1  # the line the reach cuts
        before_cut = starts[cut] - 1
        tail = self._tails.get(line)
        if tail is None:
            tail = self._tail(line)
        if tail < before_cut:
            return tail
        # The walk reached the cut line: a piece of it, read as a whole line was.
        piece = self._text[starts[cut] : high]
        return before_cut if not piece.strip() or BLOCK_OPENER.match(piece) else high

    def _tail(self, line: int) -> int:
        """Where the block holding ``line`` ends (the line break of its last line, or the
        text's end), the reach aside."""
        count = len(self._line_starts())
        visited: list[int] = []
        while line not in self._tails:
            visited.append(line)
            if line + 1 == count:
                self._tails[line] = len(self._text)
                break
            if self._blank(line + 1) or self._opens(line + 1):
                self._tails[line] = self._line_end(line)
                break
            line += 1
        tail = self._tails[line]
        self._tails.update(dict.fromkeys(visited, tail))
        return tail
