"""Build the one spaCy ``Language`` a process uses, from the pipeline file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from resume_etl.config import ExtractSettings
from resume_etl.errors import ConfigError, ErrorCode
from resume_etl.hints import model_missing_error
from resume_etl.nlp import components, focus, labels  # noqa: F401  (registers the factories)
from resume_etl.nlp.entity_model import use_entity_model
from resume_etl.nlp.tokens import bound_tokenizer, split_link_junctions, split_tag_edges

_DATES_FACTORY = "resume_etl_dates_v1"
_CONTACTS_FACTORY = "resume_etl_contacts_v1"
_LEXICON_FACTORIES = frozenset({"resume_etl_lexicon_v1", "resume_etl_word_ends_v1"})
FOCUS_FACTORY = "resume_etl_focus_v1"
"""The component that runs the model's statistical pipes only where extract reads them."""


def check_model(settings: ExtractSettings) -> None:
    """E101 now, before a run takes the output folder or starts workers, if spaCy would not
    find the model: an installed package or a folder, as ``spacy.load`` looks for them."""
    if spacy.util.is_package(settings.model) or Path(settings.model).exists():
        return
    raise model_missing_error(
        settings.model, OSError(f"[E050] Can't find model '{settings.model}'")
    )


def build_nlp(settings: ExtractSettings) -> Language:
    """Load the model and add resume-etl's components in the configured order."""
    try:
        nlp = spacy.load(settings.model, exclude=list(settings.exclude))
    except OSError as error:
        raise model_missing_error(settings.model, error) from error
    use_entity_model(nlp, settings.ner)  # the résumé-tuned ner, when the pipeline names one
    bound_tokenizer(nlp)  # linear on long runs of symbols (nlp/tokens.py)
    split_link_junctions(nlp)  # "[Harbor Bank](url)": "Bank" a word of its own
    split_tag_edges(nlp)  # "<b>Engineer</b>": "Engineer" a word of its own
    for index, spec in enumerate(settings.components):
        config: dict[str, Any] = dict(spec.config)
        if spec.factory == _DATES_FACTORY:
            for key, value in settings.dates.model_dump(mode="json").items():
                config.setdefault(key, value)
        if spec.factory == _CONTACTS_FACTORY:
            config.setdefault("default_region", settings.contacts.default_region)
        if spec.factory in _LEXICON_FACTORIES:
            _check_span_key(index, config.get("span_key"))
        try:
            nlp.add_pipe(spec.factory, name=spec.name or spec.factory, config=config)
        except (ValueError, TypeError) as error:
            raise ConfigError(
                ErrorCode.E100_BAD_CONFIG,
                f"extract.components.{index}: {error}",
                f"Check extract.components.{index} in the pipeline file: 'factory' must name a "
                "registered spaCy factory (resume-etl ships the resume_etl_*_v1 ones) and "
                "'config' hold only that factory's settings.",
            ) from error
    return nlp


def _check_span_key(index: int, span_key: object) -> None:
    """A lexicon's ``span_key`` says what its matches are; a key extract never reads would
    make every match of the lexicon silently count for nothing."""
    if span_key in labels.LEXICON_KEYS:
        return
    raise ConfigError(
        ErrorCode.E100_BAD_CONFIG,
        f"extract.components.{index}.config.span_key: {span_key!r} is not read by any table",
        f"Set span_key in extract.components.{index} to one of {', '.join(labels.LEXICON_KEYS)}: "
        "the lexicon's matches join that group (a skill, a degree, …), next to any other "
        "lexicon with the same key.",
    )
