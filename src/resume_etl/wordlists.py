"""Word lists: the one typed loader of the JSONL files in ``nlp/data/`` (and users' lexicons).

It sits at the bottom layer, beside ``vocab``, so every layer reads words the same way: the
date parser its month names, the segmenter its date-line cues, the matcher components their
lexicons, the metric grammar its units.

Every shipped file (``nlp/data/*.jsonl``, documented in ``nlp/data/README.md``) has one JSON
object per line. Files differ in their key names, so one reader maps them to ``LexiconEntry``:
the label is the first of ``name``/``type``/``word``/``pattern``; its surface forms are the label
plus ``aliases``, ``patterns`` and ``plural``; its category the first of
``category``/``level``/``kind``/``status``; an optional ``value`` is what the forms stand for
(a metric unit, a number, a currency code).

The package's own word lists are read through ``builtin_lexicon`` (once per process),
``builtin_values`` and ``builtin_forms``; ``nlp/data/README.md`` says what each file holds, its
source and size. A data file whose lines are records of their own shape (the alphabets of the
decoder, the change words of the metric finder, the export's words) is read by ``read_rows``
with that record's parser: every JSONL file of the package is read, and its errors reported
(E102 with file and line), in one place.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from resume_etl.errors import ConfigError, ErrorCode
from resume_etl.hints import unreadable_lexicon_hint

_LABEL_KEYS = ("name", "type", "word", "pattern")
_FORM_KEYS = ("aliases", "patterns")
_CATEGORY_KEYS = ("category", "level", "kind", "status")
_BAD_ROW = (ValueError, TypeError, KeyError, LookupError, re.error)
"""What a row parser raises on a bad line (a pydantic ``ValidationError`` is a ``ValueError``)."""

Row = TypeVar("Row")


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    label: str
    forms: tuple[str, ...]
    case_sensitive: bool
    category: str | None
    value: str | None = None


def read_rows(path: Path, parse: Callable[[Any], Row]) -> tuple[Row, ...]:
    """Each non-blank line of a JSONL file, decoded and given to ``parse``.

    A file that cannot be read, or a line that is not JSON or that ``parse`` rejects (with a
    ``ValueError``, ``TypeError``, ``KeyError``, ``LookupError`` or ``re.error``), raises
    ``ConfigError`` E102 naming the file and the line's number."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise ConfigError(
            ErrorCode.E102_BAD_LEXICON,
            f"cannot read {path}: {error.strerror or error}",
            unreadable_lexicon_hint(path),
        ) from error
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rows.append(parse(json.loads(line)))
        except _BAD_ROW as error:
            raise ConfigError(ErrorCode.E102_BAD_LEXICON, f"{path}:{number}: {error}") from error
    return tuple(rows)


def load_lexicon(path: Path) -> tuple[LexiconEntry, ...]:
    """Read a lexicon file; a bad line raises ``ConfigError`` naming the file and line."""
    return read_rows(path, _entry)


def _entry(raw: object) -> LexiconEntry:
    if not isinstance(raw, dict):
        raise TypeError("each line must be a JSON object")
    label = next((raw[key] for key in _LABEL_KEYS if isinstance(raw.get(key), str)), None)
    if not label:
        raise KeyError(f"no label: one of {_LABEL_KEYS} must be a non-empty string")
    forms = [label]
    for key in _FORM_KEYS:
        forms.extend(str(form) for form in raw.get(key, []))
    if isinstance(raw.get("plural"), str):
        forms.append(raw["plural"])
    category = next((raw[key] for key in _CATEGORY_KEYS if isinstance(raw.get(key), str)), None)
    unique_forms = tuple(dict.fromkeys(form for form in forms if form.strip()))
    value = raw.get("value")
    if value is not None and not isinstance(value, str):
        raise TypeError("'value' must be a string")
    case_sensitive = bool(raw.get("case_sensitive", False))
    return LexiconEntry(label, unique_forms, case_sensitive, category, value)


def builtin_path(file_name: str) -> Path:
    """Where a word list shipped with the package (``nlp/data/``) is installed.

    Found from the package root, not ``resume_etl.nlp``: that would import (and register) the
    spaCy components, which themselves read word lists."""
    return Path(str(resources.files("resume_etl") / "nlp" / "data" / file_name))


@functools.cache
def builtin_lexicon(file_name: str) -> tuple[LexiconEntry, ...]:
    """A word list shipped with the package, read once per process."""
    return load_lexicon(builtin_path(file_name))


def builtin_values(file_name: str, category: str) -> dict[str, str]:
    """Form -> value for the entries of one category (forms lowercased unless case-sensitive)."""
    return {
        form if entry.case_sensitive else form.lower(): entry.value or entry.label
        for entry in builtin_lexicon(file_name)
        if entry.category == category
        for form in entry.forms
    }


def builtin_forms(file_name: str, category: str) -> frozenset[str]:
    """Every form of one category's entries (lowercased unless case-sensitive): a word set."""
    return frozenset(builtin_values(file_name, category))


