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

import phonenumbers

_NON_DIGIT = re.compile(r"\D")
_INTERNATIONAL_ZEROS = re.compile(r"^\(?00(?=[1-9])")
"""The ``00`` international call prefix most of the world dials in place of ``+``."""


def known_region(region: str) -> bool:
    """Whether ``region`` is a two-letter region code libphonenumber has numbering data for."""
    return region in phonenumbers.SUPPORTED_REGIONS


def _digits(text: str) -> str:
    """The digits, with the leading ``+`` the number was written with: the fallback value."""
    digits = _NON_DIGIT.sub("", text)
    return f"+{digits}" if _states_country(text) else digits


def _states_country(text: str) -> bool:
    stripped = text.strip().lstrip("(").lstrip()
    return stripped.startswith("+") or _INTERNATIONAL_ZEROS.match(text.strip()) is not None


def _parsed(text: str, default_region: str | None) -> phonenumbers.PhoneNumber | None:
    """The number libphonenumber reads, or None when it reads none or the length is impossible."""
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
    return number if phonenumbers.is_possible_number(number) else None


def normalize_phone(text: str, default_region: str | None = None) -> str:
    """E.164 (``+442055550123``) when the number states its country or ``default_region``
    supplies it and the length fits that country's plan; otherwise the digits as written (with
    their ``+``), so nothing is invented. Idempotent: a normalized value normalizes to itself."""
    number = _parsed(text, default_region)
    if number is None:
        return _digits(text)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_key(text: str) -> str:
    """A comparison key that needs no region: the national significant number, so
    ``+44 (0)20 555 0123`` and ``020 555 0123`` compare equal whatever region either was read
    in (for scoring against gold written either way)."""
    number = _parsed(text, None)
    if number is not None:
        return str(phonenumbers.national_significant_number(number))
    return _NON_DIGIT.sub("", text).lstrip("0")
