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
* a month number and a two-digit year ("08/20", "1/18") is read only as one end of a range
  whose other end is a date, a "present" word or another such month ("08/20 -- Present",
  "07/19 - 06/20", "03/2019 – 11/21"); alone it may as well be a day and month or a score
  ("10/10") and is no date. Its century puts it in the hundred years that end ten years after
  the reference date's year (``fast.SHORT_YEAR_AHEAD``): "05/98" is 1998, "08/20" 2020;
* a range's ends may be joined by a double or triple hyphen ("2019 -- Present"), as pandoc
  and LaTeX write an en or em dash;
* a year-first date whose middle part cannot be a month ("2014/13/02") is kept with the issue
  ``invalid_month``, where dateparser would quietly swap day and month;
* a quarter ("Q3 2018", "2018-Q3") is stored like a season: its first month, precision
  ``season`` (a three-month period); "September of 2019" is September 2019;
* two four-digit years joined by a slash ("2018/2019", an academic year) are a range;
* any hyphen, dash, minus sign, tilde or arrow joins a range's ends, and so do "to", "until",
  "through" and the few other languages' joiners ("bis", "au") of ``date_words.jsonl``;
* a running range ends in a ``current_words`` word, in another language's ("heute",
  "presente", "至今"; read whatever ``current_words`` says), after "to", "till" or "up to"
  ("- to date", "- up to now"), or in "onwards" ("2019 onwards"); a lone start after a since
  word ("since", "seit", "depuis", "desde") runs on too;
* a date may sit in markdown emphasis ("_2019 – 2020_", "(_2018-Present_)"): an underscore
  ends a date as a space does, unless a letter or digit is glued to it ("2019_v2").

Odd values are kept with an ``issue`` flag rather than dropped or fixed: ``invalid_month``
("13/2025" keeps its year), ``future`` (a period starting more than ``future_horizon_months``
after the reference date's month). The reference date is a setting, so a rerun flags the same
dates and gives the same durations.
"""

from resume_etl.dates.durations import (
    MonthInterval,
    ends_before_start,
    entry_interval,
    interval_months,
    merged_months,
    month_index,
)
from resume_etl.dates.fast import document_date_order, fast_parse
from resume_etl.dates.parser import DateParser
from resume_etl.dates.points import DateRangeMatch, PartialDate
from resume_etl.dates.words import (
    DATE_WORDS_FILE,
    ENGLISH_MONTHS,
    MONTH_OR_SEASON,
    ongoing_words,
    range_words,
)

__all__ = [
    "DATE_WORDS_FILE",
    "ENGLISH_MONTHS",
    "MONTH_OR_SEASON",
    "DateParser",
    "DateRangeMatch",
    "MonthInterval",
    "PartialDate",
    "document_date_order",
    "ends_before_start",
    "entry_interval",
    "fast_parse",
    "interval_months",
    "merged_months",
    "month_index",
    "ongoing_words",
    "range_words",
]
