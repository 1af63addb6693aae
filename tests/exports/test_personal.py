"""The detectors behind --redact: what they must catch, and what they must leave alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resume_etl.errors import ConfigError, ErrorCode
from resume_etl.exports._patterns import PatternEntry, load_personal_patterns, shipped_patterns
from resume_etl.exports.redact import Redactor

REDACTOR = Redactor("test-salt")

DATA_EXAMPLES = [
    pytest.param(example, id=f"{entry.kind}:{example}")
    for entry in shipped_patterns()
    for example in entry.examples
]


@pytest.mark.parametrize("example", DATA_EXAMPLES)
def test_every_example_of_the_data_file_is_redacted(example: str) -> None:
    scrubbed = REDACTOR.scrub(f"Reach me: {example} (weekdays)")
    assert example not in scrubbed
    assert "redacted-" in scrubbed


ISSUE_FINDINGS = [
    "jane (at) example (dot) com",
    "jane [at] example [dot] com",
    "jane at example dot com",
    "12 rue de la Paix",
    "Keizersgracht 123",
    "PO Box 1234",
    "SW3 4AA",
    "Apt 4B",
    "NY 10118",
    "Hauptstraße 5",
    "10115 Berlin",
]
"""The values issue 17 found surviving --redact."""


@pytest.mark.parametrize("value", ISSUE_FINDINGS)
def test_values_that_used_to_survive_are_redacted(value: str) -> None:
    assert value not in REDACTOR.scrub(f"Contact: {value}, any time")


@pytest.mark.parametrize(
    "phone",
    [
        "+1 (212) 555-0147",
        "+44 20 7946 0958",
        "+44 (0)20 7946 0958",
        "+49 30 1234567",
        "+33 1 42 68 53 00",
        "0044 20 7946 0958",
        "(212) 555-0147",
        "212-555-0147",
        "212.555.0147",
        "1-800-555-0199",
        "020 7946 0958",
        "06 12 34 56 78",
        "06.12.34.56.78",
        "0612345678",
        "555 123 4567",
        "979-555-0134",
        "(978) 555-0134",
    ],
)
def test_phone_numbers_in_many_national_forms_are_redacted(phone: str) -> None:
    scrubbed = REDACTOR.scrub(f"Call {phone} after 6pm")
    assert phone not in scrubbed
    assert "redacted-phone-" in scrubbed


def test_a_number_after_a_cue_word_is_a_phone() -> None:
    assert "5550147" not in REDACTOR.scrub("Tel.: 5550147")


def test_a_phone_right_after_an_abbreviation_dot_is_found() -> None:
    assert "7946 0958" not in REDACTOR.scrub("Tel.020 7946 0958")


def test_a_phone_glued_to_a_year_is_still_found() -> None:
    assert "06 12 34 56 78" not in REDACTOR.scrub("Since 2019 2020 06 12 34 56 78")


NOT_PERSONAL = [
    "Jan 2019 - Mar 2021",
    "2019 - 2021",
    "2019-2021",
    "2018–2020, 2021-2023",
    "2015 2016 2017",
    "2020-03-15",
    "15.03.2020",
    "Q3 2021",
    "Cut latency by 40% across 12 services",
    "Grew revenue from 1200000 to 2400000",
    "$1,200,000 and 1 200 000 €",
    "Served 10000000 users",
    "ISBN 978-3-16-148410-0",
    "pp. 1523-1560",
    "Nature 12(3), 45-67",
    "Smith et al. Nature 12(3)",
    "ORCID 0000-0002-1825-0097",
    "https://orcid.org/0000-0002-1825-0097",
    "Python 3.11 and version 10.4.12",
    "build v1.2345678",
    "192.168.0.1",
    "24/7 on-call",
    "Led 12 engineers across 3 time zones",
    "worked at Booking.com",
    "Data Analyst at Globex",
    "Since 2020 Google Drive integration",
    "2019 First Place award",
    "Adobe Creative Suite 6",
    "Flat 5% growth",
    "Via automation, 40% faster",
    "Aggregate 3 feeds",
    "1024 MB RAM",
    "2019 ML Research",
    "Jane Q. Roe",
    "Senior Data Engineer",
    "Kafka, Python, SQL",
]


@pytest.mark.parametrize("text", NOT_PERSONAL)
def test_dates_numbers_and_ordinary_text_are_left_alone(text: str) -> None:
    assert REDACTOR.scrub(text) == text


def test_an_obfuscated_email_gets_the_token_of_the_plain_address() -> None:
    plain = REDACTOR.scrub("jane.roe@example.org")
    assert REDACTOR.scrub("jane.roe (at) example (dot) org") == plain
    assert REDACTOR.scrub("Jane.Roe [AT] Example [DOT] org") == plain


def test_a_street_with_its_postcode_after_it_is_one_address() -> None:
    scrubbed = REDACTOR.scrub("Bahnhofstrasse 1, 8001 Zürich")
    assert scrubbed.count("redacted-address-") == 1
    assert "8001" not in scrubbed


def test_a_text_with_several_kinds_keeps_the_words_between_them() -> None:
    text = "Write to jane@example.org or call +44 20 7946 0958; office: 221B Baker Street, London"
    scrubbed = REDACTOR.scrub(text)
    assert scrubbed.startswith("Write to redacted-")
    assert "; office: redacted-address-" in scrubbed
    assert scrubbed.endswith(", London")


def _write_lines(path: Path, rows: list[object]) -> Path:
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", "utf-8")
    return path


def test_loader_reads_a_valid_file(tmp_path: Path) -> None:
    row = {"kind": "unit", "countries": ["GB"], "words": ["Flat"], "note": "flats"}
    (entry,) = load_personal_patterns(_write_lines(tmp_path / "p.jsonl", [row]))
    assert entry == PatternEntry(kind="unit", countries=("GB",), words=("Flat",), note="flats")


@pytest.mark.parametrize(
    "bad_row",
    [
        {"kind": "postcode", "countries": ["GB"], "note": "no pattern"},
        {"kind": "postcode", "countries": ["GB"], "pattern": "([", "note": "broken"},
        {"kind": "unit", "countries": ["GB"], "words": [], "note": "no words"},
        {"kind": "street", "countries": ["GB"], "words": ["Road"], "note": "unknown kind"},
        {"kind": "unit", "countries": ["GB"], "words": ["Flat"]},
        ["not", "an", "object"],
    ],
)
def test_loader_names_the_bad_line(tmp_path: Path, bad_row: object) -> None:
    good = {"kind": "unit", "countries": ["GB"], "words": ["Flat"], "note": "flats"}
    path = _write_lines(tmp_path / "p.jsonl", [good, bad_row])
    with pytest.raises(ConfigError) as raised:
        load_personal_patterns(path)
    assert raised.value.code == ErrorCode.E102_BAD_LEXICON
    assert f"{path}:2:" in raised.value.message
