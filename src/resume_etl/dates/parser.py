"""``DateParser``: the scanning regex, dateparser for what the fast path does not read, and a
bounded cache of parsed points; one per process.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from dateparser.date import DateDataParser
from dateparser.languages.loader import default_loader

from resume_etl.config import DateSettings
from resume_etl.dates.durations import month_index
from resume_etl.dates.fast import fast_parse, month_short_year
from resume_etl.dates.points import DateRangeMatch, PartialDate
from resume_etl.dates.words import (
    AFTER_START_WORDS,
    ENGLISH_MONTHS,
    MONTH_FALSE_FRIENDS,
    MONTH_KEYS,
    SEASON_MONTHS,
    SEASON_TERMS,
    SINCE_WORDS,
    other_language_ongoing_words,
    range_words,
)
from resume_etl.vocab import DateIssue, DatePrecision
from resume_etl.wordlists import word_tree

_CACHE_SIZE = 8192


def _alternation(words: set[str]) -> str:
    """A regex matching any of ``words``, the longest it can, written as a tree of shared
    beginnings (``wordlists.word_tree``): the scanner tries it at every word of a text, and a
    tree keeps that cost flat as month names of more languages are added."""
    return word_tree(words)


def _month_names(languages: tuple[str, ...]) -> dict[str, int]:
    """Lower-cased month names of the configured languages (plus English) -> month number.

    Another language's abbreviation that is a common English word ("set", "out", "ago") is
    left out (``date_words.jsonl``, ``month_false_friend``): "Sold out 2019" is no October."""
    names = dict(ENGLISH_MONTHS)
    for code in languages:
        info = default_loader.get_locale(code).info
        for number, key in enumerate(MONTH_KEYS, start=1):
            for name in info.get(key, []):
                form = name.lower().rstrip(".")
                if form not in MONTH_FALSE_FRIENDS:
                    names.setdefault(form, number)
    return names


_YEAR4 = r"(?:19|20)\d{2}"
_SHORT_YEAR = r"['’‘]\d{2}"
_LETTER = r"[^\W_]"
_GLUED = rf"(?:{_LETTER}|_{_LETTER})"
"""What may not follow a date: a letter or digit, or an underscore glued to one ("2019_v2").
A lone underscore may: markdown sets dates in emphasis ("_2019 – 2020_")."""
_NUMERIC = (
    rf"{_YEAR4}[ \t]*[年년](?:[ \t]*(?:0?[1-9]|1[0-2])[ \t]*[月월]"  # 2019年3月, 2019년 3월
    rf"(?:[ \t]*(?:0?[1-9]|[12]\d|3[01])[ \t]*[日일])?)?|"
    rf"{_YEAR4}[-./]\d{{1,2}}[-./]\d{{1,2}}"  # 2024-05-02
    rf"|\d{{1,2}}[-./]\d{{1,2}}[-./]{_YEAR4}"  # 15/09/2016
    rf"|{_YEAR4}[-./](?:0?[1-9]|1[0-2])(?![\d])"  # 2025-09, 2025.09
    rf"|\d{{1,2}}[-./]{_YEAR4}"  # 09/2025, 13/2025 (kept, flagged)
)
_MONTH_SHORT_YEAR = r"(?:0?[1-9]|1[0-2])/\d{2}(?![\w%/]|[.,]\d)"
"""A month number and a two-digit year ("08/20"): read only as one end of a range (see
``month_short_year``), never alone, where it is as likely a day and month or a score."""
_TERMS = "|".join(SEASON_TERMS)
"""What may stand between a season and its year ("Fall semester 2019")."""
_GLUED_MONTH_YEAR = re.compile(r"(?P<month>[^\W\d]+)(?P<year>\d{2})")
"""A month name glued to a two-digit year ("Nov18"), read only as a range's end."""
_FIELD_END = r"[ \t]*\.?[ \t]*(?:$|[|,;:)·\]*_/<]|[-–—](?:[ \t]|$))"
"""Where a "now" word of another language must end its field: "2015 - Nu" closes the range,
"2015 - Nu Skin" names a firm (and "actual", "nyt", "hoy" are words in running text)."""
_RANGE_WORDS = _alternation(set(range_words() + range_words(category="range_to_other_language")))
"""Words that join a range's ends: "to", "until", and the few other languages' ("bis", "au")."""
_DASHES = "-‐‑‒–—―−－~～〜→"
"""Marks that join a range's ends: every hyphen and dash, tildes (as East Asian CVs write a
range), an arrow."""


