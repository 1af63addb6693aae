"""How a predicted value is judged against a gold value, and how entries are paired.

The rules (also in ``tests/gold/README.md``):

- Text is compared after :func:`normalize`: accents, case, punctuation and whitespace are
  ignored, "&" reads "and", dots inside abbreviations vanish ("M.S." = "MS"), and for
  organizations a trailing legal form ("Inc.", "LLC", "Pvt. Ltd.", "GmbH", …: the ``legal_form``
  entries of ``nlp/data/org_keywords.jsonl``) and a leading "The" are dropped.
- **Partial-match rule**: two normalized texts match when they are equal, or when the Dice
  overlap of their word multisets is at least :data:`PARTIAL_MATCH_THRESHOLD` (0.8). So one
  extra or missing word in a five-word organization still matches; "Senior Associate" against
  "Senior Associate, Dispute Resolution" (0.67) does not.
- Dates are compared at the gold's precision: gold "2019" matches any prediction in 2019; gold
  "2019-03" needs a prediction that states at least the month, and that month.
- Entries (jobs, schools, projects, publications) are paired per document, greedily by the
  highest agreement first; a pair needs :data:`MIN_PAIR_SCORE`. Unpaired gold entries count as
  misses for each field they fill, unpaired predictions as false positives.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

from resume_etl.wordlists import builtin_lexicon

PARTIAL_MATCH_THRESHOLD = 0.8
"""Least word-overlap (Dice) at which two different texts still count as the same value."""

MIN_PAIR_SCORE = 0.8
"""Least agreement for a predicted entry to be paired with a gold entry."""

ORG_KEYWORDS_FILE = "org_keywords.jsonl"
LEGAL_FORM = "legal_form"

_INNER_DOT = re.compile(r"(?<=\w)\.(?=\w)")
_NON_WORD = re.compile(r"[^\w+#]+|_")


def normalize(value: str, organization: bool = False) -> str:
    """A comparison key: no accents, case, punctuation or (for organizations) legal suffix."""
    decomposed = unicodedata.normalize("NFKD", value)
    text = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    text = _INNER_DOT.sub("", text.replace("&", " and "))
    words = _NON_WORD.sub(" ", text).split()
    if organization:
        _drop_legal_forms(words)
        if len(words) > 1 and words[0] == "the":
            words.pop(0)
    return " ".join(words)


@functools.cache
def legal_forms() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The normalized words of every legal form ("pvt ltd", "gmbh"), longest first, by last word.

    They are the forms the organization lexicon matches, so the score and the extraction agree
    on what a legal form is."""
    forms = {
        tuple(normalize(form).split())
        for entry in builtin_lexicon(ORG_KEYWORDS_FILE)
        if entry.category == LEGAL_FORM
        for form in entry.forms
    }
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(filter(None, forms), key=lambda words: (-len(words), words)):
        by_last.setdefault(words[-1], []).append(words)
    return {last: tuple(found) for last, found in by_last.items()}


def _drop_legal_forms(words: list[str]) -> None:
    """Drop trailing legal forms ("Acme Pvt. Ltd." -> "acme"), never the name's first word."""
    while words:
        suffix = next(
            (
                form
                for form in legal_forms().get(words[-1], ())
                if len(words) > len(form) and tuple(words[-len(form) :]) == form
            ),
            None,
        )
        if suffix is None:
            return
        del words[-len(suffix) :]


def word_overlap(left: str, right: str) -> float:
    """Dice coefficient of the two normalized texts' word multisets (1.0 when equal)."""
    if left == right:
        return 1.0
    left_words, right_words = Counter(left.split()), Counter(right.split())
    total = sum(left_words.values()) + sum(right_words.values())
    if total == 0:
        return 0.0
    return 2 * sum((left_words & right_words).values()) / total


def text_matches(predicted: str | None, gold: str | None, organization: bool = False) -> bool:
    """The partial-match rule: equal after normalization, or word overlap >= the threshold."""
    if predicted is None or gold is None:
        return False
    overlap = word_overlap(normalize(predicted, organization), normalize(gold, organization))
    return overlap >= PARTIAL_MATCH_THRESHOLD


def text_agreement(predicted: str | None, gold: str | None, organization: bool = False) -> float:
    """How much two texts agree, 0..1, for pairing entries (not for scoring them)."""
    if predicted is None or gold is None:
        return 0.0
    return word_overlap(normalize(predicted, organization), normalize(gold, organization))


def date_matches(predicted: str | None, gold: str | None) -> bool:
    """Equal at the gold's precision; a prediction less precise than the gold is wrong."""
    if predicted is None or gold is None:
        return False
    return len(predicted) >= len(gold) and predicted[: len(gold)] == gold


def number_matches(predicted: float | None, gold: float | None) -> bool:
    if predicted is None or gold is None:
        return False
    return abs(predicted - gold) <= 1e-6 * max(1.0, abs(gold))


GoldT = TypeVar("GoldT")
PredT = TypeVar("PredT")


def align(
    gold: Sequence[GoldT],
    predicted: Sequence[PredT],
    agreement: Callable[[PredT, GoldT], float],
    min_score: float = MIN_PAIR_SCORE,
) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index), best agreement first, each entry used once."""
    scored = sorted(
        (
            (agreement(pred, item), gold_index, pred_index)
            for gold_index, item in enumerate(gold)
            for pred_index, pred in enumerate(predicted)
        ),
        key=lambda triple: (-triple[0], triple[1], triple[2]),
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for score, gold_index, pred_index in scored:
        if score < min_score:
            break
        if gold_index in used_gold or pred_index in used_pred:
            continue
        used_gold.add(gold_index)
        used_pred.add(pred_index)
        pairs.append((gold_index, pred_index))
    return sorted(pairs)


def match_sets(
    gold: Sequence[str],
    predicted: Sequence[frozenset[str]],
    key: Callable[[str], str],
    partial: bool = False,
) -> tuple[int, int, int]:
    """(tp, fp, fn) of two lists of values; a prediction may carry several spellings.

    With ``partial`` a spelling matches by the partial-match rule, else by equal keys.
    """
    remaining = [key(value) for value in dict.fromkeys(gold)]
    remaining = [value for value in remaining if value]
    true_positives = false_positives = 0
    seen: set[frozenset[str]] = set()

    def same(value: str, keys: frozenset[str]) -> bool:
        if value in keys:
            return True
        return partial and any(
            word_overlap(value, other) >= PARTIAL_MATCH_THRESHOLD for other in keys
        )

    for spellings in predicted:
        keys = frozenset(key(spelling) for spelling in spellings) - {""}
        if not keys or keys in seen:
            continue
        seen.add(keys)
        hit = next((value for value in remaining if value in keys), None)
        hit = hit or next((value for value in remaining if same(value, keys)), None)
        if hit is None:
            false_positives += 1
        else:
            remaining.remove(hit)
            true_positives += 1
    return true_positives, false_positives, len(remaining)
