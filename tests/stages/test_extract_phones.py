"""Phones: found in the forms résumés write them, and normalized to one E.164 value."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from resume_etl.config import ContactSettings
from resume_etl.nlp.contacts import ContactFinder
from resume_etl.phones import normalize_phone, phone_key
from resume_etl.stages.extract import ExtractedDocument

Extract = Callable[[str], ExtractedDocument]


def _phones(extracted: ExtractedDocument) -> list[tuple[str, str]]:
    return [(c.found("value").value, c.normalized) for c in extracted.contacts if c.kind == "phone"]


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("Mobile: +123134537890", "+123134537890"),
        ("Tel 0612345678", "0612345678"),
        ("Phone: 9876543210", "9876543210"),
        ("Cell: 0123-456789", "0123-456789"),
        ("Mob. 98765 43210", "98765 43210"),
        ("Telefon: 030/1234567", "030/1234567"),
        ("☎ 0612345678", "0612345678"),
    ],
)
def test_a_labelled_number_without_separators_is_a_phone(
    extract_text: Extract, line: str, number: str
) -> None:
    assert [value for value, _ in _phones(extract_text(f"Jane Roe\n{line}\n"))] == [number]


@pytest.mark.parametrize(
    "number",
    [
        "+44 (0)20 555 0123",
        "(+98) 939 41 45 337",
        "0044 (0) 1236456789",
        "+92-3324793085",
        "(86) 18823348934",
        "(57) 350 6372445",
        "+212700443660",
        "555.010.2030",
        "(123)345-7890",
        "717- 980-3461",
    ],
)
def test_international_bracketed_and_dotted_forms_are_found_whole(
    extract_text: Extract, number: str
) -> None:
    assert [value for value, _ in _phones(extract_text(f"Jane Roe\n{number}\n"))] == [number]


@pytest.mark.parametrize(
    "text",
    [
        "Experience\nAnalyst, Acme 2023-03 - 2024-08\n",
        "Education\nBSc 03.2019 – 05.2020\n",
        "Skills\nSold 1234567 units\n",
        "Employee ID 1234567890\n",
        "Years: 2015 2016 2017\n",
        "Journal 131(636), 1523-1560.\n",
        "Book, ISBN: 978-0134546933\n",
        "ORCID 0000-0002-1825-0097\n",
        "Constants 3.14159 2.71828\n",
    ],
)
def test_dates_ranges_and_unlabelled_digit_runs_are_not_phones(
    extract_text: Extract, text: str
) -> None:
    assert _phones(extract_text(text)) == []


def test_a_digit_run_beside_an_email_is_a_phone(extract_text: Extract) -> None:
    found = _phones(extract_text("Jane Roe\njane@example.org | 9876543210\n"))
    assert [value for value, _ in found] == ["9876543210"]


def test_a_range_dash_ends_the_number(extract_text: Extract) -> None:
    found = _phones(extract_text("Jane Roe\nPhone: 123-345-7890 - 2019\n"))
    assert [value for value, _ in found] == ["123-345-7890"]


def test_the_three_writings_of_one_london_number_normalize_to_one_value() -> None:
    values = {
        normalize_phone("+44 (0)20 555 0123"),
        normalize_phone("020 555 0123", "GB"),
        normalize_phone("+44 20 5550123"),
    }
    assert values == {"+44205550123"}


def test_without_a_region_a_national_number_keeps_its_digits() -> None:
    assert normalize_phone("020 555 0123") == "0205550123"
    assert normalize_phone("0044 (0) 1236456789") == "+441236456789"


def test_the_configured_region_reaches_the_component() -> None:
    finder = ContactFinder(ContactSettings(default_region="gb").default_region)
    assert finder.default_region == "GB"


def test_an_unknown_region_is_a_config_error() -> None:
    with pytest.raises(ValueError, match="not a region code"):
        ContactSettings(default_region="XX")


_GROUPINGS = st.sampled_from(
    [
        "+44 {a}{b} {c}{d}{e}{f} {g}{h}{i}{j}",
        "+44 (0){a}{b} {c}{d}{e}{f} {g}{h}{i}{j}",
        "0{a}{b} {c}{d}{e}{f} {g}{h}{i}{j}",
        "0{a}{b}-{c}{d}{e}{f}-{g}{h}{i}{j}",
        "(0{a}{b}) {c}{d}{e}{f}{g}{h}{i}{j}",
        "0044 {a}{b}{c}{d}{e}{f}{g}{h}{i}{j}",
        "+44.{a}{b}.{c}{d}{e}{f}.{g}{h}{i}{j}",
    ]
)


@settings(max_examples=60, deadline=None)
@given(
    first=st.sampled_from("12378"),
    rest=st.lists(st.sampled_from("0123456789"), min_size=9, max_size=9),
    left=_GROUPINGS,
    right=_GROUPINGS,
)
def test_any_two_writings_of_one_number_normalize_alike(
    first: str, rest: list[str], left: str, right: str
) -> None:
    digits = dict(zip("abcdefghij", [first, *rest], strict=True))
    one, other = left.format(**digits), right.format(**digits)
    assert normalize_phone(one, "GB") == normalize_phone(other, "GB")
    assert normalize_phone(one, "GB").startswith("+44")
    assert phone_key(one) == phone_key(other)


@settings(max_examples=60, deadline=None)
@given(
    number=st.from_regex(
        r"\+[1-9]\d{1,2}[ .-]?[1-9]\d{1,3}[ .-]?\d{3,4}[ .-]?\d{3,4}", fullmatch=True
    )
)
@example(number="+9\U00011d5710000000")  # a digit of another script (Gondi seven)
@example(number="+97 10 000 000")  # +971 and a national part of zeros: read as a trunk 0
def test_normalizing_twice_changes_nothing(number: str) -> None:
    """(A national number never starts with its trunk 0 once the country code is written.)"""
    once = normalize_phone(number, "US")
    assert normalize_phone(once, "US") == once


def test_digits_of_another_script_read_as_their_ascii_digits() -> None:
    arabic_indic = "+\u0664\u0664 \u0662\u0660 \u0667\u0669\u0664\u0666 \u0660\u0660\u0660\u0660"
    assert normalize_phone(arabic_indic, "US") == normalize_phone("+44 20 7946 0000", "US")
    assert phone_key(arabic_indic) == phone_key("+44 20 7946 0000")
