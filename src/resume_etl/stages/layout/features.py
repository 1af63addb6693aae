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
from pathlib import Path

from resume_etl.config import BUILTIN_PREFIX, resolve_data_path
from resume_etl.dates import MONTH_OR_SEASON, ongoing_words, range_words
from resume_etl.wordlists import load_lexicon

FEATURES_VERSION = "line-features-2"

LEXICON_FILES = {
    "degree": "degrees.jsonl",
    "title": "title_heads.jsonl",
    "org": "org_keywords.jsonl",
    "emp": "employment_types.jsonl",
}
"""The project's lexicons whose hits are line features (a hit is a flag, never the word)."""


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


@lru_cache(maxsize=1)
def _lexicon_index() -> dict[str, list[tuple[tuple[str, ...], bool, str]]]:
    """The lexicons' forms by their first word (case-folded): each form as its words, whether
    it must match in exact case, and the lexicon it comes from."""
    index: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}
    for name, file_name in LEXICON_FILES.items():
        for entry in load_lexicon(resolve_data_path(BUILTIN_PREFIX + file_name, Path())):
            for form in entry.forms:
                words = tuple(_WORD.findall(form))
                if not words or len(words) > _MAX_FORM_WORDS:
                    continue
                if not entry.case_sensitive:
                    words = tuple(word.lower() for word in words)
                index.setdefault(words[0].lower(), []).append((words, entry.case_sensitive, name))
    return index


_MAX_FORM_WORDS = 5


def lexicon_hits(text: str, lowered_text: str | None = None) -> list[str]:
    """Which lexicons have a form among the line's words (a flag per lexicon)."""
    lowered = _WORD.findall(text.lower() if lowered_text is None else lowered_text)
    index = _lexicon_index()
    if index.keys().isdisjoint(lowered):
        return []
    words = _WORD.findall(text)
    if len(words) != len(lowered):  # a letter whose lower case is two ("İ")
        lowered = [word.lower() for word in words]
    found: set[str] = set()
    for start, first in enumerate(lowered):
        for form, exact, name in index.get(first, ()):
            end = start + len(form)
            if name not in found and tuple((words if exact else lowered)[start:end]) == form:
                found.add(name)
    return [f"lex_{name}" for name in LEXICON_FILES if name in found]


_DIGIT = re.compile(r"\d")
_LAST_CLASS = {".": "dot", ",": "comma", ":": "colon", ";": "semi", ")": "paren", "*": "star"}


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


def _own_features(shape: LineShape, width: int) -> tuple[list[str], list[str]]:
    """Features of one line on its own, and the main ones its neighbours also get."""
    raw = shape.raw.rstrip()
    text = raw.lstrip()
    words = text.split()
    n_words = len(words)
    capitals = sum(1 for word in words if word[:1].isupper())
    indent = len(raw) - len(text)
    first, last = text[:1], text[-1:]
    main = [
        _IND(indent),
        _LEN(len(text)),
        _WORDS(n_words),
        "first=" + _char_class(first),
        "last=" + _char_class(last),
    ]
    found = [
        _WIDE(round(10 * len(raw) / max(width, 1))),
        _CAPS(round(10 * capitals / max(n_words, 1))),
        "sec=" + shape.section,
    ]
    if text.isupper():  # some letter, and none of them in lower case
        main.append("shout")
    if shape.is_heading:
        main.append("heading_rule")
    if shape.blank_before:
        main.append("blank_b")
    if marker := _BULLET.match(text):
        main.append("bullet=num" if marker.group(1)[0].isdigit() else "bullet=mark")
    if first == "#" and (md := _MD_HEADING.match(text)):
        main.append(f"md_h={len(md.group(1))}")
    if text.startswith(("**", "__")):
        found.append("bold_start")
    if first == "|":
        found.append("table")
    if "   " in text and _GAP.search(text):
        main.append("gap")
    if _SENTENCE_END.search(text):
        main.append("sentence_end")
    for mark, name in _SEPARATORS:
        if mark in text:
            found.append(name)
    found.append(_COMMAS(text.count(",")))
    if last == ")" and "(" in text:
        found.append("paren_end")
    if ":" in text and (text.rstrip(" *_").endswith(":") or _LABEL.match(text)):
        found.append("colon")
    # Cheap guards first: each pattern needs an '@', a '.' or ':', or a digit.
    digits = _DIGIT.search(text) is not None
    lowered = text.lower()
    if "@" in text and _EMAIL.search(text):
        found.append("email")
    if ("." in text or ":" in text) and _URL.search(lowered):
        found.append("url")
    if digits and _PHONE.search(text):
        found.append("phone")
    if digits and _PAGE.search(lowered):
        main.append("page_no")
    for feature in _date_features(lowered, digits):
        (main if feature in _MAIN_DATE_FEATURES else found).append(feature)
    main += lexicon_hits(text, lowered)
    return found, main


