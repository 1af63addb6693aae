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
from resume_etl.dates import MONTH_OR_SEASON
from resume_etl.wordlists import load_lexicon

FEATURES_VERSION = "line-features-1"

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
_ONGOING = r"(?:present|current|now|today|ongoing|heute|actuel|aujourd'hui)"
_DATE = re.compile(rf"(?i)\b{_POINT}\b")
_RANGE = re.compile(rf"(?i)\b{_POINT}\s*(?:-|–|—|to|until|till)\s*(?:{_POINT}|{_ONGOING})\b")
_SINCE = re.compile(rf"(?i)\bsince\s+{_POINT}")
_ONGOING_WORD = re.compile(rf"(?i)\b{_ONGOING}\b")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_DURATION = re.compile(r"(?i)\(\s*\d+\s*(?:yrs?|years?|mos?|months?)\b|less than a year")
_WORD = re.compile(r"\w+")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_URL = re.compile(r"(?i)\bhttps?://|\bwww\.|\b[\w-]+\.(?:com|org|net|io|dev|me)\b")
_PHONE = re.compile(r"\+?\d[\d ()./-]{7,}\d")
_PAGE = re.compile(r"(?i)\bpage\s+\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\b|^\W*\d{1,3}\W*$")
_GAP = re.compile(r"\S\s{3,}\S")
_BULLET = re.compile(r"^([-*+•▪◦●■–·]|\d{1,2}[.)]|\[\d{1,3}\])\s")
_MD_HEADING = re.compile(r"^(#{1,6})\s")
_SENTENCE_END = re.compile(r"[.!?]['\")\]]?$")
_LABEL = re.compile(r"^[^:]{1,30}:\s")


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
    return {".": "dot", ",": "comma", ":": "colon", ";": "semi", ")": "paren", "*": "star"}.get(
        char, "punct"
    )


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


def lexicon_hits(text: str) -> list[str]:
    """Which lexicons have a form among the line's words (a flag per lexicon)."""
    words = _WORD.findall(text)
    lowered = [word.lower() for word in words]
    index = _lexicon_index()
    found: set[str] = set()
    for start, first in enumerate(lowered):
        for form, exact, name in index.get(first, ()):
            end = start + len(form)
            if name not in found and tuple((words if exact else lowered)[start:end]) == form:
                found.add(name)
    return [f"lex_{name}" for name in LEXICON_FILES if name in found]


def _date_features(text: str) -> list[str]:
    if not any(char.isdigit() for char in text):
        # Every date form has a digit: only the ongoing word and a duration can be here.
        found = ["years=le0"]
        if _ONGOING_WORD.search(text):
            found.append("ongoing")
        if _DURATION.search(text):
            found.append("duration")
        return found
    dates = list(_DATE.finditer(text))
    ranges = list(_RANGE.finditer(text)) + list(_SINCE.finditer(text))
    found = [f"years={_bucket(len(_YEAR.findall(text)), (0, 1, 2))}"]
    if ranges:
        found.append("range")
    if dates or ranges or _ONGOING_WORD.search(text):
        spans = [m.span() for m in ranges + dates]
        first, last = min(s for s, _ in spans or [(0, 0)]), max(e for _, e in spans or [(0, 0)])
        if dates and first <= 2:
            found.append("date_start")
        if dates and last >= len(text) - 2:
            found.append("date_end")
        covered = last - first if spans else 0
        if dates and covered >= 0.6 * len(text.strip("*_()[] ")):
            found.append("date_only")
    if _ONGOING_WORD.search(text):
        found.append("ongoing")
    if _DURATION.search(text):
        found.append("duration")
    return found


