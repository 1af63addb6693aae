"""The Dask engine writes the same tables as the local engine, even when a worker dies mid-run.

One ``LocalCluster`` (two single-threaded worker processes) serves the whole module; each test
connects to it by address, as a user would with ``--scheduler``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from spacy.language import Language
from typer.testing import CliRunner

import resume_etl
from resume_etl.cli import app
from resume_etl.config import PipelineConfig
from resume_etl.engines import dask as dask_engine
from resume_etl.engines.dask import DaskEngine
from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.records import TABLE_MODELS
from resume_etl.runner import discover_inputs, run_files, run_on_dask
from tests.conftest import RAW

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A client of a two-worker ``LocalCluster``; ``client.scheduler.address`` is its address."""
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as cluster_client,
    ):
        yield cluster_client


@pytest.fixture(scope="module")
def files(config: PipelineConfig) -> list[Path]:
    return discover_inputs([RAW], config)


@pytest.fixture(scope="module")
def local_out(
    config: PipelineConfig,
    nlp: Language,
    files: list[Path],
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    """The tables of ``raw/`` as the local engine writes them: what every Dask run must match."""
    out = tmp_path_factory.mktemp("local")
    run_files(config, files, out, nlp=nlp)
    return out


def assert_same_tables(expected: Path, actual: Path) -> None:
    for table in TABLE_MODELS:
        pd.testing.assert_frame_equal(
            pd.read_parquet(expected / f"{table}.parquet"),
            pd.read_parquet(actual / f"{table}.parquet"),
        )


def test_dask_engine_writes_the_same_tables_as_the_local_engine(
    client: Any, config: PipelineConfig, files: list[Path], local_out: Path, tmp_path: Path
) -> None:
    # Batches of 3 files make ten batches, so both workers get some and finish out of order.
    summary = run_on_dask(config, files, tmp_path, client.scheduler.address, batch_size=3)
    assert summary.documents_read == len(files)
    assert_same_tables(local_out, tmp_path)


def test_summary_counts_the_documents_each_worker_handled(
    client: Any, config: PipelineConfig, files: list[Path], tmp_path: Path
) -> None:
    summary = resume_etl.run(
        [RAW], config, out=tmp_path, engine="dask", scheduler=client.scheduler.address
    )
    workers = set(client.scheduler_info()["workers"])
    assert summary.documents_per_worker
    assert set(summary.documents_per_worker) <= workers
    assert sum(summary.documents_per_worker.values()) == len(files)


def test_a_duplicate_in_a_later_batch_is_quarantined_like_in_one_process(
    client: Any,
    config: PipelineConfig,
    nlp: Language,
    tmp_path: Path,
    files_with_late_duplicate: list[Path],
) -> None:
    files = files_with_late_duplicate
    one, dask_out = tmp_path / "one", tmp_path / "dask"
    run_files(config, files, one, nlp=nlp)
    run_on_dask(config, files, dask_out, client.scheduler.address, batch_size=1)
    expected = pd.read_parquet(one / "quarantine.parquet")
    assert expected["error_code"].tolist() == ["E006"]
    pd.testing.assert_frame_equal(expected, pd.read_parquet(dask_out / "quarantine.parquet"))


def test_run_command_runs_on_the_scheduler_given_and_names_its_workers(
    client: Any, tmp_path: Path
) -> None:
    source = RAW / "101_data_scientist_us.md"
    dask_options = ["--engine", "dask", "--scheduler", client.scheduler.address]
    result = CliRunner().invoke(app, ["run", str(source), "--out", str(tmp_path), *dask_options])
    assert result.exit_code == 0, result.output
    assert "documents per worker: tcp://" in result.output
    assert len(pd.read_parquet(tmp_path / "documents.parquet")) == 1


def test_scheduler_without_dask_engine_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["run", str(RAW), "--out", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1"]
    )
    assert result.exit_code == 2
    assert "--engine dask" in result.output


def test_workers_with_a_scheduler_is_a_usage_error_not_silently_ignored(tmp_path: Path) -> None:
    """An existing cluster has the workers its ``dask worker`` commands started; none are ours."""
    dask_options = ["--engine", "dask", "--scheduler", "tcp://127.0.0.1:1", "--workers", "4"]
    result = CliRunner().invoke(app, ["run", str(RAW), "--out", str(tmp_path), *dask_options])
    assert result.exit_code == 2
    assert "--workers cannot be used with --scheduler" in result.output
    assert not tmp_path.joinpath("documents.parquet").exists()


def test_run_with_workers_and_a_scheduler_raises(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="scheduler"):
        resume_etl.run([RAW], out=tmp_path, engine="dask", scheduler="tcp://127.0.0.1:1", workers=4)


def test_dask_engine_without_dask_installed_says_how_to_install_it(
    config: PipelineConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with pytest.raises(ResumeEtlError) as raised:
        DaskEngine(config)
    assert raised.value.code is ErrorCode.E122_NO_DASK
    assert "pip install 'resume-etl[dask]'" in str(raised.value)


def test_run_command_without_dask_installed_exits_2_with_the_install_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    source = RAW / "101_data_scientist_us.md"
    result = CliRunner().invoke(app, ["run", str(source), "--out", str(tmp_path), "-e", "dask"])
    assert result.exit_code == 2
    assert "[E122]" in result.output
    assert "resume-etl[dask]" in result.output


def test_run_help_names_the_dask_extra_to_install() -> None:
    result = CliRunner().invoke(app, ["run", "--help"])
    assert result.exit_code == 0, result.output
    assert "resume-etl[dask]" in result.output


def test_an_unreachable_scheduler_is_named_in_the_error(
    config: PipelineConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(ResumeEtlError) as raised:
        DaskEngine(config, scheduler="tcp://127.0.0.1:1")
    assert raised.value.code is ErrorCode.E123_CLUSTER_UNREACHABLE
    assert "tcp://127.0.0.1:1" in str(raised.value)


def test_local_engine_never_imports_dask(tmp_path: Path) -> None:
    script = (
        "import sys, resume_etl, resume_etl.cli\n"
        f"resume_etl.run([{str(RAW / '101_data_scientist_us.md')!r}], out={str(tmp_path)!r},"
        " workers=1)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in {'dask', 'distributed'})\n"
        "print(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_worker_killed_mid_run_has_its_batches_rerun_and_the_tables_complete(
    client: Any, config: PipelineConfig, files: list[Path], local_out: Path, tmp_path: Path
) -> None:
    pids: dict[str, int] = client.run(os.getpid)
    killed: list[str] = []

    def kill_a_busy_worker(_: Path) -> None:
        """At the first outcome, SIGKILL a worker that holds a batch in flight (once)."""
        if killed:
            return
        busy = [worker for worker, keys in client.processing().items() if keys]
        killed.append(busy[0])
        os.kill(pids[busy[0]], signal.SIGKILL)

    summary = run_on_dask(
        config,
        files,
        tmp_path,
        client.scheduler.address,
        on_progress=kill_a_busy_worker,
        batch_size=2,
    )
    assert killed
    assert pids[killed[0]] not in client.run(os.getpid).values()
    assert summary.documents_read == len(files)
    assert sum(summary.documents_per_worker.values()) == len(files)
    assert_same_tables(local_out, tmp_path)


def test_a_local_cluster_says_nothing_when_another_holds_the_dashboard_port(
    config: PipelineConfig,
) -> None:
    """Port 8787 taken (another Dask cluster on the machine): no 'Port 8787 is already in use'
    warning reaches the user, as the scheduler's HTTP server takes a port the system picks."""
    import socket  # noqa: PLC0415
    import warnings  # noqa: PLC0415

    with socket.socket() as holder, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            holder.bind(("", 8787))
            holder.listen()
        except OSError:
            pass  # already held by another process: the case under test all the same
        with DaskEngine(config, workers=1):
            pass
    assert not [w for w in caught if "already in use" in str(w.message)]
