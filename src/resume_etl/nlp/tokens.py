"""Tokenizing any text in linear time: spaCy's tokenizer is quadratic on long runs of symbols.

The tokenizer strips one prefix and one suffix at a time from each whitespace-free string, and
each step searches the whole rest of the string for a suffix (one regex of ~600 alternatives
ending in ``$``, tried at every position) and copies it. On words that is nothing; on a run of
emoji, brackets or currency signs each character is an affix, and 4,000 of them took 20 s (a
1 MB line of emoji did not finish in 11 minutes). Two bounds make it linear:

- the suffix search looks at the last ``SUFFIX_WINDOW`` characters only (lookbehinds still see
  the characters before them); a match reaching the window's first character may run further
  left ("word....."), so then the whole string is searched as before. Suffixes are a few
  characters long, so the tokens are the tokenizer's own;
- a whitespace-free run longer than ``MAX_RUN_CHARS`` is tokenized ``MAX_RUN_CHARS`` characters
  at a time, so the copies stay bounded too. Only such runs (a pasted data URI, a line of
  emoji) can come out with a token cut at a piece's end; the text and its offsets are the same.

A markdown link is also cut where its text meets its address (``split_link_junctions``), and
an HTML tag where it meets the word it wraps (``split_tag_edges``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from resume_etl.nlp.doc_text import remember_text

SUFFIX_WINDOW = 16
"""Characters from the end a suffix search looks at first: spaCy's suffixes are shorter."""
MAX_RUN_CHARS = 1_000
"""Longest whitespace-free run tokenized in one piece (URLs and words are far shorter)."""

_LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS + 1},}}")


MEMO_MAX_CHARS = 32
"""Strings up to this long have their suffix search remembered (words and their punctuation)."""
MEMO_SIZE = 1 << 14
"""Strings remembered at most; the memory is emptied when full (a run's words recur early)."""
_UNSEEN = object()


class WindowedSuffixSearch:
    """``pattern.search`` over a string's last characters, the whole string only when needed.

    Keeps ``__self__`` pointing at the pattern, as a bound ``search`` does: spaCy serializes a
    tokenizer's suffix rules from ``suffix_search.__self__.pattern``.

    The answer for a short string is remembered: spaCy caches a word's tokens only until the
    first special case of a document (its ``has_special`` flag is per document), so the same
    words are split again and again, and the suffix search over ~600 alternatives at every
    position was most of the tokenizer's time. The answer depends on the string alone, and
    spaCy only reads a match's length.
    """

    def __init__(self, pattern: re.Pattern[str], window: int = SUFFIX_WINDOW) -> None:
        self.__self__ = pattern
        self._window = window
        self._memo: dict[str, re.Match[str] | None] = {}

    def __call__(self, string: str) -> re.Match[str] | None:
        memo = self._memo
        found = memo.get(string, _UNSEEN)
        if found is not _UNSEEN:
            return found  # type: ignore[return-value]
        found = self._search(string)
        if len(string) <= MEMO_MAX_CHARS:
            if len(memo) >= MEMO_SIZE:
                memo.clear()
            memo[string] = found
        return found

    def _search(self, string: str) -> re.Match[str] | None:
        start = len(string) - self._window
        if start <= 0:
            return self.__self__.search(string)
        found = self.__self__.search(string, start)
        if found is not None and found.start() == start:
            return self.__self__.search(string)  # may begin further left ("word.........")
        return found


def bound_tokenizer(nlp: Language) -> None:
    """Make the tokenizer's suffix search windowed (idempotent; a custom tokenizer is left as
    it is)."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return
    search: Callable[[str], re.Match[str] | None] | None = tokenizer.suffix_search
    pattern = getattr(search, "__self__", None)
    if isinstance(search, WindowedSuffixSearch) or not isinstance(pattern, re.Pattern):
        return
    tokenizer.suffix_search = WindowedSuffixSearch(pattern)


_LINK_JUNCTION = r"(?<=\w)[*_]+(?=\]\()|\](?=\()|(?<=\])\("
"""Where a markdown link's text meets its address: "Bank](https://x" holds no space, and the
tokenizer's rules cut none of it, so the last word of every linked name ("[Harbor
Bank](https://x)", "[**Firm, Inc.**](url)") was one token with the address, and no lexicon or
NER saw "Bank" or "Inc.". Cut before "](" (and before the emphasis marks closing the text)
and after it."""


def split_link_junctions(nlp: Language) -> None:
    """Make the tokenizer cut a markdown link where its text meets its address (idempotent;
    a custom tokenizer, or one with no infix rules, is left as it is)."""
    _add_infix(nlp, _LINK_JUNCTION)


def _add_infix(nlp: Language, infix: str) -> None:
    """Put ``infix`` first among the tokenizer's infix rules, once."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return
    pattern = getattr(tokenizer.infix_finditer, "__self__", None)
    if not isinstance(pattern, re.Pattern) or infix in pattern.pattern:
        return
    joined = re.compile(f"{infix}|{pattern.pattern}", pattern.flags)
    tokenizer.infix_finditer = joined.finditer


_TAG_EDGE = r"(?<=[^\s<>])(?=</?[A-Za-z][A-Za-z0-9]{0,9}(?:[\s>/]|$))|(?<=[\w\"'/]>)(?=[^\s<>])"
"""Where an HTML tag meets the word it wraps: markdown CVs set headers in inline HTML
("<b>Engineer</b>, Firm <span class=\"date\">2019 – 2020</span>"), and the tokenizer cut
none of it, so "Engineer</b" and "class=\"date\">2019" were single tokens and no lexicon saw
the title. Cut (with no token of its own) before a tag opens and after it closes."""


def split_tag_edges(nlp: Language) -> None:
    """Make the tokenizer cut an HTML tag from the word it touches (idempotent; a custom
    tokenizer, or one with no infix rules, is left as it is)."""
    _add_infix(nlp, _TAG_EDGE)


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, with whitespace-free runs over ``MAX_RUN_CHARS`` cut in pieces."""
    cuts = [
        cut
        for run in _LONG_RUN.finditer(text)
        for cut in range(run.start() + MAX_RUN_CHARS, run.end(), MAX_RUN_CHARS)
    ]
    if not cuts:
        doc = nlp.make_doc(text)
    else:
        bounds = [0, *cuts, len(text)]
        pieces = [nlp.make_doc(text[start:end]) for start, end in pairwise(bounds)]
        doc = Doc.from_docs(pieces, ensure_whitespace=False)
    remember_text(doc, text)
    return doc
