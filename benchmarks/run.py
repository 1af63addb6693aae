"""The benchmark: the whole pipeline against two references, on one generated corpus, in one run.

    python -m benchmarks.run                 # 200 documents, seed 7, 1 worker and all cores
    python -m benchmarks.run --docs 1000 --workers 2 --linearity-docs 20

This machine's speed drifts (other jobs share its cores), so absolute figures mean little; the
ratios against the references measured in the same run are what to compare:

- floor: spaCy's tokenizer alone over every document;
- naive: the full ``en_core_web_sm`` pipeline over every document's whole text;
- before: resume-etl with the focus component removed (the model runs over every token), which
  is also the reference for the quality proxy.

Each measurement runs in a fresh child process, so its peak RSS is its own. Model loading is
excluded from the timings (workers are started and loaded before the clock starts).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import spacy

from benchmarks.corpus import DEFAULT_OUT, generate, gold_metrics, read_gold, write_corpus
from resume_etl.config import PipelineConfig, default_pipeline_path, load_config
from resume_etl.engines.local import LocalEngine
from resume_etl.engines.timing import STAGES, shares
from resume_etl.evaluation import evaluate
from resume_etl.nlp.build import FOCUS_FACTORY, build_nlp
from resume_etl.records import TABLE_MODELS
from resume_etl.runner import RunOptions, RunSummary, discover_inputs, run_files

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PIPELINE = default_pipeline_path()
LINEARITY_SHORT_TOKENS = 400
LINEARITY_FACTOR = 10


@dataclass(slots=True)
class Measurement:
    """One configuration's figures, as the child process reports them."""

    name: str
    docs: int
    seconds: float
    peak_rss_mb: float
    worker_peak_rss_mb: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    tokens: int = 0
    megabytes: float = 0.0
    cpu_seconds: float = 0.0

    @property
    def docs_per_second(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0


# --------------------------------------------------------------------------- the child side


def _peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def _texts(files: Sequence[Path]) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in files]


def measure_tokenizer(config: PipelineConfig, files: Sequence[Path]) -> dict[str, Any]:
    tokenizer: Any = spacy.load(config.extract.model).tokenizer
    texts = _texts(files)
    cpu_before = cpu_seconds()
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in tokenizer.pipe(texts, batch_size=64))
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "tokens": tokens, "cpu_seconds": cpu_seconds() - cpu_before}


def measure_naive(config: PipelineConfig, files: Sequence[Path]) -> dict[str, Any]:
    nlp = spacy.load(config.extract.model)
    texts = _texts(files)
    cpu_before = cpu_seconds()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "cpu_seconds": cpu_seconds() - cpu_before}


def without_focus(config: PipelineConfig) -> PipelineConfig:
    """The same pipeline with the model over every token: the "before" and quality reference."""
    components = tuple(c for c in config.extract.components if c.factory != FOCUS_FACTORY)
    extract = config.extract.model_copy(update={"components": components})
    return config.model_copy(update={"extract": extract})


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (workers), user plus system."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


EVERY_DOCUMENT = RunOptions(full=True)
"""Runs are incremental; a measurement must process every document, whatever ran before it
into the same folder (``--repeat`` reuses it)."""


def measure_pipeline(
    config: PipelineConfig, files: Sequence[Path], out: Path, workers: int
) -> dict[str, Any]:
    if workers == 1:
        nlp = build_nlp(config.extract)
        cpu_before = cpu_seconds()
        started = time.perf_counter()
        summary = run_files(config, files, out, nlp=nlp, options=EVERY_DOCUMENT)
        seconds = time.perf_counter() - started
        cpu = cpu_seconds() - cpu_before
    else:
        summary, seconds, cpu = _measure_pool(config, files, out, workers)
    return {"seconds": seconds, "stage_seconds": summary.stage_seconds, "cpu_seconds": cpu}


