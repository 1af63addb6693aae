from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from resume_etl.evaluation.real.similarity import TEXT_MATCH_THRESHOLD, text_similarity

PROSE = "Cut the monthly close from nine days to four by automating the reconciliations."


def test_hard_wraps_and_bullet_marks_do_not_count() -> None:
    wrapped = (
        "• Cut the monthly close from nine days to four\n  by automating the\nreconciliations."
    )
    assert text_similarity(wrapped, PROSE) == 1.0


def test_a_fragment_of_the_text_is_not_the_text() -> None:
    assert text_similarity("reconciliations", PROSE) < TEXT_MATCH_THRESHOLD


def test_empty_against_text_shares_nothing() -> None:
    assert text_similarity("", PROSE) == 0.0
    assert text_similarity(None, None) == 1.0


@given(st.text(max_size=200), st.text(max_size=200))
def test_similarity_is_bounded_and_one_for_the_same_words(left: str, right: str) -> None:
    assert 0.0 <= text_similarity(left, right) <= 1.0
    assert text_similarity(left, f" {left}\n") == 1.0
