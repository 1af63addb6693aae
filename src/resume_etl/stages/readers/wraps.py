"""Lines the page wrapped, joined back into the paragraph, bullet or entry line they belong to.

A line is a wrap of the one above when the one above ran so near its column's right edge that
this line's first word could not have fitted after it, and it starts where the text above starts
(a bullet's text, not its glyph), in the same size, with no gap between. In a wide column that
is enough: a list of short items leaves room at every line's end. A narrow column (a sidebar)
leaves little room anywhere, so there the geometry must be backed by the words:

- the line above leaves something open: it ends on a comma, a dash or a bar, on a word that
  cannot end a phrase ("of", "and", ``data/wrap_words.jsonl``), or inside brackets or quotes;
  or this line starts in lower case (an address aside) or with "(" or "&" ("Search Engine
  Optimization" / "(SEO)");
- or the line above is not closed (it does not end a sentence, a bracket, a year, a date range,
  an address) and either it holds a comma-separated list, or it is a labelled field and this
  line carries no label of its own ("Institute: The Indian" / "Institute of Science");
- or, in a block whose text runs to the edge (several lines end within a long word of it, as
  wrapped text does and a list of short items does not), the line above ran to the edge too
  and this line is no field of its own: not a number, a phone or a date, not mixed case under
  a line in capitals (a name over its title), and the line above does not end on the head of
  a name ("University", "Ltd", ``data/wrap_words.jsonl``), after which a degree or a title
  comes ("LLB (Hons) Law - First Class" / "Honours" is joined, "Bayview State University" /
  "Bachelor of Arts" is not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from resume_etl.dates import MONTH_OR_SEASON, ongoing_words
from resume_etl.stages.readers.lines import TextLine, Word
from resume_etl.wordlists import load_lexicon

WIDE_COLUMN = 25
"""A column this many font sizes wide or wider has room enough for the page to tell a wrap."""
_EDGE_ROOM = 6.0
"""In a narrow column, a line that ends within this many font sizes of the edge (a long word's
width) ran to it: the next line's first word may not have fitted."""
_EDGE_SHARE = 0.5
"""...and within this share of the column's width: in a column of a few short words (its edge
where the longest ends) every line is near the edge."""
_MIN_EDGE_LINES = 4
"""Lines of a narrow block that must end near its edge before running to the edge alone says
a line was wrapped."""
_PARAGRAPH_GAP = 0.4
"""A gap above a line wider than the usual one by this many font sizes is a blank line."""
_START_SLACK = 0.3
_LAST_CELL_SHARE = 0.5
"""Share of its column a line's last field must fill to be running text, not a field."""
_FIT_SLACK = 0.25
"""How near the column's edge (font sizes) a word must end to count as not fitting: the edge is
where the longest line ends, short of where the page would wrap, and a space is wider in some
fonts than the 0.3 font sizes allowed for it."""
"""How far (font sizes) a wrapped line may start from where the text above starts."""

BULLET_START = re.compile(r"^(?:[•●▪■◦‣∙○◆►▸➢✓✔\-–—*+·]|\d{1,2}[.)])(?:\s|$)|^[•●▪■◦‣∙○◆►▸➢✓✔]")
_LABEL = re.compile(r"^[*_]{0,2}[A-Z][\w.&/' -]{0,30}:(?:[*_]{0,2})(?:\s|$)")
"""A line opening with a label ("Company: ...") is a field of its own, never a wrap."""
_OPEN_END = re.compile(r"[,;:&/(\[+\-–—|·]$")
_CONTINUED_START = re.compile(r"^(?:[(&\[/]|\+(?!\d))")
"""A line going on with a bracket or a conjunction sign; "+44 ..." is a phone number, a field."""
_ADDRESS = re.compile(r"@|://|^www\.", re.IGNORECASE)
"""An e-mail or web address: in lower case, yet a field of its own."""
_OWN_FIELD = re.compile(rf"^(?:\+?\d|(?:{MONTH_OR_SEASON})\s+(?:19|20)\d\d\b)", re.IGNORECASE)
"""A line opening with a number, a phone or a month and year: a field, not the rest of a phrase."""
_ONGOING = "|".join(map(re.escape, ongoing_words("alone")))
"""Words that end an open date range ("2019 - Present"), from ``nlp/data/date_words.jsonl``."""
_ONGOING_OR_TO_DATE = "|".join(map(re.escape, ongoing_words("alone", "after_to")))
_CLOSED_END = re.compile(
    rf"(?:[!?)\]\"”]|\d[\d.,/%:)]*|\b(?:{_ONGOING_OR_TO_DATE})\W?)$"
    r"|@\S+$|://\S+$|\bwww\.\S+$",
    re.IGNORECASE,
)
"""A line ending a sentence, a bracket, a number or year, an open date range or an address."""
_FIELD_END = re.compile(
    rf"\b(?:(?:19|20)\d\d|{_ONGOING})\W?$|@\S+$|://\S+$|\bwww\.\S+$",
    re.IGNORECASE,
)
"""A line ending on a year, an open date range or an address: a title line or a contact line, after
which a line in capitals is the next field even in a wide column."""
_SENTENCE_END = re.compile(r"[^\W\d]{4,}\.$|\.\.\.$")
"""A sentence's full stop, not an abbreviation's ("No.", "Dr.", "Ltd.")."""
_YEAR_END = re.compile(r"\b(?:19|20)\d\d\W{0,2}$")
_RANGE_REST = re.compile(
    rf"^[-–—]\s*(?:(?:{MONTH_OR_SEASON})\.?\s+)?(?:(?:19|20)\d\d\b|{_ONGOING})", re.IGNORECASE
)
"""The rest of a date range: a dash, then a (month and) year or "Present"."""
_HYPHENATED = re.compile(r"[^\W\d]-$")
_DASHES = frozenset({"-", "–", "—"})
_PAIRS = (("(", ")"), ("[", "]"), ("“", "”"))
DATA_FILE = "wrap_words.jsonl"


