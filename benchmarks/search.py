"""What the local search costs: building its index, keeping it current, answering a query.

    python -m benchmarks.corpus --docs 1000 --seed 7 --out /tmp/corpus
    resume-etl run /tmp/corpus --out /tmp/corpus-out
    python -m benchmarks.search --tables /tmp/corpus-out [--before-src /tmp/old/src]

On a committed output folder it times, each the median of ``--repeat``: building the on-disk
index from the tables (``--rebuild``), bringing it up to date after a run that changed one
document, a search on an index already current, in this process and as a whole ``resume-etl
search`` command in a fresh interpreter (start-up and opening the index included). With
``--before-src`` (an older version's ``src``: ``git archive de7694d src | tar -x -C /tmp/old``)
it also times that version's search, which rebuilt its BM25 index from the tables on every
query, in a fresh interpreter, and prints its top hits beside this version's for each query.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pyarrow.parquet as pq

from resume_etl.exports._search_rows import document_ids
from resume_etl.exports.local_search import INDEX_DIR, STATE_FILE, open_index, search_profiles

QUERIES = (
    "kafka",
    "python machine learning",
    '"machine learning"',
    "nurse london",
    "payments -java",
)


def _median_seconds(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _forget_one_document(tables: Path) -> None:
    """Make the index look one run behind: one document missing, another run recorded."""
    state_path = tables / INDEX_DIR / STATE_FILE
    state = json.loads(state_path.read_text("utf-8"))
    state["run_id"] = "an-earlier-run"
    state["doc_ids"] = [*state["doc_ids"][1:], "0000000000000000"]
    state_path.write_text(json.dumps(state), "utf-8")


def _update_after_one_change(tables: Path) -> None:
    _forget_one_document(tables)
    open_index(tables)


_OLD_SEARCH = (
    "import json, sys, time; from resume_etl.exports.local_search import search_profiles; "
    "t = time.perf_counter(); hits = search_profiles(sys.argv[1], sys.argv[2], 5); "
    "print(json.dumps([time.perf_counter() - t, [h.person for h in hits]]))"
)


def _tables_for_old_version(tables: Path, folder: Path) -> Path:
    """The tables without the columns the older version does not know (``person_key``)."""
    for path in tables.glob("*.parquet"):
        rows = pq.read_table(path)
        if "person_key" in rows.column_names:
            rows = rows.drop_columns(["person_key"])
        pq.write_table(rows, folder / path.name)
    return folder


def _old_search(src: Path, tables: Path, query: str) -> tuple[float, list[str]]:
    """The older version's search in a fresh interpreter: its seconds and top profiles."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-c", _OLD_SEARCH, str(tables), query],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, people = json.loads(done.stdout)
    return float(seconds), [str(person) for person in people]


def _command_seconds(tables: Path, query: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "resume_etl", "search", query, "-t", str(tables), "-f", "json"],
        capture_output=True,
        check=True,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--before-src", type=Path)
    args = parser.parse_args()
    tables: Path = args.tables
    documents = len(document_ids(tables))
    print(f"{documents} documents in {tables}")
    build = _median_seconds(lambda: open_index(tables, rebuild=True), args.repeat)
    print(f"build the index from the tables (--rebuild): {build:.2f} s")
    update = _median_seconds(lambda: _update_after_one_change(tables), args.repeat)
    print(f"bring it up to date after a run that changed one document: {update:.2f} s")
    old_tables = None
    if args.before_src is not None:
        old_tables = _tables_for_old_version(tables, Path(tempfile.mkdtemp()))
    for query in QUERIES:
        warm = _median_seconds(partial(search_profiles, tables, query), args.repeat)
        command = _command_seconds(tables, query)
        hits = [hit.person for hit in search_profiles(tables, query, 5)]
        line = f"{query!r}: {warm * 1000:.1f} ms in process, {command:.2f} s as a command"
        if args.before_src is not None and old_tables is not None:
            old_seconds, old_hits = _old_search(args.before_src, old_tables, query)
            line += f"; before: {old_seconds:.2f} s per query (index rebuilt)"
            print(line)
            print(f"    now:    {hits}\n    before: {old_hits}")
        else:
            print(line)
            print(f"    {hits}")


if __name__ == "__main__":
    main()
