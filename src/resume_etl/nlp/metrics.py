"""Impact metrics: "$1.5 million", "around 55%", "10,000+ users", "sub-10ms", "3x", "from X to Y".

A metric is found in two steps. Its *expression* (qualifier, currency, number, scale, "+",
unit) is read from the text by one grammar, because spaCy's tokenizer splits such expressions
inconsistently ("100ms" and "95%+" are one token, "10,000+" two). Its *meaning in the sentence*
comes from the parse: the governing verb or noun gives the direction ("reduced", "cut",
"growth"), and the noun phrase it measures gives the subject ("P100 latency", "disk usage").
The small English model misparses terse bullets ("Reduced" as an adjective, "token" in
"time-to-first-token" as a verb), so where the parse is silent the bullet's shape backs it up:
a change verb, its object, "by"/"from", the metric ("Reduced <churn> from 12% to 7%"); or the
metric, a change noun, "in"/"of" and what it measures ("a 2x increase in <weekly active users>").
A subject never reaches past the metric's bullet or paragraph.
Spelled-out counts ("three tutorials") come from a ``Matcher`` on ``like_num`` tokens followed
by a noun.

A bare number with no unit, currency, scale or qualifier is a metric only when a noun follows it
("180 benchmarks"); years, dates, phone numbers, versions and scores ("3.8/4.0") are not.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from resume_etl.nlp import labels, metric_surface
from resume_etl.nlp.change_words import change_word, direction_of_form
from resume_etl.nlp.doc_text import doc_text
from resume_etl.vocab import MetricDirection, MetricQualifier, MetricUnit


@dataclass(frozen=True, slots=True)
class MetricMatch:
    """One metric with its normalized value and where it and its sentence are."""

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


_QUALIFIERS: dict[str, MetricQualifier] = {
    **dict.fromkeys(
        (
            "approximately",
            "approx",
            "approx.",
            "about",
            "around",
            "roughly",
            "nearly",
            "almost",
            "close to",
            "~",
            "≈",
            "some",
        ),
        MetricQualifier.APPROXIMATELY,
    ),
    **dict.fromkeys(
        (
            "over",
            "more than",
            "greater than",
            "above",
            "exceeding",
            "upwards of",
            "in excess of",
            ">",
        ),
        MetricQualifier.MORE_THAN,
    ),
    **dict.fromkeys(
        ("at least", "a minimum of", "minimum of", "≥", ">="), MetricQualifier.AT_LEAST
    ),
    **dict.fromkeys(
        ("up to", "at most", "a maximum of", "maximum of", "within", "≤", "<="),
        MetricQualifier.AT_MOST,
    ),
    **dict.fromkeys(
        ("under", "less than", "fewer than", "below", "sub-", "sub", "<"),
        MetricQualifier.LESS_THAN,
    ),
}
_CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₦": "NGN"}
_CURRENCY_CODES = ("USD", "EUR", "GBP", "JPY", "INR", "AUD", "CAD", "CHF", "CNY", "NGN", "SGD")
_CURRENCY_WORDS = {"dollars": "USD", "euros": "EUR", "pounds": "GBP", "rupees": "INR"}
_SCALES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "crore": 1e7,
}
_UNITS: dict[str, MetricUnit] = {
    **dict.fromkeys(("%", "percent", "per cent", "pct"), MetricUnit.PERCENT),
    **dict.fromkeys(("percentage point", "percentage points", "pp"), MetricUnit.PERCENTAGE_POINTS),
    **dict.fromkeys(("x", "×", "times", "fold", "-fold"), MetricUnit.MULTIPLIER),
    **dict.fromkeys(("ms", "millisecond", "milliseconds", "msec"), MetricUnit.MILLISECONDS),
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), MetricUnit.SECONDS),
    **dict.fromkeys(("min", "mins", "minute", "minutes"), MetricUnit.MINUTES),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), MetricUnit.HOURS),
    **dict.fromkeys(("day", "days"), MetricUnit.DAYS),
    **dict.fromkeys(("week", "weeks", "wk", "wks"), MetricUnit.WEEKS),
    **dict.fromkeys(("month", "months"), MetricUnit.MONTHS),
    **dict.fromkeys(("year", "years", "yr", "yrs"), MetricUnit.YEARS),
}
_BYTE_SCALES = {"kb": 1e3, "mb": 1e6, "gb": 1e9, "tb": 1e12, "pb": 1e15}
_WORD_NUMBERS = {
    word: float(value)
    for value, word in enumerate(
        (
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ),
    )
} | {
    "thirty": 30.0,
    "forty": 40.0,
    "fifty": 50.0,
    "sixty": 60.0,
    "seventy": 70.0,
    "eighty": 80.0,
    "ninety": 90.0,
    "hundred": 100.0,
    "dozen": 12.0,
}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_EXPRESSION = re.compile(
    rf"(?<![\w/.,$€£¥₹₦-])"
    rf"(?:(?P<qualifier>{_alternation(_QUALIFIERS)})(?:\s+|(?<=[-~<>≈≥≤])))?"
    rf"(?:(?P<symbol>[$€£¥₹₦])|(?P<code>{'|'.join(_CURRENCY_CODES)})\s?)?"
    rf"(?P<number>{_NUMBER})(?:\s?[-–]\s?(?P<number_to>{_NUMBER})(?=\s?[%xX×$€£kKmMbB]|\s?per))?"
    rf"(?:\s?(?P<scale>thousand|millions?|billion|trillion|lakh|crore|bn|mn|mm|[kKmMbB])(?![a-zA-Z]))?"
    rf"(?P<plus>\+)?"
    rf"(?:\s?(?P<bytes>[KMGTP]B)\b"
    rf"|\s?(?P<unit>%|percentage\s+points?|pp\b|per\s?cent|pct\b|[x×](?![a-zA-Z])|-?fold\b"
    rf"|(?:ms|msec|milliseconds?|secs?|seconds?|mins?|minutes?|hrs?|hours?|h"
    rf"|days?|weeks?|wks?|months?|years?|yrs?)\b"
    rf"|(?<=\d\s)s(?![\w'’]))"  # "1.8 s"; "10s of thousands" and "1990s" are no seconds
    rf"|\s(?P<currency_word>dollars|euros|pounds|rupees)\b)?"
    rf"(?P<plus_after>\+)?"
    rf"(?![\w/]|\.\d|,\d)",
    re.IGNORECASE,
)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_TO_BETWEEN = re.compile(r"\s+to\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Expression:
    value: float
    unit: MetricUnit
    currency: str | None
    qualifier: MetricQualifier
    start: int
    end: int
    range_to: float | None = None


def parse_number(text: str) -> float | None:
    """A written number: "10,000", "1.5", "1,5" (decimal comma), "three"; None if not one."""
    cleaned = text.strip().lower()
    if cleaned in _WORD_NUMBERS:
        return _WORD_NUMBERS[cleaned]
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", cleaned):
        return float(cleaned.replace(",", ""))
    if re.fullmatch(r"\d+,\d{1,2}", cleaned):
        return float(cleaned.replace(",", "."))
    if re.fullmatch(r"\d+(?:\.\d+)?", cleaned):
        return float(cleaned)
    return None


def read_expression(match: re.Match[str]) -> _Expression | None:
    """The normalized value, unit and currency of one ``_EXPRESSION`` match."""
    number = parse_number(match["number"])
    if number is None:
        return None
    currency = _currency(match)
    scale_word = (match["scale"] or "").lower()
    if scale_word in {"m", "b", "k", "mm"} and currency is None and match["scale"].islower():
        return None  # "5m" (metres? minutes?) and "3b" are not a count without a currency
    scale = _SCALES.get(scale_word, 1.0)
    value = number * scale
    upper = parse_number(match["number_to"]) if match["number_to"] else None
    unit = MetricUnit.CURRENCY if currency else MetricUnit.COUNT
    if match["bytes"]:
        unit, value = MetricUnit.BYTES, number * _BYTE_SCALES[match["bytes"].lower()]
    elif match["unit"]:
        unit = _UNITS[re.sub(r"\s+", " ", match["unit"].lower())]
    qualifier = MetricQualifier.EXACT
    if match["qualifier"]:
        qualifier = _QUALIFIERS[re.sub(r"\s+", " ", match["qualifier"].lower())]
    elif match["plus"] or match["plus_after"]:
        qualifier = MetricQualifier.AT_LEAST
    range_to = upper * scale if upper is not None else None
    return _Expression(value, unit, currency, qualifier, match.start(), match.end(), range_to)


def _currency(match: re.Match[str]) -> str | None:
    if match["symbol"]:
        return _CURRENCY_SYMBOLS[match["symbol"]]
    if match["code"]:
        return match["code"].upper()
    if match["currency_word"]:
        return _CURRENCY_WORDS[match["currency_word"].lower()]
    return None


@dataclass(frozen=True, slots=True)
class _DocView:
    """A ``Doc`` with the document-wide facts the finder reads many times, computed once."""

    doc: Doc
    text: str
    has_sentences: bool
    has_tags: bool
    """False when no token was tagged: the model ran nowhere (no line held a number, or the
    focus component runs no tagger); word classes then come from the surface."""
    has_parse: bool
    """False when no token was parsed: direction and subject come from the surface."""


class MetricFinder:
    """Finds metrics in a parsed ``Doc``; build once per ``nlp`` (it compiles a ``Matcher``)."""

    def __init__(self, vocab: Vocab) -> None:
        self._word_counts = Matcher(vocab)
        self._word_counts.add(
            "WORD_COUNT",
            [
                [
                    {
                        "LOWER": {
                            "IN": sorted(set(_WORD_NUMBERS) - {"zero", "one", "hundred", "dozen"})
                        }
                    },
                    {"POS": {"IN": ["ADJ", "NOUN", "PROPN"]}, "OP": "*"},
                    {"POS": "NOUN", "TAG": {"IN": ["NNS", "NNPS"]}},
                ]
            ],
            greedy="LONGEST",
        )

    def __call__(self, doc: Doc) -> list[MetricMatch]:
        # ``Doc.text`` and ``Doc.has_annotation`` walk every token on each use: read them once.
        view = _DocView(
            doc,
            doc_text(doc),
            doc.has_annotation("SENT_START"),
            doc.has_annotation("POS"),
            doc.has_annotation("DEP"),
        )
        blocked = _blocked_ranges(doc)
        found = [m for m in self._numeric(view) if not _overlaps(m.start_char, m.end_char, blocked)]
        taken = _disjoint((m.start_char, m.end_char) for m in found)
        found.extend(
            m for m in self._spelled(view) if not _overlaps(m.start_char, m.end_char, taken)
        )
        return sorted(found, key=lambda m: m.start_char)

    def _numeric(self, view: _DocView) -> Iterator[MetricMatch]:
        expressions = [e for e in map(read_expression, _EXPRESSION.finditer(view.text)) if e]
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

    def _spelled(self, view: _DocView) -> Iterator[MetricMatch]:
        doc = view.doc
        # The Matcher refuses POS patterns on an untagged Doc: there, plural nouns by shape.
        found = self._word_counts(doc) if view.has_tags else _spelled_by_shape(view)
        for _, start, end in found:
            token = doc[start]
            value = _WORD_NUMBERS[token.lower_]
            # "three weeks" is a duration: the noun is its unit, and it ends the expression.
            unit = _UNITS.get(doc[start + 1].lower_) if end == start + 2 else None
            last = doc[end - 1] if unit else token
            expression = _Expression(
                value,
                unit or MetricUnit.COUNT,
                None,
                MetricQualifier.EXACT,
                token.idx,
                last.idx + len(last.text),
            )
            yield replace(
                self._build(view, expression, expression.start, expression.end, None, None),
                subject=None if unit else doc[start + 1 : end].text,
            )

    def _build(
        self,
        view: _DocView,
        expression: _Expression,
        start: int,
        end: int,
        range_to: float | None,
        direction: MetricDirection | None,
    ) -> MetricMatch:
        span = view.doc.char_span(start, end, alignment_mode="expand")
        sentence_start, sentence_end = _sentence_bounds(view, start, end)
        if view.has_parse or span is None:
            root = _anchor(span) if span is not None else None
            direction = direction or _direction_of(root, span, view)
            subject = _subject_of(root, span, view)
        else:
            opening = _opening_index(span, view)
            direction = direction or metric_surface.direction(span, opening, expression.unit)
            subject = metric_surface.subject(span, opening, expression.unit)
        return MetricMatch(
            value=expression.value,
            unit=expression.unit,
            currency=expression.currency,
            qualifier=expression.qualifier,
            direction=direction,
            subject=subject,
            start_char=start,
            end_char=end,
            text=view.text[start:end],
            sentence_start=sentence_start,
            sentence_end=sentence_end,
            range_to=range_to,
        )


_SPELLED_NUMBER = re.compile(
    rf"\b(?:{_alternation(set(_WORD_NUMBERS) - {'zero', 'one', 'hundred', 'dozen'})})\b",
    re.IGNORECASE,
)


def _spelled_by_shape(view: _DocView) -> Iterator[tuple[int, int, int]]:
    """What the spelled-count ``Matcher`` finds, for an untagged ``Doc``: a spelled-out number
    and the words up to a plural noun ("three new product lines")."""
    for match in _SPELLED_NUMBER.finditer(view.text):
        span = view.doc.char_span(match.start(), match.end())
        if span is None or len(span) != 1:
            continue
        end = metric_surface.spelled_count_end(view.doc, span.start)
        if end is not None:
            yield 0, span.start, end


def parse_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges around which the finder reads the tagger and the parser.

    Every expression that may become a metric (outside dates and contacts, not a bare year)
    and every spelled-out count; the parse is needed nowhere else, so a pipeline may run the
    statistical model only on the lines holding these (the focus component does).
    """
    text = doc_text(doc)
    blocked = _blocked_ranges(doc)
    ranges = [
        (expression.start, expression.end)
        for expression in map(read_expression, _EXPRESSION.finditer(text))
        if expression is not None
        and not _overlaps(expression.start, expression.end, blocked)
        and not _is_bare_year(text, expression)
    ]
    ranges.extend(match.span() for match in _SPELLED_NUMBER.finditer(text))
    return sorted(ranges)


