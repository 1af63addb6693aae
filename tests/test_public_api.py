"""The package root is a cheap, lazy public face; the CLI parses without loading the pipeline."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys

import pytest

import resume_etl

HEAVY = ("spacy", "pandas", "pyarrow", "dateparser", "pydantic", "rich", "numpy")
"""Libraries whose import takes most of a cold start; none is needed to parse a command line."""


def _python(script: str) -> str:
    """What a fresh interpreter prints running ``script``."""
    command = [sys.executable, "-c", script]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _loaded_after(statement: str) -> list[str]:
    """The heavy libraries a fresh interpreter has imported after running ``statement``."""
    printed = _python(f"{statement}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))")
    modules = set(json.loads(printed.splitlines()[-1]))
    return [name for name in HEAVY if name in modules]


def test_importing_the_package_loads_no_heavy_library() -> None:
    assert _loaded_after("import resume_etl; resume_etl.__version__") == []


def test_the_command_line_module_loads_no_heavy_library() -> None:
    assert _loaded_after("import resume_etl.cli") == []


def test_every_public_name_resolves_and_is_listed() -> None:
    for name in resume_etl.__all__:
        assert getattr(resume_etl, name) is not None, name
    assert set(resume_etl.__all__) <= set(dir(resume_etl))


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="not_a_public_name"):
        resume_etl.not_a_public_name  # noqa: B018


def test_version_is_the_installed_distributions() -> None:
    assert resume_etl.__version__ == importlib.metadata.version("resume-etl")


def test_spacy_finds_the_components_by_name_without_an_import() -> None:
    printed = _python(
        "import spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('resume_etl_contacts_v1')\n"
        "doc = nlp('Write to jane@example.org')\n"
        "print([span.text for span in doc.spans['contacts']])"
    )
    assert printed.strip() == "['jane@example.org']"
