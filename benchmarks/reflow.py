"""Documents whose line breaks were collapsed into spaces: what the pipeline reads from them.

    python -m benchmarks.reflow                # dotin dev and held-out halves, raw/ collapsed
    python -m benchmarks.reflow --no-reflow    # the same with line-break restoration switched off

Two measurements, each printed for the pipeline as it is and (``--no-reflow``) without
``stages/reflow/``, so one command gives the before and the after:

1. **dotin** (``../shared/data/dotin/train.jsonl``, 208 real résumés, every one a single line):
   jobs and schools found, documents with a quality flag, and the recall of the gold
   ``Companies worked at`` / ``Designation`` / ``College Name`` spans: a span counts as found
   when an ``experiences.organization`` / ``experiences.role`` / ``education.institution`` of
   the same document matches it by the evaluation's partial-match rule. Split by
   ``sha1(id)``: first hex digit 0-7 is *dev* (the half tuned on), 8-f *held-out*; the
   near-duplicate groups the data README lists go with their first member.
2. **raw/ collapsed**: every document of ``tests/gold`` with each line break replaced by two
   spaces (as dotin's were), scored against the same gold as the original: "read like the same
   text with breaks" means the two rows agree. A third row replaces each break by one space,
   the harder shape: a single space between two lines is also the space between two words.

Nothing here is shipped: the real data is read in place and never copied.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from spacy.language import Language

from resume_etl.api import read_tables
from resume_etl.config import default_pipeline_path, load_config
from resume_etl.evaluation import load_gold, score_documents
from resume_etl.evaluation.match import text_matches
from resume_etl.evaluation.predicted import predictions_from_tables
from resume_etl.nlp.build import build_nlp
from resume_etl.runner import run_files
from resume_etl.stages import ingest
from resume_etl.stages import normalize as normalization

REPO = Path(__file__).resolve().parent.parent
DOTIN = REPO.parent.parent / "shared" / "data" / "dotin" / "train.jsonl"
GOLD = REPO / "tests" / "gold"
PIPELINE = default_pipeline_path()

SPAN_FIELDS: dict[str, tuple[str, str, bool]] = {
    "Companies worked at": ("experiences", "organization", True),
    "Designation": ("experiences", "role", False),
    "College Name": ("education", "institution", True),
}
"""dotin label -> (table, column, compared as an organization name)."""

# The dotin README's near-duplicate groups: one split each, decided by the first member.
_NEAR_DUPLICATES = (
    (86, 91),
    (235, 268),
    (242, 273),
    (246, 255),
    (251, 267, 281),
    (253, 258),
    (256, 285),
    (269, 283),
    (297, 304),
)
_FILE_NUMBER = re.compile(r"(\d+)\.xml$")
TWIN_FIELDS = (
    "work.entry",
    "work.organization",
    "work.role",
    "education.entry",
    "education.institution",
)


def is_dev(document_id: str) -> bool:
    """Dev half: ``sha1`` of the id (of its group's first member) starts with 0-7."""
    found = _FILE_NUMBER.search(document_id)
    if found is not None:
        number = int(found.group(1))
        for group in _NEAR_DUPLICATES:
            if number in group:
                document_id = _FILE_NUMBER.sub(f"{group[0]}.xml", document_id)
    return hashlib.sha1(document_id.encode("utf-8")).hexdigest()[0] in "01234567"


def collapse_line_breaks(text: str, width: int = 2) -> str:
    """The shape dotin arrived in: each line break replaced by ``width`` spaces."""
    return text.replace("\r\n", "\n").replace("\n", " " * width)


@dataclass(slots=True)
class SplitFigures:
    """What the pipeline read from one half of dotin."""

    documents: int = 0
    with_jobs: int = 0
    jobs: int = 0
    schools: int = 0
    flagged: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)


