"""The surface reading of a metric reads by token index what the reference reads by slices.

``metric_surface`` walks a metric's neighbours by index and cuts a phrase's text from the
document's text; ``metric_surface_reference`` (the module as it was) sliced the ``Doc`` into
``Span`` objects. Generated bullets, made of the words the reading looks for (change words,
"by"/"of"/"in", plurals, hyphens, possessives, bold marks, clause breaks, line breaks), must read
the same direction, subject, counted noun and opening word either way, at every token.
"""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc, Span

from resume_etl.nlp import metric_meaning, metric_surface
from resume_etl.vocab import MetricUnit
from tests.nlp import metric_surface_reference as reference

_WORDS = (
    "Cut", "cut", "Reduced", "reduced", "reduce", "Grew", "grew", "increase", "drop", "growth",
    "reduction", "lifted", "faster", "up", "down", "helped", "to", "the", "a", "and", "that",
    "by", "of", "from", "in", "for", "on", "or", "&", "costs", "revenue", "churn", "users",
    "annual", "hosting", "people", "APIs", "SKUs", "process", "status", "sign-ups",
    "time-to-first-token", "clinic's", "annually", "engineers", "team", "Led", "three", "new",
    "product", "lines", "scale-out", "cut-over", "running", "mos", "data", "Étés", "na_me",
    "*", "**", "-", "(", ")", ",", ";", ":", ".", "!", "•", "15%", "$2M", "3x", "10", "2,000",
    "×", "+", "40", "Grade", "11", "p99",
)  # fmt: skip
_SEPARATORS = (" ", " ", " ", "", "\n", "  ", "\n- ")
_BULLETS = st.lists(
    st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), min_size=1, max_size=14
).map(lambda pieces: "".join(word + separator for word, separator in pieces))
_UNITS = (MetricUnit.COUNT, MetricUnit.PERCENT, MetricUnit.CURRENCY)


def _first_word_reference(span: Span, bound: int) -> int:
    """``metric_meaning._first_word_from`` as it was: the ``Span``'s own iterator."""
    if bound >= span.start_char:
        return span.start
    before = span.doc.char_span(bound, span.start_char, alignment_mode="contract")
    for token in before if before is not None else ():
        if token.is_alpha:
            return int(token.i)
    return span.start


def _fixed(index: int) -> Callable[[], int]:
    """An opening word already known, as ``change_before`` asks for it."""
    return lambda: index


def _assert_same_reading(doc: Doc, start: int, end: int) -> None:
    span = doc[start:end]
    for opening in sorted({0, start // 2, max(0, start - 1), start}):
        before = metric_surface.change_before(span, _fixed(opening), MetricUnit.PERCENT)
        assert before == reference.change_before(span, opening, MetricUnit.PERCENT)
        assert metric_surface.direction(span, before) == reference.direction(span, before)
        for unit in _UNITS:
            expected = reference.subject(span, before, unit)
            assert metric_surface.subject(span, before, unit) == expected, (span, unit)
    for bound in range(span.start_char + 1):
        expected_index = _first_word_reference(span, bound)
        assert metric_meaning._first_word_from(span, bound) == expected_index


@settings(max_examples=300, deadline=None)
@given(_BULLETS)
def test_the_surface_reading_by_index_is_the_reading_by_slices(nlp: Language, text: str) -> None:
    doc = nlp.make_doc(text)
    for index, token in enumerate(doc):
        assert metric_surface.is_plural_noun(token) == reference.is_plural_noun(token)
        assert metric_surface._is_content_word(token) == reference._is_content_word(token)
        assert metric_surface.counts_a_noun(doc, index) == reference.counts_a_noun(doc, index)
        expected_end = reference.spelled_count_end(doc, index)
        assert metric_surface.spelled_count_end(doc, index) == expected_end
        for end in range(index + 1, min(index + 3, len(doc)) + 1):
            _assert_same_reading(doc, index, end)


def test_the_alphanumeric_pattern_is_isalnum_for_every_character() -> None:
    """``_ALPHANUMERIC`` (``[^\\W_]``) accepts a character exactly when ``str.isalnum`` does."""
    pattern = metric_surface._ALPHANUMERIC
    differing = [
        code
        for code in range(0x110000)
        if (pattern.match(chr(code)) is not None) != chr(code).isalnum()
    ]
    assert differing == []


def test_a_bullet_reads_its_subject_and_direction(nlp: Language) -> None:
    doc = nlp.make_doc("- Cut annual hosting costs by 15% in 2019\n- Served 10 new users")
    percent = next(token.i for token in doc if token.text == "15")
    span = doc[percent : percent + 2]
    before = metric_surface.change_before(span, _fixed(1), MetricUnit.PERCENT)
    assert before is not None
    assert metric_surface.direction(span, before) == "decrease"
    assert metric_surface.subject(span, before, MetricUnit.PERCENT) == "annual hosting costs"
    count = next(token.i for token in doc if token.text == "10")
    assert metric_surface.counted_noun(doc[count : count + 1], MetricUnit.COUNT) == "new users"
