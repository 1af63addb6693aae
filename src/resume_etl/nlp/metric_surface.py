"""A metric's meaning read from the surface of its bullet, for text the model did not parse.

Running the tagger and parser over every line holding a number cost most of a run, and on
terse bullets the small model misreads them anyway ("Reduced" as an adjective, "Shrank" as a
noun). A bullet states what changed in few shapes, and these are read here from the words
alone, with the change-word lexicon (``change_words``) and spaCy's lexical attributes
(``is_stop``, ``is_alpha``, ``like_num``), which need no model; the words it looks for are data
(``data/metric_context_words.jsonl``):

- direction: a change noun or comparative right after the metric ("a 9% drop", "3x faster"),
  else the nearest change verb before it in the same clause ("Reduced churn from 12% to 7%"),
  else a change noun just before "of"/"by" it ("a reduction of 40%");
- subject: the bullet's object between that verb and the metric ("Cut <annual hosting costs>
  by £300k"), else the noun phrase the number counts ("Served 10,000+ <users>"), else what the
  metric (or its change noun) is "in", "of", "for" or "on" ("a 2x increase in <weekly active
  users>").

A word is a plural noun when it looks like one (``is_plural_noun``); that decides whether a
bare number ("180 benchmarks") or a spelled-out one ("three tutorials") counts something.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from resume_etl.nlp.change_words import ChangeKind, ChangeWord, change_word
from resume_etl.nlp.doc_text import doc_text
from resume_etl.nlp.metric_expression import WORD_NUMBERS
from resume_etl.vocab import MetricDirection, MetricUnit
from resume_etl.wordlists import builtin_forms

WORDS_FILE = "metric_context_words.jsonl"
"""The words around a metric this module reads (``nlp/data/README.md``)."""


def _words(category: str) -> frozenset[str]:
    return builtin_forms(WORDS_FILE, category)


CLAUSE_BREAKS = frozenset((",", ";", ":", "(", ")"))
"""Between a change verb and a metric these say the verb governs another clause."""

_NOUN_MARKERS = _words("noun_marker")
"""Words only a noun follows: before a change word they make it one ("the drop", "a cut")."""
_LEADING = _NOUN_MARKERS | _words("subject_stop")
"""Words a subject does not start with: "Reduced <the> build time" is "build time"."""

_VERB_CUES = _words("verb_cue")
"""Words after which a change word's base form is a verb: "helped cut", "that cut", "and cut"
("cut" is its own past tense)."""

_CONTENT_STOP_WORDS = _words("content_stop_word")
"""Words of spaCy's stop list that name things in a bullet: "housing part count", "front end"."""
FUNCTION_WORDS = frozenset(STOP_WORDS) - _CONTENT_STOP_WORDS
"""Words no noun phrase the finder reports is made of."""
_POSSESSIVE = frozenset(("'s", "’s"))
_COORDINATORS = _words("coordinator")
_ACRONYM_PLURAL = re.compile(r"[A-Z0-9]{2,}s")
"""The plural of an acronym: "SKUs", "APIs", "NGOs"."""

_IRREGULAR_PLURALS = _words("irregular_plural")
COUNTING_WORDS = frozenset(WORD_NUMBERS) - _words("not_a_count")
"""Spelled-out numbers that count what follows ("three tutorials"); not "one of", "zero
downtime", "a hundred", "a dozen"."""
_NOT_COUNTED = _words("not_counted")
"""Plural-shaped abbreviations of units a count is not of: LinkedIn's "2 yrs 5 mos"."""
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ous", "'s", "’s")
SUBJECT_PREPS = _words("subject_preposition")
"""What a metric is "in", "of", "for" or "on": the words before what it measures."""
_MAX_SUBJECT_WORDS = 5
_MAX_COUNTED_TOKENS = 8
"""Tokens after a spelled-out number searched for what it counts (hyphens are tokens)."""
_RATE_UNITS = frozenset(
    (MetricUnit.PERCENT, MetricUnit.PERCENTAGE_POINTS, MetricUnit.MULTIPLIER, MetricUnit.CURRENCY)
)
"""Units a bare "up"/"down" before the metric changes ("revenue up 40%", not "set up 5")."""


