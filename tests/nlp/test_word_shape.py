"""``is_lower_content_word``: the one reading of "a content word in lower case"."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_etl.nlp.word_shape import SMALL_WORD_MAX, is_lower_content_word


@pytest.mark.parametrize("word", ["rules", "serving", "über", "eBay"])
def test_a_long_word_opening_in_lower_case_is_one(word: str) -> None:
    assert is_lower_content_word(word)


@pytest.mark.parametrize("word", ["of", "and", "the", "Rules", "rules,", "well-known", "2020"])
def test_small_words_capitals_and_punctuation_are_not(word: str) -> None:
    assert not is_lower_content_word(word)


def test_every_letter_leaves_out_a_name_with_an_inner_capital() -> None:
    assert is_lower_content_word("eBay")
    assert not is_lower_content_word("eBay", every_letter=True)
    assert is_lower_content_word("serving", every_letter=True)


@given(st.text(min_size=1).filter(lambda word: not any(c.isspace() for c in word)))
def test_a_counted_word_is_longer_than_a_small_word_and_all_letters(word: str) -> None:
    for every_letter in (False, True):
        if is_lower_content_word(word, every_letter=every_letter):
            assert len(word) > SMALL_WORD_MAX
            assert word.isalpha()
            assert word[0].islower() or every_letter