def _is_bare_year(text: str, expression: _Expression) -> bool:
    """ "2021" alone: never a metric, whatever the parse says (see ``_is_metric``)."""
    value = text[expression.start : expression.end]
    return (
        expression.unit is MetricUnit.COUNT
        and expression.qualifier is MetricQualifier.EXACT
        and _YEAR.fullmatch(value.strip()) is not None
    )


# ------------------------------------------------------------------------ what is not a metric


def _blocked_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Dates and contacts found by earlier components: their digits are not metrics."""
    blocked: list[tuple[int, int]] = []
    for key in (labels.DATES, labels.CONTACTS):
        if key in doc.spans:
            blocked.extend((span.start_char, span.end_char) for span in doc.spans[key])
    return _disjoint(blocked)


def _disjoint(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ranges sorted and merged where they overlap, as ``_overlaps`` wants them."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _overlaps(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` overlaps one of ``ranges`` (from ``_disjoint``). A binary
    search: checking every date and contact per metric was quadratic (a document of bullets
    with a date each spent 75% of its time here)."""
    index = bisect_left(ranges, end, key=lambda found: found[0]) - 1
    return index >= 0 and ranges[index][1] > start


def _from_to_pairs(
    text: str, expressions: list[_Expression]
) -> Iterator[tuple[_Expression, _Expression]]:
    """Adjacent expressions written "from X to Y" in the same unit, or both durations."""
    for first, second in itertools.pairwise(expressions):
        comparable = first.unit is second.unit or (
            first.unit in _SECONDS_PER and second.unit in _SECONDS_PER
        )
        if (
            comparable
            and _FROM_BEFORE.search(text, max(0, first.start - 12), first.start)
            and _TO_BETWEEN.fullmatch(text, first.end, second.start)
        ):
            yield first, second


