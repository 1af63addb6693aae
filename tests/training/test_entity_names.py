"""Renamed copies of training windows: invented names, every span still on its words."""

from __future__ import annotations

import random

from resume_etl.training.entity_names import invented_word, renamed_copies, with_invented_names
from resume_etl.training.entity_windows import Window

TEXT = "Paralegal\nAlder, Briskett & Dale, Lakemont, Georgia, US"


def _window() -> Window:
    def at(value: str) -> tuple[int, int]:
        start = TEXT.index(value)
        return start, start + len(value)

    return Window(
        "test",
        "unit",
        TEXT,
        orgs=[at("Alder, Briskett & Dale")],
        places=[at("Lakemont"), at("Georgia"), at("US")],
        not_orgs=[at("Paralegal")],
    )


def test_each_span_moves_with_the_renamed_text() -> None:
    copy = with_invented_names(_window(), random.Random(3))
    assert copy is not None
    (org,) = [copy.text[start:end] for start, end in copy.orgs]
    places = [copy.text[start:end] for start, end in copy.places]
    assert [copy.text[start:end] for start, end in copy.not_orgs] == ["Paralegal"]
    assert org.count(",") == 1 and " & " in org
    assert places[-1] == "US"  # a code is no name to invent
    assert copy.text.endswith(", ".join(places))


def test_at_least_one_word_of_a_name_is_invented() -> None:
    for seed in range(20):
        copy = with_invented_names(_window(), random.Random(seed))
        assert copy is not None
        start, end = copy.orgs[0]
        assert copy.text[start:end] != "Alder, Briskett & Dale"


def test_a_window_naming_no_organization_gets_no_copy() -> None:
    window = Window("test", "unit", "Paralegal", not_orgs=[(0, 9)])
    assert with_invented_names(window, random.Random(0)) is None


def test_copies_are_seeded() -> None:
    first = renamed_copies([_window()], seed=2, copies=2)
    again = renamed_copies([_window()], seed=2, copies=2)
    assert [w.text for w in first] == [w.text for w in again]
    assert len(first) == 2


def test_an_invented_word_reads_as_a_capitalised_name() -> None:
    words = {invented_word(random.Random(seed)) for seed in range(50)}
    assert all(word[0].isupper() and word[1:].islower() for word in words)
    assert len(words) > 40


def test_a_span_listed_twice_or_found_inside_another_is_renamed_once() -> None:
    """Spans found by search may repeat ("Acme" annotated twice, found once) or fall inside
    another ("Brenton" of "Brenton Water Works"): the text is renamed once, never doubled, and
    every span left in the copy is on its renamed words."""
    text = "Brenton Water Works, Brenton"
    window = Window(
        "test", "unit", text, orgs=[(0, 19), (0, 19)], places=[(0, 7), (21, 28)], not_orgs=[]
    )
    for seed in range(10):
        copy = with_invented_names(window, random.Random(seed))
        assert copy is not None
        assert copy.text.count(",") == 1 and copy.text.count("Water") <= 1
        assert len(copy.orgs) == 1 and len(copy.places) == 1
        (start, end), (place_start, place_end) = copy.orgs[0], copy.places[0]
        assert copy.text[:start] == "" and copy.text[end:place_start] == ", "
        assert place_end == len(copy.text)
