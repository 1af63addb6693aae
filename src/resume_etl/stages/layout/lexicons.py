"""Hits of the project's own lexicons on a line, as flags for the line-role model: which lexicon
has a form among the line's words (degrees, job-title heads, organization keywords, employment
types), never the word itself."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from resume_etl.config import BUILTIN_PREFIX, resolve_data_path
from resume_etl.wordlists import load_lexicon

LEXICON_FILES = {
    "degree": "degrees.jsonl",
    "title": "title_heads.jsonl",
    "org": "org_keywords.jsonl",
    "emp": "employment_types.jsonl",
}
"""The project's lexicons whose hits are line features (a hit is a flag, never the word)."""

_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _lexicon_index() -> dict[str, list[tuple[tuple[str, ...], bool, str]]]:
    """The lexicons' forms by their first word (case-folded): each form as its words, whether
    it must match in exact case, and the lexicon it comes from."""
    index: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}
    for name, file_name in LEXICON_FILES.items():
        for entry in load_lexicon(resolve_data_path(BUILTIN_PREFIX + file_name, Path())):
            for form in entry.forms:
                words = tuple(_WORD.findall(form))
                if not words or len(words) > _MAX_FORM_WORDS:
                    continue
                if not entry.case_sensitive:
                    words = tuple(word.lower() for word in words)
                index.setdefault(words[0].lower(), []).append((words, entry.case_sensitive, name))
    return index


_MAX_FORM_WORDS = 5


def lexicon_hits(text: str, lowered_text: str | None = None) -> list[str]:
    """Which lexicons have a form among the line's words (a flag per lexicon)."""
    lowered = _WORD.findall(text.lower() if lowered_text is None else lowered_text)
    index = _lexicon_index()
    if index.keys().isdisjoint(lowered):
        return []
    words = _WORD.findall(text)
    if len(words) != len(lowered):  # a letter whose lower case is two ("İ")
        lowered = [word.lower() for word in words]
    found: set[str] = set()
    for start, first in enumerate(lowered):
        for form, exact, name in index.get(first, ()):
            end = start + len(form)
            if name not in found and tuple((words if exact else lowered)[start:end]) == form:
                found.add(name)
    return [f"lex_{name}" for name in LEXICON_FILES if name in found]