_BARE_NUMBER = re.compile(_NUMBER)


def _units_shared_from_to(text: str, expressions: list[_Expression]) -> list[_Expression]:
    """ "from 9 to 4 weeks", "from 3 days to 1": a bare number of a from-to pair takes the unit
    written once, on the other number."""
    shared = list(expressions)
    for index, (first, second) in enumerate(itertools.pairwise(expressions)):
        if not (
            _FROM_BEFORE.search(text, max(0, first.start - 12), first.start)
            and _TO_BETWEEN.fullmatch(text, first.end, second.start)
        ):
            continue
        if _is_bare(text, first) and second.unit is not MetricUnit.COUNT:
            shared[index] = replace(first, unit=second.unit, currency=second.currency)
        elif _is_bare(text, second) and first.unit is not MetricUnit.COUNT:
            shared[index + 1] = replace(second, unit=first.unit, currency=first.currency)
    return shared


def _is_bare(text: str, expression: _Expression) -> bool:
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


def _in_unit_of(first: _Expression, second: _Expression) -> float:
    """Y of "from X to Y" in X's unit, so a row's ``range_to`` shares its ``unit``."""
    if first.unit is second.unit:
        return second.value
    return second.value * _SECONDS_PER[second.unit] / _SECONDS_PER[first.unit]


