"""Dates in résumé text: points ("Sept 2025", "09/2025", "Fall '22") and ranges ("2019 - Present").

One ``DateParser`` per process holds everything that is expensive to build: the scanning regex
(month names of every configured language, taken from dateparser's locale data), one
``dateparser.date.DateDataParser`` and a bounded cache of parsed points.

Parsing a point goes through a *fast path* first: English month names, seasons, numeric forms
and bare years, all parsed with plain regexes. Anything else the scanner found (a month name in
another configured language, "12 March 2021") goes to dateparser. The fast path never disagrees
with dateparser on a form both understand; ``tests/test_dates.py`` checks that with generated
dates. Where the two differ by design, the fast path's choice is the documented one:

* a stored date is the first day of its period: "2019" is 2019-01-01 with precision ``year``
  (dateparser would use today's month);
* seasons, which dateparser does not know, start at their first month: spring = March,
  summer = June, fall/autumn = September, winter = January of the stated year (the winter term
  that opens the year, as academic calendars use it);
* "2011-12" and "2011/12" are a month (December 2011) because ISO writes months that way;
  "2019-21" and "2023/24", whose second half cannot be a month, are year ranges;
* numeric dates whose order is ambiguous ("04/09/2014") follow ``date_order``; a part over 12
  decides it regardless ("15/09/2016" is day-first under any setting); under ``YMD``, which
  says nothing about a year written last, the fast path leaves "01/02/2000" to dateparser;
* a year-first date whose middle part cannot be a month ("2014/13/02") is kept with the issue
  ``invalid_month``, where dateparser would quietly swap day and month.

Odd values are kept with an ``issue`` flag rather than dropped or fixed: ``invalid_month``
("13/2025" keeps its year), ``future`` (a period starting more than ``future_horizon_months``
after the reference date's month). The reference date is a setting, so a rerun flags the same
dates and gives the same durations.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from dateparser.date import DateDataParser
from dateparser.languages.loader import default_loader

from resume_etl.config import DateOrder, DateSettings
from resume_etl.vocab import DateIssue, DatePrecision
from resume_etl.wordlists import builtin_lexicon, builtin_values

DATE_WORDS_FILE = "date_words.jsonl"
ENGLISH_MONTHS: dict[str, int] = {
    form: int(number) for form, number in builtin_values(DATE_WORDS_FILE, "month").items()
}
"""Lower-case English month names and abbreviations -> month number (``nlp/data/date_words``)."""
_SEASON_MONTHS: dict[str, int] = {
    form: int(number) for form, number in builtin_values(DATE_WORDS_FILE, "season").items()
}
_MONTH_KEYS = tuple(
    entry.label for entry in builtin_lexicon(DATE_WORDS_FILE) if entry.category == "month"
)
"""Full month names in month order: the keys of dateparser's locale data."""


def ongoing_words(*uses: str, category: str = "ongoing") -> tuple[str, ...]:
    """Words that say a range is still running (``date_words.jsonl``), in the file's order.

    With ``uses``, only the words used so: ``alone`` ("2019 - Present"), ``adverb``
    ("currently"), ``after_to`` ("to date"). The date settings' ``current_words`` default to all
    of them; ``category="ongoing_other_language"`` gives the few other languages' words."""
    words = builtin_values(DATE_WORDS_FILE, category)
    return tuple(form for form, use in words.items() if not uses or use in uses)


def range_words(*uses: str, category: str = "range_to") -> tuple[str, ...]:
    """Words that join a range's ends ("2019 to 2021"), in the file's order (``date_words.jsonl``).

    With ``uses``, only those of that use: ``common`` ("to", "until", "till") or ``us``
    ("through", "thru"); ``category="range_to_other_language"`` gives "bis", "au"."""
    words = builtin_values(DATE_WORDS_FILE, category)
    return tuple(form for form, use in words.items() if not uses or use in uses)


MONTH_OR_SEASON = (
    rf"(?:{'|'.join(sorted(ENGLISH_MONTHS, key=len, reverse=True))})[a-z]*\.?"
    rf"|{'|'.join(_SEASON_MONTHS)}"
)
"""A regex fragment: a month name or abbreviation ("Sept.", "September") or a season, for the
stages that spot a date-like line without parsing it."""
_CACHE_SIZE = 8192


