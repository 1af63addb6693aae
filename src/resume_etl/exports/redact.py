"""Redaction for exports: emails, phone numbers and street addresses become stable salted hashes.

The same value under the same salt always gives the same token, in every export and every run,
so a downstream system can still join and de-duplicate on it; without the salt nobody can
confirm a guessed address by hashing it, which a plain (unsalted) hash would allow. That is why
there is no default salt: ``--redact`` without one is an error, not a silent weak hash.

Tokens keep the shape of what they replace (an email token is a syntactically valid address on
the reserved ``.invalid`` domain), so schemas that check formats still accept redacted files.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.exports import SALT_ENV_VAR
from resume_etl.exports._personal import Found, PersonalKind, phone_candidates, shipped_finder
from resume_etl.phones import normalize_phone
from resume_etl.records import ContactRecord
from resume_etl.vocab import ContactKind

TOKEN_HEX_DIGITS = 16
"""64 bits of HMAC-SHA256: collisions are negligible for any realistic number of people."""

TOKEN_EMAIL_DOMAIN = "redacted.invalid"
"""Reserved top-level domain (RFC 2606): a token can never be someone's real address."""

JsonValue = dict[str, "JsonValue"] | list["JsonValue"] | str | int | float | bool | None
"""A document as an export writes it: what ``model_dump(mode="json")`` returns."""

MIN_KNOWN_CHARS = 5
"""Known values shorter than this are not searched for as written (too likely to be a part of
another word); the detectors still see them."""

MAX_KNOWN_VALUES = 256
"""Distinct known values of one document searched for in its fields (contacts first, then in
text order). A résumé has a handful; the cap keeps a pathological text (a megabyte of phone
numbers) linear. The detectors still run on every field."""


@dataclass(frozen=True)
class Redactor:
    """Replaces personal values with HMAC-SHA256 tokens keyed by ``salt``."""

    salt: str

    def token(self, kind: str, normalized_value: str) -> str:
        """Hex digest of a value: the part of every replacement that joins rely on."""
        message = f"{kind}:{normalized_value}".encode()
        digest = hmac.new(self.salt.encode(), message, hashlib.sha256).hexdigest()
        return digest[:TOKEN_HEX_DIGITS]

    def email(self, email: str) -> str:
        token = self.token(ContactKind.EMAIL, email.strip().lower())
        return f"redacted-{token}@{TOKEN_EMAIL_DOMAIN}"

    def phone(self, phone: str) -> str:
        return f"redacted-phone-{self.token(ContactKind.PHONE, _phone_digits(phone))}"

    def address(self, address: str) -> str:
        return f"redacted-address-{self.token('address', ' '.join(address.lower().split()))}"

    def contact(self, contact: ContactRecord) -> str:
        """The replacement of one contact, keyed by its normalized value."""
        if contact.kind == ContactKind.EMAIL:
            return self.email(contact.normalized)
        return self.phone(contact.normalized)

    def scrub(self, text: str, contacts: Sequence[ContactRecord] = ()) -> str:
        """``text`` with ``contacts``, and every other email, phone or address, replaced."""
        return self.for_document(contacts).scrub(text)

    def for_document(
        self, contacts: Sequence[ContactRecord] = (), document_text: str = ""
    ) -> DocumentRedaction:
        """A scrubber for the strings of one document, knowing its contacts and the personal
        values found in its whole text (``document_text``)."""
        detected = _detect(document_text)
        found_in_text = [
            KnownValue(item.kind, document_text[item.start : item.end], item.key)
            for item in detected
            if item.kind != PersonalKind.TOKEN
        ]
        known = [*_contact_values(contacts), *found_in_text]
        distinct = dict.fromkeys(value for value in known if len(value.written) >= MIN_KNOWN_CHARS)
        return DocumentRedaction(self, tuple(distinct)[:MAX_KNOWN_VALUES], document_text, detected)

    def replacement(self, item: Found, written: str) -> str:
        """The token of a found value; an earlier token stays as written."""
        if item.kind == PersonalKind.TOKEN:
            return written
        if item.kind == PersonalKind.EMAIL:
            return self.email(item.key)
        if item.kind == PersonalKind.PHONE:
            return self.phone(item.key)
        return self.address(item.key)


@dataclass(frozen=True)
class KnownValue:
    """A personal value of the document: as written, and the key of its token."""

    kind: PersonalKind
    written: str
    key: str


@dataclass(frozen=True)
class DocumentRedaction:
    """Scrubs the strings of one document, using what is known about its whole text.

    An exported field is often a piece of a line: 'Suite 500' without the comma that made it an
    address, '31 6 12345678' without the '+' of a phone. Values found in the whole text (and the
    extracted contacts) are therefore replaced wherever they, or (phones, emails) a piece of them,
    occur in a field, besides everything the detectors find in the field itself.
    """

    redactor: Redactor
    known: tuple[KnownValue, ...]
    document_text: str = ""
    document_found: list[Found] = field(default_factory=list)
    """What the detectors found in ``document_text``: the search feed exports the text itself,
    and detecting twice would double the cost of the largest string."""

    def scrub(self, text: str) -> str:
        """``text`` with every known and every detected personal value replaced by its token.

        All matches are found on the original text and replaced in one pass, so a token is never
        read again as a phone or an address.
        """
        detected = self.document_found if text == self.document_text else _detect(text)
        tokens = [item for item in detected if item.kind == PersonalKind.TOKEN]
        preferred = tokens + _known_spans(text, self.known)
        pieces, position = [], 0
        for item in _without_overlaps(preferred, detected + _pieces_of_known(text, self.known)):
            pieces.append(text[position : item.start])
            pieces.append(self.redactor.replacement(item, text[item.start : item.end]))
            position = item.end
        pieces.append(text[position:])
        return "".join(pieces)

    def redact_strings(
        self, value: JsonValue, keep_keys: frozenset[str] = frozenset()
    ) -> JsonValue:
        """``value`` with every string in it scrubbed, keys and ``keep_keys``' values excepted.

        Exports run this over the whole document they write, so no field (an organization, a
        publication title, a skill) can carry a contact or an address out unredacted.
        """
        if isinstance(value, str):
            return self.scrub(value)
        if isinstance(value, list):
            return [self.redact_strings(item, keep_keys) for item in value]
        if isinstance(value, dict):
            return {
                key: item if key in keep_keys else self.redact_strings(item, keep_keys)
                for key, item in value.items()
            }
        return value


