"""The runner: one run from input files to committed tables, whichever engine runs the stages.

It owns the phases around the stages, in this order: open the output folder's store under its
lock, plan which inputs need the stages (``storage/plan.py``), have an engine run the stages
over batches of those inputs (``engines/``: in this process, a process pool or a Dask
cluster, each writing the batches' rows as part files), merge the fresh rows with the stored
ones (``storage/merge.py``), commit (``storage/store.py`` says what a commit guarantees), and
sum the run up in a ``RunSummary`` (``run_summary.py``). Engines only map the stages over
batches; the CLI and ``resume_etl.run`` reach the runner through ``api.py``.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from spacy.language import Language

from resume_etl.config import PipelineConfig
from resume_etl.engines import BatchSource, EngineName
from resume_etl.engines.dask import DaskEngine
from resume_etl.engines.local import BATCH_SIZE, LocalEngine
from resume_etl.engines.sizing import LocalWorkers
from resume_etl.engines.timing import MODEL, StageClock
from resume_etl.run_summary import RunSummary, report_run
from resume_etl.stages.ingest import discover
from resume_etl.storage.fingerprint import pipeline_fingerprint
from resume_etl.storage.merge import merge_run
from resume_etl.storage.parts import BatchReport, PartFile
from resume_etl.storage.plan import RunOptions, RunPlan, plan_run
from resume_etl.storage.store import (
    PARTS_DIR,
    FileEntry,
    new_run_id,
    open_store,
)

__all__ = [
    "ProgressCallback",
    "RunHooks",
    "RunOptions",
    "RunPhase",
    "RunSummary",
    "discover_inputs",
    "run_files",
    "run_on_dask",
    "run_on_engine",
    "run_with_workers",
]

ProgressCallback = Callable[[Path], None]
"""Called once per input file as its processing finishes."""


class RunPhase(StrEnum):
    """What a run is doing, for a progress bar to say."""

    PLAN = "checking inputs"
    START = "loading model"
    DOCUMENTS = "documents"
    COMMIT = "writing tables"


@dataclass(frozen=True, slots=True)
class RunHooks:
    """What a run reports while it goes, and the moment its wall-clock time counts from."""

    on_phase: Callable[[RunPhase], None] | None = None
    started: float | None = None
    """``time.perf_counter()`` when the caller started (default: when the runner did)."""

    def phase(self, phase: RunPhase) -> None:
        if self.on_phase is not None:
            self.on_phase(phase)


def discover_inputs(paths: Sequence[Path], config: PipelineConfig) -> list[Path]:
    """Input files in a stable order; the list is made first so progress knows the total."""
    return list(discover(paths, config.ingest))


def with_output(config: PipelineConfig, out: Path) -> PipelineConfig:
    """``config`` with ``load.out`` the run's resolved output folder, which every engine's
    workers get: person keys are paths relative to it (``stages.ingest.person_key_for``).
    The fingerprint leaves ``load.out`` out, so stored rows stay reusable."""
    resolved = Path(os.path.realpath(out))
    return config.model_copy(update={"load": config.load.model_copy(update={"out": resolved})})


def run_on_engine(
    config: PipelineConfig,
    files: Sequence[Path],
    out: Path,
    engine: EngineName = EngineName.LOCAL,
    scheduler: str | None = None,
    workers: int | None = None,
    on_progress: ProgressCallback | None = None,
    options: RunOptions | None = None,
    hooks: RunHooks | None = None,
) -> RunSummary:
    """Run discovered ``files`` on ``engine``: the one place a run's engine is chosen."""
    if scheduler is not None and workers is not None:  # else silently ignored: say so instead
        raise ValueError("workers cannot be given with a scheduler, whose cluster has its own")
    if engine is EngineName.DASK:
        return run_on_dask(
            config, files, out, scheduler, workers, on_progress, options=options, hooks=hooks
        )
    if scheduler is not None:
        raise ValueError("a scheduler address needs engine='dask'")
    return run_with_workers(config, files, out, workers, on_progress, options=options, hooks=hooks)


def run_with_workers(
    config: PipelineConfig,
    files: Sequence[Path],
    out: Path,
    workers: int | None = None,
    on_progress: ProgressCallback | None = None,
    batch_size: int | None = None,
    options: RunOptions | None = None,
    hooks: RunHooks | None = None,
) -> RunSummary:
    """Run ``files`` on this machine, in this process or on worker processes.

    How many is decided once the run knows which inputs are new or changed
    (``engines.sizing.LocalWorkers``): by default all cores, but a worker only for every
    ``MIN_DOCUMENTS_PER_WORKER`` documents, so a small run starts no process.
    """
    source = LocalWorkers(workers, batch_size)
    return run_files(config, files, out, on_progress, options=options, source=source, hooks=hooks)


def run_on_dask(
    config: PipelineConfig,
    files: Sequence[Path],
    out: Path,
    scheduler: str | None = None,
    workers: int | None = None,
    on_progress: ProgressCallback | None = None,
    batch_size: int = BATCH_SIZE,
    options: RunOptions | None = None,
    hooks: RunHooks | None = None,
) -> RunSummary:
    """Run ``files`` on the cluster at ``scheduler``, or on a ``LocalCluster`` of ``workers``.

    The stages run on the cluster; the plan, the merge and the commit here.
    """
    (hooks or RunHooks()).phase(RunPhase.START)
    with DaskEngine(with_output(config, out), scheduler, workers, batch_size) as engine:
        summary = run_files(
            config, files, out, on_progress, options=options, source=engine, hooks=hooks
        )
        summary.documents_per_worker = dict(sorted(engine.documents_per_worker.items()))
        summary.workers = max(1, len(summary.documents_per_worker))
        return summary


