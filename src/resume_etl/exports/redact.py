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
from dataclasses import dataclass

from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.exports import SALT_ENV_VAR
from resume_etl.phones import normalize_phone
from resume_etl.records import ContactRecord
from resume_etl.vocab import ContactKind

TOKEN_HEX_DIGITS = 16
"""64 bits of HMAC-SHA256: collisions are negligible for any realistic number of people."""

TOKEN_EMAIL_DOMAIN = "redacted.invalid"
"""Reserved top-level domain (RFC 2606): a token can never be someone's real address."""

EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_PATTERN = re.compile(r"(?:\+\d{1,3}|\(\d{2,5}\))[\d ().-]{6,}\d")
"""Phones the extractor may have missed; only international (+) or area-code-first forms, so
date ranges such as '2019 - 2021' never match."""
STREET_PATTERN = re.compile(
    r"\b\d{1,5}[A-Za-z]?\s+(?:[A-Z][\w'.-]*\s+){1,4}"
    r"(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Ln\.|Drive|Dr\.|Boulevard|Blvd\.|Way|Court|Ct\.|"
    r"Place|Pl\.|Terrace|Crescent|Close)(?![\w])"
    r"|\b[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|weg|gasse|platz|allee)\s+\d{1,4}[a-z]?\b"
)
"""Street addresses: '221B Baker Street', '12 Elm Ave.', 'Hauptstraße 5'. The tables have no
address column; addresses only occur inside free text, which is scrubbed with this pattern."""


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
        """``text`` with the document's contacts, and any other email, phone or street, replaced.

        Contacts are replaced as written first (they are the extractor's surest finds, and
        their normalized form keys the token); the patterns then catch what was not extracted.
        """
        for contact in sorted(contacts, key=lambda contact: -len(contact.value)):
            text = text.replace(contact.value, self.contact(contact))
        text = EMAIL_PATTERN.sub(self._email_unless_token, text)
        text = PHONE_PATTERN.sub(lambda match: self.phone(match.group()), text)
        return STREET_PATTERN.sub(lambda match: self.address(match.group()), text)

    def _email_unless_token(self, match: re.Match[str]) -> str:
        """An email's token, leaving tokens alone: they are emails too, on purpose."""
        found = match.group()
        return found if found.endswith(f"@{TOKEN_EMAIL_DOMAIN}") else self.email(found)


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