def _contact_values(contacts: Sequence[ContactRecord]) -> list[KnownValue]:
    """Each contact as written and normalized, keyed by its normalized value."""
    known = []
    for contact in contacts:
        kind = PersonalKind.EMAIL if contact.kind == ContactKind.EMAIL else PersonalKind.PHONE
        for form in dict.fromkeys((contact.value, contact.normalized)):
            known.append(KnownValue(kind, form, contact.normalized))
    return known


def _detect(text: str) -> list[Found]:
    """Everything the detectors find in ``text``, overlapping addresses joined."""
    return _joined_addresses(text, shipped_finder().find(text)) if text else []


def _known_spans(text: str, known: Sequence[KnownValue]) -> list[Found]:
    """Every place a known value occurs as written."""
    found = []
    for value in known:
        start = text.find(value.written)
        while start != -1:
            found.append(Found(start, start + len(value.written), value.kind, value.key))
            start = text.find(value.written, start + len(value.written))
    return found


_MIN_PIECE_DIGITS = 7
_EMAIL_PIECE = re.compile(r"[\w.%+-]{1,64}@[\w.-]{1,255}")


def _pieces_of_known(text: str, known: Sequence[KnownValue]) -> list[Found]:
    """Phone-shaped runs whose digits (7 or more) lie inside a known phone's digits, and
    email-shaped runs inside a known email: the pieces an extractor cut out of a contact."""
    phone_pieces = _digit_pieces(known)
    emails = [(value.key.lower(), value) for value in known if value.kind == PersonalKind.EMAIL]
    found = []
    if phone_pieces:
        for start, end, candidate in phone_candidates(text):
            owner = phone_pieces.get(re.sub(r"\D", "", candidate))
            if owner is not None:
                found.append(Found(start, end, PersonalKind.PHONE, owner.key))
    if emails:
        for match in _EMAIL_PIECE.finditer(text):
            piece = match.group().lower().strip(".")
            owner = next((value for whole, value in emails if piece in whole), None)
            if owner is not None:
                found.append(Found(match.start(), match.end(), PersonalKind.EMAIL, owner.key))
    return found


def _digit_pieces(known: Sequence[KnownValue]) -> dict[str, KnownValue]:
    """Every run of 7+ consecutive digits of every known phone, to the phone it belongs to."""
    pieces: dict[str, KnownValue] = {}
    for value in known:
        if value.kind != PersonalKind.PHONE:
            continue
        digits = re.sub(r"\D", "", value.written)
        for start in range(len(digits)):
            for end in range(start + _MIN_PIECE_DIGITS, len(digits) + 1):
                pieces.setdefault(digits[start:end], value)
    return pieces


def _joined_addresses(text: str, found: list[Found]) -> list[Found]:
    """Overlapping address matches as one address: 'PO Box 12345' and '12345 Berlin' overlap in
    'PO Box 12345 Berlin', and either alone would leave a part of the other in the export."""
    addresses = sorted(
        (item for item in found if item.kind == PersonalKind.ADDRESS), key=lambda i: i.start
    )
    joined: list[Found] = []
    for item in addresses:
        if joined and item.start < joined[-1].end:
            start, end = joined[-1].start, max(joined[-1].end, item.end)
            key = " ".join(text[start:end].lower().split())
            joined[-1] = Found(start, end, PersonalKind.ADDRESS, key)
        else:
            joined.append(item)
    return [item for item in found if item.kind != PersonalKind.ADDRESS] + joined


def _without_overlaps(preferred: list[Found], others: list[Found]) -> list[Found]:
    """Earlier tokens and known values first, then the longest detected matches; in text order.

    Longest first keeps ``221B Baker Street`` one address rather than a shorter match inside it.
    A byte per character marks what is taken, so the cost is the total length of the matches.
    """
    chosen: list[Found] = []
    end = max((item.end for item in [*preferred, *others]), default=0)
    taken = bytearray(end)
    for item in [*_longest_first(preferred), *_longest_first(others)]:
        if any(taken[item.start : item.end]):
            continue
        taken[item.start : item.end] = b"\x01" * (item.end - item.start)
        chosen.append(item)
    return sorted(chosen, key=lambda item: item.start)


def _longest_first(found: list[Found]) -> list[Found]:
    return sorted(found, key=lambda item: (item.start - item.end, item.start))


def _phone_digits(phone: str) -> str:
    """The number's E.164 form when it states its country, else its digits: the same key as
    ``contacts.normalized`` (which is already normalized, and normalizes to itself)."""
    return normalize_phone(phone)


def redactor_for(redact: bool, salt: str | None = None) -> Redactor | None:
    """The redactor an export should use: none unless asked, and never one without a salt."""
    if not redact:
        return None
    salt = salt or os.environ.get(SALT_ENV_VAR)
    if not salt:
        raise ResumeEtlError(
            ErrorCode.E120_NO_SALT,
            f"--redact needs a salt: pass --salt or set {SALT_ENV_VAR}",
        )
    return Redactor(salt)
