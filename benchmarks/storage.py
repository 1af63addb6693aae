"""What the storage's safety costs: publishing tables as copies, checking stored tables.

    python -m benchmarks.storage publish --docs 200     # the benchmark corpus, 200 documents
    python -m benchmarks.storage ledger --lines 300000 --before-src /tmp/old/src

``publish`` runs the pipeline once over the benchmark corpus (``corpus.py``) into a fresh output
folder, then times, best of ``--repeat``: publishing the committed run's tables by hard link
(what earlier versions did, which let a write over ``<out>/<table>.parquet`` reach the stored
run), by copy (``store.copy_file``: a reflink where the file system shares blocks, else the
bytes), and checking the stored tables against the manifest's digests (``Store.verify``, done
before rows are reused). It prints the tables' size and the seconds of each.

``ledger`` commits one run into a fresh output folder, writes ``--lines`` older runs' lines in
front of its ledger line (12 tables each, like a real run's) and then times the store's part of
a run with nothing to do (``idle_run.py``: lock, recovery, commit, publish, clean-up: the part
that reads the ledger), each in a fresh child process with its peak RSS: with the source at
``--before-src`` (an older version's ``src``: ``git archive 91b7fe9 src | tar -x -C /tmp/old``)
on a copy of the folder, then with this version twice: the first run compacts the long
ledger, the second finds it bounded.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.corpus import write_corpus
from resume_etl.config import default_pipeline_path, load_config
from resume_etl.errors import ErrorCode
from resume_etl.records import QuarantineRecord
from resume_etl.runner import discover_inputs, run_files
from resume_etl.stages.load import to_arrow
from resume_etl.storage.ledger import LedgerLine, RunCounts
from resume_etl.storage.store import (
    STATE_DIR,
    CommittedRun,
    RunManifest,
    Store,
    copy_file,
    new_run_id,
    open_store,
)
from resume_etl.vocab import Stage

REPO = Path(__file__).resolve().parent.parent
TABLES = 12


def _best_seconds(action: Callable[[], None], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best


def _publish_all(committed: CommittedRun, target: Path, how: Callable[[Path, Path], None]) -> None:
    for name in committed.manifest.tables:
        destination = target / f"{name}.parquet"
        destination.unlink(missing_ok=True)
        how(committed.folder / f"{name}.parquet", destination)


def publish(docs: int, seed: int, repeat: int) -> None:
    """Seconds to publish one committed run's tables by hard link and by copy, and to verify."""
    config = load_config(default_pipeline_path())
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        write_corpus(folder / "corpus", docs, seed)
        out = folder / "out"
        run_files(config, discover_inputs([folder / "corpus"], config), out)
        store = Store(out)
        committed = store.committed()
        assert committed is not None
        target = folder / "published"
        target.mkdir()
        size = sum(
            (committed.folder / f"{name}.parquet").stat().st_size
            for name in committed.manifest.tables
        )
        link = _best_seconds(lambda: _publish_all(committed, target, os.link), repeat)
        copy = _best_seconds(lambda: _publish_all(committed, target, copy_file), repeat)
        verify = _best_seconds(lambda: store.verify(committed), repeat)
    tables = len(committed.manifest.tables)
    print(f"documents {docs}, {tables} tables, {size / 1e6:.2f} MB of Parquet")
    print(f"publish by hard link  {link * 1000:8.1f} ms")
    print(f"publish by copy       {copy * 1000:8.1f} ms  (+{(copy - link) * 1000:.1f} ms a run)")
    print(f"verify stored tables  {verify * 1000:8.1f} ms  (SHA-256 of every table)")


def _long_ledger(out: Path, lines: int) -> int:
    """A committed run whose ledger line follows ``lines`` older ones; the ledger's bytes."""
    row = QuarantineRecord(
        source_path="a.txt",
        stage=Stage.INGEST,
        error_code=ErrorCode.E001_EMPTY,
        error_type="E",
        reason="r",
    )
    manifest = RunManifest(
        run_id=new_run_id(),
        committed_at="2026-01-01T00:00:00+00:00",
        package_version="0",
        pipeline_name="benchmark",
        fingerprint="f" * 64,
        schema_sha256="s" * 64,
        counts=RunCounts(),
        files=[],
    )
    with open_store(out) as store:
        store.commit(manifest, {"quarantine": to_arrow("quarantine", [row])})
    ledger = out / STATE_DIR / "ledger.jsonl"
    last = ledger.read_text(encoding="utf-8")
    old = LedgerLine(
        run_id="",
        committed_at="2020-01-01T00:00:00+00:00",
        fingerprint="f" * 64,
        counts=RunCounts(inputs=1000, processed=10, reused=990),
        rows={f"table_{index}": 12345 for index in range(TABLES)},
    )
    with ledger.open("w", encoding="utf-8") as handle:
        for index in range(lines):
            handle.write(
                old.model_copy(
                    update={"run_id": f"20200101T000000{index:06d}Z-1"}
                ).model_dump_json()
                + "\n"
            )
        handle.write(last)
    return ledger.stat().st_size


def _child(out: Path, source: Path | None) -> dict[str, Any]:
    environment = dict(os.environ)
    if source is not None:
        environment["PYTHONPATH"] = os.pathsep.join([str(source), str(REPO)])
    command = [sys.executable, "-m", "benchmarks.idle_run", str(out)]
    result = subprocess.run(
        command, capture_output=True, text=True, check=True, cwd=REPO, env=environment
    )
    report: dict[str, Any] = json.loads(result.stdout.splitlines()[-1])
    return report


def ledger(lines: int, before_src: Path | None) -> None:
    """An idle run's seconds and peak RSS over a ledger of ``lines`` lines, before and after."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "out"
        size = _long_ledger(out, lines)
        print(f"ledger of {lines:,} runs, {size / 1e6:.1f} MB")
        if before_src is not None:
            copy = Path(scratch) / "before"
            shutil.copytree(out, copy)
            before = _child(copy, before_src)
            print(f"before ({before_src}): {before['seconds']:6.2f} s, {before['peak_mb']:6.0f} MB")
        first = _child(out, None)
        print(f"after, first run (compacts): {first['seconds']:6.2f} s, {first['peak_mb']:6.0f} MB")
        second = _child(out, None)
        print(
            f"after, next run:             {second['seconds']:6.2f} s, {second['peak_mb']:6.0f} MB"
        )
        kept = (out / STATE_DIR / "ledger.jsonl").stat().st_size
        print(f"ledger.jsonl now {kept / 1e3:.0f} kB; older runs in ledger-archive/")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    publishing = commands.add_parser("publish", help="cost of publishing by copy, of verifying")
    publishing.add_argument("--docs", type=int, default=200)
    publishing.add_argument("--seed", type=int, default=7)
    publishing.add_argument("--repeat", type=int, default=5)
    long_ledger = commands.add_parser("ledger", help="an idle run over a long ledger")
    long_ledger.add_argument("--lines", type=int, default=300_000)
    long_ledger.add_argument("--before-src", type=Path, help="an older version's src folder")
    args = parser.parse_args()
    if args.command == "publish":
        publish(args.docs, args.seed, args.repeat)
    else:
        ledger(args.lines, args.before_src)


if __name__ == "__main__":
    main()
