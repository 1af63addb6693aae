"""Citations: split a publication list into citations and read title, venue and year from each.

A CV's publication list is typeset for people: a citation is numbered ("1.", "[2]") or not,
hard-wrapped over several lines (often with a hanging indent), its authors written "Vossberg H",
"Smith, J. A." or "J. Smith", its title quoted or plain, and its venue and year in whatever order
the style (APA, Vancouver, IEEE, a talk list) puts them. Nothing here knows a journal or a
person: the reading rests on the shape of the text alone, so that a rule written for one style
works on documents it was not written for.

The functions are pure (no spaCy): lines in, character ranges out, so the stage can map every
value back to the document's offsets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from resume_etl.stages.segment import Line, LineKind, is_definition
from resume_etl.wordlists import builtin_alternation, grammar_forms

# --------------------------------------------------------------------------- splitting

_LEADING_YEAR = re.compile(r"\(?(?:19|20)\d{2}\)?(?:\s*[-–—:|]\s*|\s{2,}|\t)")
"""A year set off at the start of a line ("2024   Title", "2022 – Title"): one talk or paper."""
_OPENING_YEAR = re.compile(r"\(?(?:19|20)\d{2}\)?\s+\S")
"""A year opening a line, set off by a space alone ("2024 Title"), as HTML writes a date column."""
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]?$")
_SUBHEADING = re.compile(r"[A-Z][^\W\d]*(?:[ \t]+[^\W\d]+){0,3}")
"""A line of at most four words, no digits, no punctuation: a sub-heading inside a list."""
_VENUE_LINE = re.compile(r"[^,]{1,80},\s*\(?(?:19|20)\d{2}\)?\.?")
"""A website's line under a short title: "QSEM2015, 2015" (the title is no sub-heading)."""
_URL_AT_END = re.compile(r"(?:https?://|doi:\s*)\S+$", re.I)
_YEAR = re.compile(r"(?<![\d.:/])(?:19[5-9]\d|20\d\d)(?![\d]|\.\d)")


@dataclass(frozen=True, slots=True)
class CitationText:
    """One citation's lines joined into one string, and where each character came from.

    ``offsets[i]`` is the document offset of ``text[i]``; the joining space between two lines
    maps to the end of the line before it, so a range of ``text`` maps to a range of the
    document that covers the same words (with the line break and indentation between them).
    """

    text: str
    offsets: tuple[int, ...]
    breaks: tuple[int, ...] = ()
    """Where in ``text`` a line break was joined that does not continue a hanging indent (a
    website's "Title" over "Venue, 2021"): a title with no sentence end stops at the first."""

    def document_range(self, start: int, end: int) -> tuple[int, int]:
        """The document range that the range ``[start, end)`` of ``text`` was read from."""
        return self.offsets[start], self.offsets[end - 1] + 1


def _column(document: str, line: Line) -> int:
    """How far a line is indented: a hanging indent marks the lines that continue a citation."""
    return line.start - (document.rfind("\n", 0, line.start) + 1)


@dataclass(slots=True)
class _Draft:
    """A citation being gathered, with what the next line's test needs kept up to date (so a
    long list is split in one pass, not re-read line by line)."""

    lines: list[Line]
    margin: int
    hung: bool = False
    """A line of it is indented past its first: the list uses hanging indents."""
    has_year: bool = False

    def add(self, line: Line, column: int) -> None:
        self.lines.append(line)
        self.hung = self.hung or column > self.margin
        self.has_year = self.has_year or _YEAR.search(line.content) is not None


def _opens_citation(line: Line, column: int, draft: _Draft) -> bool:
    """Whether ``line`` starts a new citation rather than continuing ``draft``: a number or
    bullet, never a definition under a term; unless it is indented under the citation, a year
    set off at its start (or opening it as the citation's own first line opened with one), a
    blank line before it, a line back at the margin after a hanging indent, a line after a
    sub-heading, or, in an unnumbered list without any of these, a finished citation (a year
    and a sentence end or link) followed by a line that starts like a new one."""
    if line.kind is LineKind.BULLET:
        return True
    if draft.lines[0].term and is_definition(line):
        return False  # a definition list item: its definitions go on under its term
    if column > draft.margin:
        return False  # a hanging indent: the citation goes on, whatever its line starts with
    if draft.hung or line.blank_before or _LEADING_YEAR.match(line.content):
        return True
    first = draft.lines[0]
    if _OPENING_YEAR.match(first.content) and _OPENING_YEAR.match(line.content):
        return True  # a list whose items open with their year: the next year, the next item
    if (
        len(draft.lines) == 1
        and first.kind is LineKind.TEXT
        and _SUBHEADING.fullmatch(first.content.strip())
        and not _VENUE_LINE.fullmatch(line.content.strip())
    ):
        return True  # "Articles", "Conference Papers": a label over the list, not its start
    if first.kind is LineKind.BULLET:
        return False  # in a numbered list, only the next number opens a citation
    last = draft.lines[-1].content.rstrip()
    ended = _SENTENCE_END.search(last) is not None or _URL_AT_END.search(last) is not None
    # Undated papers one per line ("Title. Journal.") end at each sentence end, unless the line
    # so far is only the author list ("Smith J, Doe K.") over the title.
    finished = draft.has_year or (len(draft.lines) == 1 and _AUTHORS.fullmatch(last + " ") is None)
    return finished and ended and line.content[:1].isupper()


