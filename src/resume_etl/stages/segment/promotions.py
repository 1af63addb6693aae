"""Promotions at one employer written as titles over their periods ("Senior Manager" / "2019 -
2021" / "Manager" / "2016 - 2019" / ...): the entry rules cut at each period, so each title
would head the wrong period. ``entries.split_entries`` asks these rules where a lone year
opens a job, and pairs titles and periods again once its drafts are cut."""

from __future__ import annotations

from itertools import pairwise

from resume_etl.stages.segment.describing import reads_as_sentence, states_period
from resume_etl.stages.segment.drafts import EntryDraft
from resume_etl.stages.segment.lines import Line, is_prose
from resume_etl.stages.segment.periods import BARE_YEAR, is_date_line, is_period_alone


def title_over_each_period(drafts: list[EntryDraft]) -> None:
    """ "Senior Manager" / "2019 - 2021" / "Manager" / "2016 - 2019" / "Analyst" / "2014 -
    2016" / its description: titles over their periods, promotions at one employer. Each
    period after the first opened an entry, so each title went to the header above, after
    that header's own period, and the last period was left without a name. An entry whose
    header is only its period (and maybe its description's first sentences, which nothing
    marked as one), after a header that states its period and then one line more and has no
    description, takes that line as its title; from the last such pair up, so a whole run of
    promotions is paired again."""
    for above, entry in reversed(list(pairwise(drafts))):
        if above.body or len(above.header) < _TITLED_PERIOD_LINES or entry.header[0].blank_before:
            continue
        moved, period = above.header[-1], above.header[-2]
        if not _lone_period(entry) or not _period_line(period) or states_period(moved):
            continue
        if is_prose(moved) or reads_as_sentence(moved):
            continue
        entry.body[:0] = entry.header[1:]
        entry.header[:] = [above.header.pop(), entry.header[0]]


_TITLED_PERIOD_LINES = 2


def second_year(current: EntryDraft | None, line: Line) -> bool:
    """ "CFO" / "1999" / "Controller" / "1998": in a work history a lone year after a header
    that states a period already is the next job's (one job, one period)."""
    if current is None or BARE_YEAR.match(line.content) is None:
        return False
    return any(_period_line(above) for above in current.header)


def _period_line(line: Line) -> bool:
    """A line that is a range or a lone year."""
    return is_date_line(line.content) or BARE_YEAR.match(line.content) is not None


def _lone_period(entry: EntryDraft) -> bool:
    """The entry's header is its period and nothing else but sentences."""
    first, rest = entry.header[0], entry.header[1:]
    return is_period_alone(first.content.strip(" :")) and all(map(reads_as_sentence, rest))
