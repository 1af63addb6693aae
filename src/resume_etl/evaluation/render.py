"""The eval report as rich tables: per-field scores, then the worst documents."""

from __future__ import annotations

from rich.table import Table

from resume_etl.evaluation.score import EvalReport


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
