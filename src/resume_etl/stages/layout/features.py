"""Line features for the line-role model: the shape of each line, never its words.

A feature is a string such as ``ind=2`` or ``date_end``. None is a word of the text: the trained
model ships in the package, so it must carry nothing derived from the (licensed) texts it was
trained on, and shapes carry over to documents whose words it never saw. What a line says enters
only through the project's own lexicons (degrees, job-title heads, organization keywords,
employment types: a hit is a flag, not the word) and through fixed patterns written here (dates,
contacts, page numbers). Each line also gets its neighbours' main features (``p:``/``n:``), and
the CRF learns the transitions between roles.

``FEATURES_VERSION`` names this recipe; a model records the version it was trained with and is
refused by another one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from resume_etl.dates import MONTH_OR_SEASON, ongoing_words, range_words
from resume_etl.stages.layout.lexicons import lexicon_hits
from resume_etl.stages.layout.margins import indents_from_margin
from resume_etl.stages.layout.markup import bare_of_markup, without_marker

FEATURES_VERSION = "line-features-5"


@dataclass(frozen=True, slots=True)
class LineShape:
    """What the features read of one non-blank line."""

    raw: str
    """The whole line as printed, its indentation included."""
    blank_before: bool
    section: str
    """The kind of section the line sits in (``header`` before the first heading)."""
    is_heading: bool
    """The segmenter took this line for a section heading."""


_MONTH = MONTH_OR_SEASON
_POINT = (
    rf"(?:(?:{_MONTH})\s*,?\s*'?\d{{2,4}}|\d{{1,2}}[/.]\d{{4}}|(?:19|20)\d{{2}}(?:[-/.]\d{{1,2}})?)"
)
_ONGOING_WORDS = ongoing_words("alone") + ongoing_words(category="ongoing_other_language")
"""Words that end an open range ("Present", "heute"), from ``nlp/data/date_words.jsonl``."""
_ONGOING = rf"(?:{'|'.join(map(re.escape, _ONGOING_WORDS))})"
# The patterns below that read words are matched against the line in lower case (a
# case-blind pattern is several times slower in Python's engine).
_DATE = re.compile(rf"\b{_POINT}\b")
_RANGE = re.compile(
    rf"\b{_POINT}\s*(?:-|–|—|{'|'.join(range_words('common'))})\s*(?:{_POINT}|{_ONGOING})\b"
)
_SINCE = re.compile(rf"\bsince\s+{_POINT}")
_ONGOING_WORD = re.compile(rf"\b{_ONGOING}\b")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_DURATION = re.compile(r"\(\s*\d+\s*(?:yrs?|years?|mos?|months?)\b|less than a year")
_WORD = re.compile(r"\w+")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_URL = re.compile(r"\bhttps?://|\bwww\.|\b[\w-]+\.(?:com|org|net|io|dev|me)\b")
_PHONE = re.compile(r"\+?\d[\d ()./-]{7,}\d")
_PAGE = re.compile(r"\bpage\s+\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\b|^\W*\d{1,3}\W*$")
_GAP = re.compile(r"\S\s{3,}\S")
_BULLET = re.compile(r"^([-*+•▪◦●■–·]|\d{1,2}[.)]|\[\d{1,3}\])\s")
_MD_HEADING = re.compile(r"^(#{1,6})\s")
_SENTENCE_END = re.compile(r"[.!?]['\")\]]?$")
_LABEL = re.compile(r"^[^:]{1,30}:\s")


class _Buckets:
    """``name=le<edge>`` for the first edge a value does not pass, else ``name=gt<last>``;
    built once as a table, since every line asks for several (a lookup, not a search)."""

    def __init__(self, name: str, edges: Sequence[int]) -> None:
        self._table = [f"{name}={_bucket(value, edges)}" for value in range(edges[-1] + 2)]
        self._last = edges[-1] + 1

    def __call__(self, value: int) -> str:
        return self._table[value if value < self._last else self._last]


def _bucket(value: int, edges: Sequence[int]) -> str:
    """The first edge ``value`` does not pass, as text ("le3"), or "gt<last>"."""
    for edge in edges:
        if value <= edge:
            return f"le{edge}"
    return f"gt{edges[-1]}"


def _char_class(char: str) -> str:
    if not char:
        return "none"
    if char.isupper():
        return "upper"
    if char.islower():
        return "lower"
    if char.isdigit():
        return "digit"
    return _LAST_CLASS.get(char, "punct")


_DIGIT = re.compile(r"\d")
_LAST_CLASS = {
    ".": "dot",
    ",": "comma",
    ":": "colon",
    ";": "semi",
    ")": "paren",
    "*": "star",
    "_": "star",  # markdown's other emphasis mark
}


def _date_features(lowered: str, digits: bool) -> list[str]:
    """Dates, ranges, the ongoing word and durations of a line given in lower case."""
    found = []
    ongoing = _ONGOING_PREFILTER.search(lowered) and _ONGOING_WORD.search(lowered)
    if not digits:
        # Every date form has a digit: only the ongoing word and a duration can be here.
        found.append("years=le0")
    else:
        found.append(_YEARS(len(_YEAR.findall(lowered))))
        found += _period_features(lowered)
    if ongoing:
        found.append("ongoing")
    if ("(" in lowered or "less than" in lowered) and _DURATION.search(lowered):
        found.append("duration")
    return found


def _period_features(lowered: str) -> list[str]:
    """Where the line's dates sit: a range, at its start or end, or all of it."""
    dates = list(_DATE.finditer(lowered))
    if not dates:
        return []
    ranges = list(_RANGE.finditer(lowered)) + list(_SINCE.finditer(lowered))
    found = ["range"] if ranges else []
    spans = [m.span() for m in ranges + dates]
    first, last = min(s for s, _ in spans), max(e for _, e in spans)
    if first <= 2:
        found.append("date_start")
    if last >= len(lowered) - 2:
        found.append("date_end")
    if last - first >= 0.6 * len(lowered.strip("*_()[] ")):
        found.append("date_only")
    return found