def builtin_alternation(file_name: str, category: str) -> str:
    """A regex alternation of one category's forms, longest first, each escaped.

    For patterns built from the data at start-up: a form added to the file is a form the
    pattern matches, with nothing re-typed in code."""
    return alternation(builtin_forms(file_name, category))


GRAMMAR_WORDS_FILE = "grammar_words.jsonl"
"""The small grammar words rules' patterns are built from: prepositions, clause starts,
first-person words, abbreviations (``nlp/data/README.md`` says which rule reads each category)."""


def grammar_alternation(category: str) -> str:
    """A regex alternation of one category of ``grammar_words.jsonl`` (longest form first).

    Every pattern built from one follows the words with a boundary (``\\s``, ``\\b``, ``$``),
    so only one form can match in a place and the order of the forms does not matter."""
    return builtin_alternation(GRAMMAR_WORDS_FILE, category)


def grammar_forms(category: str) -> frozenset[str]:
    """The forms of one category of ``grammar_words.jsonl``, as a set."""
    return builtin_forms(GRAMMAR_WORDS_FILE, category)


def alternation(forms: Iterable[str]) -> str:
    """A regex alternation of ``forms``, longest first (a longer form wins over its prefix)."""
    ordered = sorted(forms, key=lambda form: (-len(form), form))
    return "|".join(re.escape(form) for form in ordered)


_Tree = dict[str, "_Tree"]


def word_tree(words: Iterable[str], spaced: bool = False, bounded: bool = False) -> str:
    """``alternation(words)`` written as a tree of the words' shared beginnings.

    Under ``IGNORECASE`` the regex engine enters each alternative of a flat alternation in
    turn: a hundred units after every number, some fifty qualifiers and currency codes at
    every word of the text. In a tree it reads a character once for all the words sharing it.
    The same places match: the words matching at one place begin one another, and the tree
    tries them longest first, as the flat alternation does (they are written in lower case,
    which ``IGNORECASE`` reads alike, and a place whose next character two branches could
    read is written flat). ``spaced``: a space stands for any run of whitespace; ``bounded``:
    a word ending in a letter or digit ends at a word boundary.
    """
    tree: _Tree = {}
    for word in words:
        node = tree
        for character in _lowered(word):
            node = node.setdefault(character, {})
        node[""] = {}
    return _branches(tree, "", spaced, bounded)


def _lowered(word: str) -> str:
    """``word`` in lower case when ``IGNORECASE`` reads both forms alike, else as written."""
    lower = word.lower()
    if len(lower) == len(word) and re.fullmatch(re.escape(word), lower, re.IGNORECASE):
        return lower
    return word


def _branches(node: _Tree, last: str, spaced: bool, bounded: bool) -> str:
    """The regex of the words below ``node``, reached by the character ``last``."""
    children = sorted(character for character in node if character)
    if _twins(children):  # two branches may read one character: try their words longest first
        suffixes = sorted(_suffixes(node), key=len, reverse=True)
        parts = [_written(suffix, last, spaced, bounded) for suffix in suffixes]
    else:
        parts = [
            re.escape(child).replace(r"\ ", r"\s+" if spaced else r"\ ")
            + _branches(node[child], child, spaced, bounded)
            for child in children
        ]
        if "" in node:  # a word ends here: tried after every longer one
            parts.append(_end(last, bounded))
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _twins(characters: list[str]) -> bool:
    """Whether ``IGNORECASE`` reads two of ``characters`` alike ("µ" and "μ")."""
    return any(
        re.fullmatch(re.escape(one), other, re.IGNORECASE)
        for at, one in enumerate(characters)
        for other in characters[at + 1 :]
    )


def _suffixes(node: _Tree) -> list[str]:
    """The rest of each word below ``node`` ("" for a word ending at it)."""
    return [
        character + suffix
        for character, child in node.items()
        for suffix in (_suffixes(child) if character else [""])
    ]


def _written(suffix: str, last: str, spaced: bool, bounded: bool) -> str:
    """The rest of a word as a regex, with the boundary of its end."""
    pattern = re.escape(suffix)
    if spaced:
        pattern = pattern.replace(r"\ ", r"\s+")
    return pattern + _end((last + suffix)[-1:], bounded)


def _end(last: str, bounded: bool) -> str:
    """The end of a word whose last character is ``last``."""
    return r"\b" if bounded and last.isalnum() else ""


def dump_lexicon(entries: tuple[LexiconEntry, ...], path: Path) -> None:
    """Write entries in the canonical form ``load_lexicon`` reads back."""
    with path.open("w", encoding="utf-8") as handle:
        for entry in entries:
            row = {
                "name": entry.label,
                "aliases": list(entry.forms[1:]),
                "case_sensitive": entry.case_sensitive,
                "category": entry.category,
            }
            if entry.value is not None:
                row["value"] = entry.value
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
