"""Blocks: the wrapped lines of a list item or an indented paragraph, read as one block.

A wide run before a capital reads as a blank line (``gaps.py``), and that ends the entry it is
in. But a hard-wrapped block's next line is indented to the block's text, so after the
collapse its run is one break plus that indent, whatever letter follows: "•  Design of mounting
frames for wind sensors, with      SolidWorks." ("  • " items wrap at four spaces, so the
run is six), "  Entwurf eines Werkzeugs zur    Pflege der ..." (an indented paragraph).

Two things together tell such a run from a blank line: its width is the block's (one break and
the indent of the item's text, or the same run that opened the paragraph), and the line before
it was full: its next word would not have fitted (``wrap_column``). A blank line follows a line
of any length; a wrap follows a full one. The same test reads the other way for a wide run
before a lower-case word, which ``gaps.py`` takes for a wrapped line: after a line that was not
full it is a blank line before a name written in lower case ("...a Management System
    brightfeld gmbh, Bremen  07/2015 - 08/2017").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from resume_etl.stages.reflow.gaps import BLANK_LINE_RUN, BREAKS, Gap, Run, is_bullet

BREAK_WIDTH = 2
"""The spaces one collapsed line break leaves (the dotin set's and the oneline layout's)."""
WRAP_SLACK = 12
"""How far before the wrap column a line may end when its next word did not fit: most words
are shorter."""
OVERLONG_SHARE = 0.02
"""The share of lines (at least one) that may pass the wrap column: what a wrap could not cut."""
MIN_NEAR_SHARE = 0.15
"""The share of a hard-wrapped text's lines that end near its widest (prose and list items
do; names, headings and dates do not)."""
MIN_LINES = 10
"""Fewer lines than this give no wrap column: too few to tell a margin from a long line."""


@dataclass(frozen=True, slots=True)
class _Segment:
    """The text between two breaks: where its line starts (indent included) and ends."""

    start: int
    end: int

    @property
    def width(self) -> int:
        return self.end - self.start


def join_wrapped_blocks(line: str, runs: Sequence[Run]) -> list[Run]:
    """``runs`` with the blank lines that are only a block's wrap indentation made breaks."""
    breaks = [index for index, run in enumerate(runs) if run.gap in BREAKS]
    segments = _segments(line, [runs[index] for index in breaks])
    column = wrap_column(_widths_as_read(line, [runs[index] for index in breaks]))
    if column is None:
        return list(runs)
    full = [
        _next_word_passes(line, segment, column) for segment in segments[:-1]
    ]  # segment k is followed by break k
    joined = set(_wrapped_item_lines(line, runs, breaks, full))
    joined |= set(_indented_paragraph_lines(line, runs, breaks, full))
    parted = set(_blank_lines_before_lower_case(line, runs, breaks, full)) - joined
    return [
        replace(run, gap=Gap.BREAK)
        if index in joined
        else replace(run, gap=Gap.BLANK_LINE)
        if index in parted
        else run
        for index, run in enumerate(runs)
    ]


def wrap_column(widths: Sequence[int]) -> int | None:
    """The column a hard-wrapped text wraps at: its widest line but a few (``OVERLONG_SHARE``:
    a long link or a row that ran past the margin), when enough of its lines end near it
    (``WRAP_SLACK``) to show that lines were cut there. None for a text of too few lines, or
    one whose long lines were never wrapped (a paragraph per line: few lines come near the
    widest), so that no line of it reads as full."""
    if len(widths) < MIN_LINES:
        return None
    overlong = max(1, int(OVERLONG_SHARE * len(widths)))
    column = sorted(widths, reverse=True)[overlong]
    near = sum(column - WRAP_SLACK <= width <= column for width in widths)
    return column if near >= MIN_NEAR_SHARE * len(widths) else None


def _widths_as_read(line: str, breaks: Sequence[Run]) -> list[int]:
    """The width of each line as the runs read one at a time: a blank line's run is two
    breaks and its indentation (what the wrap column is estimated from)."""
    starts = [0] + [run.start + BREAK_WIDTH * (1 + (run.gap is Gap.BLANK_LINE)) for run in breaks]
    ends = [run.start for run in breaks] + [len(line)]
    return [end - start for start, end in zip(starts, ends, strict=True)]


