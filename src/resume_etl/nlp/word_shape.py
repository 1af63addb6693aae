"""The shape of one word: whether it is a content word written in lower case.

Names and titles capitalize their content words ("Community Access Project"); sentences write
them in lower case ("shared reporting templates"). Several readers count such words to tell a
sentence from a name: the segmenter (a wrapped sentence is no entry header), the employer's
shape and the prose test in extract. They ask this one function, so that "a lower-case content
word" means the same everywhere. Words only, no lexicon, no spaCy.
"""

from __future__ import annotations

__all__ = ["CJK_LETTERS", "SMALL_WORD_MAX", "is_lower_content_word"]

CJK_LETTERS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
"""Kana, CJK ideographs (with extension A and compatibility forms) and Hangul syllables, as a
regex character-class body: the scripts written without spaces between words, whose names the
normalizer, the name reader and the word-end lexicons read as one word."""
SMALL_WORD_MAX = 3
"""Lower-case words of this length or shorter are a name's small words ("of", "and", "the")."""


def is_lower_content_word(word: str, *, every_letter: bool = False) -> bool:
    """Whether ``word`` (one whitespace-separated word) is a content word in lower case.

    It is letters only ("rules,", "well-known" and "2020" are not), longer than a small word,
    and opens in lower case ("serving"; "eBay" too). With ``every_letter`` every cased letter
    must be lower case, so a name with an inner capital ("eBay", "iPhone") is not counted: the
    segmenter asks so of a whole line.
    """
    if len(word) <= SMALL_WORD_MAX or not word.isalpha():
        return False
    return word.islower() if every_letter else word[0].islower()
