"""How much a decoded text looks like mojibake: letters that fit no alphabet, odd neighbours.

``decoding.py`` reads a file in every candidate encoding and keeps the least odd reading; this
module says how odd one reading is (see ``oddity``), from character and pair counts. It knows
the alphabets of ``nlp/data/alphabets.jsonl`` and the scripts of Unicode, and nothing of files
or encodings beyond the byte histograms single-byte encodings are counted from.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

import numpy as np

from resume_etl.wordlists import builtin_path, read_rows

DATA_FILE = "alphabets.jsonl"

_CJK = "CJK"
_SCRIPT_GROUPS = {"HIRAGANA": _CJK, "KATAKANA": _CJK, "KATAKANA-HIRAGANA": _CJK, "HANGUL": _CJK}
_ALLOWED_SYMBOLS = frozenset("®©™°№×•·…§†‡‰؟،؛׳״٪٫٬\u00ad\u200c\u200d\u200e\u200f")
"""Non-letters that do sit beside letters in real text (marks, quotes and dashes always may)."""
_OPENERS = frozenset("¿¡")
"""Symbols that may precede a letter ("¿Qué") but never follow one inside a word ("Wy¿sza")."""
_SUPERSCRIPTS = frozenset("¹²³")
"""Symbols that may follow a letter ("m²") but never precede one inside a word ("Wy³¹cznie")."""
_ODD_PUNCTUATION = frozenset("¶¿¡")
"""Punctuation that sits beside a letter only as mojibake (or, for the openers, before one)."""
_ODD_CATEGORIES = frozenset({"So", "Sk", "Sm", "No", "Cc", "Cf", "Cn", "Co", "Cs"})
_ALWAYS_ODD = frozenset({"Cc", "Cn", "Co", "Cs"})


@dataclass(frozen=True, slots=True)
class Alphabet:
    """The non-ASCII letters of one language, both cases, and the legacy encodings it used."""

    language: str
    script: str
    letters: frozenset[str]
    encodings: tuple[str, ...]


@cache
def alphabets() -> tuple[Alphabet, ...]:
    """Every alphabet of the data file, read once per process."""
    return read_rows(builtin_path(DATA_FILE), _alphabet)


def _alphabet(raw: dict[str, object]) -> Alphabet:
    letters = str(raw["letters"])
    cased = set(letters) | {upper for upper in (c.upper() for c in letters) if len(upper) == 1}
    encodings = raw["encodings"]
    if not isinstance(encodings, list):
        raise TypeError("encodings must be a list of encoding names")
    for name in encodings:
        codecs.lookup(str(name))  # a misspelt encoding fails here, at load
    return Alphabet(str(raw["language"]), str(raw["script"]), frozenset(cased), tuple(encodings))


@cache
def is_single_byte(encoding: str) -> bool:
    """One byte, one character: every byte decodes alone (charmap codecs)."""
    try:
        return len(bytes(range(256)).decode(encoding, errors="replace")) == 256
    except LookupError:
        return False


@cache
def _byte_table(encoding: str) -> tuple[str, ...]:
    return tuple(bytes([byte]).decode(encoding, errors="replace") for byte in range(256))


@dataclass(frozen=True, slots=True)
class ByteHistograms:
    """How often each byte, and each adjacent byte pair holding a non-ASCII byte, occurs."""

    bytes_seen: dict[int, int]
    pairs_seen: dict[tuple[int, int], int]

    @classmethod
    def of(cls, data: bytes) -> ByteHistograms:
        values = np.frombuffer(data, dtype=np.uint8)
        singles = np.bincount(values, minlength=256)
        bytes_seen = {int(b): int(singles[b]) for b in np.flatnonzero(singles)}
        if len(values) < 2:
            return cls(bytes_seen, {})
        codes = values[:-1].astype(np.uint32) * 256 + values[1:]
        pair_counts = np.bincount(codes, minlength=65536)
        present = np.flatnonzero(pair_counts)
        present = present[((present >> 8) >= 0x80) | ((present & 0xFF) >= 0x80)]
        pairs_seen = {(int(c) >> 8, int(c) & 0xFF): int(pair_counts[c]) for c in present}
        return cls(bytes_seen, pairs_seen)

    def text_key(self, encoding: str) -> tuple[str, ...]:
        """What this encoding makes of each byte the file holds: equal keys, equal texts."""
        table = _byte_table(encoding)
        return tuple(table[byte] for byte in self.bytes_seen)

    def counts(self, encoding: str) -> tuple[Counter[str], Counter[tuple[str, str]]]:
        """The character and pair counts of the text this encoding gives."""
        table = _byte_table(encoding)
        chars: Counter[str] = Counter()
        for byte, count in self.bytes_seen.items():
            chars[table[byte]] += count
        pairs: Counter[tuple[str, str]] = Counter()
        for (first, second), count in self.pairs_seen.items():
            pairs[table[first], table[second]] += count
        return chars, pairs


def text_counts(text: str) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """Character and pair counts of a text decoded by a multi-byte encoding."""
    pairs = Counter(pair for pair in pairwise(text) if max(pair) >= "\x80")
    return Counter(text), pairs


def oddity_of(chars: Counter[str], pairs: Counter[tuple[str, str]]) -> tuple[float, float]:
    """(odd share of the non-ASCII characters, odd share of all letters)."""
    non_ascii = sum(count for char, count in chars.items() if char >= "\x80")
    if not non_ascii:
        return 0.0, 0.0
    odd = _misfit_letters(chars)
    odd += sum(count for char, count in chars.items() if _always_odd(char))
    odd += sum(count for (first, second), count in pairs.items() if _odd_pair(first, second))
    letters = sum(count for char, count in chars.items() if char.isalpha())
    return min(1.0, odd / non_ascii), min(1.0, odd / max(1, letters))


def _misfit_letters(chars: Counter[str]) -> int:
    """Non-ASCII letters outside the best-fitting alphabet of their script, summed over scripts."""
    by_script: dict[str, Counter[str]] = {}
    for char, count in chars.items():
        if char >= "\x80" and char.isalpha():
            by_script.setdefault(script_of(char), Counter())[char] += count
    misfits = 0
    for script, letters in by_script.items():
        candidates = _alphabets_by_script().get(script)
        if not candidates:
            continue  # a script no alphabet describes (Han, Thai, ...) is not judged here
        total = sum(letters.values())
        fitting = max(
            sum(count for char, count in letters.items() if char in alphabet.letters)
            for alphabet in candidates
        )
        misfits += total - fitting
    return misfits


@cache
def _alphabets_by_script() -> dict[str, tuple[Alphabet, ...]]:
    by_script: dict[str, list[Alphabet]] = {}
    for alphabet in alphabets():
        by_script.setdefault(alphabet.script, []).append(alphabet)
    return {script: tuple(found) for script, found in by_script.items()}


def judged_scripts() -> frozenset[str]:
    return frozenset(_alphabets_by_script())


@lru_cache(maxsize=1 << 12)
def _always_odd(char: str) -> bool:
    """A control, unassigned, private-use or replacement character: never in a real text."""
    return char >= "\x80" and (unicodedata.category(char) in _ALWAYS_ODD or char == "\ufffd")


@lru_cache(maxsize=1 << 16)  # the pairs of one code page: the same few thousand in every file
def _odd_pair(first: str, second: str) -> bool:
    if first.isalpha() and unicodedata.category(second).startswith("M"):
        # A script's own mark on another script's letter: "Nٌ" is cp1252's "Ñ" read as cp1256.
        scripts = (_script_group(first), _script_group(second))
        return None not in scripts and scripts[0] != scripts[1]
    if first.isalpha() and second.isalpha():
        scripts = (_script_group(first), _script_group(second))
        if None in scripts:  # an ordinal indicator (1ºB), a modifier letter: not judged
            return False
        return scripts[0] != scripts[1] or (first.islower() and second.isupper())
    if first.isalpha():
        return _odd_symbol(second) and second not in _SUPERSCRIPTS
    if second.isalpha():
        return _odd_symbol(first) and first not in _OPENERS
    return False


def _odd_symbol(char: str) -> bool:
    if char < "\x80" or char in _ALLOWED_SYMBOLS:
        return False
    return char in _ODD_PUNCTUATION or unicodedata.category(char) in _ODD_CATEGORIES


@cache
def script_of(char: str) -> str:
    """The first word of the character's Unicode name: LATIN, CYRILLIC, GREEK, CJK, ..."""
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


_KNOWN_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK", "HEBREW", "ARABIC", _CJK})


def _script_group(char: str) -> str | None:
    """The script as far as mixing goes (kana and Han mix in Japanese); None: not judged."""
    script = script_of(char)
    group = _SCRIPT_GROUPS.get(script, script)
    return group if group in _KNOWN_SCRIPTS else None
