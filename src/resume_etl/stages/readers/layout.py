"""Positioned words into reading-order text: rows, columns, page furniture, wraps, headings.

Works on plain data (``Word``, ``PageWords``) so it is tested without any PDF library. The text
it writes is what the segmenter already reads: a heading set in a larger font becomes a markdown
``#`` heading (one ``#`` per size rank), a paragraph or bullet hard-wrapped by the page becomes
one line again, columns are read one after the other with a blank line between them, and
running headers, footers and page numbers are left out. Each of these is counted in the repairs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from resume_etl.stages.readers.columns import Row, find_gutter, reading_blocks

_FURNITURE_BAND = 0.08
"""Share of the page height at the top and the bottom where headers and footers sit."""
_PAGE_NUMBER = re.compile(
    r"^\W{0,3}(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\W{0,3}$|\bpage\s+\d{1,3}"
    r"(?:\s+of\s+\d{1,3})?\s*$",
    re.IGNORECASE,
)
_HEADING_RATIO = 1.15
"""A line whose letters are this much larger than the body text is a heading."""
_MAX_HEADING_WORDS = 12
_MAX_HEADING_LEVEL = 3
_WIDE_GAP = 0.8
"""A gap between words wider than this many font sizes is kept as a tab-like run of spaces."""
_CELL_GAP = 1.2
"""A gap wider than this many font sizes separates two cells of a table row."""
_MIN_TABLE_CELLS = 3
_MIN_TABLE_ROWS = 2
_PARAGRAPH_GAP = 0.4
"""A gap above a line wider than the usual one by this many font sizes is a blank line."""
_BULLET_START = re.compile(r"^(?:[•●▪■◦‣∙○◆►▸➢✓✔\-–—*+·]|\d{1,2}[.)])(?:\s|$)|^[•●▪■◦‣∙○◆►▸➢✓✔]")
_BULLET_GLYPH = re.compile(r"^[•●▪■◦‣∙○◆►▸➢✓✔\-–—*+·]$")


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


@dataclass(frozen=True, slots=True)
class PageWords:
    width: float
    height: float
    words: tuple[Word, ...]


@dataclass(slots=True)
class TextLine:
    """Words of one row inside one column, left to right."""

    words: list[Word]
    heading_level: int = 0
    table_row: bool = False

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

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
        if len(self.words) > 1 and _BULLET_GLYPH.match(self.words[0].text):
            return self.words[1].x0
        return self.x0

    def cells(self) -> list[list[Word]]:
        """The line cut at its wide gaps: a table row's cells."""
        found: list[list[Word]] = [[self.words[0]]]
        for before, word in zip(self.words, self.words[1:], strict=False):
            if word.x0 - before.x1 > _CELL_GAP * max(word.size, before.size):
                found.append([word])
            else:
                found[-1].append(word)
        return found

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


@dataclass(slots=True)
class LayoutReport:
    """What layout analysis changed, for ``documents.repairs``."""

    column_pages: int = 0
    furniture_lines: int = 0
    joined_lines: int = 0
    headings: int = 0
    counts: Counter[str] = field(default_factory=Counter)

    def repairs(self) -> tuple[str, ...]:
        named = (
            ("layout:columns", self.column_pages),
            ("layout:page_furniture", self.furniture_lines),
            ("layout:joined_wrapped_lines", self.joined_lines),
            ("layout:headings", self.headings),
        )
        return tuple(f"{name}:{count}" for name, count in named if count)


def group_rows(words: Sequence[Word]) -> list[Row]:
    """Words sharing a baseline band, top to bottom, each row left to right."""
    rows: list[Row] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        middle = (word.top + word.bottom) / 2
        row = rows[-1] if rows else None
        if row is not None and row.top <= middle <= row.bottom:
            row.words.append(word)
            row.bottom = max(row.bottom, word.bottom)
        else:
            rows.append(Row([word], word.top, word.bottom))
    for row in rows:
        row.words.sort(key=lambda w: w.x0)
    return rows


def _row_key(row: Row) -> str:
    text = " ".join(word.text for word in row.words)
    return re.sub(r"\d+", "#", text.lower()).strip()


