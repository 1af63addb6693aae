"""The projects table: a project's name, technologies and link.

A projects section is first read as a list of its own (``project_entries``): the entry rules
are made for jobs, and a project list has shapes of its own. Either each project opens with its
name set off by a colon ("Name: what it is", hard-wrapped or one bullet per project), or each
is a block after a blank line whose first line is the name ("Name" over its description). When
neither shape holds, the section's entries are read as they were cut.
"""

from __future__ import annotations

import re
from collections import Counter

from resume_etl.nlp import labels
from resume_etl.stages.extract._draft import Extracted, ProjectCandidate
from resume_etl.stages.extract._entry import EntryContext, date_masks, entry_dates
from resume_etl.stages.extract._header import cut_pieces, trimmed_pieces, unmasked_pieces
from resume_etl.stages.extract._running_head import is_running_head
from resume_etl.stages.extract._spans import SpanIndex, covers
from resume_etl.stages.segment import Entry, Line, LineKind, Section, is_page_furniture

_NAMED = re.compile(r"(?P<name>[^\s:][^:]{0,100}?):(?:\s+\S|\s*$)")
"""A line that opens with a project's name and a colon: "Quill-PHP: PHP SDK for ..."."""
_NOT_A_NAME = re.compile(
    r"(?i)^(?:tech(?:nolog(?:y|ies))?|tech stack|stack|tools|built with|languages|url|link"
    r"|links|website|repo(?:sitory)?|github|demo|source|role|features|highlights|status)$"
)
_MAX_NAME_WORDS = 12
_MAX_BLOCK_TITLE_WORDS = 12
_LINE_END = re.compile(r"(?:[.!?]['\")\]]?|https?://\S+)$")
_SHORT_LINE = 0.7
"""A hard-wrapped line fills the width; a line shorter than this share of it ended its text."""
_MIN_PROJECTS = 2
_MIN_NAMED_BLOCKS = 0.6
_DATE_ONLY = re.compile(
    r"\(?(?:(?:[A-Z][a-z]{2,8}\.?\s+)?(?:19|20)\d{2}|\d{1,2}/(?:19|20)\d{2})"
    r"(?:\s*[-–—]\s*(?:(?:[A-Z][a-z]{2,8}\.?\s+)?(?:19|20)\d{2}|\d{1,2}/(?:19|20)\d{2}"
    r"|[Pp]resent|[Nn]ow|[Cc]urrent|[Oo]ngoing))?\)?"
)
"""A line that is only a period ("2022", "Mar 2020 – present"): under a name, its date."""
_LABELLED = re.compile(r"\w[\w ]{0,30}:\s")
"""A "Technology: Kafka" line is complete: a lower-case line after it opens a project."""


def _colon_name(line: Line) -> int | None:
    """Where the name ends in "Name: description", or None when the line does not open so."""
    found = _NAMED.match(line.content)
    if found is None:
        return None
    name = found.group("name").strip()
    if (
        len(name.split()) > _MAX_NAME_WORDS
        or ". " in name
        or _NOT_A_NAME.match(name)
        or not any(char.isalpha() for char in name)
    ):
        return None
    return line.content_start + found.start("name") + len(name)


def _finished(line: Line, width: int) -> bool:
    """The line ends its text: a sentence end or link, or it stops well short of the width."""
    text = line.content.rstrip()
    if text.endswith(":"):
        return False  # "Name:" alone: its description follows
    return _LINE_END.search(text) is not None or len(text) < _SHORT_LINE * width


def _bare_name(line: Line, width: int) -> bool:
    """A short line of a few words, no sentence: a project named without a description."""
    text = line.content.strip()
    return (
        len(text) < _SHORT_LINE * width
        and len(text.split()) <= _MAX_NAME_WORDS
        and (text[:1].isupper() or len(text.split()) == 1)
        and ": " not in text  # "Tech stack: Vue" labels a value
        and _LINE_END.search(text) is None
        and not text.endswith(",")
    )


def _had_room(previous: Line, line: Line, page_width: int) -> bool:
    """The line's first word would have fit on the line before: a wrapper would have put it
    there, so the break was the writer's ("Tool A: does X" over "Tool B: does Y")."""
    before = previous.content.rstrip()
    if before.endswith(":"):
        return False  # "Name:" alone: its description follows
    first_word = line.content.split(maxsplit=1)[0] if line.content.strip() else ""
    return len(before) + 1 + len(first_word) <= page_width