def _measure_pool(
    config: PipelineConfig, files: Sequence[Path], out: Path, workers: int
) -> tuple[RunSummary, float, float]:
    """Wall seconds of the run, and CPU seconds of the parent and workers spent on it.

    Worker CPU time is only reported once the workers exit, so the warm-up (imports, model
    load) is measured by a second pool that only warms up, and subtracted.
    """
    from resume_etl.engines.pool import WorkerPool  # noqa: PLC0415  (only the pool run needs it)

    cpu_before = cpu_seconds()
    with WorkerPool(config, workers) as pool:
        pool.warm()
        started = time.perf_counter()
        summary = run_files(config, files, out, options=EVERY_DOCUMENT, source=pool)
        seconds = time.perf_counter() - started
    cpu_run = cpu_seconds() - cpu_before
    cpu_before = cpu_seconds()
    with WorkerPool(config, workers) as pool:
        pool.warm()
    cpu_warm = cpu_seconds() - cpu_before
    return summary, seconds, cpu_run - cpu_warm


def measure_linearity(config: PipelineConfig, docs: int, seed: int) -> dict[str, Any]:
    """Seconds per document for short and for ten-times-longer documents of the same layouts."""
    engine = LocalEngine(config)
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as folder:
        for label, tokens in (
            ("short", LINEARITY_SHORT_TOKENS),
            ("long", LINEARITY_SHORT_TOKENS * LINEARITY_FACTOR),
        ):
            paths = []
            for name, text in generate(docs, seed, tokens):
                path = Path(folder) / f"{label}_{name}"
                path.write_text(text, encoding="utf-8")
                paths.append(path)
            texts = _texts(paths)
            figures[f"{label}_tokens"] = sum(len(engine.nlp.make_doc(t)) for t in texts)
            list(engine.outcomes(paths[:1]))  # warm caches outside the clock
            started = time.perf_counter()
            for _ in engine.outcomes(paths):
                pass
            figures[f"{label}_seconds"] = time.perf_counter() - started
    return figures


def child_main(args: argparse.Namespace) -> None:
    config = load_config(args.pipeline)
    files = discover_inputs([args.corpus], config) if args.corpus else []
    kind: str = args.measure
    if kind == "tokenizer":
        figures = measure_tokenizer(config, files)
    elif kind == "naive":
        figures = measure_naive(config, files)
    elif kind == "pipeline":
        figures = measure_pipeline(config, files, args.out, args.workers)
    elif kind == "before":
        figures = measure_pipeline(without_focus(config), files, args.out, 1)
    elif kind == "linearity":
        figures = measure_linearity(config, args.linearity_docs, args.seed)
    else:
        raise SystemExit(f"unknown measurement {kind!r}")
    figures["peak_rss_mb"] = _peak_rss_mb(resource.RUSAGE_SELF)
    figures["worker_peak_rss_mb"] = _peak_rss_mb(resource.RUSAGE_CHILDREN)
    print(json.dumps(figures))


# --------------------------------------------------------------------------- the parent side


def run_child(args: argparse.Namespace, kind: str, **extra: Any) -> dict[str, Any]:
    command = [
        sys.executable, "-m", "benchmarks.run", "--measure", kind,
        "--pipeline", str(args.pipeline), "--corpus", str(args.corpus),
        "--seed", str(args.seed), "--linearity-docs", str(args.linearity_docs),
    ]  # fmt: skip
    for key, value in extra.items():
        command += [f"--{key.replace('_', '-')}", str(value)]
    print(f"  measuring {kind} {extra or ''} ...", file=sys.stderr, flush=True)
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=REPO)
    if done.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def best_of(args: argparse.Namespace, kind: str, **extra: Any) -> dict[str, Any]:
    """The fastest of ``--repeat`` runs (other jobs on the machine only ever slow one down);
    its CPU time is the least of the runs' too."""
    runs = [run_child(args, kind, **extra) for _ in range(max(1, args.repeat))]
    best = min(runs, key=lambda figures: float(figures["seconds"]))
    if all("cpu_seconds" in figures for figures in runs):
        best["cpu_seconds"] = min(float(figures["cpu_seconds"]) for figures in runs)
    return best


def _canonical_rows(path: Path) -> Counter[str]:
    rows = pq.read_table(path).to_pylist() if path.exists() else []
    return Counter(json.dumps(row, sort_keys=True, default=str) for row in rows)