_YEAR = re.compile(r"(?:19|20)\d{2}")


def _is_metric(view: _DocView, expression: _Expression) -> bool:
    """A bare number counts only when a plural noun follows it; years never do."""
    doc = view.doc
    text = view.text[expression.start : expression.end]
    if expression.unit is not MetricUnit.COUNT or expression.qualifier is not MetricQualifier.EXACT:
        return True
    if "+" in text or re.search(r"[a-zA-Z]", text):
        return True
    if _YEAR.fullmatch(text.strip()):
        return False
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    if not view.has_tags:
        return metric_surface.counts_a_noun(doc, span.end)
    following = doc[span.end]
    if following.pos_ == "ADJ" and span.end + 1 < len(doc):
        following = doc[span.end + 1]
    return following.tag_ in {"NNS", "NNPS"} and not following.is_stop


# ------------------------------------------------------------------------ sentence, direction


def _sentence_bounds(view: _DocView, start: int, end: int) -> tuple[int, int]:
    """The sentence around a metric, clipped to its line (a bullet is a line)."""
    line_start, line_end = _line_within_reach(view.text, start, end)
    if view.has_sentences:
        token = view.doc.char_span(start, end, alignment_mode="expand")
        if token is not None:
            sentence = token[0].sent
            line_start = max(line_start, sentence.start_char)
            line_end = min(line_end, sentence.end_char)
    else:
        line_start, line_end = metric_surface.sentence_bounds(
            view.text, line_start, line_end, start
        )
    text = view.text[line_start:line_end]
    stripped_left = len(text) - len(text.lstrip(" \t-•*"))
    return line_start + stripped_left, line_start + len(text.rstrip())