def is_plural_noun(token: Token) -> bool:
    """A word shaped like a plural noun: "benchmarks", "hospitals", "Pods", "people".

    Stop words ("its", "was", "others") and words ending like singulars ("process",
    "status", "analysis", "serious") are not.
    """
    lower: str = token.lower_
    if lower in _IRREGULAR_PLURALS:
        return True
    text: str = token.text
    if text.endswith("s") and _ACRONYM_PLURAL.fullmatch(text):  # the regex ends in "s" too
        return True
    return (
        lower not in _NOT_COUNTED
        and token.is_alpha
        and lower not in FUNCTION_WORDS
        and len(lower) >= 3
        and lower.endswith("s")
        and not lower.endswith(_NOT_PLURAL_ENDINGS)
    )


_ALPHANUMERIC = re.compile(r"[^\W_]")
"""A character ``str.isalnum`` accepts: ``\\w`` is exactly those and the underscore."""


def _is_content_word(token: Token) -> bool:
    """A word a noun phrase is made of: no function word, number, punctuation or space.

    The letter or digit is looked for by a regex, not by a generator over the characters (a
    frame per token, and each metric reads a dozen tokens this way)."""
    return (
        token.lower_ not in FUNCTION_WORDS
        and not token.like_num
        and not token.is_punct
        and not token.is_space
        and _ALPHANUMERIC.search(token.text) is not None
    )


def counts_a_noun(doc: Doc, end: int) -> bool:
    """Whether the word after a bare number (or after one modifier) is a plural noun.

    "180 benchmarks", "12 new clients"; not "Room 12 of", "Python 3 and".
    """
    if end >= len(doc):
        return False
    following = doc[end]
    if is_plural_noun(following):
        return True
    return (
        end + 1 < len(doc)
        and following.is_alpha
        and _is_content_word(following)
        and bool(following.whitespace_)
        and is_plural_noun(doc[end + 1])
    )


def spelled_count_end(doc: Doc, start: int) -> int | None:
    """The end of the noun phrase a spelled-out number counts ("three <new product lines>",
    "three <multi-cloud workflow scripts>"): its last plural word; None when none is plural."""
    end = None
    for token in _phrase_run(_tokens(doc, start + 1, start + 1 + _MAX_COUNTED_TOKENS)):
        if is_plural_noun(token):
            end = token.i + 1
    return end


# ------------------------------------------------------------------------------ direction


ChangeBefore = tuple[int, ChangeWord] | None
"""``change_before``'s answer (the word's token index and the word), read once per metric for
both its direction and its subject."""


def direction(span: Span, before: ChangeBefore) -> MetricDirection:
    """Up or down, from the change word after the metric, else the one before it."""
    after = change_after(span)
    if after is not None:
        return after.direction
    return before[1].direction if before is not None else MetricDirection.NONE


def change_after(span: Span) -> ChangeWord | None:
    """A change noun or comparative right after the metric, one word of a compound noun
    allowed between ("a 9% drop", "3x faster", "a $1.5 million cost reduction")."""
    doc = span.doc
    position = 0
    for index in range(span.end, min(span.end + 4, len(doc))):  # read one by one, not sliced
        token = doc[index]
        if token.text == "*":
            continue
        found = change_word(token.lower_)
        if found is not None and found.kinds & {ChangeKind.NOUN, ChangeKind.COMPARATIVE}:
            return found
        if position == 1 or not (token.is_alpha and _is_content_word(token)):
            return None
        position += 1
    return None


FREE_STEPS = 6
"""Tokens ``change_before`` walks back before it asks for the opening word (unless a change
word comes first): most walks end sooner, at a clause break or another amount."""


def change_before(span: Span, opening: Callable[[], int], unit: MetricUnit) -> ChangeBefore:
    """The nearest change word before the metric, in its clause, used as its verb ("Reduced
    churn by", "that lifted clearance margin"), as a noun of it ("a reduction of"), or as a
    particle on a rate ("revenue up 40%").

    The clause runs back to the bullet's opening word (``opening()``, its token index), which
    is asked for only when the walk meets a change word or has gone ``FREE_STEPS`` tokens:
    finding it (the bullet, the sentence, the first word) was a quarter of a metric's cost in
    a text of figures, whose walks end a few tokens back at another amount. A walk that passes
    the opening unknowingly ends as the bounded walk did: any change word it meets lies before
    the opening, and a clause break ends it with no word either way."""
    doc = span.doc
    first: int | None = None
    for index in range(span.start - 1, -1, -1):
        if first is None and span.start - index > FREE_STEPS:
            first = opening()  # a long walk: the opening bounds the rest
        if first is not None and index < first:
            return None  # before the opening word
        token = doc[index]
        if _ends_clause(doc, index, token.text):
            return None  # another clause, or another metric's verb: "cut X by 5% and Y by 9%"
        found = change_word(token.lower_)
        if found is None:
            continue
        if first is None:
            first = opening()
            if index < first:
                return None
        if _is_change_use(doc, index, found, span, first, unit):
            return index, found
    return None


