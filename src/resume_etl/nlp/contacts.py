"""The contacts component's finder: e-mails, phone numbers and URLs with exact offsets.

Linear-time regular expressions find the candidates; a phone candidate is kept by what
surrounds it (a label, a country code, its grouping, an e-mail beside it), and every contact
carries its join key (``ContactMatch.normalized``: phones in E.164 via ``resume_etl.phones``).
The factory ``resume_etl_contacts_v1`` that builds it lives in ``components.py``.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc, Span

from resume_etl.nlp import labels
from resume_etl.nlp.doc_text import doc_text
from resume_etl.nlp.ranges import CharRanges
from resume_etl.phones import normalize_phone
from resume_etl.vocab import LinkPlatform
from resume_etl.wordlists import LexiconEntry, builtin_path, load_lexicon, read_rows

if not Span.has_extension(labels.CONTACT_ATTR):
    Span.set_extension(labels.CONTACT_ATTR, default=None)

PHONE_LABELS_FILE = "phone_labels.jsonl"
"""Words that label a phone number (``nlp/data``), read once per component."""
PROFILE_SITES_FILE = "profile_sites.jsonl"
"""The profile sites (``nlp/data``): found bare here, named as platforms by the links table."""
NOT_PHONE = "not_phone"
"""The category of the labels in that file that say a number is something else."""

_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b"
)


@dataclass(frozen=True, slots=True)
class ProfileSite:
    """A site people link their profile on: found without a scheme ("github.com/jdoe"), and
    named as its link's platform (``links.platform``; ``website`` for a site without one)."""

    domain: str
    platform: LinkPlatform
    country_domains: bool = False
    """The site also lives under country domains ("scholar.google.de", "scholar.google.co.uk"):
    a link's host is matched by the name before the top-level domain."""


@functools.cache
def profile_sites() -> tuple[ProfileSite, ...]:
    """The sites of ``nlp/data/profile_sites.jsonl``, in file order, read once per process."""
    return read_rows(builtin_path(PROFILE_SITES_FILE), _profile_site)


def _profile_site(raw: dict[str, object]) -> ProfileSite:
    domain = str(raw["name"])
    if domain != domain.lower() or "/" in domain or "." not in domain:
        raise ValueError(f"{domain!r}: a site is a lower-case domain name, without a path")
    return ProfileSite(
        domain, LinkPlatform(str(raw["category"])), raw.get("country_domains") is True
    )


_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>()\[\]\"'`]{1,2000}"
    r"|\b(?:[a-z0-9-]{1,63}\.)?(?:"
    + "|".join(re.escape(site.domain) for site in profile_sites())
    + r")/[^\s<>()\[\]\"'`]{1,500}",
    re.IGNORECASE,
)
"""A link: anything after a scheme or "www.", or a profile site's page written bare. The sites'
order does not matter: no domain is a prefix of another, so at most one can match in a place."""
_URL_TRAILING = ".,;:!?)]}'\""
_PHONE_SEPARATOR = r"(?:[ ./]|[-\u2010-\u2014]\s?|\s[-\u2010-\u2014](?!\s))"
"""One separator between digit groups; a dash with spaces on both sides separates a range."""
_PHONE = re.compile(
    r"(?<![\w+/.-])"
    r"(?:(?:\+\s?\d{1,4}|\(\+?\d{1,4}\)|00\d{1,3})[ .-]?)?"  # +44, (+98), (86), 0044
    r"(?:\(0\)\s?)?"  # the trunk prefix written after a country code: +44 (0)20
    r"(?:\(\d{1,5}\)\s?(?:-\s?)?)?"  # an area code in brackets: (555) 010-2030
    rf"\d+(?:{_PHONE_SEPARATOR}\d+)*"
    r"(?![\w/])"
)
"""Phone-number candidates: digit groups with single separators (or none), after an optional
country code, trunk prefix and area code. Which candidates are phones is decided after."""
_COUNTRY_PREFIX = re.compile(r"^\(?(?:\+|00[1-9])")
_GROUPED = re.compile(r"^(?:\(\d{1,5}\)\s?-?\s?)?\d{2,5}(?:(?:[ .]|-\s?|\s-)\d{2,6}){1,4}$")
"""How an unlabelled number without a country code is grouped when it is a phone: groups of
2-5 digits ("555.010.2030", "(123)345-7890", "06 12 34 56 78"), never "3.14159 2.71828"."""
_GROUP = re.compile(r"\d+")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_MONTH_YEAR = re.compile(r"^\d{1,2}[-./](?:19|20)\d{2}$")
_RANGE_DASH = re.compile(r"\s[-\u2010-\u2014]\s?|\s?[\u2013\u2014]\s?")
"""The dash between the two dates of a range ("2023-03 - 2024-08", "03.2019–05.2020")."""
_NEAR_EMAIL_CHARS = 60
"""A bare run of digits this close to an e-mail address sits in a contact block."""
_BARE_NEAR_EMAIL_DIGITS = (10, 13)
_LABEL_WINDOW = 40
_IMAGE_LINK_REACH = 1_000
"""How far back on its line a URL's ``![alt](`` is looked for (a whole-line search per URL was
quadratic on a long line of links)."""
_YEAR_RANGE = re.compile(r"^(?:19|20)\d{2}\s*-\s*(?:(?:19|20)\d{2}|\d{2})$")
_ISO_DATE = re.compile(r"^\d{4}[-.]\d{1,2}(?:[-.]\d{1,2})?$")
_DAY_FIRST_DATE = re.compile(r"^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$")
_NUMBER_RANGE = re.compile(r"^(\d{2,5})\s*-\s*(\d{2,5})$")
"""Pages "1523-1560" or counts "120-150": an ascending pair of same-length numbers."""


