"""A job's title told as the first words of its description: "**Org**", its period, then
"Senior developer, working on both the web shop and its apps."

Some authors name only the employer in a job's header and open the description with the
title, as the subject of its first sentence. The words before the sentence goes on (a comma,
a stop, a spaced dash, a lower-case "-ing" verb or a preposition) are the title when a
job-title head ends them, or its complement in capitals ("Director of Field Operations"):
"Senior backend developer working at X" names a developer; "Built the API" does not.
"""

from __future__ import annotations

import re

from resume_etl.nlp import labels
from resume_etl.stages.extract._draft import Extracted
from resume_etl.stages.extract._spans import SpanIndex
from resume_etl.stages.segment import Entry, LineKind
from resume_etl.wordlists import grammar_alternation

_MAX_TITLE_WORDS = 5
_TITLE_END = re.compile(
    rf"\s*[,.;:(]|\s+[-–—]\s+"
    rf"|\s+(?:[a-z]+ing|{grammar_alternation('employer_preposition')})\b|\s*$"
)
"""Where the title stops and the sentence goes on ("Sales Manager - Grew the region's ...")."""
_NAMED_COMPLEMENT = re.compile(r"\s+of\s+[A-Z][\w&'-]*(?:\s+(?:[A-Z][\w&'-]*|of|and|&))*")
"""What a title's head is of, in capitals: "Vice President of Field Operations"."""
_CONFIDENCE = 0.6


_SMALL_WORD_MAX = 3


def _title_cased(words: str) -> bool:
    """Every word but the small ones ("of", "and") in capitals, as a title stands alone ("Data
    Scientist"); a duty written as an item is a sentence ("Worked as office assistant")."""
    return all(word[:1].isupper() or len(word) <= _SMALL_WORD_MAX for word in words.split())


def title_opening_body(entry: Entry, spans: SpanIndex) -> Extracted | None:
    """The title a job's first description line opens with, or None. A first list item is
    the title only when it is nothing else ("- Data Scientist" under "__Firm__, City", the
    markdown-cv template's shape): an item that goes on is a duty."""
    if not entry.body or entry.body[0].kind not in (LineKind.TEXT, LineKind.BULLET):
        return None
    line = entry.body[0]
    whole_item = line.kind is LineKind.BULLET
    text = spans.text
    start = line.content_start
    if not text[start : start + 1].isupper():
        return None
    stop = _TITLE_END.search(text, start, line.end)
    end = stop.start() if stop is not None else line.end
    if whole_item and (text[end : line.end].strip(" \t.;,") or not _title_cased(text[start:end])):
        return None
    words = text[start:end].split()
    if not words or len(words) > _MAX_TITLE_WORDS:
        return None
    heads = spans.within(labels.TITLE_HEADS, start, end)
    if not heads or not (
        heads[-1].end_char == end or _NAMED_COMPLEMENT.fullmatch(text, heads[-1].end_char, end)
    ):
        return None
    return Extracted(text[start:end], start, end, _CONFIDENCE)
