"""The pipeline fingerprint: one hash of everything besides a file's bytes that shapes its rows.

A stored document's rows are reused only when its content hash and this fingerprint both match,
so a changed pipeline file, lexicon, package (version or code), spaCy model, table schema or
reference month reprocesses everything it can affect.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.metadata
from functools import cache
from pathlib import Path

from resume_etl._version import __version__
from resume_etl.config import PipelineConfig
from resume_etl.records import TABLE_MODELS
from resume_etl.schema import arrow_schema

_PACKAGE_DIR = Path(__file__).resolve().parent.parent
"""The installed package's folder, whose code and data the fingerprint hashes."""


def pipeline_fingerprint(config: PipelineConfig) -> str:
    """SHA-256 over the validated config, package, lexicons, model, schema and reference month."""
    digest = hashlib.sha256()
    parts = (
        config.model_dump_json(exclude={"load": {"out"}}),
        __version__,
        _package_code_digest(),
        _lexicons_digest(config),
        _distribution_version("spacy"),
        f"{config.extract.model}=={_distribution_version(config.extract.model)}",
        schema_digest(),
        _reference_period(config),
    )
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def schema_digest() -> str:
    """Hash of every table's Arrow schema: stored rows can be merged only under the same one."""
    text = "\n".join(f"{name}: {arrow_schema(model)}" for name, model in TABLE_MODELS.items())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _reference_period(config: PipelineConfig) -> str:
    """The 'today' rows depend on: the fixed reference date, or else the current month.

    Ongoing entries are measured in whole months, so rows made earlier in the same month are
    still right; a new month reprocesses them.
    """
    if config.extract.dates.reference_date is not None:
        return config.extract.dates.reference_date.isoformat()
    return dt.date.today().strftime("%Y-%m")


def _lexicons_digest(config: PipelineConfig) -> str:
    digest = hashlib.sha256()
    for component in config.extract.components:
        lexicon = component.config.get("lexicon")
        if isinstance(lexicon, str):
            digest.update(lexicon.encode("utf-8"))
            digest.update(_file_digest(Path(lexicon)).encode("utf-8"))
    return digest.hexdigest()


@cache
def _package_code_digest() -> str:
    """Hash of the package's code and data, so an edited checkout never reuses stale rows."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE_DIR.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".jsonl", ".toml"}:
            digest.update(str(path.relative_to(_PACKAGE_DIR)).encode("utf-8"))
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as error:
        return f"unreadable: {error.strerror}"


def _distribution_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"
