from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_etl.evaluation.match import (
    align,
    date_matches,
    match_sets,
    normalize,
    text_matches,
    word_overlap,
)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("M.S.", "MS"),
        ("Ph.D.", "PhD"),
        ("Harbour & Vine", "harbour and vine"),
        ("Geneviève", "Genevieve"),
        ("  Senior   Data Scientist ", "senior data scientist"),
    ],
)
def test_normalize_ignores_case_accents_dots_and_spacing(left: str, right: str) -> None:
    assert normalize(left) == normalize(right)


def test_normalize_keeps_plus_and_hash_so_languages_stay_apart() -> None:
    assert len({normalize("C"), normalize("C++"), normalize("C#")}) == 3


@pytest.mark.parametrize(
    "name", ["Acme Inc.", "Acme, LLC", "Acme Ltd", "Acme GmbH", "Acme Pvt. Ltd.", "The Acme"]
)
def test_organization_suffixes_and_leading_the_are_dropped(name: str) -> None:
    assert normalize(name, organization=True) == "acme"


def test_legal_suffix_is_kept_outside_organizations() -> None:
    assert normalize("Acme Inc.") == "acme inc"


def test_a_suffix_alone_is_not_dropped_to_nothing() -> None:
    assert normalize("Co.", organization=True) == "co"


def test_one_extra_word_on_a_long_name_still_matches() -> None:
    assert text_matches(
        "Aire Valley Teaching Hospitals NHS Trust, Leeds",
        "Aire Valley Teaching Hospitals NHS Trust",
        organization=True,
    )


def test_half_of_a_title_does_not_match() -> None:
    assert not text_matches("Senior Associate", "Senior Associate, Dispute Resolution")


def test_a_missing_value_never_matches() -> None:
    assert not text_matches(None, "Acme")
    assert not text_matches("Acme", None)


@given(st.text(alphabet=st.characters(categories=("L", "N", "Zs", "P")), max_size=40))
def test_every_text_matches_itself(value: str) -> None:
    assert word_overlap(normalize(value), normalize(value)) == 1.0


@given(st.text(max_size=30), st.text(max_size=30))
def test_word_overlap_is_symmetric_and_bounded(left: str, right: str) -> None:
    forward = word_overlap(normalize(left), normalize(right))
    assert forward == word_overlap(normalize(right), normalize(left))
    assert 0.0 <= forward <= 1.0


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("2019-03", "2019", True),
        ("2019-03-15", "2019-03", True),
        ("2019", "2019-03", False),
        ("2019-04", "2019-03", False),
        ("2018", "2019", False),
        (None, "2019", False),
    ],
)
def test_dates_compare_at_the_gold_precision(
    predicted: str | None, gold: str, expected: bool
) -> None:
    assert date_matches(predicted, gold) is expected


def test_align_pairs_best_agreement_first_and_uses_each_entry_once() -> None:
    gold = ["alpha", "beta"]
    predicted = ["beta", "alpha", "alpha"]
    pairs = align(gold, predicted, lambda p, g: 1.0 if p == g else 0.0)
    assert pairs == [(0, 1), (1, 0)]


def test_align_leaves_entries_below_the_threshold_unpaired() -> None:
    pairs = align(["alpha"], ["omega"], lambda p, g: 0.5, min_score=0.8)
    assert pairs == []


def test_match_sets_counts_hits_extras_and_misses() -> None:
    found = match_sets(
        ["Python", "SQL", "R"],
        [frozenset({"python"}), frozenset({"Go"})],
        normalize,
    )
    assert found == (1, 1, 2)


def test_match_sets_accepts_any_spelling_of_a_prediction() -> None:
    found = match_sets(["Postgres"], [frozenset({"PostgreSQL", "Postgres"})], normalize)
    assert found == (1, 0, 0)


def test_match_sets_can_apply_the_partial_match_rule() -> None:
    spellings = [frozenset({"Search Engine Optimization"})]
    gold = ["Search Engine Optimization (SEO)"]
    assert match_sets(gold, spellings, normalize) == (0, 1, 1)
    assert match_sets(gold, spellings, normalize, partial=True) == (1, 0, 0)


def test_match_sets_counts_gold_values_equal_by_key_once() -> None:
    # Annotators tag the same name in other case or punctuation: one value, one prediction.
    found = match_sets(["Google", "GOOGLE", "Google."], [frozenset({"google"})], normalize)
    assert found == (1, 0, 0)
