"""Which line a hard-wrapped line goes on with: a page or a form cut a paragraph or a list item
at its width, and the next line is its rest, not a new entry's header (half the experience
rows of job-board résumés have no date to part them)."""

from __future__ import annotations

from resume_etl.stages.segment.drafts import EntryDraft
from resume_etl.stages.segment.lines import Line, LineKind, is_continuation, names_only
from resume_etl.stages.segment.periods import has_date_field, is_date_line

_MIN_WIDTH_LINES = 8
_WIDTH_RANK = 0.9
_FULL_SHARE = 0.9


def full_width(lines: list[Line]) -> int | None:
    """How long the section's full lines are (the nine-tenths rank of its line lengths): the
    width a paragraph wraps at. None for a section too short to tell."""
    lengths = sorted(len(line.content.strip()) for line in lines)
    if len(lengths) < _MIN_WIDTH_LINES:
        return None
    return lengths[int(_WIDTH_RANK * (len(lengths) - 1))]


def wrapped_into(
    current: EntryDraft | None, line: Line, previous: Line | None, width: int | None
) -> list[Line] | None:
    """The part of the open entry a hard-wrapped ``line`` goes on: a line in lower case after
    an unfinished one, or the next line of a full-width line of its body."""
    if current is None:
        return None
    if is_continuation(line, previous):
        return current.body or current.header
    if current.body and _wraps_on(current.body[-1], line, width):
        return current.body
    return None


def _wraps_on(previous: Line, line: Line, width: int | None) -> bool:
    """``line`` goes on with the paragraph or item ``previous`` ends: ``previous`` runs the
    full width without closing its sentence, so the page wrapped it there ("...reporting to
    the" / "Finance Director on cash, ..."). A paragraph's last line stops short of the
    width, and a line of names is a job's header even after a full one."""
    if width is None or line.blank_before or previous.kind not in (LineKind.TEXT, LineKind.BULLET):
        return False
    if line.kind is not LineKind.TEXT or is_date_line(line.content) or has_date_field(line.content):
        return False
    if names_only(line):  # "Marlow Ridge School, Dayton, OH": a header, not a sentence
        return False
    text = previous.content.strip()
    return len(text) >= _FULL_SHARE * width and text[-1:].isalnum()
