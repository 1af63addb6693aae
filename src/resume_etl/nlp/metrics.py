"""Impact metrics: "$1.5 million", "around 55%", "10,000+ users", "sub-10ms", "3x", "from X to Y".

A metric is found in two steps. Its *expression* (qualifier, currency, number, scale, "+",
unit) is read from the text by one grammar, because spaCy's tokenizer splits such expressions
inconsistently ("100ms" and "95%+" are one token, "10,000+" two). Its *meaning in the sentence*
comes from the parse: the governing verb or noun gives the direction ("reduced", "cut",
"growth"), and the noun phrase it measures gives the subject ("P100 latency", "disk usage").
Spelled-out counts ("three tutorials") come from a ``Matcher`` on ``like_num`` tokens followed
by a noun.

A bare number with no unit, currency, scale or qualifier is a metric only when a noun follows it
("180 benchmarks"); years, dates, phone numbers, versions and scores ("3.8/4.0") are not.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from resume_etl.nlp import labels
from resume_etl.nlp.ranges import CharRanges
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
    **dict.fromkeys(("x", "×", "times", "fold", "-fold"), MetricUnit.MULTIPLIER),
    **dict.fromkeys(("ms", "millisecond", "milliseconds", "msec"), MetricUnit.MILLISECONDS),
    **dict.fromkeys(("sec", "secs", "second", "seconds"), MetricUnit.SECONDS),
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

_DECREASE = frozenset(
    (
        "reduce",
        "reduction",
        "cut",
        "decrease",
        "lower",
        "shrink",
        "drop",
        "save",
        "saving",
        "savings",
        "eliminate",
        "minimize",
        "trim",
        "slash",
        "shorten",
        "compress",
        "decline",
        "lessen",
        "curb",
        "avoid",
        "down",
    )
)
_INCREASE = frozenset(
    (
        "increase",
        "improve",
        "improvement",
        "grow",
        "growth",
        "boost",
        "raise",
        "gain",
        "accelerate",
        "expand",
        "double",
        "triple",
        "enhance",
        "scale",
        "uplift",
        "lift",
        "rise",
        "speed",
        "speedup",
        "maximize",
        "generate",
        "drive",
        "up",
        "higher",
        "faster",
    )
)


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
    rf"|\s?(?P<unit>%|per\s?cent|pct\b|[x×](?![a-zA-Z])|-?fold\b"
    rf"|(?:ms|msec|milliseconds?|secs?|seconds?|mins?|minutes?|hrs?|hours?|h"
    rf"|days?|weeks?|wks?|months?|years?|yrs?)\b)"
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
        bounds = _TextBounds.of(doc)
        blocked = CharRanges(_blocked_ranges(doc))
        found = [
            m for m in self._numeric(doc, bounds) if not blocked.overlap(m.start_char, m.end_char)
        ]
        taken = CharRanges([(m.start_char, m.end_char) for m in found])
        found.extend(
            m for m in self._spelled(doc, bounds) if not taken.overlap(m.start_char, m.end_char)
        )
        return sorted(found, key=lambda m: m.start_char)

    def _numeric(self, doc: Doc, bounds: _TextBounds) -> Iterator[MetricMatch]:
        text = bounds.text  # Doc.text joins every token on each access: read it once
        expressions = [e for e in map(read_expression, _EXPRESSION.finditer(text)) if e]
        expressions = [e for e in expressions if _is_metric(doc, text, e)]
        paired: set[int] = set()
        for first, second in _from_to_pairs(text, expressions):
            paired.update({id(first), id(second)})
            direction = (
                MetricDirection.DECREASE if second.value < first.value else MetricDirection.INCREASE
            )
            yield self._build(doc, bounds, first, first.start, second.end, second.value, direction)
        for expression in expressions:
            if id(expression) not in paired:
                yield self._build(
                    doc,
                    bounds,
                    expression,
                    expression.start,
                    expression.end,
                    expression.range_to,
                    None,
                )

    def _spelled(self, doc: Doc, bounds: _TextBounds) -> Iterator[MetricMatch]:
        for _, start, end in self._word_counts(doc):
            token = doc[start]
            value = _WORD_NUMBERS[token.lower_]
            expression = _Expression(
                value,
                MetricUnit.COUNT,
                None,
                MetricQualifier.EXACT,
                token.idx,
                token.idx + len(token.text),
            )
            yield replace(
                self._build(doc, bounds, expression, expression.start, expression.end, None, None),
                subject=doc[start + 1 : end].text,
            )

    def _build(
        self,
        doc: Doc,
        bounds: _TextBounds,
        expression: _Expression,
        start: int,
        end: int,
        range_to: float | None,
        direction: MetricDirection | None,
    ) -> MetricMatch:
        span = doc.char_span(start, end, alignment_mode="expand")
        sentence_start, sentence_end = bounds.sentence_around(span, start, end)
        root = _anchor(span) if span is not None else None
        return MetricMatch(
            value=expression.value,
            unit=expression.unit,
            currency=expression.currency,
            qualifier=expression.qualifier,
            direction=direction or (_direction(root) if root is not None else MetricDirection.NONE),
            subject=_subject(root, span) if root is not None and span is not None else None,
            start_char=start,
            end_char=end,
            text=bounds.text[start:end],
            sentence_start=sentence_start,
            sentence_end=sentence_end,
            range_to=range_to,
        )


# ------------------------------------------------------------------------ what is not a metric


def _blocked_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Dates and contacts found by earlier components: their digits are not metrics."""
    blocked: list[tuple[int, int]] = []
    for key in (labels.DATES, labels.CONTACTS):
        if key in doc.spans:
            blocked.extend((span.start_char, span.end_char) for span in doc.spans[key])
    return blocked


