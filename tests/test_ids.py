"""Ids: minted in ``ids.py`` only, in one form."""

from __future__ import annotations

import ast
from pathlib import Path

from resume_etl import ids

SOURCE = Path(__file__).resolve().parent.parent / "src" / "resume_etl"


def test_every_id_is_the_document_id_a_kind_letter_and_a_number() -> None:
    doc_id = ids.doc_id_for("Jane Roe\n")
    assert ids.DOC_ID.fullmatch(doc_id)
    minted = [
        ids.section_id(doc_id, 1),
        ids.entry_id(doc_id, 2),
        ids.publication_id(doc_id, 3),
        ids.skill_id(doc_id, 4),
        ids.metric_id(doc_id, 5),
        ids.link_id(doc_id, 6),
        ids.contact_id(doc_id, 7),
    ]
    assert minted == [f"{doc_id}:{kind}{n}" for n, kind in enumerate("sepkmlc", start=1)]


def _mints_an_id(node: ast.AST) -> bool:
    """An f-string that starts with a document id and a colon: ``f"{doc_id}:e{n}"``."""
    if not isinstance(node, ast.JoinedStr) or len(node.values) < 2:
        return False
    first, second = node.values[0], node.values[1]
    return (
        isinstance(first, ast.FormattedValue)
        and isinstance(first.value, ast.Name)
        and first.value.id == "doc_id"
        and isinstance(second, ast.Constant)
        and str(second.value).startswith(":")
    )


def test_no_module_but_ids_mints_an_id() -> None:
    minting = sorted(
        path.relative_to(SOURCE).as_posix()
        for path in SOURCE.rglob("*.py")
        if any(_mints_an_id(node) for node in ast.walk(ast.parse(path.read_text())))
    )
    assert minting == ["ids.py"]