_ONGOING_PREFILTER = re.compile("|".join(dict.fromkeys(re.escape(w[:3]) for w in _ONGOING_WORDS)))
"""The ongoing words' first three letters: a cheap test before the word pattern's."""


@dataclass(frozen=True, slots=True)
class _LineText:
    """What a line's text alone says (its shape and placement in the document aside): computed
    once per distinct text (``_line_text``), since running heads, headings and stock bullets
    recur within a document and across a run."""

    main: tuple[str, ...]
    """The main features, which the neighbours also get (prefixed); the indentation is not
    among them, since it is measured against the section's margin (``margins``)."""
    found: tuple[str, ...]
    """The line's other features of its own."""
    as_neighbour: tuple[tuple[str, ...], ...]
    """``main`` under each neighbour's prefix, in ``_NEIGHBOURS`` order."""
    length: int
    """The printed line's length, its indentation included."""
    stripped_length: int
    indent: int
    first_word: int
    """The length of its first word (how much of it a wrap would have moved)."""
    gapped: bool
    """It holds a wide gap (a right-aligned date): no measure of the text's margin."""
    bulleted: bool
    """It opens with a bullet mark or a number: no measure of its section's margin (ingest
    moves a bullet's mark to the line's start)."""


_CACHE_LINES = 1 << 15