def _anchor(span: Span) -> Token:
    """The token carrying the number: its place in the parse says what the metric measures."""
    numeric = [token for token in span if any(ch.isdigit() for ch in token.text) or token.like_num]
    token = numeric[-1] if numeric else span.root
    # Compare indexes, not objects: spaCy makes a new Token on every access, so `is` never holds.
    while span.start <= token.head.i < span.end and token.head.i != token.i:
        token = token.head
    return token


def _change_of(token: Token) -> MetricDirection:
    """Whether a word says up or down, in any inflection ("reduced", "cuts", "shrank")."""
    return direction_of_form(token.lemma_.lower(), token.lower_)


def _governors(root: Token, depth: int = 4) -> list[Token]:
    """The metric's token and the words above it in the parse, nearest first."""
    chain = [root]
    while len(chain) < depth and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _change_modifier(token: Token) -> Token | None:
    """A word modifying ``token`` that says up or down: "Reduced" in "Reduced disk usage"."""
    for child in token.lefts:
        if child.dep_ in ("amod", "advmod", "compound") and _change_of(child) is not (
            MetricDirection.NONE
        ):
            return child
    return None


def _direction(root: Token) -> MetricDirection:
    """From the closest governing word (or its modifier) that says up or down.

    The small English model often parses a bullet's leading verb ("Reduced disk usage by 55%")
    as an adjective on the noun, so a governor's modifiers are read as well as the governor.
    """
    for governor in _governors(root):
        direction = _change_of(governor)
        if direction is MetricDirection.NONE and (modifier := _change_modifier(governor)):
            direction = _change_of(modifier)
        if direction is not MetricDirection.NONE:
            return direction
    return MetricDirection.NONE


