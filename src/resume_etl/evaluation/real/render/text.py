"""Shaping rendered text the way documents shape it: hard wraps, right-aligned dates, pages.

A printed line may carry its :class:`LineRole` (a :class:`RoleLine`, still a ``str``), so a
rendering can hand its weak labels to the line-role model's training along with its text
(:func:`tagged_lines`); a line printed without one is ``other``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Sequence

from resume_etl.nlp.line_roles import LineRole


class RoleLine(str):
    """A printed line that knows what it is; it prints exactly as the plain string."""

    role: LineRole

    def __new__(cls, text: str, role: LineRole) -> RoleLine:
        line = super().__new__(cls, text)
        line.role = role
        return line


def role_of(line: str) -> LineRole:
    """The role a line was printed with (``other`` when it was printed without one)."""
    return line.role if isinstance(line, RoleLine) else LineRole.OTHER


def tag(role: LineRole, lines: Iterable[str]) -> list[str]:
    """``lines`` as one item of ``role``: the first line has it, the rest continue it."""
    return [
        RoleLine(line, role if index == 0 else LineRole.CONTINUATION)
        for index, line in enumerate(lines)
    ]


def tag_each(role: LineRole, lines: Iterable[str]) -> list[str]:
    """Every line of ``lines`` with ``role`` (a list of one-line items)."""
    return [RoleLine(line, role) for line in lines]


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """``text`` hard-wrapped at ``width`` columns, words never split, as a PDF's lines are."""
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]


def right_aligned(left: str, right: str, width: int) -> str:
    """``left`` and ``right`` on one line, ``right`` flush with column ``width`` when it fits."""
    if not right:
        return left
    gap = width - len(left) - len(right)
    return f"{left}{' ' * max(gap, 3)}{right}"


def paginate(
    lines: Sequence[str],
    page_lines: int,
    header: Callable[[int, int], Iterable[str]],
    footer: Callable[[int, int], Iterable[str]],
) -> list[str]:
    """``lines`` cut into pages of ``page_lines``, each wrapped in its header and footer lines.

    ``header``/``footer`` get (page number, page count); a header that yields nothing leaves
    the page top bare, as a first page usually is.
    """
    pages = [list(lines[i : i + page_lines]) for i in range(0, len(lines), page_lines)] or [[]]
    out: list[str] = []
    for number, page in enumerate(pages, start=1):
        out.extend(header(number, len(pages)))
        out.extend(page)
        out.extend(footer(number, len(pages)))
    return out


def tagged_lines(lines: Iterable[str]) -> list[tuple[str, LineRole]]:
    """The document's lines with their roles, as :func:`join_lines` prints them."""
    out: list[tuple[str, LineRole]] = []
    for line in lines:
        stripped = line.rstrip()
        if stripped or (out and out[-1][0]):
            out.append((stripped, role_of(line)))
    while out and not out[-1][0]:
        out.pop()
    return out


def join_lines(lines: Iterable[str]) -> str:
    """The document text: lines joined, runs of blank lines kept to one, one final newline."""
    return "\n".join(text for text, _role in tagged_lines(lines)) + "\n"


def entry_lines(*parts: tuple[str | None, LineRole]) -> list[str]:
    """An entry's header lines, each with its role; the first non-empty one opens the entry
    (``entry_start``) whatever it holds. A part that is None is left out, an empty one prints
    as a blank line (as the layout always printed it)."""
    lines = [RoleLine(text, role) for text, role in parts if text is not None]
    first = next((index for index, line in enumerate(lines) if line), None)
    if first is not None:
        lines[first] = RoleLine(lines[first], LineRole.ENTRY_START)
    return list(lines)
