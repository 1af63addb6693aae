"""Measure extraction quality: gold records written by people, and a scorer that compares them
with what the pipeline wrote (``resume-etl eval``).

The names load on first use (PEP 562), so importing a light submodule such as
``evaluation.real.split`` for the CLI's option lists does not load spaCy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from resume_etl.evaluation.counts import EvalReport, FieldScore
    from resume_etl.evaluation.gold import GoldDocument, load_gold
    from resume_etl.evaluation.score import evaluate, score_documents

__all__ = ["EvalReport", "FieldScore", "GoldDocument", "evaluate", "load_gold", "score_documents"]

_HOMES = {
    "GoldDocument": "resume_etl.evaluation.gold",
    "load_gold": "resume_etl.evaluation.gold",
    "EvalReport": "resume_etl.evaluation.counts",
    "FieldScore": "resume_etl.evaluation.counts",
    "evaluate": "resume_etl.evaluation.score",
    "score_documents": "resume_etl.evaluation.score",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(home), name)
