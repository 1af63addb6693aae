"""Measure extraction quality: gold records written by people, and a scorer that compares them
with what the pipeline wrote (``resume-etl eval``)."""

from resume_etl.evaluation.gold import GoldDocument, load_gold
from resume_etl.evaluation.score import EvalReport, FieldScore, evaluate, score_documents

__all__ = ["EvalReport", "FieldScore", "GoldDocument", "evaluate", "load_gold", "score_documents"]
