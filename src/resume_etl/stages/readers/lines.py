"""What layout analysis works on: words with their boxes and fonts, pages, and lines of text.

Plain data, so the layout rules (``layout.py``, ``columns.py``, ``wraps.py``) are tested without
any PDF library.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

_WIDE_GAP = 0.8
"""A gap between words wider than this many font sizes is kept as a tab-like run of spaces."""
CELL_GAP = 1.2
"""A gap wider than this many font sizes separates two cells of a table row, or two chunks of a
row that may belong to different columns."""
BULLET_GLYPH = re.compile(r"^[•●▪■◦‣∙○◆►▸➢✓✔\-–—*+·]$")


@dataclass(frozen=True, slots=True)
class Word:
    """One word on a page: its text, box (points, top-down) and font."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False


def split_at_gaps(words: Sequence[Word], gap: float = CELL_GAP) -> list[list[Word]]:
    """Words left to right, cut where two are further apart than ``gap`` font sizes (of the
    larger of the two): a table row's cells, or a row's chunks before columns are known."""
    found: list[list[Word]] = [[words[0]]]
    for before, word in pairwise(words):
        if word.x0 - before.x1 > gap * max(word.size, before.size):
            found.append([word])
        else:
            found[-1].append(word)
    return found


class WordRun:
    """Words set left to right on one row; where they start and end.

    The one home of the horizontal extent that lines (``TextLine``) and the pieces of a row
    looked at for columns (``columns.Chunk``) both need.
    """

    __slots__ = ()
    words: Sequence[Word]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1


@dataclass(frozen=True, slots=True)
class PageWords:
    width: float
    height: float
    words: tuple[Word, ...]


@dataclass(slots=True)
class TextLine(WordRun):
    """Words of one row inside one column, left to right."""

    words: list[Word]
    heading_level: int = 0
    table_row: bool = False

    @property
    def top(self) -> float:
        return min(word.top for word in self.words)

    @property
    def bottom(self) -> float:
        return max(word.bottom for word in self.words)

    @property
    def size(self) -> float:
        return max(word.size for word in self.words)

    @property
    def text_start(self) -> float:
        """Where the text starts after a bullet glyph: a wrapped bullet's lines align there."""
        if len(self.words) > 1 and BULLET_GLYPH.match(self.words[0].text):
            return self.words[1].x0
        return self.x0

    def cells(self) -> list[list[Word]]:
        """The line cut at its wide gaps: a table row's cells."""
        return split_at_gaps(self.words)

    def text(self) -> str:
        if self.table_row:
            cells = (" ".join(word.text for word in cell) for cell in self.cells())
            return "| " + " | ".join(cells) + " |"
        parts = [self.words[0].text]
        for before, word in zip(self.words, self.words[1:], strict=False):
            wide = word.x0 - before.x1 > _WIDE_GAP * max(word.size, before.size)
            parts.append("    " if wide else " ")
            parts.append(word.text)
        return "".join(parts)
