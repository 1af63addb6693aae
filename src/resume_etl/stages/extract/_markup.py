"""Markup in a header line read as no text: ``**bold**``, ``_emphasis_``, ``[link](url)``, tags.

A markdown résumé writes its job headers with markup ("**Role** for [Company](url) • _City_").
Blanking the markup with spaces would open wide gaps the header splitter reads as field
separators, and the link's target is no part of any name. So the splitter reads a *plain view*
of the line: the markup characters left out, every character of the view still pointing at its
offset in the document, so pieces and values keep indexing the original text.

Markup also says where a field ends: "**Senior Engineer** for [Name](url)" closes the title
before the joint word, so the joint ("for", "at", "with") right after closed markup parts the
title from its employer, whatever the case of the name after it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from resume_etl.wordlists import grammar_alternation

_LINK = re.compile(r"(?<!!)\[(?=[^\]\n]{1,160}\]\([^)\s]*\))[^\]\n]{1,160}(\]\([^)\s]*\))")
_STRONG = re.compile(r"(?<![\w*])(\*\*|__)(?=[^\s*_])[^\n]{0,160}?(?<=[^\s*_])\1(?![\w*])")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])[^*_\n]{0,160}?(?<=[^\s*_])\1(?![\w*])")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,9}(?:\s[^<>\n]{0,80})?/?>")
_JOINT = re.compile(r"\s+(?:at|for|with)\s+")
"""The words that part a title closed by markup from its employer."""
_LINK_JOINT = re.compile(
    rf"\s+(?:{grammar_alternation('link_joint')})(?:\s+the)?(?:\s+\([^()\n]{{1,12}}\))?\s*$", re.I
)
"""A joint word before a link opens: "Consultant to the [Name](url)", "Engineer at [Name](url)"
(a bracketed aside, "to the (U.S.) [Name]", may stand between): the link names the employer."""
_CUT = re.compile(rf"\s*,\s+|{_JOINT.pattern}")
"""Where closed markup ends a field: a joint word, or a comma ("<b>Role</b>, Name")."""


def markup_marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of ``text[start:end]`` that are markup, not text: emphasis delimiters,
    a link's brackets and target, HTML tags. Only paired delimiters count, so an underscore
    inside a word ("first_last") or a lone asterisk stays text."""
    marks: list[tuple[int, int]] = []
    for link in _LINK.finditer(text, start, end):
        marks += [(link.start(), link.start() + 1), link.span(1)]
    for pattern in (_STRONG, _EMPHASIS):
        for match in pattern.finditer(text, start, end):
            width = len(match.group(1))
            marks += [(match.start(), match.start() + width), (match.end() - width, match.end())]
    marks += [match.span() for match in _TAG.finditer(text, start, end)]
    return _merged(marks)


def _merged(marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for mark_start, mark_end in sorted(marks):
        if merged and mark_start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], mark_end))
        else:
            merged.append((mark_start, mark_end))
    return merged


@dataclass(frozen=True, slots=True)
class PlainView:
    """A stretch of the document with its markup left out; ``offsets[i]`` is where the view's
    character ``i`` stands in the document."""

    text: str
    offsets: tuple[int, ...]
    joints: tuple[tuple[int, int], ...]
    """Joint words after closed markup, in view offsets: cuts the separators do not make."""
    emphases: tuple[tuple[int, int], ...] = ()
    """The document's stretches of emphasis (``**...**``, ``_..._``), delimiters included."""

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The document's offsets of the view's ``[start, end)`` (``end > start``)."""
        return self.offsets[start], self.offsets[end - 1] + 1

    def seams(self) -> list[tuple[int, int]]:
        """Where markup was left out between two kept characters, as empty cuts: markup opens
        or closes a field there ("**Role** (Name)", "**Degree** Name"), and a piece across
        it would hold the markup in the document's text it points at."""
        return [
            (index, index)
            for index in range(1, len(self.offsets))
            if self.offsets[index] != self.offsets[index - 1] + 1
        ]

    def enclosing(self, start: int, end: int) -> bool:
        """Whether the view's ``[start, end)`` lies inside one stretch of emphasis."""
        first, last = self.offsets[start], self.offsets[end - 1]
        return any(lead < first and last < tail for lead, tail in self.emphases)


def plain_view(text: str, start: int, end: int) -> PlainView | None:
    """The plain view of ``text[start:end]``, or None when it holds no markup."""
    marks = markup_marks(text, start, end)
    if not marks:
        return None
    kept = [True] * (end - start)
    for mark_start, mark_end in marks:
        for offset in range(mark_start, mark_end):
            kept[offset - start] = False
    offsets = tuple(start + index for index, keep in enumerate(kept) if keep)
    joints = []
    for mark_start, mark_end in marks:
        joint = _CUT.match(text, mark_end, end)
        if joint is not None and _closes(text[mark_start:mark_end], joint.group()):
            joints.append((_view_index(offsets, mark_end), _view_index(offsets, joint.end())))
    for link in _LINK.finditer(text, start, end):
        if before := _LINK_JOINT.search(text, start, link.start()):
            opened = _view_index(offsets, link.start())
            joints.append((_view_index(offsets, before.start()), opened))
    emphases = tuple(
        match.span()
        for pattern in (_STRONG, _EMPHASIS)
        for match in pattern.finditer(text, start, end)
    )
    view_text = "".join(text[offset] for offset in offsets)
    return PlainView(view_text, offsets, tuple(joints), emphases)


def _view_index(offsets: tuple[int, ...], offset: int) -> int:
    """The view's index of the first kept character at or after the document's ``offset``."""
    return bisect.bisect_left(offsets, offset)


def _closes(mark: str, joint: str) -> bool:
    """Whether ``mark`` closes a field before ``joint``: a comma may follow any closing mark
    (emphasis, a tag, a link: "[Name](url), Role"); a joint word only closed emphasis or a
    tag, a title's end ("**Role** for ..."), not a link ("[Name](url) at ...")."""
    if mark.endswith("[") or (mark.startswith("<") and not mark.startswith("</")):
        return False
    return joint.strip() == "," or not mark.endswith(")")


def after_joint(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends in a joint word right after closed markup: what follows
    it is the employer ("**Role** for [Name]")."""
    if text[end - 1 : end] == "[" and _LINK_JOINT.search(text, start, end - 1):
        return True
    for mark_start, mark_end in markup_marks(text, start, end):
        joint = _JOINT.match(text, mark_end, end)
        if joint is None or not _closes(text[mark_start:mark_end], joint.group()):
            continue
        rest = text[joint.end() : end]
        if not rest.strip("*_[ <>"):
            return True
    return False
