"""Entries: the frozen entry and the draft the splitter grows line by line."""

from __future__ import annotations

from dataclasses import dataclass, field

from resume_etl.stages.layout.lexicons import lexicon_hits
from resume_etl.stages.segment.lines import Line
from resume_etl.stages.segment.periods import (
    BARE_YEAR,
    YEAR_FIELD_AT_END,
    YEAR_IN_PARENTHESES_AT_END,
    has_closing_period,
    is_date_line,
    is_period_alone,
)

_NAMING_HITS = frozenset({"lex_title", "lex_degree"})
"""The flags of a line that names a position: a job title's head word ("Engineer",
"Paralegal") or a degree ("Bachelor of Arts")."""
MAX_HEADER_LINES = 5
"""An entry header longer than this is more likely a list than one entry's header."""
_MAX_PERIOD_WORDS = 6


@dataclass(frozen=True, slots=True)
class Entry:
    """One job, degree, project or publication: header lines, then body lines."""

    header: tuple[Line, ...]
    body: tuple[Line, ...]
    columns: Line | None = None
    """For a row of a markdown table, the table's header row (its column names)."""

    @property
    def start(self) -> int:
        return self.header[0].start

    @property
    def end(self) -> int:
        return (self.body or self.header)[-1].end


@dataclass(slots=True)
class EntryDraft:
    header: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    columns: Line | None = None

    def has_date(self) -> bool:
        return any(
            is_date_line(line.content) or has_closing_period(line.content) for line in self.header
        )

    def dated_after_title(self) -> bool:
        """The header opens with a non-date line and states its period further down."""
        first, rest = self.header[0], self.header[1:]
        return not is_date_line(first.content) and any(
            is_date_line(ln.content) or BARE_YEAR.match(ln.content) for ln in rest
        )

    def closed_by_titled_period(self) -> bool:
        """The header's last line names the position (a title or a degree) and closes it with
        its period, under lines naming the employer or school ("Tarnfield Radio, Inc., Cary, NC" /
        "Senior Engineer - June 2016 to Present"): the period ended this header, so the next
        line names the next one. A place beside the period ("Milltown, SD | 2015 - Present")
        names no position: the title may still follow it."""
        if len(self.header) < 2 or self.body or is_date_line(self.header[0].content):
            return False
        last = self.header[-1].content
        return (
            is_date_line(last)
            and not _NAMING_HITS.isdisjoint(lexicon_hits(last))
            and not any(is_date_line(line.content) for line in self.header[:-1])
        )

    def header_is_period_alone(self) -> bool:
        """The entry so far is one line that is only its period ("08/20 -- Present"): an
        entry led by its dates, whose next lines name it."""
        if self.body or len(self.header) != 1:
            return False
        content = self.header[0].content
        return is_period_alone(content) or (
            is_date_line(content) and len(content.split()) <= _MAX_PERIOD_WORDS
        )

    def has_parenthesized_year(self) -> bool:
        return any(YEAR_IN_PARENTHESES_AT_END.search(line.content) for line in self.header)

    def has_year_field(self) -> bool:
        return any(YEAR_FIELD_AT_END.search(line.content) for line in self.header)

    def freeze(self) -> Entry:
        return Entry(tuple(self.header), tuple(self.body), self.columns)
