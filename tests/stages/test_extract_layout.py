"""The extract package's layout rule: a table module reads the shared helpers, never another table.

Engineers improve one table at a time; a table module that imported another would tie their
changes together again, as the single ``extract.py`` did.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import resume_etl.stages.extract as extract_package

PACKAGE = "resume_etl.stages.extract"
TABLE_MODULES = (
    "experience",
    "education",
    "projects",
    "publications",
    "skills",
    "contacts",
    "profile",
    "metrics",
)


def _imported_modules(module: str) -> set[str]:
    """The dotted names a module imports, read from its source."""
    source = Path(extract_package.__file__).with_name(f"{module}.py").read_text(encoding="utf-8")
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("module", TABLE_MODULES)
def test_table_module_imports_no_other_table_module(module: str) -> None:
    others = {f"{PACKAGE}.{other}" for other in TABLE_MODULES if other != module}
    assert _imported_modules(module) & others == set()


@pytest.mark.parametrize("module", TABLE_MODULES)
def test_table_module_does_not_import_the_package_entry(module: str) -> None:
    assert PACKAGE not in _imported_modules(module)