def run_files(
    config: PipelineConfig,
    files: Sequence[Path],
    out: Path,
    on_progress: ProgressCallback | None = None,
    nlp: Language | None = None,
    options: RunOptions | None = None,
    source: BatchSource | LocalWorkers | None = None,
    hooks: RunHooks | None = None,
) -> RunSummary:
    """Process the new and changed ``files`` and commit every configured table into ``out``.

    Holds the output folder's lock throughout; see ``storage/store.py`` for what a commit
    guarantees. ``source`` (default: a ``LocalEngine`` in this process, with ``nlp`` if given)
    is built or used only when some input needs processing, so a run with nothing new never
    loads the model. Rows go from the batches to part files and from there, streamed, into the
    tables: memory holds a batch and one entry per file, not the run's rows. After the commit,
    ``<out>/.resume-etl/run_results.json`` says what became of each input.
    """
    hooks = hooks or RunHooks()
    started = time.perf_counter()
    config = with_output(config, out)
    options = options or RunOptions()
    hooks.phase(RunPhase.PLAN)
    with open_store(out, wait=options.wait, rebuild=options.full) as store:
        previous = store.committed()
        fingerprint = pipeline_fingerprint(config)
        plan = plan_run(files, previous, fingerprint, config.ingest.max_bytes, options)
        if previous is not None and (plan.reused or plan.carried):
            store.verify(previous)  # stored rows are reused only from intact tables (E108)
        for entry in plan.reused.values():
            if on_progress:
                on_progress(Path(entry.source_path))
        run_id = new_run_id()
        staging = store.staging(run_id)
        try:
            fresh = _processed(config, plan, staging / PARTS_DIR, source, nlp, on_progress, hooks)
            hooks.phase(RunPhase.COMMIT)
            with fresh.clock.timing("load"):
                merged = merge_run(
                    plan,
                    previous,
                    fresh.entries,
                    fresh.parts,
                    staging,
                    config.load.tables,
                    config.name,
                    run_id,
                )
                store.commit_staged(merged.manifest)
        except BaseException:
            # A failed run's parts hold its rows: do not leave them until the next run.
            shutil.rmtree(staging, ignore_errors=True)
            raise
        summary = RunSummary.of(merged, out, time.perf_counter() - started)
        summary.stage_seconds = {MODEL: 0.0, **fresh.clock.seconds}  # in the order they ran
        summary.workers = fresh.workers
        summary.wall_seconds = time.perf_counter() - (hooks.started or started)
        report_run(store, summary, merged, fresh.entries, fresh.document_seconds)
    return summary


@dataclass(slots=True)
class _Fresh:
    """What the batches reported: an entry per processed file and the part files to read."""

    entries: list[FileEntry] = field(default_factory=list)
    parts: list[PartFile] = field(default_factory=list)
    document_seconds: dict[str, dict[str, float]] = field(default_factory=dict)
    clock: StageClock = field(default_factory=StageClock)
    workers: int = 1


def _processed(
    config: PipelineConfig,
    plan: RunPlan,
    parts: Path,
    source: BatchSource | LocalWorkers | None,
    nlp: Language | None,
    on_progress: ProgressCallback | None,
    hooks: RunHooks,
) -> _Fresh:
    """The stages over the inputs the plan has to process, on the engine sized for them."""
    if not plan.to_process:
        return _Fresh()
    hooks.phase(RunPhase.START)
    with _engine_for(config, len(plan.to_process), source, nlp) as (engine, workers):
        per_batch = on_progress
        if isinstance(engine, LocalEngine):  # in this process: a step per document, not batch
            engine.on_document, per_batch = on_progress, None
        hooks.phase(RunPhase.DOCUMENTS)
        try:
            fresh = _gathered(engine.batches(plan.to_process, parts), per_batch)
        finally:
            if isinstance(engine, LocalEngine):
                engine.on_document = None
        fresh.clock, fresh.workers = engine.clock, workers
    return fresh


@contextmanager
def _engine_for(
    config: PipelineConfig,
    documents: int,
    source: BatchSource | LocalWorkers | None,
    nlp: Language | None,
) -> Iterator[tuple[BatchSource, int]]:
    if isinstance(source, LocalWorkers):
        with source.engine(config, documents, nlp) as sized:
            yield sized
    else:
        yield (source if source is not None else LocalEngine(config, nlp)), 1


def _gathered(reports: Iterable[BatchReport], on_progress: ProgressCallback | None) -> _Fresh:
    """Every file's entry and every part file, in input order, reporting each file."""
    fresh = _Fresh()
    for report in reports:
        fresh.entries.extend(report.entries)
        fresh.parts.extend(report.parts)
        fresh.document_seconds.update(report.document_seconds)
        if on_progress:
            for entry in report.entries:
                on_progress(Path(entry.source_path))
    return fresh
