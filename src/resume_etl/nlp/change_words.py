"""Words that say a metric went up or down: "reduced", "cuts", "shrank", "a 9% drop", "3x faster".

The metric finder reads a metric's direction from these, with or without a parse. Every
inflected form is listed in the data file (``data/change_words.jsonl``), irregular ones
("shrank", "grew", "drove") included, so no lemmatizer and no guess at suffixes is needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from resume_etl.vocab import MetricDirection
from resume_etl.wordlists import builtin_path, read_rows

DATA_FILE = "change_words.jsonl"


class ChangeKind(StrEnum):
    """How a change word is used: what a word's neighbours must look like for it to count."""

    VERB = "verb"
    """Before the metric, as the bullet's verb: "Reduced churn by 5%"."""
    NOUN = "noun"
    """After the metric ("a 9% drop") or just before "of" it ("a reduction of 40%")."""
    COMPARATIVE = "comparative"
    """Right after the metric: "3x faster"."""
    PARTICLE = "particle"
    """Right before a rate or amount: "revenue up 40%"."""


@dataclass(frozen=True, slots=True)
class ChangeWord:
    """One form of a change word: its base, direction, and how the base is used."""

    base: str
    direction: MetricDirection
    kinds: frozenset[ChangeKind]

    @property
    def is_verb(self) -> bool:
        return ChangeKind.VERB in self.kinds


def _forms(raw: dict[str, Any]) -> tuple[tuple[str, ChangeWord], ...]:
    """One line of the data file: each of its forms with the change word it belongs to."""
    word = ChangeWord(
        raw["word"].lower(),
        MetricDirection(raw["direction"]),
        frozenset(ChangeKind(kind) for kind in raw["kinds"]),
    )
    return tuple((form.lower(), word) for form in (raw["word"], *raw.get("forms", [])))


@cache
def change_words() -> dict[str, ChangeWord]:
    """Every lowercase form of every change word, read once per process."""
    return {
        form: word for forms in read_rows(builtin_path(DATA_FILE), _forms) for form, word in forms
    }


def change_word(form: str) -> ChangeWord | None:
    """The change word a lowercase form belongs to, if any."""
    return change_words().get(form)


def direction_of_form(*forms: str) -> MetricDirection:
    """The direction of the first of ``forms`` (a lemma, then the word) that is a change word."""
    for form in forms:
        found = change_words().get(form)
        if found is not None:
            return found.direction
    return MetricDirection.NONE
