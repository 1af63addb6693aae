from __future__ import annotations

import re

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


_JOINT = re.compile(r" (?:/|and|&) ")


def _parts(value: str) -> list[str]:
    return _JOINT.split(value)


def _values(texts: list[str]) -> list[frozenset[str]]:
    return [frozenset({text}) for text in texts]


def _swapped(found: tuple[int, int, int]) -> tuple[int, int, int]:
    true_positives, false_positives, false_negatives = found
    return true_positives, false_negatives, false_positives


_TITLES = st.sampled_from(["Analyst", "Test Manager", "Team Lead", "Senior Engineer", "Owner"])


@st.composite
def _titles(draw: st.DrawFn) -> str:
    """One title, or a list of two or three joined by "/", "and" or "&"."""
    titles = draw(st.lists(_TITLES, min_size=1, max_size=3, unique=True))
    return str(draw(st.sampled_from([" / ", " and ", " & "]))).join(titles)


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        (["Senior Engineer and Team Lead"], ["Senior Engineer", "Team Lead"]),
        (["Senior Engineer", "Team Lead"], ["Senior Engineer / Team Lead"]),
        (["Senior Engineer and Team Lead"], ["Senior Engineer and Team Lead"]),
        (["Senior Engineer & Team Lead"], ["Team Lead / Senior Engineer"]),
    ],
)
def test_a_list_matched_whole_or_by_its_parts_is_one_hit(
    gold: list[str], predicted: list[str]
) -> None:
    assert match_sets(gold, _values(predicted), normalize, parts=_parts) == (1, 0, 0)


def test_half_of_a_list_finds_nothing() -> None:
    found = match_sets(["Senior Engineer and Team Lead"], _values(["Team Lead"]), normalize)
    assert found == (0, 1, 1)
    assert match_sets(
        ["Senior Engineer and Team Lead"], _values(["Team Lead"]), normalize, parts=_parts
    ) == (0, 1, 1)


def test_a_part_that_restates_another_match_costs_nothing() -> None:
    # "Owner" is found on its own, and again as a part of the list beside a title found nowhere
    # else: two hits, nothing wrong, nothing missed.
    gold = ["Owner", "Analyst", "Team Lead"]
    predicted = _values(["Owner", "Owner / Analyst / Team Lead"])
    assert match_sets(gold, predicted, normalize, parts=_parts) == (2, 0, 0)


def test_a_list_whose_titles_stand_on_their_own_too_restates_them() -> None:
    gold = ["Analyst", "Owner", "Analyst / Owner"]
    assert match_sets(gold, _values(["Analyst", "Owner"]), normalize, parts=_parts) == (2, 0, 0)


@given(st.lists(_titles(), max_size=5), st.lists(_titles(), max_size=5), st.booleans())
def test_gold_and_predictions_are_read_alike(
    gold: list[str], predicted: list[str], partial: bool
) -> None:
    forward = match_sets(gold, _values(predicted), normalize, partial, _parts)
    assert _swapped(match_sets(predicted, _values(gold), normalize, partial, _parts)) == forward


@given(st.lists(_titles(), max_size=5), st.lists(_titles(), max_size=5), st.booleans())
def test_every_value_counts_at_most_once(
    gold: list[str], predicted: list[str], partial: bool
) -> None:
    true_positives, false_positives, false_negatives = match_sets(
        gold, _values(predicted), normalize, partial, _parts
    )
    assert true_positives + false_negatives <= len({normalize(value) for value in gold})
    assert true_positives + false_positives <= len({normalize(value) for value in predicted})


@given(st.lists(_TITLES, max_size=5), st.lists(_TITLES, max_size=5))
def test_values_of_one_title_each_count_as_before(gold: list[str], predicted: list[str]) -> None:
    gold_keys, predicted_keys = {normalize(v) for v in gold}, {normalize(v) for v in predicted}
    hits = len(gold_keys & predicted_keys)
    expected = (hits, len(predicted_keys) - hits, len(gold_keys) - hits)
    assert match_sets(gold, _values(predicted), normalize, parts=_parts) == expected
    assert match_sets(gold, _values(predicted), normalize) == expected


@given(st.lists(_TITLES, min_size=2, max_size=3, unique=True), st.sampled_from([" / ", " & "]))
def test_a_list_and_the_values_naming_its_parts_are_one_hit_either_way(
    titles: list[str], joint: str
) -> None:
    listed = joint.join(titles)
    assert match_sets([listed], _values(titles), normalize, parts=_parts) == (1, 0, 0)
    assert match_sets(titles, _values([listed]), normalize, parts=_parts) == (1, 0, 0)
