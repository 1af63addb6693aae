"""The eval report as rich tables: per-field scores, then the worst documents."""

from __future__ import annotations

from rich.table import Table

from resume_etl.evaluation.counts import EvalReport

FIELD_COLUMNS = ("field", "precision", "recall", "f1", "tp", "fp", "fn")
"""Columns of the per-field scores for scripts (``eval --format csv``)."""


def field_rows(report: EvalReport) -> list[tuple[str, float, float, float, int, int, int]]:
    """The per-field scores as plain rows, in ``FIELD_COLUMNS`` order."""
    return [
        (
            score.field,
            score.precision,
            score.recall,
            score.f1,
            score.true_positives,
            score.false_positives,
            score.false_negatives,
        )
        for score in report.fields
    ]


def field_table(report: EvalReport) -> Table:
    table = Table(title="resume-etl eval: per field", show_header=True)
    for column in ("field", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "field" else "right")
    for score in report.fields:
        table.add_row(
            score.field,
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            f"{score.f1:.3f}",
            str(score.true_positives),
            str(score.false_positives),
            str(score.false_negatives),
        )
    return table


def worst_table(report: EvalReport, count: int) -> Table:
    table = Table(title=f"worst {count} documents", show_header=True)
    for column in ("document", "F1", "tp", "fp", "fn", "weakest fields"):
        table.add_column(column, justify="right" if column in ("F1", "tp", "fp", "fn") else "left")
    for doc in report.worst_documents(count):
        table.add_row(
            doc.document,
            f"{doc.f1:.3f}",
            str(doc.true_positives),
            str(doc.false_positives),
            str(doc.false_negatives),
            ", ".join(doc.weakest_fields),
        )
    return table
