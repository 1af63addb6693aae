"""The real-data report: one group of scores per set, layout and split half.

A group holds per-field counts (``FieldScore``: P/R/F1 from true/false positives and misses),
entry accuracy (gold jobs whose organization, role, start and end are all right), the mean
text similarity of the prose fields, and coverage counts (the markdown set's, beside the
scores of its CVs with hand-written gold).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pydantic import BaseModel, ConfigDict, computed_field

from resume_etl.evaluation.counts import Counts, FieldScore
from resume_etl.evaluation.real.split import Half

ALL_LAYOUTS = "all"
"""The layout name of a group that pools every layout of the JSON Resume set."""


WEAKEST_SHOWN = 3
"""How many of a document's fields with the most errors its result names."""


class DocumentResult(BaseModel):
    """One document's errors over every field, for finding what to read (dev only)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    document: str
    true_positives: int
    errors: int
    jobs: int = 0
    jobs_right: int = 0
    weakest_fields: list[str]

    @property
    def f1(self) -> float:
        """F1 over every field of the document (1.0 when it had nothing to find or say)."""
        total = 2 * self.true_positives + self.errors
        return 2 * self.true_positives / total if total else 1.0


def document_result(
    document: str, counts: Mapping[str, Counts], jobs: int = 0, jobs_right: int = 0
) -> DocumentResult:
    """The result of one document from its field counts."""
    by_errors = sorted((c for c in counts.items() if c[1].errors), key=lambda c: -c[1].errors)
    return DocumentResult(
        document=document,
        true_positives=sum(c.true_positives for c in counts.values()),
        errors=sum(c.errors for c in counts.values()),
        jobs=jobs,
        jobs_right=jobs_right,
        weakest_fields=[name for name, _ in by_errors[:WEAKEST_SHOWN]],
    )


class Tally:
    """Counts being summed for one group, before they become a frozen :class:`GroupScore`."""

    def __init__(self) -> None:
        self.results: list[DocumentResult] = []
        self.fields: dict[str, Counts] = {}
        self.documents = 0
        self.jobs = 0
        self.jobs_right = 0
        self.similarity_sums: dict[str, float] = {}
        self.similarity_counts: dict[str, int] = {}
        self.coverage: dict[str, int] = {}

    def add_counts(self, counts: Mapping[str, Counts]) -> None:
        for name, found in counts.items():
            self.fields.setdefault(name, Counts()).add(found)

    def add_similarity(self, name: str, value: float) -> None:
        self.similarity_sums[name] = self.similarity_sums.get(name, 0.0) + value
        self.similarity_counts[name] = self.similarity_counts.get(name, 0) + 1

    def count(self, name: str, value: int = 1) -> None:
        self.coverage[name] = self.coverage.get(name, 0) + value

    def add_document(self, result: DocumentResult, counts: Mapping[str, Counts]) -> None:
        """One scored document: its counts join the group's, its result the group's list."""
        self.add_counts(counts)
        self.documents += 1
        self.jobs += result.jobs
        self.jobs_right += result.jobs_right
        self.results.append(result)

    def merge(self, other: Tally) -> None:
        self.add_counts(other.fields)
        self.results += other.results
        self.documents += other.documents
        self.jobs += other.jobs
        self.jobs_right += other.jobs_right
        for name, total in other.similarity_sums.items():
            self.similarity_sums[name] = self.similarity_sums.get(name, 0.0) + total
            self.similarity_counts[name] = (
                self.similarity_counts.get(name, 0) + other.similarity_counts[name]
            )
        for name, value in other.coverage.items():
            self.count(name, value)

    def freeze(self, dataset: str, layout: str | None, half: Half) -> GroupScore:
        return GroupScore(
            dataset=dataset,
            layout=layout,
            half=half,
            documents=self.documents,
            fields=[
                FieldScore(
                    field=name,
                    true_positives=counts.true_positives,
                    false_positives=counts.false_positives,
                    false_negatives=counts.false_negatives,
                )
                for name, counts in self.fields.items()
                if counts.true_positives + counts.errors
            ],
            jobs=self.jobs,
            jobs_right=self.jobs_right,
            similarity={
                name: round(total / self.similarity_counts[name], 4)
                for name, total in self.similarity_sums.items()
            },
            coverage=dict(self.coverage),
            results=list(self.results),
        )


class GroupScore(BaseModel):
    """The scores of one set (and layout) on one half of the split."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    dataset: str
    layout: str | None = None
    half: Half
    documents: int
    fields: list[FieldScore]
    jobs: int = 0
    jobs_right: int = 0
    similarity: dict[str, float]
    coverage: dict[str, int]
    results: list[DocumentResult] = []
    """Per document (per rendering), in run order."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def entry_accuracy(self) -> float | None:
        """Share of gold jobs with organization, role, start and end all right."""
        return self.jobs_right / self.jobs if self.jobs else None

    def field(self, name: str) -> FieldScore | None:
        return next((score for score in self.fields if score.field == name), None)

    @property
    def key(self) -> str:
        """``set/layout/half`` (``set/half`` without a layout), as floors name a group."""
        return "/".join(part for part in (self.dataset, self.layout, self.half.value) if part)


class RealReport(BaseModel):
    """Everything ``resume-etl eval-real`` measured, as ``--json`` writes it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    data_dir: str
    seed: int
    groups: list[GroupScore]

    def group(self, key: str) -> GroupScore | None:
        return next((group for group in self.groups if group.key == key), None)


def freeze_all(
    tallies: Mapping[tuple[str, str | None, Half], Tally],
) -> list[GroupScore]:
    """Frozen groups in report order: set, half, then layout."""
    return [tallies[key].freeze(*key) for key in tallies]


def pooled(tallies: Iterable[Tally]) -> Tally:
    """One tally holding the sum of ``tallies``."""
    total = Tally()
    for tally in tallies:
        total.merge(tally)
    return total
