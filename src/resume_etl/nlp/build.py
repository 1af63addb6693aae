"""Build the one spaCy ``Language`` a process uses, from the pipeline file."""

from __future__ import annotations

from typing import Any

import spacy
from spacy.language import Language

from resume_etl.config import ExtractSettings
from resume_etl.errors import ConfigError, ErrorCode
from resume_etl.hints import model_missing_error
from resume_etl.nlp import components, focus  # noqa: F401  (registers the factories)
from resume_etl.nlp.tokens import bound_tokenizer

_DATES_FACTORY = "resume_etl_dates_v1"
_CONTACTS_FACTORY = "resume_etl_contacts_v1"
FOCUS_FACTORY = "resume_etl_focus_v1"
"""The component that runs the model's statistical pipes only where extract reads them."""


def build_nlp(settings: ExtractSettings) -> Language:
    """Load the model and add resume-etl's components in the configured order."""
    try:
        nlp = spacy.load(settings.model, exclude=list(settings.exclude))
    except OSError as error:
        raise model_missing_error(settings.model, error) from error
    bound_tokenizer(nlp)  # linear on long runs of symbols (nlp/tokens.py)
    for index, spec in enumerate(settings.components):
        config: dict[str, Any] = dict(spec.config)
        if spec.factory == _DATES_FACTORY:
            for key, value in settings.dates.model_dump(mode="json").items():
                config.setdefault(key, value)
        if spec.factory == _CONTACTS_FACTORY:
            config.setdefault("default_region", settings.contacts.default_region)
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
