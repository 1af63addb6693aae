"""Sections whose entries open with a marked line: a name in bold, or a period in a code span.

Markdown joins the lines of a paragraph, so authors set each field of a job's header in a
paragraph of its own: "**Northwind Bank**", a blank line, "Jan 2019 - Present", a blank
line, "Data Scientist", then the bullets. Each of those short paragraphs reads as a header of
its own (a name, a period, a title after a blank line), and the bold name after the last
bullet reads as one more line of description. Where a section's entries open so, at least
twice (a bold name right after a description, or at the section's top), the bold names are
the entries' openers: a bold name after a description opens the next entry, and any other
line belongs to the open entry, its header until the description starts.

Other templates mark each entry's period instead, in a code span ("`2014 - 2016`", "`Current`"
over "__Firm__, City" and the bullets): such a period opens its entry the same way.
"""

from __future__ import annotations

import re

from resume_etl.stages.segment.drafts import MAX_HEADER_LINES, EntryDraft
from resume_etl.stages.segment.lines import Line, LineKind, is_definition, is_prose
from resume_etl.stages.segment.periods import ONGOING, has_date_field, is_date_line

_BOLD_LEAD = re.compile(r"(\*\*|__)(?=\S)([^*_\n]{1,100}?)(?<=\S)\1(?!\s*:)")
"""A line that opens with a name in strong emphasis, not a label ("**Tools:**", "**Note**:")."""
_MIN_OPENERS = 2
_ONGOING_ALONE = re.compile(rf"(?i)(?:{ONGOING})")


def _states_period(text: str) -> bool:
    return is_date_line(text) or has_date_field(text) or bool(_ONGOING_ALONE.fullmatch(text))


def is_bold_led(line: Line) -> bool:
    """A plain text line (no list item, no definition) that opens with a bold name."""
    if line.kind is not LineKind.TEXT or is_definition(line) or line.term:
        return False
    found = _BOLD_LEAD.match(line.content.strip())
    return found is not None and not found.group(2).endswith(":")


_CODE_SPAN = re.compile(r"`[^`\n]{1,40}`")


def _is_coded_period(line: Line) -> bool:
    """A plain text line that is only a period in a code span ("`2014 - 2016`", "`Current`")."""
    content = line.content.strip()
    return (
        line.kind is LineKind.TEXT
        and not is_definition(line)
        and _CODE_SPAN.fullmatch(content) is not None
        and _states_period(content.strip("` "))
    )


def opens_marked(line: Line) -> bool:
    """A line in an opener's markup: a bold name, or a period in a code span."""
    return is_bold_led(line) or _is_coded_period(line)


def leads_in_bold(lines: list[Line]) -> bool:
    """Whether the section's entries open with bold names: at least two such lines, each at
    the section's top or after a blank line that follows a list item or a sentence."""
    openers = 0
    previous: Line | None = None
    for line in lines:
        after_body = previous is None or previous.kind is LineKind.BULLET or is_prose(previous)
        if opens_marked(line) and line.blank_before and after_body:
            openers += 1
        previous = line
    return openers >= _MIN_OPENERS


def bold_led_step(line: Line, current: EntryDraft | None, drafts: list[EntryDraft]) -> bool:
    """Place ``line`` in a section that leads in bold; False when the other rules should (no
    entry open yet, or not a plain text line). A bold name after the open entry's
    description opens the next entry; another line joins the open entry's header until its
    description starts (a sentence, or a full header, starts it)."""
    if line.kind is not LineKind.TEXT or line.term:
        return False
    if current is None or (opens_marked(line) and line.blank_before and current.body):
        if current is None and not opens_marked(line):
            return False
        drafts.append(EntryDraft(header=[line]))
    elif current.body or is_prose(line) or len(current.header) >= MAX_HEADER_LINES:
        current.body.append(line)
    else:
        current.header.append(line)
    return True
