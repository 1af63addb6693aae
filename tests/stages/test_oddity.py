"""A decoded text's oddity (``stages/oddity.py``): the alphabets, and mojibake told from text."""

from __future__ import annotations

from collections import Counter

import pytest

from resume_etl.stages.oddity import alphabets, oddity_of, text_counts


def test_every_alphabet_names_encodings_that_can_write_most_of_its_letters() -> None:
    """Romanian in cp1250 lacks only the comma-below ș and ț, written there with a cedilla."""
    for alphabet in alphabets():
        for encoding in alphabet.encodings:
            lowercase = "".join(letter for letter in alphabet.letters if letter.lower() == letter)
            writable = [letter for letter in lowercase if _encodes(letter, encoding)]
            assert len(writable) > len(lowercase) / 2, (alphabet.language, encoding)


def _encodes(letter: str, encoding: str) -> bool:
    try:
        letter.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@pytest.mark.parametrize(
    "text",
    ["Иван Петров, инженер", "Ayşe Yılmaz, mühendis", "Café résumé, naïve Zoë"],
)
def test_text_in_one_alphabet_is_not_odd(text: str) -> None:
    assert oddity_of(*text_counts(text)) == (0.0, 0.0)


@pytest.mark.parametrize(
    "garbled",
    [
        "Иван Петров, инженер".encode("cp1251").decode("cp1252"),  # letters in no alphabet
        "Ayşe Yılmaz, mühendis".encode("cp1254").decode("cp1252"),  # þ, ý and ü: no alphabet
        "Wy¿sza Szko³a",  # symbols inside words
        "Novбk",  # a letter beside one of another script
    ],
)
def test_mojibake_is_odd(garbled: str) -> None:
    share, _ = oddity_of(*text_counts(garbled))
    assert share > 0


def test_counts_hold_only_pairs_with_a_non_ascii_character() -> None:
    chars, pairs = text_counts("ab é")
    assert chars == Counter("ab é")
    assert set(pairs) == {(" ", "é")}