def _f1(found: Counter[str], reference: Counter[str]) -> float:
    if not found and not reference:
        return 1.0
    matched = sum((found & reference).values())
    precision = matched / max(sum(found.values()), 1)
    recall = matched / max(sum(reference.values()), 1)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _column_values(path: Path) -> dict[str, Counter[str]]:
    """Per column, the multiset of (doc_id, value) pairs: agreement that ignores row order."""
    if not path.exists():
        return {}
    columns: dict[str, Counter[str]] = {}
    for row in pq.read_table(path).to_pylist():
        for column, value in row.items():
            pair = json.dumps([row.get("doc_id"), value], default=str)
            columns.setdefault(column, Counter())[pair] += 1
    return columns


def agreement(optimized: Path, reference: Path) -> dict[str, dict[str, float]]:
    """Row F1 per table, and F1 per column, of the optimized run against the reference run."""
    report: dict[str, dict[str, float]] = {}
    for table in TABLE_MODELS:
        name = f"{table}.parquet"
        figures = {
            "rows": _f1(_canonical_rows(optimized / name), _canonical_rows(reference / name))
        }
        found, expected = _column_values(optimized / name), _column_values(reference / name)
        for column in sorted(set(found) | set(expected)):
            figures[column] = _f1(found.get(column, Counter()), expected.get(column, Counter()))
        report[table] = figures
    return report


def metric_gold_accuracy(tables: Path) -> dict[str, float]:
    """Direction and subject accuracy on the metrics whose meaning the generator knows.

    A stand-in for the gold F1 on the metric fields the focus component changes: the
    unfocused run is no gold standard there (its whole-document parse often reads a bullet's
    number against a neighbouring bullet).
    """
    paths = dict(
        zip(
            pq.read_table(tables / "documents.parquet").column("doc_id").to_pylist(),
            pq.read_table(tables / "documents.parquet").column("source_path").to_pylist(),
            strict=True,
        )
    )
    found: dict[tuple[str, str], dict[str, Any]] = {
        (paths[row["doc_id"]], row["text"]): row
        for row in pq.read_table(tables / "metrics.parquet").to_pylist()
    }
    total = found_count = direction_ok = subject_ok = 0
    for path in sorted(set(paths.values())):
        for gold in gold_metrics(Path(path).read_text(encoding="utf-8")):
            total += 1
            row = found.get((path, gold.text))
            if row is None:
                continue
            found_count += 1
            direction_ok += row["direction"] == gold.direction
            subject_ok += (row["subject"] or "").lower() == gold.subject.lower()
    return {
        "gold metrics": total,
        "found": found_count / max(total, 1),
        "direction": direction_ok / max(total, 1),
        "subject": subject_ok / max(total, 1),
    }


def experience_gold_accuracy(tables: Path, corpus: Path) -> dict[str, float]:
    """Share of the generator's jobs whose role, organization and location a row states exactly.

    Rows and jobs are compared per document as multisets, so a split or merged entry costs
    what it should and order does not matter.
    """
    gold = read_gold(corpus)
    documents = pq.read_table(tables / "documents.parquet").to_pylist()
    names = {row["doc_id"]: Path(row["source_path"]).name for row in documents}
    found: dict[str, dict[str, Counter[str]]] = {}
    for row in pq.read_table(tables / "experiences.parquet").to_pylist():
        per_field = found.setdefault(names[row["doc_id"]], {})
        for field_name in ("role", "organization", "location"):
            per_field.setdefault(field_name, Counter())[str(row[field_name])] += 1
    scores = {"jobs": 0.0, "role": 0.0, "organization": 0.0, "location": 0.0}
    for name, jobs in gold.items():
        scores["jobs"] += len(jobs)
        for field_name in ("role", "organization", "location"):
            expected = Counter(job[field_name] for job in jobs)
            got = found.get(name, {}).get(field_name, Counter())
            scores[field_name] += sum((expected & got).values())
    total = max(scores["jobs"], 1.0)
    return {key: (value if key == "jobs" else value / total) for key, value in scores.items()}