def _segments(line: str, breaks: Sequence[Run]) -> list[_Segment]:
    """Each line the breaks cut ``line`` into, as wide as it would be if its run were one
    break and indentation (the reading the rules here weigh), indentation included."""
    starts = [0] + [run.start + BREAK_WIDTH for run in breaks]
    ends = [run.start for run in breaks] + [len(line)]
    return [_Segment(start, end) for start, end in zip(starts, ends, strict=True)]


_WORD_AFTER_SPACES = re.compile(r" *([^ ]*)")
"""Spaces, then a word up to the next space: read in place, where a copy of the rest of the
line per break (``line[end:]``, then split) made a collapsed text's cost grow with its square
(1 MB of ``collapsed`` took 16 CPU seconds to normalize, 100 KB 0.24)."""
_WORD_THEN_SPACES = re.compile(r"([^ ]*)( *)")


def _next_word_passes(line: str, segment: _Segment, column: int) -> bool:
    """Whether the line was full: its width, a space and the next line's first word pass the
    wrap column."""
    word = _WORD_AFTER_SPACES.match(line, segment.end)  # matches anywhere, if only ""
    return segment.width + 1 + (len(word.group(1)) if word else 0) > column


def _item_text_run(line: str, run: Run) -> int | None:
    """The run a wrapped line of the item opened after ``run`` would have (one break, then the
    indent of the item's text), or None when no list item opens there."""
    found = _WORD_THEN_SPACES.match(line, run.end)  # the mark, then the spaces after it
    if found is None or not found.group(1) or not is_bullet(found.group(1)):
        return None
    return found.end() - run.start  # one break and the mark's indent, then the text's


def _wrapped_item_lines(
    line: str, runs: Sequence[Run], breaks: Sequence[int], full: Sequence[bool]
) -> list[int]:
    """The blank-line runs that are one more line of the list item before them."""
    return [
        index
        for position, index in _item_continuations(line, runs, breaks)
        if runs[index].gap is Gap.BLANK_LINE and full[position]
    ]


def _item_continuations(
    line: str, runs: Sequence[Run], breaks: Sequence[int]
) -> list[tuple[int, int]]:
    """(position among the breaks, run index) of each run as wide as a wrapped line of the
    list item opened before it (by a break, then a mark)."""
    found: list[tuple[int, int]] = []
    item_run: int | None = None
    for position, index in enumerate(breaks):
        run = runs[index]
        if item_run is not None and run.end - run.start == item_run:
            found.append((position, index))
            continue
        item_run = _item_text_run(line, run) if run.gap is Gap.BREAK else None
    return found


def _blank_lines_before_lower_case(
    line: str, runs: Sequence[Run], breaks: Sequence[int], full: Sequence[bool]
) -> list[int]:
    """The wide breaks before a lower-case word that follow a line that was not full and are
    no wrapped line of a list item: a wrap needs a full line, so they stood for a blank line."""
    items = {index for _position, index in _item_continuations(line, runs, breaks)}
    return [
        index
        for position, index in enumerate(breaks)
        if runs[index].gap is Gap.BREAK
        and runs[index].end - runs[index].start >= BLANK_LINE_RUN
        and line[runs[index].end : runs[index].end + 1].islower()
        and not full[position]
        and index not in items
    ]


def _indented_paragraph_lines(
    line: str, runs: Sequence[Run], breaks: Sequence[int], full: Sequence[bool]
) -> list[int]:
    """The blank-line runs inside an indented paragraph: a run as wide as the next one when the
    line between them was full (it opens the paragraph), or as wide as the one before when the
    line before was full and is no list item (it continues the paragraph; an item's own wrap
    is ``_wrapped_item_lines``'s)."""
    found: list[int] = []
    widths = [runs[index].end - runs[index].start for index in breaks]
    for position, index in enumerate(breaks):
        if runs[index].gap is not Gap.BLANK_LINE:
            continue
        opens = (
            position + 1 < len(breaks)
            and widths[position + 1] == widths[position]
            and full[position + 1]
        )
        continues = (
            position > 0
            and widths[position - 1] == widths[position]
            and full[position]
            and _item_text_run(line, runs[breaks[position - 1]]) is None
        )
        if opens or continues:
            found.append(index)
    return found