def drop_furniture(pages: list[list[Row]], heights: list[float]) -> tuple[list[list[Row]], int]:
    """Page numbers, and rows in the top or bottom band of a page that repeat a row of another
    page, removed. The first page a repeated row appears on keeps it: a running header is often
    the name the first page shows as its title.
    """
    in_band = [
        [_in_margin_band(row, height) for row in rows]
        for rows, height in zip(pages, heights, strict=True)
    ]
    pages_with: Counter[str] = Counter()
    for rows in pages:
        pages_with.update({_row_key(row) for row in rows})
    seen: set[str] = set()
    kept_pages: list[list[Row]] = []
    dropped = 0
    for rows, bands in zip(pages, in_band, strict=True):
        kept: list[Row] = []
        for row, band in zip(rows, bands, strict=True):
            key = _row_key(row)
            text = " ".join(word.text for word in row.words)
            repeated = pages_with[key] > 1 and key in seen
            if band and (_PAGE_NUMBER.search(text) or repeated):
                dropped += 1
                continue
            seen.add(key)
            kept.append(row)
        kept_pages.append(kept)
    return kept_pages, dropped


def _in_margin_band(row: Row, height: float) -> bool:
    return row.bottom <= height * _FURNITURE_BAND or row.top >= height * (1 - _FURNITURE_BAND)


def page_blocks(rows: list[Row], width: float, report: LayoutReport) -> list[list[TextLine]]:
    """A page's rows as blocks in reading order: full-width rows in place, and where two
    columns run side by side, the left column's lines and then the right column's."""
    gutter = find_gutter(rows, width)
    if gutter is None:
        return [[TextLine(row.words) for row in rows]] if rows else []
    report.column_pages += 1
    return [[TextLine(words) for words in block] for block in reading_blocks(rows, gutter)]