def _is_number_range(text: str) -> bool:
    found = _NUMBER_RANGE.match(text)
    if found is None:
        return False
    low, high = found.groups()
    return len(low) == len(high) and int(high) > int(low)


def _is_image_link(text: str, start: int) -> bool:
    """The URL of a markdown image, ``![badge](https://…)``: decoration, not the person's link."""
    reach = max(0, start - _IMAGE_LINK_REACH)
    newline = text.rfind("\n", reach, start)
    before = text[reach if newline == -1 else newline + 1 : start]
    opening = before.rfind("![")
    return before.endswith("](") and opening != -1 and before.rfind("[") == opening + 1


@dataclass(frozen=True, slots=True)
class ContactMatch:
    """An email, phone or URL with its exact offsets.

    The span around it covers whole tokens, and a token can be wider than the match (a markdown
    ``[Site](https://…)`` is one token), so the exact text travels on ``Span._``.
    """

    label: str
    start_char: int
    end_char: int
    text: str
    normalized: str
    """The join key: an email in lower case, a phone in E.164 (``resume_etl.phones``), a URL
    as written."""


def char_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """A token-aligned span covering ``[start, end)``, grown to whole tokens."""
    span: Span | None = doc.char_span(start, end, label=label, alignment_mode="expand")
    return span


def _is_date(part: str) -> bool:
    return bool(
        _ISO_DATE.match(part)
        or _DAY_FIRST_DATE.match(part)
        or _MONTH_YEAR.match(part)
        or _YEAR.match(part)
    )


def _is_date_or_range(compact: str) -> bool:
    groups = _GROUP.findall(compact)
    parts = _RANGE_DASH.split(compact)
    if len(parts) == 2 and all(_is_date(part.strip()) for part in parts):
        return True
    return bool(
        _YEAR_RANGE.match(compact)
        or _ISO_DATE.match(compact)
        or _DAY_FIRST_DATE.match(compact)
        or _is_number_range(compact)
        or (len(groups) > 1 and all(_YEAR.match(group) for group in groups))
    )


def _phone_label_pattern(entries: Iterable[LexiconEntry]) -> re.Pattern[str]:
    """Text that ends in a phone label: "Mobile:", "Tel.", "Phone #:", "Contact No.", "☎"."""
    forms = sorted({form for entry in entries for form in entry.forms}, key=len, reverse=True)
    alternatives = "|".join(re.escape(form) for form in forms)
    return re.compile(
        rf"(?:^|(?<![\w]))(?:{alternatives})\s*(?:#|no\.?|nr\.?|number)?\s*[:：.,)\-–]?\s*[\[(]?$",
        re.IGNORECASE,
    )