_IND = _Buckets("ind", (0, 2, 4, 8))
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
_NEIGHBOURS = ((-1, "p:"), (1, "n:"), (-2, "pp:"), (2, "nn:"))


def _context_features(shapes: Sequence[LineShape], index: int, width: int) -> list[str]:
    """How the line sits among its neighbours: a wrap, a repeated line, its place in a run."""
    raw = shapes[index].raw.rstrip()
    text = raw.lstrip()
    found = []
    if index + 1 < len(shapes) and shapes[index + 1].blank_before:
        found.append("blank_a")
    if index == 0:
        return [*found, "doc_start"]
    previous = shapes[index - 1].raw.rstrip()
    if not shapes[index].blank_before:
        # A wrapped line: the previous one stopped short of the margin only because this
        # line's first word would not have fitted on it.
        space = text.find(" ")
        first_word = len(text) if space < 0 else space
        fits = len(previous) + 1 + first_word <= width
        found.append("would_fit" if fits else "wrapped_here")
        indent = len(raw) - len(text)
        previous_indent = len(previous) - len(previous.lstrip())
        found.append(
            "ind_same"
            if indent == previous_indent
            else ("ind_more" if indent > previous_indent else "ind_less")
        )
    ratio = len(text) / max(len(previous.strip()), 1)
    found.append(_REL_PREV(round(4 * ratio)))
    return found


def _since_heading(shapes: Sequence[LineShape]) -> list[tuple[str, str]]:
    since, run = 0, 0
    out: list[tuple[str, str]] = []
    for shape in shapes:
        since = 0 if shape.is_heading else since + 1
        run = 0 if shape.blank_before else run + 1
        out.append((_SINCE_HEAD(since), _RUN(run)))
    return out


def document_width(shapes: Sequence[LineShape]) -> int:
    """The text's right margin: its longest line that holds no wide gap."""
    lengths = [len(s.raw.rstrip()) for s in shapes if not _GAP.search(s.raw.strip())]
    return max(lengths or [80])


def line_features(shapes: Sequence[LineShape]) -> list[list[str]]:
    """Each line's features: its own, its context's, and its neighbours' main ones."""
    width = document_width(shapes)
    seen: set[str] = set()
    rows: list[list[str]] = []
    mains: list[list[str]] = []
    positions = _since_heading(shapes)
    for index, shape in enumerate(shapes):
        found, main = _own_features(shape, width)
        key = shape.raw.strip()
        if key in seen and len(key) > 3:
            main.append("seen")
        seen.add(key)
        rows.append(
            ["bias", *main, *found, *_context_features(shapes, index, width), *positions[index]]
        )
        mains.append(main)
    count = len(rows)
    for index, row in enumerate(rows):
        for offset, prefix in _NEIGHBOURS:
            other = index + offset
            if 0 <= other < count:
                row += [prefix + feature for feature in mains[other]]
            else:
                row.append(prefix + "none")
    return rows
