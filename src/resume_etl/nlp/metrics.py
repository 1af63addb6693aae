"""Impact metrics: "$1.5 million", "around 55%", "10,000+ users", "sub-10ms", "3x", "from X to Y".

A metric is found in two steps. Its *expression* (qualifier, currency, number, scale, "+",
unit) is read from the text by one grammar (``metric_expression``). Its *meaning in the
sentence* (direction and subject) comes from the parse or, without one, from the bullet's words
(``metric_meaning``, ``metric_surface``). This module decides which expressions are metrics.
Spelled-out counts ("three tutorials") come from a ``Matcher`` on ``like_num`` tokens followed
by a noun.

A bare number with no unit, currency, scale or qualifier is a metric only when a noun follows it
("180 benchmarks"); years, dates, phone numbers, versions and scores ("3.8/4.0") are not.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple, TypeVar

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from resume_etl.nlp import labels, metric_surface
from resume_etl.nlp.doc_text import doc_text
from resume_etl.nlp.metric_blocks import Blocks
from resume_etl.nlp.metric_expression import (
    NUMBER,
    UNITS,
    WORD_NUMBERS,
    Expression,
    parse_number,
)
from resume_etl.nlp.metric_meaning import (
    METRIC_REACH,
    DocView,
    anchor,
    direction_of,
    opening_index,
    sentence_bounds,
    subject_of,
)
from resume_etl.nlp.metric_numbers import (
    cap_for,
    no_word_after,
    read_numbers,
    spelled_numbers,
)
from resume_etl.nlp.ranges import CharRanges
from resume_etl.nlp.sentence_ends import SentenceEnds
from resume_etl.vocab import MetricDirection, MetricQualifier, MetricUnit

__all__ = ["MetricFinder", "MetricMatch", "parse_number", "parse_ranges"]


class MetricMatch(NamedTuple):
    """One metric with its normalized value and where it and its sentence are.

    A named tuple: immutable, and built without the frozen dataclass's ``object.__setattr__``
    per field (twelve of them, once per metric). ``_replace`` gives a copy with other values.
    """

    value: float
    unit: MetricUnit
    currency: str | None
    qualifier: MetricQualifier
    direction: MetricDirection
    subject: str | None
    start_char: int
    end_char: int
    text: str
    sentence_start: int
    sentence_end: int
    range_to: float | None = None


MAX_METRICS = 500
"""Metrics read per ``metric_numbers.CAP_CHARS`` (10,000 characters) of a document, the first
in the text's order of numbers: résumés hold tens of them, hundreds at most (the densest document of
``raw/`` and the shared markdown and JSON Resume data, 87 per 10,000 characters; the most in
one, 34). Each costs some thirty
microseconds (its sentence, clause and subject are read, its row validated and written), so a
text of numbers only (a table, a data dump: one metric every eight bytes) cost twenty CPU
seconds per MB, four times a résumé's. Counted per stretch of the text's length, not per
document: a cap per document let a 5 MB text read a thousand metrics and a 10 KB text all of
its own, and the small one cost more than twice as much per MB. A thousand per stretch still
made a text of figures up to a megabyte cost twice what 5 MB of it did per MB, whose metrics
the ceiling stops (issue 17's "flat within 2x"); five hundred is still six times the densest
résumé. Beyond the cap the document is flagged (``QualityFlag.METRICS_CAPPED``)."""
METRICS_CEILING = 100_000
"""Metrics read in any one document, whatever its length: what bounds the memory a document's
metrics hold (some 4 KB a metric while its batch runs). A text of the default
``ingest.max_chars`` (a million characters) reads at most half of it under ``MAX_METRICS``, so
the ceiling cuts only a longer one (the limit raised), as it did when that cap was 1,000."""
_T = TypeVar("_T")
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_TO_BETWEEN = re.compile(r"\s+to\s+", re.IGNORECASE)


class MetricFinder:
    """Finds metrics in a parsed ``Doc``; build once per ``nlp`` (it compiles a ``Matcher``)."""

    def __init__(self, vocab: Vocab) -> None:
        self._word_counts = Matcher(vocab)
        self._word_counts.add(
            "WORD_COUNT",
            [
                [
                    {"LOWER": {"IN": sorted(metric_surface.COUNTING_WORDS)}},
                    {"POS": {"IN": ["ADJ", "NOUN", "PROPN"]}, "OP": "*"},
                    {"POS": "NOUN", "TAG": {"IN": ["NNS", "NNPS"]}},
                ]
            ],
            greedy="LONGEST",
        )

    def __call__(self, doc: Doc) -> list[MetricMatch]:
        return self.find(doc)[0]

    def find(self, doc: Doc) -> tuple[list[MetricMatch], bool]:
        """The metrics in text order, and whether a cap left one out: a metric past
        its cap was found (``MAX_METRICS`` per ``CAP_CHARS`` of the text, at most
        ``METRICS_CEILING``), or numbers past theirs or past ``MAX_NUMBERS_PER_LINE`` on a line
        went unread."""
        # ``Doc.text`` and ``Doc.has_annotation`` walk every token on each use: read them once.
        text = doc_text(doc)
        view = DocView(
            doc,
            text,
            doc.has_annotation("SENT_START"),
            doc.has_annotation("POS"),
            doc.has_annotation("DEP"),
            SentenceEnds(text),
            Blocks(text, METRIC_REACH),
        )
        blocked = _blocked_ranges(doc)
        expressions, capped = read_numbers(text)
        numeric = self._numeric(view, expressions)
        cap = cap_for(MAX_METRICS, len(text), METRICS_CEILING)
        found, over = _capped(
            (m for m in numeric if not blocked.overlap(m.start_char, m.end_char)), cap
        )
        if not over:  # one metric past the cap is read to know that the cap left one out
            taken = CharRanges((m.start_char, m.end_char) for m in found)
            spelled = (
                m for m in self._spelled(view) if not taken.overlap(m.start_char, m.end_char)
            )
            more, over = _capped(spelled, cap - len(found))
            found.extend(more)
        return sorted(found, key=lambda m: m.start_char), capped or over

    def _numeric(self, view: DocView, expressions: list[Expression]) -> Iterator[MetricMatch]:
        """Metrics of numbers, built as they are asked for (the caller stops at its cap)."""
        expressions = _units_shared_from_to(view.text, expressions)
        expressions = [e for e in expressions if _is_metric(view, e)]
        paired: set[int] = set()
        for first, second in _from_to_pairs(view.text, expressions):
            paired.update({id(first), id(second)})
            range_to = _in_unit_of(first, second)
            direction = (
                MetricDirection.DECREASE if range_to < first.value else MetricDirection.INCREASE
            )
            yield self._build(view, first, first.start, second.end, range_to, direction)
        for expression in expressions:
            if id(expression) not in paired:
                yield self._build(
                    view, expression, expression.start, expression.end, expression.range_to, None
                )

    def _spelled(self, view: DocView) -> Iterator[MetricMatch]:
        doc = view.doc
        # The Matcher refuses POS patterns on an untagged Doc: there, plural nouns by shape.
        found = self._word_counts(doc) if view.has_tags else _spelled_by_shape(view)
        for _, start, end in found:
            token = doc[start]
            value = WORD_NUMBERS[token.lower_]
            # "three weeks" is a duration: the noun is its unit, and it ends the expression.
            unit = UNITS.get(doc[start + 1].lower_) if end == start + 2 else None
            last = doc[end - 1] if unit else token
            expression = Expression(
                value,
                unit or MetricUnit.COUNT,
                None,
                MetricQualifier.EXACT,
                token.idx,
                last.idx + len(last.text),
            )
            built = self._build(view, expression, expression.start, expression.end, None, None)
            yield built._replace(subject=None if unit else doc[start + 1 : end].text)

    def _build(
        self,
        view: DocView,
        expression: Expression,
        start: int,
        end: int,
        range_to: float | None,
        direction: MetricDirection | None,
    ) -> MetricMatch:
        span = view.doc.char_span(start, end, alignment_mode="expand")
        sentence_start, sentence_end = sentence_bounds(view, start, end)
        if view.has_parse or span is None:
            root = anchor(span) if span is not None else None
            direction = direction or direction_of(root, span, view)
            subject = subject_of(root, span, view)
        else:
            before = metric_surface.change_before(
                span, lambda: opening_index(span, view), expression.unit
            )
            direction = direction or metric_surface.direction(span, before)
            subject = metric_surface.subject(span, before, expression.unit)
        # In field order, by position: a named tuple built by keyword goes through a Python
        # ``__new__`` that binds each name (2.8 µs against 0.8 µs, once per metric).
        return MetricMatch(
            expression.value,
            expression.unit,
            expression.currency,
            expression.qualifier,
            direction,
            subject,
            start,
            end,
            view.text[start:end],
            sentence_start,
            sentence_end,
            range_to,
        )


def _capped(items: Iterable[_T], cap: int) -> tuple[list[_T], bool]:
    """The first ``cap`` items, and whether there was one more (read, then left out)."""
    first = list(itertools.islice(items, cap + 1))
    return first[:cap], len(first) > cap


def _spelled_by_shape(view: DocView) -> Iterator[tuple[int, int, int]]:
    """What the spelled-count ``Matcher`` finds, for an untagged ``Doc``: a spelled-out number
    and the words up to a plural noun ("three new product lines")."""
    for start, stop in spelled_numbers(view.text):
        span = view.doc.char_span(start, stop)
        if span is None or len(span) != 1:
            continue
        end = metric_surface.spelled_count_end(view.doc, span.start)
        if end is not None:
            yield 0, span.start, end


def parse_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges around which the finder reads the tagger and the parser.

    Every expression that may become a metric (outside dates and contacts, not a bare year)
    and every spelled-out count; the parse is needed nowhere else, so a pipeline may run the
    statistical model only on the lines holding these (the focus component does). Numbers past
    the caps (``read_numbers``) are never read, so they need no parse.
    """
    text = doc_text(doc)
    blocked = _blocked_ranges(doc)
    ranges = [
        (expression.start, expression.end)
        for expression in read_numbers(text)[0]  # as many as are read
        if not blocked.overlap(expression.start, expression.end)
        and not _is_bare_year(text, expression)
    ]
    ranges.extend(spelled_numbers(text))
    return sorted(ranges)


def _is_bare_year(text: str, expression: Expression) -> bool:
    """ "2021" alone: never a metric, whatever the parse says (see ``_is_metric``)."""
    value = text[expression.start : expression.end]
    return (
        expression.unit is MetricUnit.COUNT
        and expression.qualifier is MetricQualifier.EXACT
        and _YEAR.fullmatch(value.strip()) is not None
    )


# ------------------------------------------------------------------------ what is not a metric


def _blocked_ranges(doc: Doc) -> CharRanges:
    """Dates and contacts found by earlier components: their digits are not metrics. Checked
    per expression by binary search (``CharRanges``): a scan of every date and contact per
    metric was quadratic (a document of bullets with a date each spent 75% of its time there)."""
    blocked: list[tuple[int, int]] = []
    for key in (labels.DATES, labels.CONTACTS):
        if key in doc.spans:
            blocked.extend((span.start_char, span.end_char) for span in doc.spans[key])
    return CharRanges(blocked)


def _from_to_pairs(
    text: str, expressions: list[Expression]
) -> Iterator[tuple[Expression, Expression]]:
    """Adjacent expressions written "from X to Y" in the same unit, or both durations."""
    for first, second in itertools.pairwise(expressions):
        if second.start - first.end < _SHORTEST_TO:
            continue  # too close for " to " (``_written_from_to``): neighbours in a line of figures
        comparable = first.unit is second.unit or (
            first.unit in _SECONDS_PER and second.unit in _SECONDS_PER
        )
        if comparable and _written_from_to(text, first, second):
            yield first, second


_SHORTEST_TO = 4
"""Characters of the shortest gap ``_TO_BETWEEN`` matches: a space, "to", a space."""


def _written_from_to(text: str, first: Expression, second: Expression) -> bool:
    """Whether "from" comes before ``first`` and "to" alone between it and ``second``.

    The gap is measured first: in a line of figures neighbours are a space or a comma apart,
    too close for " to ", and neither regex runs (each pair of numbers asked twice)."""
    return (
        second.start - first.end >= _SHORTEST_TO
        and from_before(text, first.start)
        and _TO_BETWEEN.fullmatch(text, first.end, second.start) is not None
    )


def from_before(text: str, start: int) -> bool:
    """Whether "from" (and whitespace) ends the 12 characters before ``start``: the first
    number of "from X to Y". Each pair of neighbouring numbers asks, so a line of figures asked
    thousands of times; a regex search tries each of the 12 places, while most have no "from"
    at all, which one look at the lower-cased characters tells (``F``, ``R``, ``O``, ``M`` are
    the only other letters the case-insensitive regex reads as them)."""
    low = max(0, start - 12)
    return "from" in text[low:start].lower() and _FROM_BEFORE.search(text, low, start) is not None


_BARE_NUMBER = re.compile(NUMBER)


def _units_shared_from_to(text: str, expressions: list[Expression]) -> list[Expression]:
    """ "from 9 to 4 weeks", "from 3 days to 1": a bare number of a from-to pair takes the unit
    written once, on the other number."""
    shared = list(expressions)
    for index, (first, second) in enumerate(itertools.pairwise(expressions)):
        if second.start - first.end < _SHORTEST_TO or not _written_from_to(text, first, second):
            continue  # the gap first, without a call: most neighbours are too close
        if _is_bare(text, first) and second.unit is not MetricUnit.COUNT:
            shared[index] = first._replace(unit=second.unit, currency=second.currency)
        elif _is_bare(text, second) and first.unit is not MetricUnit.COUNT:
            shared[index + 1] = second._replace(unit=first.unit, currency=first.currency)
    return shared


def _is_bare(text: str, expression: Expression) -> bool:
    return (
        expression.unit is MetricUnit.COUNT
        and _BARE_NUMBER.fullmatch(text, expression.start, expression.end) is not None
    )


_SECONDS_PER: dict[MetricUnit, float] = {
    MetricUnit.MILLISECONDS: 0.001,
    MetricUnit.SECONDS: 1.0,
    MetricUnit.MINUTES: 60.0,
    MetricUnit.HOURS: 3600.0,
    MetricUnit.DAYS: 86400.0,
    MetricUnit.WEEKS: 604800.0,
}
"""Durations a "from X to Y" pair may mix ("from 2 days to 4 hours"); months and years vary."""


def _in_unit_of(first: Expression, second: Expression) -> float:
    """Y of "from X to Y" in X's unit, so a row's ``range_to`` shares its ``unit``."""
    if first.unit is second.unit:
        return second.value
    return second.value * _SECONDS_PER[second.unit] / _SECONDS_PER[first.unit]


_YEAR = re.compile(r"(?:19|20)\d{2}")
_LATIN_LETTER = re.compile(r"[a-zA-Z]")


def _is_metric(view: DocView, expression: Expression) -> bool:
    """A bare number counts only when a plural noun follows it; years never do."""
    doc = view.doc
    text = view.text[expression.start : expression.end]
    if expression.unit is not MetricUnit.COUNT or expression.qualifier is not MetricQualifier.EXACT:
        return True
    if "+" in text or _LATIN_LETTER.search(text):
        return True
    if _YEAR.fullmatch(text.strip()):
        return False
    if not view.has_tags and no_word_after(view.text, expression.end):
        return False  # what ``counts_a_noun`` would say, without the tokens
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    if not view.has_tags:
        return metric_surface.counts_a_noun(doc, span.end)
    following = doc[span.end]
    if following.pos_ == "ADJ" and span.end + 1 < len(doc):
        following = doc[span.end + 1]
    return following.tag_ in {"NNS", "NNPS"} and not following.is_stop