def _from_to_pairs(
    text: str, expressions: list[_Expression]
) -> Iterator[tuple[_Expression, _Expression]]:
    """Adjacent expressions written "from X to Y" in the same unit."""
    for first, second in itertools.pairwise(expressions):
        if (
            first.unit is second.unit
            and _FROM_BEFORE.search(text, max(0, first.start - 12), first.start)
            and _TO_BETWEEN.fullmatch(text, first.end, second.start)
        ):
            yield first, second


_YEAR = re.compile(r"(?:19|20)\d{2}")


def _is_metric(doc: Doc, doc_text: str, expression: _Expression) -> bool:
    """A bare number counts only when a plural noun follows it; years never do."""
    text = doc_text[expression.start : expression.end]
    if expression.unit is not MetricUnit.COUNT or expression.qualifier is not MetricQualifier.EXACT:
        return True
    if "+" in text or re.search(r"[a-zA-Z]", text):
        return True
    if _YEAR.fullmatch(text.strip()):
        return False
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    following = doc[span.end]
    if following.pos_ == "ADJ" and span.end + 1 < len(doc):
        following = doc[span.end + 1]
    return following.tag_ in {"NNS", "NNPS"} and not following.is_stop


# ------------------------------------------------------------------------ sentence, direction


_STRIPPED_AT_LINE_START = frozenset(" \t-•*")


class _TextBounds:
    """Line and sentence boundaries of a doc, found once per doc.

    Each metric's sentence used to be found by scanning the text and asking spaCy for
    ``token.sent``; both walk the whole line or document, so a long one-line text full of
    numbers took quadratic time. Here every lookup is a binary search.
    """

    def __init__(self, text: str, sentences: list[tuple[int, int]]) -> None:
        self.text = text
        self._line_starts = [0, *(match.end() for match in re.finditer("\n", text))]
        self._sentence_starts = [start for start, _ in sentences]
        self._sentence_ends = [end for _, end in sentences]
        self._trimmed: dict[tuple[int, int], tuple[int, int]] = {}

    @classmethod
    def of(cls, doc: Doc) -> _TextBounds:
        sentences = (
            [(sent.start_char, sent.end_char) for sent in doc.sents]
            if doc.has_annotation("SENT_START")
            else []
        )
        return cls(doc.text, sentences)

    def sentence_around(self, span: Span | None, start: int, end: int) -> tuple[int, int]:
        """The sentence around a metric, clipped to its line (a bullet is a line)."""
        line = bisect.bisect_right(self._line_starts, start) - 1
        line_start = self._line_starts[line]
        following = bisect.bisect_left(self._line_starts, end + 1)
        line_end = (
            self._line_starts[following] - 1
            if following < len(self._line_starts)
            else len(self.text)
        )
        if span is not None and self._sentence_starts:
            sentence = bisect.bisect_right(self._sentence_starts, span[0].idx) - 1
            line_start = max(line_start, self._sentence_starts[sentence])
            line_end = min(line_end, self._sentence_ends[sentence])
        return self._trim(line_start, line_end)

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        """Without bullet marks and spaces at the start and spaces at the end (memoized)."""
        key = (start, end)
        if key not in self._trimmed:
            text = self.text
            left, right = start, end
            while left < right and text[left] in _STRIPPED_AT_LINE_START:
                left += 1
            while right > left and text[right - 1].isspace():
                right -= 1
            self._trimmed[key] = (left, max(left, right))
        return self._trimmed[key]


def _anchor(span: Span) -> Token:
    """The token carrying the number: its place in the parse says what the metric measures."""
    numeric = [token for token in span if any(ch.isdigit() for ch in token.text) or token.like_num]
    token = numeric[-1] if numeric else span.root
    # Compare indexes, not objects: spaCy makes a new Token on every access, so `is` never holds.
    while span.start <= token.head.i < span.end and token.head.i != token.i:
        token = token.head
    return token


def _change_of(token: Token) -> MetricDirection:
    """Whether a word says up or down, in any inflection ("reduced", "cuts", "lowering")."""
    for form in (token.lemma_.lower(), _strip_inflection(token.lower_)):
        if form in _DECREASE:
            return MetricDirection.DECREASE
        if form in _INCREASE:
            return MetricDirection.INCREASE
    return MetricDirection.NONE


def _strip_inflection(word: str) -> str:
    """A crude base form for when the tagger calls a bullet's leading verb an adjective."""
    for suffix, replacement in (("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)] + replacement
            if base in _DECREASE or base in _INCREASE:
                return base
            if suffix in ("ed", "ing") and (base + "e" in _DECREASE or base + "e" in _INCREASE):
                return base + "e"
    return word


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


_PHRASE_DEPS = frozenset(("compound", "amod", "nmod", "poss"))
_CHANGE_NOUNS = _DECREASE | _INCREASE


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
    if head.lemma_.lower() in _CHANGE_NOUNS:
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
        if token.i in skip or token.dep_ not in _PHRASE_DEPS or token.i != start - 1:
            break
        start = token.left_edge.i if token.left_edge.i not in skip else token.i
    doc = noun.doc
    text = doc[start : noun.i + 1].text.strip()
    return text or None
