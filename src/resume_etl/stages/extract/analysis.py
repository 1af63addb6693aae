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

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from resume_etl.nlp import labels
from resume_etl.nlp.entity_model import tuned_entities
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
    nlp: Language,
    documents: Sequence[SegmentedDocument],
    batch_size: int = 32,
    beat: Callable[[int | None], None] = lambda _at: None,
) -> list[SpanIndex]:
    """Each document tokenized once and through every pipe; its spans indexed once.

    ``beat(i)`` is called as work on the i-th document starts, ``beat(None)`` as a document
    comes out of a phase that runs the batch at once (a time budget's heartbeat).
    """
    phases = pipeline_phases(nlp)
    docs = []
    for at, document in enumerate(documents):
        beat(at)
        docs.append(make_doc(nlp, document.document.text))
    with nlp.select_pipes(enable=list(phases.rules)):
        docs = _piped(nlp, docs, batch_size, beat)
    tuned = tuned_entities(nlp)
    indexes = [SpanIndex(doc, tuned_entities=tuned) for doc in docs]
    if not phases.models:
        return indexes
    for at, (document, index) in enumerate(zip(documents, indexes, strict=True)):
        beat(at)
        index.doc._.set(labels.ENTITY_RANGES_ATTR, entity_ranges(document, index))
    with nlp.select_pipes(enable=list(phases.models)):
        docs = _piped(nlp, docs, batch_size, beat)
    for at, index in enumerate(indexes):
        beat(at)
        index.read_model_spans()
    return indexes


def _piped(
    nlp: Language, docs: list[Doc], batch_size: int, beat: Callable[[int | None], None]
) -> list[Doc]:
    """``docs`` through the enabled pipes, a beat as each comes out."""
    beat(None)
    piped = []
    for doc in nlp.pipe(docs, batch_size=batch_size):
        piped.append(doc)
        beat(None)
    return piped
