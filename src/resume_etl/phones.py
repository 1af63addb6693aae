"""Phone numbers: one normalized value per number, E.164 whenever the country is known.

``+44 (0)20 555 0123``, ``+44 20 5550123`` and, read in region GB, ``020 555 0123`` are one
number, so they get one normalized value (``+44205550123``), one redaction token and one join
key. Parsing is Google's libphonenumber (the ``phonenumbers`` package): it knows every
country's calling code, trunk prefix (the ``(0)``) and number lengths, which hand-written
rules never keep up with.

A number that states no country (no ``+``, no ``00``) is read in the pipeline's
``[extract.contacts] default_region``; without one it keeps its digits, because guessing a
country would join numbers that are not the same (a ten-digit Indian mobile is a "possible"
US number too).
"""

from __future__ import annotations

import re
import unicodedata

import phonenumbers

_NON_DIGIT = re.compile(r"\D")
_INTERNATIONAL_ZEROS = re.compile(r"^\(?00(?=[1-9])")
"""The ``00`` international call prefix most of the world dials in place of ``+``."""


def known_region(region: str) -> bool:
    """Whether ``region`` is a two-letter region code libphonenumber has numbering data for."""
    return region in phonenumbers.SUPPORTED_REGIONS


def _ascii_digits(text: str) -> str:
    """``text`` with every Unicode decimal digit ("٣", "３", a Gondi seven) as its ASCII digit.

    libphonenumber folds only some scripts' digits and drops or misreads others, so one
    number read twice could lose a digit each time; read as ASCII first, a number is read the
    same way however its digits were written, and a normalized value normalizes to itself."""
    if text.isascii():
        return text
    return "".join(
        str(value) if (value := unicodedata.decimal(char, None)) is not None else char
        for char in text
    )


def _digits(text: str) -> str:
    """The digits, with the leading ``+`` the number was written with: the fallback value."""
    digits = _NON_DIGIT.sub("", text)
    return f"+{digits}" if _states_country(text) else digits


def _states_country(text: str) -> bool:
    stripped = text.strip().lstrip("(").lstrip()
    return stripped.startswith("+") or _INTERNATIONAL_ZEROS.match(text.strip()) is not None


def _parsed(text: str, default_region: str | None) -> phonenumbers.PhoneNumber | None:
    """The number libphonenumber reads, or None when it reads none, the length is impossible,
    or the reading is unstable (:func:`_reads_back`)."""
    stripped = text.strip()
    if _states_country(stripped):
        stripped = _INTERNATIONAL_ZEROS.sub("+", stripped)
        region = None
    elif default_region is None:
        return None
    else:
        region = default_region
    try:
        number = phonenumbers.parse(stripped, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return number if _reads_back(number) else None


def _reads_back(number: phonenumbers.PhoneNumber) -> bool:
    """Whether the number's E.164 form reads as the same number. Not so when its national
    part is leading zeros ("+971 0000000"): libphonenumber takes the first for a trunk prefix
    and strips it, one more at each reading, so the E.164 value would shrink every time it is
    normalized again; such a number keeps its digits as written."""
    if not number.italian_leading_zero:
        return True
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    try:
        again = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.format_number(again, phonenumbers.PhoneNumberFormat.E164) == e164


def normalize_phone(text: str, default_region: str | None = None) -> str:
    """E.164 (``+442055550123``) when the number states its country or ``default_region``
    supplies it and the length fits that country's plan; otherwise the digits as written (with
    their ``+``), so nothing is invented. Idempotent: a normalized value normalizes to itself."""
    text = _ascii_digits(text)
    number = _parsed(text, default_region)
    if number is None:
        return _digits(text)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_key(text: str) -> str:
    """A comparison key that needs no region: the national significant number, so
    ``+44 (0)20 555 0123`` and ``020 555 0123`` compare equal whatever region either was read
    in (for scoring against gold written either way)."""
    text = _ascii_digits(text)
    number = _parsed(text, None)
    if number is not None:
        return str(phonenumbers.national_significant_number(number))
    return _NON_DIGIT.sub("", text).lstrip("0")
