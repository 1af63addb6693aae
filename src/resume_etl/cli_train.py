"""``resume-etl train``: retrain the line-role model from weak labels (registered by ``cli.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from resume_etl.cli_common import fail
from resume_etl.cli_real import RealDataOption
from resume_etl.errors import ResumeEtlError
from resume_etl.evaluation.real.split import DEFAULT_SEED
from resume_etl.training import DEFAULT_NAME, DEFAULT_VARIANTS

if TYPE_CHECKING:
    from rich.table import Table


DEFAULT_RULE_DOCS = (Path("raw"), Path("tests") / "fixtures" / "formats")
"""The repository's own documents, from its root: the gold inputs and their renderings."""


_OutOption = Annotated[
    Path | None,
    typer.Option(
        "--out", help="Folder to write the model and its card to (default: the package's data)."
    ),
]
_NameOption = Annotated[str, typer.Option("--name", help="The model's versioned name.")]
_VariantsOption = Annotated[
    int,
    typer.Option("--variants", min=0, help="Seeded redraws (width, date style) per layout."),
]
_SeedOption = Annotated[
    int, typer.Option("--seed", help="Seed of the dev/untouched split and the variants.")
]
_RulesDocsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--rules-docs",
        help="Folders of the repository's own documents to add, labelled by the rules "
        "(default: raw and tests/fixtures/formats where they exist).",
    ),
]
_LimitOption = Annotated[
    int | None, typer.Option("--limit", min=1, help="At most N files per group (a quick try).")
]


def train(
    data: RealDataOption = None,
    out: _OutOption = None,
    name: _NameOption = DEFAULT_NAME,
    variants: _VariantsOption = DEFAULT_VARIANTS,
    seed: _SeedOption = DEFAULT_SEED,
    rules_docs: _RulesDocsOption = None,
    limit: _LimitOption = None,
) -> None:
    """Train the line-role model on the dev half's JSON Resume files rendered in every layout
    (weak labels from the renderers), score it per role on held-out renderings, and write it
    with its card (provenance, features version, scores) as package data."""
    # The trainer, crfsuite and rich load only when the command runs: --help stays fast.
    from rich.console import Console  # noqa: PLC0415

    from resume_etl.evaluation.real.data import require_data_dir  # noqa: PLC0415
    from resume_etl.stages.layout import model_path  # noqa: PLC0415
    from resume_etl.training.line_roles import train_line_roles  # noqa: PLC0415

    console = Console(stderr=True)
    try:
        folder = require_data_dir(data)
        target = out if out is not None else model_path(name).parent
        folders = (
            rules_docs if rules_docs is not None else [p for p in DEFAULT_RULE_DOCS if p.is_dir()]
        )
        card = train_line_roles(folder, target, name, seed, variants, limit, folders)
    except ResumeEtlError as error:
        raise fail(error) from error
    console.print(_score_table(name, card))
    console.print(
        f"wrote {target / name}.crfsuite and its card ({card['data']['documents']} renderings)"
    )


def _score_table(name: str, card: dict[str, Any]) -> Table:
    """The model card's scores: F1 per role and accuracy, one column per held-out group."""
    from rich.table import Table  # noqa: PLC0415

    from resume_etl.nlp.line_roles import LineRole  # noqa: PLC0415

    table = Table(title=f"{name}: per-role F1 (lines)")
    table.add_column("role")
    groups = list(card["scores"])
    for group in groups:
        table.add_column(group, justify="right")
    for role in LineRole:
        table.add_row(role.value, *(f"{card['scores'][g][role.value]['f1']:.2f}" for g in groups))
    table.add_row("accuracy", *(f"{card['scores'][g]['accuracy']:.2f}" for g in groups))
    return table