def split_citations(document: str, lines: Sequence[Line]) -> list[list[Line]]:
    """Group a publication list's lines into citations, one group per citation, in order."""
    drafts: list[_Draft] = []
    for line in lines:
        if line.kind is LineKind.MD_HEADING:
            continue
        column = _column(document, line)
        if not drafts or _opens_citation(line, column, drafts[-1]):
            drafts.append(_Draft([], column))
        drafts[-1].add(line, column)
    return [draft.lines for draft in drafts]


_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,9}(?:\s[^<>\n]{0,80})?/?>")
"""HTML in a markdown CV ("<div class=\"small\">Presented at …</div>"): read as blanks of its width,
so the citation's ranges stay the document's and no attribute is taken for a quoted title."""


def blank_html_tags(text: str) -> str:
    """``text`` with each HTML tag read as blanks of its width."""
    return _HTML_TAG.sub(lambda tag: " " * len(tag.group()), text)


def join_citation(document: str, lines: Sequence[Line]) -> CitationText:
    """The citation's text with each line break and its indentation read as one space.

    A line ending in a hyphen joins the next without a space ("rate-" + "limiting").
    """
    parts: list[str] = []
    offsets: list[int] = []
    breaks: list[int] = []
    margin = _column(document, lines[0]) if lines else 0
    for line in lines:
        content = blank_html_tags(document[line.content_start : line.end]).rstrip()
        if parts and not parts[-1].endswith("-"):
            if _column(document, line) <= margin:
                breaks.append(len(offsets))
            parts.append(" ")
            offsets.append(offsets[-1])
        parts.append(content)
        offsets.extend(range(line.content_start, line.content_start + len(content)))
    return CitationText("".join(parts), tuple(offsets), tuple(breaks))


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class ParsedCitation:
    """What a citation states, as ranges of its joined text; ``year`` is the year it names."""

    title: tuple[int, int]
    venue: tuple[int, int] | None
    year: int | None
    url: tuple[int, int] | None


CITATION_WORDS_FILE = "citation_words.jsonl"
_QUOTED = re.compile(r"[\"“]([^\"”]{8,300})[\"”]")
_YEAR_IN_PARENTHESES = re.compile(
    r"\((?:19|20)\d{2}[a-z]?(?:,\s*[A-Z][a-z]+\.?(?:\s+\d{1,2})?(?:[-–]\d{1,2})?)?\)[.,:]?\s*"
)
"""An author-year citation's date: "(2021)", "(2019a)", "(2023, March)"; the title follows it."""
_URL = re.compile(r"https?://\S+|\bdoi:\s*\S+", re.I)

_NAME = r"[A-Z][\w'’]*(?:-[A-Z]?[\w'’]+)*"
_PARTICLE = rf"(?:(?:{builtin_alternation('profile_words.jsonl', 'name_particle')})\s+)"
"""The lower-case words inside a surname ("van der Berg"), those the profile reader knows."""
_SURNAME = rf"{_PARTICLE}*{_NAME}(?:\s+{_PARTICLE}*{_NAME})?"
_INITIALS = r"(?:[A-Z]\.?(?:\s?-?[A-Z]\.?){0,2})"
_MARK = r"[*†‡]*"
_AUTHOR = (
    rf"(?:{_SURNAME},?\s+{_INITIALS}(?![\w'’]){_MARK}"  # Vossberg H, Smith, J. A.
    rf"|{_INITIALS}\s+{_SURNAME}{_MARK})"  # J. Smith
)
_AUTHOR_SEP = r"(?:\s*,\s*(?:&\s*|and\s+)?|\s*&\s*|\s+and\s+|\s*;\s*)"
_AUTHORS = re.compile(
    rf"{_AUTHOR}(?:{_AUTHOR_SEP}{_AUTHOR})*(?:,?\s+et\s+al\.?)?{_MARK}(?:[.,:]\s*|\s+(?=\())"
)
"""A list of authors, each a surname with initials on either side, closed by a period or a
comma, or by the "(2021)" of an author-year citation."""


