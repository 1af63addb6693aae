"""Markup the line features read through: what sets a date off in markdown or HTML.

Real markdown CVs set their periods in emphasis ("_2015-2017_", "*Jan 2019 – Present*",
"(_2018-Present_)", "**2019**"), in inline HTML ("<em>2019</em>") or after a list or
definition marker ("* **2019** …", pandoc's ":   2019"). The date reader of the rules sees
through all of these (``dates``); the line-role model's date features read the line bare of
them, so such a line states the same period, at the same place, as the plain "2015-2017".
"""

from __future__ import annotations

import re

_LEAD_MARK = re.compile(r"^(?:(?:[-*+•▪◦●■–·>:]|\d{1,2}[.)])\s+)+")
"""A list item's, a quote's or a definition's marker ("- ", "1. ", "> ", pandoc's ":   ")."""
_LEAD_FIRST = frozenset("-*+•▪◦●■–·>:0123456789")
"""The characters such a marker starts with: a line starting otherwise has none."""
_MARKUP = re.compile(r"<[^<>]{1,40}>|(?<!\w)[*_`]+|[*_`]+(?!\w)")
"""Inline HTML tags, and emphasis or code marks at a word's edge; a mark inside a word
("snake_case", "2019_v2") is kept."""
_INLINE = frozenset("*_`<")
"""Characters every inline mark holds: a line without any has no inline markup."""


def without_marker(text: str) -> str:
    """``text`` (left-stripped) without its list, quote or definition marker, if it has one."""
    if text[:1] not in _LEAD_FIRST:
        return text
    return _LEAD_MARK.sub("", text, count=1)


def bare_of_markup(text: str) -> str:
    """``text`` (left-stripped) without its leading marker, inline HTML tags and emphasis
    marks. A line with none of them comes back as it is, at the cost of two set tests."""
    text = without_marker(text)
    if _INLINE.isdisjoint(text):
        return text
    return _MARKUP.sub("", text)
