"""The block around a metric from per-document line facts agrees with walking its lines."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from resume_etl.nlp.metric_blocks import BLOCK_OPENER, Blocks


def _line_start(text: str, low: int, position: int) -> int:
    newline = text.rfind("\n", low, position)
    return low if newline == -1 else newline + 1


def walked_bounds(text: str, start_char: int, end_char: int, reach: int) -> tuple[int, int]:
    """``metric_meaning._block_bounds`` as it was at ``be5a1bd``: line by line from the
    metric, up to ``reach`` characters each way."""
    low, high = max(0, start_char - reach), min(len(text), end_char + reach)
    start = _line_start(text, low, start_char)
    while start > low and not BLOCK_OPENER.match(text, start):
        previous = _line_start(text, low, start - 1)
        if not text[previous : start - 1].strip():
            break
        start = previous
    end = text.find("\n", end_char, high)
    while end != -1:
        following = text.find("\n", end + 1, high)
        line = text[end + 1 : following if following != -1 else high]
        if not line.strip() or BLOCK_OPENER.match(line):
            break
        end = following
    return start, high if end == -1 else end


_PIECES = st.sampled_from(
    ["- ", "-", "• ", "1. ", "12) ", "\n", "\n\n", " ", "  ", "\t", "Cut", "costs", "12%",
     "by 5%", " \n", "x" * 12]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    st.lists(_PIECES, min_size=1, max_size=40).map("".join),
    st.data(),
    st.integers(0, 40),
)
def test_block_bounds_agree_with_walking_the_lines(
    text: str, data: st.DataObject, reach: int
) -> None:
    blocks = Blocks(text, reach)
    for _ in range(6):  # several metrics of one text share the remembered heads and tails
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 6)))
        assert blocks.bounds(start, end) == walked_bounds(text, start, end, reach)


def test_a_block_runs_from_its_bullet_to_the_next_and_stops_at_a_blank_line() -> None:
    text = "Intro\n\n- Cut costs\n  by 12% in\n  a year\n- Grew sales\n"
    at = text.index("12%")
    start, end = Blocks(text, 1_000).bounds(at, at + 3)
    assert text[start:end] == "- Cut costs\n  by 12% in\n  a year"