@lru_cache(maxsize=_CACHE_LINES)
def _line_text(raw: str) -> _LineText:
    """The features of a printed line (right-stripped) that depend on its text alone."""
    text = raw.lstrip()
    words = text.split()
    n_words = len(words)
    capitals = sum([word[0].isupper() for word in words])
    first, last = text[:1], text[-1:]
    main = [
        _LEN(len(text)),
        _WORDS(n_words),
        "first=" + _char_class(first),
        "last=" + _char_class(last),
    ]
    found = [_CAPS(round(10 * capitals / max(n_words, 1)))]
    if text.isupper():  # some letter, and none of them in lower case
        main.append("shout")
    if marker := _BULLET.match(text):
        main.append("bullet=num" if marker.group(1)[0].isdigit() else "bullet=mark")
    if first == "#" and (md := _MD_HEADING.match(text)):
        main.append(f"md_h={len(md.group(1))}")
    # A wide gap sets two parts of a line apart (a right-aligned date), not a list or
    # definition marker from its text (pandoc's ":   Role").
    gapped = "   " in text and _GAP.search(without_marker(text)) is not None
    if gapped:
        main.append("gap")
    if last in _SENTENCE_LAST and _SENTENCE_END.search(text):
        main.append("sentence_end")
    found += _mark_features(text, first, last)
    digits = _DIGIT.search(text) is not None
    lowered = text.lower()
    if digits and _PAGE.search(lowered):
        main.append("page_no")
    found += _contact_features(text, lowered, digits)
    for feature in _date_features(bare_of_markup(lowered), digits):
        (main if feature in _MAIN_DATE_FEATURES else found).append(feature)
    main += lexicon_hits(text, lowered)
    space = text.find(" ")
    return _LineText(
        main=tuple(main),
        found=tuple(found),
        as_neighbour=tuple(tuple([table[f] for f in main]) for table in _PREFIXED),
        length=len(raw),
        stripped_length=len(text),
        indent=len(raw) - len(text),
        first_word=len(text) if space < 0 else space,
        gapped=gapped,
        bulleted=marker is not None,
    )


_SENTENCE_LAST = frozenset(".!?'\")]")


def _mark_features(text: str, first: str, last: str) -> list[str]:
    """Marks and separators: bold, a table row, ``|``/``·``/`` at ``/`` - ``, commas, a
    closing parenthesis, a label's colon."""
    found = []
    if without_marker(text).startswith(("**", "__")):
        found.append("bold_start")
    if first == "|":
        found.append("table")
    for mark, name in _SEPARATORS:
        if mark in text:
            found.append(name)
    found.append(_COMMAS(text.count(",")))
    if last == ")" and "(" in text:
        found.append("paren_end")
    if ":" in text and (text.rstrip(" *_").endswith(":") or _LABEL.match(text)):
        found.append("colon")
    return found


def _contact_features(text: str, lowered: str, digits: bool) -> list[str]:
    """An e-mail, a link, a phone number. Cheap guards first: each pattern needs an '@', a
    '.' or ':', or a digit."""
    found = []
    if "@" in text and _EMAIL.search(text):
        found.append("email")
    if ("." in text or ":" in text) and _URL.search(lowered):
        found.append("url")
    if digits and _PHONE.search(text):
        found.append("phone")
    return found


_IND_EDGES = (0, 2, 4, 8)
_IND = _Buckets("ind", _IND_EDGES)
_COMMAS = _Buckets("commas", (0, 1, 3))
_LEN = _Buckets("len", (3, 10, 20, 30, 45, 60, 75))
_WORDS = _Buckets("w", (1, 2, 3, 5, 8, 12, 20))
_WIDE = _Buckets("wide", (3, 6, 8, 9))
_CAPS = _Buckets("cap", (0, 3, 6, 9))
_YEARS = _Buckets("years", (0, 1, 2))
_REL_PREV = _Buckets("rel_prev", (1, 3, 5, 8))
_SINCE_HEAD = _Buckets("since_head", (0, 1, 2, 4))
_RUN = _Buckets("run", (0, 1, 2, 3))
_SEPARATORS = ((" | ", "sep_pipe"), (" · ", "sep_middot"), (" at ", "sep_at"), (" - ", "sep_dash"))
_MAIN_DATE_FEATURES = frozenset({"date_only", "date_start", "range"})
_NEIGHBOURS = ((-1, "p:"), (1, "n:"))


class _Prefixed(dict[str, str]):
    """A feature under a neighbour's prefix, each string made once (a lookup, not a join)."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix

    def __missing__(self, feature: str) -> str:
        self[feature] = named = self.prefix + feature
        return named


_PREFIXED = tuple(_Prefixed(prefix) for _o, prefix in _NEIGHBOURS)
_WRAP_FLAGS = frozenset({"would_fit", "wrapped_here", "ind_more", "ind_less"})
"""How a line follows the one before (a wrap, a step in or out), lent to its neighbours too: a
line between two wraps is amid a paragraph, whatever its first word looks like."""
_FLAGS = (
    "heading_rule",
    "blank_b",
    "seen",
    *sorted(_WRAP_FLAGS),
    *(_IND(value) for value in range(_IND_EDGES[-1] + 2)),
)
"""Main features that come from a line's place, not its text."""
_NEIGHBOUR_FLAGS = {flag: tuple(prefix + flag for _o, prefix in _NEIGHBOURS) for flag in _FLAGS}
_NO_NEIGHBOUR = tuple(prefix + "none" for _o, prefix in _NEIGHBOURS)


