"""Choosing the legacy encoding of a file that is not UTF-8, and saying when the choice is doubtful.

A single-byte encoding decodes any bytes into *some* text, so "it decoded" proves nothing: a
Russian résumé saved in cp1251 decodes as cp1252 to "Èâàí Ïåòðîâ" without an error. Each
candidate encoding (the detector's, the pipeline's preferred ones, and those of every alphabet in
``nlp/data/alphabets.jsonl``) is therefore read and its text judged over the whole file:

- letters outside every alphabet of their script ("Ayþe Yýlmaz": þ, ý and ü in one text fit no
  Latin alphabet, while "Ayşe Yılmaz" fits Turkish);
- a letter beside a letter of another script ("Novбk"), or a lowercase letter before a capital
  ("иВАН", cp1251 read as KOI8-R);
- a stray symbol touching a letter ("Wi¶niewska", "Wy¿sza"), and control or unassigned characters.

The share of the non-ASCII characters caught this way is a reading's *oddity* (measured in
``oddity.py``); the least odd reading wins, ties going to the preferred encodings and then to
charset-normalizer's ranking.
The choice is *doubtful* when the winner is itself odd or another reading giving a different text
is nearly as plausible; it is *impossible* when every reading is garbled.

Single-byte encodings map one byte to one character, so their counts come from the file's byte
and byte-pair histograms (computed once, whole file, in NumPy) instead of a pass over each text.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import charset_normalizer
from charset_normalizer.cd import coherence_ratio

from resume_etl.stages.oddity import (
    ByteHistograms,
    alphabets,
    is_single_byte,
    judged_scripts,
    oddity_of,
    script_of,
    text_counts,
)

DOUBTFUL_ODDITY = 0.1
"""A winning reading with more odd characters than this (a share of the non-ASCII ones) is flagged.

Not zero: real texts mix alphabets (a Spanish résumé naming a Catalan street), and that costs a
few percent.
"""
AMBIGUITY_MARGIN = 0.03
"""Readings within this much of the least odd one are all plausible; language decides among them."""
COHERENCE_MARGIN = 0.1
"""How much more coherent a reading must be to overrule the first one (and to leave no doubt)."""
GARBLED_SHARE = 0.25
"""When odd characters are more than this share of all letters in the best reading, nothing fits."""
DETECTOR_SPAN = 1 << 20
"""Bytes the detector reads (whole files up to 1 MiB; larger ones in five evenly spread chunks)."""

_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f]")


@dataclass(frozen=True, slots=True)
class Reading:
    """The bytes decoded with one encoding, and how implausible the text is.

    The text itself is not kept: two dozen copies of a large file would not fit in memory.
    ``text_key`` tells readings of the same text apart from different ones, and ``text()``
    decodes again when the text is wanted.
    """

    data: bytes
    encoding: str
    text_key: object
    """Equal for two readings exactly when they give the same text."""
    oddity: float
    """Share of the non-ASCII characters that look like mojibake (0 = none)."""
    garble: float
    """Odd characters as a share of all letters: near 1 means no reading of this file is text."""
    letters: Counter[str]
    """How often each non-ASCII letter occurs: readings differing elsewhere compete on nothing."""
    in_words: bool
    """Some non-ASCII letter stands beside another letter: the text has words that need it.

    A reading that only turns a bullet into a lone letter ("•" into "Х") is no language.
    """
    unjudged: bool
    """Some letters are of a script no alphabet describes (Han, kana, Hangul, Thai, ...)."""
    rank: tuple[int, float, int]
    """Tie-break: preferred encodings first, then the detector's chaos, then candidate order."""

    def text(self) -> str:
        return self.data.decode(self.encoding)


@dataclass(frozen=True, slots=True)
class LegacyChoice:
    """The reading chosen for a file, and whether it is in doubt (and why)."""

    reading: Reading
    doubt: str | None
    """Why the choice is doubtful, or None."""
    garbled: bool
    """True when even the best reading is not text: the file cannot be decoded."""


def utf8_behind_utf16_bom(data: bytes) -> str | None:
    """The text of UTF-8 bytes behind a UTF-16 byte order mark, or None when that is not it.

    Some tools put a UTF-16 mark in front of UTF-8 text; read as UTF-16, it is CJK gibberish.
    UTF-16 text is almost never valid UTF-8 free of control bytes: its ASCII characters carry
    a NUL byte, its Cyrillic or Greek ones a byte 0x03 or 0x04, and the rest make invalid UTF-8
    sequences.
    """
    if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    rest = data[len(codecs.BOM_UTF16_LE) :]
    if not rest or _CONTROL_BYTES.search(rest):
        return None
    try:
        return rest.decode("utf-8")
    except UnicodeDecodeError:
        return None


