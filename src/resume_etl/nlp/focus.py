"""Run the model's statistical pipes only on the text whose annotations resume-etl reads.

The extract stage reads named entities in a few places (entry header lines, the profile's top
lines, a stated name) and the metric finder reads tags, lemmas and the dependency parse only
around numbers. Running ``tok2vec``/``tagger``/``parser``/``attribute_ruler``/``lemmatizer``
and ``ner`` over every bullet and paragraph costs most of a run and changes nothing it writes.

``resume_etl_focus_v1`` takes those pipes over (``model_pipes``): adding it disables them in the
``nlp`` it joins, and it runs the ones named in ``entity_pipes`` and ``parse_pipes`` itself,
batched across documents, on windows cut from each ``Doc``; the others run nowhere:

- entity windows: the character ranges in ``Doc._.resume_etl_entity_ranges``, plain data the
  runner computes between the rule and the model components (``stages/extract/analysis.py``),
  each cut after ``MAX_RANGE_TOKENS`` tokens; the whole text when unset, so ``nlp(text)`` still
  has every entity;
- parse windows: the lines holding a possible metric (``metrics.parse_ranges``). By default no
  pipe runs there: the metric finder reads direction and subject from the bullet's surface
  (``metric_surface``), as well as the parse did and at a third of the run's cost. Set
  ``parse_pipes`` to ``["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]`` to
  have the finder read the parse instead.

Adjacent lines form one window, so the model sees the same neighbours it would see in the
whole document. Each window is a copy of the ``Doc``'s own tokens (``Span.as_doc``), and the
annotations are copied back with ``Doc.from_array``; tokens outside every window keep no
annotation (no entity, tag, lemma or head), which nothing downstream reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from resume_etl.nlp import labels
from resume_etl.nlp.doc_text import doc_text
from resume_etl.nlp.metrics import parse_ranges

if not Doc.has_extension(labels.ENTITY_RANGES_ATTR):
    Doc.set_extension(labels.ENTITY_RANGES_ATTR, default=None)

_PARSE_ATTRS = ("TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD")
_ENTITY_ATTRS = ("ENT_IOB", "ENT_TYPE")
DEFAULT_ENTITY_PIPES = ("ner",)
DEFAULT_PARSE_PIPES: tuple[str, ...] = ()
DEFAULT_MODEL_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
"""The statistical pipes of the ``en_core_web`` models: none runs over the whole text."""

EntityRanges = list[tuple[int, int]] | None
"""What ``Doc._.resume_etl_entity_ranges`` holds: character ranges, or None (unset)."""

TokenWindow = tuple[int, int]
"""A ``[start, end)`` range of token indexes in a ``Doc``."""

MAX_RANGE_TOKENS = 64
"""Tokens of one entity range the model reads, from its start: a header line, a name or a
"City, Region" field is a few to twenty tokens. A line of emoji or of numbers as long as the
1,000-character cap (``entity_focus.MAX_ENTITY_RANGE_CHARS``) is up to a thousand tokens, about
70 ms of the model for one line, and it paid that in every small document. Each range is cut
before adjacent ranges are merged, so a window of several header lines keeps every line."""


def line_ranges(text: str, ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The whole lines (without their newline) that hold each character range."""
    lines = []
    for start, end in ranges:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", max(start, end - 1))
        lines.append((line_start, len(text) if line_end == -1 else line_end))
    return lines


