"""Counts of true/false positives and negatives, and the report models built from them.

Kept apart from the scoring rules so report writers (markdown tables, the real-data report) can
read scores without importing the pipeline runner.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, computed_field


@dataclass(slots=True)
class Counts:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    def add(self, other: Counts) -> None:
        self.true_positives += other.true_positives
        self.false_positives += other.false_positives
        self.false_negatives += other.false_negatives

    @property
    def errors(self) -> int:
        return self.false_positives + self.false_negatives

    @property
    def f1(self) -> float:
        return _ratio(2 * self.true_positives, 2 * self.true_positives + self.errors)


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


class FieldScore(BaseModel):
    """One field's counts over the corpus; a field nothing predicts or expects scores 1.0."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    field: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        return _ratio(self.true_positives, self.true_positives + self.false_positives)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        return _ratio(self.true_positives, self.true_positives + self.false_negatives)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        errors = self.false_positives + self.false_negatives
        return _ratio(2 * self.true_positives, 2 * self.true_positives + errors)


class DocumentScore(BaseModel):
    """One document's counts over all fields, and the fields it got most wrong."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    document: str
    true_positives: int
    false_positives: int
    false_negatives: int
    f1: float
    weakest_fields: list[str]


class EvalReport(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    fields: list[FieldScore]
    documents: list[DocumentScore]

    def f1_by_field(self) -> dict[str, float]:
        return {score.field: score.f1 for score in self.fields}

    def worst_documents(self, count: int) -> list[DocumentScore]:
        return sorted(self.documents, key=lambda doc: (doc.f1, doc.document))[:count]
