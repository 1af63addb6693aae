"""The field of study read after a degree: its class mark and notes are no part of it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from resume_etl.stages.extract._degree_reading import _without_grade

_WORDS = st.lists(st.sampled_from(["Law", "Computer", "Engineering", "and", "French"]), min_size=1)


@given(
    words=_WORDS,
    separator=st.text(alphabet=" ,;-", min_size=1, max_size=40),
    mark=st.sampled_from(["2:1", "2.1", "(1:1)", "2.2"]),
)
def test_a_class_mark_after_any_run_of_separators_leaves_the_field(
    words: list[str], separator: str, mark: str
) -> None:
    field = " ".join(words)
    assert _without_grade(field + separator + mark) == field


def test_a_class_mark_after_a_long_padding_of_spaces_leaves_the_field() -> None:
    assert _without_grade("Physics" + " " * 5000 + "2:1") == "Physics"
    assert _without_grade("Physics" + " " * 5000 + "x") == "Physics" + " " * 5000 + "x"
