"""Lines: the document cut into non-blank lines with offsets and kinds, page furniture left out,
and the tests of a single line (prose, hard-wrapped continuation)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache

from resume_etl.stages.segment.periods import is_date_line

_SENTENCE_WORDS = 10
"""A line ending in a period with this many words is a sentence, whatever its last word."""


class LineKind(StrEnum):
    TEXT = "text"
    BULLET = "bullet"
    MD_HEADING = "md_heading"
    TABLE_ROW = "table_row"


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line: where it is, and where its content starts after any marker."""

    start: int
    end: int
    text: str
    kind: LineKind
    content_start: int
    md_level: int = 0
    blank_before: bool = False
    continues: bool = False
    """A hard-wrapped line that continues the line before it (the line-role model says so)."""
    term: bool = False
    """A markdown definition list's term: the line a ": definition" line follows ("2016-2019"
    over ":   **Engineer**; Firm"), which names one item of the list."""
    label: bool = False
    """A line set in emphasis under a markdown heading that names a kind of section with more
    words ("_Current Projects_" in an experience section): it labels part of a description. In
    a skills section, a line that is a skills heading ("Technical Skills" under "Languages"):
    it names the group of the lines after it."""

    @property
    def content(self) -> str:
        """The line without its bullet or heading marker."""
        return self.text[self.content_start - self.start :]


_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(?=\S)")
_BULLET = re.compile(r"^(?:- |\d{1,2}[.)] |\[\d{1,3}\] )")
_TABLE_ROW = re.compile(r"^\s*\|")
# A markdown table's rule line ("|---|:--:|"): only pipes, colons, dashes and spaces. One
# character class, so a long run of spaces costs one pass (overlapping ``\s*`` groups backtracked
# in cubic time on it).
_TABLE_RULE = re.compile(r"[\s:|-]+")


_SENTENCE_END = re.compile(r"[.!?]['\")\]]?$")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Z][A-Za-z]{0,3}\.|(?:\w\.){2,})$")


# Page furniture a PDF paste leaves between pages: "1", "- 2 -", "Page 1 of 2", "Page 1 / 2"
# (with whatever running footer text shares its line).
_PAGE_NUMBER = re.compile(
    r"^\W{0,3}\d{1,3}\W{0,3}$|\bpage\s+\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\s*$", re.I
)


def is_page_furniture(stripped: str, first_line: str) -> bool:
    """A page number, a "Page N of M" footer, or the first line repeated as a running header."""
    text = stripped.strip()
    return bool(_PAGE_NUMBER.search(text)) or (bool(first_line) and text == first_line)


def split_lines(text: str, markdown: bool = False) -> list[Line]:
    """Non-blank lines with offsets, kinds and whether a blank line precedes them.

    Page furniture is left out, as if the page break were not there. In a ``markdown`` file
    HTML comments are left out as well, a line underlined with "===" or "---" is a heading
    and a definition list's ": " is a marker: plain text draws rules under any line, and
    its colons and angle brackets are its own. A markdown line of LaTeX commands only
    ("\\pagebreak") reads as a blank line; one of empty links only (": []()") is left out.
    """
    lines: list[Line] = []
    offset = 0
    blank_before = True
    first_line = ""
    raws = text.split("\n")
    comments = _comment_spans(text) if markdown else []
    for index, raw in enumerate(raws):
        start, end = offset, offset + len(raw)
        offset = end + 1
        stripped = raw.lstrip()
        if _commented(comments, start + len(raw) - len(stripped), end):
            stripped = ""
        if markdown and _LATEX_ONLY.fullmatch(stripped.rstrip()):
            stripped = ""  # "\pagebreak", "\vspace{2mm}": a page's layout, like a blank line
        if markdown and _EMPTY_LINKS.fullmatch(stripped.rstrip()):
            continue  # ": []()": renders nothing, so the page shows no line (not a blank one)
        if not stripped or ("-" in raw and _TABLE_RULE.fullmatch(raw)):
            blank_before = blank_before or not stripped
            continue
        if lines and is_page_furniture(stripped, first_line):
            continue
        first_line = first_line or stripped.strip()
        lead = start + len(raw) - len(stripped)
        below = raws[index + 1] if index + 1 < len(raws) else ""
        level = _setext_level(stripped, below) if markdown else 0
        if level and not _commented(comments, end + 1, end + 2):
            kind = LineKind.MD_HEADING
            lines.append(Line(lead, end, raw[lead - start :], kind, lead, level, blank_before))
        else:
            line = classify_line(raw[lead - start :], lead, end, blank_before, markdown)
            if markdown and _is_term(line, raws, index):
                line = replace(line, term=True)
            lines.append(line)
        blank_before = False
    return lines


_DEFINITION_MARK = re.compile(r" {0,3}:[ \t]+\S")
_TERM_MAX_INDENT = 3


def _is_term(line: Line, raws: list[str], index: int) -> bool:
    """A definition list's term: a text line after a blank line, not indented as a block of
    the definition above it and not itself a definition, that the next line, or the one after
    a single blank line, opens with a definition's ": " (pandoc's own rule)."""
    raw = raws[index]
    indent = len(raw) - len(raw.lstrip())
    if line.kind is not LineKind.TEXT or is_definition(line) or not line.blank_before:
        return False
    if indent > _TERM_MAX_INDENT:
        return False
    below = raws[index + 1 : index + 3]
    if below and not below[0].strip():
        below = below[1:]
    return bool(below) and _DEFINITION_MARK.match(below[0]) is not None


