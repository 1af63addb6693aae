from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.exports import SALT_ENV_VAR
from resume_etl.exports.redact import Redactor, redactor_for
from resume_etl.records import CharSpan, ContactRecord
from resume_etl.vocab import ContactKind


def _phone(value: str, normalized: str) -> ContactRecord:
    return ContactRecord(
        doc_id="d1",
        contact_id="c1",
        kind=ContactKind.PHONE,
        value=value,
        normalized=normalized,
        span=CharSpan(start=0, end=len(value)),
    )


def test_same_email_in_any_case_gives_the_same_token() -> None:
    redactor = Redactor("salt")
    assert redactor.email("Jane@Example.org") == redactor.email("jane@example.org")


def test_another_salt_gives_another_token() -> None:
    assert Redactor("one").email("jane@example.org") != Redactor("two").email("jane@example.org")


def test_phone_token_matches_whether_keyed_by_contact_or_found_in_text() -> None:
    redactor = Redactor("salt")
    contact = _phone("+44 (0)20 555 0123", "+440205550123")
    assert redactor.contact(contact) == redactor.phone("+44 (0)20 555 0123")


def test_scrub_replaces_the_documents_contacts_as_written() -> None:
    redactor = Redactor("salt")
    contact = _phone("613-555-0155", "6135550155")
    scrubbed = redactor.scrub("Call 613-555-0155 today", [contact])
    assert scrubbed == f"Call {redactor.contact(contact)} today"


def test_scrub_finds_emails_the_extractor_missed() -> None:
    scrubbed = Redactor("salt").scrub("Write to ops@example.org.")
    assert "ops@example.org" not in scrubbed
    assert "@redacted.invalid" in scrubbed


@pytest.mark.parametrize(
    "address", ["221B Baker Street", "12 Elm Ave.", "Hauptstraße 5", "1600 Amphitheatre Way"]
)
def test_scrub_replaces_street_addresses(address: str) -> None:
    scrubbed = Redactor("salt").scrub(f"Lives at {address}, London")
    assert address not in scrubbed
    assert "redacted-address-" in scrubbed


@pytest.mark.parametrize(
    "text", ["Jan 2019 - Mar 2021", "2019 - 2021", "Cut latency by 40% across 12 services"]
)
def test_scrub_leaves_dates_and_numbers_alone(text: str) -> None:
    assert Redactor("salt").scrub(text) == text


def test_no_redactor_unless_asked() -> None:
    assert redactor_for(False, "salt") is None


def test_redact_without_any_salt_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SALT_ENV_VAR, raising=False)
    with pytest.raises(ResumeEtlError) as raised:
        redactor_for(True)
    assert raised.value.code == ErrorCode.E120_NO_SALT


def test_salt_comes_from_the_environment_when_not_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SALT_ENV_VAR, "from-env")
    assert redactor_for(True) == Redactor("from-env")


def _email(value: str) -> ContactRecord:
    return ContactRecord(
        doc_id="d1",
        contact_id="c2",
        kind=ContactKind.EMAIL,
        value=value,
        normalized=value.lower(),
        span=CharSpan(start=0, end=len(value)),
    )


def test_email_in_text_gets_the_same_token_as_its_contact_row() -> None:
    redactor = Redactor("salt")
    contact = _email("Jane.Roe@Example.org")
    scrubbed = redactor.scrub("Mail Jane.Roe@Example.org now", [contact])
    assert scrubbed == f"Mail {redactor.contact(contact)} now"


@given(
    st.lists(
        st.sampled_from(
            ["jane@example.org", "+44 20 5555 0123", "221B Baker Street", "Go", "2019 - 2021", " "]
        ),
        max_size=8,
    )
)
def test_scrub_is_idempotent(parts: list[str]) -> None:
    redactor = Redactor("salt")
    once = redactor.scrub(" ".join(parts))
    assert redactor.scrub(once) == once


def test_redact_strings_scrubs_every_string_but_the_kept_keys() -> None:
    document = {
        "doc_id": "0612345678",
        "organization": "Acme (hr@example.org)",
        "bullets": ["Call 020 7946 0958", "Cut costs 40%"],
        "dates": {"gte": "2019-01-01"},
        "count": 3,
    }
    redactor = Redactor("salt")
    redacted = redactor.for_document().redact_strings(document, frozenset({"doc_id"}))
    assert isinstance(redacted, dict)
    assert redacted["doc_id"] == "0612345678"
    assert redacted["organization"] == f"Acme ({Redactor('salt').email('hr@example.org')})"
    assert redacted["bullets"] == [
        f"Call {Redactor('salt').phone('020 7946 0958')}",
        "Cut costs 40%",
    ]
    assert redacted["dates"] == {"gte": "2019-01-01"}
    assert redacted["count"] == 3


def test_a_piece_of_a_phone_known_from_the_document_is_redacted() -> None:
    redaction = Redactor("salt").for_document(document_text="Mobile +31 6 12345678, Amsterdam")
    assert "12345678" not in redaction.scrub("31 6 12345678")


def test_an_address_known_from_the_document_is_redacted_without_its_context() -> None:
    redaction = Redactor("salt").for_document(document_text="Suite 500, Chicago")
    assert redaction.scrub("Suite 500") != "Suite 500"
