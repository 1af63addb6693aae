"""The local engine: one process runs every stage over the documents, in a stable order.

It owns what stages must not: the spaCy ``Language`` (built once), the stage clock, and catching
a failure at a document's boundary (so one bad document becomes a quarantine row, never a
crashed run). It maps the stages over batches of files and writes each batch's rows as part
files; the run around it (plan, merge, commit) is the runner's (``runner.py``). The process-pool
engine (``pool.py``) and the Dask engine differ only in where the batches run.
"""

from __future__ import annotations

import gc
import tempfile
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import cast

from spacy.language import Language

from resume_etl._faults import checkpoint, slow_input
from resume_etl.config import PipelineConfig
from resume_etl.engines.timing import MODEL, StageClock
from resume_etl.errors import ErrorCode
from resume_etl.nlp import labels
from resume_etl.nlp.build import build_nlp
from resume_etl.nlp.components import LexiconMatcher
from resume_etl.records import DocumentRecord, QuarantineRecord
from resume_etl.stages.extract import LexiconCategories, SpanIndex, analyse, extract
from resume_etl.stages.ingest import read_document
from resume_etl.stages.layout import line_model_for
from resume_etl.stages.segment import SectionClassifier, SegmentedDocument, segment
from resume_etl.stages.validate import validate
from resume_etl.storage.parts import BatchOutcome, BatchReport, write_parts
from resume_etl.vocab import Stage

__all__ = [
    "BATCH_SIZE",
    "LocalEngine",
    "Outcome",
    "duplicate_of",
    "lexicon_categories",
    "no_beat",
]

BATCH_SIZE = 32

WARM_UP_TEXT = (
    "Summary\nAnalyst.\n\nExperience\nAnalyst, Example Ltd\nJan 2020 - Present\n"
    "- Cut costs by 5% with Excel and SQL\n\nEducation\nB.Sc. Economics\n2016 - 2019\n"
)
"""A made-up document a worker runs once before its first batch (``LocalEngine.warm_up``)."""


def lexicon_categories(nlp: Language) -> LexiconCategories:
    """Canonical label -> category for each lexicon the extract stage reads categories from."""
    by_key: dict[str, dict[str, str | None]] = {}
    for _, pipe in nlp.pipeline:
        if isinstance(pipe, LexiconMatcher):  # lexicons sharing a key share their categories
            by_key.setdefault(pipe.span_key, {}).update(pipe.categories)
    return LexiconCategories(
        skills=by_key.get(labels.SKILLS, {}),
        degrees=by_key.get(labels.DEGREES, {}),
        employment_types=by_key.get(labels.EMPLOYMENT_TYPES, {}),
        publication_cues=by_key.get(labels.PUBLICATION_CUES, {}),
    )


def _quarantine(
    path: Path,
    stage: Stage,
    code: ErrorCode,
    error: BaseException,
    document: DocumentRecord | None = None,
) -> QuarantineRecord:
    return QuarantineRecord(
        doc_id=document.doc_id if document else None,
        source_path=str(path),
        content_sha256=document.content_sha256 if document else None,
        stage=stage,
        error_code=code,
        error_type=type(error).__name__,
        reason=(str(error).splitlines() or [type(error).__name__])[0][:500],
    )


Outcome = BatchOutcome
"""What became of one input file: its rows, or the reason it was quarantined."""


def _settle_long_lived_objects() -> None:
    """Move every object alive now (the model, vocabularies, compiled patterns) out of the
    collector's reach.

    They live as long as the process, but each full collection walks all of them again: with a
    spaCy model loaded, that was 1-2 s of a 120-document run. ``gc.freeze`` leaves them alone
    (objects made later are collected as before); it is what CPython's docs advise for a
    long-lived set of objects made at start-up. Only the first engine of a process does it: a
    program that builds engines again and again (a service calling the API per request) must
    not make its own later objects permanent, since frozen cyclic garbage is never freed.
    """
    global _settled  # noqa: PLW0603  (once per process, by design)
    if _settled:
        return
    _settled = True
    gc.collect()
    gc.freeze()


