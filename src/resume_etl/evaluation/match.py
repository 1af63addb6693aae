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
- Sets of values (skills, e-mails; on the real data, roles) are matched one to one, per
  document (:func:`match_sets`); a value that names several ("Analyst/Manager") may be matched
  whole or by its parts, on either side alike, and counts once.
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
from dataclasses import dataclass
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


Parts = Callable[[str], Sequence[str]]
"""The values one value names together ("Analyst/Manager" names two titles)."""
Matcher = Callable[[str, frozenset[str]], bool]
"""Whether a key matches a value given by the keys of its spellings."""


@dataclass(frozen=True, slots=True)
class _SetValue:
    """A value of one side: the keys of its spellings, and of its parts when it is a list."""

    keys: frozenset[str]
    parts: tuple[str, ...] = ()


@dataclass(slots=True)
class _Sides:
    """Both sides' values, in order, and those not yet in a match."""

    gold: list[_SetValue]
    predicted: list[_SetValue]
    free_gold: set[_SetValue]
    free_predicted: set[_SetValue]


def _list_parts(texts: frozenset[str], key: Callable[[str], str], parts: Parts) -> tuple[str, ...]:
    """The distinct keys of the parts of the first spelling (in sorted order) that names two
    or more; none when no spelling does."""
    for text in sorted(texts):
        named = tuple(part for part in dict.fromkeys(map(key, parts(text))) if part)
        if len(named) > 1:
            return named
    return ()


def _set_values(
    spellings: Sequence[frozenset[str]], key: Callable[[str], str], parts: Parts | None
) -> list[_SetValue]:
    """One value per distinct set of keys, in order, with its parts (``_list_parts``) or those
    of a later value with the same keys ("Analyst / Manager" after "Analyst Manager"). A list
    whose every part is a value of the same side restates them and is left out."""
    values: dict[frozenset[str], _SetValue] = {}
    for texts in spellings:
        keys = frozenset(key(text) for text in texts) - {""}
        if not keys or (keys in values and values[keys].parts):
            continue
        named = _list_parts(texts, key, parts) if parts is not None else ()
        if keys not in values or named:
            values[keys] = _SetValue(keys, named)
    wholes = {key for value in values.values() if not value.parts for key in value.keys}
    return [value for value in values.values() if not value.parts or set(value.parts) - wholes]


def _matcher(partial: bool) -> Matcher:
    def same(value: str, keys: frozenset[str]) -> bool:
        if value in keys:
            return True
        return partial and any(
            word_overlap(value, other) >= PARTIAL_MATCH_THRESHOLD for other in keys
        )

    return same


def _whole_matches(sides: _Sides, same: Matcher, lists_partial: bool) -> int:
    """Pair each free prediction, in order, with a free gold value it names whole: equal keys
    or the same parts first, then the partial rule (between two lists only with
    ``lists_partial``). A gold value is one text: one key."""
    found = 0
    for value in sides.predicted:
        if value not in sides.free_predicted:
            continue
        gold = [one for one in sides.gold if one in sides.free_gold]
        hit = next((one for one in gold if _same_whole(one, value)), None)
        hit = hit or next(
            (
                one
                for one in gold
                if (lists_partial or not (one.parts or value.parts))
                and same(min(one.keys), value.keys)
            ),
            None,
        )
        if hit is not None:
            sides.free_gold.remove(hit)
            sides.free_predicted.remove(value)
            found += 1
    return found


def _same_whole(gold: _SetValue, predicted: _SetValue) -> bool:
    """Equal keys, or two lists of the same parts ("A / B" and "A and B")."""
    if gold.keys <= predicted.keys:
        return True
    return bool(gold.parts) and set(gold.parts) == set(predicted.parts)


def _names_part(value: _SetValue, part: str, same: Matcher) -> bool:
    return same(part, frozenset(value.parts) or value.keys)


def _within(value: _SetValue, listed: _SetValue, same: Matcher) -> bool:
    """Whether ``value`` names one of the list's parts, or is a shorter list of them."""
    if not value.parts:
        return any(_names_part(value, part, same) for part in listed.parts)
    shorter = len(value.parts) < len(listed.parts)
    return shorter and all(same(part, frozenset(listed.parts)) for part in value.parts)


def _covering(
    listed: _SetValue, others: Sequence[_SetValue], free: set[_SetValue], same: Matcher
) -> list[_SetValue]:
    """The free values of the other side that match ``listed`` by its parts: the values that
    lie within it name every part (those already matched elsewhere may help, so a part that
    restates another match costs nothing), and at least one of them is free. Else none."""
    inside = [value for value in others if _within(value, listed, same)]
    if not all(any(_names_part(value, part, same) for value in inside) for part in listed.parts):
        return []
    return [value for value in inside if value in free]


def _part_matches(sides: _Sides, same: Matcher) -> int:
    """Match each free list, longest first (gold before predicted, then in order), by the
    values of the other side that name its parts; the list and those free values are one
    group, one hit. Longest first, and only shorter values inside a list, make the result the
    same whichever side is called gold."""
    lists = [(0, index, value) for index, value in enumerate(sides.gold) if value.parts]
    lists += [(1, index, value) for index, value in enumerate(sides.predicted) if value.parts]
    lists.sort(key=lambda item: (-len(item[2].parts), item[0], item[1]))
    found = 0
    for side, _, listed in lists:
        own, others, free = (
            (sides.free_gold, sides.predicted, sides.free_predicted)
            if side == 0
            else (sides.free_predicted, sides.gold, sides.free_gold)
        )
        taken = _covering(listed, others, free, same) if listed in own else []
        if taken:
            own.remove(listed)
            free.difference_update(taken)
            found += 1
    return found


def match_sets(
    gold: Sequence[str],
    predicted: Sequence[frozenset[str]],
    key: Callable[[str], str],
    partial: bool = False,
    parts: Parts | None = None,
) -> tuple[int, int, int]:
    """(tp, fp, fn) of two lists of values; a prediction may carry several spellings.

    With ``partial`` a spelling matches by the partial-match rule, else by equal keys. Gold
    values are distinct by their key, as predictions are: a value annotated twice in other
    case or punctuation ("Google" and "GOOGLE") is one value, which one prediction finds.

    With ``parts``, a value that names several ("Analyst/Manager", a list) is still one value,
    on either side. It is matched whole first (by equal keys, or by the partial rule against a
    value that is no list); left unmatched, by its parts: the values of the other side that
    name them (gold "Analyst/Manager" by the predictions "Analyst" and "Manager", and the
    prediction "Analyst/Manager" by those two gold values alike). The list and those values
    are one group and count one true positive: never two, and never a false positive or a
    miss. Last, lists left over are matched whole by the partial rule. Each group counts once,
    so tp + fn is at most the number of gold values and tp + fp at most that of predictions
    (a list on one side may take several values of the other into one hit).
    """
    same = _matcher(partial)
    gold_values = _set_values([frozenset({value}) for value in gold], key, parts)
    predicted_values = _set_values(predicted, key, parts)
    sides = _Sides(gold_values, predicted_values, set(gold_values), set(predicted_values))
    true_positives = _whole_matches(sides, same, lists_partial=False)
    true_positives += _part_matches(sides, same)
    true_positives += _whole_matches(sides, same, lists_partial=True)
    return true_positives, len(sides.free_predicted), len(sides.free_gold)