def _point(months: str, seasons: str) -> str:
    """One date of any form the scanner reads (a range's end, or a date alone)."""
    month = rf"(?:{months})\.?(?!{_GLUED})"
    year = rf"(?:{_YEAR4}(?!{_GLUED}|[%+]|[ \t]\d{{3}})|{_SHORT_YEAR}(?!{_GLUED}))"
    return (
        rf"(?:\d{{1,2}}(?:st|nd|rd|th|\.)?[ \t]+(?:of[ \t]+)?{month},?[ \t]*{year}"
        rf"|{month}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,[ \t]*{year}"
        rf"|{month},?[ \t]*(?:(?:of|de)[ \t]+)?{year}"
        rf"|(?:{months}){_YEAR4}(?!{_GLUED}|[%+])"  # "Oct2018": a month glued to its year
        rf"|(?:{seasons})(?:[ \t]+(?:{_TERMS}))?[ \t]+{year}"
        rf"|Q[1-4](?:[ \t]+|[ \t]*[/-][ \t]*){year}"  # a quarter: "Q3 2018", "2018-Q3"
        rf"|{_YEAR4}(?:[ \t]+|[ \t]*-[ \t]*)Q[1-4](?!{_GLUED})"
        rf"|(?:{_NUMERIC})(?!{_GLUED}|%)"
        rf"|{year})"
    )


def date_scanner(settings: DateSettings) -> re.Pattern[str]:
    """One regex for every date form, so a text is scanned once, left to right (the segmenter
    also asks it whether a line's field is a date and nothing else)."""
    months = _alternation(set(_month_names(settings.languages)))
    point = _point(months, _alternation(set(SEASON_MONTHS)))
    month = rf"(?:{months})\.?(?!{_GLUED})"
    current_words = {word.lower() for word in settings.current_words}
    current = _alternation(current_words)
    other_current = _alternation(set(other_language_ongoing_words()) - current_words)
    glued = rf"(?:{months})\d{{2}}(?!{_GLUED})"
    part = rf"(?:{point}|{month}|(?P<short_start>{_MONTH_SHORT_YEAR})|(?P<glued_start>{glued}))"
    end = rf"(?:{point}|{month}|(?P<short_month_end>{_MONTH_SHORT_YEAR})|(?P<glued_end>{glued}))"
    gap = r"[ \t]*(?:\n[ \t]*)?"
    marks = r"[*_]{0,3}"  # markdown emphasis closing one end and opening the other
    sep = (
        rf"{marks}{gap}(?:-{{1,3}}|[{_DASHES[1:]}]|(?:{_RANGE_WORDS})(?!\w)|(?<=[ \t])/(?=[ \t]))"
        rf"{gap}{marks}"
    )  # a slash joins a range only with spaces round it ("2019-03 / 2020-05")
    dangle = r"[ \t]*[-–—][ \t]*(?:[^\w\s|,()·\[\]]{1,4}[ \t]*)?(?=$|[|,)·])"
    lone_current = r"(?-i:Current|Ongoing|Present)"
    return re.compile(
        rf"(?<!{_LETTER}|[$€£¥#@.,:/+'’-])(?<!{_LETTER}_)(?<!\d )"
        # Every date opens with a word character or a short year's quote: other positions (a
        # run of spaces, emoji, dashes) fail here instead of trying each month name.
        rf"(?=[\w'’‘])"
        rf"(?:(?P<since>{_alternation(set(SINCE_WORDS))})(?:[ \t]*:[ \t]*|[ \t]+))?"
        rf"(?P<start>{part})"
        rf"(?:{sep}(?P<end>{end})"
        rf"|[ \t]*[-/–—][ \t]*(?P<short_end>\d{{2}})(?!{_GLUED}|[%/-]|[.,:]\S)"
        rf"|[ \t]*/[ \t]*(?P<year_end>{_YEAR4})(?!{_GLUED}|[%/.-])"
        rf"|{sep}(?:(?:up[ \t]+)?(?:to|till|until)[ \t]+)?(?:the[ \t]+)?"
        rf"(?P<current>(?:{current})(?!{_GLUED})|(?:{other_current})(?={_FIELD_END}))"
        rf"|[ \t]*[-–—]?[ \t]*(?:and[ \t]+)?(?P<onward>{_alternation(set(AFTER_START_WORDS))})"
        rf"(?!{_GLUED})"
        rf"|(?P<dangle>{dangle}))?"
        # A month and two-digit year opening a range needs the range's other end.
        rf"(?(short_start)(?(end)|(?(current)|(?!))))"
        rf"(?(glued_start)(?(end)|(?(current)|(?!))))"
        rf"|(?:(?<=^)|(?<=[|,(·]))[ \t]*(?P<lone_current>{lone_current})[ \t]*(?=$|[|,)·])",
        re.IGNORECASE | re.MULTILINE,
    )


