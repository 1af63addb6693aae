"""The Dask engine on a cluster started as the README says: ``dask scheduler``, ``dask worker``.

``test_dask.py``'s ``LocalCluster`` shares the test's working directory; here the scheduler and
the workers are separate processes started in another folder, as on a real cluster, and the run
is the command a user types, with relative paths. So this checks that workers are sent paths they
can open while the tables still name each file as the user did, row for row like a local run.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from spacy.language import Language

import resume_etl
from resume_etl.config import PipelineConfig
from resume_etl.records import TABLE_MODELS
from resume_etl.runner import discover_inputs, run_files
from tests.conftest import REPO

distributed = pytest.importorskip("distributed")

WORKERS = 2
START_SECONDS = 90.0
"""Bound on the scheduler writing its address and the workers joining (they import spaCy)."""

RUN_SECONDS = 300.0
"""Bound on one ``resume-etl run``: a hung cluster fails the test instead of hanging it."""

STOP_SECONDS = 20.0
"""How long a process may take to exit after SIGTERM before it is killed."""


@dataclass(frozen=True)
class Cluster:
    """A running scheduler and its workers, and the folder the workers were started in."""

    address: str
    client: Any
    worker_dir: Path


def _environment() -> dict[str, str]:
    """This environment, with the ``resume_etl`` under test first on every child's path."""
    source = str(Path(resume_etl.__file__).resolve().parent.parent)
    path = os.pathsep.join(filter(None, [source, os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path, "COLUMNS": "200"}


def _start(arguments: list[str], cwd: Path, log: Path) -> subprocess.Popen[bytes]:
    """``dask ARGUMENTS`` in ``cwd``, in a session of its own so ``_stop`` reaches its children."""
    with log.open("wb") as output:
        return subprocess.Popen(
            [sys.executable, "-m", "dask", *arguments],
            cwd=cwd,
            env=_environment(),
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM the process group, SIGKILL what is left: no worker outlives the module."""
    for sent in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sent)
        except ProcessLookupError:
            return
        try:
            process.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            continue
    process.wait(STOP_SECONDS)


def _scheduler_address(scheduler_file: Path, scheduler: subprocess.Popen[bytes]) -> str:
    """The address the scheduler writes once it listens (port 0: it picks a free one)."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline and scheduler.poll() is None:
        try:
            return str(json.loads(scheduler_file.read_text())["address"])
        except (OSError, ValueError, KeyError):  # not written yet, or half written
            time.sleep(0.1)
    raise RuntimeError(f"dask scheduler gave no address (exit code {scheduler.poll()})")


def _logs(folder: Path) -> str:
    return "\n".join(f"--- {log.name}\n{log.read_text()[-4000:]}" for log in folder.glob("*.log"))


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """``dask scheduler`` and ``dask worker --nworkers 2 --nthreads 1``, started elsewhere."""
    root = tmp_path_factory.mktemp("cluster")
    worker_dir = root / "workers"
    worker_dir.mkdir()
    scheduler_file = root / "scheduler.json"
    # The timeouts end a scheduler and workers orphaned by a killed test run.
    scheduler_options = ["--host", "127.0.0.1", "--port", "0", "--idle-timeout", "600s"]
    worker_options = [f"--nworkers={WORKERS}", "--nthreads=1", "--death-timeout=60s"]
    processes: list[subprocess.Popen[bytes]] = []
    try:
        processes.append(
            _start(
                [
                    "scheduler",
                    *scheduler_options,
                    "--no-dashboard",
                    "--scheduler-file",
                    str(scheduler_file),
                ],
                root,
                root / "scheduler.log",
            )
        )
        address = _scheduler_address(scheduler_file, processes[0])
        processes.append(
            _start(
                ["worker", address, *worker_options, "--no-dashboard"],
                worker_dir,
                root / "worker.log",
            )
        )
        with distributed.Client(address, timeout="30s") as client:
            client.wait_for_workers(WORKERS, timeout=START_SECONDS)
            yield Cluster(address, client, worker_dir)
    except Exception as error:
        raise RuntimeError(f"the cluster failed:\n{_logs(root)}") from error
    finally:
        for process in reversed(processes):
            _stop(process)


def _resume_etl(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The ``resume-etl`` command, run in a fresh interpreter in ``cwd``, as a user would."""
    return subprocess.run(
        [sys.executable, "-c", "from resume_etl.cli import app; app()", *arguments],
        cwd=cwd,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=RUN_SECONDS,
        check=False,
    )


def test_a_run_with_relative_paths_writes_the_tables_of_a_local_run(
    cluster: Cluster,
    config: PipelineConfig,
    nlp: Language,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workers_cwd = {Path(cwd).resolve() for cwd in cluster.client.run(os.getcwd).values()}
    assert workers_cwd == {cluster.worker_dir.resolve()}  # elsewhere: no raw/ where they run

    monkeypatch.chdir(REPO)
    run_files(config, discover_inputs([Path("raw")], config), tmp_path / "local", nlp=nlp)
    dask_options = ["--engine", "dask", "--scheduler", cluster.address]
    result = _resume_etl("run", "raw", "--out", str(tmp_path / "dask"), *dask_options, cwd=REPO)

    assert result.returncode == 0, result.stderr
    assert "documents per worker: tcp://127.0.0.1:" in result.stderr  # progress and summary
    documents = pd.read_parquet(tmp_path / "dask" / "documents.parquet")
    assert documents["source_path"].str.startswith("raw/").all()  # as the user named them
    for table in TABLE_MODELS:
        pd.testing.assert_frame_equal(
            pd.read_parquet(tmp_path / "local" / f"{table}.parquet"),
            pd.read_parquet(tmp_path / "dask" / f"{table}.parquet"),
        )
