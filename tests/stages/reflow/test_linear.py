"""The reflow's readings at a break, done in place, agree with the slices of the rest of the
line they replace (which made a collapsed text's cost grow with its square)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from resume_etl.stages.reflow import blocks, margin
from resume_etl.stages.reflow.gaps import BREAKS, Gap, Run, is_bullet

_PIECES = st.sampled_from(
    ["  ", "    ", "      ", " ", "•", "-", "*", "Acme", "Corp", "led", "03/2021 - Present",
     "2019", "\n", "\t", "Leeds,", "x" * 45]
)  # fmt: skip
_SPACE_RUN = re.compile(r" {2,}")


def _line_and_runs(pieces: list[str], gaps: list[Gap]) -> tuple[str, list[Run]]:
    line = "".join(pieces)
    found = [
        Run(match.start(), match.end(), gaps[index % len(gaps)], counts=True)
        for index, match in enumerate(_SPACE_RUN.finditer(line))
    ]
    return line, found


def _next_word_passes_by_slice(line: str, end: int, width: int, column: int) -> bool:
    word = line[end:].lstrip(" ").split(" ", 1)[0]
    return width + 1 + len(word) > column


def _item_text_run_by_slice(line: str, run: Run) -> int | None:
    rest = line[run.end :]
    mark = rest.split(" ", 1)[0]
    if not mark or not is_bullet(mark):
        return None
    return run.end - run.start + len(rest) - len(rest[len(mark) :].lstrip(" "))


def _row_ends_by_slice(line: str, runs: list[Run]) -> dict[int, int]:
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


_GAPS = st.lists(st.sampled_from(list(Gap)), min_size=1, max_size=5)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30), _GAPS, st.integers(0, 80))
def test_the_readings_at_each_break_agree_with_slicing_the_rest_of_the_line(
    pieces: list[str], gaps: list[Gap], column: int
) -> None:
    line, runs = _line_and_runs(pieces, gaps)
    for run in runs:
        assert blocks._item_text_run(line, run) == _item_text_run_by_slice(line, run)
        segment = blocks._Segment(0, run.start)
        assert blocks._next_word_passes(line, segment, column) == _next_word_passes_by_slice(
            line, run.start, segment.width, column
        )
    assert margin._row_ends(line, runs) == _row_ends_by_slice(line, runs)
