"""The output folder's commit protocol: versioned runs, CURRENT, ledger, publishing, recovery."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.records import QuarantineRecord
from resume_etl.stages.load import to_arrow
from resume_etl.storage.ledger import RunCounts
from resume_etl.storage.store import (
    KEEP_RUNS,
    STATE_DIR,
    RunManifest,
    Store,
    committed_folder,
    file_sha256,
    new_run_id,
    open_store,
)
from resume_etl.vocab import Stage


def _quarantine_rows(count: int) -> list[QuarantineRecord]:
    return [
        QuarantineRecord(
            source_path=f"f{i}.txt",
            stage=Stage.INGEST,
            error_code=ErrorCode.E001_EMPTY,
            error_type="IngestError",
            reason="the file has no text",
        )
        for i in range(count)
    ]


def _commit(out: Path, rows: int) -> RunManifest:
    manifest = RunManifest(
        run_id=new_run_id(),
        committed_at="2026-01-01T00:00:00+00:00",
        package_version="0",
        pipeline_name="test",
        fingerprint="f",
        schema_sha256="s",
        counts=RunCounts(),
        files=[],
    )
    with open_store(out) as store:
        return store.commit(
            manifest, {"quarantine": to_arrow("quarantine", _quarantine_rows(rows))}
        )


def test_commit_publishes_the_tables_where_pandas_reads_them(tmp_path: Path) -> None:
    _commit(tmp_path, 2)
    assert len(pd.read_parquet(tmp_path / "quarantine.parquet")) == 2


def test_each_commit_adds_one_ledger_line(tmp_path: Path) -> None:
    first, second = _commit(tmp_path, 1), _commit(tmp_path, 2)
    ledger = Store(tmp_path).ledger()
    assert [line.run_id for line in ledger] == [first.run_id, second.run_id]
    assert ledger[-1].rows == {"quarantine": 2}


def test_current_names_the_last_committed_run(tmp_path: Path) -> None:
    _commit(tmp_path, 1)
    last = _commit(tmp_path, 3)
    assert Store(tmp_path).current_run_id() == last.run_id
    assert committed_folder(tmp_path) == tmp_path / STATE_DIR / "runs" / last.run_id


def test_only_the_last_runs_are_kept_on_disk(tmp_path: Path) -> None:
    manifests = [_commit(tmp_path, i) for i in range(KEEP_RUNS + 2)]
    kept = sorted(folder.name for folder in (tmp_path / STATE_DIR / "runs").iterdir())
    assert kept == [manifest.run_id for manifest in manifests[-KEEP_RUNS:]]


def test_published_table_is_a_copy_a_write_cannot_reach_the_run_through(tmp_path: Path) -> None:
    manifest = _commit(tmp_path, 1)
    stored = tmp_path / STATE_DIR / "runs" / manifest.run_id / "quarantine.parquet"
    published = tmp_path / "quarantine.parquet"
    assert published.read_bytes() == stored.read_bytes()
    assert not os.path.samefile(stored, published)
    published.write_bytes(b"edited")
    assert file_sha256(stored) == manifest.tables["quarantine"].sha256
    Store(tmp_path).recover()  # the next run publishes the committed table again
    assert published.read_bytes() == stored.read_bytes()


def test_recovery_republishes_a_committed_run_whose_publishing_was_cut(tmp_path: Path) -> None:
    _commit(tmp_path, 1)
    old = (tmp_path / "quarantine.parquet").read_bytes()
    _commit(tmp_path, 2)
    (tmp_path / "quarantine.parquet").unlink()
    (tmp_path / "quarantine.parquet").write_bytes(old)  # as if killed before this rename
    with open_store(tmp_path):
        pass
    assert len(pd.read_parquet(tmp_path / "quarantine.parquet")) == 2


def test_recovery_removes_what_a_killed_run_staged(tmp_path: Path) -> None:
    _commit(tmp_path, 1)
    (tmp_path / STATE_DIR / "staging-x").mkdir()
    (tmp_path / ".quarantine.parquet.tmp").write_bytes(b"half")
    with open_store(tmp_path):
        pass
    assert not (tmp_path / STATE_DIR / "staging-x").exists()
    assert not (tmp_path / ".quarantine.parquet.tmp").exists()


def test_ledger_line_cut_by_a_crash_is_dropped_and_the_run_listed(tmp_path: Path) -> None:
    manifest = _commit(tmp_path, 1)
    ledger = tmp_path / STATE_DIR / "ledger.jsonl"
    ledger.write_text('{"run_id": "cut sho', encoding="utf-8")
    with open_store(tmp_path):
        pass
    assert [line.run_id for line in Store(tmp_path).ledger()] == [manifest.run_id]


def test_damaged_manifest_is_a_clear_error(tmp_path: Path) -> None:
    manifest = _commit(tmp_path, 1)
    (tmp_path / STATE_DIR / "runs" / manifest.run_id / "manifest.json").write_text("{", "utf-8")
    with pytest.raises(ResumeEtlError) as raised, open_store(tmp_path):
        pass
    assert raised.value.code is ErrorCode.E106_BAD_RUN_STATE


def test_damaged_manifest_is_forgotten_by_a_rebuild(tmp_path: Path) -> None:
    manifest = _commit(tmp_path, 1)
    (tmp_path / STATE_DIR / "runs" / manifest.run_id / "manifest.json").write_text("{", "utf-8")
    with open_store(tmp_path, rebuild=True) as store:
        assert store.committed() is None
