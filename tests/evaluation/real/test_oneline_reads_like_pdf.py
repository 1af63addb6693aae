"""The oneline layout, once ingest has put its line breaks back, has the pdf layout's lines."""

from __future__ import annotations

from resume_etl.evaluation.real.facts import Project, Publication, ResumeFacts
from resume_etl.evaluation.real.render import layout_named
from resume_etl.stages.ingest import normalize


def _lines(text: str) -> list[str]:
    return [line.strip() for line in normalize(text)[0].split("\n")]


def test_the_restored_oneline_text_has_the_pdf_lines(facts: ResumeFacts) -> None:
    """Right-aligned dates, bullets wrapped before a capital, an indented description that
    wraps, citations wrapped before a capital, a lower-case project name after a short line.
    (A one-line indented description under its title is the one shape left: two spaces of
    indent after a break collapse to the four of a blank line.)"""
    wrapped = facts.model_copy(
        update={
            "projects": [
                Project(
                    name="ledgerlint",
                    description=(
                        "Command line linter that checks double-entry ledger files against "
                        "Their chart of accounts before every nightly close of the books"
                    ),
                ),
                Project(
                    name="tallyhook",
                    description=(
                        "Webhook relay that posts settlement totals to the finance channel once "
                        "Every batch has been reconciled against the bank statement"
                    ),
                ),
            ],
            "publications": [
                *facts.publications,
                Publication(
                    title="Reconciling Card Settlements with Streaming Ledgers at Regional Scale",
                    venue="Journal of Payment Systems",
                    year=2023,
                ),
            ],
        }
    )
    pdf = layout_named("pdf").render(wrapped)
    oneline = layout_named("oneline").render(wrapped)
    assert _lines(oneline) == _lines(pdf)