@dataclass(frozen=True)
class PartialDate:
    """A date stated to some precision; ``value`` is the first day of that period."""

    value: dt.date
    precision: DatePrecision
    issue: DateIssue | None = None


@dataclass(frozen=True)
class DateRangeMatch:
    """A date or date range found in text, with its character offsets.

    ``start`` is None only for a bare "Current"/"Ongoing"; ``end`` is None for a single date,
    an ongoing range (``is_current``) or a range whose end was lost.
    """

    start: PartialDate | None
    end: PartialDate | None
    is_current: bool
    start_char: int
    end_char: int
    text: str
    issue: DateIssue | None = None


def _alternation(words: set[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _month_names(languages: tuple[str, ...]) -> dict[str, int]:
    """Lower-cased month names of the configured languages (plus English) -> month number."""
    names = dict(ENGLISH_MONTHS)
    for code in languages:
        info = default_loader.get_locale(code).info
        for number, key in enumerate(_MONTH_KEYS, start=1):
            for name in info.get(key, []):
                names.setdefault(name.lower().rstrip("."), number)
    return names


_YEAR4 = r"(?:19|20)\d{2}"
_SHORT_YEAR = r"['’‘]\d{2}"
_NUMERIC = (
    rf"{_YEAR4}[-./]\d{{1,2}}[-./]\d{{1,2}}"  # 2024-05-02
    rf"|\d{{1,2}}[-./]\d{{1,2}}[-./]{_YEAR4}"  # 15/09/2016
    rf"|{_YEAR4}[-./](?:0?[1-9]|1[0-2])(?![\d])"  # 2025-09, 2025.09
    rf"|\d{{1,2}}[-./]{_YEAR4}"  # 09/2025, 13/2025 (kept, flagged)
)


def _build_scanner(settings: DateSettings) -> re.Pattern[str]:
    """One regex for every date form, so a text is scanned once, left to right."""
    months = _alternation(set(_month_names(settings.languages)))
    seasons = _alternation(set(_SEASON_MONTHS))
    current = _alternation({word.lower() for word in settings.current_words})
    month = rf"(?:{months})\.?(?!\w)"
    year = rf"(?:{_YEAR4}(?![\w%+]|[ \t]\d{{3}})|{_SHORT_YEAR}(?!\w))"
    point = (
        rf"(?:\d{{1,2}}(?:st|nd|rd|th|\.)?[ \t]+(?:of[ \t]+)?{month},?[ \t]*{year}"
        rf"|{month}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,[ \t]*{year}"
        rf"|{month},?[ \t]*{year}"
        rf"|(?:{seasons})[ \t]+{year}"
        rf"|(?:{_NUMERIC})(?![\w%])"
        rf"|{year})"
    )
    part = rf"(?:{point}|{month})"
    gap = r"[ \t]*(?:\n[ \t]*)?"
    sep = rf"{gap}(?:[-–—~→]|(?:{'|'.join(range_words())})(?!\w)){gap}"
    dangle = r"[ \t]*[-–—][ \t]*(?:[^\w\s|,()·\[\]]{1,4}[ \t]*)?(?=$|[|,)·])"
    lone_current = r"(?-i:Current|Ongoing|Present)"
    return re.compile(
        rf"(?<![\w$€£¥#@.,:/+'’-])(?<!\d )"
        # Every date opens with a word character or a short year's quote: other positions (a
        # run of spaces, emoji, dashes) fail here instead of trying each month name.
        rf"(?=[\w'’‘])"
        rf"(?:(?P<since>since)[ \t]+)?"
        rf"(?P<start>{part})"
        rf"(?:{sep}(?P<end>{part})"
        rf"|[ \t]*[-/][ \t]*(?P<short_end>\d{{2}})(?![\w.,%:/-])"
        rf"|{sep}(?:till[ \t]+)?(?P<current>{current})(?!\w)"
        rf"|(?P<dangle>{dangle}))?"
        rf"|(?:(?<=^)|(?<=[|,(·]))[ \t]*(?P<lone_current>{lone_current})[ \t]*(?=$|[|,)·])",
        re.IGNORECASE | re.MULTILINE,
    )


class DateParser:
    """Finds and parses dates; build one per process (it compiles regexes and a dateparser)."""

    def __init__(self, settings: DateSettings | None = None) -> None:
        self.settings = settings or DateSettings()
        self._scanner = _build_scanner(self.settings)
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
        start = self.parse_point(start_text)
        end = self.parse_point(end_text) if end_text else None
        if end_text and start is None and end is not None:
            start = self._month_before(start_text, end)
        if end_text and end is None and start is not None:
            end = self._month_after(end_text, start)
        if groups["short_end"] and start is not None:
            end = _short_year_end(start, groups["short_end"])
        if start is None:
            return None
        if end_text and end is None:
            return self._single(match, "start", start)
        is_current = bool(groups["current"] or groups["dangle"] is not None or groups["since"])
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
    """The end of "2019-21" or "2023/24": a year after the start, in the start's century."""
    if start.precision is not DatePrecision.YEAR:
        return None
    year = start.value.year // 100 * 100 + int(digits)
    if year <= start.value.year:
        year += 100
    return PartialDate(dt.date(year, 1, 1), DatePrecision.YEAR)


# ---------------------------------------------------------------------- the fast path

_FAST_MONTH_YEAR = re.compile(
    r"(?P<month>[a-z]+)\.?,? ?(?P<year>(?:19|20)\d{2}|['’‘]\d{2})", re.IGNORECASE
)
_FAST_YEAR = re.compile(r"(?P<year>(?:19|20)\d{2}|['’‘]\d{2})")
_FAST_NUMERIC_MONTH = re.compile(r"(?P<a>\d{1,4})[-./](?P<b>\d{1,4})")
_FAST_NUMERIC_DAY = re.compile(r"(?P<a>\d{1,4})[-./](?P<b>\d{1,2})[-./](?P<c>\d{1,4})")


def fast_parse(text: str, settings: DateSettings) -> PartialDate | None:
    """English month names, seasons, numeric dates and years; None for anything else."""
    for parse in (_fast_year, _fast_month_year, _fast_numeric_month, _fast_numeric_day):
        found = parse(text, settings)
        if found is not None:
            return found
    return None


def _year(text: str, settings: DateSettings) -> int:
    if len(text) == 4:
        return int(text)
    short = int(text[-2:])
    return (2000 if short < settings.two_digit_year_pivot else 1900) + short


def _fast_year(text: str, settings: DateSettings) -> PartialDate | None:
    match = _FAST_YEAR.fullmatch(text)
    if match is None:
        return None
    return PartialDate(dt.date(_year(match["year"], settings), 1, 1), DatePrecision.YEAR)


def _fast_month_year(text: str, settings: DateSettings) -> PartialDate | None:
    match = _FAST_MONTH_YEAR.fullmatch(text)
    if match is None:
        return None
    word = match["month"].lower()
    year = _year(match["year"], settings)
    if word in ENGLISH_MONTHS:
        return PartialDate(dt.date(year, ENGLISH_MONTHS[word], 1), DatePrecision.MONTH)
    if word in _SEASON_MONTHS:
        return PartialDate(dt.date(year, _SEASON_MONTHS[word], 1), DatePrecision.SEASON)
    return None


def _fast_numeric_month(text: str, settings: DateSettings) -> PartialDate | None:
    match = _FAST_NUMERIC_MONTH.fullmatch(text)
    if match is None:
        return None
    first, second = match["a"], match["b"]
    if len(first) == 4 and len(second) <= 2:
        year, month = int(first), int(second)
    elif len(second) == 4 and len(first) <= 2:
        year, month = int(second), int(first)
    else:
        return None
    if not 1 <= month <= 12:
        return PartialDate(dt.date(year, 1, 1), DatePrecision.YEAR, issue=DateIssue.INVALID_MONTH)
    return PartialDate(dt.date(year, month, 1), DatePrecision.MONTH)


def _fast_numeric_day(text: str, settings: DateSettings) -> PartialDate | None:
    match = _FAST_NUMERIC_DAY.fullmatch(text)
    if match is None:
        return None
    a, b, c = match["a"], match["b"], match["c"]
    if len(a) == 4:
        year, month, day = int(a), int(b), int(c)
    elif len(c) == 4:
        if settings.date_order == "YMD" and int(a) <= 12 and int(b) <= 12:
            return None  # YMD says nothing about "01/02/2000": dateparser's reading stands
        year = int(c)
        month, day = _order_day_month(int(a), int(b), settings.date_order)
    else:
        return None
    try:
        return PartialDate(dt.date(year, month, day), DatePrecision.DAY)
    except ValueError:
        return PartialDate(dt.date(year, 1, 1), DatePrecision.YEAR, issue=DateIssue.INVALID_MONTH)


_NUMERIC_DAY_DATE = re.compile(r"(?<![\w./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d./-])")


def document_date_order(text: str, settings: DateSettings) -> DateOrder:
    """The order a document's own numeric dates reveal, else the configured ``date_order``.

    A writer uses one convention throughout, so "25/03/2021" in one entry says how to read
    "04/05/2020" in the next. Dotted dates are day-first wherever they are written. Evidence
    both ways (or none) leaves the setting in charge; ``YMD`` documents are never re-read.
    """
    if not settings.date_order_from_document or settings.date_order == "YMD":
        return settings.date_order
    day_first = month_first = False
    for match in _NUMERIC_DAY_DATE.finditer(text):
        first, second = int(match[1]), int(match[3])
        day_first |= first > 12 >= second or (match[2] == "." and second <= 12)
        month_first |= second > 12 >= first
    if day_first != month_first:
        return "DMY" if day_first else "MDY"
    return settings.date_order


def _order_day_month(first: int, second: int, order: DateOrder) -> tuple[int, int]:
    """(month, day) of "first/second/year"; a part over 12 can only be the day."""
    if first > 12 >= second:
        return second, first
    if second > 12 >= first:
        return first, second
    return (second, first) if order == "DMY" else (first, second)


# ---------------------------------------------------------------------- durations

MonthInterval = tuple[int, int]
"""Inclusive (first, last) month indexes, ``year * 12 + month - 1``."""


def month_index(value: dt.date) -> int:
    return value.year * 12 + value.month - 1


def _last_month(point: PartialDate) -> int:
    """The last month a stated period covers: "2021" runs to December, "Summer 2023" to August."""
    first = month_index(point.value)
    if point.precision is DatePrecision.YEAR:
        return first + 11
    if point.precision is DatePrecision.SEASON:
        return first + 2
    return first


def entry_interval(dates: DateRangeMatch, today: dt.date) -> MonthInterval | None:
    """Months an entry spans, both ends included; ongoing entries end in ``today``'s month.

    A single date ("2019") covers only its own period. None when there is no start, or the end
    is before the start (the ``end_before_start`` issue says why).
    """
    if dates.start is None:
        return None
    first = month_index(dates.start.value)
    if dates.is_current:
        last = month_index(today)
    elif dates.end is not None:
        last = _last_month(dates.end)
    else:
        last = _last_month(dates.start)
    return (first, last) if last >= first else None


def ends_before_start(dates: DateRangeMatch) -> bool:
    """True when the stated end period closes before the start period opens.

    Periods, not first days, are compared: "Mar 2021 - 2021" ends in December 2021 and is fine.
    """
    if dates.start is None or dates.end is None:
        return False
    return _last_month(dates.end) < month_index(dates.start.value)


def interval_months(interval: MonthInterval) -> int:
    return interval[1] - interval[0] + 1


def merged_months(intervals: list[MonthInterval]) -> int:
    """Months covered by the union of intervals: concurrent entries count once."""
    total = 0
    current: MonthInterval | None = None
    for first, last in sorted(intervals):
        if current is not None and first <= current[1] + 1:
            current = (current[0], max(current[1], last))
            continue
        if current is not None:
            total += interval_months(current)
        current = (first, last)
    if current is not None:
        total += interval_months(current)
    return total