GOLD_DIR = REPO / "tests" / "gold"
HEADLINE_FIELDS = ("work.organization", "work.role", "work.start", "education.degree", "skill")


def eval_f1(config: PipelineConfig) -> dict[str, float]:
    """F1 per field of ``resume-etl eval`` on the dev corpus's gold records, for this pipeline.

    The synthetic corpus only knows what its templates wrote; the gold records are what people
    read in varied real-shaped documents, so they are the quality figure a speed-up must keep.
    """
    return evaluate(GOLD_DIR, config).f1_by_field()


def print_eval(f1_by_field: dict[str, float]) -> None:
    mean = sum(f1_by_field.values()) / len(f1_by_field)
    shown = ", ".join(f"{field} {f1_by_field[field]:.3f}" for field in HEADLINE_FIELDS)
    print(f"  eval F1 on tests/gold: mean of {len(f1_by_field)} fields {mean:.3f}; {shown}")


def _measurement(
    name: str, figures: dict[str, Any], docs: int, corpus: dict[str, Any]
) -> Measurement:
    return Measurement(
        name=name,
        docs=docs,
        seconds=figures["seconds"],
        peak_rss_mb=figures["peak_rss_mb"],
        worker_peak_rss_mb=figures.get("worker_peak_rss_mb", 0.0),
        stage_seconds=figures.get("stage_seconds", {}),
        tokens=corpus["tokens"],
        megabytes=corpus["megabytes"],
        cpu_seconds=figures.get("cpu_seconds", 0.0),
    )


def print_measurements(rows: list[Measurement], floor: Measurement, naive: Measurement) -> None:
    print(
        f"\n{'configuration':<28}{'docs/s':>9}{'tokens/s':>11}{'MB/s':>8}{'peak RSS MB':>13}"
        f"{'x naive':>9}{'/ floor':>9}{'CPU ms/doc':>12}{'x naive CPU':>13}"
    )
    naive_cpu = naive.cpu_seconds / naive.docs
    for row in rows:
        rss = f"{row.peak_rss_mb:.0f}"
        if row.worker_peak_rss_mb > 1:
            rss += f" (w {row.worker_peak_rss_mb:.0f})"
        cpu_per_doc = row.cpu_seconds / row.docs
        print(
            f"{row.name:<28}{row.docs_per_second:>9.2f}{row.tokens / row.seconds:>11.0f}"
            f"{row.megabytes / row.seconds:>8.3f}{rss:>13}"
            f"{row.docs_per_second / naive.docs_per_second:>9.2f}"
            f"{row.docs_per_second / floor.docs_per_second:>9.3f}"
            f"{1000 * cpu_per_doc:>12.1f}{naive_cpu / cpu_per_doc if cpu_per_doc else 0:>13.2f}"
        )
    for row in rows:
        if row.stage_seconds:
            parts = shares({s: row.stage_seconds.get(s, 0.0) for s in STAGES})
            text = "  ".join(f"{stage} {share:.0%}" for stage, share in parts.items())
            print(f"  stage shares, {row.name}: {text}")


def print_agreement(report: dict[str, dict[str, float]]) -> None:
    print("\nquality proxy: agreement with the unfocused pipeline (row F1 per table; columns < 1)")
    for table, figures in report.items():
        weak = {c: f for c, f in figures.items() if c != "rows" and f < 0.9995}
        details = ", ".join(f"{c} {f:.3f}" for c, f in sorted(weak.items(), key=lambda i: i[1]))
        print(
            f"  {table:<13} rows F1 {figures['rows']:.3f}" + (f"  [{details}]" if details else "")
        )


