"""SIGKILL a run at many points over every stage: the committed tables survive, a rerun finishes.

The last two tests kill a pool's processes instead: a worker, whose document is then quarantined
while the others are committed, and the parent, whose workers must die with it.

Each killed run is the real CLI in a child process. The sweep forks the test process (which has
loaded spaCy once) so each of its runs costs a fraction of a second instead of a model load; one
more test runs the installed command in a fresh interpreter. ``RESUME_ETL_KILL_AT=<point>:<n>``
makes the child SIGKILL itself the n-th time it reaches that checkpoint: exact and repeatable,
no timers.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

import click
import pandas as pd
import pytest
from spacy.language import Language
from typer.main import get_command

from resume_etl import _faults
from resume_etl.api import read_tables
from resume_etl.cli import app
from resume_etl.config import PipelineConfig
from resume_etl.records import TABLE_MODELS
from resume_etl.runner import discover_inputs, run_files
from resume_etl.storage.store import STATE_DIR, Store, committed_folder, open_store
from tests.conftest import DEFAULT_PIPELINE


def _resume(name: str, role: str, employer: str, start: int) -> str:
    """A small résumé: short enough that one run costs little, long enough for every table."""
    return (
        f"# {name}\n{role} in Leeds\n{name.split(maxsplit=1)[0].lower()}@example.org\n\n"
        f"## Experience\n### {role}, {employer}\nJan {start} - Present\n"
        f"- Cut costs by {start % 40 + 5}% with Python and SQL\n\n"
        f"## Education\n### B.Sc. Economics, University of Leeds\n{start - 4} - {start}\n\n"
        "## Skills\nPython, SQL, Excel\n"
    )


BEFORE = {
    "a.txt": _resume("Ana Silva", "Data Analyst", "Northwind Ltd", 2018),
    "b.txt": _resume("Ben Okafor", "Chef", "The Ivy", 2015),
    "c.txt": _resume("Cara Jones", "Solicitor", "Smith & Co", 2012),
}
"""The corpus of the committed run that a killed run must not damage."""
AFTER = {
    "b.txt": BEFORE["b.txt"] + "\n## Projects\n### Menu costing tool\n2021 - 2022\n",
    "d.txt": _resume("Dan Wu", "Backend Engineer", "Acme Corp", 2019),
    "e.txt": _resume("Eve Adams", "Accountant", "Brellow & Co", 2016),
}
"""What the second run changes: b edited, d and e new, c gone (and pruned)."""

KILL_POINTS = (
    # the second run processes b (changed), d and e (new) and p (a PDF), prunes c
    "load.cleaned:1",  # recovery at start, before any work
    "ingest:1",
    "ingest:3",
    "ingest:4",
    "segment:1",
    "segment:3",
    "extract:1",
    "extract:2",
    "extract:3",
    "validate:1",
    "validate:3",
    "load.part:1",  # the batch's rows are in part files, no table is written yet
    "load.table:1",
    "load.table:6",
    "load.table:12",
    "load.staged:1",
    "load.renamed:1",
    "load.committed:1",  # the commit point has passed: from here the new run is current
    "load.ledgered:1",
    "load.publish:1",
    "load.publish:6",
    "load.publish:12",
    "load.published:1",
    "load.cleaned:2",
)
COMMITTED_FROM = KILL_POINTS.index("load.committed:1")


def _in_process_pipeline() -> str:
    """The default pipeline with the time budget off, so one worker runs in the command's own
    process: the sweep's checkpoints in the stages are then the command's, not a child's."""
    text = DEFAULT_PIPELINE.read_text(encoding="utf-8")
    budget_off = text.replace("\ndocument_seconds = 60\n", "\ndocument_seconds = 0\n")
    assert budget_off != text, "the default pipeline's time budget moved"
    return budget_off


def _corpus(root: Path, second: bool) -> None:
    """``root/in`` as the first run sees it, or as the second run sees it, and the pipeline."""
    (root / PIPELINE).write_text(_in_process_pipeline(), encoding="utf-8")
    folder = root / "in"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in BEFORE.items():
        (folder / name).write_text(text, encoding="utf-8")
    if second:
        (folder / "c.txt").unlink()
        for name, text in AFTER.items():
            (folder / name).write_text(text, encoding="utf-8")
        (folder / "p.txt").write_bytes(b"%PDF-1.7\n%binary")


PIPELINE = "pipeline.toml"
ARGS = ["run", "in", "-o", "out", "-p", PIPELINE, "-q", "--prune"]
"""Relative paths, run from the test's folder, so source_path matches between folders."""


