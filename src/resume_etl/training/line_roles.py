"""Train the line-role CRF from weak labels and write it, with its card, as package data.

``resume-etl train`` (``make train``) renders the *trainable* JSON Resume files (dev under both
splits, see ``weak_labels.trainable``) in the six pooled layouts (never ``oneline``, the pdf
text collapsed to one line) plus seeded variants, trains a CRF
(python-crfsuite, L-BFGS: deterministic for the same data), and scores it per role on held-out
renderings: the evaluation's dev files it did not train on, and the untouched half. The
repository's own documents (``raw/``, the format fixtures), labelled by the rules, teach it
the shapes the renderers never print. The card
(``<name>.json``) records the data's provenance (set, split, counts; no file names), the
features version, the training parameters and those scores.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import pycrfsuite

from resume_etl.config import default_pipeline_path, load_config
from resume_etl.evaluation.real.data import jsonresume_files
from resume_etl.evaluation.real.facts import ResumeFacts, read_facts
from resume_etl.evaluation.real.render import POOLED_LAYOUTS
from resume_etl.evaluation.real.split import DEFAULT_SEED
from resume_etl.nlp.line_roles import LineRole
from resume_etl.records import DocumentRecord
from resume_etl.stages.ingest import discover, read_document
from resume_etl.stages.layout import FEATURES_VERSION, LineRoleModel, line_features
from resume_etl.stages.layout.model import CARD_SUFFIX, MODEL_SUFFIX
from resume_etl.stages.segment import SectionClassifier
from resume_etl.training import DEFAULT_NAME, DEFAULT_VARIANTS
from resume_etl.training.weak_labels import (
    LabeledDocument,
    rule_labels,
    trainable,
    weak_labels,
)

TRAINER_PARAMS: dict[str, Any] = {
    "c1": 0.05,
    "c2": 0.01,
    "max_iterations": 200,
    "feature.possible_transitions": True,
}
"""L1/L2 weights: enough L1 to keep the model small, L2 for the rare shapes."""


@dataclass(frozen=True, slots=True)
class People:
    """The JSON Resume files read as facts, by role in the training."""

    train: list[ResumeFacts]
    untouched: list[ResumeFacts]


def read_people(data_dir: Path, seed: int = DEFAULT_SEED, limit: int | None = None) -> People:
    """Every file's facts, sorted into trained on (the dev half) and untouched."""
    groups: dict[str, list[ResumeFacts]] = {"train": [], "untouched": []}
    for path in jsonresume_files(data_dir):
        facts = read_facts(path.stem, json.loads(path.read_text(encoding="utf-8")))
        groups["train" if trainable(path.stem, seed) else "untouched"].append(facts)
    return People(*(groups[name][:limit] for name in ("train", "untouched")))


def train_model(documents: Sequence[LabeledDocument], path: Path) -> None:
    """Fit the CRF on ``documents`` and write it to ``path``, with a card beside it that
    records the features version (``train_line_roles`` fills the card in): a model is loaded
    only by the features it was trained on."""
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(TRAINER_PARAMS)
    for document in documents:
        trainer.append(line_features(document.shapes), [role.value for role in document.roles])
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    card = {"features_version": FEATURES_VERSION}
    path.with_suffix(CARD_SUFFIX).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")


def role_scores(model: LineRoleModel, documents: Sequence[LabeledDocument]) -> dict[str, Any]:
    """Per-role precision, recall, F1 and support of ``model`` on ``documents``, and accuracy."""
    gold: list[LineRole] = []
    guessed: list[LineRole] = []
    for document in documents:
        gold += document.roles
        guessed += [guess.role for guess in model.label(document.shapes)]
    return scores_of(gold, guessed)


def scores_of(gold: Sequence[LineRole], guessed: Sequence[LineRole]) -> dict[str, Any]:
    """Per-role P/R/F1 and support of ``guessed`` against ``gold``, and overall accuracy."""
    table: dict[str, Any] = {}
    for role in LineRole:
        hits = sum(g is role and p is role for g, p in zip(gold, guessed, strict=True))
        predicted = sum(p is role for p in guessed)
        support = sum(g is role for g in gold)
        precision = hits / predicted if predicted else 0.0
        recall = hits / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[role.value] = {
            "p": round(precision, 3),
            "r": round(recall, 3),
            "f1": round(f1, 3),
            "support": support,
        }
    right = sum(g is p for g, p in zip(gold, guessed, strict=True))
    table["accuracy"] = round(right / len(gold), 3) if gold else 0.0
    table["lines"] = len(gold)
    return table


def default_classifier() -> SectionClassifier:
    """The default pipeline's heading classifier (the segmenter's, at run time)."""
    return SectionClassifier(load_config(default_pipeline_path()).segment)


def rule_documents(folders: Sequence[Path], classifier: SectionClassifier) -> list[LabeledDocument]:
    """The documents in ``folders`` (the repository's own: ``raw/`` and the format fixtures)
    labelled by the segmentation rules; a file the installed readers cannot open is left out."""
    settings = load_config(default_pipeline_path()).ingest
    documents = []
    for path in discover(folders, settings):
        read = read_document(path, settings)
        if isinstance(read, DocumentRecord):
            documents.append(rule_labels(read.text, classifier))
    return documents


def train_line_roles(
    data_dir: Path,
    out_dir: Path,
    name: str = DEFAULT_NAME,
    seed: int = DEFAULT_SEED,
    variants: int = DEFAULT_VARIANTS,
    limit: int | None = None,
    rule_folders: Sequence[Path] = (),
) -> dict[str, Any]:
    """Train, score and write ``<out_dir>/<name>.crfsuite`` and its card; the card is returned."""
    people = read_people(data_dir, seed, limit)
    classifier = default_classifier()
    rendered = weak_labels(people.train, POOLED_LAYOUTS, classifier, variants, seed)
    ruled = rule_documents(rule_folders, classifier)
    train_docs = rendered + ruled
    path = out_dir / f"{name}{MODEL_SUFFIX}"
    train_model(train_docs, path)
    card: dict[str, Any] = {
        "name": name,
        "model": "linear-chain CRF (python-crfsuite, L-BFGS)",
        "features_version": FEATURES_VERSION,
        "params": TRAINER_PARAMS,
        "python_crfsuite": metadata.version("python-crfsuite"),
        "data": {
            "set": "jsonresume (shared real-data folder), rendered by evaluation/real/render",
            "split": (
                f"trained on the files of the dev half of the eval-real split (seed {seed}); "
                "scored on them and on the untouched half"
            ),
            "files": {"train": len(people.train), "untouched": len(people.untouched)},
            "layouts": [layout.name for layout in POOLED_LAYOUTS],
            "variants_per_layout": variants,
            "documents": len(rendered),
            "rule_labelled_documents": len(ruled),
            "rule_labels": (
                "the repository's own documents (raw/ and the format fixtures: PDF, DOCX, HTML "
                "renderings of them) labelled by the segmentation rules"
            ),
            "lines": sum(len(d.roles) for d in train_docs),
            "role_counts": dict(
                sorted(Counter(r.value for d in train_docs for r in d.roles).items())
            ),
        },
    }
    path.with_suffix(CARD_SUFFIX).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    model = LineRoleModel(path)
    card["scores"] = {
        "train": role_scores(model, rendered),
        "untouched": role_scores(model, weak_labels(people.untouched, POOLED_LAYOUTS, classifier)),
    }
    path.with_suffix(CARD_SUFFIX).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return card