def _named_starts(lines: list[Line], page_width: int = 0) -> dict[int, int | None] | None:
    """Project starts of a "Name: description" list: index -> where the name ends.

    A named line starts a project when the line before it finished (a sentence end, a link, a
    line well short of the wrap width) or a blank line sets it off; so does a short bare name
    after a finished line. In a list of bullets only, every bullet is one project (named by its
    colon, else by its whole text), however few, and so in a list that opens with a named
    bullet; in other lists a bullet is part of a description, and the first line must open
    with a name and its colon."""
    all_bullets = all(line.kind is LineKind.BULLET for line in lines)
    # A list that opens with a bullet has its items as bullets; its text lines are the lines a
    # description ran on to ("- Name: first line" over "second line").
    bullet_items = all_bullets or lines[0].kind is LineKind.BULLET
    width = max(len(line.content.rstrip()) for line in lines)
    starts: dict[int, int | None] = {}
    named = 0
    for index, line in enumerate(lines):
        end = _colon_name(line)
        named += end is not None
        if bullet_items:
            if line.kind is LineKind.BULLET:
                starts[index] = end
            continue
        if line.kind is not LineKind.TEXT:
            continue
        opens = not index or line.blank_before or _finished(lines[index - 1], width)
        # A name the line before had room for was broken there by the writer, not a wrapper:
        # "Tool A: does X" over "Tool B: does Y", or a bare name under a one-line project.
        opens = opens or (
            _had_room(lines[index - 1], line, page_width)
            and (
                end is not None
                or (index - 1 in starts and _colon_name(lines[index - 1]) is not None)
            )
        )
        if opens and (end is not None or (index and _bare_name(line, width))):
            starts[index] = end
    if all_bullets or (bullet_items and named):
        return starts
    if bullet_items or not named or _colon_name(lines[0]) is None:
        return None  # a bare name first is a block list's ("Name" over "Label: its text")
    if named < _MIN_PROJECTS and len(starts) > 1:
        return None  # one "Thesis: Title" name over short lines is a block, not a list
    return starts


def _block_starts(lines: list[Line], may_be_one: bool = False) -> dict[int, int | None] | None:
    """Project starts of a list of blocks after blank lines, each opened by its name's line:
    a few words that end no sentence (a name like "Tunewright!" may), capitalized or one word
    ("dotfiles"). A block that opens otherwise (a description running on after a page break,
    its bullets, an introduction) belongs to the project before it; most blocks must open
    with a name. ``may_be_one``: a single block may be one project (a name over its text)."""
    blocks = [i for i, line in enumerate(lines) if i == 0 or line.blank_before]
    starts = [
        index
        for index in blocks
        if lines[index].kind is LineKind.TEXT
        and len(lines[index].content.split()) <= _MAX_BLOCK_TITLE_WORDS
        and (
            lines[index].content[:1].isupper()
            or len(lines[index].content.split()) == 1  # a repository's name: "pyproj-tools"
            or index == 0
            or _LINE_END.search(lines[index - 1].content.rstrip()) is not None
            or _LABELLED.match(lines[index - 1].content) is not None
            or lines[index - 1].kind is LineKind.BULLET
        )
        and not lines[index].content.rstrip().endswith((".", ",", ";", ":"))
    ]
    # One block, a name over its text, where the segmenter sees no list of entries either.
    one_project = may_be_one and len(blocks) == 1 and starts == [0] and len(lines) > 1
    if not one_project and (
        len(starts) < _MIN_PROJECTS or len(starts) < _MIN_NAMED_BLOCKS * len(blocks)
    ):
        return None
    return dict.fromkeys(starts)


def project_entries(
    section: Section, first_line: str, page_width: int = 0
) -> list[tuple[Entry, int | None]] | None:
    """The projects of a section read as a project list, each with where its name ends (None:
    read the name from its header), or None when the section has neither list shape. Page
    furniture goes first: page numbers, and a line set off and repeated (a running header).
    ``page_width``: the document's longest line, the most a wrapper put on one."""
    repeated = Counter(line.content.strip() for line in section.lines if line.blank_before)
    lines = [
        line
        for line in section.lines
        if not is_page_furniture(line.content, first_line)
        and not (line.blank_before and repeated[line.content.strip()] > 1)
        and not (line.blank_before and is_running_head(line.content, first_line))
    ]
    if not lines or any(line.kind in (LineKind.MD_HEADING, LineKind.TABLE_ROW) for line in lines):
        return None
    starts = _named_starts(lines, page_width) or _block_starts(lines, len(section.entries) <= 1)
    if starts is None:
        return None
    order = sorted(starts)
    entries: list[tuple[Entry, int | None]] = []
    for position, index in enumerate(order):
        stop = order[position + 1] if position + 1 < len(order) else len(lines)
        head = index + 1
        while head < stop and _DATE_ONLY.fullmatch(lines[head].content.strip()):
            head += 1  # "Fold Kettle" over "2020 – 2021": the period is the header's
        entry = Entry(tuple(lines[index:head]), tuple(lines[head:stop]))
        entries.append((entry, starts[index]))
    return entries


