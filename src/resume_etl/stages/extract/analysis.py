"""The spaCy work on a batch of segmented documents, in three phases the caller can see.

1. The rule components (contacts, dates, lexicons) run over each tokenized ``Doc``.
2. The entity windows are computed from data: the segmented document and the rule spans, read
   through the document's one ``SpanIndex`` (``entity_focus.entity_ranges``). They go on
   ``Doc._.resume_etl_entity_ranges`` as plain character ranges.
3. The model components run: the focus component (which requires those ranges and runs the
   model's statistical pipes only there), then those reading its annotations (person names,
   metrics). The same ``SpanIndex`` then reads what they wrote.

Which pipe belongs to which phase follows from what the components declare: the model phase
starts at the first pipe that ``requires`` the entity ranges. A pipeline without such a pipe runs
in one phase, and its entity recognizer (if any) reads the whole text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language

from resume_etl.nlp import labels
from resume_etl.nlp.tokens import make_doc
from resume_etl.stages.extract._spans import SpanIndex
from resume_etl.stages.extract.entity_focus import entity_ranges
from resume_etl.stages.segment import SegmentedDocument

__all__ = ["Phases", "analyse", "pipeline_phases"]

_RANGES_REQUIREMENT = f"doc._.{labels.ENTITY_RANGES_ATTR}"


@dataclass(frozen=True, slots=True)
class Phases:
    """The enabled pipes of an ``nlp``, split where the entity ranges are first required."""

    rules: tuple[str, ...]
    models: tuple[str, ...]


def pipeline_phases(nlp: Language) -> Phases:
    """The rule pipes (before the first that requires the entity ranges) and the model pipes."""
    names = tuple(nlp.pipe_names)
    for index, name in enumerate(names):
        if _RANGES_REQUIREMENT in nlp.get_pipe_meta(name).requires:
            return Phases(rules=names[:index], models=names[index:])
    return Phases(rules=names, models=())


def analyse(
    nlp: Language, documents: Sequence[SegmentedDocument], batch_size: int = 32
) -> list[SpanIndex]:
    """Each document tokenized once and through every pipe; its spans indexed once."""
    phases = pipeline_phases(nlp)
    docs = [make_doc(nlp, document.document.text) for document in documents]
    with nlp.select_pipes(enable=list(phases.rules)):
        docs = list(nlp.pipe(docs, batch_size=batch_size))
    indexes = [SpanIndex(doc) for doc in docs]
    if not phases.models:
        return indexes
    for document, index in zip(documents, indexes, strict=True):
        index.doc._.set(labels.ENTITY_RANGES_ATTR, entity_ranges(document, index))
    with nlp.select_pipes(enable=list(phases.models)):
        docs = list(nlp.pipe(docs, batch_size=batch_size))
    for index in indexes:
        index.read_model_spans()
    return indexes