def is_author_list(text: str) -> bool:
    """Whether ``text`` is a list of authors and nothing more ("J. Smith, K. Doe")."""
    return _AUTHORS.fullmatch(text.strip().rstrip(" .,") + ". ") is not None


_NOT_AFTER_ABBREVIATION = "".join(
    rf"(?<!\b{re.escape(form)})" for form in sorted(grammar_forms("title_abbreviation"))
)
_TITLE_END = re.compile(rf"(?<!\b[A-Z]){_NOT_AFTER_ABBREVIATION}[.!?](?=\s|$)|\s\[")
"""A plain title runs to its sentence end (not an initial's period, nor the abbreviation of
"DNS vs. LES") or a bracketed note."""
_CONTRIBUTION = builtin_alternation(CITATION_WORDS_FILE, "contribution")
_VENUE_LEAD = re.compile(
    r"[\s.,;:\"”’]*(?:\[[^\]]*\][.,]?\s*)?"
    rf"(?:(?:{_CONTRIBUTION})(?:\s+presentation)?[.,:]\s+)?"
    r"(?:(?:In|in)\s*:?\s+)?"
)
"""What stands between a title and its venue: a closing quote, a bracketed note ("[Poster
presentation]"), the kind of contribution ("Poster,") and "In:"."""
_VENUE_END = re.compile(
    r"[,;]|:\s*\d|\s\(|\s\[|\s\d+(?![\w])|\.\s*(?=\d|$|doi\b|https?:)|\.\s+(?=[A-Z][a-z]+,)"
    r"|\s(?:doi\b|https?://|pp\.|vol\.)|$"
)
"""A venue ends where its volume, pages, place, date or link begin."""
_NOT_A_VENUE = re.compile(
    rf"(?i)^(?:{builtin_alternation(CITATION_WORDS_FILE, 'not_a_venue')}|with\s)"
)
"""A status ("in press", "under review") or a co-author note ("with J. Doe"), not a venue."""
_MIN_TITLE_WORDS = 2
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
"""A venue may open with its edition: "31st IEEE International Conference on ..."."""


def _year(text: str, title_end: int) -> int | None:
    """The citation's year: a parenthesized one first, else the first after the title, else any."""
    found = re.search(r"\((?:[A-Z][a-z]+\.?\s+)?((?:19|20)\d{2})[a-z]?[,)]", text)
    if found:
        return int(found.group(1))
    after = _YEAR.search(text, title_end) or _YEAR.search(text)
    return int(after.group()) if after else None


def _title_end(text: str, start: int, breaks: Sequence[int] = ()) -> int:
    """Where a plain title ends. A question ("When do children trust a puppet?") may be
    followed by a subtitle: it is, when yet another piece (the venue) follows that sentence.
    A title with no sentence end at all ends at its line's end (a website's title over its
    venue line), else it runs to the end of the citation."""
    stop = _TITLE_END.search(text, start)
    if stop is None:
        return next((at for at in breaks if at > start), len(text))
    if text[stop.start()] not in "?!":
        return stop.start()
    further = _TITLE_END.search(text, stop.end())
    if further and text[further.start()] == "." and venue_at(text, further.end(), len(text)):
        return further.start()
    return stop.end()


def _plain_title(text: str, start: int, breaks: Sequence[int] = ()) -> tuple[int, int] | None:
    """A title with no quotes: from ``start`` to its sentence end, keeping a "?" or "!"."""
    while start < len(text) and text[start] in " .,:;":
        start += 1
    end = _title_end(text, start, breaks)
    if len(text[start:end].split()) < _MIN_TITLE_WORDS or not text[start : start + 1].isalnum():
        return None
    return start, end


class TitleCue(StrEnum):
    """What set the title off, and so how far the rest of the citation can be trusted."""

    QUOTED = "quoted"
    DATED = "dated"
    AUTHORED = "authored"
    BARE = "bare"


@dataclass(frozen=True, slots=True)
class _Title:
    start: int
    end: int
    after: int
    """Where the text after the title begins (past a closing quote)."""
    cue: TitleCue


