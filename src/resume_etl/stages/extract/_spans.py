"""The spans the spaCy components wrote, indexed for lookups by character range.

Shared by every table module: each asks "what did the lexicons, date and contact finders see
between these offsets", never the ``Doc`` itself.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from resume_etl.nlp import labels
from resume_etl.nlp.doc_text import doc_text

GROUP_KEYS = (
    labels.CONTACTS,
    labels.DATES,
    labels.SKILLS,
    labels.DEGREES,
    labels.EMPLOYMENT_TYPES,
    labels.TITLE_HEADS,
    labels.ORG_KEYWORDS,
    labels.PUBLICATION_CUES,
    labels.PERSON_NAMES,
    labels.METRICS,
)
"""The span groups the table modules read."""


class SpanIndex:
    """The spans each component wrote, and lookups by character range.

    Built once per document, after the rule components ran (the entity windows are computed from
    it); ``read_model_spans`` then adds what the model components wrote (entities, person names,
    metrics) without reading the rule components' groups again.
    """

    def __init__(self, doc: Doc, tuned_entities: bool = False) -> None:
        self.doc = doc
        self.tuned_entities = tuned_entities
        """Whether the entities are a résumé-tuned recognizer's (``nlp/entity_model.py``)."""
        # ``Doc.text`` and ``Doc.ents`` rebuild themselves from every token on each access;
        # read once here, lookups stay linear in the document's length.
        self.text: str = doc_text(doc)
        self.ents: tuple[Span, ...] = ()
        self.groups: dict[str, list[Span]] = {key: [] for key in GROUP_KEYS}
        self._by_start: dict[str, _StartOrder] = {}
        self.read_model_spans()

    def read_model_spans(self) -> None:
        """Read the entities, and each group no component had written when last read."""
        self.ents = tuple(self.doc.ents)
        for key, group in self.groups.items():
            if not group and key in self.doc.spans:
                self.groups[key] = list(self.doc.spans[key])
                self._by_start.pop(key, None)

    @property
    def metrics_capped(self) -> bool:
        """Whether the metrics component's caps left a metric out (``labels.METRICS_CAPPED``)."""
        if labels.METRICS not in self.doc.spans:
            return False
        return bool(self.doc.spans[labels.METRICS].attrs.get(labels.METRICS_CAPPED, False))

    def within(self, key: str, start: int, end: int) -> list[Span]:
        """Spans of a group lying inside ``[start, end)``, in the group's own order.

        Every entry, header piece and line asks this, so a scan of the whole group per ask made
        extraction quadratic in a document's length; the group sorted by start once answers
        each ask in the logarithm of its size plus what it returns.
        """
        order = self._by_start.get(key)
        if order is None:
            order = self._by_start[key] = _StartOrder.of(self.groups[key])
        return order.inside(start, end)

    def entities(self, start: int, end: int, entity_labels: set[str]) -> list[Span]:
        return [
            ent
            for ent in self.ents
            if ent.label_ in entity_labels and ent.start_char >= start and ent.end_char <= end
        ]


@dataclass(frozen=True, slots=True)
class _StartOrder:
    """A span group sorted by start offset, each span with its place in the group."""

    starts: list[int]
    ends: list[int]
    places: list[int]
    spans: list[Span]

    @classmethod
    def of(cls, group: list[Span]) -> _StartOrder:
        bounds = sorted((span.start_char, place, span.end_char) for place, span in enumerate(group))
        return cls(
            starts=[start for start, _place, _end in bounds],
            ends=[end for _start, _place, end in bounds],
            places=[place for _start, place, _end in bounds],
            spans=group,
        )

    def inside(self, start: int, end: int) -> list[Span]:
        starts = self.starts
        first = bisect_left(starts, start)
        if first == len(starts) or starts[first] > end:  # most asks: nothing starts in the range
            return []
        last = bisect_right(starts, end, first)
        ends, places = self.ends, self.places
        if last - first == 1:
            return [self.spans[places[first]]] if ends[first] <= end else []
        inside = sorted(places[index] for index in range(first, last) if ends[index] <= end)
        return [self.spans[place] for place in inside]


def covers(span_list: list[Span], start: int, end: int, share: float) -> bool:
    covered = sum(span.end_char - span.start_char for span in span_list)
    return covered >= share * (end - start)


@dataclass(frozen=True, slots=True)
class LexiconCategories:
    """Canonical label -> category, per lexicon component (for types, levels, statuses)."""

    skills: dict[str, str | None]
    degrees: dict[str, str | None]
    employment_types: dict[str, str | None]
    publication_cues: dict[str, str | None]
