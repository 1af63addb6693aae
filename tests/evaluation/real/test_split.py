from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from resume_etl.evaluation.real.split import (
    DEFAULT_SEED,
    Half,
    half_of,
    near_duplicate_groups,
    split_units,
)


@given(st.text(min_size=1, max_size=40), st.integers(0, 10_000))
def test_a_unit_always_lands_in_the_same_half(key: str, seed: int) -> None:
    assert half_of(key, seed) == half_of(key, seed)


def test_halves_are_about_even_over_many_units() -> None:
    counts = Counter(half_of(f"unit-{n}") for n in range(2000))
    assert 900 < counts[Half.DEV] < 1100


def test_another_seed_cuts_differently() -> None:
    keys = [f"unit-{n}" for n in range(50)]
    assert [half_of(k, 1) for k in keys] != [half_of(k, 2) for k in keys]


def test_items_of_one_unit_share_its_half() -> None:
    halves = split_units({"a": "person-1", "b": "person-1", "c": "person-2"})
    assert halves["a"] == halves["b"] == half_of("person-1", DEFAULT_SEED)


def test_near_duplicates_are_grouped_under_the_smallest_id() -> None:
    base = " ".join(f"word{n}" for n in range(200))
    texts = {
        "b": base,
        "a": base.replace("word5 ", "renamed "),
        "c": " ".join(f"other{n}" for n in range(200)),
    }
    groups = near_duplicate_groups(texts)
    assert groups == {"a": "a", "b": "a", "c": "c"}
