"""``evaluate_real``: every selected set and half run through the pipeline and scored.

One spaCy model serves the whole evaluation. Each set is run as one batch of texts in a
scratch folder; the groups come back in report order (set, half, layout; the JSON Resume set
also gets an ``all`` group per half that pools its layouts, except ``oneline``, the pdf text
again with its line breaks collapsed, which stays on its own).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from resume_etl.config import PipelineConfig
from resume_etl.evaluation.gold import GoldDocument
from resume_etl.evaluation.real import dotin, jsonresume, markdown
from resume_etl.evaluation.real.markdown_gold import (
    GOLD_DIR,
    check_pinned,
    gold_document,
    load_markdown_gold,
)
from resume_etl.evaluation.real.render import LAYOUT_NAMES, layout_named
from resume_etl.evaluation.real.report import ALL_LAYOUTS, GroupScore, RealReport, Tally, pooled
from resume_etl.evaluation.real.runner import InputText, Progress, run_texts
from resume_etl.evaluation.real.split import DEFAULT_SEED, Half
from resume_etl.nlp.build import build_nlp

SETS: tuple[str, ...] = (dotin.DATASET, jsonresume.DATASET, markdown.DATASET)
HALVES: tuple[Half, ...] = (Half.DEV, Half.UNTOUCHED)

StageProgress = Callable[[str, int], Progress]
"""Told a stage's description and how many inputs it runs; returns the per-input callback."""


@dataclass(frozen=True, slots=True)
class RealEvalOptions:
    """What to evaluate: sets, halves, layouts, at most ``limit`` items per set and half."""

    sets: Sequence[str] = SETS
    halves: Sequence[Half] = HALVES
    layouts: Sequence[str] = LAYOUT_NAMES
    limit: int | None = None
    seed: int = DEFAULT_SEED
    keep: Path | None = None
    """Keep each set's input texts, tables (and JSON Resume gold) under ``keep/<set>/``."""
    markdown_gold: Path | None = GOLD_DIR
    """The markdown set's gold by ranges (``markdown_gold.py``); None or absent: coverage only."""

    def keep_dir(self, dataset: str) -> Path | None:
        return self.keep / dataset if self.keep is not None else None


def _no_progress(_description: str, _total: int) -> Progress:
    return lambda _done: None


def _dotin(
    data_dir: Path,
    config: PipelineConfig,
    nlp: Language,
    options: RealEvalOptions,
    stage: StageProgress,
) -> list[GroupScore]:
    chosen = dotin.selected(data_dir, options.seed, options.halves, options.limit)
    texts = dotin.inputs(chosen)
    rows = run_texts(texts, config, nlp, stage("dotin", len(texts)), options.keep_dir("dotin"))
    tallies = {half: Tally() for half in options.halves}
    for document, half in chosen:
        dotin.score_document(document, rows.get(dotin.input_name(document)), tallies[half])
    return [tallies[half].freeze(dotin.DATASET, None, half) for half in options.halves]


def _jsonresume(
    data_dir: Path,
    config: PipelineConfig,
    nlp: Language,
    options: RealEvalOptions,
    stage: StageProgress,
) -> list[GroupScore]:
    layouts = [layout_named(name) for name in options.layouts]
    rendered = jsonresume.renderings(data_dir, layouts, options.seed, options.halves, options.limit)
    keep = options.keep_dir(jsonresume.DATASET)
    texts = [item.input for item in rendered]
    rows = run_texts(texts, config, nlp, stage("jsonresume", len(rendered)), keep)
    if keep is not None:
        jsonresume.write_gold(rendered, keep / "gold")
    tallies = {(half, layout.name): Tally() for half in options.halves for layout in layouts}
    for item in rendered:
        jsonresume.score_rendering(item, rows.get(item.input.name), tallies[item.half, item.layout])
    groups = []
    for half in options.halves:
        for layout in layouts:
            groups.append(tallies[half, layout.name].freeze(jsonresume.DATASET, layout.name, half))
        pooled_layouts = [layout for layout in layouts if layout.pooled]
        if pooled_layouts:  # oneline re-reads the pdf text: never pooled, never counted twice
            everything = pooled(tallies[half, layout.name] for layout in pooled_layouts)
            groups.append(everything.freeze(jsonresume.DATASET, ALL_LAYOUTS, half))
    return groups


def _markdown_golds(
    chosen: Sequence[tuple[Path, Half]], texts: dict[Path, InputText], folder: Path | None
) -> dict[Path, GoldDocument]:
    """The gold record of each chosen CV that has gold, read from its text; E109 when a CV
    changed since its gold was written."""
    by_file = load_markdown_gold(folder)
    golds = {}
    for path, _ in chosen:
        gold = by_file.get(path.name)
        if gold is not None:
            check_pinned(gold, path)
            golds[path] = gold_document(gold, texts[path].text, texts[path].name)
    return golds


def _markdown(
    data_dir: Path,
    config: PipelineConfig,
    nlp: Language,
    options: RealEvalOptions,
    stage: StageProgress,
) -> list[GroupScore]:
    chosen = markdown.selected(data_dir, options.seed, options.halves, options.limit)
    texts = {path: markdown.input_for(path) for path, _ in chosen}
    golds = _markdown_golds(chosen, texts, options.markdown_gold)
    keep = options.keep_dir(markdown.DATASET)
    rows = run_texts(list(texts.values()), config, nlp, stage("markdown", len(texts)), keep)
    if keep is not None:
        (keep / "gold").mkdir(parents=True, exist_ok=True)
        for path, gold in golds.items():
            target = keep / "gold" / f"{texts[path].name}.json"
            target.write_text(gold.model_dump_json(indent=2) + "\n", encoding="utf-8")
    tallies = {half: Tally() for half in options.halves}
    for path, half in chosen:
        markdown.score_document(rows.get(texts[path].name), tallies[half], golds.get(path))
    return [tallies[half].freeze(markdown.DATASET, None, half) for half in options.halves]


RUNNERS = {dotin.DATASET: _dotin, jsonresume.DATASET: _jsonresume, markdown.DATASET: _markdown}


def evaluate_real(
    data_dir: Path,
    config: PipelineConfig,
    options: RealEvalOptions | None = None,
    nlp: Language | None = None,
    stage: StageProgress | None = None,
) -> RealReport:
    """Run and score the selected real sets; ``nlp`` is built from ``config`` when None."""
    options = options or RealEvalOptions()
    model = nlp if nlp is not None else build_nlp(config.extract)
    groups: list[GroupScore] = []
    for name in options.sets:
        groups += RUNNERS[name](data_dir, config, model, options, stage or _no_progress)
    return RealReport(data_dir=str(data_dir), seed=options.seed, groups=groups)
