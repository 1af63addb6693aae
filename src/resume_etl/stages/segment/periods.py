"""How a line states a period: the date patterns that anchor an entry's header."""

from __future__ import annotations

import re
from functools import lru_cache

from resume_etl.config import DateSettings
from resume_etl.dates import MONTH_OR_SEASON, ongoing_words, range_words
from resume_etl.dates.parser import date_scanner

_MONTH = MONTH_OR_SEASON
_MONTH_SHORT_YEAR = r"(?:0?[1-9]|1[0-2])/\d{2}(?![\w/%]|[.,]\d)"
ONGOING = "|".join(map(re.escape, ongoing_words("alone")))
"""Words that say a range is still running ("Present", "now"): ``nlp/data/date_words.jsonl``."""
_RANGE_TO = "|".join(map(re.escape, range_words()))
"""Words that join a range's ends ("to", "until", "through")."""
_OPENS = r"(?<![^\W_])(?<![^\W_]_)"
_CLOSES = r"(?![^\W_])"
"""Word edges that an underscore does not hide: markdown sets dates in emphasis ("_2016 - 2018_",
where ``\b`` sees no edge between "_" and "2016"); an identifier ("run_2019-05") stays a word."""
DATE_LINE = re.compile(
    rf"(?i){_OPENS}(?:{_MONTH})\s*,?\s*'?\d{{2,4}}{_CLOSES}"  # Month 2024, Sep '24
    rf"|{_OPENS}\d{{1,2}}[/.]\d{{4}}{_CLOSES}"  # 09/2024
    rf"|{_OPENS}(?:19|20)\d{{2}}-[01]\d{_CLOSES}"  # 2024-09
    rf"|{_OPENS}(?:19|20)\d{{2}}\s*(?:-{{1,3}}|[–—]|{'|'.join(range_words('common'))})\s*(?:(?:19|20)\d{{2}}|{ONGOING}|\S?$)"
    # 08/20 -- Present, 07/19 - 06/20: a month and two-digit year only as a range's end
    rf"|(?<![\w/.]){_MONTH_SHORT_YEAR}\s*(?:-{{1,3}}|[–—]|{_RANGE_TO})\s*"
    rf"(?:{_MONTH_SHORT_YEAR}|\d{{1,2}}/(?:19|20)\d{{2}}\b|(?:19|20)\d{{2}}\b|(?:{ONGOING})\b)"
)


# "Jan 2020 -" ending one line and "Mar 2021" opening the next: one range wrapped over two lines.
OPEN_RANGE_AT_END = re.compile(rf"(?i)(?:[-–—~→]|\b(?:{_RANGE_TO}))\s*$")
DATE_AT_START = re.compile(
    rf"(?i)(?:{_MONTH})(?![a-z])|\d{{1,2}}[/.]\d{{4}}\b|(?:19|20)\d{{2}}\b|{_MONTH_SHORT_YEAR}"
    rf"|(?:{ONGOING})\b"
)

# A year closing a header is set off as its own field ("Clerk | Shop | 2018", "Clerk, Shop  2018");
# "Dean's List 2022" is an award with its year.
YEAR_FIELD_AT_END = re.compile(r"(?:\s[|·•,-]\s*|,\s*|\s{2,})(?:19|20)\d{2}\s*$")


BARE_YEAR = re.compile(r"^\W*(?:19|20)\d{2}\W*$")
YEAR_IN_PARENTHESES_AT_END = re.compile(r"\((?:[^()]*\D)?(?:19|20)\d{2}\)\W*$")


_DIGIT = re.compile(r"\d")
"""Every alternative of ``DATE_LINE`` holds a digit (``\\d``, the same Unicode class), so a
line without one cannot match: most lines (prose, skills) are turned away by this one scan."""


@lru_cache(maxsize=4096)
def is_date_line(text: str) -> bool:
    """A line that states a period (a range or a month and year), the usual entry anchor.

    Asked of the same lines again and again (each segmentation rule, each draft, each
    entry's header), about 175 times a document; the answer depends on the text alone.
    """
    return _DIGIT.search(text) is not None and DATE_LINE.search(text) is not None


# The parts of a header line: set off by a bar, a middle dot, a bullet, a comma or a wide gap,
# or a colon ("2016: Intern, Firm", "2019 – heute: Intern at Firm", a timeline's item; a
# label's colon, "Tools: Python", parts nothing that is a date alone), an HTML tag ("Firm
# <span class="date">since 2021</span>"), emphasis opening or closing ("Analyst _2019 –
# heute_"), or a spaced dash ("Analyst - Firm - Q3 2018 - Q1 2020"; a range cut at its own
# dash leaves two dates, still each a date alone).
_FIELD_BREAK = re.compile(
    r"\s*[|·•]\s*|\s{2,}|\t|,\s+|:\s+|\s*</?[A-Za-z][^<>\n]*>\s*"
    r"|\s+[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?=\s|$)|\s+-\s+"
)
_FIELD_MARKS = " *_()[]"


@lru_cache(maxsize=1)
def _scanner() -> re.Pattern[str]:
    """The date reader's own pattern (every form it reads: "Fall '22", "02/2025 - 🚀",
    "since 2021", a lone "Current"), with the default settings."""
    return date_scanner(DateSettings())


def without_dates(text: str) -> str:
    """The text with every date and range the date reader finds blanked out ("Q3 2018 – Q1
    2020: Analyst" leaves ": Analyst"), so what stands beside a period can be judged alone."""
    return _scanner().sub(" ", text)


def has_date_field(text: str) -> bool:
    """The line, or one of its fields ("Analyst | Bank | '19", "Clerk  ·  Fall '22"), is a
    date or a range and nothing else: the line states a period, which the rules place
    exactly (one entry has one period), whatever the line-role model reads."""
    return any(is_period_alone(part) for part in _FIELD_BREAK.split(text.strip()))


_CLOSING_BRACKETS = re.compile(r"\(([^()]{1,40})\)\W*$")


def has_closing_period(text: str) -> bool:
    """The line closes with a period in brackets that the date reader reads whole, in forms
    the range pattern leaves out: "Engineer, Quillmark (since 2021)". A bare year in brackets
    ("Certificate (1999)") is not one: it dates a school or an award as often as a job."""
    found = _CLOSING_BRACKETS.search(text)
    if found is None:
        return False
    inside = found.group(1)
    return is_period_alone(inside) and BARE_YEAR.match(inside) is None


def is_period_alone(text: str) -> bool:
    """The text is a date or a range and nothing else ("08/20 -- Present", "_2019 - 2021_"),
    as the date reader reads it."""
    field = text.strip(_FIELD_MARKS)
    found = _scanner().fullmatch(field) if field else None
    return found is not None and (
        found.group("lone_current") is not None or any(char.isdigit() for char in field)
    )