class DateParser:
    """Finds and parses dates; build one per process (it compiles regexes and a dateparser)."""

    def __init__(self, settings: DateSettings | None = None) -> None:
        self.settings = settings or DateSettings()
        self._scanner = date_scanner(self.settings)
        self._months = _month_names(self.settings.languages)
        self._dateparser = DateDataParser(
            languages=list(self.settings.languages),
            settings={
                "PREFER_DAY_OF_MONTH": "first",
                "REQUIRE_PARTS": ["year"],
                "DATE_ORDER": self.settings.date_order,
            },
        )
        self._today = self.settings.today()
        self._last_plausible_month = month_index(self._today) + self.settings.future_horizon_months
        self.parse_point = lru_cache(maxsize=_CACHE_SIZE)(self._parse_point)

    # ------------------------------------------------------------------ points

    def _parse_point(self, text: str) -> PartialDate | None:
        """One date as written, or None. The fast path first, then dateparser."""
        cleaned = " ".join(text.split())
        found = fast_parse(cleaned, self.settings)
        if found is None:
            found = self._slow_parse(cleaned)
        if (
            found is not None
            and found.issue is None
            and month_index(found.value) > self._last_plausible_month
        ):
            found = replace(found, issue=DateIssue.FUTURE)
        return found

    def _parse_end(self, text: str, *, short: bool) -> PartialDate | None:
        """One end of a range: a month and two-digit year ("08/20", "Nov18") where the scanner
        saw one in a range, else any point."""
        if not short:
            return self.parse_point(text)
        glued = _GLUED_MONTH_YEAR.fullmatch(text)
        if glued is not None:
            number = self._months.get(glued["month"].lower())
            text = f"{number}/{glued['year']}"
        found = month_short_year(text, self._today)
        if found is not None and month_index(found.value) > self._last_plausible_month:
            found = replace(found, issue=DateIssue.FUTURE)
        return found

    def _slow_parse(self, text: str) -> PartialDate | None:
        data = self._dateparser.get_date_data(text)
        if data.date_obj is None:
            return None
        return _first_of_period(data.date_obj.date(), data.period or "day")

    def parse_month(self, text: str, year: int) -> PartialDate | None:
        """A bare month name, dated in ``year`` (for "Mar 2021 - Jun")."""
        number = self._months.get(text.strip().rstrip(".").lower())
        if number is None:
            return None
        return PartialDate(dt.date(year, number, 1), DatePrecision.MONTH)

    def _month_after(self, text: str, start: PartialDate) -> PartialDate | None:
        """The bare month ending "Mar 2021 - Jun" (June 2021) or "Nov 2021 - Feb" (Feb 2022)."""
        end = self.parse_month(text, start.value.year)
        if end is not None and end.value < start.value:
            end = replace(end, value=end.value.replace(year=end.value.year + 1))
        return end

    def _month_before(self, text: str, end: PartialDate) -> PartialDate | None:
        """The bare month starting "Mar - Jun 2021" (March 2021) or "Nov - Feb 2022" (Nov 2021)."""
        start = self.parse_month(text, end.value.year)
        if start is not None and start.value > end.value:
            start = replace(start, value=start.value.replace(year=start.value.year - 1))
        return start

    # ------------------------------------------------------------------ ranges

    def find_ranges(self, text: str) -> list[DateRangeMatch]:
        """Every date and date range in ``text``, left to right, never overlapping."""
        return list(self._iter_ranges(text))

    def _iter_ranges(self, text: str) -> Iterator[DateRangeMatch]:
        for match in self._scanner.finditer(text):
            found = self._interpret(match)
            if found is not None:
                yield found

    def _interpret(self, match: re.Match[str]) -> DateRangeMatch | None:
        groups = match.groupdict()
        if groups["lone_current"]:
            start_char, end_char = match.span("lone_current")
            return DateRangeMatch(None, None, True, start_char, end_char, groups["lone_current"])
        start_text: str = groups["start"]
        end_text: str | None = groups["end"]
        start = self._parse_end(
            start_text, short=bool(groups["short_start"] or groups["glued_start"])
        )
        end = None
        if end_text:
            short_end = bool(groups["short_month_end"] or groups["glued_end"])
            end = self._parse_end(end_text, short=short_end)
        if end_text and start is None and end is not None:
            start = self._month_before(start_text, end)
        if end_text and end is None and start is not None:
            end = self._month_after(end_text, start)
        if groups["short_end"] and start is not None:
            end = _short_year_end(start, groups["short_end"])
        if groups["year_end"] and start is not None:
            end = self.parse_point(groups["year_end"])
        if start is None:
            return None
        if end_text and end is None:
            return self._single(match, "start", start)
        is_current = bool(
            groups["current"] or groups["onward"] or groups["dangle"] is not None or groups["since"]
        )
        if end is not None:
            is_current = False
        return self._range(match, start, end, is_current)

    def _single(self, match: re.Match[str], group: str, point: PartialDate) -> DateRangeMatch:
        start_char, end_char = match.span(group)
        text = match.string[start_char:end_char]
        return DateRangeMatch(point, None, False, start_char, end_char, text, point.issue)

    def _range(
        self,
        match: re.Match[str],
        start: PartialDate,
        end: PartialDate | None,
        is_current: bool,
    ) -> DateRangeMatch:
        start_char, end_char = match.span()
        text = match.group()
        if match.group("since") and not is_current:
            start_char = match.start("start")
        stripped = text[start_char - match.start() :].rstrip()
        end_char = start_char + len(stripped)
        issue = start.issue or (end.issue if end else None)
        return DateRangeMatch(start, end, is_current, start_char, end_char, stripped, issue)


def _first_of_period(value: dt.date, period: str) -> PartialDate:
    if period == "year":
        return PartialDate(value.replace(month=1, day=1), DatePrecision.YEAR)
    if period == "month":
        return PartialDate(value.replace(day=1), DatePrecision.MONTH)
    return PartialDate(value, DatePrecision.DAY)


def _short_year_end(start: PartialDate, digits: str) -> PartialDate | None:
    """The end of "2019-21", "2023/24" or "1998-02": a year at most ``_SHORT_RANGE_YEARS``
    after the start. "2019 - 05" is no range ending in 2105: its end is left unread."""
    if start.precision is not DatePrecision.YEAR:
        return None
    year = start.value.year // 100 * 100 + int(digits)
    if year <= start.value.year:
        year += 100
    if year - start.value.year > _SHORT_RANGE_YEARS:
        return None
    return PartialDate(dt.date(year, 1, 1), DatePrecision.YEAR)


_SHORT_RANGE_YEARS = 50
"""The longest range a two-digit end may close ("2000-15", "1985-20"), a working life; past it
the digits are no year ("2019 - 05" is not 2019 to 2105)."""
