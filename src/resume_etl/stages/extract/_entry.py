"""What every entry candidate shares: its dates, its body, and the ids it is built with."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NotRequired, TypedDict

from resume_etl.dates import DateRangeMatch, range_words
from resume_etl.nlp import labels
from resume_etl.stages.extract._spans import SpanIndex
from resume_etl.stages.segment import Entry, LineKind


def entry_dates(entry: Entry, spans: SpanIndex) -> DateRangeMatch | None:
    """The entry's period: the first range in its header, else its first lone date.

    The whole header is searched, not line by line, so a range wrapped over two header lines
    ("Jan 2020 -" / "Mar 2021") is found.
    """
    header_start, header_end = entry.header[0].content_start, entry.header[-1].end
    found: list[DateRangeMatch] = [
        span._.get(labels.DATE_RANGE_ATTR)
        for span in spans.within(labels.DATES, header_start, header_end)
    ]
    ranges = [m for m in found if m.end is not None or m.is_current]
    if not ranges and len(found) == 2:
        return _joined_pair(found[0], found[1], spans.text) or found[0]
    return next(iter(ranges or found), None)


_JOINERS = range_words("common") + range_words(category="range_to_other_language")
_PAIR_JOINER = re.compile(rf"(?i)^\W*(?:{'|'.join(_JOINERS)})?\W*$")


def _joined_pair(first: DateRangeMatch, second: DateRangeMatch, text: str) -> DateRangeMatch | None:
    """ "From: Jan 2015   To: Feb 2018": two lone dates a "to" joins on one line are a range."""
    between = text[first.end_char : second.start_char]
    if "\n" in between or not _PAIR_JOINER.match(between):
        return None
    if first.start is None or second.start is None or second.start.value < first.start.value:
        return None
    return DateRangeMatch(
        start=first.start,
        end=second.start,
        is_current=False,
        start_char=first.start_char,
        end_char=second.end_char,
        text=text[first.start_char : second.end_char],
    )


def _body_parts(entry: Entry) -> tuple[str | None, tuple[str, ...]]:
    """The description (prose lines joined) and the bullets; a wrapped line the segmenter
    marked as continuing joins the paragraph or bullet it continues."""
    items: list[tuple[bool, list[str]]] = []
    for line in entry.body:
        if line.continues and items:
            items[-1][1].append(line.content.strip())
        else:
            items.append((line.kind is LineKind.BULLET, [line.content.strip()]))
    prose = [" ".join(parts) for bullet, parts in items if not bullet]
    bullets = tuple(" ".join(parts) for bullet, parts in items if bullet)
    return (" ".join(prose) or None), bullets


def date_masks(
    dates: DateRangeMatch | None, entry: Entry, spans: SpanIndex
) -> list[tuple[int, int]]:
    masks = [
        (m.start_char, m.end_char)
        for m in (spans.within(labels.DATES, entry.start, entry.header[-1].end))
    ]
    if dates is not None:
        masks.append((dates.start_char, dates.end_char))
    # "3 yrs 2 mos" after a LinkedIn date range says how long, not who or where.
    text = spans.text
    for line in entry.header:
        masks.extend(m.span() for m in _DURATION.finditer(text, line.content_start, line.end))
    qualifiers = [_qualifier_before(text, mask) for mask in masks]
    qualifiers += [_qualifier_after(text, mask) for mask in masks]
    return masks + [qualifier for qualifier in qualifiers if qualifier is not None]


_DATE_QUALIFIER = re.compile(
    r"(?i)\b(?:expected|anticipated|graduated|graduating|graduation(?:\s+date)?|completed|"
    r"since|from|seit|depuis|desde)\s*[:\-–]?\s*$"
)
"""A word that says what a date is ("Expected July 2014"): part of the date, never a name."""
_QUALIFIER_REACH = 24


def _qualifier_before(text: str, mask: tuple[int, int]) -> tuple[int, int] | None:
    line_start = text.rfind("\n", 0, mask[0]) + 1
    reach = max(line_start, mask[0] - _QUALIFIER_REACH)
    found = _DATE_QUALIFIER.search(text, reach, mask[0])
    return (found.start(), mask[0]) if found else None


_QUALIFIER_AFTER = re.compile(
    r"(?i)[ \t]*\((?:expected|anticipated|ongoing|in progress|current|planned)\)"
)
"""A bracketed word after a date that says what it is ("2015-2021 (expected)")."""


def _qualifier_after(text: str, mask: tuple[int, int]) -> tuple[int, int] | None:
    found = _QUALIFIER_AFTER.match(text, mask[1])
    return (mask[1], found.end()) if found else None


_DURATION = re.compile(
    r"(?i)\b\d{1,2}\s*(?:yrs?|years?)(?:\s+\d{1,2}\s*(?:mos?|months?))?\b|\b\d{1,2}\s*(?:mos?|months?)\b"
)


class EntryFields(TypedDict):
    """The draft fields every entry shares but ``dates``, so builders pass ``**ctx.base()``."""

    entry_id: str
    section_id: str
    position: int
    span: tuple[int, int]
    description: str | None
    bullets: NotRequired[tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class EntryContext:
    """What building any entry needs: ids, the spans, and the entry's body."""

    entry_id: str
    section_id: str
    position: int
    entry: Entry
    spans: SpanIndex

    def base(self, with_bullets: bool = True) -> EntryFields:
        """The fields every entry's draft shares, read from the entry's lines; ``with_bullets``
        False for a table without a bullets column (education: its bullets are not kept)."""
        description, bullets = _body_parts(self.entry)
        fields: EntryFields = {
            "entry_id": self.entry_id,
            "section_id": self.section_id,
            "position": self.position,
            "span": (self.entry.start, self.entry.end),
            "description": description,
        }
        if with_bullets:
            fields["bullets"] = bullets
        return fields