def parent_main(args: argparse.Namespace) -> None:
    workers = args.workers or os.cpu_count() or 1
    paths = write_corpus(args.corpus, args.docs, args.seed)
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    print(f"corpus: {len(paths)} documents, seed {args.seed}, {megabytes:.2f} MB in {args.corpus}")
    floor_figures = best_of(args, "tokenizer")
    corpus = {"tokens": floor_figures["tokens"], "megabytes": megabytes}
    print(f"        {corpus['tokens']} tokens, {corpus['tokens'] / len(paths):.0f} per document")
    docs = len(paths)
    floor = _measurement("floor: tokenizer only", floor_figures, docs, corpus)
    naive = _measurement("naive: full model", best_of(args, "naive"), docs, corpus)
    with tempfile.TemporaryDirectory() as folder:
        before_out, after_out = Path(folder) / "before", Path(folder) / "after"
        many_out = Path(folder) / "many"
        rows = [floor, naive]
        if not args.skip_before:
            before = best_of(args, "before", out=before_out)
            rows.append(_measurement("before: unfocused, 1 worker", before, docs, corpus))
        one = best_of(args, "pipeline", out=after_out, workers=1)
        rows.append(_measurement("resume-etl, 1 worker", one, docs, corpus))
        if workers > 1:
            many = best_of(args, "pipeline", out=many_out, workers=workers)
            rows.append(_measurement(f"resume-etl, {workers} workers", many, docs, corpus))
        print_measurements(rows, floor, naive)
        if workers > 1:
            single, pooled = rows[-2], rows[-1]
            scaling = pooled.docs_per_second / single.docs_per_second
            print(f"  scaling, {workers} workers vs 1 (wall clock): {scaling:.2f}x")
            if single.cpu_seconds and pooled.cpu_seconds:
                # What the pool would reach on otherwise idle cores: N times the work per CPU
                # second, less what pickling rows and the parent's share cost.
                efficiency = single.cpu_seconds / pooled.cpu_seconds
                single_ms = 1000 * single.cpu_seconds / single.docs
                pooled_ms = 1000 * pooled.cpu_seconds / pooled.docs
                print(
                    f"  CPU ms per document: 1 worker {single_ms:.0f}, {workers} workers "
                    f"{pooled_ms:.0f} (scaling on idle cores at most {workers * efficiency:.2f}x)"
                )
            print(
                f"  cores busy with other work at the start: load average {os.getloadavg()[0]:.1f}"
            )
        if not args.skip_before:
            print_agreement(agreement(after_out, before_out))
            print("\nexperiences vs the generator's gold (share of jobs with the field exactly):")
            for label, tables_dir in (("before", before_out), ("after", after_out)):
                jobs = experience_gold_accuracy(tables_dir, args.corpus)
                print(
                    f"  {label:<7} {jobs['jobs']:.0f} jobs: role {jobs['role']:.3f}, "
                    f"organization {jobs['organization']:.3f}, location {jobs['location']:.3f}"
                )
            print("\nmetric meaning vs the generator's gold (share of templated metrics right):")
            for label, tables_dir in (("before", before_out), ("after", after_out)):
                figures = metric_gold_accuracy(tables_dir)
                print(
                    f"  {label:<7} {figures['gold metrics']:.0f} metrics: found "
                    f"{figures['found']:.3f}, direction {figures['direction']:.3f}, "
                    f"subject {figures['subject']:.3f}"
                )
        print_eval(eval_f1(load_config(args.pipeline)))
    if args.linearity_docs:
        line = run_child(args, "linearity")
        token_ratio = line["long_tokens"] / line["short_tokens"]
        time_ratio = line["long_seconds"] / line["short_seconds"]
        print(
            f"\nlinearity: documents {token_ratio:.1f}x longer took {time_ratio:.1f}x longer "
            f"(per token: {time_ratio / token_ratio:.2f}x; target: 10x longer in <= 12x)"
        )


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark resume-etl against two references.")
    parser.add_argument("--docs", type=int, default=200, help="corpus size (up to 100,000)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed")
    parser.add_argument("--workers", type=int, default=0, help="processes for the all-cores run")
    parser.add_argument("--pipeline", type=Path, default=DEFAULT_PIPELINE)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--linearity-docs", type=int, default=10, help="per length; 0 skips it")
    parser.add_argument("--skip-before", action="store_true", help="no unfocused run")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; best kept")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main() -> None:
    args = parse_args()
    if args.measure:
        child_main(args)
    else:
        parent_main(args)


if __name__ == "__main__":
    main()