def _direction_of(root: Token | None, span: Span | None, view: _DocView) -> MetricDirection:
    """From the parse, else from the nearest change word before it ("Lowered cloud spend by €40k",
    "lifted clearance margin 3x")."""
    direction = _direction(root) if root is not None else MetricDirection.NONE
    if direction is MetricDirection.NONE and span is not None:
        change = _change_noun_after(span) or _last_change_before(span, view)
        direction = _change_of(change) if change is not None else MetricDirection.NONE
    return direction


def _change_noun_after(span: Span) -> Token | None:
    """A change noun right after the metric: "a 9% drop", "a 2x increase" (bold marks skipped)."""
    following = [token for token in span.doc[span.end : span.end + 3] if token.text != "*"]
    if (
        following
        and following[0].pos_ == "NOUN"
        and _change_of(following[0]) is not (MetricDirection.NONE)
    ):
        return following[0]
    return None


_CLAUSE_BREAKS = metric_surface.CLAUSE_BREAKS


def _last_change_before(span: Span, view: _DocView) -> Token | None:
    """The nearest verb saying up or down (or the bullet's opening word, which the tagger often
    mistakes for an adjective) between the start of the bullet and the metric."""
    opening = _opening_word(span, view)
    if opening is None:
        return None
    changes = [
        token
        for token in span.doc[opening.i : span.start]
        if (token.pos_ == "VERB" or token.i == opening.i)
        and _change_of(token) is not MetricDirection.NONE
    ]
    if not changes or any(t.text in _CLAUSE_BREAKS for t in span.doc[changes[-1].i : span.start]):
        return None
    return changes[-1]


def _opening_word(span: Span, view: _DocView) -> Token | None:
    """The first word of the metric's sentence or bullet (a bullet's verb), before the metric.

    The bullet bounds it because the parser runs a header line and the bullet under it together.
    """
    block_start = _block_bounds(span, view.text)[0]
    bound = max(block_start, span.sent.start_char) if view.has_sentences else block_start
    index = _first_word_from(span, bound)
    return span.doc[index] if index < span.start else None


def _opening_index(span: Span, view: _DocView) -> int:
    """The token index of the first word of the metric's sentence in its bullet, for the
    surface reading (``span.start`` when no word precedes the metric)."""
    block_start, block_end = _block_bounds(span, view.text)
    sentence_start = metric_surface.sentence_bounds(
        view.text, block_start, block_end, span.start_char
    )[0]
    return _first_word_from(span, sentence_start)


