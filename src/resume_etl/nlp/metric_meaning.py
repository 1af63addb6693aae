"""What a metric means in its sentence: the direction it went and the subject it measures.

The governing verb or noun in the parse gives the direction ("reduced", "cut", "growth"), and
the noun phrase it measures gives the subject ("P100 latency", "disk usage"). The small English
model misparses terse bullets ("Reduced" as an adjective, "token" in "time-to-first-token" as a
verb), so where the parse is silent the bullet's shape backs it up: a change verb, its object,
"by"/"from", the metric ("Reduced <churn> from 12% to 7%"); or the metric, a change noun,
"in"/"of" and what it measures ("a 2x increase in <weekly active users>"). A subject never
reaches past the metric's bullet or paragraph. Without any parse, ``metric_surface`` reads both
from the words alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from resume_etl.nlp import metric_surface
from resume_etl.nlp.change_words import change_word, direction_of_form
from resume_etl.nlp.metric_blocks import Blocks
from resume_etl.nlp.sentence_ends import SentenceEnds
from resume_etl.vocab import MetricDirection

__all__ = ["DocView", "anchor", "direction_of", "opening_index", "sentence_bounds", "subject_of"]


@dataclass(frozen=True, slots=True)
class DocView:
    """A ``Doc`` with the document-wide facts the finder reads many times, computed once."""

    doc: Doc
    text: str
    has_sentences: bool
    has_tags: bool
    """False when no token was tagged: the model ran nowhere (no line held a number, or the
    focus component runs no tagger); word classes then come from the surface."""
    has_parse: bool
    """False when no token was parsed: direction and subject come from the surface."""
    sentence_ends: SentenceEnds
    """The text's sentence ends, scanned once for all its metrics."""
    blocks: Blocks
    """The bullet or paragraph around a metric (``METRIC_REACH``), its lines read once."""


def sentence_bounds(view: DocView, start: int, end: int) -> tuple[int, int]:
    """The sentence around a metric, clipped to its line (a bullet is a line): the line holding
    ``[start, end)``, cut to ``METRIC_REACH`` characters on each side (read here in place, not
    by three calls: this runs once per metric)."""
    text = view.text
    low, high = max(0, start - METRIC_REACH), min(len(text), end + METRIC_REACH)
    newline, line_end = text.rfind("\n", low, start), text.find("\n", end, high)
    line_start = low if newline == -1 else newline + 1
    line_end = high if line_end == -1 else line_end
    if view.has_sentences:
        token = view.doc.char_span(start, end, alignment_mode="expand")
        if token is not None:
            sentence = token[0].sent
            line_start = max(line_start, sentence.start_char)
            line_end = min(line_end, sentence.end_char)
    else:
        line_start, line_end = view.sentence_ends.bounds(line_start, line_end, start)
    line = text[line_start:line_end]
    stripped_left = len(line) - len(line.lstrip(" \t-•*"))
    return line_start + stripped_left, line_start + len(line.rstrip())


def anchor(span: Span) -> Token:
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


def direction_of(root: Token | None, span: Span | None, view: DocView) -> MetricDirection:
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


def _last_change_before(span: Span, view: DocView) -> Token | None:
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


def _opening_word(span: Span, view: DocView) -> Token | None:
    """The first word of the metric's sentence or bullet (a bullet's verb), before the metric.

    The bullet bounds it because the parser runs a header line and the bullet under it together.
    """
    block_start = view.blocks.bounds(span.start_char, span.end_char)[0]
    bound = max(block_start, span.sent.start_char) if view.has_sentences else block_start
    index = _first_word_from(span, bound)
    return span.doc[index] if index < span.start else None


def opening_index(span: Span, view: DocView) -> int:
    """The token index of the first word of the metric's sentence in its bullet, for the
    surface reading (``span.start`` when no word precedes the metric)."""
    block_start, block_end = view.blocks.bounds(span.start_char, span.end_char)
    sentence_start = view.sentence_ends.bounds(block_start, block_end, span.start_char)[0]
    return _first_word_from(span, sentence_start)


def _first_word_from(span: Span, bound: int) -> int:
    """The index of the first alphabetic token at or after character ``bound`` and before the
    metric; reads forward from ``bound`` and stops at that word (usually the first token), so a
    line dense with numbers costs each metric a few tokens, not the line's length."""
    if bound >= span.start_char:
        return span.start
    before = span.doc.char_span(bound, span.start_char, alignment_mode="contract")
    if before is None:
        return span.start
    doc = span.doc
    for index in range(before.start, before.end):  # by index: a Span's iterator costs more
        if doc[index].is_alpha:
            return index
    return span.start


def subject_of(root: Token | None, span: Span | None, view: DocView) -> str | None:
    """The parse's subject, else the bullet's object ("Reduced <churn> from 12% to 7%"), else
    what the metric is "in" or "of" ("$1.5 million in <annual log storage cost>").

    The small English model parses terse bullets badly (it reads "Reduced" as an adjective and
    "token" in "time-to-first-token" as a verb), so the surface shape backs the parse up.
    """
    if root is None or span is None:
        return None
    parsed = _subject(root, span)
    block_start, block_end = view.blocks.bounds(span.start_char, span.end_char)
    if parsed is not None and ("\n" in parsed or parsed not in view.text[block_start:block_end]):
        parsed = None  # the parse ran on into another line, bullet, heading or entry
    return parsed or _object_before(span, view) or _object_after(span)


METRIC_REACH = 1_000
"""How many characters on each side of a metric its sentence, line and bullet are looked for
in. Bullets and sentences are shorter; without a bound, each metric of a long line or of a long
run of lines without a blank one scanned all of it (quadratic: 180 s/MB at 320 KB of date
ranges)."""


_LINKING_PREPS = frozenset(("by", "from", "to"))
_SUBJECT_WORD_POS = frozenset(("NOUN", "PROPN", "ADJ", "NUM", "X", "VERB"))
"""Word classes of a bullet's object; VERB because the tagger calls "spend" or "token" one."""
_MAX_SUBJECT_WORDS = 5
_COMPOUND_WORD = re.compile(r"\w+(?:[-/]\w+)+")
"""A word the tokenizer splits: "time-to-first-token", "sign-ups", "CI/CD"."""


def _object_before(span: Span, view: DocView) -> str | None:
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
    if not following or following[0].lower_ not in metric_surface.SUBJECT_PREPS:
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
            if prep.dep_ == "prep" and prep.lower_ in metric_surface.SUBJECT_PREPS:
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
