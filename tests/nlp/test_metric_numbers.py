"""Which numbers the metric finder reads: spelled-out counts found as the regex finds them, and
the caps counted per stretch of a text's length."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_etl.config import IngestSettings
from resume_etl.nlp import metrics
from resume_etl.nlp.metric_numbers import (
    CAP_CHARS,
    MAX_NUMBERS,
    NUMBERS_CEILING,
    SPELLED_NUMBER,
    cap_for,
    folded,
    read_numbers,
    spelled_numbers,
)

_SPELLED_PIECES = st.sampled_from(
    [
        "three", "Three", "THREE", "ten", "often", "tenth", "seventeen", "seven", "twenty",
        "Twelve", "ninety", "nine", "one", "done", "sixty", "six", "ſix", "İ", "ı", "K", "é",
        "3", "_", "-", " ", "\n", ".", "'s", "x", "t", "en", "sevent", "een", "•", "İten",
        "TEN", "ſeven", "\u212aM",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_SPELLED_PIECES, max_size=16).map("".join))
def test_spelled_numbers_are_the_regex_matches(text: str) -> None:
    """The ``str.find`` path for ASCII text finds what the regex's scan of every character
    finds (pieces glued together make words inside words, "seventeen" after "seven", and
    non-ASCII letters send a text down the regex's own path)."""
    assert spelled_numbers(text) == [match.span() for match in SPELLED_NUMBER.finditer(text)]


def test_folding_keeps_positions_and_folds_what_ignorecase_matches_with_ascii_letters() -> None:
    """``folded`` writes one character for each, and writes an ASCII letter exactly for the
    characters a case-insensitive ASCII letter matches: checked for every code point."""
    letters = re.compile("|".join("abcdefghijklmnopqrstuvwxyz"), re.IGNORECASE)
    matched, folded_to_letters = set(), set()
    for code in range(0x110000):
        character = chr(code)
        fold = folded("x" + character)[1:]  # a non-ASCII text for non-ASCII characters
        assert len(fold) == 1, hex(code)
        if letters.fullmatch(character):
            matched.add(character)
            assert re.fullmatch(fold, character, re.IGNORECASE), hex(code)
        if "a" <= fold <= "z":
            folded_to_letters.add(character)
    assert matched == folded_to_letters


def test_spelled_numbers_in_a_bullet() -> None:
    text = "Trained Twelve new hires, often in three-week sprints; seventeen teams"
    words = [text[start:end] for start, end in spelled_numbers(text)]
    assert words == ["Twelve", "three", "seventeen"]


@given(st.integers(1, 50), st.integers(0, 40 * CAP_CHARS), st.integers(0, 40 * CAP_CHARS))
def test_a_cap_grows_with_the_length_from_its_share_of_a_stretch_to_its_ceiling(
    per_stretch: int, length: int, longer_by: int
) -> None:
    ceiling = 20 * per_stretch
    cap = cap_for(per_stretch, length, ceiling)
    assert per_stretch <= cap <= ceiling
    assert cap <= cap_for(per_stretch, length + longer_by, ceiling)  # never less for more text
    if length <= CAP_CHARS:
        assert cap == per_stretch  # a text up to a stretch long: the cap it had per document
    if length % CAP_CHARS == 0 and length // CAP_CHARS <= 20:
        assert cap == max(per_stretch, per_stretch * (length // CAP_CHARS))


def test_the_ceilings_cut_only_texts_past_the_default_length_limit() -> None:
    """The ceilings bound what a document holds in memory, and only a document past
    ``ingest.max_chars``'s default (the limit raised) meets them: one at it reads as many
    numbers and metrics as its caps per 10,000 characters allow (numbers: exactly the
    ceiling; metrics: half of it, the cap per stretch halved to flatten texts of figures)."""
    longest = IngestSettings().max_chars
    assert MAX_NUMBERS * longest // CAP_CHARS == NUMBERS_CEILING
    assert metrics.MAX_METRICS * longest // CAP_CHARS * 2 == metrics.METRICS_CEILING


def test_a_long_text_reads_its_numbers_at_the_density_a_short_one_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("resume_etl.nlp.metric_numbers.CAP_CHARS", 40)
    monkeypatch.setattr("resume_etl.nlp.metric_numbers.MAX_NUMBERS", 4)
    line = "Cut 15% 6% 7% 8% 9% 10% 11% 12%\n"  # 32 characters, 8 numbers
    assert read_numbers(line)[1] is True  # short: the 4 of one stretch, and more left unread
    assert len(read_numbers(line)[0]) == 4
    numbers, capped = read_numbers(line * 10)  # 320 characters: 8 stretches of 40, 32 numbers
    assert (len(numbers), capped) == (32, True)
    assert [n.start for n in numbers] == sorted(n.start for n in numbers)
    numbers, capped = read_numbers(line * 10 + " " * 80)  # 400 characters: 40, all 80 read
    assert (len(numbers), capped) == (40, True)
    monkeypatch.setattr("resume_etl.nlp.metric_numbers.NUMBERS_CEILING", 12)
    assert read_numbers(line * 10) == (read_numbers(line * 10)[0][:12], True)