def choose_legacy(data: bytes, preferred: Sequence[str]) -> LegacyChoice | None:
    """The most plausible reading of ``data``; None when no candidate encoding decodes it."""
    detector = _detector_chaos(data)
    histograms = ByteHistograms.of(data)
    readings = []
    for order, encoding in enumerate(_candidates(preferred, detector)):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if is_single_byte(encoding):
            chars, pairs = histograms.counts(encoding)
            text_key: object = histograms.text_key(encoding)
        else:
            chars, pairs = text_counts(text)
            text_key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
        del text
        oddity, garble = oddity_of(chars, pairs)
        letters = Counter({c: n for c, n in chars.items() if c >= "\x80" and c.isalpha()})
        unjudged = any(script_of(char) not in judged_scripts() for char in letters)
        in_words = any(first.isalpha() and second.isalpha() for first, second in pairs)
        rank = (0 if encoding in preferred else 1, detector.get(encoding, 1.0), order)
        readings.append(
            Reading(data, encoding, text_key, oddity, garble, letters, in_words, unjudged, rank)
        )
    if not readings:
        return None
    # Letters no alphabet can vouch for lose ties: "Иван Петров" in cp1251 also reads as
    # two words of Korean in cp949, and only the Cyrillic reading was checked.
    readings.sort(key=lambda reading: (reading.oddity, reading.unjudged, reading.rank))
    least_odd = readings[0].oddity
    plausible = [r for r in readings if r.oddity <= least_odd + AMBIGUITY_MARGIN]
    best, doubt = _by_language(plausible)
    if best.oddity > DOUBTFUL_ODDITY:
        doubt = f"{best.oddity:.0%} of the non-ASCII characters look garbled as {best.encoding}"
    return LegacyChoice(best, doubt, best.garble > GARBLED_SHARE)


def _by_language(plausible: list[Reading]) -> tuple[Reading, str | None]:
    """Among readings about equally free of oddities, the one whose letters are a language.

    Letters that all fit one alphabet can still be the wrong ones: Hebrew in cp1255 read as
    cp1251 is lowercase Cyrillic throughout. Letter frequencies tell them apart, so
    charset-normalizer's coherence (frequency ranks against its language tables) may overrule
    the first reading (least odd, preferred encodings first) when another is clearly more
    coherent. A rival within ``COHERENCE_MARGIN`` of the chosen reading leaves the choice in
    doubt when it reads other letters in words: a reading that differs only in punctuation
    ("–" as a control character) or turns a bullet into a lone letter is no rival.
    """
    distinct: dict[object, Reading] = {}
    for reading in plausible:
        distinct.setdefault(reading.text_key, reading)
    if len(distinct) == 1:
        return plausible[0], None
    coherence = {key: _coherence(reading.text()) for key, reading in distinct.items()}
    ranked = sorted(distinct.values(), key=lambda reading: -coherence[reading.text_key])
    best = plausible[0]
    if coherence[ranked[0].text_key] > coherence[best.text_key] + COHERENCE_MARGIN:
        best = ranked[0]
    rivals = [
        reading
        for reading in ranked
        if reading.letters != best.letters
        and reading.in_words
        and coherence[reading.text_key] > coherence[best.text_key] - COHERENCE_MARGIN
    ]
    if rivals:
        return best, f"{rivals[0].encoding} reads the file about as plausibly as {best.encoding}"
    return best, None


_NON_ASCII_WORD = re.compile(r"[^\W\d_]*[^\x00-\x7f][^\W\d_]*")
COHERENCE_SPAN = 1 << 16
"""Characters of non-ASCII words the language coherence is measured on (frequencies settle fast)."""


def _coherence(text: str) -> float:
    """How well the non-ASCII words' letter frequencies match a language (0 to 1)."""
    words: list[str] = []
    size = 0
    for match in _NON_ASCII_WORD.finditer(text):
        words.append(match.group())
        size += len(words[-1]) + 1
        if size >= COHERENCE_SPAN:
            break
    matches = coherence_ratio(" ".join(words))
    return max((ratio for _, ratio in matches), default=0.0)


def _candidates(preferred: Sequence[str], detector: dict[str, float]) -> list[str]:
    """Every encoding worth trying, by canonical name, without repeats.

    Single-byte encodings come from the pipeline and the alphabets file only: the detector
    also proposes DOS and Mac code pages (cp775, hp-roman8, ...) that turn a résumé's bullets
    into letters, and nobody saves a résumé in them. Its multi-byte guesses (Shift-JIS, GBK,
    Big5, EUC-KR) are tried, as no alphabet lists them.
    """
    listed = [*preferred, *(name for a in alphabets() for name in a.encodings)]
    multi_byte = [name for name in detector if not is_single_byte(name)]
    return list(dict.fromkeys(codecs.lookup(name).name for name in [*listed, *multi_byte]))


def _detector_chaos(data: bytes) -> dict[str, float]:
    """charset-normalizer's candidates over the whole file (up to ``DETECTOR_SPAN``), best first.

    Its default reads five chunks of 512 bytes, which can miss every non-ASCII byte of a
    résumé that is English up to its last lines.
    """
    steps = 5
    chunk_size = max(512, min(len(data), DETECTOR_SPAN) // steps + 1)
    matches = charset_normalizer.from_bytes(data, steps=steps, chunk_size=chunk_size)
    return {codecs.lookup(match.encoding).name: match.chaos for match in matches}
