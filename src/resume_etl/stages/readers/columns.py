"""Columns on a page: find the gutter between two columns, and read them one after the other.

A gutter is a vertical strip of the page, away from its edges, that (almost) no row's text
crosses, with a left-aligned column of text after it that runs on its own: rows with text on
the right and none on the left. That last test tells a two-column page from a one-column page
whose dates are set flush right ("Engineer ........ 2019 - 2021"): those dates always share
their row with a title.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from resume_etl.stages.readers.lines import Word, WordRun, split_at_gaps

_SEARCH_FROM, _SEARCH_TO = 0.12, 0.88
"""Where on the page (share of its width) a gutter may lie."""
_MIN_GUTTER = 8.0
"""Narrowest gutter, in points."""
_MAX_CROSSING = 0.2
"""Share of the rows allowed to cross the gutter (a name or contact line set full width)."""
_MIN_COLUMN_ROWS = 3
_MIN_OWN_ROWS = 2
"""Rows with text right of the gutter and none left of it, for the right side to be a column."""
_ALIGNED_SHARE = 0.5
"""Share of right-side rows that must start at one x position (a left-aligned column)."""
_START_TOLERANCE = 3.0
"""Points by which a line may start off its column's left edge and still start there."""
_HEADING_RATIO = 1.15
"""Letters this much larger than the page's body text are a heading's (as in ``layout``)."""


@dataclass(slots=True)
class Row:
    """Words on one baseline band of a page, left to right."""

    words: list[Word]
    top: float
    bottom: float


@dataclass(frozen=True, slots=True)
class Chunk(WordRun):
    """Words of a row with no wide gap between them."""

    words: tuple[Word, ...]


def chunks(row: Row) -> list[Chunk]:
    """A row split where the gap between two words is wider than a few spaces."""
    return [Chunk(tuple(words)) for words in split_at_gaps(row.words)]


def find_gutter(rows: Sequence[Row], width: float) -> tuple[float, float] | None:
    """The strip ``(left, right)`` between two columns, or None for a one-column page."""
    if len(rows) < 2 * _MIN_COLUMN_ROWS or width <= 0:
        return None
    row_chunks = [chunks(row) for row in rows]
    # A résumé's header (name, title, contact lines) runs full width above the columns; the
    # columns are looked for below it, from the first row set in more than one piece.
    first_split = next((i for i, found in enumerate(row_chunks) if len(found) > 1), 0)
    for start in dict.fromkeys((0, first_split)):
        below = row_chunks[start:]
        for gutter in _empty_strips(below, width, len(below)):
            if _is_column_gutter(below, gutter):
                return gutter
    return None


def _empty_strips(
    row_chunks: list[list[Chunk]], width: float, row_count: int
) -> list[tuple[float, float]]:
    """Vertical strips few rows cross, widest first."""
    coverage = [0] * (int(width) + 2)
    for found in row_chunks:
        for chunk in found:
            for x in range(max(0, int(chunk.x0)), min(len(coverage), int(chunk.x1) + 1)):
                coverage[x] += 1
    allowed = max(1, int(row_count * _MAX_CROSSING))
    strips: list[tuple[float, float]] = []
    start: int | None = None
    for x in range(int(width * _SEARCH_FROM), int(width * _SEARCH_TO) + 1):
        if coverage[x] <= allowed:
            start = x if start is None else start
            continue
        if start is not None and x - start >= _MIN_GUTTER:
            strips.append(_deepest(coverage, start, x))
        start = None
    return sorted(strips, key=lambda strip: strip[0] - strip[1])


def _deepest(coverage: list[int], start: int, end: int) -> tuple[float, float]:
    """The widest part of a strip that the fewest rows cross: the gutter proper, without the
    ends of the left column's longer lines that reach into the strip."""
    fewest = min(coverage[start:end])
    best = (start, start)
    run_start: int | None = None
    for x in range(start, end + 1):
        if x < end and coverage[x] == fewest:
            run_start = x if run_start is None else run_start
        elif run_start is not None:
            if x - run_start > best[1] - best[0]:
                best = (run_start, x)
            run_start = None
    if best[1] - best[0] < _MIN_GUTTER / 2:
        return float(start), float(end)
    return float(best[0]), float(best[1])


