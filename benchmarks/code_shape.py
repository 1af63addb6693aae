"""Prints the figures issue 13 asks for: the largest modules, modules over 400 lines and functions
over 60 lines (``end_lineno - lineno + 1``, docstring included) of a source tree.

    .venv/bin/python -m benchmarks.code_shape [--source DIR]
"""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

MODULE_LINES = 400
FUNCTION_LINES = 60


def module_sizes(root: Path) -> list[tuple[int, str]]:
    """(lines, path relative to ``root``) of every module, longest first."""
    sizes = [
        (len(path.read_text().splitlines()), str(path.relative_to(root)))
        for path in root.rglob("*.py")
    ]
    return sorted(sizes, reverse=True)


def long_functions(root: Path) -> list[tuple[int, str]]:
    """(lines, ``module:function``) of every function longer than ``FUNCTION_LINES``."""
    found = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno:
                lines = node.end_lineno - node.lineno + 1
                if lines > FUNCTION_LINES:
                    found.append((lines, f"{path.relative_to(root)}:{node.name}"))
    return sorted(found, reverse=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parent.parent / "src" / "resume_etl"
    parser.add_argument("--source", type=Path, default=default, help="package folder to read")
    root = parser.parse_args().source
    sizes = module_sizes(root)
    print("largest modules:", ", ".join(f"{path} {lines}" for lines, path in sizes[:3]))
    over = [f"{path} {lines}" for lines, path in sizes if lines > MODULE_LINES]
    print(f"modules over {MODULE_LINES} lines: {len(over)}", ", ".join(over))
    functions = long_functions(root)
    listed = ", ".join(f"{name} {lines}" for lines, name in functions)
    print(f"functions over {FUNCTION_LINES} lines: {len(functions)}", listed)


if __name__ == "__main__":
    main()
