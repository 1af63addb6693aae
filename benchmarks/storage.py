"""What the storage's safety costs: publishing tables as copies, checking stored tables.

    python -m benchmarks.storage publish --docs 200     # the benchmark corpus, 200 documents

``publish`` runs the pipeline once over the benchmark corpus (``corpus.py``) into a fresh output
folder, then times, best of ``--repeat``: publishing the committed run's tables by hard link
(what earlier versions did, which let a write over ``<out>/<table>.parquet`` reach the stored
run), by copy (``store.copy_file``: a reflink where the file system shares blocks, else the
bytes), and checking the stored tables against the manifest's digests (``Store.verify``, done
before rows are reused). It prints the tables' size and the seconds of each.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.corpus import write_corpus
from resume_etl.config import default_pipeline_path, load_config
from resume_etl.runner import discover_inputs, run_files
from resume_etl.storage.store import CommittedRun, Store, copy_file


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    publishing = commands.add_parser("publish", help="cost of publishing by copy, of verifying")
    publishing.add_argument("--docs", type=int, default=200)
    publishing.add_argument("--seed", type=int, default=7)
    publishing.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if args.command == "publish":
        publish(args.docs, args.seed, args.repeat)


if __name__ == "__main__":
    main()
