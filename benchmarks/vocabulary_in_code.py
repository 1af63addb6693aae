"""Count the vocabulary still written in code: word-list literals and regexes built of words.

Word lists belong in data files read by ``resume_etl.wordlists`` (issue 13, "one home for
vocabularies"); this prints how many are left in ``src/``, so a change can say before and after:

    .venv/bin/python -m benchmarks.vocabulary_in_code [--list] [--source OTHER/src/resume_etl]

- a *word-list literal* is a tuple, list, set or dict literal (or ``frozenset``/``set`` of one)
  with at least ``MIN_WORDS`` string elements (dict: keys or values) that are words of letters
  (``__all__`` is not one);
- a *compiled regex* is a ``re.compile`` call; a *word alternation* is one whose pattern (the
  string constants written in the call) holds a group of at least ``MIN_WORDS`` alternatives
  that are words of letters (``(?:present|current|now)``).

The source is read as text (AST), nothing is imported. The figures are a measure, not a rule:
a tuple of field names or a regex of units can be right where it is.
"""

from __future__ import annotations

import argparse
import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "src" / "resume_etl"
MIN_WORDS = 3
_WORD = re.compile(r"[^\W\d_]{2,}(?:[ '.-][^\W\d_]+)*\.?")
_GROUP_BODY = re.compile(r"\((?:\?:)?([^()]*)\)")


@dataclass(frozen=True, slots=True)
class Finding:
    path: Path
    line: int
    kind: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.kind}"


def _is_word(node: ast.expr | None) -> bool:
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and _WORD.fullmatch(node.value) is not None
    )


def _word_list(node: ast.AST) -> bool:
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return sum(_is_word(element) for element in node.elts) >= MIN_WORDS
    if isinstance(node, ast.Dict):
        keys = sum(_is_word(key) for key in node.keys)
        values = sum(_is_word(value) for value in node.values)
        return max(keys, values) >= MIN_WORDS
    return False


def _pattern_text(call: ast.Call) -> str:
    """The string constants of a ``re.compile`` call's pattern (f-string pieces included)."""
    if not call.args:
        return ""
    return "".join(
        node.value
        for node in ast.walk(call.args[0])
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def _word_alternation(pattern: str) -> bool:
    for body in _GROUP_BODY.findall(pattern):
        words = [part for part in body.split("|") if _WORD.fullmatch(part.replace("\\", ""))]
        if len(words) >= MIN_WORDS:
            return True
    return False


def _is_compile(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "compile"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in {"re", "regex"}
    )


def findings(path: Path, source: Path = SOURCE) -> Iterator[Finding]:
    """Word-list literals (outermost only) and compiled regexes of one module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside_list: set[int] = set()
    for node in ast.walk(tree):
        if id(node) in inside_list:
            continue
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__all__" for target in node.targets
        ):
            inside_list.update(id(child) for child in ast.walk(node))
            continue
        if _word_list(node):
            inside_list.update(id(child) for child in ast.walk(node))
            yield Finding(path.relative_to(source.parent), getattr(node, "lineno", 0), "word list")
        elif isinstance(node, ast.Call) and _is_compile(node):
            alternation = _word_alternation(_pattern_text(node))
            kind = "regex of words" if alternation else "regex"
            yield Finding(path.relative_to(source.parent), node.lineno, kind)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print every finding")
    parser.add_argument(
        "--source", type=Path, default=SOURCE, help="the package to read (another checkout's)"
    )
    args = parser.parse_args()
    source: Path = args.source
    found = [item for path in sorted(source.rglob("*.py")) for item in findings(path, source)]
    if args.list:
        for item in found:
            print(item)
    word_lists = sum(item.kind == "word list" for item in found)
    alternations = sum(item.kind == "regex of words" for item in found)
    regexes = alternations + sum(item.kind == "regex" for item in found)
    print(f"word-list literals in code: {word_lists}")
    print(f"compiled regexes in code:   {regexes} (of which word alternations: {alternations})")


if __name__ == "__main__":
    main()
