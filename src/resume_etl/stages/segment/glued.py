"""Headings glued to the line after them in text whose line breaks were restored.

Text pulled as one line lost its breaks as runs of spaces, and reflow puts a break back into
each run; but some breaks collapsed into a single space, which reads as a word gap: the
heading then opens the line of the first entry ("Work Experience Northvale State University",
"Experience Lakemont Game Studio March 2009- Present"). A line after a blank line
that opens with a jobs or schools heading phrase in capitals, followed by a capitalised text of
its own and a date within the next lines, is cut in two. Only restored texts are read so: in
a printed text a line is a line.
"""

from __future__ import annotations

from resume_etl.stages.segment.lines import Line, LineKind, classify_line
from resume_etl.stages.segment.periods import is_date_line
from resume_etl.stages.segment.sections import SectionClassifier
from resume_etl.vocab import SectionKind

GLUED_KINDS = frozenset({SectionKind.EXPERIENCE, SectionKind.EDUCATION})
"""Sections whose heading is cut off the line it opens: a heading of another kind glued to a
sentence ("Summary The app provides ...") is as often the first words of the sentence."""
_MAX_HEADING_WORDS = 3
_DATE_REACH = 4
"""The glued line and the three after it: where an entry's header states its period."""
_MIN_REST_WORDS = 2


def split_glued_headings(lines: list[Line], classifier: SectionClassifier) -> list[Line]:
    """``lines`` with each heading glued to the line it opens on a line of its own."""
    split: list[Line] = []
    for index, line in enumerate(lines):
        dated = any(is_date_line(near.content) for near in lines[index : index + _DATE_REACH])
        split.extend((_unglued(line, classifier) if dated else None) or [line])
    return split


def _unglued(line: Line, classifier: SectionClassifier) -> list[Line] | None:
    """The heading and the rest of ``line``, or None. The rest opens an entry, so a date is
    near (the caller checks); a label ("Career Objective: To pursue ...") is no entry."""
    if line.kind is not LineKind.TEXT or not line.blank_before:
        return None
    if classifier.plain_heading_kind(line, is_first_line=False) is not None:
        return None
    words = line.content.split(" ")
    for count in range(min(_MAX_HEADING_WORDS, len(words) - _MIN_REST_WORDS), 0, -1):
        heading, rest = " ".join(words[:count]), " ".join(words[count:])
        if not _shaped_as_heading(heading) or not rest[:1].isupper() or ":" in words[count]:
            continue
        if classifier.classify(heading, max_extra_words=0) in GLUED_KINDS:
            return _cut(line, len(heading) + 1)
    return None


def _shaped_as_heading(text: str) -> bool:
    """Every word capitalised, no label colon or other punctuation but a slash or "&"."""
    return all(word[:1].isupper() or word == "&" for word in text.split()) and all(
        char.isalpha() or char in " /&" for char in text
    )


def _cut(line: Line, rest_offset: int) -> list[Line]:
    cut = line.content_start + rest_offset
    heading_end = cut - 1
    heading = Line(
        line.start,
        heading_end,
        line.text[: heading_end - line.start],
        LineKind.TEXT,
        line.content_start,
        blank_before=True,
    )
    rest = classify_line(line.text[cut - line.start :], cut, line.end, blank_before=False)
    return [heading, rest]
