"""The reflow's readings at a break as they were before they read in place: the reference
``test_blocks.py`` and ``test_margin.py`` hold ``blocks`` and ``margin`` to.

Each copied the rest of the line (``line[end:]``, then split it) or sliced the runs after a
break, which made a collapsed text's cost grow with its square, but is plainly what the rules
mean to compute. ``lines_and_runs`` generates lines of breaks, bullets and periods to compare on.
"""

from __future__ import annotations

import re

from hypothesis import strategies as st

from resume_etl.stages.reflow import margin
from resume_etl.stages.reflow.gaps import BREAKS, Gap, Run, is_bullet

_PIECES = st.sampled_from(
    ["  ", "    ", "      ", " ", "•", "-", "*", "Acme", "Corp", "led", "03/2021 - Present",
     "2019", "\n", "\t", "Leeds,", "x" * 45]
)  # fmt: skip
_SPACE_RUN = re.compile(r" {2,}")


def _line_and_runs(pieces: list[str], gaps: list[Gap]) -> tuple[str, list[Run]]:
    """The pieces joined, and each run of two or more spaces in it with the next of ``gaps``."""
    line = "".join(pieces)
    found = [
        Run(match.start(), match.end(), gaps[index % len(gaps)], counts=True)
        for index, match in enumerate(_SPACE_RUN.finditer(line))
    ]
    return line, found


lines_and_runs = st.builds(
    _line_and_runs,
    st.lists(_PIECES, max_size=30),
    st.lists(st.sampled_from(list(Gap)), min_size=1, max_size=5),
)
"""A line and its runs of spaces, each standing for some ``Gap``."""


def next_word_passes(line: str, end: int, width: int, column: int) -> bool:
    word = line[end:].lstrip(" ").split(" ", 1)[0]
    return width + 1 + len(word) > column


def item_text_run(line: str, run: Run) -> int | None:
    rest = line[run.end :]
    mark = rest.split(" ", 1)[0]
    if not mark or not is_bullet(mark):
        return None
    return run.end - run.start + len(rest) - len(rest[len(mark) :].lstrip(" "))


def row_ends(line: str, runs: list[Run]) -> dict[int, int]:
    ends: dict[int, int] = {}
    line_start = 0
    for index, run in enumerate(runs):
        if run.gap not in BREAKS:
            continue
        cell_end = next((later.start for later in runs[index + 1 :] if later.gap in BREAKS), None)
        stop = cell_end if cell_end is not None else len(line)
        cell = line[run.end : stop]
        if (
            run.end - run.start >= margin.MIN_MARGIN_GAP
            and stop - line_start >= margin.MIN_MARGIN_COLUMN
            and len(cell) <= margin.MAX_RIGHT_CELL
            and margin.is_period(cell)
        ):
            ends[index] = stop - line_start
        line_start = run.end
    return ends
