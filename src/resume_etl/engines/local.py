"""The local engine: one process runs every stage over the documents, in a stable order.

It owns what stages must not: the spaCy ``Language`` (built once), progress reporting, catching a
failure at a document's boundary (so one bad document becomes a quarantine row, never a crashed
run) and handing rows to the load stage.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from resume_etl._faults import checkpoint
from resume_etl.config import PipelineConfig
from resume_etl.errors import ErrorCode
from resume_etl.fingerprint import pipeline_fingerprint
from resume_etl.incremental import RunOptions, RunSummary, merge_run, plan_run
from resume_etl.nlp import labels
from resume_etl.nlp.build import build_nlp
from resume_etl.nlp.components import LexiconMatcher
from resume_etl.records import DocumentRecord, QuarantineRecord
from resume_etl.stages.extract import LexiconCategories, extract
from resume_etl.stages.ingest import discover, read_document
from resume_etl.stages.segment import SectionClassifier, SegmentedDocument, segment
from resume_etl.stages.validate import ValidatedDocument, validate
from resume_etl.store import open_store
from resume_etl.vocab import Stage

__all__ = [  # RunSummary moved to incremental.py and is still importable from here
    "LocalEngine",
    "ProgressCallback",
    "RunOptions",
    "RunSummary",
    "discover_inputs",
    "lexicon_categories",
    "run_local",
]

ProgressCallback = Callable[[Path], None]
"""Called once per input file as its processing finishes."""
_Context = tuple[Path, SegmentedDocument]

BATCH_SIZE = 32


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
        self.nlp.max_length = max(self.nlp.max_length, config.ingest.max_chars)
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
        for doc, (path, item) in self._parsed(segmented):
            checkpoint("extract")
            try:
                if isinstance(doc, Exception):
                    raise doc
                parsed.append(validate(extract(item, doc, self.categories), self.today))
                checkpoint("validate")
            except Exception as error:  # a bug must cost one document, not the run
                quarantined.append(
                    _quarantine(
                        path, Stage.EXTRACT, ErrorCode.E020_EXTRACT_FAILED, error, item.document
                    )
                )
            if on_progress:
                on_progress(path)
        return parsed, quarantined

    def _parsed(
        self, segmented: Iterable[tuple[str, _Context]]
    ) -> Iterator[tuple[Doc | Exception, _Context]]:
        """spaCy's ``Doc`` per text, or the error it raised for that text alone.

        A batch that fails is parsed again one text at a time, so a text that breaks a
        component (ours or spaCy's) costs that document only, never the run.
        """
        texts = iter(segmented)
        while batch := list(itertools.islice(texts, BATCH_SIZE)):
            try:
                yield from list(self.nlp.pipe(batch, as_tuples=True, batch_size=BATCH_SIZE))
            except Exception:
                for text, context in batch:
                    try:
                        yield self.nlp(text), context
                    except Exception as error:
                        yield error, context

    def _segmented(
        self,
        files: Sequence[Path],
        quarantined: list[QuarantineRecord],
        on_progress: ProgressCallback | None,
    ) -> Iterator[tuple[str, _Context]]:
        seen: dict[str, str] = {}
        for path in files:
            checkpoint("ingest")
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
                checkpoint("segment")
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
    options: RunOptions | None = None,
) -> RunSummary:
    """Process the new and changed ``files`` and commit every configured table into ``out``.

    Holds the output folder's lock throughout; see ``store.py`` for what a commit guarantees.
    """
    started = time.perf_counter()
    options = options or RunOptions()
    with open_store(out, wait=options.wait, rebuild=options.full) as store:
        previous = store.committed()
        fingerprint = pipeline_fingerprint(config)
        plan = plan_run(files, previous, fingerprint, config.ingest.max_bytes, options)
        for path in plan.reused.values():
            if on_progress:
                on_progress(Path(path.source_path))
        parsed, quarantined = (
            LocalEngine(config, nlp).process(plan.to_process, on_progress)
            if plan.to_process
            else ([], [])
        )
        merged = merge_run(plan, previous, parsed, quarantined, config.load.tables, config.name)
        manifest = store.commit(merged.manifest, merged.tables)
    return RunSummary.of(manifest, merged.tables, out, time.perf_counter() - started)


def discover_inputs(paths: Sequence[Path], config: PipelineConfig) -> list[Path]:
    """Input files in a stable order; the list is made first so progress knows the total."""
    return list(discover(paths, config.ingest))
