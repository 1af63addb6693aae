"""Part files: the driver reads exactly what the accepted batch reports name, nothing else."""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from spacy.language import Language

from resume_etl.api import read_tables
from resume_etl.config import PipelineConfig
from resume_etl.engines.local import LocalEngine
from resume_etl.engines.timing import StageClock
from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.records import QuarantineRecord
from resume_etl.runner import run_files
from resume_etl.storage.parts import BatchReport, write_parts
from resume_etl.storage.store import STATE_DIR
from resume_etl.vocab import Stage
from tests.conftest import RAW

CORPUS = ("101_data_scientist_us.md", "109_lawyer_uk.txt")


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in CORPUS:
        shutil.copy(RAW / name, folder / name)
    return [folder / name for name in CORPUS]


class _RetriedBatches:
    """Each batch is tried twice: a first attempt that quarantined every file (a worker that
    then died), and the attempt whose report the driver accepts."""

    def __init__(self, engine: LocalEngine) -> None:
        self.engine = engine
        self.clock = StageClock()

    def batches(self, files: Sequence[Path], parts: Path) -> Iterator[BatchReport]:
        failed = [(path, _transient_failure(path)) for path in files]
        write_parts(failed, parts, 0, self.engine.config.load.tables)
        yield self.engine.write_batch(files, {}, parts, 0)


class _PartsElsewhere:
    """Workers that cannot write where the driver reads: their parts land in another folder."""

    def __init__(self, engine: LocalEngine, elsewhere: Path) -> None:
        self.engine = engine
        self.elsewhere = elsewhere
        self.clock = StageClock()

    def batches(self, files: Sequence[Path], parts: Path) -> Iterator[BatchReport]:
        yield self.engine.write_batch(files, {}, self.elsewhere, 0)


def _transient_failure(path: Path) -> QuarantineRecord:
    return QuarantineRecord(
        source_path=str(path),
        stage=Stage.EXTRACT,
        error_code=ErrorCode.E020_EXTRACT_FAILED,
        error_type="MemoryError",
        reason="transient",
    )


def test_a_retried_batch_first_attempt_is_never_read(
    config: PipelineConfig, nlp: Language, inputs: list[Path], tmp_path: Path
) -> None:
    engine = LocalEngine(config, nlp)
    summary = run_files(config, inputs, tmp_path / "out", source=_RetriedBatches(engine))
    assert (summary.documents_parsed, summary.quarantine_rows) == (2, 0)
    tables = read_tables(tmp_path / "out")
    assert tables["quarantine"].empty
    assert tables["documents"]["source_path"].tolist() == [str(path) for path in inputs]


def test_a_part_file_the_driver_cannot_see_stops_the_run(
    config: PipelineConfig, nlp: Language, inputs: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run_files(config, inputs[:1], out, nlp=nlp)
    before = read_tables(out)["documents"]["source_path"].tolist()
    source = _PartsElsewhere(LocalEngine(config, nlp), tmp_path / "elsewhere")
    with pytest.raises(ResumeEtlError) as raised:
        run_files(config, inputs, out, source=source)
    assert raised.value.code is ErrorCode.E124_PART_MISSING
    assert "shared file system" in str(raised.value)
    assert read_tables(out)["documents"]["source_path"].tolist() == before
    assert not list((out / STATE_DIR).glob("staging-*"))  # the failed run's rows are gone


def test_each_attempt_writes_files_of_its_own(
    config: PipelineConfig, nlp: Language, inputs: list[Path], tmp_path: Path
) -> None:
    engine = LocalEngine(config, nlp)
    first = engine.write_batch(inputs, {}, tmp_path, 0)
    second = engine.write_batch(inputs, {}, tmp_path, 0)
    assert {part.name for part in first.parts}.isdisjoint(part.name for part in second.parts)
    documents = next(part for part in second.parts if part.table == "documents")
    assert documents.rows == len(inputs)
