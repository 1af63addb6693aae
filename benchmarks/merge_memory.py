"""Memory of a run's commit as the corpus grows: does 100,000 documents fit in bounded memory?

    python -m benchmarks.merge_memory                       # 10,000 and 100,000 documents
    python -m benchmarks.merge_memory --docs 1000 20000

Running the model over 100,000 documents takes hours on this machine, and it is not what this
measures: the stages hold one batch at a time. What grows with the corpus is the commit, which
turns every batch's part files (and the rows kept from the previous run) into the tables. So
this runs the real stages once, over one batch of generated documents, and copies that batch's
part files under new names (new paths and doc_ids) until the corpus has ``--docs`` documents.
It then measures, each in a fresh child process (so the peak RSS is its own):

- ``full``: the commit of a run that processed every document (``merge_run`` over the parts,
  then ``Store.commit_staged``);
- ``reordered``: the next run, given the same files in reverse order with nothing changed: every
  row is reused from the stored tables, which are now out of order and are sorted through
  spilled pieces.

It prints documents, rows written, the tables' size in memory as Arrow (what holding the run's
rows would at least cost), the child's peak RSS and seconds.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from benchmarks.corpus import generate
from resume_etl.config import default_pipeline_path, load_config
from resume_etl.engines.local import BATCH_SIZE, LocalEngine
from resume_etl.storage.fingerprint import pipeline_fingerprint
from resume_etl.storage.merge import merge_run
from resume_etl.storage.parts import PART_SOURCE, PartFile
from resume_etl.storage.plan import RunPlan
from resume_etl.storage.store import PARTS_DIR, FileEntry, Store, new_run_id

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PIPELINE = default_pipeline_path()
ENTRIES_FILE = "entries.json"
PARTS_FILE = "parts.json"


def template_batch(pipeline: Path, folder: Path, seed: int) -> tuple[list[FileEntry], Path]:
    """One real batch of generated documents through the stages, its parts in ``folder``."""
    config = load_config(pipeline)
    inputs = folder / "inputs"
    inputs.mkdir()
    paths = []
    for name, text in generate(BATCH_SIZE, seed):
        path = inputs / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    parts = folder / "template"
    report = LocalEngine(config).write_batch(paths, {}, parts, 0)
    return report.entries, parts


def _renamed(column: pa.ChunkedArray, old: list[str], new: list[str]) -> pa.Array:
    positions = pc.index_in(column, value_set=pa.array(old, pa.string()))
    return pa.array(new, pa.string()).take(positions)


def replicate(
    entries: list[FileEntry], template: Path, parts: Path, docs: int
) -> tuple[list[FileEntry], list[PartFile]]:
    """Copies of the template batch as batches ``0..`` until ``docs`` documents have parts."""
    tables = {path.parent.name: pq.read_table(path) for path in template.glob("*/*.parquet")}
    old_paths = [entry.source_path for entry in entries]
    old_ids = [entry.doc_id or "" for entry in entries]
    copies: list[FileEntry] = []
    written: list[PartFile] = []
    for batch in range(docs // len(entries)):
        new_paths = [f"/corpus/{batch:06d}/{Path(p).name}" for p in old_paths]
        new_ids = [f"{doc_id}-{batch:06d}" for doc_id in old_ids]
        for table, rows in tables.items():
            renamed = rows.set_column(
                rows.schema.get_field_index(PART_SOURCE),
                PART_SOURCE,
                _renamed(rows[PART_SOURCE], old_paths, new_paths),
            )
            if "doc_id" in renamed.column_names:
                index = renamed.schema.get_field_index("doc_id")
                ids = _renamed(renamed["doc_id"], old_ids, new_ids)
                renamed = renamed.set_column(index, renamed.schema.field(index), ids)
            if table in {"quarantine", "documents"}:
                index = renamed.schema.get_field_index("source_path")
                paths = _renamed(renamed["source_path"], old_paths, new_paths)
                renamed = renamed.set_column(index, renamed.schema.field(index), paths)
            (parts / table).mkdir(parents=True, exist_ok=True)
            pq.write_table(renamed, parts / table / f"{batch:08d}.parquet")
            written.append(PartFile(table, f"{batch:08d}.parquet", renamed.num_rows))
        copies.extend(
            entry.model_copy(update={"source_path": path, "doc_id": doc_id})
            for entry, path, doc_id in zip(entries, new_paths, new_ids, strict=True)
        )
    return copies, written


def _peak_rss_mb() -> float:
    """This process's own peak RSS. ``ru_maxrss`` would not do: Linux keeps it across ``exec``,
    so a child started by a large parent reports the parent's size."""
    for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(out: Path, pipeline: Path, kind: str) -> dict[str, Any]:
    """In a child: commit the prepared run (``full``) or the reordered rerun (``reordered``)."""
    config = load_config(pipeline)
    store = Store(out)
    started = time.perf_counter()
    entries = [
        FileEntry.model_validate(item)
        for item in json.loads((out / ENTRIES_FILE).read_text(encoding="utf-8"))
    ]
    parts = [PartFile(*item) for item in json.loads((out / PARTS_FILE).read_text(encoding="utf-8"))]
    inputs = [Path(entry.source_path) for entry in entries]
    fingerprint = pipeline_fingerprint(config)
    if kind == "full":
        run_id = (out / "run_id").read_text(encoding="utf-8")
        staging = store.state / f"staging-{run_id}"
        plan = RunPlan(inputs, inputs, {}, [], [], fingerprint)
        previous = None
    else:
        run_id = new_run_id()
        staging = store.staging(run_id)
        reused = {entry.source_path: entry for entry in entries}
        plan = RunPlan(list(reversed(inputs)), [], reused, [], [], fingerprint)
        previous = store.committed()
    fresh, fresh_parts = ([], []) if previous else (entries, parts)
    merged = merge_run(
        plan, previous, fresh, fresh_parts, staging, config.load.tables, "bench", run_id
    )
    store.commit_staged(merged.manifest)
    return {
        "seconds": time.perf_counter() - started,
        "peak_rss_mb": _peak_rss_mb(),
        "rows": sum(table.rows for table in merged.manifest.tables.values()),
    }


