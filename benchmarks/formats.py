"""The same résumés as text, PDF (one and two columns), DOCX and HTML: quality and speed.

    python -m benchmarks.formats              # the format fixtures, fastest of 3 runs per format
    python -m benchmarks.formats --repeat 5 --copies 4

Reads the renderings in ``tests/fixtures/formats`` (made by its ``make_fixtures.py``) and the
documents they were rendered from, runs the whole pipeline over each format in this process
(the model loaded once, outside the clock) and prints, per format: the gold evaluation's entry
accuracy and field F1, documents/s, and the share of the stage time spent reading the file (the
ingest stage: reading, PDF layout analysis, decoding and normalizing).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from resume_etl.config import PipelineConfig, default_pipeline_path, load_config
from resume_etl.evaluation import GoldDocument, load_gold, score_documents
from resume_etl.evaluation.formats import FormatScore, gold_for_rendering, summarize
from resume_etl.evaluation.predicted import predictions_from_tables
from resume_etl.nlp.build import build_nlp
from resume_etl.runner import RunOptions, run_files
from resume_etl.tables import read_tables

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "formats"
GOLD = REPO / "tests" / "gold"
RENDERINGS: dict[str, tuple[str, str]] = {
    "pdf, one column": ("pdf-1col", ".pdf"),
    "pdf, two columns": ("pdf-2col", ".pdf"),
    "docx": ("docx", ".docx"),
    "html": ("html", ".html"),
}
TEXT = "text (.txt/.md)"


def gold_by_format(
    gold_dir: Path = GOLD, fixtures: Path = FIXTURES
) -> dict[str, dict[Path, GoldDocument]]:
    """Per format, the gold records keyed by that format's file; text is the rendered set's
    originals, so every format scores the same documents."""
    gold = load_gold(gold_dir)
    rendered = {
        name: gold_for_rendering(gold, fixtures / folder, suffix)
        for name, (folder, suffix) in RENDERINGS.items()
    }
    stems = {path.stem for found in rendered.values() for path in found}
    originals = {path: record for path, record in gold.items() if path.stem in stems}
    return {TEXT: originals, **rendered}


@dataclass(frozen=True, slots=True)
class FormatRun:
    score: FormatScore
    documents: int
    seconds: float
    read_share: float


def score_format(
    gold: Mapping[Path, GoldDocument], config: PipelineConfig, nlp: Language, out: Path
) -> FormatRun:
    """One full run over a format's files into ``out``, scored against the gold."""
    started = time.perf_counter()
    summary = run_files(config, sorted(gold), out, nlp=nlp, options=RunOptions(full=True))
    seconds = time.perf_counter() - started
    report = score_documents(gold, predictions_from_tables(read_tables(out)))
    stage_total = sum(summary.stage_seconds.values())
    read = summary.stage_seconds.get("ingest", 0.0)
    return FormatRun(
        summarize(report), len(gold), seconds, read / stage_total if stage_total else 0
    )


def _copies(
    gold: Mapping[Path, GoldDocument], folder: Path, copies: int
) -> dict[Path, GoldDocument]:
    """``copies`` copies of every file, each copy in a folder of its own (the speed runs; the
    copies are the same text, so all but one per document end as duplicates, E006, which
    costs the pipeline the same reading and analysis)."""
    found: dict[Path, GoldDocument] = {}
    for copy in range(copies):
        target = folder / f"copy{copy}"
        target.mkdir(parents=True, exist_ok=True)
        for path, record in gold.items():
            shutil.copyfile(path, target / path.name)
            found[(target / path.name).resolve()] = record
    return found


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Quality and speed per input format.")
    parser.add_argument("--repeat", type=int, default=3, help="runs per format; fastest kept")
    parser.add_argument("--pipeline", type=Path, default=default_pipeline_path())
    args = parser.parse_args(argv)
    config = load_config(args.pipeline)
    nlp = build_nlp(config.extract)
    print(f"{'format':<18} {'docs':>4} {'entry acc':>9} {'field F1':>8} {'docs/s':>7} {'read':>6}")
    with tempfile.TemporaryDirectory(prefix="resume-etl-formats-") as scratch:
        for name, gold in gold_by_format().items():
            runs = [
                score_format(gold, config, nlp, Path(scratch) / f"{name}-{attempt}")
                for attempt in range(max(1, args.repeat))
            ]
            best = min(runs, key=lambda run: run.seconds)
            print(
                f"{name:<18} {best.documents:>4} {best.score.entry_accuracy:>9.3f} "
                f"{best.score.field_f1:>8.3f} {best.documents / best.seconds:>7.2f} "
                f"{best.read_share:>6.1%}"
            )


if __name__ == "__main__":
    main()