def _ends_clause(doc: Doc, index: int, text: str) -> bool:
    """Whether token ``index`` (its text ``text``) ends the clause before a metric: a clause
    break, or an amount (``_is_amount``). The text is read once for both."""
    return text in CLAUSE_BREAKS or _is_amount(doc, index, text)


def _is_amount(doc: Doc, index: int, text: str) -> bool:
    """A number written with a unit or currency, the mark of another metric: "18%", "$2.4M";
    not the digits of a name ("Grade 11", "p99"). The next token is read only after a digit."""
    if text[:1] in "$€£¥₹₦":
        return True
    if not text[:1].isdigit():
        return False
    following = doc[index + 1].text if index + 1 < len(doc) else ""
    return text[-1:] in "%xX+" or following in ("%", "x", "×", "+")


def _is_change_use(
    doc: Doc, index: int, word: ChangeWord, span: Span, opening: int, unit: MetricUnit
) -> bool:
    token = doc[index]
    if ChangeKind.PARTICLE in word.kinds:
        return index == span.start - 1 and unit in _RATE_UNITS
    if ChangeKind.NOUN in word.kinds and _links_to(doc, index + 1, span.start):
        return True
    return word.is_verb and _is_verb_use(doc, index, token, word, opening)


def _links_to(doc: Doc, start: int, end: int) -> bool:
    """ "of" or "by" and nothing else between a change noun and the metric."""
    return end - start == 1 and doc[start].lower_ in ("of", "by")


def _is_verb_use(doc: Doc, index: int, token: Token, word: ChangeWord, opening: int) -> bool:
    """Whether a change verb's form is used as a verb here, judged from its neighbours.

    The bullet's opening word is its verb ("Cut", "Reduced"); an inflected form is one unless a
    determiner or a hyphen ties it to a noun ("the drop", "hyper-scale"); a base form only
    after "to", a modal or "helped" ("to reduce", "helped cut").
    """
    if index == opening:
        return True
    previous = doc[index - 1] if index > 0 else None
    if previous is not None and (
        previous.lower_ in _NOUN_MARKERS or (previous.text == "-" and not previous.whitespace_)
    ):
        return False
    if index + 1 < len(doc) and doc[index + 1].text == "-" and not token.whitespace_:
        return False  # "scale-out", "cut-over"
    if token.lower_ != word.base:
        return True
    return previous is not None and previous.lower_ in _VERB_CUES


# ------------------------------------------------------------------------------ subject


def subject(span: Span, before: ChangeBefore, unit: MetricUnit) -> str | None:
    """What the metric measures: the verb's object, else the counted noun, else its "in"/"of"."""
    return object_before(span, before) or counted_noun(span, unit) or object_after(span)


def object_before(span: Span, before: ChangeBefore) -> str | None:
    """The noun phrase between the change verb and the metric: "Reduced <churn> from 12%",
    "Cut <annual hosting costs> by", "CUDA graphs reduced <time-to-first-token> by about 65%".

    The phrase ends at its first function word: "Increased <conversion rate> of the checkout".
    """
    if before is None or not before[1].is_verb:
        return None
    words = _tokens(span.doc, before[0] + 1, span.start)
    breaks = [i for i, token in enumerate(words) if "\n" in token.text]
    if breaks:  # a hard-wrapped bullet: the phrase on the metric's line
        words = words[breaks[-1] + 1 :]
    while words and words[0].lower_ in _LEADING:
        words.pop(0)
    return _noun_phrase(words)


