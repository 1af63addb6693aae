"""The data behind redaction's detectors: one loader for ``data/personal_patterns.jsonl``.

Street words, unit words, post-office-box words, obfuscation words, phone cue words and
per-country postcode patterns are data, not code, so a user can add a country's forms without
touching a regular expression they did not write. ``data/README.md`` says how; every entry's
``examples`` must be redacted (a test checks it), which keeps each line honest.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache
from importlib.resources import files
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from resume_etl.wordlists import read_rows

DATA_FILE = "personal_patterns.jsonl"


class PatternKind(StrEnum):
    """What an entry's words or pattern stand for; each kind has one template in ``_personal``."""

    EMAIL_AT = "email_at"
    EMAIL_DOT = "email_dot"
    PHONE_CUE = "phone_cue"
    NAME_PARTICLE = "name_particle"
    STREET_AFTER_NAME = "street_after_name"
    STREET_BEFORE_NAME_NUMBER_FIRST = "street_before_name_number_first"
    STREET_BEFORE_NAME_NUMBER_AFTER = "street_before_name_number_after"
    STREET_SUFFIX = "street_suffix"
    UNIT = "unit"
    UNIT_BEFORE_COMMA = "unit_before_comma"
    PO_BOX = "po_box"
    POSTCODE = "postcode"


class PatternEntry(BaseModel):
    """One line of the data file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: PatternKind
    countries: tuple[str, ...] = Field(min_length=1)
    words: tuple[str, ...] = ()
    pattern: str | None = None
    examples: tuple[str, ...] = ()
    note: str = Field(min_length=1)

    @model_validator(mode="after")
    def _words_or_pattern(self) -> PatternEntry:
        """A postcode is a regular expression that compiles; every other kind is a word list."""
        if self.kind == PatternKind.POSTCODE:
            if not self.pattern or self.words:
                raise ValueError("a postcode entry has a 'pattern' and no 'words'")
            re.compile(self.pattern)
        elif self.pattern is not None or not all(word.strip() for word in self.words):
            raise ValueError(f"a {self.kind} entry has non-empty 'words' and no 'pattern'")
        elif not self.words:
            raise ValueError(f"a {self.kind} entry needs at least one word")
        return self


def load_personal_patterns(path: Path | None = None) -> tuple[PatternEntry, ...]:
    """Entries of ``path`` (default: the shipped file); a bad line is E102 naming its number."""
    source = path or Path(str(files("resume_etl.exports").joinpath("data", DATA_FILE)))
    return read_rows(source, PatternEntry.model_validate)


@cache
def shipped_patterns() -> tuple[PatternEntry, ...]:
    """The shipped entries, read once per process."""
    return load_personal_patterns()


def words_of(entries: tuple[PatternEntry, ...], kind: PatternKind) -> tuple[str, ...]:
    """Every word of every entry of ``kind``, longest first so an alternation prefers it."""
    words = {word for entry in entries if entry.kind == kind for word in entry.words}
    return tuple(sorted(words, key=lambda word: (-len(word), word)))
