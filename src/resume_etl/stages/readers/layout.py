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

from resume_etl.stages.readers.columns import Row, Side, find_gutter, reading_blocks
from resume_etl.stages.readers.lines import PageWords, TextLine, Word
from resume_etl.stages.readers.wraps import Column, continues_across, join_wrapped

__all__ = ["LayoutReport", "PageWords", "TextLine", "Word", "pages_to_text"]

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
_MIN_TABLE_CELLS = 3
_MIN_TABLE_ROWS = 2
_MIN_TWO_CELL_ROWS = 3
_DIGIT = re.compile(r"\d")
_PARAGRAPH_GAP = 0.4
"""A gap above a line wider than the usual one by this many font sizes is a blank line."""


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


@dataclass(slots=True)
class Block:
    """Lines read one after the other, the page they are on and the part of it they fill."""

    lines: list[TextLine]
    side: Side
    page: int


def page_blocks(rows: list[Row], width: float, page: int, report: LayoutReport) -> list[Block]:
    """A page's rows as blocks in reading order: full-width rows in place, and where two
    columns run side by side, the left column's lines and then the right column's."""
    gutter = find_gutter(rows, width)
    if gutter is None:
        return [Block([TextLine(row.words) for row in rows], Side.FULL, page)] if rows else []
    report.column_pages += 1
    return [
        Block([TextLine(words) for words in block.lines], block.side, page)
        for block in reading_blocks(rows, gutter)
    ]


def columns_of(blocks: Sequence[Block], page_width: float) -> list[Column]:
    """The column each block sits in, whose right edge is where its lines wrap: a page's left
    column ends where the longest of its lines ends; the right column, a full-width block and a
    one-column page end at the right edge of the document's text, and no nearer the left edge
    than the page's left margin is to the page's left side (a page of short lines, a list, has
    its edge at the margin, not at the end of its longest line). Headings are left out: a name
    set large says nothing of where the body text wraps, and neither do lines running off the
    page nor the one longest line (an address too long for any line overflows the margin):
    the second longest line on the page counts."""
    body = [(block, line) for block in blocks for line in block.lines if not line.heading_level]
    text_left = min((line.x0 for _, line in body), default=0.0)
    ends = sorted(line.x1 for _, line in body if line.x1 <= page_width)
    text_right = max([*ends[-2:-1], page_width - text_left])
    left_right: dict[int, float] = {}
    for block, line in body:
        if block.side is Side.LEFT:
            left_right[block.page] = max(left_right.get(block.page, 0.0), line.x1)
    return [
        Column(
            left=min(line.x0 for line in block.lines),
            right=left_right.get(block.page, text_right) if block.side is Side.LEFT else text_right,
        )
        for block in blocks
    ]


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
    """Runs of lines cut into cells at the same places are a table, written as ``| a | b |``
    rows the segmenter reads row by row: two rows of three cells or more, or three rows of two
    whose first cells are labels without digits (a label column beside its values). Other rows
    of two cells are left as text: a title beside its date ("Engineer    2019"), or a year
    beside what it dates, set above another is as common as a small table."""
    run: list[TextLine] = []
    for line in [*block, None]:
        starts = _cell_starts(line) if line is not None else []
        if run and (len(starts) < 2 or not _same_cells(starts, _cell_starts(run[0]))):
            _mark_run(run)
            run = []
        if line is not None and len(starts) >= 2:
            run.append(line)


def _mark_run(run: list[TextLine]) -> None:
    cells = min(len(_cell_starts(line)) for line in run)
    if cells >= _MIN_TABLE_CELLS:
        table = len(run) >= _MIN_TABLE_ROWS
    else:  # two cells: a column of labels, not of years or dates ("2021    Talk title")
        labels = (" ".join(word.text for word in line.cells()[0]) for line in run)
        table = len(run) >= _MIN_TWO_CELL_ROWS and not any(_DIGIT.search(t) for t in labels)
    if table:
        for row in run:
            row.table_row = True


def _same_cells(starts: list[float], first: list[float]) -> bool:
    return _aligned(starts, first) and _aligned(first, starts)


def _cell_starts(line: TextLine) -> list[float]:
    return [cell[0].x0 for cell in line.cells()]


def _aligned(starts: list[float], first: list[float]) -> bool:
    return all(any(abs(x - y) <= 3 for y in first) for x in starts)