def _documents(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


@contextmanager
def _reflow_switched_off(off: bool) -> Iterator[None]:
    """The run before this work: ingest without the line-break restoration step."""
    if not off or not hasattr(normalization, "restore_line_breaks"):
        yield
        return
    original = normalization.restore_line_breaks
    normalization.restore_line_breaks = lambda text: text
    try:
        yield
    finally:
        normalization.restore_line_breaks = original


def _run(texts: dict[str, bytes], nlp: Language, folder: Path) -> dict[str, dict[str, Any]]:
    """Write ``texts`` as files, run the pipeline, and return each file's rows by name."""
    inputs = folder / "in"
    inputs.mkdir()
    paths = []
    for name, text in texts.items():
        path = inputs / name
        path.write_bytes(text)
        paths.append(path)
    config = load_config(PIPELINE)
    run_files(config, paths, folder / "out", nlp=nlp)
    tables = read_tables(folder / "out")
    by_doc = {
        row["doc_id"]: Path(row["source_path"]).name
        for row in tables["documents"].to_dict(orient="records")
    }
    rows: dict[str, dict[str, Any]] = {name: {"documents": []} for name in texts}
    for table in ("documents", "experiences", "education"):
        for row in tables[table].to_dict(orient="records"):
            file_name = by_doc.get(row["doc_id"])
            if file_name is not None:
                rows[file_name].setdefault(table, []).append(row)
    return rows


def dotin_figures(nlp: Language, dotin: Path) -> dict[str, SplitFigures]:
    """Jobs, schools, flags and span recall on the dev and held-out halves."""
    documents = _documents(dotin)
    texts = {f"{index:03d}.txt": doc["text"].encode("utf-8") for index, doc in enumerate(documents)}
    with tempfile.TemporaryDirectory(prefix="reflow-dotin-") as scratch:
        rows = _run(texts, nlp, Path(scratch))
    figures = {"dev": SplitFigures(), "held-out": SplitFigures()}
    for index, doc in enumerate(documents):
        split = figures["dev" if is_dev(doc["id"]) else "held-out"]
        found = rows[f"{index:03d}.txt"]
        jobs, schools = found.get("experiences", []), found.get("education", [])
        split.documents += 1
        split.with_jobs += bool(jobs)
        split.jobs += len(jobs)
        split.schools += len(schools)
        for document in found["documents"]:
            split.flagged.update(document.get("quality_flags") or [])
        for span in doc["spans"]:
            if span["label"] not in SPAN_FIELDS:
                continue
            table, column, organization = SPAN_FIELDS[span["label"]]
            split.gold[span["label"]] += 1
            values = [row[column] for row in found.get(table, []) if row.get(column)]
            if any(text_matches(value, span["text"], organization) for value in values):
                split.found[span["label"]] += 1
    return figures


def twin_figures(nlp: Language) -> dict[str, dict[str, float]]:
    """Gold F1 of raw/ as written and of the same documents with collapsed line breaks."""
    gold = load_gold(GOLD)
    config = load_config(PIPELINE)
    report: dict[str, dict[str, float]] = {}
    shapes: tuple[tuple[str, Callable[[str], str] | None], ...] = (
        ("as written", None),
        ("collapsed, 2 spaces a break", collapse_line_breaks),
        ("collapsed, 1 space a break", partial(collapse_line_breaks, width=1)),
    )
    for shape, reshape in shapes:
        texts: dict[str, bytes] = {}
        for path in gold:
            data = path.read_bytes()
            if reshape is not None:
                decoded = ingest.decode(data, config.ingest.preferred_legacy_encodings)
                data = reshape(decoded.text).encode("utf-8")
            texts[path.name] = data
        with tempfile.TemporaryDirectory(prefix="reflow-twins-") as scratch:
            _run(texts, nlp, Path(scratch))
            tables = read_tables(Path(scratch) / "out")
            scores = score_documents(gold, predictions_from_tables(tables)).f1_by_field()
            flagged = sum(
                bool(list(flags or [])) for flags in tables["documents"].get("quality_flags", [])
            )
        report[shape] = {name: scores[name] for name in TWIN_FIELDS}
        report[shape]["documents flagged"] = flagged
    return report


def _recall(found: int, gold: int) -> str:
    return f"{found / gold:.2f} ({found}/{gold})" if gold else "-"


def _print_dotin(figures: dict[str, SplitFigures]) -> None:
    print(
        "| dotin half | documents | with jobs | jobs | schools | "
        + " | ".join(f"{label} recall" for label in SPAN_FIELDS)
        + " | flags |"
    )
    print("|---|---:|---:|---:|---:|" + "---:|" * len(SPAN_FIELDS) + "---|")
    for name, split in figures.items():
        recalls = [_recall(split.found[label], split.gold[label]) for label in SPAN_FIELDS]
        flags = ", ".join(f"{flag} {count}" for flag, count in sorted(split.flagged.items()))
        print(
            f"| {name} | {split.documents} | {split.with_jobs} | {split.jobs} | "
            f"{split.schools} | " + " | ".join(recalls) + f" | {flags or '-'} |"
        )


def _print_twins(report: dict[str, dict[str, float]]) -> None:
    columns = [*TWIN_FIELDS, "documents flagged"]
    print("| raw/ (tests/gold) | " + " | ".join(columns) + " |")
    print("|---|" + "---:|" * len(columns))
    for shape, scores in report.items():
        cells = [
            f"{scores[name]:.3f}" if name in TWIN_FIELDS else f"{scores[name]:.0f}"
            for name in columns
        ]
        print(f"| {shape} | " + " | ".join(cells) + " |")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--no-reflow", action="store_true", help="switch restoration off")
    parser.add_argument("--dotin", type=Path, default=DOTIN, help="dotin train.jsonl")
    parser.add_argument("--skip-twins", action="store_true", help="dotin only")
    args = parser.parse_args(argv)
    nlp = build_nlp(load_config(PIPELINE).extract)
    with _reflow_switched_off(args.no_reflow):
        label = "without" if args.no_reflow else "with"
        print(f"line-break restoration: {label}\n")
        if args.dotin.is_file():
            _print_dotin(dotin_figures(nlp, args.dotin))
        else:
            print(f"{args.dotin} not found: dotin skipped")
        if not args.skip_twins:
            print()
            _print_twins(twin_figures(nlp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