def _own_features(shape: LineShape, width: int) -> list[str]:
    """Features of one line on its own."""
    raw = shape.raw.rstrip()
    text = raw.lstrip()
    words = text.split()
    letters = [char for char in text if char.isalpha()]
    capitals = [word for word in words if word[:1].isupper()]
    indent = len(raw) - len(text)
    found = [
        f"ind={_bucket(indent, (0, 2, 4, 8))}",
        f"len={_bucket(len(text), (3, 10, 20, 30, 45, 60, 75))}",
        f"wide={_bucket(round(10 * len(raw) / max(width, 1)), (3, 6, 8, 9))}",
        f"w={_bucket(len(words), (1, 2, 3, 5, 8, 12, 20))}",
        f"cap={_bucket(round(10 * len(capitals) / max(len(words), 1)), (0, 3, 6, 9))}",
        f"first={_char_class(text[:1])}",
        f"last={_char_class(text[-1:])}",
        f"sec={shape.section}",
    ]
    if letters and all(char.isupper() for char in letters):
        found.append("shout")
    if shape.is_heading:
        found.append("heading_rule")
    if shape.blank_before:
        found.append("blank_b")
    if marker := _BULLET.match(text):
        found.append(f"bullet={'num' if marker.group(1)[0].isdigit() else 'mark'}")
    if md := _MD_HEADING.match(text):
        found.append(f"md_h={len(md.group(1))}")
    if text.startswith("**") or text.startswith("__"):
        found.append("bold_start")
    if text.startswith("|"):
        found.append("table")
    if "   " in raw.strip() and _GAP.search(raw.strip()):
        found.append("gap")
    if _SENTENCE_END.search(text):
        found.append("sentence_end")
    for mark, name in ((" | ", "pipe"), (" · ", "middot"), (" at ", "at"), (" - ", "dash")):
        if mark in text:
            found.append(f"sep_{name}")
    found.append(f"commas={_bucket(text.count(','), (0, 1, 3))}")
    if "(" in text and text.endswith(")"):
        found.append("paren_end")
    if ":" in text and (text.rstrip(" *_").endswith(":") or _LABEL.match(text)):
        found.append("colon")
    # Cheap guards first: each pattern needs an '@', a '.' or ':', or a digit.
    digits = any(char.isdigit() for char in text)
    if "@" in text and _EMAIL.search(text):
        found.append("email")
    if ("." in text or ":" in text) and _URL.search(text):
        found.append("url")
    if digits and _PHONE.search(text):
        found.append("phone")
    if digits and _PAGE.search(text):
        found.append("page_no")
    return found + _date_features(text) + lexicon_hits(text)


_NEIGHBOUR_PREFIXES = (
    "ind=",
    "len=",
    "w=",
    "first=",
    "last=",
    "bullet=",
    "md_h=",
    "blank_b",
    "gap",
    "shout",
    "heading_rule",
    "date_only",
    "date_start",
    "range",
    "sentence_end",
    "lex_",
    "page_no",
    "seen",
)


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
    first_word = text.split()[0] if text.split() else ""
    if not shapes[index].blank_before:
        # A wrapped line: the previous one stopped short of the margin only because this
        # line's first word would not have fitted on it.
        fits = len(previous) + 1 + len(first_word) <= width
        found.append("would_fit" if fits else "wrapped_here")
        indent = len(raw) - len(text)
        previous_indent = len(previous) - len(previous.lstrip())
        found.append(
            "ind_same"
            if indent == previous_indent
            else ("ind_more" if indent > previous_indent else "ind_less")
        )
    ratio = len(text) / max(len(previous.strip()), 1)
    found.append(f"rel_prev={_bucket(round(4 * ratio), (1, 3, 5, 8))}")
    return found


def _since_heading(shapes: Sequence[LineShape]) -> list[str]:
    since, run, out = 0, 0, []
    for shape in shapes:
        since = 0 if shape.is_heading else since + 1
        run = 0 if shape.blank_before else run + 1
        out.append(f"since_head={_bucket(since, (0, 1, 2, 4))} run={_bucket(run, (0, 1, 2, 3))}")
    return out


def document_width(shapes: Sequence[LineShape]) -> int:
    """The text's right margin: its longest line that holds no wide gap."""
    lengths = [len(s.raw.rstrip()) for s in shapes if not _GAP.search(s.raw.strip())]
    return max(lengths or [80])


def line_features(shapes: Sequence[LineShape]) -> list[list[str]]:
    """Each line's features: its own, its context's, and its neighbours' main ones."""
    width = document_width(shapes)
    seen: set[str] = set()
    own: list[list[str]] = []
    for index, shape in enumerate(shapes):
        features = _own_features(shape, width) + _context_features(shapes, index, width)
        key = shape.raw.strip()
        if key in seen and len(key) > 3:
            features.append("seen")
        seen.add(key)
        own.append(features)
    positions = _since_heading(shapes)
    main = [[f for f in features if f.startswith(_NEIGHBOUR_PREFIXES)] for features in own]
    out = []
    for index, features in enumerate(own):
        row = ["bias", *features, *positions[index].split()]
        for offset, prefix in ((-1, "p:"), (1, "n:"), (-2, "pp:"), (2, "nn:")):
            other = index + offset
            if 0 <= other < len(own):
                row += [prefix + f for f in main[other]]
            else:
                row.append(prefix + "none")
        out.append(row)
    return out