_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_LATEX_ONLY = re.compile(r"(?:\\[A-Za-z]+\*?(?:\{-?[\d.]+\s*[a-z]{0,2}\})?[ \t]*)+")
"""A line of LaTeX layout commands only, which pandoc passes to the PDF ("\\pagebreak",
"\\newpage", "\\vspace{2mm}"): no text of the CV ("\\textbf{Name}" holds some, and stays)."""
_EMPTY_LINKS = re.compile(r"(?:[:>*+-][ \t]+)?(?:\[\]\([^()\s]*\)[ \t]*)+")
"""A markdown line whose only content is empty links ("[]()", a template's link left
unfilled), maybe after a definition, list or quote marker: the rendered page shows nothing
there, so the line is left out, and the line under it is the definition's first."""
_SETEXT_RULE = re.compile(r" {0,3}(?:=+|-{2,})[ \t]*")
_SETEXT_MAX_WORDS = 6


def _comment_spans(text: str) -> list[tuple[int, int]]:
    """Where HTML comments stand: what an author left out of the printed résumé (a section
    put aside, a note to self) is no part of it."""
    return [match.span() for match in _COMMENT.finditer(text)] if "<!--" in text else []


def _commented(comments: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether the stretch lies wholly inside one comment."""
    return any(lead <= start and end <= tail for lead, tail in comments)


def _setext_level(stripped: str, below: str) -> int:
    """A markdown heading underlined on the next line ("Experience" over "----------"): 1 for
    "=", 2 for "-", 0 when the line is no such heading. A heading is a few words, and a line
    with a colon or a list's mark is a value or an item over a rule."""
    if not _SETEXT_RULE.fullmatch(below) or len(stripped.split()) > _SETEXT_MAX_WORDS:
        return 0
    if ":" in stripped or _BULLET.match(stripped) or _TABLE_ROW.match(stripped):
        return 0
    return 1 if below.strip().startswith("=") else 2


def classify_line(
    text: str, start: int, end: int, blank_before: bool, markdown: bool = False
) -> Line:
    if heading := _MD_HEADING.match(text):
        return Line(
            start,
            end,
            text,
            LineKind.MD_HEADING,
            start + heading.end(),
            md_level=len(heading.group(1)),
            blank_before=blank_before,
        )
    if bullet := _BULLET.match(text):
        return Line(start, end, text, LineKind.BULLET, start + bullet.end(), 0, blank_before)
    if _TABLE_ROW.match(text):
        return Line(start, end, text, LineKind.TABLE_ROW, start, 0, blank_before)
    if markdown and (definition := _DEFINITION.match(text)):
        return Line(start, end, text, LineKind.TEXT, start + definition.end(), 0, blank_before)
    return Line(start, end, text, LineKind.TEXT, start, 0, blank_before)


def is_definition(line: Line) -> bool:
    """A definition list's line (": ..." under its term): a text line whose content starts
    after a marker."""
    return line.kind is LineKind.TEXT and line.content_start > line.start


_DEFINITION = re.compile(r"^:[ \t]+(?=\S)")
"""A pandoc definition list's marker (": 2012 to 2014" under its term "**Role** (Name)"): no
part of the line's content, as a bullet's mark is none."""


def is_prose(line: Line) -> bool:
    """A sentence of description rather than a header line (title, org, dates)."""
    return _is_prose_text(line.content.strip())


@lru_cache(maxsize=4096)
def _is_prose_text(text: str) -> bool:
    """``is_prose`` of a line's stripped content: asked of the same lines by several rules."""
    # Count words, not spaces: PDF pastes pad a right-hand date with runs of spaces. On a line
    # that states a period, the separators its fields are parted with are no words either
    # ("**Title - Team** | *Jan 2010 - Jan 2015* | City, Region, Country").
    tokens = text.split()
    dated = is_date_line(text)
    words = (
        sum(1 for word in tokens if any(char.isalnum() for char in word)) if dated else len(tokens)
    )
    if words > 16 or text.endswith(":"):
        return True
    # Header lines (titles, organizations, dates) do not end a sentence; "Inc." and "B.Sc." are
    # abbreviations, not sentence ends, unless the line is as long as a sentence ("... its
    # Series B.").
    abbreviated = _ABBREVIATION.search(text) is not None and words < _SENTENCE_WORDS
    return bool(_SENTENCE_END.search(text) and not abbreviated and not dated)


_NAME_WORDS = 12
_SMALL_WORD = 3


def names_only(line: Line) -> bool:
    """A short line of names, closed by a full stop or not ("Eastvale University, 1979.",
    "Diploma in Radio Presenting, Lakemont Media College."): every word longer than a small
    one ("of", "in", "and") starts with a capital or a digit, as names do and sentences do not."""
    words = line.content.replace(",", " ").split()
    return len(words) <= _NAME_WORDS and all(
        word[0].isupper() or word[0].isdigit() or len(word) <= _SMALL_WORD for word in words
    )


def is_continuation(line: Line, previous: Line | None) -> bool:
    """A hard-wrapped line: starts in lower case right after an unfinished line."""
    if previous is None or line.kind is not LineKind.TEXT or line.blank_before:
        return False
    first = line.content.lstrip()[:1]
    return first.islower() and not _SENTENCE_END.search(previous.content.strip())
