"""The line-role model: a CRF over line shapes, shipped as package data, loaded by name.

A model is registered by a versioned name (``line_roles_v5``): the file
``nlp/data/<name>.crfsuite`` with ``<name>.json`` beside it, which records how it was trained
(data provenance, the features version, its scores). Loading needs nothing downloaded; a
model whose features version is not this code's is refused (E101), since its weights would
read features that no longer mean what they meant; so is a model without a card, whose
version is unknown (``train_model`` writes the version beside every model it fits).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pycrfsuite

from resume_etl.config import SegmentSettings
from resume_etl.errors import ConfigError, ErrorCode
from resume_etl.nlp.line_roles import LineRole
from resume_etl.stages.layout.features import FEATURES_VERSION, LineShape, line_features

MODEL_SUFFIX = ".crfsuite"
CARD_SUFFIX = ".json"
LINE_MODELS = ("line_roles_v5",)
"""Registered model names; a changed model gets a new name, and one whose features no longer
exist is retired (``RETIRED`` says what replaced it)."""
RETIRED = {"line_roles_v4": "line_roles_v5"}
"""Models no longer shipped, and the one to name instead."""


def features_version_of(card: Path) -> str | None:
    """The features version a model's card records; None without a card (or a version in
    it): a model whose recipe is unknown is refused like one of another recipe."""
    if not card.is_file():
        return None
    version = json.loads(card.read_text(encoding="utf-8")).get("features_version")
    return version if isinstance(version, str) else None


@dataclass(frozen=True, slots=True)
class RoleGuess:
    """The role the model gives a line, and its marginal probability."""

    role: LineRole
    confidence: float
    after_wrap: bool = False
    """The line before it (page furniture aside) was filled to the text's margin: this line
    was wrapped there, whatever its first letter (the segmenter sets it)."""


def model_path(name: str) -> Path:
    """Where the shipped model ``name`` lives in the package."""
    return Path(str(resources.files("resume_etl.nlp") / "data" / f"{name}{MODEL_SUFFIX}"))


class LineRoleModel:
    """A trained line-role CRF; picklable (a worker reopens the file)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        card = path.with_suffix(CARD_SUFFIX)
        if not path.is_file():
            raise ConfigError(ErrorCode.E101_MODEL_MISSING, f"no line-role model at {path}")
        version = features_version_of(card)
        if version != FEATURES_VERSION:
            raise ConfigError(
                ErrorCode.E101_MODEL_MISSING,
                f"{path.name} was trained on features {version!r}, this code makes "
                f"{FEATURES_VERSION!r}; retrain it with 'make train'",
            )
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"])  # type: ignore[misc]

    def label(self, shapes: Sequence[LineShape]) -> list[RoleGuess]:
        """Each line's role, with the model's marginal probability for it."""
        guesses = self.label_where(shapes, [True] * len(shapes))
        return [guess for guess in guesses if guess is not None]

    def label_where(
        self, shapes: Sequence[LineShape], wanted: Sequence[bool]
    ) -> list[RoleGuess | None]:
        """The roles of the lines ``wanted`` says (None for the others), read with the whole
        document as context: a line's marginal costs a pass of its own, so the segmenter asks
        only for the lines it will consult."""
        if not shapes:
            return []
        tags = self._tagger.tag(line_features(shapes))
        marginal = self._tagger.marginal
        return [
            RoleGuess(LineRole(tag), marginal(tag, index)) if want else None
            for index, (tag, want) in enumerate(zip(tags, wanted, strict=True))
        ]


@lru_cache(maxsize=4)
def load_line_model(name: str) -> LineRoleModel:
    """The shipped model ``name`` (loaded once per process)."""
    if name not in LINE_MODELS:
        successor = RETIRED.get(name)
        raise ConfigError(
            ErrorCode.E100_BAD_CONFIG,
            f"unknown line model {name!r}; choose from {', '.join(LINE_MODELS)} or 'off'",
            f"{name} was retired: set line_model = {successor!r} under [segment]."
            if successor
            else None,
        )
    return LineRoleModel(model_path(name))


def line_model_for(settings: SegmentSettings) -> LineRoleModel | None:
    """The model the pipeline file names in ``segment.line_model`` (None when 'off')."""
    return None if settings.line_model == "off" else load_line_model(settings.line_model)