def _is_column_gutter(row_chunks: list[list[Chunk]], gutter: tuple[float, float]) -> bool:
    left_edge, right_edge = gutter
    left_rows = right_rows = own_right_rows = 0
    right_starts: Counter[int] = Counter()
    for found in row_chunks:
        left = [c for c in found if c.x1 <= left_edge + 1]
        right = [c for c in found if c.x0 >= right_edge - 1]
        if len(left) + len(right) < len(found):
            continue  # the row crosses the gutter: a full-width line
        left_rows += bool(left)
        if right:
            right_rows += 1
            own_right_rows += not left
            right_starts[round(right[0].x0 / 2)] += 1
    if own_right_rows < _MIN_OWN_ROWS or right_rows < _MIN_COLUMN_ROWS:
        return False
    if left_rows < _MIN_COLUMN_ROWS and not (
        left_rows and _headings_side_by_side(row_chunks, gutter)
    ):
        return False
    return right_starts.most_common(1)[0][1] >= _ALIGNED_SHARE * right_rows


def _headings_side_by_side(row_chunks: list[list[Chunk]], gutter: tuple[float, float]) -> bool:
    """Whether a row holds a heading on each side of the gutter (both set larger than most of
    the page's text): two sections opening level with each other are two columns, however
    short the left one is (a sidebar of one or two lines); a one-column page never sets two
    headings on one row."""
    sizes = Counter(round(w.size * 2) / 2 for found in row_chunks for c in found for w in c.words)
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    for found in row_chunks:
        left = [c for c in found if c.x1 <= gutter[0] + 1]
        right = [c for c in found if c.x0 >= gutter[1] - 1]
        beside = bool(left and right) and len(left) + len(right) == len(found)
        if beside and min(_chunk_size(left[0]), _chunk_size(right[0])) >= body * _HEADING_RATIO:
            return True
    return False


def _chunk_size(chunk: Chunk) -> float:
    return min(word.size for word in chunk.words)


class Side(StrEnum):
    """Where on the page a block of lines sits: across the page, or in one of two columns."""

    FULL = "full"
    LEFT = "left"
    RIGHT = "right"


@dataclass(slots=True)
class ColumnBlock:
    """Lines read one after the other, and the part of the page they sit in (its right edge is
    where a line of that column wraps)."""

    lines: list[list[Word]]
    side: Side


def reading_blocks(rows: Sequence[Row], gutter: tuple[float, float]) -> list[ColumnBlock]:
    """Rows regrouped in reading order as blocks of lines: full-width rows (and a header laid
    out in fields above the columns) stay in place as blocks, and the rows between them are
    read as the left column's block, then the right's."""
    blocks: list[ColumnBlock] = []
    pending = {side: ColumnBlock([], side) for side in Side}
    header = _header_rows(rows, gutter)
    for index, row in enumerate(rows):
        left, right = _sides(row, gutter)
        left_words = [word for chunk in left for word in chunk.words]
        right_words = [word for chunk in right for word in chunk.words]
        if index in header or len(left_words) + len(right_words) < len(row.words):
            _flush(blocks, pending, Side.LEFT, Side.RIGHT)
            pending[Side.FULL].lines.append(list(row.words))
            continue
        _flush(blocks, pending, Side.FULL)
        if left_words:
            pending[Side.LEFT].lines.append(left_words)
        if right_words:
            pending[Side.RIGHT].lines.append(right_words)
    _flush(blocks, pending, Side.FULL, Side.LEFT, Side.RIGHT)
    return blocks


def _header_rows(rows: Sequence[Row], gutter: tuple[float, float]) -> set[int]:
    """Rows above the right column's first line that hold text on both sides of the gutter,
    the right side not starting where the column starts: a header laid out in fields ("Name
    ...... Title | City", "Degree ...... e-mail"), read across the page, not split between
    the columns."""
    sides = [_sides(row, gutter) for row in rows]
    starts = Counter(round(right[0].x0 / 2) for _, right in sides if right)
    if not starts:
        return set()
    column_start = 2 * starts.most_common(1)[0][0]
    header: set[int] = set()
    for index, (left, right) in enumerate(sides):
        if right and abs(right[0].x0 - column_start) <= _START_TOLERANCE:
            break
        if left and right:
            header.add(index)
    return header


def _sides(row: Row, gutter: tuple[float, float]) -> tuple[list[Chunk], list[Chunk]]:
    """A row's chunks in the left column and in the right one. The gutter found is the part
    of the strip the fewest rows cross, so the left column's longest lines may reach into it:
    a chunk that ends before the right column starts is the left column's."""
    found = chunks(row)
    right = [c for c in found if c.x0 >= gutter[1] - 1]
    return [c for c in found if c.x1 < gutter[1] - 1], right


def _flush(blocks: list[ColumnBlock], pending: dict[Side, ColumnBlock], *sides: Side) -> None:
    """Move the pending lines of ``sides`` into blocks, in the order given, and empty them."""
    for side in sides:
        if pending[side].lines:
            blocks.append(ColumnBlock(pending[side].lines.copy(), side))
            pending[side].lines.clear()