def counted_noun(span: Span, unit: MetricUnit) -> str | None:
    """The noun phrase right after the metric: what a count counts ("10,000+ <users>",
    "14 <hospitals>", up to its first plural noun), or what a rate or amount is of ("a 99%
    <match rate>", "a $1.5M <budget>"). None when a change word is in it ("a 9% drop in").

    A verb form after the first word ends it ("<arbitration> concerning", "<areas> covering").
    """
    run = _phrase_run(_phrase_words(span.doc, span.end))
    if not run:
        return None  # as ``_noun_phrase`` says of no words, without its checks
    if any(change_word(token.lower_) is not None for token in run):
        return None
    ends = [i for i, token in enumerate(run) if i and token.lower_.endswith("ing")]
    run = run[: ends[0]] if ends else run
    if unit is MetricUnit.COUNT:
        plural = next((i for i, token in enumerate(run) if is_plural_noun(token)), None)
        run = run[: plural + 1] if plural is not None else []
    return _noun_phrase(run)


def object_after(span: Span) -> str | None:
    """What a metric is in or of: "$1.5 million in <annual log storage cost>", "a 2x increase
    in <weekly active users>" (a change noun and a compound word before it are looked through)."""
    doc = span.doc
    index = span.end
    while index < len(doc) and doc[index].text == "*":
        index += 1
    for skip in range(2):
        if index + skip < len(doc) and change_word(doc[index + skip].lower_) is not None:
            index += skip + 1
            break
    if index >= len(doc) or doc[index].lower_ not in SUBJECT_PREPS:
        return None
    words = list(_phrase_words(doc, index + 1))
    while words and words[0].lower_ in _LEADING:
        words.pop(0)
    run = _phrase_run(words)
    if len(run) == 1 and len(words) > 1 and words[1].lower_ in _COORDINATORS:
        return None  # "in corporate and banking transactions": the noun comes later
    return _noun_phrase(run)


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    """``list(doc[start:end])`` for ``0 <= start``, without the ``Span`` a slice makes (and
    the slice's bounds normalized in Python): each metric reads two or three such runs."""
    return [doc[index] for index in range(start, min(end, len(doc)))]


def _phrase_words(doc: Doc, start: int) -> Iterator[Token]:
    """Tokens from ``start`` to the end of the line or clause (bold marks skipped)."""
    for index in range(start, min(start + 12, len(doc))):
        token = doc[index]
        text = token.text
        if "\n" in text or text in CLAUSE_BREAKS or text in (".", "!", "?"):
            return
        if text != "*":
            yield token


def _phrase_run(words: Iterable[Token]) -> list[Token]:
    """The leading content words of ``words``: hyphenated words kept whole ("on-time",
    "time-to-first-token"), a possessive kept ("the clinic's average"), numbers only after the
    first word ("Grade 11 chemistry pass rate").

    ``words`` is read one token past the run and no further: a lazy ``_phrase_words`` then
    makes no ``Token`` for the rest of its twelve."""
    run: list[Token] = []
    following = iter(words)
    token = next(following, None)
    while token is not None:
        after = next(following, None)
        if not (
            _is_content_word(token)
            or (run and token.like_num)
            or _is_joined(run[-1] if run else None, token)
            or _is_joined(token, after)
        ):
            break
        run.append(token)
        token = after
    return run


def _is_joined(left: Token | None, right: Token | None) -> bool:
    """Whether two tokens are one written word: a hyphen or a possessive between, no space."""
    if left is None or right is None or left.whitespace_:
        return False
    return left.text == "-" or right.text == "-" or right.lower_ in _POSSESSIVE


_ADVERB = re.compile(r"[a-z]{3,}ly")


def _noun_phrase(words: list[Token]) -> str | None:
    """The noun phrase that ``words`` open: content words up to the first function word,
    without a trailing adverb ("log storage annually") or a trailing change word, at most five
    words; a hyphenated word ("sign-ups") counts as one."""
    run = _phrase_run(words)
    while run and (
        run[-1].text == "-"
        or _ADVERB.fullmatch(run[-1].lower_)
        or (change_word(run[-1].lower_) is not None and len(run) > 1)
    ):
        run.pop()
    if not run or _word_count(run) > _MAX_SUBJECT_WORDS:
        return None
    if change_word(run[0].lower_) is not None and len(run) == 1:
        return None
    # ``doc[first:last + 1].text``, cut from the document's text (no ``Span`` joined anew)
    last = run[-1]
    return doc_text(run[0].doc)[run[0].idx : last.idx + len(last)] or None


def _word_count(tokens: list[Token]) -> int:
    return 1 + sum(1 for token in tokens[:-1] if token.whitespace_)