@cache
def _wrap_words(kind: str) -> frozenset[str]:
    path = Path(str(resources.files("resume_etl.stages.readers").joinpath("data", DATA_FILE)))
    return frozenset(e.label for e in load_lexicon(path) if e.category == kind)


def open_words() -> frozenset[str]:
    """Words a phrase does not end on ("of", "and", "in"): a line ending on one is cut."""
    return _wrap_words("open_end")


def name_heads() -> frozenset[str]:
    """Lower-case head nouns a name ends on ("university", "ltd"): a line ending on one has
    finished the name, and what follows it (a degree, a title) is the next field."""
    return _wrap_words("name_end")


@dataclass(frozen=True, slots=True)
class Column:
    """The column a block of lines sits in: its left and right edges, in points."""

    left: float
    right: float

    @property
    def width(self) -> float:
        return self.right - self.left


def join_wrapped(
    block: list[TextLine], column: Column, usual_gap: float
) -> tuple[list[TextLine], int]:
    """The block's lines with every wrapped line joined to the line it continues, and how many
    lines were joined."""
    if not block:
        return block, 0
    joined: list[TextLine] = [block[0]]
    start_of_text = block[0].text_start
    count = 0
    wrapping = _lines_at_edge(block, column) >= _MIN_EDGE_LINES
    for line in block[1:]:
        above = joined[-1]
        if _fits(above, line, column, start_of_text, usual_gap) and _is_wrap(
            above, line, column, start_of_text, wrapping
        ):
            _append(above, line)
            count += 1
            continue
        joined.append(line)
        start_of_text = line.text_start
    return joined, count


def continues_across(above: TextLine, line: TextLine, column: Column, usual_gap: float) -> bool:
    """Whether ``line``, the first line of a page, continues ``above``, the last line its
    column set on the page before (the gap between them is the page turn, not a paragraph's)."""
    start = above.text_start
    return _fits(above, line, column, start, usual_gap) and _is_wrap(
        above, line, column, start, wrapping=False
    )


def _append(above: TextLine, line: TextLine) -> None:
    """Join ``line`` onto ``above``; a word hyphenated across the break is written whole
    ("hospital-" + "acquired" is "hospital-acquired", with its hyphen kept: a compound's
    hyphen cannot be told from a soft one without a dictionary)."""
    last, first = above.words[-1], line.words[0]
    if _HYPHENATED.search(last.text) and first.text[:1].islower():
        merged = Word(
            last.text + first.text, last.x0, first.x1, last.top, last.bottom, last.size, last.bold
        )
        above.words[-1:] = [merged]
        above.words.extend(line.words[1:])
        return
    above.words.extend(line.words)


def _lines_at_edge(block: list[TextLine], column: Column) -> int:
    """How many lines end near the column's right edge: wrapped text puts several there, a
    list only its longest items."""
    return sum(_at_edge(line, column) for line in block)


def _at_edge(line: TextLine, column: Column) -> bool:
    return column.right - line.x1 <= min(_EDGE_ROOM * line.size, _EDGE_SHARE * column.width)


def _is_wrap(
    above: TextLine, line: TextLine, column: Column, start_of_text: float, wrapping: bool
) -> bool:
    if above.heading_level or start_of_text > above.x0 + 1:
        return True  # a heading's second line, or a bullet's text under its hanging indent
    if _left_open(above) or _range_continues(above, line):
        return True
    if _ADDRESS.search(line.words[0].text):
        return False
    if _CONTINUED_START.match(line.words[0].text) or _lower_start(line):
        return True
    if _continues_list(above, line):
        return True
    if column.width >= WIDE_COLUMN * line.size:
        return _FIELD_END.search(above.text()) is None
    if _closed(above):
        return False
    labelled = _LABEL.match(above.text()) is not None
    listed = above.text().count(", ") >= 2 and not line.words[0].text[:1].isdigit()
    if labelled or listed:
        return True
    return wrapping and _at_edge(above, column) and not _own_field(above, line)


