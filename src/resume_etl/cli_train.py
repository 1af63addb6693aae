"""``resume-etl train``: retrain a shipped model (registered by ``cli.py``): the line-role model
from weak labels (``--model lines``, the default) or the résumé entity model (``--model
entities``)."""

from __future__ import annotations

from enum import StrEnum
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
        "--out",
        help="Folder to write the model and its card to (default: the package's data).",
        readable=False,
    ),
]


class TrainedModel(StrEnum):
    LINES = "lines"
    ENTITIES = "entities"


_ModelOption = Annotated[
    TrainedModel,
    typer.Option(
        "--model",
        help="Which model: the line-role model (lines) or the résumé entity model (entities).",
    ),
]
_NameOption = Annotated[
    str | None,
    typer.Option(
        "--name", help="The model's versioned name (default: the name the pipeline uses)."
    ),
]
_EpochsOption = Annotated[
    int | None,
    typer.Option("--epochs", min=1, help="Entity model: passes over the data (a quick try)."),
]
_RenamedOption = Annotated[
    int | None,
    typer.Option(
        "--renamed-copies",
        min=0,
        help="Entity model: copies of each training window with invented employer and place "
        "names (an experiment, 0 by default; docs/entities.md).",
    ),
]
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
        readable=False,
    ),
]
_LimitOption = Annotated[
    int | None, typer.Option("--limit", min=1, help="At most N files per group (a quick try).")
]


def train(
    data: RealDataOption = None,
    out: _OutOption = None,
    model: _ModelOption = TrainedModel.LINES,
    name: _NameOption = None,
    variants: _VariantsOption = DEFAULT_VARIANTS,
    seed: _SeedOption = DEFAULT_SEED,
    rules_docs: _RulesDocsOption = None,
    limit: _LimitOption = None,
    epochs: _EpochsOption = None,
    renamed_copies: _RenamedOption = None,
) -> None:
    """Train a shipped model from the shared real data's dev half and write it with its card
    (provenance, parameters, held-out scores) as package data. The line-role model learns
    from the JSON Resume files rendered in every layout (weak labels from the renderers); the
    entity model (--model entities) fine-tunes the base model's ner on dotin and rendered JSON
    Resume header lines (docs/entities.md)."""
    if model is TrainedModel.ENTITIES:
        changes = {"layout_variants": variants, "epochs": epochs, "renamed_copies": renamed_copies}
        _train_entities(data, out, name, seed, limit, changes)
        return
    # The trainer, crfsuite and rich load only when the command runs: --help stays fast.
    from rich.console import Console  # noqa: PLC0415

    from resume_etl.evaluation.real.data import require_data_dir  # noqa: PLC0415
    from resume_etl.stages.layout import model_path  # noqa: PLC0415
    from resume_etl.training.line_roles import train_line_roles  # noqa: PLC0415

    console = Console(stderr=True)
    name = name or DEFAULT_NAME
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


def _train_entities(
    data: Path | None,
    out: Path | None,
    name: str | None,
    seed: int,
    limit: int | None,
    changes: dict[str, int | None],
) -> None:
    """``--model entities``: fine-tune the base model's ner, print its held-out scores."""
    import time  # noqa: PLC0415

    from rich.console import Console  # noqa: PLC0415

    from resume_etl.evaluation.real.data import require_data_dir  # noqa: PLC0415
    from resume_etl.nlp.entity_model import DEFAULT_ENTITY_MODEL, entity_model_path  # noqa: PLC0415
    from resume_etl.training.entities import train_entities  # noqa: PLC0415

    console = Console(stderr=True)
    name = name or DEFAULT_ENTITY_MODEL
    started = time.monotonic()
    try:
        folder = require_data_dir(data)
        target = out if out is not None else entity_model_path(name).parent
        given = {key: value for key, value in changes.items() if value is not None}
        card = train_entities(folder, target, name, seed, limit, given)
    except ResumeEtlError as error:
        raise fail(error) from error
    console.print(_entity_table(name, card))
    console.print(
        f"wrote {target / name}/ and its card ({card['data']['windows']['train']} windows, "
        f"epoch {card['selected_epoch']} kept) in {time.monotonic() - started:.0f} s"
    )


def _entity_table(name: str, card: dict[str, Any]) -> Table:
    """The entity card's held-out scores: base ner against the tuned one, per source."""
    from rich.table import Table  # noqa: PLC0415

    scores = card["scores"]["held_out"]
    table = Table(title=f"{name}: held-out fold of dev, base ner -> tuned")
    for column in ("source", "ORG P", "ORG R", "ORG F1", "ORG on titles/skills", "kept"):
        table.add_column(column, justify="left" if column == "source" else "right")
    for source in scores["tuned"]:
        base, tuned = scores["base"][source], scores["tuned"][source]
        table.add_row(
            source,
            *(f"{base['ORG'][k]:.2f} -> {tuned['ORG'][k]:.2f}" for k in ("p", "r", "f1")),
            f"{base['ORG on no-entity spans']['count']} -> "
            f"{tuned['ORG on no-entity spans']['count']}",
            f"{tuned['kept']:.2f}",
        )
    return table
