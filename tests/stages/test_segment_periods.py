"""``is_date_line``'s shortcuts (a digit first, answers remembered) never change its answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from resume_etl.dates import ongoing_words, range_words
from resume_etl.dates.words import ENGLISH_MONTHS
from resume_etl.stages.segment.periods import (
    DATE_LINE,
    has_date_field,
    is_date_line,
    without_dates,
)


def _raw(text: str) -> bool:
    """The pattern alone, as ``is_date_line`` read lines before its shortcuts."""
    return DATE_LINE.search(text) is not None


_WORDS = st.sampled_from(
    [
        *ENGLISH_MONTHS,
        *(word.title() for word in ENGLISH_MONTHS),
        *ongoing_words(),
        *range_words(),
        "Summer",
        "Fall",
        "Sept.",
        "Engineer",
        "Acme",
    ]
)
_NUMBERS = st.one_of(
    st.integers(1890, 2120).map(str),
    st.integers(0, 99).map(lambda n: f"{n:02d}"),
    st.integers(0, 12).map(str),
    st.integers(0, 12).map(lambda n: f"'{n:02d}"),
    st.sampled_from(["٢٠٢٠", "２０２１", "१९९९"]),  # digits of other scripts: \d matches them
)
_MARKS = st.sampled_from(
    [" ", "  ", "-", " - ", "--", "–", "—", "/", ".", ",", ", ", "|", "(", ")", "~", "→", "\t", "%"]
)
_PIECES = st.lists(st.one_of(_WORDS, _NUMBERS, _MARKS), max_size=12).map("".join)
_RANGES = st.tuples(  # "Acme Sept. 2019 – Present", "08/20 -- 2021": near misses and hits
    st.one_of(st.just(""), _WORDS),
    _MARKS,
    _NUMBERS,
    _MARKS,
    st.one_of(_WORDS, _NUMBERS),
    st.one_of(st.just(""), _MARKS),
).map("".join)
_DATE_LIKE = st.one_of(_PIECES, _RANGES)


@settings(max_examples=400)
@given(st.text(max_size=80))
def test_the_fast_date_line_reads_arbitrary_text_as_the_pattern_does(text: str) -> None:
    assert is_date_line(text) == _raw(text)


@settings(max_examples=1500)
@given(_DATE_LIKE)
def test_the_fast_date_line_reads_date_like_text_as_the_pattern_does(text: str) -> None:
    assert is_date_line(text) == _raw(text)
    assert is_date_line(text) == _raw(text)  # the remembered answer too


def test_the_generated_lines_hold_both_answers() -> None:
    """The date-like strategy reaches lines that are dates and lines that are not."""
    assert is_date_line("Jan 2020 - Present") and _raw("Jan 2020 - Present")
    assert not is_date_line("Acme 12") and not _raw("Acme 12")
    assert is_date_line("08/20 -- Present")
    assert not is_date_line("Engineer at Acme")


def test_a_period_ending_in_a_word_before_a_colon_is_a_date_field() -> None:
    # A timeline item dated by a running range or a quarter ("- 2019 – heute: Title at Firm").
    assert has_date_field("2019 – heute: Backend Engineer at Brindle Networks")
    assert has_date_field("Q3 2018 – Q1 2020: Data Analyst at Quillon Labs")
    assert not has_date_field("Tools: Python, SQL")
    assert not has_date_field("Note: see 2019 report")


def test_without_dates_leaves_what_stands_beside_the_period() -> None:
    assert without_dates("Q3 2018 – Q1 2020: Analyst").split() == [":", "Analyst"]


def test_an_html_tag_sets_a_date_field_apart() -> None:
    assert has_date_field('Quillon Labs <span class="date">desde 2021</span>')
    assert has_date_field("<b>Analyst</b>, Quillon Labs <i>Q3 2018 – Q1 2020</i>")
    assert not has_date_field("<b>Analyst</b>, Quillon Labs")


def test_emphasis_and_a_spaced_dash_set_a_date_field_apart() -> None:
    assert has_date_field("Data Analyst _2019 – heute_")
    assert has_date_field("Data Analyst - Quillon Labs - Q3 2018 - Q1 2020")
    assert not has_date_field("Data Analyst _at a snake_case firm_")
    assert not has_date_field("Cut costs - 2019 budget")


def test_a_period_in_underscore_emphasis_is_a_date_line() -> None:
    assert is_date_line("_2016 - 2018_")
    assert is_date_line("__Sept 2017 - Aug 2019__")
    assert not is_date_line("run_2019-05")
    assert not is_date_line("x_2016 - 2018")
