"""SpanIndex lookups: the sorted index answers exactly as a scan of the whole group would."""

from __future__ import annotations

import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc, Span

from resume_etl.nlp import labels
from resume_etl.stages.extract._spans import SpanIndex

WORDS = 40
_NLP = spacy.blank("en")


def _doc_with_group(bounds: list[tuple[int, int]]) -> Doc:
    doc = Doc(_NLP.vocab, words=[f"w{index}" for index in range(WORDS)])
    doc.spans[labels.DATES] = [doc[start:end] for start, end in bounds]
    return doc


def _scan(group: list[Span], start: int, end: int) -> list[Span]:
    return [span for span in group if span.start_char >= start and span.end_char <= end]


token_ranges = st.tuples(st.integers(0, WORDS), st.integers(0, WORDS)).map(sorted)


@given(
    bounds=st.lists(token_ranges.map(tuple), max_size=30),
    asks=st.lists(st.tuples(st.integers(-2, 200), st.integers(-2, 200)), min_size=1, max_size=10),
)
def test_within_returns_what_a_scan_returns_in_the_groups_order(
    bounds: list[tuple[int, int]], asks: list[tuple[int, int]]
) -> None:
    doc = _doc_with_group(bounds)
    index = SpanIndex(doc)
    group = index.groups[labels.DATES]
    for start, end in asks:
        assert index.within(labels.DATES, start, end) == _scan(group, start, end)


def test_within_keeps_the_groups_order_when_it_is_not_sorted() -> None:
    doc = _doc_with_group([(5, 6), (1, 2), (3, 4)])
    found = SpanIndex(doc).within(labels.DATES, 0, 100)
    assert [span.start for span in found] == [5, 1, 3]
