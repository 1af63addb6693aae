"""One measured idle run of the store, for ``storage.py ledger`` (a child process of it).

    python -m benchmarks.idle_run OUT

Imports only what every version of the store has (``open_store``, ``new_run_id``), so
``storage.py`` can run it with an older version's source first on ``PYTHONPATH``. Prints one
JSON line: the seconds of the store's part of a run with nothing new (lock, recovery, commit of
the committed run's tables again, publishing, clean-up) and this process's peak RSS.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from resume_etl.storage.store import new_run_id, open_store


def peak_rss_mb() -> float:
    """This process's own peak RSS (``ru_maxrss`` would report a large parent's after exec)."""
    for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def idle_run(out: Path) -> dict[str, Any]:
    """The committed run's tables committed again, as a run with nothing new does."""
    started = time.perf_counter()
    with open_store(out) as store:
        committed = store.committed()
        assert committed is not None
        tables = {
            name: pq.read_table(committed.folder / f"{name}.parquet")
            for name in committed.manifest.tables
        }
        store.commit(committed.manifest.model_copy(update={"run_id": new_run_id()}), tables)
    return {"seconds": time.perf_counter() - started, "peak_mb": peak_rss_mb()}


if __name__ == "__main__":
    print(json.dumps(idle_run(Path(sys.argv[1]))))
