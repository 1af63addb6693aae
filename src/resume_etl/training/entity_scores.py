"""How well an entity recognizer reads résumé windows: the scores on the entity model's card.

Per source (``dotin``, ``jsonresume``) and pooled (``all``):

- ``ORG``: span-level precision, recall and F1 (exact character span) against the annotated
  employers and schools. dotin does not tag every mention, so precision is a lower bound;
- ``ORG on no-entity spans``: predicted ORG spans that overlap a title, degree or skill, the
  error the issue names ("Software" of "Software Engineer"), with their share of the
  predictions;
- ``PERSON``: recall of the annotated names; ``place``: of the annotated places' parts, read
  as GPE, LOC or FAC;
- ``kept``: of the base model's entities of other labels outside every annotated span, the
  share predicted again with the same label and edges: what rehearsal preserved (1.0 for the
  base model itself).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from spacy.language import Language

if TYPE_CHECKING:
    from resume_etl.training.entities import Labelled

Span3 = tuple[int, int, str]
PLACE_KINDS = frozenset({"GPE", "LOC", "FAC"})
"""The base model's labels of a place."""


def _prf(hits: int, predicted: int, support: int) -> dict[str, Any]:
    precision = hits / predicted if predicted else 0.0
    recall = hits / support if support else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "p": round(precision, 3),
        "r": round(recall, 3),
        "f1": round(f1, 3),
        "support": support,
        "predicted": predicted,
    }


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)


def _count(items: Sequence[Labelled], predictions: Sequence[list[Span3]]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for item, found in zip(items, predictions, strict=True):
        window = item.window
        orgs = {(start, end) for start, end, label in found if label == "ORG"}
        persons = {(start, end) for start, end, label in found if label == "PERSON"}
        counts["org_hits"] += len(orgs & set(window.orgs))
        counts["org_predicted"] += len(orgs)
        counts["org_support"] += len(set(window.orgs))
        counts["org_on_not_org"] += sum(_overlaps(s, e, window.not_orgs) for s, e in orgs)
        counts["person_hits"] += len(persons & set(window.persons))
        counts["person_support"] += len(set(window.persons))
        places = {(start, end) for start, end, label in found if label in PLACE_KINDS}
        counts["place_hits"] += len(places & set(window.places))
        counts["place_support"] += len(set(window.places))
        gold = window.annotated()
        others = {
            (start, end, label)
            for start, end, label in item.teacher
            if label != "ORG" and not _overlaps(start, end, gold)
        }
        counts["kept"] += len(others & set(found))
        counts["others"] += len(others)
    return counts


def _table(counts: Counter[str]) -> dict[str, Any]:
    wrong = counts["org_on_not_org"]
    return {
        "ORG": _prf(counts["org_hits"], counts["org_predicted"], counts["org_support"]),
        "ORG on no-entity spans": {
            "count": wrong,
            "share": round(wrong / counts["org_predicted"], 3) if counts["org_predicted"] else 0,
        },
        "PERSON": {
            "r": round(counts["person_hits"] / counts["person_support"], 3)
            if counts["person_support"]
            else 0.0,
            "support": counts["person_support"],
        },
        "place": {
            "r": round(counts["place_hits"] / counts["place_support"], 3)
            if counts["place_support"]
            else 0.0,
            "support": counts["place_support"],
        },
        "kept": round(counts["kept"] / counts["others"], 3) if counts["others"] else 1.0,
        "windows": counts["windows"],
    }


def org_scores(nlp: Language, items: Sequence[Labelled]) -> dict[str, Any]:
    """The scores above of ``nlp`` on ``items``, pooled and per source."""
    docs = nlp.pipe((item.window.text for item in items), batch_size=256)
    predictions = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in docs]
    by_source: dict[str, list[int]] = {"all": list(range(len(items)))}
    for index, item in enumerate(items):
        by_source.setdefault(item.window.source.split(":")[0], []).append(index)
    scores = {}
    for source, indexes in by_source.items():
        counts = _count([items[i] for i in indexes], [predictions[i] for i in indexes])
        counts["windows"] = len(indexes)
        scores[source] = _table(counts)
    return scores