def _context_features(
    shape: LineShape, line: _LineText, previous: _LineText | None, blank_after: bool, width: int
) -> list[str]:
    """How the line sits among its neighbours: a wrap, its indentation against the line
    before, its length against it."""
    found = ["blank_a"] if blank_after else []
    if previous is None:
        found.append("doc_start")
        return found
    if not shape.blank_before:
        # A wrapped line: the previous one stopped short of the margin only because this
        # line's first word would not have fitted on it.
        fits = previous.length + 1 + line.first_word <= width
        found.append("would_fit" if fits else "wrapped_here")
        found.append(
            "ind_same"
            if line.indent == previous.indent
            else ("ind_more" if line.indent > previous.indent else "ind_less")
        )
    found.append(_REL_PREV(round(4 * line.stripped_length / max(previous.stripped_length, 1))))
    return found


def document_width(shapes: Sequence[LineShape]) -> int:
    """The text's right margin: its longest line that holds no wide gap."""
    return _width_of([_line_text(shape.raw.rstrip()) for shape in shapes])


def _width_of(texts: Sequence[_LineText]) -> int:
    return max((t.length for t in texts if not t.gapped), default=80)


def line_features(shapes: Sequence[LineShape]) -> list[list[str]]:
    """Each line's features: its own, its context's, and its neighbours' main ones (the
    nearest on each side: the two-away ones, in features version 2, did not pay for their
    cost). What a text says is computed once per distinct text (``_line_text``)."""
    texts = [_line_text(shape.raw.rstrip()) for shape in shapes]
    width = _width_of(texts)
    flags = _place_flags(shapes)
    steps = indents_from_margin(shapes, [(t.indent, t.bulleted) for t in texts])
    for index, step in enumerate(steps):
        flags[index].append(_IND(step))
    count = len(shapes)
    contexts = []
    for index, (shape, line) in enumerate(zip(shapes, texts, strict=True)):
        blank_after = index + 1 < count and shapes[index + 1].blank_before
        previous = texts[index - 1] if index else None
        context = _context_features(shape, line, previous, blank_after, width)
        flags[index] += [f for f in context if f in _WRAP_FLAGS]
        contexts.append([f for f in context if f not in _WRAP_FLAGS])
    rows: list[list[str]] = []
    since, run = 0, 0
    for index, (shape, line) in enumerate(zip(shapes, texts, strict=True)):
        since = 0 if shape.is_heading else since + 1
        run = 0 if shape.blank_before else run + 1
        row = ["bias", *line.main, *flags[index], *line.found]
        row += (_WIDE(round(10 * line.length / max(width, 1))), "sec=" + shape.section)
        row += contexts[index]
        row += (_SINCE_HEAD(since), _RUN(run))
        for slot, (offset, _prefix) in enumerate(_NEIGHBOURS):
            other = index + offset
            if 0 <= other < count:
                row += texts[other].as_neighbour[slot]
                row += [_NEIGHBOUR_FLAGS[flag][slot] for flag in flags[other]]
            else:
                row.append(_NO_NEIGHBOUR[slot])
        rows.append(row)
    return rows


def _place_flags(shapes: Sequence[LineShape]) -> list[list[str]]:
    """The main features a line owes to its place: a heading by the rules, a blank line before
    it, a text printed earlier in the document (a running head)."""
    seen: set[str] = set()
    out = []
    for shape in shapes:
        flags = []
        if shape.is_heading:
            flags.append("heading_rule")
        if shape.blank_before:
            flags.append("blank_b")
        key = shape.raw.strip()
        if key in seen and len(key) > 3:
            flags.append("seen")
        seen.add(key)
        out.append(flags)
    return out
