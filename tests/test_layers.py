"""The package's layers: a module imports only from its own layer or the layers below it.

Bottom to top (``docs/architecture.md`` draws them):

    records, _records, errors, hints, ids, vocab, schema, _version, _faults, phones
    ← config ← dates, nlp ← stages ← storage, tables, exports ← engines ← runner, run_summary
    ← evaluation ← api ← cli and its command modules ← the package root

Storage sits just below the engines because a worker writes its batch's part files through
``storage.parts``; exports read the committed tables and need nothing above them. For the
layers every import statement counts, inside functions and ``TYPE_CHECKING`` blocks too: a lazy
import still makes one module depend on another. The test reads the source (AST), so it checks
every module without importing any, and it also finds import cycles among the imports Python
runs (a ``TYPE_CHECKING`` back reference for an annotation is none), which Python tolerates
only until an import order changes.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = "resume_etl"
SOURCE = Path(__file__).resolve().parent.parent / "src" / PACKAGE

LAYERS: tuple[tuple[str, ...], ...] = (
    (
        "records",
        "_records",
        "errors",
        "hints",
        "ids",
        "vocab",
        "wordlists",
        "schema",
        "_version",
        "_faults",
        "phones",
    ),
    ("config",),
    ("dates", "nlp"),
    ("stages",),
    ("storage", "tables", "exports"),
    ("engines",),
    ("runner", "run_summary"),
    ("evaluation", "training"),
    ("api",),
    (
        "cli",
        "cli_common",
        "cli_real",
        "cli_run",
        "cli_train",
        "__main__",
        "_terminal",
        "formatting",
        "info",
        "show",
        "show_html",
    ),
)
"""Bottom first; each name is a module or a subpackage of ``resume_etl``. The root is on top."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(SOURCE.rglob("*.py"))}


def _imported(node: ast.AST, module: str, is_package: bool, known: set[str]) -> Iterator[str]:
    """The package's modules an import statement names (``from x import sub`` names ``x.sub``)."""
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
    elif isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:  # relative: resolved against this module's package
            anchor = module.split(".")
            anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
            base = ".".join([*anchor, base] if base else anchor)
        for alias in node.names:
            submodule = f"{base}.{alias.name}"
            yield submodule if submodule in known else base


def _typing_only(tree: ast.Module) -> set[ast.AST]:
    """The import statements inside ``if TYPE_CHECKING:`` blocks (never run by Python)."""
    return {
        statement
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING")
        for child in node.body
        for statement in ast.walk(child)
    }


def _imports(typing_too: bool = True) -> dict[str, set[str]]:
    """Each module of the package -> the modules of the package it imports.

    ``typing_too=False`` leaves out the imports only type checkers run (``TYPE_CHECKING``).
    """
    modules = _modules()
    known = set(modules)
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        skipped = set() if typing_too else _typing_only(tree)
        is_package = path.name == "__init__.py"
        graph[module] = {
            target
            for node in ast.walk(tree)
            if node not in skipped
            for target in _imported(node, module, is_package, known)
            if target in known and target != module
        }
    return graph


def _layer(module: str) -> int:
    """The index of ``module``'s layer; the package root is above every layer."""
    if module == PACKAGE:
        return len(LAYERS)
    relative = module.removeprefix(f"{PACKAGE}.")
    for index, names in enumerate(LAYERS):
        if any(relative == name or relative.startswith(f"{name}.") for name in names):
            return index
    raise AssertionError(f"{module} is in no layer: add it to LAYERS and docs/architecture.md")


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle (its modules in order, the first repeated at the end), or None."""
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = "open"
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                return [*path[path.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        state[module] = "done"
        path.pop()
        return None

    for module in sorted(graph):
        if module not in state and (found := visit(module)):
            return found
    return None


def test_every_module_belongs_to_a_layer() -> None:
    for module in _modules():
        _layer(module)


def _upward(graph: dict[str, set[str]]) -> list[str]:
    """Every import of a module from a higher layer than its own, as a readable line."""
    return sorted(
        f"{module} (layer {_layer(module)}) imports {target} (layer {_layer(target)})"
        for module, targets in graph.items()
        for target in targets
        if _layer(target) > _layer(module)
    )


def test_no_module_imports_from_a_higher_layer() -> None:
    assert _upward(_imports()) == []


def test_no_import_cycles() -> None:
    """Cycles Python would run into; a type-only back reference (``TYPE_CHECKING``) is none."""
    assert _cycle(_imports(typing_too=False)) is None


def test_the_checks_see_an_upward_import_and_a_cycle() -> None:
    """The rules are not vacuous: a made-up upward import and a made-up cycle are both caught."""
    graph = _imports()
    assert "resume_etl.records" in graph["resume_etl.config"]  # imports are read at all
    upward = {**graph, "resume_etl.records": {"resume_etl.api"}}
    assert _upward(upward) == ["resume_etl.records (layer 0) imports resume_etl.api (layer 8)"]
    assert "resume_etl.storage.parts" not in _imports(typing_too=False)["resume_etl.engines"]
    looped = {**graph, "resume_etl.errors": {"resume_etl._records.document"}}
    cycle = _cycle(looped)
    assert cycle is not None
    assert set(cycle) == {"resume_etl.errors", "resume_etl._records.document"}