def capped(doc: Doc, ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each character range cut after its first ``MAX_RANGE_TOKENS`` tokens."""
    cut = []
    for start, end in ranges:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) > MAX_RANGE_TOKENS:
            last = span[MAX_RANGE_TOKENS - 1]
            cut.append((start, last.idx + len(last.text)))
        else:
            cut.append((start, end))
    return cut


def merged(text: str, ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted ranges, joined where only whitespace separates them."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if joined and (start <= joined[-1][1] or not text[joined[-1][1] : start].strip()):
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return joined


def token_windows(doc: Doc, ranges: Iterable[tuple[int, int]]) -> list[TokenWindow]:
    """Token ranges covering the character ranges (grown to whole tokens), without overlaps."""
    windows: list[TokenWindow] = []
    for start, end in ranges:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if windows and span.start < windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], span.end))
        else:
            windows.append((span.start, span.end))
    return windows


@dataclass(slots=True)
class _Plan:
    """One document's windows and, once the model ran, the window documents."""

    doc: Doc
    entity_windows: list[TokenWindow]
    parse_windows: list[TokenWindow]
    entity_docs: list[Doc]
    parse_docs: list[Doc]


class FocusedAnalysis:
    """Runs the named statistical pipes of ``nlp`` on entity and parse windows only."""

    def __init__(
        self,
        nlp: Language,
        entity_pipes: Sequence[str],
        parse_pipes: Sequence[str],
        batch_size: int,
        model_pipes: Sequence[str] = DEFAULT_MODEL_PIPES,
    ) -> None:
        self._nlp = nlp
        self.entity_pipes = tuple(entity_pipes)
        self.parse_pipes = tuple(parse_pipes)
        self.batch_size = batch_size
        for name in (*model_pipes, *self.entity_pipes, *self.parse_pipes):
            if name in nlp.pipe_names:  # a pipe excluded from the model is simply not run
                nlp.disable_pipe(name)

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size or self.batch_size):  # type: ignore[no-untyped-call]
            yield from self._annotate(list(batch))

    def _annotate(self, docs: list[Doc]) -> list[Doc]:
        plans = [self._plan(doc) for doc in docs]
        entity_docs = self._run(self.entity_pipes, [w for p in plans for w in _windows(p, True)])
        parse_docs = self._run(self.parse_pipes, [w for p in plans for w in _windows(p, False)])
        for plan in plans:
            plan.entity_docs = [next(entity_docs) for _ in plan.entity_windows]
            plan.parse_docs = [next(parse_docs) for _ in plan.parse_windows]
            _copy_back(plan)
        return docs

    def _plan(self, doc: Doc) -> _Plan:
        text = doc_text(doc)
        entity_ranges: EntityRanges = doc._.get(labels.ENTITY_RANGES_ATTR)
        # unset: the whole text, uncut, so ``nlp(text)`` has every entity
        ranges = [(0, len(text))] if entity_ranges is None else capped(doc, entity_ranges)
        entity_windows = token_windows(doc, merged(text, ranges))
        # One line per window: a bullet is a sentence, and parsed together with its neighbours
        # the small model hangs one bullet's metric on the next bullet's verb.
        if not self._runs_any(self.parse_pipes):
            return _Plan(doc, entity_windows, [], [], [])
        parse_lines = sorted(set(line_ranges(text, parse_ranges(doc))))
        return _Plan(doc, entity_windows, token_windows(doc, parse_lines), [], [])

    def _runs_any(self, names: Sequence[str]) -> bool:
        return any(name in self._nlp.component_names for name in names)

    def _run(self, names: Sequence[str], docs: list[Doc]) -> Iterator[Doc]:
        """The window documents through the pipes, batched as ``nlp.pipe`` would batch them."""
        stream: Iterable[Doc] = docs
        for name in names:
            if name not in self._nlp.component_names:
                continue
            proc = self._nlp.get_pipe(name)
            if hasattr(proc, "pipe"):
                stream = proc.pipe(stream, batch_size=self.batch_size)
            else:
                stream = map(proc, stream)
        return iter(list(stream))


def _windows(plan: _Plan, entities: bool) -> Iterator[Doc]:
    """New ``Doc`` objects of the plan's windows, with the same tokens and token norms.

    Cheaper than ``Span.as_doc``, which copies every attribute and scans the whole document's
    entities once per window.
    """
    doc = plan.doc
    norms = doc.to_array("NORM")
    for start, end in plan.entity_windows if entities else plan.parse_windows:
        tokens = doc[start:end]
        window = Doc(
            doc.vocab,
            words=[token.text for token in tokens],
            spaces=[bool(token.whitespace_) for token in tokens],
        )
        window.from_array(["NORM"], norms[start:end].reshape(-1, 1))  # type: ignore[arg-type]
        yield window


def _copy_back(plan: _Plan) -> None:
    """The windows' annotations into the document, token for token, in one ``from_array``.

    Parse attributes are written only when some window was parsed: heads written as zeros
    would still mark the document as parsed.
    """
    doc = plan.doc
    parse_attrs: list[int | str] = list(_PARSE_ATTRS) if plan.parse_windows else []
    attrs: list[int | str] = [*parse_attrs, *_ENTITY_ATTRS]
    array = numpy.zeros((len(doc), len(attrs)), dtype="uint64")
    for (start, end), window in zip(plan.parse_windows, plan.parse_docs, strict=True):
        array[start:end, : len(parse_attrs)] = window.to_array(parse_attrs)
    for (start, end), window in zip(plan.entity_windows, plan.entity_docs, strict=True):
        array[start:end, len(parse_attrs) :] = window.to_array(list(_ENTITY_ATTRS))
    doc.from_array(attrs, array)  # type: ignore[arg-type]


@Language.factory(
    "resume_etl_focus_v1",
    default_config={
        "entity_pipes": list(DEFAULT_ENTITY_PIPES),
        "parse_pipes": list(DEFAULT_PARSE_PIPES),
        "model_pipes": list(DEFAULT_MODEL_PIPES),
        "batch_size": 256,
    },
    requires=[f"doc._.{labels.ENTITY_RANGES_ATTR}"],
    assigns=[
        "doc.ents",
        "token.ent_iob",
        "token.ent_type",
        *(f"token.{a.lower()}" for a in _PARSE_ATTRS),
    ],
)
def make_focus(
    nlp: Language,
    name: str,
    entity_pipes: list[str],
    parse_pipes: list[str],
    model_pipes: list[str],
    batch_size: int,
) -> FocusedAnalysis:
    return FocusedAnalysis(nlp, entity_pipes, parse_pipes, batch_size, model_pipes)
