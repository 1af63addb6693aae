"""The right margin: rows whose last cell was pushed to the right edge of the page.

A CV printed to PDF often sets each entry's dates flush right on the employer's line
("Acme Corp, Leeds              03/2021 - Present"). Once the line breaks collapse, the gap
inside such a row is a wide run of spaces like the four of a blank line, and read one run at a
time it splits the employer from its dates (with a blank line between them, which ends the
entry header). What tells the rows apart is the page: every row pushed to the margin ends at
the same column. So a wide run whose right cell is a date or a period and nothing else stays
inside its row when another such row ends at exactly the same column, counted from the line
break before it. Rows whose gaps are all a blank line's four spaces are not evidence (a line,
a blank line and a date line add up to one width whenever two lines are as long), nor is one
row alone, nor a cell that is not a period ("Page 2 of 3", a sentence).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from resume_etl.stages.reflow.gaps import BLANK_LINE_RUN, BREAKS, Gap, Run, is_period

MIN_MARGIN_ROWS = 2
"""Rows that must end at one column before their gaps are read as a margin."""
MIN_MARGIN_COLUMN = 40
"""A column nearer the left than this is the end of a short line, not a margin."""
MIN_MARGIN_GAP = 3
"""The narrowest gap of a right-aligned row; two spaces are one collapsed line break."""
MAX_RIGHT_CELL = 40
"""Longer right cells are not read as a period: "September 2019 - December 2021" fits."""


def keep_right_margin(line: str, runs: Sequence[Run]) -> list[Run]:
    """``runs`` with the gaps of rows that end at a shared right margin kept inside their row."""
    ends = _row_ends(line, runs)
    rows: dict[int, list[int]] = defaultdict(list)
    for index, column in ends.items():
        rows[column].append(runs[index].end - runs[index].start)
    margins = {
        column
        for column, gaps in rows.items()
        if len(gaps) >= MIN_MARGIN_ROWS and set(gaps) != {BLANK_LINE_RUN}
    }
    kept = {index for index, column in ends.items() if column in margins}
    return [replace(run, gap=Gap.KEEP) if index in kept else run for index, run in enumerate(runs)]


def _row_ends(line: str, runs: Sequence[Run]) -> dict[int, int]:
    """For each break run that could be a gap inside a right-aligned row: the column (counted
    from the break before it) at which its right cell ends."""
    ends: dict[int, int] = {}
    line_start = 0
    breaks = [index for index, run in enumerate(runs) if run.gap in BREAKS]
    # Each break's cell ends at the next break: looked up in ``breaks``, where a search of the
    # runs after each break (a slice of the rest per break) grew with the square of a text.
    for index, next_break in itertools.zip_longest(breaks, breaks[1:]):
        run = runs[index]
        cell_end = runs[next_break].start if next_break is not None else len(line)
        cell = line[run.end : cell_end]
        column = cell_end - line_start
        if (
            run.end - run.start >= MIN_MARGIN_GAP
            and column >= MIN_MARGIN_COLUMN
            and len(cell) <= MAX_RIGHT_CELL
            and is_period(cell)
        ):
            ends[index] = column
        line_start = run.end
    return ends
