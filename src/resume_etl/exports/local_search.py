"""Local full-text search over an output folder: BM25-ranked profiles with highlighted snippets.

DuckDB's full-text extension is downloaded at run time, which an offline install cannot do, so
the ranking is a small Okapi BM25 of our own over each document's normalized text (a few hundred
documents index in milliseconds). The snippet is cut from the stored spans: the extracted value
(a job, a metric's sentence, a skill mention, …) that holds the most query words, so a hit shows
the part of the résumé the tables understood, not an arbitrary window.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from resume_etl.exports.profiles import ProfileRecords, read_profiles
from resume_etl.records import CharSpan

BM25_K1 = 1.5
"""Term-frequency saturation: the usual Okapi value."""
BM25_B = 0.75
"""Length normalization: the usual Okapi value."""
SNIPPET_MAX_CHARS = 180

WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SearchHit:
    """One ranked profile, with a snippet and where the query words are inside it."""

    doc_id: str
    person: str
    score: float
    snippet: str
    highlights: list[tuple[int, int]]
    """``[start, end)`` offsets of query words inside ``snippet``."""


def words(text: str) -> list[str]:
    """Lower-cased word tokens: what the index and the query are both made of."""
    return [match.group().lower() for match in WORD.finditer(text)]


class BM25Index:
    """Okapi BM25 over a fixed list of documents."""

    def __init__(self, documents: Sequence[str]) -> None:
        self._term_counts = [Counter(words(text)) for text in documents]
        self._lengths = [sum(counts.values()) for counts in self._term_counts]
        self._average_length = sum(self._lengths) / len(self._lengths) if self._lengths else 0.0
        self._documents_with: Counter[str] = Counter()
        for counts in self._term_counts:
            self._documents_with.update(counts.keys())

    def idf(self, term: str) -> float:
        total, having = len(self._term_counts), self._documents_with[term]
        return math.log((total - having + 0.5) / (having + 0.5) + 1.0)

    def scores(self, query_terms: Sequence[str]) -> list[float]:
        """One score per document, in document order; 0.0 when no term occurs."""
        return [
            sum(self._term_score(term, counts, length) for term in set(query_terms))
            for counts, length in zip(self._term_counts, self._lengths, strict=True)
        ]

    def _term_score(self, term: str, counts: Counter[str], length: int) -> float:
        frequency = counts[term]
        if frequency == 0:
            return 0.0
        normalizer = BM25_K1 * (1 - BM25_B + BM25_B * length / (self._average_length or 1.0))
        return self.idf(term) * frequency * (BM25_K1 + 1) / (frequency + normalizer)


def search_profiles(tables_dir: Path | str, query: str, limit: int = 10) -> list[SearchHit]:
    """The ``limit`` best profiles of ``tables_dir`` for ``query``, best first."""
    profiles = read_profiles(tables_dir)
    query_terms = words(query)
    if not query_terms or not profiles:
        return []
    scores = BM25Index([profile.document.text for profile in profiles]).scores(query_terms)
    ranked = sorted(
        (pair for pair in zip(scores, profiles, strict=True) if pair[0] > 0),
        key=lambda pair: -pair[0],
    )
    return [_hit(profile, score, set(query_terms)) for score, profile in ranked[:limit]]


def _hit(profile: ProfileRecords, score: float, query_terms: set[str]) -> SearchHit:
    text = profile.document.text
    span = _best_span(text, stored_spans(profile), query_terms)
    start, end = _window(text, span, query_terms)
    snippet = text[start:end]
    highlights = [
        (match.start(), match.end())
        for match in WORD.finditer(snippet)
        if match.group().lower() in query_terms
    ]
    person = profile.profile.name or profile.profile.headline or profile.doc_id
    return SearchHit(profile.doc_id, person, score, snippet.replace("\n", " "), highlights)


def stored_spans(profile: ProfileRecords) -> Iterator[CharSpan]:
    """Every span the tables stored for the document's extracted values."""
    person = profile.profile
    yield from (
        span
        for span in (person.name_span, person.headline_span, person.summary_span)
        if span is not None
    )
    yield from (metric.sentence_span for metric in profile.metrics)
    yield from (span for skill in profile.skills for span in skill.spans)
    yield from (paper.title_span for paper in profile.publications)
    yield from (entry.span for entry in profile.projects)
    yield from (entry.span for entry in profile.experiences)
    yield from (entry.span for entry in profile.education)


def _best_span(text: str, spans: Iterator[CharSpan], query_terms: set[str]) -> CharSpan | None:
    """The span holding the most distinct query words; the shortest of equals, for focus."""
    best: tuple[int, int] | None = None
    best_span = None
    for span in spans:
        found = len(query_terms & set(words(text[span.start : span.end])))
        if found and (best is None or (found, -(span.end - span.start)) > best):
            best, best_span = (found, -(span.end - span.start)), span
    return best_span


def _window(text: str, span: CharSpan | None, query_terms: set[str]) -> tuple[int, int]:
    """The lines of ``span`` (or the text), cut to SNIPPET_MAX_CHARS around its first query word.

    Widening to whole lines gives a one-word span (a skill mention) the context it was listed in.
    """
    start, end = (span.start, span.end) if span is not None else (0, len(text))
    start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    end = len(text) if line_end == -1 else line_end
    first_hit = next(
        (
            start + match.start()
            for match in WORD.finditer(text[start:end])
            if match.group().lower() in query_terms
        ),
        start,
    )
    if end - start <= SNIPPET_MAX_CHARS:
        return start, end
    window_start = max(start, first_hit - SNIPPET_MAX_CHARS // 3)
    window_end = min(end, window_start + SNIPPET_MAX_CHARS)
    return _word_boundaries(text, window_start, window_end, start, end)


def _word_boundaries(text: str, start: int, end: int, floor: int, ceiling: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so it neither starts nor ends inside a word."""
    if start > floor and not text[start - 1].isspace():
        next_space = text.find(" ", start, end)
        start = next_space + 1 if next_space != -1 else start
    if end < ceiling and not text[end].isspace():
        last_space = text.rfind(" ", start, end)
        end = last_space if last_space > start else end
    return start, end
