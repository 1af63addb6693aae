"""The same gold over the same documents saved in other formats (PDF, DOCX, HTML).

A rendering of a gold document keeps the gold document's file stem in a folder of its own
(``pdf-1col/101_data_scientist_us.pdf``); the gold record is the same, only the file it names
changes. Two figures sum a report up: entry accuracy (F1 over the entries found, jobs, schools,
projects and publications) and field F1 (micro-averaged over every scored field).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from resume_etl.evaluation.counts import EvalReport
from resume_etl.evaluation.gold import GoldDocument

ENTRY_FIELDS = ("work.entry", "education.entry", "project.entry", "publication.entry")


@dataclass(frozen=True, slots=True)
class FormatScore:
    """One format's two summary figures."""

    entry_accuracy: float
    field_f1: float


def gold_for_rendering(
    gold: Mapping[Path, GoldDocument], folder: Path, suffix: str
) -> dict[Path, GoldDocument]:
    """The gold records whose document has a rendering ``folder/<stem><suffix>``, keyed by it."""
    found: dict[Path, GoldDocument] = {}
    for document, record in gold.items():
        rendering = folder / f"{document.stem}{suffix}"
        if rendering.is_file():
            found[rendering.resolve()] = record.model_copy(update={"document": str(rendering)})
    return found


def summarize(report: EvalReport) -> FormatScore:
    """Entry accuracy and micro field F1 of a report."""
    return FormatScore(
        entry_accuracy=_micro_f1(report, ENTRY_FIELDS),
        field_f1=_micro_f1(report, tuple(score.field for score in report.fields)),
    )


def _micro_f1(report: EvalReport, fields: tuple[str, ...]) -> float:
    scores = [score for score in report.fields if score.field in fields]
    hits = sum(score.true_positives for score in scores)
    errors = sum(score.false_positives + score.false_negatives for score in scores)
    return 2 * hits / (2 * hits + errors) if hits + errors else 1.0