def _title(text: str, body: int, breaks: Sequence[int] = ()) -> _Title | None:
    """Where the title is: a quoted title wins; else the title follows an author-year date, or
    the author list, or opens the citation."""
    quoted = _QUOTED.search(text, body)
    if quoted:
        trimmed = quoted.group(1).rstrip().rstrip(",.")
        start = quoted.start(1)
        return _Title(start, start + len(trimmed), quoted.end(), TitleCue.QUOTED)
    dated = _YEAR_IN_PARENTHESES.search(text, body)
    authors = _AUTHORS.match(text, body)
    if dated:
        start, cue = dated.end(), TitleCue.DATED
    elif authors:
        start, cue = authors.end(), TitleCue.AUTHORED
    else:
        start, cue = body, TitleCue.BARE
    found = _plain_title(text, start, breaks)
    return _Title(found[0], found[1], found[1], cue) if found else None


def venue_at(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The venue after the title: up to its volume, pages, place or date."""
    lead = _VENUE_LEAD.match(text, start)
    venue_start = lead.end() if lead else start
    stop = _VENUE_END.search(text, venue_start, end)
    venue_end = stop.start() if stop else end
    value = text[venue_start:venue_end].rstrip(" .;:")
    first_word = value.split(" ", 1)[0]
    if (
        len(value) < 2
        or not (any(char.isupper() for char in first_word) or _ORDINAL.fullmatch(first_word))
        or _NOT_A_VENUE.match(value)
    ):
        return None
    return venue_start, venue_start + len(value)


_TAIL_YEAR = re.compile(r",\s*\(?((?:19|20)\d{2})\)?$")
_TAIL_PIECE = re.compile(r",\s*([^,]+)$")


def _comma_tail(text: str, title: _Title) -> tuple[_Title, tuple[int, int] | None]:
    """A listed title written "Title, Venue, 2021." reads to its end as one sentence: its last
    comma-separated piece (after the year) is the venue, the rest the title."""
    end = title.end
    while end > title.start and text[end - 1] in " .":
        end -= 1
    dated = _TAIL_YEAR.search(text, title.start, end)
    if dated is not None:
        end = dated.start()
    piece = _TAIL_PIECE.search(text, title.start, end)
    if piece is None or not (dated or text[piece.start(1) : piece.start(1) + 1].isupper()):
        return _Title(title.start, end, end, title.cue), None
    cut = piece.start()
    if len(text[title.start : cut].split()) < _MIN_TITLE_WORDS:
        return title, None
    return _Title(title.start, cut, cut, title.cue), (piece.start(1), end)


def parse_citation(
    text: str, breaks: Sequence[int] = (), *, listed: bool = False, bulleted: bool = False
) -> ParsedCitation | None:
    """Title, venue and year of one citation, or None when it does not read as one.

    A citation needs a title of at least two words and a year; a title that no quotes, date or
    author list sets off also needs a venue, so that a stray sentence is not taken for a paper.
    In a publications section (``listed``) the year may be missing when a venue is found, and an
    item of its own (``bulleted``: a bullet, or a line of a one-per-line list) needs neither:
    "- My Contributor README." is a paper there; a label ending in ":" never is.
    ``breaks`` are the joined line breaks (``CitationText.breaks``).
    """
    lead = _LEADING_YEAR.match(text)
    body = lead.end() if lead else 0
    url_match = _URL.search(text)
    limit = url_match.start() if url_match else len(text)
    # A line break ends an unpunctuated title only when the title's line names no year: over
    # "Venue, 2021" it is a title line; "Course, University, 2021 - present" is a row.
    title_breaks = [at for at in breaks if _YEAR.search(text, body, at) is None]
    title = _title(text[:limit], body, title_breaks)
    if title is None:
        return None
    venue = venue_at(text, title.after, limit)
    runs_to_end = not text[title.end : limit].strip(" .,;")
    one_line = not breaks
    if listed and one_line and venue is None and title.cue is not TitleCue.QUOTED and runs_to_end:
        title, venue = _comma_tail(text, title)
    year = _year(text[:limit], title.end) if lead is None else int(lead.group().strip("( )")[:4])
    dated = year is not None and (title.cue is not TitleCue.BARE or lead is not None or venue)
    over_its_year = year is not None and title.end in title_breaks
    listed_item = (
        listed and (venue or bulleted or over_its_year) and not _SUBHEADING.fullmatch(text)
    )
    if not dated and not (listed_item and not text.rstrip().endswith(":")):
        return None
    url = (url_match.start(), url_match.end()) if url_match else None
    return ParsedCitation((title.start, title.end), venue, year, url)
