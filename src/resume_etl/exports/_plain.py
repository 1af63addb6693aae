"""A document's text as a reader sees it: markdown's marks removed, for search snippets.

``documents.text`` keeps the file's markdown (``## Experience``, ``**Python**``,
``[site](https://…)``, table pipes) because every span points into it; a snippet shows words.
"""

from __future__ import annotations

import re

_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.MULTILINE)
_QUOTE = re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE)
_TABLE_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|?)+[ \t]*$", re.MULTILINE)
_EMPHASIS = re.compile(r"(\*\*|__|`+)(?=\S)(.+?)(?<=\S)\1")
_SINGLE_STAR = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_PIPE = re.compile(r"[ \t]*\|[ \t]*")
_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE)
_SPACES = re.compile(r"[ \t]{2,}")


def plain_text(text: str) -> str:
    """``text`` without markdown marks: links keep their words, emphasis its text, table cells
    are separated by ' · ', headings and quotes lose their leading marks."""
    text = _LINK.sub(r"\1", text)
    text = _TABLE_RULE.sub("", text)
    text = _RULE.sub("", text)
    text = _HEADING.sub("", text)
    text = _QUOTE.sub("", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _SINGLE_STAR.sub(r"\1", text)
    lines = [
        _table_row(line) if line.lstrip().startswith("|") else line for line in text.split("\n")
    ]
    return _SPACES.sub(" ", "\n".join(lines))


def _table_row(line: str) -> str:
    cells = [cell for cell in _PIPE.split(line.strip()) if cell]
    return " · ".join(cells)
