"""Which numbers the metric finder reads: spelled-out counts found as the regex finds them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from resume_etl.nlp.metric_numbers import SPELLED_NUMBER, folded, spelled_numbers

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
