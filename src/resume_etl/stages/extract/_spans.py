"""The spans the spaCy components wrote, indexed for lookups by character range.

Shared by every table module: each asks "what did the lexicons, date and contact finders see
between these offsets", never the ``Doc`` itself.
"""

from __future__ import annotations

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

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # ``Doc.text`` and ``Doc.ents`` rebuild themselves from every token on each access;
        # read once here, lookups stay linear in the document's length.
        self.text: str = doc_text(doc)
        self.ents: tuple[Span, ...] = ()
        self.groups: dict[str, list[Span]] = {key: [] for key in GROUP_KEYS}
        self.read_model_spans()

    def read_model_spans(self) -> None:
        """Read the entities, and each group no component had written when last read."""
        self.ents = tuple(self.doc.ents)
        for key, group in self.groups.items():
            if not group and key in self.doc.spans:
                self.groups[key] = list(self.doc.spans[key])

    @property
    def metrics_capped(self) -> bool:
        """Whether the metrics component's caps left a metric out (``labels.METRICS_CAPPED``)."""
        if labels.METRICS not in self.doc.spans:
            return False
        return bool(self.doc.spans[labels.METRICS].attrs.get(labels.METRICS_CAPPED, False))

    def within(self, key: str, start: int, end: int) -> list[Span]:
        """Spans of a group lying inside ``[start, end)``."""
        return [s for s in self.groups[key] if s.start_char >= start and s.end_char <= end]

    def entities(self, start: int, end: int, entity_labels: set[str]) -> list[Span]:
        return [
            ent
            for ent in self.ents
            if ent.label_ in entity_labels and ent.start_char >= start and ent.end_char <= end
        ]


def _covers(span_list: list[Span], start: int, end: int, share: float) -> bool:
    covered = sum(span.end_char - span.start_char for span in span_list)
    return covered >= share * (end - start)


@dataclass(frozen=True, slots=True)
class LexiconCategories:
    """Canonical label -> category, per lexicon component (for types, levels, statuses)."""

    skills: dict[str, str | None]
    degrees: dict[str, str | None]
    employment_types: dict[str, str | None]
    publication_cues: dict[str, str | None]
