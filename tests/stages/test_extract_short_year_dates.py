"""Job headers dated by a month and two-digit year ("08/20 -- Present", "07/19 - 06/20"): the
entry gets its start and end (every name here is invented)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from resume_etl.dates import DateRangeMatch
from resume_etl.stages.extract import ExtractedDocument

Extract = Callable[[str], ExtractedDocument]


def _periods(
    extract_text: Extract, text: str
) -> list[tuple[dt.date | None, dt.date | None, bool | None]]:
    found: list[tuple[dt.date | None, dt.date | None, bool | None]] = []
    for job in extract_text(text).experiences:
        dates = job.dates
        if not isinstance(dates, DateRangeMatch):
            found.append((None, None, None))
            continue
        start = dates.start.value if dates.start else None
        end = dates.end.value if dates.end else None
        found.append((start, end, dates.is_current))
    return found


def test_a_header_with_a_short_year_range_gets_start_and_end(extract_text: Extract) -> None:
    text = (
        "Work Experience\n\n"
        "Senior Engineer | Quorvant Labs | 07/19 - 06/20\n"
        "- Built the billing service.\n\n"
        "Engineer | Tallowby | 1/18 -- 06/19\n"
        "- Ran the data pipeline.\n"
    )
    assert _periods(extract_text, text)[:2] == [
        (dt.date(2019, 7, 1), dt.date(2020, 6, 1), False),
        (dt.date(2018, 1, 1), dt.date(2019, 6, 1), False),
    ]


def test_a_period_line_with_a_short_year_leads_its_entry(extract_text: Extract) -> None:
    text = (
        "## Work Experience\n\n"
        "08/20 -- Present\n"
        ": **Staff Engineer** for [Brellix](https://brellix.example/) • _Lakeport, OR_\n\n"
        "    * Led the platform team.\n"
    )
    ((start, end, is_current),) = _periods(extract_text, text)
    assert (start, end, is_current) == (dt.date(2020, 8, 1), None, True)