def _cli_in_fork(nlp: Language, root: Path, kill_at: str | None = None) -> int:
    """Run the CLI in ``root`` in a forked child; its wait status (killed or exited)."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 70
        try:
            os.chdir(root)
            if kill_at:
                os.environ[_faults.KILL_ENV] = kill_at
            _faults.reset()
            import resume_etl.engines.local as engine  # noqa: PLC0415

            engine.build_nlp = lambda _settings: nlp  # type: ignore[assignment]
            get_command(app).main(ARGS, standalone_mode=False)
            code = 0
        except click.exceptions.Exit as stop:
            code = stop.exit_code
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return status


def _killed(status: int) -> bool:
    return os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


def _public_tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in TABLE_MODELS}


def _same_run(out: Path, expected: dict[str, pd.DataFrame]) -> bool:
    """The committed run is ``expected`` whole, and ``read_tables`` reads that run.

    ``read_tables`` gives Arrow-backed dtypes, so its frames are compared by rows per table;
    the values are compared in the committed run folder with the reader of the references.
    """
    folder = committed_folder(out)
    committed = {name: pd.read_parquet(folder / f"{name}.parquet") for name in TABLE_MODELS}
    rows = {name: len(frame) for name, frame in read_tables(out).items()}
    return _same(committed, expected) and rows == {n: len(f) for n, f in expected.items()}


def _same(left: dict[str, pd.DataFrame], right: dict[str, pd.DataFrame]) -> bool:
    return left.keys() == right.keys() and all(left[name].equals(right[name]) for name in left)


@dataclass(frozen=True)
class Reference:
    before: dict[str, pd.DataFrame]
    """Tables after the first run."""
    after: dict[str, pd.DataFrame]
    """Tables after an unkilled second run."""
    first_run: Path
    """A folder as the first run left it: inputs and output."""

    def start_from_first_run(self, root: Path) -> None:
        shutil.copytree(self.first_run, root, dirs_exist_ok=True)
        with open_store(root / "out"):  # relink the copied tables, as a run would at start
            pass


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Reference:
    root = tmp_path_factory.mktemp("reference")
    _corpus(root, second=False)
    assert _cli_in_fork(nlp, root) == 0
    first_run = tmp_path_factory.mktemp("first-run")
    shutil.copytree(root, first_run, dirs_exist_ok=True)
    before = _public_tables(root / "out")
    _corpus(root, second=True)
    assert _cli_in_fork(nlp, root) == 0
    return Reference(before, _public_tables(root / "out"), first_run)


@pytest.mark.parametrize("kill_at", KILL_POINTS)
def test_killed_run_leaves_readable_tables_and_a_rerun_finishes(
    kill_at: str,
    tmp_path: Path,
    nlp: Language,
    reference: Reference,
) -> None:
    before, after = reference.before, reference.after
    out = tmp_path / "out"
    reference.start_from_first_run(tmp_path)
    _corpus(tmp_path, second=True)

    assert _killed(_cli_in_fork(nlp, tmp_path, kill_at)), f"{kill_at} was never reached"

    survivors = _public_tables(out)  # every file complete and readable by pandas
    committed = KILL_POINTS.index(kill_at) >= COMMITTED_FROM
    for name, frame in survivors.items():
        expected = (before[name], after[name]) if committed else (before[name],)
        assert any(frame.equals(one) for one in expected), f"{name} after a kill at {kill_at}"
    assert _same_run(out, after if committed else before)

    assert _cli_in_fork(nlp, tmp_path) == 0
    assert _same(_public_tables(out), after)
    assert _same_run(out, after)
    ledger = [line.run_id for line in Store(out).ledger()]
    assert len(set(ledger)) == len(ledger)
    assert ledger[-1] == Store(out).current_run_id()
    assert not list((out / STATE_DIR).glob("staging-*"))


def test_the_command_in_a_fresh_interpreter_killed_mid_extract_recovers(
    tmp_path: Path,
    nlp: Language,
    reference: Reference,
) -> None:
    """The same promise with nothing inherited from the test process, as cron would run it."""
    command = [sys.executable, "-c", "from resume_etl.cli import app; app()", *ARGS]
    reference.start_from_first_run(tmp_path)
    _corpus(tmp_path, second=True)
    killed = subprocess.run(
        command, cwd=tmp_path, env={**os.environ, _faults.KILL_ENV: "extract:2"}, check=False
    )
    assert killed.returncode == -signal.SIGKILL
    assert _same(_public_tables(tmp_path / "out"), reference.before)
    assert _cli_in_fork(nlp, tmp_path) == 0
    assert _same(_public_tables(tmp_path / "out"), reference.after)


# ------------------------------------------------------------------ pool processes killed
# Both runs are fresh interpreters (the pool's workers are spawned, as in production) under a
# time limit, so a regression shows as a failure, never as a hung suite. A worker handed the file
# named by RESUME_ETL_LETHAL_INPUT SIGKILLs itself; RESUME_ETL_KILL_AT=pool.report:1 SIGKILLs the
# parent when the first batch is back.

RUN_LIMIT = 600
"""Seconds a whole run may take: several spaCy worker starts on a loaded two-core machine."""
EXIT_LIMIT = 60
"""Seconds the orphaned workers and their output pipes may take to go once the parent is dead."""

POOL_RUN = """
import sys
from pathlib import Path
from resume_etl.config import load_config
from resume_etl.runner import discover_inputs
from resume_etl.runner import run_with_workers
config = load_config(Path(sys.argv[1]))
files = discover_inputs([Path(sys.argv[2])], config)
summary = run_with_workers(config, files, Path(sys.argv[3]), workers=2, batch_size=2)
print(summary.documents_read, summary.documents_quarantined, flush=True)
"""

ROLES = ("Data Analyst", "Chef", "Solicitor", "Backend Engineer", "Accountant", "Nurse")


def _pool_corpus(folder: Path) -> list[str]:
    """Six small résumés, named in input order."""
    folder.mkdir()
    names = []
    for number, role in enumerate(ROLES):
        name = f"{number}_{role.split()[0].lower()}.txt"
        (folder / name).write_text(
            f"# Person {number}\n{role} in Leeds\n\n## Experience\n### {role}, Firm {number}\n"
            f"Jan {2010 + number} - Present\n- Cut costs by {5 + number}% with Excel\n\n"
            "## Skills\nExcel, SQL\n",
            encoding="utf-8",
        )
        names.append(name)
    return names


def _pool_run(tmp_path: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", POOL_RUN, str(DEFAULT_PIPELINE), "in", "out"],
        cwd=tmp_path,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_a_document_that_kills_its_worker_is_quarantined_and_the_others_committed(
    tmp_path: Path, config: PipelineConfig, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = _pool_corpus(tmp_path / "in")
    lethal = names[2]
    run = _pool_run(tmp_path, {_faults.LETHAL_ENV: lethal})
    stdout, stderr = run.communicate(timeout=RUN_LIMIT)
    assert run.returncode == 0, stderr.decode()
    assert stdout.split() == [b"6", b"1"]

    quarantine = pd.read_parquet(tmp_path / "out" / "quarantine.parquet")
    assert quarantine["source_path"].tolist() == [f"in/{lethal}"]
    assert quarantine["error_code"].astype(str).tolist() == ["E050"]

    # The others have exactly the rows a run without the lethal file gives them.
    monkeypatch.chdir(tmp_path)  # rows name files as given: relative, as in the pool run
    survivors = [Path("in") / name for name in names if name != lethal]
    run_files(config, discover_inputs(survivors, config), tmp_path / "expected", nlp=nlp)
    for table in TABLE_MODELS:
        if table == "quarantine":
            continue
        pd.testing.assert_frame_equal(
            pd.read_parquet(tmp_path / "out" / f"{table}.parquet"),
            pd.read_parquet(tmp_path / "expected" / f"{table}.parquet"),
        )


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_killing_the_parent_takes_its_workers_with_it(tmp_path: Path) -> None:
    _pool_corpus(tmp_path / "in")
    run = _pool_run(tmp_path, {_faults.KILL_ENV: "pool.report:1"})
    children: set[int] = set()
    deadline = time.monotonic() + RUN_LIMIT
    while run.poll() is None:  # note every child while the parent lives: orphans lose the link
        assert time.monotonic() < deadline, "the parent never reached its kill point"
        children |= _descendants(run.pid)
        time.sleep(0.05)
    assert run.returncode == -signal.SIGKILL
    assert children, "the run started no worker process"

    deadline = time.monotonic() + EXIT_LIMIT
    while alive := {pid for pid in children if _alive(pid)}:
        assert time.monotonic() < deadline, f"workers {sorted(alive)} outlived their parent"
        time.sleep(0.05)
    run.communicate(timeout=EXIT_LIMIT)  # EOF on stdout and stderr: nobody holds them open


def _descendants(pid: int) -> set[int]:
    """Every live process below ``pid``, from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # gone while listing
        parents[int(stat.parent.name)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    """Running, as opposed to gone or a zombie waiting for a reaper that may never come."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in {"Z", "X"}
