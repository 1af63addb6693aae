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

from resume_etl.config import PipelineConfig
from resume_etl.errors import ErrorCode
from resume_etl.nlp import labels
from resume_etl.nlp.build import build_nlp
from resume_etl.nlp.components import LexiconMatcher
from resume_etl.records import DocumentRecord, QuarantineRecord
from resume_etl.stages.extract import LexiconCategories, extract
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


class LocalEngine:
    """Runs the stages in this process."""

    def __init__(self, config: PipelineConfig, nlp: Language | None = None) -> None:
        self.config = config
        self.nlp = nlp if nlp is not None else build_nlp(config.extract)
        self.classifier = SectionClassifier(config.segment)
        self.categories = lexicon_categories(self.nlp)
        self.today = config.extract.dates.today()

    def process(
        self, files: Sequence[Path], on_progress: ProgressCallback | None = None
    ) -> tuple[list[ValidatedDocument], list[QuarantineRecord]]:
        """Every file ends parsed (a ValidatedDocument) or quarantined, never both or neither."""
        quarantined: list[QuarantineRecord] = []
        parsed: list[ValidatedDocument] = []
        segmented = self._segmented(files, quarantined, on_progress)
        for doc, (path, item) in self.nlp.pipe(segmented, as_tuples=True, batch_size=BATCH_SIZE):
            try:
                parsed.append(validate(extract(item, doc, self.categories), self.today))
            except Exception as error:  # a bug must cost one document, not the run
                quarantined.append(
                    _quarantine(
                        path, Stage.EXTRACT, ErrorCode.E020_EXTRACT_FAILED, error, item.document
                    )
                )
            if on_progress:
                on_progress(path)
        return parsed, quarantined

    def _segmented(
        self,
        files: Sequence[Path],
        quarantined: list[QuarantineRecord],
        on_progress: ProgressCallback | None,
    ) -> Iterator[tuple[str, tuple[Path, SegmentedDocument]]]:
        seen: dict[str, str] = {}
        for path in files:
            outcome = read_document(path, self.config.ingest)
            if isinstance(outcome, DocumentRecord) and outcome.doc_id in seen:
                outcome = QuarantineRecord(
                    doc_id=outcome.doc_id,
                    source_path=str(path),
                    content_sha256=outcome.content_sha256,
                    stage=Stage.INGEST,
                    error_code=ErrorCode.E006_DUPLICATE,
                    error_type="DuplicateDocument",
                    reason=f"same text as {seen[outcome.doc_id]}",
                )
            if isinstance(outcome, QuarantineRecord):
                quarantined.append(outcome)
                if on_progress:
                    on_progress(path)
                continue
            seen[outcome.doc_id] = str(path)
            try:
                item = segment(outcome, self.classifier)
            except Exception as error:  # a bug must cost one document, not the run
                quarantined.append(
                    _quarantine(path, Stage.SEGMENT, ErrorCode.E010_SEGMENT_FAILED, error, outcome)
                )
                if on_progress:
                    on_progress(path)
                continue
            yield outcome.text, (path, item)


def run_local(
    config: PipelineConfig,
    files: Sequence[Path],
    out: Path,
    on_progress: ProgressCallback | None = None,
    nlp: Language | None = None,
) -> RunSummary:
    """Process ``files`` and write every configured table into ``out``."""
    started = time.perf_counter()
    engine = LocalEngine(config, nlp)
    parsed, quarantined = engine.process(files, on_progress)
    rows: dict[str, list[BaseModel]] = {}
    for document in parsed:
        for table, table_rows in document.rows.items():
            rows.setdefault(table, []).extend(table_rows)
    record_quarantine = [row for document in parsed for row in document.quarantine]
    rows["quarantine"] = [*quarantined, *record_quarantine]
    written = load(rows, out, config.load.tables)
    return RunSummary(
        documents_read=len(files),
        documents_parsed=len(parsed),
        documents_quarantined=len({q.source_path for q in quarantined}),
        rows_written=written,
        seconds=time.perf_counter() - started,
        out=out,
    )


def discover_inputs(paths: Sequence[Path], config: PipelineConfig) -> list[Path]:
    """Input files in a stable order; the list is made first so progress knows the total."""
    return list(discover(paths, config.ingest))
