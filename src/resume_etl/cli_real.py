"""``resume-etl eval-real``: the evaluation on real résumés (registered by ``cli.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from resume_etl.cli_common import PipelineOption, fail, write_output_file
from resume_etl.errors import ResumeEtlError
from resume_etl.evaluation.real.data import DATA_ENV_VAR
from resume_etl.evaluation.real.layout_names import LAYOUT_NAMES
from resume_etl.evaluation.real.split import DEFAULT_SEED, Half

if TYPE_CHECKING:
    from rich.console import Console

    from resume_etl.evaluation.real.evaluate import StageProgress
    from resume_etl.evaluation.real.report import RealReport


def _console() -> Console:
    from rich.console import Console  # noqa: PLC0415 - rich loads only when the command runs

    return Console(stderr=True)


class SetChoice(StrEnum):
    DOTIN = "dotin"
    JSONRESUME = "jsonresume"
    MARKDOWN = "markdown"
    ALL = "all"


class SplitChoice(StrEnum):
    DEV = "dev"
    UNTOUCHED = "untouched"
    BOTH = "both"


def _layouts(value: str | None) -> tuple[str, ...]:
    if not value:
        return LAYOUT_NAMES
    names = tuple(name.strip() for name in value.split(",") if name.strip())
    unknown = [name for name in names if name not in LAYOUT_NAMES]
    if unknown:
        raise typer.BadParameter(
            f"unknown layout {', '.join(unknown)}; choose from {', '.join(LAYOUT_NAMES)}"
        )
    return names


@contextmanager
def _progress(quiet: bool) -> Iterator[StageProgress]:
    """A stage callback that shows one progress bar per set run (none with ``quiet``)."""
    from rich.progress import (  # noqa: PLC0415
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from resume_etl.evaluation.real.runner import Progress as InputProgress  # noqa: PLC0415

    if quiet:
        yield lambda _description, _total: lambda _done: None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=_console(), transient=False) as progress:

        def stage(description: str, total: int) -> InputProgress:
            task = progress.add_task(description, total=total)
            return lambda done: progress.update(task, completed=done)

        yield stage


RealDataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help=f"Real data folder (default: ${DATA_ENV_VAR}, else ../shared/data).",
        readable=False,
    ),
]
_SetOption = Annotated[SetChoice, typer.Option("--set", help="Which real set to evaluate.")]
_SplitOption = Annotated[
    SplitChoice,
    typer.Option("--split", help="Which half of the seeded split (untouched is what counts)."),
]
_LayoutsOption = Annotated[
    str | None,
    typer.Option(
        "--layouts",
        help=f"Comma-separated JSON Resume layouts (default: all: {', '.join(LAYOUT_NAMES)}).",
    ),
]
_LimitOption = Annotated[
    int | None,
    typer.Option("--limit", min=1, help="At most N documents (files) per set and half."),
]
_JsonOption = Annotated[
    Path | None, typer.Option("--json", help="Also write the report as JSON here.", readable=False)
]
_MarkdownOption = Annotated[
    Path | None,
    typer.Option("--markdown", help="Also write the tables as markdown here.", readable=False),
]
_SeedOption = Annotated[
    int, typer.Option("--seed", help="Seed of the dev/untouched split (docs/evaluation.md).")
]
_KeepOption = Annotated[
    Path | None,
    typer.Option(
        "--keep",
        help="Keep the texts run, their tables and the JSON Resume gold here (to read misses).",
        readable=False,
    ),
]
_WorstOption = Annotated[
    int,
    typer.Option(
        "--worst",
        min=0,
        help="List the N dev documents with the most errors (never untouched).",
    ),
]
_PerLayoutOption = Annotated[
    bool,
    typer.Option("--per-layout", help="Also a P/R/F1 table for each JSON Resume layout."),
]
_MarkdownGoldOption = Annotated[
    Path | None,
    typer.Option(
        "--markdown-gold",
        help="Folder of the markdown set's gold by ranges (default: the source tree's "
        "tests/evaluation/real/markdown_gold; without one, coverage only).",
        readable=False,
    ),
]
_QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")]


def eval_real(
    data: RealDataOption = None,
    dataset: _SetOption = SetChoice.ALL,
    split: _SplitOption = SplitChoice.BOTH,
    layouts: _LayoutsOption = None,
    limit: _LimitOption = None,
    json_file: _JsonOption = None,
    markdown_file: _MarkdownOption = None,
    seed: _SeedOption = DEFAULT_SEED,
    pipeline: PipelineOption = None,
    keep: _KeepOption = None,
    worst: _WorstOption = 0,
    per_layout: _PerLayoutOption = False,
    markdown_gold: _MarkdownGoldOption = None,
    quiet: _QuietOption = False,
) -> None:
    """Score the pipeline on real résumés: dotin span annotations per label, JSON Resume files
    rendered in several layouts, markdown CVs against hand-written gold (and coverage); dev and
    untouched halves side by side.

    The rules are in docs/evaluation.md. A full run takes several minutes.
    """

    from resume_etl.config import load_config  # noqa: PLC0415
    from resume_etl.evaluation.real.data import require_data_dir  # noqa: PLC0415
    from resume_etl.evaluation.real.evaluate import (  # noqa: PLC0415
        HALVES,
        SETS,
        RealEvalOptions,
        evaluate_real,
    )
    from resume_etl.evaluation.real.markdown_gold import GOLD_DIR  # noqa: PLC0415

    console = _console()
    options = RealEvalOptions(
        sets=SETS if dataset == SetChoice.ALL else (dataset.value,),
        halves=HALVES if split == SplitChoice.BOTH else (Half(split.value),),
        layouts=_layouts(layouts),
        limit=limit,
        seed=seed,
        keep=keep,
        markdown_gold=markdown_gold or GOLD_DIR,
    )
    try:
        folder = require_data_dir(data)
        config = load_config(pipeline)
        with _progress(quiet) as stage:
            report = evaluate_real(folder, config, options, stage=stage)
    except ResumeEtlError as error:
        raise fail(error) from error
    _show_report(console, report, per_layout, worst)
    _write_report(report, per_layout, json_file, markdown_file)


def _show_report(console: Console, report: RealReport, per_layout: bool, worst: int) -> None:
    """The score tables on the console, then the ``worst`` dev documents if asked for."""
    from resume_etl.evaluation.real.tables import rich_tables, worst_table  # noqa: PLC0415

    for table in rich_tables(report, per_layout):
        console.print(table)
    if worst:
        console.print(worst_table(report, worst))


def _write_report(
    report: RealReport, per_layout: bool, json_file: Path | None, markdown_file: Path | None
) -> None:
    """The report as JSON and its tables as markdown, to the files asked for."""
    from resume_etl.evaluation.real.tables import markdown_tables  # noqa: PLC0415

    if json_file is not None:
        write_output_file(json_file, report.model_dump_json(indent=2) + "\n")
    if markdown_file is not None:
        write_output_file(markdown_file, markdown_tables(report, per_layout))
