"""The local engine: one process runs every stage over the documents, in a stable order.

It owns what stages must not: the spaCy ``Language`` (built once), progress reporting, catching a
failure at a document's boundary (so one bad document becomes a quarantine row, never a crashed
run) and handing rows to the load stage.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel
from spacy.language import Language
from spacy.tokens import Doc

from resume_etl.config import PipelineConfig
from resume_etl.engines.timing import StageClock
from resume_etl.errors import ErrorCode
from resume_etl.nlp import labels
from resume_etl.nlp.build import build_nlp
from resume_etl.nlp.components import LexiconMatcher
from resume_etl.records import DocumentRecord, QuarantineRecord
from resume_etl.stages.extract import LexiconCategories, analysis_doc, extract
from resume_etl.stages.ingest import discover, read_document
from resume_etl.stages.load import load
from resume_etl.stages.segment import SectionClassifier, SegmentedDocument, segment
from resume_etl.stages.validate import ValidatedDocument, validate
from resume_etl.vocab import Stage

ProgressCallback = Callable[[Path], None]
"""Called once per input file as its processing finishes."""

BATCH_SIZE = 32


@dataclass(slots=True)
class RunSummary:
    """What a run did: the figures the CLI prints at the end."""

    documents_read: int = 0
    documents_parsed: int = 0
    documents_quarantined: int = 0
    rows_written: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    out: Path = Path()
    stage_seconds: dict[str, float] = field(default_factory=dict)
    """Seconds per stage (``timing.STAGES``), summed over workers."""


def lexicon_categories(nlp: Language) -> LexiconCategories:
    """Canonical label -> category for each lexicon the extract stage reads categories from."""
    by_key = {
        pipe.span_key: pipe.categories
        for _, pipe in nlp.pipeline
        if isinstance(pipe, LexiconMatcher)
    }
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


Outcome = ValidatedDocument | QuarantineRecord
"""What became of one input file: its rows, or the reason it was quarantined."""


class LocalEngine:
    """Runs the stages in this process, a batch of files at a time."""

    def __init__(self, config: PipelineConfig, nlp: Language | None = None) -> None:
        self.config = config
        self.nlp = nlp if nlp is not None else build_nlp(config.extract)
        self.classifier = SectionClassifier(config.segment)
        self.categories = lexicon_categories(self.nlp)
        self.today = config.extract.dates.today()
        self.clock = StageClock()

    def process(
        self, files: Sequence[Path], on_progress: ProgressCallback | None = None
    ) -> tuple[list[ValidatedDocument], list[QuarantineRecord]]:
        """Every file ends parsed (a ValidatedDocument) or quarantined, never both or neither."""
        parsed: list[ValidatedDocument] = []
        quarantined: list[QuarantineRecord] = []
        for path, outcome in self.outcomes(files):
            if isinstance(outcome, QuarantineRecord):
                quarantined.append(outcome)
            else:
                parsed.append(outcome)
            if on_progress:
                on_progress(path)
        return parsed, quarantined

    def outcomes(self, files: Sequence[Path]) -> Iterator[tuple[Path, Outcome]]:
        """Each file's outcome, in the order of ``files``; later duplicates are quarantined."""
        seen: dict[str, str] = {}
        for start in range(0, len(files), BATCH_SIZE):
            yield from self.process_batch(files[start : start + BATCH_SIZE], seen)

    def process_batch(
        self, paths: Sequence[Path], seen: dict[str, str]
    ) -> list[tuple[Path, Outcome]]:
        """Outcomes of ``paths`` in order; ``seen`` (doc_id -> first path) spans batches."""
        slots: list[tuple[Path, Outcome | SegmentedDocument]] = [
            (path, self._segmented(path, seen)) for path in paths
        ]
        items = [item for _, item in slots if isinstance(item, SegmentedDocument)]
        with self.clock.timing("nlp"):
            prepared = [analysis_doc(self.nlp, item) for item in items]
            docs = list(self.nlp.pipe(prepared, batch_size=BATCH_SIZE))
        parsed = iter(zip(items, docs, strict=True))
        results: list[tuple[Path, Outcome]] = []
        for path, item in slots:
            if isinstance(item, SegmentedDocument):
                results.append((path, self._extracted(path, *next(parsed))))
            else:
                results.append((path, item))
        return results

    def _segmented(self, path: Path, seen: dict[str, str]) -> Outcome | SegmentedDocument:
        with self.clock.timing("ingest"):
            outcome = read_document(path, self.config.ingest)
        if isinstance(outcome, QuarantineRecord):
            return outcome
        if outcome.doc_id in seen:
            return duplicate_of(outcome, path, seen[outcome.doc_id])
        seen[outcome.doc_id] = str(path)
        try:
            with self.clock.timing("segment"):
                return segment(outcome, self.classifier)
        except Exception as error:  # a bug must cost one document, not the run
            return _quarantine(path, Stage.SEGMENT, ErrorCode.E010_SEGMENT_FAILED, error, outcome)

    def _extracted(self, path: Path, item: SegmentedDocument, doc: Doc) -> Outcome:
        try:
            with self.clock.timing("extract"):
                extracted = extract(item, doc, self.categories)
            with self.clock.timing("validate"):
                return validate(extracted, self.today)
        except Exception as error:  # a bug must cost one document, not the run
            return _quarantine(
                path, Stage.EXTRACT, ErrorCode.E020_EXTRACT_FAILED, error, item.document
            )


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


