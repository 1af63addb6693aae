"""The ``show`` view as an HTML page drawn by spaCy's displaCy span renderer.

displaCy's span style is the convention spaCy users know for overlapping labelled spans: a
coloured bar under each value with its label at the start, stacked where values overlap. It
renders a list of tokens joined by spaces and ignores line breaks, so the text is passed one line
at a time (one displaCy block per line keeps the résumé's layout) with its own tokens, cut at
whitespace and at every span edge so that each value starts and ends on a token boundary.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy import displacy

from resume_etl.show import DocumentView, Highlight, colour_of

NON_SPACE = re.compile(r"\S+")
BLANK_LINE = '<div class="blank-line" style="height: 0.8em"></div>'
"""A blank line of the document: a small gap, not a full line of displaCy's tall line height."""
LEGEND_ITEM = (
    '<span class="legend-table" style="background: {colour}; padding: 2px 6px; margin-right: 6px;'
    ' border-radius: 3px; font-size: 0.8em; font-weight: bold">{table} {count}</span>'
)
PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{title}</title></head>
<body style="font-size: 16px; font-family: -apple-system, BlinkMacSystemFont, 'Segoe UI',
 Helvetica, Arial, sans-serif; padding: 2rem 2rem; max-width: 60rem">
<h2 style="margin: 0 0 0.5rem 0">{title}</h2>
<div class="legend" style="margin-bottom: 1.5rem">{legend}</div>
<div class="document">{content}</div>
</body>
</html>
"""


@dataclass(frozen=True, slots=True)
class LineTokens:
    """One line's tokens as character ranges into the document text."""

    starts: list[int]
    ends: list[int]


def line_ranges(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each line of ``text``, line breaks excluded."""
    ranges = []
    start = 0
    for line in text.split("\n"):
        ranges.append((start, start + len(line)))
        start += len(line) + 1
    return ranges


def clip(highlight: Highlight, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The part of ``highlight`` inside ``[start, end)`` without edge whitespace, if any."""
    low, high = max(highlight.start, start), min(highlight.end, end)
    while low < high and text[low].isspace():
        low += 1
    while high > low and text[high - 1].isspace():
        high -= 1
    return (low, high) if low < high else None


def tokenize(text: str, start: int, end: int, cuts: Sequence[int]) -> LineTokens:
    """Tokens of ``text[start:end]``: runs of non-space, split again at each of ``cuts``."""
    starts: list[int] = []
    ends: list[int] = []
    inner = sorted(set(cuts))
    for match in NON_SPACE.finditer(text, start, end):
        edges = [match.start(), *(c for c in inner if match.start() < c < match.end())]
        edges.append(match.end())
        for low, high in itertools.pairwise(edges):
            starts.append(low)
            ends.append(high)
    return LineTokens(starts, ends)


def line_data(view: DocumentView, start: int, end: int) -> dict[str, Any] | None:
    """displaCy's manual span data for one line of the document; None for a blank line."""
    clipped = [
        (part, highlight)
        for highlight in view.highlights
        if (part := clip(highlight, view.text, start, end)) is not None
    ]
    cuts = [edge for part, _ in clipped for edge in part]
    tokens = tokenize(view.text, start, end, cuts)
    if not tokens.starts:
        return None
    spans = [
        {
            "start_token": tokens.starts.index(low),
            "end_token": tokens.ends.index(high) + 1,
            "label": highlight.label,
        }
        for (low, high), highlight in clipped
    ]
    words = [view.text[low:high] for low, high in zip(tokens.starts, tokens.ends, strict=True)]
    return {"text": view.text[start:end], "tokens": words, "spans": spans}


def legend_html(view: DocumentView) -> str:
    """The tables with values in this document, in their colours, with how many each has."""
    counts: dict[str, int] = {}
    for highlight in view.highlights:
        counts[highlight.table] = counts.get(highlight.table, 0) + 1
    return "".join(
        LEGEND_ITEM.format(colour=colour_of(table)[1], table=html.escape(table), count=count)
        for table, count in counts.items()
    )


def render_html(view: DocumentView) -> str:
    """A standalone HTML page of the document with every value's span drawn by displaCy."""
    colours = {h.label: colour_of(h.table)[1] for h in view.highlights}
    options = {"colors": colours, "top_offset": 34, "top_offset_step": 15}
    blocks = []
    for start, end in line_ranges(view.text):
        data = line_data(view, start, end)
        if data is None:
            blocks.append(BLANK_LINE)
        else:
            blocks.append(str(displacy.render([data], style="span", manual=True, options=options)))
    return PAGE.format(
        title=html.escape(f"{view.source_path} · {view.doc_id}"),
        legend=legend_html(view),
        content="".join(blocks),
    )
