"""What the line-role model reads of each line, and which of its guesses the segmenter may use."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from resume_etl.nlp.line_roles import LineRole
from resume_etl.stages.layout import LineShape, RoleGuess
from resume_etl.stages.layout.features import document_width
from resume_etl.stages.segment.lines import Line
from resume_etl.vocab import SectionKind

_MIN_REPEATED_CHARS = 4


def repeated_lines(lines: list[Line]) -> set[str]:
    """The texts of lines printed more than once in the document (running heads, footers)."""
    seen: set[str] = set()
    repeated: set[str] = set()
    for line in lines:
        text = line.content.strip()
        if len(text) >= _MIN_REPEATED_CHARS:
            (repeated if text in seen else seen).add(text)
    return repeated


def may_use(guess: RoleGuess, line: Line, repeated: set[str], first_line: str) -> bool:
    """Whether the segmenter may act on the model's guess for ``line``. Page furniture is
    dropped, so the model's word alone is not enough: the line must repeat in the document
    (a running head or foot), carry a page number, or repeat the first line (a running head
    with the name: "Mira Quell – Curriculum Vitae"); else the rules read it."""
    if guess.role is not LineRole.FURNITURE:
        return True
    text = line.content.strip()
    return (
        text in repeated
        or _PAGE_MARK.search(text) is not None
        or (len(first_line) >= _MIN_REPEATED_CHARS and first_line in text)
    )


_PAGE_MARK = re.compile(
    r"(?i)\bpage\s+\d{1,3}\b|^\W{0,3}\d{1,3}\W{0,3}$|\b\d{1,3}\s*/\s*\d{1,3}\s*$"
)


def with_wraps(
    shapes: Sequence[LineShape], guesses: Sequence[RoleGuess | None]
) -> list[RoleGuess | None]:
    """The guesses, each continuation marked ``after_wrap`` when the line printed before it
    (lines read as page furniture skipped: a wrap across a page break) was filled to the
    text's margin, so that this line's first word could not have fitted on it."""
    width = document_width(shapes)
    out = list(guesses)
    previous: str | None = None
    for index, (shape, guess) in enumerate(zip(shapes, guesses, strict=True)):
        if guess is not None and guess.role is LineRole.FURNITURE:
            continue
        text = shape.raw.strip()
        if guess is not None and guess.role is LineRole.CONTINUATION and previous is not None:
            first_word = len(text.split(maxsplit=1)[0]) if text else 0
            if len(previous) + 1 + first_word > width and "   " not in previous.strip():
                out[index] = replace(guess, after_wrap=True)
        previous = shape.raw.rstrip()
    return out


def line_shapes(
    text: str, groups: list[tuple[SectionKind, Line | None, list[Line]]]
) -> tuple[list[Line], list[LineShape]]:
    """The document's lines in order with what the line-role model reads of each: the whole
    printed line (its indentation too), the section it sits in, whether it is a heading."""
    lines: list[Line] = []
    shapes: list[LineShape] = []
    for kind, heading, body in groups:
        for line in [heading] if heading is not None else []:
            lines.append(line)
            shapes.append(_shape(text, line, kind, True))
        for line in body:
            lines.append(line)
            shapes.append(_shape(text, line, kind, False))
    return lines, shapes


def _shape(text: str, line: Line, kind: SectionKind, is_heading: bool) -> LineShape:
    begin = text.rfind("\n", 0, line.start) + 1
    return LineShape(text[begin : line.end], line.blank_before, kind.value, is_heading)