def _first_word_from(span: Span, bound: int) -> int:
    """The index of the first alphabetic token at or after character ``bound`` and before the
    metric; reads forward from ``bound`` and stops at that word (usually the first token), so a
    line dense with numbers costs each metric a few tokens, not the line's length."""
    if bound >= span.start_char:
        return span.start
    before = span.doc.char_span(bound, span.start_char, alignment_mode="contract")
    for token in before if before is not None else ():
        if token.is_alpha:
            return int(token.i)
    return span.start


def _subject_of(root: Token | None, span: Span | None, view: _DocView) -> str | None:
    """The parse's subject, else the bullet's object ("Reduced <churn> from 12% to 7%"), else
    what the metric is "in" or "of" ("$1.5 million in <annual log storage cost>").

    The small English model parses terse bullets badly (it reads "Reduced" as an adjective and
    "token" in "time-to-first-token" as a verb), so the surface shape backs the parse up.
    """
    if root is None or span is None:
        return None
    parsed = _subject(root, span)
    block_start, block_end = _block_bounds(span, view.text)
    if parsed is not None and ("\n" in parsed or parsed not in view.text[block_start:block_end]):
        parsed = None  # the parse ran on into another line, bullet, heading or entry
    return parsed or _object_before(span, view) or _object_after(span)


_BLOCK_OPENER = re.compile(r"[ \t]*(?:[-•*▪◦]|\d{1,2}[.)])[ \t]")


def _block_bounds(span: Span, text: str) -> tuple[int, int]:
    """The bullet or paragraph around a metric: its lines, hard wraps included, up to a blank
    line or the next bullet. The parser reads across such bounds; a subject may not.

    ``text`` is the document's text, read once per document: ``Doc.text`` is rebuilt from every
    token on each access.
    """
    low, high = _reach(text, span.start_char, span.end_char)
    start = _line_start(text, low, span.start_char)
    while start > low and not _BLOCK_OPENER.match(text, start):
        previous = _line_start(text, low, start - 1)
        if not text[previous : start - 1].strip():
            break
        start = previous
    end = text.find("\n", span.end_char, high)
    while end != -1:
        following = text.find("\n", end + 1, high)
        line = text[end + 1 : following if following != -1 else high]
        if not line.strip() or _BLOCK_OPENER.match(line):
            break
        end = following
    return start, high if end == -1 else end


METRIC_REACH = 1_000
"""How many characters on each side of a metric its sentence, line and bullet are looked for
in. Bullets and sentences are shorter; without a bound, each metric of a long line or of a long
run of lines without a blank one scanned all of it (quadratic: 180 s/MB at 320 KB of date
ranges)."""


def _reach(text: str, start: int, end: int) -> tuple[int, int]:
    return max(0, start - METRIC_REACH), min(len(text), end + METRIC_REACH)


def _line_start(text: str, low: int, position: int) -> int:
    """Where the line holding ``position`` starts, or ``low`` if it starts before ``low``."""
    newline = text.rfind("\n", low, position)
    return low if newline == -1 else newline + 1


def _line_within_reach(text: str, start: int, end: int) -> tuple[int, int]:
    """The line holding ``[start, end)``, cut to ``METRIC_REACH`` characters on each side."""
    low, high = _reach(text, start, end)
    line_end = text.find("\n", end, high)
    return _line_start(text, low, start), high if line_end == -1 else line_end


_LINKING_PREPS = frozenset(("by", "from", "to"))
_SUBJECT_WORD_POS = frozenset(("NOUN", "PROPN", "ADJ", "NUM", "X", "VERB"))
"""Word classes of a bullet's object; VERB because the tagger calls "spend" or "token" one."""
_MAX_SUBJECT_WORDS = 5
_COMPOUND_WORD = re.compile(r"\w+(?:[-/]\w+)+")
"""A word the tokenizer splits: "time-to-first-token", "sign-ups", "CI/CD"."""


