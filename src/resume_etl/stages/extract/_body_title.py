"""A job's title told as the first words of its description: "**Org**", its period, then
"Senior developer, working on both the web shop and its apps."

Some authors name only the employer in a job's header and open the description with the
title, as the subject of its first sentence. The words before the sentence goes on (a comma,
a stop, a lower-case "-ing" verb or a preposition) are the title when a job-title head ends
them: "Senior backend developer working at X" names a developer; "Built the API" does not.
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
    rf"\s*[,.;:(]|\s+(?:[a-z]+ing|{grammar_alternation('employer_preposition')})\b|\s*$"
)
"""Where the title stops and the sentence goes on."""
_CONFIDENCE = 0.6


def title_opening_body(entry: Entry, spans: SpanIndex) -> Extracted | None:
    """The title a job's first description line opens with, or None."""
    if not entry.body or entry.body[0].kind is not LineKind.TEXT:
        return None
    line = entry.body[0]
    text = spans.text
    start = line.content_start
    if not text[start : start + 1].isupper():
        return None
    stop = _TITLE_END.search(text, start, line.end)
    end = stop.start() if stop is not None else line.end
    words = text[start:end].split()
    if not words or len(words) > _MAX_TITLE_WORDS:
        return None
    heads = spans.within(labels.TITLE_HEADS, start, end)
    if not heads or heads[-1].end_char != end:
        return None
    return Extracted(text[start:end], start, end, _CONFIDENCE)