def arrow_mb(out: Path) -> float:
    """The committed tables' size as Arrow in memory: what holding every row would cost."""
    total: int = sum(pq.read_table(path).nbytes for path in out.glob("*.parquet"))
    return total / 2**20


def run_child(out: Path, pipeline: Path, kind: str) -> dict[str, Any]:
    command = [sys.executable, "-m", "benchmarks.merge_memory", "--child", kind]
    command += ["--out", str(out), "--pipeline", str(pipeline)]
    result = subprocess.run(command, capture_output=True, text=True, check=True, cwd=REPO)
    figures: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def prepare(folder: Path, pipeline: Path, seed: int, docs: int) -> Path:
    """An output folder whose staging run holds parts for ``docs`` documents."""
    entries, template = template_batch(pipeline, folder, seed)
    out = folder / f"out-{docs}"
    out.mkdir()
    store = Store(out)
    store.state.mkdir()
    run_id = new_run_id()
    staging = store.staging(run_id)
    copies, parts = replicate(entries, template, staging / PARTS_DIR, docs)
    (out / "run_id").write_text(run_id, encoding="utf-8")
    payload = [entry.model_dump(mode="json") for entry in copies]
    (out / ENTRIES_FILE).write_text(json.dumps(payload), encoding="utf-8")
    listed = [[part.table, part.name, part.rows] for part in parts]
    (out / PARTS_FILE).write_text(json.dumps(listed), encoding="utf-8")
    shutil.rmtree(folder / "template")
    shutil.rmtree(folder / "inputs")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pipeline", type=Path, default=DEFAULT_PIPELINE)
    parser.add_argument("--child", choices=("full", "reordered"))
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.out, args.pipeline, args.child)))
        return
    print("| documents | rows | tables as Arrow MB | commit | peak RSS MB | seconds |")
    print("|---:|---:|---:|---|---:|---:|")
    for docs in args.docs:
        with tempfile.TemporaryDirectory() as folder:
            out = prepare(Path(folder), args.pipeline, args.seed, docs)
            batches = docs // BATCH_SIZE
            for kind in ("full", "reordered"):
                figures = run_child(out, args.pipeline, kind)
                size = arrow_mb(out)
                row = (
                    f"| {docs:,} | {figures['rows']:,} | {size:,.0f}",
                    f"| {kind} ({batches:,} batches)",
                    f"| {figures['peak_rss_mb']:,.0f} | {figures['seconds']:.1f} |",
                )
                print(*row, flush=True)


if __name__ == "__main__":
    main()