def build_project(
    ctx: EntryContext, link_starts: list[tuple[int, str]], name_end: int | None = None
) -> ProjectCandidate:
    """A project from its entry; ``name_end``: where a "Name: description" line's name ends."""
    dates = entry_dates(ctx.entry, ctx.spans)
    masks = date_masks(dates, ctx.entry, ctx.spans)
    pieces = [
        piece
        for line in ctx.entry.header
        for piece in unmasked_pieces(line.content_start, line.end, masks)
        for piece in trimmed_pieces(ctx.spans.text, *piece)
    ]
    first = ctx.entry.header[0]
    name = _project_name(pieces[0], first.start, ctx.spans, first.end) if pieces else None
    if name_end is not None:
        name = _named(ctx.entry.header[0], name_end, ctx.spans.text)
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


def _project_name(
    piece: tuple[int, int], line_start: int, spans: SpanIndex, line_end: int | None = None
) -> Extracted | None:
    """The project's name: the header's first piece up to a separator ("naira-ledger - ledger
    library"), the text of a markdown link ("[tf-cost-diff](https://...)") rather than the
    link, without a trailing list of tools after a comma ("Returns Dashboard, Power BI"), with
    a bare year that closes its line ("Hackathon 2019")."""
    text = spans.text
    line_end = piece[1] if line_end is None else line_end
    link = _MARKDOWN_LINK.search(text, line_start, piece[1])
    if link is not None and link.start() <= piece[0] < link.end(1):
        piece = (piece[0], link.end(1))
    first = next(cut_pieces(text, *piece), None)
    if first is None:
        return None
    start, end = first
    end = _titled_tail(text, end, piece[1])
    tools = _TOOLS_AFTER_COMMA.search(text, start, end)
    if (
        tools is not None
        and _skills_only(spans, *tools.span(1))
        and not _ends_in_skill(spans, start, tools.start())
    ):
        end = next(trimmed_pieces(text, start, tools.start()), (start, end))[1]
    elif end == piece[1] and (year := _TRAILING_YEAR.match(text, end, line_end)) is not None:
        end = year.end(1)  # "Forum Kongress 2017": the year the name was masked at is its own
    return Extracted(text[start:end], start, end, 0.8)


_TRAILING_YEAR = re.compile(r" ((?:19|20)\d{2})[ \t]*(?:$|(?=\n))")
"""A bare year after the name and nothing else on the line: "Harbour Film Night 2018"."""


def _skills_only(spans: SpanIndex, start: int, end: int) -> bool:
    return covers(spans.within(labels.SKILLS, start, end), start, end, 0.8)


def _ends_in_skill(spans: SpanIndex, start: int, end: int) -> bool:
    """The text before a comma ends with a skill: the comma is inside a list of tools the name
    holds ("QA environment for .Net, Go, Angular and React"), not the name's end."""
    before = spans.text[start:end].rstrip()
    return any(
        span.end_char == start + len(before) for span in spans.within(labels.SKILLS, start, end)
    )


_TITLED_TAIL = re.compile(
    r"\s+[-–—]\s+([A-Z0-9][\w.'+-]*(?:\s+(?:[A-Z0-9][\w.'+-]*|&|[^\W\d_A-Z]{1,3})){0,4})\s*"
)
"""After a dash, a few capitalized words and nothing else: "Sensor Network - Field Trial"."""


def _titled_tail(text: str, end: int, piece_end: int) -> int:
    """Where the name ends when the dash after it is followed by a few capitalized words and
    nothing else ("ASP Automotive – Website Relaunch"): those words are the name's own, not
    what the project is ("naira-ledger - ledger library", "X - A key-value store")."""
    tail = _TITLED_TAIL.match(text, end, piece_end)
    if tail is None or tail.end() != piece_end:
        return end
    return tail.end(1)


def _named(line: Line, end: int, text: str) -> Extracted | None:
    """The name before a colon, without markdown emphasis around it ("**Name**: ...")."""
    start = line.content_start
    while start < end and text[start] in "*_[ ":
        start += 1
    while end > start and text[end - 1] in "*_] ":
        end -= 1
    return Extracted(text[start:end], start, end, 0.8) if end > start else None
