"""A metric's expression, read from the text: "$1.5 million", "around 55%", "10,000+", "3 times".

One grammar (``EXPRESSION``) reads qualifier, currency, number, scale, "+" and unit, because
spaCy's tokenizer splits such expressions inconsistently ("100ms" and "95%+" are one token,
"10,000+" two). Its words (qualifiers, units, scales, currencies, number words) come from
``data/metric_words.jsonl``: each alternation is built from that file when the module is first
imported, so a unit the file lists is one the grammar reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from resume_etl.vocab import MetricQualifier, MetricUnit
from resume_etl.wordlists import alternation, builtin_values, word_tree

__all__ = [
    "EXPRESSION",
    "NUMBER",
    "UNITS",
    "WORD_NUMBERS",
    "Expression",
    "alternation",
    "expression_pattern",
    "parse_number",
    "read_expression",
]

DATA_FILE = "metric_words.jsonl"


def _words(category: str) -> dict[str, str]:
    return builtin_values(DATA_FILE, category)


QUALIFIERS = {form: MetricQualifier(value) for form, value in _words("qualifier").items()}
UNITS = {form: MetricUnit(value) for form, value in _words("unit").items()}
_UNITS_AFTER_SPACE = {form: MetricUnit(value) for form, value in _words("unit_after_space").items()}
"""Unit letters read only apart from the number: "1.8 s" is seconds, "1990s" and "10s" not."""
_SCALES = {form: float(value) for form, value in _words("scale").items()}
_BYTE_SCALES = {form: float(value) for form, value in _words("byte_scale").items()}
_CURRENCY_SYMBOLS = _words("currency_symbol")
_CURRENCY_CODES = _words("currency_code")
_CURRENCY_WORDS = _words("currency_word")
WORD_NUMBERS = {form: float(value) for form, value in _words("number_word").items()}


def _unit_alternation(tree: bool = True) -> str:
    """Unit words end at a word boundary ("5 hours", not "5 hoursly"); symbols need none ("%"),
    and a unit written with a space may be written with any run of spaces."""
    if tree:
        forms = [word_tree(UNITS, spaced=True, bounded=True)]
    else:
        forms = []
        for word in sorted(UNITS, key=len, reverse=True):
            pattern = re.escape(word).replace(r"\ ", r"\s+")
            forms.append(pattern + r"\b" if word[-1].isalnum() else pattern)
    forms.extend(rf"(?<=\d\s){re.escape(word)}(?![\w'’])" for word in _UNITS_AFTER_SPACE)
    return "|".join(forms)


_SYMBOLS = "".join(_CURRENCY_SYMBOLS)
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def _starts(words: Iterable[str], guarded: bool) -> str:
    """A look-ahead for the first characters of ``words``, placed before their alternation.

    Under ``IGNORECASE`` the regex engine tries every alternative of a word list in turn (it
    skips one by its first character only when matching case), so after each number it tried
    some hundred scale, unit and currency words: most of the cost of reading a line of figures.
    A class of the first characters fails at once where no alternative can start, and matches
    case-insensitively the same characters the words' first letters do, so the expression finds
    the same matches (``tests/nlp/test_metric_expression.py`` holds it to the unguarded one).
    A unit's space stands for any run of whitespace, so a word starting with one adds ``\\s``.
    """
    firsts = {word[:1] for word in words}
    if not guarded or "" in firsts:
        return ""
    spaced = r"\s" if " " in firsts else ""
    return "(?=[" + spaced + "".join(sorted(re.escape(first) for first in firsts)) + "])"


def expression_pattern(guarded: bool = True, tree: bool = True) -> re.Pattern[str]:
    """``EXPRESSION``; ``guarded=False`` builds it without the look-aheads of ``_starts``,
    ``tree=False`` with flat alternations (``alternation``) instead of ``word_tree``."""
    units = [*UNITS, *_UNITS_AFTER_SPACE]
    words = word_tree if tree else alternation
    return re.compile(
        rf"(?<![\w/.,{_SYMBOLS}-])"
        rf"(?:{_starts(QUALIFIERS, guarded)}(?P<qualifier>{words(QUALIFIERS)})"
        rf"(?:\s+|(?<=[-~<>≈≥≤])))?"
        rf"(?:(?P<symbol>[{_SYMBOLS}])"
        rf"|{_starts(_CURRENCY_CODES, guarded)}(?P<code>{words(_CURRENCY_CODES)})\s?)?"
        rf"(?P<number>{NUMBER})"
        rf"(?:\s?[-–]\s?(?P<number_to>{NUMBER})(?=\s?[%xX×$€£kKmMbB]|\s?per))?"
        rf"(?:\s?{_starts(_SCALES, guarded)}(?P<scale>{words(_SCALES)})(?![a-zA-Z]))?"
        rf"(?P<plus>\+)?"
        rf"(?:\s?{_starts(_BYTE_SCALES, guarded)}(?P<bytes>{words(_BYTE_SCALES)})\b"
        rf"|\s?{_starts(units, guarded)}(?P<unit>{_unit_alternation(tree)})"
        rf"|\s{_starts(_CURRENCY_WORDS, guarded)}"
        rf"(?P<currency_word>{words(_CURRENCY_WORDS)})\b)?"
        rf"(?P<plus_after>\+)?"
        rf"(?![\w/]|\.\d|,\d)",
        re.IGNORECASE,
    )


EXPRESSION = expression_pattern()
"""Qualifier, currency, number (or range), scale, "+", and a byte size, unit or currency word."""


class Expression(NamedTuple):
    """One expression's normalized value, unit, currency and qualifier, and where it is.

    A named tuple, immutable as a frozen dataclass is but built in a fifth of its time (a
    frozen dataclass sets each field through ``object.__setattr__``): every number read is one,
    and a line of figures reads thousands. ``_replace`` gives a copy with other values.
    """

    value: float
    unit: MetricUnit
    currency: str | None
    qualifier: MetricQualifier
    start: int
    end: int
    range_to: float | None = None


_GROUPED_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def parse_number(text: str) -> float | None:
    """A written number: "10,000", "1.5", "1,5" (decimal comma), "three"; None if not one."""
    cleaned = text.strip().lower()
    if cleaned in WORD_NUMBERS:
        return WORD_NUMBERS[cleaned]
    if _PLAIN_NUMBER.fullmatch(cleaned):  # the commonest, and without a comma the others fail
        return float(cleaned)
    if _GROUPED_NUMBER.fullmatch(cleaned):
        return float(cleaned.replace(",", ""))
    if _DECIMAL_COMMA.fullmatch(cleaned):
        return float(cleaned.replace(",", "."))
    return None


def read_expression(match: re.Match[str]) -> Expression | None:
    """The normalized value, unit and currency of one ``EXPRESSION`` match."""
    start, end = match.span()
    number: str = match["number"]
    if len(number) == end - start:  # a bare number: every other group is empty
        # Digits alone (``\d`` is a decimal digit, as ``isdecimal`` says) are what
        # ``parse_number`` reads as ``float`` itself, without its other forms' checks.
        value = float(number) if number.isdecimal() else parse_number(number)
        if value is None:
            return None
        return Expression(value, MetricUnit.COUNT, None, MetricQualifier.EXACT, start, end)
    return read_full_expression(match)


def read_full_expression(match: re.Match[str]) -> Expression | None:
    """``read_expression`` reading every group (the one path for all but bare numbers)."""
    number = parse_number(match["number"])
    if number is None:
        return None
    currency = _currency(match)
    scale_word = (match["scale"] or "").lower()
    if scale_word in {"m", "b", "k", "mm"} and currency is None and match["scale"].islower():
        return None  # "5m" (metres? minutes?) and "3b" are not a count without a currency
    scale = _SCALES.get(scale_word, 1.0)
    value = number * scale
    upper = parse_number(match["number_to"]) if match["number_to"] else None
    unit = MetricUnit.CURRENCY if currency else MetricUnit.COUNT
    if match["bytes"]:
        unit, value = MetricUnit.BYTES, number * _BYTE_SCALES[match["bytes"].lower()]
    elif match["unit"]:
        unit = _unit(match["unit"])
    qualifier = MetricQualifier.EXACT
    if match["qualifier"]:
        qualifier = QUALIFIERS[_SPACES.sub(" ", match["qualifier"].lower())]
    elif match["plus"] or match["plus_after"]:
        qualifier = MetricQualifier.AT_LEAST
    range_to = upper * scale if upper is not None else None
    return Expression(value, unit, currency, qualifier, match.start(), match.end(), range_to)


def _currency(match: re.Match[str]) -> str | None:
    if match["symbol"]:
        return _CURRENCY_SYMBOLS[match["symbol"]]
    if match["code"]:
        return _CURRENCY_CODES[match["code"].upper()]
    if match["currency_word"]:
        return _CURRENCY_WORDS[match["currency_word"].lower()]
    return None


_SPACES = re.compile(r"\s+")
"""Compiled once: ``re.sub`` with a pattern string looks the pattern up in ``re``'s cache on
each call, which cost a number with a unit more than the rest of ``_unit``."""


def _unit(written: str) -> MetricUnit:
    form = _SPACES.sub(" ", written.lower())
    return UNITS.get(form) or _UNITS_AFTER_SPACE[form]
