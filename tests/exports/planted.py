"""Personal values to plant in documents and records, and a check that none left an export.

The strategies draw emails (plain and obfuscated), phone numbers in national and international
forms, and street addresses, unit numbers, post-office boxes and postcodes of several countries,
with random digits and names so no test can pass by knowing a value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from hypothesis import strategies as st


@dataclass(frozen=True)
class Planted:
    """A personal value as written, and the digits that must not survive when it is a phone."""

    text: str
    digits: str = ""


def _digits(count: int) -> st.SearchStrategy[str]:
    return st.text("0123456789", min_size=count, max_size=count)


_LOCAL = st.from_regex(r"[a-z]{4,8}(\.[a-z]{4,8})?", fullmatch=True)
_DOMAIN = st.from_regex(r"[a-z]{5,10}(-[a-z]{3,6})?", fullmatch=True)
_TLD = st.sampled_from(["com", "org", "net", "io", "de", "co"])
_EMAIL_FORMS = [
    "{l}@{d}.{t}",
    "{L}@{D}.{T}",
    "{l} (at) {d} (dot) {t}",
    "{l} [at] {d} [dot] {t}",
    "{l} at {d} dot {t}",
    "{l} AT {d} DOT {t}",
    "{l}(at){d}.{t}",
    "{l} {{at}} {d} {{dot}} {t}",
    "{l} @ {d} . {t}",
]


@st.composite
def emails(draw: st.DrawFn) -> Planted:
    local, domain, tld = draw(_LOCAL), draw(_DOMAIN), draw(_TLD)
    form = draw(st.sampled_from(_EMAIL_FORMS))
    if " at " in form.lower():
        local = local.replace(".", "")  # a bare 'at' form is one word before it
    return Planted(
        form.format(l=local, d=domain, t=tld, L=local.title(), D=domain.upper(), T=tld.upper())
    )


_PHONE_FORMS = [
    "+1 ({a}) {3}-{4}",
    "+1-{a}-{3}-{4}",
    "+44 20 {4} {4}",
    "+44 (0)20 {4} {4}",
    "+49 30 {7}",
    "+33 1 {2} {2} {2} {2}",
    "+31 6 {8}",
    "0044 20 {4} {4}",
    "({a}) {3}-{4}",
    "{a}-{3}-{4}",
    "{a}.{3}.{4}",
    "020 {4} {4}",
    "06 {2} {2} {2} {2}",
    "06.{2}.{2}.{2}.{2}",
    "030 {7}",
    "06{8}",
]


@st.composite
def phones(draw: st.DrawFn) -> Planted:
    form = draw(st.sampled_from(_PHONE_FORMS))
    area = str(draw(st.integers(201, 989)))
    text = re.sub(r"\{(\d)\}", lambda group: draw(_digits(int(group.group(1)))), form)
    text = text.replace("{a}", area)
    digits = re.sub(r"\D", "", text)
    return Planted(text, digits if len(digits) >= 9 else "")


_HOUSE = st.integers(1, 899).map(str)
_GB_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


@st.composite
def _gb_postcode(draw: st.DrawFn) -> str:
    area = draw(st.sampled_from(["SW", "NW", "EC", "W", "M", "B", "LS", "EH"]))
    inward = draw(st.text(_GB_LETTERS, min_size=2, max_size=2))
    return f"{area}{draw(st.integers(1, 9))} {draw(st.integers(0, 9))}{inward}"


@st.composite
def addresses(draw: st.DrawFn) -> Planted:
    house = draw(_HOUSE)
    zip5 = f"{draw(st.integers(10000, 99999))}"
    forms = [
        f"{house} {draw(st.sampled_from(['Baker', 'Elm', 'Oak', 'Station', 'Mill']))} "
        f"{draw(st.sampled_from(['Street', 'Road', 'Avenue', 'Lane', 'Drive', 'St', 'Rd']))}",
        f"{house} rue de la {draw(st.sampled_from(['Paix', 'Gare', 'Liberté', 'Poste']))}",
        f"{draw(st.sampled_from(['Haupt', 'Bahnhof', 'Schiller', 'Linden']))}straße {house[:3]}",
        f"{draw(st.sampled_from(['Keizers', 'Heren', 'Prinsen']))}gracht {house[:3]}",
        f"{draw(st.sampled_from(['Calle', 'Via']))} "
        f"{draw(st.sampled_from(['Mayor', 'Roma', 'Garibaldi', 'Verdi']))} {house[:3]}",
        f"PO Box {draw(st.integers(1, 99999))}",
        f"Apt {house}{draw(st.sampled_from(['', 'A', 'B']))}",
        draw(_gb_postcode()),
        f"{draw(st.sampled_from(['NY', 'CA', 'TX', 'WA']))} {zip5}",
        f"{zip5} {draw(st.sampled_from(['Berlin', 'Paris', 'Madrid', 'München']))}",
        f"{draw(st.integers(1000, 1899))} {draw(st.sampled_from(['CJ', 'AB', 'KL']))} Amsterdam",
    ]
    return Planted(draw(st.sampled_from(forms)))


personal_values = st.one_of(emails(), phones(), addresses())

NEUTRAL_WORDS = ["Kubernetes", "quarterly", "Postgres", "onboarding", "2019", "40%"]
"""Words every planted field also carries: redaction must leave them (no over-redaction)."""


def strings_in(value: object) -> Iterator[str]:
    """Every string value inside a JSON-like document (dict keys are the export's own)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def survivors(planted: list[Planted], exported: list[str]) -> list[str]:
    """The planted values any exported string still holds, as written or (phones) as digits."""
    digit_runs = [re.sub(r"\D", "", text) for text in exported]
    left = []
    for value in planted:
        if any(value.text in text for text in exported) or (
            value.digits and any(value.digits in run for run in digit_runs)
        ):
            left.append(value.text)
    return left
