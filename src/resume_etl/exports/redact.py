"""Redaction for exports: emails, phone numbers and street addresses become stable salted hashes.

The same value under the same salt always gives the same token, in every export and every run,
so a downstream system can still join and de-duplicate on it; without the salt nobody can
confirm a guessed address by hashing it, which a plain (unsalted) hash would allow. That is why
there is no default salt: ``--redact`` without one is an error, not a silent weak hash.

Tokens keep the shape of what they replace (an email token is a syntactically valid address on
the reserved ``.invalid`` domain), so schemas that check formats still accept redacted files.
"""

from __future__ import annotations

import bisect
import hashlib
import hmac
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass

from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.exports._personal import Found, PersonalKind, shipped_finder
from resume_etl.records import ContactRecord
from resume_etl.vocab import ContactKind

SALT_ENV_VAR = "RESUME_ETL_REDACT_SALT"
"""Environment variable read for the salt when no ``--salt``/``salt=`` is given."""

TOKEN_HEX_DIGITS = 16
"""64 bits of HMAC-SHA256: collisions are negligible for any realistic number of people."""

TOKEN_EMAIL_DOMAIN = "redacted.invalid"
"""Reserved top-level domain (RFC 2606): a token can never be someone's real address."""

JsonValue = dict[str, "JsonValue"] | list["JsonValue"] | str | int | float | bool | None
"""A document as an export writes it: what ``model_dump(mode="json")`` returns."""

MIN_CONTACT_CHARS = 5
"""Contact values shorter than this are not searched for as written (too likely to be a part
of another word); the detectors still see them."""


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
        """``text`` with the document's contacts, and every other email, phone or address, replaced.

        The contacts, as written and normalized, are the extractor's surest finds and key their
        tokens; the detectors (``_personal``) catch what was not extracted, wherever it landed.
        All matches are found on the original text and replaced in one pass, so a token is never
        read again as a phone or an address.
        """
        detected = shipped_finder().find(text)
        tokens = [item for item in detected if item.kind == PersonalKind.TOKEN]
        preferred = tokens + _contact_spans(text, contacts)
        pieces, position = [], 0
        for item in _without_overlaps(preferred, detected):
            pieces.append(text[position : item.start])
            pieces.append(self._replacement(item, text[item.start : item.end]))
            position = item.end
        pieces.append(text[position:])
        return "".join(pieces)

    def redact_strings(
        self,
        value: JsonValue,
        contacts: Sequence[ContactRecord] = (),
        keep_keys: frozenset[str] = frozenset(),
    ) -> JsonValue:
        """``value`` with every string in it scrubbed, keys and ``keep_keys``' values excepted.

        Exports run this over the whole document they write, so no field (an organization, a
        publication title, a skill) can carry a contact or an address out unredacted.
        """
        if isinstance(value, str):
            return self.scrub(value, contacts)
        if isinstance(value, list):
            return [self.redact_strings(item, contacts, keep_keys) for item in value]
        if isinstance(value, dict):
            return {
                key: item if key in keep_keys else self.redact_strings(item, contacts, keep_keys)
                for key, item in value.items()
            }
        return value

    def _replacement(self, item: Found, written: str) -> str:
        if item.kind == PersonalKind.TOKEN:
            return written
        if item.kind == PersonalKind.EMAIL:
            return self.email(item.key)
        if item.kind == PersonalKind.PHONE:
            return self.phone(item.key)
        return self.address(item.key)


def _contact_spans(text: str, contacts: Sequence[ContactRecord]) -> list[Found]:
    """Every place a contact occurs as written or normalized, keyed by its normalized value."""
    found = []
    for contact in contacts:
        kind = PersonalKind.EMAIL if contact.kind == ContactKind.EMAIL else PersonalKind.PHONE
        for form in {contact.value, contact.normalized}:
            if len(form) < MIN_CONTACT_CHARS:
                continue
            start = text.find(form)
            while start != -1:
                found.append(Found(start, start + len(form), kind, contact.normalized))
                start = text.find(form, start + len(form))
    return found


def _without_overlaps(preferred: list[Found], others: list[Found]) -> list[Found]:
    """Earlier tokens and the contacts first, then the longest detected matches; in text order.

    Longest first keeps ``221B Baker Street`` one address rather than a shorter match inside it.
    """
    chosen: list[Found] = []
    taken: list[tuple[int, int]] = []
    for item in [*_longest_first(preferred), *_longest_first(others)]:
        at = bisect.bisect_left(taken, (item.start, item.end))
        before = taken[at - 1] if at else None
        after = taken[at] if at < len(taken) else None
        if (before and before[1] > item.start) or (after and after[0] < item.end):
            continue
        taken.insert(at, (item.start, item.end))
        chosen.append(item)
    return sorted(chosen, key=lambda item: item.start)


def _longest_first(found: list[Found]) -> list[Found]:
    return sorted(found, key=lambda item: (item.start - item.end, item.start))


def _phone_digits(phone: str) -> str:
    """Digits with a leading + when the number had one: the same key as ``contacts.normalized``."""
    digits = re.sub(r"\D", "", phone)
    return f"+{digits}" if phone.strip().startswith("+") else digits


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
