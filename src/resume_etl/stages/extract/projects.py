"""The projects table: a project's name, technologies and link."""

from __future__ import annotations

import re

from resume_etl.nlp import labels
from resume_etl.stages.extract._draft import Extracted, ProjectCandidate
from resume_etl.stages.extract._entry import EntryContext, _date_masks, _entry_dates
from resume_etl.stages.extract._header import _split, _trimmed, _unmasked_pieces
from resume_etl.stages.extract._spans import SpanIndex, _covers


def build_project(ctx: EntryContext, link_starts: list[tuple[int, str]]) -> ProjectCandidate:
    dates = _entry_dates(ctx.entry, ctx.spans)
    masks = _date_masks(dates, ctx.entry, ctx.spans)
    pieces = [
        piece
        for line in ctx.entry.header
        for piece in _unmasked_pieces(line.content_start, line.end, masks)
        for piece in _trimmed(ctx.spans.text, *piece)
    ]
    name = _project_name(pieces[0], ctx.entry.header[0].start, ctx.spans) if pieces else None
    skills = ctx.spans.within(labels.SKILLS, ctx.entry.start, ctx.entry.end)
    url = next((u for s, u in link_starts if ctx.entry.start <= s < ctx.entry.end), None)
    return ProjectCandidate(
        **ctx.base(),
        dates=dates,
        name=name,
        technologies=tuple(dict.fromkeys(span.label_ for span in skills)),
        url=url,
    )


_MARKDOWN_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_TOOLS_AFTER_COMMA = re.compile(r",\s*([^,]+)$")


def _project_name(piece: tuple[int, int], line_start: int, spans: SpanIndex) -> Extracted | None:
    """The project's name: the header's first piece up to a separator ("naira-ledger - ledger
    library"), the text of a markdown link ("[tf-cost-diff](https://...)") rather than the
    link, without a trailing list of tools after a comma ("Returns Dashboard, Power BI")."""
    text = spans.text
    link = _MARKDOWN_LINK.search(text, line_start, piece[1])
    if link is not None and link.start() <= piece[0] < link.end(1):
        piece = (piece[0], link.end(1))
    first = next(_split(text, *piece), None)
    if first is None:
        return None
    start, end = first
    tools = _TOOLS_AFTER_COMMA.search(text, start, end)
    if tools is not None and _covers(
        spans.within(labels.SKILLS, *tools.span(1)), *tools.span(1), 0.8
    ):
        end = next(_trimmed(text, start, tools.start()), (start, end))[1]
    return Extracted(text[start:end], start, end, 0.8)
