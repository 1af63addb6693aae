"""The YAML front matter of a markdown CV: text in, one character range per key out.

Static-site and pandoc CV templates (Jekyll, Hugo, R Markdown, pandoc's resume templates) open
the file with a block fenced by ``---`` lines that states the author as data (``author:``,
``name:``, often ``title:`` holding the name itself), before any line the header reader would
take for a name. Only flat ``key: value`` lines are read: a nested value or a list says nothing
about who the author is, and no YAML parser is needed to find a scalar's range in the text.
"""

from __future__ import annotations

import re

_OPENING = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
_SCALAR = re.compile(r"^(?P<key>[A-Za-z][\w-]*)[ \t]*:[ \t]+(?P<value>\S.*?)[ \t]*\r?$", re.M)
MAX_FRONT_MATTER_CHARS = 4000
"""A fence not closed this far into the text is a rule line, not front matter."""
_QUOTES = ("'", '"')


def front_matter(text: str) -> dict[str, tuple[int, int]]:
    """Each flat key of the front matter (lower case) and its value's range in ``text``, quotes
    left out; empty when the text opens without a closed ``---`` fence."""
    opening = _OPENING.match(text)
    if opening is None:
        return {}
    closing = _CLOSING.search(text, opening.end(), opening.end() + MAX_FRONT_MATTER_CHARS)
    if closing is None:
        return {}
    values: dict[str, tuple[int, int]] = {}
    for scalar in _SCALAR.finditer(text, opening.end(), closing.start()):
        start, end = scalar.span("value")
        if end - start >= 2 and text[start] in _QUOTES and text[end - 1] == text[start]:
            start, end = start + 1, end - 1
        values.setdefault(scalar.group("key").lower(), (start, end))
    return values