def _object_before(span: Span, view: _DocView) -> str | None:
    """The words between the change verb before the metric and the metric, when a noun phrase:
    "Reduced <churn> from 12% to 7%", "CUDA graphs reduced <time-to-first-token> by 65%"."""
    change = _last_change_before(span, view)
    if change is None:
        return None
    words = list(span.doc[change.i + 1 : span.start])
    while words and (words[-1].lower_ in _LINKING_PREPS or words[-1].is_punct):
        words.pop()
    while words and words[0].pos_ in ("DET", "PRON"):
        words.pop(0)
    if not words or not _is_noun_phrase(words):
        return None
    return span.doc[words[0].i : words[-1].i + 1].text


def _is_noun_phrase(tokens: list[Token]) -> bool:
    """Content words only, at most five; a hyphenated word ("sign-ups") counts as one word."""
    if tokens[-1].is_punct:
        return False
    words: list[list[Token]] = [[]]
    for token in tokens:
        words[-1].append(token)
        if token.whitespace_:
            words.append([])
    words = [word for word in words if word]
    return len(words) <= _MAX_SUBJECT_WORDS and all(
        _COMPOUND_WORD.fullmatch("".join(t.text for t in word))
        if len(word) > 1
        else word[0].pos_ in _SUBJECT_WORD_POS
        for word in words
    )


def _object_after(span: Span) -> str | None:
    """What a metric is in or of: "$1.5 million in annual log storage cost", "2x increase in
    weekly active users" (a change noun right after the metric is looked through)."""
    following = [token for token in span.doc[span.end : span.end + 4] if token.text != "*"]
    if following and change_word(following[0].lemma_.lower()) is not None:
        following.pop(0)
    if not following or following[0].lower_ not in ("in", "of", "for", "on"):
        return None
    objects = [child for child in following[0].children if child.dep_ == "pobj"]
    return _phrase(objects[0], set()) if objects else None


_PHRASE_DEPS = frozenset(("compound", "amod", "nmod", "poss"))


def _subject(root: Token, span: Span) -> str | None:
    """The noun phrase the metric measures, when the parse states one."""
    inside = {token.i for token in span}
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "by":
        changed = head.head
        if changed.pos_ == "VERB":
            objects = [child for child in changed.children if child.dep_ in ("dobj", "nsubjpass")]
            return _phrase(objects[0], inside) if objects else None
        if changed.pos_ in ("NOUN", "PROPN") and (modifier := _change_modifier(changed)):
            # "Reduced disk usage by 55%" parsed as a noun phrase: the noun is the subject.
            return _phrase(changed, inside | {modifier.i})
    if head.i == root.i or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if change_word(head.lemma_.lower()) is not None:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "for", "on"):
                objects = [child for child in prep.children if child.dep_ == "pobj"]
                if objects:
                    return _phrase(objects[0], inside)
        return _phrase(head, inside | {head.i}) or None
    return _phrase(head, inside)


def _phrase(noun: Token, skip: set[int]) -> str | None:
    """A noun with its compounds and adjectives, without determiners or the metric itself."""
    start = noun.i
    for token in reversed(list(noun.lefts)):
        if token.tag_ == "HYPH" and token.i == start - 1 and not token.whitespace_:
            start = token.i  # "sign-ups": the hyphen joins the word before
            continue
        if token.i in skip or token.dep_ not in _PHRASE_DEPS or token.i != start - 1:
            break
        if _change_of(token) is not MetricDirection.NONE and token.pos_ in ("VERB", "ADJ"):
            break  # "Grew revenue 3x": the bullet's verb, parsed as an adjective, is no subject
        start = token.left_edge.i if token.left_edge.i not in skip else token.i
    doc = noun.doc
    text = doc[start : noun.i + 1].text.strip()
    return text or None
