"""Indentation measured from a section's left margin, for the line-role features.

A text pasted from a PDF indents every line by a space, a website its whole body, a Word
export its sections by a tab: what tells a job's header from its description is the step from
the margin, not the count of spaces. Features version 4 reads that step; version 3 read the
count, and took every line of a text indented by one space for a paragraph's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class _Placed(Protocol):
    @property
    def section(self) -> str: ...

    @property
    def is_heading(self) -> bool: ...


def indents_from_margin(
    shapes: Sequence[_Placed], indents: Sequence[tuple[int, bool]]
) -> list[int]:
    """Each line's indentation (``indents``: its count of leading spaces, and whether it opens
    with a bullet) less its section's margin: the least indentation of the section's lines
    below its heading, bullets aside (ingest moves a bullet's mark to the line's start)."""
    if not shapes:
        return []
    out: list[int] = []
    starts = _section_starts(shapes)
    for start, end in zip(starts, [*starts[1:], len(shapes)], strict=True):
        lines = range(start, end)
        body = [indents[i][0] for i in lines if not (shapes[i].is_heading or indents[i][1])]
        margin = min(body, default=min((indents[i][0] for i in lines), default=0))
        out += [max(indents[i][0] - margin, 0) for i in lines]
    return out


def _section_starts(shapes: Sequence[_Placed]) -> list[int]:
    """Where each run of lines of one section begins: the first line, each heading, and each
    change of section kind."""
    starts = [0]
    for index in range(1, len(shapes)):
        shape = shapes[index]
        if shape.is_heading or shape.section != shapes[index - 1].section:
            starts.append(index)
    return starts
