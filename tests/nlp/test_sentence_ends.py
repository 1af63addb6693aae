"""A metric's sentence bounds: the same as a plain scan, at a fraction of its cost."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_etl.nlp import sentence_ends
from resume_etl.nlp.sentence_ends import SentenceEnds

_PLAIN_END = re.compile(r"(?<=[a-z0-9%)\]][.!?])\s+(?=[A-Z0-9])")
"""The sentence end as first written: a look-behind tried at every character."""


def plain_bounds(text: str, line_start: int, line_end: int, start: int) -> tuple[int, int]:
    """The first implementation, kept as the reference the fast one must agree with."""
    sentence_start, sentence_end = line_start, line_end
    for match in _PLAIN_END.finditer(text, line_start, line_end):
        word_start = text.rfind(" ", line_start, match.start()) + 1
        if text[max(word_start, line_start) : match.start() - 1].lower() in (
            sentence_ends._ABBREVIATIONS
        ):
            continue
        if match.end() <= start:
            sentence_start = match.end()
        elif match.start() >= start:
            sentence_end = match.start()
            break
    return sentence_start, sentence_end


@given(
    st.text(alphabet="aeZS5%)].!? \n\tincvt", max_size=60),
    st.integers(0, 60),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_sentence_bounds_agree_with_the_plain_scan(
    text: str, low: int, high: int, start: int
) -> None:
    line_start, line_end = sorted((min(low, len(text)), min(high, len(text))))
    start = min(max(start, line_start), line_end)
    assert SentenceEnds(text).bounds(line_start, line_end, start) == plain_bounds(
        text, line_start, line_end, start
    )


def test_a_sentence_ends_after_a_number_not_after_an_abbreviation() -> None:
    text = "Cut costs by 5%. Led a team of approx. 12 people. Shipped it"
    start = text.index("12")
    assert text[slice(*SentenceEnds(text).bounds(0, len(text), start))] == (
        "Led a team of approx. 12 people."
    )


@given(
    st.text(alphabet="aeZS5%)].!? \n\tincvt", max_size=60),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60), st.integers(0, 60)), max_size=8),
)
def test_one_scan_answers_every_line_and_start_as_the_plain_scan_does(
    text: str, asks: list[tuple[int, int, int]]
) -> None:
    ends = SentenceEnds(text)
    for low, high, at in asks:
        line_start, line_end = sorted((min(low, len(text)), min(high, len(text))))
        start = min(max(at, line_start), line_end)
        assert ends.bounds(line_start, line_end, start) == plain_bounds(
            text, line_start, line_end, start
        )


def test_a_line_of_many_metrics_is_scanned_for_sentence_ends_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scans: list[str] = []
    pattern = sentence_ends._SENTENCE_END

    class Counting:
        def finditer(self, text: str) -> Iterator[re.Match[str]]:
            scans.append(text)
            return pattern.finditer(text)

    monkeypatch.setattr(sentence_ends, "_SENTENCE_END", Counting())
    sentence = "Cut costs by 5%. "
    text = sentence * 500
    ends = SentenceEnds(text)
    bounds = [ends.bounds(0, len(text), at) for at in range(13, len(text), len(sentence))]
    assert len(scans) == 1
    assert bounds[1] == (17, 33)