def _load_phone_labels() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(labels of phone numbers, labels of other numbers: "ISBN", "ORCID", "Passport No")."""
    path = Path(str(resources.files("resume_etl.nlp") / "data" / PHONE_LABELS_FILE))
    entries = load_lexicon(path)
    return (
        _phone_label_pattern(e for e in entries if e.category != NOT_PHONE),
        _phone_label_pattern(e for e in entries if e.category == NOT_PHONE),
    )


class ContactFinder:
    """Emails, phone numbers and URLs, found with linear-time regular expressions.

    ``default_region`` (a two-letter region code, or None) is the country phone numbers
    written without a country code are read in when they are normalized.
    """

    def __init__(self, default_region: str | None = None) -> None:
        self.default_region = default_region
        self._phone_label, self._other_label = _load_phone_labels()

    def _labelled(self, text: str, start: int, label: re.Pattern[str]) -> bool:
        """Whether ``label`` ends the text before ``start`` on its line."""
        window = text[max(0, start - _LABEL_WINDOW) : start]
        window = window[window.rfind("\n") + 1 :]
        return label.search(window) is not None

    def is_phone(self, text: str, start: int, end: int, emails: list[tuple[int, int]]) -> bool:
        """A candidate is a phone when it has 7-15 digits, is no date, range or labelled other
        number (ISBN, P.O. Box), and either states a country (+, 00), follows a phone label,
        opens with a bracketed code, is grouped as phone numbers are (2-5 digits a group; a
        slash only after a label), or, as one run of 10-13 digits, sits beside an e-mail."""
        found = text[start:end]
        digits = sum(char.isdigit() for char in found)
        if not 7 <= digits <= 15 or _is_date_or_range(found.strip()):
            return False
        if self._labelled(text, start, self._other_label):
            return False
        if _COUNTRY_PREFIX.match(found) or self._labelled(text, start, self._phone_label):
            return True
        if "/" in found:  # "030/1234567" only when labelled: unlabelled, "05/2019 - 06/2020"
            return False
        if not found.isdigit():  # a bracketed code first is a phone's; else its grouping tells
            return found.startswith("(") or _GROUPED.match(found) is not None
        low, high = _BARE_NEAR_EMAIL_DIGITS
        if not low <= digits <= high:
            return False
        # ``emails`` are in text order and apart: the first ending near enough decides.
        first = bisect_left(emails, start - _NEAR_EMAIL_CHARS, key=lambda email: email[1])
        return first < len(emails) and emails[first][0] <= end + _NEAR_EMAIL_CHARS

    def _normalized(self, label: str, text: str) -> str:
        if label == labels.EMAIL:
            return text.lower()
        if label == labels.PHONE:
            return normalize_phone(text, self.default_region)
        return text

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        spans: list[Span] = []
        email_ranges: list[tuple[int, int]] = []
        for match in _EMAIL.finditer(text):
            email_ranges.append(match.span())
            spans.extend(self._spans(doc, text, [match.span()], labels.EMAIL))
        emails = CharRanges(email_ranges)
        for match in _URL.finditer(text):
            start, end = match.span()
            end -= len(match.group()) - len(match.group().rstrip(_URL_TRAILING))
            if not emails.contain(start) and not _is_image_link(text, start):
                spans.extend(self._spans(doc, text, [(start, end)], labels.URL))
        url_ranges = CharRanges(
            (m.start_char, m.end_char) for m in (s._.get(labels.CONTACT_ATTR) for s in spans)
        )
        for match in _PHONE.finditer(text):
            inside = url_ranges.contain(match.start())
            if not inside and self.is_phone(text, match.start(), match.end(), email_ranges):
                spans.extend(self._spans(doc, text, [match.span()], labels.PHONE))
        doc.spans[labels.CONTACTS] = sorted(spans, key=lambda span: span.start_char)
        return doc

    def _spans(
        self, doc: Doc, text: str, ranges: Iterable[tuple[int, int]], label: str
    ) -> list[Span]:
        spans = []
        for start, end in ranges:
            span = char_span(doc, start, end, label)
            span_text = text[start:end]
            if span is not None:
                normalized = self._normalized(label, span_text)
                match = ContactMatch(label, start, end, span_text, normalized)
                span._.set(labels.CONTACT_ATTR, match)
                spans.append(span)
        return spans
