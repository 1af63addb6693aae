"""Shaping rendered text the way documents shape it: hard wraps, right-aligned dates, pages."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Sequence


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


def join_lines(lines: Iterable[str]) -> str:
    """The document text: lines joined, runs of blank lines kept to one, one final newline."""
    out: list[str] = []
    for line in lines:
        stripped = line.rstrip()
        if stripped or (out and out[-1]):
            out.append(stripped)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"
