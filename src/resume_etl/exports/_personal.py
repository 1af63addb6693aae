"""Finding personal values in any exported string: emails, phone numbers, postal addresses.

Redaction must hold for every string an export writes, wherever the extractor put the value (an
email inside an organization name, an address inside a bullet), so detection works on text alone.
Each detector is one or a few linear-time regular expressions built from the data file
(``_patterns``); phone numbers written internationally (``+44 …``) are confirmed with
``phonenumbers`` (Google's libphonenumber metadata: a country code and a possible length for it).

Detection errs towards redacting: a street-shaped or phone-shaped value is replaced even when it
might not be one, while dates, date ranges, page ranges, versions, ISBNs, ORCID iDs, percentages
and plain amounts are left alone (``tests/exports/test_personal.py`` holds both lists).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache

import phonenumbers

from resume_etl.exports._patterns import PatternEntry, PatternKind, shipped_patterns, words_of


class PersonalKind(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    ADDRESS = "address"
    TOKEN = "token"
    """A token an earlier scrub wrote: kept as it is, so scrubbing twice changes nothing."""


@dataclass(frozen=True, slots=True)
class Found:
    """A personal value at ``[start, end)``; ``key`` is the normalized value its token hashes."""

    start: int
    end: int
    kind: PersonalKind
    key: str


_UPPER = "".join(re.escape(c) for c in map(chr, range(0x41, 0x250)) if c.isupper())
_SP = r"[ \t\u00a0]"
"""Spaces inside one address: an address never runs across a line break."""
_CAP = rf"[{_UPPER}][\w'’-]{{0,30}}"
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)"
_HOUSE = r"\d{1,5}[A-Za-z]?(?:[ \t]?[-–/][ \t]?\d{1,5}[A-Za-z]?)?"
_HOUSE_SHORT = r"\d{1,3}[A-Za-z]?(?:[ \t]?[-–][ \t]?\d{1,3}[A-Za-z]?)?"
_NUMBER_END = r"(?![\w%/]|[.,]\d)"
"""A house number ends here: not inside a word, a percentage or a decimal."""

_PLAIN_EMAIL = re.compile(r"(?<![\w.+%-])[\w.%+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
_TOKEN = re.compile(r"redacted-(?:phone-|address-)?[0-9a-f]{16}(?:@redacted\.invalid)?")
"""A token of an earlier scrub: left alone, so scrubbing twice changes nothing."""

_PHONE = re.compile(
    r"(?<![\w+/,-])(?<!\d\.)(?:(?:\+|00)[ \t]?\d{1,4}[ \t.\-]?)?(?:\(0?\d{1,5}\)[ \t.\-]?)?"
    r"\d{1,15}(?:[ \t.\-–/]\d{1,8}){0,6}(?![\w/]|[.,]\d)"
)
"""Digit groups joined by single separators, optionally after +CC/00CC and an (area code)."""
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–/]\s*(?:(?:19|20)\d\d|\d\d)")
_DATE = re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}")
_RANGE = re.compile(r"(\d{2,6})\s*[-–]\s*(\d{2,6})")
_ISBN = re.compile(r"97[89][-\s]")
"""An ISBN-13's prefix; a number grouped 3-3-4 is a North American phone all the same: 978 and
979 are area codes."""
_DOTTED_SMALL_GROUPS = re.compile(r"\d{1,3}(?:\.\d{1,3}){2,3}")
"""Versions and IP addresses: '10.4.12', '192.168.0.1'."""
_NANP = re.compile(r"(?:1[ .\-])?\d{3}[ .\-]\d{3}[ .\-]\d{4}")
_THOUSANDS = re.compile(r"\d{1,3}(?:[ .]\d{3})+")
_YEAR = re.compile(r"(?:19|20)\d\d")
_ORCID = re.compile(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]")
_GROUP = re.compile(r"[+(]?\d+")
"""One digit group of a phone candidate, with the + or ( that opens it."""
_MIN_PHONE_DIGITS = 7


@dataclass(frozen=True)
class PersonalFinder:
    """Every detector compiled once from the pattern entries."""

    emails: tuple[re.Pattern[str], ...]
    email_dot: re.Pattern[str]
    phone_cue: re.Pattern[str]
    addresses: tuple[re.Pattern[str], ...]
    street_tail: re.Pattern[str]

    def find(self, text: str) -> list[Found]:
        """Every email, phone and address in ``text``; overlaps are resolved by the caller."""
        found = [Found(m.start(), m.end(), PersonalKind.TOKEN, "") for m in _TOKEN.finditer(text)]
        found.extend(self._emails(text))
        found.extend(self._phones(text))
        found.extend(self._addresses(text))
        return found

    def _emails(self, text: str) -> list[Found]:
        found = [
            Found(match.start(), match.end(), PersonalKind.EMAIL, match.group().lower())
            for match in _PLAIN_EMAIL.finditer(text)
        ]
        for pattern in self.emails:
            for match in pattern.finditer(text):
                labels = self.email_dot.split(match.group("domain"))
                key = f"{match.group('local')}@{'.'.join(labels)}".lower()
                found.append(Found(match.start(), match.end(), PersonalKind.EMAIL, key))
        return found

    def _phones(self, text: str) -> list[Found]:
        found = []
        for at, _, candidate in phone_candidates(text):

            def cued(offset: int, at: int = at) -> bool:
                return self._cued(text, at + offset)

            groups = [(group.start(), group.end()) for group in _GROUP.finditer(candidate)]
            for start, end in _phone_ranges(candidate, groups, cued):
                piece = candidate[start:end]
                found.append(Found(at + start, at + end, PersonalKind.PHONE, piece))
        return found

    def _cued(self, text: str, start: int) -> bool:
        """A phone cue word ('Tel:', 'mobile', '☎') ends at most 20 characters before ``start``."""
        return self.phone_cue.search(text, max(0, start - 20), start) is not None

    def _addresses(self, text: str) -> list[Found]:
        found = []
        for pattern in self.addresses:
            for match in pattern.finditer(text):
                end = match.end()
                tail = self.street_tail.match(text, end) if match.lastgroup == "street" else None
                end = tail.end() if tail else end
                key = " ".join(text[match.start() : end].lower().split())
                found.append(Found(match.start(), end, PersonalKind.ADDRESS, key))
        return found


def phone_candidates(text: str) -> Iterator[tuple[int, int, str]]:
    """Runs of digit groups with 7 digits or more: where a phone number can be."""
    for match in _PHONE.finditer(text):
        if sum(char.isdigit() for char in match.group()) >= _MIN_PHONE_DIGITS:
            yield match.start(), match.end(), match.group()


def _phone_ranges(
    candidate: str, groups: list[tuple[int, int]], cued: Callable[[int], bool]
) -> list[tuple[int, int]]:
    """The phones among a run of digit groups: the longest run of groups that is one, then the
    same on either side of it. A phone glued to a year or another number by a single space
    ('2019 06 12 34 56 78') is still found; an ORCID iD or an ISBN is not cut into one."""
    if not groups or _ORCID.fullmatch(candidate[groups[0][0] : groups[-1][1]]):
        return []
    best: tuple[int, int] | None = None
    for first in range(len(groups)):
        for last in range(len(groups) - 1, first - 1, -1):
            start, end = groups[first][0], groups[last][1]
            if best is not None and end - start <= groups[best[1]][1] - groups[best[0]][0]:
                continue
            if _is_phone(candidate[start:end], cued(start)):
                best = (first, last)
    if best is None:
        return []
    first, last = best
    return [
        *_phone_ranges(candidate, groups[:first], cued),
        (groups[first][0], groups[last][1]),
        *_phone_ranges(candidate, groups[last + 1 :], cued),
    ]


def _is_phone(candidate: str, cued: bool) -> bool:
    """Whether a digit-group candidate is a phone number rather than a date, range or amount."""
    digits = sum(char.isdigit() for char in candidate)
    if not _MIN_PHONE_DIGITS <= digits <= 15 or _not_a_phone(candidate):
        return False
    if candidate.startswith(("+", "00")):
        return _possible_international(candidate)
    if cued or candidate.startswith("(") or _NANP.fullmatch(candidate):
        return True
    if candidate.startswith("0"):
        return digits >= 9
    return _grouped_like_a_phone(candidate, digits)


def _grouped_like_a_phone(candidate: str, digits: int) -> bool:
    """Three or more groups of 2+ digits, 9+ in all, that are neither years nor thousands."""
    groups = re.findall(r"\d+", candidate)
    return (
        len(groups) >= 3
        and min(map(len, groups)) >= 2
        and digits >= 9
        and not all(_YEAR.fullmatch(group) for group in groups)
        and not _THOUSANDS.fullmatch(candidate)
    )


def _not_a_phone(candidate: str) -> bool:
    """Shapes that are never phones: year ranges, dates, ascending ranges, ISBNs, versions."""
    if (
        _YEAR_RANGE.fullmatch(candidate)
        or _DATE.fullmatch(candidate)
        or (_ISBN.match(candidate) and not _NANP.fullmatch(candidate))
        or _DOTTED_SMALL_GROUPS.fullmatch(candidate)
    ):
        return True
    pair = _RANGE.fullmatch(candidate)
    return pair is not None and int(pair.group(2)) > int(pair.group(1))


@lru_cache(maxsize=4096)
def _possible_international(candidate: str) -> bool:
    """libphonenumber knows the country code and a possible length for its numbers."""
    number = "+" + candidate[2:] if candidate.startswith("00") else candidate
    try:
        return bool(phonenumbers.is_possible_number(phonenumbers.parse(number, None)))
    except phonenumbers.NumberParseException:
        return False


def _alternation(words: tuple[str, ...], flags: str = "") -> str:
    """``(?flags:w1|w2)`` with each word escaped and its inner spaces made flexible."""
    escaped = (re.escape(word).replace(r"\ ", rf"{_SP}*") for word in words)
    body = "|".join(escaped)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


def build_finder(entries: tuple[PatternEntry, ...]) -> PersonalFinder:
    """Compile every detector from the entries (the shipped file unless a test passes others)."""
    at_words = _alternation(words_of(entries, PatternKind.EMAIL_AT), "i")
    dot_words = _alternation(words_of(entries, PatternKind.EMAIL_DOT), "i")
    return PersonalFinder(
        emails=_email_patterns(at_words, dot_words),
        email_dot=re.compile(_any_dot(dot_words)),
        phone_cue=re.compile(
            rf"(?<!\w){_alternation(words_of(entries, PatternKind.PHONE_CUE), 'i')}"
            r"(?!\w)[\s.:#()\-]*$"
        ),
        addresses=tuple(_address_patterns(entries)),
        street_tail=re.compile(rf",?{_SP}*(?:[A-Z]{{1,2}}-)?\d{{4}}{_SP}{_CAP}"),
    )


def _email_patterns(at_words: str, dot_words: str) -> tuple[re.Pattern[str], ...]:
    """Obfuscated addresses: 'jane (at) example (dot) com', 'jane at example dot com'.

    A bracketed 'at' (or an @ with spaces) may go with literal dots; a bare 'at' needs spelled-out
    dots, or every 'worked at Booking.com' would read as an address.
    """
    local = r"(?P<local>(?<![\w.+-])[\w][\w.+-]{0,63})"
    label = r"[\w-]{1,63}"
    bracket_at = rf"\s*[(\[{{<]\s*{at_words}\s*[)\]}}>]\s*|\s+@\s*|\s*@\s+"
    bracket_dot = _spelled_dot(dot_words)
    spaced_dot = _any_dot(dot_words)
    tld = r"[A-Za-z]{2,24}(?![\w])"
    return (
        re.compile(
            rf"{local}(?:{bracket_at})(?P<domain>{label}(?:(?:{spaced_dot}){label}){{0,6}}"
            rf"(?:{spaced_dot}){tld})"
        ),
        re.compile(
            rf"{local}\s+{at_words}\s+(?P<domain>{label}(?:(?:{bracket_dot}){label}){{0,6}}"
            rf"(?:{bracket_dot}){tld})"
        ),
    )


def _spelled_dot(dot_words: str) -> str:
    """A dot written out: '(dot)', '[.]', ' dot '."""
    return rf"\s*[(\[{{<]\s*(?:{dot_words}|\.)\s*[)\]}}>]\s*|\s+{dot_words}\s+"


def _any_dot(dot_words: str) -> str:
    """A dot written out, or a literal one with spaces around it allowed."""
    return rf"{_spelled_dot(dot_words)}|\s*\.\s*"


def _address_patterns(entries: tuple[PatternEntry, ...]) -> list[re.Pattern[str]]:
    particle = _alternation(words_of(entries, PatternKind.NAME_PARTICLE))
    part = rf"(?:{particle}{_SP}+|[lLdD]['’]{_SP}?)"
    name = rf"{part}{{0,3}}{_CAP}(?:[{_SP[1:-1]}-]{part}{{0,3}}{_CAP}){{0,4}}"

    def words(kind: PatternKind, flags: str = "") -> str:
        return _alternation(words_of(entries, kind), flags)

    street_templates = [
        rf"(?<![\w.])(?!(?:19|20)\d\d\b){_HOUSE}{_SP}+(?:(?:{_CAP}|{_ORDINAL}|[NSEW]\.?){_SP}+){{1,4}}"
        rf"{words(PatternKind.STREET_AFTER_NAME)}(?!\w)",
        rf"(?<![\w.]){_HOUSE}(?:{_SP}?(?:bis|ter))?,?{_SP}+"
        rf"{words(PatternKind.STREET_BEFORE_NAME_NUMBER_FIRST, 'i')}{_SP}+{name}",
        rf"(?<![\w.]){words(PatternKind.STREET_BEFORE_NAME_NUMBER_AFTER)}{_SP}*{name},?{_SP}+"
        rf"(?:n[º°o]\.?{_SP}*)?{_HOUSE_SHORT}{_NUMBER_END}",
        rf"(?<![\w])[{_UPPER}][\w'’-]{{0,40}}?{words(PatternKind.STREET_SUFFIX, 'i')}"
        rf"{_SP}?{_HOUSE_SHORT}{_NUMBER_END}",
        rf"(?<![\w])[{_UPPER}][\w'’-]{{1,40}}{_SP}{words(PatternKind.STREET_SUFFIX, 'i')}"
        rf"{_SP}?{_HOUSE_SHORT}{_NUMBER_END}",
    ]
    patterns = [re.compile(f"(?P<street>{template})") for template in street_templates]
    unit_number = rf"{_SP}*#?{_SP}*[A-Za-z]?\d{{1,5}}[A-Za-z]?{_NUMBER_END}"
    patterns.append(re.compile(rf"(?<![\w.]){words(PatternKind.UNIT)}{unit_number}"))
    patterns.append(
        re.compile(rf"(?<![\w.]){words(PatternKind.UNIT_BEFORE_COMMA)}{unit_number}(?={_SP}*,)")
    )
    patterns.append(
        re.compile(
            rf"(?<![\w.]){words(PatternKind.PO_BOX, 'i')}{_SP}*[:#]?{_SP}*"
            rf"\d{{1,6}}(?:{_SP}\d{{2}}){{0,3}}(?!\w)"
        )
    )
    patterns.extend(
        re.compile(entry.pattern)
        for entry in entries
        if entry.kind == PatternKind.POSTCODE and entry.pattern
    )
    return patterns


@cache
def shipped_finder() -> PersonalFinder:
    """The finder of the shipped data file, compiled once per process."""
    return build_finder(shipped_patterns())