def line_gap(blocks: Sequence[list[TextLine]]) -> float:
    """The usual space between two lines of one paragraph: the smallest gap that recurs (a
    tenth of the gaps or more lie within a quarter of a font size above it), else the lower
    quartile. A short résumé of one-line paragraphs (a web page saved as PDF, every line a block
    of its own) has more paragraph gaps than line gaps, so the median and even the lower
    quartile can be a paragraph gap, which would leave every blank line out; the few wrapped
    lines still set the line gap."""
    pairs = sorted(
        (below.top - above.bottom, max(above.size, below.size))
        for block in blocks
        for above, below in pairwise(block)
        if below.top > above.bottom
    )
    recurring = max(_MIN_RECURRING, len(pairs) * _RECURRING_SHARE)
    for index, (gap, size) in enumerate(pairs):
        near = [other for other, _ in pairs[index:] if other - gap <= _GAP_SPREAD * size]
        if len(near) >= recurring:
            return near[len(near) // 2]
    return pairs[len(pairs) // 4][0] if pairs else 0.0


_MIN_RECURRING = 2
_RECURRING_SHARE = 0.1
"""A gap is the line gap when this share of the gaps (and at least two) are about as wide."""
_GAP_SPREAD = 0.25
"""Gaps within this many font sizes of each other are one spacing."""


def block_text(block: list[TextLine], column: Column, usual_gap: float) -> list[str]:
    """A block's lines as text, with blank lines where the page left a paragraph gap, and a
    line set in from its column's left edge indented by as many spaces (a hanging indent
    under a year or a citation's first line, as a text file would show it)."""
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
        if line.heading_level:
            text = f"{'#' * line.heading_level} {text}"
        elif not line.table_row:
            text = " " * _indent(line, column) + text
        lines.append(text)
        previous = line
    return lines


_MAX_INDENT_SHARE = 0.25
"""A line set further in than this share of its column is centred or right-aligned, not
indented."""


def _indent(line: TextLine, column: Column) -> int:
    """Spaces standing for how far ``line`` is set in from its column's left edge (a space per
    half a font size, about a character's width)."""
    inset = line.x0 - column.left
    if inset > _MAX_INDENT_SHARE * column.width:
        return 0
    return round(inset / (0.5 * line.size))


def pages_to_text(pages: Sequence[PageWords]) -> tuple[str, LayoutReport]:
    """Every page in order, each in reading order, as one plain text."""
    report = LayoutReport()
    rows, report.furniture_lines = drop_furniture(
        [group_rows(page.words) for page in pages], [page.height for page in pages]
    )
    blocks = [
        block
        for number, (page, page_rows) in enumerate(zip(pages, rows, strict=True))
        for block in page_blocks(page_rows, page.width, number, report)
    ]
    lines = [block.lines for block in blocks]
    mark_headings(lines, body_size(pages), report)
    blocks = resume_columns(blocks)
    lines = [block.lines for block in blocks]
    for block_lines in lines:
        mark_tables(block_lines)
    usual_gap = line_gap(lines)
    columns = columns_of(blocks, max(page.width for page in pages))
    for block, column in zip(blocks, columns, strict=True):
        block.lines, count = join_wrapped(block.lines, column, usual_gap)
        report.joined_lines += count
    turned = turn_pages(blocks, columns, usual_gap)
    report.joined_lines += sum(turned)
    texts = [
        "\n".join(block_text(block.lines, column, usual_gap))
        for block, column in zip(blocks, columns, strict=True)
    ]
    return _join_blocks(texts, turned), report


def resume_columns(blocks: list[Block]) -> list[Block]:
    """Blocks in reading order across pages. Where a page opens with its two columns, the
    left one opening a section of its own (a heading first) and the right one carrying on the
    section the previous page ended in (no heading first), the left column is read after the
    right one and the blocks that go on from it page after page (no heading first, no
    sidebar): a sidebar that opens a section on a later page must not cut the main column's
    section in two ("Projects" on page 1, its last items on page 2 read after the sidebar's
    "Contact" would be contact lines)."""
    ordered = list(blocks)
    index = 1
    while index < len(ordered) - 1:
        before, left = ordered[index - 1], ordered[index]
        if before.side is not Side.LEFT and _opens_beside_run_on(left, ordered[index + 1]):
            end = index + 2
            while end < len(ordered) and _runs_on(ordered[end - 1], ordered[end]):
                end += 1
            ordered[index:end] = [*ordered[index + 1 : end], left]
            index = end
        index += 1
    return ordered


def _opens_beside_run_on(left: Block, right: Block) -> bool:
    return (
        (left.side, right.side) == (Side.LEFT, Side.RIGHT)
        and left.page == right.page > 0
        and bool(left.lines[0].heading_level)
        and not right.lines[0].heading_level
    )


def _runs_on(before: Block, block: Block) -> bool:
    """``block`` carries on from ``before`` on the next page: no heading first, no sidebar."""
    return (
        block.page == before.page + 1
        and block.side is not Side.LEFT
        and not block.lines[0].heading_level
    )


def turn_pages(blocks: list[Block], columns: Sequence[Column], usual_gap: float) -> list[bool]:
    """Join the line a column ends a page on with the line it resumes on the next page when
    the page cut a wrapped line (the column ran to the page's foot, resumes at the same left
    edge, and the two lines pass ``continues_across``); per block, whether it was so joined to
    the block before it."""
    foot = max((line.bottom for block in blocks for line in block.lines), default=0.0)
    turned = [False] * len(blocks)
    for index in range(1, len(blocks)):
        before, after = blocks[index - 1], blocks[index]
        if after.page != before.page + 1 or not before.lines or not after.lines:
            continue
        last, first = before.lines[-1], after.lines[0]
        at_foot = last.bottom >= foot - 2 * (last.bottom - last.top + usual_gap)
        if at_foot and continues_across(last, first, columns[index - 1], usual_gap):
            last.words.extend(first.words)
            after.lines.pop(0)
            turned[index] = True
    return turned


_OPEN_END = re.compile(r"[^.!?:;]$")


def _join_blocks(texts: list[str], turned: list[bool]) -> str:
    """Blocks with a blank line between them, unless a sentence runs on from one block (a
    column or a page) into the next: then a line break, which the segmenter reads as a wrap."""
    out: list[str] = []
    for text, turn in zip(texts, turned, strict=True):
        if not text:
            continue
        if out:
            runs_on = turn or (_OPEN_END.search(out[-1]) is not None and text[:1].islower())
            out.append("\n" if runs_on else "\n\n")
        out.append(text)
    return "".join(out)