def _own_field(above: TextLine, line: TextLine) -> bool:
    """``line`` starts a field of its own after ``above`` although nothing closed ``above``: a
    number, phone or date; mixed case under a line in capitals; anything after a name's head."""
    text = line.text()
    if _OWN_FIELD.match(text):
        return True
    capitals = above.text()
    if capitals.upper() == capitals and text.upper() != text:
        return True
    return re.sub(r"\W", "", above.words[-1].text).lower() in name_heads()


def _lower_start(line: TextLine) -> bool:
    return line.words[0].text[:1].islower()


def _left_open(above: TextLine) -> bool:
    """The line above stops where its phrase cannot: on a comma, a dash, a word like "of", or
    inside brackets or quotes."""
    text = above.text()
    last = above.words[-1].text
    if _OPEN_END.search(last) or last in open_words():
        return True
    if text.count('"') % 2 == 1:
        return True
    return any(text.count(opening) > text.count(closing) for opening, closing in _PAIRS)


def _closed(above: TextLine) -> bool:
    text = above.text()
    return _CLOSED_END.search(text) is not None or _SENTENCE_END.search(text) is not None


def _same_heading(above: TextLine, line: TextLine, usual_gap: float) -> bool:
    """A heading too long for its column, wrapped onto a second line of the same size."""
    return (
        above.heading_level == line.heading_level
        and abs(above.size - line.size) <= 0.5
        and line.top - above.bottom <= usual_gap + _PARAGRAPH_GAP * line.size
    )


def _dash_under_text(above: TextLine, line: TextLine, start_of_text: float) -> bool:
    """A dash that starts a line set under a bullet's text, not under its glyph, is the text's
    own dash wrapped there ("[pg-drill](url)" / "- chaos scripts that..."), not a new item."""
    size = max(above.size, line.size)
    return (
        line.words[0].text in _DASHES
        and start_of_text > above.x0 + 1
        and abs(line.x0 - start_of_text) <= size * _START_SLACK
    )


def _range_continues(above: TextLine, line: TextLine) -> bool:
    """A date range cut at its dash: the line above ends on a year, and this one opens with the
    dash and the range's end ("Software Engineering · Oct 1994" / "- Jul 1999"), not an item."""
    return _YEAR_END.search(above.text()) is not None and _RANGE_REST.match(line.text()) is not None


def _label_cut(above: TextLine) -> bool:
    """The line above ends on "&" or a word like "and": a label cut in two ("- Research &" /
    "Development: ..."), whose second half looks like a label of its own."""
    last = above.words[-1].text
    return last in ("&", "+") or last in open_words()


def _continues_list(above: TextLine, line: TextLine) -> bool:
    """``line`` opens with the glyph that parts the items of the list above, used there between
    words and not as its bullet ("Butchery · Fermentation · Menu costing" / "· Wood-fired
    cooking"): the list wrapped before a separator, which is no bullet there. Dashes are left
    out: prose sets them between clauses."""
    glyph = line.words[0].text
    if glyph in _DASHES or len(line.words) < 2 or above.words[0].text == glyph:
        return False
    return any(word.text == glyph for word in above.words[1:])


def _runs_on_in_last_cell(above: TextLine, column: Column) -> bool:
    """The last field of a line laid out in fields fills half its column or more: running
    text after a date ("2015-2016    Postdoctoral Fellow, Institute for Fiscal" / "Studies"),
    not a short field set off by a gap ("Acme Corp    London, UK"), which ends its line."""
    last = above.cells()[-1]
    return last[-1].x1 - last[0].x0 >= _LAST_CELL_SHARE * column.width


def _fits(
    above: TextLine, line: TextLine, column: Column, start_of_text: float, usual_gap: float
) -> bool:
    """The geometry of a wrap: same size, no gap, same left edge, and the line above left no
    room for this line's first word."""
    if above.heading_level or line.heading_level:
        return _same_heading(above, line, usual_gap)
    if _LABEL.match(line.text()) and not _label_cut(above):
        return False
    if (
        BULLET_START.match(line.words[0].text)
        and not _dash_under_text(above, line, start_of_text)
        and not _continues_list(above, line)
        and not _range_continues(above, line)
    ):
        return False
    if above.table_row or line.table_row or len(line.cells()) > 1:
        return False  # a line with a wide gap is laid out in fields, not wrapped prose
    if len(above.cells()) > 1 and not (_left_open(above) or _runs_on_in_last_cell(above, column)):
        return False  # ...unless its last field was cut ("2019-2021    Lecturer, University of")
    size = max(above.size, line.size)
    gap = line.top - above.bottom
    if abs(above.size - line.size) > 0.5 or gap > usual_gap + _PARAGRAPH_GAP * size:
        return False
    if abs(line.x0 - start_of_text) > size * _START_SLACK:
        return False
    first_word = line.words[0]
    space = size * 0.3
    return above.x1 + space + (first_word.x1 - first_word.x0) > column.right - _FIT_SLACK * size