_settled = False
"""Whether this process has frozen its start-up objects (``_settle_long_lived_objects``)."""


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a batch runs; as before once it is done.

    A batch keeps every row it builds until its part files are written: a document of bullets
    has hundreds of metrics, each a span, a match, a draft and a record, and the collector
    walked them again each time allocations crossed its threshold. That was a tenth of the CPU
    of 32 documents of 10 KB of bullets and hardly any of one 1 MB document (1,000 metrics),
    so a cost per metric that made small documents dearer per MB. The stages make almost no
    reference cycles (a few hundred objects per batch, freed by the collection that follows),
    so pausing it costs no memory worth counting. Nested use leaves it to the outer one.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class LocalEngine:
    """Runs the stages in this process, a batch of files at a time."""

    def __init__(self, config: PipelineConfig, nlp: Language | None = None) -> None:
        self.config = config
        self.clock = StageClock()
        with self.clock.timing(MODEL):
            self.nlp = nlp if nlp is not None else build_nlp(config.extract)
        # ingest.max_chars bounds documents; spaCy's own limit must not quarantine less.
        self.nlp.max_length = max(self.nlp.max_length, config.ingest.max_chars)
        self.classifier = SectionClassifier(config.segment)
        self.line_model = line_model_for(config.segment)
        self.categories = lexicon_categories(self.nlp)
        self.today = config.extract.dates.today()
        _settle_long_lived_objects()
        self.on_document: Callable[[Path], None] | None = None
        """Called as each document is done (a progress bar in this process; batches report
        to a process far away)."""
        # Where relative input paths are read from (None: here); rows name them as given.
        self.root: Path | None = None
        self.heartbeat: Callable[[int | None], None] = no_beat
        """Called as each step of a document starts, with its index in the batch (None for a
        step over the whole batch): a budgeted worker's ``heartbeat.Heartbeat``."""

    def warm_up(self) -> None:
        """Run one small made-up document through every stage and forget it.

        Libraries load data on first use (dateparser's locales, the model's tables, Parquet's
        writer): a worker pays for that here, as it starts, not in its first batch's budget.
        """
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "warm-up.txt"
            path.write_text(WARM_UP_TEXT, encoding="utf-8")
            self.write_batch([path], {}, Path(folder) / "parts", 0)
        self.clock = StageClock()

    def outcomes(self, files: Sequence[Path]) -> Iterator[tuple[Path, Outcome]]:
        """Each file's outcome, in the order of ``files``; later duplicates are quarantined."""
        seen: dict[str, str] = {}
        for start in range(0, len(files), BATCH_SIZE):
            batch = files[start : start + BATCH_SIZE]
            yield from self.process_batch(batch, seen)
            self.clock.take([str(path) for path in batch])  # per-file seconds: not wanted here

    def batches(self, files: Sequence[Path], parts: Path) -> Iterator[BatchReport]:
        """Run ``files`` a batch at a time, each batch's rows written as part files in ``parts``."""
        seen: dict[str, str] = {}
        for index, start in enumerate(range(0, len(files), BATCH_SIZE)):
            yield self.write_batch(files[start : start + BATCH_SIZE], seen, parts, index)

    def write_batch(
        self, paths: Sequence[Path], seen: dict[str, str], parts: Path, index: int
    ) -> BatchReport:
        """One batch through the stages, its rows into part files numbered ``index``."""
        with _collector_paused():
            outcomes = self.process_batch(paths, seen)
            self.heartbeat(None)
            with self.clock.timing("load", shared_by=dict.fromkeys(map(str, paths), 1.0)):
                report = write_parts(outcomes, parts, index, self.config.load.tables)
        checkpoint("load.part")
        report.document_seconds = self.clock.take([str(path) for path in paths])
        return report

    def process_batch(
        self, paths: Sequence[Path], seen: dict[str, str]
    ) -> list[tuple[Path, Outcome]]:
        """Outcomes of ``paths`` in order; ``seen`` (doc_id -> first path) spans batches."""
        with _collector_paused():
            return self._process_batch(paths, seen)

    def _process_batch(
        self, paths: Sequence[Path], seen: dict[str, str]
    ) -> list[tuple[Path, Outcome]]:
        """``process_batch``'s work: ingest and segment each file, the batch through spaCy,
        then extract and validate each document."""
        slots: list[tuple[Path, Outcome | SegmentedDocument]] = []
        for position, path in enumerate(paths):
            self.heartbeat(position)
            with self.clock.document(str(path)):
                slots.append((path, self._segmented(path, seen)))
        positions = [at for at, (_, got) in enumerate(slots) if isinstance(got, SegmentedDocument)]
        items = [cast("SegmentedDocument", slots[at][1]) for at in positions]
        lengths = {
            str(path): float(len(item.document.text))
            for path, item in slots
            if isinstance(item, SegmentedDocument)
        }
        with self.clock.timing("nlp", shared_by=lengths):
            docs = self._parsed(items, positions)
        # Taken one at a time and let go once a document's drafts are made (``_extracted``):
        # its Doc, spans and their values are then freed before its records are built.
        parsed = deque(zip(items, docs, strict=True))
        del docs
        results: list[tuple[Path, Outcome]] = []
        for position, (path, item) in enumerate(slots):
            if isinstance(item, SegmentedDocument):
                self.heartbeat(position)
                with self.clock.document(str(path)):
                    results.append((path, self._extracted(path, parsed)))
            else:
                results.append((path, item))
            if self.on_document is not None:
                self.on_document(path)
        return results

    def _parsed(
        self, items: list[SegmentedDocument], positions: list[int]
    ) -> list[SpanIndex | Exception]:
        """Each document's spans after every spaCy component, or the error it raised alone.

        ``analyse`` runs the phases: rule components, the entity windows from data, the model
        components. A batch that fails is parsed again one document at a time, so a text that
        breaks a component (ours or spaCy's) costs that document only, never the run.
        ``positions`` are the items' places in the batch, for the heartbeat.
        """

        def beat(at: int | None) -> None:
            self.heartbeat(None if at is None else positions[at])

        try:
            return list(analyse(self.nlp, items, BATCH_SIZE, beat))
        except Exception:
            pairs = zip(items, positions, strict=True)
            return [self._parsed_alone(item, position) for item, position in pairs]

    def _parsed_alone(self, item: SegmentedDocument, position: int) -> SpanIndex | Exception:
        try:
            return analyse(self.nlp, [item], beat=lambda _at: self.heartbeat(position))[0]
        except Exception as error:  # returned, and quarantined by _extracted
            return error

    def _segmented(self, path: Path, seen: dict[str, str]) -> Outcome | SegmentedDocument:
        checkpoint("ingest")
        slow_input(path)
        with self.clock.timing("ingest"):
            outcome = read_document(path, self.config.ingest, self.root, self.config.load.out)
        if isinstance(outcome, QuarantineRecord):
            return outcome
        if outcome.doc_id in seen:
            return duplicate_of(outcome, path, seen[outcome.doc_id])
        seen[outcome.doc_id] = str(path)
        try:
            checkpoint("segment")
            with self.clock.timing("segment"):
                return segment(outcome, self.classifier, self.line_model)
        except Exception as error:  # a bug must cost one document, not the run
            return _quarantine(path, Stage.SEGMENT, ErrorCode.E010_SEGMENT_FAILED, error, outcome)

    def _extracted(
        self, path: Path, parsed: deque[tuple[SegmentedDocument, SpanIndex | Exception]]
    ) -> Outcome:
        """The next parsed document of ``parsed`` (taken from it) extracted and validated.

        Its ``SpanIndex`` is dropped once the drafts are made: the ``Doc`` with a span and a
        match per metric is not read again, and freed, its memory serves the records (a
        document of 100,000 metrics held both at once).
        """
        item, spans = parsed.popleft()
        checkpoint("extract")
        try:
            if isinstance(spans, Exception):
                raise spans
            with self.clock.timing("extract"):
                extracted = extract(item, spans, self.categories)
            del spans
            with self.clock.timing("validate"):
                validated = validate(extracted, self.today)
            checkpoint("validate")
        except Exception as error:  # a bug must cost one document, not the run
            return _quarantine(
                path, Stage.EXTRACT, ErrorCode.E020_EXTRACT_FAILED, error, item.document
            )
        return validated


def no_beat(_position: int | None) -> None:
    """The heartbeat of an engine no one watches."""


def duplicate_of(document: DocumentRecord, path: Path, first_path: str) -> QuarantineRecord:
    """The quarantine row of a document whose text an earlier file already had."""
    return QuarantineRecord(
        doc_id=document.doc_id,
        source_path=str(path),
        content_sha256=document.content_sha256,
        stage=Stage.INGEST,
        error_code=ErrorCode.E006_DUPLICATE,
        error_type="DuplicateDocument",
        reason=f"same text as {first_path}",
    )
