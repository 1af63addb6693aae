"""The metric grammar reads every word its data file lists, and nothing else decides a unit."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_etl.nlp.metric_expression import (
    DATA_FILE,
    EXPRESSION,
    QUALIFIERS,
    UNITS,
    expression_pattern,
    parse_number,
    read_expression,
    read_full_expression,
)
from resume_etl.vocab import MetricQualifier, MetricUnit
from resume_etl.wordlists import builtin_values, word_tree


@pytest.mark.parametrize("form", sorted(UNITS))
def test_every_unit_form_in_the_data_file_is_read_with_its_unit(form: str) -> None:
    match = EXPRESSION.search(f"grew 7 {form} last year")
    assert match is not None
    expression = read_expression(match)
    assert expression is not None
    assert (expression.value, expression.unit) == (7, UNITS[form])


@pytest.mark.parametrize("form", sorted(QUALIFIERS))
def test_every_qualifier_form_in_the_data_file_is_read(form: str) -> None:
    match = EXPRESSION.search(f"served {form} 300 users")
    assert match is not None
    expression = read_expression(match)
    assert expression is not None
    assert expression.qualifier is QUALIFIERS[form]
    assert expression.qualifier is not MetricQualifier.EXACT


def test_a_letter_unit_written_on_the_number_is_not_read_as_a_unit() -> None:
    """ "1.8 s" is seconds, "the 1990s" is no duration."""
    spaced = EXPRESSION.search("loads in 1.8 s")
    assert spaced is not None
    expression = read_expression(spaced)
    assert expression is not None
    assert expression.unit is MetricUnit.SECONDS
    assert not any(m["unit"] for m in EXPRESSION.finditer("in the 1990s"))


def test_currency_words_map_to_their_codes() -> None:
    assert builtin_values(DATA_FILE, "currency_word")["euros"] == "EUR"
    match = EXPRESSION.search("raised 40 euros")
    assert match is not None
    expression = read_expression(match)
    assert expression is not None
    assert (expression.unit, expression.currency) == (MetricUnit.CURRENCY, "EUR")


@given(st.text(alphabet="0123456789.,%$€ -+kKmMxX~<>approx٣٤۵५", max_size=30))
def test_a_bare_number_is_read_as_the_full_reading_reads_it(text: str) -> None:
    for match in EXPRESSION.finditer(text):
        assert read_expression(match) == read_full_expression(match)


@given(st.text(st.characters(categories=["Nd"]), min_size=1, max_size=12))
def test_digits_alone_are_read_as_parse_number_reads_them(digits: str) -> None:
    """The bare number's shortcut (``float`` of decimal digits, any script's) is
    ``parse_number``'s own reading."""
    assert digits.isdecimal()
    assert float(digits) == parse_number(digits)


_PLAIN = expression_pattern(guarded=False, tree=False)
"""The grammar without the first-character look-aheads and with flat alternations."""
_PIECES = st.sampled_from(
    [
        "5", "12", "3.5", "10,000", "2019", "-", "–", " ", "  ", "\n", "%", "x", "×", "+",
        "$", "€", "USD", "usd ", "k", "K", "M", "mm", "million", "Bn", "GB", "ms", " ms",
        "hours", "hrs", "s", "ſ", "K", "ı", "İ", "µs", "μs", "per", " per ", "users", "about ",
        "Approx. ", "~", "<", ">=", "sub-", "up to ", "UP  TO ", "in excess of ", "dollars",
        "euros", "weeks", "fold", "-fold", "pp", "points", "/", ".", ",", "a", "é", "times",
    ]
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_the_guarded_tree_expression_matches_what_the_plain_one_does(text: str) -> None:
    """The first-character look-aheads only skip places where no word could start, and the
    word trees try the same words in the same order: every match, span and group is the same
    (also checked on 610 real and benchmark texts, and the trees on 312 texts of the shared
    data, ``raw/`` and the adversarial shapes)."""
    fast = [(m.span(), m.groupdict()) for m in EXPRESSION.finditer(text)]
    slow = [(m.span(), m.groupdict()) for m in _PLAIN.finditer(text)]
    assert fast == slow


_TREE_WORDS = ["µs", "μsec", "ms", "msec", "m", "mo", "per cent", "percent", "pct", "K", "kb"]
_TREE_PIECES = st.sampled_from([*_TREE_WORDS, "μ", "µ", "M", "S", "e", "c", " ", "  ", "\n", "x"])


@settings(max_examples=800, deadline=None)
@given(st.lists(_TREE_PIECES, max_size=10).map("".join))
def test_a_word_tree_matches_as_its_flat_alternation(text: str) -> None:
    """Words sharing beginnings, case variants ("K", "kb") and characters ``IGNORECASE``
    reads alike ("µ" and "μ", written flat), spaced and bounded as the units are; followed by
    what makes the engine go back to a shorter word, the order the words are tried in shows."""
    ways = itertools.product([_TREE_WORDS, _TREE_WORDS[2:]], [(False, False), (True, True)])
    for words, (spaced, bounded) in ways:  # without "µs" and "μsec", no level is flat
        flat = "|".join(
            re.escape(word).replace(r"\ ", r"\s+" if spaced else r"\ ")
            + (r"\b" if bounded and word[-1].isalnum() else "")
            for word in sorted(words, key=len, reverse=True)
        )
        tree = word_tree(words, spaced=spaced, bounded=bounded)
        for at, tail in itertools.product(range(len(text) + 1), ["", r"(?=\s|$)", "c", "s"]):
            expected = re.match(f"(?:{flat}){tail}", text[at:], re.IGNORECASE)
            found = re.match(f"(?:{tree}){tail}", text[at:], re.IGNORECASE)
            assert (found and found.span()) == (expected and expected.span())