def body_size(pages: Sequence[PageWords]) -> float:
    """The font size most of the text is set in (weighted by characters)."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for word in page.words:
            sizes[round(word.size * 2) / 2] += len(word.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def mark_headings(blocks: list[list[TextLine]], body: float, report: LayoutReport) -> None:
    """Short lines set larger than the body text are headings, ranked by size: the largest
    size is level 1 (``#``), the next level 2, and the rest level 3."""
    candidates = [
        line
        for block in blocks
        for line in block
        if line.size >= body * _HEADING_RATIO and len(line.words) <= _MAX_HEADING_WORDS
    ]
    ranks = sorted({round(line.size * 2) / 2 for line in candidates}, reverse=True)
    for line in candidates:
        rank = ranks.index(round(line.size * 2) / 2)
        line.heading_level = min(rank + 1, _MAX_HEADING_LEVEL)
    report.headings += len(candidates)


def mark_tables(block: list[TextLine]) -> None:
    """Runs of lines cut into three or more cells at the same places are a table, written as
    ``| a | b | c |`` rows the segmenter reads row by row. Two cells ("Engineer    2019")
    are left as text: that is a title and its date as often as a table."""
    run: list[TextLine] = []
    for line in [*block, None]:
        starts = _cell_starts(line) if line is not None else []
        if run and (len(starts) < _MIN_TABLE_CELLS or not _aligned(starts, _cell_starts(run[0]))):
            if len(run) >= _MIN_TABLE_ROWS:
                for row in run:
                    row.table_row = True
            run = []
        if line is not None and len(starts) >= _MIN_TABLE_CELLS:
            run.append(line)


def _cell_starts(line: TextLine) -> list[float]:
    return [cell[0].x0 for cell in line.cells()]


def _aligned(starts: list[float], first: list[float]) -> bool:
    return all(any(abs(x - y) <= 3 for y in first) for x in starts)


def join_wrapped(block: list[TextLine], usual_gap: float, report: LayoutReport) -> list[TextLine]:
    """Lines a full line of the column wrapped onto the next joined back into one.

    A line is a wrap of the one above when the one above reaches so near the column's right
    edge that this line's first word would not have fitted after it, it starts where the text
    above starts (a bullet's text, not its glyph), in the same size, with no gap between. A
    narrow column (a sidebar) leaves so little room at a line's end that this cannot tell a
    wrap from a list of lines ("PhD, Leeds, 2016" then "MChem, York, 2012"), so there the words
    must say so too: a bullet's hanging indent, a line starting in lower case, or a line above
    that ends on a comma or another mark that leaves it open.
    """
    if not block:
        return block
    right_edge = max(line.x1 for line in block)
    width = right_edge - min(line.x0 for line in block)
    joined: list[TextLine] = [block[0]]
    start_of_text = block[0].text_start
    for line in block[1:]:
        above = joined[-1]
        fits = _continues(above, line, right_edge, start_of_text, usual_gap)
        wide = width >= _WIDE_COLUMN * line.size
        heading = above.heading_level > 0
        if fits and (heading or wide or start_of_text > above.x0 + 1 or _reads_on(above, line)):
            above.words.extend(line.words)
            report.joined_lines += 1
            continue
        joined.append(line)
        start_of_text = line.text_start
    return joined


_WIDE_COLUMN = 25
"""A column this many font sizes wide or wider has room enough for the page to tell a wrap."""
_OPEN_LINE_END = re.compile(r"[,;:&/(\[+-]$")


_LABEL = re.compile(r"^[A-Z][\w.&/' -]{0,30}:(?:\s|$)")
"""A line opening with a label ("Company: ...") is a field of its own, never a wrap."""


def _same_heading(above: TextLine, line: TextLine, usual_gap: float) -> bool:
    """A heading too long for its column, wrapped onto a second line of the same size."""
    return (
        above.heading_level == line.heading_level
        and abs(above.size - line.size) <= 0.5
        and line.top - above.bottom <= usual_gap + _PARAGRAPH_GAP * line.size
    )


def _reads_on(above: TextLine, line: TextLine) -> bool:
    first = line.words[0].text[:1]
    return first.islower() or _OPEN_LINE_END.search(above.words[-1].text) is not None


def _continues(
    above: TextLine, line: TextLine, right_edge: float, start_of_text: float, usual_gap: float
) -> bool:
    if above.heading_level or line.heading_level:
        return _same_heading(above, line, usual_gap)
    if _BULLET_START.match(line.words[0].text) or _LABEL.match(line.text()):
        return False
    if above.table_row or line.table_row or len(above.cells()) > 1 or len(line.cells()) > 1:
        return False  # a line with a wide gap is laid out in fields, not wrapped prose
    size = max(above.size, line.size)
    gap = line.top - above.bottom
    if abs(above.size - line.size) > 0.5 or gap > usual_gap + _PARAGRAPH_GAP * size:
        return False
    if abs(line.x0 - start_of_text) > size * 0.3:
        return False
    first_word = line.words[0]
    space = size * 0.3
    return above.x1 + space + (first_word.x1 - first_word.x0) > right_edge


def line_gap(blocks: Sequence[list[TextLine]]) -> float:
    """The usual space between two lines of one paragraph: the median gap in the document."""
    gaps = sorted(
        below.top - above.bottom
        for block in blocks
        for above, below in pairwise(block)
        if below.top > above.bottom
    )
    return gaps[len(gaps) // 2] if gaps else 0.0


def block_text(block: list[TextLine], usual_gap: float) -> list[str]:
    """A block's lines as text, with blank lines where the page left a paragraph gap."""
    lines: list[str] = []
    previous: TextLine | None = None
    for line in block:
        gap = (
            previous is not None
            and not (previous.table_row and line.table_row)
            and line.top - previous.bottom > usual_gap + _PARAGRAPH_GAP * line.size
        )
        if lines and (gap or line.heading_level):
            lines.append("")
        text = line.text()
        lines.append(f"{'#' * line.heading_level} {text}" if line.heading_level else text)
        previous = line
    return lines


def pages_to_text(pages: Sequence[PageWords]) -> tuple[str, LayoutReport]:
    """Every page in order, each in reading order, as one plain text."""
    report = LayoutReport()
    rows, report.furniture_lines = drop_furniture(
        [group_rows(page.words) for page in pages], [page.height for page in pages]
    )
    blocks = [
        block
        for page, page_rows in zip(pages, rows, strict=True)
        for block in page_blocks(page_rows, page.width, report)
    ]
    mark_headings(blocks, body_size(pages), report)
    for block in blocks:
        mark_tables(block)
    usual_gap = line_gap(blocks)
    joined = [join_wrapped(block, usual_gap, report) for block in blocks]
    texts = [text for text in ("\n".join(block_text(b, usual_gap)) for b in joined) if text]
    return _join_blocks(texts), report


_OPEN_END = re.compile(r"[^.!?:;]$")


def _join_blocks(texts: list[str]) -> str:
    """Blocks with a blank line between them, unless a sentence runs on from one block (a
    column or a page) into the next: then a line break, which the segmenter reads as a wrap."""
    if not texts:
        return ""
    out = [texts[0]]
    for text in texts[1:]:
        runs_on = _OPEN_END.search(out[-1]) is not None and text[:1].islower()
        out.append(("\n" if runs_on else "\n\n") + text)
    return "".join(out)
