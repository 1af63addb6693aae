"""Redaction tokens of phones key on the E.164 value, so one number gives one token."""

from __future__ import annotations

from resume_etl.config import ContactSettings, ExtractSettings, load_config
from resume_etl.exports.redact import Redactor
from resume_etl.nlp import labels
from resume_etl.nlp.build import build_nlp
from resume_etl.phones import normalize_phone
from resume_etl.records import CharSpan, ContactRecord
from resume_etl.vocab import ContactKind
from tests.conftest import DEFAULT_PIPELINE


def _phone(value: str, region: str | None) -> ContactRecord:
    return ContactRecord(
        doc_id="d1",
        contact_id="c1",
        kind=ContactKind.PHONE,
        value=value,
        normalized=normalize_phone(value, region),
        span=CharSpan(start=0, end=len(value)),
    )


def test_three_writings_of_one_number_give_one_token() -> None:
    redactor = Redactor("salt")
    tokens = {
        redactor.contact(_phone("+44 (0)20 555 0123", "GB")),
        redactor.contact(_phone("020 555 0123", "GB")),
        redactor.contact(_phone("+44 20 5550123", "GB")),
        redactor.phone("+44 (0)20 555 0123"),  # found in free text, not extracted
    }
    assert len(tokens) == 1


def test_the_pipeline_files_default_region_normalizes_national_numbers() -> None:
    settings: ExtractSettings = load_config(DEFAULT_PIPELINE).extract
    gb = settings.model_copy(update={"contacts": ContactSettings(default_region="GB")})
    doc = build_nlp(gb)("Call 020 555 0123 or +44 20 5550123")
    found = [span._.get(labels.CONTACT_ATTR).normalized for span in doc.spans[labels.CONTACTS]]
    assert found == ["+44205550123", "+44205550123"]