@dataclass(slots=True)
class RowCollector:
    """Gathers outcomes, in order, into rows per table and the figures of the summary."""

    documents_read: int = 0
    parsed: int = 0
    quarantined_paths: set[str] = field(default_factory=set)
    rows: dict[str, list[BaseModel]] = field(default_factory=dict)
    quarantine: list[QuarantineRecord] = field(default_factory=list)
    record_quarantine: list[QuarantineRecord] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.documents_read += 1
        if isinstance(outcome, QuarantineRecord):
            self.quarantine.append(outcome)
            self.quarantined_paths.add(outcome.source_path)
            return
        self.parsed += 1
        for table, table_rows in outcome.rows.items():
            self.rows.setdefault(table, []).extend(table_rows)
        self.record_quarantine.extend(outcome.quarantine)

    def write(self, out: Path, tables: Sequence[str], clock: StageClock) -> dict[str, int]:
        rows: dict[str, list[BaseModel]] = {
            **self.rows,
            "quarantine": [*self.quarantine, *self.record_quarantine],
        }
        with clock.timing("load"):
            return load(rows, out, tables)

    def summary(self, written: dict[str, int], started: float, out: Path) -> RunSummary:
        return RunSummary(
            documents_read=self.documents_read,
            documents_parsed=self.parsed,
            documents_quarantined=len(self.quarantined_paths),
            rows_written=written,
            seconds=time.perf_counter() - started,
            out=out,
        )


def run_local(
    config: PipelineConfig,
    files: Sequence[Path],
    out: Path,
    on_progress: ProgressCallback | None = None,
    nlp: Language | None = None,
) -> RunSummary:
    """Process ``files`` in this process and write every configured table into ``out``."""
    started = time.perf_counter()
    engine = LocalEngine(config, nlp)
    collector = RowCollector()
    for path, outcome in engine.outcomes(files):
        collector.add(outcome)
        if on_progress:
            on_progress(path)
    written = collector.write(out, config.load.tables, engine.clock)
    summary = collector.summary(written, started, out)
    summary.stage_seconds = dict(engine.clock.seconds)
    return summary


def discover_inputs(paths: Sequence[Path], config: PipelineConfig) -> list[Path]:
    """Input files in a stable order; the list is made first so progress knows the total."""
    return list(discover(paths, config.ingest))
