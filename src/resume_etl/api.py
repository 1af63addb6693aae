"""The public entry points: ``run`` a pipeline, ``read_tables`` back."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

from resume_etl.config import PipelineConfig, load_config
from resume_etl.engines import EngineName
from resume_etl.hints import missing_inputs_error, no_documents_error, undecodable_names_error
from resume_etl.nlp.build import check_model
from resume_etl.runner import (
    ProgressCallback,
    RunHooks,
    RunOptions,
    RunPhase,
    RunSummary,
    discover_inputs,
    run_on_engine,
)
from resume_etl.stages.ingest import unread_endings
from resume_etl.tables import Tables, read_tables

__all__ = ["Tables", "read_tables", "run"]


def run(
    paths: Sequence[Path | str],
    pipeline: Path | str | PipelineConfig | None = None,
    out: Path | str | None = None,
    on_progress: ProgressCallback | None = None,
    workers: int | None = None,
    *,
    full: bool = False,
    prune: bool = False,
    wait: bool = False,
    engine: EngineName | str = EngineName.LOCAL,
    scheduler: str | None = None,
    on_start: Callable[[int], None] | None = None,
    on_phase: Callable[[RunPhase], None] | None = None,
    started: float | None = None,
) -> RunSummary:
    """Run the pipeline on files and folders; commit the tables into ``out``.

    ``pipeline`` defaults to the one shipped with the package; ``out`` to its ``load.out``;
    ``workers`` to all cores (each worker process loads the model once; the tables do not
    depend on the number). Unchanged
    inputs keep their stored rows unless ``full``; rows of files no longer given are removed only
    with ``prune``; ``wait`` queues behind another run on ``out`` instead of raising E105.
    ``engine="dask"`` runs the stages on the Dask cluster at ``scheduler`` (``tcp://HOST:PORT``),
    or on a ``LocalCluster`` of ``workers`` processes (default 2) when no address is given; the
    tables are the same as with ``engine="local"``. ``on_start`` is called once with the number
    of input files found, before any is processed (a progress bar's total); ``on_progress``
    once per file as it is done; ``on_phase`` as the run moves on (checking inputs, loading
    the model, documents, writing tables). The summary's ``wall_seconds`` count from
    ``started`` (a ``time.perf_counter()`` value; default: this call).
    """
    hooks = RunHooks(on_phase, started if started is not None else time.perf_counter())
    config = pipeline if isinstance(pipeline, PipelineConfig) else load_config(pipeline)
    check_model(config.extract)
    input_paths = [Path(path) for path in paths]
    missing = [str(path) for path in input_paths if not path.exists()]
    if missing:
        raise missing_inputs_error(missing, defaulted=False)
    files = discover_inputs(input_paths, config)
    bad_names = undecodable_names_error(files)
    if bad_names is not None:
        raise bad_names
    not_read = unread_endings(input_paths, config.ingest)
    if not files and not prune:
        raise no_documents_error(
            [str(path) for path in input_paths], config.ingest.extensions, not_read
        )
    if on_start is not None:
        on_start(len(files))
    target = Path(out) if out is not None else config.load.out
    options = RunOptions(full=full, prune=prune, wait=wait)
    summary = run_on_engine(
        config, files, target, EngineName(engine), scheduler, workers, on_progress, options, hooks
    )
    summary.not_read = not_read
    return summary
